"""Travel-time models: the simple road model and the sea-aware H3 graph."""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import h3
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import box

import pengampuan as pg
from pengampuan.config import Config
from pengampuan.geo import great_circle_km
from pengampuan.travel import (
    TravelGraph,
    build_travel_graph,
    cells_to_str,
    parent_cells,
    polyfill_regions,
    str_to_cells,
)

DEG_KM = 111.19508  # one degree of a great circle on the sphere of 6371.0088 km


def _random_cells(n: int, res: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    lat, lon = rng.uniform(-11, 6, n), rng.uniform(95, 141, n)
    ids = [h3.str_to_int(h3.latlng_to_cell(a, b, res)) for a, b in zip(lat, lon, strict=True)]
    return np.array(ids, dtype=np.uint64)


# --- simple model ---------------------------------------------------------
def test_simple_model_by_hand():
    # 100 km x 1.3 / 40 km/h = 3.25 h = 195 min
    assert pg.travel_time_simple(100.0) == pytest.approx(195.0)
    cfg = Config(circuity_factor=1.0, road_speed_kmh=60.0)
    assert pg.travel_time_simple(90.0, config=cfg) == pytest.approx(90.0)
    assert pg.travel_time_simple(np.inf) == np.inf


def test_simple_model_keeps_series_index():
    s = pd.Series([0.0, 40.0], index=["a", "b"], name="distance_km")
    out = pg.travel_time_simple(s)
    assert out.name == "travel_min"
    assert out.index.tolist() == ["a", "b"]
    assert out.tolist() == pytest.approx([0.0, 78.0])


# --- H3 helpers -----------------------------------------------------------
@pytest.mark.parametrize("res", [5, 6, 8])
def test_cell_strings_round_trip(res):
    cells = _random_cells(300, res, seed=res)
    strings = cells_to_str(cells)
    assert strings.tolist() == [h3.int_to_str(int(c)) for c in cells]
    np.testing.assert_array_equal(str_to_cells(strings), cells)


def test_str_to_cells_rejects_bad_ids():
    with pytest.raises(ValueError, match="not a 15-digit H3 cell id"):
        str_to_cells(["8665b4c07f"])


@pytest.mark.parametrize(("res", "parent"), [(8, 6), (8, 5), (6, 6), (7, 0)])
def test_parent_cells_match_h3(res, parent):
    cells = _random_cells(300, res, seed=res + parent)
    expected = [h3.str_to_int(h3.cell_to_parent(h3.int_to_str(int(c)), parent)) for c in cells]
    assert parent_cells(cells, parent).tolist() == expected


def test_parent_cells_refuses_finer_resolution():
    with pytest.raises(ValueError, match="coarser than resolution 7"):
        parent_cells(_random_cells(5, 6), 7)


def test_polyfill_centres_lie_in_their_polygon():
    polys = [box(100, 0, 101, 1), box(100.5, 0.5, 101.5, 1.5)]  # overlapping squares
    cells, owner = polyfill_regions(polys, 6)
    assert len(np.unique(cells)) == len(cells)  # deduplicated
    lat = np.array([h3.cell_to_latlng(h3.int_to_str(int(c)))[0] for c in cells])
    lon = np.array([h3.cell_to_latlng(h3.int_to_str(int(c)))[1] for c in cells])
    for i, poly in enumerate(polys):
        mine = owner == i
        assert mine.any()
        assert all(poly.contains(gpd.points_from_xy(lon[mine], lat[mine])))
    # a centre in the overlap goes to the first polygon
    in_both = polys[0].contains(gpd.points_from_xy(lon, lat)) & polys[1].contains(
        gpd.points_from_xy(lon, lat))
    assert in_both.any() and (owner[in_both] == 0).all()


# --- graph ----------------------------------------------------------------
def _islands(gap_deg: float) -> gpd.GeoSeries:
    """A 1x1 degree island at 100..101 E and another starting ``gap_deg`` east of it."""
    return gpd.GeoSeries([box(100, 0, 101, 1), box(101 + gap_deg, 0, 102 + gap_deg, 1)],
                         crs="EPSG:4326")


def test_graph_land_sea_and_edge_costs():
    cfg = Config()
    g = build_travel_graph(_islands(0.5), resolution=5, sea_buffer_km=60.0, config=cfg)
    assert g.is_land.sum() > 0 and (~g.is_land).sum() > 0
    # every sea cell is within the buffer (plus one cell) of some land cell
    land = np.flatnonzero(g.is_land)
    sea = np.flatnonzero(~g.is_land)
    d_km = great_circle_km(g.lat[sea][:, None], g.lon[sea][:, None],
                           g.lat[land][None, :], g.lon[land][None, :]).min(axis=1)
    assert d_km.max() < 60.0 + 25.0
    # forward costs: cost[u, v] = reverse_min[v, u]
    fwd = g.reverse_min.T.tocoo()
    u, v, cost = fwd.row, fwd.col, fwd.data
    length = great_circle_km(g.lat[u], g.lon[u], g.lat[v], g.lon[v])
    ll = g.is_land[u] & g.is_land[v]
    ss = ~g.is_land[u] & ~g.is_land[v]
    ls = g.is_land[u] & ~g.is_land[v]
    np.testing.assert_allclose(cost[ll], pg.travel_time_simple(length[ll]), rtol=1e-12)
    np.testing.assert_allclose(cost[ss], length[ss] / cfg.sea_speed_kmh * 60, rtol=1e-12)
    half = (pg.travel_time_simple(length[ls]) + length[ls] / cfg.sea_speed_kmh * 60) / 2
    np.testing.assert_allclose(cost[ls], half + cfg.boarding_penalty_min, rtol=1e-12)


def test_two_islands_crossing_costs_more_and_includes_boarding(tiny_ds, tiny_regions):
    # tiny: Kabupaten Gama (103..104 E) is an island 1 degree east of the mainland
    # (100..102 E). From Gama's centre (0.5 N, 103.5 E) to the only kanker
    # paripurna hospital RS0001 (0.5 N, 101.5 E): 0.5 degree of road on Gama,
    # 1 degree of sea, 0.5 degree of road on the mainland, one boarding.
    origin = pd.DataFrame({"lat": [0.5], "lon": [103.5]})
    kw = {"layanan": "kanker", "min_strata": "paripurna", "resolution": 6}
    out = pg.sea_aware_travel(origin, tiny_ds, tiny_regions, **kw)
    cfg = tiny_ds.config
    assert out.loc[0, "kode_rs"] == "RS0001"
    assert out.loc[0, "sea_crossings"] == 1
    straight_min = pg.travel_time_simple(out.loc[0, "distance_km"])
    by_hand = (pg.travel_time_simple(1.0 * DEG_KM) + DEG_KM / cfg.sea_speed_kmh * 60
               + cfg.boarding_penalty_min)
    assert out.loc[0, "travel_min"] > straight_min
    # grid paths bend (up to ~4 %) and meet the coast at cell centres
    assert by_hand * 0.97 < out.loc[0, "travel_min"] < by_hand * 1.15
    no_wait = dataclasses.replace(cfg, boarding_penalty_min=0.0)
    out0 = pg.sea_aware_travel(origin, tiny_ds, tiny_regions, config=no_wait, **kw)
    assert out.loc[0, "travel_min"] - out0.loc[0, "travel_min"] == pytest.approx(
        cfg.boarding_penalty_min, abs=1.0)


def test_steps_are_neighbours_or_same_type_diagonals():
    g = build_travel_graph(_islands(0.3), resolution=5, sea_buffer_km=40.0)
    fwd = g.reverse_min.T.tocoo()
    ids = [h3.int_to_str(int(c)) for c in g.cells]
    ring = np.array([h3.grid_distance(ids[u], ids[v]) for u, v in zip(fwd.row, fwd.col,
                                                                         strict=True)])
    assert set(ring) == {1, 2}
    two = ring == 2
    # a second-ring step stays on land or at sea, and so do both cells it passes
    assert (g.is_land[fwd.row[two]] == g.is_land[fwd.col[two]]).all()
    for u, v in list(zip(fwd.row[two], fwd.col[two], strict=True))[:300]:
        shared = set(h3.grid_disk(ids[u], 1)) & set(h3.grid_disk(ids[v], 1))
        assert len(shared) == 2
        pos = np.searchsorted(g.cells, [h3.str_to_int(c) for c in shared])
        assert (g.is_land[pos] == g.is_land[u]).all()


@pytest.mark.parametrize("bearing_deg", [0, 15, 30, 45, 90])
def test_road_trips_stay_close_to_the_simple_model(bearing_deg):
    # one big island: between the two cell centres a road trip in any direction
    # is at most ~4 % above the simple model (12 step directions); the legs from
    # the points to their cell centres come on top
    island = gpd.GeoSeries([box(100, -2, 104, 2)], crs="EPSG:4326")
    g = build_travel_graph(island, resolution=6, sea_buffer_km=0.0)
    b = np.radians(bearing_deg)
    o_lon, o_lat = 100.5, -1.5
    d_lon, d_lat = o_lon + 2.5 * np.sin(b), o_lat + 2.5 * np.cos(b)
    t, _, crossings = g.travel(origin_lon=[o_lon], origin_lat=[o_lat], dest_lon=[d_lon],
                               dest_lat=[d_lat])
    o, d = g.locate(lon=[o_lon, d_lon], lat=[o_lat, d_lat])
    centres = pg.travel_time_simple(great_circle_km(g.lat[o], g.lon[o], g.lat[d], g.lon[d]))
    legs = pg.travel_time_simple(great_circle_km(o_lat, o_lon, g.lat[o], g.lon[o])
                                 + great_circle_km(d_lat, d_lon, g.lat[d], g.lon[d]))
    simple = pg.travel_time_simple(great_circle_km(o_lat, o_lon, d_lat, d_lon))
    assert crossings[0] == 0
    assert simple <= t[0] <= centres * 1.04 + legs


def test_crossing_wider_than_buffer_is_unreachable():
    # islands 3 degrees (334 km) apart; a 60 km buffer handles 120 km crossings
    g = build_travel_graph(_islands(3.0), resolution=5, sea_buffer_km=60.0)
    t, dest, _ = g.travel(origin_lon=[104.5], origin_lat=[0.5], dest_lon=[100.5], dest_lat=[0.5])
    assert t[0] == np.inf and dest[0] == -1
    g2 = build_travel_graph(_islands(3.0), resolution=5, sea_buffer_km=200.0)
    t2, dest2, _ = g2.travel(origin_lon=[104.5], origin_lat=[0.5], dest_lon=[100.5],
                          dest_lat=[0.5])
    assert np.isfinite(t2[0]) and dest2[0] == 0
    assert g.max_crossing_km == 120.0


def test_multi_source_matches_one_search_per_destination():
    g = build_travel_graph(_islands(0.7), resolution=5, sea_buffer_km=80.0)
    rng = np.random.default_rng(3)
    d_lon, d_lat = rng.uniform(100, 102.7, 6), rng.uniform(0, 1, 6)
    t_min, dest, _ = g.times_to(lon=d_lon, lat=d_lat)
    # independent: one Dijkstra per destination from its cell, plus its road leg
    node = g.locate(lon=d_lon, lat=d_lat)
    each = dijkstra(g.reverse_min, directed=True, indices=node)
    leg = pg.travel_time_simple(great_circle_km(g.lat[node], g.lon[node], d_lat, d_lon))
    full = each + leg[:, None]
    np.testing.assert_allclose(t_min, full.min(axis=0), rtol=1e-9)
    reached = np.isfinite(t_min)
    np.testing.assert_allclose(full[dest[reached], np.flatnonzero(reached)], t_min[reached],
                               rtol=1e-9)


def test_sea_time_never_below_simple_time(tiny_ds, tiny_regions):
    # with sea speed and boarding slower than roads, every path costs at least
    # the straight road time to the hospital it reaches
    rng = np.random.default_rng(11)
    pts = pd.DataFrame({"lat": rng.uniform(0, 1, 40), "lon": rng.uniform(100, 104, 40)})
    sea = pg.sea_aware_travel(pts, tiny_ds, tiny_regions, layanan="jantung", resolution=6)
    assert (sea["travel_min"] >= pg.travel_time_simple(sea["distance_km"]) - 1e-6).all()
    near = pg.nearest_hospital(pts, tiny_ds, layanan="jantung")
    assert (sea["travel_min"] >= pg.travel_time_simple(near["distance_km"]) - 1e-6).all()


@settings(max_examples=15, deadline=None)
@given(st.floats(100.0, 104.0), st.floats(0.0, 1.0))
def test_adding_a_hospital_never_slows_the_trip(tiny_ds, tiny_regions, lon, lat):
    g = _tiny_graph(tiny_regions)
    cap = tiny_ds.capable(layanan="kanker", min_strata="madya")
    t1, _, _ = g.travel(origin_lon=[101.2], origin_lat=[0.3], dest_lon=cap["lon"],
                     dest_lat=cap["lat"])
    t2, _, _ = g.travel(origin_lon=[101.2], origin_lat=[0.3],
                     dest_lon=[*cap["lon"], lon], dest_lat=[*cap["lat"], lat])
    assert t2[0] <= t1[0] + 1e-9


_GRAPHS: dict[int, TravelGraph] = {}


def _tiny_graph(regions: gpd.GeoDataFrame) -> TravelGraph:
    if not _GRAPHS:
        _GRAPHS[0] = build_travel_graph(regions, resolution=5)
    return _GRAPHS[0]


def test_hospital_in_the_origin_cell_is_reached_directly(tiny_ds, tiny_regions):
    origin = pd.DataFrame({"lat": [0.5], "lon": [100.5]})  # RS0002 stands here
    out = pg.sea_aware_travel(origin, tiny_ds, tiny_regions, layanan="kanker", resolution=6)
    assert out.loc[0, "kode_rs"] == "RS0002"
    assert out.loc[0, "travel_min"] == pytest.approx(0.0, abs=1e-9)
    assert out.loc[0, "sea_crossings"] == 0


def test_sea_crossings_follow_the_paths():
    # three islands in a row: crossings counted along each node's shortest path
    islands = gpd.GeoSeries([box(100, 0, 100.6, 1), box(100.9, 0, 101.5, 1),
                             box(101.8, 0, 102.4, 1)], crs="EPSG:4326")
    g = build_travel_graph(islands, resolution=5, sea_buffer_km=40.0)
    t_min, dest, crossings = g.times_to(lon=[100.3], lat=[0.5])
    lat = g.lat
    lon = g.lon
    on_island = [g.is_land & (lon > a) & (lon < b) & (lat > 0.1) & (lat < 0.9)
                 for a, b in ((100.05, 100.55), (100.95, 101.45), (101.85, 102.35))]
    for expected, where in enumerate(on_island):
        assert where.any()
        assert (crossings[where] == expected).all()
    # an independent count: walk each predecessor chain
    n = len(g.cells)
    node = g.locate(lon=[100.3], lat=[0.5])
    _, pred = dijkstra(g.reverse_min, directed=True, indices=node[0],
                       return_predecessors=True)
    for v in np.flatnonzero(on_island[2])[:20]:
        steps, cur = 0, v
        while pred[cur] >= 0 and pred[cur] < n:
            steps += int(g.is_land[cur] and not g.is_land[pred[cur]])
            cur = pred[cur]
        assert steps == crossings[v] == 2


def test_sea_aware_travel_empty_candidates(tiny_ds, tiny_regions):
    with pytest.raises(ValueError, match="layanan='stroke'"):
        pg.sea_aware_travel(pd.DataFrame({"lat": [0.5], "lon": [100.5]}), tiny_ds,
                            tiny_regions, layanan="stroke")


# --- pinned travel times --------------------------------------------------
# Recorded with the graph construction of commit b072026 (per-cell grid_disk
# neighbours, explicit two-step path enumeration for the 12 step directions):
# build_travel_graph(...) then TravelGraph.travel(...) with the arguments below,
# travel_min rounded to 0.001 min (tiny) and 0.01 min (Maluku). Any rewrite of
# the graph must give the same times within 1 %, the same destinations and
# the same number of boardings.
_TINY_O_LON = [100.05, 100.5, 101.9, 102.5, 103.1, 103.5, 103.95, 100.2, 101.0, 103.3]
_TINY_O_LAT = [0.05, 0.9, 0.5, 0.5, 0.1, 0.5, 0.95, 0.2, 0.6, 0.8]
_TINY_PINNED = {
    # destinations (positions in the tiny rumah_sakit.csv): (travel_min, dest, crossings)
    (0,): ([339.13, 244.471, 96.461, 284.291, 552.544, 629.367, 744.21, 307.797, 124.199,
            598.309], [0] * 10, [0, 0, 0, 0, 1, 1, 1, 0, 0, 1]),
    (0, 1, 2, 3): ([50.226, 95.001, 96.461, 284.291, 134.28, 0.0, 150.006, 0.0, 123.05,
                    100.904], [3, 1, 0, 0, 2, 2, 2, 3, 1, 2], [0] * 10),
}


@pytest.mark.parametrize("dest", sorted(_TINY_PINNED))
def test_pinned_travel_times_tiny(tiny_ds, tiny_regions, dest):
    rs = tiny_ds.rumah_sakit
    g = build_travel_graph(tiny_regions, resolution=6, extra_points=(rs["lon"], rs["lat"]))
    assert (int(g.is_land.sum()), int((~g.is_land).sum()), g.reverse_min.nnz) == (896, 6082,
                                                                                   80474)
    assert float(g.reverse_min.sum()) == pytest.approx(2180618.3645, rel=1e-6)
    t, d, c = g.travel(origin_lon=_TINY_O_LON, origin_lat=_TINY_O_LAT,
                       dest_lon=rs["lon"].to_numpy()[list(dest)],
                       dest_lat=rs["lat"].to_numpy()[list(dest)])
    minutes, dests, crossings = _TINY_PINNED[dest]
    np.testing.assert_allclose(t, minutes, rtol=0.01, atol=0.01)
    assert d.tolist() == dests
    assert c.tolist() == crossings


def test_pinned_graph_of_two_islands():
    # the same cells, the same 3,196 steps (6 neighbours + 6 same-type diagonals) and costs
    g = build_travel_graph(_islands(0.5), resolution=5, sea_buffer_km=60.0)
    assert (len(g.cells), int(g.is_land.sum()), g.reverse_min.nnz) == (336, 85, 3196)
    assert float(g.reverse_min.sum()) == pytest.approx(214469.92227, rel=1e-6)


@pytest.fixture(scope="module")
def bundled_regions() -> gpd.GeoDataFrame:
    return pg.load_regions(level="kabkota")


# 14 points drawn uniformly on the land of Maluku (bundled kab/kota with
# kode_induk 81; numpy default_rng(81), rounded to 4 decimals) and three hospitals
# (RSUP Dr. J. Leimena, Ambon; RSUD Karel Sadsuitubun, Langgur; RSUD Dr. P. P.
# Magretti, Saumlaki), graph of the Maluku regions + those points.
_MALUKU_O_LON = [129.7137, 134.1009, 134.1372, 134.0807, 128.1056, 129.053, 129.8388, 128.6305,
                 131.2943, 133.1021, 128.6499, 127.0865, 126.1356, 126.4882]
_MALUKU_O_LAT = [-7.9087, -6.5387, -6.2328, -6.7378, -3.0729, -3.3457, -7.8671, -3.0301, -7.72,
                 -5.5029, -3.0785, -3.3958, -7.8845, -3.5721]
_MALUKU_D_LON = [128.18420, 133.02644, 131.41739]
_MALUKU_D_LAT = [-3.66149, -5.64333, -7.57957]
_MALUKU_PINNED = {
    # resolution: (land cells, sea cells, steps), travel_min, dest, crossings
    6: ((1146, 19957, 243282),
        [604.2, 537.68, 504.91, 585.37, 250.05, 333.92, 589.09, 255.28, 46.63, 51.61, 253.49,
         407.03, 1761.41, 533.13]),
    7: ((7919, 138468, 1726094),
        [582.39, 543.64, 484.09, 574.6, 232.66, 318.07, 556.45, 246.87, 44.29, 42.46, 240.69,
         401.98, 1738.54, 527.61]),
}
_MALUKU_DEST = [2, 1, 1, 1, 0, 0, 2, 0, 2, 1, 0, 0, 2, 0]
_MALUKU_CROSSINGS = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1]


