"""Finishing any import: the drawing onto a Linework page, paint order numbered.

``fit_to_page`` puts a foreign drawing onto a Linework page (moved off negative
coordinates, the page grown to hold it) and ``renumber_z`` numbers its paint
order the way files do. Shared by the Gliffy and Excalidraw importers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from linework.formats import limits
from linework.geometry import Box, Vec, rotate_about
from linework.geometry.fmt import rounded
from linework.model import Connector, End, Free, Group, Layer, Page, Record, Shape


def _element_points(rec: Shape | Connector | Group) -> list[Vec]:
    if isinstance(rec, Shape):
        b = rec.box
        corners = [Vec(b.x, b.y), Vec(b.right, b.y), Vec(b.right, b.bottom)]
        corners.append(Vec(b.x, b.bottom))
        return [rotate_about(p, b.center, rec.rotation_deg) for p in corners]
    if isinstance(rec, Connector):
        pts = list(rec.waypoints)
        pts.extend(e.point for e in (rec.source, rec.target) if isinstance(e, Free))
        return pts
    return []


def fit_to_page(
    records: dict[str, Record],
    page_id: str,
    *,
    margin: float = 40.0,
    always_shift: bool = False,
) -> None:
    """Move a page's drawing onto the page and grow the page to hold it.

    Foreign canvases are unbounded (Excalidraw) or allow negative positions
    (Gliffy); Linework pages start at (0, 0). The drawing moves so its top-left
    sits ``margin`` inside the page when ``always_shift`` is set or when it
    pokes out to the left or top; the page grows to hold it plus the margin.
    Changes ``records`` in place; every number stays rounded like the file.
    """
    page = records[page_id]
    if not isinstance(page, Page):
        raise KeyError(page_id)
    pts = [
        p
        for r in records.values()
        if isinstance(r, Shape | Connector | Group) and r.page == page_id
        for p in _element_points(r)
    ]
    if not pts:
        return
    lo_x, lo_y = min(p.x for p in pts), min(p.y for p in pts)
    dx = margin - lo_x if always_shift or lo_x < 0 else 0.0
    dy = margin - lo_y if always_shift or lo_y < 0 else 0.0
    d = Vec(rounded(dx), rounded(dy))
    # Every coordinate is also clamped to what the .linework reader accepts, so
    # a hostile file with far-apart points still yields a valid document.
    for rid, r in list(records.items()):
        if isinstance(r, Shape) and r.page == page_id:
            box = _round_box(r.box.translated(d))
            if box != r.box:
                records[rid] = replace(r, box=box)
        elif isinstance(r, Connector) and r.page == page_id:
            moved = replace(
                r,
                source=_moved_end(r.source, d),
                target=_moved_end(r.target, d),
                waypoints=tuple(_round_vec(w + d) for w in r.waypoints),
            )
            if moved != r:
                records[rid] = moved
    hi_x = max(p.x for p in pts) + d.x
    hi_y = max(p.y for p in pts) + d.y
    records[page_id] = replace(
        page,
        width=rounded(min(MAX_PAGE, max(page.width, hi_x + margin))),
        height=rounded(min(MAX_PAGE, max(page.height, hi_y + margin))),
    )


MAX_PAGE: Final = 1_000_000.0


def _moved_end(end: End, d: Vec) -> End:
    return Free(point=_round_vec(end.point + d)) if isinstance(end, Free) else end


def _clamp(x: float) -> float:
    return rounded(min(limits.MAX_COORD, max(-limits.MAX_COORD, x)))


def _round_vec(v: Vec) -> Vec:
    return Vec(_clamp(v.x), _clamp(v.y))


def _round_box(b: Box) -> Box:
    return Box(_clamp(b.x), _clamp(b.y), max(1.0, _clamp(b.w)), max(1.0, _clamp(b.h)))


def renumber_z(records: dict[str, Record]) -> None:
    """Give each page's elements z = 0, 1, 2… in paint order (layer, z, id).

    The ``.linework`` reader numbers elements by their position in the file,
    so sequential z makes ``decode(encode(doc)) == doc`` hold for imports.
    """
    layer_rank = {
        r.id: (r.page, r.z, r.id) for r in records.values() if isinstance(r, Layer)
    }
    by_page: dict[str, list[Shape | Connector | Group]] = {}
    for r in records.values():
        if isinstance(r, Shape | Connector | Group):
            by_page.setdefault(r.page, []).append(r)
    for elements in by_page.values():
        elements.sort(
            key=lambda e: (layer_rank.get(e.layer, ("", 1 << 30, "")), e.z, e.id)
        )
        for i, e in enumerate(elements):
            if e.z != i:
                records[e.id] = replace(e, z=i)
