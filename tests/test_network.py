"""Tests of pengampuan.network and ``pengampuan network`` on hand-checkable networks.

The fixture tests/data/network (see its README) is read here with plain pandas
into a Dataset, so that links the loader rejects (a cycle, a self-link, a
repeated link) can be added in memory.
"""

from __future__ import annotations

import dataclasses
import json
import math
import warnings
from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyproj import Geod

import pengampuan as pg
from pengampuan.cli import main
from pengampuan.dataset import Dataset
from pengampuan.errors import NetworkError, PengampuanWarning
from pengampuan.geo import geodesic_km, great_circle_km, lonlat_to_xyz

HERE = Path(__file__).resolve().parent
NETWORK = HERE / "data" / "network"
DEG_KM = 111.319491  # one degree of longitude on the WGS84 equator: a * pi / 180, a = 6378.137 km
BUNDLED = HERE.parent / "data" / "rumah_sakit.csv"


# ----------------------------------------------------------------------------
# fixtures
# ----------------------------------------------------------------------------
def make_dataset(folder: Path = NETWORK, *, extra_links: list[tuple[str, ...]] = ()) -> Dataset:
    """A Dataset from a folder of the four CSVs, read with plain pandas (no validation)."""
    rs = pd.read_csv(folder / "rumah_sakit.csv", dtype=str, keep_default_na=False)
    rs["lat"] = rs["lat"].astype(float)
    rs["lon"] = rs["lon"].astype(float)
    rs["tempat_tidur"] = pd.array(rs["tempat_tidur"].astype(int), dtype="Int64")
    rs["kode_prov"] = rs["kode_wilayah"].str[:2]
    rs["contoh"] = True
    gdf = gpd.GeoDataFrame(rs, geometry=gpd.points_from_xy(rs["lon"], rs["lat"]), crs="EPSG:4326")
    lay = pd.read_csv(folder / "layanan.csv", dtype=str)
    lay["tahun"] = pd.array(lay["tahun"].astype(int), dtype="Int64")
    links = pd.read_csv(folder / "jejaring.csv", dtype=str)
    if extra_links:
        links = pd.concat([links, pd.DataFrame(extra_links, columns=links.columns)],
                          ignore_index=True)
    links["mulai"] = pd.to_datetime(links["mulai"])
    links["jenis"] = "sumber"
    wil = pd.read_csv(folder / "wilayah.csv", dtype=str, keep_default_na=False)
    wil["penduduk"] = pd.array(wil["penduduk"].astype(int), dtype="Int64")
    return Dataset(rumah_sakit=gdf, layanan=lay, jejaring=links, wilayah=wil)


#: Links the loader rejects, added in memory: a repeated link, a cycle, a self-link.
BAD_LINKS = [
    ("P1", "D1", "kanker", "2023-01-01", "Berita E (contoh uji)"),
    ("D3", "P2", "kanker", "2024-06-01", "Berita F (contoh uji)"),
    ("X1", "X1", "jantung", "2024-06-01", "Berita G (contoh uji)"),
]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return make_dataset(extra_links=BAD_LINKS)


@pytest.fixture(scope="module")
def net(ds: Dataset) -> nx.MultiDiGraph:
    return pg.build_network(ds)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(geodesic_km(lat1, lon1, lat2, lon2))


# ----------------------------------------------------------------------------
# build_network
# ----------------------------------------------------------------------------
def test_nodes_carry_hospital_attributes(net: nx.MultiDiGraph) -> None:
    assert set(net.nodes) == {"N1", "N2", "P1", "P2", "D1", "D2", "D3", "X1"}
    n1 = net.nodes["N1"]
    assert n1["nama"] == "RS Nasional Kanker"
    assert (n1["kode_wilayah"], n1["kode_prov"]) == ("11.01", "11")
    assert (n1["lat"], n1["lon"]) == (0.0, 100.0)
    assert n1["nasional"] is True and n1["pengampu_nasional"] == "kanker"
    assert n1["kelas"] == "A" and n1["tempat_tidur"] == 900 and type(n1["tempat_tidur"]) is int
    assert n1["penduduk_kabkota"] == 1000 and n1["nama_kabkota"] == "Kabupaten Satu"
    assert net.nodes["P1"]["nasional"] is False and net.nodes["P1"]["pengampu_nasional"] == ""
    # D2 has kanker only as a target: no current strata attribute, a target one
    assert "strata_kanker" not in net.nodes["D2"]
    assert net.nodes["D2"]["strata_target_kanker"] == "madya"
    assert net.nodes["D1"]["strata_kanker"] == "madya"
    assert net.nodes["D1"]["strata_jantung"] == "madya"
    assert "strata_target_kanker" not in net.nodes["X1"]
    # no None anywhere: a missing value is an absent attribute
    assert all(v is not None for _, d in net.nodes(data=True) for v in d.values())


def test_graph_attributes(net: nx.MultiDiGraph, ds: Dataset) -> None:
    assert net.graph["crs"] == "EPSG:4326"
    assert net.graph["strata_order"] == "dasar;madya;utama;paripurna"
    assert net.graph["layanan"].split(";")[:4] == ["kanker", "jantung", "stroke", "uronefrologi"]
    wil = json.loads(net.graph["wilayah"])
    assert wil["12.03"] == {"nama": "Kabupaten Lima", "tingkat": "kabkota", "kode_induk": "12",
                            "penduduk": 500}
    assert len(wil) == len(ds.wilayah)


