"""The five tables of a data folder, typed from their raw text.

One parser per table (rumah_sakit, layanan, jejaring, wilayah, fasilitas):
required columns and values, codes, coordinates in Indonesia, known layanan,
strata and facility names, evidence grades, and the checks within one file
(unique codes, links to themselves, repeated links, cycles of links).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd

from .._messages import msg
from .._textnorm import normalise_region_code
from ..config import BUKTI, FASILITAS, INDONESIA_BOUNDS, LOKASI_PRESISI, Config
from .contract import FILES, JENIS_RS, JENIS_RS_RSONLINE, OPTIONAL, REQUIRED, ROW
from .problems import _Problems, _quoted, _rows_text
from .read import _RawTable
from .values import (
    _canonical,
    _contoh,
    _parse_dates,
    _parse_float,
    _parse_int,
    _parse_kode_wilayah,
)

KELAS: tuple[str, ...] = ("A", "B", "C", "D")
JENIS_LINK: tuple[str, ...] = ("sumber", "usulan")
STATUS_VALUES: tuple[str, ...] = ("ada", "target")
TINGKAT_VALUES: tuple[str, ...] = ("provinsi", "kabkota")
_TINGKAT_ALIASES = {
    "prov": "provinsi", "propinsi": "provinsi", "province": "provinsi",
    "kabupaten": "kabkota", "kota": "kabkota", "kab": "kabkota", "kab/kota": "kabkota",
    "kabupaten/kota": "kabkota", "kab kota": "kabkota", "kab_kota": "kabkota",
    "district": "kabkota", "regency": "kabkota", "city": "kabkota",
}
#: Words around a hospital class in a spreadsheet ('Tipe B', 'Kelas B', 'RS Kelas B', 'Type B').
_KELAS_WORDS = re.compile(r"\b(?:RUMAH SAKIT|RSU?D?|TIPE|TYPE|KELAS|CLASS|PRATAMA)\b|[^A-Z0-9 ]")
#: Columns that may hold the class when the file has no column read as ``kelas``.
_KELAS_FALLBACK = ("jenis_rs", "jenis_rumah_sakit", "jenis")
_YEAR_RANGE = (1900, 2100)


def _kelas_value(value: str) -> str | None:
    """The hospital class A/B/C/D a spreadsheet value names (None: not a class).

    Examples
    --------
    >>> [_kelas_value(v) for v in ("B", "b", "Tipe B", "Kelas B", "RS Tipe C", "D Pratama")]
    ['B', 'B', 'B', 'B', 'C', 'D']
    >>> _kelas_value("Tipe E"), _kelas_value("Umum")
    (None, None)
    """
    rest = " ".join(_KELAS_WORDS.sub(" ", value.upper()).split())
    return rest if rest in KELAS else None

def _jenis_rs_value(value: str) -> str | None:
    """The hospital type (:data:`~pengampuan.io.contract.JENIS_RS`) a value names (None: unknown).

    A ``jenis_rs`` value itself (any case, ' ' or '-' for '_') or an RS Online
    ``JenisRS`` value (:data:`~pengampuan.io.contract.JENIS_RS_RSONLINE`).

    Examples
    --------
    >>> [_jenis_rs_value(v) for v in ("umum", "Ibu Anak", "RSU", "RSIA", "RSK Jiwa", "RSK THT-KL")]
    ['umum', 'ibu_anak', 'umum', 'ibu_anak', 'jiwa', 'tht']
    >>> _jenis_rs_value("RS Bersalin"), _jenis_rs_value("B")
    (None, None)
    """
    canon = "_".join(re.sub(r"[^a-z0-9]+", " ", value.lower()).split())
    if canon in JENIS_RS:
        return canon
    return JENIS_RS_RSONLINE.get(" ".join(re.sub(r"[^A-Z0-9]+", " ", value.upper()).split()))


#: Columns of each typed table, in this order (extra columns of the file follow them).
_FRONT: dict[str, tuple[str, ...]] = {
    "rumah_sakit": ("kode_rs", "nama", "lat", "lon", "kode_wilayah", "kode_prov", "kode_wilayah_sk",
                    "kode_rsonline", "kelas", "jenis_rs", "kepemilikan", "tempat_tidur", "alias",
                    "lokasi_presisi", "pengampu_nasional", "sumber", "contoh"),
    "layanan": ("kode_rs", "layanan", "strata", "status", "tahun", "sumber", "bukti", "contoh"),
    "jejaring": ("pengampu", "diampu", "layanan", "mulai", "sumber", "jenis", "bukti", "contoh"),
    "wilayah": ("kode", "nama", "tingkat", "kode_induk", "penduduk", "tahun_penduduk", "sumber"),
    "fasilitas": ("kode_rs", "fasilitas", "tahun", "sumber", "bukti", "contoh"),
}


def _check_columns(raw: _RawTable, problems: _Problems, table: str) -> list[str]:
    """Record missing required columns; return their names (they are added empty)."""
    missing = [c for c in REQUIRED[table] if c not in raw.columns]
    if missing:
        hint = ""
        if len(raw.columns) == 1 and "|" in raw.columns[0]:
            hint = msg("separator_pipe")
        found = [c for c in raw.columns]
        cols = ", ".join(repr(c) for c in missing)
        key = "missing_columns" if len(missing) > 1 else "missing_column"
        problems.add(raw.file, msg(key, cols=cols, found=found, hint=hint), row=raw.header_row)
        for c in missing:
            raw.data[c] = pd.Series([""] * len(raw.data), dtype="str", index=raw.data.index)
    extra = [c for c in raw.columns if c not in REQUIRED[table] and c not in OPTIONAL[table]
             and "__" not in c]
    if extra and not missing:
        problems.add(raw.file, msg("extra_columns", extra=extra), row=raw.header_row,
                     severity="note")
    return missing


def _check_required(raw: _RawTable, problems: _Problems, table: str,
                    expected: dict[str, str]) -> pd.DataFrame:
    """Required columns (a missing one is added empty) and empty required values of ``table``.

    Returns the raw cells (``raw.data``).
    """
    _check_columns(raw, problems, table)
    df = raw.data
    for col in (c for c in REQUIRED[table] if c in raw.columns):
        empty = (df[col] == "").to_numpy()
        for row in df[ROW].to_numpy()[empty]:
            problems.add(raw.file, msg("is_empty", expected=expected.get(col) or msg("exp_value")),
                         row=int(row), column=col)
    return df


def _in_order(out: pd.DataFrame, raw: _RawTable, table: str) -> pd.DataFrame:
    """``out`` with the row numbers: the columns of ``table`` first, then the extra ones."""
    out[ROW] = raw.data[ROW]
    front = _FRONT[table]
    return out[[*front, *[c for c in out.columns if c not in front]]]


def _provenance(out: pd.DataFrame, raw: _RawTable, problems: _Problems) -> None:
    """Set ``sumber``, ``bukti`` (evidence grade) and ``contoh`` (illustrative row) of ``out``."""
    out["sumber"] = _text(raw, "sumber")
    out["bukti"] = _bukti(raw, problems)
    out["contoh"] = _contoh(raw, problems)


def _year(raw: _RawTable, problems: _Problems, col: str, *, example: int) -> pd.Series:
    """Int64 years (1900..2100) of ``col``; all <NA> when the file has no such column."""
    if col not in raw.data:
        return pd.Series(pd.NA, index=raw.data.index, dtype="Int64")
    return _parse_int(raw, problems, col, minimum=_YEAR_RANGE[0], maximum=_YEAR_RANGE[1],
                      expected=msg("exp_year", year=example))


def _one_of_aliases(values: list[str], aliases: Mapping[str, str]) -> str:
    """What a column of known values expects: the values and the spellings read as them."""
    shown = ", ".join(f"{a!r}->{c}" for a, c in sorted(aliases.items()))
    return msg("exp_one_of_aliases", values=values, aliases=shown)


def _optional(df: pd.DataFrame, col: str, default: str = "") -> pd.Series:
    if col not in df:
        df[col] = pd.Series([default] * len(df), dtype="str", index=df.index)
    return df[col]


def _text(raw: _RawTable, col: str) -> pd.Series:
    return _optional(raw.data, col).astype("str")


def _kelas_from_jenis(raw: _RawTable, problems: _Problems) -> str | None:
    """Read a 'Jenis RS' column as ``kelas`` when it holds nothing but hospital classes.

    'Jenis' usually is the kind of hospital (RSU, RSIA, RSJ: kept as it is);
    some lists put the class there ('Tipe B'). Returns the column read as
    ``kelas`` (None: none).
    """
    df = raw.data
    for col in (c for c in _KELAS_FALLBACK if c in df):
        values = pd.unique(df[col].to_numpy())
        filled = [v for v in values if v != ""]
        if filled and all(_kelas_value(str(v)) for v in filled):
            df["kelas"] = df[col]
            text = (msg("kelas_from_jenis_rs") if col == "jenis_rs"
                    else msg("kelas_from_column", col=col))
            problems.add(raw.file, text, row=raw.header_row, column=col, severity="note")
            return col
    return None


def _parse_rumah_sakit(raw: _RawTable, problems: _Problems, *, config: Config,
                      code_scheme: str = "kemendagri") -> gpd.GeoDataFrame:
    """Typed hospitals table from a raw table (problems recorded, row numbers in ROW)."""
    df = _check_required(raw, problems, "rumah_sakit", {
        "kode_rs": msg("exp_kode_rs"), "nama": msg("exp_nama_rs"),
        "lat": msg("exp_lat"), "lon": msg("exp_lon"), "kode_wilayah": msg("exp_kode_wilayah")})
    rows = df[ROW].to_numpy()
    _check_unique_codes(raw, problems, "kode_rs")
    lat = _parse_float(raw, problems, "lat", expected=msg("exp_lat"))
    lon = _parse_float(raw, problems, "lon", expected=msg("exp_lon"))
    _check_coordinates(raw, problems, lat, lon)
    kode_wilayah = _parse_kode_wilayah(raw, problems, "kode_wilayah", code_scheme=code_scheme)
    kelas_col = None if "kelas" in df else _kelas_from_jenis(raw, problems)
    kelas = _canonical(raw, problems, "kelas" if "kelas" in df else _ensure(df, "kelas"),
                      _kelas_value,
                      expected=msg("exp_kelas", values=list(KELAS)), severity="warning")
    if "jenis_rs" in df and kelas_col != "jenis_rs":
        jenis_rs = _canonical(raw, problems, "jenis_rs", _jenis_rs_value, severity="warning",
                              expected=msg("exp_jenis_rs", values=list(JENIS_RS),
                                           rsonline=sorted(JENIS_RS_RSONLINE)))
    else:   # absent, or holding hospital classes (read as kelas)
        jenis_rs = pd.Series("", index=df.index, dtype="str")
    if "lokasi_presisi" in df:
        lokasi = _canonical(raw, problems, "lokasi_presisi",
                           lambda v: v.lower() if v.lower() in LOKASI_PRESISI else None,
                           expected=msg("exp_one_of", values=list(LOKASI_PRESISI)))
        empty = (df["lokasi_presisi"] == "").to_numpy()
        if empty.any():
            problems.add(raw.file, msg("lokasi_empty", n=int(empty.sum()),
                                       row=int(rows[empty][0])),
                         column="lokasi_presisi", severity="note")
            lokasi = lokasi.where(~empty, "sumber")
    else:
        lokasi = pd.Series("sumber", index=df.index, dtype="str")
    nasional = _parse_layanan_list(raw, problems, "pengampu_nasional", config)
    kode_sk = (_parse_kode_wilayah(raw, problems, "kode_wilayah_sk", code_scheme=code_scheme)
               if "kode_wilayah_sk" in df else pd.Series("", index=df.index, dtype="str"))
    rsonline = _text(raw, "kode_rsonline")
    bad_rso = ((rsonline != "") & ~rsonline.str.fullmatch(r"\d{7}")).to_numpy()
    for row, value in zip(rows[bad_rso], rsonline.to_numpy()[bad_rso], strict=True):
        problems.add(raw.file, msg("not_rsonline_code"), row=int(row),
                     column="kode_rsonline", value=value, severity="warning")
    out = df.drop(columns=[ROW]).copy()
    out["kode_rs"] = df["kode_rs"]
    out["lat"] = lat
    out["lon"] = lon
    out["kode_wilayah"] = kode_wilayah
    out["kode_prov"] = kode_wilayah.str.slice(0, 2)
    out["kode_wilayah_sk"] = kode_sk
    out["kode_rsonline"] = rsonline
    out["kelas"] = kelas
    out["jenis_rs"] = jenis_rs
    for col in ("kepemilikan", "alias", "sumber"):
        out[col] = _text(raw, col)
    out["tempat_tidur"] = (_parse_int(raw, problems, "tempat_tidur", minimum=0, thousands=True,
                                     expected=msg("exp_beds"))
                           if "tempat_tidur" in df else pd.Series(pd.NA, index=df.index,
                                                                    dtype="Int64"))
    out["lokasi_presisi"] = lokasi
    out["pengampu_nasional"] = nasional
    out["contoh"] = _contoh(raw, problems)
    out = _in_order(out, raw, "rumah_sakit")
    geometry = gpd.points_from_xy(lon.to_numpy(), lat.to_numpy(), crs="EPSG:4326")
    return gpd.GeoDataFrame(out, geometry=geometry, crs="EPSG:4326")


def _ensure(df: pd.DataFrame, col: str) -> str:
    _optional(df, col)
    return col


def _parse_layanan_list(raw: _RawTable, problems: _Problems, col: str, config: Config) -> pd.Series:
    """';'-separated layanan codes, each canonicalised (unknown ones are errors)."""
    s = _optional(raw.data, col)
    rows = raw.data[ROW].to_numpy()
    out: list[str] = []
    for row, value in zip(rows, s.to_numpy(), strict=True):
        parts = [p.strip() for p in re.split(r"[;,]", str(value)) if p.strip()]
        canon = []
        for p in parts:
            c = config.normalise_layanan(p)
            if c is None:
                problems.add(raw.file, msg("not_layanan_list", values=sorted(config.layanan)),
                             row=int(row), column=col, value=p)
            else:
                canon.append(c)
        out.append(";".join(dict.fromkeys(canon)))
    return pd.Series(out, index=raw.data.index, dtype="str")


def _check_unique_codes(raw: _RawTable, problems: _Problems, col: str) -> None:
    """Duplicate codes, also those that differ only in letter case (RS0002 / rs0002)."""
    s = raw.data[col]
    key = s.str.upper()
    dup = (key.duplicated(keep=False) & (s != "")).to_numpy()
    if not dup.any():
        return
    sub = pd.DataFrame({"key": key[dup], "value": s[dup], "row": raw.data[ROW][dup]})
    for _, grp in sub.groupby("key", sort=False):
        rows = grp["row"].tolist()
        values = list(dict.fromkeys(grp["value"]))
        if len(values) == 1:
            text = msg("code_not_unique", rows=_rows_text(rows), col=col)
        else:
            text = msg("code_case_not_unique", rows=_rows_text(rows), values=_quoted(values),
                       col=col)
        problems.add(raw.file, text, row=rows[1], column=col, value=grp["value"].iloc[0])


def _check_coordinates(raw: _RawTable, problems: _Problems, lat: pd.Series, lon: pd.Series) -> None:
    b = INDONESIA_BOUNDS
    la, lo = lat.to_numpy(), lon.to_numpy()
    rows = raw.data[ROW].to_numpy()
    both = ~np.isnan(la) & ~np.isnan(lo)
    zero = both & (la == 0) & (lo == 0)
    lat_in = (la >= b["lat_min"]) & (la <= b["lat_max"])
    lon_in = (lo >= b["lon_min"]) & (lo <= b["lon_max"])
    # swapped: each value fits the other's range
    swapped = both & ~lat_in & ~lon_in & (la >= b["lon_min"]) & (la <= b["lon_max"]) & \
        (lo >= b["lat_min"]) & (lo <= b["lat_max"])
    lat_range = msg("range", lo=b["lat_min"], hi=b["lat_max"])
    lon_range = msg("range", lo=b["lon_min"], hi=b["lon_max"])
    for i in np.flatnonzero(zero):
        problems.add(raw.file, msg("lat_lon_zero"), row=int(rows[i]), column="lat", value="0")
    for i in np.flatnonzero(~np.isnan(la) & ~lat_in & ~zero):
        hint = msg("hint_swapped") if swapped[i] else (
            msg("hint_projected") if abs(la[i]) > 90 and not swapped[i] else "")
        problems.add(raw.file, msg("lat_outside", range=lat_range, hint=hint), row=int(rows[i]),
                     column="lat", value=raw.data["lat"].iloc[i])
    for i in np.flatnonzero(~np.isnan(lo) & ~lon_in & ~zero):
        if swapped[i]:
            hint = msg("hint_swapped")
        elif -b["lon_max"] <= lo[i] <= -b["lon_min"]:
            hint = msg("hint_lon_sign")
        elif abs(lo[i]) > 180:
            hint = msg("hint_projected")
        else:
            hint = ""
        problems.add(raw.file, msg("lon_outside", range=lon_range, hint=hint), row=int(rows[i]),
                     column="lon", value=raw.data["lon"].iloc[i])


def _parse_layanan(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed layanan table (kode_rs, layanan, strata, status, tahun, sumber, contoh)."""
    df = _check_required(raw, problems, "layanan", {
        "kode_rs": msg("exp_kode_rs_known"),
        "layanan": msg("exp_layanan", values=sorted(config.layanan)),
        "strata": msg("exp_strata", values=list(config.strata_order))})
    out = df.drop(columns=[ROW]).copy()
    out["layanan"] = _canonical(raw, problems, "layanan", config.normalise_layanan,
                               expected=_layanan_expected(config))
    out["strata"] = _canonical(raw, problems, "strata", config.normalise_strata,
                              expected=_strata_expected(config))
    out["status"] = _status(raw, problems)
    out["tahun"] = _year(raw, problems, "tahun", example=2025)
    _provenance(out, raw, problems)
    return _in_order(out, raw, "layanan")


