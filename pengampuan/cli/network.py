"""``pengampuan network``: summary, province view, checks and exports of the network."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..config import DEFAULT_CONFIG, KJSU, STATUS, settings
from . import EXIT_INVALID_DATA, EXIT_OK

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

_TEXT = {
    "id": {
        "title": "Jejaring pengampuan {layanan} (strata {status}){where}: {n_rs} RS, "
                 "{n_links} tautan ({n_cross} lintas provinsi), {n_nat} pengampu nasional",
        "where": ", provinsi {nama} ({kode})",
        "more": "... {n} RS lagi tidak ditampilkan (--limit 0 untuk semua, --csv untuk menyimpan)",
        "province": "Pengampu nasional di provinsi {nama} ({kode})",
        "checks": "Pemeriksaan jejaring: {n} temuan ({counts})",
        "no_checks": "Pemeriksaan jejaring: tidak ada temuan",
        "wrote": "ditulis: {path}",
        "empty": "(tidak ada RS)",
        "empty_ada": "catatan: tidak ada RS {layanan} berstatus 'ada'; data bawaan berisi strata "
                     "target: jalankan dengan --status target",
    },
    "en": {
        "title": "Mentoring network {layanan} (strata {status}){where}: {n_rs} hospitals, "
                 "{n_links} links ({n_cross} cross-province), {n_nat} national pengampu",
        "where": ", province {nama} ({kode})",
        "more": "... {n} more hospitals not shown (--limit 0 for all, --csv to save)",
        "province": "National pengampu in province {nama} ({kode})",
        "checks": "Network checks: {n} finding(s) ({counts})",
        "no_checks": "Network checks: no findings",
        "wrote": "written: {path}",
        "empty": "(no hospitals)",
        "empty_ada": "note: no {layanan} hospital with status 'ada'; the bundled data holds "
                     "target strata: run with --status target",
    },
}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``network`` command."""
    p = subparsers.add_parser(
        "network",
        help="summary, province view, checks and exports of the mentoring network",
        description=(
            "Ringkasan jejaring pengampuan per layanan (diampu, pengampu, rantai ke pengampu "
            "nasional, jarak), tampilan provinsi, pemeriksaan, dan ekspor GraphML/GeoJSON / "
            "summary of the mentoring network per layanan, province view, checks and exports. "
            "Exit code 0, or 1 when --checks finds an error (a cycle or a self-link)."
        ),
    )
    p.add_argument("--layanan", action="append", choices=list(DEFAULT_CONFIG.layanan),
                   default=None, metavar="LAYANAN",
                   help=f"layanan to show (repeat for several; default: {', '.join(KJSU)}); "
                        f"one of {', '.join(DEFAULT_CONFIG.layanan)}")
    p.add_argument("--provinsi", default=None, metavar="KODE",
                   help="Kemendagri province code, e.g. 36 (Banten): only its hospitals, plus the "
                        "table of national pengampu reaching them")
    p.add_argument("--data", default=None, metavar="DIR",
                   help="folder with the CSV files (default: the bundled data)")
    p.add_argument("--status", choices=list(STATUS), default="target",
                   help="strata to use: 'target' (default; the higher of current and target) "
                        "or 'ada' (current only)")
    p.add_argument("--bukti", default=None, metavar="GRADES",
                   help="evidence grades of the layanan rows and links that count, "
                        "comma-separated, from regulasi,dokumen,berita,inferensi (default: "
                        "regulasi,dokumen,berita)")
    p.add_argument("--checks", action="store_true",
                   help="also list the findings of the network checks")
    p.add_argument("--limit", type=int, default=40, metavar="N",
                   help="rows of each summary shown on screen (default 40; 0 = all)")
    p.add_argument("--csv", default=None, metavar="FILE",
                   help="write the full summary table(s) to this CSV file")
    p.add_argument("--graphml", default=None, metavar="FILE",
                   help="write the network of the selected layanan as GraphML")
    p.add_argument("--geojson", default=None, metavar="FILE",
                   help="write the links of the selected layanan as GeoJSON LineStrings")
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
    text = _TEXT[lang]
    if args.limit < 0:
        raise ValueError(f"--limit {args.limit}: expected 0 (all rows) or a positive number")
    ds = load_dataset(args.data)
    bukti = ds.config.check_bukti(args.bukti)
    net = build_network(ds, bukti=bukti)
    layanans = list(dict.fromkeys(args.layanan or KJSU))
    prov = None if args.provinsi is None else str(args.provinsi).strip()
    where = nama_prov = ""
    if prov is not None:
        names = dict(zip(ds.wilayah["kode"], ds.wilayah["nama"], strict=True))
        nama_prov = str(names.get(prov, prov))
        where = text["where"].format(nama=nama_prov, kode=prov)

    summaries = []
    for lay in layanans:
        summ = network_summary(net, layanan=lay, status=args.status, bukti=bukti)
        view = network_view(net, lay, status=args.status, bukti=bukti)
        if prov is not None:
            summ = summ[summ["kode_prov"] == prov]
            view = _province_subgraph(view, prov)
        cross = sum(1 for *_, d in view.edges(data=True) if d.get("cross_province"))
        print(text["title"].format(
            layanan=DEFAULT_CONFIG.layanan_label(lay, lang), status=args.status, where=where,
            n_rs=len(summ), n_links=view.number_of_edges(), n_cross=cross,
            n_nat=int(summ["nasional"].sum())))
        print(_format_summary(summ, limit=args.limit, lang=lang))
        if args.status == "ada" and (summ.empty or summ["strata"].isna().all()):
            print(text["empty_ada"].format(layanan=DEFAULT_CONFIG.layanan_label(lay, lang)))
        print()
        summaries.append(summ.assign(layanan=lay))

    if prov is not None:
        tab = province_network(net, prov, layanan=None if len(layanans) > 1 else layanans[0],
                               status=args.status, lang=lang, bukti=bukti)
        label_layanan = tab.columns[0]
        keep = {DEFAULT_CONFIG.layanan_label(lay, lang) for lay in layanans}
        tab = tab[tab[label_layanan].isin(keep)]
        print(text["province"].format(nama=nama_prov, kode=prov))
        print(_to_text(tab) if len(tab) else text["empty"])
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
            print(text["no_checks"])
        else:
            counts = ", ".join(f"{k} {v}" for k, v in checks["check"].value_counts().items())
            print(text["checks"].format(n=len(checks), counts=counts))
            shown = checks[["severity", "check", "layanan", "detail"]]
            print(_to_text(shown if args.limit == 0 else shown.head(args.limit), width=100))
            if args.limit and len(checks) > args.limit:
                print(text["more"].format(n=len(checks) - args.limit))
            if (checks["severity"] == "error").any():
                code = EXIT_INVALID_DATA

    if args.csv:
        path = Path(args.csv)
        pd.concat(summaries, ignore_index=True).to_csv(path, index=False, lineterminator="\n")
        print(text["wrote"].format(path=path))
    if args.graphml or args.geojson:
        views = [network_view(net, lay, status=args.status, bukti=bukti) for lay in layanans]
        sub = nx.compose_all(views)
        sub.graph.pop("view_layanan", None)
        if prov is not None:
            sub = _province_subgraph(sub, prov)
        if args.graphml:
            print(text["wrote"].format(path=write_graphml(sub, args.graphml)))
        if args.geojson:
            path = to_geojson(links_geodataframe(sub), args.geojson)
            print(text["wrote"].format(path=path))
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
    text = _TEXT[lang]
    if summ.empty:
        return text["empty"]
    shown = summ if limit == 0 else summ.head(limit)
    idx = 1 if lang == "en" else 0
    table = shown[list(_SUMMARY_COLUMNS)].rename(
        columns={k: v[idx] for k, v in _SUMMARY_COLUMNS.items()})
    out = _to_text(table)
    if limit and len(summ) > limit:
        out += "\n" + text["more"].format(n=len(summ) - limit)
    return out


def _to_text(df: pd.DataFrame, *, width: int = 48) -> str:
    """A table as aligned text: missing values as '-', distances with one decimal."""
    shown = df.copy()
    for col in shown.columns:
        if not pd.api.types.is_float_dtype(shown[col]):
            shown[col] = shown[col].astype(object).where(shown[col].notna(), "-")
    return shown.to_string(index=False, max_colwidth=width, na_rep="-",
                           float_format=lambda x: f"{x:.1f}")
