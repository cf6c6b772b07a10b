"""write_report and ``pengampuan report``: the files, their content, no partial output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

import pengampuan as pg
from pengampuan import export, maps
from pengampuan.cli import main
from pengampuan.export import report as report_mod

FILES = ["index.html", "jejaring.geojson", "ringkasan.csv", "rumah_sakit.geojson",
         "wilayah.geojson"]


def office_files(layanan: list[str]) -> list[str]:
    """FILES, ringkasan.xlsx, laporan.gpkg and the figures (PNG, SVG) written for ``layanan``."""
    stems = [f"peta_akses_{lay}" for lay in layanan] + ["grafik_dalam_ambang", "grafik_target"]
    return sorted([*FILES, "ringkasan.xlsx", "laporan.gpkg",
                   *(f"{s}.{e}" for s in stems for e in ("png", "svg"))])


@pytest.fixture(autouse=True)
def _restore_language() -> object:
    """The command line sets settings.language (--lang); put it back after each test."""
    before = pg.settings.language
    yield
    pg.settings.language = before


def read_features(path: Path) -> list[dict]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    return doc["features"]


@pytest.fixture(scope="module")
def tiny_report(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("tiny") / "laporan"
    return pg.write_report(out, tiny_ds, tiny_regions, layanan=["jantung", "kanker"],
                           status="ada")


def test_tiny_report_files(tiny_report: dict[str, Path]) -> None:
    assert sorted(tiny_report) == office_files(["jantung", "kanker"])
    folder = tiny_report["index.html"].parent
    assert sorted(p.name for p in folder.iterdir()) == office_files(["jantung", "kanker"])
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".laporan")]


def same_layer(geojson: Path, gpkg: Path, layer: str) -> None:
    """The attributes of a GeoJSON file and of a GeoPackage layer are the same."""
    import pyogrio

    a = pyogrio.read_dataframe(geojson, read_geometry=False)
    b = pyogrio.read_dataframe(gpkg, layer=layer, read_geometry=False)
    assert list(a.columns) == list(b.columns), layer
    for col in a.columns:  # GDAL reads ISO dates in GeoJSON as dates; the GeoPackage keeps text
        if pd.api.types.is_datetime64_any_dtype(a[col]):
            a[col] = a[col].dt.strftime("%Y-%m-%d").astype(object).where(a[col].notna(), None)
    pd.testing.assert_frame_equal(a, b, check_dtype=False, obj=layer)


def test_tiny_report_geopackage(tiny_report: dict[str, Path]) -> None:
    """laporan.gpkg holds the report's layers, the same rows as the GeoJSON, and QGIS styles."""
    import pyogrio

    gpkg = tiny_report["laporan.gpkg"]
    layers = {str(n) for n, _ in pyogrio.list_layers(gpkg)}
    assert layers == {"wilayah", "rumah_sakit", "jejaring", "layer_styles"}
    for layer in ("wilayah", "rumah_sakit", "jejaring"):
        same_layer(tiny_report[f"{layer}.geojson"], gpkg, layer)
    styles = pyogrio.read_dataframe(gpkg, layer="layer_styles", read_geometry=False)
    assert {"wilayah", "rumah_sakit", "jejaring"} <= set(styles["f_table_name"])


def test_tiny_report_wilayah(tiny_report: dict[str, Path]) -> None:
    feats = read_features(tiny_report["wilayah.geojson"])
    props = {f["properties"]["kode"]: f["properties"] for f in feats}
    assert list(props) == ["01.01", "01.02", "02.01"]
    alfa, beta, gama = props.values()
    # README of tests/data/tiny: RS0002 (jantung madya, kanker utama) lies in Alfa
    assert alfa["jantung_nama_rs"] == "RSUD Alfa" and alfa["jantung_distance_km"] == 0
    assert alfa["jantung_meets_target"] is True and alfa["kanker_meets_target"] is True
    # Gama has RS0003 (jantung utama) but no kanker hospital: the nearest is RS0002/RS0001
    assert gama["jantung_meets_target"] is True and gama["kanker_meets_target"] is False
    assert gama["kanker_distance_km"] == pytest.approx(2 * 111.195, rel=1e-3)  # 101.5 -> 103.5
    assert beta["penduduk"] == 1000
    for lay in ("jantung", "kanker"):
        for col in ("distance_km", "travel_min", "meets_target", "within_threshold"):
            assert f"{lay}_{col}" in alfa
    assert not any(k.startswith("stroke_") for k in alfa)


