"""Time and size of the national HTML report, against a plain folium page.

Measured: ``write_report`` on the bundled data (514 kab/kota, every hospital,
4 KJSU layanan, offline): wall time, size of ``index.html`` and what it is made
of (kab/kota polygons, province outlines, hospitals and links, Leaflet).

Baseline, built in the same run from the same access tables and the same
simplified polygons: the obvious folium page -- one ``folium.GeoJson`` per
layanan with a ``style_function`` and a ``GeoJsonTooltip``, and one
``folium.CircleMarker`` with a ``folium.Popup`` per hospital and layanan. Its
size shows what embedding the polygons once (and the hospitals as one JSON
array) saves.

Run: ``.venv/bin/python benchmarks/bench_report.py``
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import _common  # noqa: F401  (puts the repository on sys.path)
import folium
import geopandas as gpd

import pengampuan as pg
from pengampuan import maps
from pengampuan.export import report as export


def naive_page(ds: pg.Dataset, reg: gpd.GeoDataFrame) -> str:
    display = export._display_regions(reg)
    m = folium.Map(location=[-2.5, 118], zoom_start=5, tiles=None)
    strata = ds.strata_table(status="target")
    rs = ds.rumah_sakit
    for i, lay in enumerate(pg.KJSU):
        acc = pg.district_access(ds, reg, layanan=lay, status="target")
        acc = export._with_geometry(acc, display)[["kode", "nama", "nama_rs", "distance_km",
                                                    "travel_min", "geometry"]]
        acc["distance_km"] = acc["distance_km"].replace(float("inf"), -1).round(1)
        acc["travel_min"] = acc["travel_min"].replace(float("inf"), -1).round(0)
        colours = dict(zip(acc["kode"], maps.bin_colours(acc["travel_min"],
                                                          variable="travel_min"), strict=True))
        group = folium.FeatureGroup(name=lay, overlay=False, show=i == 0).add_to(m)
        folium.GeoJson(
            acc, style_function=lambda f, c=colours: {"fillColor": c[f["properties"]["kode"]],
                                                      "weight": 0.5, "fillOpacity": 0.85},
            tooltip=folium.GeoJsonTooltip(["nama", "nama_rs", "distance_km", "travel_min"]),
        ).add_to(group)
        codes = strata.index[strata[lay].notna()] if lay in strata else []
        have = rs[rs["kode_rs"].isin(codes)]
        for row in have.itertuples():
            folium.CircleMarker([row.lat, row.lon], radius=5,
                                popup=folium.Popup(f"<b>{row.nama}</b><br>{lay}")).add_to(group)
    folium.LayerControl().add_to(m)
    return m.get_root().render()


def main() -> None:
    print(_common.machine_note())
    ds, reg = pg.load_dataset(), pg.load_regions()
    with tempfile.TemporaryDirectory() as tmp:
        seconds, files = _common.timed_result(lambda: pg.write_report(Path(tmp) / "laporan",
                                                                      ds, reg))
        page = files["index.html"].read_text(encoding="utf-8")
        _common.report("write_report, national, 4 layanan", seconds, goal="about a minute")
        _common.report("index.html", len(page.encode()) / 1e6, unit="MB", goal="<= 2.5 MB")
        data = json.loads(re.search(r"var D = (.*?);\n", page).group(1))

        def mb(obj: object) -> float:
            return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()) / 1e6

        parts = (("  kab/kota polygons (once, delta-encoded)", data["wil"]["g"]),
                 ("  kab/kota values and popup cells", data["wil"]["v"]),
                 ("  province outlines", data["outline"]),
                 ("  hospitals, popups, links", [data["rs"], data["links"], data["src"]]),
                 ("  province picker (38 summaries)", data["provinces"]))
        for label, obj in parts:
            _common.report(label, mb(obj), unit="MB")
        _common.report("  Leaflet (inlined)", (maps.STATIC_DIR / "leaflet.js").stat().st_size
                       / 1e6, unit="MB")
        for name in ("wilayah.geojson", "rumah_sakit.geojson", "jejaring.geojson"):
            _common.report(name, files[name].stat().st_size / 1e6, unit="MB")
    seconds_naive, naive = _common.timed_result(lambda: naive_page(ds, reg))
    # ratio = plain folium size / our size (how many times smaller our page is)
    _common.report("index.html vs plain folium page", len(page.encode()) / 1e6,
                   len(naive.encode()) / 1e6, unit="MB")
    _common.report("plain folium page, build time", seconds_naive, unit="s")
    _common.report("peak memory", _common.peak_rss_mb(), unit="MB")


if __name__ == "__main__":
    main()
