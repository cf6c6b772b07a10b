"""Regions: bundled boundaries, user files, downloads, code/name matching, coverage simplification.

Regions are Indonesia's 38 provinces and 514 kabupaten/kota (since the 2022
Papua split), keyed by Kemendagri codes ``PP`` and ``PP.KK``. Every function
returns EPSG:4326; areas are computed in :data:`config.AREA_CRS`.

- :func:`load_regions` -- the bundled generalised boundaries, a downloaded
  official-source file (geoBoundaries) or a user's GeoJSON / GeoPackage /
  zipped Shapefile / TopoJSON, always with ``kode``, ``nama``, ``kode_induk``.
- :func:`match_regions` -- attach Kemendagri codes to a table by code (any
  common spelling, BPS or Kemendagri scheme), then by normalised name with an
  alias table, then by a reported fuzzy match. Returns a :class:`MatchReport`.
- :func:`assign_regions` -- point-in-polygon of hospitals, with a nearest-polygon
  fallback for points just off a generalised coast.
- :func:`simplify_coverage` -- topology-preserving simplification of a whole
  coverage (shared borders are simplified once and stay shared).

One module per concern; a module imports only those above it in this list
(the lower ones), never the reverse:

- :mod:`._common` -- level and option names, ``KM_PER_DEGREE``, areas;
- :mod:`.kecamatan` -- the bundled kecamatan list and polygons, codes, name keys;
- :mod:`.download` -- :func:`download_boundaries` (geoBoundaries, cached);
- :mod:`.simplify` -- :func:`simplify_coverage` and coverage cleaning;
- :mod:`.report` -- :class:`MatchReport` and the handling of unmatched rows;
- :mod:`.bundled` -- the bundled kab/kota and province boundaries, :func:`region_list`;
- :mod:`.match` -- :func:`match_regions` (every level, kecamatan within their kab/kota);
- :mod:`.files` -- :func:`read_boundary_file`, its checks, a file's features matched;
- :mod:`.load` -- :func:`load_regions`;
- :mod:`.points` -- :func:`assign_regions`.

This package re-exports their public names: ``from pengampuan.regions import X``.
"""

from __future__ import annotations

from ._common import (
    CODE_SCHEMES,
    KM_PER_DEGREE,
    LEVELS,
    ON_UNMATCHED,
    CodeScheme,
    Level,
    OnUnmatched,
)
from .bundled import BUNDLED_FILES, region_list
from .download import GEOBOUNDARIES_API, download_boundaries
from .files import (
    OVERLAP_LIST_KM2,
    SLIVER_KM2,
    SLIVER_THIN_KM2,
    SLIVER_THINNESS,
    read_boundary_file,
)
from .load import load_regions
from .match import (
    FUZZY_ACCEPT_SCORE,
    FUZZY_LIST_SCORE,
    PAPUA_SUCCESSORS,
    PROVINCE_ALIASES,
    REGION_ALIASES,
    MatchMethod,
    match_regions,
)
from .points import NEAREST_FALLBACK_KM, assign_regions
from .report import MatchReport
from .simplify import simplify_coverage

__all__ = [
    "BUNDLED_FILES",
    "CODE_SCHEMES",
    "FUZZY_ACCEPT_SCORE",
    "FUZZY_LIST_SCORE",
    "GEOBOUNDARIES_API",
    "KM_PER_DEGREE",
    "LEVELS",
    "NEAREST_FALLBACK_KM",
    "ON_UNMATCHED",
    "OVERLAP_LIST_KM2",
    "PAPUA_SUCCESSORS",
    "PROVINCE_ALIASES",
    "REGION_ALIASES",
    "SLIVER_KM2",
    "SLIVER_THINNESS",
    "SLIVER_THIN_KM2",
    "CodeScheme",
    "Level",
    "MatchMethod",
    "MatchReport",
    "OnUnmatched",
    "assign_regions",
    "download_boundaries",
    "load_regions",
    "match_regions",
    "read_boundary_file",
    "region_list",
    "simplify_coverage",
]
