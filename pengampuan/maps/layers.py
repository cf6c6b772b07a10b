"""The data each map layer draws: kab/kota polygons, hospitals, links, outlines, context.

Everything here becomes plain JSON for the page script (``static/page.js``):

- polygons and lines are *delta-encoded integers*: each ring is a flat list
  ``[lat0, lon0, dlat1, dlon1, ...]`` in units of ``10**-precision`` degree,
  about half the size of GeoJSON text (the script decodes it);
- hospitals are records ``[lat, lon, flags, {layer: strata rank}, name, meta,
  rows, sources, location, reported services]`` (names and texts already
  escaped; a reported service -- a *fasilitas* layer -- has rank ``-1``), and
  links ``[pengampu, diampu, proposed, text, evidence style]`` refer to
  hospitals by position, so a link costs a few bytes;
- a kab/kota (and a kecamatan) carries, per layer, its fill colour and the
  cells of its popup;
- the H3 grid of a province is drawn as one polygon per colour class and layer
  (the cells of a class dissolved), so its size follows the class boundaries,
  not the number of cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import shapely

from ..config import BUKTI, FASILITAS, Config, is_approx_lokasi
from ..dataset import Dataset
from ..geo import inside_point
from ..palette import (  # noqa: F401  (re-exported for the maps modules)
    BIN_COLOURS,
    COLOUR_APPROX,
    COLOUR_FASILITAS,
    COLOUR_LAND,
    COLOUR_MET,
    COLOUR_NODATA,
    COLOUR_NONE,
    COLOUR_NOT_MET,
    STRATA_COLOURS,
    STRATA_RADIUS_PX,
)
from .text import BIN_EDGES, TEXT, esc, fmt_km, linkify, present

#: Decimal places of coordinates in a province map (1e-5 degree is about 1 m) and in a
#: national one (1e-4 degree, about 11 m: well under a pixel at the zoom that shows it all).
PRECISION_PROVINCE = 5
PRECISION_NATIONAL = 4


#: Hospital flags (bits of the third item of a hospital record).
FLAG_APPROX, FLAG_OUTSIDE, FLAG_OTHER = 1, 2, 4
#: Rank of a hospital on a *fasilitas* layer (it reports the service; no strata).
RANK_REPORTED = -1
#: Line style of a link by its evidence grade (fifth item of a link record): a decree or a
#: signed document (solid), a news report (dashed), an inference of this project (dotted).
LINK_STYLE = {"regulasi": 0, "dokumen": 0, "berita": 1, "inferensi": 2}


def bin_colours(values: pd.Series | Sequence[float], *, variable: str) -> list[str]:
    """
    Fill colour of each value in the classes of the choropleth legend.

    ``inf`` (no capable hospital) is grey, NaN (no value) near-white.

    Examples
    --------
    >>> bin_colours([10, 100, float("inf"), float("nan")], variable="travel_min")
    ['#ffffb2', '#feb24c', '#9e9e9e', '#f2f2f2']
    """
    x = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
    idx = np.digitize(x, BIN_EDGES[variable], right=False)
    out = np.asarray(BIN_COLOURS, dtype=object)[np.clip(idx, 0, len(BIN_COLOURS) - 1)]
    out[np.isinf(x)] = COLOUR_NONE
    out[np.isnan(x)] = COLOUR_NODATA
    return [str(c) for c in out]


# ---------------------------------------------------------------------------
# geometry
# ---------------------------------------------------------------------------
def _ring(coords: np.ndarray, scale: float) -> list[int]:
    q = np.round(coords[:, ::-1] * scale).astype(np.int64)  # [lat, lon]
    # drop repeated points (after rounding) and the closing point
    keep = np.ones(len(q), dtype=bool)
    keep[1:] = np.any(q[1:] != q[:-1], axis=1)
    q = q[keep]
    if len(q) > 1 and (q[0] == q[-1]).all():
        q = q[:-1]
    d = q.copy()
    d[1:] -= q[:-1]
    return [int(v) for v in d.ravel()]


def encode_polygons(geoms: Iterable[Any], precision: int) -> list[list[list[list[int]]]]:
    """Per geometry: polygons -> rings -> delta-encoded ``[lat, lon, ...]`` integers."""
    scale = 10.0 ** precision
    out = []
    for geom in geoms:
        polys: list[list[list[int]]] = []
        if geom is not None and not geom.is_empty:
            for part in shapely.get_parts(geom):
                if part.geom_type != "Polygon" or part.is_empty:
                    continue
                rings = [_ring(np.asarray(part.exterior.coords), scale)]
                rings += [_ring(np.asarray(r.coords), scale) for r in part.interiors]
                rings = [r for r in rings if len(r) >= 6]
                if rings:
                    polys.append(rings)
        out.append(polys)
    return out


def encode_lines(geoms: Iterable[Any], precision: int) -> list[list[int]]:
    """All lines (boundaries of polygons, or lines) as delta-encoded integer lists."""
    scale = 10.0 ** precision
    out = []
    for geom in geoms:
        if geom is None or geom.is_empty:
            continue
        g = shapely.boundary(geom) if geom.geom_type in ("Polygon", "MultiPolygon") else geom
        for part in shapely.get_parts(g):
            coords = np.asarray(part.coords)
            if len(coords) >= 2:
                q = np.round(coords[:, ::-1] * scale).astype(np.int64)
                d = q.copy()
                d[1:] -= q[:-1]
                out.append([int(v) for v in d.ravel()])
    return out


def dissolve_provinces(regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Province polygons as the union of their kab/kota (for outlines)."""
    g = regions[["kode_induk", "geometry"]].dropna(subset=["kode_induk"])
    geoms = [shapely.union_all(grp.geometry.values, grid_size=1e-5)
             for _, grp in g.groupby("kode_induk", sort=True)]
    kode = sorted(g["kode_induk"].astype(str).unique())
    return gpd.GeoDataFrame({"kode": kode}, geometry=geoms, crs="EPSG:4326")


