"""Targets met where a hospital stands or where the decree lists it (kode_wilayah_sk),
and the default candidates of recommend_upgrades (no specialist hospitals of another field)."""

from __future__ import annotations

import logging
import re
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

import pengampuan as pg
from pengampuan.coverage import (
    DASAR_TARGET,
    JENIS_RS,
    compare_status,
    recommend_upgrades,
    target_gaps,
    target_summary,
    upgrade_candidates,
    upgrade_scenario,
)
from pengampuan.dataset import Dataset
from pengampuan.errors import PengampuanWarning
from pengampuan.geo import great_circle_km

ONE_DEG_KM = float(great_circle_km(0.5, 100.5, 0.5, 101.5))  # 111.19 km at lat 0.5


# --- fixtures: 1 x 1 degree kab/kota squares, province p = row p of the grid ------------------
def grid_regions(n_prov: int, n_kab: int) -> gpd.GeoDataFrame:
    recs = [{"kode": f"{p + 1:02d}.{k + 1:02d}", "nama": f"Kab {p + 1}-{k + 1}",
             "kode_induk": f"{p + 1:02d}", "geometry": box(100 + k, p, 101 + k, p + 1)}
            for p in range(n_prov) for k in range(n_kab)]
    return gpd.GeoDataFrame(recs, crs="EPSG:4326")


def make_ds(regions: gpd.GeoDataFrame, hospitals: list[dict], layanan: list[tuple],
            ) -> Dataset:
    """hospitals: dicts with kode_rs, kab (kode of the square it stands in, at its centre
    unless lon/lat given) and optional sk, nama, jenis; layanan: (kode_rs, layanan, strata,
    status)."""
    centre = {k: (g.centroid.x, g.centroid.y) for k, g in
              zip(regions["kode"], regions.geometry, strict=True)}
    rows = []
    for h in hospitals:
        lon, lat = centre[h["kab"]]
        row = {"kode_rs": h["kode_rs"], "nama": h.get("nama", f"RSUD {h['kode_rs']}"),
               "lon": h.get("lon", lon), "lat": h.get("lat", lat), "kode_wilayah": h["kab"]}
        if "sk" in h:
            row["kode_wilayah_sk"] = h["sk"]
        if "jenis" in h:
            row["jenis"] = h["jenis"]
        rows.append(row)
    rs = pd.DataFrame(rows, columns=list(dict.fromkeys(
        ["kode_rs", "nama", "lon", "lat", "kode_wilayah", *(k for r in rows for k in r)])))
    rs["kode_prov"] = rs["kode_wilayah"].str.split(".").str[0]
    rs = gpd.GeoDataFrame(rs, geometry=gpd.points_from_xy(rs["lon"], rs["lat"]), crs="EPSG:4326")
    lay = pd.DataFrame(layanan, columns=["kode_rs", "layanan", "strata", "status"])
    prov = sorted(set(regions["kode_induk"]))
    wil = pd.DataFrame({
        "kode": [*prov, *regions["kode"]],
        "nama": [f"Prov {p}" for p in prov] + regions["nama"].tolist(),
        "tingkat": ["provinsi"] * len(prov) + ["kabkota"] * len(regions),
        "kode_induk": [pd.NA] * len(prov) + regions["kode_induk"].tolist(),
        "penduduk": pd.array([pd.NA] * len(prov) + [1000] * len(regions), dtype="Int64"),
    })
    jej = pd.DataFrame(columns=["pengampu", "diampu", "layanan", "mulai", "sumber", "jenis"])
    return Dataset(rumah_sakit=rs, layanan=lay, jejaring=jej, wilayah=wil)


def by_kode(gaps: pd.DataFrame, layanan: str = "kanker") -> pd.DataFrame:
    return gaps[gaps["layanan"] == layanan].set_index("kode")