def test_edges_keyed_by_layanan_with_distances(net: nx.MultiDiGraph) -> None:
    assert sorted(net.edges(keys=True)) == sorted([
        ("N1", "P1", "kanker"), ("P1", "D1", "kanker"), ("P2", "D1", "kanker"),
        ("P2", "D3", "kanker"), ("N1", "X1", "kanker"), ("N2", "X1", "jantung"),
        ("D3", "P2", "kanker"), ("X1", "X1", "jantung"),
    ])
    e = net.edges["N1", "P1", "kanker"]
    assert e["layanan"] == "kanker" and e["jenis"] == "sumber" and e["mulai"] == "2023-03-08"
    assert e["distance_km"] == pytest.approx(DEG_KM, rel=1e-5)
    assert e["cross_province"] is False
    assert net.edges["P2", "D1", "kanker"]["cross_province"] is True  # 12 -> 11
    assert net.edges["P2", "D1", "kanker"]["distance_km"] == pytest.approx(3 * DEG_KM, rel=1e-5)
    assert net.edges["X1", "X1", "jantung"]["distance_km"] == 0.0


def test_repeated_link_is_merged_keeping_both_sources(net: nx.MultiDiGraph) -> None:
    assert net.number_of_edges("P1", "D1") == 1
    e = net.edges["P1", "D1", "kanker"]
    assert e["sumber"] == "MoU B (contoh uji); Berita E (contoh uji)"
    assert e["mulai"] == "2023-01-01"  # the earliest date


def test_dangling_codes_are_all_reported(ds: Dataset) -> None:
    bad = dataclasses.replace(ds, jejaring=pd.concat([ds.jejaring, pd.DataFrame({
        "pengampu": ["N1", "ZZ9"], "diampu": ["QQ1", "P1"], "layanan": ["kanker", "kanker"],
        "mulai": pd.to_datetime([None, None]), "sumber": ["x", "y"], "jenis": "sumber"})],
        ignore_index=True))
    with pytest.raises(NetworkError) as err:
        pg.build_network(bad)
    msg = str(err.value)
    assert "2 problem(s)" in msg
    assert ("jejaring link 10 (N1 -> QQ1, kanker), diampu: kode_rs 'QQ1' is not in "
            "rumah_sakit") in msg
    assert "jejaring link 11 (ZZ9 -> P1, kanker), pengampu: kode_rs 'ZZ9'" in msg


