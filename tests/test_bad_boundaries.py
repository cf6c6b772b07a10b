"""Boundary bad-input corpus (tests/bad_inputs/boundaries, made by its make_boundary_cases.py).

Every case checks the message a user sees: it names the file, the feature (with
its code or name) and says what to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

import pengampuan as pg
from pengampuan.errors import CRSError, DataFileError, PengampuanWarning, RegionMatchError

# the messages checked here are the English ones (settings.language = 'en')
pytestmark = pytest.mark.usefixtures("english")

BAD = Path(__file__).resolve().parent / "bad_inputs" / "boundaries"
BENGKULU = [f"17.{k:02d}" for k in range(1, 10)] + ["17.71"]


@pytest.mark.parametrize(("fname", "error", "fragments"), [
    ("no_crs.zip", CRSError,
     ["no_crs.zip has no CRS", "pass crs='EPSG:4326'", "--crs EPSG:4326"]),
    ("empty_geometry.geojson", DataFileError,
     ["empty_geometry.geojson, feature 2 (kode '17.02', nama 'Kabupaten Rejang Lebong'): "
      "geometry is empty or missing"]),
    ("points_not_polygons.geojson", DataFileError,
     ["10 feature(s) of", "feature 1 (kode '17.01', nama 'Kabupaten Bengkulu Selatan'): "
      "geometry is a Point, not a Polygon or MultiPolygon",
      "feature 10 (kode '17.71', nama 'Kota Bengkulu')"]),
    ("duplicated_codes.geojson", RegionMatchError,
     ["2 features share a region", "code 17.02 (Kabupaten Rejang Lebong) is matched by "
      "features 2, 5", "dissolve"]),
    ("ambiguous_names.geojson", RegionMatchError,
     ["1 of 2 features matched no single region (1 ambiguous, 0 unmatched)",
      "feature 1: name 'BANDUNG' ambiguous between 32.04 Kabupaten Bandung; "
      "32.73 Kota Bandung", "on_unmatched='warn'"]),
    ("unknown_names.geojson", RegionMatchError,
     ["2 of 3 features matched no single region", "feature 1: name 'Kabupaten Atlantis' "
      "matches no region", "feature 2: name 'Kota Rejang Lebong Raya' matches no region; "
      "closest: 17.02 Kabupaten Rejang Lebong"]),
    ("zip_without_layer.zip", DataFileError,
     ["holds no .shp, .geojson or .gpkg", "baca_saya.txt"]),
])
def test_bad_boundary_file(fname: str, error: type[Exception], fragments: list[str]) -> None:
    with pytest.raises(error) as err:
        pg.load_regions("kabkota", BAD / fname)
    for fragment in fragments:
        assert fragment in str(err.value)
    assert fname in str(err.value)


def test_no_crs_accepted_when_stated() -> None:
    reg = pg.load_regions("kabkota", BAD / "no_crs.zip", crs="EPSG:4326")
    assert reg["kode"].tolist() == BENGKULU and reg.crs.to_epsg() == 4326


@pytest.mark.parametrize("fname", ["zipped_shapefile.zip", "projected_utm48s.zip"])
def test_zipped_shapefiles_load(fname: str) -> None:
    reg = pg.load_regions("kabkota", BAD / fname)
    assert reg["kode"].tolist() == BENGKULU
    assert reg.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = reg.total_bounds
    assert 101 < minx < maxx < 104.5 and -5.6 < miny < maxy < -2  # Bengkulu, in degrees
    assert reg["nama_asal"].iloc[0] == "Kabupaten Bengkulu Selatan"
    bundled = pg.load_regions("kabkota").set_index("kode").loc[BENGKULU, "luas_km2"]
    # the corpus is simplified at 4 km: Kota Bengkulu (147 km²) loses up to a fifth
    assert reg["luas_km2"].to_numpy() == pytest.approx(bundled.to_numpy(), rel=0.25)


def _base() -> gpd.GeoDataFrame:
    return gpd.read_file(f"zip://{BAD / 'zipped_shapefile.zip'}!batas.shp")


def test_geopackage(tmp_path: Path) -> None:
    path = tmp_path / "batas.gpkg"
    _base().to_file(path, driver="GPKG", layer="kabkota")
    assert pg.load_regions("kabkota", path)["kode"].tolist() == BENGKULU


def test_geopackage_projected_utm48s(tmp_path: Path) -> None:
    path = tmp_path / "utm.gpkg"
    _base().to_crs("EPSG:32748").to_file(path, driver="GPKG")
    reg = pg.load_regions("kabkota", path)
    assert reg.crs.to_epsg() == 4326 and reg["kode"].tolist() == BENGKULU


def test_geopackage_with_two_layers(tmp_path: Path) -> None:
    path = tmp_path / "two.gpkg"
    _base().to_file(path, driver="GPKG", layer="kab_2020")
    _base().to_file(path, driver="GPKG", layer="kab_2025")
    with pytest.raises(DataFileError, match=re.escape("holds 2 polygon layers ['kab_2020', "
                                                      "'kab_2025']; pass layer=")):
        pg.load_regions("kabkota", path)
    reg = pg.regions.read_boundary_file(path, layer="kab_2025")
    assert len(reg) == 10


def test_projected_coordinates_labelled_wgs84(tmp_path: Path) -> None:
    path = tmp_path / "wrong.gpkg"
    _base().to_crs("EPSG:32748").set_crs("EPSG:4326", allow_override=True).to_file(path)
    with pytest.raises(CRSError, match=r"probably projected: pass the right crs="):
        pg.load_regions("kabkota", path)


def test_bowtie_repaired_with_warning() -> None:
    with pytest.warns(PengampuanWarning) as caught:
        reg = pg.load_regions("kabkota", BAD / "bowtie_geometry.geojson")
    texts = [str(w.message) for w in caught]
    assert any("repaired 1 invalid polygon(s) with shapely.make_valid (e.g. feature 3 (kode "
               "'17.03'" in t for t in texts), texts
    assert any("pair(s) of features overlap" in t for t in texts)  # it covers its neighbours
    assert len(reg) == 10 and shapely.is_valid(reg.geometry.values).all()
    assert reg.geometry.iloc[2].geom_type == "MultiPolygon"  # the bow-tie's two triangles


def test_ambiguous_and_unknown_can_be_kept() -> None:
    with pytest.warns(PengampuanWarning, match="matched no single region"):
        reg = pg.load_regions("kabkota", BAD / "unknown_names.geojson", on_unmatched="warn")
    assert reg["kode"].isna().sum() == 2 and reg["kode"].iloc[2] == "17.07"  # Lebong kept
    reg = pg.load_regions("kabkota", BAD / "ambiguous_names.geojson", on_unmatched="keep")
    assert reg["kode"].isna().tolist() == [True, False]


def test_papua_34_province_codes_matched_by_name() -> None:
    with pytest.warns(PengampuanWarning, match=r"codes that match no present-day region and "
                      r"were matched by name instead \(the file seems to predate the 2022 Papua "
                      r"split"):
        reg = pg.load_regions("kabkota", BAD / "papua_34_provinces.geojson")
    got = dict(zip(reg["kode_kab"], reg["kode"], strict=True))
    assert got == {"91.01": "93.01", "91.02": "95.01", "91.04": "94.01", "91.03": "91.03",
                   "92.01": "96.01", "92.71": "96.71", "92.02": "92.02"}


def test_papua_34_province_file_at_province_level() -> None:
    with pytest.warns(PengampuanWarning, match=r"predates the 2022 Papua split \(34 provinces\)"):
        reg = pg.load_regions("provinsi", BAD / "papua_34_provinces_provinsi.geojson")
    assert sorted(reg["kode"]) == ["81", "91", "92"]


def test_missing_file() -> None:
    with pytest.raises(FileNotFoundError, match=r"boundary file .*nope.geojson does not exist"):
        pg.load_regions("kabkota", BAD / "nope.geojson")


TOPOJSON = """{"type": "Topology", "objects": {"kab": {"type": "GeometryCollection", "geometries": [
 {"type": "Polygon", "arcs": [[0, 1]], "properties": {"nama": "KAB. REJANG LEBONG"}},
 {"type": "Polygon", "arcs": [[2, -1]], "properties": {"nama": "Kepahiang"}}]}},
 "arcs": [[[102.5, -3.5], [102.5, -3.3]],
          [[102.5, -3.3], [102.3, -3.3], [102.3, -3.5], [102.5, -3.5]],
          [[102.5, -3.5], [102.7, -3.5], [102.7, -3.3], [102.5, -3.3]]]}"""


def test_topojson(tmp_path: Path) -> None:
    path = tmp_path / "kab.topojson"
    path.write_text(TOPOJSON, encoding="utf-8")
    reg = pg.load_regions("kabkota", path)
    assert reg["kode"].tolist() == ["17.02", "17.08"]
    assert shapely.coverage_is_valid(reg.geometry.values)
    # 0.2 x 0.2 degree at 3.4 S: about 22.2 x 22.2 km
    assert reg["luas_km2"].tolist() == pytest.approx([492.0, 492.0], rel=0.01)
