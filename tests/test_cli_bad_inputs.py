"""The command line over every broken input: a clean error, a non-zero exit, no traceback,
no partial output files (bad-input corpus in tests/bad_inputs/)."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest

from pengampuan.cli import main

# the messages checked here are the English ones (settings.language = 'en')
pytestmark = pytest.mark.usefixtures("english")

BAD = Path(__file__).resolve().parent / "bad_inputs"
BROKEN_BOUNDARIES = ["no_crs.zip", "empty_geometry.geojson", "points_not_polygons.geojson",
                     "duplicated_codes.geojson", "ambiguous_names.geojson",
                     "unknown_names.geojson", "zip_without_layer.zip"]


def _broken_csv_cases() -> list[Path]:
    """CSV cases whose expected outcome is an error (expected.txt starts with "[error]"."""
    cases = []
    for case in sorted((BAD / "csv").iterdir()):
        exp = case / "expected.txt"
        if case.is_dir() and exp.is_file() and exp.read_text().lstrip().startswith("[error]"):
            cases.append(case)
    return cases


def _assert_clean_failure(code: int, err: str, out_dir: Path) -> None:
    assert code != 0
    assert "Traceback" not in err
    assert err.strip(), "the error must be explained on stderr"
    leftovers = sorted(p.name for p in out_dir.iterdir()) if out_dir.exists() else []
    assert leftovers == [], f"partial output files left behind: {leftovers}"


def test_there_are_broken_csv_cases() -> None:
    assert len(_broken_csv_cases()) >= 30


@pytest.mark.parametrize("case", _broken_csv_cases(), ids=lambda p: p.name)
def test_report_on_broken_csv_folder(case: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "laporan"
    code = main(["report", "--data", str(case), "--out", str(out), "--layanan", "jantung"])
    _assert_clean_failure(code, capsys.readouterr().err, out)


@pytest.mark.parametrize("fname", BROKEN_BOUNDARIES)
def test_access_on_broken_boundary_file(fname: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "akses"
    out.mkdir()
    code = main(["access", "--layanan", "stroke", "--status", "target",
                 "--boundaries", str(BAD / "boundaries" / fname), "--out", str(out / "a.geojson")])
    _assert_clean_failure(code, capsys.readouterr().err, out)


# --------------------------------------------------------------------------- configuration files
CONFIG_CASES = sorted(p.stem for p in (BAD / "config").glob("*.toml"))


def test_there_are_config_cases() -> None:
    assert len(CONFIG_CASES) >= 10


@pytest.mark.parametrize("case", CONFIG_CASES)
@pytest.mark.parametrize("command", ["validate", "report"])
def test_bad_config_names_file_key_and_type(case: str, command: str, tiny_dir: Path,
                                             tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "config" / f"{case}.toml"
    fragment = (BAD / "config" / f"{case}.expected.txt").read_text(encoding="utf-8").strip()
    out = tmp_path / "laporan"
    argv = (["validate", str(tiny_dir)] if command == "validate"
            else ["report", "--data", str(tiny_dir), "--out", str(out)])
    code = main([*argv, "--config", str(path)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err
    assert f"{path}:" in err and fragment in err
    assert not out.exists()


# --------------------------------------------------------------------------- a wrong file anywhere
WRONG_FILES = {
    "garbage": bytes((i * 37 + 11) % 256 for i in range(4096)),
    "xlsx": b"PK\x03\x04" + bytes(26) + b"[Content_Types].xml xl/workbook.xml" + bytes(64),
    "separators": b",,,,\n,,,,\n",
    "quotes": b'"""\n"\n',
    "utf16_title_rows": "Daftar\r\n\r\n".encode("utf-16"),
}


def _tiny_copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


@pytest.mark.parametrize("kind", sorted(WRONG_FILES))
@pytest.mark.parametrize("fname", ["rumah_sakit.csv", "layanan.csv", "jejaring.csv",
                                   "wilayah.csv"])