def test_distances_match_wgs84_geodesic() -> None:
    # 60 hospitals spread over Indonesia, 200 random links: great-circle vs pyproj.Geod (WGS84)
    rng = np.random.default_rng(7)
    n = 60
    lat = rng.uniform(-11, 6, n)
    lon = rng.uniform(95, 141, n)
    codes = [f"R{i:03d}" for i in range(n)]
    rs = gpd.GeoDataFrame({
        "kode_rs": codes, "nama": [f"RS {c}" for c in codes], "lat": lat, "lon": lon,
        "kode_wilayah": [f"{11 + i % 20:02d}.01" for i in range(n)],
        "kode_prov": [f"{11 + i % 20:02d}" for i in range(n)], "pengampu_nasional": "",
    }, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    u = rng.integers(0, n, 200)
    v = (u + rng.integers(1, n, 200)) % n
    links = pd.DataFrame({"pengampu": [codes[i] for i in u], "diampu": [codes[i] for i in v],
                          "layanan": "stroke", "sumber": "uji"}).drop_duplicates()
    empty = pd.DataFrame(columns=["kode_rs", "layanan", "strata", "status"])
    wil = pd.DataFrame(columns=["kode", "nama", "tingkat", "kode_induk", "penduduk"])
    net = pg.build_network(Dataset(rumah_sakit=rs, layanan=empty, jejaring=links, wilayah=wil))
    got, ref = [], []
    geod = Geod(ellps="WGS84")
    for a, b, d in net.edges(data=True):
        _, _, m = geod.inv(net.nodes[a]["lon"], net.nodes[a]["lat"],
                           net.nodes[b]["lon"], net.nodes[b]["lat"])
        got.append(d["distance_km"])
        ref.append(m / 1000)
    assert len(got) == len(links)
    # Link distances are on the WGS84 ellipsoid (Lambert's formula): far inside 0.5 %.
    rel = np.asarray(got) / np.asarray(ref) - 1
    assert np.abs(rel).max() < 1e-4
    assert np.abs(np.asarray(got) - np.asarray(ref)).max() < 0.02  # km


# ----------------------------------------------------------------------------
# views and summaries
# ----------------------------------------------------------------------------
def test_view_of_one_layanan(net: nx.MultiDiGraph) -> None:
    kanker = pg.network_view(net, "kanker")
    # offers kanker (target strata), or is on a kanker link (X1), not N2
    assert set(kanker.nodes) == {"N1", "P1", "P2", "D1", "D2", "D3", "X1"}
    assert {k for *_, k in kanker.edges(keys=True)} == {"kanker"}
    assert kanker.number_of_edges() == 6
    assert kanker.graph["view_layanan"] == "kanker" and kanker.graph["crs"] == "EPSG:4326"
    assert set(pg.network_view(net, "kanker", status="ada").nodes) == set(kanker.nodes) - {"D2"}
    assert set(pg.network_view(net, "jantung").nodes) == {"N2", "D1", "X1"}
    # a copy: changing the view leaves the network alone
    kanker.nodes["N1"]["nama"] = "changed"
    assert net.nodes["N1"]["nama"] == "RS Nasional Kanker"


def test_unknown_layanan_and_status_are_refused(net: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match=r"layanan='cancer' is not known; expected one of"):
        pg.network_view(net, "cancer")
    with pytest.raises(ValueError, match=r"status='now' is not known"):
        pg.network_summary(net, layanan="kanker", status="now")


def test_summary_by_hand(net: nx.MultiDiGraph) -> None:
    s = pg.network_summary(net, layanan="kanker").set_index("kode_rs")
    assert list(s.index) == ["N1", "P2", "D3", "P1", "D1", "D2", "X1"]  # most diampu first
    # N1 mentors P1 (Kota Dua, 2000) and X1 (Kabupaten Satu, 1000)
    assert s.loc["N1", "n_diampu"] == 2 and s.loc["N1", "chain_to_national"] == 0
    assert s.loc["N1", "n_kabkota_diampu"] == 2 and s.loc["N1", "kabkota_diampu"] == "11.01;11.02"
    assert s.loc["N1", "penduduk_diampu"] == 3000
    d_x1 = km(0, 100, 0.5, 100.5)
    assert s.loc["N1", "mean_distance_km"] == pytest.approx((DEG_KM + d_x1) / 2, rel=1e-5)
    assert s.loc["N1", "max_distance_km"] == pytest.approx(DEG_KM, rel=1e-5)
    assert s.loc["N1", "n_cross_province"] == 0 and bool(s.loc["N1", "nasional"])
    # D1 has two pengampu; its shortest chain is N1 -> P1 -> D1
    assert s.loc["D1", "pengampu"] == "P1;P2" and s.loc["D1", "n_pengampu"] == 2
    assert s.loc["D1", "chain_to_national"] == 2
    assert s.loc["D1", "distance_to_pengampu_km"] == pytest.approx(DEG_KM, rel=1e-5)
    # P2 mentors D1 (across provinces) and D3; P2 and D3 only reach each other (a cycle)
    assert s.loc["P2", "n_diampu"] == 2 and s.loc["P2", "n_cross_province"] == 1
    assert s.loc["P2", "penduduk_diampu"] == 2000 + 4000
    assert pd.isna(s.loc["P2", "chain_to_national"]) and pd.isna(s.loc["D3", "chain_to_national"])
    assert s.loc["P2", "pengampu"] == "D3"
    assert s.loc["P1", "chain_to_national"] == 1 and s.loc["X1", "chain_to_national"] == 1
    assert pd.isna(s.loc["X1", "strata"]) and s.loc["P1", "strata"] == "utama"
    assert s.loc["D2", "n_pengampu"] == 0 and s.loc["D2", "pengampu"] == ""
    assert pd.isna(s.loc["D2", "penduduk_diampu"]) and np.isnan(s.loc["D2", "mean_distance_km"])
    assert str(s["chain_to_national"].dtype) == "Int64"


def test_summary_ignores_self_links(net: nx.MultiDiGraph) -> None:
    s = pg.network_summary(net, layanan="jantung").set_index("kode_rs")
    assert s.loc["X1", "n_diampu"] == 0 and s.loc["X1", "pengampu"] == "N2"
    assert s.loc["N2", "n_cross_province"] == 1
    assert pd.isna(s.loc["D1", "chain_to_national"])


def test_population_unknown_gives_na(ds: Dataset) -> None:
    wil = ds.wilayah.copy()
    wil.loc[wil["kode"] == "11.01", "penduduk"] = pd.NA
    net = pg.build_network(dataclasses.replace(ds, wilayah=wil))
    assert "penduduk_kabkota" not in net.nodes["X1"]
    s = pg.network_summary(net, layanan="kanker").set_index("kode_rs")
    assert pd.isna(s.loc["N1", "penduduk_diampu"])  # X1's kab/kota has no population
    assert s.loc["P1", "penduduk_diampu"] == 2000


# ----------------------------------------------------------------------------
# checks
# ----------------------------------------------------------------------------
def test_checks_by_hand(net: nx.MultiDiGraph) -> None:
    c = pg.network_checks(net)
    assert list(c.columns) == ["check", "layanan", "kode_rs", "pengampu", "diampu", "kode_wilayah",
                               "detail", "severity"]
    got = {(r.check, r.layanan, r.kode_rs if not pd.isna(r.kode_rs) else r.kode_wilayah
            if not pd.isna(r.kode_wilayah) else None) for r in c.itertuples()}
    assert got == {
        ("cycle", "kanker", "D3"),
        ("self_link", "jantung", "X1"),
        ("strata_inversion", "kanker", "P2"),        # D3 (madya) mentors P2 (utama)
        ("diampu_lacks_layanan", "kanker", "X1"),    # N1 -> X1 for kanker
        ("orphan", "kanker", "D2"),
        ("orphan", "jantung", "D1"),
        ("orphan", "stroke", "P1"),
        ("no_national", "stroke", None),
        ("kabkota_no_path", "kanker", "12.01"),      # P2 only reached from D3
        ("kabkota_no_path", "kanker", "12.02"),      # D2, D3
        ("kabkota_no_path", "jantung", "11.02"),     # D1
        ("kabkota_no_path", "stroke", "11.02"),      # P1, no national pengampu
    }
    assert len(c) == 12
    assert list(c["severity"][:2]) == ["error", "error"]  # errors first
    cyc = c[c["check"] == "cycle"].iloc[0]
    assert cyc["detail"] in ("siklus pengampuan: RSUD Utara → RSUD Provinsi Dua Belas → RSUD Utara",
                             "siklus pengampuan: RSUD Provinsi Dua Belas → RSUD Utara → "
                             "RSUD Provinsi Dua Belas")
    inv = c[c["check"] == "strata_inversion"].iloc[0]
    assert (inv["pengampu"], inv["diampu"]) == ("D3", "P2")


def test_checks_status_and_language(net: nx.MultiDiGraph) -> None:
    c = pg.network_checks(net, layanan="kanker", status="ada", lang="en")
    assert set(c["layanan"]) == {"kanker"}
    assert not ((c["check"] == "orphan") & (c["kode_rs"] == "D2")).any()  # D2 is a target only
    kk = c[c["check"] == "kabkota_no_path"].set_index("kode_wilayah")["detail"]
    assert kk["12.02"] == ("Kabupaten Empat (12.02): 1 hospital(s) in this layanan's network, none "
                           "connected to a national pengampu")


def test_clean_network_has_no_findings() -> None:
    net = pg.build_network(make_dataset())
    c = pg.network_checks(net, layanan="kanker", status="ada")
    # the valid fixture still has X1 lacking kanker, and P2/D3 not connected
    assert set(c["check"]) == {"diampu_lacks_layanan", "kabkota_no_path", "orphan"}
    assert set(c.loc[c["check"] == "orphan", "kode_rs"]) == {"P2"}


# ----------------------------------------------------------------------------
# province view
# ----------------------------------------------------------------------------
def test_province_network_codes(net: nx.MultiDiGraph) -> None:
    t = pg.province_network(net, "11", layanan="kanker", labels=False)
    rows = {(r.kode_rs, r.pengampu_nasional, None if pd.isna(r.melalui) else r.melalui, r.hops)
            for r in t.itertuples()}
    assert rows == {("N1", "N1", None, 0), ("P1", "N1", None, 1), ("X1", "N1", None, 1),
                    ("D1", "N1", "P1", 2)}
    d1 = t.set_index("kode_rs").loc["D1"]
    assert d1["distance_km"] == pytest.approx(2 * DEG_KM, rel=1e-5)
    assert d1["sumber"] == "MoU A (contoh uji) | MoU B (contoh uji); Berita E (contoh uji)"
    assert d1["nama_melalui"] == "RSUD Provinsi Sebelas" and d1["nama_kabkota"] == "Kota Dua"
    t12 = pg.province_network(net, "12", labels=False)
    kanker12 = t12[t12["layanan"] == "kanker"]
    assert set(kanker12["kode_rs"]) == {"P2", "D2", "D3"}
    assert kanker12["pengampu_nasional"].isna().all() and kanker12["hops"].isna().all()
    jantung12 = t12[t12["layanan"] == "jantung"]
    assert list(jantung12["kode_rs"]) == ["N2"] and list(jantung12["hops"]) == [0]


def test_province_network_labels(net: nx.MultiDiGraph) -> None:
    t = pg.province_network(net, "11", layanan="kanker")
    assert list(t.columns) == ["Layanan", "Pengampu nasional", "Melalui", "Rumah sakit", "Kode RS",
                               "Kab/Kota", "Strata", "Jalur", "Jarak (km)", "Sumber", "Jenis"]
    assert set(t["Layanan"]) == {"Kanker"}
    jalur = dict(zip(t["Kode RS"], t["Jalur"], strict=True))
    assert jalur == {"N1": "pengampu nasional", "P1": "langsung", "X1": "langsung",
                     "D1": "melalui RS perantara"}
    en = pg.province_network(net, "12", layanan="kanker", lang="en")
    assert set(en["Path"]) == {"not connected"} and en.columns[0] == "Service"
    with pytest.raises(ValueError, match=r"kode_prov='99' is not a province of this network"):
        pg.province_network(net, "99")


# ----------------------------------------------------------------------------
# proposals
# ----------------------------------------------------------------------------
def test_propose_by_hand(ds: Dataset) -> None:
    p = pg.propose_network(ds, layanan="kanker")
    # P2 (utama) only has a lower pengampu (D3): nearest paripurna N1, 5 degrees.
    # D2 (madya, no pengampu): nearest utama P2, 1 degree. All others are served.
    got = {(r.pengampu, r.diampu): r.distance_km for r in p.itertuples()}
    assert got.keys() == {("N1", "P2"), ("P2", "D2")}
    assert got["N1", "P2"] == pytest.approx(5 * DEG_KM, rel=1e-5)
    assert got["P2", "D2"] == pytest.approx(DEG_KM, rel=1e-5)
    assert set(p["jenis"]) == {"usulan"} and set(p["layanan"]) == {"kanker"}
    assert set(p["sumber"]) == {"usulan: RS strata lebih tinggi terdekat (nearest_higher_strata)"}
    assert not p["jarak_perkiraan"].any()  # N1, P2 and D2 have sourced points
    # every hospital, except where an existing sourced link is the nearest: same answer here
    q = pg.propose_network(ds, layanan="kanker", skip_linked=False)
    assert set(zip(q["pengampu"], q["diampu"], strict=True)) == set(got)


def test_propose_falls_back_to_any_higher_strata(ds: Dataset) -> None:
    # no utama for jantung: D1 (madya) goes to the nearest paripurna, N2, 8 degrees away
    p = pg.propose_network(ds, layanan="jantung")
    assert list(zip(p["pengampu"], p["diampu"], strict=True)) == [("N2", "D1")]
    assert p["distance_km"].iloc[0] == pytest.approx(8 * DEG_KM, rel=1e-5)


def test_propose_with_max_load(ds: Dataset, english: None) -> None:
    # existing loads: N1 2 (P1, X1), P2 2 (D1, D3), P1 1 (D1). With max_load=2,
    # P2 is full: D2 goes to its next nearest utama, P1; N1 is full: P2 gets none.
    with pytest.warns(PengampuanWarning, match=r"1 hospital\(s\) with kanker got no proposed "
                      r"pengampu \(every candidate pengampu is full \(max_load=2\)\), "
                      r"e.g. RSUD Provinsi Dua Belas"):
        p = pg.propose_network(ds, layanan="kanker", max_load=2)
    assert list(zip(p["pengampu"], p["diampu"], strict=True)) == [("P1", "D2")]
    assert p.attrs["tanpa_pengampu"] == ["P2"]
    assert "beban maksimum 2" in p["sumber"].iloc[0]


def test_propose_reports_hospitals_without_candidates(ds: Dataset, english: None) -> None:
    with pytest.warns(PengampuanWarning, match="no hospital of a higher strata exists"):
        p = pg.propose_network(ds, layanan="stroke")
    assert p.empty and p.attrs["tanpa_pengampu"] == ["P1"]


def test_propose_refuses_bad_options(ds: Dataset) -> None:
    with pytest.raises(ValueError, match="rule='random' is not known"):
        pg.propose_network(ds, layanan="kanker", rule="random")
    with pytest.raises(ValueError, match="max_load=0 must be a whole number >= 1"):
        pg.propose_network(ds, layanan="kanker", max_load=0)


def test_proposed_links_join_the_network(ds: Dataset, net: nx.MultiDiGraph) -> None:
    p = pg.propose_network(ds, layanan="kanker")
    both = pg.build_network(ds, proposed=p)
    assert both.number_of_edges() == net.number_of_edges() + 2
    e = both.edges["P2", "D2", "kanker:usulan"]
    assert e["jenis"] == "usulan" and e["layanan"] == "kanker" and e["mulai"] == ""
    assert e["sumber"].startswith("usulan: ")
    # sourced links are untouched, and the proposal connects D2 through P2 (still not national)
    assert both.edges["P2", "D1", "kanker"]["jenis"] == "sumber"
    s = pg.network_summary(both, layanan="kanker").set_index("kode_rs")
    assert s.loc["D2", "chain_to_national"] == 2  # N1 -> P2 -> D2, both proposed
    only = pg.network_summary(both, layanan="kanker", jenis="sumber").set_index("kode_rs")
    assert pd.isna(only.loc["D2", "chain_to_national"])


def _random_dataset(data: st.DataObject) -> Dataset:
    n = data.draw(st.integers(2, 25))
    strata = data.draw(st.lists(st.sampled_from(["dasar", "madya", "utama", "paripurna", None]),
                                min_size=n, max_size=n))
    seed = data.draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    lat = rng.uniform(-11, 6, n).round(3)
    lon = rng.uniform(95, 141, n).round(3)
    codes = [f"R{i:02d}" for i in range(n)]
    nasional = ["kanker" if i == 0 and data.draw(st.booleans()) else "" for i in range(n)]
    rs = gpd.GeoDataFrame({"kode_rs": codes, "nama": codes, "lat": lat, "lon": lon,
                           "kode_wilayah": "11.01", "kode_prov": "11",
                           "pengampu_nasional": nasional},
                          geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    lay = pd.DataFrame([(c, "kanker", s, "target") for c, s in zip(codes, strata, strict=True)
                        if s is not None], columns=["kode_rs", "layanan", "strata", "status"])
    n_links = data.draw(st.integers(0, n))
    pairs = {(codes[rng.integers(n)], codes[rng.integers(n)]) for _ in range(n_links)}
    links = pd.DataFrame([(a, b, "kanker", "sumber", "uji") for a, b in pairs if a != b],
                         columns=["pengampu", "diampu", "layanan", "jenis", "sumber"])
    wil = pd.DataFrame(columns=["kode", "nama", "tingkat", "kode_induk", "penduduk"])
    return Dataset(rumah_sakit=rs, layanan=lay, jejaring=links, wilayah=wil)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_proposals_never_point_down(data: st.DataObject) -> None:
    ds = _random_dataset(data)
    max_load = data.draw(st.one_of(st.none(), st.integers(1, 4)))
    skip_linked = data.draw(st.booleans())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PengampuanWarning)
        p = pg.propose_network(ds, layanan="kanker", max_load=max_load, skip_linked=skip_linked)
    order = ds.config.strata_order
    assert (p["strata_pengampu"].map(order.index) > p["strata_diampu"].map(order.index)).all()
    assert p["diampu"].is_unique
    existing = set(zip(ds.jejaring["pengampu"], ds.jejaring["diampu"], strict=True))
    assert not existing & set(zip(p["pengampu"], p["diampu"], strict=True))
    load = pd.concat([p["pengampu"], pd.Series([a for a, _ in existing])]).value_counts()
    if max_load is not None:
        new = p["pengampu"].unique()
        assert (load[new] <= max_load).all()
    # oracle: the pengampu is the nearest hospital of ANY higher strata, unless every closer
    # one is full (max_load), which the link then says in `alasan`
    rank = ds.layanan.set_index("kode_rs")["strata"].map(order.index)
    rs = ds.rumah_sakit.set_index("kode_rs")
    for d, p_code, dist_km, alasan in zip(p["diampu"], p["pengampu"], p["distance_km"],
                                          p["alasan"], strict=True):
        pool = rank[rank > rank[d]]
        dists = pd.Series(great_circle_km(rs.loc[d, "lat"], rs.loc[d, "lon"],
                                          rs.loc[pool.index, "lat"], rs.loc[pool.index, "lon"]),
                          index=pool.index)
        assert p_code in pool.index
        # chosen on the great circle, reported on the WGS84 ellipsoid
        chosen_gc = float(great_circle_km(rs.loc[d, "lat"], rs.loc[d, "lon"],
                                          rs.loc[p_code, "lat"], rs.loc[p_code, "lon"]))
        closer = dists[dists < chosen_gc - 1e-9].index
        if len(closer):
            assert max_load is not None and alasan != ""
            assert all(load.get(c, 0) >= max_load for c in closer)  # every closer one is full
        else:
            assert alasan == ""
            assert chosen_gc == pytest.approx(float(dists.min()), rel=1e-9, abs=1e-9)
        assert dist_km == pytest.approx(km(rs.loc[d, "lat"], rs.loc[d, "lon"],
                                           rs.loc[p_code, "lat"], rs.loc[p_code, "lon"]),
                                        rel=1e-9, abs=1e-9)


# ----------------------------------------------------------------------------
# exports
# ----------------------------------------------------------------------------
def _same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))
    assert a.graph == b.graph
    for n, d in a.nodes(data=True):
        assert {k: type(v) for k, v in d.items()} == {k: type(v) for k, v in b.nodes[n].items()}
    for u, v, k, d in a.edges(keys=True, data=True):
        assert {x: type(y) for x, y in d.items()} == \
            {x: type(y) for x, y in b.edges[u, v, k].items()}


