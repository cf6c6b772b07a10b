"""Nearest capable hospital, access per kab/kota, the H3 access grid and ``pengampuan access``."""

from __future__ import annotations

import dataclasses
import json
import re

import geopandas as gpd
import h3
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import Point

import pengampuan as pg
from pengampuan.access import NoCapableHospitalWarning, land_cells
from pengampuan.cli import main
from pengampuan.config import AREA_CRS, EARTH_RADIUS_KM
from pengampuan.errors import CRSError, PengampuanWarning
from pengampuan.travel import build_travel_graph, str_to_cells

DEG_KM = EARTH_RADIUS_KM * np.pi / 180  # 111.195 km: one degree of a great circle
GEOD = Geod(ellps="WGS84")


def _points(latlon: list[tuple[float, float]], index: list[object] | None = None) -> pd.DataFrame:
    lat, lon = zip(*latlon, strict=True)
    return pd.DataFrame({"lat": lat, "lon": lon}, index=index)


def _synthetic_ds(n_rs: int, seed: int) -> pg.Dataset:
    """Random hospitals in Indonesia's envelope, each with a random stroke strata."""
    rng = np.random.default_rng(seed)
    kode = [f"RS{i:05d}" for i in range(n_rs)]
    lat, lon = rng.uniform(-11, 6, n_rs), rng.uniform(95, 141, n_rs)
    rs = gpd.GeoDataFrame(
        {"kode_rs": kode, "nama": [f"RS {i}" for i in range(n_rs)], "lat": lat, "lon": lon,
         "kode_wilayah": "01.01", "lokasi_presisi": "sumber"},
        geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    strata = rng.choice(["dasar", "madya", "utama", "paripurna"], n_rs)
    lay = pd.DataFrame({"kode_rs": kode, "layanan": "stroke", "strata": strata, "status": "ada"})
    target = lay.sample(frac=0.3, random_state=seed).assign(strata="paripurna", status="target")
    empty = pd.DataFrame(columns=["pengampu", "diampu", "layanan"])
    wil = pd.DataFrame(columns=["kode", "nama", "tingkat", "kode_induk"])
    return pg.Dataset(rumah_sakit=rs, layanan=pd.concat([lay, target], ignore_index=True),
                      jejaring=empty, wilayah=wil)


def _geodesic_km(lat: np.ndarray, lon: np.ndarray, cap: pd.DataFrame, geod: Geod = GEOD
                 ) -> np.ndarray:
    """Geodesic km from every point (rows) to every candidate (columns)."""
    la1, lo1, la2, lo2 = np.broadcast_arrays(lat[:, None], lon[:, None],
                                             cap["lat"].to_numpy()[None, :],
                                             cap["lon"].to_numpy()[None, :])
    _, _, d_m = geod.inv(lo1.ravel(), la1.ravel(), lo2.ravel(), la2.ravel())
    return np.asarray(d_m).reshape(la1.shape) / 1000.0


# --- nearest_hospital: by hand -------------------------------------------
def test_one_degree_of_latitude(tiny_ds):
    # RS0001 (kanker paripurna) stands at 0.5 N 101.5 E; 0.5 S 101.5 E is 1 degree south
    near = pg.nearest_hospital(_points([(-0.5, 101.5)]), tiny_ds, layanan="kanker",
                               min_strata="paripurna")
    assert near.loc[0, "kode_rs"] == "RS0001"
    assert near.loc[0, "nama"] == "RS Nasional Satu"
    assert near.loc[0, "strata"] == "paripurna"
    assert near.loc[0, "distance_km"] == pytest.approx(111.195, rel=1e-4)


def test_strata_filter_and_index_kept(tiny_ds):
    # 0 N 100.5 E: RSUD Alfa (RS0002, jantung madya) is 0.5 degree north
    pts = _points([(0.0, 100.5), (0.5, 103.4)], index=["a", "b"])
    near = pg.nearest_hospital(pts, tiny_ds, layanan="jantung", min_strata="madya",
                               status="ada")
    assert near.index.tolist() == ["a", "b"]
    assert near["kode_rs"].tolist() == ["RS0002", "RS0003"]
    assert near.loc["a", "distance_km"] == pytest.approx(0.5 * DEG_KM, rel=1e-4)
    # utama or higher: RS0002 (madya) no longer counts
    near_u = pg.nearest_hospital(pts, tiny_ds, layanan="jantung", min_strata="utama")
    assert near_u.loc["a", "kode_rs"] == "RS0001"


def test_status_target_uses_target_strata(tiny_ds):
    # RS0004 (0.2 N 100.2 E) has jantung madya only as a target (2025)
    pt = _points([(0.2, 100.2)])
    ada = pg.nearest_hospital(pt, tiny_ds, layanan="jantung", status="ada")
    target = pg.nearest_hospital(pt, tiny_ds, layanan="jantung", status="target")
    assert ada.loc[0, "kode_rs"] == "RS0002"
    assert target.loc[0, "kode_rs"] == "RS0004"
    assert target.loc[0, "distance_km"] == pytest.approx(0.0, abs=1e-9)


def test_geodataframe_in_another_crs(tiny_ds):
    pts = gpd.GeoDataFrame(geometry=[Point(101.0, 0.0), Point(103.9, 0.5)], crs="EPSG:4326")
    expected = pg.nearest_hospital(pts, tiny_ds, layanan="jantung")
    got = pg.nearest_hospital(pts.to_crs(AREA_CRS), tiny_ds, layanan="jantung")
    assert got["kode_rs"].tolist() == expected["kode_rs"].tolist()
    np.testing.assert_allclose(got["distance_km"], expected["distance_km"], rtol=1e-9)


def test_max_distance_gives_inf_and_na(tiny_ds):
    near = pg.nearest_hospital(_points([(0.5, 100.6), (0.5, 110.0)]), tiny_ds,
                               layanan="jantung", max_distance_km=50)
    assert near.loc[0, "kode_rs"] == "RS0002"
    assert near.loc[1, "distance_km"] == np.inf
    assert near.loc[1, ["kode_rs", "nama", "strata"]].isna().all()


def test_empty_candidates_is_a_clear_error(tiny_ds, english: None):
    with pytest.raises(ValueError, match=re.escape(
            "no hospital has layanan='stroke' at strata 'madya' or higher (status='ada'); "
            "0 hospital(s) have layanan 'stroke' at all")):
        pg.nearest_hospital(_points([(0.5, 100.5)]), tiny_ds, layanan="stroke", status="ada")
    # kanker exists (3 hospitals) but only RS0001 is paripurna: drop it
    lay = tiny_ds.layanan[~((tiny_ds.layanan["kode_rs"] == "RS0001")
                            & (tiny_ds.layanan["layanan"] == "kanker"))]
    ds = dataclasses.replace(tiny_ds, layanan=lay)
    with pytest.raises(ValueError, match=r"min_strata|strata 'paripurna'.*2 hospital\(s\) have "
                                         r"layanan 'kanker' at all \(2 with a current strata"):
        pg.nearest_hospital(_points([(0.5, 100.5)]), ds, layanan="kanker",
                            min_strata="paripurna")


@pytest.mark.parametrize(("points", "fragment"), [
    (pd.DataFrame({"lat": [0.5, np.nan], "lon": [100.5, 100.0]}),
     "1 missing 'lat' values (index 1)"),
    (pd.DataFrame({"lat": [100.5], "lon": [0.5]}), "are lat and lon swapped?"),
    (pd.DataFrame({"y": [0.5], "x": [100.5]}), "has no column(s) ['lat', 'lon']"),
    (gpd.GeoDataFrame(geometry=[Point(100, 0).buffer(1)], crs=4326), "not Points (['Polygon']"),
    (gpd.GeoDataFrame(geometry=[Point(100, 0), Point(), None], crs=4326),
     "2 missing or empty geometries (index 1, 2)"),
    (gpd.GeoDataFrame(geometry=[Point(), Point(100, 0).buffer(1)], index=["a", "b"], crs=4326),
     "1 missing or empty geometries (index 'a'); 1 geometries that are not Points (['Polygon']; "
     "index 'b')"),
])
def test_bad_points(tiny_ds, points, fragment):
    with pytest.raises(ValueError, match=re.escape(fragment)):
        pg.nearest_hospital(points, tiny_ds, layanan="jantung")


def test_points_without_crs(tiny_ds):
    with pytest.raises(CRSError, match="has no CRS"):
        pg.nearest_hospital(gpd.GeoDataFrame(geometry=[Point(100, 0)]), tiny_ds,
                            layanan="jantung")


def test_unknown_choices(tiny_ds):
    with pytest.raises(ValueError, match="layanan='strok' is not known"):
        pg.nearest_hospital(_points([(0, 100)]), tiny_ds, layanan="strok")
    with pytest.raises(ValueError, match="strata='sedang' is not known"):
        pg.nearest_hospital(_points([(0, 100)]), tiny_ds, layanan="jantung", min_strata="sedang")
    with pytest.raises(ValueError, match="status='nanti' is not known"):
        pg.nearest_hospital(_points([(0, 100)]), tiny_ds, layanan="jantung", status="nanti")


# --- nearest_hospital: oracle and properties ------------------------------
def test_oracle_brute_force_geodesic():
    ds = _synthetic_ds(150, seed=1)
    rng = np.random.default_rng(2)
    lat, lon = rng.uniform(-11, 6, 1500), rng.uniform(95, 141, 1500)
    near = pg.nearest_hospital(_points(list(zip(lat, lon, strict=True))), ds, layanan="stroke",
                               min_strata="madya", status="ada", chunk_size=400)
    cap = ds.capable(layanan="stroke", min_strata="madya", status="ada").reset_index(drop=True)
    chosen = cap.set_index("kode_rs").index.get_indexer(near["kode_rs"].to_numpy(dtype=str))
    rows = np.arange(len(lat))
    # exact on the sphere of EARTH_RADIUS_KM: same distance and same argmin as pyproj
    sphere = Geod(a=EARTH_RADIUS_KM * 1000, b=EARTH_RADIUS_KM * 1000)
    sphere_km = _geodesic_km(lat, lon, cap, sphere)
    np.testing.assert_allclose(near["distance_km"], sphere_km.min(axis=1), rtol=1e-9)
    np.testing.assert_array_equal(sphere_km[rows, chosen], sphere_km.min(axis=1))
    # WGS84: the sphere differs from the ellipsoid by up to 0.56 % in Indonesia
    # (north-south arcs near the equator), so distances agree within 0.6 % and the
    # chosen hospital is at most that much farther than the ellipsoid's nearest
    wgs_km = _geodesic_km(lat, lon, cap)
    best = wgs_km.min(axis=1)
    np.testing.assert_allclose(near["distance_km"], best, rtol=6e-3)
    assert (wgs_km[rows, chosen] <= best * 1.012).all()
    assert (wgs_km.argmin(axis=1) == chosen).mean() > 0.98


_DS = _synthetic_ds(60, seed=5)
_CAP = _DS.capable(layanan="stroke", min_strata="utama", status="ada")
_lat = st.floats(-11, 6, allow_nan=False)
_lon = st.floats(95, 141, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_lat, _lon), min_size=1, max_size=20))
def test_reported_nearest_is_never_farther_than_any_candidate(latlon):
    near = pg.nearest_hospital(_points(latlon), _DS, layanan="stroke", min_strata="utama",
                               status="ada")
    lat, lon = np.array(latlon).T
    all_km = pg.great_circle_km(lat[:, None], lon[:, None], _CAP["lat"].to_numpy()[None, :],
                                _CAP["lon"].to_numpy()[None, :])
    assert (near["distance_km"].to_numpy() <= all_km.min(axis=1) + 1e-6).all()
    assert near["kode_rs"].isin(_CAP["kode_rs"]).all()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_lat, _lon), min_size=1, max_size=10), _lat, _lon)
