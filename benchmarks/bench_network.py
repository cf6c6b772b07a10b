"""Time the network analyses on the bundled data against idiomatic networkx code.

Measured: ``build_network`` + ``network_summary`` for the four KJSU layanan +
``network_checks`` (every layanan), on the whole country.

Baseline, measured in the same run on the same data: the same quantities
written the way a networkx user would -- nodes and edges added in bulk from
the tables (``add_nodes_from`` / ``add_edges_from``, link lengths vectorised),
one ``nx.subgraph_view`` per layanan, chain lengths from one
``nx.multi_source_dijkstra_path_length`` from the national pengampu, degree
counts from ``successors`` / ``predecessors``, the kab/kota check from the set
reachable from the national pengampu (``nx.descendants``) and cycles from
``nx.simple_cycles``. The baseline's chain lengths and diampu counts are
compared with the library's before the timings are printed, so both compute
the same thing. No goal is set by issue 19; the ratio is reported as measured.

Run: ``.venv/bin/python benchmarks/bench_network.py [--repeat 5]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import _common  # noqa: F401  (puts the repository on sys.path)
import networkx as nx
import numpy as np
import pandas as pd
from _common import fmt_s, machine_note, save_results

import pengampuan as pg
from pengampuan.geo import great_circle_km


def fast(ds: pg.Dataset) -> tuple[nx.MultiDiGraph, dict[str, pd.DataFrame], pd.DataFrame]:
    net = pg.build_network(ds)
    summaries = {lay: pg.network_summary(net, layanan=lay) for lay in pg.KJSU}
    return net, summaries, pg.network_checks(net)


def idiomatic_build(ds: pg.Dataset) -> nx.MultiDiGraph:
    wil = ds.wilayah.assign(penduduk=ds.wilayah["penduduk"].astype(object).where(
        ds.wilayah["penduduk"].notna(), None))
    net = nx.MultiDiGraph(wilayah=json.dumps(
        {str(k): {"nama": n, "tingkat": t, "penduduk": None if p is None else int(p)}
         for k, n, t, p in zip(wil["kode"], wil["nama"], wil["tingkat"], wil["penduduk"],
                               strict=True)}))
    rs = ds.rumah_sakit
    nodes = pd.DataFrame({"nama": rs["nama"], "kode_prov": rs["kode_prov"],
                          "kode_wilayah": rs["kode_wilayah"], "lat": rs["lat"],
                          "lon": rs["lon"], "nasional": rs["pengampu_nasional"].astype(bool),
                          "pengampu_nasional": rs["pengampu_nasional"]})
    nodes.index = rs["kode_rs"]
    net.add_nodes_from(nodes.to_dict("index").items())
    strata = ds.strata_table(status="target").stack().dropna()
    for (kode, lay), value in strata.items():
        net.nodes[kode][f"strata_target_{lay}"] = value
    pos = rs.set_index("kode_rs")[["lat", "lon", "kode_prov"]]
    links = ds.jejaring.join(pos, on="pengampu").join(pos.add_suffix("_d"), on="diampu")
    dist = great_circle_km(links["lat"], links["lon"], links["lat_d"], links["lon_d"])
    cross = (links["kode_prov"] != links["kode_prov_d"]).to_numpy()
    net.add_edges_from(
        (u, v, k, {"layanan": k, "distance_km": float(d), "cross_province": bool(c)})
        for u, v, k, d, c in zip(links["pengampu"], links["diampu"], links["layanan"], dist,
                                 cross, strict=True))
    return net


def idiomatic_view(net: nx.MultiDiGraph, lay: str) -> nx.MultiDiGraph:
    on_edge = {x for u, v, k in net.edges(keys=True) if k == lay for x in (u, v)}
    keep = {n for n, d in net.nodes(data=True)
            if f"strata_target_{lay}" in d or n in on_edge
            or lay in d["pengampu_nasional"].split(";")}
    view: nx.MultiDiGraph = nx.subgraph_view(net, filter_node=keep.__contains__,
                                             filter_edge=lambda u, v, k: k == lay)
    return view


def idiomatic_summary(net: nx.MultiDiGraph, lay: str) -> dict[str, dict[str, Any]]:
    view = idiomatic_view(net, lay)
    national = [n for n, d in view.nodes(data=True) if d["nasional"]]
    chain = nx.multi_source_dijkstra_path_length(view, national) if national else {}
    wil = json.loads(net.graph["wilayah"])
    out = {}
    for n in view.nodes:
        down = [(v, d) for _, v, d in view.out_edges(n, data=True) if v != n]
        kab = {view.nodes[v]["kode_wilayah"] for v, _ in down}
        pop = [wil.get(k, {}).get("penduduk") for k in kab]
        dist = [d["distance_km"] for _, d in down]
        out[n] = {"n_diampu": len({v for v, _ in down}),
                  "pengampu": ";".join(sorted(set(view.predecessors(n)) - {n})),
                  "chain": chain.get(n),
                  "penduduk": sum(pop) if pop and None not in pop else None,
                  "mean_km": float(np.mean(dist)) if dist else None,
                  "max_km": max(dist) if dist else None,
                  "cross": sum(d["cross_province"] for _, d in down)}
    return out


def idiomatic_checks(net: nx.MultiDiGraph, layanans: list[str]) -> int:
    order = pg.STRATA
    wil = json.loads(net.graph["wilayah"])
    kabkota = [k for k, info in wil.items() if info["tingkat"] == "kabkota"]
    found = 0
    for lay in layanans:
        view = idiomatic_view(net, lay)
        national = [n for n, d in view.nodes(data=True) if d["nasional"]]
        found += sum(1 for _ in nx.simple_cycles(nx.DiGraph(view)))
        key = f"strata_target_{lay}"
        for u, v in view.edges():
            su, sv = view.nodes[u].get(key), view.nodes[v].get(key)
            found += u == v
            found += sv is None
            found += su is None and not view.nodes[u]["nasional"]
            found += bool(su and sv and order.index(sv) >= order.index(su))
        found += sum(1 for n, d in view.nodes(data=True)
                     if key in d and not d["nasional"] and not set(view.predecessors(n)) - {n})
        found += not national
        reached = set(national).union(*(nx.descendants(view, nat) for nat in national))
        members = defaultdict(list)
        for n, d in view.nodes(data=True):
            members[d["kode_wilayah"]].append(n)
        found += sum(1 for k in kabkota if members.get(k) and not reached.intersection(members[k]))
    return found


def idiomatic(ds: pg.Dataset
              ) -> tuple[nx.MultiDiGraph, dict[str, dict[str, dict[str, Any]]], int]:
    net = idiomatic_build(ds)
    summaries = {lay: idiomatic_summary(net, lay) for lay in pg.KJSU}
    used = {k for *_, k in net.edges(keys=True)} | {
        k.removeprefix("strata_target_") for _, d in net.nodes(data=True) for k in d
        if k.startswith("strata_target_")}
    return net, summaries, idiomatic_checks(net, [lay for lay in pg.LAYANAN if lay in used])


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
    print(machine_note())
    ds = pg.load_dataset()
    fast(ds)  # warm up imports and caches
    idiomatic(ds)
    t_fast, (net, summaries, checks) = timed(lambda: fast(ds), args.repeat)
    t_naive, (_, ref, n_found) = timed(lambda: idiomatic(ds), args.repeat)

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
    print(f"idiomatic networkx: {t_naive * 1000:.0f} ms (median of {args.repeat})")
    print(f"ratio: {t_naive / t_fast:.2f}x")
    save_results("bench_network", [{
        "what": f"build_network + network_summary x {len(pg.KJSU)} + network_checks "
                f"({net.number_of_nodes():,} hospitals, {net.number_of_edges():,} links)",
        "ours": fmt_s(t_fast), "baseline": f"{fmt_s(t_naive)} (idiomatic networkx)",
        "ratio": t_naive / t_fast, "goal": "-", "met": None}], repeat=args.repeat)


if __name__ == "__main__":
    main()