def test_tiny_report_hospitals_links_summary(tiny_report: dict[str, Path]) -> None:
    rs = {f["properties"]["kode_rs"]: f for f in read_features(tiny_report["rumah_sakit.geojson"])}
    assert len(rs) == 4
    assert rs["RS0002"]["geometry"] == {"type": "Point", "coordinates": [100.5, 0.5]}
    # RS0004: jantung madya is only a target (2025); kanker madya is current
    p4 = rs["RS0004"]["properties"]
    assert (p4["strata_jantung"], p4["strata_target_jantung"]) == (None, "madya")
    assert (p4["strata_kanker"], p4["strata_target_kanker"]) == ("madya", "madya")
    assert p4["lokasi_presisi"] == "kabkota"
    links = read_features(tiny_report["jejaring.geojson"])
    assert len(links) == 5 and {f["geometry"]["type"] for f in links} == {"LineString"}
    first = next(f for f in links if f["properties"]["pengampu"] == "RS0002")
    coords = first["geometry"]["coordinates"]
    assert coords[0] == [100.5, 0.5] and coords[-1] == [100.2, 0.2]  # RS0002 -> RS0004
    summ = pd.read_csv(tiny_report["ringkasan.csv"], dtype={"kode": "string"})
    nat = summ[summ["tingkat"] == "nasional"].set_index("layanan")
    assert nat.loc["kanker", ["n_kabkota", "n_kabkota_meets"]].tolist() == [3, 2]
    assert nat.loc["jantung", ["n_provinsi", "n_provinsi_meets"]].tolist() == [2, 2]
    assert sorted(summ.loc[summ["tingkat"] == "provinsi", "kode"].unique()) == ["01", "02"]


def test_tiny_report_page(tiny_report: dict[str, Path]) -> None:
    page = tiny_report["index.html"].read_text(encoding="utf-8")
    maps.check_offline(page)
    assert "Strata: yang sudah ada (kondisi saat ini)" in page
    assert "DATA CONTOH" in page
    data = json.loads(re.search(r"var D = (.*?);\n", page).group(1))
    assert len(data["wil"]["g"]) == 3  # the kab/kota polygons, embedded once for both layanan
    assert page.count('"g":[') == 1
    # the page links to its own files
    summary = json.loads(re.search(r"var P = (.*?);\n", page).group(1))["summary"]
    linked = sorted(re.findall(r'<a href="([\w.]+)">', summary))
    assert linked == sorted((set(FILES) | {"ringkasan.xlsx", "laporan.gpkg"}) - {"index.html"})


def test_default_status_is_target(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                                  tmp_path: Path) -> None:
    files = pg.write_report(tmp_path / "r", tiny_ds, tiny_regions, layanan="jantung")
    page = files["index.html"].read_text(encoding="utf-8")
    assert "Strata: target (yang direncanakan" in page
    # with targets, RS0004 (target jantung madya, 2025) is a capable hospital in Alfa
    feats = read_features(files["wilayah.geojson"])
    assert feats[0]["properties"]["jantung_n_capable"] == 2


def test_no_partial_output_on_failure(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def failing(gdf: gpd.GeoDataFrame, path: Path, **kw: object) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(gdf, path, **kw)

    original = report_mod.to_geojson
    monkeypatch.setattr(report_mod, "to_geojson", failing)
    with pytest.raises(OSError, match="disk full"):
        pg.write_report(tmp_path / "new", tiny_ds, tiny_regions, layanan="jantung")
    assert list(tmp_path.iterdir()) == []  # neither the folder nor a temporary one
    # an existing report stays as it was
    old = tmp_path / "old"
    old.mkdir()
    (old / "index.html").write_text("previous report")
    calls.clear()
    with pytest.raises(OSError, match="disk full"):
        pg.write_report(old, tiny_ds, tiny_regions, layanan="jantung")
    assert [p.name for p in old.iterdir()] == ["index.html"]
    assert (old / "index.html").read_text() == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old"]


def test_report_bad_arguments(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                              tmp_path: Path, english: None) -> None:
    with pytest.raises(ValueError, match="status='now' is not known"):
        pg.write_report(tmp_path / "a", tiny_ds, tiny_regions, status="now")
    with pytest.raises(ValueError, match="layanan='paru' is not known"):
        pg.write_report(tmp_path / "a", tiny_ds, tiny_regions, layanan="paru")
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError, match="is not a folder"):
        pg.write_report(tmp_path / "file", tiny_ds, tiny_regions, layanan="jantung")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


