"""The report's tables in one object: the one builder behind every report output.

:func:`report_tables` computes what ``pengampuan report`` writes -- access per
layanan, the targets and their summary, the network and its links, the
kab/kota and hospital tables, and the extra map layers (:func:`report_layers`:
reported services; for a province, kecamatan and an H3 grid) -- for the
report folder (:func:`pengampuan.write_report`) and for callers that want the
tables without the HTML page (:func:`pengampuan.to_excel`,
:func:`pengampuan.to_geopackage`, ``pengampuan plot``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import pandas as pd

from ..config import BUKTI
from ..travel import TRAVEL_MODELS, travel_description

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from ..dataset import Dataset
    from ..travel import TravelGraph

logger = logging.getLogger(__name__)

__all__ = ["ReportTables", "report_tables", "resolve_provinsi", "report_layers", "ReportLayers",
           "REPORT_FASILITAS", "GRID_RESOLUTION", "GRID_MAX_CELLS", "TRAVEL_MODELS",
           "data_regions", "DataScope", "data_scope", "travel_description"]


#: H3 resolution of the sea-aware travel graph of a report: finer for one province, coarser
#: for several (a national graph at 6 builds in about 2 s, at 7 in about 10 s).
SEA_RESOLUTION_PROVINCE = 7
SEA_RESOLUTION_NATIONAL = 6

#: Reported services drawn in a report beside the decree targets (RS Online 2020 flags; not
#: strata): access to dialysis, a cathlab and radiotherapy.
REPORT_FASILITAS: tuple[str, ...] = ("hemodialisis", "cathlab", "radioterapi")


#: H3 resolution of the access grid of a province report (about 5 km2 a cell), and the most
#: cells it may have: a larger province gets the next coarser resolution.
GRID_RESOLUTION = 7
GRID_MAX_CELLS = 30_000


@dataclass
class ReportLayers:
    """The layers a report draws besides access per layanan (see :func:`report_layers`)."""

    #: district_access per reported service (``fasilitas=``), all kab/kota of the report.
    fasilitas: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    #: district_access(..., level="kecamatan") per layanan and reported service (a province).
    kecamatan: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    #: access_grid per layanan and reported service (a province), one set of H3 cells.
    grid: dict[str, pd.DataFrame] = field(default_factory=dict)

    def extra(self) -> dict[str, pd.DataFrame]:
        """The layers by name: ``fasilitas_<name>``, ``kecamatan_<layer>``, ``grid_<layer>``."""
        out: dict[str, pd.DataFrame] = {}
        for prefix, frames in (("fasilitas", self.fasilitas), ("kecamatan", self.kecamatan),
                               ("grid", self.grid)):
            out.update({f"{prefix}_{key}": frame for key, frame in frames.items()})
        return out

    def map_keywords(self) -> dict[str, object]:
        """Keywords of :func:`pengampuan.map_access` that draw these layers."""
        return {"kecamatan": self.kecamatan or None, "grid": self.grid or None}

    def wilayah_columns(self, wilayah: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """``wilayah`` with the access to each reported service (``<fasilitas>_<column>``)."""
        out = wilayah.copy()
        cols = ("kode_rs", "nama_rs", "lokasi_presisi", "distance_km", "travel_min",
                "threshold_min", "share_within_threshold", "share_nearest_approx")
        kode = out["kode"].astype(str)
        for fas, frame in self.fasilitas.items():
            f = pd.DataFrame(frame.drop(columns=frame.geometry.name))
            f = f.set_index(f["kode"].astype(str))
            for col in cols:
                if col in f:
                    out[f"{fas}_{col}"] = kode.map(f[col]).to_numpy()
        return out


@dataclass
class ReportTables:
    """Everything a report is made of (see :func:`report_tables`)."""

    ds: Dataset
    layanan: list[str]
    status: str
    #: target_summary(): national and per-province coverage vs targets, or for a province its
    #: row and one row per kab/kota of it.
    ringkasan: pd.DataFrame
    #: One feature per kab/kota with the access and target columns of every layanan.
    wilayah: gpd.GeoDataFrame
    #: The hospitals with their strata per layanan; for a province, its hospitals and their
    #: partners outside it (``luar_provinsi`` true).
    rumah_sakit: gpd.GeoDataFrame
    #: The referral links as LineStrings (for a province, those that touch it).
    jejaring: gpd.GeoDataFrame
    #: district_access() per layanan.
    access: dict[str, gpd.GeoDataFrame]
    #: target_gaps() for all layanan.
    gaps: pd.DataFrame
    network: nx.MultiDiGraph
    #: Province code when the tables are scoped to one province.
    provinsi: str | None = None
    #: Optional extra layers (kecamatan access, H3 grid), by layer name.
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: The kab/kota of the report as given (full boundaries; for a province, its own).
    regions: gpd.GeoDataFrame | None = None
    #: Name of the province (``provinsi``), as the data or the bundled list spells it.
    nama_provinsi: str | None = None
    #: The map layers beyond the layanan: reported services; for a province, kecamatan and
    #: the H3 grid (:func:`report_layers`).
    layers: ReportLayers | None = None
    #: Travel-time model of the access figures: ``"simple"`` or ``"sea"``
    #: (:data:`TRAVEL_MODELS`; its assumptions in words: :meth:`travel_description`).
    travel: str = "simple"
    #: H3 resolution of the sea-aware travel graph (``travel="sea"``), else None.
    sea_resolution: int | None = None
    #: The kab/kota and provinces the report covers and whether they were taken from the
    #: data's own ``wilayah.csv`` (:func:`data_scope`).
    scope: DataScope | None = None

    def travel_description(self, lang: str | None = None) -> str:
        """The travel model and its assumptions in one sentence (see :func:`travel_description`)."""
        return travel_description(self.travel, self.ds.config, lang=lang,
                                  sea_resolution=self.sea_resolution)

    def summary_table(self, lang: str | None = None) -> pd.DataFrame:
        """``ringkasan`` with the travel model: ``travel_model`` (code) and ``travel_asumsi``.

        What ``ringkasan.csv`` and the summary sheet of ``ringkasan.xlsx`` hold, so the
        figures state how their travel times were estimated.
        """
        return self.ringkasan.assign(travel_model=self.travel,
                                     travel_asumsi=self.travel_description(lang))


@dataclass(frozen=True)
class DataScope:
    """The kab/kota and provinces of a report (see :func:`data_scope`)."""

    #: Codes of the kab/kota covered.
    kabkota: tuple[str, ...]
    #: Codes and names of their provinces, in code order.
    provinsi: tuple[tuple[str, str], ...]
    #: True when the scope is that of the data's own ``wilayah.csv`` (a folder given by the
    #: user, not the bundled data nor the bundled region list).
    from_data: bool
    #: True when every province of the bundled list is covered (a national report).
    national: bool

    def name(self, lang: str | None = None) -> str:
        """'Indonesia', the province's name, or the provinces' names (several provinces)."""
        from .._messages import msg

        if self.national or not self.provinsi:
            return "Indonesia"
        if len(self.provinsi) == 1:
            return self.provinsi[0][1]
        return msg("scope_provinces", lang, n=len(self.provinsi),
                   names=", ".join(n for _, n in self.provinsi))


def resolve_provinsi(provinsi: str | int | None, ds: Dataset) -> str | None:
    """
    The Kemendagri code of a province given by code or name (any case), or None.

    A thin wrapper of :func:`pengampuan.provinsi.resolve_provinsi` on the
    province list of ``ds.wilayah`` (the bundled list when it has none).

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> resolve_provinsi("bengkulu", ds), resolve_provinsi(17, ds), resolve_provinsi("Banten", ds)
    ('17', '17', '36')
    """
    if provinsi is None:
        return None
    from ..maps.scope import resolve_scope

    return resolve_scope(provinsi, ds, None).kode


def _kabkota_codes(wilayah: pd.DataFrame) -> set[str]:
    """Codes of the kab/kota a region list holds (``tingkat`` kabkota, else codes with a dot)."""
    if wilayah is None or "kode" not in wilayah or not len(wilayah):
        return set()
    kode = wilayah["kode"].astype(str).str.strip()
    if "tingkat" in wilayah:
        return set(kode[wilayah["tingkat"].astype(str).str.strip() == "kabkota"])
    return set(kode[kode.str.contains(".", regex=False)])


def data_regions(regions: gpd.GeoDataFrame, wilayah: pd.DataFrame) -> gpd.GeoDataFrame:
    """
    The kab/kota of ``regions`` that the data's region list (``wilayah.csv``) holds.

    The scope of a report follows its data: a folder with one province's
    ``wilayah.csv`` is analysed for that province's kab/kota, not the whole
    country. The bundled data (and a folder without ``wilayah.csv``, which
    uses the bundled list) lists every kab/kota: ``regions`` come back whole.
    Kab/kota of ``wilayah`` without a polygon in ``regions`` are named in a
    warning; when none of them has one (codes of another scheme), ``regions``
    come back whole, with a warning.

    Parameters
    ----------
    regions : GeoDataFrame
        Kab/kota polygons (``kode``), e.g. the bundled ones.
    wilayah : DataFrame
        The dataset's region list (``ds.wilayah``).

    Returns
    -------
    GeoDataFrame
        The rows of ``regions`` listed in ``wilayah``, in their order.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> len(data_regions(reg, ds.wilayah))
    514
    >>> bengkulu = ds.wilayah[ds.wilayah["kode"].str.startswith("17")]
    >>> sorted(set(data_regions(reg, bengkulu)["kode_induk"])), len(data_regions(reg, bengkulu))
    (['17'], 10)
    """
    import warnings

    from .._messages import msg

    listed = _kabkota_codes(wilayah)
    if not listed:
        return regions
    kode = regions["kode"].astype(str)
    keep = kode.isin(listed)
    if bool(keep.all()):
        return regions
    if not keep.any():
        warnings.warn(msg("scope_no_overlap", n=len(listed), n_regions=len(regions),
                          example=", ".join(sorted(listed)[:3])), UserWarning, stacklevel=2)
        return regions
    missing = sorted(listed - set(kode))
    if missing:
        warnings.warn(msg("scope_missing_boundary", n=len(missing),
                          codes=", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")),
                      UserWarning, stacklevel=2)
    return regions[keep].reset_index(drop=True)


def data_scope(ds: Dataset, regions: gpd.GeoDataFrame) -> DataScope:
    """
    The kab/kota and provinces a report on ``regions`` covers, and where that scope comes from.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> sc = data_scope(ds, reg)
    >>> len(sc.kabkota), len(sc.provinsi), sc.national, sc.from_data, sc.name()
    (514, 38, True, False, 'Indonesia')
    >>> data_scope(ds, reg[reg["kode_induk"] == "17"]).name()
    'Bengkulu'
    """
    from ..maps.scope import kode_induk, province_list
    from ..regions import region_list

    kab = tuple(regions["kode"].astype(str)) if len(regions) else ()
    codes = sorted(set(kode_induk(regions))) if len(regions) else []
    listed = province_list(ds)
    table = listed[listed["tingkat"].astype(str) == "provinsi"] if listed is not None else None
    bundled = region_list("provinsi")
    names = dict(zip(bundled["kode"].astype(str), bundled["nama"].astype(str), strict=True))
    if table is not None:
        names.update(zip(table["kode"].astype(str).str.strip(),
                         table["nama"].astype(str).str.strip(), strict=True))
    provinsi = tuple((k, names.get(k, k)) for k in codes)
    meta = ds.meta or {}
    from_data = not meta.get("bundled") and not meta.get("wilayah_bundled")
    national = set(bundled["kode"].astype(str)) <= set(codes)
    return DataScope(kabkota=kab, provinsi=provinsi, from_data=bool(from_data),
                     national=national)


def _layanan_codes(layanan: str | Sequence[str] | None, ds: Dataset) -> list[str]:
    """The layanan of a report: ``layanan`` checked, or the configuration's target layanan."""
    cfg = ds.config
    codes = (list(cfg.target_layanan) if layanan is None
             else [layanan] if isinstance(layanan, str) else list(layanan))
    for lay in codes:
        cfg.check_layanan(lay)
    if not codes:
        raise ValueError("layanan is empty: nothing to report")
    return codes


