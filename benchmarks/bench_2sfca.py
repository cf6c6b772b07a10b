"""Benchmark: pengampuan.two_step_fca against PySAL access (classic 2SFCA and E2SFCA).

Two sizes, both measured in the same run:

* small: 2,000 demand x 300 supply points; PySAL gets the full great-circle cost
  matrix (600,000 rows), as its users usually build it;
* grid: a regular grid of ~200,000 cells over Indonesia's bounding box x 3,000
  supply points. A full cost matrix (600 million rows) is out of reach for
  PySAL, so it gets only the pairs within the catchment (the same great-circle
  distances, computed by us and not timed for PySAL); this is the fastest way
  to run PySAL at this size, and it gives identical results because PySAL drops
  pairs beyond ``max_cost`` anyway.

Prints, per case, the wall time of each, two speed-up ratios and the maximum
absolute difference of the accessibility scores (PySAL's NaN for demand with no
supply in reach counted as 0). ``speedup_compute`` compares our whole call
(points in, scores out) with PySAL given a ready cost table;
``speedup_end_to_end`` adds the time to build that table (vectorised haversine
for the dense case, our KD-tree neighbour search for the sparse one) to PySAL's.

Run: ``python benchmarks/bench_2sfca.py [--quick]`` from the repository root.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

import _common  # noqa: F401  (puts the repository on sys.path)
import access
import geopandas as gpd
import numpy as np
import pandas as pd
from _common import machine_note, peak_rss_mb, timed_result

from pengampuan.fca import decay_function, pairs_within, two_step_fca
from pengampuan.geo import great_circle_km

LON = (95.0, 141.0)  # Indonesia's bounding box, degrees
LAT = (-11.0, 6.0)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """Result and wall time in seconds of one call."""
    seconds, out = timed_result(fn)
    return out, seconds


def make_points(lon: np.ndarray, lat: np.ndarray, **cols: Any) -> gpd.GeoDataFrame:
    gdf = gpd.GeoDataFrame(cols, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    gdf.index.name = "geoid"
    return gdf


def random_case(n_dem: int, n_sup: int, seed: int) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    rng = np.random.default_rng(seed)
    demand = make_points(rng.uniform(*LON, n_dem), rng.uniform(*LAT, n_dem),
                         pop=rng.lognormal(8, 1.5, n_dem))
    supply = make_points(rng.uniform(*LON, n_sup), rng.uniform(*LAT, n_sup),
                         beds=rng.integers(50, 800, n_sup).astype(float))
    return demand, supply


def grid_case(n_cells: int, n_sup: int, seed: int) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    rng = np.random.default_rng(seed)
    aspect = (LON[1] - LON[0]) / (LAT[1] - LAT[0])
    n_lat = int(round(np.sqrt(n_cells / aspect)))
    n_lon = int(round(n_cells / n_lat))
    lon, lat = np.meshgrid(np.linspace(*LON, n_lon), np.linspace(*LAT, n_lat))
    demand = make_points(lon.ravel(), lat.ravel(), pop=rng.lognormal(6, 2, lon.size))
    supply = make_points(rng.uniform(*LON, n_sup), rng.uniform(*LAT, n_sup),
                         beds=rng.integers(50, 800, n_sup).astype(float))
    return demand, supply


def cost_table(demand: gpd.GeoDataFrame, supply: gpd.GeoDataFrame, *,
               max_km: float | None) -> pd.DataFrame:
    """origin/dest/cost rows for PySAL: all pairs (max_km=None) or those within max_km."""
    lon_d, lat_d = demand.geometry.x.to_numpy(), demand.geometry.y.to_numpy()
    lon_s, lat_s = supply.geometry.x.to_numpy(), supply.geometry.y.to_numpy()
    if max_km is None:
        ii, jj = (a.ravel() for a in np.meshgrid(np.arange(len(demand)), np.arange(len(supply)),
                                                 indexing="ij"))
        d_km = great_circle_km(lat_d[ii], lon_d[ii], lat_s[jj], lon_s[jj])
    else:
        ii, jj, d_km = pairs_within(lon_d, lat_d, lon_s, lat_s, max_distance_km=max_km)
    return pd.DataFrame({"origin": demand.index.to_numpy()[ii],
                         "dest": supply.index.to_numpy()[jj], "cost": d_km})


def run_pysal(demand: gpd.GeoDataFrame, supply: gpd.GeoDataFrame, cost: pd.DataFrame, *,
              max_km: float, weight_fn: Callable[[float], float] | None) -> pd.Series:
    acc = access.Access(
        demand_df=pd.DataFrame(demand.drop(columns="geometry")), demand_index=True,
        demand_value="pop", supply_df=pd.DataFrame(supply.drop(columns="geometry")),
        supply_index=True, supply_value="beds", cost_df=cost, cost_origin="origin",
        cost_dest="dest", cost_name="cost",
    )
    out = acc.two_stage_fca(max_cost=max_km, weight_fn=weight_fn)
    return out.iloc[:, 0].reindex(demand.index).fillna(0.0)


def compare(label: str, demand: gpd.GeoDataFrame, supply: gpd.GeoDataFrame, *, max_km: float,
            decay: str | None, dense_cost: bool) -> dict[str, Any]:
    ours, t_ours = timed(lambda: two_step_fca(
        demand, supply, demand_col="pop", supply_col="beds", max_distance_km=max_km, decay=decay))
    cost, t_cost = timed(lambda: cost_table(demand, supply, max_km=None if dense_cost else max_km))
    fn = None if decay is None else decay_function(decay, max_distance_km=max_km)
    ref, t_pysal = timed(lambda: run_pysal(demand, supply, cost, max_km=max_km, weight_fn=fn))
    diff = float(np.max(np.abs(ours.to_numpy() - ref.to_numpy())))
    rel = diff / float(np.max(np.abs(ref.to_numpy())))
    row = {
        "case": label, "method": "2SFCA" if decay is None else f"E2SFCA ({decay})",
        "demand": len(demand), "supply": len(supply), "max_km": max_km,
        "pysal_cost_rows": len(cost), "cost_s": round(t_cost, 2),
        "ours_s": round(t_ours, 3), "pysal_s": round(t_pysal, 2),
        "speedup_compute": round(t_pysal / t_ours, 1),
        "speedup_end_to_end": round((t_cost + t_pysal) / t_ours, 1),
        "max_abs_diff": f"{diff:.2e}",
        "max_rel_diff": f"{rel:.2e}",
    }
    print(", ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="grid of 50,000 cells x 1,000 supply instead of 200,000 x 3,000")
    args = parser.parse_args(argv)
    print(machine_note(), flush=True)
    rows = []
    demand, supply = random_case(2_000, 300, seed=1)
    warm = demand.iloc[:50]  # first calls pay for lazy imports; keep them out of the timings
    two_step_fca(warm, supply, demand_col="pop", supply_col="beds", max_distance_km=300.0)
    run_pysal(warm, supply, cost_table(warm, supply, max_km=None), max_km=300.0, weight_fn=None)
    for decay in (None, "gaussian"):
        rows.append(compare("small, dense cost", demand, supply, max_km=300.0, decay=decay,
                            dense_cost=True))
    n_cells, n_sup = (50_000, 1_000) if args.quick else (200_000, 3_000)
    demand, supply = grid_case(n_cells, n_sup, seed=2)
    for decay in (None, "gaussian"):
        rows.append(compare("grid, sparse cost", demand, supply, max_km=100.0, decay=decay,
                            dense_cost=False))
    print()
    print(pd.DataFrame(rows).to_string(index=False))
    worst = max(float(r["max_abs_diff"]) for r in rows)
    print(f"\nmax abs difference over all cases: {worst:.2e}; peak memory {peak_rss_mb():.0f} MB")
    for key in ("speedup_compute", "speedup_end_to_end"):
        print(f"{key}: min {min(r[key] for r in rows)}x, max {max(r[key] for r in rows)}x "
              "(goal >= 20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
