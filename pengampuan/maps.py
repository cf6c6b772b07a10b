"""Folium maps of access, coverage and the pengampuan network.

Three public functions return a :class:`folium.Map` (shown inline in Jupyter,
saved with ``m.save("peta.html")``):

- :func:`map_access`: choropleth of the estimated travel time (or distance) to
  the nearest capable hospital per kab/kota, hospitals by strata, referral links;
- :func:`map_network`: hospitals and referral links (pengampu -> diampu);
- :func:`map_coverage`: kab/kota meeting the national targets or not.

Every map has one layer per layanan (switched in the layer control), a legend
with units, a summary panel, the sources of its data and, when illustrative
rows are shown, a visible "data contoh" notice. Labels are in Bahasa
Indonesia, or English with ``lang="en"``.

How the page is built, and why:

- The kab/kota polygons are embedded **once**, as one GeoJSON object carrying
  the colour and the tooltip of every layanan; each layanan layer draws it with
  its own style. This keeps a national map small (the polygons are most of it).
- Hospitals and links are JSON arrays drawn by a few lines of JavaScript;
  direction is shown by an SVG arrowhead (``marker-end``) at the diampu end,
  which needs no plugin and works offline.
- Every piece of text that ends up in HTML (names, sources, labels) is escaped
  with :func:`html.escape` in Python before it is embedded; the page never builds
  HTML from raw data. The data are embedded as JSON with ``<``, ``>``, ``&``,
  ``'`` and template braces escaped.
- ``offline=True`` inlines Leaflet (vendored in ``pengampuan/static`` with its
  licence) and drops every other script folium would load from a CDN (jQuery,
  Bootstrap, Font Awesome are not used). The background tiles need a connection;
  without one they are switched off and the map shows the boundaries on a light
  background.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import folium
import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, Figure
from branca.utilities import color_brewer
from folium.map import Layer
from folium.template import Template

from .config import DEFAULT_CONFIG, Config, settings
from .dataset import Dataset
from .geo import require_wgs84

logger = logging.getLogger(__name__)

__all__ = ["map_access", "map_network", "map_coverage", "DATA_SOURCES", "inline_assets",
           "check_offline", "bin_colours", "bin_labels"]

Variable = Literal["travel_min", "distance_km"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: Leaflet version vendored in ``static/`` (npm package ``leaflet``, BSD-2-Clause).
LEAFLET_VERSION = "1.9.4"
_LEAFLET_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist"

#: Decimal places of coordinates embedded in maps (1e-5 degree is about 1 m).
MAP_PRECISION = 5

#: Background tiles: OpenStreetMap standard tiles (no API key needed).
_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_TILE_ATTR = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)

#: Sources and licences of the bundled data (see data/README.md), shown on every map
#: built from bundled data. (label_id, label_en, licence)
DATA_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("Batas kab/kota dan provinsi: cahyadsn/wilayah_boundaries, cahyadsn/wilayah",
     "Kab/kota and province boundaries: cahyadsn/wilayah_boundaries, cahyadsn/wilayah",
     "MIT"),
    ("Kode wilayah: Kepmendagri No 300.2.2-2138 Tahun 2025",
     "Region codes: Kepmendagri No 300.2.2-2138 of 2025", "dokumen publik / public record"),
    ("Penduduk: Dukcapil (data Kepmendagri 2025)",
     "Population: Dukcapil (published with Kepmendagri 2025)", "dokumen publik / public record"),
    ("Strata layanan KJSU: KMK HK.01.07/MENKES/1277/2024 (status target)",
     "KJSU service strata: KMK HK.01.07/MENKES/1277/2024 (target status)",
     "dokumen publik / public record"),
    ("Koordinat rumah sakit: Wikidata", "Hospital coordinates: Wikidata", "CC0"),
    ("Kode dan titik rumah sakit: Kemenkes BPPSDMK 2019",
     "Hospital codes and points: Kemenkes BPPSDMK 2019", "dokumen publik / public record"),
    ("Jejaring pengampuan: berita media dan siaran pers (lihat kolom sumber)",
     "Mentoring links: news items and press releases (see the sumber column)",
     "fakta dengan atribusi / facts with attribution"),
)

# --- display choices (not policy: the thresholds themselves come from Config) ---------
#: Class edges of the choropleth, in the unit of the variable.
_BIN_EDGES: dict[str, tuple[float, ...]] = {
    "travel_min": (30.0, 60.0, 120.0, 240.0, 480.0, 960.0),
    "distance_km": (25.0, 50.0, 100.0, 200.0, 400.0, 800.0),
}
#: ColorBrewer YlOrRd: light = near, dark = far.
_BIN_COLOURS: tuple[str, ...] = tuple(color_brewer("YlOrRd", 7))
_DASH = "\u2013"
_DOT = " \u00b7 "
_COLOUR_NONE = "#9e9e9e"  # no capable hospital at all (distance inf)
_COLOUR_NODATA = "#f2f2f2"  # kab/kota without a value
_COLOUR_MET = "#c2e4b8"  # coverage map: target met (light green) ...
_COLOUR_NOT_MET = "#f1a340"  # ... or not (orange), both light enough for the blue markers
_BACKGROUND = "#e8eef3"  # sea / no-tile background
#: Marker radius (px) and fill colour per strata rank (0 = dasar ... 3 = paripurna).
_STRATA_RADIUS_PX: tuple[float, ...] = (4.0, 5.5, 7.0, 9.0)
_STRATA_COLOURS: tuple[str, ...] = tuple(color_brewer("Blues", 6)[2:])

_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "title_access": "Akses ke rumah sakit layanan KJSU per kabupaten/kota",
        "title_network": "Jejaring pengampuan rumah sakit",
        "title_coverage": "Capaian target rumah sakit per kabupaten/kota",
        "status_target": "Strata: target (yang direncanakan, mis. KMK HK.01.07/MENKES/1277/2024), "
                         "bukan kondisi saat ini",
        "status_ada": "Strata: yang sudah ada (kondisi saat ini)",
        "contoh": "DATA CONTOH: sebagian data bersifat ilustratif, bukan data resmi",
        "var_travel_min": "Perkiraan waktu tempuh ke RS terdekat",
        "var_distance_km": "Jarak garis lurus ke RS terdekat",
        "unit_travel_min": "menit",
        "unit_distance_km": "km",
        "min_strata": "strata minimal",
        "no_capable": "tidak ada RS yang mampu",
        "no_data": "tanpa data",
        "hospitals": "Rumah sakit",
        "hospitals_legend": "Rumah sakit (strata untuk layanan terpilih)",
        "approx": "lokasi perkiraan (titik di dalam kab/kota)",
        "loc_sumber": "Lokasi: koordinat dari sumber yang dikutip",
        "loc_kemenkes2019": "Lokasi: titik peta fasilitas Kemenkes 2019 (BPPSDMK)",
        "links": "Jejaring pengampuan",
        "links_legend": "pengampu \u2192 diampu",
        "usulan": "usulan",
        "provinces": "Batas provinsi",
        "tiles": "Peta latar OpenStreetMap (perlu internet)",
        "nearest": "RS terdekat",
        "distance": "Jarak (garis lurus)",
        "travel": "Waktu tempuh (perkiraan)",
        "threshold": "Dalam ambang",
        "target_kab": "Target kab/kota",
        "target_prov": "Target provinsi",
        "met": "tercapai",
        "not_met": "belum tercapai",
        "yes": "ya",
        "no": "tidak",
        "n_hospitals": "RS yang memenuhi",
        "kelas": "kelas",
        "layanan": "Layanan",
        "strata": "Strata",
        "pengampu": "Pengampu",
        "mengampu": "Mengampu",
        "rs": "RS",
        "location": "Lokasi",
        "source": "Sumber",
        "sources": "Sumber data dan lisensi",
        "summary": "Ringkasan capaian target",
        "legend": "Legenda",
        "col_prov": "Provinsi",
        "col_kab": "Kab/kota",
        "col_pop": "Penduduk \u2264 ambang waktu",
        "col_links": "Tautan",
        "col_hospitals": "RS",
        "target_met_legend": "target kab/kota tercapai",
        "target_not_met_legend": "target kab/kota belum tercapai",
        "coverage_legend": "Ada RS dengan strata target di kab/kota",
        "user_data": "Data pengguna (lihat kolom sumber)",
        "hour": "jam",
        "minute": "menit",
        "status_word_ada": "ada",
        "status_word_target": "target",
        "none": "tidak ada",
        "basemap_note": "Tanpa internet peta latar tidak tampil; batas wilayah tetap terlihat.",
    },
    "en": {
        "title_access": "Access to KJSU hospitals by district (kabupaten/kota)",
        "title_network": "Hospital mentoring network (pengampuan)",
        "title_coverage": "Hospital targets met by district (kabupaten/kota)",
        "status_target": "Strata: targets (planned, e.g. KMK HK.01.07/MENKES/1277/2024), "
                         "not the current situation",
        "status_ada": "Strata: current (ada)",
        "contoh": "ILLUSTRATIVE DATA (data contoh): some rows are examples, not official data",
        "var_travel_min": "Estimated travel time to the nearest hospital",
        "var_distance_km": "Straight-line distance to the nearest hospital",
        "unit_travel_min": "min",
        "unit_distance_km": "km",
        "min_strata": "minimum strata",
        "no_capable": "no capable hospital",
        "no_data": "no data",
        "hospitals": "Hospitals",
        "hospitals_legend": "Hospitals (strata for the selected layanan)",
        "approx": "approximate location (point inside the district)",
        "loc_sumber": "Location: coordinates from a cited source",
        "loc_kemenkes2019": "Location: Kemenkes 2019 facility map point (BPPSDMK)",
        "links": "Mentoring links",
        "links_legend": "pengampu \u2192 diampu",
        "usulan": "proposed (usulan)",
        "provinces": "Province boundaries",
        "tiles": "OpenStreetMap background (needs internet)",
        "nearest": "Nearest hospital",
        "distance": "Distance (straight line)",
        "travel": "Travel time (estimate)",
        "threshold": "Within threshold",
        "target_kab": "District target",
        "target_prov": "Province target",
        "met": "met",
        "not_met": "not met",
        "yes": "yes",
        "no": "no",
        "n_hospitals": "Hospitals meeting it",
        "kelas": "class",
        "layanan": "Layanan",
        "strata": "Strata",
        "pengampu": "Pengampu",
        "mengampu": "Mentors",
        "rs": "hospitals",
        "location": "Location",
        "source": "Source",
        "sources": "Data sources and licences",
        "summary": "Targets met",
        "legend": "Legend",
        "col_prov": "Provinces",
        "col_kab": "Districts",
        "col_pop": "Population \u2264 time threshold",
        "col_links": "Links",
        "col_hospitals": "Hospitals",
        "target_met_legend": "district target met",
        "target_not_met_legend": "district target not met",
        "coverage_legend": "A hospital at the target strata in the district",
        "user_data": "User data (see the sumber column)",
        "hour": "h",
        "minute": "min",
        "status_word_ada": "current",
        "status_word_target": "target",
        "none": "none",
        "basemap_note": "Without internet the background map is hidden; boundaries stay visible.",
    },
}


# ---------------------------------------------------------------------------
# public functions
# ---------------------------------------------------------------------------
def map_access(
    acc: gpd.GeoDataFrame | Mapping[str, gpd.GeoDataFrame],
    ds: Dataset,
    *,
    network: nx.MultiDiGraph | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    gaps: pd.DataFrame | None = None,
    layanan: str | None = None,
    variable: Variable = "travel_min",
    status: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    offline: bool = False,
) -> folium.Map:
    """
    Choropleth of access to the nearest capable hospital per kab/kota.

    One layer per layanan (switched in the layer control) colours each
    kab/kota by the estimated travel time (or the distance) to the nearest
    hospital able to treat it, draws the hospitals by strata (hollow, dashed
    markers for points placed inside their kab/kota rather than at the real
    location) and, when ``network`` is given, the referral links
    pengampu -> diampu with an arrowhead at the diampu (proposed links dashed).

    Parameters
    ----------
    acc : GeoDataFrame or mapping of layanan -> GeoDataFrame
        Output of :func:`pengampuan.district_access`: one row per kab/kota with
        ``kode``, ``nama``, ``geometry``, ``distance_km``, ``travel_min`` and
        optionally ``nama_rs``, ``within_threshold``, ``threshold_min``,
        ``kode_induk``. A single frame is for one layanan: give it with
        ``layanan=``, a ``layanan`` column (one or more layanan, long format) or
        ``acc.attrs["layanan"]``. All frames share the kab/kota polygons.
    ds : Dataset
        The hospitals, their strata and links (popups, markers, sources).
    network : networkx.MultiDiGraph, optional
        From :func:`pengampuan.build_network`; draws the referral links.
    provinces : GeoDataFrame, optional
        Province polygons drawn as outlines. Default: the kab/kota dissolved by
        ``kode_induk`` when that column exists.
    gaps : DataFrame, optional
        Output of :func:`pengampuan.target_gaps`; adds "target met" to the
        tooltips and a summary panel of coverage vs targets.
    layanan : str, optional
        Layanan of a single ``acc`` frame.
    variable : {"travel_min", "distance_km"}
        What the colours show.
    status : {"ada", "target"}, optional
        Which strata the analysis used; said in the subtitle and used for the
        marker styles. Default: ``acc.attrs["status"]`` (set by
        :func:`~pengampuan.district_access`), else the status of ``gaps``,
        else ``"ada"``.
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    title : str, optional
        Map title (default: a title in ``lang``).
    offline : bool
        Inline Leaflet so the saved HTML opens without a network.

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> import geopandas as gpd, pengampuan as pg
    >>> from shapely.geometry import box
    >>> ds = pg.load_dataset()
    >>> acc = gpd.GeoDataFrame({"kode": ["17.02"], "nama": ["Kabupaten Rejang Lebong"],
    ...                         "distance_km": [62.0], "travel_min": [121.0]},
    ...                        geometry=[box(102.3, -3.7, 102.9, -3.2)], crs="EPSG:4326")
    >>> m = pg.map_access(acc, ds, layanan="jantung")
    >>> "2\u20134 jam" in m.get_root().render()
    True
    """
    lang = _check_lang(lang)
    cfg = ds.config
    _check_choice("variable", variable, tuple(_BIN_EDGES))
    frames = _split_access(acc, layanan=layanan, cfg=cfg)
    attrs = next(iter(frames.values())).attrs
    if status is None and attrs.get("status") is not None:
        status = str(attrs["status"])
    if gaps is not None:
        gaps, status = _gaps_for_status(gaps, status)
    status = status or "ada"
    _check_choice("status", status, ("ada", "target"))
    min_strata = str(attrs.get("min_strata", cfg.target_strata_kabkota))
    lay_codes = list(frames)
    base = _base_regions(frames)
    gap_index = _gap_index(gaps)
    prov_names = _province_names(ds)
    wilayah_props: list[dict[str, Any]] = [
        {"c": {}, "t": {}} for _ in range(len(base))
    ]
    for lay, frame in frames.items():
        aligned = _align(frame, base, lay)
        colours = bin_colours(aligned[variable], variable=variable)
        for i, (row, colour) in enumerate(zip(aligned.to_dict("records"), colours, strict=True)):
            wilayah_props[i]["c"][lay] = colour
            wilayah_props[i]["t"][lay] = _access_tooltip(
                row, lay=lay, cfg=cfg, lang=lang, gap_index=gap_index, prov_names=prov_names
            )
    if provinces is None and "kode_induk" in base:
        provinces = _dissolve_provinces(base)
    hospitals = _hospitals_from_ds(ds, status=status, network=network, lang=lang)
    links = _links_from_network(network, ds=ds, layanan=lay_codes, lang=lang) if network else {}
    summary = _coverage_summary_html(gaps, lay_codes, cfg=cfg, lang=lang,
                                     access=frames, penduduk=_penduduk(ds))
    legend = _legend_html(
        lang=lang, cfg=cfg, variable=variable, hospitals=True, links=bool(links),
        min_strata=min_strata,
    )
    return _assemble(
        title=title or _TEXT[lang]["title_access"],
        subtitle=_TEXT[lang][f"status_{status}"],
        lang=lang, cfg=cfg, layanan=lay_codes, regions=base, region_props=wilayah_props,
        provinces=provinces, hospitals=hospitals, links=links, legend=legend,
        summary=summary, sources=_sources_html(ds, lang), contoh=ds.has_contoh,
        offline=offline,
    )


def map_network(
    net: nx.MultiDiGraph,
    *,
    ds: Dataset | None = None,
    layanan: str | Sequence[str] | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    status: str = "ada",
    lang: str | None = None,
    title: str | None = None,
    offline: bool = False,
) -> folium.Map:
    """
    Map of the pengampuan network: hospitals by strata and referral links.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        From :func:`pengampuan.build_network` (node attributes ``nama``,
        ``lat``, ``lon``, ``lokasi_presisi``, ``strata_<layanan>``,
        ``strata_target_<layanan>``; edges keyed by layanan).
    ds : Dataset, optional
        Adds sources, popups with each layanan and strata, and the
        "data contoh" notice.
    layanan : str or list of str, optional
        Layanan to draw (default: those with at least one link or hospital).
    provinces : GeoDataFrame, optional
        Province polygons drawn as outlines.
    status : {"ada", "target"}
        Strata used for the marker styles.
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    title : str, optional
        Map title.
    offline : bool
        Inline Leaflet so the saved HTML opens without a network.

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> m = pg.map_network(pg.build_network(ds), ds=ds, layanan="kanker")
    >>> "pengampu \u2192 diampu" in m.get_root().render()
    True
    """
    lang = _check_lang(lang)
    _check_choice("status", status, ("ada", "target"))
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    if ds is not None:
        hospitals = _hospitals_from_ds(ds, status=status, network=net, lang=lang)
    else:
        hospitals = _hospitals_from_network(net, status=status, cfg=cfg, lang=lang)
    if layanan is None:
        present = {str(d.get("layanan")) for _, _, d in net.edges(data=True)}
        present |= {lay for lay in cfg.layanan if hospitals[f"rank_{lay}"].notna().any()}
        lay_codes = [lay for lay in cfg.layanan if lay in present]
    else:
        lay_codes = [layanan] if isinstance(layanan, str) else list(layanan)
    for lay in lay_codes:
        cfg.check_layanan(lay)
    if not lay_codes:
        raise ValueError("the network has no hospital or link for any layanan; nothing to map")
    links = _links_from_network(net, ds=ds, layanan=lay_codes, lang=lang)
    summary = _network_summary_html(hospitals, links, lay_codes, cfg=cfg, lang=lang)
    legend = _legend_html(lang=lang, cfg=cfg, variable=None, hospitals=True, links=True)
    return _assemble(
        title=title or _TEXT[lang]["title_network"],
        subtitle=_TEXT[lang][f"status_{status}"],
        lang=lang, cfg=cfg, layanan=lay_codes, regions=None, region_props=None,
        provinces=provinces, hospitals=hospitals, links=links, legend=legend,
        summary=summary, sources=_sources_html(ds, lang),
        contoh=bool(ds is not None and ds.has_contoh), offline=offline,
    )


def map_coverage(
    gaps: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str | Sequence[str] | None = None,
    ds: Dataset | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    status: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    offline: bool = False,
) -> folium.Map:
    """
    Map of the national targets: which kab/kota have a hospital at the target strata.

    Parameters
    ----------
    gaps : DataFrame
        Output of :func:`pengampuan.target_gaps` (one row per region and
        layanan: ``kode``, ``tingkat``, ``layanan``, ``target_strata``,
        ``n_hospitals``, ``meets_target``, ``nearest_nama``, ``distance_km``).
    regions : GeoDataFrame
        Kab/kota polygons with ``kode``, ``nama`` (and ``kode_induk``).
    layanan : str or list of str, optional
        Layanan to draw (default: every layanan in ``gaps``).
    ds : Dataset, optional
        Adds the hospitals, their sources and the "data contoh" notice.
    provinces : GeoDataFrame, optional
        Province polygons drawn as outlines (default: ``regions`` dissolved by
        ``kode_induk``).
    status : {"ada", "target"}, optional
        Which strata ``gaps`` was computed with (said in the subtitle); when
        ``gaps`` has rows of both (a ``status`` column), the rows drawn.
        Default: the one value of ``gaps["status"]``, else ``"ada"``.
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    title : str, optional
        Map title.
    offline : bool
        Inline Leaflet so the saved HTML opens without a network.

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> gaps = pg.target_gaps(ds, reg, layanan="stroke", status="target")
    >>> m = pg.map_coverage(gaps, reg, status="target")
    >>> "target kab/kota tercapai" in m.get_root().render()
    True
    """
    lang = _check_lang(lang)
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    _require_columns(gaps, ("kode", "layanan", "tingkat", "meets_target"), name="gaps")
    gaps, status = _gaps_for_status(gaps, status)
    regions = require_wgs84(regions, name="regions")
    _require_columns(regions, ("kode", "nama"), name="regions")
    present = list(dict.fromkeys(gaps["layanan"].astype(str)))
    if layanan is None:
        lay_codes = [lay for lay in cfg.layanan if lay in present] + [
            lay for lay in present if lay not in cfg.layanan]
    else:
        lay_codes = [layanan] if isinstance(layanan, str) else list(layanan)
    missing = [lay for lay in lay_codes if lay not in present]
    if missing:
        raise ValueError(f"gaps has no rows for layanan {missing}; it has {present}")
    base = regions.reset_index(drop=True)
    gap_index = _gap_index(gaps)
    prov_names = _province_names(ds) if ds is not None else {}
    props: list[dict[str, Any]] = [{"c": {}, "t": {}} for _ in range(len(base))]
    for lay in lay_codes:
        for i, row in enumerate(base[["kode", "nama"] + (
                ["kode_induk"] if "kode_induk" in base else [])].to_dict("records")):
            g = gap_index.get((str(row["kode"]), lay))
            met = None if g is None else g.get("meets_target")
            props[i]["c"][lay] = (_COLOUR_NODATA if met is None or pd.isna(met)
                                  else _COLOUR_MET if bool(met) else _COLOUR_NOT_MET)
            props[i]["t"][lay] = _coverage_tooltip(row, lay=lay, cfg=cfg, lang=lang,
                                                   gap_index=gap_index, prov_names=prov_names)
    if provinces is None and "kode_induk" in base:
        provinces = _dissolve_provinces(base)
    hospitals = (_hospitals_from_ds(ds, status=status, network=None, lang=lang) if ds is not None
                 else None)
    summary = _coverage_summary_html(gaps, lay_codes, cfg=cfg, lang=lang, access=None,
                                     penduduk=None)
    legend = _legend_html(lang=lang, cfg=cfg, variable=None, hospitals=hospitals is not None,
                          links=False, coverage=True)
    return _assemble(
        title=title or _TEXT[lang]["title_coverage"],
        subtitle=_TEXT[lang][f"status_{status}"],
        lang=lang, cfg=cfg, layanan=lay_codes, regions=base, region_props=props,
        provinces=provinces, hospitals=hospitals, links={}, legend=legend, summary=summary,
        sources=_sources_html(ds, lang), contoh=bool(ds is not None and ds.has_contoh),
        offline=offline,
    )


def inline_assets(m: folium.Map, *, offline: bool = True) -> folium.Map:
    """
    Use only Leaflet's script and stylesheet, inlined (``offline=True``) or from a CDN.

    folium links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs. The
    maps of this module need only Leaflet: this drops the others and, offline,
    embeds the vendored Leaflet (``pengampuan/static``, BSD-2-Clause) in the
    page, so the saved HTML opens with no network. Plugins that load their own
    scripts from a CDN are not covered (the maps here use none).

    Parameters
    ----------
    m : folium.Map
        The map; changed in place and returned (a map is a mutable document).
    offline : bool
        Inline the assets (True) or link them from jsDelivr (False).

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> import folium
    >>> html = inline_assets(folium.Map(tiles=None)).get_root().render()
    >>> "<script src=" in html, "L.map(" in html
    (False, True)
    """
    figure = m.get_root()
    if not isinstance(figure, Figure):  # pragma: no cover - folium always makes a Figure
        raise TypeError("the map has no folium Figure")
    if offline:
        m.default_js = []
        m.default_css = []
        figure.header.add_child(_Raw(f"<style>{_leaflet_css()}</style>"), name="pg_leaflet_css")
        figure.header.add_child(_Raw(f"<script>{_leaflet_js()}</script>"), name="pg_leaflet_js")
    else:
        m.default_js = [("leaflet", f"{_LEAFLET_CDN}/leaflet.js")]
        m.default_css = [("leaflet_css", f"{_LEAFLET_CDN}/leaflet.css")]
    return m


_EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE)


def check_offline(page: str) -> None:
    """
    Raise if an HTML page loads a script, stylesheet or frame from the network.

    Background tiles are requested by Leaflet at run time and are not checked.

    Examples
    --------
    >>> check_offline("<script>var a = 1;</script>")
    >>> check_offline('<script src="https://cdn.example/x.js"></script>')
    Traceback (most recent call last):
    ...
    ValueError: the page is not self-contained: it loads <script src="https://cdn.example/x.js"> ...
    """
    found = _EXTERNAL.search(page)
    if found:
        end = page.find(">", found.start())
        raise ValueError(f"the page is not self-contained: it loads {page[found.start():end + 1]}"
                         " from the network; pass offline=False or remove that element")


def bin_colours(values: pd.Series | Sequence[float], *, variable: Variable) -> list[str]:
    """
    Fill colour of each value in the classes of the choropleth legend.

    ``inf`` (no capable hospital) is grey, NaN (no value) near-white.

    Examples
    --------
    >>> bin_colours([10, 100, float("inf"), float("nan")], variable="travel_min")
    ['#ffffb2', '#feb24c', '#9e9e9e', '#f2f2f2']
    """
    x = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
    idx = np.digitize(x, _BIN_EDGES[variable], right=False)
    out = np.asarray(_BIN_COLOURS, dtype=object)[np.clip(idx, 0, len(_BIN_COLOURS) - 1)]
    out[np.isinf(x)] = _COLOUR_NONE
    out[np.isnan(x)] = _COLOUR_NODATA
    return [str(c) for c in out]


def bin_labels(variable: Variable, lang: str = "id") -> list[str]:
    """
    Legend labels of the choropleth classes, with units.

    Examples
    --------
    >>> bin_labels("travel_min")[:3]
    ['< 30 menit', '30\u201360 menit', '1\u20132 jam']
    >>> bin_labels("distance_km", "en")[-1]
    '\u2265 800 km'
    """
    edges = _BIN_EDGES[variable]
    tx = _TEXT[_check_lang(lang)]

    def fmt(v: float) -> str:
        if variable == "travel_min" and v >= 60:
            return f"{v / 60:g}"
        return f"{v:g}"

    def unit(lo: float) -> str:
        if variable == "distance_km":
            return "km"
        return tx["hour"] if lo >= 60 else tx["minute"]

    labels = [f"< {fmt(edges[0])} {unit(edges[0] - 1)}"]
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        # a class from 30 to 60 minutes still reads in minutes
        u = unit(lo) if not (variable == "travel_min" and lo < 60 <= hi) else tx["minute"]
        lo_s = fmt(lo) if not (variable == "travel_min" and lo < 60 <= hi) else f"{lo:g}"
        hi_s = fmt(hi) if not (variable == "travel_min" and lo < 60 <= hi) else f"{hi:g}"
        labels.append(f"{lo_s}\u2013{hi_s} {u}")
    labels.append(f"\u2265 {fmt(edges[-1])} {unit(edges[-1])}")
    return labels


# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------
def _check_lang(lang: str | None) -> str:
    lang = lang or settings.language
    if lang not in _TEXT:
        raise ValueError(f"lang={lang!r} is not known; expected one of {sorted(_TEXT)}")
    return lang


def _check_choice(name: str, value: str, allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not known; expected one of {list(allowed)}")


def _require_columns(df: pd.DataFrame, cols: Iterable[str], *, name: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} lacks the column(s) {missing}; it has {list(df.columns)}")


def _split_access(
    acc: gpd.GeoDataFrame | Mapping[str, gpd.GeoDataFrame], *, layanan: str | None, cfg: Config
) -> dict[str, gpd.GeoDataFrame]:
    """Normalise the access input to {layanan: frame}, each checked and in EPSG:4326."""
    if isinstance(acc, Mapping):
        frames = dict(acc)
    elif layanan is not None:
        frames = {layanan: acc}
    elif "layanan" in acc.columns:
        frames = {str(k): g for k, g in acc.groupby("layanan", sort=False)}
    elif acc.attrs.get("layanan"):
        frames = {str(acc.attrs["layanan"]): acc}
    else:
        raise ValueError(
            "map_access cannot tell which layanan acc is for: pass layanan=..., a 'layanan' "
            "column, or a mapping {layanan: district_access(...)}"
        )
    if not frames:
        raise ValueError("acc is empty: nothing to map")
    out: dict[str, gpd.GeoDataFrame] = {}
    for lay, frame in frames.items():
        cfg.check_layanan(lay)
        _require_columns(frame, ("kode", "nama", "distance_km", "travel_min", "geometry"),
                         name=f"acc[{lay!r}]")
        out[lay] = require_wgs84(frame, name=f"acc[{lay!r}]")
    return out


def _base_regions(frames: Mapping[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """The kab/kota polygons shared by all layanan (union of the codes, first geometry)."""
    cols = ["kode", "nama", "kode_induk", "geometry"]
    parts = [f[[c for c in cols if c in f.columns]] for f in frames.values()]
    base = pd.concat(parts, ignore_index=True).drop_duplicates("kode", keep="first")
    return gpd.GeoDataFrame(base, geometry="geometry", crs="EPSG:4326").reset_index(drop=True)


def _align(frame: pd.DataFrame, base: pd.DataFrame, lay: str) -> pd.DataFrame:
    """Rows of ``frame`` in the order of ``base`` (missing kab/kota -> NaN values)."""
    dup = frame["kode"].duplicated()
    if dup.any():
        raise ValueError(f"acc[{lay!r}] has {int(dup.sum())} duplicated kode, e.g. "
                         f"{frame.loc[dup, 'kode'].iloc[0]!r}; expected one row per kab/kota")
    data = pd.DataFrame(frame.drop(columns="geometry"))
    out = base[["kode", "nama"] + (["kode_induk"] if "kode_induk" in base else [])].merge(
        data.drop(columns=[c for c in ("nama", "kode_induk") if c in data]), on="kode",
        how="left", validate="one_to_one")
    if len(out) != len(base):  # pragma: no cover - guarded by validate
        raise RuntimeError("kab/kota lost while aligning access rows")
    return out


def _gaps_for_status(gaps: pd.DataFrame, status: str | None) -> tuple[pd.DataFrame, str]:
    """The rows of ``gaps`` for one status, and that status (from the data when not given)."""
    present = (sorted(gaps["status"].dropna().astype(str).unique()) if "status" in gaps
               else [])
    if status is None:
        if len(present) > 1:
            raise ValueError(f"gaps has rows for status {present}; pass status= to choose one")
        status = present[0] if present else "ada"
    _check_choice("status", status, ("ada", "target"))
    if present:
        if status not in present:
            raise ValueError(f"gaps has no rows with status={status!r}; it has {present}")
        gaps = gaps[gaps["status"].astype(str) == status]
    return gaps, status


def _gap_index(gaps: pd.DataFrame | None) -> dict[tuple[str, str], dict[Any, Any]]:
    if gaps is None:
        return {}
    _require_columns(gaps, ("kode", "layanan", "meets_target"), name="gaps")
    recs = gaps.to_dict("records")
    return {(str(r["kode"]), str(r["layanan"])): r for r in recs}


def _province_names(ds: Dataset | None) -> dict[str, str]:
    if ds is None:
        return {}
    w = ds.wilayah
    return dict(zip(w["kode"].astype(str), w["nama"].astype(str), strict=True))


def _penduduk(ds: Dataset) -> pd.Series | None:
    w = ds.wilayah
    if "penduduk" not in w:
        return None
    s = pd.to_numeric(w["penduduk"], errors="coerce")
    s.index = w["kode"].astype(str)
    return s


def _dissolve_provinces(regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Province polygons as the union of their kab/kota (for outlines)."""
    g = regions[["kode_induk", "geometry"]].dropna(subset=["kode_induk"])
    geoms = [shapely.union_all(grp.geometry.values, grid_size=10.0 ** -MAP_PRECISION)
             for _, grp in g.groupby("kode_induk", sort=True)]
    kode = sorted(g["kode_induk"].astype(str).unique())
    return gpd.GeoDataFrame({"kode": kode}, geometry=geoms, crs="EPSG:4326")


