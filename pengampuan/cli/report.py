"""``pengampuan report --out DIR``: the HTML map report with its GeoJSON and CSV files."""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from .._messages import msg
from . import EXIT_OK, add_on_unmatched, kabkota_regions, parse_layanan, parse_provinsi


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``report`` command."""
    p = subparsers.add_parser(
        "report",
        help="write the HTML map report (index.html) with GeoJSON and CSV files",
        description=(
            "Tulis laporan peta HTML (index.html) beserta wilayah.geojson, rumah_sakit.geojson, "
            "jejaring.geojson dan ringkasan.csv / write the HTML map report with its GeoJSON and "
            "CSV files. Uses the bundled national data unless --data/--boundaries are given. "
            "By default the strata are the targets (status 'target': the bundled strata come from "
            "KMK HK.01.07/MENKES/1277/2024) and the page works offline."
        ),
    )
    p.add_argument("--out", required=True, metavar="DIR", type=Path,
                   help="output folder (created if needed; files of the same names are "
                        "replaced); or one file by its extension: .gpkg (every layer, styled "
                        "for QGIS), .xlsx (the workbook), .geojson/.shp (the kab/kota layer), "
                        ".csv (the summary)")
    p.add_argument("--data", default=None, metavar="DIR",
                   help="folder with rumah_sakit.csv, layanan.csv, jejaring.csv, wilayah.csv "
                        "(default: the bundled data)")
    p.add_argument("--boundaries", default=None, metavar="FILE",
                   help="kab/kota boundary file (GeoJSON, GeoPackage, Shapefile; default: the "
                        "bundled boundaries)")
    p.add_argument("--layanan", action="append", default=None, metavar="LAYANAN",
                   help="layanan to include; repeat or separate with commas, in any spelling "
                        "layanan.csv accepts (Stroke, strok, onkologi, ...; default: kanker, "
                        "jantung, stroke, uronefrologi)")
    p.add_argument("--provinsi", default=None, metavar="PROVINSI",
                   help="one province, by Kemendagri code or name (e.g. 17, Bengkulu, banten, "
                        "DKI, 'Papua Barat Daya'): its kab/kota, hospitals and links, with the "
                        "neighbouring provinces as context (default: every kab/kota given)")
    p.add_argument("--status", choices=["target", "ada"], default="target",
                   help="strata used: 'target' (default; planned strata) or 'ada' (current only)")
    p.add_argument("--offline", action=argparse.BooleanOptionalAction, default=True,
                   help="inline every script and style so index.html opens without internet "
                        "(default); --no-offline/--online links them from a CDN")
    p.add_argument("--online", dest="offline", action="store_false", help=argparse.SUPPRESS)
    # also accepted after the command; the top-level --lang sets the same value
    p.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS,
                   help="language of the map labels (default: id)")
    p.add_argument("--code-scheme", choices=["kemendagri", "bps"], default="kemendagri",
                   help="scheme of rumah_sakit.kode_wilayah in --data (default: kemendagri)")
    p.add_argument("--config", default=None, metavar="TOML",
                   help="configuration file (targets, thresholds, labels)")
    p.add_argument("--csv-dialect", choices=["standard", "excel-id"], default="standard",
                   help="ringkasan.csv as 'standard' CSV (default) or 'excel-id' for Excel with "
                        "Indonesian settings (';', decimal comma, UTF-8 BOM)")
    p.add_argument("--figures", action=argparse.BooleanOptionalAction, default=True,
                   help="also write PNG/SVG maps per layanan and charts (default); "
                        "--no-figures skips them")
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
                                 status=args.status, lang=lang, csv_dialect=args.csv_dialect)
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
