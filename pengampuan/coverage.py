"""Coverage against the national targets, upgrade scenarios and the dialysis travel burden.

The targets (DESIGN.md, :class:`~pengampuan.config.Config`): every province has
at least one hospital at ``Config.target_strata_provinsi`` (utama) or higher,
and every kab/kota one at ``Config.target_strata_kabkota`` (madya) or higher,
for each layanan of ``Config.target_layanan`` (the four KJSU layanan).

A region *meets the target* when a qualifying hospital (the target strata or
higher for that layanan and status) stands in it (by its code: ``kode_wilayah``
for kab/kota, ``kode_prov`` for provinces), **or** when a decree lists a
qualifying hospital for it (``kode_wilayah_sk`` of ``ds.rumah_sakit``, the
kab/kota under which the decree lists a hospital standing elsewhere; for
provinces, the province of that code): an interpretation of where a hospital
stands never overrides the decree. A hospital standing in B and listed for A
makes both meet, B by ``lokasi``, A by ``sk`` (column ``dasar_target``).
Hospital counts (``n_hospitals``) stay counts by location; the decree listings
are counted apart (``n_hospitals_sk``). Data without ``kode_wilayah_sk`` (or
with it empty) is counted by location only. Distances are
great-circle km measured from where people live: the demand points of
:mod:`pengampuan.demand` (by default the bundled kecamatan with their population),
averaged with their people as weights, to the nearest qualifying hospital wherever
it is (``inf`` when there is none). With ``demand="kabkota"`` (the model of earlier
releases) they start from one point inside the region
(:func:`pengampuan.geo.inside_point`), and a region that meets the target has
distance 0 (it has the service itself). Travel times use
:func:`pengampuan.travel.travel_time_simple`
(``distance_km x Config.circuity_factor / Config.road_speed_kmh x 60``), and
the threshold of a layanan is ``Config.travel_threshold_min``.
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
from numpy.typing import NDArray
from pandas.api.extensions import ExtensionArray
from scipy import sparse

from ._messages import msg as _text
from .config import STATUS, Config, is_approx_lokasi
from .dataset import Dataset
from .demand import (
    Demand,
    DemandKind,
    build_demand,
    share_where,
    top_choice,
    weighted_max,
    weighted_mean,
)
from .errors import PengampuanWarning
from .fca import pairs_within
from .geo import NearestIndex, great_circle_km, inside_point, require_wgs84
from .io.contract import JENIS_RS
from .travel import travel_time_simple

logger = logging.getLogger(__name__)

__all__ = [
    "target_gaps",
    "target_summary",
    "compare_status",
    "upgrade_scenario",
    "ScenarioResult",
    "recommend_upgrades",
    "upgrade_candidates",
    "dialysis_burden",
    "DASAR_TARGET",
    "JENIS_RS",
]

Objective = Literal["kabkota", "penduduk"]

_GAP_COLUMNS = [
    "kode", "nama", "tingkat", "kode_induk", "layanan", "status", "target_strata",
    "n_hospitals", "n_hospitals_sk", "meets_target", "dasar_target", "kode_rs_sk",
    "nearest_kode_rs", "nearest_nama", "nearest_strata",
    "distance_km", "titik_lat", "titik_lon", "penduduk",
]
#: Values of ``dasar_target`` (on what basis a region meets its target); <NA>: not met.
DASAR_TARGET = ("lokasi", "sk", "lokasi+sk")

#: Hospital types (``jenis_rs``, the data contract's :data:`pengampuan.io.contract.JENIS_RS`,
#: :func:`upgrade_candidates`) and, for a specialist hospital, the layanan it serves (a
#: sensible upgrade); the others serve none.
_JENIS_LAYANAN: dict[str, tuple[str, ...]] = {
    jenis: {"kanker": ("kanker",), "jantung": ("jantung",), "otak": ("stroke",),
            "ginjal": ("uronefrologi",), "ibu_anak": ("kia",), "paru": ("tb",),
            "infeksi": ("pie",)}.get(jenis, ())
    for jenis in JENIS_RS
}
# On upper-case text with every run of other characters one space, padded by spaces, and
# "RUMAH SAKIT" written "RS". Checked in this order: the first match wins (the KJSU
# specialties first, the generic "RS Khusus" last).
_JENIS_PATTERNS: tuple[tuple[str, str], ...] = (
    ("kanker", r"\b(?:KANKER|ONKOLOGI|CANCER)\b"),
    ("jantung", r"\b(?:JANTUNG|HEART|KARDIOVASKULER|CARDIOVASCULAR)\b|PEMBULUH DARAH"),
    ("otak", r"\b(?:OTAK|STROKE|SARAF|BRAIN|RS PON|RSPON)\b"),
    ("ginjal", r"\b(?:GINJAL|UROLOGI|NEFROLOGI|RSKG)\b"),
    ("ibu_anak", r"\b(?:RSIA|RSKIA|RSB|RSAB|RSBIA|BERSALIN|MATERNITY)\b"
                 r"|\bIBU (?:DAN )?ANAK\b|\b(?:ANAK (?:DAN )?BUNDA|BUNDA (?:DAN )?ANAK)\b"
                 r"|\b(?:RS|RSK|KHUSUS) ANAK\b"),
    ("jiwa", r"\b(?:JIWA|RSJ|RSJD|RSKJ|RSJKO|RSKO)\b|KETERGANTUNGAN OBAT"),
    ("mata", r"\b(?:MATA|RSKM|EYE)\b"),
    ("gigi_mulut", r"\b(?:GIGI|RSGM|RSGMP|RSKGM)\b|\bRSK? GM\b"),
    ("paru", r"\b(?:PARU|RSKP)\b"),
    ("ortopedi", r"ORT(?:H)?OP(?:A)?EDI|TRAUMATOLOGI"),
    ("tht", r"\bTHT\b"),
    ("kusta", r"\b(?:KUSTA|LEPRA)\b"),
    ("infeksi", r"\bINFEKSI\b|\bRSPI\b"),
    ("kulit", r"\bKULIT\b"),
    ("bedah", r"\b(?:RSKB|RS BEDAH|KHUSUS BEDAH|RSK BEDAH)\b"),
    ("khusus", r"\b(?:RS KHUSUS|RSK|RSKD|KHUSUS)\b"),
)
# A typed value naming a general hospital (RS Online "RSU"; "RS Umum", "umum", ...).
_UMUM_PATTERN = r"\b(?:RSU|RSUD|RSUP|RSUPN|UMUM|GENERAL)\b"
_DEMAND_COLUMNS = [
    "distance_km_max", "penduduk_within_threshold", "share_within_threshold",
    "share_nearest_approx", "n_demand",
]


# ----------------------------------------------------------------------
# coverage against the targets
def target_gaps(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str | Iterable[str] | None = None,
    status: str | Sequence[str] = "target",
    provinces: gpd.GeoDataFrame | None = None,
    demand: DemandKind | gpd.GeoDataFrame = "kecamatan",
) -> pd.DataFrame:
    """
    Provinces and kab/kota against the national strata targets, per layanan.

    Parameters
    ----------
    ds : Dataset
        Hospitals and their strata.
    regions : geopandas.GeoDataFrame
        Kab/kota polygons with ``kode``, ``nama``, ``kode_induk`` (as from
        ``pg.load_regions(level="kabkota")``); one row per kab/kota.
    layanan : str or list of str, optional
        Default: ``Config.target_layanan`` (the four KJSU layanan).
    status : {"target", "ada"} or a sequence of them, default "target"
        ``"target"``: the higher of current and target strata (the bundled
        strata are targets); ``"ada"``: current strata only. With both
        (``("ada", "target")``) the rows of each are stacked, told apart by the
        ``status`` column (see also :func:`compare_status`).
    provinces : geopandas.GeoDataFrame, optional
        Province polygons with ``kode`` and ``nama``. Default: ``regions``
        dissolved by ``kode_induk``, named from ``ds.wilayah``.
    demand : {"kecamatan", "kabkota"} or geopandas.GeoDataFrame, default "kecamatan"
        Where people live, as in :func:`pengampuan.district_access`.

    Returns
    -------
    pandas.DataFrame
        One row per (status, region, layanan), provinces and kab/kota, sorted by
        status, ``kode`` (a province before its kab/kota) and layanan:
        ``kode, nama, tingkat`` (``provinsi`` | ``kabkota``), ``kode_induk``
        (<NA> for provinces), ``layanan, status, target_strata`` (utama for
        provinces, madya for kab/kota by default), ``n_hospitals`` (hospitals
        *standing* in the region, by ``kode_wilayah``/``kode_prov``, with the
        layanan at the target strata or higher), ``n_hospitals_sk`` (qualifying
        hospitals that a decree lists for the region, ``kode_wilayah_sk``, while
        they stand in another region; 0 without that column),
        ``meets_target`` (``n_hospitals + n_hospitals_sk >= 1``),
        ``dasar_target`` (on what basis the target is met: ``"lokasi"``, a
        qualifying hospital stands in the region; ``"sk"``, only through the
        decree's listing of a hospital standing elsewhere; ``"lokasi+sk"``,
        both; <NA> when not met), ``kode_rs_sk`` (the ``kode_rs`` counted in
        ``n_hospitals_sk``, sorted and joined by ``;``; <NA> when none),
        ``nearest_kode_rs, nearest_nama, nearest_strata`` (the qualifying
        hospital nearest to most of the region's people, wherever it stands
        or is listed), ``distance_km`` (population-weighted mean
        great-circle km from the region's demand points to their nearest
        qualifying hospital; ``inf`` when no hospital qualifies anywhere),
        ``titik_lat, titik_lon`` (a point inside the region), ``penduduk``
        (from ``ds.wilayah``; for a province without its own figure, the sum
        of its kab/kota when all are known; else <NA>), then
        ``distance_km_max`` (the farthest populated demand point),
        ``penduduk_within_threshold``, ``share_within_threshold`` (people whose
        nearest qualifying hospital is within ``Config.threshold_min(layanan)``
        by the simple travel model; NaN without a threshold),
        ``share_nearest_approx`` (people whose nearest qualifying hospital has
        an approximate point, ``lokasi_presisi == "kabkota"``) and ``n_demand``.
        With ``demand="kabkota"``: ``nearest_*`` is, for a region with a
        qualifying hospital standing in it, the hospital inside it nearest its
        point, ``distance_km`` is 0 for such a region and measured from
        ``titik_lat``/``titik_lon`` otherwise (also for a region meeting the
        target through a decree listing only: its people still travel), and the
        columns after ``penduduk`` are left out.

    Notes
    -----
    Never let an interpretation override a decree: ``kode_wilayah`` (where a
    hospital stands) comes from points and registrations, ``kode_wilayah_sk``
    from the decree. A hospital standing in B and listed for A counts for both:
    B meets by ``lokasi``, A by ``sk``. The decree listing counts only for
    hospitals qualifying under ``status`` and the target strata, like any other.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions(level="kabkota")
    >>> gaps = pg.target_gaps(ds, reg, status="target")
    >>> gaps.groupby("tingkat").size().to_dict()
    {'kabkota': 2056, 'provinsi': 152}
    >>> prov = gaps[gaps["tingkat"] == "provinsi"]
    >>> prov.groupby("layanan")["meets_target"].sum().to_dict()
    {'jantung': 34, 'kanker': 34, 'stroke': 34, 'uronefrologi': 34}

    Kab. Aceh Utara (11.08) has no madya hospital standing in it; the decree lists
    RSU Cut Meutia for it, which stands in Kota Lhokseumawe (11.73):

    >>> kab = gaps[(gaps["layanan"] == "kanker") & gaps["kode"].isin(["11.08", "11.73"])]
    >>> cols = ["kode", "n_hospitals", "n_hospitals_sk", "dasar_target", "kode_rs_sk"]
    >>> print(kab[cols].to_string(index=False))
     kode  n_hospitals  n_hospitals_sk dasar_target kode_rs_sk
    11.08            0               1           sk KMK-11-011
    11.73            1               0       lokasi       <NA>
    """
    cfg = ds.config
    layanan_list = _layanan_list(cfg, layanan)
    statuses = _status_list(status)
    kab = _kabkota_units(regions, ds)
    prov = _province_units(regions, provinces, ds, kab)
    dem = _demands(regions, ds, kab, prov, demand)
    return _gaps(ds, kab, prov, layanan_list, statuses, dem=dem)


def target_summary(gaps: pd.DataFrame, *, provinsi: str | int | None = None) -> pd.DataFrame:
    """
    National and per-province shares of regions (and people) meeting the targets.

    Parameters
    ----------
    gaps : pandas.DataFrame
        The output of :func:`target_gaps`.
    provinsi : str or int, optional
        One province, by code or name (``17``, ``"Bengkulu"``): its own row
        and one row per kab/kota of it (``tingkat = "kabkota"``, counts of 1
        or 0) instead of the national and per-province rows.

    Returns
    -------
    pandas.DataFrame
        One row per (status, layanan) for the whole country (``tingkat =
        "nasional"``, ``kode`` <NA>, ``nama`` "Indonesia") and per province
        (``tingkat = "provinsi"``), with ``n_kabkota, n_kabkota_meets,
        share_kabkota`` (kab/kota meeting the kab/kota target), ``n_provinsi,
        n_provinsi_meets, share_provinsi`` (provinces meeting the province
        target; for a province row 0 or 1), ``penduduk, penduduk_meets,
        share_penduduk`` (population of the kab/kota with known population, of
        those meeting the target, and their ratio: the population-weighted
        share) and ``n_kabkota_no_penduduk`` (kab/kota left out of the
        population figures because their population is unknown), then, when
        ``gaps`` has ``dasar_target``, ``n_kabkota_meets_sk`` and
        ``n_provinsi_meets_sk`` (of those meeting the target, the regions that
        meet it only through a decree listing, ``dasar_target == "sk"``). Shares
        are between 0 and 1, <NA> when there is nothing to divide by.

    Examples
    --------
    >>> import pengampuan as pg
    >>> gaps = pg.target_gaps(pg.load_dataset(), pg.load_regions(), status="target")
    >>> summ = pg.target_summary(gaps)
    >>> nat = summ[summ["tingkat"] == "nasional"].set_index("layanan")
    >>> nat.loc["kanker", ["n_provinsi", "n_provinsi_meets"]].tolist()
    [38, 34]
    >>> bool(((summ["share_kabkota"] >= 0) & (summ["share_kabkota"] <= 1)).all())
    True
    >>> bengkulu = pg.target_summary(gaps, provinsi="Bengkulu")
    >>> bengkulu.groupby("tingkat").size().to_dict()
    {'kabkota': 40, 'provinsi': 4}
    """
    need = {"kode", "nama", "tingkat", "kode_induk", "layanan", "meets_target", "penduduk"}
    missing = sorted(need - set(gaps.columns))
    if missing:
        raise ValueError(f"gaps lacks column(s) {missing}; pass the output of target_gaps()")
    has_status = "status" in gaps
    has_sk = "dasar_target" in gaps
    df = gaps if has_status else gaps.assign(status="")
    if not has_sk:
        df = df.assign(dasar_target=pd.array([pd.NA] * len(df), dtype="string"))
    keys = ["status", "layanan"]
    counts = ["n_kabkota", "n_kabkota_meets", "n_provinsi", "n_provinsi_meets",
              "n_kabkota_no_penduduk", "n_kabkota_meets_sk", "n_provinsi_meets_sk"]
    kab = df[df["tingkat"] == "kabkota"]
    meets = kab["meets_target"].to_numpy(dtype=bool)
    pend = pd.to_numeric(kab["penduduk"], errors="coerce").to_numpy(dtype=float)
    known = ~np.isnan(pend)
    per_kab = pd.DataFrame({
        "status": kab["status"].to_numpy(), "layanan": kab["layanan"].to_numpy(),
        "kode": kab["kode_induk"].astype(str).to_numpy(),
        "n_kabkota": 1, "n_kabkota_meets": meets.astype(int),
        "penduduk": np.where(known, pend, 0.0),
        "penduduk_meets": np.where(known & meets, pend, 0.0),
        "n_kabkota_no_penduduk": (~known).astype(int),
        "n_kabkota_meets_sk": _only_sk(kab),
    }).groupby([*keys, "kode"], sort=False).sum()
    prov = df[df["tingkat"] == "provinsi"]
    per_prov = pd.DataFrame({
        "status": prov["status"].to_numpy(), "layanan": prov["layanan"].to_numpy(),
        "kode": prov["kode"].astype(str).to_numpy(), "nama": prov["nama"].to_numpy(),
        "n_provinsi": 1, "n_provinsi_meets": prov["meets_target"].to_numpy(dtype=bool).astype(int),
        "n_provinsi_meets_sk": _only_sk(prov),
    }).set_index([*keys, "kode"])
    # one row per province: its own target plus the aggregate of its kab/kota
    pp = per_prov.join(per_kab, how="outer").reset_index()
    pp[counts] = pp[counts].fillna(0).astype("int64")
    pp[["penduduk", "penduduk_meets"]] = pp[["penduduk", "penduduk_meets"]].fillna(0.0)
    nat = pp.groupby(keys, sort=False)[[*counts, "penduduk", "penduduk_meets"]].sum()
    nat = nat.reset_index().assign(tingkat="nasional", kode=pd.NA, nama="Indonesia")
    out = pd.concat([nat, pp.assign(tingkat="provinsi")], ignore_index=True)
    out["kode"] = out["kode"].astype("string")
    out["share_kabkota"] = _share(out["n_kabkota_meets"], out["n_kabkota"])
    out["share_provinsi"] = _share(out["n_provinsi_meets"], out["n_provinsi"])
    out["share_penduduk"] = _share(out["penduduk_meets"], out["penduduk"])
    out = (
        out.assign(_lev=(out["tingkat"] != "nasional").astype(int),
                   _lay=_layanan_order(out["layanan"]))
        .sort_values(["status", "_lev", "kode", "_lay"], na_position="first", kind="stable")
        .reset_index(drop=True)
    )
    cols = ["tingkat", "kode", "nama", "status", "layanan", "n_kabkota", "n_kabkota_meets",
            "share_kabkota", "n_provinsi", "n_provinsi_meets", "share_provinsi", "penduduk",
            "penduduk_meets", "share_penduduk", "n_kabkota_no_penduduk"]
    if has_sk:
        cols += ["n_kabkota_meets_sk", "n_provinsi_meets_sk"]
    if provinsi is not None:
        out = _province_summary(out, kab, provinsi, gaps)
    return out[[c for c in cols if has_status or c != "status"]]


def _only_sk(gaps: pd.DataFrame) -> NDArray[np.int64]:
    """1 for a region meeting its target only through a decree listing (``dasar_target = sk``)."""
    return (gaps["dasar_target"].astype("string") == "sk").fillna(False).to_numpy(
        dtype=np.int64)


def _province_summary(summary: pd.DataFrame, kab: pd.DataFrame, provinsi: str | int,
                      gaps: pd.DataFrame) -> pd.DataFrame:
    """The row(s) of one province and one row per kab/kota of it (target_summary(provinsi=))."""
    from .provinsi import resolve_provinsi

    listed = gaps.loc[gaps["tingkat"] == "provinsi", ["kode", "nama"]]
    kode, _ = resolve_provinsi(provinsi, listed if len(listed) else None)
    own = summary[(summary["tingkat"] == "provinsi") & (summary["kode"] == kode)]
    mine = kab[kab["kode_induk"].astype(str) == kode]
    meets = mine["meets_target"].to_numpy(dtype=bool).astype(int)
    pend = pd.to_numeric(mine["penduduk"], errors="coerce").to_numpy(dtype=float)
    known = ~np.isnan(pend)
    rows = pd.DataFrame({
        "tingkat": "kabkota", "kode": mine["kode"].astype(str).to_numpy(),
        "nama": mine["nama"].to_numpy(), "status": mine["status"].to_numpy(),
        "layanan": mine["layanan"].to_numpy(), "n_kabkota": 1, "n_kabkota_meets": meets,
        "n_provinsi": 0, "n_provinsi_meets": 0,
        "penduduk": np.where(known, pend, 0.0),
        "penduduk_meets": np.where(known, pend, 0.0) * meets,
        "n_kabkota_no_penduduk": (~known).astype(int),
        "n_kabkota_meets_sk": _only_sk(mine), "n_provinsi_meets_sk": 0,
    })
    rows["share_kabkota"] = _share(rows["n_kabkota_meets"], rows["n_kabkota"])
    rows["share_provinsi"] = pd.array([pd.NA] * len(rows), dtype="Float64")
    rows["share_penduduk"] = _share(rows["penduduk_meets"], rows["penduduk"]).where(known)
    out = pd.concat([own, rows], ignore_index=True)
    out["kode"] = out["kode"].astype("string")
    out = (out.assign(_lev=(out["tingkat"] != "provinsi").astype(int),
                      _lay=_layanan_order(out["layanan"]))
           .sort_values(["status", "_lev", "kode", "_lay"], kind="stable")
           .drop(columns=["_lev", "_lay"]).reset_index(drop=True))
    return out


def compare_status(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str | Iterable[str] | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    demand: DemandKind | gpd.GeoDataFrame = "kecamatan",
) -> pd.DataFrame:
    """
    Current (``ada``) against target-year (``target``) coverage, side by side.

    Parameters
    ----------
    ds, regions, layanan, provinces, demand
        As for :func:`target_gaps`.

    Returns
    -------
    pandas.DataFrame
        One row per (region, layanan): ``kode, nama, tingkat, kode_induk,
        layanan, target_strata, penduduk``, then ``n_hospitals``,
        ``meets_target`` and ``distance_km`` with the suffixes ``_ada`` and
        ``_target``, ``gap_closed`` (meets the target only once the target
        strata are reached), then ``n_hospitals_sk`` and ``dasar_target``
        (see :func:`target_gaps`) with the suffixes ``_ada`` and ``_target``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> cmp = pg.compare_status(pg.load_dataset(), pg.load_regions(), layanan="stroke")
    >>> int(cmp["meets_target_target"].sum()) >= int(cmp["meets_target_ada"].sum())
    True
    """
    gaps = target_gaps(ds, regions, layanan=layanan, status=("ada", "target"),
                       provinces=provinces, demand=demand)
    ident = ["kode", "nama", "tingkat", "kode_induk", "layanan", "target_strata", "penduduk"]
    parts = []
    for st in ("ada", "target"):
        part = gaps[gaps["status"] == st].set_index(["kode", "layanan"])
        part = part[["n_hospitals", "meets_target", "distance_km", "n_hospitals_sk",
                     "dasar_target"]].add_suffix(f"_{st}")
        parts.append(part)
    base = gaps[gaps["status"] == "ada"][ident].set_index(["kode", "layanan"])
    out = base.join(parts[0]).join(parts[1]).reset_index()
    out["gap_closed"] = out["meets_target_target"] & ~out["meets_target_ada"]
    return out[[*ident, "n_hospitals_ada", "n_hospitals_target", "meets_target_ada",
                "meets_target_target", "distance_km_ada", "distance_km_target", "gap_closed",
                "n_hospitals_sk_ada", "n_hospitals_sk_target", "dasar_target_ada",
                "dasar_target_target"]]


# ----------------------------------------------------------------------
# scenarios
@dataclasses.dataclass(frozen=True)
class ScenarioResult:
    """Kab/kota coverage before and after upgrading some hospitals (see :func:`upgrade_scenario`).

    Attributes
    ----------
    before, after : geopandas.GeoDataFrame
        One row per kab/kota: ``kode, nama, kode_induk, layanan, target_strata,
        n_hospitals, n_hospitals_sk, meets_target, dasar_target, kode_rs_sk``
        (as in :func:`target_gaps`), ``kode_rs, nama_rs`` (nearest qualifying
        hospital), ``distance_km`` (population-weighted from the demand points;
        with ``demand="kabkota"`` 0 when a qualifying hospital stands in it),
        ``travel_min, threshold_min, within_threshold, penduduk`` (with demand
        points also ``penduduk_within_threshold, share_within_threshold,
        share_nearest_approx``), ``geometry`` (EPSG:4326; ready for
        :func:`pengampuan.map_access`).
    changes : pandas.DataFrame
        The kab/kota whose nearest hospital, distance or target status changed,
        with ``_before``/``_after`` columns.
    summary : pandas.DataFrame
        ``metric, before, after, change`` for kab/kota and provinces meeting the
        target, kab/kota (mean time) and people (each demand point) within the
        travel-time threshold, kab/kota
        with no qualifying hospital anywhere, and the mean (over kab/kota with
        one) and maximum distance.
    upgrades : pandas.DataFrame
        The upgrades as applied: ``kode_rs, nama, kode_wilayah, strata_before,
        strata_after, effective`` (False when the hospital already had that strata).
    """

    before: pd.DataFrame
    after: pd.DataFrame
    changes: pd.DataFrame
    summary: pd.DataFrame
    upgrades: pd.DataFrame

    def __repr__(self) -> str:
        lines = [f"<ScenarioResult: {len(self.upgrades)} upgrade(s), "
                 f"{len(self.changes)} kab/kota changed>"]
        lines.append(self.summary.to_string(index=False))
        return "\n".join(lines)


def upgrade_scenario(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str,
    upgrades: Iterable[tuple[str, str]] | Mapping[str, str],
    status: str = "target",
    provinces: gpd.GeoDataFrame | None = None,
    demand: DemandKind | gpd.GeoDataFrame = "kecamatan",
) -> ScenarioResult:
    """
    Kab/kota coverage before and after raising some hospitals to a strata.

    Parameters
    ----------
    ds : Dataset
        Hospitals and their strata (not changed).
    regions : geopandas.GeoDataFrame
        Kab/kota polygons (``kode``, ``nama``, ``kode_induk``, geometry).
    layanan : str
        The layanan to upgrade.
    upgrades : list of (kode_rs, strata) or dict {kode_rs: strata}
        Each hospital gets ``strata`` for ``layanan`` (as a current, ``ada``
        strata, so it counts for both ``status`` values); a hospital already
        at that strata or higher keeps its own (a warning says so).
    status : {"target", "ada"}, default "target"
        Strata the baseline uses (see :func:`target_gaps`).
    provinces : geopandas.GeoDataFrame, optional
        As for :func:`target_gaps` (used for the province count of the summary).
    demand : {"kecamatan", "kabkota"} or geopandas.GeoDataFrame, default "kecamatan"
        Where people live (see :func:`target_gaps`): distances, times and the people
        within the threshold are measured from these points.

    Returns
    -------
    ScenarioResult
        ``before``, ``after``, ``changes``, ``summary`` and ``upgrades`` tables.

    Raises
    ------
    ValueError
        If any ``kode_rs`` is not in ``ds.rumah_sakit`` or any strata is not
        known (every problem is listed, with close matches).

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> res = pg.upgrade_scenario(ds, reg, layanan="uronefrologi", status="ada",
    ...                           upgrades=[("R1702015", "madya")])  # RSUD Rejang Lebong
    >>> float(res.summary.set_index("metric").loc["kabkota_meets_target", "change"])
    1.0
    >>> res = pg.upgrade_scenario(ds, reg, layanan="kanker", upgrades=[("RS9999", "madya")])
    Traceback (most recent call last):
    ...
    ValueError: upgrades has 1 problem(s): kode_rs 'RS9999' (item 1) is not in ds.rumah_sakit...
    """
    cfg = ds.config
    cfg.check_layanan(layanan)
    (status,) = _status_list(status)
    table = _check_upgrades(ds, upgrades, layanan=layanan, status=status)
    not_effective = table.loc[~table["effective"], "kode_rs"].tolist()
    if not_effective:
        warnings.warn(
            _text("upgrades_no_change", n=len(not_effective), codes=", ".join(not_effective[:5]),
                  layanan=layanan, status=status),
            PengampuanWarning, stacklevel=2,
        )
    after_ds = _apply_upgrades(ds, table, layanan=layanan)
    kab = _kabkota_units(regions, ds)
    prov = _province_units(regions, provinces, ds, kab)
    dem = _demands(regions, ds, kab, prov, demand)
    both = []
    for d in (ds, after_ds):
        g = _gaps(d, kab, prov, [layanan], [status], dem=dem)
        both.append(g)
    geometry = require_wgs84(regions, name="regions").geometry.set_axis(kab["kode"].to_numpy())
    before, after = (
        gpd.GeoDataFrame(t, geometry=geometry.reindex(t["kode"].to_numpy()).to_numpy(),
                         crs="EPSG:4326")
        for t in (_with_travel(g[g["tingkat"] == "kabkota"], cfg) for g in both)
    )
    prov_meets = [int(g.loc[g["tingkat"] == "provinsi", "meets_target"].sum()) for g in both]
    summary = _scenario_summary(before, after, prov_meets)
    changes = _scenario_changes(before, after)
    logger.info("Scenario %s: %d upgrade(s), %d kab/kota changed", layanan, len(table),
                len(changes))
    return ScenarioResult(before=before, after=after, changes=changes, summary=summary,
                          upgrades=table.reset_index(drop=True))


def recommend_upgrades(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: str,
    k: int,
    objective: Objective = "kabkota",
    candidates: Iterable[str] | None = None,
    to_strata: str | None = None,
    status: str = "target",
    demand: DemandKind | gpd.GeoDataFrame = "kecamatan",
) -> pd.DataFrame:
    """
    Greedy choice of ``k`` hospitals to upgrade so that the most kab/kota (or people) are covered.

    A hospital raised to ``to_strata`` makes its own kab/kota (and the
    kab/kota a decree lists it for, ``kode_wilayah_sk``) meet the
    kab/kota target, and brings within the layanan's travel-time threshold
    the people of every demand point (kecamatan, by default) within that time of
    it. Each step picks the
    candidate with the largest marginal gain; ties go to the larger gain of the
    other objective, then to the smaller ``kode_rs``. Coverage is submodular,
    so the greedy gains never increase and the choice is within ``1 - 1/e`` of
    the best possible (Nemhauser, Wolsey & Fisher 1978).

    Parameters
    ----------
    ds : Dataset
        Hospitals and their strata.
    regions : geopandas.GeoDataFrame
        Kab/kota polygons (``kode``, ``nama``, ``kode_induk``, geometry).
    layanan : str
        The layanan to upgrade.
    k : int
        Number of upgrades (>= 1). Fewer rows are returned, with a warning, when
        no remaining candidate adds anything.
    objective : {"kabkota", "penduduk"}, default "kabkota"
        ``"kabkota"``: kab/kota newly meeting the kab/kota target.
        ``"penduduk"``: people of the demand points newly within the travel-time
        threshold (``Config.travel_threshold_min``). With ``demand="kabkota"``:
        people (``ds.wilayah.penduduk``) of the kab/kota newly within the
        threshold or newly meeting the target (the model of earlier releases).
    candidates : iterable of str, optional
        kode_rs that may be upgraded (any hospital of ``ds.rumah_sakit``).
        Default: the hospitals already in the decree network for ``layanan``
        (a row in ``ds.layanan``), the general hospitals and the specialist
        hospitals of that layanan; other specialist hospitals (mother and
        child, mental, eye, dental, lung, orthopaedic, ...) are left out and
        counted (see :func:`upgrade_candidates` for the rule and the reason per
        hospital). Hospitals already at ``to_strata`` or higher are always
        left out.
    to_strata : str, optional
        Strata of an upgrade; default ``Config.target_strata_kabkota`` (madya).
        Must be at least that strata.
    status : {"target", "ada"}, default "target"
        Strata of the baseline.
    demand : {"kecamatan", "kabkota"} or geopandas.GeoDataFrame, default "kecamatan"
        Where people live (see :func:`target_gaps`).

    Returns
    -------
    pandas.DataFrame
        One row per step: ``step, kode_rs, nama, kode_wilayah, strata_before,
        strata_after, gain`` (of the objective), ``cumulative`` (sum of gains so
        far), ``total`` (baseline + cumulative), ``gain_kabkota`` and
        ``gain_penduduk`` (both objectives' gains of that step; ``gain_penduduk``
        is <NA> for a layanan without a threshold). ``attrs["baseline"]`` holds
        the objective before any upgrade, ``attrs["n_candidates"]`` the number of
        candidates considered and ``attrs["excluded_jenis"]`` the number of
        hospitals left out of the default candidates per ``jenis_rs`` (also
        logged at INFO; empty with ``candidates=``).

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> rec = pg.recommend_upgrades(ds, reg, layanan="stroke", k=3, objective="penduduk",
    ...                             status="ada")     # which current hospitals to raise first
    >>> list(rec.columns[:7])
    ['step', 'kode_rs', 'nama', 'kode_wilayah', 'strata_before', 'strata_after', 'gain']
    >>> len(rec), bool(rec["gain"].is_monotonic_decreasing)
    (3, True)
    """
    cfg = ds.config
    cfg.check_layanan(layanan)
    (status,) = _status_list(status)
    if objective not in ("kabkota", "penduduk"):
        raise ValueError(f"objective={objective!r} is not known; expected 'kabkota' or 'penduduk'")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k={k!r} must be an integer >= 1")
    target = cfg.target_strata_kabkota
    to_strata = target if to_strata is None else to_strata
    if cfg.strata_rank(to_strata) < cfg.strata_rank(target):
        raise ValueError(
            f"to_strata={to_strata!r} is below the kab/kota target {target!r}; such an "
            "upgrade never counts towards the target"
        )
    threshold_min = cfg.threshold_min(layanan)
    if objective == "penduduk" and threshold_min is None:
        raise ValueError(
            f"objective='penduduk' needs a travel-time threshold for layanan={layanan!r}; "
            "set Config.travel_threshold_min[layanan]"
        )
    kab = _kabkota_units(regions, ds)
    dem = _demands(regions, ds, kab, None, demand)
    base = _gaps(ds, kab, None, [layanan], [status])
    base = _with_travel(base[base["tingkat"] == "kabkota"], cfg).reset_index(drop=True)
    meets = base["meets_target"].to_numpy(dtype=bool).copy()
    cand, excluded = _candidates(ds, candidates, layanan=layanan, to_strata=to_strata,
                                 status=status)
    if dem is None:  # one point per kab/kota: reached when within time or meeting the target
        reach = base["within_threshold"].fillna(False).to_numpy(dtype=bool).copy()
        pop = pd.to_numeric(base["penduduk"], errors="coerce").astype(float).to_numpy()
        if np.isnan(pop).any() and objective == "penduduk":
            warnings.warn(
                _text("kabkota_no_penduduk", n=int(np.isnan(pop).sum()), total=len(pop)),
                PengampuanWarning, stacklevel=2,
            )
        pop = np.nan_to_num(pop, nan=0.0)
        m_meet, m_reach = _incidence(cand, kab, threshold_min=threshold_min, cfg=cfg)
    else:  # each demand point: reached when its nearest qualifying hospital is in time
        dem_k = dem[0]
        pop = dem_k.penduduk
        qual = _qualifying(ds, layanan=layanan, strata=target, status=status)
        d_point = _point_distances(dem_k, qual)[0]
        reach = (_travel_min(d_point, cfg) <= threshold_min if threshold_min is not None
                 else np.zeros(len(dem_k), dtype=bool))
        points = pd.DataFrame({"titik_lon": dem_k.lon, "titik_lat": dem_k.lat})
        m_meet = _incidence(cand, kab, threshold_min=None, cfg=cfg)[0]
        m_reach = (_incidence(cand, points.assign(kode=np.arange(len(points))),
                              threshold_min=threshold_min, cfg=cfg, own=False)[1]
                   if threshold_min is not None else sparse.csr_array((len(cand), len(dem_k))))
    baseline = float(meets.sum()) if objective == "kabkota" else float(pop[reach].sum())
    tie_rank = cand["kode_rs"].rank(method="first").to_numpy()
    available = np.ones(len(cand), dtype=bool)
    rows: list[dict[str, Any]] = []
    cumulative = 0.0
    for step in range(1, k + 1):
        g_kab = m_meet @ (~meets).astype(float)
        g_pop = m_reach @ np.where(reach, 0.0, pop)
        primary, secondary = (g_kab, g_pop) if objective == "kabkota" else (g_pop, g_kab)
        primary = np.where(available, primary, -1.0)
        if not len(primary) or primary.max() <= 0:
            warnings.warn(
                _text("upgrades_only_some", n=step - 1, k=k, layanan=layanan,
                      objective=objective),
                PengampuanWarning, stacklevel=2,
            )
            break
        best = int(np.lexsort((tie_rank, -secondary, -primary))[0])
        cumulative += float(primary[best])
        row = cand.iloc[best]
        rows.append({
            "step": step, "kode_rs": row["kode_rs"], "nama": row["nama"],
            "kode_wilayah": row["kode_wilayah"], "strata_before": row["strata_before"],
            "strata_after": to_strata, "gain": float(primary[best]), "cumulative": cumulative,
            "total": baseline + cumulative, "gain_kabkota": float(g_kab[best]),
            "gain_penduduk": float(g_pop[best]) if threshold_min is not None else np.nan,
        })
        meets[_row(m_meet, best)] = True
        reach[_row(m_reach, best)] = True
        available[best] = False
    out = pd.DataFrame(rows, columns=[
        "step", "kode_rs", "nama", "kode_wilayah", "strata_before", "strata_after", "gain",
        "cumulative", "total", "gain_kabkota", "gain_penduduk",
    ])
    if objective == "kabkota":
        for col in ("gain", "cumulative", "total", "gain_kabkota"):
            out[col] = out[col].astype("int64")
    out["step"] = out["step"].astype("int64")
    out.attrs["baseline"] = baseline
    out.attrs["objective"] = objective
    out.attrs["n_candidates"] = len(cand)
    out.attrs["excluded_jenis"] = excluded
    logger.info("recommend_upgrades %s: %d of %d candidates chosen, %s %.0f -> %.0f",
                layanan, len(out), len(cand), objective, baseline, baseline + cumulative)
    return out


# ----------------------------------------------------------------------
# dialysis
def dialysis_burden(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    patients_col: str = "pasien_hd",
    sessions_per_week: float | None = None,
    min_strata: str = "madya",
    status: str = "target",
    layanan: str = "uronefrologi",
    fasilitas: str | None = None,
    bukti: Any = None,
    demand: DemandKind | gpd.GeoDataFrame = "kecamatan",
) -> pd.DataFrame:
    """
    Weekly travel of haemodialysis patients to the nearest uronefrologi hospital, per kab/kota.

    ``km_per_week = patients x sessions_per_week x 2 (there and back) x
    distance_km x Config.circuity_factor`` (road km estimated from the
    great-circle distance; 1.3 by default) and ``hours_per_week = patients x
    sessions_per_week x 2 x travel_min / 60`` with ``travel_min`` from
    :func:`pengampuan.travel.travel_time_simple`. The distance is the
    population-weighted mean great-circle distance from the kab/kota's demand
    points (kecamatan, by default: patients live across it) to their nearest
    hospital with ``layanan`` at ``min_strata`` or higher, even when that hospital
    is inside the kab/kota; with ``demand="kabkota"`` from one point inside it.

    Parameters
    ----------
    ds : Dataset
        Hospitals; ``ds.wilayah[patients_col]`` holds patient numbers per kab/kota
        (optional: missing numbers give <NA>, never a dropped row).
    regions : geopandas.GeoDataFrame
        Kab/kota polygons (``kode``, ``nama``, ``kode_induk``, geometry).
    patients_col : str, default "pasien_hd"
        Column of ``ds.wilayah`` with the number of patients.
    sessions_per_week : float, optional
        Default ``Config.dialysis_sessions_per_week`` (2).
    min_strata : str, default "madya"
        Lowest strata of a hospital that can dialyse.
    status : {"target", "ada"}, default "target"
        Strata used (see :func:`target_gaps`).
    layanan : str, default "uronefrologi"
        The layanan that provides dialysis.
    fasilitas : str, optional
        The alternative to ``layanan``/``min_strata``: hospitals that reported the
        service, e.g. ``fasilitas="hemodialisis"`` (RS Online 2020 flags in the
        bundled data): where dialysis exists, not where the decree targets it.
    bukti : iterable of str, optional
        Evidence grades of the rows that count (None: ``DEFAULT_BUKTI``).
    demand : {"kecamatan", "kabkota"} or geopandas.GeoDataFrame, default "kecamatan"
        Where patients live, as in :func:`pengampuan.district_access`.

    Returns
    -------
    pandas.DataFrame
        One row per kab/kota of ``regions``: ``kode, nama, kode_induk,
        <patients_col>, sessions_per_week, kode_rs, nama_rs, distance_km,
        road_km, travel_min`` (one way), ``km_per_patient_week,
        hours_per_patient_week, km_per_week, hours_per_week``, ``share_nearest_approx``
        (patients' share whose nearest hospital has an approximate point). Without patient
        numbers the last two are <NA>; without any capable hospital the
        distances are ``inf``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> hd = pg.dialysis_burden(pg.load_dataset(), pg.load_regions())
    >>> row = hd.set_index("kode").loc["17.02"]     # Kab. Rejang Lebong, 92 patients
    >>> int(row["pasien_hd"]), bool(row["km_per_week"] > 0)
    (92, True)
    """
    cfg = ds.config
    cfg.check_layanan(layanan)
    cfg.strata_rank(min_strata)
    cfg.check_bukti(bukti)
    (status,) = _status_list(status)
    sessions = cfg.dialysis_sessions_per_week if sessions_per_week is None else sessions_per_week
    if not (np.isfinite(sessions) and sessions > 0):
        raise ValueError(f"sessions_per_week={sessions!r} must be a finite number > 0")
    kab = _kabkota_units(regions, ds)
    patients = _patients(ds, kab, patients_col)
    cap = _hospital_points(
        ds.capable(fasilitas=fasilitas, bukti=bukti) if fasilitas is not None
        else ds.capable(layanan=layanan, min_strata=min_strata, status=status, bukti=bukti))
    dem = _demands(regions, ds, kab, None, demand)
    if dem is None:
        dem_k = build_demand(require_wgs84(regions, name="regions").reset_index(drop=True), ds,
                             demand="kabkota")
    else:
        dem_k = dem[0]
    n = len(kab)
    distance_km = np.full(n, np.inf)
    kode_rs = pd.array([pd.NA] * n, dtype="string")
    nama_rs = pd.array([pd.NA] * n, dtype="string")
    approx_share = np.full(n, np.nan)
    if len(cap):
        d, pos = _point_distances(dem_k, cap)
        distance_km = weighted_mean(dem_k, d, n)
        top = top_choice(dem_k, pos, n)
        kode_rs = pd.array(cap["kode_rs"].to_numpy()[top], dtype="string")
        nama_rs = pd.array(cap["nama"].to_numpy()[top], dtype="string")
        approx_share = share_where(dem_k, _approx_mask(cap, pos), n)[1]
    else:
        logger.warning("No hospital has %s at strata %s or higher (status=%s)",
                       layanan, min_strata, status)
    travel_min = np.asarray(travel_time_simple(distance_km, config=cfg), dtype=float)
    road_km = distance_km * cfg.circuity_factor
    trips = 2.0 * sessions
    out = kab[["kode", "nama", "kode_induk"]].copy()
    out[patients_col] = patients
    out["sessions_per_week"] = float(sessions)
    out["kode_rs"] = kode_rs
    out["nama_rs"] = nama_rs
    out["distance_km"] = distance_km
    out["road_km"] = road_km
    out["travel_min"] = travel_min
    out["km_per_patient_week"] = trips * road_km
    out["hours_per_patient_week"] = trips * travel_min / 60.0
    n = patients.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):  # 0 patients x inf km is 0 km
        km = np.where(n == 0, 0.0, n * trips * road_km)
        hours = np.where(n == 0, 0.0, n * trips * travel_min / 60.0)
    out["km_per_week"] = pd.array(km, dtype="Float64")       # NaN (no numbers) -> <NA>
    out["hours_per_week"] = pd.array(hours, dtype="Float64")
    out["share_nearest_approx"] = approx_share
    out.attrs["circuity_factor"] = cfg.circuity_factor
    out.attrs["road_speed_kmh"] = cfg.road_speed_kmh
    logger.info(
        "dialysis_burden: %d kab/kota, %d with patient numbers; road km = great-circle km x %.2f",
        len(out), int(np.isfinite(n).sum()), cfg.circuity_factor,
    )
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------
# helpers
def _layanan_list(cfg: Config, layanan: str | Iterable[str] | None) -> list[str]:
    if layanan is None:
        items = list(cfg.target_layanan)
    elif isinstance(layanan, str):
        items = [layanan]
    else:
        items = list(layanan)
    for lay in items:
        cfg.check_layanan(lay)
    if not items:
        raise ValueError("layanan is empty; give at least one layanan or None for the KJSU four")
    return items


def _status_list(status: str | Sequence[str]) -> list[str]:
    items = [status] if isinstance(status, str) else list(status)
    bad = [s for s in items if s not in STATUS]
    if bad or not items:
        raise ValueError(f"status={status!r} is not known; expected one of {list(STATUS)} "
                         "or a sequence of them")
    return list(dict.fromkeys(items))


def _layanan_order(values: pd.Series) -> NDArray[np.int64]:
    order = {lay: i for i, lay in enumerate(("kanker", "jantung", "stroke", "uronefrologi"))}
    return np.asarray([order.get(v, 99) for v in values], dtype=np.int64)


def _share(num: pd.Series, den: pd.Series) -> pd.Series:
    num_f, den_f = num.astype(float), den.astype(float)
    share = (num_f / den_f.where(den_f > 0)).clip(0.0, 1.0)
    return share.astype("Float64")


def _kabkota_units(regions: gpd.GeoDataFrame, ds: Dataset) -> pd.DataFrame:
    """kode, nama, kode_induk, titik_lon, titik_lat, penduduk of each kab/kota."""
    if not isinstance(regions, gpd.GeoDataFrame):
        raise TypeError(f"regions must be a GeoDataFrame, not {type(regions).__name__}")
    gdf = require_wgs84(regions, name="regions")
    missing = sorted({"kode", "nama", "kode_induk"} - set(gdf.columns))
    if missing:
        raise ValueError(
            f"regions lacks column(s) {missing}; expected the kab/kota GeoDataFrame of "
            "pg.load_regions(level='kabkota') (kode, nama, kode_induk, geometry)"
        )
    kode = gdf["kode"].astype(str)
    if len(kode) and not kode.str.contains(".", regex=False).any():
        raise ValueError(
            "regions has no kab/kota code (PP.KK) in column 'kode', e.g. "
            f"{kode.iloc[0]!r}; pass the kab/kota layer (pg.load_regions(level='kabkota')) "
            "and, if needed, the provinces as provinces="
        )
    induk = gdf["kode_induk"].astype("string")
    no_induk = induk.isna() | (induk.str.strip() == "")
    if no_induk.any():
        logger.info("%d kab/kota have no kode_induk; taken from their kode", int(no_induk.sum()))
        induk = induk.where(~no_induk, kode.str.split(".").str[0])
    empty = (gdf.geometry.isna() | gdf.geometry.is_empty).to_numpy()
    if empty.any():
        raise ValueError(f"regions: {int(empty.sum())} kab/kota have no geometry "
                         f"(kode {', '.join(kode[empty][:5])})")
    dup = kode.duplicated(keep=False).to_numpy()
    if dup.any():
        raise ValueError(f"regions: kode {sorted(set(kode[dup]))[:5]} appear more than once; "
                         "expected one row per kab/kota")
    pt = inside_point(gdf.geometry)
    out = pd.DataFrame({
        "kode": kode.to_numpy(),
        "nama": gdf["nama"].astype(str).to_numpy(),
        "kode_induk": induk.astype(str).to_numpy(),
        "titik_lon": pt.x.to_numpy(dtype=float),
        "titik_lat": pt.y.to_numpy(dtype=float),
    })
    out["penduduk"] = out["kode"].map(_penduduk_lookup(ds)).astype("Int64")
    return out


def _penduduk_lookup(ds: Dataset) -> pd.Series:
    w = ds.wilayah
    if "penduduk" not in w or "kode" not in w:
        return pd.Series(dtype="Int64")
    s = pd.Series(pd.to_numeric(w["penduduk"], errors="coerce").to_numpy(),
                  index=w["kode"].astype(str).to_numpy())
    return s[~s.index.duplicated()]


def _province_units(
    regions: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame | None, ds: Dataset,
    kab: pd.DataFrame,
) -> pd.DataFrame:
    """kode, nama, kode_induk (NA), titik_lon, titik_lat, penduduk of each province."""
    if provinces is None:
        gdf = require_wgs84(regions, name="regions")
        merged = gpd.GeoDataFrame({"kode_induk": kab["kode_induk"].to_numpy()},
                                  geometry=gdf.geometry.to_numpy(), crs=gdf.crs
                                  ).dissolve(by="kode_induk")
        kode = merged.index.astype(str).to_numpy()
        w = ds.wilayah
        names = pd.Series(w["nama"].astype(str).to_numpy(), index=w["kode"].astype(str).to_numpy())
        names = names[~names.index.duplicated()]
        nama = pd.Series(kode).map(names)
        if nama.isna().any():
            logger.info("%d province(s) have no name in ds.wilayah; using their kode",
                        int(nama.isna().sum()))
        nama = nama.fillna(pd.Series(kode)).to_numpy()
        pt = inside_point(merged.geometry)
    else:
        pgdf = require_wgs84(provinces, name="provinces")
        missing = sorted({"kode", "nama"} - set(pgdf.columns))
        if missing:
            raise ValueError(f"provinces lacks column(s) {missing}; expected kode, nama, geometry")
        kode = pgdf["kode"].astype(str).to_numpy()
        nama = pgdf["nama"].astype(str).to_numpy()
        pt = inside_point(pgdf.geometry)
        unknown = sorted(set(kab["kode_induk"]) - set(kode))
        if unknown:
            raise ValueError(f"provinces has no row for kode_induk {unknown[:5]} of regions")
    out = pd.DataFrame({"kode": kode, "nama": nama, "kode_induk": pd.NA,
                        "titik_lon": pt.x.to_numpy(dtype=float),
                        "titik_lat": pt.y.to_numpy(dtype=float)})
    own = out["kode"].map(_penduduk_lookup(ds)).astype(float)
    kab_pop = kab.groupby("kode_induk")["penduduk"].agg(
        lambda s: float(s.sum()) if s.notna().all() else np.nan)
    from_kab = out["kode"].map(kab_pop).astype(float)
    out["penduduk"] = pd.array(own.fillna(from_kab).to_numpy(), dtype="Float64").astype("Int64")
    out["kode_induk"] = out["kode_induk"].astype("string")
    return out


def _hospital_points(rs: pd.DataFrame) -> pd.DataFrame:
    """Hospital points: kode_rs, nama, kode_wilayah, kode_prov, lon, lat, ... .

    Also kode_wilayah_sk, kode_prov_sk (<NA> unless the decree lists the hospital
    elsewhere), lokasi_presisi and strata, if any.
    """
    out = pd.DataFrame({
        "kode_rs": rs["kode_rs"].astype(str).to_numpy(),
        "nama": rs["nama"].astype(str).to_numpy(),
        "kode_wilayah": rs["kode_wilayah"].astype(str).to_numpy(),
        "lon": pd.to_numeric(rs["lon"]).to_numpy(dtype=float),
        "lat": pd.to_numeric(rs["lat"]).to_numpy(dtype=float),
    })
    if "kode_prov" in rs:
        out["kode_prov"] = rs["kode_prov"].astype(str).to_numpy()
    else:
        out["kode_prov"] = out["kode_wilayah"].str.split(".").str[0]
    # the kab/kota (and its province) a decree lists the hospital for, when not where it
    # stands; <NA> when the column is absent, empty or equal to where it stands
    if "kode_wilayah_sk" in rs:
        sk = pd.Series(rs["kode_wilayah_sk"].to_numpy(), dtype="string").str.strip()
        sk = sk.mask(sk == "")
    else:
        sk = pd.Series(pd.NA, index=range(len(out)), dtype="string")
    sk = sk.mask(sk == out["kode_wilayah"].to_numpy())
    sk_prov = sk.str.split(".").str[0].astype("string")
    out["kode_wilayah_sk"] = sk.to_numpy()
    out["kode_prov_sk"] = sk_prov.mask(sk_prov == out["kode_prov"].to_numpy()).to_numpy()
    if "strata" in rs:
        out["strata"] = rs["strata"].to_numpy()
    if "lokasi_presisi" in rs:
        out["lokasi_presisi"] = rs["lokasi_presisi"].astype("string").to_numpy()
    return out


def _ranked_hospitals(ds: Dataset, status: str) -> pd.DataFrame:
    """Hospital points with one strata-rank column per layanan (NaN = none) for ``status``."""
    return _hospital_points(ds.rumah_sakit).join(ds.strata_rank_table(status=status),
                                                 on="kode_rs")


def _listed_elsewhere(units: pd.DataFrame, cap: pd.DataFrame, key_sk: str
                      ) -> tuple[NDArray[np.int64], ExtensionArray]:
    """Per unit: qualifying hospitals a decree lists for it while they stand elsewhere.

    The count and the ``kode_rs`` joined by ``;`` (<NA> when none); ``cap[key_sk]``
    is <NA> for a hospital listed where it stands.
    """
    n = len(units)
    n_sk = np.zeros(n, dtype=np.int64)
    codes = np.full(n, None, dtype=object)
    if key_sk in cap and len(cap) and n:
        sk = pd.Series(cap[key_sk].to_numpy(), dtype="string")
        listed = sk.notna().to_numpy()
        where = pd.Series(np.arange(n), index=units["kode"].to_numpy()).reindex(
            sk[listed].to_numpy()).to_numpy()
        inside = ~np.isnan(where)
        if not inside.all():
            logger.info("%d qualifying hospital(s) are listed by decree (%s) for a region that "
                        "is not in regions", int((~inside).sum()), key_sk)
        u = where[inside].astype(np.intp)
        kode_rs = cap["kode_rs"].astype(str).to_numpy()[listed][inside]
        n_sk = np.bincount(u, minlength=n).astype(np.int64)
        for pos, group in pd.Series(kode_rs).groupby(u):
            codes[int(pos)] = ";".join(sorted(group))
    return n_sk, pd.array(codes, dtype="string")


def _dasar_target(n_hosp: NDArray[np.int64], n_sk: NDArray[np.int64]) -> ExtensionArray:
    """``lokasi`` | ``sk`` | ``lokasi+sk`` | <NA> from the two counts (see DASAR_TARGET)."""
    lok, sk = n_hosp >= 1, n_sk >= 1
    values = np.select([lok & sk, lok, sk], ["lokasi+sk", "lokasi", "sk"], default="")
    out = values.astype(object)
    out[values == ""] = None
    return pd.array(out, dtype="string")


def _nearest_qualifying(units: pd.DataFrame, cap: pd.DataFrame, key: str,
                        key_sk: str | None = None) -> dict[str, Any]:
    """Columns n_hospitals ... distance_km for ``units`` given qualifying hospitals ``cap``.

    A unit meets the target when a hospital of ``cap`` stands in it (``key``) or a
    decree lists one for it (``key_sk``); distance 0 and ``nearest_*`` from the
    hospitals standing in it only.
    """
    n = len(units)
    pos = np.full(n, -1, dtype=np.intp)
    dist = np.full(n, np.inf)
    n_hosp = np.zeros(n, dtype=np.int64)
    if len(cap) and n:
        dist, pos = NearestIndex(lon=cap["lon"], lat=cap["lat"]).query(
            lon=units["titik_lon"], lat=units["titik_lat"])
        # the region each qualifying hospital lies in (by code), if any
        where = pd.Series(np.arange(n), index=units["kode"].to_numpy()).reindex(
            cap[key].to_numpy()).to_numpy()
        inside = ~np.isnan(where)
        if not inside.all():
            logger.info("%d qualifying hospital(s) have a %s that is in no region; they count "
                        "for distances only", int((~inside).sum()), key)
        u = where[inside].astype(np.intp)
        c = np.flatnonzero(inside)
        n_hosp = np.bincount(u, minlength=n).astype(np.int64)
        # a region meeting the target: the qualifying hospital inside it nearest its point
        d_km = great_circle_km(units["titik_lat"].to_numpy()[u], units["titik_lon"].to_numpy()[u],
                               cap["lat"].to_numpy()[c], cap["lon"].to_numpy()[c])
        order = np.lexsort((c, d_km, u))
        u_sorted, c_sorted = u[order], c[order]
        first = np.r_[True, u_sorted[1:] != u_sorted[:-1]] if len(u_sorted) else np.array([], bool)
        pos[u_sorted[first]] = c_sorted[first]
        dist[u_sorted[first]] = 0.0
    ok = pos >= 0
    take = np.where(ok, pos, 0)

    def col(name: str) -> Any:
        values = (cap[name].to_numpy(dtype=object)[take] if len(cap)
                  else np.full(n, None, dtype=object))
        values[~ok] = None
        return pd.array(values, dtype="string")

    n_sk, codes_sk = (_listed_elsewhere(units, cap, key_sk) if key_sk is not None
                      else (np.zeros(n, dtype=np.int64), pd.array([None] * n, dtype="string")))
    return {
        "n_hospitals": n_hosp,
        "n_hospitals_sk": n_sk,
        "meets_target": (n_hosp >= 1) | (n_sk >= 1),
        "dasar_target": _dasar_target(n_hosp, n_sk),
        "kode_rs_sk": codes_sk,
        "nearest_kode_rs": col("kode_rs"),
        "nearest_nama": col("nama"),
        "nearest_strata": col("strata"),
        "distance_km": dist,
    }


def _gaps(
    ds: Dataset, kab: pd.DataFrame, prov: pd.DataFrame | None, layanan_list: list[str],
    statuses: list[str], dem: tuple[Demand, Demand | None] | None = None,
) -> pd.DataFrame:
    cfg = ds.config
    order = np.asarray(cfg.strata_order, dtype=object)
    dem_k, dem_p = dem if dem is not None else (None, None)
    levels = [("kabkota", kab, cfg.target_strata_kabkota, "kode_wilayah", dem_k)]
    if prov is not None:
        levels.insert(0, ("provinsi", prov, cfg.target_strata_provinsi, "kode_prov", dem_p))
    frames = []
    for st in statuses:
        ranked = _ranked_hospitals(ds, st)
        for lay in layanan_list:
            rank = (ranked[lay].to_numpy(dtype=float) if lay in ranked
                    else np.full(len(ranked), np.nan))
            for tingkat, units, strata, key, d in levels:
                sel = rank >= cfg.strata_rank(strata)          # NaN (no layanan) is False
                cap = ranked.loc[sel].assign(strata=order[rank[sel].astype(int)])
                cols = _nearest_qualifying(units, cap, key, f"{key}_sk")
                if d is not None:
                    cols.update(_demand_columns(units, cap, d, cfg.threshold_min(lay), cfg))
                frames.append(units.assign(tingkat=tingkat, layanan=lay, status=st,
                                           target_strata=strata, **cols))
    out = pd.concat(frames, ignore_index=True)
    out["_lay"] = _layanan_order(out["layanan"])
    out["_st"] = out["status"].map({s: i for i, s in enumerate(statuses)})
    out = out.sort_values(["_st", "kode", "_lay", "layanan"], kind="stable")
    out = out.drop(columns=["_lay", "_st"]).reset_index(drop=True)
    out["kode_induk"] = out["kode_induk"].astype("string")
    out["n_hospitals"] = out["n_hospitals"].astype("int64")
    out["n_hospitals_sk"] = out["n_hospitals_sk"].astype("int64")
    out["meets_target"] = out["meets_target"].astype(bool)
    for col in ("dasar_target", "kode_rs_sk"):
        out[col] = out[col].astype("string")
    extra = [c for c in _DEMAND_COLUMNS if c in out] if dem is not None else []
    if extra:
        out["n_demand"] = out["n_demand"].astype("int64")
    return out[_GAP_COLUMNS + extra]


def _demands(regions: gpd.GeoDataFrame, ds: Dataset, kab: pd.DataFrame,
             prov: pd.DataFrame | None, demand: DemandKind | gpd.GeoDataFrame,
             ) -> tuple[Demand, Demand | None] | None:
    """Demand points per kab/kota and per province (None for the one-point model)."""
    if isinstance(demand, str) and demand == "kabkota":
        return None
    reg = require_wgs84(regions, name="regions").reset_index(drop=True)
    dem_k = build_demand(reg, ds, demand=demand, stacklevel=4)
    if prov is None:
        return dem_k, None
    prov_pos = pd.Series(np.arange(len(prov)), index=prov["kode"].astype(str).to_numpy())
    owner = pd.Series(kab["kode_induk"].to_numpy()[dem_k.owner]).map(prov_pos)
    dem_p = dataclasses.replace(dem_k, owner=owner.to_numpy(dtype=np.intp))
    return dem_k, dem_p


def _point_distances(dem: Demand, cap: pd.DataFrame
                     ) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    """Distance (km) and position in ``cap`` of each demand point's nearest hospital."""
    if not len(cap) or not len(dem):
        return np.full(len(dem), np.inf), np.full(len(dem), -1, dtype=np.intp)
    d, pos = NearestIndex(lon=cap["lon"], lat=cap["lat"]).query(lon=dem.lon, lat=dem.lat)
    return d, pos.astype(np.intp)


def _approx_mask(cap: pd.DataFrame, pos: NDArray[np.intp]) -> NDArray[np.bool_]:
    """Per demand point: its chosen hospital (position in ``cap``) has a kab/kota placeholder."""
    if "lokasi_presisi" not in cap or not len(cap):
        return np.zeros(len(pos), dtype=bool)
    flag = is_approx_lokasi(cap["lokasi_presisi"])
    return (pos >= 0) & flag.to_numpy(dtype=bool)[np.where(pos >= 0, pos, 0)]


def _qualifying(ds: Dataset, *, layanan: str, strata: str, status: str) -> pd.DataFrame:
    ranked = _ranked_hospitals(ds, status)
    rank = (ranked[layanan].to_numpy(dtype=float) if layanan in ranked
            else np.full(len(ranked), np.nan))
    return ranked.loc[rank >= ds.config.strata_rank(strata)].reset_index(drop=True)


def _demand_columns(units: pd.DataFrame, cap: pd.DataFrame, dem: Demand,
                    threshold_min: float | None, cfg: Config) -> dict[str, Any]:
    """Population-weighted distance and the people within the threshold, per unit."""
    n = len(units)
    cap = cap.reset_index(drop=True)
    d, pos = _point_distances(dem, cap)
    top = top_choice(dem, pos, n)
    ok = top >= 0

    def col(name: str) -> Any:
        values = (cap[name].to_numpy(dtype=object)[np.where(ok, top, 0)] if len(cap)
                  else np.full(n, None, dtype=object))
        values[~ok] = None
        return pd.array(values, dtype="string")

    if threshold_min is not None:
        persons, share = share_where(dem, _travel_min(d, cfg) <= threshold_min, n)
    else:
        persons, share = np.full(n, np.nan), np.full(n, np.nan)
    approx = _approx_mask(cap, pos)
    return {
        "nearest_kode_rs": col("kode_rs"), "nearest_nama": col("nama"),
        "nearest_strata": col("strata"),
        "distance_km": weighted_mean(dem, d, n),
        "distance_km_max": weighted_max(dem, d, n),
        "penduduk_within_threshold": persons, "share_within_threshold": share,
        "share_nearest_approx": share_where(dem, approx, n)[1],
        "n_demand": np.bincount(dem.owner, minlength=n),
    }


def _travel_min(distance_km: NDArray[np.float64], cfg: Config) -> NDArray[np.float64]:
    return np.asarray(travel_time_simple(np.asarray(distance_km, dtype=float), config=cfg),
                      dtype=float)


def _threshold_km(threshold_min: float, cfg: Config) -> float:
    """Great-circle radius (km) that the simple travel model covers in ``threshold_min``."""
    return threshold_min / 60.0 * cfg.road_speed_kmh / cfg.circuity_factor


def _with_travel(kab_gaps: pd.DataFrame, cfg: Config) -> pd.DataFrame:
    """Kab/kota rows with travel_min, threshold_min and within_threshold."""
    out = kab_gaps.drop(columns=["tingkat", "status", "titik_lat", "titik_lon",
                                 "nearest_strata"]).reset_index(drop=True)
    lay = out["layanan"].iloc[0] if len(out) else None
    thr = cfg.threshold_min(lay) if lay is not None else None
    out["travel_min"] = _travel_min(out["distance_km"].to_numpy(), cfg)
    out["threshold_min"] = np.nan if thr is None else thr
    by_demand = "penduduk_within_threshold" in out
    if thr is None:
        out["within_threshold"] = pd.array([pd.NA] * len(out), dtype="boolean")
    elif by_demand:  # the population-weighted mean time
        out["within_threshold"] = pd.array(out["travel_min"].to_numpy() <= thr, dtype="boolean")
    else:  # distance 0 where a qualifying hospital stands (a decree listing alone is no trip)
        within = (out["n_hospitals"].to_numpy() >= 1) | (out["travel_min"].to_numpy() <= thr)
        out["within_threshold"] = pd.array(within, dtype="boolean")
    out = out.rename(columns={"nearest_kode_rs": "kode_rs", "nearest_nama": "nama_rs"})
    cols = ["kode", "nama", "kode_induk", "layanan", "target_strata", "n_hospitals",
            "n_hospitals_sk", "meets_target", "dasar_target", "kode_rs_sk",
            "kode_rs", "nama_rs", "distance_km", "travel_min",
            "threshold_min", "within_threshold", "penduduk"]
    if by_demand:
        cols += ["penduduk_within_threshold", "share_within_threshold", "share_nearest_approx"]
    return out[cols]


def _check_upgrades(
    ds: Dataset, upgrades: Iterable[tuple[str, str]] | Mapping[str, str], *, layanan: str,
    status: str,
) -> pd.DataFrame:
    """Validated upgrades: kode_rs, nama, kode_wilayah, strata_before, strata_after, effective."""
    cfg = ds.config
    items = list(upgrades.items()) if isinstance(upgrades, Mapping) else list(upgrades)
    known = ds.rumah_sakit["kode_rs"].astype(str)
    known_set = set(known)
    problems: list[str] = []
    rows: list[tuple[str, str]] = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, str) or not isinstance(item, Sequence) or len(item) != 2:
            problems.append(f"item {n} is {item!r}; expected a pair (kode_rs, strata)")
            continue
        kode_rs, strata = str(item[0]).strip(), item[1]
        if kode_rs not in known_set:
            close = difflib.get_close_matches(kode_rs, sorted(known_set), n=3)
            hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
            problems.append(f"kode_rs {kode_rs!r} (item {n}) is not in ds.rumah_sakit{hint}")
        canon = cfg.normalise_strata(str(strata))
        if canon is None:
            problems.append(f"strata {strata!r} (item {n}) is not known; expected one of "
                            f"{list(cfg.strata_order)}")
        rows.append((kode_rs, canon or ""))
    if problems:
        raise ValueError(f"upgrades has {len(problems)} problem(s): " + "; ".join(problems))
    table = pd.DataFrame(rows, columns=["kode_rs", "strata_after"])
    # the same hospital twice: the highest strata wins
    table["_rank"] = table["strata_after"].map(cfg.strata_rank)
    table = (table.sort_values("_rank", kind="stable").drop_duplicates("kode_rs", keep="last")
             .sort_index())
    ranks = ds.strata_rank_table(status=status)
    before = (ranks[layanan] if layanan in ranks else pd.Series(dtype=float))
    rank_before = table["kode_rs"].map(before)
    order = cfg.strata_order
    table["strata_before"] = pd.array(
        [order[int(r)] if r == r else None for r in rank_before], dtype="string")
    table["effective"] = rank_before.isna().to_numpy() | (
        rank_before.fillna(-1).to_numpy() < table["_rank"].to_numpy())
    info = ds.rumah_sakit.drop_duplicates("kode_rs").set_index(known.drop_duplicates().to_numpy())
    table["nama"] = table["kode_rs"].map(info["nama"]).astype("string")
    table["kode_wilayah"] = table["kode_rs"].map(info["kode_wilayah"]).astype("string")
    return table[["kode_rs", "nama", "kode_wilayah", "strata_before", "strata_after",
                  "effective"]]


