"""Benchmark: the national H3 access surface at resolution 8, 4 KJSU layanan x 2 strata.

Goal (issue 19): ``land_cells`` once plus 8 ``access_grid`` calls (stroke,
jantung, kanker, uronefrologi x madya, utama; status ``target``) in < 10 s and
< 1 GB, stated against a bare KD-tree query over the same cells measured in the
same process.

Baselines, in the same child process as the measured code:

* a bare KD-tree query: ``cKDTree`` on the capable hospitals' unit-sphere
  coordinates queried with every cell centre (``workers=-1``) -- the floor any
  method pays;
* the previous ``land_cells`` (``benchmarks/_previous_travel.py``: one
  ``h3shape_to_cells`` per kab/kota, a Python loop of ``cell_to_latlng``), what
  a user of the ``h3`` package writes.

Each of the two workloads runs in a fresh child process, so that peak memory
is its own; times are medians of ``--repeat`` runs.

Run: ``python benchmarks/bench_access_grid.py [--resolution 8] [--repeat 3]``
from the repository root.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import _common  # noqa: F401  (puts the repository on sys.path)
import numpy as np
from _common import fmt_mb, fmt_s, isolated, machine_note, median_time, report, save_results

STRATA = ("madya", "utama")


def ours(resolution: int, repeat: int) -> dict[str, Any]:
    """Child process: land_cells + 8 access_grid calls, and a bare KD-tree query."""
    from scipy.spatial import cKDTree

    import pengampuan as pg
    from pengampuan.access import land_cells
    from pengampuan.config import KJSU
    from pengampuan.geo import chord_to_km, lonlat_to_xyz

    ds = pg.load_dataset()
    regions = pg.load_regions(level="kabkota")
    out: dict[str, Any] = {}
    out["land_cells_s"], cells = median_time(lambda: land_cells(regions, resolution), repeat)
    out["n_cells"] = len(cells)
    out["cells_mb"] = cells.memory_usage(deep=True).sum() / 2**20

    def surface() -> list[float]:
        times = []
        for layanan in KJSU:
            for strata in STRATA:
                start = time.perf_counter()
                pg.access_grid(ds, regions, layanan=layanan, min_strata=strata,
                               status="target", cells=cells)
                times.append(time.perf_counter() - start)
        return times

    rounds = [surface() for _ in range(repeat)]
    totals = [sum(r) for r in rounds]
    out["grid_s"] = float(np.median(totals))
    out["grid_each_s"] = rounds[int(np.argsort(totals)[len(totals) // 2])]
    cap = ds.capable(layanan="stroke", min_strata="madya", status="target")
    lon, lat = cells["lon"].to_numpy(), cells["lat"].to_numpy()

    def bare() -> Any:
        tree = cKDTree(lonlat_to_xyz(cap["lon"], cap["lat"]))
        chord, i = tree.query(lonlat_to_xyz(lon, lat), workers=-1)
        return chord_to_km(chord), i

    out["kd_s"], _ = median_time(bare, repeat)
    grid = pg.access_grid(ds, regions, layanan="stroke", min_strata="madya", status="target",
                          cells=cells)
    d = grid["distance_km"].to_numpy()
    out["summary"] = (f"stroke >= madya: median {np.median(d):.1f} km, p95 "
                      f"{np.percentile(d, 95):.1f} km, max {d.max():.1f} km")
    return out


def previous_land_cells(resolution: int, repeat: int) -> dict[str, Any]:
    """Child process: the previous land_cells (per-region h3 polyfill, cell_to_latlng loop)."""
    import _previous_travel as prev
    import pandas as pd

    import pengampuan as pg

    regions = pg.load_regions(level="kabkota")

    def land_cells() -> pd.DataFrame:
        cells, owner = prev.polyfill_regions(regions.geometry, resolution)
        lat, lon = prev.cell_centres(cells)
        kode = pd.Categorical.from_codes(owner, categories=pd.Index(regions["kode"]))
        return pd.DataFrame({"h3": pd.array(prev.cells_to_str(cells), dtype="str"),
                             "lat": lat, "lon": lon, "kode": kode})

    seconds, cells = median_time(land_cells, repeat)
    return {"land_cells_s": seconds, "n_cells": len(cells)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--resolution", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(machine_note())
    res = args.resolution
    run = isolated(ours, res, args.repeat, memory_limit_gb=8)
    if "error" in run:
        raise RuntimeError(run["error"])
    r, peak = run["result"], run["peak_mb"]
    old = isolated(previous_land_cells, res, args.repeat, memory_limit_gb=8)
    if "error" in old:
        raise RuntimeError(old["error"])
    o = old["result"]
    assert o["n_cells"] == r["n_cells"], (o["n_cells"], r["n_cells"])
    print(f"resolution {res}: {r['n_cells']:,} land cells ({r['cells_mb']:,.0f} MB as a "
          f"DataFrame); {r['summary']}")
    print("  access_grid calls: " + ", ".join(f"{t:.2f}" for t in r["grid_each_s"]) + " s")
    total = r["land_cells_s"] + r["grid_s"]
    report("land_cells (once)", r["land_cells_s"], o["land_cells_s"])
    report("access_grid x 8 (cells reused)", r["grid_s"])
    report("one access_grid call (mean) vs bare KD-tree query", r["grid_s"] / 8, r["kd_s"])
    report("land_cells + access_grid x 8", total, goal="< 10 s")
    print(f"  = {total / r['kd_s']:.1f} bare KD-tree queries over the same cells "
          f"({r['kd_s']:.3f} s each)")
    print(f"peak RSS of the whole run (child process, data loaded): {peak:,.0f} MB "
          f"(goal: < 1 GB); previous land_cells: {old['peak_mb']:,.0f} MB")
    rows = [
        {"what": f"access surface r{res}: land_cells + 8 access_grid ({r['n_cells']:,} cells)",
         "ours": f"{fmt_s(total)} = {total / r['kd_s']:.1f} x KD query",
         "baseline": f"{fmt_s(r['kd_s'])} (one bare KD-tree query)",
         "ratio": None, "goal": "< 10 s", "met": total < 10},
        {"what": f"access surface r{res}: peak memory", "ours": fmt_mb(peak),
         "baseline": "-", "ratio": None, "goal": "< 1 GB", "met": peak < 1024},
        {"what": "one access_grid call (cells given)", "ours": fmt_s(r["grid_s"] / 8),
         "baseline": f"{fmt_s(r['kd_s'])} (bare KD-tree query)",
         "ratio": r["kd_s"] / (r["grid_s"] / 8), "goal": "-", "met": None},
        {"what": f"land_cells r{res}", "ours": fmt_s(r["land_cells_s"]),
         "baseline": f"{fmt_s(o['land_cells_s'])} (h3 per region + cell_to_latlng loop)",
         "ratio": o["land_cells_s"] / r["land_cells_s"], "goal": "-", "met": None},
    ]
    save_results("bench_access_grid", rows, repeat=args.repeat)
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
