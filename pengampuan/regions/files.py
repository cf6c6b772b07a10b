"""A user's boundary file: read, checked, repaired, and matched to Kemendagri codes.

:func:`read_boundary_file` reads GeoJSON, GeoPackage, (zipped) Shapefile and
TopoJSON, checks polygons, CRS, position and coverage (overlaps, slivers) and
repairs invalid polygons with a warning; ``_regions_from_file`` gives each
feature its Kemendagri code (one feature per region) for :func:`load_regions`.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import Any, cast

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._messages import msg
from ..config import AREA_CRS, INDONESIA_BOUNDS
from ..errors import CRSError, DataFileError, PengampuanWarning, RegionMatchError
from ._common import CodeScheme, Level, _area_km2
from .bundled import region_list
from .match import _CODE_COLS, _NAME_COLS, _find_col, match_regions
from .report import _present, _react

logger = logging.getLogger(__name__)

_SUFFIXES = (".geojson", ".json", ".gpkg", ".zip", ".shp", ".topojson", ".fgb", ".gml", ".kml")


def _feature_label(gdf: pd.DataFrame, i: int) -> str:
    """'feature 3 (kode '17.02', nama 'Rejang Lebong')' for messages."""
    bits = []
    for wanted in (_CODE_COLS["kabkota"] + _CODE_COLS["provinsi"],
                   _NAME_COLS["kabkota"] + _NAME_COLS["provinsi"]):
        col = _find_col([str(c) for c in gdf.columns if c != "geometry"], wanted)
        if col is not None and _present(gdf[col].iloc[i]):
            bits.append(f"{col} {str(gdf[col].iloc[i])!r}")
    return f"{msg('unit_feature')} {i + 1}" + (f" ({', '.join(bits)})" if bits else "")


def _zip_uri(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if not m.startswith("__MACOSX")]
    except zipfile.BadZipFile as err:
        raise DataFileError([], msg("zip_invalid", path=path, reason=str(err))) from err
    layers = [m for m in members if m.lower().endswith((".shp", ".geojson", ".gpkg", ".json"))]
    if not layers:
        raise DataFileError([], msg("zip_no_layer", path=path, members=members[:10]))
    if len(layers) > 1:
        raise DataFileError([], msg("zip_layers", path=path, n=len(layers), layers=layers))
    return f"zip://{path.resolve()}!{layers[0]}"


def read_boundary_file(path: str | os.PathLike[str], *, crs: Any = None,
                       layer: str | None = None) -> gpd.GeoDataFrame:
    """Read a boundary file and check it: polygons, a CRS, valid geometry; return EPSG:4326.

    Reads GeoJSON, GeoPackage, zipped Shapefile (``.zip``), Shapefile and
    TopoJSON (anything GDAL reads). Any CRS is reprojected to EPSG:4326; a
    missing CRS is an error unless ``crs`` says what it is (TopoJSON, which has
    no CRS member, is read as lon/lat like GeoJSON). Invalid polygons
    are repaired (``shapely.make_valid``) with a warning that counts them.
    Empty or missing geometries and non-polygon geometries (points, lines)
    are errors that name each feature with its code and name, all at once.

    Parameters
    ----------
    path : str or path-like
        The file.
    crs : optional
        CRS of a file that has none (e.g. ``"EPSG:4326"`` or ``32748``).
    layer : str, optional
        Layer of a multi-layer file (GeoPackage); required when there are several.

    Returns
    -------
    geopandas.GeoDataFrame
        The features in EPSG:4326 with all their attributes.

    Raises
    ------
    DataFileMissingError
        The file does not exist.
    CRSError
        No CRS and no ``crs``, or lon/lat coordinates outside -180..180.
    DataFileError
        Empty or non-polygon geometries, or a file GDAL cannot read.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_file
    >>> gdf = read_boundary_file(bundled_file("batas_provinsi.geojson"))
    >>> len(gdf), gdf.crs.to_epsg()
    (38, 4326)
    """
    import pyogrio

    from ..errors import DataFileMissingError

    path = Path(path)
    if not path.exists():
        raise DataFileMissingError([], msg("boundary_missing", path=path))
    uri = _zip_uri(path) if path.suffix.lower() == ".zip" else str(path)
    try:
        if layer is None and path.suffix.lower() == ".gpkg":
            layers = [name for name, gtype in pyogrio.list_layers(path)
                      if gtype is None or "polygon" in str(gtype).lower()]
            if len(layers) > 1:
                raise DataFileError([], msg("gpkg_layers", path=path, n=len(layers),
                                            layers=layers))
        gdf = gpd.read_file(uri, layer=layer)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as err:
        raise DataFileError([], msg("boundary_unreadable", path=path, reason=str(err))) from err
    if len(gdf) == 0:
        raise DataFileError([], msg("boundary_no_features", path=path))
    if gdf.crs is None and crs is None and path.suffix.lower() in (".topojson", ".json") \
            and pyogrio.read_info(uri, layer=layer).get("driver") == "TopoJSON":
        # TopoJSON has no CRS member; like GeoJSON its coordinates are lon/lat (the
        # range checks below catch pre-projected files)
        logger.info("%s is TopoJSON without a CRS; reading it as lon/lat (EPSG:4326)", path)
        gdf = gdf.set_crs("EPSG:4326")
    if crs is not None:
        if gdf.crs is not None and not gdf.crs.equals(crs):
            logger.info("%s declares %s; crs=%s given, using the declared CRS", path,
                        gdf.crs.to_string(), crs)
        elif gdf.crs is None:
            gdf = gdf.set_crs(crs)
    if gdf.crs is None:
        raise CRSError(msg("boundary_no_crs", path=path))
    _check_geometries(gdf, path)
    if gdf.crs.is_geographic:
        minx, miny, maxx, maxy = gdf.total_bounds
        if min(minx, miny) < -180 or max(maxx, maxy) > 180:
            raise CRSError(msg("boundary_projected", path=path, crs=gdf.crs.to_string(),
                               reach=float(max(abs(minx), abs(maxx), abs(miny), abs(maxy)))))
    if not gdf.crs.equals("EPSG:4326"):
        logger.info("Reprojecting %s from %s to EPSG:4326", path, gdf.crs.to_string())
        gdf = gdf.to_crs("EPSG:4326")
    minx, miny, maxx, maxy = gdf.total_bounds
    b = INDONESIA_BOUNDS
    if maxx < b["lon_min"] or minx > b["lon_max"] or maxy < b["lat_min"] or miny > b["lat_max"]:
        raise CRSError(msg("boundary_outside", path=path, minx=float(minx), maxx=float(maxx),
                           miny=float(miny), maxy=float(maxy)))
    gdf = _repair(gdf, path)
    _check_coverage(gdf, path)
    return gdf


#: Overlaps of two features larger than this are listed (km²); smaller ones are counted.
OVERLAP_LIST_KM2 = 0.05
#: A feature smaller than this (km²), or thin and smaller than :data:`SLIVER_THIN_KM2`, is
#: a sliver: no kab/kota or province is that small or that thin.
SLIVER_KM2 = 1.0
SLIVER_THIN_KM2 = 50.0
#: Thinness 4*pi*area/perimeter^2 below which a feature counts as thin (a circle has 1).
SLIVER_THINNESS = 0.02


def _check_coverage(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Warn about features that overlap each other and about sliver features.

    A set of region boundaries should be a coverage: no two regions share
    area. Overlaps are found with one STRtree query (``overlaps``), measured
    in :data:`config.AREA_CRS`; slivers are features under :data:`SLIVER_KM2`
    or thin single polygons (4*pi*area/perimeter^2 < :data:`SLIVER_THINNESS`) under
    :data:`SLIVER_THIN_KM2`.
    """
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    if len(geoms) < 1:
        return
    projected = gpd.GeoSeries(geoms, crs=gdf.crs).to_crs(AREA_CRS)
    area = projected.area.to_numpy() / 1e6
    perimeter = projected.length.to_numpy() / 1e3
    with np.errstate(divide="ignore", invalid="ignore"):
        thinness = np.where(perimeter > 0, 4 * np.pi * area / perimeter**2, 1.0)
    single = shapely.get_type_id(geoms) == 3  # archipelagos (MultiPolygon) are thin by nature
    sliver = (area < SLIVER_KM2) | (single & (thinness < SLIVER_THINNESS)
                                    & (area < SLIVER_THIN_KM2))
    if sliver.any():
        idx = np.flatnonzero(sliver)
        labels = [msg("label_km2", label=_feature_label(gdf, int(i)), km2=float(area[i]))
                  for i in idx[:5]]
        warnings.warn(
            msg("boundary_slivers", path=path, n=len(idx), labels="; ".join(labels)),
            PengampuanWarning, stacklevel=3,
        )
    if len(geoms) < 2:
        return
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="overlaps")
    keep = i < j
    i, j = i[keep], j[keep]
    if not len(i):
        return
    inter = shapely.intersection(geoms[i], geoms[j])
    shared = gpd.GeoSeries(inter, crs=gdf.crs).to_crs(AREA_CRS).area.to_numpy() / 1e6
    big = np.flatnonzero(shared >= OVERLAP_LIST_KM2)
    if not len(big):
        return
    order = big[np.argsort(-shared[big])]
    labels = [msg("label_pair_km2", a=_feature_label(gdf, int(i[k])),
                  b=_feature_label(gdf, int(j[k])), km2=float(shared[k])) for k in order[:5]]
    warnings.warn(
        msg("boundary_overlaps", path=path, n=len(big), limit=OVERLAP_LIST_KM2,
            total=float(shared.sum()), pairs=len(i), labels="; ".join(labels)),
        PengampuanWarning, stacklevel=3,
    )


