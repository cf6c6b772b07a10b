""":func:`load_regions`: region boundaries with Kemendagri codes from any source.

The bundled boundaries (:mod:`.bundled`, :mod:`.kecamatan`), a geoBoundaries
download (:mod:`.download`) or a user's file (:mod:`.files`), always with
``kode``, ``nama``, ``kode_induk`` and ``luas_km2``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import geopandas as gpd

from ._common import (
    CODE_SCHEMES,
    LEVELS,
    ON_UNMATCHED,
    CodeScheme,
    Level,
    OnUnmatched,
    _check_choice,
)
from .bundled import _bundled_regions
from .download import download_boundaries
from .files import _regions_from_file, read_boundary_file


def load_regions(level: Level = "kabkota", source: str | os.PathLike[str] = "bundled", *,
                 code_col: str | None = None, name_col: str | None = None,
                 province_col: str | None = None, crs: Any = None,
                 code_scheme: CodeScheme = "auto", on_unmatched: OnUnmatched = "raise",
                 kabkota_col: str | None = None,
                 ) -> gpd.GeoDataFrame:
    """Region boundaries with Kemendagri codes: ``kode``, ``nama``, ``kode_induk``, geometry.

    Parameters
    ----------
    level : {'kabkota', 'provinsi', 'kecamatan'}
        514 kabupaten/kota, 38 provinces or 7,285 kecamatan (``PP.KK.CC``; the
        bundled layer adds ``penduduk``, the 2025 population estimate of
        ``data/kecamatan.csv``, <NA> for the 45 kecamatan without a figure).
    source : 'bundled', 'geoboundaries' or path
        ``'bundled'``: the generalised boundaries shipped with the package
        (Kepmendagri 2025 codes; derived by ``scripts/build_boundaries.py``).
        ``'geoboundaries'``: download (once, then from the cache) the
        geoBoundaries gbOpen file and match its names (see
        :func:`download_boundaries`). A path: a GeoJSON, GeoPackage, zipped
        Shapefile or TopoJSON file, matched with :func:`match_regions`.
    code_col, name_col, province_col : str, optional
        Columns of a file holding the region code, name and province (name or
        code); guessed when not given.
    crs : optional
        CRS of a file that has none (e.g. ``"EPSG:4326"``); a missing CRS is an error.
    code_scheme : {'auto', 'kemendagri', 'bps'}
        Scheme of 4-digit codes (see :func:`match_regions`).
    on_unmatched : {'raise', 'warn', 'keep'}
        What to do with features that match no region (see :func:`match_regions`).
    kabkota_col : str, optional
        For ``level="kecamatan"``: the column naming each kecamatan's kab/kota
        (code or name), so that kecamatan names are matched within their kab/kota;
        guessed when not given.

    Returns
    -------
    geopandas.GeoDataFrame
        One valid (Multi)Polygon row per region in EPSG:4326 with ``kode``,
        ``nama`` (Kemendagri), ``kode_induk`` (province code; empty for
        provinces), ``luas_km2`` (area in :data:`config.AREA_CRS`), ``jenis``
        (Kabupaten/Kota, bundled kab/kota only) and, for files, their own columns.

    Raises
    ------
    RegionMatchError
        Features that match no region (``on_unmatched='raise'``) or two
        features with the same region.
    CRSError
        A file without CRS and no ``crs=``.
    DownloadError
        ``source='geoboundaries'`` while offline or unreachable.

    Examples
    --------
    >>> kab = load_regions("kabkota")
    >>> len(kab), kab.crs.to_epsg(), list(kab.columns[:3])
    (514, 4326, ['kode', 'nama', 'kode_induk'])
    >>> kab.set_index("kode").loc["17.02", ["nama", "kode_induk"]].tolist()
    ['Kabupaten Rejang Lebong', '17']
    >>> prov = load_regions("provinsi")
    >>> len(prov), round(float(prov["luas_km2"].sum()), -4)
    (38, 1880000.0)
    >>> kec = load_regions("kecamatan")
    >>> len(kec), int(kec["penduduk"].sum()), list(kec.columns[:4])
    (7285, 284973643, ['kode', 'nama', 'kode_induk', 'penduduk'])
    """
    _check_choice("level", level, LEVELS)
    _check_choice("code_scheme", code_scheme, CODE_SCHEMES)
    _check_choice("on_unmatched", on_unmatched, ON_UNMATCHED)
    if isinstance(source, str) and source == "bundled":
        if level == "kecamatan":
            from .kecamatan import bundled_kecamatan

            return bundled_kecamatan()
        return _bundled_regions(level)
    if isinstance(source, str) and source == "geoboundaries":
        path = download_boundaries(level)
        gdf = read_boundary_file(path, crs=crs)
        name_col = name_col or "shapeName"
    else:
        path = Path(source)
        gdf = read_boundary_file(path, crs=crs)
    return _regions_from_file(gdf, path=path, level=level, code_col=code_col,
                              name_col=name_col, province_col=province_col,
                              code_scheme=code_scheme, on_unmatched=on_unmatched,
                              kabkota_col=kabkota_col)
