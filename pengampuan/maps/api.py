"""The three public map functions: access, network and coverage, nationally or for one province."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import folium
import geopandas as gpd
import networkx as nx
import pandas as pd

from ..config import BUKTI, DEFAULT_CONFIG, FASILITAS, Config, is_approx_lokasi
from ..dataset import Dataset
from ..geo import require_wgs84
from ..travel import travel_model_of
from . import layers
from . import scope as scope_mod
from .layers import (
    BIN_COLOURS,
    COLOUR_APPROX,
    COLOUR_FASILITAS,
    COLOUR_LAND,
    COLOUR_MET,
    COLOUR_NODATA,
    COLOUR_NONE,
    COLOUR_NOT_MET,
    PRECISION_NATIONAL,
    PRECISION_PROVINCE,
    STRATA_COLOURS,
    STRATA_RADIUS_PX,
    bin_colours,
)
from .page import (
    LABEL_ZOOM,
    LABEL_ZOOM_PROVINCE,
    LEAFLET_VERSION,
    assemble,
    made_line,
    resolve_offline,
)
from .scope import Scope
from .text import (
    BIN_EDGES,
    FAS_RADIUS_PX,
    LINK_DASH,
    TEXT,
    USULAN_DASH,
    check_lang,
    coverage_row,
    coverage_summary_html,
    esc,
    fmt_min,
    fmt_num,
    layer_label,
    legend_heading,
    legend_html,
    linkify,
    network_summary_html,
    num,
    present,
    province_summary_html,
    region_row,
    threshold_of,
    travel_note,
    years_text,
)

Variable = Literal["travel_min", "distance_km"]

#: Regions are outlined as resting on approximate hospital points when at least this share
#: of their people has a placeholder (``lokasi_presisi == "kabkota"``) as nearest hospital.
APPROX_SHARE = 0.5
#: Fill colours of the kecamatan layer, referred to by index (the choropleth classes, then
#: no capable hospital, then no data).
KEC_COLOURS: tuple[str, ...] = (*BIN_COLOURS, COLOUR_NONE, COLOUR_NODATA)
#: Most H3 cells a map page draws (a large province at resolution 7); the national grid
#: (about 350,000 cells) belongs in a GeoPackage, not a web page.
MAX_GRID_CELLS = 60_000

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
    ("Titik dan kode RS Online: Satgas COVID-19 / Kemenkes RS Online 2021",
     "RS Online points and codes: Satgas COVID-19 / Kemenkes RS Online 2021",
     "data pemerintah / factual government data"),
    ("Kelas RS dan layanan yang dilaporkan (bukan strata): Kemenkes RS Online 2020",
     "Hospital class and reported services (not strata): Kemenkes RS Online 2020",
     "data pemerintah / factual government data"),
    ("Titik, penduduk dan batas kecamatan: Kemendagri, Dukcapil 2023 (lihat data/README.md)",
     "Kecamatan points, population and boundaries: Kemendagri, Dukcapil 2023 "
     "(see data/README.md)", "dokumen publik / public record"),
    ("Jejaring pengampuan: berita media dan siaran pers (lihat kolom sumber)",
     "Mentoring links: news items and press releases (see the sumber column)",
     "fakta dengan atribusi / facts with attribution"),
)

#: Texts of the page script (our own words, no data).
_JS_TEXT = ("layanan", "strata", "pengampu", "mengampu", "rs", "source", "population", "outside",
            "usulan", "tiles_failed", "kab_table", "col_penduduk", "col_target", "below_target",
            "labels", "provinces", "links", "hospitals", "hospitals_other", "tiles",
            "approx_layer", "kab_of", "nearest", "bukti", "grid_none", "yes", "no",
            "approx_short")


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
    provinsi: str | int | None = None,
    lang: str | None = None,
    title: str | None = None,
    offline: bool | None = None,
    files: Sequence[str] | None = None,
    kecamatan: gpd.GeoDataFrame | Mapping[str, gpd.GeoDataFrame] | None = None,
    grid: pd.DataFrame | Mapping[str, pd.DataFrame] | None = None,
    approx_share: float = APPROX_SHARE,
    travel: str | None = None,
) -> folium.Map:
    """
    Choropleth of access to the nearest capable hospital per kab/kota.

    One layer per layanan (switched in the layer control) colours each
    kab/kota by the estimated travel time (or the distance) to the nearest
    hospital able to treat it, draws the hospitals by strata (hollow, dashed
    markers for points placed inside their kab/kota rather than at the real
    location) and, when ``network`` is given, the referral links
    pengampu -> diampu with an arrowhead at the diampu (proposed links dashed).
    A click on a kab/kota opens its figures for every layanan; with ``gaps``,
    kab/kota below the kab/kota target are hatched. A map of several provinces
    has a province picker that zooms to a province and shows its summary.

    Access to a *reported service* (``district_access(..., fasilitas=
    "hemodialisis")``: RS Online 2020 flags, not strata) is a layer of its own,
    side by side with the layanan: it is labelled "dilaporkan 2020" (reported
    in 2020), has no target, and draws the hospitals reporting the service.
    Kab/kota where at least ``approx_share`` of the people have a placeholder
    hospital point as nearest (``share_nearest_approx``) are outlined (dotted),
    and their popups give that share.

    Two finer layers, off until switched on in the layer control, are for a
    province: ``kecamatan`` (access per kecamatan, ``district_access(...,
    level="kecamatan")``) and ``grid`` (the H3 access grid,
    :func:`~pengampuan.province_access_grid`); while the grid is on, the kab/kota
    are drawn as outlines over it (and still open their popup on a click). The
    national grid (about 350,000 cells at resolution 7) is too large for a web
    page: write it as GeoPackage or GeoJSON instead (``pengampuan access --grid
    --grid-out akses.gpkg``, or ``pg.access_grid(..., as_geodataframe=True)``
    and :func:`~pengampuan.to_geojson`).

    Parameters
    ----------
    acc : GeoDataFrame or mapping of layanan -> GeoDataFrame
        Output of :func:`pengampuan.district_access`: one row per kab/kota with
        ``kode``, ``nama``, ``geometry``, ``distance_km``, ``travel_min`` and
        optionally ``nama_rs``, ``within_threshold``, ``threshold_min``,
        ``kode_induk``, ``penduduk``, ``lokasi_presisi``,
        ``share_within_threshold``, ``share_nearest_approx``. A single frame is
        for one layanan: give it with ``layanan=``, a ``layanan`` column (one or
        more layanan, long format) or ``acc.attrs["layanan"]``. All frames share
        the kab/kota polygons. Keys of a mapping (or ``acc.attrs["fasilitas"]``)
        that are reported services (:data:`~pengampuan.config.FASILITAS`, e.g.
        ``"hemodialisis"``) make reported-service layers.
    ds : Dataset
        The hospitals, their strata and links (popups, markers, sources).
    network : networkx.MultiDiGraph, optional
        From :func:`pengampuan.build_network`; draws the referral links.
    provinces : GeoDataFrame, optional
        Province polygons drawn as outlines. Default: the kab/kota dissolved by
        ``kode_induk`` (or by the first two digits of ``kode``).
    gaps : DataFrame, optional
        Output of :func:`pengampuan.target_gaps`; adds "target met" to the
        popups, hatches kab/kota below target and adds a summary of coverage
        vs targets.
    layanan : str, optional
        Layanan of a single ``acc`` frame.
    variable : {"travel_min", "distance_km"}
        What the colours show.
    status : {"target", "ada"}, optional
        Which strata the analysis used; said in the title panel and used for
        the markers. Default: ``acc.attrs["status"]`` (set by
        :func:`~pengampuan.district_access`), else the status of ``gaps``,
        else ``"target"``.
    provinsi : str or int, optional
        One province, by code or name (``17``, ``"Bengkulu"``): its kab/kota,
        its hospitals and those outside linked to them (marked as outside),
        neighbouring provinces as grey context, its summary and a table of its
        kab/kota. Default: the province of the kab/kota when they all lie in
        one, else all.
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    title : str, optional
        Map title (default: a title in ``lang``, with the province).
    offline : bool, optional
        ``None`` (default) or True: Leaflet is inlined and the saved HTML opens
        with no network. False: Leaflet comes from a CDN (unless
        ``settings.offline`` / ``PENGAMPUAN_OFFLINE`` is on).
    files : list of str, optional
        Relative paths linked from the sources panel (the files of a report).
    kecamatan : GeoDataFrame or mapping of layer -> GeoDataFrame, optional
        Access per kecamatan (``district_access(..., level="kecamatan")``, one
        frame per layanan or fasilitas, as ``acc``), drawn as a layer "Kecamatan",
        off by default. Only the kecamatan of the mapped kab/kota are drawn.
    grid : DataFrame or mapping of layer -> DataFrame, optional
        H3 access grid (``h3`` and ``variable`` columns, e.g.
        :func:`~pengampuan.province_access_grid`), one per layanan or fasilitas,
        drawn as a layer off by default; at most ``MAX_GRID_CELLS`` cells.
    approx_share : float, default 0.5
        Share of a kab/kota's people served by a placeholder hospital point from
        which the kab/kota is outlined as resting on approximate points.
    travel : {"simple", "sea"}, optional
        The travel-time model the minutes come from, stated with its
        assumptions (detour factor, speeds from the dataset's ``Config``) in the
        legend and under the summary. Default: ``attrs["travel"]`` of the access
        frames (set by :func:`~pengampuan.district_access`; a layanan's frame
        first), else ``"simple"`` (great-circle km x detour factor at a fixed
        speed, sea crossings not counted).

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
    >>> html = m.get_root().render()
    >>> "2 jam 1 menit" in html, "Provinsi Bengkulu" in html
    (True, True)
    """
    lang = check_lang(lang)
    cfg = ds.config
    _check_choice("variable", variable, tuple(BIN_EDGES))
    if not 0 < approx_share <= 1:
        raise ValueError(f"approx_share={approx_share!r} must be a share in (0, 1]")
    frames = _split_access(acc, layanan=layanan, cfg=cfg)
    attrs = next((f.attrs for k, f in frames.items() if k not in FASILITAS),
                 next(iter(frames.values())).attrs)
    if status is None and attrs.get("status") is not None and not attrs.get("fasilitas"):
        status = str(attrs["status"])
    if gaps is not None:
        gaps, status = _gaps_for_status(gaps, status)
    status = status or "target"
    _check_choice("status", status, ("ada", "target"))
    min_strata = str(attrs.get("min_strata", cfg.target_strata_kabkota))
    travel = travel_model_of(frames, travel)
    note = travel_note(travel, cfg, lang)
    lay_codes = list(frames)
    fas_codes = [k for k in lay_codes if k in FASILITAS]
    strata_codes = [k for k in lay_codes if k not in FASILITAS]
    tahun = years_text(ds.fasilitas["tahun"].tolist()) if fas_codes and "tahun" in \
        ds.fasilitas else ""
    labels = {k: esc(layer_label(k, cfg, lang, tahun=tahun)) for k in lay_codes}
    headings = {k: legend_heading(variable, k, cfg=cfg, lang=lang, tahun=tahun,
                                  min_strata=str(frames[k].attrs.get("min_strata")
                                                 or min_strata))
                for k in lay_codes}
    everything = _base_regions(frames)
    scope, base, prec = _scoped(everything, provinsi, ds)
    gap_index = _gap_index(gaps, ds)
    prov_names = _region_names(ds)
    wil = _region_data(base, prov_names=prov_names, ds=ds, frames=frames, lang=lang, prec=prec)
    wil["cols"] = [TEXT[lang]["travel" if variable == "travel_min" else "distance"],
                   TEXT[lang]["nearest"], TEXT[lang]["target_kab"]]
    empty = []
    approx_any = False
    for lay, frame in frames.items():
        aligned = _align(frame, base, lay)
        v: dict[str, list[Any]] = {"c": bin_colours(aligned[variable], variable=variable),
                                   "r": [], "m": [], "ax": []}
        for i, row in enumerate(aligned.to_dict("records")):
            gap = gap_index.get((str(row["kode"]), lay))
            prov_gap = gap_index.get((str(row.get("kode_induk") or ""), lay))
            v["r"].append(region_row(row, lay=lay, cfg=cfg, lang=lang, variable=variable,
                                     gap=gap, prov_gap=prov_gap))
            v["m"].append(_met_flag(gap))
            share = row.get("share_nearest_approx")
            if present(share) and float(share) >= approx_share:
                v["ax"].append(i)
        approx_any = approx_any or bool(v["ax"])
        wil["v"][lay] = v
        dist = pd.to_numeric(frame["distance_km"], errors="coerce")
        if len(dist) and bool((dist == math.inf).all()) and lay not in FASILITAS:
            empty.append(lay)
    outline = _outline(provinces, base, scope)
    hosp = _hospitals(ds, network=network, status=status, layanan=strata_codes, lang=lang,
                      scope=scope, draw_links=network is not None, prec=prec,
                      fasilitas=fas_codes)
    kec = (_kecamatan_data(kecamatan, base, cfg=cfg, lang=lang, variable=variable, prec=prec)
           if kecamatan is not None else None)
    grid_data = _grid_data(grid, base, variable=variable, prec=prec) if grid is not None \
        else None
    summary, pickable = _summaries(scope, everything, gaps, frames, _penduduk(ds), lay_codes,
                                   ds=ds, cfg=cfg, lang=lang, labels=labels, travel=note)
    has_links = bool(network is not None and any(hosp.links.values()))
    legend = legend_html(
        lang=lang, cfg=cfg, colours=BIN_COLOURS, none_colour=COLOUR_NONE,
        nodata_colour=COLOUR_NODATA, strata_colours=STRATA_COLOURS,
        strata_radius=STRATA_RADIUS_PX, variable=variable, hospitals=True,
        links=has_links, min_strata=min_strata,
        hatch=gaps is not None, outside=scope.province, context=scope.province,
        fasilitas=COLOUR_FASILITAS if fas_codes else None,
        approx_mark=(COLOUR_APPROX, approx_share) if approx_any else None,
        link_styles=sorted({x[4] for lk in hosp.links.values() for x in lk}),
        kecamatan=kec is not None, grid_info=grid_data, heading=headings[lay_codes[0]],
        travel=note)
    extra = _layer_extra(fas_codes, tahun=tahun, lang=lang, kec=kec,
                         grid=grid_data, variable=variable)
    extra["legendVar"] = headings
    extra["travel"] = travel
    return _page(
        kind="access", title=title, scope=scope, status=status, lang=lang, cfg=cfg,
        layanan=lay_codes, wil=wil, outline=outline,
        ctx=scope_mod.context(scope, base, everything), land=None, hosp=hosp, legend=legend,
        summary=summary, ds=ds, offline=offline, files=files, prec=prec, hatch=gaps is not None,
        bounds_frames=(base,), picker=pickable, empty=empty, min_strata=min_strata,
        labels=labels, extra=extra)


def map_network(
    net: nx.MultiDiGraph,
    *,
    ds: Dataset | None = None,
    layanan: str | Sequence[str] | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    status: str = "target",
    provinsi: str | int | None = None,
    lang: str | None = None,
    title: str | None = None,
    offline: bool | None = None,
) -> folium.Map:
    """
    Map of the pengampuan network: hospitals by strata and referral links, on land.

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
        Province polygons (``kode``) drawn as land with outlines (default: the
        bundled province boundaries).
    status : {"target", "ada"}
        Strata used for the markers (default ``"target"``, the strata of the
        bundled data).
    provinsi : str or int, optional
        One province, by code or name: its hospitals, the links that touch
        them (partners outside drawn at their place and marked as outside), its
        land and the neighbouring provinces as grey context.
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    title : str, optional
        Map title.
    offline : bool, optional
        As in :func:`map_access`: inlined unless False is asked for.

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> m = pg.map_network(pg.build_network(ds), ds=ds, layanan="kanker", provinsi="Banten")
    >>> html = m.get_root().render()
    >>> "pengampu \u2192 diampu" in html, "Provinsi Banten" in html
    (True, True)
    """
    lang = check_lang(lang)
    _check_choice("status", status, ("ada", "target"))
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    scope = (scope_mod.resolve_scope(provinsi, ds, None) if provinsi is not None else Scope())
    if ds is not None:
        rs, lay_rows = ds.rumah_sakit, ds.layanan
        ranks = ds.strata_rank_table(status=status)
    else:
        rs, lay_rows, ranks = layers.hospitals_from_network(net, status=status, cfg=cfg)
    if layanan is None:
        present_lay = {str(d.get("layanan")) for _, _, d in net.edges(data=True)}
        present_lay |= {lay for lay in cfg.layanan if lay in ranks and ranks[lay].notna().any()}
        lay_codes = [lay for lay in cfg.layanan if lay in present_lay]
    else:
        lay_codes = [layanan] if isinstance(layanan, str) else list(layanan)
    for lay in lay_codes:
        cfg.check_layanan(lay)
    if not lay_codes:
        raise ValueError("the network has no hospital or link for any layanan; nothing to map")
    prec = _precision(scope)
    hosp = _hospital_layer(rs, lay_rows, layers.links_table(ds, net), ranks=ranks,
                           layanan=lay_codes, cfg=cfg, lang=lang, ds=ds, scope=scope,
                           draw_links=True, prec=prec)
    land = scope_mod.land(scope, require_wgs84(provinces, name="provinces")
                          if provinces is not None else None)
    summary = network_summary_html(hosp.counts, hosp.links, lay_codes, cfg=cfg, lang=lang)
    legend = legend_html(
        lang=lang, cfg=cfg, colours=BIN_COLOURS, none_colour=COLOUR_NONE,
        nodata_colour=COLOUR_NODATA, strata_colours=STRATA_COLOURS,
        strata_radius=STRATA_RADIUS_PX, variable=None, hospitals=True, links=True,
        outside=scope.province, context=scope.province, land=COLOUR_LAND,
        link_styles=sorted({x[4] for lk in hosp.links.values() for x in lk}))
    points = pd.DataFrame([{"lat": r[0], "lon": r[1]} for r in hosp.records
                           if not r[2] & layers.FLAG_OUTSIDE], columns=["lat", "lon"])
    empty = [lay for lay in lay_codes if not hosp.counts.get(lay) and not hosp.links.get(lay)]
    return _page(
        kind="network", title=title, scope=scope, status=status, lang=lang, cfg=cfg,
        layanan=lay_codes, wil=None, outline=None, ctx=scope_mod.context(scope, land, None)
        if scope.province else None, land=land, hosp=hosp, legend=legend, summary=summary,
        ds=ds, offline=offline, files=None, prec=prec, hatch=False,
        bounds_frames=(land,) if scope.province else (), points=points, picker=None,
        empty=empty, min_strata=None)


def map_coverage(
    gaps: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str | Sequence[str] | None = None,
    ds: Dataset | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    status: str | None = None,
    provinsi: str | int | None = None,
    lang: str | None = None,
    title: str | None = None,
    offline: bool | None = None,
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
    status : {"target", "ada"}, optional
        Which strata ``gaps`` was computed with (said in the title panel); when
        ``gaps`` has rows of both (a ``status`` column), the rows drawn.
        Default: the one value of ``gaps["status"]``, else ``"target"``.
    provinsi : str or int, optional
        One province, by code or name (as in :func:`map_access`).
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    title : str, optional
        Map title.
    offline : bool, optional
        As in :func:`map_access`: inlined unless False is asked for.

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
    lang = check_lang(lang)
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    _require_columns(gaps, ("kode", "layanan", "tingkat", "meets_target"), name="gaps")
    gaps, status = _gaps_for_status(gaps, status)
    regions = require_wgs84(regions, name="regions")
    _require_columns(regions, ("kode", "nama"), name="regions")
    present_lay = list(dict.fromkeys(gaps["layanan"].astype(str)))
    if layanan is None:
        lay_codes = [lay for lay in cfg.layanan if lay in present_lay] + [
            lay for lay in present_lay if lay not in cfg.layanan]
    else:
        lay_codes = [layanan] if isinstance(layanan, str) else list(layanan)
    missing = [lay for lay in lay_codes if lay not in present_lay]
    if missing:
        raise ValueError(f"gaps has no rows for layanan {missing}; it has {present_lay}")
    everything = regions.reset_index(drop=True)
    scope, base, prec = _scoped(everything, provinsi, ds)
    gap_index = _gap_index(gaps, ds)
    prov_names = _region_names(ds)
    wil = _region_data(base, prov_names=prov_names, ds=ds, frames=None, lang=lang, prec=prec)
    wil["cols"] = [TEXT[lang]["n_hospitals"], TEXT[lang]["nearest"], TEXT[lang]["target_kab"]]
    induk = scope_mod.kode_induk(base).tolist()
    for lay in lay_codes:
        v: dict[str, list[Any]] = {"c": [], "r": [], "m": []}
        for kode, prov in zip(base["kode"].astype(str), induk, strict=True):
            gap = gap_index.get((kode, lay))
            met = _met_flag(gap)
            v["c"].append(COLOUR_NODATA if met is None else COLOUR_MET if met else COLOUR_NOT_MET)
            v["r"].append(coverage_row({}, lang=lang, gap=gap,
                                       prov_gap=gap_index.get((prov, lay))))
            v["m"].append(met)
        wil["v"][lay] = v
    outline = _outline(provinces, base, scope)
    hosp = (_hospitals(ds, network=None, status=status, layanan=lay_codes, lang=lang,
                       scope=scope, draw_links=False, prec=prec) if ds is not None else None)
    summary, pickable = _summaries(scope, everything, gaps, None, None, lay_codes, ds=ds,
                                   cfg=cfg, lang=lang)
    legend = legend_html(
        lang=lang, cfg=cfg, colours=BIN_COLOURS, none_colour=COLOUR_NONE,
        nodata_colour=COLOUR_NODATA, strata_colours=STRATA_COLOURS,
        strata_radius=STRATA_RADIUS_PX, variable=None, hospitals=hosp is not None,
        links=False, coverage=(COLOUR_MET, COLOUR_NOT_MET), outside=scope.province,
        context=scope.province)
    return _page(
        kind="coverage", title=title, scope=scope, status=status, lang=lang, cfg=cfg,
        layanan=lay_codes, wil=wil, outline=outline,
        ctx=scope_mod.context(scope, base, everything), land=None, hosp=hosp, legend=legend,
        summary=summary, ds=ds, offline=offline, files=None, prec=prec, hatch=False,
        bounds_frames=(base,), picker=pickable, empty=[], min_strata=None)


# ---------------------------------------------------------------------------
# page
# ---------------------------------------------------------------------------
def _page(*, kind: str, title: str | None, scope: Scope, status: str, lang: str, cfg: Config,
          layanan: Sequence[str], wil: dict[str, Any] | None,
          outline: gpd.GeoDataFrame | None, ctx: gpd.GeoDataFrame | None,
          land: gpd.GeoDataFrame | None, hosp: layers.Hospitals | None, legend: str,
          summary: str, ds: Dataset | None, offline: bool | None,
          files: Sequence[str] | None, prec: int, hatch: bool,
          bounds_frames: Sequence[gpd.GeoDataFrame | None],
          points: pd.DataFrame | None = None,
          picker: list[list[Any]] | None, empty: Sequence[str], min_strata: str | None,
          labels: Mapping[str, str] | None = None, extra: Mapping[str, Any] | None = None,
          ) -> folium.Map:
    tx = TEXT[lang]
    labels = labels or {}
    if title is None:
        title = tx[f"title_{kind}"]
        if scope.province:
            title += " \u2014 " + tx["in_province"].format(nama=scope.nama)
    if points is None and hosp is not None:
        points = pd.DataFrame([{"lat": r[0], "lon": r[1]} for r in hosp.records],
                              columns=["lat", "lon"])
    bounds = layers.bounds_of(*bounds_frames, points=points)
    head = (f'<div class="pg-title">{esc(title)}</div>'
            f'<div class="pg-sub">{tx[f"status_{status}"]}</div>')
    if ds is not None and ds.has_contoh:
        head += f'<div class="pg-contoh">{tx["contoh"]}</div>'
    for lay in empty:
        if status == "ada":
            head += ('<div class="pg-notice">' + tx["empty_status"].format(
                layanan=esc(cfg.layanan_label(lay, lang)),
                strata=esc(cfg.strata_label(min_strata or cfg.target_strata_kabkota, lang)),
                status=status) + "</div>")
    head += ('<div class="pg-notice pg-notice-layer" hidden></div>'
             '<div class="pg-notice pg-notice-live" hidden></div>')
    if picker:
        head += (f'<label><select class="pg-pick" aria-label="{tx["pick"]}">'
                 f'<option value="">{tx["pick_all"]} \u2013 {tx["pick"].lower()}\u2026</option>'
                 "</select></label>")
    if scope.province and wil is not None:
        summary += (f'<details class="pg-fold pg-kabfold"><summary>{tx["kab_table"]} '
                    f'({len(wil["kode"])})</summary><table class="pg-tab pg-kabtab"></table>'
                    "</details>")
    summary += _sources_html(ds, lang, files)
    data: dict[str, Any] = {
        "lang": lang, "T": {k: tx[k] for k in _JS_TEXT}, "layanan": list(layanan),
        "lay": {lay: {"n": labels.get(lay) or esc(cfg.layanan_label(lay, lang)),
                      "c": (COLOUR_FASILITAS if lay in FASILITAS else cfg.layanan[lay].colour
                            if lay in cfg.layanan else "#555555"),
                      "f": int(lay in FASILITAS),
                      **({"s": esc(tx["fas_" + lay])} if lay in FASILITAS else {})}
                for lay in layanan},
        "prec": prec, "wil": wil,
        "outline": layers.encode_lines(outline.geometry.values, prec)
        if outline is not None and len(outline) else None,
        "ctx": layers.encode_polygons(ctx.geometry.values, prec)
        if ctx is not None and len(ctx) else None,
        "land": layers.encode_polygons(land.geometry.values, prec)
        if land is not None and len(land) else None,
        "landColour": COLOUR_LAND,
        "strataColour": list(STRATA_COLOURS), "strataRadius": list(STRATA_RADIUS_PX),
        "provinces": picker, "table": bool(scope.province and wil is not None),
        "hatch": hatch, "labelZoom": LABEL_ZOOM_PROVINCE if scope.province else LABEL_ZOOM,
        **(hosp.js() if hosp is not None else {"rs": [], "links": {}, "src": []}),
        "fasNames": [esc(tx["fas_" + f]) for f in FASILITAS], "bukti": list(BUKTI),
        "fasColour": COLOUR_FASILITAS, "fasRadius": FAS_RADIUS_PX,
        "approxColour": COLOUR_APPROX, "linkDash": list(LINK_DASH), "usulanDash": USULAN_DASH,
        **(extra or {}),
    }
    panels = {"title": head, "legend": legend, "summary": summary}
    return assemble(title=title, lang=lang, bounds=bounds, data=data, panels=panels,
                    offline=resolve_offline(offline))


def _sources_html(ds: Dataset | None, lang: str, files: Sequence[str] | None) -> str:
    tx = TEXT[lang]
    items: list[str] = []
    if ds is not None and not ds.meta.get("bundled"):
        sumber: list[str] = []
        for table in (ds.rumah_sakit, ds.layanan, ds.jejaring, ds.wilayah):
            if "sumber" in table:
                sumber += [str(s) for s in table["sumber"].dropna().astype(str)]
        uniq = list(dict.fromkeys(s for s in sumber if s.strip()))
        items.append(esc(tx["user_data"]))
        items += [linkify(s) for s in uniq[:12]]
        if len(uniq) > 12:
            items.append(f"\u2026 (+{len(uniq) - 12})")
    else:
        for label_id, label_en, licence in DATA_SOURCES:
            items.append(f"{esc(label_en if lang == 'en' else label_id)} ({esc(licence)})")
    items.append(f"{tx['tiles']}: \u00a9 OpenStreetMap contributors (ODbL). "
                 f"{tx['basemap_note']}")
    items.append(f"Leaflet {LEAFLET_VERSION} (BSD-2-Clause)")
    out = (f'<details class="pg-fold-src"><summary>{tx["sources"]}</summary><ul class="pg-src">'
           + "".join(f"<li>{i}</li>" for i in items) + "</ul></details>")
    if files:
        links = "".join(f'<a href="{esc(f)}">{esc(f)}</a>' for f in files)
        out += f'<div class="pg-files">{tx["files"]}: {links}</div>'
    return out + f'<div class="pg-made">{made_line(lang)}</div>'


# ---------------------------------------------------------------------------
# layers from the inputs
# ---------------------------------------------------------------------------
def _region_data(base: gpd.GeoDataFrame, *, prov_names: Mapping[str, str], ds: Dataset | None,
                 frames: Mapping[str, pd.DataFrame] | None, lang: str, prec: int
                 ) -> dict[str, Any]:
    induk = scope_mod.kode_induk(base)
    pop: list[int | None] = []
    pend = None
    if frames is not None:
        for f in frames.values():
            if "penduduk" in f:
                pend = pd.to_numeric(f.set_index(f["kode"].astype(str))["penduduk"],
                                     errors="coerce")
                break
    if pend is None and ds is not None:
        pend = _penduduk(ds)
    for kode in base["kode"].astype(str):
        p = pend.get(kode) if pend is not None else None
        pop.append(int(p) if present(p) else None)
    return {
        "kode": [esc(k) for k in base["kode"].astype(str)],
        "nama": [esc(n) for n in base["nama"].astype(str)],
        "sub": [esc(prov_names[k]) if k in prov_names else "" for k in induk],
        "pop": pop, "popText": [fmt_num(p, lang) if p is not None else "" for p in pop],
        "pt": layers.label_points(base.geometry, prec),
        "g": layers.encode_polygons(base.geometry.values, prec),
        "v": {},
    }


def _by_layer(value: pd.DataFrame | Mapping[str, pd.DataFrame], *, name: str
              ) -> dict[str, pd.DataFrame]:
    """{layer: frame} from a mapping, or from one frame naming its layanan/fasilitas."""
    if isinstance(value, Mapping):
        return dict(value)
    if "layanan" in value.columns and value["layanan"].notna().all():
        return {str(k): g for k, g in value.groupby("layanan", sort=False)}
    key = value.attrs.get("layanan") or value.attrs.get("fasilitas")
    if not key:
        raise ValueError(f"map_access cannot tell which layanan {name} is for: pass a mapping "
                         f"{{layanan: frame}}, or the frame returned by the pengampuan function "
                         "(its attrs name the layanan or fasilitas)")
    return {str(key): value}


def _kecamatan_data(kecamatan: gpd.GeoDataFrame | Mapping[str, gpd.GeoDataFrame],
                    base: gpd.GeoDataFrame, *, cfg: Config, lang: str, variable: str, prec: int
                    ) -> dict[str, Any]:
    """The kecamatan layer: the kecamatan of the mapped kab/kota, once, with values per layer."""
    frames = _by_layer(kecamatan, name="kecamatan")
    kab = dict(zip(base["kode"].astype(str), base["nama"].astype(str), strict=True))
    checked: dict[str, gpd.GeoDataFrame] = {}
    for lay, frame in frames.items():
        _require_columns(frame, ("kode", "nama", "kode_induk", "distance_km", "travel_min",
                                 "geometry"), name=f"kecamatan[{lay!r}]")
        frame = require_wgs84(frame, name=f"kecamatan[{lay!r}]")
        checked[lay] = frame[frame["kode_induk"].astype(str).isin(kab)]
    cols = ["kode", "nama", "kode_induk", "penduduk", "geometry"]
    parts = [f[[c for c in cols if c in f.columns]] for f in checked.values()]
    kec = pd.concat(parts, ignore_index=True).drop_duplicates("kode", keep="first")
    if kec.empty:
        raise ValueError(f"kecamatan has no row in the mapped kab/kota ({sorted(kab)[:5]}...); "
                         "pass district_access(..., level='kecamatan') of the same regions")
    kec = gpd.GeoDataFrame(kec, geometry="geometry", crs="EPSG:4326").reset_index(drop=True)
    pop = [int(p) if present(p) else None for p in kec.get("penduduk", [None] * len(kec))]
    out: dict[str, Any] = {
        "kode": [esc(k) for k in kec["kode"].astype(str)],
        "nama": [esc(n) for n in kec["nama"].astype(str)],
        "sub": [esc(kab.get(k, k)) for k in kec["kode_induk"].astype(str)],
        "pop": pop, "popText": [fmt_num(p, lang) if p is not None else "" for p in pop],
        "g": layers.encode_polygons(kec.geometry.values, prec), "v": {}, "thr": {},
    }
    names: dict[str, int] = {}
    colour_index = {c: i for i, c in enumerate(KEC_COLOURS)}
    tx = TEXT[lang]
    for lay, frame in checked.items():
        data = pd.DataFrame(frame.drop(columns=frame.geometry.name)).drop_duplicates("kode")
        aligned = kec[["kode"]].merge(
            data.drop(columns=[c for c in ("nama", "kode_induk", "penduduk") if c in data]),
            on="kode", how="left", validate="one_to_one")
        v: dict[str, Any] = {"c": [colour_index[c] for c in bin_colours(aligned[variable],
                                                                        variable=variable)],
                             "t": [], "n": [], "w": [], "x": []}
        thr = None
        for row in aligned.to_dict("records"):
            v["t"].append(region_row(row, lay=lay, cfg=cfg, lang=lang, variable=variable,
                                     gap=None, prov_gap=None)[0])
            rs = row.get("nama_rs")
            dist = num(row.get("distance_km"))
            if present(rs) and dist is not None and math.isfinite(dist):
                v["n"].append(names.setdefault(esc(rs), len(names)))
            else:
                v["n"].append(-1)
            v["x"].append(int(bool(is_approx_lokasi(row.get("lokasi_presisi")))))
            within = row.get("within_threshold")
            v["w"].append(int(bool(within)) if present(within) else None)
            thr = thr if thr is not None else num(row.get("threshold_min"))
        thr = thr if thr is not None else threshold_of(lay, cfg)
        out["thr"][lay] = f"{tx['threshold']} ({fmt_min(thr, lang)})" if thr is not None \
            else ""
        out["v"][lay] = v
    out["rs"] = list(names)
    out["colours"] = list(KEC_COLOURS)
    out["v"] = layers.same_as_earlier(out["v"])
    return out


def _grid_data(grid: pd.DataFrame | Mapping[str, pd.DataFrame], base: gpd.GeoDataFrame, *,
               variable: str, prec: int) -> dict[str, Any] | None:
    """The H3 grid layer (cells of the mapped kab/kota), dissolved per colour class."""
    frames = _by_layer(grid, name="grid")
    codes = set(base["kode"].astype(str))
    kept = {lay: (f[f["kode"].astype(str).isin(codes)] if "kode" in f.columns else f)
            for lay, f in frames.items()}
    n_cells = len(set().union(*(set(f["h3"].astype(str)) for f in kept.values()
                                if "h3" in f.columns)))
    if n_cells > MAX_GRID_CELLS:
        raise ValueError(
            f"grid has {n_cells:,} H3 cells in the mapped area, more than a web page can draw "
            f"(MAX_GRID_CELLS = {MAX_GRID_CELLS:,}): map one province "
            "(pg.province_access_grid) or a coarser resolution, and write the national grid "
            "as GeoPackage or GeoJSON instead (pengampuan access --grid --grid-out akses.gpkg)")
    return layers.grid_layer(kept, variable=variable, precision=min(prec, PRECISION_NATIONAL))


def _layer_extra(fas_codes: Sequence[str], *, tahun: str, lang: str,
                 kec: dict[str, Any] | None, grid: dict[str, Any] | None, variable: str
                 ) -> dict[str, Any]:
    """Page data of the reported-service, kecamatan and grid layers (names and notices)."""
    tx = TEXT[lang]
    when = tx["reported"].format(tahun=tahun).strip()
    out: dict[str, Any] = {
        "reportedHead": tx["reported_head"].format(when=when) if fas_codes else None,
        "reportedList": tx["reported_list"].format(when=when),
        "notes": {f: tx["reported_notice"].format(layer=esc(tx["fas_" + f]), when=when)
                  for f in fas_codes},
        "kec": kec, "kecName": tx["kecamatan" if variable == "travel_min"
                                  else "kecamatan_distance"],
        "grid": grid, "gridName": None,
    }
    if grid is not None:
        out["gridName"] = tx["grid"].format(res=grid["res"],
                                            area=fmt_num(grid["area"], lang, 1))
    return out


def _outline(provinces: gpd.GeoDataFrame | None, base: gpd.GeoDataFrame, scope: Scope
             ) -> gpd.GeoDataFrame | None:
    if provinces is not None:
        prov = require_wgs84(provinces, name="provinces")
        if scope.province and "kode" in prov:
            prov = prov[prov["kode"].astype(str) == scope.kode]
        return prov
    return layers.dissolve_provinces(base.assign(kode_induk=scope_mod.kode_induk(base)))


def _hospitals(ds: Dataset, *, network: nx.MultiDiGraph | None, status: str,
               layanan: Sequence[str], lang: str, scope: Scope, draw_links: bool,
               prec: int, fasilitas: Sequence[str] = ()) -> layers.Hospitals:
    reporting = {f: set(ds.capable(fasilitas=f)["kode_rs"].astype(str)) for f in fasilitas}
    fas_rows = None
    if len(ds.fasilitas):
        grades = ds.config.check_bukti(None) or ()
        fr = ds.fasilitas
        fas_rows = fr[fr["bukti"].isin(grades) | (fr["bukti"].fillna("") == "")] \
            if "bukti" in fr else fr
    return _hospital_layer(ds.rumah_sakit, ds.layanan, layers.links_table(ds, network),
                           ranks=ds.strata_rank_table(status=status), layanan=layanan,
                           cfg=ds.config, lang=lang, ds=ds, scope=scope, draw_links=draw_links,
                           prec=prec, fasilitas=reporting, fas_rows=fas_rows)


def _hospital_layer(rs: pd.DataFrame, lay_rows: pd.DataFrame, links: pd.DataFrame, *,
                    ranks: pd.DataFrame, layanan: Sequence[str], cfg: Config, lang: str,
                    ds: Dataset | None, scope: Scope, draw_links: bool, prec: int,
                    fasilitas: Mapping[str, Iterable[str]] | None = None,
                    fas_rows: pd.DataFrame | None = None) -> layers.Hospitals:
    if "geometry" in rs:
        rs = pd.DataFrame(rs.drop(columns="geometry"))
    hosp = layers.hospital_layer(
        rs, lay_rows, links, ranks=ranks, layanan=layanan, cfg=cfg, lang=lang,
        wilayah_names=_region_names(ds), provinsi=scope.kode, include_other=scope.province,
        precision=prec, draw_links=draw_links, fasilitas=fasilitas, fas_rows=fas_rows)
    return hosp


def _precision(scope: Scope) -> int:
    """Decimals of the coordinates drawn: finer for one province than for the whole country."""
    return PRECISION_PROVINCE if scope.province else PRECISION_NATIONAL


def _scoped(everything: gpd.GeoDataFrame, provinsi: str | int | None, ds: Dataset | None,
            ) -> tuple[Scope, gpd.GeoDataFrame, int]:
    """The scope of ``provinsi``, the regions drawn in it and the precision of their points."""
    scope = scope_mod.resolve_scope(provinsi, ds, everything)
    return scope, scope_mod.select(everything, scope).reset_index(drop=True), _precision(scope)


def _summaries(scope: Scope, everything: gpd.GeoDataFrame, gaps: pd.DataFrame | None,
               frames: Mapping[str, pd.DataFrame] | None, penduduk: pd.Series | None,
               layanan: Sequence[str], *, ds: Dataset | None, cfg: Config, lang: str,
               labels: Mapping[str, str] | None = None, travel: str | None = None
               ) -> tuple[str, list[list[Any]] | None]:
    """The summary panel and, for a national map, the province picker with their summaries."""
    if scope.province:
        return province_summary_html(scope.nama or "", gaps, frames, penduduk, layanan,
                                     kode=scope.kode or "", cfg=cfg, lang=lang,
                                     labels=labels, travel=travel), None
    summary = coverage_summary_html(gaps, layanan, cfg=cfg, lang=lang, access=frames,
                                    penduduk=penduduk, labels=labels, travel=travel)
    return summary, _province_picker(everything, gaps, frames, penduduk, layanan, ds=ds,
                                     cfg=cfg, lang=lang, labels=labels, travel=travel)


def _province_picker(regions: gpd.GeoDataFrame, gaps: pd.DataFrame | None,
                     frames: Mapping[str, pd.DataFrame] | None, penduduk: pd.Series | None,
                     layanan: Sequence[str], *, ds: Dataset | None, cfg: Config, lang: str,
                     labels: Mapping[str, str] | None = None, travel: str | None = None
                     ) -> list[list[Any]] | None:
    """[kode, name, bounds, summary HTML] per province, for the picker of a national map."""
    induk = scope_mod.kode_induk(regions)
    codes = sorted(induk.unique())
    if len(codes) < 2:
        return None
    names = _region_names(ds)
    out = []
    for kode in codes:
        sel = regions[induk == kode]
        nama = names.get(kode, kode)
        out.append([esc(kode), esc(nama), layers.bounds_of(sel),
                    province_summary_html(nama, gaps, frames, penduduk, layanan, kode=kode,
                                          cfg=cfg, lang=lang, labels=labels, travel=travel)])
    return sorted(out, key=lambda r: r[1])


# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------
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
    elif acc.attrs.get("fasilitas"):
        frames = {str(acc.attrs["fasilitas"]): acc}
    else:
        raise ValueError(
            "map_access cannot tell which layanan acc is for: pass layanan=..., a 'layanan' "
            "column, or a mapping {layanan: district_access(...)}"
        )
    if not frames:
        raise ValueError("acc is empty: nothing to map")
    out: dict[str, gpd.GeoDataFrame] = {}
    for lay, frame in frames.items():
        if lay not in FASILITAS:
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
    out["kode_induk"] = scope_mod.kode_induk(out).to_numpy()
    return out


def _gaps_for_status(gaps: pd.DataFrame, status: str | None) -> tuple[pd.DataFrame, str]:
    """The rows of ``gaps`` for one status, and that status (from the data when not given)."""
    present_st = (sorted(gaps["status"].dropna().astype(str).unique()) if "status" in gaps
                  else [])
    if status is None:
        if len(present_st) > 1:
            raise ValueError(f"gaps has rows for status {present_st}; pass status= to choose one")
        status = present_st[0] if present_st else "target"
    _check_choice("status", status, ("ada", "target"))
    if present_st:
        if status not in present_st:
            raise ValueError(f"gaps has no rows with status={status!r}; it has {present_st}")
        gaps = gaps[gaps["status"].astype(str) == status]
    return gaps, status


def _gap_index(gaps: pd.DataFrame | None,
               ds: Dataset | None = None) -> dict[tuple[str, str], dict[Any, Any]]:
    """
    Each region's gap row by (kode, layanan).

    With ``ds``, the names of the hospitals the decree lists for the region
    (``kode_rs_sk``) and the kab/kota where each stands are added as ``nama_rs_sk``, for
    the popups.
    """
    if gaps is None:
        return {}
    _require_columns(gaps, ("kode", "layanan", "meets_target"), name="gaps")
    recs = gaps.to_dict("records")
    if ds is not None and "kode_rs_sk" in gaps:
        rs = ds.rumah_sakit.drop_duplicates("kode_rs").set_index("kode_rs")
        names = rs["nama"].astype(str).to_dict()
        regions = _region_names(ds)
        where = ({k: regions.get(v, v) for k, v in rs["kode_wilayah"].astype(str).items()}
                 if "kode_wilayah" in rs else {})
        for r in recs:
            codes = str(r["kode_rs_sk"]).split(";") if present(r.get("kode_rs_sk")) else []
            r["nama_rs_sk"] = "; ".join(
                names.get(c, c) + (f" ({where[c]})" if c in where else "") for c in codes)
    return {(str(r["kode"]), str(r["layanan"])): r for r in recs}


def _met_flag(gap: Mapping[str, Any] | None) -> int | None:
    if gap is None or not present(gap.get("meets_target")):
        return None
    return int(bool(gap["meets_target"]))


def _region_names(ds: Dataset | None) -> dict[str, str]:
    if ds is None:
        return {}
    w = ds.wilayah
    return dict(zip(w["kode"].astype(str), w["nama"].astype(str), strict=True))


def _penduduk(ds: Dataset | None) -> pd.Series | None:
    if ds is None:
        return None
    w = ds.wilayah
    if "penduduk" not in w:
        return None
    s = pd.to_numeric(w["penduduk"], errors="coerce")
    s.index = w["kode"].astype(str)
    return s
