"""Province scope of a map: which province, its outline, and its neighbours as grey context."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..dataset import Dataset
from ..provinsi import resolve_provinsi
from .layers import dissolve_provinces

#: Neighbours drawn as context: provinces within this margin of the province's box (degrees,
#: at least), or a quarter of the box, whichever is larger.
CONTEXT_MARGIN_DEG = 0.5


@dataclass(frozen=True)
class Scope:
    """The province a map is about (``kode`` None: the whole country, or several provinces)."""

    kode: str | None = None
    nama: str | None = None

    @property
    def province(self) -> bool:
        """True when the map is about one province."""
        return self.kode is not None


def province_list(ds: Dataset | None) -> pd.DataFrame | None:
    """The dataset's own province rows when it has them, else None (the bundled list)."""
    if ds is None:
        return None
    w = ds.wilayah
    if "tingkat" in w and (w["tingkat"].astype(str) == "provinsi").any():
        return w
    return None


def kode_induk(frame: pd.DataFrame) -> pd.Series:
    """Province code of each kab/kota: ``kode_induk``, else the first two digits of ``kode``."""
    fallback = frame["kode"].astype(str).str.slice(0, 2)
    if "kode_induk" in frame:
        k = frame["kode_induk"].astype("string")
        return k.where(k.notna() & (k.str.strip() != ""), fallback).astype(str)
    return fallback


def resolve_scope(provinsi: Any, ds: Dataset | None, regions: pd.DataFrame | None) -> Scope:
    """The scope from ``provinsi=`` or, when not given, from regions that all lie in one province.

    A map of one province's kab/kota is a province map even when the caller did
    not say so: its title, summary and hospitals are that province's.
    """
    if provinsi is not None:
        kode, nama = resolve_provinsi(provinsi, province_list(ds))
        return Scope(kode, nama)
    if regions is None or not len(regions):
        return Scope()
    induk = kode_induk(regions).unique()
    if len(induk) != 1:
        return Scope()
    try:
        kode, nama = resolve_provinsi(induk[0], province_list(ds))
    except ValueError:
        return Scope()
    return Scope(kode, nama)


def select(frame: gpd.GeoDataFrame, scope: Scope) -> gpd.GeoDataFrame:
    """The rows of ``frame`` in the scope's province (all rows without a scope)."""
    if not scope.province:
        return frame
    out = frame[kode_induk(frame) == scope.kode]
    if out.empty:
        raise ValueError(f"no kab/kota of provinsi {scope.kode} ({scope.nama}) in the data "
                         f"to map; its codes start with {sorted(set(kode_induk(frame)))[:8]}")
    return out


@functools.lru_cache(maxsize=1)
def _bundled_provinces() -> gpd.GeoDataFrame:
    from ..regions import load_regions

    return load_regions(level="provinsi")[["kode", "nama", "geometry"]]


def context(scope: Scope, inside: gpd.GeoDataFrame, everything: gpd.GeoDataFrame | None
            ) -> gpd.GeoDataFrame | None:
    """Neighbouring provinces of the scope as polygons (grey context), or None.

    Taken from ``everything`` (the kab/kota given, dissolved by province) when
    it holds other provinces, else from the bundled province boundaries. A
    province near the scope's box is drawn whole, never cut to the box: the
    user can zoom out.
    """
    if not scope.province or not len(inside):
        return None
    x0, y0, x1, y1 = inside.total_bounds
    mx = max(CONTEXT_MARGIN_DEG, 0.25 * (x1 - x0))
    my = max(CONTEXT_MARGIN_DEG, 0.25 * (y1 - y0))
    box = shapely.box(x0 - mx, y0 - my, x1 + mx, y1 + my)
    others = None
    if everything is not None and len(everything):
        induk = kode_induk(everything).to_numpy(dtype=str)
        other = induk != scope.kode
        near = np.unique(induk[other & everything.intersects(box).to_numpy(dtype=bool)])
        rest = everything[other & np.isin(induk, near)]  # (every kab/kota of a near province)
        if len(rest):
            rest = rest.assign(kode_induk=kode_induk(rest))
            others = dissolve_provinces(rest)
    if others is None:
        prov = _bundled_provinces()
        others = prov[(prov["kode"].astype(str) != scope.kode) & prov.intersects(box)]
    if others is None or others.empty:
        return None
    return gpd.GeoDataFrame({"kode": others["kode"].astype(str).to_numpy()},
                            geometry=list(others.geometry.values), crs="EPSG:4326")


def land(scope: Scope, provinces: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
    """Province polygons as land for maps without kab/kota polygons (network maps)."""
    prov = provinces if provinces is not None else _bundled_provinces()
    if "kode" not in prov:
        return prov
    if scope.province:
        return prov[prov["kode"].astype(str) == scope.kode]
    return prov