def _apply_upgrades(ds: Dataset, table: pd.DataFrame, *, layanan: str) -> Dataset:
    """A copy of ``ds`` with one current (``ada``) layanan row per upgrade."""
    if not len(table):
        return ds
    new = pd.DataFrame({
        "kode_rs": table["kode_rs"].to_numpy(),
        "layanan": layanan,
        "strata": table["strata_after"].to_numpy(),
        "status": "ada",
        "sumber": "skenario peningkatan strata (upgrade_scenario)",
    })
    lay = pd.concat([ds.layanan, new], ignore_index=True)
    if "contoh" in lay:
        lay["contoh"] = lay["contoh"].fillna(False).astype(bool)
    return dataclasses.replace(ds, layanan=lay, meta={**ds.meta, "skenario": True})


def _scenario_summary(before: pd.DataFrame, after: pd.DataFrame,
                      prov_meets: list[int]) -> pd.DataFrame:
    def metrics(t: pd.DataFrame, n_prov: int) -> dict[str, float]:
        pop = pd.to_numeric(t["penduduk"], errors="coerce").astype(float).fillna(0.0)
        within = t["within_threshold"].fillna(False).to_numpy(dtype=bool)
        d = t["distance_km"].to_numpy(dtype=float)
        finite = d[np.isfinite(d)]
        return {
            "kabkota_meets_target": float(t["meets_target"].sum()),
            "provinsi_meets_target": float(n_prov),
            "penduduk_meets_target": float(pop[t["meets_target"].to_numpy()].sum()),
            "kabkota_within_threshold": float(within.sum()),
            "penduduk_within_threshold": (
                float(t["penduduk_within_threshold"].fillna(0.0).sum())
                if "penduduk_within_threshold" in t else float(pop[within].sum())),
            "kabkota_without_hospital": float(np.count_nonzero(np.isinf(d))),
            "mean_distance_km": float(finite.mean()) if len(finite) else np.nan,
            "max_distance_km": float(d.max()) if len(d) else np.nan,
        }

    b, a = metrics(before, prov_meets[0]), metrics(after, prov_meets[1])
    out = pd.DataFrame({"metric": list(b), "before": list(b.values()), "after": list(a.values())})
    out["change"] = out["after"] - out["before"]
    return out