@pytest.mark.parametrize("res", [6, 7])
def test_pinned_travel_times_maluku(bundled_regions, res):
    maluku = bundled_regions[bundled_regions["kode_induk"] == "81"]
    g = build_travel_graph(maluku, resolution=res,
                           extra_points=([*_MALUKU_O_LON, *_MALUKU_D_LON],
                                         [*_MALUKU_O_LAT, *_MALUKU_D_LAT]))
    sizes, minutes = _MALUKU_PINNED[res]
    assert (int(g.is_land.sum()), int((~g.is_land).sum()), g.reverse_min.nnz) == sizes
    t, d, c = g.travel(origin_lon=_MALUKU_O_LON, origin_lat=_MALUKU_O_LAT,
                       dest_lon=_MALUKU_D_LON, dest_lat=_MALUKU_D_LAT)
    np.testing.assert_allclose(t, minutes, rtol=0.01)
    assert d.tolist() == _MALUKU_DEST
    assert c.tolist() == _MALUKU_CROSSINGS


# --- graph cache ----------------------------------------------------------
def test_graph_cache_reuses_only_identical_inputs(monkeypatch):
    import pengampuan.travel as travel

    built = []
    real = travel.build_travel_graph
    monkeypatch.setattr(travel, "build_travel_graph",
                        lambda *a, **k: built.append(k) or real(*a, **k))
    travel.clear_travel_graph_cache()
    isl = _islands(0.5)
    g = travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0)
    assert travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0) is g
    assert len(built) == 1
    # every input is part of the key
    others = [
        travel.cached_travel_graph(isl, resolution=4, sea_buffer_km=40.0),
        travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=50.0),
        travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0,
                                   config=Config(sea_speed_kmh=30.0)),
        travel.cached_travel_graph(_islands(0.6), resolution=5, sea_buffer_km=40.0),
        travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0,
                                   extra_points=([104.0], [0.5])),
    ]
    assert len(built) == 6 and all(o is not g for o in others)
    assert others[2].config.sea_speed_kmh == 30.0
    travel.clear_travel_graph_cache()
    assert travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0) is not g


