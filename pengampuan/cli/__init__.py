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
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .. import __version__
from .._messages import msg
from .._messages import msg as _h
from ..errors import PengampuanError

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
        description=_h("desc_main"),
    )
    parser.add_argument("--version", action="version", version=f"pengampuan {__version__}",
                        help=_h("help_main_version"))
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help=_h("help_main_verbose"))
    parser.add_argument("--debug", action="store_true",
                        help=_h("help_main_debug"))
    parser.add_argument("--lang", choices=["id", "en"], default=None,
                        help=_h("help_main_lang"))
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
    from ..config import settings

    args_list = list(sys.argv[1:] if argv is None else argv)
    previous = settings.language
    lang = _lang_in(args_list)  # before the parser is built: --help speaks it too
    if lang:
        settings.language = lang
    try:
        with _argparse_words():
            parser = build_parser()
            args = parser.parse_args(args_list)
        return _run(parser, args)
    finally:
        settings.language = previous


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    if args.command is None:
        with _argparse_words():
            parser.print_help()
        return EXIT_USAGE
    from .._messages import command_line
    from ..errors import DataFileError, DownloadError, PengampuanError

    try:
        with _terminate_as_exit(), _short_warnings(), command_line():
            return int(args.func(args))
    except (DataFileError, FileNotFoundError, DownloadError, PengampuanError, ValueError,
            OSError) as err:
        if args.debug:
            raise
        code = exit_code_for(err)
        with command_line():
            print(f"pengampuan {args.command}: {error_text(err)}", file=sys.stderr)
        return code
    except KeyboardInterrupt:  # pragma: no cover
        print(msg("cli_interrupted"), file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - no traceback without --debug, whatever failed
        if args.debug:
            raise
        print(f"pengampuan {args.command}: "
              + msg("cli_bug", kind=type(err).__name__, error=str(err)), file=sys.stderr)
        return EXIT_OTHER


def _lang_in(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` (``--lang en`` or ``--lang=en``) anywhere in ``argv``, if valid."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in ("id", "en"):
            return value
    return None


#: argparse's own texts (Python 3.11) -> catalogue keys, so usage errors and --help speak
#: the user's language too.
_ARGPARSE_KEYS = {
    "usage: ": "argparse_usage",
    "positional arguments": "argparse_positional",
    "options": "argparse_options",
    "show this help message and exit": "argparse_help",
    "%(prog)s: error: %(message)s\n": "argparse_error",
    "the following arguments are required: %s": "argparse_required",
    "unrecognized arguments: %s": "argparse_unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse_invalid_choice",
    "argument %(argument_name)s: %(message)s": "argparse_argument",
    "expected one argument": "argparse_one_value",
    "expected at least one argument": "argparse_at_least_one",
    "expected at most one argument": "argparse_at_most_one",
    "invalid %(type)s value: %(value)r": "argparse_invalid_value",
    "not allowed with argument %s": "argparse_not_allowed",
    "one of the arguments %s is required": "argparse_one_required",
    "ambiguous option: %(option)s could match %(matches)s": "argparse_ambiguous",
    "ignored explicit argument %r": "argparse_ignored",
}


@contextlib.contextmanager
def _argparse_words() -> Iterator[None]:
    """Argparse's own words (``usage:``, ``invalid choice``, ...) in the user's language.

    argparse looks its texts up through ``gettext``; while the parser is built and
    used, its lookup function is the message catalogue (and put back afterwards).
    """
    from .._messages import template

    previous = argparse._  # type: ignore[attr-defined]

    def words(text: str) -> str:
        key = _ARGPARSE_KEYS.get(text)
        return template(key) if key else previous(text)

    argparse._ = words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = previous  # type: ignore[attr-defined]


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
    """Warnings on stderr as ``[peringatan] message`` lines: no source line, no module path.

    Installed by the command line only (``warnings.showwarning`` is put back
    afterwards); the Python API warns as usual.
    """
    import warnings

    from .._messages import severity_label

    previous = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: Any = None, line: str | None = None) -> None:
        stream = sys.stderr if file is None else file
        try:
            stream.write(f"[{severity_label('warning')}] {message}\n")
        except (OSError, AttributeError):  # pragma: no cover - stderr closed
            pass

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = previous


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


def kabkota_regions(boundaries: str | None, wilayah: Any, *,
                    on_unmatched: str = "raise") -> Any:
    """Kab/kota polygons for a command: the bundled ones, or the ``--boundaries`` file.

    Only the kab/kota that ``wilayah`` (the data's ``wilayah.csv``) lists are
    kept (:func:`pengampuan.export.tables.data_regions`): the scope follows
    the data, so one province's folder is analysed for that province.

    A file whose ``kode`` values are all kab/kota codes of the dataset's own
    ``wilayah`` (e.g. a dataset with its own region list) is used as it is,
    after the checks of :func:`pengampuan.regions.read_boundary_file`
    (polygons, a CRS, valid geometry); any other file is matched to the
    Kemendagri codes by :func:`pengampuan.regions.load_regions`, whose features
    that match no region follow ``on_unmatched`` (``--on-unmatched``).
    """
    from pathlib import Path

    from ..export.tables import data_regions
    from ..regions import load_regions, read_boundary_file

    if boundaries is None:
        return data_regions(load_regions(level="kabkota"), wilayah)
    path = Path(boundaries)
    if not path.exists():
        raise FileNotFoundError(msg("cli_boundaries_missing", path=path))
    gdf = read_boundary_file(path)
    own = set(wilayah.loc[wilayah["tingkat"] == "kabkota", "kode"].astype(str))
    if {"kode", "nama"} <= set(gdf.columns) and len(gdf) and set(gdf["kode"].astype(str)) <= own:
        if "kode_induk" not in gdf:  # the regions contract: kode, nama, kode_induk, geometry
            induk = wilayah.set_index(wilayah["kode"].astype(str))["kode_induk"]
            gdf = gdf.assign(kode_induk=gdf["kode"].astype(str).map(induk))
        return gdf
    regions = load_regions(level="kabkota", source=path,
                           on_unmatched=on_unmatched)  # type: ignore[arg-type]
    # --on-unmatched warn/keep: go on without the features that match no kab/kota
    return data_regions(regions[regions["kode"].notna()].reset_index(drop=True), wilayah)


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


class UsageError(PengampuanError, ValueError):
    """A command-line value that cannot be used (exit code 1, like other invalid values)."""


def split_values(values: Sequence[str] | str | None) -> list[str]:
    """Values of a repeatable, comma-separated flag: ``["a,b", "c"]`` -> ``["a", "b", "c"]``."""
    if values is None:
        return []
    items = [values] if isinstance(values, str) else list(values)
    return [v.strip() for value in items for v in str(value).split(",") if v.strip()]


def parse_layanan(values: Sequence[str] | str | None, config: Any = None, *,
                  allowed: Sequence[str] | None = None, flag: str = "--layanan",
                  ) -> list[str] | None:
    """Layanan codes from what the user typed, spelled as the data files accept them.

    Case, spaces and the aliases of the configuration (``onkologi``, ``strok``,
    ``kardiovaskular``, ...) are read as in ``layanan.csv``. A value that names
    no layanan (or one outside ``allowed``) is a :class:`UsageError` listing
    the allowed values and the closest ones. None when nothing was given.

    Examples
    --------
    >>> parse_layanan(["Stroke,onkologi", "strok"])
    ['stroke', 'kanker']
    """
    from ..config import DEFAULT_CONFIG

    cfg = config or DEFAULT_CONFIG
    allowed = list(allowed if allowed is not None else cfg.layanan)
    out: list[str] = []
    for value in split_values(values):
        code = cfg.normalise_layanan(value)
        if code is None or code not in allowed:
            raise UsageError(_unknown_value(flag, value, allowed, cfg.layanan_aliases))
        out.append(code)
    return list(dict.fromkeys(out)) or None


def check_choice(flag: str, value: str, allowed: Sequence[str]) -> str:
    """``value`` (any case) if it is one of ``allowed``, else a :class:`UsageError`."""
    key = value.strip().lower()
    if key in allowed:
        return key
    raise UsageError(_unknown_value(flag, value, allowed, {}))


def _unknown_value(flag: str, value: str, allowed: Sequence[str],
                   aliases: Any) -> str:
    import difflib

    names = list(allowed) + [a for a, c in dict(aliases).items() if c in allowed]
    close = difflib.get_close_matches(value.strip().lower(), names, n=3, cutoff=0.6)
    text = msg("cli_unknown_value", flag=flag, value=value, allowed=", ".join(allowed))
    shown = [f"{a!r} ({c})" for a, c in sorted(dict(aliases).items()) if c in allowed]
    if shown:
        text += msg("cli_aliases", aliases=", ".join(shown))
    if close:
        text += msg("cli_closest", close=", ".join(close))
    return text


def parse_provinsi(value: str | None, wilayah: Any = None) -> tuple[str, str] | None:
    """``(kode, nama)`` of ``--provinsi`` (a code or any spelling of a name), or None.

    Resolved by :func:`pengampuan.provinsi.resolve_provinsi` against the
    provinces of ``wilayah`` (the dataset's region list), so ``17``,
    ``Bengkulu``, ``PROVINSI BENGKULU``, ``banten``, ``DKI`` and ``DKJ`` all
    work; an unknown name is a :class:`UsageError` naming the closest provinces.

    Examples
    --------
    >>> parse_provinsi("banten"), parse_provinsi("PROVINSI BENGKULU")
    (('36', 'Banten'), ('17', 'Bengkulu'))
    >>> parse_provinsi("DKJ")[0], parse_provinsi("Daerah Khusus Jakarta")[0]
    ('31', '31')
    """
    if value is None:
        return None
    from ..errors import RegionMatchError
    from ..provinsi import resolve_provinsi

    prov = None
    if wilayah is not None and "tingkat" in wilayah:
        prov = wilayah[wilayah["tingkat"].astype(str) == "provinsi"]
        prov = prov if len(prov) else None
    try:
        return resolve_provinsi(value, prov)
    except RegionMatchError as err:
        raise UsageError(f"--provinsi: {err}") from None


def check_bukti(config: Any, value: str | None) -> tuple[str, ...] | None:
    """The grades of ``--bukti`` (comma list), or a :class:`UsageError` naming the allowed ones."""
    from ..config import BUKTI

    if value is None:
        return config.check_bukti(None)  # type: ignore[no-any-return]
    grades = [g.lower() for g in split_values(value)]
    for g in grades or [value]:
        if g not in BUKTI:
            raise UsageError(_unknown_value("--bukti", g, BUKTI, {}))
    return config.check_bukti(grades)  # type: ignore[no-any-return]


ON_UNMATCHED_CHOICES = ("raise", "warn", "keep")


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
                name: str) -> argparse.ArgumentParser:
    """The parser of command ``name``: its help line and description from the catalogue.

    The keys are ``help_cmd_<name>`` and ``desc_<name>``.
    """
    return subparsers.add_parser(name, help=_h(f"help_cmd_{name}"),
                                 description=_h(f"desc_{name}"))


# --- options shared by the commands: one spelling, one help text each ------------------------
def add_data(parser: argparse.ArgumentParser) -> None:
    """``--data DIR``: the data folder (read by :func:`pengampuan.load_dataset`)."""
    parser.add_argument("--data", default=None, metavar="DIR", help=_h("help_opt_data"))


def add_boundaries(parser: argparse.ArgumentParser) -> None:
    """``--boundaries FILE`` and ``--on-unmatched`` (read by :func:`regions_of`)."""
    parser.add_argument("--boundaries", default=None, metavar="FILE",
                        help=_h("help_opt_boundaries"))
    add_on_unmatched(parser)


def add_on_unmatched(parser: argparse.ArgumentParser) -> None:
    """The ``--on-unmatched`` flag of the commands that read a ``--boundaries`` file."""
    parser.add_argument(
        "--on-unmatched", choices=list(ON_UNMATCHED_CHOICES), default="raise",
        help=_h("help_main_on_unmatched"))


def add_layanan(parser: argparse.ArgumentParser, help: str) -> None:
    """``--layanan``, repeatable and comma-separated (read by :func:`parse_layanan`)."""
    parser.add_argument("--layanan", action="append", default=None, metavar="LAYANAN",
                        help=help)


def add_provinsi(parser: argparse.ArgumentParser, help: str) -> None:
    """``--provinsi``: a code or any spelling of a name (read by :func:`parse_provinsi`)."""
    parser.add_argument("--provinsi", default=None, metavar="PROVINSI", help=help)


def add_status(parser: argparse.ArgumentParser) -> None:
    """``--status target|ada`` (default ``target``)."""
    from ..config import STATUS

    parser.add_argument("--status", choices=list(STATUS), default="target",
                        help=_h("help_opt_status"))


def add_bukti(parser: argparse.ArgumentParser) -> None:
    """``--bukti`` (comma list of evidence grades; read by :func:`check_bukti`)."""
    from ..config import BUKTI

    parser.add_argument("--bukti", default=None, metavar="GRADES",
                        help=_h("help_opt_bukti", values=",".join(BUKTI)))


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang`` after the command name too (the top-level ``--lang`` sets the same value)."""
    parser.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS,
                        help=_h("help_opt_lang"))


def regions_of(args: argparse.Namespace, wilayah: Any) -> Any:
    """The kab/kota polygons of ``--boundaries`` and ``--on-unmatched``: :func:`kabkota_regions`."""
    return kabkota_regions(args.boundaries, wilayah, on_unmatched=args.on_unmatched)


def say_data_scope(ds: Any, regions: Any) -> None:
    """One line on stdout when the kab/kota analysed come from the data's own ``wilayah.csv``.

    Says how many kab/kota in how many provinces (and which provinces), so a
    report from one province's folder is visibly about that province.
    """
    from ..export.tables import data_scope

    scope = data_scope(ds, regions)
    if not scope.from_data:
        return
    names = ", ".join(n for _, n in scope.provinsi[:6]) + (
        ", ..." if len(scope.provinsi) > 6 else "")
    print(msg("scope_from_data", n_kab=len(scope.kabkota), n_prov=len(scope.provinsi),
              names=names))


#: The notes of ``report`` and ``plot`` when no hospital qualifies (the maps say so too).
MAP_NOTES = {"ada": "report_empty_ada", "target": "report_empty_target",
             "fasilitas": "report_empty_fasilitas"}


@contextlib.contextmanager
def empty_layer_notes(keys: Mapping[str, str]) -> Iterator[None]:
    """Say on stderr, in the user's words, which option to change when no hospital qualifies.

    Every :class:`~pengampuan.access.NoCapableHospitalWarning` raised inside the
    block becomes the catalogue message ``keys[status]`` (``keys["fasilitas"]`` for
    a reported service), once each; other warnings pass on as they are.
    """
    import warnings

    from ..access import NoCapableHospitalWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NoCapableHospitalWarning)
        yield
    said: set[str] = set()
    for w in caught:
        if not isinstance(w.message, NoCapableHospitalWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            continue
        note = w.message
        text = (msg(keys["fasilitas"], fasilitas=note.fasilitas) if note.fasilitas
                else msg(keys[note.status], layanan=note.layanan, strata=note.min_strata))
        if text not in said:
            said.add(text)
            print(text, file=sys.stderr)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