def test_adding_a_hospital_never_makes_access_worse(latlon, new_lat, new_lon):
    pts = _points(latlon)
    before = pg.nearest_hospital(pts, _DS, layanan="stroke", min_strata="utama")
    rs = pd.concat([_DS.rumah_sakit, gpd.GeoDataFrame(
        {"kode_rs": ["RSBARU"], "nama": ["RS Baru"], "lat": [new_lat], "lon": [new_lon],
         "kode_wilayah": ["01.01"], "lokasi_presisi": ["sumber"]},
        geometry=[Point(new_lon, new_lat)], crs="EPSG:4326")], ignore_index=True)
    lay = pd.concat([_DS.layanan, pd.DataFrame(
        {"kode_rs": ["RSBARU"], "layanan": ["stroke"], "strata": ["utama"], "status": ["ada"]})],
        ignore_index=True)
    after = pg.nearest_hospital(pts, dataclasses.replace(_DS, rumah_sakit=rs, layanan=lay),
                                layanan="stroke", min_strata="utama")
    assert (after["distance_km"] <= before["distance_km"] + 1e-9).all()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_lat, _lon), min_size=1, max_size=10),
       st.sampled_from(["dasar", "madya", "utama", "paripurna"]))
def test_target_never_worse_than_ada(latlon, strata):
    pts = _points(latlon)
    ada = pg.nearest_hospital(pts, _DS, layanan="stroke", min_strata=strata, status="ada")
    target = pg.nearest_hospital(pts, _DS, layanan="stroke", min_strata=strata, status="target")
    assert (target["distance_km"] <= ada["distance_km"] + 1e-9).all()


