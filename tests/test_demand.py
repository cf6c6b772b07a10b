"""Demand points (kecamatan), load_regions(level="kecamatan") and population-weighted access."""

from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import pengampuan as pg
from pengampuan.config import EARTH_RADIUS_KM
from pengampuan.demand import demand_points
from pengampuan.errors import PengampuanWarning, RegionMatchError
from pengampuan.regions.kecamatan import kecamatan_table

DEG_KM = EARTH_RADIUS_KM * np.pi / 180  # 111.195 km: one degree of a great circle
KJSU = ("kanker", "jantung", "stroke", "uronefrologi")


@pytest.fixture(scope="module")
def tiny_kecamatan(tiny_dir) -> pd.DataFrame:
    """Six kecamatan points of the tiny dataset (tests/data/tiny/kecamatan.csv)."""
    return pd.read_csv(tiny_dir / "kecamatan.csv", dtype={"kode": str, "kode_induk": str})


@pytest.fixture(scope="module")
def bundled_regions() -> gpd.GeoDataFrame:
    return pg.load_regions(level="kabkota")


@pytest.fixture(scope="module")
def national(bundled_ds, bundled_regions) -> dict[str, gpd.GeoDataFrame]:
    """district_access for the four KJSU layanan, bundled data, status target."""
    return {lay: pg.district_access(bundled_ds, bundled_regions, layanan=lay, status="target")
            for lay in KJSU}


# --- bundled kecamatan ------------------------------------------------------------
def test_bundled_kecamatan_sum_to_wilayah_per_kabkota(bundled_ds):
    kec = kecamatan_table()
    assert len(kec) == 7285 and kec["kode"].is_unique
    assert kec["kode"].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}").all()
    assert (kec["kode"].str[:5] == kec["kode_induk"]).all()
    assert int(kec["penduduk"].isna().sum()) == 45          # unknown, not zero
    w = bundled_ds.wilayah
    kab = w[w["tingkat"] == "kabkota"].set_index("kode")["penduduk"].astype("int64")
    sums = kec.groupby("kode_induk")["penduduk"].sum().astype("int64")
    pd.testing.assert_series_equal(sums.reindex(kab.index), kab, check_names=False)


def test_load_regions_kecamatan_sums_to_the_national_population(bundled_ds):
    kec = pg.load_regions(level="kecamatan")
    assert len(kec) == 7285 and kec.crs.to_epsg() == 4326
    assert list(kec.columns[:4]) == ["kode", "nama", "kode_induk", "penduduk"]
    w = bundled_ds.wilayah
    national = float(pd.to_numeric(w.loc[w["tingkat"] == "kabkota", "penduduk"]).sum())
    assert float(kec["penduduk"].sum()) == pytest.approx(national, rel=0.005)
    geoms = np.asarray(kec.geometry.values)
    assert shapely.is_valid(geoms).all() and not shapely.is_empty(geoms).any()
    # the bundled points lie inside their own generalised kecamatan (islets dropped aside)
    pts = kecamatan_table().set_index("kode").loc[kec["kode"]]
    inside = shapely.covers(geoms, shapely.points(pts["lon"], pts["lat"]))
    assert inside.mean() > 0.995


def test_kecamatan_file_matched_by_name_within_its_kabkota(tmp_path):
    kec = pg.load_regions(level="kecamatan")
    bengkulu = kec[kec["kode_induk"].str.startswith("17")].reset_index(drop=True)
    kab_names = {"17.02": "KAB. REJANG LEBONG", "17.71": "Kota Bengkulu"}
    user = gpd.GeoDataFrame({
        "KECAMATAN": bengkulu["nama"].str.upper(),
        "kabupaten": bengkulu["kode_induk"].map(
            lambda k: kab_names.get(k, k)),      # names for two kab/kota, codes for the rest
    }, geometry=bengkulu.geometry.to_numpy(), crs=4326)
    path = tmp_path / "kecamatan_bengkulu.geojson"
    user.to_file(path)
    got = pg.load_regions(level="kecamatan", source=path)
    assert got["kode"].tolist() == bengkulu["kode"].tolist()
    assert got["penduduk"].sum() == bengkulu["penduduk"].sum()   # the bundled estimate added
    # by 6-digit codes
    by_code = gpd.GeoDataFrame({"kd_kec": bengkulu["kode"].str.replace(".", "", regex=False)},
                               geometry=bengkulu.geometry.to_numpy(), crs=4326)
    path2 = tmp_path / "kode.geojson"
    by_code.to_file(path2)
    assert pg.load_regions(level="kecamatan", source=path2)["kode"].tolist() == \
        bengkulu["kode"].tolist()