def report_tables(ds: Dataset | None = None, regions: gpd.GeoDataFrame | None = None, *,
                  layanan: str | Sequence[str] | None = None, status: str = "target",
                  provinsi: str | int | None = None, travel: str = "simple",
                  sea_resolution: int | None = None) -> ReportTables:
    """
    Compute the tables of a report: the one builder behind every report output.

    :func:`pengampuan.write_report` (the folder), ``pengampuan report --out
    FILE.gpkg/.xlsx/...``, :func:`pengampuan.to_excel`,
    :func:`pengampuan.to_geopackage` and ``pengampuan plot`` all take their
    tables from here, so the same arguments give the same tables everywhere.

    For every layanan, the access of each kab/kota to the nearest hospital at
    the kab/kota target strata (``Config.target_strata_kabkota``) and the
    national targets (:func:`pengampuan.target_gaps`) are computed, with the
    summary (:func:`pengampuan.target_summary`), the network and its links.

    A province report (``provinsi=``, or kab/kota that all lie in one
    province) covers that province: its kab/kota, its hospitals and their
    partners outside it (``luar_provinsi`` true), the links that touch its
    hospitals, and a summary of the province and each of its kab/kota (never
    a "nasional" total).

    The scope follows the data: without ``regions``, the kab/kota are the
    bundled ones that ``ds.wilayah`` lists (:func:`data_regions`), so a data
    folder of one province gives that province's report, and one of several
    provinces a summary whose total row is named after them (``tables.scope``).

    Parameters
    ----------
    ds : Dataset, optional
        Default: the bundled dataset.
    regions : GeoDataFrame, optional
        Kab/kota polygons (``kode``, ``nama``, ``kode_induk``; default: the bundled
        ones listed in ``ds.wilayah``).
    layanan : str or list of str, optional
        Default: the target layanan of the configuration (the four KJSU).
    status : {"ada", "target"}
        Strata used (default ``"target"``).
    provinsi : str or int, optional
        One province, by code or name (``17``, ``"Bengkulu"``, ``"DKI"``, ``"DKJ"``).
    travel : {"simple", "sea"}
        Travel-time model of the access figures (:data:`TRAVEL_MODELS`):
        ``"simple"`` (default: great-circle km x ``circuity_factor`` at
        ``road_speed_kmh``; sea crossings not modelled) or ``"sea"`` (the
        sea-aware H3 land/sea graph of :mod:`pengampuan.travel`, built once from
        all kab/kota of the data and cached). Kept as ``tables.travel``;
        :meth:`ReportTables.travel_description` says it in words.
    sea_resolution : int, optional
        H3 resolution of the sea-aware graph (default 7 for a province, 6 otherwise).

    Returns
    -------
    ReportTables

    Examples
    --------
    >>> t = report_tables(layanan="stroke", provinsi="Bengkulu")
    >>> len(t.wilayah), t.provinsi, t.nama_provinsi
    (10, '17', 'Bengkulu')
    >>> t.ringkasan.groupby("tingkat").size().to_dict()
    {'kabkota': 10, 'provinsi': 1}
    >>> bool(t.rumah_sakit["luar_provinsi"].any())  # a partner outside Bengkulu
    True
    """
    import time

    from .. import access, coverage, network
    from ..geo import require_wgs84
    from ..io import load_dataset
    from ..maps import scope as map_scope
    from ..regions import load_regions

    t0 = time.perf_counter()
    if status not in ("ada", "target"):
        raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
    if travel not in TRAVEL_MODELS:
        raise ValueError(f"travel={travel!r} is not known; expected one of {list(TRAVEL_MODELS)}")
    if ds is None:
        ds = load_dataset()
    if regions is None:
        regions = data_regions(load_regions(level="kabkota"), ds.wilayah)
    regions = require_wgs84(regions, name="regions")
    land = regions
    scope = map_scope.resolve_scope(provinsi, ds, regions)
    regions = map_scope.select(regions, scope).reset_index(drop=True)
    lay_codes = _layanan_codes(layanan, ds)
    graph = None
    if travel == "sea":
        if sea_resolution is None:
            sea_resolution = (SEA_RESOLUTION_PROVINCE if scope.province
                              else SEA_RESOLUTION_NATIONAL)
        graph = _sea_graph(ds, land, regions, resolution=sea_resolution)
    else:
        sea_resolution = None
    how = {"travel": travel, "graph": graph}

    acc = {lay: access.district_access(ds, regions, layanan=lay,
                                       min_strata=ds.config.target_strata_kabkota,
                                       status=status, **how)  # type: ignore[arg-type]
           for lay in lay_codes}
    t_acc = time.perf_counter()
    gaps = coverage.target_gaps(ds, regions, layanan=lay_codes if len(lay_codes) > 1
                                else lay_codes[0], status=status)
    summary = coverage.target_summary(gaps, provinsi=scope.kode)
    covered = data_scope(ds, regions)
    if not scope.province and not covered.national:  # several provinces, not the country
        summary.loc[summary["tingkat"].astype(str) == "nasional", "nama"] = covered.name()
    net = network.build_network(ds)
    links = network.links_geodataframe(net)
    links = links[links["layanan"].astype(str).isin(lay_codes)].reset_index(drop=True)
    hospitals = _rumah_sakit_table(ds)
    if scope.province:
        hospitals, links = _province_hospitals_links(hospitals, links, scope.kode)
    layers = report_layers(ds, regions, layanan=lay_codes, status=status,
                           provinsi=scope.kode if scope.province else None, **how)
    wilayah = layers.wilayah_columns(_wilayah_table(regions, acc, gaps, ds))
    logger.info("Report tables: access %.1f s, targets+network+tables %.1f s",
                t_acc - t0, time.perf_counter() - t_acc)
    return ReportTables(ds=ds, layanan=lay_codes, status=status, ringkasan=summary,
                        wilayah=wilayah, rumah_sakit=hospitals, jejaring=links, access=acc,
                        gaps=gaps, network=net, provinsi=scope.kode, regions=regions,
                        nama_provinsi=scope.nama, layers=layers, travel=travel,
                        sea_resolution=sea_resolution, scope=covered)