def test_chunks_give_the_same_answer():
    ds = _synthetic_ds(80, seed=7)
    rng = np.random.default_rng(8)
    pts = _points(list(zip(rng.uniform(-11, 6, 999), rng.uniform(95, 141, 999), strict=True)))
    one = pg.nearest_hospital(pts, ds, layanan="stroke")
    many = pg.nearest_hospital(pts, ds, layanan="stroke", chunk_size=100)
    pd.testing.assert_frame_equal(one, many)


# --- district_access -------------------------------------------------------
def test_district_access_by_hand(tiny_ds, tiny_regions):
    # kanker >= madya: RS0001 (01.02), RS0002 and RS0004 (01.01); none on Gama (02.01)
    acc = pg.district_access(tiny_ds, tiny_regions, layanan="kanker").set_index("kode")
    assert acc.crs.to_epsg() == 4326
    assert acc["n_capable"].to_dict() == {"01.01": 2, "01.02": 1, "02.01": 0}
    assert acc["covered"].to_dict() == {"01.01": True, "01.02": True, "02.01": False}
    # measured from a point inside each square: its middle, (lon + 0.5, 0.5)
    assert acc.loc["02.01", ["titik_lat", "titik_lon"]].tolist() == pytest.approx([0.5, 103.5])
    # from Gama's middle to RS0001 (0.5 N 101.5 E): two degrees along the 0.5 N parallel
    gama = acc.loc["02.01"]
    assert gama["kode_rs"] == "RS0001" and gama["nama_rs"] == "RS Nasional Satu"
    _, _, d_m = GEOD.inv(103.5, 0.5, 101.5, 0.5)
    assert gama["distance_km"] == pytest.approx(d_m / 1000, rel=5e-3)
    assert gama["distance_km"] == pytest.approx(2 * DEG_KM, rel=1e-4)
    assert gama["travel_min"] == pytest.approx(pg.travel_time_simple(gama["distance_km"]))
    assert gama["threshold_min"] == 240.0  # Config: cancer day trip
    assert not gama["within_threshold"]  # ~434 min > 240
    assert acc.loc["01.01", "within_threshold"]
    assert acc["penduduk"].to_dict() == {"01.01": 2000, "01.02": 1000, "02.01": 500}
    assert acc.attrs["layanan"] == "kanker"


