"""Write docs/bad_inputs.md: what pengampuan does with every case of tests/bad_inputs/.

Each folder of ``tests/bad_inputs/csv/`` is a small data folder with one defect
or spreadsheet quirk; this script runs :func:`pengampuan.validate` on each and
tabulates the outcome (accepted, accepted with a note, warning, error) and the
message a user sees. Each file of ``tests/bad_inputs/boundaries/`` is a
boundary file; it is loaded with :func:`pengampuan.load_regions` (``level`` is
``"provinsi"`` when the file name ends in ``_provinsi``, else ``"kabkota"``) and
the outcome is the error raised, the warning given, or the regions returned.

    .venv/bin/python scripts/make_bad_inputs_table.py          # rewrite docs/bad_inputs.md
    .venv/bin/python scripts/make_bad_inputs_table.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV_CASES = Path("tests/bad_inputs/csv")
BOUNDARY_CASES = Path("tests/bad_inputs/boundaries")
CONFIG_CASES = Path("tests/bad_inputs/config")
OUT = ROOT / "docs" / "bad_inputs.md"

OUTCOME_ORDER = ("error", "warning", "note", "accepted")
OUTCOME_SHORT = {
    "error": "refused (error)",
    "warning": "accepted with a warning",
    "note": "accepted with a note",
    "accepted": "accepted as they are",
}
OUTCOME_LABEL = {
    "error": "**error** (exit 1)",
    "warning": "warning",
    "note": "accepted, with a note",
    "accepted": "accepted",
}


@dataclass(frozen=True)
class Case:
    name: str
    outcome: str  # one of OUTCOME_ORDER
    message: str
    expected: str  # the fragment the test suite expects ("" if none)
    change: str = ""  # what differs from the corpus's base dataset

    @property
    def matches(self) -> bool:
        return not self.expected or self.expected in self.message


def _options(folder: Path) -> dict[str, str]:
    """Keyword arguments from a case's options.txt (``--code-scheme bps`` -> code_scheme)."""
    path = folder / "options.txt"
    if not path.is_file():
        return {}
    words = shlex.split(path.read_text(encoding="utf-8"))
    out = {}
    for flag, value in zip(words[::2], words[1::2], strict=True):
        out[flag.lstrip("-").replace("-", "_")] = value
    return out


def _expected(folder: Path) -> str:
    path = folder / "expected.txt"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""


def _base_files() -> dict[str, bytes]:
    """The corpus's base dataset (``BASE`` of make_cases.py), if the generator has one."""
    script = CSV_CASES / "make_cases.py"
    if not script.is_file():
        return {}
    namespace: dict[str, object] = {"__name__": "make_cases", "__file__": str(script)}
    exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), namespace)  # noqa: S102
    base = namespace.get("BASE")
    if not isinstance(base, dict):
        return {}
    return {name: text.encode("utf-8") for name, text in base.items()}


_BINARY = ((b"PK\x03\x04", "a zip (Excel .xlsx) file"),
           (b"\xd0\xcf\x11\xe0", "an OLE2 (Excel .xls) file"), (b"\x89PNG", "a PNG image"))


def _decode(data: bytes) -> tuple[str, str]:
    """Text of a file and the encoding's name when it is not UTF-8 ('' text if binary)."""
    for magic, label in _BINARY:
        if data.startswith(magic):
            return "", label
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "UTF-16"
    if len(data) > 3 and data[1:2] == b"\x00" and data[3:4] == b"\x00":
        return data.decode("utf-16-le"), "UTF-16 LE without a BOM"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            return "", "binary bytes"


def _change(folder: Path, base: dict[str, bytes]) -> str:
    """What the case changes in the base dataset, e.g. ``rumah_sakit.csv row 3: ...``."""
    parts = []
    for name, before in base.items():
        path = folder / name
        if not path.is_file():
            parts.append(f"no {name}")
            continue
        after = path.read_bytes()
        if after == before:
            continue
        old = before.decode("utf-8").splitlines()
        text, label = _decode(after)
        new = text.splitlines()
        if label and not text:
            parts.append(f"{name} is {label}")
            continue
        if label:
            parts.append(f"{name} saved as {label}")
        rows = [i for i in range(max(len(old), len(new)))
                if i >= len(old) or i >= len(new) or old[i] != new[i]]
        if len(new) == len(old) and len(rows) > 2:
            parts.append(f"{name}: every row, e.g. row 2 {new[1][:70]!r}" if len(new) > 1
                         else f"{name}: {new[0][:70]!r}")
        elif not new:
            parts.append(f"{name}: empty")
        elif len(new) < len(old) and new == old[:len(new)]:
            parts.append(f"{name}: header only" if len(new) == 1
                         else f"{name}: only rows 1-{len(new)} kept")
        else:
            parts += [f"{name} row {i + 1}: {new[i][:70]!r}" if i < len(new)
                      else f"{name}: row {i + 1} removed" for i in rows[:2]]
    extra = sorted(p.name for p in folder.iterdir()
                   if p.name not in base and p.name not in ("expected.txt", "options.txt"))
    parts += [f"a file {n!r}" for n in extra]
    return "; ".join(parts)


