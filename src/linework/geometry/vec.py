"""Two-dimensional vectors (also used as points)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Vec:
    """A point or displacement in page units (CSS pixels at 100 % zoom)."""

    x: float
    y: float

    def __init__(self, x: float, y: float) -> None:
        # What the generated frozen __init__ does (object.__setattr__ per field),
        # through the slot descriptors directly: about 40 % cheaper, and Vecs
        # are built by the hundred thousand while rendering.
        _SET_X(self, x)
        _SET_Y(self, y)

    def __add__(self, other: Vec) -> Vec:
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other: Vec) -> Vec:
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k: float) -> Vec:
        return Vec(self.x * k, self.y * k)

    def __neg__(self) -> Vec:
        return Vec(-self.x, -self.y)

    def dot(self, other: Vec) -> float:
        """Return the dot product."""
        return self.x * other.x + self.y * other.y

    def cross(self, other: Vec) -> float:
        """Return the z component of the cross product."""
        return self.x * other.y - self.y * other.x

    def length(self) -> float:
        """Return the Euclidean length.

        >>> Vec(3, 4).length()
        5.0
        """
        return math.hypot(self.x, self.y)

    def normalized(self) -> Vec:
        """Return a unit vector in the same direction (zero stays zero)."""
        n = self.length()
        return Vec(0.0, 0.0) if n == 0 else Vec(self.x / n, self.y / n)

    def distance(self, other: Vec) -> float:
        """Return the distance to another point."""
        return math.hypot(self.x - other.x, self.y - other.y)


_SET_X: Final[Callable[[Vec, float], None]] = Vec.__dict__["x"].__set__
_SET_Y: Final[Callable[[Vec, float], None]] = Vec.__dict__["y"].__set__


def _exact_trig(deg: float) -> tuple[float, float]:
    """Return (cos, sin) with right angles exact, so 90° turns are bit-identical."""
    d = deg % 360.0
    exact = {0.0: (1.0, 0.0), 90.0: (0.0, 1.0), 180.0: (-1.0, 0.0), 270.0: (0.0, -1.0)}
    if d in exact:
        return exact[d]
    r = math.radians(d)
    return math.cos(r), math.sin(r)


def rotate_about(p: Vec, center: Vec, deg: float) -> Vec:
    """Rotate ``p`` clockwise on screen (SVG's y-down convention) about ``center``.

    >>> rotate_about(Vec(1, 0), Vec(0, 0), 90)
    Vec(x=0.0, y=1.0)
    """
    if deg == 0:
        return p
    c, s = _exact_trig(deg)
    dx, dy = p.x - center.x, p.y - center.y
    return Vec(center.x + dx * c - dy * s, center.y + dx * s + dy * c)
