"""The :class:`Dataset`: the four tables of the data contract, read and validated.

Built by :func:`pengampuan.load_dataset`; analyses take it as input and never
change it.

Tables (columns after reading; extra columns of the files are kept):

``rumah_sakit`` (GeoDataFrame, EPSG:4326, Point geometry)
    kode_rs, nama, lat, lon, kode_wilayah (``PP.KK``: the kab/kota where the hospital
    stands), kode_prov (``PP``), kode_wilayah_sk (the kab/kota under which a decree lists
    it, when different; else ''), kode_rsonline (7-digit RS Online code as text, '' when
    unknown), kelas, kepemilikan, tempat_tidur, alias, lokasi_presisi (``sumber`` |
    ``rsonline2021`` | ``kemenkes2019`` | ``kabkota``, best first), pengampu_nasional
    (``;``-separated layanan codes for which the hospital is the national pengampu),
    sumber, contoh (bool: illustrative row).
``layanan`` (DataFrame)
    kode_rs, layanan, strata, status (``ada`` | ``target``), tahun (Int64), sumber,
    bukti (``regulasi`` | ``dokumen`` | ``berita`` | ``inferensi``; '' = not graded), contoh.
``jejaring`` (DataFrame)
    pengampu, diampu, layanan, mulai (datetime64 or NaT), sumber,
    jenis (``sumber`` | ``usulan``), bukti, contoh.
``wilayah`` (DataFrame)
    kode, nama, tingkat (``provinsi`` | ``kabkota``), kode_induk, penduduk (Int64),
    tahun_penduduk (Int64), sumber.
``fasilitas`` (DataFrame; empty when the folder has no ``fasilitas.csv``)
    kode_rs, fasilitas (one of :data:`~pengampuan.config.FASILITAS`), tahun (Int64),
    sumber, bukti, contoh: services a hospital reported (not strata).

Evidence grades (``bukti``): the selections below take ``bukti=`` (an iterable of grades;
None = :data:`~pengampuan.config.DEFAULT_BUKTI`, i.e. all but ``inferensi``). Rows without
a grade (user files without the column) are always included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .config import DEFAULT_CONFIG, NON_KLINIS, Config

if TYPE_CHECKING:  # pragma: no cover
    from .io.report import ValidationReport


@dataclass(frozen=True, eq=False)
class Dataset:
    """Hospitals, their layanan and strata, the mentoring links and the region list.

    Examples
    --------
    >>> import pengampuan as pg
    >>> ds = pg.load_dataset()
    >>> ds.rumah_sakit.crs.to_epsg(), {"kode_rs", "nama", "kode_wilayah"} <= set(ds.rumah_sakit)
    (4326, True)
    """

    rumah_sakit: gpd.GeoDataFrame
    layanan: pd.DataFrame
    jejaring: pd.DataFrame
    wilayah: pd.DataFrame
    config: Config = field(default_factory=lambda: DEFAULT_CONFIG)
    path: Path | None = None
    report: ValidationReport | None = None
    #: Free-form notes on where the data came from (e.g. "bundled").
    meta: dict[str, Any] = field(default_factory=dict)
    #: Services the hospitals reported (kode_rs, fasilitas, tahun, sumber, bukti, contoh).
    fasilitas: pd.DataFrame = field(default_factory=lambda: empty_fasilitas())

    def __repr__(self) -> str:
        where = "memory" if self.path is None else str(self.path)
        if self.meta.get("bundled"):
            where = "bundled"
        return (
            f"<Dataset {where}: {len(self.rumah_sakit)} rumah_sakit, "
            f"{len(self.layanan)} layanan rows, {len(self.jejaring)} jejaring links, "
            f"{len(self.fasilitas)} fasilitas rows, {len(self.wilayah)} wilayah>"
        )

    # ------------------------------------------------------------------
    @property
    def has_contoh(self) -> bool:
        """True when any row is illustrative (maps then say "data contoh")."""
        return any(
            bool(t["contoh"].any()) for t in (self.rumah_sakit, self.layanan, self.jejaring)
            if "contoh" in t
        )

    def _graded(self, table: pd.DataFrame, bukti: Any) -> pd.DataFrame:
        """Rows of ``table`` whose grade is in ``bukti`` (ungraded rows always count)."""
        grades = self.config.check_bukti(bukti)
        if "bukti" not in table.columns:
            return table
        col = table["bukti"].fillna("").astype(str)
        return table[col.isin(grades) | (col == "")]

    def strata_table(self, *, status: str = "target", bukti: Any = None) -> pd.DataFrame:
        """Highest strata per hospital and layanan, as a wide table of strata names.

        ``status="ada"`` uses only rows with status ``ada`` (current);
        ``status="target"`` uses the higher of the current and the target
        strata (what a hospital will have once its target is reached; the default,
        as everywhere in the analyses: the bundled strata of KMK 1277/2024 are targets).
        ``bukti`` selects the evidence grades (None: :data:`~pengampuan.config.DEFAULT_BUKTI`).
        Rows: ``kode_rs`` (index); columns: the clinical layanan codes; missing = no such
        layanan. Non-clinical topics (``manajemen``, ``sdm``) are left out.

        Examples
        --------
        >>> import pengampuan as pg
        >>> tab = pg.load_dataset().strata_table(status="target")
        >>> tab["kanker"].value_counts()[["paripurna", "utama", "madya"]].tolist()
        [15, 43, 512]
        """
        ranks = self.strata_rank_table(status=status, bukti=bukti)
        order = np.asarray(self.config.strata_order, dtype=object)
        out = ranks.apply(
            lambda col: pd.Series(
                np.where(col.isna(), None, order[col.fillna(0).astype(int).to_numpy()]),
                index=col.index,
                dtype=object,
            )
        )
        return out

    def strata_rank_table(self, *, status: str = "target", bukti: Any = None) -> pd.DataFrame:
        """Like :meth:`strata_table` but with ranks (0 = lowest strata) as float, NaN = none."""
        if status not in ("ada", "target"):
            raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
        lay = self._graded(self.layanan, bukti)
        lay = lay[~lay["layanan"].isin(NON_KLINIS)]
        if status == "ada":
            lay = lay[lay["status"] == "ada"]
        rank = lay["strata"].map({s: i for i, s in enumerate(self.config.strata_order)})
        df = pd.DataFrame({"kode_rs": lay["kode_rs"], "layanan": lay["layanan"], "rank": rank})
        wide = df.pivot_table(index="kode_rs", columns="layanan", values="rank", aggfunc="max")
        wide.columns.name = None
        return wide.astype(float)

    def capable(self, *, layanan: str | None = None, min_strata: str = "madya",
                status: str = "target", bukti: Any = None, fasilitas: str | None = None,
                ) -> gpd.GeoDataFrame:
        """Hospitals with ``layanan`` at ``min_strata`` or higher, or with a reported ``fasilitas``.

        Parameters
        ----------
        layanan : str
            A clinical layanan code (``kanker``, ``stroke``, ...); with ``min_strata`` and
            ``status``. Non-clinical topics (``manajemen``, ``sdm``) have no strata and
            raise ValueError.
        min_strata, status : str
            Lowest strata that counts, and which strata (``ada`` = current, ``target`` =
            the higher of current and target).
        bukti : iterable of str, optional
            Evidence grades of the rows that count (None: ``DEFAULT_BUKTI``).
        fasilitas : str, optional
            The alternative to ``layanan``: hospitals that reported this service
            (:data:`~pengampuan.config.FASILITAS`, e.g. ``"hemodialisis"``), from
            :attr:`fasilitas`; ``min_strata``/``status`` do not apply.

        Returns
        -------
        geopandas.GeoDataFrame
            Rows of :attr:`rumah_sakit` with an added ``strata`` column (their strata for
            that layanan; None when selected by ``fasilitas``) and, with ``fasilitas``, a
            ``fasilitas`` column. May be empty.

        Examples
        --------
        >>> import pengampuan as pg
        >>> ds = pg.load_dataset()
        >>> cap = ds.capable(layanan="kanker", min_strata="paripurna", status="target")
        >>> "RS Kanker Dharmais" in set(cap["nama"])
        True
        >>> hd = ds.capable(fasilitas="hemodialisis")
        >>> len(hd) > 500, set(hd["fasilitas"])
        (True, {'hemodialisis'})
        """
        rs = self.rumah_sakit
        if fasilitas is not None:
            if layanan is not None:
                raise ValueError("give layanan (with min_strata) or fasilitas, not both")
            self.config.check_fasilitas(fasilitas)
            fas = self._graded(self.fasilitas, bukti)
            codes = set(fas.loc[fas["fasilitas"] == fasilitas, "kode_rs"])
            out = rs[rs["kode_rs"].isin(codes)].copy()
            out["strata"] = pd.Series(None, index=out.index, dtype=object)
            out["fasilitas"] = fasilitas
            return out
        if layanan is None:
            raise ValueError("give layanan (e.g. 'stroke') or fasilitas (e.g. 'hemodialisis')")
        self.config.check_layanan(layanan)
        if layanan in NON_KLINIS:
            raise ValueError(f"layanan={layanan!r} is a non-clinical topic without strata; "
                             "expected a clinical layanan such as "
                             f"{list(self.config.target_layanan)}")
        need = self.config.strata_rank(min_strata)
        ranks = self.strata_rank_table(status=status, bukti=bukti)
        if layanan not in ranks:
            sel = pd.Series(dtype=float)
        else:
            col = ranks[layanan]
            sel = col[col >= need]
        out = rs[rs["kode_rs"].isin(sel.index)].copy()
        order = self.config.strata_order
        out["strata"] = out["kode_rs"].map(sel).map(lambda r: order[int(r)])
        return out

    def fasilitas_by_hospital(self, *, bukti: Any = None, sep: str = ";") -> pd.Series:
        """The services each hospital reported, one text each (``"hemodialisis;cathlab"``).

        For a text column of hospital layers (GeoJSON, GeoPackage, spreadsheets):
        the rows of :attr:`fasilitas` with the grades of ``bukti`` (None:
        :data:`~pengampuan.config.DEFAULT_BUKTI`), each service once, in the order of
        :data:`~pengampuan.config.FASILITAS` (services outside it after, by name).

        Returns
        -------
        pandas.Series
            ``string`` dtype, indexed by ``kode_rs`` of :attr:`rumah_sakit` (every
            hospital, in its order); <NA> for a hospital that reported none (a null, as
            every export writes a missing value).

        Examples
        --------
        >>> import pengampuan as pg
        >>> ds = pg.load_dataset()
        >>> by_rs = ds.fasilitas_by_hospital()
        >>> len(by_rs) == len(ds.rumah_sakit)
        True
        >>> rs = ds.rumah_sakit.assign(fasilitas=ds.rumah_sakit["kode_rs"].map(by_rs))
        >>> rs.loc[rs["nama"] == "RS Kanker Dharmais", "fasilitas"].iloc[0].split(";")[:3]
        ['bedah_jantung', 'bedah_onkologi', 'kemoterapi']
        """
        from .config import FASILITAS

        fas = self._graded(self.fasilitas, bukti)
        rank = {f: i for i, f in enumerate(FASILITAS)}
        names = fas["fasilitas"].astype(str)
        order = names.map(rank).fillna(len(rank))
        pairs = (pd.DataFrame({"kode_rs": fas["kode_rs"].astype(str), "fasilitas": names,
                               "_order": order})
                 .drop_duplicates(["kode_rs", "fasilitas"])
                 .sort_values(["_order", "fasilitas"], kind="stable"))
        joined = pairs.groupby("kode_rs", sort=False)["fasilitas"].agg(sep.join)
        codes = self.rumah_sakit["kode_rs"].astype(str)
        text = codes.map(joined).astype("string").to_numpy()
        return pd.Series(text, index=pd.Index(codes, name="kode_rs"), dtype="string",
                         name="fasilitas")


def empty_fasilitas() -> pd.DataFrame:
    """An empty fasilitas table with the columns of the data contract."""
    return pd.DataFrame({
        "kode_rs": pd.Series([], dtype="str"), "fasilitas": pd.Series([], dtype="str"),
        "tahun": pd.Series([], dtype="Int64"), "sumber": pd.Series([], dtype="str"),
        "bukti": pd.Series([], dtype="str"), "contoh": pd.Series([], dtype=bool),
    })