def bounds_of(*frames: gpd.GeoDataFrame | None, points: pd.DataFrame | None = None
              ) -> list[list[float]]:
    """[[south, west], [north, east]] of the frames (else of the points) to fit the view."""
    boxes = [f.total_bounds for f in frames if f is not None and len(f)]
    if not boxes and points is not None:
        p = points.dropna(subset=["lat", "lon"])
        if len(p):
            boxes.append(np.array([p["lon"].min(), p["lat"].min(), p["lon"].max(),
                                   p["lat"].max()]))
    if not boxes:
        raise ValueError("nothing to map: no regions, provinces or hospitals with coordinates")
    b = np.vstack(boxes)
    return [[round(float(b[:, 1].min()), 4), round(float(b[:, 0].min()), 4)],
            [round(float(b[:, 3].max()), 4), round(float(b[:, 2].max()), 4)]]


def label_points(geoms: gpd.GeoSeries, precision: int) -> list[list[float]]:
    """[lat, lon] of a point inside the main land mass of each region (for its name)."""
    pts = inside_point(geoms)
    return [[round(float(p.y), precision), round(float(p.x), precision)] if not p.is_empty
            else [0.0, 0.0] for p in pts]


# ---------------------------------------------------------------------------
# hospitals and links
# ---------------------------------------------------------------------------
@dataclass
class Hospitals:
    """Hospital records and link records for the page, built from a Dataset or a network."""

    records: list[list[Any]] = field(default_factory=list)
    links: dict[str, list[list[Any]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    #: hospitals drawn per layanan (with a strata for it)
    counts: dict[str, int] = field(default_factory=dict)

    def js(self) -> dict[str, Any]:
        """The part of the page data about hospitals and links."""
        return {"rs": self.records, "links": self.links, "src": self.sources}


def _strata_text(recs: Sequence[Mapping[str, Any]], *, cfg: Config, lang: str) -> str:
    tx = TEXT[lang]
    out = []
    for r in sorted(recs, key=lambda r: str(r.get("status"))):
        word = tx["status_word_target"] if r.get("status") == "target" else tx["status_word_ada"]
        year = r.get("tahun")
        year_s = f" {int(float(year))}" if present(year) else ""
        bukti = (f"; {tx['bukti']} {esc(r['bukti'])}" if present(r.get("bukti")) else "")
        out.append(f"{esc(cfg.strata_label(str(r['strata']), lang))} ({word}{year_s}{bukti})")
    return "<br>".join(out)


def hospital_layer(
    rs: pd.DataFrame, lay_rows: pd.DataFrame, links: pd.DataFrame, *, ranks: pd.DataFrame,
    layanan: Sequence[str], cfg: Config, lang: str, wilayah_names: Mapping[str, str],
    provinsi: str | None = None, include_other: bool = False, precision: int = 5,
    draw_links: bool = True, fasilitas: Mapping[str, Iterable[str]] | None = None,
    fas_rows: pd.DataFrame | None = None,
) -> Hospitals:
    """
    Hospital and link records for the page.

    Parameters
    ----------
    rs : DataFrame
        kode_rs, nama, lat, lon and optionally kode_wilayah, kode_prov, kelas,
        lokasi_presisi, sumber.
    lay_rows : DataFrame
        Layanan rows (kode_rs, layanan, strata, status, tahun, sumber, bukti) for the popups.
    links : DataFrame
        pengampu, diampu, layanan, jenis, sumber, bukti, distance_km (optional).
    ranks : DataFrame
        Strata rank per kode_rs (index) and layanan (columns), for the status drawn.
    provinsi : str, optional
        Province scope: its hospitals, and those outside linked to them (flagged).
    include_other : bool
        Also keep hospitals with none of ``layanan`` (flagged, a layer off by default).
    draw_links : bool
        Draw the links (else they only appear in the popups).
    fasilitas : mapping of str to iterable of str, optional
        Reported-service layers drawn: fasilitas name -> the ``kode_rs`` reporting it
        (their rank on that layer is :data:`RANK_REPORTED`).
    fas_rows : DataFrame, optional
        Reported services (kode_rs, fasilitas, bukti) listed in the popups (the
        tenth item of a record: ``[fasilitas index in FASILITAS, grade index in
        BUKTI or -1]`` pairs).
    """
    tx = TEXT[lang]
    out = Hospitals()
    rs = rs.assign(kode_rs=rs["kode_rs"].astype(str)).drop_duplicates("kode_rs")
    all_rs = rs
    rs = rs[pd.to_numeric(rs["lat"], errors="coerce").notna()
            & pd.to_numeric(rs["lon"], errors="coerce").notna()]
    lk = links.assign(pengampu=links["pengampu"].astype(str), diampu=links["diampu"].astype(str),
                      layanan=links["layanan"].astype(str))
    if "kode_prov" in rs:
        prov_of = dict(zip(rs["kode_rs"], rs["kode_prov"].astype("string").fillna(""),
                           strict=True))
    else:
        prov_of = dict(zip(rs["kode_rs"], rs.get("kode_wilayah", pd.Series("", index=rs.index))
                           .astype("string").fillna("").str.slice(0, 2), strict=True))
    if provinsi is not None:
        local = {k for k, p in prov_of.items() if p == provinsi}
        lk = lk[lk["pengampu"].isin(local) | lk["diampu"].isin(local)]
    else:
        local = set(prov_of)
    shown_links = lk[lk["layanan"].isin(layanan)] if draw_links else lk.iloc[0:0]
    ranks = ranks.copy()
    ranks.index = ranks.index.astype(str)
    has_rank = {lay: set(ranks.index[ranks[lay].notna()]) if lay in ranks else set()
                for lay in layanan}
    reporting = {fas: {str(k) for k in codes} for fas, codes in (fasilitas or {}).items()}
    linked = set(shown_links["pengampu"]) | set(shown_links["diampu"])
    keep_set = set()
    for kode in rs["kode_rs"]:
        ranked = (any(kode in has_rank[lay] for lay in layanan)
                  or any(kode in codes for codes in reporting.values()))
        if kode in linked or (kode in local and (ranked or include_other)):
            keep_set.add(kode)
    fas_of: dict[str, list[list[int]]] = {}
    if fas_rows is not None and len(fas_rows):
        fas_index = {f: i for i, f in enumerate(FASILITAS)}
        grade_index = {g: i for i, g in enumerate(BUKTI)}
        fr = fas_rows[fas_rows["kode_rs"].astype(str).isin(keep_set)]
        grades = fr["bukti"] if "bukti" in fr else pd.Series("", index=fr.index)
        for kode, fas, grade in zip(fr["kode_rs"].astype(str), fr["fasilitas"].astype(str),
                                    grades, strict=True):
            if fas in fas_index:
                fas_of.setdefault(kode, []).append(
                    [fas_index[fas], grade_index.get(str(grade), -1)])
    rs = rs[rs["kode_rs"].isin(keep_set)].reset_index(drop=True)
    pos = {k: i for i, k in enumerate(rs["kode_rs"])}

    by_rs: dict[str, list[Mapping[str, Any]]] = {}
    for rec in lay_rows[lay_rows["kode_rs"].astype(str).isin(keep_set)].to_dict("records"):
        by_rs.setdefault(str(rec["kode_rs"]), []).append(rec)
    pengampu_of: dict[tuple[str, str], list[str]] = {}
    diampu_of: dict[tuple[str, str], list[str]] = {}
    name_lookup = dict(zip(all_rs["kode_rs"], all_rs["nama"].astype(str), strict=True))
    for rec in lk.to_dict("records"):
        u, v, lay = rec["pengampu"], rec["diampu"], rec["layanan"]
        usulan = str(rec.get("jenis") or "sumber") == "usulan"
        grade = (f" ({tx['bukti']} {esc(rec['bukti'])})" if present(rec.get("bukti")) else "")
        tag = f" ({tx['usulan']})" if usulan else ""
        pengampu_of.setdefault((v, lay), []).append(
            esc(name_lookup.get(u, rec.get("nama_pengampu") or u)) + tag + grade)
        diampu_of.setdefault((u, lay), []).append(
            esc(name_lookup.get(v, rec.get("nama_diampu") or v)) + tag + grade)

    src_index: dict[str, int] = {}

    def src(text: Any) -> int | None:
        if not present(text):
            return None
        s = str(text)
        if s not in src_index:
            src_index[s] = len(out.sources)
            out.sources.append(linkify(s))
        return src_index[s]

    for rec in rs.to_dict("records"):
        kode = rec["kode_rs"]
        ranks_of = {lay: int(ranks.at[kode, lay]) for lay in layanan
                    if kode in has_rank[lay]}
        ranks_of.update({fas: RANK_REPORTED for fas, codes in reporting.items()
                         if kode in codes})
        flags = 0
        if is_approx_lokasi(rec.get("lokasi_presisi")):
            flags |= FLAG_APPROX
        if kode not in local:
            flags |= FLAG_OUTSIDE
        if not ranks_of:
            flags |= FLAG_OTHER
        meta = [esc(kode)]
        if present(rec.get("kelas")):
            meta.append(f"{tx['kelas']} {esc(rec['kelas'])}")
        kw = rec.get("kode_wilayah")
        if present(kw):
            meta.append(esc(wilayah_names.get(str(kw), str(kw))))
        if flags & FLAG_OUTSIDE:
            meta.append(f"<i>{tx['outside']}</i>")
        recs = by_rs.get(kode, [])
        lay_order = [lay for lay in cfg.layanan
                     if any(str(r["layanan"]) == lay for r in recs)
                     or (kode, lay) in pengampu_of or (kode, lay) in diampu_of]
        rows = []
        for lay in lay_order:
            mine = [r for r in recs if str(r["layanan"]) == lay]
            rows.append([esc(cfg.layanan_label(lay, lang)), _strata_text(mine, cfg=cfg, lang=lang),
                         pengampu_of.get((kode, lay), []), diampu_of.get((kode, lay), [])])
        sources = [src(rec.get("sumber"))] + [src(r.get("sumber")) for r in recs]
        presisi = str(rec.get("lokasi_presisi") or "")
        place = _address_place_name(rec.get("sumber_lokasi"), presisi)
        if place:
            loc = tx[f"loc_{presisi}_named"].format(name=esc(place))
        elif f"loc_{presisi}" in tx:
            loc = tx[f"loc_{presisi}"]
        else:
            loc = f"{tx['location']}: {esc(presisi) if presisi else tx['none']}"
        out.records.append([
            round(float(rec["lat"]), precision), round(float(rec["lon"]), precision), flags,
            ranks_of, esc(rec["nama"]), " \u00b7 ".join(meta), rows,
            sorted({s for s in sources if s is not None}), loc,
            sorted(fas_of.get(kode, []))])
    for fas in reporting:
        out.counts[fas] = sum(1 for r in out.records
                              if fas in r[3] and not r[2] & FLAG_OUTSIDE)
        out.links[fas] = []
    for lay in layanan:
        out.counts[lay] = sum(1 for r in out.records if lay in r[3] and not r[2] & FLAG_OUTSIDE)
        recs_l = []
        for rec in shown_links[shown_links["layanan"] == lay].to_dict("records"):
            i, j = pos.get(rec["pengampu"]), pos.get(rec["diampu"])
            if i is None or j is None:
                continue
            usulan = int(str(rec.get("jenis") or "sumber") == "usulan")
            extra = []
            dist = rec.get("distance_km")
            if present(dist):
                approx = rec.get("jarak_perkiraan")
                extra.append(fmt_km(float(dist), lang)
                             + (f" ({tx['approx_short']})" if present(approx) and bool(approx)
                                else ""))
            grade = str(rec.get("bukti")) if present(rec.get("bukti")) else ""
            if grade:
                extra.append(f"{tx['bukti']}: {esc(grade)}")
            recs_l.append([i, j, usulan, " \u00b7 ".join(extra), LINK_STYLE.get(grade, 0)])
        out.links[lay] = recs_l
    return out


def links_table(ds: Dataset | None, network: nx.MultiDiGraph | None) -> pd.DataFrame:
    """Per link: pengampu, diampu, layanan, jenis, bukti, distance_km, jarak_perkiraan."""
    cols = ["pengampu", "diampu", "layanan", "jenis", "bukti", "distance_km", "jarak_perkiraan"]
    if network is not None:
        grade: dict[tuple[str, str, str], Any] = {}
        if ds is not None and "bukti" in ds.jejaring:  # when the network does not carry it
            j = ds.jejaring
            grade = dict(zip(zip(j["pengampu"].astype(str), j["diampu"].astype(str),
                                 j["layanan"].astype(str), strict=True), j["bukti"], strict=True))
        rows = [(str(u), str(v), str(d.get("layanan", "")), str(d.get("jenis") or "sumber"),
                 d.get("bukti", grade.get((str(u), str(v), str(d.get("layanan", ""))))),
                 d.get("distance_km"), d.get("jarak_perkiraan"))
                for u, v, d in network.edges(data=True)]
        return pd.DataFrame(rows, columns=cols)
    if ds is None:
        return pd.DataFrame(columns=cols)
    j = ds.jejaring
    return pd.DataFrame({
        "pengampu": j["pengampu"].astype(str), "diampu": j["diampu"].astype(str),
        "layanan": j["layanan"].astype(str),
        "jenis": j["jenis"].astype(str) if "jenis" in j else "sumber",
        "bukti": j["bukti"] if "bukti" in j else None,
        "distance_km": np.nan,
        "jarak_perkiraan": None,
    })


def hospitals_from_network(net: nx.MultiDiGraph, *, status: str, cfg: Config
                           ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(rumah_sakit, layanan rows, strata ranks) from node attributes, without a Dataset."""
    rs_rows, lay_rows = [], []
    for node, a in net.nodes(data=True):
        kode = str(node)
        rs_rows.append({"kode_rs": kode, "nama": str(a.get("nama", node)),
                        "lat": a.get("lat", np.nan), "lon": a.get("lon", np.nan),
                        "kode_wilayah": a.get("kode_wilayah"), "kode_prov": a.get("kode_prov"),
                        "kelas": a.get("kelas"), "lokasi_presisi": a.get("lokasi_presisi"),
                        "sumber": a.get("sumber")})
        for lay in cfg.layanan:
            for key, st in ((f"strata_{lay}", "ada"), (f"strata_target_{lay}", "target")):
                val = a.get(key)
                if isinstance(val, str) and val in cfg.strata_order:
                    lay_rows.append({"kode_rs": kode, "layanan": lay, "strata": val,
                                     "status": st})
    rs = pd.DataFrame(rs_rows, columns=["kode_rs", "nama", "lat", "lon", "kode_wilayah",
                                        "kode_prov", "kelas", "lokasi_presisi", "sumber"])
    lay = pd.DataFrame(lay_rows, columns=["kode_rs", "layanan", "strata", "status"])
    use = lay if status == "target" else lay[lay["status"] == "ada"]
    ranks = pd.DataFrame(index=pd.Index(rs["kode_rs"], name="kode_rs"))
    for layanan, grp in use.groupby("layanan"):
        best = grp.assign(r=grp["strata"].map(cfg.strata_rank)).groupby("kode_rs")["r"].max()
        ranks[layanan] = best
    return rs, lay, ranks


# ---------------------------------------------------------------------------
# H3 grid
# ---------------------------------------------------------------------------
def hexagons(h3_ids: Sequence[str]) -> list[Any]:
    """Polygons (EPSG:4326) of H3 cells given by their string ids."""
    import h3

    return [shapely.Polygon([(lng, lat) for lat, lng in h3.cell_to_boundary(c)])
            for c in h3_ids]


def grid_layer(grids: Mapping[str, pd.DataFrame], *, variable: str, precision: int
               ) -> dict[str, Any] | None:
    """
    The H3 access grid of each layer as dissolved colour classes, for the page.

    The cells of one colour class are merged into rings by dropping the edges
    they share (each hexagon's vertices rounded to ``precision`` first), so the
    page holds the class boundaries, not every hexagon: a province grid of
    25,000 cells is about 100 kB per layer. The rings of a class are drawn
    with the even-odd rule (holes and islands need no nesting).

    Parameters
    ----------
    grids : mapping of layer -> DataFrame
        Per layer (layanan or fasilitas), the cells of :func:`pengampuan.access_grid`
        or :func:`pengampuan.province_access_grid`: ``h3`` and ``variable``.
    variable : {"travel_min", "distance_km"}
        The value coloured, in the classes of the choropleth.
    precision : int
        Decimal places of the coordinates.

    Returns
    -------
    dict or None
        ``{"res": resolution, "n": cells, "area": mean cell area in km2,
        "v": {layer: [[colour, polygons], ...]}}`` (polygons delta-encoded as in
        :func:`encode_polygons`), or None when there is no cell.

    Examples
    --------
    >>> import h3, pandas as pd
    >>> cell = h3.latlng_to_cell(-3.8, 102.3, 6)
    >>> cells = [cell, *sorted(set(h3.grid_disk(cell, 1)) - {cell})]
    >>> g = pd.DataFrame({"h3": cells, "travel_min": [10.0] * 6 + [500.0]})  # one cell far
    >>> out = grid_layer({"stroke": g}, variable="travel_min", precision=5)
    >>> out["res"], out["n"], [c for c, _ in out["v"]["stroke"]]
    (6, 7, ['#ffffb2', '#e31a1c'])
    >>> [[len(r) // 2 for r in poly[0]] for _, poly in out["v"]["stroke"]]  # vertices per ring
    [[18], [6]]
    """
    import h3

    scale = 10.0 ** precision
    cells: dict[str, np.ndarray] = {}
    for frame in grids.values():
        if "h3" not in frame:
            raise ValueError(f"grid has no column 'h3'; it has {list(frame.columns)}: pass "
                             "the output of access_grid() or province_access_grid()")
        if variable not in frame:
            raise ValueError(f"grid has no column {variable!r}; it has {list(frame.columns)}")
        for c in frame["h3"].astype(str).tolist():
            if c not in cells:
                q = np.round(np.asarray(h3.cell_to_boundary(c)) * scale).astype(np.int64)
                # counter-clockwise in (lon, lat) for every cell, so shared edges cancel
                x, y = q[:, 1], q[:, 0]
                if (x * np.roll(y, -1) - np.roll(x, -1) * y).sum() < 0:
                    q = q[::-1]
                cells[c] = q
    if not cells:
        return None
    res = int(h3.get_resolution(next(iter(cells))))
    out: dict[str, Any] = {"res": res, "n": len(cells),
                           "area": float(h3.average_hexagon_area(res, unit="km^2")), "v": {}}
    for lay, frame in grids.items():
        ids = frame["h3"].astype(str).tolist()
        colours = bin_colours(frame[variable], variable=variable)
        by_colour: dict[str, list[np.ndarray]] = {}
        for c, colour in zip(ids, colours, strict=True):
            by_colour.setdefault(colour, []).append(cells[c])
        out["v"][lay] = [[colour, [_dissolve(rings)]] for colour, rings in by_colour.items()]
    out["v"] = same_as_earlier(out["v"])
    return out


def same_as_earlier(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with each value equal to an earlier one replaced by that one's key.

    Layers often share their figures (the same hospitals serve several layanan);
    the page resolves a string value to the layer it names.

    Examples
    --------
    >>> same_as_earlier({"kanker": [1, 2], "jantung": [1, 2], "stroke": [3]})
    {'kanker': [1, 2], 'jantung': 'kanker', 'stroke': [3]}
    """
    seen: dict[str, str] = {}
    out: dict[str, Any] = {}
    for key, value in values.items():
        text = repr(value)
        if text in seen:
            out[key] = seen[text]
        else:
            seen[text] = key
            out[key] = value
    return out


def _dissolve(rings: Sequence[np.ndarray]) -> list[list[int]]:
    """Boundary rings of adjacent cells (integer [lat, lon] rings), delta-encoded."""
    edges: dict[tuple[int, int, int, int], None] = {}
    for q in rings:
        pts = [tuple(p) for p in q.tolist()]
        for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
            if (*b, *a) in edges:  # the neighbour's edge, run the other way: interior
                del edges[(*b, *a)]
            elif a != b:
                edges[(*a, *b)] = None
    nxt: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for e in edges:
        nxt.setdefault((e[0], e[1]), []).append((e[2], e[3]))
    out = []
    while nxt:
        start = next(iter(nxt))
        ring = [start]
        here = start
        while True:
            ends = nxt.get(here)
            if not ends:
                break
            there = ends.pop()
            if not ends:
                del nxt[here]
            if there == start:
                break
            ring.append(there)
            here = there
        if len(ring) >= 3:
            q = np.asarray(ring, dtype=np.int64)
            d = q.copy()
            d[1:] -= q[:-1]
            out.append([int(v) for v in d.ravel()])
    return out


#: ``sumber_lokasi`` of a point placed by the hospital's address (bundled data):
#: "pusat desa/kelurahan Puruk Cahu (62.12.01.1012) menurut alamat RS; ..."
_ADDRESS_SOURCE = re.compile(
    r"^(?:pusat desa/kelurahan|titik di dalam kecamatan) (?P<name>[^()]+?) "
    r"\((?P<kode>\d{2}\.\d{2}\.\d{2}(?:\.\d{4})?)\) menurut alamat RS")


def _address_place_name(sumber_lokasi: object, presisi: str) -> str:
    """The desa or kecamatan in the ``sumber_lokasi`` of a hospital placed by its address.

    '' for any other point or text.

    >>> _address_place_name("pusat desa/kelurahan Puruk Cahu (62.12.01.1012) menurut alamat "
    ...                     "RS; bukan lokasi RS", "desa")
    'Puruk Cahu'
    >>> _address_place_name("RS Online 2021 (1104012)", "rsonline2021")
    ''
    """
    if presisi not in ("desa", "kecamatan") or not isinstance(sumber_lokasi, str):
        return ""
    m = _ADDRESS_SOURCE.match(sumber_lokasi)
    return m.group("name") if m else ""
