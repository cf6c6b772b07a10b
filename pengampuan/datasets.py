"""Bundled data files and the download cache.

The bundled tables and boundaries live in the repository's top-level ``data/``
folder, which the wheel ships as the pseudo-package ``pengampuan.data``.

Downloads (optional extras: the bundled data covers every example and test) go
through :func:`cached_download`: a cache keyed by the full URL, explicit timeouts
(``settings.timeout_s`` per wait, ``settings.deadline_s`` for the whole download),
retries with exponential backoff on connection errors, timeouts, HTTP 5xx and 429
(``settings.retries``; ``Retry-After`` honoured up to a bound), size, SHA-256 and
content checks (no HTML error page, error JSON, empty body or truncated archive
enters the cache), and atomic writes (``<name>.<pid>.part``, then ``os.replace``;
stale ``.part`` files of killed downloads are removed) into ``settings.cache_dir``,
so the cache never holds a partial or corrupt file. ``settings.offline`` serves
the cache only. Every failure is a :class:`~pengampuan.errors.DownloadError` that
names the URL.
"""

from __future__ import annotations

import contextlib
import datetime
import email.utils
import errno
import hashlib
import json
import logging
import os
import re
import socket
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import requests

from ._messages import msg
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
#: Longest wait a server may ask for with ``Retry-After`` (seconds); longer asks fail at once.
MAX_RETRY_AFTER_S = 120.0
#: Bytes read and written at a time while downloading.
CHUNK_BYTES = 1 << 16
#: HTTP status codes worth retrying (server busy or failing, usually temporary).
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
#: ``.part`` files older than this are removed even when their process may still run (s).
STALE_PART_S = 24 * 3600.0


class _Retryable(Exception):
    """A failure worth another attempt (connection, timeout, 5xx, 429, short body)."""

    def __init__(self, reason: str, *, wait_s: float | None = None) -> None:
        super().__init__(reason)
        self.wait_s = wait_s  # what the server asked for (Retry-After), if anything


