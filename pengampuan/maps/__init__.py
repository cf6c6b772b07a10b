"""Folium maps of access, coverage and the pengampuan network, nationally or for one province.

Three public functions return a :class:`folium.Map` (shown inline in Jupyter,
saved with ``m.save("peta.html")``):

- :func:`map_access`: choropleth of the estimated travel time (or distance) to
  the nearest capable hospital per kab/kota, hospitals by strata, referral links;
- :func:`map_network`: hospitals and referral links (pengampu -> diampu) on land;
- :func:`map_coverage`: kab/kota meeting the national targets or not.

Every map has one layer per layanan (switched in the layer control), a legend
with units, a summary panel, the sources of its data, the date and version it
was made with and, when illustrative rows are shown, a visible "data contoh"
notice. ``provinsi=`` (a code or a name) makes a province map: its kab/kota,
its hospitals and the partners outside linked to them, the neighbouring
provinces as grey context, its own summary and a table of its kab/kota. Labels
are in Bahasa Indonesia, or English with ``lang="en"``.

How the page is built, and why:

- **Offline by default.** Leaflet (vendored in ``pengampuan/static`` with its
  licence) and the page's own script and style (``static/page.js``,
  ``static/page.css``) are inlined, so a saved map opens with no network;
  ``offline=False`` links Leaflet from a CDN instead (not when
  ``settings.offline`` / ``PENGAMPUAN_OFFLINE`` is on). Background tiles are
  requested only when the user switches them on, with a referrer policy that
  tile servers accept, so they never delay the page.
- **Small pages.** Polygons are embedded once for all layanan as delta-encoded
  integers (:mod:`.layers`); hospitals, links and popups are compact records
  joined into HTML by the page script. A national access map is about 1 MB.
- **Escaped text.** Every value from data is escaped in Python (:mod:`.text`)
  before it is embedded; the page never builds HTML from raw data, and only
  http(s) URLs become links. The data are embedded as JSON with ``<``, ``>``,
  ``&``, ``'`` and template braces escaped.

Modules: :mod:`.api` (the public functions), :mod:`.page` (assembly, assets),
:mod:`.layers` (layer data), :mod:`.scope` (province scope), :mod:`.text`
(words in id/en, popups, legends, summaries).
"""

from __future__ import annotations

from .api import DATA_SOURCES, map_access, map_coverage, map_network
from .layers import BIN_COLOURS as _BIN_COLOURS
from .layers import bin_colours
from .layers import dissolve_provinces as _dissolve_provinces
from .page import LEAFLET_VERSION, STATIC_DIR, check_offline, inline_assets
from .text import BIN_EDGES as _BIN_EDGES
from .text import bin_labels

__all__ = ["map_access", "map_network", "map_coverage", "DATA_SOURCES", "inline_assets",
           "check_offline", "bin_colours", "bin_labels", "LEAFLET_VERSION", "STATIC_DIR"]

_ = (_BIN_COLOURS, _BIN_EDGES, _dissolve_provinces)  # kept for callers of the former module