def _sea_graph(ds: Dataset, land: gpd.GeoDataFrame, regions: gpd.GeoDataFrame, *,
               resolution: int) -> TravelGraph:
    """The sea-aware graph of a report, with every hospital and demand point of ``regions``.

    Its land is every kab/kota of the data (``land``), so a province's trips may cross
    its borders by road.
    """
    import numpy as np

    from ..demand import build_demand
    from ..travel import cached_travel_graph

    dem = build_demand(regions, ds, demand="kecamatan")
    rs = ds.rumah_sakit
    ok = rs["lat"].notna() & rs["lon"].notna()
    return cached_travel_graph(
        land, resolution=resolution, config=ds.config,
        extra_points=(np.concatenate([dem.lon, rs.loc[ok, "lon"].to_numpy(float)]),
                      np.concatenate([dem.lat, rs.loc[ok, "lat"].to_numpy(float)])))


def _province_hospitals_links(hospitals: gpd.GeoDataFrame, links: gpd.GeoDataFrame,
                              kode: str) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The province's hospitals and their partners (``luar_provinsi``), the links touching it."""
    local = set(hospitals.loc[hospitals["kode_prov"].astype(str) == kode, "kode_rs"].astype(str))
    touch = (links["pengampu"].astype(str).isin(local)
             | links["diampu"].astype(str).isin(local))
    links = links[touch].reset_index(drop=True)
    partners = set(links["pengampu"].astype(str)) | set(links["diampu"].astype(str))
    keep = hospitals["kode_rs"].astype(str).isin(local | partners)
    hospitals = hospitals[keep].copy()
    hospitals["luar_provinsi"] = ~hospitals["kode_rs"].astype(str).isin(local)
    return hospitals.reset_index(drop=True), links


