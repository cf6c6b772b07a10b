"""A national-scale file and worse: 1,000,000 hospital rows, valid and every row wrong.

Each measurement runs in a fresh Python process (peak RSS from ``getrusage`` is per
process). The baseline is ``pandas.read_csv(..., dtype=str)`` of the same file: reading the
text alone, without any check.

- ``validate`` and ``load_dataset`` on a folder whose ``rumah_sakit.csv`` has 1,000,000 valid
  rows (goal: peak RSS < 2 GB);
- ``pengampuan validate`` on a folder whose 1,000,000 rows each have a wrong lat and lon
  (2,000,000 errors): lines and bytes written to stderr (goal: a few dozen lines, not
  millions), and its peak RSS.

    .venv/bin/python benchmarks/bench_volume.py [--rows N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from _common import ROOT, machine_note, report

CHILD = textwrap.dedent("""
    import json, resource, sys, time, warnings
    sys.path.insert(0, {root!r})
    warnings.simplefilter("ignore")
    what, folder = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    if what == "baseline":
        import pandas as pd
        n = len(pd.read_csv(folder + "/rumah_sakit.csv", dtype=str, keep_default_na=False))
    elif what == "validate":
        import pengampuan as pg
        rep = pg.validate(folder)
        n = rep.counts["rumah_sakit"]
        assert rep.ok, rep.to_text()
    elif what == "load_dataset":
        import pengampuan as pg
        n = len(pg.load_dataset(folder).rumah_sakit)
    else:
        from pengampuan.cli import main
        n = main(["validate", folder])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({{"seconds": time.perf_counter() - t0, "peak_mb": peak, "n": n}}))
""").format(root=str(ROOT))


def write_folder(folder: Path, n: int, *, wrong: bool) -> None:
    folder.mkdir(parents=True)
    with (folder / "rumah_sakit.csv").open("w", encoding="utf-8") as fh:
        fh.write("kode_rs,nama,lat,lon,kode_wilayah,kelas,tempat_tidur,sumber\n")
        for i in range(n):
            # points around Curup (17.02 Kabupaten Rejang Lebong), inside the kab/kota
            lat = "utara" if wrong else f"{-3.47 + (i % 1000) * 1e-5:.5f}"
            lon = "timur" if wrong else f"{102.52 + (i % 997) * 1e-5:.5f}"
            fh.write(f"RS{i:07d},RSUD Uji {i},{lat},{lon},17.02,C,{100 + i % 400},"
                     "contoh uji (sintetis)\n")
    (folder / "layanan.csv").write_text(
        "kode_rs,layanan,strata,status,tahun,sumber\n"
        "RS0000000,stroke,madya,ada,2024,contoh uji (sintetis)\n", encoding="utf-8")
    (folder / "jejaring.csv").write_text("pengampu,diampu,layanan\n", encoding="utf-8")


def run(what: str, folder: Path) -> tuple[dict[str, float], bytes]:
    proc = subprocess.run([sys.executable, "-c", CHILD, what, str(folder)],
                          capture_output=True, check=False)
    lines = proc.stdout.decode().strip().splitlines()
    return json.loads(lines[-1]), proc.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    print(machine_note())
    with tempfile.TemporaryDirectory() as tmp:
        valid, wrong = Path(tmp) / "valid", Path(tmp) / "wrong"
        t0 = time.perf_counter()
        write_folder(valid, args.rows, wrong=False)
        write_folder(wrong, args.rows, wrong=True)
        size_mb = (valid / "rumah_sakit.csv").stat().st_size / 1e6
        print(f"{args.rows:,} rows, rumah_sakit.csv {size_mb:.0f} MB "
              f"(written in {time.perf_counter() - t0:.0f} s)")
        base, _ = run("baseline", valid)
        ours, _ = run("validate", valid)
        loaded, _ = run("load_dataset", valid)
        report("pandas.read_csv(dtype=str): time", base["seconds"])
        report("pandas.read_csv(dtype=str): peak RSS", base["peak_mb"], unit="MB")
        report("validate (valid rows): time", ours["seconds"], base["seconds"])
        report("validate (valid rows): peak RSS", ours["peak_mb"], base["peak_mb"], unit="MB",
               goal="< 2048 MB")
        report("load_dataset (valid rows): peak RSS", loaded["peak_mb"], base["peak_mb"],
               unit="MB", goal="< 2048 MB")
        cli, stderr = run("cli", wrong)
        n_lines = stderr.count(b"\n")
        report("validate CLI, every row wrong: time", cli["seconds"], base["seconds"])
        report("validate CLI, every row wrong: peak RSS", cli["peak_mb"], unit="MB")
        print(f"validate CLI, every row wrong: exit {cli['n']}, stderr {n_lines} lines, "
              f"{len(stderr) / 1e3:.1f} kB (goal: a few dozen lines)")


if __name__ == "__main__":
    main()
