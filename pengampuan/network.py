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
  ``bukti`` (evidence grade: ``regulasi`` | ``dokumen`` | ``berita`` |
  ``inferensi``; ``""`` when the file has none; proposed links are
  ``inferensi``), ``sumber``, ``mulai`` (ISO date or ``""``), ``distance_km``
  (on the WGS84 ellipsoid, :func:`pengampuan.geo.geodesic_km`),
  ``cross_province`` (bool), ``contoh`` (bool), ``jarak_perkiraan`` (bool: an end
  of the link has an approximate point, ``lokasi_presisi == "kabkota"``, so its
  ``distance_km`` is approximate too); proposed links also carry
  ``alasan`` (why the pengampu is not the nearest higher-strata hospital, or
  ``""``).
- Graph attributes: ``crs`` (``"EPSG:4326"``), ``layanan`` and
  ``strata_order`` (``;``-separated, from the dataset's :class:`Config`,
  strata lowest first), ``contoh`` (bool) and ``wilayah`` (the region list as
  a JSON object ``{kode: {"nama", "tingkat", "kode_induk", "penduduk"}}``).

Analyses take ``status="target"`` by default (strata once targets are met,
the ``strata_target_<layanan>`` attributes) or ``status="ada"`` (current).

Evidence: the views and tables take ``bukti=`` (an iterable of grades; None =
:data:`~pengampuan.config.DEFAULT_BUKTI`, all but ``inferensi``). It selects
the sourced links (``jenis="sumber"``) by grade; links without a grade always
count, and proposed links are selected by ``jenis`` only. The node strata come
from the layanan rows of the grades given to :func:`build_network`.
Non-clinical topics (``manajemen``, ``sdm``) are links without strata: the
strata checks skip them.

A **national pengampu** is one of the national hospitals (``nasional``: a
non-empty ``pengampu_nasional``), whichever layanan it is designated for: a
chain ends there, it needs no pengampu itself, and a national hospital that
mentors for another layanan (RSCM for kanker, next to RS Kanker Dharmais)
heads that layanan's chains too.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import shapely
from networkx.readwrite.graphml import GraphMLWriter

from ._messages import current_lang
from ._messages import msg as _say
from .config import (
    BUKTI,
    DEFAULT_BUKTI,
    DEFAULT_CONFIG,
    NON_KLINIS,
    STATUS,
    Config,
    is_approx_lokasi,
)
from .dataset import Dataset
from .errors import NetworkError, PengampuanWarning
from .geo import NearestIndex, densify_great_circle, geodesic_km

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
        "no_national": "tidak ada pengampu nasional dalam jejaring layanan ini",
        "kabkota_no_path": "{nama} ({kode}): {n} RS dalam jejaring layanan ini, tidak satu pun "
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
        "no_national": "no national pengampu in the network of this layanan",
        "kabkota_no_path": "{nama} ({kode}): {n} hospital(s) in this layanan's network, none "
                           "connected to a national pengampu",
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
def build_network(ds: Dataset, *, proposed: pd.DataFrame | None = None,
                  bukti: Iterable[str] | None = None) -> nx.MultiDiGraph:
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
    bukti : iterable of str, optional
        Evidence grades of the layanan rows that give the node strata (None:
        ``DEFAULT_BUKTI``). Every link is added, with its grade in ``bukti``;
        the views select links by grade.

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
    grades = cfg.check_bukti(bukti)
    layanan_codes = list(cfg.layanan)
    problems: list[str] = []
    net = nx.MultiDiGraph(
        crs=CRS,
        layanan=";".join(layanan_codes),
        strata_order=";".join(cfg.strata_order),
        contoh=bool(ds.has_contoh),
        wilayah=_wilayah_json(ds.wilayah),
        bukti_strata=";".join(grades or ()),
    )
    kabkota = _kabkota_lookup(ds.wilayah)
    strata = {"strata_": _strata_lookup(ds, "ada", grades),
              "strata_target_": _strata_lookup(ds, "target", grades)}
    rs = ds.rumah_sakit
    dup = rs["kode_rs"].value_counts()
    for kode, count in dup[dup > 1].sort_index().items():
        problems.append(f"rumah_sakit: kode_rs {kode!r} appears {count} times; "
                        f"each hospital needs its own code")
    codes = [_text(v) for v in _values(rs["kode_rs"])]
    wil = [_text(v) for v in _values(rs["kode_wilayah"])]
    prov = ([_text(v) for v in _values(rs["kode_prov"])] if "kode_prov" in rs.columns
            else [""] * len(rs))
    nasional_raw = (_values(rs["pengampu_nasional"]) if "pengampu_nasional" in rs.columns
                    else [None] * len(rs))
    optional = {c: [_plain(v, kind) for v in _values(rs[c])]
                for c, kind in _NODE_OPTIONAL.items() if c in rs.columns}
    for i, (kode, nama, lat, lon) in enumerate(zip(codes, _values(rs["nama"]),
                                                   rs["lat"].tolist(), rs["lon"].tolist(),
                                                   strict=True)):
        nasional, unknown = _parse_nasional(nasional_raw[i], cfg.normalise_layanan,
                                            layanan_codes)
        if unknown:
            problems.append(f"rumah_sakit, kode_rs {kode!r}, column 'pengampu_nasional': "
                            f"{', '.join(map(repr, unknown))} is not a layanan; expected "
                            f"';'-separated codes from {layanan_codes}")
        attrs: dict[str, Any] = {
            "nama": _text(nama),
            "kode_wilayah": wil[i],
            "kode_prov": prov[i] or wil[i].split(".")[0],
            "lat": float(lat),
            "lon": float(lon),
            "nasional": bool(nasional),
            "pengampu_nasional": ";".join(nasional),
        }
        attrs.update((c, vals[i]) for c, vals in optional.items() if vals[i] is not None)
        kk = kabkota.get(wil[i])
        if kk is not None:
            attrs["nama_kabkota"] = kk[0]
            if kk[1] is not None:
                attrs["penduduk_kabkota"] = kk[1]
        for lay in layanan_codes:
            for prefix, table in strata.items():
                if (name := table.get((kode, lay))) is not None:
                    attrs[prefix + lay] = name
        net.add_node(kode, **attrs)

    links = _links_table(ds.jejaring, "jejaring", jenis_default="sumber", config=cfg,
                         problems=problems)
    if proposed is not None:
        prop = _links_table(proposed, "proposed", jenis_default="usulan", config=cfg,
                            problems=problems, force_jenis="usulan")
        links = pd.concat([links, prop], ignore_index=True)
    for col in ("pengampu", "diampu"):
        bad = links[~links[col].isin(list(net.nodes))]
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


