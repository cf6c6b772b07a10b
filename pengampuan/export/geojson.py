"""RFC 7946 GeoJSON: :func:`to_geojson`.

EPSG:4326, lon/lat order, no ``crs`` member, exterior rings counter-clockwise
(right-hand rule), rounded coordinates, the column conventions of
:mod:`pengampuan.export.glossary`. GDAL's GeoJSON driver (through pyogrio)
does the writing.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from ..geo import require_wgs84
from ._atomic import write_atomic
from .glossary import tidy

logger = logging.getLogger(__name__)

__all__ = ["to_geojson"]


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
    write_atomic(path, lambda tmp: out.to_file(
        tmp, driver="GeoJSON", engine="pyogrio", index=False,
        layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(int(precision)),
                       "WRITE_NAME": "NO"}))
    logger.info("Wrote %d features to %s", len(out), path)
    return path
