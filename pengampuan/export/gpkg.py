"""One GeoPackage for QGIS, its layers styled like the web map (``layer_styles``).

:func:`to_geopackage` writes the report's layers -- ``wilayah`` (kab/kota with
access and targets per layanan), ``kecamatan`` (when given), ``rumah_sakit``,
``jejaring`` and an H3 access ``grid`` (when given) -- into one ``.gpkg`` file
and stores a QGIS style for each in the ``layer_styles`` table, the table QGIS
reads when a layer is added ("default style from database"): the kab/kota
coloured in the travel-time classes of the web map, hospitals by strata
(hollow and dashed where the location is approximate), links in the layanan's
colour with an arrowhead at the diampu (dashed when proposed). Layers with
columns for several layanan get one style per layanan (Layer Properties >
Style > the drop-down at the bottom), the first being the default. Each style
is stored as QML (QGIS) and SLD (GeoServer and others) and sets the field
aliases to the glossary labels (Bahasa Indonesia or English).

Rules are built once as small condition trees (:class:`_Rule`) and written
both as QGIS expressions and as OGC filters, so the two formats agree.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._messages import current_lang
from ..config import APPROX_LOKASI, DEFAULT_CONFIG, Config
from ..geo import require_wgs84
from ._atomic import write_atomic
from .glossary import DECIMALS, column_label, tidy
from .tables import ReportTables, report_tables

if TYPE_CHECKING:  # pragma: no cover
    from ..dataset import Dataset

logger = logging.getLogger(__name__)

__all__ = ["to_geopackage", "STYLE_TABLE", "layer_styles"]

#: Name of the table QGIS reads styles from.
STYLE_TABLE = "layer_styles"
#: Name GDAL gives the geometry column of a GeoPackage layer.
_GEOM_COL = "geom"
#: QGIS version the QML files are written for (read by every QGIS 3).
_QGIS_VERSION = "3.28.0-Firenze"

_TEXT = {
    "id": {"access": "Akses {layanan}: waktu tempuh", "target": "Target kab/kota {layanan}",
           "hospitals": "Rumah sakit: strata {layanan}", "links": "Jejaring pengampuan",
           "other_rs": "RS lain", "approx": "lokasi perkiraan", "usulan": "usulan",
           "met": "target tercapai", "not_met": "target belum tercapai",
           "no_capable": "tidak ada RS yang mampu", "no_data": "tanpa data",
           "grid": "Grid H3: waktu tempuh"},
    "en": {"access": "Access {layanan}: travel time", "target": "District target {layanan}",
           "hospitals": "Hospitals: strata {layanan}", "links": "Mentoring links",
           "other_rs": "other hospitals", "approx": "approximate location",
           "usulan": "proposed", "met": "target met", "not_met": "target not met",
           "no_capable": "no capable hospital", "no_data": "no data",
           "grid": "H3 grid: travel time"},
}


def to_geopackage(
    path: str | os.PathLike[str],
    layers: Mapping[str, pd.DataFrame] | None = None,
    *,
    tables: ReportTables | None = None,
    ds: Dataset | None = None,
    regions: gpd.GeoDataFrame | None = None,
    layanan: str | Sequence[str] | None = None,
    status: str = "target",
    provinsi: str | int | None = None,
    kecamatan: gpd.GeoDataFrame | None = None,
    grid: pd.DataFrame | None = None,
    lang: str | None = None,
    config: Config | None = None,
    styles: bool = True,
) -> Path:
    """
    Write layers into one GeoPackage with QGIS styles in its ``layer_styles`` table.

    Without ``layers``, the report's layers are written: ``wilayah``,
    ``rumah_sakit``, ``jejaring`` (computed from ``ds`` and ``regions`` as
    :func:`pengampuan.write_report` does, or taken from ``tables``), plus
    ``kecamatan`` and ``grid`` when given.

    Parameters
    ----------
    path : str or PathLike
        Output ``.gpkg`` file (replaced if it exists; written atomically).
    layers : mapping of name -> GeoDataFrame, optional
        Layers to write, by layer name. A plain DataFrame with ``h3`` cells
        becomes hexagon polygons; one with ``lon``/``lat`` becomes points.
    tables : ReportTables, optional
        Precomputed report tables (:func:`pengampuan.export.tables.report_tables`).
    ds, regions, layanan, status, provinsi
        What to compute when neither ``layers`` nor ``tables`` is given.
    kecamatan : GeoDataFrame, optional
        Access per kecamatan (written as layer ``kecamatan``).
    grid : DataFrame, optional
        :func:`pengampuan.access_grid` output (``h3``, ``travel_min``, ...),
        written as hexagons in layer ``grid``.
    lang : {"id", "en"}, optional
        Language of style labels and field aliases (default ``settings.language``).
    config : Config, optional
        Layanan labels and colours (default: that of ``ds``).
    styles : bool
        Write the ``layer_styles`` table.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import geopandas as gpd, pyogrio, tempfile, pathlib
    >>> from shapely.geometry import box
    >>> acc = gpd.GeoDataFrame({"kode": ["17.02"], "travel_min": [75.0], "n_capable": [1]},
    ...                        geometry=[box(102.3, -3.7, 102.9, -3.2)], crs="EPSG:4326")
    >>> p = to_geopackage(pathlib.Path(tempfile.mkdtemp()) / "a.gpkg", {"akses_stroke": acc})
    >>> [str(name) for name, _ in pyogrio.list_layers(p)]
    ['akses_stroke', 'layer_styles']
    >>> st = pyogrio.read_dataframe(p, layer="layer_styles")
    >>> st.loc[0, "f_table_name"], st.loc[0, "styleName"], bool(st.loc[0, "useAsDefault"])
    ('akses_stroke', 'akses_stroke', True)
    """
    lang = current_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        raise ValueError(f"{path}: a GeoPackage's name ends in .gpkg")
    lay_codes: list[str] | None = None
    if layers is None:
        if tables is None:
            tables = report_tables(ds, regions, layanan=layanan, status=status,
                                   provinsi=provinsi)
        config = config or tables.ds.config
        status = tables.status
        lay_codes = list(tables.layanan)
        frames: dict[str, pd.DataFrame] = {"wilayah": tables.wilayah}
        frames.update(tables.extra)
        frames["rumah_sakit"] = tables.rumah_sakit
        frames["jejaring"] = tables.jejaring
    else:
        frames = dict(layers)
    if kecamatan is not None:
        frames["kecamatan"] = kecamatan
    if grid is not None:
        frames["grid"] = grid
    if not frames:
        raise ValueError(f"{path}: nothing to write (no layers given)")
    cfg = config or DEFAULT_CONFIG
    if STYLE_TABLE in frames:
        raise ValueError(f"{STYLE_TABLE!r} is reserved for the QGIS styles; rename that layer")

    import pyogrio

    def write(tmp: Path) -> None:
        style_rows: list[dict[str, Any]] = []
        for name, frame in frames.items():
            gdf = _as_layer(frame, name=name)
            gdf = tidy(gdf, config=cfg)
            gdf = _round_geometry(gdf)
            for col in gdf.columns:  # nullable booleans: GDAL writes them as booleans
                if col != gdf.geometry.name and isinstance(gdf[col].dtype, pd.StringDtype):
                    gdf[col] = gdf[col].astype(object).where(gdf[col].notna(), None)
            pyogrio.write_dataframe(gdf, tmp, layer=name, driver="GPKG",
                                    layer_options={"GEOMETRY_NAME": _GEOM_COL})
            if styles:
                style_rows += [
                    {"f_table_name": name, "styleName": style_name, "styleQML": qml,
                     "styleSLD": sld, "description": title}
                    for style_name, title, qml, sld in layer_styles(
                        gdf, name=name, layanan=lay_codes, status=status, lang=lang,
                        config=cfg)]
        if style_rows:
            seen: set[str] = set()
            table = pd.DataFrame(style_rows)
            default = []
            for t in table["f_table_name"]:
                default.append(t not in seen)
                seen.add(t)
            table = pd.DataFrame({
                "f_table_catalog": "", "f_table_schema": "",
                "f_table_name": table["f_table_name"], "f_geometry_column": _GEOM_COL,
                "styleName": table["styleName"], "styleQML": table["styleQML"],
                "styleSLD": table["styleSLD"], "useAsDefault": default,
                "description": table["description"], "owner": "", "ui": None,
                "update_time": "",
            })
            pyogrio.write_dataframe(table, tmp, layer=STYLE_TABLE, driver="GPKG",
                                    layer_options={"FID": "id"})

    write_atomic(path, write)
    logger.info("Wrote %d layers to %s", len(frames), path)
    return path


def _as_layer(frame: pd.DataFrame, *, name: str) -> gpd.GeoDataFrame:
    """A GeoDataFrame in EPSG:4326 (H3 cells -> hexagons, lon/lat -> points)."""
    if isinstance(frame, gpd.GeoDataFrame):
        return require_wgs84(frame, name=name).reset_index(drop=True)
    if "h3" in frame.columns:
        import h3

        cells = frame["h3"].astype(str).tolist()
        polys = [shapely.Polygon([(lon, lat) for lat, lon in h3.cell_to_boundary(c)])
                 for c in cells]
        return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry=polys, crs="EPSG:4326")
    if {"lon", "lat"} <= set(frame.columns):
        pts = gpd.points_from_xy(frame["lon"], frame["lat"], crs="EPSG:4326")
        return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry=pts)
    raise TypeError(f"layer {name!r} has no geometry (no geometry column, h3 cells or lon/lat); "
                    "write it to .csv or .xlsx instead")


def _round_geometry(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Coordinates rounded to ``DECIMALS['coord']`` places (6: about 0.1 m)."""
    d = DECIMALS["coord"]
    geoms = shapely.transform(np.asarray(gdf.geometry.values), lambda c: np.round(c, d))
    return gdf.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs))


