"""How rows were matched to regions: :class:`MatchReport`, and what happens to the unmatched.

:func:`match_regions` (every level) and the boundary files of
:func:`load_regions` report here: one line per input row, fuzzy and recoded
matches listed in a warning, unmatched or ambiguous rows raised, warned
about or kept as ``on_unmatched`` says.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any, cast

import pandas as pd

from .._messages import MESSAGES, msg
from ..errors import PengampuanWarning, RegionMatchError


class MatchReport:
    """How each row was matched to a region: one line per input row.

    ``table`` columns: ``row`` (spreadsheet row, header = row 1; for geodata the
    feature number, first = 1), ``input_code``, ``input_name``, ``kode``,
    ``nama``, ``method`` (code / exact / alias / fuzzy / ambiguous /
    unmatched), ``score`` (fuzzy score 0-100, else NaN), ``candidates`` and
    ``note``. The report behaves like that DataFrame for ``[]``, ``len`` and
    ``.loc``.

    Examples
    --------
    >>> import pandas as pd
    >>> from pengampuan.regions import match_regions
    >>> _, rep = match_regions(pd.DataFrame({"nama": ["KAB. REJANG LEBONG", "Kota Atlantis"]}),
    ...                        on_unmatched="keep")
    >>> rep.summary().to_dict()
    {'exact': 1, 'unmatched': 1}
    >>> rep.ok
    False
    """

    def __init__(self, table: pd.DataFrame, *, unit: str = "row", source: str = "") -> None:
        self.table = table
        self.unit = unit
        self.source = source

    # DataFrame-like access -------------------------------------------------
    def __len__(self) -> int:
        return len(self.table)

    def __getitem__(self, key: Any) -> Any:
        return self.table[key]

    @property
    def loc(self) -> Any:
        """Label-based access to the report table."""
        return self.table.loc

    @property
    def columns(self) -> pd.Index:
        """Columns of the report table."""
        return self.table.columns

    def to_frame(self) -> pd.DataFrame:
        """The report as a (copied) DataFrame."""
        return cast(pd.DataFrame, self.table.copy())

    # -----------------------------------------------------------------------
    @property
    def problems(self) -> pd.DataFrame:
        """Rows that are ambiguous, unmatched or only fuzzily matched."""
        return cast(pd.DataFrame,
                    self.table[self.table["method"].isin(["ambiguous", "unmatched", "fuzzy"])])

    @property
    def ok(self) -> bool:
        """True when every row has a code."""
        return bool(self.table["kode"].notna().all())

    def summary(self) -> pd.Series:
        """Number of rows per method."""
        counts = self.table["method"].value_counts()
        order = [m for m in ("code", "exact", "alias", "fuzzy", "ambiguous", "unmatched")
                 if m in counts.index]
        out = counts.reindex(order).astype(int)
        out.index.name = "method"
        out.name = "rows"
        return out

    def describe_row(self, rec: Mapping[Any, Any]) -> str:
        """One report row as a readable line."""
        what = []
        if _present(rec.get("input_code")):
            what.append(msg("match_code", code=rec["input_code"]))
        if _present(rec.get("input_name")):
            what.append(msg("match_name", name=rec["input_name"]))
        head = f"{self.source + ', ' if self.source else ''}{self.unit_label(1)} {rec['row']}"
        body = " / ".join(what) or msg("match_no_code_name")
        method = rec["method"]
        if method == "ambiguous":
            tail = msg("match_ambiguous", candidates=rec["candidates"])
        elif method == "unmatched":
            tail = msg("match_none") + (msg("match_closest", candidates=rec["candidates"])
                                        if rec.get("candidates") else "")
        else:
            tail = f"-> {rec['kode']} {rec['nama']} ({msg('method_' + method)}"
            tail += msg("match_score", score=rec["score"]) if method == "fuzzy" else ")"
        note = f" [{rec['note']}]" if rec.get("note") else ""
        return f"{head}: {body} {tail}{note}"

    def unit_label(self, n: int = 2) -> str:
        """The unit ('row', 'feature') in ``settings.language``; plural unless ``n`` is 1."""
        key = f"unit_{self.unit}" + ("" if n == 1 else "s")
        return msg(key) if key in MESSAGES else self.unit + ("" if n == 1 else "s")

    def __str__(self) -> str:
        n = len(self.table)
        counts = ", ".join(f"{v} {msg('method_' + str(k))}" for k, v in self.summary().items())
        lines = [msg("match_head", n=n, unit=self.unit_label(), counts=counts)]
        lines += [self.describe_row(r) for r in self.problems.to_dict("records")]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<MatchReport {dict(self.summary())}>"

    def _repr_html_(self) -> str:
        return str(self.table.to_html())


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and \
        str(value).strip() not in ("", "<NA>", "nan", "None")


def _react(report: MatchReport, *, on_unmatched: str, stacklevel: int) -> None:
    t = report.table
    fuzzy = t[t["method"] == "fuzzy"]
    if len(fuzzy):
        lines = [report.describe_row(r) for r in fuzzy.head(20).to_dict("records")]
        warnings.warn(
            msg("match_fuzzy", n=len(fuzzy), total=len(t), unit=report.unit_label())
            + ":\n" + "\n".join(lines),
            PengampuanWarning, stacklevel=stacklevel,
        )
    # a code was given but matched nothing, and the name matched instead
    recoded = t[t["kode"].notna() & t["input_code"].map(_present).astype(bool)
                & (t["method"] != "code")]
    if len(recoded):
        papua = recoded["note"].str.contains("Papua", regex=False).any()
        lines = [report.describe_row(r) for r in recoded.head(10).to_dict("records")]
        warnings.warn(
            msg("match_recoded", n=len(recoded), total=len(t), unit=report.unit_label())
            + (msg("match_recoded_papua") if papua else "")
            + ":\n" + "\n".join(lines), PengampuanWarning, stacklevel=stacklevel,
        )
    bad = t[t["kode"].isna()]
    if not len(bad) or on_unmatched == "keep":
        return
    lines = [report.describe_row(r) for r in bad.head(30).to_dict("records")]
    more = "\n" + msg("match_more", n=len(bad) - 30) if len(bad) > 30 else ""
    n_amb = int((bad["method"] == "ambiguous").sum())
    text = (msg("match_unmatched", n=len(bad), total=len(t), unit=report.unit_label(),
                ambiguous=n_amb, unmatched=len(bad) - n_amb) + ":\n" + "\n".join(lines) + more)
    if on_unmatched == "raise":
        text += "\n" + msg("hint_on_unmatched")
        err = RegionMatchError(text)
        err.report = report  # type: ignore[attr-defined]
        raise err
    warnings.warn(text, PengampuanWarning, stacklevel=stacklevel)