def _check_geometries(gdf: gpd.GeoDataFrame, path: Path) -> None:
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    types = shapely.get_type_id(geoms)
    not_poly = ~missing & ~np.isin(types, (3, 6))
    problems = []
    for i in np.flatnonzero(missing):
        problems.append({"file": str(path), "row": i + 1, "column": "geometry", "value": None,
                         "problem": msg("geometry_missing"), "severity": "error",
                         "label": _feature_label(gdf, int(i))})
    for i in np.flatnonzero(not_poly):
        problems.append({"file": str(path), "row": i + 1, "column": "geometry",
                         "value": geoms[i].geom_type,
                         "problem": msg("geometry_not_polygon"), "severity": "error",
                         "label": _feature_label(gdf, int(i))})
    if problems:
        lines = [f"{path}, {p['label']}: "
                 + (msg("geometry_is_missing") if p["value"] is None
                    else msg("geometry_is_other", kind=p["value"]))
                 for p in problems]
        table = pd.DataFrame(problems).drop(columns="label")
        raise DataFileError(table, msg("boundary_bad_geometries", n=len(problems), path=path)
                            + "\n" + "\n".join(lines))


def _repair(gdf: gpd.GeoDataFrame, path: Path) -> gpd.GeoDataFrame:
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    invalid = ~shapely.is_valid(geoms)
    if not invalid.any():
        return gdf
    fixed = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    polys = [shapely.multipolygons(shapely.get_parts(g)[np.isin(
        shapely.get_type_id(shapely.get_parts(g)), (3,))]) if shapely.get_type_id(g) == 7
        else g for g in fixed]
    geoms = geoms.copy()
    geoms[invalid] = polys
    labels = [_feature_label(gdf, int(i)) for i in np.flatnonzero(invalid)[:5]]
    warnings.warn(
        msg("boundary_repaired", path=path, n=int(invalid.sum()), labels="; ".join(labels)),
        PengampuanWarning, stacklevel=3,
    )
    out = gdf.copy()
    out[out.geometry.name] = gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs)
    return out


