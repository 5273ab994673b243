"""A real HTTP server on 127.0.0.1 for feed tests: files, 304s, Basic auth, redirects, trouble.

Routes are registered per test (``server.add``); every request is recorded so tests can check
what the client really sent (conditional headers, User-Agent, credentials).
"""

from __future__ import annotations

import base64
import hashlib
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

AUTH_USER = "ambtenaar"
AUTH_PASSWORD = "geheim-ä-123"
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    auth: bool = False
    #: ``slow``: headers, then a byte every second; ``endless``: never-ending body.
    mode: str = ""
    #: Seconds to wait before answering at all (a server that is slow to start its answer).
    delay: float = 0.0


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops concurrent connects, each costing a 1 s SYN retry.
    request_queue_size = 128
    daemon_threads = True


class FeedServer:
    """Serves over HTTP, or over HTTPS when given a certificate chain and its key (PEM)."""

    def __init__(self, tls: tuple[Path, Path] | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        handler = _make_handler(self)
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.scheme = "http"
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **options) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for seen, headers in self.requests if seen == path]

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def _make_handler(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls between header and body

        def log_message(self, format, *args):  # quiet test output
            pass

        def do_GET(self):
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path)
            if route is None:
                return self._send(404, b"not found", "text/plain")
            if route.delay:
                server.stopping.wait(route.delay)
            if route.auth and not self._authorised():
                return self._send(401, b"login", "text/plain",
                                  {"WWW-Authenticate": 'Basic realm="intranet"'})
            if route.status != 200:
                return self._send(route.status, route.body, route.content_type, route.headers)
            if route.mode == "slow":
                return self._slow()
            if route.mode == "endless":
                return self._endless()
            etag = '"' + hashlib.sha1(route.body).hexdigest() + '"'
            # As RFC 9110 says: If-None-Match, when sent, decides alone.
            match = self.headers.get("If-None-Match")
            if match == etag or (match is None and
                                 self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                return self._send(304, b"", None, {"ETag": etag})
            self._send(200, route.body, route.content_type,
                       {"ETag": etag, "Last-Modified": LAST_MODIFIED, **route.headers})

        def _authorised(self) -> bool:
            expected = base64.b64encode(f"{AUTH_USER}:{AUTH_PASSWORD}".encode()).decode()
            return self.headers.get("Authorization") == f"Basic {expected}"

        def _send(self, status, body, content_type, headers=None):
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def _slow(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                while not server.stopping.is_set():
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

        def _endless(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<rss>" + b"x" * 65536
            frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
            try:
                while not server.stopping.is_set():
                    self.wfile.write(frame)
            except OSError:
                pass

    return Handler


def rss(title: str, items: list[dict[str, str]]) -> str:
    """A small RSS 2.0 document."""
    parts = []
    for item in items:
        fields = "".join(f"<{key}>{value}</{key}>" for key, value in item.items())
        parts.append(f"<item>{fields}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://example.org/</link>"
            f"<description>test</description>{''.join(parts)}</channel></rss>")
