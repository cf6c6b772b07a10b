"""``pengampuan validate``: exit codes, output, and the CSV bad-input corpus."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import pengampuan as pg
from pengampuan.cli import main

# the messages checked here are the English ones (settings.language = 'en')
pytestmark = pytest.mark.usefixtures("english")

TESTS = Path(__file__).resolve().parent
BROKEN = TESTS / "data" / "broken"
CORPUS = TESTS / "bad_inputs" / "csv"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and (p / "expected.txt").exists())


def test_valid_folder(tiny_dir, capsys):
    assert main(["validate", str(tiny_dir)]) == 0
    out, err = capsys.readouterr()
    assert "0 error(s), 0 warning(s), 2 note(s)" in out  # no 'bukti' column: 2 notes
    assert "rumah_sakit 4 rows, layanan 7 rows, jejaring 5 rows, wilayah 5 rows" in out
    assert "lokasi_presisi: sumber 3, kabkota 1" in out
    assert out.rstrip().endswith("data valid")
    assert "Traceback" not in out + err


def test_invalid_folder_lists_every_problem(capsys):
    assert main(["validate", str(BROKEN / "many_mistakes")]) == 1
    out, err = capsys.readouterr()
    errors = [line for line in err.splitlines() if line.startswith("[error]")]
    assert len(errors) == 7  # on stderr, as the README says
    assert ("[error] rumah_sakit.csv, row 3, column 'lat': value '100.5' is outside -11.5..6.5; "
            "expected latitude in decimal degrees (are lat and lon swapped?)") in errors
    assert "data NOT valid: fix the 7 error(s) listed above" in out
    assert "[error]" not in out
    assert "Traceback" not in out + err


def test_missing_folder_exit_3(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "tidak_ada")]) == 3
    out, err = capsys.readouterr()
    assert "folder not found" in err and "Traceback" not in out + err


def test_csv_format(capsys):
    assert main(["validate", str(BROKEN / "many_mistakes"), "--format", "csv"]) == 1
    out, _ = capsys.readouterr()
    table = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert list(table.columns) == ["file", "row", "column", "value", "problem", "severity"]
    assert len(table) == 9 and set(table["severity"]) == {"error", "note"}  # + 2 bukti notes
    assert table.loc[0, ["file", "row", "column", "value"]].tolist() == [
        "rumah_sakit.csv", "3", "lat", "100.5"]


def test_code_scheme_option(capsys):
    folder = CORPUS / "bps_codes_with_scheme"
    assert main(["validate", str(folder)]) == 1
    assert main(["validate", str(folder), "--code-scheme", "bps"]) == 0
    _, err = capsys.readouterr()
    assert "3 BPS code(s) converted to Kemendagri" in err


def test_bundled_data(capsys):
    assert main(["validate"]) == 0
    out, _ = capsys.readouterr()
    assert " 0 error(s), 0 warning(s)" in out
    assert "lokasi_presisi: sumber " in out


def test_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", "--help"])
    assert info.value.code == 0
    out, _ = capsys.readouterr()
    assert "--code-scheme" in out and "--format" in out


# --------------------------------------------------------------------------- bad-input corpus
def test_corpus_size():
    assert len(CASES) >= 30
    failing = [c for c in CASES if _expected(c)[0].startswith("[error]")]
    assert len(failing) >= 30


def _expected(case: str) -> tuple[str, list[str]]:
    folder = CORPUS / case
    fragment = (folder / "expected.txt").read_text(encoding="utf-8").strip()
    options = folder / "options.txt"
    return fragment, options.read_text(encoding="utf-8").split() if options.exists() else []


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case, capsys):
    fragment, options = _expected(case)
    broken = fragment.startswith("[error]") or not fragment.startswith("[")
    kwargs = {"code_scheme": options[options.index("--code-scheme") + 1]} if options else {}
    # the library
    report = pg.validate(CORPUS / case, **kwargs)
    assert report.ok is not broken, str(report)
    assert fragment in str(report), str(report)
    # the command line
    code = main(["validate", str(CORPUS / case), *options])
    out, err = capsys.readouterr()
    assert code == (1 if broken else 0), out + err
    assert fragment in err  # the problems go to stderr, the verdict to stdout
    assert out.rstrip().endswith("error(s) listed above" if broken else "data valid")
    assert "Traceback" not in out + err
