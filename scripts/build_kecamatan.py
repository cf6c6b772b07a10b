"""Build the bundled kecamatan data: data/kecamatan.csv and data/batas_kecamatan.geojson.gz.

Sources (in ../shared/data, see its README, section "Where people live"):

* ``idn_kecamatan_penduduk.csv``: the 7,285 kecamatan of Kepmendagri No 300.2.2-2138
  Tahun 2025 (codes ``PP.KK.CC``), a point inside each kecamatan polygon
  (``lat_rep``/``lon_rep``, from cahyadsn/wilayah_boundaries, MIT) and the population
  ``penduduk_2025_est``: each kab/kota's Dukcapil total of the bundled ``wilayah.csv``
  split by its Dukcapil 2023 kecamatan shares (summing exactly per kab/kota).
* ``idn_kecamatan.geojson``: the kecamatan polygons (same upstream, MIT).

Steps (re-runnable, deterministic):

1. check the codes: 7,285 unique ``PP.KK.CC``, each kecamatan's ``PP.KK`` one of the 514
   kab/kota of ``data/wilayah.csv``, the same codes in both source files;
2. points: the point inside the polygon (``*_rep``), 5 decimals (~1 m); each is checked
   against the bundled generalised kab/kota polygon of its code: inside, or how far
   outside (great-circle km to the polygon); the exceptions are printed;
3. population: ``penduduk_2025_est`` as integers; the 45 kecamatan without a Dukcapil
   2023 figure stay empty (their kab/kota's people went to its other kecamatan
   upstream); the sums per kab/kota must equal ``data/wilayah.csv`` exactly;
4. polygons: repaired (``make_valid``, polygon parts kept), cleaned as a coverage
   (``shapely.coverage_clean``, gaps under ``--gap-width-km`` closed, snap-rounded to a
   ``10**-decimals`` degree grid), free-standing islets under ``--min-island-km2``
   dropped (keeping 97 % of each kecamatan's area), then simplified as one coverage
   (``pengampuan.simplify_coverage``) so shared borders stay shared;
5. write ``kecamatan.csv`` and a compact RFC 7946 GeoJSON, gzip-compressed (deterministic:
   no time stamp), read them back and check.

Usage: ``python scripts/build_kecamatan.py [--shared ../shared/data] [--out data]``
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import shutil
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_boundaries import write_geojson  # noqa: E402

from pengampuan.config import AREA_CRS  # noqa: E402
from pengampuan.geo import great_circle_km  # noqa: E402
from pengampuan.regions import KM_PER_DEGREE, simplify_coverage  # noqa: E402
from pengampuan.regions.simplify import _clean_coverage, _drop_small_parts  # noqa: E402

logger = logging.getLogger("build_kecamatan")

N_KECAMATAN = 7285
N_KABKOTA = 514
TAHUN_PENDUDUK = 2025
#: kecamatan points farther than this outside their generalised kab/kota are reported
NEAR_KM = 5.0
#: short source key (spelled out in data/README.md, section kecamatan)
SUMBER = "Kepmendagri 2025; Dukcapil"
COORD_DECIMALS = 5


def read_points(shared: Path, wilayah: pd.DataFrame) -> pd.DataFrame:
    src = pd.read_csv(shared / "idn_kecamatan_penduduk.csv", dtype={"kode": str, "kode_kab": str})
    kab = wilayah[wilayah["tingkat"] == "kabkota"]
    problems = []
    if len(src) != N_KECAMATAN or src["kode"].nunique() != N_KECAMATAN:
        problems.append(f"expected {N_KECAMATAN} unique kecamatan codes, got "
                        f"{src['kode'].nunique()} in {len(src)} rows")
    if not src["kode"].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}").all():
        problems.append("some kecamatan codes are not PP.KK.CC")
    if not (src["kode"].str[:5] == src["kode_kab"]).all():
        problems.append("some kecamatan codes do not start with their kab/kota code")
    unknown = sorted(set(src["kode_kab"]) - set(kab["kode"]))
    if unknown:
        problems.append(f"kab/kota codes not in wilayah.csv: {unknown[:5]}")
    if src["kode_kab"].nunique() != N_KABKOTA:
        problems.append(f"kecamatan in {src['kode_kab'].nunique()} of {N_KABKOTA} kab/kota")
    if src[["lat_rep", "lon_rep"]].isna().any().any():
        problems.append("some kecamatan have no inside point (lat_rep/lon_rep)")
    if problems:
        raise SystemExit("source check failed: " + "; ".join(problems))
    pend = src["penduduk_2025_est"]
    if (pend.dropna() % 1 != 0).any() or (pend.dropna() < 0).any():
        raise SystemExit("penduduk_2025_est holds values that are not counts")
    out = pd.DataFrame({
        "kode": src["kode"],
        "nama": src["nama"].astype(str).str.strip(),
        "kode_induk": src["kode_kab"],
        "lat": src["lat_rep"].round(COORD_DECIMALS),
        "lon": src["lon_rep"].round(COORD_DECIMALS),
        "penduduk": pend.astype("Int64"),
        "tahun_penduduk": TAHUN_PENDUDUK,
        "sumber": SUMBER,
    })
    return out.sort_values("kode", kind="stable").reset_index(drop=True)


def check_population(points: pd.DataFrame, wilayah: pd.DataFrame) -> dict[str, Any]:
    kab = wilayah[wilayah["tingkat"] == "kabkota"].set_index("kode")["penduduk"].astype("int64")
    sums = points.groupby("kode_induk")["penduduk"].sum().reindex(kab.index).astype("int64")
    differ = sums.index[sums != kab].tolist()
    if differ:
        raise SystemExit(f"population sums differ from wilayah.csv for {len(differ)} kab/kota, "
                         f"e.g. {differ[:5]}")
    no_pop = points[points["penduduk"].isna()]
    return {
        "penduduk_total": int(points["penduduk"].sum()),
        "kabkota_sums_equal_wilayah": int((sums == kab).sum()),
        "kecamatan_without_penduduk": len(no_pop),
        "kabkota_with_kecamatan_without_penduduk": int(no_pop["kode_induk"].nunique()),
    }


def check_points(points: pd.DataFrame, kab: gpd.GeoDataFrame) -> tuple[dict[str, Any],
                                                                       pd.DataFrame]:
    """Each point against the generalised polygon of its own kab/kota."""
    geom = kab.set_index("kode").geometry
    polys = geom.reindex(points["kode_induk"]).to_numpy()
    pts = shapely.points(points["lon"].to_numpy(), points["lat"].to_numpy())
    inside = shapely.covers(polys, pts)
    # great-circle km from an outside point to the nearest point of its polygon
    near = shapely.get_coordinates(shapely.shortest_line(pts, polys)).reshape(-1, 2, 2)[:, 1]
    off_km = np.where(inside, 0.0, great_circle_km(points["lat"].to_numpy(),
                                                   points["lon"].to_numpy(),
                                                   near[:, 1], near[:, 0]))
    # the kab/kota a point falls in instead (if any)
    tree = shapely.STRtree(np.asarray(kab.geometry.values))
    pi, ki = tree.query(pts, predicate="within")
    other = pd.Series(kab["kode"].to_numpy()[ki], index=pi)
    other = other[~other.index.duplicated()]
    table = points.assign(jarak_km=off_km.round(2),
                          jatuh_di=pd.Series(other).reindex(np.arange(len(points))).to_numpy())
    out = table[~inside].sort_values("jarak_km", ascending=False, kind="stable")
    stats = {
        "points_inside_own_kabkota": int(inside.sum()),
        "points_outside": int((~inside).sum()),
        f"points_outside_within_{NEAR_KM:g}_km": int(((~inside) & (off_km <= NEAR_KM)).sum()),
        f"points_farther_than_{NEAR_KM:g}_km": int((off_km > NEAR_KM).sum()),
        "penduduk_farther_than_km": int(points.loc[off_km > NEAR_KM, "penduduk"].sum()),
    }
    return stats, out[["kode", "nama", "kode_induk", "lat", "lon", "penduduk", "jarak_km",
                       "jatuh_di"]]


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    """make_valid, keeping only the polygon parts (a valid input is returned as is)."""
    out = geoms.copy()
    bad = ~shapely.is_valid(out)
    fixed = shapely.make_valid(out[bad], method="structure", keep_collapsed=False)
    out[bad] = fixed
    kinds = shapely.get_type_id(out)
    mixed = ~np.isin(kinds, (3, 6))
    for i in np.flatnonzero(mixed):
        parts = shapely.get_parts(out[i])
        out[i] = shapely.multipolygons(parts[np.isin(shapely.get_type_id(parts), (3, 6))])
    return out


def build_polygons(shared: Path, points: pd.DataFrame, *, gap_width_km: float,
                   min_island_km2: float, tolerance_km: float, decimals: int,
                   ) -> tuple[gpd.GeoDataFrame, dict[str, Any]]:
    src = gpd.read_file(shared / "idn_kecamatan.geojson").set_crs("EPSG:4326",
                                                                   allow_override=True)
    if set(src["kode"]) != set(points["kode"]) or src["kode"].duplicated().any():
        raise SystemExit("idn_kecamatan.geojson and idn_kecamatan_penduduk.csv hold different "
                         "kecamatan codes")
    src = src.set_index("kode").loc[points["kode"]].reset_index()
    raw = _polygonal(np.asarray(src.geometry.values, dtype=object))
    n_invalid = int((~shapely.is_valid(np.asarray(src.geometry.values))).sum())
    area_src = gpd.GeoSeries(raw, crs="EPSG:4326").to_crs(AREA_CRS).area.to_numpy() / 1e6
    geoms = _clean_coverage(raw, gap_width_deg=gap_width_km / KM_PER_DEGREE,
                            grid_deg=10.0 ** -decimals)
    geoms, n_dropped = _drop_small_parts(geoms, min_part_km2=min_island_km2)
    kec = gpd.GeoDataFrame(
        {"kode": points["kode"].to_numpy(), "nama": points["nama"].to_numpy(),
         "kode_induk": points["kode_induk"].to_numpy()},
        geometry=gpd.GeoSeries(geoms, crs="EPSG:4326").to_numpy(), crs="EPSG:4326")
    kec = simplify_coverage(kec, tolerance_km=tolerance_km)
    return kec, {"source_invalid_repaired": n_invalid, "islets_dropped": n_dropped,
                 "area_km2_source": round(float(area_src.sum())), "_area_src": area_src}


def build(shared: Path, out: Path, *, gap_width_km: float, min_island_km2: float,
          tolerance_km: float, decimals: int) -> dict[str, Any]:
    wilayah = pd.read_csv(out / "wilayah.csv", dtype=str)
    kab = gpd.read_file(out / "batas_kabkota.geojson").set_crs("EPSG:4326", allow_override=True)
    points = read_points(shared, wilayah)
    stats: dict[str, Any] = {"n_kecamatan": len(points)}
    stats.update(check_population(points, wilayah))
    pt_stats, outside = check_points(points, kab)
    stats.update(pt_stats)

    kec, poly_stats = build_polygons(shared, points, gap_width_km=gap_width_km,
                                     min_island_km2=min_island_km2,
                                     tolerance_km=tolerance_km, decimals=decimals)
    area_src = poly_stats.pop("_area_src")
    stats.update(poly_stats)
    out.mkdir(parents=True, exist_ok=True)
    csv_path = out / "kecamatan.csv"
    points.to_csv(csv_path, index=False, encoding="utf-8", lineterminator="\n")
    geo_path = out / "batas_kecamatan.geojson.gz"
    plain = out / "batas_kecamatan.geojson"
    size_plain = write_geojson(kec, plain, decimals=decimals)
    # gzip without a timestamp or file name: byte-identical on every run
    with plain.open("rb") as raw_file, geo_path.open("wb") as gz_file, gzip.GzipFile(
            filename="", mode="wb", fileobj=gz_file, compresslevel=9, mtime=0) as gz:
        shutil.copyfileobj(raw_file, gz)
    plain.unlink()

    # check what was written, as a user will read it
    back = gpd.read_file(io.BytesIO(gzip.decompress(geo_path.read_bytes())))
    back_pts = pd.read_csv(csv_path, dtype={"kode": str, "kode_induk": str})
    g = np.asarray(back.geometry.values, dtype=object)
    area = back.to_crs(AREA_CRS).area.to_numpy() / 1e6
    own = shapely.covers(g, shapely.points(back_pts["lon"], back_pts["lat"]))
    rel = np.where(area_src > 0, area / np.where(area_src > 0, area_src, 1) - 1, 0.0)
    # the kecamatan of a kab/kota against its bundled polygon (two generalisations of one source)
    union = back.dissolve("kode_induk").to_crs(AREA_CRS)
    kab_a = kab.set_index("kode").to_crs(AREA_CRS).reindex(union.index)
    inter = union.geometry.intersection(kab_a.geometry, grid_size=1.0).area
    share_in_kab = inter / kab_a.geometry.area
    stats.update({
        "sizes_bytes": {"kecamatan.csv": csv_path.stat().st_size,
                        "batas_kecamatan.geojson.gz": geo_path.stat().st_size,
                        "batas_kecamatan.geojson (uncompressed)": size_plain},
        "valid": bool(shapely.is_valid(g).all()),
        "coverage_valid": bool(shapely.coverage_is_valid(g)),
        "vertices": int(shapely.get_num_coordinates(g).sum()),
        "area_km2_bundled": round(float(area.sum())),
        "area_change_pct": round(100 * float(area.sum() / area_src.sum() - 1), 3),
        "kecamatan_area_change_over_10pct": int((np.abs(rel) > 0.10).sum()),
        "points_inside_own_kecamatan_polygon": int(own.sum()),
        "kabkota_area_share_covered_by_its_kecamatan_median": round(
            float(np.median(share_in_kab)), 4),
        "kabkota_area_share_covered_by_its_kecamatan_min": round(float(share_in_kab.min()), 4),
    })
    if not (stats["valid"] and stats["coverage_valid"] and len(back) == N_KECAMATAN
            and (back["kode"].to_numpy() == points["kode"].to_numpy()).all()
            and len(back_pts) == N_KECAMATAN
            and int(back_pts["penduduk"].sum()) == stats["penduduk_total"]):
        raise SystemExit(f"the written kecamatan files fail their checks: {stats}")
    stats["points_outside_own_kabkota"] = outside.to_dict("records")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data",
                        help="folder with idn_kecamatan_penduduk.csv and idn_kecamatan.geojson")
    parser.add_argument("--out", type=Path, default=ROOT / "data",
                        help="the data folder (reads wilayah.csv and batas_kabkota.geojson)")
    parser.add_argument("--gap-width-km", type=float, default=0.2,
                        help="close gaps between neighbours narrower than this (km)")
    parser.add_argument("--min-island-km2", type=float, default=1.0,
                        help="drop free-standing islets smaller than this (km2)")
    parser.add_argument("--tolerance-km", type=float, default=1.0,
                        help="coverage simplification tolerance (km)")
    parser.add_argument("--decimals", type=int, default=4,
                        help="coordinate decimals (4 = about 11 m)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    stats = build(args.shared, args.out, gap_width_km=args.gap_width_km,
                  min_island_km2=args.min_island_km2, tolerance_km=args.tolerance_km,
                  decimals=args.decimals)
    print(json.dumps(stats, indent=1, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