def _values(col: pd.Series) -> list[Any]:
    """A column as a list of plain Python values, missing values as None."""
    return [None if m else v for v, m in zip(col.astype(object).tolist(), col.isna().tolist(),
                                             strict=True)]


def _strata_lookup(ds: Dataset, status: str, bukti: Iterable[str] | None = None,
                   ) -> dict[tuple[str, str], str]:
    """(kode_rs, layanan) -> strata name, from :meth:`Dataset.strata_rank_table`."""
    if ds.layanan.empty:
        return {}
    ranks = ds.strata_rank_table(status=status, bukti=bukti).stack().dropna()
    order = ds.config.strata_order
    return {(str(key[0]), str(key[1])): order[int(r)]  # type: ignore[index]
            for key, r in ranks.items()}


def _kabkota_lookup(wilayah: pd.DataFrame) -> dict[str, tuple[str, int | None]]:
    if wilayah is None or wilayah.empty:
        return {}
    kk = wilayah[wilayah["tingkat"] == "kabkota"]
    pend = (_values(kk["penduduk"]) if "penduduk" in kk.columns else [None] * len(kk))
    return {_text(k): (_text(n), _plain(p, int))
            for k, n, p in zip(_values(kk["kode"]), _values(kk["nama"]), pend, strict=True)}


