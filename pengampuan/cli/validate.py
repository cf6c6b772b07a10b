"""``pengampuan validate [PATH]``: check a data folder and list every problem."""

from __future__ import annotations

import argparse
import sys

from .._messages import msg
from ..errors import MAX_PER_KIND
from . import EXIT_INVALID_DATA, EXIT_OK


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``validate`` command."""
    p = subparsers.add_parser(
        "validate",
        help="check a data folder (rumah_sakit, layanan, jejaring, wilayah) and list every problem",
        description=(
            "Periksa folder data (rumah_sakit.csv, layanan.csv, jejaring.csv, wilayah.csv) dan "
            "tampilkan semua masalah sekaligus / check a data folder and list every problem at "
            "once. Exit code 0 when the data is valid, 1 when it has errors, 3 when PATH does not "
            "exist."
        ),
    )
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help="folder with the CSV files (default: the bundled data)")
    p.add_argument("--code-scheme", choices=["kemendagri", "bps"], default="kemendagri",
                   help="scheme of rumah_sakit.kode_wilayah: Kemendagri 'PP.KK' (default) or BPS "
                        "4-digit codes, converted with the bundled crosswalk")
    p.add_argument("--format", choices=["text", "csv"], default="text", dest="output_format",
                   help="'text' (default): a readable list; 'csv': the problems table on stdout")
    p.add_argument("--config", default=None, metavar="TOML",
                   help="configuration file (layanan, strata aliases, ...)")
    p.add_argument("--limit", type=int, default=MAX_PER_KIND, metavar="N",
                   help=f"problems listed of each kind (default {MAX_PER_KIND}; the rest are "
                        "counted); 0 = all")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate ``args.path``; print the report; 0 when valid, 1 when not."""
    from ..config import load_config
    from ..validate import validate

    config = load_config(args.config) if args.config else None
    report = validate(args.path, config=config, code_scheme=args.code_scheme)
    if args.output_format == "csv":
        report.problems.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        # the result (headline, counts, verdict) on stdout; the problems on stderr
        print(report.headline())
        if report.counts:
            print(report.summary())
        for line in report.problem_lines(args.limit or None):
            print(line, file=sys.stderr)
        print(msg("validate_ok") if report.ok else msg("validate_not_ok", n=report.n_errors))
    return EXIT_OK if report.ok else EXIT_INVALID_DATA
