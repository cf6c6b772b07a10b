"""Small helpers shared by the benchmark scripts: wall time, peak memory, ratios.

Run the scripts from the repository root (``python benchmarks/bench_x.py``);
importing this module puts the repository on ``sys.path`` so that
``import pengampuan`` works from a plain checkout.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def timed(fn: Callable[[], Any]) -> float:
    """Wall-clock seconds taken by ``fn()`` (``time.perf_counter``)."""
    return timed_result(fn)[0]


def timed_result(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall-clock seconds taken by ``fn()`` and what it returned."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (``getrusage``)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes / KiB


def machine_note() -> str:
    """CPU count and load average, to read the timings against."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return f"{os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"


def report(name: str, value: float, baseline: float | None = None, *, unit: str = "s",
           goal: str = "") -> None:
    """Print ``name value unit``; with a baseline also ``baseline / value`` (the speed-up)."""
    line = f"{name:<44} {value:9.3f} {unit}"
    if baseline is not None:
        ratio = baseline / value if value > 0 else float("inf")
        line += f"   baseline {baseline:9.3f} {unit}   ratio {ratio:6.2f}x"
    if goal:
        line += f"   (goal: {goal})"
    print(line, flush=True)
