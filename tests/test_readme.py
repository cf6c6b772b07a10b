"""The README stays true: its set-up commands, its Python and TOML examples, its CLI reference."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: A fenced block, with the HTML comment (if any) on the line just above it.
_BLOCK = re.compile(r"(?:<!--\s*(?P<mark>[\w-]+)\s*-->\n)?```(?P<lang>\w+)\n(?P<body>.*?)```",
                    re.DOTALL)


def _blocks(lang: str) -> list[tuple[str | None, str]]:
    return [(m["mark"], m["body"]) for m in _BLOCK.finditer(README) if m["lang"] == lang]


def test_readme_starts_with_the_two_commands() -> None:
    head = README.splitlines()[:6]
    assert head[0] == "# pengampuan"
    assert head[2] == "```bash"
    assert head[3].startswith("bash scripts/setup.sh && .venv/bin/pengampuan report --out laporan")
    assert head[4].startswith("bash scripts/setup.sh --test && .venv/bin/python -m pytest")
    assert head[5] == "```"


def test_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    # The examples run in order in one namespace, as an analyst would paste them into
    # one notebook; a block marked <!-- no-run --> needs the reader's own files.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PENGAMPUAN_OFFLINE", "1")
    namespace: dict[str, object] = {"__name__": "__readme__"}
    ran = 0
    for mark, body in _blocks("python"):
        if mark == "no-run":
            compile(body, "README.md", "exec")  # still valid Python
            continue
        exec(compile(body, "README.md", "exec"), namespace)  # noqa: S102
        ran += 1
    assert ran >= 2
    out = capsys.readouterr().out
    assert "kab/kota in Jawa Barat lack a madya stroke hospital" in out
    assert (tmp_path / "akses_stroke.html").stat().st_size > 10_000


def test_toml_example_loads(tmp_path: Path) -> None:
    import pengampuan as pg

    (body,) = [b for _, b in _blocks("toml")]
    path = tmp_path / "pengampuan.toml"
    path.write_text(body, encoding="utf-8")
    cfg = pg.load_config(path)
    assert cfg.road_speed_kmh == 50
    assert cfg.threshold_min("stroke") == 180
    assert cfg.threshold_min("jantung") == pg.Config().threshold_min("jantung")


def test_configuration_table_matches_config() -> None:
    import pengampuan as pg

    cfg = pg.Config()
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([\w\[\]\"]+)` \| ([^|]+) \|", section, flags=re.MULTILINE))
    for name in ("circuity_factor", "road_speed_kmh", "sea_speed_kmh", "boarding_penalty_min",
                 "stroke_window_min", "stemi_fmc_to_balloon_min", "dialysis_sessions_per_week"):
        number = float(re.match(r"[\d.]+", rows[name].strip())[0])  # type: ignore[index]
        assert number == getattr(cfg, name), name
    for lay, minutes in cfg.travel_threshold_min.items():
        assert float(rows[f'travel_threshold_min["{lay}"]'].split()[0]) == minutes, lay
    assert rows["target_strata_provinsi"].strip() == f"`{cfg.target_strata_provinsi}`"
    assert rows["target_strata_kabkota"].strip() == f"`{cfg.target_strata_kabkota}`"


def test_exit_codes_match_the_cli() -> None:
    from pengampuan import cli

    section = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    codes = {int(c) for c in re.findall(r"^\| (\d) \|", section, flags=re.MULTILINE)}
    assert codes == {cli.EXIT_OK, cli.EXIT_INVALID_DATA, cli.EXIT_USAGE, cli.EXIT_MISSING_FILE,
                     cli.EXIT_NETWORK, cli.EXIT_OTHER}


def test_cli_reference_is_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_cli_reference.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr or proc.stdout


def test_every_command_is_documented() -> None:
    from pengampuan.cli import COMMANDS

    for name in COMMANDS:
        assert f"### `pengampuan {name}`" in README, name


def test_citation_file() -> None:
    import pengampuan as pg

    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert text.startswith("cff-version: 1.2.0")
    assert re.search(rf"^version: {re.escape(pg.__version__)}$", text, flags=re.MULTILINE)
    assert pg.__version__ in README.split("## How to cite", 1)[1]