def test_kecamatan_names_that_repeat_need_their_kabkota(english: None):
    table = pd.DataFrame({"kecamatan": ["Wonosari", "Kecamatan Atlantis", "Curup"],
                          "kab": [None, "Rejang Lebong", "Rejang Lebong"]})
    with pytest.raises(RegionMatchError) as err:
        pg.match_regions(table, level="kecamatan", kabkota_col="kab")
    msg = str(err.value)
    assert "2 of 3 rows matched no single region (1 ambiguous, 1 unmatched)" in msg
    assert "row 2: name 'Wonosari' ambiguous between" in msg
    assert "row 3: name 'Kecamatan Atlantis' matches no region" in msg
    coded, rep = pg.match_regions(table, level="kecamatan", kabkota_col="kab",
                                  on_unmatched="keep")
    assert coded["kode"].tolist()[2] == "17.02.09" and len(coded) == 3


def test_a_code_and_a_different_name_are_ambiguous():
    table = pd.DataFrame({"kode": ["17.02.09"], "nama": ["Bermani Ulu"]})   # 17.02.09 = Curup
    _, rep = pg.match_regions(table, level="kecamatan", on_unmatched="keep")
    assert rep["method"].tolist() == ["ambiguous"]
    assert "17.02.10 Bermani Ulu" in rep["candidates"].iloc[0]


# --- demand points ------------------------------------------------------------------
def test_demand_points_of_the_bundled_data(bundled_ds, bundled_regions):
    kec = demand_points(bundled_regions, bundled_ds)
    assert len(kec) == 7285 and set(kec["jenis"]) == {"kecamatan"}
    assert kec["penduduk"].sum() == pytest.approx(284_973_643)
    one = demand_points(bundled_regions, bundled_ds, demand="kabkota")
    assert len(one) == 514 and one["kode"].tolist() == bundled_regions["kode"].tolist()
    with pytest.raises(ValueError, match="demand='desa' is not known"):
        demand_points(bundled_regions, bundled_ds, demand="desa")


def test_kecamatan_scaled_to_another_regional_total(bundled_ds, bundled_regions):
    # a user wilayah with twice the people of Rejang Lebong: its kecamatan keep their shares
    w = bundled_ds.wilayah.copy()
    sel = w["kode"] == "17.02"
    w.loc[sel, "penduduk"] = 2 * int(w.loc[sel, "penduduk"].iloc[0])
    ds = pg.Dataset(rumah_sakit=bundled_ds.rumah_sakit, layanan=bundled_ds.layanan,
                    jejaring=bundled_ds.jejaring, wilayah=w)
    reg = bundled_regions[bundled_regions["kode_induk"] == "17"]
    base = demand_points(reg, bundled_ds).set_index("kode")["penduduk"]
    got = demand_points(reg, ds).set_index("kode")["penduduk"]
    rl = got.index.str.startswith("17.02.")
    np.testing.assert_allclose(got[rl], 2 * base[rl])
    np.testing.assert_allclose(got[~rl], base[~rl])


def test_regions_without_bundled_kecamatan_are_warned_when_others_have_them(
        bundled_ds, bundled_regions, tiny_regions, english: None):
    mixed = pd.concat([bundled_regions[bundled_regions["kode"] == "17.71"],
                       tiny_regions.iloc[[2]]], ignore_index=True)
    with pytest.warns(PengampuanWarning, match=re.escape(
            "1 of 2 regions have no bundled kecamatan (their codes are not Kemendagri 2025 "
            "kab/kota codes: 02.01 Kabupaten Gama)")):
        pts = demand_points(mixed, bundled_ds)
    assert pts["jenis"].value_counts().to_dict() == {"kecamatan": 9, "kabkota": 1}