def csv_case(folder: Path, base: dict[str, bytes] | None = None) -> Case:
    import pengampuan as pg

    rep = pg.validate(folder, **_options(folder))
    lines = [ln for ln in str(rep).splitlines() if ln.startswith("[")]
    expected = _expected(folder)
    if rep.n_errors:
        outcome = "error"
    elif rep.n_warnings:
        outcome = "warning"
    elif rep.n_notes:
        outcome = "note"
    else:
        outcome = "accepted"
    # The message shown: the line the test suite expects, else the first of the
    # most severe kind.
    chosen = [ln for ln in lines if expected and expected in ln]
    if not chosen:
        tag = {"error": "[error]", "warning": "[warning]", "note": "[note]"}.get(outcome, "")
        chosen = [ln for ln in lines if ln.startswith(tag)] if tag else []
    message = chosen[0] if chosen else "(no problem reported)"
    message = message.replace(str(ROOT) + os.sep, "")  # the same text on every machine
    more = len(lines) - 1
    if more > 0:
        message += f" (+{more} more line{'s' if more > 1 else ''})"
    return Case(folder.name, outcome, message, expected, _change(folder, base or {}))


def boundary_case(path: Path) -> Case:
    import pengampuan as pg

    folder = path.parent if path.is_file() else path
    stem = path.stem if path.is_file() else path.name
    expected_file = folder / f"{stem}.expected.txt"
    expected = (expected_file.read_text(encoding="utf-8").strip()
                if expected_file.is_file() else "")
    options_file = folder / f"{stem}.options.txt"
    kwargs: dict[str, str] = {}
    if options_file.is_file():
        words = shlex.split(options_file.read_text(encoding="utf-8"))
        kwargs = {f.lstrip("-").replace("-", "_"): v
                  for f, v in zip(words[::2], words[1::2], strict=True)}
    # A file of provinces says so in its name (``..._provinsi.geojson``).
    level = "provinsi" if stem.endswith("_provinsi") else "kabkota"
    kwargs.setdefault("level", level)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            regions = pg.load_regions(source=path, **kwargs)  # type: ignore[arg-type]
        except Exception as err:  # noqa: BLE001 - every outcome is tabulated
            return Case(path.name, "error", f"{type(err).__name__}: {err}", expected)
    texts = [str(w.message) for w in caught if issubclass(w.category, pg.PengampuanWarning)]
    if texts:
        return Case(path.name, "warning", "PengampuanWarning: " + texts[0], expected)
    return Case(path.name, "accepted", f"{len(regions)} region(s) loaded", expected)


def config_case(path: Path) -> Case:
    import pengampuan as pg

    expected_file = path.with_name(f"{path.stem}.expected.txt")
    expected = (expected_file.read_text(encoding="utf-8").strip()
                if expected_file.is_file() else "")
    try:
        pg.load_config(path)
    except Exception as err:  # noqa: BLE001 - every outcome is tabulated
        lines = str(err).splitlines()
        chosen = next((ln for ln in lines if expected and expected in ln), lines[0])
        more = len(lines) - 1
        message = f"{type(err).__name__}: {chosen}" + (
            f" (+{more} more line{'s' if more > 1 else ''})" if more > 0 else "")
        return Case(path.name, "error", message, expected)
    return Case(path.name, "accepted", "configuration loaded", expected)


