"""Access to care: the nearest capable hospital, access per kab/kota and an H3 access grid.

Distances are exact great-circle nearest neighbours (:class:`~pengampuan.geo.NearestIndex`,
a KD-tree on unit-sphere coordinates), never degrees or Web Mercator. Travel
times come from :mod:`pengampuan.travel`: the simple road model
(``travel="simple"``) or the sea-aware H3 model (``travel="sea"``).

Which hospitals count is :meth:`Dataset.capable`: those with ``layanan`` at
``min_strata`` or higher, for ``status="target"`` (the default: the higher of
current and target strata) or ``status="ada"`` (current strata only).
"""

from __future__ import annotations

import logging
import warnings
from typing import Any, Literal, cast

import geopandas as gpd
import numpy as np
import pandas as pd
from numpy.typing import NDArray

from ._inputs import (
    TRAVEL,  # noqa: F401  (still importable from here)
    _capable_or_raise,
    _check_choices,
    _check_regions,
    _NoCapableError,
    _point_lonlat,
    _warn_hospitals_off_land,
)
from ._messages import progress_bar
from .config import FASILITAS_LAYANAN, Config, is_approx_lokasi
from .dataset import Dataset
from .demand import (
    Demand,
    DemandKind,
    build_demand,
    region_totals,
    share_where,
    top_choice,
    weighted_max,
    weighted_mean,
)
from .errors import PengampuanWarning
from .geo import NearestIndex, great_circle_km, inside_point
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

__all__ = ["nearest_hospital", "district_access", "land_cells", "access_grid",
           "province_access_grid"]

Travel = Literal["simple", "sea"]

#: Points per KD-tree query in :func:`nearest_hospital` (bounds memory: ~60 MB a chunk).
CHUNK_SIZE = 1_000_000
#: Most hexagon polygons :func:`access_grid` builds with ``as_geodataframe=True``.
MAX_HEXAGONS = 500_000


class NoCapableHospitalWarning(PengampuanWarning):
    """No hospital qualifies (layanan at ``min_strata`` for ``status``, or ``fasilitas``).

    Every row or cell is then inf. Carries ``layanan``, ``min_strata``, ``status``
    and ``fasilitas`` (None when selected by layanan) so that a front end can say,
    in its user's words, which option to change.
    """

    def __init__(self, message: str, *, layanan: str | None, min_strata: str, status: str,
                 fasilitas: str | None = None) -> None:
        super().__init__(message)
        self.layanan, self.min_strata, self.status = layanan, min_strata, status
        self.fasilitas = fasilitas


def _capable_or_warn(ds: Dataset, *, layanan: str | None, min_strata: str, status: str,
                     fasilitas: str | None, bukti: Any, rows: str) -> pd.DataFrame:
    """The capable hospitals; none: a :class:`NoCapableHospitalWarning` and an empty table."""
    try:
        return _capable_or_raise(ds, layanan=layanan, min_strata=min_strata, status=status,
                                 fasilitas=fasilitas, bukti=bukti)
    except _NoCapableError as err:
        warnings.warn(NoCapableHospitalWarning(
            f"{err}; every {rows} gets distance_km = inf", layanan=layanan,
            min_strata=min_strata, status=status, fasilitas=fasilitas), stacklevel=3)
        return ds.rumah_sakit.iloc[0:0].assign(strata=pd.Series(dtype="string"))


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
    for start in progress_bar("nearest", iterable=starts, show=show_progress):
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
    layanan: str | None = None,
    min_strata: str = "madya",
    status: str = "target",
    max_distance_km: float | None = None,
    chunk_size: int = CHUNK_SIZE,
    show_progress: bool = False,
    fasilitas: str | None = None,
    bukti: Any = None,
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
    status : {"target", "ada"}, default "target"
        ``"target"``: the higher of current and target strata (e.g. "madya by
        2025"; the bundled strata of KMK HK.01.07/MENKES/1277/2024 are all
        targets); ``"ada"``: current strata only.
    max_distance_km : float, optional
        Points with no capable hospital this close get ``distance_km = inf``
        and <NA> in the other columns.
    chunk_size : int, default 1000000
        Points per KD-tree query.
    show_progress : bool, default False
        Show a tqdm progress bar over the chunks.
    fasilitas : str, optional
        The alternative to ``layanan``: hospitals that reported this service
        (``"hemodialisis"``, ``"cathlab"``, ``"radioterapi"``, ...; see
        :meth:`Dataset.capable`); ``strata`` is then <NA>.
    bukti : iterable of str, optional
        Evidence grades of the rows that count (None: ``DEFAULT_BUKTI``).

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
    cap = _capable_or_raise(ds, layanan=layanan, min_strata=min_strata, status=status,
                            fasilitas=fasilitas, bukti=bukti)
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
# per kab/kota (or per demand point)
Level = Literal["kabkota", "kecamatan"]
LEVELS: tuple[str, ...] = ("kabkota", "kecamatan")


