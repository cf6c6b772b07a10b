"""Excel workbooks for the office: ``ringkasan.xlsx`` and :func:`to_excel`.

Written with openpyxl, which the project also uses to read workbooks back (it
is pandas' default Excel engine, so ``pd.read_excel`` works without another
dependency); the tables are small (hundreds of rows), where its speed is ample.

Every sheet follows one layout: a header row with labels in Bahasa Indonesia
(English with ``lang="en"``, from :mod:`pengampuan.export.glossary`), frozen with the
code and name columns, a filter on every column, widths fitted to the content.
Codes are text cells (``17.71`` stays ``17.71``, ``01`` keeps its zero),
numbers are numbers with a display format (thousands for ``penduduk``, percent
for shares, one decimal for km), missing values are empty cells. A last sheet
explains each column.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._messages import current_lang
from ..config import Config
from ._atomic import write_atomic
from .glossary import (
    TABLE_COLUMNS,
    column_info,
    column_label,
    tidy,
    unique_name,
    without_geometry,
)
from .tables import ReportTables, report_tables

if TYPE_CHECKING:  # pragma: no cover
    from ..dataset import Dataset

logger = logging.getLogger(__name__)

__all__ = ["to_excel", "SHEET_NAMES", "NUMBER_FORMATS"]

#: Sheet names of the report workbook (Excel allows 31 characters and no '/').
SHEET_NAMES: dict[str, tuple[str, str]] = {
    "ringkasan": ("Ringkasan", "Summary"),
    "wilayah": ("Kab-kota", "Districts"),
    "kecamatan": ("Kecamatan", "Subdistricts"),
    "rumah_sakit": ("Rumah sakit", "Hospitals"),
    "jejaring": ("Jejaring", "Links"),
    "grid": ("Grid H3", "H3 grid"),
    "sumber": ("Sumber dan lisensi", "Sources and licences"),
    "kolom": ("Keterangan kolom", "Column glossary"),
}

#: Excel number format per kind of column (format codes are locale-neutral: Excel shows
#: 284.973.643 and 99,4% with Indonesian settings).
NUMBER_FORMATS: dict[str, str] = {
    "int": "#,##0",
    "km": "#,##0.0",
    "min": "#,##0",
    "share": "0.0%",
    "coord": "0.000000",
    "float": "#,##0.0###",
    "code": "@",
    "text": "@",
    "date": "@",
}

_TEXT = {
    "id": {"source": "Sumber", "licence": "Lisensi", "rows": "Jumlah baris",
           "column": "Kolom", "label": "Judul", "kind": "Jenis", "decimals": "Desimal",
           "made_with": "Dibuat dengan pengampuan {version}; strata: {status}.",
           "status_target": "target (yang direncanakan, KMK HK.01.07/MENKES/1277/2024)",
           "status_ada": "yang sudah ada",
           "contoh": "DATA CONTOH: sebagian data bersifat ilustratif, bukan data resmi."},
    "en": {"source": "Source", "licence": "Licence", "rows": "Rows",
           "column": "Column", "label": "Header", "kind": "Kind", "decimals": "Decimals",
           "made_with": "Made with pengampuan {version}; strata: {status}.",
           "status_target": "targets (planned, KMK HK.01.07/MENKES/1277/2024)",
           "status_ada": "current (ada)",
           "contoh": "ILLUSTRATIVE DATA: some rows are examples, not official data."},
}


def to_excel(path: str | os.PathLike[str],
             sheets: pd.DataFrame | Mapping[str, pd.DataFrame] | None = None, *,
             tables: ReportTables | None = None, ds: Dataset | None = None,
             regions: Any = None, layanan: str | list[str] | None = None,
             status: str = "target", provinsi: str | int | None = None,
             lang: str | None = None, config: Config | None = None,
             glossary: bool = True) -> Path:
    """
    Write tables to an Excel workbook (``.xlsx``) formatted for the office.

    With ``sheets``, each table becomes a sheet named by its key. Without it,
    the report's workbook is written: sheets for the summary of targets
    (Ringkasan), the kab/kota with access per layanan (Kab-kota), the hospitals
    (Rumah sakit), the links (Jejaring) and the sources and licences, computed
    from ``ds`` and ``regions`` as :func:`pengampuan.write_report` does (or
    taken from ``tables``).

    Parameters
    ----------
    path : str or PathLike
        Output ``.xlsx`` file (replaced if it exists; written atomically).
    sheets : DataFrame or mapping of name -> DataFrame, optional
        Tables to write; a GeoDataFrame loses its geometry (points keep
        ``lon``/``lat``).
    tables : ReportTables, optional
        Precomputed report tables (:func:`pengampuan.export.tables.report_tables`).
    ds, regions, layanan, status, provinsi
        What to compute when neither ``sheets`` nor ``tables`` is given (see
        :func:`pengampuan.export.tables.report_tables`).
    lang : {"id", "en"}, optional
        Language of sheet names and headers (default ``settings.language``).
    config : Config, optional
        For the layanan labels (default: that of ``ds``).
    glossary : bool
        Add a last sheet explaining every column.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> df = pd.DataFrame({"kode": ["17.71"], "penduduk": [390000.0],
    ...                    "share_penduduk": [0.9941634241245136]})
    >>> p = to_excel(pathlib.Path(tempfile.mkdtemp()) / "r.xlsx", {"ringkasan": df})
    >>> ws = openpyxl.load_workbook(p)["ringkasan"]
    >>> [c.value for c in ws[1]], [c.value for c in ws[2]]
    (['Kode wilayah', 'Penduduk', 'Porsi penduduk di kab/kota yang mencapai target'], \
['17.71', 390000, 0.9942])
    >>> ws["C2"].number_format, ws.freeze_panes, ws.auto_filter.ref
    ('0.0%', 'B2', 'A1:C2')
    """
    from openpyxl import Workbook

    lang = current_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"{path}: an Excel workbook's name ends in .xlsx")
    notes: list[str] = []
    contexts: dict[str, str] = {}  # sheet -> table whose own labels apply (glossary.TABLE_COLUMNS)
    source_rows: list[dict[str, Any]] | None = None
    if sheets is None:
        if tables is None:
            tables = report_tables(ds, regions, layanan=layanan, status=status,
                                   provinsi=provinsi)
        config = config or tables.ds.config
        idx = 1 if lang == "en" else 0
        frames: dict[str, pd.DataFrame] = {
            SHEET_NAMES["ringkasan"][idx]: tables.summary_table(lang),
            SHEET_NAMES["wilayah"][idx]: tables.wilayah,
        }
        for key, frame in tables.extra.items():
            name = SHEET_NAMES.get(key, (key, key))[idx]
            frames[name] = frame
        frames[SHEET_NAMES["rumah_sakit"][idx]] = tables.rumah_sakit
        frames[SHEET_NAMES["jejaring"][idx]] = tables.jejaring
        contexts[SHEET_NAMES["jejaring"][idx]] = "jejaring"
        source_rows = _sources_rows(tables.ds, lang)
        from .. import __version__

        tx = _TEXT[lang]
        notes.append(tx["made_with"].format(version=__version__,
                                            status=tx[f"status_{tables.status}"]))
        notes.append(tables.travel_description(lang))
        if tables.ds.has_contoh:
            notes.append(tx["contoh"])
    elif isinstance(sheets, pd.DataFrame):
        frames = {path.stem: sheets}
    else:
        frames = dict(sheets)
    if not frames:
        raise ValueError(f"{path}: nothing to write (no sheets given)")

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    columns_seen: list[tuple[str, str | None, str]] = []  # (column, table, sheet)
    for name, frame in frames.items():
        title = _sheet_title(str(name), used)
        context = contexts.get(str(name))
        if context is None and isinstance(sheets, Mapping) and str(name) in TABLE_COLUMNS:
            context = str(name)  # to_excel({"jejaring": links}): that table's labels
        table = tidy(without_geometry(frame), config=config)
        _write_sheet(wb.create_sheet(title), table, lang=lang, config=config, context=context)
        seen = {(c, t) for c, t, _ in columns_seen}
        for c in map(str, table.columns):
            own = context if c in TABLE_COLUMNS.get(context or "", {}) else None
            if (c, own) not in seen:
                columns_seen.append((c, own, title))
    idx = 1 if lang == "en" else 0
    if source_rows is not None:
        tx = _TEXT[lang]
        src = pd.DataFrame(source_rows, columns=["sumber", "lisensi", "n_baris"])
        src.columns = [tx["source"], tx["licence"], tx["rows"]]
        ws = wb.create_sheet(_sheet_title(SHEET_NAMES["sumber"][idx], used))
        _write_sheet(ws, src, lang=lang, config=config, labels=False)
        for i, note in enumerate(notes):
            ws.cell(row=len(src) + 3 + i, column=1, value=note)
    if glossary:
        tx = _TEXT[lang]
        rows = []
        for col, context, title in columns_seen:
            info = column_info(col, config=config, table=context)
            if info is None:
                continue
            rows.append({tx["column"]: col if context is None else f"{col} ({title})",
                         tx["label"]: info.label(lang), tx["kind"]: info.kind})
        ws = wb.create_sheet(_sheet_title(SHEET_NAMES["kolom"][idx], used))
        _write_sheet(ws, pd.DataFrame(rows, columns=[tx["column"], tx["label"], tx["kind"]]),
                     lang=lang, config=config, labels=False)
    write_atomic(path, lambda tmp: wb.save(tmp))
    logger.info("Wrote %d sheets to %s", len(wb.sheetnames), path)
    return path


def _sources_rows(ds: Dataset, lang: str) -> list[dict[str, Any]]:
    """Sources and licences of the data: the bundled list, or the user's ``sumber`` values."""
    from ..maps import DATA_SOURCES

    rows: list[dict[str, Any]] = []
    if ds.meta.get("bundled"):
        for label_id, label_en, licence in DATA_SOURCES:
            rows.append({"sumber": label_en if lang == "en" else label_id, "lisensi": licence,
                         "n_baris": pd.NA})
        return rows
    for name, table in (("rumah_sakit", ds.rumah_sakit), ("layanan", ds.layanan),
                        ("jejaring", ds.jejaring), ("wilayah", ds.wilayah)):
        if "sumber" not in table:
            continue
        counts = table["sumber"].astype("string").str.strip().replace("", pd.NA).value_counts()
        for sumber, n in counts.items():
            rows.append({"sumber": f"{name}.csv: {sumber}", "lisensi": pd.NA, "n_baris": int(n)})
    return rows


