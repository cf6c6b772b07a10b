"""BASELINE ONLY -- a frozen copy of pengampuan/travel.py as of commit b072026.

Kept inside benchmarks/ so that bench_sea_travel.py and bench_access_grid.py can time
the previous implementation (per-cell ``grid_disk`` neighbours, explicit two-step
path enumeration, per-region polyfill, a Python loop over ``cell_to_latlng``)
against the current one in the same run. Not part of the package; not imported by it.
"""

# ruff: noqa
# fmt: off

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

import geopandas as gpd
import numpy as np
import pandas as pd
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.sparse.csgraph import dijkstra
from tqdm import tqdm

from pengampuan.config import DEFAULT_CONFIG, Config
from pengampuan.geo import great_circle_km, require_wgs84

if TYPE_CHECKING:  # pragma: no cover
    from pengampuan.dataset import Dataset

logger = logging.getLogger(__name__)

__all__ = ["travel_time_simple", "TravelGraph", "build_travel_graph", "sea_aware_travel"]

#: Default width of the sea buffer around land, km (so crossings up to ~300 km are handled).
SEA_BUFFER_KM = 150.0

_HEX_DIGITS = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_HEX_VALUE = np.zeros(256, dtype=np.uint64)
_HEX_VALUE[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16, dtype=np.uint64)
_HEX_VALUE[np.frombuffer(b"ABCDEF", dtype=np.uint8)] = np.arange(10, 16, dtype=np.uint64)


# ---------------------------------------------------------------------------
# simple model
@overload
def travel_time_simple(distance_km: float, *, config: Config | None = None) -> float: ...
@overload
def travel_time_simple(distance_km: pd.Series, *, config: Config | None = None) -> pd.Series: ...
@overload
def travel_time_simple(
    distance_km: ArrayLike, *, config: Config | None = None
) -> NDArray[np.float64]: ...
def travel_time_simple(distance_km: Any, *, config: Config | None = None) -> Any:
    """
    Road travel time in minutes from a great-circle distance (simple model).

    ``distance_km x circuity_factor / road_speed_kmh x 60``, with the
    parameters of ``config`` (estimates; see :class:`~pengampuan.config.Config`).
    Sea crossings are not modelled: use :func:`sea_aware_travel` for that.

    Parameters
    ----------
    distance_km : float, array_like or pandas.Series
        Great-circle distances in km (``inf`` stays ``inf``).
    config : Config, optional
        Travel-model parameters; default :data:`~pengampuan.config.DEFAULT_CONFIG`.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Minutes, in the shape of the input (a Series keeps its index and is
        named ``travel_min``).

    Examples
    --------
    >>> travel_time_simple(100.0)  # 100 km x 1.3 / 40 km/h
    195.0
    >>> travel_time_simple([0.0, 40.0]).tolist()
    [0.0, 78.0]
    """
    cfg = config or DEFAULT_CONFIG
    factor = cfg.circuity_factor / cfg.road_speed_kmh * 60.0
    if isinstance(distance_km, pd.Series):
        return (distance_km.astype(float) * factor).rename("travel_min")
    out = np.asarray(distance_km, dtype=float) * factor
    return float(out) if out.ndim == 0 else out


# ---------------------------------------------------------------------------
# H3 helpers (vectorised where h3 itself works cell by cell)
def _h3() -> Any:
    try:
        import h3.api.numpy_int as h3n
    except ImportError as err:  # pragma: no cover - h3 is a core dependency
        raise ImportError("the H3 grid needs the 'h3' package (>= 4.0): pip install h3") from err
    return h3n


def _check_resolution(resolution: int, *, name: str = "resolution") -> int:
    if isinstance(resolution, bool) or int(resolution) != resolution or not 0 <= resolution <= 15:
        raise ValueError(f"{name}={resolution!r} is not an H3 resolution; expected 0..15")
    return int(resolution)


def cells_to_str(cells: ArrayLike) -> NDArray[np.str_]:
    """H3 cell ids (uint64) as the usual 15-digit hexadecimal strings, vectorised.

    Examples
    --------
    >>> cells_to_str([0x8665b4c07ffffff]).tolist()
    ['8665b4c07ffffff']
    """
    c = np.asarray(cells, dtype=np.uint64).ravel()
    octets = c.astype(">u8").view(np.uint8).reshape(-1, 8)  # big-endian bytes
    nibbles = np.empty((len(c), 16), dtype=np.uint8)
    nibbles[:, 0::2] = octets >> 4
    nibbles[:, 1::2] = octets & 0xF
    chars = np.ascontiguousarray(_HEX_DIGITS[nibbles[:, 1:]])  # 15 digits: bits 59..0
    return chars.view("S15").ravel().astype(str)


