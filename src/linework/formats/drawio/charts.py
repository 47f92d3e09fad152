"""Mermaid charts embedded in draw.io cells (draw.io's Mermaid plugin).

The chart's source is imported with ``formats.mermaid`` and fitted into the
cell, so it stays editable instead of becoming a picture.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Final

from linework.errors import LineworkError
from linework.formats import limits, mermaid
from linework.formats.drawio.cells import Cell, Report
from linework.formats.drawio.names import PORT_ANCHORS
from linework.geometry import Box, Vec
from linework.geometry.fmt import rounded
from linework.model import (
    Attached,
    Connector,
    End,
    Free,
    Group,
    Shape,
    Style,
)

#: Smallest factor a Mermaid cell's diagram is scaled by to fit the cell; below
#: it text would be unreadable, so the diagram keeps this size and overflows.
MERMAID_MIN_SCALE: Final = 0.5


def mermaid_source(c: Cell, report: Report) -> str | None:
    """Return the Mermaid text of a cell made by draw.io's Mermaid plugin, or None.

    The plugin keeps its source in the wrapper's ``mermaidData`` attribute: JSON
    with the text under ``data``. Every cell's text counts against one budget
    per file, so many cells cannot cost more than one large chart.
    """
    raw = c.attrs.get("mermaidData")
    if not raw or not c.vertex or len(raw) > 2 * report.mermaid_budget:
        return None
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    text = value.get("data") if isinstance(value, dict) else None
    if not isinstance(text, str) or not text.strip():
        return None
    if len(text) > report.mermaid_budget:
        return None
    report.mermaid_budget -= len(text)
    return text


def mermaid_elements(
    text: str, box: Box, report: Report
) -> list[Shape | Connector | Group] | None:
    """Read a Mermaid flowchart and place it in ``box``; None if it is not one.

    The laid-out chart's top-left goes to the box's; a chart larger than the
    box is scaled down uniformly (text and padding too, so labels still fit),
    but not below ``MERMAID_MIN_SCALE``. Ids, page, layer and the top-level
    parent are still Mermaid's: the caller maps them.
    """
    try:
        result = mermaid.read_text(text)
    except LineworkError:
        return None
    report.mermaid_warnings.extend(f"Mermaid: {w}" for w in result.warnings)
    report.add("mermaid_unmapped", result.unmapped)
    items = [
        r
        for r in result.doc.records.values()
        if isinstance(r, Shape | Connector | Group)
    ]
    shapes = [r for r in items if isinstance(r, Shape)]
    if not shapes:
        return None
    pts = [p for r in shapes for p in (Vec(r.box.x, r.box.y), r.box.at(1.0, 1.0))]
    pts += [w for r in items if isinstance(r, Connector) for w in r.waypoints]
    lo = Vec(min(p.x for p in pts), min(p.y for p in pts))
    w = max(p.x for p in pts) - lo.x
    h = max(p.y for p in pts) - lo.y
    k = min(1.0, box.w / w if w > 0 else 1.0, box.h / h if h > 0 else 1.0)
    k = max(MERMAID_MIN_SCALE, k)

    def at(p: Vec) -> Vec:
        return Vec(rounded(box.x + (p.x - lo.x) * k), rounded(box.y + (p.y - lo.y) * k))

    def scaled(st: Style) -> Style:
        if k == 1.0:
            return st
        return replace(
            st,
            font_size=rounded(max(1.0, st.font_size * k)),
            text_padding=rounded(st.text_padding * k),
        )

    out: list[Shape | Connector | Group] = []
    for r in sorted(items, key=lambda r: r.z):
        if isinstance(r, Shape):
            corner = at(Vec(r.box.x, r.box.y))
            b = Box(
                corner.x,
                corner.y,
                max(1.0, rounded(r.box.w * k)),
                max(1.0, rounded(r.box.h * k)),
            )
            out.append(replace(r, box=b, style=scaled(r.style)))
        elif isinstance(r, Connector):
            out.append(
                replace(
                    r,
                    source=moved_end(r.source, at),
                    target=moved_end(r.target, at),
                    waypoints=tuple(at(p) for p in r.waypoints),
                    style=scaled(r.style),
                )
            )
        else:
            out.append(r)
    return out


def chart_depth(chart: list[Shape | Connector | Group]) -> int:
    """Return how deeply a chart's groups nest (0 without groups)."""
    parent = {r.id: r.parent for r in chart if isinstance(r, Group)}
    deepest = 0
    for gid in parent:
        d, cur = 0, parent[gid]
        while d <= limits.MAX_GROUP_DEPTH:
            d += 1
            if cur is None:
                break
            cur = parent.get(cur)
        deepest = max(deepest, d)
    return deepest


def moved_end(end: End, at: Callable[[Vec], Vec]) -> End:
    """Return an end moved by ``at``, a named port written as draw.io keeps it.

    draw.io has no ports, only ``exitX``/``exitY`` fractions: the anchor the
    export writes for the port, so a round trip reads the same end back.
    """
    if isinstance(end, Free):
        return Free(point=at(end.point))
    if end.port is not None and end.port in PORT_ANCHORS:
        return Attached(shape=end.shape, anchor=Vec(*PORT_ANCHORS[end.port]))
    return end
