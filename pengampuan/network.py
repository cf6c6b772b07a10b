"""The pengampuan network: hospitals as nodes, mentoring links as edges.

:func:`build_network` turns a :class:`~pengampuan.dataset.Dataset` into a
:class:`networkx.MultiDiGraph`: one node per ``kode_rs``, one edge per
mentoring link, from the pengampu to the diampu, keyed by layanan (proposed
links by ``"<layanan>:usulan"``, so they never overwrite a sourced link). The
network is not a tree: a hospital can have several pengampu for one layanan,
a pengampu can sit in another province, and a cycle is a data error that
:func:`network_checks` reports.

Conventions of the graph
------------------------
- A missing value is an **absent attribute**, never ``None``: a hospital
  without cancer care has no ``strata_kanker``; read attributes with
  ``net.nodes[k].get("strata_kanker")``. Attribute values are plain ``bool``,
  ``int``, ``float`` or ``str``, so the graph survives GraphML unchanged.
- Node attributes: ``nama``, ``kode_wilayah``, ``kode_prov``, ``lat``, ``lon``,
  ``nasional`` (bool: national pengampu for at least one layanan),
  ``pengampu_nasional`` (``;``-separated layanan, ``""`` for none),
  ``strata_<layanan>`` (current strata), ``strata_target_<layanan>`` (the
  higher of current and target strata), and when known ``kelas``,
  ``kepemilikan``, ``tempat_tidur``, ``lokasi_presisi``, ``contoh``,
  ``nama_kabkota`` and ``penduduk_kabkota`` (population of its kab/kota).
- Edge attributes: ``layanan``, ``jenis`` (``sumber`` | ``usulan``),
  ``sumber``, ``mulai`` (ISO date or ``""``), ``distance_km`` (great-circle,
  :func:`pengampuan.geo.great_circle_km`), ``cross_province`` (bool),
  ``contoh`` (bool).
- Graph attributes: ``crs`` (``"EPSG:4326"``), ``layanan`` and
  ``strata_order`` (``;``-separated, from the dataset's :class:`Config`,
  strata lowest first), ``contoh`` (bool) and ``wilayah`` (the region list as
  a JSON object ``{kode: {"nama", "tingkat", "kode_induk", "penduduk"}}``).

Analyses take ``status="target"`` by default (strata once targets are met,
the ``strata_target_<layanan>`` attributes) or ``status="ada"`` (current).
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import shapely
from networkx.readwrite.graphml import GraphMLWriter

from .config import DEFAULT_CONFIG, STATUS, Config, settings
from .dataset import Dataset
from .errors import NetworkError, PengampuanWarning
from .geo import NearestIndex, densify_great_circle, great_circle_km

logger = logging.getLogger(__name__)

__all__ = [
    "build_network",
    "network_view",
    "network_summary",
    "network_checks",
    "province_network",
    "propose_network",
    "write_graphml",
    "read_graphml",
    "links_geodataframe",
]

CRS = "EPSG:4326"
#: Kinds of link: from a source (news, decree, MoU) or proposed by an analysis.
JENIS: tuple[str, ...] = ("sumber", "usulan")
#: Rules of :func:`propose_network`.
RULES: tuple[str, ...] = ("nearest_higher_strata",)
_USULAN_SUFFIX = ":usulan"

#: Optional hospital columns copied to node attributes, with their Python type.
_NODE_OPTIONAL: dict[str, type] = {
    "kelas": str, "kepemilikan": str, "tempat_tidur": int, "lokasi_presisi": str, "contoh": bool,
}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "cycle": "siklus pengampuan: {path}",
        "self_link": "{nama} mengampu dirinya sendiri",
        "orphan": "{nama} ({strata}) memiliki layanan ini tetapi tidak punya pengampu",
        "strata_inversion": "strata diampu {diampu} ({s_diampu}) tidak di bawah pengampu "
                            "{pengampu} ({s_pengampu})",
        "diampu_lacks_layanan": "diampu {nama} tidak memiliki layanan ini (status {status})",
        "pengampu_lacks_layanan": "pengampu {nama} tidak memiliki layanan ini (status {status}) "
                                  "dan bukan pengampu nasional",
        "no_national": "tidak ada pengampu nasional untuk layanan ini",
        "kabkota_no_path": "{nama} ({kode}): {n} RS dengan layanan ini, tidak satu pun "
                           "terhubung ke pengampu nasional",
        "hops_0": "pengampu nasional", "hops_1": "langsung", "hops_2": "melalui RS perantara",
        "hops_n": "{n} langkah", "hops_na": "tidak terhubung",
    },
    "en": {
        "cycle": "mentoring cycle: {path}",
        "self_link": "{nama} mentors itself",
        "orphan": "{nama} ({strata}) offers this layanan but has no pengampu",
        "strata_inversion": "strata of diampu {diampu} ({s_diampu}) is not below its pengampu "
                            "{pengampu} ({s_pengampu})",
        "diampu_lacks_layanan": "diampu {nama} does not offer this layanan (status {status})",
        "pengampu_lacks_layanan": "pengampu {nama} does not offer this layanan (status {status}) "
                                  "and is not a national pengampu",
        "no_national": "no national pengampu for this layanan",
        "kabkota_no_path": "{nama} ({kode}): {n} hospital(s) with this layanan, none connected "
                           "to a national pengampu",
        "hops_0": "national pengampu", "hops_1": "direct", "hops_2": "through an intermediate",
        "hops_n": "{n} hops", "hops_na": "not connected",
    },
}

_PROVINCE_LABELS: dict[str, dict[str, str]] = {
    "id": {
        "layanan": "Layanan", "nama_pengampu_nasional": "Pengampu nasional",
        "nama_melalui": "Melalui", "nama": "Rumah sakit", "kode_rs": "Kode RS",
        "nama_kabkota": "Kab/Kota", "strata": "Strata", "jalur": "Jalur",
        "distance_km": "Jarak (km)", "sumber": "Sumber", "jenis": "Jenis",
    },
    "en": {
        "layanan": "Service", "nama_pengampu_nasional": "National pengampu",
        "nama_melalui": "Through", "nama": "Hospital", "kode_rs": "Hospital code",
        "nama_kabkota": "District", "strata": "Strata", "jalur": "Path",
        "distance_km": "Distance (km)", "sumber": "Source", "jenis": "Kind",
    },
}


# ----------------------------------------------------------------------------
# building
# ----------------------------------------------------------------------------
def build_network(ds: Dataset, *, proposed: pd.DataFrame | None = None) -> nx.MultiDiGraph:
    """
    The mentoring network of a dataset as a directed multigraph.

    Parameters
    ----------
    ds : Dataset
        Hospitals, their layanan/strata, the links and the region list.
    proposed : pandas.DataFrame, optional
        Proposed links (columns ``pengampu``, ``diampu``, ``layanan``, optional
        ``sumber``), e.g. from :func:`propose_network`. They are added with
        ``jenis="usulan"`` under the key ``"<layanan>:usulan"``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes ``kode_rs``, edges pengampu -> diampu keyed by layanan; the
        attributes are listed in the module documentation. Repeated links
        (same pengampu, diampu, layanan and jenis) become one edge whose
        ``sumber`` joins the sources and whose ``mulai`` is the earliest date.

    Raises
    ------
    NetworkError
        Listing every link whose pengampu or diampu is not a known hospital,
        every unknown layanan, and every duplicated ``kode_rs``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> net = pg.build_network(pg.load_dataset())
    >>> net.graph["crs"], net.is_directed(), net.is_multigraph()
    ('EPSG:4326', True, True)
    >>> all(d["jenis"] == "sumber" for _, _, d in net.edges(data=True))
    True
    """
    cfg = ds.config
    layanan_codes = list(cfg.layanan)
    problems: list[str] = []
    net = nx.MultiDiGraph(
        crs=CRS,
        layanan=";".join(layanan_codes),
        strata_order=";".join(cfg.strata_order),
        contoh=bool(ds.has_contoh),
        wilayah=_wilayah_json(ds.wilayah),
    )
    kabkota = _kabkota_lookup(ds.wilayah)
    ada = _strata_lookup(ds, "ada")
    target = _strata_lookup(ds, "target")
    rs = ds.rumah_sakit
    dup = rs["kode_rs"].value_counts()
    for kode, count in dup[dup > 1].sort_index().items():
        problems.append(f"rumah_sakit: kode_rs {kode!r} appears {count} times; "
                        f"each hospital needs its own code")
    optional = [c for c in _NODE_OPTIONAL if c in rs.columns]
    nasional_col = (rs["pengampu_nasional"] if "pengampu_nasional" in rs.columns
                    else pd.Series("", index=rs.index))
    for pos, (kode, row) in enumerate(zip(rs["kode_rs"], rs.itertuples(index=False), strict=True)):
        nasional, unknown = _parse_nasional(nasional_col.iloc[pos], cfg.normalise_layanan,
                                            layanan_codes)
        if unknown:
            problems.append(f"rumah_sakit, kode_rs {str(kode)!r}, column 'pengampu_nasional': "
                            f"{', '.join(map(repr, unknown))} is not a layanan; expected "
                            f"';'-separated codes from {layanan_codes}")
        attrs: dict[str, Any] = {
            "nama": str(row.nama),
            "kode_wilayah": _text(row.kode_wilayah),
            "kode_prov": _text(getattr(row, "kode_prov", None))
            or _text(row.kode_wilayah).split(".")[0],
            "lat": float(row.lat),
            "lon": float(row.lon),
            "nasional": bool(nasional),
            "pengampu_nasional": ";".join(nasional),
        }
        for col in optional:
            value = _plain(getattr(row, col), _NODE_OPTIONAL[col])
            if value is not None:
                attrs[col] = value
        kk = kabkota.get(attrs["kode_wilayah"])
        if kk is not None:
            attrs["nama_kabkota"] = kk[0]
            if kk[1] is not None:
                attrs["penduduk_kabkota"] = kk[1]
        for lay in layanan_codes:
            if (s := ada.get((str(kode), lay))) is not None:
                attrs[f"strata_{lay}"] = s
            if (s := target.get((str(kode), lay))) is not None:
                attrs[f"strata_target_{lay}"] = s
        net.add_node(str(kode), **attrs)

    links = _links_table(ds.jejaring, "jejaring", jenis_default="sumber", config=cfg,
                         problems=problems)
    if proposed is not None:
        prop = _links_table(proposed, "proposed", jenis_default="usulan", config=cfg,
                            problems=problems, force_jenis="usulan")
        links = pd.concat([links, prop], ignore_index=True)
    for col in ("pengampu", "diampu"):
        bad = links[~links[col].isin(net.nodes)]
        for tbl, i, u, v, lay in zip(bad["_table"], bad["_n"], bad["pengampu"], bad["diampu"],
                                     bad["layanan"], strict=True):
            code = u if col == "pengampu" else v
            problems.append(f"{tbl} link {i} ({u} -> {v}, {lay}), {col}: kode_rs {code!r} is "
                            f"not in rumah_sakit; add the hospital or correct the code")
    if problems:
        raise NetworkError(f"{len(problems)} problem(s) building the network:\n"
                           + "\n".join(problems))
    _add_edges(net, links)
    logger.info("Built network: %d hospitals, %d links (%d proposed)", net.number_of_nodes(),
                net.number_of_edges(), int((links["jenis"] == "usulan").sum()))
    return net


def _text(value: Any) -> str:
    """A cell as str, missing values as ''."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and np.isnan(value):
        return ""
    return str(value).strip()


