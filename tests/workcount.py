"""Counting work instead of timing it, for tests that guard against blow-ups.

A wall-clock budget fails on a loaded machine and passes a quadratic
algorithm on a fast one; the work done does neither. ``operations`` counts
the Python lines a call executes (ours and the standard library's, e.g.
html.parser); ``grows_linearly`` runs a call on an input and on one ``factor``
times larger and checks the count grows no faster than the input, which is
what a quadratic scan or a backtracking parser fails. Work done inside C
calls is invisible to a line count (html.parser's quadratic case runs linear
lines): ``Scanned`` is a string that also counts the characters ``find``
looked at, and ``regex_work`` counts the characters the compiled patterns of
some modules matched or searched through. Times are figures of the
benchmarks (tools/bench_imports.py), never assertions.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from types import FrameType, ModuleType
from typing import Any

from linework.errors import LineworkError


def operations(call: Callable[[], object], *modules: ModuleType) -> int:
    """Return how many Python lines ``call()`` executes (a LineworkError is
    fine), plus the characters the ``modules``' compiled patterns span."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    previous = sys.gettrace()
    with regex_work(*modules) as work:
        sys.settrace(tracer)
        try:
            with contextlib.suppress(LineworkError):
                call()
        finally:
            sys.settrace(previous)
    return count + work[0]


def grows_linearly(
    make: Callable[[int], Callable[[], object]],
    n: int,
    *,
    factor: int = 4,
    slack: float = 1.25,
    modules: tuple[ModuleType, ...] = (),
) -> tuple[int, int]:
    """Assert ``make(factor * n)`` does at most ``slack * factor`` times the
    operations of ``make(n)`` (plus a constant); return both counts.

    A linear algorithm stays near ``factor``; a quadratic one needs about
    ``factor ** 2``. ``modules``: whose regex work counts too.
    """
    small = operations(make(n), *modules)
    large = operations(make(factor * n), *modules)
    assert large <= slack * factor * small + 2_000, (n, small, large)
    return small, large


class Scanned(str):
    """A string that counts the characters its ``find`` calls examined."""

    examined = 0

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:
        lo = 0 if start is None else start
        hi = len(self) if end is None else end
        found = str.find(self, sub, lo, hi)
        Scanned.examined += (hi if found < 0 else found + len(sub)) - lo
        return found


class _Counting:
    """A compiled pattern that adds the characters each call spans to ``work``."""

    def __init__(self, pattern: re.Pattern[str], work: list[int]) -> None:
        self._pattern = pattern
        self._work = work

    def _add(
        self, m: re.Match[str] | None, string: str, pos: int, searched: bool
    ) -> None:
        if m is not None:
            self._work[0] += 1 + m.end() - pos
        else:
            self._work[0] += 1 + (len(string) - pos if searched else 0)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        m = self._pattern.match(string, pos, endpos)
        self._add(m, string, pos, False)
        return m

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        m = self._pattern.fullmatch(string, pos, endpos)
        self._add(m, string, pos, False)
        return m

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        m = self._pattern.search(string, pos, endpos)
        self._add(m, string, pos, True)
        return m

    def __getattr__(self, name: str) -> Any:
        # finditer, sub …: the whole string is looked at.
        attr = getattr(self._pattern, name)
        if callable(attr):

            def whole(*args: Any, **kwargs: Any) -> Any:
                self._work[0] += 1 + sum(len(a) for a in args if isinstance(a, str))
                return attr(*args, **kwargs)

            return whole
        return attr


@contextlib.contextmanager
def regex_work(*modules: ModuleType) -> Iterator[list[int]]:
    """Count, in ``[total]``, the characters the modules' compiled patterns
    span: a match's length, a failed search's rest of the string."""
    work = [0]
    saved: list[tuple[ModuleType, str, Any]] = []
    for m in modules:
        for name, value in list(vars(m).items()):
            if isinstance(value, re.Pattern):
                saved.append((m, name, value))
                setattr(m, name, _Counting(value, work))
            elif isinstance(value, dict) and any(
                isinstance(v, re.Pattern) for v in value.values()
            ):  # a table of patterns (mermaid's LINK_CLOSE)
                saved.append((m, name, value))
                setattr(
                    m,
                    name,
                    {
                        k: _Counting(v, work) if isinstance(v, re.Pattern) else v
                        for k, v in value.items()
                    },
                )
    try:
        yield work
    finally:
        for m, name, value in saved:
            setattr(m, name, value)
