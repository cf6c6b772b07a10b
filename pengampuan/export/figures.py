"""Static maps and charts (matplotlib) to paste into a report or a slide.

Maps (:func:`plot_access`, :func:`plot_network`, :func:`plot_coverage`) use
the classes and colours of the web maps (:func:`pengampuan.maps.bin_colours`:
ColorBrewer YlOrRd, colour-blind safe; hospitals by strata in blues, links in
the layanan's Okabe-Ito colour), with a classed legend, a km scale bar, a
north arrow, a title and a source line citing the data. ``provinsi=`` draws
one province (code or name) with its kab/kota named and the neighbours in
grey. Charts: :func:`plot_within_threshold` (share of the population within
the time threshold, per province or kab/kota) and :func:`plot_targets`
(targets met per layanan).

The report's figures (:func:`report_figures`) are drawn from kab/kota
simplified as a coverage to about one pixel of the PNG (the SVG stays vector
throughout); a national report draws them in a second Python process while it
writes its page and data files (:func:`start_report_figures`).

Every function returns a :class:`matplotlib.figure.Figure` made without
pyplot (no display, no global figure list; works on a server): save it with
``fig.savefig("peta.png", dpi=200)``; Jupyter shows it inline.

Maps are drawn on longitude/latitude with the aspect ratio of the map's
centre latitude (1/cos(lat)), so the km scale bar is true at that latitude
(within 2 % over Indonesia's north-south extent at the scale of a province;
for the whole country it is labelled "at the equator"-free: it uses the centre).
"""

from __future__ import annotations

import logging
import math
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._messages import current_lang, fmt_num, fmt_pct
from ..config import DEFAULT_CONFIG, Config, is_approx_lokasi
from ..geo import require_wgs84
from ..travel import travel_description, travel_model_of
from .tables import resolve_provinsi

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..dataset import Dataset
    from .tables import ReportTables

logger = logging.getLogger(__name__)

__all__ = ["plot_access", "plot_network", "plot_coverage", "plot_within_threshold",
           "plot_targets", "report_figures", "start_report_figures", "figure_regions",
           "FiguresJob", "FIGURE_FILES", "FIGURE_TOLERANCE_PX", "BACKGROUND_MIN_KABKOTA"]

#: Base names of the figures written by :func:`report_figures` (``{layanan}`` is filled in).
FIGURE_FILES = ("peta_akses_{layanan}", "grafik_dalam_ambang", "grafik_target")

_KM_PER_DEG = 111.195  # great-circle km per degree on the sphere of config.EARTH_RADIUS_KM
_LAND = "#f2f2f2"
_CONTEXT = "#e4e4e4"  # kab/kota outside the province drawn
_EDGE = "#ffffff"
_PROV_EDGE = "#333333"

_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "title_access": "Akses ke RS {layanan} terdekat (strata \u2265 {strata})",
        "title_network": "Jejaring pengampuan {layanan}",
        "title_coverage": "Capaian target RS {layanan} per kabupaten/kota",
        "title_within": "Penduduk dalam ambang waktu tempuh ke RS terdekat",
        "title_targets": "Capaian target rumah sakit per layanan",
        "scope_national": "Indonesia",
        "scope_prov": "Provinsi {nama}",
        "status_target": "strata target (KMK HK.01.07/MENKES/1277/2024)",
        "status_ada": "strata yang sudah ada",
        "var_travel_min": "Perkiraan waktu tempuh",
        "var_distance_km": "Jarak garis lurus",
        "no_capable": "tidak ada RS yang mampu",
        "no_data": "tanpa data",
        "hospitals": "Rumah sakit (strata)",
        "approx": "lokasi perkiraan",
        "links": "pengampu \u2192 diampu",
        "usulan": "usulan",
        "provinces": "batas provinsi",
        "met": "target kab/kota tercapai",
        "not_met": "target kab/kota belum tercapai",
        "source": "Sumber",
        "user_data": "data pengguna",
        "north": "U",
        "made_with": "Dibuat dengan pengampuan",
        "contoh": "DATA CONTOH: sebagian data ilustratif",
        "share_axis": "% penduduk dalam ambang",
        "threshold": "ambang {thr}",
        "targets_axis": "% tercapai",
        "bar_kab": "kab/kota \u2265 {strata}",
        "bar_prov": "provinsi \u2265 {strata}",
        "bar_pop": "penduduk di kab/kota yang mencapai target",
        "minutes": "menit",
        "hours": "jam",
    },
    "en": {
        "title_access": "Access to the nearest {layanan} hospital (strata \u2265 {strata})",
        "title_network": "Mentoring network (pengampuan): {layanan}",
        "title_coverage": "{layanan} hospital targets met by district",
        "title_within": "Population within the travel-time threshold of the nearest hospital",
        "title_targets": "Hospital targets met per layanan",
        "scope_national": "Indonesia",
        "scope_prov": "Province {nama}",
        "status_target": "target strata (KMK HK.01.07/MENKES/1277/2024)",
        "status_ada": "current strata",
        "var_travel_min": "Estimated travel time",
        "var_distance_km": "Straight-line distance",
        "no_capable": "no capable hospital",
        "no_data": "no data",
        "hospitals": "Hospitals (strata)",
        "approx": "approximate location",
        "links": "pengampu \u2192 diampu",
        "usulan": "proposed",
        "provinces": "province boundary",
        "met": "district target met",
        "not_met": "district target not met",
        "source": "Source",
        "user_data": "user data",
        "north": "N",
        "made_with": "Made with pengampuan",
        "contoh": "ILLUSTRATIVE DATA: some rows are examples",
        "share_axis": "% of population within threshold",
        "threshold": "threshold {thr}",
        "targets_axis": "% met",
        "bar_kab": "districts \u2265 {strata}",
        "bar_prov": "provinces \u2265 {strata}",
        "bar_pop": "population in districts meeting the target",
        "minutes": "min",
        "hours": "h",
    },
}


