"""Access to care: the nearest capable hospital, access per kab/kota and an H3 access grid.

Distances are exact great-circle nearest neighbours (:class:`~pengampuan.geo.NearestIndex`,
a KD-tree on unit-sphere coordinates), never degrees or Web Mercator. Travel
times come from :mod:`pengampuan.travel`: the simple road model
(``travel="simple"``) or the sea-aware H3 model (``travel="sea"``).

Which hospitals count is :meth:`Dataset.capable`: those with ``layanan`` at
``min_strata`` or higher, for ``status="ada"`` (current strata) or
``status="target"`` (the higher of current and target strata).
"""

from __future__ import annotations

import logging
import warnings
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
from numpy.typing import NDArray
from tqdm import tqdm

from ._inputs import (
    TRAVEL,  # noqa: F401  (still importable from here)
    _capable_or_raise,
    _check_choices,
    _labels,
    _NoCapableError,
    _point_lonlat,
    _warn_hospitals_off_land,
)
from .config import Config
from .dataset import Dataset
from .errors import PengampuanWarning
from .geo import NearestIndex, great_circle_km, inside_point, require_wgs84
from .travel import (
    TravelGraph,
    cached_travel_graph,
    cells_to_str,
    polyfill_regions,
    str_to_cells,
    take_strings,
    travel_time_simple,
)

logger = logging.getLogger(__name__)

__all__ = ["nearest_hospital", "district_access", "land_cells", "access_grid"]

Travel = Literal["simple", "sea"]

#: Points per KD-tree query in :func:`nearest_hospital` (bounds memory: ~60 MB a chunk).
CHUNK_SIZE = 1_000_000
#: Most hexagon polygons :func:`access_grid` builds with ``as_geodataframe=True``.
MAX_HEXAGONS = 500_000


# ---------------------------------------------------------------------------
# input checks
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


# ---------------------------------------------------------------------------
# nearest hospital
def _nearest(
    cap: pd.DataFrame, lon: NDArray[np.float64], lat: NDArray[np.float64], *,
    max_distance_km: float | None = None, chunk_size: int = CHUNK_SIZE,
    show_progress: bool = False,
) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    """Great-circle distance and position in ``cap`` of the nearest row (-1 when none)."""
    n = len(lon)
    dist = np.full(n, np.inf)
    pos = np.full(n, -1, dtype=np.intp)
    if cap.empty or n == 0:
        return dist, pos
    index = NearestIndex(lon=cap["lon"].to_numpy(float), lat=cap["lat"].to_numpy(float))
    starts = range(0, n, max(1, chunk_size))
    for start in tqdm(starts, desc="rumah sakit terdekat", unit="blok", disable=not show_progress):
        stop = min(n, start + chunk_size)
        d, i = index.query(lon=lon[start:stop], lat=lat[start:stop],
                           max_distance_km=max_distance_km, chunk_size=chunk_size,
                           workers=-1 if stop - start >= 20_000 else 1)
        found = i < len(index)
        dist[start:stop] = np.where(found, d, np.inf)
        pos[start:stop] = np.where(found, i, -1)
    return dist, pos


