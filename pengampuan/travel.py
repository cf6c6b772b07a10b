"""Travel-time estimates: a simple road model and a sea-aware cost-distance model.

Both models are *estimates* whose parameters live in :class:`~pengampuan.config.Config`
(``circuity_factor``, ``road_speed_kmh``, ``sea_speed_kmh``,
``boarding_penalty_min``; each documented there with its source).

Simple model
    ``travel_min = great-circle km x circuity_factor / road_speed_kmh x 60``:
    every trip is treated as a road trip, even across the sea.

Sea-aware model
    A cost-distance over an H3 grid (resolution 6-8 nationally: a national
    graph at 7 builds in a few seconds in under 1 GB). Land cells
    (cell centre inside a region polygon, plus every cell holding a hospital
    or an origin) are joined to their six neighbours at road cost; a buffer of
    sea cells around the land (``sea_buffer_km``) is crossed at sea speed, and
    each land-to-sea step adds ``boarding_penalty_min``. Above resolution 7
    the open sea, beyond one resolution-7 cell of the coast, is made of
    resolution-7 cells (``sea_cell_resolution``). Times to the nearest
    capable hospital are solved for all cells at once with a multi-source
    Dijkstra (``scipy.sparse.csgraph.dijkstra``, ``min_only=True``), so a trip
    from an island to the mainland includes its crossing.

    Limits: sea paths stay inside the buffer, so the longest crossing handled is
    about ``2 x sea_buffer_km`` (300 km by default; with it every land cell of
    the bundled kab/kota boundaries is connected); origins farther than that
    from any hospital's island get ``inf``. Straits narrower than one cell
    (~6 km at resolution 6, ~2.4 km at 7) are not seen. Paths move in 12 directions
    (neighbours and the second-ring cells between them), so they are at most
    ~4 % (on average ~2 %) longer than straight lines; origins and hospitals
    are joined to their cell centre by a short road leg, so precision is about
    one cell.

    The graph does not depend on which hospitals are capable: build it once
    (:func:`build_travel_graph`) and pass it as ``graph=``. When a function
    builds one for you, it is kept in a bounded cache keyed by a hash of its
    inputs (:func:`cached_travel_graph`, :func:`clear_travel_graph_cache`).

    H3 work is vectorised (``h3ronpy``: polyfill, cell centres, neighbours and
    point cells on whole arrays); cells are ``uint64`` inside and become
    15-digit strings only in the tables returned to users (:func:`cells_to_str`).
"""

from __future__ import annotations

import hashlib
import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

import geopandas as gpd
import numpy as np
import pandas as pd
import scipy.sparse as sp
from numpy.typing import ArrayLike, NDArray
from scipy.sparse.csgraph import dijkstra

from ._inputs import _capable_or_raise, _point_lonlat, _warn_hospitals_off_land
from ._messages import fmt_num, msg, progress_bar
from .config import DEFAULT_CONFIG, FASILITAS, Config
from .geo import great_circle_km, require_wgs84

if TYPE_CHECKING:  # pragma: no cover
    from .dataset import Dataset

logger = logging.getLogger(__name__)

__all__ = ["travel_time_simple", "TravelGraph", "build_travel_graph", "cached_travel_graph",
           "clear_travel_graph_cache", "sea_aware_travel", "TRAVEL_MODELS",
           "travel_description", "travel_model_of"]

#: The travel-time models (``travel=`` of the access functions and the report):
#: ``"simple"`` (great-circle km x circuity factor at a road speed; sea crossings not
#: modelled) and ``"sea"`` (the sea-aware H3 land/sea graph with ferry crossings).
TRAVEL_MODELS: tuple[str, ...] = ("simple", "sea")

#: Default width of the sea buffer around land, km (so crossings up to ~300 km are handled).
SEA_BUFFER_KM = 150.0
#: Finest resolution of the open-sea cells by default: a graph at resolution 8
#: keeps fine cells on land and along the coast, and crosses the open sea on
#: resolution-7 cells (~2.4 km apart), which is all a boat trip needs.
OPEN_SEA_RESOLUTION = 7

_HEX_DIGITS = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_HEX_VALUE = np.zeros(256, dtype=np.uint64)
_HEX_VALUE[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16, dtype=np.uint64)
_HEX_VALUE[np.frombuffer(b"ABCDEF", dtype=np.uint8)] = np.arange(10, 16, dtype=np.uint64)
_HEX_OK = np.zeros(256, dtype=bool)
_HEX_OK[np.frombuffer(b"0123456789abcdefABCDEF", dtype=np.uint8)] = True
#: Strings per block in :func:`str_to_cells` (bounds its memory).
_PARSE_CHUNK = 1_000_000


