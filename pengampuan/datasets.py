"""Bundled data files and the download cache.

The bundled tables and boundaries live in the repository's top-level ``data/``
folder, which the wheel ships as the pseudo-package ``pengampuan.data``.

Downloads (optional extras: the bundled data covers every example and test) go
through :func:`cached_download`: explicit timeouts (``settings.timeout_s``),
retries with exponential backoff on connection errors, timeouts and HTTP 5xx
(``settings.retries``), size and SHA-256 checks when known, and atomic writes
(``<name>.<pid>.part``, then ``os.replace``) into ``settings.cache_dir``, so the
cache never holds a partial or corrupt file. ``settings.offline`` serves the
cache only.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import time
from importlib import resources
from pathlib import Path
from typing import IO, Any

import requests

from .config import settings
from .errors import DownloadError

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


def bundled_file(name: str) -> Path:
    """Path of one bundled data file (``data/<name>``), from an installed wheel or a checkout.

    Raises
    ------
    FileNotFoundError
        If the file is not bundled.

    Examples
    --------
    >>> bundled_file("batas_provinsi.geojson").name
    'batas_provinsi.geojson'
    """
    candidates: list[Path] = []
    try:
        candidates.append(Path(str(resources.files("pengampuan.data"))) / name)
    except (ModuleNotFoundError, TypeError):  # plain checkout without installation
        pass
    candidates.append(Path(__file__).resolve().parent.parent / "data" / name)
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"the bundled data file {name!r} was not found (looked in "
        f"{', '.join(str(c.parent) for c in candidates)}); reinstall the package"
    )


#: First wait between download attempts, doubled after each failure (seconds).
BACKOFF_S = 1.0
#: Bytes read and written at a time while downloading.
CHUNK_BYTES = 1 << 16
#: HTTP status codes worth retrying (server-side, usually temporary).
RETRY_STATUS = frozenset({500, 502, 503, 504})


class _Retryable(Exception):
    """A failure worth another attempt (connection, timeout, 5xx, short body)."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_name(name: str) -> None:
    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError(f"name={name!r} must be a plain file name (no folders), e.g. "
                         "'boundaries.geojson'")


def cached_path(name: str, *, sha256: str | None = None, size: int | None = None) -> Path | None:
    """The cached file ``settings.cache_dir / name`` if present and as expected, else None.

    A cached file whose size or checksum differs from the expected one is
    ignored (and logged), so it is downloaded again.

    Examples
    --------
    >>> cached_path("no-such-file.geojson") is None
    True
    """
    _check_name(name)
    target = settings.cache_dir / name
    if not target.is_file():
        return None
    if size is not None and target.stat().st_size != size:
        logger.warning("Cached %s has %d bytes, expected %d; downloading it again", target,
                       target.stat().st_size, size)
        return None
    if sha256 is not None and _sha256(target) != sha256.lower():
        logger.warning("Cached %s does not match its SHA-256; downloading it again", target)
        return None
    logger.info("Using cached %s", target)
    return target


