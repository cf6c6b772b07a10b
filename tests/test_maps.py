"""Maps: render each map and inspect the page data (layers, legend, popups, escaping, offline)."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import pengampuan as pg
from pengampuan import maps
from pengampuan.maps import layers

XSS = "<img src=x onerror=alert(1)>"


# --- helpers -----------------------------------------------------------------------------
def tiny_access(tiny_regions: gpd.GeoDataFrame, travel_min: list[float]) -> gpd.GeoDataFrame:
    """An access frame with the documented district_access columns, values set by hand."""
    acc = tiny_regions.copy()
    acc["kode_rs"] = ["RS0002", "RS0001", pd.NA]
    acc["nama_rs"] = ["RSUD Alfa", "RS Nasional Satu", pd.NA]
    acc["distance_km"] = [0.0, 0.0, np.inf]
    acc["travel_min"] = travel_min
    acc["threshold_min"] = 120.0
    acc["within_threshold"] = [t <= 120 for t in travel_min]
    return acc


def tiny_gaps() -> pd.DataFrame:
    """target_gaps-like rows: Alfa and Beta meet the kab/kota target for jantung, Gama not."""
    rows = []
    for lay in ("jantung", "kanker"):
        for kode, nama, tingkat, induk, met in [
            ("01", "Provinsi Satu", "provinsi", "", True),
            ("02", "Provinsi Dua", "provinsi", "", lay == "jantung"),
            ("01.01", "Kabupaten Alfa", "kabkota", "01", True),
            ("01.02", "Kota Beta", "kabkota", "01", True),
            ("02.01", "Kabupaten Gama", "kabkota", "02", lay == "jantung"),
        ]:
            rows.append({"kode": kode, "nama": nama, "tingkat": tingkat, "kode_induk": induk,
                         "layanan": lay,
                         "target_strata": "utama" if tingkat == "provinsi" else "madya",
                         "n_hospitals": int(met), "meets_target": met,
                         "nearest_kode_rs": "RS0001", "nearest_nama": "RS Nasional Satu",
                         "distance_km": 0.0 if met else 222.4, "penduduk": 1000})
    return pd.DataFrame(rows)


def page_of(m) -> str:  # noqa: ANN001 - folium.Map
    return m.get_root().render()


def js_value(page: str, name: str):  # noqa: ANN201
    """The JSON assigned to ``var <name> = ...;`` in the page script."""
    found = re.search(rf"var {name} = (.*?);\n", page)
    assert found, f"no 'var {name}' in the page"
    return json.loads(found.group(1))


def decode(ring: list[int], prec: int) -> list[tuple[float, float]]:
    """Independent decoding of a delta-encoded ring: [(lat, lon), ...]."""
    lat = np.cumsum(ring[0::2]) / 10 ** prec
    lon = np.cumsum(ring[1::2]) / 10 ** prec
    return list(zip(lat.tolist(), lon.tolist(), strict=True))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(page)
    return p.tags


@pytest.fixture(scope="module")
def tiny_net(tiny_ds: pg.Dataset):  # noqa: ANN201
    return pg.build_network(tiny_ds)


@pytest.fixture(scope="module")
def access_page(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame, tiny_net) -> str:  # noqa: ANN001
    acc = {"jantung": tiny_access(tiny_regions, [10.0, 45.0, np.inf]),
           "kanker": tiny_access(tiny_regions, [100.0, 300.0, np.inf])}
    return page_of(pg.map_access(acc, tiny_ds, network=tiny_net, gaps=tiny_gaps(),
                                 status="ada", offline=True))


@pytest.fixture(scope="module")
def national(bundled_ds: pg.Dataset) -> dict[str, object]:
    reg = pg.load_regions()
    acc = {lay: pg.district_access(bundled_ds, reg, layanan=lay, status="target")
           for lay in ("kanker", "jantung", "stroke", "uronefrologi")}
    gaps = pg.target_gaps(bundled_ds, reg, status="target")
    return {"reg": reg, "acc": acc, "gaps": gaps, "net": pg.build_network(bundled_ds)}


# --- map_access ------------------------------------------------------------------------------
def test_access_layers_one_per_layanan(access_page: str) -> None:
    data = js_value(access_page, "D")
    assert data["layanan"] == ["jantung", "kanker"]
    assert [data["lay"][k]["n"] for k in data["layanan"]] == ["Jantung", "Kanker"]
    t = data["T"]
    assert [t["provinces"], t["links"], t["hospitals"], t["tiles"]] == [
        "Batas provinsi", "Jejaring pengampuan", "Rumah sakit",
        "Peta latar OpenStreetMap (perlu internet)"]


def test_access_polygons_embedded_once_with_all_layanan(access_page: str,
                                                         tiny_regions: gpd.GeoDataFrame) -> None:
    wil = js_value(access_page, "D")["wil"]
    assert wil["nama"] == ["Kabupaten Alfa", "Kota Beta", "Kabupaten Gama"]
    assert len(wil["g"]) == 3 and access_page.count('"g":[') == 1  # one set for both layanan
    # the geometry decodes back to the squares of the tiny regions
    prec = js_value(access_page, "D")["prec"]
    got = decode(wil["g"][0][0][0], prec)
    x0, y0, x1, y1 = tiny_regions.geometry.iloc[0].bounds
    assert {round(v, 4) for p in got for v in p} == {round(v, 4) for v in (x0, y0, x1, y1)}
    # 10 min -> first class, 45 min -> second, inf (no capable hospital) -> grey;
    # kanker: 100 min -> 1-2 h class, 300 min -> 4-8 h class
    assert wil["v"]["jantung"]["c"] == ["#ffffb2", "#fed976", "#9e9e9e"]
    assert wil["v"]["kanker"]["c"] == ["#feb24c", "#fc4e2a", "#9e9e9e"]
    assert wil["v"]["jantung"]["m"] == [1, 1, 1] and wil["v"]["kanker"]["m"] == [1, 1, 0]
    assert wil["pop"] == [2000, 1000, 500] and wil["popText"][0] == "2.000"


def test_access_popup_cells(access_page: str) -> None:
    wil = js_value(access_page, "D")["wil"]
    assert wil["cols"] == ["Waktu tempuh (perkiraan)", "RS terdekat", "Target kab/kota"]
    alfa, _, gama = (wil["v"]["jantung"]["r"][i] for i in range(3))
    assert alfa[:2] == ["10 menit \u00b7 0,0 km", "RSUD Alfa"]
    assert alfa[2] == '<span class="pg-ok">tercapai</span>'
    assert "Target provinsi: " in alfa[3]
    assert wil["sub"][0] == "Provinsi Satu"  # province name from ds.wilayah
    assert wil["v"]["kanker"]["r"][0][0] == "1 jam 40 menit \u00b7 0,0 km"
    assert gama[0] == "tidak ada RS yang mampu"
    assert wil["v"]["kanker"]["r"][2][2] == '<span class="pg-no">belum tercapai</span>'
    assert "Dalam ambang (2 jam): tidak" in gama[3]


def test_access_hospitals_and_links(access_page: str) -> None:
    data = js_value(access_page, "D")
    by_name = {h[4]: h for h in data["rs"]}
    assert set(by_name) == {"RS Nasional Satu", "RSUD Alfa", "RSUD Gama", "RSUD Alfa Selatan"}
    # strata ranks (dasar 0 .. paripurna 3) for status "ada"; RS0004's jantung is only a target
    assert by_name["RS Nasional Satu"][3] == {"jantung": 3, "kanker": 3}
    assert by_name["RSUD Alfa Selatan"][3] == {"kanker": 1}
    # lokasi_presisi = kabkota -> drawn as an approximate location (flag 1)
    assert [by_name[n][2] & layers.FLAG_APPROX for n in ("RSUD Alfa", "RSUD Alfa Selatan")] == [
        0, 1]
    assert by_name["RSUD Alfa"][:2] == [0.5, 100.5]
    assert len(data["links"]["jantung"]) == 3 and len(data["links"]["kanker"]) == 2
    names = [h[4] for h in data["rs"]]
    first = data["links"]["kanker"][0]
    assert (names[first[0]], names[first[1]], first[2]) == ("RS Nasional Satu", "RSUD Alfa", 0)
    assert "km" in first[3]  # the link's great-circle length


def test_access_popup_lists_layanan_strata_pengampu_source(access_page: str) -> None:
    data = js_value(access_page, "D")
    alfa = {h[4]: h for h in data["rs"]}["RSUD Alfa"]
    assert alfa[5] == "RS0002 \u00b7 kelas B \u00b7 Kabupaten Alfa"
    rows = {r[0]: r for r in alfa[6]}
    assert rows["Jantung"][1:3] == ["Madya (kab/kota) (ada 2023)",
                                    ["RS Nasional Satu", "RSUD Gama"]]
    assert rows["Kanker"][1:4] == ["Utama (provinsi) (ada 2023)", ["RS Nasional Satu"],
                                   ["RSUD Alfa Selatan"]]  # whom it mentors, listed
    assert [data["src"][i] for i in alfa[7]] == ["contoh uji (sintetis)"]
    assert alfa[8] == "Lokasi: koordinat dari sumber yang dikutip"
    approx = {h[4]: h for h in data["rs"]}["RSUD Alfa Selatan"]
    assert approx[8] == "Lokasi perkiraan: titik di dalam kab/kota (bukan lokasi RS)"


def test_access_legend_title_notice_summary(access_page: str) -> None:
    panels = js_value(access_page, "P")
    legend = panels["legend"]
    assert "Perkiraan waktu tempuh ke RS terdekat" in legend
    # the units are on the classes, not a "menit" title above classes in "jam"
    assert "1\u20132 jam" in legend and "terdekat (strata minimal Madya (kab/kota))</div>" in legend
    assert "lokasi perkiraan (desa/kecamatan dari alamat, atau titik di dalam kab/kota)" in legend
    assert "usulan" in legend and "Belum memenuhi target kab/kota" in legend
    assert "Strata: yang sudah ada" in panels["title"]
    assert "DATA CONTOH" in panels["title"]  # the tiny data is illustrative
    # summary: jantung: 2/2 provinces, 3/3 kab/kota; kanker: 1/2, 2/3
    rows = re.findall(r"<tr><td>(\w+)</td><td>([\d/]+)</td><td>([\d/]+)</td>", panels["summary"])
    assert rows == [("Jantung", "2/2", "3/3"), ("Kanker", "1/2", "2/3")]
    # population within the threshold (jantung 120 min): Alfa 2000 + Beta 1000 of 3500
    assert "<td>86% (2 jam)</td>" in panels["summary"]
    assert "Sumber data dan lisensi" in panels["summary"]
    assert re.search(r"Dibuat \d{4}-\d\d-\d\d dengan pengampuan \d", panels["summary"])


def test_access_page_head(access_page: str) -> None:
    assert access_page.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in access_page
    assert f'<meta name="generator" content="pengampuan {pg.__version__}">' in access_page
    data = js_value(access_page, "D")
    assert data["tiles"]["url"].startswith("https://tile.openstreetmap.org/")
    # the page script creates the tiles with a referrer policy and never adds them by itself
    script = (maps.STATIC_DIR / "page.js").read_text(encoding="utf-8")
    assert 'referrerPolicy: "strict-origin-when-cross-origin"' in script
    assert "tiles.addTo(" not in script and "addLayer(tiles)" not in script
    assert "L.control.scale({imperial: false" in script


def test_access_offline_by_default(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    page = page_of(pg.map_access(tiny_access(tiny_regions, [1.0, 2.0, 3.0]), tiny_ds,
                                 layanan="jantung"))
    for tag, attrs in tags(page):
        url = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
        assert not url or not re.match(r"(https?:)?//", url), (tag, url)
    assert "L.map(" in page and 'version="1.9.4"' in page  # Leaflet inlined
    assert "function pengampuanPage(" in page
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()
    maps.check_offline(page)


def test_access_online_links_only_leaflet(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    acc = tiny_access(tiny_regions, [1.0, 2.0, 3.0])
    monkeypatch.setattr(pg.settings, "offline", False)
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", offline=False))
    srcs = [a.get("src") or a.get("href") for t, a in tags(page) if t in ("script", "link")]
    assert sorted(s for s in srcs if s) == [
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"]
    with pytest.raises(ValueError, match="not self-contained"):
        maps.check_offline(page)
    # PENGAMPUAN_OFFLINE / settings.offline: no CDN even when asked for
    monkeypatch.setattr(pg.settings, "offline", True)
    maps.check_offline(page_of(pg.map_access(acc, tiny_ds, layanan="jantung", offline=False)))


def test_access_english(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    page = page_of(pg.map_access(tiny_access(tiny_regions, [10.0, 90.0, np.inf]), tiny_ds,
                                 layanan="jantung", lang="en", status="target"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    data = js_value(page, "D")
    assert data["lay"]["jantung"]["n"] == "Heart" and data["T"]["hospitals"] == "Hospitals"
    panels = js_value(page, "P")
    assert "Estimated travel time" in panels["legend"] and "1\u20132 h" in panels["legend"]
    assert ("approximate location (village/sub-district from the address, or a point inside the "
            "district)") in panels["legend"]
    assert "Strata: targets" in panels["title"]
    assert data["wil"]["v"]["jantung"]["r"][1][0] == "1 h 30 min \u00b7 0.0 km"


def test_access_single_frame_needs_layanan(tiny_ds: pg.Dataset,
                                           tiny_regions: gpd.GeoDataFrame) -> None:
    acc = tiny_access(tiny_regions, [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="cannot tell which layanan"):
        pg.map_access(acc, tiny_ds)
    acc.attrs = {"layanan": "kanker", "status": "target", "min_strata": "utama"}  # as set by
    page = page_of(pg.map_access(acc, tiny_ds))                   # district_access
    assert js_value(page, "D")["layanan"] == ["kanker"]
    assert "Strata: target" in page and "strata minimal Utama (provinsi)" in page
    long = pd.concat([acc.assign(layanan="stroke"), acc.assign(layanan="jantung")])
    assert js_value(page_of(pg.map_access(long, tiny_ds)), "D")["layanan"] == ["stroke",
                                                                                  "jantung"]


def test_access_default_status_is_target(tiny_ds: pg.Dataset,
                                         tiny_regions: gpd.GeoDataFrame) -> None:
    page = page_of(pg.map_access(tiny_access(tiny_regions, [1.0, 2.0, 3.0]), tiny_ds,
                                 layanan="jantung"))
    assert "Strata: target (yang direncanakan" in js_value(page, "P")["title"]
    # status target: RS0004 has jantung madya as a target -> drawn for jantung
    assert {h[4]: h[3] for h in js_value(page, "D")["rs"]}["RSUD Alfa Selatan"] == {
        "jantung": 1}


def test_access_empty_because_of_status_says_so(tiny_ds: pg.Dataset,
                                                tiny_regions: gpd.GeoDataFrame) -> None:
    acc = tiny_access(tiny_regions, [np.inf] * 3).assign(distance_km=np.inf)
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", status="ada"))
    title = js_value(page, "P")["title"]
    assert "Jantung: tidak ada RS dengan strata \u2265 Madya (kab/kota) berstatus 'ada'" in title
    assert "status=&#x27;target&#x27;" in title or "status='target'" in title
    assert "--status target" in title
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", status="ada", lang="en"))
    assert "use status='target'" in html.unescape(js_value(page, "P")["title"])


def test_access_new_columns_in_popups(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    acc = tiny_access(tiny_regions, [10.0, 45.0, np.inf]).assign(
        share_within_threshold=[1.0, 0.25, 0.0], share_nearest_approx=[0.3, 0.6, 0.0],
        lokasi_presisi=["sumber", "kabkota", pd.NA])
    lay = tiny_ds.layanan.assign(bukti="regulasi")
    jej = tiny_ds.jejaring.assign(bukti=["berita", "dokumen", "berita", "inferensi", "berita"])
    ds = dataclasses.replace(tiny_ds, layanan=lay, jejaring=jej)
    page = page_of(pg.map_access(acc, ds, layanan="jantung", network=pg.build_network(ds)))
    data = js_value(page, "D")
    rows = data["wil"]["v"]["jantung"]["r"]
    assert "Penduduk dalam ambang (2 jam): 25%" in rows[1][3]
    assert rows[1][1] == 'RS Nasional Satu <span class="pg-meta">(lokasi perkiraan)</span>'
    # the hospital named has a sourced point: not called approximate although 30 % of the
    # people are served by an approximate one (their share has its own line)
    assert "lokasi perkiraan" not in rows[0][1]
    assert "Penduduk dengan RS terdekat di lokasi perkiraan: 30%" in rows[0][3]
    alfa = {h[4]: h for h in data["rs"]}["RSUD Alfa"]
    jantung = {r[0]: r for r in alfa[6]}["Jantung"]
    assert jantung[1] == "Madya (kab/kota) (ada 2023; bukti regulasi)"
    assert jantung[2] == ["RS Nasional Satu (bukti berita)", "RSUD Gama (bukti berita)"]
    assert any("bukti: dokumen" in x[3] for x in data["links"]["jantung"])


def test_access_bad_input(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                          english: None) -> None:
    acc = tiny_access(tiny_regions, [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="layanan='paru' is not known"):
        pg.map_access(acc, tiny_ds, layanan="paru")
    with pytest.raises(ValueError, match=r"lacks the column\(s\) \['travel_min'\]"):
        pg.map_access(acc.drop(columns="travel_min"), tiny_ds, layanan="jantung")
    with pytest.raises(ValueError, match="lang='fr' is not known"):
        pg.map_access(acc, tiny_ds, layanan="jantung", lang="fr")
    with pytest.raises(ValueError, match="variable='time' is not known"):
        pg.map_access(acc, tiny_ds, layanan="jantung", variable="time")  # type: ignore[arg-type]
    with pytest.raises(pg.CRSError, match="has no CRS"):
        pg.map_access(acc.set_crs(None, allow_override=True), tiny_ds, layanan="jantung")
    dup = pd.concat([acc, acc.iloc[[0]]])
    with pytest.raises(ValueError, match="1 duplicated kode, e.g. '01.01'"):
        pg.map_access(dup, tiny_ds, layanan="jantung")
    with pytest.raises(ValueError, match="provinsi 'Tiga' is not known"):
        pg.map_access(acc, tiny_ds, layanan="jantung", provinsi="Tiga")


def test_access_distance_variable(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    acc = tiny_access(tiny_regions, [1.0, 2.0, 3.0]).assign(distance_km=[30.0, 900.0, np.nan])
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", variable="distance_km"))
    data = js_value(page, "D")
    assert data["wil"]["v"]["jantung"]["c"] == ["#fed976", "#b10026", "#f2f2f2"]
    assert data["wil"]["v"]["jantung"]["r"][0][0] == "30 km \u00b7 1 menit"
    assert "Jarak garis lurus ke RS terdekat" in js_value(page, "P")["legend"]


# --- province scope (bundled data) ---------------------------------------------------------
def test_province_map(bundled_ds: pg.Dataset, national: dict) -> None:  # noqa: ANN001
    m = pg.map_access(national["acc"], bundled_ds, network=national["net"],
                      gaps=national["gaps"], provinsi="bengkulu")
    page = page_of(m)
    data, panels = js_value(page, "D"), js_value(page, "P")
    assert len(data["wil"]["kode"]) == 10 and all(k.startswith("17.") for k in data["wil"]["kode"])
    assert "Provinsi Bengkulu" in panels["title"] and data["provinces"] is None
    assert data["table"] is True and "Kab/kota (10)" in panels["summary"]
    assert "Ringkasan capaian target: Bengkulu" in panels["summary"]
    assert data["ctx"] and len(data["ctx"]) >= 3  # neighbours: Sumbar, Jambi, Sumsel, Lampung
    local = [h for h in data["rs"] if not h[2] & layers.FLAG_OUTSIDE]
    outside = [h for h in data["rs"] if h[2] & layers.FLAG_OUTSIDE]
    assert local and all("Bengkulu" in h[5] or "Kabupaten" in h[5] for h in local)
    # every outside hospital is a partner of a link that touches the province, at its place
    names = [h[4] for h in data["rs"]]
    for lay, links in data["links"].items():
        for i, j, *_ in links:
            assert not (data["rs"][i][2] & layers.FLAG_OUTSIDE
                        and data["rs"][j][2] & layers.FLAG_OUTSIDE), (lay, names[i], names[j])
    assert outside and all("di luar provinsi" in h[5] for h in outside)
    assert js_value(page_of(pg.map_access(national["acc"], bundled_ds, provinsi=17)),
                    "D")["wil"]["kode"] == data["wil"]["kode"]


def test_province_scope_from_the_data(bundled_ds: pg.Dataset, national: dict) -> None:  # noqa: ANN001
    # one province's kab/kota make a province map without provinsi=
    acc = national["acc"]["stroke"]
    acc = acc[acc["kode_induk"] == "17"]
    page = page_of(pg.map_access(acc, bundled_ds))
    data = js_value(page, "D")
    assert "Provinsi Bengkulu" in js_value(page, "P")["title"] and data["ctx"]
    # no neighbour's hospital floats in the sea: only Bengkulu's (no network: no partners)
    assert all(not h[2] & layers.FLAG_OUTSIDE for h in data["rs"])
    assert all(-5.5 < h[0] < -2.0 and 101.0 < h[1] < 104.0 for h in data["rs"])


def test_national_picker_and_size(bundled_ds: pg.Dataset, national: dict) -> None:  # noqa: ANN001
    page = page_of(pg.map_access(national["acc"], bundled_ds, network=national["net"],
                                 gaps=national["gaps"]))
    data = js_value(page, "D")
    assert len(data["provinces"]) == 38 and len(data["wil"]["kode"]) == 514
    bengkulu = next(p for p in data["provinces"] if p[0] == "17")
    assert bengkulu[1] == "Bengkulu" and "Ringkasan capaian target: Bengkulu" in bengkulu[3]
    assert bengkulu[2][0][0] < -5 < bengkulu[2][1][0]  # its south and north edges
    assert 'class="pg-pick"' in js_value(page, "P")["title"]
    assert data["prec"] == 4
    size_mb = len(page.encode()) / 1e6
    assert size_mb < 2.5, f"national map with 4 layanan and the network: {size_mb:.2f} MB"
    province = page_of(pg.map_access(national["acc"], bundled_ds, network=national["net"],
                                     gaps=national["gaps"], provinsi="Jawa Barat"))
    assert len(province.encode()) / 1e6 < 0.8


# --- escaping ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [XSS, "{{ 7*7 }}", "</script><script>alert(1)</script>",
                                  "RS 'Kasih' & \"Ibu\" `${alert(1)}`"])
def test_user_text_is_escaped(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                              tiny_net, name: str) -> None:  # noqa: ANN001
    rs = tiny_ds.rumah_sakit.copy()
    rs.loc[rs["kode_rs"] == "RS0002", "nama"] = name
    ds = dataclasses.replace(tiny_ds, rumah_sakit=rs)
    acc = tiny_access(tiny_regions, [1.0, 2.0, 3.0]).assign(nama_rs=[name, "x", "y"],
                                                              nama=[name, "Kota Beta", "Gama"])
    page = page_of(pg.map_access(acc, ds, network=pg.build_network(ds), layanan="jantung",
                                 title=name))
    script_part = page.split("</title>", 1)[1]
    assert name not in script_part  # only escaped forms reach the page
    assert "<img" not in script_part and "</script><script>" not in script_part
    escaped = html.escape(name)
    data = js_value(page, "D")
    assert escaped in {h[4] for h in data["rs"]}
    assert data["wil"]["nama"][0] == escaped and data["wil"]["v"]["jantung"]["r"][0][1] == escaped
    assert f"<title>{escaped}</title>" in page
    assert "{{" not in script_part  # never left for a template engine to evaluate


def test_layer_names_are_escaped(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    info = dataclasses.replace(tiny_ds.config.layanan["jantung"], label_id="<b>J</b> {{x}}")
    cfg = tiny_ds.config.replace(layanan={**tiny_ds.config.layanan, "jantung": info})
    ds = dataclasses.replace(tiny_ds, config=cfg)
    page = page_of(pg.map_access(tiny_access(tiny_regions, [1.0, 2.0, 3.0]), ds,
                                 layanan="jantung"))
    assert js_value(page, "D")["lay"]["jantung"]["n"] == "&lt;b&gt;J&lt;/b&gt; {{x}}"
    assert "{{" not in page.split("</title>", 1)[1]


def test_source_urls_become_safe_links(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame
                                       ) -> None:
    rs = tiny_ds.rumah_sakit.copy()
    rs.loc[rs["kode_rs"] == "RS0002", "sumber"] = (
        'Berita https://kab.go.id/a?b=1&c="x" lalu javascript:alert(1) <b>')
    ds = dataclasses.replace(tiny_ds, rumah_sakit=rs)
    data = js_value(page_of(pg.map_access(tiny_access(tiny_regions, [1.0, 2.0, 3.0]), ds,
                                          layanan="jantung")), "D")
    src = next(s for s in data["src"] if "kab.go.id" in s)
    assert src == ('Berita <a href="https://kab.go.id/a?b=1&amp;c=" target="_blank" '
                   'rel="noopener noreferrer">https://kab.go.id/a?b=1&amp;c=</a>&quot;x&quot; '
                   'lalu javascript:alert(1) &lt;b&gt;')


# --- map_network / map_coverage ------------------------------------------------------------------
def test_map_network(tiny_ds: pg.Dataset, tiny_net) -> None:  # noqa: ANN001
    page = page_of(pg.map_network(tiny_net, ds=tiny_ds))
    data = js_value(page, "D")
    assert data["layanan"] == ["kanker", "jantung"]  # config order, layanan present
    assert len(data["rs"]) == 4 and data["wil"] is None
    assert {k: len(v) for k, v in data["links"].items()} == {"kanker": 2, "jantung": 3}
    assert data["land"] and data["outline"] is None  # land (with its edges) as context
    summary = js_value(page, "P")["summary"]
    # status target by default: RS0004's jantung target counts
    assert "<tr><td>Kanker</td><td>3</td><td>2</td><td>0</td></tr>" in summary
    assert "<tr><td>Jantung</td><td>4</td><td>3</td><td>0</td></tr>" in summary
    assert "Strata: target" in js_value(page, "P")["title"]
    maps.check_offline(page)


def test_map_network_without_dataset_and_proposed_links(tiny_ds: pg.Dataset) -> None:
    proposed = pd.DataFrame({"pengampu": ["RS0001"], "diampu": ["RS0004"],
                             "layanan": ["kanker"], "sumber": ["usulan uji"]})
    net = pg.build_network(tiny_ds, proposed=proposed)
    page = page_of(pg.map_network(net, layanan="kanker", lang="en", status="ada"))
    data = js_value(page, "D")
    links = data["links"]["kanker"]
    assert sorted(x[2] for x in links) == [0, 0, 1]
    names = [h[4] for h in data["rs"]]
    usulan = next(x for x in links if x[2])
    assert (names[usulan[0]], names[usulan[1]]) == ("RS Nasional Satu", "RSUD Alfa Selatan")
    # hospitals from the node attributes: RS0004 only has kanker (madya)
    assert {h[4]: h[3] for h in data["rs"]}["RSUD Alfa Selatan"] == {"kanker": 1}
    alfa_selatan = {h[4]: h for h in data["rs"]}["RSUD Alfa Selatan"]
    assert sorted({r[0]: r[2] for r in alfa_selatan[6]}["Cancer"]) == [
        "RS Nasional Satu (proposed (usulan)) (evidence inferensi)", "RSUD Alfa"]
    assert "DATA CONTOH" not in js_value(page, "P")["title"]  # no dataset: nothing to say


def test_map_network_province(bundled_ds: pg.Dataset, national: dict) -> None:  # noqa: ANN001
    page = page_of(pg.map_network(national["net"], ds=bundled_ds, provinsi="DKI"))
    data = js_value(page, "D")
    assert "Provinsi Daerah Khusus Ibukota Jakarta" in js_value(page, "P")["title"]
    assert data["land"] and data["ctx"]  # Jakarta as land, Banten and Jawa Barat as context
    local = [h for h in data["rs"] if not h[2] & layers.FLAG_OUTSIDE]
    assert local and all(-6.5 < h[0] < -5.0 for h in local)
    n_links = sum(len(v) for v in data["links"].values())
    assert n_links > 20  # the national pengampu in Jakarta mentor across the country


def test_map_coverage(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    page = page_of(pg.map_coverage(tiny_gaps(), tiny_regions, ds=tiny_ds, status="target"))
    data = js_value(page, "D")
    assert data["layanan"] == ["kanker", "jantung"]
    v = data["wil"]["v"]
    assert v["kanker"]["c"] == ["#c2e4b8", "#c2e4b8", "#f1a340"]
    assert v["jantung"]["c"] == ["#c2e4b8"] * 3
    assert "Target provinsi: <span class=\"pg-no\">belum tercapai</span>" in v["kanker"]["r"][2][3]
    panels = js_value(page, "P")
    assert "target kab/kota belum tercapai" in panels["legend"]
    assert "Strata: target" in panels["title"]
    with pytest.raises(ValueError, match=r"gaps has no rows for layanan \['stroke'\]"):
        pg.map_coverage(tiny_gaps(), tiny_regions, layanan="stroke")


def test_map_coverage_status_from_gaps(tiny_regions: gpd.GeoDataFrame) -> None:
    both = pd.concat([tiny_gaps().assign(status="ada"),
                      tiny_gaps().assign(status="target", meets_target=True)])
    with pytest.raises(ValueError, match=r"rows for status \['ada', 'target'\]; pass status="):
        pg.map_coverage(both, tiny_regions)
    page = page_of(pg.map_coverage(both, tiny_regions, status="target"))
    assert js_value(page, "D")["wil"]["v"]["kanker"]["c"] == ["#c2e4b8"] * 3
    page = page_of(pg.map_coverage(both[both["status"] == "ada"], tiny_regions))
    assert "Strata: yang sudah ada" in page
    assert js_value(page, "D")["wil"]["v"]["kanker"]["c"] == ["#c2e4b8", "#c2e4b8", "#f1a340"]


def test_map_coverage_province(bundled_ds: pg.Dataset, national: dict) -> None:  # noqa: ANN001
    page = page_of(pg.map_coverage(national["gaps"], national["reg"], ds=bundled_ds,
                                   provinsi="Papua Barat Daya"))
    data = js_value(page, "D")
    assert all(k.startswith("96.") for k in data["wil"]["kode"])
    assert "Papua Barat Daya" in js_value(page, "P")["title"]


# --- legend classes, encoding, the page script -----------------------------------------------
def test_bins_cover_the_whole_range() -> None:
    values = [0, 29.9, 30, 59.9, 60, 119, 120, 239, 240, 479, 480, 959, 960, 5000]
    cols = maps.bin_colours(values, variable="travel_min")
    assert cols == [c for c in maps._BIN_COLOURS for _ in range(2)]
    assert maps.bin_labels("travel_min") == ["< 30 menit", "30\u201360 menit", "1\u20132 jam",
                                             "2\u20134 jam", "4\u20138 jam", "8\u201316 jam",
                                             "\u2265 16 jam"]


def test_encoding_round_trip() -> None:
    from shapely.geometry import MultiPolygon, Polygon

    outer = [(100.12345, -3.1), (100.5, -3.1), (100.5, -2.9), (100.12345, -2.9)]
    hole = [(100.2, -3.0), (100.3, -3.0), (100.3, -2.95)]
    g = MultiPolygon([Polygon(outer, [hole]), Polygon([(101, 0), (101.1, 0), (101, 0.1)])])
    enc = layers.encode_polygons([g], 5)[0]
    assert len(enc) == 2 and len(enc[0]) == 2  # two polygons, the first with its hole
    assert decode(enc[0][0], 5) == [(lat, lon) for lon, lat in outer]
    assert decode(enc[0][1], 5) == [(lat, lon) for lon, lat in hole]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_page_script_is_valid_javascript() -> None:
    for name in ("page.js", "leaflet.js"):
        proc = subprocess.run(["node", "--check", str(maps.STATIC_DIR / name)],
                              capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr


# --- reported services, approximate points, evidence, kecamatan and grid layers ---------------
def _with_fasilitas(ds: pg.Dataset) -> pg.Dataset:
    """The tiny data with reported services: Gama dialysis, Alfa a cathlab, Alfa Selatan an
    inferred dialysis (left out by the default grades)."""
    fas = pd.DataFrame({"kode_rs": ["RS0003", "RS0002", "RS0004"],
                        "fasilitas": ["hemodialisis", "cathlab", "hemodialisis"],
                        "tahun": [2020, 2020, 2020], "sumber": ["RS Online 2020: HD"] * 3,
                        "bukti": ["dokumen", "dokumen", "inferensi"]})
    return dataclasses.replace(ds, fasilitas=fas)


def test_access_reported_service_layer(tiny_ds: pg.Dataset,
                                       tiny_regions: gpd.GeoDataFrame) -> None:
    ds = _with_fasilitas(tiny_ds)
    hd = pg.district_access(ds, tiny_regions, fasilitas="hemodialisis", demand="kabkota")
    page = page_of(pg.map_access({"jantung": tiny_access(tiny_regions, [10.0, 45.0, np.inf]),
                                  "hemodialisis": hd}, ds, status="target",
                                 gaps=tiny_gaps()))
    data, panels = js_value(page, "D"), js_value(page, "P")
    assert data["layanan"] == ["jantung", "hemodialisis"]
    lay = data["lay"]["hemodialisis"]
    assert (lay["n"], lay["s"], lay["f"]) == ("Hemodialisis (dilaporkan 2020)", "Hemodialisis", 1)
    assert data["lay"]["jantung"]["f"] == 0
    assert "bukan strata" in data["reportedHead"] and "bukan strata" in data["notes"][
        "hemodialisis"]
    # the regions are coloured by the access to dialysis (oracle: the access frame itself)
    v = data["wil"]["v"]["hemodialisis"]
    assert v["c"] == maps.bin_colours(hd["travel_min"], variable="travel_min")
    assert v["c"][2] == "#ffffb2" and v["m"] == [None, None, None]  # Gama: own hospital
    assert data["wil"]["v"]["jantung"]["m"] == [1, 1, 1]  # (the layanan keep their targets)
    assert v["r"][2][1] == "RSUD Gama" and v["r"][2][2] == "\u2013"  # no target
    # hospitals: Gama reports dialysis (rank -1 on that layer); Alfa Selatan's is inferred
    by_name = {h[4]: h for h in data["rs"]}
    assert by_name["RSUD Gama"][3]["hemodialisis"] == layers.RANK_REPORTED
    assert "hemodialisis" not in by_name["RSUD Alfa Selatan"][3]
    fas_names, grades = data["fasNames"], data["bukti"]
    assert [(fas_names[i], grades[g]) for i, g in by_name["RSUD Alfa"][9]] == [
        ("Cathlab (jantung intervensi)", "dokumen")]
    assert by_name["RSUD Alfa Selatan"][9] == []
    assert "RS yang melaporkan layanan (bukan strata)" in panels["legend"]
    assert "<td>Hemodialisis (dilaporkan 2020)</td><td>\u2013</td><td>\u2013</td>" in (
        panels["summary"])
    # one frame of district_access(fasilitas=...) maps by itself, in English too
    en = page_of(pg.map_access(hd, ds, lang="en"))
    assert js_value(en, "D")["lay"]["hemodialisis"]["n"] == "Haemodialysis (reported in 2020)"
    assert "not strata" in js_value(en, "D")["reportedHead"]


def test_access_regions_on_approximate_points(tiny_ds: pg.Dataset,
                                              tiny_regions: gpd.GeoDataFrame) -> None:
    acc = tiny_access(tiny_regions, [10.0, 45.0, 200.0]).assign(
        share_nearest_approx=[0.0, 0.6, 0.4], penduduk=[2000, 1000, 500],
        penduduk_within_threshold=[2000.0, 1000.0, 0.0],
        penduduk_within_threshold_approx=[0.0, 600.0, 0.0])
    for lang, words in (("id", ("\u2265 50% penduduk: RS terdekat di lokasi perkiraan",
                                "Penduduk dengan RS terdekat di lokasi perkiraan: 60%",
                                "20% perkiraan*",
                                "* penduduk dalam ambang waktu yang RS terdekatnya")),
                        ("en", ("\u2265 50% of people: nearest hospital at an approximate",
                                "People whose nearest hospital is at an approximate location: 60%",
                                "20% approx.*",
                                "* of the people within the threshold, those whose nearest")),
                        ):
        page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", gaps=tiny_gaps(),
                                     lang=lang))
        data, panels = js_value(page, "D"), js_value(page, "P")
        assert data["wil"]["v"]["jantung"]["ax"] == [1]  # only Beta (60 % >= 50 %)
        assert words[0] in panels["legend"]
        assert words[1] in data["wil"]["v"]["jantung"]["r"][1][3]
        assert words[2] in panels["summary"]  # 600 of the 3000 people within the threshold
        assert words[3] in panels["summary"]  # the footnote that explains it
        # the province summary of the picker says it too
        assert any(words[2] in p[3] for p in data["provinces"])
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", approx_share=0.3))
    assert js_value(page, "D")["wil"]["v"]["jantung"]["ax"] == [1, 2]
    with pytest.raises(ValueError, match="approx_share=0"):
        pg.map_access(acc, tiny_ds, layanan="jantung", approx_share=0)


def test_links_styled_by_evidence(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    jej = tiny_ds.jejaring.assign(bukti=["berita", "dokumen", "berita", "inferensi", "regulasi"])
    ds = dataclasses.replace(tiny_ds, jejaring=jej)
    net = pg.build_network(ds)
    page = page_of(pg.map_access(tiny_access(tiny_regions, [1.0, 2.0, 3.0]), ds,
                                 layanan="jantung", network=net))
    data, legend = js_value(page, "D"), js_value(page, "P")["legend"]
    grade = {(str(u), str(v)): d["bukti"] for u, v, d in net.edges(data=True)
             if d["layanan"] == "jantung"}
    kode = [h[5].split(" \u00b7 ")[0] for h in data["rs"]]
    for i, j, _, _, style in data["links"]["jantung"]:
        assert style == layers.LINK_STYLE[grade[(kode[i], kode[j])]]
        assert data["linkDash"][style] == (None, "6 4", "1 4")[style]
    styles = {x[4] for x in data["links"]["jantung"]}
    for style, text in ((1, "berita (garis putus pendek)"),
                        (2, "inferensi proyek ini (garis titik; di luar analisis bawaan)")):
        assert (text in legend) == (style in styles)


def test_grid_layer(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    import h3
    import shapely

    grid = pg.access_grid(tiny_ds, tiny_regions, layanan="jantung", resolution=5)
    acc = tiny_access(tiny_regions, [1.0, 2.0, 3.0])
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", grid=grid))
    data = js_value(page, "D")
    g = data["grid"]
    assert g["res"] == 5 and g["n"] == len(grid) and "Grid H3 resolusi 5" in data["gridName"]
    colours = maps.bin_colours(grid["travel_min"], variable="travel_min")
    assert sorted(c for c, _ in g["v"]["jantung"]) == sorted(set(colours))
    # oracle: each class, decoded, covers the union of its hexagons (shapely), within 0.5 %;
    # the outer rings run counter-clockwise and the holes clockwise: signed areas add up
    for colour, polys in g["v"]["jantung"]:
        area = 0.0
        for r in polys[0]:
            pts = np.asarray(decode(r, 4))
            y, x = pts[:, 0], pts[:, 1]
            area += 0.5 * float((x * np.roll(y, -1) - np.roll(x, -1) * y).sum())
        hexes = [shapely.Polygon([(b, a) for a, b in h3.cell_to_boundary(c)])
                 for c, col in zip(grid["h3"], colours, strict=True) if col == colour]
        expect = shapely.union_all(hexes).area
        assert abs(area - expect) / expect < 0.005, colour
    assert "Grid H3: warna per sel" in js_value(page, "P")["legend"]
    monkeypatch.setattr(maps.api, "MAX_GRID_CELLS", 10)
    with pytest.raises(ValueError, match="GeoPackage"):
        pg.map_access(acc, tiny_ds, layanan="jantung", grid=grid)


def test_kecamatan_layer(bundled_ds: pg.Dataset, national: dict) -> None:  # noqa: ANN001
    reg = national["reg"]
    kec = pg.district_access(bundled_ds, reg[reg["kode_induk"] == "17"], layanan="stroke",
                             level="kecamatan")
    page = page_of(pg.map_access(national["acc"], bundled_ds, provinsi="17",
                                 kecamatan={"stroke": kec}))
    data = js_value(page, "D")
    k = data["kec"]
    assert len(k["kode"]) == 129 and all(c.startswith("17.") for c in k["kode"])
    assert all(g for g in k["g"])  # every kecamatan has its polygon
    v = k["v"]["stroke"]
    assert [k["colours"][i] for i in v["c"]] == maps.bin_colours(kec["travel_min"],
                                                                  variable="travel_min")
    near = [k["rs"][i] if i >= 0 else None for i in v["n"]]
    assert near == [html.escape(n) for n in kec["nama_rs"]]
    assert set(k["sub"]) <= set(data["wil"]["nama"])  # their kab/kota
    assert "Kecamatan" in data["kecName"] and k["thr"]["stroke"].startswith("Dalam ambang")
    unnamed = kec.copy()
    unnamed.attrs = {}
    with pytest.raises(ValueError, match="cannot tell which layanan kecamatan is for"):
        pg.map_access(national["acc"], bundled_ds, provinsi="17", kecamatan=unnamed)
    with pytest.raises(ValueError, match="no row in the mapped kab/kota"):
        pg.map_access(national["acc"], bundled_ds, provinsi="Jambi", kecamatan={"stroke": kec})


def test_both_summaries_explain_the_approximate_mark(tiny_ds: pg.Dataset) -> None:
    # 50 of the 200 people within the threshold rest on an approximate hospital point
    from pengampuan.maps.text import coverage_summary_html, province_summary_html

    frame = pd.DataFrame({"kode": ["01.01", "01.02"], "kode_induk": ["01", "01"],
                          "travel_min": [30.0, 30.0], "penduduk_within_threshold": [100, 100],
                          "penduduk_within_threshold_approx": [50, 0]})
    penduduk = pd.Series({"01.01": 100, "01.02": 100})
    national = coverage_summary_html(None, ["kanker"], cfg=tiny_ds.config, lang="id",
                                     access={"kanker": frame}, penduduk=penduduk)
    province = province_summary_html("Satu", None, {"kanker": frame}, penduduk, ["kanker"],
                                     kode="01", cfg=tiny_ds.config, lang="id")
    for panel in (national, province):
        assert "100% (4 jam)" in panel and "25% perkiraan*" in panel
        assert panel.count('class="pg-approx-note"') == 1
    assert "<summary>Ringkasan capaian target: Satu</summary>" in province


def test_shares_never_read_100_or_0_unless_exact(tiny_ds: pg.Dataset,
                                                 tiny_regions: gpd.GeoDataFrame) -> None:
    # 9,979 of 10,000 people within the threshold: "99,8%", not "100%"; 4 of them on an
    # approximate point: "<0,1%", not hidden as "0%"; the popups round the same way
    from pengampuan.maps.text import coverage_summary_html

    frame = pd.DataFrame({"kode": ["01.01", "01.02"], "kode_induk": ["01", "01"],
                          "travel_min": [30.0, 30.0],
                          "penduduk_within_threshold": [5000.0, 4979.0],
                          "penduduk_within_threshold_approx": [4.0, 0.0]})
    penduduk = pd.Series({"01.01": 5000, "01.02": 5000})
    for lang, text in (("id", "99,8% (4 jam)<br>"), ("en", "99.8% (4 h)<br>")):
        panel = coverage_summary_html(None, ["kanker"], cfg=tiny_ds.config, lang=lang,
                                      access={"kanker": frame}, penduduk=penduduk)
        assert text in panel and "100%" not in panel
        assert re.search(r"&lt;0[.,]1% (perkiraan|approx\.)\*", panel), panel
    # everyone within (summed in another order): exactly 100 %, not ">99,9%"
    whole = frame.assign(penduduk_within_threshold=[5000.0 + 1e-7, 5000.0 - 1e-7])
    panel = coverage_summary_html(None, ["kanker"], cfg=tiny_ds.config, lang="id",
                                  access={"kanker": whole}, penduduk=penduduk)
    assert "100% (4 jam)" in panel
    acc = tiny_access(tiny_regions, [10.0, 45.0, 200.0]).assign(
        share_within_threshold=[0.9979, 1.0, 0.0004], share_nearest_approx=[0.0, 0.9996, 0.0])
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung"))
    rows = js_value(page, "D")["wil"]["v"]["jantung"]["r"]
    assert "Penduduk dalam ambang (2 jam): 99,8%" in rows[0][3]
    assert "Penduduk dalam ambang (2 jam): 100%" in rows[1][3]
    assert "lokasi perkiraan: &gt;99,9%" in rows[1][3]
    assert "Penduduk dalam ambang (2 jam): &lt;0,1%" in rows[2][3]


def test_legend_describes_the_visible_layer(tiny_ds: pg.Dataset,
                                            tiny_regions: gpd.GeoDataFrame) -> None:
    ds = _with_fasilitas(tiny_ds)
    hd = pg.district_access(ds, tiny_regions, fasilitas="hemodialisis", demand="kabkota")
    jantung = tiny_access(tiny_regions, [10.0, 45.0, np.inf])
    jantung.attrs = {"layanan": "jantung", "min_strata": "utama"}
    for lang, fas_words, strata_words in (
            ("id", "RS dengan layanan hemodialisis (RS Online 2020)", "strata minimal Utama"),
            ("en", "hospitals reporting haemodialysis (RS Online 2020)", "minimum strata Utama")):
        page = page_of(pg.map_access({"jantung": jantung, "hemodialisis": hd}, ds, lang=lang))
        data, legend = js_value(page, "D"), js_value(page, "P")["legend"]
        heads = data["legendVar"]
        assert fas_words in heads["hemodialisis"] and "strata" not in heads["hemodialisis"]
        assert strata_words in heads["jantung"] and "RS Online" not in heads["jantung"]
        # the legend opens on the first layer; its strata rows and reporting-hospital rows
        # are marked for the page script, which shows those of the visible layer
        assert f'<div class="pg-h pg-leg-var">{heads["jantung"]}</div>' in legend
        assert 'class="pg-leg-strata"' in legend and 'class="pg-leg-fas" hidden' in legend
    # a map of the reported service alone opens on its own heading
    legend = js_value(page_of(pg.map_access(hd, ds)), "P")["legend"]
    assert "RS dengan layanan hemodialisis" in legend and "strata minimal" not in legend


def test_page_states_its_travel_model(tiny_ds: pg.Dataset,
                                      tiny_regions: gpd.GeoDataFrame) -> None:
    acc = tiny_access(tiny_regions, [10.0, 45.0, 200.0]).assign(penduduk=[2000, 1000, 500])
    cfg = tiny_ds.config.replace(circuity_factor=1.4, road_speed_kmh=35.0, sea_speed_kmh=18.0,
                                 boarding_penalty_min=90.0)
    ds = dataclasses.replace(tiny_ds, config=cfg)

    def notes(page: str) -> list[str]:
        panels = js_value(page, "P")
        return [re.findall(r'class="[^"]*pg-travel">([^<]*)<', panels[k])
                for k in ("legend", "summary")]

    # default: the simple model, with the dataset's own assumptions, in legend and summary
    legend, summary = notes(page_of(pg.map_access(acc, ds, layanan="jantung")))
    assert legend == summary and len(legend) == 1
    assert legend[0] == ("Waktu tempuh: model sederhana: jarak garis lurus x faktor kelokan 1,4 "
                         "dengan 35 km/jam lewat darat; penyeberangan laut tidak dimodelkan "
                         "(perjalanan dari dan ke pulau dihitung seolah lewat darat).")
    # the model recorded by district_access (attrs["travel"]) ...
    sea = acc.copy()
    sea.attrs = {"layanan": "jantung", "travel": "sea"}
    legend, summary = notes(page_of(pg.map_access(sea, ds, lang="en")))
    assert legend == summary
    assert legend[0].startswith("Travel time: land and sea model")
    assert "35 km/h" in legend[0] and "18 km/h" in legend[0] and "90 min" in legend[0]
    assert "not modelled" not in legend[0]
    # ... or the one passed explicitly, which wins
    legend, _ = notes(page_of(pg.map_access(sea, ds, travel="simple", lang="en")))
    assert "sea crossings are not modelled" in legend[0]
    with pytest.raises(ValueError, match="travel='kapal' is not known"):
        pg.map_access(acc, ds, layanan="jantung", travel="kapal")


def test_neighbours_are_drawn_whole(bundled_ds: pg.Dataset, national: dict) -> None:  # noqa: ANN001
    # Bengkulu on the national frames: its neighbours come from the kab/kota given, each
    # province whole (not only its kab/kota near Bengkulu's box)
    import shapely

    reg = national["reg"]
    page = page_of(pg.map_access(national["acc"], bundled_ds, provinsi="17"))
    data = js_value(page, "D")
    ctx = [shapely.MultiPolygon([shapely.Polygon(decode(p[0], data["prec"]))
                                 for p in g]) for g in data["ctx"]]
    drawn = shapely.union_all(ctx)
    for kode in ("16", "18", "15", "13"):  # Sumatera Selatan, Lampung, Jambi, Sumatera Barat
        whole = shapely.union_all(
            [shapely.Polygon([(y, x) for x, y in p.exterior.coords])  # (as decoded: lat, lon)
             for g in reg.loc[reg["kode_induk"] == kode].geometry
             for p in shapely.get_parts(g)])
        assert drawn.intersection(whole).area > 0.97 * whole.area, kode


def test_target_met_by_the_decree_listing_is_said_in_the_popup() -> None:
    from pengampuan.maps.text import target_html
    by_sk = target_html({"meets_target": True, "dasar_target": "sk", "kode_rs_sk": "X1",
                         "nama_rs_sk": "RSUD Contoh (11.73)"}, "id")
    assert "menurut SK" in by_sk and "RSUD Contoh (11.73)" in by_sk
    for basis in ("lokasi", "lokasi+sk", None):
        plain = target_html({"meets_target": True, "dasar_target": basis}, "id")
        assert "SK" not in plain and "tercapai" in plain
    assert "not met" in target_html({"meets_target": False, "dasar_target": None}, "en")
    assert target_html(None, "id") == "\u2013"


def test_coverage_popup_names_the_hospital_the_decree_lists() -> None:
    ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    gaps = pg.target_gaps(ds, reg, layanan="kanker", demand="kabkota")
    page = pg.map_coverage(gaps, reg, ds=ds, layanan="kanker").get_root().render()
    listed = gaps[(gaps["dasar_target"] == "sk") & (gaps["tingkat"] == "kabkota")]
    assert len(listed) >= 1
    # one popup per kab/kota met only by SK, and the summary's count says how many
    assert page.count(f"termasuk {len(listed)} menurut SK") == 1
    assert page.count("menurut SK") == len(listed) + 1


def test_hospital_popup_names_the_place_its_address_gives(bundled_ds) -> None:  # type: ignore[no-untyped-def]
    from pengampuan.maps.layers import hospital_layer

    rs = pd.DataFrame(bundled_ds.rumah_sakit.drop(columns="geometry"))
    rs = rs[rs["kode_rs"].isin(["R6213022", "3301084", "R3213010", "KMK-62-015"])]
    lay = bundled_ds.layanan
    empty = pd.DataFrame(columns=["pengampu", "diampu", "layanan", "jenis", "sumber", "bukti"])
    for lang, want in (("id", {
            "RSUD Puruk Cahu": "Lokasi perkiraan: pusat desa/kelurahan Puruk Cahu yang disebut "
                               "alamat RS (bukan titik RS)",
            "RSUD Majenang": "Lokasi perkiraan: titik di dalam kecamatan Majenang yang disebut "
                             "alamat RS",
            "RSUD Subang": "Lokasi perkiraan: titik di dalam kab/kota (bukan lokasi RS)"}),
            ("en", {"RSUD Majenang": "Approximate location: a point inside the sub-district "
                                     "(kecamatan) Majenang named in the hospital's address"})):
        hosp = hospital_layer(rs, lay[lay["kode_rs"].isin(rs["kode_rs"])], empty,
                              ranks=bundled_ds.strata_rank_table(status="target"),
                              layanan=["uronefrologi"], cfg=bundled_ds.config, lang=lang,
                              wilayah_names={}, include_other=True)
        loc = {r[4]: r[8] for r in hosp.records}
        for name, text in want.items():
            assert loc[name] == text, (lang, name)
        assert len(loc) == 4 and not loc["RSUD Kota Palangka Raya"].startswith(
            ("Lokasi perkiraan", "Approximate"))