def str_to_cells(cells: ArrayLike) -> NDArray[np.uint64]:
    """15-digit hexadecimal H3 strings as uint64 cell ids (inverse of :func:`cells_to_str`).

    Examples
    --------
    >>> hex(int(str_to_cells(["8665b4c07ffffff"])[0]))
    '0x8665b4c07ffffff'
    """
    s = np.asarray(cells, dtype="S15").ravel()
    if len(s) and (np.char.str_len(s) != 15).any():
        bad = s[np.char.str_len(s) != 15][0].decode()
        raise ValueError(f"{bad!r} is not a 15-digit H3 cell id")
    nib = _HEX_VALUE[s.view(np.uint8).reshape(len(s), 15)]
    shifts = np.arange(56, -1, -4, dtype=np.uint64)
    return np.bitwise_or.reduce(nib << shifts, axis=1) if len(s) else np.empty(0, np.uint64)


def parent_cells(cells: ArrayLike, resolution: int) -> NDArray[np.uint64]:
    """Parent cells at a coarser ``resolution`` (the H3 bit layout, vectorised).

    Same result as ``h3.cell_to_parent`` for each cell, without a Python loop.

    Examples
    --------
    >>> import h3
    >>> c = h3.str_to_int(h3.latlng_to_cell(-6.2, 106.8, 8))
    >>> int(parent_cells([c], 6)[0]) == h3.str_to_int(h3.cell_to_parent(h3.int_to_str(c), 6))
    True
    """
    res = _check_resolution(resolution)
    c = np.asarray(cells, dtype=np.uint64).ravel()
    own = (c >> np.uint64(52)) & np.uint64(0xF)
    if len(c) and (own < res).any():
        raise ValueError(f"parent_cells: some cells are coarser than resolution {res}")
    digits = np.uint64((1 << (3 * (15 - res))) - 1)  # the digits of resolutions res+1..15
    res_field = np.uint64(0xF << 52)
    return np.asarray((c & ~res_field & ~digits) | np.uint64(res << 52) | digits, dtype=np.uint64)