def test_district_access_reports_location_precision(tiny_ds, tiny_regions):
    # status target: RS0004 (jantung madya target; lokasi_presisi kabkota) is the only
    # capable hospital at 0.2 N 100.2 E, but Alfa's middle is nearer to RS0002
    acc = pg.district_access(tiny_ds, tiny_regions, layanan="jantung",
                             status="target").set_index("kode")
    assert acc.loc["01.01", "n_capable"] == 2
    assert set(acc["lokasi_presisi"].dropna()) <= {"sumber", "kabkota"}
    rs4 = pd.DataFrame({"lat": [0.2], "lon": [100.2]})
    near = pg.nearest_hospital(rs4, tiny_ds, layanan="jantung", status="target")
    assert near.loc[0, "kode_rs"] == "RS0004"


def test_district_without_capable_hospital_is_inf_not_missing(tiny_ds, tiny_regions):
    with pytest.warns(PengampuanWarning, match="layanan='stroke'"):
        acc = pg.district_access(tiny_ds, tiny_regions, layanan="stroke")
    assert len(acc) == 3
    assert (acc["distance_km"] == np.inf).all() and (acc["travel_min"] == np.inf).all()
    assert not acc["covered"].any()
    assert acc["kode_rs"].isna().all()
    assert not acc["within_threshold"].any()


