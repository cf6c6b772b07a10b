"""File names in a data folder: near-miss names of the expected files, other data files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .._messages import msg

_TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab", ".dat")
_SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_DATA_SUFFIXES = _TEXT_SUFFIXES + _SHEET_SUFFIXES


@dataclass(frozen=True)
class NearMiss:
    """A file whose name is close to an expected one (``jejaring.csv.csv`` for ``jejaring.csv``)."""

    path: Path
    why: str
    spreadsheet: bool


def _name_parts(name: str) -> tuple[str, list[str]]:
    """Stem key (lower case, letters and digits only) and the data suffixes stripped."""
    stem, suffixes = name.lower(), []
    while True:
        for suffix in _DATA_SUFFIXES:
            if stem.endswith(suffix) and len(stem) > len(suffix):
                stem, suffixes = stem[:-len(suffix)], [suffix, *suffixes]
                break
        else:
            break
    return re.sub(r"[^0-9a-z]+", "", stem), suffixes


def near_misses(folder: Path, expected: str) -> list[NearMiss]:
    """Files in ``folder`` that are probably ``expected`` under another name.

    Recognised: another letter case (``Wilayah.csv``), a doubled or other text
    extension (``jejaring.csv.csv``, ``jejaring.txt``, ``layanan.csv.txt``), a
    spreadsheet (``rumah_sakit.xlsx``) and spaces or hyphens for ``_``
    (``rumah sakit.csv``).

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "jejaring.csv.csv").write_text("pengampu,diampu,layanan")
    >>> [(m.path.name, m.why[:30]) for m in near_misses(d, "jejaring.csv")]
    [('jejaring.csv.csv', "nama berakhiran '.csv.csv': Wi")]
    """
    want, _ = _name_parts(expected)
    out: list[NearMiss] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        name = path.name
        if name == expected or not path.is_file() or name.startswith(("~$", ".")):
            continue
        key, suffixes = _name_parts(name)
        if key != want or not suffixes:
            continue
        ext = "".join(suffixes)
        if suffixes[-1] in _SHEET_SUFFIXES:
            why = msg("why_spreadsheet", ext=suffixes[-1])
            out.append(NearMiss(path, why, True))
            continue
        if len(suffixes) > 1:
            why = msg("why_double_extension", ext=ext, expected=expected, last=suffixes[-1])
        elif name.lower() == expected.lower():
            why = msg("why_case")
        elif suffixes[-1] != ".csv":
            why = msg("why_text_extension", ext=suffixes[-1])
        else:
            why = msg("why_spelling")
        out.append(NearMiss(path, why, False))
    return out


def other_data_files(folder: Path, known: Sequence[str]) -> list[str]:
    """Names of CSV/text/spreadsheet files in ``folder`` that are none of ``known``."""
    try:
        names = sorted(p.name for p in folder.iterdir() if p.is_file())
    except OSError:
        return []
    return [n for n in names if n not in known and not n.startswith(("~$", "."))
            and _name_parts(n)[1] and _name_parts(n)[1][-1] != ".txt"]  # not readme.txt
