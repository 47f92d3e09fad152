"""Hover arrows (draw.io's blue arrows): four arrows round the hovered shape.

Clicking one clones the shape that way and connects the two (one undo step,
the clone selected, ready to type into); dragging one draws a connector from
that side, as dragging a port does. The arrows sit outside the shape, past
its ports (and past a selected shape's outset ports); a selected shape shows
no north arrow, where its rotate handle is.

Alt+Shift+arrow keys do the click's work from the keyboard on the selected
shape (draw.io's "clone and connect"): :mod:`linework.editor.cloneconnect`.
This module is only where the arrows are and how they look (the overlay and
the tool states read it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from linework.commands import is_locked
from linework.geometry import Vec, fmt
from linework.model import Document, Shape
from linework.shapes import KINDS, ShapeKind, ports_page
from linework.svg import SvgNode, node

ACCENT: Final = "#1a73e8"
#: The arrows' centres sit this far outside the shape's sides (screen px).
ARROW_PX: Final = 32.0
#: An arrow's size (screen px) and its pick radius.
ARROW_SIZE_PX: Final = 14.0
ARROW_HIT_PX: Final = 10.0
#: A shape smaller than this on screen shows no arrows (as ports, see overlay).
MIN_SIDE_PX: Final = 12.0
DIRECTIONS: Final = ("n", "e", "s", "w")
UNIT: Final[dict[str, tuple[float, float]]] = {
    "n": (0.0, -1.0),
    "e": (1.0, 0.0),
    "s": (0.0, 1.0),
    "w": (-1.0, 0.0),
}
#: An arrow's outline, (along, across) in arrow sizes from its centre: the
#: tip half a size ahead, a head and a shaft.
_ARROW: Final = (
    (0.5, 0.0),
    (-0.05, 0.5),
    (-0.05, 0.2),
    (-0.5, 0.2),
    (-0.5, -0.2),
    (-0.05, -0.2),
    (-0.05, -0.5),
)
OPPOSITE: Final = {"n": "s", "s": "n", "e": "w", "w": "e"}


def shows_arrows(doc: Document, shape: Shape, zoom: float) -> bool:
    """Return whether the shape offers hover arrows at this zoom."""
    return min(shape.box.w, shape.box.h) * zoom >= MIN_SIDE_PX and not is_locked(
        doc, shape
    )


def arrow_points(shape: Shape, zoom: float, *, selected: bool) -> dict[str, Vec]:
    """Return where each arrow's centre is drawn, by direction.

    Outside the shape's axis-aligned box (rotated shapes too: the arrows
    point along the page's axes, where the clone goes).
    """
    b = shape.box
    c = b.center
    if shape.rotation_deg % 180:
        from linework.shapes import bounds

        b = bounds(shape)
    k = ARROW_PX / zoom
    out = {
        "n": Vec(c.x, b.y - k),
        "e": Vec(b.x + b.w + k, c.y),
        "s": Vec(c.x, b.y + b.h + k),
        "w": Vec(b.x - k, c.y),
    }
    if selected:
        del out["n"]  # the rotate handle sits there
    return out


def arrow_at(
    doc: Document, hover: str | None, selection: tuple[str, ...], p: Vec, zoom: float
) -> tuple[str, str] | None:
    """Return (shape id, direction) of the hovered shape's arrow under ``p``."""
    shape = doc.get(hover) if hover else None
    if not isinstance(shape, Shape) or not shows_arrows(doc, shape, zoom):
        return None
    tol = ARROW_HIT_PX / zoom
    pts = arrow_points(shape, zoom, selected=shape.id in selection)
    for name, q in pts.items():
        if q.distance(p) <= tol:
            return shape.id, name
    return None


def near_arrows(shape: Shape, p: Vec, zoom: float) -> bool:
    """Return whether ``p`` is on the way from the shape to one of its arrows.

    The hover stays on the shape there, so the arrows do not vanish while the
    pointer crosses the gap to them.
    """
    b = shape.box
    reach = (ARROW_PX + ARROW_HIT_PX) / zoom
    half = ARROW_HIT_PX / zoom
    c = b.center
    across_x = abs(p.x - c.x) <= half and b.y - reach <= p.y <= b.y + b.h + reach
    across_y = abs(p.y - c.y) <= half and b.x - reach <= p.x <= b.x + b.w + reach
    return across_x or across_y


def arrow_nodes(
    doc: Document, shape: Shape, zoom: float, *, selected: bool
) -> list[SvgNode]:
    """Return the arrows of ``shape`` as overlay SVG nodes."""
    if not shows_arrows(doc, shape, zoom):
        return []
    s = ARROW_SIZE_PX / zoom
    out: list[SvgNode] = []
    for name, q in arrow_points(shape, zoom, selected=selected).items():
        ux, uy = UNIT[name]
        vx, vy = -uy, ux  # across
        pts = tuple(
            Vec(q.x + (ux * a + vx * b) * s, q.y + (uy * a + vy * b) * s)
            for a, b in _ARROW
        )
        out.append(
            node(
                "path",
                data_role="hover-arrow",
                data_dir=name,
                data_shape=shape.id,
                d="M" + "L".join(f"{fmt(v.x)} {fmt(v.y)}" for v in pts) + "Z",
                fill=ACCENT,
                fill_opacity=0.55,
                stroke="#ffffff",
                stroke_width=1.0 / zoom,
            )
        )
    return out


def port_toward(
    shape: Shape, direction: str, kinds: Mapping[str, ShapeKind] = KINDS
) -> str | None:
    """Return the shape's port on the side facing ``direction`` (None: float)."""
    ports = ports_page(shape, kinds=kinds)
    if direction in ports:
        return direction
    if not ports:
        return None
    ux, uy = UNIT[direction]
    c = shape.box.center
    return max(ports, key=lambda n: (ports[n].x - c.x) * ux + (ports[n].y - c.y) * uy)