def report_layers(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: Sequence[str],
    status: str = "target",
    provinsi: str | None = None,
    fasilitas: Sequence[str] = REPORT_FASILITAS,
    grid_resolution: int | None = None,
    travel: str = "simple",
    graph: TravelGraph | None = None,
) -> ReportLayers:
    """
    Compute the extra layers of a report: reported services; for a province, kecamatan and grid.

    Parameters
    ----------
    ds : Dataset
        Hospitals, strata and reported services (``ds.fasilitas``).
    regions : GeoDataFrame
        The kab/kota of the report (already the province's for a province report).
    layanan : list of str
        The layanan of the report (kecamatan and grid layers are made for each).
    status : {"target", "ada"}
        Strata used for the layanan.
    provinsi : str, optional
        Province code of a province report: adds access per kecamatan (when the
        kab/kota have bundled kecamatan) and the H3 access grid. A national report
        gets neither (the national grid is too large for a page).
    fasilitas : list of str
        Reported services to draw (default :data:`REPORT_FASILITAS`); those no
        hospital of ``ds`` reports are left out.
    grid_resolution : int, optional
        H3 resolution of the grid (default :data:`GRID_RESOLUTION`, coarser for a
        province that would need more than :data:`GRID_MAX_CELLS` cells).
    travel : {"simple", "sea"}
        Travel-time model (as in :func:`report_tables`).
    graph : TravelGraph, optional
        The sea-aware graph to use with ``travel="sea"`` (default: one built and cached
        by :func:`pengampuan.district_access`).

    Returns
    -------
    ReportLayers

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> lay = report_layers(ds, reg[reg["kode_induk"] == "17"], layanan=["stroke"],
    ...                     provinsi="17", fasilitas=["hemodialisis"], grid_resolution=6)
    >>> sorted(lay.extra())  # doctest: +NORMALIZE_WHITESPACE
    ['fasilitas_hemodialisis', 'grid_hemodialisis', 'grid_stroke', 'kecamatan_hemodialisis',
     'kecamatan_stroke']
    >>> grid = lay.grid
    >>> len(lay.kecamatan["stroke"]), grid["stroke"]["h3"].equals(grid["hemodialisis"]["h3"])
    (129, True)
    """
    from .. import access
    from ..config import AREA_CRS

    how: dict[str, Any] = {"travel": travel, "graph": graph}
    out = ReportLayers()
    reported = set(ds.fasilitas["fasilitas"].astype(str)) if len(ds.fasilitas) else set()
    for fas in fasilitas:
        if fas in reported and len(ds.capable(fasilitas=fas)):
            out.fasilitas[fas] = access.district_access(ds, regions, fasilitas=fas, **how)
    if provinsi is None:
        return out
    keys: list[tuple[str, dict[str, str]]] = [(lay, {"layanan": lay, "status": status})
                                              for lay in layanan]
    keys += [(fas, {"fasilitas": fas}) for fas in out.fasilitas]
    for key, kw in keys:
        kec = access.district_access(ds, regions, level="kecamatan", **kw,
                                     **how)  # type: ignore[arg-type]
        kec = kec[kec["jenis"].astype(str) == "kecamatan"]
        if len(kec):
            out.kecamatan[key] = kec
    if grid_resolution is None:
        import h3

        area_km2 = float(regions.to_crs(AREA_CRS).area.sum()) / 1e6
        grid_resolution = GRID_RESOLUTION
        while (grid_resolution > 4 and area_km2 / h3.average_hexagon_area(
                grid_resolution, unit="km^2") > GRID_MAX_CELLS):
            grid_resolution -= 1
    cells = access.land_cells(regions, grid_resolution)
    if len(cells):
        for key, kw in keys:
            try:
                out.grid[key] = access.access_grid(ds, regions, cells=cells, **kw,
                                                   **how)  # type: ignore[arg-type]
            except ValueError as err:  # no capable hospital: no grid for that layer
                logger.info("No access grid for %s: %s", key, err)
    return out