# --- weighting by hand (tiny) -----------------------------------------------------------
def test_population_weighted_access_by_hand(tiny_ds, tiny_regions, tiny_kecamatan):
    # kanker >= madya: RS0001 (0.5 N 101.5 E), RS0002 (0.5 N 100.5 E), RS0004 (0.2 N 100.2 E,
    # a placeholder point). Alfa: 1,200 people at RS0002 (0 km), 500 at 0.4 degree north of
    # it, 300 at 0.1 N 100.1 E, nearest RS0004 (0.1 degree south and west).
    acc = pg.district_access(tiny_ds, tiny_regions, layanan="kanker",
                             demand=tiny_kecamatan).set_index("kode")
    d_north = 0.4 * DEG_KM                                    # along a meridian: exact
    d_sw = float(pg.great_circle_km(0.1, 100.1, 0.2, 100.2))  # ~15.72 km
    assert d_sw == pytest.approx(15.72, abs=0.01)
    alfa = acc.loc["01.01"]
    assert alfa["distance_km"] == pytest.approx((1200 * 0 + 500 * d_north + 300 * d_sw) / 2000)
    assert alfa["distance_km_max"] == pytest.approx(d_north)
    assert alfa["travel_min"] == pytest.approx(
        (500 * pg.travel_time_simple(d_north) + 300 * pg.travel_time_simple(d_sw)) / 2000)
    assert alfa["share_nearest_approx"] == pytest.approx(300 / 2000)
    assert alfa["kode_rs"] == "RS0002" and alfa["lokasi_presisi"] == "sumber"
    assert alfa["n_demand"] == 3
    assert alfa["penduduk_within_threshold"] == 2000 and alfa["share_within_threshold"] == 1.0
    # Beta: 600 at RS0001, 400 0.4 degree east of it on the 0.5 N parallel
    beta = acc.loc["01.02"]
    d_east = float(pg.great_circle_km(0.5, 101.9, 0.5, 101.5))
    assert beta["distance_km"] == pytest.approx(400 * d_east / 1000)
    assert beta["share_nearest_approx"] == 0.0
    # Gama (an island): everyone 2 degrees from RS0001, 434 min > 240 min
    gama = acc.loc["02.01"]
    assert gama["distance_km"] == pytest.approx(2 * DEG_KM, rel=1e-4)
    assert gama["penduduk_within_threshold"] == 0 and gama["share_within_threshold"] == 0.0
    assert not gama["within_threshold"]
    assert acc.attrs["demand"] == "titik"


def test_level_kecamatan_rows(tiny_ds, tiny_regions, tiny_kecamatan):
    kec = pg.district_access(tiny_ds, tiny_regions, layanan="kanker", demand=tiny_kecamatan,
                             level="kecamatan").set_index("kode")
    assert len(kec) == 6
    assert kec.loc["01.01.03", ["kode_rs", "lokasi_presisi"]].tolist() == ["RS0004", "kabkota"]
    assert kec.loc["01.01.02", "distance_km"] == pytest.approx(0.4 * DEG_KM)
    assert kec.loc["02.01.01", "kode_induk"] == "02.01"
    assert kec["penduduk"].sum() == 3500
    with pytest.raises(ValueError, match="level='desa' is not known"):
        pg.district_access(tiny_ds, tiny_regions, layanan="kanker", level="desa")


