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

import contextlib
import glob
import logging
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..config import BUKTI
from ..geo import require_wgs84
from .formats import _atomic_write
from .glossary import tidy

if TYPE_CHECKING:  # pragma: no cover
    from ..dataset import Dataset
    from .tables import ReportTables

logger = logging.getLogger(__name__)

__all__ = ["to_geojson", "write_report", "REPORT_FILES", "check_out_dir", "report_folder",
           "report_layers", "ReportLayers", "REPORT_FASILITAS"]

#: Files written by :func:`write_report`, in that order.
REPORT_FILES = ("index.html", "wilayah.geojson", "rumah_sakit.geojson", "jejaring.geojson",
                "ringkasan.csv")

#: Reported services drawn in a report beside the decree targets (RS Online 2020 flags; not
#: strata): access to dialysis, a cathlab and radiotherapy.
REPORT_FASILITAS: tuple[str, ...] = ("hemodialisis", "cathlab", "radioterapi")
#: H3 resolution of the access grid of a province report (about 5 km2 a cell), and the most
#: cells it may have: a larger province gets the next coarser resolution.
GRID_RESOLUTION = 7
GRID_MAX_CELLS = 30_000

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
    _atomic_write(path, lambda tmp: out.to_file(
        tmp, driver="GeoJSON", engine="pyogrio", index=False,
        layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(int(precision)),
                       "WRITE_NAME": "NO"}), fresh=True)  # GDAL's GeoJSON driver: no overwrite
    logger.info("Wrote %d features to %s", len(out), path)
    return path


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


