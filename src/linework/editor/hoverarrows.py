"""Hover arrows (draw.io's blue arrows): four arrows round the hovered shape.

Clicking one clones the shape that way and connects the two (one undo step,
the clone selected, ready to type into); dragging one draws a connector from
that side, as dragging a port does. The arrows sit outside the shape, past
its ports (and past a selected shape's outset ports); a selected shape shows
no north arrow, where its rotate handle is.

Alt+Shift+arrow keys do the click's work from the keyboard on the selected
shape (draw.io's "clone and connect").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from linework.commands import CommandError, connect, is_locked
from linework.commands._base import ZCounter
from linework.geometry import Box, Vec, fmt
from linework.model import Attached, Document, Patch, Shape
from linework.shapes import KINDS, ShapeKind, ports_page
from linework.svg import SvgNode, node

if TYPE_CHECKING:
    from linework.editor.editor import Editor

ACCENT: Final = "#1a73e8"
#: The arrows' centres sit this far outside the shape's sides (screen px).
ARROW_PX: Final = 32.0
#: An arrow's size (screen px) and its pick radius.
ARROW_SIZE_PX: Final = 14.0
ARROW_HIT_PX: Final = 10.0
#: A shape smaller than this on screen shows no arrows (as ports, see overlay).
MIN_SIDE_PX: Final = 12.0
#: Page units between a shape and its clone.
CLONE_GAP: Final = 60.0
DIRECTIONS: Final = ("n", "e", "s", "w")
_UNIT: Final[dict[str, tuple[float, float]]] = {
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
_OPPOSITE: Final = {"n": "s", "s": "n", "e": "w", "w": "e"}
_KEY_DIRECTION: Final = {
    "ArrowUp": "n",
    "ArrowRight": "e",
    "ArrowDown": "s",
    "ArrowLeft": "w",
}


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
        ux, uy = _UNIT[name]
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
    ux, uy = _UNIT[direction]
    c = shape.box.center
    return max(ports, key=lambda n: (ports[n].x - c.x) * ux + (ports[n].y - c.y) * uy)


def clone_box(ed: Editor, shape: Shape, direction: str) -> Box:
    """Return where the clone goes: beside the shape, past any shape there."""
    b = shape.box
    ux, uy = _UNIT[direction]
    step = Vec(ux * (b.w + CLONE_GAP), uy * (b.h + CLONE_GAP))
    doc = ed.document
    idx = ed.hits.index(doc, shape.page)
    box = b
    for _ in range(12):
        box = box.translated(step)
        probe = Box(box.x - 10, box.y - 10, box.w + 20, box.h + 20)
        if not any(_blocks(doc.get(rid), shape, probe) for rid in idx.near(probe)):
            break
    return box


def _blocks(el: object, shape: Shape, probe: Box) -> bool:
    """Return whether ``el`` takes the clone's place (its container does not)."""
    if not isinstance(el, Shape) or el.id == shape.id:
        return False
    b, s = el.box, shape.box
    holds = b.x <= s.x and b.y <= s.y and s.right <= b.right and s.bottom <= b.bottom
    return not holds and b.intersects(probe)


def clone_and_connect(ed: Editor, shape_id: str, direction: str) -> str | None:
    """Clone ``shape_id`` toward ``direction``, connect it, select the clone.

    One undo step ("Clone and connect"). Returns the clone's id.
    """
    doc = ed.document
    shape = doc.get(shape_id)
    if not isinstance(shape, Shape) or direction not in _UNIT or is_locked(doc, shape):
        return None
    box = clone_box(ed, shape, direction)
    clone = replace(
        shape,
        id=ed.ids.new("shape"),
        box=box,
        z=ZCounter(doc, shape.page).above(shape.layer),
        parent=None,
    )
    add = Patch(added={clone.id: clone})
    after = doc.apply(add)
    link = connect(
        after,
        ed.ids,
        page=shape.page,
        layer=shape.layer,
        source=Attached(shape=shape.id, port=port_toward(shape, direction, ed.kinds)),
        target=Attached(
            shape=clone.id, port=port_toward(clone, _OPPOSITE[direction], ed.kinds)
        ),
        style=ed.connector_style,
    )
    ed.apply(add.then(link), "Clone and connect")
    ed.select([clone.id])
    return clone.id


def key_direction(key: str) -> str | None:
    """Return the direction an arrow key names (for Alt+Shift+arrow)."""
    return _KEY_DIRECTION.get(key)


def clone_connect_action(ed: Editor, args: Mapping[str, object]) -> None:
    """The ``clone-connect`` action: (direction, id?) — the selected shape by default.

    ``direction`` is n, e, s or w (or up, right, down, left).
    """
    d = args.get("direction")
    d = {"up": "n", "right": "e", "down": "s", "left": "w"}.get(str(d), d)
    if d not in _UNIT:
        raise CommandError("argument 'direction' must be n, e, s or w")
    rid = args.get("id")
    if rid is None:
        sel = ed.session.selection
        rid = sel[0] if len(sel) == 1 else None
    if not isinstance(rid, str) or not isinstance(ed.document.get(rid), Shape):
        raise CommandError("select one shape to clone and connect it")
    clone_and_connect(ed, rid, str(d))