# ---------------------------------------------------------------------------
# simple model
def travel_description(travel: str, config: Config | None = None, *, lang: str | None = None,
                       sea_resolution: int | None = None) -> str:
    """
    The travel-time model and its assumptions (``config``'s speeds and factors) in one sentence.

    What every page, table and figure that shows minutes says about them.
    ``sea_resolution``: the H3 resolution of the sea-aware graph, when known.

    Examples
    --------
    >>> travel_description("simple", lang="en")  # doctest: +NORMALIZE_WHITESPACE
    'Travel time: simple model: great-circle distance x circuity factor 1.3 at 40 km/h by road;
     sea crossings are not modelled (trips to and from islands count as if by road).'
    >>> travel_description("sea", lang="id", sea_resolution=6)  # doctest: +ELLIPSIS
    'Waktu tempuh: model darat-laut: graf H3 resolusi 6; darat: jarak x faktor kelokan 1,3 ...'
    """
    if travel not in TRAVEL_MODELS:
        raise ValueError(f"travel={travel!r} is not known; expected one of {list(TRAVEL_MODELS)}")
    cfg = config or DEFAULT_CONFIG

    def num(x: float) -> str:
        return fmt_num(x, lang, decimals=0 if float(x).is_integer() else 1)

    values = {"circuity": num(cfg.circuity_factor), "road": num(cfg.road_speed_kmh),
              "sea": num(cfg.sea_speed_kmh), "boarding": num(cfg.boarding_penalty_min),
              "crossing": num(2 * SEA_BUFFER_KM),
              "res": "" if sea_resolution is None else msg("travel_resolution", lang,
                                                            res=sea_resolution)}
    return msg(f"report_travel_{travel}", lang, **values)


def travel_model_of(frames: Mapping[str, pd.DataFrame] | pd.DataFrame,
                    travel: str | None = None) -> str:
    """
    The travel-time model of access frames.

    ``travel`` when given, else the ``attrs["travel"]`` of the frames (a
    layanan's before a fasilitas'), else ``"simple"``.

    Examples
    --------
    >>> import pandas as pd
    >>> sea = pd.DataFrame(); sea.attrs["travel"] = "sea"
    >>> travel_model_of({"stroke": sea}), travel_model_of(sea, "simple"), travel_model_of({})
    ('sea', 'simple', 'simple')
    """
    if travel is not None:
        return travel
    if isinstance(frames, pd.DataFrame):
        frames = {"": frames}
    ordered = sorted(frames.items(), key=lambda kv: kv[0] in FASILITAS)
    found = next((str(f.attrs["travel"]) for _, f in ordered if f.attrs.get("travel")), None)
    return found or "simple"


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
def _h3ronpy() -> Any:
    try:
        import h3ronpy
        import h3ronpy.vector  # noqa: F401  (the vectorised geometry functions)
    except ImportError as err:  # pragma: no cover - h3ronpy is a core dependency
        raise ImportError("the vectorised H3 grid needs the 'h3ronpy' package (>= 0.22): "
                          "pip install h3ronpy") from err
    return h3ronpy


def _arro3() -> Any:
    import arro3.core  # installed with h3ronpy

    return arro3.core


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
    values = np.asarray(cells).ravel()
    out = np.empty(len(values), dtype=np.uint64)
    for start in range(0, len(values), _PARSE_CHUNK):  # blocks: bounded memory
        try:
            raw = np.asarray(values[start:start + _PARSE_CHUNK], dtype="S16")
        except UnicodeEncodeError as err:
            raise ValueError(f"H3 cell ids must be hexadecimal ASCII: {err}") from err
        digits = raw.view(np.uint8).reshape(len(raw), 16)
        bad = (digits[:, 15] != 0) | ~_HEX_OK[digits[:, :15]].all(axis=1)
        if bad.any():
            first = raw[bad][0].decode(errors="replace")
            more = f" ({int(bad.sum())} such values in this block)" if bad.sum() > 1 else ""
            raise ValueError(f"{first!r} is not a 15-digit H3 cell id{more}")
        acc = np.zeros(len(raw), dtype=np.uint64)
        for i in range(15):
            acc = (acc << np.uint64(4)) | _HEX_VALUE[digits[:, i]]
        out[start:start + len(raw)] = acc
    return out


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
    """Latitudes and longitudes (degrees) of the centres of H3 cells (uint64), vectorised.

    Examples
    --------
    >>> lat, lon = cell_centres(point_cells([106.85], [-6.2], 9))
    >>> round(float(lat[0]), 2), round(float(lon[0]), 2)
    (-6.2, 106.85)
    """
    c = np.ascontiguousarray(np.asarray(cells, dtype=np.uint64).ravel())
    if len(c) == 0:
        return np.empty(0), np.empty(0)
    batch = _h3ronpy().vector.cells_to_coordinates(c)
    return np.asarray(batch["lat"], dtype=float), np.asarray(batch["lng"], dtype=float)