def _scenario_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    cols = ["meets_target", "kode_rs", "distance_km", "travel_min", "within_threshold"]
    b = before.set_index("kode")
    a = after.set_index("kode")
    changed = (
        (b["meets_target"] != a["meets_target"])
        | (b["kode_rs"].fillna("") != a["kode_rs"].fillna(""))
        | ~np.isclose(b["distance_km"], a["distance_km"], rtol=0, atol=1e-9)
    )
    keep = changed.to_numpy()
    out = b.loc[keep, ["nama", "kode_induk", "penduduk"]].copy()
    for c in cols:
        out[f"{c}_before"] = b.loc[keep, c]
        out[f"{c}_after"] = a.loc[keep, c]
    return out.reset_index()


def _jenis_from_text(text: pd.Series, *, typed: bool) -> pd.Series:
    """Hospital type (:data:`JENIS_RS`) read from names or a typed column; <NA> if unknown.

    A name without any specialist word is a general hospital (``umum``); a typed
    value must name its type (``RSU``, ``RS Umum``, ``RSIA``, ``RSK Jiwa``, ...).
    """
    norm = (" " + text.fillna("").astype(str).str.upper()
            .str.replace(r"[^A-Z0-9]+", " ", regex=True).str.strip() + " ")
    norm = norm.str.replace(" RUMAH SAKIT ", " RS ", regex=False)
    out = pd.Series(pd.NA, index=text.index, dtype="string")
    for jenis, pattern in _JENIS_PATTERNS:
        hit = out.isna() & norm.str.contains(pattern, regex=True)
        out = out.mask(hit, jenis)
    umum = norm.str.contains(_UMUM_PATTERN, regex=True) if typed else norm.str.strip() != ""
    return out.mask(out.isna() & umum, "umum")


