"""``pengampuan report --out DIR``: the HTML map report with its GeoJSON and CSV files."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .._messages import msg
from .._messages import msg as _h
from . import (
    EXIT_OK,
    MAP_NOTES,
    add_boundaries,
    add_command,
    add_data,
    add_lang,
    add_layanan,
    add_provinsi,
    add_status,
    empty_layer_notes,
    parse_layanan,
    parse_provinsi,
    regions_of,
    say_data_scope,
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``report`` command."""
    p = add_command(subparsers, "report")
    p.add_argument("--out", required=True, metavar="DIR", type=Path,
                   help=_h("help_report_out"))
    add_data(p)
    add_boundaries(p)
    add_layanan(p, _h("help_report_layanan"))
    add_provinsi(p, _h("help_report_provinsi"))
    add_status(p)
    p.add_argument("--travel", choices=["simple", "sea"], default="simple",
                   help=_h("help_report_travel"))
    p.add_argument("--offline", action=argparse.BooleanOptionalAction, default=True,
                   help=_h("help_report_offline"))
    p.add_argument("--online", dest="offline", action="store_false", help=argparse.SUPPRESS)
    add_lang(p)
    p.add_argument("--code-scheme", choices=["kemendagri", "bps"], default="kemendagri",
                   help=_h("help_report_code_scheme"))
    p.add_argument("--config", default=None, metavar="TOML",
                   help=_h("help_report_config"))
    p.add_argument("--csv-dialect", choices=["standard", "excel-id"], default="standard",
                   help=_h("help_report_csv_dialect"))
    p.add_argument("--figures", action=argparse.BooleanOptionalAction, default=True,
                   help=_h("help_report_figures"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the report into ``args.out``; print the files written."""
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
    provinsi = None if resolved is None else resolved[0]
    regions = regions_of(args, ds.wilayah)
    say_data_scope(ds, regions)
    with empty_layer_notes(MAP_NOTES):
        if args.out.suffix and not args.out.is_dir():  # one file: its extension says the format
            from .plot import write_report_file

            return write_report_file(args.out, ds, regions, layanan=layanan,
                                     status=args.status, lang=lang, csv_dialect=args.csv_dialect,
                                     provinsi=provinsi, travel=args.travel)
        files = write_report(args.out, ds, regions, layanan=layanan, offline=args.offline,
                             status=args.status, lang=lang, provinsi=provinsi,
                             csv_dialect=args.csv_dialect, figures=args.figures,
                             travel=args.travel)
    elapsed = time.perf_counter() - t0
    for path in files.values():
        print(msg("cli_wrote_size", path=path, mb=path.stat().st_size / 1e6))
    print(msg("report_done", s=elapsed, index=files["index.html"]))
    return EXIT_OK
