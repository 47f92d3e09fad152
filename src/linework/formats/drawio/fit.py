"""Growing each imported page to hold its content (draw.io pages are unbounded)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Final

from linework.formats import limits
from linework.formats.drawio.cells import Report
from linework.formats.drawio.elements import along
from linework.formats.drawio.names import PAGE_MARGIN
from linework.formats.drawio.styles import colour
from linework.geometry import Box, Vec, rotate_about
from linework.geometry.fmt import rounded
from linework.model import (
    Connector,
    End,
    Free,
    Page,
    Record,
    Shape,
)


def background(raw: str | None) -> str:
    c = colour(raw, "#ffffff")
    return "#ffffff" if c == "none" else c


# --------------------------------------------------------------------------- page fit
def _points_of(r: Record, boxes: Mapping[str, Box]) -> Iterable[Vec]:
    """Yield points whose bounding box covers a record as Linework will draw it.

    For a connector: its free ends and waypoints, and the corners of each label
    at roughly its size, on the straight path through those points (the route
    is not known here; the page margin absorbs the difference).
    """
    if isinstance(r, Shape):
        b = r.box
        if r.text and (r.style.label_position != "inside" or not r.style.wrap):
            b = b.union(_outside_label_box(r))
        corners = b.corners()
        if r.rotation_deg:
            yield from (rotate_about(p, r.box.center, r.rotation_deg) for p in corners)
        else:
            yield from corners
    elif isinstance(r, Connector):
        path: list[Vec] = []
        for e in (r.source, r.target):
            if isinstance(e, Free):
                yield e.point
        yield from r.waypoints
        ends: list[Vec | End] = [r.source, *r.waypoints, r.target]
        for item in ends:
            if isinstance(item, Vec):
                path.append(item)
            elif isinstance(item, Free):
                path.append(item.point)
            elif item.shape in boxes:
                path.append(boxes[item.shape].center)
        size = r.style.font_size
        for label in r.labels:
            lines = label.text.split("\n")
            hw = max(len(line) for line in lines) * size * 0.3 + 4
            hh = len(lines) * size * 0.625 + 4
            c, _ = along(path, label.position)
            c = c + label.offset
            yield Vec(c.x - hw, c.y - hh)
            yield Vec(c.x + hw, c.y + hh)


def _outside_label_box(s: Shape) -> Box:
    """Return roughly where a label outside its shape, or not wrapped, is drawn.

    The renderer lays it out unwrapped in a box of the shape's size beside the
    shape, so the box is widened to the text's estimated width (about the
    estimate used for connector labels) on the side its alignment grows to.
    An unwrapped label inside its shape only grows sideways (its lines are
    never more than wrapping would make), and without the margin, so a label
    that fits does not move a shape at the page's edge.
    """
    b, st = s.box, s.style
    position = st.label_position
    lines = s.text.split("\n")
    widest = max(len(line) for line in lines) * st.font_size * 0.6
    if position == "inside":
        w = max(b.w, widest)
        return Box(_aligned(b.x, b.w, w, st.align), b.y, w, b.h)
    dx = {"left": -b.w, "right": b.w}.get(position, 0.0)
    dy = {"top": -b.h, "bottom": b.h}.get(position, 0.0)
    w = max(b.w, widest + 8)
    h = max(b.h, len(lines) * st.font_size * 1.25 + 8)
    y = b.y + dy + (b.h - h if position == "top" else 0.0)
    return Box(_aligned(b.x + dx, b.w, w, st.align), y, w, h)


def _aligned(x: float, box_w: float, w: float, align: str) -> float:
    """Return the left edge of ``w`` aligned in a box ``box_w`` wide at ``x``."""
    if align == "center":
        return x + (box_w - w) / 2
    if align == "right":
        return x + box_w - w
    return x


_NOISE: Final = 1e-6


def _page_extent(x: float) -> float:
    """Round a page size up to whole units, ignoring float noise below 1e-6.

    The size must come out the same when the file is read again after export,
    where the content sits at positions already rounded.
    """
    return float(math.ceil(x - 1e-6))


def fit_page(
    page: Page, records: list[Record], report: Report
) -> tuple[Page, list[Record]]:
    """Move content above or left of the origin onto the page, and grow the page.

    draw.io's canvas is unbounded; a Linework page is not, and content outside it
    would be cut off. Content already on the page is left exactly where it is.
    """
    lo_x = lo_y = math.inf
    hi_x = hi_y = -math.inf
    boxes = {r.id: r.box for r in records if isinstance(r, Shape)}
    for r in records:
        for p in _points_of(r, boxes):
            lo_x, lo_y = min(lo_x, p.x), min(lo_y, p.y)
            hi_x, hi_y = max(hi_x, p.x), max(hi_y, p.y)
    if lo_x == math.inf:
        return page, records
    # Rotated corners carry float noise (-1e-15 for an edge on the origin):
    # only content really left of or above the page moves, so a second
    # import of an exported file moves nothing.
    dx = rounded(PAGE_MARGIN - lo_x) if lo_x < -_NOISE else 0.0
    dy = rounded(PAGE_MARGIN - lo_y) if lo_y < -_NOISE else 0.0
    if dx or dy:
        report.add("shifted")
        d = Vec(dx, dy)

        def move(p: Vec) -> Vec:
            return Vec(rounded(p.x + dx), rounded(p.y + dy))

        def move_end(e: End) -> End:
            return Free(point=move(e.point)) if isinstance(e, Free) else e

        moved: list[Record] = []
        for r in records:
            if isinstance(r, Shape):
                b = r.box.translated(d)
                r = replace(r, box=Box(rounded(b.x), rounded(b.y), b.w, b.h))
            elif isinstance(r, Connector):
                r = replace(
                    r,
                    source=move_end(r.source),
                    target=move_end(r.target),
                    waypoints=tuple(move(p) for p in r.waypoints),
                )
            moved.append(r)
        records = moved
    width = min(
        limits.MAX_COORD, max(page.width, _page_extent(hi_x + dx + PAGE_MARGIN))
    )
    height = min(
        limits.MAX_COORD, max(page.height, _page_extent(hi_y + dy + PAGE_MARGIN))
    )
    return replace(page, width=rounded(width), height=rounded(height)), records