def _jenis_rs(rs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """``jenis_rs`` of each hospital and where it was read (``jenis`` column or ``nama``).

    A typed column (``jenis_rs`` or ``jenis``, the first with any value: a
    :data:`JENIS_RS` value, or e.g. RS Online ``JenisRS``: RSU, RSIA, RSK Jiwa, RSK
    GM, ...) is used where its value is recognised; else the name.
    """
    by_name = _jenis_from_text(rs["nama"], typed=False)
    col = next((c for c in ("jenis_rs", "jenis") if c in rs
                and (rs[c].fillna("").astype(str).str.strip() != "").any()), None)
    if col is None:
        return by_name, pd.Series("nama", index=rs.index, dtype="string")
    # a value of JENIS_RS as it is (the bundled data), else read like a name
    value = rs[col].astype("string").str.strip().str.lower()
    by_type = value.where(value.isin(JENIS_RS)).fillna(_jenis_from_text(rs[col], typed=True))
    unread = (rs[col].notna() & (rs[col].astype(str).str.strip() != "") & by_type.isna())
    if unread.any():
        logger.info("%d hospital(s) have a %s value that names no known type (e.g. %r); their "
                    "type is read from the name", int(unread.sum()), col,
                    str(rs.loc[unread, col].iloc[0]))
    source = pd.Series(np.where(by_type.notna(), col, "nama"), index=rs.index, dtype="string")
    return by_type.fillna(by_name), source


def upgrade_candidates(
    ds: Dataset, *, layanan: str, to_strata: str | None = None, status: str = "target",
) -> pd.DataFrame:
    """
    Which hospitals :func:`recommend_upgrades` may propose by default, and why (not).

    A hospital is a default candidate for an upgrade of ``layanan`` to
    ``to_strata`` when it lacks that strata (under ``status``) and

    - it already has a row for ``layanan`` in ``ds.layanan`` (it is in the decree
      network for that layanan, at any strata, status or evidence grade), or
    - it is a general hospital (``jenis_rs == "umum"``), or
    - it is the specialist hospital of that layanan (``kanker``: a cancer hospital,
      ``jantung``: a heart hospital, ``stroke``: a brain/stroke hospital,
      ``uronefrologi``: a kidney hospital; also ``kia``: mother and child,
      ``tb``: lung, ``pie``: infectious diseases).

    Other specialist hospitals (mother and child, mental, eye, dental, lung, ENT,
    orthopaedic, surgical, leprosy, ... hospitals) cannot sensibly take a KJSU
    strata and are left out; pass ``candidates=`` to :func:`recommend_upgrades`
    to include any hospital anyway.

    The type ``jenis_rs`` comes from a typed column of ``ds.rumah_sakit``
    (``jenis_rs`` or ``jenis``, e.g. the RS Online ``JenisRS`` values ``RSU``,
    ``RSIA``, ``RSK Jiwa``, ``RSK GM``) where it has a recognised value, else
    from the name: RSIA, RSKIA, RSB, RSAB, "RS Ibu dan Anak", "RS Bersalin"
    (``ibu_anak``); RS Jiwa, RSJ, RSJD, RSKJ, RSKO (``jiwa``); RS Mata, RSKM
    (``mata``); RSGM, "RS Gigi dan Mulut" (``gigi_mulut``); RS Paru
    (``paru``); RS Orthopedi (``ortopedi``); RS Khusus Bedah (``bedah``); RS
    THT (``tht``); RS Kusta (``kusta``); RSPI, "RS Penyakit Infeksi"
    (``infeksi``); RS Kulit (``kulit``); RS Kanker, RS Onkologi (``kanker``); RS
    Jantung (``jantung``); RS Otak, RS Stroke, RS PON (``otak``); RS Ginjal
    (``ginjal``); any other "RS Khusus"/RSK/RSKD (``khusus``); a name with none
    of these is ``umum``. On the 2,878 hospitals of RS Online 2020 in the bundled
    data the names give the registered type for all but 7 (4 registered as RSU,
    named as a maternity, mother-and-child or geriatric hospital; 3 specialist
    hospitals of another kind than their names say): the bundled ``jenis_rs``
    column (RS Online 2020 ``JenisRS``) is read first.

    Parameters
    ----------
    ds : Dataset
        Hospitals and their strata.
    layanan : str
        The layanan to upgrade.
    to_strata : str, optional
        Strata of an upgrade; default ``Config.target_strata_kabkota`` (madya).
    status : {"target", "ada"}, default "target"
        Strata of the baseline.

    Returns
    -------
    pandas.DataFrame
        One row per hospital of ``ds.rumah_sakit``, sorted by ``kode_rs``:
        ``kode_rs, nama, kode_wilayah, jenis_rs`` (one of :data:`JENIS_RS`),
        ``jenis_dari`` (``jenis_rs``/``jenis``: the typed column; ``nama``: the
        name), ``di_jejaring`` (has a row for ``layanan``), ``strata_before``,
        ``kandidat`` (bool) and ``alasan``: ``sudah_strata`` (already at
        ``to_strata`` or higher; not a candidate), ``jejaring_layanan``,
        ``rs_umum``, ``rs_khusus_layanan`` (candidates) or ``rs_khusus_lain``
        (another specialist hospital; not a candidate).

    Examples
    --------
    >>> import pengampuan as pg
    >>> from pengampuan.coverage import upgrade_candidates
    >>> cand = upgrade_candidates(pg.load_dataset(), layanan="kanker").set_index("kode_rs")
    >>> cand.loc["R3174063", ["nama", "jenis_rs", "alasan"]].tolist()   # paripurna already
    ['RS Kanker Dharmais', 'kanker', 'sudah_strata']
    >>> r = cand.loc["KMK-31-007"]                      # a mother-and-child hospital
    >>> r["nama"], r["jenis_rs"], bool(r["kandidat"]), r["alasan"]
    ('RSAB Harapan Kita', 'ibu_anak', False, 'rs_khusus_lain')
    """
    cfg = ds.config
    cfg.check_layanan(layanan)
    (status,) = _status_list(status)
    to_strata = cfg.target_strata_kabkota if to_strata is None else to_strata
    rs = ds.rumah_sakit.drop_duplicates("kode_rs").reset_index(drop=True)
    jenis, source = _jenis_rs(rs)
    kode = rs["kode_rs"].astype(str)
    ranks = ds.strata_rank_table(status=status)
    rank = kode.map(ranks[layanan]) if layanan in ranks else pd.Series(np.nan, index=rs.index)
    order = cfg.strata_order
    lay = ds.layanan
    in_network = kode.isin(set(lay.loc[lay["layanan"] == layanan, "kode_rs"].astype(str)))
    already = (rank >= cfg.strata_rank(to_strata)).to_numpy()
    own_field = jenis.isin([j for j, lays in _JENIS_LAYANAN.items() if layanan in lays])
    alasan = np.select(
        [already, in_network.to_numpy(), (jenis == "umum").fillna(False).to_numpy(),
         own_field.fillna(False).to_numpy()],
        ["sudah_strata", "jejaring_layanan", "rs_umum", "rs_khusus_layanan"],
        default="rs_khusus_lain")
    out = pd.DataFrame({
        "kode_rs": kode.to_numpy(), "nama": rs["nama"].astype(str).to_numpy(),
        "kode_wilayah": rs["kode_wilayah"].astype(str).to_numpy(),
        "jenis_rs": jenis.fillna("khusus").to_numpy(), "jenis_dari": source.to_numpy(),
        "di_jejaring": in_network.to_numpy(),
        "strata_before": pd.array([order[int(r)] if r == r else None for r in rank],
                                  dtype="string"),
        "kandidat": ~np.isin(alasan, ["sudah_strata", "rs_khusus_lain"]),
        "alasan": alasan,
    })
    for col in ("jenis_rs", "jenis_dari", "alasan"):
        out[col] = out[col].astype("string")
    return out.sort_values("kode_rs", kind="stable").reset_index(drop=True)


def _candidates(
    ds: Dataset, candidates: Iterable[str] | None, *, layanan: str, to_strata: str, status: str,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Hospitals that an upgrade to ``to_strata`` would raise, with ``strata_before``.

    Also, for the default candidates, the number left out per ``jenis_rs``.
    """
    cfg = ds.config
    rs = _hospital_points(ds.rumah_sakit)
    excluded: dict[str, int] = {}
    if candidates is None:
        table = upgrade_candidates(ds, layanan=layanan, to_strata=to_strata, status=status)
        other = table[table["alasan"] == "rs_khusus_lain"]
        excluded = {str(k): int(v) for k, v in other["jenis_rs"].value_counts().sort_index()
                    .items()}
        if len(other):
            logger.info(
                "recommend_upgrades %s: %d of %d hospitals left out as candidates, being "
                "specialist hospitals of another field (%s); pass candidates= to include "
                "them", layanan, len(other), len(table),
                ", ".join(f"{k} {v}" for k, v in excluded.items()))
        rs = rs[~rs["kode_rs"].isin(set(other["kode_rs"]))]
    else:
        wanted = [str(c).strip() for c in candidates]
        unknown = [c for c in dict.fromkeys(wanted) if c not in set(rs["kode_rs"])]
        if unknown:
            hints = []
            for c in unknown[:5]:
                close = difflib.get_close_matches(c, sorted(rs["kode_rs"]), n=2)
                hints.append(f"{c!r}" + (f" (did you mean {', '.join(map(repr, close))}?)"
                                         if close else ""))
            raise ValueError(f"candidates: {len(unknown)} kode_rs not in ds.rumah_sakit: "
                             + ", ".join(hints))
        rs = rs[rs["kode_rs"].isin(set(wanted))]
    ranks = ds.strata_rank_table(status=status)
    rank = rs["kode_rs"].map(ranks[layanan]) if layanan in ranks else pd.Series(np.nan, rs.index)
    order = cfg.strata_order
    rs = rs.assign(strata_before=pd.array(
        [order[int(r)] if r == r else None for r in rank], dtype="string"))
    lacking = rank.isna() | (rank < cfg.strata_rank(to_strata))
    if (~lacking).any():
        logger.info("%d candidate(s) already have %s at %s or higher and are left out",
                    int((~lacking).sum()), layanan, to_strata)
    rs = rs[lacking.to_numpy()].drop_duplicates("kode_rs")
    return rs.sort_values("kode_rs", kind="stable").reset_index(drop=True), excluded


def _incidence(
    cand: pd.DataFrame, kab: pd.DataFrame, *, threshold_min: float | None, cfg: Config,
    own: bool = True,
) -> tuple[sparse.csr_array, sparse.csr_array]:
    """Candidate x kab/kota matrices: 'makes it meet the target' and 'covers it in time'.

    A candidate makes the kab/kota it stands in meet the target, and the kab/kota a
    decree lists it for (``kode_wilayah_sk``), as :func:`target_gaps` counts them; it
    covers in time the kab/kota it stands in and those within the threshold.
    With ``own=False`` the columns are demand points (``kab`` holds their
    ``titik_lon``/``titik_lat``) and a candidate covers only what is in time.
    """
    n_c, n_k = len(cand), len(kab)
    kab_pos = pd.Series(np.arange(n_k), index=kab["kode"].to_numpy())
    own_pos = (cand["kode_wilayah"].map(kab_pos) if own
               else pd.Series(np.nan, index=cand.index))
    if own and own_pos.isna().any():
        logger.info("%d candidate(s) lie in a kab/kota that is not in regions",
                    int(own_pos.isna().sum()))
    has = own_pos.notna().to_numpy()
    rows_in = np.flatnonzero(has)
    cols_in = own_pos[has].to_numpy(dtype=np.intp)
    rows_meet, cols_meet = rows_in, cols_in
    if own and "kode_wilayah_sk" in cand:
        sk_pos = pd.Series(cand["kode_wilayah_sk"].to_numpy(), dtype=object).map(kab_pos)
        has_sk = sk_pos.notna().to_numpy()
        rows_meet = np.concatenate([rows_in, np.flatnonzero(has_sk)])
        cols_meet = np.concatenate([cols_in, sk_pos[has_sk].to_numpy(dtype=np.intp)])
    m_meet = sparse.csr_array((np.ones(len(rows_meet)), (rows_meet, cols_meet)),
                              shape=(n_c, n_k))
    if threshold_min is None or n_c == 0:
        return m_meet, m_meet
    radius_km = _threshold_km(threshold_min, cfg) * (1 + 1e-9)
    ic, ik, d_km = pairs_within(cand["lon"], cand["lat"], kab["titik_lon"], kab["titik_lat"],
                                max_distance_km=radius_km)
    ok = _travel_min(d_km, cfg) <= threshold_min
    r = np.concatenate([rows_in, ic[ok]])
    c = np.concatenate([cols_in, ik[ok]])
    m_reach = sparse.csr_array((np.ones(len(r)), (r, c)), shape=(n_c, n_k))
    m_reach.data[:] = 1.0  # duplicates (own kab/kota within reach) summed: back to 0/1
    return m_meet, m_reach


def _row(m: sparse.csr_array, i: int) -> NDArray[np.int32]:
    """Column positions of the stored entries of row ``i``."""
    return np.asarray(m.indices[m.indptr[i]:m.indptr[i + 1]])


def _patients(ds: Dataset, kab: pd.DataFrame, col: str) -> pd.Series:
    w = ds.wilayah
    if col not in w:
        warnings.warn(
            _text("no_patient_column", col=col),
            PengampuanWarning, stacklevel=3,
        )
        return pd.Series(pd.array([pd.NA] * len(kab), dtype="Float64"), index=kab.index)
    values = pd.to_numeric(w[col], errors="coerce")
    bad = (values < 0).fillna(False).to_numpy() | (w[col].notna() & values.isna()).to_numpy()
    if bad.any():
        shown = ", ".join(f"kode {k}: {v!r}" for k, v in
                          zip(w.loc[bad, "kode"][:5], w.loc[bad, col][:5], strict=True))
        raise ValueError(f"wilayah, column {col!r}: {int(bad.sum())} value(s) are not numbers "
                         f">= 0 ({shown})")
    lookup = pd.Series(values.to_numpy(), index=w["kode"].astype(str).to_numpy())
    lookup = lookup[lookup.notna()]
    unmatched = sorted(set(lookup.index) - set(kab["kode"]))
    if unmatched:
        warnings.warn(
            _text("patients_unmatched", n=len(unmatched), col=col,
                  codes=", ".join(unmatched[:5])),
            PengampuanWarning, stacklevel=3,
        )
    matched = pd.array(kab["kode"].map(lookup).to_numpy(dtype=float), dtype="Float64")
    integral = bool((matched.fillna(0) % 1 == 0).all())
    return pd.Series(matched.astype("Int64") if integral else matched, index=kab.index)
