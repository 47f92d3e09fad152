"""The overlay: selection, handles, ports, hover, rubber band and guides as SVG.

Everything here is drawn in page coordinates with sizes divided by the zoom,
so handles keep their screen size. It is built from the session and the
document on every response and never enters the document or history.
Handle positions come from :func:`handles`, which the hit-tester uses too, so
what is drawn is exactly what can be grabbed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from linework.commands import HANDLES, is_locked, lock_checker, unit_bounds
from linework.commands._base import union
from linework.editor import hoverarrows
from linework.editor.hit import RouteCache
from linework.editor.labels import label_boxes
from linework.editor.snapping import Guide
from linework.geometry import COMPASS_FRACTIONS, Box, Vec, fmt, rotate_about
from linework.model import Attached, Connector, Document, Element, Group, Shape
from linework.routing import polyline
from linework.shapes import KINDS, ShapeKind, bounds, outline_page, ports_page
from linework.svg import SvgNode, node, serialize

ACCENT: Final = "#1a73e8"
HANDLE_PX: Final = 8.0  # drawn size of a square handle
OUTSET_PX: Final = 0.0  # resize handles sit on the outline (as in draw.io, Excalidraw)
ROTATE_PX: Final = 28.0  # the rotate handle sits this far above the box
PORT_PX: Final = 4.0  # port circle radius
HIT_PX: Final = 6.0  # pick tolerance for elements, handles and ports
PORT_HIT_PX: Final = PORT_PX + 3  # a port's pick radius, in screen pixels
PORT_OUTSET_PX: Final = 14.0  # a selected shape's ports sit this far outside
# Ports are screen-sized: a shape smaller than this on screen (its shorter
# side, in pixels) shows none, and a press on it moves it. From this size up
# the ports' circles and pick areas shrink with the shape inside its outline
# (a quarter of the shorter side, see ``port_hit_px``), so the middle stays
# free for moving while a 24 px row at fit zoom still starts a connector.
PORTS_MIN_SIDE_PX: Final = 12.0
#: A connector end attached to a shape draws its handle this far back along
#: the path, so the port under the end stays a port: dragging from it fans out
#: a new connector; the handle beside it drags the existing end.
END_HANDLE_PX: Final = 11.0
MAX_OUTLINES: Final = 100  # beyond this many selected, draw only the frame

_DIRS: Final = COMPASS_FRACTIONS
_CURSORS: Final = ("ns-resize", "nesw-resize", "ew-resize", "nwse-resize")


@dataclass(frozen=True, slots=True)
class Handle:
    """A grabbable point: resize ``nw``…``w``, ``rotate``, connector handles.

    ``anchor`` is the geometric point the handle moves (a box corner or edge,
    a connector end, a waypoint), which may differ from where it is drawn.
    """

    name: str
    at: Vec
    anchor: Vec
    owner: str
    index: int = -1


@dataclass(slots=True)
class Extras:
    """Gesture feedback the current tool adds to the overlay."""

    band: Box | None = None
    guides: list[Guide] = field(default_factory=list)
    placing: Box | None = None
    target: str | None = None
    target_port: str | None = None
    offset: Vec | None = None
    #: The container a drag would drop the selection into.
    drop_into: str | None = None


def selection_frame(
    doc: Document,
    selection: Sequence[str],
    kinds: Mapping[str, ShapeKind] = KINDS,
    bounds_of: Callable[[str], Box | None] | None = None,
) -> tuple[Box, float] | None:
    """Return the box the resize handles frame, and its rotation in degrees.

    One shape is framed in its own rotated box; anything else by the union of
    the selection's shape bounds, unrotated. None if nothing movable is selected.
    """
    locked = lock_checker(doc)
    live = [
        e
        for e in (doc.get(r) for r in selection)
        if isinstance(e, Shape | Group) and not locked(e)
    ]
    if len(live) == 1 and isinstance(live[0], Shape):
        return live[0].box, live[0].rotation_deg
    of = bounds_of or (lambda rid: unit_bounds(doc, rid))
    box = union(of(e.id) for e in live)
    return (box, 0.0) if box is not None else None


def handles(
    doc: Document,
    selection: Sequence[str],
    zoom: float,
    routes: RouteCache,
    kinds: Mapping[str, ShapeKind] = KINDS,
    *,
    frame: tuple[Box, float] | bool | None = True,
) -> list[Handle]:
    """Return the handles of the selection, in the order they are hit-tested.

    ``frame`` may pass in :func:`selection_frame`'s answer when the caller has it.
    """
    if len(selection) == 1:
        c = doc.get(selection[0])
        if isinstance(c, Connector):
            if is_locked(doc, c):
                return []
            return _connector_handles(doc, c, routes, zoom)
    if frame is True or frame is False:
        frame = selection_frame(doc, selection, kinds)
    if frame is None:
        return []
    box, rot = frame
    owner = selection[0] if len(selection) == 1 else ""
    out: list[Handle] = []
    center = box.center
    k = OUTSET_PX / zoom
    for name in HANDLES:
        fx, fy = _DIRS[name]
        anchor = box.at(fx, fy)
        drawn = Vec(anchor.x + (fx * 2 - 1) * k, anchor.y + (fy * 2 - 1) * k)
        out.append(
            Handle(
                name,
                rotate_about(drawn, center, rot),
                rotate_about(anchor, center, rot),
                owner,
            )
        )
    top = Vec(center.x, box.y - ROTATE_PX / zoom)
    out.append(Handle("rotate", rotate_about(top, center, rot), center, owner))
    return out


def _connector_handles(
    doc: Document, c: Connector, routes: RouteCache, zoom: float = 1.0
) -> list[Handle]:
    r = routes.route(doc, c)
    pts = r.points
    src, tgt = pts[0], pts[-1]
    line = polyline(r)
    # An attached end's handle steps back along the path (END_HANDLE_PX, at
    # most a third of the way), off the port the end sits on.
    total = sum(line[i].distance(line[i + 1]) for i in range(len(line) - 1))
    back = min(END_HANDLE_PX / zoom, total / 3)
    src_at = _along(line, back) if isinstance(c.source, Attached) else src
    tgt_at = _along(line, total - back) if isinstance(c.target, Attached) else tgt
    out = [Handle("source", src_at, src, c.id), Handle("target", tgt_at, tgt, c.id)]
    for i, w in enumerate(c.waypoints):
        out.append(Handle("waypoint", w, w, c.id, i))
    boxes = [b for _, b in label_boxes(c, r)] if c.labels else []
    marks = _spans(line, c.waypoints)
    for i in range(len(marks) - 1):
        lo, hi = marks[i], marks[i + 1]
        # A virtual bend sits on the path as drawn, halfway along the stretch
        # between two control points. Under a label it would hide the label
        # from the pointer (the label is dragged along the path): it steps
        # aside along the stretch.
        for k in (0.5, 0.25, 0.75):
            at = _along(line, lo + (hi - lo) * k)
            if not any(bx.contains(at) for bx in boxes):
                out.append(Handle("add-waypoint", at, at, c.id, i))
                break
    return out


def bend_at(
    doc: Document, c: Connector, routes: RouteCache, p: Vec, tol: float
) -> int | None:
    """Return where a waypoint pressed at ``p`` on the drawn path would go.

    That is the index in ``c.waypoints`` of the stretch between control
    points that ``p`` lies on (within ``tol``), or None when it is off the path.
    """
    line = polyline(routes.route(doc, c))
    if len(line) < 2:
        return None
    best_d, best_s = tol, -1.0
    s = 0.0
    for i in range(len(line) - 1):
        a, b = line[i], line[i + 1]
        n = a.distance(b)
        d, k = _project(p, a, b)
        if d <= best_d:
            best_d, best_s = d, s + k * n
        s += n
    if best_s < 0:
        return None
    marks = _spans(line, c.waypoints)
    for i in range(len(marks) - 1):
        if best_s <= marks[i + 1]:
            return i
    return len(marks) - 2


def _project(p: Vec, a: Vec, b: Vec) -> tuple[float, float]:
    """Return the distance from ``p`` to segment ``ab`` and the fraction 0..1 of
    the nearest point along it."""
    dx, dy = b.x - a.x, b.y - a.y
    n2 = dx * dx + dy * dy
    k = (
        0.0
        if n2 == 0
        else min(1.0, max(0.0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / n2))
    )
    q = Vec(a.x + dx * k, a.y + dy * k)
    return q.distance(p), k


def _spans(line: Sequence[Vec], waypoints: Sequence[Vec]) -> list[float]:
    """Return how far along ``line`` each control point lies: 0, each waypoint
    (found in order, the nearest point from the previous one on), the length."""
    lengths = [line[i].distance(line[i + 1]) for i in range(len(line) - 1)]
    marks = [0.0]
    seg, base = 0, 0.0  # the segment the previous mark is on, and where it starts
    for w in waypoints:
        best = (math.inf, seg, 0.0, base)
        start = base
        for j in range(seg, len(lengths)):
            d, k = _project(w, line[j], line[j + 1])
            if d < best[0] - 1e-9:
                best = (d, j, k, start)
            start += lengths[j]
        _, seg, k, base = best
        marks.append(max(marks[-1], base + k * lengths[seg] if lengths else 0.0))
    marks.append(max(marks[-1], sum(lengths)))
    return marks


def _along(line: Sequence[Vec], s: float) -> Vec:
    """Return the point ``s`` along ``line`` from its start."""
    for i in range(len(line) - 1):
        a, b = line[i], line[i + 1]
        n = a.distance(b)
        if s <= n and n > 0:
            k = s / n
            return Vec(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k)
        s -= n
    return line[-1]


def _label_frames(
    doc: Document, selection: Sequence[str], zoom: float, routes: RouteCache
) -> list[SvgNode]:
    """Dashed frames round the labels of a selected connector: they can be dragged."""
    if len(selection) != 1:
        return []
    c = doc.get(selection[0])
    if not isinstance(c, Connector) or not c.labels or is_locked(doc, c):
        return []
    return [
        _dashed_box(b, zoom, "label", (3, 2), i)
        for i, b in label_boxes(c, routes.route(doc, c))
    ]


def handle_at(hs: Sequence[Handle], p: Vec, zoom: float) -> Handle | None:
    """Return the handle under ``p`` (the closest within the tolerance)."""
    tol = (HANDLE_PX / 2 + 2) / zoom
    best: Handle | None = None
    best_d = tol
    for h in hs:
        d = h.at.distance(p)
        if d <= best_d:
            best, best_d = h, d
    return best


def shows_ports(shape: Shape, zoom: float) -> bool:
    """Return whether ``shape`` is large enough on screen to offer its ports."""
    return min(shape.box.w, shape.box.h) * zoom >= PORTS_MIN_SIDE_PX


def port_hit_px(shape: Shape, zoom: float) -> float:
    """Return a port's pick radius inside the shape, in screen pixels.

    :data:`PORT_HIT_PX` on a shape large on screen; on a small one a quarter
    of its shorter side, so two facing ports never meet in the middle.
    """
    return min(PORT_HIT_PX, min(shape.box.w, shape.box.h) * zoom / 4)


def port_radius_px(shape: Shape, zoom: float) -> float:
    """Return the drawn radius of a shape's port circles, in screen pixels."""
    return min(PORT_PX, max(2.5, port_hit_px(shape, zoom) - 1))