def _wilayah_table(regions: gpd.GeoDataFrame, acc: dict[str, gpd.GeoDataFrame],
                   gaps: pd.DataFrame, ds: Dataset) -> gpd.GeoDataFrame:
    """One feature per kab/kota with the access and target columns of every layanan."""
    keep = [c for c in ("kode", "nama", "kode_induk") if c in regions]
    out = pd.DataFrame(regions[keep]).copy()
    out["kode"] = out["kode"].astype(str)
    w = ds.wilayah
    if "penduduk" in w:
        out["penduduk"] = out["kode"].map(
            pd.Series(w["penduduk"].to_numpy(), index=w["kode"].astype(str)))
    cols = ("kode_rs", "nama_rs", "lokasi_presisi", "distance_km", "distance_km_max",
            "travel_min", "threshold_min", "within_threshold", "n_capable",
            "penduduk_within_threshold", "share_within_threshold", "share_nearest_approx",
            "penduduk_within_threshold_approx", "n_demand", "distance_km_if_moved_min",
            "distance_km_if_moved_max")
    for lay, frame in acc.items():
        f = pd.DataFrame(frame.drop(columns=frame.geometry.name))
        f = f.assign(kode=f["kode"].astype(str)).set_index("kode")
        for col in cols:
            if col in f:
                out[f"{lay}_{col}"] = out["kode"].map(f[col])
        g = gaps[(gaps["layanan"].astype(str) == lay)
                 & (gaps["tingkat"].astype(str) == "kabkota")]
        g = g.assign(kode=g["kode"].astype(str)).set_index("kode")
        out[f"{lay}_n_hospitals"] = out["kode"].map(g["n_hospitals"]) if "n_hospitals" in g \
            else pd.NA
        out[f"{lay}_meets_target"] = out["kode"].map(g["meets_target"])
        for col in ("dasar_target", "kode_rs_sk"):  # met by location or by the decree's listing
            if col in g:
                out[f"{lay}_{col}"] = out["kode"].map(g[col])
    if len(out) != len(regions):  # pragma: no cover - only maps are used
        raise RuntimeError("kab/kota lost while building wilayah.geojson")
    return gpd.GeoDataFrame(out, geometry=regions.geometry.to_numpy(), crs="EPSG:4326")