def test_sensitivity_range_by_hand(tiny_ds, tiny_regions, tiny_kecamatan):
    # RS0004 (placeholder, Alfa) could stand anywhere in the Alfa square: each Alfa
    # kecamatan could have it at 0 km; at worst they fall back on RS0002.
    acc = pg.district_access(tiny_ds, tiny_regions, layanan="kanker", demand=tiny_kecamatan,
                             sensitivity=True).set_index("kode")
    to_rs2 = float(pg.great_circle_km(0.1, 100.1, 0.5, 100.5))
    assert acc.loc["01.01", "distance_km_if_moved_min"] == pytest.approx(0.0, abs=1e-9)
    assert acc.loc["01.01", "distance_km_if_moved_max"] == pytest.approx(
        (500 * 0.4 * DEG_KM + 300 * to_rs2) / 2000)
    # Beta's people are nearer RS0001 than the whole Alfa square: no range
    assert acc.loc["01.02", "distance_km_if_moved_min"] == pytest.approx(
        acc.loc["01.02", "distance_km"])
    assert acc.loc["01.02", "distance_km_if_moved_max"] == pytest.approx(
        acc.loc["01.02", "distance_km"])
    lo, mid, hi = (acc[c] for c in ("distance_km_if_moved_min", "distance_km",
                                    "distance_km_if_moved_max"))
    assert ((lo <= mid + 1e-9) & (mid <= hi + 1e-9)).all()


# --- oracle: brute force on the bundled data ---------------------------------------------
def test_oracle_brute_force_weighted_means(bundled_ds, bundled_regions, national):
    acc = national["uronefrologi"].set_index("kode")
    cap = bundled_ds.capable(layanan="uronefrologi", status="target")
    kec = kecamatan_table()
    w = kec["penduduk"].fillna(0).to_numpy(dtype=float)
    all_km = pg.great_circle_km(kec["lat"].to_numpy()[:, None], kec["lon"].to_numpy()[:, None],
                                cap["lat"].to_numpy()[None, :], cap["lon"].to_numpy()[None, :])
    d = all_km.min(axis=1)
    approx = np.isin(cap["lokasi_presisi"].to_numpy()[all_km.argmin(axis=1)],
                     ["desa", "kecamatan", "kabkota"])
    minutes = pg.travel_time_simple(d)
    thr = bundled_ds.config.threshold_min("uronefrologi")
    frame = pd.DataFrame({"kab": kec["kode_induk"], "w": w, "wd": w * d, "wm": w * minutes,
                          "within": w * (minutes <= thr), "approx": w * approx})
    g = frame.groupby("kab").sum()
    np.testing.assert_allclose(acc.loc[g.index, "distance_km"], g["wd"] / g["w"], rtol=1e-9)
    np.testing.assert_allclose(acc.loc[g.index, "travel_min"], g["wm"] / g["w"], rtol=1e-9)
    np.testing.assert_allclose(acc.loc[g.index, "penduduk_within_threshold"], g["within"])
    np.testing.assert_allclose(acc.loc[g.index, "share_nearest_approx"], g["approx"] / g["w"])
    far = pd.Series(np.where(w > 0, d, -1.0)).groupby(kec["kode_induk"].to_numpy()).max()
    np.testing.assert_allclose(acc.loc[far.index, "distance_km_max"], far, rtol=1e-9)


# --- done-when checks of the bundled data ------------------------------------------------
def test_no_large_kabkota_is_next_door_to_its_placeholder(bundled_regions, national):
    """No kab/kota over 1,000 km² is "under 1 km" from care because of a placeholder point.

    With one point per kab/kota, 206 such kab/kota came out under 1 km (Malinau, 38,910 km²,
    at 0.0 km): the hospital's placeholder and the measuring point were the same point.
    Measured from where people live, a large kab/kota never is.
    """
    area = bundled_regions.set_index("kode")["luas_km2"]
    for lay, acc in national.items():
        acc = acc.set_index("kode")
        big = area.reindex(acc.index) > 1000
        assert not (big & (acc["distance_km"] < 1.0)).any(), lay
        # in particular those served mostly by a placeholder standing in the kab/kota itself
        own = acc["lokasi_presisi"].eq("kabkota") & acc["covered"]
        assert (acc.loc[big & own, "distance_km"] >= 1.0).all(), lay
        assert (big & own).sum() > 20, lay   # there are many: the check is not empty