# ---------------------------------------------------------------------------
# rules: conditions written as QGIS expressions and OGC filters
# ---------------------------------------------------------------------------
Cond = tuple[Any, ...]  # ("lt"|"ge"|"eq", field, value) | ("null", field) | ("and"|"or", [..])
#                         | ("not", cond)


@dataclass(frozen=True)
class _Symbol:
    kind: str  # "fill" | "marker" | "line"
    colour: str
    outline: str = "#ffffff"
    size_mm: float = 2.0
    dashed: bool = False
    hollow: bool = False
    arrow: bool = False
    width_mm: float = 0.26


@dataclass(frozen=True)
class _Rule:
    label: str
    cond: Cond | None  # None = ELSE
    symbol: _Symbol


def _expr(c: Cond) -> str:
    op = c[0]
    if op == "eq" and isinstance(c[2], str):
        # null-safe: NULL = 'x' is NULL in QGIS, and NOT NULL is NULL too, which would drop a
        # feature from every rule; OGC filters compare a null property as false already
        return f"coalesce(\"{c[1]}\", '') = {_literal(c[2])}"
    if op in ("lt", "ge", "eq"):
        sym = {"lt": "<", "ge": ">=", "eq": "="}[op]
        return f'"{c[1]}" {sym} {_literal(c[2])}'
    if op == "null":
        return f'"{c[1]}" IS NULL'
    if op in ("and", "or"):
        return "(" + f" {op.upper()} ".join(_expr(x) for x in c[1]) + ")"
    if op == "not":
        return f"NOT {_expr(c[1])}"
    raise ValueError(op)  # pragma: no cover


