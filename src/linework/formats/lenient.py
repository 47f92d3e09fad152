"""Tolerant readers for foreign JSON (Gliffy, Excalidraw): bad values become defaults.

Other tools' files are often slightly off; an importer should keep what it can
read instead of refusing the whole diagram, while never letting a NaN, a huge
number or a wrong type through into the model.
"""

from __future__ import annotations

import math
from typing import Any

from linework.formats import limits
from linework.geometry.fmt import rounded


def num(
    v: Any,
    default: float = 0.0,
    lo: float = -limits.MAX_COORD,
    hi: float = limits.MAX_COORD,
) -> float:
    """Return a finite number clamped to [lo, hi], or ``default``.

    >>> num("1"), num(float("nan"), 5.0), num(1e300)
    (0.0, 5.0, 10000000.0)
    """
    if isinstance(v, bool) or not isinstance(v, int | float):
        return default
    x = float(v)
    if not math.isfinite(x):
        return default
    return rounded(min(hi, max(lo, x)))


def text(v: Any, limit: int = limits.MAX_TEXT) -> str:
    """Return ``v`` cut to ``limit`` characters if it is a string, else ""."""
    return v[:limit] if isinstance(v, str) else ""


def obj(v: Any) -> dict[str, Any]:
    """Return ``v`` if it is an object, else an empty one."""
    return v if isinstance(v, dict) else {}


def arr(v: Any) -> list[Any]:
    """Return ``v`` if it is an array, else an empty one."""
    return v if isinstance(v, list) else []
