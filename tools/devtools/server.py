"""The reference server of ``build.py serve`` (and of the browser tests).

It serves dist/ with the site's headers and counts anonymous error reports;
it keeps no client address and its memory is bounded.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import re
import socket
import sys
import threading
import urllib.parse
from collections import Counter, deque
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from devtools.common import DIST, ROOT
from devtools.headers import (
    DEFAULT_FRAME_ANCESTORS,
    ERROR_CONTEXTS,
    ERROR_ENDPOINT,
    cache_control,
    security_headers,
)

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}


def registered_codes(
    source: Path = ROOT / "src" / "linework" / "errors.py",
) -> frozenset[str]:
    """Return the error codes registered in the core (read from its source).

    devtools stays standard-library only and importable without the package,
    so it reads the rows of its table (a line starting ``LW-Ennnn``) rather
    than importing.
    """
    text = source.read_text(encoding="utf-8")
    return frozenset(re.findall(r"^(LW-E[0-9]{4}) ", text, re.ASCII | re.MULTILINE))


class ErrorCounter:
    """The reference error endpoint's whole memory: how often each code was seen.

    Only registered codes are counted, so the counter never has more keys than
    the registry: a stranger cannot grow it with made-up codes.
    """

    _CODE = re.compile(r"LW-E[0-9]{4}", re.ASCII)
    _VERSION = re.compile(r"[0-9A-Za-z.+-]{1,32}", re.ASCII)

    def __init__(self, codes: frozenset[str] | None = None) -> None:
        self._lock = threading.Lock()
        self.codes = registered_codes() if codes is None else codes
        self.counts: Counter[str] = Counter()

    def accept(self, body: bytes) -> bool:
        """Count a report that is exactly ``{code, version, context}``; else refuse."""
        if len(body) > MAX_REPORT_BYTES:
            return False
        try:
            report = json.loads(body)
        except ValueError:
            return False
        if not isinstance(report, dict) or set(report) != {
            "code",
            "version",
            "context",
        }:
            return False
        code, version, context = report["code"], report["version"], report["context"]
        if not (
            isinstance(code, str)
            and isinstance(version, str)
            and isinstance(context, str)
            and self._CODE.fullmatch(code)
            and code in self.codes
            and self._VERSION.fullmatch(version)
            and context in ERROR_CONTEXTS
        ):
            return False
        with self._lock:
            self.counts[code] += 1
        return True


# The reference server's bounds: a report's size, how long an idle connection
# may hold a thread, how many connections are served at once, and the recent
# request paths kept for tests (cut short, in a ring).
MAX_REPORT_BYTES = 512
MAX_CONNECTIONS = 128
MAX_KEPT_REQUESTS = 256
MAX_KEPT_PATH = 200


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves dist/ with the site's headers (``build.py serve``, the browser tests).

    It keeps no client address and prints nothing about a client: a failing
    request is closed silently (``handle_error``), and its memory is bounded
    (a ring of recent paths, a counter keyed by registered codes only, at most
    ``MAX_CONNECTIONS`` connections at once).
    """

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = MAX_CONNECTIONS

    def __init__(
        self,
        root: Path,
        port: int = 0,
        *,
        frame_ancestors: str = DEFAULT_FRAME_ANCESTORS,
        connect_src: str = "'self'",
        extra: Mapping[str, bytes] | None = None,
        quiet: bool = True,
    ) -> None:
        self.root = root.resolve()
        self.headers_all = security_headers(frame_ancestors, connect_src)
        self.extra = dict(extra or {})
        self.errors = ErrorCounter()
        self.quiet = quiet
        self.requests: deque[str] = deque(maxlen=MAX_KEPT_REQUESTS)
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(("127.0.0.1", port), SiteHandler)

    @property
    def url(self) -> str:
        """Return the base URL, with a trailing slash."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def remember(self, path: str) -> None:
        """Keep a recent request path, cut short (tests read ``requests``)."""
        self.requests.append(path[:MAX_KEPT_PATH])

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve in a thread while fewer than MAX_CONNECTIONS are open; else close."""
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        """Handle one connection, then free its slot."""
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Drop a failed connection without a word: no traceback, no address."""


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """GET/HEAD static files, POST the error endpoint; nothing else.

    Every answer, the ones the standard library writes (400, 414, 431, 501,
    505) included, carries the security headers; any refused request closes
    its connection, so a body it did not read is never taken for the next
    request.
    """

    server: SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "Linework"
    sys_version = ""
    timeout = 30

    def version_string(self) -> str:
        """Name the server without Python's version."""
        return "Linework"

    def handle_one_request(self) -> None:
        """Handle a request; a browser dropping the connection is not an error."""
        self._answered = False
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:
            # Whatever went wrong stays here: answer 500 if nothing was sent.
            self.close_connection = True
            with contextlib.suppress(Exception):
                if not getattr(self, "_answered", False):
                    self._error(500, "internal error")

    def log_message(self, format: str, *args: Any) -> None:
        """Log without the client address: the reference server keeps no IPs."""
        if not self.server.quiet:
            sys.stderr.write(f"serve: {format % args}\n")

    def log_error(self, format: str, *args: Any) -> None:
        """Print nothing for refused requests: their text is the client's."""

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        """Answer the standard library's refusals with the site's headers."""
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.1"  # answer with a status line anyway
        reason = self.responses.get(code, ("error",))[0].lower()
        self._error(code, reason)

    def _send(
        self, status: int, body: bytes, content_type: str, extra: Mapping[str, str] = {}
    ) -> None:
        self._answered = True
        self.send_response(status)
        for key, value in self.server.headers_all.items():
            self.send_header(key, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra.items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, text: str) -> None:
        """Refuse: a short plain answer, and the connection closes after it."""
        self.close_connection = True
        self._send(
            status,
            (text + "\n").encode(),
            "text/plain; charset=utf-8",
            {"Cache-Control": "no-store"},
        )

    def do_HEAD(self) -> None:
        """Answer like GET without a body."""
        self.do_GET()

    def _body_unread(self) -> bool:
        """Return whether the request announced a body (GET/HEAD never read it)."""
        return self.headers.get("Content-Length", "0").strip() not in (
            "",
            "0",
        ) or bool(self.headers.get("Transfer-Encoding"))

    def do_GET(self) -> None:
        """Serve a file of dist/ (or an extra in-memory route)."""
        path = urllib.parse.urlsplit(self.path).path
        self.server.remember(path)
        if self._body_unread():
            # Its body would be read as the next request: close after answering.
            self.close_connection = True
        if path == ERROR_ENDPOINT:
            counts = dict(sorted(self.server.errors.counts.items()))
            self._send(
                200,
                json.dumps(counts).encode(),
                "application/json",
                {"Cache-Control": "no-store"},
            )
            return
        if path in self.server.extra:
            ext = os.path.splitext(path)[1]
            self._send(
                200,
                self.server.extra[path],
                CONTENT_TYPES.get(ext, "application/octet-stream"),
                {"Cache-Control": "no-store"},
            )
            return
        rel = urllib.parse.unquote(path).lstrip("/") or "index.html"
        parts = rel.split("/")
        if any(p in ("", ".", "..") or p.startswith(".") or "\0" in p for p in parts):
            self._error(404, "not found")
            return
        target = self.server.root.joinpath(*parts)
        try:
            is_file = target.is_file()
        except (OSError, ValueError):  # a name too long for the file system
            is_file = False
        if not is_file:
            self._error(404, "not found")
            return
        content_type = CONTENT_TYPES.get(target.suffix, "application/octet-stream")
        headers = {"Cache-Control": cache_control(path)}
        twin = target.with_name(target.name + ".gz")
        if twin.is_file():  # precompressed by the build
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                target, headers["Content-Encoding"] = twin, "gzip"
        stat = target.stat()
        headers["ETag"] = etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
        if self.headers.get("If-None-Match") == etag:
            self._answered = True
            self.send_response(304)
            for key, value in {**self.server.headers_all, **headers}.items():
                self.send_header(key, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(200, target.read_bytes(), content_type, headers)

    def do_POST(self) -> None:
        """Count a valid anonymous error report (docs/architecture.md §6), only that."""
        path = urllib.parse.urlsplit(self.path).path
        self.server.remember(path)
        if path != ERROR_ENDPOINT:
            self._error(405, "method not allowed")
            return
        raw_length = self.headers.get("Content-Length", "")
        if self.headers.get("Transfer-Encoding") or not (
            raw_length.isascii() and raw_length.isdigit()
        ):
            self._error(400, "bad report")
            return
        length = int(raw_length)
        if not 0 < length <= MAX_REPORT_BYTES:
            self._error(400, "bad report")
            return
        body = self.rfile.read(length)
        if len(body) != length or not self.server.errors.accept(body):
            self._error(400, "bad report")
            return
        self._answered = True
        self.send_response(204)
        for key, value in self.server.headers_all.items():
            self.send_header(key, value)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_allowed(self) -> None:
        self._error(405, "method not allowed")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed


@contextlib.contextmanager
def serving(root: Path = DIST, **kwargs: Any) -> Iterator[SiteServer]:
    """Serve root in a background thread for the duration of the block."""
    server = SiteServer(root, **kwargs)
    thread = threading.Thread(
        target=server.serve_forever, name="linework-serve", daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
