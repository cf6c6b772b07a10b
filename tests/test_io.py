"""Reading the four tables: types, spreadsheet tolerance, one defect per broken file."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pengampuan as pg
from pengampuan.config import INDONESIA_BOUNDS
from pengampuan.errors import DataFileError, DataFileMissingError

# the messages checked here are the English ones (settings.language = 'en')
pytestmark = pytest.mark.usefixtures("english")

BROKEN = Path(__file__).resolve().parent / "data" / "broken"


# --------------------------------------------------------------------------- tiny, by hand
def test_read_rumah_sakit_tiny(tiny_dir):
    rs = pg.read_rumah_sakit(tiny_dir / "rumah_sakit.csv")
    assert rs.crs.to_epsg() == 4326
    assert rs["kode_rs"].tolist() == ["RS0001", "RS0002", "RS0003", "RS0004"]
    # geometry is Point(lon, lat)
    assert rs.geometry.x.tolist() == [101.5, 100.5, 103.5, 100.2]
    assert rs.geometry.y.tolist() == [0.5, 0.5, 0.5, 0.2]
    assert rs["kode_prov"].tolist() == ["01", "01", "02", "01"]
    assert str(rs["tempat_tidur"].dtype) == "Int64"
    assert rs["tempat_tidur"].tolist() == [800, 300, 250, 120]
    assert rs["lokasi_presisi"].tolist() == ["sumber", "sumber", "sumber", "kabkota"]
    assert rs["pengampu_nasional"].tolist() == ["jantung;kanker", "", "", ""]
    # no contoh column: sumber starting with "contoh" marks illustrative rows
    assert rs["contoh"].dtype == bool and rs["contoh"].all()
    assert rs.index.tolist() == [0, 1, 2, 3]


def test_read_layanan_tiny(tiny_dir):
    lay = pg.read_layanan(tiny_dir / "layanan.csv")
    assert len(lay) == 7
    assert str(lay["tahun"].dtype) == "Int64"
    target = lay[lay["status"] == "target"]
    got = target[["kode_rs", "layanan", "strata"]].values.tolist()
    assert got == [["RS0004", "jantung", "madya"]]
    assert int(target["tahun"].iloc[0]) == 2025


def test_read_jejaring_tiny(tiny_dir):
    links = pg.read_jejaring(tiny_dir / "jejaring.csv")
    assert len(links) == 5
    assert str(links["mulai"].dtype) == "datetime64[ns]"
    assert links["mulai"].iloc[2] == pd.Timestamp("2024-01-15")
    assert set(links["jenis"]) == {"sumber"}  # no jenis column: every link is documented


def test_read_wilayah_tiny(tiny_dir):
    wil = pg.read_wilayah(tiny_dir / "wilayah.csv")
    assert wil["kode"].tolist() == ["01", "02", "01.01", "01.02", "02.01"]
    assert wil["kode_induk"].tolist() == ["", "", "01", "01", "02"]
    assert wil["penduduk"].tolist() == [3000, 500, 2000, 1000, 500]
    assert str(wil["penduduk"].dtype) == "Int64"


def test_load_dataset_tiny(tiny_ds, tiny_dir):
    assert isinstance(tiny_ds, pg.Dataset)
    assert tiny_ds.path == tiny_dir
    assert tiny_ds.report.ok and tiny_ds.report.n_warnings == 0
    assert len(tiny_ds.rumah_sakit) == 4 and len(tiny_ds.jejaring) == 5
    assert "__row" not in tiny_ds.rumah_sakit and "__row" not in tiny_ds.jejaring
    assert tiny_ds.has_contoh
    assert tiny_ds.meta["bundled"] is False


# --------------------------------------------------------------------------- broken files
READERS = {"rs": pg.read_rumah_sakit, "lay": pg.read_layanan, "jej": pg.read_jejaring,
           "wil": pg.read_wilayah}


@pytest.mark.parametrize(("reader", "fname", "fragment"), [
    ("rs", "lat_lon_swapped.csv", "lat_lon_swapped.csv, row 3, column 'lat': value '100.5' is "
     "outside -11.5..6.5; expected latitude in decimal degrees (are lat and lon swapped?)"),
    ("rs", "kode_rs_duplicate.csv",
     "row 5, column 'kode_rs': value 'RS0002' appears in rows 2 and 5"),
    ("rs", "kode_rs_mixed_case.csv", "row 5, column 'kode_rs': value 'RS0002' appears in rows 3 "
     "and 5 as 'RS0002' and 'rs0002'"),
    ("rs", "coordinates_zero.csv", "row 4, column 'lat': value '0' lat and lon are both 0"),
    ("rs", "outside_indonesia.csv", "row 5, column 'lon': value '10.02' is outside 94.5..141.5"),
    ("rs", "lat_not_number.csv", "row 3, column 'lat': value \"0°30' LU\" is not a number"),
    ("rs", "column_missing.csv", "column_missing.csv, row 1: missing required column 'lon'; "
     "columns found: ['kode_rs', 'nama', 'lat', 'kode_wilayah',"),
    ("rs", "empty.csv", "empty.csv: file is empty; expected a header row with the columns "
     "['kode_rs', 'nama', 'lat', 'lon', 'kode_wilayah']"),
    ("rs", "header_only.csv", "header_only.csv, row 1: has a header but no data rows"),
    ("rs", "nama_empty.csv", "row 4, column 'nama': is empty; expected the hospital name"),
    ("rs", "kode_wilayah_bad.csv", "row 3, column 'kode_wilayah': value 'Alfa' is not a kab/kota "
     "code; expected a Kemendagri code 'PP.KK'"),
    ("lay", "layanan_unknown.csv", "row 6, column 'layanan': value 'jiwa' is not known; expected "
     "one of ['jantung', 'kanker', 'kia', 'manajemen', 'pie', 'sdm', 'stroke', 'tb', "
     "'uronefrologi']"),
    ("lay", "strata_unknown.csv", "row 7, column 'strata': value 'tinggi' is not known"),
    ("lay", "status_unknown.csv", "row 8, column 'status': value 'rencana' is not known; expected "
     "one of ['ada', 'target']"),
    ("lay", "tahun_not_year.csv", "row 5, column 'tahun': value '23.5' is not a whole number; "
     "expected a year"),
    ("jej", "jejaring_cycle.csv", "row 5, column 'pengampu': value 'RS0001' links of layanan "
     "'kanker' form a cycle RS0001 -> RS0002 -> RS0004 -> RS0001 (rows 5, 6 and 7)"),
    ("jej", "jejaring_self_link.csv", "row 6, column 'diampu': value 'RS0004' is both pengampu and "
     "diampu"),
    ("jej", "jejaring_bad_date.csv",
     "row 4, column 'mulai': value '31/02/2024' is not a valid date"),
    ("wil", "wilayah_duplicate.csv", "row 7, column 'kode': value '01.02' appears in rows 5 and 7"),
    ("wil", "wilayah_tingkat.csv", "row 5, column 'tingkat': value 'kecamatan' is not known; "
     "expected one of ['provinsi', 'kabkota']"),
    ("wil", "wilayah_induk_unknown.csv",
     "row 7, column 'kode_induk': value '03' is not a province"),
    ("wil", "wilayah_penduduk_negative.csv", "row 5, column 'penduduk': value '-1000' is out of "
     "range"),
    ("wil", "wilayah_penduduk_text.csv", "row 5, column 'penduduk': value 'seribu' is not a whole "
     "number"),
])
def test_broken_file(reader, fname, fragment):
    with pytest.raises(DataFileError, match=re.escape(fragment)) as info:
        READERS[reader](BROKEN / fname)
    problems = info.value.problems
    assert list(problems.columns) == ["file", "row", "column", "value", "problem", "severity"]
    assert (problems["severity"] == "error").any()
    assert set(problems["file"]) == {fname}


def test_missing_file_is_missing_error(tmp_path):
    with pytest.raises(DataFileMissingError, match="file not found") as info:
        pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv")
    assert isinstance(info.value, FileNotFoundError) and isinstance(info.value, ValueError)


def test_jejaring_header_only_is_empty_table():
    links = pg.read_jejaring(BROKEN / "jejaring_header_only.csv")
    assert len(links) == 0
    assert {"pengampu", "diampu", "layanan", "mulai", "jenis", "contoh"} <= set(links)


def test_every_error_of_a_file_at_once(tmp_path):
    text = (BROKEN / "lat_lon_swapped.csv").read_text(encoding="utf-8")
    text = text.replace("RSUD Gama,0.5,103.5", "RSUD Gama,0,0").replace(",120,", ",-120,")
    (tmp_path / "rumah_sakit.csv").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv")
    err = info.value.problems
    err = err[err["severity"] == "error"]
    assert sorted(zip(err["row"], err["column"], strict=True)) == [
        (3, "lat"), (3, "lon"), (4, "lat"), (5, "tempat_tidur")]
    assert str(info.value).count("[error]") == 4


# --------------------------------------------------------------------------- spreadsheet exports
def test_bom_and_latin1_accepted():
    rs = pg.read_rumah_sakit(BROKEN / "bom_latin1.csv")
    assert rs.loc[1, "nama"] == "RSUD Séléna Alfa"
    assert rs["kode_rs"].tolist() == ["RS0001", "RS0002", "RS0003", "RS0004"]


def test_semicolon_and_decimal_comma_accepted(tiny_dir):
    rs = pg.read_rumah_sakit(BROKEN / "semicolon_decimal_comma.csv")
    ref = pg.read_rumah_sakit(tiny_dir / "rumah_sakit.csv")
    pd.testing.assert_frame_equal(rs.drop(columns="geometry"), ref.drop(columns="geometry"))
    assert rs.geometry.equals(ref.geometry)


def _write_links(tmp_path: Path, mulai: list[str]) -> Path:
    rows = [f"RS0001,RS{i + 2:04d},jantung,{m},uji" for i, m in enumerate(mulai)]
    path = tmp_path / "jejaring.csv"
    path.write_text("pengampu,diampu,layanan,mulai,sumber\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


def test_dates_from_spreadsheets(tmp_path):
    path = _write_links(tmp_path, ["2023-03-08", "08/03/2023", "8-3-2023", "45020", "",
                                   "2023-03-08 00:00:00", "2023-03"])
    got = pg.read_jejaring(path)["mulai"].tolist()
    d = pd.Timestamp
    # 45020 days after 1899-12-30 (Excel's day zero) is 2023-04-04
    assert got[:4] == [d("2023-03-08"), d("2023-03-08"), d("2023-03-08"), d("2023-04-04")]
    assert pd.isna(got[4])
    assert got[5:] == [d("2023-03-08"), d("2023-03-01")]


@pytest.mark.parametrize(("mulai", "fragment"), [
    (["31/02/2024"], "row 2, column 'mulai': value '31/02/2024' is not a valid date"),
    (["15/01/24"], "value '15/01/24' has a two-digit year"),
    (["03/08/2023", "01/15/2024"], "row 2, column 'mulai': value '03/08/2023' is ambiguous: "
     "day-first it is 2023-08-03, but row 3 ('01/15/2024') is month-first"),
    (["03/08/2023", "01/15/2024"], "row 3, column 'mulai': value '01/15/2024' is month-first"),
    (["Maret 2023"], "value 'Maret 2023' is not a date"),
])
def test_dates_rejected(tmp_path, mulai, fragment):
    with pytest.raises(DataFileError, match=re.escape(fragment)):
        pg.read_jejaring(_write_links(tmp_path, mulai))


def test_day_first_column_with_proof_is_not_ambiguous(tmp_path):
    # 25/12/2023 can only be day-first, so 03/08/2023 in the same column is 3 August
    got = pg.read_jejaring(_write_links(tmp_path, ["25/12/2023", "03/08/2023"]))["mulai"]
    assert got.tolist() == [pd.Timestamp("2023-12-25"), pd.Timestamp("2023-08-03")]


def test_layanan_aliases_and_case(tmp_path):
    path = tmp_path / "layanan.csv"
    path.write_text("Kode RS,Layanan,Strata,Status,Tahun\n"
                    "RS0001, Kardiovaskular ,PARIPURNA,Ada,2024\n"
                    "RS0001,uro-nefrologi,Madia,,2024.0\n", encoding="utf-8")
    lay = pg.read_layanan(path)
    assert lay[["kode_rs", "layanan", "strata", "status"]].values.tolist() == [
        ["RS0001", "jantung", "paripurna", "ada"], ["RS0001", "uronefrologi", "madya", "ada"]]
    assert lay["tahun"].tolist() == [2024, 2024]



# --------------------------------------------------------------------------- header aliases
@pytest.mark.parametrize(("header", "column"), [
    ("Nama RS", "nama"), ("Nama Rumah Sakit", "nama"), ("NAMA_RUMAH_SAKIT", "nama"),
    ("nama-rs.", "nama"), ("Kelas RS", "kelas"), ("Kelas", "kelas"), ("Tipe", "kelas"),
    ("Tipe RS", "kelas"), ("Kode RS", "kode_rs"), ("Kode Rumah Sakit", "kode_rs"),
    ("Kode  Kab/Kota", "kode_wilayah"), ("Jumlah TT", "tempat_tidur"), ("Pemilik", "kepemilikan"),
    ("Lintang", "lat"), ("Bujur", "lon"), ("Kode RS Online", "kode_rsonline"),
    ("Jenis RS", "jenis_rs"),  # the kind of hospital (RSU, RSIA): not the class
])
def test_column_aliases_of_rumah_sakit(header, column):
    from pengampuan.io.read import _column_names

    assert _column_names([header], "rumah_sakit")[0] == [column]


def test_column_aliases_are_per_table():
    from pengampuan.io.read import _column_names

    assert _column_names(["RS Pengampu", "RS Diampu"], "jejaring")[0] == ["pengampu", "diampu"]
    assert _column_names(["Nama Wilayah", "Kode Provinsi"], "wilayah")[0] == ["nama", "kode_induk"]
    # no alias outside its table: a hospital name in layanan.csv stays an extra column
    assert _column_names(["Nama RS"], "layanan")[0] == ["nama_rs"]


def test_alias_never_shadows_the_contract_column():
    from pengampuan.io.read import _column_names

    # 'nama' is there: 'Nama RS' stays an extra column; of two aliases the first is read
    names, renamed = _column_names(["kode_rs", "Nama RS", "nama", "Tipe", "Kelas RS"],
                                   "rumah_sakit")
    assert names == ["kode_rs", "nama_rs", "nama", "kelas", "kelas_rs"]
    assert renamed == [("Tipe", "kelas")]


def test_spreadsheet_headers_and_class_values(tmp_path):
    table = ("Kode RS;Nama Rumah Sakit;Latitude;Longitude;Kode Kab/Kota;Kelas RS;Jumlah TT\n"
             "RS1;RSUD Uji;-3,79;102,27;17.71;Tipe B;1.200\n"
             "RS2;RSUD Dua;-3,80;102,28;17.71;Kelas c;\n"
             "RS3;RSUD Tiga;-3,80;102,28;17.71;B;\n")
    (tmp_path / "rumah_sakit.csv").write_text(table, encoding="utf-8")
    (tmp_path / "layanan.csv").write_text("Kode RS,Layanan,Strata\nRS1,stroke,madya\n",
                                          encoding="utf-8")
    (tmp_path / "jejaring.csv").write_text("pengampu,diampu,layanan\n", encoding="utf-8")
    rep = pg.validate(tmp_path)
    assert rep.ok, str(rep)
    notes = rep.problems[rep.problems["problem"].str.startswith("column(s) read by")]
    assert notes[["file", "row", "severity"]].values.tolist() == [
        ["rumah_sakit.csv", 1, "note"], ["layanan.csv", 1, "note"]]
    assert notes["problem"].iloc[0] == (
        "column(s) read by their contract name: 'Kode RS' -> 'kode_rs', 'Nama Rumah Sakit' -> "
        "'nama', 'Latitude' -> 'lat', 'Longitude' -> 'lon', 'Kode Kab/Kota' -> 'kode_wilayah', "
        "'Kelas RS' -> 'kelas', 'Jumlah TT' -> 'tempat_tidur'")
    ds = pg.load_dataset(tmp_path)
    assert ds.rumah_sakit["kelas"].tolist() == ["B", "C", "B"]
    assert ds.rumah_sakit["tempat_tidur"].tolist()[0] == 1200
    # the aliases also find the header below a title
    (tmp_path / "rumah_sakit.csv").write_text("Daftar RS Bengkulu 2024;;;;;;\n;;;;;;\n" + table,
                                              encoding="utf-8")
    assert "the header seems to be on row 3" in str(pg.validate(tmp_path))


@pytest.mark.parametrize(("jenis", "kelas", "jenis_rs"), [
    (["Tipe B", "C"], ["B", "C"], ["", ""]),          # only classes: read as kelas
    (["RSU", "RSIA"], ["", ""], ["umum", "ibu_anak"]),  # the kind of hospital: kept apart
])
def test_jenis_rs_holding_classes(tmp_path, jenis, kelas, jenis_rs):
    (tmp_path / "rumah_sakit.csv").write_text(
        "kode_rs,nama,lat,lon,kode_wilayah,Jenis RS\n"
        f"RS1,RSUD Uji,-3.79,102.27,17.71,{jenis[0]}\nRS2,RSUD Dua,-3.80,102.28,17.71,{jenis[1]}\n",
        encoding="utf-8")
    rs = pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv")
    assert rs["kelas"].tolist() == kelas
    assert rs["jenis_rs"].tolist() == jenis_rs


def test_jenis_rs_values_checked(tmp_path):
    from pengampuan.io.contract import JENIS_RS

    (tmp_path / "rumah_sakit.csv").write_text(
        "kode_rs,nama,lat,lon,kode_wilayah,jenis_rs\n"
        "RS1,RSUD Uji,-3.79,102.27,17.71,umum\n"
        "RS2,RS Ibu dan Anak Dua,-3.80,102.28,17.71,RSIA\n"
        "RS3,RS Tiga,-3.81,102.29,17.71,RS Bersalin\n"
        "RS4,RSK Empat,-3.82,102.30,17.71,gigi mulut\n"
        "RS5,RS Lima,-3.83,102.31,17.71,\n", encoding="utf-8")
    (tmp_path / "layanan.csv").write_text("kode_rs,layanan,strata\nRS1,stroke,madya\n",
                                          encoding="utf-8")
    (tmp_path / "jejaring.csv").write_text("pengampu,diampu,layanan\n", encoding="utf-8")
    rep = pg.validate(tmp_path)
    p = rep.problems
    bad = p[p["severity"] == "warning"]
    assert bad[["file", "row", "column", "value"]].values.tolist() == [
        ["rumah_sakit.csv", 4, "jenis_rs", "RS Bersalin"]]
    text = bad["problem"].iloc[0]
    assert text.startswith("is not known; expected a hospital type, one of ['umum', 'kanker',")
    assert str(list(JENIS_RS)) in text and "'RSK JIWA'" in text
    assert "read from its name" in text
    assert not (p["severity"] == "error").any()
    # the recognised spellings are notes, read as their jenis_rs value
    read_as = p[p["problem"].str.startswith("read as")]
    assert sorted(read_as["value"]) == ["RSIA", "gigi mulut"]
    rs = pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv")
    assert rs["jenis_rs"].tolist() == ["umum", "ibu_anak", "", "gigi_mulut", ""]


def test_jenis_rs_contract_matches_coverage():
    from pengampuan.coverage import JENIS_RS, _jenis_from_text
    from pengampuan.io import contract

    assert contract.JENIS_RS == JENIS_RS
    # each RS Online JenisRS spelling is read as the type the name rules give it
    raw = pd.Series(list(contract.JENIS_RS_RSONLINE))
    assert _jenis_from_text(raw, typed=True).tolist() == list(contract.JENIS_RS_RSONLINE.values())

def test_contoh_column_wins_over_sumber(tmp_path):
    path = tmp_path / "layanan.csv"
    path.write_text("kode_rs,layanan,strata,sumber,contoh\n"
                    "RS0001,jantung,utama,contoh uji,tidak\nRS0002,jantung,madya,KMK,ya\n",
                    encoding="utf-8")
    assert pg.read_layanan(path)["contoh"].tolist() == [False, True]


def test_extra_columns_kept(tmp_path, tiny_dir):
    text = (tiny_dir / "rumah_sakit.csv").read_text(encoding="utf-8").splitlines()
    text = [text[0] + ",catatan"] + [line + f",catatan {i}" for i, line in enumerate(text[1:])]
    (tmp_path / "rumah_sakit.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    rs = pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv")
    assert rs["catatan"].tolist() == ["catatan 0", "catatan 1", "catatan 2", "catatan 3"]


# --------------------------------------------------------------------------- region codes
def test_kode_wilayah_spellings(tmp_path, tiny_dir):
    text = (tiny_dir / "rumah_sakit.csv").read_text(encoding="utf-8")
    text = text.replace(",01.02,", ",0102,").replace(",02.01,", ",02 01,")
    (tmp_path / "rumah_sakit.csv").write_text(text, encoding="utf-8")
    rs = pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv")
    assert rs["kode_wilayah"].tolist() == ["01.02", "01.01", "02.01", "01.01"]


def test_bps_codes_converted(tmp_path):
    # BPS 3173 is Jakarta Pusat = Kemendagri 31.71; 1473 Dumai = 14.72; 1702 is the same in both
    (tmp_path / "rumah_sakit.csv").write_text(
        "kode_rs,nama,lat,lon,kode_wilayah\n"
        "A1,RS Uji A,-6.19,106.84,3173\nA2,RS Uji B,1.67,101.45,1473\n"
        "A3,RS Uji C,-3.47,102.52,1702\n",
        encoding="utf-8")
    rs = pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv", code_scheme="bps")
    assert rs["kode_wilayah"].tolist() == ["31.71", "14.72", "17.02"]
    assert rs["kode_prov"].tolist() == ["31", "14", "17"]
    kem = pg.read_rumah_sakit(tmp_path / "rumah_sakit.csv")  # read as Kemendagri
    assert kem["kode_wilayah"].tolist() == ["31.73", "14.73", "17.02"]


def test_unknown_code_scheme(tiny_dir):
    with pytest.raises(ValueError, match=r"code_scheme='BPS' is not known; expected one of"):
        pg.read_rumah_sakit(tiny_dir / "rumah_sakit.csv", code_scheme="BPS")


# --------------------------------------------------------------------------- load_dataset
def test_load_dataset_raises_with_every_problem():
    with pytest.raises(DataFileError) as info:
        pg.load_dataset(BROKEN / "many_mistakes")
    assert int((info.value.problems["severity"] == "error").sum()) == 7


def test_load_dataset_missing_folder(tmp_path):
    with pytest.raises(DataFileMissingError, match="folder not found"):
        pg.load_dataset(tmp_path / "tidak_ada")


def test_load_dataset_warns_and_counts_skipped_rows():
    with pytest.warns(pg.PengampuanWarning, match=r"1 warning\(s\) in the data"):
        ds = pg.load_dataset(BROKEN / "link_duplicate")
    assert len(ds.jejaring) == 5  # 6 rows in the file, one exact repeat skipped
    assert ds.report.counts["dilewati"]["jejaring"] == 1


def test_load_dataset_bps_scheme():
    folder = Path(__file__).resolve().parent / "bad_inputs" / "csv" / "bps_codes_with_scheme"
    ds = pg.load_dataset(folder, code_scheme="bps")
    assert ds.rumah_sakit["kode_wilayah"].tolist() == ["31.71", "17.71", "17.02", "93.01", "14.72"]
    assert ds.meta["code_scheme"] == "bps"


def test_bundled_dataset(bundled_ds):
    rs = bundled_ds.rumah_sakit
    assert bundled_ds.meta["bundled"] is True
    assert bundled_ds.report.ok and bundled_ds.report.n_warnings == 0
    assert rs["kode_rs"].is_unique
    assert set(rs["lokasi_presisi"]) == {"sumber", "rsonline2021", "kemenkes2019", "desa",
                                         "kecamatan", "kabkota"}
    b = INDONESIA_BOUNDS
    assert rs["lat"].between(b["lat_min"], b["lat_max"]).all()
    assert rs["lon"].between(b["lon_min"], b["lon_max"]).all()
    assert set(bundled_ds.layanan["kode_rs"]) <= set(rs["kode_rs"])
    kab = set(bundled_ds.wilayah.loc[bundled_ds.wilayah["tingkat"] == "kabkota", "kode"])
    assert len(kab) == 514 and set(rs["kode_wilayah"]) <= kab




# --------------------------------------------------------------------------- round trip
_NAME_CHARS = st.characters(codec="cp1252", categories=["L", "N", "Zs", "P"],
                            exclude_characters="\r\n\x85\u2028\u2029\xa0")
_names = st.text(_NAME_CHARS, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
_lat = st.floats(INDONESIA_BOUNDS["lat_min"], INDONESIA_BOUNDS["lat_max"], allow_nan=False)
_lon = st.floats(INDONESIA_BOUNDS["lon_min"], INDONESIA_BOUNDS["lon_max"], allow_nan=False)
_codes = st.sampled_from(["01.01", "01.02", "02.01"])
_rows = st.lists(st.tuples(_names, _lat, _lon, _codes, st.integers(0, 3000)),
                 min_size=1, max_size=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_rows, dialect=st.sampled_from(["comma", "excel-id", "cp1252-bom"]))
def test_round_trip(tmp_path_factory, rows, dialect):
    folder = tmp_path_factory.mktemp("rt")
    df = pd.DataFrame(rows, columns=["nama", "lat", "lon", "kode_wilayah", "tempat_tidur"])
    df.insert(0, "kode_rs", [f"RS{i:04d}" for i in range(len(df))])
    path = folder / "rumah_sakit.csv"
    if dialect == "comma":
        df.to_csv(path, index=False, encoding="utf-8")
    elif dialect == "excel-id":  # Indonesian-locale Excel: ';' and decimal commas
        df.to_csv(path, index=False, sep=";", decimal=",", encoding="utf-8",
                  quoting=csv.QUOTE_MINIMAL)
    else:
        # bytes that are valid UTF-8 as well (e.g. 'à¡¡' = E0 A1 A1) are read as UTF-8: undecidable
        text = "".join(df["nama"])
        try:
            ambiguous = text.encode("cp1252").decode("utf-8") != text
        except UnicodeDecodeError:
            ambiguous = False
        assume(not ambiguous)
        df.to_csv(path, index=False, encoding="cp1252")
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    rs = pg.read_rumah_sakit(path)
    assert rs["kode_rs"].tolist() == df["kode_rs"].tolist()
    assert rs["nama"].tolist() == [n.strip() for n in df["nama"]]
    np.testing.assert_array_equal(rs["lat"].to_numpy(), df["lat"].to_numpy())
    np.testing.assert_array_equal(rs["lon"].to_numpy(), df["lon"].to_numpy())
    np.testing.assert_array_equal(rs.geometry.x.to_numpy(), df["lon"].to_numpy())
    assert rs["kode_wilayah"].tolist() == df["kode_wilayah"].tolist()
    assert rs["tempat_tidur"].tolist() == df["tempat_tidur"].tolist()


# --------------------------------------------------------------------------- quotes and line breaks
RS_HEADER = "kode_rs,nama,lat,lon,kode_wilayah,tempat_tidur"


def _rs_lines(n: int) -> list[str]:
    return [f"RS{i:05d},RSUD Uji {i},-3.{i % 9000:04d},102.{i % 9000:04d},17.02,{100 + i % 50}"
            for i in range(n)]


def _problems_of(path: Path) -> pd.DataFrame:
    with pytest.raises(DataFileError) as info:
        pg.read_rumah_sakit(path)
    return info.value.problems


def test_unclosed_quote_in_a_large_file_is_an_error_not_a_crash(tmp_path):
    # 20,000 rows after the stray quote: more than the csv module's field limit (131,072 chars)
    lines = _rs_lines(20_000)
    lines[9] = lines[9].replace(",RSUD", ',"RSUD')
    path = tmp_path / "rumah_sakit.csv"
    path.write_text("\n".join([RS_HEADER, *lines]) + "\n", encoding="utf-8")
    problems = _problems_of(path)
    err = problems[problems["severity"] == "error"]
    assert err[["row", "column"]].values.tolist() == [[11, "nama"]]
    assert "a quote (\") opens the value of column 'nama'" in err["problem"].iloc[0]
    assert "line 11 of the file" in err["problem"].iloc[0]


@pytest.mark.parametrize("bad_row", [0, 3, 7])
def test_no_row_disappears_after_a_stray_quote(tmp_path, bad_row):
    lines = _rs_lines(8)
    lines[bad_row] = lines[bad_row].replace(",RSUD", ',"RSUD')
    if bad_row < 7:  # a second stray quote further down closes the first one
        lines[7] = lines[7].replace(",-3.", ',-3."', 1).replace(",102", '",102', 1)
    path = tmp_path / "rumah_sakit.csv"
    path.write_text("\n".join([RS_HEADER, *lines]) + "\n", encoding="utf-8")
    problems = pg.validate(_folder_with(tmp_path, path)).problems
    rows_named = set(problems.loc[problems["file"] == "rumah_sakit.csv", "row"].dropna())
    assert bad_row + 2 in rows_named
    # every other row was read: the typed table (via the raw reader) has it
    from pengampuan.io.problems import _Problems
    from pengampuan.io.read import _read_raw

    raw = _read_raw(path, _Problems(), table="rumah_sakit")
    assert raw is not None
    read = set(raw.data["__row"]) | set(raw.unreadable)
    assert read == set(range(2, 10))
    assert set(raw.unreadable) >= {bad_row + 2}


def _folder_with(tmp_path: Path, rs_path: Path) -> Path:
    """A data folder with ``rs_path`` as rumah_sakit.csv and minimal other files."""
    (tmp_path / "layanan.csv").write_text("kode_rs,layanan,strata\n", encoding="utf-8")
    (tmp_path / "jejaring.csv").write_text("pengampu,diampu,layanan\n", encoding="utf-8")
    assert rs_path.parent == tmp_path
    return tmp_path


def test_line_break_inside_a_value_is_a_warning_and_rows_keep_their_numbers(tmp_path):
    lines = _rs_lines(4)
    lines[1] = lines[1].replace("RSUD Uji 1", '"RSUD Uji\n1 (Curup)"')
    lines[3] = lines[3].replace(",17.02,", ",17.99x,")  # an error after the multi-line row
    path = tmp_path / "rumah_sakit.csv"
    path.write_text("\n".join([RS_HEADER, *lines]) + "\n", encoding="utf-8")
    problems = _problems_of(path)
    warn = problems[problems["severity"] == "warning"]
    assert warn[["row", "problem"]].values.tolist()[0][0] == 3
    assert "spans lines 3-4 of the file" in warn["problem"].iloc[0]
    err = problems[problems["severity"] == "error"]
    assert err[["row", "column"]].values.tolist() == [[5, "kode_wilayah"]]  # spreadsheet row 5


def test_multiline_value_read_as_one_line(tmp_path):
    path = tmp_path / "rumah_sakit.csv"
    path.write_text(RS_HEADER + '\nRS1,"RSUD\r\nUji",-3.5,102.5,17.02,10\n', encoding="utf-8")
    from pengampuan.io.problems import _Problems
    from pengampuan.io.read import _read_raw

    problems = _Problems()
    raw = _read_raw(path, problems, table="rumah_sakit")
    assert raw is not None and raw.data["nama"].tolist() == ["RSUD Uji"]


_cell = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"],
                              exclude_characters="\xa0\u2007\u202f"), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(_cell, min_size=2, max_size=15), where=st.integers(0, 100))
def test_stray_quote_anywhere_every_row_accounted_for(tmp_path_factory, names, where):
    folder = tmp_path_factory.mktemp("q")
    lines = [f"RS{i:03d},{name.strip() or 'x'},-3.5,102.5,17.02,10" for i, name in enumerate(names)]
    k = where % len(lines)
    lines[k] = lines[k].replace(",", ',"', 1)  # a quote opening the nama value
    path = folder / "rumah_sakit.csv"
    path.write_text("\n".join([RS_HEADER, *lines]) + "\n", encoding="utf-8")
    from pengampuan.io.problems import _Problems
    from pengampuan.io.read import _read_raw

    problems = _Problems()
    raw = _read_raw(path, problems, table="rumah_sakit")
    assert raw is not None
    assert set(raw.data["__row"]) | set(raw.unreadable) == set(range(2, len(lines) + 2))
    errors = [r for r in problems.records if r["severity"] == "error"]
    assert [(r["row"], r["column"]) for r in errors] == [(k + 2, "nama")]


# --------------------------------------------------------------------------- wrong files
@pytest.mark.parametrize(("content", "fragment"), [
    (b"PK\x03\x04" + bytes(26) + b"[Content_Types].xml xl/workbook.xml", "workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel workbook (.xls"),
    (b"%PDF-1.7\n" + bytes(range(256)), "is a PDF file"),
    (b"\x1f\x8b\x08\x00" + bytes(50), "is a gzip file"),
    (bytes(range(256)) * 8, "is a binary file"),
    (b",,,\n,,,\n", "holds only separators (',')"),
    (b";;;\n", "holds only separators (';')"),
    (b'"""\n""\n', "holds only quote characters"),
    (b"\n\n  \n", "file is empty"),
])
def test_wrong_file_says_what_it_is(tmp_path, content, fragment):
    path = tmp_path / "rumah_sakit.csv"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=re.escape(fragment)) as info:
        pg.read_rumah_sakit(path)
    assert "rumah_sakit.csv" in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32"])
