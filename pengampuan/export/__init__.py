"""Exports: the HTML report and its files, GeoJSON, CSV, Shapefile, Excel, GeoPackage, figures.

One concern per module, each importing only those above it in this list:

- ``_atomic``: files written all or nothing (a temporary file moved into place);
- :mod:`~pengampuan.export.glossary`: the column names and conventions every file follows;
- :mod:`~pengampuan.export.tables`: the report's tables (:func:`report_tables`) and
  extra map layers (:func:`report_layers`);
- :mod:`~pengampuan.export.geojson`, :mod:`~pengampuan.export.excel`,
  :mod:`~pengampuan.export.gpkg`: one writer each (:func:`to_geojson`, :func:`to_excel`,
  :func:`to_geopackage`);
- :mod:`~pengampuan.export.formats`: CSV dialects (:func:`to_csv`), Shapefile
  (:func:`to_shapefile`) and the writer picked by extension (:func:`to_file`);
- :mod:`~pengampuan.export.figures`: static maps and charts (matplotlib);
- :mod:`~pengampuan.export.report`: the report folder (:func:`write_report`).
"""

from __future__ import annotations

from .excel import NUMBER_FORMATS, SHEET_NAMES, to_excel
from .figures import (
    BACKGROUND_MIN_KABKOTA,
    FIGURE_FILES,
    FIGURE_TOLERANCE_PX,
    FiguresJob,
    figure_regions,
    plot_access,
    plot_coverage,
    plot_network,
    plot_targets,
    plot_within_threshold,
    report_figures,
    start_report_figures,
)
from .formats import FORMATS, CsvDialect, to_csv, to_file, to_shapefile
from .geojson import to_geojson
from .glossary import (
    COLUMNS,
    DECIMALS,
    PER_LAYANAN,
    Column,
    column_info,
    column_label,
    short_names,
    tidy,
    without_geometry,
)
from .gpkg import STYLE_TABLE, layer_styles, to_geopackage
from .report import (
    DISPLAY_TOLERANCE_KM,
    GEOPACKAGE_FILE,
    REPORT_FILES,
    check_out_dir,
    is_report_file,
    recover_report_folder,
    report_folder,
    write_office_files,
    write_report,
)
from .tables import (
    GRID_MAX_CELLS,
    GRID_RESOLUTION,
    REPORT_FASILITAS,
    TRAVEL_MODELS,
    DataScope,
    ReportLayers,
    ReportTables,
    data_regions,
    data_scope,
    report_layers,
    report_tables,
    resolve_provinsi,
    travel_description,
)

__all__ = [
    # the report folder
    "write_report", "REPORT_FILES", "check_out_dir", "report_folder", "is_report_file",
    "recover_report_folder", "DISPLAY_TOLERANCE_KM",
    # the report's tables and layers
    "report_tables", "ReportTables", "resolve_provinsi", "report_layers", "ReportLayers",
    "REPORT_FASILITAS", "GRID_RESOLUTION", "GRID_MAX_CELLS", "write_office_files",
    "GEOPACKAGE_FILE", "TRAVEL_MODELS", "travel_description", "data_regions", "data_scope",
    "DataScope",
    # files
    "to_geojson", "to_file", "to_csv", "to_shapefile", "FORMATS", "CsvDialect",
    "to_excel", "SHEET_NAMES", "NUMBER_FORMATS", "to_geopackage", "STYLE_TABLE", "layer_styles",
    # figures
    "plot_access", "plot_network", "plot_coverage", "plot_within_threshold", "plot_targets",
    "report_figures", "start_report_figures", "figure_regions", "FiguresJob", "FIGURE_FILES",
    "FIGURE_TOLERANCE_PX", "BACKGROUND_MIN_KABKOTA",
    # column conventions
    "Column", "COLUMNS", "PER_LAYANAN", "DECIMALS", "column_info", "column_label", "tidy",
    "short_names", "without_geometry",
]
