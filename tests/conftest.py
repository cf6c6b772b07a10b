"""Shared fixtures: the tiny hand-checkable dataset and the bundled data."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

import pengampuan as pg

if TYPE_CHECKING:
    import geopandas as gpd

try:
    import fcntl
except ImportError:  # (Windows: each test process writes its own shared reports)
    fcntl = None  # type: ignore[assignment]

TESTS = Path(__file__).resolve().parent
TINY = TESTS / "data" / "tiny"

# Property tests draw the same examples on every run (tests are deterministic); the
# deadline is off because the machines running them are shared and noisy.
settings.register_profile("pengampuan", derandomize=True, deadline=None)
settings.load_profile("pengampuan")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (pyproject's addopts): a test process per core this process may use.

    On a single core, none: the tests run in this process, as without pytest-xdist.
    ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still sets the number.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores if cores and cores > 1 else 0


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
    import geopandas as gpd  # (here: the process that only hands the tests out never needs it)

    gdf = gpd.read_file(tiny_dir / "batas_kabkota.geojson")
    if gdf.crs is None:  # RFC 7946 GeoJSON is always lon/lat
        gdf = gdf.set_crs("EPSG:4326")
    return gdf[["kode", "nama", "kode_induk", "geometry"]]


@pytest.fixture(scope="session")
def bundled_ds() -> pg.Dataset:
    """The bundled dataset (data/)."""
    return pg.load_dataset()


@pytest.fixture(scope="session")
def report_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., dict[str, Path]]:
    """``report_once(name, **kwargs)``: ``pg.write_report(folder, **kwargs)``, written once.

    For reports that tests only read (they must not change the files). With several test
    processes (pytest-xdist), the first to ask writes it into the folder the processes of
    this run share, holding a lock; the others wait for it and read the list of its files.
    """
    def write(name: str, **kwargs: Any) -> dict[str, Path]:
        if os.environ.get("PYTEST_XDIST_WORKER") is None or fcntl is None:
            return pg.write_report(tmp_path_factory.mktemp(name) / "laporan", **kwargs)
        folder = tmp_path_factory.getbasetemp().parent / f"shared-{name}"
        folder.mkdir(exist_ok=True)
        listing = folder / "files.json"
        with open(folder / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # (let go when the file closes or the process dies)
            if not listing.exists():  # (a process that failed to write it left none)
                files = pg.write_report(folder / "laporan", **kwargs)
                listing.write_text(json.dumps({k: str(v) for k, v in files.items()}))
            return {k: Path(v) for k, v in json.loads(listing.read_text()).items()}

    return write


@pytest.fixture(scope="session")
def national_report(report_once: Callable[..., dict[str, Path]]) -> dict[str, Path]:
    """The national report on the bundled data with every default: name -> path of its file.

    Written once (it is the slowest thing the suite builds) for the tests that only read it;
    they must not change its files. A copy of the mapping is handed to each test.
    """
    return report_once("nasional")


@pytest.fixture()
def national(national_report: dict[str, Path]) -> dict[str, Path]:
    """:func:`national_report` for one test (its own copy of the mapping)."""
    return dict(national_report)


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
