"""The reference server of ``build.py serve``, probed with raw sockets on 127.0.0.1.

README promises "no IP address, no log", and DESIGN §7 says every answer
carries the site's headers. Each test here reproduces a finding of issue 14:
unbounded memory, unregistered or non-ASCII codes counted, a traceback naming
the client on a long path, an oversized body read as the next request, and
400/414/501 answers without the security headers.
"""

from __future__ import annotations

import contextlib
import io
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import devtools.server as site_server
from linework.errors import REGISTRY

ROOT = Path(__file__).resolve().parents[2]


SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text("<!doctype html><p>hi</p>\n")
    with site_server.serving(root) as srv:
        yield srv


def exchange(srv: Any, raw: bytes, *, timeout: float = 5.0) -> bytes:
    """Send raw bytes, half-close, and return everything the server answers."""
    with socket.create_connection(("127.0.0.1", srv.server_address[1])) as s:
        s.settimeout(timeout)
        s.sendall(raw)
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            try:
                data = s.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)


def responses(raw: bytes) -> list[tuple[int, dict[str, str]]]:
    """Split a byte stream into (status, headers) of each HTTP response in it."""
    out = []
    rest = raw
    while rest.startswith(b"HTTP/1."):
        head, _, rest = rest.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        rest = rest[length:]
        out.append((status, headers))
    return out


def post_report(body: bytes) -> bytes:
    return (
        b"POST /api/error HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def test_every_answer_carries_the_security_headers(server: Any) -> None:
    """400 (bad request line), 414 (huge URI), 501 (unknown method) included."""
    cases = {
        400: b"GARBAGE\r\n\r\n",
        414: b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        501: b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
        404: b"GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        405: b"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    }
    for status, raw in cases.items():
        answers = responses(exchange(server, raw))
        assert answers, f"no answer for the {status} case"
        got, headers = answers[0]
        assert status == got
        for name in SECURITY:
            assert name.lower() in headers, f"{status} answer lacks {name}"


def test_an_oversized_body_is_not_read_as_the_next_request(server: Any) -> None:
    """A refused POST closes the connection: its body never becomes a request."""
    smuggled = b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"
    body = b"x" * 600 + smuggled
    raw = (
        b"POST /api/error HTTP/1.1\r\nHost: x\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    answers = responses(exchange(server, raw))
    assert [400] == [status for status, _ in answers]
    assert "close" == answers[0][1].get("connection")


def test_a_refused_post_elsewhere_does_not_desync_either(server: Any) -> None:
    smuggled = b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"
    raw = (
        b"POST /other HTTP/1.1\r\nHost: x\r\n"
        + f"Content-Length: {len(smuggled)}\r\n\r\n".encode()
        + smuggled
    )
    assert [405] == [status for status, _ in responses(exchange(server, raw))]


def test_only_registered_ascii_codes_are_counted(server: Any) -> None:
    def report(code: str) -> bytes:
        body = json.dumps({"code": code, "version": "0.1.0", "context": "open"})
        return body.encode()

    for code in ("LW-E١٢٣٤", "LW-E9999", "LW-E０１０１"):
        answers = responses(exchange(server, post_report(report(code))))
        assert [400] == [status for status, _ in answers], code
    assert all(code in REGISTRY for code in server.errors.counts)
    answers = responses(exchange(server, post_report(report("LW-E0101"))))
    assert [204] == [status for status, _ in answers]
    assert server.errors.counts["LW-E0101"] >= 1


def test_a_long_path_gets_an_answer_and_prints_nothing(
    server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 300-byte file name used to raise ENAMETOOLONG and print a traceback."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    raw = b"GET /" + b"a" * 300 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    answers = responses(exchange(server, raw))
    assert [404] == [status for status, _ in answers]
    assert "" == err.getvalue()
    assert "127.0.0.1" not in err.getvalue()


def test_memory_stays_bounded_under_many_long_paths(server: Any) -> None:
    """1,500 distinct long paths used to be kept forever in server.requests."""
    for i in range(1500):
        path = f"/{i:05d}" + "b" * 200
        raw = f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
        # Many requests on one connection would be faster, but each closes.
        with socket.create_connection(("127.0.0.1", server.server_address[1])) as s:
            s.sendall(raw)
            while s.recv(65536):
                pass
    kept = getattr(server, "requests", [])
    assert sum(len(p) for p in kept) < 64_000


def test_the_server_reads_the_registry_of_the_core() -> None:
    assert set(REGISTRY) == site_server.registered_codes()


def test_connections_beyond_the_cap_are_closed_not_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each open connection holds a thread: past the cap, a new one is closed."""
    (tmp_path / "index.html").write_text("hi\n")
    monkeypatch.setattr(site_server, "MAX_CONNECTIONS", 2)
    with site_server.serving(tmp_path) as srv:
        port = srv.server_address[1]
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(2)]
        try:
            with socket.create_connection(("127.0.0.1", port)) as extra:
                extra.settimeout(5)
                assert b"" == extra.recv(100)  # closed at once, no answer
        finally:
            for s in idle:
                s.close()
        raw = b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        for _ in range(50):  # the freed slots come back
            answers = responses(exchange(srv, raw))
            if answers:
                break
        assert [200] == [status for status, _ in answers]
