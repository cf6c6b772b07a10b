"""Supply/demand accessibility: the two-step floating catchment area (2SFCA) family.

:func:`two_step_fca` computes the classic 2SFCA (Luo & Wang 2003) and, with a
distance decay, the enhanced 2SFCA (E2SFCA, Luo & Qi 2009) on great-circle
distances. Catchments are sparse: only the (demand, supply) pairs within
``max_distance_km`` are ever formed (a KD-tree range search on unit-sphere
coordinates, :func:`pairs_within`), and both steps are sparse matrix-vector
products, so the method scales to grids of hundreds of thousands of cells.

The definitions are those of PySAL ``access`` (``access.fca.two_stage_fca``):

1. for each supply point *j*: ``R_j = S_j / sum_i P_i * w(d_ij)`` over the
   demand points *i* with ``d_ij <= max_distance_km`` (the bound is inclusive);
2. for each demand point *i*: ``A_i = sum_j R_j * w(d_ij)`` over the supply
   points *j* with ``d_ij <= max_distance_km``,

with ``w = 1`` for the classic method and the same decay weight in both steps
for the enhanced one. Two edge cases are defined here where PySAL yields
NaN/inf: a demand point with no supply within reach gets ``0`` (an empty sum),
and a supply point with no weighted demand within reach contributes nothing
(``R_j = 0``; it serves no one). Both are counted in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from numpy.typing import ArrayLike, NDArray
from scipy import sparse
from scipy.spatial import cKDTree

from .geo import chord_to_km, great_circle_km, km_to_chord, lonlat_to_xyz, require_wgs84

logger = logging.getLogger(__name__)

__all__ = ["two_step_fca", "decay_function", "LUO_QI_ZONE_WEIGHTS"]

DecayName = Literal["gaussian", "step"]
DecayFunction = Callable[[NDArray[np.float64]], ArrayLike]

#: Weights of the three travel zones (0-10, 10-20, 20-30 min) of Luo & Qi (2009),
#: taken from a Gaussian function; PySAL ``access`` uses them as the default E2SFCA weights.
LUO_QI_ZONE_WEIGHTS: tuple[float, float, float] = (1.0, 0.68, 0.22)

#: sigma / max_distance_km of the "gaussian" decay: the weight at a third of the
#: catchment is 0.68 (Luo & Qi's second zone), hence 0.68**4 = 0.21 at two thirds
#: (their 0.22) and 0.68**9 = 0.03 at the edge.
_GAUSSIAN_SIGMA_FRACTION = 1.0 / (3.0 * np.sqrt(2.0 * np.log(1.0 / LUO_QI_ZONE_WEIGHTS[1])))


def decay_function(decay: DecayName | DecayFunction, *, max_distance_km: float) -> DecayFunction:
    """
    The distance-decay weight function named by ``decay`` for a catchment of ``max_distance_km``.

    Parameters
    ----------
    decay : {"gaussian", "step"} or callable
        ``"step"``: Luo & Qi (2009) zone weights 1, 0.68 and 0.22 for the first,
        second and last third of the catchment (``d <= max/3``, ``<= 2 max/3``,
        ``<= max``), i.e. PySAL's default E2SFCA weights
        ``access.weights.step_fn({10: 1, 20: 0.68, 30: 0.22})`` when
        ``max_distance_km=30``. ``"gaussian"``: ``exp(-d**2 / (2 sigma**2))``
        (PySAL ``access.weights.gaussian(sigma)``) with ``sigma = 0.38 *
        max_distance_km``, so that the weight is 0.68 at a third and 0.21 at two
        thirds of the catchment, close to the step weights. A callable is
        returned unchanged.
    max_distance_km : float
        Catchment radius in km.

    Returns
    -------
    callable
        Maps an array of distances in km to weights in [0, 1].

    Examples
    --------
    >>> w = decay_function("step", max_distance_km=30)
    >>> w(np.array([0.0, 10.0, 15.0, 30.0])).tolist()
    [1.0, 1.0, 0.68, 0.22]
    >>> g = decay_function("gaussian", max_distance_km=30)
    >>> np.round(g(np.array([0.0, 10.0, 20.0])), 2).tolist()
    [1.0, 0.68, 0.21]
    """
    if callable(decay):
        return decay
    if decay == "step":
        cuts = np.array([1.0, 2.0, 3.0]) * max_distance_km / 3.0
        zone_w = np.array([*LUO_QI_ZONE_WEIGHTS, 0.0])

        def step(distance_km: NDArray[np.float64]) -> NDArray[np.float64]:
            d = np.asarray(distance_km, dtype=float)
            return np.asarray(zone_w[np.searchsorted(cuts, d, side="left")])

        return step
    if decay == "gaussian":
        sigma_km = _GAUSSIAN_SIGMA_FRACTION * max_distance_km

        def gaussian(distance_km: NDArray[np.float64]) -> NDArray[np.float64]:
            d = np.asarray(distance_km, dtype=float)
            return np.asarray(np.exp(-d * d / (2.0 * sigma_km**2)))

        return gaussian
    raise ValueError(
        f"decay={decay!r} is not known; expected None, 'gaussian', 'step' or a function "
        "of distance_km returning weights in [0, 1]"
    )


def two_step_fca(
    demand: gpd.GeoDataFrame,
    supply: gpd.GeoDataFrame,
    *,
    demand_col: str,
    supply_col: str,
    max_distance_km: float,
    decay: DecayName | DecayFunction | None = None,
    normalize: bool = False,
    name: str | None = None,
) -> pd.Series:
    """
    Two-step floating catchment area accessibility (2SFCA / E2SFCA) on great-circle distances.

    Step 1 divides each supply point's capacity by the (decay-weighted) demand
    within ``max_distance_km`` of it; step 2 sums, for each demand point, those
    supply-to-demand ratios over the supply points within reach (weighted by
    the same decay). The result is supply per unit of demand, e.g. beds per
    person; it equals PySAL ``access`` (``Access.two_stage_fca`` /
    ``enhanced_two_stage_fca``) given the same great-circle cost matrix, except
    that demand points with no supply within reach get 0 instead of NaN (see
    the module notes).

    Parameters
    ----------
    demand, supply : geopandas.GeoDataFrame
        Point layers (any CRS, reprojected to EPSG:4326). For polygons, pass
        ``gdf.set_geometry(gdf.representative_point())``.
    demand_col : str
        Column of ``demand`` with the demand (e.g. ``penduduk``), finite and >= 0.
    supply_col : str
        Column of ``supply`` with the capacity (e.g. ``tempat_tidur``), finite and >= 0.
    max_distance_km : float
        Catchment radius in km (great-circle); pairs at exactly this distance count.
    decay : {None, "gaussian", "step"} or callable, optional
        None: classic 2SFCA (Luo & Wang 2003), every pair in the catchment has
        weight 1. Otherwise the enhanced 2SFCA (Luo & Qi 2009) with these
        distance-decay weights in both steps; see :func:`decay_function`. A
        callable receives an array of distances in km (or one float, if it
        fails on arrays) and returns weights in [0, 1].
    normalize : bool, default False
        Divide by the demand-weighted mean accessibility (PySAL's
        ``normalize=True``), so that 1 is the average.
    name : str, optional
        Name of the result; default ``"akses_2sfca"`` or ``"akses_e2sfca"``.

    Returns
    -------
    pandas.Series
        Accessibility per demand point, index = ``demand.index``.

    Raises
    ------
    ValueError
        On missing or non-point geometries, a missing column, negative or
        non-finite values, a non-positive ``max_distance_km`` or weights outside [0, 1].

    Examples
    --------
    Two villages of 100 and 300 people, 11 and 22 km from a 40-bed hospital:

    >>> import geopandas as gpd
    >>> demand = gpd.GeoDataFrame({"penduduk": [100, 300]},
    ...     geometry=gpd.points_from_xy([100.0, 100.3], [0.0, 0.0]), crs="EPSG:4326")
    >>> supply = gpd.GeoDataFrame({"tempat_tidur": [40]},
    ...     geometry=gpd.points_from_xy([100.1], [0.0]), crs="EPSG:4326")
    >>> two_step_fca(demand, supply, demand_col="penduduk", supply_col="tempat_tidur",
    ...              max_distance_km=50).tolist()
    [0.1, 0.1]
    >>> two_step_fca(demand, supply, demand_col="penduduk", supply_col="tempat_tidur",
    ...              max_distance_km=20).tolist()     # only the first village is in reach
    [0.4, 0.0]
    """
    if not (np.isfinite(max_distance_km) and max_distance_km > 0):
        raise ValueError(f"max_distance_km={max_distance_km!r} must be a finite number > 0")
    dem_lon, dem_lat = _point_coords(demand, name="demand")
    sup_lon, sup_lat = _point_coords(supply, name="supply")
    pop = _nonnegative(demand, demand_col, name="demand")
    cap = _nonnegative(supply, supply_col, name="supply")
    weight_fn = None if decay is None else decay_function(decay, max_distance_km=max_distance_km)

    i, j, distance_km = pairs_within(
        dem_lon, dem_lat, sup_lon, sup_lat, max_distance_km=max_distance_km
    )
    w = np.ones_like(distance_km) if weight_fn is None else _weights(weight_fn, distance_km)
    n_dem, n_sup = len(pop), len(cap)
    catch = sparse.coo_array((w, (i, j)), shape=(n_dem, n_sup))   # the sparse catchments

    demand_reached = catch.T @ pop                         # step 1: weighted demand per supply
    ratio = np.zeros(n_sup)
    np.divide(cap, demand_reached, out=ratio, where=demand_reached > 0)
    score = np.asarray(catch @ ratio, dtype=float)          # step 2: sum of reachable ratios

    idle = int(np.count_nonzero((demand_reached <= 0) & (cap > 0)))
    unserved = int(np.count_nonzero(np.bincount(i, minlength=n_dem) == 0))
    logger.info(
        "2SFCA: %d demand x %d supply points, %d pairs within %.1f km; %d demand points "
        "with no supply in reach (access 0), %d supply points with no demand in reach",
        n_dem, n_sup, len(distance_km), max_distance_km, unserved, idle,
    )
    if normalize:
        total = float(pop.sum())
        mean_access = float(score @ pop) / total if total > 0 else 0.0
        if mean_access > 0:
            score = score / mean_access
    label = name or ("akses_2sfca" if decay is None else "akses_e2sfca")
    return pd.Series(score, index=demand.index, name=label)


def pairs_within(
    lon_a: ArrayLike,
    lat_a: ArrayLike,
    lon_b: ArrayLike,
    lat_b: ArrayLike,
    *,
    max_distance_km: float,
) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
    """
    Every pair of points (one of set *a*, one of set *b*) at most ``max_distance_km`` apart.

    Both sets go into KD-trees of unit-sphere coordinates, and the pairs come
    from one dual-tree range search (sparse: the full distance matrix is never
    formed). A chord is monotone in the arc, so the search is exact; arcs are
    computed from the chords, and pairs at the bound itself are settled with
    :func:`pengampuan.geo.great_circle_km` (the bound is inclusive).

    Parameters
    ----------
    lon_a, lat_a, lon_b, lat_b : array_like
        Coordinates in degrees (EPSG:4326).
    max_distance_km : float
        Radius in km.

    Returns
    -------
    (ia, ib, distance_km) : tuple of numpy.ndarray
        Positions in *a* and *b* and the great-circle distance of each pair,
        in no particular order.

    Examples
    --------
    >>> ia, ib, d_km = pairs_within([100.0, 105.0], [0.0, 0.0], [101.0], [0.0],
    ...                             max_distance_km=200)
    >>> ia.tolist(), ib.tolist(), d_km.round(3).tolist()
    ([0], [0], [111.195])
    """
    la, pa = np.asarray(lon_a, dtype=float).ravel(), np.asarray(lat_a, dtype=float).ravel()
    lb, pb = np.asarray(lon_b, dtype=float).ravel(), np.asarray(lat_b, dtype=float).ravel()
    if len(la) == 0 or len(lb) == 0:
        return np.empty(0, np.intp), np.empty(0, np.intp), np.empty(0, float)
    # Unbalanced trees build faster and query as fast on points this regular.
    tree_a = cKDTree(lonlat_to_xyz(la, pa), balanced_tree=False, compact_nodes=False)
    tree_b = cKDTree(lonlat_to_xyz(lb, pb), balanced_tree=False, compact_nodes=False)
    radius = float(km_to_chord(max_distance_km)) * (1.0 + 1e-9)
    found = tree_a.sparse_distance_matrix(tree_b, radius, output_type="ndarray")
    ia, ib = found["i"].astype(np.intp), found["j"].astype(np.intp)
    distance_km = chord_to_km(found["v"])
    # The chord and the haversine formulas agree to ~1e-12 km; settle pairs at the
    # bound itself with great_circle_km, so that "<= max_distance_km" means the same
    # as on a cost matrix built with it.
    edge = np.flatnonzero(np.abs(distance_km - max_distance_km) <= 1e-9 * max_distance_km)
    distance_km[edge] = great_circle_km(pa[ia[edge]], la[ia[edge]], pb[ib[edge]], lb[ib[edge]])
    keep = distance_km <= max_distance_km
    return ia[keep], ib[keep], distance_km[keep]


# ----------------------------------------------------------------------
def _point_coords(
    gdf: gpd.GeoDataFrame, *, name: str
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Lon/lat arrays of a point layer; every geometry must be a non-empty Point."""
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise TypeError(f"{name} must be a GeoDataFrame of points, not {type(gdf).__name__}")
    gdf = require_wgs84(gdf, name=name)
    geom = np.asarray(gdf.geometry.array)
    bad = (shapely.get_type_id(geom) != 0) | shapely.is_empty(geom)   # 0 = Point
    if bad.any():
        labels = ", ".join(map(repr, gdf.index[bad][:5].tolist()))
        raise ValueError(
            f"{name}: {int(bad.sum())} of {len(gdf)} rows have no Point geometry "
            f"(index {labels}); for polygons pass "
            f"{name}.set_geometry({name}.representative_point())"
        )
    xy = shapely.get_coordinates(geom)
    return xy[:, 0].copy(), xy[:, 1].copy()


