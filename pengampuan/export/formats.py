"""Tables and layers to files, by extension: GeoJSON, GeoPackage, Shapefile, CSV, Excel.

:func:`to_file` picks the writer from the file's extension:

============  =============================================================
``.geojson``  RFC 7946 GeoJSON (:func:`pengampuan.to_geojson`); one layer
``.gpkg``     GeoPackage with QGIS styles (:func:`pengampuan.to_geopackage`);
              one or more layers
``.shp``      ESRI Shapefile (:func:`to_shapefile`): field names cut to 10
              characters, with ``<name>_kolom.csv`` beside it mapping the
              short names to the full ones; one layer
``.csv``      CSV (:func:`to_csv`), ``dialect="standard"`` or ``"excel-id"``;
              one table, no geometry
``.xlsx``     Excel workbook (:func:`pengampuan.to_excel`); one or more sheets
============  =============================================================

Every writer follows the conventions of :mod:`pengampuan.export.glossary` (nulls for
missing values, rounded numbers, codes as text) and writes next to the target
and moves the file into place, so a failure leaves no half-written file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from ..config import Config
from ..geo import require_wgs84
from ._atomic import write_atomic
from .excel import to_excel
from .geojson import to_geojson
from .glossary import DECIMALS, column_info, column_label, short_names, tidy, without_geometry
from .gpkg import to_geopackage

logger = logging.getLogger(__name__)

__all__ = ["to_file", "to_csv", "to_shapefile", "FORMATS", "CsvDialect"]

CsvDialect = Literal["standard", "excel-id"]

#: Extensions :func:`to_file` understands, with what they write.
FORMATS: dict[str, str] = {
    ".geojson": "GeoJSON (RFC 7946)",
    ".gpkg": "GeoPackage with QGIS styles",
    ".shp": "ESRI Shapefile (+ <name>_kolom.csv)",
    ".csv": "CSV",
    ".xlsx": "Excel workbook",
}
#: Extensions that hold several layers or sheets.
MULTI_LAYER = (".gpkg", ".xlsx")

#: CSV dialects: separator, decimal mark, encoding, line end.
_DIALECTS: dict[str, tuple[str, str, str, str]] = {
    "standard": (",", ".", "utf-8", "\n"),
    # Excel with Indonesian regional settings: ';' lists, decimal comma, and a byte-order mark
    # so that it reads UTF-8 (names with accents) instead of the ANSI code page.
    "excel-id": (";", ",", "utf-8-sig", "\r\n"),
}


def check_extension(path: str | os.PathLike[str], *, what: str = "output") -> str:
    """
    The (lower-case) extension of ``path`` if :func:`to_file` can write it, else a ValueError.

    Examples
    --------
    >>> check_extension("akses.GPKG")
    '.gpkg'
    >>> check_extension("akses.kml")
    Traceback (most recent call last):
    ...
    ValueError: output akses.kml: ekstensi berkas '.kml' tidak dikenal; seharusnya salah satu dari
    .geojson, .gpkg, .shp, .csv, .xlsx (GeoJSON, GeoPackage, Shapefile, CSV, Excel)
    """
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        known = ", ".join(FORMATS)
        from .._messages import msg

        shown = f"'{ext}'" if ext else msg("ext_none")
        raise ValueError(msg("ext_unknown", what=what, path=path, shown=shown, known=known))
    return ext


def to_file(data: pd.DataFrame | Mapping[str, pd.DataFrame], path: str | os.PathLike[str], *,
            layer: str | None = None, lang: str | None = None,
            csv_dialect: CsvDialect = "standard", config: Config | None = None,
            **kwargs: Any) -> Path:
    """
    Write a table or layer (or several) in the format given by the file's extension.

    Parameters
    ----------
    data : DataFrame, GeoDataFrame, or mapping of name -> frame
        One frame for every format; several (a mapping) for ``.gpkg`` (layers)
        and ``.xlsx`` (sheets).
    path : str or PathLike
        Output file; its extension picks the format (see :data:`FORMATS`).
    layer : str, optional
        Layer or sheet name of a single frame (default: the file name's stem).
    lang : {"id", "en"}, optional
        Language of Excel headers and QGIS field aliases (default ``settings.language``).
    csv_dialect : {"standard", "excel-id"}
        For ``.csv``: see :func:`to_csv`.
    config : Config, optional
        Labels and colours of the layanan (default: the default configuration).
    **kwargs
        Passed to the writer (e.g. ``status=`` for the GeoPackage styles).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    ValueError
        An unknown extension (the message names the supported ones), or several
        frames for a one-layer format.

    Examples
    --------
    >>> import geopandas as gpd, tempfile, pathlib
    >>> from shapely.geometry import Point
    >>> gdf = gpd.GeoDataFrame({"kode_rs": ["RS1"], "distance_km": [1.23456]},
    ...                        geometry=[Point(102.26, -3.8)], crs="EPSG:4326")
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [to_file(gdf, d / f"rs{ext}").name for ext in (".geojson", ".csv", ".shp")]
    ['rs.geojson', 'rs.csv', 'rs.shp']
    >>> (d / "rs.csv").read_text().splitlines()
    ['kode_rs,distance_km,lon,lat', '"RS1",1.23,102.26,-3.8']
    """
    path = Path(path)
    ext = check_extension(path)
    frames: dict[str, pd.DataFrame]
    if isinstance(data, Mapping):
        frames = dict(data)
        if not frames:
            raise ValueError(f"{path}: nothing to write (no tables given)")
        if len(frames) > 1 and ext not in MULTI_LAYER:
            raise ValueError(f"{path}: a {FORMATS[ext]} file holds one table; got {len(frames)} "
                             f"({', '.join(frames)}); write a .gpkg or .xlsx, or one file each")
    else:
        frames = {layer or path.stem: data}
    if ext == ".gpkg":
        return to_geopackage(path, layers=frames, lang=lang, config=config, **kwargs)
    if ext == ".xlsx":
        return to_excel(path, sheets=frames, lang=lang, config=config, **kwargs)
    (frame,) = frames.values()
    if kwargs:
        raise TypeError(f"unexpected keyword(s) for {ext}: {sorted(kwargs)}")
    if ext == ".geojson":
        _require_geo(frame, path)
        return to_geojson(frame, path)
    if ext == ".shp":
        _require_geo(frame, path)
        return to_shapefile(frame, path, config=config)
    return to_csv(frame, path, dialect=csv_dialect, config=config)


def _require_geo(frame: pd.DataFrame, path: Path) -> None:
    if not isinstance(frame, gpd.GeoDataFrame):
        raise TypeError(f"{path}: a {FORMATS[path.suffix.lower()]} file needs a GeoDataFrame "
                        f"(with geometry), not {type(frame).__name__}; write .csv or .xlsx")


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------
def to_csv(df: pd.DataFrame, path: str | os.PathLike[str], *, dialect: CsvDialect = "standard",
           config: Config | None = None) -> Path:
    r"""
    Write a table as CSV, text-safe for spreadsheets.

    Text (codes included: ``"17.71"``, ``"3173"``) is always quoted, numbers
    never; numbers are rounded as the glossary says (shares to 4 decimals,
    distances to 0.01 km), integers have no ``.0``, a missing value is an empty
    cell. A GeoDataFrame loses its geometry; points keep their position as
    ``lon``/``lat`` (6 decimals).

    Parameters
    ----------
    df : DataFrame or GeoDataFrame
        The table.
    path : str or PathLike
        Output file.
    dialect : {"standard", "excel-id"}
        ``"standard"``: ``,`` separator, ``.`` decimals, UTF-8 (what Python, R,
        QGIS and English-language Excel read). ``"excel-id"``: what Excel with
        Indonesian regional settings opens by double-click: ``;`` separator,
        decimal comma, UTF-8 with a byte-order mark, CRLF line ends.
    config : Config, optional
        For the layanan codes in ``<layanan>_<column>`` names.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> df = pd.DataFrame({"kode": ["17.71"], "share_kabkota": [0.9941634241245136],
    ...                    "penduduk": [284973643.0], "nama": ['RS "A" Baru']})
    >>> p = to_csv(df, pathlib.Path(tempfile.mkdtemp()) / "r.csv", dialect="excel-id")
    >>> raw = p.read_bytes()
    >>> raw.startswith(b"\xef\xbb\xbf"), raw.decode("utf-8-sig").split("\r\n")
    (True, ['kode;share_kabkota;penduduk;nama', '"17.71";0,9942;284973643;"RS ""A"" Baru"', ''])
    """
    if dialect not in _DIALECTS:
        raise ValueError(f"dialect={dialect!r} is not known; expected one of {list(_DIALECTS)}")
    sep, decimal, encoding, eol = _DIALECTS[dialect]
    table = without_geometry(df)
    table = tidy(table, config=config)
    cols = [str(c) for c in table.columns]
    lines = [sep.join(cols)]
    if len(table):
        cells = [_csv_cells(table[c], decimal=decimal, info_kind=_kind(c, config)) for c in cols]
        body = cells[0].str.cat(cells[1:], sep=sep) if len(cells) > 1 else cells[0]
        lines += body.tolist()
    text = eol.join(lines) + eol
    path = Path(path)
    write_atomic(path, lambda tmp: tmp.write_bytes(text.encode(encoding)))
    logger.info("Wrote %d rows to %s (%s dialect)", len(table), path, dialect)
    return path


def _kind(col: str, config: Config | None) -> str | None:
    info = column_info(col, config=config)
    return None if info is None else info.kind


def _csv_cells(s: pd.Series, *, decimal: str, info_kind: str | None) -> pd.Series:
    """Each value of ``s`` as a CSV cell (text quoted, numbers bare, missing empty)."""
    if pd.api.types.is_bool_dtype(s):
        return s.map({True: "True", False: "False"}).astype(object).where(s.notna(), "")
    if pd.api.types.is_integer_dtype(s):
        return s.astype("string").fillna("").astype(object)
    if pd.api.types.is_numeric_dtype(s):
        x = s.to_numpy(dtype=float, na_value=np.nan)
        txt = pd.Series(x, index=s.index).astype(str)
        sci = txt.str.contains("e", regex=False)
        if sci.any():
            d = DECIMALS.get(info_kind or "", 6)
            txt[sci] = [f"{v:.{d}f}".rstrip("0").rstrip(".") for v in x[sci.to_numpy()]]
        txt = txt.str.replace(r"\.0$", "", regex=True)
        if decimal != ".":
            txt = txt.str.replace(".", decimal, regex=False)
        return txt.mask(np.isnan(x), "").astype(object)
    t = s.astype("string")
    return ('"' + t.str.replace('"', '""', regex=False) + '"').fillna("").astype(object)


# ---------------------------------------------------------------------------
# Shapefile
# ---------------------------------------------------------------------------
#: The files of a Shapefile besides ``.shp``.
_SHP_PARTS = (".shx", ".dbf", ".prj", ".cpg")


def to_shapefile(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *,
                 config: Config | None = None) -> Path:
    """
    Write an ESRI Shapefile, with the field-name mapping beside it.

    dBase limits field names to 10 characters: each longer name gets the short
    name of the glossary (``stroke_travel_min`` -> ``stk_mnt``) or is cut and
    numbered; ``<name>_kolom.csv`` lists ``field`` (short name), ``kolom`` (the
    full column name), ``label_id`` and ``label_en``. Text is UTF-8 (a ``.cpg``
    file says so), coordinates EPSG:4326 (a ``.prj`` file), numbers rounded as
    the glossary says, missing values null. Booleans become integers 1/0.

    Parameters
    ----------
    gdf : GeoDataFrame
        One geometry type (points, lines or polygons; polygons may mix with
        multipolygons).
    path : str or PathLike
        The ``.shp`` file; the other parts are written next to it.
    config : Config, optional
        For the layanan codes in ``<layanan>_<column>`` names.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import geopandas as gpd, tempfile, pathlib
    >>> from shapely.geometry import Point
    >>> gdf = gpd.GeoDataFrame({"kode": ["17.02"], "stroke_travel_min": [75.04]},
    ...                        geometry=[Point(102.5, -3.5)], crs="EPSG:4326")
    >>> p = to_shapefile(gdf, pathlib.Path(tempfile.mkdtemp()) / "akses.shp")
    >>> sorted(f.name for f in p.parent.iterdir())
    ['akses.cpg', 'akses.dbf', 'akses.prj', 'akses.shp', 'akses.shx', 'akses_kolom.csv']
    >>> list(gpd.read_file(p).columns)
    ['kode', 'stk_mnt', 'geometry']
    """
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise TypeError(f"to_shapefile needs a GeoDataFrame, not {type(gdf).__name__}")
    path = Path(path)
    if path.suffix.lower() != ".shp":
        raise ValueError(f"{path}: a Shapefile's name ends in .shp")
    out = require_wgs84(gdf, name="gdf").reset_index(drop=True)
    families = {_family(g) for g in out.geometry.values if g is not None and not g.is_empty}
    if len(families) > 1:
        raise ValueError(f"{path}: a Shapefile holds one geometry type; this layer has "
                         f"{sorted(families)}; write a .gpkg instead")
    out = tidy(out, config=config)
    for col in out.columns:
        if col != out.geometry.name and pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype("Int64")
    names = short_names([c for c in out.columns if c != out.geometry.name], config=config,
                        reserved=(out.geometry.name,))
    out = out.rename(columns=names)
    mapping = pd.DataFrame({
        "field": list(names.values()), "kolom": list(names),
        "label_id": [column_label(c, "id", config=config) for c in names],
        "label_en": [column_label(c, "en", config=config) for c in names],
    })

    def write(tmp: Path) -> None:
        out.to_file(tmp, driver="ESRI Shapefile", engine="pyogrio", index=False,
                    layer_options={"ENCODING": "UTF-8"})
        to_csv(mapping, tmp.with_name(f"{path.stem}_kolom.csv"))

    write_atomic(path, write, also=[path.stem + ext for ext in (*_SHP_PARTS, "_kolom.csv")])
    logger.info("Wrote %d features to %s (%d fields)", len(out), path, len(names))
    return path


def _family(geom: Any) -> str:
    t = geom.geom_type
    return {"MultiPoint": "Point", "MultiLineString": "LineString",
            "MultiPolygon": "Polygon"}.get(t, t)
