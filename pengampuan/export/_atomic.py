"""Files written all or nothing: a temporary file next to the target, moved into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["write_atomic"]


def write_atomic(path: Path, write: Any, *, suffix: str = ".part", fresh: bool = False
                 ) -> None:
    """Call ``write(tmp)`` on a temporary file next to ``path``, then move it into place.

    ``suffix`` ends the temporary name (some GDAL drivers want their extension);
    ``fresh=True`` hands ``write`` a name that does not exist yet (GDAL drivers
    that refuse to overwrite a file). On any failure the temporary file is removed
    and ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fresh:
            tmp.unlink()
        write(tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
