"""``pengampuan boundaries info | download | check``: bundled, downloaded and user boundaries."""

from __future__ import annotations

import argparse

from .._messages import msg
from . import EXIT_INVALID_DATA, EXIT_OK


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``boundaries`` command and its sub-commands."""
    p = subparsers.add_parser(
        "boundaries",
        help="bundled region boundaries, downloads of official boundaries, checks of a file",
        description=(
            "Batas wilayah: ringkasan batas bawaan, unduh batas resmi (geoBoundaries), periksa "
            "berkas batas / region boundaries: summary of the bundled ones, download official "
            "ones (geoBoundaries), check a boundary file. Exit codes: 0 ok, 1 a file that "
            "cannot be matched, 3 missing file, 4 download failure."
        ),
    )
    sub = p.add_subparsers(dest="boundaries_command", metavar="SUBCOMMAND", required=True)

    info = sub.add_parser("info", help="counts, area and source of the bundled boundaries",
                          description="Ringkasan batas bawaan / summary of the bundled "
                                      "boundaries (regions per level, area, file size).")
    info.set_defaults(func=run_info)

    dl = sub.add_parser(
        "download",
        help="download official boundaries into the cache (geoBoundaries by default)",
        description=(
            "Unduh batas wilayah ke cache / download boundaries into the cache folder "
            "(settings.cache_dir, env PENGAMPUAN_CACHE_DIR) once; later runs use the cached "
            "copy. geoBoundaries IDN is the 2020 BPS/OCHA edition (34 provinces, CC BY 3.0 "
            "IGO) without Kemendagri codes; load_regions() matches it by name."
        ),
    )
    dl.add_argument("--level", choices=["kabkota", "provinsi"], default="kabkota",
                    help="kabkota (ADM2, default) or provinsi (ADM1)")
    dl.add_argument("--url", default=None,
                    help="download this file instead of asking the geoBoundaries API")
    dl.add_argument("--sha256", default=None, metavar="HEX",
                    help="expected SHA-256 of the file; a mismatch is an error")
    dl.add_argument("--size", type=int, default=None, metavar="BYTES",
                    help="expected size of the file in bytes")
    dl.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                    help="give up after this many seconds in all, retries included (default: "
                         "settings.timeout_s, 30 s, per connect/read and settings.deadline_s, "
                         "600 s, in all)")
    dl.add_argument("--cache-dir", default=None, metavar="DIR",
                    help="cache folder (default: settings.cache_dir / PENGAMPUAN_CACHE_DIR)")
    dl.set_defaults(func=run_download)

    check = sub.add_parser(
        "check",
        help="read a boundary file, match it to Kemendagri codes and print the match report",
        description=(
            "Periksa berkas batas (GeoJSON, GeoPackage, Shapefile ber-zip, TopoJSON) dan "
            "cocokkan dengan kode Kemendagri / read a boundary file, match it by code and "
            "name and print every row that did not match. Exit code 1 when a feature "
            "cannot be matched."
        ),
    )
    check.add_argument("path", help="the boundary file")
    check.add_argument("--level", choices=["kabkota", "provinsi"], default="kabkota")
    check.add_argument("--code-col", default=None, help="column with the region code")
    check.add_argument("--name-col", default=None, help="column with the region name")
    check.add_argument("--province-col", default=None,
                       help="column with the province (code or name)")
    check.add_argument("--crs", default=None,
                       help="CRS of a file that has none, e.g. EPSG:4326")
    check.add_argument("--code-scheme", choices=["auto", "kemendagri", "bps"], default="auto",
                       help="scheme of 4-digit codes (default: decided from the data)")
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