def test_district_access_population_weighted(tiny_ds, tiny_regions, english: None):
    # Alfa: 300 persons at RSUD Alfa (0 km), 100 persons 0.5 degree south of it;
    # one point in the sea (not counted, warned); Beta and Gama have no points.
    pop = gpd.GeoDataFrame({"penduduk": [300, 100, 50]},
                           geometry=[Point(100.5, 0.5), Point(100.5, 0.0001), Point(102.5, 0.5)],
                           crs="EPSG:4326")
    with pytest.warns(PengampuanWarning, match="1 of 3 population points"):
        acc = pg.district_access(tiny_ds, tiny_regions, layanan="jantung", min_strata="madya",
                                 population=pop)
    acc = acc.set_index("kode")
    alfa = acc.loc["01.01"]
    near_south = pg.nearest_hospital(_points([(0.0001, 100.5)]), tiny_ds, layanan="jantung")
    expected_km = (300 * 0.0 + 100 * near_south.loc[0, "distance_km"]) / 400
    assert alfa["penduduk_grid"] == 400
    assert alfa["distance_km"] == pytest.approx(expected_km)
    assert alfa["travel_min"] == pytest.approx(pg.travel_time_simple(expected_km))
    assert alfa["share_within_threshold"] == pytest.approx(1.0)  # ~108 min < 120
    assert alfa["kode_rs"] == "RS0002"
    # regions without population points keep the distance from their inner point
    assert acc.loc["01.02", "penduduk_grid"] == 0
    assert acc.loc["01.02", "distance_km"] == pytest.approx(0.0, abs=1e-9)
    assert np.isnan(acc.loc["01.02", "share_within_threshold"])


def test_district_access_sea_includes_the_crossing(tiny_ds, tiny_regions):
    simple = pg.district_access(tiny_ds, tiny_regions, layanan="kanker").set_index("kode")
    sea = pg.district_access(tiny_ds, tiny_regions, layanan="kanker",
                             travel="sea").set_index("kode")
    cfg = tiny_ds.config
    # Gama is an island: its trip crosses one degree of sea and boards once
    assert sea.loc["02.01", "travel_min"] > simple.loc["02.01", "travel_min"] + \
        cfg.boarding_penalty_min
    # districts with a capable hospital at their middle stay at zero
    assert sea.loc["01.01", "travel_min"] == pytest.approx(0.0, abs=1e-9)
    assert sea.loc["02.01", "kode_rs"] == "RS0001"
    assert sea["sea_crossings"].to_dict() == {"01.01": 0, "01.02": 0, "02.01": 1}
    assert "sea_crossings" not in simple


def test_sea_model_warns_when_hospitals_lie_off_the_given_land(tiny_ds, tiny_regions,
                                                             english: None):
    gama = tiny_regions.iloc[[2]]  # the island only: every kanker hospital is elsewhere
    with pytest.warns(PengampuanWarning, match="3 of 3 capable hospitals lie outside"):
        pg.district_access(tiny_ds, gama, layanan="kanker", travel="sea")
    # a graph built from all regions: no warning, and the same time as with all regions
    graph = build_travel_graph(tiny_regions, resolution=6,
                               extra_points=(tiny_ds.rumah_sakit["lon"],
                                             tiny_ds.rumah_sakit["lat"]))
    one = pg.district_access(tiny_ds, gama, layanan="kanker", travel="sea", graph=graph)
    every = pg.district_access(tiny_ds, tiny_regions, layanan="kanker", travel="sea")
    assert one["travel_min"].iloc[0] == pytest.approx(every["travel_min"].iloc[2], rel=1e-3)


def test_district_access_rejects_bad_regions(tiny_ds, tiny_regions):
    with pytest.raises(ValueError, match="regions has no column"):
        pg.district_access(tiny_ds, tiny_regions.drop(columns="kode"), layanan="jantung")
    dup = pd.concat([tiny_regions, tiny_regions.iloc[[0]]])
    with pytest.raises(ValueError, match=re.escape("['01.01'] appear more than once")):
        pg.district_access(tiny_ds, dup, layanan="jantung")
    with pytest.raises(ValueError, match="travel='boat' is not known"):
        pg.district_access(tiny_ds, tiny_regions, layanan="jantung", travel="boat")