def _layanan_expected(config: Config) -> str:
    return _one_of_aliases(sorted(config.layanan), config.layanan_aliases)


def _strata_expected(config: Config) -> str:
    return _one_of_aliases(list(config.strata_order), config.strata_aliases)


def _status(raw: _RawTable, problems: _Problems) -> pd.Series:
    """``ada`` or ``target``; a missing column or an empty cell is ``ada`` (noted)."""
    return _known_value(raw, problems, "status", STATUS_VALUES, default="ada",
                        missing="no_status_column", empty="status_empty", expected="exp_status")


def _known_value(raw: _RawTable, problems: _Problems, col: str, values: Sequence[str], *,
                 default: str, missing: str, empty: str, expected: str) -> pd.Series:
    """A column of known ``values`` (any letter case); absent or empty: ``default``.

    ``missing``, ``empty`` and ``expected`` are the message keys of the note for
    an absent column, of the note for empty cells, and of what is expected.
    """
    df = raw.data
    if col not in df:
        if len(df):
            problems.add(raw.file, msg(missing), row=raw.header_row, severity="note")
        return pd.Series(default, index=df.index, dtype="str")
    s = _canonical(raw, problems, col,
                  lambda v: v.strip().lower() if v.strip().lower() in values else None,
                  expected=msg(expected, values=list(values)))
    blank = (df[col] == "").to_numpy()
    if blank.any():
        problems.add(raw.file, msg(empty, n=int(blank.sum()),
                                   row=int(df[ROW].to_numpy()[blank][0])),
                     column=col, severity="note")
        s = s.where(~blank, default)
    return s


