"""validate(): every problem of a data folder at once, checks across files, the report object."""

from __future__ import annotations

import importlib
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import pengampuan as pg
from pengampuan.errors import DataFileMissingError

# the messages checked here are the English ones (settings.language = 'en')
pytestmark = pytest.mark.usefixtures("english")

TESTS = Path(__file__).resolve().parent
BROKEN = TESTS / "data" / "broken"
CASES = TESTS / "bad_inputs" / "csv"
# the checks of kode_wilayah read the BPS crosswalk through this module
io_checks = importlib.import_module("pengampuan.io.checks")


def test_tiny_is_valid(tiny_dir):
    rep = pg.validate(tiny_dir)
    assert rep.ok and rep.n_errors == rep.n_warnings == 0
    # the fixture has no evidence grades: one note each for layanan.csv and jejaring.csv
    assert rep.n_notes == 2 and rep.problems["problem"].str.contains("no column 'bukti'").all()
    assert list(rep.problems.columns) == ["file", "row", "column", "value", "problem", "severity"]
    # 4 hospitals: RS0001-RS0003 with their own point, RS0004 placed in its kab/kota
    assert rep.counts["lokasi_presisi"] == {"sumber": 3, "kabkota": 1}
    assert {k: rep.counts[k] for k in ("rumah_sakit", "layanan", "jejaring", "wilayah")} == {
        "rumah_sakit": 4, "layanan": 7, "jejaring": 5, "wilayah": 5}
    assert rep.counts["dilewati"] == {"rumah_sakit": 0, "layanan": 0, "jejaring": 0, "wilayah": 0}


def test_every_mistake_at_once():
    rep = pg.validate(BROKEN / "many_mistakes")
    assert not rep.ok
    errors = rep.errors
    found = sorted(zip(errors["file"], errors["row"].astype(int), errors["column"], strict=True))
    assert found == sorted([
        ("rumah_sakit.csv", 3, "lat"), ("rumah_sakit.csv", 3, "lon"),   # swapped
        ("rumah_sakit.csv", 5, "nama"),                                  # empty
        ("layanan.csv", 5, "strata"),                                    # 'istimewa'
        ("jejaring.csv", 4, "mulai"),                                    # 15/13/2024
        ("jejaring.csv", 6, "diampu"),                                   # RS0009
        ("wilayah.csv", 5, "penduduk"),                                  # -5
    ])
    text = str(rep)
    assert text.startswith("Validation of ") and "7 error(s)" in text
    assert all(line in text for line in map(pg.errors.format_problem,
                                            errors.to_dict("records")))


@pytest.mark.parametrize(("folder", "fragment", "severity"), [
    ("link_unknown_hospital", "jejaring.csv, row 6, column 'diampu': value 'RS0044' is not a "
     "kode_rs in rumah_sakit.csv", "error"),
    ("layanan_unknown_hospital", "layanan.csv, row 6, column 'kode_rs': value 'RS0033' is not a "
     "kode_rs in rumah_sakit.csv", "error"),
    ("kode_wilayah_unknown", "rumah_sakit.csv, row 4, column 'kode_wilayah': value '02.02' is not "
     "a kab/kota in wilayah.csv (3 kab/kota)", "error"),
    ("rumah_sakit_missing", "rumah_sakit.csv: file not found at", "error"),
    ("strata_inversion", "jejaring.csv, row 4, column 'pengampu': value 'RS0002' pengampu 'RS0002' "
     "has strata 'madya' (current) for 'jantung', below diampu 'RS0003' ('utama', current)",
     "warning"),
    ("link_duplicate", "jejaring.csv, row 7, column 'pengampu': value 'RS0002' link RS0002 -> "
     "RS0004 (kanker) appears in rows 6 and 7; row(s) 7 skipped", "warning"),
])
def test_broken_folder(folder, fragment, severity):
    rep = pg.validate(BROKEN / folder)
    lines = str(rep).splitlines()
    hits = [line for line in lines if fragment in line]
    assert hits == [next(line for line in lines if fragment in line)]
    assert hits[0].startswith(f"[{severity}]")
    assert rep.ok == (severity != "error")


