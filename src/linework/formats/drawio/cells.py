"""Reading ``mxCell`` elements into plain records, and the import report.

Numbers are parsed, clamped and made finite here, once, so nothing after this
module meets NaN, infinities or junk.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from linework.errors import LineworkError
from linework.formats import limits, mermaid
from linework.formats.drawio.names import MAX_COORD
from linework.formats.imports import unmapped_warning
from linework.geometry import Vec


# --------------------------------------------------------------------------- cells
@dataclass(slots=True)
class Geo:
    """An ``mxGeometry``: numbers already parsed, clamped and finite."""

    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    relative: bool = False
    points: list[Vec] = field(default_factory=list)
    source_point: Vec | None = None
    target_point: Vec | None = None
    offset: Vec | None = None


@dataclass(slots=True)
class Cell:
    """One ``mxCell`` with its ``UserObject``/``object`` wrapper folded in."""

    id: str
    order: int
    parent: str | None
    style: dict[str, str]
    names: tuple[str, ...]
    vertex: bool
    edge: bool
    source: str | None
    target: str | None
    label: str
    attrs: dict[str, str]
    placeholders: bool
    link: str
    visible: bool
    geo: Geo


class Report:
    """Counts what the user should hear about, worded once at the end."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.unmapped_names: dict[str, int] = {}
        #: Mermaid source characters the file's Mermaid cells may still use.
        self.mermaid_budget = mermaid.MAX_SOURCE_BYTES
        self.mermaid_warnings: list[str] = []

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def warnings(self) -> tuple[str, ...]:
        c = self.counts
        out = []
        note = unmapped_warning(self.unmapped_names)
        if note:
            out.append(note)
        out.extend(dict.fromkeys(self.mermaid_warnings))
        messages = {
            "clamped": "{} number(s) were not finite or too large and were clamped.",
            "missing_parent": "{} cell(s) named a missing parent; "
            "they were put on the first layer.",
            "cycle": "{} cell(s) were their own ancestor; the cycle was broken.",
            "loose_end": "{} connector end(s) were not attached to a shape and "
            "were left free.",
            "no_ends": "{} connector(s) had no ends to place and were skipped.",
            "links": "{} link(s) were dropped: only http, https and mailto "
            "links are kept.",
            "arrows": "{} arrowhead(s) of unknown kinds became classic arrows.",
            "group_depth": "{} group(s) nested too deeply were flattened.",
            "truncated": "{} label(s) were too long and were cut.",
            "waypoints": "{} connector(s) had too many waypoints; some were dropped.",
            "labels": "{} connector(s) had too many labels; some were dropped.",
            "hidden": "{} hidden cell(s) are shown.",
            "mermaid_unmapped": "{} Mermaid node(s) have no Linework shape and "
            "are drawn as rectangles.",
            "shifted": "{} page(s) had content left of or above the page origin; "
            "it was moved onto the page.",
        }
        for key, text in messages.items():
            if c.get(key):
                out.append(text.format(c[key]))
        return tuple(out)


def _number(raw: str | None, report: Report, default: float = 0.0) -> float:
    """Parse a draw.io number; junk gives ``default``, huge or infinite is clamped."""
    if raw is None:
        return default
    try:
        x = float(raw)
    except ValueError:
        return default
    if math.isnan(x):
        report.add("clamped")
        return default
    if not -MAX_COORD <= x <= MAX_COORD:
        report.add("clamped")
        return math.copysign(MAX_COORD, x)
    return x


def _point(el: ET.Element, report: Report) -> Vec:
    return Vec(_number(el.get("x"), report), _number(el.get("y"), report))


def _parse_style(raw: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Split ``key=value;token;…`` into a dict and the bare tokens, in order."""
    values: dict[str, str] = {}
    names: list[str] = []
    for part in raw.split(";"):
        key, eq, value = part.partition("=")
        key = key.strip()
        if not key:
            continue
        if eq:
            values[key] = value.strip()
        else:
            names.append(key)
    return values, tuple(names)


def _geometry(cell: ET.Element, report: Report) -> Geo:
    geo = Geo()
    g = next(
        (
            c
            for c in cell
            if c.tag == "mxGeometry" and c.get("as", "geometry") == "geometry"
        ),
        None,
    )
    if g is None:
        return geo
    geo.x = _number(g.get("x"), report)
    geo.y = _number(g.get("y"), report)
    geo.w = _number(g.get("width"), report)
    geo.h = _number(g.get("height"), report)
    geo.relative = g.get("relative") == "1"
    for child in g:
        role = child.get("as")
        if child.tag == "mxPoint":
            if role == "sourcePoint":
                geo.source_point = _point(child, report)
            elif role == "targetPoint":
                geo.target_point = _point(child, report)
            elif role == "offset":
                geo.offset = _point(child, report)
        elif child.tag == "Array" and role == "points":
            geo.points = [_point(p, report) for p in child if p.tag == "mxPoint"]
    return geo


def read_cells(model: ET.Element, report: Report, budget: list[int]) -> list[Cell]:
    """Read the flat cell list of an ``mxGraphModel``, wrappers folded in."""
    root = next((c for c in model if c.tag == "root"), None)
    if root is None:
        return []
    out: list[Cell] = []
    for order, el in enumerate(root):
        budget[0] -= 1
        if budget[0] < 0:
            raise LineworkError(
                "LW-E0105", f"The limit is {limits.MAX_ELEMENTS:,} elements."
            )
        if el.tag == "mxCell":
            cell, wrapper = el, None
        else:
            inner = next((c for c in el if c.tag == "mxCell"), None)
            if inner is None:
                continue
            cell, wrapper = inner, el
        style, names = _parse_style(cell.get("style") or "")
        attrs: dict[str, str] = {}
        if wrapper is not None:
            attrs = {
                k: v
                for k, v in wrapper.attrib.items()
                if k not in ("id", "label", "placeholders", "link", "tooltip")
            }
            label = wrapper.get("label") or ""
            cid = wrapper.get("id") or cell.get("id")
        else:
            label = cell.get("value") or ""
            cid = cell.get("id")
        out.append(
            Cell(
                id=cid if cid is not None else f"#{order}",
                order=order,
                parent=cell.get("parent"),
                style=style,
                names=names,
                vertex=cell.get("vertex") == "1",
                edge=cell.get("edge") == "1" and cell.get("vertex") != "1",
                source=cell.get("source"),
                target=cell.get("target"),
                label=label,
                attrs=attrs,
                placeholders=wrapper is not None and wrapper.get("placeholders") == "1",
                link=(wrapper.get("link") or "") if wrapper is not None else "",
                visible=cell.get("visible") != "0",
                geo=_geometry(cell, report),
            )
        )
    return out