# --- target_gaps: location and listing ----------------------------------------------------------
def test_listed_for_a_standing_in_b():
    # H stands in B (01.02) and the decree lists it for A (01.01); kanker madya (target).
    # A meets by the listing (sk), B by location (lokasi), C (01.03) not at all.
    reg = grid_regions(1, 3)
    ds = make_ds(reg, [{"kode_rs": "H", "kab": "01.02", "sk": "01.01"}],
                 [("H", "kanker", "madya", "target")])
    for demand in ("kabkota", "kecamatan"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PengampuanWarning)  # no bundled kecamatan here
            g = by_kode(target_gaps(ds, reg, layanan="kanker", demand=demand))
        a, b, c = g.loc["01.01"], g.loc["01.02"], g.loc["01.03"]
        assert (a["n_hospitals"], a["n_hospitals_sk"], a["meets_target"]) == (0, 1, True)
        assert (a["dasar_target"], a["kode_rs_sk"]) == ("sk", "H")
        assert (b["n_hospitals"], b["n_hospitals_sk"], b["meets_target"]) == (1, 0, True)
        assert b["dasar_target"] == "lokasi" and pd.isna(b["kode_rs_sk"])
        assert not c["meets_target"] and pd.isna(c["dasar_target"]) and pd.isna(c["kode_rs_sk"])
        # n_hospitals stays the count by location: one hospital, counted once
        kab = g[g["tingkat"] == "kabkota"]
        assert kab["n_hospitals"].sum() == 1 and kab["n_hospitals_sk"].sum() == 1
        # the people of A still travel to H, one degree east: no distance 0 for a listing
        assert a["nearest_kode_rs"] == "H"
        assert a["distance_km"] == pytest.approx(ONE_DEG_KM, rel=1e-6)
        assert b["distance_km"] == pytest.approx(0.0, abs=1e-6)
        # province 01: madya is below its target (utama); a listing changes nothing there
        p = g.loc["01"]
        assert not p["meets_target"] and pd.isna(p["dasar_target"]) and p["n_hospitals_sk"] == 0


def test_location_and_listing_together():
    # K stands in A with kanker madya; H stands in B, listed for A: A meets by both.
    reg = grid_regions(1, 3)
    ds = make_ds(reg, [{"kode_rs": "H", "kab": "01.02", "sk": "01.01"},
                       {"kode_rs": "K", "kab": "01.01"},
                       {"kode_rs": "J", "kab": "01.03", "sk": "01.01"}],
                 [("H", "kanker", "madya", "target"), ("K", "kanker", "utama", "ada"),
                  ("J", "kanker", "madya", "target")])
    g = by_kode(target_gaps(ds, reg, layanan="kanker", demand="kabkota"))
    a = g.loc["01.01"]
    assert (a["n_hospitals"], a["n_hospitals_sk"], a["dasar_target"]) == (1, 2, "lokasi+sk")
    assert a["kode_rs_sk"] == "H;J"  # sorted, joined by ';'
    assert a["distance_km"] == 0.0 and a["nearest_kode_rs"] == "K"
    assert g.loc["01.03", "dasar_target"] == "lokasi"
    assert set(g["dasar_target"].dropna()) <= set(DASAR_TARGET)
    # province 01 meets utama by K standing in it
    assert g.loc["01", "dasar_target"] == "lokasi"


