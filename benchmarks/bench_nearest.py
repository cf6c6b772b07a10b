"""Benchmark: pengampuan.nearest_hospital against geopandas.sjoin_nearest.

1,000,000 random points on Indonesia's land x 3,000 random hospitals on land
(synthetic: the bundled data has fewer hospitals). Both methods start from
lon/lat points and end with the nearest hospital per point:

* ``nearest_hospital``: exact great-circle nearest (KD-tree on unit-sphere xyz);
* ``sjoin_nearest``: planar nearest in the equal-area CRS ``config.AREA_CRS``
  (the reprojection of points and hospitals is part of its time), the usual
  way to do this with geopandas.

Accuracy is judged against the exact great-circle nearest found by brute force
on a random sample of 20,000 points (every point x every hospital), and, on all
points, by how often ``sjoin_nearest`` picks another hospital than the exact
one and how much farther (great-circle) that pick is.

Run: ``python benchmarks/bench_nearest.py [--points N] [--hospitals M]`` from the
repository root.
"""

from __future__ import annotations

import argparse

import _common  # noqa: F401  (puts the repository on sys.path)
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from _common import machine_note, peak_rss_mb, report, timed_result

import pengampuan as pg
from pengampuan.config import AREA_CRS
from pengampuan.geo import great_circle_km


def land_points(regions: gpd.GeoDataFrame, n: int, rng: np.random.Generator
                ) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points uniform in lon/lat over the land polygons (rejection sampling)."""
    land = shapely.union_all(regions.geometry.to_numpy())
    shapely.prepare(land)
    xmin, ymin, xmax, ymax = land.bounds
    lon_parts, lat_parts, got = [], [], 0
    while got < n:
        lon = rng.uniform(xmin, xmax, 2 * n)
        lat = rng.uniform(ymin, ymax, 2 * n)
        keep = shapely.contains_xy(land, lon, lat)
        lon_parts.append(lon[keep])
        lat_parts.append(lat[keep])
        got += int(keep.sum())
    return np.concatenate(lon_parts)[:n], np.concatenate(lat_parts)[:n]


def synthetic_dataset(lon: np.ndarray, lat: np.ndarray) -> pg.Dataset:
    kode = [f"RS{i:05d}" for i in range(len(lon))]
    rs = gpd.GeoDataFrame(
        {"kode_rs": kode, "nama": [f"RS sintetis {i}" for i in range(len(lon))], "lat": lat,
         "lon": lon, "kode_wilayah": "", "lokasi_presisi": "sumber"},
        geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    lay = pd.DataFrame({"kode_rs": kode, "layanan": "stroke", "strata": "madya", "status": "ada"})
    return pg.Dataset(rumah_sakit=rs, layanan=lay,
                      jejaring=pd.DataFrame(columns=["pengampu", "diampu", "layanan"]),
                      wilayah=pd.DataFrame(columns=["kode", "nama", "tingkat", "kode_induk"]))


def brute_force(lon: np.ndarray, lat: np.ndarray, h_lon: np.ndarray, h_lat: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Exact great-circle nearest by checking every hospital (chunked)."""
    best_d = np.empty(len(lon))
    best_i = np.empty(len(lon), dtype=np.intp)
    for s in range(0, len(lon), 1000):
        d = great_circle_km(lat[s:s + 1000, None], lon[s:s + 1000, None], h_lat[None], h_lon[None])
        best_i[s:s + 1000] = d.argmin(axis=1)
        best_d[s:s + 1000] = d.min(axis=1)
    return best_d, best_i


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--points", type=int, default=1_000_000)
    ap.add_argument("--hospitals", type=int, default=3_000)
    ap.add_argument("--sample", type=int, default=20_000)
    args = ap.parse_args(argv)
    print(machine_note())
    rng = np.random.default_rng(20240517)
    regions = pg.load_regions(level="kabkota")
    lon, lat = land_points(regions, args.points, rng)
    h_lon, h_lat = land_points(regions, args.hospitals, rng)
    ds = synthetic_dataset(h_lon, h_lat)
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    hospitals = ds.rumah_sakit[["kode_rs", "geometry"]]
    print(f"{args.points:,} points x {args.hospitals:,} hospitals on Indonesia's land")

    # warm-up outside the timings (lazy imports, PROJ database)
    pg.nearest_hospital(points.iloc[:100], ds, layanan="stroke")
    gpd.sjoin_nearest(points.iloc[:100].to_crs(AREA_CRS), hospitals.to_crs(AREA_CRS))

    t_ours, ours = timed_result(lambda: pg.nearest_hospital(points, ds, layanan="stroke"))
    rss_ours = peak_rss_mb()

    def baseline() -> pd.DataFrame:
        joined = gpd.sjoin_nearest(points.to_crs(AREA_CRS), hospitals.to_crs(AREA_CRS),
                                   how="left", distance_col="distance_m")
        return joined[~joined.index.duplicated(keep="first")]  # ties give several rows

    t_sj, sj = timed_result(baseline)
    report("nearest_hospital (exact great-circle)", t_ours)
    report("sjoin_nearest in AREA_CRS (incl. to_crs)", t_sj)
    report("nearest_hospital vs sjoin_nearest", t_ours, t_sj, goal=">= 2x")

    # accuracy on all points: our pick is exact on the sphere
    kode_index = pd.Index(ds.rumah_sakit["kode_rs"])
    ours_i = kode_index.get_indexer(ours["kode_rs"].to_numpy(dtype=str))
    sj_i = kode_index.get_indexer(sj["kode_rs"].to_numpy(dtype=str))
    sj_gc = great_circle_km(lat, lon, h_lat[sj_i], h_lon[sj_i])
    differs = sj_i != ours_i
    excess = sj_gc - ours["distance_km"].to_numpy()
    print(f"sjoin_nearest picks another hospital than the exact nearest for {differs.sum():,} "
          f"points ({differs.mean():.3%}); its pick is up to {excess.max():.3f} km farther "
          f"(great-circle)")
    rel = np.abs(sj["distance_m"].to_numpy() / 1000 / sj_gc - 1)
    rel = rel[np.isfinite(rel) & (sj_gc > 1)]
    print(f"sjoin_nearest's planar distances differ from great-circle by up to {rel.max():.3%} "
          f"(median {np.median(rel):.3%}; points > 1 km from their hospital)")

    # exact reference: brute force on a sample
    pick = rng.choice(args.points, size=min(args.sample, args.points), replace=False)
    exact_d, exact_i = brute_force(lon[pick], lat[pick], h_lon, h_lat)
    ours_err = np.abs(ours["distance_km"].to_numpy()[pick] - exact_d)
    sj_err = sj_gc[pick] - exact_d
    print(f"vs brute force on {len(pick):,} points: nearest_hospital max error "
          f"{ours_err.max():.2e} km, other pick {np.mean(ours_i[pick] != exact_i):.3%}; "
          f"sjoin_nearest max error {sj_err.max():.3f} km, other pick "
          f"{np.mean(sj_i[pick] != exact_i):.3%}")
    print(f"peak RSS: {rss_ours:,.0f} MB after nearest_hospital, "
          f"{peak_rss_mb():,.0f} MB at the end")
    print(machine_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
