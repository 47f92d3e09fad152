"""Where a shape added without a position goes: a free spot the user can see.

A palette click used to put each new shape right of the last one, so after a
few clicks they piled up past the page edge, out of view. Here the spot is
searched inside the visible part of the page (the view the browser reports,
clipped to the page): first beside the selection (right, below, left, above),
then the free spot nearest the selection or the view's centre. "Free" means no
shape's box (grown by a gap) overlaps it. The search is bounded: at most about
:data:`MAX_CANDIDATES` positions are tried, against the shapes in that area.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, Final

from linework import commands as cmd
from linework.commands._base import shapes_in, union
from linework.editor.editor import Editor
from linework.geometry import Box, Vec
from linework.model import DEFAULT_STYLE, Document, Page, Patch, Shape, Style
from linework.render.shape import label_text_bounds, label_text_box

GAP: Final = 20.0  # space kept between a new shape and its neighbours
MARGIN: Final = 10.0  # space kept inside the visible area's edges
MAX_CANDIDATES: Final = 900


def visible_area(page: Box, view: Box | None) -> Box:
    """Return the part of the page on screen, shrunk by :data:`MARGIN`.

    Without a view (scripts, tests) the whole page; a view that shows none of
    the page is used as it is (a shape must land where the user looks).
    """
    area = page
    if view is not None and view.w > 0 and view.h > 0:
        x0, y0 = max(page.x, view.x), max(page.y, view.y)
        x1, y1 = min(page.right, view.right), min(page.bottom, view.bottom)
        area = Box(x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else view
    m = min(MARGIN, area.w / 4, area.h / 4)
    return Box(area.x + m, area.y + m, area.w - 2 * m, area.h - 2 * m)


def free_spot(
    area: Box,
    size: tuple[float, float],
    taken: Iterable[Box],
    beside: Box | None = None,
) -> Vec:
    """Return the centre for a new ``size`` box inside ``area`` that overlaps nothing.

    Args:
        area: Where the box must lie (page units), e.g. :func:`visible_area`.
        size: The new box's width and height.
        taken: Boxes of the shapes already there.
        beside: The selection's bounds: the box goes next to it if it can.

    Returns:
        The centre of the first free spot; when there is none, the spot
        nearest the preferred one that still lies inside ``area``.
    """
    w, h = size
    hw, hh = w / 2, h / 2
    # Only shapes that reach into the area can be in the way.
    near = area.inflated(GAP + max(w, h))
    boxes = [b.inflated(GAP / 2) for b in taken if b.intersects(near)]

    def fits(c: Vec) -> bool:
        inside = (
            c.x - hw >= area.x - 1e-6
            and c.y - hh >= area.y - 1e-6
            and c.x + hw <= area.right + 1e-6
            and c.y + hh <= area.bottom + 1e-6
        )
        if not inside:
            return False
        mine = Box(c.x - hw, c.y - hh, w, h).inflated(GAP / 2 - 1)
        return not any(mine.intersects(b) for b in boxes)

    if beside is not None:
        c = beside.center
        for cand in (
            Vec(beside.right + GAP + hw, c.y),
            Vec(c.x, beside.bottom + GAP + hh),
            Vec(beside.x - GAP - hw, c.y),
            Vec(c.x, beside.y - GAP - hh),
        ):
            if fits(cand):
                return cand
        anchor = c
    else:
        anchor = area.center
    if fits(anchor):
        return anchor
    # Scan a lattice over the area, nearest to the anchor first.
    step = max(GAP, math.sqrt(max(area.w * area.h, 1.0) / MAX_CANDIDATES))
    lo_x, hi_x = area.x + hw, area.right - hw
    lo_y, hi_y = area.y + hh, area.bottom - hh
    if lo_x > hi_x or lo_y > hi_y:
        return _clamp(anchor, area, hw, hh)
    xs = _lattice(lo_x, hi_x, anchor.x, step)
    ys = _lattice(lo_y, hi_y, anchor.y, step)
    for cand in sorted(
        (Vec(x, y) for x in xs for y in ys),
        key=lambda v: ((v.x - anchor.x) ** 2 + (v.y - anchor.y) ** 2, v.y, v.x),
    ):
        if fits(cand):
            return cand
    return _clamp(anchor, area, hw, hh)


def _lattice(lo: float, hi: float, through: float, step: float) -> list[float]:
    """Return points ``step`` apart from ``lo`` to ``hi``, one of them at ``through``
    when it lies in the range (so a spot right beside the anchor is tried)."""
    start = min(max(through, lo), hi)
    out = [start]
    k = 1
    while start - k * step >= lo or start + k * step <= hi:
        if start - k * step >= lo:
            out.append(start - k * step)
        if start + k * step <= hi:
            out.append(start + k * step)
        k += 1
    out.extend(v for v in (lo, hi) if all(abs(v - o) > 1e-6 for o in out))
    return out


def _clamp(c: Vec, area: Box, hw: float, hh: float) -> Vec:
    x = min(max(c.x, area.x + hw), max(area.right - hw, area.x + hw))
    y = min(max(c.y, area.y + hh), max(area.bottom - hh, area.y + hh))
    return Vec(x, y)


def place(ed: Editor, size: tuple[float, float], view: Box | None = None) -> Vec:
    """Return where a shape added without a position goes: a free spot in the
    visible part of the page, beside the selection if there is room
    (:func:`free_spot`)."""
    doc = ed.document
    page = doc.get(ed.session.page_id)
    if not isinstance(page, Page):
        return Vec(size[0], size[1])
    beside = union(seen_bounds(doc, r) for r in ed.session.selection)
    taken = [
        b
        for e in doc.elements(page.id)
        if e.parent is None and (b := seen_bounds(doc, e.id)) is not None
    ]
    area = visible_area(Box(0.0, 0.0, page.width, page.height), view)
    return free_spot(area, size, taken, beside)


def place_labelled(
    ed: Editor,
    kind: str,
    size: tuple[float, float],
    text: str,
    style: Style,
    view: Box | None,
) -> Vec:
    """Return the centre of a new ``kind`` shape of ``size`` whose label
    ``text`` may be drawn outside it (an icon's name below it): the free spot
    is sought for the shape and its label together."""
    w, h = size
    probe = Shape(
        id="", page="", layer="", kind=kind, box=Box(0, 0, w, h), text=text, style=style
    )
    label = label_text_box(probe)  # not memoized: the probe is thrown away
    if label is None:
        return place(ed, size, view)
    seen = probe.box.union(label)
    c = place(ed, (seen.w, seen.h), view)
    return Vec(c.x - seen.center.x + w / 2, c.y - seen.center.y + h / 2)


def seen_bounds(doc: Document, rid: str) -> Box | None:
    """Return an element's unit bounds grown by any label drawn outside it
    (an icon's name below it), so a new shape lands clear of that text too."""
    out = cmd.unit_bounds(doc, rid)
    if out is None:
        return None
    for s in shapes_in(doc, [rid]):
        text = label_text_bounds(s)
        if text is not None:
            out = out.union(text)
    return out


def view_arg(args: Mapping[str, Any]) -> Box | None:
    """The visible part of the canvas the browser reports: ``view`` {x, y, w, h}."""
    raw = args.get("view")
    if not isinstance(raw, Mapping):
        return None
    try:
        return Box(
            _coord(raw, "x"), _coord(raw, "y"), _coord(raw, "w"), _coord(raw, "h")
        )
    except ValueError:
        return None


def _coord(raw: Mapping[str, Any], name: str) -> float:
    v = raw.get(name)
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ValueError(name)
    return float(v)


def reveal(ed: Editor, ids: list[str] | tuple[str, ...]) -> None:
    """Ask the browser to bring ``ids`` into view (``ui.reveal``) if they are off
    screen: what was just added or pasted must not land unseen (an icon's name
    below it included)."""
    u = union(seen_bounds(ed.document, r) for r in ids)
    if u is None:
        return
    ed.note("reveal", {"x": u.x, "y": u.y, "w": u.w, "h": u.h})


def new_shape(
    ed: Editor,
    kind: str,
    box: Box | None = None,
    *,
    center: Vec | None = None,
    text: str = "",
    style: Style = DEFAULT_STYLE,
    props: Mapping[str, Any] | None = None,
    snap: bool = True,
) -> Patch:
    """Return the patch adding a ``kind`` shape in ``box`` (or centred on
    ``center``) where the user works.

    The active layer of the page in view, the editor's kinds and (with
    ``snap``) its grid: what every insertion (palette, icon, picture, text)
    shares.
    """
    return cmd.add_shape(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        kind=kind,
        center=center,
        box=box,
        text=text,
        style=style,
        grid=ed.grid if snap else None,
        kinds=ed.kinds,
        props=props,
    )


def new_text(ed: Editor, at: Vec, text: str = "") -> Patch:
    """Return the patch adding a free text centred on ``at`` (``cmd.add_text``)."""
    return new_shape(ed, "text", center=at, text=text, style=cmd.TEXT_STYLE, snap=False)