#: What the command line does with downloads and report folders (tested in
#: tests/test_download.py and tests/test_report_atomic.py against a local server and
#: real folders; these are behaviours, not files, so they are described here).
BEHAVIOURS = [
    ("HTML error or login page answered with HTTP 200", "refused, not cached, exit 4",
     "`<url>: the server answered with an HTML page ('502 Bad Gateway'), not ...`"),
    ("error JSON (`{\"error\": ...}`) where a GeoJSON was asked for",
     "refused, not cached, exit 4",
     "`<url>: the server answered with JSON that is not GeoJSON, probably an error message`"),
    ("empty body; GeoJSON that does not parse or has no features; truncated gzip or zip",
     "refused, not cached, exit 4", "`<url>: the gzip file is damaged or incomplete ...`"),
    ("two URLs with the same file name, or differing only in the query string",
     "two cache entries", "the cache is keyed by the full URL (hash in the file name)"),
    ("a server that trickles bytes forever", "cut at `--timeout` (all attempts included), exit 4",
     "`<url>: gave up after 2 s in all while receiving the file ...`"),
    ("HTTP 429 / 503 with `Retry-After`", "waits as asked (up to 120 s and the time limit)",
     "`... the server asks to wait 3600 s before trying again (longer than ...)`"),
    ("redirect loop, malformed URL", "exit 4", "`<url>: too many redirects (a redirect loop?)`"),
    ("download killed (SIGTERM; SIGKILL)", "no `.part` left (SIGKILL: removed on the next run)",
     ""),
    ("`report --out` over a folder with a file open in Excel (locked)",
     "the previous report stays complete, no temporary folder", ""),
    ("`report` stopped with SIGTERM", "the previous report, or the complete new one; exit 143",
     ""),
    ("`report --out` inside a file (`catatan.txt/laporan`)", "refused before computing, exit 5",
     "`<out>: cannot be created: catatan.txt is a file, not a folder`"),
]


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return f"`{text}`" if "`" not in text else text


def _indonesian_example() -> str:
    """The first error on a row of the CSV cases, in Bahasa Indonesia."""
    import pengampuan as pg
    from pengampuan.config import settings

    previous = settings.language
    settings.language = "id"
    try:
        for folder in sorted(p for p in (ROOT / CSV_CASES).iterdir() if p.is_dir()):
            rep = pg.validate(folder, **_options(folder))
            errors = rep.problems[(rep.problems["severity"] == "error")
                                  & rep.problems["row"].notna()]
            if len(errors):
                return str(rep.problem_lines()[int(errors.index[0])])
    finally:
        settings.language = previous
    return ""


