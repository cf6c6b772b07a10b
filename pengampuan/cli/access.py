"""``pengampuan access``: access to the nearest capable hospital per kab/kota (and an H3 grid)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np

from .._messages import fmt_km, fmt_min, msg
from .._messages import msg as _h
from ..config import DEFAULT_CONFIG, FASILITAS, FASILITAS_LAYANAN, STRATA
from . import (
    EXIT_OK,
    UsageError,
    add_boundaries,
    add_bukti,
    add_command,
    add_data,
    add_status,
    check_bukti,
    check_choice,
    empty_layer_notes,
    parse_layanan,
    regions_of,
    say_data_scope,
)

#: What to say when no hospital qualifies (see :func:`empty_layer_notes`).
EMPTY_NOTES = {"ada": "access_empty_ada", "target": "access_empty_target",
               "fasilitas": "access_empty_fasilitas"}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``access`` command."""
    p = add_command(subparsers, "access")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--layanan", metavar="LAYANAN",
                       help=_h("help_access_layanan",
                               values=", ".join(DEFAULT_CONFIG.target_layanan)))
    which.add_argument("--fasilitas", metavar="FASILITAS",
                       help=_h("help_access_fasilitas"))
    add_bukti(p)
    p.add_argument("--min-strata", default="madya", choices=list(STRATA),
                   help=_h("help_access_min_strata"))
    add_status(p)
    p.add_argument("--travel", default="simple", choices=["simple", "sea"],
                   help=_h("help_access_travel"))
    add_data(p)
    add_boundaries(p)
    p.add_argument("--out", required=True, metavar="FILE",
                   help=_h("help_access_out"))
    p.add_argument("--grid", type=int, default=None, metavar="RES",
                   help=_h("help_access_grid"))
    p.add_argument("--grid-out", default=None, metavar="FILE",
                   help=_h("help_access_grid_out"))
    p.add_argument("--progress", action="store_true",
                   help=_h("help_access_progress"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute district access (and the grid); write the files; print a summary."""
    from ..access import access_grid, district_access
    from ..io import load_dataset

    if (args.grid is None) != (args.grid_out is None):
        raise UsageError(msg("access_grid_pair"))
    if args.grid is not None and not 0 <= args.grid <= 15:
        raise UsageError(msg("access_grid_res", res=args.grid))
    layanan = (parse_layanan(args.layanan, allowed=DEFAULT_CONFIG.target_layanan)
               if args.layanan else None)
    lay = layanan[0] if layanan else None
    if layanan and len(layanan) > 1:
        raise UsageError(msg("access_one_layanan", given=", ".join(layanan)))
    fasilitas = (check_choice("--fasilitas", args.fasilitas, FASILITAS)
                 if args.fasilitas else None)
    from ..export.formats import check_extension, to_file

    check_extension(args.out, what="--out")
    if args.grid_out is not None:
        check_extension(args.grid_out, what="--grid-out")
    ds = load_dataset(args.data)
    regions = regions_of(args, ds.wilayah)
    say_data_scope(ds, regions)
    bukti = check_bukti(ds.config, args.bukti)
    what = lay or fasilitas
    options: dict[str, Any] = {"layanan": lay, "min_strata": args.min_strata, "status": args.status,
               "travel": args.travel, "show_progress": args.progress, "fasilitas": fasilitas,
               "bukti": bukti}
    with empty_layer_notes(EMPTY_NOTES):  # said once for the districts and the grid
        acc = district_access(ds, regions, **options)
        grid = (access_grid(ds, regions, resolution=args.grid, **options)
                if args.grid is not None else None)
    acc.attrs["layanan"] = what
    out = to_file(acc, Path(args.out), layer=f"akses_{what}")

    n = len(acc)
    finite = np.isfinite(acc["travel_min"].to_numpy(float))
    if fasilitas:
        print(msg("access_title_fasilitas", fasilitas=fasilitas,
                  travel=msg(f"travel_{args.travel}"), n=n))
    else:
        print(msg("access_title", layanan=ds.config.layanan_label(str(lay)),
                  strata=args.min_strata, status=args.status,
                  travel=msg(f"travel_{args.travel}"), n=n))
    print(msg("access_covered", k=int(acc["covered"].sum()), n=n))
    thr = ds.config.threshold_min(lay or FASILITAS_LAYANAN.get(str(fasilitas), ""))
    if thr is not None:
        print(msg("access_within", thr=fmt_min(thr),
                  k=int(acc["within_threshold"].fillna(False).sum()), n=n))
    if finite.any():
        print(msg("access_median",
                  d=fmt_km(float(np.median(acc["distance_km"].to_numpy(float)[finite]))),
                  t=fmt_min(float(np.median(acc["travel_min"].to_numpy(float)[finite])))))
    if (~finite).any():
        print(msg("access_none", k=int((~finite).sum())))
    print(msg("cli_wrote", path=out))

    if grid is not None:
        grid_path = to_file(grid, Path(args.grid_out), layer=f"grid_{what}")
        print(msg("access_grid", res=args.grid, n=len(grid)))
        unreachable = int((~np.isfinite(grid["travel_min"].to_numpy(float))).sum())
        if unreachable:
            print(msg("access_grid_none", k=unreachable))
        print(msg("cli_wrote", path=grid_path))
    return EXIT_OK

