"""Benchmark: how far one machine goes -- H3 resolution 9 nationally (~17 million land cells).

Issue 19 asks which workloads fit one machine of 2 cores / 24 GB and which
would need partitioning. Each step runs in a fresh child process whose address
space is capped (``--memory-gb``, default 12: the machine is shared), so that a
step too big fails with MemoryError instead of pushing other work out; wall
time, CPU time and peak RSS of each child are printed.

Steps:

* ``land_cells`` at resolution 9 (the H3 cells of the land, with strings);
* one ``access_grid`` call on those cells (simple model), after ``land_cells``
  in the same child;
* ``access_grid(travel="sea")`` on the resolution-9 cells with a national
  resolution-7 graph (the finer cells are located in their resolution-7 parent);
* the sea graph nationally at resolution 8 (open sea at 7), and at resolution 9
  (open sea at 7) if it fits under the cap.

Run: ``python benchmarks/bench_scale.py [--memory-gb 12]`` from the repository root.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import _common  # noqa: F401  (puts the repository on sys.path)
from _common import fmt_mb, fmt_s, isolated, machine_note, save_results


def _data() -> tuple[Any, Any]:
    import pengampuan as pg

    return pg.load_dataset(), pg.load_regions(level="kabkota")


def step_land_cells(res: int) -> dict[str, Any]:
    from pengampuan.access import land_cells

    _, regions = _data()
    start, cpu = time.perf_counter(), time.process_time()
    cells = land_cells(regions, res)
    return {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
            "n": len(cells), "frame_mb": float(cells.memory_usage(deep=True).sum()) / 2**20}


def step_access_grid(res: int) -> dict[str, Any]:
    import pengampuan as pg
    from pengampuan.access import land_cells

    ds, regions = _data()
    cells = land_cells(regions, res)
    start, cpu = time.perf_counter(), time.process_time()
    pg.access_grid(ds, regions, layanan="stroke", min_strata="madya", status="target",
                   cells=cells)
    return {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
            "n": len(cells)}


def step_sea_grid(res: int, graph_res: int) -> dict[str, Any]:
    import pengampuan as pg
    from pengampuan.access import land_cells
    from pengampuan.travel import build_travel_graph

    ds, regions = _data()
    cells = land_cells(regions, res)
    rs = ds.rumah_sakit
    graph = build_travel_graph(regions, resolution=graph_res, config=ds.config,
                               extra_points=(rs["lon"], rs["lat"]))
    start, cpu = time.perf_counter(), time.process_time()
    grid = pg.access_grid(ds, regions, layanan="stroke", min_strata="madya", status="target",
                          cells=cells, travel="sea", graph=graph)
    return {"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
            "n": len(grid), "graph": repr(graph)}


def step_graph(res: int) -> dict[str, Any]:
    from pengampuan.travel import build_travel_graph

    ds, regions = _data()
    rs = ds.rumah_sakit
    start, cpu = time.perf_counter(), time.process_time()
    g = build_travel_graph(regions, resolution=res, config=ds.config,
                           extra_points=(rs["lon"], rs["lat"]))
    seconds, cpu_s = time.perf_counter() - start, time.process_time() - cpu
    cap = ds.capable(layanan="stroke", min_strata="madya", status="target")
    t0 = time.perf_counter()
    g.times_to(lon=cap["lon"], lat=cap["lat"])
    return {"seconds": seconds, "cpu_s": cpu_s, "n": len(g.cells), "graph": repr(g),
            "graph_mb": g.nbytes / 2**20, "query_s": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--memory-gb", type=float, default=12.0)
    ap.add_argument("--skip-graph-9", action="store_true")
    args = ap.parse_args(argv)
    print(machine_note())
    steps: list[tuple[str, Any, tuple[Any, ...]]] = [
        ("land_cells, national r9", step_land_cells, (9,)),
        ("one access_grid call, national r9 (simple; cells given)", step_access_grid, (9,)),
        ("access_grid(travel='sea'), r9 cells on a national r7 graph (query only)",
         step_sea_grid, (9, 7)),
        ("sea graph, national r8 (open sea r7): build", step_graph, (8,)),
    ]
    if not args.skip_graph_9:
        steps.append(("sea graph, national r9 (open sea r7): build", step_graph, (9,)))
    rows = []
    for what, fn, fargs in steps:
        run = isolated(fn, *fargs, memory_limit_gb=args.memory_gb)
        if "error" in run:
            print(f"{what}: FAILED under a {args.memory_gb:.0f} GB cap: {run['error']} "
                  f"(peak {run['peak_mb']:,.0f} MB)", flush=True)
            rows.append({"what": what, "ours": f"does not fit in {args.memory_gb:.0f} GB "
                                               f"({run['error'].split(':')[0]})",
                         "baseline": "-", "ratio": None, "goal": "fits 24 GB", "met": False})
            continue
        r = run["result"]
        extra = f"; {r['graph']}" if "graph" in r else ""
        extra += f"; one Dijkstra {r['query_s']:.1f} s" if "query_s" in r else ""
        print(f"{what}: {r['seconds']:.1f} s (CPU {r['cpu_s']:.1f} s), {r['n']:,} cells, "
              f"peak RSS {run['peak_mb']:,.0f} MB{extra}", flush=True)
        note = f"{r['n']:,} cells"
        if "graph_mb" in r:
            note += f", graph {fmt_mb(r['graph_mb'])}, one Dijkstra {fmt_s(r['query_s'])}"
        rows.append({"what": what,
                     "ours": f"{fmt_s(r['seconds'])} (CPU {fmt_s(r['cpu_s'])}), "
                             f"peak {fmt_mb(run['peak_mb'])}",
                     "baseline": note, "ratio": None, "goal": "fits 24 GB",
                     "met": run["peak_mb"] < 24 * 1024})
    save_results("bench_scale", rows, repeat=1, notes=[
        f"Each step in its own process, address space capped at {args.memory_gb:.0f} GB; "
        f"peak RSS includes the interpreter, libraries and bundled data (~200 MB)."])
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