def render(csv_cases: list[Case], boundary_cases: list[Case],
           config_cases: list[Case] | None = None) -> str:
    parts = [
        "# Bad inputs: what pengampuan does with each",
        "",
        "<!-- generated by scripts/make_bad_inputs_table.py; do not edit by hand -->",
        "",
        "Analysts' files come from spreadsheets, other agencies and old downloads. This page",
        "lists every case of the test corpus in `tests/bad_inputs/` and what the library does",
        "with it, as produced by running the library on each case (regenerate with",
        "`.venv/bin/python scripts/make_bad_inputs_table.py`; the test suite checks that",
        "this page is up to date and that each message contains the fragment the case",
        "expects).",
        "",
        "Outcomes:",
        "",
        "- **error**: the data is refused. `pg.validate()` returns a report with `ok == False`,",
        "  `pg.load_dataset()` raises `DataFileError` listing *every* problem, and",
        "  `pengampuan validate` exits with status 1.",
        "- **warning**: the data is accepted, but something probably needs fixing (for",
        "  example a duplicate link that was skipped); the row is reported, never dropped",
        "  silently.",
        "- **accepted, with a note**: a spreadsheet quirk that was read as intended (a `;`",
        "  separator, a decimal comma, a BOM, ...); the note says what was assumed.",
        "",
        "Rows are numbered as a spreadsheet shows them (header = row 1).",
        "",
        "The messages below are the English ones (`settings.language = \"en\"`, `--lang en`).",
        "By default every message is in Bahasa Indonesia, with the same content; for example",
        "the first error on a row among the cases below reads:",
        "",
        f"    {_indonesian_example()}",
        "",
    ]
    if csv_cases:
        counts = {o: sum(c.outcome == o for c in csv_cases) for o in OUTCOME_ORDER}
        parts += [
            "## Data files (CSV)",
            "",
            f"{len(csv_cases)} cases in `{CSV_CASES.as_posix()}/`: "
            + ", ".join(f"{n} {OUTCOME_SHORT[o]}" for o, n in counts.items() if n) + ".",
            "Each case is a complete small dataset (synthetic hospitals, real region codes)",
            "with one defect; *input* shows what differs from the base dataset of",
            "`make_cases.py`, *message* the line `pengampuan validate` prints for it (one",
            "line; the count of further lines follows in brackets).",
            "",
            "| case | input | outcome | message |",
            "|---|---|---|---|",
        ]
        ordered = sorted(csv_cases, key=lambda c: (OUTCOME_ORDER.index(c.outcome), c.name))
        parts += [f"| `{c.name}` | {_cell(c.change) if c.change else ''} | "
                  f"{OUTCOME_LABEL[c.outcome]} | {_cell(c.message)} |" for c in ordered]
        parts.append("")
    if boundary_cases:
        parts += [
            "## Boundary files",
            "",
            f"{len(boundary_cases)} cases in `{BOUNDARY_CASES.as_posix()}/`, each loaded with "
            "`pg.load_regions(level, path)` (level `provinsi` for the files named",
            "`*_provinsi.*`, else `kabkota`); the files are written by `make_boundary_cases.py`",
            "there. Unmatched or ambiguous names are an error by default; pass",
            "`on_unmatched='warn'` or `'keep'` to keep such features with `kode = <NA>`.",
            "",
            "| case | outcome | message |",
            "|---|---|---|",
        ]
        ordered = sorted(boundary_cases, key=lambda c: (OUTCOME_ORDER.index(c.outcome), c.name))
        parts += [f"| `{c.name}` | {OUTCOME_LABEL[c.outcome].replace(' (exit 1)', '')} | "
                  f"{_cell(c.message)} |" for c in ordered]
        parts.append("")
    if config_cases:
        parts += [
            "## Configuration files (TOML)",
            "",
            f"{len(config_cases)} cases in `{CONFIG_CASES.as_posix()}/` (written by "
            "`make_config_cases.py` there), each loaded with",
            "`pg.load_config(path)`; on the command line (`--config`) the same message follows",
            "`pengampuan <command>:` with exit status 1. Every message names the file, the key",
            "and the type or value expected.",
            "",
            "| case | outcome | message |",
            "|---|---|---|",
        ]
        parts += [f"| `{c.name}` | {OUTCOME_LABEL[c.outcome]} | {_cell(c.message)} |"
                  for c in sorted(config_cases, key=lambda c: c.name)]
        parts.append("")
    parts += [
        "## Downloads and report folders",
        "",
        "| situation | what happens | message |",
        "|---|---|---|",
        *(f"| {a} | {b} | {c} |" for a, b, c in BEHAVIOURS),
        "",
    ]
    return "\n".join(parts)


def collect() -> tuple[list[Case], list[Case]]:
    os.chdir(ROOT)  # messages then show paths relative to the repository
    sys.path.insert(0, str(ROOT))
    csv_dirs = sorted(p for p in CSV_CASES.iterdir() if p.is_dir()) if CSV_CASES.is_dir() else []
    base = _base_files()
    csv_cases = [csv_case(p, base) for p in csv_dirs if (p / "expected.txt").is_file()]
    boundary_cases: list[Case] = []
    if BOUNDARY_CASES.is_dir():
        for p in sorted(BOUNDARY_CASES.iterdir()):
            if p.name.startswith((".", "_")) or p.suffix in (".txt", ".py", ".md"):
                continue
            boundary_cases.append(boundary_case(p))
    return csv_cases, boundary_cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if docs/bad_inputs.md differs from what would be written")
    args = parser.parse_args()
    from pengampuan.config import settings

    settings.language = "en"  # this page is in English; the messages follow --lang / settings
    csv_cases, boundary_cases = collect()
    config_cases = ([config_case(p) for p in sorted(CONFIG_CASES.glob("*.toml"))]
                    if CONFIG_CASES.is_dir() else [])
    text = render(csv_cases, boundary_cases, config_cases)
    mismatched = [c.name for c in [*csv_cases, *boundary_cases, *config_cases] if not c.matches]
    if mismatched:
        print("warning: the message does not contain the expected fragment for: "
              + ", ".join(mismatched), file=sys.stderr)
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
        if current != text:
            raise SystemExit("docs/bad_inputs.md is out of date; run "
                             "scripts/make_bad_inputs_table.py")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(csv_cases)} CSV cases, "
          f"{len(boundary_cases)} boundary cases")


if __name__ == "__main__":
    main()