class _Deadline:
    """The overall time limit of one download (``settings.deadline_s``), retries included."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False  # set by the watchdog when it cut a transfer

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def check(self, url: str, doing: str) -> None:
        if self.expired or self.remaining() <= 0:
            raise DownloadError(msg("download_deadline", url=url, seconds=self.seconds,
                                    doing=doing))


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


def cache_file(url: str, name: str | None = None) -> Path:
    """Where the download of ``url`` is cached: ``settings.cache_dir / <name with URL hash>``.

    The cache is keyed by the full URL (query string included): two URLs never
    share an entry even when their file names are the same. ``name`` (default:
    the URL's file name) keeps the file recognisable; the first 16 hex digits of
    the URL's SHA-256 go before its extension.

    Examples
    --------
    >>> a = cache_file("https://example.org/a/batas.geojson")
    >>> b = cache_file("https://example.org/b/batas.geojson?v=2")
    >>> a.name.startswith("batas.") and a.name.endswith(".geojson") and a != b
    True
    """
    base = name or Path(urlsplit(url).path).name or "download"
    _check_name(base)
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    head, dot, rest = base.partition(".")
    return settings.cache_dir / (f"{head}.{digest}.{rest}" if dot else f"{head}.{digest}")


def cached_path(name: str | None = None, *, sha256: str | None = None, size: int | None = None,
                url: str | None = None) -> Path | None:
    """The cached file of ``url`` (or ``settings.cache_dir / name``) if present and as expected.

    A cached file whose size or checksum differs from the expected one is
    ignored (and logged), so it is downloaded again.

    Examples
    --------
    >>> cached_path("no-such-file.geojson") is None
    True
    >>> cached_path(url="https://example.org/never-downloaded.geojson") is None
    True
    """
    if url is not None:
        target = cache_file(url, name)
    else:
        if name is None:
            raise ValueError("cached_path needs name= or url=")
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


def cached_download(url: str, *, name: str | None = None, sha256: str | None = None,
                    size: int | None = None, key: str | None = None) -> Path:
    """Download ``url`` into the cache (once) and return its path.

    The cache is keyed by the full URL (``key``, default ``url``; see
    :func:`cache_file`). A cached copy that matches ``sha256``/``size`` (when
    given) is returned without touching the network. Otherwise the file is
    fetched with ``settings.timeout_s`` per connect/read and an overall limit of
    ``settings.deadline_s`` for the whole download (a server that trickles bytes
    is cut off), retried ``settings.retries`` times with exponential backoff on
    connection errors, timeouts, HTTP 5xx/429 (honouring ``Retry-After`` up to
    :data:`MAX_RETRY_AFTER_S`) and short bodies, then checked before it enters
    the cache: the server's Content-Length, ``size``/``sha256``, and the content
    itself (an empty body, an HTML page, an error JSON, a truncated gzip or zip,
    or a GeoJSON that does not parse is refused). The file is written as
    ``<file>.<pid>.part`` and moved into place atomically; ``.part`` files left
    by a killed process are removed on the next download.

    Parameters
    ----------
    url : str
        http(s) URL.
    name : str, optional
        Readable file name in the cache (default: the URL's file name); its
        extension says what the content must be (``.geojson``, ``.json``,
        ``.zip``, ``.gz``, ``.gpkg``).
    sha256 : str, optional
        Expected SHA-256 of the file, hex.
    size : int, optional
        Expected size in bytes.
    key : str, optional
        The URL the cache entry is keyed by, when it differs from ``url`` (e.g.
        an API that answers with the download URL).

    Returns
    -------
    pathlib.Path
        The cached file (:func:`cache_file`).

    Raises
    ------
    DownloadError
        Offline without a cached copy, HTTP 4xx, a redirect loop, every attempt
        failed, the time limit passed, a size, checksum or content check failed,
        or the cache folder cannot be written. The message names the URL.
        Nothing partial is left in the cache.

    Examples
    --------
    >>> from pengampuan.config import settings
    >>> settings.offline = True
    >>> cached_download("https://example.org/x.geojson", name="x-not-cached.geojson")
    Traceback (most recent call last):
    ...
    pengampuan.errors.DownloadError: https://example.org/x.geojson: tidak ada di cache ...
    >>> settings.reset()
    """
    hit = cached_path(name, sha256=sha256, size=size, url=key or url)
    if hit is not None:
        return hit
    target = cache_file(key or url, name)
    if settings.offline:
        raise DownloadError(msg("download_offline", url=url, target=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DownloadError(msg("download_cache_folder", url=url, folder=target.parent,
                                reason=err.strerror or err)) from err
    clean_stale_parts(target.parent)
    deadline = _Deadline(settings.deadline_s)
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        _with_retries(url, lambda: _fetch_to(url, part, deadline), deadline)
        got_size = part.stat().st_size
        if size is not None and got_size != size:
            raise DownloadError(msg("download_size", url=url, got=got_size, size=size))
        if sha256 is not None:
            got = _sha256(part)
            if got != sha256.lower():
                raise DownloadError(msg("download_checksum", url=url, got=got,
                                        expected=sha256.lower()))
        check_content(part, url=url, name=target.name)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    logger.info("Downloaded %s to %s (%d bytes)", url, target, target.stat().st_size)
    return target


def clean_stale_parts(folder: Path) -> list[Path]:
    """Remove ``<file>.<pid>.part`` files whose process no longer runs (or older than a day).

    A download killed with SIGKILL (or a power cut) cannot remove its partial
    file; the next download does. Returns the files removed.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.geojson.999999999.part").write_bytes(b"{")
    >>> [p.name for p in clean_stale_parts(d)]
    ['a.geojson.999999999.part']
    """
    removed = []
    try:
        parts = list(folder.glob("*.part"))
    except OSError:
        return removed
    now = time.time()
    for path in parts:
        pid_text = path.name[:-len(".part")].rsplit(".", 1)[-1]
        try:
            old = now - path.stat().st_mtime > STALE_PART_S
        except OSError:
            continue
        alive = pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text))
        own = pid_text.isdigit() and int(pid_text) == os.getpid()
        if old or not (alive or own):
            try:
                path.unlink()
                removed.append(path)
                logger.info("Removed %s, left by an interrupted download", path)
            except OSError:
                pass
    return removed


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists (another user's process) or cannot tell: keep its file
    return True


# ---------------------------------------------------------------------------
# content checks
# ---------------------------------------------------------------------------
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")
_JSON_SUFFIXES = (".geojson", ".json", ".topojson")


def _kind_of_name(name: str) -> str:
    lower = name.lower()
    for suffix, kind in ((".geojson.gz", "gzip"), (".json.gz", "gzip"), (".gz", "gzip"),
                         (".zip", "zip"), (".gpkg", "gpkg"), (".geojson", "geojson"),
                         (".topojson", "json"), (".json", "json")):
        if lower.endswith(suffix):
            return kind
    return ""


def check_content(path: Path, *, url: str, name: str | None = None) -> None:
    """Refuse a downloaded file that is not what its name says (before it enters the cache).

    Always refused: an empty body and an HTML page (a server's error or login
    page answered with HTTP 200). By the name's extension: ``.geojson``/``.json``
    must be JSON (an error JSON such as ``{"error": ...}`` is refused) and a
    GeoJSON must parse with features; ``.zip`` must pass its CRC checks;
    ``.gz`` must be a complete gzip stream; ``.gpkg`` must be a SQLite file.

    Raises
    ------
    DownloadError
        Naming the URL and what the content is.
    """
    size = path.stat().st_size
    what = name or path.name
    if size == 0:
        raise DownloadError(msg("download_empty", url=url))
    with path.open("rb") as fh:
        head = fh.read(4096)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_START) or b"<html" in start[:512]:
        title = re.search(rb"<title[^>]*>(.*?)</title>", head, re.I | re.S)
        shown = title.group(1).decode("utf-8", "replace").strip()[:80] if title else ""
        raise DownloadError(msg("download_html", url=url, title=f" ({shown!r})" if shown else "",
                                expected=what))
    kind = _kind_of_name(what)
    if kind == "gpkg":
        if not head.startswith(b"SQLite format 3\x00"):
            raise DownloadError(msg("download_not_kind", url=url, expected=msg("kind_gpkg"),
                                    found=_describe(head)))
        return
    if head.startswith(b"\x1f\x8b") or kind == "gzip":
        _check_gzip(path, url)
        return
    if kind == "zip" or head.startswith(b"PK\x03\x04"):
        _check_zip(path, url)
        return
    if kind in ("geojson", "json"):
        if start[:1] not in (b"{", b"["):
            raise DownloadError(msg("download_not_kind", url=url, expected="JSON",
                                    found=_describe(head)))
        _check_json(path, url, size=size, geojson=kind == "geojson")


def _describe(head: bytes) -> str:
    text = head[:60].decode("utf-8", "replace")
    return msg("download_starts_with", text=text)


def _check_gzip(path: Path, url: str) -> None:
    decomp = zlib.decompressobj(wbits=31)
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                decomp.decompress(block, 1 << 16)
                while decomp.unconsumed_tail:
                    decomp.decompress(decomp.unconsumed_tail, 1 << 16)
    except zlib.error as err:
        raise DownloadError(msg("download_bad_gzip", url=url, reason=str(err))) from err
    if not decomp.eof:
        raise DownloadError(msg("download_bad_gzip", url=url,
                                reason="the stream ends before its end marker (truncated)"))


def _check_zip(path: Path, url: str) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise DownloadError(msg("download_bad_zip", url=url, reason=str(err))) from err
    if bad is not None:
        raise DownloadError(msg("download_bad_zip", url=url, reason=f"{bad} fails its CRC check"))


def _check_json(path: Path, url: str, *, size: int, geojson: bool) -> None:
    if size <= 1 << 20:  # small: parse it here, for a precise message
        try:
            doc = json.loads(path.read_bytes())
        except ValueError as err:
            raise DownloadError(msg("download_bad_json", url=url, reason=str(err))) from err
        if isinstance(doc, dict) and geojson and doc.get("type") not in _GEOJSON_TYPES:
            shown = json.dumps(doc, ensure_ascii=False)[:200]
            raise DownloadError(msg("download_error_json", url=url, shown=shown))
        if not geojson:
            return
    try:
        import pyogrio

        info = pyogrio.read_info(path)
    except Exception as err:  # noqa: BLE001 - any GDAL failure means: not a usable GeoJSON
        raise DownloadError(msg("download_bad_json", url=url, reason=_short(err))) from err
    if not info.get("features"):
        raise DownloadError(msg("download_no_features", url=url))


_GEOJSON_TYPES = frozenset({"FeatureCollection", "Feature", "Topology", "GeometryCollection",
                            "Polygon", "MultiPolygon"})


def fetch_json(url: str) -> Any:
    """GET a small JSON document with the same timeouts, retries and time limit as downloads.

    Raises
    ------
    DownloadError
        Offline, unreachable, HTTP error, past the time limit or not JSON.
    """
    if settings.offline:
        raise DownloadError(msg("download_offline_ask", url=url))
    deadline = _Deadline(settings.deadline_s)

    def once() -> Any:
        chunks: list[bytes] = []
        with _get(url, deadline) as resp, _watchdog(resp, deadline):
            try:
                for chunk in resp.iter_content(CHUNK_BYTES):
                    chunks.append(chunk)
            except (requests.RequestException, OSError) as err:
                deadline.check(url, msg("doing_reading"))
                raise _Retryable(msg("retry_broke_off", reason=_short(err))) from err
        deadline.check(url, msg("doing_reading"))
        body = b"".join(chunks)
        try:
            return json.loads(body)
        except ValueError as err:
            start = body[:200].decode("utf-8", "replace").strip()
            raise DownloadError(msg("download_not_json", url=url, reason=str(err),
                                    start=start[:80])) from err

    return _with_retries(url, once, deadline)


def _retry_after_s(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds())


def _get(url: str, deadline: _Deadline) -> requests.Response:
    deadline.check(url, msg("doing_connecting"))
    wait = max(0.01, min(settings.timeout_s, deadline.remaining()))
    try:
        resp = requests.get(url, stream=True, timeout=(wait, wait),
                            headers={"User-Agent": "pengampuan (+https://github.com/pengampuan)"})
    except requests.TooManyRedirects as err:
        raise DownloadError(msg("download_redirects", url=url, reason=_short(err))) from err
    except requests.Timeout as err:
        deadline.check(url, msg("doing_waiting"))
        raise _Retryable(msg("retry_no_answer", wait=wait)) from err
    except requests.ConnectionError as err:
        raise _Retryable(msg("retry_cannot_connect", reason=_short(err))) from err
    except (requests.RequestException, ValueError) as err:  # bad URL, schema, ...
        raise DownloadError(msg("download_bad_request", url=url, reason=_short(err))) from err
    if resp.status_code in RETRY_STATUS:
        asked = _retry_after_s(resp.headers.get("Retry-After"))
        resp.close()
        busy = msg("retry_busy") if resp.status_code == 429 else ""
        raise _Retryable(msg("retry_server_error", status=resp.status_code, reason=resp.reason,
                             busy=busy),
                         wait_s=asked)
    if resp.status_code >= 400:
        resp.close()
        raise DownloadError(msg("download_http", url=url, status=resp.status_code,
                                reason=resp.reason))
    return resp


@contextlib.contextmanager
def _watchdog(resp: requests.Response, deadline: _Deadline) -> Iterator[None]:
    """Cut the connection when the time limit passes, even in the middle of a blocked read."""

    def cut() -> None:
        deadline.expired = True
        sock = getattr(getattr(resp.raw, "connection", None), "sock", None)
        try:
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)
            else:  # pragma: no cover - another urllib3
                resp.close()
        except OSError:
            pass

    timer = threading.Timer(max(0.0, deadline.remaining()), cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _write_chunk(fh: IO[bytes], chunk: bytes) -> None:
    fh.write(chunk)


def _fetch_to(url: str, part: Path, deadline: _Deadline) -> None:
    with _get(url, deadline) as resp, _watchdog(resp, deadline):
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
                        raise DownloadError(msg(
                            "download_write", url=url, part=part, folder=part.parent,
                            reason=str(err.strerror or err),
                            full=msg("download_disk_full") if full else "")) from err
                    received += len(chunk)
                    if deadline.remaining() <= 0:
                        deadline.check(url, msg("doing_receiving", n=received))
        except requests.Timeout as err:
            deadline.check(url, msg("doing_receiving", n=received))
            raise _Retryable(msg("retry_stalled", wait=settings.timeout_s, n=received)) from err
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError, OSError) as err:
            if isinstance(err, DownloadError):
                raise
            deadline.check(url, msg("doing_receiving", n=received))
            of = msg("of_bytes", n=int(expected)) if expected else ""
            raise _Retryable(msg("retry_broke_off_after", n=received, of=of,
                                 reason=_short(err))) from err
    deadline.check(url, msg("doing_receiving", n=received))
    if expected is not None and not encoded and received != int(expected):
        raise _Retryable(msg("retry_body_short", n=received, expected=int(expected)))


def _with_retries(url: str, action: Any, deadline: _Deadline) -> Any:
    attempts = settings.retries + 1
    reason = ""
    for attempt in range(attempts):
        deadline.check(url, msg("doing_before_attempt", k=attempt + 1, reason=reason)
                       if reason else msg("doing_before_first"))
        try:
            return action()
        except _Retryable as err:
            reason = str(err)
            if attempt + 1 >= attempts:
                break
            wait_s = BACKOFF_S * 2**attempt
            if err.wait_s is not None:
                if err.wait_s > MAX_RETRY_AFTER_S or err.wait_s > deadline.remaining():
                    raise DownloadError(msg(
                        "download_retry_after", url=url, reason=reason, wait=err.wait_s,
                        limit=min(MAX_RETRY_AFTER_S, max(0.0, deadline.remaining())))) from err
                wait_s = err.wait_s
            wait_s = min(wait_s, max(0.0, deadline.remaining()))
            logger.info("%s: %s; retrying in %.1f s (%d/%d)", url, reason, wait_s,
                        attempt + 1, attempts - 1)
            time.sleep(wait_s)
    raise DownloadError(msg("download_failed", url=url, reason=reason, attempts=attempts))


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
