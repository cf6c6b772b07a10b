"""Write the command-line reference of README.md from the commands' own --help.

The text between ``<!-- cli-help:start -->`` and ``<!-- cli-help:end -->`` in
README.md is replaced by ``pengampuan --help`` and the --help of every
sub-command (and of the sub-commands of ``boundaries``), formatted for 100 columns:

    .venv/bin/python scripts/make_cli_reference.py          # rewrite README.md
    .venv/bin/python scripts/make_cli_reference.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- cli-help:start -->", "<!-- cli-help:end -->"
WIDTH = 100


def help_texts() -> dict[str, str]:
    """``{"pengampuan": text, "pengampuan validate": text, ...}`` in --help order."""
    os.environ["COLUMNS"] = str(WIDTH)  # argparse wraps to the terminal width
    sys.path.insert(0, str(ROOT))
    from pengampuan.cli import build_parser

    texts: dict[str, str] = {}

    def walk(title: str, parser: argparse.ArgumentParser) -> None:
        texts[title] = parser.format_help()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(f"{title} {name}", sub)

    walk("pengampuan", build_parser())
    return texts


def render(texts: dict[str, str]) -> str:
    parts = [
        START,
        "Generated from the commands' `--help` by `scripts/make_cli_reference.py`. Every",
        "command takes the global options (`-v`, `--debug`, `--lang`) before its name,",
        "e.g. `pengampuan -v report --out laporan`.",
        "",
    ]
    for title, text in texts.items():
        parts += [f"### `{title}`", "", "```text", text.rstrip(), "```", ""]
    parts.append(END)
    return "\n".join(parts)


def updated_readme(readme: str, block: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(readme):
        raise SystemExit(f"README.md has no {START} ... {END} block")
    return pattern.sub(lambda _: block, readme)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if README.md differs from the generated reference")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    new = updated_readme(readme, render(help_texts()))
    if args.check:
        if new != readme:
            raise SystemExit("README.md: the command-line reference is out of date; "
                             "run scripts/make_cli_reference.py")
        return
    README.write_text(new, encoding="utf-8")
    print("updated the command-line reference in README.md")


if __name__ == "__main__":
    main()