def test_graphml_round_trip(net: nx.MultiDiGraph, ds: Dataset, tmp_path: Path) -> None:
    full = pg.build_network(ds, proposed=pg.propose_network(ds, layanan="kanker"))
    path = pg.write_graphml(full, tmp_path / "jejaring.graphml")
    assert path == tmp_path / "jejaring.graphml" and not list(tmp_path.glob("*.part"))
    _same_graph(pg.read_graphml(path), full)
    # plain networkx reads it the same (it adds empty node/edge defaults)
    plain = nx.read_graphml(path, node_type=str, edge_key_type=str, force_multigraph=True)
    assert plain.graph.pop("node_default") == {} and plain.graph.pop("edge_default") == {}
    _same_graph(plain, full)
    assert type(plain.nodes["N1"]["tempat_tidur"]) is int
    assert type(plain.edges["P2", "D1", "kanker"]["cross_province"]) is bool


def test_graphml_none_and_nan(net: nx.MultiDiGraph, tmp_path: Path) -> None:
    g = net.copy()
    g.nodes["N1"]["catatan"] = None
    g.nodes["N1"]["skor"] = float("nan")
    g.nodes["P1"]["skor"] = 1.5
    g.edges["N1", "P1", "kanker"]["bobot"] = float("inf")
    g.graph["versi"] = np.int64(3)
    path = pg.write_graphml(g, tmp_path / "g.graphml")
    assert ">NaN<" in path.read_text(encoding="utf-8") and ">INF<" in path.read_text("utf-8")
    back = pg.read_graphml(path)
    assert "catatan" not in back.nodes["N1"]                   # None: not written, absent
    assert math.isnan(back.nodes["N1"]["skor"]) and back.nodes["P1"]["skor"] == 1.5
    assert back.edges["N1", "P1", "kanker"]["bobot"] == math.inf
    assert back.graph["versi"] == 3 and type(back.graph["versi"]) is int
    assert g.nodes["N1"]["catatan"] is None  # the argument is untouched