def _literal(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, np.integer, np.floating)):
        return f"{v:g}"
    return "'" + str(v).replace("'", "''") + "'"


def _ogc(c: Cond) -> str:
    op = c[0]
    if op in ("lt", "ge", "eq"):
        tag = {"lt": "PropertyIsLessThan", "ge": "PropertyIsGreaterThanOrEqualTo",
               "eq": "PropertyIsEqualTo"}[op]
        val = c[2]
        lit = ("1" if val else "0") if isinstance(val, bool) else (
            f"{val:g}" if isinstance(val, (int, float)) else escape(str(val)))
        return (f"<ogc:{tag}><ogc:PropertyName>{escape(c[1])}</ogc:PropertyName>"
                f"<ogc:Literal>{lit}</ogc:Literal></ogc:{tag}>")
    if op == "null":
        return (f"<ogc:PropertyIsNull><ogc:PropertyName>{escape(c[1])}</ogc:PropertyName>"
                "</ogc:PropertyIsNull>")
    if op in ("and", "or"):
        tag = "And" if op == "and" else "Or"
        return f"<ogc:{tag}>" + "".join(_ogc(x) for x in c[1]) + f"</ogc:{tag}>"
    if op == "not":
        return f"<ogc:Not>{_ogc(c[1])}</ogc:Not>"
    raise ValueError(op)  # pragma: no cover


