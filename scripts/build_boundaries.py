"""Build the bundled generalised boundaries data/batas_kabkota.geojson and batas_provinsi.geojson.

Source: ../shared/data/idn_adm2.geojson (514 kab/kota, Kepmendagri No 300.2.2-2138
Tahun 2025 codes, after the 2022 Papua split; derived from cahyadsn/wilayah_boundaries,
MIT) and ../shared/data/idn_kemendagri_provinces.csv (province names).

Steps (re-runnable, deterministic):

1. check the codes: 514 unique ``PP.KK`` codes in 38 provinces, the six Papua
   provinces 91-96 present (the source already uses the post-2022 codes);
2. clean the coverage: ``shapely.coverage_clean`` removes the overlaps between
   neighbours and closes gaps narrower than ``--gap-width-km``; the linework is
   then snap-rounded to a ``10**-decimals`` degree grid and polygonised, so every
   vertex is on the grid and shared edges are identical;
3. drop free-standing islets below ``--min-island-km2`` (keeping at least 97 % of
   each region's area and anything touching a neighbour);
4. simplify the whole coverage at once (``pengampuan.simplify_coverage``,
   ``shapely.coverage_simplify``): vertices are only removed, so they stay on
   the grid and the coverage stays clean;
5. provinces = exact union of their kab/kota (``shapely.coverage_union_all``),
   so province borders are kab/kota borders;
6. write compact RFC 7946 GeoJSON (exterior rings counter-clockwise, coordinates
   with ``decimals`` decimals) and check what was written.

Usage: ``python scripts/build_boundaries.py [--shared ../shared/data] [--out data]``
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pengampuan.config import AREA_CRS  # noqa: E402
from pengampuan.regions import KM_PER_DEGREE, simplify_coverage  # noqa: E402
from pengampuan.regions.simplify import _clean_coverage, _drop_small_parts  # noqa: E402

logger = logging.getLogger("build_boundaries")

N_PROVINSI = 38
N_KABKOTA = 514
PAPUA_2022 = {"91", "92", "93", "94", "95", "96"}


def read_source(shared: Path) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    src = gpd.read_file(shared / "idn_adm2.geojson").set_crs("EPSG:4326", allow_override=True)
    prov = pd.read_csv(shared / "idn_kemendagri_provinces.csv", dtype=str)
    kab = gpd.GeoDataFrame(
        {
            "kode": src["kode_kab"].astype(str),
            "nama": src["nama_kab"].astype(str).str.strip(),
            "kode_induk": src["kode_prov"].astype(str),
            "jenis": src["jenis"].astype(str),
        },
        geometry=src.geometry.values,
        crs="EPSG:4326",
    )
    problems = []
    if len(kab) != N_KABKOTA or kab["kode"].nunique() != N_KABKOTA:
        problems.append(f"expected {N_KABKOTA} unique kab/kota codes, got {kab['kode'].nunique()}")
    if not kab["kode"].str.fullmatch(r"\d{2}\.\d{2}").all():
        problems.append("some kab/kota codes are not PP.KK")
    if not (kab["kode"].str[:2] == kab["kode_induk"]).all():
        problems.append("some kab/kota codes do not start with their province code")
    if set(kab["kode_induk"]) != set(prov["kode_prov"]) or len(prov) != N_PROVINSI:
        problems.append("province codes of idn_adm2 and idn_kemendagri_provinces.csv differ")
    if not PAPUA_2022 <= set(kab["kode_induk"]):
        problems.append("the six post-2022 Papua provinces 91-96 are not all present")
    jenis_from_code = np.where(kab["kode"].str[3:].astype(int) >= 71, "Kota", "Kabupaten")
    if not (jenis_from_code == kab["jenis"]).all():
        problems.append("jenis disagrees with the code (kota are numbered 71-99)")
    if problems:
        raise SystemExit("source check failed: " + "; ".join(problems))
    return kab, prov


def _round_coords(obj: Any, decimals: int) -> Any:
    if isinstance(obj, float):
        value = round(obj, decimals)
        return int(value) if value.is_integer() else value
    if isinstance(obj, (list, tuple)):
        return [_round_coords(x, decimals) for x in obj]
    return obj


def write_geojson(gdf: gpd.GeoDataFrame, path: Path, *, decimals: int) -> int:
    """Compact RFC 7946 FeatureCollection, one feature per line; returns the size in bytes."""
    geoms = shapely.orient_polygons(gdf.geometry.values, exterior_cw=False)
    table = gdf.drop(columns="geometry").astype(object)
    props = table.where(table.notna(), None).to_dict("records")
    lines = []
    for prop, geom in zip(props, geoms, strict=True):
        g = json.loads(shapely.to_geojson(geom))
        g["coordinates"] = _round_coords(g["coordinates"], decimals)
        feature = {"type": "Feature", "properties": prop, "geometry": g}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size


def build(shared: Path, out: Path, *, gap_width_km: float, min_island_km2: float,
          tolerance_km: float, decimals: int) -> dict[str, Any]:
    kab, prov = read_source(shared)
    area_src = kab.geometry.to_crs(AREA_CRS).area.to_numpy() / 1e6
    grid = 10.0 ** -decimals
    geoms = _clean_coverage(np.asarray(kab.geometry.values, dtype=object),
                            gap_width_deg=gap_width_km / KM_PER_DEGREE, grid_deg=grid)
    logger.info("cleaned coverage valid: %s", shapely.coverage_is_valid(geoms))
    geoms, n_dropped = _drop_small_parts(geoms, min_part_km2=min_island_km2)
    logger.info("dropped %d islets < %s km2", n_dropped, min_island_km2)
    kab = kab.set_geometry(gpd.GeoSeries(geoms, index=kab.index, crs="EPSG:4326"))
    kab = simplify_coverage(kab, tolerance_km=tolerance_km)

    order = prov.set_index("kode_prov")["nama_prov"]
    prov_geoms = [shapely.coverage_union_all(kab.geometry.values[kab["kode_induk"] == p])
                  for p in order.index]
    provinsi = gpd.GeoDataFrame(
        {"kode": order.index.astype(str), "nama": order.to_numpy().astype(str),
         "kode_induk": [None] * len(order)},
        geometry=prov_geoms, crs="EPSG:4326",
    )
    out.mkdir(parents=True, exist_ok=True)
    sizes = {
        "kabkota": write_geojson(kab, out / "batas_kabkota.geojson", decimals=decimals),
        "provinsi": write_geojson(provinsi, out / "batas_provinsi.geojson", decimals=decimals),
    }
    # check what was written, as a user will read it
    back = gpd.read_file(out / "batas_kabkota.geojson")
    back_p = gpd.read_file(out / "batas_provinsi.geojson")
    g = np.asarray(back.geometry.values, dtype=object)
    area = back.to_crs(AREA_CRS).area.to_numpy() / 1e6
    rel = area / area_src - 1
    stats = {
        "sizes_bytes": sizes,
        "n_kabkota": len(back),
        "n_provinsi": len(back_p),
        "valid": bool(shapely.is_valid(g).all() and shapely.is_valid(back_p.geometry.values).all()),
        "coverage_valid": bool(shapely.coverage_is_valid(g)),
        "vertices": int(shapely.get_num_coordinates(g).sum()),
        "vertices_provinsi": int(shapely.get_num_coordinates(back_p.geometry.values).sum()),
        "islets_dropped": n_dropped,
        "area_km2_source": round(float(area_src.sum())),
        "area_km2_bundled": round(float(area.sum())),
        "area_change_pct": round(100 * float(area.sum() / area_src.sum() - 1), 3),
        "kabkota_area_change_over_5pct": int((np.abs(rel) > 0.05).sum()),
    }
    if not (stats["valid"] and stats["coverage_valid"] and len(back) == N_KABKOTA
            and len(back_p) == N_PROVINSI):
        raise SystemExit(f"the written boundaries fail their checks: {stats}")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data",
                        help="folder with idn_adm2.geojson and idn_kemendagri_provinces.csv")
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    parser.add_argument("--gap-width-km", type=float, default=0.45,
                        help="close gaps between neighbours narrower than this (km)")
    parser.add_argument("--min-island-km2", type=float, default=3.0,
                        help="drop free-standing islets smaller than this (km2)")
    parser.add_argument("--tolerance-km", type=float, default=1.35,
                        help="coverage simplification tolerance (km)")
    parser.add_argument("--decimals", type=int, default=4,
                        help="coordinate decimals (4 = about 11 m)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    stats = build(args.shared, args.out, gap_width_km=args.gap_width_km,
                  min_island_km2=args.min_island_km2, tolerance_km=args.tolerance_km,
                  decimals=args.decimals)
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