def test_graphml_refuses_unsupported_values(net: nx.MultiDiGraph, tmp_path: Path) -> None:
    g = net.copy()
    g.nodes["N1"]["daftar"] = [1, 2]
    g.edges["N1", "P1", "kanker"]["tanggal"] = pd.Timestamp("2024-01-01")
    with pytest.raises(TypeError) as err:
        pg.write_graphml(g, tmp_path / "g.graphml")
    assert "node 'N1', attribute 'daftar': list value [1, 2]" in str(err.value)
    assert "edge 'N1' -> 'P1' ['kanker'], attribute 'tanggal': Timestamp" in str(err.value)
    assert not (tmp_path / "g.graphml").exists()


def test_links_geodataframe(net: nx.MultiDiGraph) -> None:
    gdf = pg.links_geodataframe(net, max_segment_km=50)
    assert gdf.crs.to_epsg() == 4326 and len(gdf) == net.number_of_edges()
    assert list(gdf.columns) == ["pengampu", "diampu", "layanan", "nama_pengampu", "nama_diampu",
                                 "distance_km", "jarak_perkiraan", "cross_province", "jenis",
                                 "bukti", "sumber", "mulai", "contoh", "geometry"]
    # D3 alone has an approximate point (lokasi_presisi = kabkota): only its links are marked
    approx = gdf.loc[gdf["jarak_perkiraan"], ["pengampu", "diampu"]]
    assert {tuple(r) for r in approx.to_numpy()} == {("P2", "D3"), ("D3", "P2")}
    assert (gdf["jarak_perkiraan"] == ((gdf["pengampu"] == "D3") | (gdf["diampu"] == "D3"))).all()
    row = gdf[(gdf["pengampu"] == "N2") & (gdf["diampu"] == "X1")].iloc[0]
    assert row["nama_pengampu"] == "RS Nasional Jantung" and bool(row["cross_province"])
    xy = np.asarray(row.geometry.coords)
    assert tuple(xy[0]) == (110.0, 0.0) and tuple(xy[-1]) == (100.5, 0.5)
    seg_km = great_circle_km(xy[:-1, 1], xy[:-1, 0], xy[1:, 1], xy[1:, 0])
    assert seg_km.max() <= 50 + 1e-9
    # the arc is drawn on the sphere; distance_km is the WGS84 length (within 0.6 % of it)
    assert seg_km.sum() == pytest.approx(
        float(great_circle_km(0.0, 110.0, 0.5, 100.5)), rel=1e-9)
    assert seg_km.sum() == pytest.approx(row["distance_km"], rel=6e-3)
    # every vertex lies on the great circle through the end points
    pts = lonlat_to_xyz(xy[:, 0], xy[:, 1])
    normal = np.cross(pts[0], pts[-1])
    np.testing.assert_allclose(pts @ normal, 0, atol=1e-12)
    only = pg.links_geodataframe(net, layanan="jantung")
    assert set(only["layanan"]) == {"jantung"} and len(only) == 2
    with pytest.raises(ValueError, match="max_segment_km=0 must be > 0"):
        pg.links_geodataframe(net, max_segment_km=0)