# ---------------------------------------------------------------------------
# hospitals and links
# ---------------------------------------------------------------------------
def _hospitals_from_ds(ds: Dataset, *, status: str, network: nx.MultiDiGraph | None,
                       lang: str) -> pd.DataFrame:
    """One row per hospital: position, approx flag, strata rank per layanan, popup HTML."""
    cfg = ds.config
    rs = pd.DataFrame(ds.rumah_sakit.drop(columns="geometry"))
    ranks = ds.strata_rank_table(status=status)
    links = _LinkIndex.from_table(_links_table(ds, network))
    names = dict(zip(rs["kode_rs"].astype(str), rs["nama"].astype(str), strict=True))
    region_names = _province_names(ds)
    lay_rows: dict[str, list[Mapping[Any, Any]]] = {}
    for rec in ds.layanan.to_dict("records"):
        lay_rows.setdefault(str(rec["kode_rs"]), []).append(rec)
    out = pd.DataFrame({
        "kode_rs": rs["kode_rs"].astype(str),
        "lat": pd.to_numeric(rs["lat"], errors="coerce"),
        "lon": pd.to_numeric(rs["lon"], errors="coerce"),
        "approx": (rs["lokasi_presisi"].astype(str) == "kabkota") if "lokasi_presisi" in rs
        else False,
        "nama": rs["nama"].astype(str),
    })
    for lay in cfg.layanan:
        col = ranks[lay] if lay in ranks else pd.Series(dtype=float)
        out[f"rank_{lay}"] = out["kode_rs"].map(col).astype(float)
    out["popup"] = [
        _hospital_popup(rec, lay_rows.get(str(rec["kode_rs"]), []), links, names,
                        region_names, cfg=cfg, lang=lang)
        for rec in rs.to_dict("records")
    ]
    return out


