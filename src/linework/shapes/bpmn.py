"""BPMN 2.0 kinds: events, activities, gateways and data.

Each palette entry is its own kind (``bpmn-start-timer``, ``bpmn-user-task``,
``bpmn-gateway-parallel`` …), as in draw.io's BPMN palette, so a kind name says
everything a reader needs and draw.io's ``outline``/``symbol``/``taskMarker``/
``gwType`` map to one name each way. Markers are drawn in the stroke colour;
a throwing event's marker (end events) is filled. Pools and lanes are the
``swimlane`` kind of the containers module (see ``linework.editor.presets``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

from linework.geometry import Box, Vec, fmt
from linework.model import Shape
from linework.shapes._curves import SQRT_HALF, ellipse, ellipse_ports
from linework.shapes.kind import (
    KindBase,
    box_rect,
    lines_node,
    polygon_d,
    polygon_node,
    polyline_d,
    side_ports,
)
from linework.shapes.note import SheetKind
from linework.shapes.polygons import DiamondKind
from linework.shapes.rect import RoundedBox, fixed_radius, rect_node
from linework.shapes.table import table_kinds
from linework.svg import SvgNode, node

EventPosition = Literal["start", "intermediate", "end"]
Marker = Literal["none", "message", "timer", "error", "signal", "terminate"]
#: Markers an imported event may carry in ``props["marker"]`` beyond the
#: palette's (draw.io's other BPMN triggers).
EXTRA_MARKERS: Final = frozenset(
    {
        "escalation",
        "conditional",
        "link",
        "compensation",
        "cancel",
        "multiple",
        "parallel-multiple",
    }
)
TaskType = Literal["none", "user", "service", "script", "send", "receive", "manual"]
GatewayType = Literal["exclusive", "parallel", "inclusive", "event-based"]

#: Every event marker, in palette order.
MARKERS: Final[tuple[Marker, ...]] = (
    "none",
    "message",
    "timer",
    "error",
    "signal",
    "terminate",
)
#: The corner radius of tasks and sub-processes when the style has none.
TASK_RADIUS: Final = 10.0
#: How much thicker an end event's ring is than the style's stroke.
END_RING: Final = 2.5


def ink(shape: Shape) -> str:
    """Return the colour markers are drawn in: the stroke, else the font colour."""
    st = shape.style
    return st.stroke if st.stroke != "none" else st.font_color


def paper(shape: Shape) -> str:
    """Return the colour that reads on a filled marker: the shape's fill or white."""
    return shape.style.fill if shape.style.fill != "none" else "#ffffff"


# --------------------------------------------------------------------------- glyphs
def annulus(c: Vec, outer: float, inner: float, fill: str) -> SvgNode:
    """Return a filled ring (a thick circle drawn as area, never as stroke width).

    The inner circle runs the other way round, so the non-zero rule leaves
    the hole open.
    """

    def circle(r: float, sweep: int) -> str:
        return (
            f"M{fmt(c.x + r)} {fmt(c.y)}"
            f"A{fmt(r)} {fmt(r)} 0 1 {sweep} {fmt(c.x - r)} {fmt(c.y)}"
            f"A{fmt(r)} {fmt(r)} 0 1 {sweep} {fmt(c.x + r)} {fmt(c.y)}Z"
        )

    return node("path", d=circle(outer, 1) + circle(inner, 0), fill=fill, stroke="none")


def bar(a: Vec, b: Vec, width: float, fill: str) -> SvgNode:
    """Return a straight bar from ``a`` to ``b`` ``width`` thick, as a filled area."""
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy) or 1.0
    ox, oy = -dy / n * width / 2, dx / n * width / 2
    quad = [
        Vec(a.x + ox, a.y + oy),
        Vec(b.x + ox, b.y + oy),
        Vec(b.x - ox, b.y - oy),
        Vec(a.x - ox, a.y - oy),
    ]
    return node("path", d=polygon_d(quad), fill=fill, stroke="none")


def envelope(shape: Shape, c: Vec, w: float, filled: bool) -> tuple[SvgNode, ...]:
    """Return a letter ``w`` wide centred on ``c``: filled (sent) or hollow."""
    h = w * 0.68
    box = Box(c.x - w / 2, c.y - h / 2, w, h)
    flap = [Vec(box.x, box.y), Vec(c.x, box.y + h * 0.55), Vec(box.right, box.y)]
    if filled:
        return (
            box_rect(box, fill=ink(shape), stroke=ink(shape)),
            node("path", d=polyline_d(flap), fill="none", stroke=paper(shape)),
        )
    return (
        box_rect(box, fill=paper(shape)),
        lines_node(flap),
    )


