"""Building a Linework document from a parsed chart.

Nodes are sized from their labels and placed by the graph layout; subgraphs
become a group plus a titled container rectangle around their members.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any, Final

from linework import layout
from linework.formats import limits
from linework.formats.colours import css_colour
from linework.formats.imports import ImportResult
from linework.formats.mermaid.parser import Node, Parse
from linework.geometry import Box, Vec
from linework.geometry.fmt import rounded
from linework.layout.labels import label_size
from linework.layout.tidy import tree_as_layout
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    End,
    Group,
    IdSource,
    Layer,
    Page,
    Record,
    Shape,
    Style,
)

MARGIN: Final = 40.0
FONT_SIZE: Final = DEFAULT_STYLE.font_size
#: Widest single line of a decision's label; a longer one is given two lines.
DECISION_LINE: Final = 110.0

# ----------------------------------------------------------------- building
_HEADS: Final[dict[str, str]] = {
    ">": "classic",
    "<": "classic",
    "o": "circle",
    "x": "cross",
    "": "none",
}
_CONTAINER: Final = replace(
    DEFAULT_STYLE, fill="#f4f6f8", stroke="#9aa5b1", valign="top", font_size=13.0
)


def _node_size(node: Node, style: Style) -> tuple[float, float]:
    """Return a node's box: its label measured in its style, plus room per kind."""
    tw, th = label_size(
        node.label, style.font_size, bold=style.bold, italic=style.italic
    )
    w, h = max(60.0, tw + 32.0), max(40.0, th + 20.0)
    kind = node.kind
    pad = 2 * style.text_padding + 4.0  # both sides, plus a little slack
    if kind == "circle":
        # The label box is the square inscribed in the circle (side d/√2).
        d = max(50.0, (max(tw, th) + pad) * math.sqrt(2))
        return d, d
    if kind == "decision":
        # The label box is the middle half of the diamond each way; a long
        # label takes two lines (with slack for where words break).
        if tw > DECISION_LINE:
            tw, th = tw * 0.6, th * 2
        return max(80.0, 2 * (tw + pad)), max(60.0, 2 * (th + pad))
    if kind in ("hexagon", "data", "parallelogram", "trapezoid", "manual-operation"):
        return w + 30.0, h
    if kind == "block-arrow":
        return w + 20.0, h
    if kind == "cylinder":
        return w, h + 20.0
    if kind == "terminator":
        return w + 20.0, h
    return w, h


def _dash(value: str) -> str:
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", value)]
    if not nums or max(nums) == 0:
        return "solid"
    return "dotted" if nums[0] <= 2 else "dashed"


def _px(value: str, lo: float, hi: float) -> float | None:
    m = re.match(r"\s*(\d+(?:\.\d+)?)", value)
    if not m:
        return None
    return max(lo, min(hi, float(m.group(1))))


def _styled(base: Style, props: dict[str, str]) -> Style:
    """Return ``base`` with Mermaid/CSS style properties applied."""
    changes: dict[str, Any] = {}
    for key, value in props.items():
        if key in ("fill", "stroke", "color"):
            c = css_colour(value)
            if c is not None:
                changes[
                    {"fill": "fill", "stroke": "stroke", "color": "font_color"}[key]
                ] = c if c != "none" or key != "color" else base.font_color
        elif key == "stroke-width":
            px = _px(value, 0.0, 100.0)
            if px is not None:
                changes["stroke_width"] = px
        elif key == "stroke-dasharray":
            changes["dash"] = _dash(value)
        elif key == "font-size":
            px = _px(value, 4.0, 200.0)
            if px is not None:
                changes["font_size"] = px
        elif key == "font-weight":
            changes["bold"] = value.strip() in ("bold", "bolder") or (
                value.strip().isdigit() and int(value.strip()) >= 600
            )
        elif key == "font-style":
            changes["italic"] = value.strip() in ("italic", "oblique")
        elif key == "text-decoration":
            changes["underline"] = "underline" in value
        elif key == "opacity":
            px = _px(value, 0.0, 1.0)
            if px is not None:
                changes["opacity"] = px
        elif key in ("rx", "ry"):
            px = _px(value, 0.0, 1000.0)
            if px is not None:
                changes["corner_radius"] = px
    return replace(base, **changes) if changes else base


