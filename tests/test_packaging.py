"""The wheel ships every bundled data file and static asset (patterns in pyproject.toml)."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("package", "folder"), [
    ("pengampuan.data", ROOT / "data"),
    ("pengampuan.static", ROOT / "pengampuan" / "static"),
])
def test_package_data_patterns_cover_every_file(package: str, folder: Path) -> None:
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert package in cfg["packages"]
    patterns = cfg["package-data"][package]
    files = [p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".py"]
    assert files, f"{folder} is empty"
    missed = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert not missed, f"not shipped in the wheel: {missed}; add a pattern to pyproject.toml"


def test_bundled_data_dir_is_the_top_level_data_folder() -> None:
    import pengampuan as pg

    assert (pg.bundled_data_dir() / "rumah_sakit.csv").is_file()


def test_license_is_an_spdx_expression() -> None:
    # setuptools >= 77 reads an SPDX string and license-files; the old TOML table and the
    # License :: classifiers are deprecated (a warning on every build)
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = cfg["project"]
    assert project["license"] == "MIT"
    assert all((ROOT / f).is_file() for f in project["license-files"])
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert "setuptools>=77" in cfg["build-system"]["requires"]