def test_utf16_and_utf32_with_or_without_bom(tmp_path, encoding):
    text = RS_HEADER + "\nRS1,RSUD Séléna,-3.5,102.5,17.02,10\n"
    path = tmp_path / "rumah_sakit.csv"
    path.write_bytes(text.encode(encoding))
    rs = pg.read_rumah_sakit(path)
    assert rs["nama"].tolist() == ["RSUD Séléna"]


def test_title_rows_above_the_header(tmp_path):
    path = tmp_path / "rumah_sakit.csv"
    path.write_text("DAFTAR RUMAH SAKIT;;;\nDinas Kesehatan;;;\n" + RS_HEADER.replace(",", ";")
                    + "\nRS1;RSUD Uji;-3,5;102,5;17.02;abc\n", encoding="utf-8")
    problems = _problems_of(path)
    err = problems[problems["severity"] == "error"]
    assert err["row"].tolist() == [1, 4] and err["column"].iloc[1] == "tempat_tidur"
    assert "the header seems to be on row 3" in err["problem"].iloc[0]
    assert "'DAFTAR RUMAH SAKIT'; 'Dinas Kesehatan'" in err["problem"].iloc[0]


def test_invisible_and_non_breaking_characters(tmp_path):
    path = tmp_path / "rumah_sakit.csv"
    path.write_text(RS_HEADER + "\nRS\u200b1,RSUD\u00a0Uji,-3.5,102.5,17.02\u2060,10\n",
                    encoding="utf-8")
    from pengampuan.io.problems import _Problems
    from pengampuan.io.read import _read_raw

    coll = _Problems()
    raw = _read_raw(path, coll, table="rumah_sakit")
    problems = coll.records
    assert raw is not None
    assert raw.data[["kode_rs", "nama", "kode_wilayah"]].values.tolist() == [
        ["RS1", "RSUD Uji", "17.02"]]
    by_col = {(r["column"], r["severity"]): r["problem"] for r in problems}
    assert "U+200B (ZERO WIDTH SPACE)" in by_col[("kode_rs", "warning")]
    assert "'RS<U+200B>1'" in by_col[("kode_rs", "warning")]
    assert "U+2060 (WORD JOINER)" in by_col[("kode_wilayah", "warning")]
    assert "U+00A0 (NO-BREAK SPACE)" in by_col[("nama", "note")]


@pytest.mark.parametrize(("beds", "value"), [("1.200", 1200), ("1,200", 1200), ("1 200", 1200),
                                             ("12.500", 12500)])
def test_thousands_separator_in_beds(tmp_path, beds, value):
    path = tmp_path / "rumah_sakit.csv"
    path.write_text(RS_HEADER + f'\nRS1,RSUD Uji,-3.5,102.5,17.02,"{beds}"\n', encoding="utf-8")
    assert pg.read_rumah_sakit(path)["tempat_tidur"].tolist() == [value]
