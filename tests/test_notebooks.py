"""The tutorial notebooks run offline on the bundled data and are committed without outputs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
EXPECTED = [
    "01_mulai_cepat.ipynb",
    "02_jejaring_provinsi.ipynb",
    "03_akses_dan_target.ipynb",
    "04_skenario_peningkatan.ipynb",
    "05_data_sendiri.ipynb",
]
CELL_TIMEOUT_S = 120


def test_every_notebook_is_present() -> None:
    assert [p.name for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [
        i for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert not dirty, f"{path.name}: cells {dirty} have outputs or execution counts; strip them"


def test_notebooks_match_their_generator() -> None:
    # The notebooks are written by scripts/make_notebooks.py; an edit made in Jupyter
    # must be carried over to the script (or the notebooks regenerated).
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_notebooks.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr or proc.stdout


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient

    # Run in a scratch copy of notebooks/: a notebook writes its files (maps, GeoJSON,
    # cleaned CSV) into a temporary folder (tempfile.mkdtemp, here under tmp_path), never
    # next to itself.
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, work,
                    ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
    before = sorted(p.relative_to(work) for p in work.rglob("*"))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    nb = nbformat.read(path, as_version=4)
    # The kernel imports the package from this checkout, offline, with a private cache.
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    monkeypatch.setenv("PYTHONPATH", pythonpath)
    monkeypatch.setenv("PENGAMPUAN_OFFLINE", "1")
    monkeypatch.setenv("PENGAMPUAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(work)}},
    )
    client.execute()  # raises CellExecutionError with the failing cell and traceback
    errors = [
        out for cell in nb.cells if cell.cell_type == "code"
        for out in cell.get("outputs", []) if out.get("output_type") == "error"
    ]
    assert not errors
    written = sorted(p.relative_to(work) for p in work.rglob("*"))
    assert written == before, f"files written into notebooks/: {set(written) - set(before)}"
    saves = any("KELUARAN /" in cell.source for cell in nb.cells if cell.cell_type == "code")
    assert not saves or list(scratch.glob("pengampuan_*/*")), "no output in the KELUARAN folder"
    # a tutorial shows correct usage: no warning (and none with a source path prefix)
    stderr = [out.get("text", "") for cell in nb.cells if cell.cell_type == "code"
              for out in cell.get("outputs", [])
              if out.get("output_type") == "stream" and out.get("name") == "stderr"]
    assert not [t for t in stderr if "Warning" in t or re.search(r"\.py:\d+:", t)], stderr