def test_listing_counts_only_a_capable_hospital():
    # H is listed for A but its kanker strata is a target: under status "ada" it counts
    # nowhere (neither where it stands nor where it is listed); dasar is <NA> both places.
    reg = grid_regions(1, 2)
    ds = make_ds(reg, [{"kode_rs": "H", "kab": "01.02", "sk": "01.01"}],
                 [("H", "kanker", "madya", "target"), ("H", "jantung", "dasar", "ada")])
    both = target_gaps(ds, reg, layanan=["kanker", "jantung"], status=("ada", "target"),
                       demand="kabkota")
    kab = both[both["tingkat"] == "kabkota"]
    ada = kab[kab["status"] == "ada"]
    assert not ada["meets_target"].any() and ada["dasar_target"].isna().all()
    assert (ada["n_hospitals_sk"] == 0).all()
    jantung = kab[kab["layanan"] == "jantung"]  # strata dasar: below madya, never counts
    assert not jantung["meets_target"].any()
    tgt = kab[(kab["status"] == "target") & (kab["layanan"] == "kanker")].set_index("kode")
    assert tgt["dasar_target"].tolist() == ["sk", "lokasi"]
    cmp = compare_status(ds, reg, layanan="kanker", demand="kabkota").set_index("kode")
    assert cmp.loc["01.01", ["n_hospitals_sk_ada", "n_hospitals_sk_target"]].tolist() == [0, 1]
    assert pd.isna(cmp.loc["01.01", "dasar_target_ada"])
    assert cmp.loc["01.01", "dasar_target_target"] == "sk"
    assert bool(cmp.loc["01.01", "gap_closed"])


@pytest.mark.parametrize("sk", ["absent", "", None, "01.02", "  "])
def test_without_a_listing_elsewhere_counts_by_location(sk):
    # No column, an empty cell or the kab/kota where it stands: counted where it stands only.
    reg = grid_regions(1, 2)
    h = {"kode_rs": "H", "kab": "01.02"}
    if sk != "absent":
        h["sk"] = sk
    ds = make_ds(reg, [h], [("H", "kanker", "madya", "target")])
    g = by_kode(target_gaps(ds, reg, layanan="kanker", demand="kabkota"))
    assert not g.loc["01.01", "meets_target"]
    assert pd.isna(g.loc["01.01", "dasar_target"])
    assert g.loc["01.02", "dasar_target"] == "lokasi"
    assert (g["n_hospitals_sk"] == 0).all() and g["kode_rs_sk"].isna().all()


def test_the_tiny_files_have_no_listing_column(tiny_ds, tiny_regions):
    # tests/data/tiny/rumah_sakit.csv has no kode_wilayah_sk: read as empty, counted by location
    g = target_gaps(tiny_ds, tiny_regions, layanan="kanker")
    assert (g["n_hospitals_sk"] == 0).all()
    assert (g["meets_target"] == (g["n_hospitals"] >= 1)).all()
    assert set(g["dasar_target"].dropna()) == {"lokasi"}


def test_province_listing_follows_the_province_of_kode_wilayah_sk():
    # U (utama) stands in 02.01 (province 02) and is listed for 01.01 (province 01):
    # province 01 meets utama by sk, province 02 by lokasi; so do their kab/kota for madya.
    reg = grid_regions(2, 2)
    ds = make_ds(reg, [{"kode_rs": "U", "kab": "02.01", "sk": "01.01"}],
                 [("U", "stroke", "utama", "target")])
    g = by_kode(target_gaps(ds, reg, layanan="stroke", demand="kabkota"), "stroke")
    assert g.loc["01", ["dasar_target", "kode_rs_sk", "n_hospitals"]].tolist() == ["sk", "U", 0]
    assert g.loc["02", "dasar_target"] == "lokasi" and g.loc["02", "n_hospitals"] == 1
    assert g.loc["01.01", "dasar_target"] == "sk" and g.loc["02.01", "dasar_target"] == "lokasi"
    assert not g.loc["01.02", "meets_target"] and not g.loc["02.02", "meets_target"]
    summ = target_summary(target_gaps(ds, reg, layanan="stroke", demand="kabkota"))
    nat = summ[summ["tingkat"] == "nasional"].iloc[0]
    assert (nat["n_provinsi_meets"], nat["n_provinsi_meets_sk"]) == (2, 1)
    assert (nat["n_kabkota_meets"], nat["n_kabkota_meets_sk"]) == (2, 1)
    p01 = summ[(summ["tingkat"] == "provinsi") & (summ["kode"] == "01")].iloc[0]
    assert (p01["n_kabkota_meets_sk"], p01["n_provinsi_meets_sk"]) == (1, 1)
    one = target_summary(target_gaps(ds, reg, layanan="stroke", demand="kabkota"), provinsi="01")
    kab = one[one["tingkat"] == "kabkota"].set_index("kode")
    assert kab["n_kabkota_meets_sk"].to_dict() == {"01.01": 1, "01.02": 0}