def _marker(
    shape: Shape, marker: str, c: Vec, r: float, filled: bool
) -> tuple[SvgNode, ...]:
    """Return an event's marker drawn inside a ring of radius ``r`` about ``c``."""
    fill = ink(shape) if filled else "none"
    if marker == "message":
        return envelope(shape, c, r * 1.05, filled)
    if marker == "timer":
        t = r * 0.62
        ticks = []
        for i in range(12):
            a = math.radians(i * 30)
            ticks.append(
                [
                    Vec(c.x + math.cos(a) * t * 0.8, c.y + math.sin(a) * t * 0.8),
                    Vec(c.x + math.cos(a) * t, c.y + math.sin(a) * t),
                ]
            )
        hands = [Vec(c.x, c.y - t * 0.7), c, Vec(c.x + t * 0.5, c.y)]
        return (
            node("circle", cx=c.x, cy=c.y, r=t, fill=paper(shape)),
            lines_node(*ticks, hands),
        )
    if marker == "error":
        s = r * 0.55
        bolt = [
            Vec(c.x - s, c.y + s),
            Vec(c.x - s * 0.45, c.y - s * 0.9),
            Vec(c.x + s * 0.2, c.y + s * 0.1),
            Vec(c.x + s, c.y - s),
            Vec(c.x + s * 0.45, c.y + s * 0.9),
            Vec(c.x - s * 0.2, c.y - s * 0.1),
        ]
        return (node("path", d=polygon_d(bolt), fill=fill),)
    if marker == "signal":
        s = r * 0.6
        tri = [
            Vec(c.x, c.y - s),
            Vec(c.x + s * 0.87, c.y + s * 0.55),
            Vec(c.x - s * 0.87, c.y + s * 0.55),
        ]
        return (node("path", d=polygon_d(tri), fill=fill),)
    if marker == "terminate":
        return (
            node("circle", cx=c.x, cy=c.y, r=r * 0.6, fill=ink(shape), stroke="none"),
        )
    return _other_marker(marker, c, r * 0.55, fill)


def _other_marker(marker: str, c: Vec, s: float, fill: str) -> tuple[SvgNode, ...]:
    """Return the markers only imports carry (escalation, link, cancel …)."""
    pts: list[Vec] = []
    if marker == "escalation":
        pts = [
            Vec(c.x, c.y - s),
            Vec(c.x + s * 0.7, c.y + s),
            Vec(c.x, c.y + s * 0.2),
            Vec(c.x - s * 0.7, c.y + s),
        ]
    elif marker == "link":
        pts = [
            Vec(c.x - s, c.y - s * 0.35),
            Vec(c.x + s * 0.2, c.y - s * 0.35),
            Vec(c.x + s * 0.2, c.y - s * 0.8),
            Vec(c.x + s, c.y),
            Vec(c.x + s * 0.2, c.y + s * 0.8),
            Vec(c.x + s * 0.2, c.y + s * 0.35),
            Vec(c.x - s, c.y + s * 0.35),
        ]
    elif marker == "compensation":
        pts = [
            Vec(c.x - s, c.y),
            Vec(c.x, c.y - s * 0.6),
            Vec(c.x, c.y),
            Vec(c.x + s, c.y - s * 0.6),
            Vec(c.x + s, c.y + s * 0.6),
            Vec(c.x, c.y),
            Vec(c.x, c.y + s * 0.6),
        ]
    elif marker == "multiple":
        pts = [
            Vec(
                c.x + s * math.cos(math.radians(-90 + 72 * i)),
                c.y + s * math.sin(math.radians(-90 + 72 * i)),
            )
            for i in range(5)
        ]
    elif marker == "conditional":
        page = Box(c.x - s * 0.65, c.y - s * 0.85, s * 1.3, s * 1.7)
        rows = [
            [
                Vec(page.x + 3, page.y + page.h * k),
                Vec(page.right - 3, page.y + page.h * k),
            ]
            for k in (0.25, 0.45, 0.65, 0.85)
        ]
        return (rect_node(page), lines_node(*rows))
    elif marker in ("cancel", "parallel-multiple"):
        w = s * 0.3
        if marker == "cancel":
            d = s * 0.7
            return (
                lines_node(
                    [Vec(c.x - d, c.y - d), Vec(c.x + d, c.y + d)],
                    [Vec(c.x + d, c.y - d), Vec(c.x - d, c.y + d)],
                ),
            )
        pts = [
            Vec(c.x - w, c.y - s),
            Vec(c.x + w, c.y - s),
            Vec(c.x + w, c.y - w),
            Vec(c.x + s, c.y - w),
            Vec(c.x + s, c.y + w),
            Vec(c.x + w, c.y + w),
            Vec(c.x + w, c.y + s),
            Vec(c.x - w, c.y + s),
            Vec(c.x - w, c.y + w),
            Vec(c.x - s, c.y + w),
            Vec(c.x - s, c.y - w),
            Vec(c.x - w, c.y - w),
        ]
    if not pts:
        return ()
    return (node("path", d=polygon_d(pts), fill=fill),)


