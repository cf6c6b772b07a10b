"""Maps: render each map and inspect the HTML (layers, legend, counts, escaping, offline)."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from html.parser import HTMLParser

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import pengampuan as pg
from pengampuan import maps

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


def layer_control_names(page: str) -> tuple[list[str], list[str]]:
    """Base-layer and overlay names of folium's layer control."""
    block = re.search(r"_layers = \{\s*base_layers : \{(.*?)\},\s*overlays :\s*\{(.*?)\},", page,
                      re.S)
    assert block, "no layer control in the page"
    names = [[json.loads(n) for n in re.findall(r'("(?:[^"\\]|\\.)*")\s*:', part)]
             for part in block.groups()]
    return names[0], names[1]


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


# --- map_access ------------------------------------------------------------------------------
def test_access_layers_one_per_layanan(access_page: str) -> None:
    base, overlays = layer_control_names(access_page)
    assert base == ["Jantung", "Kanker"]
    assert overlays == ["Batas provinsi", "Jejaring pengampuan", "Rumah sakit",
                        "Peta latar OpenStreetMap (perlu internet)"]


def test_access_polygons_embedded_once_with_all_layanan(access_page: str) -> None:
    regions = js_value(access_page, "regions")
    assert [f["properties"]["t"]["jantung"].split("</b>")[0] for f in regions["features"]] == [
        "<b>Kabupaten Alfa", "<b>Kota Beta", "<b>Kabupaten Gama"]
    # one FeatureCollection of kab/kota in the page, whatever the number of layanan
    assert access_page.count('"type":"FeatureCollection"') == 2  # kab/kota + provinces
    colours = [f["properties"]["c"] for f in regions["features"]]
    # 10 min -> first class, 45 min -> second, inf (no capable hospital) -> grey;
    # kanker: 100 min -> 1-2 h class, 300 min -> 4-8 h class
    assert [c["jantung"] for c in colours] == ["#ffffb2", "#fed976", "#9e9e9e"]
    assert [c["kanker"] for c in colours] == ["#feb24c", "#fc4e2a", "#9e9e9e"]


def test_access_tooltips(access_page: str) -> None:
    regions = js_value(access_page, "regions")
    alfa, _, gama = (f["properties"]["t"] for f in regions["features"])
    assert "RS terdekat: RSUD Alfa" in alfa["jantung"]
    assert "Waktu tempuh (perkiraan): 10 menit" in alfa["jantung"]
    assert "Jarak (garis lurus): 0,0 km" in alfa["jantung"]
    assert "Waktu tempuh (perkiraan): 1 jam 40 menit" in alfa["kanker"]
    assert "Provinsi Satu" in alfa["jantung"]  # province name from ds.wilayah
    assert 'Target kab/kota (\u2265 Madya (kab/kota)): <span class="pg-ok">tercapai' in alfa[
        "jantung"]
    assert "tidak ada RS yang mampu" in gama["jantung"]
    assert '<span class="pg-no">belum tercapai</span>' in gama["kanker"]
    assert "Dalam ambang (2 jam): tidak" in gama["jantung"]


def test_access_hospitals_and_links(access_page: str) -> None:
    data = js_value(access_page, "D")
    by_name = {h[4]: h for h in data["rs"]}
    assert set(by_name) == {"RS Nasional Satu", "RSUD Alfa", "RSUD Gama", "RSUD Alfa Selatan"}
    # strata ranks (dasar 0 .. paripurna 3) for status "ada"; RS0004's jantung is only a target
    assert by_name["RS Nasional Satu"][3] == {"jantung": 3, "kanker": 3}
    assert by_name["RSUD Alfa Selatan"][3] == {"kanker": 1}
    # lokasi_presisi = kabkota -> drawn as an approximate location
    assert [by_name[n][2] for n in ("RSUD Alfa", "RSUD Alfa Selatan")] == [0, 1]
    assert [by_name["RSUD Alfa"][0], by_name["RSUD Alfa"][1]] == [0.5, 100.5]
    assert len(data["links"]["jantung"]) == 3 and len(data["links"]["kanker"]) == 2
    coords, usulan, tip = data["links"]["kanker"][0]
    assert coords[0] == [0.5, 101.5] and coords[-1] == [0.5, 100.5]  # [lat, lon], to the diampu
    assert usulan == 0 and tip.startswith("RS Nasional Satu \u2192 RSUD Alfa")


