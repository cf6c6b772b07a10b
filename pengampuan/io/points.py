"""Hospital points against the polygon of their kab/kota, and one hospital under two codes.

Every point is checked against the bundled polygon of its ``kode_wilayah``
and graded by its great-circle distance to it: inside another kab/kota up to
:data:`OTHER_NOTE_KM` a note (generalised boundaries), up to
:data:`OTHER_ERROR_KM` a warning, beyond an error; at sea up to
:data:`SEA_OK_KM` fine (a coast), up to :data:`SEA_ERROR_KM` a warning, beyond
an error. A point elsewhere is named with the likely fix (the sign of the
latitude, the kab/kota the point falls in).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .._messages import join_and, msg
from .contract import FILES, ROW
from .problems import _Problems, _rows_text

logger = logging.getLogger(__name__)


#: How far (great-circle km, WGS84) a hospital point may lie outside the polygon of its own
#: kab/kota (``kode_wilayah``), by where it lies, and what each band is: one place for every
#: threshold of the check, also stated in its messages. The bundled boundaries are
#: generalised (~1.35 km) and coasts and small islands shift by a few km.
#:
#: * inside another kab/kota: up to ``OTHER_NOTE_KM`` a note (the generalisation of the
#:   boundaries), up to ``OTHER_ERROR_KM`` a warning, beyond an error;
#: * at sea (in no kab/kota): up to ``SEA_OK_KM`` fine (a coast), up to ``SEA_ERROR_KM`` a
#:   warning, beyond an error.
OTHER_NOTE_KM = 2.0
OTHER_ERROR_KM = 10.0
SEA_OK_KM = 5.0
SEA_ERROR_KM = 25.0
#: Two rows whose names fold to the same text and whose points are this close are flagged as
#: one hospital under two codes.
DUPLICATE_POINT_KM = 0.2


@dataclass(frozen=True)
class _Polygons:
    kode: np.ndarray
    nama: dict[str, str]
    geoms: np.ndarray
    tree: Any
    index: dict[str, int]


@lru_cache(maxsize=1)
def _bundled_kabkota_polygons() -> _Polygons | None:
    """The bundled kab/kota polygons with an STRtree (None when they are not available)."""
    import pyogrio
    import shapely

    from ..datasets import bundled_file

    try:
        gdf = pyogrio.read_dataframe(bundled_file("batas_kabkota.geojson"),
                                     columns=["kode", "nama"])
    except (FileNotFoundError, OSError):  # pragma: no cover - an incomplete installation
        logger.info("bundled kab/kota boundaries not found: points not checked against them")
        return None
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    kode = gdf["kode"].astype(str).to_numpy()
    return _Polygons(kode=kode, nama=dict(zip(kode, gdf["nama"].astype(str), strict=True)),
                     geoms=geoms, tree=shapely.STRtree(geoms),
                     index={k: i for i, k in enumerate(kode)})


def _label(poly: _Polygons, kode: str) -> str:
    return f"{kode} {poly.nama.get(kode, '')}".strip()


def _nearest_km(points: np.ndarray, polygons: np.ndarray) -> np.ndarray:
    """Great-circle km from each point to the nearest point of its polygon (0 inside)."""
    import shapely

    from ..geo import great_circle_km

    if not len(points):
        return np.zeros(0)
    lines = shapely.shortest_line(points, polygons)
    start = shapely.get_coordinates(shapely.get_point(lines, 0))
    end = shapely.get_coordinates(shapely.get_point(lines, 1))
    return np.asarray(great_circle_km(start[:, 1], start[:, 0], end[:, 1], end[:, 0]))


def _polygon_of(poly: _Polygons, points: np.ndarray) -> np.ndarray:
    """Index of the polygon each point lies in (-1: none, e.g. at sea)."""
    out = np.full(len(points), -1, dtype=np.int64)
    if len(points):
        pi, gi = poly.tree.query(points, predicate="intersects")
        out[pi[::-1]] = gi[::-1]  # the first polygon found for each point
    return out


def _point_severity(distance_km: float, *, at_sea: bool) -> str | None:
    """Severity of a point ``distance_km`` outside its own kab/kota (None: fine).

    Examples
    --------
    >>> [_point_severity(km, at_sea=False) for km in (1.0, 2.5, 10.7)]
    ['note', 'warning', 'error']
    >>> [_point_severity(km, at_sea=True) for km in (4.0, 5.5, 25.5)]
    [None, 'warning', 'error']
    """
    if at_sea:
        return (None if distance_km <= SEA_OK_KM else
                "warning" if distance_km <= SEA_ERROR_KM else "error")
    return ("note" if distance_km <= OTHER_NOTE_KM else
            "warning" if distance_km <= OTHER_ERROR_KM else "error")


def _same_regions(poly: _Polygons, wilayah: pd.DataFrame | None,
                  problems: _Problems) -> set[str] | None:
    """Codes of ``wilayah`` that name the same kab/kota as the bundled boundaries.

    A data folder with its own region list may use a code for another region
    (a synthetic or an old list); its points are not checked against the
    bundled polygon of that code (a note says how many). None: every code.
    """
    from .._textnorm import region_key

    if wilayah is None or not {"kode", "nama"} <= set(wilayah.columns):
        return None
    kab = wilayah[wilayah["kode"].isin(poly.index.keys())]
    agree = {k for k, n in zip(kab["kode"], kab["nama"], strict=True)
             if region_key(n) == region_key(poly.nama.get(k, ""))}
    other = kab[~kab["kode"].isin(agree)]
    if len(other):
        k, n = other["kode"].iloc[0], other["nama"].iloc[0]
        problems.add(FILES["rumah_sakit"], msg("points_other_region_list", n=len(other),
                                               example=f"{k} {n!r}",
                                               bundled=poly.nama.get(k, "")), column="lat",
                     severity="note")
    return agree


def _check_points_in_regions(rs: pd.DataFrame, problems: _Problems, *,
                             wilayah: pd.DataFrame | None = None) -> int:
    """Check every hospital point against the bundled polygon of its ``kode_wilayah``.

    Vectorised: one STRtree query for all points, a great-circle distance to
    the own polygon for the points outside it, and one more query for the
    corrected points the hints try (latitude with the other sign). Codes that
    ``wilayah`` gives to another region than the bundled list are not checked.
    Returns the number of points checked.
    """
    import shapely

    poly = _bundled_kabkota_polygons()
    if poly is None or not len(rs):
        return 0
    file = FILES["rumah_sakit"]
    lat = pd.to_numeric(rs["lat"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(rs["lon"], errors="coerce").to_numpy(dtype=float)
    agree = _same_regions(poly, wilayah, problems)
    codes = rs["kode_wilayah"] if agree is None else rs["kode_wilayah"].where(
        rs["kode_wilayah"].isin(agree), "")
    own_idx = codes.map(poly.index).to_numpy(dtype=float)
    use = np.isfinite(lat) & np.isfinite(lon) & np.isfinite(own_idx)
    if not use.any():
        return 0
    rows = rs[ROW].to_numpy()[use]
    la, lo, own = lat[use], lon[use], own_idx[use].astype(np.int64)
    points = shapely.points(lo, la)
    pi, gi = poly.tree.query(points, predicate="intersects")
    inside = np.zeros(len(points), dtype=bool)
    inside[pi[gi == own[pi]]] = True
    out = np.flatnonzero(~inside)
    if not len(out):
        return int(use.sum())
    dist = _nearest_km(points[out], poly.geoms[own[out]])
    far, dist_far = out[dist > 0], dist[dist > 0]  # on the boundary: inside
    if not len(far):
        return int(use.sum())
    where = _polygon_of(poly, points[far])
    # a point beyond the note band whose latitude, with the other sign, lies in (or a coast's
    # width off) its own kab/kota: the sign is wrong
    flipped = shapely.points(lo[far], -la[far])
    flip_ok = (dist_far > OTHER_NOTE_KM) & (
        _nearest_km(flipped, poly.geoms[own[far]]) <= SEA_OK_KM)
    for k, i in enumerate(far):
        own_kode = poly.kode[own[i]]
        d = float(dist_far[k])
        at = where[k]
        severity = _point_severity(d, at_sea=at < 0)
        if severity is None and not flip_ok[k]:
            continue  # a few km off a coast
        value = f"{float(la[i])!r}, {float(lo[i])!r}"
        if flip_ok[k]:
            hint = msg("point_hint_lat_sign", lat=-la[i], own=_label(poly, own_kode))
            severity = "error"
        elif at >= 0:
            hint = msg("point_hint_other_region", other=_label(poly, poly.kode[at]))
        else:
            hint = msg("point_hint_sea")
        if at >= 0 and severity == "note":
            text = msg("point_near_border", other=_label(poly, poly.kode[at]), km=d,
                       own=_label(poly, own_kode), note_km=OTHER_NOTE_KM)
        elif at >= 0:
            text = msg("point_in_other_region", other=_label(poly, poly.kode[at]), km=d,
                       own=_label(poly, own_kode), hint=hint, note_km=OTHER_NOTE_KM,
                       error_km=OTHER_ERROR_KM)
        else:
            text = msg("point_at_sea", km=d, own=_label(poly, own_kode), hint=hint,
                       ok_km=SEA_OK_KM, error_km=SEA_ERROR_KM)
        problems.add(file, text, row=int(rows[i]), column="lat", value=value, severity=severity)
    return int(use.sum())


def _check_same_hospital_twice(rs: pd.DataFrame, problems: _Problems) -> None:
    """Two rows with the same folded name and (nearly) the same point under two codes."""
    from .._textnorm import hospital_key
    from ..geo import great_circle_km

    if len(rs) < 2:
        return
    # only rows that share a cell of ~1 km (or a neighbouring one) with another row can be
    # one hospital twice: fold the names of those alone
    lat_all = pd.to_numeric(rs["lat"], errors="coerce").to_numpy(dtype=float)
    lon_all = pd.to_numeric(rs["lon"], errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(lat_all) & np.isfinite(lon_all)
    cell_y = np.floor(np.where(ok, lat_all, 0) / 0.01).astype(np.int64)
    cell_x = np.floor(np.where(ok, lon_all, 0) / 0.01).astype(np.int64)
    crowded = np.zeros(len(rs), dtype=bool)
    for dy in (0, 1):  # 2x2 blocks of cells, shifted: two points 0.2 km apart share one
        for dx in (0, 1):
            block = pd.Series(((cell_y + dy) // 2) * 100_000 + (cell_x + dx) // 2)
            crowded |= block.duplicated(keep=False).to_numpy()
    crowded &= ok
    if crowded.sum() < 2:
        return
    names = rs["nama"].astype(str)[crowded]
    unique = pd.unique(names.to_numpy())
    folded = names.map(dict(zip(unique, map(hospital_key, unique), strict=True)))
    dup = folded.duplicated(keep=False).to_numpy()
    if not dup.any():
        return
    sub = rs[crowded][dup].assign(_key=folded[dup].to_numpy())
    lat = pd.to_numeric(sub["lat"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(sub["lon"], errors="coerce").to_numpy(dtype=float)
    sub = sub.assign(_lat=lat, _lon=lon)
    for k, grp in sub.groupby("_key", sort=False):
        if not k or len(grp) < 2:
            continue
        g_lat, g_lon = grp["_lat"].to_numpy(), grp["_lon"].to_numpy()
        d = great_circle_km(g_lat[:, None], g_lon[:, None], g_lat[None, :], g_lon[None, :])
        seen: set[int] = set()
        for a in range(len(grp)):
            for b in range(a + 1, len(grp)):
                if b in seen or not d[a, b] <= DUPLICATE_POINT_KM:
                    continue
                ka, kb = grp["kode_rs"].iloc[a], grp["kode_rs"].iloc[b]
                if ka == kb or not ka or not kb:
                    continue  # a repeated kode_rs is reported on its own
                seen.add(b)
                ra, rb = int(grp[ROW].iloc[a]), int(grp[ROW].iloc[b])
                problems.add(FILES["rumah_sakit"], msg(
                    "same_hospital_twice", rows=_rows_text([ra, rb]), nama=grp["nama"].iloc[a],
                    km=float(d[a, b]), codes=join_and([ka, kb])), row=rb, column="kode_rs",
                    value=kb, severity="warning")
