"""Exports: RFC 7946 GeoJSON, and the HTML report with its GeoJSON and CSV files.

:func:`to_geojson` writes GeoJSON as RFC 7946 asks: EPSG:4326, lon/lat order,
no ``crs`` member, exterior rings counter-clockwise (right-hand rule), rounded
coordinates. GDAL's GeoJSON driver (through pyogrio) does the writing.

:func:`write_report` is the job behind ``pengampuan report``: it computes
access and targets for each layanan and writes ``index.html`` (one
self-contained map) with ``wilayah.geojson``, ``rumah_sakit.geojson``,
``jejaring.geojson`` and ``ringkasan.csv`` next to it.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .config import BUKTI
from .geo import require_wgs84
from .glossary import tidy

if TYPE_CHECKING:  # pragma: no cover
    from .dataset import Dataset

logger = logging.getLogger(__name__)

__all__ = ["to_geojson", "write_report", "REPORT_FILES"]

#: Files written by :func:`write_report`, in that order.
REPORT_FILES = ("index.html", "wilayah.geojson", "rumah_sakit.geojson", "jejaring.geojson",
                "ringkasan.csv")

#: Simplification tolerance of the kab/kota boundaries drawn in the report (display only;
#: the GeoJSON exports keep the full boundaries). About half a pixel at zoom 9.
DISPLAY_TOLERANCE_KM = 0.15


def to_geojson(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *, precision: int = 6
               ) -> Path:
    """
    Write ``gdf`` as RFC 7946 GeoJSON.

    EPSG:4326 (other CRSs are reprojected, a missing CRS is an error), lon/lat
    order, no ``crs`` member, exterior rings counter-clockwise and holes
    clockwise, coordinates rounded to ``precision`` decimals (6 is about 0.1 m).
    Non-finite numbers (``inf``: no capable hospital) are written as ``null``,
    since JSON has no infinity. The file is written next to ``path`` and moved
    into place, so a failure leaves no half-written file.

    Parameters
    ----------
    gdf : GeoDataFrame
        Features to write; the index is not written.
    path : str or PathLike
        Output file.
    precision : int
        Decimal places of the coordinates (0..15).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import geopandas as gpd, tempfile, json, pathlib
    >>> from shapely.geometry import Polygon
    >>> cw = Polygon([(100, 0), (100, 1), (101, 1), (101, 0)])   # clockwise exterior
    >>> gdf = gpd.GeoDataFrame({"kode": ["01.01"], "distance_km": [float("inf")]},
    ...                        geometry=[cw], crs="EPSG:4326")
    >>> out = to_geojson(gdf, pathlib.Path(tempfile.mkdtemp()) / "a.geojson")
    >>> doc = json.loads(out.read_text())
    >>> "crs" in doc, doc["features"][0]["properties"]["distance_km"]
    (False, None)
    >>> doc["features"][0]["geometry"]["coordinates"][0][:3]
    [[100.0, 0.0], [101.0, 0.0], [101.0, 1.0]]
    """
    if not isinstance(precision, (int, np.integer)) or not 0 <= precision <= 15:
        raise ValueError(f"precision={precision!r} must be an integer in 0..15")
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise TypeError(f"to_geojson needs a GeoDataFrame, not {type(gdf).__name__}")
    path = Path(path)
    out = require_wgs84(gdf, name="gdf")
    out = out.reset_index(drop=True)
    geoms = np.asarray(out.geometry.values)
    poly = shapely.get_type_id(geoms) >= 0
    out = out.set_geometry(
        gpd.GeoSeries(np.where(poly, shapely.orient_polygons(geoms), geoms), crs=out.crs))
    out = tidy(out)  # nulls (never ''), rounded numbers, codes as text: see glossary.py
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # GDAL refuses to overwrite an existing file with this driver
        out.to_file(tmp, driver="GeoJSON", engine="pyogrio", index=False,
                    layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(int(precision)),
                                   "WRITE_NAME": "NO"})
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    logger.info("Wrote %d features to %s", len(out), path)
    return path


def write_report(
    out_dir: str | os.PathLike[str],
    ds: Dataset | None = None,
    regions: gpd.GeoDataFrame | None = None,
    *,
    layanan: str | Sequence[str] | None = None,
    offline: bool = True,
    status: str = "target",
    lang: str | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    provinsi: str | int | None = None,
    csv_dialect: str = "standard",
    figures: bool = True,
) -> dict[str, Path]:
    """
    Write the HTML report with its data: access and targets for each layanan.

    A national report covers every kab/kota given, with a province picker on
    the map. A province report (``provinsi=``, or kab/kota that all lie in one
    province) covers that province: its kab/kota, its hospitals and the links
    that touch them (partners outside drawn at their place, marked as
    outside), the neighbouring provinces as grey context, and a summary of the
    province and its kab/kota (never a "nasional" total).

    For every layanan, the access of each kab/kota to the nearest hospital at
    the kab/kota target strata (``Config.target_strata_kabkota``, "madya") and
    the national targets (:func:`pengampuan.target_gaps`) are computed, then
    written as:

    ``index.html``
        one map (:func:`pengampuan.map_access`) with a layer per layanan,
        hospitals, referral links, legend, summary, sources and links to the
        files below; with ``offline=True`` every script and style is inside
        the file.
    ``wilayah.geojson``
        one feature per kab/kota with, per layanan, ``<layanan>_kode_rs``,
        ``<layanan>_nama_rs``, ``<layanan>_distance_km``, ``<layanan>_travel_min``,
        ``<layanan>_within_threshold``, ``<layanan>_n_hospitals`` and
        ``<layanan>_meets_target``.
    ``rumah_sakit.geojson``
        the hospitals with their strata per layanan (``strata_<layanan>``,
        current, and ``strata_target_<layanan>``); for a province, its
        hospitals and their partners outside it (``luar_provinsi`` true).
    ``jejaring.geojson``
        the referral links as great-circle LineStrings (for a province, those
        that touch it).
    ``ringkasan.csv``
        coverage vs targets per layanan, nationally and per province, or for
        a province: the province and each of its kab/kota
        (:func:`pengampuan.target_summary`).
    ``ringkasan.xlsx``
        the same summary, the kab/kota, hospitals, links and sources as Excel
        sheets (:func:`pengampuan.to_excel`).
    ``peta_akses_<layanan>.png/.svg``, ``grafik_dalam_ambang.png/.svg``, ``grafik_target.png/.svg``
        static maps per layanan and two charts (:mod:`pengampuan.figures`).

    Files are written in a temporary folder next to ``out_dir`` and moved in
    at the end: a failure leaves no partial output.

    Parameters
    ----------
    out_dir : str or PathLike
        Output folder (created if needed; files of the same names are replaced).
    ds : Dataset, optional
        Default: the bundled dataset.
    regions : GeoDataFrame, optional
        Kab/kota boundaries (``kode``, ``nama``, ``kode_induk``); default: the
        bundled ones.
    layanan : str or list of str, optional
        Default: the target layanan of the configuration (the four KJSU).
    offline : bool
        Inline all scripts and styles (the page opens with no network).
    status : {"ada", "target"}
        Strata used: ``"target"`` (default) because the bundled strata are the
        targets of KMK HK.01.07/MENKES/1277/2024; the map says which one.
    lang : {"id", "en"}, optional
        Label language (default ``settings.language``).
    provinces : GeoDataFrame, optional
        Province polygons for the outlines (default: the simplified kab/kota
        dissolved by ``kode_induk``, so both share their edges).
    provinsi : str or int, optional
        One province, by code or name (``17``, ``"Bengkulu"``, ``"DKI"``).
    csv_dialect : {"standard", "excel-id"}
        Dialect of ``ringkasan.csv`` (:func:`pengampuan.formats.to_csv`):
        ``"excel-id"`` for Excel with Indonesian settings (``;``, decimal comma, BOM).
    figures : bool
        Also write the maps and charts (PNG and SVG, see below); ``False`` skips them.

    Returns
    -------
    dict of str to pathlib.Path
        File name -> written path, for every file written.

    Examples
    --------
    >>> import pengampuan as pg, tempfile
    >>> ds, reg = pg.load_dataset(), pg.load_regions()
    >>> bengkulu = reg[reg["kode_induk"] == "17"]
    >>> files = pg.write_report(tempfile.mkdtemp(), ds, bengkulu, layanan="stroke",
    ...                         figures=False)
    >>> sorted(files)  # doctest: +NORMALIZE_WHITESPACE
    ['index.html', 'jejaring.geojson', 'ringkasan.csv', 'ringkasan.xlsx', 'rumah_sakit.geojson',
     'wilayah.geojson']
    >>> import pandas as pd
    >>> pd.read_csv(files["ringkasan.csv"]).groupby("tingkat").size().to_dict()
    {'kabkota': 10, 'provinsi': 1}
    """
    from . import access, coverage, maps, network
    from .formats import to_csv
    from .io import load_dataset
    from .maps import scope as map_scope
    from .office import ReportTables, write_office_files
    from .regions import load_regions

    t0 = time.perf_counter()
    if status not in ("ada", "target"):
        raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
    if csv_dialect not in ("standard", "excel-id"):
        raise ValueError(f"csv_dialect={csv_dialect!r} is not known; "
                         "expected one of ['standard', 'excel-id']")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(f"{out_dir} exists and is not a folder")
    if ds is None:
        ds = load_dataset()
    if regions is None:
        regions = load_regions(level="kabkota")
    regions = require_wgs84(regions, name="regions")
    scope = map_scope.resolve_scope(provinsi, ds, regions)
    regions = map_scope.select(regions, scope).reset_index(drop=True)
    cfg = ds.config
    if layanan is None:
        lay_codes = list(cfg.target_layanan)
    else:
        lay_codes = [layanan] if isinstance(layanan, str) else list(layanan)
    for lay in lay_codes:
        cfg.check_layanan(lay)
    if not lay_codes:
        raise ValueError("layanan is empty: nothing to report")

    min_strata = cfg.target_strata_kabkota
    acc = {lay: access.district_access(ds, regions, layanan=lay, min_strata=min_strata,
                                       status=status) for lay in lay_codes}
    t_acc = time.perf_counter()
    gaps = coverage.target_gaps(ds, regions, layanan=lay_codes if len(lay_codes) > 1
                                else lay_codes[0], status=status)
    summary = coverage.target_summary(gaps, provinsi=scope.kode)
    net = network.build_network(ds)
    links = network.links_geodataframe(net)
    links = links[links["layanan"].astype(str).isin(lay_codes)].reset_index(drop=True)
    hospitals = _rumah_sakit_table(ds)
    if scope.province:
        local = set(hospitals.loc[hospitals["kode_prov"].astype(str) == scope.kode, "kode_rs"])
        links = links[links["pengampu"].isin(local) | links["diampu"].isin(local)]
        links = links.reset_index(drop=True)
        partners = set(links["pengampu"]) | set(links["diampu"])
        hospitals = hospitals[hospitals["kode_rs"].isin(local | partners)].copy()
        hospitals["luar_provinsi"] = ~hospitals["kode_rs"].isin(local)
        hospitals = hospitals.reset_index(drop=True)
    t_net = time.perf_counter()

    display = _display_regions(regions)
    if provinces is None:
        provinces = _display_provinces(display)
    acc_display = {lay: _with_geometry(frame, display) for lay, frame in acc.items()}
    m = maps.map_access(acc_display, ds, network=net, provinces=provinces, gaps=gaps,
                        status=status, lang=lang, offline=offline, provinsi=scope.kode,
                        files=(*REPORT_FILES[1:], "ringkasan.xlsx"))
    page = m.get_root().render()
    if offline:
        maps.check_offline(page)
    t_map = time.perf_counter()

    parent = out_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=parent))
    try:
        (tmp / "index.html").write_text(page, encoding="utf-8")
        wilayah = _wilayah_table(regions, acc, gaps, ds)
        rumah_sakit = hospitals
        to_geojson(wilayah, tmp / "wilayah.geojson")
        to_geojson(rumah_sakit, tmp / "rumah_sakit.geojson")
        to_geojson(links, tmp / "jejaring.geojson")
        to_csv(summary, tmp / "ringkasan.csv", dialect=csv_dialect)
        # ringkasan.xlsx and the figures (office.py, excel.py, figures.py)
        write_office_files(tmp, ReportTables(
            ds=ds, layanan=lay_codes, status=status, ringkasan=summary, wilayah=wilayah,
            rumah_sakit=rumah_sakit, jejaring=links, access=acc, gaps=gaps, network=net,
            provinsi=scope.kode),
            display=acc_display, provinces=provinces, lang=lang, figures=figures)
        written = _move_into(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    logger.info(
        "Report in %s: access %.1f s, targets+network %.1f s, map %.1f s, total %.1f s; "
        "index.html %.2f MB", out_dir, t_acc - t0, t_net - t_acc, t_map - t_net,
        time.perf_counter() - t0, written["index.html"].stat().st_size / 1e6)
    return written


# ---------------------------------------------------------------------------
def _move_into(tmp: Path, out_dir: Path) -> dict[str, Path]:
    """Move the finished files into ``out_dir`` (the whole folder at once when it is new)."""
    extra = sorted(p.name for p in tmp.iterdir() if p.name not in REPORT_FILES)
    names = [*REPORT_FILES, *extra]
    if not out_dir.exists():
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o777 & ~umask)  # mkdtemp makes it private (0700); give it the usual mode
        tmp.replace(out_dir)
    else:
        for name in names:
            (tmp / name).replace(out_dir / name)
    return {name: out_dir / name for name in names}


def _display_regions(regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Kab/kota simplified as a coverage (shared borders stay shared) for drawing."""
    from . import regions as regions_mod

    simplify = getattr(regions_mod, "simplify_coverage", None)
    if simplify is None:  # pragma: no cover - present in every release
        logger.info("simplify_coverage is not available; drawing the boundaries as given")
        return regions
    out = simplify(regions, tolerance_km=DISPLAY_TOLERANCE_KM)
    if len(out) != len(regions):
        raise RuntimeError(f"simplify_coverage returned {len(out)} of {len(regions)} kab/kota")
    return out


def _display_provinces(display: gpd.GeoDataFrame) -> gpd.GeoDataFrame | None:
    """Province outlines: the kab/kota of each province dissolved (same simplified edges)."""
    if "kode_induk" not in display:
        return None
    from .maps.layers import dissolve_provinces

    return dissolve_provinces(display)


def _with_geometry(frame: gpd.GeoDataFrame, display: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``frame`` with the geometry of ``display`` (matched on kode)."""
    geom = display.set_index(display["kode"].astype(str)).geometry
    out = frame.copy()
    new = out["kode"].astype(str).map(geom)
    if new.isna().any():
        missing = out.loc[new.isna(), "kode"].tolist()[:5]
        raise RuntimeError(f"kab/kota without a display geometry: {missing}")
    return gpd.GeoDataFrame(out.drop(columns=out.geometry.name), geometry=list(new),
                            crs="EPSG:4326")


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
    return rs