def _sheet_title(name: str, used: set[str]) -> str:
    r"""A valid, unique sheet title (31 characters, none of []:*?/\)."""
    title = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip("'")[:31] or "Sheet"
    return unique_name(title, used, width=31, suffix=" ({i})", start=2)


def _write_sheet(ws: Any, table: pd.DataFrame, *, lang: str, config: Config | None,
                 labels: bool = True, context: str | None = None) -> None:
    """Header, values with formats, frozen header, filter and widths.

    ``context`` names the table (``"jejaring"``) whose own labels apply
    (:data:`~pengampuan.export.glossary.TABLE_COLUMNS`).
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = [str(c) for c in table.columns]
    heads = [column_label(c, lang, config=config, table=context) if labels else c for c in cols]
    ws.append(heads)
    kinds = []
    for c in cols:
        info = column_info(c, config=config, table=context) if labels else None
        kind = info.kind if info is not None else None
        if kind is None:
            s = table[c]
            kind = ("bool" if pd.api.types.is_bool_dtype(s) else
                    "int" if pd.api.types.is_integer_dtype(s) else
                    "float" if pd.api.types.is_numeric_dtype(s) else "text")
        kinds.append(kind)
    columns = [_cell_values(table[c], kind) for c, kind in zip(cols, kinds, strict=True)]
    for row in zip(*columns, strict=True) if columns else ():
        ws.append(row)
    n_rows = len(table) + 1
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF3")
    wrap = Alignment(wrap_text=True, vertical="top")
    for j, (head, kind, values) in enumerate(zip(heads, kinds, columns, strict=True), start=1):
        cell = ws.cell(row=1, column=j)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        fmt = NUMBER_FORMATS.get(kind)
        if fmt is not None and fmt != "General":
            for (c,) in ws.iter_rows(min_row=2, max_row=n_rows, min_col=j, max_col=j):
                c.number_format = fmt
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = _width(head, values, kind)
    ws.row_dimensions[1].height = 30 if max((len(h) for h in heads), default=0) > 20 else None
    # freeze the header and the identifying columns (kode, nama) when they lead the table
    lead = 0
    for c in cols[:3]:
        if c in ("kode", "kode_rs", "nama", "tingkat", "pengampu", "diampu"):
            lead += 1
        else:
            break
    ws.freeze_panes = ws.cell(row=2, column=min(lead, 2) + 1).coordinate if cols else "A2"
    if cols:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(n_rows, 2)}"


def _cell_values(s: pd.Series, kind: str) -> list[Any]:
    """Python values for openpyxl: None for missing, str for codes, int/float for numbers."""
    if kind in ("code", "text", "date"):
        return [None if v is None or v is pd.NA else str(v)
                for v in s.astype("string").tolist()]
    if kind == "bool":
        return [None if v is None or v is pd.NA else bool(v)
                for v in s.astype("boolean").tolist()]
    if pd.api.types.is_integer_dtype(s):
        return [None if v is None or v is pd.NA else int(v) for v in s.tolist()]
    if pd.api.types.is_numeric_dtype(s):
        x = s.to_numpy(dtype=float, na_value=np.nan)
        return [None if not np.isfinite(v) else (int(v) if kind == "int" else float(v))
                for v in x]
    return [None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))
            else str(v) for v in s.tolist()]


def _width(head: str, values: list[Any], kind: str) -> float:
    """Column width in characters: the content, within 6..50; long headers wrap."""
    sample = values[:2000]
    if kind in ("int", "km", "min", "float"):
        longest = max((len(f"{v:,.1f}") for v in sample if isinstance(v, (int, float))),
                      default=4)
    elif kind == "share":
        longest = 6
    elif kind == "coord":
        longest = 11
    else:
        longest = max((len(str(v)) for v in sample if v is not None), default=4)
    head_w = min(len(head), 24)
    return float(min(max(longest + 2, head_w + 2, 6), 50))