def test_wrong_file_in_any_slot(kind: str, fname: str, tiny_dir: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = _tiny_copy(tiny_dir, tmp_path / "data")
    (folder / fname).write_bytes(WRONG_FILES[kind])
    for argv in (["validate", str(folder)],
                 ["network", "--data", str(folder)],
                 ["report", "--data", str(folder), "--out", str(tmp_path / "out")]):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 1, (argv, out, err)
        assert "Traceback" not in out + err
        assert f"[error] {fname}" in err, (argv, err)
    assert not (tmp_path / "out").exists()


def test_unexpected_exception_is_reported_without_traceback(
        monkeypatch: pytest.MonkeyPatch, tiny_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    validate_mod = sys.modules["pengampuan.validate"]

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("kolom")

    monkeypatch.setattr(validate_mod, "validate", broken)
    assert main(["validate", str(tiny_dir)]) == 5
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected KeyError: 'kolom'" in err and "--debug" in err
    with pytest.raises(KeyError):
        main(["--debug", "validate", str(tiny_dir)])


# --------------------------------------------------------------------------- boundary files
BOUNDARY_CASES = sorted(p.name for p in (BAD / "boundaries").iterdir()
                        if p.suffix in (".geojson", ".zip", ".gpkg", ".json"))


@pytest.mark.parametrize("fname", BOUNDARY_CASES)
def test_boundaries_check_on_every_boundary_case(fname: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "boundaries" / fname
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(["boundaries", "check", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1), out + err
    assert "Traceback" not in out + err
    if code:
        assert fname in out + err


# --------------------------------------------------------------------------- volume
def _every_row_wrong(folder: Path, n: int) -> Path:
    folder.mkdir()
    lines = ["kode_rs,nama,lat,lon,kode_wilayah"]
    lines += [f"RS{i:07d},RSUD {i},utara,timur,17.02" for i in range(n)]
    (folder / "rumah_sakit.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "layanan.csv").write_text("kode_rs,layanan,strata\n", encoding="utf-8")
    return folder


def test_every_row_wrong_lists_a_capped_number_of_lines(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = _every_row_wrong(tmp_path / "d", 3000)
    assert main(["validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) < 60, len(lines)  # 2 kinds x (20 + 1) and a few notes, not 6,000 lines
    assert "... and 2,980 more like the line above (is not a number; expected latitude" in err
    assert "data NOT valid: fix the 6001 error(s) listed above" in out
    # --limit 0 lists every one
    assert main(["validate", str(folder), "--limit", "0"]) == 1
    assert capsys.readouterr().err.count("[error]") == 6001
    # the other commands print the same capped list
    assert main(["report", "--data", str(folder), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) < 60 and "2,980 more like the line above" in err


# --------------------------------------------------------------------------- boundary coverage
def test_boundary_file_without_features(capsys: pytest.CaptureFixture[str]) -> None:
    import pengampuan as pg

    path = BAD / "boundaries" / "no_features.geojson"
    with pytest.raises(pg.DataFileError, match="the file has no features"):
        pg.load_regions("kabkota", path)
    assert main(["boundaries", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: the file has no features" in err and "Traceback" not in err


@pytest.mark.parametrize(("fname", "fragment"), [
    ("overlapping_polygons.geojson", r"4 pair\(s\) of features overlap by 0.05 km² or more .*"
                                     r"feature 2 \(kode '17.02'"),
    ("sliver_polygon.geojson", r"1 sliver feature\(s\), too small or thin to be a region "
                               r"\(e.g. feature 10 \(kode '17.71', nama 'Kota Bengkulu'\)"),
])
def test_overlaps_and_slivers_are_warned(fname: str, fragment: str) -> None:
    import pengampuan as pg

    with pytest.warns(pg.PengampuanWarning) as caught:
        reg = pg.load_regions("kabkota", BAD / "boundaries" / fname)
    assert len(reg) == 10
    assert any(re.search(fragment, str(w.message)) for w in caught), [str(w.message)
                                                                     for w in caught]


def test_clean_coverage_gives_no_warning() -> None:
    import pengampuan as pg

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(pg.load_regions("kabkota", BAD / "boundaries" / "zipped_shapefile.zip")) == 10