def _wilayah_json(wilayah: pd.DataFrame) -> str:
    if wilayah is None or wilayah.empty:
        return "{}"
    n = len(wilayah)
    induk = _values(wilayah["kode_induk"]) if "kode_induk" in wilayah.columns else [None] * n
    pend = _values(wilayah["penduduk"]) if "penduduk" in wilayah.columns else [None] * n
    out = {_text(k): {"nama": _text(nama), "tingkat": _text(t), "kode_induk": _text(i),
                      "penduduk": _plain(p, int)}
           for k, nama, t, i, p in zip(_values(wilayah["kode"]), _values(wilayah["nama"]),
                                       _values(wilayah["tingkat"]), induk, pend, strict=True)}
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

    def texts(col: str, default: str = "") -> list[str]:
        if col not in df.columns:
            return [default] * n
        return [_text(v) or default for v in _values(df[col])]

    out = pd.DataFrame({
        "pengampu": texts("pengampu"),
        "diampu": texts("diampu"),
        "layanan": texts("layanan"),
        "mulai": [_iso_date(v) for v in _values(df["mulai"])] if "mulai" in df.columns
        else [""] * n,
        "sumber": texts("sumber"),
        "jenis": [force_jenis] * n if force_jenis else texts("jenis", jenis_default),
        "bukti": [b.lower() for b in texts("bukti", "inferensi" if force_jenis else "")],
        "alasan": texts("alasan"),
        "contoh": [bool(v) for v in _values(df["contoh"])] if "contoh" in df.columns
        else [False] * n,
        "_table": name,
        "_n": np.arange(n) + 1,
    })
    for i, lay, jen, bk in zip(out["_n"], out["layanan"], out["jenis"], out["bukti"],
                               strict=True):
        if lay not in config.layanan:
            problems.append(f"{name} link {i}, column 'layanan': value {lay!r} is not known; "
                            f"expected one of {sorted(config.layanan)}")
        if bk and bk not in BUKTI:
            problems.append(f"{name} link {i}, column 'bukti': value {bk!r} is not known; "
                            f"expected one of {list(BUKTI)} or empty")
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
    merged = links
    if links.duplicated(keys).any():
        merged = links.groupby(keys, sort=False).agg(
            sumber=("sumber", lambda s: "; ".join(dict.fromkeys(x for x in s if x))),
            mulai=("mulai", lambda s: min((x for x in s if x), default="")),
            bukti=("bukti", _strongest),
            alasan=("alasan", lambda s: "; ".join(dict.fromkeys(x for x in s if x))),
            contoh=("contoh", "all"),
        ).reset_index()
        logger.info("Merged %d repeated link rows into %d links", len(links), len(merged))
    lat = {n: d["lat"] for n, d in net.nodes(data=True)}
    lon = {n: d["lon"] for n, d in net.nodes(data=True)}
    prov = {n: d["kode_prov"] for n, d in net.nodes(data=True)}
    approx = {n: bool(is_approx_lokasi(d.get("lokasi_presisi"))) for n, d in net.nodes(data=True)}
    records = merged.to_dict("records")
    u = [str(r["pengampu"]) for r in records]
    v = [str(r["diampu"]) for r in records]
    dist = geodesic_km([lat[x] for x in u], [lon[x] for x in u],
                       [lat[x] for x in v], [lon[x] for x in v])
    for i, r in enumerate(records):
        extra = {"alasan": str(r["alasan"])} if r["jenis"] == "usulan" else {}
        net.add_edge(
            u[i], v[i], key=_edge_key(str(r["layanan"]), str(r["jenis"])),
            layanan=str(r["layanan"]), jenis=str(r["jenis"]), bukti=str(r["bukti"]),
            sumber=str(r["sumber"]), mulai=str(r["mulai"]), distance_km=float(dist[i]),
            cross_province=bool(prov[u[i]] != prov[v[i]]), contoh=bool(r["contoh"]),
            jarak_perkiraan=bool(approx[u[i]] or approx[v[i]]), **extra,
        )


def _strongest(grades: Iterable[str]) -> str:
    """The strongest evidence grade among ``grades`` ('' when none is graded)."""
    ranked = [g for g in grades if g in BUKTI]
    return min(ranked, key=BUKTI.index) if ranked else ""


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


def _check_bukti(bukti: Iterable[str] | str | None) -> tuple[str, ...]:
    return DEFAULT_CONFIG.check_bukti(bukti) or DEFAULT_BUKTI


def _edge_selected(d: Mapping[str, Any], jenis: str | None, grades: tuple[str, ...]) -> bool:
    """Whether an edge passes the ``jenis`` and ``bukti`` filters (see the module notes)."""
    if jenis is not None and d.get("jenis") != jenis:
        return False
    if d.get("jenis") == "usulan":
        return True
    grade = str(d.get("bukti", "") or "")
    return grade == "" or grade in grades


def _strata_attr(layanan: str, status: str) -> str:
    return f"strata_{layanan}" if status == "ada" else f"strata_target_{layanan}"


def _national_for(data: Mapping[str, Any], layanan: str) -> bool:
    return layanan in str(data.get("pengampu_nasional", "")).split(";")


def _lang(lang: str | None) -> str:
    return current_lang(lang or None)


def network_view(net: nx.MultiDiGraph, layanan: str, *, status: str = "target",
                 jenis: str | None = None,
                 bukti: Iterable[str] | None = None) -> nx.MultiDiGraph:
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
    bukti : iterable of str, optional
        Evidence grades of the sourced links to use (None: ``DEFAULT_BUKTI``,
        all but ``inferensi``); ungraded and proposed links always count.

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
    layer = _Layer.of(net, layanan, status=status, jenis=jenis, bukti=bukti)
    view = nx.MultiDiGraph()
    view.graph.update(net.graph, view_layanan=layanan, view_status=status)
    view.add_nodes_from((n, net.nodes[n]) for n in layer.nodes)
    view.add_edges_from(layer.edges)
    return view


