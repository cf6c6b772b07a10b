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

The reading and the checks live in :mod:`pengampuan.io` (the folder is read by
:func:`pengampuan.io.load.run_validation`, the checks across files are in
:mod:`pengampuan.io.checks` and :mod:`pengampuan.io.points`, the report in
:mod:`pengampuan.io.report`); this module is the public entry point.
"""

from __future__ import annotations

from pathlib import Path

from .config import DEFAULT_CONFIG, Config
from .io.contract import CodeScheme
from .io.load import run_validation
from .io.report import ValidationReport

__all__ = ["ValidationReport", "validate"]


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
    >>> from pengampuan.config import LOKASI_PRESISI
    >>> sorted(rep.counts["lokasi_presisi"]) == sorted(LOKASI_PRESISI)
    True
    """
    _, report = run_validation(path, config=config or DEFAULT_CONFIG, code_scheme=code_scheme)
    return report
