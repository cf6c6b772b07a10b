"""Page assembly: the folium map, its scripts and styles (inlined or from a CDN), the data.

The page is a :class:`folium.Map` with no folium layers of its own: the page
script ``static/page.js`` (with ``static/page.css``) draws every layer from
one JSON object, so the HTML holds each polygon once and the data are never
read as a template. Leaflet is vendored in ``static/`` (BSD-2-Clause); it is
inlined unless the caller asks for a CDN.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
import logging
import re
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure
from folium.template import Template

from ..config import settings
from .text import TEXT, esc

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
#: Leaflet version vendored in ``static/`` (npm package ``leaflet``, BSD-2-Clause).
LEAFLET_VERSION = "1.9.4"
_LEAFLET_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist"

#: Background tiles: OpenStreetMap standard tiles (no API key needed), only on request.
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTR = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
#: Referrer policy of the page and its tile requests (OpenStreetMap's tile policy asks
#: for a referrer; this sends the page's origin, never its path, across sites).
REFERRER_POLICY = "strict-origin-when-cross-origin"
#: Zoom from which the kab/kota names are written on a national map (a province map
#: writes them from LABEL_ZOOM_PROVINCE, the zoom that shows a large province whole).
LABEL_ZOOM = 8
LABEL_ZOOM_PROVINCE = 6

_FIGURE_TEMPLATE = Template(
    "<!DOCTYPE html>\n"
    '<html lang="{{ this.pg_lang }}">\n'
    "<head>\n"
    "{% if this.title %}<title>{{this.title}}</title>{% endif %}"
    "    {{this.header.render(**kwargs)}}\n"
    "</head>\n"
    "<body>\n"
    "    {{this.html.render(**kwargs)}}\n"
    "</body>\n"
    "<script>\n"
    "    {{this.script.render(**kwargs)}}\n"
    "</script>\n"
    "</html>\n",
)


class Raw(Element):
    """Text inserted as is (branca re-parses macro output as a template; this does not)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        """The text."""
        return self._text


def resolve_offline(offline: bool | None) -> bool:
    """Inline the assets unless the caller asks for a CDN and settings allow the network."""
    if offline is None:
        return True
    if not offline and settings.offline:
        logger.info("settings.offline (PENGAMPUAN_OFFLINE) is on: inlining the map's scripts "
                    "instead of linking them from a CDN")
        return True
    return bool(offline)


def inline_assets(m: folium.Map, *, offline: bool = True) -> folium.Map:
    """
    Use only Leaflet's script and stylesheet, inlined (``offline=True``) or from a CDN.

    folium links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs. The
    maps of this package need only Leaflet: this drops the others and, offline,
    embeds the vendored Leaflet (``pengampuan/static``, BSD-2-Clause) in the
    page, so the saved HTML opens with no network. Plugins that load their own
    scripts from a CDN are not covered (the maps here use none).

    Parameters
    ----------
    m : folium.Map
        The map; changed in place and returned (a map is a mutable document).
    offline : bool
        Inline the assets (True) or link them from jsDelivr (False).

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> import folium
    >>> html = inline_assets(folium.Map(tiles=None)).get_root().render()
    >>> "<script src=" in html, "L.map(" in html
    (False, True)
    """
    figure = m.get_root()
    if not isinstance(figure, Figure):  # pragma: no cover - folium always makes a Figure
        raise TypeError("the map has no folium Figure")
    if offline:
        m.default_js = []
        m.default_css = []
        figure.header.add_child(Raw(f"<style>{_leaflet_css()}</style>"), name="pg_leaflet_css")
        figure.header.add_child(Raw(f"<script>{_leaflet_js()}</script>"), name="pg_leaflet_js")
    else:
        m.default_js = [("leaflet", f"{_LEAFLET_CDN}/leaflet.js")]
        m.default_css = [("leaflet_css", f"{_LEAFLET_CDN}/leaflet.css")]
    return m


_EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE)


