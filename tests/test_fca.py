"""Tests of pengampuan.fca: 2SFCA / E2SFCA against hand computations and PySAL access."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pengampuan.errors import CRSError
from pengampuan.fca import decay_function, pairs_within, two_step_fca
from pengampuan.geo import great_circle_km

access = pytest.importorskip("access")

KM_PER_DEG = 111.19508  # one degree of a great circle on the 6371.0088 km sphere


def points(lon, lat, **cols) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(cols, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")


def random_case(seed: int, n_dem: int = 60, n_sup: int = 15):
    rng = np.random.default_rng(seed)
    demand = points(rng.uniform(100, 102, n_dem), rng.uniform(-1, 1, n_dem),
                    pop=rng.integers(1, 5000, n_dem).astype(float))
    demand.index = pd.Index([f"d{i}" for i in range(n_dem)], name="geoid")
    supply = points(rng.uniform(100, 102, n_sup), rng.uniform(-1, 1, n_sup),
                    beds=rng.integers(0, 300, n_sup).astype(float))
    supply.index = pd.Index([f"s{j}" for j in range(n_sup)], name="geoid")
    return demand, supply


def pysal_access(demand, supply, *, max_km, weight_fn=None, enhanced=False, normalize=False):
    """PySAL access on the full great-circle cost matrix (the same distances we use)."""
    lon_d, lat_d = demand.geometry.x.to_numpy(), demand.geometry.y.to_numpy()
    lon_s, lat_s = supply.geometry.x.to_numpy(), supply.geometry.y.to_numpy()
    ii, jj = np.meshgrid(np.arange(len(demand)), np.arange(len(supply)), indexing="ij")
    ii, jj = ii.ravel(), jj.ravel()
    cost = pd.DataFrame({
        "origin": demand.index.to_numpy()[ii],
        "dest": supply.index.to_numpy()[jj],
        "cost": great_circle_km(lat_d[ii], lon_d[ii], lat_s[jj], lon_s[jj]),
    })
    acc = access.Access(
        demand_df=pd.DataFrame(demand.drop(columns="geometry")), demand_index=True,
        demand_value="pop", supply_df=pd.DataFrame(supply.drop(columns="geometry")),
        supply_index=True, supply_value="beds", cost_df=cost, cost_origin="origin",
        cost_dest="dest", cost_name="cost",
    )
    if enhanced:
        out = acc.enhanced_two_stage_fca(max_cost=max_km, weight_fn=weight_fn, normalize=normalize)
    else:
        out = acc.two_stage_fca(max_cost=max_km, weight_fn=weight_fn, normalize=normalize)
    # PySAL leaves demand points with no supply in reach as NaN; ours is the empty sum 0.
    return out.iloc[:, 0].reindex(demand.index).fillna(0.0)


# --- hand-checkable -------------------------------------------------------------
def test_hand_computed_classic():
    # Demand on the equator at lon 100.0 (pop 100), 100.5 (pop 300), 102.0 (pop 50);
    # hospitals at lon 100.2 (60 beds) and 101.0 (20 beds); catchment 60 km.
    # Distances: d0-h0 = 0.2 deg = 22.2 km, d0-h1 = 111.2 km (out),
    #            d1-h0 = 0.3 deg = 33.4 km, d1-h1 = 0.5 deg = 55.6 km,
    #            d2-h0 = 200 km (out),      d2-h1 = 111.2 km (out).
    # Step 1: h0 reaches 100 + 300 = 400 people -> R0 = 60/400 = 0.15
    #         h1 reaches 300 people             -> R1 = 20/300 = 0.0667
    # Step 2: A0 = R0 = 0.15; A1 = R0 + R1 = 0.21667; A2 = 0 (nothing within 60 km).
    demand = points([100.0, 100.5, 102.0], [0, 0, 0], pop=[100, 300, 50])
    supply = points([100.2, 101.0], [0, 0], beds=[60, 20])
    got = two_step_fca(demand, supply, demand_col="pop", supply_col="beds", max_distance_km=60)
    np.testing.assert_allclose(got.to_numpy(), [0.15, 0.15 + 20 / 300, 0.0], rtol=1e-12)
    assert got.name == "akses_2sfca"
    assert got.index.equals(demand.index)


def test_hand_computed_step_decay():
    # Same layout, "step" decay on a 60 km catchment: zones <=20 km -> 1, <=40 km -> 0.68,
    # <=60 km -> 0.22. Weights: d0-h0 (22.2 km) 0.68, d1-h0 (33.4) 0.68, d1-h1 (55.6) 0.22.
    # Step 1: h0: 0.68*100 + 0.68*300 = 272 -> R0 = 60/272;  h1: 0.22*300 = 66 -> R1 = 20/66.
    # Step 2: A0 = 0.68*R0 = 0.15; A1 = 0.68*R0 + 0.22*R1 = 0.15 + 0.0667; A2 = 0.
    demand = points([100.0, 100.5, 102.0], [0, 0, 0], pop=[100, 300, 50])
    supply = points([100.2, 101.0], [0, 0], beds=[60, 20])
    got = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                       max_distance_km=60, decay="step")
    r0, r1 = 60 / 272, 20 / 66
    np.testing.assert_allclose(got.to_numpy(), [0.68 * r0, 0.68 * r0 + 0.22 * r1, 0.0],
                               rtol=1e-12)
    assert got.name == "akses_e2sfca"


def test_distance_equal_to_max_is_inside():
    # Hospital exactly 1 degree (111.195 km) away; a catchment of exactly that distance
    # includes it (PySAL uses cost <= max_cost), a hair less excludes it.
    demand = points([100.0], [0.0], pop=[10])
    supply = points([101.0], [0.0], beds=[5])
    d_km = float(great_circle_km(0, 100, 0, 101))
    inside = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                          max_distance_km=d_km)
    outside = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                           max_distance_km=d_km * (1 - 1e-9))
    assert inside.iloc[0] == pytest.approx(0.5)
    assert outside.iloc[0] == 0.0


def test_supply_without_demand_contributes_nothing():
    # h1 at lon 110 has nobody within 50 km: R1 = 0 (PySAL: dropped), and the
    # zero-population village next to it gets 0, not inf.
    demand = points([100.0, 110.0], [0, 0], pop=[100, 0])
    supply = points([100.1, 110.1], [0, 0], beds=[10, 99])
    got = two_step_fca(demand, supply, demand_col="pop", supply_col="beds", max_distance_km=50)
    assert got.tolist() == [0.1, 0.0]


def test_index_is_kept_and_not_reordered():
    demand, supply = random_case(3)
    shuffled = demand.sample(frac=1.0, random_state=1)
    a = two_step_fca(demand, supply, demand_col="pop", supply_col="beds", max_distance_km=80)
    b = two_step_fca(shuffled, supply, demand_col="pop", supply_col="beds", max_distance_km=80)
    assert b.index.equals(shuffled.index)
    pd.testing.assert_series_equal(a, b.reindex(a.index), rtol=1e-12)


def test_projected_input_is_reprojected():
    demand, supply = random_case(5)
    a = two_step_fca(demand, supply, demand_col="pop", supply_col="beds", max_distance_km=80)
    b = two_step_fca(demand.to_crs(3857), supply.to_crs(3857), demand_col="pop",
                     supply_col="beds", max_distance_km=80)
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-9)


# --- PySAL access oracle ------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("max_km", [40.0, 90.0])
def test_classic_equals_pysal(seed, max_km):
    demand, supply = random_case(seed)
    ours = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                        max_distance_km=max_km)
    ref = pysal_access(demand, supply, max_km=max_km)
    assert (ours > 0).sum() > 10  # the case is not trivial
    np.testing.assert_allclose(ours.to_numpy(), ref.to_numpy(), rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_enhanced_gaussian_equals_pysal(seed):
    demand, supply = random_case(seed)
    max_km = 90.0
    sigma_km = 0.3796 * max_km
    ours = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                        max_distance_km=max_km,
                        decay=lambda d: np.exp(-d * d / (2 * sigma_km**2)))
    ref = pysal_access(demand, supply, max_km=max_km, enhanced=True,
                       weight_fn=access.weights.gaussian(sigma_km))
    np.testing.assert_allclose(ours.to_numpy(), ref.to_numpy(), rtol=1e-9, atol=1e-9)
    # the named "gaussian" decay is the same function with sigma = 0.3796 * max
    named = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                         max_distance_km=max_km, decay="gaussian")
    np.testing.assert_allclose(named.to_numpy(), ours.to_numpy(), rtol=1e-3)


@pytest.mark.parametrize("seed", [0, 4])
def test_enhanced_step_equals_pysal_default(seed):
    # PySAL's enhanced_two_stage_fca defaults to step_fn({10: 1, 20: 0.68, 30: 0.22}),
    # which is our "step" decay for a 30 km catchment; a non-vectorised PySAL weight
    # function passed as `decay` gives the same numbers.
    demand, supply = random_case(seed, n_dem=200, n_sup=40)
    ref = pysal_access(demand, supply, max_km=30.0, enhanced=True)
    named = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                         max_distance_km=30.0, decay="step")
    scalar_fn = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                             max_distance_km=30.0,
                             decay=access.weights.step_fn({10: 1, 20: 0.68, 30: 0.22}))
    assert (ref > 0).sum() > 20
    np.testing.assert_allclose(named.to_numpy(), ref.to_numpy(), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(scalar_fn.to_numpy(), ref.to_numpy(), rtol=1e-9, atol=1e-9)


def test_normalize_equals_pysal():
    demand, supply = random_case(7)
    ours = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                        max_distance_km=70, normalize=True)
    ref = pysal_access(demand, supply, max_km=70.0, normalize=True)
    np.testing.assert_allclose(ours.to_numpy(), ref.to_numpy(), rtol=1e-9, atol=1e-9)
    pop = demand["pop"].to_numpy()
    assert float(ours.to_numpy() @ pop / pop.sum()) == pytest.approx(1.0)


# --- properties -----------------------------------------------------------------------
coords = st.tuples(st.floats(100.0, 101.5), st.floats(-0.8, 0.8))


@settings(max_examples=40, deadline=None)
@given(
    dem=st.lists(st.tuples(coords, st.floats(1.0, 1e4)), min_size=1, max_size=25),
    sup=st.lists(st.tuples(coords, st.floats(0.0, 500.0)), min_size=1, max_size=8),
    max_km=st.floats(5.0, 200.0),
    decay=st.sampled_from([None, "step", "gaussian"]),
)
def test_supply_is_conserved(dem, sup, max_km, decay):
    # sum_i P_i A_i = sum_j R_j sum_i P_i w_ij = sum_j S_j over the supply points that
    # reach any demand (weight > 0): 2SFCA allocates every reachable bed exactly once.
    demand = points([c[0][0] for c in dem], [c[0][1] for c in dem], pop=[c[1] for c in dem])
    supply = points([c[0][0] for c in sup], [c[0][1] for c in sup], beds=[c[1] for c in sup])
    got = two_step_fca(demand, supply, demand_col="pop", supply_col="beds",
                       max_distance_km=max_km, decay=decay)
    assert (got >= 0).all()
    ia, ib, d_km = pairs_within(demand.geometry.x, demand.geometry.y,
                                supply.geometry.x, supply.geometry.y, max_distance_km=max_km)
    w = np.ones_like(d_km) if decay is None else decay_function(decay, max_distance_km=max_km)(d_km)
    reached = np.zeros(len(supply))
    np.add.at(reached, ib, w * demand["pop"].to_numpy()[ia])
    expected = supply["beds"].to_numpy()[reached > 0].sum()
    assert float(got.to_numpy() @ demand["pop"].to_numpy()) == pytest.approx(expected, rel=1e-9)


@settings(max_examples=30, deadline=None)
@given(
    a=st.lists(coords, min_size=0, max_size=30),
    b=st.lists(coords, min_size=0, max_size=30),
    max_km=st.floats(1.0, 150.0),
)
def test_pairs_within_equals_brute_force(a, b, max_km):
    lon_a, lat_a = np.array([p[0] for p in a]), np.array([p[1] for p in a])
    lon_b, lat_b = np.array([p[0] for p in b]), np.array([p[1] for p in b])
    ia, ib, d_km = pairs_within(lon_a, lat_a, lon_b, lat_b, max_distance_km=max_km)
    order = np.lexsort((ib, ia))
    ia, ib, d_km = ia[order], ib[order], d_km[order]
    full = great_circle_km(lat_a[:, None], lon_a[:, None], lat_b[None, :], lon_b[None, :])
    ei, ej = np.nonzero(full <= max_km)
    assert ia.tolist() == ei.tolist() and ib.tolist() == ej.tolist()
    np.testing.assert_allclose(d_km, full[ei, ej], atol=1e-9)  # chord vs haversine: ~1 µm


# --- errors -----------------------------------------------------------------------------
def test_errors_are_clear():
    demand = points([100.0, 100.1], [0, 0], pop=[10, -1])
    supply = points([100.2], [0], beds=[5])
    with pytest.raises(ValueError,
                       match=r"demand, column 'pop': 1 of 2 values .*expected numbers >= 0"):
        two_step_fca(demand, supply, demand_col="pop", supply_col="beds", max_distance_km=50)
    ok = points([100.0], [0], pop=[10])
    with pytest.raises(ValueError, match=r"supply has no column 'kasur'"):
        two_step_fca(ok, supply, demand_col="pop", supply_col="kasur", max_distance_km=50)
    with pytest.raises(ValueError, match=r"max_distance_km=0 must be a finite number > 0"):
        two_step_fca(demand, supply, demand_col="pop", supply_col="beds", max_distance_km=0)
    with pytest.raises(ValueError, match=r"decay='linear' is not known"):
        two_step_fca(ok, supply, demand_col="pop", supply_col="beds", max_distance_km=50,
                     decay="linear")
    with pytest.raises(ValueError, match=r"weights outside \[0, 1\]"):
        two_step_fca(ok, supply, demand_col="pop", supply_col="beds", max_distance_km=50,
                     decay=access.weights.gravity(scale=1.0, alpha=1.0))  # 22 km -> 22
    poly = gpd.GeoDataFrame({"pop": [1]}, geometry=[ok.geometry.iloc[0].buffer(0.1)],
                            crs="EPSG:4326")
    with pytest.raises(ValueError, match=r"demand: 1 of 1 rows have no Point geometry"):
        two_step_fca(poly, supply, demand_col="pop", supply_col="beds", max_distance_km=50)
    with pytest.raises(CRSError, match="has no CRS"):
        two_step_fca(ok.set_crs(None, allow_override=True), supply, demand_col="pop",
                     supply_col="beds", max_distance_km=50)
