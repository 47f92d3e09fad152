"""Arrowheads drawn inline at a connector's ends.

Heads are plain paths and circles in page coordinates, not ``<marker>``s, so
each connector's fragment stands alone (no shared ``<defs>`` to keep in sync
when the DOM is patched) and looks the same in every SVG renderer. Sizes
grow with the stroke width but never drop below a readable minimum.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from linework.geometry import Vec, fmt
from linework.model import ARROWHEADS, DEFAULT_STYLE
from linework.svg import SvgNode, esc_attr, node, serialize

#: Hollow heads are filled so the line behind them does not show through.
HOLLOW_FILL: Final = "#ffffff"
_MIN_SIZE: Final = 8.0


def head_size(stroke_width: float) -> float:
    """Return the length of an arrowhead for a line of ``stroke_width``.

    >>> head_size(1.5), head_size(4)
    (9.5, 17.0)
    """
    return max(_MIN_SIZE, 5.0 + 3.0 * max(stroke_width, 0.0))


#: Heads that read as dots at the automatic size are drawn larger (a UML
#: composition's diamond, draw.io's ``diamondThin`` at its usual size 14).
_AUTO_SCALE: Final[dict[str, float]] = {
    "diamond": 1.6,
    "diamond-hollow": 1.6,
    "circle": 1.2,
    "circle-hollow": 1.2,
}
#: The largest head length a style may ask for.
MAX_HEAD: Final = 200.0


def size_of(name: str, stroke_width: float, size: float | None = None) -> float:
    """Return the length of head ``name``: the style's ``size`` when set
    (clamped to 1..MAX_HEAD), else the automatic one for the stroke width.

    >>> size_of("classic", 1.5), round(size_of("diamond", 1.5), 3)
    (9.5, 15.2)
    >>> size_of("open", 1, 20)
    20.0
    """
    if size is not None and math.isfinite(size):
        return float(min(max(size, 1.0), MAX_HEAD))
    return head_size(stroke_width) * _AUTO_SCALE.get(name, 1.0)


class _Frame:
    """Local coordinates of a head: the tip at the origin, pointing along +x."""

    def __init__(self, tip: Vec, direction: Vec) -> None:
        # direction.normalized() (east if that is zero) and its left normal,
        # kept as plain floats: the same expressions without the Vecs.
        dx, dy = direction.x, direction.y
        n = math.hypot(dx, dy)
        ux, uy = (0.0, 0.0) if n == 0 else (dx / n, dy / n)
        if ux == 0.0 and uy == 0.0:
            ux, uy = 1.0, 0.0
        self.ux, self.uy, self.vx, self.vy = ux, uy, -uy, ux
        self.tx, self.ty = tip.x, tip.y

    def at(self, x: float, y: float) -> Vec:
        """Return the page point ``x`` along the head and ``y`` across it."""
        return Vec(
            self.tx + self.ux * x + self.vx * y, self.ty + self.uy * x + self.vy * y
        )

    def path(self, *pts: tuple[float, float], close: bool) -> str:
        """Return path data through local points.

        The text ``path_d`` would give for the ``at`` points, built without the
        intermediate Vecs and command tuples (same arithmetic, same ``fmt``).
        """
        tx, ty, ux, uy = self.tx, self.ty, self.ux, self.uy
        vx, vy = self.vx, self.vy
        parts: list[str] = []
        cmd = "M"
        for x, y in pts:
            parts.append(
                cmd + fmt(tx + ux * x + vx * y) + " " + fmt(ty + uy * x + vy * y)
            )
            cmd = "L"
        if close:
            parts.append("Z")
        return "".join(parts)


def _filled(d: str, color: str) -> SvgNode:
    return node("path", d=d, fill=color, stroke="none")


def _outlined(d: str, color: str, w: float, fill: str) -> SvgNode:
    return node(
        "path",
        d=d,
        fill=fill,
        stroke=color,
        stroke_width=w,
        stroke_linejoin="round",
        stroke_linecap="round",
    )


def _circle(f: _Frame, x: float, r: float, color: str, w: float | None) -> SvgNode:
    c = f.at(x, 0.0)
    if w is None:
        return node("circle", cx=c.x, cy=c.y, r=r, fill=color, stroke="none")
    return node(
        "circle", cx=c.x, cy=c.y, r=r, fill=HOLLOW_FILL, stroke=color, stroke_width=w
    )


# Each drawer gets the frame, the head length, the stroke width and colour.
_Drawer = Callable[[_Frame, float, float, str], tuple[SvgNode, ...]]


def _classic(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    h = 0.45 * n
    return (_filled(f.path((0, 0), (-n, h), (-0.7 * n, 0), (-n, -h), close=True), c),)


def _open(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    # Back off half a stroke so the round join's outer edge lands on the tip.
    b, h = w / 2, 0.45 * n
    d = f.path((-b - n, h), (-b, 0), (-b - n, -h), close=False)
    return (_outlined(d, c, w, "none"),)


def _block(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    h = 0.45 * n
    return (_filled(f.path((0, 0), (-n, h), (-n, -h), close=True), c),)


def _block_hollow(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    b, h = w / 2, 0.45 * n
    d = f.path((-b, 0), (-b - n, h), (-b - n, -h), close=True)
    return (_outlined(d, c, w, HOLLOW_FILL),)


def _diamond_path(f: _Frame, n: float, b: float) -> str:
    h = 0.35 * n
    return f.path((-b, 0), (-b - n / 2, h), (-b - n, 0), (-b - n / 2, -h), close=True)


def _diamond(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    return (_filled(_diamond_path(f, n, 0.0), c),)


def _diamond_hollow(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    return (_outlined(_diamond_path(f, n, w / 2), c, w, HOLLOW_FILL),)


def _circle_filled(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    r = 0.35 * n
    return (_circle(f, -r, r, c, None),)


def _circle_hollow(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    r = 0.35 * n
    return (_circle(f, -r - w / 2, r, c, w),)


# Crow's-foot marks are drawn over the line, which runs on to the tip and is
# the foot's middle toe; they are 25 % larger than the other heads to read.
def _er_bar(f: _Frame, x: float, h: float, w: float, c: str) -> SvgNode:
    return _outlined(f.path((x, h), (x, -h), close=False), c, w, "none")


def _er_foot(f: _Frame, n: float, w: float, c: str) -> SvgNode:
    h = 0.5 * n
    return _outlined(f.path((0, h), (-n, 0), (0, -h), close=False), c, w, "none")


def _er_ring(f: _Frame, x: float, n: float, w: float, c: str) -> SvgNode:
    r = 0.3 * n
    return _circle(f, x - r, r, c, w)


def _er_one(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    n *= 1.25
    return (_er_bar(f, -0.5 * n, 0.5 * n, w, c),)


def _er_many(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    n *= 1.25
    return (_er_foot(f, n, w, c),)


def _er_zero_or_one(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    n *= 1.25
    return (_er_bar(f, -0.5 * n, 0.5 * n, w, c), _er_ring(f, -0.8 * n, n, w, c))


def _er_one_or_many(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    n *= 1.25
    return (_er_foot(f, n, w, c), _er_bar(f, -1.3 * n, 0.5 * n, w, c))


def _er_zero_or_many(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    n *= 1.25
    return (_er_foot(f, n, w, c), _er_ring(f, -1.1 * n, n, w, c))


def _cross(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    # An X over the line, which runs on to the tip (Mermaid's ``--x``,
    # draw.io's ``cross``).
    x, h = -0.5 * n, 0.4 * n
    d = f.path((x - h, h), (x + h, -h), close=False) + f.path(
        (x - h, -h), (x + h, h), close=False
    )
    return (_outlined(d, c, w, "none"),)


def _none(f: _Frame, n: float, w: float, c: str) -> tuple[SvgNode, ...]:
    return ()


_DRAWERS: Final[dict[str, _Drawer]] = {
    "none": _none,
    "classic": _classic,
    "open": _open,
    "block": _block,
    "block-hollow": _block_hollow,
    "diamond": _diamond,
    "diamond-hollow": _diamond_hollow,
    "circle": _circle_filled,
    "circle-hollow": _circle_hollow,
    "er-one": _er_one,
    "er-many": _er_many,
    "er-zero-or-one": _er_zero_or_one,
    "er-one-or-many": _er_one_or_many,
    "er-zero-or-many": _er_zero_or_many,
    "cross": _cross,
}
# How far back the line stops, as (fraction of the head length, strokes).
_INSETS: Final[dict[str, tuple[float, float]]] = {
    "classic": (0.6, 0.0),  # inside the notch, so the butt end is covered
    "open": (0.0, 0.5),  # at the vertex, under the round join
    "block": (0.8, 0.0),
    "block-hollow": (1.0, 0.5),  # at the base, so the white inside stays white
    "diamond": (0.5, 0.0),
    "diamond-hollow": (1.0, 0.5),
    "circle": (0.35, 0.0),
    "circle-hollow": (0.7, 0.5),
}
assert set(_DRAWERS) == set(ARROWHEADS), "every arrowhead name needs a drawer"


def arrowhead(
    name: str,
    tip: Vec,
    direction: Vec,
    stroke_width: float,
    *,
    color: str = DEFAULT_STYLE.stroke,
    size: float | None = None,
) -> tuple[SvgNode, ...]:
    """Return the SVG nodes of one arrowhead.

    Args:
        name: One of ``ARROWHEADS``; an unknown name (from a newer file) draws
            nothing rather than failing the whole render.
        tip: Where the head's point touches the end of the connector.
        direction: The way the head points (out of the line); need not be unit.
        stroke_width: The connector's stroke width; the head scales with it.
        color: The connector's stroke colour.
        size: The head's length from the style (None: automatic, see
            :func:`size_of`).

    Returns:
        The nodes to draw after the line, possibly none.
    """
    draw = _DRAWERS.get(name, _none)
    w = max(stroke_width, 0.0)
    return draw(_Frame(tip, direction), size_of(name, w, size), w, color)


def inset(name: str, stroke_width: float, size: float | None = None) -> float:
    """Return how far to pull the line's end back from the tip of head ``name``.

    The line then ends under the head instead of poking through its point or
    showing inside a hollow head.

    >>> inset("none", 2), inset("block-hollow", 2)
    (0.0, 12.0)
    """
    frac, strokes = _INSETS.get(name, (0.0, 0.0))
    w = max(stroke_width, 0.0)
    return frac * size_of(name, w, size) + strokes * w


def arrowhead_svg(
    name: str,
    tip: Vec,
    direction: Vec,
    stroke_width: float,
    *,
    color: str = DEFAULT_STYLE.stroke,
    size: float | None = None,
) -> str:
    """Return the text ``serialize`` gives for :func:`arrowhead`'s nodes.

    Every connector of a big page draws two heads, most of them ``none`` or
    ``classic``; those two are written here without building nodes (the same
    path text, escaping and attribute order), the rest through the nodes.
    """
    draw = _DRAWERS.get(name, _none)
    if draw is _none:
        return ""
    if draw is not _classic or type(color) is not str:
        heads = arrowhead(name, tip, direction, stroke_width, color=color, size=size)
        return "".join([serialize(n) for n in heads])
    n = size_of(name, max(stroke_width, 0.0), size)
    h = 0.45 * n
    d = _Frame(tip, direction).path(
        (0, 0), (-n, h), (-0.7 * n, 0), (-n, -h), close=True
    )
    tail = _FILLED_TAIL.get(color)
    if tail is None:
        tail = f'" fill="{esc_attr(color)}" stroke="none"/>'
        if len(_FILLED_TAIL) >= 4096:
            _FILLED_TAIL.clear()
        _FILLED_TAIL[color] = tail
    return '<path d="' + esc_attr(d) + tail


# The end of a filled head's tag, by its colour (a page uses few).
_FILLED_TAIL: dict[str, str] = {}