def test_graph_cache_is_bounded(monkeypatch):
    import pengampuan.travel as travel

    travel.clear_travel_graph_cache()
    isl = _islands(0.5)
    g = travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0)
    monkeypatch.setattr(travel, "GRAPH_CACHE_MAX_BYTES", int(g.nbytes * 2.5))
    monkeypatch.setattr(travel, "GRAPH_CACHE_MAX_ENTRIES", 2)
    for buffer_km in (41.0, 42.0, 43.0):
        travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=buffer_km)
    assert len(travel._GRAPH_CACHE) == 2
    assert sum(x.nbytes for x in travel._GRAPH_CACHE.values()) <= travel.GRAPH_CACHE_MAX_BYTES
    assert travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0) is not g  # evicted
    monkeypatch.setattr(travel, "GRAPH_CACHE_MAX_BYTES", 10)  # too big to keep: built, not kept
    travel.clear_travel_graph_cache()
    big = travel.cached_travel_graph(isl, resolution=5, sea_buffer_km=40.0)
    assert big.nbytes > 10 and not travel._GRAPH_CACHE
    travel.clear_travel_graph_cache()


def test_access_grid_and_district_access_build_the_sea_graph_once(tiny_ds, tiny_regions,
                                                                 monkeypatch):
    import pengampuan.travel as travel

    travel.clear_travel_graph_cache()
    built = []
    real = travel.build_travel_graph
    monkeypatch.setattr(travel, "build_travel_graph",
                        lambda *a, **k: built.append(k) or real(*a, **k))
    cells = pg.land_cells(tiny_regions, resolution=6)
    grids = [pg.access_grid(tiny_ds, tiny_regions, layanan=lay, cells=cells, travel="sea")
             for lay in ("kanker", "jantung", "kanker")]
    assert len(built) == 1
    pd.testing.assert_frame_equal(grids[0], grids[2])
    for lay in ("kanker", "jantung"):
        pg.district_access(tiny_ds, tiny_regions, layanan=lay, travel="sea")
    assert len(built) == 2  # one more graph: district_access has its own points
    travel.clear_travel_graph_cache()


