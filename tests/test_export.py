"""GeoJSON export (RFC 7946) and the report files."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

import pengampuan as pg
from pengampuan.export import to_geojson


def ring_is_ccw(ring: list[list[float]]) -> bool:
    """Shoelace sign of a GeoJSON ring (lon/lat): positive = counter-clockwise."""
    xy = np.asarray(ring, dtype=float)
    x, y = xy[:, 0], xy[:, 1]
    return float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])) > 0


def polygons_of(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def all_positions(geometry: dict) -> np.ndarray:
    return np.asarray(shapely.get_coordinates(shapely.from_geojson(json.dumps(geometry))))


@pytest.fixture
def mixed() -> gpd.GeoDataFrame:
    # clockwise exterior with a counter-clockwise hole: both wrong for RFC 7946
    cw_with_hole = Polygon([(100, 0), (100, 1), (101, 1), (101, 0)],
                           [[(100.2, 0.2), (100.8, 0.2), (100.8, 0.8), (100.2, 0.8)]])
    multi = MultiPolygon([Polygon([(103, 0), (103, 1), (104, 1), (104, 0)]),
                          Polygon([(104.5, 0.5), (104.6, 0.5), (104.6, 0.6)])])
    return gpd.GeoDataFrame(
        {"kode": ["01.01", "02.01", "x", "y"],
         "distance_km": [1.23456789, np.inf, np.nan, 2.0],
         "meets_target": [True, False, True, False],
         "n": pd.array([1, None, 3, 4], dtype="Int64"),
         "mulai": pd.to_datetime(["2023-03-08", None, "2024-01-15", "2024-04-04"])},
        geometry=[cw_with_hole, multi, Point(101.1234567891, 0.5),
                  LineString([(100.5, 0.5), (103.5, 0.5)])],
        crs="EPSG:4326", index=[10, 11, 12, 13])


def test_rfc7946_structure(mixed: gpd.GeoDataFrame, tmp_path: Path) -> None:
    out = to_geojson(mixed, tmp_path / "a.geojson")
    assert out == tmp_path / "a.geojson"
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    assert len(doc["features"]) == 4
    types = [f["geometry"]["type"] for f in doc["features"]]
    assert types == ["Polygon", "MultiPolygon", "Point", "LineString"]
    props = [f["properties"] for f in doc["features"]]
    assert [p["kode"] for p in props] == ["01.01", "02.01", "x", "y"]
    # JSON has no infinity: inf and NaN are null; NA integers are null; dates are ISO;
    # distances are rounded to 0.01 km (glossary.DECIMALS)
    assert [p.get("distance_km") for p in props] == [1.23, None, None, 2.0]
    assert [p["n"] for p in props] == [1, None, 3, 4]
    assert [p["meets_target"] for p in props] == [True, False, True, False]
    assert props[0]["mulai"] == "2023-03-08" and props[1]["mulai"] is None
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_ring_orientation_right_hand_rule(mixed: gpd.GeoDataFrame, tmp_path: Path) -> None:
    doc = json.loads(to_geojson(mixed, tmp_path / "a.geojson").read_text())
    n_rings = 0
    for feat in doc["features"]:
        for poly in polygons_of(feat["geometry"]):
            assert ring_is_ccw(poly[0]), "exterior ring must be counter-clockwise"
            for hole in poly[1:]:
                assert not ring_is_ccw(hole), "holes must be clockwise"
            n_rings += len(poly)
    assert n_rings == 4


def test_lon_lat_order_ranges_and_rounding(mixed: gpd.GeoDataFrame, tmp_path: Path) -> None:
    doc = json.loads(to_geojson(mixed, tmp_path / "a.geojson", precision=5).read_text())
    xy = np.vstack([all_positions(f["geometry"]) for f in doc["features"]])
    assert ((xy[:, 0] >= 100) & (xy[:, 0] <= 104.6)).all()  # longitudes first
    assert ((xy[:, 1] >= 0) & (xy[:, 1] <= 1)).all()
    np.testing.assert_allclose(xy, np.round(xy, 5), atol=0)
    assert doc["features"][2]["geometry"]["coordinates"] == [101.12346, 0.5]


def test_reads_back_with_geopandas(mixed: gpd.GeoDataFrame, tmp_path: Path) -> None:
    back = gpd.read_file(to_geojson(mixed, tmp_path / "a.geojson"))
    assert len(back) == len(mixed)
    assert back.crs.to_epsg() == 4326
    assert back["kode"].tolist() == mixed["kode"].tolist()
    # same shapes (orientation aside), to the precision written
    for a, b in zip(back.geometry, mixed.geometry, strict=True):
        assert shapely.equals_exact(shapely.normalize(a), shapely.normalize(b), tolerance=1e-6)


def test_reprojects_and_refuses_missing_crs(mixed: gpd.GeoDataFrame, tmp_path: Path) -> None:
    merc = mixed.to_crs("EPSG:3857")
    doc = json.loads(to_geojson(merc, tmp_path / "m.geojson").read_text())
    assert doc["features"][2]["geometry"]["coordinates"] == pytest.approx([101.123457, 0.5])
    with pytest.raises(pg.CRSError, match="has no CRS"):
        to_geojson(mixed.set_crs(None, allow_override=True), tmp_path / "n.geojson")
    with pytest.raises(ValueError, match="precision=-1 must be an integer in 0..15"):
        to_geojson(mixed, tmp_path / "p.geojson", precision=-1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.geojson"]


def test_overwrites_existing_file(mixed: gpd.GeoDataFrame, tmp_path: Path) -> None:
    path = tmp_path / "a.geojson"
    path.write_text("old")
    to_geojson(mixed.iloc[:1], path)
    assert len(json.loads(path.read_text())["features"]) == 1


def test_a_failed_write_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    from pengampuan.export._atomic import write_atomic

    path = tmp_path / "a.geojson"
    path.write_text("old")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_text('{"type": "Featu')
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, half_then_fail)
    with pytest.raises(FileNotFoundError, match="nothing was written"):
        write_atomic(path, lambda tmp: None)
    assert [p.name for p in tmp_path.iterdir()] == ["a.geojson"]
    assert path.read_text() == "old"
