"""``pengampuan plot --out DIR``: static maps and charts (PNG, SVG) for a report or a slide."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import STATUS, settings
from . import EXIT_OK, kabkota_regions

_TEXT = {
    "id": {"wrote": "ditulis: {path}", "done": "{n} berkas dalam {s:.0f} s",
           "report_file": "ditulis: {path} ({what})",
           "what_.gpkg": "GeoPackage: wilayah, rumah_sakit, jejaring, dengan gaya QGIS",
           "what_.xlsx": "buku kerja Excel", "what_.geojson": "lapisan kab/kota",
           "what_.shp": "lapisan kab/kota (Shapefile)", "what_.csv": "ringkasan"},
    "en": {"wrote": "written: {path}", "done": "{n} files in {s:.0f} s",
           "report_file": "written: {path} ({what})",
           "what_.gpkg": "GeoPackage: wilayah, rumah_sakit, jejaring, with QGIS styles",
           "what_.xlsx": "Excel workbook", "what_.geojson": "kab/kota layer",
           "what_.shp": "kab/kota layer (Shapefile)", "what_.csv": "summary"},
}

#: Kinds of figure the command can draw.
KINDS = ("akses", "grafik", "target", "jejaring")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``plot`` command."""
    p = subparsers.add_parser(
        "plot",
        help="static maps and charts (PNG, SVG) for reports and slides",
        description=(
            "Gambar peta statis dan grafik (PNG resolusi cetak dan SVG) untuk laporan Word atau "
            "PowerPoint / draw static maps and charts: peta_akses_<layanan> (travel time to the "
            "nearest hospital), grafik_dalam_ambang (population within the time threshold), "
            "grafik_target (targets met per layanan); with --kind also peta_target_<layanan> "
            "and peta_jejaring_<layanan>. Same classes and colours as the web map."
        ),
    )
    p.add_argument("--out", required=True, metavar="DIR", type=Path,
                   help="output folder (created if needed; files of the same names are replaced)")
    p.add_argument("--provinsi", default=None, metavar="PROVINSI",
                   help="one province, by code or name (e.g. 17 or Bengkulu): its kab/kota "
                        "named, charts per kab/kota (default: the whole country)")
    p.add_argument("--layanan", action="append", default=None, metavar="LAYANAN",
                   help="layanan to draw; repeat or separate with commas "
                        "(default: kanker, jantung, stroke, uronefrologi)")
    p.add_argument("--kind", action="append", default=None, metavar="KIND",
                   help=f"what to draw, repeat or separate with commas: {', '.join(KINDS)} "
                        "(default: akses,grafik)")
    p.add_argument("--status", choices=list(STATUS), default="target",
                   help="strata used: 'target' (default) or 'ada' (current only)")
    p.add_argument("--format", action="append", default=None, metavar="FMT",
                   help="png, svg or pdf; repeat or separate with commas (default: png,svg)")
    p.add_argument("--dpi", type=int, default=200,
                   help="resolution of PNG files (default 200, print quality)")
    p.add_argument("--data", default=None, metavar="DIR",
                   help="folder with the CSV files (default: the bundled data)")
    p.add_argument("--boundaries", default=None, metavar="FILE",
                   help="kab/kota boundary file (default: the bundled boundaries)")
    p.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS,
                   help="language of titles and legends (default: id)")
    p.set_defaults(func=run)


def _split(values: Sequence[str] | None) -> list[str] | None:
    if not values:
        return None
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def run(args: argparse.Namespace) -> int:
    """Draw the figures into ``args.out``; print the files written."""
    from ..figures import plot_coverage, plot_network, report_figures
    from ..io import load_dataset
    from ..office import report_tables

    t0 = time.perf_counter()
    lang = getattr(args, "lang", None)
    if lang:
        settings.language = lang
    lang = settings.language
    text = _TEXT[lang]
    kinds = _split(args.kind) or ["akses", "grafik"]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"--kind {','.join(unknown)}: expected some of {', '.join(KINDS)}")
    formats = _split(args.format) or ["png", "svg"]
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad:
        raise ValueError(f"--format {','.join(bad)}: expected png, svg or pdf")
    if not 50 <= args.dpi <= 1200:
        raise ValueError(f"--dpi {args.dpi}: expected 50..1200")
    ds = load_dataset(args.data)
    regions = kabkota_regions(args.boundaries, ds.wilayah)
    tables = report_tables(ds, regions, layanan=_split(args.layanan), status=args.status,
                           provinsi=args.provinsi)
    out_dir: Path = args.out
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(f"--out {out_dir} exists and is not a folder")
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
        print(text["wrote"].format(path=path))
    print(text["done"].format(n=len(written), s=time.perf_counter() - t0))
    return EXIT_OK


def write_report_file(path: Path, ds: Any, regions: Any, *, layanan: list[str] | None,
                      status: str, lang: str | None, csv_dialect: str = "standard",
                      provinsi: str | None = None) -> int:
    """``pengampuan report --out FILE.ext``: the report's tables as one file, by extension."""
    from ..excel import to_excel
    from ..formats import check_extension, to_file
    from ..gpkg import to_geopackage
    from ..office import report_tables

    ext = check_extension(path, what="--out")
    tables = report_tables(ds, regions, layanan=layanan, status=status, provinsi=provinsi)
    if ext == ".gpkg":
        to_geopackage(path, tables=tables, lang=lang)
    elif ext == ".xlsx":
        to_excel(path, tables=tables, lang=lang)
    elif ext == ".csv":
        to_file(tables.ringkasan, path, csv_dialect=csv_dialect)  # type: ignore[arg-type]
    else:
        to_file(tables.wilayah, path, layer="wilayah")
    text = _TEXT[lang or settings.language]
    print(text["report_file"].format(path=path, what=text[f"what_{ext}"]))
    return EXIT_OK