def _parse_jejaring(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed jejaring table (pengampu, diampu, layanan, mulai, sumber, jenis, contoh)."""
    df = _check_required(raw, problems, "jejaring", {
        "pengampu": msg("exp_pengampu"), "diampu": msg("exp_diampu"),
        "layanan": msg("exp_layanan", values=sorted(config.layanan))})
    out = df.drop(columns=[ROW]).copy()
    out["layanan"] = _canonical(raw, problems, "layanan", config.normalise_layanan,
                               expected=_layanan_expected(config))
    out["mulai"] = (_parse_dates(raw, problems, "mulai") if "mulai" in df
                    else pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]"))
    if "jenis" in df:
        jenis = _canonical(raw, problems, "jenis",
                          lambda v: v.lower() if v.lower() in JENIS_LINK else None,
                          expected=msg("exp_jenis", values=list(JENIS_LINK)))
        jenis = jenis.where(df["jenis"] != "", "sumber")
    else:
        jenis = pd.Series("sumber", index=df.index, dtype="str")
    out["jenis"] = jenis
    _provenance(out, raw, problems)
    return _in_order(out, raw, "jejaring")


def _bukti(raw: _RawTable, problems: _Problems) -> pd.Series:
    """Evidence grades; a missing column or empty cell is an empty grade (noted, included)."""
    return _known_value(raw, problems, "bukti", BUKTI, default="", missing="no_bukti_column",
                        empty="bukti_empty", expected="exp_bukti")


_FASILITAS_ALIASES = {
    "hd": "hemodialisis", "hemodialisa": "hemodialisis", "dialisis": "hemodialisis",
    "cuci darah": "hemodialisis", "cath lab": "cathlab", "kateterisasi jantung": "cathlab",
    "radioterapi onkologi radiasi": "radioterapi", "kemoterapi hemato onkologi": "kemoterapi",
    "stroke unit": "stroke_unit", "unit stroke": "stroke_unit",
}


def _normalise_fasilitas(value: str) -> str | None:
    key = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if key.replace(" ", "_") in FASILITAS:
        return key.replace(" ", "_")
    return _FASILITAS_ALIASES.get(key)


def _parse_fasilitas(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed fasilitas table (kode_rs, fasilitas, tahun, sumber, bukti, contoh)."""
    df = _check_required(raw, problems, "fasilitas", {
        "kode_rs": msg("exp_kode_rs_known"),
        "fasilitas": msg("exp_fasilitas", values=list(FASILITAS))})
    out = df.drop(columns=[ROW]).copy()
    out["fasilitas"] = _canonical(raw, problems, "fasilitas", _normalise_fasilitas,
                                 expected=_one_of_aliases(list(FASILITAS), _FASILITAS_ALIASES))
    out["tahun"] = _year(raw, problems, "tahun", example=2020)
    _provenance(out, raw, problems)
    return _in_order(out, raw, "fasilitas")


def _parse_wilayah(raw: _RawTable, problems: _Problems, *, config: Config) -> pd.DataFrame:
    """Typed region list (kode, nama, tingkat, kode_induk, penduduk, tahun_penduduk, sumber)."""
    df = _check_required(raw, problems, "wilayah", {
        "kode": msg("exp_region_code"), "nama": msg("exp_region_name"),
        "tingkat": msg("exp_one_of", values=list(TINGKAT_VALUES))})
    rows = df[ROW].to_numpy()
    out = df.drop(columns=[ROW]).copy()
    tingkat = _canonical(raw, problems, "tingkat",
                        lambda v: v.lower() if v.lower() in TINGKAT_VALUES
                        else _TINGKAT_ALIASES.get(v.lower()),
                        expected=msg("exp_one_of", values=list(TINGKAT_VALUES)))
    kode = df["kode"].map(normalise_region_code).fillna("").astype("str")
    bad = ((kode == "") & (df["kode"] != "")).to_numpy()
    for row, value in zip(rows[bad], df["kode"].to_numpy()[bad], strict=True):
        problems.add(raw.file, msg("not_region_code"), row=int(row), column="kode", value=value)
    mismatch = ((kode != "") & (tingkat != "") &
                ((tingkat == "provinsi") != (kode.str.len() == 2))).to_numpy()
    for i in np.flatnonzero(mismatch):
        want = msg("code_pp") if tingkat.iloc[i] == "provinsi" else "'PP.KK'"
        problems.add(raw.file, msg("tingkat_mismatch", tingkat=tingkat.iloc[i], want=want),
                     row=int(rows[i]), column="kode", value=df["kode"].iloc[i])
    changed = ((kode != "") & (kode != df["kode"])).to_numpy()
    if changed.any():
        k = int(np.flatnonzero(changed)[0])
        problems.add(raw.file, msg("undotted_codes", n=int(changed.sum()), old=df["kode"].iloc[k],
                                   new=kode.iloc[k], row=int(rows[k]), hint=""),
                     column="kode", severity="note")
    dup = (kode.duplicated(keep=False) & (kode != "")).to_numpy()
    if dup.any():
        sub = pd.DataFrame({"kode": kode[dup], "row": df[ROW][dup]})
        for k, grp in sub.groupby("kode", sort=False):
            r = grp["row"].tolist()
            problems.add(raw.file, msg("kode_not_unique", rows=_rows_text(r)),
                         row=r[1], column="kode", value=k)
    induk = _optional(df, "kode_induk").map(normalise_region_code).fillna("").astype("str")
    bad_induk = ((induk == "") & (df["kode_induk"] != "")).to_numpy()
    for row, value in zip(rows[bad_induk], df["kode_induk"].to_numpy()[bad_induk], strict=True):
        problems.add(raw.file, msg("not_province_code"), row=int(row), column="kode_induk",
                     value=value)
    is_kab = ((tingkat == "kabkota") & (kode.str.len() == 5)).to_numpy()
    derived = is_kab & (induk == "").to_numpy() & ~bad_induk
    if derived.any():
        problems.add(raw.file, msg("induk_derived", n=int(derived.sum()),
                                   row=int(rows[derived][0])),
                     column="kode_induk", severity="note")
    induk = induk.where(~derived, kode.str.slice(0, 2))
    prov_codes = set(kode[(tingkat == "provinsi").to_numpy()])
    wrong = is_kab & (induk != "").to_numpy() & (induk != kode.str.slice(0, 2)).to_numpy()
    for i in np.flatnonzero(wrong):
        problems.add(raw.file, msg("induk_mismatch", kode=kode.iloc[i], want=kode.iloc[i][:2]),
                     row=int(rows[i]), column="kode_induk",
                     value=df["kode_induk"].iloc[i])
    unknown = is_kab & ~wrong & (induk != "").to_numpy() & ~induk.isin(prov_codes).to_numpy()
    for i in np.flatnonzero(unknown):
        problems.add(raw.file, msg("induk_unknown"), row=int(rows[i]), column="kode_induk",
                     value=induk.iloc[i])
    out["kode"] = kode
    out["tingkat"] = tingkat
    out["kode_induk"] = induk
    for col, expected in (("penduduk", msg("exp_penduduk")),
                          ("tahun_penduduk", msg("exp_year", year=2025))):
        if col in df:
            lo, hi = (0, None) if col == "penduduk" else _YEAR_RANGE
            out[col] = _parse_int(raw, problems, col, expected=expected, minimum=lo, maximum=hi,
                                 thousands=col == "penduduk")
        else:
            out[col] = pd.Series(pd.NA, index=df.index, dtype="Int64")
    if "pasien_hd" in df:
        out["pasien_hd"] = _parse_int(raw, problems, "pasien_hd", minimum=0, thousands=True,
                                     expected=msg("exp_pasien_hd"))
    out["sumber"] = _text(raw, "sumber")
    return _in_order(out, raw, "wilayah")


#: At most this many cycles are listed per layanan (the rest are counted).
MAX_CYCLES_PER_LAYANAN = 20


def _check_links(links: pd.DataFrame, problems: _Problems, *, file: str = FILES["jejaring"],
                ) -> tuple[pd.DataFrame, int]:
    """Self-links (error), exact repeats (skipped, warning) and cycles within one layanan (error).

    Returns the links without the skipped repeats and the number skipped.
    """
    usable = (links["pengampu"] != "") & (links["diampu"] != "") & (links["layanan"] != "")
    self_link = usable & (links["pengampu"] == links["diampu"])
    for row, kode in zip(links.loc[self_link, ROW], links.loc[self_link, "pengampu"], strict=True):
        problems.add(file, msg("self_link"),
                     row=int(row), column="diampu", value=kode)
    key = ["pengampu", "diampu", "layanan", "jenis"]
    dup_mask = usable & links.duplicated(key, keep=False)
    drop: list[int] = []
    for (p, d, lay, _), grp in links[dup_mask].groupby(key, sort=False):
        rows = grp[ROW].tolist()
        problems.add(file, msg("link_repeated", p=p, d=d, lay=lay, rows=_rows_text(rows),
                               skipped=_rows_text(rows[1:])), row=rows[1], column="pengampu",
                     value=p, severity="warning")
        drop.extend(grp.index[1:])
    out = links.drop(index=drop)
    graphable = out[usable.loc[out.index] & ~self_link.loc[out.index]]
    for lay, grp in graphable.groupby("layanan", sort=True):
        _report_cycles(str(lay), grp, problems, file=file)
    return out, len(drop)


def _report_cycles(layanan: str, links: pd.DataFrame, problems: _Problems, *, file: str) -> None:
    g = nx.DiGraph()
    edge_rows: dict[tuple[str, str], list[int]] = {}
    for p, d, row in zip(links["pengampu"], links["diampu"], links[ROW], strict=True):
        g.add_edge(p, d)
        edge_rows.setdefault((p, d), []).append(int(row))
    n = 0
    for comp in nx.strongly_connected_components(g):
        if len(comp) < 2:
            continue
        for cycle in nx.simple_cycles(g.subgraph(comp)):
            n += 1
            if n > MAX_CYCLES_PER_LAYANAN:
                continue
            start = cycle.index(min(cycle))  # stable order: start at the smallest kode_rs
            cycle = cycle[start:] + cycle[:start]
            edges = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
            rows = sorted(r for e in edges for r in edge_rows[e][:1])
            path = " -> ".join([*cycle, cycle[0]])
            problems.add(file, msg("link_cycle", layanan=layanan, path=path,
                                   rows=_rows_text(rows)), row=rows[0], column="pengampu",
                         value=cycle[0])
    if n > MAX_CYCLES_PER_LAYANAN:
        problems.add(file, msg("more_cycles", n=n - MAX_CYCLES_PER_LAYANAN, layanan=layanan),
                     column="pengampu")


_PARSERS: dict[str, Callable[..., pd.DataFrame]] = {
    "rumah_sakit": _parse_rumah_sakit, "layanan": _parse_layanan, "jejaring": _parse_jejaring,
    "wilayah": _parse_wilayah, "fasilitas": _parse_fasilitas,
}