def _rgba(colour: str, alpha: int = 255) -> str:
    h = colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{alpha}"


def _props(props: Mapping[str, str]) -> str:
    """Symbol-layer properties in both spellings QGIS reads (<Option> map and <prop>)."""
    opts = "".join(f'<Option type="QString" name={quoteattr(k)} value={quoteattr(v)}/>'
                   for k, v in props.items())
    legacy = "".join(f"<prop k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in props.items())
    return f'<Option type="Map">{opts}</Option>{legacy}'


def _qml_symbol(sym: _Symbol, name: str) -> str:
    if sym.kind == "fill":
        props = {"color": _rgba(sym.colour), "style": "solid",
                 "outline_color": _rgba(sym.outline), "outline_style": "solid",
                 "outline_width": f"{sym.width_mm:g}", "outline_width_unit": "MM",
                 "joinstyle": "bevel"}
        layers = f'<layer class="SimpleFill" enabled="1" pass="0" locked="0">{_props(props)}' \
                 "</layer>"
    elif sym.kind == "marker":
        props = {"name": "circle", "color": _rgba(sym.colour, 0 if sym.hollow else 255),
                 "outline_color": _rgba(sym.colour if sym.hollow else sym.outline),
                 "outline_style": "dash" if sym.hollow else "solid",
                 "outline_width": "0.5" if sym.hollow else "0.2", "outline_width_unit": "MM",
                 "size": f"{sym.size_mm:g}", "size_unit": "MM", "angle": "0",
                 "scale_method": "diameter"}
        layers = f'<layer class="SimpleMarker" enabled="1" pass="0" locked="0">' \
                 f"{_props(props)}</layer>"
    else:
        props = {"line_color": _rgba(sym.colour), "line_width": f"{sym.width_mm:g}",
                 "line_width_unit": "MM", "line_style": "dash" if sym.dashed else "solid",
                 "capstyle": "round", "joinstyle": "round"}
        layers = f'<layer class="SimpleLine" enabled="1" pass="0" locked="0">{_props(props)}' \
                 "</layer>"
        if sym.arrow:
            head = {"name": "filled_arrowhead", "color": _rgba(sym.colour),
                    "outline_color": _rgba(sym.colour), "outline_style": "no",
                    "size": "2.6", "size_unit": "MM", "angle": "0"}
            layers += (
                '<layer class="MarkerLine" enabled="1" pass="0" locked="0">'
                + _props({"placement": "lastvertex", "rotate": "1", "offset": "0",
                          "placements": "LastVertex"})
                + f'<symbol type="marker" name="@{name}@1" alpha="1" clip_to_extent="1" '
                  f'force_rhr="0"><layer class="SimpleMarker" enabled="1" pass="0" '
                  f'locked="0">{_props(head)}</layer></symbol></layer>')
    return (f'<symbol type="{sym.kind}" name="{name}" alpha="1" clip_to_extent="1" '
            f'force_rhr="0">{layers}</symbol>')


def _qml(rules: Sequence[_Rule], *, aliases: Mapping[str, str]) -> str:
    rule_xml = []
    symbols = []
    for i, rule in enumerate(rules):
        filt = "ELSE" if rule.cond is None else _expr(rule.cond)
        rule_xml.append(f'<rule key="{{r{i}}}" symbol="{i}" label={quoteattr(rule.label)} '
                        f"filter={quoteattr(filt)}/>")
        symbols.append(_qml_symbol(rule.symbol, str(i)))
    alias_xml = "".join(f"<alias field={quoteattr(f)} index=\"{i}\" name={quoteattr(a)}/>"
                        for i, (f, a) in enumerate(aliases.items()))
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            f'<qgis version="{_QGIS_VERSION}" styleCategories="Symbology|Fields">'
            '<renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" '
            'forceraster="0"><rules key="{root}">' + "".join(rule_xml) + "</rules>"
            "<symbols>" + "".join(symbols) + "</symbols></renderer-v2>"
            f"<aliases>{alias_xml}</aliases></qgis>\n")


