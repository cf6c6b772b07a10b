"""Write the generated parts of README.md: the quick-start output and the CLI reference.

* Between ``<!-- quickstart-output:start -->`` and ``<!-- quickstart-output:end -->``:
  what the quick-start example (the first ``python`` block) prints on the bundled data.
* Between ``<!-- cli-help:start -->`` and ``<!-- cli-help:end -->``: ``pengampuan
  --help`` and the --help of every sub-command (and of the sub-commands of
  ``boundaries``), formatted for 100 columns.

    .venv/bin/python scripts/make_readme.py          # rewrite README.md
    .venv/bin/python scripts/make_readme.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- cli-help:start -->", "<!-- cli-help:end -->"
QS_START, QS_END = "<!-- quickstart-output:start -->", "<!-- quickstart-output:end -->"
WIDTH = 100


def help_texts() -> dict[str, str]:
    """``{"pengampuan": text, "pengampuan validate": text, ...}`` in --help order."""
    os.environ["COLUMNS"] = str(WIDTH)  # argparse wraps to the terminal width
    sys.path.insert(0, str(ROOT))
    from pengampuan.cli import build_parser
    from pengampuan.config import settings

    settings.language = "en"  # the README is in English; `pengampuan --help` speaks Indonesian
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
        "Generated from the commands' `--help` by `scripts/make_readme.py`. Every",
        "command takes the global options (`-v`, `--debug`, `--lang`) before its name,",
        "e.g. `pengampuan -v report --out laporan`. Shown here in English (`--lang en`); by",
        "default the help, every message and every number are in Bahasa Indonesia",
        "(`pengampuan --help`).",
        "",
    ]
    for title, text in texts.items():
        parts += [f"### `{title}`", "", "```text", text.rstrip(), "```", ""]
    parts.append(END)
    return "\n".join(parts)


def quickstart_output(readme: str) -> str:
    """What the first ``python`` block of the README prints, run in a scratch folder."""
    code = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    if code is None:
        raise SystemExit("README.md has no python block")
    sys.path.insert(0, str(ROOT))
    out = io.StringIO()
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(out):
        os.chdir(tmp)
        try:
            exec(compile(code[1], "README.md", "exec"), {"__name__": "__readme__"})  # noqa: S102
        finally:
            os.chdir(cwd)
    return "\n".join([QS_START, "```text", out.getvalue().rstrip(), "```", QS_END])


def replace_block(readme: str, start: str, end: str, block: str) -> str:
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    if not pattern.search(readme):
        raise SystemExit(f"README.md has no {start} ... {end} block")
    return pattern.sub(lambda _: block, readme)


def updated_readme(readme: str) -> str:
    readme = replace_block(readme, QS_START, QS_END, quickstart_output(readme))
    return replace_block(readme, START, END, render(help_texts()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if README.md differs from what would be written")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    new = updated_readme(readme)
    if args.check:
        if new != readme:
            raise SystemExit("README.md: the quick-start output or the command-line reference "
                             "is out of date; run scripts/make_readme.py")
        return
    README.write_text(new, encoding="utf-8")
    print("updated the quick-start output and the command-line reference in README.md")


if __name__ == "__main__":
    main()