def test_access_popup_lists_layanan_strata_pengampu_source(access_page: str) -> None:
    data = js_value(access_page, "D")
    popup = {h[4]: h[5] for h in data["rs"]}["RSUD Alfa"]
    assert "<b>RSUD Alfa</b>" in popup and "kelas B" in popup and "Kabupaten Alfa" in popup
    assert "<td>Jantung</td><td>Madya (kab/kota) (ada 2023)</td><td>RS Nasional Satu<br>RSUD Gama" \
        in popup
    assert "<td>Kanker</td><td>Utama (provinsi) (ada 2023)</td><td>RS Nasional Satu" in popup
    assert "Mengampu 1 RS" in popup  # RS0002 -> RS0004 (kanker)
    assert "Sumber: contoh uji (sintetis)" in popup
    approx = {h[4]: h[5] for h in data["rs"]}["RSUD Alfa Selatan"]
    assert "Lokasi perkiraan (titik di dalam kab/kota)" in approx
    assert "Lokasi: koordinat dari sumber yang dikutip" in popup


def test_access_legend_title_notice_summary(access_page: str) -> None:
    panels = js_value(access_page, "P")
    assert "Perkiraan waktu tempuh ke RS terdekat" in panels["legend"]
    assert "menit" in panels["legend"] and "1\u20132 jam" in panels["legend"]
    assert "lokasi perkiraan (titik di dalam kab/kota)" in panels["legend"]
    assert "usulan" in panels["legend"]
    assert "Strata: yang sudah ada" in panels["title"]
    assert "DATA CONTOH" in panels["title"]  # the tiny data is illustrative
    # summary: jantung: 2/2 provinces, 3/3 kab/kota; kanker: 1/2, 2/3
    rows = re.findall(r"<tr><td>(\w+)</td><td>([\d/]+)</td><td>([\d/]+)</td>", panels["summary"])
    assert rows == [("Jantung", "2/2", "3/3"), ("Kanker", "1/2", "2/3")]
    # population within the threshold (jantung 120 min): Alfa 2000 + Beta 1000 of 3500
    assert "<td>86% (2 jam)</td>" in panels["summary"]
    assert "Sumber data dan lisensi" in panels["summary"]


def test_access_offline_has_no_external_assets(access_page: str) -> None:
    for tag, attrs in tags(access_page):
        url = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
        assert not url or not re.match(r"(https?:)?//", url), (tag, url)
    assert "L.map(" in access_page and 'version="1.9.4"' in access_page  # Leaflet inlined
    assert "jquery" not in access_page.lower() and "bootstrap" not in access_page.lower()
    maps.check_offline(access_page)


