"""Benchmark: national H3 access grid at resolution 8, 4 KJSU layanan x 2 strata.

On the bundled data and boundaries (status ``target``: the bundled strata come
from KMK 1277/2024, which lists targets). The land cells are computed once
(``land_cells``: filling 514 kab/kota polygons is the slow part) and reused by
the 8 ``access_grid`` calls. Prints the time of the cell set, of the 8 calls
(goal < 10 s) and of one bare KD-tree query over the same cells (the floor any
method has to pay), plus peak memory (goal < 3 GB).

Run: ``python benchmarks/bench_access_grid.py [--resolution 8]`` from the
repository root.
"""

from __future__ import annotations

import argparse
import time

import _common  # noqa: F401  (puts the repository on sys.path)
import numpy as np
from _common import machine_note, peak_rss_mb, report, timed_result

import pengampuan as pg
from pengampuan.access import land_cells
from pengampuan.config import KJSU
from pengampuan.geo import NearestIndex

STRATA = ("madya", "utama")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--resolution", type=int, default=8)
    ap.add_argument("--status", default="target", choices=["ada", "target"])
    args = ap.parse_args(argv)
    print(machine_note())
    ds = pg.load_dataset()
    regions = pg.load_regions(level="kabkota")
    rss_start = peak_rss_mb()

    t_cells, cells = timed_result(lambda: land_cells(regions, args.resolution))
    print(f"resolution {args.resolution}: {len(cells):,} land cells "
          f"({cells.memory_usage(deep=True).sum() / 2**20:,.0f} MB as a DataFrame)")
    report("land_cells (polyfill 514 kab/kota, once)", t_cells)

    times = {}
    cpu_start = time.process_time()
    for layanan in KJSU:
        for strata in STRATA:
            t, grid = timed_result(lambda lay=layanan, st=strata: pg.access_grid(
                ds, regions, layanan=lay, min_strata=st, status=args.status, cells=cells))
            times[layanan, strata] = t
            d = grid["distance_km"].to_numpy()
            print(f"  {layanan:<13} >= {strata:<6} {t:6.2f} s   median {np.median(d):6.1f} km, "
                  f"p95 {np.percentile(d, 95):6.1f} km, max {d.max():7.1f} km")
    total = sum(times.values())
    cpu = time.process_time() - cpu_start
    report(f"access_grid x {len(times)} (cells reused)", total, goal="< 10 s")
    report("  the same, CPU time (all threads)", cpu)
    report("land_cells + access_grid x 8", t_cells + total)

    cap = ds.capable(layanan="stroke", min_strata="madya", status=args.status)
    lon, lat = cells["lon"].to_numpy(), cells["lat"].to_numpy()
    t_kd, _ = timed_result(
        lambda: NearestIndex(lon=cap["lon"], lat=cap["lat"]).query(lon=lon, lat=lat, workers=-1))
    report("one access_grid call (mean)", total / len(times), t_kd)
    report("baseline: one bare KD-tree query", t_kd)
    peak = peak_rss_mb()
    print(f"peak RSS: {peak:,.0f} MB (data loaded: {rss_start:,.0f} MB)   (goal: < 3 GB)")
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