def port_points(
    shape: Shape,
    zoom: float,
    kinds: Mapping[str, ShapeKind],
    *,
    selected: bool = False,
) -> dict[str, Vec]:
    """Return where a shape's ports are drawn and picked, by name.

    A selected shape's resize handles sit on its outline, over the ports there,
    so its ports step :data:`PORT_OUTSET_PX` outwards (from the centre), as
    draw.io's connection arrows do; a connector still attaches on the outline.
    """
    points = ports_page(shape, kinds=kinds)
    if not selected:
        return points
    c = shape.box.center
    k = PORT_OUTSET_PX / zoom
    out: dict[str, Vec] = {}
    for name, q in points.items():
        d = q - c
        n = d.length()
        out[name] = q + d * (k / n) if n > 1e-9 else q
    return out


def port_at(
    shape: Shape,
    p: Vec,
    zoom: float,
    kinds: Mapping[str, ShapeKind],
    *,
    selected: bool = False,
) -> str | None:
    """Return the name of the shape's port under ``p``, if any.

    None on a shape too small on screen to show ports (``shows_ports``): a press
    there moves the shape instead of starting a connector. ``selected``: look
    where a selected shape's ports are drawn (:func:`port_points`).
    """
    if not shows_ports(shape, zoom):
        return None
    # Outside the shape (or a selected shape's ports, drawn outside) the full
    # pick radius; inside it a small shape's smaller one leaves its middle free.
    b = shape.box
    outside = selected or not (b.x < p.x < b.x + b.w and b.y < p.y < b.y + b.h)
    tol = (PORT_HIT_PX if outside else port_hit_px(shape, zoom)) / zoom
    best: str | None = None
    for name, q in port_points(shape, zoom, kinds, selected=selected).items():
        d = q.distance(p)
        if d <= tol:
            best, tol = name, d
    return best


