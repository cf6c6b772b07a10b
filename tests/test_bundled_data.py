"""Checks of the bundled tables in data/ (built by scripts/build_data.py).

The tables are read with pandas directly, so these tests do not depend on the
loader. Tests that need the reference data in ../shared/data skip with a
reason when it is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SHARED = REPO.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(
    not (SHARED / "idn_adm2.geojson").is_file(),
    reason=f"reference data folder {SHARED} not present",
)

KJSU = ("kanker", "jantung", "stroke", "uronefrologi")
DECREE = "KMK HK.01.07/MENKES/1277/2024"
# Per-layanan strata counts of KMK HK.01.07/MENKES/1277/2024 (kjsu_targets_reference.md, section 1)
DECREE_COUNTS = {
    "kanker": {"paripurna": 15, "utama": 43, "madya": 512},
    "jantung": {"paripurna": 14, "utama": 46, "madya": 509},
    "stroke": {"paripurna": 21, "utama": 40, "madya": 510},
    "uronefrologi": {"paripurna": 17, "utama": 40, "madya": 512},
}
NATIONAL = {
    "RS Kanker Dharmais": "kanker",
    "RS Jantung dan Pembuluh Darah Harapan Kita": "jantung",
    "RS Pusat Otak Nasional (RS PON) Prof. Dr. dr. Mahar Mardjono": "stroke",
    "RSUPN Dr. Cipto Mangunkusumo": "uronefrologi;kia",
    "RSUP Persahabatan": "tb",
    "RSPI Prof. Dr. Sulianti Saroso": "pie",
    "RSAB Harapan Kita": "kia",
}


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def rs() -> pd.DataFrame:
    return _read("rumah_sakit.csv")


@pytest.fixture(scope="module")
def lay() -> pd.DataFrame:
    return _read("layanan.csv")


@pytest.fixture(scope="module")
def jej() -> pd.DataFrame:
    return _read("jejaring.csv")


@pytest.fixture(scope="module")
def wil() -> pd.DataFrame:
    return _read("wilayah.csv")


@pytest.fixture(scope="module")
def match() -> pd.DataFrame:
    return _read("pencocokan_rs.csv")


def _by_name(rs: pd.DataFrame, nama: str) -> pd.Series:
    hit = rs[rs["nama"] == nama]
    assert len(hit) == 1, f"{nama!r}: {len(hit)} rows"
    return hit.iloc[0]


# ---------------------------------------------------------------- wilayah
def test_wilayah_counts_and_population(wil: pd.DataFrame) -> None:
    assert (wil["tingkat"] == "provinsi").sum() == 38
    assert (wil["tingkat"] == "kabkota").sum() == 514
    assert wil["kode"].is_unique
    pen = wil["penduduk"].astype(int)
    kab = wil["tingkat"] == "kabkota"
    assert pen[kab].sum() == 284_973_643
    assert pen[~kab].sum() == 284_973_643
    sums = pen[kab].groupby(wil.loc[kab, "kode_induk"]).sum()
    prov = wil[~kab].set_index("kode")["penduduk"].astype(int)
    pd.testing.assert_series_equal(sums.sort_index(), prov.sort_index(), check_names=False)
    assert set(wil.loc[kab, "kode_induk"]) == set(wil.loc[~kab, "kode"])
    assert wil.loc[kab, "kode"].str.fullmatch(r"\d{2}\.\d{2}").all()


def test_wilayah_haemodialysis_patients(wil: pd.DataFrame) -> None:
    filled = wil[wil["pasien_hd"] != ""]
    assert filled["kode"].tolist() == ["17.02"]
    assert filled["pasien_hd"].iloc[0] == "92"
    assert "92" in filled["sumber_pasien_hd"].iloc[0]


def test_bps_crosswalk() -> None:
    cw = _read("kode_bps_kemendagri.csv")
    assert len(cw) == 514 and cw["kode_bps"].is_unique and cw["kode"].is_unique
    m = dict(zip(cw["kode_bps"], cw["kode"], strict=True))
    assert (m["3173"], m["1212"], m["1275"], m["9471"], m["9171"]) == (
        "31.71",
        "12.07",
        "12.71",
        "91.71",
        "96.71",
    )
    assert (cw["sumber"] != "").all()


# ---------------------------------------------------------------- rumah_sakit
def test_rumah_sakit_keys(rs: pd.DataFrame, wil: pd.DataFrame) -> None:
    assert rs["kode_rs"].is_unique
    assert rs["kode_rs"].str.fullmatch(r"R\d{7}|KMK-\d{2}-\d{3}|RSX-\d{4}-[0-9A-F]{4}").all()
    assert set(rs["kode_wilayah"]) <= set(wil.loc[wil["tingkat"] == "kabkota", "kode"])
    assert set(rs["lokasi_presisi"]) <= {"sumber", "kemenkes2019", "kabkota"}
    lat, lon = rs["lat"].astype(float), rs["lon"].astype(float)
    assert lat.between(-11.1, 6.1).all() and lon.between(94.9, 141.1).all()


def test_rscm(rs: pd.DataFrame) -> None:
    rscm = rs[rs["kode_rs"] == "R3173014"].iloc[0]
    assert rscm["nama"] == "RSUPN Dr. Cipto Mangunkusumo"
    assert rscm["kode_wilayah"] == "31.71"
    assert rscm["lokasi_presisi"] == "sumber"


def test_national_pengampu(rs: pd.DataFrame) -> None:
    got = dict(
        zip(
            rs.loc[rs["pengampu_nasional"] != "", "nama"],
            rs.loc[rs["pengampu_nasional"] != "", "pengampu_nasional"],
            strict=True,
        )
    )
    assert got == NATIONAL
    assert (rs.loc[rs["pengampu_nasional"] != "", "kode_wilayah"].str[:2] == "31").all()


def test_kemenkes_codes_carry_bps_codes(rs: pd.DataFrame) -> None:
    cw = dict(
        zip(
            _read("kode_bps_kemendagri.csv")["kode_bps"],
            _read("kode_bps_kemendagri.csv")["kode"],
            strict=True,
        )
    )
    kem = rs[rs["kode_rs"].str.fullmatch(r"R\d{7}")]
    bps = (
        kem["kode_rs"]
        .str[1:5]
        .str.replace(r"^20", "21", regex=True)
        .str.replace(r"^92", "94", regex=True)
    )
    mapped = bps.map(cw)
    agree = mapped == kem["kode_wilayah"]
    # the disagreements are old codes that the row itself explains
    explained = kem["catatan"].str.contains(r"kode RS R\d{7} memuat")
    assert (agree | explained).all(), kem.loc[
        ~(agree | explained), ["kode_rs", "nama", "kode_wilayah"]
    ]
    assert agree.mean() > 0.9  # 93.6 % in the 2025 build


def test_every_row_has_sumber(
    rs: pd.DataFrame, lay: pd.DataFrame, jej: pd.DataFrame, wil: pd.DataFrame
) -> None:
    for name, df in (("rumah_sakit", rs), ("layanan", lay), ("jejaring", jej), ("wilayah", wil)):
        assert (df["sumber"].str.strip() != "").all(), name
    assert (rs["sumber_lokasi"].str.strip() != "").all()


def test_files_small() -> None:
    total = sum(p.stat().st_size for p in DATA.glob("*.csv"))
    assert total < 1.5 * 1024 * 1024, f"{total / 1024:.0f} KiB"


@needs_shared
def test_points_inside_their_kabkota(rs: pd.DataFrame) -> None:
    import geopandas as gpd

    adm2 = gpd.read_file(SHARED / "idn_adm2.geojson")[["kode_kab", "geometry"]]
    sel = rs[rs["lokasi_presisi"].isin(["kabkota", "kemenkes2019"])]
    pts = gpd.GeoDataFrame(
        sel[["kode_rs", "kode_wilayah", "lokasi_presisi"]],
        geometry=gpd.points_from_xy(sel["lon"].astype(float), sel["lat"].astype(float)),
        crs=4326,
    )
    joined = gpd.sjoin(pts, adm2, how="left", predicate="within")
    assert len(joined) == len(pts)
    bad = joined[joined["kode_kab"] != joined["kode_wilayah"]]
    assert bad.empty, bad[["kode_rs", "kode_wilayah", "kode_kab", "lokasi_presisi"]]
    assert (sel["lokasi_presisi"] == "kabkota").sum() > 0


# ---------------------------------------------------------------- layanan
def test_layanan_values(lay: pd.DataFrame, rs: pd.DataFrame) -> None:
    assert set(lay["kode_rs"]) <= set(rs["kode_rs"])
    assert set(lay["layanan"]) <= {
        "kanker",
        "jantung",
        "stroke",
        "uronefrologi",
        "kia",
        "tb",
        "pie",
    }
    assert set(lay["strata"]) <= {"dasar", "madya", "utama", "paripurna"}
    assert set(lay["status"]) <= {"ada", "target"}
    assert lay["tahun"].str.fullmatch(r"20\d\d").all()


def test_decree_counts(lay: pd.DataFrame, rs: pd.DataFrame) -> None:
    dec = lay[
        (lay["status"] == "target")
        & lay["sumber"].str.startswith(DECREE)
        & lay["layanan"].isin(KJSU)
    ]
    got = {k: g["strata"].value_counts().to_dict() for k, g in dec.groupby("layanan")}
    assert got == DECREE_COUNTS
    assert not dec.duplicated(["kode_rs", "layanan"]).any()
    prov = dec.merge(rs[["kode_rs", "kode_wilayah"]], on="kode_rs", validate="many_to_one")
    prov["kode_prov"] = prov["kode_wilayah"].str[:2]
    for layanan in KJSU:
        high = prov[(prov["layanan"] == layanan) & prov["strata"].isin(["utama", "paripurna"])]
        assert high["kode_prov"].nunique() == 34, layanan


def test_national_tb_pie_kia_inferred_and_flagged(lay: pd.DataFrame, rs: pd.DataFrame) -> None:
    code = dict(zip(rs["nama"], rs["kode_rs"], strict=True))
    for nama, layanan in (
        ("RSUP Persahabatan", "tb"),
        ("RSPI Prof. Dr. Sulianti Saroso", "pie"),
        ("RSAB Harapan Kita", "kia"),
        ("RSUPN Dr. Cipto Mangunkusumo", "kia"),
    ):
        row = lay[
            (lay["kode_rs"] == code[nama]) & (lay["layanan"] == layanan) & (lay["status"] == "ada")
        ]
        assert len(row) == 1 and row["strata"].iloc[0] == "paripurna", nama
        assert "disimpulkan" in row["catatan"].iloc[0]


# ---------------------------------------------------------------- jejaring
def test_jejaring_integrity(jej: pd.DataFrame, rs: pd.DataFrame) -> None:
    assert set(jej["pengampu"]) | set(jej["diampu"]) <= set(rs["kode_rs"])
    assert not jej.duplicated(["pengampu", "diampu", "layanan"]).any()
    assert not (jej["pengampu"] == jej["diampu"]).any()
    assert (jej["jenis"] == "sumber").all()
    assert jej.loc[jej["mulai"] != "", "mulai"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    for layanan, g in jej.groupby("layanan"):
        assert nx.is_directed_acyclic_graph(
            nx.DiGraph(list(zip(g["pengampu"], g["diampu"], strict=True)))
        ), layanan


def test_banten_links(jej: pd.DataFrame, rs: pd.DataFrame) -> None:
    banten = _by_name(rs, "RSUD Banten")
    assert banten["kode_wilayah"] == "36.73"
    code = dict(zip(rs["nama"], rs["kode_rs"], strict=True))
    got = jej[(jej["diampu"] == banten["kode_rs"]) & (jej["mulai"] == "2023-03-08")]
    pairs = set(zip(got["pengampu"], got["layanan"], strict=True))
    want = {(code[n], lay) for n, lays in NATIONAL.items() for lay in lays.split(";")}
    assert pairs == want
    assert len({p for p, _ in pairs}) == 7


def test_jabar_links(jej: pd.DataFrame, rs: pd.DataFrame) -> None:
    rshs = _by_name(rs, "RSUP Dr. Hasan Sadikin")["kode_rs"]
    got = jej[(jej["pengampu"] == rshs) & (jej["mulai"] == "2024-04-04")]
    assert sorted(got["layanan"].value_counts().items()) == [(x, 27) for x in sorted(KJSU)]
    diampu = rs[rs["kode_rs"].isin(got["diampu"])]
    assert len(diampu) == 27
    assert (
        diampu["kode_wilayah"].str.startswith("32.").all()
        and diampu["kode_wilayah"].nunique() == 27
    )


def test_rejang_lebong_links(jej: pd.DataFrame, rs: pd.DataFrame, lay: pd.DataFrame) -> None:
    rl = rs[rs["kode_wilayah"].eq("17.02") & rs["alias"].str.contains("RSUD Rejang Lebong")].iloc[0]
    code = dict(zip(rs["nama"], rs["kode_rs"], strict=True))
    got = set(
        zip(
            jej.loc[jej["diampu"] == rl["kode_rs"], "pengampu"],
            jej.loc[jej["diampu"] == rl["kode_rs"], "layanan"],
            strict=True,
        )
    )
    assert got == {
        (code["RS Pusat Otak Nasional (RS PON) Prof. Dr. dr. Mahar Mardjono"], "stroke"),
        (code["RS Kanker Dharmais"], "kanker"),
    }
    target_2025 = lay[(lay["kode_rs"] == rl["kode_rs"]) & (lay["tahun"] == "2025")]
    assert set(target_2025["layanan"]) == set(KJSU)
    assert target_2025["catatan"].str.contains("tafsiran").all()


def test_news_links(jej: pd.DataFrame, rs: pd.DataFrame) -> None:
    code = dict(zip(rs["nama"], rs["kode_rs"], strict=True))
    rscm = code["RSUPN Dr. Cipto Mangunkusumo"]
    kanker = jej[
        (jej["pengampu"] == rscm) & (jej["layanan"] == "kanker") & (jej["mulai"] == "2024-02-05")
    ]
    assert len(kanker) == 5
    ben_mboi = rs[rs["alias"].str.contains("RSUP Ben Mboi")]["kode_rs"].iloc[0]
    stroke = set(jej.loc[(jej["diampu"] == ben_mboi) & (jej["layanan"] == "stroke"), "pengampu"])
    assert (
        code["RS Pusat Otak Nasional (RS PON) Prof. Dr. dr. Mahar Mardjono"] in stroke
        and len(stroke) == 2
    )


# ---------------------------------------------------------------- match report
def test_every_decree_hospital_bundled_or_explained(match: pd.DataFrame, rs: pd.DataFrame) -> None:
    dec = match[match["sumber_data"] == "kmk1277"]
    assert len(dec) == 578 and dec["id_sumber"].is_unique
    ok = dec[dec["kode_rs"] != ""]
    assert set(ok["kode_rs"]) <= set(rs["kode_rs"])
    missing = dec[dec["kode_rs"] == ""]
    assert (missing["catatan"].str.len() > 10).all()
    assert len(missing) <= 4


def test_all_sources_matched_or_explained(match: pd.DataFrame, rs: pd.DataFrame) -> None:
    assert set(match.loc[match["kode_rs"] != "", "kode_rs"]) <= set(rs["kode_rs"])
    assert (match.loc[match["kode_rs"] == "", "catatan"] != "").all()
    for src, n in (
        ("referensi", 76),
        ("berita", 23),
        ("berita (pengampu)", 14),
        ("teks berita", 14),
    ):
        sel = match[match["sumber_data"] == src]
        assert len(sel) == n and (sel["kode_rs"] != "").all(), src


@needs_shared
def test_decree_rows_all_reported(match: pd.DataFrame) -> None:
    ref = pd.read_csv(SHARED / "kjsu_strata_reference.csv", dtype=str, keep_default_na=False)
    kmk = ref[ref["sumber"].str.contains("icalitulaci")]
    ids = set(kmk["provinsi"] + "/" + kmk["catatan"].str.extract(r"no\. [^;/]+/(\d+)")[0])
    assert len(ids) == 574
    assert ids <= set(match.loc[match["sumber_data"] == "kmk1277", "id_sumber"])


@needs_shared
def test_decree_counts_match_reference_table() -> None:
    text = (SHARED / "kjsu_targets_reference.md").read_text(encoding="utf-8")
    for layanan, counts in DECREE_COUNTS.items():
        m = re.search(rf"^\| {layanan} \| (\d+) \| (\d+) \| (\d+) \|", text, flags=re.M)
        assert m, layanan
        assert tuple(map(int, m.groups())) == (
            counts["paripurna"],
            counts["utama"],
            counts["madya"],
        )


@needs_shared
@pytest.mark.slow
def test_build_is_reproducible(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "build_data.py"),
            "--shared",
            str(SHARED),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    for p in sorted(tmp_path.glob("*.csv")):
        assert p.read_bytes() == (DATA / p.name).read_bytes(), (
            f"data/{p.name} is not what the script builds"
        )


@pytest.mark.skipif(
    not (REPO / "pengampuan" / "io.py").is_file(), reason="pengampuan.io not written yet"
)
def test_load_dataset_without_errors() -> None:
    import pengampuan as pg

    ds = pg.load_dataset()
    assert len(ds.rumah_sakit) == len(_read("rumah_sakit.csv"))
    assert len(ds.layanan) == len(_read("layanan.csv"))
    assert len(ds.jejaring) == len(_read("jejaring.csv"))
    if ds.report is not None:
        probs = ds.report.problems
        errors = probs[probs["severity"] == "error"] if "severity" in probs else probs
        assert errors.empty, errors.head(10)


# ---------------------------------------------------------------- the build script's matching rules
@pytest.fixture(scope="module")
def build_script():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_data", REPO / "scripts" / "build_data.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_data"] = mod  # dataclasses look their module up there
    try:
        spec.loader.exec_module(mod)
    finally:
        del sys.modules["build_data"]
    return mod


def test_name_matching_rules(build_script) -> None:  # type: ignore[no-untyped-def]
    score = build_script.name_score
    # "Kota" and "Kabupaten" never match, nor RSUP and RSUD, nor military and civil
    assert score("RSUD Kota Tangerang", "RS Umum Daerah Kabupaten Tangerang") == 0
    assert score("Rumah Sakit Umum Pusat Jayapura", "RSUD Jayapura") == 0
    assert score("RS Tk IV Pekanbaru", "RSUP Pekanbaru") == 0
    # the hospital's own place name is not what makes two names similar
    assert (
        build_script.name_core("RSUP Dr. Kariadi Semarang", ("semarang", "jawa tengah"))
        == "kariadi"
    )
    assert build_script.name_core("RSUD Tabanan", ("tabanan", "bali")) == "tabanan"
    assert score("RS Umum Daerah Dr. R. Soetijono Blora", "RSUD dr. Soetijono Blora") >= 90
    assert build_script.abbreviate("Rumah Sakit Umum Daerah Banten") == "RSUD Banten"


def test_kemenkes_code_mapping(build_script) -> None:  # type: ignore[no-untyped-def]
    class _Reg:
        bps_to_kemendagri = {"3173": "31.71", "2101": "21.02", "9412": "94.04"}

    kab = build_script.kemenkes_kab
    assert kab("R3173014", _Reg()) == ("31.71", "bps")  # BPS 3173 = Kemendagri 31.71
    assert kab("R2001013", _Reg())[0] == "21.02"  # Kepulauan Riau: 20 in Kemenkes codes
    assert kab("R9212011", _Reg(), "94")[0] == "94.04"  # Papua: 92 in Kemenkes codes
    assert kab("R9271034", _Reg(), "91")[0] is None  # 92.. under Papua Barat: no mapping


def test_missing_news_quote_is_reported(build_script, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("RSUD Rejang Lebong menangani pasien", encoding="utf-8")
    problems = build_script.check_seed_quotes(tmp_path)
    assert len(problems) == len(build_script.SEED_QUOTES)
    assert "not found" in problems[0]
