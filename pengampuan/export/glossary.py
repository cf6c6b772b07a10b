"""Column glossary and the conventions every export follows.

Every file ``pengampuan`` writes (GeoJSON, GeoPackage, Shapefile, CSV, Excel)
uses the column names of the Python API: code identifiers in English with the
unit in the name (``distance_km``, ``travel_min``, ``share_kabkota``) and the
domain words in Bahasa Indonesia (``kode_rs``, ``penduduk``, ``pengampu``,
``layanan``, ``strata``). One scheme, the same in a notebook and in QGIS, so a
join never needs a rename. Human-readable headers (Excel sheets, QGIS field
aliases, the Shapefile field list) come from :data:`COLUMNS`, in Bahasa
Indonesia or English; ``docs/glossary.md`` is generated from it
(``scripts/make_glossary.py``).

Conventions (:func:`tidy`):

- a missing value is a null (``NaN``/``<NA>``; an empty cell in CSV and Excel,
  ``null`` in GeoJSON), never an empty string; ``inf`` (no capable hospital)
  becomes null too, and ``n_capable = 0`` says why;
- numbers are rounded to the decimals of their kind (:data:`DECIMALS`):
  kilometres to 0.01 km (10 m), minutes to 0.1 min, shares to 4 decimals
  (0.01 percentage point), coordinates to 6 decimals (about 0.1 m); counts
  and ``penduduk`` are integers;
- codes (``kode``, ``kode_rs``, ``kode_wilayah``, ...) are text, never numbers.

A table without geometry (CSV, Excel) keeps the position of points as ``lon``
and ``lat`` (:func:`without_geometry`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from ..config import DEFAULT_CONFIG, Config
from ..geo import require_wgs84

__all__ = ["Column", "COLUMNS", "TABLE_COLUMNS", "PER_LAYANAN", "DECIMALS", "column_info",
           "column_label", "tidy", "short_names", "unique_name", "without_geometry"]

Kind = Literal["code", "text", "int", "km", "min", "share", "coord", "float", "bool", "date"]

#: Decimal places kept for each kind of number in every export.
DECIMALS: dict[str, int] = {"km": 2, "min": 1, "share": 4, "coord": 6, "float": 4}


@dataclass(frozen=True)
class Column:
    """One column: its kind and its labels (Bahasa Indonesia, English)."""

    kind: Kind
    label_id: str
    label_en: str
    #: Short name (at most 10 characters) for Shapefile fields, when the name is longer.
    short: str | None = None

    def label(self, lang: str = "id") -> str:
        """The label in ``lang`` ('id' or 'en')."""
        return self.label_en if lang == "en" else self.label_id


_C = Column
#: Every column the exports write, by name.
COLUMNS: dict[str, Column] = {
    # regions
    "kode": _C("code", "Kode wilayah", "Region code"),
    "nama": _C("text", "Nama", "Name"),
    "tingkat": _C("text", "Tingkat", "Level"),
    "kode_induk": _C("code", "Kode provinsi", "Province code"),
    "luas_km2": _C("km", "Luas (km\u00b2)", "Area (km\u00b2)"),
    "penduduk": _C("int", "Penduduk", "Population"),
    "tahun_penduduk": _C("int", "Tahun data penduduk", "Population year", "thn_pddk"),
    "titik_lat": _C("coord", "Titik ukur: lintang", "Measured from: latitude"),
    "titik_lon": _C("coord", "Titik ukur: bujur", "Measured from: longitude"),
    # access (one layanan)
    "kode_rs": _C("code", "Kode RS", "Hospital code"),
    "nama_rs": _C("text", "RS terdekat", "Nearest hospital"),
    "strata": _C("text", "Strata", "Strata"),
    "distance_km": _C("km", "Jarak ke RS terdekat (km)", "Distance to nearest hospital (km)",
                      "jarak_km"),
    "distance_km_max": _C("km", "Jarak terjauh (km)", "Largest distance (km)", "jarak_max"),
    "travel_min": _C("min", "Waktu tempuh (menit)", "Travel time (min)", "waktu_mnt"),
    "threshold_min": _C("min", "Ambang waktu (menit)", "Time threshold (min)", "ambang_mnt"),
    "within_threshold": _C("bool", "Dalam ambang waktu", "Within the time threshold",
                           "dlm_ambang"),
    "covered": _C("bool", "Ada RS mampu di kab/kota", "Capable hospital in the district"),
    "n_capable": _C("int", "Jumlah RS mampu", "Capable hospitals", "n_mampu"),
    "n_demand": _C("int", "Titik permintaan", "Demand points"),
    "penduduk_grid": _C("int", "Penduduk (grid)", "Population (grid)", "pddk_grid"),
    "penduduk_within_threshold": _C("int", "Penduduk dalam ambang", "Population within threshold",
                                    "pddk_amb"),
    "penduduk_within_threshold_approx": _C(
        "int", "Penduduk dalam ambang, RS berlokasi perkiraan",
        "Population within threshold, approximately located hospital", "pddk_amb_a"),
    "distance_km_if_moved_min": _C("km", "Jarak bila RS perkiraan digeser, terdekat (km)",
                                   "Distance if approximate hospitals moved, nearest (km)",
                                   "jarak_gmin"),
    "distance_km_if_moved_max": _C("km", "Jarak bila RS perkiraan digeser, terjauh (km)",
                                   "Distance if approximate hospitals moved, farthest (km)",
                                   "jarak_gmax"),
    "share_within_threshold": _C("share", "Porsi penduduk dalam ambang",
                                 "Share of population within threshold", "sh_amb"),
    "share_sea_crossing": _C("share", "Porsi penduduk menyeberang laut",
                             "Share of population crossing the sea", "sh_laut"),
    "share_nearest_approx": _C("share", "Porsi dengan RS berlokasi perkiraan",
                               "Share served by an approximately located hospital", "sh_approx"),
    "sea_crossings": _C("int", "Penyeberangan laut", "Sea crossings", "n_laut"),
    "lokasi_presisi": _C("text", "Presisi lokasi", "Location precision", "lok_presis"),
    # targets
    "layanan": _C("text", "Layanan", "Layanan (service)"),
    "status": _C("text", "Status strata", "Strata status"),
    "target_strata": _C("text", "Strata target", "Target strata", "strata_tgt"),
    "n_hospitals": _C("int", "RS memenuhi target yang berdiri di wilayah",
                      "Hospitals meeting the target standing in the region", "n_rs"),
    "n_hospitals_sk": _C("int", "RS memenuhi target yang dicantumkan SK untuk wilayah (berdiri "
                         "di wilayah lain)", "Hospitals meeting the target listed for the region "
                         "by the decree (standing elsewhere)", "n_rs_sk"),
    "meets_target": _C("bool", "Target tercapai", "Target met", "target_ok"),
    "dasar_target": _C("text", "Dasar target tercapai (lokasi / sk / lokasi+sk)",
                       "Basis of the target met (lokasi / sk / lokasi+sk)", "dasar_tgt"),
    "kode_rs_sk": _C("code", "Kode RS yang dicantumkan SK untuk wilayah",
                     "Codes of the hospitals the decree lists for the region", "kode_rs_sk"),
    "nearest_kode_rs": _C("code", "Kode RS terdekat", "Nearest hospital code", "kode_rs_dk"),
    "nearest_nama": _C("text", "RS terdekat", "Nearest hospital", "nama_rs_dk"),
    "nearest_strata": _C("text", "Strata RS terdekat", "Strata of nearest hospital", "strata_dk"),
    "n_kabkota": _C("int", "Jumlah kab/kota", "Districts", "n_kab"),
    "n_kabkota_meets": _C("int", "Kab/kota mencapai target", "Districts meeting the target",
                          "n_kab_ok"),
    "n_kabkota_meets_sk": _C("int", "Kab/kota mencapai target hanya menurut SK",
                             "Districts meeting the target only by the decree's listing",
                             "n_kab_sk"),
    "n_provinsi_meets_sk": _C("int", "Provinsi mencapai target hanya menurut SK",
                              "Provinces meeting the target only by the decree's listing",
                              "n_prov_sk"),
    "share_kabkota": _C("share", "Porsi kab/kota mencapai target",
                        "Share of districts meeting the target", "sh_kab"),
    "n_provinsi": _C("int", "Jumlah provinsi", "Provinces", "n_prov"),
    "n_provinsi_meets": _C("int", "Provinsi mencapai target", "Provinces meeting the target",
                           "n_prov_ok"),
    "share_provinsi": _C("share", "Porsi provinsi mencapai target",
                         "Share of provinces meeting the target", "sh_prov"),
    "penduduk_meets": _C("int", "Penduduk di kab/kota yang mencapai target",
                         "Population in districts meeting the target", "pddk_ok"),
    "share_penduduk": _C("share", "Porsi penduduk di kab/kota yang mencapai target",
                         "Share of population in districts meeting the target", "sh_pddk"),
    "n_kabkota_no_penduduk": _C("int", "Kab/kota tanpa data penduduk",
                                "Districts without population data", "n_kab_nop"),
    # hospitals
    "lat": _C("coord", "Lintang", "Latitude"),
    "lon": _C("coord", "Bujur", "Longitude"),
    "kode_wilayah": _C("code", "Kode kab/kota", "District code", "kode_wil"),
    "kode_wilayah_sk": _C("code", "Kode kab/kota menurut SK", "District code in the decree",
                          "kode_wilsk"),
    "kode_prov": _C("code", "Kode provinsi", "Province code"),
    "kode_rsonline": _C("code", "Kode RS Online", "RS Online code", "kode_rsol"),
    "fasilitas": _C("text", "Fasilitas yang dilaporkan (RS Online)",
                    "Reported services (RS Online)"),
    "luar_provinsi": _C("bool", "RS di luar provinsi", "Hospital outside the province",
                        "luar_prov"),
    "kelas": _C("text", "Kelas RS", "Hospital class"),
    "jenis_rs": _C("text", "Jenis RS (umum/khusus)", "Hospital type (general/specialist)"),
    "kepemilikan": _C("text", "Kepemilikan", "Ownership", "pemilik"),
    "tempat_tidur": _C("int", "Tempat tidur", "Beds", "t_tidur"),
    "alias": _C("text", "Nama lain", "Other names"),
    "pengampu_nasional": _C("text", "Pengampu nasional untuk layanan",
                            "National pengampu for layanan", "peng_nas"),
    "sumber": _C("text", "Sumber", "Source"),
    "sumber_lokasi": _C("text", "Sumber lokasi", "Source of the location", "sumber_lok"),
    "catatan": _C("text", "Catatan", "Notes"),
    "contoh": _C("bool", "Data contoh (ilustratif)", "Illustrative row"),
    "bukti": _C("text", "Tingkat bukti", "Evidence grade"),
    # links
    "pengampu": _C("code", "Kode RS pengampu", "Pengampu hospital code"),
    "diampu": _C("code", "Kode RS diampu", "Diampu hospital code"),
    "nama_pengampu": _C("text", "RS pengampu", "Pengampu hospital", "nm_peng"),
    "nama_diampu": _C("text", "RS diampu", "Diampu hospital", "nm_diampu"),
    "cross_province": _C("bool", "Lintas provinsi", "Cross-province", "lintas_prv"),
    "jarak_perkiraan": _C("bool", "Jarak perkiraan (ujung tautan berlokasi perkiraan)",
                          "Approximate distance (an end has an approximate location)",
                          "jarak_prk"),
    "jenis": _C("text", "Jenis (tautan: sumber/usulan; wilayah: kabupaten/kota)",
                "Type (link: sumber/usulan; region: kabupaten/kota)"),
    "mulai": _C("date", "Mulai", "Start"),
    # H3 grid
    "h3": _C("code", "Sel H3", "H3 cell"),
    # the report's travel model (ringkasan)
    "travel_model": _C("text", "Model waktu tempuh", "Travel-time model", "model_wkt"),
    "travel_asumsi": _C("text", "Asumsi model waktu tempuh", "Travel-time model assumptions",
                        "asumsi_wkt"),
}

#: Labels that depend on the table: a column whose meaning differs there (``distance_km`` of
#: a link is the pengampu-diampu distance, not the distance to the nearest hospital).
TABLE_COLUMNS: dict[str, dict[str, Column]] = {
    "jejaring": {
        "distance_km": _C("km", "Jarak pengampu\u2013diampu (km)",
                          "Pengampu\u2013diampu distance (km)", "jarak_km"),
    },
}

#: Labels of the reported services (``fasilitas.csv``) in ``<fasilitas>_<column>`` names.
FASILITAS_LABELS: dict[str, tuple[str, str]] = {
    "hemodialisis": ("Hemodialisis", "Haemodialysis"),
    "cathlab": ("Cathlab", "Cathlab"),
    "bedah_jantung": ("Bedah jantung", "Cardiac surgery"),
    "radioterapi": ("Radioterapi", "Radiotherapy"),
    "bedah_onkologi": ("Bedah onkologi", "Surgical oncology"),
    "kemoterapi": ("Kemoterapi", "Chemotherapy"),
    "kedokteran_nuklir": ("Kedokteran nuklir", "Nuclear medicine"),
    "stroke_unit": ("Unit stroke", "Stroke unit"),
    "bedah_saraf": ("Bedah saraf", "Neurosurgery"),
    "nefrologi": ("Nefrologi", "Nephrology"),
    "urologi": ("Urologi", "Urology"),
}

#: Columns written once per layanan as ``<layanan>_<column>`` (wilayah tables).
PER_LAYANAN: tuple[str, ...] = ("kode_rs", "nama_rs", "distance_km", "travel_min",
                                "threshold_min", "within_threshold", "n_capable",
                                "n_hospitals", "meets_target", "dasar_target", "kode_rs_sk",
                                "share_within_threshold", "penduduk_within_threshold")

#: Short (Shapefile) names of the columns after a ``<layanan>_`` prefix: at most 6 characters.
_PER_LAYANAN_SHORT: dict[str, str] = {
    "kode_rs": "rs", "nama_rs": "nmrs", "distance_km": "km", "travel_min": "mnt",
    "threshold_min": "amb", "within_threshold": "dlmamb", "n_capable": "nmampu",
    "n_hospitals": "nrs", "meets_target": "target", "dasar_target": "dasar",
    "kode_rs_sk": "rssk", "share_within_threshold": "shamb",
    "penduduk_within_threshold": "pddamb",
}
#: Three-letter abbreviation of each layanan in short names.
_LAYANAN_SHORT: dict[str, str] = {"kanker": "knk", "jantung": "jtg", "stroke": "stk",
                                  "uronefrologi": "uro", "kia": "kia", "tb": "tb", "pie": "pie",
                                  "manajemen": "mnj", "sdm": "sdm"}


def column_info(name: str, *, config: Config | None = None,
                table: str | None = None) -> Column | None:
    """
    The glossary entry of a column, including ``<layanan>_<column>`` and ``strata_<layanan>``.

    ``table`` (``"jejaring"``, ...) gives the label a column has in that table
    when it differs there (:data:`TABLE_COLUMNS`).

    Examples
    --------
    >>> column_info("stroke_travel_min").label("en")
    'Stroke: Travel time (min)'
    >>> column_info("strata_target_kanker").label()
    'Strata target: Kanker'
    >>> column_info("hemodialisis_distance_km").label()
    'Hemodialisis: Jarak ke RS terdekat (km)'
    >>> column_info("distance_km", table="jejaring").label("en")
    'Pengampu\u2013diampu distance (km)'
    >>> column_info("no_such_column") is None
    True
    """
    cfg = config or DEFAULT_CONFIG
    if table is not None and name in TABLE_COLUMNS.get(table, {}):
        return TABLE_COLUMNS[table][name]
    if name in COLUMNS:
        return COLUMNS[name]
    for prefix, label_id, label_en in (("strata_target_", "Strata target", "Target strata"),
                                       ("strata_", "Strata", "Strata"),
                                       ("bukti_", "Tingkat bukti", "Evidence grade")):
        if name.startswith(prefix) and name[len(prefix):] in cfg.layanan:
            lay = name[len(prefix):]
            info = cfg.layanan[lay]
            short = {"strata_target_": "st_t_", "strata_": "st_",
                     "bukti_": "bk_"}[prefix] + _lay_short(lay)
            return Column("text", f"{label_id}: {info.label('id')}",
                          f"{label_en}: {info.label('en')}", short)
    for fas, (fas_id, fas_en) in FASILITAS_LABELS.items():
        rest = name[len(fas) + 1:]
        if name.startswith(fas + "_") and rest in COLUMNS:
            base = COLUMNS[rest]
            short = f"{fas[:3]}_{_PER_LAYANAN_SHORT.get(rest, rest)}"
            return Column(base.kind, f"{fas_id}: {base.label_id}", f"{fas_en}: {base.label_en}",
                          short)
    lay, sep, rest = name.partition("_")
    while sep and lay not in cfg.layanan:
        more, sep2, rest2 = rest.partition("_")
        if not sep2:
            break
        lay, rest = f"{lay}_{more}", rest2
    if lay in cfg.layanan and rest in COLUMNS:
        base = COLUMNS[rest]
        info = cfg.layanan[lay]
        short = f"{_lay_short(lay)}_{_PER_LAYANAN_SHORT.get(rest, rest)}"
        return Column(base.kind, f"{info.label('id')}: {base.label_id}",
                      f"{info.label('en')}: {base.label_en}", short)
    return None


def column_label(name: str, lang: str = "id", *, config: Config | None = None,
                 table: str | None = None) -> str:
    """Human header of a column in ``lang`` (the name itself when it is not in the glossary).

    Examples
    --------
    >>> column_label("penduduk"), column_label("penduduk", "en"), column_label("x_y")
    ('Penduduk', 'Population', 'x_y')
    >>> column_label("distance_km", table="jejaring")
    'Jarak pengampu\u2013diampu (km)'
    """
    info = column_info(name, config=config, table=table)
    return name if info is None else info.label(lang)


def _lay_short(lay: str) -> str:
    return _LAYANAN_SHORT.get(lay, re.sub(r"[^a-z0-9]", "", lay.lower())[:3])


def tidy(df: pd.DataFrame, *, config: Config | None = None) -> pd.DataFrame:
    """
    A copy of ``df`` following the export conventions of this module.

    Empty or blank strings become nulls; ``inf`` becomes null; numbers are
    rounded to the decimals of their kind (:data:`DECIMALS`; a float column not
    in the glossary keeps 6 significant decimals); counts and ``penduduk`` become
    nullable integers; codes become text; categoricals become text; datetimes
    become ISO dates (text). The geometry column, if any, is kept as it is.

    Parameters
    ----------
    df : DataFrame or GeoDataFrame
        The table to export (not changed).
    config : Config, optional
        For the layanan codes in ``<layanan>_<column>`` names.

    Returns
    -------
    DataFrame or GeoDataFrame
        Same class, columns and rows.

    Examples
    --------
    >>> t = tidy(pd.DataFrame({"kode": [17.7, None], "share_kabkota": [0.9941634241245136, 1],
    ...                        "penduduk": [284973643.0, float("nan")], "kelas": ["", "B"],
    ...                        "distance_km": [float("inf"), 12.3456]}))
    >>> t.to_dict("list")
    {'kode': ['17.7', None], 'share_kabkota': [0.9942, 1.0], 'penduduk': [284973643, None], \
'kelas': [None, 'B'], 'distance_km': [nan, 12.35]}
    """
    out = df.copy()
    geom = out.geometry.name if hasattr(out, "geometry") and hasattr(out, "crs") else None
    for col in out.columns:
        if col == geom:
            continue
        out[col] = _tidy_column(out[col], column_info(str(col), config=config))
    return out


def without_geometry(df: pd.DataFrame) -> pd.DataFrame:
    """
    ``df`` as a plain table (CSV, Excel): no geometry; points keep their place as ``lon``/``lat``.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> gdf = gpd.GeoDataFrame({"kode_rs": ["A"]}, geometry=[Point(102.26, -3.8)],
    ...                        crs="EPSG:4326")
    >>> without_geometry(gdf).to_dict("records")
    [{'kode_rs': 'A', 'lon': 102.26, 'lat': -3.8}]
    """
    if not isinstance(df, gpd.GeoDataFrame) or df.geometry.name not in df:
        return pd.DataFrame(df)
    geom = df.geometry
    out = pd.DataFrame(df.drop(columns=geom.name))
    types = set(geom.geom_type.dropna())
    if types == {"Point"} and not {"lon", "lat"} & set(out.columns):
        if geom.crs is not None:
            geom = require_wgs84(gpd.GeoDataFrame(geometry=geom), name="df").geometry
        out["lon"] = geom.x.to_numpy()
        out["lat"] = geom.y.to_numpy()
    return out


def _tidy_column(s: pd.Series, info: Column | None) -> pd.Series:
    kind = info.kind if info is not None else None
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = s.astype("string")
    if isinstance(s.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(s):
        return s.dt.strftime("%Y-%m-%d").where(s.notna(), None).astype("string")
    if pd.api.types.is_bool_dtype(s):
        return s.astype("boolean")
    if pd.api.types.is_numeric_dtype(s):
        if kind in ("code", "text"):
            return _text(s)
        x = s.to_numpy(dtype=float, na_value=np.nan)
        x = np.where(np.isfinite(x), x, np.nan)
        if kind == "int" or (kind is None and pd.api.types.is_integer_dtype(s)):
            return pd.Series(pd.array(np.where(np.isnan(x), None, np.round(x)), dtype="Int64"),
                             index=s.index)
        if kind == "bool":
            return pd.Series(pd.array(np.where(np.isnan(x), None, x != 0), dtype="boolean"),
                             index=s.index)
        decimals = DECIMALS.get(kind or "", 6)
        return pd.Series(np.round(x, decimals), index=s.index)
    # object / string columns
    if kind == "bool":
        return s.map(_as_bool, na_action="ignore").astype("boolean")
    if kind == "date":
        return _text(s.map(lambda v: v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v,
                           na_action="ignore"))
    if kind == "int":
        num = pd.to_numeric(s.replace(r"^\s*$", np.nan, regex=True), errors="coerce")
        if num.notna().sum() == s.replace(r"^\s*$", np.nan, regex=True).notna().sum():
            return _tidy_column(num, info)
    return _text(s)


def _as_bool(v: object) -> object:
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    t = str(v).strip().lower()
    if t in ("true", "1", "ya", "yes"):
        return True
    if t in ("false", "0", "tidak", "no"):
        return False
    return pd.NA


def _text(s: pd.Series) -> pd.Series:
    """Text with nulls for missing and blank values (numbers written without a trailing .0)."""
    def conv(v: object) -> object:
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    out = s.map(conv, na_action="ignore").astype("string")
    return out.mask(out.str.strip() == "")


def short_names(columns: Iterable[str], *, config: Config | None = None,
                reserved: Iterable[str] = ("geometry",)) -> dict[str, str]:
    """
    Field names of at most 10 characters (Shapefile/dBase), unique and deterministic.

    Glossary columns use their short name; other long names are cut and numbered.

    Examples
    --------
    >>> short_names(["kode", "stroke_travel_min", "strata_target_kanker", "sumber_lokasi"])
    {'kode': 'kode', 'stroke_travel_min': 'stk_mnt', 'strata_target_kanker': 'st_t_knk', \
'sumber_lokasi': 'sumber_lok'}
    """
    out: dict[str, str] = {}
    used = {r.lower() for r in reserved}
    for col in columns:
        if col in reserved:
            continue
        info = column_info(col, config=config)
        cand = col if len(col) <= 10 else (info.short if info and info.short else col)
        out[col] = unique_name(cand, used, width=10)
    return out


def unique_name(name: str, used: set[str], *, width: int, suffix: str = "_{i}",
                start: int = 1) -> str:
    """
    ``name`` cut to ``width`` characters and numbered until it is not in ``used`` (any case).

    The name is added to ``used`` (in lower case). For Shapefile fields and Excel sheets,
    whose names are short and unique regardless of case.

    Examples
    --------
    >>> used = set()
    >>> [unique_name("Penduduk", used, width=5) for _ in range(3)]
    ['Pendu', 'Pen_1', 'Pen_2']
    >>> unique_name("Ringkasan", {"ringkasan"}, width=31, suffix=" ({i})", start=2)
    'Ringkasan (2)'
    """
    cand, i = name[:width], start
    while cand.lower() in used:
        tail = suffix.format(i=i)
        cand = name[:width - len(tail)] + tail
        i += 1
    used.add(cand.lower())
    return cand


def glossary_table(columns: Iterable[str] | None = None, *,
                   config: Config | None = None) -> pd.DataFrame:
    """
    The glossary as a table: ``kolom``, ``jenis``, ``label_id``, ``label_en``, ``desimal``.

    Examples
    --------
    >>> glossary_table(["kode", "penduduk"]).to_dict("records")[1]["label_en"]
    'Population'
    """
    rows = []
    for col in (COLUMNS if columns is None else columns):
        info = column_info(col, config=config)
        if info is None:
            continue
        rows.append({"kolom": col, "jenis": info.kind, "label_id": info.label_id,
                     "label_en": info.label_en,
                     "desimal": DECIMALS.get(info.kind) if info.kind in DECIMALS else pd.NA})
    return pd.DataFrame(rows, columns=["kolom", "jenis", "label_id", "label_en", "desimal"])


def labels_for(columns: Iterable[str], lang: str = "id", *,
               config: Config | None = None) -> Mapping[str, str]:
    """``{column: header}`` for ``columns`` in ``lang``."""
    return {c: column_label(c, lang, config=config) for c in columns}
