"""``pengampuan network``: summary, province view, checks and exports of the network."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .._messages import fmt_num, msg
from .._messages import msg as _h
from ..config import DEFAULT_CONFIG, KJSU, settings
from . import (
    EXIT_INVALID_DATA,
    EXIT_OK,
    UsageError,
    add_bukti,
    add_command,
    add_data,
    add_layanan,
    add_provinsi,
    add_status,
    check_bukti,
    parse_layanan,
    parse_provinsi,
)

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Summary columns shown on screen, with their labels (Bahasa Indonesia, English).
_SUMMARY_COLUMNS: dict[str, tuple[str, str]] = {
    "kode_rs": ("Kode RS", "Code"),
    "nama": ("Nama", "Name"),
    "kode_prov": ("Prov", "Prov"),
    "strata": ("Strata", "Strata"),
    "n_diampu": ("Diampu", "Diampu"),
    "pengampu": ("Pengampu", "Pengampu"),
    "chain_to_national": ("Rantai ke nasional", "Chain to national"),
    "n_kabkota_diampu": ("Kab/kota diampu", "Districts served"),
    "penduduk_diampu": ("Penduduk diampu", "Population served"),
    "mean_distance_km": ("Rerata jarak (km)", "Mean distance (km)"),
    "max_distance_km": ("Jarak maks (km)", "Max distance (km)"),
    "n_cross_province": ("Lintas prov", "Cross-province"),
}

def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``network`` command."""
    p = add_command(subparsers, "network")
    add_layanan(p, _h("help_network_layanan", default=", ".join(KJSU),
                       values=", ".join(DEFAULT_CONFIG.layanan)))
    add_provinsi(p, _h("help_network_provinsi"))
    add_data(p)
    add_status(p)
    add_bukti(p)
    p.add_argument("--checks", action="store_true",
                   help=_h("help_network_checks"))
    p.add_argument("--limit", type=int, default=40, metavar="N",
                   help=_h("help_network_limit"))
    p.add_argument("--csv", default=None, metavar="FILE",
                   help=_h("help_network_csv"))
    p.add_argument("--graphml", default=None, metavar="FILE",
                   help=_h("help_network_graphml"))
    p.add_argument("--geojson", default=None, metavar="FILE",
                   help=_h("help_network_geojson"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the summaries (and checks); write the requested exports."""
    import networkx as nx

    from ..export import to_geojson
    from ..io import load_dataset
    from ..network import (
        build_network,
        links_geodataframe,
        network_checks,
        network_summary,
        network_view,
        province_network,
        write_graphml,
    )

    lang = settings.language
    if args.limit < 0:
        raise UsageError(msg("network_limit", limit=args.limit))
    ds = load_dataset(args.data)
    layanans = parse_layanan(args.layanan, ds.config) or list(KJSU)
    resolved = parse_provinsi(args.provinsi, ds.wilayah)
    bukti = check_bukti(ds.config, args.bukti)
    net = build_network(ds, bukti=bukti)
    prov = None if resolved is None else resolved[0]
    where = nama_prov = ""
    if resolved is not None:
        prov, nama_prov = resolved
        where = msg("network_where", nama=nama_prov, kode=prov)

    summaries = []
    for lay in layanans:
        summ = network_summary(net, layanan=lay, status=args.status, bukti=bukti)
        view = network_view(net, lay, status=args.status, bukti=bukti)
        if prov is not None:
            summ = summ[summ["kode_prov"] == prov]
            view = _province_subgraph(view, prov)
        cross = sum(1 for *_, d in view.edges(data=True) if d.get("cross_province"))
        print(msg(
            "network_title",
            layanan=DEFAULT_CONFIG.layanan_label(lay, lang), status=args.status, where=where,
            n_rs=len(summ), n_links=view.number_of_edges(), n_cross=cross,
            n_nat=int(summ["nasional"].sum())))
        print(_format_summary(summ, limit=args.limit, lang=lang))
        if args.status == "ada" and (summ.empty or summ["strata"].isna().all()):
            print(msg("network_empty_ada", layanan=DEFAULT_CONFIG.layanan_label(lay, lang)))
        print()
        summaries.append(summ.assign(layanan=lay))

    if prov is not None:
        tab = province_network(net, prov, layanan=None if len(layanans) > 1 else layanans[0],
                               status=args.status, lang=lang, bukti=bukti)
        label_layanan = tab.columns[0]
        keep = {DEFAULT_CONFIG.layanan_label(lay, lang) for lay in layanans}
        tab = tab[tab[label_layanan].isin(keep)]
        print(msg("network_province", nama=nama_prov, kode=prov))
        print(_to_text(tab) if len(tab) else msg("network_empty"))
        print()

    code = EXIT_OK
    if args.checks:
        parts = [network_checks(net, layanan=lay, status=args.status, lang=lang, bukti=bukti)
                 for lay in layanans]
        checks = pd.concat(parts, ignore_index=True)
        if prov is not None:
            prov_of = {n: d.get("kode_prov") for n, d in net.nodes(data=True)}
            in_prov = (checks[["kode_rs", "pengampu", "diampu"]]
                       .apply(lambda col: col.map(prov_of).eq(prov)).any(axis=1)
                       | checks["kode_wilayah"].fillna("").str.startswith(prov + "."))
            checks = checks[in_prov]
        if checks.empty:
            print(msg("network_no_checks"))
        else:
            counts = ", ".join(f"{k} {v}" for k, v in checks["check"].value_counts().items())
            print(msg("network_checks", n=len(checks), counts=counts))
            shown = checks[["severity", "check", "layanan", "detail"]]
            print(_to_text(shown if args.limit == 0 else shown.head(args.limit), width=100))
            if args.limit and len(checks) > args.limit:
                print(msg("network_more_checks", n=len(checks) - args.limit))
            if (checks["severity"] == "error").any():
                code = EXIT_INVALID_DATA

    if args.csv:
        path = Path(args.csv)
        pd.concat(summaries, ignore_index=True).to_csv(path, index=False, lineterminator="\n")
        print(msg("cli_wrote", path=path))
    if args.graphml or args.geojson:
        views = [network_view(net, lay, status=args.status, bukti=bukti) for lay in layanans]
        sub = nx.compose_all(views)
        sub.graph.pop("view_layanan", None)
        if prov is not None:
            sub = _province_subgraph(sub, prov)
        if args.graphml:
            print(msg("cli_wrote", path=write_graphml(sub, args.graphml)))
        if args.geojson:
            path = to_geojson(links_geodataframe(sub), args.geojson)
            print(msg("cli_wrote", path=path))
    return code


def _province_subgraph(view: nx.MultiDiGraph, prov: str) -> nx.MultiDiGraph:
    """Hospitals of the province, their links, and the hospitals at the other end."""
    local = {n for n, d in view.nodes(data=True) if d.get("kode_prov") == prov}
    edges = [(u, v, k) for u, v, k in view.edges(keys=True) if u in local or v in local]
    ends = local | {u for u, _, _ in edges} | {v for _, v, _ in edges}
    sub = view.subgraph(ends).copy()
    sub.remove_edges_from([e for e in list(sub.edges(keys=True)) if e not in set(edges)])
    return sub


def _format_summary(summ: pd.DataFrame, *, limit: int, lang: str) -> str:
    if summ.empty:
        return msg("network_empty", lang)
    shown = summ if limit == 0 else summ.head(limit)
    idx = 1 if lang == "en" else 0
    table = shown[list(_SUMMARY_COLUMNS)].rename(
        columns={k: v[idx] for k, v in _SUMMARY_COLUMNS.items()})
    out = _to_text(table)
    if limit and len(summ) > limit:
        out += "\n" + msg("network_more", lang, n=len(summ) - limit)
    return out


def _to_text(df: pd.DataFrame, *, width: int = 48) -> str:
    """A table as aligned text: missing values as '-', numbers in the language's format."""
    shown = df.copy()
    for col in shown.columns:
        s = shown[col]
        if pd.api.types.is_bool_dtype(s):
            shown[col] = s.map(lambda v: msg("word_yes") if v else msg("word_no"))
        elif pd.api.types.is_float_dtype(s):
            shown[col] = s.map(lambda x: "-" if pd.isna(x) else fmt_num(float(x), decimals=1))
        elif pd.api.types.is_integer_dtype(s):
            shown[col] = s.map(lambda x: "-" if pd.isna(x) else fmt_num(float(x)))
        else:
            shown[col] = s.astype(object).where(s.notna(), "-")
    return shown.to_string(index=False, max_colwidth=width, na_rep="-")