def cursor_for(handle: str, rotation_deg: float) -> str:
    """Return the CSS resize cursor of a handle on a box turned by ``rotation_deg``."""
    base = {"n": 0, "ne": 1, "e": 2, "se": 3, "s": 0, "sw": 1, "w": 2, "nw": 3}
    step = round((rotation_deg % 180) / 45)
    return _CURSORS[(base[handle] + step) % 4]


def _poly(points: Sequence[Vec], zoom: float, role: str, **attrs: str) -> SvgNode:
    d = "M" + "L".join(f"{_f(p.x)} {_f(p.y)}" for p in points) + "Z"
    return node(
        "path",
        data_role=role,
        d=d,
        fill="none",
        stroke=ACCENT,
        stroke_width=1.0 / zoom,
        **attrs,
    )


def _tinted_box(
    b: Box, role: str, opacity: float, stroke_width: float, **ids: str
) -> SvgNode:
    """Return a box washed and edged in the accent (drop target, rubber band)."""
    return node(
        "rect",
        data_role=role,
        **ids,
        x=b.x,
        y=b.y,
        width=b.w,
        height=b.h,
        fill=ACCENT,
        fill_opacity=opacity,
        stroke=ACCENT,
        stroke_width=stroke_width,
    )


def _dashed_box(
    b: Box,
    zoom: float,
    role: str,
    dash: tuple[float, float],
    index: int | None = None,
) -> SvgNode:
    """Return a dashed accent rectangle of constant screen thickness."""
    return node(
        "rect",
        data_role=role,
        data_index=index,
        x=b.x,
        y=b.y,
        width=b.w,
        height=b.h,
        fill="none",
        stroke=ACCENT,
        stroke_width=1.0 / zoom,
        stroke_dasharray=f"{_f(dash[0] / zoom)} {_f(dash[1] / zoom)}",
    )