def nearest_hospital(
    points: gpd.GeoDataFrame | pd.DataFrame,
    ds: Dataset,
    *,
    layanan: str,
    min_strata: str = "madya",
    status: str = "ada",
    max_distance_km: float | None = None,
    chunk_size: int = CHUNK_SIZE,
    show_progress: bool = False,
) -> pd.DataFrame:
    """
    The nearest hospital able to provide ``layanan`` at ``min_strata`` or higher.

    Exact great-circle nearest neighbours (KD-tree on unit-sphere coordinates),
    distances on a sphere of ``EARTH_RADIUS_KM`` (within 0.6 % of the WGS84
    geodesic). Large inputs are processed in chunks of ``chunk_size`` points.

    Parameters
    ----------
    points : geopandas.GeoDataFrame or pandas.DataFrame
        Points (any CRS; reprojected to EPSG:4326), or a table with ``lat`` and
        ``lon`` columns in degrees.
    ds : Dataset
        Hospitals and their strata.
    layanan : str
        Layanan code (``kanker``, ``jantung``, ``stroke``, ``uronefrologi``, ...).
    min_strata : str, default "madya"
        Lowest strata that counts (``dasar`` < ``madya`` < ``utama`` < ``paripurna``).
    status : {"ada", "target"}, default "ada"
        ``"ada"``: current strata; ``"target"``: the higher of current and
        target strata (e.g. "madya by 2025").
    max_distance_km : float, optional
        Points with no capable hospital this close get ``distance_km = inf``
        and <NA> in the other columns.
    chunk_size : int, default 1000000
        Points per KD-tree query.
    show_progress : bool, default False
        Show a tqdm progress bar over the chunks.

    Returns
    -------
    pandas.DataFrame
        Index of ``points``; columns ``kode_rs``, ``nama``, ``strata`` (strings)
        and ``distance_km`` (float).

    Raises
    ------
    ValueError
        When no hospital is capable (the message names layanan, min_strata,
        status and how many hospitals have the layanan at all), or when
        points are missing or out of range.

    Examples
    --------
    >>> import pandas as pd, pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> pts = pd.DataFrame({"lat": [-6.19, -7.80], "lon": [106.80, 110.37]},
    ...                    index=["Slipi", "Yogyakarta"])
    >>> near = nearest_hospital(pts, ds, layanan="kanker", min_strata="paripurna",
    ...                         status="target")
    >>> near.loc["Slipi", "nama"], bool(near.loc["Slipi", "distance_km"] < 1)
    ('RS Kanker Dharmais', True)
    """
    lon, lat = _point_lonlat(points)
    cap = _capable_or_raise(ds, layanan=layanan, min_strata=min_strata, status=status)
    if max_distance_km is not None and not max_distance_km >= 0:
        raise ValueError(f"max_distance_km={max_distance_km!r} must be >= 0")
    dist, pos = _nearest(cap, lon, lat, max_distance_km=max_distance_km, chunk_size=chunk_size,
                         show_progress=show_progress)
    out: pd.DataFrame = pd.DataFrame(
        {"kode_rs": take_strings(cap["kode_rs"], pos), "nama": take_strings(cap["nama"], pos),
         "strata": take_strings(cap["strata"], pos), "distance_km": dist},
        index=points.index,
    )
    n_far = int((pos < 0).sum())
    if n_far:
        logger.info("%d of %d points have no capable hospital within %s km",
                    n_far, len(pos), max_distance_km)
    return out


# ---------------------------------------------------------------------------
# routing shared by district_access and access_grid
def _route(
    cap: pd.DataFrame,
    lon: NDArray[np.float64],
    lat: NDArray[np.float64],
    *,
    travel: str,
    config: Config,
    graph: TravelGraph | None = None,
    origin_nodes: NDArray[np.intp] | None = None,
    show_progress: bool = False,
) -> tuple[NDArray[np.intp], NDArray[np.float64], NDArray[np.float64],
           NDArray[np.int32] | None]:
    """Chosen hospital (position in cap, -1 none), distance_km, travel_min and sea crossings.

    ``simple``: the nearest hospital (also the fastest under the simple model);
    no crossings (None). ``sea``: the fastest through ``graph``; where none is
    reachable, the nearest by distance with ``travel_min = inf``.
    """
    dist, pos = _nearest(cap, lon, lat, show_progress=show_progress)
    if travel == "simple":
        minutes = np.asarray(travel_time_simple(dist, config=config))
        return pos, dist, minutes, None
    if cap.empty:
        return pos, dist, np.full(len(lon), np.inf), np.zeros(len(lon), dtype=np.int32)
    if graph is None:  # pragma: no cover - callers build one
        raise ValueError("travel='sea' needs a travel graph")
    minutes, dest, crossings = graph.travel(origin_lon=lon, origin_lat=lat,
                                 dest_lon=cap["lon"].to_numpy(float),
                                 dest_lat=cap["lat"].to_numpy(float), origin_nodes=origin_nodes)
    reached = dest >= 0
    safe = np.where(reached, dest, 0)
    d_fast = great_circle_km(lat, lon, cap["lat"].to_numpy(float)[safe],
                             cap["lon"].to_numpy(float)[safe])
    return np.where(reached, dest, pos), np.where(reached, d_fast, dist), minutes, crossings


