"""Checks of the bundled tables in data/ (built by scripts/build_data.py).

The tables are read with pandas directly, so these tests do not depend on the
loader. Tests that need the reference data in ../shared/data skip with a
reason when it is absent.
"""

from __future__ import annotations

import dataclasses
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
AREA_CRS = "+proj=aea +lat_1=-7 +lat_2=3 +lat_0=-2 +lon_0=118 +datum=WGS84 +units=m +no_defs"
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
    # codes of the first release stay (R + Kemenkes 2019 code, KMK-PP-NNN); hospitals new to
    # the bundle use their 7-digit RS Online code
    assert rs["kode_rs"].str.fullmatch(
        r"R\d{7}|KMK-\d{2}-\d{3}|RSX-\d{4}-[0-9A-F]{4}|\d{7}").all()
    assert rs.loc[rs["kode_rs"].str.fullmatch(r"\d{7}"), "kode_rs"].eq(
        rs.loc[rs["kode_rs"].str.fullmatch(r"\d{7}"), "kode_rsonline"]).all()
    assert (rs["kode_rsonline"].eq("") | rs["kode_rsonline"].str.fullmatch(r"\d{7}")).all()
    assert rs.loc[rs["kode_rsonline"] != "", "kode_rsonline"].is_unique
    kab = set(wil.loc[wil["tingkat"] == "kabkota", "kode"])
    assert set(rs["kode_wilayah"]) <= kab
    assert set(rs["kode_wilayah_sk"]) - {""} <= kab
    assert set(rs["lokasi_presisi"]) <= {"sumber", "rsonline2021", "kemenkes2019", "desa",
                                         "kecamatan", "kabkota"}
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
    kem = rs[rs["kode_rs"].str.fullmatch(r"R\d{7}") & (rs["kode_wilayah_sk"] == "")]
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
    # the hospital, layanan, link, service and region tables: 1,531 KiB in this build
    tables = sum(p.stat().st_size for p in DATA.glob("*.csv") if p.name != "kecamatan.csv")
    assert tables < 1.6 * 1024 * 1024, f"{tables / 1024:.0f} KiB"
    # every bundled file (tables, kecamatan points, boundaries): about 4.5 MiB in this build
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert total < 5 * 1024 * 1024, f"{total / 1024:.0f} KiB"