def _class_style(
    p: Parse, base: Style, classes: list[str], own: dict[str, str]
) -> Style:
    style = _styled(base, p.class_defs.get("default", {}))
    for cls in classes:
        style = _styled(style, p.class_defs.get(cls, {}))
    return _styled(style, own)


def _membership(p: Parse) -> dict[str, str]:
    """Return node id -> subgraph id (the innermost subgraph that mentions it).

    Inner subgraphs close before outer ones, so walking subgraphs deepest
    first gives each node to the innermost subgraph that names it, as Mermaid does.
    """
    depth: dict[str, int] = {}
    for sid, sg in p.subgraphs.items():
        d, cur = 0, sg.parent
        while cur is not None and d <= limits.MAX_GROUP_DEPTH:
            d += 1
            cur = p.subgraphs[cur].parent
        depth[sid] = d
    order = sorted(p.subgraphs, key=lambda s: (-depth[s], p.subgraphs[s].line))
    owner: dict[str, str] = {}
    for sid in order:
        for nid in p.subgraphs[sid].mentions:
            if nid in p.nodes and nid not in owner:
                owner[nid] = sid
    return owner


def build_chart(p: Parse) -> ImportResult:
    ids = IdSource()
    page = Page(id=ids.new("page"), name=(p.title or "Page 1")[:200])
    lay = Layer(id=ids.new("layer"), page=page.id, name="Layer 1")
    owner = _membership(p)
    node_styles = {
        nid: _class_style(p, DEFAULT_STYLE, n.classes, n.style)
        for nid, n in p.nodes.items()
    }
    sizes = {nid: _node_size(n, node_styles[nid]) for nid, n in p.nodes.items()}
    # Edges to a subgraph attach to its container; for layout, to its first node.
    first_member: dict[str, str] = {}
    for nid in p.nodes:
        sid: str | None = owner.get(nid)
        hops = 0
        while sid is not None and hops <= limits.MAX_GROUP_DEPTH:
            first_member.setdefault(sid, nid)
            sid = p.subgraphs[sid].parent
            hops += 1
    lnodes = [
        layout.LayoutNode(nid, sizes[nid][0], sizes[nid][1], owner.get(nid))
        for nid in p.nodes
    ]
    ledges = []
    for e in p.edges:
        lw, lh = label_size(e.label, FONT_SIZE) if e.label else (0.0, 0.0)
        ledges.append(
            layout.LayoutEdge(
                first_member.get(e.source, e.source),
                first_member.get(e.target, e.target),
                minlen=e.minlen,
                label_width=lw + 8.0 if e.label else 0.0,
                label_height=lh if e.label else 0.0,
                routed=e.body != "~" and e.source in p.nodes and e.target in p.nodes,
            )
        )
    lclusters = []
    for sid, sg in p.subgraphs.items():
        tw, th = label_size(sg.title, _CONTAINER.font_size)
        lclusters.append(layout.LayoutCluster(sid, sg.parent, tw + 16.0, th + 6.0))
    # A plain tree (an org chart, a hierarchy) gets the tidy tree layout.
    placed = tree_as_layout(
        lnodes, ledges, lclusters, p.direction
    ) or layout.layered_layout(lnodes, ledges, lclusters, direction=p.direction)
    off = Vec(MARGIN, MARGIN)

    records: dict[str, Record] = {page.id: page, lay.id: lay}
    group_of: dict[str, str] = {}
    for sid in p.subgraphs:
        group_of[sid] = ids.new("group")
    z = 0
    shape_of: dict[str, str] = {}
    for sid, sg in p.subgraphs.items():
        gid = group_of[sid]
        parent = group_of[sg.parent] if sg.parent else None
        records[gid] = Group(id=gid, page=page.id, layer=lay.id, parent=parent, z=z)
        z += 1
    # Containers paint first (outer before inner), then links, then nodes.
    depth_order = sorted(p.subgraphs, key=lambda s: (_depth(p, s), p.subgraphs[s].line))
    for sid in depth_order:
        sg = p.subgraphs[sid]
        box = placed.clusters.get(sid)
        if box is None:
            continue
        sh = Shape(
            id=ids.new("shape"),
            page=page.id,
            layer=lay.id,
            parent=group_of[sid],
            z=z,
            kind="rectangle",
            box=_rounded_box(box.translated(off)),
            style=_class_style(p, _CONTAINER, sg.classes, sg.style),
            text=sg.title,
        )
        z += 1
        records[sh.id] = sh
        shape_of[sid] = sh.id
    node_ids = {nid: ids.new("shape") for nid in p.nodes}
    shape_of.update(node_ids)
    link_style = _link_styles(p)
    for i, (e, route) in enumerate(zip(p.edges, placed.routes, strict=True)):
        if e.body == "~":
            continue
        src_shape, tgt_shape = shape_of.get(e.source), shape_of.get(e.target)
        if src_shape is None or tgt_shape is None:
            continue
        style = replace(
            DEFAULT_STYLE,
            start_arrow=_HEADS[e.start],
            end_arrow=_HEADS[e.end],
            dash="dotted" if e.body == "." else "solid",
            stroke_width=3.0 if e.body == "=" else DEFAULT_STYLE.stroke_width,
        )
        style = _styled(style, link_style.get(i, {}))
        source: End
        target: End
        waypoints: tuple[Vec, ...] = ()
        direct = e.source in p.nodes and e.target in p.nodes
        if route is not None and direct:
            source = _end(src_shape, route.source_port, route.source_anchor)
            target = _end(tgt_shape, route.target_port, route.target_anchor)
            waypoints = tuple(_rounded_vec(w + off) for w in route.waypoints)
        else:
            source, target = Attached(shape=src_shape), Attached(shape=tgt_shape)
        conn = Connector(
            id=ids.new("conn"),
            page=page.id,
            layer=lay.id,
            parent=_common_group(p, owner, group_of, e.source, e.target),
            z=z,
            source=source,
            target=target,
            waypoints=waypoints[: limits.MAX_WAYPOINTS],
            routing="orthogonal",
            style=style,
            labels=(ConnectorLabel(text=e.label),) if e.label else (),
        )
        z += 1
        records[conn.id] = conn
    for nid, n in p.nodes.items():
        box = placed.boxes[nid]
        style = node_styles[nid]
        if n.kind == "text":
            style = replace(style, fill="none", stroke="none")
        sh = Shape(
            id=node_ids[nid],
            page=page.id,
            layer=lay.id,
            parent=group_of.get(owner.get(nid, "")),
            z=z,
            kind=n.kind,
            box=_rounded_box(box.translated(off)),
            style=style,
            text=n.label,
            link=n.link,
        )
        z += 1
        records[sh.id] = sh
    width = rounded(max(page.width, placed.width + 2 * MARGIN))
    height = rounded(max(page.height, placed.height + 2 * MARGIN))
    records[page.id] = replace(page, width=width, height=height)
    return ImportResult(
        doc=Document(records=records),
        format="mermaid",
        unmapped=sum(n.unmapped for n in p.nodes.values()),
        warnings=tuple(p.warnings),
    )


