"""Benchmark: pengampuan.two_step_fca against PySAL access (classic 2SFCA and E2SFCA).

Issue 19 sets no speed goal here; it asks for the strongest fair baseline. PySAL
``access`` is handed what makes it fastest: a cost table of only the
(demand, supply) pairs within the catchment -- the same great-circle distances,
from our KD-tree pair search -- since it drops farther pairs anyway (same
results), instead of a full cost matrix. Two sizes:

* small: 2,000 demand x 300 supply points, 300 km catchment;
* grid: a regular grid of ~200,000 cells over Indonesia's bounding box x 3,000
  supply points, 100 km catchment.

Printed per case (medians of ``--repeat`` runs): our whole call (points in,
scores out), the time to build the pair table, PySAL's ``two_stage_fca`` on
the ready table, and two ratios: ``compute`` = PySAL on a ready table / ours
(what PySAL costs once a user has the table) and ``end_to_end`` = (table +
PySAL) / ours. E2SFCA uses PySAL's own ``access.weights.gaussian`` with our
sigma; PySAL applies it to the table row by row (``Series.apply``), which is
where most of its time goes. The maximum absolute difference of the scores (PySAL's NaN for
demand with no supply in reach counted as 0) shows both compute the same.

Run: ``python benchmarks/bench_2sfca.py [--quick] [--repeat 3]`` from the
repository root.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

import _common  # noqa: F401  (puts the repository on sys.path)
import access
import access.weights
import geopandas as gpd
import numpy as np
import pandas as pd
from _common import fmt_s, machine_note, median_time, peak_rss_mb, save_results

from pengampuan.fca import _GAUSSIAN_SIGMA_FRACTION, decay_function, pairs_within, two_step_fca

LON = (95.0, 141.0)  # Indonesia's bounding box, degrees
LAT = (-11.0, 6.0)


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
               max_km: float) -> pd.DataFrame:
    """origin/dest/cost rows for PySAL: the pairs within ``max_km`` (great-circle km)."""
    lon_d, lat_d = demand.geometry.x.to_numpy(), demand.geometry.y.to_numpy()
    lon_s, lat_s = supply.geometry.x.to_numpy(), supply.geometry.y.to_numpy()
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
            decay: str | None, repeat: int) -> dict[str, Any]:
    t_ours, ours = median_time(lambda: two_step_fca(
        demand, supply, demand_col="pop", supply_col="beds", max_distance_km=max_km,
        decay=decay), repeat)
    t_cost, cost = median_time(lambda: cost_table(demand, supply, max_km=max_km), repeat)
    # PySAL's own weight function (same formula and sigma as ours), applied row by row by PySAL
    fn = None if decay is None else access.weights.gaussian(
        _GAUSSIAN_SIGMA_FRACTION * max_km) if decay == "gaussian" else decay_function(
        decay, max_distance_km=max_km)
    t_pysal, ref = median_time(lambda: run_pysal(demand, supply, cost, max_km=max_km,
                                                 weight_fn=fn), repeat)
    diff = float(np.max(np.abs(ours.to_numpy() - ref.to_numpy())))
    rel = diff / float(np.max(np.abs(ref.to_numpy())))
    row = {
        "case": label, "method": "2SFCA" if decay is None else f"E2SFCA ({decay})",
        "demand": len(demand), "supply": len(supply), "max_km": max_km,
        "pairs": len(cost), "table_s": round(t_cost, 3),
        "ours_s": round(t_ours, 3), "pysal_s": round(t_pysal, 3),
        "compute": round(t_pysal / t_ours, 2),
        "end_to_end": round((t_cost + t_pysal) / t_ours, 2),
        "max_abs_diff": f"{diff:.2e}",
        "max_rel_diff": f"{rel:.2e}",
    }
    print(", ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="grid of 50,000 cells x 1,000 supply instead of 200,000 x 3,000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(machine_note(), flush=True)
    rows = []
    demand, supply = random_case(2_000, 300, seed=1)
    warm = demand.iloc[:50]  # first calls pay for lazy imports; keep them out of the timings
    two_step_fca(warm, supply, demand_col="pop", supply_col="beds", max_distance_km=300.0)
    run_pysal(warm, supply, cost_table(warm, supply, max_km=300.0), max_km=300.0,
              weight_fn=None)
    for decay in (None, "gaussian"):
        rows.append(compare("small", demand, supply, max_km=300.0, decay=decay,
                            repeat=args.repeat))
    n_cells, n_sup = (50_000, 1_000) if args.quick else (200_000, 3_000)
    demand, supply = grid_case(n_cells, n_sup, seed=2)
    for decay in (None, "gaussian"):
        rows.append(compare("grid", demand, supply, max_km=100.0, decay=decay,
                            repeat=args.repeat))
    print()
    print(pd.DataFrame(rows).to_string(index=False))
    worst = max(float(r["max_abs_diff"]) for r in rows)
    print(f"\nmax abs difference over all cases: {worst:.2e}; peak memory {peak_rss_mb():.0f} MB")
    for key in ("compute", "end_to_end"):
        print(f"{key}: min {min(r[key] for r in rows)}x, max {max(r[key] for r in rows)}x "
              "(no goal set by issue 19)")
    save_results("bench_2sfca", [
        {"what": f"two_step_fca {r['method']}, {r['case']}: {r['demand']:,} x {r['supply']:,}, "
                 f"{r['max_km']:.0f} km ({r['pairs']:,} pairs)",
         "ours": fmt_s(r["ours_s"]),
         "baseline": f"{fmt_s(r['pysal_s'])} (PySAL access, ready sparse table; "
                     f"+{fmt_s(r['table_s'])} to build it)",
         "ratio": r["compute"], "goal": "-", "met": None} for r in rows],
        repeat=args.repeat, notes=[f"Scores agree with PySAL access to {worst:.1e} (absolute)."])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
