"""The report in a real browser (headless Chromium) with the network blocked.

Needs Debian's chromium at /usr/bin/chromium and playwright-python. Without them
the tests are skipped with the reason, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest

import pengampuan as pg

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
TILE_URL = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")
XSS = "<img src=x onerror=alert(1)>"


def _unavailable() -> str | None:
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


class Page:
    """A page opened from disk with every non-file request aborted; collects messages."""

    def __init__(self, browser: Any, path: Path, *, offline: bool = False) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        if offline:
            self.context.set_offline(True)
        self.page = self.context.new_page()
        self.console: list[Any] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", lambda m: self.console.append(m))
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector(".leaflet-control-layers")
        self.page.wait_for_timeout(500)

    def errors(self) -> list[str]:
        """Console errors and page errors, except failed background-tile requests."""
        out = [f"pageerror: {e}" for e in self.page_errors]
        for msg in self.console:
            if msg.type != "error":
                continue
            url = msg.location.get("url", "")
            if msg.text.startswith("Failed to load resource") and TILE_URL.match(url):
                continue  # the tiles need internet; the page switches them off
            out.append(f"{msg.text} ({url})")
        return out

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return pg.write_report(tmp_path_factory.mktemp("nasional") / "laporan", lang="id")


def test_national_report_in_browser(browser: Any, national: dict[str, Path]) -> None:
    view = Page(browser, national["index.html"])
    try:
        page = view.page
        assert view.errors() == []
        assert all(TILE_URL.match(u) for u in view.blocked), view.blocked[:3]
        # the first layanan (kanker): 514 kab/kota polygons + hospitals + links
        assert page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").count() == 514
        n_rs = page.locator(".leaflet-pgRS-pane path.leaflet-interactive").count()
        assert n_rs > 300
        assert page.locator(".leaflet-interactive").count() >= 514 + n_rs
        assert page.locator(".leaflet-pgJejaring-pane path.pg-link").count() > 0
        bases = [t.strip() for t in
                 page.locator(".leaflet-control-layers-base label").all_inner_texts()]
        assert bases == ["Kanker", "Jantung", "Stroke", "Uronefrologi"]
        overlays = [t.strip() for t in
                    page.locator(".leaflet-control-layers-overlays label").all_inner_texts()]
        assert overlays[:3] == ["Batas provinsi", "Jejaring pengampuan", "Rumah sakit"]
        title = page.locator(".pg-titlebox").inner_text()
        assert "Strata: target" in title and "DATA CONTOH" not in title
        assert "Legenda" in page.locator(".pg-legend").inner_text()
        summary = page.locator(".pg-summary").inner_text()
        assert len(re.findall(r"\b\d+/38\b", summary)) == 4  # provinces meeting the target
        assert len(re.findall(r"\b\d+/514\b", summary)) == 4
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"))
        # switching layanan keeps one set of polygons and shows that layanan's hospitals
        page.locator(".leaflet-control-layers-base label", has_text="Jantung").click()
        page.wait_for_timeout(300)
        assert page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").count() == 514
        assert page.locator(".leaflet-pgRS-pane path.leaflet-interactive").count() > 300
        # hide the hospitals; a tooltip on a kab/kota then gives distance and travel time
        page.locator(".leaflet-control-layers-overlays label", has_text="Rumah sakit").click()
        assert page.locator(".leaflet-pgRS-pane path").count() == 0
        # (an event on the path itself: the centre of its box may lie in the sea)
        page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").nth(100).dispatch_event(
            "mouseover", {"clientX": 640, "clientY": 400})
        tip = page.locator(".leaflet-tooltip.pg-tip").first.inner_text()
        assert "Jantung" in tip and ("Jarak" in tip or "tidak ada RS" in tip), tip
        assert view.errors() == []
    finally:
        view.close()


def test_no_network_at_all_gives_no_console_error(browser: Any,
                                                  national: dict[str, Path]) -> None:
    view = Page(browser, national["index.html"], offline=True)
    try:
        assert [m.text for m in view.console if m.type == "error"] == []
        assert view.page_errors == []
        assert view.blocked == []  # offline: the tile layer is not even requested
        assert view.page.locator(".leaflet-tile").count() == 0
        assert view.page.locator(".leaflet-pgWilayah-pane path").count() == 514
    finally:
        view.close()


def test_hostile_hospital_name_stays_text(browser: Any, tiny_ds: pg.Dataset,
                                          tiny_regions: gpd.GeoDataFrame,
                                          tmp_path: Path) -> None:
    rs = tiny_ds.rumah_sakit.copy()
    rs.loc[rs["kode_rs"] == "RS0002", "nama"] = XSS
    ds = dataclasses.replace(tiny_ds, rumah_sakit=rs)
    files = pg.write_report(tmp_path / "xss", ds, tiny_regions, layanan=["jantung", "kanker"],
                            status="ada", lang="id")
    assert XSS not in files["index.html"].read_text(encoding="utf-8")
    view = Page(browser, files["index.html"])
    try:
        page = view.page
        markers = page.locator(".leaflet-pgRS-pane path.leaflet-interactive")
        assert markers.count() == 3  # jantung: RS0001, RS0002, RS0003
        texts = []
        for i in range(markers.count()):
            markers.nth(i).click(force=True)
            popup = page.locator(".leaflet-popup-content").last
            popup.wait_for()
            texts.append(popup.inner_text())
            assert popup.locator("img").count() == 0
            page.locator(".leaflet-popup-close-button").last.dispatch_event("click")
        assert any(t.startswith(XSS) for t in texts), texts
        # the name is also the hover label of the marker and the nearest hospital of Alfa
        page.locator(".leaflet-control-layers-overlays label", has_text="Rumah sakit").click()
        polygons = page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive")
        # Kabupaten Alfa, whose nearest hospital is RS0002
        polygons.first.dispatch_event("mouseover", {"clientX": 400, "clientY": 400})
        tip = page.locator(".leaflet-tooltip.pg-tip", has_text="Kabupaten Alfa")
        assert f"RS terdekat: {XSS}" in tip.inner_text()
        assert page.locator("img[src='x']").count() == 0
        assert view.dialogs == []
        assert view.errors() == []
        assert html.escape(XSS) not in page.locator("body").inner_text()  # not double-escaped
    finally:
        view.close()