# ----------------------------------------------------------------------------
# command line
# ----------------------------------------------------------------------------
def test_cli_summary_and_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gml, geo, csv = tmp_path / "k.graphml", tmp_path / "k.geojson", tmp_path / "k.csv"
    code = main(["network", "--data", str(NETWORK), "--layanan", "kanker", "--graphml", str(gml),
                 "--geojson", str(geo), "--csv", str(csv)])
    out = capsys.readouterr().out
    assert code == 0
    assert ("Jejaring pengampuan Kanker (strata target): 7 RS, 5 tautan (1 lintas provinsi), "
            "1 pengampu nasional") in out
    assert "Rantai ke nasional" in out and "RSUD Provinsi Sebelas" in out
    g = pg.read_graphml(gml)
    assert {k for *_, k in g.edges(keys=True)} == {"kanker"} and g.number_of_edges() == 5
    links = gpd.read_file(geo)
    assert len(links) == 5 and links.crs.to_epsg() == 4326
    assert set(links.geom_type) == {"LineString"}
    summ = pd.read_csv(csv, dtype={"kode_prov": str})
    assert len(summ) == 7 and set(summ["layanan"]) == {"kanker"}


def test_cli_province_and_checks(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["network", "--data", str(NETWORK), "--layanan", "kanker", "--provinsi", "11",
                 "--checks"])
    out = capsys.readouterr().out
    assert code == 0  # findings, but no error-level one (cycles are refused by the loader)
    assert "provinsi Provinsi Sebelas (11): 4 RS" in out
    assert "Pengampu nasional di provinsi Provinsi Sebelas (11)" in out
    assert "melalui RS perantara" in out
    assert "Pemeriksaan jejaring: 1 temuan (diampu_lacks_layanan 1)" in out


