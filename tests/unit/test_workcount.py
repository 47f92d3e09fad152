"""The work counters that replace wall-clock budgets (tests/workcount.py)
tell linear work from quadratic work, in Python lines and inside C calls."""

from __future__ import annotations

import re
import types
from collections.abc import Callable

import pytest

import workcount

# A module-like namespace with a compiled pattern, as parsers keep them.
fake = types.ModuleType("fake")
setattr(fake, "TAIL", re.compile(r"[a ]*"))  # noqa: B010


def rescans(k: int) -> Callable[[], object]:
    """Match the rest of the text from every position: quadratic in C."""
    text = "a " * k

    def run() -> None:
        for i in range(0, len(text), 2):
            fake.TAIL.match(text, i)

    return run


def python_pairs(k: int) -> Callable[[], object]:
    """Compare every pair: quadratic in Python lines."""
    return lambda: [a < b for a in range(k) for b in range(k)]


def one_pass(k: int) -> Callable[[], object]:
    text = "a " * k
    return lambda: [fake.TAIL.match(text, i, i + 2) for i in range(0, len(text), 2)]


def test_linear_work_passes() -> None:
    small, large = workcount.grows_linearly(one_pass, 500, modules=(fake,))
    assert 3.5 * small <= large


@pytest.mark.parametrize("make", [rescans, python_pairs], ids=["regex", "python"])
def test_quadratic_work_is_caught(make: Callable[[int], Callable[[], object]]) -> None:
    with pytest.raises(AssertionError):
        workcount.grows_linearly(make, 300, modules=(fake,))


def test_scanned_counts_what_find_looked_at() -> None:
    text = workcount.Scanned("abcdef" * 10)
    workcount.Scanned.examined = 0
    assert text.find("z", 10) == -1 and workcount.Scanned.examined == 50
    assert text.find("c") == 2 and workcount.Scanned.examined == 50 + 3
    assert isinstance(fake.TAIL, re.Pattern)  # restored
