"""The command line over every broken input: a clean error, a non-zero exit, no traceback,
no partial output files (bad-input corpus in tests/bad_inputs/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pengampuan.cli import main

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
