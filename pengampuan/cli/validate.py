"""``pengampuan validate [PATH]``: check a data folder and list every problem."""

from __future__ import annotations

import argparse
import sys

from .._messages import msg
from .._messages import msg as _h
from ..errors import MAX_PER_KIND
from . import EXIT_INVALID_DATA, EXIT_OK, add_command


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``validate`` command."""
    p = add_command(subparsers, "validate")
    p.add_argument("path", nargs="?", default=None, metavar="PATH",
                   help=_h("help_validate_path"))
    p.add_argument("--code-scheme", choices=["kemendagri", "bps"], default="kemendagri",
                   help=_h("help_validate_code_scheme"))
    p.add_argument("--format", choices=["text", "csv"], default="text", dest="output_format",
                   help=_h("help_validate_output_format"))
    p.add_argument("--config", default=None, metavar="TOML",
                   help=_h("help_validate_config"))
    p.add_argument("--limit", type=int, default=MAX_PER_KIND, metavar="N",
                   help=_h("help_validate_limit", n=MAX_PER_KIND))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate ``args.path``; print the report; 0 when valid, 1 when not."""
    from ..config import load_config
    from ..validate import validate

    config = load_config(args.config) if args.config else None
    report = validate(args.path, config=config, code_scheme=args.code_scheme)
    if args.output_format == "csv":
        report.problems.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        # the result (headline, counts, verdict) on stdout; the problems on stderr
        print(report.headline())
        if report.counts:
            print(report.summary())
        for line in report.problem_lines(args.limit or None):
            print(line, file=sys.stderr)
        print(msg("validate_ok") if report.ok else msg("validate_not_ok", n=report.n_errors))
    return EXIT_OK if report.ok else EXIT_INVALID_DATA
