"""Errors and warnings raised on purpose by pengampuan.

Callers catch :class:`PengampuanError` (or plain :class:`ValueError` /
:class:`OSError`, which the subclasses also derive from).
"""

from __future__ import annotations

from typing import Any


class PengampuanError(Exception):
    """Base of every error raised on purpose.

    Examples
    --------
    >>> import pengampuan as pg
    >>> try:
    ...     pg.load_dataset("/tidak/ada")
    ... except pg.PengampuanError as err:
    ...     print(type(err).__name__)
    DataFileMissingError
    """


class DataFileError(PengampuanError, ValueError):
    """One or more data files are invalid.

    ``problems`` is a :class:`pandas.DataFrame` with the columns
    ``file, row, column, value, problem, severity`` (one row per problem), and
    ``str(err)`` lists every one of them.

    Examples
    --------
    >>> err = DataFileError([{"file": "rumah_sakit.csv", "row": 3, "column": "lat",
    ...                       "value": "x", "problem": "is not a number", "severity": "error"}])
    >>> isinstance(err, ValueError), str(err).splitlines()[1]
    (True, "[error] rumah_sakit.csv, row 3, column 'lat': value 'x' is not a number")
    """

    def __init__(self, problems: Any, message: str | None = None) -> None:
        self.problems = problems
        if message is None:
            message = _format_problems(problems)
        super().__init__(message)


class DataFileMissingError(DataFileError, FileNotFoundError):
    """A required data file or folder does not exist."""


class RegionMatchError(PengampuanError, ValueError):
    """Region names or codes could not be matched to Kemendagri codes.

    Examples
    --------
    >>> issubclass(RegionMatchError, ValueError)
    True
    """


class NetworkError(PengampuanError, ValueError):
    """The pengampuan network is inconsistent (cycles, dangling kode_rs, ...).

    Examples
    --------
    >>> issubclass(NetworkError, ValueError)
    True
    """


class CRSError(PengampuanError, ValueError):
    """A layer has no CRS or one that cannot be used.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from pengampuan.geo import require_wgs84
    >>> try:
    ...     require_wgs84(gpd.GeoDataFrame(geometry=[]), name="batas")
    ... except CRSError as err:
    ...     print(err)
    batas has no CRS; if its coordinates are lon/lat degrees, call batas.set_crs('EPSG:4326') first
    """


class DownloadError(PengampuanError, OSError):
    """A download failed or the cache cannot serve a file.

    Examples
    --------
    >>> issubclass(DownloadError, OSError)
    True
    """


class PengampuanWarning(UserWarning):
    """Something the caller should look at and probably change.

    Examples
    --------
    >>> issubclass(PengampuanWarning, UserWarning)
    True
    """


def _format_problems(problems: Any) -> str:
    """Render a problems table (DataFrame or list of dicts) as readable lines."""
    try:
        records = problems.to_dict("records")
    except AttributeError:
        records = list(problems or [])
    if not records:
        return "no problems"
    n_err = sum(1 for r in records if r.get("severity", "error") == "error")
    head = f"{n_err} error(s), {len(records) - n_err} warning(s)/note(s) in the data:"
    return "\n".join([head, *(format_problem(r) for r in records)])


def format_problem(rec: dict[str, Any]) -> str:
    """One problem as ``file, row N, column 'c': value 'v' <problem>``.

    Examples
    --------
    >>> format_problem({"file": "rumah_sakit.csv", "row": 14, "column": "lat",
    ...                 "value": "106.84", "problem": "is outside -11.5..6.5",
    ...                 "severity": "error"})
    "[error] rumah_sakit.csv, row 14, column 'lat': value '106.84' is outside -11.5..6.5"
    """
    parts = [str(rec.get("file") or "?")]
    row = rec.get("row")
    if row is not None and row == row and str(row) != "<NA>":  # not NaN / NA
        parts.append(f"row {int(row)}")
    col = rec.get("column")
    if col is not None and col == col and col != "":
        parts.append(f"column {str(col)!r}")
    where = ", ".join(parts)
    value = rec.get("value")
    has_value = value is not None and value == value and str(value) != "<NA>"
    what = f"value {str(value)!r} " if has_value else ""
    sev = rec.get("severity", "error")
    return f"[{sev}] {where}: {what}{rec.get('problem', '')}"