def _hospitals_from_network(net: nx.MultiDiGraph, *, status: str, cfg: Config, lang: str
                            ) -> pd.DataFrame:
    """Hospital table from node attributes (when no Dataset is at hand)."""
    rows = []
    links = _LinkIndex.from_table(pd.DataFrame(
        [(str(u), str(v), str(d.get("layanan", "")), str(d.get("jenis", "sumber")))
         for u, v, d in net.edges(data=True)],
        columns=["pengampu", "diampu", "layanan", "jenis"]))
    names = {str(n): str(a.get("nama", n)) for n, a in net.nodes(data=True)}
    for node, a in net.nodes(data=True):
        lay_recs = []
        for lay in cfg.layanan:
            for key, st in ((f"strata_{lay}", "ada"), (f"strata_target_{lay}", "target")):
                val = a.get(key)
                if isinstance(val, str) and val in cfg.strata_order:
                    lay_recs.append({"layanan": lay, "strata": val, "status": st})
        rec = {"kode_rs": str(node), **{k: v for k, v in a.items() if not k.startswith("strata")}}
        row: dict[str, Any] = {
            "kode_rs": str(node), "lat": float(a.get("lat", np.nan)),
            "lon": float(a.get("lon", np.nan)),
            "approx": str(a.get("lokasi_presisi", "")) == "kabkota",
            "nama": str(a.get("nama", node)),
        }
        for lay in cfg.layanan:
            ranks = [cfg.strata_rank(r["strata"]) for r in lay_recs
                     if r["layanan"] == lay and (status == "target" or r["status"] == "ada")]
            row[f"rank_{lay}"] = float(max(ranks)) if ranks else np.nan
        row["popup"] = _hospital_popup(rec, lay_recs, links, names, {}, cfg=cfg, lang=lang)
        rows.append(row)
    cols = ["kode_rs", "lat", "lon", "approx", "nama",
            *(f"rank_{lay}" for lay in cfg.layanan), "popup"]
    return pd.DataFrame(rows, columns=cols)