def test_listing_for_a_region_whose_hospital_stands_outside_regions():
    # Only A is given; H stands in B (not in regions), listed for A: A meets by sk.
    reg = grid_regions(1, 2)
    ds = make_ds(reg, [{"kode_rs": "H", "kab": "01.02", "sk": "01.01"}],
                 [("H", "kanker", "madya", "target")])
    g = by_kode(target_gaps(ds, reg[reg["kode"] == "01.01"], layanan="kanker",
                            demand="kabkota"))
    assert g.loc["01.01", "dasar_target"] == "sk"


def test_summary_of_older_gaps_without_the_new_columns(tiny_ds, tiny_regions):
    gaps = target_gaps(tiny_ds, tiny_regions, layanan="kanker")
    old = gaps.drop(columns=["n_hospitals_sk", "dasar_target", "kode_rs_sk"])
    summ = target_summary(old)
    assert "n_kabkota_meets_sk" not in summ
    new = target_summary(gaps)
    pd.testing.assert_frame_equal(summ, new[summ.columns])


# --- upgrades: a listed hospital raises both kab/kota --------------------------------------
def test_upgrade_of_a_listed_hospital_meets_both():
    # H (no kanker yet) stands in B and is listed for A; S (no kanker) stands in C.
    # Raising H to madya makes A and B meet: gain 2, where S gains 1.
    reg = grid_regions(1, 3)
    ds = make_ds(reg, [{"kode_rs": "H", "kab": "01.02", "sk": "01.01"},
                       {"kode_rs": "S", "kab": "01.03"}], [])
    rec = recommend_upgrades(ds, reg, layanan="kanker", k=2, demand="kabkota")
    assert rec[["kode_rs", "gain"]].values.tolist() == [["H", 2], ["S", 1]]
    res = upgrade_scenario(ds, reg, layanan="kanker", upgrades=[("H", "madya")],
                           demand="kabkota")
    s = res.summary.set_index("metric")
    assert s.loc["kabkota_meets_target", "change"] == 2
    after = res.after.set_index("kode")
    assert after.loc["01.01", "dasar_target"] == "sk" and after.loc["01.01", "kode_rs_sk"] == "H"
    # one point per kab/kota: A's people are one degree from H (111 km, 188 min by the
    # simple model: within kanker's 240 min) but A's distance is not 0
    assert after.loc["01.01", "distance_km"] == pytest.approx(ONE_DEG_KM, rel=1e-6)
    assert after.loc["01.02", "distance_km"] == 0.0


hospital_st = st.tuples(
    st.integers(0, 5),                                   # where it stands (2 x 3 grid)
    st.one_of(st.none(), st.integers(0, 5)),             # where the decree lists it
    st.sampled_from([None, "dasar", "madya", "utama", "paripurna"]),
    st.sampled_from(["ada", "target"]),
)


