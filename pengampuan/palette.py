"""Colours and class edges shared by the web maps, the static figures and the QGIS styles.

Display choices, not policy: kept in one ground-floor module so that
:mod:`pengampuan.maps`, :mod:`pengampuan.export.figures` and :mod:`pengampuan.export.gpkg`
draw the same classes in the same colours (ColorBrewer schemes, colour-blind safe).
"""

from __future__ import annotations

from branca.utilities import color_brewer

__all__ = ["BIN_EDGES", "BIN_COLOURS", "COLOUR_NONE", "COLOUR_NODATA", "COLOUR_MET",
           "COLOUR_NOT_MET", "COLOUR_LAND", "STRATA_RADIUS_PX", "STRATA_COLOURS",
           "COLOUR_FASILITAS", "COLOUR_APPROX"]

#: Class edges of the choropleth, in the unit of the variable.
BIN_EDGES: dict[str, tuple[float, ...]] = {
    "travel_min": (30.0, 60.0, 120.0, 240.0, 480.0, 960.0),
    "distance_km": (25.0, 50.0, 100.0, 200.0, 400.0, 800.0),
}
#: ColorBrewer YlOrRd: light = near, dark = far (one colour per class: edges + 1).
BIN_COLOURS: tuple[str, ...] = tuple(color_brewer("YlOrRd", 7))
COLOUR_NONE = "#9e9e9e"  # no capable hospital at all (distance inf)
COLOUR_NODATA = "#f2f2f2"  # kab/kota without a value
COLOUR_MET = "#c2e4b8"  # coverage map: target met (light green) ...
COLOUR_NOT_MET = "#f1a340"  # ... or not (orange), both light enough for the blue markers
COLOUR_LAND = "#f3efe6"  # network map: land
#: Marker radius (px) and fill colour per strata rank (0 = dasar ... 3 = paripurna).
STRATA_RADIUS_PX: tuple[float, ...] = (4.0, 5.5, 7.0, 9.0)
STRATA_COLOURS: tuple[str, ...] = tuple(color_brewer("Blues", 6)[2:])
#: Hospitals that report a service (fasilitas layers; not strata): purple, apart from the
#: blue strata markers.
COLOUR_FASILITAS = "#6a3d9a"
#: Approximate points: the outline of placeholder hospitals and of the regions whose
#: figures rest on them (dotted).
COLOUR_APPROX = "#08306b"
