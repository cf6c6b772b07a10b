"""``pengampuan access``: access to the nearest capable hospital per kab/kota (and an H3 grid)."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np

from ..config import BUKTI, DEFAULT_CONFIG, FASILITAS, FASILITAS_LAYANAN, STATUS, STRATA, settings
from . import EXIT_OK, kabkota_regions

_TEXT = {
    "id": {
        "title": "Akses layanan {layanan} (strata >= {strata}, status {status}, "
                 "waktu tempuh {travel}): {n} kab/kota",
        "title_fasilitas": "Akses fasilitas {fasilitas} (dilaporkan RS, bukan strata; waktu "
                           "tempuh {travel}): {n} kab/kota",
        "covered": "  ada RS mampu di kab/kota sendiri: {k} dari {n}",
        "within": "  dalam ambang {thr:.0f} menit: {k} dari {n}",
        "median": "  median jarak {d:.1f} km, median waktu tempuh {t:.0f} menit",
        "none": "  tanpa RS mampu yang terjangkau: {k} kab/kota",
        "grid": "  sel H3 resolusi {res}: {n:,} sel",
        "wrote": "ditulis: {path}",
        "empty_ada": "catatan: tidak ada RS {layanan} dengan strata >= {strata} berstatus "
                     "'ada'; semua kab/kota tanpa RS mampu. Data bawaan berisi strata target: "
                     "jalankan dengan --status target",
        "empty_target": "catatan: tidak ada RS {layanan} dengan strata >= {strata} (status "
                        "'target'); semua kab/kota tanpa RS mampu. Coba --min-strata yang lebih "
                        "rendah, atau periksa layanan.csv",
    },
    "en": {
        "title": "Access to {layanan} (strata >= {strata}, status {status}, "
                 "travel model {travel}): {n} districts",
        "title_fasilitas": "Access to {fasilitas} (a reported service, not a strata; "
                           "travel model {travel}): {n} districts",
        "covered": "  a capable hospital in the district itself: {k} of {n}",
        "within": "  within the {thr:.0f}-minute threshold: {k} of {n}",
        "median": "  median distance {d:.1f} km, median travel time {t:.0f} min",
        "none": "  no reachable capable hospital: {k} districts",
        "grid": "  H3 cells at resolution {res}: {n:,} cells",
        "wrote": "written: {path}",
        "empty_ada": "note: no {layanan} hospital at strata >= {strata} with status 'ada'; "
                     "no district has a capable hospital. The bundled data holds target "
                     "strata: run with --status target",
        "empty_target": "note: no {layanan} hospital at strata >= {strata} (status 'target'); "
                        "no district has a capable hospital. Try a lower --min-strata, or "
                        "check layanan.csv",
    },
}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``access`` command."""
    p = subparsers.add_parser(
        "access",
        help="distance and travel time to the nearest capable hospital per kab/kota",
        description=(
            "Jarak dan waktu tempuh ke RS terdekat yang mampu (layanan, strata minimal) per "
            "kab/kota, ditulis sebagai GeoJSON (RFC 7946) / distance and travel time to the "
            "nearest capable hospital per district, written as RFC 7946 GeoJSON. Optionally an "
            "H3 grid of the land as CSV."
        ),
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--layanan", choices=list(DEFAULT_CONFIG.target_layanan),
                       help="layanan code, e.g. stroke (hospitals by strata)")
    which.add_argument("--fasilitas", choices=list(FASILITAS),
                       help="a reported service instead of a layanan, e.g. hemodialisis, "
                            "cathlab, radioterapi (fasilitas.csv; --min-strata/--status "
                            "do not apply)")
    p.add_argument("--bukti", default=None, metavar="GRADES",
                   help=f"evidence grades that count, comma-separated, from {','.join(BUKTI)} "
                        "(default: regulasi,dokumen,berita)")
    p.add_argument("--min-strata", default="madya", choices=list(STRATA),
                   help="lowest strata that counts (default: madya)")
    p.add_argument("--status", default="target", choices=list(STATUS),
                   help="'target' (default: the higher of current and target strata; the "
                        "bundled strata are targets) or 'ada' (current strata only)")
    p.add_argument("--travel", default="simple", choices=["simple", "sea"],
                   help="travel-time model: 'simple' (road, great-circle x circuity) or 'sea' "
                        "(H3 land/sea graph with ferry crossings)")
    p.add_argument("--data", default=None, metavar="DIR",
                   help="folder with the CSV files (default: the bundled data)")
    p.add_argument("--boundaries", default=None, metavar="FILE",
                   help="kab/kota boundary file (default: the bundled boundaries); matched to "
                        "Kemendagri codes, or used as is when its 'kode' column holds the "
                        "kab/kota codes of the dataset's own wilayah.csv")
    p.add_argument("--out", required=True, metavar="FILE",
                   help="file to write, one feature per kab/kota; the format follows the "
                        "extension: .geojson, .gpkg (styled for QGIS), .shp, .csv, .xlsx")
    p.add_argument("--grid", type=int, default=None, metavar="RES",
                   help="also compute an H3 grid of the land at this resolution (e.g. 7)")
    p.add_argument("--grid-out", default=None, metavar="FILE",
                   help="file for the grid (required with --grid): .csv, .gpkg (hexagons), "
                        ".geojson, .shp, .xlsx")
    p.add_argument("--progress", action="store_true", help="show progress bars")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute district access (and the grid); write the files; print a summary."""
    from ..access import NoCapableHospitalWarning, access_grid, district_access
    from ..io import load_dataset

    text = _TEXT[settings.language]
    if (args.grid is None) != (args.grid_out is None):
        raise ValueError("--grid RES and --grid-out FILE go together; give both or neither")
    if args.grid is not None and not 0 <= args.grid <= 15:
        raise ValueError(f"--grid {args.grid}: expected an H3 resolution 0..15")
    from ..formats import check_extension, to_file

    check_extension(args.out, what="--out")
    if args.grid_out is not None:
        check_extension(args.grid_out, what="--grid-out")
    ds = load_dataset(args.data)
    regions = kabkota_regions(args.boundaries, ds.wilayah)
    bukti = ds.config.check_bukti(args.bukti)
    what = args.layanan or args.fasilitas
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NoCapableHospitalWarning)
        acc = district_access(ds, regions, layanan=args.layanan, min_strata=args.min_strata,
                              status=args.status, travel=args.travel,
                              show_progress=args.progress, fasilitas=args.fasilitas,
                              bukti=bukti)
    for w in caught:
        if isinstance(w.message, NoCapableHospitalWarning):
            print(text[f"empty_{args.status}"].format(layanan=what,
                                                      strata=args.min_strata), file=sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    acc.attrs["layanan"] = what
    out = to_file(acc, Path(args.out), layer=f"akses_{what}")

    n = len(acc)
    finite = np.isfinite(acc["travel_min"].to_numpy(float))
    if args.fasilitas:
        print(text["title_fasilitas"].format(fasilitas=args.fasilitas, travel=args.travel, n=n))
    else:
        print(text["title"].format(layanan=args.layanan, strata=args.min_strata,
                                   status=args.status, travel=args.travel, n=n))
    print(text["covered"].format(k=int(acc["covered"].sum()), n=n))
    thr = ds.config.threshold_min(args.layanan or FASILITAS_LAYANAN.get(args.fasilitas, ""))
    if thr is not None:
        print(text["within"].format(thr=thr, k=int(acc["within_threshold"].fillna(False).sum()),
                                    n=n))
    if finite.any():
        print(text["median"].format(d=float(np.median(acc["distance_km"].to_numpy(float)[finite])),
                                    t=float(np.median(acc["travel_min"].to_numpy(float)[finite]))))
    if (~finite).any():
        print(text["none"].format(k=int((~finite).sum())))
    print(text["wrote"].format(path=out))

    if args.grid is not None:
        grid = access_grid(ds, regions, layanan=args.layanan, min_strata=args.min_strata,
                           status=args.status, resolution=args.grid, travel=args.travel,
                           show_progress=args.progress, fasilitas=args.fasilitas, bukti=bukti)
        grid_path = to_file(grid, Path(args.grid_out), layer=f"grid_{what}")
        print(text["grid"].format(res=args.grid, n=len(grid)))
        print(text["wrote"].format(path=grid_path))
    return EXIT_OK