def district_access(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str | None = None,
    min_strata: str = "madya",
    status: str = "target",
    travel: Travel = "simple",
    demand: DemandKind | gpd.GeoDataFrame = "kecamatan",
    level: Level = "kabkota",
    population: gpd.GeoDataFrame | None = None,
    graph: TravelGraph | None = None,
    sea_resolution: int = 6,
    sensitivity: bool = False,
    show_progress: bool = False,
    fasilitas: str | None = None,
    bukti: Any = None,
) -> gpd.GeoDataFrame:
    """
    Population-weighted access to the nearest capable hospital for every kab/kota.

    Distances and times are measured from the *demand points* of each kab/kota
    (:mod:`pengampuan.demand`) and averaged with their people as weights. By default
    these are the 7,285 bundled kecamatan points with their 2025 population
    (``demand="kecamatan"``), so a kab/kota whose hospitals sit at its main town is no
    longer "0 km away" for people living across it. The limit: a kecamatan is still one
    point. ``demand="kabkota"`` keeps the coarse model of one point inside each polygon
    (:func:`pengampuan.geo.inside_point`) carrying the whole population.

    Parameters
    ----------
    ds : Dataset
        Hospitals, strata and the region list (``penduduk`` comes from
        ``ds.wilayah`` when it has that column).
    regions : geopandas.GeoDataFrame
        Kab/kota polygons with ``kode``, ``nama`` (and ``kode_induk``), as
        returned by ``pg.load_regions(level="kabkota")``; any CRS.
    layanan, min_strata, status, fasilitas, bukti
        Which hospitals count, as in :func:`nearest_hospital` (``fasilitas``: reported
        services instead of strata, e.g. ``"hemodialisis"``).
    travel : {"simple", "sea"}, default "simple"
        Travel-time model of :mod:`pengampuan.travel`. With ``"sea"`` each demand
        point goes to the hospital it reaches fastest (crossings included).
    demand : {"kecamatan", "kabkota"} or geopandas.GeoDataFrame, default "kecamatan"
        Where people live (see :mod:`pengampuan.demand`): the bundled kecamatan
        points (assigned to the kab/kota of their code; a kab/kota without bundled
        kecamatan -- a code that is not Kemendagri 2025 -- is measured from one point
        inside it, with a warning when only some are), one point per kab/kota, or your
        own points with a ``penduduk`` column.
    level : {"kabkota", "kecamatan"}, default "kabkota"
        ``"kabkota"``: one row per region. ``"kecamatan"``: one row per demand point
        (kecamatan), e.g. to map the kecamatan of one province.
    population : geopandas.GeoDataFrame, optional
        Points with a ``penduduk`` column (e.g. a population grid): the same as
        ``demand=population`` (kept for existing code). Each point counts for the
        region of its ``kode_wilayah`` column, else for the polygon it lies in; points
        outside every region are reported in a warning and not counted.
    graph : TravelGraph, optional
        For ``travel="sea"``: a graph from
        :func:`~pengampuan.travel.build_travel_graph` to reuse across calls.
        Without it, the graph built is kept in a bounded cache and reused by
        later calls on the same regions (:func:`~pengampuan.travel.cached_travel_graph`).
    sea_resolution : int, default 6
        H3 resolution of the travel graph built when ``graph`` is not given.
    sensitivity : bool, default False
        Add ``distance_km_if_moved_min`` and ``distance_km_if_moved_max``: the
        population-weighted distance if every hospital with an approximate point
        (``lokasi_presisi`` ``desa``, ``kecamatan`` or ``kabkota``) stood at the nearest, or
        at the farthest, place of its kab/kota polygon (the others staying where they are). Planar
        nearest/farthest points in degrees, great-circle km (a sensitivity range, not
        an exact bound).
    show_progress : bool, default False
        Show tqdm progress bars.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per region, in the order of ``regions`` (never a missing row):
        ``kode``, ``nama``, ``kode_induk``, ``titik_lat``, ``titik_lon`` (a point
        inside the polygon), ``kode_rs``, ``nama_rs``, ``strata`` and
        ``lokasi_presisi`` of the hospital serving most people (``kabkota`` = its
        point is only known to lie in its kab/kota), ``distance_km`` and
        ``travel_min`` (population-weighted means over the demand points),
        ``distance_km_max`` (the farthest populated demand point), ``covered`` (a
        capable hospital is registered in the kab/kota, by its ``kode_wilayah``),
        ``n_capable`` (how many), ``threshold_min``
        (``Config.threshold_min(layanan)``), ``within_threshold``
        (``travel_min <= threshold_min``; <NA> without a threshold), ``penduduk``
        (if ``ds.wilayah`` has it), ``penduduk_within_threshold`` and
        ``share_within_threshold`` (people whose demand point is within the
        threshold, and their share), ``share_nearest_approx`` (share of the people
        whose chosen hospital has ``lokasi_presisi == "kabkota"``: how much of the
        row rests on an approximate point), ``penduduk_within_threshold_approx``
        (of the people within the threshold, those whose chosen hospital has an
        approximate point), ``n_demand`` (demand points used) and
        ``geometry``. With ``travel="sea"``: ``sea_crossings`` (boardings on the
        trip of the most populous demand point; 0 = by road) and
        ``share_sea_crossing``. With ``population``: ``penduduk_grid`` (persons
        counted). Without any capable hospital: ``distance_km = travel_min = inf``,
        ``covered = False`` (and a warning). ``attrs`` records layanan,
        min_strata, status, travel, demand and level.

        With ``level="kecamatan"``: one row per demand point, regions in their
        order: ``kode``, ``nama``, ``kode_induk`` (its kab/kota), ``jenis``,
        ``penduduk``, ``titik_lat``, ``titik_lon``, the chosen hospital (``kode_rs``,
        ``nama_rs``, ``strata``, ``lokasi_presisi``), ``distance_km``,
        ``travel_min``, ``threshold_min``, ``within_threshold`` and the kecamatan
        polygon as geometry (the kab/kota polygon for a kab/kota's own point, the
        point itself for user points).

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    >>> acc = district_access(ds, reg, layanan="jantung", min_strata="madya")
    >>> len(acc) == len(reg), acc.crs.to_epsg(), int(acc["n_demand"].sum())
    (True, 4326, 7285)
    >>> bool(acc.loc[acc["covered"], "n_capable"].ge(1).all())
    True
    >>> kec = district_access(ds, reg[reg["kode_induk"] == "17"], layanan="jantung",
    ...                       level="kecamatan")                # Bengkulu, per kecamatan
    >>> len(kec), bool((kec["distance_km"] >= 0).all())
    (129, True)
    """
    cfg = ds.config
    _check_choices(ds, layanan=layanan, min_strata=min_strata, status=status, travel=travel,
                   fasilitas=fasilitas, bukti=bukti)
    if level not in LEVELS:
        raise ValueError(f"level={level!r} is not known; expected one of {list(LEVELS)}")
    reg = _check_regions(regions)
    cap = _capable_or_warn(ds, layanan=layanan, min_strata=min_strata, status=status,
                           fasilitas=fasilitas, bukti=bukti, rows="kab/kota")
    if population is not None:
        dem = build_demand(reg, ds, demand=population, name="population")
    else:
        dem = build_demand(reg, ds, demand=demand)
    if travel == "sea" and graph is None and not cap.empty:
        graph = _default_graph(ds, reg, cap, resolution=sea_resolution,
                               extra_lon=dem.lon, extra_lat=dem.lat,
                               show_progress=show_progress)
    pos, dist, minutes, crossings = _route(cap, dem.lon, dem.lat, travel=travel, config=cfg,
                                           graph=graph, show_progress=show_progress)
    threshold = cfg.threshold_min(layanan or FASILITAS_LAYANAN.get(str(fasilitas), ""))
    lokasi = (cap["lokasi_presisi"] if "lokasi_presisi" in cap
              else pd.Series(pd.NA, index=cap.index, dtype="string"))
    approx = np.zeros(len(dem), dtype=bool)
    if len(cap):
        is_approx = is_approx_lokasi(lokasi).to_numpy(dtype=bool)
        approx = (pos >= 0) & is_approx[np.where(pos >= 0, pos, 0)]
    attrs = {"layanan": layanan, "min_strata": min_strata, "status": status, "travel": travel,
             "fasilitas": fasilitas, "demand": dem.model, "level": level}
    if level == "kecamatan":
        return _demand_rows(reg, dem, cap, lokasi, pos, dist, minutes, crossings,
                            threshold=threshold, attrs=attrs)

    n = len(reg)
    rep = inside_point(reg.geometry)
    top = top_choice(dem, pos, n)
    dist_w = weighted_mean(dem, dist, n)
    min_w = weighted_mean(dem, minutes, n)
    counts = cap["kode_wilayah"].value_counts() if not cap.empty else pd.Series(dtype=int)
    n_capable = reg["kode"].map(counts).fillna(0).astype(int).to_numpy()
    kode_induk = (reg["kode_induk"] if "kode_induk" in reg
                  else pd.Series(pd.NA, index=reg.index, dtype="string"))
    within = pd.array(min_w <= threshold if threshold is not None
                      else np.full(n, None), dtype="boolean")
    data: dict[str, Any] = {
        "kode": reg["kode"].to_numpy(), "nama": reg["nama"].to_numpy(),
        "kode_induk": kode_induk.to_numpy(),
        "titik_lat": rep.y.to_numpy(float), "titik_lon": rep.x.to_numpy(float),
        "kode_rs": take_strings(cap["kode_rs"], top), "nama_rs": take_strings(cap["nama"], top),
        "strata": take_strings(cap["strata"], top), "lokasi_presisi": take_strings(lokasi, top),
        "distance_km": dist_w, "travel_min": min_w,
        "distance_km_max": weighted_max(dem, dist, n),
        "covered": n_capable > 0, "n_capable": n_capable,
        "threshold_min": np.nan if threshold is None else threshold,
        "within_threshold": within,
    }
    if "penduduk" in ds.wilayah.columns:
        wil = ds.wilayah.drop_duplicates("kode").set_index("kode")["penduduk"]
        data["penduduk"] = reg["kode"].map(wil).astype("Int64").to_numpy()
    if threshold is not None:
        persons, share = share_where(dem, minutes <= threshold, n)
    else:
        persons, share = np.full(n, np.nan), np.full(n, np.nan)
    data["penduduk_within_threshold"] = persons
    data["share_within_threshold"] = share
    data["share_nearest_approx"] = share_where(dem, approx, n)[1]
    data["penduduk_within_threshold_approx"] = (
        share_where(dem, approx & (minutes <= threshold), n)[0] if threshold is not None
        else np.full(n, np.nan))
    data["n_demand"] = np.bincount(dem.owner, minlength=n).astype(np.int64)
    if crossings is not None:
        data["sea_crossings"] = _most_populous(dem, crossings.astype(np.int64), n)
        data["share_sea_crossing"] = share_where(dem, crossings > 0, n)[1]
    if population is not None:
        data["penduduk_grid"] = region_totals(dem, n)
    if sensitivity:
        lo, hi = _moved_range(cap, ds, reg, dem, dist)
        data["distance_km_if_moved_min"] = weighted_mean(dem, lo, n)
        data["distance_km_if_moved_max"] = weighted_mean(dem, hi, n)
    out = gpd.GeoDataFrame(data, geometry=reg.geometry.to_numpy(), crs="EPSG:4326")
    out.attrs = attrs
    logger.info("district_access %s>=%s (%s, %s, demand %s, %d points): %d of %d kab/kota "
                "covered", layanan or fasilitas, min_strata, status, travel, dem.model, len(dem),
                int(out["covered"].sum()), len(out))
    return out


