"""What every region module shares: the level and option names, degree length, area.

The ground floor of :mod:`pengampuan.regions`: it imports none of the other
region modules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import geopandas as gpd
import numpy as np
from numpy.typing import NDArray

from ..config import AREA_CRS

Level = Literal["kabkota", "provinsi", "kecamatan"]
CodeScheme = Literal["auto", "kemendagri", "bps"]
OnUnmatched = Literal["raise", "warn", "keep"]

LEVELS: tuple[str, ...] = ("kabkota", "provinsi", "kecamatan")
CODE_SCHEMES: tuple[str, ...] = ("auto", "kemendagri", "bps")
ON_UNMATCHED: tuple[str, ...] = ("raise", "warn", "keep")

#: Kilometres per degree of latitude/longitude at the equator (WGS84 semi-major
#: axis 6378.137 km x pi / 180); Indonesia spans 11 S..6 N, where a degree of
#: longitude is at most 2 % shorter.
KM_PER_DEGREE = 111.32


def _check_choice(name: str, value: object, allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not known; expected one of {list(allowed)}")


def _area_km2(gdf: gpd.GeoDataFrame) -> NDArray[np.float64]:
    return np.asarray(gdf.geometry.to_crs(AREA_CRS).area.to_numpy() / 1e6, dtype=float)