@dataclass(frozen=True)
class _LinkIndex:
    """Look-ups of the links for the popups."""

    #: (diampu, layanan) -> [(pengampu, jenis), ...]
    pengampu_of: dict[tuple[str, str], list[tuple[str, str]]]
    #: (pengampu, layanan) -> number of diampu
    n_diampu: dict[tuple[str, str], int]
    #: kode_rs -> layanan in which it has a link
    layanan_of: dict[str, set[str]]

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> _LinkIndex:
        pengampu_of: dict[tuple[str, str], list[tuple[str, str]]] = {}
        n_diampu: dict[tuple[str, str], int] = {}
        layanan_of: dict[str, set[str]] = {}
        for u, v, lay, jenis in zip(table["pengampu"], table["diampu"], table["layanan"],
                                    table["jenis"], strict=True):
            pengampu_of.setdefault((v, lay), []).append((u, jenis))
            n_diampu[(u, lay)] = n_diampu.get((u, lay), 0) + 1
            layanan_of.setdefault(u, set()).add(lay)
            layanan_of.setdefault(v, set()).add(lay)
        return cls(pengampu_of, n_diampu, layanan_of)


def _links_table(ds: Dataset, network: nx.MultiDiGraph | None) -> pd.DataFrame:
    """pengampu, diampu, layanan, jenis of every link (the network's when given)."""
    if network is not None:
        return pd.DataFrame(
            [(str(u), str(v), str(d.get("layanan", "")), str(d.get("jenis", "sumber")))
             for u, v, d in network.edges(data=True)],
            columns=["pengampu", "diampu", "layanan", "jenis"])
    j = ds.jejaring
    return pd.DataFrame({
        "pengampu": j["pengampu"].astype(str), "diampu": j["diampu"].astype(str),
        "layanan": j["layanan"].astype(str),
        "jenis": j["jenis"].astype(str) if "jenis" in j else "sumber",
    })