def _default_graph(ds: Dataset, regions: gpd.GeoDataFrame, cap: pd.DataFrame, *,
                   resolution: int, extra_lon: NDArray[np.float64],
                   extra_lat: NDArray[np.float64], extra_cells: NDArray[np.uint64] | None = None,
                   show_progress: bool = False) -> TravelGraph:
    """A travel graph holding every hospital of ``ds`` (so it serves every layanan).

    Kept in the bounded cache of :func:`~pengampuan.travel.cached_travel_graph`,
    so calls for other layanan or strata on the same regions and points reuse it.
    """
    _warn_hospitals_off_land(cap, regions, stacklevel=3)
    rs = ds.rumah_sakit
    ok = rs["lat"].notna() & rs["lon"].notna()
    return cached_travel_graph(
        regions, resolution=resolution, config=ds.config,
        extra_points=(np.concatenate([extra_lon, rs.loc[ok, "lon"].to_numpy(float)]),
                      np.concatenate([extra_lat, rs.loc[ok, "lat"].to_numpy(float)])),
        extra_cells=extra_cells, show_progress=show_progress)


# ---------------------------------------------------------------------------
# per kab/kota
def district_access(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str,
    min_strata: str = "madya",
    status: str = "ada",
    travel: Travel = "simple",
    population: gpd.GeoDataFrame | None = None,
    graph: TravelGraph | None = None,
    sea_resolution: int = 6,
    show_progress: bool = False,
) -> gpd.GeoDataFrame:
    """
    Access to the nearest capable hospital for every kab/kota.

    Distances are measured from a point inside each polygon
    (:func:`pengampuan.geo.inside_point`: on the largest part of the polygon, never a
    centroid that may fall in the sea),
    or, when ``population`` is given, from the population points in the
    district, weighted by their ``penduduk``.

    Parameters
    ----------
    ds : Dataset
        Hospitals, strata and the region list (``penduduk`` comes from
        ``ds.wilayah`` when it has that column).
    regions : geopandas.GeoDataFrame
        Kab/kota polygons with ``kode``, ``nama`` (and ``kode_induk``), as
        returned by ``pg.load_regions(level="kabkota")``; any CRS.
    layanan, min_strata, status
        Which hospitals count, as in :func:`nearest_hospital`.
    travel : {"simple", "sea"}, default "simple"
        Travel-time model of :mod:`pengampuan.travel`. With ``"sea"`` the
        hospital reported is the one reached fastest (crossings included).
    population : geopandas.GeoDataFrame, optional
        Points with a ``penduduk`` column (a population grid). Each point
        counts for the kab/kota it lies in; points outside every region are
        reported in a warning and not counted.
    graph : TravelGraph, optional
        For ``travel="sea"``: a graph from
        :func:`~pengampuan.travel.build_travel_graph` to reuse across calls.
        Without it, the graph built is kept in a bounded cache and reused by
        later calls on the same regions (:func:`~pengampuan.travel.cached_travel_graph`).
    sea_resolution : int, default 6
        H3 resolution of the travel graph built when ``graph`` is not given.
    show_progress : bool, default False
        Show tqdm progress bars.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per region, in the order of ``regions`` (never a missing row):
        ``kode``, ``nama``, ``kode_induk``, ``titik_lat``, ``titik_lon`` (the
        point measured from), ``kode_rs``, ``nama_rs``, ``strata`` and
        ``lokasi_presisi`` of the chosen hospital (``kabkota`` = its point is
        only known to lie in its kab/kota, so its distance is approximate),
        ``distance_km`` (great-circle), ``travel_min``, ``covered`` (a capable
        hospital is registered in the kab/kota, by its ``kode_wilayah``),
        ``n_capable`` (how many), ``threshold_min``
        (``Config.threshold_min(layanan)``), ``within_threshold``
        (``travel_min <= threshold_min``; <NA> without a threshold),
        ``penduduk`` (if ``ds.wilayah`` has it) and ``geometry``. With
        ``travel="sea"``: ``sea_crossings`` (boardings on the trip from the
        point inside the polygon; 0 = by road). With ``population``:
        ``distance_km`` and ``travel_min`` are population-weighted means, the
        hospital is the one serving most people, and ``penduduk_grid``
        (persons counted) and ``share_within_threshold`` are added (and
        ``share_sea_crossing`` with ``travel="sea"``). Without any capable hospital:
        ``distance_km = travel_min = inf``, ``covered = False`` (and a warning).
        ``attrs`` records layanan, min_strata, status and travel.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    >>> acc = district_access(ds, reg, layanan="jantung", min_strata="madya")
    >>> len(acc) == len(reg), acc.crs.to_epsg()
    (True, 4326)
    >>> bool(acc.loc[acc["covered"], "n_capable"].ge(1).all())
    True
    """
    cfg = ds.config
    _check_choices(ds, layanan=layanan, min_strata=min_strata, status=status, travel=travel)
    reg = _check_regions(regions)
    try:
        cap = _capable_or_raise(ds, layanan=layanan, min_strata=min_strata, status=status)
    except _NoCapableError as err:
        warnings.warn(f"{err}; every kab/kota gets distance_km = inf", PengampuanWarning,
                      stacklevel=2)
        cap = ds.rumah_sakit.iloc[0:0].assign(strata=pd.Series(dtype="string"))
    rep = inside_point(reg.geometry)
    t_lon, t_lat = rep.x.to_numpy(float), rep.y.to_numpy(float)

    pop_lon = pop_lat = pop_w = np.empty(0)
    pop_owner = np.empty(0, dtype=np.intp)
    if population is not None:
        pop_lon, pop_lat, pop_w, pop_owner = _population_points(population, reg)
    if travel == "sea" and graph is None and not cap.empty:
        graph = _default_graph(ds, reg, cap, resolution=sea_resolution,
                               extra_lon=np.concatenate([t_lon, pop_lon]),
                               extra_lat=np.concatenate([t_lat, pop_lat]),
                               show_progress=show_progress)
    pos, dist, minutes, crossings = _route(cap, t_lon, t_lat, travel=travel, config=cfg,
                                           graph=graph, show_progress=show_progress)
    threshold = cfg.threshold_min(layanan)
    extra: dict[str, Any] = {}
    if crossings is not None:
        extra["sea_crossings"] = crossings
    if population is not None:
        pos, dist, minutes, pop_extra = _population_weighted(
            cap, reg, pos, dist, minutes, pop_lon, pop_lat, pop_w, pop_owner,
            travel=travel, config=cfg, graph=graph, threshold=threshold,
            show_progress=show_progress)
        extra.update(pop_extra)

    counts = cap["kode_wilayah"].value_counts() if not cap.empty else pd.Series(dtype=int)
    n_capable = reg["kode"].map(counts).fillna(0).astype(int).to_numpy()
    kode_induk = (reg["kode_induk"] if "kode_induk" in reg
                  else pd.Series(pd.NA, index=reg.index, dtype="string"))
    within = pd.array(minutes <= threshold if threshold is not None
                      else np.full(len(reg), None), dtype="boolean")
    lokasi = (cap["lokasi_presisi"] if "lokasi_presisi" in cap
              else pd.Series(pd.NA, index=cap.index, dtype="string"))
    data: dict[str, Any] = {
        "kode": reg["kode"].to_numpy(), "nama": reg["nama"].to_numpy(),
        "kode_induk": kode_induk.to_numpy(),
        "titik_lat": t_lat, "titik_lon": t_lon,
        "kode_rs": take_strings(cap["kode_rs"], pos), "nama_rs": take_strings(cap["nama"], pos),
        "strata": take_strings(cap["strata"], pos), "lokasi_presisi": take_strings(lokasi, pos),
        "distance_km": dist, "travel_min": minutes,
        "covered": n_capable > 0, "n_capable": n_capable,
        "threshold_min": np.nan if threshold is None else threshold,
        "within_threshold": within,
    }
    if "penduduk" in ds.wilayah.columns:
        wil = ds.wilayah.drop_duplicates("kode").set_index("kode")["penduduk"]
        data["penduduk"] = reg["kode"].map(wil).astype("Int64").to_numpy()
    data.update(extra)
    out = gpd.GeoDataFrame(data, geometry=reg.geometry.to_numpy(), crs="EPSG:4326")
    out.attrs = {"layanan": layanan, "min_strata": min_strata, "status": status,
                 "travel": travel}
    logger.info("district_access %s>=%s (%s, %s): %d of %d kab/kota covered",
                layanan, min_strata, status, travel, int(out["covered"].sum()), len(out))
    return out


