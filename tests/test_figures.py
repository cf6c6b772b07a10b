"""Static maps and charts: rendered, saved, read back, pixels and bar values checked."""

from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

import pengampuan as pg
from pengampuan import maps
from pengampuan.cli import main
from pengampuan.export import figures as figures_mod
from pengampuan.export.tables import report_tables


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _pixels(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


@pytest.fixture(scope="module")
def tiny_acc(tiny_ds: pg.Dataset, tiny_regions: gpd.GeoDataFrame) -> dict:
    return {lay: pg.district_access(tiny_ds, tiny_regions, layanan=lay, status="ada")
            for lay in ("jantung", "kanker")}


def test_plot_access_pixels(tiny_ds, tiny_acc, tmp_path: Path) -> None:
    fig = pg.plot_access(tiny_acc["kanker"], tiny_ds, layanan="kanker", status="ada",
                         network=pg.build_network(tiny_ds))
    assert isinstance(fig, Figure)
    path = tmp_path / "a.png"
    fig.savefig(path, dpi=100)
    img = _pixels(path)
    w, h = fig.get_size_inches() * 100
    assert img.shape[:2] == (round(h), round(w))
    # the kab/kota are filled with the web map's classes: Alfa and Beta (< 30 min, Alfa has a
    # kanker hospital; Beta's nearest is ~60 km away) and Gama (~433 min: 4-8 h class)
    colours = maps.bin_colours(tiny_acc["kanker"]["travel_min"], variable="travel_min")
    counts = {c: int((img == _rgb(c)).all(axis=2).sum()) for c in set(colours)}
    assert all(n > 500 for n in counts.values()), counts
    assert len(np.unique(img.reshape(-1, 3), axis=0)) > 50  # not a blank canvas
    texts = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert "4\u20138 jam" in texts and "Paripurna (nasional)" in texts
    assert fig.axes[0].get_title(loc="left").startswith("Akses ke RS Kanker")
    assert any("DATA CONTOH" in t.get_text() for t in fig.axes[0].texts)
    assert any(t.get_text().endswith(" km") for t in fig.axes[0].texts)  # scale bar
    assert any(t.get_text() == "U" for t in fig.axes[0].texts)  # north arrow
    assert any("Sumber: data pengguna" in t.get_text() for t in fig.texts)


def test_plot_access_province_scope_and_english(bundled_ds, english: None) -> None:
    reg = pg.load_regions()
    acc = pg.district_access(bundled_ds, reg[reg["kode_induk"] == "17"], layanan="jantung",
                             status="target")
    fig = pg.plot_access(acc, bundled_ds, provinsi="bengkulu", lang="en")
    ax = fig.axes[0]
    assert ax.get_title(loc="left").startswith("Access to the nearest Heart hospital")
    labels = {t.get_text() for t in ax.texts}
    assert {"Rejang Lebong", "Kota Bengkulu", "N"} <= labels  # kab/kota named
    x0, x1 = ax.get_xlim()
    assert 100 < x0 < 102 and 103 < x1 < 105  # the province, not the country
    assert any("KMK HK.01.07/MENKES/1277/2024" in t.get_text() for t in fig.texts)
    with pytest.raises(ValueError, match="provinsi 'Atlantis' is not known"):
        pg.plot_access(acc, bundled_ds, provinsi="Atlantis")


def test_plot_within_threshold_oracle(tiny_ds, tiny_acc) -> None:
    fig = pg.plot_within_threshold(tiny_acc, tiny_ds)
    kanker = fig.axes[1]
    widths = [p.get_width() for p in kanker.patches]
    # by hand: province 01 (Alfa 2000, Beta 1000) is within 240 min; 02 (Gama, 500 people)
    # is ~2 degrees (222 km, 433 min) from the nearest kanker hospital
    assert widths == pytest.approx([100.0, 0.0])
    line = next(ln for ln in kanker.lines if ln.get_linestyle() == "--")
    assert line.get_xdata()[0] == pytest.approx(100 * 3000 / 3500)
    assert [p.get_width() for p in fig.axes[0].patches] == pytest.approx([100.0, 100.0])
    by_kab = pg.plot_within_threshold(tiny_acc, tiny_ds, by="kabkota", provinsi="01")
    assert [p.get_width() for p in by_kab.axes[1].patches] == pytest.approx([100.0, 100.0])


def test_plot_targets_matches_summary(tiny_ds, tiny_regions) -> None:
    gaps = pg.target_gaps(tiny_ds, tiny_regions, layanan=["jantung", "kanker"], status="ada")
    summ = pg.target_summary(gaps)
    fig = pg.plot_targets(gaps, ds=tiny_ds, lang="en")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Cancer", "Heart"]  # config order
    nat = summ[summ["tingkat"] == "nasional"].set_index("layanan")
    expected = [100 * nat.loc[lay, col] for col in ("share_kabkota", "share_provinsi",
                                                     "share_penduduk")
                for lay in ("kanker", "jantung")]
    assert [p.get_width() for p in ax.patches] == pytest.approx(expected)


def test_plot_coverage_and_network(bundled_ds) -> None:
    reg = pg.load_regions()
    gaps = pg.target_gaps(bundled_ds, reg[reg["kode_induk"] == "36"], layanan="stroke",
                          status="target")
    fig = pg.plot_coverage(gaps, reg, ds=bundled_ds, provinsi="Banten")
    assert fig.axes[0].get_title(loc="left") == "Capaian target RS Stroke per kabupaten/kota"
    fig = pg.plot_network(pg.build_network(bundled_ds), layanan="jantung", ds=bundled_ds,
                          regions=reg, provinsi="36")
    ax = fig.axes[0]
    assert len(ax.collections) >= 4  # context, kab/kota, provinces, links, hospitals
    with pytest.raises(ValueError, match="pass layanan= to choose one"):
        pg.plot_coverage(pg.target_gaps(bundled_ds, reg[reg["kode_induk"] == "36"],
                                        status="target"), reg)


def test_report_figures_are_print_resolution(tiny_ds, tiny_regions, tmp_path: Path) -> None:
    files = pg.write_report(tmp_path / "r", tiny_ds, tiny_regions, layanan=["kanker"],
                            status="ada")
    png = files["peta_akses_kanker.png"]
    with Image.open(png) as im:
        assert im.info.get("dpi", (0, 0))[0] == pytest.approx(200, abs=1)
        assert im.size[0] >= 1600
    img = _pixels(png)
    gama = _rgb(maps.bin_colours([433.0], variable="travel_min")[0])
    assert (img == gama).all(axis=2).sum() > 5000  # the map is drawn, Gama in its class
    svg = files["peta_akses_kanker.svg"].read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert _pixels(files["grafik_target.png"]).std() > 10


def test_report_tables_scope_errors(tiny_ds, tiny_regions) -> None:
    with pytest.raises(ValueError, match="layanan is empty"):
        report_tables(tiny_ds, tiny_regions, layanan=[])
    t = report_tables(tiny_ds, tiny_regions, layanan="jantung", provinsi="Provinsi Dua",
                      status="ada")
    assert t.provinsi == "02" and t.wilayah["kode"].tolist() == ["02.01"]


def test_cli_plot(tiny_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "gambar"
    code = main(["plot", "--out", str(out), "--data", str(tiny_dir), "--boundaries",
                 str(tiny_dir / "batas_kabkota.geojson"), "--layanan", "jantung",
                 "--kind", "akses,target,jejaring", "--status", "ada", "--format", "png",
                 "--dpi", "80"])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "peta_akses_jantung.png", "peta_jejaring_jantung.png", "peta_target_jantung.png"]
    assert "3 berkas" in capsys.readouterr().out
    assert main(["--lang", "en", "plot", "--out", str(out), "--kind", "pie"]) == 1
    assert "--kind 'pie' is not known; expected one of akses, grafik, target, jejaring" in \
        capsys.readouterr().err


def _own_tempdir(tmp_path: Path, monkeypatch) -> Path:
    """A temporary folder of this test's own (where background jobs put their payload)."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


def test_background_figures_are_the_same_files(tiny_ds, tiny_regions, tmp_path: Path,
                                               monkeypatch) -> None:
    """A national report draws its figures in another process: same files, same pixels."""
    from pengampuan.export import figures

    inline = pg.write_report(tmp_path / "a", tiny_ds, tiny_regions, layanan=["kanker"],
                             status="ada")
    monkeypatch.setattr(figures, "BACKGROUND_MIN_KABKOTA", 0)  # as for 514 kab/kota
    scratch = _own_tempdir(tmp_path, monkeypatch)
    started = []
    real = figures.FiguresJob._start
    monkeypatch.setattr(figures.FiguresJob, "_start",
                        lambda self: (started.append(1), real(self))[1])
    background = pg.write_report(tmp_path / "b", tiny_ds, tiny_regions, layanan=["kanker"],
                                 status="ada")
    assert started and sorted(background) == sorted(inline)
    for name in ("peta_akses_kanker.png", "grafik_target.png"):
        assert np.array_equal(_pixels(inline[name]), _pixels(background[name])), name
    assert not list(scratch.iterdir())  # the job's payload files are gone


def test_background_failure_leaves_no_report(tiny_ds, tiny_regions, tmp_path: Path,
                                             monkeypatch) -> None:
    from pengampuan.export import figures

    monkeypatch.setattr(figures, "BACKGROUND_MIN_KABKOTA", 0)
    scratch = _own_tempdir(tmp_path, monkeypatch)
    out = tmp_path / "laporan"
    with pytest.raises(ValueError, match="figure format 'gif' is not known"):
        with figures.start_report_figures(tmp_path, report_tables(
                tiny_ds, tiny_regions, layanan="kanker", status="ada"),
                formats=("gif",)) as job:
            assert job.background
            job.result()
    # a failure while the page is built stops the drawing process and keeps no folder
    monkeypatch.setattr("pengampuan.export.report._report_page",
                        lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError, match="disk full"):
        pg.write_report(out, tiny_ds, tiny_regions, layanan="kanker", status="ada")
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert not list(scratch.iterdir())  # the job's payload files are gone


def test_figure_regions_simplify_to_a_pixel() -> None:
    import shapely

    reg = pg.load_regions()
    small = figures_mod.figure_regions(reg, dpi=200)
    n = lambda g: int(shapely.get_num_coordinates(g.geometry.values).sum())  # noqa: E731
    assert n(small) < 0.8 * n(reg) and small["kode"].tolist() == reg["kode"].tolist()
    assert bool(shapely.coverage_is_valid(small.geometry.values))
    # a province is drawn larger: finer pixels, so fewer vertices go
    bengkulu = reg[reg["kode_induk"] == "17"]
    prov = figures_mod.figure_regions(bengkulu, dpi=200, provinsi="17")
    assert n(prov) > 0.9 * n(bengkulu)


@pytest.mark.parametrize("interpreter", ["missing", "false"])
def test_background_that_cannot_start_draws_here(interpreter: str, tiny_ds, tiny_regions,
                                                 tmp_path: Path, monkeypatch, caplog) -> None:
    import shutil
    import sys

    from pengampuan.export import figures

    # e.g. a frozen app: no Python interpreter to start, or one that does not run the job
    exe = str(tmp_path / "no-python") if interpreter == "missing" else shutil.which("false")
    if exe is None:
        pytest.skip("no 'false' command on this system")
    monkeypatch.setattr(figures, "BACKGROUND_MIN_KABKOTA", 0)
    scratch = _own_tempdir(tmp_path, monkeypatch)
    monkeypatch.setattr(sys, "executable", exe)
    files = pg.write_report(tmp_path / "r", tiny_ds, tiny_regions, layanan=["kanker"],
                            status="ada")
    assert "peta_akses_kanker.png" in files and files["peta_akses_kanker.png"].is_file()
    assert "be drawn in a separate process" in caplog.text
    assert not list(scratch.iterdir())  # the job's payload files are gone


def test_names_stay_under_and_off_the_hospital_markers(bundled_ds) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PathCollection

    reg = pg.load_regions()
    acc = pg.district_access(bundled_ds, reg[reg["kode_induk"] == "17"], layanan="jantung")
    fig = pg.plot_access(acc, bundled_ds, provinsi="17")
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    names = set(reg.loc[reg["kode_induk"] == "17", "nama"].map(figures_mod._short_name))
    labels = [t for t in ax.texts if t.get_text().replace("\n", " ") in names]
    assert len(labels) == 10
    markers = [c for c in ax.collections
               if isinstance(c, PathCollection) and len(c.get_offsets()) and c.get_sizes().size]
    assert markers
    # drawn above the names
    assert max(t.get_zorder() for t in labels) < min(c.get_zorder() for c in markers)
    # and no name covers a marker: no marker centre (and radius) within a name's box
    ax.apply_aspect()
    centres = np.vstack([ax.transData.transform(c.get_offsets()) for c in markers])
    radius_px = np.concatenate([np.sqrt(np.broadcast_to(c.get_sizes(), len(c.get_offsets())))
                                / 2 * fig.dpi / 72 for c in markers])
    for t in labels:
        box = t.get_window_extent(renderer)
        dx = np.maximum(np.maximum(box.x0 - centres[:, 0], centres[:, 0] - box.x1), 0)
        dy = np.maximum(np.maximum(box.y0 - centres[:, 1], centres[:, 1] - box.y1), 0)
        assert (np.hypot(dx, dy) >= radius_px).all(), t.get_text()
    # (some names had to move off their kab/kota's point for it)
    assert any(t.xyann != (0, 0) for t in labels)


def test_travel_minutes_state_their_model(tiny_ds, tiny_acc) -> None:
    def texts(fig) -> str:
        return " ".join(t.get_text().replace("\n", " ") for t in fig.findobj(
            lambda a: hasattr(a, "get_text") and callable(a.get_text)))

    acc = tiny_acc["jantung"]
    minutes = texts(pg.plot_access(acc, tiny_ds, lang="id"))
    assert "Waktu tempuh: model sederhana" in minutes and "tidak dimodelkan" in minutes
    km = texts(pg.plot_access(acc, tiny_ds, variable="distance_km", lang="id"))
    assert "model sederhana" not in km  # a distance map has no travel model
    sea = acc.copy()
    sea.attrs = {**acc.attrs, "travel": "sea"}
    assert "model darat-laut" in texts(pg.plot_within_threshold({"jantung": sea}, tiny_ds,
                                                                  lang="id"))
