"""pengampuan: geospatial analysis of Indonesia's hospital referral networks (KJSU).

The public API (see the README) is re-exported here; submodules are imported
on first use so that ``import pengampuan`` stays fast.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

# public name -> submodule that defines it
_EXPORTS: dict[str, str] = {
    # config / errors
    "Config": "config", "load_config": "config", "settings": "config",
    "KJSU": "config", "LAYANAN": "config", "STRATA": "config",
    "BUKTI": "config", "DEFAULT_BUKTI": "config", "FASILITAS": "config",
    "LOKASI_PRESISI": "config", "APPROX_LOKASI": "config", "is_approx_lokasi": "config",
    "PengampuanError": "errors", "DataFileError": "errors", "RegionMatchError": "errors",
    "NetworkError": "errors", "CRSError": "errors", "DownloadError": "errors",
    "PengampuanWarning": "errors",
    # geometry
    "great_circle_km": "geo",
    # data
    "Dataset": "dataset",
    "load_dataset": "io", "read_rumah_sakit": "io", "read_layanan": "io",
    "read_jejaring": "io", "read_wilayah": "io", "read_fasilitas": "io",
    "validate": "validate", "ValidationReport": "validate",
    "bundled_data_dir": "datasets", "cached_download": "datasets",
    # regions
    "load_regions": "regions", "match_regions": "regions", "simplify_coverage": "regions",
    "assign_regions": "regions", "download_boundaries": "regions",
    "MatchReport": "regions", "read_boundary_file": "regions",
    # network
    "build_network": "network", "network_view": "network", "network_summary": "network",
    "network_checks": "network", "province_network": "network", "propose_network": "network",
    "write_graphml": "network", "read_graphml": "network", "links_geodataframe": "network",
    # access
    "nearest_hospital": "access", "district_access": "access", "access_grid": "access",
    "land_cells": "access", "province_access_grid": "access", "demand_points": "demand",
    "travel_time_simple": "travel", "sea_aware_travel": "travel",
    "build_travel_graph": "travel", "TravelGraph": "travel",
    "target_gaps": "coverage", "target_summary": "coverage", "upgrade_scenario": "coverage",
    "recommend_upgrades": "coverage", "dialysis_burden": "coverage",
    "compare_status": "coverage", "ScenarioResult": "coverage",
    "two_step_fca": "fca",
    # maps / export
    "map_access": "maps", "map_network": "maps", "map_coverage": "maps",
    "to_geojson": "export", "write_report": "export",
    # office outputs: files by extension, Excel, GeoPackage for QGIS, static figures
    "to_file": "export", "to_csv": "export", "to_shapefile": "export",
    "to_excel": "export", "to_geopackage": "export",
    "plot_access": "export", "plot_network": "export", "plot_coverage": "export",
    "plot_within_threshold": "export", "plot_targets": "export",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pengampuan' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


class _Package(types.ModuleType):
    """Keep ``pengampuan.validate`` the function once its submodule is imported.

    Importing a submodule sets it as an attribute of the package, which would
    hide the public function of the same name (``pg.validate``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
