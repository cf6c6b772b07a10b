"""The maps in a real browser (headless Chromium) with the network blocked.

Needs Debian's chromium at /usr/bin/chromium and playwright-python. Without them
the tests are skipped with the reason, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
from collections.abc import Callable, Iterator
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
PANELS = (".pg-titlebox", ".leaflet-control-layers", ".pg-legend", ".pg-summary")


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
    """A page opened from disk with every non-file request aborted; collects messages.

    ``hang_tiles``: tile requests get no answer at all (a tile server that hangs).
    """

    def __init__(self, browser: Any, path: Path, *, offline: bool = False,
                 size: tuple[int, int] = (1280, 800), hang_tiles: bool = False) -> None:
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        if offline:
            self.context.set_offline(True)
        self.page = self.context.new_page()
        self.console: list[Any] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[Any] = []  # every request that would leave the machine
        self.page.on("console", lambda m: self.console.append(m))
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
                return
            self.requests.append(r.request)
            if not (hang_tiles and TILE_URL.match(r.request.url)):
                r.abort()

        self.page.route("**/*", route)
        self.page.goto(path.resolve().as_uri(), wait_until="load", timeout=30_000)
        self.page.wait_for_selector(".leaflet-control-layers")
        self.settle()

    def settle(self) -> None:
        """Wait until the map stands still (no pan or zoom under way) and a frame is drawn.

        Every move of the page's map ends this way (a popup panning clear of the panels, a
        province picked, a layer switched); waiting for it, not for a fixed time, keeps the
        tests fast on an idle machine and right on a busy one.
        """
        frames = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        self.page.evaluate(frames)  # (Leaflet starts an animated zoom on the next frame)
        self.page.wait_for_function(
            "() => { const k = Object.keys(window).find(n => n.startsWith('map_') &&"
            " window[n].pengampuan); const m = k && window[k];"
            " return !!m && !m._animatingZoom && !(m._panAnim && m._panAnim._inProgress); }")
        self.page.evaluate(frames)

    @property
    def blocked(self) -> list[str]:
        return [r.url for r in self.requests]

    def errors(self) -> list[str]:
        """Console errors and page errors, except failed background-tile requests."""
        out = [f"pageerror: {e}" for e in self.page_errors]
        for msg in self.console:
            if msg.type != "error":
                continue
            url = msg.location.get("url", "")
            if msg.text.startswith("Failed to load resource") and TILE_URL.match(url):
                continue  # tiles switched on without internet
            out.append(f"{msg.text} ({url})")
        return out

    def box(self, selector: str) -> dict[str, float] | None:
        loc = self.page.locator(selector)
        return loc.first.bounding_box() if loc.count() else None

    def map_eval(self, body: str, arg: Any = None) -> Any:
        """Evaluate ``body`` with ``m`` (the Leaflet map), ``P`` (its pengampuan object)."""
        return self.page.evaluate(
            "(arg) => { const k = Object.keys(window).find(n => n.startsWith('map_') && "
            "window[n].pengampuan); const m = window[k]; const P = m.pengampuan; " + body + " }",
            arg)

    def click_region(self, index: int) -> None:
        """Click the map at the label point of kab/kota ``index`` (a real mouse click)."""
        x, y = self.map_eval("const p = m.latLngToContainerPoint(P.data.wil.pt[arg]);"
                             " const r = m.getContainer().getBoundingClientRect();"
                             " return [r.left + p.x, r.top + p.y];", index)
        self.page.mouse.click(x, y)

    def zoom_to_region(self, index: int, zoom: int = 9) -> None:
        """Centre the map on kab/kota ``index`` at ``zoom``, without animation."""
        self.map_eval("m.setView(P.data.wil.pt[arg[0]], arg[1], {animate: false});",
                      [index, zoom])
        self.settle()

    def overlay(self, text: str) -> Any:
        """The label of the overlay layer whose name contains ``text`` (click to switch it)."""
        return self.page.locator(".leaflet-control-layers-overlays label", has_text=text)

    def show_layer(self, text: str | re.Pattern[str]) -> None:
        """Switch to the base layer (layanan or reported service) named ``text``."""
        self.page.locator(".leaflet-control-layers-base label", has_text=text).click()
        self.settle()

    def panel_boxes(self) -> dict[str, dict[str, float]]:
        """The boxes of the panels shown (title, layer control, legend, summary)."""
        return {sel: b for sel in PANELS if (b := self.box(sel))}

    def open_region_popup(self, index: int) -> None:
        """Open the popup of kab/kota ``index`` at its label point, as a click does."""
        self.map_eval("P.regions[arg].openPopup(P.data.wil.pt[arg]);", index)
        self.settle()  # (the popup pans clear of the panels)

    def popup_close_clear(self) -> bool:
        """The open popup's close button is the element at its own centre (nothing over it)."""
        return bool(self.page.evaluate(
            "() => { const b = document.querySelector('.leaflet-popup-close-button');"
            " if (!b) return false; const r = b.getBoundingClientRect();"
            " const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            " return !!e && b.contains(e); }"))

    def popup_text(self) -> str:
        """The text of the open popup (the last one), once it is shown."""
        popup = self.page.locator(".leaflet-popup-content").last
        popup.wait_for()
        return str(popup.inner_text())

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> Page:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.fixture(scope="module")
def bengkulu(report_once: Callable[..., dict[str, Path]]) -> dict[str, Path]:
    return report_once("bengkulu", provinsi="17", lang="id")


def test_national_report_in_browser(browser: Any, national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"]) as view:
        page = view.page
        assert view.errors() == []
        assert view.blocked == []  # nothing leaves the machine: tiles are off until asked for
        assert page.evaluate("document.documentElement.lang") == "id"
        # the first layanan (kanker): 514 kab/kota polygons + hospitals + links
        assert page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").count() == 514
        n_rs = page.locator(".leaflet-pgRS-pane path.leaflet-interactive").count()
        assert n_rs > 300
        assert page.locator(".leaflet-pgJejaring-pane path.pg-link").count() > 0
        bases = [t.strip() for t in
                 page.locator(".leaflet-control-layers-base label").all_inner_texts()]
        assert bases == ["Kanker", "Jantung", "Stroke", "Uronefrologi",  # decree targets,
                         "Hemodialisis", "Cathlab (jantung intervensi)",  # then services
                         "Radioterapi"]                                  # reported in 2020
        heading = page.locator(".leaflet-control-layers-base .pg-ctl-head")
        assert heading.count() == 1 and "bukan strata" in heading.inner_text()
        overlays = [t.strip() for t in
                    page.locator(".leaflet-control-layers-overlays label").all_inner_texts()]
        assert {"Batas provinsi", "Jejaring pengampuan", "Rumah sakit", "Nama kab/kota",
                "Peta latar OpenStreetMap (perlu internet)"} <= set(overlays)
        title = page.locator(".pg-titlebox").inner_text()
        assert "Strata: target" in title and "DATA CONTOH" not in title
        assert "Legenda" in page.locator(".pg-legend").inner_text()
        summary = page.locator(".pg-summary").inner_text()
        assert len(re.findall(r"\b\d+/38\b", summary)) == 4  # provinces meeting the target
        assert len(re.findall(r"\b\d+/514\b", summary)) == 4
        assert re.search(r"Dibuat \d{4}-\d\d-\d\d dengan pengampuan", summary)
        # the page links to its own files, which exist next to it
        hrefs = page.locator(".pg-files a").evaluate_all("as => as.map(a => a.href)")
        assert len(hrefs) == 6  # 4 GeoJSON/CSV files, ringkasan.xlsx and laporan.gpkg
        assert all(Path(h.removeprefix("file://")).is_file() for h in hrefs), hrefs
        # a km scale bar, no miles
        assert page.locator(".leaflet-control-scale-line").count() == 1
        assert "km" in page.locator(".leaflet-control-scale-line").inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"))
        # switching layanan keeps one set of polygons and shows that layanan's hospitals
        view.show_layer(re.compile(r"^\s*Jantung\s*$"))
        assert page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").count() == 514
        assert page.locator(".leaflet-pgRS-pane path.leaflet-interactive").count() > 300
        # hide the hospitals; a tooltip on a kab/kota then gives its travel time
        view.overlay("Rumah sakit").click()
        assert page.locator(".leaflet-pgRS-pane path").count() == 0
        page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").nth(100).dispatch_event(
            "mouseover", {"clientX": 640, "clientY": 400})
        tip = page.locator(".leaflet-tooltip.pg-tip").first.inner_text()
        assert "Jantung" in tip and ("jam" in tip or "menit" in tip or "tidak ada RS" in tip)
        assert view.errors() == [] and view.blocked == []


def test_click_a_region_for_its_popup(browser: Any, national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"]) as view:
        page = view.page
        view.overlay("Rumah sakit").click()
        i = view.map_eval("return P.data.wil.kode;").index("17.02")  # Kabupaten Rejang Lebong
        view.zoom_to_region(i)
        view.click_region(i)
        text = view.popup_text()
        assert text.startswith("Kabupaten Rejang Lebong (17.02)") and "Bengkulu" in text
        assert "Penduduk:" in text
        for lay in ("Kanker", "Jantung", "Stroke", "Uronefrologi"):
            assert lay in text
        assert "Waktu tempuh (perkiraan)" in text and "RS terdekat" in text
        assert "tercapai" in text  # target met or not
        view.settle()  # the popup pans clear of the panels
        pop_box = view.box(".leaflet-popup-content-wrapper")
        for sel in (".pg-titlebox", ".pg-legend", ".pg-summary"):
            assert not overlap(pop_box, view.box(sel)), sel
        # the kab/kota names are written at this zoom
        assert page.locator(".pg-label", has_text="Kabupaten Rejang Lebong").count() == 1
        assert view.errors() == [] and view.blocked == []


def test_province_picker(browser: Any, national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"]) as view:
        page = view.page
        picker = page.locator("select.pg-pick")
        assert picker.locator("option").count() == 39  # all of Indonesia + 38 provinces
        picker.select_option(label="Bengkulu")
        view.settle()
        summary = page.locator(".pg-summary").inner_text()
        assert "Ringkasan capaian target: Bengkulu" in summary
        assert re.search(r"\b\d+/10\b", summary)  # its 10 kab/kota
        # the sources, report files and date stay under a province's summary
        assert page.locator(".pg-summary .pg-files a").count() >= 4
        assert page.locator(".pg-summary .pg-made").count() == 1
        lat, lon = view.map_eval("const c = m.getCenter(); return [c.lat, c.lng];")
        assert -5.5 < lat < -2.0 and 101.0 < lon < 104.0, (lat, lon)
        picker.select_option(value="")
        view.settle()
        assert len(re.findall(r"\b\d+/514\b", page.locator(".pg-summary").inner_text())) == 4
        assert view.errors() == []


@pytest.mark.parametrize("size", [(1024, 600), (390, 844)], ids=["1024x600", "390x844"])
def test_layout(browser: Any, national: dict[str, Path], bengkulu: dict[str, Path],
                size: tuple[int, int]) -> None:
    for name, files in (("nasional", national), ("bengkulu", bengkulu)):
        with Page(browser, files["index.html"], size=size) as view:
            boxes = {sel: view.box(sel) for sel in PANELS}
            assert all(boxes.values()), boxes
            for sel, b in boxes.items():  # every panel fully on the screen
                assert b["x"] >= 0 and b["y"] >= 0, (name, sel, b)
                assert b["x"] + b["width"] <= size[0] and b["y"] + b["height"] <= size[1], (
                    name, sel, b)
            sels = list(boxes)
            for i, a in enumerate(sels):
                for b in sels[i + 1:]:
                    assert not overlap(boxes[a], boxes[b]), (name, size, a, b)
            # the folded panels open on a tap and stay within the screen
            view.page.locator(".pg-legend summary").first.click()
            legend = view.box(".pg-legend")
            assert legend["y"] >= 0 and legend["x"] + legend["width"] <= size[0]
            assert not overlap(legend, view.box(".pg-titlebox"))
            view.page.screenshot(path=str(ARTIFACTS / f"{name}-{size[0]}x{size[1]}.png"))
            assert view.errors() == [] and view.blocked == []


def test_province_report(browser: Any, bengkulu: dict[str, Path]) -> None:
    with Page(browser, bengkulu["index.html"]) as view:
        page = view.page
        assert "Provinsi Bengkulu" in page.locator(".pg-titlebox").inner_text()
        assert page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").count() == 10
        assert page.locator(".leaflet-pgKonteks-pane path").count() >= 1  # the neighbours
        assert page.locator(".pg-label").count() == 10  # names at province zoom
        # the kab/kota table: a row opens the kab/kota's popup
        page.locator(".pg-kabfold summary").click()
        rows = page.locator(".pg-kabtab tr[data-i]")
        assert rows.count() == 10
        rows.filter(has_text="Kota Bengkulu").locator("a").click()
        assert view.popup_text().startswith("Kota Bengkulu (17.71)")
        assert view.errors() == [] and view.blocked == []


def test_tiles_only_on_request(browser: Any, bengkulu: dict[str, Path]) -> None:
    # a tile server that never answers must not hold up the page's load event
    with Page(browser, bengkulu["index.html"], hang_tiles=True) as view:
        page = view.page
        assert page.evaluate("document.readyState") == "complete"
        assert view.blocked == [] and page.locator(".leaflet-tile").count() == 0
        view.overlay("Peta latar").click()
        page.wait_for_timeout(500)
        tiles = [r for r in view.requests if TILE_URL.match(r.url)]
        assert tiles and len(tiles) == len(view.requests)  # only tiles, once asked for
        policies = page.locator("img.leaflet-tile").evaluate_all(
            "imgs => [...new Set(imgs.map(i => i.referrerPolicy))]")
        assert policies == ["strict-origin-when-cross-origin"]
        assert page.evaluate("document.querySelector('meta[name=referrer]').content") == (
            "strict-origin-when-cross-origin")
    # without internet the tiles fail, are switched off again, and the page says so
    with Page(browser, bengkulu["index.html"]) as view:
        page = view.page
        view.overlay("Peta latar").click()
        page.wait_for_timeout(800)
        notice = page.locator(".pg-notice-live")
        assert notice.is_visible() and "Peta latar tidak dapat dimuat" in notice.inner_text()
        assert view.page_errors == []


def test_no_network_at_all_gives_no_console_error(browser: Any,
                                                  national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"], offline=True) as view:
        assert [m.text for m in view.console if m.type == "error"] == []
        assert view.page_errors == []
        assert view.blocked == []
        assert view.page.locator(".leaflet-tile").count() == 0
        assert view.page.locator(".leaflet-pgWilayah-pane path").count() == 514


def test_saved_api_maps_work_offline(browser: Any, bundled_ds: pg.Dataset,
                                     tmp_path: Path) -> None:
    # the README quick start: a map saved from Python opens without internet
    reg = pg.load_regions()
    acc = pg.district_access(bundled_ds, reg, layanan="stroke")
    path = tmp_path / "akses_stroke.html"
    pg.map_access(acc, bundled_ds).save(str(path))
    with Page(browser, path, offline=True) as view:
        page = view.page
        assert page.locator(".leaflet-pgWilayah-pane path.leaflet-interactive").count() == 514
        assert page.locator(".leaflet-pgRS-pane path.leaflet-interactive").count() > 300
        assert view.errors() == [] and view.blocked == []
    path = tmp_path / "jejaring.html"
    pg.map_network(pg.build_network(bundled_ds), ds=bundled_ds, layanan="stroke",
                   provinsi="Jawa Barat").save(str(path))
    with Page(browser, path, offline=True) as view:
        page = view.page
        assert page.locator(".leaflet-pgKonteks-pane path").count() >= 1  # land and neighbours
        assert page.locator(".leaflet-pgRS-pane path.leaflet-interactive").count() > 10
        assert page.locator(".leaflet-pgJejaring-pane path.pg-link").count() > 10
        assert view.errors() == [] and view.blocked == []


def test_pengampu_popup_lists_whom_it_mentors(browser: Any, bengkulu: dict[str, Path]) -> None:
    with Page(browser, bengkulu["index.html"]) as view:
        page = view.page
        # the pengampu outside the province (drawn at its place): zoom out to see it
        view.map_eval("m.setView([-4.5, 104], 6, {animate: false});")
        view.settle()
        markers = page.locator(".leaflet-pgRS-pane path.leaflet-interactive")
        texts, overflow = [], []
        for i in range(markers.count()):
            markers.nth(i).dispatch_event("click")
            texts.append(view.popup_text())
            lists = page.locator(".leaflet-popup-content").last.locator(".pg-list")
            if lists.count():  # whom it mentors: a list that scrolls when long
                overflow.append(lists.first.evaluate("e => getComputedStyle(e).overflowY"))
            view.map_eval("m.closePopup();")
        mentors = [t for t in texts if "Mengampu" in t]
        assert mentors, texts[:3]
        assert overflow and set(overflow) == {"auto"}
        outside = [t for t in texts if "di luar provinsi" in t]
        assert outside and any("Mengampu" in t for t in outside)  # e.g. a national pengampu
        assert view.errors() == []


def test_hostile_hospital_name_stays_text(browser: Any, tiny_ds: pg.Dataset,
                                          tiny_regions: gpd.GeoDataFrame,
                                          tmp_path: Path) -> None:
    rs = tiny_ds.rumah_sakit.copy()
    rs.loc[rs["kode_rs"] == "RS0002", "nama"] = XSS
    rs.loc[rs["kode_rs"] == "RS0002", "sumber"] = "javascript:alert(1) https://x.id/?a=<b>"
    ds = dataclasses.replace(tiny_ds, rumah_sakit=rs)
    files = pg.write_report(tmp_path / "xss", ds, tiny_regions, layanan=["jantung", "kanker"],
                            status="ada", lang="id")
    assert XSS not in files["index.html"].read_text(encoding="utf-8")
    with Page(browser, files["index.html"]) as view:
        page = view.page
        markers = page.locator(".leaflet-pgRS-pane path.leaflet-interactive")
        assert markers.count() == 3  # jantung: RS0001, RS0002, RS0003
        texts = []
        for i in range(markers.count()):
            markers.nth(i).click(force=True)
            texts.append(view.popup_text())
            popup = page.locator(".leaflet-popup-content").last
            assert popup.locator("img").count() == 0
            hrefs = popup.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
            assert all(h.startswith("https://") for h in hrefs), hrefs
            page.locator(".leaflet-popup-close-button").last.dispatch_event("click")
        assert any(t.startswith(XSS) for t in texts), texts
        # the name is also the nearest hospital of Kabupaten Alfa, in its popup
        for layer in ("Rumah sakit", "Jejaring pengampuan"):  # (both lie on Alfa's point)
            view.overlay(layer).click()
        view.click_region(0)
        assert XSS in view.popup_text()
        assert page.locator("img[src='x']").count() == 0
        assert view.dialogs == []
        assert view.errors() == []
        assert html.escape(XSS) not in page.locator("body").inner_text()  # not double-escaped


def test_reported_service_layer(browser: Any, national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"]) as view:
        page = view.page
        fills = "() => [...document.querySelectorAll('.leaflet-pgWilayah-pane path')]" \
                ".map(p => p.getAttribute('fill'))"
        before = page.evaluate(fills)
        notice = page.locator(".pg-notice-layer")
        assert not notice.is_visible()
        view.show_layer("Hemodialisis")
        after = page.evaluate(fills)
        expected = view.map_eval("return P.data.wil.v.hemodialisis.c;")
        assert after == expected and after != before  # the regions take dialysis access
        assert len(set(after)) >= 4
        assert notice.is_visible()
        assert "dilaporkan 2020" in notice.inner_text() and "bukan strata" in notice.inner_text()
        # the hospitals reporting dialysis, drawn in the reported-service colour
        markers = page.locator(".leaflet-pgRS-pane path.leaflet-interactive")
        colour = view.map_eval("return P.data.fasColour;")
        assert markers.count() > 500
        assert set(markers.evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")) == {colour}
        assert page.locator(".leaflet-pgJejaring-pane path").count() == 0  # no links: no strata
        markers.nth(0).dispatch_event("click")
        text = view.popup_text()
        assert "Layanan yang dilaporkan 2020 (RS Online, bukan strata)" in text
        assert "Hemodialisis" in text and "bukti dokumen" in text
        summary = page.locator(".pg-summary").inner_text()
        assert "Hemodialisis (dilaporkan 2020)" in summary
        # back to a layanan: its colours and the notice goes
        view.show_layer("Kanker")
        assert page.evaluate(fills) == before and not notice.is_visible()
        assert view.errors() == [] and view.blocked == []


def test_regions_resting_on_approximate_points(browser: Any, national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"]) as view:
        page = view.page
        marked = view.map_eval("return P.data.wil.v.kanker.ax;")
        assert len(marked) >= 10
        outlines = page.locator(".leaflet-pgArsir-pane path.pg-approx")
        assert outlines.count() == len(marked)
        assert outlines.first.get_attribute("fill") == "none"  # outlined, not hatched
        assert outlines.first.get_attribute("stroke-dasharray")
        legend = page.locator(".pg-legend").inner_text()
        assert "\u2265 50% penduduk: RS terdekat di lokasi perkiraan" in legend
        assert "Belum memenuhi target kab/kota" in legend  # the hatch keeps its own entry
        label = view.overlay("Bertumpu pada titik RS perkiraan")
        assert label.count() == 1
        # a marked kab/kota says how many of its people rest on a placeholder point
        i = marked[0]
        view.overlay("Rumah sakit").click()
        view.zoom_to_region(i)
        view.click_region(i)
        assert re.search(r"Penduduk dengan RS terdekat di lokasi perkiraan: \d+%",
                         view.popup_text())
        label.click()  # switched off: the outlines go
        assert outlines.count() == 0
        summary = page.locator(".pg-summary").inner_text()
        assert re.search(r"\d+% perkiraan\*", summary)
        assert "* penduduk dalam ambang waktu yang RS terdekatnya hanya diketahui" in summary
        assert view.errors() == [] and view.blocked == []


def test_province_kecamatan_and_grid_layers(browser: Any, bengkulu: dict[str, Path]) -> None:
    with Page(browser, bengkulu["index.html"]) as view:
        page = view.page
        assert page.locator(".leaflet-pgKecamatan-pane path").count() == 0  # off by default
        assert page.locator(".leaflet-pgGrid-pane path").count() == 0
        view.overlay("Kecamatan").click()
        view.settle()
        kec = page.locator(".leaflet-pgKecamatan-pane path.pg-kec")
        assert kec.count() == 129  # Bengkulu's kecamatan
        expected = view.map_eval("const K = P.data.kec; const v = K.v.kanker;"
                                 " return v.c.map(i => K.colours[i]);")
        assert kec.evaluate_all("ps => ps.map(p => p.getAttribute('fill'))") == expected
        kec.nth(5).dispatch_event("click")
        text = view.popup_text()
        assert "Kab/kota: Kabupaten" in text or "Kab/kota: Kota" in text
        assert "Kanker" in text and "Hemodialisis" in text
        view.map_eval("m.closePopup();")
        view.overlay("Kecamatan").click()
        # the H3 grid: under the kab/kota, which become outlines
        view.overlay("Grid H3").click()
        view.settle()
        grid = page.locator(".leaflet-pgGrid-pane path.pg-grid")
        assert grid.count() >= 2
        assert set(grid.evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")) <= set(
            view.map_eval("return P.data.kec.colours;"))
        opacities = page.locator(".leaflet-pgWilayah-pane path").evaluate_all(
            "ps => [...new Set(ps.map(p => p.getAttribute('fill-opacity')))]")
        assert opacities == ["0"]
        view.show_layer("Cathlab")
        assert page.locator(".leaflet-pgGrid-pane path.pg-grid").count() >= 1
        view.overlay("Rumah sakit").first.click()
        view.zoom_to_region(0)
        view.click_region(0)  # the kab/kota still open their popup over the grid
        view.popup_text()
        view.overlay("Grid H3").click()
        opacities = page.locator(".leaflet-pgWilayah-pane path").evaluate_all(
            "ps => [...new Set(ps.map(p => p.getAttribute('fill-opacity')))]")
        assert opacities == ["0.85"]
        page.screenshot(path=str(ARTIFACTS / "bengkulu-grid.png"))
        assert view.errors() == [] and view.blocked == []


SIZES = [(1366, 768), (1024, 600), (390, 844)]


def _corner_regions(view: Page) -> list[int]:
    """The kab/kota at the four corners of the data and the east- and westmost ones."""
    return view.map_eval(
        "const pts = P.data.wil.pt; const idx = pts.map((p, i) => i);"
        " const by = f => idx.reduce((a, b) => f(pts[a]) >= f(pts[b]) ? a : b);"
        " return [...new Set([by(p => p[1]), by(p => -p[1]), by(p => p[0] + p[1]),"
        " by(p => p[0] - p[1]), by(p => -p[0] + p[1]), by(p => -p[0] - p[1])])];")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_popups_pan_clear_of_the_panels(browser: Any, national: dict[str, Path],
                                        size: tuple[int, int]) -> None:
    with Page(browser, national["index.html"], size=size) as view:
        for i in _corner_regions(view):
            view.open_region_popup(i)
            name = view.map_eval("return P.data.wil.nama[arg];", i)
            assert view.popup_close_clear(), (size, name)  # nothing covers the close button
            pop = view.box(".leaflet-popup-content-wrapper")
            assert pop["x"] >= 0 and pop["y"] >= 0, (size, name, pop)
            assert pop["x"] + pop["width"] <= size[0] and pop["y"] + pop["height"] <= size[1]
            for sel, b in view.panel_boxes().items():
                assert not overlap(pop, b), (size, name, sel)
            view.page.locator(".leaflet-popup-close-button").click()  # a real click closes it
            view.page.wait_for_function(  # (it fades out, then goes)
                "() => !document.querySelector('.leaflet-popup')", timeout=5_000)
            assert view.page.locator(".leaflet-popup").count() == 0, (size, name)
        assert view.errors() == [] and view.blocked == []


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_first_view_keeps_the_data_clear_of_the_panels(browser: Any, national: dict[str, Path],
                                                       bengkulu: dict[str, Path],
                                                       size: tuple[int, int]) -> None:
    for name, files in (("nasional", national), ("bengkulu", bengkulu)):
        with Page(browser, files["index.html"], size=size) as view:
            # every kab/kota (Papua, the eastmost, included) on screen and under no panel
            boxes = view.map_eval(
                "const r = m.getContainer().getBoundingClientRect();"
                " return P.regions.map(p => { const b = p.getBounds();"
                " const a = m.latLngToContainerPoint(b.getNorthWest());"
                " const c = m.latLngToContainerPoint(b.getSouthEast());"
                " return {x: r.left + a.x, y: r.top + a.y, width: c.x - a.x,"
                " height: c.y - a.y}; });")
            names = view.map_eval("return P.data.wil.nama;")
            panels = view.panel_boxes()
            for box, nama in zip(boxes, names, strict=True):
                assert box["x"] >= 0 and box["x"] + box["width"] <= size[0], (name, nama, box)
                assert box["y"] >= 0 and box["y"] + box["height"] <= size[1], (name, nama, box)
                for sel, b in panels.items():
                    assert not overlap(box, b), (name, size, nama, sel)
            # the panels fold on a short screen (at most 700 px high) or a narrow one
            short = size[1] <= 700 or size[0] < 700
            for sel in (".pg-legend", ".pg-summary"):
                opened = view.page.locator(f"{sel} details.pg-fold").first.evaluate(
                    "d => d.open")
                assert opened is (not short), (name, size, sel)
            collapsed = view.page.locator(".leaflet-control-layers-expanded").count() == 0
            assert collapsed is short, (name, size)
            assert view.errors() == [] and view.blocked == []


def test_neighbours_drawn_whole_in_the_first_view(browser: Any,
                                                  bengkulu: dict[str, Path]) -> None:
    # the grey neighbours are drawn at once for the view the page opens on, not cut to a
    # rectangle: points inside Sumatera Selatan and Lampung, away from the panels, are grey
    import io

    import numpy as np
    from PIL import Image

    with Page(browser, bengkulu["index.html"], size=(1366, 768)) as view:
        page = view.page
        page.evaluate("() => document.querySelectorAll('.leaflet-control-container')"
                      ".forEach(e => e.style.display = 'none')")
        points = view.map_eval(
            "return arg.map(ll => { const p = m.latLngToContainerPoint(ll);"
            " return [Math.round(p.x), Math.round(p.y)]; });",
            [[-3.6, 104.6], [-4.3, 103.9], [-4.9, 105.2], [-2.9, 103.6]])
        img = np.asarray(Image.open(io.BytesIO(page.screenshot())).convert("RGB"))
        inside = [(x, y) for x, y in points if 0 <= x < 1366 and 0 <= y < 768]
        assert len(inside) >= 3, points
        grey = [tuple(int(c) for c in img[y, x]) for x, y in inside]
        assert all(g == (217, 217, 217) for g in grey), list(zip(inside, grey, strict=True))


def test_picker_keeps_its_text_on_a_phone(browser: Any, national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"], size=(390, 844)) as view:
        picker = view.page.locator("select.pg-pick")
        title = view.box(".pg-titlebox")
        b = picker.bounding_box()
        assert b["x"] + b["width"] <= title["x"] + title["width"]  # within its panel
        assert picker.get_attribute("title") == "Seluruh Indonesia \u2013 pilih provinsi\u2026"
        picker.select_option(label="Kepulauan Bangka Belitung")
        assert picker.get_attribute("title") == "Kepulauan Bangka Belitung"
        assert view.errors() == []


def test_legend_and_travel_model_follow_the_layer(browser: Any,
                                                  national: dict[str, Path]) -> None:
    with Page(browser, national["index.html"]) as view:
        page = view.page
        legend = page.locator(".pg-legend")
        heading = page.locator(".pg-legend .pg-leg-var")
        assert "strata minimal Madya" in heading.inner_text()
        assert page.locator(".pg-legend .pg-leg-strata").is_visible()
        assert not page.locator(".pg-legend .pg-leg-fas").is_visible()
        # the minutes' model and its assumptions, in the legend and under the summary
        for sel in (".pg-legend .pg-travel", ".pg-summary .pg-travel"):
            text = page.locator(sel).inner_text()
            assert "model sederhana" in text and "40 km/jam" in text and "1,3" in text, sel
            assert "penyeberangan laut tidak dimodelkan" in text, sel
        view.show_layer("Hemodialisis")
        text = heading.inner_text()
        assert "RS dengan layanan hemodialisis (RS Online 2020)" in text
        assert "strata" not in text
        assert not page.locator(".pg-legend .pg-leg-strata").is_visible()
        assert page.locator(".pg-legend .pg-leg-fas").is_visible()
        assert "RS yang melaporkan layanan (bukan strata)" in legend.inner_text()
        view.show_layer(re.compile(r"^\s*Stroke\s*$"))
        assert "strata minimal Madya" in heading.inner_text()
        assert page.locator(".pg-legend .pg-leg-strata").is_visible()
        assert view.errors() == [] and view.blocked == []
