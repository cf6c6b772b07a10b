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
"""

from __future__ import annotations

import functools
import logging
import os
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from ._messages import MESSAGES, fmt_pct, msg
from ._textnorm import fold, normalise_region_code, region_key, region_kind
from .config import AREA_CRS, INDONESIA_BOUNDS
from .errors import CRSError, DataFileError, PengampuanWarning, RegionMatchError
from .geo import great_circle_km

logger = logging.getLogger(__name__)

__all__ = [
    "Level",
    "MatchReport",
    "assign_regions",
    "download_boundaries",
    "load_regions",
    "match_regions",
    "region_list",
    "simplify_coverage",
]

Level = Literal["kabkota", "provinsi", "kecamatan"]
CodeScheme = Literal["auto", "kemendagri", "bps"]
OnUnmatched = Literal["raise", "warn", "keep"]

LEVELS: tuple[str, ...] = ("kabkota", "provinsi", "kecamatan")
CODE_SCHEMES: tuple[str, ...] = ("auto", "kemendagri", "bps")
ON_UNMATCHED: tuple[str, ...] = ("raise", "warn", "keep")

#: Bundled boundary files per level (in the bundled data folder).
BUNDLED_FILES = {"kabkota": "batas_kabkota.geojson", "provinsi": "batas_provinsi.geojson"}

#: Kilometres per degree of latitude/longitude at the equator (WGS84 semi-major
#: axis 6378.137 km x pi / 180); Indonesia spans 11 S..6 N, where a degree of
#: longitude is at most 2 % shorter.
KM_PER_DEGREE = 111.32

#: A fuzzy name match is accepted as matched only at or above this score
#: (rapidfuzz ratio, 0-100); lower scores follow ``on_unmatched``.
FUZZY_ACCEPT_SCORE = 90.0
#: Fuzzy candidates below this score are not even listed.
FUZZY_LIST_SCORE = 75.0

#: Points farther than this from every polygon stay unassigned (km). Generalised
#: coasts move small islands and piers by a few hundred metres; 5 km catches
#: those without pulling a point across a strait.
NEAREST_FALLBACK_KM = 5.0


def _check_choice(name: str, value: object, allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not known; expected one of {list(allowed)}")


# ---------------------------------------------------------------------------
# bundled boundaries and the region list
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _read_bundled(level: str) -> gpd.GeoDataFrame:
    from .datasets import bundled_file

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


def _area_km2(gdf: gpd.GeoDataFrame) -> NDArray[np.float64]:
    return np.asarray(gdf.geometry.to_crs(AREA_CRS).area.to_numpy() / 1e6, dtype=float)


def _bundled_regions(level: str) -> gpd.GeoDataFrame:
    return _read_bundled(level).copy()


@functools.lru_cache(maxsize=2)
def _region_list_cached(level: str) -> pd.DataFrame:
    from .datasets import bundled_file

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


# ---------------------------------------------------------------------------
# coverage cleaning and simplification
# ---------------------------------------------------------------------------


def _require_polygonal(geoms: NDArray[Any], labels: Iterable[object], *, what: str) -> None:
    types = shapely.get_type_id(geoms)
    bad = [f"{lab!s} ({'empty' if g is None else g.geom_type})"
           for lab, g, t in zip(labels, geoms, types, strict=True) if t not in (3, 6)]
    if bad:
        raise ValueError(
            f"{what}: {len(bad)} geometries are not polygons, e.g. {', '.join(bad[:5])}; "
            "a coverage needs Polygon or MultiPolygon geometries"
        )


def _clean_coverage(geoms: NDArray[Any], *, gap_width_deg: float,
                    grid_deg: float | None = None) -> NDArray[Any]:
    """Make polygons a clean coverage: no overlaps, shared edges identical, narrow gaps closed.

    ``shapely.coverage_clean`` (GEOS >= 3.14) removes overlaps and closes gaps
    narrower than ``gap_width_deg``. With ``grid_deg``, the cleaned linework is
    then snap-rounded to that grid and polygonised, so every vertex sits on the
    grid and shared edges are identical vertex by vertex: rounding the
    coordinates when writing cannot open gaps or overlaps.
    """
    if not hasattr(shapely, "coverage_clean"):  # pragma: no cover - shapely < 2.2
        raise ImportError(
            "cleaning a polygon coverage needs shapely >= 2.2 with GEOS >= 3.14 "
            "(shapely.coverage_clean); upgrade shapely"
        )
    cleaned = np.asarray(shapely.coverage_clean(geoms, gap_width=gap_width_deg))
    if grid_deg is None:
        return cleaned
    lines = shapely.union_all(shapely.boundary(cleaned), grid_size=grid_deg)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    inner = shapely.point_on_surface(faces)
    face_i, region_i = shapely.STRtree(cleaned).query(inner, predicate="within")
    owner = np.full(len(faces), -1)
    owner[face_i] = region_i  # cleaned regions do not overlap: at most one owner
    keep = owner >= 0  # faces owned by none are holes (lakes, wide gaps)
    faces, owner = faces[keep], owner[keep]
    order = np.argsort(owner, kind="stable")
    faces, owner = faces[order], owner[order]
    cuts = np.searchsorted(owner, np.arange(len(cleaned) + 1))
    out = np.array(
        [shapely.coverage_union_all(faces[a:b]) for a, b in zip(cuts[:-1], cuts[1:], strict=True)],
        dtype=object,
    )
    # a region reduced to nothing by snapping keeps its cleaned geometry (never lost)
    empty = shapely.is_empty(out)
    if empty.any():
        logger.warning("%d regions vanished when snapping to the grid; kept unsnapped",
                       int(empty.sum()))
        out[empty] = cleaned[empty]
    return out


def _drop_small_parts(geoms: NDArray[Any], *, min_part_km2: float,
                      keep_share: float = 0.97) -> tuple[NDArray[Any], int]:
    """Drop free-standing polygon parts smaller than ``min_part_km2``.

    A part is kept when it touches another region (dropping it would open a
    gap), when it is at least ``min_part_km2``, or while the parts kept so far
    (largest first) hold less than ``keep_share`` of the region's area -- so a
    region made of many small islands (Kepulauan Seribu) keeps most of them.
    ``keep_share`` is a share (0-1) of the region's area.
    Returns the geometries and the number of parts dropped.
    """
    n_parts = shapely.get_num_geometries(geoms)
    idx = np.repeat(np.arange(len(geoms)), n_parts)
    parts = shapely.get_parts(geoms)
    area = gpd.GeoSeries(parts, crs="EPSG:4326").to_crs(AREA_CRS).area.to_numpy() / 1e6
    part_i, region_i = shapely.STRtree(geoms).query(parts, predicate="intersects")
    touches = np.zeros(len(parts), dtype=bool)
    touches[np.unique(part_i[idx[part_i] != region_i])] = True
    df = pd.DataFrame({"region": idx, "area": area}).sort_values(
        ["region", "area"], ascending=[True, False])
    before = df.groupby("region")["area"].cumsum() - df["area"]
    total = df.groupby("region")["area"].transform("sum")
    keep_sorted = (df["area"] >= min_part_km2) | (before < keep_share * total)
    keep = np.zeros(len(parts), dtype=bool)
    keep[df.index[keep_sorted.to_numpy()]] = True
    keep |= touches
    out = np.asarray(shapely.multipolygons(parts[keep], indices=idx[keep]), dtype=object)
    return out, int((~keep).sum())


def simplify_coverage(gdf: gpd.GeoDataFrame, *, tolerance_km: float,
                      min_part_km2: float = 0.0, simplify_boundary: bool = True,
                      ) -> gpd.GeoDataFrame:
    """Simplify polygons as one coverage, so shared borders stay shared.

    Shared edges are simplified once (``shapely.coverage_simplify``,
    Visvalingam-Whyatt), so the result has no gaps or overlaps between
    neighbours, unlike simplifying polygon by polygon. An input that is not a
    clean coverage (overlaps, unmatched shared edges) is first cleaned with
    ``shapely.coverage_clean`` (needs shapely >= 2.2), and that is logged.
    Rows, their order, index and other columns are kept; no region becomes empty.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygon/MultiPolygon regions (any CRS; simplified in EPSG:4326).
    tolerance_km : float
        Roughly the square root of the area of the triangles removed, in km
        (converted at 111.32 km per degree). 0.5-2 km suits a national map.
    min_part_km2 : float, default 0
        Also drop free-standing parts (small islands) below this area in km²,
        keeping every region's largest parts (at least 97 % of its area) and
        every part that touches a neighbour.
    simplify_boundary : bool, default True
        Simplify the outer boundary (coasts) too, not only the shared borders.

    Returns
    -------
    geopandas.GeoDataFrame
        Same rows and columns, simplified geometry, EPSG:4326.

    Examples
    --------
    >>> reg = load_regions("kabkota")
    >>> small = simplify_coverage(reg, tolerance_km=5)
    >>> len(small) == len(reg), bool(shapely.coverage_is_valid(small.geometry.values))
    (True, True)
    >>> int(shapely.get_num_coordinates(small.geometry.values).sum()) < int(
    ...     shapely.get_num_coordinates(reg.geometry.values).sum())
    True
    """
    if not tolerance_km >= 0:
        raise ValueError(f"tolerance_km={tolerance_km!r} must be >= 0")
    if not hasattr(shapely, "coverage_simplify"):  # pragma: no cover - shapely < 2.1
        raise ImportError("simplify_coverage needs shapely >= 2.1 (shapely.coverage_simplify, "
                          "GEOS >= 3.12); upgrade shapely")
    if gdf.crs is None:
        raise CRSError("simplify_coverage: the regions have no CRS; set one with .set_crs(...)")
    out = gdf.to_crs("EPSG:4326") if not gdf.crs.equals("EPSG:4326") else gdf.copy()
    geoms = np.asarray(out.geometry.values, dtype=object)
    _require_polygonal(geoms, out.index, what="simplify_coverage")
    if not shapely.coverage_is_valid(geoms):
        logger.info("The regions are not a clean coverage; cleaning them before simplifying")
        geoms = _clean_coverage(geoms, gap_width_deg=0.0)
    if min_part_km2 > 0:
        geoms, n_dropped = _drop_small_parts(geoms, min_part_km2=min_part_km2)
        logger.info("Dropped %d small free-standing parts (< %s km²)", n_dropped, min_part_km2)
    simplified = np.asarray(
        shapely.coverage_simplify(geoms, tolerance_km / KM_PER_DEGREE,
                                  simplify_boundary=simplify_boundary),
        dtype=object,
    )
    empty = shapely.is_empty(simplified)
    simplified[empty] = geoms[empty]  # never lose a region
    out = out.set_geometry(gpd.GeoSeries(simplified, index=out.index, crs="EPSG:4326"))
    if "luas_km2" in out:
        out["luas_km2"] = _area_km2(out)
    return out


# ---------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# matching names and codes
# ---------------------------------------------------------------------------

#: Old names and spellings -> Kemendagri code. ``kind`` restricts an alias to
#: kabupaten or kota (Pontianak the kabupaten is now Mempawah; Kota Pontianak is not).
#: Sources: the renaming laws/PP (Toba 2020, Pasangkayu 2017, Kepulauan Tanimbar
#: 2019, Mempawah 2014) and spellings seen in the BPS and BNPB/OCHA lists.
REGION_ALIASES: tuple[tuple[str, str | None, str], ...] = (
    ("Toba Samosir", None, "12.12"),
    ("Tobasa", None, "12.12"),
    ("Mahakam Hulu", None, "64.11"),
    ("Mamuju Utara", None, "76.01"),
    ("Maluku Tenggara Barat", None, "81.03"),
    ("Pontianak", "kabupaten", "61.02"),
    ("Kota Baru", None, "63.02"),  # "Kota Baru"/"Kab. Kota Baru" = Kabupaten Kotabaru
    ("Kota Waringin Barat", None, "62.01"),
    ("Kota Waringin Timur", None, "62.02"),
    ("Siau Tagulandang Biaro", None, "71.09"),
    ("Sitaro", None, "71.09"),
    ("Pangkajene Kepulauan", None, "73.10"),
    ("Pangkep", None, "73.10"),
    ("Padang Sidempuan", None, "12.77"),
    ("Polewali Mamasa", None, "76.04"),
    ("Pasir", None, "64.01"),
    ("Pahuwato", None, "75.04"),
    ("Yapen Waropen", None, "91.05"),
    ("Lima Puluh Koto", None, "13.07"),
    ("Limapuluh Koto", None, "13.07"),
    ("Sawahlunto Sijunjung", None, "13.03"),
    ("Tidore", None, "82.72"),
    ("PALI", None, "16.12"),
    ("Batang Hari", None, "15.04"),
    ("Labuhan Batu", None, "12.10"),
)
#: Old or other province names -> Kemendagri province code.
PROVINCE_ALIASES: tuple[tuple[str, str | None, str], ...] = (
    ("Nanggroe Aceh Darussalam", None, "11"),
    ("NAD", None, "11"),
    ("Jakarta Raya", None, "31"),
    ("Daerah Khusus Jakarta", None, "31"),
    ("Jakarta", None, "31"),
    ("Yogyakarta", None, "34"),
    ("Irian Jaya", None, "91"),
    ("Irian Jaya Barat", None, "92"),
    ("Bangka Belitung", None, "19"),
)
#: Provinces split in 2022: old code -> its present-day successors (incl. itself).
PAPUA_SUCCESSORS: dict[str, frozenset[str]] = {
    "91": frozenset({"91", "93", "94", "95"}),
    "92": frozenset({"92", "96"}),
}

MatchMethod = Literal["code", "exact", "alias", "fuzzy", "ambiguous", "unmatched"]

_CODE_COLS = {
    "kabkota": ("kode", "kode_kab", "kode_kabkota", "kode_wilayah", "kd_kab", "kdkab",
                "kode_kab_kota", "adm2_pcode", "id_kab", "kab_code"),
    "provinsi": ("kode", "kode_prov", "kode_provinsi", "kd_prov", "kdprov", "adm1_pcode",
                 "prov_code"),
}
_NAME_COLS = {
    "kabkota": ("nama", "nama_kab", "nama_kabkota", "nama_kab_kota", "kabupaten_kota",
                "kab_kota", "kabkota", "kabupaten", "wadmkk", "adm2_en", "name_2", "shapename",
                "name", "nmkab"),
    "provinsi": ("nama", "nama_prov", "nama_provinsi", "provinsi", "province", "wadmpr",
                 "adm1_en", "name_1", "shapename", "name", "nmprov"),
}
_PROVINCE_COLS = ("kode_prov", "nama_prov", "provinsi", "province", "kode_provinsi",
                  "nama_provinsi", "wadmpr", "adm1_en", "adm1_pcode", "name_1", "nmprov")
_KIND_COLS = ("jenis", "tipe", "type_2", "engtype_2", "jenis_wilayah", "kind")
_KIND_VALUES = {"kabupaten": "kabupaten", "kab": "kabupaten", "regency": "kabupaten",
                "kota": "kota", "city": "kota", "kotamadya": "kota", "kodya": "kota",
                "municipality": "kota", "kota administrasi": "kota",
                "kabupaten administrasi": "kabupaten"}


def _loose_key(name: object) -> str:
    """A looser key: prefixes, a leading 'Kepulauan'/'Kep.' and the word 'dan' left out.

    Examples
    --------
    >>> _loose_key("Kabupaten Pangkajene dan Kepulauan") == _loose_key("PANGKAJENE KEPULAUAN")
    True
    >>> _loose_key("Kab. Kep. Siau Tagulandang Biaro")
    'siautagulandangbiaro'
    """
    from ._textnorm import _REGION_PREFIX

    text = fold(name)
    while True:
        stripped = _REGION_PREFIX.sub("", text + " ").strip()
        if stripped == text:
            break
        text = stripped
    words = [w for w in text.split() if w != "dan"]
    while len(words) > 1 and words[0] in ("kepulauan", "kep"):
        words = words[1:]
    return "".join("sumatera" if w == "sumatra" else w for w in words)


def _find_col(columns: Iterable[str], wanted: Iterable[str]) -> str | None:
    by_lower = {str(c).lower(): str(c) for c in columns}
    for name in wanted:
        if name in by_lower:
            return by_lower[name]
    return None


@dataclass(frozen=True)
class _Reference:
    """Region list with lookup keys, built once per level."""

    table: pd.DataFrame          # kode, nama, kode_induk, jenis, kind, key, loose
    by_code: dict[str, int]
    by_key: dict[str, list[int]]
    by_loose: dict[str, list[int]]
    aliases: dict[tuple[str, str | None], str]
    province_by_key: dict[str, str]


@functools.lru_cache(maxsize=2)
def _reference(level: str) -> _Reference:
    table = region_list(cast(Level, level))
    if level == "kabkota":
        table["kind"] = table["jenis"].str.lower()
    else:
        table["kind"] = pd.NA
    table["key"] = table["nama"].map(region_key)
    table["loose"] = table["nama"].map(_loose_key)
    by_key: dict[str, list[int]] = {}
    by_loose: dict[str, list[int]] = {}
    for i, (k, lk) in enumerate(zip(table["key"], table["loose"], strict=True)):
        by_key.setdefault(k, []).append(i)
        by_loose.setdefault(lk, []).append(i)
    alias_list = REGION_ALIASES if level == "kabkota" else PROVINCE_ALIASES
    aliases = {(region_key(old), kind): kode for old, kind, kode in alias_list}
    prov = region_list("provinsi")
    province_by_key = {region_key(n): k for k, n in zip(prov["kode"], prov["nama"], strict=True)}
    province_by_key.update({_loose_key(n): k for k, n in zip(prov["kode"], prov["nama"],
                                                              strict=True)})
    province_by_key.update({region_key(old): k for old, _, k in PROVINCE_ALIASES})
    return _Reference(table, {k: i for i, k in enumerate(table["kode"])}, by_key, by_loose,
                      aliases, province_by_key)


@functools.lru_cache(maxsize=1)
def _bps_crosswalk() -> dict[str, str]:
    """BPS 4-digit kab/kota code -> Kemendagri ``PP.KK`` (data/kode_bps_kemendagri.csv)."""
    from .datasets import bundled_file

    table = pd.read_csv(bundled_file("kode_bps_kemendagri.csv"), dtype=str)
    return dict(zip(table["kode_bps"].str.strip(), table["kode"].str.strip(), strict=True))


def _bps_to_kemendagri(code: str | None, level: str) -> list[str]:
    """Kemendagri candidates for a normalised BPS code (several for split Papua provinces)."""
    if code is None:
        return []
    walk = _bps_crosswalk()
    if level == "kabkota":
        hit = walk.get(code.replace(".", ""))
        return [hit] if hit else []
    found = sorted({k[:2] for b, k in walk.items() if b[:2] == code})
    return found


@dataclass
class _Row:
    kode: str | None = None
    method: str = "unmatched"
    score: float = float("nan")
    candidates: str = ""
    note: str = ""


class MatchReport:
    """How each row was matched to a region: one line per input row.

    ``table`` columns: ``row`` (spreadsheet row, header = row 1; for geodata the
    feature number, first = 1), ``input_code``, ``input_name``, ``kode``,
    ``nama``, ``method`` (code / exact / alias / fuzzy / ambiguous /
    unmatched), ``score`` (fuzzy score 0-100, else NaN), ``candidates`` and
    ``note``. The report behaves like that DataFrame for ``[]``, ``len`` and
    ``.loc``.

    Examples
    --------
    >>> import pandas as pd
    >>> _, rep = match_regions(pd.DataFrame({"nama": ["KAB. REJANG LEBONG", "Kota Atlantis"]}),
    ...                        on_unmatched="keep")
    >>> rep.summary().to_dict()
    {'exact': 1, 'unmatched': 1}
    >>> rep.ok
    False
    """

    def __init__(self, table: pd.DataFrame, *, unit: str = "row", source: str = "") -> None:
        self.table = table
        self.unit = unit
        self.source = source

    # DataFrame-like access -------------------------------------------------
    def __len__(self) -> int:
        return len(self.table)

    def __getitem__(self, key: Any) -> Any:
        return self.table[key]

    @property
    def loc(self) -> Any:
        """Label-based access to the report table."""
        return self.table.loc

    @property
    def columns(self) -> pd.Index:
        """Columns of the report table."""
        return self.table.columns

    def to_frame(self) -> pd.DataFrame:
        """The report as a (copied) DataFrame."""
        return cast(pd.DataFrame, self.table.copy())

    # -----------------------------------------------------------------------
    @property
    def problems(self) -> pd.DataFrame:
        """Rows that are ambiguous, unmatched or only fuzzily matched."""
        return cast(pd.DataFrame,
                    self.table[self.table["method"].isin(["ambiguous", "unmatched", "fuzzy"])])

    @property
    def ok(self) -> bool:
        """True when every row has a code."""
        return bool(self.table["kode"].notna().all())

    def summary(self) -> pd.Series:
        """Number of rows per method."""
        counts = self.table["method"].value_counts()
        order = [m for m in ("code", "exact", "alias", "fuzzy", "ambiguous", "unmatched")
                 if m in counts.index]
        out = counts.reindex(order).astype(int)
        out.index.name = "method"
        out.name = "rows"
        return out

    def describe_row(self, rec: Mapping[Any, Any]) -> str:
        """One report row as a readable line."""
        what = []
        if _present(rec.get("input_code")):
            what.append(msg("match_code", code=rec["input_code"]))
        if _present(rec.get("input_name")):
            what.append(msg("match_name", name=rec["input_name"]))
        head = f"{self.source + ', ' if self.source else ''}{self.unit_label(1)} {rec['row']}"
        body = " / ".join(what) or msg("match_no_code_name")
        method = rec["method"]
        if method == "ambiguous":
            tail = msg("match_ambiguous", candidates=rec["candidates"])
        elif method == "unmatched":
            tail = msg("match_none") + (msg("match_closest", candidates=rec["candidates"])
                                        if rec.get("candidates") else "")
        else:
            tail = f"-> {rec['kode']} {rec['nama']} ({msg('method_' + method)}"
            tail += msg("match_score", score=rec["score"]) if method == "fuzzy" else ")"
        note = f" [{rec['note']}]" if rec.get("note") else ""
        return f"{head}: {body} {tail}{note}"

    def unit_label(self, n: int = 2) -> str:
        """The unit ('row', 'feature') in ``settings.language``; plural unless ``n`` is 1."""
        key = f"unit_{self.unit}" + ("" if n == 1 else "s")
        return msg(key) if key in MESSAGES else self.unit + ("" if n == 1 else "s")

    def __str__(self) -> str:
        n = len(self.table)
        counts = ", ".join(f"{v} {msg('method_' + str(k))}" for k, v in self.summary().items())
        lines = [msg("match_head", n=n, unit=self.unit_label(), counts=counts)]
        lines += [self.describe_row(r) for r in self.problems.to_dict("records")]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<MatchReport {dict(self.summary())}>"

    def _repr_html_(self) -> str:
        return str(self.table.to_html())


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and \
        str(value).strip() not in ("", "<NA>", "nan", "None")


def _kind_of(value: object) -> str | None:
    if not _present(value):
        return None
    return _KIND_VALUES.get(fold(value))


def _province_codes(value: object, ref: _Reference) -> frozenset[str] | None:
    """Allowed present-day province codes for a province cell (code or name)."""
    if not _present(value):
        return None
    code = normalise_region_code(value)
    if code is not None:
        code = code[:2]
    else:
        code = ref.province_by_key.get(region_key(value)) or ref.province_by_key.get(
            _loose_key(value))
    if code is None:
        return None
    return PAPUA_SUCCESSORS.get(code, frozenset({code}))


def _candidates_text(ref: _Reference, idx: Iterable[int]) -> str:
    t = ref.table
    return "; ".join(f"{t.at[i, 'kode']!s} {t.at[i, 'nama']!s}" for i in idx)


def _narrow(ref: _Reference, idx: list[int], *, kind: str | None,
            provinces: frozenset[str] | None, geom: Any,
            overlap: Any) -> tuple[list[int], str]:
    """Break ties between same-key candidates by kind, province, then geometry."""
    notes = []
    t = ref.table
    if len(idx) > 1 and kind is not None:
        sub = [i for i in idx if t.at[i, "kind"] == kind]
        if sub:
            idx = sub
    if len(idx) > 1 and provinces is not None:
        sub = [i for i in idx if str(t.at[i, "kode"])[:2] in provinces]
        if sub:
            idx = sub
    if len(idx) > 1 and geom is not None and overlap is not None:
        shares = overlap(geom, [str(t.at[i, "kode"]) for i in idx])
        best = int(np.argmax(shares))
        if shares[best] > 0.5 and sorted(shares)[-2] < 0.2:
            notes.append(msg("note_tie_geometry", pct=fmt_pct(float(shares[best]))))
            idx = [idx[best]]
    return idx, "; ".join(notes)


def _match_name(ref: _Reference, name: object, *, kind: str | None,
                provinces: frozenset[str] | None, geom: Any, overlap: Any) -> _Row:
    if not _present(name):
        return _Row(note=msg("note_no_name"))
    kind = region_kind(name) or kind
    key = region_key(name)
    # (method, candidates, filter by kind): an alias of the table names its region outright
    alias = ref.aliases.get((key, kind)) or ref.aliases.get((key, None))
    steps: list[tuple[str, list[int], bool]] = [
        ("exact", ref.by_key.get(key, []), True),
        ("alias", [ref.by_code[alias]] if alias in ref.by_code else [], False),
        ("alias", ref.by_loose.get(_loose_key(name), []), True),
    ]
    wrong_kind: list[int] = []
    for method, idx, by_kind in steps:
        if kind is not None and idx and by_kind:
            same = [i for i in idx if not _present(ref.table.at[i, "kind"])
                    or ref.table.at[i, "kind"] == kind]
            wrong_kind += [i for i in idx if i not in same and i not in wrong_kind]
            idx = same
        if not idx:
            continue
        idx, note = _narrow(ref, list(idx), kind=kind, provinces=provinces, geom=geom,
                            overlap=overlap)
        if provinces is not None and len(idx) == 1 and \
                str(ref.table.at[idx[0], "kode"])[:2] not in provinces:
            note = "; ".join(filter(None, [note, msg("note_province_disagrees")]))
        if len(idx) == 1:
            return _Row(str(ref.table.at[idx[0], "kode"]), method, note=note)
        return _Row(method="ambiguous", candidates=_candidates_text(ref, idx), note=note)
    if wrong_kind:
        return _Row(candidates=_candidates_text(ref, wrong_kind),
                    note=msg("note_wrong_kind", kind=kind))
    return _match_fuzzy(ref, key, kind=kind, provinces=provinces)


def _match_fuzzy(ref: _Reference, key: str, *, kind: str | None,
                 provinces: frozenset[str] | None) -> _Row:
    """Closest names by rapidfuzz ratio; accepted only when confident (see match_regions)."""
    from rapidfuzz import fuzz, process

    t = ref.table
    if not key:
        return _Row()
    pools = []
    if provinces is not None:
        pools.append(t["kode"].str[:2].isin(provinces).to_numpy(dtype=bool))
    pools.append(np.ones(len(t), dtype=bool))
    found: list[tuple[str, float, int]] = []
    for pool in pools:
        choices = dict(zip(np.flatnonzero(pool).tolist(), t["key"].to_numpy()[pool],
                           strict=True))
        found = process.extract(key, choices, scorer=fuzz.ratio, limit=3,
                                score_cutoff=FUZZY_LIST_SCORE)
        if found:
            break
    if not found:
        return _Row()
    cands = "; ".join(f"{t.at[i, 'kode']!s} {t.at[i, 'nama']!s} ({s:.0f})" for _, s, i in found)
    best_score, best_i = found[0][1], found[0][2]
    runner_up = found[1][1] if len(found) > 1 else 0.0
    same_kind = kind is None or not _present(t.at[best_i, "kind"]) or t.at[best_i, "kind"] == kind
    if best_score >= FUZZY_ACCEPT_SCORE and best_score - runner_up >= 3 and same_kind:
        return _Row(str(t.at[best_i, "kode"]), "fuzzy", float(best_score), cands)
    return _Row(score=float(best_score), candidates=cands, note=msg("note_no_confident"))


def _names_agree(ref: _Reference, i: int, name: object) -> bool:
    key = region_key(name)
    row = ref.table.iloc[i]
    if key in (row["key"],) or _loose_key(name) == row["loose"]:
        return True
    alias = ref.aliases.get((key, region_kind(name))) or ref.aliases.get((key, None))
    if alias == row["kode"]:
        return True
    from rapidfuzz import fuzz

    return bool(fuzz.ratio(key, row["key"]) >= FUZZY_ACCEPT_SCORE)


def _code_candidates(code: str | None, scheme: str, level: str, ref: _Reference) -> list[int]:
    if code is None:
        return []
    if level == "kabkota" and "." not in code:
        return []  # a 2-digit code cannot name a kab/kota
    if level == "provinsi":
        code = code[:2]
    if scheme == "bps":
        return [ref.by_code[k] for k in _bps_to_kemendagri(code, level) if k in ref.by_code]
    return [ref.by_code[code]] if code in ref.by_code else []


def _decide_scheme(codes: list[str | None], names: list[object], level: str,
                   ref: _Reference) -> str:
    """'kemendagri' or 'bps' for code_scheme='auto'; raises when the data cannot tell."""
    pairs = [(c, n) for c, n in zip(codes, names, strict=True) if c is not None]
    if not pairs:
        return "kemendagri"
    result: dict[str, tuple[int, int, list[tuple[int, ...]]]] = {}
    for scheme in ("kemendagri", "bps"):
        valid = agree = 0
        hits: list[tuple[int, ...]] = []
        for c, n in pairs:
            idx = _code_candidates(c, scheme, level, ref)
            hits.append(tuple(idx))
            if idx:
                valid += 1
                if _present(n) and any(_names_agree(ref, i, n) for i in idx):
                    agree += 1
        result[scheme] = (valid, agree, hits)
    (kv, ka, kh), (bv, ba, bh) = result["kemendagri"], result["bps"]
    if kh == bh:  # both schemes give the same regions (e.g. Jawa Barat): no question
        return "kemendagri"
    if ka != ba:
        return "kemendagri" if ka > ba else "bps"
    if kv != bv:
        return "kemendagri" if kv > bv else "bps"
    raise RegionMatchError(msg("match_scheme_unclear", n=len(pairs), k=kv, example=pairs[0][0]))


def _overlap_function(level: str) -> Any:
    """Share of a geometry's area inside each candidate region of the bundled boundaries."""
    bundled = _read_bundled(level).set_index("kode").geometry

    def overlap(geom: Any, kodes: list[str]) -> list[float]:
        if geom is None or geom.is_empty or geom.area == 0:
            return [0.0] * len(kodes)
        out = []
        for k in kodes:
            other = bundled.get(k)
            if other is None:
                out.append(0.0)
                continue
            inter = shapely.intersection(geom, other, grid_size=1e-6)
            out.append(float(shapely.area(inter) / geom.area))
        return out

    return overlap


