"""Demand points: where the people of each kab/kota live, for population-weighted access.

Access figures are measured from *demand points*, each carrying a number of people
(``penduduk``) and belonging to one region (kab/kota):

- ``"kecamatan"`` (the default): the 7,285 bundled kecamatan points (a point inside each
  kecamatan, ``data/kecamatan.csv``) with their 2025 population estimate. A kecamatan
  belongs to the kab/kota of its code (``kode_induk``), so points on islets that the
  generalised polygons dropped still count where they belong. When ``ds.wilayah`` gives a
  kab/kota another total, its kecamatan are scaled to it (their shares are kept).
- ``"kabkota"``: one point inside each kab/kota (:func:`pengampuan.geo.inside_point`)
  carrying its whole population: the coarse model of earlier releases.
- a GeoDataFrame of points with a ``penduduk`` column (a population grid, desa points, your
  own kecamatan): each point counts for the region given by a ``kode_wilayah`` column (or
  the ``kode_induk`` of a kecamatan table, ``PP.KK``) when there is one, else for the
  polygon it lies in.

The limit: a kecamatan is still one point. Its people are taken to live at that point,
so distances inside a large kecamatan (in Papua or Kalimantan, hundreds of km²) are
only as good as that point. Regions that no demand point reaches keep one point inside
the polygon (logged or warned, never dropped).
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
from numpy.typing import NDArray

from ._inputs import _check_regions, _labels, _point_lonlat
from ._messages import msg as _text
from .dataset import Dataset
from .errors import PengampuanWarning
from .geo import inside_point

logger = logging.getLogger(__name__)

__all__ = ["DEMAND", "demand_points"]

DemandKind = Literal["kecamatan", "kabkota"]
#: Named demand models (a GeoDataFrame of points is the third choice).
DEMAND: tuple[str, ...] = ("kecamatan", "kabkota")


@dataclass(frozen=True)
class Demand:
    """Demand points assigned to regions (internal: arrays aligned by point)."""

    kode: NDArray[np.object_]       # code of the point (kecamatan, region, or the row label)
    nama: NDArray[np.object_]
    lon: NDArray[np.float64]
    lat: NDArray[np.float64]
    penduduk: NDArray[np.float64]   # persons (>= 0; 0 when unknown)
    owner: NDArray[np.intp]         # position of the region in ``regions``
    kind: NDArray[np.object_]       # "kecamatan" | "kabkota" (a region's own point) | "titik"
    model: str                      # "kecamatan", "kabkota" or "titik" (user points)

    def __len__(self) -> int:
        return len(self.lon)

    def columns(self, regions: gpd.GeoDataFrame, *, region_col: str) -> dict[str, Any]:
        """The columns naming each point: kode, nama, ``region_col``, jenis, penduduk.

        ``region_col`` holds the code of the point's region in ``regions``.
        """
        return {"kode": pd.array(self.kode.astype(str), dtype="string"),
                "nama": pd.array(self.nama, dtype="string"),
                region_col: pd.array(regions["kode"].astype(str).to_numpy()[self.owner],
                                     dtype="string"),
                "jenis": pd.array(self.kind, dtype="string"),
                "penduduk": self.penduduk}


def _region_penduduk(ds: Dataset | None, kode: pd.Series) -> NDArray[np.float64]:
    """Population of each region from ``ds.wilayah`` (NaN when unknown)."""
    if ds is None or "penduduk" not in ds.wilayah.columns:
        return np.full(len(kode), np.nan)
    w = ds.wilayah.drop_duplicates("kode")
    lookup = pd.Series(pd.to_numeric(w["penduduk"], errors="coerce").to_numpy(dtype=float),
                       index=w["kode"].astype(str).to_numpy())
    return kode.astype(str).map(lookup).to_numpy(dtype=float)


def _own_points(reg: gpd.GeoDataFrame, which: NDArray[np.intp],
                weights: NDArray[np.float64]) -> dict[str, Any]:
    pt = inside_point(reg.geometry.iloc[which])
    return {"kode": reg["kode"].to_numpy(dtype=object)[which],
            "nama": reg["nama"].to_numpy(dtype=object)[which],
            "lon": pt.x.to_numpy(float), "lat": pt.y.to_numpy(float),
            "penduduk": weights, "owner": which.astype(np.intp),
            "kind": np.full(len(which), "kabkota", dtype=object)}


def _concat(parts: list[dict[str, Any]], model: str) -> Demand:
    keys = ("kode", "nama", "lon", "lat", "penduduk", "owner", "kind")
    arrays = {k: np.concatenate([p[k] for p in parts]) if parts else np.empty(0) for k in keys}
    order = np.argsort(arrays["owner"], kind="stable")   # regions in order, points within
    return Demand(kode=arrays["kode"][order].astype(object),
                  nama=arrays["nama"][order].astype(object),
                  lon=arrays["lon"][order].astype(float), lat=arrays["lat"][order].astype(float),
                  penduduk=arrays["penduduk"][order].astype(float),
                  owner=arrays["owner"][order].astype(np.intp),
                  kind=arrays["kind"][order].astype(object), model=model)


def _kecamatan(reg: gpd.GeoDataFrame, ds: Dataset | None, *, stacklevel: int) -> Demand:
    from .regions.kecamatan import kecamatan_table

    kec = kecamatan_table()
    pos = pd.Series(np.arange(len(reg)), index=reg["kode"].astype(str).to_numpy())
    owner = kec["kode_induk"].astype(str).map(pos)
    kec = kec[owner.notna().to_numpy()]
    owner_a = owner.dropna().to_numpy(dtype=np.intp)
    w = kec["penduduk"].to_numpy(dtype=float, na_value=np.nan)
    w = np.where(np.isnan(w), 0.0, w)
    n = len(reg)
    # scale to the region totals of ds.wilayah where they differ (shares kept)
    wil = _region_penduduk(ds, reg["kode"])
    kec_total = np.bincount(owner_a, weights=w, minlength=n)
    has = np.bincount(owner_a, minlength=n) > 0
    scale_at = has & np.isfinite(wil) & (kec_total > 0) & ~np.isclose(kec_total, wil, rtol=0,
                                                                         atol=0.5)
    if scale_at.any():
        factor = np.ones(n)
        factor[scale_at] = wil[scale_at] / kec_total[scale_at]
        w = w * factor[owner_a]
        logger.info("Kecamatan population scaled to ds.wilayah's total in %d kab/kota",
                    int(scale_at.sum()))
    parts = [{"kode": kec["kode"].to_numpy(dtype=object),
              "nama": kec["nama"].to_numpy(dtype=object),
              "lon": kec["lon"].to_numpy(float), "lat": kec["lat"].to_numpy(float),
              "penduduk": w, "owner": owner_a,
              "kind": np.full(len(kec), "kecamatan", dtype=object)}]
    missing = np.flatnonzero(~has)
    if len(missing):
        parts.append(_own_points(reg, missing, np.nan_to_num(wil[missing], nan=0.0)))
        names = ", ".join(f"{k} {v}" for k, v in zip(reg["kode"].iloc[missing[:5]],
                                                      reg["nama"].iloc[missing[:5]], strict=True))
        msg = _text("demand_no_kecamatan", n=len(missing), total=n,
                   names=names + (", ..." if len(missing) > 5 else ""))
        if len(missing) < n:
            warnings.warn(msg, PengampuanWarning, stacklevel=stacklevel)
        else:
            logger.info(msg)
    return _concat(parts, "kecamatan")


def _user_points(points: gpd.GeoDataFrame | pd.DataFrame, reg: gpd.GeoDataFrame, *,
                 name: str, stacklevel: int) -> Demand:
    if not isinstance(points, pd.DataFrame):
        raise TypeError(f"{name} must be 'kecamatan', 'kabkota' or a GeoDataFrame of Points "
                        f"with a 'penduduk' column, not {type(points).__name__}")
    if "penduduk" not in points.columns:
        raise ValueError(f"{name} has no column 'penduduk' (persons per point)")
    lon, lat = _point_lonlat(points, name=name)
    w = pd.to_numeric(points["penduduk"], errors="coerce").to_numpy(dtype=float,
                                                                      na_value=np.nan)
    bad = np.isnan(w) | (w < 0)
    if bad.any():
        raise ValueError(f"{name}: {int(bad.sum())} 'penduduk' values are missing, not "
                         f"numbers or negative (index {_labels(points.index[bad])})")
    code_col = next((c for c in ("kode_wilayah", "kode_kabkota", "kode_kab") if c in points), None)
    if code_col is None and "kode_induk" in points and \
            points["kode_induk"].dropna().astype(str).str.contains(".", regex=False).all():
        code_col = "kode_induk"  # a kecamatan table: kode_induk is its kab/kota (PP.KK)
    if code_col is not None:
        pos = pd.Series(np.arange(len(reg)), index=reg["kode"].astype(str).to_numpy())
        owner = points[code_col].astype(str).map(pos).to_numpy(dtype=float, na_value=np.nan)
        how = _text("demand_how_code", col=code_col)
    else:
        pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
        hit = gpd.sjoin(pts, reg[["geometry"]], how="left", predicate="intersects")
        hit = hit[~hit.index.duplicated(keep="first")].sort_index()  # overlaps: first region
        owner = hit["index_right"].to_numpy(dtype=float, na_value=np.nan)
        how = _text("demand_how_outside")
    inside = ~np.isnan(owner)
    if not inside.all():
        n_out = int((~inside).sum())
        warnings.warn(
            _text("demand_points_outside", n=n_out, total=len(inside), name=name,
                 persons=float(w[~inside].sum()), how=how,
                 index=_labels(points.index[~inside])),
            PengampuanWarning, stacklevel=stacklevel)
    own = owner[inside].astype(np.intp)
    kode = (points["kode"].astype(str).to_numpy(dtype=object) if "kode" in points
            else np.asarray(points.index.astype(str), dtype=object))
    nama = (points["nama"].astype(str).to_numpy(dtype=object) if "nama" in points
            else np.full(len(points), None, dtype=object))
    parts = [{"kode": kode[inside], "nama": nama[inside], "lon": lon[inside], "lat": lat[inside],
              "penduduk": w[inside], "owner": own,
              "kind": np.full(int(inside.sum()), "titik", dtype=object)}]
    missing = np.setdiff1d(np.arange(len(reg)), own)
    if len(missing):  # measured from a point inside the polygon, with no persons
        parts.append(_own_points(reg, missing, np.zeros(len(missing))))
        logger.info("%d of %d regions hold no %s point; measured from a point inside the "
                    "polygon instead", len(missing), len(reg), name)
    return _concat(parts, "titik")


def build_demand(regions: gpd.GeoDataFrame, ds: Dataset | None, *,
                 demand: str | gpd.GeoDataFrame | pd.DataFrame = "kecamatan",
                 name: str = "demand", stacklevel: int = 3) -> Demand:
    """Demand points of ``regions`` (checked, EPSG:4326, unique ``kode``); see the module doc."""
    if isinstance(demand, str):
        if demand not in DEMAND:
            raise ValueError(f"demand={demand!r} is not known; expected one of {list(DEMAND)} "
                             f"or a GeoDataFrame of points with a 'penduduk' column")
        if demand == "kecamatan":
            return _kecamatan(regions, ds, stacklevel=stacklevel + 1)
        pend = np.nan_to_num(_region_penduduk(ds, regions["kode"]), nan=0.0)
        return _concat([_own_points(regions, np.arange(len(regions)), pend)], "kabkota")
    return _user_points(demand, regions, name=name, stacklevel=stacklevel + 1)


def demand_points(regions: gpd.GeoDataFrame, ds: Dataset | None = None, *,
                  demand: DemandKind | gpd.GeoDataFrame = "kecamatan") -> gpd.GeoDataFrame:
    """
    The demand points that access figures are measured from, with their people.

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        Kab/kota polygons with ``kode`` and ``nama`` (``pg.load_regions(level="kabkota")``).
    ds : Dataset, optional
        Its ``wilayah.penduduk`` gives each kab/kota's total (kecamatan are scaled to
        it where it differs; the ``"kabkota"`` model uses it as the point's weight).
    demand : {"kecamatan", "kabkota"} or geopandas.GeoDataFrame, default "kecamatan"
        The demand model (see :mod:`pengampuan.demand`).

    Returns
    -------
    geopandas.GeoDataFrame
        One Point per demand point, regions in their order: ``kode`` (kecamatan code,
        or the kab/kota code for a kab/kota's own point), ``nama``, ``kode_wilayah``
        (the kab/kota it counts for), ``jenis`` (``kecamatan`` | ``kabkota`` |
        ``titik``), ``penduduk`` (persons; float) and ``geometry`` (EPSG:4326).

    Examples
    --------
    >>> import pengampuan as pg
    >>> reg = pg.load_regions(level="kabkota")
    >>> pts = demand_points(reg, pg.load_dataset())
    >>> len(pts), int(pts["penduduk"].sum())
    (7285, 284973643)
    >>> int((pts["kode_wilayah"] == "17.02").sum())          # Kab. Rejang Lebong
    15
    """
    reg = _check_regions(regions)
    d = build_demand(reg, ds, demand=demand)
    out = gpd.GeoDataFrame(d.columns(reg, region_col="kode_wilayah"),
                           geometry=gpd.points_from_xy(d.lon, d.lat), crs="EPSG:4326")
    return out


# ---------------------------------------------------------------------------
# per-region aggregation shared by access and coverage
def region_totals(d: Demand, n_regions: int) -> NDArray[np.float64]:
    """Persons per region."""
    return np.bincount(d.owner, weights=d.penduduk, minlength=n_regions)


def weighted_mean(d: Demand, values: NDArray[np.float64], n_regions: int
                  ) -> NDArray[np.float64]:
    """Population-weighted mean of ``values`` (one per point) per region.

    A region whose points carry no persons gets the plain mean of its points; a region
    without points gets NaN. ``inf`` values stay ``inf`` where they carry persons (0
    persons x inf counts as 0).
    """
    w = d.penduduk
    total = region_totals(d, n_regions)
    count = np.bincount(d.owner, minlength=n_regions)
    with np.errstate(invalid="ignore", divide="ignore"):
        contrib = np.where(w > 0, w * values, 0.0)
        plain_sum = np.bincount(d.owner, weights=values, minlength=n_regions)
        weighted = np.bincount(d.owner, weights=contrib, minlength=n_regions) / total
        plain = plain_sum / count
    return np.where(total > 0, weighted, plain)


def weighted_max(d: Demand, values: NDArray[np.float64], n_regions: int
                 ) -> NDArray[np.float64]:
    """Largest value per region over points that carry persons (all points if none do)."""
    out = np.full(n_regions, -np.inf)
    populated = d.penduduk > 0
    has_pop = np.bincount(d.owner, weights=populated.astype(float), minlength=n_regions) > 0
    use = populated | ~has_pop[d.owner]
    np.maximum.at(out, d.owner[use], values[use])
    out[np.isneginf(out)] = np.nan
    return out


def share_where(d: Demand, mask: NDArray[np.bool_], n_regions: int
                ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Persons where ``mask`` holds and their share of the region (NaN without persons)."""
    total = region_totals(d, n_regions)
    persons = np.bincount(d.owner, weights=np.where(mask, d.penduduk, 0.0), minlength=n_regions)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, persons / total, np.nan)
    return persons, share


def top_choice(d: Demand, choice: NDArray[np.intp], n_regions: int) -> NDArray[np.intp]:
    """Per region, the ``choice`` (e.g. hospital position, -1 none) serving most persons.

    Ties go to the lower choice; a region whose points carry no persons takes the
    choice of most points.
    """
    w = np.where(d.penduduk > 0, d.penduduk, 0.0)
    total = region_totals(d, n_regions)
    weight = np.where(total[d.owner] > 0, w, 1.0)
    df = pd.DataFrame({"owner": d.owner, "choice": choice, "w": weight})
    df = df[df["choice"] >= 0]
    out = np.full(n_regions, -1, dtype=np.intp)
    if len(df):
        g = df.groupby(["owner", "choice"], sort=True)["w"].sum().reset_index()
        g = g.sort_values(["owner", "w", "choice"], ascending=[True, False, True], kind="stable")
        g = g.drop_duplicates("owner")
        out[g["owner"].to_numpy()] = g["choice"].to_numpy()
    return out
