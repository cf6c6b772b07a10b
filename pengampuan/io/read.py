"""One CSV file read as text: bytes to records, then to a raw table of stripped cells.

Decoding (byte-order marks, UTF-16 without one, Windows-1252), files that are
not CSV text (a workbook, an archive), the separator, the header (also below
title rows), quotes that never close and the lines they swallowed, invisible
and non-breaking characters. Every tolerance is a problem of severity
``note``; every row that cannot be read is an error naming it.
"""

from __future__ import annotations

import codecs
import csv
import io as _io
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .._messages import INVISIBLE, NON_BREAKING, msg, visible
from .contract import FILES, OPTIONAL, REQUIRED, ROW
from .names import other_data_files
from .problems import _Problems

#: Header names a spreadsheet typically has -> the contract column they are read as, per table
#: (keys compared case-, space- and punctuation-insensitively: 'Nama RS', 'nama_rs' and
#: 'NAMA-RS.' are one key). A header is renamed only when the file has no column of the
#: contract name itself; every rename is listed in one note per file.
_COLUMN_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "rumah_sakit": {
        "kode_rs": ("kode rumah sakit", "kode", "koders", "kode faskes", "kode fasyankes",
                    "hospital code", "id rs"),
        "nama": ("nama rs", "nama rumah sakit", "rumah sakit", "nama faskes", "nama fasyankes",
                 "hospital", "hospital name", "name"),
        "lat": ("latitude", "lintang", "garis lintang"),
        "lon": ("longitude", "lng", "long", "bujur", "garis bujur"),
        "kode_wilayah": ("kode kab kota", "kode kabkota", "kode kabupaten kota", "kode kab",
                         "kode kabupaten", "kode kota", "kode wilayah kab kota"),
        "kelas": ("kelas rs", "kelas rumah sakit", "tipe", "tipe rs", "tipe rumah sakit",
                  "type", "class"),
        "kepemilikan": ("pemilik", "kepemilikan rs", "penyelenggara", "pengelola",
                        "status kepemilikan", "milik", "ownership"),
        "tempat_tidur": ("jumlah tempat tidur", "jml tempat tidur", "jumlah tt", "jml tt", "tt",
                         "kapasitas tempat tidur", "bed", "beds", "jumlah bed"),
        "alias": ("nama lain", "nama alias"),
        "kode_rsonline": ("kode rs online", "rs online", "kode rsonline"),
    },
    "layanan": {
        "kode_rs": ("kode rumah sakit", "kode"),
        "layanan": ("jenis layanan", "layanan kjsu", "service"),
        "strata": ("strata layanan", "strata rs"),
    },
    "jejaring": {
        "pengampu": ("rs pengampu", "kode pengampu", "kode rs pengampu"),
        "diampu": ("rs diampu", "kode diampu", "kode rs diampu", "rs yang diampu"),
        "mulai": ("tanggal mulai", "tgl mulai", "tanggal"),
    },
    "wilayah": {
        "kode": ("kode wilayah", "kode kemendagri"),
        "nama": ("nama wilayah",),
        "kode_induk": ("kode provinsi", "kode prov"),
        "penduduk": ("jumlah penduduk", "jml penduduk", "populasi"),
    },
    "fasilitas": {"kode_rs": ("kode rumah sakit", "kode")},
}


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


def _alias_key(name: str) -> str:
    """A header compared case-, space- and punctuation-insensitively ('Nama RS.' -> 'nama_rs')."""
    return "_".join(re.sub(r"[^0-9a-z]+", " ", name.replace("\ufeff", "").lower()).split())


#: table -> alias key -> contract column (built from :data:`_COLUMN_ALIASES`).
_ALIAS_LOOKUP: dict[str, dict[str, str]] = {
    table: {_alias_key(a): col for col, names in aliases.items() for a in names}
    for table, aliases in _COLUMN_ALIASES.items()}


def _normalise_column(name: str) -> str:
    """A header as a column name: lower case, spaces and dashes as '_' ('Kode RS' -> 'kode_rs')."""
    return "_".join(name.replace("\ufeff", "").strip().lower().replace("-", " ").split())


def _column_names(found: Sequence[str], table: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The column names of a header, and the headers read as a contract column ``(header, column)``.

    A header whose key (:func:`_alias_key`) is a contract column or one of its
    aliases is read as that column, unless the header already has that column
    (then it is kept as an extra column under its own name); the first header
    wins when two aliases name one column.
    """
    contract = set(REQUIRED.get(table, ())) | set(OPTIONAL.get(table, ()))
    lookup = _ALIAS_LOOKUP.get(table, {})
    names = [_normalise_column(c) for c in found]
    taken = {n for n in names if n in contract}
    renamed: list[tuple[str, str]] = []
    for i, orig in enumerate(found):
        if names[i] in contract:
            continue
        key = _alias_key(orig)
        col = key if key in contract else lookup.get(key)
        if col is not None and col not in taken:
            taken.add(col)
            names[i] = col
    for orig, name in zip(found, names, strict=True):
        if name in contract and orig.replace("\ufeff", "").strip() != name:
            renamed.append((orig, name))
    return names, renamed


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

    def reread(self, lines: Sequence[tuple[int, str]], sep: str) -> Iterator[list[str]]:
        """A new CSV reader that starts a record with ``lines`` (read again) and goes on."""
        self.start_record()
        self.push_back(lines)
        return csv.reader(self, delimiter=sep)


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
    reader: Iterator[list[str]] = csv.reader(feed, delimiter=sep)
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
            reader = feed.reread(span[1:], sep)
            continue
        except csv.Error as err:
            span = feed.record
            row += 1
            yield _Record(row, [], span[0][0] if span else 0, span[-1][0] if span else 0,
                          broken=True, reason=str(err))
            reader = feed.reread(span[1:], sep)
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
            reader = feed.reread(span[1:], sep)
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


def _header_row_index(records: list[_Record], required: Sequence[str],
                      table: str) -> tuple[int, int]:
    """Index of the first record with a value, and of the likely header (may be later)."""
    first = next((i for i, r in enumerate(records) if any(not _blank(c) for c in r.cells)), -1)
    if first < 0:
        return -1, -1
    want = set(required)

    def hits(rec: _Record) -> int:
        return len(want & set(_column_names(rec.cells, table)[0]))

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
    first_idx, header_idx = _header_row_index(top, required, table)
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
    names, renamed = _column_names(found, table)
    columns.extend(names)
    if renamed:
        problems.add(file, msg("columns_alias_read", renamed=", ".join(
            f"{orig.strip()!r} -> {col!r}" for orig, col in renamed)), row=header_row,
            column=renamed[0][0] if len(renamed) == 1 else None, severity="note")
    aliased = {orig for orig, _ in renamed}
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
        elif orig in aliased:
            continue
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