def check_offline(page: str) -> None:
    """
    Raise if an HTML page loads a script, stylesheet or frame from the network.

    Background tiles are requested by Leaflet at run time (only when switched
    on) and are not checked.

    Examples
    --------
    >>> check_offline("<script>var a = 1;</script>")
    >>> check_offline('<script src="https://cdn.example/x.js"></script>')
    Traceback (most recent call last):
    ...
    ValueError: the page is not self-contained: it loads <script src="https://cdn.example/x.js"> ...
    """
    found = _EXTERNAL.search(page)
    if found:
        end = page.find(">", found.start())
        raise ValueError(f"the page is not self-contained: it loads {page[found.start():end + 1]}"
                         " from the network; pass offline=False or remove that element")


def js_json(obj: Any) -> str:
    """Compact JSON safe to embed in a <script> (and never read as a template)."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    s = (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
         .replace("'", "\\u0027").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    # '{{', '{%' and '{#' only occur inside JSON strings (never in JSON syntax)
    return re.sub(r"\{(?=[{%#])", r"\\u007b", s)


def made_line(lang: str) -> str:
    """"Dibuat <date> dengan pengampuan <version>"."""
    from .. import __version__

    return TEXT[lang]["made"].format(date=_dt.date.today().isoformat(), version=esc(__version__))


def assemble(*, title: str, lang: str, bounds: list[list[float]], data: dict[str, Any],
             panels: dict[str, str], offline: bool) -> folium.Map:
    """The folium map of one page: assets, data and the call of the page script."""
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    m = folium.Map(location=centre, zoom_start=5, tiles=None, zoom_control="bottomright",
                   control_scale=False, zoom_snap=0.25, zoom_delta=0.5, prefer_canvas=False)
    inline_assets(m, offline=offline)
    fig = m.get_root()
    if not isinstance(fig, Figure):  # pragma: no cover
        raise TypeError("the map has no folium Figure")
    fig.title = esc(title)
    fig.pg_lang = lang  # type: ignore[attr-defined]
    fig._template = _FIGURE_TEMPLATE
    from .. import __version__

    fig.header.add_child(Raw(
        f'<meta name="referrer" content="{REFERRER_POLICY}">'
        f'<meta name="generator" content="pengampuan {esc(__version__)}">'), name="pg_meta")
    fig.header.add_child(Raw(f"<style>{_static_text('page.css')}</style>"), name="pg_page_css")
    fig.header.add_child(Raw(f"<script>{_static_js('page.js')}</script>"), name="pg_page_js")
    data = {"labelZoom": LABEL_ZOOM, **data, "bounds": bounds,
            "tiles": {"url": TILE_URL, "attr": TILE_ATTR}}
    call = (f"(function () {{\n  var D = {js_json(data)};\n  var P = {js_json(panels)};\n"
            f"  pengampuanPage({m.get_name()}, D, P);\n}})();\n")
    m.add_child(_Call(call))
    return m


class _Call(Element):
    """The call of the page script, placed after folium's map creation."""

    def __init__(self, js: str) -> None:
        super().__init__()
        self._name = "PgPage"
        self.js = js

    def render(self, **kwargs: Any) -> str:
        """Add the call to the page's script block."""
        figure = self.get_root()
        if not isinstance(figure, Figure):  # pragma: no cover
            raise TypeError("the page script needs a folium Figure")
        figure.script.add_child(Raw(self.js), name=self.get_name())
        return ""


def _static_text(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _static_js(name: str) -> str:
    text = _static_text(name)
    text = re.sub(r"//# sourceMappingURL=\S+\s*$", "", text)
    return text.replace("</script", "<\\/script")


def _leaflet_js() -> str:
    return _static_js("leaflet.js")


def _leaflet_css() -> str:
    css = _static_text("leaflet.css")

    def data_uri(mo: re.Match[str]) -> str:
        path = STATIC_DIR / mo.group(1)
        if not path.is_file():  # pragma: no cover - the vendored set is complete
            return "url(data:,)"
        b64 = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{b64})"

    return re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri, css)
