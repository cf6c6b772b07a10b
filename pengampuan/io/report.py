"""The validation report: every problem of a data folder, sorted, with counts and summaries."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._messages import msg
from ..errors import MAX_PER_KIND, format_problem, format_problems
from .contract import FILES, OPTIONAL_FILES
from .problems import _Problems

_SEVERITY_ORDER = {"error": 0, "warning": 1, "note": 2}
_FILE_ORDER = {name: i for i, name in enumerate([*FILES.values(), *OPTIONAL_FILES.values()])}


@dataclass(frozen=True, eq=False)
class ValidationReport:
    """Every problem found in a data folder.

    Attributes
    ----------
    problems : pandas.DataFrame
        One row per problem: ``file, row, column, value, problem, severity``
        (``severity`` in ``error``, ``warning``, ``note``; ``row`` numbered as a
        spreadsheet shows it, header = row 1). Errors first.
    counts : dict
        Rows per table, hospitals per ``lokasi_presisi``, rows skipped per table
        (``dilewati``), illustrative rows per table (``contoh``).
    path : Path or None
        The folder that was checked.

    Examples
    --------
    >>> from pengampuan.validate import validate
    >>> rep = validate()
    >>> rep.ok, rep.n_errors
    (True, 0)
    """

    problems: pd.DataFrame
    counts: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def ok(self) -> bool:
        """True when there is no problem of severity ``error``."""
        return self.n_errors == 0

    @property
    def n_errors(self) -> int:
        """Number of errors."""
        return int((self.problems["severity"] == "error").sum())

    @property
    def n_warnings(self) -> int:
        """Number of warnings."""
        return int((self.problems["severity"] == "warning").sum())

    @property
    def n_notes(self) -> int:
        """Number of notes (what was detected and accepted, e.g. a ';' separator)."""
        return int((self.problems["severity"] == "note").sum())

    @property
    def errors(self) -> pd.DataFrame:
        """The problems of severity ``error``."""
        return self.problems[self.problems["severity"] == "error"]

    def first_warning(self) -> str:
        """The first warning as one line ('' when there is none)."""
        w = self.problems[self.problems["severity"] == "warning"]
        return format_problem({str(k): v for k, v in w.iloc[0].items()}) if len(w) else ""

    def summary(self) -> str:
        """Rows per table and hospitals per lokasi_presisi, one line each."""
        c = self.counts
        lines = [", ".join(msg("summary_rows", table=t, n=c[t])
                           for t in [*FILES, *OPTIONAL_FILES] if t in c)]
        lp = c.get("lokasi_presisi") or {}
        if lp:
            lines.append("lokasi_presisi: " + ", ".join(f"{k} {v}" for k, v in lp.items()))
        for table, grades in (c.get("bukti") or {}).items():
            if grades:
                lines.append(f"bukti ({table}): " + ", ".join(
                    f"{g or msg('no_grade')} {n}" for g, n in grades.items()))
        skipped = {k: v for k, v in (c.get("dilewati") or {}).items() if v}
        if skipped:
            lines.append(msg("summary_skipped") + ", ".join(f"{k} {v}"
                                                            for k, v in skipped.items()))
        contoh = {k: v for k, v in (c.get("contoh") or {}).items() if v}
        if contoh:
            lines.append(msg("summary_contoh") + ", ".join(f"{k} {v}" for k, v in contoh.items()))
        if c.get("wilayah_bundled"):
            lines.append(msg("summary_wilayah_bundled"))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def headline(self) -> str:
        """'Validation of PATH: 1 error(s), 0 warning(s), 2 note(s)'."""
        where = msg("headline_where", path=self.path) if self.path else ""
        return msg("headline", where=where, errors=self.n_errors, warnings=self.n_warnings,
                   notes=self.n_notes)

    def problem_lines(self, max_per_kind: int | None = MAX_PER_KIND) -> list[str]:
        """One line per problem, at most ``max_per_kind`` of each kind (None or 0: all).

        A kind with more problems ends with a line saying how many more there are.
        """
        return format_problems(self.problems, max_per_kind=max_per_kind)

    def to_text(self, max_per_kind: int | None = MAX_PER_KIND) -> str:
        """The headline, the summary and the problems (at most ``max_per_kind`` of each kind).

        Examples
        --------
        >>> from pengampuan.validate import validate
        >>> print(validate().to_text().splitlines()[0])  # doctest: +ELLIPSIS
        Pemeriksaan ...: 0 kesalahan, ...
        """
        lines = [self.headline()]
        if self.counts:
            lines.append(self.summary())
        lines.extend(self.problem_lines(max_per_kind))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (f"<ValidationReport {'ok' if self.ok else 'INVALID'}: {self.n_errors} error(s), "
                f"{self.n_warnings} warning(s), {self.n_notes} note(s)>")

    def _repr_html_(self) -> str:
        status = msg("html_valid" if self.ok else "html_invalid")
        colour = "#1a7f37" if self.ok else "#cf222e"
        counts = msg("html_counts", errors=self.n_errors, warnings=self.n_warnings,
                     notes=self.n_notes)
        head = (f"<p><b style='color:{colour}'>{status}</b>: {html.escape(counts)}</p>"
                f"<pre>{html.escape(self.summary())}</pre>")
        if not len(self.problems):
            return head
        return head + self.problems.to_html(index=False, na_rep="", escape=True)


def _report(problems: _Problems, counts: dict[str, Any], folder: Path | None) -> ValidationReport:
    df = problems.frame()
    if len(df):
        key = pd.DataFrame({
            "s": df["severity"].map(_SEVERITY_ORDER),
            "f": df["file"].map(_FILE_ORDER).fillna(len(_FILE_ORDER)),
            "r": df["row"].fillna(0).astype("int64"),
        })
        order = np.lexsort((key["r"].to_numpy(), key["f"].to_numpy(), key["s"].to_numpy()))
        df = df.iloc[order].reset_index(drop=True)
    return ValidationReport(problems=df, counts=counts, path=folder)