def cached_download(url: str, *, name: str, sha256: str | None = None,
                    size: int | None = None) -> Path:
    """Download ``url`` into the cache as ``name`` (once) and return its path.

    A cached copy that matches ``sha256``/``size`` (when given) is returned
    without touching the network. Otherwise the file is fetched with
    ``settings.timeout_s`` per connect/read, retried ``settings.retries`` times
    with exponential backoff on connection errors, timeouts, HTTP 5xx and
    short bodies, checked against ``size``/``sha256`` and the server's
    Content-Length, and moved into place atomically.

    Parameters
    ----------
    url : str
        http(s) URL.
    name : str
        File name in ``settings.cache_dir``.
    sha256 : str, optional
        Expected SHA-256 of the file, hex.
    size : int, optional
        Expected size in bytes.

    Returns
    -------
    pathlib.Path
        ``settings.cache_dir / name``.

    Raises
    ------
    DownloadError
        Offline without a cached copy, HTTP 4xx, every attempt failed, a size or
        checksum mismatch, or the cache folder cannot be written. Nothing
        partial is left in the cache.

    Examples
    --------
    >>> from pengampuan.config import settings
    >>> settings.offline = True
    >>> cached_download("https://example.org/x.geojson", name="x-not-cached.geojson")
    Traceback (most recent call last):
    ...
    pengampuan.errors.DownloadError: x-not-cached.geojson is not in the cache (...) and offline ...
    >>> settings.reset()
    """
    hit = cached_path(name, sha256=sha256, size=size)
    if hit is not None:
        return hit
    target = settings.cache_dir / name
    if settings.offline:
        raise DownloadError(
            f"{name} is not in the cache ({target}) and offline mode is on "
            f"(settings.offline / PENGAMPUAN_OFFLINE); download {url} on a connected machine "
            f"and copy it to {target}"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DownloadError(
            f"cannot create the cache folder {target.parent} ({err.strerror or err}); set "
            "settings.cache_dir or the environment variable PENGAMPUAN_CACHE_DIR to a "
            "writable folder"
        ) from err
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        _with_retries(url, lambda: _fetch_to(url, part))
        got_size = part.stat().st_size
        if size is not None and got_size != size:
            raise DownloadError(
                f"{url}: received {got_size} bytes, expected {size}; the file at the source "
                "changed or the transfer was altered (check the URL and --size/size=)"
            )
        if sha256 is not None:
            got = _sha256(part)
            if got != sha256.lower():
                raise DownloadError(
                    f"{url}: checksum mismatch (SHA-256 {got}, expected {sha256.lower()}); "
                    "the file changed at the source or was corrupted in transit. If the source "
                    "changed on purpose, pass its new checksum (--sha256/sha256=)"
                )
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    logger.info("Downloaded %s to %s (%d bytes)", url, target, target.stat().st_size)
    return target


def fetch_json(url: str) -> Any:
    """GET a small JSON document with the same timeouts and retries as downloads.

    Raises
    ------
    DownloadError
        Offline, unreachable, HTTP error or not JSON.
    """
    if settings.offline:
        raise DownloadError(f"cannot ask {url}: offline mode is on (settings.offline / "
                            "PENGAMPUAN_OFFLINE)")

    def once() -> Any:
        with _get(url) as resp:
            body = resp.content
        try:
            return json.loads(body)
        except ValueError as err:
            raise DownloadError(f"{url}: the answer is not JSON ({err})") from err

    return _with_retries(url, once)


def _get(url: str) -> requests.Response:
    try:
        resp = requests.get(url, stream=True, timeout=(settings.timeout_s, settings.timeout_s),
                            headers={"User-Agent": "pengampuan (+https://github.com/pengampuan)"})
    except requests.Timeout as err:
        raise _Retryable(f"no answer within {settings.timeout_s:g} s (settings.timeout_s)") \
            from err
    except requests.ConnectionError as err:
        raise _Retryable(f"cannot connect ({_short(err)})") from err
    if resp.status_code in RETRY_STATUS:
        resp.close()
        raise _Retryable(f"server error HTTP {resp.status_code} {resp.reason}")
    if resp.status_code >= 400:
        resp.close()
        raise DownloadError(f"{url}: HTTP {resp.status_code} {resp.reason}; check the URL "
                            "(the file may have moved)")
    return resp


def _write_chunk(fh: IO[bytes], chunk: bytes) -> None:
    fh.write(chunk)


def _fetch_to(url: str, part: Path) -> None:
    with _get(url) as resp:
        expected = resp.headers.get("Content-Length")
        encoded = resp.headers.get("Content-Encoding", "identity") not in ("identity", "")
        received = 0
        try:
            with part.open("wb") as fh:
                for chunk in resp.iter_content(CHUNK_BYTES):
                    try:
                        _write_chunk(fh, chunk)
                    except OSError as err:
                        full = err.errno == errno.ENOSPC
                        raise DownloadError(
                            f"writing {part} failed ({err.strerror or err})"
                            + ("; the disk is full" if full else "")
                            + f": free space in {part.parent} or set settings.cache_dir / "
                            "PENGAMPUAN_CACHE_DIR to another folder"
                        ) from err
                    received += len(chunk)
        except requests.Timeout as err:
            raise _Retryable(f"the server stopped sending for more than "
                             f"{settings.timeout_s:g} s after {received} bytes "
                             "(settings.timeout_s)") from err
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as err:
            of = f" of {expected}" if expected else ""
            raise _Retryable(f"the connection broke off after {received}{of} bytes "
                             f"({_short(err)})") from err
    if expected is not None and not encoded and received != int(expected):
        raise _Retryable(f"the body ended after {received} of {expected} bytes")


def _with_retries(url: str, action: Any) -> Any:
    attempts = settings.retries + 1
    reason = ""
    for attempt in range(attempts):
        try:
            return action()
        except _Retryable as err:
            reason = str(err)
            if attempt + 1 < attempts:
                wait_s = BACKOFF_S * 2**attempt
                logger.info("%s: %s; retrying in %.1f s (%d/%d)", url, reason, wait_s,
                            attempt + 1, attempts - 1)
                time.sleep(wait_s)
    raise DownloadError(f"{url}: {reason} ({attempts} attempt(s); settings.retries, "
                        "settings.timeout_s)")


def _short(err: BaseException) -> str:
    """The innermost reason of a requests/urllib3 error, in a few words."""
    inner: BaseException = err
    seen = 0
    while seen < 6:
        nxt = inner.args[0] if inner.args and isinstance(inner.args[0], BaseException) else \
            getattr(inner, "reason", None) or inner.__cause__ or inner.__context__
        if not isinstance(nxt, BaseException) or nxt is inner:
            break
        inner, seen = nxt, seen + 1
    text = str(inner)
    if ": " in text and "Errno" in text:
        text = text[text.index("[Errno"):] if "[Errno" in text else text
    return text[:160]
