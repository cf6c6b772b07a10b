"""The report's scope follows the data, its travel model is stated, every column has a label.

A data folder with one province's own ``wilayah.csv`` gives that province's report (not a
national one judged on 514 kab/kota); ``--travel sea`` changes the travel times of islands
and is named in ``ringkasan.csv``; the hospitals layer carries the services each hospital
reported; every column of every report file has a glossary label.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pyogrio
import pytest

import pengampuan as pg
from pengampuan.cli import main
from pengampuan.datasets import bundled_data_dir
from pengampuan.export.glossary import column_info, column_label
from pengampuan.export.tables import (
    data_regions,
    data_scope,
    report_tables,
    travel_description,
)


def province_folder(out: Path, provinces: list[str]) -> Path:
    """The bundled data of some provinces only, written as a user's data folder.

    wilayah.csv keeps the provinces and their kab/kota; rumah_sakit.csv their hospitals;
    layanan.csv, fasilitas.csv and jejaring.csv the rows of those hospitals (links with both
    ends among them).
    """
    src = bundled_data_dir()
    out.mkdir(parents=True, exist_ok=True)

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(src / name, dtype=str, keep_default_na=False)

    w = read("wilayah.csv")
    w[w["kode"].isin(provinces) | w["kode_induk"].isin(provinces)].to_csv(
        out / "wilayah.csv", index=False)
    rs = read("rumah_sakit.csv")
    rs = rs[rs["kode_wilayah"].str.split(".").str[0].isin(provinces)]
    rs.to_csv(out / "rumah_sakit.csv", index=False)
    ids = set(rs["kode_rs"])
    for name in ("layanan.csv", "fasilitas.csv"):
        t = read(name)
        t[t["kode_rs"].isin(ids)].to_csv(out / name, index=False)
    j = read("jejaring.csv")
    j[j["pengampu"].isin(ids) & j["diampu"].isin(ids)].to_csv(out / "jejaring.csv", index=False)
    return out


@pytest.fixture(scope="module")
def bengkulu_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return province_folder(tmp_path_factory.mktemp("data") / "bengkulu", ["17"])


@pytest.fixture(scope="module")
def bengkulu_report(bengkulu_dir: Path, tmp_path_factory: pytest.TempPathFactory
                    ) -> tuple[Path, str]:
    """``pengampuan report --data <Bengkulu folder>`` (no other option): folder and stdout."""
    import contextlib
    import io

    out = tmp_path_factory.mktemp("laporan") / "bengkulu"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["report", "--data", str(bengkulu_dir), "--out", str(out), "--layanan",
                     "stroke,jantung", "--no-figures"])
    assert code == 0
    return out, buf.getvalue()


def features(path: Path) -> list[dict]:
    return [f["properties"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]]


# --- scope ------------------------------------------------------------------------------------
def test_one_province_folder_gives_a_province_report_api(bengkulu_dir: Path) -> None:
    ds = pg.load_dataset(bengkulu_dir)
    t = report_tables(ds, layanan="stroke")
    assert (t.provinsi, t.nama_provinsi, len(t.wilayah)) == ("17", "Bengkulu", 10)
    assert set(t.wilayah["kode_induk"]) == {"17"}
    summ = t.ringkasan
    assert summ.groupby("tingkat").size().to_dict() == {"kabkota": 10, "provinsi": 1}
    assert "Indonesia" not in set(summ["nama"])
    assert t.scope is not None and t.scope.from_data and not t.scope.national
    assert t.scope.name() == "Bengkulu" and len(t.scope.kabkota) == 10


def test_one_province_folder_gives_a_province_report_cli(
        bengkulu_report: tuple[Path, str]) -> None:
    out, printed = bengkulu_report
    assert "cakupan diambil dari wilayah.csv: 10 kab/kota di 1 provinsi (Bengkulu)" in printed
    summ = pd.read_csv(out / "ringkasan.csv", dtype={"kode": "string"})
    assert summ.groupby("tingkat").size().to_dict() == {"kabkota": 20, "provinsi": 2}
    assert "nasional" not in set(summ["tingkat"]) and "Indonesia" not in set(summ["nama"])
    assert len(features(out / "wilayah.geojson")) == 10
    page = (out / "index.html").read_text(encoding="utf-8")
    panels = json.loads(re.search(r"var P = (.*?);\n", page).group(1))
    assert "Bengkulu" in panels["title"]


def test_several_provinces_name_their_total_row(tmp_path: Path) -> None:
    ds = pg.load_dataset(province_folder(tmp_path / "d", ["15", "17"]))  # Jambi, Bengkulu
    t = report_tables(ds, layanan="kanker")
    assert t.provinsi is None and len(t.wilayah) == 21  # 11 + 10 kab/kota
    total = t.ringkasan[t.ringkasan["tingkat"] == "nasional"]
    assert total["nama"].tolist() == ["2 provinsi: Jambi, Bengkulu"]
    assert total[["n_kabkota", "n_provinsi"]].values.tolist() == [[21, 2]]
    # an explicit province of the data still works
    assert len(report_tables(ds, layanan="kanker", provinsi="Jambi").wilayah) == 11
    # the page's title names the provinces too
    from pengampuan.export.report import _report_page
    page = _report_page(t, provinces=None, lang="id", offline=True)
    panels = json.loads(re.search(r"var P = (.*?);\n", page).group(1))
    assert "2 provinsi: Jambi, Bengkulu" in panels["title"]


def test_bundled_data_keeps_every_kabkota(bundled_ds: pg.Dataset,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    reg = pg.load_regions()
    assert len(data_regions(reg, bundled_ds.wilayah)) == 514
    scope = data_scope(bundled_ds, reg)
    assert scope.national and not scope.from_data and scope.name("en") == "Indonesia"
    from pengampuan.cli import say_data_scope

    say_data_scope(bundled_ds, reg)
    assert capsys.readouterr().out == ""


def test_data_regions_warns_about_what_it_cannot_use(bundled_ds: pg.Dataset) -> None:
    reg = pg.load_regions()
    w = bundled_ds.wilayah
    bengkulu = w[w["kode"].str.startswith("17")]
    extra = pd.DataFrame({"kode": ["17.99"], "nama": ["Kabupaten Baru"], "tingkat": ["kabkota"],
                          "kode_induk": ["17"]})
    with pytest.warns(UserWarning, match=r"1 kab/kota .*17\.99"):
        out = data_regions(reg, pd.concat([bengkulu, extra], ignore_index=True))
    assert len(out) == 10
    strange = pd.DataFrame({"kode": ["99.01"], "nama": ["X"], "tingkat": ["kabkota"],
                            "kode_induk": ["99"]})
    with pytest.warns(UserWarning, match="99.01"):
        assert len(data_regions(reg, strange)) == 514
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(data_regions(reg, w[w["tingkat"] == "provinsi"])) == 514  # no kab/kota


# --- travel model -----------------------------------------------------------------------------
def test_travel_model_is_recorded_and_sea_reaches_islands(bundled_ds: pg.Dataset) -> None:
    reg = pg.load_regions()
    simple = report_tables(bundled_ds, reg, layanan="stroke", provinsi="DKJ")
    sea = report_tables(bundled_ds, reg, layanan="stroke", provinsi="DKJ", travel="sea",
                        sea_resolution=6)
    assert (simple.travel, sea.travel, sea.sea_resolution) == ("simple", "sea", 6)
    minutes = {t.travel: t.wilayah.set_index("kode")["stroke_travel_min"] for t in (simple, sea)}
    # Kepulauan Seribu: 23 min "by road" in the simple model; a boat and its boarding in "sea"
    assert minutes["simple"]["31.01"] < 30 < 60 < minutes["sea"]["31.01"]
    assert sea.access["stroke"].attrs["travel"] == "sea"
    assert set(sea.summary_table("id")["travel_model"]) == {"sea"}
    text = sea.summary_table("en")["travel_asumsi"].iloc[0]
    assert "20 km/h" in text and "60 min" in text and "1.3" in text
    assert "tidak dimodelkan" in simple.travel_description("id")
    with pytest.raises(ValueError, match="travel='boat'"):
        report_tables(bundled_ds, reg, layanan="stroke", travel="boat")
    with pytest.raises(ValueError, match="travel='boat'"):
        travel_description("boat")


def test_cli_report_travel_sea(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = province_folder(tmp_path / "jakarta", ["31"])
    out = tmp_path / "laporan"
    code = main(["report", "--data", str(data), "--out", str(out), "--layanan", "stroke",
                 "--travel", "sea", "--no-figures", "--lang", "en"])
    assert code == 0, capsys.readouterr().err
    assert "scope taken from wilayah.csv: 6 kab/kota in 1 province(s)" in capsys.readouterr().out
    summ = pd.read_csv(out / "ringkasan.csv")
    assert set(summ["travel_model"]) == {"sea"}
    assert summ["travel_asumsi"].str.contains("land and sea model").all()
    wil = {p["kode"]: p for p in features(out / "wilayah.geojson")}
    assert wil["31.01"]["stroke_travel_min"] > 60  # Kepulauan Seribu: by boat
    wb = openpyxl.load_workbook(out / "ringkasan.xlsx")
    notes = [c.value for row in wb["Sources and licences"].iter_rows() for c in row if c.value]
    assert any("land and sea model" in str(v) for v in notes)
    with pytest.raises(SystemExit):
        main(["report", "--out", str(out), "--travel", "boat"])


# --- the hospitals' reported services ----------------------------------------------------------
def test_rumah_sakit_layer_has_fasilitas(bengkulu_report: tuple[Path, str],
                                         bengkulu_dir: Path) -> None:
    out, _ = bengkulu_report
    by_rs = pg.load_dataset(bengkulu_dir).fasilitas_by_hospital()
    rs = features(out / "rumah_sakit.geojson")
    assert all("fasilitas" in p for p in rs)
    for p in rs:
        expected = by_rs.get(p["kode_rs"])
        assert p["fasilitas"] == (None if expected is None or pd.isna(expected) else expected)
    assert any(p["fasilitas"] for p in rs) and any(p["fasilitas"] is None for p in rs)
    assert column_label("fasilitas", "en") == "Reported services (RS Online)"


# --- labels -----------------------------------------------------------------------------------
def test_link_distance_and_rs_online_code_labels(bengkulu_report: tuple[Path, str]) -> None:
    out, _ = bengkulu_report
    wb = openpyxl.load_workbook(out / "ringkasan.xlsx")
    links = [c.value for c in wb["Jejaring"][1]]
    assert "Jarak pengampu\u2013diampu (km)" in links
    assert not any("RS terdekat" in str(h) for h in links)
    assert "Stroke: Jarak ke RS terdekat (km)" in [c.value for c in wb["Kab-kota"][1]]
    assert "Kode RS Online" in [c.value for c in wb["Rumah sakit"][1]]
    glossary = {r[0]: r[1] for r in wb["Keterangan kolom"].iter_rows(min_row=2, values_only=True)}
    assert glossary["distance_km (Jejaring)"] == "Jarak pengampu\u2013diampu (km)"
    assert column_label("kode_rsonline", "en") == "RS Online code"
    assert (column_label("distance_km", "en", table="jejaring")
            == "Pengampu\u2013diampu distance (km)")
    assert column_label("distance_km") == "Jarak ke RS terdekat (km)"  # elsewhere unchanged
    import sqlite3  # the QGIS field aliases of the GeoPackage's link layer say the same

    with sqlite3.connect(out / "laporan.gpkg") as con:
        qml = dict(con.execute("SELECT f_table_name, styleQML FROM layer_styles "
                               "WHERE useAsDefault").fetchall())
    assert 'name="Jarak pengampu\u2013diampu (km)"' in qml["jejaring"]
    assert "Jarak pengampu" not in qml["wilayah"]


def report_columns(folder: Path) -> dict[str, list[str]]:
    """Every column of every data file of a report folder, by file (and layer/sheet)."""
    cols: dict[str, list[str]] = {}
    for name in ("wilayah.geojson", "rumah_sakit.geojson", "jejaring.geojson"):
        cols[name] = list(pyogrio.read_info(folder / name)["fields"])
    cols["ringkasan.csv"] = list(pd.read_csv(folder / "ringkasan.csv", nrows=0).columns)
    for layer, _ in pyogrio.list_layers(folder / "laporan.gpkg"):
        if layer == "layer_styles":
            continue
        cols[f"laporan.gpkg:{layer}"] = list(pyogrio.read_info(folder / "laporan.gpkg",
                                                               layer=layer)["fields"])
    return cols


def unlabelled_columns(folder: Path) -> list[str]:
    """Columns of a report folder's files without a glossary label (raw names in Excel)."""
    missing = []
    for where, cols in report_columns(folder).items():
        missing += [f"{where}: {c}" for c in cols if column_info(c) is None]
    wb = openpyxl.load_workbook(folder / "ringkasan.xlsx", read_only=True)  # (the first rows)
    try:
        for ws in wb.worksheets[:-2]:  # the data sheets (not sources, not the glossary)
            heads = [str(v) for v in next(ws.iter_rows(max_row=1, values_only=True), ())]
            missing += [f"ringkasan.xlsx:{ws.title}: {h}" for h in heads
                        if re.fullmatch(r"[a-z0-9_]+", h)]  # a raw name: no label
    finally:
        wb.close()
    return missing


