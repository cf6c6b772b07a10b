"""Shared fixtures: the tiny hand-checkable dataset and the bundled data."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from hypothesis import settings

import pengampuan as pg

TESTS = Path(__file__).resolve().parent
TINY = TESTS / "data" / "tiny"

# Property tests draw the same examples on every run (tests are deterministic); the
# deadline is off because the machines running them are shared and noisy.
settings.register_profile("pengampuan", derandomize=True, deadline=None)
settings.load_profile("pengampuan")


@pytest.fixture(scope="session")
def tiny_dir() -> Path:
    """Folder of the tiny dataset (tests/data/tiny, see its README)."""
    return TINY


@pytest.fixture(scope="session")
def tiny_ds(tiny_dir: Path) -> pg.Dataset:
    """The tiny dataset: 4 hospitals, 3 kab/kota in 2 provinces, 5 links."""
    return pg.load_dataset(tiny_dir)


@pytest.fixture(scope="session")
def tiny_regions(tiny_dir: Path) -> gpd.GeoDataFrame:
    """The 3 square kab/kota of the tiny dataset: kode, nama, kode_induk, geometry (EPSG:4326)."""
    gdf = gpd.read_file(tiny_dir / "batas_kabkota.geojson")
    if gdf.crs is None:  # RFC 7946 GeoJSON is always lon/lat
        gdf = gdf.set_crs("EPSG:4326")
    return gdf[["kode", "nama", "kode_induk", "geometry"]]


@pytest.fixture(scope="session")
def bundled_ds() -> pg.Dataset:
    """The bundled dataset (data/)."""
    return pg.load_dataset()


@pytest.fixture(autouse=True)
def _restore_language():
    """Every test starts with the default language and leaves it as it found it."""
    from pengampuan.config import settings as runtime

    before = runtime.language
    yield
    runtime.language = before


@pytest.fixture()
def english():
    """Messages in English for the test (tests that check English message fragments)."""
    from pengampuan.config import settings as runtime

    runtime.language = "en"
    yield
    runtime.language = "id"


@pytest.fixture()
def umask_002():
    """The process umask set to 0o002 for the test: a file written in place gets mode 0o664.

    Not the usual 0o022, so a test of file modes shows that a mode follows the umask.
    """
    if os.name == "nt":
        pytest.skip("POSIX file modes")
    before = os.umask(0o002)
    yield 0o664
    os.umask(before)


@pytest.fixture(scope="session")
def build_script():  # type: ignore[no-untyped-def]
    """``scripts/build_data.py`` as a module, for tests of its matching and placing rules."""
    path = Path(__file__).resolve().parent.parent / "scripts" / "build_data.py"
    spec = importlib.util.spec_from_file_location("build_data", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_data"] = mod  # dataclasses look their module up there
    try:
        spec.loader.exec_module(mod)
    finally:
        del sys.modules["build_data"]
    return mod
