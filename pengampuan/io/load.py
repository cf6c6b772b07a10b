"""Reading a data folder into a :class:`~pengampuan.dataset.Dataset`, and one file into a table.

:func:`load_dataset` reads every file of a folder, runs the checks within
and across the files, and raises :class:`~pengampuan.errors.DataFileError`
listing every problem when any is an error. The single-file readers
(:func:`read_rumah_sakit`, ...) check one file alone.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from .._messages import msg
from ..config import DEFAULT_CONFIG, Config
from ..dataset import Dataset, empty_fasilitas
from ..errors import DataFileError, DataFileMissingError, PengampuanWarning
from .contract import CODE_SCHEMES, FILES, OPTIONAL_FILES, REQUIRED, ROW, CodeScheme
from .problems import _Problems
from .read import _read_raw
from .tables import _PARSERS, _check_links

logger = logging.getLogger(__name__)


def _public_table(df: pd.DataFrame) -> pd.DataFrame:
    """Drop the private row-number column and reset the index to 0..n-1."""
    return df.drop(columns=[ROW]).reset_index(drop=True)


def _read_one(path: str | Path, table: str, *, config: Config | None,
              **kwargs: Any) -> pd.DataFrame:
    cfg = config or DEFAULT_CONFIG
    p = Path(path)
    if not p.exists():
        raise DataFileMissingError(
            [{"file": p.name, "row": None, "column": None, "value": None, "severity": "error",
              "problem": msg("file_not_found", path=p)}],
            msg("file_not_found_expected", path=p,
                expected=({**FILES, **OPTIONAL_FILES})[table], required=list(REQUIRED[table])))
    problems = _Problems()
    raw = _read_raw(p, problems, table=table, empty_ok=table == "jejaring")
    if raw is None:
        raise DataFileError(problems.frame())
    df = _PARSERS[table](raw, problems, config=cfg, **kwargs)
    if table == "jejaring":
        df, _ = _check_links(df, problems, file=raw.file)
    problems.raise_if_errors()
    for rec in problems.records:
        logger.info("%s", rec)
    return _public_table(df)


def read_rumah_sakit(path: str | Path, *, config: Config | None = None,
                     code_scheme: CodeScheme = "kemendagri") -> gpd.GeoDataFrame:
    """Read a hospitals file (``rumah_sakit.csv``) into a GeoDataFrame.

    Parameters
    ----------
    path : str or Path
        The CSV file (``,`` or ``;`` separated, UTF-8 or Windows-1252).
    config : Config, optional
        Layanan codes and aliases (default: :data:`~pengampuan.config.DEFAULT_CONFIG`).
    code_scheme : {'kemendagri', 'bps'}
        Scheme of ``kode_wilayah``. ``'bps'`` converts BPS codes (as embedded
        in Kemenkes RS codes) to Kemendagri through the bundled crosswalk.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per hospital, Point geometry from lon/lat, EPSG:4326; columns
        as documented in :mod:`pengampuan.dataset`. Extra columns are kept.

    Raises
    ------
    DataFileMissingError
        If the file does not exist.
    DataFileError
        Listing every error in the file (row numbers as in a spreadsheet).
        Whether ``kode_wilayah`` is in the region list is checked by
        :func:`load_dataset` / :func:`~pengampuan.validate.validate`.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> rs = read_rumah_sakit(bundled_data_dir() / "rumah_sakit.csv")
    >>> rs.crs.to_epsg(), rs.geometry.geom_type.unique().tolist()
    (4326, ['Point'])
    """
    if code_scheme not in CODE_SCHEMES:
        raise ValueError(f"code_scheme={code_scheme!r} is not known; expected one of "
                         f"{list(CODE_SCHEMES)}")
    out = _read_one(path, "rumah_sakit", config=config, code_scheme=code_scheme)
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def read_layanan(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a layanan file (``layanan.csv``): a hospital's strata per layanan.

    Layanan and strata spellings are canonicalised with
    :meth:`Config.normalise_layanan` / :meth:`Config.normalise_strata`
    (``'Kardiovaskular'`` -> ``'jantung'``); an empty or absent ``status`` is
    ``'ada'``.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> lay = read_layanan(bundled_data_dir() / "layanan.csv")
    >>> set(lay["status"]) <= {"ada", "target"}, str(lay["tahun"].dtype)
    (True, 'Int64')
    """
    return _read_one(path, "layanan", config=config)