# --- command line (bundled data) --------------------------------------------------------------
@pytest.fixture(scope="module")
def bengkulu_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kab/kota boundaries of Bengkulu (17) as a user file with only a code and a name."""
    reg = pg.load_regions()
    path = tmp_path_factory.mktemp("batas") / "bengkulu.geojson"
    reg.loc[reg["kode_induk"] == "17", ["kode", "nama", "geometry"]].to_file(path)
    return path


def test_cli_report(bengkulu_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                    ) -> None:
    out = tmp_path / "laporan"
    code = main(["report", "--out", str(out), "--boundaries", str(bengkulu_file),
                 "--layanan", "stroke,kanker", "--layanan", "jantung", "--lang", "en"])
    assert code == 0
    printed = capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == office_files(["jantung", "kanker", "stroke"])
    assert f"{out / 'index.html'}" in printed and "report written in" in printed
    page = (out / "index.html").read_text(encoding="utf-8")
    maps.check_offline(page)
    assert "Strata: targets" in page and "Access to KJSU hospitals" in page
    feats = read_features(out / "wilayah.geojson")
    assert len(feats) == 10  # Bengkulu has 10 kab/kota
    assert {"stroke_travel_min", "kanker_travel_min", "jantung_travel_min"} <= set(
        feats[0]["properties"])
    assert "uronefrologi_travel_min" not in feats[0]["properties"]


def test_cli_report_online_and_status(bengkulu_file: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg.settings, "offline", False)
    out = tmp_path / "laporan"
    # the bundled stroke strata are all targets: with status "ada" no hospital qualifies,
    # and both the terminal and the map say which option to change
    code = main(["report", "--out", str(out), "--boundaries", str(bengkulu_file),
                 "--layanan", "stroke", "--online", "--status", "ada"])
    assert code == 0
    err = capsys.readouterr().err
    assert "tidak ada RS stroke dengan strata >= madya berstatus 'ada'" in err
    assert "--status target" in err
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js" in page
    assert "Strata: yang sudah ada" in page
    panels = json.loads(re.search(r"var P = (.*?);\n", page).group(1))
    assert "--status target" in panels["title"]


def test_cli_report_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "laporan"
    assert main(["--lang", "en", "report", "--out", str(out), "--layanan", "paru"]) == 1
    assert "--layanan 'paru' is not known" in capsys.readouterr().err
    assert main(["--lang", "en", "report", "--out", str(out), "--data",
                 str(tmp_path / "nothing")]) == 3
    assert "folder not found" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as exc:
        main(["report"])
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err


@pytest.mark.parametrize("provinsi", ["17", "Bengkulu", "PROVINSI BENGKULU"])
def test_cli_report_province(provinsi: str, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "laporan"
    code = main(["report", "--out", str(out), "--provinsi", provinsi, "--layanan", "stroke"])
    assert code == 0, capsys.readouterr().err
    summ = pd.read_csv(out / "ringkasan.csv", dtype={"kode": "string"})
    assert summ.groupby("tingkat").size().to_dict() == {"kabkota": 10, "provinsi": 1}
    assert "nasional" not in set(summ["tingkat"]) and "Indonesia" not in set(summ["nama"])
    assert summ.loc[summ["tingkat"] == "provinsi", "nama"].tolist() == ["Bengkulu"]
    assert len(read_features(out / "wilayah.geojson")) == 10
    rs = read_features(out / "rumah_sakit.geojson")
    outside = [f["properties"] for f in rs if f["properties"]["luar_provinsi"]]
    inside = [f["properties"] for f in rs if not f["properties"]["luar_provinsi"]]
    assert inside and all(p["kode_prov"] == "17" for p in inside)
    assert outside and all(p["kode_prov"] != "17" for p in outside)  # linked partners
    links = read_features(out / "jejaring.geojson")
    local = {p["kode_rs"] for p in inside}
    assert links and all(f["properties"]["pengampu"] in local
                         or f["properties"]["diampu"] in local for f in links)
    page = (out / "index.html").read_text(encoding="utf-8")
    maps.check_offline(page)
    panels = json.loads(re.search(r"var P = (.*?);\n", page).group(1))
    assert "Provinsi Bengkulu" in panels["title"]
    data = json.loads(re.search(r"var D = (.*?);\n", page).group(1))
    assert data["ctx"] and data["table"] and data["provinces"] is None
    # a province report draws its kecamatan and its H3 grid (layers off until switched on),
    # for the layanan and the reported services
    layer_keys = ["stroke", "hemodialisis", "cathlab", "radioterapi"]
    assert data["layanan"] == layer_keys
    assert len(data["kec"]["kode"]) == 129 and list(data["kec"]["v"]) == layer_keys
    assert data["grid"]["res"] == export.GRID_RESOLUTION and list(data["grid"]["v"]) == layer_keys
    wil = read_features(out / "wilayah.geojson")[0]["properties"]
    assert {"hemodialisis_travel_min", "cathlab_share_nearest_approx",
            "radioterapi_nama_rs"} <= set(wil)


def test_cli_report_unknown_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "laporan"
    assert main(["--lang", "en", "report", "--out", str(out), "--provinsi", "Bengkuluu"]) == 1
    err = capsys.readouterr().err
    assert "provinsi 'Bengkuluu' is not known; close matches: 17 Bengkulu" in err
    assert not out.exists()


def test_report_from_one_province_data_is_not_national(bengkulu_file: Path,
                                                       tmp_path: Path) -> None:
    regions = pg.load_regions(level="kabkota", source=bengkulu_file)
    files = pg.write_report(tmp_path / "r", pg.load_dataset(), regions, layanan="jantung")
    summ = pd.read_csv(files["ringkasan.csv"], dtype={"kode": "string"})
    assert "nasional" not in set(summ["tingkat"])
    assert summ.groupby("tingkat").size().to_dict() == {"kabkota": 10, "provinsi": 1}


# --- the national report (bundled data) -------------------------------------------------------
@pytest.mark.slow
def test_national_report(national: dict[str, Path]) -> None:
    files = national  # pg.write_report(folder), every argument left at its default
    size_mb = files["index.html"].stat().st_size / 1e6
    assert size_mb <= 2.5, f"index.html is {size_mb:.2f} MB"
    page = files["index.html"].read_text(encoding="utf-8")
    maps.check_offline(page)
    assert "Strata: target (yang direncanakan" in page
    data = json.loads(re.search(r"var D = (.*?);\n", page).group(1))
    assert len(data["wil"]["g"]) == 514 and len(data["provinces"]) == 38
    # access to the reported services beside the decree targets; no national grid (too large
    # for a page) and no kecamatan layer
    assert data["layanan"][4:] == list(export.REPORT_FASILITAS)
    assert all(data["lay"][f]["f"] == 1 for f in export.REPORT_FASILITAS)
    assert data["kec"] is None and data["grid"] is None
    feats = read_features(files["wilayah.geojson"])
    assert len(feats) == 514
    assert {f["properties"]["kode"] for f in feats} == set(pg.load_regions()["kode"])
    summ = pd.read_csv(files["ringkasan.csv"], dtype={"kode": "string"})
    nat = summ[summ["tingkat"] == "nasional"]
    assert sorted(nat["layanan"]) == ["jantung", "kanker", "stroke", "uronefrologi"]
    assert set(nat["n_kabkota"]) == {514} and set(nat["n_provinsi"]) == {38}
    assert summ["kode"].dropna().nunique() == 38
    assert set(summ["travel_model"]) == {"simple"}  # the travel model is named
    from test_report_scope import unlabelled_columns

    missing = unlabelled_columns(files["index.html"].parent)
    assert not missing, "columns without a glossary label:\n" + "\n".join(missing)


# --- one default: status "target"; an empty result says which option to change ----------------
def test_cli_status_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "akses.geojson"
    assert main(["access", "--layanan", "stroke", "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "status target" in printed.out and "catatan" not in printed.err
    assert main(["access", "--layanan", "stroke", "--status", "ada", "--out", str(out)]) == 0
    assert "jalankan dengan --status target" in capsys.readouterr().err
    assert main(["--lang", "en", "network", "--layanan", "stroke", "--status", "ada",
                 "--limit", "1"]) == 0
    assert "run with --status target" in capsys.readouterr().out


def test_report_layers_fasilitas_kecamatan_grid(bundled_ds: pg.Dataset, tiny_ds: pg.Dataset,
                                                tiny_regions: gpd.GeoDataFrame) -> None:
    reg = pg.load_regions()
    bengkulu = reg[reg["kode_induk"] == "17"]
    lay = export.report_layers(bundled_ds, bengkulu, layanan=["stroke"], provinsi="17",
                               grid_resolution=6)
    assert list(lay.fasilitas) == list(export.REPORT_FASILITAS)
    for fas, acc in lay.fasilitas.items():  # the same as district_access(fasilitas=...)
        alone = pg.district_access(bundled_ds, bengkulu, fasilitas=fas)
        assert acc["travel_min"].tolist() == alone["travel_min"].tolist()
    assert sorted(lay.kecamatan) == sorted(["stroke", *export.REPORT_FASILITAS])
    assert all(len(k) == 129 and set(k["jenis"]) == {"kecamatan"} for k in lay.kecamatan.values())
    cells = lay.grid["stroke"]["h3"]
    assert all(g["h3"].equals(cells) for g in lay.grid.values())  # one set of cells
    assert sorted(lay.extra())[:2] == ["fasilitas_cathlab", "fasilitas_hemodialisis"]
    assert lay.map_keywords()["grid"] is lay.grid
    national = export.report_layers(bundled_ds, bengkulu, layanan=["stroke"])
    assert national.kecamatan == {} and national.grid == {}
    # data without reported services (no fasilitas.csv): no such layer
    assert export.report_layers(tiny_ds, tiny_regions, layanan=["jantung"]).extra() == {}


# --- one builder: the folder and the single files hold the same tables ------------------------
def test_report_file_and_folder_have_the_same_tables(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import pyogrio

    folder, gpkg, xlsx = tmp_path / "laporan", tmp_path / "b.gpkg", tmp_path / "b.xlsx"
    args = ["--provinsi", "17", "--layanan", "stroke,jantung"]
    assert main(["report", "--out", str(folder), "--no-figures", *args]) == 0
    assert main(["report", "--out", str(gpkg), *args]) == 0
    assert main(["report", "--out", str(xlsx), *args]) == 0
    capsys.readouterr()
    for layer in ("wilayah", "rumah_sakit", "jejaring"):
        same_layer(folder / f"{layer}.geojson", gpkg, layer)
    # the folder's own GeoPackage is that file
    for layer in ("wilayah", "rumah_sakit", "jejaring"):
        same_layer(folder / f"{layer}.geojson", folder / "laporan.gpkg", layer)
    wil = pyogrio.read_dataframe(gpkg, layer="wilayah", read_geometry=False)
    assert len(wil) == 10 and set(wil["kode_induk"]) == {"17"}
    rs = pyogrio.read_dataframe(gpkg, layer="rumah_sakit", read_geometry=False)
    assert rs["luar_provinsi"].any() and (rs.loc[~rs["luar_provinsi"], "kode_prov"] == "17").all()
    # the workbook's summary sheet is ringkasan.csv: the province and its 10 kab/kota
    csv = pd.read_csv(folder / "ringkasan.csv", dtype={"kode": "string"})
    sheet = pd.read_excel(xlsx, sheet_name="Ringkasan", dtype={"Kode wilayah": "string"})
    assert len(sheet) == len(csv) == 11 * 2
    assert sheet["Kode wilayah"].tolist() == csv["kode"].tolist()
    pd.testing.assert_series_equal(sheet.iloc[:, list(csv.columns).index("share_kabkota")],
                                   csv["share_kabkota"], check_names=False)
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert len(sheets["Kab-kota"]) == 10 and len(sheets["Jejaring"]) == len(
        pyogrio.read_dataframe(gpkg, layer="jejaring", read_geometry=False))