def match_regions(gdf: pd.DataFrame, *, level: Level = "kabkota", code_col: str | None = None,
                  name_col: str | None = None, province_col: str | None = None,
                  code_scheme: CodeScheme = "auto", on_unmatched: OnUnmatched = "raise",
                  kabkota_col: str | None = None,
                  ) -> tuple[pd.DataFrame, MatchReport]:
    """Attach Kemendagri codes to rows that name a kab/kota or province by code and/or name.

    Each row is matched, in order:

    1. **code** in any common form (``17.02``, ``1702``, ``17 02``); 4-digit
       codes are read in ``code_scheme`` (BPS codes go through
       ``data/kode_bps_kemendagri.csv``). When the row also has a name that
       disagrees with the code's region, the row is reported as ambiguous
       rather than trusted;
    2. **exact** normalised name (case, spacing, punctuation, the prefixes
       Kab./Kabupaten/Kota/Administrasi ignored);
    3. **alias**: old names and spellings (Toba Samosir -> Toba, Mahakam Hulu
       -> Mahakam Ulu, Mamuju Utara -> Pasangkayu, Maluku Tenggara Barat ->
       Kepulauan Tanimbar, Kab. Pontianak -> Mempawah, Kota Baru -> Kotabaru,
       ...; :data:`REGION_ALIASES`) and looser spellings ("Kep." or "dan" left out);
    4. **fuzzy**: a rapidfuzz score against the names left, within the
       province and kind when known. A fuzzy match is *never trusted
       silently*: it is accepted only with a score of at least
       :data:`FUZZY_ACCEPT_SCORE` and a clear lead, and then listed in a
       warning; a lower score counts as unmatched and follows ``on_unmatched``.

    Same-named regions ("Kabupaten Bandung" / "Kota Bandung"; Banjar in
    Jawa Barat and Kalimantan Selatan) are told apart by the Kabupaten/Kota
    prefix or a kind column (``jenis``), the province column and, for
    geodata, by which bundled region the geometry overlaps; when they cannot
    be, the row is "ambiguous" and both candidates are listed.

    Parameters
    ----------
    gdf : pandas.DataFrame or geopandas.GeoDataFrame
        Rows to match (a boundary file or any table).
    level : {'kabkota', 'provinsi', 'kecamatan'}
        Match against the 514 kab/kota, the 38 provinces or the 7,285 kecamatan.
        Kecamatan are matched by code (``PP.KK.CC``) or by name *within their
        kab/kota* (``kabkota_col``), see :func:`pengampuan.kecamatan.match_kecamatan`.
    code_col, name_col, province_col : str, optional
        Columns with the code, the name and the province (code or name).
        Guessed from common names (``kode``, ``kode_kab``, ``nama``,
        ``nama_kab``, ``shapeName``, ``provinsi``, ...) when not given.
    code_scheme : {'auto', 'kemendagri', 'bps'}
        Scheme of the codes. ``'auto'`` reads them both ways and keeps the one
        that agrees with the names (or is valid); it raises when the data
        cannot tell (BPS 3173 is Jakarta Pusat, Kemendagri 31.73 is Jakarta Barat).
    on_unmatched : {'raise', 'warn', 'keep'}
        Rows that are unmatched, ambiguous or below the fuzzy threshold:
        ``'raise'`` a :class:`RegionMatchError` listing all of them (the report is
        ``err.report``), ``'warn'`` with a :class:`PengampuanWarning`, or ``'keep'``
        quietly. With 'warn' and 'keep' such rows are kept with ``kode = <NA>``:
        no row is ever dropped.
    kabkota_col : str, optional
        For ``level="kecamatan"``: the column with each row's kab/kota (code or name).

    Returns
    -------
    (DataFrame or GeoDataFrame, MatchReport)
        The input with ``kode``, ``nama`` (Kemendagri) and ``kode_induk``
        first, then the original columns (an original ``kode``/``nama``/``kode_induk``
        column is renamed ``<name>_asal``); the report, one line per row.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"kab": ["KAB. REJANG LEBONG", "Kota Bengkulu", "TOBA SAMOSIR"]})
    >>> coded, rep = match_regions(table, name_col="kab")
    >>> coded["kode"].tolist(), rep["method"].tolist()
    (['17.02', '17.71', '12.12'], ['exact', 'exact', 'alias'])
    >>> coded, rep = match_regions(pd.DataFrame({"kode": ["3173"], "nama": ["JAKARTA PUSAT"]}))
    >>> coded.loc[0, ["kode", "nama"]].tolist()
    ['31.71', 'Kota Administrasi Jakarta Pusat']
    """
    _check_choice("level", level, LEVELS)
    _check_choice("code_scheme", code_scheme, CODE_SCHEMES)
    _check_choice("on_unmatched", on_unmatched, ON_UNMATCHED)
    if level == "kecamatan":
        from .kecamatan import match_kecamatan

        return cast(tuple[pd.DataFrame, MatchReport], match_kecamatan(
            gdf, code_col=code_col, name_col=name_col, kabkota_col=kabkota_col,
            code_scheme=code_scheme, on_unmatched=on_unmatched))
    ref = _reference(level)
    cols = [str(c) for c in gdf.columns if c != getattr(gdf, "_geometry_column_name", None)]
    for given, what in ((code_col, "code_col"), (name_col, "name_col"),
                        (province_col, "province_col")):
        if given is not None and given not in gdf.columns:
            raise KeyError(f"{what}={given!r} is not a column; columns are {cols}")
    code_col = code_col or _find_col(cols, _CODE_COLS[level])
    name_col = name_col or _find_col(cols, _NAME_COLS[level])
    if level == "kabkota" and province_col is None:
        province_col = _find_col([c for c in cols if c not in (code_col, name_col)],
                                 _PROVINCE_COLS)
    kind_col = _find_col([c for c in cols if c not in (code_col, name_col)], _KIND_COLS)
    if code_col is None and name_col is None:
        raise RegionMatchError(msg("match_no_columns", cols=cols))
    n = len(gdf)
    raw_codes = list(gdf[code_col]) if code_col else [None] * n
    names = list(gdf[name_col]) if name_col else [None] * n
    provs = list(gdf[province_col]) if province_col else [None] * n
    kinds = [_kind_of(v) for v in gdf[kind_col]] if kind_col else [None] * n
    codes = [normalise_region_code(c) for c in raw_codes]
    scheme: str = code_scheme
    if scheme == "auto":
        scheme = _decide_scheme(codes, names, level, ref)
        logger.info("Region codes read as %s codes", scheme)
    is_geo = isinstance(gdf, gpd.GeoDataFrame) and gdf.crs is not None and level in ("kabkota",
                                                                                      "provinsi")
    overlap = None
    geoms: list[Any] = [None] * n
    if is_geo:
        geo = cast(gpd.GeoDataFrame, gdf)
        g4326 = geo.geometry if geo.crs.equals("EPSG:4326") else geo.geometry.to_crs(4326)
        geoms = list(g4326.values)
        overlap = _overlap_function(level)

    rows: list[_Row] = []
    cache: dict[tuple[Any, ...], _Row] = {}
    for i in range(n):
        provinces = _province_codes(provs[i], ref)
        cache_key = (codes[i], str(names[i]), provinces, kinds[i])
        if geoms[i] is None and cache_key in cache:
            rows.append(cache[cache_key])
            continue
        row = _match_one(ref, codes[i], raw_codes[i], names[i], scheme=scheme, level=level,
                         kind=kinds[i], provinces=provinces, geom=geoms[i], overlap=overlap)
        cache[cache_key] = row
        rows.append(row)

    t = ref.table.set_index("kode")
    kode = pd.array([r.kode for r in rows], dtype="string")
    offset = 1 if is_geo or isinstance(gdf, gpd.GeoDataFrame) else 2
    report_table = pd.DataFrame({
        "row": np.arange(n) + offset,
        "input_code": pd.array([None if not _present(c) else str(c) for c in raw_codes],
                               dtype="string"),
        "input_name": pd.array([None if not _present(v) else str(v) for v in names],
                               dtype="string"),
        "kode": kode,
        "nama": pd.array([t.at[k, "nama"] if k else None for k in (r.kode for r in rows)],
                         dtype="string"),
        "method": [r.method for r in rows],
        "score": [r.score for r in rows],
        "candidates": [r.candidates for r in rows],
        "note": [r.note for r in rows],
    })
    report = MatchReport(report_table, unit="feature" if offset == 1 else "row")

    out = gdf.copy()
    rename = {c: f"{c}_asal" for c in ("kode", "nama", "kode_induk") if c in out.columns}
    out = out.rename(columns=rename)
    front = pd.DataFrame({
        "kode": kode,
        "nama": report_table["nama"].array,
        "kode_induk": pd.array([t.at[k, "kode_induk"] if k else None
                                for k in (r.kode for r in rows)], dtype="string"),
    }, index=out.index)
    for j, col in enumerate(front.columns):
        out.insert(j, col, front[col])
    _react(report, on_unmatched=on_unmatched, stacklevel=3)
    logger.info("Matched %d of %d rows to a %s", int(report.table["kode"].notna().sum()), n,
                level)
    return out, report