def _sld_symbolizer(sym: _Symbol) -> str:
    def css(name: str, value: str) -> str:
        return f'<CssParameter name="{name}">{value}</CssParameter>'

    if sym.kind == "fill":
        return ("<PolygonSymbolizer><Fill>" + css("fill", sym.colour) + "</Fill><Stroke>"
                + css("stroke", sym.outline) + css("stroke-width", "0.5")
                + "</Stroke></PolygonSymbolizer>")
    if sym.kind == "marker":
        size_px = f"{sym.size_mm * 3.78:.1f}"  # 1 mm = 3.78 px at 96 dpi
        fill = "" if sym.hollow else "<Fill>" + css("fill", sym.colour) + "</Fill>"
        stroke = ("<Stroke>" + css("stroke", sym.colour if sym.hollow else sym.outline)
                  + css("stroke-width", "1.5" if sym.hollow else "0.7")
                  + (css("stroke-dasharray", "3 2") if sym.hollow else "") + "</Stroke>")
        return ("<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName>"
                f"{fill}{stroke}</Mark><Size>{size_px}</Size></Graphic></PointSymbolizer>")
    dash = css("stroke-dasharray", "6 4") if sym.dashed else ""
    return ("<LineSymbolizer><Stroke>" + css("stroke", sym.colour)
            + css("stroke-width", f"{sym.width_mm * 3.78:.1f}") + dash
            + "</Stroke></LineSymbolizer>")


def _sld(rules: Sequence[_Rule], *, layer: str, title: str) -> str:
    out = []
    for rule in rules:
        filt = "<ElseFilter/>" if rule.cond is None else (
            f'<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">{_ogc(rule.cond)}</ogc:Filter>')
        out.append(f"<Rule><Name>{escape(rule.label)}</Name><Title>{escape(rule.label)}</Title>"
                   f"{filt}{_sld_symbolizer(rule.symbol)}</Rule>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" '
            'xmlns:ogc="http://www.opengis.net/ogc" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<NamedLayer><Name>{escape(layer)}</Name><UserStyle><Name>{escape(layer)}</Name>"
            f"<Title>{escape(title)}</Title><FeatureTypeStyle>" + "".join(out)
            + "</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>\n")