# --- open sea on coarser cells ----------------------------------------------
def test_open_sea_on_coarser_cells_keeps_land_and_coast_fine():
    isl = _islands(0.5)
    one = build_travel_graph(isl, resolution=6, sea_buffer_km=60.0, sea_cell_resolution=6)
    mixed = build_travel_graph(isl, resolution=6, sea_buffer_km=60.0, sea_cell_resolution=5)
    assert one.sea_cell_resolution == 6 and mixed.sea_cell_resolution == 5
    assert "open sea r5" in repr(mixed) and "open sea" not in repr(one)
    cell_res = ((mixed.cells >> np.uint64(52)) & np.uint64(0xF)).astype(int)
    assert set(cell_res[mixed.is_land]) == {6} and set(cell_res) == {5, 6}
    np.testing.assert_array_equal(mixed.cells[mixed.is_land], one.cells[one.is_land])
    # coarse cells are the sea beyond one resolution-5 cell of the land: none holds land
    land_parents = set(parent_cells(mixed.cells[mixed.is_land], 5).tolist())
    assert not land_parents & set(mixed.cells[cell_res == 5].tolist())
    # every step: same resolution and at most 2 cells apart, or fine -> the coarse cell
    # holding one of its neighbours
    fwd = mixed.reverse_min.T.tocoo()
    u, v = fwd.row, fwd.col
    ids = [h3.int_to_str(int(c)) for c in mixed.cells]
    same = cell_res[u] == cell_res[v]
    assert all(h3.grid_distance(ids[a], ids[b]) in (1, 2)
               for a, b in zip(u[same][:2000], v[same][:2000], strict=True))
    for a, b in zip(u[~same], v[~same], strict=True):
        fine, coarse = (a, b) if cell_res[a] == 6 else (b, a)
        assert coarse in {np.searchsorted(mixed.cells, h3.str_to_int(h3.cell_to_parent(x, 5)))
                          for x in h3.grid_ring(ids[fine], 1)}
    # the same trips, within the precision of the grid
    o_lon, o_lat, d_lon, d_lat = [101.9, 102.3, 100.2], [0.2, 0.8, 0.5], [100.5], [0.5]
    t1, d1, c1 = one.travel(origin_lon=o_lon, origin_lat=o_lat, dest_lon=d_lon, dest_lat=d_lat)
    t2, d2, c2 = mixed.travel(origin_lon=o_lon, origin_lat=o_lat, dest_lon=d_lon,
                              dest_lat=d_lat)
    np.testing.assert_allclose(t2, t1, rtol=0.03)
    assert c1.tolist() == c2.tolist() == [1, 1, 0]
    with pytest.raises(ValueError, match="sea_cell_resolution=7 is finer than resolution=6"):
        build_travel_graph(isl, resolution=6, sea_cell_resolution=7)