def _match_one(ref: _Reference, code: str | None, raw_code: object, name: object, *,
               scheme: str, level: str, kind: str | None, provinces: frozenset[str] | None,
               geom: Any, overlap: Any) -> _Row:
    idx = _code_candidates(code, scheme, level, ref)
    notes = []
    if _present(raw_code) and code is None:
        notes.append(msg("note_code_unreadable", code=str(raw_code),
                         form="PP.KK" if level == "kabkota" else "PP"))
    elif code is not None and not idx:
        notes.append(msg("note_code_not_present", code=code, scheme=scheme)
                     + (msg("note_papua_code") if code[:2] in PAPUA_SUCCESSORS else ""))
    if len(idx) > 1:  # BPS province code of a split province
        idx, _ = _narrow(ref, idx, kind=None, provinces=None, geom=geom, overlap=overlap)
    if len(idx) == 1:
        if not _present(name) or _names_agree(ref, idx[0], name):
            return _Row(str(ref.table.at[idx[0], "kode"]), "code")
        by_name = _match_name(ref, name, kind=kind, provinces=provinces, geom=geom,
                              overlap=overlap)
        if by_name.kode == ref.table.at[idx[0], "kode"]:
            return _Row(by_name.kode, "code")
        cands = [_candidates_text(ref, idx)]
        if by_name.kode:
            cands.append(_candidates_text(ref, [ref.by_code[by_name.kode]]))
        return _Row(method="ambiguous", candidates="; ".join(cands),
                    note=msg("note_code_name_differ", code=code, name=str(name)))
    if len(idx) > 1:
        if _present(name):
            agree = [i for i in idx if _names_agree(ref, i, name)]
            if len(agree) == 1:
                return _Row(str(ref.table.at[agree[0], "kode"]), "code")
        return _Row(method="ambiguous", candidates=_candidates_text(ref, idx),
                    note=msg("note_code_several", scheme=scheme, code=code))
    row = _match_name(ref, name, kind=kind, provinces=provinces, geom=geom, overlap=overlap)
    if notes:
        row.note = "; ".join(filter(None, [*notes, row.note]))
    return row