def _hospital_popup(rec: Mapping[Any, Any], lay_recs: Sequence[Mapping[Any, Any]],
                    links: _LinkIndex, names: Mapping[str, str],
                    region_names: Mapping[str, str], *, cfg: Config, lang: str) -> str:
    """Popup HTML of one hospital; every value is escaped."""
    tx = _TEXT[lang]
    e = _esc
    kode = str(rec["kode_rs"])
    head = f"<b>{e(rec.get('nama', kode))}</b>"
    meta = [e(kode)]
    kelas = rec.get("kelas")
    if _present(kelas):
        meta.append(f"{tx['kelas']} {e(kelas)}")
    kw = rec.get("kode_wilayah")
    if _present(kw):
        meta.append(e(region_names.get(str(kw), str(kw))))
    rows = []
    with_links = links.layanan_of.get(kode, set())
    lay_order = [lay for lay in cfg.layanan
                 if any(r["layanan"] == lay for r in lay_recs) or lay in with_links]
    for lay in lay_order:
        strata = []
        for r in sorted((r for r in lay_recs if r["layanan"] == lay),
                        key=lambda r: str(r.get("status"))):
            word = tx["status_word_target"] if r.get("status") == "target" else tx[
                "status_word_ada"]
            year = _num(r.get("tahun"))
            year_s = f" {int(year)}" if year is not None else ""
            strata.append(f"{e(cfg.strata_label(str(r['strata']), lang))} ({word}{year_s})")
        peng = [e(names.get(p, p)) + (f" ({tx['usulan']})" if j == "usulan" else "")
                for p, j in links.pengampu_of.get((kode, lay), [])]
        n_diampu = links.n_diampu.get((kode, lay), 0)
        mentor = f"<br>{tx['mengampu']} {n_diampu} {tx['rs']}" if n_diampu else ""
        strata_s = "<br>".join(strata) or _DASH
        peng_s = "<br>".join(peng) or _DASH
        rows.append(f"<tr><td>{e(cfg.layanan_label(lay, lang))}</td>"
                    f"<td>{strata_s}</td><td>{peng_s}{mentor}</td></tr>")
    table = ""
    if rows:
        table = (f"<table><tr><th>{tx['layanan']}</th><th>{tx['strata']}</th>"
                 f"<th>{tx['pengampu']}</th></tr>{''.join(rows)}</table>")
    presisi = str(rec.get("lokasi_presisi", "") or "")
    if presisi == "kabkota":
        loc = tx["approx"][:1].upper() + tx["approx"][1:]
    elif f"loc_{presisi}" in tx:
        loc = tx[f"loc_{presisi}"]
    else:
        loc = f"{tx['location']}: {e(presisi) if presisi else tx['none']}"
    src = [str(rec["sumber"])] if _present(rec.get("sumber")) else []
    src += [str(r["sumber"]) for r in lay_recs if _present(r.get("sumber"))]
    src_s = "; ".join(e(s) for s in dict.fromkeys(src))
    meta_s = _DOT.join(meta)
    return (f'<div class="pg-pop">{head}<br><span class="pg-meta">{meta_s}'
            f"</span>{table}<div class=\"pg-meta\">{loc}</div>"
            + (f'<div class="pg-meta">{tx["source"]}: {src_s}</div>' if src_s else "")
            + "</div>")


def _links_from_network(net: nx.MultiDiGraph | None, *, ds: Dataset | None,
                        layanan: Sequence[str], lang: str) -> dict[str, list[list[Any]]]:
    """Per layanan: [[lat, lon] ..., usulan flag, tooltip HTML] of every link."""
    if net is None or net.number_of_edges() == 0:
        return {}
    from .network import links_geodataframe

    gdf = links_geodataframe(net)
    gdf = require_wgs84(gdf, name="links")
    tx = _TEXT[lang]
    names = {str(n): str(a.get("nama", n)) for n, a in net.nodes(data=True)}
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    out: dict[str, list[list[Any]]] = {lay: [] for lay in layanan}
    geoms = shapely.transform(gdf.geometry.values, lambda c: np.round(c, MAP_PRECISION))
    for rec, geom in zip(gdf.drop(columns="geometry").to_dict("records"), geoms, strict=True):
        lay = str(rec.get("layanan", ""))
        if lay not in out or geom is None or geom.is_empty:
            continue
        usulan = str(rec.get("jenis", "sumber")) == "usulan"
        xy = shapely.get_coordinates(geom)
        dist = rec.get("distance_km")
        dist_s = f" \u00b7 {_fmt_km(float(dist), lang)}" if _present(dist) else ""
        tip = (f"{_esc(names.get(str(rec['pengampu']), rec['pengampu']))} \u2192 "
               f"{_esc(names.get(str(rec['diampu']), rec['diampu']))}<br>"
               f"{_esc(cfg.layanan_label(lay, lang))}"
               + (f" \u00b7 <b>{tx['usulan']}</b>" if usulan else "") + dist_s)
        out[lay].append([xy[:, ::-1].tolist(), int(usulan), tip])
    return out


# ---------------------------------------------------------------------------
# tooltips, legend, panels
# ---------------------------------------------------------------------------
def _access_tooltip(row: Mapping[Any, Any], *, lay: str, cfg: Config, lang: str,
                    gap_index: Mapping[tuple[str, str], Mapping[str, Any]],
                    prov_names: Mapping[str, str]) -> str:
    tx = _TEXT[lang]
    e = _esc
    parts = [_region_head(row, prov_names),
             f"<i>{e(cfg.layanan_label(lay, lang))}</i>"]
    dist = _num(row.get("distance_km"))
    if dist is None:
        parts.append(tx["no_data"])
    elif math.isinf(dist):
        parts.append(tx["no_capable"])
    else:
        rs = row.get("nama_rs")
        if _present(rs):
            parts.append(f"{tx['nearest']}: {e(rs)}")
        parts.append(f"{tx['distance']}: {_fmt_km(dist, lang)}")
        travel = _num(row.get("travel_min"))
        if travel is not None and not math.isinf(travel):
            parts.append(f"{tx['travel']}: {_fmt_min(travel, lang)}")
    thr = _num(row.get("threshold_min"))
    if thr is None:
        thr = cfg.threshold_min(lay)
    within = row.get("within_threshold")
    if thr is not None and _present(within):
        parts.append(f"{tx['threshold']} ({_fmt_min(thr, lang)}): "
                     f"{tx['yes'] if bool(within) else tx['no']}")
    parts += _target_lines(row, lay=lay, lang=lang, gap_index=gap_index, cfg=cfg)
    return "<br>".join(parts)


def _coverage_tooltip(row: Mapping[Any, Any], *, lay: str, cfg: Config, lang: str,
                      gap_index: Mapping[tuple[str, str], Mapping[str, Any]],
                      prov_names: Mapping[str, str]) -> str:
    tx = _TEXT[lang]
    parts = [_region_head(row, prov_names), f"<i>{_esc(cfg.layanan_label(lay, lang))}</i>"]
    g = gap_index.get((str(row["kode"]), lay))
    if g is None:
        parts.append(tx["no_data"])
    else:
        n = _num(g.get("n_hospitals"))
        if n is not None:
            parts.append(f"{tx['n_hospitals']}: {int(n)}")
        near = g.get("nearest_nama")
        dist = _num(g.get("distance_km"))
        if _present(near):
            extra = f" ({_fmt_km(dist, lang)})" if dist is not None and math.isfinite(dist) else ""
            parts.append(f"{tx['nearest']}: {_esc(near)}{extra}")
    parts += _target_lines(row, lay=lay, lang=lang, gap_index=gap_index, cfg=cfg)
    return "<br>".join(parts)


