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
    (True, "[kesalahan] rumah_sakit.csv, baris 3, kolom 'lat': nilai 'x' is not a number")
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


class ConfigError(PengampuanError, ValueError):
    """A configuration file or value is invalid (unknown key, wrong type, bad value).

    The message names the file (or ``load_config(...)`` for keyword values), every
    key at fault and the type expected.

    Examples
    --------
    >>> from pengampuan.config import load_config
    >>> try:
    ...     load_config(road_speed_kmh="40 km/jam")
    ... except ConfigError as err:
    ...     print(err)  # doctest: +ELLIPSIS
    load_config(...): kunci 'road_speed_kmh' berisi teks '40 km/jam'; seharusnya angka ...
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


#: Problems of one kind listed before the rest of that kind are only counted.
MAX_PER_KIND = 20


def _format_problems(problems: Any) -> str:
    """Render a problems table (DataFrame or list of dicts) as readable lines, capped per kind."""
    import pandas as pd

    frame = problems if isinstance(problems, pd.DataFrame) else pd.DataFrame(list(problems or []))
    from ._messages import msg

    if not len(frame):
        return msg("no_problems")
    sev = frame["severity"] if "severity" in frame else pd.Series("error", index=frame.index)
    n_err = int((sev.fillna("error") == "error").sum())
    head = msg("problems_head", errors=n_err, others=len(frame) - n_err)
    return "\n".join([head, *format_problems(frame)])


def problem_kinds(problems: Any) -> Any:
    """A key per problem that is equal for problems of the same kind (a pandas Series).

    Problems of one kind share the severity, the file, the column and the text
    of the problem with its numbers masked ("appears in rows 3 and 7" and
    "appears in rows 4 and 9" are one kind).
    """
    import pandas as pd

    def col(name: str) -> pd.Series:
        if name in problems:
            return problems[name].astype(object).where(problems[name].notna(), "").astype(str)
        return pd.Series("", index=problems.index)

    return (col("severity") + "\x1f" + col("file") + "\x1f" + col("column") + "\x1f"
            + col("problem").str.replace(r"\d+", "#", regex=True))


def format_problems(problems: Any, *, max_per_kind: int | None = MAX_PER_KIND,
                    lang: str | None = None) -> list[str]:
    """One line per problem (:func:`format_problem`), at most ``max_per_kind`` of each kind.

    After the lines shown of a kind that has more, one line says how many more
    there are (``... and 999,980 more like the line above``). ``None`` or 0 lists
    every problem. The words follow ``lang`` (default ``settings.language``).

    Examples
    --------
    >>> rows = [{"file": "rs.csv", "row": r, "column": "lat", "value": "x",
    ...          "problem": "is not a number", "severity": "error"} for r in range(2, 6)]
    >>> print(chr(10).join(format_problems(rows, max_per_kind=2, lang="en")))
    [error] rs.csv, row 2, column 'lat': value 'x' is not a number
    [error] rs.csv, row 3, column 'lat': value 'x' is not a number
    [error] rs.csv, column 'lat': ... and 2 more like the line above (is not a number)
    """
    import pandas as pd

    from ._messages import msg

    frame = problems if isinstance(problems, pd.DataFrame) else pd.DataFrame(list(problems or []))
    if not len(frame):
        return []
    records = frame.to_dict("records") if not max_per_kind or len(frame) <= max_per_kind \
        else None
    if records is not None:
        return [format_problem({str(k): v for k, v in r.items()}, lang) for r in records]
    kinds = problem_kinds(frame).to_numpy()
    rank = pd.Series(kinds).groupby(kinds, sort=False).cumcount().to_numpy()
    total = pd.Series(kinds).map(pd.Series(kinds).value_counts()).to_numpy()
    keep = rank < max_per_kind
    last_shown = rank == max_per_kind - 1
    lines: list[str] = []
    sub = frame[keep]
    for rec, is_last, n in zip(sub.to_dict("records"), last_shown[keep], total[keep],
                               strict=True):
        rec = {str(k): v for k, v in rec.items()}
        lines.append(format_problem(rec, lang))
        if is_last and n > max_per_kind:
            more = {"file": rec.get("file"), "column": rec.get("column"),
                    "severity": rec.get("severity", "error"),
                    "problem": msg("more_like_above", lang, n=n - max_per_kind,
                                   problem=_short_problem(str(rec.get("problem", ""))))}
            lines.append(format_problem(more, lang))
    return lines


def _short_problem(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def format_problem(rec: dict[str, Any], lang: str | None = None) -> str:
    """One problem as ``file, row N, column 'c': value 'v' <problem>``.

    In the language of ``settings.language`` unless ``lang`` is given
    (``[kesalahan] file, baris N, kolom 'c': nilai 'v' ...`` in Bahasa
    Indonesia); the ``problem`` text itself was written when the problem was
    found.

    Examples
    --------
    >>> format_problem({"file": "rumah_sakit.csv", "row": 14, "column": "lat",
    ...                 "value": "106.84", "problem": "is outside -11.5..6.5",
    ...                 "severity": "error"})
    "[kesalahan] rumah_sakit.csv, baris 14, kolom 'lat': nilai '106.84' is outside -11.5..6.5"
    >>> format_problem({"file": "rumah_sakit.csv", "row": 14, "column": "lat",
    ...                 "value": "106.84", "problem": "is outside -11.5..6.5",
    ...                 "severity": "warning"}, lang="en")
    "[warning] rumah_sakit.csv, row 14, column 'lat': value '106.84' is outside -11.5..6.5"
    """
    from ._messages import msg, severity_label

    parts = [str(rec.get("file") or "?")]
    row = rec.get("row")
    if row is not None and row == row and str(row) != "<NA>":  # not NaN / NA
        parts.append(msg("where_row", lang, row=int(row)))
    col = rec.get("column")
    if col is not None and col == col and col != "":
        parts.append(msg("where_column", lang, column=str(col)))
    where = ", ".join(parts)
    value = rec.get("value")
    has_value = value is not None and value == value and str(value) != "<NA>"
    what = msg("where_value", lang, value=str(value)) if has_value else ""
    sev = rec.get("severity", "error")
    return f"[{severity_label(sev, lang)}] {where}: {what}{rec.get('problem', '')}"