def test_maluku_at_resolution_8_agrees_with_resolution_7(bundled_regions):
    # resolution 8 on land and coast, resolution-7 open sea (the default): the same
    # hospitals and boardings as the pinned resolution-7 trips, and times within 5 %
    # for trips over 100 min (shorter ones move with the finer cell centres)
    maluku = bundled_regions[bundled_regions["kode_induk"] == "81"]
    g = build_travel_graph(maluku, resolution=8,
                           extra_points=([*_MALUKU_O_LON, *_MALUKU_D_LON],
                                         [*_MALUKU_O_LAT, *_MALUKU_D_LAT]))
    assert g.sea_cell_resolution == 7
    t, d, c = g.travel(origin_lon=_MALUKU_O_LON, origin_lat=_MALUKU_O_LAT,
                       dest_lon=_MALUKU_D_LON, dest_lat=_MALUKU_D_LAT)
    pinned = np.array(_MALUKU_PINNED[7][1])
    long = pinned > 100
    np.testing.assert_allclose(t[long], pinned[long], rtol=0.05)
    assert d.tolist() == _MALUKU_DEST
    assert c.tolist() == _MALUKU_CROSSINGS


@pytest.mark.parametrize("bad", ["8665b4c07ffffff0", "8665b4c07fffffz", "", "<NA>"])
def test_str_to_cells_rejects_malformed_ids(bad):
    with pytest.raises(ValueError, match="not a 15-digit H3 cell id"):
        str_to_cells(["8665b4c07ffffff", bad])


