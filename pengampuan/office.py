"""The report's tables in one object, for the office outputs (Excel, GeoPackage, figures).

:func:`report_tables` computes what ``pengampuan report`` writes -- access per
layanan, the targets and their summary, the network and its links -- for
callers that want the tables without the HTML page (:func:`pengampuan.to_excel`,
:func:`pengampuan.to_geopackage`, ``pengampuan plot``).
:func:`write_office_files` writes ``ringkasan.xlsx`` and the figures into a
report folder (called by :func:`pengampuan.write_report`).
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

    from .dataset import Dataset

logger = logging.getLogger(__name__)

__all__ = ["ReportTables", "report_tables", "resolve_provinsi", "write_office_files"]


@dataclass
class ReportTables:
    """Everything a report is made of (see :func:`report_tables`)."""

    ds: Dataset
    layanan: list[str]
    status: str
    #: target_summary(): national and per-province coverage vs targets.
    ringkasan: pd.DataFrame
    #: One feature per kab/kota with the access and target columns of every layanan.
    wilayah: gpd.GeoDataFrame
    #: The hospitals with their strata per layanan.
    rumah_sakit: gpd.GeoDataFrame
    #: The referral links as LineStrings.
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


def resolve_provinsi(provinsi: str | int | None, ds: Dataset) -> str | None:
    """
    The Kemendagri code of a province given by code or name (any case), or None.

    A thin wrapper of :func:`pengampuan.provinsi.resolve_provinsi` on the
    province list of ``ds.wilayah``.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> resolve_provinsi("bengkulu", ds), resolve_provinsi(17, ds), resolve_provinsi("Banten", ds)
    ('17', '17', '36')
    """
    if provinsi is None:
        return None
    from .provinsi import resolve_provinsi as _resolve

    prov = ds.wilayah[ds.wilayah["tingkat"].astype(str) == "provinsi"]
    kode, _ = _resolve(provinsi, prov if len(prov) else None)
    return kode


def report_tables(ds: Dataset | None = None, regions: gpd.GeoDataFrame | None = None, *,
                  layanan: str | Sequence[str] | None = None, status: str = "target",
                  provinsi: str | int | None = None) -> ReportTables:
    """
    Compute the tables of a report (the same as :func:`pengampuan.write_report`).

    Parameters
    ----------
    ds : Dataset, optional
        Default: the bundled dataset.
    regions : GeoDataFrame, optional
        Kab/kota polygons (default: the bundled ones).
    layanan : str or list of str, optional
        Default: the target layanan of the configuration (the four KJSU).
    status : {"ada", "target"}
        Strata used (default ``"target"``).
    provinsi : str or int, optional
        Only the kab/kota of this province (code or name), its hospitals and the
        links that touch them.

    Returns
    -------
    ReportTables

    Examples
    --------
    >>> t = report_tables(layanan="stroke", provinsi="Bengkulu")
    >>> len(t.wilayah), t.provinsi, sorted(t.ringkasan["tingkat"].unique())
    (10, '17', ['nasional', 'provinsi'])
    """
    from . import access, coverage, network
    from .export import _rumah_sakit_table, _wilayah_table
    from .geo import require_wgs84
    from .io import load_dataset
    from .regions import load_regions

    if status not in ("ada", "target"):
        raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
    if ds is None:
        ds = load_dataset()
    if regions is None:
        regions = load_regions(level="kabkota")
    regions = require_wgs84(regions, name="regions")
    cfg = ds.config
    lay_codes = (list(cfg.target_layanan) if layanan is None
                 else [layanan] if isinstance(layanan, str) else list(layanan))
    if not lay_codes:
        raise ValueError("layanan is empty: nothing to report")
    for lay in lay_codes:
        cfg.check_layanan(lay)
    prov = resolve_provinsi(provinsi, ds)
    if prov is not None:
        if "kode_induk" not in regions:
            raise ValueError("regions has no kode_induk column: cannot select a province")
        regions = regions[regions["kode_induk"].astype(str) == prov].reset_index(drop=True)
        if regions.empty:
            raise ValueError(f"provinsi={provinsi!r}: the regions have no kab/kota in {prov}")
    acc = {lay: access.district_access(ds, regions, layanan=lay,
                                       min_strata=cfg.target_strata_kabkota, status=status)
           for lay in lay_codes}
    gaps = coverage.target_gaps(ds, regions, layanan=lay_codes if len(lay_codes) > 1
                                else lay_codes[0], status=status)
    summary = coverage.target_summary(gaps)
    net = network.build_network(ds)
    links = network.links_geodataframe(net)
    links = links[links["layanan"].astype(str).isin(lay_codes)].reset_index(drop=True)
    rs = _rumah_sakit_table(ds)
    if prov is not None:
        prov_of = dict(zip(rs["kode_rs"].astype(str), rs["kode_prov"].astype(str), strict=True))
        touch = (links["pengampu"].astype(str).map(prov_of).eq(prov)
                 | links["diampu"].astype(str).map(prov_of).eq(prov))
        links = links[touch].reset_index(drop=True)
        keep = set(links["pengampu"].astype(str)) | set(links["diampu"].astype(str))
        rs = rs[(rs["kode_prov"].astype(str) == prov) | rs["kode_rs"].astype(str).isin(keep)]
        rs = rs.reset_index(drop=True)
    wil = _wilayah_table(regions, acc, gaps, ds)
    return ReportTables(ds=ds, layanan=lay_codes, status=status, ringkasan=summary, wilayah=wil,
                        rumah_sakit=rs, jejaring=links, access=acc, gaps=gaps, network=net,
                        provinsi=prov)


def write_office_files(folder: str | Path, tables: ReportTables, *,
                       display: Mapping[str, gpd.GeoDataFrame] | None = None,
                       provinces: gpd.GeoDataFrame | None = None, lang: str | None = None,
                       figures: bool = True, formats: Sequence[str] = ("png", "svg"),
                       dpi: int = 200) -> dict[str, Path]:
    """
    Write ``ringkasan.xlsx`` and the report's figures into ``folder``.

    Parameters
    ----------
    folder : str or Path
        An existing folder.
    tables : ReportTables
        From :func:`report_tables` (or assembled by :func:`pengampuan.write_report`).
    display : mapping of layanan -> GeoDataFrame, optional
        Access frames with simplified polygons for drawing (default: ``tables.access``).
    provinces : GeoDataFrame, optional
        Province outlines for the maps.
    lang : {"id", "en"}, optional
        Language of headers, labels and titles (default ``settings.language``).
    figures : bool
        Also write the maps and charts (:func:`pengampuan.figures.report_figures`).
    formats : sequence of {"png", "svg"}
        Figure formats.
    dpi : int
        Resolution of the PNG files.

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
    if figures:
        from .figures import report_figures

        out.update(report_figures(folder, tables, display=display, provinces=provinces,
                                  lang=lang, formats=formats, dpi=dpi))
    return out


def _sources_rows(ds: Dataset, lang: str) -> list[dict[str, Any]]:
    """Sources and licences of the data: the bundled list, or the user's ``sumber`` values."""
    from .maps import DATA_SOURCES

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