def _react(report: MatchReport, *, on_unmatched: str, stacklevel: int) -> None:
    t = report.table
    fuzzy = t[t["method"] == "fuzzy"]
    if len(fuzzy):
        lines = [report.describe_row(r) for r in fuzzy.head(20).to_dict("records")]
        warnings.warn(
            msg("match_fuzzy", n=len(fuzzy), total=len(t), unit=report.unit_label())
            + ":\n" + "\n".join(lines),
            PengampuanWarning, stacklevel=stacklevel,
        )
    # a code was given but matched nothing, and the name matched instead
    recoded = t[t["kode"].notna() & t["input_code"].map(_present).astype(bool)
                & (t["method"] != "code")]
    if len(recoded):
        papua = recoded["note"].str.contains("Papua", regex=False).any()
        lines = [report.describe_row(r) for r in recoded.head(10).to_dict("records")]
        warnings.warn(
            msg("match_recoded", n=len(recoded), total=len(t), unit=report.unit_label())
            + (msg("match_recoded_papua") if papua else "")
            + ":\n" + "\n".join(lines), PengampuanWarning, stacklevel=stacklevel,
        )
    bad = t[t["kode"].isna()]
    if not len(bad) or on_unmatched == "keep":
        return
    lines = [report.describe_row(r) for r in bad.head(30).to_dict("records")]
    more = "\n" + msg("match_more", n=len(bad) - 30) if len(bad) > 30 else ""
    n_amb = int((bad["method"] == "ambiguous").sum())
    text = (msg("match_unmatched", n=len(bad), total=len(t), unit=report.unit_label(),
                ambiguous=n_amb, unmatched=len(bad) - n_amb) + ":\n" + "\n".join(lines) + more)
    if on_unmatched == "raise":
        text += "\n" + msg("hint_on_unmatched")
        err = RegionMatchError(text)
        err.report = report  # type: ignore[attr-defined]
        raise err
    warnings.warn(text, PengampuanWarning, stacklevel=stacklevel)