def _plain(value: Any, kind: type) -> Any:
    """A cell as a plain Python value of ``kind``, or None when missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (float, np.floating)) and np.isnan(value):
        return None
    if kind is bool:
        return bool(value)
    if kind is int:
        return int(value)
    if kind is float:
        return float(value)
    text = str(value).strip()
    return text or None


def _parse_nasional(value: Any, normalise: Any, order: list[str]) -> tuple[list[str], list[str]]:
    parts = [p.strip() for p in _text(value).split(";") if p.strip()]
    known = {normalise(p) for p in parts} - {None}
    unknown = [p for p in parts if normalise(p) is None]
    return [lay for lay in order if lay in known], unknown


def _strata_lookup(ds: Dataset, status: str) -> dict[tuple[str, str], str]:
    if ds.layanan.empty:
        return {}
    wide = ds.strata_table(status=status)
    long = wide.stack()
    return {(str(k), str(lay)): str(s) for (k, lay), s in long.items() if s is not None}


def _kabkota_lookup(wilayah: pd.DataFrame) -> dict[str, tuple[str, int | None]]:
    if wilayah is None or wilayah.empty:
        return {}
    kk = wilayah[wilayah["tingkat"] == "kabkota"]
    pend = kk["penduduk"] if "penduduk" in kk.columns else pd.Series(pd.NA, index=kk.index)
    return {str(k): (str(n), _plain(p, int))
            for k, n, p in zip(kk["kode"], kk["nama"], pend, strict=True)}


def _wilayah_json(wilayah: pd.DataFrame) -> str:
    if wilayah is None or wilayah.empty:
        return "{}"
    out: dict[str, dict[str, Any]] = {}
    cols = wilayah.columns
    for row in wilayah.itertuples(index=False):
        out[str(row.kode)] = {
            "nama": _text(row.nama),
            "tingkat": _text(row.tingkat),
            "kode_induk": _text(row.kode_induk) if "kode_induk" in cols else "",
            "penduduk": _plain(row.penduduk, int) if "penduduk" in cols else None,
        }
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def _iso_date(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        ts = pd.Timestamp(value)
        return "" if pd.isna(ts) else ts.strftime("%Y-%m-%d")
    return _text(value)


def _links_table(df: pd.DataFrame, name: str, *, jenis_default: str, config: Config,
                 problems: list[str], force_jenis: str | None = None) -> pd.DataFrame:
    """Links as a clean table: pengampu, diampu, layanan, mulai, sumber, jenis, contoh."""
    missing = [c for c in ("pengampu", "diampu", "layanan") if c not in df.columns]
    if missing:
        raise NetworkError(f"{name} has no column(s) {missing}; expected pengampu, diampu, "
                           f"layanan (and optionally mulai, sumber, jenis)")
    n = len(df)
    out = pd.DataFrame({
        "pengampu": [_text(v) for v in df["pengampu"]],
        "diampu": [_text(v) for v in df["diampu"]],
        "layanan": [_text(v) for v in df["layanan"]],
        "mulai": [_iso_date(v) for v in df["mulai"]] if "mulai" in df.columns else [""] * n,
        "sumber": [_text(v) for v in df["sumber"]] if "sumber" in df.columns else [""] * n,
        "jenis": ([force_jenis] * n if force_jenis else
                  [_text(v) or jenis_default for v in df["jenis"]] if "jenis" in df.columns
                  else [jenis_default] * n),
        "contoh": ([bool(v) if _plain(v, bool) is not None else False for v in df["contoh"]]
                   if "contoh" in df.columns else [False] * n),
        "_table": name,
        "_n": np.arange(n) + 1,
    })
    for i, lay, jen in zip(out["_n"], out["layanan"], out["jenis"], strict=True):
        if lay not in config.layanan:
            problems.append(f"{name} link {i}, column 'layanan': value {lay!r} is not known; "
                            f"expected one of {sorted(config.layanan)}")
        if jen not in JENIS:
            problems.append(f"{name} link {i}, column 'jenis': value {jen!r} is not known; "
                            f"expected one of {list(JENIS)}")
    if name == "proposed":
        out.loc[out["sumber"] == "", "sumber"] = "usulan"
    return out


def _edge_key(layanan: str, jenis: str) -> str:
    return layanan + _USULAN_SUFFIX if jenis == "usulan" else layanan


def _add_edges(net: nx.MultiDiGraph, links: pd.DataFrame) -> None:
    if links.empty:
        return
    keys = ["pengampu", "diampu", "layanan", "jenis"]
    n_before = len(links)
    merged = links.groupby(keys, sort=False).agg(
        sumber=("sumber", lambda s: "; ".join(dict.fromkeys(x for x in s if x))),
        mulai=("mulai", lambda s: min((x for x in s if x), default="")),
        contoh=("contoh", "all"),
    ).reset_index()
    if len(merged) < n_before:
        logger.info("Merged %d repeated link rows into %d links", n_before, len(merged))
    lat = {n: d["lat"] for n, d in net.nodes(data=True)}
    lon = {n: d["lon"] for n, d in net.nodes(data=True)}
    prov = {n: d["kode_prov"] for n, d in net.nodes(data=True)}
    u = merged["pengampu"].to_numpy()
    v = merged["diampu"].to_numpy()
    dist = great_circle_km([lat[x] for x in u], [lon[x] for x in u],
                           [lat[x] for x in v], [lon[x] for x in v])
    for i, row in enumerate(merged.itertuples(index=False)):
        net.add_edge(
            row.pengampu, row.diampu, key=_edge_key(row.layanan, row.jenis),
            layanan=row.layanan, jenis=row.jenis, sumber=row.sumber, mulai=row.mulai,
            distance_km=float(dist[i]),
            cross_province=bool(prov[row.pengampu] != prov[row.diampu]),
            contoh=bool(row.contoh),
        )


# ----------------------------------------------------------------------------
# views and tables
# ----------------------------------------------------------------------------
def _graph_layanan(net: nx.MultiDiGraph) -> list[str]:
    return [x for x in str(net.graph.get("layanan", "")).split(";") if x]


def _strata_order(net: nx.MultiDiGraph) -> list[str]:
    order = [x for x in str(net.graph.get("strata_order", "")).split(";") if x]
    return order or list(DEFAULT_CONFIG.strata_order)


def _check_layanan(net: nx.MultiDiGraph, layanan: str) -> str:
    known = _graph_layanan(net)
    if layanan not in known:
        raise ValueError(f"layanan={layanan!r} is not known; expected one of {sorted(known)}")
    return layanan


def _check_status(status: str) -> str:
    if status not in STATUS:
        raise ValueError(f"status={status!r} is not known; expected one of {list(STATUS)}")
    return status


def _check_jenis(jenis: str | None) -> str | None:
    if jenis is not None and jenis not in JENIS:
        raise ValueError(f"jenis={jenis!r} is not known; expected one of {list(JENIS)} or None")
    return jenis


def _strata_attr(layanan: str, status: str) -> str:
    return f"strata_{layanan}" if status == "ada" else f"strata_target_{layanan}"


def _national_for(data: Mapping[str, Any], layanan: str) -> bool:
    return layanan in str(data.get("pengampu_nasional", "")).split(";")


def _lang(lang: str | None) -> str:
    lang = lang or settings.language
    if lang not in _TEXT:
        raise ValueError(f"lang={lang!r} is not known; expected one of {sorted(_TEXT)}")
    return lang


def network_view(net: nx.MultiDiGraph, layanan: str, *, status: str = "target",
                 jenis: str | None = None) -> nx.MultiDiGraph:
    """
    The network of one layanan.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        From :func:`build_network`.
    layanan : str
        Layanan code, e.g. ``"kanker"``.
    status : {'target', 'ada'}
        Which strata decide whether a hospital offers the layanan.
    jenis : {'sumber', 'usulan'}, optional
        Keep only sourced or only proposed links (default: both).

    Returns
    -------
    networkx.MultiDiGraph
        A new graph: the edges of that layanan, and as nodes every hospital
        that offers it, is its national pengampu, or is on one of its edges.
        Graph attributes are those of ``net`` plus ``view_layanan`` and
        ``view_status``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> net = pg.build_network(pg.load_dataset())
    >>> view = pg.network_view(net, "kanker")
    >>> {d["layanan"] for _, _, d in view.edges(data=True)} <= {"kanker"}
    True
    """
    _check_layanan(net, layanan)
    _check_status(status)
    _check_jenis(jenis)
    edges = [(u, v, k, d) for u, v, k, d in net.edges(keys=True, data=True)
             if d.get("layanan") == layanan and (jenis is None or d.get("jenis") == jenis)]
    on_edge = {u for u, *_ in edges} | {v for _, v, *_ in edges}
    attr = _strata_attr(layanan, status)
    view = nx.MultiDiGraph()
    view.graph.update(net.graph, view_layanan=layanan, view_status=status)
    view.add_nodes_from((n, d) for n, d in net.nodes(data=True)
                        if n in on_edge or attr in d or _national_for(d, layanan))
    view.add_edges_from(edges)
    return view


def _node_frame(view: nx.MultiDiGraph, layanan: str, status: str) -> pd.DataFrame:
    attr = _strata_attr(layanan, status)
    nodes = list(view.nodes)
    data = [view.nodes[n] for n in nodes]
    return pd.DataFrame(
        {
            "kode_rs": pd.array(nodes, dtype="string"),
            "nama": pd.array([d.get("nama", "") for d in data], dtype="string"),
            "kode_prov": pd.array([d.get("kode_prov", "") for d in data], dtype="string"),
            "kode_wilayah": pd.array([d.get("kode_wilayah", "") for d in data], dtype="string"),
            "nama_kabkota": pd.array([d.get("nama_kabkota") for d in data], dtype="string"),
            "penduduk_kabkota": pd.array([d.get("penduduk_kabkota") for d in data],
                                         dtype="Int64"),
            "strata": pd.array([d.get(attr) for d in data], dtype="string"),
            "nasional": np.array([_national_for(d, layanan) for d in data], dtype=bool),
        },
        index=pd.Index(nodes, name=None),
    )


def _edge_frame(view: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [(u, v, d.get("jenis", ""), d.get("sumber", ""), d.get("distance_km", np.nan),
             bool(d.get("cross_province", False))) for u, v, d in view.edges(data=True)]
    return pd.DataFrame(rows, columns=["pengampu", "diampu", "jenis", "sumber", "distance_km",
                                       "cross_province"]).astype(
        {"pengampu": "string", "diampu": "string", "jenis": "string", "sumber": "string",
         "distance_km": float, "cross_province": bool})


def _hops_from(successors: Mapping[str, Iterable[str]], sources: Iterable[str]) -> dict[str, int]:
    """Breadth-first hop counts from the nearest of ``sources`` (multi-source BFS)."""
    hops = {s: 0 for s in sources}
    queue = deque(hops)
    while queue:
        u = queue.popleft()
        for v in successors.get(u, ()):
            if v not in hops:
                hops[v] = hops[u] + 1
                queue.append(v)
    return hops


def _successors(links: pd.DataFrame) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for u, v in zip(links["pengampu"], links["diampu"], strict=True):
        out.setdefault(u, []).append(v)
    return out


def network_summary(net: nx.MultiDiGraph, *, layanan: str, status: str = "target",
                    jenis: str | None = None) -> pd.DataFrame:
    """
    One row per hospital of a layanan: its diampu, pengampu and chain to a national pengampu.

    Self-links (a data error reported by :func:`network_checks`) are left out
    of these counts; a link present both as sourced and proposed counts once.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        From :func:`build_network`.
    layanan : str
        Layanan code.
    status : {'target', 'ada'}
        Which strata to report and to use for "offers the layanan".
    jenis : {'sumber', 'usulan'}, optional
        Only sourced or only proposed links (default: both).

    Returns
    -------
    pandas.DataFrame
        Columns ``kode_rs, nama, kode_prov, kode_wilayah, strata, nasional``
        (national pengampu of this layanan), ``n_diampu, n_pengampu, pengampu``
        (``;``-joined codes), ``chain_to_national`` (links on the shortest chain
        from a national pengampu down to the hospital, 0 for the national
        pengampu itself, <NA> when there is none), ``n_kabkota_diampu``,
        ``kabkota_diampu`` (``;``-joined codes of the kab/kota of its diampu),
        ``penduduk_diampu`` (their population; <NA> when any is unknown),
        ``mean_distance_km, max_distance_km`` (of its links to its diampu),
        ``n_cross_province`` (of those links) and ``distance_to_pengampu_km``
        (to its nearest pengampu). Sorted by ``n_diampu`` (most first), then
        ``kode_rs``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> net = pg.build_network(pg.load_dataset())
    >>> summ = pg.network_summary(net, layanan="kanker")
    >>> summ["kode_rs"].is_unique, summ["n_diampu"].ge(0).all()
    (True, True)
    """
    _check_layanan(net, layanan)
    _check_status(status)
    view = network_view(net, layanan, status=status, jenis=jenis)
    nodes = _node_frame(view, layanan, status)
    links = _edge_frame(view)
    links = links[links["pengampu"] != links["diampu"]].drop_duplicates(["pengampu", "diampu"])

    out = nodes[["kode_rs", "nama", "kode_prov", "kode_wilayah", "strata", "nasional"]].copy()
    down = links.groupby("pengampu").agg(
        n_diampu=("diampu", "size"),
        mean_distance_km=("distance_km", "mean"),
        max_distance_km=("distance_km", "max"),
        n_cross_province=("cross_province", "sum"),
    )
    up = links.groupby("diampu").agg(
        n_pengampu=("pengampu", "size"),
        pengampu=("pengampu", lambda s: ";".join(sorted(s))),
        distance_to_pengampu_km=("distance_km", "min"),
    )
    served = links.merge(nodes[["kode_rs", "kode_wilayah", "penduduk_kabkota"]],
                         left_on="diampu", right_on="kode_rs", how="left", validate="m:1")
    served = served.drop_duplicates(["pengampu", "kode_wilayah"])
    area = served.groupby("pengampu").agg(
        n_kabkota_diampu=("kode_wilayah", "size"),
        kabkota_diampu=("kode_wilayah", lambda s: ";".join(sorted(s))),
        penduduk_diampu=("penduduk_kabkota", lambda s: s.sum() if s.notna().all() else pd.NA),
    )
    out = out.join(down, on="kode_rs").join(up, on="kode_rs").join(area, on="kode_rs")
    national = nodes.loc[nodes["nasional"], "kode_rs"].tolist()
    hops = _hops_from(_successors(links), national)
    out["chain_to_national"] = pd.array([hops.get(k) for k in out["kode_rs"]], dtype="Int64")
    out["n_diampu"] = out["n_diampu"].fillna(0).astype("int64")
    out["n_pengampu"] = out["n_pengampu"].fillna(0).astype("int64")
    out["n_cross_province"] = out["n_cross_province"].fillna(0).astype("int64")
    out["n_kabkota_diampu"] = out["n_kabkota_diampu"].fillna(0).astype("int64")
    out["pengampu"] = out["pengampu"].fillna("").astype("string")
    out["kabkota_diampu"] = out["kabkota_diampu"].fillna("").astype("string")
    out["penduduk_diampu"] = out["penduduk_diampu"].astype("Int64")
    cols = ["kode_rs", "nama", "kode_prov", "kode_wilayah", "strata", "nasional", "n_diampu",
            "n_pengampu", "pengampu", "chain_to_national", "n_kabkota_diampu", "kabkota_diampu",
            "penduduk_diampu", "mean_distance_km", "max_distance_km", "n_cross_province",
            "distance_to_pengampu_km"]
    out = out[cols].sort_values(["n_diampu", "kode_rs"], ascending=[False, True])
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------
# checks
# ----------------------------------------------------------------------------
def _layanan_in_use(net: nx.MultiDiGraph) -> list[str]:
    used: set[str] = {d.get("layanan", "") for _, _, d in net.edges(data=True)}
    for _, d in net.nodes(data=True):
        used.update(str(d.get("pengampu_nasional", "")).split(";"))
        used.update(k.removeprefix("strata_target_").removeprefix("strata_")
                    for k in d if k.startswith("strata_"))
    return [lay for lay in _graph_layanan(net) if lay in used]


def network_checks(net: nx.MultiDiGraph, *, layanan: str | None = None, status: str = "target",
                   jenis: str | None = None, lang: str | None = None) -> pd.DataFrame:
    """
    Findings on the consistency of the network, one row per finding.

    Checks (column ``check``), per layanan:

    - ``cycle`` (error): hospitals mentoring each other in a circle; one row
      per strongly connected group, with one cycle spelled out in ``detail``.
    - ``self_link`` (error): a hospital listed as its own pengampu.
    - ``strata_inversion`` (warning): a diampu whose strata is not below its pengampu's.
    - ``diampu_lacks_layanan`` / ``pengampu_lacks_layanan`` (warning): a link
      for a layanan that the diampu, or a pengampu that is not national, does
      not offer.
    - ``orphan`` (warning): a hospital that offers the layanan, is not its
      national pengampu, and has no pengampu.
    - ``no_national`` (warning): no hospital is national pengampu of the layanan.
    - ``kabkota_no_path`` (warning): a kab/kota (from the region list in the
      graph) that has hospitals in the layanan's network, none of which can be
      reached from a national pengampu.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        From :func:`build_network`.
    layanan : str, optional
        Check one layanan (default: every layanan that has hospitals or links).
    status : {'target', 'ada'}
        Which strata to compare.
    jenis : {'sumber', 'usulan'}, optional
        Only sourced or only proposed links (default: both).
    lang : {'id', 'en'}, optional
        Language of ``detail`` (default: ``settings.language``).

    Returns
    -------
    pandas.DataFrame
        Columns ``check, layanan, kode_rs, pengampu, diampu, kode_wilayah,
        detail, severity``; errors first.

    Examples
    --------
    >>> import pengampuan as pg
    >>> checks = pg.network_checks(pg.build_network(pg.load_dataset()))
    >>> list(checks.columns)
    ['check', 'layanan', 'kode_rs', 'pengampu', 'diampu', 'kode_wilayah', 'detail', 'severity']
    """
    _check_status(status)
    _check_jenis(jenis)
    text = _TEXT[_lang(lang)]
    order = {s: i for i, s in enumerate(_strata_order(net))}
    layanans = [_check_layanan(net, layanan)] if layanan else _layanan_in_use(net)
    wilayah = json.loads(str(net.graph.get("wilayah", "{}")))
    found: list[dict[str, Any]] = []

    def add(check: str, lay: str, severity: str, detail: str, *, kode_rs: str | None = None,
            pengampu: str | None = None, diampu: str | None = None,
            kode_wilayah: str | None = None) -> None:
        found.append({"check": check, "layanan": lay, "kode_rs": kode_rs, "pengampu": pengampu,
                      "diampu": diampu, "kode_wilayah": kode_wilayah, "detail": detail,
                      "severity": severity})

    for lay in layanans:
        view = network_view(net, lay, status=status, jenis=jenis)
        nodes = _node_frame(view, lay, status)
        nama = dict(zip(nodes["kode_rs"], nodes["nama"], strict=True))
        strata = dict(zip(nodes["kode_rs"], nodes["strata"], strict=True))
        links = _edge_frame(view).drop_duplicates(["pengampu", "diampu"])
        self_mask = links["pengampu"] == links["diampu"]
        for u in links.loc[self_mask, "pengampu"]:
            add("self_link", lay, "error", text["self_link"].format(nama=nama[u]),
                kode_rs=u, pengampu=u, diampu=u)
        links = links[~self_mask]
        simple = nx.DiGraph(list(zip(links["pengampu"], links["diampu"], strict=True)))
        for comp in nx.strongly_connected_components(simple):
            if len(comp) < 2:
                continue
            cycle = nx.find_cycle(simple.subgraph(comp))
            path = " → ".join([nama[cycle[0][0]], *(nama[v] for _, v in cycle)])
            add("cycle", lay, "error", text["cycle"].format(path=path), kode_rs=min(comp))
        national = nodes.loc[nodes["nasional"], "kode_rs"].tolist()
        for u, v in zip(links["pengampu"], links["diampu"], strict=True):
            su, sv = strata[u], strata[v]
            if pd.isna(sv):
                add("diampu_lacks_layanan", lay, "warning",
                    text["diampu_lacks_layanan"].format(nama=nama[v], status=status),
                    kode_rs=v, pengampu=u, diampu=v)
            if pd.isna(su) and u not in national:
                add("pengampu_lacks_layanan", lay, "warning",
                    text["pengampu_lacks_layanan"].format(nama=nama[u], status=status),
                    kode_rs=u, pengampu=u, diampu=v)
            if not pd.isna(su) and not pd.isna(sv) and order[sv] >= order[su]:
                add("strata_inversion", lay, "warning",
                    text["strata_inversion"].format(diampu=nama[v], s_diampu=sv,
                                                    pengampu=nama[u], s_pengampu=su),
                    kode_rs=v, pengampu=u, diampu=v)
        has_pengampu = set(links["diampu"])
        orphans = nodes[nodes["strata"].notna() & ~nodes["nasional"]
                        & ~nodes["kode_rs"].isin(has_pengampu)]
        for k, nm, s, w in zip(orphans["kode_rs"], orphans["nama"], orphans["strata"],
                               orphans["kode_wilayah"], strict=True):
            add("orphan", lay, "warning", text["orphan"].format(nama=nm, strata=s),
                kode_rs=k, kode_wilayah=w)
        if not national:
            add("no_national", lay, "warning", text["no_national"])
        reached = set(_hops_from(_successors(links), national))
        per_kk = nodes.assign(reached=nodes["kode_rs"].isin(reached)).groupby(
            "kode_wilayah")["reached"].agg(["any", "size"])
        for kode, info in wilayah.items():
            if info.get("tingkat") != "kabkota" or kode not in per_kk.index:
                continue
            if not per_kk.at[kode, "any"]:
                add("kabkota_no_path", lay, "warning",
                    text["kabkota_no_path"].format(nama=info.get("nama", kode), kode=kode,
                                                   n=int(per_kk.at[kode, "size"])),
                    kode_wilayah=kode)
    if not wilayah:
        logger.info("The network carries no region list; the kabkota_no_path check was skipped")
    cols = ["check", "layanan", "kode_rs", "pengampu", "diampu", "kode_wilayah", "detail",
            "severity"]
    out = pd.DataFrame(found, columns=cols).astype("string")
    if out.empty:
        return out
    lay_rank = {lay: i for i, lay in enumerate(_graph_layanan(net))}
    out = out.sort_values(
        ["severity", "check", "layanan", "kode_rs", "kode_wilayah", "pengampu"],
        key=lambda s: (s.map(_SEVERITY_ORDER) if s.name == "severity"
                       else s.map(lay_rank) if s.name == "layanan" else s),
        na_position="last",
    )
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------
# province view
# ----------------------------------------------------------------------------
def province_network(net: nx.MultiDiGraph, kode_prov: str, *, layanan: str | None = None,
                     status: str = "target", jenis: str | None = None, lang: str | None = None,
                     labels: bool = True) -> pd.DataFrame:
    """
    How the national pengampu reach the hospitals of one province, per layanan.

    For every hospital of the province in a layanan's network, one row per
    national pengampu that reaches it directly or in two links (through an
    intermediate hospital, usually the provincial referral hospital); a
    hospital reached by none gets one row saying how far it is from a national
    pengampu (more links) or that it is not connected.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        From :func:`build_network`.
    kode_prov : str
        Kemendagri province code, e.g. ``"36"`` (Banten) or ``"32"`` (Jawa Barat).
    layanan : str, optional
        One layanan (default: every layanan with hospitals or links).
    status : {'target', 'ada'}
        Which strata to report and to use for "offers the layanan".
    jenis : {'sumber', 'usulan'}, optional
        Only sourced or only proposed links (default: both).
    lang : {'id', 'en'}, optional
        Language of labels (default: ``settings.language``, Bahasa Indonesia).
    labels : bool
        True (default): a report table with labelled columns (``Layanan``,
        ``Pengampu nasional``, ``Melalui``, ``Rumah sakit``, ``Kode RS``,
        ``Kab/Kota``, ``Strata``, ``Jalur``, ``Jarak (km)``, ``Sumber``,
        ``Jenis``). False: code columns ``layanan, pengampu_nasional,
        nama_pengampu_nasional, melalui, nama_melalui, kode_rs, nama,
        kode_wilayah, nama_kabkota, strata, hops, distance_km, sumber, jenis``
        (``hops``: links from the national pengampu, <NA> if not connected).

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> import pengampuan as pg
    >>> net = pg.build_network(pg.load_dataset())
    >>> tab = pg.province_network(net, "36", layanan="kanker")
    >>> list(tab.columns)[:3]
    ['Layanan', 'Pengampu nasional', 'Melalui']
    """
    _check_status(status)
    _check_jenis(jenis)
    lg = _lang(lang)
    kode_prov = str(kode_prov).strip()
    provinces = {d.get("kode_prov") for _, d in net.nodes(data=True)}
    wilayah = json.loads(str(net.graph.get("wilayah", "{}")))
    provinces |= {k for k, v in wilayah.items() if v.get("tingkat") == "provinsi"}
    if kode_prov not in provinces:
        raise ValueError(f"kode_prov={kode_prov!r} is not a province of this network; expected "
                         f"one of {sorted(p for p in provinces if p)}")
    layanans = [_check_layanan(net, layanan)] if layanan else _layanan_in_use(net)
    rows: list[dict[str, Any]] = []
    for lay in layanans:
        view = network_view(net, lay, status=status, jenis=jenis)
        nodes = _node_frame(view, lay, status)
        links = _edge_frame(view)
        links = links[links["pengampu"] != links["diampu"]]
        national = set(nodes.loc[nodes["nasional"], "kode_rs"])
        local = nodes[nodes["kode_prov"] == kode_prov]
        hops = _hops_from(_successors(links), national)
        by_pair: dict[tuple[str, str], pd.DataFrame] = {
            k: g for k, g in links.groupby(["pengampu", "diampu"])
        }
        succ = _successors(links.drop_duplicates(["pengampu", "diampu"]))
        pred: dict[str, set[str]] = {}
        for u, vs in succ.items():
            for v in vs:
                pred.setdefault(v, set()).add(u)
        base = {"layanan": lay}
        for h in local.itertuples(index=False):
            info = {**base, "kode_rs": h.kode_rs, "nama": h.nama,
                    "kode_wilayah": h.kode_wilayah, "nama_kabkota": h.nama_kabkota,
                    "strata": h.strata}
            if h.nasional:
                rows.append({**info, "pengampu_nasional": h.kode_rs, "melalui": None,
                             "hops": 0, "distance_km": 0.0, "sumber": "", "jenis": ""})
                continue
            paths: list[tuple[str, str | None, list[pd.DataFrame]]] = []
            for p in sorted(pred.get(h.kode_rs, set())):
                if p in national:
                    paths.append((p, None, [by_pair[p, h.kode_rs]]))
                    continue
                for n in sorted(pred.get(p, set()) & national):
                    if n != h.kode_rs:
                        paths.append((n, p, [by_pair[n, p], by_pair[p, h.kode_rs]]))
            for n, via, legs in paths:
                rows.append({**info, "pengampu_nasional": n, "melalui": via,
                             "hops": len(legs),
                             "distance_km": float(sum(leg["distance_km"].iloc[0] for leg in legs)),
                             "sumber": " | ".join("; ".join(dict.fromkeys(
                                 s for s in leg["sumber"] if s)) for leg in legs),
                             "jenis": "usulan" if any((leg["jenis"] == "usulan").all()
                                                      for leg in legs) else "sumber"})
            if not paths:
                rows.append({**info, "pengampu_nasional": None, "melalui": None,
                             "hops": hops.get(h.kode_rs), "distance_km": np.nan,
                             "sumber": "", "jenis": ""})
    nama = {n: d.get("nama", n) for n, d in net.nodes(data=True)}
    cols = ["layanan", "pengampu_nasional", "nama_pengampu_nasional", "melalui", "nama_melalui",
            "kode_rs", "nama", "kode_wilayah", "nama_kabkota", "strata", "hops", "distance_km",
            "sumber", "jenis"]
    out = pd.DataFrame(rows, columns=[c for c in cols if not c.startswith("nama_")
                                      or c == "nama_kabkota"])
    out["nama_pengampu_nasional"] = out["pengampu_nasional"].map(nama)
    out["nama_melalui"] = out["melalui"].map(nama)
    out["hops"] = pd.array(out["hops"].tolist(), dtype="Int64")
    out = out[cols].astype({c: "string" for c in cols if c not in ("hops", "distance_km")})
    out["distance_km"] = out["distance_km"].astype(float)
    lay_rank = {lay: i for i, lay in enumerate(_graph_layanan(net))}
    out = out.sort_values(
        ["layanan", "hops", "nama_pengampu_nasional", "nama", "nama_melalui"],
        key=lambda s: s.map(lay_rank) if s.name == "layanan" else s, na_position="last",
    ).reset_index(drop=True)
    if not labels:
        return out
    text = _TEXT[lg]

    def jalur(h: Any, via: Any) -> str:
        if pd.isna(h):
            return text["hops_na"]
        if int(h) == 2 and not pd.isna(via):
            return text["hops_2"]
        return text.get(f"hops_{int(h)}", text["hops_n"].format(n=int(h)))

    cfg = DEFAULT_CONFIG
    table = pd.DataFrame({
        "layanan": out["layanan"].map(lambda x: cfg.layanan_label(x, lg)),
        "nama_pengampu_nasional": out["nama_pengampu_nasional"],
        "nama_melalui": out["nama_melalui"],
        "nama": out["nama"],
        "kode_rs": out["kode_rs"],
        "nama_kabkota": out["nama_kabkota"],
        "strata": out["strata"].map(lambda s: s if pd.isna(s) else cfg.strata_label(s, lg)),
        "jalur": [jalur(h, v) for h, v in zip(out["hops"], out["melalui"], strict=True)],
        "distance_km": out["distance_km"].round(1),
        "sumber": out["sumber"],
        "jenis": out["jenis"],
    })
    return table.rename(columns=_PROVINCE_LABELS[lg])


# ----------------------------------------------------------------------------
# proposals
# ----------------------------------------------------------------------------
def propose_network(ds: Dataset, *, layanan: str, rule: str = "nearest_higher_strata",
                    max_load: int | None = None, status: str = "target",
                    skip_linked: bool = True) -> pd.DataFrame:
    """
    Propose a pengampu for hospitals of one layanan: the nearest of the next strata up.

    Rule ``"nearest_higher_strata"``: each hospital offering the layanan
    (strata for ``status``) and not its national pengampu gets the nearest
    (great-circle) hospital of the next strata up (madya -> utama, utama ->
    paripurna); when no hospital of the next strata exists, the nearest of any
    higher strata. Links never point down or across the strata order.

    With ``max_load``, assignment is greedy: all (hospital, candidate) pairs
    in order of distance, skipping a pengampu that is full and going on to
    the hospital's next nearest candidate. Hospitals left without a pengampu
    are reported in a :class:`PengampuanWarning` and listed in
    ``result.attrs["tanpa_pengampu"]``.

    Parameters
    ----------
    ds : Dataset
        Hospitals with coordinates, layanan/strata and the existing links.
    layanan : str
        Layanan code.
    rule : {'nearest_higher_strata'}
        The assignment rule.
    max_load : int, optional
        Maximum number of diampu per pengampu for this layanan, counting the
        pengampu's existing sourced links.
    status : {'target', 'ada'}
        Which strata to use.
    skip_linked : bool
        True (default): hospitals that already have a sourced pengampu of a
        higher strata (or a national pengampu) for this layanan get no
        proposal. False: every hospital gets one, except where the proposal
        would repeat an existing sourced link (the existing link serves it).

    Returns
    -------
    pandas.DataFrame
        Columns ``pengampu, diampu, layanan, distance_km, jenis`` (``"usulan"``),
        ``sumber`` (the rule, in words), ``strata_pengampu, strata_diampu``;
        ready for ``build_network(ds, proposed=...)``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> prop = pg.propose_network(ds, layanan="kanker")
    >>> order = ds.config.strata_order
    >>> bool((prop["strata_pengampu"].map(order.index) > prop["strata_diampu"].map(order.index)).all())
    True
    """
    cfg = ds.config
    cfg.check_layanan(layanan)
    _check_status(status)
    if rule not in RULES:
        raise ValueError(f"rule={rule!r} is not known; expected one of {list(RULES)}")
    if max_load is not None and (int(max_load) != max_load or max_load < 1):
        raise ValueError(f"max_load={max_load!r} must be a whole number >= 1 or None")
    order = cfg.strata_order
    sumber = f"usulan: RS strata lebih tinggi terdekat ({rule})"
    if max_load is not None:
        sumber += f", beban maksimum {int(max_load)} diampu per pengampu"
    cols = ["pengampu", "diampu", "layanan", "distance_km", "jenis", "sumber",
            "strata_pengampu", "strata_diampu"]

    rs = ds.rumah_sakit.drop_duplicates("kode_rs").set_index("kode_rs")
    ranks = ds.strata_rank_table(status=status) if not ds.layanan.empty else pd.DataFrame()
    rank = (ranks[layanan].dropna().astype(int) if layanan in ranks
            else pd.Series(dtype="int64"))
    unknown = rank.index.difference(rs.index)
    if len(unknown):
        raise NetworkError(f"layanan rows name {len(unknown)} kode_rs not in rumah_sakit: "
                           f"{', '.join(map(repr, unknown[:10]))}")
    nasional = rs.get("pengampu_nasional", pd.Series("", index=rs.index)).map(
        lambda v: layanan in {cfg.normalise_layanan(p) for p in _text(v).split(";") if p.strip()})
    jej = ds.jejaring
    jenis = jej["jenis"] if "jenis" in jej.columns else pd.Series("sumber", index=jej.index)
    sourced = jej[(jej["layanan"] == layanan) & (jenis.fillna("sumber") != "usulan")]
    existing = set(zip(sourced["pengampu"].astype(str), sourced["diampu"].astype(str),
                       strict=True))
    load0 = pd.Series([p for p, _ in existing], dtype="string").value_counts()

    need = rank[~rank.index.isin(rs.index[nasional])]
    need = need[need < len(order) - 1]  # the top strata needs no pengampu
    if skip_linked:
        served = {d for p, d in existing
                  if (p in rank.index and rank[p] > rank.get(d, -1))
                  or (p in nasional.index and bool(nasional[p]))}
        need = need[~need.index.isin(list(served))]
    pairs: list[pd.DataFrame] = []
    no_candidate: list[str] = []
    for r, group in need.groupby(need):
        pool = rank[rank == r + 1]
        if pool.empty:
            pool = rank[rank > r]
        if pool.empty:
            no_candidate.extend(group.index)
            continue
        pool_rs = rs.loc[pool.index]
        index = NearestIndex(lon=pool_rs["lon"].to_numpy(float), lat=pool_rs["lat"].to_numpy(float))
        k = len(pool) if max_load is not None else 1
        here = rs.loc[group.index]
        dist, pos = index.query(lon=here["lon"].to_numpy(float), lat=here["lat"].to_numpy(float),
                                k=k)
        dist = dist.reshape(len(group), -1)
        pos = pos.reshape(len(group), -1)
        pairs.append(pd.DataFrame({
            "diampu": np.repeat(group.index.to_numpy(), dist.shape[1]),
            "pengampu": pool.index.to_numpy()[pos.ravel()],
            "distance_km": dist.ravel(),
        }))
    if pairs:
        cand = pd.concat(pairs, ignore_index=True).sort_values(
            ["distance_km", "diampu", "pengampu"], kind="stable")
    else:
        cand = pd.DataFrame(columns=["diampu", "pengampu", "distance_km"])
    chosen: dict[str, tuple[str, float] | None] = {}
    capacity: dict[str, float] = {}
    for d, p, dist_km in zip(cand["diampu"], cand["pengampu"], cand["distance_km"], strict=True):
        if d in chosen:
            continue
        if (p, d) in existing:
            chosen[d] = None  # the existing sourced link already serves it
            continue
        if max_load is not None:
            left = capacity.setdefault(p, max_load - int(load0.get(p, 0)))
            if left <= 0:
                continue
            capacity[p] = left - 1
        chosen[d] = (p, float(dist_km))
    out = pd.DataFrame(
        [(p, d, layanan, dist_km, "usulan", sumber, order[int(rank[p])], order[int(rank[d])])
         for d, pick in chosen.items() if pick is not None for p, dist_km in [pick]],
        columns=cols,
    )
    out = out.sort_values(["pengampu", "distance_km", "diampu"]).reset_index(drop=True)
    out = out.astype({c: "string" for c in cols if c != "distance_km"})
    out["distance_km"] = out["distance_km"].astype(float)
    left_out = sorted(set(no_candidate) | (set(need.index) - set(chosen)))
    out.attrs["tanpa_pengampu"] = left_out
    if left_out:
        names = [str(rs.at[k, "nama"]) for k in left_out[:5]]
        why = ("no hospital of a higher strata exists" if set(left_out) <= set(no_candidate)
               else f"every candidate pengampu is full (max_load={max_load})"
               if not no_candidate else "no higher strata, or every candidate is full")
        warnings.warn(f"{len(left_out)} hospital(s) with {layanan} got no proposed pengampu "
                      f"({why}), e.g. {', '.join(names)}; see result.attrs['tanpa_pengampu']",
                      PengampuanWarning, stacklevel=2)
    logger.info("Proposed %d %s links (%s)", len(out), layanan, rule)
    return out


# ----------------------------------------------------------------------------
# exports
# ----------------------------------------------------------------------------
_NONFINITE = {"nan": "NaN", "inf": "INF", "-inf": "-INF"}


class _GraphMLWriter(GraphMLWriter):  # type: ignore[misc]
    """networkx's writer, with non-finite floats spelled as XML Schema doubles (NaN, INF)."""

    def add_data(self, name: str, element_type: type, value: str, scope: str = "all",
                 default: Any = None) -> Any:
        element = super().add_data(name, element_type, value, scope, default)
        if element_type is float and value in _NONFINITE:
            element.text = _NONFINITE[value]
        return element