def _most_populous(dem: Demand, values: NDArray[np.int64], n: int) -> NDArray[np.int64]:
    """Per region, ``values`` of its demand point with most people (first on ties)."""
    order = np.lexsort((-dem.penduduk, dem.owner))
    owner_sorted = dem.owner[order]
    first = np.r_[True, owner_sorted[1:] != owner_sorted[:-1]] if len(order) else \
        np.zeros(0, dtype=bool)
    out = np.zeros(n, dtype=np.int64)
    out[owner_sorted[first]] = values[order[first]]
    return out


def _demand_rows(reg: gpd.GeoDataFrame, dem: Demand, cap: pd.DataFrame, lokasi: pd.Series,
                 pos: NDArray[np.intp], dist: NDArray[np.float64],
                 minutes: NDArray[np.float64], crossings: NDArray[np.int32] | None, *,
                 threshold: float | None, attrs: dict[str, Any]) -> gpd.GeoDataFrame:
    """One row per demand point (``level="kecamatan"``)."""
    geoms = np.asarray(gpd.points_from_xy(dem.lon, dem.lat), dtype=object)
    own = dem.kind == "kabkota"
    geoms[own] = np.asarray(reg.geometry.values, dtype=object)[dem.owner[own]]
    kec = dem.kind == "kecamatan"
    if kec.any():
        from .regions.kecamatan import bundled_kecamatan

        poly = bundled_kecamatan().set_index("kode").geometry
        found = pd.Series(dem.kode[kec].astype(str)).map(poly).to_numpy(dtype=object)
        sub = geoms[kec]
        has = pd.notna(found)
        sub[has] = found[has]
        geoms[kec] = sub
    data: dict[str, Any] = {
        **dem.columns(reg, region_col="kode_induk"),
        "titik_lat": dem.lat, "titik_lon": dem.lon,
        "kode_rs": take_strings(cap["kode_rs"], pos), "nama_rs": take_strings(cap["nama"], pos),
        "strata": take_strings(cap["strata"], pos), "lokasi_presisi": take_strings(lokasi, pos),
        "distance_km": dist, "travel_min": minutes,
        "threshold_min": np.nan if threshold is None else threshold,
        "within_threshold": pd.array(minutes <= threshold if threshold is not None
                                     else np.full(len(dem), None), dtype="boolean"),
    }
    if crossings is not None:
        data["sea_crossings"] = crossings.astype(np.int64)
    out = gpd.GeoDataFrame(data, geometry=list(geoms), crs="EPSG:4326")
    out.attrs = attrs
    return out