def _region_head(row: Mapping[Any, Any], prov_names: Mapping[str, str]) -> str:
    head = f"<b>{_esc(row.get('nama', row['kode']))}</b> ({_esc(row['kode'])})"
    prov = row.get("kode_induk")
    if _present(prov) and str(prov) in prov_names:
        head += f"<br>{_esc(prov_names[str(prov)])}"
    return head


def _target_lines(row: Mapping[Any, Any], *, lay: str, lang: str, cfg: Config,
                  gap_index: Mapping[tuple[str, str], Mapping[str, Any]]) -> list[str]:
    tx = _TEXT[lang]
    out = []
    for key, label in ((str(row["kode"]), "target_kab"),
                       (str(row.get("kode_induk", "")), "target_prov")):
        g = gap_index.get((key, lay))
        if g is None or not _present(g.get("meets_target")):
            continue
        strata = str(g.get("target_strata") or (cfg.target_strata_kabkota if label == "target_kab"
                                                else cfg.target_strata_provinsi))
        ok = bool(g["meets_target"])
        cls = "pg-ok" if ok else "pg-no"
        out.append(f"{tx[label]} (\u2265 {_esc(cfg.strata_label(strata, lang))}): "
                   f'<span class="{cls}">{tx["met"] if ok else tx["not_met"]}</span>')
    return out


def _legend_html(*, lang: str, cfg: Config, variable: str | None, hospitals: bool,
                 links: bool, coverage: bool = False, min_strata: str | None = None) -> str:
    tx = _TEXT[lang]
    parts: list[str] = []

    def grid(rows: list[str]) -> str:
        return '<div class="pg-grid">' + "".join(rows) + "</div>"

    if variable is not None:
        strata = (f" ({tx['min_strata']} {_esc(cfg.strata_label(min_strata, lang))})"
                  if min_strata else "")
        parts.append(f"<div class=\"pg-h\">{tx['var_' + variable]}{strata}, "
                     f"{tx['unit_' + variable]}</div>")
        labels = bin_labels(variable, lang)  # type: ignore[arg-type]
        rows = [_swatch(colour, label) for colour, label in zip(_BIN_COLOURS, labels, strict=True)]
        rows += [_swatch(_COLOUR_NONE, tx["no_capable"]), _swatch(_COLOUR_NODATA, tx["no_data"])]
        # column-major order: the classes read top to bottom, then the next column
        half = (len(rows) + 1) // 2
        pairs = zip(rows[:half], rows[half:] + [""], strict=False)
        parts.append(grid([r for pair in pairs for r in pair]))
    if coverage:
        parts.append(f"<div class=\"pg-h\">{tx['coverage_legend']}</div>")
        parts.append(_swatch(_COLOUR_MET, tx["target_met_legend"]))
        parts.append(_swatch(_COLOUR_NOT_MET, tx["target_not_met_legend"]))
        parts.append(_swatch(_COLOUR_NODATA, tx["no_data"]))
    if hospitals:
        parts.append(f"<div class=\"pg-h\">{tx['hospitals_legend']}</div>")
        rows = [_circle(_STRATA_COLOURS[rank], _STRATA_RADIUS_PX[rank],
                        _esc(cfg.strata_label(cfg.strata_order[rank], lang)))
                for rank in range(min(len(cfg.strata_order), len(_STRATA_COLOURS)) - 1, -1, -1)]
        parts.append(grid(rows))
        parts.append(_circle(_STRATA_COLOURS[2], _STRATA_RADIUS_PX[2], tx["approx"], hollow=True))
    lines = []
    if links:
        lines += [_line("#555555", tx["links_legend"], dashed=False),
                  _line("#555555", tx["usulan"], dashed=True)]
    lines.append(_line("#333333", tx["provinces"], dashed=False, width=2, arrow=False))
    if links:
        parts.append(f"<div class=\"pg-h\">{tx['links']}</div>")
    parts.append(grid(lines))
    return f'<details open><summary>{tx["legend"]}</summary>{"".join(parts)}</details>'


def _swatch(colour: str, label: str) -> str:
    return (f'<div class="pg-row"><i class="pg-sw" style="background:{colour}"></i>'
            f"{label}</div>")


def _circle(colour: str, r: float, label: str, *, hollow: bool = False) -> str:
    fill = "none" if hollow else colour
    dash = ' stroke-dasharray="2 2"' if hollow else ""
    stroke = colour if hollow else "#ffffff"
    return (f'<div class="pg-row"><svg width="20" height="20" class="pg-sym">'
            f'<circle cx="10" cy="10" r="{r:g}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{2 if hollow else 1}"{dash}/></svg>{label}</div>')


def _line(colour: str, label: str, *, dashed: bool, width: float = 1.5,
          arrow: bool = True) -> str:
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    head = (f'<path d="M14,5 L20,10 L14,15 z" fill="{colour}"/>' if arrow else "")
    return (f'<div class="pg-row"><svg width="22" height="20" class="pg-sym">'
            f'<line x1="1" y1="10" x2="{16 if arrow else 21}" y2="10" stroke="{colour}" '
            f'stroke-width="{width:g}"{dash}/>{head}</svg>{label}</div>')


def _coverage_summary_html(gaps: pd.DataFrame | None, layanan: Sequence[str], *, cfg: Config,
                           lang: str, access: Mapping[str, pd.DataFrame] | None,
                           penduduk: pd.Series | None) -> str:
    """Table: per layanan, provinces and kab/kota meeting the targets, population in time."""
    tx = _TEXT[lang]
    have_pop = access is not None and penduduk is not None
    if gaps is None and not have_pop:
        return ""
    head = [tx["layanan"]]
    if gaps is not None:
        head += [f"{tx['col_prov']} \u2265 {_esc(cfg.target_strata_provinsi)}",
                 f"{tx['col_kab']} \u2265 {_esc(cfg.target_strata_kabkota)}"]
    if have_pop:
        head.append(tx["col_pop"])
    rows = []
    for lay in layanan:
        cells = [_esc(cfg.layanan_label(lay, lang))]
        if gaps is not None:
            g = gaps[gaps["layanan"].astype(str) == lay]
            for tingkat in ("provinsi", "kabkota"):
                sel = g[g["tingkat"].astype(str) == tingkat]["meets_target"].dropna()
                n_ok, n = int(sel.astype(bool).sum()), len(sel)
                cells.append(f"{n_ok}/{n}" if n else "\u2013")
        if have_pop and access is not None and penduduk is not None:
            cells.append(_pop_share(access.get(lay), penduduk, cfg.threshold_min(lay), lang))
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<details open><summary>{tx["summary"]}</summary><table class="pg-tab"><tr>'
            + "".join(f"<th>{h}</th>" for h in head) + "</tr>" + "".join(rows)
            + "</table></details>")


def _pop_share(frame: pd.DataFrame | None, penduduk: pd.Series, threshold_min: float | None,
               lang: str) -> str:
    if frame is None or threshold_min is None:
        return "\u2013"
    pop = frame["kode"].astype(str).map(penduduk).astype(float)
    total = float(pop.sum())
    if not total > 0:
        return "\u2013"
    if "penduduk_within_threshold" in frame:  # people per demand point (kecamatan)
        within = float(pd.to_numeric(frame["penduduk_within_threshold"]).fillna(0.0).sum())
        share = within / total
    else:
        travel = pd.to_numeric(frame["travel_min"], errors="coerce").astype(float)
        within = float(pop[travel <= threshold_min].sum())
        share = within / total
    pct = f"{100 * share:.0f}%"
    text = f"{pct} ({_fmt_min(threshold_min, lang)})"
    if "penduduk_within_threshold_approx" in frame and within > 0:
        approx = float(pd.to_numeric(frame["penduduk_within_threshold_approx"])
                       .fillna(0.0).sum()) / within
        label = ("di antaranya bertumpu pada titik RS perkiraan" if lang == "id"
                 else "of which resting on an approximate hospital point")
        text += f'<br><span class="pg-approx">{100 * approx:.0f}% {label}</span>'
    return text


def _network_summary_html(hospitals: pd.DataFrame, links: Mapping[str, list[list[Any]]],
                          layanan: Sequence[str], *, cfg: Config, lang: str) -> str:
    tx = _TEXT[lang]
    head = [tx["layanan"], tx["col_hospitals"], tx["col_links"], tx["usulan"]]
    rows = []
    for lay in layanan:
        n_rs = int(hospitals[f"rank_{lay}"].notna().sum()) if f"rank_{lay}" in hospitals else 0
        lk = links.get(lay, [])
        n_usulan = sum(1 for x in lk if x[1])
        cells = [_esc(cfg.layanan_label(lay, lang)), str(n_rs), str(len(lk) - n_usulan),
                 str(n_usulan)]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<details open><summary>{tx["links"]}</summary><table class="pg-tab"><tr>'
            + "".join(f"<th>{h}</th>" for h in head) + "</tr>" + "".join(rows)
            + "</table></details>")