def test_access_online_links_only_leaflet(tiny_ds: pg.Dataset,
                                          tiny_regions: gpd.GeoDataFrame) -> None:
    page = page_of(pg.map_access(tiny_access(tiny_regions, [1.0, 2.0, 3.0]), tiny_ds,
                                 layanan="jantung"))
    srcs = [a.get("src") or a.get("href") for t, a in tags(page) if t in ("script", "link")]
    assert sorted(s for s in srcs if s) == [
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"]
    with pytest.raises(ValueError, match="not self-contained"):
        maps.check_offline(page)


def test_access_english(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    page = page_of(pg.map_access(tiny_access(tiny_regions, [10.0, 90.0, np.inf]), tiny_ds,
                                 layanan="jantung", lang="en", status="target"))
    base, overlays = layer_control_names(page)
    assert base == ["Heart"] and "Hospitals" in overlays
    panels = js_value(page, "P")
    assert "Estimated travel time" in panels["legend"] and "1\u20132 h" in panels["legend"]
    assert "approximate location (point inside the district)" in panels["legend"]
    assert "Strata: targets" in panels["title"]
    tips = [f["properties"]["t"]["jantung"] for f in js_value(page, "regions")["features"]]
    assert "Travel time (estimate): 1 h 30 min" in tips[1]


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


def test_access_bad_input(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
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


def test_access_distance_variable(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    acc = tiny_access(tiny_regions, [1.0, 2.0, 3.0]).assign(distance_km=[30.0, 900.0, np.nan])
    page = page_of(pg.map_access(acc, tiny_ds, layanan="jantung", variable="distance_km"))
    colours = [f["properties"]["c"]["jantung"] for f in js_value(page, "regions")["features"]]
    assert colours == ["#fed976", "#b10026", "#f2f2f2"]  # 25-50 km, >= 800 km, no data
    assert "Jarak garis lurus ke RS terdekat" in js_value(page, "P")["legend"]


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
    assert any(f"<b>{escaped}</b>" in h[5] for h in data["rs"])
    tips = [f["properties"]["t"]["jantung"] for f in js_value(page, "regions")["features"]]
    assert tips[0].startswith(f"<b>{escaped}</b>") and f"RS terdekat: {escaped}" in tips[0]
    assert f"<title>{escaped}</title>" in page
    assert "{{" not in script_part  # never left for a template engine to evaluate


def test_layer_names_are_escaped(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    info = dataclasses.replace(tiny_ds.config.layanan["jantung"], label_id="<b>J</b> {{x}}")
    cfg = tiny_ds.config.replace(layanan={**tiny_ds.config.layanan, "jantung": info})
    ds = dataclasses.replace(tiny_ds, config=cfg)
    page = page_of(pg.map_access(tiny_access(tiny_regions, [1.0, 2.0, 3.0]), ds,
                                 layanan="jantung"))
    base, _ = layer_control_names(page)
    assert base == ["&lt;b&gt;J&lt;/b&gt; &#123;&#123;x&#125;&#125;"]


# --- map_network / map_coverage ------------------------------------------------------------------
def test_map_network(tiny_ds: pg.Dataset, tiny_net) -> None:  # noqa: ANN001
    page = page_of(pg.map_network(tiny_net, ds=tiny_ds, offline=True))
    base, overlays = layer_control_names(page)
    assert base == ["Kanker", "Jantung"]  # config order, layanan present in the network
    assert overlays == ["Jejaring pengampuan", "Rumah sakit",
                        "Peta latar OpenStreetMap (perlu internet)"]
    data = js_value(page, "D")
    assert len(data["rs"]) == 4
    assert {k: len(v) for k, v in data["links"].items()} == {"kanker": 2, "jantung": 3}
    assert js_value(page, "regions") is None
    summary = js_value(page, "P")["summary"]
    assert "<tr><td>Kanker</td><td>3</td><td>2</td><td>0</td></tr>" in summary
    maps.check_offline(page)


def test_map_network_without_dataset_and_proposed_links(tiny_ds: pg.Dataset) -> None:
    proposed = pd.DataFrame({"pengampu": ["RS0001"], "diampu": ["RS0004"],
                             "layanan": ["kanker"], "sumber": ["usulan uji"]})
    net = pg.build_network(tiny_ds, proposed=proposed)
    page = page_of(pg.map_network(net, layanan="kanker", lang="en"))
    data = js_value(page, "D")
    links = data["links"]["kanker"]
    assert sorted(x[1] for x in links) == [0, 0, 1]
    usulan = next(x for x in links if x[1])
    assert "<b>proposed (usulan)</b>" in usulan[2]
    assert "RS Nasional Satu \u2192 RSUD Alfa Selatan" in usulan[2]
    # hospitals from the node attributes: RS0004 only has kanker (madya)
    assert {h[4]: h[3] for h in data["rs"]}["RSUD Alfa Selatan"] == {"kanker": 1}
    assert "DATA CONTOH" not in js_value(page, "P")["title"]  # no dataset: nothing to say


def test_map_coverage(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> None:
    page = page_of(pg.map_coverage(tiny_gaps(), tiny_regions, ds=tiny_ds, status="target"))
    base, _ = layer_control_names(page)
    assert base == ["Kanker", "Jantung"]
    feats = js_value(page, "regions")["features"]
    assert [f["properties"]["c"]["kanker"] for f in feats] == ["#c2e4b8", "#c2e4b8", "#f1a340"]
    assert [f["properties"]["c"]["jantung"] for f in feats] == ["#c2e4b8"] * 3
    assert "Target provinsi (\u2265 Utama (provinsi))" in feats[2]["properties"]["t"]["kanker"]
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
    feats = js_value(page, "regions")["features"]
    assert [f["properties"]["c"]["kanker"] for f in feats] == ["#c2e4b8"] * 3
    page = page_of(pg.map_coverage(both[both["status"] == "ada"], tiny_regions))
    assert "Strata: yang sudah ada" in page
    assert [f["properties"]["c"]["kanker"] for f in js_value(page, "regions")["features"]] == [
        "#c2e4b8", "#c2e4b8", "#f1a340"]


# --- legend classes ---------------------------------------------------------------------------
def test_bins_cover_the_whole_range() -> None:
    values = [0, 29.9, 30, 59.9, 60, 119, 120, 239, 240, 479, 480, 959, 960, 5000]
    cols = maps.bin_colours(values, variable="travel_min")
    assert cols == [c for c in maps._BIN_COLOURS for _ in range(2)]
    assert maps.bin_labels("travel_min") == ["< 30 menit", "30\u201360 menit", "1\u20132 jam",
                                             "2\u20134 jam", "4\u20138 jam", "8\u201316 jam",
                                             "\u2265 16 jam"]
