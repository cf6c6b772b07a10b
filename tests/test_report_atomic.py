"""Report folders are replaced whole or not at all: locked files, failures, SIGTERM, kills."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import pytest

import pengampuan as pg
from pengampuan import export
from pengampuan.cli import main

# written without the figures (figures=False, --no-figures): the GeoJSON/CSV files, the workbook
# and the GeoPackage
FILES = sorted([*export.REPORT_FILES, "ringkasan.xlsx", "laporan.gpkg"])
TINY = Path(__file__).resolve().parent / "data" / "tiny"


def _old_report(folder: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    folder.mkdir(parents=True)
    content = {name: f"old {name}" for name in FILES} | (extra or {})
    for name, text in content.items():
        (folder / name).write_text(text)
    return content


def _state(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(errors="replace") for p in sorted(folder.iterdir())}


def _siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


def _fail_rename(monkeypatch: pytest.MonkeyPatch, when: str, nth: int = 1) -> None:
    """Make the ``nth`` Path.rename whose source name is ``when`` fail like a locked file."""
    real = Path.rename
    seen = {"n": 0}

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        if self.name == when or (when == "*report*" and export.is_report_file(self.name)):
            seen["n"] += 1
            if seen["n"] == nth:
                raise PermissionError(13, "The process cannot access the file because it is "
                                          "being used by another process", str(self))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)


@pytest.mark.parametrize("fails", ["laporan", "tmp"])
def test_locked_report_folder_keeps_the_previous_report(tiny_ds: pg.Dataset,
                                                         tiny_regions: gpd.GeoDataFrame,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         fails: str) -> None:
    out = tmp_path / "laporan"
    before = _old_report(out)
    if fails == "laporan":  # renaming the old folder aside fails (a file open in Excel)
        _fail_rename(monkeypatch, "laporan")
    else:  # the old folder is aside, then moving the new one in fails: the old comes back
        real = Path.rename

        def rename(self: Path, target: str | os.PathLike[str]) -> Path:
            if self.name.startswith(".laporan.tmp-") and Path(target).name == "laporan":
                raise PermissionError(13, "Access is denied", str(self))
            return real(self, target)

        monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(PermissionError):
        pg.write_report(out, tiny_ds, tiny_regions, layanan="jantung", figures=False)
    assert _state(out) == before
    assert _siblings(out) == []


@pytest.mark.parametrize("nth", [1, 3, 5, 7])
def test_folder_with_other_files_is_updated_all_or_nothing(tiny_ds: pg.Dataset,
                                                           tiny_regions: gpd.GeoDataFrame,
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           nth: int) -> None:
    out = tmp_path / "laporan"
    before = _old_report(out, {"catatan rapat.docx": "the analyst's own file"})
    _fail_rename(monkeypatch, "*report*", nth)  # the nth move of a report file fails
    with pytest.raises(PermissionError):
        pg.write_report(out, tiny_ds, tiny_regions, layanan="jantung", figures=False)
    assert _state(out) == before
    assert _siblings(out) == []
    monkeypatch.undo()
    pg.write_report(out, tiny_ds, tiny_regions, layanan="jantung",
                    figures=False)  # and without the lock
    after = _state(out)
    assert sorted(after) == sorted([*FILES, "catatan rapat.docx"])
    assert after["catatan rapat.docx"] == "the analyst's own file"
    assert all(not after[n].startswith("old ") for n in FILES)
    assert _siblings(out) == []


def test_rerun_replaces_the_whole_folder(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                                         tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    _old_report(out)
    (out / "index.html").unlink()  # an incomplete earlier report
    mode = 0o750
    out.chmod(mode)
    files = pg.write_report(out, tiny_ds, tiny_regions, layanan="jantung", figures=False)
    assert sorted(files) == FILES and sorted(_state(out)) == FILES
    assert all(not t.startswith("old ") for t in _state(out).values())
    assert (out.stat().st_mode & 0o777) == mode
    assert _siblings(out) == []



def test_every_report_file_has_the_mode_of_a_file_written_in_place(
        tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame, tmp_path: Path,
        umask_002: int) -> None:
    # files and folders are first written in temporary places (mkstemp/mkdtemp make them
    # private, 0o600/0o700); the report ends with the modes of a file and a folder made in place
    (tmp_path / "probe").write_text("")
    (tmp_path / "probe_dir").mkdir()
    file_mode = (tmp_path / "probe").stat().st_mode & 0o777
    dir_mode = (tmp_path / "probe_dir").stat().st_mode & 0o777
    assert (file_mode, dir_mode) == (umask_002, 0o775)
    out = tmp_path / "laporan"
    files = pg.write_report(out, tiny_ds, tiny_regions, layanan="jantung", status="ada")
    assert {"ringkasan.csv", "ringkasan.xlsx", "laporan.gpkg", "grafik_target.png"} <= set(files)
    modes = {name: oct(path.stat().st_mode & 0o777) for name, path in files.items()}
    assert modes == dict.fromkeys(files, oct(file_mode))
    assert out.stat().st_mode & 0o777 == dir_mode


def test_out_whose_parent_is_a_file_is_refused_before_computing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], english: None) -> None:
    (tmp_path / "catatan.txt").write_text("x")
    io_mod = sys.modules["pengampuan.io"]

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("the data was read before --out was checked")

    monkeypatch.setattr(io_mod, "load_dataset", must_not_run)
    out = tmp_path / "catatan.txt" / "laporan"
    assert main(["--lang", "en", "report", "--out", str(out)]) == 5
    err = capsys.readouterr().err
    assert f"{out}: cannot be created: {tmp_path / 'catatan.txt'} is a file" in err
    assert "Traceback" not in err
    with pytest.raises(NotADirectoryError, match="is a file, not a folder"):
        pg.write_report(out)  # the library refuses it before loading anything too


def test_recover_after_a_killed_run(tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    dead = 999_999_999  # no such process
    old = tmp_path / f".laporan.old-{dead}-abc123"
    _old_report(old)
    stale_tmp = tmp_path / f".laporan.tmp-{dead}-def456"
    stale_tmp.mkdir()
    (stale_tmp / "index.html").write_text("half")
    alive_tmp = tmp_path / f".laporan.tmp-{os.getpid()}-ghi789"  # a run in progress
    alive_tmp.mkdir()
    unrelated = tmp_path / ".laporan.bak"
    unrelated.mkdir()
    export.recover_report_folder(out)
    assert sorted(_state(out)) == FILES  # the report moved aside is back
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".laporan.bak", alive_tmp.name, "laporan"])


def _cli_report(out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pengampuan", "report", "--data", str(TINY), "--boundaries",
         str(TINY / "batas_kabkota.geojson"), "--layanan", "jantung", "--status", "ada",
         "--no-figures", "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("when", ["computing", "writing"])
def test_sigterm_leaves_the_previous_or_the_new_report_and_nothing_else(tmp_path: Path,
                                                                        when: str) -> None:
    out = tmp_path / "laporan"
    before = _old_report(out)
    proc = _cli_report(out)
    if when == "computing":
        time.sleep(0.3)
    else:  # wait for the temporary folder: the files are being written
        t_end = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < t_end and not any(
                p.name.startswith(".laporan.tmp-") for p in tmp_path.iterdir()):
            time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    # killed before the handler is set (while importing), or ended through it: exit 143
    assert proc.returncode in (0, 128 + signal.SIGTERM, -signal.SIGTERM), err.decode()
    assert b"Traceback" not in err
    state = _state(out)
    if state != before:  # the signal came during the swap: held until the new report was in
        assert sorted(state) == FILES and all(not t.startswith("old ") for t in state.values())
    assert _siblings(out) == []


def test_figures_of_an_earlier_report_do_not_stay_beside_a_new_one(
        tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame, tmp_path: Path) -> None:
    # an earlier report with a figure, in a folder that also holds the analyst's own file:
    # a new report without figures must not leave the old figure (two runs mixed)
    out = tmp_path / "laporan"
    _old_report(out, {"peta_akses_kanker.png": "old figure", "catatan rapat.docx": "own"})
    pg.write_report(out, tiny_ds, tiny_regions, layanan="jantung", figures=False)
    after = _state(out)
    assert sorted(after) == sorted([*FILES, "catatan rapat.docx"])
    assert after["catatan rapat.docx"] == "own"
    assert _siblings(out) == []
