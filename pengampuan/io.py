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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd

from ._textnorm import normalise_region_code
from .config import BUKTI, DEFAULT_CONFIG, FASILITAS, INDONESIA_BOUNDS, LOKASI_PRESISI, Config
from .dataset import Dataset, empty_fasilitas
from .errors import DataFileError, DataFileMissingError, PengampuanWarning

logger = logging.getLogger(__name__)

CodeScheme = Literal["kemendagri", "bps"]
#: Region-code schemes accepted for ``kode_wilayah``.
CODE_SCHEMES: tuple[str, ...] = ("kemendagri", "bps")

#: Table name -> file name in a data folder.
FILES: dict[str, str] = {
    "rumah_sakit": "rumah_sakit.csv",
    "layanan": "layanan.csv",
    "jejaring": "jejaring.csv",
    "wilayah": "wilayah.csv",
}
#: Optional tables of a data folder (absent = empty table).
OPTIONAL_FILES: dict[str, str] = {"fasilitas": "fasilitas.csv"}
#: Required columns per table (DESIGN.md, data contract).
REQUIRED: dict[str, tuple[str, ...]] = {
    "rumah_sakit": ("kode_rs", "nama", "lat", "lon", "kode_wilayah"),
    "layanan": ("kode_rs", "layanan", "strata"),
    "jejaring": ("pengampu", "diampu", "layanan"),
    "wilayah": ("kode", "nama", "tingkat"),
    "fasilitas": ("kode_rs", "fasilitas"),
}
#: Optional columns of the data contract (others are kept as extra columns).
OPTIONAL: dict[str, tuple[str, ...]] = {
    "rumah_sakit": ("kelas", "kepemilikan", "tempat_tidur", "alias", "lokasi_presisi",
                    "pengampu_nasional", "sumber", "contoh", "kode_wilayah_sk", "kode_rsonline"),
    "layanan": ("status", "tahun", "sumber", "contoh", "bukti"),
    "jejaring": ("mulai", "sumber", "jenis", "contoh", "bukti"),
    "wilayah": ("kode_induk", "penduduk", "tahun_penduduk", "sumber", "pasien_hd"),
    "fasilitas": ("tahun", "sumber", "bukti", "contoh"),
}
#: Columns of a problems table.
PROBLEM_COLUMNS: tuple[str, ...] = ("file", "row", "column", "value", "problem", "severity")
SEVERITIES: tuple[str, ...] = ("error", "warning", "note")
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
#: Private column with the spreadsheet row number while tables are checked.
ROW = "__row"


