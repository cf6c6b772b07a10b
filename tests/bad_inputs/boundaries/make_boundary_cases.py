"""Write the boundary bad-input corpus (tiny files, from the bundled boundaries of Bengkulu).

Run from the repository root: ``python tests/bad_inputs/boundaries/make_boundary_cases.py``.
Each file has one defect; tests/test_bad_boundaries.py holds the expected message
(and writes the GeoPackage cases itself, as even a tiny GeoPackage takes ~100 kB).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import Point, Polygon

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

import pengampuan as pg  # noqa: E402


def bengkulu() -> gpd.GeoDataFrame:
    """The 10 kab/kota of Bengkulu (17), coarsely simplified so the files stay tiny."""
    kab = pg.load_regions("kabkota")
    sub = kab[kab["kode_induk"] == "17"].reset_index(drop=True)
    sub = pg.simplify_coverage(sub, tolerance_km=4, min_part_km2=50)
    sub["geometry"] = shapely.set_precision(sub.geometry.values, 1e-4)
    return sub[["kode", "nama", "geometry"]]


def zip_shapefile(gdf: gpd.GeoDataFrame, target: Path, *, drop_prj: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        shp = Path(tmp) / "batas.shp"
        gdf.to_file(shp, driver="ESRI Shapefile", engine="pyogrio")
        if drop_prj:
            shp.with_suffix(".prj").unlink()
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for part in sorted(Path(tmp).iterdir()):
                zf.write(part, part.name)


def main() -> None:
    for old in HERE.glob("*"):
        if old.name not in ("make_boundary_cases.py", "README.md") and old.is_file():
            old.unlink()
    base = bengkulu()
    write = lambda gdf, name: gdf.to_file(HERE / name, driver="GeoJSON")  # noqa: E731

    # valid containers
    zip_shapefile(base, HERE / "zipped_shapefile.zip")
    # no CRS: a zipped shapefile without its .prj
    zip_shapefile(base, HERE / "no_crs.zip", drop_prj=True)
    # projected CRS (UTM 48S): reprojected to EPSG:4326 on reading. GeoPackages
    # (projected, several layers) are written by the test itself: even an empty
    # one takes ~100 kB.
    zip_shapefile(base.to_crs("EPSG:32748"), HERE / "projected_utm48s.zip")
    # a bow-tie (self-intersecting) polygon in feature 3
    bow = base.copy()
    x0, y0, x1, y1 = bow.geometry.iloc[2].bounds
    bow.loc[2, "geometry"] = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1), (x0, y0)])
    write(bow, "bowtie_geometry.geojson")
    # an empty geometry in feature 2
    empty = base.copy()
    empty.loc[1, "geometry"] = None
    write(empty, "empty_geometry.geojson")
    # points instead of polygons
    pts = base.copy()
    pts["geometry"] = [Point(round(p.x, 4), round(p.y, 4))
                       for p in base.geometry.representative_point()]
    write(pts, "points_not_polygons.geojson")
    # the same code twice (features 2 and 5)
    dup = base.copy()
    dup.loc[4, "kode"] = dup.loc[1, "kode"]
    dup.loc[4, "nama"] = dup.loc[1, "nama"]
    write(dup, "duplicated_codes.geojson")
    # names only, upper case, no prefix: "BANDUNG" is Kabupaten or Kota Bandung
    amb = gpd.GeoDataFrame({"nama": ["BANDUNG", "BENGKULU UTARA"]},
                           geometry=[Point(140.0, -10.0).buffer(0.01),
                                     base.geometry.iloc[2]], crs=4326)
    write(amb, "ambiguous_names.geojson")
    # names that are not Indonesian regions
    unknown = base.iloc[:3][["geometry"]].copy()
    unknown.insert(0, "nama", ["Kabupaten Atlantis", "Kota Rejang Lebong Raya", "Lebong"])
    write(unknown, "unknown_names.geojson")
    # 34-province era: kab/kota of Papua with pre-2022 codes and province names
    kab = pg.load_regions("kabkota")
    old = {"93.01": ("91.01", "MERAUKE"), "95.01": ("91.02", "JAYAWIJAYA"),
           "94.01": ("91.04", "NABIRE"), "91.03": ("91.03", "JAYAPURA"),
           "96.01": ("92.01", "SORONG"), "96.71": ("92.71", "KOTA SORONG"),
           "92.02": ("92.02", "MANOKWARI")}
    pap = kab[kab["kode"].isin(old)].reset_index(drop=True)
    pap = pg.simplify_coverage(pap, tolerance_km=10, min_part_km2=100)
    papua = gpd.GeoDataFrame({
        "kode_kab": [old[k][0] for k in pap["kode"]],
        "nama_kab": [old[k][1] for k in pap["kode"]],
        "provinsi": ["PAPUA" if old[k][0].startswith("91") else "PAPUA BARAT"
                     for k in pap["kode"]],
    }, geometry=shapely.set_precision(pap.geometry.values, 1e-3), crs=4326)
    write(papua, "papua_34_provinces.geojson")
    prov = pg.load_regions("provinsi")
    old_prov = prov[prov["kode"].isin(["91", "93", "94", "95", "92", "96", "81"])].copy()
    old_prov["kode"] = old_prov["kode"].replace({"93": "91", "94": "91", "95": "91", "96": "92"})
    old_prov = old_prov.dissolve("kode", as_index=False)
    old_prov = pg.simplify_coverage(old_prov, tolerance_km=15, min_part_km2=300)
    old_prov["nama"] = old_prov["kode"].map({"91": "Papua", "92": "Papua Barat", "81": "Maluku"})
    old_prov["geometry"] = shapely.set_precision(old_prov.geometry.values, 1e-3)
    write(old_prov[["kode", "nama", "geometry"]], "papua_34_provinces_provinsi.geojson")
    # no features at all (an export of an empty selection)
    write(base.iloc[:0], "no_features.geojson")
    # feature 2 grown by ~5 km over its neighbours: not a coverage
    over = base.copy()
    over.loc[1, "geometry"] = shapely.set_precision(over.geometry.iloc[1].buffer(0.05), 1e-4)
    write(over, "overlapping_polygons.geojson")
    # feature 10 (Kota Bengkulu) reduced to a thin strip along its coast: a sliver
    sliver = base.copy()
    x0, y0, x1, y1 = sliver.geometry.iloc[9].bounds
    sliver.loc[9, "geometry"] = Polygon([(x0, y0), (x1, y1), (x1, y1 - 0.0005),
                                         (x0, y0 - 0.0005)])
    write(sliver, "sliver_polygon.geojson")
    # a zip without any layer
    with zipfile.ZipFile(HERE / "zip_without_layer.zip", "w") as zf:
        zf.writestr("baca_saya.txt", "no boundaries here\n")
    shutil.rmtree(HERE / "__pycache__", ignore_errors=True)
    for f in sorted(HERE.glob("*")):
        print(f"{f.stat().st_size:8d}  {f.name}")


if __name__ == "__main__":
    main()
