"""Kecamatan: the bundled list and polygons, kecamatan codes and the keys their names match by.

7,285 kecamatan (codes ``PP.KK.CC``, Kepmendagri 2025) with a point inside each
and its 2025 population; used by :func:`pengampuan.load_regions` with
``level="kecamatan"`` and by :mod:`pengampuan.demand`. Kecamatan names repeat
across Indonesia (dozens of "Sukamaju"), so a name is matched *within its
kab/kota* (:func:`pengampuan.regions.match.match_kecamatan`, through
:func:`pengampuan.match_regions`) on the lookup tables built here.
"""

from __future__ import annotations

import functools
import gzip
import io
import logging
import re
from typing import cast

import geopandas as gpd
import pandas as pd

logger = logging.getLogger(__name__)

#: Bundled kecamatan files (in the bundled data folder; built by scripts/build_kecamatan.py).
KECAMATAN_CSV = "kecamatan.csv"
KECAMATAN_POLYGONS = "batas_kecamatan.geojson.gz"

_KEC_CODE_RE = re.compile(r"^\s*(\d{2})\s*[.\-\s]?\s*(\d{2})\s*[.\-\s]?\s*(\d{2})\s*$")
_KEC_PREFIX = re.compile(r"^(?:kecamatan|kec)\b\.?\s*")
_KEP_PREFIX = re.compile(r"^(?:kepulauan|kep)\b\.?\s*")


@functools.lru_cache(maxsize=1)
def _points_cached() -> pd.DataFrame:
    from ..datasets import bundled_file

    table = pd.read_csv(bundled_file(KECAMATAN_CSV),
                        dtype={"kode": str, "nama": str, "kode_induk": str, "sumber": str})
    table["penduduk"] = table["penduduk"].astype("Int64")
    for col in ("kode", "nama", "kode_induk"):
        table[col] = table[col].astype("string")
    return table


def kecamatan_table() -> pd.DataFrame:
    """The bundled kecamatan list (a copy): kode, nama, kode_induk, lat, lon, penduduk, ....

    ``lat``/``lon`` is a point inside the kecamatan; ``penduduk`` is <NA> for the
    45 kecamatan without a Dukcapil figure (see data/README.md).

    Examples
    --------
    >>> kec = kecamatan_table()
    >>> len(kec), int(kec["penduduk"].sum())
    (7285, 284973643)
    """
    return _points_cached().copy()


@functools.lru_cache(maxsize=1)
def _polygons_cached() -> gpd.GeoDataFrame:
    from ..config import AREA_CRS
    from ..datasets import bundled_file

    path = bundled_file(KECAMATAN_POLYGONS)
    gdf = gpd.read_file(io.BytesIO(gzip.decompress(path.read_bytes())))
    gdf = gdf.set_crs("EPSG:4326", allow_override=True)  # RFC 7946: always lon/lat
    for col in ("kode", "nama", "kode_induk"):
        gdf[col] = gdf[col].astype("string")
    pend = _points_cached().set_index("kode")["penduduk"]
    gdf["penduduk"] = gdf["kode"].map(pend).astype("Int64")
    gdf["luas_km2"] = gdf.geometry.to_crs(AREA_CRS).area.to_numpy() / 1e6
    logger.info("Read %d bundled kecamatan polygons from %s", len(gdf), path)
    return cast(gpd.GeoDataFrame,
                gdf[["kode", "nama", "kode_induk", "penduduk", "luas_km2", "geometry"]])


def bundled_kecamatan() -> gpd.GeoDataFrame:
    """The bundled generalised kecamatan polygons (a copy), with ``penduduk`` and ``luas_km2``."""
    return _polygons_cached().copy()


def normalise_kecamatan_code(value: object) -> str | None:
    """``PP.KK.CC`` from ``11.01.01``, ``110101``, ``11 01 01``; None for anything else.

    A 7-digit code is a BPS kecamatan code (another scheme): None.

    Examples
    --------
    >>> [normalise_kecamatan_code(v) for v in ("11.01.01", "110101", 110101, "1101010", "x")]
    ['11.01.01', '11.01.01', '11.01.01', None, None]
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    m = _KEC_CODE_RE.match(str(value))
    return f"{m.group(1)}.{m.group(2)}.{m.group(3)}" if m else None


def kecamatan_key(name: object) -> str:
    """Key of a kecamatan name: folded, no 'Kecamatan'/'Kec.' prefix, no spaces.

    Examples
    --------
    >>> kecamatan_key("KEC. Air Nipis") == kecamatan_key("Air  Nipis") == "airnipis"
    True
    """
    from .._textnorm import fold

    s = _KEC_PREFIX.sub("", fold(name))
    return s.replace(" ", "")


def _loose(name: object) -> str:
    from .._textnorm import fold

    s = _KEC_PREFIX.sub("", fold(name))
    return _KEP_PREFIX.sub("", s).replace(" ", "")


@functools.lru_cache(maxsize=1)
def _reference() -> tuple[pd.DataFrame, dict[str, int], dict[tuple[str, str], list[int]],
                          dict[tuple[str, str], list[int]], dict[str, list[int]]]:
    t = _points_cached()[["kode", "nama", "kode_induk"]].reset_index(drop=True)
    keys = [kecamatan_key(n) for n in t["nama"]]
    loose = [_loose(n) for n in t["nama"]]
    by_code = {str(k): i for i, k in enumerate(t["kode"])}
    by_key: dict[tuple[str, str], list[int]] = {}
    by_loose: dict[tuple[str, str], list[int]] = {}
    national: dict[str, list[int]] = {}
    for i, (parent, k, lk) in enumerate(zip(t["kode_induk"].astype(str), keys, loose,
                                            strict=True)):
        by_key.setdefault((parent, k), []).append(i)
        by_loose.setdefault((parent, lk), []).append(i)
        national.setdefault(k, []).append(i)
    return t.assign(key=keys), by_code, by_key, by_loose, national

