"""Reading the tables of the data contract: rumah_sakit, layanan, jejaring, wilayah, fasilitas.

The readers accept what spreadsheets export: ``;`` or tab separators, decimal
commas, a UTF-8 byte-order mark, Windows-1252/Latin-1 text, upper-case or
spaced column names, leading/trailing spaces, Excel dates and extra columns
(kept). Each tolerance is recorded as a problem of severity ``note``, so the
user can see what was assumed.

Every problem carries the file, the row as a spreadsheet shows it (header =
row 1), the column, the value and what was expected. The single-file readers
(:func:`read_rumah_sakit`, ...) raise :class:`~pengampuan.errors.DataFileError`
listing every error of that file at once; :func:`load_dataset` reads the four
files, runs the checks across them (see :mod:`pengampuan.io.checks`) and raises
when any error is found anywhere.

The modules, lowest first (each imports only those before it):
:mod:`~pengampuan.io.contract` (file names and columns of the data contract),
:mod:`~pengampuan.io.problems` (the problems collector),
:mod:`~pengampuan.io.names` (near-miss file names in a folder),
:mod:`~pengampuan.io.read` (one CSV file as text: bytes to records),
:mod:`~pengampuan.io.values` (typed columns from text cells),
:mod:`~pengampuan.io.tables` (the five table parsers and the checks within one file),
:mod:`~pengampuan.io.checks` (checks across the files),
:mod:`~pengampuan.io.points` (hospital points against the polygon of their kab/kota),
:mod:`~pengampuan.io.report` (the :class:`~pengampuan.io.report.ValidationReport`),
:mod:`~pengampuan.io.load` (reading a folder: :func:`load_dataset`, the ``read_*``
functions, and :func:`~pengampuan.io.load.run_validation` behind
:func:`pengampuan.validate`).
"""

from __future__ import annotations

from .contract import (
    CODE_SCHEMES,
    FILES,
    OPTIONAL,
    OPTIONAL_FILES,
    PROBLEM_COLUMNS,
    REQUIRED,
    ROW,
    SEVERITIES,
    CodeScheme,
)
from .load import (
    load_dataset,
    read_fasilitas,
    read_jejaring,
    read_layanan,
    read_rumah_sakit,
    read_wilayah,
)
from .names import NearMiss, near_misses, other_data_files
from .read import HEADER_SEARCH_ROWS, MAX_RECORD_CHARS, MAX_RECORD_LINES
from .tables import JENIS_LINK, KELAS, MAX_CYCLES_PER_LAYANAN, STATUS_VALUES, TINGKAT_VALUES
from .values import bps_crosswalk

__all__ = [
    "CODE_SCHEMES", "FILES", "HEADER_SEARCH_ROWS", "JENIS_LINK", "KELAS", "MAX_CYCLES_PER_LAYANAN",
    "MAX_RECORD_CHARS", "MAX_RECORD_LINES", "OPTIONAL", "OPTIONAL_FILES", "PROBLEM_COLUMNS",
    "REQUIRED", "ROW", "SEVERITIES", "STATUS_VALUES", "TINGKAT_VALUES", "CodeScheme", "NearMiss",
    "bps_crosswalk", "load_dataset", "near_misses", "other_data_files", "read_fasilitas",
    "read_jejaring", "read_layanan", "read_rumah_sakit", "read_wilayah",
]