@needs_shared
def test_points_inside_their_kabkota(rs: pd.DataFrame) -> None:
    import geopandas as gpd

    adm2 = gpd.read_file(SHARED / "idn_adm2.geojson")[["kode_kab", "geometry"]]
    # placeholders strictly inside; RS Online / Kemenkes points and desa centres inside or
    # within 2 km
    sel = rs[rs["lokasi_presisi"].isin(["kabkota", "kecamatan", "desa", "kemenkes2019",
                                        "rsonline2021"])]
    pts = gpd.GeoDataFrame(
        sel[["kode_rs", "kode_wilayah", "lokasi_presisi"]],
        geometry=gpd.points_from_xy(sel["lon"].astype(float), sel["lat"].astype(float)),
        crs=4326,
    )
    joined = gpd.sjoin(pts, adm2, how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    assert len(joined) == len(pts)
    off = joined[joined["kode_kab"] != joined["kode_wilayah"]]
    assert (~off["lokasi_presisi"].isin(["kabkota", "kecamatan"])).all()
    poly = adm2.set_index("kode_kab").to_crs(AREA_CRS).geometry
    far = [k for k, w, g in zip(off["kode_rs"], off["kode_wilayah"],
                                off.geometry.to_crs(AREA_CRS), strict=True)
           if poly[w].distance(g) > 2050]  # 2 km on the sphere, ~1 % Albers scale error
    assert not far, far
    assert len(off) < 0.03 * len(sel)  # 1.2 % in this build
    # no two hospitals on one point (approximate points aside)
    placed = rs[~rs["lokasi_presisi"].isin(["kabkota", "kecamatan", "desa"])]
    assert not placed.duplicated(["lat", "lon"]).any()


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
    assert set(lay["bukti"]) <= {"regulasi", "dokumen", "berita", "inferensi"}
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
        assert row["bukti"].iloc[0] == "inferensi"  # derived from the Banten MoU, not stated


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
    # plus staff training ("Pelatihan Pendidikan Sumber Daya Manusia") with RSAB HK and RSCM
    want |= {(code["RSAB Harapan Kita"], "sdm"), (code["RSUPN Dr. Cipto Mangunkusumo"], "sdm")}
    assert pairs == want
    assert len({p for p, _ in pairs}) == 7
    assert set(got["bukti"]) == {"berita"}  # a news report of the signed MoU


def test_jabar_links(jej: pd.DataFrame, rs: pd.DataFrame) -> None:
    rshs = _by_name(rs, "RSUP Dr. Hasan Sadikin")["kode_rs"]
    got = jej[(jej["pengampu"] == rshs) & (jej["mulai"] == "2024-04-04")]
    assert sorted(got["layanan"].value_counts().items()) == [
        (x, 27) for x in sorted([*KJSU, "sdm"])]
    # the article names Kab. Bekasi; the other 26 kab/kota rest on a general statement
    graded = got.merge(rs[["kode_rs", "kode_wilayah"]], left_on="diampu", right_on="kode_rs")
    assert set(graded.loc[graded["kode_wilayah"] == "32.16", "bukti"]) == {"berita"}
    assert set(graded.loc[graded["kode_wilayah"] != "32.16", "bukti"]) == {"inferensi"}
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
    syamsudin = rs[rs["alias"].str.contains("RS Bunut")]["kode_rs"].iloc[0]
    assert got == {
        (code["RS Pusat Otak Nasional (RS PON) Prof. Dr. dr. Mahar Mardjono"], "stroke"),
        (code["RS Kanker Dharmais"], "kanker"),
        (syamsudin, "manajemen"),
    }
    links = jej[jej["diampu"] == rl["kode_rs"]].set_index("layanan")
    # "menjalin komunikasi" is no agreement; the management MoU is stated ("MoU nya sudah ada")
    assert links.loc["stroke", "bukti"] == links.loc["kanker", "bukti"] == "inferensi"
    assert links.loc["manajemen", "bukti"] == "berita"
    target_2025 = lay[(lay["kode_rs"] == rl["kode_rs"]) & (lay["tahun"] == "2025")]
    assert set(target_2025["layanan"]) == set(KJSU)
    assert target_2025["catatan"].str.contains("tafsiran").all()
    assert (target_2025["bukti"] == "inferensi").all()  # the 2025 plan stays, as what it is


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


# ---------------------------------------------------------------- hospital truth (issue 14)
def test_every_bundled_row_graded(lay: pd.DataFrame, jej: pd.DataFrame) -> None:
    grades = {"regulasi", "dokumen", "berita", "inferensi"}
    fas = _read("fasilitas.csv")
    for name, df in (("layanan", lay), ("jejaring", jej), ("fasilitas", fas)):
        assert set(df["bukti"]) <= grades and (df["bukti"] != "").all(), name
    # decree rows are regulasi, and only decree (or decree-copy) rows are
    assert (lay.loc[lay["sumber"].str.startswith(DECREE), "bukti"] == "regulasi").all()
    assert (lay.loc[lay["bukti"] == "regulasi", "sumber"].str.contains(r"KMK", regex=True)).all()
    assert set(fas["bukti"]) == {"dokumen"} and set(fas["tahun"]) == {"2020"}


def test_decree_counts_with_default_grades() -> None:
    import pengampuan as pg

    ds = pg.load_dataset()
    tab = ds.strata_table(status="target")
    for layanan, counts in DECREE_COUNTS.items():
        got = tab[layanan].value_counts().to_dict()
        assert {k: got.get(k, 0) for k in counts} == counts, layanan
    # with the project's own inferences, Rejang Lebong's 2025 plan adds one utama per layanan
    every = ds.strata_table(status="target", bukti=["regulasi", "dokumen", "berita", "inferensi"])
    assert every["stroke"].value_counts()["utama"] == DECREE_COUNTS["stroke"]["utama"] + 1


def test_placeholder_share(rs: pd.DataFrame, match: pd.DataFrame) -> None:
    dec = rs[rs["sumber"].str.contains(DECREE, regex=False)]
    assert len(dec) == 576
    placeholder = dec["lokasi_presisi"] == "kabkota"
    # 41 of 576 (7.1 %) in this build, within the aim of 10 %
    assert placeholder.sum() <= 41 and placeholder.mean() <= 0.10, f"{placeholder.mean():.1%}"
    # 73 decree hospitals have no point of their own: 21 are in none of the lists, 52 have
    # only rejected points (12 of them refused because their own address puts the hospital
    # more than 10 km away); 32 of the 52 are placed by the desa or kecamatan their address
    # names, and stay approximate
    approx = dec["lokasi_presisi"].isin(["desa", "kecamatan", "kabkota"])
    assert approx.sum() == 73
    assert (dec.loc[approx & ~placeholder, "lokasi_presisi"].value_counts().to_dict()
            == {"desa": 19, "kecamatan": 13})
    # every approximate point, decree or not, says why in the match report
    why = match[match["metode"].isin(["titik kab/kota (bukan lokasi RS)",
                                      "titik desa/kelurahan dari alamat (bukan lokasi RS)",
                                      "titik kecamatan dari alamat (bukan lokasi RS)"])]
    why = why.set_index("kode_rs")
    assert why.index.is_unique
    assert set(rs.loc[rs["lokasi_presisi"].isin(["desa", "kecamatan", "kabkota"]), "kode_rs"]) \
        == set(why.index)
    reasons = why.loc[dec.loc[approx, "kode_rs"], "catatan"]
    none = reasons.str.startswith("tidak ada di RS Online 2021/2020")
    rejected = reasons.str.contains("hanya calon yang ditolak", regex=False)
    assert (none | rejected).all() and none.sum() == 21 and rejected.sum() == 52
    assert reasons[~placeholder[approx].to_numpy()].str.startswith("alamat ").all()
    titik = match[match["metode"] == "titik ditolak"]
    assert set(dec.loc[approx, "kode_rs"][rejected.to_numpy()]) <= set(titik["kode_rs"])
    assert (rs["lokasi_presisi"] == "rsonline2021").sum() > 2500
    # the ten decree hospitals the first release misplaced now have their own point
    for kode in ("KMK-62-004", "KMK-13-015", "KMK-35-027"):
        assert rs.set_index("kode_rs").loc[kode, "lokasi_presisi"] != "kabkota", kode


def test_location_and_listing(rs: pd.DataFrame) -> None:
    r = rs.set_index("kode_rs")
    assert tuple(r.loc["KMK-11-011", ["kode_wilayah", "kode_wilayah_sk"]]) == ("11.73", "11.08")
    assert tuple(r.loc["KMK-12-003", ["kode_wilayah", "kode_wilayah_sk"]]) == ("12.78", "12.04")
    # RSU Bima (Kab. Bima) stands in Kota Bima: its RS Online address says "RABA KOTA BIMA"
    assert tuple(r.loc["KMK-52-009", ["kode_wilayah", "kode_wilayah_sk"]]) == ("52.72", "52.06")
    assert r.loc["KMK-52-009", "lokasi_presisi"] == "rsonline2021"
    moved = rs[rs["kode_wilayah_sk"] != ""]
    assert (moved["kode_wilayah_sk"] != moved["kode_wilayah"]).all()
    assert moved["catatan"].str.contains("berdiri di").all()


def test_tolerance_point_contradicted_by_address(rs: pd.DataFrame, match: pd.DataFrame) -> None:
    # 2021 points within 2 km of the own kab/kota but inside another one, whose address names a
    # kecamatan of the own kab/kota far away: RSUD Banda (Banda Neira) has its point in Kota
    # Ambon, Sari Mutiara Lubuk Pakam in Kota Medan; both are placed in the kecamatan their
    # address names instead, with the reason
    r = rs.set_index("kode_rs")
    titik = match[match["metode"] == "titik ditolak"].set_index("id_sumber")
    for kode, there, kec, kode_kec in (
            ("8103002", "81.71", "kec. banda (81.01)", "81.01.09"),
            ("1212093", "12.71", "kec. lubuk pakam (12.07)", "12.07.28")):
        assert r.loc[kode, "lokasi_presisi"] == "kecamatan", kode
        assert r.loc[kode, "sumber_lokasi"].startswith("titik di dalam kecamatan "), kode
        assert f"({kode_kec}) menurut alamat RS" in r.loc[kode, "sumber_lokasi"], kode
        why = titik.loc[f"rsonline2021:{kode}", "catatan"]
        assert why.startswith(f"titik di {there}") and "dalam toleransi" in why and kec in why
    tol = titik[titik["catatan"].str.contains("dalam toleransi", regex=False)]
    assert sorted(tol.index) == ["kemenkes2019:R1212093", "rsonline2021:1212093",
                                 "rsonline2021:8103002"]


def test_all_rs_online_hospitals_bundled(rs: pd.DataFrame) -> None:
    assert len(rs) > 2900
    known = rs[rs["kode_rsonline"] != ""]
    assert len(known) > 2850
    assert (known["kelas"] != "").mean() > 0.95
    assert (known["tempat_tidur"] != "").mean() > 0.9
    assert set(rs["kelas"]) <= {"", "A", "B", "C", "D"}
    assert rs.loc[rs["kode_rs"] == "R3173014", "kode_rsonline"].item() == "3173014"  # RSCM


def test_fasilitas_table(rs: pd.DataFrame) -> None:
    fas = _read("fasilitas.csv")
    assert set(fas["kode_rs"]) <= set(rs["kode_rs"])
    assert not fas.duplicated(["kode_rs", "fasilitas"]).any()
    counts = fas["fasilitas"].value_counts()
    assert set(counts.index) <= {
        "hemodialisis", "cathlab", "bedah_jantung", "radioterapi", "bedah_onkologi",
        "kemoterapi", "kedokteran_nuklir", "stroke_unit", "bedah_saraf", "nefrologi", "urologi"}
    # one flag -> one name keeps the source count (README of the reference data)
    assert (counts["hemodialisis"], counts["cathlab"], counts["radioterapi"]) == (631, 225, 106)
    assert counts["kedokteran_nuklir"] == 30 and counts["urologi"] == 723


def test_lebong_dialysis_recorded(rs: pd.DataFrame) -> None:
    lebong = rs[(rs["kode_wilayah"] == "17.07") & rs["nama"].str.contains("Lebong")]
    note = " ".join(lebong["catatan"])
    assert "Juni 2024" in note and "cuci darah" in note and "19 Jun 2024" in note
    fas = _read("fasilitas.csv")
    hd = fas[fas["fasilitas"] == "hemodialisis"]
    assert not hd["kode_rs"].isin(lebong["kode_rs"]).any()


def test_gaps_counted_where_hospitals_stand() -> None:
    import pengampuan as pg

    gaps = pg.target_gaps(pg.load_dataset(), pg.load_regions(), status="target")
    kab = gaps[gaps["kode"].isin(["11.73", "12.78"])]
    assert len(kab) == 8 and kab["meets_target"].all(), kab


def test_proposals_take_the_nearest_higher_strata() -> None:
    import pengampuan as pg
    from pengampuan.geo import great_circle_km

    ds = pg.load_dataset()
    rs = ds.rumah_sakit.set_index("kode_rs")
    rank = ds.strata_rank_table(status="target")["stroke"].dropna()
    for max_load in (None, 15):
        prop = pg.propose_network(ds, layanan="stroke", max_load=max_load)
        skipped = 0
        for d, p, alasan in zip(prop["diampu"], prop["pengampu"], prop["alasan"], strict=True):
            higher = rank[rank > rank[d]].index
            dist = great_circle_km(rs.at[d, "lat"], rs.at[d, "lon"],
                                   rs.loc[higher, "lat"], rs.loc[higher, "lon"])
            chosen = great_circle_km(rs.at[d, "lat"], rs.at[d, "lon"], rs.at[p, "lat"],
                                     rs.at[p, "lon"])
            if (dist < chosen - 1e-9).any():
                skipped += 1
                assert max_load is not None and "penuh" in alasan, (d, p)
            else:
                assert alasan == ""
        assert skipped == 0 if max_load is None else skipped > 0
    # Aceh: Zainoel Abidin (paripurna, Banda Aceh) is nearer than RSU Haji Medan
    aceh = pg.propose_network(ds, layanan="stroke")
    aceh = aceh[aceh["diampu"].map(rs["kode_prov"]) == "11"]
    assert (aceh["pengampu"].map(rs["kode_prov"]) == "11").mean() > 0.5


# ---------------------------------------------------------------- unit tests of the build
def test_match_score_rules(build_script) -> None:  # type: ignore[no-untyped-def]
    score = build_script.match_score
    # names cut at 40 characters by RS Online still match
    assert score("RSUD dr. Abdoer Rahem Kabupaten Situbondo",
                 "RSUD dr. Abdoer Rahem Kabupaten Situbon") >= 90
    assert score("RSUD Kabupaten Kepulauan Mentawai", "RSUD Kep. Mentawai") >= 90
    # a hospital that became an RSUP matches its former "RS" name, never an RSUD
    assert score("RSUP Dr. Rivai Abdullah", "RS Dr. Rivai Abdullah") >= 90
    assert score("RSUP Jayapura", "RSUD Jayapura") == 0
    assert score("RSUD Kota Tangerang", "RSUD Kabupaten Tangerang") == 0
    assert score("RSUD Kartini Karanganyar", "RSUD Karanganyar", ("karanganyar",),
                 ("karanganyar",)) < 75


def test_best_candidate_needs_a_clear_lead(build_script) -> None:  # type: ignore[no-untyped-def]
    h = build_script.Hospital(nama="RSUD Uji", kode_wilayah="17.02")
    notes: list[dict] = []
    scores = {"A": 80.0, "B": 50.0, "C": 79.0}
    pick = build_script.best_candidate
    assert pick(h, ["A", "B"], scores.get, lambda **k: notes.append(k), "x") == ("A", 80.0)
    assert pick(h, ["A", "C"], scores.get, lambda **k: notes.append(k), "x") is None  # no lead
    tie = {"A": 95.0, "B": 95.0}
    assert pick(h, ["A", "B"], tie.get, lambda **k: notes.append(k), "x") is None
    assert notes[-1]["metode"] == "ambigu"


@needs_shared
def test_point_acceptance(build_script) -> None:  # type: ignore[no-untyped-def]
    reg = build_script.load_regions(SHARED)
    km = build_script.km_outside
    assert km(reg, "31.71", -6.19700, 106.84790) == 0.0  # RSCM inside Jakarta Pusat
    # just across the border: accepted within 2 km, refused further away
    assert 0 < km(reg, "31.73", -6.19700, 106.84790) < 10
    assert km(reg, "17.02", -6.19700, 106.84790) > 500
    rso = build_script.load_rsonline(SHARED, reg, lambda **k: None)
    assert rso.at["3173014", "kab"] == "31.71" and rso.at["3173014", "titik_masalah"] == ""
    default = rso[rso["titik_masalah"].str.startswith("titik default SIRS")]
    assert len(default) >= 15
    shared = rso[rso["titik_masalah"].str.startswith("titik sama")]
    assert len(shared) > 0 and shared["lat"].round(5).duplicated(keep=False).all()
    # Sulawesi Selatan codes carry Kemendagri digits: 7308041 = RSUD Tenriawaru Bone (73.08)
    assert rso.at["7308041", "kab"] == "73.08" and rso.at["7308041", "kab_kode"] == "73.08"
    # RS Online 2020 registers RSUD Tarakan and RSUD Nunukan as "Kalimantan Utara, 6401 Paser":
    # a kab/kota of another province is not taken (the 2021 region text is)
    assert rso.at["6473016", "kab"] == "65.71" and rso.at["6408025", "kab"] == "65.03"


def test_renamed_hospitals_tied(rs: pd.DataFrame) -> None:
    r = rs.set_index("kode_rs")
    # the provincial RSUD Tarakan (Kaltara) is RSUD dr. H. Jusuf SK, not the city's RSU Kota
    # Tarakan: the reference point of 'RSUD Tarakan' belongs to the former
    jusuf, kota = r.loc["KMK-65-001"], r.loc["KMK-65-006"]
    assert (jusuf["nama"], jusuf["lokasi_presisi"], jusuf["kode_rsonline"]) == (
        "RSUD dr. H. Jusuf SK", "sumber", "6473016")
    assert "RSUD Tarakan" in jusuf["alias"].split(";")
    assert (kota["nama"], kota["lokasi_presisi"], kota["kode_rsonline"]) == (
        "RSU Kota Tarakan", "rsonline2021", "6571044")
    # renamed since 2021: tied to their RS Online record (and its point), no longer bundled twice
    for kode, rso in (("KMK-33-003", "3372201"), ("KMK-71-003", "7171103"),
                      ("KMK-33-031", "3313011"), ("KMK-62-015", "6271026")):
        assert (r.loc[kode, "kode_rsonline"], r.loc[kode, "lokasi_presisi"]) == (
            rso, "rsonline2021"), kode
        assert rso not in r.index and (rs["kode_rsonline"] == rso).sum() == 1


@needs_shared
def test_stands_in_a_neighbour_only_with_evidence(build_script) -> None:  # type: ignore[no-untyped-def]
    reg = build_script.load_regions(SHARED)
    ev = build_script.stands_in_evidence
    # an address naming the neighbour with its kind: Kota Bima, not Kabupaten Bima
    yes, no = ev(reg, [("alamat", "JL. LANGSAT NO. 1 RABA KOTA BIMA")], "52.06", "52.72")
    assert "52.72" in yes and no == ""
    assert ev(reg, [("alamat", "JL. LANGSAT NO. 1 RABA KAB. BIMA")], "52.06", "52.72")[0] == ""
    # the address names a kecamatan of the listed kab/kota: a contradiction
    yes, no = ev(reg, [("alamat", "JL. J.W. LASUT RATATOTOK II KECAMATAN RATATOTOK")],
                 "71.07", "71.02")
    assert yes == "" and "71.07" in no
    # a town name alone is no evidence
    assert ev(reg, [("nama", "RSUD Ambarawa")], "33.22", "33.74") == ("", "")
    # an address in map-service form may come from the point itself: left out
    h = build_script.Hospital(nama="RS Uji", kode_wilayah="53.01", rsonline="5303028")
    r = pd.Series({"alamat": "JL. R. W. MONGINSIDI, FATULULI, KEC. OEBOBO, KOTA KUPANG, "
                             "NUSA TENGGARA TIM."})
    texts = build_script.record_texts(h, r, pd.DataFrame(columns=["alamat_faskes"]))
    assert texts == [("nama", "RS Uji")]


def test_news_grades(build_script) -> None:  # type: ignore[no-untyped-def]
    grade = build_script.news_bukti
    assert grade("https://id.scribd.com/document/553320256/KMK-No-HK-01-07-MENKES-7182-2020") \
        == "regulasi"
    assert grade("https://kupang.antaranews.com/berita/174105/rsup-ben-mboi") == "berita"


def test_rename_verdicts_cover_every_hint(build_script) -> None:  # type: ignore[no-untyped-def]
    if not (SHARED / "idn_hospitals_satgas2021_alias_unverified.csv").is_file():
        pytest.skip("reference data not present")
    hints = pd.read_csv(SHARED / "idn_hospitals_satgas2021_alias_unverified.csv", dtype=str)
    assert set(hints["kode_rs"]) == set(build_script.RENAME_VERDICTS)
    match = _read("pencocokan_rs.csv")
    verdicts = match[match["id_sumber"].str.startswith("idn_hospitals_satgas2021_alias")]
    assert len(verdicts) == len(hints) and (verdicts["metode"] == "diterima").all()
    assert (verdicts["catatan"].str.len() > 20).all()


# ---------------------------------------------------------------- fasilitas in the library
def _tiny_with(tmp_path: Path, tiny_dir: Path, fasilitas: str) -> Path:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(tiny_dir, folder)
    (folder / "fasilitas.csv").write_text(fasilitas, encoding="utf-8")
    return folder


def test_fasilitas_access(tmp_path: Path, tiny_dir: Path) -> None:
    import pengampuan as pg

    rows = ("kode_rs,fasilitas,tahun,sumber,bukti\n"
            "RS0002,hemodialisis,2020,uji,dokumen\n"
            "RS0003,HD,2020,uji,inferensi\n"
            "RS0001,cathlab,2020,uji,\n")
    ds = pg.load_dataset(_tiny_with(tmp_path, tiny_dir, rows))
    assert ds.fasilitas["fasilitas"].tolist() == ["hemodialisis", "hemodialisis", "cathlab"]
    # the inferred row does not count by default, the ungraded one always does
    assert set(ds.capable(fasilitas="hemodialisis")["kode_rs"]) == {"RS0002"}
    every = ds.capable(fasilitas="hemodialisis", bukti=pg.BUKTI)
    assert set(every["kode_rs"]) == {"RS0002", "RS0003"}
    assert set(ds.capable(fasilitas="cathlab", bukti=["regulasi"])["kode_rs"]) == {"RS0001"}
    rs = ds.rumah_sakit.set_index("kode_rs")
    pts = pd.DataFrame({"lat": [rs.at["RS0003", "lat"]], "lon": [rs.at["RS0003", "lon"]]})
    near = pg.nearest_hospital(pts, ds, fasilitas="hemodialisis")
    assert near["kode_rs"].tolist() == ["RS0002"]
    near_all = pg.nearest_hospital(pts, ds, fasilitas="hemodialisis", bukti=pg.BUKTI)
    assert near_all["kode_rs"].tolist() == ["RS0003"] and near_all["distance_km"].iloc[0] == 0
    with pytest.raises(ValueError, match="not both"):
        pg.nearest_hospital(pts, ds, layanan="jantung", fasilitas="cathlab")
    with pytest.raises(ValueError, match="fasilitas='dialisa' is not known"):
        ds.capable(fasilitas="dialisa")
    with pytest.raises(ValueError, match="unknown grade"):
        ds.capable(layanan="jantung", bukti=["rumor"])
    # bundled data: where dialysis was reported in 2020, next to the decree targets
    full = pg.load_dataset()
    reg = pg.load_regions(level="kabkota")
    reg = reg[reg["kode_induk"] == "17"]
    hd = pg.dialysis_burden(full, reg, fasilitas="hemodialisis").set_index("kode")
    rs_full = full.rumah_sakit.set_index("kode_rs")
    curup = rs_full.index[rs_full["kode_rsonline"] == "1702015"].item()  # RSUD Curup
    assert hd.loc["17.02", "kode_rs"] == curup and int(hd.loc["17.02", "pasien_hd"]) == 92
    # Lebong had no dialysis (June 2024; none reported in 2020): its patients travel out
    assert rs_full.loc[hd.loc["17.07", "kode_rs"], "kode_wilayah"] != "17.07"


def test_fasilitas_file_problems_all_at_once(tmp_path: Path, tiny_dir: Path, english: None) -> None:
    import pengampuan as pg

    rows = ("kode_rs,fasilitas,tahun,sumber,bukti\n"
            "RS0002,dialisa,2020,uji,dokumen\n"
            "RS9999,cathlab,2020,uji,dokumen\n"
            "RS0001,cathlab,dua ribu,uji,gosip\n")
    rep = pg.validate(_tiny_with(tmp_path, tiny_dir, rows))
    err = rep.errors
    found = sorted(zip(err["row"].astype(int), err["column"], strict=True))
    assert found == [(2, "fasilitas"), (3, "kode_rs"), (4, "bukti"), (4, "tahun")]
    assert set(err["file"]) == {"fasilitas.csv"}
    assert "expected one of ['hemodialisis'" in err.loc[err["column"] == "fasilitas",
                                                         "problem"].item()
    assert rep.counts["fasilitas"] == 3


def test_network_edges_carry_bukti() -> None:
    import pengampuan as pg

    ds = pg.load_dataset()
    net = pg.build_network(ds)
    grades = {d["bukti"] for *_, d in net.edges(data=True)}
    assert grades == {"berita", "inferensi"}
    default = pg.network_summary(net, layanan="stroke")
    every = pg.network_summary(net, layanan="stroke", bukti=pg.BUKTI)
    assert default["n_diampu"].sum() < every["n_diampu"].sum()  # Jawa Barat inferences out
    gdf = pg.links_geodataframe(net)
    assert set(gdf["bukti"]) == grades
    # non-clinical topics are links without strata: no strata findings for them
    checks = pg.network_checks(net, bukti=pg.BUKTI)
    assert not checks["layanan"].isin(["manajemen", "sdm"]).any()


# ---------------------------------------------------------------- hospital type (jenis_rs)
# hospitals of RS Online 2020 registered as a type their names do not give
JENIS_BY_REGISTRATION = {
    "1275935": ("RS Umum Royal Maternity", "ibu_anak", "umum"),
    "3274064": ("RS Ibu dan Anak Putera Bahagia", "ibu_anak", "umum"),
    "3507112": ("RSK Geriatri Teja Husada", "khusus", "umum"),
    "7471103": ("RS Ibu dan Anak Permata Bunda", "ibu_anak", "umum"),
    "3171552": ("RS Khusus Bedah THT Yayasan Yurino", "tht", "bedah"),
    "7371096": ("RS Khusus Daerah Dadi", "khusus", "jiwa"),
    "8171063": ("RSKD Provinsi Maluku", "khusus", "jiwa"),
}


def test_jenis_rs_column(rs: pd.DataFrame) -> None:
    from pengampuan.coverage import JENIS_RS

    filled = rs["jenis_rs"] != ""
    assert set(rs.loc[filled, "jenis_rs"]) <= set(JENIS_RS)
    # every hospital of the RS Online 2020 list (2,878), none other
    assert filled.sum() == 2878
    assert (rs.loc[filled, "kode_rsonline"] != "").all()
    counts = rs.loc[filled, "jenis_rs"].value_counts()
    assert (counts["umum"], counts["ibu_anak"], counts["jiwa"], counts["otak"]) == (
        2344, 358, 43, 2)


@needs_shared
def test_jenis_rs_is_the_registered_type(rs: pd.DataFrame) -> None:
    from pengampuan.coverage import _jenis_from_text

    src = pd.read_csv(SHARED / "idn_rs_layanan_rsonline2020.csv", dtype=str,
                      keep_default_na=False).set_index("NoRegistrasi")["JenisRS"]
    # oracle: the raw JenisRS read by the name rules of pengampuan.coverage
    expected = _jenis_from_text(src, typed=True)
    assert expected.notna().all()
    got = rs.set_index("kode_rsonline")["jenis_rs"]
    listed = got.index.isin(src.index)
    assert (got[~listed] == "").all()
    pd.testing.assert_series_equal(got[listed].sort_index(),
                                   expected.reindex(got.index[listed]).sort_index().astype(object),
                                   check_names=False, check_dtype=False)
    assert listed.sum() == 2878 == len(src)


def test_upgrade_candidates_take_the_type_from_the_column() -> None:
    import pengampuan as pg
    from pengampuan.coverage import upgrade_candidates

    ds = pg.load_dataset()
    cand = upgrade_candidates(ds, layanan="stroke").set_index("kode_rs")
    assert cand["jenis_dari"].value_counts().to_dict() == {"jenis_rs": 2878, "nama": 57}
    for kode, (nama, by_name, registered) in JENIS_BY_REGISTRATION.items():
        r = cand.loc[kode]
        assert (r["nama"], r["jenis_rs"], r["jenis_dari"]) == (nama, registered, "jenis_rs")
        assert by_name != registered
        # an RSU named as a maternity/geriatric hospital is a candidate as a general hospital
        assert bool(r["kandidat"]) == (registered == "umum")
    assert int(cand["kandidat"].sum()) == 1828
    # without the column, the names give the type (the 4 RSU above are left out)
    rs = ds.rumah_sakit.drop(columns="jenis_rs")
    by_name = upgrade_candidates(dataclasses.replace(ds, rumah_sakit=rs), layanan="stroke")
    assert set(by_name["jenis_dari"]) == {"nama"} and int(by_name["kandidat"].sum()) == 1824


def test_jenis_rs_values_read_as_they_are() -> None:
    from pengampuan.coverage import JENIS_RS, _jenis_rs

    names = ["RS Bersalin Satu", "RS Ibu dan Anak", "RS Mitra", "RS Bedah Dua", "RSIA Tiga"]
    rs = pd.DataFrame({"nama": names,
                       "jenis_rs": ["umum", "umum", "bedah", "", "RSIA"],
                       "jenis": ["RSK Jiwa"] * 5})
    jenis, dari = _jenis_rs(rs)
    assert jenis.tolist() == ["umum", "umum", "bedah", "bedah", "ibu_anak"]
    assert dari.tolist() == ["jenis_rs", "jenis_rs", "jenis_rs", "nama", "jenis_rs"]
    # an empty jenis_rs column gives way to a 'jenis' column
    jenis, dari = _jenis_rs(rs.assign(jenis_rs=""))
    assert jenis.tolist() == ["jiwa"] * 5 and set(dari) == {"jenis"}
    # every value of JENIS_RS is read as itself
    assert _jenis_rs(pd.DataFrame({"nama": ["RS"] * len(JENIS_RS),
                                   "jenis_rs": list(JENIS_RS)}))[0].tolist() == list(JENIS_RS)


def test_address_points_lie_in_the_place_they_name(rs: pd.DataFrame) -> None:
    """A hospital placed by its address lies in the kecamatan it names (kecamatan), or within
    2 km of the kecamatan of the desa it names (desa): checked against the bundled kecamatan
    polygons, a source independent of the desa centres the build read."""
    import geopandas as gpd

    import pengampuan as pg

    kec = pg.load_regions(level="kecamatan").set_index("kode").to_crs(AREA_CRS).geometry
    sel = rs[rs["lokasi_presisi"].isin(["desa", "kecamatan"])]
    assert len(sel) >= 50
    code = sel["sumber_lokasi"].str.extract(r"^(?:pusat desa/kelurahan|titik di dalam "
                                            r"kecamatan) [^(]+ \((\d{2}\.\d{2}\.\d{2}"
                                            r"(?:\.\d{4})?)\) menurut alamat RS")[0]
    assert code.notna().all(), sel.loc[code.isna(), "sumber_lokasi"].tolist()
    assert (code.str[:5] == sel["kode_wilayah"]).all()
    pts = gpd.GeoSeries(gpd.points_from_xy(sel["lon"].astype(float), sel["lat"].astype(float)),
                        index=sel.index, crs=4326).to_crs(AREA_CRS)
    km = pd.Series([kec[c[:8]].distance(p) / 1000 for c, p in zip(code, pts, strict=True)],
                   index=sel.index)
    inside = sel["lokasi_presisi"] == "kecamatan"
    assert (km[inside] == 0).all(), km[inside][km[inside] > 0]
    assert (km[~inside] <= 2.05).all(), km[~inside][km[~inside] > 2.05]


def test_points_refuted_by_their_own_address(rs: pd.DataFrame, match: pd.DataFrame) -> None:
    """A 2021/2019 point more than 10 km from the kecamatan the hospital's own typed address
    names is refused, and the hospital is placed by its address (approximate)."""
    r = rs.set_index("kode_rs")
    why = "lebih dari 10 km dari kecamatan itu"
    refuted = match[(match["metode"] == "titik ditolak")
                    & match["catatan"].str.contains(why, regex=False)]
    assert 15 <= refuted["kode_rs"].nunique() <= 30
    assert r.loc[refuted["kode_rs"].unique(), "lokasi_presisi"].isin(["desa", "kecamatan"]).all()
    # RSUD Majenang ("JL. DR. SOETOMO NO. 54 MAJENANG"): its 2021 point is inside Kab. Cilacap
    # but 50 km from kecamatan Majenang
    assert r.loc["3301084", "lokasi_presisi"] == "kecamatan"
    assert "Majenang (33.01.14)" in r.loc["3301084", "sumber_lokasi"]
    row = refuted[refuted["id_sumber"] == "rsonline2021:3301084"]["catatan"].iloc[0]
    assert "menyebut kecamatan majenang (33.01.14), 50 km dari titik" in row
