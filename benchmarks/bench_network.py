"""Time the network analyses on the bundled data against a naive baseline.

Measured: ``build_network`` + ``network_summary`` for the four KJSU layanan +
``network_checks`` (every layanan), on the whole country.

Baseline, measured in the same run on the same data: the same quantities
computed the obvious way -- a per-hospital loop over ``DataFrame.iterrows``
with one distance call per link to build the graph; per hospital, networkx's
generic ``shortest_path_length`` from every national pengampu for the chain,
and scans of its in/out edges for the counts; ``nx.has_path`` per hospital and
national pengampu for the kab/kota check; ``nx.simple_cycles`` for cycles.
The baseline's chain lengths and diampu counts are compared with the library's
before the timings are printed, so both compute the same thing.

Run: ``.venv/bin/python benchmarks/bench_network.py [--repeat 5]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
import pandas as pd

import pengampuan as pg
from pengampuan.geo import great_circle_km


def fast(ds: pg.Dataset) -> tuple[nx.MultiDiGraph, dict[str, pd.DataFrame], pd.DataFrame]:
    net = pg.build_network(ds)
    summaries = {lay: pg.network_summary(net, layanan=lay) for lay in pg.KJSU}
    return net, summaries, pg.network_checks(net)


def naive_build(ds: pg.Dataset) -> nx.MultiDiGraph:
    net = nx.MultiDiGraph(wilayah=json.dumps(
        {str(r["kode"]): {"nama": r["nama"], "tingkat": r["tingkat"],
                          "penduduk": None if pd.isna(r["penduduk"]) else int(r["penduduk"])}
         for _, r in ds.wilayah.iterrows()}))
    strata = ds.strata_table(status="target")
    for _, r in ds.rumah_sakit.iterrows():
        attrs: dict[str, Any] = {"nama": r["nama"], "kode_prov": r["kode_prov"],
                                 "kode_wilayah": r["kode_wilayah"], "lat": r["lat"],
                                 "lon": r["lon"], "nasional": bool(r["pengampu_nasional"]),
                                 "pengampu_nasional": r["pengampu_nasional"]}
        if r["kode_rs"] in strata.index:
            for lay in strata.columns:
                if strata.loc[r["kode_rs"], lay] is not None:
                    attrs[f"strata_target_{lay}"] = strata.loc[r["kode_rs"], lay]
        net.add_node(r["kode_rs"], **attrs)
    for _, e in ds.jejaring.iterrows():
        a, b = net.nodes[e["pengampu"]], net.nodes[e["diampu"]]
        net.add_edge(e["pengampu"], e["diampu"], key=e["layanan"], layanan=e["layanan"],
                     distance_km=float(great_circle_km(a["lat"], a["lon"], b["lat"], b["lon"])),
                     cross_province=a["kode_prov"] != b["kode_prov"])
    return net


def naive_view(net: nx.MultiDiGraph, lay: str) -> nx.MultiDiGraph:
    view = nx.MultiDiGraph()
    for n, d in net.nodes(data=True):
        on_edge = any(k == lay for *_, k in net.in_edges(n, keys=True)) or \
            any(k == lay for *_, k in net.out_edges(n, keys=True))
        if f"strata_target_{lay}" in d or on_edge or lay in d["pengampu_nasional"].split(";"):
            view.add_node(n, **d)
    for u, v, k, d in net.edges(keys=True, data=True):
        if k == lay:
            view.add_edge(u, v, key=k, **d)
    return view


def naive_summary(net: nx.MultiDiGraph, lay: str) -> dict[str, dict[str, Any]]:
    view = naive_view(net, lay)
    national = [n for n, d in view.nodes(data=True) if d["nasional"]]
    wil = json.loads(net.graph["wilayah"])
    out = {}
    for n in view.nodes:
        down = [(v, d) for _, v, d in view.out_edges(n, data=True) if v != n]
        up = [u for u, _, _ in view.in_edges(n, data=True) if u != n]
        chains = []
        for nat in national:
            try:
                chains.append(nx.shortest_path_length(view, nat, n))
            except nx.NetworkXNoPath:
                pass
        kab = {view.nodes[v]["kode_wilayah"] for v, _ in down}
        pop = [wil.get(k, {}).get("penduduk") for k in kab]
        dist = [d["distance_km"] for _, d in down]
        out[n] = {"n_diampu": len({v for v, _ in down}), "pengampu": ";".join(sorted(set(up))),
                  "chain": min(chains) if chains else None,
                  "penduduk": sum(pop) if pop and None not in pop else None,
                  "mean_km": sum(dist) / len(dist) if dist else None,
                  "max_km": max(dist) if dist else None,
                  "cross": sum(d["cross_province"] for _, d in down)}
    return out


def naive_checks(net: nx.MultiDiGraph, layanans: list[str]) -> int:
    order = pg.STRATA
    wil = json.loads(net.graph["wilayah"])
    found = 0
    for lay in layanans:
        view = naive_view(net, lay)
        national = [n for n, d in view.nodes(data=True) if d["nasional"]]
        found += sum(1 for _ in nx.simple_cycles(nx.DiGraph(view)))
        for u, v in view.edges():
            su = view.nodes[u].get(f"strata_target_{lay}")
            sv = view.nodes[v].get(f"strata_target_{lay}")
            found += u == v
            found += sv is None
            found += su is None and not view.nodes[u]["nasional"]
            found += bool(su and sv and order.index(sv) >= order.index(su))
        for n, d in view.nodes(data=True):
            if f"strata_target_{lay}" in d and not d["nasional"] and \
                    not any(u != n for u, _ in view.in_edges(n)):
                found += 1
        found += not national
        for kode, info in wil.items():
            if info["tingkat"] != "kabkota":
                continue
            members = [n for n, d in view.nodes(data=True) if d["kode_wilayah"] == kode]
            if members and not any(nx.has_path(view, nat, m) for m in members
                                   for nat in national):
                found += 1
    return found


def naive(ds: pg.Dataset) -> tuple[nx.MultiDiGraph, dict[str, dict[str, dict[str, Any]]], int]:
    net = naive_build(ds)
    summaries = {lay: naive_summary(net, lay) for lay in pg.KJSU}
    layanans = [lay for lay in pg.LAYANAN
                if any(k == lay for *_, k in net.edges(keys=True))
                or any(f"strata_target_{lay}" in d for _, d in net.nodes(data=True))]
    return net, summaries, naive_checks(net, layanans)


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ds = pg.load_dataset()
    fast(ds)  # warm up imports and caches
    t_fast, (net, summaries, checks) = timed(lambda: fast(ds), args.repeat)
    t_naive, (_, ref, n_found) = timed(lambda: naive(ds), max(1, args.repeat // 2))

    # the two compute the same numbers
    for lay, summ in summaries.items():
        for row in summ.itertuples():
            r = ref[lay][row.kode_rs]
            assert r["n_diampu"] == row.n_diampu, (lay, row.kode_rs)
            assert r["pengampu"] == row.pengampu, (lay, row.kode_rs)
            assert (r["chain"] is None) == pd.isna(row.chain_to_national), (lay, row.kode_rs)
            assert r["chain"] is None or r["chain"] == row.chain_to_national, (lay, row.kode_rs)
    assert n_found == len(checks), (n_found, len(checks))

    print(f"bundled data: {net.number_of_nodes()} hospitals, {net.number_of_edges()} links, "
          f"{len(checks)} check findings")
    print(f"build_network + network_summary x{len(pg.KJSU)} + network_checks: "
          f"{t_fast * 1000:.0f} ms (median of {args.repeat})")
    print(f"naive per-hospital loop with networkx generic functions: {t_naive * 1000:.0f} ms")
    print(f"speed-up: {t_naive / t_fast:.1f}x")


if __name__ == "__main__":
    main()