def test_every_report_column_has_a_label(bengkulu_report: tuple[Path, str]) -> None:
    """A province report (test_report.py::test_national_report checks the national one)."""
    missing = unlabelled_columns(bengkulu_report[0])
    assert not missing, "columns without a glossary label:\n" + "\n".join(missing)


def test_glossary_labels_of_prefixed_columns() -> None:
    assert column_label("bukti_stroke") == "Tingkat bukti: Stroke"
    assert column_label("hemodialisis_travel_min", "en") == "Haemodialysis: Travel time (min)"
    assert column_label("stroke_unit_distance_km") == "Unit stroke: Jarak ke RS terdekat (km)"
    assert column_label("stroke_travel_min") == "Stroke: Waktu tempuh (menit)"
    assert column_info("luar_provinsi").kind == "bool"


def test_province_scope_on_user_boundaries(bengkulu_dir: Path, tmp_path: Path) -> None:
    """--boundaries with every kab/kota of Indonesia and a one-province folder: the province."""
    reg = pg.load_regions()
    path = tmp_path / "batas.geojson"
    gpd.GeoDataFrame(reg[["kode", "nama", "geometry"]], crs=reg.crs).to_file(path)
    from pengampuan.cli import kabkota_regions

    out = kabkota_regions(str(path), pg.load_dataset(bengkulu_dir).wilayah)
    assert len(out) == 10 and set(out["kode"].str[:2]) == {"17"}
