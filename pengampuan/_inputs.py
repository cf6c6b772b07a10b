"""Input checks shared by :mod:`pengampuan.access`, :mod:`pengampuan.demand` and travel.

Reading points (a GeoDataFrame of Points or a lat/lon table), a regions table,
the choice of layanan, strata, status and travel model, the capable hospitals
of a dataset (with a clear error when there are none) and the warning about
hospitals off the known land. Below the modules that use them, so that none
imports another's private names.
"""

from __future__ import annotations

import warnings
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from ._messages import msg
from .dataset import Dataset
from .errors import PengampuanWarning
from .geo import require_wgs84

TRAVEL: tuple[str, ...] = ("simple", "sea")

#: A hospital farther than this from every region (degrees, ~11 km) lies off the known land.
_OFF_LAND_DEG = 0.1


#: shapely.get_type_id codes, for messages.
_GEOM_TYPES = {0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint",
               5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}


class _NoCapableError(ValueError):
    """No hospital is capable (internal: district_access turns it into inf rows)."""


def _point_lonlat(
    points: gpd.GeoDataFrame | pd.DataFrame, *, name: str = "points"
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Longitudes and latitudes (degrees) of a GeoDataFrame of points or a lat/lon table."""
    if isinstance(points, gpd.GeoDataFrame):
        gdf = require_wgs84(points, name=name)
        geom = np.asarray(gdf.geometry.array)
        kind = shapely.get_type_id(geom)  # one pass: -1 missing, 0 Point
        xy = shapely.get_coordinates(geom) if (kind == 0).all() else None
        if xy is None or len(xy) != len(geom):  # not all Points, or empty Points
            bad = (kind == -1) | ((kind == 0) & shapely.is_empty(geom))
            not_point = (kind != 0) & (kind != -1)
            parts = []
            if bad.any():
                parts.append(f"{int(bad.sum())} missing or empty geometries "
                             f"(index {_labels(gdf.index[bad])})")
            if not_point.any():
                kinds = sorted(set(shapely.get_type_id(geom[not_point]).tolist()))
                names = [_GEOM_TYPES.get(k, str(k)) for k in kinds]
                parts.append(f"{int(not_point.sum())} geometries that are not Points ({names}; "
                             f"index {_labels(gdf.index[not_point])}); use "
                             f".representative_point() for polygons")
            raise ValueError(f"{name}: " + "; ".join(parts))
        lon = xy[:, 0].copy()
        lat = xy[:, 1].copy()
    elif isinstance(points, pd.DataFrame):
        missing = [c for c in ("lat", "lon") if c not in points.columns]
        if missing:
            raise ValueError(f"{name} has no column(s) {missing}; expected a GeoDataFrame of "
                             f"Points or a table with 'lat' and 'lon' columns (degrees, EPSG:4326)")
        try:
            lat = points["lat"].to_numpy(dtype=float, na_value=np.nan)
            lon = points["lon"].to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError) as err:
            raise ValueError(f"{name}: columns 'lat' and 'lon' must be numbers (degrees): "
                             f"{err}") from err
    else:
        raise TypeError(f"{name} must be a GeoDataFrame of Points or a DataFrame with 'lat' and "
                        f"'lon' columns, not {type(points).__name__}")
    problems = []
    for col, values, limit in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        nan = np.isnan(values)
        if nan.any():
            problems.append(f"{int(nan.sum())} missing '{col}' values "
                            f"(index {_labels(points.index[nan])})")
        out = ~nan & (np.abs(values) > limit)
        if out.any():
            problems.append(f"{int(out.sum())} '{col}' values outside -{limit:g}..{limit:g} "
                            f"(index {_labels(points.index[out])}; are lat and lon swapped?)")
    if problems:
        raise ValueError(f"{name}: " + "; ".join(problems))
    return lon, lat


def _labels(index: pd.Index, limit: int = 5) -> str:
    shown = ", ".join(map(repr, index[:limit].tolist()))
    return shown + (f", ... ({msg('n_in_all', n=len(index))})" if len(index) > limit else "")


def _check_choices(ds: Dataset, *, layanan: str | None, min_strata: str, status: str,
                   travel: str = "simple", fasilitas: str | None = None,
                   bukti: Any = None) -> None:
    ds.config.check_bukti(bukti)
    if fasilitas is not None:
        if layanan is not None:
            raise ValueError("give layanan (with min_strata) or fasilitas, not both")
        ds.config.check_fasilitas(fasilitas)
    elif layanan is None:
        raise ValueError("give layanan (e.g. 'stroke') or fasilitas (e.g. 'hemodialisis')")
    else:
        ds.config.check_layanan(layanan)
    ds.config.strata_rank(min_strata)
    if status not in ("ada", "target"):
        raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
    if travel not in TRAVEL:
        raise ValueError(f"travel={travel!r} is not known; expected one of {list(TRAVEL)}")


def _no_capable_message(ds: Dataset, *, layanan: str | None, min_strata: str, status: str,
                        fasilitas: str | None = None) -> str:

    if fasilitas is not None:
        n = ds.fasilitas.loc[ds.fasilitas["fasilitas"] == fasilitas, "kode_rs"].nunique()
        return msg("no_capable_fasilitas", fasilitas=fasilitas, n=n)
    lay = ds.layanan[ds.layanan["layanan"] == layanan]
    n_all = lay["kode_rs"].nunique()
    n_ada = lay.loc[lay["status"] == "ada", "kode_rs"].nunique()
    hint = msg("hint_lower_strata") + ("" if status == "target" else msg("hint_status_target"))
    return msg("no_capable_layanan", layanan=layanan, min_strata=min_strata, status=status,
               n_all=n_all, n_ada=n_ada, hint=hint)


def _capable_or_raise(ds: Dataset, *, layanan: str | None, min_strata: str, status: str,
                      fasilitas: str | None = None, bukti: Any = None) -> gpd.GeoDataFrame:
    """Capable hospitals with valid coordinates; a clear error when there are none."""
    _check_choices(ds, layanan=layanan, min_strata=min_strata, status=status,
                   fasilitas=fasilitas, bukti=bukti)
    cap = ds.capable(layanan=layanan, min_strata=min_strata, status=status, bukti=bukti,
                     fasilitas=fasilitas)
    bad = cap["lat"].isna() | cap["lon"].isna()
    if bad.any():

        raise ValueError(msg("capable_no_lat_lon", n=int(bad.sum()),
                             codes=_labels(pd.Index(cap.loc[bad, "kode_rs"]))))
    if cap.empty:
        raise _NoCapableError(_no_capable_message(ds, layanan=layanan, min_strata=min_strata,
                                                  status=status, fasilitas=fasilitas))
    return cap.reset_index(drop=True)


def _warn_hospitals_off_land(cap: pd.DataFrame, regions: gpd.GeoDataFrame, *,
                             stacklevel: int) -> None:
    """Warn when capable hospitals lie far from every region: the graph knows no land there."""
    pts = gpd.GeoSeries(gpd.points_from_xy(cap["lon"], cap["lat"]), crs="EPSG:4326")
    near = regions.sindex.query(pts, predicate="dwithin", distance=_OFF_LAND_DEG)
    off = np.setdiff1d(np.arange(len(cap)), near[0])
    if len(off):

        warnings.warn(
            msg("hospitals_off_land", n=len(off), total=len(cap),
                codes=_labels(pd.Index(cap["kode_rs"].iloc[off]))),
            PengampuanWarning, stacklevel=stacklevel + 1)


def _check_regions(regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if not isinstance(regions, gpd.GeoDataFrame):
        raise TypeError("regions must be a GeoDataFrame (pg.load_regions(level='kabkota')), "
                        f"not {type(regions).__name__}")
    reg = require_wgs84(regions, name="regions")
    missing = [c for c in ("kode", "nama") if c not in reg.columns]
    if missing:
        raise ValueError(f"regions has no column(s) {missing}; expected kode, nama, kode_induk "
                         f"and geometry as returned by pg.load_regions(level='kabkota')")
    dup = reg["kode"].duplicated(keep=False)
    if dup.any():
        raise ValueError(f"regions: kode must be unique; {sorted(set(reg.loc[dup, 'kode']))} "
                         f"appear more than once")
    empty = reg.geometry.isna() | reg.geometry.is_empty
    if empty.any():
        raise ValueError(f"regions: {int(empty.sum())} region(s) have no geometry "
                         f"(kode {_labels(pd.Index(reg.loc[empty, 'kode']))})")
    return reg.reset_index(drop=True)