def _task_marker(
    shape: Shape, task: TaskType, at: Vec, s: float
) -> tuple[SvgNode, ...]:
    """Return a task type's marker in the ``s``-wide square whose top left is ``at``."""
    x, y = at.x, at.y
    c = Vec(x + s / 2, y + s / 2)
    if task == "user":
        head = node("circle", cx=c.x, cy=y + s * 0.3, r=s * 0.22, fill=paper(shape))
        body = node(
            "path",
            d=(
                polyline_d(
                    [
                        Vec(x + s * 0.1, y + s),
                        Vec(x + s * 0.1, y + s * 0.78),
                        Vec(x + s * 0.3, y + s * 0.58),
                        Vec(x + s * 0.7, y + s * 0.58),
                        Vec(x + s * 0.9, y + s * 0.78),
                        Vec(x + s * 0.9, y + s),
                    ]
                )
                + "Z"
            ),
            fill=paper(shape),
        )
        return (body, head)
    if task == "service":
        teeth = []
        for i in range(8):
            a = math.radians(i * 45)
            teeth.append(
                [
                    Vec(c.x + math.cos(a) * s * 0.3, c.y + math.sin(a) * s * 0.3),
                    Vec(c.x + math.cos(a) * s * 0.5, c.y + math.sin(a) * s * 0.5),
                ]
            )
        return (
            *(bar(a, b, max(2.0, s * 0.14), ink(shape)) for a, b in teeth),
            node("circle", cx=c.x, cy=c.y, r=s * 0.32, fill=paper(shape)),
            node("circle", cx=c.x, cy=c.y, r=s * 0.12, fill=paper(shape)),
        )
    if task == "script":
        page = [
            Vec(x + s * 0.25, y),
            Vec(x + s, y),
            Vec(x + s * 0.75, y + s),
            Vec(x, y + s),
        ]
        rows = [
            [
                Vec(x + s * (0.3 + 0.05 * i), y + s * k),
                Vec(x + s * (0.75 - 0.05 * i), y + s * k),
            ]
            for i, k in enumerate((0.3, 0.5, 0.7))
        ]
        return (node("path", d=polygon_d(page), fill=paper(shape)), lines_node(*rows))
    if task in ("send", "receive"):
        return envelope(shape, c, s, filled=task == "send")
    if task == "manual":
        fingers = [
            [
                Vec(x + s * 0.35, y + s * (0.25 + 0.17 * i)),
                Vec(x + s, y + s * (0.25 + 0.17 * i)),
            ]
            for i in range(4)
        ]
        palm = [
            Vec(x, y + s * 0.35),
            Vec(x + s * 0.3, y + s * 0.1),
            Vec(x + s * 0.6, y + s * 0.1),
            Vec(x + s * 0.6, y + s * 0.25),
            Vec(x + s, y + s * 0.25),
            Vec(x + s, y + s * 0.76),
            Vec(x + s * 0.2, y + s * 0.76),
            Vec(x, y + s * 0.6),
        ]
        return (
            node("path", d=polygon_d(palm), fill=paper(shape)),
            lines_node(*fingers),
        )
    return ()


