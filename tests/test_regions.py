"""Regions: bundled boundaries, coverage cleanliness, matching, point assignment."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, box

import pengampuan as pg
from pengampuan import regions
from pengampuan.config import AREA_CRS
from pengampuan.datasets import bundled_file
from pengampuan.errors import CRSError, PengampuanWarning, RegionMatchError
from pengampuan.regions.match import _bps_crosswalk

# the messages checked here are the English ones (settings.language = 'en')
pytestmark = pytest.mark.usefixtures("english")

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
needs_shared = pytest.mark.skipif(
    not (SHARED / "idn_adm2.geojson").is_file(),
    reason=f"reference data {SHARED} not present (only in the development checkout)",
)


@pytest.fixture(scope="module")
def kab() -> gpd.GeoDataFrame:
    return pg.load_regions("kabkota")


@pytest.fixture(scope="module")
def prov() -> gpd.GeoDataFrame:
    return pg.load_regions("provinsi")


# --- bundled boundaries ------------------------------------------------------


def test_bundled_counts_codes_and_columns(kab: gpd.GeoDataFrame, prov: gpd.GeoDataFrame) -> None:
    assert len(prov) == 38 and len(kab) == 514
    assert list(kab.columns) == ["kode", "nama", "kode_induk", "jenis", "luas_km2", "geometry"]
    assert list(prov.columns) == ["kode", "nama", "kode_induk", "luas_km2", "geometry"]
    assert kab["kode"].is_unique and prov["kode"].is_unique
    assert kab["kode"].str.fullmatch(r"\d{2}\.\d{2}").all()
    assert prov["kode"].str.fullmatch(r"\d{2}").all() and prov["kode_induk"].isna().all()
    assert (kab["kode"].str[:2] == kab["kode_induk"]).all()
    assert set(kab["kode_induk"]) == set(prov["kode"])
    assert kab["nama"].notna().all() and prov["nama"].notna().all()
    # 416 kabupaten + 98 kota; kota are numbered 71-99
    assert kab["jenis"].value_counts().to_dict() == {"Kabupaten": 416, "Kota": 98}
    assert ((kab["kode"].str[3:].astype(int) >= 71) == (kab["jenis"] == "Kota")).all()
    assert kab.crs.to_epsg() == 4326 and prov.crs.to_epsg() == 4326


def test_bundled_has_the_2022_papua_split(kab: gpd.GeoDataFrame, prov: gpd.GeoDataFrame) -> None:
    names = prov.set_index("kode")["nama"]
    assert names[["91", "92", "93", "94", "95", "96"]].tolist() == [
        "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
        "Papua Barat Daya"]
    k = kab.set_index("kode")["nama"]
    assert k["93.01"] == "Kabupaten Merauke" and k["96.71"] == "Kota Sorong"


def test_bundled_geometries_valid_and_a_clean_coverage(kab: gpd.GeoDataFrame,
                                                       prov: gpd.GeoDataFrame) -> None:
    for gdf in (kab, prov):
        geoms = gdf.geometry.values
        assert shapely.is_valid(geoms).all()
        assert not shapely.is_empty(geoms).any()
        assert set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}
        assert shapely.coverage_is_valid(geoms)
    # no overlap between neighbours, measured: sum of areas == area of the union
    union = shapely.coverage_union_all(kab.geometry.values)
    total_km2 = kab["luas_km2"].sum()
    union_km2 = gpd.GeoSeries([union], crs=4326).to_crs(AREA_CRS).area.iloc[0] / 1e6
    assert union_km2 == pytest.approx(total_km2, rel=1e-9)


def test_provinces_are_unions_of_their_kabkota(kab: gpd.GeoDataFrame,
                                               prov: gpd.GeoDataFrame) -> None:
    for kode, geom in zip(prov["kode"], prov.geometry, strict=True):
        parts = kab.loc[kab["kode_induk"] == kode].geometry.values
        diff = shapely.symmetric_difference(shapely.coverage_union_all(parts), geom)
        assert shapely.area(diff) < 1e-9, kode
    assert prov["luas_km2"].sum() == pytest.approx(kab["luas_km2"].sum(), rel=1e-9)


def test_bundled_files_are_small() -> None:
    sizes = [bundled_file(f"batas_{lv}.geojson").stat().st_size for lv in ("kabkota", "provinsi")]
    assert sum(sizes) <= 1_500_000, sizes


def test_bundled_coordinates_rounded_to_4_decimals(kab: gpd.GeoDataFrame) -> None:
    xy = shapely.get_coordinates(kab.geometry.values)
    assert np.abs(xy * 1e4 - np.round(xy * 1e4)).max() < 1e-6


@needs_shared
def test_bundled_area_close_to_source(kab: gpd.GeoDataFrame) -> None:
    src = gpd.read_file(SHARED / "idn_adm2.geojson").set_index("kode_kab")
    src_km2 = src.geometry.to_crs(AREA_CRS).area / 1e6
    assert kab["luas_km2"].sum() == pytest.approx(src_km2.sum(), rel=0.02)
    # per province too: generalisation must not move land between provinces
    by_prov = kab.groupby("kode_induk")["luas_km2"].sum()
    src_by_prov = src_km2.groupby(src["kode_prov"]).sum()
    rel = (by_prov / src_by_prov.reindex(by_prov.index) - 1).abs()
    # Kepulauan Riau (~2,400 islands) loses about 4 % in islets and shrunken small islands
    assert rel.drop("21").max() < 0.01 and rel["21"] < 0.05, rel.sort_values().tail(3)
    # and per kab/kota: only small islands and small cities move by more than 5 %
    rel_kab = (kab.set_index("kode")["luas_km2"] / src_km2 - 1).abs()
    assert (rel_kab > 0.05).sum() <= 20 and rel_kab.median() < 0.005


@needs_shared
def test_reference_hospitals_fall_in_their_kabkota() -> None:
    h = pd.read_csv(SHARED / "idn_hospitals_reference.csv", dtype=str)
    pts = gpd.GeoDataFrame({"kode_wilayah": h["kode_kab"]}, crs=4326,
                           geometry=gpd.points_from_xy(h["lon"].astype(float),
                                                       h["lat"].astype(float)))
    out = pg.assign_regions(pts)
    assert out["cocok"].all(), out[~out["cocok"]]
    assert (out["metode"] == "dalam").sum() >= 74


def test_load_regions_returns_a_copy(kab: gpd.GeoDataFrame) -> None:
    a = pg.load_regions("kabkota")
    a.loc[0, "nama"] = "x"
    assert pg.load_regions("kabkota").loc[0, "nama"] != "x"


@pytest.mark.parametrize(("kwargs", "fragment"), [
    ({"level": "kabupaten"}, "level='kabupaten' is not known; expected one of ['kabkota', "
                             "'provinsi', 'kecamatan']"),
    ({"code_scheme": "BPS"}, "code_scheme='BPS' is not known"),
    ({"on_unmatched": "drop"}, "on_unmatched='drop' is not known"),
])
def test_load_regions_checks_choices(kwargs: dict[str, str], fragment: str) -> None:
    with pytest.raises(ValueError, match=re.escape(fragment)):
        pg.load_regions(**kwargs)  # type: ignore[arg-type]


def test_region_list_matches_bundled(kab: gpd.GeoDataFrame) -> None:
    lst = regions.region_list("kabkota")
    assert sorted(lst["kode"]) == sorted(kab["kode"])
    merged = lst.merge(kab[["kode", "nama", "jenis"]], on="kode", suffixes=("", "_b"))
    assert (merged["nama"] == merged["nama_b"]).all()
    assert (merged["jenis"] == merged["jenis_b"]).all()


# --- simplify_coverage ---------------------------------------------------------


def test_simplify_coverage_keeps_coverage(kab: gpd.GeoDataFrame) -> None:
    sub = kab[kab["kode_induk"].isin(["32", "36"])]
    small = pg.simplify_coverage(sub, tolerance_km=3)
    assert small.index.equals(sub.index) and list(small.columns) == list(sub.columns)
    assert shapely.coverage_is_valid(small.geometry.values)
    assert shapely.is_valid(small.geometry.values).all()
    n0 = shapely.get_num_coordinates(sub.geometry.values).sum()
    n1 = shapely.get_num_coordinates(small.geometry.values).sum()
    assert n1 < 0.6 * n0
    assert small["luas_km2"].sum() == pytest.approx(sub["luas_km2"].sum(), rel=0.01)


def test_simplify_coverage_polygon_by_polygon_would_open_gaps(kab: gpd.GeoDataFrame) -> None:
    sub = kab[kab["kode_induk"] == "32"]
    naive = sub.geometry.simplify(3 / regions.KM_PER_DEGREE)
    assert not shapely.coverage_is_valid(naive.values)  # the failure we avoid
    assert shapely.coverage_is_valid(pg.simplify_coverage(sub, tolerance_km=3).geometry.values)


def test_simplify_coverage_cleans_overlaps_first() -> None:
    gdf = gpd.GeoDataFrame({"kode": ["a", "b"]},
                           geometry=[box(100, 0, 101, 1), box(100.99, 0, 102, 1)], crs=4326)
    assert not shapely.coverage_is_valid(gdf.geometry.values)
    out = pg.simplify_coverage(gdf, tolerance_km=0.1)
    assert shapely.coverage_is_valid(out.geometry.values)
    assert shapely.area(shapely.intersection(*out.geometry.values)) == 0


def test_simplify_coverage_min_part_drops_only_free_islets(kab: gpd.GeoDataFrame) -> None:
    sub = kab[kab["kode_induk"] == "31"]  # Jakarta with Kepulauan Seribu
    out = pg.simplify_coverage(sub, tolerance_km=0.5, min_part_km2=100)
    assert not shapely.is_empty(out.geometry.values).any()
    assert shapely.coverage_is_valid(out.geometry.values)


def test_simplify_coverage_input_checks() -> None:
    pts = gpd.GeoDataFrame({"k": [1]}, geometry=[Point(100, 0)], crs=4326)
    with pytest.raises(ValueError, match="not polygons"):
        pg.simplify_coverage(pts, tolerance_km=1)
    with pytest.raises(CRSError, match="no CRS"):
        pg.simplify_coverage(gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)]), tolerance_km=1)
    with pytest.raises(ValueError, match="must be >= 0"):
        pg.simplify_coverage(gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], crs=4326),
                             tolerance_km=-1)


# --- matching ------------------------------------------------------------------


def names_only(values: list[str], **cols: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"nama": values, **cols})


@pytest.mark.parametrize("code", ["17.02", "1702", "17 02", 1702, 1702.0, "17-02", " 17.02 "])
def test_code_forms(code: object) -> None:
    out, rep = pg.match_regions(pd.DataFrame({"kode": [code]}), code_scheme="kemendagri")
    assert out.loc[0, "kode"] == "17.02" and rep["method"].tolist() == ["code"]


def test_bps_codes_auto_detected_from_names() -> None:
    table = pd.DataFrame({"kode": ["3173", "3171", "1275"],
                          "nama": ["JAKARTA PUSAT", "JAKARTA SELATAN", "MEDAN"]})
    out, rep = pg.match_regions(table)
    assert out["kode"].tolist() == ["31.71", "31.74", "12.71"]
    assert out["kode_asal"].tolist() == ["3173", "3171", "1275"]
    assert out["nama_asal"].tolist() == ["JAKARTA PUSAT", "JAKARTA SELATAN", "MEDAN"]


def test_bps_codes_without_names_are_ambiguous() -> None:
    table = pd.DataFrame({"kode": ["3171", "3173"]})
    with pytest.raises(RegionMatchError, match=re.escape("pass code_scheme='bps' or "
                                                         "'kemendagri'")):
        pg.match_regions(table)
    assert pg.match_regions(table, code_scheme="bps")[0]["kode"].tolist() == ["31.74", "31.71"]
    assert pg.match_regions(table, code_scheme="kemendagri")[0]["kode"].tolist() == [
        "31.71", "31.73"]


def test_same_codes_in_both_schemes_need_no_choice() -> None:
    out, _ = pg.match_regions(pd.DataFrame({"kode": ["3204", "3273"]}))  # Jawa Barat
    assert out["kode"].tolist() == ["32.04", "32.73"]


@needs_shared
def test_bps_crosswalk_matches_reference() -> None:
    ref = pd.read_csv(SHARED / "idn_kode_bps_kemendagri.csv", dtype=str)
    expected = dict(zip(ref["kode_kab_bps_resmi"], ref["kode_kab"], strict=True))
    assert _bps_crosswalk() == expected
    table = pd.DataFrame({"kode": list(expected)})
    out, rep = pg.match_regions(table, code_scheme="bps")
    assert out["kode"].tolist() == list(expected.values()) and rep.ok


@pytest.mark.parametrize(("name", "kode"), [
    ("TOBA SAMOSIR", "12.12"), ("Kab. Mahakam Hulu", "64.11"), ("Mamuju Utara", "76.01"),
    ("MALUKU TENGGARA BARAT", "81.03"), ("Kabupaten Pontianak", "61.02"),
    ("Kota Pontianak", "61.71"), ("Kota Baru", "63.02"), ("KOTABARU", "63.02"),
    ("Kab. Kota Baru", "63.02"), ("Siau Tagulandang Biaro", "71.09"),
    ("Kepulauan Siau Tagulandang Biaro", "71.09"), ("Batang Hari", "15.04"),
    ("LABUHAN BATU", "12.10"), ("Labuhan Batu Selatan", "12.22"),
    ("Pangkajene Kepulauan", "73.10"), ("Kota Padang Sidempuan", "12.77"),
    ("Kota Administrasi Jakarta Pusat", "31.71"), ("DKI Jakarta", None),
    ("Kepulauan Seribu", "31.01"), ("Kota Bau-Bau", "74.72"), ("Tojo Una-Una", "72.09"),
    ("Kota Waringin Timur", "62.02"), ("Selayar", "73.01"),
])
def test_names_and_aliases(name: str, kode: str | None) -> None:
    out, rep = pg.match_regions(names_only([name]), on_unmatched="keep")
    assert (out.loc[0, "kode"] if pd.notna(out.loc[0, "kode"]) else None) == kode, rep.to_frame()


def test_alias_targets_exist() -> None:
    codes = set(regions.region_list("kabkota")["kode"])
    assert {k for _, _, k in regions.REGION_ALIASES} <= codes
    pcodes = set(regions.region_list("provinsi")["kode"])
    assert {k for _, _, k in regions.PROVINCE_ALIASES} <= pcodes


def test_kabupaten_kota_collisions() -> None:
    table = names_only(["Kabupaten Bandung", "KOTA BANDUNG", "BANDUNG", "Bandung"],
                       jenis=["", "", "", "Kota"])
    out, rep = pg.match_regions(table, on_unmatched="keep")
    assert out["kode"].tolist()[:2] == ["32.04", "32.73"]
    assert rep["method"].tolist() == ["exact", "exact", "ambiguous", "exact"]
    assert rep["candidates"].iloc[2] == "32.04 Kabupaten Bandung; 32.73 Kota Bandung"
    assert out["kode"].iloc[3] == "32.73"


def test_same_name_in_two_provinces() -> None:
    table = names_only(["Banjar", "Banjar", "Banjar"],
                       provinsi=["Kalimantan Selatan", "JAWA BARAT", ""])
    out, rep = pg.match_regions(table, on_unmatched="keep")
    assert out["kode"].iloc[:2].tolist() == ["63.03", "32.79"]
    assert rep["method"].iloc[2] == "ambiguous"
    assert "32.79 Kota Banjar; 63.03 Kabupaten Banjar" in rep["candidates"].iloc[2]
    with pytest.raises(RegionMatchError, match=r"row 4: name 'Banjar' ambiguous between "
                                                r"32.79 Kota Banjar; 63.03 Kabupaten Banjar"):
        pg.match_regions(table)


def test_province_code_column_and_old_papua_province() -> None:
    table = names_only(["MERAUKE", "Sorong", "SORONG"], kode_prov=["91", "92", "96"],
                       jenis=["Kabupaten", "Kabupaten", "Kota"])
    out, _ = pg.match_regions(table)
    assert out["kode"].tolist() == ["93.01", "96.01", "96.71"]


def test_fuzzy_is_reported_never_silent() -> None:
    table = names_only(["Rejang Lebonk", "Kabupaten Atlantis"])
    with pytest.warns(PengampuanWarning, match=r"(?s)1 of 2 rows matched only approximately "
                      r"\(fuzzy\).*row 2: name 'Rejang Lebonk' -> 17.02 Kabupaten Rejang "
                      r"Lebong \(fuzzy, score 9\d\)"):
        out, rep = pg.match_regions(table, on_unmatched="keep")
    assert rep["method"].tolist() == ["fuzzy", "unmatched"]
    assert rep["score"].iloc[0] >= regions.FUZZY_ACCEPT_SCORE
    assert out["kode"].iloc[0] == "17.02" and pd.isna(out["kode"].iloc[1])


def test_low_fuzzy_score_follows_on_unmatched() -> None:
    table = names_only(["Rejang Lbg"])  # close (score 86), but not close enough to trust
    with pytest.raises(RegionMatchError) as err:
        pg.match_regions(table)
    msg = str(err.value)
    assert "row 2: name 'Rejang Lbg' matches no region; closest: 17.02 Kabupaten " \
           "Rejang Lebong" in msg
    assert err.value.report["method"].tolist() == ["unmatched"]  # type: ignore[attr-defined]
    with pytest.warns(PengampuanWarning, match="matched no single region"):
        out, _ = pg.match_regions(table, on_unmatched="warn")
    assert len(out) == 1 and pd.isna(out["kode"].iloc[0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out, rep = pg.match_regions(table, on_unmatched="keep")
    assert not rep.ok


def test_code_and_name_disagree_is_ambiguous() -> None:
    table = pd.DataFrame({"kode": ["17.02", "17.02"], "nama": ["Rejang Lebong", "Kota Bengkulu"]})
    out, rep = pg.match_regions(table, code_scheme="kemendagri", on_unmatched="keep")
    assert rep["method"].tolist() == ["code", "ambiguous"]
    assert rep["candidates"].iloc[1] == "17.02 Kabupaten Rejang Lebong; 17.71 Kota Bengkulu"


def test_match_keeps_rows_index_and_columns() -> None:
    table = pd.DataFrame({"nama": ["Lebong", "Atlantis", "Kaur"], "nilai": [1, 2, 3]},
                         index=[10, 20, 30])
    out, rep = pg.match_regions(table, on_unmatched="keep")
    assert list(out.columns) == ["kode", "nama", "kode_induk", "nama_asal", "nilai"]
    assert out.index.tolist() == [10, 20, 30] and out["nilai"].tolist() == [1, 2, 3]
    assert out["kode_induk"].tolist()[::2] == ["17", "17"]
    assert rep["row"].tolist() == [2, 3, 4]
    assert rep.summary().to_dict() == {"exact": 2, "unmatched": 1}
    text = str(rep)
    assert text.startswith("3 rows matched to Kemendagri codes: 2 exact, 1 unmatched")
    assert "row 3: name 'Atlantis' matches no region" in text


def test_match_needs_a_code_or_name_column() -> None:
    with pytest.raises(RegionMatchError, match=r"no column with a region code or name .*"
                                               r"pass code_col= and/or name_col="):
        pg.match_regions(pd.DataFrame({"x": [1]}))
    with pytest.raises(KeyError, match="name_col='kab' is not a column"):
        pg.match_regions(pd.DataFrame({"x": [1]}), name_col="kab")


def test_province_level() -> None:
    table = names_only(["DKI Jakarta", "Nanggroe Aceh Darussalam", "D.I. Yogyakarta",
                        "Kepulauan Bangka Belitung", "Bangka Belitung", "Irian Jaya Barat",
                        "Papua Barat Daya", "Sumatra Utara"])
    out, rep = pg.match_regions(table, level="provinsi")
    assert out["kode"].tolist() == ["31", "11", "34", "19", "19", "92", "96", "12"]
    assert out["kode_induk"].isna().all()


@needs_shared
def test_match_raw_boundary_file_99_percent() -> None:
    """The raw file with names upper-cased, prefixes stripped and codes removed."""
    src = gpd.read_file(SHARED / "idn_adm2.geojson")
    raw = src.drop(columns=["kode_kab", "kode_kab_angka", "kode_prov"])
    raw["nama_kab"] = raw["nama_kab"].str.replace(
        r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+", "", regex=True
    ).str.upper()
    for table in (raw, raw.drop(columns=["jenis"]), raw[["nama_kab", "geometry"]]):
        out, rep = pg.match_regions(table, on_unmatched="keep")
        right = out["kode"].fillna("").to_numpy() == src["kode_kab"].to_numpy()
        assert right.mean() >= 0.99, str(rep)
        assert not (out["kode"].notna().to_numpy() & ~right).any()  # never a wrong code
        assert len(rep.problems) == (~right).sum()  # the rest is listed


def test_match_geodata_breaks_ties_by_geometry(kab: gpd.GeoDataFrame) -> None:
    sub = kab[kab["kode"].isin(["32.04", "32.73"])]
    gdf = gpd.GeoDataFrame({"nama": ["BANDUNG", "BANDUNG"]}, geometry=sub.geometry.values,
                           crs=4326).to_crs("EPSG:32748")
    out, rep = pg.match_regions(gdf)
    assert out["kode"].tolist() == sub["kode"].tolist()
    assert rep["note"].str.contains("tie broken by geometry").all()
    assert rep["row"].tolist() == [1, 2] and rep.unit == "feature"


# --- assign_regions --------------------------------------------------------------


def test_assign_inside_nearest_and_outside() -> None:
    pts = gpd.GeoDataFrame(
        {"kode_wilayah": ["3171", "31.01", None, "17.02"]},
        geometry=[Point(106.8479, -6.1970),   # RSCM, Jakarta Pusat
                  Point(106.6136, -5.7456),   # Pulau Pramuka: an islet dropped by generalisation
                  Point(120.0, -3.0),          # inland Sulawesi Selatan
                  Point(97.0, -8.0)],          # open Indian Ocean
        crs=4326, index=["a", "b", "c", "d"])
    out = pg.assign_regions(pts)
    assert out.index.tolist() == ["a", "b", "c", "d"]
    assert out["metode"].tolist() == ["dalam", "terdekat", "dalam", "di_luar"]
    assert out["kode"].iloc[:3].tolist() == ["31.71", "31.01", "73.26"]
    assert 0 < out.loc["b", "distance_km"] <= regions.NEAREST_FALLBACK_KM
    assert out.loc["a", "distance_km"] == 0 and np.isnan(out.loc["d", "distance_km"])
    assert out["cocok"].tolist()[:2] == [True, True]
    assert out["cocok"].isna().tolist()[2:] == [True, True]


def test_assign_distance_is_great_circle() -> None:
    reg = gpd.GeoDataFrame({"kode": ["01.01"], "nama": ["Kotak"]},
                           geometry=[box(100, 0, 101, 1)], crs=4326)
    pts = gpd.GeoDataFrame(geometry=[Point(101.03, 0.5)], crs=4326)
    out = pg.assign_regions(pts, reg, max_distance_km=5)
    # 0.03 degree of longitude on the equator = 3.336 km
    assert out["distance_km"].iloc[0] == pytest.approx(3.336, abs=0.01)
    assert pg.assign_regions(pts, reg, max_distance_km=3)["metode"].iloc[0] == "di_luar"


def test_assign_projected_points_and_non_points() -> None:
    pts = gpd.GeoDataFrame(geometry=[Point(106.8479, -6.1970)], crs=4326).to_crs("EPSG:32748")
    assert pg.assign_regions(pts)["kode"].iloc[0] == "31.71"
    with pytest.raises(ValueError, match="needs Point geometries"):
        pg.assign_regions(gpd.GeoDataFrame(geometry=[box(0, 0, 1, 1)], crs=4326))