def test_cli_english_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--lang", "en", "network", "--data", str(NETWORK), "--layanan", "kanker",
                 "--layanan", "jantung", "--limit", "2"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Mentoring network Cancer" in out and "Mentoring network Heart" in out
    assert "... 5 more hospitals not shown" in out
    pg.settings.reset()


def test_cli_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["network", "--data", str(tmp_path / "nothing")]) == 3


# ----------------------------------------------------------------------------
# bundled data
# ----------------------------------------------------------------------------
needs_bundled = pytest.mark.skipif(not BUNDLED.exists(),
                                   reason="data/rumah_sakit.csv is not generated yet")


@pytest.fixture(scope="module")
def bundled_net() -> tuple[Dataset, nx.MultiDiGraph]:
    data = pg.load_dataset()
    return data, pg.build_network(data)


def _code_of(data: Dataset, fragment: str) -> str:
    rs = data.rumah_sakit
    hit = rs[rs["nama"].str.contains(fragment, case=False, regex=False)]
    assert len(hit) == 1, f"{fragment!r} matches {list(hit['nama'])}"
    return str(hit["kode_rs"].iloc[0])


@needs_bundled
def test_bundled_every_link_is_in_the_graph(bundled_net: tuple[Dataset, nx.MultiDiGraph]) -> None:
    data, net = bundled_net
    for row in data.jejaring.itertuples():
        edge = net.get_edge_data(row.pengampu, row.diampu, row.layanan)
        assert edge is not None, row
        assert row.sumber in edge["sumber"]