def read_jejaring(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a links file (``jejaring.csv``): one pengampu -> diampu link per row.

    ``mulai`` becomes datetime64 (ISO dates; ``dd/mm/yyyy`` read day-first and
    Excel date numbers are accepted with a note). ``jenis`` defaults to
    ``'sumber'``. Links to hospitals are checked by :func:`load_dataset`.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> links = read_jejaring(bundled_data_dir() / "jejaring.csv")
    >>> str(links["mulai"].dtype), set(links["jenis"]) <= {"sumber", "usulan"}
    ('datetime64[ns]', True)
    """
    return _read_one(path, "jejaring", config=config)


def read_fasilitas(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a services file (``fasilitas.csv``): services a hospital reported (not strata).

    Columns ``kode_rs``, ``fasilitas`` (one of :data:`~pengampuan.config.FASILITAS`; a few
    spellings such as ``HD`` or ``cath lab`` are accepted with a note), ``tahun``,
    ``sumber``, ``bukti``.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> fas = read_fasilitas(bundled_data_dir() / "fasilitas.csv")
    >>> "hemodialisis" in set(fas["fasilitas"]), set(fas["bukti"])
    (True, {'dokumen'})
    """
    return _read_one(path, "fasilitas", config=config)


def read_wilayah(path: str | Path, *, config: Config | None = None) -> pd.DataFrame:
    """Read a region list (``wilayah.csv``): provinces and kab/kota with Kemendagri codes.

    Raises
    ------
    DataFileError
        Listing every error in the file; :class:`DataFileMissingError` if it does not exist.

    Examples
    --------
    >>> from pengampuan.datasets import bundled_data_dir
    >>> wil = read_wilayah(bundled_data_dir() / "wilayah.csv")
    >>> wil.loc[wil["kode"] == "17.02", "tingkat"].tolist()
    ['kabkota']
    """
    return _read_one(path, "wilayah", config=config)


def load_dataset(path: str | Path | None = None, *, config: Config | None = None,
                 code_scheme: CodeScheme = "kemendagri") -> Dataset:
    """Read and validate a folder of the four CSV files into a :class:`Dataset`.

    Parameters
    ----------
    path : str or Path, optional
        Folder holding ``rumah_sakit.csv``, ``layanan.csv``, ``jejaring.csv``
        and ``wilayah.csv``. None (default): the bundled data. A folder
        without ``wilayah.csv`` uses the bundled Kemendagri region list, one
        without ``jejaring.csv`` has no links (both noted in the report).
    config : Config, optional
        Layanan, strata and aliases (default: :data:`~pengampuan.config.DEFAULT_CONFIG`).
    code_scheme : {'kemendagri', 'bps'}
        Scheme of ``rumah_sakit.kode_wilayah``; see :func:`read_rumah_sakit`.

    Returns
    -------
    Dataset
        With ``report`` (a :class:`~pengampuan.validate.ValidationReport`
        holding the warnings and notes).

    Raises
    ------
    DataFileMissingError
        If the folder (or a required file in it) does not exist.
    DataFileError
        If any file has an error; it lists every problem of every file.
        Rows are never dropped because of an error. Only warning-level
        problems can skip a row (an exact duplicate of a link or a layanan
        row): such rows are counted in ``report.counts["dilewati"]`` and a
        :class:`~pengampuan.errors.PengampuanWarning` says how many.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> ds.report.ok, set(ds.rumah_sakit["lokasi_presisi"]) <= set(pg.LOKASI_PRESISI)
    (True, True)
    """
    from ..validate import run_validation

    cfg = config or DEFAULT_CONFIG
    tables, report = run_validation(path, config=cfg, code_scheme=code_scheme)
    if tables is None or not report.ok:
        raise DataFileError(report.problems)
    if report.n_warnings:
        warnings.warn(msg("load_warnings", n=report.n_warnings, path=report.path,
                          first=report.first_warning()),
                      PengampuanWarning, stacklevel=2)
    logger.info("Loaded %s: %s", report.path, report.counts)
    return Dataset(
        rumah_sakit=gpd.GeoDataFrame(_public_table(tables["rumah_sakit"]), geometry="geometry",
                                     crs="EPSG:4326"),
        layanan=_public_table(tables["layanan"]),
        jejaring=_public_table(tables["jejaring"]),
        wilayah=_public_table(tables["wilayah"]),
        fasilitas=(_public_table(tables["fasilitas"]) if "fasilitas" in tables
                   else empty_fasilitas()),
        config=cfg,
        path=report.path,
        report=report,
        meta={"bundled": path is None, "code_scheme": code_scheme,
              "wilayah_bundled": bool(report.counts.get("wilayah_bundled", False))},
    )