_GRAPHML_TYPES = (bool, int, float, str)


def _graphml_value(value: Any, where: str, problems: list[str]) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, _GRAPHML_TYPES):
        return value
    problems.append(f"{where}: {type(value).__name__} value {value!r} cannot be stored in "
                    f"GraphML; use bool, int, float or str")
    return None


def write_graphml(net: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """
    Write the network as GraphML (readable by networkx, Gephi, yEd, Cytoscape).

    Types are kept: ``bool``, ``int``, ``float`` and ``str`` attributes read
    back as the same type. GraphML has no null value, so an attribute whose
    value is ``None`` is **not written** and reads back as absent (the
    convention of :func:`build_network` for a missing value); a ``NaN``
    float is written as ``NaN`` and reads back as ``nan``. The file is
    written atomically.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        From :func:`build_network` (or a view of it).
    path : str or path-like
        Output file.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    TypeError
        Listing every attribute whose value is not bool, int, float, str or None.

    Examples
    --------
    >>> import tempfile, pengampuan as pg
    >>> net = pg.build_network(pg.load_dataset())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     back = pg.read_graphml(pg.write_graphml(net, f"{tmp}/jejaring.graphml"))
    >>> sorted(back.edges(keys=True)) == sorted(net.edges(keys=True))
    True
    """
    problems: list[str] = []
    out = nx.MultiDiGraph() if net.is_directed() else nx.MultiGraph()

    def clean(data: Mapping[str, Any], where: str) -> dict[str, Any]:
        kept = {str(k): _graphml_value(v, f"{where}, attribute {k!r}", problems)
                for k, v in data.items()}
        return {k: v for k, v in kept.items() if v is not None}

    out.graph.update(clean({k: v for k, v in net.graph.items() if k != "id"}, "graph"))
    for n, d in net.nodes(data=True):
        out.add_node(n, **clean(d, f"node {n!r}"))
    for u, v, k, d in net.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **clean(d, f"edge {u!r} -> {v!r} [{k!r}]"))
    if problems:
        raise TypeError("cannot write GraphML:\n" + "\n".join(problems))
    target = Path(path)
    part = target.with_name(target.name + ".part")
    writer = _GraphMLWriter(graph=out, encoding="utf-8", prettyprint=True)
    writer.dump(str(part))
    part.replace(target)
    logger.info("Wrote %s (%d nodes, %d edges)", target, out.number_of_nodes(),
                out.number_of_edges())
    return target