# ---------------------------------------------------------------------------
# which styles a layer gets
# ---------------------------------------------------------------------------
def layer_styles(gdf: gpd.GeoDataFrame, *, name: str, layanan: Sequence[str] | None = None,
                 status: str = "target", lang: str = "id", config: Config | None = None
                 ) -> list[tuple[str, str, str, str]]:
    """
    The QGIS styles of one layer: ``[(style_name, title, qml, sld), ...]``, default first.

    Recognised from the columns: access (``travel_min`` or
    ``<layanan>_travel_min``, one style per layanan, then the kab/kota target
    ``<layanan>_meets_target``), hospitals (``kode_rs`` with
    ``strata_<layanan>``/``strata_target_<layanan>``, one style per layanan),
    links (``pengampu``, ``diampu``, ``layanan``). Other layers get a plain
    style. Every style sets the field aliases.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> rs = gpd.GeoDataFrame({"kode_rs": ["A"], "strata_target_stroke": ["utama"],
    ...                        "lokasi_presisi": ["sumber"]}, geometry=[Point(102, -3)],
    ...                       crs="EPSG:4326")
    >>> [s[0] for s in layer_styles(rs, name="rumah_sakit")]
    ['strata_stroke']
    """
    cfg = config or DEFAULT_CONFIG
    tx = _TEXT[lang]
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    aliases = {c: column_label(c, lang, config=cfg, table=name) for c in cols}  # per table
    geom_types = set(gdf.geom_type.dropna())
    point = bool(geom_types) and geom_types <= {"Point", "MultiPoint"}
    line = bool(geom_types) and geom_types <= {"LineString", "MultiLineString"}
    out: list[tuple[str, str, list[_Rule]]] = []
    present = [lay for lay in cfg.layanan if f"{lay}_travel_min" in cols]
    order = [lay for lay in (layanan or []) if lay in present] + [
        lay for lay in present if lay not in (layanan or [])]
    if not point and not line:
        if "travel_min" in cols:
            lay = str(gdf.attrs.get("layanan", "")) or None
            title = (tx["grid"] if "h3" in cols else tx["access"].format(
                layanan=cfg.layanan_label(lay, lang) if lay else "")).replace("  ", " ")
            out.append((name, title, _access_rules("travel_min", "n_capable" if
                                                   "n_capable" in cols else None, lang,
                                                   outline="none" if "h3" in cols else None)))
        for lay in order:
            out.append((f"akses_{lay}", tx["access"].format(layanan=cfg.layanan_label(lay, lang)),
                        _access_rules(f"{lay}_travel_min",
                                      f"{lay}_n_capable" if f"{lay}_n_capable" in cols else None,
                                      lang)))
        for lay in order:
            if f"{lay}_meets_target" in cols:
                out.append((f"target_{lay}",
                            tx["target"].format(layanan=cfg.layanan_label(lay, lang)),
                            _target_rules(f"{lay}_meets_target", lang)))
    elif point and "kode_rs" in cols:
        with_strata = [lay for lay in cfg.layanan
                       if f"strata_{lay}" in cols or f"strata_target_{lay}" in cols]
        first = [lay for lay in (layanan or []) if lay in with_strata]
        for lay in first + [x for x in with_strata if x not in first]:
            out.append((f"strata_{lay}",
                        tx["hospitals"].format(layanan=cfg.layanan_label(lay, lang)),
                        _hospital_rules(lay, cols, status=status, lang=lang, cfg=cfg)))
    elif line and {"pengampu", "diampu", "layanan"} <= set(cols):
        out.append((name, tx["links"], _link_rules(gdf, lang=lang, cfg=cfg)))
    if not out:
        kind = "marker" if point else "line" if line else "fill"
        out.append((name, name, [_Rule(name, None, _Symbol(kind, "#4d4d4d" if kind != "fill"
                                                            else "#c6dbef", outline="#ffffff"))]))
    return [(style, title, _qml(rules, aliases=aliases), _sld(rules, layer=name, title=title))
            for style, title, rules in out]


def _access_rules(col: str, n_capable: str | None, lang: str, *,
                  outline: str | None = None) -> list[_Rule]:
    from ..maps import bin_labels
    from ..palette import BIN_COLOURS as _BIN_COLOURS
    from ..palette import BIN_EDGES as _BIN_EDGES
    from ..palette import COLOUR_NODATA as _COLOUR_NODATA
    from ..palette import COLOUR_NONE as _COLOUR_NONE

    tx = _TEXT[lang]
    edges = _BIN_EDGES["travel_min"]
    labels = bin_labels("travel_min", lang)
    edge = outline or "#ffffff"
    rules = [_Rule(labels[0], ("lt", col, edges[0]), _Symbol("fill", _BIN_COLOURS[0], edge))]
    for i, (lo, hi) in enumerate(zip(edges[:-1], edges[1:], strict=True), start=1):
        rules.append(_Rule(labels[i], ("and", [("ge", col, lo), ("lt", col, hi)]),
                           _Symbol("fill", _BIN_COLOURS[i], edge)))
    rules.append(_Rule(labels[-1], ("ge", col, edges[-1]),
                       _Symbol("fill", _BIN_COLOURS[len(edges)], edge)))
    if n_capable is not None:
        rules.append(_Rule(tx["no_capable"], ("and", [("null", col), ("eq", n_capable, 0)]),
                           _Symbol("fill", _COLOUR_NONE, edge)))
    rules.append(_Rule(tx["no_data"], None, _Symbol("fill", _COLOUR_NODATA, edge)))
    if outline == "none":
        rules = [_Rule(r.label, r.cond, _Symbol("fill", r.symbol.colour, r.symbol.colour,
                                                width_mm=0.0)) for r in rules]
    return rules