def random_ds(hosps: list[tuple]) -> tuple[gpd.GeoDataFrame, Dataset]:
    reg = grid_regions(2, 3)
    kab = reg["kode"].tolist()
    hospitals = [{"kode_rs": f"RS{n:03d}", "kab": kab[k], "sk": "" if s is None else kab[s],
                  "lon": 100 + k % 3 + 0.1 + 0.08 * (n % 10), "lat": k // 3 + 0.5}
                 for n, (k, s, _, _) in enumerate(hosps)]
    lay = [(f"RS{n:03d}", "kanker", strata, stt)
           for n, (_, _, strata, stt) in enumerate(hosps) if strata is not None]
    return reg, make_ds(reg, hospitals, lay)


def oracle_meets(hosps: list[tuple], status: str) -> dict[str, tuple[int, int]]:
    """Per region code: (hospitals standing there, hospitals listed there from elsewhere)."""
    reg = grid_regions(2, 3)
    kab = reg["kode"].tolist()
    rank = {"dasar": 0, "madya": 1, "utama": 2, "paripurna": 3}
    out = {k: [0, 0] for k in [*kab, "01", "02"]}
    for k, s, strata, stt in hosps:
        if strata is None or (status == "ada" and stt != "ada"):
            continue
        here, listed = kab[k], (kab[s] if s is not None else None)
        if rank[strata] >= 1:
            out[here][0] += 1
            if listed is not None and listed != here:
                out[listed][1] += 1
        if rank[strata] >= 2:
            out[here[:2]][0] += 1
            if listed is not None and listed[:2] != here[:2]:
                out[listed[:2]][1] += 1
    return {k: (a, b) for k, (a, b) in out.items()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hosps=st.lists(hospital_st, min_size=0, max_size=8))
def test_counts_match_a_hand_loop(hosps):
    reg, ds = random_ds(hosps)
    gaps = target_gaps(ds, reg, layanan="kanker", status=("ada", "target"), demand="kabkota")
    for status in ("ada", "target"):
        # one strata row per hospital: status "target" counts every row, "ada" only the ada
        want = oracle_meets(hosps, status)
        g = gaps[gaps["status"] == status].set_index("kode")
        for kode, (n_here, n_listed) in want.items():
            assert (g.loc[kode, "n_hospitals"], g.loc[kode, "n_hospitals_sk"]) == \
                (n_here, n_listed), kode
        expect = np.select([(g["n_hospitals"] > 0) & (g["n_hospitals_sk"] > 0),
                            g["n_hospitals"] > 0, g["n_hospitals_sk"] > 0],
                           ["lokasi+sk", "lokasi", "sk"], default="")
        got = g["dasar_target"].fillna("").to_numpy()
        assert (got == expect).all()
        assert (g["meets_target"] == (g["n_hospitals"] + g["n_hospitals_sk"] > 0)).all()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hosps=st.lists(hospital_st, min_size=1, max_size=8), k=st.integers(1, 4))
def test_greedy_with_listings_matches_the_scenario(hosps, k):
    reg, ds = random_ds(hosps)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PengampuanWarning)
        rec = recommend_upgrades(ds, reg, layanan="kanker", k=k, demand="kabkota")
    if len(rec):
        res = upgrade_scenario(ds, reg, layanan="kanker", demand="kabkota",
                               upgrades=list(zip(rec["kode_rs"], rec["strata_after"],
                                                 strict=True)))
        change = res.summary.set_index("metric").loc["kabkota_meets_target", "change"]
        assert change == rec["cumulative"].iloc[-1]


# --- bundled data: the decree's listings ------------------------------------------------------
# KMK HK.01.07/MENKES/1277/2024 lists six hospitals under a kab/kota other than where they stand
# (data/README.md, "kode_wilayah_sk"); each is madya or higher in all four KJSU layanan.
LISTED = {"11.08": "KMK-11-011",   # Kab. Aceh Utara: RSU Cut Meutia, in Kota Lhokseumawe
          "12.04": "KMK-12-003",   # Kab. Nias: RSUD dr. M. Thomsen, in Kota Gunungsitoli
          "16.05": "KMK-16-013",   # Kab. Musi Rawas: RSUD Dr. Sobirin, in Kota Lubuklinggau
          "36.03": "R3603010",     # Kab. Tangerang: RSUD Kabupaten Tangerang, in Kota Tangerang
          "36.04": "KMK-36-004",   # Kab. Serang: RSUD Dr. Drajat Prawiranegara, in Kota Serang
          "52.06": "KMK-52-009"}   # Kab. Bima: RSU Bima, in Kota Bima


