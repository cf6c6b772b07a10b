"""Reading the four tables of the data contract: rumah_sakit, layanan, jejaring, wilayah.

The readers accept what spreadsheets export: ``;`` or tab separators, decimal
commas, a UTF-8 byte-order mark, Windows-1252/Latin-1 text, upper-case or
spaced column names, leading/trailing spaces, Excel dates and extra columns
(kept). Each tolerance is recorded as a problem of severity ``note``, so the
user can see what was assumed.

Every problem carries the file, the row as a spreadsheet shows it (header =
row 1), the column, the value and what was expected. The single-file readers
(:func:`read_rumah_sakit`, ...) raise :class:`~pengampuan.errors.DataFileError`
listing every error of that file at once; :func:`load_dataset` reads the four
files, runs the checks across them (see :mod:`pengampuan.validate`) and raises
when any error is found anywhere.
"""

from __future__ import annotations

import codecs
import csv
import io as _io
import logging
import re
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd

from .._messages import INVISIBLE, NON_BREAKING, msg, visible
from .._textnorm import normalise_region_code
from ..config import BUKTI, DEFAULT_CONFIG, FASILITAS, INDONESIA_BOUNDS, LOKASI_PRESISI, Config
from ..dataset import Dataset, empty_fasilitas
from ..errors import DataFileError, DataFileMissingError, PengampuanWarning
from .contract import (
    CODE_SCHEMES,
    FILES,
    OPTIONAL,
    OPTIONAL_FILES,
    PROBLEM_COLUMNS,
    REQUIRED,
    ROW,
    SEVERITIES,
    CodeScheme,
)
from .problems import _Problems, _quoted, _rows_text

logger = logging.getLogger(__name__)

__all__ = [
    "CODE_SCHEMES", "FILES", "HEADER_SEARCH_ROWS", "JENIS_LINK", "KELAS", "MAX_CYCLES_PER_LAYANAN",
    "MAX_RECORD_CHARS", "MAX_RECORD_LINES", "OPTIONAL", "OPTIONAL_FILES", "PROBLEM_COLUMNS",
    "REQUIRED", "ROW", "SEVERITIES", "STATUS_VALUES", "TINGKAT_VALUES", "CodeScheme", "NearMiss",
    "bps_crosswalk", "load_dataset", "near_misses", "other_data_files", "read_fasilitas",
    "read_jejaring", "read_layanan", "read_rumah_sakit", "read_wilayah",
]


KELAS: tuple[str, ...] = ("A", "B", "C", "D")
JENIS_LINK: tuple[str, ...] = ("sumber", "usulan")
STATUS_VALUES: tuple[str, ...] = ("ada", "target")
TINGKAT_VALUES: tuple[str, ...] = ("provinsi", "kabkota")
_TINGKAT_ALIASES = {
    "prov": "provinsi", "propinsi": "provinsi", "province": "provinsi",
    "kabupaten": "kabkota", "kota": "kabkota", "kab": "kabkota", "kab/kota": "kabkota",
    "kabupaten/kota": "kabkota", "kab kota": "kabkota", "kab_kota": "kabkota",
    "district": "kabkota", "regency": "kabkota", "city": "kabkota",
}
_COLUMN_ALIASES = {"latitude": "lat", "lintang": "lat", "longitude": "lon", "lng": "lon",
                   "long": "lon", "bujur": "lon"}
_TRUE = {"1", "true", "ya", "y", "yes", "benar", "t"}
_FALSE = {"0", "false", "tidak", "n", "no", "salah", "f", ""}
#: Excel's day zero for serial dates (1900 date system, with its 1900 leap-year bug).
_EXCEL_EPOCH = date(1899, 12, 30)
#: Serial numbers accepted as Excel dates: 1954-10-03 .. 2119-01-08.
_EXCEL_SERIAL_RANGE = (20000, 80000)
_YEAR_RANGE = (1900, 2100)


# ---------------------------------------------------------------------------
# raw CSV reading: encoding, separator, header, spaces
# ---------------------------------------------------------------------------
@dataclass
class _RawTable:
    """A CSV file read as text: normalised column names, stripped cells, row numbers."""

    file: str
    path: Path
    data: pd.DataFrame  # every column str ('' = empty) + ROW (spreadsheet row, int)
    columns: list[str]  # normalised header as found (extra columns included)
    header_row: int
    #: rows that could not be read (too many fields): row -> the cells as found
    unreadable: dict[int, list[str]] = field(default_factory=dict)


#: Most physical lines one CSV record may span before its opening quote is taken as unclosed
#: (a line break inside a quoted value is rare; a stray quote swallows every following line).
MAX_RECORD_LINES = 50
#: Most characters of one record (below the csv module's field limit of 131,072).
MAX_RECORD_CHARS = 100_000
#: Rows at the top of a file searched for the header when the first row is not it.
HEADER_SEARCH_ROWS = 30