def _target_rules(col: str, lang: str) -> list[_Rule]:
    from ..palette import COLOUR_MET as _COLOUR_MET
    from ..palette import COLOUR_NODATA as _COLOUR_NODATA
    from ..palette import COLOUR_NOT_MET as _COLOUR_NOT_MET

    tx = _TEXT[lang]
    return [_Rule(tx["met"], ("eq", col, True), _Symbol("fill", _COLOUR_MET)),
            _Rule(tx["not_met"], ("eq", col, False), _Symbol("fill", _COLOUR_NOT_MET)),
            _Rule(tx["no_data"], None, _Symbol("fill", _COLOUR_NODATA))]


def _hospital_rules(lay: str, cols: Sequence[str], *, status: str, lang: str,
                    cfg: Config) -> list[_Rule]:
    """One rule per strata (highest first) x exact/approximate location; the rest small grey."""
    from ..palette import STRATA_COLOURS as _STRATA_COLOURS

    tx = _TEXT[lang]
    fields = [f for f in (f"strata_{lay}",) if f in cols]
    if status == "target" and f"strata_target_{lay}" in cols:
        fields.append(f"strata_target_{lay}")
    if not fields:  # status "ada" but only target strata known
        fields = [f"strata_target_{lay}"] if f"strata_target_{lay}" in cols else []
    order = list(cfg.strata_order)

    def has(strata: str) -> Cond:
        return ("or", [("eq", f, strata) for f in fields])

    rules: list[_Rule] = []
    sizes = (1.6, 2.2, 2.9, 3.8)
    approx_col = "lokasi_presisi" if "lokasi_presisi" in cols else None
    for rank in range(len(order) - 1, -1, -1):
        strata = order[rank]
        higher = [has(s) for s in order[rank + 1:]]
        cond: Cond = ("and", [has(strata)] + [("not", h) for h in higher]) if higher \
            else has(strata)
        colour = _STRATA_COLOURS[min(rank, len(_STRATA_COLOURS) - 1)]
        size = sizes[min(rank, len(sizes) - 1)]
        label = cfg.strata_label(strata, lang)
        if approx_col:
            is_approx: Cond = ("or", [("eq", approx_col, v) for v in APPROX_LOKASI])
            exact = ("or", [("null", approx_col), ("not", is_approx)])
            rules.append(_Rule(label, ("and", [cond, exact]), _Symbol("marker", colour,
                                                                      size_mm=size)))
            rules.append(_Rule(f"{label} ({tx['approx']})",
                               ("and", [cond, is_approx]),
                               _Symbol("marker", colour, size_mm=size, hollow=True)))
        else:
            rules.append(_Rule(label, cond, _Symbol("marker", colour, size_mm=size)))
    rules.append(_Rule(tx["other_rs"], None, _Symbol("marker", "#bdbdbd", size_mm=1.0)))
    return rules


def _link_rules(gdf: gpd.GeoDataFrame, *, lang: str, cfg: Config) -> list[_Rule]:
    tx = _TEXT[lang]
    present = list(dict.fromkeys(gdf["layanan"].dropna().astype(str)))
    lays = [lay for lay in cfg.layanan if lay in present] + [
        lay for lay in present if lay not in cfg.layanan]
    has_jenis = "jenis" in gdf.columns
    rules = []
    for lay in lays:
        colour = cfg.layanan[lay].colour if lay in cfg.layanan else "#555555"
        label = cfg.layanan_label(lay, lang)
        if has_jenis:
            source = ("or", [("null", "jenis"), ("not", ("eq", "jenis", "usulan"))])
            rules.append(_Rule(label, ("and", [("eq", "layanan", lay), source]),
                               _Symbol("line", colour, width_mm=0.5, arrow=True)))
            rules.append(_Rule(f"{label} ({tx['usulan']})",
                               ("and", [("eq", "layanan", lay), ("eq", "jenis", "usulan")]),
                               _Symbol("line", colour, width_mm=0.5, arrow=True, dashed=True)))
        else:
            rules.append(_Rule(label, ("eq", "layanan", lay),
                               _Symbol("line", colour, width_mm=0.5, arrow=True)))
    rules.append(_Rule(tx["links"], None, _Symbol("line", "#555555", width_mm=0.4, arrow=True)))
    return rules