def _sources_html(ds: Dataset | None, lang: str) -> str:
    tx = _TEXT[lang]
    items: list[str] = []
    if ds is not None and not ds.meta.get("bundled"):
        sumber: list[str] = []
        for table in (ds.rumah_sakit, ds.layanan, ds.jejaring, ds.wilayah):
            if "sumber" in table:
                sumber += [str(s) for s in table["sumber"].dropna().astype(str)]
        uniq = list(dict.fromkeys(s for s in sumber if s.strip()))
        items.append(_esc(tx["user_data"]))
        items += [_esc(s) for s in uniq[:12]]
        if len(uniq) > 12:
            items.append(f"\u2026 (+{len(uniq) - 12})")
    else:
        for label_id, label_en, licence in DATA_SOURCES:
            items.append(f"{_esc(label_en if lang == 'en' else label_id)} ({_esc(licence)})")
    items.append(f"{tx['tiles']}: \u00a9 OpenStreetMap contributors (ODbL). "
                 f"{tx['basemap_note']}")
    items.append(f"Leaflet {LEAFLET_VERSION} (BSD-2-Clause)")
    return (f'<details><summary>{tx["sources"]}</summary><ul class="pg-src">'
            + "".join(f"<li>{i}</li>" for i in items) + "</ul></details>")


# ---------------------------------------------------------------------------
# formatting helpers
# ---------------------------------------------------------------------------
def _esc(value: Any) -> str:
    """HTML-escape any value as text (quotes included)."""
    return html.escape(str(value), quote=True)


def _present(value: Any) -> bool:
    if value is None:
        return False
    try:
        if pd.isna(value):
            return False
    except (TypeError, ValueError):
        pass
    return str(value).strip() != ""


def _num(value: Any) -> float | None:
    if not _present(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _fmt_num(x: float, lang: str, decimals: int = 0) -> str:
    s = f"{x:,.{decimals}f}"
    if lang == "id":
        s = s.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return s


def _fmt_km(km: float, lang: str) -> str:
    return f"{_fmt_num(km, lang, 1 if km < 10 else 0)} km"


def _fmt_min(minutes: float, lang: str) -> str:
    tx = _TEXT[lang]
    m = int(round(minutes))
    if m < 60:
        return f"{m} {tx['minute']}"
    h, rest = divmod(m, 60)
    return f"{h} {tx['hour']}" + (f" {rest} {tx['minute']}" if rest else "")


def _js_json(obj: Any) -> str:
    """Compact JSON safe to embed in a <script> (and never read as a template)."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _js_safe(s)


def _js_safe(s: str) -> str:
    s = (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
         .replace("'", "\\u0027").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    # '{{', '{%' and '{#' only occur inside JSON strings (never in JSON syntax)
    return re.sub(r"\{(?=[{%#])", r"\\u007b", s)


# ---------------------------------------------------------------------------
# page assembly
# ---------------------------------------------------------------------------
class _Raw(Element):
    """Text inserted as is (branca re-parses macro output as a template; this does not)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _Group(Layer):
    """An empty Leaflet feature group filled by the page script; listed in the layer control."""

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = L.featureGroup();"
        "{% endmacro %}"
    )

    def __init__(self, name: str, *, overlay: bool, show: bool) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "PgGroup"


class _Script(Element):
    """Page script, CSS and body HTML added to the figure without template parsing."""

    def __init__(self, *, css: str, body: str, js: str) -> None:
        super().__init__()
        self._name = "PgScript"
        self.css, self.body, self.js = css, body, js

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        if not isinstance(figure, Figure):  # pragma: no cover
            raise TypeError("the page script needs a folium Figure")
        figure.header.add_child(_Raw(f"<style>{self.css}</style>"), name=self.get_name())
        figure.html.add_child(_Raw(self.body), name=self.get_name())
        figure.script.add_child(_Raw(self.js), name=self.get_name())
        return ""


@dataclass(frozen=True)
class _Names:
    map: str
    base: dict[str, str]
    rs: str | None
    links: str | None
    provinces: str | None
    tiles: str


def _layer_name(text: str) -> str:
    # layer names are HTML in Leaflet's control, and template text in folium
    return _esc(text).replace("{", "&#123;").replace("}", "&#125;")


