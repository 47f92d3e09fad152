"""UML kinds: classifiers with compartments, structure, use case, sequence, state
and activity symbols.

Classifiers (class, interface, enumeration) keep their rows as plain data
(``linework.shapes.rows``): the name is the shape's text, ``props["stereotype"]``
adds a «line» above it and ``props["abstract"]`` sets the name in italics. The
renderer draws the rows (``linework.render.rows``); the kinds give geometry:
compartment lines, a port at each end of every row, the header as label box.

Every kind carries what a fresh shape starts with (``default_text``,
``default_props``, ``default_style``), so a dropped class already reads as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes import rows
from linework.shapes._curves import SQRT_HALF, ellipse
from linework.shapes.kind import (
    BoxKind,
    KindBase,
    box_rect,
    compass_ports,
    diagonals,
    lines_node,
    polygon_node,
    rect_ports,
)
from linework.shapes.note import SheetKind
from linework.shapes.polygons import DiamondKind
from linework.shapes.rect import RoundedKind
from linework.shapes.table import table_kinds
from linework.svg import SvgNode, node

_HEX: Final = re.compile(r"#[0-9a-fA-F]{6}")
#: Kinds whose rows the renderer draws and the editor edits one by one.
ROW_KIND_NAMES: set[str] = set()


@dataclass(frozen=True, slots=True, kw_only=True)
class CompartmentKind(BoxKind):
    """A box with a header (the name) and compartments of rows under it.

    ``compartments`` is how many compartments the kind shows even when empty
    (a class: attributes and operations).
    """

    header: float = 30.0
    compartments: int = 1

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the box's compass and corner ports, then both ends of every row."""
        return {
            **rect_ports(shape.box),
            **rows.row_ports(shape, self.header, self.compartments),
        }

    def label_box(self, shape: Shape) -> Box:
        """Return the header: the name never lands among the rows."""
        b = shape.box
        return Box(b.x, b.y, b.w, rows.header_depth(shape, self.header))

    def row_boxes(self, shape: Shape) -> list[Box]:
        """Return every row's box (for the renderer and the in-place editor)."""
        return rows.row_boxes(shape, self.header, self.compartments)

    def needed_height(self, shape: Shape) -> float:
        """Return the height the header and rows need."""
        return rows.needed_height(shape, self.header, self.compartments)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the box and a line over every compartment."""
        b = shape.box
        lines = [
            [Vec(b.x, c.y), Vec(b.right, c.y)]
            for c in rows.compartment_boxes(shape, self.header, self.compartments)
            if c.y < b.bottom
        ]
        out: list[SvgNode] = [box_rect(b)]
        head = shape.props.get("header_fill")
        if isinstance(head, str) and _HEX.fullmatch(head):  # draw.io's fillColor
            d = rows.header_depth(shape, self.header)
            out.append(node("rect", x=b.x, y=b.y, width=b.w, height=d, fill=head))
        if lines:
            out.append(lines_node(*lines))
        return tuple(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageKind(KindBase):
    """A folder: a tab on the top-left edge, the body under it."""

    def _tab(self, b: Box) -> tuple[float, float]:
        return min(b.w * 0.4, 90.0), min(20.0, b.h * 0.3)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the tab and the body as one silhouette."""
        b = shape.box
        tw, th = self._tab(b)
        return (
            Vec(b.x, b.y),
            Vec(b.x + tw, b.y),
            Vec(b.x + tw, b.y + th),
            Vec(b.right, b.y + th),
            Vec(b.right, b.bottom),
            Vec(b.x, b.bottom),
        )

    def label_box(self, shape: Shape) -> Box:
        """Return the body under the tab."""
        b = shape.box
        _, th = self._tab(b)
        return Box(b.x, b.y + th, b.w, b.h - th)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the silhouette and the line closing the tab."""
        b = shape.box
        tw, th = self._tab(b)
        return (
            polygon_node(self.outline(shape)),
            lines_node([Vec(b.x, b.y + th), Vec(b.x + tw, b.y + th)]),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentKind(BoxKind):
    """A box with the UML 2 component icon in its top-right corner."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the box and the icon: a small box with two tabs on its left."""
        b = shape.box
        s = min(20.0, b.w * 0.25, b.h * 0.4)
        ix, iy = b.right - s - 6, b.y + 6
        tab_w, tab_h = s * 0.4, s * 0.2
        return (
            box_rect(b),
            node("rect", x=ix, y=iy, width=s, height=s * 0.9),
            node("rect", x=ix - tab_w / 2, y=iy + s * 0.15, width=tab_w, height=tab_h),
            node("rect", x=ix - tab_w / 2, y=iy + s * 0.55, width=tab_w, height=tab_h),
        )


