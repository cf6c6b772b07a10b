"""``pengampuan report --out DIR``: the HTML map report with its GeoJSON and CSV files."""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from .._messages import msg
from .._messages import msg as _h
from . import EXIT_OK, add_on_unmatched, kabkota_regions, parse_layanan, parse_provinsi


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``report`` command."""
    p = subparsers.add_parser(
        "report",
        help=_h("help_cmd_report"),
        description=(
            _h("desc_report")
        ),
    )
    p.add_argument("--out", required=True, metavar="DIR", type=Path,
                   help=_h("help_report_out"))
    p.add_argument("--data", default=None, metavar="DIR",
                   help=_h("help_report_data"))
    p.add_argument("--boundaries", default=None, metavar="FILE",
                   help=_h("help_report_boundaries"))
    p.add_argument("--layanan", action="append", default=None, metavar="LAYANAN",
                   help=_h("help_report_layanan"))
    p.add_argument("--provinsi", default=None, metavar="PROVINSI",
                   help=_h("help_report_provinsi"))
    p.add_argument("--status", choices=["target", "ada"], default="target",
                   help=_h("help_report_status"))
    p.add_argument("--offline", action=argparse.BooleanOptionalAction, default=True,
                   help=_h("help_report_offline"))
    p.add_argument("--online", dest="offline", action="store_false", help=argparse.SUPPRESS)
    # also accepted after the command; the top-level --lang sets the same value
    p.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS,
                   help=_h("help_report_lang"))
    p.add_argument("--code-scheme", choices=["kemendagri", "bps"], default="kemendagri",
                   help=_h("help_report_code_scheme"))
    p.add_argument("--config", default=None, metavar="TOML",
                   help=_h("help_report_config"))
    p.add_argument("--csv-dialect", choices=["standard", "excel-id"], default="standard",
                   help=_h("help_report_csv_dialect"))
    p.add_argument("--figures", action=argparse.BooleanOptionalAction, default=True,
                   help=_h("help_report_figures"))
    add_on_unmatched(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the report into ``args.out``; print the files written."""
    from ..access import NoCapableHospitalWarning
    from ..config import load_config, settings
    from ..export import check_out_dir, write_report
    from ..io import load_dataset

    check_out_dir(args.out)  # before anything is computed
    t0 = time.perf_counter()
    lang = settings.language
    config = load_config(args.config) if args.config else None
    layanan = parse_layanan(args.layanan, config)
    if args.data is None and config is None:
        ds = load_dataset()
    else:
        ds = load_dataset(args.data, config=config, code_scheme=args.code_scheme)
    resolved = parse_provinsi(args.provinsi, ds.wilayah)
    regions = kabkota_regions(args.boundaries, ds.wilayah, on_unmatched=args.on_unmatched)
    if args.out.suffix and not args.out.is_dir():  # one file: the format follows the extension
        from .plot import write_report_file

        return write_report_file(args.out, ds, regions, layanan=layanan,
                                 status=args.status, lang=lang, csv_dialect=args.csv_dialect,
                                 provinsi=None if resolved is None else resolved[0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NoCapableHospitalWarning)
        files = write_report(args.out, ds, regions, layanan=layanan,
                             offline=args.offline, status=args.status, lang=lang,
                             provinsi=None if resolved is None else resolved[0],
                             csv_dialect=args.csv_dialect, figures=args.figures)
    for w in caught:
        if isinstance(w.message, NoCapableHospitalWarning):
            print(msg(f"report_empty_{w.message.status}", layanan=w.message.layanan,
                      strata=w.message.min_strata), file=sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    elapsed = time.perf_counter() - t0
    for path in files.values():
        print(msg("cli_wrote_size", path=path, mb=path.stat().st_size / 1e6))
    print(msg("report_done", s=elapsed, index=files["index.html"]))
    return EXIT_OK
