"""``pengampuan boundaries info | download | check``: bundled, downloaded and user boundaries."""

from __future__ import annotations

import argparse

from .._messages import msg
from .._messages import msg as _h
from . import EXIT_INVALID_DATA, EXIT_OK, add_command


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``boundaries`` command and its sub-commands."""
    p = add_command(subparsers, "boundaries")
    sub = p.add_subparsers(dest="boundaries_command", metavar="SUBCOMMAND", required=True)

    info = add_command(sub, "info")
    info.set_defaults(func=run_info)

    dl = add_command(sub, "download")
    dl.add_argument("--level", choices=["kabkota", "provinsi"], default="kabkota",
                    help=_h("help_boundaries_level"))
    dl.add_argument("--url", default=None,
                    help=_h("help_boundaries_url"))
    dl.add_argument("--sha256", default=None, metavar="HEX",
                    help=_h("help_boundaries_sha256"))
    dl.add_argument("--size", type=int, default=None, metavar="BYTES",
                    help=_h("help_boundaries_size"))
    dl.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                    help=_h("help_boundaries_timeout"))
    dl.add_argument("--cache-dir", default=None, metavar="DIR",
                    help=_h("help_boundaries_cache_dir"))
    dl.set_defaults(func=run_download)

    check = add_command(sub, "check")
    check.add_argument("path", help=_h("help_boundaries_path"))
    check.add_argument("--level", choices=["kabkota", "provinsi"], default="kabkota")
    check.add_argument("--code-col", default=None, help=_h("help_boundaries_code_col"))
    check.add_argument("--name-col", default=None, help=_h("help_boundaries_name_col"))
    check.add_argument("--province-col", default=None,
                       help=_h("help_boundaries_province_col"))
    check.add_argument("--crs", default=None,
                       help=_h("help_boundaries_crs"))
    check.add_argument("--code-scheme", choices=["auto", "kemendagri", "bps"], default="auto",
                       help=_h("help_boundaries_code_scheme"))
    check.set_defaults(func=run_check)


def run_info(args: argparse.Namespace) -> int:
    """Print what the bundled boundaries hold."""
    from ..datasets import bundled_file
    from ..regions import load_regions

    for level in ("provinsi", "kabkota"):
        reg = load_regions(level)
        path = bundled_file(f"batas_{level}.geojson")
        n_vertices = int(reg.geometry.count_coordinates().sum())
        print(msg("boundaries_info", level=level, n=len(reg), km2=float(reg["luas_km2"].sum()),
                  vertices=n_vertices, mb=path.stat().st_size / 1e6, path=path))
    print(msg("boundaries_source"))
    return EXIT_OK


def run_download(args: argparse.Namespace) -> int:
    """Download boundaries into the cache and print the cached path."""
    from ..config import settings
    from ..regions import download_boundaries

    if args.timeout is not None:
        settings.timeout_s = args.timeout
        settings.deadline_s = args.timeout
    if args.cache_dir is not None:
        settings.cache_dir = args.cache_dir
    path = download_boundaries(args.level, url=args.url, sha256=args.sha256, size=args.size)
    print(path)
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """Match a boundary file and print the report; 1 when a feature is not matched."""
    from ..regions import match_regions, read_boundary_file

    gdf = read_boundary_file(args.path, crs=args.crs)
    coded, report = match_regions(gdf, level=args.level, code_col=args.code_col,
                                  name_col=args.name_col, province_col=args.province_col,
                                  code_scheme=args.code_scheme, on_unmatched="keep")
    report.source = str(args.path)
    print(str(report))
    dup = coded["kode"].notna() & coded["kode"].duplicated(keep=False)
    if dup.any():
        print(msg("boundaries_dup", path=args.path, n=int(dup.sum()),
                  codes=sorted(set(coded.loc[dup, "kode"]))))
    ok = report.ok and not dup.any()
    print(msg("boundaries_ok") if ok else msg("boundaries_not_ok"))
    return EXIT_OK if ok else EXIT_INVALID_DATA
