"""The generated documentation pages are up to date with the library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bad_inputs_table_is_up_to_date() -> None:
    # docs/bad_inputs.md is written by scripts/make_bad_inputs_table.py from the
    # library's own answers on tests/bad_inputs/; a changed message or a new case
    # must be carried over by re-running the script.
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_bad_inputs_table.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr or proc.stdout
    assert "does not contain the expected fragment" not in proc.stderr, proc.stderr


def test_bad_inputs_table_lists_every_case() -> None:
    text = (ROOT / "docs" / "bad_inputs.md").read_text(encoding="utf-8")
    corpus = ROOT / "tests" / "bad_inputs" / "csv"
    cases = sorted(p.parent.name for p in corpus.glob("*/expected.txt"))
    assert cases
    missing = [c for c in cases if f"| `{c}` |" not in text]
    assert not missing