# --- access_grid -----------------------------------------------------------
def test_land_cells_centres_in_their_region(tiny_regions):
    cells = land_cells(tiny_regions, resolution=6)
    assert cells["h3"].is_unique and cells["h3"].is_monotonic_increasing
    assert cells.attrs["resolution"] == 6
    pts = gpd.GeoSeries(gpd.points_from_xy(cells["lon"], cells["lat"]), crs=4326)
    geom = tiny_regions.set_index("kode").geometry
    owner = geom.loc[cells["kode"].astype(str)].to_numpy()
    assert all(poly.contains(pt) for poly, pt in zip(owner, pts, strict=True))
    # the cells cover the three squares (area in the equal-area CRS) within a few %
    cells_km2 = sum(h3.cell_area(c, unit="km^2") for c in cells["h3"])
    squares_km2 = tiny_regions.to_crs(AREA_CRS).area.sum() / 1e6
    assert cells_km2 == pytest.approx(squares_km2, rel=0.03)


def test_access_grid_matches_brute_force(tiny_ds, tiny_regions):
    grid = pg.access_grid(tiny_ds, tiny_regions, layanan="kanker", resolution=6)
    assert list(grid.columns) == ["h3", "lat", "lon", "kode", "kode_rs", "distance_km",
                                  "travel_min"]
    assert grid["distance_km"].dtype == np.float32
    cap = tiny_ds.capable(layanan="kanker").reset_index(drop=True)
    all_km = pg.great_circle_km(grid["lat"].to_numpy()[:, None], grid["lon"].to_numpy()[:, None],
                                cap["lat"].to_numpy()[None, :], cap["lon"].to_numpy()[None, :])
    np.testing.assert_allclose(grid["distance_km"], all_km.min(axis=1), rtol=1e-6, atol=1e-4)
    np.testing.assert_array_equal(grid["kode_rs"].astype(str),
                                  cap["kode_rs"].to_numpy()[all_km.argmin(axis=1)])
    np.testing.assert_allclose(grid["travel_min"],
                               pg.travel_time_simple(all_km.min(axis=1)), rtol=1e-6, atol=1e-3)


def test_access_grid_reuses_cells_and_graph(tiny_ds, tiny_regions):
    cells = land_cells(tiny_regions, resolution=7)
    a = pg.access_grid(tiny_ds, tiny_regions, layanan="jantung", cells=cells)
    b = pg.access_grid(tiny_ds, tiny_regions, layanan="jantung", resolution=7)
    pd.testing.assert_frame_equal(a, b)
    graph = build_travel_graph(tiny_regions, resolution=6,
                               extra_points=(tiny_ds.rumah_sakit["lon"],
                                             tiny_ds.rumah_sakit["lat"]),
                               extra_cells=str_to_cells(cells["h3"]))
    sea = pg.access_grid(tiny_ds, tiny_regions, layanan="jantung", cells=cells, travel="sea",
                         graph=graph)
    sea2 = pg.access_grid(tiny_ds, tiny_regions, layanan="jantung", cells=cells, travel="sea")
    np.testing.assert_allclose(sea["travel_min"], sea2["travel_min"], rtol=1e-5)
    assert np.isfinite(sea["travel_min"]).all()
    # every path costs at least the straight road time to the hospital it reaches
    assert (sea["travel_min"] >= pg.travel_time_simple(sea["distance_km"]) * (1 - 1e-5)).all()
    assert (sea["travel_min"] >= a["travel_min"] * (1 - 1e-5)).all()
    gama = sea["kode"] == "02.01"
    assert (sea.loc[gama, "travel_min"] > a.loc[gama, "travel_min"]).mean() > 0.5


def test_access_grid_hexagons(tiny_ds, tiny_regions):
    grid = pg.access_grid(tiny_ds, tiny_regions.iloc[[2]], layanan="jantung", resolution=5,
                          as_geodataframe=True)
    assert isinstance(grid, gpd.GeoDataFrame) and grid.crs.to_epsg() == 4326
    centres = gpd.points_from_xy(grid["lon"], grid["lat"])
    assert all(poly.contains(pt) for poly, pt in zip(grid.geometry, centres, strict=True))