def test_counts_skipped_rows():
    rep = pg.validate(BROKEN / "link_duplicate")
    assert rep.counts["dilewati"]["jejaring"] == 1
    assert "rows skipped: jejaring 1" in rep.summary()


def test_missing_folder(tmp_path):
    msg = re.escape(f"{tmp_path / 'x'}: folder not found")
    with pytest.raises(DataFileMissingError, match=msg):
        pg.validate(tmp_path / "x")


def test_path_is_a_file(tiny_dir):
    rep = pg.validate(tiny_dir / "rumah_sakit.csv")
    assert not rep.ok
    assert "is a file; expected a folder holding rumah_sakit.csv" in str(rep)


def test_missing_wilayah_uses_bundled_list(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(CASES / "wilayah_file_absent", folder)
    rep = pg.validate(folder)
    assert rep.ok and rep.counts["wilayah_bundled"] is True
    assert rep.counts["wilayah"] == 552  # 38 provinces + 514 kab/kota
    ds = pg.load_dataset(folder)
    assert ds.meta["wilayah_bundled"] is True


def test_bps_code_without_scheme():
    rep = pg.validate(CASES / "kode_wilayah_bps_without_scheme")
    err = rep.errors
    assert err[["row", "column", "value"]].values.tolist() == [[6, "kode_wilayah", "1473"]]
    assert "BPS code of 14.72 Kota Dumai" in err["problem"].iloc[0]
    assert 'pass code_scheme="bps"' in err["problem"].iloc[0]
    assert pg.validate(CASES / "bps_codes_with_scheme", code_scheme="bps").ok


def test_four_digit_code_that_bps_reads_differently(tmp_path):
    # Kemendagri 31.71 is Jakarta Pusat; BPS 3171 is Jakarta Selatan (Kemendagri 31.74)
    folder = tmp_path / "d"
    shutil.copytree(CASES / "extra_columns", folder)
    path = folder / "rumah_sakit.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",31.71,", ",3171,"), encoding="utf-8")
    rep = pg.validate(folder)
    assert rep.ok and rep.n_warnings == 1
    w = rep.problems[rep.problems["severity"] == "warning"].iloc[0]
    assert (w["row"], w["column"], w["value"]) == (2, "kode_wilayah", "3171")
    assert "read as Kemendagri 31.71 Kota Administrasi Jakarta Pusat" in w["problem"]
    assert "as a BPS code it is 31.74" in w["problem"]


def test_papua_pre2022_generic_message():
    rep = pg.validate(CASES / "kode_wilayah_papua_pre2022")
    (msg,) = rep.errors["problem"]
    assert msg.startswith("is not a current kab/kota code: Papua was split in 2022 into six "
                          "provinces")


def test_papua_pre2022_named_when_the_crosswalk_has_old_codes(monkeypatch):
    # A crosswalk carrying the Kemendagri 2020 code that BPS pairs with each row
    # (the shared reference file has it: 9101 Merauke is now 93.01).
    cw = pd.DataFrame({"kode_bps": ["9401", "1473"], "kode": ["93.01", "14.72"],
                       "kode_kemendagri_2020_di_sumber": ["9101", "1472"]})
    monkeypatch.setattr(io_checks, "bps_crosswalk", lambda: cw)
    io_checks._papua_2022.cache_clear()
    try:
        rep = pg.validate(CASES / "kode_wilayah_papua_pre2022")
    finally:
        io_checks._papua_2022.cache_clear()
    (msg,) = rep.errors["problem"]
    assert msg == ("is not a current kab/kota code: Papua was split in 2022; Kabupaten Merauke is "
                   "now 93.01")


def test_cycle_names_hospitals_and_rows():
    rep = pg.validate(CASES / "link_cycle")
    (msg,) = rep.errors["problem"]
    assert "cycle RS0001 -> RS0002 -> RS0003 -> RS0001 (rows 2, 3 and 7)" in msg


def test_same_strata_towards_a_target_is_a_note(tmp_path):
    # RS0001 (paripurna) mentors RS0004, whose *target* for kanker is paripurna too: a note
    folder = tmp_path / "d"
    shutil.copytree(CASES / "extra_columns", folder)
    lay = folder / "layanan.csv"
    lay.write_text(lay.read_text(encoding="utf-8").replace("RS0004,kanker,madya,target",
                                                           "RS0004,kanker,paripurna,target"),
                   encoding="utf-8")
    rep = pg.validate(folder)
    assert rep.ok and rep.n_warnings == 0
    notes = rep.problems[rep.problems["problem"].str.contains("the same as diampu")]
    assert notes[["row", "severity"]].values.tolist() == [[5, "note"]]


def test_repeated_layanan_rows(tmp_path, tiny_dir):
    folder = tmp_path / "d"
    shutil.copytree(tiny_dir, folder)
    lay = folder / "layanan.csv"
    text = lay.read_text(encoding="utf-8")
    lay.write_text(text
                   + "RS0003,jantung,utama,ada,2023,contoh uji (sintetis)\n"    # row 9: repeat
                   + "RS0003,jantung,utama,ada,2023,berita\n"                   # row 10: 2nd source
                   + "RS0002,kanker,madya,ada,2023,contoh uji (sintetis)\n"     # row 11: conflict
                   + "RS0002,kanker,paripurna,target,2026,contoh uji\n",        # row 12: a new fact
                   encoding="utf-8")
    rep = pg.validate(folder)
    p = rep.problems.set_index("row")
    assert rep.ok and rep.counts["dilewati"]["layanan"] == 1 and rep.counts["layanan"] == 10
    assert p.loc[9, "problem"] == "repeats row 6 exactly; skipped"
    assert p.loc[9, "severity"] == "warning"
    assert p.loc[10, "severity"] == "note" and "same strata (other sources)" in p.loc[10, "problem"]
    assert p.loc[11, "severity"] == "warning"
    assert "different strata ('utama', 'madya'); the highest is used" in p.loc[11, "problem"]
    assert 12 not in p.index


def test_notes_for_spreadsheet_exports():
    rep = pg.validate(CASES / "decimal_comma")
    assert rep.ok and rep.n_notes == 5  # 3 + no 'bukti' column in layanan.csv, jejaring.csv
    assert set(rep.problems["severity"]) == {"note"}


def test_report_renders(tiny_dir):
    rep = pg.validate(BROKEN / "many_mistakes")
    # 2 notes: the fixture has no 'bukti' column in layanan.csv and jejaring.csv
    assert repr(rep) == "<ValidationReport INVALID: 7 error(s), 0 warning(s), 2 note(s)>"
    html = rep._repr_html_()
    assert "invalid" in html and html.count("<tr>") == 9  # one per problem
    assert "lokasi_presisi: sumber 3, kabkota 1" in rep.summary()
    ok = pg.validate(tiny_dir)  # valid; its table lists only the 2 notes on 'bukti'
    html_ok = ok._repr_html_()
    assert "valid" in html_ok and html_ok.count("<td>note</td>") == 2
    assert "<td>error</td>" not in html_ok and "<td>warning</td>" not in html_ok


def test_errors_first_then_file_order():
    rep = pg.validate(CASES / "link_cycle")
    # then the two notes on the missing 'bukti' column
    assert rep.problems["severity"].tolist() == ["error", "warning", "note", "note"]


def test_bundled_data_is_valid():
    rep = pg.validate()
    assert rep.ok, str(rep)
    assert rep.n_warnings == 0, str(rep)
    lp = rep.counts["lokasi_presisi"]
    assert set(lp) == {"sumber", "rsonline2021", "kemenkes2019", "desa", "kecamatan", "kabkota"}
    assert sum(lp.values()) == rep.counts["rumah_sakit"]


# --------------------------------------------------------------------------- points and regions
def _rs_folder(tmp_path: Path, rows: list[str]) -> Path:
    (tmp_path / "rumah_sakit.csv").write_text(
        "kode_rs,nama,lat,lon,kode_wilayah\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "layanan.csv").write_text("kode_rs,layanan,strata\nRS1,stroke,madya\n",
                                          encoding="utf-8")
    (tmp_path / "jejaring.csv").write_text("pengampu,diampu,layanan\n", encoding="utf-8")
    return tmp_path


def _point_at_distance_off_the_coast(kode: str, km: float) -> tuple[float, float]:
    """A point due west of a point inside the kab/kota, ``km`` beyond its coast."""
    import shapely

    from pengampuan.io.points import _bundled_kabkota_polygons, _nearest_km

    poly = _bundled_kabkota_polygons()
    geom = poly.geoms[poly.index[kode]]
    start = geom.representative_point()
    lat, lon = start.y, start.x
    for step in np.arange(0.0, 3.0, 0.001):
        d = _nearest_km(np.array([shapely.Point(lon - step, lat)]), np.array([geom]))[0]
        if d >= km and not geom.contains(shapely.Point(lon - step, lat)):
            return lat, lon - step
    raise AssertionError("no such point")


def test_point_a_few_km_off_a_coastal_polygon_is_fine(tmp_path):
    lat, lon = _point_at_distance_off_the_coast("17.71", 3.0)
    rep = pg.validate(_rs_folder(tmp_path, [f"RS1,RSUD Pantai,{lat},{lon},17.71"]))
    assert rep.ok and not (rep.problems["column"] == "lat").any(), str(rep)
    assert rep.counts["titik_diperiksa"] == 1


def _point_east_of(kode: str, km: float) -> tuple[float, float, str]:
    """A point due east of a point inside the kab/kota, ``km`` (±0.1) outside it; and where."""
    import shapely

    from pengampuan.io.points import _bundled_kabkota_polygons, _nearest_km, _polygon_of

    poly = _bundled_kabkota_polygons()
    geom = poly.geoms[poly.index[kode]]
    start = geom.representative_point()
    for step in np.arange(0.0, 1.0, 0.0005):
        pt = shapely.Point(start.x + step, start.y)
        if _nearest_km(np.array([pt]), np.array([geom]))[0] >= km:
            at = _polygon_of(poly, np.array([pt]))[0]
            return start.y, start.x + step, (poly.kode[at] if at >= 0 else "")
    raise AssertionError("no such point")


@pytest.mark.parametrize(("km", "severity"), [(0.5, "note"), (1.9, "note"), (2.3, "warning"),
                                              (5.0, "warning"), (9.8, "warning"),
                                              (10.7, "error"), (30.0, "error")])
def test_point_in_another_kabkota_graded_by_distance(tmp_path, km, severity):
    # east of Kota Bengkulu (17.71) lies Kab. Seluma (17.05): <= 2 km a note (generalised
    # boundaries), 2-10 km a warning, beyond an error
    lat, lon, at = _point_east_of("17.71", km)
    assert at == "17.05"
    rep = pg.validate(_rs_folder(tmp_path, [f"RS1,RSUD Uji,{lat},{lon},17.71"]))
    p = rep.problems[rep.problems["column"] == "lat"]
    assert p[["row", "severity"]].values.tolist() == [[2, severity]], str(rep)
    text = p["problem"].iloc[0]
    assert text.startswith("the point lies in 17.05 Kabupaten Seluma, ")
    assert any(f"{km + e:.1f} km outside 17.71 Kota Bengkulu" in text for e in (0, 0.05, 0.1))
    if severity == "note":
        assert "within 2 km, read as the generalisation of the boundaries" in text
    else:  # the thresholds are stated
        assert "at most 2 km outside (up to 10 km a warning, beyond an error)" in text
        assert "kode_wilayah should be 17.05 Kabupaten Seluma" in text
    assert rep.ok == (severity != "error")


@pytest.mark.parametrize(("km", "severity"), [(4.5, None), (5.6, "warning"), (24.0, "warning"),
                                              (26.0, "error")])
def test_point_at_sea_graded_by_distance(tmp_path, km, severity):
    lat, lon = _point_at_distance_off_the_coast("17.71", km)
    rep = pg.validate(_rs_folder(tmp_path, [f"RS1,RSUD Pantai,{lat},{lon},17.71"]))
    p = rep.problems[rep.problems["column"] == "lat"]
    assert p["severity"].tolist() == ([severity] if severity else []), str(rep)
    if severity:
        assert "at most 5 km off its coast (up to 25 km a warning, beyond an error)" \
            in p["problem"].iloc[0]


def test_point_thresholds_in_one_place():
    from pengampuan.io import points

    assert (points.OTHER_NOTE_KM, points.OTHER_ERROR_KM) == (2.0, 10.0)
    assert (points.SEA_OK_KM, points.SEA_ERROR_KM) == (5.0, 25.0)


def test_point_far_at_sea_is_an_error_naming_row_and_kabkota(tmp_path):
    lat, lon = _point_at_distance_off_the_coast("17.71", 40.0)
    rep = pg.validate(_rs_folder(tmp_path, ["RS1,RSUD Uji,-3.79,102.27,17.71",
                                            f"RS2,RSUD Laut,{lat},{lon},17.71"]))
    err = rep.errors
    assert err[["row", "column"]].values.tolist() == [[3, "lat"]]
    assert "outside every kab/kota (at sea?)" in err["problem"].iloc[0]
    assert "from 17.71 Kota Bengkulu" in err["problem"].iloc[0]


def test_latitude_sign_and_other_kabkota_hints(tmp_path):
    rows = ["RS1,RSUD Jakarta,6.1969,106.8464,31.71",     # north of the equator: sign
            "RS2,RSUD Dumai,-3.80,102.28,14.72",          # Kota Bengkulu, another province
            "RS3,RSUD Curup,-3.79,102.27,17.02"]          # Kota Bengkulu, same province, 34 km
    rep = pg.validate(_rs_folder(tmp_path, rows))
    p = rep.problems[rep.problems["column"] == "lat"].set_index("row")
    assert p.loc[2, "severity"] == "error"
    assert "with latitude -6.1969 it would lie in 31.71" in p.loc[2, "problem"]
    assert p.loc[3, "severity"] == "error" and "lies in 17.71 Kota Bengkulu" in p.loc[3, "problem"]
    assert p.loc[4, "severity"] == "error"  # > 10 km inside another kab/kota
    assert "kode_wilayah should be 17.71 Kota Bengkulu" in p.loc[4, "problem"]
    with pytest.raises(pg.DataFileError, match="it would lie in 31.71"):
        pg.load_dataset(tmp_path)


def test_many_points_checked_at_once(tmp_path):
    n = 20_000
    rng = np.random.default_rng(7)
    lat = -3.47 + rng.uniform(-0.01, 0.01, n)
    lon = 102.52 + rng.uniform(-0.01, 0.01, n)
    rows = [f"RS{i},RSUD Uji {i},{a:.5f},{b:.5f},17.02"
            for i, (a, b) in enumerate(zip(lat, lon, strict=True))]
    rep = pg.validate(_rs_folder(tmp_path, rows))
    assert rep.counts["titik_diperiksa"] == n
    assert not (rep.problems["column"] == "lat").any()


def test_same_hospital_under_two_codes(tmp_path):
    rows = ["RS1,RSUD Dr. M. Yunus,-3.8206,102.3003,17.71",
            "RS2,Rumah Sakit Umum Daerah Dr M Yunus,-3.8207,102.3004,17.71",
            "RS3,RSUD Dr. M. Yunus,-3.4700,102.5200,17.02"]  # same name, 45 km away: fine
    rep = pg.validate(_rs_folder(tmp_path, rows))
    dup = rep.problems[rep.problems["problem"].str.contains("same name")]
    assert dup[["row", "value", "severity"]].values.tolist() == [[3, "RS2", "warning"]]
    assert "(RS1 and RS2)" in dup["problem"].iloc[0]