def test_the_one_point_model_is_still_available(bundled_ds, bundled_regions):
    one = pg.district_access(bundled_ds, bundled_regions, layanan="kanker", status="target",
                             demand="kabkota").set_index("kode")
    assert (one["n_demand"] == 1).all()
    # one point per region (geo.inside_point) to its nearest capable hospital: an oracle
    from pengampuan.geo import inside_point

    cap = bundled_ds.capable(layanan="kanker", status="target")
    pts = inside_point(bundled_regions.geometry)
    km = pg.great_circle_km(pts.y.to_numpy()[:, None], pts.x.to_numpy()[:, None],
                            cap["lat"].to_numpy(float)[None, :],
                            cap["lon"].to_numpy(float)[None, :])
    want = pd.Series(km.min(axis=1), index=bundled_regions["kode"])
    np.testing.assert_allclose(one.loc[want.index, "distance_km"], want, rtol=1e-9)
    assert one.attrs["demand"] == "kabkota"


def test_national_share_comes_from_the_kecamatan(national):
    for lay, acc in national.items():
        assert int(acc["n_demand"].sum()) >= 7000, lay
        pend = acc["penduduk"].astype(float)
        share = acc["penduduk_within_threshold"].sum() / pend.sum()
        assert 0.0 < share <= 1.0
        np.testing.assert_allclose(acc["penduduk_within_threshold"],
                                   acc["share_within_threshold"] * pend, rtol=1e-9)
        approx = float((acc["share_nearest_approx"] * pend).sum() / pend.sum())
        assert 0.0 < approx < 1.0, lay          # much of it rests on placeholder points
    # haemodialysis within 60 min: clearly below everyone
    uro = national["uronefrologi"]
    assert uro["penduduk_within_threshold"].sum() / uro["penduduk"].sum() < 0.95


def test_sea_model_weights_the_same_demand(tiny_ds, tiny_regions, tiny_kecamatan):
    sea = pg.district_access(tiny_ds, tiny_regions, layanan="kanker", travel="sea",
                             demand=tiny_kecamatan).set_index("kode")
    simple = pg.district_access(tiny_ds, tiny_regions, layanan="kanker",
                                demand=tiny_kecamatan).set_index("kode")
    assert (sea["n_demand"] == simple["n_demand"]).all()
    assert sea.loc["02.01", "share_sea_crossing"] == 1.0
    assert sea.loc["01.01", "share_sea_crossing"] == 0.0
    assert sea.loc["02.01", "travel_min"] > simple.loc["02.01", "travel_min"]
    assert (sea["travel_min"] >= simple["travel_min"] - 1e-6).all()


def test_report_summary_and_exports_carry_the_demand_figures(bundled_ds, bundled_regions,
                                                            national):
    from pengampuan.export import tables
    from pengampuan.maps.api import _penduduk
    from pengampuan.maps.text import coverage_summary_html

    html = coverage_summary_html(None, list(KJSU), cfg=bundled_ds.config, lang="id",
                                 access=national, penduduk=_penduduk(bundled_ds))
    assert "* penduduk dalam ambang waktu yang RS terdekatnya hanya diketahui kab/kotanya" in html
    from html import escape

    from pengampuan._messages import fmt_pct

    for lay in KJSU:
        acc = national[lay]
        within = acc["penduduk_within_threshold"].sum()
        pct = fmt_pct(within / acc["penduduk"].astype(float).sum(), "id")  # (never a rounded 100)
        approx = fmt_pct(acc["penduduk_within_threshold_approx"].sum() / within, "id")
        assert f"{escape(pct)} (" in html
        assert f"{escape(approx)} perkiraan*" in html
    gaps = pg.target_gaps(bundled_ds, bundled_regions, status="target")
    table = tables._wilayah_table(bundled_regions, national, gaps, bundled_ds)
    for lay in KJSU:
        for col in ("distance_km_max", "penduduk_within_threshold", "share_within_threshold",
                    "share_nearest_approx", "n_demand", "lokasi_presisi"):
            assert f"{lay}_{col}" in table, col
    assert int(table["kanker_n_demand"].sum()) == 7285