# ---------------------------------------------------------------------------
# user files
# ---------------------------------------------------------------------------

_SUFFIXES = (".geojson", ".json", ".gpkg", ".zip", ".shp", ".topojson", ".fgb", ".gml", ".kml")


def _feature_label(gdf: pd.DataFrame, i: int) -> str:
    """'feature 3 (kode '17.02', nama 'Rejang Lebong')' for messages."""
    bits = []
    for wanted in (_CODE_COLS["kabkota"] + _CODE_COLS["provinsi"],
                   _NAME_COLS["kabkota"] + _NAME_COLS["provinsi"]):
        col = _find_col([str(c) for c in gdf.columns if c != "geometry"], wanted)
        if col is not None and _present(gdf[col].iloc[i]):
            bits.append(f"{col} {str(gdf[col].iloc[i])!r}")
    return f"{msg('unit_feature')} {i + 1}" + (f" ({', '.join(bits)})" if bits else "")


def _zip_uri(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if not m.startswith("__MACOSX")]
    except zipfile.BadZipFile as err:
        raise DataFileError([], msg("zip_invalid", path=path, reason=str(err))) from err
    layers = [m for m in members if m.lower().endswith((".shp", ".geojson", ".gpkg", ".json"))]
    if not layers:
        raise DataFileError([], msg("zip_no_layer", path=path, members=members[:10]))
    if len(layers) > 1:
        raise DataFileError([], msg("zip_layers", path=path, n=len(layers), layers=layers))
    return f"zip://{path.resolve()}!{layers[0]}"