def point_cells(lon: ArrayLike, lat: ArrayLike, resolution: int) -> NDArray[np.uint64]:
    """The H3 cell (uint64) holding each lon/lat point at ``resolution``, vectorised.

    Examples
    --------
    >>> cells_to_str(point_cells([0.0], [0.0], 5)).tolist()
    ['85754e67fffffff']
    """
    res = _check_resolution(resolution)
    lon_a = np.ascontiguousarray(np.asarray(lon, dtype=float).ravel())
    lat_a = np.ascontiguousarray(np.asarray(lat, dtype=float).ravel())
    if len(lon_a) != len(lat_a):
        raise ValueError(f"point_cells: {len(lon_a)} longitudes but {len(lat_a)} latitudes")
    if len(lon_a) == 0:
        return np.empty(0, dtype=np.uint64)
    bad = ~(np.isfinite(lon_a) & np.isfinite(lat_a))
    if bad.any():
        raise ValueError(f"point_cells: {int(bad.sum())} points have a missing or infinite "
                         f"coordinate (first at position {int(np.flatnonzero(bad)[0])})")
    return np.asarray(_h3ronpy().vector.coordinates_to_cells(lat_a, lon_a, res), dtype=np.uint64)


def polyfill_regions(
    geometries: Sequence[Any] | gpd.GeoSeries, resolution: int, *, show_progress: bool = False
) -> tuple[NDArray[np.uint64], NDArray[np.int32]]:
    """Cells whose centre lies in each polygon, and the position of that polygon.

    All polygons are filled in one vectorised call (h3ronpy, centre
    containment: the same cells as ``h3.h3shape_to_cells``). A cell whose
    centre falls in two overlapping polygons is kept once, for the first of
    them. The cells come back sorted. ``show_progress`` is accepted for
    compatibility (one call: no progress bar).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> cells, owner = polyfill_regions([box(100, 0, 101, 1), box(101, 0, 102, 1)], 4)
    >>> len(cells) > 0, sorted(set(owner.tolist()))
    (True, [0, 1])
    """
    import shapely

    h3r = _h3ronpy()
    res = _check_resolution(resolution)
    geoms = np.asarray(list(geometries) if not isinstance(geometries, gpd.GeoSeries)
                       else geometries.array, dtype=object)
    present = np.flatnonzero(~(shapely.is_missing(geoms) | shapely.is_empty(geoms)))
    if len(present) == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int32)
    lists = h3r.vector.wkb_to_cells(
        shapely.to_wkb(geoms[present]), res,
        containment_mode=h3r.ContainmentMode.ContainsCentroid, compact=False, flatten=False)
    offsets = np.asarray(_arro3().list_offsets(lists), dtype=np.int64)
    cells = np.asarray(_arro3().list_flatten(lists), dtype=np.uint64)
    owner = np.repeat(present.astype(np.int32), np.diff(offsets))
    order = np.argsort(cells, kind="stable")  # ties keep polygon order: the first one wins
    cells, owner = cells[order], owner[order]
    first = _first_of_runs(cells)
    n_dup = len(cells) - int(first.sum())
    if n_dup:
        cells, owner = cells[first], owner[first]
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


#: Cells per vectorised neighbour (``grid_disk``) call: bounds the memory of one call.
_NEIGHBOUR_CHUNK = 1_000_000


