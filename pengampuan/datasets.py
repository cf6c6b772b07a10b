"""Bundled data files and the download cache.

The bundled tables and boundaries live in the repository's top-level ``data/``
folder, which the wheel ships as the pseudo-package ``pengampuan.data``.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

logger = logging.getLogger(__name__)


def bundled_data_dir() -> Path:
    """Folder holding the bundled data (from an installed wheel or a checkout).

    Examples
    --------
    >>> (bundled_data_dir() / "rumah_sakit.csv").is_file()
    True
    """
    try:
        root = resources.files("pengampuan.data")
        path = Path(str(root))
        if (path / "rumah_sakit.csv").is_file():
            return path
    except (ModuleNotFoundError, TypeError):  # plain checkout without installation
        pass
    checkout = Path(__file__).resolve().parent.parent / "data"
    if (checkout / "rumah_sakit.csv").is_file():
        return checkout
    raise FileNotFoundError(
        "the bundled data of pengampuan was not found (neither in the installed package nor "
        f"in {checkout}); reinstall the package"
    )