def _depth(b: Box) -> float:
    return min(16.0, b.w * 0.15, b.h * 0.15)


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeKind(KindBase):
    """A deployment node: a box seen in three quarters (top and right faces)."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the front face with the top and right faces."""
        b = shape.box
        d = _depth(b)
        return (
            Vec(b.x, b.y + d),
            Vec(b.x + d, b.y),
            Vec(b.right, b.y),
            Vec(b.right, b.bottom - d),
            Vec(b.right - d, b.bottom),
            Vec(b.x, b.bottom),
        )

    def label_box(self, shape: Shape) -> Box:
        """Return the front face."""
        b = shape.box
        d = _depth(b)
        return Box(b.x, b.y + d, b.w - d, b.h - d)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the silhouette and the front face's edges."""
        b = shape.box
        d = _depth(b)
        corner = Vec(b.right - d, b.y + d)
        return (
            polygon_node(self.outline(shape)),
            lines_node(
                [Vec(b.x, b.y + d), corner, Vec(b.right - d, b.bottom)],
                [corner, Vec(b.right, b.y)],
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteKind(SheetKind):
    """A UML comment: a sheet with a folded top-right corner."""

    def _fold(self, b: Box) -> float:
        return min(12.0, b.w * 0.3, b.h * 0.3)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorKind(BoxKind):
    """A stick figure filling its box; the name goes below (``label_position``)."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the head, then body, arms and legs as one path."""
        b = shape.box
        cx = b.x + b.w / 2
        r = min(b.w / 4, b.h / 8)
        neck = b.y + 2 * r
        hip = b.y + b.h * 0.62
        arms = b.y + b.h * 0.36
        return (
            node("circle", cx=cx, cy=b.y + r, r=r),
            lines_node(
                [Vec(cx, neck), Vec(cx, hip)],
                [Vec(b.x, arms), Vec(b.right, arms)],
                [Vec(b.x, b.bottom), Vec(cx, hip), Vec(b.right, b.bottom)],
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class OvalKind(KindBase):
    """An ellipse filling the box (a use case)."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return 32 points round the ellipse."""
        b = shape.box
        return ellipse(b.center, b.w / 2, b.h / 2, 32)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the four extremes."""
        b = shape.box
        c = b.center
        return {
            "n": Vec(c.x, b.y),
            "e": Vec(b.right, c.y),
            "s": Vec(c.x, b.bottom),
            "w": Vec(b.x, c.y),
        }

    def label_box(self, shape: Shape) -> Box:
        """Return the inscribed rectangle of the same proportions."""
        b = shape.box
        hx, hy = b.w / 2 * SQRT_HALF, b.h / 2 * SQRT_HALF
        return Box(b.center.x - hx, b.center.y - hy, 2 * hx, 2 * hy)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return one ``<ellipse>``."""
        b = shape.box
        c = b.center
        return (node("ellipse", cx=c.x, cy=c.y, rx=b.w / 2, ry=b.h / 2),)


@dataclass(frozen=True, slots=True, kw_only=True)
class TitledFrameKind(BoxKind):
    """A frame whose title sits at the top (a system boundary)."""

    title_depth: float = 30.0

    def label_box(self, shape: Shape) -> Box:
        """Return the top strip."""
        b = shape.box
        return Box(b.x, b.y, b.w, min(self.title_depth, b.h))


def _tag_box(shape: Shape) -> Box:
    """Return a combined fragment's operator tag (top-left pentagon)."""
    b = shape.box
    raw = shape.props.get("tag_width")
    w = (
        float(raw)
        if isinstance(raw, int | float) and not isinstance(raw, bool)
        else 60.0
    )
    return Box(b.x, b.y, max(20.0, min(w, b.w)), min(24.0, b.h))


@dataclass(frozen=True, slots=True, kw_only=True)
class FragmentKind(BoxKind):
    """A combined fragment (alt, loop, opt, sd frame): the operator in a tag.

    ``props["dividers"]``: y offsets (from the top) of dashed lines between
    operands, e.g. the ``else`` of an ``alt``.
    """

    def label_box(self, shape: Shape) -> Box:
        """Return the tag."""
        return _tag_box(shape)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the frame (unfilled), the tag's pentagon edge and the dividers."""
        b = shape.box
        t = _tag_box(shape)
        cut = min(8.0, t.h / 2)
        out = [
            box_rect(b, fill="none"),
            lines_node(
                [
                    Vec(t.x, t.bottom),
                    Vec(t.right - cut, t.bottom),
                    Vec(t.right, t.bottom - cut),
                    Vec(t.right, t.y),
                ]
            ),
        ]
        raw = shape.props.get("dividers")
        if isinstance(raw, list | tuple):
            runs = [
                [Vec(b.x, b.y + float(d)), Vec(b.right, b.y + float(d))]
                for d in raw
                if isinstance(d, int | float)
                and not isinstance(d, bool)
                and 0 < d < b.h
            ]
            if runs:
                out.append(lines_node(*[s for a, b in runs for s in dashes(a, b)]))
        return tuple(out)


def _head(shape: Shape) -> float:
    raw = shape.props.get("head")
    h = (
        float(raw)
        if isinstance(raw, int | float) and not isinstance(raw, bool)
        else 40.0
    )
    return max(4.0, min(h, shape.box.h))


def activations(shape: Shape) -> list[tuple[float, float]]:
    """Return a lifeline's activation bars as (top, bottom) offsets from its top."""
    raw = shape.props.get("activations")
    out: list[tuple[float, float]] = []
    if not isinstance(raw, list | tuple):
        return out
    out.extend(
        (float(a[0]), float(a[1]))
        for a in raw[:200]
        if isinstance(a, list | tuple)
        and len(a) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in a)
        and a[1] > a[0]
    )
    return out


#: Width of an activation bar.
ACTIVATION_W: Final = 12.0
#: Spacing of a lifeline's ports down its line.
LIFELINE_PORT_STEP: Final = 20.0


@dataclass(frozen=True, slots=True, kw_only=True)
class LifelineKind(KindBase):
    """A participant's head box and its dashed line down, with activation bars."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the head and a narrow strip round the line (what a click picks)."""
        b = shape.box
        h = _head(shape)
        cx = b.center.x
        k = min(ACTIVATION_W / 2, b.w / 2)
        return (
            Vec(b.x, b.y),
            Vec(b.right, b.y),
            Vec(b.right, b.y + h),
            Vec(cx + k, b.y + h),
            Vec(cx + k, b.bottom),
            Vec(cx - k, b.bottom),
            Vec(cx - k, b.y + h),
            Vec(b.x, b.y + h),
        )

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the head's sides, the line's end, and points down the line.

        Messages attach beside the line, on an activation bar's edge: ``l1-w``
        and ``l1-e``, ``l2-w`` … every 20 units below the head.
        """
        b = shape.box
        h = _head(shape)
        cx = b.center.x
        k = min(ACTIVATION_W / 2, b.w / 2)
        out = {
            "n": Vec(cx, b.y),
            "e": Vec(b.right, b.y + h / 2),
            "s": Vec(cx, b.bottom),
            "w": Vec(b.x, b.y + h / 2),
        }
        i, y = 1, b.y + h + LIFELINE_PORT_STEP
        while y < b.bottom - 1 and i <= 200:
            out[f"l{i}-w"] = Vec(cx - k, y)
            out[f"l{i}-e"] = Vec(cx + k, y)
            i += 1
            y += LIFELINE_PORT_STEP
        return out

    def label_box(self, shape: Shape) -> Box:
        """Return the head."""
        b = shape.box
        return Box(b.x, b.y, b.w, _head(shape))

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the head, the dashed line and the activation bars."""
        b = shape.box
        h = _head(shape)
        cx = b.center.x
        out = [
            node("rect", x=b.x, y=b.y, width=b.w, height=h),
            lines_node(*dashes(Vec(cx, b.y + h), Vec(cx, b.bottom))),
        ]
        for top, bottom in activations(shape):
            y0 = b.y + max(h, top)
            y1 = b.y + min(b.h, bottom)
            if y1 > y0:
                out.append(
                    node(
                        "rect",
                        x=cx - ACTIVATION_W / 2,
                        y=y0,
                        width=ACTIVATION_W,
                        height=y1 - y0,
                    )
                )
        return tuple(out)


def dashes(a: Vec, b: Vec, on: float = 6.0, off: float = 4.0) -> list[list[Vec]]:
    """Return a dashed line from ``a`` to ``b`` as short runs (plain geometry).

    Drawn as segments rather than a dash pattern, so the dashes stay put
    whatever the style's own dash says (a lifeline is dashed by definition).
    """
    length = a.distance(b)
    if length <= 0:
        return [[a, b]]
    d = (b - a) * (1 / length)
    out: list[list[Vec]] = []
    t = 0.0
    while t < length and len(out) < 2000:
        end = min(t + on, length)
        out.append([a + d * t, a + d * end])
        t = end + off
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class DotKind(KindBase):
    """A circle on the box's short side, filled with the line colour.

    ``ring``: the final state, a ring round a smaller solid disc.
    """

    ring: bool = False

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the circle."""
        b = shape.box
        return ellipse(b.center, min(b.w, b.h) / 2, min(b.w, b.h) / 2, 32)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the four extremes."""
        return compass_ports(shape.box, self.outline(shape))

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the disc (and the ring)."""
        b = shape.box
        c = b.center
        r = min(b.w, b.h) / 2
        ink = shape.style.stroke if shape.style.stroke != "none" else "#1f2933"
        if not self.ring:
            return (node("circle", cx=c.x, cy=c.y, r=r, fill=ink),)
        return (
            node("circle", cx=c.x, cy=c.y, r=r),
            node("circle", cx=c.x, cy=c.y, r=r * 0.6, fill=ink, stroke="none"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class BarKind(BoxKind):
    """A solid bar (fork and join), filled with the line colour.

    Ports every quarter along the long sides, so several flows meet it apart.
    """

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the compass ports plus quarter points on the long sides."""
        b = shape.box
        out = rect_ports(b)
        if b.w >= b.h:
            for k, f in (("n1", 0.25), ("n3", 0.75)):
                out[k] = Vec(b.x + b.w * f, b.y)
                out["s" + k[1]] = Vec(b.x + b.w * f, b.bottom)
        else:
            for k, f in (("w1", 0.25), ("w3", 0.75)):
                out[k] = Vec(b.x, b.y + b.h * f)
                out["e" + k[1]] = Vec(b.right, b.y + b.h * f)
        return out

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the filled bar."""
        b = shape.box
        ink = shape.style.stroke if shape.style.stroke != "none" else "#1f2933"
        return (box_rect(b, fill=ink),)


@dataclass(frozen=True, slots=True, kw_only=True)
class DestroyKind(BoxKind):
    """The end of a lifeline: a cross."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the two diagonals."""
        return (lines_node(*diagonals(shape.box)),)


#: The UML kinds in palette order (rows of kinds.json).
UML_KINDS: Final = table_kinds(
    CompartmentKind,
    PackageKind,
    ComponentKind,
    NodeKind,
    NoteKind,
    ActorKind,
    OvalKind,
    TitledFrameKind,
    LifelineKind,
    FragmentKind,
    DestroyKind,
    RoundedKind,
    DotKind,
    DiamondKind,
    BarKind,
    library="uml",
)
ROW_KIND_NAMES.update(k.name for k in UML_KINDS if isinstance(k, CompartmentKind))
