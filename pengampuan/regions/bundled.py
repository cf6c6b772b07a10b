"""The bundled boundaries and the Kemendagri region list shipped with the package.

38 provinces and 514 kab/kota (generalised boundaries built by
``scripts/build_boundaries.py``) and the region list of ``wilayah.csv``;
kecamatan come from :mod:`.kecamatan`. Read once per process and copied out.
"""

from __future__ import annotations

import functools
import logging
from typing import cast

import geopandas as gpd
import pandas as pd

from ._common import LEVELS, Level, _area_km2, _check_choice

logger = logging.getLogger(__name__)

#: Bundled boundary files per level (in the bundled data folder).
BUNDLED_FILES = {"kabkota": "batas_kabkota.geojson", "provinsi": "batas_provinsi.geojson"}


@functools.lru_cache(maxsize=4)
def _read_bundled(level: str) -> gpd.GeoDataFrame:
    from ..datasets import bundled_file

    path = bundled_file(BUNDLED_FILES[level])
    gdf = gpd.read_file(path)
    gdf = gdf.set_crs("EPSG:4326", allow_override=True)  # RFC 7946: always lon/lat
    for col in ("kode", "nama", "kode_induk", "jenis"):
        if col in gdf:
            gdf[col] = gdf[col].astype("string")
    cols = ["kode", "nama", "kode_induk", *(["jenis"] if "jenis" in gdf else []), "geometry"]
    gdf = gdf[cols]
    gdf["luas_km2"] = _area_km2(gdf)
    gdf = gdf[[*cols[:-1], "luas_km2", "geometry"]]
    logger.info("Read %d bundled %s boundaries from %s", len(gdf), level, path)
    return gdf


def _bundled_regions(level: str) -> gpd.GeoDataFrame:
    return _read_bundled(level).copy()


@functools.lru_cache(maxsize=2)
def _region_list_cached(level: str) -> pd.DataFrame:
    from ..datasets import bundled_file

    cols = ["kode", "nama", "kode_induk"]
    try:
        path = bundled_file("wilayah.csv")
    except FileNotFoundError:
        path = None
    table: pd.DataFrame | None = None
    if path is not None:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
        if {"kode", "nama", "tingkat"} <= set(raw.columns):
            sel = raw[raw["tingkat"].str.strip() == level]
            if len(sel):
                table = sel.reindex(columns=cols).fillna("")
    if table is None:  # the properties of the bundled boundaries are the same list
        table = pd.DataFrame(_read_bundled(level)[cols])
    table = table.astype("string")
    table["kode_induk"] = table["kode_induk"].replace("", pd.NA)
    if level == "kabkota":
        table["jenis"] = [
            "Kota" if str(k).split(".")[-1] >= "71" else "Kabupaten" for k in table["kode"]
        ]
    return cast(pd.DataFrame, table.reset_index(drop=True))


def region_list(level: Level = "kabkota") -> pd.DataFrame:
    """The Kemendagri region list: ``kode``, ``nama``, ``kode_induk`` (+ ``jenis`` for kab/kota).

    Read from the bundled ``wilayah.csv``; kab/kota numbers 71-99 are kota.

    Examples
    --------
    >>> kab = region_list("kabkota")
    >>> len(kab), kab.loc[kab["kode"] == "17.02", "nama"].item()
    (514, 'Kabupaten Rejang Lebong')
    >>> len(region_list("provinsi")), len(region_list("kecamatan"))
    (38, 7285)
    """
    _check_choice("level", level, LEVELS)
    if level == "kecamatan":
        from .kecamatan import kecamatan_table

        return cast(pd.DataFrame, kecamatan_table()[["kode", "nama", "kode_induk"]])
    return cast(pd.DataFrame, _region_list_cached(level).copy())
