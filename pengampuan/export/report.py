"""The HTML report with its data files: :func:`write_report`.

:func:`write_report` is the job behind ``pengampuan report``: it takes the
report's tables (:func:`pengampuan.export.tables.report_tables`) and writes
``index.html`` (one self-contained map) with ``wilayah.geojson``,
``rumah_sakit.geojson``, ``jejaring.geojson``, ``ringkasan.csv``,
``ringkasan.xlsx``, ``laporan.gpkg`` and the figures next to it, in a
temporary folder swapped in at the end (:func:`report_folder`).
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
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd

from .excel import to_excel
from .figures import report_figures, start_report_figures
from .formats import to_csv
from .geojson import to_geojson
from .gpkg import to_geopackage
from .tables import ReportLayers, ReportTables, report_tables

if TYPE_CHECKING:  # pragma: no cover
    from ..dataset import Dataset

logger = logging.getLogger(__name__)

__all__ = ["write_report", "REPORT_FILES", "check_out_dir", "report_folder", "is_report_file",
           "recover_report_folder", "write_office_files", "GEOPACKAGE_FILE",
           "DISPLAY_TOLERANCE_KM"]

#: Files written by :func:`write_report`, in that order.
REPORT_FILES = ("index.html", "wilayah.geojson", "rumah_sakit.geojson", "jejaring.geojson",
                "ringkasan.csv")
#: The GeoPackage of a report folder (layers with QGIS styles).
GEOPACKAGE_FILE = "laporan.gpkg"


#: Simplification tolerance of the kab/kota boundaries drawn in the report (display only;
#: the GeoJSON exports keep the full boundaries). About half a pixel at zoom 9.
DISPLAY_TOLERANCE_KM = 0.15


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
    travel: str = "simple",
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
        (:func:`pengampuan.target_summary`), with the travel model and its
        assumptions (``travel_model``, ``travel_asumsi``).
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
    travel : {"simple", "sea"}
        Travel-time model (:func:`pengampuan.export.tables.report_tables`): ``"simple"``
        (default; sea crossings not modelled) or ``"sea"`` (sea-aware H3 graph). The
        model and its assumptions are named in ``ringkasan.csv`` (``travel_model``,
        ``travel_asumsi``) and ``ringkasan.xlsx``.

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
    t0 = time.perf_counter()
    if csv_dialect not in ("standard", "excel-id"):
        raise ValueError(f"csv_dialect={csv_dialect!r} is not known; "
                         "expected one of ['standard', 'excel-id']")
    out_dir = check_out_dir(out_dir)
    # the tables: the same builder as report --out FILE, to_excel, to_geopackage and plot
    tables = report_tables(ds, regions, layanan=layanan, status=status, provinsi=provinsi,
                           travel=travel)
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
            to_csv(tables.summary_table(lang), tmp / "ringkasan.csv", dialect=csv_dialect)
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
    folder = Path(folder)
    out: dict[str, Path] = {}
    path = to_excel(folder / "ringkasan.xlsx", tables=tables, lang=lang)
    out[path.name] = path
    if geopackage:
        path = to_geopackage(folder / GEOPACKAGE_FILE, tables=tables, lang=lang)
        out[path.name] = path
    if figures:
        out.update(report_figures(folder, tables, display=display, provinces=provinces,
                                  lang=lang, formats=formats, dpi=dpi))
    return out


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
    title = None
    scope = tables.scope
    if tables.provinsi is None and scope is not None and not scope.national \
            and len(scope.provinsi) > 1:  # data of several provinces: name them
        from .._messages import current_lang
        from ..maps.text import TEXT
        title = f"{TEXT[current_lang(lang)]['title_access']} \u2014 {scope.name(lang)}"
    m = maps.map_access(acc_display, ds, network=net, provinces=provinces, gaps=gaps,
                        status=status, lang=lang, offline=offline, provinsi=tables.provinsi,
                        travel=tables.travel, title=title,
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


