"""GeoPackage for QGIS: layers and the layer_styles table read back with pyogrio; the styles'
rules give every feature the colour the web map gives it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest

import pengampuan as pg
from pengampuan import maps
from pengampuan.cli import main
from pengampuan.export import gpkg
from pengampuan.export.glossary import tidy as tidy_fn
from pengampuan.export.tables import report_tables


@pytest.fixture(scope="module")
def tiny_gpkg(tiny_ds, tiny_regions, tmp_path_factory) -> Path:
    tables = report_tables(tiny_ds, tiny_regions, layanan=["jantung", "kanker"], status="ada")
    grid = pg.access_grid(tiny_ds, tiny_regions.iloc[[2]], layanan="jantung", resolution=5,
                          status="ada")
    return pg.to_geopackage(tmp_path_factory.mktemp("g") / "pengampuan.gpkg", tables=tables,
                            grid=pd.DataFrame(grid.drop(columns="geometry", errors="ignore")))


def test_layers_and_styles_table(tiny_gpkg: Path) -> None:
    layers = {str(n): t for n, t in pyogrio.list_layers(tiny_gpkg)}
    assert layers == {"wilayah": "Polygon", "rumah_sakit": "Point", "jejaring": "LineString",
                      "grid": "Polygon", "layer_styles": None}
    wil = pyogrio.read_dataframe(tiny_gpkg, layer="wilayah")
    assert wil.crs.to_epsg() == 4326 and wil["kode"].tolist() == ["01.01", "01.02", "02.01"]
    assert wil["kanker_distance_km"].iloc[2] == pytest.approx(222.39, abs=0.01)
    rs = pyogrio.read_dataframe(tiny_gpkg, layer="rumah_sakit")
    text = [c for c in rs.columns if c != "geometry" and rs[c].map(type).eq(str).any()]
    assert len(rs) == 4 and text and not any((rs[c] == "").any() for c in text)  # nulls, no ''
    st = pyogrio.read_dataframe(tiny_gpkg, layer="layer_styles")
    assert {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column",
            "styleName", "styleQML", "styleSLD", "useAsDefault", "description",
            "owner", "ui", "update_time"} <= set(st.columns)
    assert set(st["f_table_name"]) == {"wilayah", "rumah_sakit", "jejaring", "grid"}
    assert (st["f_geometry_column"] == "geom").all()
    defaults = st[st["useAsDefault"].astype(bool)]
    assert sorted(defaults["f_table_name"]) == ["grid", "jejaring", "rumah_sakit", "wilayah"]
    names = st.loc[st["f_table_name"] == "wilayah", "styleName"].tolist()
    assert names == ["akses_jantung", "akses_kanker", "target_jantung", "target_kanker"]
    for qml, sld in zip(st["styleQML"], st["styleSLD"], strict=True):
        root = ET.fromstring(qml.split("\n", 1)[1])  # after the DOCTYPE line
        assert root.tag == "qgis" and root.find("renderer-v2").get("type") == "RuleRenderer"
        ET.fromstring(sld.split("\n", 1)[1])


def test_aliases_follow_the_language(tiny_ds, tiny_regions, tmp_path: Path) -> None:
    tables = report_tables(tiny_ds, tiny_regions, layanan="jantung", status="ada")
    for lang, label in (("id", "Jantung: Waktu tempuh (menit)"),
                        ("en", "Heart: Travel time (min)")):
        path = pg.to_geopackage(tmp_path / f"{lang}.gpkg", tables=tables, lang=lang)
        st = pyogrio.read_dataframe(path, layer="layer_styles")
        qml = st.loc[st["styleName"] == "akses_jantung", "styleQML"].iloc[0]
        aliases = {a.get("field"): a.get("name")
                   for a in ET.fromstring(qml.split("\n", 1)[1]).iter("alias")}
        assert aliases["jantung_travel_min"] == label


# --- the rules agree with the web map ------------------------------------------------------------
def _holds(cond: Any, row: dict[str, Any]) -> bool | None:
    """Evaluate a rule condition on a feature as QGIS does (NULL comparisons are NULL)."""
    assert gpkg._expr(cond)  # every condition can be written as an expression
    op = cond[0]
    if op == "null":
        return row.get(cond[1]) is None
    if op in ("lt", "ge", "eq"):
        v = row.get(cond[1])
        if v is None:
            # text comparisons are written null-safe: coalesce("f", '') = 'x'
            return False if op == "eq" and isinstance(cond[2], str) else None
        return {"lt": v < cond[2], "ge": v >= cond[2], "eq": v == cond[2]}[op]
    if op == "not":
        inner = _holds(cond[1], row)
        return None if inner is None else not inner
    parts = [_holds(c, row) for c in cond[1]]
    if op == "and":
        return False if False in parts else (None if None in parts else True)
    return True if True in parts else (None if None in parts else False)


def _first_match(rules: list[gpkg._Rule], row: dict[str, Any]) -> gpkg._Rule:
    matched = [r for r in rules if r.cond is not None and _holds(r.cond, row) is True]
    assert len(matched) <= 1, [r.label for r in matched]  # the rules never overlap
    return matched[0] if matched else next(r for r in rules if r.cond is None)


def _records(gdf: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in pd.DataFrame(gdf.drop(columns="geometry")).to_dict("records"):
        out.append({k: (None if v is None or (isinstance(v, float) and np.isnan(v))
                        or v is pd.NA else v) for k, v in rec.items()})
    return out


def test_access_rules_match_web_map_colours(bundled_ds) -> None:
    reg = pg.load_regions()
    acc = pg.district_access(bundled_ds, reg, layanan="uronefrologi", status="target")
    acc.loc[acc.index[:3], "travel_min"] = [29.9, 30.0, np.inf]  # edges and a "none"
    acc.loc[acc.index[2], "n_capable"] = 0
    rules = gpkg._access_rules("travel_min", "n_capable", "id")
    tidy = tidy_fn(acc)
    # the classes of the numbers in the file (rounded to 0.1 min), as the web map classes them
    web = maps.bin_colours(tidy["travel_min"].fillna(np.inf).where(
        tidy["n_capable"].eq(0) | tidy["travel_min"].notna(), np.nan), variable="travel_min")
    got = [_first_match(rules, row).symbol.colour for row in _records(tidy)]
    assert got == web
    assert got[:3] == [maps.bin_colours([v], variable="travel_min")[0]
                       for v in (29.9, 30.0, np.inf)]


def test_hospital_rules_pick_the_highest_strata(bundled_ds) -> None:
    from pengampuan.export.tables import _rumah_sakit_table

    rs = _rumah_sakit_table(bundled_ds)
    cols = list(rs.columns)
    rules = gpkg._hospital_rules("kanker", cols, status="target", lang="id",
                                 cfg=bundled_ds.config)
    ranks = bundled_ds.strata_rank_table(status="target")["kanker"]
    from pengampuan.palette import STRATA_COLOURS as _STRATA_COLOURS

    for row in _records(rs):
        rule = _first_match(rules, row)
        rank = ranks.get(row["kode_rs"])
        if rank is None or np.isnan(rank):
            assert rule.cond is None
        else:
            assert rule.symbol.colour == _STRATA_COLOURS[int(rank)]
            assert rule.symbol.hollow == (row.get("lokasi_presisi")
                                          in ("desa", "kecamatan", "kabkota"))


def test_cli_report_to_gpkg(tmp_path: Path, capsys) -> None:
    out = tmp_path / "laporan.gpkg"
    assert main(["report", "--out", str(out), "--layanan", "stroke"]) == 0
    assert "GeoPackage" in capsys.readouterr().out
    wil = pyogrio.read_dataframe(out, layer="wilayah", columns=["kode", "stroke_travel_min"],
                                 read_geometry=False)
    assert len(wil) == 514 and wil["stroke_travel_min"].round(1).equals(wil["stroke_travel_min"])
    st = pyogrio.read_dataframe(out, layer="layer_styles", read_geometry=False)
    assert st.loc[st["useAsDefault"].astype(bool), "styleName"].tolist()[:2] == [
        "akses_stroke", "strata_stroke"]


_QGIS_CHECK = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import QgsApplication, QgsRenderContext, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
lyr = QgsVectorLayer(sys.argv[1] + "|layername=wilayah", "w", "ogr")
r = lyr.renderer(); ctx = QgsRenderContext(); r.startRender(ctx, lyr.fields())
colours = {r.symbolsForFeature(f, ctx)[0].color().name() for f in lyr.getFeatures()}
r.stopRender(ctx)
print(r.type(), lyr.attributeAlias(lyr.fields().indexOf("kode")), sorted(colours))
"""


@pytest.mark.slow
def test_qgis_opens_the_layers_styled(tiny_gpkg: Path) -> None:
    """With QGIS installed (Debian python3-qgis), the default style of the file is used."""
    import shutil
    import subprocess

    python = shutil.which("python3", path="/usr/bin")
    if python is None or subprocess.run([python, "-c", "import qgis.core"],
                                        capture_output=True).returncode != 0:
        pytest.skip("QGIS (Debian python3-qgis) is not installed")
    res = subprocess.run([python, "-c", _QGIS_CHECK, str(tiny_gpkg)], capture_output=True,
                         text=True, timeout=120)
    line = res.stdout.strip().splitlines()[-1]
    # tiny, jantung (the default style): every kab/kota has a jantung hospital (< 30 min)
    web = sorted(set(maps.bin_colours([0.0], variable="travel_min")))
    assert line == f"RuleRenderer Kode wilayah {web}", (line, res.stderr[-2000:])