@pytest.mark.parametrize("travel", ["simple", "sea"])
def test_access_grid_without_capable_hospital_is_inf(tiny_ds, tiny_regions, travel):
    # as district_access: a warning naming the choice, and every cell unreachable
    cells = land_cells(tiny_regions, resolution=5)
    with pytest.warns(NoCapableHospitalWarning, match="layanan='stroke'") as caught:
        grid = pg.access_grid(tiny_ds, tiny_regions, layanan="stroke", cells=cells,
                              travel=travel)
    note = caught[0].message
    assert (note.layanan, note.min_strata, note.status, note.fasilitas) == (
        "stroke", "madya", "target", None)
    assert len(grid) == len(cells) > 0
    assert np.isinf(grid["distance_km"]).all() and np.isinf(grid["travel_min"]).all()
    assert grid["kode_rs"].isna().all()


def _with_fasilitas(ds: pg.Dataset) -> pg.Dataset:
    """Tiny data with reported services: Gama (02.01) dialysis and a cathlab, Alfa (01.01) a
    cathlab, Alfa Selatan an inferred dialysis (left out by the default grades)."""
    fas = pd.DataFrame({"kode_rs": ["RS0003", "RS0003", "RS0002", "RS0004"],
                        "fasilitas": ["cathlab", "hemodialisis", "cathlab", "hemodialisis"],
                        "tahun": [2020] * 4, "sumber": ["RS Online 2020"] * 4,
                        "bukti": ["dokumen", "dokumen", "dokumen", "inferensi"]})
    return dataclasses.replace(ds, fasilitas=fas)


def test_province_access_grid_of_a_reported_service(tiny_ds, tiny_regions):
    ds = _with_fasilitas(tiny_ds)
    # province 01 has no dialysis of the default grades: its cells go to Gama (02.01)
    grid = pg.province_access_grid(ds, tiny_regions, "01", fasilitas="hemodialisis",
                                   resolution=5)
    assert set(grid["kode_rs"].astype(str)) == {"RS0003"}
    assert set(grid["nama_rs"]) == {"RSUD Gama"}
    assert grid.attrs["fasilitas"] == "hemodialisis"
    assert (grid["threshold_min"] == 60.0).all()  # hemodialisis counts as uronefrologi
    # with the inferred row (bukti=all grades), Alfa Selatan in 01.01 serves the near cells
    graded = pg.province_access_grid(ds, tiny_regions, "01", fasilitas="hemodialisis",
                                     resolution=5, bukti=["dokumen", "inferensi"])
    assert set(graded["kode_rs"].astype(str)) == {"RS0003", "RS0004"}
    assert (graded["distance_km"] <= grid["distance_km"]).all()
    with pytest.raises(ValueError, match="give layanan"):
        pg.province_access_grid(ds, tiny_regions, "01", layanan="kanker",
                                fasilitas="hemodialisis")


def test_fasilitas_by_hospital(tiny_ds):
    ds = _with_fasilitas(tiny_ds)
    by_rs = ds.fasilitas_by_hospital()
    assert by_rs.fillna("-").to_dict() == {
        "RS0001": "-", "RS0002": "cathlab",
        "RS0003": "hemodialisis;cathlab",  # in the order of FASILITAS
        "RS0004": "-"}  # only an inferred row
    assert ds.fasilitas_by_hospital(bukti=["dokumen", "inferensi"])["RS0004"] == "hemodialisis"
    assert tiny_ds.fasilitas_by_hospital().isna().all()  # no fasilitas.csv


# --- command line ----------------------------------------------------------
@pytest.mark.parametrize("extra", [[], ["--travel", "sea", "--progress"]])
def test_cli_access_writes_rfc7946(tiny_dir, tmp_path, capsys, extra):
    out = tmp_path / "akses.geojson"
    cells = tmp_path / "cells.csv"
    code = main(["access", "--layanan", "kanker", "--min-strata", "madya", "--data",
                 str(tiny_dir), "--boundaries", str(tiny_dir / "batas_kabkota.geojson"),
                 "--out", str(out), "--grid", "5", "--grid-out", str(cells), *extra])
    assert code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "crs" not in doc
    assert len(doc["features"]) == 3
    props = {f["properties"]["kode"]: f["properties"] for f in doc["features"]}
    assert props["02.01"]["covered"] is False and props["02.01"]["kode_rs"] == "RS0001"
    assert props["02.01"]["within_threshold"] is False and props["01.01"]["within_threshold"]
    assert props["02.01"]["titik_lon"] == 103.5
    coords = re.findall(r"-?\d+\.\d+", json.dumps(doc["features"][0]["geometry"]))
    assert all(len(c.split(".")[1]) <= 6 for c in coords)
    grid = pd.read_csv(cells, dtype={"h3": str, "kode": str})
    assert {"h3", "lat", "lon", "kode", "kode_rs", "distance_km", "travel_min"} <= set(grid)
    assert len(grid) > 0
    printed = capsys.readouterr().out
    assert "3" in printed and str(out) in printed


