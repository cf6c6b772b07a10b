"""The :class:`Dataset`: the four tables of the data contract, read and validated.

Built by :func:`pengampuan.load_dataset`; analyses take it as input and never
change it.

Tables (columns after reading; extra columns of the files are kept):

``rumah_sakit`` (GeoDataFrame, EPSG:4326, Point geometry)
    kode_rs, nama, lat, lon, kode_wilayah (``PP.KK``), kode_prov (``PP``),
    kelas, kepemilikan, tempat_tidur, alias, lokasi_presisi
    (``sumber`` | ``kemenkes2019`` | ``kabkota``), pengampu_nasional (``;``-separated
    layanan codes for which the hospital is the national pengampu), sumber,
    contoh (bool: illustrative row).
``layanan`` (DataFrame)
    kode_rs, layanan, strata, status (``ada`` | ``target``), tahun (Int64), sumber, contoh.
``jejaring`` (DataFrame)
    pengampu, diampu, layanan, mulai (datetime64 or NaT), sumber,
    jenis (``sumber`` | ``usulan``), contoh.
``wilayah`` (DataFrame)
    kode, nama, tingkat (``provinsi`` | ``kabkota``), kode_induk, penduduk (Int64),
    tahun_penduduk (Int64), sumber.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .config import DEFAULT_CONFIG, Config

if TYPE_CHECKING:  # pragma: no cover
    from .validate import ValidationReport


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

    def __repr__(self) -> str:
        where = "memory" if self.path is None else str(self.path)
        if self.meta.get("bundled"):
            where = "bundled"
        return (
            f"<Dataset {where}: {len(self.rumah_sakit)} rumah_sakit, "
            f"{len(self.layanan)} layanan rows, {len(self.jejaring)} jejaring links, "
            f"{len(self.wilayah)} wilayah>"
        )

    # ------------------------------------------------------------------
    @property
    def has_contoh(self) -> bool:
        """True when any row is illustrative (maps then say "data contoh")."""
        return any(
            bool(t["contoh"].any()) for t in (self.rumah_sakit, self.layanan, self.jejaring)
            if "contoh" in t
        )

    def strata_table(self, *, status: str = "ada") -> pd.DataFrame:
        """Highest strata per hospital and layanan, as a wide table of strata names.

        ``status="ada"`` uses only rows with status ``ada`` (current);
        ``status="target"`` uses the higher of the current and the target
        strata (what a hospital will have once its target is reached).
        Rows: ``kode_rs`` (index); columns: layanan codes; missing = no such layanan.
        """
        ranks = self.strata_rank_table(status=status)
        order = np.asarray(self.config.strata_order, dtype=object)
        out = ranks.apply(
            lambda col: pd.Series(
                np.where(col.isna(), None, order[col.fillna(0).astype(int).to_numpy()]),
                index=col.index,
                dtype=object,
            )
        )
        return out

    def strata_rank_table(self, *, status: str = "ada") -> pd.DataFrame:
        """Like :meth:`strata_table` but with ranks (0 = lowest strata) as float, NaN = none."""
        if status not in ("ada", "target"):
            raise ValueError(f"status={status!r} is not known; expected one of ['ada', 'target']")
        lay = self.layanan
        if status == "ada":
            lay = lay[lay["status"] == "ada"]
        rank = lay["strata"].map({s: i for i, s in enumerate(self.config.strata_order)})
        df = pd.DataFrame({"kode_rs": lay["kode_rs"], "layanan": lay["layanan"], "rank": rank})
        wide = df.pivot_table(index="kode_rs", columns="layanan", values="rank", aggfunc="max")
        wide.columns.name = None
        return wide.astype(float)

    def capable(self, *, layanan: str, min_strata: str = "madya", status: str = "ada",
                ) -> gpd.GeoDataFrame:
        """Hospitals with ``layanan`` at ``min_strata`` or higher (for ``status``).

        Returns a GeoDataFrame of rows of :attr:`rumah_sakit` with an added
        ``strata`` column (their strata for that layanan). May be empty.

        Examples
        --------
        >>> import pengampuan as pg
        >>> ds = pg.load_dataset()
        >>> cap = ds.capable(layanan="kanker", min_strata="paripurna", status="target")
        >>> "RS Kanker Dharmais" in set(cap["nama"])
        True
        """
        self.config.check_layanan(layanan)
        need = self.config.strata_rank(min_strata)
        ranks = self.strata_rank_table(status=status)
        if layanan not in ranks:
            sel = pd.Series(dtype=float)
        else:
            col = ranks[layanan]
            sel = col[col >= need]
        rs = self.rumah_sakit
        out = rs[rs["kode_rs"].isin(sel.index)].copy()
        order = self.config.strata_order
        out["strata"] = out["kode_rs"].map(sel).map(lambda r: order[int(r)])
        return out