# ---------------------------------------------------------------------------
# problems
# ---------------------------------------------------------------------------
class _Problems:
    """Collector of data problems (one dict per problem, see :data:`PROBLEM_COLUMNS`)."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(self, file: str, problem: str, *, row: int | None = None, column: str | None = None,
            value: object = None, severity: str = "error") -> None:
        """Record one problem."""
        if severity not in SEVERITIES:  # pragma: no cover - programming error
            raise ValueError(f"severity={severity!r}; expected one of {SEVERITIES}")
        self.records.append({
            "file": file, "row": None if row is None else int(row), "column": column,
            "value": None if value is None else str(value), "problem": problem,
            "severity": severity,
        })

    @property
    def n_errors(self) -> int:
        """Number of problems of severity ``error``."""
        return sum(r["severity"] == "error" for r in self.records)

    def frame(self) -> pd.DataFrame:
        """The problems as a DataFrame (``row`` as Int64, spreadsheet numbering)."""
        df = pd.DataFrame(self.records, columns=list(PROBLEM_COLUMNS))
        df["row"] = df["row"].astype("Int64")
        for col in ("file", "column", "value", "problem", "severity"):
            df[col] = df[col].astype(object)
        return df

    def raise_if_errors(self) -> None:
        """Raise :class:`DataFileError` listing every problem when any is an error."""
        if self.n_errors:
            raise DataFileError(self.frame())


def _rows_text(rows: Sequence[int]) -> str:
    """'2', '2 and 5', '2, 5 and 9'."""
    r = [str(int(x)) for x in rows]
    return r[0] if len(r) == 1 else f"{', '.join(r[:-1])} and {r[-1]}"


def _quoted(values: Sequence[object]) -> str:
    v = [repr(str(x)) for x in values]
    return v[0] if len(v) == 1 else f"{', '.join(v[:-1])} and {v[-1]}"


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


def _decode(data: bytes) -> tuple[str, list[str]]:
    """Text of a CSV file and notes on what was detected (BOM, encoding)."""
    notes: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        notes.append("UTF-16 text (Excel 'Unicode text') detected; read as UTF-16")
        return data.decode("utf-16"), notes
    if data.startswith(codecs.BOM_UTF8):
        notes.append("UTF-8 byte-order mark (BOM) detected, as Excel's 'CSV UTF-8' writes; "
                     "read as UTF-8")
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError as err:
        try:
            text, enc = data.decode("cp1252"), "Windows-1252 (cp1252)"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "Latin-1 (ISO-8859-1)"
        notes.append(f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at position {err.start}); "
                     f"read as {enc}: check accented names, and save as 'CSV UTF-8' next time")
        return text, notes


_QUOTED = re.compile(r'"[^"]*"')


def _sniff_separator(header_line: str) -> str:
    """The separator of a CSV file from its header line: ',', ';' or a tab."""
    line = _QUOTED.sub("", header_line)
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda s: (counts[s], s == ","))
    return best if counts[best] else ","


_SEP_NAME = {",": "comma", ";": "semicolon ';'", "\t": "tab"}


def _normalise_column(name: str) -> str:
    key = "_".join(name.replace("\ufeff", "").strip().lower().replace("-", " ").split())
    return _COLUMN_ALIASES.get(key, key)


def _read_raw(path: Path, problems: _Problems, *, table: str, empty_ok: bool = False,
             ) -> _RawTable | None:
    """Read one CSV file as text; None when it cannot be read (problems recorded).

    ``empty_ok``: a file with a header but no data rows is a note instead of an error.
    """
    file = path.name
    required = REQUIRED[table]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.add(file, f"file not found at {path}; expected a CSV file with the columns "
                     f"{list(required)}")
        return None
    except IsADirectoryError:
        problems.add(file, f"{path} is a folder; expected a CSV file")
        return None
    text, notes = _decode(data)
    for note in notes:
        problems.add(file, note, severity="note")
    if not text.strip():
        problems.add(file, "file is empty; expected a header row with the columns "
                     f"{list(required)} "
                     "and one row per record")
        return None
    header_line = next(line for line in text.splitlines() if line.strip())
    sep = _sniff_separator(header_line)
    if sep != ",":
        problems.add(file, f"{_SEP_NAME[sep]} separator detected (as spreadsheets in an Indonesian "
                     "locale write); read accordingly", severity="note")
    records = list(csv.reader(_io.StringIO(text, newline=""), delimiter=sep))
    header_idx = next(i for i, rec in enumerate(records) if any(c.strip() for c in rec))
    header_row = header_idx + 1
    found = records[header_idx]
    columns = [_normalise_column(c) for c in found]
    # Excel often writes trailing separators: drop unnamed columns that hold nothing.
    body = records[header_idx + 1:]
    while columns and columns[-1] == "" and all(
            len(r) < len(columns) or not r[len(columns) - 1].strip() for r in body):
        columns.pop()
    for i, (orig, col) in enumerate(zip(found, columns, strict=True)):
        if col == "":
            problems.add(file, f"column {i + 1} has no name in the header; it is called "
                         f"'kolom_{i + 1}'", row=header_row, severity="warning")
            columns[i] = f"kolom_{i + 1}"
        elif col != orig and _normalise_column(orig) == col and col in _COLUMN_ALIASES.values() \
                and orig.strip().lower() in _COLUMN_ALIASES:
            problems.add(file, f"column {orig!r} read as {col!r}", row=header_row, column=orig,
                         severity="note")
        elif col != orig.replace("\ufeff", ""):
            problems.add(file, f"column name {orig!r} read as {col!r}", row=header_row,
                         column=orig, severity="note")
    seen: dict[str, int] = {}
    for i, col in enumerate(columns):
        if col in seen:
            problems.add(file, f"column {col!r} appears twice in the header (columns "
                         f"{seen[col] + 1} and {i + 1}); keep one", row=header_row, column=col)
            columns[i] = f"{col}__{i + 1}"
        else:
            seen[col] = i
    n = len(columns)
    cells: list[list[str]] = []
    rows: list[int] = []
    n_blank = 0
    unreadable: dict[int, list[str]] = {}
    n_spaces = [0] * n
    first_spaces = [0] * n
    for i, rec in enumerate(body, start=header_row + 1):
        stripped = [c.strip() for c in rec]
        if not any(stripped):
            n_blank += 1
            continue
        if len(rec) > n:
            if any(stripped[n:]):
                hint = ("a decimal comma in a comma-separated file? write -6.197 or quote the value"
                        if sep == "," else "a separator inside a value? quote the value")
                problems.add(file, f"has {len(rec)} fields but the header has {n} ({hint})",
                             row=i, value=sep.join(rec))
                unreadable[i] = rec
                continue
            rec, stripped = rec[:n], stripped[:n]
        elif len(rec) < n:
            pad = [""] * (n - len(rec))
            rec, stripped = [*rec, *pad], [*stripped, *pad]
        for j in range(n):
            if len(stripped[j]) != len(rec[j]):
                if not n_spaces[j]:
                    first_spaces[j] = i
                n_spaces[j] += 1
        cells.append(stripped)
        rows.append(i)
    if n_blank:
        problems.add(file, f"{n_blank} empty row(s) ignored", severity="note")
    for j, col in enumerate(columns):
        if n_spaces[j]:
            problems.add(file, f"spaces at the start or end of {n_spaces[j]} cell(s) removed "
                         f"(first in row {first_spaces[j]})", column=col, severity="note")
    df = pd.DataFrame(cells, columns=columns, dtype="str") if cells else pd.DataFrame(
        {c: pd.Series([], dtype="str") for c in columns})
    df[ROW] = np.asarray(rows, dtype=np.int64)
    if not cells and not unreadable:
        problems.add(file, "has a header but no data rows", row=header_row,
                     severity="note" if empty_ok else "error")
    return _RawTable(file=file, path=path, data=df, columns=columns, header_row=header_row,
                    unreadable=unreadable)


def _check_columns(raw: _RawTable, problems: _Problems, table: str) -> list[str]:
    """Record missing required columns; return their names (they are added empty)."""
    missing = [c for c in REQUIRED[table] if c not in raw.columns]
    if missing:
        hint = ""
        if len(raw.columns) == 1 and "|" in raw.columns[0]:
            hint = "; the separator looks like '|': use ',' or ';'"
        found = [c for c in raw.columns]
        cols = ", ".join(repr(c) for c in missing)
        problems.add(raw.file, f"missing required column{'s' if len(missing) > 1 else ''} {cols}; "
                     f"columns found: {found}{hint}", row=raw.header_row)
        for c in missing:
            raw.data[c] = pd.Series([""] * len(raw.data), dtype="str", index=raw.data.index)
    extra = [c for c in raw.columns if c not in REQUIRED[table] and c not in OPTIONAL[table]
             and "__" not in c]
    if extra and not missing:
        problems.add(raw.file, f"extra column(s) kept as they are: {extra}", row=raw.header_row,
                     severity="note")
    return missing


def _check_required_values(raw: _RawTable, problems: _Problems, columns: Sequence[str],
                           expected: dict[str, str]) -> None:
    df = raw.data
    for col in columns:
        empty = (df[col] == "").to_numpy()
        for row in df[ROW].to_numpy()[empty]:
            problems.add(raw.file, f"is empty; expected {expected.get(col, 'a value')}",
                         row=int(row), column=col)


def _optional(df: pd.DataFrame, col: str, default: str = "") -> pd.Series:
    if col not in df:
        df[col] = pd.Series([default] * len(df), dtype="str", index=df.index)
    return df[col]


# ---------------------------------------------------------------------------
# value parsers
# ---------------------------------------------------------------------------
_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")


def _parse_float(raw: _RawTable, problems: _Problems, col: str, *, expected: str) -> pd.Series:
    """Float column from text: decimal commas accepted (note), the rest must be numbers."""
    s = raw.data[col].str.replace("\u2212", "-", regex=False)
    comma = s.str.match(_DECIMAL_COMMA).fillna(False).to_numpy(dtype=bool)
    if comma.any():
        first = int(raw.data[ROW].to_numpy()[comma][0])
        problems.add(raw.file, f"decimal comma in {int(comma.sum())} value(s) read as a decimal "
                     f"point (e.g. {s.to_numpy()[comma][0]!r} in row {first})", column=col,
                     severity="note")
        s = s.where(~comma, s.str.replace(",", ".", regex=False))
    num = pd.to_numeric(s.where(s != "", None), errors="coerce").astype("float64")
    bad = (num.isna() & (s != "")).to_numpy() | ~np.isfinite(num.fillna(0).to_numpy())
    rows, values = raw.data[ROW].to_numpy()[bad], raw.data[col].to_numpy()[bad]
    for row, value in zip(rows, values, strict=True):
        problems.add(raw.file, f"is not a number; expected {expected}", row=int(row), column=col,
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
            problems.add(raw.file, f"thousands separators in {int(sep.sum())} value(s) removed "
                         f"(e.g. {s.to_numpy()[sep][0]!r} in row {int(rows[sep][0])})", column=col,
                         severity="note")
            s = s.where(~sep, s.str.replace(r"[.,]", "", regex=True))
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
        problems.add(raw.file, f"is not a whole number; expected {expected}", row=int(row),
                     column=col, value=value)
    for row, value in zip(rows[out_of_range], raw.data[col].to_numpy()[out_of_range], strict=True):
        problems.add(raw.file, f"is out of range; expected {expected}", row=int(row), column=col,
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
                problems.add(raw.file, f"is not known; expected {expected}", row=int(row),
                             column=col, value=value, severity=severity)
            mapping[value] = ""
        else:
            mapping[value] = canon
            if canon != value:
                problems.add(raw.file, f"read as {canon!r} ({int(hit.sum())} cell(s), first in row "
                             f"{int(rows[hit][0])})", column=col, value=value, severity="note")
    return s.map(lambda v: mapping.get(v, v)).astype("str")


def _parse_bool(raw: _RawTable, problems: _Problems, col: str) -> pd.Series:
    """Boolean column from ya/tidak, true/false, 1/0 (empty = False)."""
    s = raw.data[col].str.lower()
    ok = s.isin(_TRUE | _FALSE).to_numpy()
    rows, values = raw.data[ROW].to_numpy()[~ok], raw.data[col].to_numpy()[~ok]
    for row, value in zip(rows, values, strict=True):
        problems.add(raw.file, "is not a yes/no value; expected one of 'ya', 'tidak', 'true', "
                     "'false', '1', '0' (empty = tidak)", row=int(row), column=col, value=value)
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
    expected = "a date as yyyy-mm-dd (e.g. 2023-03-08)"

    def _make(i: int, y: int, m: int, d: int, value: str) -> None:
        try:
            out[i] = pd.Timestamp(year=y, month=m, day=d)
        except ValueError:
            problems.add(raw.file, f"is not a valid date; expected {expected}", row=int(rows[i]),
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
                problems.add(raw.file, "has a two-digit year, which is ambiguous; expected "
                             f"{expected}",
                             row=int(rows[i]), column=col, value=value)
                continue
            dmy.append((i, a, b, int(y), int(rows[i]), value))
        else:
            problems.add(raw.file, f"is not a date; expected {expected}, dd/mm/yyyy or an Excel "
                         "date number", row=int(rows[i]), column=col, value=value)
    if serial_rows:
        problems.add(raw.file, f"{len(serial_rows)} Excel date number(s) (days since 1899-12-30) "
                     f"read as dates (first in row {serial_rows[0]}); format the column as "
                     "yyyy-mm-dd", column=col, severity="note")
    if iso_month_rows:
        problems.add(raw.file, f"{len(iso_month_rows)} date(s) without a day read as the first of "
                     f"the month (first in row {iso_month_rows[0]})", column=col, severity="note")
    day_first = [t for t in dmy if t[1] > 12 and t[2] <= 12]
    month_first = [t for t in dmy if t[2] > 12 and t[1] <= 12]
    accepted = 0
    for i, a, b, y, row, value in dmy:
        if b > 12 and a <= 12:
            problems.add(raw.file, f"is month-first (US format), but dates here are day-first "
                         f"(dd/mm/yyyy); write it as {y:04d}-{a:02d}-{b:02d}", row=row, column=col,
                         value=value)
        elif a <= 12 and b <= 12 and month_first and not day_first:
            other = month_first[0]
            problems.add(raw.file, f"is ambiguous: day-first it is {y:04d}-{b:02d}-{a:02d}, but "
                         f"row {other[4]} ({other[5]!r}) is month-first; write dates as yyyy-mm-dd",
                         row=row, column=col, value=value)
        else:
            before = problems.n_errors
            _make(i, y, b, a, value)
            accepted += problems.n_errors == before
    if accepted:
        first = next(t for t in dmy if out[t[0]] is not pd.NaT)
        problems.add(raw.file, f"{accepted} date(s) written dd/mm/yyyy read day-first (e.g. "
                     f"{first[5]!r} in row {first[4]} = {out[first[0]]:%Y-%m-%d}); write "
                     "yyyy-mm-dd to avoid ambiguity", column=col, severity="note")
    return pd.Series(pd.to_datetime(pd.Series(out, dtype=object), errors="coerce"),
                     index=s.index).astype("datetime64[ns]")


# ---------------------------------------------------------------------------
# region codes
# ---------------------------------------------------------------------------
def _bundled_dir() -> Path:
    from .datasets import bundled_data_dir

    try:
        return bundled_data_dir()
    except FileNotFoundError:
        return Path(__file__).resolve().parent.parent / "data"


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
        problems.add(raw.file, "is not a kab/kota code; expected a Kemendagri code 'PP.KK' such as "
                     "'17.02'", row=int(row), column=col, value=value)
    prov = (out.str.len() == 2).to_numpy()
    for row, value in zip(rows[prov], s.to_numpy()[prov], strict=True):
        problems.add(raw.file, "is a province code; expected the kab/kota code 'PP.KK' (e.g. "
                     "'17.02' for Kab. Rejang Lebong)", row=int(row), column=col, value=value)
    out = out.where(~prov, "")
    if code_scheme == "bps":
        cw = bps_crosswalk()
        lookup = dict(zip(cw["kode_bps"], cw["kode"], strict=True))
        digits = out.str.replace(".", "", regex=False)
        conv = digits.map(lookup)
        unknown = (conv.isna() & (out != "")).to_numpy()
        for row, value in zip(rows[unknown], s.to_numpy()[unknown], strict=True):
            problems.add(raw.file, "is not a BPS kab/kota code (code_scheme='bps', crosswalk "
                         "kode_bps_kemendagri.csv); expected a 4-digit BPS code such as '3173'",
                         row=int(row), column=col, value=value)
        changed = (conv.notna() & (conv != out)).to_numpy()
        if changed.any():
            i = int(np.flatnonzero(changed)[0])
            problems.add(raw.file, f"{int(changed.sum())} BPS code(s) converted to Kemendagri "
                         f"(e.g. {s.iloc[i]!r} -> {conv.iloc[i]!r} in row {int(rows[i])})",
                         column=col, severity="note")
        out = conv.fillna("").astype("str")
    else:
        undotted = ((out != "") & (s != out)).to_numpy()
        if undotted.any():
            i = int(np.flatnonzero(undotted)[0])
            problems.add(raw.file, f"{int(undotted.sum())} code(s) not written 'PP.KK' read as "
                         f"Kemendagri codes (e.g. {s.iloc[i]!r} -> {out.iloc[i]!r} in row "
                         f"{int(rows[i])}); if they are BPS codes pass code_scheme='bps'",
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
        "kode_rs": "a hospital code (kode_rs), unique per row", "nama": "the hospital name",
        "lat": "latitude in decimal degrees (e.g. -6.197)",
        "lon": "longitude in decimal degrees (e.g. 106.84)",
        "kode_wilayah": "the kab/kota code 'PP.KK' (e.g. '17.02')"})
    rows = df[ROW].to_numpy()
    _check_unique_codes(raw, problems, "kode_rs")
    lat = _parse_float(raw, problems, "lat", expected="latitude in decimal degrees (e.g. -6.197)")
    lon = _parse_float(raw, problems, "lon", expected="longitude in decimal degrees (e.g. 106.84)")
    _check_coordinates(raw, problems, lat, lon)
    kode_wilayah = _parse_kode_wilayah(raw, problems, "kode_wilayah", code_scheme=code_scheme)
    kelas = _canonical(raw, problems, "kelas" if "kelas" in df else _ensure(df, "kelas"),
                      lambda v: v.upper() if v.upper() in KELAS else None,
                      expected=f"a hospital class, one of {list(KELAS)}", severity="warning")
    if "lokasi_presisi" in df:
        lokasi = _canonical(raw, problems, "lokasi_presisi",
                           lambda v: v.lower() if v.lower() in LOKASI_PRESISI else None,
                           expected=f"one of {list(LOKASI_PRESISI)}")
        empty = (df["lokasi_presisi"] == "").to_numpy()
        if empty.any():
            problems.add(raw.file, f"{int(empty.sum())} empty cell(s) read as 'sumber' (the point "
                         f"is the hospital's own position; first in row {int(rows[empty][0])})",
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
        problems.add(raw.file, "is not an RS Online code; expected 7 digits as text (e.g. "
                     "'3173014'; keep leading zeros, format the column as text)", row=int(row),
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
    out["tempat_tidur"] = (_parse_int(raw, problems, "tempat_tidur", minimum=0,
                                     expected="the number of beds (a whole number >= 0)")
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
                problems.add(raw.file, f"is not a known layanan; expected ';'-separated codes from "
                             f"{sorted(config.layanan)}", row=int(row), column=col, value=p)
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
            msg = f"appears in rows {_rows_text(rows)}; {col} must be unique (one row per hospital)"
        else:
            msg = (f"appears in rows {_rows_text(rows)} as {_quoted(values)}: codes that differ "
                   f"only in upper/lower case name the same hospital; {col} must be unique")
        problems.add(raw.file, msg, row=rows[1], column=col, value=grp["value"].iloc[0])


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
    lat_range = f"{b['lat_min']}..{b['lat_max']}"
    lon_range = f"{b['lon_min']}..{b['lon_max']}"
    for i in np.flatnonzero(zero):
        problems.add(raw.file, "lat and lon are both 0 (a point in the Gulf of Guinea): a missing "
                     "position exported as zero? expected the hospital's latitude and longitude in "
                     "decimal degrees", row=int(rows[i]), column="lat", value="0")
    for i in np.flatnonzero(~np.isnan(la) & ~lat_in & ~zero):
        hint = " (are lat and lon swapped?)" if swapped[i] else (
            " (projected metres? expected degrees)" if abs(la[i]) > 90 and not swapped[i] else "")
        problems.add(raw.file, f"is outside {lat_range}; expected latitude in decimal degrees"
                     f"{hint}", row=int(rows[i]), column="lat", value=raw.data["lat"].iloc[i])
    for i in np.flatnonzero(~np.isnan(lo) & ~lon_in & ~zero):
        if swapped[i]:
            hint = " (are lat and lon swapped?)"
        elif -b["lon_max"] <= lo[i] <= -b["lon_min"]:
            hint = " (negative sign? Indonesia lies east of Greenwich)"
        elif abs(lo[i]) > 180:
            hint = " (projected metres? expected degrees)"
        else:
            hint = ""
        problems.add(raw.file, f"is outside {lon_range}; expected longitude in decimal degrees east"
                     f"{hint}", row=int(rows[i]), column="lon", value=raw.data["lon"].iloc[i])


def _parse_layanan(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed layanan table (kode_rs, layanan, strata, status, tahun, sumber, contoh)."""
    _check_columns(raw, problems, "layanan")
    df = raw.data
    present = [c for c in REQUIRED["layanan"] if c in raw.columns]
    _check_required_values(raw, problems, present, {
        "kode_rs": "the kode_rs of a hospital in rumah_sakit.csv",
        "layanan": f"a layanan, one of {sorted(config.layanan)}",
        "strata": f"a strata, one of {list(config.strata_order)}"})
    out = df.drop(columns=[ROW]).copy()
    out["layanan"] = _canonical(raw, problems, "layanan", config.normalise_layanan,
                               expected=_layanan_expected(config))
    out["strata"] = _canonical(raw, problems, "strata", config.normalise_strata,
                              expected=_strata_expected(config))
    out["status"] = _status(raw, problems)
    out["tahun"] = (_parse_int(raw, problems, "tahun", minimum=_YEAR_RANGE[0],
                              maximum=_YEAR_RANGE[1], expected="a year such as 2025")
                    if "tahun" in df else pd.Series(pd.NA, index=df.index, dtype="Int64"))
    out["sumber"] = _text(raw, "sumber")
    out["bukti"] = _bukti(raw, problems)
    out["contoh"] = _contoh(raw, problems)
    out[ROW] = df[ROW]
    front = ["kode_rs", "layanan", "strata", "status", "tahun", "sumber", "bukti", "contoh"]
    return out[[*front, *[c for c in out.columns if c not in front]]]