def _neighbours(cells: NDArray[np.uint64]) -> tuple[NDArray[np.intp], NDArray[np.uint64]]:
    """(position in ``cells``, neighbour id) for each of the (up to 6) neighbours of ``cells``.

    One vectorised ``grid_disk`` call (h3ronpy) per chunk of cells; the pairs of
    one cell are contiguous and in the order of ``cells``.
    """
    h3r, arro3 = _h3ronpy(), _arro3()
    origins: list[NDArray[np.intp]] = []
    found: list[NDArray[np.uint64]] = []
    for start in range(0, len(cells), _NEIGHBOUR_CHUNK):
        part = np.ascontiguousarray(cells[start:start + _NEIGHBOUR_CHUNK], dtype=np.uint64)
        disks = h3r.grid_disk(part, 1, flatten=False)
        counts = np.diff(np.asarray(arro3.list_offsets(disks), dtype=np.int64))
        flat = np.asarray(arro3.list_flatten(disks), dtype=np.uint64)
        origin = np.repeat(np.arange(start, start + len(part), dtype=np.intp), counts)
        keep = flat != cells[origin]  # grid_disk includes the cell itself
        origins.append(origin[keep])
        found.append(flat[keep])
    if not origins:
        return np.empty(0, np.intp), np.empty(0, np.uint64)
    return np.concatenate(origins), np.concatenate(found)


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
    sea_cell_resolution : int or None
        Resolution of the open-sea cells when coarser than ``resolution``
        (land and coast stay at ``resolution``); None or ``resolution``: one grid.

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
    sea_cell_resolution: int | None = None

    def __repr__(self) -> str:
        n_land = int(self.is_land.sum())
        coarse = self.sea_cell_resolution
        sea = "" if coarse in (None, self.resolution) else f" (open sea r{coarse})"
        return (f"<TravelGraph r{self.resolution}: {n_land} land + {len(self.cells) - n_land} "
                f"sea cells{sea}, {self.reverse_min.nnz} edges, crossings up to "
                f"{self.max_crossing_km:.0f} km>")

    @property
    def nbytes(self) -> int:
        """Bytes held by the graph's arrays (cells, centres, land flags and edges)."""
        m = self.reverse_min
        return int(self.cells.nbytes + self.lat.nbytes + self.lon.nbytes + self.is_land.nbytes
                   + m.data.nbytes + m.indices.nbytes + m.indptr.nbytes)

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
        base = self.reverse_min
        # the virtual nodes are extra rows at the end: append them to the CSR arrays
        # (a copy of the edges, no re-sorting)
        idx = base.indices.dtype
        graph = sp.csr_array(
            (np.concatenate([base.data, np.maximum(leg, 1e-9)]),
             np.concatenate([base.indices, node[ok].astype(idx)]),
             np.concatenate([base.indptr, (base.indptr[-1] + np.arange(1, len(ok) + 1)
                                           ).astype(base.indptr.dtype)])),
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
    sea_cell_resolution: int | None = None,
    show_progress: bool = False,
) -> TravelGraph:
    """
    Build the land/sea H3 travel graph of the sea-aware model.

    Land cells are those whose centre lies in a region polygon, plus the cells
    holding ``extra_points`` (lon, lat arrays: hospitals and origins, so small
    islands without a cell centre still count as land) and ``extra_cells``
    (uint64 cells at this or a finer resolution). Sea cells are the rings of
    cells around the land up to ``sea_buffer_km``. Above resolution
    ``sea_cell_resolution`` (default 7) only the land and the sea within one
    coarse cell of it use ``resolution``; the open sea beyond is made of
    ``sea_cell_resolution`` cells, joined to the fine coastal cells next to
    them. A national graph at resolution 8 then holds ~3.6 million cells
    instead of ~9 million, and a boat trip loses nothing it needs.

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
        H3 resolution of the land (6: ~50,000 land cells nationally, 7: ~345,000,
        8: ~2.4 million).
    config : Config, optional
        Speeds, circuity and boarding penalty; default ``DEFAULT_CONFIG``.
    sea_buffer_km : float, default 150
        Sea cells reach this far from land; crossings up to twice this are handled.
    extra_points, extra_cells
        More land cells, see above.
    sea_cell_resolution : int, optional
        Resolution of the open-sea cells, at most ``resolution``; default
        ``min(resolution, 7)`` (:data:`OPEN_SEA_RESOLUTION`).
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
    sea_res = (min(res, OPEN_SEA_RESOLUTION) if sea_cell_resolution is None
               else _check_resolution(sea_cell_resolution, name="sea_cell_resolution"))
    if sea_res > res:
        raise ValueError(f"sea_cell_resolution={sea_res} is finer than resolution={res}; "
                         f"expected at most {res}")
    rings = int(math.ceil(sea_buffer_km / _spacing_km(sea_res)))
    if sea_res == res:
        cells, is_land, nbr = _land_and_sea(land, rings, show_progress=show_progress)
        a, b = _grid_steps(nbr, is_land, cells=cells, resolution=res)
        del nbr
    else:
        cells, is_land, a, b = _coastal_graph(land, res, sea_res, rings,
                                                  show_progress=show_progress)
    lat, lon = cell_centres(cells)
    logger.info("Travel graph r%d (open sea r%d): %d land cells, %d sea cells (%d rings, "
                "%.0f km)", res, sea_res, len(land), len(cells) - len(land), rings,
                sea_buffer_km)
    n = len(cells)
    cost_ab, cost_ba = _step_costs(a, b, lat=lat, lon=lon, is_land=is_land, config=cfg)
    # reverse_min[v, u] = cost of u -> v: Dijkstra from destinations gives times *to* them
    reverse = sp.csr_array((np.concatenate([cost_ab, cost_ba]),
                            (np.concatenate([b, a]), np.concatenate([a, b]))), shape=(n, n))
    del cost_ab, cost_ba, a, b
    return TravelGraph(resolution=res, cells=cells, lat=lat, lon=lon, is_land=is_land,
                       reverse_min=reverse, config=cfg, sea_buffer_km=float(sea_buffer_km),
                       sea_cell_resolution=sea_res)


def _grid_steps(nbr: NDArray[np.int32], is_land: NDArray[np.bool_], *,
                cells: NDArray[np.uint64], resolution: int
                ) -> tuple[NDArray[np.int32], NDArray[np.int32]]:
    """Steps of one grid, each pair of cells once: its neighbour table plus the diagonals."""
    a = np.repeat(np.arange(len(nbr), dtype=np.int32), nbr.shape[1])
    b = nbr.ravel()
    once = b > a  # each adjacent pair once (and no -1 padding)
    k_a, k_b = _diagonal_steps(nbr, is_land, cells=cells, resolution=resolution)
    return np.concatenate([a[once], k_a]), np.concatenate([b[once], k_b])


def _neighbour_table(n: int, origin: NDArray[np.intp], dst: NDArray[np.intp]
                     ) -> NDArray[np.int32]:
    """``(n, 6)`` table of neighbour positions from pairs grouped by (sorted) ``origin``."""
    nbr = np.full((n, 6), -1, dtype=np.int32)
    slot = np.arange(len(origin)) - np.searchsorted(origin, origin, side="left")
    nbr[origin, slot] = dst
    return nbr


def _coastal_graph(land: NDArray[np.uint64], res: int, sea_res: int, rings: int, *,
                   show_progress: bool
                   ) -> tuple[NDArray[np.uint64], NDArray[np.bool_], NDArray[np.int32],
                              NDArray[np.int32]]:
    """Cells, land flags and steps (each pair once) of a graph with a coarse open sea.

    Fine cells (``res``): every child of the ``sea_res`` cells holding land,
    i.e. the land and the sea around it within one coarse cell. Coarse cells
    (``sea_res``): the rings of sea grown from those land-holding cells. Steps
    join fine cells as in a single grid (neighbours and diagonals), coarse
    cells likewise, and a fine cell to the coarse cell holding each of its fine
    neighbours that lies outside the fine area.
    """
    h3r = _h3ronpy()
    coast = _unique(parent_cells(land, sea_res))
    fine = _unique(np.asarray(h3r.change_resolution(np.ascontiguousarray(coast), res),
                              dtype=np.uint64))
    fine_land = _positions(land, fine) >= 0
    coarse, coarse_coast, coarse_nbr = _land_and_sea(coast, rings, show_progress=show_progress)
    # the open sea: coarse cells without land, with their own neighbour table
    open_sea = np.flatnonzero(~coarse_coast)
    renumber = np.full(len(coarse) + 1, -1, dtype=np.int32)  # last entry: -1 stays -1
    renumber[open_sea] = np.arange(len(open_sea), dtype=np.int32)
    sea_nbr = renumber[coarse_nbr[open_sea]]
    sea_cells = coarse[open_sea]
    del coarse_nbr
    s_src, s_dst = _grid_steps(sea_nbr, np.zeros(len(sea_cells), bool), cells=sea_cells,
                               resolution=sea_res)
    del sea_nbr
    # fine cells: neighbours inside the fine area, and the coarse cells beyond it
    origin, found = _neighbours(fine)
    pos = _positions(fine, found)
    inside = pos >= 0
    fine_nbr = _neighbour_table(len(fine), origin[inside], pos[inside])
    f_src, f_dst = _grid_steps(fine_nbr, fine_land, cells=fine, resolution=res)
    del fine_nbr
    beyond = _positions(sea_cells, parent_cells(found[~inside], sea_res))
    ok = beyond >= 0
    key = np.unique(origin[~inside][ok].astype(np.int64) * len(sea_cells) + beyond[ok])
    x_fine, x_sea = key // len(sea_cells), key % len(sea_cells)
    # one sorted cell index for both
    n_fine = len(fine)
    every = np.concatenate([fine, sea_cells])
    order = np.argsort(every)
    where = np.empty(len(every), dtype=np.int32)
    where[order] = np.arange(len(every), dtype=np.int32)
    is_land = np.concatenate([fine_land, np.zeros(len(sea_cells), bool)])[order]
    a = np.concatenate([where[f_src], where[n_fine + s_src], where[x_fine]])
    b = np.concatenate([where[f_dst], where[n_fine + s_dst], where[n_fine + x_sea]])
    return every[order], is_land, a, b


#: Steps per block in :func:`_step_costs` (bounds the memory of the trigonometry).
_COST_CHUNK = 2_000_000


def _step_costs(a: NDArray[np.int32], b: NDArray[np.int32], *, lat: NDArray[np.float64],
                lon: NDArray[np.float64], is_land: NDArray[np.bool_], config: Config
                ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Minutes of the steps ``a -> b`` and ``b -> a`` between cell centres.

    The length of each pair is computed once, as the arc of the chord between
    unit-sphere points (exact great-circle distance, cheaper than haversine
    on cell centres); see :func:`build_travel_graph` for the costs.
    """
    from .geo import chord_to_km, lonlat_to_xyz

    xyz = lonlat_to_xyz(lon, lat)
    cost_ab = np.empty(len(a), dtype=float)
    cost_ba = np.empty(len(a), dtype=float)
    road_per_km = config.circuity_factor / config.road_speed_kmh * 60.0
    sea_per_km = 60.0 / config.sea_speed_kmh
    mixed_per_km = (road_per_km + sea_per_km) / 2.0
    for start in range(0, len(a), _COST_CHUNK):
        u, v = a[start:start + _COST_CHUNK], b[start:start + _COST_CHUNK]
        d = xyz[u] - xyz[v]
        length_km = chord_to_km(np.sqrt(np.einsum("ij,ij->i", d, d)))
        land_u, land_v = is_land[u], is_land[v]
        per_km = np.where(land_u & land_v, road_per_km,
                          np.where(land_u | land_v, mixed_per_km, sea_per_km))
        step = length_km * per_km
        board = config.boarding_penalty_min
        cost_ab[start:start + _COST_CHUNK] = np.maximum(
            step + np.where(land_u & ~land_v, board, 0.0), 1e-9)
        cost_ba[start:start + _COST_CHUNK] = np.maximum(
            step + np.where(land_v & ~land_u, board, 0.0), 1e-9)
    return cost_ab, cost_ba


