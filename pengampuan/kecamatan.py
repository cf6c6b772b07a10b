"""The kecamatan list, polygons and matching, importable as ``pengampuan.kecamatan``.

The code lives in :mod:`pengampuan.regions.kecamatan` (the bundled list and
polygons, kecamatan codes and name keys) and :mod:`pengampuan.regions.match`
(:func:`match_kecamatan`); it is used through
:func:`pengampuan.load_regions` and :func:`pengampuan.match_regions` with
``level="kecamatan"``; this module keeps its public names where they were.
"""

from __future__ import annotations

from .regions.kecamatan import (
    KECAMATAN_CSV,
    KECAMATAN_POLYGONS,
    bundled_kecamatan,
    kecamatan_key,
    kecamatan_table,
    normalise_kecamatan_code,
)
from .regions.match import match_kecamatan

__all__ = [
    "KECAMATAN_CSV",
    "KECAMATAN_POLYGONS",
    "bundled_kecamatan",
    "kecamatan_key",
    "kecamatan_table",
    "match_kecamatan",
    "normalise_kecamatan_code",
]