# ---------------------------------------------------------------------------
# public functions: maps
# ---------------------------------------------------------------------------
def plot_access(
    acc: gpd.GeoDataFrame,
    ds: Dataset,
    *,
    layanan: str | None = None,
    variable: str = "travel_min",
    network: nx.MultiDiGraph | None = None,
    provinsi: str | int | None = None,
    status: str | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Figure:
    """
    Static choropleth of access to the nearest capable hospital per kab/kota.

    Same classes and colours as :func:`pengampuan.map_access`; hospitals
    capable of the layanan drawn by strata (hollow, dashed: approximate
    location); with ``network``, the mentoring links of the layanan.

    Parameters
    ----------
    acc : GeoDataFrame
        :func:`pengampuan.district_access` for one layanan (``kode``, ``nama``,
        ``kode_induk``, ``distance_km``, ``travel_min``, geometry).
    ds : Dataset
        Hospitals, strata and sources.
    layanan : str, optional
        Default: ``acc.attrs["layanan"]``.
    variable : {"travel_min", "distance_km"}
        What the colours show.
    network : networkx.MultiDiGraph, optional
        Draws the links of the layanan.
    provinsi : str or int, optional
        Draw one province (code such as ``"17"`` or name such as ``"Bengkulu"``):
        its kab/kota are named, the others drawn in grey around it.
    status : {"ada", "target"}, optional
        Strata used (default: ``acc.attrs["status"]``, else ``"target"``).
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> acc = pg.district_access(ds, reg[reg["kode_induk"] == "17"], layanan="stroke",
    ...                          status="target")
    >>> fig = pg.plot_access(acc, ds, provinsi="Bengkulu")
    >>> fig.axes[0].get_title(loc="left")
    'Akses ke RS Stroke terdekat (strata \u2265 Madya (kab/kota))'
    """
    from ..maps import bin_colours

    lang = current_lang(lang)
    cfg = ds.config
    layanan = layanan or acc.attrs.get("layanan")
    if layanan is None:
        raise ValueError("plot_access cannot tell which layanan acc is for: pass layanan=...")
    cfg.check_layanan(str(layanan))
    if variable not in ("travel_min", "distance_km"):
        raise ValueError(f"variable={variable!r} is not known; expected one of "
                         f"['travel_min', 'distance_km']")
    status = _status(status or acc.attrs.get("status"))
    _require(acc, ("kode", "nama", variable, "geometry"), "acc")
    regions = require_wgs84(acc, name="acc").reset_index(drop=True)
    travel = travel_model_of(acc) if variable == "travel_min" else None
    canvas = _MapCanvas(regions, ds=ds, provinsi=provinsi, lang=lang, travel=travel)
    colours = bin_colours(regions[variable], variable=variable)  # type: ignore[arg-type]
    strata = str(acc.attrs.get("min_strata", cfg.target_strata_kabkota))
    canvas.draw(
        colours=colours,
        title=title or _TEXT[lang]["title_access"].format(
            layanan=cfg.layanan_label(str(layanan), lang),
            strata=cfg.strata_label(strata, lang)),
        legend=_access_legend(variable, lang),
        hospitals=_hospitals(ds, str(layanan), status=status),
        links=_links(network, str(layanan)) if network is not None else None,
        layanan=str(layanan), status=status)
    return canvas.fig


def plot_coverage(
    gaps: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str | None = None,
    ds: Dataset | None = None,
    provinsi: str | int | None = None,
    status: str | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Figure:
    """
    Static map of the kab/kota target: a hospital at the target strata or not.

    Same colours as :func:`pengampuan.map_coverage`.

    Parameters
    ----------
    gaps : DataFrame
        :func:`pengampuan.target_gaps` (``kode``, ``tingkat``, ``layanan``,
        ``meets_target``).
    regions : GeoDataFrame
        Kab/kota polygons (``kode``, ``nama``, ``kode_induk``).
    layanan : str, optional
        Default: the only layanan of ``gaps`` (required when it has several).
    ds : Dataset, optional
        Adds the hospitals at the target strata and the sources.
    provinsi, status, lang, title
        As for :func:`plot_access`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> gaps = pg.target_gaps(ds, reg, layanan="kanker", status="target")
    >>> fig = pg.plot_coverage(gaps, reg, ds=ds, lang="en")
    >>> fig.axes[0].get_title(loc="left")
    'Cancer hospital targets met by district'
    """
    from ..palette import COLOUR_MET as _COLOUR_MET
    from ..palette import COLOUR_NODATA as _COLOUR_NODATA
    from ..palette import COLOUR_NOT_MET as _COLOUR_NOT_MET

    lang = current_lang(lang)
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    _require(gaps, ("kode", "tingkat", "layanan", "meets_target"), "gaps")
    present = list(dict.fromkeys(gaps["layanan"].astype(str)))
    if layanan is None:
        if len(present) != 1:
            raise ValueError(f"gaps has layanan {present}; pass layanan= to choose one")
        layanan = present[0]
    if layanan not in present:
        raise ValueError(f"gaps has no rows for layanan={layanan!r}; it has {present}")
    g = gaps[(gaps["layanan"].astype(str) == layanan)
             & (gaps["tingkat"].astype(str) == "kabkota")]
    if "status" in g and g["status"].nunique() > 1:
        if status is None:
            raise ValueError("gaps has rows for both statuses; pass status= to choose one")
        g = g[g["status"].astype(str) == status]
    if status is None and "status" in g and len(g):
        status = str(g["status"].iloc[0])
    status = _status(status)
    regions = require_wgs84(regions, name="regions").reset_index(drop=True)
    met = regions["kode"].astype(str).map(
        pd.Series(g["meets_target"].to_numpy(), index=g["kode"].astype(str)))
    colours = [(_COLOUR_NODATA if v is None or pd.isna(v) else
                _COLOUR_MET if bool(v) else _COLOUR_NOT_MET) for v in met.tolist()]
    tx = _TEXT[lang]
    legend = [("patch", _COLOUR_MET, tx["met"]), ("patch", _COLOUR_NOT_MET, tx["not_met"]),
              ("patch", _COLOUR_NODATA, tx["no_data"])]
    canvas = _MapCanvas(regions, ds=ds, provinsi=provinsi, lang=lang)
    canvas.draw(colours=colours,
                title=title or tx["title_coverage"].format(
                    layanan=cfg.layanan_label(layanan, lang)),
                legend=legend,
                hospitals=_hospitals(ds, layanan, status=status,
                                     min_strata=cfg.target_strata_kabkota) if ds is not None
                else None,
                links=None, layanan=layanan, status=status)
    return canvas.fig


def plot_network(
    net: nx.MultiDiGraph,
    *,
    layanan: str,
    ds: Dataset | None = None,
    regions: gpd.GeoDataFrame | None = None,
    provinsi: str | int | None = None,
    status: str = "target",
    lang: str | None = None,
    title: str | None = None,
) -> Figure:
    """
    Static map of the mentoring network of one layanan: hospitals by strata, links.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        :func:`pengampuan.build_network`.
    layanan : str
        The layanan drawn.
    ds : Dataset, optional
        Hospital strata and sources (default: the strata in the node attributes).
    regions : GeoDataFrame, optional
        Kab/kota polygons drawn as the land (default: the bundled ones).
    provinsi, status, lang, title
        As for :func:`plot_access`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> fig = pg.plot_network(pg.build_network(ds), layanan="kanker", ds=ds, provinsi="36")
    >>> fig.axes[0].get_title(loc="left")
    'Jejaring pengampuan Kanker'
    """
    lang = current_lang(lang)
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    cfg.check_layanan(layanan)
    status = _status(status)
    if regions is None:
        from ..regions import load_regions

        regions = load_regions(level="kabkota")
    regions = require_wgs84(regions, name="regions").reset_index(drop=True)
    canvas = _MapCanvas(regions, ds=ds, provinsi=provinsi, lang=lang)
    if ds is not None:
        hospitals = _hospitals(ds, layanan, status=status, min_strata=None)
    else:
        hospitals = _hospitals_from_net(net, layanan, status=status, cfg=cfg)
    canvas.draw(colours=[_LAND] * len(regions),
                title=title or _TEXT[lang]["title_network"].format(
                    layanan=cfg.layanan_label(layanan, lang)),
                legend=[], hospitals=hospitals, links=_links(net, layanan), layanan=layanan,
                status=status, arrows=True)
    return canvas.fig


# ---------------------------------------------------------------------------
# public functions: charts
# ---------------------------------------------------------------------------
def plot_within_threshold(
    acc: gpd.GeoDataFrame | Mapping[str, pd.DataFrame],
    ds: Dataset,
    *,
    by: str = "provinsi",
    provinsi: str | int | None = None,
    layanan: str | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Figure:
    """
    Bar chart: share of the population within the travel-time threshold.

    One panel per layanan, one bar per province (``by="provinsi"``) or per
    kab/kota (``by="kabkota"``, usually with ``provinsi=``), ordered by code
    (west to east); the national (or provincial) share is the dashed line.
    A kab/kota counts in full when its estimated travel time is within the
    threshold of the layanan (``Config.travel_threshold_min``); with
    kecamatan demand (``penduduk_within_threshold`` columns) the people are
    counted per kecamatan.

    Parameters
    ----------
    acc : GeoDataFrame or mapping of layanan -> frame
        :func:`pengampuan.district_access` per layanan (``kode``,
        ``kode_induk``, ``travel_min`` or ``within_threshold``).
    ds : Dataset
        Population (``wilayah.penduduk``) and province names.
    by : {"provinsi", "kabkota"}
        One bar per province or per kab/kota.
    provinsi : str or int, optional
        Only this province (code or name).
    layanan : str, optional
        Layanan of a single ``acc`` frame (default ``acc.attrs["layanan"]``).
    lang, title
        As for :func:`plot_access`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> acc = {lay: pg.district_access(ds, reg, layanan=lay, status="target")
    ...        for lay in ("stroke", "jantung")}
    >>> fig = pg.plot_within_threshold(acc, ds)
    >>> len(fig.axes), len(fig.axes[0].patches)
    (2, 38)
    """
    lang = current_lang(lang)
    cfg = ds.config
    if by not in ("provinsi", "kabkota"):
        raise ValueError(f"by={by!r} is not known; expected one of ['provinsi', 'kabkota']")
    frames = _frames(acc, layanan)
    prov = resolve_provinsi(provinsi, ds)
    names = dict(zip(ds.wilayah["kode"].astype(str), ds.wilayah["nama"].astype(str),
                     strict=True))
    pop = _population(ds)
    panels = []
    for lay, frame in frames.items():
        cfg.check_layanan(lay)
        f = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
        f["kode"] = f["kode"].astype(str)
        f["kode_induk"] = (f["kode_induk"].astype(str) if "kode_induk" in f
                           else f["kode"].str[:2])
        if prov is not None:
            f = f[f["kode_induk"] == prov]
        people, within = _people_within(f, pop, cfg.threshold_min(lay))
        key = f["kode_induk"] if by == "provinsi" else f["kode"]
        grp = pd.DataFrame({"key": key.to_numpy(), "people": people, "within": within})
        agg = grp.groupby("key", sort=True)[["people", "within"]].sum()
        share = (agg["within"] / agg["people"].where(agg["people"] > 0)).astype(float)
        total = float(agg["within"].sum()) / float(agg["people"].sum()) \
            if agg["people"].sum() > 0 else float("nan")
        panels.append((lay, share, total))
    if not panels:
        raise ValueError("acc is empty: nothing to plot")
    keys = list(panels[0][1].index)
    labels = [_short_name(names.get(k, k)) for k in keys]
    tx = _TEXT[lang]
    fig, axes = _figure_grid(len(panels), n_bars=len(keys))
    for ax, (lay, share, total) in zip(axes, panels, strict=True):
        shares = share.reindex(keys).to_numpy(float)
        vals = shares * 100
        y = np.arange(len(keys))
        ax.barh(y, np.nan_to_num(vals), color=cfg.layanan[lay].colour, height=0.72)
        if math.isfinite(total):
            ax.axvline(total * 100, color="#333333", lw=0.8, ls="--")
        for yi, v in zip(y, shares, strict=True):
            if np.isfinite(v):
                ax.text(min(100 * v, 100) + 1.5, yi, fmt_pct(v, lang), va="center",
                        fontsize=6.5)
        thr = cfg.threshold_min(lay)
        sub = tx["threshold"].format(thr=_fmt_minutes(thr, lang)) if thr is not None else ""
        ax.set_title(f"{cfg.layanan_label(lay, lang)}\n{sub}", fontsize=9, loc="left")
        _percent_axis(ax, xmax=118, label=tx["share_axis"], fontsize=7.5, ticksize=7)
    axes[0].set_yticks(np.arange(len(keys)), labels)
    for ax in axes[1:]:
        ax.tick_params(labelleft=False)
    _chart_title(fig, title or tx["title_within"], ds, prov, lang)
    _source_text(fig, ds, lang, y=0.005, travel=travel_model_of(frames))
    return fig


def plot_targets(
    gaps: pd.DataFrame,
    *,
    ds: Dataset | None = None,
    provinsi: str | int | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Figure:
    """
    Bar chart: national targets met per layanan.

    For each layanan: the share of kab/kota with a hospital at the kab/kota
    target strata, of provinces with one at the province target strata, and of
    the population living in kab/kota that meet the target.

    Parameters
    ----------
    gaps : DataFrame
        :func:`pengampuan.target_gaps` (one status), or its
        :func:`pengampuan.target_summary`.
    ds : Dataset, optional
        For labels, target strata and the source line.
    provinsi : str or int, optional
        The shares of one province (code or name; needs ``ds`` for a name).
    lang, title
        As for :func:`plot_access`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> fig = pg.plot_targets(pg.target_gaps(ds, reg, status="target"), ds=ds)
    >>> len(fig.axes[0].patches)
    12
    """
    from ..coverage import target_summary
    lang = current_lang(lang)
    cfg = ds.config if ds is not None else DEFAULT_CONFIG
    summ = gaps if "share_kabkota" in gaps else target_summary(gaps)
    if "status" in summ and summ["status"].nunique() > 1:
        raise ValueError("gaps has rows for both statuses; select one status first")
    prov = resolve_provinsi(provinsi, ds) if ds is not None else (
        None if provinsi is None else str(provinsi))
    rows = (summ[summ["tingkat"].astype(str) == "nasional"] if prov is None
            else summ[(summ["tingkat"].astype(str) == "provinsi")
                      & (summ["kode"].astype(str) == prov)])
    if rows.empty:
        raise ValueError(f"no summary rows for {'Indonesia' if prov is None else prov}")
    rows = rows.set_index(rows["layanan"].astype(str))
    lay_codes = [lay for lay in cfg.layanan if lay in rows.index] + [
        lay for lay in rows.index if lay not in cfg.layanan]
    tx = _TEXT[lang]
    series = [("share_kabkota", tx["bar_kab"].format(
                   strata=cfg.strata_label(cfg.target_strata_kabkota, lang)), 1.0),
              ("share_provinsi", tx["bar_prov"].format(
                   strata=cfg.strata_label(cfg.target_strata_provinsi, lang)), 0.55),
              ("share_penduduk", tx["bar_pop"], 0.3)]
    fig = _chart_figure(8.0, 1.9 + 0.9 * len(lay_codes))
    ax = fig.add_subplot()
    n = len(series)
    h = 0.8 / n
    y = np.arange(len(lay_codes))
    for i, (col, label, alpha) in enumerate(series):
        shares = pd.to_numeric(rows.loc[lay_codes, col], errors="coerce").to_numpy(float)
        vals = shares * 100
        colours = [cfg.layanan[lay].colour if lay in cfg.layanan else "#777777"
                   for lay in lay_codes]
        bars = ax.barh(y - 0.4 + h * (i + 0.5), np.nan_to_num(vals), height=h * 0.92,
                       color=colours, alpha=alpha, edgecolor="#333333", linewidth=0.4,
                       label=label)
        for bar, v in zip(bars, shares, strict=True):
            if np.isfinite(v):
                ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2,
                        fmt_pct(v, lang), va="center", fontsize=7)
    ax.set_yticks(y, [cfg.layanan_label(lay, lang) for lay in lay_codes])
    _percent_axis(ax, xmax=112, label=tx["targets_axis"], fontsize=8, ticksize=8)
    from matplotlib.patches import Patch

    handles = [Patch(facecolor="#777777", alpha=a, edgecolor="#333333", label=lbl)
               for _, lbl, a in series]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3,
              fontsize=7, frameon=False)
    _chart_title(fig, title or tx["title_targets"], ds, prov, lang)
    if ds is not None:
        _source_text(fig, ds, lang, y=0.0)
    return fig


# ---------------------------------------------------------------------------
# the report's figures
# ---------------------------------------------------------------------------
def report_figures(folder: str | Path, tables: ReportTables, *,
                   display: Mapping[str, gpd.GeoDataFrame] | None = None,
                   provinces: gpd.GeoDataFrame | None = None, lang: str | None = None,
                   formats: Sequence[str] = ("png", "svg"), dpi: int = 200) -> dict[str, Path]:
    """
    Write the report's figures: a map per layanan and the two charts.

    ``peta_akses_<layanan>`` (travel time to the nearest hospital at the
    kab/kota target strata, with the links), ``grafik_dalam_ambang``
    (population within the threshold per province, or per kab/kota for one
    province) and ``grafik_target`` (targets met per layanan), each as PNG
    (``dpi``, print resolution) and SVG. One map figure is drawn once and
    re-coloured for each layanan; without ``display`` the kab/kota are drawn
    from their boundaries simplified as a coverage to about one pixel of the
    PNG (:data:`FIGURE_TOLERANCE_PX`; shared borders stay shared), which
    nothing at the printed size shows but which keeps large boundary files
    quick to draw and the SVG small.

    Parameters
    ----------
    folder : str or Path
        An existing folder.
    tables : ReportTables
        :func:`pengampuan.export.tables.report_tables`.
    display : mapping of layanan -> GeoDataFrame, optional
        Access frames with the polygons to draw (default: ``tables.access``
        simplified for the figure's pixel size).
    provinces : GeoDataFrame, optional
        Province outlines (default: the kab/kota drawn, dissolved).
    lang : {"id", "en"}, optional
        Language of titles and legends (default ``settings.language``).
    formats : sequence of {"png", "svg", "pdf"}
        Files written per figure.
    dpi : int
        Resolution of the PNG files.

    Returns
    -------
    dict of str to pathlib.Path
        File name -> written path.
    """
    lang = current_lang(lang)
    for fmt in formats:
        if fmt not in ("png", "svg", "pdf"):
            raise ValueError(f"figure format {fmt!r} is not known; expected png, svg or pdf")
    folder = Path(folder)
    ds = tables.ds
    cfg = ds.config
    if display is not None:
        frames = dict(display)
        regions = require_wgs84(next(iter(frames.values())), name="display")
    else:
        frames = dict(tables.access)
        regions = figure_regions(tables.wilayah, dpi=dpi, provinsi=tables.provinsi)
    regions = regions.reset_index(drop=True)
    out: dict[str, Path] = {}

    def save(fig: Figure, stem: str) -> None:
        if fig.get_layout_engine() is not None:  # lay the chart out once for every format
            fig.draw_without_rendering()
            fig.set_layout_engine("none")
        for fmt in formats:
            path = folder / f"{stem}.{fmt}"
            fig.savefig(path, dpi=dpi if fmt == "png" else None, format=fmt,
                        metadata=_metadata(fmt))
            out[path.name] = path

    from ..maps import bin_colours

    canvas = _MapCanvas(regions, ds=ds, provinsi=tables.provinsi, lang=lang,
                        provinces=provinces, travel=tables.travel)
    for lay in tables.layanan:
        frame = frames[lay]
        values = regions["kode"].astype(str).map(
            pd.Series(frame["travel_min"].to_numpy(float), index=frame["kode"].astype(str)))
        canvas.draw(
            colours=bin_colours(values, variable="travel_min"),
            title=_TEXT[lang]["title_access"].format(
                layanan=cfg.layanan_label(lay, lang),
                strata=cfg.strata_label(cfg.target_strata_kabkota, lang)),
            legend=_access_legend("travel_min", lang),
            hospitals=_hospitals(ds, lay, status=tables.status),
            links=_links(tables.network, lay), layanan=lay, status=tables.status)
        save(canvas.fig, f"peta_akses_{lay}")
    by = "kabkota" if tables.provinsi else "provinsi"
    save(plot_within_threshold(tables.access, ds, by=by, provinsi=tables.provinsi, lang=lang),
         "grafik_dalam_ambang")
    save(plot_targets(tables.ringkasan, ds=ds, provinsi=tables.provinsi, lang=lang),
         "grafik_target")
    return out


#: Simplification tolerance of the kab/kota drawn in the report's maps, in pixels of the PNG.
FIGURE_TOLERANCE_PX = 1.0


def figure_regions(regions: gpd.GeoDataFrame, *, dpi: int = 200,
                   provinsi: str | None = None) -> gpd.GeoDataFrame:
    """
    Kab/kota simplified as a coverage to :data:`FIGURE_TOLERANCE_PX` pixels of a map.

    The pixel is that of the widest map the report draws of these kab/kota
    (the country, or the province ``provinsi``) at ``dpi``: about 3 km for the
    national map at 200 dpi, 0.2-0.5 km for a province.

    Examples
    --------
    >>> import pengampuan as pg, shapely
    >>> reg = pg.load_regions()
    >>> small = figure_regions(reg)
    >>> len(small) == len(reg), bool(shapely.coverage_is_valid(small.geometry.values))
    (True, True)
    >>> n = lambda g: int(shapely.get_num_coordinates(g.geometry.values).sum())
    >>> n(small) < n(reg)
    True
    """
    from ..regions import simplify_coverage

    regions = require_wgs84(regions, name="regions")
    if not hasattr(shapely, "coverage_simplify"):  # pragma: no cover - shapely < 2.1
        return regions
    geoms = np.asarray(regions.geometry.values)
    if provinsi is not None and "kode_induk" in regions:
        inside = (regions["kode_induk"].astype(str) == str(provinsi)).to_numpy()
        geoms = geoms[inside] if inside.any() else geoms
    if not len(geoms):
        return regions
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    national = provinsi is None and len(regions) > 60
    width_km = (x1 - x0) * _KM_PER_DEG * math.cos(math.radians((y0 + y1) / 2))
    px_km = width_km / (_map_width_in(national) * dpi)
    return simplify_coverage(regions, tolerance_km=FIGURE_TOLERANCE_PX * px_km)


def _map_width_in(national: bool) -> float:
    """Width of a map's drawing area in inches (before a tall map is narrowed)."""
    return 9.0 if national else 6.2


#: Reports of more kab/kota than this draw their figures in a separate Python process, in
#: parallel with the HTML page and the data files (on a machine with more than one CPU).
BACKGROUND_MIN_KABKOTA = 60


class FiguresJob:
    """
    The report's figures, drawn in a separate process or when the result is asked for.

    Made by :func:`start_report_figures`. :meth:`result` waits for the files
    (raising the error the drawing raised, if any); :meth:`cancel` stops the
    drawing and removes what the job left outside ``folder``.
    """

    def __init__(self, folder: Path, tables: ReportTables, *, provinces: Any, lang: str,
                 formats: Sequence[str], dpi: int, background: bool) -> None:
        self.folder = folder
        self._args = (tables, provinces, lang, tuple(formats), dpi)
        self._proc: Any = None
        self._files: list[Path] = []
        self.background = background
        if background:
            self._start()

    def _start(self) -> None:
        import os
        import pickle
        import subprocess
        import sys
        import tempfile

        fd, name = tempfile.mkstemp(prefix="pengampuan-figures-", suffix=".pickle")
        payload = Path(name)
        self._files = [payload, payload.with_suffix(".result")]
        with os.fdopen(fd, "wb") as f:
            pickle.dump((str(self.folder), *self._args), f, protocol=pickle.HIGHEST_PROTOCOL)
        env = dict(os.environ)
        package_parent = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(
            [package_parent, *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])])
        env["MPLBACKEND"] = "Agg"
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-c", "import sys; from pengampuan.export.figures import _worker; "
                 "sys.exit(_worker(sys.argv[1]))", str(payload)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                env=env)
        except OSError as err:  # no interpreter to start (a frozen app): draw here
            logger.warning("The figures cannot be drawn in a separate process (%s); they are "
                           "drawn here", err)
            self.cancel()
            self.background = False
            return
        logger.info("Drawing the figures in process %d", self._proc.pid)

    def result(self) -> dict[str, Path]:
        """File name -> path of every figure written (waits for a background job)."""
        if not self.background:
            tables, provinces, lang, formats, dpi = self._args
            return report_figures(self.folder, tables, provinces=provinces, lang=lang,
                                  formats=formats, dpi=dpi)
        import pickle

        try:
            _, err = self._proc.communicate()
            result_path = self._files[1]
            outcome = None
            if result_path.exists():
                with result_path.open("rb") as f:
                    outcome = pickle.load(f)
        finally:
            self.cancel()
        stderr = err.decode("utf-8", "replace").strip()
        if outcome is not None and outcome[0] == "error":
            raise outcome[1]  # the drawing failed: the same error as in this process
        if outcome is None or self._proc.returncode != 0:
            # the process did not run (no such interpreter in a frozen app, a crash, memory):
            # draw here instead
            logger.warning("The figures could not be drawn in a separate process (exit code "
                           "%s: %s); drawing them here", self._proc.returncode, stderr[-2000:])
            self.background = False
            return self.result()
        if stderr:  # warnings of the drawing process
            logger.warning("%s", stderr)
        return {name: self.folder / name for name in outcome[1]}

    def __enter__(self) -> FiguresJob:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()

    def cancel(self) -> None:
        """Stop a background job that is still drawing; remove its temporary files."""
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            if self._proc.stderr is not None and not self._proc.stderr.closed:
                self._proc.stderr.close()
        for path in self._files:
            path.unlink(missing_ok=True)


