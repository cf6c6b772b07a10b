"""Matching a table's region codes and names to Kemendagri codes: :func:`match_regions`.

By code in any common spelling (Kemendagri or BPS scheme, through the
bundled crosswalk), then by normalised name, then by an alias table of old
names and spellings, then by a reported fuzzy match; same-named regions are
told apart by kind, province and geometry. Kecamatan are matched within
their kab/kota. Every row gets a line in the :class:`MatchReport`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, cast

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._messages import fmt_pct, msg
from .._textnorm import fold, normalise_region_code, region_key, region_kind
from ..errors import RegionMatchError
from ._common import (
    CODE_SCHEMES,
    LEVELS,
    ON_UNMATCHED,
    CodeScheme,
    Level,
    OnUnmatched,
    _check_choice,
)
from .bundled import _read_bundled, region_list
from .kecamatan import _loose, kecamatan_key, normalise_kecamatan_code
from .report import MatchReport, _present, _react

logger = logging.getLogger(__name__)

#: A fuzzy name match is accepted as matched only at or above this score
#: (rapidfuzz ratio, 0-100); lower scores follow ``on_unmatched``.
FUZZY_ACCEPT_SCORE = 90.0
#: Fuzzy candidates below this score are not even listed.
FUZZY_LIST_SCORE = 75.0

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
    from .._textnorm import _REGION_PREFIX

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
    from ..datasets import bundled_file

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
        kab/kota* (``kabkota_col``), see :func:`match_kecamatan`.
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


# ---------------------------------------------------------------------------
# kecamatan: a name is matched within its kab/kota
# ---------------------------------------------------------------------------

_KEC_CODE_COLS = ("kode", "kode_kec", "kode_kecamatan", "kd_kec", "kdkec", "adm3_pcode",
                  "id_kec", "kec_code", "kode_wilayah")
_KEC_NAME_COLS = ("nama", "nama_kec", "nama_kecamatan", "kecamatan", "wadmkc", "adm3_en",
                  "name_3", "shapename", "name", "nmkec")
_PARENT_COLS = ("kode_induk", "kode_kab", "kode_kabkota", "kd_kab", "kdkab", "adm2_pcode",
                "nama_kab", "nama_kabkota", "kabupaten_kota", "kab_kota", "kabkota",
                "kabupaten", "wadmkk", "adm2_en", "name_2", "nmkab")


def _find(columns: Iterable[str], wanted: Iterable[str]) -> str | None:
    by_lower = {str(c).lower(): str(c) for c in columns}
    return next((by_lower[w] for w in wanted if w in by_lower), None)


def _parents(values: list[object], *, code_scheme: str) -> list[str | None]:
    """Kab/kota code of each parent cell (code or name), through the kab/kota matcher."""
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

    from .kecamatan import _reference  # the kecamatan lookup (this module's is per level)

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