def _depth(p: Parse, sid: str) -> int:
    d, cur = 0, p.subgraphs[sid].parent
    while cur is not None and d <= limits.MAX_GROUP_DEPTH:
        d += 1
        cur = p.subgraphs[cur].parent
    return d


def _common_group(
    p: Parse, owner: dict[str, str], group_of: dict[str, str], a: str, b: str
) -> str | None:
    """Return the group of the innermost subgraph holding both ends, if any."""

    def chain(x: str) -> list[str]:
        out: list[str] = []
        cur: str | None = x if x in p.subgraphs else owner.get(x)
        while cur is not None and len(out) <= limits.MAX_GROUP_DEPTH:
            out.append(cur)
            cur = p.subgraphs[cur].parent
        return out

    ca = chain(a)
    cb = set(chain(b))
    for sid in ca:
        if sid in cb and sid not in (a, b):
            return group_of[sid]
    return None


def _link_styles(p: Parse) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    n = len(p.edges)
    for which, props in p.link_styles:
        if which == "default":
            targets = list(range(n))
        else:
            targets = [int(x) for x in which.split(",") if x.strip().isdigit()]
        for i in targets:
            if 0 <= i < n:
                out.setdefault(i, {}).update(props)
    return out


def _end(shape: str, port: str | None, anchor: Vec) -> Attached:
    if port is not None:
        return Attached(shape=shape, port=port)
    return Attached(shape=shape, anchor=_rounded_vec(anchor))


def _rounded_vec(v: Vec) -> Vec:
    return Vec(rounded(v.x), rounded(v.y))


def _rounded_box(b: Box) -> Box:
    return Box(
        rounded(b.x), rounded(b.y), max(1.0, rounded(b.w)), max(1.0, rounded(b.h))
    )
