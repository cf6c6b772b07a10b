"""Small helpers shared by the benchmark scripts: timing, peak memory, ratios, results.

Run the scripts from the repository root (``python benchmarks/bench_x.py``);
importing this module puts the repository on ``sys.path`` so that
``import pengampuan`` works from a plain checkout.

Every script measures pengampuan and its baseline in the same process (or in
fresh child processes started by it, when peak memory is part of the result),
takes the median of ``--repeat`` runs (default 3), prints ratios and writes
its rows to ``benchmarks/results/<script>.json``; ``update_readme.py`` turns
those files into the tables of ``benchmarks/README.md`` and of the
"Performance" section of the top-level README.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
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


def median_time(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Median wall-clock seconds of ``repeat`` calls of ``fn()`` and the last result."""
    times, result = [], None
    for _ in range(max(1, repeat)):
        result = None  # let the previous result go before the next run
        t, result = timed_result(fn)
        times.append(t)
    return statistics.median(times), result


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (``getrusage``)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes / KiB


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    start = time.perf_counter()
    cpu = time.process_time()
    try:
        out = fn(*args)
        conn.send({"seconds": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
                   "peak_mb": peak_rss_mb(), "result": out})
    except BaseException as err:  # report, do not hang the parent
        conn.send({"error": f"{type(err).__name__}: {err}", "peak_mb": peak_rss_mb()})
    conn.close()


def isolated(fn: Callable[..., Any], *args: Any, memory_limit_gb: float | None = None
             ) -> dict[str, Any]:
    """Run ``fn(*args)`` in a fresh process: its wall time, CPU time and peak RSS (MB).

    The child is started with ``spawn`` so that its peak memory is its own
    (imports and data included); ``fn`` must be a module-level function of
    the calling script, and what it returns must pickle. ``memory_limit_gb``
    caps the child's address space (``RLIMIT_AS``) so that a workload too
    big for the machine fails with MemoryError instead of pushing others out.
    """
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_limited, args=(child, fn, args, memory_limit_gb))
    proc.start()
    child.close()
    try:
        out: dict[str, Any] = parent.recv()
    except EOFError:
        out = {"error": f"the child process died (exit code {proc.exitcode})"}
    proc.join()
    return out


def _limited(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...],
             memory_limit_gb: float | None) -> None:
    if memory_limit_gb is not None:
        limit = int(memory_limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _child(conn, fn, args)


def machine() -> dict[str, Any]:
    """What the numbers were measured on: CPU model and count, memory, load, versions."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = float("nan")
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = int(line.split()[1]) / 2**20
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {"cpu": model, "cpus": os.cpu_count(), "memory_gb": round(mem_gb, 1),
            "load_avg": [round(x, 2) for x in load], "python": platform.python_version()}


def machine_note() -> str:
    """CPU count, memory and load average, to read the timings against."""
    m = machine()
    return (f"{m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']:.0f} GB, load average "
            f"{m['load_avg'][0]:.2f} {m['load_avg'][1]:.2f} {m['load_avg'][2]:.2f}")


def report(name: str, value: float, baseline: float | None = None, *, unit: str = "s",
           goal: str = "") -> None:
    """Print ``name value unit``; with a baseline also ``baseline / value`` (the speed-up)."""
    line = f"{name:<52} {value:9.3f} {unit}"
    if baseline is not None:
        ratio = baseline / value if value > 0 else float("inf")
        line += f"   baseline {baseline:9.3f} {unit}   ratio {ratio:6.2f}x"
    if goal:
        line += f"   (goal: {goal})"
    print(line, flush=True)


def save_results(script: str, rows: list[dict[str, Any]], *, repeat: int,
                 notes: list[str] | None = None) -> Path:
    """Write the rows of one benchmark run, with date and machine, to ``results/<script>.json``.

    Each row: ``what`` (the measure), ``ours`` and ``baseline`` (text, e.g.
    ``"4.1 s"``), ``ratio`` (baseline / ours: > 1 means pengampuan is faster),
    ``goal`` (from issue 19) and ``met`` (True/False/None).
    """
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{script}.json"
    doc = {"script": f"{script}.py", "date": dt.date.today().isoformat(), "repeat": repeat,
           "machine": machine(), "rows": rows, "notes": notes or []}
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {path.relative_to(ROOT)}")
    return path


def fmt_s(seconds: float) -> str:
    """Seconds for a table: 3 significant figures."""
    return f"{seconds:.3g} s" if seconds < 100 else f"{seconds:.0f} s"


def fmt_mb(mb: float) -> str:
    """Megabytes for a table, in GB from 1,000 MB."""
    return f"{mb / 1024:.2f} GB" if mb >= 1000 else f"{mb:.0f} MB"