#: First bytes of files that are not CSV text -> what they are.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"),
    (b"%PDF", "PDF"), (b"\x1f\x8b", "gzip"), (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"SQLite format 3\x00", "SQLite database"),
    (b"GIF8", "GIF image"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _sniff_wrong_file(data: bytes, expected: str) -> str | None:
    """What a file that is not CSV text is (a message), or None for text."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            if kind == "ole":
                return msg("file_excel_xls", expected=expected)
            if kind == "zip":
                head = data[:65536]
                if b"xl/" in head or b"[Content_Types].xml" in head and b"xl" in head:
                    return msg("file_excel_xlsx", expected=expected)
                if b"opendocument.spreadsheet" in head:
                    return msg("file_ods", expected=expected)
                return msg("file_binary_kind", kind=msg("file_zip_archive"), expected=expected)
            return msg("file_binary_kind", kind=kind, expected=expected)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like UTF-16 text without a BOM."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


#: Control characters that do not occur in text (all but tab, line feed, carriage return).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _decode(data: bytes, *, expected: str = "a CSV file") -> tuple[str, list[str]]:
    """Text of a CSV file and notes on what was detected (BOM, encoding).

    Raises
    ------
    _NotText
        The bytes are not text (a workbook, an archive, an image, ...); the
        message says what they are.
    """
    notes: list[str] = []
    wrong = _sniff_wrong_file(data, expected)
    if wrong is not None:
        raise _NotText(wrong)
    if data.startswith(_UTF32_BOMS):
        notes.append(msg("file_utf32"))
        return data.decode("utf-32"), notes
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        notes.append(msg("file_utf16"))
        return data.decode("utf-16", errors="replace"), notes
    order = _utf16_without_bom(data)
    if order is not None:
        notes.append(msg("file_utf16_no_bom", order=order.upper().replace("UTF-16-", "UTF-16 ")))
        return data.decode(order, errors="replace"), notes
    if data.startswith(codecs.BOM_UTF8):
        notes.append(msg("file_utf8_bom"))
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        try:
            text, enc = data.decode("cp1252"), "Windows-1252 (cp1252)"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "Latin-1 (ISO-8859-1)"
        notes.append(msg("file_not_utf8", byte=f"{data[err.start]:02x}", pos=err.start, enc=enc))
    sample = text[:65536]
    n_control = len(_CONTROL.findall(sample))
    if n_control and (n_control > 0.01 * len(sample) or "\x00" in sample):
        first = _CONTROL.search(sample)
        detail = (msg("file_control_chars", n=n_control, m=len(sample),
                      code=f"U+{ord(first.group()):04X}") if first
                  else msg("file_control_chars_any"))
        raise _NotText(msg("file_binary", detail=detail, expected=expected))
    return text, notes


class _NotText(Exception):
    """A file that is not CSV text; the message says what it is."""


_QUOTED = re.compile(r'"[^"]*"')


def _sniff_separator(header_line: str) -> str:
    """The separator of a CSV file from its header line: ',', ';' or a tab."""
    line = _QUOTED.sub("", header_line)
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda s: (counts[s], s == ","))
    return best if counts[best] else ","


_SEP_NAME = {",": "sep_comma", ";": "sep_semicolon", "\t": "sep_tab"}


def _normalise_column(name: str) -> str:
    key = "_".join(name.replace("\ufeff", "").strip().lower().replace("-", " ").split())
    return _COLUMN_ALIASES.get(key, key)


class _Runaway(Exception):
    """A record grew past :data:`MAX_RECORD_LINES` lines or :data:`MAX_RECORD_CHARS`."""


class _Lines:
    """Physical lines of a text for ``csv.reader``, remembering the lines of the current record.

    Lines can be pushed back to be read again (after a stray quote swallowed them).
    """

    def __init__(self, text: str) -> None:
        self._it = iter(_io.StringIO(text, newline=""))
        self._pending: deque[tuple[int, str]] = deque()
        self._next_no = 1
        self.record: list[tuple[int, str]] = []
        self._chars = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._pending:
            lineno, line = self._pending.popleft()
        else:
            line = next(self._it)
            lineno = self._next_no
            self._next_no += 1
        if len(self.record) >= MAX_RECORD_LINES or self._chars + len(line) > MAX_RECORD_CHARS:
            self._pending.appendleft((lineno, line))
            raise _Runaway
        self.record.append((lineno, line))
        self._chars += len(line)
        return line

    def start_record(self) -> None:
        self.record = []
        self._chars = 0

    def push_back(self, lines: Sequence[tuple[int, str]]) -> None:
        self._pending.extendleft(reversed(lines))


def _looks_like_rows(value: str, sep: str, n_columns: int) -> bool:
    """Whether the lines after the first in a multi-line value look like CSV rows."""
    need = max(2, (n_columns - 1) // 2)
    return any(part.count(sep) >= need for part in value.splitlines()[1:])


@dataclass
class _Record:
    """One CSV record: the row number (spreadsheet numbering), its cells, its lines."""

    row: int
    cells: list[str]
    first_line: int
    last_line: int
    #: the opening quote of this record was not closed (the cells are a best guess)
    broken: bool = False
    swallowed: int = 0  # lines taken by the unclosed quote (0 = none)
    to_eof: bool = False
    reason: str = ""


def _records(text: str, sep: str, n_columns: Callable[[], int]) -> Iterator[_Record]:
    """Every record of ``text``, with stray quotes found and the lines they swallowed re-read.

    A quote that opens a value and is not closed on its line makes a CSV
    reader take the following lines into that value. Such a record (one whose
    lines after the first look like rows, whose field count is wrong, or that
    runs past :data:`MAX_RECORD_LINES`) is returned as ``broken`` with the
    cells of its first line alone, and the lines after it are read again as
    records of their own, so no row is lost.
    """
    feed = _Lines(text)
    reader = csv.reader(feed, delimiter=sep)
    row = 0
    while True:
        feed.start_record()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except _Runaway:
            span = feed.record
            row += 1
            yield _broken_record(row, span, sep, to_eof=False)
            feed.start_record()
            feed.push_back(span[1:])
            reader = csv.reader(feed, delimiter=sep)
            continue
        except csv.Error as err:
            span = feed.record
            row += 1
            yield _Record(row, [], span[0][0] if span else 0, span[-1][0] if span else 0,
                          broken=True, reason=str(err))
            feed.start_record()
            feed.push_back(span[1:])
            reader = csv.reader(feed, delimiter=sep)
            continue
        span = feed.record
        row += 1
        if len(span) <= 1:
            line = span[0][1]
            if '"' in line and (any("\n" in c or "\r" in c for c in cells) or (
                    not line.endswith(("\n", "\r")) and _ends_inside_quote(line, sep))):
                yield _broken_record(row, span, sep, to_eof=True)  # the last line
            else:
                yield _Record(row, cells, span[0][0], span[0][0])
            continue
        n = n_columns()
        multi = [c for c in cells if "\n" in c or "\r" in c]
        to_eof = _ends_inside_quote("".join(line for _, line in span), sep)
        if to_eof or (n and len(cells) != n) or any(_looks_like_rows(c, sep, n or len(cells))
                                                    for c in multi):
            yield _broken_record(row, span, sep, to_eof=to_eof)
            feed.start_record()
            feed.push_back(span[1:])
            reader = csv.reader(feed, delimiter=sep)
            continue
        yield _Record(row, [_LINE_BREAKS.sub(" ", c) if c in multi else c for c in cells],
                      span[0][0], span[-1][0])


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def _ends_inside_quote(raw: str, sep: str) -> bool:
    """Whether the text of a record ends inside a quoted value (the quote never closes)."""
    try:
        for _ in csv.reader(_io.StringIO(raw, newline=""), delimiter=sep, strict=True):
            pass
    except csv.Error as err:
        return "unexpected end of data" in str(err)
    return False


def _broken_record(row: int, span: list[tuple[int, str]], sep: str, *, to_eof: bool) -> _Record:
    lineno, line = span[0]
    cells = next(csv.reader([line.rstrip("\r\n")], delimiter=sep), [])
    return _Record(row, cells, lineno, span[-1][0], broken=True, swallowed=len(span) - 1,
                   to_eof=to_eof)


def _blank(cell: str) -> bool:
    """A cell with nothing but spaces and quote characters."""
    return not cell.strip().strip('"').strip()


def _header_row_index(records: list[_Record], required: Sequence[str]) -> tuple[int, int]:
    """Index of the first record with a value, and of the likely header (may be later)."""
    first = next((i for i, r in enumerate(records) if any(not _blank(c) for c in r.cells)), -1)
    if first < 0:
        return -1, -1
    want = set(required)

    def hits(rec: _Record) -> int:
        return len(want & {_normalise_column(c) for c in rec.cells})

    best = hits(records[first])
    if best >= min(len(want), 2):
        return first, first
    for i in range(first + 1, len(records)):
        h = hits(records[i])
        if h > best and h >= min(len(want), 2):
            return first, i
    return first, first


def _read_raw(path: Path, problems: _Problems, *, table: str, empty_ok: bool = False,
             file: str | None = None) -> _RawTable | None:
    """Read one CSV file as text; None when it cannot be read (problems recorded).

    ``empty_ok``: a file with a header but no data rows is a note instead of an error.
    ``file``: the name problems are reported under (default: the file's own name).
    """
    file = file or path.name
    required = REQUIRED[table]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        others = other_data_files(path.parent, list(FILES.values()))
        problems.add(file, msg("file_not_found_csv", path=path, required=list(required))
                     + (msg("name_other_files", found=others) if others else ""))
        return None
    except IsADirectoryError:
        problems.add(file, msg("file_is_folder", path=path))
        return None
    except OSError as err:
        problems.add(file, msg("file_unreadable", reason=err.strerror or str(err)))
        return None
    try:
        text, notes = _decode(data, expected=FILES.get(table, file))
    except _NotText as err:
        problems.add(file, str(err))
        return None
    del data
    for note in notes:
        problems.add(file, note, severity="note")
    if not text.strip():
        problems.add(file, msg("file_empty", required=list(required)))
        return None
    header_line = next(line for line in text.splitlines() if line.strip())
    sep = _sniff_separator(header_line)
    columns: list[str] = []
    stream = _records(text, sep, lambda: len(columns))
    # the top of the file, to find the header (a title may stand above it)
    top: list[_Record] = []
    first_value = -1
    for rec in stream:
        top.append(rec)
        if first_value < 0 and any(not _blank(c) for c in rec.cells):
            first_value = len(top) - 1
        if first_value >= 0 and len(top) >= first_value + HEADER_SEARCH_ROWS:
            break
    first_idx, header_idx = _header_row_index(top, required)
    if first_value < 0:
        key = "file_only_quotes" if '"' in text else "file_only_separators"
        problems.add(file, msg(key, sep=sep, required=list(required)))
        return None
    del text
    if header_idx != first_idx:
        above = [" ".join(c.strip() for c in r.cells if c.strip()) for r in top[:header_idx]
                 if any(c.strip() for c in r.cells)]
        problems.add(file, msg("header_below_title", header_row=top[header_idx].row,
                               found=[c for c in top[header_idx].cells if c.strip()][:6],
                               n_above=top[header_idx].row - 1,
                               above="; ".join(repr(a[:60]) for a in above[:3])),
                     row=top[first_idx].row)
    header = top[header_idx]
    header_row = header.row
    if header.broken:
        _report_broken(header, problems, file, [c for c in header.cells])
    if sep != ",":
        problems.add(file, msg("separator_detected", sep=msg(_SEP_NAME[sep])), severity="note")
    found = header.cells
    columns.extend(_normalise_column(c) for c in found)
    body = [*top[header_idx + 1:], *stream]
    # Excel often writes trailing separators: drop unnamed columns that hold nothing.
    if columns and columns[-1] == "":
        body = list(body)
        while columns and columns[-1] == "" and all(
                len(r.cells) < len(columns) or not r.cells[len(columns) - 1].strip()
                for r in body):
            columns.pop()
    for i, (orig, col) in enumerate(zip(found, columns, strict=False)):
        if col == "":
            problems.add(file, msg("column_unnamed", i=i + 1), row=header_row,
                         severity="warning")
            columns[i] = f"kolom_{i + 1}"
        elif col != orig and _normalise_column(orig) == col and col in _COLUMN_ALIASES.values() \
                and orig.strip().lower() in _COLUMN_ALIASES:
            problems.add(file, msg("column_alias_read", orig=orig, col=col), row=header_row,
                         column=orig, severity="note")
        elif col != orig.replace("\ufeff", ""):
            problems.add(file, msg("column_name_read", orig=orig, col=col), row=header_row,
                         column=orig, severity="note")
    seen: dict[str, int] = {}
    for i, col in enumerate(columns):
        if col in seen:
            problems.add(file, msg("column_twice", col=col, a=seen[col] + 1, b=i + 1),
                         row=header_row, column=col)
            columns[i] = f"{col}__{i + 1}"
        else:
            seen[col] = i
    n = len(columns)
    cells_by_col: list[list[str]] = [[] for _ in range(n)]
    rows: list[int] = []
    n_blank = 0
    unreadable: dict[int, list[str]] = {}
    n_spaces = [0] * n
    first_spaces = [0] * n
    for rec in body:
        i = rec.row
        cells = rec.cells
        if rec.broken:
            _report_broken(rec, problems, file, columns)
            unreadable[i] = cells
            continue
        if rec.first_line != rec.last_line:
            problems.add(file, msg("quote_multiline_value", first=rec.first_line,
                                   last=rec.last_line), row=i, severity="warning")
        stripped = [c.strip() for c in cells]
        if not any(stripped):
            n_blank += 1
            continue
        if len(cells) > n:
            if any(stripped[n:]):
                hint = msg("fields_hint_comma" if sep == "," else "fields_hint_sep")
                problems.add(file, msg("too_many_fields", n=len(cells), m=n, hint=hint),
                             row=i, value=sep.join(cells))
                unreadable[i] = cells
                continue
            cells, stripped = cells[:n], stripped[:n]
        elif len(cells) < n:
            pad = [""] * (n - len(cells))
            cells, stripped = [*cells, *pad], [*stripped, *pad]
        for j in range(n):
            if len(stripped[j]) != len(cells[j]):
                if not n_spaces[j]:
                    first_spaces[j] = i
                n_spaces[j] += 1
            cells_by_col[j].append(stripped[j])
        rows.append(i)
    del body
    if n_blank:
        problems.add(file, msg("empty_rows_ignored", n=n_blank), severity="note")
    for j, col in enumerate(columns):
        if n_spaces[j]:
            problems.add(file, msg("spaces_removed", n=n_spaces[j], row=first_spaces[j]),
                         column=col, severity="note")
    df = pd.DataFrame({c: pd.Series(cells_by_col[j], dtype="str")
                       for j, c in enumerate(columns)})
    del cells_by_col
    df[ROW] = np.asarray(rows, dtype=np.int64)
    _clean_characters(df, columns, problems, file)
    if not rows and not unreadable:
        problems.add(file, msg("no_data_rows"), row=header_row,
                     severity="note" if empty_ok else "error")
    return _RawTable(file=file, path=path, data=df, columns=columns, header_row=header_row,
                    unreadable=unreadable)


def _report_broken(rec: _Record, problems: _Problems, file: str, columns: Sequence[str]) -> None:
    """Error for a record with an unclosed quote (or one the csv module cannot read)."""
    if not rec.swallowed and rec.reason:
        problems.add(file, msg("record_unreadable", reason=rec.reason), row=rec.row)
        return
    j = max(len(rec.cells) - 1, 0)
    column = columns[j] if j < len(columns) else f"kolom_{j + 1}"
    if rec.to_eof:
        what = msg("quote_swallowed_rest", n=rec.swallowed)
    else:
        what = msg("quote_swallowed_lines", n=rec.swallowed, first=rec.first_line + 1,
                   last=rec.last_line)
    if not rec.swallowed:
        what = msg("quote_swallowed_rest", n=0)
    problems.add(file, msg("quote_unclosed", column=column, line=rec.first_line, what=what),
                 row=rec.row, column=column,
                 value=rec.cells[j][:80] if rec.cells else None)


_INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")
_NBSP_RE = re.compile("[" + "".join(NON_BREAKING) + "]")


def _clean_characters(df: pd.DataFrame, columns: Sequence[str], problems: _Problems,
                      file: str) -> None:
    """Remove invisible characters (warning) and read non-breaking spaces as spaces (note)."""
    rows = df[ROW].to_numpy()
    for col in columns:
        s = df[col]
        joined = s.str.cat(sep="\n")  # one regex search per column in the common clean case
        for pattern, key, severity in ((_INVISIBLE_RE, "invisible_chars", "warning"),
                                       (_NBSP_RE, "nbsp_chars", "note")):
            if pattern.search(joined) is None:
                continue
            hit = s.str.contains(pattern, regex=True).to_numpy(dtype=bool)
            if not hit.any():
                continue
            k = int(np.flatnonzero(hit)[0])
            found = sorted(set(pattern.findall("".join(s[hit].head(1000)))))
            names = INVISIBLE if key == "invisible_chars" else NON_BREAKING
            chars = ", ".join(f"U+{ord(c):04X} ({names[c]})" for c in found)
            problems.add(file, msg(key, n=int(hit.sum()), chars=chars, row=int(rows[k]),
                                   shown=visible(s.iloc[k])), column=col, severity=severity)
            replacement = "" if key == "invisible_chars" else " "
            s = s.where(~hit, s.str.replace(pattern, replacement, regex=True).str.strip())
            df[col] = s


# ---------------------------------------------------------------------------
# file discovery: near-miss names in a data folder
# ---------------------------------------------------------------------------
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


def _check_columns(raw: _RawTable, problems: _Problems, table: str) -> list[str]:
    """Record missing required columns; return their names (they are added empty)."""
    missing = [c for c in REQUIRED[table] if c not in raw.columns]
    if missing:
        hint = ""
        if len(raw.columns) == 1 and "|" in raw.columns[0]:
            hint = msg("separator_pipe")
        found = [c for c in raw.columns]
        cols = ", ".join(repr(c) for c in missing)
        key = "missing_columns" if len(missing) > 1 else "missing_column"
        problems.add(raw.file, msg(key, cols=cols, found=found, hint=hint), row=raw.header_row)
        for c in missing:
            raw.data[c] = pd.Series([""] * len(raw.data), dtype="str", index=raw.data.index)
    extra = [c for c in raw.columns if c not in REQUIRED[table] and c not in OPTIONAL[table]
             and "__" not in c]
    if extra and not missing:
        problems.add(raw.file, msg("extra_columns", extra=extra), row=raw.header_row,
                     severity="note")
    return missing


def _check_required_values(raw: _RawTable, problems: _Problems, columns: Sequence[str],
                           expected: dict[str, str]) -> None:
    df = raw.data
    for col in columns:
        empty = (df[col] == "").to_numpy()
        for row in df[ROW].to_numpy()[empty]:
            problems.add(raw.file, msg("is_empty", expected=expected.get(col) or msg("exp_value")),
                         row=int(row), column=col)


def _optional(df: pd.DataFrame, col: str, default: str = "") -> pd.Series:
    if col not in df:
        df[col] = pd.Series([default] * len(df), dtype="str", index=df.index)
    return df[col]


# ---------------------------------------------------------------------------
# value parsers
# ---------------------------------------------------------------------------
_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:([., '])\d{3})(?:\1\d{3})*$")


def _parse_float(raw: _RawTable, problems: _Problems, col: str, *, expected: str) -> pd.Series:
    """Float column from text: decimal commas accepted (note), the rest must be numbers."""
    s = raw.data[col].str.replace("\u2212", "-", regex=False)
    comma = s.str.match(_DECIMAL_COMMA).fillna(False).to_numpy(dtype=bool)
    if comma.any():
        first = int(raw.data[ROW].to_numpy()[comma][0])
        problems.add(raw.file, msg("decimal_comma_read", n=int(comma.sum()),
                                   example=s.to_numpy()[comma][0], row=first), column=col,
                     severity="note")
        s = s.where(~comma, s.str.replace(",", ".", regex=False))
    num = pd.to_numeric(s.where(s != "", None), errors="coerce").astype("float64")
    bad = (num.isna() & (s != "")).to_numpy() | ~np.isfinite(num.fillna(0).to_numpy())
    rows, values = raw.data[ROW].to_numpy()[bad], raw.data[col].to_numpy()[bad]
    for row, value in zip(rows, values, strict=True):
        problems.add(raw.file, msg("not_a_number", expected=expected), row=int(row), column=col,
                     value=value)
    return num.where(~bad)


def _parse_int(raw: _RawTable, problems: _Problems, col: str, *, expected: str,
              minimum: int | None = None, maximum: int | None = None,
              thousands: bool = False) -> pd.Series:
    """Int64 column from text ('2025', '2025.0'; '1.234.567' when ``thousands``)."""
    s = raw.data[col].str.replace("\u2212", "-", regex=False)
    rows = raw.data[ROW].to_numpy()
    if thousands:
        sep = s.str.match(_THOUSANDS).fillna(False).to_numpy(dtype=bool)
        if sep.any():
            problems.add(raw.file, msg("thousands_removed", n=int(sep.sum()),
                                       example=s.to_numpy()[sep][0], row=int(rows[sep][0])),
                         column=col, severity="note")
            s = s.where(~sep, s.str.replace(r"[., ']", "", regex=True))
        comma = s.str.match(r"^[+-]?\d+,0+$").fillna(False).to_numpy(dtype=bool)
        s = s.where(~comma, s.str.replace(r",0+$", "", regex=True))
    num = pd.to_numeric(s.where(s != "", None), errors="coerce").astype("float64")
    arr = num.to_numpy()
    filled = np.nan_to_num(arr, nan=0.0, posinf=0.5, neginf=0.5)
    bad = (np.isnan(arr) & (s != "").to_numpy()) | (filled != np.round(filled))
    lo = minimum if minimum is not None else -np.inf
    hi = maximum if maximum is not None else np.inf
    out_of_range = ~bad & ~np.isnan(arr) & ((filled < lo) | (filled > hi))
    for row, value in zip(rows[bad], raw.data[col].to_numpy()[bad], strict=True):
        m = _THOUSANDS.match(str(value))
        text = (msg("thousands_in_whole_number", plain=re.sub(r"[., ']", "", str(value)),
                    sep=m.group(1)) if m and not thousands else msg("not_whole_number"))
        problems.add(raw.file, msg("text_expected", text=text, expected=expected), row=int(row),
                     column=col, value=value)
    for row, value in zip(rows[out_of_range], raw.data[col].to_numpy()[out_of_range], strict=True):
        problems.add(raw.file, msg("out_of_range", expected=expected), row=int(row), column=col,
                     value=value)
    keep = ~(bad | out_of_range) & ~np.isnan(arr)
    return pd.Series(pd.array(np.where(keep, filled, 0).astype(np.int64), dtype="Int64"),
                     index=raw.data.index).where(keep, pd.NA)


def _canonical(raw: _RawTable, problems: _Problems, col: str, fn: Callable[[str], str | None], *,
              expected: str, severity: str = "error") -> pd.Series:
    """Map every distinct non-empty value through ``fn`` (None = unknown value).

    Changed spellings are accepted with one note per distinct spelling;
    unknown values are problems of ``severity``, one per cell, and become ''.
    """
    s = raw.data[col]
    rows = raw.data[ROW].to_numpy()
    mapping: dict[str, str] = {}
    for value in pd.unique(s.to_numpy()):
        if value == "":
            continue
        canon = fn(str(value))
        hit = (s == value).to_numpy()
        if canon is None:
            for row in rows[hit]:
                problems.add(raw.file, msg("not_known", expected=expected), row=int(row),
                             column=col, value=value, severity=severity)
            mapping[value] = ""
        else:
            mapping[value] = canon
            if canon != value:
                problems.add(raw.file, msg("read_as", canon=canon, n=int(hit.sum()),
                                           row=int(rows[hit][0])),
                             column=col, value=value, severity="note")
    return s.map(lambda v: mapping.get(v, v)).astype("str")


def _parse_bool(raw: _RawTable, problems: _Problems, col: str) -> pd.Series:
    """Boolean column from ya/tidak, true/false, 1/0 (empty = False)."""
    s = raw.data[col].str.lower()
    ok = s.isin(_TRUE | _FALSE).to_numpy()
    rows, values = raw.data[ROW].to_numpy()[~ok], raw.data[col].to_numpy()[~ok]
    for row, value in zip(rows, values, strict=True):
        problems.add(raw.file, msg("not_yes_no"), row=int(row), column=col, value=value)
    return s.isin(_TRUE).astype(bool)


def _contoh(raw: _RawTable, problems: _Problems) -> pd.Series:
    if "contoh" in raw.data:
        return _parse_bool(raw, problems, "contoh")
    sumber = raw.data["sumber"] if "sumber" in raw.data else pd.Series("", index=raw.data.index)
    return sumber.str.lower().str.startswith("contoh").fillna(False).astype(bool)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")


def _parse_dates(raw: _RawTable, problems: _Problems, col: str) -> pd.Series:
    """Dates from ISO ``yyyy-mm-dd``, day-first ``dd/mm/yyyy`` / ``d-m-yyyy`` and Excel serials.

    Day-first dates follow the Indonesian convention and are accepted with a
    note. A column whose other cells can only be month-first (``12/25/2023``)
    makes every ``a/b/yyyy`` cell with both parts <= 12 ambiguous: an error.
    Two-digit years are ambiguous too. Empty cells give NaT.
    """
    s = raw.data[col]
    rows = raw.data[ROW].to_numpy()
    out: list[object] = [pd.NaT] * len(s)
    dmy: list[tuple[int, int, int, int, int, str]] = []  # i, a, b, year, row, value
    serial_rows: list[int] = []
    iso_month_rows: list[int] = []
    expected = msg("exp_date")

    def _make(i: int, y: int, m: int, d: int, value: str) -> None:
        try:
            out[i] = pd.Timestamp(year=y, month=m, day=d)
        except ValueError:
            problems.add(raw.file, msg("invalid_date", expected=expected), row=int(rows[i]),
                         column=col, value=value)

    for i, value in enumerate(s.to_numpy()):
        value = str(value)
        if value == "":
            continue
        if m := _ISO_DATE.match(value):
            _make(i, int(m.group(1)), int(m.group(2)), int(m.group(3)), value)
        elif m := _ISO_MONTH.match(value):
            _make(i, int(m.group(1)), int(m.group(2)), 1, value)
            iso_month_rows.append(int(rows[i]))
        elif _SERIAL.match(value) and (
                _EXCEL_SERIAL_RANGE[0] <= float(value) <= _EXCEL_SERIAL_RANGE[1]):
            d = _EXCEL_EPOCH + timedelta(days=int(float(value)))
            out[i] = pd.Timestamp(d)
            serial_rows.append(int(rows[i]))
        elif m := _DMY.match(value):
            a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
            if len(y) == 2:
                problems.add(raw.file, msg("two_digit_year", expected=expected),
                             row=int(rows[i]), column=col, value=value)
                continue
            dmy.append((i, a, b, int(y), int(rows[i]), value))
        else:
            problems.add(raw.file, msg("not_a_date", expected=expected), row=int(rows[i]),
                         column=col, value=value)
    if serial_rows:
        problems.add(raw.file, msg("excel_serial_dates", n=len(serial_rows), row=serial_rows[0]),
                     column=col, severity="note")
    if iso_month_rows:
        problems.add(raw.file, msg("month_dates", n=len(iso_month_rows), row=iso_month_rows[0]),
                     column=col, severity="note")
    day_first = [t for t in dmy if t[1] > 12 and t[2] <= 12]
    month_first = [t for t in dmy if t[2] > 12 and t[1] <= 12]
    accepted = 0
    for i, a, b, y, row, value in dmy:
        if b > 12 and a <= 12:
            problems.add(raw.file, msg("month_first", iso=f"{y:04d}-{a:02d}-{b:02d}"), row=row,
                         column=col, value=value)
        elif a <= 12 and b <= 12 and month_first and not day_first:
            other = month_first[0]
            problems.add(raw.file, msg("ambiguous_date", iso=f"{y:04d}-{b:02d}-{a:02d}",
                                       row=other[4], other=other[5]),
                         row=row, column=col, value=value)
        else:
            before = problems.n_errors
            _make(i, y, b, a, value)
            accepted += problems.n_errors == before
    if accepted:
        first = next(t for t in dmy if out[t[0]] is not pd.NaT)
        problems.add(raw.file, msg("day_first_dates", n=accepted, example=first[5], row=first[4],
                                   iso=f"{out[first[0]]:%Y-%m-%d}"), column=col, severity="note")
    return pd.Series(pd.to_datetime(pd.Series(out, dtype=object), errors="coerce"),
                     index=s.index).astype("datetime64[ns]")


# ---------------------------------------------------------------------------
# region codes
# ---------------------------------------------------------------------------
def _bundled_dir() -> Path:
    from ..datasets import bundled_data_dir

    try:
        return bundled_data_dir()
    except FileNotFoundError:
        return Path(__file__).resolve().parents[2] / "data"


@lru_cache(maxsize=1)
def bps_crosswalk() -> pd.DataFrame:
    """The bundled BPS -> Kemendagri kab/kota crosswalk (``kode_bps``, ``kode``, ...).

    BPS codes (as embedded in Kemenkes hospital codes) differ from Kemendagri
    codes in 29 of 38 provinces. Empty (with the same columns) when the file
    is not available.

    Examples
    --------
    >>> cw = bps_crosswalk()
    >>> cw.loc[cw["kode_bps"] == "3173", "kode"].tolist()  # Jakarta Pusat
    ['31.71']
    """
    path = _bundled_dir() / "kode_bps_kemendagri.csv"
    if not path.is_file():
        logger.info("BPS crosswalk %s not found; BPS codes cannot be converted", path)
        return pd.DataFrame({"kode_bps": pd.Series([], dtype="str"),
                             "kode": pd.Series([], dtype="str")})
    df = pd.read_csv(path, dtype="str", keep_default_na=False)
    df["kode_bps"] = df["kode_bps"].str.replace(".", "", regex=False).str.strip()
    return df


def _parse_kode_wilayah(raw: _RawTable, problems: _Problems, col: str, *,
                       code_scheme: str) -> pd.Series:
    """Kemendagri ``PP.KK`` codes from a kab/kota code column.

    ``code_scheme="kemendagri"``: ``17.02``, ``1702``, ``17 02`` and ``17-02``
    all give ``17.02``. ``code_scheme="bps"``: every code (with or without a
    dot) is a BPS code and is converted with :func:`bps_crosswalk`. Codes
    that cannot be read become '' (with an error).
    """
    if code_scheme not in CODE_SCHEMES:
        raise ValueError(f"code_scheme={code_scheme!r} is not known; expected one of "
                         f"{list(CODE_SCHEMES)}")
    s = raw.data[col]
    rows = raw.data[ROW].to_numpy()
    norm = s.map(normalise_region_code)
    out = norm.fillna("").astype("str")
    bad = ((out == "") & (s != "")).to_numpy()
    for row, value in zip(rows[bad], s.to_numpy()[bad], strict=True):
        problems.add(raw.file, msg("not_kabkota_code"), row=int(row), column=col, value=value)
    prov = (out.str.len() == 2).to_numpy()
    for row, value in zip(rows[prov], s.to_numpy()[prov], strict=True):
        problems.add(raw.file, msg("province_code_given"), row=int(row), column=col, value=value)
    out = out.where(~prov, "")
    if code_scheme == "bps":
        cw = bps_crosswalk()
        lookup = dict(zip(cw["kode_bps"], cw["kode"], strict=True))
        digits = out.str.replace(".", "", regex=False)
        conv = digits.map(lookup)
        unknown = (conv.isna() & (out != "")).to_numpy()
        for row, value in zip(rows[unknown], s.to_numpy()[unknown], strict=True):
            problems.add(raw.file, msg("not_bps_code"), row=int(row), column=col, value=value)
        changed = (conv.notna() & (conv != out)).to_numpy()
        if changed.any():
            i = int(np.flatnonzero(changed)[0])
            problems.add(raw.file, msg("bps_converted", n=int(changed.sum()), old=s.iloc[i],
                                       new=conv.iloc[i], row=int(rows[i])),
                         column=col, severity="note")
        out = conv.fillna("").astype("str")
    else:
        undotted = ((out != "") & (s != out)).to_numpy()
        if undotted.any():
            i = int(np.flatnonzero(undotted)[0])
            problems.add(raw.file, msg("undotted_codes", n=int(undotted.sum()), old=s.iloc[i],
                                       new=out.iloc[i], row=int(rows[i]),
                                       hint=msg("hint_code_scheme_bps")),
                         column=col, severity="note")
    return out


# ---------------------------------------------------------------------------
# the four tables
# ---------------------------------------------------------------------------
def _text(raw: _RawTable, col: str) -> pd.Series:
    return _optional(raw.data, col).astype("str")


def _parse_rumah_sakit(raw: _RawTable, problems: _Problems, *, config: Config,
                      code_scheme: str = "kemendagri") -> gpd.GeoDataFrame:
    """Typed hospitals table from a raw table (problems recorded, row numbers in ROW)."""
    _check_columns(raw, problems, "rumah_sakit")
    df = raw.data
    present = [c for c in REQUIRED["rumah_sakit"] if c in raw.columns]
    _check_required_values(raw, problems, present, {
        "kode_rs": msg("exp_kode_rs"), "nama": msg("exp_nama_rs"),
        "lat": msg("exp_lat"), "lon": msg("exp_lon"), "kode_wilayah": msg("exp_kode_wilayah")})
    rows = df[ROW].to_numpy()
    _check_unique_codes(raw, problems, "kode_rs")
    lat = _parse_float(raw, problems, "lat", expected=msg("exp_lat"))
    lon = _parse_float(raw, problems, "lon", expected=msg("exp_lon"))
    _check_coordinates(raw, problems, lat, lon)
    kode_wilayah = _parse_kode_wilayah(raw, problems, "kode_wilayah", code_scheme=code_scheme)
    kelas = _canonical(raw, problems, "kelas" if "kelas" in df else _ensure(df, "kelas"),
                      lambda v: v.upper() if v.upper() in KELAS else None,
                      expected=msg("exp_kelas", values=list(KELAS)), severity="warning")
    if "lokasi_presisi" in df:
        lokasi = _canonical(raw, problems, "lokasi_presisi",
                           lambda v: v.lower() if v.lower() in LOKASI_PRESISI else None,
                           expected=msg("exp_one_of", values=list(LOKASI_PRESISI)))
        empty = (df["lokasi_presisi"] == "").to_numpy()
        if empty.any():
            problems.add(raw.file, msg("lokasi_empty", n=int(empty.sum()),
                                       row=int(rows[empty][0])),
                         column="lokasi_presisi", severity="note")
            lokasi = lokasi.where(~empty, "sumber")
    else:
        lokasi = pd.Series("sumber", index=df.index, dtype="str")
    nasional = _parse_layanan_list(raw, problems, "pengampu_nasional", config)
    kode_sk = (_parse_kode_wilayah(raw, problems, "kode_wilayah_sk", code_scheme=code_scheme)
               if "kode_wilayah_sk" in df else pd.Series("", index=df.index, dtype="str"))
    rsonline = _text(raw, "kode_rsonline")
    bad_rso = ((rsonline != "") & ~rsonline.str.fullmatch(r"\d{7}")).to_numpy()
    for row, value in zip(rows[bad_rso], rsonline.to_numpy()[bad_rso], strict=True):
        problems.add(raw.file, msg("not_rsonline_code"), row=int(row),
                     column="kode_rsonline", value=value, severity="warning")
    out = df.drop(columns=[ROW]).copy()
    out["kode_rs"] = df["kode_rs"]
    out["lat"] = lat
    out["lon"] = lon
    out["kode_wilayah"] = kode_wilayah
    out["kode_prov"] = kode_wilayah.str.slice(0, 2)
    out["kode_wilayah_sk"] = kode_sk
    out["kode_rsonline"] = rsonline
    out["kelas"] = kelas
    for col in ("kepemilikan", "alias", "sumber"):
        out[col] = _text(raw, col)
    out["tempat_tidur"] = (_parse_int(raw, problems, "tempat_tidur", minimum=0, thousands=True,
                                     expected=msg("exp_beds"))
                           if "tempat_tidur" in df else pd.Series(pd.NA, index=df.index,
                                                                    dtype="Int64"))
    out["lokasi_presisi"] = lokasi
    out["pengampu_nasional"] = nasional
    out["contoh"] = _contoh(raw, problems)
    out[ROW] = df[ROW]
    front = ["kode_rs", "nama", "lat", "lon", "kode_wilayah", "kode_prov", "kode_wilayah_sk",
             "kode_rsonline", "kelas", "kepemilikan", "tempat_tidur", "alias", "lokasi_presisi",
             "pengampu_nasional", "sumber", "contoh"]
    out = out[[*front, *[c for c in out.columns if c not in front]]]
    geometry = gpd.points_from_xy(lon.to_numpy(), lat.to_numpy(), crs="EPSG:4326")
    return gpd.GeoDataFrame(out, geometry=geometry, crs="EPSG:4326")


def _ensure(df: pd.DataFrame, col: str) -> str:
    _optional(df, col)
    return col


def _parse_layanan_list(raw: _RawTable, problems: _Problems, col: str, config: Config) -> pd.Series:
    """';'-separated layanan codes, each canonicalised (unknown ones are errors)."""
    s = _optional(raw.data, col)
    rows = raw.data[ROW].to_numpy()
    out: list[str] = []
    for row, value in zip(rows, s.to_numpy(), strict=True):
        parts = [p.strip() for p in re.split(r"[;,]", str(value)) if p.strip()]
        canon = []
        for p in parts:
            c = config.normalise_layanan(p)
            if c is None:
                problems.add(raw.file, msg("not_layanan_list", values=sorted(config.layanan)),
                             row=int(row), column=col, value=p)
            else:
                canon.append(c)
        out.append(";".join(dict.fromkeys(canon)))
    return pd.Series(out, index=raw.data.index, dtype="str")


def _check_unique_codes(raw: _RawTable, problems: _Problems, col: str) -> None:
    """Duplicate codes, also those that differ only in letter case (RS0002 / rs0002)."""
    s = raw.data[col]
    key = s.str.upper()
    dup = (key.duplicated(keep=False) & (s != "")).to_numpy()
    if not dup.any():
        return
    sub = pd.DataFrame({"key": key[dup], "value": s[dup], "row": raw.data[ROW][dup]})
    for _, grp in sub.groupby("key", sort=False):
        rows = grp["row"].tolist()
        values = list(dict.fromkeys(grp["value"]))
        if len(values) == 1:
            text = msg("code_not_unique", rows=_rows_text(rows), col=col)
        else:
            text = msg("code_case_not_unique", rows=_rows_text(rows), values=_quoted(values),
                       col=col)
        problems.add(raw.file, text, row=rows[1], column=col, value=grp["value"].iloc[0])


def _check_coordinates(raw: _RawTable, problems: _Problems, lat: pd.Series, lon: pd.Series) -> None:
    b = INDONESIA_BOUNDS
    la, lo = lat.to_numpy(), lon.to_numpy()
    rows = raw.data[ROW].to_numpy()
    both = ~np.isnan(la) & ~np.isnan(lo)
    zero = both & (la == 0) & (lo == 0)
    lat_in = (la >= b["lat_min"]) & (la <= b["lat_max"])
    lon_in = (lo >= b["lon_min"]) & (lo <= b["lon_max"])
    # swapped: each value fits the other's range
    swapped = both & ~lat_in & ~lon_in & (la >= b["lon_min"]) & (la <= b["lon_max"]) & \
        (lo >= b["lat_min"]) & (lo <= b["lat_max"])
    lat_range = msg("range", lo=b["lat_min"], hi=b["lat_max"])
    lon_range = msg("range", lo=b["lon_min"], hi=b["lon_max"])
    for i in np.flatnonzero(zero):
        problems.add(raw.file, msg("lat_lon_zero"), row=int(rows[i]), column="lat", value="0")
    for i in np.flatnonzero(~np.isnan(la) & ~lat_in & ~zero):
        hint = msg("hint_swapped") if swapped[i] else (
            msg("hint_projected") if abs(la[i]) > 90 and not swapped[i] else "")
        problems.add(raw.file, msg("lat_outside", range=lat_range, hint=hint), row=int(rows[i]),
                     column="lat", value=raw.data["lat"].iloc[i])
    for i in np.flatnonzero(~np.isnan(lo) & ~lon_in & ~zero):
        if swapped[i]:
            hint = msg("hint_swapped")
        elif -b["lon_max"] <= lo[i] <= -b["lon_min"]:
            hint = msg("hint_lon_sign")
        elif abs(lo[i]) > 180:
            hint = msg("hint_projected")
        else:
            hint = ""
        problems.add(raw.file, msg("lon_outside", range=lon_range, hint=hint), row=int(rows[i]),
                     column="lon", value=raw.data["lon"].iloc[i])


def _parse_layanan(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed layanan table (kode_rs, layanan, strata, status, tahun, sumber, contoh)."""
    _check_columns(raw, problems, "layanan")
    df = raw.data
    present = [c for c in REQUIRED["layanan"] if c in raw.columns]
    _check_required_values(raw, problems, present, {
        "kode_rs": msg("exp_kode_rs_known"),
        "layanan": msg("exp_layanan", values=sorted(config.layanan)),
        "strata": msg("exp_strata", values=list(config.strata_order))})
    out = df.drop(columns=[ROW]).copy()
    out["layanan"] = _canonical(raw, problems, "layanan", config.normalise_layanan,
                               expected=_layanan_expected(config))
    out["strata"] = _canonical(raw, problems, "strata", config.normalise_strata,
                              expected=_strata_expected(config))
    out["status"] = _status(raw, problems)
    out["tahun"] = (_parse_int(raw, problems, "tahun", minimum=_YEAR_RANGE[0],
                              maximum=_YEAR_RANGE[1], expected=msg("exp_year", year=2025))
                    if "tahun" in df else pd.Series(pd.NA, index=df.index, dtype="Int64"))
    out["sumber"] = _text(raw, "sumber")
    out["bukti"] = _bukti(raw, problems)
    out["contoh"] = _contoh(raw, problems)
    out[ROW] = df[ROW]
    front = ["kode_rs", "layanan", "strata", "status", "tahun", "sumber", "bukti", "contoh"]
    return out[[*front, *[c for c in out.columns if c not in front]]]


def _layanan_expected(config: Config) -> str:
    aliases = ", ".join(f"{a!r}->{c}" for a, c in sorted(config.layanan_aliases.items()))
    return msg("exp_one_of_aliases", values=sorted(config.layanan), aliases=aliases)


def _strata_expected(config: Config) -> str:
    aliases = ", ".join(f"{a!r}->{c}" for a, c in sorted(config.strata_aliases.items()))
    return msg("exp_one_of_aliases", values=list(config.strata_order), aliases=aliases)


def _status(raw: _RawTable, problems: _Problems) -> pd.Series:
    df = raw.data
    if "status" not in df:
        if len(df):
            problems.add(raw.file, msg("no_status_column"), row=raw.header_row, severity="note")
        return pd.Series("ada", index=df.index, dtype="str")
    s = _canonical(raw, problems, "status",
                  lambda v: v.lower() if v.lower() in STATUS_VALUES else None,
                  expected=msg("exp_status", values=list(STATUS_VALUES)))
    empty = (df["status"] == "").to_numpy()
    if empty.any():
        problems.add(raw.file, msg("status_empty", n=int(empty.sum()),
                                   row=int(df[ROW].to_numpy()[empty][0])),
                     column="status", severity="note")
        s = s.where(~empty, "ada")
    return s


def _parse_jejaring(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed jejaring table (pengampu, diampu, layanan, mulai, sumber, jenis, contoh)."""
    _check_columns(raw, problems, "jejaring")
    df = raw.data
    present = [c for c in REQUIRED["jejaring"] if c in raw.columns]
    _check_required_values(raw, problems, present, {
        "pengampu": msg("exp_pengampu"), "diampu": msg("exp_diampu"),
        "layanan": msg("exp_layanan", values=sorted(config.layanan))})
    out = df.drop(columns=[ROW]).copy()
    out["layanan"] = _canonical(raw, problems, "layanan", config.normalise_layanan,
                               expected=_layanan_expected(config))
    out["mulai"] = (_parse_dates(raw, problems, "mulai") if "mulai" in df
                    else pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]"))
    out["sumber"] = _text(raw, "sumber")
    if "jenis" in df:
        jenis = _canonical(raw, problems, "jenis",
                          lambda v: v.lower() if v.lower() in JENIS_LINK else None,
                          expected=msg("exp_jenis", values=list(JENIS_LINK)))
        jenis = jenis.where(df["jenis"] != "", "sumber")
    else:
        jenis = pd.Series("sumber", index=df.index, dtype="str")
    out["jenis"] = jenis
    out["bukti"] = _bukti(raw, problems)
    out["contoh"] = _contoh(raw, problems)
    out[ROW] = df[ROW]
    front = ["pengampu", "diampu", "layanan", "mulai", "sumber", "jenis", "bukti", "contoh"]
    return out[[*front, *[c for c in out.columns if c not in front]]]


def _bukti(raw: _RawTable, problems: _Problems) -> pd.Series:
    """Evidence grades; a missing column or empty cell is an empty grade (noted, included)."""
    df = raw.data
    if "bukti" not in df:
        if len(df):
            problems.add(raw.file, msg("no_bukti_column"), row=raw.header_row, severity="note")
        return pd.Series("", index=df.index, dtype="str")
    s = _canonical(raw, problems, "bukti",
                  lambda v: v.strip().lower() if v.strip().lower() in BUKTI else None,
                  expected=msg("exp_bukti", values=list(BUKTI)))
    empty = (df["bukti"] == "").to_numpy()
    if empty.any():
        problems.add(raw.file, msg("bukti_empty", n=int(empty.sum()),
                                   row=int(df[ROW].to_numpy()[empty][0])),
                     column="bukti", severity="note")
    return s


_FASILITAS_ALIASES = {
    "hd": "hemodialisis", "hemodialisa": "hemodialisis", "dialisis": "hemodialisis",
    "cuci darah": "hemodialisis", "cath lab": "cathlab", "kateterisasi jantung": "cathlab",
    "radioterapi onkologi radiasi": "radioterapi", "kemoterapi hemato onkologi": "kemoterapi",
    "stroke unit": "stroke_unit", "unit stroke": "stroke_unit",
}


def _normalise_fasilitas(value: str) -> str | None:
    key = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if key.replace(" ", "_") in FASILITAS:
        return key.replace(" ", "_")
    return _FASILITAS_ALIASES.get(key)


def _parse_fasilitas(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed fasilitas table (kode_rs, fasilitas, tahun, sumber, bukti, contoh)."""
    _check_columns(raw, problems, "fasilitas")
    df = raw.data
    present = [c for c in REQUIRED["fasilitas"] if c in raw.columns]
    _check_required_values(raw, problems, present, {
        "kode_rs": msg("exp_kode_rs_known"),
        "fasilitas": msg("exp_fasilitas", values=list(FASILITAS))})
    out = df.drop(columns=[ROW]).copy()
    aliases = ", ".join(f"{a!r}->{c}" for a, c in sorted(_FASILITAS_ALIASES.items()))
    out["fasilitas"] = _canonical(raw, problems, "fasilitas", _normalise_fasilitas,
                                 expected=msg("exp_one_of_aliases", values=list(FASILITAS),
                                              aliases=aliases))
    out["tahun"] = (_parse_int(raw, problems, "tahun", minimum=_YEAR_RANGE[0],
                              maximum=_YEAR_RANGE[1], expected=msg("exp_year", year=2020))
                    if "tahun" in df else pd.Series(pd.NA, index=df.index, dtype="Int64"))
    out["sumber"] = _text(raw, "sumber")
    out["bukti"] = _bukti(raw, problems)
    out["contoh"] = _contoh(raw, problems)
    out[ROW] = df[ROW]
    front = ["kode_rs", "fasilitas", "tahun", "sumber", "bukti", "contoh"]
    return out[[*front, *[c for c in out.columns if c not in front]]]


def _parse_wilayah(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed region list (kode, nama, tingkat, kode_induk, penduduk, tahun_penduduk, sumber)."""
    _check_columns(raw, problems, "wilayah")
    df = raw.data
    rows = df[ROW].to_numpy()
    present = [c for c in REQUIRED["wilayah"] if c in raw.columns]
    _check_required_values(raw, problems, present, {
        "kode": msg("exp_region_code"), "nama": msg("exp_region_name"),
        "tingkat": msg("exp_one_of", values=list(TINGKAT_VALUES))})
    out = df.drop(columns=[ROW]).copy()
    tingkat = _canonical(raw, problems, "tingkat",
                        lambda v: v.lower() if v.lower() in TINGKAT_VALUES
                        else _TINGKAT_ALIASES.get(v.lower()),
                        expected=msg("exp_one_of", values=list(TINGKAT_VALUES)))
    kode = df["kode"].map(normalise_region_code).fillna("").astype("str")
    bad = ((kode == "") & (df["kode"] != "")).to_numpy()
    for row, value in zip(rows[bad], df["kode"].to_numpy()[bad], strict=True):
        problems.add(raw.file, msg("not_region_code"), row=int(row), column="kode", value=value)
    mismatch = ((kode != "") & (tingkat != "") &
                ((tingkat == "provinsi") != (kode.str.len() == 2))).to_numpy()
    for i in np.flatnonzero(mismatch):
        want = msg("code_pp") if tingkat.iloc[i] == "provinsi" else "'PP.KK'"
        problems.add(raw.file, msg("tingkat_mismatch", tingkat=tingkat.iloc[i], want=want),
                     row=int(rows[i]), column="kode", value=df["kode"].iloc[i])
    changed = ((kode != "") & (kode != df["kode"])).to_numpy()
    if changed.any():
        k = int(np.flatnonzero(changed)[0])
        problems.add(raw.file, msg("undotted_codes", n=int(changed.sum()), old=df["kode"].iloc[k],
                                   new=kode.iloc[k], row=int(rows[k]), hint=""),
                     column="kode", severity="note")
    dup = (kode.duplicated(keep=False) & (kode != "")).to_numpy()
    if dup.any():
        sub = pd.DataFrame({"kode": kode[dup], "row": df[ROW][dup]})
        for k, grp in sub.groupby("kode", sort=False):
            r = grp["row"].tolist()
            problems.add(raw.file, msg("kode_not_unique", rows=_rows_text(r)),
                         row=r[1], column="kode", value=k)
    induk = _optional(df, "kode_induk").map(normalise_region_code).fillna("").astype("str")
    bad_induk = ((induk == "") & (df["kode_induk"] != "")).to_numpy()
    for row, value in zip(rows[bad_induk], df["kode_induk"].to_numpy()[bad_induk], strict=True):
        problems.add(raw.file, msg("not_province_code"), row=int(row), column="kode_induk",
                     value=value)
    is_kab = ((tingkat == "kabkota") & (kode.str.len() == 5)).to_numpy()
    derived = is_kab & (induk == "").to_numpy() & ~bad_induk
    if derived.any():
        problems.add(raw.file, msg("induk_derived", n=int(derived.sum()),
                                   row=int(rows[derived][0])),
                     column="kode_induk", severity="note")
    induk = induk.where(~derived, kode.str.slice(0, 2))
    prov_codes = set(kode[(tingkat == "provinsi").to_numpy()])
    wrong = is_kab & (induk != "").to_numpy() & (induk != kode.str.slice(0, 2)).to_numpy()
    for i in np.flatnonzero(wrong):
        problems.add(raw.file, msg("induk_mismatch", kode=kode.iloc[i], want=kode.iloc[i][:2]),
                     row=int(rows[i]), column="kode_induk",
                     value=df["kode_induk"].iloc[i])
    unknown = is_kab & ~wrong & (induk != "").to_numpy() & ~induk.isin(prov_codes).to_numpy()
    for i in np.flatnonzero(unknown):
        problems.add(raw.file, msg("induk_unknown"), row=int(rows[i]), column="kode_induk",
                     value=induk.iloc[i])
    out["kode"] = kode
    out["tingkat"] = tingkat
    out["kode_induk"] = induk
    for col, expected in (("penduduk", msg("exp_penduduk")),
                          ("tahun_penduduk", msg("exp_year", year=2025))):
        if col in df:
            lo, hi = (0, None) if col == "penduduk" else _YEAR_RANGE
            out[col] = _parse_int(raw, problems, col, expected=expected, minimum=lo, maximum=hi,
                                 thousands=col == "penduduk")
        else:
            out[col] = pd.Series(pd.NA, index=df.index, dtype="Int64")
    if "pasien_hd" in df:
        out["pasien_hd"] = _parse_int(raw, problems, "pasien_hd", minimum=0, thousands=True,
                                     expected=msg("exp_pasien_hd"))
    out["sumber"] = _text(raw, "sumber")
    out[ROW] = df[ROW]
    front = ["kode", "nama", "tingkat", "kode_induk", "penduduk", "tahun_penduduk", "sumber"]
    return out[[*front, *[c for c in out.columns if c not in front]]]


#: At most this many cycles are listed per layanan (the rest are counted).
MAX_CYCLES_PER_LAYANAN = 20


def _check_links(links: pd.DataFrame, problems: _Problems, *, file: str = FILES["jejaring"],
                ) -> tuple[pd.DataFrame, int]:
    """Self-links (error), exact repeats (skipped, warning) and cycles within one layanan (error).

    Returns the links without the skipped repeats and the number skipped.
    """
    usable = (links["pengampu"] != "") & (links["diampu"] != "") & (links["layanan"] != "")
    self_link = usable & (links["pengampu"] == links["diampu"])
    for row, kode in zip(links.loc[self_link, ROW], links.loc[self_link, "pengampu"], strict=True):
        problems.add(file, msg("self_link"),
                     row=int(row), column="diampu", value=kode)
    key = ["pengampu", "diampu", "layanan", "jenis"]
    dup_mask = usable & links.duplicated(key, keep=False)
    drop: list[int] = []
    for (p, d, lay, _), grp in links[dup_mask].groupby(key, sort=False):
        rows = grp[ROW].tolist()
        problems.add(file, msg("link_repeated", p=p, d=d, lay=lay, rows=_rows_text(rows),
                               skipped=_rows_text(rows[1:])), row=rows[1], column="pengampu",
                     value=p, severity="warning")
        drop.extend(grp.index[1:])
    out = links.drop(index=drop)
    graphable = out[usable.loc[out.index] & ~self_link.loc[out.index]]
    for lay, grp in graphable.groupby("layanan", sort=True):
        _report_cycles(str(lay), grp, problems, file=file)
    return out, len(drop)


def _report_cycles(layanan: str, links: pd.DataFrame, problems: _Problems, *, file: str) -> None:
    g = nx.DiGraph()
    edge_rows: dict[tuple[str, str], list[int]] = {}
    for p, d, row in zip(links["pengampu"], links["diampu"], links[ROW], strict=True):
        g.add_edge(p, d)
        edge_rows.setdefault((p, d), []).append(int(row))
    n = 0
    for comp in nx.strongly_connected_components(g):
        if len(comp) < 2:
            continue
        for cycle in nx.simple_cycles(g.subgraph(comp)):
            n += 1
            if n > MAX_CYCLES_PER_LAYANAN:
                continue
            start = cycle.index(min(cycle))  # stable order: start at the smallest kode_rs
            cycle = cycle[start:] + cycle[:start]
            edges = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
            rows = sorted(r for e in edges for r in edge_rows[e][:1])
            path = " -> ".join([*cycle, cycle[0]])
            problems.add(file, msg("link_cycle", layanan=layanan, path=path,
                                   rows=_rows_text(rows)), row=rows[0], column="pengampu",
                         value=cycle[0])
    if n > MAX_CYCLES_PER_LAYANAN:
        problems.add(file, msg("more_cycles", n=n - MAX_CYCLES_PER_LAYANAN, layanan=layanan),
                     column="pengampu")


_PARSERS: dict[str, Callable[..., pd.DataFrame]] = {
    "rumah_sakit": _parse_rumah_sakit, "layanan": _parse_layanan, "jejaring": _parse_jejaring,
    "wilayah": _parse_wilayah, "fasilitas": _parse_fasilitas,
}


def _public_table(df: pd.DataFrame) -> pd.DataFrame:
    """Drop the private row-number column and reset the index to 0..n-1."""
    return df.drop(columns=[ROW]).reset_index(drop=True)


def _read_one(path: str | Path, table: str, *, config: Config | None,
              **kwargs: Any) -> pd.DataFrame:
    cfg = config or DEFAULT_CONFIG
    p = Path(path)
    if not p.exists():
        raise DataFileMissingError(
            [{"file": p.name, "row": None, "column": None, "value": None, "severity": "error",
              "problem": msg("file_not_found", path=p)}],
            msg("file_not_found_expected", path=p,
                expected=({**FILES, **OPTIONAL_FILES})[table], required=list(REQUIRED[table])))
    problems = _Problems()
    raw = _read_raw(p, problems, table=table, empty_ok=table == "jejaring")
    if raw is None:
        raise DataFileError(problems.frame())
    df = _PARSERS[table](raw, problems, config=cfg, **kwargs)
    if table == "jejaring":
        df, _ = _check_links(df, problems, file=raw.file)
    problems.raise_if_errors()
    for rec in problems.records:
        logger.info("%s", rec)
    return _public_table(df)


def read_rumah_sakit(path: str | Path, *, config: Config | None = None,
                     code_scheme: CodeScheme = "kemendagri") -> gpd.GeoDataFrame:
    """Read a hospitals file (``rumah_sakit.csv``) into a GeoDataFrame.

    Parameters
    ----------
    path : str or Path
        The CSV file (``,`` or ``;`` separated, UTF-8 or Windows-1252).
    config : Config, optional
        Layanan codes and aliases (default: :data:`~pengampuan.config.DEFAULT_CONFIG`).
    code_scheme : {'kemendagri', 'bps'}
        Scheme of ``kode_wilayah``. ``'bps'`` converts BPS codes (as embedded
        in Kemenkes RS codes) to Kemendagri through the bundled crosswalk.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per hospital, Point geometry from lon/lat, EPSG:4326; columns
        as documented in :mod:`pengampuan.dataset`. Extra columns are kept.

    Raises
    ------
    DataFileMissingError
        If the file does not exist.
    DataFileError
        Listing every error in the file (row numbers as in a spreadsheet).
        Whether ``kode_wilayah`` is in the region list is checked by
        :func:`load_dataset` / :func:`~pengampuan.validate.validate`.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> rs = read_rumah_sakit(bundled_data_dir() / "rumah_sakit.csv")
    >>> rs.crs.to_epsg(), rs.geometry.geom_type.unique().tolist()
    (4326, ['Point'])
    """
    if code_scheme not in CODE_SCHEMES:
        raise ValueError(f"code_scheme={code_scheme!r} is not known; expected one of "
                         f"{list(CODE_SCHEMES)}")
    out = _read_one(path, "rumah_sakit", config=config, code_scheme=code_scheme)
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def read_layanan(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a layanan file (``layanan.csv``): a hospital's strata per layanan.

    Layanan and strata spellings are canonicalised with
    :meth:`Config.normalise_layanan` / :meth:`Config.normalise_strata`
    (``'Kardiovaskular'`` -> ``'jantung'``); an empty or absent ``status`` is
    ``'ada'``.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> lay = read_layanan(bundled_data_dir() / "layanan.csv")
    >>> set(lay["status"]) <= {"ada", "target"}, str(lay["tahun"].dtype)
    (True, 'Int64')
    """
    return _read_one(path, "layanan", config=config)


def read_jejaring(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a links file (``jejaring.csv``): one pengampu -> diampu link per row.

    ``mulai`` becomes datetime64 (ISO dates; ``dd/mm/yyyy`` read day-first and
    Excel date numbers are accepted with a note). ``jenis`` defaults to
    ``'sumber'``. Links to hospitals are checked by :func:`load_dataset`.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> links = read_jejaring(bundled_data_dir() / "jejaring.csv")
    >>> str(links["mulai"].dtype), set(links["jenis"]) <= {"sumber", "usulan"}
    ('datetime64[ns]', True)
    """
    return _read_one(path, "jejaring", config=config)


def read_fasilitas(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a services file (``fasilitas.csv``): services a hospital reported (not strata).

    Columns ``kode_rs``, ``fasilitas`` (one of :data:`~pengampuan.config.FASILITAS`; a few
    spellings such as ``HD`` or ``cath lab`` are accepted with a note), ``tahun``,
    ``sumber``, ``bukti``.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> fas = read_fasilitas(bundled_data_dir() / "fasilitas.csv")
    >>> "hemodialisis" in set(fas["fasilitas"]), set(fas["bukti"])
    (True, {'dokumen'})
    """
    return _read_one(path, "fasilitas", config=config)


def read_wilayah(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a region list (``wilayah.csv``): provinces and kab/kota with Kemendagri codes.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> wil = read_wilayah(bundled_data_dir() / "wilayah.csv")
    >>> wil.loc[wil["kode"] == "17.02", "tingkat"].tolist()
    ['kabkota']
    """
    return _read_one(path, "wilayah", config=config)


def load_dataset(path: str | Path | None = None, *, config: Config | None = None,
                 code_scheme: CodeScheme = "kemendagri") -> Dataset:
    """Read and validate a folder of the four CSV files into a :class:`Dataset`.

    Parameters
    ----------
    path : str or Path, optional
        Folder holding ``rumah_sakit.csv``, ``layanan.csv``, ``jejaring.csv``
        and ``wilayah.csv``. None (default): the bundled data. A folder
        without ``wilayah.csv`` uses the bundled Kemendagri region list, one
        without ``jejaring.csv`` has no links (both noted in the report).
    config : Config, optional
        Layanan, strata and aliases (default: :data:`~pengampuan.config.DEFAULT_CONFIG`).
    code_scheme : {'kemendagri', 'bps'}
        Scheme of ``rumah_sakit.kode_wilayah``; see :func:`read_rumah_sakit`.

    Returns
    -------
    Dataset
        With ``report`` (a :class:`~pengampuan.validate.ValidationReport`
        holding the warnings and notes).

    Raises
    ------
    DataFileMissingError
        If the folder (or a required file in it) does not exist.
    DataFileError
        If any file has an error; it lists every problem of every file.
        Rows are never dropped because of an error. Only warning-level
        problems can skip a row (an exact duplicate of a link or a layanan
        row): such rows are counted in ``report.counts["dilewati"]`` and a
        :class:`~pengampuan.errors.PengampuanWarning` says how many.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> ds.report.ok, set(ds.rumah_sakit["lokasi_presisi"]) <= set(LOKASI_PRESISI)
    (True, True)
    """
    from ..validate import run_validation

    cfg = config or DEFAULT_CONFIG
    tables, report = run_validation(path, config=cfg, code_scheme=code_scheme)
    if tables is None or not report.ok:
        raise DataFileError(report.problems)
    if report.n_warnings:
        warnings.warn(msg("load_warnings", n=report.n_warnings, path=report.path,
                          first=report.first_warning()),
                      PengampuanWarning, stacklevel=2)
    logger.info("Loaded %s: %s", report.path, report.counts)
    return Dataset(
        rumah_sakit=gpd.GeoDataFrame(_public_table(tables["rumah_sakit"]), geometry="geometry",
                                     crs="EPSG:4326"),
        layanan=_public_table(tables["layanan"]),
        jejaring=_public_table(tables["jejaring"]),
        wilayah=_public_table(tables["wilayah"]),
        fasilitas=(_public_table(tables["fasilitas"]) if "fasilitas" in tables
                   else empty_fasilitas()),
        config=cfg,
        path=report.path,
        report=report,
        meta={"bundled": path is None, "code_scheme": code_scheme,
              "wilayah_bundled": bool(report.counts.get("wilayah_bundled", False))},
    )
