"""Benchmark: district_access from the 7,285 kecamatan demand points, against a bare KD-tree query.

On the bundled data (514 kab/kota, 7,285 kecamatan with population, the capable hospitals
of each KJSU layanan at strata madya, status target), simple travel model:

* ``district_access`` (default ``demand="kecamatan"``): the whole call -- checks, demand
  points, nearest hospital per point, population-weighted aggregation per kab/kota,
  the GeoDataFrame out;
* ``district_access(demand="kabkota")``: the one-point-per-region model, for comparison;
* baseline: a bare ``scipy.spatial.cKDTree`` query of the same 7,285 points (unit-sphere
  xyz) against the same hospitals, tree built inside the timing: the least any exact
  nearest-neighbour answer can cost.

Each timing is the median of ``--repeat`` runs (>= 3) in this process; the goal is
``district_access`` under 2 s. The ratio printed is baseline / value (below 1: slower).

Run: ``python benchmarks/bench_demand.py [--repeat 5]`` from the repository root.
"""

from __future__ import annotations

import argparse
import statistics

import _common  # noqa: F401  (puts the repository on sys.path)
import numpy as np
from _common import machine_note, peak_rss_mb, report, timed
from scipy.spatial import cKDTree

import pengampuan as pg
from pengampuan.geo import lonlat_to_xyz
from pengampuan.regions.kecamatan import kecamatan_table


def median_time(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(timed(fn) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    repeat = max(3, args.repeat)
    ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    kec = kecamatan_table()
    lon, lat = kec["lon"].to_numpy(float), kec["lat"].to_numpy(float)
    # warm the caches (bundled files read once per process)
    pg.district_access(ds, reg, layanan="stroke", status="target")
    print(f"{len(reg)} kab/kota, {len(kec)} demand points; {machine_note()}; "
          f"median of {repeat} runs")
    for lay in ("kanker", "jantung", "stroke", "uronefrologi"):
        cap = ds.capable(layanan=lay, min_strata="madya", status="target")
        hosp = lonlat_to_xyz(cap["lon"].to_numpy(float), cap["lat"].to_numpy(float))
        pts = lonlat_to_xyz(lon, lat)

        def bare(hosp: np.ndarray = hosp, pts: np.ndarray = pts) -> None:
            cKDTree(hosp).query(pts)

        def full(lay: str = lay) -> None:
            pg.district_access(ds, reg, layanan=lay, status="target")

        def one_point(lay: str = lay) -> None:
            pg.district_access(ds, reg, layanan=lay, status="target", demand="kabkota")

        t_bare = median_time(bare, repeat)
        t_full = median_time(full, repeat)
        t_one = median_time(one_point, repeat)
        report(f"{lay}: bare cKDTree query ({len(cap)} hospitals)", t_bare)
        report(f"{lay}: district_access kecamatan", t_full, t_bare, goal="< 2 s")
        report(f"{lay}: district_access kabkota", t_one, t_bare)
    print(f"peak memory {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