@pytest.fixture(scope="module")
def bundled_gaps() -> pd.DataFrame:
    return target_gaps(pg.load_dataset(), pg.load_regions(level="kabkota"), status="target",
                       demand="kabkota")


def test_bundled_decree_listings_meet_madya(bundled_gaps):
    kab = bundled_gaps[bundled_gaps["tingkat"] == "kabkota"]
    listed = kab[kab["kode"].isin(list(LISTED))]
    assert len(listed) == 6 * 4 and listed["meets_target"].all()
    assert set(listed["dasar_target"]) == {"sk"} and (listed["n_hospitals"] == 0).all()
    assert dict(zip(listed["kode"], listed["kode_rs_sk"], strict=True)) == LISTED
    # where they stand, they still count (issue: location vs listing)
    standing = kab[kab["kode"].isin(["11.73", "12.78"])]
    assert len(standing) == 8 and standing["meets_target"].all()
    assert set(standing["dasar_target"]) == {"lokasi"}
    # the only kab/kota left without a madya hospital: Kab. Kerinci. The decree lists RSUD
    # Mayjen H. A. Thalib (RS Online code 1501012, Kerinci's BPS prefix) under Kota Sungai
    # Penuh (Jambi no. 8), where it stands; it names no hospital for Kerinci.
    assert set(kab.loc[~kab["meets_target"], "kode"]) == {"15.01"}
    assert (kab["dasar_target"] == "sk").sum() == 6 * 4
    prov = bundled_gaps[bundled_gaps["tingkat"] == "provinsi"]
    assert (prov["n_hospitals_sk"] == 0).all()  # all six are listed in their own province


def test_bundled_summary_counts_the_listings(bundled_gaps):
    summ = target_summary(bundled_gaps)
    nat = summ[summ["tingkat"] == "nasional"].set_index("layanan")
    assert nat["n_kabkota_meets"].tolist() == [513] * 4
    assert nat["n_kabkota_meets_sk"].tolist() == [6] * 4


# --- default upgrade candidates ---------------------------------------------------------------
NAMES = {
    "U1": ("RSUD Kota Alfa", "umum"), "U2": ("RS Umum Bunda", "umum"),
    "U3": ("RS Bhayangkara Tk. III", "umum"),
    "IA1": ("RSIA Permata Hati", "ibu_anak"), "IA2": ("RS Ibu dan Anak Sehat", "ibu_anak"),
    "IA3": ("RSKIA Sadewa", "ibu_anak"), "IA4": ("RS Bersalin Mutiara", "ibu_anak"),
    "IA5": ("Rumah Sakit Ibu & Anak Bunda", "ibu_anak"),
    "IA6": ("RSB Kasih Ibu", "ibu_anak"), "IA7": ("RSAB Harapan Kita", "ibu_anak"),
    "J1": ("RS Jiwa Daerah Provinsi", "jiwa"), "J2": ("RSJ Soeprapto", "jiwa"),
    "J3": ("RSKJ Dr. Soeharto Heerdjan", "jiwa"), "J4": ("RS Ketergantungan Obat", "jiwa"),
    "M1": ("RS Mata Cicendo", "mata"), "M2": ("RS Khusus Mata SMEC", "mata"),
    "G1": ("RSGM Universitas Padjadjaran", "gigi_mulut"),
    "G2": ("RS Gigi dan Mulut Maranatha", "gigi_mulut"),
    "P1": ("RS Paru Dr. Ario Wirawan", "paru"), "O1": ("RS Orthopedi Prof. Dr. R. Soeharso",
                                                       "ortopedi"),
    "B1": ("RS Khusus Bedah Halimun", "bedah"), "T1": ("RSK THT Sari Asih", "tht"),
    "K1": ("RS Kusta Alverno", "kusta"), "X1": ("RS Khusus Daerah Dadi", "khusus"),
    "C1": ("RS Kanker Dharmais", "kanker"), "C2": ("RS Onkologi Solo", "kanker"),
    "H1": ("RS Jantung dan Pembuluh Darah Harapan Kita", "jantung"),
    "S1": ("RS Pusat Otak Nasional (RS PON)", "otak"), "S2": ("RS Stroke Nasional", "otak"),
    "N1": ("RS Khusus Ginjal Ny. R.A. Habibie", "ginjal"),
    "IN1": ("RSPI Prof. Dr. Sulianti Saroso", "infeksi"),
}