def cell_centres(cells: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Latitudes and longitudes (degrees) of the centres of H3 cells (uint64).

    Examples
    --------
    >>> lat, lon = cell_centres(point_cells([106.85], [-6.2], 9))
    >>> round(float(lat[0]), 2), round(float(lon[0]), 2)
    (-6.2, 106.85)
    """
    import h3.api.basic_int as h3b

    c = np.asarray(cells, dtype=np.uint64).ravel()
    flat = np.fromiter(itertools.chain.from_iterable(map(h3b.cell_to_latlng, c.tolist())),
                       dtype=float, count=2 * len(c))
    return flat[0::2].copy(), flat[1::2].copy()


def point_cells(lon: ArrayLike, lat: ArrayLike, resolution: int) -> NDArray[np.uint64]:
    """The H3 cell (uint64) holding each lon/lat point at ``resolution``.

    Examples
    --------
    >>> cells_to_str(point_cells([0.0], [0.0], 5)).tolist()
    ['85754e67fffffff']
    """
    h3n = _h3()
    res = _check_resolution(resolution)
    lon_a = np.asarray(lon, dtype=float).ravel().tolist()
    lat_a = np.asarray(lat, dtype=float).ravel().tolist()
    return np.array([h3n.latlng_to_cell(y, x, res) for x, y in zip(lon_a, lat_a, strict=True)],
                    dtype=np.uint64)


def polyfill_regions(
    geometries: Sequence[Any] | gpd.GeoSeries, resolution: int, *, show_progress: bool = False
) -> tuple[NDArray[np.uint64], NDArray[np.int32]]:
    """Cells whose centre lies in each polygon, and the position of that polygon.

    Polygons are filled one by one (``h3.geo_to_h3shape`` + ``h3shape_to_cells``,
    centre containment). A cell whose centre falls in two overlapping polygons
    is kept once, for the first of them. The cells come back sorted.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> cells, owner = polyfill_regions([box(100, 0, 101, 1), box(101, 0, 102, 1)], 4)
    >>> len(cells) > 0, sorted(set(owner.tolist()))
    (True, [0, 1])
    """
    import h3

    h3n = _h3()
    res = _check_resolution(resolution)
    parts: list[NDArray[np.uint64]] = []
    owners: list[NDArray[np.int32]] = []
    geoms = list(geometries)
    for i, geom in enumerate(tqdm(geoms, desc=f"sel H3 r{res}", unit="wilayah",
                                  disable=not show_progress)):
        if geom is None or geom.is_empty:
            continue
        got = np.asarray(h3n.h3shape_to_cells(h3.geo_to_h3shape(geom), res), dtype=np.uint64)
        parts.append(got)
        owners.append(np.full(len(got), i, dtype=np.int32))
    if not parts:
        return np.empty(0, np.uint64), np.empty(0, np.int32)
    cells = np.concatenate(parts)
    owner = np.concatenate(owners)
    order = np.argsort(cells, kind="stable")  # ties keep polygon order: the first one wins
    cells, owner = cells[order], owner[order]
    first = _first_of_runs(cells)
    n_dup = len(cells) - int(first.sum())
    cells, owner = cells[first], owner[first]
    if n_dup:
        logger.info("%d cells had their centre in two regions (overlaps); kept the first", n_dup)
    return cells, owner


def _first_of_runs(sorted_values: NDArray[Any]) -> NDArray[np.bool_]:
    """True at the first element of each run of equal values in a sorted array."""
    keep = np.ones(len(sorted_values), dtype=bool)
    keep[1:] = sorted_values[1:] != sorted_values[:-1]
    return keep


def _unique(values: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """Sorted unique values (sort-based: faster than ``np.unique`` for uint64 cell ids)."""
    s = np.sort(values)
    return s[_first_of_runs(s)]


def _spacing_km(resolution: int) -> float:
    """Mean distance between neighbouring cell centres at ``resolution``, km."""
    import h3

    return math.sqrt(3.0) * float(h3.average_hexagon_edge_length(resolution, unit="km"))


def _neighbours(cells: NDArray[np.uint64], *, show_progress: bool = False,
                desc: str = "tetangga H3") -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """(cell, neighbour) id pairs for each of the (up to 6) neighbours of ``cells``."""
    import h3.api.basic_int as h3b

    rows = [h3b.grid_disk(c, 1) for c in tqdm(cells.tolist(), desc=desc, unit="sel",
                                              disable=not show_progress, mininterval=1.0)]
    counts = np.fromiter((len(r) for r in rows), dtype=np.intp, count=len(rows))
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.uint64,
                       count=int(counts.sum()))
    origin = np.repeat(cells, counts)
    keep = flat != origin  # grid_disk includes the cell itself
    return origin[keep], flat[keep]


def _positions(sorted_cells: NDArray[np.uint64], cells: NDArray[np.uint64]) -> NDArray[np.intp]:
    """Position of each cell in ``sorted_cells``, -1 when absent."""
    if len(sorted_cells) == 0:
        return np.full(len(cells), -1, dtype=np.intp)
    pos = np.searchsorted(sorted_cells, cells)
    pos = np.minimum(pos, len(sorted_cells) - 1)
    return np.where(sorted_cells[pos] == cells, pos, -1).astype(np.intp)


# ---------------------------------------------------------------------------
# sea-aware model
@dataclass(frozen=True, eq=False)
class TravelGraph:
    """A land/sea H3 grid with travel costs, ready for multi-source shortest paths.

    Build it with :func:`build_travel_graph`; reuse it for many layanan and
    strata (the graph does not depend on which hospitals are capable).

    Attributes
    ----------
    resolution : int
        H3 resolution of the cells.
    cells : numpy.ndarray
        Sorted uint64 cell ids (land first or not: use ``is_land``).
    lat, lon : numpy.ndarray
        Cell centres, degrees.
    is_land : numpy.ndarray
        True for land cells.
    reverse_min : scipy.sparse.csr_array
        ``reverse_min[v, u]`` = minutes to travel from cell ``u`` to its
        neighbour ``v`` (the transpose of the travel costs, so a Dijkstra from
        the hospitals gives the time *to* them).
    config : Config
        The travel-model parameters used.
    sea_buffer_km : float
        Width of the sea buffer; crossings up to ``max_crossing_km`` are handled.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> islands = gpd.GeoSeries([box(100, 0, 101, 1), box(101.5, 0, 102.5, 1)], crs=4326)
    >>> g = build_travel_graph(islands, resolution=5, sea_buffer_km=60)
    >>> minutes, dest, crossings = g.travel(origin_lon=[100.5, 102.0], origin_lat=[0.5, 0.5],
    ...                                     dest_lon=[100.2], dest_lat=[0.5])
    >>> dest.tolist(), crossings.tolist(), bool(minutes[1] > minutes[0] + 60)
    ([0, 0], [0, 1], True)
    """

    resolution: int
    cells: NDArray[np.uint64]
    lat: NDArray[np.float64]
    lon: NDArray[np.float64]
    is_land: NDArray[np.bool_]
    reverse_min: sp.csr_array
    config: Config = field(default_factory=lambda: DEFAULT_CONFIG)
    sea_buffer_km: float = SEA_BUFFER_KM

    def __repr__(self) -> str:
        n_land = int(self.is_land.sum())
        return (f"<TravelGraph r{self.resolution}: {n_land} land + {len(self.cells) - n_land} "
                f"sea cells, {self.reverse_min.nnz} edges, crossings up to "
                f"{self.max_crossing_km:.0f} km>")

    @property
    def max_crossing_km(self) -> float:
        """Longest sea crossing the buffer can hold (two buffers meet mid-strait)."""
        return 2.0 * self.sea_buffer_km

    def locate(self, *, lon: ArrayLike, lat: ArrayLike) -> NDArray[np.intp]:
        """Node position of the cell holding each point (-1 when not in the graph)."""
        return _positions(self.cells, point_cells(lon, lat, self.resolution))

    def locate_cells(self, cells: ArrayLike) -> NDArray[np.intp]:
        """Node position for H3 cells (uint64) at this or a finer resolution (-1 when absent)."""
        c = np.asarray(cells, dtype=np.uint64).ravel()
        if len(c) == 0:
            return np.empty(0, dtype=np.intp)
        res = (c >> np.uint64(52)) & np.uint64(0xF)
        if (res < self.resolution).any():
            raise ValueError(f"cells coarser than the graph resolution {self.resolution}")
        return _positions(self.cells, parent_cells(c, self.resolution))

    def _road_min(self, distance_km: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(travel_time_simple(distance_km, config=self.config))

    def times_to(
        self, *, lon: ArrayLike, lat: ArrayLike
    ) -> tuple[NDArray[np.float64], NDArray[np.intp], NDArray[np.int32]]:
        """Minutes from every cell centre to the fastest-reached destination point.

        Parameters
        ----------
        lon, lat : array_like
            Destinations (hospitals), degrees. A destination whose cell is not in
            the graph is ignored (logged).

        Returns
        -------
        (numpy.ndarray, numpy.ndarray, numpy.ndarray)
            Per node: minutes (``inf`` when unreachable), the position of the
            destination reached first (-1 when none) and the number of
            boardings (land-to-sea steps) on the way.
        """
        lon_d = np.asarray(lon, dtype=float).ravel()
        lat_d = np.asarray(lat, dtype=float).ravel()
        node = self.locate(lon=lon_d, lat=lat_d)
        ok = np.flatnonzero(node >= 0)
        if len(ok) < len(node):
            logger.info("%d of %d destinations lie outside the travel graph and are ignored",
                        len(node) - len(ok), len(node))
        n = len(self.cells)
        if len(ok) == 0:
            return (np.full(n, np.inf), np.full(n, -1, dtype=np.intp),
                    np.zeros(n, dtype=np.int32))
        # One virtual node per destination, joined to its cell by the road leg
        # from the cell centre to the destination (tiny floor: zero would be no edge).
        leg = self._road_min(great_circle_km(self.lat[node[ok]], self.lon[node[ok]],
                                             lat_d[ok], lon_d[ok]))
        virt = n + np.arange(len(ok))
        base = self.reverse_min.tocoo()
        graph = sp.csr_array(
            (np.concatenate([base.data, np.maximum(leg, 1e-9)]),
             (np.concatenate([base.row, virt]), np.concatenate([base.col, node[ok]]))),
            shape=(n + len(ok),) * 2)
        dist, pred, source = dijkstra(graph, directed=True, indices=virt, min_only=True,
                                      return_predecessors=True)
        dist = np.asarray(dist[:n], dtype=float)
        src = np.asarray(source[:n], dtype=np.intp)
        dest = np.where(src >= n, ok[np.clip(src - n, 0, len(ok) - 1)], -1)
        return dist, dest.astype(np.intp), self._boardings(np.asarray(pred[:n], dtype=np.intp))

    def _boardings(self, pred: NDArray[np.intp]) -> NDArray[np.int32]:
        """Land-to-sea steps on each node's path, from the Dijkstra predecessors.

        ``pred[v]`` is the next cell from ``v`` towards its destination (the
        search ran on the reversed graph); sums along these chains by pointer
        jumping (log2 of the longest path iterations).
        """
        n = len(self.cells)
        nxt = np.where((pred >= 0) & (pred < n), pred, -1)
        has = nxt >= 0
        safe = np.where(has, nxt, 0)
        count = (has & self.is_land & ~self.is_land[safe]).astype(np.int32)
        while has.any():
            count = count + np.where(has, count[safe], 0)
            nxt = np.where(has, nxt[safe], -1)
            has = nxt >= 0
            safe = np.where(has, nxt, 0)
        return count

    def travel(
        self,
        *,
        origin_lon: ArrayLike,
        origin_lat: ArrayLike,
        dest_lon: ArrayLike,
        dest_lat: ArrayLike,
        origin_nodes: NDArray[np.intp] | None = None,
    ) -> tuple[NDArray[np.float64], NDArray[np.intp], NDArray[np.int32]]:
        """Minutes from each origin to its fastest destination, that destination, and boardings.

        Returns ``(travel_min, destination position, sea_crossings)``. Origins
        outside the graph get ``inf`` and -1. ``origin_nodes`` (node positions,
        e.g. from :meth:`locate_cells`) saves locating the origins again.
        """
        o_lon = np.asarray(origin_lon, dtype=float).ravel()
        o_lat = np.asarray(origin_lat, dtype=float).ravel()
        d_lon = np.asarray(dest_lon, dtype=float).ravel()
        d_lat = np.asarray(dest_lat, dtype=float).ravel()
        nodes = self.locate(lon=o_lon, lat=o_lat) if origin_nodes is None else origin_nodes
        t_node, dest_node, board_node = self.times_to(lon=d_lon, lat=d_lat)
        inside = nodes >= 0
        safe = np.where(inside, nodes, 0)
        leg = self._road_min(great_circle_km(o_lat, o_lon, self.lat[safe], self.lon[safe]))
        minutes = np.where(inside, t_node[safe] + leg, np.inf)
        dest = np.where(inside & np.isfinite(minutes), dest_node[safe], -1)
        crossings = np.where(dest >= 0, board_node[safe], 0).astype(np.int32)
        # A destination in the origin's own cell: go straight there by road
        # rather than through the cell centre.
        d_node = self.locate(lon=d_lon, lat=d_lat)
        order = np.argsort(d_node, kind="stable")
        order = order[d_node[order] >= 0]
        sorted_nodes = d_node[order]
        first = np.searchsorted(sorted_nodes, safe, side="left")
        last = np.searchsorted(sorted_nodes, safe, side="right")
        for k in range(int((last - first).max(initial=0))):
            o = np.flatnonzero(inside & (first + k < last))
            j = order[first[o] + k]
            direct = self._road_min(great_circle_km(o_lat[o], o_lon[o], d_lat[j], d_lon[j]))
            better = direct < minutes[o]
            minutes[o[better]] = direct[better]
            dest[o[better]] = j[better]
            crossings[o[better]] = 0
        return minutes, dest.astype(np.intp), crossings


def build_travel_graph(
    regions: gpd.GeoDataFrame | gpd.GeoSeries,
    *,
    resolution: int = 6,
    config: Config | None = None,
    sea_buffer_km: float = SEA_BUFFER_KM,
    extra_points: tuple[ArrayLike, ArrayLike] | None = None,
    extra_cells: ArrayLike | None = None,
    show_progress: bool = False,
) -> TravelGraph:
    """
    Build the land/sea H3 travel graph of the sea-aware model.

    Land cells are those whose centre lies in a region polygon, plus the cells
    holding ``extra_points`` (lon, lat arrays: hospitals and origins, so small
    islands without a cell centre still count as land) and ``extra_cells``
    (uint64 cells at this or a finer resolution). Sea cells are the rings of
    cells around the land up to ``sea_buffer_km``.

    Edge costs (minutes, per step between cell centres ``L`` km apart):
    land-land ``L x circuity_factor / road_speed_kmh x 60``; sea-sea
    ``L / sea_speed_kmh x 60``; land-sea and sea-land half of each, and a
    land-to-sea step adds ``boarding_penalty_min`` (see :mod:`pengampuan.travel`).
    Steps go to the 6 neighbours and, within land or within sea, to the 6
    second-ring cells between them (12 directions: grid paths at most ~4 %
    longer than straight lines).

    Parameters
    ----------
    regions : geopandas.GeoDataFrame or GeoSeries
        Land polygons (e.g. ``pg.load_regions(level="kabkota")``), any CRS.
    resolution : int, default 6
        H3 resolution (5-6 nationally: ~50,000 land cells at 6).
    config : Config, optional
        Speeds, circuity and boarding penalty; default ``DEFAULT_CONFIG``.
    sea_buffer_km : float, default 150
        Sea cells reach this far from land; crossings up to twice this are handled.
    extra_points, extra_cells
        More land cells, see above.
    show_progress : bool, default False
        Show tqdm progress bars.

    Returns
    -------
    TravelGraph

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> two_islands = gpd.GeoSeries([box(100, 0, 101, 1), box(101.5, 0, 102.5, 1)], crs=4326)
    >>> g = build_travel_graph(two_islands, resolution=5, sea_buffer_km=60)
    >>> bool(g.is_land.any() and (~g.is_land).any()), g.max_crossing_km
    (True, 120.0)
    """
    cfg = config or DEFAULT_CONFIG
    res = _check_resolution(resolution)
    if not sea_buffer_km >= 0:
        raise ValueError(f"sea_buffer_km={sea_buffer_km!r} must be >= 0")
    geoms = regions.geometry if isinstance(regions, gpd.GeoDataFrame) else regions
    geoms = require_wgs84(gpd.GeoDataFrame(geometry=geoms), name="regions").geometry
    land, _ = polyfill_regions(geoms, res, show_progress=show_progress)
    more = [land]
    if extra_points is not None:
        more.append(point_cells(extra_points[0], extra_points[1], res))
    if extra_cells is not None:
        c = np.asarray(extra_cells, dtype=np.uint64).ravel()
        more.append(parent_cells(c, res) if len(c) else c)
    land = _unique(np.concatenate(more))
    if len(land) == 0:
        raise ValueError("build_travel_graph: the regions hold no H3 cell and no extra point "
                         "was given; check that they are polygons in lon/lat")
    rings = int(math.ceil(sea_buffer_km / _spacing_km(res)))
    sea, pair_src, pair_dst = _sea_rings(land, rings, show_progress=show_progress)
    cells = np.concatenate([land, sea])
    order = np.argsort(cells)
    cells = cells[order]
    is_land = np.concatenate([np.ones(len(land), bool), np.zeros(len(sea), bool)])[order]
    lat, lon = cell_centres(cells)
    logger.info("Travel graph r%d: %d land cells, %d sea cells (%d rings, %.0f km)",
                res, len(land), len(sea), rings, sea_buffer_km)

    src = _positions(cells, pair_src)
    dst = _positions(cells, pair_dst)
    keep = (src >= 0) & (dst >= 0)
    src, dst = src[keep], dst[keep]
    n = len(cells)
    k_src, k_dst = _diagonal_steps(src, dst, n, is_land)
    src, dst = np.concatenate([src, k_src]), np.concatenate([dst, k_dst])
    length_km = great_circle_km(lat[src], lon[src], lat[dst], lon[dst])
    road_min = np.asarray(travel_time_simple(length_km, config=cfg))
    sea_min = length_km / cfg.sea_speed_kmh * 60.0
    land_u, land_v = is_land[src], is_land[dst]
    cost = np.where(land_u & land_v, road_min,
                    np.where(~land_u & ~land_v, sea_min, (road_min + sea_min) / 2.0))
    cost = cost + np.where(land_u & ~land_v, cfg.boarding_penalty_min, 0.0)
    # reverse_min[v, u] = cost of u -> v: Dijkstra from destinations gives times *to* them
    reverse = sp.csr_array((np.maximum(cost, 1e-9), (dst, src)), shape=(n, n))
    return TravelGraph(resolution=res, cells=cells, lat=lat, lon=lon, is_land=is_land,
                       reverse_min=reverse, config=cfg, sea_buffer_km=float(sea_buffer_km))


def _diagonal_steps(src: NDArray[np.intp], dst: NDArray[np.intp], n: int,
                    is_land: NDArray[np.bool_]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Steps to the 6 second-ring cells between two neighbour directions.

    A hexagonal grid with only its 6 neighbour steps makes paths up to 15 %
    (on average ~10 %) longer than straight lines; adding the 6 cells at
    distance 2 that lie *between* two neighbour directions (each shares two
    neighbours with the start cell) gives 12 directions and at most ~4 %.
    Such a step is kept only when the start, both shared neighbours and the
    end are all land or all sea, so it never jumps a strait or skips a boarding.
    """
    src, dst = src.astype(np.int32), dst.astype(np.int32)  # halves the memory of the expansion
    order = np.argsort(src, kind="stable")
    s_sorted, d_sorted = src[order], dst[order]
    first = np.searchsorted(s_sorted, np.arange(n), side="left")
    count = np.searchsorted(s_sorted, np.arange(n), side="right") - first
    # expand every step u -> m with every step m -> w
    reps = count[dst]
    u = np.repeat(src, reps)
    m = np.repeat(dst, reps)
    offsets = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
    w = d_sorted[np.repeat(first[dst], reps) + offsets]
    keep = w != u
    u, m, w = u[keep], m[keep], w[keep]
    key = u.astype(np.int64) * n + w
    direct = np.sort(src.astype(np.int64) * n + dst)
    hit = np.searchsorted(direct, key)
    is_direct = direct[np.minimum(hit, len(direct) - 1)] == key
    same = (is_land[u] == is_land[m]) & (is_land[m] == is_land[w])
    key, same = key[~is_direct], same[~is_direct]
    order = np.argsort(key, kind="stable")
    key, same = key[order], same[order]
    starts = np.flatnonzero(_first_of_runs(key))
    if len(starts) == 0:
        return np.empty(0, np.intp), np.empty(0, np.intp)
    runs = np.diff(np.append(starts, len(key)))
    ok = (runs == 2) & np.logical_and.reduceat(same, starts)
    chosen = key[starts[ok]]
    return (chosen // n).astype(np.intp), (chosen % n).astype(np.intp)


def _sea_rings(land: NDArray[np.uint64], rings: int, *, show_progress: bool
               ) -> tuple[NDArray[np.uint64], NDArray[np.uint64], NDArray[np.uint64]]:
    """Sea cells within ``rings`` steps of ``land`` (sorted), and the neighbour pairs of all cells.

    The pairs found while growing the rings are kept, so each cell's
    neighbours are looked up once.
    """
    known = land
    frontier = land
    found: list[NDArray[np.uint64]] = []
    src: list[NDArray[np.uint64]] = []
    dst: list[NDArray[np.uint64]] = []
    for ring in range(rings):
        a, b = _neighbours(frontier, show_progress=show_progress,
                           desc=f"laut cincin {ring + 1}/{rings}")
        src.append(a)
        dst.append(b)
        new = _unique(b)
        new = new[_positions(known, new) < 0]
        frontier = new
        if len(new) == 0:
            break
        found.append(new)
        known = np.sort(np.concatenate([known, new]))
    if len(frontier):  # the outermost ring (or the land when rings == 0)
        a, b = _neighbours(frontier, show_progress=show_progress, desc="laut tepi")
        src.append(a)
        dst.append(b)
    sea = np.sort(np.concatenate(found)) if found else np.empty(0, np.uint64)
    return sea, np.concatenate(src), np.concatenate(dst)


def take_strings(values: pd.Series, pos: NDArray[np.intp]) -> Any:
    """``values`` at positions ``pos`` as a pandas string array, <NA> where ``pos`` is -1.

    Examples
    --------
    >>> list(take_strings(pd.Series(["RS1", "RS2"]), np.array([1, -1])))
    ['RS2', <NA>]
    """
    return values.astype("string").array.take(np.asarray(pos, dtype=np.intp), allow_fill=True)