def start_report_figures(folder: str | Path, tables: ReportTables, *,
                         provinces: gpd.GeoDataFrame | None = None, lang: str | None = None,
                         formats: Sequence[str] = ("png", "svg"), dpi: int = 200,
                         background: bool | None = None) -> FiguresJob:
    """
    Start writing the report's figures (:func:`report_figures`) into ``folder``.

    With ``background`` (default: for more than :data:`BACKGROUND_MIN_KABKOTA`
    kab/kota on a machine with more than one CPU) the figures are drawn by a
    separate Python process while the caller goes on (the HTML page, the data
    files): the same files, in about the time of the longer of the two instead
    of their sum. Otherwise they are drawn when :meth:`FiguresJob.result` is
    called. Call ``result()`` (or ``cancel()`` on failure) in every case.

    Returns
    -------
    FiguresJob
    """
    import os

    lang = current_lang(lang)
    if background is None:
        background = len(tables.wilayah) > BACKGROUND_MIN_KABKOTA and (os.cpu_count() or 1) > 1
    return FiguresJob(Path(folder), tables, provinces=provinces, lang=lang, formats=formats,
                      dpi=dpi, background=background)


def _worker(payload: str) -> int:
    """Entry point of the background process: draw the figures, write the outcome beside."""
    import pickle
    import traceback

    result_path = Path(payload).with_suffix(".result")
    try:
        with open(payload, "rb") as f:
            folder, tables, provinces, lang, formats, dpi = pickle.load(f)
        files = report_figures(folder, tables, provinces=provinces, lang=lang,
                               formats=formats, dpi=dpi)
        outcome: tuple[str, Any] = ("ok", sorted(files))
        code = 0
    except BaseException as err:  # report every failure to the parent
        traceback.print_exc()
        outcome, code = ("error", err), 1
    try:
        with result_path.open("wb") as f:
            pickle.dump(outcome, f)
    except Exception:  # an error that does not pickle: the parent reads the traceback
        result_path.unlink(missing_ok=True)
    return code