# --------------------------------------------------------------------------- events
@dataclass(frozen=True, slots=True, kw_only=True)
class EventKind(KindBase):
    """A BPMN event: a circle (thin for start, double for intermediate, thick
    for end) with its trigger's marker; end events throw, so their marker is filled.
    """

    position: EventPosition = "start"
    marker: Marker = "none"

    def _circle(self, shape: Shape) -> tuple[Vec, float]:
        b = shape.box
        return b.center, min(b.w, b.h) / 2

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the circle as 32 points (compass extremes exact)."""
        c, r = self._circle(shape)
        return ellipse(c, r, r, 32)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the four extremes of the circle."""
        c, r = self._circle(shape)
        return ellipse_ports(c, r, r)

    def label_box(self, shape: Shape) -> Box:
        """Return the square inscribed in the circle (labels usually sit below)."""
        c, r = self._circle(shape)
        h = r * SQRT_HALF
        return Box(c.x - h, c.y - h, 2 * h, 2 * h)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the ring(s), then the marker."""
        c, r = self._circle(shape)
        sw = shape.style.stroke_width
        if self.position == "end":
            # The outline, then a ring as thick as END_RING strokes inside it.
            rings: tuple[SvgNode, ...] = (
                node("circle", cx=c.x, cy=c.y, r=r),
                annulus(c, r, max(0.0, r - sw * END_RING), ink(shape)),
            )
        elif self.position == "intermediate":
            gap = max(2.5, r * 0.12)
            rings = (
                node("circle", cx=c.x, cy=c.y, r=r),
                node("circle", cx=c.x, cy=c.y, r=r - gap, fill="none"),
            )
        else:
            rings = (node("circle", cx=c.x, cy=c.y, r=r),)
        marker: str = self.marker
        extra = shape.props.get("marker")
        if isinstance(extra, str) and (extra in MARKERS or extra in EXTRA_MARKERS):
            marker = extra
        throwing = self.position == "end" or shape.props.get("throwing") is True
        return rings + _marker(shape, marker, c, r, throwing)


# --------------------------------------------------------------------------- tasks
@dataclass(frozen=True, slots=True, kw_only=True)
class TaskKind(RoundedBox, KindBase):
    """A BPMN activity: a rounded rectangle with the task type's marker at the
    top left, or (``sub_process``) the collapsed-sub-process "+" at the bottom.
    """

    task: TaskType = "none"
    sub_process: bool = False

    def _radius(self, shape: Shape) -> float:
        return fixed_radius(shape, TASK_RADIUS)

    def _marker_size(self, shape: Shape) -> float:
        return max(6.0, min(16.0, shape.box.h * 0.22, shape.box.w * 0.2))

    def label_box(self, shape: Shape) -> Box:
        """Return the box clear of the markers (top-left type, bottom "+")."""
        b = shape.box
        m = self._marker_size(shape)
        top = m + 4 if self.task != "none" else 0.0
        bottom = m + 4 if self.sub_process else 0.0
        return Box(b.x, b.y + top, b.w, max(1.0, b.h - top - bottom))

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the rounded rectangle, then its markers."""
        b = shape.box
        out: list[SvgNode] = [rect_node(b, self._radius(shape))]
        m = self._marker_size(shape)
        out.extend(_task_marker(shape, self.task, Vec(b.x + 6, b.y + 5), m))
        if self.sub_process:
            sq = Box(b.center.x - m / 2, b.bottom - m - 3, m, m)
            c = sq.center
            out.append(rect_node(sq))
            out.append(
                lines_node(
                    [Vec(c.x, sq.y + 3), Vec(c.x, sq.bottom - 3)],
                    [Vec(sq.x + 3, c.y), Vec(sq.right - 3, c.y)],
                )
            )
        return tuple(out)


