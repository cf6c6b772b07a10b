"""The performance figures in the READMEs are the ones the benchmark scripts wrote."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"


def _update_readme():
    spec = importlib.util.spec_from_file_location("update_readme", BENCH / "update_readme.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0].lstrip("\n")


@pytest.mark.parametrize(("readme", "render"), [
    (ROOT / "README.md", "short"), (BENCH / "README.md", "detailed"),
])
def test_readme_figures_come_from_the_benchmark_results(readme: Path, render: str) -> None:
    upd = _update_readme()
    docs = upd._load()
    assert docs, "benchmarks/results/ is empty"
    shown = _between(readme.read_text(encoding="utf-8"), upd.START, upd.END)
    assert shown == getattr(upd, render)(docs), (
        f"{readme.name} is out of date: run python benchmarks/update_readme.py")


def test_every_result_has_date_machine_and_ratio_rows() -> None:
    for path in sorted((BENCH / "results").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert (BENCH / doc["script"]).is_file(), path.name
        assert doc["date"] and doc["machine"]["cpus"] and doc["repeat"] >= 1
        if doc["script"] != "bench_scale.py":  # a single measured run per step
            assert doc["repeat"] >= 3, f"{path.name}: ratios must be medians of >= 3 runs"
        for row in doc["rows"]:
            assert {"what", "ours", "baseline", "ratio", "goal", "met"} <= set(row), path.name
