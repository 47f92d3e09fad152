"""One draw.io vertex to a ``Shape`` and one edge to a ``Connector``.

Geometry inside groups and containers is relative in draw.io: the page builder
passes each cell's absolute origin, and connector ends, waypoints and labels
are placed on the page from it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final

from linework.formats import htmltext, limits, notations, stencils
from linework.formats.drawio import drawings, mockups
from linework.formats.drawio.cells import Cell, Geo
from linework.formats.drawio.names import (
    EXTRA_SHAPE_KEY,
    KIND_HINT_KEY,
    KIND_HINTS,
    MAX_COORD,
    ORTHOGONAL,
    SAFE_NAME,
    SHAPE_KINDS,
)
from linework.formats.drawio.styles import (
    arrowhead,
    bounded,
    colour,
    flag,
    flip,
    head_size,
    hides_frame,
    image_src,
    label_position,
    line_style,
    locked,
    text_style,
    wraps,
)
from linework.formats.drawio.uml import UML_KIND_STYLES
from linework.geometry import Box, Vec
from linework.geometry.fmt import rounded
from linework.links import safe_link
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    End,
    Free,
    Routing,
    Shape,
    frozen_map,
)
from linework.model.rich import RichText, relative_to, rich_for

if TYPE_CHECKING:
    from linework.formats.drawio.page import PageBuilder


#: Kinds a mirror leaves as they are: their text is the drawing.
_UNFLIPPED: Final = frozenset({"text"})


def build_shape(
    b: PageBuilder,
    c: Cell,
    box: Box,
    label: htmltext.PlainText,
    *,
    layer: str,
    parent_group: str | None,
    z: int,
) -> Shape:
    st = c.style
    shape_name = st.get("shape") or next((n for n in c.names if n in SHAPE_KINDS), "")
    kind = SHAPE_KINDS.get(shape_name, "rectangle") if shape_name else "rectangle"
    mapped = not shape_name or shape_name in SHAPE_KINDS
    props: dict[str, Any] = {}
    notation = notations.drawio_kind(shape_name, st, c.attrs)
    if notation is not None:  # BPMN and C4 shapes: kinds of their own
        kind, mapped = notation[0], True
        props.update(notation[1])
    extra: dict[str, Any] = {}
    if "group" in c.names:
        kind = "text"  # a labelled group: the label stays, no outline
    mock = mockups.drawio_kind(shape_name, st)
    if mock is not None and "group" not in c.names:
        # A mockup widget, a part of one, or an org chart card.
        kind, mapped = mock[0], True
        props.update(mock[1])
    if kind == "image":
        src = image_src(st.get("image"))
        if src is None:
            kind, mapped = "rectangle", False
        else:
            props["src"] = src
    dot = ""
    if shape_name == "waypoint" and not mapped:  # a dot connectors run through
        box, dot = drawings.waypoint(st, box)
        kind, mapped = "circle", True
    drawn = drawings.drawing(shape_name, st, box) if not mapped else None
    if drawn is not None:  # a line or mark (AWS 3D connector, dimension …)
        kind, mapped = "icon", True
        props.update(drawn)
    # An icon Linework exported is an SVG image draw.io can show: read it back
    # as the icon it was, even though an SVG image now imports as a picture.
    exported_icon = st.get(KIND_HINT_KEY) == "icon"
    stencil = (
        stencils.drawio_icon(shape_name or "image", st)
        if not mapped or exported_icon
        else None
    )
    if stencil is not None:
        # A library icon (mapped) or a labelled icon placeholder (unmapped).
        kind, mapped = "icon", stencil.mapped
        props.update(stencil.props)
        if not label.text and not stencil.mapped:
            label = replace(label, text=stencil.title)
            st = {**st, "verticalLabelPosition": "bottom"}
    if kind == "ellipse" and st.get("aspect") == "fixed" and box.w == box.h:
        kind = "circle"
    hinted = st.get(KIND_HINT_KEY, "")
    if KIND_HINTS.get(hinted) == kind:
        kind = hinted
    textual = kind == "text" or "text" in c.names or "edgeLabel" in c.names
    swimlane = shape_name == "swimlane" or "swimlane" in c.names
    corner = 0.0
    if kind == "rectangle" and flag(st, "rounded"):
        kind = "rounded-rectangle"
        if flag(st, "absoluteArcSize"):
            corner = bounded(st.get("arcSize"), 20.0, 0.0, 200_000.0) / 2
        elif "arcSize" in st:
            frac = bounded(st.get("arcSize"), 15.0, 0.0, 100.0) / 100
            corner = rounded(min(box.w, box.h) * frac)
    if not mapped:
        b.unmapped += 1
        name = shape_name if SAFE_NAME.fullmatch(shape_name) else "?"
        b.report.unmapped_names[name] = b.report.unmapped_names.get(name, 0) + 1
        # An image shape without its picture would draw nothing in draw.io.
        if name not in ("?", "image"):
            extra[EXTRA_SHAPE_KEY] = name
    # A drawn figure keeps draw.io's box defaults: its drawing reads them.
    no_box = (textual or kind in ("image", "icon")) and drawn is None
    fill_default = "none" if no_box else "#ffffff"
    fill = colour(st.get("fillColor"), fill_default)
    if swimlane:
        fill = colour(st.get("swimlaneFillColor"), "none")
    stroke = colour(st.get("strokeColor"), "none" if no_box else "#000000")
    if shape_name in ("partialRectangle", "tableRow") and all(
        st.get(side, "1") == "0" for side in ("top", "left", "bottom", "right")
    ):
        stroke = "none"
    if hides_frame(shape_name, st):
        stroke = "none"
    if dot:
        fill, stroke = dot, "none"
    if not mapped and fill == "none" and stroke == "none":
        stroke = "#999999"  # keep a placeholder visible
    lines = line_style(st)
    if shape_name == "line":
        # A separator line (UML classes): a bar as thick as the stroke,
        # through the middle of the box, filled with the stroke colour.
        width = max(1.0, lines["stroke_width"])
        mid = box.center
        if st.get("direction") in ("north", "south"):
            box = Box(rounded(mid.x - width / 2), box.y, rounded(width), box.h)
        else:
            box = Box(box.x, rounded(mid.y - width / 2), box.w, rounded(width))
        fill = colour(st.get("strokeColor"), "#000000")
        stroke = "none"
    text = text_style(
        st,
        c.names,
        bold=label.bold,
        italic=label.italic,
        underline=label.underline,
    )
    if swimlane:
        if flag(st, "horizontal", default=True):
            text["valign"] = "top"
        else:
            text["align"], text["valign"] = "left", "middle"
    style = replace(
        DEFAULT_STYLE,
        fill=fill,
        stroke=stroke,
        corner_radius=corner,
        label_position=label_position(st, c.names),
        wrap=not label.text or wraps(st),
        **lines,
        **text,
    )
    link = ""
    if c.link:
        safe = safe_link(c.link)
        if safe is None:
            b.report.add("links")
        else:
            link = safe
    mirrored = flip(st, UML_KIND_STYLES.get(kind, ""))
    if mirrored and kind not in _UNFLIPPED:
        props["flip"] = mirrored
    rotation = bounded(st.get("rotation"), 0.0, -1e9, 1e9)
    rotation = rounded(math.fmod(rotation, 360.0))
    return Shape(
        id=b.ids.make("shape", c.id),
        page=b.page_id,
        layer=layer,
        parent=parent_group,
        z=z,
        kind=kind,
        box=box,
        rotation_deg=rotation,
        style=style,
        text=label.text,
        rich=relative_to(label.rich, style),
        link=link,
        props=frozen_map(props),
        locked=locked(st),
        extra=frozen_map(extra),
    )


def build_connector(
    b: PageBuilder,
    c: Cell,
    parent: dict[str, str],
    origin: dict[str, Vec],
    boxes: dict[str, Box],
    shape_of: dict[str, str],
    children: dict[str, list[Cell]],
    *,
    layer: str,
    parent_group: str | None,
    z: int,
) -> Connector | None:
    st = c.style
    report = b.report
    base = origin[parent[c.id]]
    g = c.geo

    def absolute(p: Vec) -> Vec:
        return Vec(
            rounded(max(-MAX_COORD, min(MAX_COORD, base.x + p.x))),
            rounded(max(-MAX_COORD, min(MAX_COORD, base.y + p.y))),
        )

    waypoints = [absolute(p) for p in g.points]
    if len(waypoints) > limits.MAX_WAYPOINTS:
        report.add("waypoints")
        del waypoints[limits.MAX_WAYPOINTS :]

    def end(
        terminal: str | None, point: Vec | None, side: str
    ) -> tuple[End | None, bool]:
        """Return the end, and whether it had to fall back to a guess."""
        if terminal is not None and terminal in shape_of:
            ax, ay = st.get(f"{side}X"), st.get(f"{side}Y")
            anchor = None
            if ax is not None and ay is not None:
                fx = bounded(ax, 0.5, 0.0, 1.0)
                fy = bounded(ay, 0.5, 0.0, 1.0)
                anchor = Vec(fx, fy)
            return Attached(shape=shape_of[terminal], anchor=anchor), False
        if point is not None:
            return Free(point=absolute(point)), terminal is not None
        if terminal is not None and terminal in boxes:
            return Free(point=boxes[terminal].center), True
        return None, terminal is not None

    def terminal_point(e: End, terminal: str | None) -> Vec:
        if isinstance(e, Free):
            return e.point
        box = boxes[terminal or ""]
        return box.at(e.anchor.x, e.anchor.y) if e.anchor else box.center

    source, s_guess = end(c.source, g.source_point, "exit")
    target, t_guess = end(c.target, g.target_point, "entry")
    if source is None and waypoints:
        source, s_guess = Free(point=waypoints.pop(0)), c.source is not None
    if target is None and waypoints:
        target, t_guess = Free(point=waypoints.pop()), c.target is not None
    if source is None and target is None:
        report.add("no_ends")
        return None
    if source is None and target is not None:
        source, s_guess = Free(point=terminal_point(target, c.target)), True
    elif target is None and source is not None:
        target, t_guess = Free(point=terminal_point(source, c.source)), True
    if source is None or target is None:  # both missing: handled above
        return None
    report.add("loose_end", int(s_guess) + int(t_guess))

    path = [
        terminal_point(source, c.source),
        *waypoints,
        terminal_point(target, c.target),
    ]
    labels: list[ConnectorLabel] = []
    own = b.label(c, parent)
    if own.text:
        labels.append(edge_label(own.text, g, path, own.rich))
    bold, italic, underline = own.bold, own.italic, own.underline
    for k in children.get(c.id, []):
        if not k.vertex:
            continue
        text = b.label(k, parent)
        if text.text:
            labels.append(edge_label(text.text, k.geo, path, text.rich))
    if len(labels) > limits.MAX_LABELS:
        report.add("labels")
        del labels[limits.MAX_LABELS :]

    start, ok1 = arrowhead(
        st.get("startArrow"), flag(st, "startFill", True), default="none"
    )
    finish, ok2 = arrowhead(
        st.get("endArrow"), flag(st, "endFill", True), default="classic"
    )
    report.add("arrows", int(not ok1) + int(not ok2))
    routing: Routing
    if flag(st, "curved"):
        routing = "curved"
    elif st.get("edgeStyle") in ORTHOGONAL:
        routing = "orthogonal"
    else:
        routing = "straight"
    lines = line_style(st)
    style = replace(
        DEFAULT_STYLE,
        stroke=colour(st.get("strokeColor"), "#000000"),
        start_arrow=start,
        end_arrow=finish,
        start_arrow_size=head_size(st.get("startSize"), lines["stroke_width"]),
        end_arrow_size=head_size(st.get("endSize"), lines["stroke_width"]),
        **lines,
        **text_style(st, (), bold=bold, italic=italic, underline=underline, edge=True),
    )
    labels = [
        replace(lb, rich=rich_for(lb.text, relative_to(lb.rich, style)))
        for lb in labels
    ]
    return Connector(
        id=b.ids.make("conn", c.id),
        page=b.page_id,
        layer=layer,
        parent=parent_group,
        z=z,
        source=source,
        target=target,
        waypoints=tuple(waypoints),
        routing=routing,
        style=style,
        labels=tuple(labels),
        locked=locked(st),
    )


def along(path: list[Vec], position: float) -> tuple[Vec, Vec]:
    """Return the point at ``position`` (0..1) of a polyline and its segment's unit.

    >>> along([Vec(0, 0), Vec(10, 0), Vec(10, 10)], 0.75)
    (Vec(x=10.0, y=5.0), Vec(x=0.0, y=1.0))
    """
    if not path:
        return Vec(0.0, 0.0), Vec(0.0, 0.0)
    lengths = [a.distance(b) for a, b in pairwise(path)]
    dist = position * sum(lengths)
    for i, seg in enumerate(lengths):
        if seg > 0 and (dist <= seg or i == len(lengths) - 1):
            d = path[i + 1] - path[i]
            t = min(1.0, dist / seg)
            return path[i] + d * t, Vec(d.x / seg, d.y / seg)
        dist -= seg
    return path[0], Vec(0.0, 0.0)


def edge_label(
    text: str, g: Geo, path: list[Vec], rich: RichText | None = None
) -> ConnectorLabel:
    """Place a label the way mxGraph does, on the straight path through the points.

    Geometry ``x`` (-1..1) runs along the edge and ``y`` is a distance along the
    segment's normal (mxGraphView.getPoint); our offset is in page axes, so the
    normal is taken from the segment at that position. The route Linework draws
    may bend elsewhere, which is why this is an approximation.
    """
    position = rounded(max(0.0, min(1.0, (g.x + 1) / 2)))
    ox = g.offset.x if g.offset else 0.0
    oy = g.offset.y if g.offset else 0.0
    if g.y:
        _, unit = along(path, position)
        ox += unit.y * g.y
        oy -= unit.x * g.y
    ox = max(-MAX_COORD, min(MAX_COORD, ox))
    oy = max(-MAX_COORD, min(MAX_COORD, oy))
    return ConnectorLabel(
        text=text,
        rich=rich,
        position=position,
        offset=Vec(rounded(ox), rounded(oy)),
    )


# --------------------------------------------------------------------------- containers
