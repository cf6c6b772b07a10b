"""Write the latest benchmark results into the READMEs.

Reads ``benchmarks/results/*.json`` (written by the ``bench_*.py`` scripts) and
replaces the text between ``<!-- benchmarks:start -->`` and
``<!-- benchmarks:end -->`` in ``benchmarks/README.md`` (every row, with each
script's date, machine and notes) and in the top-level ``README.md`` (its
"Performance" section: the same rows, shorter). Nothing else in either file
is touched.

Run: ``python benchmarks/update_readme.py`` from the repository root, after
the benchmarks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"
ORDER = ["bench_sea_travel", "bench_access_grid", "bench_nearest", "bench_2sfca",
         "bench_network", "bench_scale", "bench_office"]


def _load() -> list[dict[str, Any]]:
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((HERE / "results").glob("*.json"))}
    return [docs[k] for k in sorted(docs, key=lambda k: (ORDER + [k]).index(k))]


def _ratio(row: dict[str, Any]) -> str:
    r = row.get("ratio")
    if r is None:
        return "-"
    return f"**{r:.2f}x**" if r >= 1 else f"**{r:.2f}x** (slower)"


def _met(row: dict[str, Any]) -> str:
    met = row.get("met")
    return "-" if met is None else ("yes" if met else "**no**")


def _machine(doc: dict[str, Any]) -> str:
    m = doc["machine"]
    load = m.get("load_avg", ["?"])[0]
    return (f"{m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']:.0f} GB, Python {m['python']}, "
            f"load average {load} at the end")


def detailed(docs: list[dict[str, Any]]) -> str:
    out = []
    for doc in docs:
        out.append(f"### `{doc['script']}`\n")
        out.append(f"{doc['date']}, {_machine(doc)}; medians of {doc['repeat']} runs.\n")
        out.append("| measure | pengampuan | baseline | ratio | goal | met |")
        out.append("|---|---|---|---|---|---|")
        for row in doc["rows"]:
            out.append(f"| {row['what']} | {row['ours']} | {row['baseline']} | {_ratio(row)} "
                       f"| {row['goal']} | {_met(row)} |")
        out.extend(["", *(f"{note}\n" for note in doc.get("notes", []))])
    return "\n".join(out).rstrip() + "\n"


def short(docs: list[dict[str, Any]]) -> str:
    dates = sorted({d["date"] for d in docs})
    machines = sorted({_machine(d).split(", load")[0] for d in docs})
    out = [f"Measured {dates[0]}{'' if len(dates) == 1 else ' to ' + dates[-1]} on "
           f"{'; '.join(machines)}, by the scripts in [`benchmarks/`](benchmarks/) (ratio = "
           f"baseline time / pengampuan time, measured in the same run; below 1 pengampuan is "
           f"slower). Details, baselines and notes: "
           f"[`benchmarks/README.md`](benchmarks/README.md).", "",
           "| measure | pengampuan | baseline | ratio | goal (issue 19) | met |",
           "|---|---|---|---|---|---|"]
    for doc in docs:
        for row in doc["rows"]:
            out.append(f"| {row['what']} | {row['ours']} | {row['baseline']} | {_ratio(row)} "
                       f"| {row['goal']} | {_met(row)} |")
    return "\n".join(out) + "\n"


def replace_between(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    if not pattern.search(old):
        raise SystemExit(f"{path}: no {START} ... {END} markers")
    path.write_text(pattern.sub(lambda _: f"{START}\n{text}{END}", old), encoding="utf-8")
    print(f"updated {path.relative_to(ROOT)}")


def main() -> int:
    docs = _load()
    if not docs:
        raise SystemExit("no results in benchmarks/results/; run the bench_*.py scripts first")
    replace_between(HERE / "README.md", detailed(docs))
    replace_between(ROOT / "README.md", short(docs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
