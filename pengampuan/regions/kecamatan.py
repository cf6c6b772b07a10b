"""Kecamatan: the bundled list and polygons, and matching a user's kecamatan to Kemendagri codes.

Used by :func:`pengampuan.load_regions` and :func:`pengampuan.match_regions` with
``level="kecamatan"`` (7,285 kecamatan, codes ``PP.KK.CC``, Kepmendagri 2025) and by
:mod:`pengampuan.demand`. Kecamatan names repeat across Indonesia (dozens of
"Sukamaju"), so a name is matched *within its kab/kota*: from the kab/kota column
of the file (code or name, matched like a kab/kota file) or from the kecamatan code.
"""

from __future__ import annotations

import functools
import gzip
import io
import logging
import re
from collections.abc import Iterable
from typing import Any, cast

import geopandas as gpd
import numpy as np
import pandas as pd

logger = logging.getLogger(__name__)

#: Bundled kecamatan files (in the bundled data folder; built by scripts/build_kecamatan.py).
KECAMATAN_CSV = "kecamatan.csv"
KECAMATAN_POLYGONS = "batas_kecamatan.geojson.gz"

_KEC_CODE_COLS = ("kode", "kode_kec", "kode_kecamatan", "kd_kec", "kdkec", "adm3_pcode",
                  "id_kec", "kec_code", "kode_wilayah")
_KEC_NAME_COLS = ("nama", "nama_kec", "nama_kecamatan", "kecamatan", "wadmkc", "adm3_en",
                  "name_3", "shapename", "name", "nmkec")
_PARENT_COLS = ("kode_induk", "kode_kab", "kode_kabkota", "kd_kab", "kdkab", "adm2_pcode",
                "nama_kab", "nama_kabkota", "kabupaten_kota", "kab_kota", "kabkota",
                "kabupaten", "wadmkk", "adm2_en", "name_2", "nmkab")
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


def _find(columns: Iterable[str], wanted: Iterable[str]) -> str | None:
    by_lower = {str(c).lower(): str(c) for c in columns}
    return next((by_lower[w] for w in wanted if w in by_lower), None)


def _parents(values: list[object], *, code_scheme: str) -> list[str | None]:
    """Kab/kota code of each parent cell (code or name), through the kab/kota matcher."""
    from .._textnorm import normalise_region_code
    from . import _present, match_regions

    uniq = list(dict.fromkeys(str(v) for v in values if _present(v)))
    if not uniq:
        return [None] * len(values)
    is_code = [normalise_region_code(v) is not None for v in uniq]
    table = pd.DataFrame({"kode": [v if c else None for v, c in zip(uniq, is_code, strict=True)],
                          "nama": [None if c else v for v, c in zip(uniq, is_code, strict=True)]})
    coded, _ = match_regions(table, level="kabkota", code_col="kode", name_col="nama",
                             code_scheme=cast(Any, code_scheme), on_unmatched="keep")
    found = [None if pd.isna(k) else str(k) for k in coded["kode"]]
    lookup = dict(zip(uniq, found, strict=True))
    return [lookup.get(str(v)) if _present(v) else None for v in values]


