"""Axis-aligned boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from linework.geometry.vec import Vec


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle: top-left corner plus width and height."""

    x: float
    y: float
    w: float
    h: float

    def __init__(self, x: float, y: float, w: float, h: float) -> None:
        # The generated frozen __init__'s work, through the slot descriptors
        # directly (much cheaper; see Vec.__init__).
        _SET_X(self, x)
        _SET_Y(self, y)
        _SET_W(self, w)
        _SET_H(self, h)

    @property
    def left(self) -> float:
        """Return the x of the left edge."""
        return self.x

    @property
    def top(self) -> float:
        """Return the y of the top edge."""
        return self.y

    @property
    def right(self) -> float:
        """Return the x of the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """Return the y of the bottom edge."""
        return self.y + self.h

    @property
    def center(self) -> Vec:
        """Return the centre point.

        >>> Box(0, 0, 10, 20).center
        Vec(x=5.0, y=10.0)
        """
        return Vec(self.x + self.w / 2, self.y + self.h / 2)

    def at(self, fx: float, fy: float) -> Vec:
        """Return the point at fractions (fx, fy) of the box, (0, 0) being top-left."""
        return Vec(self.x + self.w * fx, self.y + self.h * fy)

    def corners(self) -> tuple[Vec, Vec, Vec, Vec]:
        """Return the four corners clockwise from the top-left: a box's own outline.

        >>> Box(0, 0, 2, 1).corners()[2]
        Vec(x=2, y=1)
        """
        return (
            Vec(self.x, self.y),
            Vec(self.right, self.y),
            Vec(self.right, self.bottom),
            Vec(self.x, self.bottom),
        )

    def translated(self, d: Vec) -> Box:
        """Return the box moved by ``d``."""
        return Box(self.x + d.x, self.y + d.y, self.w, self.h)

    def inflated(self, m: float) -> Box:
        """Return the box grown by ``m`` on every side."""
        return Box(self.x - m, self.y - m, self.w + 2 * m, self.h + 2 * m)

    def contains(self, p: Vec) -> bool:
        """Return whether ``p`` lies inside or on the edge."""
        return self.x <= p.x <= self.right and self.y <= p.y <= self.bottom

    def holds(self, other: Box) -> bool:
        """Return whether ``other`` lies wholly inside (touching edges count)."""
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def intersects(self, other: Box) -> bool:
        """Return whether two boxes overlap (touching counts)."""
        return not (
            other.x > self.right
            or other.right < self.x
            or other.y > self.bottom
            or other.bottom < self.y
        )

    def union(self, other: Box) -> Box:
        """Return the smallest box holding both."""
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Box(
            x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y
        )

    @staticmethod
    def around(points: Iterable[Vec]) -> Box:
        """Return the bounding box of points (at least one).

        >>> Box.around([Vec(1, 2), Vec(4, 0)])
        Box(x=1, y=0, w=3, h=2)
        """
        # A list or tuple is read as it is; other iterables are read once.
        pts = points if type(points) is tuple or type(points) is list else list(points)
        if not pts:
            raise ValueError("Box.around needs at least one point")
        xs = [p.x for p in pts]
        ys = [p.y for p in pts]
        x0, y0 = min(xs), min(ys)
        return Box(x0, y0, max(xs) - x0, max(ys) - y0)


#: The eight compass points as fractions of a box, (0, 0) being top-left: resize
#: handles, named ports and draw.io's anchors all sit there.
COMPASS_FRACTIONS: Final[dict[str, tuple[float, float]]] = {
    "nw": (0.0, 0.0),
    "n": (0.5, 0.0),
    "ne": (1.0, 0.0),
    "e": (1.0, 0.5),
    "se": (1.0, 1.0),
    "s": (0.5, 1.0),
    "sw": (0.0, 1.0),
    "w": (0.0, 0.5),
}

_SET_X: Final[Callable[[Box, float], None]] = Box.__dict__["x"].__set__
_SET_Y: Final[Callable[[Box, float], None]] = Box.__dict__["y"].__set__
_SET_W: Final[Callable[[Box, float], None]] = Box.__dict__["w"].__set__
_SET_H: Final[Callable[[Box, float], None]] = Box.__dict__["h"].__set__
