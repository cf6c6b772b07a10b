"""Files written all or nothing: written in a temporary folder next to the target, then moved."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], write: Callable[[Path], object], *,
                 also: Iterable[str] = ()) -> Path:
    """
    Write ``path`` all or nothing: ``write(tmp)`` writes it elsewhere, then it is moved in.

    ``tmp`` has the name of ``path`` in a new, private folder next to it (same
    file system, so the move is a rename): a name that does not exist yet and
    ends in the right extension, as GDAL's drivers want. ``also`` names files
    that ``write`` puts next to ``tmp`` (the parts of a Shapefile); they are
    moved beside ``path`` first, ``path`` last. On any failure the temporary
    folder is removed and ``path`` is left as it was.

    The files end with the permissions of a file written in place: a new one
    0o666 less the umask (not the 0o600 of :func:`tempfile.mkstemp`, nor
    SQLite's 0o644 for a GeoPackage), a replaced one its former mode, as when
    a file is overwritten. Returns ``path``.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "catatan.txt"
    >>> write_atomic(out, lambda tmp: tmp.write_text("halo")).read_text()
    'halo'
    >>> [p.name for p in out.parent.iterdir()]
    ['catatan.txt']
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
    try:
        tmp = folder / path.name
        write(tmp)
        if not tmp.is_file():
            raise FileNotFoundError(f"{path}: nothing was written")
        names = [name for name in (*also, path.name) if (folder / name).is_file()]
        mode = _file_mode(folder)
        for name in names:
            target = path.parent / name
            (folder / name).chmod(stat.S_IMODE(target.stat().st_mode) if target.is_file()
                                  else mode)
        for name in names:
            (folder / name).replace(path.parent / name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return path


def _file_mode(folder: Path) -> int:
    """The mode a file created in place gets (0o666 less the umask), read from a new file.

    The umask is read without changing it (``os.umask`` would, for every thread).
    """
    probe = folder / ".mode"
    fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    try:
        return stat.S_IMODE(os.fstat(fd).st_mode)
    finally:
        os.close(fd)
        probe.unlink()