def match_kecamatan(gdf: pd.DataFrame, *, code_col: str | None = None,
                    name_col: str | None = None, kabkota_col: str | None = None,
                    code_scheme: str = "auto", on_unmatched: str = "raise",
                    ) -> tuple[pd.DataFrame, Any]:
    """Attach kecamatan codes (``PP.KK.CC``) to rows; see :func:`pengampuan.match_regions`.

    Each row is matched by **code** (``PP.KK.CC`` in any common spelling; 7-digit BPS
    kecamatan codes are not read), else by **name within its kab/kota** (the kab/kota
    column, code or name, matched like a kab/kota file): exact folded name, then a looser
    spelling ("Kep." left out), then a confident fuzzy match (reported in a warning).
    Without a kab/kota column a name is matched only when it is unique in Indonesia.
    A code whose kecamatan has a clearly different name is reported as ambiguous.

    Examples
    --------
    >>> table = pd.DataFrame({"kecamatan": ["Curup Tengah", "KEC. SELUPU REJANG", "Wonosari"],
    ...                       "kabupaten": ["Rejang Lebong", "KAB. REJANG LEBONG", None]})
    >>> coded, rep = match_kecamatan(table, on_unmatched="keep")
    >>> coded["kode"].tolist()
    ['17.02.19', '17.02.11', <NA>]
    >>> rep["method"].tolist()
    ['exact', 'exact', 'ambiguous']
    """
    from rapidfuzz import fuzz, process

    from . import (
        FUZZY_ACCEPT_SCORE,
        FUZZY_LIST_SCORE,
        MatchReport,
        _present,
        _react,
    )

    t, by_code, by_key, by_loose, national = _reference()
    cols = [str(c) for c in gdf.columns if c != getattr(gdf, "_geometry_column_name", None)]
    for given, what in ((code_col, "code_col"), (name_col, "name_col"),
                        (kabkota_col, "kabkota_col")):
        if given is not None and given not in gdf.columns:
            raise KeyError(f"{what}={given!r} is not a column; columns are {cols}")
    code_col = code_col or _find(cols, _KEC_CODE_COLS)
    name_col = name_col or _find([c for c in cols if c != code_col], _KEC_NAME_COLS)
    kabkota_col = kabkota_col or _find([c for c in cols if c not in (code_col, name_col)],
                                       _PARENT_COLS)
    if code_col is None and name_col is None:
        from ..errors import RegionMatchError

        raise RegionMatchError(f"no column with a kecamatan code or name was found among "
                               f"{cols}; pass code_col= and/or name_col=")
    n = len(gdf)
    raw_codes = list(gdf[code_col]) if code_col else [None] * n
    names = list(gdf[name_col]) if name_col else [None] * n
    parents = (_parents(list(gdf[kabkota_col]), code_scheme=code_scheme) if kabkota_col
               else [None] * n)
    keys = t["key"].to_numpy()
    nama_by_code = dict(zip(t["kode"].astype(str), t["nama"].astype(str), strict=True))

    def by_name(name: object, parent: str | None) -> tuple[str | None, str, float, str, str]:
        if not _present(name):
            return None, "unmatched", np.nan, "", "no name"
        key, lk = kecamatan_key(name), _loose(name)
        if parent is None:
            idx = national.get(key, [])
            if len(idx) == 1:
                return str(t.at[idx[0], "kode"]), "exact", np.nan, "", "no kab/kota given"
            if idx:
                cands = "; ".join(f"{t.at[i, 'kode']} {t.at[i, 'nama']}" for i in idx[:5])
                return (None, "ambiguous", np.nan, cands,
                        f"{len(idx)} kecamatan have this name; give the kab/kota column")
            return None, "unmatched", np.nan, "", "no kab/kota given to narrow the name"
        for method, idx in (("exact", by_key.get((parent, key), [])),
                            ("alias", by_loose.get((parent, lk), []))):
            if len(idx) == 1:
                return str(t.at[idx[0], "kode"]), method, np.nan, "", ""
            if idx:
                cands = "; ".join(f"{t.at[i, 'kode']} {t.at[i, 'nama']}" for i in idx)
                return None, "ambiguous", np.nan, cands, ""
        pool = np.flatnonzero(t["kode_induk"].to_numpy(dtype=str) == parent)
        found = process.extract(key, dict(zip(pool.tolist(), keys[pool], strict=True)),
                                scorer=fuzz.ratio, limit=3, score_cutoff=FUZZY_LIST_SCORE)
        if not found:
            return None, "unmatched", np.nan, "", f"no kecamatan of this name in {parent}"
        cands = "; ".join(f"{t.at[i, 'kode']} {t.at[i, 'nama']} ({s:.0f})" for _, s, i in found)
        best, runner = found[0][1], (found[1][1] if len(found) > 1 else 0.0)
        if best >= FUZZY_ACCEPT_SCORE and best - runner >= 3:
            return str(t.at[found[0][2], "kode"]), "fuzzy", float(best), cands, ""
        return None, "unmatched", float(best), cands, "no confident match"

    rows = []
    for i in range(n):
        code = normalise_kecamatan_code(raw_codes[i])
        note = ""
        if _present(raw_codes[i]) and code is None:
            note = f"code {raw_codes[i]!s} is not a PP.KK.CC kecamatan code"
        elif code is not None and code not in by_code:
            note = f"code {code} is not a kecamatan code of Kepmendagri 2025"
        if code in by_code:
            j = by_code[code]
            agree = not _present(names[i]) or fuzz.ratio(
                _loose(names[i]), _loose(t.at[j, "nama"])) >= FUZZY_LIST_SCORE
            if agree:
                rows.append((code, "code", np.nan, "", ""))
                continue
            other = by_name(names[i], parents[i] or code[:5])[0]
            rows.append((None, "ambiguous", np.nan,
                         f"{code} {t.at[j, 'nama']}"
                         + (f"; {other} {nama_by_code[other]}" if other else ""),
                         f"code {code} and name {names[i]!s} name different kecamatan"))
            continue
        kode, method, score, cands, extra = by_name(names[i], parents[i])
        rows.append((kode, method, score, cands, "; ".join(filter(None, [note, extra]))))

    nama_by = t.set_index("kode")["nama"]
    induk_by = t.set_index("kode")["kode_induk"]
    kode = pd.array([r[0] for r in rows], dtype="string")
    offset = 1 if isinstance(gdf, gpd.GeoDataFrame) else 2
    report = MatchReport(pd.DataFrame({
        "row": np.arange(n) + offset,
        "input_code": pd.array([str(c) if _present(c) else None for c in raw_codes],
                               dtype="string"),
        "input_name": pd.array([str(v) if _present(v) else None for v in names],
                               dtype="string"),
        "kode": kode,
        "nama": pd.array([nama_by.get(k) if k else None for k in (r[0] for r in rows)],
                         dtype="string"),
        "method": [r[1] for r in rows], "score": [r[2] for r in rows],
        "candidates": [r[3] for r in rows], "note": [r[4] for r in rows],
    }), unit="feature" if offset == 1 else "row")
    out = gdf.copy()
    out = out.rename(columns={c: f"{c}_asal" for c in ("kode", "nama", "kode_induk")
                              if c in out.columns})
    front = {"kode": kode, "nama": report.table["nama"].array,
             "kode_induk": pd.array([induk_by.get(k) if k else None
                                     for k in (r[0] for r in rows)], dtype="string")}
    for j, (col, values) in enumerate(front.items()):
        out.insert(j, col, pd.Series(values, index=out.index))
    _react(report, on_unmatched=on_unmatched, stacklevel=4)
    logger.info("Matched %d of %d rows to a kecamatan", int((~kode.isna()).sum()), n)
    return out, report