def _metadata(fmt: str) -> dict[str, Any]:
    """Reproducible files: no creation date in the PNG/SVG/PDF metadata."""
    if fmt == "png":
        return {"Software": "pengampuan (matplotlib)"}
    if fmt == "svg":
        return {"Date": None}
    return {"CreationDate": None}


# ---------------------------------------------------------------------------
# the map canvas: drawn once, re-coloured per layanan
# ---------------------------------------------------------------------------
#: Drawing order of the static maps: kab/kota names over the links, under the hospitals.
Z_LABEL = 6.5
Z_MARKER = 7
#: Font size (pt) of the kab/kota names of a province map.
LABEL_FONTSIZE = 5.8


class _MapCanvas:
    """A map figure with the kab/kota as one collection whose colours can change."""

    def __init__(self, regions: gpd.GeoDataFrame, *, ds: Dataset | None,
                 provinsi: str | int | None, lang: str,
                 provinces: gpd.GeoDataFrame | None = None, travel: str | None = None) -> None:
        from matplotlib.collections import LineCollection, PathCollection
        from matplotlib.figure import Figure

        self.lang = lang
        self.ds = ds
        self.cfg = ds.config if ds is not None else DEFAULT_CONFIG
        prov = None
        if provinsi is not None:
            if ds is not None:
                            prov = resolve_provinsi(provinsi, ds)
            else:
                prov = str(provinsi)
        self.provinsi = prov
        geoms = np.asarray(regions.geometry.values)
        if prov is not None:
            if "kode_induk" not in regions:
                raise ValueError("regions have no kode_induk column: cannot select a province")
            inside = (regions["kode_induk"].astype(str) == prov).to_numpy()
            if not inside.any():
                raise ValueError(f"provinsi={provinsi!r}: no kab/kota of province {prov} "
                                 "in the data drawn")
        else:
            inside = np.ones(len(regions), dtype=bool)
        self.inside = inside
        x0, y0, x1, y1 = shapely.total_bounds(geoms[inside])
        pad = 0.04 * max(x1 - x0, y1 - y0) + 0.05
        self.bounds = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
        self.mid_lat = (y0 + y1) / 2
        self.national = prov is None and len(regions) > 60
        # figure size: the map keeps its aspect, the legend gets a column on the right
        aspect = 1 / math.cos(math.radians(self.mid_lat))
        w_deg, h_deg = self.bounds[2] - self.bounds[0], (self.bounds[3] - self.bounds[1]) * aspect
        map_w = _map_width_in(self.national)
        map_h = map_w * h_deg / w_deg
        if map_h > 7.0:
            map_w, map_h = map_w * 7.0 / map_h, 7.0
        map_h = max(map_h, 2.6)
        legend_w = 2.6
        bottom = 0.55  # room for the source line
        fig_w, fig_h = map_w + legend_w + 0.3, map_h + bottom + 0.6
        self.fig = Figure(figsize=(fig_w, fig_h))
        self.ax = self.fig.add_axes((0.1 / fig_w, bottom / fig_h, map_w / fig_w, map_h / fig_h))
        self.lax = self.fig.add_axes(((map_w + 0.3) / fig_w, bottom / fig_h, legend_w / fig_w,
                                      map_h / fig_h))
        self.lax.set_axis_off()
        ax = self.ax
        ax.set_facecolor("#dfe9f2")  # sea
        ax.set_xlim(self.bounds[0], self.bounds[2])
        ax.set_ylim(self.bounds[1], self.bounds[3])
        ax.set_aspect(aspect)
        ax.set_xticks([])
        ax.set_yticks([])
        # kab/kota outside the province: context in grey (only those in view)
        view = shapely.box(*self.bounds)
        ctx = ~inside & shapely.intersects(geoms, view)
        context = geoms[ctx]
        if prov is not None and not ctx.any():
            context = _context_land(regions, view)
        if len(context):
            ax.add_collection(PathCollection(_paths(context), facecolors=_CONTEXT,
                                             edgecolors="#ffffff", linewidths=0.3, zorder=1))
        lw = 0.15 if self.national else 0.5
        self.regions = PathCollection(_paths(geoms[inside]), facecolors=_LAND, edgecolors=_EDGE,
                                      linewidths=lw, zorder=2)
        ax.add_collection(self.regions)
        # province outlines
        if provinces is None and "kode_induk" in regions:
            from ..maps.layers import dissolve_provinces as _dissolve_provinces

            provinces = _dissolve_provinces(regions[inside | ctx]) if (
                self.national or ctx.any() or prov is not None) else None
        if provinces is not None and len(provinces):
            pg = np.asarray(require_wgs84(provinces, name="provinces").geometry.values)
            pg = pg[shapely.intersects(pg, view)]
            # exteriors only: a dissolve can leave sliver holes between kab/kota, which are
            # no province boundary
            rings = shapely.get_exterior_ring(shapely.get_parts(pg))
            ax.add_collection(LineCollection(
                [shapely.get_coordinates(r) for r in rings], colors=_PROV_EDGE,
                linewidths=0.45 if self.national else 0.9, zorder=3))
        self.labels: list[Any] = []
        if prov is not None:
            names = regions.loc[inside, "nama"].astype(str).map(_short_name).tolist()
            pts = shapely.point_on_surface(geoms[inside])
            self._labels(pts, names)
        _scale_bar(ax, self.bounds, self.mid_lat, lang)
        _north_arrow(ax, _TEXT[lang]["north"])
        self.dynamic: list[Any] = []
        self.markers = (np.zeros((0, 2)), np.zeros(0))
        if ds is not None:
            _source_text(self.fig, ds, lang, y=0.01)
        if travel:  # the minutes' model, at the foot of the legend column
            note = travel_description(travel, self.cfg, lang=lang)
            self.lax.text(0.0, 0.0, "\n".join(textwrap.wrap(note, 52)), fontsize=5.5,
                          color="#555555", va="bottom", ha="left",
                          transform=self.lax.transAxes)

    def _labels(self, pts: np.ndarray, names: list[str]) -> None:
        """Kab/kota names: small, with a white halo, under the hospital markers."""
        import matplotlib.patheffects as pe

        halo = [pe.withStroke(linewidth=1.6, foreground="white")]
        for pt, name in zip(pts, names, strict=True):
            self.labels.append(self.ax.annotate(
                "\n".join(textwrap.wrap(name, 14)), xy=(pt.x, pt.y), xytext=(0, 0),
                textcoords="offset points", fontsize=LABEL_FONTSIZE, ha="center",
                va="center", color="#222222", zorder=Z_LABEL, path_effects=halo,
                annotation_clip=False))

    def _place_labels(self, xy: np.ndarray, radius_pt: np.ndarray) -> None:
        """Move each name off the hospital markers it would cover (below, above, beside).

        A name stays on its kab/kota's point when no marker lies under it, or when
        every other place is taken too (the markers are drawn above it anyway).
        """
        if not self.labels:
            return
        ax = self.ax
        ax.apply_aspect()
        to_pt = 72.0 / self.fig.dpi
        marks = ax.transData.transform(xy) * to_pt if len(xy) else np.zeros((0, 2))
        fs = LABEL_FONTSIZE
        for ann in self.labels:
            lines = ann.get_text().split("\n")
            half_w = 0.32 * fs * max(len(line) for line in lines) + 1.0
            half_h = 0.62 * fs * len(lines) + 0.5
            anchor = ax.transData.transform(ann.xy) * to_pt

            def covers(off: tuple[float, float], anchor: np.ndarray = anchor,
                       half_w: float = half_w, half_h: float = half_h) -> bool:
                if not len(marks):
                    return False
                cx, cy = anchor[0] + off[0], anchor[1] + off[1]
                dx = np.maximum(np.abs(marks[:, 0] - cx) - half_w, 0.0)
                dy = np.maximum(np.abs(marks[:, 1] - cy) - half_h, 0.0)
                return bool((np.hypot(dx, dy) < radius_pt).any())

            r = float(radius_pt.max()) if len(radius_pt) else 0.0
            step_y, step_x = half_h + r + 1.5, half_w + r + 1.5
            offsets = [(0.0, 0.0), (0.0, -step_y), (0.0, step_y), (step_x, 0.0),
                       (-step_x, 0.0), (0.0, -2 * step_y), (0.0, 2 * step_y)]
            ann.xyann = next((o for o in offsets if not covers(o)), (0.0, 0.0))

    def draw(self, *, colours: Sequence[str], title: str, legend: list[tuple[str, str, str]],
             hospitals: pd.DataFrame | None, links: list[tuple[np.ndarray, bool]] | None,
             layanan: str, status: str, arrows: bool = False) -> None:
        """Colour the kab/kota and (re)draw hospitals, links, title and legend."""
        from matplotlib.collections import LineCollection

        for artist in self.dynamic:
            artist.remove()
        self.dynamic = []
        self.markers = (np.zeros((0, 2)), np.zeros(0))
        cols = np.asarray(colours, dtype=object)
        self.regions.set_facecolor(list(cols[self.inside]) if len(cols) == len(self.inside)
                                   else list(cols))
        ax = self.ax
        tx = _TEXT[self.lang]
        colour = self.cfg.layanan[layanan].colour if layanan in self.cfg.layanan else "#555555"
        items = list(legend)
        if links:
            in_view = [(xy, usulan) for xy, usulan in links if self._in_view(xy)]
            for dashed in (False, True):
                segs = [xy for xy, usulan in in_view if usulan == dashed]
                if not segs:
                    continue
                lc = LineCollection(segs, colors=colour, linewidths=1.2 if arrows else 0.8,
                                    linestyles="--" if dashed else "-",
                                    alpha=0.85, zorder=5)
                ax.add_collection(lc)
                self.dynamic.append(lc)
            if arrows:
                for xy, _ in in_view:
                    if len(xy) >= 2:
                        self.dynamic.append(ax.annotate(
                            "", xy=tuple(xy[-1]), xytext=tuple(xy[-2]), zorder=6,
                            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 0,
                                        "mutation_scale": 7 if self.national else 10,
                                        "shrinkA": 0, "shrinkB": 2}))
            items.append(("line", colour, tx["links"]))
            if any(u for _, u in in_view):
                items.append(("dash", colour, tx["usulan"]))
        if hospitals is not None and len(hospitals):
            items += self._hospitals(hospitals)
        items.append(("line", _PROV_EDGE, tx["provinces"]))
        self._place_labels(*self.markers)
        links_items = [it for it in items if it[2] in (tx["links"], tx["usulan"])]
        items = [it for it in items if it not in links_items]
        items[-1:-1] = links_items
        ax.set_title(title, loc="left", fontsize=11, fontweight="bold", pad=16)
        scope = (tx["scope_prov"].format(nama=_short_name(self._prov_name()))
                 if self.provinsi else tx["scope_national"])
        sub = f"{scope} \u00b7 {tx['status_' + status]}"
        if self.ds is not None and self.ds.has_contoh:
            sub += f" \u00b7 {tx['contoh']}"
        self.dynamic.append(ax.text(0, 1.012, sub, transform=ax.transAxes, fontsize=7.5,
                                    va="bottom", color="#444444"))
        self._legend(items)

    def _prov_name(self) -> str:
        if self.ds is None or self.provinsi is None:
            return str(self.provinsi)
        w = self.ds.wilayah
        hit = w.loc[w["kode"].astype(str) == self.provinsi, "nama"]
        return str(hit.iloc[0]) if len(hit) else str(self.provinsi)

    def _in_view(self, xy: np.ndarray) -> bool:
        x0, y0, x1, y1 = self.bounds
        return bool(((xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0)
                     & (xy[:, 1] <= y1)).any())

    def _hospitals(self, h: pd.DataFrame) -> list[tuple[str, str, str]]:
        from ..palette import STRATA_COLOURS as _STRATA_COLOURS

        x0, y0, x1, y1 = self.bounds
        h = h[(h["lon"] >= x0) & (h["lon"] <= x1) & (h["lat"] >= y0) & (h["lat"] <= y1)]
        h = h.sort_values("rank", kind="stable")
        scale = 0.55 if self.national else 1.0
        items: list[tuple[str, str, str]] = [("header", "", _TEXT[self.lang]["hospitals"])]
        if h.empty:
            return []
        ranks = h["rank"].astype(int).to_numpy()
        sizes = np.asarray([_MARKER_PT2[min(r, 3)] for r in ranks]) * scale
        colours = [_STRATA_COLOURS[min(r, len(_STRATA_COLOURS) - 1)] for r in ranks]
        approx = h["approx"].to_numpy(bool)
        # (for the names: marker centres and radii in points, edge included)
        self.markers = (h[["lon", "lat"]].to_numpy(float), np.sqrt(sizes) / 2 + 0.9)
        for sel, hollow in ((~approx, False), (approx, True)):
            if not sel.any():
                continue
            cols = [c for c, s in zip(colours, sel, strict=True) if s]
            sc = self.ax.scatter(h["lon"].to_numpy()[sel], h["lat"].to_numpy()[sel],
                                 s=sizes[sel], c="none" if hollow else cols,
                                 edgecolors=cols if hollow else "#ffffff",
                                 linewidths=0.9 if hollow else 0.5,
                                 linestyles="--" if hollow else "-", zorder=Z_MARKER)
            self.dynamic.append(sc)
        present = sorted(set(ranks.tolist()), reverse=True)
        for r in present:
            items.append(("marker", _STRATA_COLOURS[min(r, len(_STRATA_COLOURS) - 1)],
                          self.cfg.strata_label(self.cfg.strata_order[r], self.lang)))
        if approx.any():
            items.append(("hollow", _STRATA_COLOURS[2], _TEXT[self.lang]["approx"]))
        return items

    def _legend(self, items: list[tuple[str, str, str]]) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        tx = _TEXT[self.lang]
        handles: list[Any] = []
        for kind, colour, label in items:
            if kind == "header":
                handles.append(Patch(facecolor="none", edgecolor="none", label=label))
            elif kind == "patch":
                handles.append(Patch(facecolor=colour, edgecolor="#999999", linewidth=0.4,
                                     label=label))
            elif kind in ("line", "dash"):
                handles.append(Line2D([], [], color=colour, lw=1.2,
                                      ls="--" if kind == "dash" else "-", label=label))
            elif kind in ("marker", "hollow"):
                handles.append(Line2D([], [], ls="none", marker="o", markersize=6.5,
                                      markerfacecolor="none" if kind == "hollow" else colour,
                                      markeredgecolor=colour if kind == "hollow" else "#ffffff",
                                      label=label))
        del tx
        leg = self.lax.legend(handles=handles, loc="upper left", fontsize=7, frameon=False,
                              handlelength=1.6, borderaxespad=0.0, labelspacing=0.45)
        for text, (kind, _, _) in zip(leg.get_texts(), items, strict=True):
            if kind == "header":
                text.set_fontweight("bold")
        self.dynamic.append(leg)


