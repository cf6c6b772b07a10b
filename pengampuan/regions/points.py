""":func:`assign_regions`: the region each point lies in, with a nearest-polygon fallback.

Hospitals on a generalised coast or a small island often fall just outside
every polygon; they get the nearest region within a few km, and the distance
says so.
"""

from __future__ import annotations

import logging
from typing import cast

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._textnorm import normalise_region_code
from ..geo import great_circle_km
from ._common import KM_PER_DEGREE
from .load import load_regions

logger = logging.getLogger(__name__)

#: Points farther than this from every polygon stay unassigned (km). Generalised
#: coasts move small islands and piers by a few hundred metres; 5 km catches
#: those without pulling a point across a strait.
NEAREST_FALLBACK_KM = 5.0


def assign_regions(points: gpd.GeoDataFrame, regions: gpd.GeoDataFrame | None = None, *,
                   declared_col: str | None = "kode_wilayah",
                   max_distance_km: float = NEAREST_FALLBACK_KM) -> pd.DataFrame:
    """The region of each point: point-in-polygon, else the nearest polygon within a few km.

    Points on a generalised coast or a small island often fall just outside
    every polygon; they get the nearest region within ``max_distance_km``
    (great-circle distance to the polygon edge, reported in ``distance_km``).
    Points farther away keep ``kode = <NA>`` (``metode = 'di_luar'``): no row is dropped.

    Parameters
    ----------
    points : geopandas.GeoDataFrame
        Points (e.g. ``Dataset.rumah_sakit``), any CRS.
    regions : geopandas.GeoDataFrame, optional
        Regions with ``kode`` and ``nama`` (default: the bundled kab/kota).
    declared_col : str or None, default 'kode_wilayah'
        Column of ``points`` with the declared region code; compared with the
        assigned one in ``cocok``. Ignored when absent.
    max_distance_km : float, default :data:`NEAREST_FALLBACK_KM`
        Largest distance for the nearest-polygon fallback.

    Returns
    -------
    pandas.DataFrame
        Index of ``points``; columns ``kode``, ``nama``, ``metode``
        (``dalam`` inside, ``terdekat`` nearest, ``di_luar`` none),
        ``distance_km`` (0 inside), and, with a declared column,
        ``kode_wilayah`` and ``cocok`` (assigned == declared; <NA> when either is missing).

    Examples
    --------
    >>> pts = gpd.GeoDataFrame({"kode_wilayah": ["31.71", "31.71"]},
    ...     geometry=gpd.points_from_xy([106.8479, 106.7979], [-6.1970, -6.1867]), crs=4326)
    >>> out = assign_regions(pts)  # RSCM and RS Kanker Dharmais
    >>> out[["kode", "metode", "cocok"]].values.tolist()
    [['31.71', 'dalam', True], ['31.73', 'dalam', False]]
    """
    from ..geo import require_wgs84

    pts = require_wgs84(points, name="points")
    reg = load_regions("kabkota") if regions is None else require_wgs84(regions, name="regions")
    for col in ("kode", "nama"):
        if col not in reg.columns:
            raise KeyError(f"regions has no {col!r} column; load them with load_regions()")
    geoms = np.asarray(pts.geometry.values, dtype=object)
    kinds = shapely.get_type_id(geoms)
    if (~shapely.is_missing(geoms) & (kinds != 0)).any():
        raise ValueError("assign_regions needs Point geometries; use .centroid or "
                         ".representative_point() for other shapes")
    reg_geoms = np.asarray(reg.geometry.values, dtype=object)
    tree = shapely.STRtree(reg_geoms)
    n = len(pts)
    pos = np.full(n, -1)
    dist_km = np.full(n, np.nan)
    p_i, r_i = tree.query(geoms, predicate="intersects")
    first = np.unique(p_i, return_index=True)[1]  # a point on a shared border: first region
    pos[p_i[first]] = r_i[first]
    dist_km[p_i[first]] = 0.0
    todo = np.flatnonzero((pos < 0) & ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if len(todo) and max_distance_km > 0:
        lat = shapely.get_y(geoms[todo])
        max_deg = max_distance_km / (KM_PER_DEGREE * np.cos(np.radians(np.abs(lat).max())))
        q_i, q_r = tree.query_nearest(geoms[todo], max_distance=max_deg, all_matches=False)
        near = shapely.get_coordinates(
            shapely.shortest_line(geoms[todo][q_i], reg_geoms[q_r]))[1::2]
        d = great_circle_km(shapely.get_y(geoms[todo][q_i]), shapely.get_x(geoms[todo][q_i]),
                            near[:, 1], near[:, 0])
        ok = d <= max_distance_km
        pos[todo[q_i[ok]]] = q_r[ok]
        dist_km[todo[q_i[ok]]] = np.round(d[ok], 3)
    kode = reg["kode"].astype("string").to_numpy()
    nama = reg["nama"].astype("string").to_numpy()
    found = pos >= 0
    out = pd.DataFrame(index=pts.index)
    safe = np.maximum(pos, 0)
    out["kode"] = pd.array([k if f else None for k, f in zip(kode[safe], found, strict=True)],
                           dtype="string")
    out["nama"] = pd.array([k if f else None for k, f in zip(nama[safe], found, strict=True)],
                           dtype="string")
    out["metode"] = np.select([dist_km == 0, found], ["dalam", "terdekat"], "di_luar")
    out["distance_km"] = dist_km
    if declared_col and declared_col in pts.columns:
        declared = pd.array([normalise_region_code(v) for v in pts[declared_col]],
                            dtype="string")
        out["kode_wilayah"] = declared
        out["cocok"] = (out["kode"] == out["kode_wilayah"]).astype("boolean")
    n_near, n_out = int((out["metode"] == "terdekat").sum()), int((~found).sum())
    logger.info("Assigned %d points: %d inside, %d to the nearest region, %d outside every "
                "region", n, n - n_near - n_out, n_near, n_out)
    return cast(pd.DataFrame, out)