def _population_points(
    population: gpd.GeoDataFrame, reg: gpd.GeoDataFrame
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.intp]]:
    """Lon, lat, persons and region position of each population point inside a region."""
    if not isinstance(population, gpd.GeoDataFrame):
        raise TypeError("population must be a GeoDataFrame of Points with a 'penduduk' column")
    if "penduduk" not in population.columns:
        raise ValueError("population has no column 'penduduk' (persons per point)")
    lon, lat = _point_lonlat(population, name="population")
    w = pd.to_numeric(population["penduduk"], errors="coerce").to_numpy(dtype=float,
                                                                        na_value=np.nan)
    bad = np.isnan(w) | (w < 0)
    if bad.any():
        raise ValueError(f"population: {int(bad.sum())} 'penduduk' values are missing, not "
                         f"numbers or negative (index {_labels(population.index[bad])})")
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    hit = gpd.sjoin(pts, reg[["geometry"]], how="left", predicate="intersects")
    hit = hit[~hit.index.duplicated(keep="first")].sort_index()  # overlaps: first region
    owner = hit["index_right"].to_numpy(dtype=float, na_value=np.nan)
    inside = ~np.isnan(owner)
    if not inside.all():
        n_out = int((~inside).sum())
        warnings.warn(
            f"{n_out} of {len(inside)} population points ({w[~inside].sum():,.0f} persons) lie "
            f"outside every region and are not counted (index "
            f"{_labels(population.index[~inside])})", PengampuanWarning, stacklevel=3)
    return lon[inside], lat[inside], w[inside], owner[inside].astype(np.intp)