def read_boundary_file(path: str | os.PathLike[str], *, crs: Any = None,
                       layer: str | None = None) -> gpd.GeoDataFrame:
    """Read a boundary file and check it: polygons, a CRS, valid geometry; return EPSG:4326.

    Reads GeoJSON, GeoPackage, zipped Shapefile (``.zip``), Shapefile and
    TopoJSON (anything GDAL reads). Any CRS is reprojected to EPSG:4326; a
    missing CRS is an error unless ``crs`` says what it is (TopoJSON, which has
    no CRS member, is read as lon/lat like GeoJSON). Invalid polygons
    are repaired (``shapely.make_valid``) with a warning that counts them.
    Empty or missing geometries and non-polygon geometries (points, lines)
    are errors that name each feature with its code and name, all at once.

    Parameters
    ----------
    path : str or path-like
        The file.
    crs : optional
        CRS of a file that has none (e.g. ``"EPSG:4326"`` or ``32748``).
    layer : str, optional
        Layer of a multi-layer file (GeoPackage); required when there are several.

    Returns
    -------
    geopandas.GeoDataFrame
        The features in EPSG:4326 with all their attributes.

    Raises
    ------
    DataFileMissingError
        The file does not exist.
    CRSError
        No CRS and no ``crs``, or lon/lat coordinates outside -180..180.
    DataFileError
        Empty or non-polygon geometries, or a file GDAL cannot read.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_file
    >>> gdf = read_boundary_file(bundled_file("batas_provinsi.geojson"))
    >>> len(gdf), gdf.crs.to_epsg()
    (38, 4326)
    """
    import pyogrio

    from .errors import DataFileMissingError

    path = Path(path)
    if not path.exists():
        raise DataFileMissingError([], msg("boundary_missing", path=path))
    uri = _zip_uri(path) if path.suffix.lower() == ".zip" else str(path)
    try:
        if layer is None and path.suffix.lower() == ".gpkg":
            layers = [name for name, gtype in pyogrio.list_layers(path)
                      if gtype is None or "polygon" in str(gtype).lower()]
            if len(layers) > 1:
                raise DataFileError([], msg("gpkg_layers", path=path, n=len(layers),
                                            layers=layers))
        gdf = gpd.read_file(uri, layer=layer)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as err:
        raise DataFileError([], msg("boundary_unreadable", path=path, reason=str(err))) from err
    if len(gdf) == 0:
        raise DataFileError([], msg("boundary_no_features", path=path))
    if gdf.crs is None and crs is None and path.suffix.lower() in (".topojson", ".json") \
            and pyogrio.read_info(uri, layer=layer).get("driver") == "TopoJSON":
        # TopoJSON has no CRS member; like GeoJSON its coordinates are lon/lat (the
        # range checks below catch pre-projected files)
        logger.info("%s is TopoJSON without a CRS; reading it as lon/lat (EPSG:4326)", path)
        gdf = gdf.set_crs("EPSG:4326")
    if crs is not None:
        if gdf.crs is not None and not gdf.crs.equals(crs):
            logger.info("%s declares %s; crs=%s given, using the declared CRS", path,
                        gdf.crs.to_string(), crs)
        elif gdf.crs is None:
            gdf = gdf.set_crs(crs)
    if gdf.crs is None:
        raise CRSError(msg("boundary_no_crs", path=path))
    _check_geometries(gdf, path)
    if gdf.crs.is_geographic:
        minx, miny, maxx, maxy = gdf.total_bounds
        if min(minx, miny) < -180 or max(maxx, maxy) > 180:
            raise CRSError(msg("boundary_projected", path=path, crs=gdf.crs.to_string(),
                               reach=float(max(abs(minx), abs(maxx), abs(miny), abs(maxy)))))
    if not gdf.crs.equals("EPSG:4326"):
        logger.info("Reprojecting %s from %s to EPSG:4326", path, gdf.crs.to_string())
        gdf = gdf.to_crs("EPSG:4326")
    minx, miny, maxx, maxy = gdf.total_bounds
    b = INDONESIA_BOUNDS
    if maxx < b["lon_min"] or minx > b["lon_max"] or maxy < b["lat_min"] or miny > b["lat_max"]:
        raise CRSError(msg("boundary_outside", path=path, minx=float(minx), maxx=float(maxx),
                           miny=float(miny), maxy=float(maxy)))
    gdf = _repair(gdf, path)
    _check_coverage(gdf, path)
    return gdf