def _moved_range(cap: pd.DataFrame, ds: Dataset, reg: gpd.GeoDataFrame, dem: Demand,
                 dist: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Nearest distance per demand point if approximate hospitals stood anywhere in their kab/kota.

    Lower end: the nearest of the exact hospitals and of the placeholder kab/kota polygons
    (distance to the polygon, 0 inside it). Upper end: the nearest of the exact hospitals
    and of each placeholder kab/kota's farthest point (a vertex of its convex hull).
    """
    import shapely

    n = len(dem)
    if cap.empty or "lokasi_presisi" not in cap:
        return dist.copy(), dist.copy()
    approx = is_approx_lokasi(cap["lokasi_presisi"]).to_numpy(bool)
    if not approx.any():
        return dist.copy(), dist.copy()
    exact = cap[~approx]
    d_exact = (_nearest(exact, dem.lon, dem.lat)[0] if len(exact) else np.full(n, np.inf))
    kab = sorted(set(cap.loc[approx, "kode_wilayah"].astype(str)))
    polys = reg.set_index(reg["kode"].astype(str)).geometry
    missing = [k for k in kab if k not in polys.index]
    if missing:  # placeholder kab/kota outside the given regions: the bundled polygons
        from .regions import load_regions

        bundled = load_regions(level="kabkota")
        polys = pd.concat([polys, bundled.set_index(bundled["kode"].astype(str)).geometry
                           .reindex(missing).dropna()])
    kab = [k for k in kab if k in polys.index]
    geoms = np.asarray(polys.reindex(kab).to_numpy(), dtype=object)
    pts = shapely.points(dem.lon, dem.lat)
    lo = np.minimum(d_exact, dist)   # the current placement is one of the possible ones
    hi = d_exact.copy()
    for g in geoms:
        near = shapely.get_coordinates(shapely.shortest_line(pts, g)).reshape(-1, 2, 2)[:, 1]
        d_lo = great_circle_km(dem.lat, dem.lon, near[:, 1], near[:, 0])
        hull = shapely.get_coordinates(shapely.convex_hull(g))
        d_far = great_circle_km(dem.lat[:, None], dem.lon[:, None], hull[None, :, 1],
                                hull[None, :, 0]).max(axis=1)
        lo = np.minimum(lo, d_lo)
        hi = np.minimum(hi, d_far)
    hi = np.maximum(hi, lo)
    return lo, hi


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
    layanan: str | None = None,
    min_strata: str = "madya",
    status: str = "target",
    resolution: int = 7,
    travel: Travel = "simple",
    cells: pd.DataFrame | None = None,
    graph: TravelGraph | None = None,
    sea_resolution: int = 6,
    as_geodataframe: bool = False,
    show_progress: bool = False,
    fasilitas: str | None = None,
    bukti: Any = None,
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
    layanan, min_strata, status, fasilitas, bukti
        Which hospitals count, as in :func:`nearest_hospital` (``fasilitas``: reported
        services instead of strata, e.g. ``"hemodialisis"``).
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
        on the way, int16). Without any capable hospital, as in
        :func:`district_access`: ``kode_rs`` <NA> and ``distance_km = travel_min =
        inf`` in every cell, with a :class:`NoCapableHospitalWarning`.

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
    _check_choices(ds, layanan=layanan, min_strata=min_strata, status=status, travel=travel,
                   fasilitas=fasilitas, bukti=bukti)
    cap = _capable_or_warn(ds, layanan=layanan, min_strata=min_strata, status=status,
                           fasilitas=fasilitas, bukti=bukti, rows="cell")
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
        if graph is None and not cap.empty:
            graph = _default_graph(ds, _check_regions(regions), cap,
                                   resolution=sea_resolution,
                                   extra_lon=np.empty(0) if finer else lon,
                                   extra_lat=np.empty(0) if finer else lat,
                                   extra_cells=ids if finer else None,
                                   show_progress=show_progress)
        if graph is not None and grid_res >= graph.resolution:
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
                 "status": status, "travel": travel, "fasilitas": fasilitas}
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


def province_access_grid(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    kode_prov: str,
    *,
    layanan: str | None = None,
    min_strata: str = "madya",
    status: str = "target",
    resolution: int = 7,
    travel: Travel = "simple",
    graph: TravelGraph | None = None,
    sea_resolution: int = 6,
    fasilitas: str | None = None,
    bukti: Any = None,
) -> gpd.GeoDataFrame:
    """
    The H3 access grid of one province as hexagons, ready to draw or write as GeoJSON.

    The national grid is too large for a web page (about 350,000 cells at resolution 7):
    write it with ``access_grid(...)`` to CSV/GeoPackage instead. The hospitals of the
    whole dataset count (people cross province borders), and with ``travel="sea"`` the
    travel graph is built from all ``regions``.

    Parameters
    ----------
    ds : Dataset
        Hospitals and their strata.
    regions : geopandas.GeoDataFrame
        All kab/kota polygons (``pg.load_regions(level="kabkota")``) with ``kode_induk``.
    kode_prov : str
        Province code (``PP``, e.g. ``"17"`` Bengkulu).
    layanan, min_strata, status, resolution, travel, graph, sea_resolution, fasilitas, bukti
        As in :func:`access_grid` (``fasilitas``: a reported service instead of a layanan).

    Returns
    -------
    geopandas.GeoDataFrame
        One hexagon per cell of the province (EPSG:4326): the columns of
        :func:`access_grid` plus ``nama_rs``, ``lokasi_presisi`` (of the chosen
        hospital; ``kabkota`` = approximate point), ``threshold_min`` and
        ``within_threshold``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    >>> hexes = province_access_grid(ds, reg, "17", layanan="jantung", resolution=6)
    >>> hexes.crs.to_epsg(), set(hexes["kode"].astype(str).str[:2])
    (4326, {'17'})
    >>> hd = province_access_grid(ds, reg, "17", fasilitas="hemodialisis", resolution=6)
    >>> hd.attrs["fasilitas"], float(hd["threshold_min"].iloc[0])
    ('hemodialisis', 60.0)
    """
    reg = _check_regions(regions)
    if "kode_induk" not in reg:
        raise ValueError("regions has no column 'kode_induk'; pass pg.load_regions("
                         "level='kabkota')")
    sel = reg[reg["kode_induk"].astype(str) == str(kode_prov)]
    if sel.empty:
        known = sorted(set(reg["kode_induk"].dropna().astype(str)))
        raise ValueError(f"kode_prov={kode_prov!r} has no kab/kota in regions; expected one "
                         f"of {known}")
    cells = land_cells(sel, resolution)
    grid = access_grid(ds, reg, layanan=layanan, min_strata=min_strata, status=status,
                       travel=travel, cells=cells, graph=graph, sea_resolution=sea_resolution,
                       as_geodataframe=True, fasilitas=fasilitas, bukti=bukti)
    cap = ds.capable(layanan=layanan, min_strata=min_strata, status=status, bukti=bukti,
                     fasilitas=fasilitas)
    info = cap.drop_duplicates("kode_rs").set_index(cap["kode_rs"].drop_duplicates()
                                                     .astype(str).to_numpy())
    kode_rs = grid["kode_rs"].astype(str)
    grid["nama_rs"] = kode_rs.map(info["nama"]).astype("string")
    grid["lokasi_presisi"] = (kode_rs.map(info["lokasi_presisi"]).astype("string")
                              if "lokasi_presisi" in info else pd.NA)
    threshold = ds.config.threshold_min(layanan or FASILITAS_LAYANAN.get(str(fasilitas), ""))
    grid["threshold_min"] = np.nan if threshold is None else threshold
    grid["within_threshold"] = pd.array(grid["travel_min"].to_numpy() <= threshold
                                        if threshold is not None else np.full(len(grid), None),
                                        dtype="boolean")
    return cast(gpd.GeoDataFrame, grid)
