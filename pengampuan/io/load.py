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
from ..config import BUKTI, DEFAULT_CONFIG, LOKASI_PRESISI, Config
from ..dataset import Dataset, empty_fasilitas
from ..errors import DataFileError, DataFileMissingError, PengampuanWarning
from .checks import (
    _check_fasilitas_rows,
    _check_known,
    _check_kode_wilayah,
    _check_kode_wilayah_sk,
    _check_layanan_rows,
    _check_strata_order,
    _unreadable_codes,
)
from .contract import (
    CODE_SCHEMES,
    FILES,
    OPTIONAL_FILES,
    PROBLEM_COLUMNS,
    REQUIRED,
    ROW,
    CodeScheme,
)
from .names import NearMiss, near_misses, other_data_files
from .points import _check_points_in_regions, _check_same_hospital_twice
from .problems import _Problems
from .read import _RawTable, _read_raw
from .report import ValidationReport, _report
from .tables import (
    _PARSERS,
    _check_links,
)
from .values import _bundled_dir

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


def run_validation(path: str | Path | None, *, config: Config, code_scheme: str,
                   ) -> tuple[dict[str, pd.DataFrame] | None, ValidationReport]:
    """Read and check every table; the typed tables (with private row numbers) and the report.

    The tables are None when a required file could not be read at all.
    """
    folder = _resolve_folder(path)
    problems = _Problems()
    counts: dict[str, Any] = {}
    if not folder.is_dir():
        problems.add(folder.name, msg("folder_is_file", folder=folder,
                                      files=", ".join(FILES.values())))
        return None, _report(problems, counts, folder)
    raws: dict[str, _RawTable | None] = {}
    for table, fname in FILES.items():
        fpath = folder / fname
        if not fpath.exists():
            found = near_misses(folder, fname)
            if found:
                raws[table] = _read_near_miss(table, fname, folder, found, problems)
                continue
        if table in ("jejaring", "wilayah") and not fpath.exists():
            raws[table] = _fallback(table, fpath, problems, bundled=path is None)
            if table == "wilayah" and raws[table] is not None and path is not None:
                counts["wilayah_bundled"] = True
            continue
        raws[table] = _read_raw(fpath, problems, table=table, empty_ok=table == "jejaring")
    for table, fname in OPTIONAL_FILES.items():  # optional: absent = empty table
        if (folder / fname).exists():
            raws[table] = _read_raw(folder / fname, problems, table=table, empty_ok=True)
    tables: dict[str, pd.DataFrame] = {}
    for table, raw in raws.items():
        if raw is None:
            continue
        kwargs = {"code_scheme": code_scheme} if table == "rumah_sakit" else {}
        tables[table] = _PARSERS[table](raw, problems, config=config, **kwargs)
    skipped: dict[str, int] = {t: 0 for t in [*FILES, *(t for t in OPTIONAL_FILES if t in raws)]}
    if "jejaring" in tables:
        tables["jejaring"], skipped["jejaring"] = _check_links(tables["jejaring"], problems)
    if "layanan" in tables:
        tables["layanan"], skipped["layanan"] = _check_layanan_rows(tables["layanan"], problems)
    if ("rumah_sakit" in tables and "wilayah" in tables and raws["rumah_sakit"] is not None
            and raws["wilayah"] is not None and "kode" in raws["wilayah"].columns
            and "kode_wilayah" in raws["rumah_sakit"].columns):
        _check_kode_wilayah(tables["rumah_sakit"], raws["rumah_sakit"], tables["wilayah"],
                            problems, code_scheme=code_scheme)
    if "rumah_sakit" in tables and raws["rumah_sakit"] is not None and {
            "lat", "lon", "kode_wilayah", "nama"} <= set(raws["rumah_sakit"].columns):
        counts["titik_diperiksa"] = _check_points_in_regions(
            tables["rumah_sakit"], problems, wilayah=tables.get("wilayah"))
        _check_same_hospital_twice(tables["rumah_sakit"], problems)
    rs_usable = ("rumah_sakit" in tables and raws["rumah_sakit"] is not None
                 and "kode_rs" in raws["rumah_sakit"].columns and len(tables["rumah_sakit"]) > 0)
    if "rumah_sakit" in tables and not rs_usable:
        problems.add(FILES["rumah_sakit"], msg("kode_rs_not_checked", file=FILES["rumah_sakit"]),
                     severity="note")
    if rs_usable:
        rs = tables["rumah_sakit"]
        unreadable = _unreadable_codes(raws["rumah_sakit"])
        if "layanan" in tables:
            _check_known(tables["layanan"], rs, problems, ["kode_rs"], FILES["layanan"],
                         unreadable=unreadable)
        if "jejaring" in tables:
            _check_known(tables["jejaring"], rs, problems, ["pengampu", "diampu"],
                         FILES["jejaring"], unreadable=unreadable)
            if "layanan" in tables:
                _check_strata_order(tables["jejaring"], tables["layanan"], rs, problems,
                                    config=config)
        if "fasilitas" in tables:
            _check_known(tables["fasilitas"], rs, problems, ["kode_rs"],
                         OPTIONAL_FILES["fasilitas"], unreadable=unreadable)
            tables["fasilitas"], skipped["fasilitas"] = _check_fasilitas_rows(
                tables["fasilitas"], problems)
        if "wilayah" in tables and "kode_wilayah_sk" in rs:
            _check_kode_wilayah_sk(rs, tables["wilayah"], problems)
    for table, df in tables.items():
        counts[table] = len(df)
    if "rumah_sakit" in tables:
        lp = tables["rumah_sakit"]["lokasi_presisi"].value_counts()
        counts["lokasi_presisi"] = {k: int(lp[k]) for k in (*LOKASI_PRESISI, *lp.index)
                                    if k in lp and k != ""}
    counts["bukti"] = {t: {g: int((df["bukti"] == g).sum()) for g in (*BUKTI, "")
                           if int((df["bukti"] == g).sum())}
                       for t, df in tables.items() if "bukti" in df}
    counts["dilewati"] = skipped
    counts["contoh"] = {t: int(df["contoh"].sum()) for t, df in tables.items() if "contoh" in df}
    report = _report(problems, counts, folder)
    complete = all(raws[t] is not None for t in FILES)
    return (tables if complete else None), report