#: Overlaps of two features larger than this are listed (km²); smaller ones are counted.
OVERLAP_LIST_KM2 = 0.05
#: A feature smaller than this (km²), or thin and smaller than :data:`SLIVER_THIN_KM2`, is
#: a sliver: no kab/kota or province is that small or that thin.
SLIVER_KM2 = 1.0
SLIVER_THIN_KM2 = 50.0
#: Thinness 4*pi*area/perimeter^2 below which a feature counts as thin (a circle has 1).
SLIVER_THINNESS = 0.02


def _check_coverage(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Warn about features that overlap each other and about sliver features.

    A set of region boundaries should be a coverage: no two regions share
    area. Overlaps are found with one STRtree query (``overlaps``), measured
    in :data:`config.AREA_CRS`; slivers are features under :data:`SLIVER_KM2`
    or thin single polygons (4*pi*area/perimeter^2 < :data:`SLIVER_THINNESS`) under
    :data:`SLIVER_THIN_KM2`.
    """
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    if len(geoms) < 1:
        return
    projected = gpd.GeoSeries(geoms, crs=gdf.crs).to_crs(AREA_CRS)
    area = projected.area.to_numpy() / 1e6
    perimeter = projected.length.to_numpy() / 1e3
    with np.errstate(divide="ignore", invalid="ignore"):
        thinness = np.where(perimeter > 0, 4 * np.pi * area / perimeter**2, 1.0)
    single = shapely.get_type_id(geoms) == 3  # archipelagos (MultiPolygon) are thin by nature
    sliver = (area < SLIVER_KM2) | (single & (thinness < SLIVER_THINNESS)
                                    & (area < SLIVER_THIN_KM2))
    if sliver.any():
        idx = np.flatnonzero(sliver)
        labels = [msg("label_km2", label=_feature_label(gdf, int(i)), km2=float(area[i]))
                  for i in idx[:5]]
        warnings.warn(
            msg("boundary_slivers", path=path, n=len(idx), labels="; ".join(labels)),
            PengampuanWarning, stacklevel=3,
        )
    if len(geoms) < 2:
        return
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="overlaps")
    keep = i < j
    i, j = i[keep], j[keep]
    if not len(i):
        return
    inter = shapely.intersection(geoms[i], geoms[j])
    shared = gpd.GeoSeries(inter, crs=gdf.crs).to_crs(AREA_CRS).area.to_numpy() / 1e6
    big = np.flatnonzero(shared >= OVERLAP_LIST_KM2)
    if not len(big):
        return
    order = big[np.argsort(-shared[big])]
    labels = [msg("label_pair_km2", a=_feature_label(gdf, int(i[k])),
                  b=_feature_label(gdf, int(j[k])), km2=float(shared[k])) for k in order[:5]]
    warnings.warn(
        msg("boundary_overlaps", path=path, n=len(big), limit=OVERLAP_LIST_KM2,
            total=float(shared.sum()), pairs=len(i), labels="; ".join(labels)),
        PengampuanWarning, stacklevel=3,
    )


def _check_geometries(gdf: gpd.GeoDataFrame, path: Path) -> None:
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    types = shapely.get_type_id(geoms)
    not_poly = ~missing & ~np.isin(types, (3, 6))
    problems = []
    for i in np.flatnonzero(missing):
        problems.append({"file": str(path), "row": i + 1, "column": "geometry", "value": None,
                         "problem": msg("geometry_missing"), "severity": "error",
                         "label": _feature_label(gdf, int(i))})
    for i in np.flatnonzero(not_poly):
        problems.append({"file": str(path), "row": i + 1, "column": "geometry",
                         "value": geoms[i].geom_type,
                         "problem": msg("geometry_not_polygon"), "severity": "error",
                         "label": _feature_label(gdf, int(i))})
    if problems:
        lines = [f"{path}, {p['label']}: "
                 + (msg("geometry_is_missing") if p["value"] is None
                    else msg("geometry_is_other", kind=p["value"]))
                 for p in problems]
        table = pd.DataFrame(problems).drop(columns="label")
        raise DataFileError(table, msg("boundary_bad_geometries", n=len(problems), path=path)
                            + "\n" + "\n".join(lines))


def _repair(gdf: gpd.GeoDataFrame, path: Path) -> gpd.GeoDataFrame:
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    invalid = ~shapely.is_valid(geoms)
    if not invalid.any():
        return gdf
    fixed = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    polys = [shapely.multipolygons(shapely.get_parts(g)[np.isin(
        shapely.get_type_id(shapely.get_parts(g)), (3,))]) if shapely.get_type_id(g) == 7
        else g for g in fixed]
    geoms = geoms.copy()
    geoms[invalid] = polys
    labels = [_feature_label(gdf, int(i)) for i in np.flatnonzero(invalid)[:5]]
    warnings.warn(
        msg("boundary_repaired", path=path, n=int(invalid.sum()), labels="; ".join(labels)),
        PengampuanWarning, stacklevel=3,
    )
    out = gdf.copy()
    out[out.geometry.name] = gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs)
    return out


def _regions_from_file(gdf: gpd.GeoDataFrame, *, path: Path | str, level: str,
                       code_col: str | None, name_col: str | None, province_col: str | None,
                       code_scheme: str, on_unmatched: str,
                       kabkota_col: str | None = None) -> gpd.GeoDataFrame:
    try:
        coded, report = match_regions(gdf, level=cast(Level, level), code_col=code_col,
                                      name_col=name_col, province_col=province_col,
                                      code_scheme=cast(CodeScheme, code_scheme),
                                      on_unmatched="keep", kabkota_col=kabkota_col)
    except RegionMatchError as err:
        raise RegionMatchError(f"{path}: {err}") from err
    report.source = str(path)
    dup = coded["kode"].notna() & coded["kode"].duplicated(keep=False)
    if dup.any():
        lines = []
        for kode, rows in report.table[dup.to_numpy()].groupby("kode")["row"]:
            nama = coded.loc[coded["kode"] == kode, "nama"].iloc[0]
            lines.append(msg("dup_region_line", kode=kode, nama=nama,
                             rows=", ".join(map(str, rows))))
        raise RegionMatchError(msg("dup_regions", path=path, n=int(dup.sum()))
                               + "\n" + "\n".join(lines))
    _react(report, on_unmatched=on_unmatched, stacklevel=4)
    if "luas_km2" in coded.columns:
        coded = coded.rename(columns={"luas_km2": "luas_km2_asal"})
    present = set(coded["kode"].dropna())
    if level == "provinsi" and present & {"91", "92"} and not present & {"93", "94", "95", "96"}:
        warnings.warn(
            msg("boundary_pre2022", path=path),
            PengampuanWarning, stacklevel=3,
        )
    geo_col = coded.geometry.name
    extra = [c for c in coded.columns if c not in ("kode", "nama", "kode_induk", geo_col)]
    coded["luas_km2"] = _area_km2(coded)
    if level == "kecamatan" and "penduduk" not in coded.columns:  # the bundled estimate
        from .kecamatan import kecamatan_table

        pend = kecamatan_table().set_index("kode")["penduduk"]
        coded["penduduk"] = coded["kode"].map(pend).astype("Int64")
        extra = ["penduduk", *extra]
    coded = coded[["kode", "nama", "kode_induk", "luas_km2", *extra, geo_col]]
    n_ref = len(region_list(cast(Level, level)))
    logger.info("%s: %d features, %d coded, covering %d of %d %s", path, len(coded),
                int(coded["kode"].notna().sum()), int(coded["kode"].nunique()), n_ref, level)
    return coded.reset_index(drop=True)


# ---------------------------------------------------------------------------
# points in regions
# ---------------------------------------------------------------------------


def assign_regions(points: gpd.GeoDataFrame, regions: gpd.GeoDataFrame | None = None, *,
                   declared_col: str | None = "kode_wilayah",
                   max_distance_km: float = NEAREST_FALLBACK_KM) -> pd.DataFrame:
    """The region of each point: point-in-polygon, else the nearest polygon within a few km.

    Points on a generalised coast or a small island often fall just outside
    every polygon; they get the nearest region within ``max_distance_km``
    (great-circle distance to the polygon edge, reported in ``distance_km``).
    Points farther away keep ``kode = <NA>`` (``metode = 'di_luar'``): no row is dropped.

    Parameters
    ----------
    points : geopandas.GeoDataFrame
        Points (e.g. ``Dataset.rumah_sakit``), any CRS.
    regions : geopandas.GeoDataFrame, optional
        Regions with ``kode`` and ``nama`` (default: the bundled kab/kota).
    declared_col : str or None, default 'kode_wilayah'
        Column of ``points`` with the declared region code; compared with the
        assigned one in ``cocok``. Ignored when absent.
    max_distance_km : float, default :data:`NEAREST_FALLBACK_KM`
        Largest distance for the nearest-polygon fallback.

    Returns
    -------
    pandas.DataFrame
        Index of ``points``; columns ``kode``, ``nama``, ``metode``
        (``dalam`` inside, ``terdekat`` nearest, ``di_luar`` none),
        ``distance_km`` (0 inside), and, with a declared column,
        ``kode_wilayah`` and ``cocok`` (assigned == declared; <NA> when either is missing).

    Examples
    --------
    >>> pts = gpd.GeoDataFrame({"kode_wilayah": ["31.71", "31.71"]},
    ...     geometry=gpd.points_from_xy([106.8479, 106.7979], [-6.1970, -6.1867]), crs=4326)
    >>> out = assign_regions(pts)  # RSCM and RS Kanker Dharmais
    >>> out[["kode", "metode", "cocok"]].values.tolist()
    [['31.71', 'dalam', True], ['31.73', 'dalam', False]]
    """
    from .geo import require_wgs84

    pts = require_wgs84(points, name="points")
    reg = load_regions("kabkota") if regions is None else require_wgs84(regions, name="regions")
    for col in ("kode", "nama"):
        if col not in reg.columns:
            raise KeyError(f"regions has no {col!r} column; load them with load_regions()")
    geoms = np.asarray(pts.geometry.values, dtype=object)
    kinds = shapely.get_type_id(geoms)
    if (~shapely.is_missing(geoms) & (kinds != 0)).any():
        raise ValueError("assign_regions needs Point geometries; use .centroid or "
                         ".representative_point() for other shapes")
    reg_geoms = np.asarray(reg.geometry.values, dtype=object)
    tree = shapely.STRtree(reg_geoms)
    n = len(pts)
    pos = np.full(n, -1)
    dist_km = np.full(n, np.nan)
    p_i, r_i = tree.query(geoms, predicate="intersects")
    first = np.unique(p_i, return_index=True)[1]  # a point on a shared border: first region
    pos[p_i[first]] = r_i[first]
    dist_km[p_i[first]] = 0.0
    todo = np.flatnonzero((pos < 0) & ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if len(todo) and max_distance_km > 0:
        lat = shapely.get_y(geoms[todo])
        max_deg = max_distance_km / (KM_PER_DEGREE * np.cos(np.radians(np.abs(lat).max())))
        q_i, q_r = tree.query_nearest(geoms[todo], max_distance=max_deg, all_matches=False)
        near = shapely.get_coordinates(
            shapely.shortest_line(geoms[todo][q_i], reg_geoms[q_r]))[1::2]
        d = great_circle_km(shapely.get_y(geoms[todo][q_i]), shapely.get_x(geoms[todo][q_i]),
                            near[:, 1], near[:, 0])
        ok = d <= max_distance_km
        pos[todo[q_i[ok]]] = q_r[ok]
        dist_km[todo[q_i[ok]]] = np.round(d[ok], 3)
    kode = reg["kode"].astype("string").to_numpy()
    nama = reg["nama"].astype("string").to_numpy()
    found = pos >= 0
    out = pd.DataFrame(index=pts.index)
    safe = np.maximum(pos, 0)
    out["kode"] = pd.array([k if f else None for k, f in zip(kode[safe], found, strict=True)],
                           dtype="string")
    out["nama"] = pd.array([k if f else None for k, f in zip(nama[safe], found, strict=True)],
                           dtype="string")
    out["metode"] = np.select([dist_km == 0, found], ["dalam", "terdekat"], "di_luar")
    out["distance_km"] = dist_km
    if declared_col and declared_col in pts.columns:
        declared = pd.array([normalise_region_code(v) for v in pts[declared_col]],
                            dtype="string")
        out["kode_wilayah"] = declared
        out["cocok"] = (out["kode"] == out["kode_wilayah"]).astype("boolean")
    n_near, n_out = int((out["metode"] == "terdekat").sum()), int((~found).sum())
    logger.info("Assigned %d points: %d inside, %d to the nearest region, %d outside every "
                "region", n, n - n_near - n_out, n_near, n_out)
    return cast(pd.DataFrame, out)


# ---------------------------------------------------------------------------
# downloads
# ---------------------------------------------------------------------------

#: geoBoundaries API (gbOpen) per ADM level; answers JSON with ``gjDownloadURL``.
GEOBOUNDARIES_API = "https://www.geoboundaries.org/api/current/gbOpen/IDN/{adm}/"
_ADM = {"provinsi": "ADM1", "kabkota": "ADM2"}


def download_boundaries(level: Level = "kabkota", *, source: str = "geoboundaries",
                        url: str | None = None, sha256: str | None = None,
                        size: int | None = None) -> Path:
    """Download official-source boundaries into the cache (once) and return the file.

    ``source='geoboundaries'`` asks the geoBoundaries API (gbOpen, IDN
    ``ADM1``/``ADM2``) for its GeoJSON. That edition is the 2020 BPS/OCHA one
    (34-province era, CC BY 3.0 IGO) without Kemendagri codes:
    :func:`load_regions` matches it by name. A later call finds the file in
    the cache (``settings.cache_dir``) without touching the network; with
    ``settings.offline`` only the cache is used.

    Parameters
    ----------
    level : {'kabkota', 'provinsi'}
        ADM2 or ADM1.
    source : {'geoboundaries'}
        The source (only geoBoundaries for now).
    url : str, optional
        Download this file instead of asking the API (e.g. a mirror).
    sha256, size : optional
        Expected SHA-256 (hex) and size in bytes, checked when given.

    Returns
    -------
    pathlib.Path
        The cached file.

    Raises
    ------
    DownloadError
        Offline without a cached copy, the server unreachable or failing,
        or the file not as expected. The message says how to pass a file instead.

    Examples
    --------
    >>> from pengampuan.config import settings
    >>> settings.offline, settings.cache_dir.name  # doctest: +SKIP
    (False, 'pengampuan')
    """
    from .datasets import cached_download, cached_path, fetch_json
    from .errors import DownloadError

    _check_choice("level", level, tuple(_ADM))
    _check_choice("source", source, ("geoboundaries",))
    adm = _ADM[level]
    # the cache is keyed by the full URL: the API's for geoBoundaries (its answer names the
    # file, which may change), the file's own for url=
    name = f"geoBoundaries-IDN-{adm}.geojson" if url is None else \
        f"{adm}-{Path(urlsplit(url).path).name or 'boundaries.geojson'}"
    hint = (f"instead, pass a boundary file you already have: "
            f"load_regions({level!r}, source='path/to/file.geojson') or "
            f"`pengampuan report --boundaries path/to/file.geojson`")
    key = None
    if url is None:
        api = GEOBOUNDARIES_API.format(adm=adm)
        key = api
        cached = cached_path(name, sha256=sha256, size=size, url=api)
        if cached is not None:
            return cached
        try:
            meta = fetch_json(api)
        except DownloadError as err:
            raise DownloadError(f"{err}; {hint}") from err
        url = meta.get("gjDownloadURL") if isinstance(meta, dict) else None
        if not url:
            raise DownloadError(f"{api} answered without 'gjDownloadURL'; the API changed. "
                                f"Pass url= (CLI --url), {hint}")
    try:
        return cached_download(str(url), name=name, sha256=sha256, size=size, key=key)
    except DownloadError as err:
        raise DownloadError(f"{err}; {hint}") from err
