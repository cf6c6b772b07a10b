"""Downloads against a local HTTP server: success, failures, retries, cache integrity."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest

import pengampuan as pg
from pengampuan import datasets
from pengampuan.cli import EXIT_NETWORK, EXIT_OK, main
from pengampuan.config import settings
from pengampuan.errors import DownloadError
from pengampuan.regions import download as regions_download

# the messages checked here are the English ones (settings.language = 'en')
pytestmark = pytest.mark.usefixtures("english")

BODY = (b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kode":"17.02"},'
        b'"geometry":{"type":"Polygon","coordinates":[[[102,-3],[103,-3],[103,-4],[102,-3]]]}}]}'
        + b" " * 200_000)  # ~200 kB
BODY_SHA = hashlib.sha256(BODY).hexdigest()

Handler = Callable[[BaseHTTPRequestHandler], None]


class Server:
    """A local HTTP server whose routes are set by each test; counts requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: dict[str, int] = {}
        outer = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?")[0]
                outer.hits[path] = outer.hits.get(path, 0) + 1
                route = outer.routes.get(path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                route(self)

            def log_message(self, *args: Any) -> None:
                pass

        class _Quiet(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # clients that hang up on purpose (timeouts, resets) are expected here

        self.httpd = _Quiet(("127.0.0.1", 0), _H)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(body: bytes = BODY, *, status: int = 200, length: int | None = None,
         content_type: str = "application/geo+json") -> Handler:
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body) if length is None else length))
        h.end_headers()
        h.wfile.write(body)
        h.wfile.flush()
        if length is not None and length != len(body):
            h.close_connection = True
    return handler


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.close()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(settings, "cache_dir", folder)
    monkeypatch.setattr(settings, "offline", False)
    monkeypatch.setattr(settings, "timeout_s", 2.0)
    monkeypatch.setattr(settings, "deadline_s", 600.0)
    monkeypatch.setattr(settings, "retries", 2)
    monkeypatch.setattr(datasets, "BACKOFF_S", 0.0)
    return folder


def cache_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*")) if folder.exists() else []


def test_success_then_cache_hit_without_network(server: Server, cache: Path) -> None:
    server.routes["/f.geojson"] = send()
    path = pg.cached_download(server.url("/f.geojson"), name="f.geojson", sha256=BODY_SHA,
                              size=len(BODY))
    assert path == datasets.cache_file(server.url("/f.geojson"), "f.geojson")
    assert path.parent == cache and path.read_bytes() == BODY
    server.close()  # no network from now on
    settings.offline = True
    again = pg.cached_download(server.url("/f.geojson"), name="f.geojson", sha256=BODY_SHA)
    assert again == path and server.hits == {"/f.geojson": 1}
    assert cache_files(cache) == [path.name]


def test_404_is_not_retried(server: Server, cache: Path) -> None:
    with pytest.raises(DownloadError, match=r"HTTP 404 .*check the URL"):
        pg.cached_download(server.url("/missing.geojson"), name="m.geojson")
    assert server.hits["/missing.geojson"] == 1
    assert cache_files(cache) == []


def test_500_then_success(server: Server, cache: Path) -> None:
    ok = send()
    fail = send(b"oops", status=500)

    def flaky(h: BaseHTTPRequestHandler) -> None:
        (fail if server.hits["/flaky"] <= 2 else ok)(h)

    server.routes["/flaky"] = flaky
    path = pg.cached_download(server.url("/flaky"), name="flaky.geojson", sha256=BODY_SHA)
    assert path.read_bytes() == BODY and server.hits["/flaky"] == 3


def test_500_every_time(server: Server, cache: Path) -> None:
    server.routes["/down"] = send(b"down", status=503)
    with pytest.raises(DownloadError, match=r"server error HTTP 503.*3 attempt"):
        pg.cached_download(server.url("/down"), name="down.geojson")
    assert server.hits["/down"] == 3 and cache_files(cache) == []