def _assemble(*, title: str, subtitle: str, lang: str, cfg: Config, layanan: Sequence[str],
              regions: gpd.GeoDataFrame | None, region_props: list[dict[str, Any]] | None,
              provinces: gpd.GeoDataFrame | None, hospitals: pd.DataFrame | None,
              links: Mapping[str, list[list[Any]]], legend: str, summary: str, sources: str,
              contoh: bool, offline: bool) -> folium.Map:
    tx = _TEXT[lang]
    bounds = _bounds(regions, hospitals, provinces)
    m = folium.Map(location=[(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2],
                   zoom_start=5, tiles=None, zoom_control="bottomright", control_scale=True,
                   zoom_snap=0.25, zoom_delta=0.5,
                   prefer_canvas=False)
    inline_assets(m, offline=offline)
    fig = m.get_root()
    if isinstance(fig, Figure):
        fig.title = _esc(title)
    base = {}
    for i, lay in enumerate(layanan):
        g = _Group(_layer_name(cfg.layanan_label(lay, lang)), overlay=False, show=i == 0)
        g.add_to(m)
        base[lay] = g.get_name()
    rs_group = links_group = prov_group = None
    if provinces is not None and len(provinces):
        prov_group = _Group(_layer_name(tx["provinces"]), overlay=True, show=True).add_to(m)
    if links and any(links.values()):
        links_group = _Group(_layer_name(tx["links"]), overlay=True, show=True).add_to(m)
    if hospitals is not None and len(hospitals):
        rs_group = _Group(_layer_name(tx["hospitals"]), overlay=True, show=True).add_to(m)
    tiles = folium.TileLayer(tiles=_TILE_URL, attr=_TILE_ATTR, name=_layer_name(tx["tiles"]),
                             overlay=True, show=False, max_zoom=19)
    tiles.add_to(m)
    names = _Names(
        map=m.get_name(), base=base, rs=rs_group.get_name() if rs_group else None,
        links=links_group.get_name() if links_group else None,
        provinces=prov_group.get_name() if prov_group else None, tiles=tiles.get_name())
    colours = {lay: cfg.layanan[lay].colour if lay in cfg.layanan else "#555555"
               for lay in layanan}
    data = {
        "layanan": list(layanan),
        "bounds": bounds,
        "rs": _hospital_records(hospitals, layanan),
        "links": {lay: links.get(lay, []) for lay in layanan},
        "strataColour": list(_STRATA_COLOURS),
        "strataRadius": list(_STRATA_RADIUS_PX),
        "layananColour": colours,
    }
    regions_js = _feature_collection(regions, region_props) if regions is not None else "null"
    prov_js = _feature_collection(provinces, None, lines=True) if provinces is not None else "null"
    panels = _panels_html(title=title, subtitle=subtitle, legend=legend, summary=summary,
                          sources=sources, contoh=contoh, lang=lang)
    js = _page_js(names, data_js=_js_json(data), regions_js=regions_js, prov_js=prov_js,
                  panels_js=_js_json(panels), layanan=layanan)
    m.add_child(_Script(css=_CSS, body=_arrow_defs(layanan, colours), js=js))
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    return m


def _bounds(regions: gpd.GeoDataFrame | None, hospitals: pd.DataFrame | None,
            provinces: gpd.GeoDataFrame | None) -> list[list[float]]:
    """[[south, west], [north, east]] of the regions (else of the hospitals) to fit the view."""
    boxes = [gdf.total_bounds for gdf in (regions, provinces) if gdf is not None and len(gdf)]
    if not boxes and hospitals is not None:
        h = hospitals.dropna(subset=["lat", "lon"])
        if len(h):
            boxes.append(np.array([h["lon"].min(), h["lat"].min(), h["lon"].max(),
                                   h["lat"].max()]))
    if not boxes:
        raise ValueError("nothing to map: no regions, provinces or hospitals with coordinates")
    b = np.vstack(boxes)
    return [[float(b[:, 1].min()), float(b[:, 0].min())],
            [float(b[:, 3].max()), float(b[:, 2].max())]]


def _hospital_records(hospitals: pd.DataFrame | None, layanan: Sequence[str]) -> list[Any]:
    """[lat, lon, approx 0/1, {layanan: strata rank}, escaped name, popup HTML] per hospital."""
    if hospitals is None:
        return []
    out = []
    for rec in hospitals.to_dict("records"):
        ranks = {lay: int(rec[f"rank_{lay}"]) for lay in layanan
                 if _present(rec.get(f"rank_{lay}"))}
        if not ranks or not (_present(rec["lat"]) and _present(rec["lon"])):
            continue
        out.append([round(float(rec["lat"]), MAP_PRECISION), round(float(rec["lon"]),
                                                                   MAP_PRECISION),
                    int(bool(rec["approx"])), ranks, _esc(rec["nama"]), rec["popup"]])
    return out


def _feature_collection(gdf: gpd.GeoDataFrame, props: list[dict[str, Any]] | None, *,
                        lines: bool = False) -> str:
    """GeoJSON text of ``gdf`` with rounded coordinates (and the given properties)."""
    geoms = np.asarray(gdf.geometry.values)
    if lines:
        geoms = shapely.boundary(geoms)
    geoms = shapely.transform(geoms, lambda c: np.round(c, MAP_PRECISION))
    geoms = shapely.remove_repeated_points(geoms, 0.0)
    texts = shapely.to_geojson(geoms)
    feats = []
    for i, text in enumerate(texts):
        if text is None:
            continue
        p = _js_json(props[i]) if props is not None else "{}"
        feats.append(f'{{"type":"Feature","properties":{p},"geometry":{text}}}')
    return '{"type":"FeatureCollection","features":[' + ",".join(feats) + "]}"


def _panels_html(*, title: str, subtitle: str, legend: str, summary: str, sources: str,
                 contoh: bool, lang: str) -> dict[str, str]:
    tx = _TEXT[lang]
    head = f'<div class="pg-title">{_esc(title)}</div><div class="pg-sub">{_esc(subtitle)}</div>'
    if contoh:
        head += f'<div class="pg-contoh">{tx["contoh"]}</div>'
    return {"title": head, "legend": legend, "summary": summary + sources}


def _arrow_defs(layanan: Sequence[str], colours: Mapping[str, str]) -> str:
    markers = "".join(
        f'<marker id="pg-arrow-{i}" viewBox="0 0 10 10" refX="17" refY="5" markerWidth="10" '
        f'markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{_esc(colours[lay])}"/></marker>'
        for i, lay in enumerate(layanan))
    return (f'<svg class="pg-defs" width="0" height="0" aria-hidden="true"><defs>{markers}'
            f"</defs></svg>")


_CSS = f"""
.leaflet-container {{ background: {_BACKGROUND}; font: 12px/1.35 system-ui, -apple-system,
  "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }}
.pg-defs {{ position: absolute; width: 0; height: 0; overflow: hidden; }}
.pg-panel {{ background: rgba(255,255,255,0.94); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 340px; }}
.pg-title {{ font-size: 15px; font-weight: 600; }}
.pg-sub {{ color: #444; margin-top: 2px; }}
.pg-contoh {{ margin-top: 4px; padding: 2px 6px; background: #b10026; color: #fff;
  font-weight: 600; border-radius: 3px; }}
.pg-h {{ font-weight: 600; margin: 5px 0 2px; }}
.pg-h:first-child {{ margin-top: 0; }}
.pg-row {{ display: flex; align-items: center; gap: 5px; min-height: 16px; }}
.pg-grid {{ display: grid; grid-template-columns: auto auto; column-gap: 10px; }}
.pg-legend, .pg-summary {{ font-size: 11px; }}
.pg-sw {{ display: inline-block; width: 16px; height: 12px; border: 1px solid #999; }}
.pg-sym {{ flex: none; }}
.pg-tab {{ border-collapse: collapse; margin-top: 3px; }}
.pg-tab th, .pg-tab td {{ padding: 1px 5px; border-bottom: 1px solid #ddd; text-align: left; }}
.pg-tab th {{ font-weight: 600; vertical-align: bottom; }}
.pg-src {{ margin: 3px 0 0 14px; padding: 0; max-height: 160px; overflow-y: auto; }}
.pg-panel summary {{ cursor: pointer; font-weight: 600; }}
.pg-pop table {{ border-collapse: collapse; margin: 4px 0; }}
.pg-pop th, .pg-pop td {{ padding: 1px 6px 1px 0; text-align: left; vertical-align: top;
  border-bottom: 1px solid #eee; }}
.pg-meta {{ color: #555; }}
.pg-ok {{ color: #1b6ca8; font-weight: 600; }}
.pg-no {{ color: #b2182b; font-weight: 600; }}
.leaflet-control-layers-base label {{ font-weight: 600; }}
""" + "".join(
    f".pg-link-{i} {{ marker-end: url(#pg-arrow-{i}); }}\n" for i in range(32)
)

_PAGE_JS = """
(function () {
  var map = __MAP__;
  var D = __DATA__;
  var P = __PANELS__;
  var base = __BASE__;
  var rsGroup = __RS__, linkGroup = __LINKS__, provGroup = __PROV__, tiles = __TILES__;
  var regions = __REGIONS__;
  var provinces = __PROVINCES__;
  [["pgWilayah", 405], ["pgProvinsi", 410], ["pgJejaring", 420], ["pgRS", 430]].forEach(
    function (p) { map.createPane(p[0]).style.zIndex = p[1]; });
  var sub = {};
  D.layanan.forEach(function (lay, i) {
    if (regions) {
      L.geoJSON(regions, {
        pane: "pgWilayah",
        style: function (f) {
          return {fillColor: f.properties.c[lay], fillOpacity: 0.85, color: "#ffffff",
                  weight: 0.5, opacity: 0.9};
        },
        onEachFeature: function (f, l) {
          l.bindTooltip(f.properties.t[lay], {sticky: true, className: "pg-tip"});
          l.on("mouseover", function () { l.setStyle({weight: 2, color: "#333333"}); });
          l.on("mouseout", function () { l.setStyle({weight: 0.5, color: "#ffffff"}); });
        }
      }).addTo(base[lay]);
    }
    var rs = L.featureGroup();
    D.rs.forEach(function (h) {
      var r = h[3][lay];
      if (r === undefined) { return; }
      var col = D.strataColour[Math.min(r, D.strataColour.length - 1)];
      var rad = D.strataRadius[Math.min(r, D.strataRadius.length - 1)];
      var style = h[2]
        ? {radius: rad, color: col, weight: 2, dashArray: "2 2", fillColor: "#ffffff",
           fillOpacity: 0.35, pane: "pgRS"}
        : {radius: rad, color: "#ffffff", weight: 1, fillColor: col, fillOpacity: 0.95,
           pane: "pgRS"};
      L.circleMarker([h[0], h[1]], style).bindPopup(h[5], {maxWidth: 380})
        .bindTooltip(h[4]).addTo(rs);
    });
    var lk = L.featureGroup();
    (D.links[lay] || []).forEach(function (x) {
      L.polyline(x[0], {pane: "pgJejaring", color: D.layananColour[lay], weight: 1.8,
                        opacity: 0.85, dashArray: x[1] ? "6 5" : null,
                        className: "pg-link pg-link-" + i}).bindTooltip(x[2], {sticky: true})
        .addTo(lk);
    });
    sub[lay] = {rs: rs, links: lk};
  });
  if (provGroup && provinces) {
    L.geoJSON(provinces, {pane: "pgProvinsi", interactive: false,
                          style: {color: "#333333", weight: 1.4, opacity: 0.9, fill: false}})
      .addTo(provGroup);
  }
  function show(lay) {
    if (rsGroup) { rsGroup.clearLayers(); rsGroup.addLayer(sub[lay].rs); }
    if (linkGroup) { linkGroup.clearLayers(); linkGroup.addLayer(sub[lay].links); }
  }
  show(D.layanan[0]);
  map.on("baselayerchange", function (e) {
    for (var lay in base) { if (base[lay] === e.layer) { show(lay); } }
  });
  function panel(position, html, cls) {
    var c = L.control({position: position});
    var div = L.DomUtil.create("div", "pg-panel " + cls);
    div.innerHTML = html;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    c.onAdd = function () { return div; };
    c.addTo(map);
    return div;
  }
  var titleBox = panel("topleft", P.title, "pg-titlebox");
  var legendBox = panel("bottomleft", P.legend, "pg-legend");
  var summaryBox = P.summary ? panel("bottomright", P.summary, "pg-summary") : null;
  // Fit the data between the title (top) and the legend/summary (bottom) when the map
  // is tall enough for that; otherwise fit it to the whole map.
  var top = titleBox.offsetHeight + 16;
  var bottom = Math.max(legendBox.offsetHeight, summaryBox ? summaryBox.offsetHeight : 0) + 16;
  if (top + bottom > 0.55 * map.getSize().y) { top = 8; bottom = 8; }
  map.fitBounds(D.bounds, {paddingTopLeft: [8, top], paddingBottomRight: [8, bottom]});
  // Background tiles need a connection: without one, switch them off (the boundaries
  // stay readable on the light background); they can be switched on again by hand.
  var loaded = 0, switchedOff = false;
  tiles.on("tileload", function () { loaded += 1; });
  tiles.on("tileerror", function () {
    if (!loaded && map.hasLayer(tiles)) { switchedOff = true; map.removeLayer(tiles); }
  });
  if (navigator.onLine !== false) { tiles.addTo(map); } else { switchedOff = true; }
  window.addEventListener("online", function () {
    if (switchedOff && !map.hasLayer(tiles)) { switchedOff = false; loaded = 0; tiles.addTo(map); }
  });
})();
"""


def _page_js(names: _Names, *, data_js: str, regions_js: str, prov_js: str, panels_js: str,
             layanan: Sequence[str]) -> str:
    base = "{" + ",".join(f"{_js_json(lay)}:{names.base[lay]}" for lay in layanan) + "}"
    repl = {
        "__MAP__": names.map, "__BASE__": base,
        "__RS__": names.rs or "null", "__LINKS__": names.links or "null",
        "__PROV__": names.provinces or "null", "__TILES__": names.tiles,
        "__DATA__": data_js, "__PANELS__": panels_js,
        "__REGIONS__": regions_js, "__PROVINCES__": prov_js,
    }
    return re.sub("|".join(repl), lambda mo: repl[mo.group(0)], _PAGE_JS)


def _leaflet_js() -> str:
    text = (STATIC_DIR / "leaflet.js").read_text(encoding="utf-8")
    text = re.sub(r"//# sourceMappingURL=\S+\s*$", "", text)
    return text.replace("</script", "<\\/script")


def _leaflet_css() -> str:
    css = (STATIC_DIR / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(mo: re.Match[str]) -> str:
        name = mo.group(1)
        path = STATIC_DIR / name
        if not path.is_file():  # pragma: no cover - the vendored set is complete
            return "url(data:,)"
        b64 = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{b64})"

    return re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri, css)
