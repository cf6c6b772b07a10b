"""``pengampuan plot --out DIR``: static maps and charts (PNG, SVG) for a report or a slide."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from .._messages import msg
from .._messages import msg as _h
from ..config import settings
from . import (
    EXIT_OK,
    MAP_NOTES,
    UsageError,
    add_boundaries,
    add_command,
    add_data,
    add_lang,
    add_layanan,
    add_provinsi,
    add_status,
    check_choice,
    empty_layer_notes,
    parse_layanan,
    parse_provinsi,
    regions_of,
    say_data_scope,
    split_values,
)

#: Kinds of figure the command can draw.
KINDS = ("akses", "grafik", "target", "jejaring")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``plot`` command."""
    p = add_command(subparsers, "plot")
    p.add_argument("--out", required=True, metavar="DIR", type=Path,
                   help=_h("help_plot_out"))
    add_provinsi(p, _h("help_plot_provinsi"))
    add_layanan(p, _h("help_plot_layanan"))
    p.add_argument("--kind", action="append", default=None, metavar="KIND",
                   help=_h("help_plot_kind", values=", ".join(KINDS)))
    add_status(p)
    p.add_argument("--format", action="append", default=None, metavar="FMT",
                   help=_h("help_plot_format"))
    p.add_argument("--dpi", type=int, default=200,
                   help=_h("help_plot_dpi"))
    add_data(p)
    add_boundaries(p)
    add_lang(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Draw the figures into ``args.out``; print the files written."""
    from ..export.figures import plot_coverage, plot_network, report_figures
    from ..export.tables import report_tables
    from ..io import load_dataset

    t0 = time.perf_counter()
    lang = settings.language
    kinds = [check_choice("--kind", k, KINDS) for k in split_values(args.kind)] or [
        "akses", "grafik"]
    formats = [check_choice("--format", f, ("png", "svg", "pdf"))
               for f in split_values(args.format)] or ["png", "svg"]
    if not 50 <= args.dpi <= 1200:
        raise UsageError(msg("plot_dpi", dpi=args.dpi))
    layanan = parse_layanan(args.layanan)
    ds = load_dataset(args.data)
    resolved = parse_provinsi(args.provinsi, ds.wilayah)
    regions = regions_of(args, ds.wilayah)
    say_data_scope(ds, regions)
    with empty_layer_notes(MAP_NOTES):
        tables = report_tables(ds, regions, layanan=layanan, status=args.status,
                               provinsi=None if resolved is None else resolved[0])
    out_dir: Path = args.out
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(msg("plot_out_not_folder", path=out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if "akses" in kinds or "grafik" in kinds:
        files = report_figures(out_dir, tables, lang=lang, formats=formats, dpi=args.dpi)
        written.update({k: v for k, v in files.items()
                        if ("akses" in kinds or not k.startswith("peta_akses_"))
                        and ("grafik" in kinds or not k.startswith("grafik_"))})
        for name, path in files.items():
            if name not in written:
                path.unlink()
    for lay in tables.layanan:
        figs: list[tuple[str, Any]] = []
        if "target" in kinds:
            figs.append((f"peta_target_{lay}", plot_coverage(
                tables.gaps, tables.wilayah, layanan=lay, ds=ds, provinsi=tables.provinsi,
                status=tables.status, lang=lang)))
        if "jejaring" in kinds:
            figs.append((f"peta_jejaring_{lay}", plot_network(
                tables.network, layanan=lay, ds=ds, regions=regions, provinsi=tables.provinsi,
                status=tables.status, lang=lang)))
        for stem, fig in figs:
            for fmt in formats:
                path = out_dir / f"{stem}.{fmt}"
                fig.savefig(path, format=fmt, dpi=args.dpi if fmt == "png" else None)
                written[path.name] = path
    for path in written.values():
        print(msg("cli_wrote", path=path))
    print(msg("plot_done", n=len(written), s=time.perf_counter() - t0))
    return EXIT_OK


def write_report_file(path: Path, ds: Any, regions: Any, *, layanan: list[str] | None,
                      status: str, lang: str | None, csv_dialect: str = "standard",
                      provinsi: str | None = None, travel: str = "simple") -> int:
    """``pengampuan report --out FILE.ext``: the report's tables as one file, by extension."""
    from ..export.excel import to_excel
    from ..export.formats import check_extension, to_file
    from ..export.gpkg import to_geopackage
    from ..export.tables import report_tables

    ext = check_extension(path, what="--out")
    tables = report_tables(ds, regions, layanan=layanan, status=status, provinsi=provinsi,
                           travel=travel)
    if ext == ".gpkg":
        to_geopackage(path, tables=tables, lang=lang)
    elif ext == ".xlsx":
        to_excel(path, tables=tables, lang=lang)
    elif ext == ".csv":
        to_file(tables.summary_table(lang), path, csv_dialect=csv_dialect)  # type: ignore[arg-type]
    else:
        to_file(tables.wilayah, path, layer="wilayah")
    print(msg("report_file", lang, path=path, what=msg(f"report_file_{ext[1:]}", lang)))
    return EXIT_OK