def named_ds(extra_layanan: list[tuple] = (), jenis: dict[str, str] | None = None):
    reg = grid_regions(1, 1)
    hosp = [{"kode_rs": k, "nama": n, "kab": "01.01", **({"jenis": jenis.get(k, "")}
                                                          if jenis is not None else {})}
            for k, (n, _) in NAMES.items()]
    return reg, make_ds(reg, hosp, list(extra_layanan))


def test_jenis_from_names():
    _, ds = named_ds()
    cand = upgrade_candidates(ds, layanan="kanker").set_index("kode_rs")
    assert cand["jenis_rs"].to_dict() == {k: j for k, (_, j) in NAMES.items()}
    assert set(cand["jenis_rs"]) <= set(JENIS_RS)
    assert set(cand["jenis_dari"]) == {"nama"}


@pytest.mark.parametrize(("layanan", "own_field"), [
    ("kanker", {"C1", "C2"}), ("jantung", {"H1"}), ("stroke", {"S1", "S2"}),
    ("uronefrologi", {"N1"}),
])
def test_default_candidates_per_layanan(layanan, own_field):
    _, ds = named_ds()
    cand = upgrade_candidates(ds, layanan=layanan).set_index("kode_rs")
    general = {"U1", "U2", "U3"}
    assert set(cand.index[cand["kandidat"]]) == general | own_field
    assert set(cand.index[cand["alasan"] == "rs_khusus_layanan"]) == own_field
    assert set(cand.index[cand["alasan"] == "rs_khusus_lain"]) == set(NAMES) - general - own_field


def test_decree_network_and_strata_come_first():
    # The mother-and-child hospital IA1 has a kanker row (madya target): in the network, a
    # candidate for a higher kanker strata; C1 is already kanker paripurna: never a candidate.
    _, ds = named_ds([("IA1", "kanker", "madya", "target"), ("C1", "kanker", "paripurna", "ada"),
                      ("J1", "jantung", "madya", "target")])
    cand = upgrade_candidates(ds, layanan="kanker", to_strata="utama").set_index("kode_rs")
    assert cand.loc["IA1", ["alasan", "strata_before"]].tolist() == ["jejaring_layanan", "madya"]
    assert bool(cand.loc["IA1", "kandidat"]) and bool(cand.loc["IA1", "di_jejaring"])
    assert cand.loc["C1", "alasan"] == "sudah_strata" and not cand.loc["C1", "kandidat"]
    # J1 has a row for jantung only: for kanker it stays a mental hospital
    assert cand.loc["J1", "alasan"] == "rs_khusus_lain"
    # at madya, IA1 already has it
    assert upgrade_candidates(ds, layanan="kanker").set_index("kode_rs").loc[
        "IA1", "alasan"] == "sudah_strata"