def _resolve_folder(path: str | Path | None) -> Path:
    if path is None:
        from ..datasets import bundled_data_dir

        try:
            return bundled_data_dir()
        except FileNotFoundError as err:
            raise DataFileMissingError(_missing_record("data", str(err)), str(err)) from err
    folder = Path(path).expanduser()
    if not folder.exists():
        text = msg("folder_not_found", folder=folder, files=", ".join(FILES.values()))
        raise DataFileMissingError(_missing_record(folder.name, text), text)
    return folder


def _missing_record(file: str, text: str) -> pd.DataFrame:
    return pd.DataFrame([{"file": file, "row": None, "column": None, "value": None,
                          "problem": text, "severity": "error"}], columns=list(PROBLEM_COLUMNS))


def _fallback(table: str, fpath: Path, problems: _Problems, *, bundled: bool) -> _RawTable | None:
    """jejaring.csv absent: no links; wilayah.csv absent: the bundled region list."""
    file = fpath.name
    others = other_data_files(fpath.parent, list(FILES.values()))
    holds = msg("name_other_files", found=others) if others else ""
    if table == "jejaring":
        problems.add(file, msg("no_jejaring_file", file=file, folder=fpath.parent, holds=holds),
                     severity="note")
        columns = ["pengampu", "diampu", "layanan", "mulai", "sumber"]
        data = pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
        data[ROW] = pd.Series([], dtype="int64")
        return _RawTable(file=file, path=fpath, data=data, columns=columns, header_row=1)
    source = _bundled_dir() / file
    if bundled or not source.is_file():
        problems.add(file, msg("no_wilayah_file", path=fpath))
        return None
    problems.add(file, msg("wilayah_bundled_used", file=file, folder=fpath.parent, source=source,
                           holds=holds), severity="note")
    return _read_raw(source, problems, table=table)


def _read_near_miss(table: str, fname: str, folder: Path, found: list[NearMiss],
                    problems: _Problems) -> _RawTable | None:
    """A file named like ``fname`` but not quite: read it (warning) or say why not (error)."""
    text = [m for m in found if not m.spreadsheet]
    if len(text) == 1:
        m = text[0]
        problems.add(fname, msg("name_near_miss_read", expected=fname, folder=folder,
                                found=m.path.name, why=m.why), severity="warning")
        return _read_raw(m.path, problems, table=table, empty_ok=table == "jejaring",
                         file=fname)
    if len(text) > 1:
        problems.add(fname, msg("name_near_miss_several", expected=fname, folder=folder,
                                found=[m.path.name for m in text]))
        return None
    m = found[0]
    problems.add(fname, msg("name_near_miss_excel", expected=fname, folder=folder,
                            found=m.path.name, why=m.why))
    return None