def _f(v: float) -> str:
    return fmt(v)


def _outline(
    doc: Document,
    el: Element,
    zoom: float,
    role: str,
    routes: RouteCache,
    kinds: Mapping[str, ShapeKind],
) -> list[SvgNode]:
    if isinstance(el, Shape):
        return [_poly(outline_page(el, kinds=kinds), zoom, role)]
    if isinstance(el, Connector):
        pts = routes.route(doc, el).points
        d = "M" + "L".join(f"{_f(p.x)} {_f(p.y)}" for p in pts)
        return [
            node(
                "path",
                data_role=role,
                d=d,
                fill="none",
                stroke=ACCENT,
                stroke_width=3.0 / zoom,
                stroke_opacity=0.5,
            )
        ]
    box = unit_bounds(doc, el.id)
    if box is None:
        return []
    return [
        _poly(
            (box.at(0, 0), box.at(1, 0), box.at(1, 1), box.at(0, 1)),
            zoom,
            role,
            stroke_dasharray=f"{_f(4 / zoom)} {_f(3 / zoom)}",
        )
    ]


def build(
    doc: Document,
    selection: Sequence[str],
    hover: str | None,
    zoom: float,
    routes: RouteCache,
    extras: Extras,
    *,
    show_handles: bool = True,
    frame: tuple[Box, float] | None = None,
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> str:
    """Return the overlay ``<g data-overlay="1">`` as SVG text.

    ``frame`` is the selection's frame (see :func:`selection_frame`). Past
    :data:`MAX_OUTLINES` selected elements only the frame is drawn: outlining
    thousands of elements would cost more than the edit itself.
    """
    parts: list[SvgNode] = []
    hov = doc.get(hover) if hover else None
    if isinstance(hov, Shape | Connector) and hover not in selection:
        parts.extend(_outline(doc, hov, zoom, "hover", routes, kinds))
    sel_parts: list[SvgNode] = []
    if len(selection) <= MAX_OUTLINES:
        for rid in selection:
            el = doc.get(rid)
            if isinstance(el, Shape | Connector | Group):
                sel_parts.extend(_outline(doc, el, zoom, "selection", routes, kinds))
    into = doc.get(extras.drop_into) if extras.drop_into else None
    if isinstance(into, Shape):
        parts.append(
            _tinted_box(bounds(into), "drop-target", 0.06, 2.0 / zoom, data_id=into.id)
        )
    if extras.target is not None:
        tgt = doc.get(extras.target)
        if isinstance(tgt, Shape):
            parts.extend(_outline(doc, tgt, zoom, "target", routes, kinds))
    if frame is not None and len(selection) > 1:
        box = frame[0]
        sel_parts.append(
            _poly(
                (box.at(0, 0), box.at(1, 0), box.at(1, 1), box.at(0, 1)),
                zoom,
                "selection-box",
                stroke_dasharray=f"{_f(4 / zoom)} {_f(3 / zoom)}",
            )
        )
    if extras.offset is not None and sel_parts:
        d = extras.offset
        parts.append(node("g", *sel_parts, transform=f"translate({_f(d.x)} {_f(d.y)})"))
    else:
        parts.extend(sel_parts)
    port_shape = extras.target if extras.target is not None else hover
    ps = doc.get(port_shape) if port_shape else None
    if isinstance(ps, Shape) and not is_locked(doc, ps) and shows_ports(ps, zoom):
        outset = extras.target is None and ps.id in selection
        # The ports' common paint sits on their group: it is resent with every
        # pointer move, so each circle carries only what is its own.
        circles = []
        for name, q in port_points(ps, zoom, kinds, selected=outset).items():
            on = name == extras.target_port
            circles.append(
                node(
                    "circle",
                    data_port=name,
                    data_shape=ps.id,
                    cx=q.x,
                    cy=q.y,
                    r=(port_radius_px(ps, zoom) + (1.5 if on else 0)) / zoom,
                    fill=ACCENT if on else None,
                )
            )
        parts.append(
            node(
                "g",
                *circles,
                data_role="ports",
                fill="#ffffff",
                stroke=ACCENT,
                stroke_width=1.0 / zoom,
            )
        )
    idle = extras.target is None and extras.band is None and extras.placing is None
    if show_handles and idle and isinstance(hov, Shape):
        parts.extend(
            hoverarrows.arrow_nodes(doc, hov, zoom, selected=hov.id in selection)
        )
    # Handles go over ports: a connector's end handle often sits on a port.
    if show_handles:
        parts.extend(_label_frames(doc, selection, zoom, routes))
        parts.extend(
            _handle_node(h, zoom)
            for h in handles(doc, selection, zoom, routes, kinds, frame=frame)
        )
    if extras.band is not None:
        parts.append(_tinted_box(extras.band, "rubber-band", 0.08, 1.0 / zoom))
    if extras.placing is not None:
        parts.append(_dashed_box(extras.placing, zoom, "placing", (4, 3)))
    for g in extras.guides:
        x1, y1, x2, y2 = (
            (g.at, g.lo, g.at, g.hi) if g.vertical else (g.lo, g.at, g.hi, g.at)
        )
        parts.append(
            node(
                "line",
                data_role="guide",
                x1=x1,
                y1=y1,
                x2=x2,
                y2=y2,
                stroke="#e8431a",
                stroke_width=1.0 / zoom,
            )
        )
    return serialize(node("g", *parts, data_overlay="1"))


def _handle_node(h: Handle, zoom: float) -> SvgNode:
    s = HANDLE_PX / zoom
    index = h.index if h.index >= 0 else None
    if h.name in HANDLES:
        return node(
            "rect",
            data_handle=h.name,
            x=h.at.x - s / 2,
            y=h.at.y - s / 2,
            width=s,
            height=s,
            fill="#ffffff",
            stroke=ACCENT,
            stroke_width=1.0 / zoom,
        )
    small = h.name == "add-waypoint"
    return node(
        "circle",
        data_handle=h.name,
        data_index=index,
        cx=h.at.x,
        cy=h.at.y,
        r=(s / 2) * (0.7 if small else 1.0),
        fill=ACCENT if h.name != "add-waypoint" else "#ffffff",
        fill_opacity=None if not small else 0.9,
        stroke=ACCENT,
        stroke_width=1.0 / zoom,
    )