def _land_and_sea(land: NDArray[np.uint64], rings: int, *, show_progress: bool
                  ) -> tuple[NDArray[np.uint64], NDArray[np.bool_], NDArray[np.int32]]:
    """The graph's cells (sorted), which are land, and the neighbour table.

    Sea cells are grown ring by ring from the (sorted, unique) ``land`` cells:
    ring ``k + 1`` is the neighbours of ring ``k`` that are in neither ring
    ``k`` nor ring ``k - 1`` (a neighbour of ring ``k`` can lie in no other
    ring), so each ring is checked against two small sorted arrays, not
    against every cell found so far. The neighbours of every cell are looked
    up once, in bulk.

    Returns ``(cells, is_land, nbr)`` where ``nbr[i]`` holds the positions of
    the (up to 6) neighbours of cell ``i`` that are in the graph, -1 padded.
    """
    rings_found = [land]
    pairs: list[tuple[NDArray[np.intp], NDArray[np.uint64]]] = []
    prev = np.empty(0, dtype=np.uint64)
    bar = progress_bar("sea", total=rings, show=show_progress)
    with bar:
        for _ in range(rings):
            cur = rings_found[-1]
            origin, found = _neighbours(cur)
            pairs.append((origin, found))
            cand = _unique(found)
            new = cand[(_positions(cur, cand) < 0) & (_positions(prev, cand) < 0)]
            bar.update()
            if len(new) == 0:
                break
            rings_found.append(new)
            prev = cur
    if len(pairs) < len(rings_found):  # the outermost ring (or the land when rings == 0)
        pairs.append(_neighbours(rings_found[-1]))
    n_land = len(land)
    cells = np.concatenate(rings_found)
    order = np.argsort(cells)
    cells = cells[order]
    is_land = order < n_land
    where = np.empty(len(cells), dtype=np.int32)  # position in ``cells`` of concatenated id i
    where[order] = np.arange(len(cells), dtype=np.int32)
    nbr = np.full((len(cells), 6), -1, dtype=np.int32)
    offset = 0
    for ring_cells, (origin, found) in zip(rings_found, pairs, strict=True):
        dst = _positions(cells, found)
        keep = dst >= 0
        origin, dst = origin[keep], dst[keep]
        nbr[where[offset:offset + len(ring_cells)]] = _neighbour_table(len(ring_cells), origin,
                                                                       dst)
        offset += len(ring_cells)
    return cells, is_land, nbr


