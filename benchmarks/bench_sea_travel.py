"""Benchmark: the sea-aware travel-time surface at H3 resolution 6, nationally.

On the bundled data and boundaries (status ``target``). Times:

* building the land/sea travel graph (``build_travel_graph``: polyfill of the
  land, sea rings up to 150 km, neighbour edges) -- once;
* ``access_grid(travel="sea")`` at resolution 6 for stroke >= utama (one
  multi-source Dijkstra), and for 4 layanan x 2 strata reusing the graph;
* the baseline: ``access_grid(travel="simple")`` on the same cells.

The goal is a national surface in < 30 s (graph + one query). It also prints
how the two models differ: cells whose trip crosses the sea, the ratio of
sea-aware to simple time (overall and for road-only trips, where the excess is the
detour of paths on a hexagonal grid), unreachable cells, and the kab/kota whose
fastest hospital is not their nearest.

Run: ``python benchmarks/bench_sea_travel.py [--resolution 6]`` from the
repository root.
"""

from __future__ import annotations

import argparse

import _common  # noqa: F401  (puts the repository on sys.path)
import numpy as np
from _common import machine_note, peak_rss_mb, report, timed_result

import pengampuan as pg
from pengampuan.access import land_cells
from pengampuan.config import KJSU
from pengampuan.travel import build_travel_graph


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--resolution", type=int, default=6)
    ap.add_argument("--status", default="target", choices=["ada", "target"])
    args = ap.parse_args(argv)
    print(machine_note())
    ds = pg.load_dataset()
    regions = pg.load_regions(level="kabkota")
    res = args.resolution
    kw = {"status": args.status}

    t_cells, cells = timed_result(lambda: land_cells(regions, res))
    rs = ds.rumah_sakit
    t_graph, graph = timed_result(lambda: build_travel_graph(
        regions, resolution=res, config=ds.config, extra_points=(rs["lon"], rs["lat"])))
    print(f"{graph!r}")
    report(f"land_cells r{res} ({len(cells):,} cells)", t_cells)
    report("build_travel_graph (once)", t_graph)

    t_simple, simple = timed_result(lambda: pg.access_grid(
        ds, regions, layanan="stroke", min_strata="utama", cells=cells, **kw))
    t_sea, sea = timed_result(lambda: pg.access_grid(
        ds, regions, layanan="stroke", min_strata="utama", cells=cells, travel="sea",
        graph=graph, **kw))
    report("access_grid simple, stroke >= utama", t_simple)
    report("access_grid sea (graph given), stroke >= utama", t_sea, t_simple)
    total = t_cells + t_graph + t_sea
    report("sea-aware surface: cells + graph + query", total, t_cells + t_simple,
           goal="< 30 s")

    t_all = 0.0
    for layanan in KJSU:
        for strata in ("madya", "utama"):
            t, _ = timed_result(lambda lay=layanan, st=strata: pg.access_grid(
                ds, regions, layanan=lay, min_strata=st, cells=cells, travel="sea",
                graph=graph, **kw))
            t_all += t
    report("access_grid sea x 8 (graph reused)", t_all)

    s_min = simple["travel_min"].to_numpy(float)
    t_min = sea["travel_min"].to_numpy(float)
    ok = np.isfinite(t_min)
    crossings = sea["sea_crossings"].to_numpy()
    far = ok & (s_min > 1)
    ratio = t_min[far] / s_min[far]
    road = far & (crossings == 0)
    print(f"stroke >= utama: {np.mean(crossings > 0):.1%} of land cells cross the sea "
          f"(max {crossings.max()} boardings); sea/simple time ratio median "
          f"{np.median(ratio):.2f}, p90 {np.percentile(ratio, 90):.2f} (road-only trips: "
          f"median {np.median(t_min[road] / s_min[road]):.2f}: grid paths, detours around "
          f"bays); "
          f"unreachable cells {int((~ok).sum()):,} (max crossing {graph.max_crossing_km:.0f} km)")
    print(f"median travel time: simple {np.median(s_min):.0f} min, sea-aware "
          f"{np.median(t_min[ok]):.0f} min")

    t_d_simple, d_simple = timed_result(lambda: pg.district_access(
        ds, regions, layanan="stroke", min_strata="utama", **kw))
    t_d_sea, d_sea = timed_result(lambda: pg.district_access(
        ds, regions, layanan="stroke", min_strata="utama", travel="sea", graph=graph, **kw))
    report("district_access simple (514 kab/kota)", t_d_simple)
    report("district_access sea (graph given)", t_d_sea, t_d_simple)
    other = (d_sea["kode_rs"] != d_simple["kode_rs"]).sum()
    print(f"kab/kota whose trip crosses the sea: {int((d_sea['sea_crossings'] > 0).sum())}")
    print(f"kab/kota whose fastest stroke >= utama hospital is not the nearest: {other} of "
          f"{len(d_sea)}; within the {ds.config.threshold_min('stroke'):.0f}-min threshold: "
          f"simple {int(d_simple['within_threshold'].sum())}, sea-aware "
          f"{int(d_sea['within_threshold'].sum())}")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
