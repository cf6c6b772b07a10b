"""Official-source boundaries downloaded once into the cache (geoBoundaries gbOpen).

:func:`download_boundaries` is what ``load_regions(source="geoboundaries")``
and ``pengampuan boundaries download`` use; the file it returns is read and
matched like any user file.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ._common import Level, _check_choice

#: geoBoundaries API (gbOpen) per ADM level; answers JSON with ``gjDownloadURL``.
GEOBOUNDARIES_API = "https://www.geoboundaries.org/api/current/gbOpen/IDN/{adm}/"
_ADM = {"provinsi": "ADM1", "kabkota": "ADM2"}


def download_boundaries(level: Level = "kabkota", *, source: str = "geoboundaries",
                        url: str | None = None, sha256: str | None = None,
                        size: int | None = None) -> Path:
    """Download official-source boundaries into the cache (once) and return the file.

    ``source='geoboundaries'`` asks the geoBoundaries API (gbOpen, IDN
    ``ADM1``/``ADM2``) for its GeoJSON. That edition is the 2020 BPS/OCHA one
    (34-province era, CC BY 3.0 IGO) without Kemendagri codes:
    :func:`load_regions` matches it by name. A later call finds the file in
    the cache (``settings.cache_dir``) without touching the network; with
    ``settings.offline`` only the cache is used.

    Parameters
    ----------
    level : {'kabkota', 'provinsi'}
        ADM2 or ADM1.
    source : {'geoboundaries'}
        The source (only geoBoundaries for now).
    url : str, optional
        Download this file instead of asking the API (e.g. a mirror).
    sha256, size : optional
        Expected SHA-256 (hex) and size in bytes, checked when given.

    Returns
    -------
    pathlib.Path
        The cached file.

    Raises
    ------
    DownloadError
        Offline without a cached copy, the server unreachable or failing,
        or the file not as expected. The message says how to pass a file instead.

    Examples
    --------
    >>> from pengampuan.config import settings
    >>> settings.offline, settings.cache_dir.name  # doctest: +SKIP
    (False, 'pengampuan')
    """
    from ..datasets import cached_download, cached_path, fetch_json
    from ..errors import DownloadError

    _check_choice("level", level, tuple(_ADM))
    _check_choice("source", source, ("geoboundaries",))
    adm = _ADM[level]
    # the cache is keyed by the full URL: the API's for geoBoundaries (its answer names the
    # file, which may change), the file's own for url=
    name = f"geoBoundaries-IDN-{adm}.geojson" if url is None else \
        f"{adm}-{Path(urlsplit(url).path).name or 'boundaries.geojson'}"
    hint = (f"instead, pass a boundary file you already have: "
            f"load_regions({level!r}, source='path/to/file.geojson') or "
            f"`pengampuan report --boundaries path/to/file.geojson`")
    key = None
    if url is None:
        api = GEOBOUNDARIES_API.format(adm=adm)
        key = api
        cached = cached_path(name, sha256=sha256, size=size, url=api)
        if cached is not None:
            return cached
        try:
            meta = fetch_json(api)
        except DownloadError as err:
            raise DownloadError(f"{err}; {hint}") from err
        url = meta.get("gjDownloadURL") if isinstance(meta, dict) else None
        if not url:
            raise DownloadError(f"{api} answered without 'gjDownloadURL'; the API changed. "
                                f"Pass url= (CLI --url), {hint}")
    try:
        return cached_download(str(url), name=name, sha256=sha256, size=size, key=key)
    except DownloadError as err:
        raise DownloadError(f"{err}; {hint}") from err
