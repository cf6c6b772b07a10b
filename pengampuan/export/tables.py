"""The report's tables in one object, for the office outputs (Excel, GeoPackage, figures).

:func:`report_tables` computes what ``pengampuan report`` writes -- access per
layanan, the targets and their summary, the network and its links -- for
callers that want the tables without the HTML page (:func:`pengampuan.to_excel`,
:func:`pengampuan.to_geopackage`, ``pengampuan plot``).
:func:`write_office_files` writes ``ringkasan.xlsx``, ``laporan.gpkg`` and the
figures into a report folder (called by :func:`pengampuan.write_report`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from ..dataset import Dataset
    from .report import ReportLayers

logger = logging.getLogger(__name__)

__all__ = ["ReportTables", "report_tables", "resolve_provinsi", "write_office_files",
           "GEOPACKAGE_FILE"]

#: The GeoPackage of a report folder (layers with QGIS styles).
GEOPACKAGE_FILE = "laporan.gpkg"


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
    #: the H3 grid (:func:`pengampuan.export.report_layers`).
    layers: ReportLayers | None = None


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
                  provinsi: str | int | None = None) -> ReportTables:
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

    Parameters
    ----------
    ds : Dataset, optional
        Default: the bundled dataset.
    regions : GeoDataFrame, optional
        Kab/kota polygons (``kode``, ``nama``, ``kode_induk``; default: the bundled ones).
    layanan : str or list of str, optional
        Default: the target layanan of the configuration (the four KJSU).
    status : {"ada", "target"}
        Strata used (default ``"target"``).
    provinsi : str or int, optional
        One province, by code or name (``17``, ``"Bengkulu"``, ``"DKI"``).

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
    from .report import _rumah_sakit_table, _wilayah_table, report_layers

    t0 = time.perf_counter()
    if status not in ("ada", "target"):
        raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
    if ds is None:
        ds = load_dataset()
    if regions is None:
        regions = load_regions(level="kabkota")
    regions = require_wgs84(regions, name="regions")
    scope = map_scope.resolve_scope(provinsi, ds, regions)
    regions = map_scope.select(regions, scope).reset_index(drop=True)
    lay_codes = _layanan_codes(layanan, ds)

    acc = {lay: access.district_access(ds, regions, layanan=lay,
                                       min_strata=ds.config.target_strata_kabkota,
                                       status=status)
           for lay in lay_codes}
    t_acc = time.perf_counter()
    gaps = coverage.target_gaps(ds, regions, layanan=lay_codes if len(lay_codes) > 1
                                else lay_codes[0], status=status)
    summary = coverage.target_summary(gaps, provinsi=scope.kode)
    net = network.build_network(ds)
    links = network.links_geodataframe(net)
    links = links[links["layanan"].astype(str).isin(lay_codes)].reset_index(drop=True)
    hospitals = _rumah_sakit_table(ds)
    if scope.province:
        hospitals, links = _province_hospitals_links(hospitals, links, scope.kode)
    layers = report_layers(ds, regions, layanan=lay_codes, status=status,
                           provinsi=scope.kode if scope.province else None)
    wilayah = layers.wilayah_columns(_wilayah_table(regions, acc, gaps, ds))
    logger.info("Report tables: access %.1f s, targets+network+tables %.1f s",
                t_acc - t0, time.perf_counter() - t_acc)
    return ReportTables(ds=ds, layanan=lay_codes, status=status, ringkasan=summary,
                        wilayah=wilayah, rumah_sakit=hospitals, jejaring=links, access=acc,
                        gaps=gaps, network=net, provinsi=scope.kode, regions=regions,
                        nama_provinsi=scope.nama, layers=layers)


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


def write_office_files(folder: str | Path, tables: ReportTables, *,
                       display: Mapping[str, gpd.GeoDataFrame] | None = None,
                       provinces: gpd.GeoDataFrame | None = None, lang: str | None = None,
                       figures: bool = True, formats: Sequence[str] = ("png", "svg"),
                       dpi: int = 200, geopackage: bool = True) -> dict[str, Path]:
    """
    Write ``ringkasan.xlsx``, ``laporan.gpkg`` and the report's figures into ``folder``.

    Parameters
    ----------
    folder : str or Path
        An existing folder.
    tables : ReportTables
        From :func:`report_tables`.
    display : mapping of layanan -> GeoDataFrame, optional
        Access frames with simplified polygons for drawing (default: ``tables.access``).
    provinces : GeoDataFrame, optional
        Province outlines for the maps.
    lang : {"id", "en"}, optional
        Language of headers, labels and titles (default ``settings.language``).
    figures : bool
        Also write the maps and charts (:func:`pengampuan.export.figures.report_figures`).
    formats : sequence of {"png", "svg"}
        Figure formats.
    dpi : int
        Resolution of the PNG files.
    geopackage : bool
        Also write ``laporan.gpkg``: the layers wilayah, rumah_sakit and
        jejaring with their QGIS styles (:func:`pengampuan.to_geopackage`).

    Returns
    -------
    dict of str to pathlib.Path
        File name -> written path.
    """
    from .excel import to_excel

    folder = Path(folder)
    out: dict[str, Path] = {}
    path = to_excel(folder / "ringkasan.xlsx", tables=tables, lang=lang)
    out[path.name] = path
    if geopackage:
        from .gpkg import to_geopackage

        path = to_geopackage(folder / GEOPACKAGE_FILE, tables=tables, lang=lang)
        out[path.name] = path
    if figures:
        from .figures import report_figures

        out.update(report_figures(folder, tables, display=display, provinces=provinces,
                                  lang=lang, formats=formats, dpi=dpi))
    return out


def _sources_rows(ds: Dataset, lang: str) -> list[dict[str, Any]]:
    """Sources and licences of the data: the bundled list, or the user's ``sumber`` values."""
    from ..maps import DATA_SOURCES

    rows: list[dict[str, Any]] = []
    if ds.meta.get("bundled"):
        for label_id, label_en, licence in DATA_SOURCES:
            rows.append({"sumber": label_en if lang == "en" else label_id, "lisensi": licence,
                         "n_baris": pd.NA})
        return rows
    for name, table in (("rumah_sakit", ds.rumah_sakit), ("layanan", ds.layanan),
                        ("jejaring", ds.jejaring), ("wilayah", ds.wilayah)):
        if "sumber" not in table:
            continue
        counts = table["sumber"].astype("string").str.strip().replace("", pd.NA).value_counts()
        for sumber, n in counts.items():
            rows.append({"sumber": f"{name}.csv: {sumber}", "lisensi": pd.NA, "n_baris": int(n)})
    return rows
