"""Validation of a data folder: every problem of the four files, in one report.

:func:`validate` reads ``rumah_sakit.csv``, ``layanan.csv``, ``jejaring.csv``
and ``wilayah.csv`` with the readers of :mod:`pengampuan.io`, then checks the
files against each other (codes that must exist in another file, links that
form cycles, pengampu whose strata is not above the diampu's, ...). It
returns a :class:`ValidationReport` instead of raising, so one run shows
everything to fix. :func:`pengampuan.load_dataset` runs the same checks and
raises :class:`~pengampuan.errors.DataFileError` when any is an error.

No row is dropped because of an error (the data is then not loaded at all).
Only warning-level repeats are skipped -- a link or a layanan row identical to
an earlier row -- and every skipped row is counted in
``report.counts["dilewati"]`` and reported as a warning.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._messages import join_and, msg
from .config import BUKTI, DEFAULT_CONFIG, LOKASI_PRESISI, NON_KLINIS, Config
from .errors import MAX_PER_KIND, DataFileMissingError, format_problem, format_problems
from .io.contract import FILES, OPTIONAL_FILES, PROBLEM_COLUMNS, ROW, CodeScheme
from .io.names import NearMiss, near_misses, other_data_files
from .io.problems import _Problems, _rows_text
from .io.read import _RawTable, _read_raw
from .io.tables import (
    _check_links,
    _parse_fasilitas,
    _parse_jejaring,
    _parse_layanan,
    _parse_rumah_sakit,
    _parse_wilayah,
)
from .io.values import bps_crosswalk

logger = logging.getLogger(__name__)

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


# ---------------------------------------------------------------------------
def validate(path: str | Path | None = None, *, config: Config | None = None,
             code_scheme: CodeScheme = "kemendagri") -> ValidationReport:
    """Check a folder of the four CSV files and report every problem at once.

    Parameters
    ----------
    path : str or Path, optional
        Folder holding ``rumah_sakit.csv``, ``layanan.csv``, ``jejaring.csv``,
        ``wilayah.csv``. None: the bundled data.
    config : Config, optional
        Layanan, strata and their aliases.
    code_scheme : {'kemendagri', 'bps'}
        Scheme of ``rumah_sakit.kode_wilayah`` (see :func:`pengampuan.read_rumah_sakit`).

    Returns
    -------
    ValidationReport
        ``.ok`` is True when there is no error; ``str(report)`` lists every problem.

    Raises
    ------
    DataFileMissingError
        If the folder does not exist (a missing file inside it is a problem in the report).

    Examples
    --------
    >>> rep = validate()
    >>> rep.ok
    True
    >>> sorted(rep.counts["lokasi_presisi"]) == sorted(LOKASI_PRESISI)
    True
    """
    _, report = run_validation(path, config=config or DEFAULT_CONFIG, code_scheme=code_scheme)
    return report


def run_validation(path: str | Path | None, *, config: Config, code_scheme: str,
                   ) -> tuple[dict[str, pd.DataFrame] | None, ValidationReport]:
    """Read and check every table; the typed tables (with private row numbers) and the report.

    The tables are None when a required file could not be read at all.
    """
    folder = _resolve_folder(path)
    problems = _Problems()
    counts: dict[str, Any] = {}
    if not folder.is_dir():
        problems.add(folder.name, msg("folder_is_file", folder=folder,
                                      files=", ".join(FILES.values())))
        return None, _report(problems, counts, folder)
    raws: dict[str, _RawTable | None] = {}
    for table, fname in FILES.items():
        fpath = folder / fname
        if not fpath.exists():
            found = near_misses(folder, fname)
            if found:
                raws[table] = _read_near_miss(table, fname, folder, found, problems)
                continue
        if table in ("jejaring", "wilayah") and not fpath.exists():
            raws[table] = _fallback(table, fpath, problems, bundled=path is None)
            if table == "wilayah" and raws[table] is not None and path is not None:
                counts["wilayah_bundled"] = True
            continue
        raws[table] = _read_raw(fpath, problems, table=table, empty_ok=table == "jejaring")
    for table, fname in OPTIONAL_FILES.items():  # optional: absent = empty table
        if (folder / fname).exists():
            raws[table] = _read_raw(folder / fname, problems, table=table, empty_ok=True)
    tables: dict[str, pd.DataFrame] = {}
    for table, raw in raws.items():
        if raw is None:
            continue
        if table == "rumah_sakit":
            tables[table] = _parse_rumah_sakit(raw, problems, config=config,
                                               code_scheme=code_scheme)
        elif table == "layanan":
            tables[table] = _parse_layanan(raw, problems, config=config)
        elif table == "jejaring":
            tables[table] = _parse_jejaring(raw, problems, config=config)
        elif table == "fasilitas":
            tables[table] = _parse_fasilitas(raw, problems, config=config)
        else:
            tables[table] = _parse_wilayah(raw, problems, config=config)
    skipped: dict[str, int] = {t: 0 for t in [*FILES, *(t for t in OPTIONAL_FILES if t in raws)]}
    if "jejaring" in tables:
        tables["jejaring"], skipped["jejaring"] = _check_links(tables["jejaring"], problems)
    if "layanan" in tables:
        tables["layanan"], skipped["layanan"] = _check_layanan_rows(tables["layanan"], problems)
    if ("rumah_sakit" in tables and "wilayah" in tables and raws["rumah_sakit"] is not None
            and raws["wilayah"] is not None and "kode" in raws["wilayah"].columns
            and "kode_wilayah" in raws["rumah_sakit"].columns):
        _check_kode_wilayah(tables["rumah_sakit"], raws["rumah_sakit"], tables["wilayah"],
                            problems, code_scheme=code_scheme)
    if "rumah_sakit" in tables and raws["rumah_sakit"] is not None and {
            "lat", "lon", "kode_wilayah", "nama"} <= set(raws["rumah_sakit"].columns):
        counts["titik_diperiksa"] = _check_points_in_regions(
            tables["rumah_sakit"], problems, wilayah=tables.get("wilayah"))
        _check_same_hospital_twice(tables["rumah_sakit"], problems)
    rs_usable = ("rumah_sakit" in tables and raws["rumah_sakit"] is not None
                 and "kode_rs" in raws["rumah_sakit"].columns and len(tables["rumah_sakit"]) > 0)
    if "rumah_sakit" in tables and not rs_usable:
        problems.add(FILES["rumah_sakit"], msg("kode_rs_not_checked", file=FILES["rumah_sakit"]),
                     severity="note")
    if rs_usable:
        rs = tables["rumah_sakit"]
        unreadable = _unreadable_codes(raws["rumah_sakit"])
        if "layanan" in tables:
            _check_known(tables["layanan"], rs, problems, ["kode_rs"], FILES["layanan"],
                         unreadable=unreadable)
        if "jejaring" in tables:
            _check_known(tables["jejaring"], rs, problems, ["pengampu", "diampu"],
                         FILES["jejaring"], unreadable=unreadable)
            if "layanan" in tables:
                _check_strata_order(tables["jejaring"], tables["layanan"], rs, problems,
                                    config=config)
        if "fasilitas" in tables:
            _check_known(tables["fasilitas"], rs, problems, ["kode_rs"],
                         OPTIONAL_FILES["fasilitas"], unreadable=unreadable)
            tables["fasilitas"], skipped["fasilitas"] = _check_fasilitas_rows(
                tables["fasilitas"], problems)
        if "wilayah" in tables and "kode_wilayah_sk" in rs:
            _check_kode_wilayah_sk(rs, tables["wilayah"], problems)
    for table, df in tables.items():
        counts[table] = len(df)
    if "rumah_sakit" in tables:
        lp = tables["rumah_sakit"]["lokasi_presisi"].value_counts()
        counts["lokasi_presisi"] = {k: int(lp[k]) for k in (*LOKASI_PRESISI, *lp.index)
                                    if k in lp and k != ""}
    counts["bukti"] = {t: {g: int((df["bukti"] == g).sum()) for g in (*BUKTI, "")
                           if int((df["bukti"] == g).sum())}
                       for t, df in tables.items() if "bukti" in df}
    counts["dilewati"] = skipped
    counts["contoh"] = {t: int(df["contoh"].sum()) for t, df in tables.items() if "contoh" in df}
    report = _report(problems, counts, folder)
    complete = all(raws[t] is not None for t in FILES)
    return (tables if complete else None), report


def _resolve_folder(path: str | Path | None) -> Path:
    if path is None:
        from .datasets import bundled_data_dir

        try:
            return bundled_data_dir()
        except FileNotFoundError as err:
            raise DataFileMissingError(_missing_record("data", str(err)), str(err)) from err
    folder = Path(path).expanduser()
    if not folder.exists():
        text = msg("folder_not_found", folder=folder, files=", ".join(FILES.values()))
        raise DataFileMissingError(_missing_record(folder.name, text), text)
    return folder


def _missing_record(file: str, text: str) -> pd.DataFrame:
    return pd.DataFrame([{"file": file, "row": None, "column": None, "value": None,
                          "problem": text, "severity": "error"}], columns=list(PROBLEM_COLUMNS))


def _fallback(table: str, fpath: Path, problems: _Problems, *, bundled: bool) -> _RawTable | None:
    """jejaring.csv absent: no links; wilayah.csv absent: the bundled region list."""
    file = fpath.name
    others = other_data_files(fpath.parent, list(FILES.values()))
    holds = msg("name_other_files", found=others) if others else ""
    if table == "jejaring":
        problems.add(file, msg("no_jejaring_file", file=file, folder=fpath.parent, holds=holds),
                     severity="note")
        columns = ["pengampu", "diampu", "layanan", "mulai", "sumber"]
        data = pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
        data[ROW] = pd.Series([], dtype="int64")
        return _RawTable(file=file, path=fpath, data=data, columns=columns, header_row=1)
    from .io.values import _bundled_dir

    source = _bundled_dir() / file
    if bundled or not source.is_file():
        problems.add(file, msg("no_wilayah_file", path=fpath))
        return None
    problems.add(file, msg("wilayah_bundled_used", file=file, folder=fpath.parent, source=source,
                           holds=holds), severity="note")
    return _read_raw(source, problems, table=table)


def _read_near_miss(table: str, fname: str, folder: Path, found: list[NearMiss],
                    problems: _Problems) -> _RawTable | None:
    """A file named like ``fname`` but not quite: read it (warning) or say why not (error)."""
    text = [m for m in found if not m.spreadsheet]
    if len(text) == 1:
        m = text[0]
        problems.add(fname, msg("name_near_miss_read", expected=fname, folder=folder,
                                found=m.path.name, why=m.why), severity="warning")
        return _read_raw(m.path, problems, table=table, empty_ok=table == "jejaring",
                         file=fname)
    if len(text) > 1:
        problems.add(fname, msg("name_near_miss_several", expected=fname, folder=folder,
                                found=[m.path.name for m in text]))
        return None
    m = found[0]
    problems.add(fname, msg("name_near_miss_excel", expected=fname, folder=folder,
                            found=m.path.name, why=m.why))
    return None


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


# ---------------------------------------------------------------------------
# checks across rows and files
# ---------------------------------------------------------------------------
def _check_layanan_rows(lay: pd.DataFrame, problems: _Problems) -> tuple[pd.DataFrame, int]:
    """Rows repeating (kode_rs, layanan, status, tahun).

    Rows identical in every column are skipped (warning). Rows with the same
    strata but another ``sumber`` confirm each other (note, kept). Rows with
    different strata contradict each other (warning, kept: the highest is used).
    Rows with another ``tahun`` are separate facts (e.g. a target for 2024 and
    one for 2025) and are not repeats.
    """
    file = FILES["layanan"]
    ok = (lay["kode_rs"] != "") & (lay["layanan"] != "") & (lay["strata"] != "")
    key = ["kode_rs", "layanan", "status", "tahun"]
    content = [c for c in lay.columns if c != ROW]
    exact = ok & lay.duplicated(content, keep="first")
    drop = list(lay.index[exact])
    for idx in drop:
        first = lay[(lay[content] == lay.loc[idx, content]).all(axis=1)].iloc[0]
        problems.add(file, msg("repeats_row", row=int(first[ROW])),
                     row=int(lay.loc[idx, ROW]),
                     column="kode_rs", value=lay.loc[idx, "kode_rs"], severity="warning")
    rest = lay.drop(index=drop)
    keyed = rest.assign(tahun=rest["tahun"].astype("string").fillna(""))
    dup = keyed[ok.loc[rest.index] & keyed.duplicated(key, keep=False)]
    for (kode, layanan, status, tahun), grp in dup.groupby(key, sort=False):
        rows = grp[ROW].tolist()
        strata = list(dict.fromkeys(grp["strata"]))
        what = msg("layanan_row_what", kode=kode, layanan=layanan, status=status) + (
            f", tahun {tahun}" if tahun else "")
        if len(strata) == 1:
            problems.add(file, msg("layanan_same_strata", what=what, rows=_rows_text(rows)),
                         row=rows[1], column="kode_rs", value=kode, severity="note")
        else:
            problems.add(file, msg("layanan_other_strata", what=what, rows=_rows_text(rows),
                                   strata=", ".join(map(repr, strata))), row=rows[1],
                         column="strata", value=grp["strata"].iloc[1], severity="warning")
    return rest, len(drop)


def _check_fasilitas_rows(fas: pd.DataFrame, problems: _Problems) -> tuple[pd.DataFrame, int]:
    """Exact repeats of a fasilitas row are skipped (warning); other repeats are kept."""
    file = OPTIONAL_FILES["fasilitas"]
    content = [c for c in fas.columns if c != ROW]
    exact = fas.duplicated(content, keep="first") & (fas["kode_rs"] != "")
    for idx in fas.index[exact]:
        problems.add(file, msg("repeats_earlier_row"), row=int(fas.loc[idx, ROW]),
                     column="kode_rs", value=fas.loc[idx, "kode_rs"], severity="warning")
    return fas[~exact], int(exact.sum())


def _check_kode_wilayah_sk(rs: pd.DataFrame, wil: pd.DataFrame, problems: _Problems) -> None:
    """kode_wilayah_sk, when given, must be a kab/kota of the region list."""
    file = FILES["rumah_sakit"]
    kab = set(wil.loc[wil["kode"].str.len() == 5, "kode"])
    sk = rs["kode_wilayah_sk"]
    bad = ((sk != "") & ~sk.isin(kab)).to_numpy()
    for row, value in zip(rs[ROW].to_numpy()[bad], sk.to_numpy()[bad], strict=True):
        problems.add(file, msg("kode_sk_unknown", file=FILES["wilayah"]), row=int(row),
                     column="kode_wilayah_sk", value=value)


def _unreadable_codes(raw: _RawTable | None) -> dict[str, int]:
    """kode_rs (as far as it can be seen) of rumah_sakit rows that could not be read -> row."""
    if raw is None or "kode_rs" not in raw.columns:
        return {}
    i = raw.columns.index("kode_rs")
    return {cells[i].strip(): row for row, cells in raw.unreadable.items() if len(cells) > i}


def _check_known(df: pd.DataFrame, rs: pd.DataFrame, problems: _Problems, columns: list[str],
                 file: str, *, unreadable: Mapping[str, int]) -> None:
    """Every code in ``columns`` must be a kode_rs of rumah_sakit.csv (hint for case typos).

    A code whose rumah_sakit row could not be read gets a note pointing at that
    row (its error is reported there) instead of a second error.
    """
    known = set(rs["kode_rs"]) - {""}
    by_upper: dict[str, str] = {}
    for k in known:
        by_upper.setdefault(k.upper(), k)
    for col in columns:
        s = df[col]
        unknown = ((s != "") & ~s.isin(known)).to_numpy()
        for row, value in zip(df[ROW].to_numpy()[unknown], s.to_numpy()[unknown], strict=True):
            if value in unreadable:
                problems.add(file, msg("kode_rs_row_unreadable", row=unreadable[value],
                                       file=FILES["rumah_sakit"]),
                             row=int(row), column=col, value=value,
                             severity="note")
                continue
            alt = by_upper.get(str(value).upper())
            hint = (msg("hint_did_you_mean_code", alt=alt) if alt
                    else msg("hint_add_hospital"))
            problems.add(file, msg("kode_rs_unknown", file=FILES["rumah_sakit"], hint=hint),
                         row=int(row),
                         column=col, value=value)


def _check_strata_order(links: pd.DataFrame, lay: pd.DataFrame, rs: pd.DataFrame,
                        problems: _Problems, *, config: Config) -> None:
    """Check that a pengampu's strata for the layanan is above the diampu's.

    Each hospital's strata is its current one (status ``ada``) when it has
    one for that layanan, else its highest target. A pengampu below its
    diampu is a warning; the same strata is a warning when both are current,
    and a note when the diampu's is a target (mentoring towards a target the
    pengampu already has, e.g. a national hospital and a province hospital
    that aims at ``paripurna``). A pengampu without any strata for the
    layanan is a warning.
    """
    file = FILES["jejaring"]
    known = set(rs["kode_rs"])
    order = {s: i for i, s in enumerate(config.strata_order)}
    valid = lay[(lay["strata"] != "") & (lay["layanan"] != "")]
    ranks = valid.assign(rank=valid["strata"].map(order), ada=valid["status"] == "ada")
    top = (ranks.sort_values(["ada", "rank"])
           .groupby(["kode_rs", "layanan"], sort=False).tail(1))
    best = {(k, lay): (strata, bool(ada)) for k, lay, strata, ada
            in zip(top["kode_rs"], top["layanan"], top["strata"], top["ada"], strict=True)}
    ok = (links["pengampu"].isin(known) & links["diampu"].isin(known) & (links["layanan"] != "")
          & (links["pengampu"] != links["diampu"]) & ~links["layanan"].isin(NON_KLINIS))
    sub = links[ok]
    for p, d, layanan, row in zip(sub["pengampu"], sub["diampu"], sub["layanan"], sub[ROW],
                                  strict=True):
        pk, dk = (p, layanan), (d, layanan)
        if pk not in best:
            problems.add(file, msg("pengampu_no_strata", p=p, layanan=layanan,
                                   file=FILES["layanan"]), row=int(row),
                         column="pengampu", value=p, severity="warning")
            continue
        if dk not in best:
            continue
        (ps, p_ada), (ds, d_ada) = best[pk], best[dk]
        if order[ps] > order[ds]:
            continue
        p_status = msg("status_current" if p_ada else "status_target")
        d_status = msg("status_current" if d_ada else "status_target")
        equal_towards_target = order[ps] == order[ds] and not d_ada
        problems.add(file, msg("pengampu_strata_same" if order[ps] == order[ds]
                               else "pengampu_strata_below",
                               p=p, ps=ps, p_status=p_status, layanan=layanan, d=d, ds=ds,
                               d_status=d_status, order=" < ".join(config.strata_order)),
                     row=int(row),
                     column="pengampu", value=p,
                     severity="note" if equal_towards_target else "warning")


#: Kemendagri province codes of Papua since the 2022 split.
_PAPUA = frozenset({"91", "92", "93", "94", "95", "96"})


@lru_cache(maxsize=1)
def _papua_2022() -> Mapping[str, str]:
    """Pre-2022 Kemendagri kab/kota codes in Papua -> current codes (from the BPS crosswalk)."""
    cw = bps_crosswalk()
    col = next((c for c in ("kode_kemendagri_2020_di_sumber", "kode_kemendagri_2020") if c in cw),
               None)
    if col is None:
        return {}
    old = cw[col].str.replace(".", "", regex=False).str.strip()
    old = old.str.slice(0, 2) + "." + old.str.slice(2, 4)
    papua = cw["kode"].str.slice(0, 2).isin(sorted(_PAPUA))
    sel = papua & (old != cw["kode"]) & (old.str.len() == 5)
    return dict(zip(old[sel], cw.loc[sel, "kode"], strict=True))


def _check_kode_wilayah(rs: pd.DataFrame, raw: _RawTable, wil: pd.DataFrame, problems: _Problems,
                        *, code_scheme: str) -> None:
    """Check that kode_wilayah is a kab/kota of the region list (hints: BPS, old Papua codes)."""
    file = FILES["rumah_sakit"]
    kab = wil[wil["kode"].str.len() == 5]  # 'PP.KK'; a bad tingkat is reported on its own
    names = dict(zip(kab["kode"], kab["nama"], strict=True))
    codes = rs["kode_wilayah"]
    given = raw.data["kode_wilayah"].reindex(rs.index)
    rows = rs[ROW].to_numpy()
    unknown = ((codes != "") & ~codes.isin(set(names))).to_numpy()
    cw = bps_crosswalk()
    bps = dict(zip(cw["kode_bps"], cw["kode"], strict=True))
    bps_names = (dict(zip(cw["kode_bps"], cw["nama_bps"], strict=True)) if "nama_bps" in cw
                 else {})
    papua = _papua_2022()
    for i in np.flatnonzero(unknown):
        code, value = codes.iloc[i], given.iloc[i]
        if code_scheme == "kemendagri" and value.isdigit() and len(value) == 4 and value in bps:
            new = bps[value]
            label = names.get(new) or bps_names.get(value, "")
            text = msg("bps_code_given", new=new, label=label)
            if code in papua:
                text += msg("or_pre2022_code", new=papua[code])
            elif code[:2] in _PAPUA:
                text += msg("or_pre2022_any")
        elif code in papua:
            new = papua[code]
            text = msg("papua_split_code", nama=names.get(new) or msg("this_kabkota"), new=new)
        elif code[:2] in _PAPUA:
            text = msg("papua_split_any", file=FILES["wilayah"])
        else:
            text = msg("kabkota_unknown", file=FILES["wilayah"], n=len(names))
        problems.add(file, text, row=int(rows[i]), column="kode_wilayah", value=value)
    if code_scheme != "kemendagri" or not len(cw):
        return
    # 4-digit codes read as Kemendagri that BPS uses for another kab/kota
    plain = (given.str.fullmatch(r"\d{4}").fillna(False).to_numpy(dtype=bool) & ~unknown)
    ambiguous: dict[str, list[int]] = {}
    for i in np.flatnonzero(plain):
        value = given.iloc[i]
        if value in bps and bps[value] != codes.iloc[i]:
            ambiguous.setdefault(value, []).append(int(rows[i]))
    for value, rws in ambiguous.items():
        code = f"{value[:2]}.{value[2:]}"
        problems.add(file, msg("kemendagri_or_bps", code=code, nama=names.get(code, ""),
                               rows=_rows_text(rws), bps=bps[value],
                               bps_nama=names.get(bps[value], "")),
                     row=rws[0], column="kode_wilayah",
                     value=value, severity="warning")


# ---------------------------------------------------------------------------
# hospital points against the polygon of their kab/kota
# ---------------------------------------------------------------------------
#: A point within this distance of the polygon of its kab/kota is accepted: the bundled
#: boundaries are generalised (~1.35 km) and coasts and small islands shift by a few km.
POINT_TOLERANCE_KM = 5.0
#: Beyond this distance a point in another province, or at sea, is an error; within it a
#: warning. A point in another kab/kota of the same province is a note up to this distance
#: (a hospital on the border, or one listed under the kab/kota that runs it) and a warning
#: beyond.
POINT_ERROR_KM = 25.0
#: Two rows whose names fold to the same text and whose points are this close are flagged as
#: one hospital under two codes.
DUPLICATE_POINT_KM = 0.2


@dataclass(frozen=True)
class _Polygons:
    kode: np.ndarray
    nama: dict[str, str]
    geoms: np.ndarray
    tree: Any
    index: dict[str, int]


@lru_cache(maxsize=1)
def _bundled_kabkota_polygons() -> _Polygons | None:
    """The bundled kab/kota polygons with an STRtree (None when they are not available)."""
    import pyogrio
    import shapely

    from .datasets import bundled_file

    try:
        gdf = pyogrio.read_dataframe(bundled_file("batas_kabkota.geojson"),
                                     columns=["kode", "nama"])
    except (FileNotFoundError, OSError):  # pragma: no cover - an incomplete installation
        logger.info("bundled kab/kota boundaries not found: points not checked against them")
        return None
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    kode = gdf["kode"].astype(str).to_numpy()
    return _Polygons(kode=kode, nama=dict(zip(kode, gdf["nama"].astype(str), strict=True)),
                     geoms=geoms, tree=shapely.STRtree(geoms),
                     index={k: i for i, k in enumerate(kode)})


def _label(poly: _Polygons, kode: str) -> str:
    return f"{kode} {poly.nama.get(kode, '')}".strip()


def _nearest_km(points: np.ndarray, polygons: np.ndarray) -> np.ndarray:
    """Great-circle km from each point to the nearest point of its polygon (0 inside)."""
    import shapely

    from .geo import great_circle_km

    if not len(points):
        return np.zeros(0)
    lines = shapely.shortest_line(points, polygons)
    start = shapely.get_coordinates(shapely.get_point(lines, 0))
    end = shapely.get_coordinates(shapely.get_point(lines, 1))
    return np.asarray(great_circle_km(start[:, 1], start[:, 0], end[:, 1], end[:, 0]))


def _polygon_of(poly: _Polygons, points: np.ndarray) -> np.ndarray:
    """Index of the polygon each point lies in (-1: none, e.g. at sea)."""
    out = np.full(len(points), -1, dtype=np.int64)
    if len(points):
        pi, gi = poly.tree.query(points, predicate="intersects")
        out[pi[::-1]] = gi[::-1]  # the first polygon found for each point
    return out


def _same_regions(poly: _Polygons, wilayah: pd.DataFrame | None,
                  problems: _Problems) -> set[str] | None:
    """Codes of ``wilayah`` that name the same kab/kota as the bundled boundaries.

    A data folder with its own region list may use a code for another region
    (a synthetic or an old list); its points are not checked against the
    bundled polygon of that code (a note says how many). None: every code.
    """
    from ._textnorm import region_key

    if wilayah is None or not {"kode", "nama"} <= set(wilayah.columns):
        return None
    kab = wilayah[wilayah["kode"].isin(poly.index.keys())]
    agree = {k for k, n in zip(kab["kode"], kab["nama"], strict=True)
             if region_key(n) == region_key(poly.nama.get(k, ""))}
    other = kab[~kab["kode"].isin(agree)]
    if len(other):
        k, n = other["kode"].iloc[0], other["nama"].iloc[0]
        problems.add(FILES["rumah_sakit"], msg("points_other_region_list", n=len(other),
                                               example=f"{k} {n!r}",
                                               bundled=poly.nama.get(k, "")), column="lat",
                     severity="note")
    return agree


def _check_points_in_regions(rs: pd.DataFrame, problems: _Problems, *,
                             wilayah: pd.DataFrame | None = None) -> int:
    """Check every hospital point against the bundled polygon of its ``kode_wilayah``.

    Vectorised: one STRtree query for all points, a great-circle distance to
    the own polygon for the points outside it, and one more query for the
    corrected points the hints try (latitude with the other sign). Codes that
    ``wilayah`` gives to another region than the bundled list are not checked.
    Returns the number of points checked.
    """
    import shapely

    poly = _bundled_kabkota_polygons()
    if poly is None or not len(rs):
        return 0
    file = FILES["rumah_sakit"]
    lat = pd.to_numeric(rs["lat"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(rs["lon"], errors="coerce").to_numpy(dtype=float)
    agree = _same_regions(poly, wilayah, problems)
    codes = rs["kode_wilayah"] if agree is None else rs["kode_wilayah"].where(
        rs["kode_wilayah"].isin(agree), "")
    own_idx = codes.map(poly.index).to_numpy(dtype=float)
    use = np.isfinite(lat) & np.isfinite(lon) & np.isfinite(own_idx)
    if not use.any():
        return 0
    rows = rs[ROW].to_numpy()[use]
    la, lo, own = lat[use], lon[use], own_idx[use].astype(np.int64)
    points = shapely.points(lo, la)
    pi, gi = poly.tree.query(points, predicate="intersects")
    inside = np.zeros(len(points), dtype=bool)
    inside[pi[gi == own[pi]]] = True
    out = np.flatnonzero(~inside)
    if not len(out):
        return int(use.sum())
    dist = _nearest_km(points[out], poly.geoms[own[out]])
    far = out[dist > POINT_TOLERANCE_KM]
    dist_far = dist[dist > POINT_TOLERANCE_KM]
    if not len(far):
        return int(use.sum())
    where = _polygon_of(poly, points[far])
    flipped = shapely.points(lo[far], -la[far])
    flip_ok = _nearest_km(flipped, poly.geoms[own[far]]) <= POINT_TOLERANCE_KM
    for k, i in enumerate(far):
        own_kode = poly.kode[own[i]]
        d = float(dist_far[k])
        at = where[k]
        value = f"{float(la[i])!r}, {float(lo[i])!r}"
        if flip_ok[k]:
            hint = msg("point_hint_lat_sign", lat=-la[i], own=_label(poly, own_kode))
        elif at >= 0:
            other = poly.kode[at]
            hint = msg("point_hint_other_region", other=_label(poly, other))
        else:
            hint = msg("point_hint_sea")
        if at >= 0:
            other = poly.kode[at]
            same_prov = other[:2] == own_kode[:2]
            text = msg("point_in_other_region", other=_label(poly, other), km=d,
                       own=_label(poly, own_kode), hint=hint)
            severity = ("note" if same_prov and d <= POINT_ERROR_KM else
                        "warning" if same_prov or d <= POINT_ERROR_KM else "error")
        else:
            text = msg("point_at_sea", km=d, own=_label(poly, own_kode), hint=hint)
            severity = "warning" if d <= POINT_ERROR_KM else "error"
        if flip_ok[k]:
            severity = "error"
        problems.add(file, text, row=int(rows[i]), column="lat", value=value, severity=severity)
    return int(use.sum())


def _check_same_hospital_twice(rs: pd.DataFrame, problems: _Problems) -> None:
    """Two rows with the same folded name and (nearly) the same point under two codes."""
    from ._textnorm import hospital_key
    from .geo import great_circle_km

    if len(rs) < 2:
        return
    # only rows that share a cell of ~1 km (or a neighbouring one) with another row can be
    # one hospital twice: fold the names of those alone
    lat_all = pd.to_numeric(rs["lat"], errors="coerce").to_numpy(dtype=float)
    lon_all = pd.to_numeric(rs["lon"], errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(lat_all) & np.isfinite(lon_all)
    cell_y = np.floor(np.where(ok, lat_all, 0) / 0.01).astype(np.int64)
    cell_x = np.floor(np.where(ok, lon_all, 0) / 0.01).astype(np.int64)
    crowded = np.zeros(len(rs), dtype=bool)
    for dy in (0, 1):  # 2x2 blocks of cells, shifted: two points 0.2 km apart share one
        for dx in (0, 1):
            block = pd.Series(((cell_y + dy) // 2) * 100_000 + (cell_x + dx) // 2)
            crowded |= block.duplicated(keep=False).to_numpy()
    crowded &= ok
    if crowded.sum() < 2:
        return
    names = rs["nama"].astype(str)[crowded]
    unique = pd.unique(names.to_numpy())
    folded = names.map(dict(zip(unique, map(hospital_key, unique), strict=True)))
    dup = folded.duplicated(keep=False).to_numpy()
    if not dup.any():
        return
    sub = rs[crowded][dup].assign(_key=folded[dup].to_numpy())
    lat = pd.to_numeric(sub["lat"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(sub["lon"], errors="coerce").to_numpy(dtype=float)
    sub = sub.assign(_lat=lat, _lon=lon)
    for k, grp in sub.groupby("_key", sort=False):
        if not k or len(grp) < 2:
            continue
        g_lat, g_lon = grp["_lat"].to_numpy(), grp["_lon"].to_numpy()
        d = great_circle_km(g_lat[:, None], g_lon[:, None], g_lat[None, :], g_lon[None, :])
        seen: set[int] = set()
        for a in range(len(grp)):
            for b in range(a + 1, len(grp)):
                if b in seen or not d[a, b] <= DUPLICATE_POINT_KM:
                    continue
                ka, kb = grp["kode_rs"].iloc[a], grp["kode_rs"].iloc[b]
                if ka == kb or not ka or not kb:
                    continue  # a repeated kode_rs is reported on its own
                seen.add(b)
                ra, rb = int(grp[ROW].iloc[a]), int(grp[ROW].iloc[b])
                problems.add(FILES["rumah_sakit"], msg(
                    "same_hospital_twice", rows=_rows_text([ra, rb]), nama=grp["nama"].iloc[a],
                    km=float(d[a, b]), codes=join_and([ka, kb])), row=rb, column="kode_rs",
                    value=kb, severity="warning")