def test_typed_column_wins_over_the_name(caplog):
    # jenis: "RSU" makes RSIA Permata Hati a general hospital (renamed, say), "RSK Jiwa" makes
    # RSUD Kota Alfa a mental one; an unknown value falls back to the name (and is logged).
    jenis = {"IA1": "RSU", "U1": "RSK Jiwa", "M1": "RSK Mata", "U2": "kelas C", "G1": "RSK GM",
             "U3": "RS Umum"}
    _, ds = named_ds(jenis=jenis)
    with caplog.at_level(logging.INFO, logger="pengampuan.coverage"):
        cand = upgrade_candidates(ds, layanan="stroke").set_index("kode_rs")
    assert cand.loc["IA1", ["jenis_rs", "jenis_dari", "alasan"]].tolist() == [
        "umum", "jenis", "rs_umum"]
    assert cand.loc["U1", ["jenis_rs", "alasan"]].tolist() == ["jiwa", "rs_khusus_lain"]
    assert cand.loc["U2", ["jenis_rs", "jenis_dari"]].tolist() == ["umum", "nama"]
    assert cand.loc["G1", "jenis_rs"] == "gigi_mulut" and cand.loc["U3", "jenis_rs"] == "umum"
    assert cand.loc["J2", "jenis_dari"] == "nama"  # empty typed value: the name
    assert "1 hospital(s) have a jenis value that names no known type (e.g. 'kelas C')" \
        in caplog.text


def test_recommend_leaves_out_other_specialist_hospitals_and_says_so(caplog):
    # Every hospital stands in the one kab/kota: each of the 5 candidates (U1-U3 general,
    # C1-C2 cancer hospitals) gains it; the tie goes to the smallest kode_rs, C1.
    _, ds = named_ds()
    reg = grid_regions(1, 1)
    with caplog.at_level(logging.INFO, logger="pengampuan.coverage"):
        rec = recommend_upgrades(ds, reg, layanan="kanker", k=1, demand="kabkota")
    n_other = len(NAMES) - 3 - 2
    assert rec.attrs["n_candidates"] == 5
    assert sum(rec.attrs["excluded_jenis"].values()) == n_other
    assert rec.attrs["excluded_jenis"]["ibu_anak"] == 7
    assert rec["kode_rs"].tolist() == ["C1"]
    assert f"{n_other} of {len(NAMES)} hospitals left out as candidates" in caplog.text
    # candidates= passes any hospital, as before
    rec = recommend_upgrades(ds, reg, layanan="kanker", k=1, candidates=["IA1"],
                             demand="kabkota")
    assert rec["kode_rs"].tolist() == ["IA1"] and rec.attrs["excluded_jenis"] == {}


def test_bundled_default_candidates():
    ds = pg.load_dataset()
    rx = re.compile(r"\b(?:RSIA|RSKIA|RSB|RSJ|RSKJ|RSGM|Jiwa|Mata|Paru|Gigi|Bersalin)\b"
                    r"|Ibu dan Anak", re.IGNORECASE)
    for layanan in ("kanker", "jantung", "stroke", "uronefrologi"):
        cand = upgrade_candidates(ds, layanan=layanan)
        chosen = cand[cand["kandidat"]]
        # only hospitals registered in RS Online 2020 as general (RSU) despite their names
        named = chosen[chosen["nama"].str.contains(rx)]
        assert set(named["kode_rs"]) == {"3274064", "7471103"}, layanan
        assert set(named["jenis_rs"]) == {"umum"} and set(named["jenis_dari"]) == {"jenis_rs"}
        left = cand[cand["alasan"] == "rs_khusus_lain"]
        assert len(left) > 500, layanan  # about 540: RSIA 360, RS Jiwa 40, RS Mata 30, ...
        assert len(cand) == len(ds.rumah_sakit["kode_rs"].unique())
    kanker = upgrade_candidates(ds, layanan="kanker").set_index("kode_rs")
    assert kanker.loc["R3174063", "alasan"] == "sudah_strata"          # RS Kanker Dharmais
    assert kanker.loc["KMK-31-005", "alasan"] == "rs_khusus_lain"      # RS Jantung Harapan Kita
    stroke = upgrade_candidates(ds, layanan="stroke").set_index("kode_rs")
    assert stroke.loc["KMK-31-007", "alasan"] == "rs_khusus_lain"      # RSAB Harapan Kita