@needs_bundled
def test_bundled_banten_seven_national(bundled_net: tuple[Dataset, nx.MultiDiGraph]) -> None:
    _, net = bundled_net
    national_to_banten = {u for u, v, d in net.edges(data=True)
                          if net.nodes[u]["nasional"] and net.nodes[v]["kode_prov"] == "36"
                          and d["jenis"] == "sumber" and d["sumber"]}
    assert len(national_to_banten) == 7


@needs_bundled
def test_bundled_jawa_barat_led_by_hasan_sadikin(
        bundled_net: tuple[Dataset, nx.MultiDiGraph]) -> None:
    data, net = bundled_net
    rshs = _code_of(data, "Hasan Sadikin")
    for lay in ("kanker", "jantung", "stroke", "uronefrologi"):
        s = pg.network_summary(net, layanan=lay)
        jabar = s[s["kode_prov"] == "32"]
        if jabar["n_diampu"].max() > 0:
            assert jabar.iloc[0]["kode_rs"] == rshs, lay
    assert any(net.nodes[v]["kode_prov"] == "32" for v in net.successors(rshs))


@needs_bundled
def test_bundled_rejang_lebong_links(bundled_net: tuple[Dataset, nx.MultiDiGraph]) -> None:
    data, net = bundled_net
    rl = _code_of(data, "Rejang Lebong")
    rows = data.jejaring[(data.jejaring["diampu"] == rl) | (data.jejaring["pengampu"] == rl)]
    assert len(rows) > 0
    for row in rows.itertuples():
        assert row.sumber in net.edges[row.pengampu, row.diampu, row.layanan]["sumber"]


@needs_bundled
def test_bundled_whole_country_runs(bundled_net: tuple[Dataset, nx.MultiDiGraph]) -> None:
    # timings: benchmarks/bench_network.py (no timing assertion here)
    data, net = bundled_net
    for lay in pg.KJSU:
        s = pg.network_summary(net, layanan=lay)
        assert s["kode_rs"].is_unique and len(s) > 0
    checks = pg.network_checks(net)
    assert set(checks["severity"]) <= {"error", "warning"}
    assert not (checks["check"].isin(["cycle", "self_link"])).any()  # the loader refuses them


def test_network_summary_of_one_province(bundled_ds: pg.Dataset, english: None) -> None:
    net = pg.build_network(bundled_ds, bukti=None)
    full = pg.network_summary(net, layanan="jantung", bukti=("regulasi", "dokumen", "berita",
                                                             "inferensi"))
    one = pg.network_summary(net, layanan="jantung", provinsi="banten",
                             bukti=("regulasi", "dokumen", "berita", "inferensi"))
    local = one[~one["luar_provinsi"]]
    assert set(local["kode_prov"]) == {"36"}
    assert set(local["kode_rs"]) == set(full.loc[full["kode_prov"] == "36", "kode_rs"])
    # the partners outside are those linked to a hospital of the province
    links = pg.links_geodataframe(net)
    links = links[links["layanan"] == "jantung"]
    touching = links[links["pengampu"].isin(local["kode_rs"])
                     | links["diampu"].isin(local["kode_rs"])]
    partners = (set(touching["pengampu"]) | set(touching["diampu"])) - set(local["kode_rs"])
    assert set(one.loc[one["luar_provinsi"], "kode_rs"]) == partners and partners
    # a row's figures are those of the national summary
    both = one.merge(full, on="kode_rs", suffixes=("", "_all"))
    assert (both["n_diampu"] == both["n_diampu_all"]).all()
    assert pg.network_summary(net, layanan="jantung", provinsi=36).equals(
        pg.network_summary(net, layanan="jantung", provinsi="Banten"))
    with pytest.raises(ValueError, match="not known"):
        pg.network_summary(net, layanan="jantung", provinsi="Atlantis")