def report_layers(
    ds: Dataset,
    regions: gpd.GeoDataFrame,
    *,
    layanan: Sequence[str],
    status: str = "target",
    provinsi: str | None = None,
    fasilitas: Sequence[str] = REPORT_FASILITAS,
    grid_resolution: int | None = None,
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

    out = ReportLayers()
    reported = set(ds.fasilitas["fasilitas"].astype(str)) if len(ds.fasilitas) else set()
    for fas in fasilitas:
        if fas in reported and len(ds.capable(fasilitas=fas)):
            out.fasilitas[fas] = access.district_access(ds, regions, fasilitas=fas)
    if provinsi is None:
        return out
    keys: list[tuple[str, dict[str, str]]] = [(lay, {"layanan": lay, "status": status})
                                              for lay in layanan]
    keys += [(fas, {"fasilitas": fas}) for fas in out.fasilitas]
    for key, kw in keys:
        kec = access.district_access(ds, regions, level="kecamatan", **kw)  # type: ignore[arg-type]
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
                out.grid[key] = access.access_grid(ds, regions, cells=cells, **kw)  # type: ignore[arg-type]
            except ValueError as err:  # no capable hospital: no grid for that layer
                logger.info("No access grid for %s: %s", key, err)
    return out


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
    the national targets (:func:`pengampuan.target_gaps`) are computed by
    :func:`pengampuan.export.tables.report_tables` -- the builder behind ``report
    --out FILE.gpkg/.xlsx`` and ``pengampuan plot`` too, so those files hold
    the same tables -- then written as:

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
    ``laporan.gpkg``
        the layers ``wilayah``, ``rumah_sakit`` and ``jejaring`` in one
        GeoPackage, styled for QGIS like the web map
        (:func:`pengampuan.to_geopackage`; the same file as ``report --out
        laporan.gpkg``).
    ``peta_akses_<layanan>.png/.svg``, ``grafik_dalam_ambang.png/.svg``, ``grafik_target.png/.svg``
        static maps per layanan and two charts (:mod:`pengampuan.export.figures`); for
        a national report they are drawn by a separate process while the page
        and the data files are written
        (:func:`pengampuan.export.figures.start_report_figures`).

    Files are written in a temporary folder next to ``out_dir`` and swapped in
    at the end (:func:`report_folder`): a failure (a locked file, a full disk,
    SIGTERM from the command line) leaves the previous report as it was and no
    temporary file. An ``out_dir`` that cannot be a folder (it, or a parent,
    is a file) is refused before anything is computed.

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
        Dialect of ``ringkasan.csv`` (:func:`pengampuan.export.formats.to_csv`):
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
    ['index.html', 'jejaring.geojson', 'laporan.gpkg', 'ringkasan.csv', 'ringkasan.xlsx',
     'rumah_sakit.geojson', 'wilayah.geojson']
    >>> import pandas as pd
    >>> pd.read_csv(files["ringkasan.csv"]).groupby("tingkat").size().to_dict()
    {'kabkota': 10, 'provinsi': 1}
    """
    from .figures import start_report_figures
    from .formats import to_csv
    from .tables import report_tables, write_office_files

    t0 = time.perf_counter()
    if csv_dialect not in ("standard", "excel-id"):
        raise ValueError(f"csv_dialect={csv_dialect!r} is not known; "
                         "expected one of ['standard', 'excel-id']")
    out_dir = check_out_dir(out_dir)
    # the tables: the same builder as report --out FILE, to_excel, to_geopackage and plot
    tables = report_tables(ds, regions, layanan=layanan, status=status, provinsi=provinsi)
    t_net = time.perf_counter()

    with report_folder(out_dir) as tmp:
        # the figures are drawn meanwhile (in another process for a national report)
        job = start_report_figures(tmp, tables, provinces=provinces, lang=lang) if figures \
            else None
        with job or contextlib.nullcontext():
            page = _report_page(tables, provinces=provinces, lang=lang, offline=offline)
            t_map = time.perf_counter()
            (tmp / "index.html").write_text(page, encoding="utf-8")
            to_geojson(tables.wilayah, tmp / "wilayah.geojson")
            to_geojson(tables.rumah_sakit, tmp / "rumah_sakit.geojson")
            to_geojson(tables.jejaring, tmp / "jejaring.geojson")
            to_csv(tables.ringkasan, tmp / "ringkasan.csv", dialect=csv_dialect)
            write_office_files(tmp, tables, lang=lang, figures=False)  # .xlsx, .gpkg
            if job is not None:
                job.result()
        extra = sorted(p.name for p in tmp.iterdir() if p.name not in REPORT_FILES)
    written = {name: out_dir / name for name in (*REPORT_FILES, *extra)}
    logger.info(
        "Report in %s: tables %.1f s, map %.1f s, files %.1f s, total %.1f s; "
        "index.html %.2f MB", out_dir, t_net - t0, t_map - t_net, time.perf_counter() - t_map,
        time.perf_counter() - t0, written["index.html"].stat().st_size / 1e6)
    return written


def _report_page(tables: ReportTables, *, provinces: gpd.GeoDataFrame | None,
                 lang: str | None, offline: bool) -> str:
    """``index.html`` of a report: the map page of its tables (simplified polygons)."""
    from .. import maps

    ds, regions, status = tables.ds, tables.wilayah, tables.status
    acc, gaps, net = tables.access, tables.gaps, tables.network
    layers = tables.layers if tables.layers is not None else ReportLayers()
    display = _display_regions(regions)
    if provinces is None:
        provinces = _display_provinces(display)
    acc_display = {lay: _with_geometry(frame, display)
                   for lay, frame in {**acc, **layers.fasilitas}.items()}
    m = maps.map_access(acc_display, ds, network=net, provinces=provinces, gaps=gaps,
                        status=status, lang=lang, offline=offline, provinsi=tables.provinsi,
                        files=(*REPORT_FILES[1:], "ringkasan.xlsx", "laporan.gpkg"),
                        **layers.map_keywords())  # type: ignore[arg-type]
    page = m.get_root().render()
    if offline:
        maps.check_offline(page)
    return page


# ---------------------------------------------------------------------------
def check_out_dir(out_dir: str | os.PathLike[str]) -> Path:
    """``out_dir`` as a Path if it can be a report folder; raise before anything is computed.

    Raises
    ------
    NotADirectoryError
        ``out_dir`` or one of its parents exists and is a file.
    PermissionError
        The nearest existing parent cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "catatan.txt").write_text("x")
    >>> check_out_dir(d / "catatan.txt" / "laporan")
    Traceback (most recent call last):
    ...
    NotADirectoryError: .../laporan: tidak dapat dibuat: .../catatan.txt adalah berkas, bukan folder
    """
    from .._messages import msg

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(msg("out_is_file", path=out_dir))
    for parent in out_dir.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise NotADirectoryError(msg("out_parent_file", path=out_dir, parent=parent))
            if not os.access(parent, os.W_OK):
                raise PermissionError(msg("out_not_writable", path=out_dir, parent=parent))
            break
    return out_dir


#: Marks of the temporary siblings of a report folder (``.<name>.tmp-<pid>-...``).
_TMP_MARK, _OLD_MARK = "tmp", "old"


@contextlib.contextmanager
def report_folder(out_dir: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary folder next to ``out_dir`` to write a report in, swapped in on success.

    The files are written in ``.<name>.tmp-<pid>-<random>`` beside ``out_dir``.
    When the block ends without an error the folder replaces ``out_dir`` in
    one rename (the old folder is first renamed aside, then removed); when
    ``out_dir`` also holds files of its own (not from a report), only the
    report's files are swapped, each old one moved aside first and put back
    if any later step fails. On any failure -- an error in the block, a
    locked or unwritable file, SIGTERM in the command line -- the previous
    report stays as it was and the temporary folder is removed. Temporary
    siblings left by a killed process are removed (or, for a swap cut in the
    middle, put back) the next time.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "laporan"
    >>> with report_folder(out) as tmp:
    ...     _ = (tmp / "index.html").write_text("<html></html>")
    >>> [p.name for p in out.iterdir()]
    ['index.html']
    """
    out_dir = Path(out_dir)
    parent = out_dir.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    recover_report_folder(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.{_TMP_MARK}-{os.getpid()}-",
                                dir=parent))
    pending: list[int] = []
    try:
        yield tmp
        with _signals_deferred(pending):
            _swap_in(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        for signum in pending:  # deliver a SIGTERM/SIGINT that came during the swap
            signal.raise_signal(signum)


#: Names of the files a report may hold besides REPORT_FILES (office files and figures).
_REPORT_EXTRA = re.compile(
    r"ringkasan\.xlsx|laporan\.gpkg|(peta_akses_[a-z_]+|grafik_[a-z_]+)\.(png|svg)")


def is_report_file(name: str) -> bool:
    """True for the name of a file that :func:`write_report` writes.

    Examples
    --------
    >>> is_report_file("index.html"), is_report_file("peta_akses_stroke.png")
    (True, True)
    >>> is_report_file("catatan saya.docx")
    False
    """
    return name in REPORT_FILES or _REPORT_EXTRA.fullmatch(name) is not None


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by ``tmp`` (a whole-folder swap when it holds only report files)."""
    new = sorted(p.name for p in tmp.iterdir())
    if not out_dir.exists():
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o777 & ~umask)  # mkdtemp makes it private (0700); give it the usual mode
        tmp.rename(out_dir)
        return
    old_entries = {p.name for p in out_dir.iterdir()}
    backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.{_OLD_MARK}-{os.getpid()}-",
                                   dir=out_dir.absolute().parent))
    old_report = {name for name in old_entries if is_report_file(name)} | (old_entries & set(new))
    if old_entries <= old_report:
        # the folder is a report: swap whole folders
        tmp.chmod(stat.S_IMODE(out_dir.stat().st_mode))
        backup.rmdir()
        out_dir.rename(backup)  # a locked file makes this fail: nothing has changed yet
        try:
            tmp.rename(out_dir)
        except BaseException:
            backup.rename(out_dir)
            raise
        shutil.rmtree(backup, ignore_errors=True)
        return
    # the folder holds other files too: swap the report's files one by one, undoably; files
    # of an earlier report that this one does not write (e.g. its figures) are moved out too,
    # so the folder never mixes two runs
    moved: list[str] = []
    placed: list[str] = []
    try:
        for name in sorted(old_report | set(new)):
            if (out_dir / name).exists():
                (out_dir / name).rename(backup / name)
                moved.append(name)
        for name in new:
            (tmp / name).rename(out_dir / name)
            placed.append(name)
    except BaseException:
        for name in placed:
            (out_dir / name).rename(tmp / name)
        for name in moved:
            (backup / name).rename(out_dir / name)
        shutil.rmtree(backup, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def recover_report_folder(out_dir: str | os.PathLike[str]) -> None:
    """Clean up after a report writer that was killed: remove its temporary siblings.

    ``.<name>.tmp-<pid>-*`` folders of processes that no longer run are
    removed; a ``.<name>.old-<pid>-*`` folder is the previous report renamed
    aside in the middle of a swap: it is renamed back when ``out_dir`` is
    missing, else removed.
    """
    out_dir = Path(out_dir)
    parent = out_dir.absolute().parent
    try:
        siblings = sorted(parent.glob(f".{glob.escape(out_dir.name)}.*-*-*"))
    except OSError:
        return
    for path in siblings:
        mark, _, rest = path.name[len(out_dir.name) + 2:].partition("-")
        pid = rest.split("-", 1)[0]
        if mark not in (_TMP_MARK, _OLD_MARK) or not pid.isdigit() or _pid_alive(int(pid)):
            continue
        if mark == _OLD_MARK and not out_dir.exists() and any(path.iterdir()):
            logger.warning("Putting back %s, the report a killed run had moved aside", out_dir)
            path.rename(out_dir)
            continue
        logger.info("Removing %s, left by a report run that was killed", path)
        shutil.rmtree(path, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


@contextlib.contextmanager
def _signals_deferred(pending: list[int]) -> Iterator[None]:
    """Hold SIGTERM and SIGINT back while files are swapped (they are delivered afterwards)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = (signal.SIGTERM, signal.SIGINT)

    def hold(signum: int, frame: object) -> None:
        pending.append(signum)

    previous = {}
    try:
        for signum in wanted:
            previous[signum] = signal.signal(signum, hold)
    except (ValueError, OSError):  # pragma: no cover - signals unavailable here
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _display_regions(regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Kab/kota simplified as a coverage (shared borders stay shared) for drawing."""
    from .. import regions as regions_mod

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
    from ..maps.layers import dissolve_provinces

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