# --------------------------------------------------------------------------- gateways
@dataclass(frozen=True, slots=True, kw_only=True)
class GatewayKind(DiamondKind):
    """A BPMN gateway: a diamond with its type's thick marker."""

    gateway: GatewayType = "exclusive"

    def label_box(self, shape: Shape) -> Box:
        """Return the box inscribed in the diamond (labels usually sit below)."""
        b = shape.box
        return Box(b.x + b.w / 4, b.y + b.h / 4, b.w / 2, b.h / 2)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the diamond, then the marker."""
        b = shape.box
        c = b.center
        s = min(b.w, b.h) * 0.22
        thick = max(shape.style.stroke_width * 2, 3.0)
        base = polygon_node(self.outline(shape))
        col = ink(shape)
        gateway: str = self.gateway
        if shape.props.get("gateway") == "complex":  # draw.io's complex gateway
            gateway = "complex"
            d = s * 0.8
            return (
                base,
                bar(Vec(c.x - d, c.y - d), Vec(c.x + d, c.y + d), thick, col),
                bar(Vec(c.x + d, c.y - d), Vec(c.x - d, c.y + d), thick, col),
                bar(Vec(c.x, c.y - s), Vec(c.x, c.y + s), thick, col),
                bar(Vec(c.x - s, c.y), Vec(c.x + s, c.y), thick, col),
            )
        if gateway == "exclusive":
            d = s * 0.8
            mark: tuple[SvgNode, ...] = (
                bar(Vec(c.x - d, c.y - d), Vec(c.x + d, c.y + d), thick, col),
                bar(Vec(c.x + d, c.y - d), Vec(c.x - d, c.y + d), thick, col),
            )
        elif gateway == "parallel":
            mark = (
                bar(Vec(c.x, c.y - s), Vec(c.x, c.y + s), thick, col),
                bar(Vec(c.x - s, c.y), Vec(c.x + s, c.y), thick, col),
            )
        elif gateway == "inclusive":
            mark = (annulus(c, s + thick / 2, s - thick / 2, col),)
        else:  # event-based: a double ring round a pentagon
            p = s * 0.55
            pent = [
                Vec(
                    c.x + p * math.cos(math.radians(-90 + 72 * i)),
                    c.y + p * math.sin(math.radians(-90 + 72 * i)),
                )
                for i in range(5)
            ]
            mark = (
                node("circle", cx=c.x, cy=c.y, r=s * 1.05, fill="none"),
                node("circle", cx=c.x, cy=c.y, r=s * 0.85, fill="none"),
                node("path", d=polygon_d(pent), fill="none"),
            )
        return (base, *mark)


# --------------------------------------------------------------------------- data
@dataclass(frozen=True, slots=True, kw_only=True)
class DataObjectKind(SheetKind):
    """A data object: a page with a folded top-right corner."""

    def _fold(self, b: Box) -> float:
        return min(b.w, b.h) * 0.3

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the edge midpoints."""
        return side_ports(shape.box)

    def label_box(self, shape: Shape) -> Box:
        """Return the page below the fold (labels usually sit below)."""
        return self.below_fold(shape)


@dataclass(frozen=True, slots=True, kw_only=True)
class DataStoreKind(KindBase):
    """A data store: a drum with two rims under its top."""

    def _cap(self, shape: Shape) -> float:
        return min(shape.box.h * 0.15, shape.box.w * 0.25)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the drum's silhouette: top and bottom half-ellipses joined."""
        b = shape.box
        ry, rx = self._cap(shape), b.w / 2
        top = [
            p for p in ellipse(Vec(b.center.x, b.y + ry), rx, ry, 32) if p.y <= b.y + ry
        ]
        bottom = [
            p
            for p in ellipse(Vec(b.center.x, b.bottom - ry), rx, ry, 32)
            if p.y >= b.bottom - ry
        ]
        top.sort(key=lambda p: p.x)
        bottom.sort(key=lambda p: -p.x)
        return (*top, *bottom)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the edge midpoints."""
        return side_ports(shape.box)

    def label_box(self, shape: Shape) -> Box:
        """Return the body under the rims (labels usually sit below)."""
        b = shape.box
        ry = self._cap(shape)
        return Box(b.x, b.y + 3.5 * ry, b.w, max(1.0, b.h - 4.5 * ry))

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the silhouette, then the three unfilled rims of the top."""
        b = shape.box
        ry, rx = self._cap(shape), b.w / 2
        rims = [
            f"M{fmt(b.x)} {fmt(y)}A{fmt(rx)} {fmt(ry)} 0 0 0 {fmt(b.right)} {fmt(y)}"
            for y in (b.y + ry, b.y + ry * 1.8, b.y + ry * 2.6)
        ]
        return (
            polygon_node(self.outline(shape)),
            node("path", d="".join(rims), fill="none"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageKind(KindBase):
    """A BPMN message: an envelope (draw.io's ``shape=message``)."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the envelope's rectangle."""
        return shape.box.corners()

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the edge midpoints."""
        return side_ports(shape.box)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the envelope and its flap."""
        b = shape.box
        return (
            rect_node(b),
            lines_node(
                [Vec(b.x, b.y), Vec(b.center.x, b.y + b.h * 0.55), Vec(b.right, b.y)]
            ),
        )


#: Every BPMN kind, in palette order (rows of kinds.json).
BPMN_KINDS: Final = table_kinds(
    EventKind, TaskKind, GatewayKind, DataObjectKind, DataStoreKind, MessageKind
)