def _nonnegative(gdf: pd.DataFrame, col: str, *, name: str) -> NDArray[np.float64]:
    """Values of ``gdf[col]`` as floats; every one finite and >= 0."""
    if col not in gdf.columns:
        raise ValueError(f"{name} has no column {col!r}; columns are {list(gdf.columns)}")
    values = pd.to_numeric(gdf[col], errors="coerce").astype(float).to_numpy()
    bad = ~np.isfinite(values) | (values < 0)
    if bad.any():
        shown = ", ".join(
            f"{lab!r}: {val!r}"
            for lab, val in zip(gdf.index[bad][:5].tolist(), gdf[col][bad][:5].tolist(),
                                strict=True)
        )
        raise ValueError(
            f"{name}, column {col!r}: {int(bad.sum())} of {len(gdf)} values are missing, "
            f"non-numeric, infinite or negative ({shown}); expected numbers >= 0"
        )
    return values


def _weights(fn: DecayFunction, distance_km: NDArray[np.float64]) -> NDArray[np.float64]:
    """Apply a decay function to an array of distances; check the weights are in [0, 1]."""
    try:
        w = np.asarray(fn(distance_km), dtype=float)
    except (TypeError, ValueError):
        w = np.empty(0)
    if w.shape != distance_km.shape:  # a function of one float (e.g. access.weights.step_fn)
        logger.debug("decay function is not vectorised; applying it point by point")
        w = np.fromiter(
            (fn(d) for d in distance_km.tolist()), dtype=float, count=len(distance_km)
        )
    bad = ~np.isfinite(w) | (w < 0) | (w > 1)
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"decay returned {int(bad.sum())} weights outside [0, 1] (e.g. {w[k]!r} at "
            f"{distance_km[k]:.3f} km); a decay must map distance_km to a weight between 0 and 1"
        )
    return w