def _layanan_expected(config: Config) -> str:
    aliases = ", ".join(f"{a!r}->{c}" for a, c in sorted(config.layanan_aliases.items()))
    return f"one of {sorted(config.layanan)} (aliases accepted: {aliases})"


def _strata_expected(config: Config) -> str:
    aliases = ", ".join(f"{a!r}->{c}" for a, c in sorted(config.strata_aliases.items()))
    return f"one of {list(config.strata_order)} (aliases accepted: {aliases})"


def _status(raw: _RawTable, problems: _Problems) -> pd.Series:
    df = raw.data
    if "status" not in df:
        if len(df):
            problems.add(raw.file, "no column 'status': every row read as 'ada' (current strata)",
                         row=raw.header_row, severity="note")
        return pd.Series("ada", index=df.index, dtype="str")
    s = _canonical(raw, problems, "status",
                  lambda v: v.lower() if v.lower() in STATUS_VALUES else None,
                  expected=f"one of {list(STATUS_VALUES)} ('ada' = current, 'target' = planned)")
    empty = (df["status"] == "").to_numpy()
    if empty.any():
        problems.add(raw.file, f"{int(empty.sum())} empty cell(s) read as 'ada' (first in row "
                     f"{int(df[ROW].to_numpy()[empty][0])})", column="status", severity="note")
        s = s.where(~empty, "ada")
    return s


