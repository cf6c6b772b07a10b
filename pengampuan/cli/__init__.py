"""Command line: ``pengampuan validate | report | access | network | boundaries | plot``.

A thin layer over the library. Each command lives in its own module of this
package with ``add_parser(subparsers)`` and ``run(args) -> int``. Results go to
stdout, logs to stderr. No traceback is shown unless ``--debug`` is given.

Exit codes
----------
0 success; 1 invalid data or configuration; 2 wrong usage; 3 a file or folder does not
exist; 4 network or download failure; 5 any other error. SIGTERM ends a command through
Python's exit (temporary files are removed), with the usual code 143.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from .. import __version__

EXIT_OK = 0
EXIT_INVALID_DATA = 1
EXIT_USAGE = 2
EXIT_MISSING_FILE = 3
EXIT_NETWORK = 4
EXIT_OTHER = 5

#: command name -> module in this package (added in the order shown by --help)
COMMANDS = ("validate", "report", "access", "network", "boundaries", "plot")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available sub-command."""
    parser = argparse.ArgumentParser(
        prog="pengampuan",
        description=(
            "Analisis geospasial jejaring pengampuan rumah sakit (KJSU) Indonesia / "
            "geospatial analysis of Indonesia's hospital referral networks."
        ),
    )
    parser.add_argument("--version", action="version", version=f"pengampuan {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output on stderr (-v info, -vv debug)")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback when something fails")
    parser.add_argument("--lang", choices=["id", "en"], default=None,
                        help="language of labels and messages on maps (default: id)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as err:  # a command module not present in this build
            if err.name != f"{__name__}.{name}":
                raise
            continue
        mod.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see module docstring)."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from ..config import settings
    from ..errors import DataFileError, DownloadError, PengampuanError

    if args.lang:
        settings.language = args.lang
    try:
        with _terminate_as_exit(), _short_warnings():
            return int(args.func(args))
    except (DataFileError, FileNotFoundError, DownloadError, PengampuanError, ValueError,
            OSError) as err:
        if args.debug:
            raise
        code = exit_code_for(err)
        print(f"pengampuan {args.command}: {error_text(err)}", file=sys.stderr)
        return code
    except KeyboardInterrupt:  # pragma: no cover
        print("dibatalkan / interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - no traceback without --debug, whatever failed
        if args.debug:
            raise
        print(f"pengampuan {args.command}: unexpected {type(err).__name__}: {err}\n"
              "This is a bug in pengampuan, not in your data: please report it with the "
              "output of the same command with --debug.", file=sys.stderr)
        return EXIT_OTHER


def error_text(err: BaseException) -> str:
    """The message of an error for the terminal (problems capped per kind, see errors.py)."""
    from ..errors import DataFileError

    if isinstance(err, DataFileError) and hasattr(err.problems, "columns") and len(err.problems):
        from ..errors import _format_problems

        return _format_problems(err.problems)
    if isinstance(err, OSError) and not str(err).strip() and err.filename:
        return f"{err.filename}: {err.strerror or type(err).__name__}"
    return str(err)


@contextlib.contextmanager
def _short_warnings() -> Iterator[None]:
    """Warnings on stderr as ``[warning] message`` lines, without Python's source line."""
    import warnings

    previous = warnings.formatwarning

    def short(message: Warning | str, category: type[Warning], filename: str, lineno: int,
              line: str | None = None) -> str:
        return f"[warning] {message}\n"

    warnings.formatwarning = short
    try:
        yield
    finally:
        warnings.formatwarning = previous


class _Terminated(SystemExit):
    """SIGTERM turned into an exit, so that ``finally`` blocks clean up temporary files."""


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While a command runs, SIGTERM exits through Python (cleaning up) instead of killing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise _Terminated(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):  # pragma: no cover - no signals here (embedded interpreter)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def kabkota_regions(boundaries: str | None, wilayah: Any) -> Any:
    """Kab/kota polygons for a command: the bundled ones, or the ``--boundaries`` file.

    A file whose ``kode`` values are all kab/kota codes of the dataset's own
    ``wilayah`` (e.g. a dataset with its own region list) is used as it is,
    after the checks of :func:`pengampuan.regions.read_boundary_file`
    (polygons, a CRS, valid geometry); any other file is matched to the
    Kemendagri codes by :func:`pengampuan.regions.load_regions`.
    """
    from pathlib import Path

    from ..regions import load_regions, read_boundary_file

    if boundaries is None:
        return load_regions(level="kabkota")
    path = Path(boundaries)
    if not path.exists():
        raise FileNotFoundError(f"--boundaries {path}: file does not exist")
    gdf = read_boundary_file(path)
    own = set(wilayah.loc[wilayah["tingkat"] == "kabkota", "kode"].astype(str))
    if {"kode", "nama"} <= set(gdf.columns) and len(gdf) and set(gdf["kode"].astype(str)) <= own:
        if "kode_induk" not in gdf:  # the regions contract: kode, nama, kode_induk, geometry
            induk = wilayah.set_index(wilayah["kode"].astype(str))["kode_induk"]
            gdf = gdf.assign(kode_induk=gdf["kode"].astype(str).map(induk))
        return gdf
    return load_regions(level="kabkota", source=path)


def exit_code_for(err: BaseException) -> int:
    """Exit code for an exception raised by a command (see module docstring)."""
    from ..errors import DataFileError, DataFileMissingError, DownloadError, PengampuanError

    if isinstance(err, DataFileMissingError):
        return EXIT_MISSING_FILE
    if isinstance(err, DataFileError):
        return EXIT_INVALID_DATA
    if isinstance(err, DownloadError):
        return EXIT_NETWORK
    if isinstance(err, FileNotFoundError):
        return EXIT_MISSING_FILE
    if isinstance(err, (PengampuanError, ValueError)):
        return EXIT_OTHER if not isinstance(err, ValueError) else EXIT_INVALID_DATA
    return EXIT_OTHER


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