def _population_weighted(
    cap: pd.DataFrame, reg: gpd.GeoDataFrame, pos: NDArray[np.intp],
    dist: NDArray[np.float64], minutes: NDArray[np.float64],
    lon: NDArray[np.float64], lat: NDArray[np.float64], w: NDArray[np.float64],
    owner: NDArray[np.intp], *, travel: str, config: Config, graph: TravelGraph | None,
    threshold: float | None, show_progress: bool,
) -> tuple[NDArray[np.intp], NDArray[np.float64], NDArray[np.float64], dict[str, Any]]:
    """Population-weighted distance and time per region (regions without people keep theirs)."""
    p_pos, p_dist, p_min, p_cross = _route(cap, lon, lat, travel=travel, config=config,
                                           graph=graph, show_progress=show_progress)
    n = len(reg)
    total = np.bincount(owner, weights=w, minlength=n)

    def wmean(values: NDArray[np.float64]) -> NDArray[np.float64]:
        contrib = np.where(w > 0, w * values, 0.0)  # 0 persons x inf counts as 0
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.bincount(owner, weights=contrib, minlength=n) / total

    has_people = total > 0
    dist = np.where(has_people, wmean(p_dist), dist)
    minutes = np.where(has_people, wmean(p_min), minutes)
    share = np.full(n, np.nan)
    if threshold is not None:
        inside = np.bincount(owner, weights=w * (p_min <= threshold), minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(has_people, inside / total, np.nan)
    # the hospital serving most people in each region
    served = pd.DataFrame({"owner": owner, "pos": p_pos, "w": w})
    served = served[served["pos"] >= 0].groupby(["owner", "pos"], sort=False)["w"].sum()
    if len(served):
        top = served.sort_values(ascending=False).reset_index().drop_duplicates("owner")
        pos = pos.copy()
        pos[top["owner"].to_numpy()] = top["pos"].to_numpy()
    n_empty = int((~has_people).sum())
    if n_empty:
        logger.info("%d of %d regions hold no population point; measured from a point "
                    "inside the polygon instead", n_empty, n)
    extra: dict[str, Any] = {"penduduk_grid": total, "share_within_threshold": share}
    if p_cross is not None:
        by_sea = np.bincount(owner, weights=w * (p_cross > 0), minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            extra["share_sea_crossing"] = np.where(has_people, by_sea / total, np.nan)
    return pos, dist, minutes, extra


# ---------------------------------------------------------------------------
# H3 grid
def land_cells(
    regions: gpd.GeoDataFrame, resolution: int = 7, *, show_progress: bool = False
) -> pd.DataFrame:
    """
    H3 cells over the land: cells whose centre lies in a region polygon.

    Compute once and pass to :func:`access_grid` (``cells=``) for every
    layanan and strata: filling the polygons is the slow part (~2.5 s
    for Indonesia at resolution 8, ~2.4 million cells).

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        Polygons with a unique ``kode`` column (``pg.load_regions(level="kabkota")``).
    resolution : int, default 7
        H3 resolution (7: ~5.2 km² cells, ~350,000 nationally; 8: ~0.74 km²).
    show_progress : bool, default False
        Kept for compatibility: the polygons are filled in one vectorised call,
        without a progress bar.

    Returns
    -------
    pandas.DataFrame
        Sorted by cell: ``h3`` (15-digit string), ``lat``, ``lon`` (cell
        centre, degrees) and ``kode`` (categorical; a cell whose centre falls
        in two overlapping regions goes to the first). Regions smaller than a
        cell may have none. ``attrs["resolution"]`` holds the resolution.

    Examples
    --------
    >>> import pengampuan as pg
    >>> reg = pg.load_regions(level="kabkota")
    >>> cells = land_cells(reg[reg["kode"] == "17.71"], resolution=7)  # Kota Bengkulu
    >>> len(cells) > 10, list(cells.columns)
    (True, ['h3', 'lat', 'lon', 'kode'])
    """
    from .travel import cell_centres

    reg = _check_regions(regions)
    cells, owner = polyfill_regions(reg.geometry, resolution, show_progress=show_progress)
    lat, lon = cell_centres(cells)
    kode = pd.Categorical.from_codes(owner, categories=pd.Index(reg["kode"].astype(str)))
    out: pd.DataFrame = pd.DataFrame({"h3": pd.array(cells_to_str(cells), dtype="str"),
                        "lat": lat, "lon": lon, "kode": kode})
    out.attrs = {"resolution": int(resolution)}
    n_empty = len(reg) - len(np.unique(owner))
    if n_empty:
        logger.info("%d regions are smaller than one H3 cell at resolution %d and have no cell",
                    n_empty, resolution)
    return out


def access_grid(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str,
    min_strata: str = "madya",
    status: str = "ada",
    resolution: int = 7,
    travel: Travel = "simple",
    cells: pd.DataFrame | None = None,
    graph: TravelGraph | None = None,
    sea_resolution: int = 6,
    as_geodataframe: bool = False,
    show_progress: bool = False,
) -> pd.DataFrame:
    """
    Distance and travel time to the nearest capable hospital on an H3 grid of the land.

    One KD-tree query for all cells (``travel="simple"``) or one multi-source
    Dijkstra on the sea-aware graph (``travel="sea"``). Pass ``cells`` (from
    :func:`land_cells`) and ``graph`` (from
    :func:`~pengampuan.travel.build_travel_graph`) to reuse them across
    layanan and strata.

    Parameters
    ----------
    ds : Dataset
        Hospitals and their strata.
    regions : geopandas.GeoDataFrame
        Kab/kota polygons (``pg.load_regions(level="kabkota")``).
    layanan, min_strata, status
        Which hospitals count, as in :func:`nearest_hospital`.
    resolution : int, default 7
        H3 resolution of the grid (ignored when ``cells`` is given).
    travel : {"simple", "sea"}, default "simple"
        Travel-time model (:mod:`pengampuan.travel`).
    cells : pandas.DataFrame, optional
        Output of :func:`land_cells`, reused.
    graph : TravelGraph, optional
        Sea-aware graph, reused (``travel="sea"``). Without it, the graph built
        is cached (:func:`~pengampuan.travel.cached_travel_graph`).
    sea_resolution : int, default 6
        Resolution of the travel graph built when ``graph`` is not given.
    as_geodataframe : bool, default False
        Add hexagon polygons (a GeoDataFrame, EPSG:4326) -- for small areas:
        at most 500,000 cells.
    show_progress : bool, default False
        Show tqdm progress bars.

    Returns
    -------
    pandas.DataFrame or geopandas.GeoDataFrame
        One row per cell: ``h3``, ``lat``, ``lon``, ``kode`` (kab/kota),
        ``kode_rs`` (categorical; the nearest, or with ``"sea"`` the fastest
        hospital), ``distance_km`` and ``travel_min`` (float32; ``inf`` when
        unreachable); with ``travel="sea"`` also ``sea_crossings`` (boardings
        on the way, int16).

    Raises
    ------
    ValueError
        When no hospital is capable.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    >>> bengkulu = reg[reg["kode_induk"] == "17"]
    >>> grid = access_grid(ds, bengkulu, layanan="jantung", resolution=6)
    >>> list(grid.columns)
    ['h3', 'lat', 'lon', 'kode', 'kode_rs', 'distance_km', 'travel_min']
    >>> bool((grid["distance_km"] >= 0).all())
    True
    """
    _check_choices(ds, layanan=layanan, min_strata=min_strata, status=status, travel=travel)
    cap = _capable_or_raise(ds, layanan=layanan, min_strata=min_strata, status=status)
    if cells is None:
        cells = land_cells(regions, resolution, show_progress=show_progress)
    else:
        _check_cells(cells)
    lon = cells["lon"].to_numpy(float)
    lat = cells["lat"].to_numpy(float)
    nodes = None
    if travel == "sea":
        ids = str_to_cells(cells["h3"].to_numpy())
        grid_res = int((ids[0] >> np.uint64(52)) & np.uint64(0xF)) if len(ids) else sea_resolution
        finer = grid_res >= sea_resolution
        if graph is None:
            graph = _default_graph(ds, _check_regions(regions), cap,
                                   resolution=sea_resolution,
                                   extra_lon=np.empty(0) if finer else lon,
                                   extra_lat=np.empty(0) if finer else lat,
                                   extra_cells=ids if finer else None,
                                   show_progress=show_progress)
        if grid_res >= graph.resolution:
            nodes = graph.locate_cells(ids)
    pos, dist, minutes, crossings = _route(cap, lon, lat, travel=travel, config=ds.config,
                                           graph=graph, origin_nodes=nodes,
                                           show_progress=show_progress)
    kode_rs = pd.Categorical.from_codes(
        pos, categories=pd.Index(cap["kode_rs"].astype(str)))
    out: pd.DataFrame = pd.DataFrame({
        "h3": cells["h3"], "lat": cells["lat"], "lon": cells["lon"], "kode": cells["kode"],
        "kode_rs": kode_rs, "distance_km": dist.astype(np.float32),
        "travel_min": minutes.astype(np.float32),
    })
    if crossings is not None:
        out["sea_crossings"] = crossings.astype(np.int16)
    out.attrs = {**cells.attrs, "layanan": layanan, "min_strata": min_strata,
                 "status": status, "travel": travel}
    if as_geodataframe:
        out = _with_hexagons(out)
    return out


def _check_cells(cells: pd.DataFrame) -> None:
    missing = [c for c in ("h3", "lat", "lon", "kode") if c not in cells.columns]
    if missing:
        raise ValueError(f"cells has no column(s) {missing}; pass the output of land_cells()")


def _with_hexagons(grid: pd.DataFrame) -> gpd.GeoDataFrame:
    import h3
    from shapely.geometry import Polygon

    if len(grid) > MAX_HEXAGONS:
        raise ValueError(
            f"as_geodataframe=True would build {len(grid):,} hexagons (limit {MAX_HEXAGONS:,}); "
            f"select fewer regions or use a coarser resolution, or keep the h3 column and "
            f"draw the cells with a tool that reads H3 ids")
    polys = [Polygon([(lng, lat) for lat, lng in h3.cell_to_boundary(c)])
             for c in grid["h3"].tolist()]
    hexagons: gpd.GeoDataFrame = gpd.GeoDataFrame(grid, geometry=polys, crs="EPSG:4326")
    return hexagons