#: Marker area (points^2) per strata rank: dasar, madya, utama, paripurna.
_MARKER_PT2 = (10.0, 18.0, 32.0, 55.0)


def _access_legend(variable: str, lang: str) -> list[tuple[str, str, str]]:
    from ..maps import bin_labels
    from ..palette import BIN_COLOURS as _BIN_COLOURS
    from ..palette import COLOUR_NODATA as _COLOUR_NODATA
    from ..palette import COLOUR_NONE as _COLOUR_NONE

    tx = _TEXT[lang]
    unit = "" if variable == "distance_km" else ""
    items = [("header", "", tx[f"var_{variable}"] + unit)]
    items += [("patch", c, lbl) for c, lbl in zip(_BIN_COLOURS, bin_labels(
        variable, lang), strict=True)]  # type: ignore[arg-type]
    items += [("patch", _COLOUR_NONE, tx["no_capable"]), ("patch", _COLOUR_NODATA, tx["no_data"])]
    return items


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def _status(status: str | None) -> str:
    status = status or "target"
    if status not in ("ada", "target"):
        raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
    return status


def _require(df: pd.DataFrame, cols: Sequence[str], name: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} lacks the column(s) {missing}; it has {list(df.columns)}")


def _paths(geoms: np.ndarray) -> list[Any]:
    """One compound matplotlib Path per (multi)polygon: exteriors CCW, holes CW."""
    from matplotlib.path import Path as MplPath

    geoms = shapely.orient_polygons(np.asarray(geoms))
    parts, part_idx = shapely.get_parts(geoms, return_index=True)
    rings, ring_idx = shapely.get_rings(parts, return_index=True)
    coords, coord_idx = shapely.get_coordinates(rings, return_index=True)
    n = len(coords)
    codes = np.full(n, MplPath.LINETO, dtype=np.uint8)
    if n:
        starts = np.r_[0, np.flatnonzero(np.diff(coord_idx)) + 1]
        codes[starts] = MplPath.MOVETO
        ends = np.r_[starts[1:] - 1, n - 1]
        codes[ends] = MplPath.CLOSEPOLY
    geom_of_coord = part_idx[ring_idx[coord_idx]] if n else np.zeros(0, dtype=int)
    bounds = np.searchsorted(geom_of_coord, np.arange(len(geoms) + 1))
    return [MplPath(coords[a:b], codes[a:b]) if b > a else MplPath(np.zeros((1, 2)))
            for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _context_land(regions: gpd.GeoDataFrame, view: Any) -> np.ndarray:
    """Bundled kab/kota around a province drawn alone (so the neighbours read as land)."""
    from ..regions import load_regions

    try:
        bundled = load_regions(level="kabkota")
    except Exception as err:  # pragma: no cover - the bundled data ships with the package
        logger.info("No context land around the province: %s", err)
        return np.empty(0, dtype=object)
    other = ~bundled["kode"].astype(str).isin(set(regions["kode"].astype(str)))
    geoms = np.asarray(bundled.geometry.values)[other.to_numpy()]
    return geoms[shapely.intersects(geoms, view)]


def _hospitals(ds: Dataset | None, layanan: str, *, status: str,
               min_strata: str | None = "madya") -> pd.DataFrame | None:
    """lon, lat, rank, approx of the hospitals with the layanan (at ``min_strata`` or above)."""
    if ds is None:
        return None
    ranks = ds.strata_rank_table(status=status)
    if layanan not in ranks:
        return pd.DataFrame(columns=["lon", "lat", "rank", "approx"])
    rs = ds.rumah_sakit
    rank = rs["kode_rs"].astype(str).map(ranks[layanan])
    need = -1 if min_strata is None else ds.config.strata_rank(min_strata)
    keep = rank.notna() & (rank >= need)
    approx = is_approx_lokasi(rs["lokasi_presisi"]) if "lokasi_presisi" in rs else \
        pd.Series(False, index=rs.index)
    out = pd.DataFrame({"lon": pd.to_numeric(rs["lon"], errors="coerce"),
                        "lat": pd.to_numeric(rs["lat"], errors="coerce"),
                        "rank": rank, "approx": approx})[keep]
    return out.dropna(subset=["lon", "lat"]).reset_index(drop=True)


def _hospitals_from_net(net: nx.MultiDiGraph, layanan: str, *, status: str,
                        cfg: Config) -> pd.DataFrame:
    rows = []
    for _, a in net.nodes(data=True):
        vals = [a.get(f"strata_{layanan}")]
        if status == "target":
            vals.append(a.get(f"strata_target_{layanan}"))
        ranks = [cfg.strata_rank(v) for v in vals if isinstance(v, str) and v in cfg.strata_order]
        if ranks:
            rows.append({"lon": float(a.get("lon", np.nan)), "lat": float(a.get("lat", np.nan)),
                         "rank": float(max(ranks)),
                         "approx": bool(is_approx_lokasi(a.get("lokasi_presisi")))})
    return pd.DataFrame(rows, columns=["lon", "lat", "rank", "approx"]).dropna()


def _links(net: nx.MultiDiGraph | None, layanan: str) -> list[tuple[np.ndarray, bool]]:
    """(lon/lat vertices, proposed?) of every link of the layanan (great-circle arcs)."""
    if net is None or net.number_of_edges() == 0:
        return []
    from ..network import links_geodataframe

    gdf = links_geodataframe(net, layanan=layanan)
    out = []
    for geom, jenis in zip(gdf.geometry.values, gdf["jenis"].astype(str), strict=True):
        if geom is None or geom.is_empty:
            continue
        out.append((shapely.get_coordinates(geom), jenis == "usulan"))
    return out


def _scale_bar(ax: Axes, bounds: tuple[float, float, float, float], mid_lat: float,
               lang: str) -> None:
    """A km scale bar (true at the map's centre latitude) in the lower left."""
    x0, y0, x1, y1 = bounds
    km_per_deg = _KM_PER_DEG * math.cos(math.radians(mid_lat))
    width_km = (x1 - x0) * km_per_deg
    target = width_km / 5
    exp = 10 ** math.floor(math.log10(target))
    length_km = max(m * exp for m in (1, 2, 5) if m * exp <= target)
    length_deg = length_km / km_per_deg
    bx, by = x0 + 0.04 * (x1 - x0), y0 + 0.05 * (y1 - y0)
    h = 0.012 * (y1 - y0)
    half = length_deg / 2
    for i, colour in enumerate(("#222222", "#ffffff")):
        ax.add_patch(_rect(bx + i * half, by, half, h, colour))
    label = f"{_fmt_int(length_km, lang)} km"
    ax.text(bx, by + 2.2 * h, "0", fontsize=6.5, ha="center", va="bottom", zorder=9)
    ax.text(bx + length_deg, by + 2.2 * h, label, fontsize=6.5, ha="center", va="bottom",
            zorder=9)


def _rect(x: float, y: float, w: float, h: float, colour: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, facecolor=colour, edgecolor="#222222", linewidth=0.6,
                     zorder=9)


def _north_arrow(ax: Axes, letter: str) -> None:
    ax.annotate(letter, xy=(0.965, 0.96), xytext=(0.965, 0.84), xycoords="axes fraction",
                textcoords="axes fraction", ha="center", va="center", fontsize=9,
                fontweight="bold", zorder=9,
                arrowprops={"arrowstyle": "-|>", "color": "#222222", "lw": 1.2,
                            "mutation_scale": 12})


def _source_line(ds: Dataset, lang: str, travel: str | None = None) -> str:
    """The sources of the data and, for a figure of travel times, the travel model."""
    from .. import __version__
    from ..maps import DATA_SOURCES

    tx = _TEXT[lang]
    if ds.meta.get("bundled"):
        parts = [f"{lbl_en if lang == 'en' else lbl_id} ({_licence(lic, lang)})"
                 for lbl_id, lbl_en, lic in DATA_SOURCES]
    else:
        sumber: list[str] = []
        for table in (ds.rumah_sakit, ds.layanan, ds.jejaring):
            if "sumber" in table:
                sumber += [s for s in table["sumber"].dropna().astype(str) if s.strip()]
        uniq = list(dict.fromkeys(sumber))
        parts = [tx["user_data"]] + uniq[:4] + ([f"\u2026 (+{len(uniq) - 4})"]
                                                if len(uniq) > 4 else [])
    model = f" {travel_description(travel, ds.config, lang=lang)}" if travel else ""
    return (f"{tx['source']}: " + "; ".join(parts)
            + f". {tx['made_with']} {__version__}.{model}")


def _licence(lic: str, lang: str) -> str:
    """'dokumen publik / public record' -> the half in ``lang``."""
    halves = lic.split(" / ")
    return halves[-1] if lang == "en" else halves[0]


def _source_text(fig: Figure, ds: Dataset, lang: str, *, y: float,
                 travel: str | None = None) -> None:
    width_in = fig.get_figwidth()
    chars = int(width_in * 19)
    text = "\n".join(textwrap.wrap(_source_line(ds, lang, travel), chars))
    fig.text(0.01, y, text, fontsize=5.5, color="#555555", va="bottom", ha="left")


def _frames(acc: gpd.GeoDataFrame | Mapping[str, pd.DataFrame],
            layanan: str | None) -> dict[str, pd.DataFrame]:
    if isinstance(acc, Mapping):
        return dict(acc)
    lay = layanan or acc.attrs.get("layanan")
    if lay is None:
        raise ValueError("cannot tell which layanan acc is for: pass layanan=... or a mapping "
                         "{layanan: district_access(...)}")
    return {str(lay): acc}


def _population(ds: Dataset) -> pd.Series:
    w = ds.wilayah
    if "penduduk" not in w:
        raise ValueError("ds.wilayah has no penduduk column: the shares need the population")
    s = pd.to_numeric(w["penduduk"], errors="coerce")
    s.index = w["kode"].astype(str)
    return s


def _people_within(f: pd.DataFrame, pop: pd.Series, threshold_min: float | None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """People per row and people within the threshold per row (0 where unknown)."""
    if {"penduduk", "penduduk_within_threshold"} <= set(f.columns):
        people = pd.to_numeric(f["penduduk"], errors="coerce").fillna(0).to_numpy(float)
        within = pd.to_numeric(f["penduduk_within_threshold"],
                               errors="coerce").fillna(0).to_numpy(float)
        return people, within
    people = f["kode"].map(pop).fillna(0).to_numpy(float)
    if "within_threshold" in f:
        ok = f["within_threshold"].astype("boolean").fillna(False).to_numpy(bool)
    elif threshold_min is not None:
        ok = pd.to_numeric(f["travel_min"], errors="coerce").to_numpy(float) <= threshold_min
    else:
        raise ValueError("acc has no within_threshold column and the layanan has no threshold")
    return people, np.where(ok, people, 0.0)


def _chart_figure(width_in: float, height_in: float) -> Figure:
    """A figure laid out by constrained layout above a strip kept for the source line."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    strip = _SOURCE_STRIP_IN / height_in
    return Figure(figsize=(width_in, height_in),
                  layout=ConstrainedLayoutEngine(rect=(0, strip, 1, 1 - strip)))


#: Height (inches) of the strip under a chart that holds the source line.
_SOURCE_STRIP_IN = 0.5


def _figure_grid(n: int, *, n_bars: int) -> tuple[Figure, list[Axes]]:
    height = min(2.2 + 0.16 * n_bars, 14.0)
    fig = _chart_figure(min(3.0 + 2.3 * n, 12.0), height)
    axes = list(fig.subplots(1, n, sharey=True, squeeze=False)[0])
    return fig, axes


def _percent_axis(ax: Axes, *, xmax: float, label: str, fontsize: float,
                  ticksize: float) -> None:
    """A horizontal bar chart's axis: 0-100 %, bars from the top, light grid, open frame."""
    ax.set_xlim(0, xmax)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(label, fontsize=fontsize)
    ax.tick_params(labelsize=ticksize)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _chart_title(fig: Figure, title: str, ds: Dataset | None, prov: str | None,
                 lang: str) -> None:
    """'<title> -- Indonesia' or '<title> -- Provinsi <nama>' above a chart."""
    tx = _TEXT[lang]
    if prov:
        names = {} if ds is None else dict(zip(ds.wilayah["kode"].astype(str),
                                               ds.wilayah["nama"].astype(str), strict=True))
        scope = tx["scope_prov"].format(nama=_short_name(names.get(prov, prov)))
    else:
        scope = tx["scope_national"]
    fig.suptitle(f"{title} \u2014 {scope}", x=0.01, ha="left", fontsize=11, fontweight="bold")


def _short_name(name: str) -> str:
    """'Kabupaten Rejang Lebong' -> 'Rejang Lebong'; 'Kota Bengkulu' stays; no 'Provinsi '."""
    for prefix in ("Kabupaten Administrasi ", "Kabupaten ", "Provinsi "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _fmt_int(x: float, lang: str) -> str:
    return fmt_num(x, lang)


def _fmt_minutes(minutes: float | None, lang: str) -> str:
    if minutes is None:
        return ""
    tx = _TEXT[lang]
    if minutes >= 60 and minutes % 30 == 0:
        h = minutes / 60
        hs = fmt_num(h, lang, 0 if h == int(h) else 1)
        return f"{hs} {tx['hours']}"
    return f"{minutes:.0f} {tx['minutes']}"