@dataclass
class _Layer:
    """The network of one layanan as plain dicts (what the analyses need, without copies)."""

    net: nx.MultiDiGraph
    layanan: str
    #: hospitals of the layer, in the network's order
    nodes: list[str]
    #: every edge of the layanan (u, v, key, data)
    edges: list[tuple[str, str, str, dict[str, Any]]]
    #: distinct links u -> v without self-links, with the data of each of their edges
    links: dict[tuple[str, str], list[dict[str, Any]]]
    #: hospitals listed as their own pengampu
    self_links: list[str]
    #: strata per hospital for the chosen status (None: does not offer the layanan)
    strata: dict[str, str | None]
    national: set[str]

    @classmethod
    def of(cls, net: nx.MultiDiGraph, layanan: str, *, status: str,
           jenis: str | None, bukti: Iterable[str] | None = None) -> _Layer:
        _check_layanan(net, layanan)
        _check_status(status)
        _check_jenis(jenis)
        grades = _check_bukti(bukti)
        edges = [(u, v, k, d) for u, v, k, d in net.edges(keys=True, data=True)
                 if d.get("layanan") == layanan and _edge_selected(d, jenis, grades)]
        on_edge = {u for u, *_ in edges} | {v for _, v, *_ in edges}
        attr = _strata_attr(layanan, status)
        nodes = [n for n, d in net.nodes(data=True)
                 if n in on_edge or attr in d or _national_for(d, layanan)]
        links: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self_links: list[str] = []
        for u, v, _, d in edges:
            if u == v:
                self_links.append(u)
            else:
                links.setdefault((u, v), []).append(d)
        return cls(net=net, layanan=layanan, nodes=nodes, edges=edges, links=links,
                   self_links=sorted(set(self_links)),
                   strata={n: net.nodes[n].get(attr) for n in nodes},
                   national={n for n in nodes if net.nodes[n].get("nasional")})

    def attr(self, node: str, name: str, default: Any = None) -> Any:
        return self.net.nodes[node].get(name, default)

    def successors(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for u, v in self.links:
            out.setdefault(u, []).append(v)
        return out

    def predecessors(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for u, v in self.links:
            out.setdefault(v, []).append(u)
        return out

    def hops(self) -> dict[str, int]:
        """Links on the shortest chain from a national pengampu (absent: no chain)."""
        return _hops_from(self.successors(), self.national)


def _hops_from(successors: Mapping[str, Iterable[str]], sources: Iterable[str]) -> dict[str, int]:
    """Breadth-first hop counts from the nearest of ``sources`` (multi-source BFS)."""
    hops = {s: 0 for s in sorted(sources)}
    queue = deque(hops)
    while queue:
        u = queue.popleft()
        for v in successors.get(u, ()):
            if v not in hops:
                hops[v] = hops[u] + 1
                queue.append(v)
    return hops


def _sources_text(edges: Iterable[Mapping[str, Any]]) -> str:
    return "; ".join(dict.fromkeys(str(d.get("sumber", "")) for d in edges if d.get("sumber")))


def network_summary(net: nx.MultiDiGraph, *, layanan: str, status: str = "target",
                    jenis: str | None = None,
                    bukti: Iterable[str] | None = None,
                    provinsi: str | int | None = None) -> pd.DataFrame:
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
    bukti : iterable of str, optional
        Evidence grades of the sourced links to use (None: ``DEFAULT_BUKTI``,
        all but ``inferensi``); ungraded and proposed links always count.
    provinsi : str or int, optional
        One province, by code or name (``17``, ``"Bengkulu"``): its hospitals and
        the hospitals outside it linked to them (their partners, flagged in an
        added column ``luar_provinsi``). The figures of each row still count all
        of its links.

    Returns
    -------
    pandas.DataFrame
        Columns ``kode_rs, nama, kode_prov, kode_wilayah, strata, nasional``
        (a national pengampu, see the module notes), ``n_diampu, n_pengampu, pengampu``
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
    >>> summ = pg.network_summary(net, layanan="kanker").set_index("nama")
    >>> row = summ.loc["RS Kanker Dharmais"]
    >>> bool(row["nasional"]), int(row["chain_to_national"]), int(row["n_diampu"]) > 0
    (True, 0, True)
    >>> bengkulu = pg.network_summary(net, layanan="kanker", provinsi="Bengkulu")
    >>> set(bengkulu.loc[~bengkulu["luar_provinsi"], "kode_prov"])
    {'17'}
    """
    layer = _Layer.of(net, layanan, status=status, jenis=jenis, bukti=bukti)
    hops = layer.hops()
    down: dict[str, list[tuple[str, float, bool]]] = {}
    up: dict[str, list[tuple[str, float]]] = {}
    for (u, v), data in layer.links.items():
        d = data[0]
        down.setdefault(u, []).append((v, float(d["distance_km"]), bool(d["cross_province"])))
        up.setdefault(v, []).append((u, float(d["distance_km"])))
    rows = []
    for n in layer.nodes:
        out_links = down.get(n, [])
        in_links = up.get(n, [])
        kabkota = {layer.attr(v, "kode_wilayah", ""): layer.attr(v, "penduduk_kabkota")
                   for v, _, _ in out_links}
        dist_km = [x for _, x, _ in out_links]
        rows.append((
            n, layer.attr(n, "nama", ""), layer.attr(n, "kode_prov", ""),
            layer.attr(n, "kode_wilayah", ""), layer.strata[n], n in layer.national,
            len(out_links), len(in_links), ";".join(sorted(u for u, _ in in_links)), hops.get(n),
            len(kabkota), ";".join(sorted(kabkota)),
            sum(kabkota.values()) if kabkota and None not in kabkota.values() else None,
            sum(dist_km) / len(dist_km) if dist_km else np.nan, max(dist_km, default=np.nan),
            sum(c for _, _, c in out_links), min((x for _, x in in_links), default=np.nan),
        ))
    cols = ["kode_rs", "nama", "kode_prov", "kode_wilayah", "strata", "nasional", "n_diampu",
            "n_pengampu", "pengampu", "chain_to_national", "n_kabkota_diampu", "kabkota_diampu",
            "penduduk_diampu", "mean_distance_km", "max_distance_km", "n_cross_province",
            "distance_to_pengampu_km"]
    out = pd.DataFrame(rows, columns=cols).astype({
        "kode_rs": "string", "nama": "string", "kode_prov": "string", "kode_wilayah": "string",
        "strata": "string", "nasional": bool, "n_diampu": "int64", "n_pengampu": "int64",
        "pengampu": "string", "chain_to_national": "Int64", "n_kabkota_diampu": "int64",
        "kabkota_diampu": "string", "penduduk_diampu": "Int64", "mean_distance_km": float,
        "max_distance_km": float, "n_cross_province": "int64", "distance_to_pengampu_km": float,
    })
    if provinsi is not None:
        from .provinsi import resolve_provinsi

        kode_prov, _ = resolve_provinsi(provinsi)
        local = set(out.loc[out["kode_prov"] == kode_prov, "kode_rs"])
        partners = {v for (a, b) in layer.links for v in (a, b)
                    if a in local or b in local}
        out = out[out["kode_rs"].isin(local | partners)].copy()
        out["luar_provinsi"] = ~out["kode_rs"].isin(local)
    out = out.sort_values(["n_diampu", "kode_rs"], ascending=[False, True])
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
                   jenis: str | None = None, lang: str | None = None,
                   bukti: Iterable[str] | None = None) -> pd.DataFrame:
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
    - ``no_national`` (warning): no national pengampu in the layanan's network.
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
    bukti : iterable of str, optional
        Evidence grades of the sourced links to use (None: ``DEFAULT_BUKTI``,
        all but ``inferensi``); ungraded and proposed links always count.
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
    kabkota = {k: v.get("nama", k) for k, v in wilayah.items() if v.get("tingkat") == "kabkota"}
    found: list[dict[str, Any]] = []

    def add(check: str, lay: str, severity: str, detail: str, *, kode_rs: str | None = None,
            pengampu: str | None = None, diampu: str | None = None,
            kode_wilayah: str | None = None) -> None:
        found.append({"check": check, "layanan": lay, "kode_rs": kode_rs, "pengampu": pengampu,
                      "diampu": diampu, "kode_wilayah": kode_wilayah, "detail": detail,
                      "severity": severity})

    for lay in layanans:
        layer = _Layer.of(net, lay, status=status, jenis=jenis, bukti=bukti)
        nama = {n: layer.attr(n, "nama", n) for n in layer.nodes}
        strata = layer.strata
        for u in layer.self_links:
            add("self_link", lay, "error", text["self_link"].format(nama=nama[u]),
                kode_rs=u, pengampu=u, diampu=u)
        simple = nx.DiGraph(list(layer.links))
        for comp in nx.strongly_connected_components(simple):
            if len(comp) < 2:
                continue
            cycle = nx.find_cycle(simple.subgraph(comp))
            path = " → ".join([nama[cycle[0][0]], *(nama[v] for _, v in cycle)])
            add("cycle", lay, "error", text["cycle"].format(path=path), kode_rs=min(comp))
        if lay in NON_KLINIS:  # a topic without strata: only cycles and self-links apply
            continue
        for u, v in layer.links:
            su, sv = strata[u], strata[v]
            if sv is None:
                add("diampu_lacks_layanan", lay, "warning",
                    text["diampu_lacks_layanan"].format(nama=nama[v], status=status),
                    kode_rs=v, pengampu=u, diampu=v)
            if su is None and u not in layer.national:
                add("pengampu_lacks_layanan", lay, "warning",
                    text["pengampu_lacks_layanan"].format(nama=nama[u], status=status),
                    kode_rs=u, pengampu=u, diampu=v)
            if su is not None and sv is not None and order[sv] >= order[su]:
                add("strata_inversion", lay, "warning",
                    text["strata_inversion"].format(diampu=nama[v], s_diampu=sv,
                                                    pengampu=nama[u], s_pengampu=su),
                    kode_rs=v, pengampu=u, diampu=v)
        has_pengampu = {v for _, v in layer.links}
        for n in layer.nodes:
            if strata[n] is not None and n not in layer.national and n not in has_pengampu:
                add("orphan", lay, "warning", text["orphan"].format(nama=nama[n], strata=strata[n]),
                    kode_rs=n, kode_wilayah=layer.attr(n, "kode_wilayah"))
        if not layer.national:
            add("no_national", lay, "warning", text["no_national"])
        reached = layer.hops()
        members: dict[str, list[str]] = {}
        for n in layer.nodes:
            members.setdefault(layer.attr(n, "kode_wilayah", ""), []).append(n)
        for kode in sorted(members):
            if kode in kabkota and not any(m in reached for m in members[kode]):
                add("kabkota_no_path", lay, "warning",
                    text["kabkota_no_path"].format(nama=kabkota[kode], kode=kode,
                                                   n=len(members[kode])),
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
                     labels: bool = True, bukti: Iterable[str] | None = None) -> pd.DataFrame:
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
    bukti : iterable of str, optional
        Evidence grades of the sourced links to use (None: ``DEFAULT_BUKTI``,
        all but ``inferensi``); ungraded and proposed links always count.
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
    >>> list(tab.columns)[:4]
    ['Layanan', 'Pengampu nasional', 'Melalui', 'Rumah sakit']
    >>> direct = tab[tab["Jalur"] == "langsung"]
    >>> "RS Kanker Dharmais" in set(direct["Pengampu nasional"])
    True
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
        layer = _Layer.of(net, lay, status=status, jenis=jenis, bukti=bukti)
        hops = layer.hops()
        pred = layer.predecessors()
        national = layer.national
        for h in layer.nodes:
            if layer.attr(h, "kode_prov") != kode_prov:
                continue
            info = {"layanan": lay, "kode_rs": h, "nama": layer.attr(h, "nama"),
                    "kode_wilayah": layer.attr(h, "kode_wilayah"),
                    "nama_kabkota": layer.attr(h, "nama_kabkota"), "strata": layer.strata[h]}
            if h in national:
                rows.append({**info, "pengampu_nasional": h, "melalui": None, "hops": 0,
                             "distance_km": 0.0, "sumber": "", "jenis": ""})
                continue
            paths: list[tuple[str, str | None, list[list[dict[str, Any]]]]] = []
            for p in sorted(pred.get(h, [])):
                if p in national:
                    paths.append((p, None, [layer.links[p, h]]))
                    continue
                for n in sorted(set(pred.get(p, [])) & national):
                    if n != h:
                        paths.append((n, p, [layer.links[n, p], layer.links[p, h]]))
            for n, via, legs in paths:
                rows.append({**info, "pengampu_nasional": n, "melalui": via, "hops": len(legs),
                             "distance_km": float(sum(leg[0]["distance_km"] for leg in legs)),
                             "sumber": " | ".join(_sources_text(leg) for leg in legs),
                             "jenis": "usulan" if any(all(d.get("jenis") == "usulan" for d in leg)
                                                      for leg in legs) else "sumber"})
            if not paths:
                rows.append({**info, "pengampu_nasional": None, "melalui": None,
                             "hops": hops.get(h), "distance_km": np.nan, "sumber": "",
                             "jenis": ""})
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
                    skip_linked: bool = True,
                    bukti: Iterable[str] | None = None) -> pd.DataFrame:
    """
    Propose a pengampu for hospitals of one layanan: the nearest hospital of a higher strata.

    Rule ``"nearest_higher_strata"``: each hospital offering the layanan
    (strata for ``status``) and not a national pengampu gets the nearest
    (great-circle) hospital of **any** higher strata (a madya hospital the
    nearest utama or paripurna one). Links never point down or across the
    strata order.

    With ``max_load``, assignment is greedy: all (hospital, candidate) pairs in
    order of distance; a pengampu that is full is skipped and the hospital goes
    to its next nearest candidate. Only then does a link depart from the
    nearest higher-strata hospital, and the link says so in ``alasan`` (which
    closer hospitals were full). Hospitals left without a pengampu are reported
    in a :class:`PengampuanWarning` and listed in ``result.attrs["tanpa_pengampu"]``.

    Parameters
    ----------
    ds : Dataset
        Hospitals with coordinates, layanan/strata and the existing links.
    layanan : str
        A clinical layanan code.
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
    bukti : iterable of str, optional
        Evidence grades of the strata rows and of the existing links that count
        (None: ``DEFAULT_BUKTI``); ungraded rows always count.

    Returns
    -------
    pandas.DataFrame
        Columns ``pengampu, diampu, layanan, distance_km, jenis`` (``"usulan"``),
        ``sumber`` (the rule, in words), ``strata_pengampu, strata_diampu``,
        ``bukti`` (``"inferensi"``: derived here), ``alasan`` (``""`` when the
        pengampu is the nearest higher-strata hospital, else why not),
        ``nearest_higher`` (kode_rs of the nearest higher-strata hospital),
        ``jarak_perkiraan`` (an end has an approximate point, ``lokasi_presisi ==
        "kabkota"``: the distance, and so the choice of the nearest, is uncertain);
        ready for ``build_network(ds, proposed=...)``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> prop = pg.propose_network(ds, layanan="kanker")
    >>> rank = ds.config.strata_order.index
    >>> bool((prop["strata_pengampu"].map(rank) > prop["strata_diampu"].map(rank)).all())
    True
    >>> bool((prop["pengampu"] == prop["nearest_higher"]).all())  # no max_load: always nearest
    True
    """
    cfg = ds.config
    cfg.check_layanan(layanan)
    if layanan in NON_KLINIS:
        raise ValueError(f"layanan={layanan!r} is a non-clinical topic without strata; "
                         f"expected a clinical layanan such as {list(cfg.target_layanan)}")
    _check_status(status)
    grades = cfg.check_bukti(bukti)
    if rule not in RULES:
        raise ValueError(f"rule={rule!r} is not known; expected one of {list(RULES)}")
    if max_load is not None and (int(max_load) != max_load or max_load < 1):
        raise ValueError(f"max_load={max_load!r} must be a whole number >= 1 or None")
    order = cfg.strata_order
    sumber = f"usulan: RS strata lebih tinggi terdekat ({rule})"
    if max_load is not None:
        sumber += f", beban maksimum {int(max_load)} diampu per pengampu"
    cols = ["pengampu", "diampu", "layanan", "distance_km", "jenis", "sumber",
            "strata_pengampu", "strata_diampu", "bukti", "alasan", "nearest_higher"]

    rs = ds.rumah_sakit.drop_duplicates("kode_rs").set_index("kode_rs")
    ranks = (ds.strata_rank_table(status=status, bukti=grades) if not ds.layanan.empty
             else pd.DataFrame())
    rank = (ranks[layanan].dropna().astype(int) if layanan in ranks
            else pd.Series(dtype="int64"))
    unknown = rank.index.difference(rs.index)
    if len(unknown):
        raise NetworkError(f"layanan rows name {len(unknown)} kode_rs not in rumah_sakit: "
                           f"{', '.join(map(repr, unknown[:10]))}")
    nasional = rs.get("pengampu_nasional", pd.Series("", index=rs.index)).map(
        lambda v: _text(v) != "")
    jej = ds.jejaring
    jenis = jej["jenis"] if "jenis" in jej.columns else pd.Series("sumber", index=jej.index)
    grade = (jej["bukti"].fillna("").astype(str) if "bukti" in jej.columns
             else pd.Series("", index=jej.index))
    sourced = jej[(jej["layanan"] == layanan) & (jenis.fillna("sumber") != "usulan")
                  & (grade.isin(grades) | (grade == ""))]
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
        pool = rank[rank > r]  # any higher strata
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
            "order": np.tile(np.arange(dist.shape[1]), len(group)),
        }))
    if pairs:
        cand = pd.concat(pairs, ignore_index=True).sort_values(
            ["distance_km", "diampu", "pengampu"], kind="stable")
    else:
        cand = pd.DataFrame(columns=["diampu", "pengampu", "distance_km", "order"])
    nearest = dict(zip(cand.loc[cand["order"] == 0, "diampu"],
                       cand.loc[cand["order"] == 0, "pengampu"], strict=True))
    chosen: dict[str, tuple[str, float, str] | None] = {}
    capacity: dict[str, float] = {}
    full_skipped: dict[str, list[str]] = {}
    for d, p, dist_km in zip(cand["diampu"], cand["pengampu"], cand["distance_km"], strict=True):
        if d in chosen:
            continue
        if (p, d) in existing:
            chosen[d] = None  # the existing sourced link already serves it
            continue
        if max_load is not None:
            left = capacity.setdefault(p, max_load - int(load0.get(p, 0)))
            if left <= 0:
                full_skipped.setdefault(d, []).append(p)
                continue
            capacity[p] = left - 1
        skipped = full_skipped.get(d, [])
        alasan = ""
        if skipped:
            names = ", ".join(f"{rs.at[x, 'nama']} ({x})" for x in skipped[:3])
            more = f" dan {len(skipped) - 3} lainnya" if len(skipped) > 3 else ""
            alasan = (f"{len(skipped)} RS strata lebih tinggi yang lebih dekat sudah penuh "
                      f"(max_load={max_load}): {names}{more}")
        chosen[d] = (p, float(dist_km), alasan)
    out = pd.DataFrame(
        [(p, d, layanan, dist_km, "usulan", sumber, order[int(rank[p])], order[int(rank[d])],
          "inferensi", alasan, nearest.get(d, p))
         for d, pick in chosen.items() if pick is not None for p, dist_km, alasan in [pick]],
        columns=cols,
    )
    # chosen on the sphere (exact nearest); reported on the WGS84 ellipsoid like the graph's links
    if len(out):
        a, b = rs.loc[out["pengampu"]], rs.loc[out["diampu"]]
        out["distance_km"] = geodesic_km(a["lat"].to_numpy(float), a["lon"].to_numpy(float),
                                         b["lat"].to_numpy(float), b["lon"].to_numpy(float))
    out = out.sort_values(["pengampu", "distance_km", "diampu"]).reset_index(drop=True)
    out = out.astype({c: "string" for c in cols if c != "distance_km"})
    out["distance_km"] = out["distance_km"].astype(float)
    approx = is_approx_lokasi(rs.get("lokasi_presisi", pd.Series(pd.NA, index=rs.index)))
    out["jarak_perkiraan"] = (approx.reindex(out["pengampu"]).to_numpy(bool)
                              | approx.reindex(out["diampu"]).to_numpy(bool))
    left_out = sorted(set(no_candidate) | (set(need.index) - set(chosen)))
    out.attrs["tanpa_pengampu"] = left_out
    if left_out:
        names = [str(rs.at[k, "nama"]) for k in left_out[:5]]
        why = (_say("why_no_higher") if set(left_out) <= set(no_candidate)
               else _say("why_all_full", max_load=max_load)
               if not no_candidate else _say("why_either"))
        warnings.warn(_say("no_proposed_pengampu", n=len(left_out), layanan=layanan, why=why,
                            names=", ".join(names)),
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
        distance_km, jarak_perkiraan`` (an end has an approximate point, so the
        distance is approximate), ``cross_province, jenis, bukti, sumber, mulai,
        contoh, geometry`` (LineString, EPSG:4326), one row per edge.

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
            "jarak_perkiraan", "cross_province", "jenis", "bukti", "sumber", "mulai", "contoh"]
    rows: list[list[Any]] = []
    lines: list[Any] = []
    for u, v, d in net.edges(data=True):
        if layanan is not None and d.get("layanan") != layanan:
            continue
        nu, nv = net.nodes[u], net.nodes[v]
        rows.append([u, v, d.get("layanan"), nu.get("nama"), nv.get("nama"),
                     d.get("distance_km"),
                     d.get("jarak_perkiraan", bool(is_approx_lokasi(nu.get("lokasi_presisi"))
                                                  or is_approx_lokasi(nv.get("lokasi_presisi")))),
                     d.get("cross_province"), d.get("jenis"),
                     d.get("bukti", ""), d.get("sumber"), d.get("mulai"), d.get("contoh", False)])
        lines.append(shapely.linestrings(densify_great_circle(
            nu["lon"], nu["lat"], nv["lon"], nv["lat"], max_segment_km=max_segment_km)))
    df = pd.DataFrame(rows, columns=cols).astype(
        {"pengampu": "string", "diampu": "string", "layanan": "string",
         "nama_pengampu": "string", "nama_diampu": "string", "distance_km": float,
         "jarak_perkiraan": bool, "cross_province": bool, "jenis": "string",
         "bukti": "string", "sumber": "string", "mulai": "string", "contoh": bool})
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(lines, crs=CRS), crs=CRS)