def test_cli_access_no_capable_hospital_writes_nulls(tiny_dir, tmp_path, capsys):
    out = tmp_path / "akses.geojson"
    code = main(["access", "--layanan", "stroke", "--data", str(tiny_dir), "--boundaries",
                 str(tiny_dir / "batas_kabkota.geojson"), "--out", str(out)])
    assert code == 0
    err = capsys.readouterr().err  # said in the user's words, naming the option to change
    assert "tidak ada RS stroke dengan strata >= madya (status 'target')" in err
    assert "--min-strata" in err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert all(f["properties"]["distance_km"] is None for f in doc["features"])
    assert all(f["properties"]["covered"] is False for f in doc["features"])


def test_cli_access_grid_without_capable_hospital(tiny_dir, tmp_path, capsys):
    # as the districts: the grid is written (every cell inf, no hospital) and the note, in
    # the user's language, names the option to change -- once for the districts and grid
    grid_out = tmp_path / "grid.csv"
    code = main(["--lang", "en", "access", "--layanan", "stroke", "--data", str(tiny_dir),
                 "--boundaries", str(tiny_dir / "batas_kabkota.geojson"),
                 "--out", str(tmp_path / "akses.csv"), "--grid", "5", "--grid-out",
                 str(grid_out)])
    assert code == 0
    captured = capsys.readouterr()
    assert captured.err.count("note: no stroke hospital at strata >= madya") == 1
    assert "Try a lower --min-strata" in captured.err
    grid = pd.read_csv(grid_out, dtype={"h3": str, "kode": str, "kode_rs": str})
    assert len(grid) > 0 and grid["kode_rs"].isna().all()
    assert grid["distance_km"].isna().all() and grid["travel_min"].isna().all()  # inf: empty
    assert f"no reachable capable hospital: {len(grid)} cells" in captured.out


def test_cli_access_note_for_a_service_nobody_reported(tiny_dir, tmp_path, capsys):
    code = main(["access", "--fasilitas", "radioterapi", "--data", str(tiny_dir),
                 "--boundaries", str(tiny_dir / "batas_kabkota.geojson"),
                 "--out", str(tmp_path / "akses.csv")])
    assert code == 0
    err = capsys.readouterr().err
    assert "tidak ada RS yang melaporkan radioterapi" in err and "--bukti" in err
    assert "--min-strata" not in err  # strata do not apply to reported services


def test_cli_access_grid_needs_grid_out(tiny_dir, tmp_path, capsys):
    code = main(["--lang", "en", "access", "--layanan", "kanker", "--data", str(tiny_dir),
                 "--boundaries", str(tiny_dir / "batas_kabkota.geojson"), "--out",
                 str(tmp_path / "a.geojson"), "--grid", "5"])
    assert code == 1
    assert "--grid RES and --grid-out FILE go together" in capsys.readouterr().err


def test_province_access_grid_is_one_province_of_hexagons(tiny_ds, tiny_regions, tmp_path):
    grid = pg.province_access_grid(tiny_ds, tiny_regions, "01", layanan="kanker", resolution=5)
    assert isinstance(grid, gpd.GeoDataFrame) and grid.crs.to_epsg() == 4326
    assert set(grid["kode"].astype(str)) == {"01.01", "01.02"}
    assert set(grid.geometry.geom_type) == {"Polygon"}
    assert set(grid["lokasi_presisi"].dropna()) <= {"sumber", "kabkota"}
    np.testing.assert_array_equal(grid["within_threshold"].to_numpy(dtype=bool),
                                  grid["travel_min"].to_numpy() <= 240.0)
    out = pg.to_geojson(grid, tmp_path / "grid.geojson")
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == len(grid)
    with pytest.raises(ValueError, match=re.escape("kode_prov='99' has no kab/kota")):
        pg.province_access_grid(tiny_ds, tiny_regions, "99", layanan="kanker")