def test_str_to_cells_in_blocks(monkeypatch):
    import pengampuan.travel as travel

    cells = _random_cells(50, 8, seed=4)
    monkeypatch.setattr(travel, "_PARSE_CHUNK", 7)
    strings = pd.Series(cells_to_str(cells), dtype="string")
    np.testing.assert_array_equal(str_to_cells(strings), cells)
    assert str_to_cells([]).dtype == np.uint64 and len(str_to_cells([])) == 0


# --- vectorised H3 against the h3 package (the reference) --------------------
def test_polyfill_matches_h3_per_polygon(bundled_regions):
    # Kota Ambon, Kepulauan Seribu-like small islands and a large multipolygon
    some = bundled_regions[bundled_regions["kode"].isin(["81.71", "81.08", "31.01", "17.71"])]
    cells, owner = polyfill_regions(some.geometry, 7)
    for i, geom in enumerate(some.geometry):
        expected = sorted(h3.str_to_int(c) for c in h3.h3shape_to_cells(
            h3.geo_to_h3shape(geom), 7))
        assert sorted(cells[owner == i].tolist()) == expected


def test_centres_points_and_neighbours_match_h3():
    from pengampuan.travel import _neighbours, cell_centres, point_cells

    cells = _random_cells(400, 8, seed=9)
    lat, lon = cell_centres(cells)
    ref = np.array([h3.cell_to_latlng(h3.int_to_str(int(c))) for c in cells])
    np.testing.assert_allclose(lat, ref[:, 0], atol=1e-9)
    np.testing.assert_allclose(lon, ref[:, 1], atol=1e-9)
    rng = np.random.default_rng(5)
    p_lat, p_lon = rng.uniform(-11, 6, 400), rng.uniform(95, 141, 400)
    assert point_cells(p_lon, p_lat, 9).tolist() == [
        h3.str_to_int(h3.latlng_to_cell(a, b, 9)) for a, b in zip(p_lat, p_lon, strict=True)]
    origin, found = _neighbours(cells)
    for i in (0, 17, 399):
        expected = {h3.str_to_int(c) for c in h3.grid_ring(h3.int_to_str(int(cells[i])), 1)}
        assert set(found[origin == i].tolist()) == expected
    with pytest.raises(ValueError, match="missing or infinite"):
        point_cells([100.0, np.nan], [0.0, 0.0], 7)
