"""The collector of data problems (one row per problem) and how rows are listed in them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from .._messages import join_and
from ..errors import DataFileError
from .contract import PROBLEM_COLUMNS, SEVERITIES


class _Problems:
    """Collector of data problems (one row per problem, see :data:`PROBLEM_COLUMNS`).

    Kept as one list per column, with repeated texts shared, so that a file
    with a million wrong rows costs tens of bytes per problem, not a dict each.
    """

    def __init__(self) -> None:
        self._cols: dict[str, list[Any]] = {c: [] for c in PROBLEM_COLUMNS}
        self._texts: dict[str, str] = {}

    def add(self, file: str, problem: str, *, row: int | None = None, column: str | None = None,
            value: object = None, severity: str = "error") -> None:
        """Record one problem."""
        if severity not in SEVERITIES:  # pragma: no cover - programming error
            raise ValueError(f"severity={severity!r}; expected one of {SEVERITIES}")
        share = self._texts.setdefault
        cols = self._cols
        cols["file"].append(share(file, file))
        cols["row"].append(None if row is None else int(row))
        cols["column"].append(None if column is None else share(column, column))
        cols["value"].append(None if value is None else str(value))
        cols["problem"].append(share(problem, problem))
        cols["severity"].append(severity)

    @property
    def records(self) -> list[dict[str, Any]]:
        """The problems as a list of dicts (built on demand)."""
        names = list(PROBLEM_COLUMNS)
        return [dict(zip(names, values, strict=True))
                for values in zip(*(self._cols[c] for c in names), strict=True)]

    def __len__(self) -> int:
        return len(self._cols["severity"])

    @property
    def n_errors(self) -> int:
        """Number of problems of severity ``error``."""
        return self._cols["severity"].count("error")

    def frame(self) -> pd.DataFrame:
        """The problems as a DataFrame (``row`` as Int64, spreadsheet numbering)."""
        df = pd.DataFrame({c: pd.Series(self._cols[c], dtype=object) for c in PROBLEM_COLUMNS},
                          columns=list(PROBLEM_COLUMNS))
        df["row"] = pd.array(self._cols["row"], dtype="Int64")
        return df

    def raise_if_errors(self) -> None:
        """Raise :class:`DataFileError` listing every problem when any is an error."""
        if self.n_errors:
            raise DataFileError(self.frame())


def _rows_text(rows: Sequence[int]) -> str:
    """'2', '2 and 5', '2, 5 and 9'."""
    return join_and([str(int(x)) for x in rows])


def _quoted(values: Sequence[object]) -> str:
    return join_and([repr(str(x)) for x in values])
