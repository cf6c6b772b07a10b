"""Excel workbook, CSV dialects, Shapefile and the format dispatch: each output read back."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point, box

import pengampuan as pg
from pengampuan.cli import main
from pengampuan.export.tables import report_tables


@pytest.fixture(scope="module")
def tiny_tables(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame):
    return report_tables(tiny_ds, tiny_regions, layanan=["jantung", "kanker"], status="ada")


def test_report_workbook(tiny_tables, tmp_path: Path) -> None:
    path = pg.to_excel(tmp_path / "ringkasan.xlsx", tables=tiny_tables, lang="id")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Ringkasan", "Kab-kota", "Rumah sakit", "Jejaring",
                             "Sumber dan lisensi", "Keterangan kolom"]
    ws = wb["Kab-kota"]
    head = [c.value for c in ws[1]]
    assert head[:4] == ["Kode wilayah", "Nama", "Kode provinsi", "Penduduk"]
    assert "Kanker: Waktu tempuh (menit)" in head
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert list(rows) == ["01.01", "01.02", "02.01"]  # codes are text, zero kept
    alfa = rows["01.01"]
    assert alfa[0].data_type == "s" and alfa[0].number_format == "@"
    assert alfa[3].value == 2000 and isinstance(alfa[3].value, int)
    assert alfa[3].number_format == "#,##0"
    j = head.index("Kanker: Jarak ke RS terdekat (km)")
    gama_km = rows["02.01"][j].value
    assert isinstance(gama_km, float) and gama_km == pytest.approx(2 * 111.195, abs=0.01)
    assert round(gama_km, 2) == gama_km  # rounded to 0.01 km
    last = ws.cell(1, len(head)).column_letter
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref == f"A1:{last}4"
    summ = wb["Ringkasan"]
    shead = [c.value for c in summ[1]]
    share = shead.index("Porsi kab/kota mencapai target")
    nat = next(r for r in summ.iter_rows(min_row=2) if r[0].value == "nasional"
               and r[shead.index("Layanan")].value == "kanker")
    assert nat[share].value == pytest.approx(2 / 3, abs=1e-4) and nat[share].number_format == "0.0%"
    assert nat[shead.index("Kode wilayah")].value is None  # missing = empty cell, not ''
    rs = wb["Rumah sakit"]
    assert [c.value for c in rs[1]][:2] == ["Kode RS", "Nama"]
    assert rs.max_row == 5
    src = [c.value for c in wb["Sumber dan lisensi"]["A"] if c.value]
    assert any("contoh uji (sintetis)" in s for s in src)
    assert any("DATA CONTOH" in s for s in src)


def test_workbook_in_english_and_plain_sheets(tiny_tables, tmp_path: Path) -> None:
    path = pg.to_excel(tmp_path / "summary.xlsx", tables=tiny_tables, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["Summary", "Districts"]
    assert [c.value for c in wb["Districts"][1]][:2] == ["Region code", "Name"]
    df = pd.DataFrame({"kode_rs": ["RS0001"], "x/y": [1.5]})
    path = pg.to_excel(tmp_path / "one.xlsx", {"a:b/c": df}, glossary=False)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["a-b-c"]
    assert [c.value for c in wb["a-b-c"][2]] == ["RS0001", 1.5]


def test_report_writes_workbook_readable_by_pandas(tiny_ds, tiny_regions, tmp_path) -> None:
    files = pg.write_report(tmp_path / "r", tiny_ds, tiny_regions, layanan="jantung",
                            figures=False)
    df = pd.read_excel(files["ringkasan.xlsx"], sheet_name="Kab-kota", dtype={"Kode wilayah": str})
    assert df["Kode wilayah"].tolist() == ["01.01", "01.02", "02.01"]
    assert df["Penduduk"].tolist() == [2000, 1000, 500]


# --- CSV ---------------------------------------------------------------------------------------
def test_ringkasan_csv_is_text_safe(tiny_ds, tiny_regions, tmp_path) -> None:
    files = pg.write_report(tmp_path / "r", tiny_ds, tiny_regions, layanan="kanker",
                            figures=False, status="ada")
    text = files["ringkasan.csv"].read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("tingkat,kode,nama")
    prov = next(line for line in lines if line.startswith('"provinsi","01"'))
    assert ',"kanker",' in prov
    nat = next(line for line in lines if line.startswith('"nasional"'))
    assert ",0.6667," in nat and ",3500," in nat  # 4 decimals; integers without .0
    assert "3500.0" not in text and "0.666666" not in text


def test_csv_excel_id_dialect(tiny_ds, tiny_regions, tmp_path) -> None:
    files = pg.write_report(tmp_path / "r", tiny_ds, tiny_regions, layanan="kanker",
                            figures=False, status="ada", csv_dialect="excel-id")
    raw = files["ringkasan.csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    df = pd.read_csv(files["ringkasan.csv"], sep=";", decimal=",", encoding="utf-8-sig",
                     dtype={"kode": str})
    nat = df[df["tingkat"] == "nasional"].iloc[0]
    assert nat["share_kabkota"] == 0.6667 and nat["penduduk"] == 3500
    assert sorted(df["kode"].dropna().unique()) == ["01", "02"]
    with pytest.raises(ValueError, match="csv_dialect='excel' is not known"):
        pg.write_report(tmp_path / "s", tiny_ds, tiny_regions, csv_dialect="excel")


def test_csv_oracle_against_pandas(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    df = pd.DataFrame({"kode": [f"{i:02d}.{j:02d}" for i, j in rng.integers(1, 99, (50, 2))],
                       "distance_km": rng.uniform(0, 2000, 50),
                       "share_penduduk": rng.uniform(0, 1, 50),
                       "penduduk": rng.integers(0, 10**7, 50).astype(float),
                       "nama": [f'RS "{i}"; {i}' for i in range(50)]})
    df.loc[3, "distance_km"] = np.inf
    df.loc[5, "nama"] = ""
    for dialect, sep, dec, enc in (("standard", ",", ".", "utf-8"),
                                   ("excel-id", ";", ",", "utf-8-sig")):
        path = pg.to_csv(df, tmp_path / f"{dialect}.csv", dialect=dialect)
        back = pd.read_csv(path, sep=sep, decimal=dec, encoding=enc, dtype={"kode": str})
        assert back["kode"].tolist() == df["kode"].tolist()
        np.testing.assert_allclose(back["distance_km"].fillna(-1),
                                   df["distance_km"].round(2).replace(np.inf, -1))
        np.testing.assert_allclose(back["share_penduduk"], df["share_penduduk"].round(4))
        assert back["penduduk"].dtype == np.int64
        assert back["nama"].isna().sum() == 1 and back.loc[0, "nama"] == 'RS "0"; 0'


# --- Shapefile and dispatch ---------------------------------------------------------------------
def test_shapefile_with_field_mapping(tiny_tables, tmp_path: Path) -> None:
    path = pg.to_file(tiny_tables.wilayah, tmp_path / "wilayah.shp")
    names = {p.name for p in tmp_path.iterdir()}
    assert {"wilayah.shp", "wilayah.dbf", "wilayah.prj", "wilayah.cpg",
            "wilayah_kolom.csv"} <= names
    back = pyogrio.read_dataframe(path)
    fields = [c for c in back.columns if c != "geometry"]
    assert all(len(f) <= 10 for f in fields) and len(set(fields)) == len(fields)
    mapping = pd.read_csv(tmp_path / "wilayah_kolom.csv")
    assert mapping["field"].tolist() == fields
    full = dict(zip(mapping["field"], mapping["kolom"], strict=True))
    assert full["knk_mnt"] == "kanker_travel_min" and full["jtg_km"] == "jantung_distance_km"
    assert back["kode"].tolist() == ["01.01", "01.02", "02.01"]
    src = tiny_tables.wilayah.set_index("kode")
    np.testing.assert_allclose(back["knk_km"], src["kanker_distance_km"].round(2))


def test_to_file_dispatch_and_errors(tmp_path: Path, english: None) -> None:
    pts = gpd.GeoDataFrame({"kode_rs": ["A", "B"], "kelas": ["", "B"]},
                           geometry=[Point(102, -3), Point(103, -4)], crs="EPSG:4326")
    for ext in (".geojson", ".gpkg", ".shp", ".csv", ".xlsx"):
        path = pg.to_file(pts, tmp_path / f"rs{ext}")
        assert path.exists()
    back = gpd.read_file(tmp_path / "rs.geojson")
    assert back["kelas"].isna().tolist() == [True, False]  # '' became null
    with pytest.raises(ValueError, match=r"unknown file extension '\.kml'; expected one of "
                                         r"\.geojson, \.gpkg, \.shp, \.csv, \.xlsx"):
        pg.to_file(pts, tmp_path / "rs.kml")
    mixed = gpd.GeoDataFrame({"a": [1, 2]}, geometry=[Point(0, 0), box(0, 0, 1, 1)],
                             crs="EPSG:4326")
    with pytest.raises(ValueError, match="one geometry type"):
        pg.to_file(mixed, tmp_path / "mixed.shp")
    with pytest.raises(ValueError, match="holds one table"):
        pg.to_file({"a": pts, "b": pts}, tmp_path / "two.geojson")
    with pytest.raises(TypeError, match="needs a GeoDataFrame"):
        pg.to_file(pd.DataFrame({"a": [1]}), tmp_path / "plain.geojson")



def test_every_writer_gives_the_mode_of_a_file_written_in_place(tmp_path: Path,
                                                                umask_002: int) -> None:
    pts = gpd.GeoDataFrame({"kode_rs": ["A", "B"], "travel_min": [12.5, 80.0]},
                           geometry=[Point(102, -3), Point(103, -4)], crs="EPSG:4326")
    new, old = tmp_path / "baru", tmp_path / "lama"
    for ext in (".geojson", ".gpkg", ".shp", ".csv", ".xlsx"):
        pg.to_file(pts, new / f"rs{ext}")
        (old / f"rs{ext}").parent.mkdir(exist_ok=True)
        (old / f"rs{ext}").write_text("old")
        (old / f"rs{ext}").chmod(0o640)  # a file that is replaced keeps its mode
        pg.to_file(pts, old / f"rs{ext}")
    # every file of a new output (the Shapefile's parts and its _kolom.csv too) as if written
    # in place; nothing else left beside them
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in new.iterdir()}
    assert sorted(modes) == ["rs.cpg", "rs.csv", "rs.dbf", "rs.geojson", "rs.gpkg", "rs.prj",
                             "rs.shp", "rs.shx", "rs.xlsx", "rs_kolom.csv"]
    assert set(modes.values()) == {oct(umask_002)}
    replaced = ["rs.csv", "rs.geojson", "rs.gpkg", "rs.shp", "rs.xlsx"]
    assert {name: oct((old / name).stat().st_mode & 0o777) for name in replaced} == \
        dict.fromkeys(replaced, oct(0o640))
    assert pd.read_csv(old / "rs.csv")["kode_rs"].tolist() == ["A", "B"]


def test_cli_access_out_by_extension(tiny_dir: Path, tmp_path: Path, capsys) -> None:
    args = ["access", "--layanan", "kanker", "--data", str(tiny_dir), "--boundaries",
            str(tiny_dir / "batas_kabkota.geojson")]
    assert main([*args, "--out", str(tmp_path / "akses.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "akses.xlsx")["akses_kanker"]
    assert [c.value for c in ws["A"]][1:] == ["01.01", "01.02", "02.01"]
    assert main([*args, "--out", str(tmp_path / "akses.shp"), "--grid", "5", "--grid-out",
                 str(tmp_path / "grid.gpkg")]) == 0
    grid = pyogrio.read_dataframe(tmp_path / "grid.gpkg", layer="grid_kanker")
    assert set(grid.geom_type) == {"Polygon"} and len(grid) > 0
    capsys.readouterr()
    assert main(["--lang", "en", *args, "--out", str(tmp_path / "akses.txt")]) == 1
    assert "unknown file extension '.txt'" in capsys.readouterr().err
    assert not (tmp_path / "akses.txt").exists()


def test_glossary_doc_is_current() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    res = subprocess.run([sys.executable, str(root / "scripts" / "make_glossary.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
