"""Typed columns from text cells: numbers, whole numbers, yes/no, dates, known values, region codes.

Each parser takes a raw table's column, records a problem for every cell it
cannot read (with the row and the value) and a note for every spelling it
accepted (a decimal comma, a day-first date, a BPS code converted).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .._messages import msg
from .._textnorm import normalise_region_code
from .contract import CODE_SCHEMES, ROW
from .problems import _Problems
from .read import _RawTable

logger = logging.getLogger(__name__)


_TRUE = {"1", "true", "ya", "y", "yes", "benar", "t"}
_FALSE = {"0", "false", "tidak", "n", "no", "salah", "f", ""}
#: Excel's day zero for serial dates (1900 date system, with its 1900 leap-year bug).
_EXCEL_EPOCH = date(1899, 12, 30)
#: Serial numbers accepted as Excel dates: 1954-10-03 .. 2119-01-08.
_EXCEL_SERIAL_RANGE = (20000, 80000)


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