def _regions_from_file(gdf: gpd.GeoDataFrame, *, path: Path | str, level: str,
                       code_col: str | None, name_col: str | None, province_col: str | None,
                       code_scheme: str, on_unmatched: str,
                       kabkota_col: str | None = None) -> gpd.GeoDataFrame:
    try:
        coded, report = match_regions(gdf, level=cast(Level, level), code_col=code_col,
                                      name_col=name_col, province_col=province_col,
                                      code_scheme=cast(CodeScheme, code_scheme),
                                      on_unmatched="keep", kabkota_col=kabkota_col)
    except RegionMatchError as err:
        raise RegionMatchError(f"{path}: {err}") from err
    report.source = str(path)
    dup = coded["kode"].notna() & coded["kode"].duplicated(keep=False)
    if dup.any():
        lines = []
        for kode, rows in report.table[dup.to_numpy()].groupby("kode")["row"]:
            nama = coded.loc[coded["kode"] == kode, "nama"].iloc[0]
            lines.append(msg("dup_region_line", kode=kode, nama=nama,
                             rows=", ".join(map(str, rows))))
        raise RegionMatchError(msg("dup_regions", path=path, n=int(dup.sum()))
                               + "\n" + "\n".join(lines))
    _react(report, on_unmatched=on_unmatched, stacklevel=4)
    if "luas_km2" in coded.columns:
        coded = coded.rename(columns={"luas_km2": "luas_km2_asal"})
    present = set(coded["kode"].dropna())
    if level == "provinsi" and present & {"91", "92"} and not present & {"93", "94", "95", "96"}:
        warnings.warn(
            msg("boundary_pre2022", path=path),
            PengampuanWarning, stacklevel=3,
        )
    geo_col = coded.geometry.name
    extra = [c for c in coded.columns if c not in ("kode", "nama", "kode_induk", geo_col)]
    coded["luas_km2"] = _area_km2(coded)
    if level == "kecamatan" and "penduduk" not in coded.columns:  # the bundled estimate
        from .kecamatan import kecamatan_table

        pend = kecamatan_table().set_index("kode")["penduduk"]
        coded["penduduk"] = coded["kode"].map(pend).astype("Int64")
        extra = ["penduduk", *extra]
    coded = coded[["kode", "nama", "kode_induk", "luas_km2", *extra, geo_col]]
    n_ref = len(region_list(cast(Level, level)))
    logger.info("%s: %d features, %d coded, covering %d of %d %s", path, len(coded),
                int(coded["kode"].notna().sum()), int(coded["kode"].nunique()), n_ref, level)
    return coded.reset_index(drop=True)