def read_graphml(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """
    Read a network written by :func:`write_graphml`.

    Node ids and edge keys are read as strings, and the graph is always a
    multigraph, so the result equals the graph that was written (absent
    attributes stay absent; see :func:`write_graphml`).

    Parameters
    ----------
    path : str or path-like
        A GraphML file.

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    NetworkError
        If the file holds an undirected graph.

    Examples
    --------
    >>> import tempfile, pengampuan as pg
    >>> net = pg.build_network(pg.load_dataset())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     back = pg.read_graphml(pg.write_graphml(net, f"{tmp}/jejaring.graphml"))
    >>> back.graph["crs"], back.number_of_nodes() == net.number_of_nodes()
    ('EPSG:4326', True)
    """
    net = nx.read_graphml(str(path), node_type=str, edge_key_type=str, force_multigraph=True)
    if not net.is_directed():
        raise NetworkError(f"{path}: the GraphML graph is undirected; a pengampuan network "
                           f"is directed (pengampu -> diampu)")
    for key in ("node_default", "edge_default"):
        if net.graph.get(key) == {}:
            del net.graph[key]
    return net


def links_geodataframe(net: nx.MultiDiGraph, *, layanan: str | None = None,
                       max_segment_km: float = 50.0) -> gpd.GeoDataFrame:
    """
    The links as lines along the great circle, for maps and GIS.

    Parameters
    ----------
    net : networkx.MultiDiGraph
        From :func:`build_network`.
    layanan : str, optional
        Only the links of one layanan (default: all).
    max_segment_km : float
        Longest straight segment of a line; long links get intermediate
        points on the great circle (:func:`pengampuan.geo.densify_great_circle`)
        so they draw as arcs. A self-link (a data error) is a line of length zero.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``pengampu, diampu, layanan, nama_pengampu, nama_diampu,
        distance_km, cross_province, jenis, sumber, mulai, contoh, geometry``
        (LineString, EPSG:4326), one row per edge.

    Examples
    --------
    >>> import pengampuan as pg
    >>> gdf = pg.links_geodataframe(pg.build_network(pg.load_dataset()))
    >>> gdf.crs.to_epsg(), set(gdf.geom_type) <= {"LineString"}
    (4326, True)
    """
    if layanan is not None:
        _check_layanan(net, layanan)
    if not max_segment_km > 0:
        raise ValueError(f"max_segment_km={max_segment_km!r} must be > 0")
    cols = ["pengampu", "diampu", "layanan", "nama_pengampu", "nama_diampu", "distance_km",
            "cross_province", "jenis", "sumber", "mulai", "contoh"]
    rows: list[list[Any]] = []
    lines: list[Any] = []
    for u, v, d in net.edges(data=True):
        if layanan is not None and d.get("layanan") != layanan:
            continue
        nu, nv = net.nodes[u], net.nodes[v]
        rows.append([u, v, d.get("layanan"), nu.get("nama"), nv.get("nama"),
                     d.get("distance_km"), d.get("cross_province"), d.get("jenis"),
                     d.get("sumber"), d.get("mulai"), d.get("contoh", False)])
        lines.append(shapely.linestrings(densify_great_circle(
            nu["lon"], nu["lat"], nv["lon"], nv["lat"], max_segment_km=max_segment_km)))
    df = pd.DataFrame(rows, columns=cols).astype(
        {"pengampu": "string", "diampu": "string", "layanan": "string",
         "nama_pengampu": "string", "nama_diampu": "string", "distance_km": float,
         "cross_province": bool, "jenis": "string", "sumber": "string", "mulai": "string",
         "contoh": bool})
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(lines, crs=CRS), crs=CRS)