def _parse_jejaring(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed jejaring table (pengampu, diampu, layanan, mulai, sumber, jenis, contoh)."""
    _check_columns(raw, problems, "jejaring")
    df = raw.data
    present = [c for c in REQUIRED["jejaring"] if c in raw.columns]
    _check_required_values(raw, problems, present, {
        "pengampu": "the kode_rs of the mentoring hospital",
        "diampu": "the kode_rs of the mentored hospital",
        "layanan": f"a layanan, one of {sorted(config.layanan)}"})
    out = df.drop(columns=[ROW]).copy()
    out["layanan"] = _canonical(raw, problems, "layanan", config.normalise_layanan,
                               expected=_layanan_expected(config))
    out["mulai"] = (_parse_dates(raw, problems, "mulai") if "mulai" in df
                    else pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]"))
    out["sumber"] = _text(raw, "sumber")
    if "jenis" in df:
        jenis = _canonical(raw, problems, "jenis",
                          lambda v: v.lower() if v.lower() in JENIS_LINK else None,
                          expected=f"one of {list(JENIS_LINK)} ('sumber' = documented link, "
                          "'usulan' = proposed)")
        jenis = jenis.where(df["jenis"] != "", "sumber")
    else:
        jenis = pd.Series("sumber", index=df.index, dtype="str")
    out["jenis"] = jenis
    out["bukti"] = _bukti(raw, problems)
    out["contoh"] = _contoh(raw, problems)
    out[ROW] = df[ROW]
    front = ["pengampu", "diampu", "layanan", "mulai", "sumber", "jenis", "bukti", "contoh"]
    return out[[*front, *[c for c in out.columns if c not in front]]]


_BUKTI_EXPECTED = (f"an evidence grade, one of {list(BUKTI)} ('regulasi' = decree or regulation, "
                   "'dokumen' = signed MoU/PKS or official document, 'berita' = news report, "
                   "'inferensi' = derived by the analyst)")


def _bukti(raw: _RawTable, problems: _Problems) -> pd.Series:
    """Evidence grades; a missing column or empty cell is an empty grade (noted, included)."""
    df = raw.data
    if "bukti" not in df:
        if len(df):
            problems.add(raw.file, "no column 'bukti' (evidence grade): every row read with an "
                         "empty grade, which analyses always include", row=raw.header_row,
                         severity="note")
        return pd.Series("", index=df.index, dtype="str")
    s = _canonical(raw, problems, "bukti",
                  lambda v: v.strip().lower() if v.strip().lower() in BUKTI else None,
                  expected=_BUKTI_EXPECTED)
    empty = (df["bukti"] == "").to_numpy()
    if empty.any():
        problems.add(raw.file, f"{int(empty.sum())} empty cell(s): rows without an evidence "
                     f"grade, always included (first in row {int(df[ROW].to_numpy()[empty][0])})",
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
        "kode_rs": "the kode_rs of a hospital in rumah_sakit.csv",
        "fasilitas": f"a service name, one of {list(FASILITAS)}"})
    out = df.drop(columns=[ROW]).copy()
    aliases = ", ".join(f"{a!r}->{c}" for a, c in sorted(_FASILITAS_ALIASES.items()))
    out["fasilitas"] = _canonical(raw, problems, "fasilitas", _normalise_fasilitas,
                                 expected=f"one of {list(FASILITAS)} (aliases accepted: "
                                 f"{aliases})")
    out["tahun"] = (_parse_int(raw, problems, "tahun", minimum=_YEAR_RANGE[0],
                              maximum=_YEAR_RANGE[1], expected="a year such as 2020")
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
        "kode": "a Kemendagri code 'PP' (provinsi) or 'PP.KK' (kab/kota)",
        "nama": "the region name", "tingkat": f"one of {list(TINGKAT_VALUES)}"})
    out = df.drop(columns=[ROW]).copy()
    tingkat = _canonical(raw, problems, "tingkat",
                        lambda v: v.lower() if v.lower() in TINGKAT_VALUES
                        else _TINGKAT_ALIASES.get(v.lower()),
                        expected=f"one of {list(TINGKAT_VALUES)}")
    kode = df["kode"].map(normalise_region_code).fillna("").astype("str")
    bad = ((kode == "") & (df["kode"] != "")).to_numpy()
    for row, value in zip(rows[bad], df["kode"].to_numpy()[bad], strict=True):
        problems.add(raw.file, "is not a region code; expected a Kemendagri code 'PP' (provinsi) "
                     "or 'PP.KK' (kab/kota)", row=int(row), column="kode", value=value)
    mismatch = ((kode != "") & (tingkat != "") &
                ((tingkat == "provinsi") != (kode.str.len() == 2))).to_numpy()
    for i in np.flatnonzero(mismatch):
        want = "'PP' (2 digits)" if tingkat.iloc[i] == "provinsi" else "'PP.KK'"
        problems.add(raw.file, f"does not fit tingkat {tingkat.iloc[i]!r}; expected a code {want}",
                     row=int(rows[i]), column="kode", value=df["kode"].iloc[i])
    changed = ((kode != "") & (kode != df["kode"])).to_numpy()
    if changed.any():
        k = int(np.flatnonzero(changed)[0])
        problems.add(raw.file, f"{int(changed.sum())} code(s) not written 'PP.KK' read as "
                     f"Kemendagri codes (e.g. {df['kode'].iloc[k]!r} -> {kode.iloc[k]!r} in row "
                     f"{int(rows[k])})",
                     column="kode", severity="note")
    dup = (kode.duplicated(keep=False) & (kode != "")).to_numpy()
    if dup.any():
        sub = pd.DataFrame({"kode": kode[dup], "row": df[ROW][dup]})
        for k, grp in sub.groupby("kode", sort=False):
            r = grp["row"].tolist()
            problems.add(raw.file, f"appears in rows {_rows_text(r)}; kode must be unique",
                         row=r[1], column="kode", value=k)
    induk = _optional(df, "kode_induk").map(normalise_region_code).fillna("").astype("str")
    bad_induk = ((induk == "") & (df["kode_induk"] != "")).to_numpy()
    for row, value in zip(rows[bad_induk], df["kode_induk"].to_numpy()[bad_induk], strict=True):
        problems.add(raw.file, "is not a province code; expected 'PP' (e.g. '17')", row=int(row),
                     column="kode_induk", value=value)
    is_kab = ((tingkat == "kabkota") & (kode.str.len() == 5)).to_numpy()
    derived = is_kab & (induk == "").to_numpy() & ~bad_induk
    if derived.any():
        problems.add(raw.file, f"{int(derived.sum())} empty kode_induk of kab/kota read from the "
                     f"code (first in row {int(rows[derived][0])})", column="kode_induk",
                     severity="note")
    induk = induk.where(~derived, kode.str.slice(0, 2))
    prov_codes = set(kode[(tingkat == "provinsi").to_numpy()])
    wrong = is_kab & (induk != "").to_numpy() & (induk != kode.str.slice(0, 2)).to_numpy()
    for i in np.flatnonzero(wrong):
        problems.add(raw.file, f"does not match the code {kode.iloc[i]!r}; expected "
                     f"{kode.iloc[i][:2]!r}", row=int(rows[i]), column="kode_induk",
                     value=df["kode_induk"].iloc[i])
    unknown = is_kab & ~wrong & (induk != "").to_numpy() & ~induk.isin(prov_codes).to_numpy()
    for i in np.flatnonzero(unknown):
        problems.add(raw.file, "is not a province (tingkat 'provinsi') in this file; expected the "
                     "code of a province listed here", row=int(rows[i]), column="kode_induk",
                     value=induk.iloc[i])
    out["kode"] = kode
    out["tingkat"] = tingkat
    out["kode_induk"] = induk
    for col, expected in (("penduduk", "the population (persons, a whole number >= 0)"),
                          ("tahun_penduduk", "a year such as 2025")):
        if col in df:
            lo, hi = (0, None) if col == "penduduk" else _YEAR_RANGE
            out[col] = _parse_int(raw, problems, col, expected=expected, minimum=lo, maximum=hi,
                                 thousands=col == "penduduk")
        else:
            out[col] = pd.Series(pd.NA, index=df.index, dtype="Int64")
    if "pasien_hd" in df:
        out["pasien_hd"] = _parse_int(raw, problems, "pasien_hd", minimum=0, thousands=True,
                                     expected="the number of haemodialysis patients (>= 0)")
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
        problems.add(file, "is both pengampu and diampu: a hospital cannot mentor itself",
                     row=int(row), column="diampu", value=kode)
    key = ["pengampu", "diampu", "layanan", "jenis"]
    dup_mask = usable & links.duplicated(key, keep=False)
    drop: list[int] = []
    for (p, d, lay, _), grp in links[dup_mask].groupby(key, sort=False):
        rows = grp[ROW].tolist()
        problems.add(file, f"link {p} -> {d} ({lay}) appears in rows {_rows_text(rows)}; "
                     f"row(s) {_rows_text(rows[1:])} skipped", row=rows[1], column="pengampu",
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
            problems.add(file, f"links of layanan {layanan!r} form a cycle {path} (rows "
                         f"{_rows_text(rows)}); a hospital cannot be (indirectly) its own "
                         "pengampu: "
                         "remove or reverse one link", row=rows[0], column="pengampu",
                         value=cycle[0])
    if n > MAX_CYCLES_PER_LAYANAN:
        problems.add(file, f"{n - MAX_CYCLES_PER_LAYANAN} more cycle(s) of layanan {layanan!r} not "
                     "listed", column="pengampu")


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
              "problem": f"file not found at {p}"}],
            f"{p}: file not found; expected {({**FILES, **OPTIONAL_FILES})[table]} with the "
            "columns "
            f"{list(REQUIRED[table])}")
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
    from .validate import run_validation

    cfg = config or DEFAULT_CONFIG
    tables, report = run_validation(path, config=cfg, code_scheme=code_scheme)
    if tables is None or not report.ok:
        raise DataFileError(report.problems)
    if report.n_warnings:
        warnings.warn(f"{report.n_warnings} warning(s) in the data at {report.path}; see "
                      f"Dataset.report. First: {report.first_warning()}",
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
