"""Coverage cleaning and topology-preserving simplification of whole sets of regions.

Shared borders are simplified once and stay shared (no gaps or overlaps
between neighbours), unlike simplifying polygon by polygon. Used for the
national map, the bundled boundaries (``scripts/build_boundaries.py``,
``scripts/build_kecamatan.py``) and the report's drawings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from ..config import AREA_CRS
from ..errors import CRSError
from ._common import KM_PER_DEGREE, _area_km2

logger = logging.getLogger(__name__)


def _require_polygonal(geoms: NDArray[Any], labels: Iterable[object], *, what: str) -> None:
    types = shapely.get_type_id(geoms)
    bad = [f"{lab!s} ({'empty' if g is None else g.geom_type})"
           for lab, g, t in zip(labels, geoms, types, strict=True) if t not in (3, 6)]
    if bad:
        raise ValueError(
            f"{what}: {len(bad)} geometries are not polygons, e.g. {', '.join(bad[:5])}; "
            "a coverage needs Polygon or MultiPolygon geometries"
        )


def _clean_coverage(geoms: NDArray[Any], *, gap_width_deg: float,
                    grid_deg: float | None = None) -> NDArray[Any]:
    """Make polygons a clean coverage: no overlaps, shared edges identical, narrow gaps closed.

    ``shapely.coverage_clean`` (GEOS >= 3.14) removes overlaps and closes gaps
    narrower than ``gap_width_deg``. With ``grid_deg``, the cleaned linework is
    then snap-rounded to that grid and polygonised, so every vertex sits on the
    grid and shared edges are identical vertex by vertex: rounding the
    coordinates when writing cannot open gaps or overlaps.
    """
    if not hasattr(shapely, "coverage_clean"):  # pragma: no cover - shapely < 2.2
        raise ImportError(
            "cleaning a polygon coverage needs shapely >= 2.2 with GEOS >= 3.14 "
            "(shapely.coverage_clean); upgrade shapely"
        )
    cleaned = np.asarray(shapely.coverage_clean(geoms, gap_width=gap_width_deg))
    if grid_deg is None:
        return cleaned
    lines = shapely.union_all(shapely.boundary(cleaned), grid_size=grid_deg)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    inner = shapely.point_on_surface(faces)
    face_i, region_i = shapely.STRtree(cleaned).query(inner, predicate="within")
    owner = np.full(len(faces), -1)
    owner[face_i] = region_i  # cleaned regions do not overlap: at most one owner
    keep = owner >= 0  # faces owned by none are holes (lakes, wide gaps)
    faces, owner = faces[keep], owner[keep]
    order = np.argsort(owner, kind="stable")
    faces, owner = faces[order], owner[order]
    cuts = np.searchsorted(owner, np.arange(len(cleaned) + 1))
    out = np.array(
        [shapely.coverage_union_all(faces[a:b]) for a, b in zip(cuts[:-1], cuts[1:], strict=True)],
        dtype=object,
    )
    # a region reduced to nothing by snapping keeps its cleaned geometry (never lost)
    empty = shapely.is_empty(out)
    if empty.any():
        logger.warning("%d regions vanished when snapping to the grid; kept unsnapped",
                       int(empty.sum()))
        out[empty] = cleaned[empty]
    return out


def _drop_small_parts(geoms: NDArray[Any], *, min_part_km2: float,
                      keep_share: float = 0.97) -> tuple[NDArray[Any], int]:
    """Drop free-standing polygon parts smaller than ``min_part_km2``.

    A part is kept when it touches another region (dropping it would open a
    gap), when it is at least ``min_part_km2``, or while the parts kept so far
    (largest first) hold less than ``keep_share`` of the region's area -- so a
    region made of many small islands (Kepulauan Seribu) keeps most of them.
    ``keep_share`` is a share (0-1) of the region's area.
    Returns the geometries and the number of parts dropped.
    """
    n_parts = shapely.get_num_geometries(geoms)
    idx = np.repeat(np.arange(len(geoms)), n_parts)
    parts = shapely.get_parts(geoms)
    area = gpd.GeoSeries(parts, crs="EPSG:4326").to_crs(AREA_CRS).area.to_numpy() / 1e6
    part_i, region_i = shapely.STRtree(geoms).query(parts, predicate="intersects")
    touches = np.zeros(len(parts), dtype=bool)
    touches[np.unique(part_i[idx[part_i] != region_i])] = True
    df = pd.DataFrame({"region": idx, "area": area}).sort_values(
        ["region", "area"], ascending=[True, False])
    before = df.groupby("region")["area"].cumsum() - df["area"]
    total = df.groupby("region")["area"].transform("sum")
    keep_sorted = (df["area"] >= min_part_km2) | (before < keep_share * total)
    keep = np.zeros(len(parts), dtype=bool)
    keep[df.index[keep_sorted.to_numpy()]] = True
    keep |= touches
    out = np.asarray(shapely.multipolygons(parts[keep], indices=idx[keep]), dtype=object)
    return out, int((~keep).sum())


def simplify_coverage(gdf: gpd.GeoDataFrame, *, tolerance_km: float,
                      min_part_km2: float = 0.0, simplify_boundary: bool = True,
                      ) -> gpd.GeoDataFrame:
    """Simplify polygons as one coverage, so shared borders stay shared.

    Shared edges are simplified once (``shapely.coverage_simplify``,
    Visvalingam-Whyatt), so the result has no gaps or overlaps between
    neighbours, unlike simplifying polygon by polygon. An input that is not a
    clean coverage (overlaps, unmatched shared edges) is first cleaned with
    ``shapely.coverage_clean`` (needs shapely >= 2.2), and that is logged.
    Rows, their order, index and other columns are kept; no region becomes empty.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygon/MultiPolygon regions (any CRS; simplified in EPSG:4326).
    tolerance_km : float
        Roughly the square root of the area of the triangles removed, in km
        (converted at 111.32 km per degree). 0.5-2 km suits a national map.
    min_part_km2 : float, default 0
        Also drop free-standing parts (small islands) below this area in km²,
        keeping every region's largest parts (at least 97 % of its area) and
        every part that touches a neighbour.
    simplify_boundary : bool, default True
        Simplify the outer boundary (coasts) too, not only the shared borders.

    Returns
    -------
    geopandas.GeoDataFrame
        Same rows and columns, simplified geometry, EPSG:4326.

    Examples
    --------
    >>> from pengampuan.regions import load_regions
    >>> reg = load_regions("kabkota")
    >>> small = simplify_coverage(reg, tolerance_km=5)
    >>> len(small) == len(reg), bool(shapely.coverage_is_valid(small.geometry.values))
    (True, True)
    >>> int(shapely.get_num_coordinates(small.geometry.values).sum()) < int(
    ...     shapely.get_num_coordinates(reg.geometry.values).sum())
    True
    """
    if not tolerance_km >= 0:
        raise ValueError(f"tolerance_km={tolerance_km!r} must be >= 0")
    if not hasattr(shapely, "coverage_simplify"):  # pragma: no cover - shapely < 2.1
        raise ImportError("simplify_coverage needs shapely >= 2.1 (shapely.coverage_simplify, "
                          "GEOS >= 3.12); upgrade shapely")
    if gdf.crs is None:
        raise CRSError("simplify_coverage: the regions have no CRS; set one with .set_crs(...)")
    out = gdf.to_crs("EPSG:4326") if not gdf.crs.equals("EPSG:4326") else gdf.copy()
    geoms = np.asarray(out.geometry.values, dtype=object)
    _require_polygonal(geoms, out.index, what="simplify_coverage")
    if not shapely.coverage_is_valid(geoms):
        logger.info("The regions are not a clean coverage; cleaning them before simplifying")
        geoms = _clean_coverage(geoms, gap_width_deg=0.0)
    if min_part_km2 > 0:
        geoms, n_dropped = _drop_small_parts(geoms, min_part_km2=min_part_km2)
        logger.info("Dropped %d small free-standing parts (< %s km²)", n_dropped, min_part_km2)
    simplified = np.asarray(
        shapely.coverage_simplify(geoms, tolerance_km / KM_PER_DEGREE,
                                  simplify_boundary=simplify_boundary),
        dtype=object,
    )
    empty = shapely.is_empty(simplified)
    simplified[empty] = geoms[empty]  # never lose a region
    out = out.set_geometry(gpd.GeoSeries(simplified, index=out.index, crs="EPSG:4326"))
    if "luas_km2" in out:
        out["luas_km2"] = _area_km2(out)
    return out
