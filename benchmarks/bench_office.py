"""Cost of the office outputs (ringkasan.xlsx, PNG/SVG figures) in the national report.

Measured in the same run on the bundled data (514 kab/kota, 4 KJSU layanan):

- ``write_report(figures=False)`` (HTML, GeoJSON, CSV and ringkasan.xlsx) against the full
  ``write_report`` (plus 4 maps and 2 charts, each PNG at 200 dpi and SVG): the ratio is what
  the figures add;
- the parts alone: ``to_excel`` of the report tables, ``report_figures``;
- the command line end to end (``pengampuan report --out``, a new process each time) with
  ``--no-figures`` and without.

Run: ``.venv/bin/python benchmarks/bench_office.py``
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401  (puts the repository on sys.path)

import pengampuan as pg
from pengampuan.excel import to_excel
from pengampuan.figures import report_figures
from pengampuan.office import report_tables


def cli_seconds(*extra: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pengampuan", "report", "--out",
                        str(Path(tmp) / "laporan"), *extra], check=True, capture_output=True)
        return time.perf_counter() - t0


def main() -> None:
    print(_common.machine_note())
    ds, reg = pg.load_dataset(), pg.load_regions()
    pg.write_report(tempfile.mkdtemp(), ds, reg, figures=False)  # warm caches and imports
    with tempfile.TemporaryDirectory() as tmp:
        base = min(_common.timed(lambda: pg.write_report(Path(tmp) / "a", ds, reg,
                                                         figures=False)) for _ in range(2))
        full = min(_common.timed(lambda: pg.write_report(Path(tmp) / "b", ds, reg))
                   for _ in range(2))
        _common.report("write_report, figures=False (incl. ringkasan.xlsx)", base)
        _common.report("write_report with the figures", full, base,
                       goal="< 2x (figures must not double the report time)")
        tables = report_tables(ds, reg)
        _common.report("  to_excel (ringkasan.xlsx)", _common.timed(
            lambda: to_excel(Path(tmp) / "r.xlsx", tables=tables)))
        out = Path(tmp) / "fig"
        out.mkdir()
        _common.report("  report_figures (4 maps + 2 charts, PNG+SVG)", _common.timed(
            lambda: report_figures(out, tables)))
        sizes = {p.suffix: 0.0 for p in out.iterdir()}
        for p in out.iterdir():
            sizes[p.suffix] += p.stat().st_size / 1e6
        for suffix, mb in sorted(sizes.items()):
            _common.report(f"  figures {suffix} total", mb, unit="MB")
    no_fig = cli_seconds("--no-figures")
    with_fig = cli_seconds()
    _common.report("pengampuan report --out, --no-figures (process)", no_fig)
    _common.report("pengampuan report --out (process)", with_fig, no_fig, goal="< 2x")


if __name__ == "__main__":
    main()