def test_timeout(server: Server, cache: Path) -> None:
    settings.timeout_s = 0.2
    settings.retries = 1

    def hang(h: BaseHTTPRequestHandler) -> None:
        time.sleep(1.0)
        send()(h)

    server.routes["/hang"] = hang
    t0 = time.perf_counter()
    with pytest.raises(DownloadError, match=r"0\.2 s \(settings\.timeout_s\)"):
        pg.cached_download(server.url("/hang"), name="hang.geojson")
    assert time.perf_counter() - t0 < 1.5
    assert cache_files(cache) == []


def test_connection_reset(server: Server, cache: Path) -> None:
    def reset(h: BaseHTTPRequestHandler) -> None:
        # SO_LINGER 0: close() sends a TCP RST instead of a FIN
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True

    server.routes["/reset"] = reset
    with pytest.raises(DownloadError, match=r"cannot connect|broke off") as err:
        pg.cached_download(server.url("/reset"), name="reset.geojson")
    assert "3 attempt" in str(err.value) and server.hits["/reset"] == 3
    assert cache_files(cache) == []


def test_slow_body(server: Server, cache: Path) -> None:
    settings.timeout_s = 0.3
    settings.retries = 0

    def slow(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", str(len(BODY)))
        h.end_headers()
        h.wfile.write(BODY[:1000])
        h.wfile.flush()
        time.sleep(1.0)  # stalls longer than the read timeout
        try:
            h.wfile.write(BODY[1000:])
        except OSError:
            pass

    server.routes["/slow"] = slow
    with pytest.raises(DownloadError, match=r"stopped sending for more than 0\.3 s after 1000 "
                                            r"bytes|timed out"):
        pg.cached_download(server.url("/slow"), name="slow.geojson")
    assert cache_files(cache) == []


def test_truncated_body(server: Server, cache: Path) -> None:
    server.routes["/short"] = send(BODY[:5000], length=len(BODY))
    with pytest.raises(DownloadError,
                       match=rf"(broke off|ended) after \d+ of {len(BODY)} bytes.*5000 bytes read"):
        pg.cached_download(server.url("/short"), name="short.geojson")
    assert server.hits["/short"] == 3 and cache_files(cache) == []


def test_wrong_size(server: Server, cache: Path) -> None:
    server.routes["/f"] = send()
    with pytest.raises(DownloadError, match=rf"received {len(BODY)} bytes, expected 123"):
        pg.cached_download(server.url("/f"), name="f.geojson", size=123)
    assert cache_files(cache) == []


def test_checksum_mismatch(server: Server, cache: Path) -> None:
    server.routes["/f"] = send()
    with pytest.raises(DownloadError, match=r"checksum mismatch .*--sha256"):
        pg.cached_download(server.url("/f"), name="f.geojson", sha256="0" * 64)
    assert cache_files(cache) == []


def test_corrupt_cached_copy_is_replaced(server: Server, cache: Path) -> None:
    cache.mkdir(parents=True)
    datasets.cache_file(server.url("/f"), "f.geojson").write_bytes(BODY[:100])  # incomplete
    server.routes["/f"] = send()
    path = pg.cached_download(server.url("/f"), name="f.geojson", sha256=BODY_SHA)
    assert path.read_bytes() == BODY and server.hits["/f"] == 1


def test_write_interrupted_midway(server: Server, cache: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cache.mkdir(parents=True)
    old = datasets.cache_file(server.url("/f"), "f.geojson")
    old.write_bytes(b"old good copy")  # must survive a failed update
    server.routes["/f"] = send()
    calls = {"n": 0}
    real = datasets._write_chunk

    def disk_full(fh: Any, chunk: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fh, chunk)

    monkeypatch.setattr(datasets, "_write_chunk", disk_full)
    monkeypatch.setattr(datasets, "CHUNK_BYTES", 4096)
    with pytest.raises(DownloadError, match=r"disk is full: free space in .*PENGAMPUAN_CACHE_DIR"):
        pg.cached_download(server.url("/f"), name="f.geojson", sha256=BODY_SHA)
    assert cache_files(cache) == [old.name]
    assert old.read_bytes() == b"old good copy"


def test_offline_without_cache(cache: Path) -> None:
    settings.offline = True
    with pytest.raises(DownloadError, match=r"^http://127.0.0.1:9/x.geojson: .*offline mode is on "
                                            r".*copy it to"):
        pg.cached_download("http://127.0.0.1:9/x.geojson", name="x.geojson")


def test_unreachable_says_how_to_pass_a_file(cache: Path) -> None:
    settings.retries = 0
    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DownloadError) as err:
        pg.download_boundaries("kabkota", url=f"http://127.0.0.1:{port}/adm2.geojson")
    msg = str(err.value)
    assert "cannot connect" in msg
    assert "load_regions('kabkota', source='path/to/file.geojson')" in msg
    assert "--boundaries" in msg


def _geoboundaries_like() -> bytes:
    """A geoBoundaries-style ADM2 file for Bengkulu: shapeName only, upper-case names."""
    kab = pg.load_regions("kabkota")
    sub = kab[kab["kode_induk"] == "17"]
    names = sub["nama"].str.replace(r"^(Kabupaten|Kota) ", "", regex=True)
    names = names.where(~sub["nama"].str.startswith("Kota"), "Kota " + names)
    gdf = gpd.GeoDataFrame({"shapeName": names.str.upper(), "shapeISO": "",
                            "shapeType": "ADM2"}, geometry=sub.geometry.values, crs=4326)
    return gdf.to_json().encode()


def test_download_boundaries_via_api_then_offline(server: Server, cache: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    body = _geoboundaries_like()
    server.routes["/api/ADM2/"] = send(json.dumps(
        {"boundaryISO": "IDN", "gjDownloadURL": server.url("/data/adm2.geojson")}).encode(),
        content_type="application/json")
    server.routes["/data/adm2.geojson"] = send(body)
    monkeypatch.setattr(regions_download, "GEOBOUNDARIES_API", server.url("/api/{adm}/"))
    path = pg.download_boundaries("kabkota")
    assert path.read_bytes() == body
    settings.offline = True  # second time: from the cache, without the API
    reg = pg.load_regions("kabkota", source="geoboundaries")
    assert server.hits == {"/api/ADM2/": 1, "/data/adm2.geojson": 1}
    assert sorted(reg["kode"]) == [f"17.{k:02d}" for k in range(1, 10)] + ["17.71"]
    assert reg.crs.to_epsg() == 4326 and {"shapeName", "luas_km2"} <= set(reg.columns)


def test_api_without_download_url(server: Server, cache: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    server.routes["/api/ADM1/"] = send(b'{"boundaryISO": "IDN"}', content_type="application/json")
    monkeypatch.setattr(regions_download, "GEOBOUNDARIES_API", server.url("/api/{adm}/"))
    with pytest.raises(DownloadError, match=r"without 'gjDownloadURL'.*--url"):
        pg.download_boundaries("provinsi")


def test_cli_download(server: Server, cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/f.geojson"] = send()
    url = server.url("/f.geojson")
    assert main(["boundaries", "download", "--url", url, "--sha256", BODY_SHA]) == EXIT_OK
    out = capsys.readouterr().out.strip()
    assert Path(out).read_bytes() == BODY
    # a cached copy with another checksum is fetched again, fails the check, stays as it was
    assert main(["boundaries", "download", "--url", url, "--sha256", "1" * 64]) == EXIT_NETWORK
    assert server.hits["/f.geojson"] == 2
    assert re.search(r"checksum mismatch", capsys.readouterr().err)
    assert Path(out).read_bytes() == BODY and cache_files(cache) == [Path(out).name]


def test_cli_download_failure_exit_code(server: Server, cache: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["boundaries", "download", "--url", server.url("/nothing")]) == EXIT_NETWORK
    assert "HTTP 404" in capsys.readouterr().err


def test_cli_info(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["boundaries", "info"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "provinsi: 38 regions" in out and "kabkota: 514 regions" in out  # (English here)


def test_download_boundaries_offline_without_cache(cache: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    settings.offline = True
    monkeypatch.setattr(regions_download, "GEOBOUNDARIES_API", "http://127.0.0.1:9/api/{adm}/")
    with pytest.raises(DownloadError, match=r"offline mode is on.*instead, pass a boundary file "
                                            r"you already have: load_regions\('provinsi', "
                                            r"source='path/to/file.geojson'\)"):
        pg.load_regions("provinsi", source="geoboundaries")
    assert cache_files(cache) == []


# --------------------------------------------------------------------------- nothing bad is cached
def _gzip(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data, mtime=0)


def _zip_bytes() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("batas.geojson", date_time=(2024, 1, 1, 0, 0, 0)), BODY)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "body", "fragment"), [
    ("f.geojson", b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>",
     r"an HTML page \('502 Bad Gateway'\)"),
    ("f.geojson", b'\n  <html><body>Silakan login</body></html>', r"an HTML page"),
    ("f.geojson", b'{"error": "rate limit exceeded", "status": 429}',
     r"JSON that is not GeoJSON, probably an error message: \{\"error\": \"rate limit"),
    ("f.geojson", b"", r"an empty body"),
    ("f.geojson", BODY[:150], r"does not parse as JSON/GeoJSON"),
    ("f.geojson", b'{"type":"FeatureCollection","features":[]}', r"has no features"),
    ("f.geojson", b"kode,nama\n17.02,Rejang Lebong\n", r"not JSON \(it starts with 'kode,nama"),
    ("f.geojson.gz", _gzip(BODY)[:-40], r"gzip file is damaged or incomplete"),
    ("f.zip", _zip_bytes()[:-30], r"zip file is damaged or incomplete"),
    ("f.gpkg", b"PK\x03\x04 not a geopackage", r"not a GeoPackage"),
])
def test_bad_content_is_not_cached(server: Server, cache: Path, name: str, body: bytes,
                                   fragment: str) -> None:
    server.routes["/x"] = send(body)
    url = server.url("/x")
    with pytest.raises(DownloadError, match=rf"^{re.escape(url)}: .*{fragment}"):
        pg.cached_download(url, name=name)
    assert cache_files(cache) == []
    assert server.hits["/x"] == 1  # a content error is not retried


def test_good_gzip_and_zip_are_cached(server: Server, cache: Path) -> None:
    server.routes["/a.geojson.gz"] = send(_gzip(BODY))
    server.routes["/a.zip"] = send(_zip_bytes())
    assert pg.cached_download(server.url("/a.geojson.gz")).read_bytes() == _gzip(BODY)
    assert pg.cached_download(server.url("/a.zip")).read_bytes() == _zip_bytes()


def test_cache_is_keyed_by_the_full_url(server: Server, cache: Path) -> None:
    other = BODY.replace(b"17.02", b"17.03")
    server.routes["/a/batas.geojson"] = send(BODY)
    server.routes["/b/batas.geojson"] = send(other)
    a = pg.cached_download(server.url("/a/batas.geojson"))
    b = pg.cached_download(server.url("/b/batas.geojson"))
    q = pg.cached_download(server.url("/a/batas.geojson?versi=2"))
    assert len({a, b, q}) == 3 and a.read_bytes() == BODY and b.read_bytes() == other
    assert all(p.name.startswith("batas.") and p.name.endswith(".geojson") for p in (a, b, q))
    assert pg.cached_download(server.url("/a/batas.geojson")) == a  # a hit, no new request
    assert server.hits == {"/a/batas.geojson": 2, "/b/batas.geojson": 1}


def _trickle(total_s: float) -> Handler:
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/geo+json")
        h.send_header("Content-Length", str(len(BODY)))
        h.end_headers()
        t_end = time.monotonic() + total_s
        try:
            for i in range(len(BODY)):
                if time.monotonic() > t_end:
                    break
                h.wfile.write(BODY[i:i + 1])
                h.wfile.flush()
                time.sleep(0.05)  # always within the read timeout, never done
        except OSError:
            pass
    return handler


def test_trickling_server_is_cut_at_the_deadline(server: Server, cache: Path) -> None:
    settings.deadline_s = 1.0
    server.routes["/t"] = _trickle(30.0)
    t0 = time.monotonic()
    with pytest.raises(DownloadError, match=r"/t: gave up after 1 s in all while receiving the "
                                            r"file \(\d+ bytes so far\)"):
        pg.cached_download(server.url("/t"), name="t.geojson")
    assert time.monotonic() - t0 < 15  # far below the 30 s the server would take
    assert cache_files(cache) == []


def test_cli_timeout_bounds_the_whole_download(server: Server, cache: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/t.geojson"] = _trickle(30.0)
    url = server.url("/t.geojson")
    t0 = time.monotonic()
    assert main(["boundaries", "download", "--url", url, "--timeout", "1"]) == EXIT_NETWORK
    assert time.monotonic() - t0 < 15
    err = capsys.readouterr().err
    assert url in err and "gave up after 1 s" in err and "Traceback" not in err
    assert cache_files(cache) == []


def test_redirect_loop_exit_4_with_url(server: Server, cache: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    def loop(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", "/loop")
        h.send_header("Content-Length", "0")
        h.end_headers()

    server.routes["/loop"] = loop
    url = server.url("/loop")
    assert main(["boundaries", "download", "--url", url]) == EXIT_NETWORK
    err = capsys.readouterr().err
    assert f"{url}: too many redirects (a redirect loop?)" in err and "Traceback" not in err


@pytest.mark.parametrize("url", ["bukan-url", "ftp://127.0.0.1/x.geojson", "http://"])
def test_bad_url_exit_4_with_url(url: str, cache: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["boundaries", "download", "--url", url]) == EXIT_NETWORK
    err = capsys.readouterr().err
    assert url in err and "Traceback" not in err


def _busy(status: int, retry_after: str, then: Handler, server: Server, path: str) -> Handler:
    def handler(h: BaseHTTPRequestHandler) -> None:
        if server.hits[path] == 1:
            h.send_response(status)
            h.send_header("Retry-After", retry_after)
            h.send_header("Content-Length", "0")
            h.end_headers()
        else:
            then(h)
    return handler


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(server: Server, cache: Path, status: int) -> None:
    server.routes["/r"] = _busy(status, "1", send(), server, "/r")
    t0 = time.monotonic()
    path = pg.cached_download(server.url("/r"), name="r.geojson")
    assert path.read_bytes() == BODY and server.hits["/r"] == 2
    assert time.monotonic() - t0 >= 0.9  # waited as asked (BACKOFF_S is 0 in these tests)


def test_retry_after_beyond_the_bound_fails_at_once(server: Server, cache: Path) -> None:
    server.routes["/r"] = _busy(429, "3600", send(), server, "/r")
    with pytest.raises(DownloadError, match=r"/r: server error HTTP 429 .*too many requests.*asks "
                                            r"to wait 3600 s"):
        pg.cached_download(server.url("/r"), name="r.geojson")
    assert server.hits["/r"] == 1


def test_retry_after_as_a_date() -> None:
    assert datasets._retry_after_s("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert datasets._retry_after_s("7") == 7.0 and datasets._retry_after_s("soon") is None


def test_stale_part_files_are_removed(server: Server, cache: Path) -> None:
    cache.mkdir(parents=True)
    dead = cache / "batas.0123456789abcdef.geojson.999999999.part"  # no such process
    dead.write_bytes(b'{"type": "Feat')
    mine = cache / f"other.geojson.{__import__('os').getpid()}.part"  # a running download
    mine.write_bytes(b"{")
    server.routes["/f.geojson"] = send()
    path = pg.cached_download(server.url("/f.geojson"))
    assert sorted(cache_files(cache)) == sorted([path.name, mine.name])


def test_sigterm_during_a_download_leaves_no_part_file(server: Server, cache: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    server.routes["/t.geojson"] = _trickle(60.0)
    env = {**os.environ, "PENGAMPUAN_CACHE_DIR": str(cache)}
    proc = subprocess.Popen([sys.executable, "-m", "pengampuan", "boundaries", "download",
                             "--url", server.url("/t.geojson")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    t_end = time.monotonic() + 60
    while not list(cache.glob("*.part")) and time.monotonic() < t_end:
        time.sleep(0.05)
    assert list(cache.glob("*.part")), "the download did not start"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err
    assert cache_files(cache) == []
