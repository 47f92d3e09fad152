"""Where the time of one large operation went, phase by phase (benchmarks).

An open crosses several layers (the bridge parses the message, the codec
decodes, the editor renders, the wire encodes), so the figure a benchmark
prints is only explainable split into those parts. Each layer adds its own
phase here; ``bench.phases`` hands the last recording to the page. A handful
of clock reads per open: cheap enough to stay on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

_recording: dict[str, float] = {}
_paused = False


def begin() -> None:
    """Start a new recording (it lasts until the next one begins)."""
    _recording.clear()


def add(name: str, ms: float) -> None:
    """Add ``ms`` to phase ``name`` of the current recording."""
    if not _paused:
        _recording[name] = _recording.get(name, 0.0) + ms


@contextmanager
def paused() -> Iterator[None]:
    """Record nothing inside (work that is no part of the open being measured)."""
    global _paused
    was, _paused = _paused, True
    try:
        yield
    finally:
        _paused = was


def phase(name: str) -> _Phase:
    """Time the block as (part of) phase ``name``."""
    return _Phase(name)


class _Phase:
    """The context manager :func:`phase` returns: a plain class, since a page of
    distinct icons enters one per icon (a generator-based one cost several
    microseconds each in Pyodide)."""

    __slots__ = ("name", "start")

    def __init__(self, name: str) -> None:
        self.name = name
        self.start = 0.0

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        add(self.name, (time.perf_counter() - self.start) * 1000.0)


def last() -> dict[str, float]:
    """Return the latest recording (ms per phase, in the order they began)."""
    return dict(_recording)