def _rumah_sakit_table(ds: Dataset) -> gpd.GeoDataFrame:
    """The hospitals with their strata per layanan and their grade (``bukti_<layanan>``).

    The grade is the strongest among the layanan rows used (default grades).
    """
    rs = ds.rumah_sakit.copy()
    ada = ds.strata_table(status="ada")
    target = ds.strata_table(status="target")
    graded = ds.layanan
    if "bukti" in graded:
        keep = graded["bukti"].isin(ds.config.check_bukti(None) or ()) | (graded["bukti"] == "")
        graded = graded[keep]
        order = {g: i for i, g in enumerate(BUKTI)}
        best = (graded.assign(_r=graded["bukti"].map(order).fillna(len(order)))
                .sort_values("_r").drop_duplicates(["kode_rs", "layanan"]))
        grade = best.set_index(["kode_rs", "layanan"])["bukti"]
    else:
        grade = pd.Series(dtype="string")
    for lay in ds.config.layanan:
        if lay in ada or lay in target:
            if lay in ada:
                rs[f"strata_{lay}"] = rs["kode_rs"].map(ada[lay]).astype("string")
            rs[f"strata_target_{lay}"] = rs["kode_rs"].map(target[lay]).astype("string") \
                if lay in target else pd.NA
            sub = grade.xs(lay, level="layanan") if lay in grade.index.get_level_values(
                "layanan") else pd.Series(dtype="string")
            rs[f"bukti_{lay}"] = rs["kode_rs"].map(sub).astype("string")
    # the services each hospital reported (RS Online), <NA> when it reported none
    rs["fasilitas"] = rs["kode_rs"].map(ds.fasilitas_by_hospital()).astype("string")
    return rs