#: Neighbour steps per block in :func:`_diagonal_steps` (bounds its memory).
_DIAGONAL_CHUNK = 1_000_000


def _diagonal_steps(nbr: NDArray[np.int32], is_land: NDArray[np.bool_], *,
                    cells: NDArray[np.uint64], resolution: int
                    ) -> tuple[NDArray[np.int32], NDArray[np.int32]]:
    """Steps to the 6 second-ring cells between two neighbour directions.

    A hexagonal grid with only its 6 neighbour steps makes paths up to 15 %
    (on average ~10 %) longer than straight lines; adding the 6 cells at
    distance 2 that lie *between* two neighbour directions (each shares two
    neighbours with the start cell) gives 12 directions and at most ~4 %.
    Such a step is kept only when the start, both shared neighbours and the
    end are all land or all sea, so it never jumps a strait or skips a boarding.

    Found without listing two-step paths: the two cells ``u`` and ``w`` of
    such a step are the two common neighbours of an adjacent pair ``(a, b)``
    (the two triangles of the dual grid on the edge ``a-b``), so each
    neighbour pair with exactly two common neighbours gives one diagonal
    (returned once, as ``(u, w)``). Work and memory are linear in the number of cells (blocks of
    ``_DIAGONAL_CHUNK`` pairs).
    """
    n, width = nbr.shape
    a_all = np.repeat(np.arange(n, dtype=np.int32), width)
    b_all = nbr.ravel()
    keep = b_all > a_all  # each adjacent pair once (and no -1 padding)
    a_all, b_all = a_all[keep], b_all[keep]
    us: list[NDArray[np.int32]] = []
    ws: list[NDArray[np.int32]] = []
    for start in range(0, len(a_all), _DIAGONAL_CHUNK):
        a = a_all[start:start + _DIAGONAL_CHUNK]
        b = b_all[start:start + _DIAGONAL_CHUNK]
        na = nbr[a]
        common = (na[:, :, None] == nbr[b][:, None, :]).any(axis=2) & (na >= 0)
        two = common.sum(axis=1) == 2
        uw = na[two][common[two]].reshape(-1, 2)  # row-major: the two common neighbours
        a, b, u, w = a[two], b[two], uw[:, 0], uw[:, 1]
        land = is_land[a]
        ok = (is_land[b] == land) & (is_land[u] == land) & (is_land[w] == land)
        ok &= ~(nbr[u] == w[:, None]).any(axis=1)  # not themselves neighbours
        us.append(u[ok])
        ws.append(w[ok])
    u = np.concatenate(us) if us else np.empty(0, np.int32)
    w = np.concatenate(ws) if ws else np.empty(0, np.int32)
    if _has_pentagon(cells, resolution):  # a pentagon's odd neighbourhood may repeat a pair
        key = np.unique(np.minimum(u, w).astype(np.int64) * n + np.maximum(u, w))
        u, w = (key // n).astype(np.int32), (key % n).astype(np.int32)
    return u, w


def _has_pentagon(cells: NDArray[np.uint64], resolution: int) -> bool:
    import h3.api.numpy_int as h3n

    pentagons = np.asarray(h3n.get_pentagons(resolution), dtype=np.uint64)
    return bool((_positions(cells, np.sort(pentagons)) >= 0).any())


# ---------------------------------------------------------------------------
# cache of the graphs built on the user's behalf
#: Most bytes (sum of :attr:`TravelGraph.nbytes`) the graph cache keeps; the
#: least recently used graphs are dropped first. A national graph at resolution
#: 6 takes ~25 MB, at resolution 7 ~220 MB.
GRAPH_CACHE_MAX_BYTES = 1_000_000_000
#: Most graphs the cache keeps.
GRAPH_CACHE_MAX_ENTRIES = 8

_GRAPH_CACHE: OrderedDict[str, TravelGraph] = OrderedDict()
_GRAPH_CACHE_LOCK = threading.Lock()


def cached_travel_graph(
    regions: gpd.GeoDataFrame | gpd.GeoSeries,
    *,
    resolution: int = 6,
    config: Config | None = None,
    sea_buffer_km: float = SEA_BUFFER_KM,
    extra_points: tuple[ArrayLike, ArrayLike] | None = None,
    extra_cells: ArrayLike | None = None,
    sea_cell_resolution: int | None = None,
    show_progress: bool = False,
) -> TravelGraph:
    """
    :func:`build_travel_graph`, remembering the graphs it built.

    The graph built when ``district_access``, ``access_grid`` or
    :func:`sea_aware_travel` get ``travel="sea"`` without ``graph=`` comes from
    here, so calls for other layanan or strata on the same regions reuse it.
    The key is a hash (BLAKE2b) of everything the graph depends on: the
    resolutions, the sea buffer, every ``config`` field, the regions' geometry
    (as WKB, in EPSG:4326) and the extra points and cells, so a change in any
    of them builds a new graph. The cache is bounded: at most
    :data:`GRAPH_CACHE_MAX_ENTRIES` graphs and :data:`GRAPH_CACHE_MAX_BYTES`
    bytes, the least recently used dropped first; a graph larger than the
    whole budget is returned but not kept. Empty it with
    :func:`clear_travel_graph_cache`. The graphs returned are shared: do not
    modify their arrays.

    Parameters and result are those of :func:`build_travel_graph`.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> island = gpd.GeoSeries([box(100, 0, 101, 1)], crs=4326)
    >>> g1 = cached_travel_graph(island, resolution=5, sea_buffer_km=30)
    >>> g1 is cached_travel_graph(island, resolution=5, sea_buffer_km=30)
    True
    >>> g1 is cached_travel_graph(island, resolution=5, sea_buffer_km=40)
    False
    """
    import shapely

    cfg = config or DEFAULT_CONFIG
    res = _check_resolution(resolution)
    geoms = regions.geometry if isinstance(regions, gpd.GeoDataFrame) else regions
    geoms = require_wgs84(gpd.GeoDataFrame(geometry=geoms), name="regions").geometry
    h = hashlib.blake2b(digest_size=20)
    h.update(repr((res, sea_cell_resolution, float(sea_buffer_km), cfg)).encode())
    for wkb in shapely.to_wkb(np.asarray(geoms.array, dtype=object)):
        h.update(b"-" if wkb is None else wkb)
    if extra_points is not None:
        for values in extra_points:
            h.update(b"|p")
            h.update(np.ascontiguousarray(np.asarray(values, dtype=float)).tobytes())
    if extra_cells is not None:
        h.update(b"|c")
        h.update(np.ascontiguousarray(np.asarray(extra_cells, dtype=np.uint64)).tobytes())
    key = h.hexdigest()
    with _GRAPH_CACHE_LOCK:
        graph = _GRAPH_CACHE.get(key)
        if graph is not None:
            _GRAPH_CACHE.move_to_end(key)
            logger.info("Travel graph r%d taken from the cache", res)
            return graph
    graph = build_travel_graph(geoms, resolution=res, config=cfg, sea_buffer_km=sea_buffer_km,
                               extra_points=extra_points, extra_cells=extra_cells,
                               sea_cell_resolution=sea_cell_resolution,
                               show_progress=show_progress)
    with _GRAPH_CACHE_LOCK:
        if graph.nbytes <= GRAPH_CACHE_MAX_BYTES:
            _GRAPH_CACHE[key] = graph
            while (len(_GRAPH_CACHE) > GRAPH_CACHE_MAX_ENTRIES
                   or sum(g.nbytes for g in _GRAPH_CACHE.values()) > GRAPH_CACHE_MAX_BYTES):
                _GRAPH_CACHE.popitem(last=False)
    return graph


def clear_travel_graph_cache() -> None:
    """Drop every graph kept by :func:`cached_travel_graph` (frees their memory).

    Examples
    --------
    >>> clear_travel_graph_cache()
    """
    with _GRAPH_CACHE_LOCK:
        _GRAPH_CACHE.clear()


def sea_aware_travel(
    origins: gpd.GeoDataFrame | pd.DataFrame,
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str,
    min_strata: str = "madya",
    status: str = "target",
    resolution: int = 6,
    config: Config | None = None,
    sea_buffer_km: float = SEA_BUFFER_KM,
    graph: TravelGraph | None = None,
    show_progress: bool = False,
) -> pd.DataFrame:
    """
    Travel time to the fastest-reached capable hospital, with sea crossings.

    The sea-aware model of :mod:`pengampuan.travel`: an H3 grid where land is
    crossed by road, the sea by boat, and each boarding costs
    ``boarding_penalty_min``. Crossings up to ``2 x sea_buffer_km`` are
    handled; origins with no path get ``travel_min = inf`` and ``kode_rs`` <NA>.

    Parameters
    ----------
    origins : geopandas.GeoDataFrame or pandas.DataFrame
        Points (any CRS), or a table with ``lat`` and ``lon`` columns (degrees).
    ds : Dataset
        Hospitals and their strata.
    regions : geopandas.GeoDataFrame
        Land polygons (``pg.load_regions(level="kabkota")``).
    layanan, min_strata, status
        Which hospitals count, as in :meth:`Dataset.capable`.
    resolution : int, default 6
        H3 resolution of the graph (ignored when ``graph`` is given).
    config : Config, optional
        Travel parameters; default ``ds.config``.
    sea_buffer_km : float, default 150
        Width of the sea around land in the graph.
    graph : TravelGraph, optional
        A graph from :func:`build_travel_graph`, to reuse across calls (origins
        outside it get ``inf``). Without it the graph is built once for these
        regions, origins and hospitals and kept in a bounded cache
        (:func:`cached_travel_graph`).
    show_progress : bool, default False
        Show tqdm progress bars.

    Returns
    -------
    pandas.DataFrame
        Index of ``origins``; columns ``kode_rs`` (fastest capable hospital),
        ``travel_min``, ``distance_km`` (great-circle to that hospital) and
        ``sea_crossings`` (boardings on the way: 0 = by road only).

    Raises
    ------
    ValueError
        When no hospital is capable (naming layanan, min_strata and status).

    Examples
    --------
    >>> import pandas as pd, pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    >>> pts = pd.DataFrame({"lat": [-3.79], "lon": [102.26]})  # Kota Bengkulu
    >>> out = sea_aware_travel(pts, ds, reg, layanan="jantung", resolution=5)
    >>> bool(out.loc[0, "travel_min"] >= pg.travel_time_simple(out.loc[0, "distance_km"]))
    True
    """
    cfg = config or ds.config
    lon, lat = _point_lonlat(origins, name="origins")
    cap = _capable_or_raise(ds, layanan=layanan, min_strata=min_strata, status=status)
    if graph is None:
        _warn_hospitals_off_land(cap, require_wgs84(regions, name="regions"), stacklevel=2)
        rs = ds.rumah_sakit
        graph = cached_travel_graph(
            regions, resolution=resolution, config=cfg, sea_buffer_km=sea_buffer_km,
            extra_points=(np.concatenate([lon, rs["lon"].to_numpy(float)]),
                          np.concatenate([lat, rs["lat"].to_numpy(float)])),
            show_progress=show_progress)
    h_lon, h_lat = cap["lon"].to_numpy(float), cap["lat"].to_numpy(float)
    minutes, dest, crossings = graph.travel(origin_lon=lon, origin_lat=lat, dest_lon=h_lon,
                                            dest_lat=h_lat)
    n_out = int((~np.isfinite(minutes)).sum())
    if n_out:
        logger.info("%d of %d origins reach no capable hospital within the travel graph",
                    n_out, len(minutes))
    found = dest >= 0
    safe = np.where(found, dest, 0)
    kode = take_strings(cap["kode_rs"], dest)
    dist = np.where(found, great_circle_km(lat, lon, cap["lat"].to_numpy(float)[safe],
                                           cap["lon"].to_numpy(float)[safe]), np.inf)
    out: pd.DataFrame = pd.DataFrame({"kode_rs": kode, "travel_min": minutes,
                                      "distance_km": dist, "sea_crossings": crossings},
                                     index=origins.index)
    return out


def take_strings(values: pd.Series, pos: NDArray[np.intp]) -> Any:
    """``values`` at positions ``pos`` as a pandas string array, <NA> where ``pos`` is -1.

    Examples
    --------
    >>> list(take_strings(pd.Series(["RS1", "RS2"]), np.array([1, -1])))
    ['RS2', <NA>]
    """
    return values.astype("string").array.take(np.asarray(pos, dtype=np.intp), allow_fill=True)
