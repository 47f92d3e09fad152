"""Commands that change geometry: move, resize, scale and rotate.

Connectors are never re-routed here: routes are computed from attachments, so a
connector attached to a moved shape follows by itself. What a command does
move are a connector's *free* ends and waypoints, and only when the whole
connector travels with the selection, so a line dragged along with both its
shapes keeps its shape instead of bending back to where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Final

from linework.commands._base import (
    clean_angle,
    connector,
    descendants,
    is_locked,
    lock_checker,
    shape,
)
from linework.commands.containers import carried
from linework.geometry import COMPASS_FRACTIONS, Box, Vec, rotate_about
from linework.model import (
    Attached,
    Connector,
    Document,
    End,
    Free,
    Patch,
    Shape,
    Transaction,
)
from linework.shapes import moved

#: Resize handles, clockwise from the top-left corner.
HANDLES: Final[tuple[str, ...]] = ("nw", "n", "ne", "e", "se", "s", "sw", "w")
#: The fixed point of each handle's resize, as fractions of the box.
OPPOSITE: Final[dict[str, tuple[float, float]]] = {
    name: (1.0 - fx, 1.0 - fy) for name, (fx, fy) in COMPASS_FRACTIONS.items()
}
#: Smallest width and height a resize leaves, in page units.
MIN_SIZE: Final = 10.0

Mapper = Callable[[Vec], Vec]


def _movers(
    doc: Document, ids: Iterable[str], *, carry: bool = False
) -> tuple[set[str], set[str]]:
    """Return (shapes, connectors) among ``ids`` and their members, unlocked.

    With ``carry``, container members count too (a move carries them; a
    rotation or resize of a container leaves them be).
    """
    shapes: set[str] = set()
    conns: set[str] = set()
    records = doc.records
    locked = lock_checker(doc)
    for rid in carried(doc, ids) if carry else descendants(doc, ids):
        el = records.get(rid)
        if isinstance(el, Shape):
            if not locked(el):
                shapes.add(rid)
        elif isinstance(el, Connector) and not locked(el):
            conns.add(rid)
    return shapes, conns


def _carry_connectors(
    tx: Transaction,
    doc: Document,
    shape_maps: Mapping[str, Mapper],
    conn_maps: Mapping[str, Mapper],
) -> None:
    """Map free ends and waypoints of connectors travelling with the selection.

    An end travels with the mapping of the shape it is attached to, or, when
    free, with its connector's own mapping if the connector is selected. Free
    ends that travel are mapped; waypoints only when both ends travel by the
    same mapping (otherwise the line would tear away from the end that stays).
    """
    touched: dict[str, Connector] = {}
    for cid in conn_maps:
        c = connector(doc, cid)
        if c is not None:
            touched[cid] = c
    for sid in shape_maps:
        for c in doc.connectors_of(sid):
            touched[c.id] = c
    for cid in sorted(touched):
        c = touched[cid]
        fixed_ends = isinstance(c.source, Attached) and isinstance(c.target, Attached)
        if (fixed_ends and not c.waypoints) or is_locked(doc, c):
            continue  # nothing of its own to move: its route follows its shapes
        own = conn_maps.get(cid)

        def mapper(end: End, own: Mapper | None = own) -> Mapper | None:
            if isinstance(end, Attached):
                return shape_maps.get(end.shape)
            return own

        def mapped(end: End, f: Mapper | None) -> End:
            if f is not None and isinstance(end, Free):
                return Free(point=f(end.point))
            return end

        fs, ft = mapper(c.source), mapper(c.target)
        new = replace(
            c,
            source=mapped(c.source, fs),
            target=mapped(c.target, ft),
            waypoints=tuple(fs(p) for p in c.waypoints)
            if fs is not None and fs is ft
            else c.waypoints,
        )
        if new != c:
            tx.put(new)


def translate_each(doc: Document, deltas: Mapping[str, Vec]) -> Patch:
    """Translate each listed element (and its members) by its own delta.

    Used by align and distribute, where every unit moves differently, in one
    patch; a connector between two units keeps its waypoints only if both
    ends move alike.
    """
    by_delta: dict[Vec, Mapper] = {}
    shape_maps: dict[str, Mapper] = {}
    conn_maps: dict[str, Mapper] = {}
    tx = Transaction(doc)
    for rid, d in deltas.items():
        if d.x == 0 and d.y == 0:
            continue
        f = by_delta.setdefault(d, _translator(d))
        shapes, conns = _movers(doc, [rid], carry=True)
        for sid in shapes:
            shape_maps.setdefault(sid, f)
        for cid in conns:
            conn_maps.setdefault(cid, f)
    deltas_of = {f: d for d, f in by_delta.items()}
    for sid in sorted(shape_maps):
        s = shape(doc, sid)
        if s is not None:
            tx.put(moved(s, deltas_of[shape_maps[sid]]))
    _carry_connectors(tx, doc, shape_maps, conn_maps)
    return tx.patch()


def _translator(d: Vec) -> Mapper:
    return lambda p: p + d


def move_elements(doc: Document, ids: Iterable[str], delta: Vec) -> Patch:
    """Translate elements by ``delta``; groups move their members.

    Locked elements stay. Connectors attached to moved shapes follow through
    their routes; free ends and waypoints travel as described in the module.
    """
    if delta.x == 0 and delta.y == 0:
        return Patch()
    shapes, conns = _movers(doc, ids, carry=True)
    f = _translator(delta)
    tx = Transaction(doc)
    for sid in sorted(shapes):
        s = shape(doc, sid)
        if s is not None:
            tx.put(moved(s, delta))
    _carry_connectors(tx, doc, dict.fromkeys(shapes, f), dict.fromkeys(conns, f))
    return tx.patch()


def resized_box(
    box: Box,
    handle: str,
    p: Vec,
    *,
    keep_ratio: bool = False,
    min_size: float = MIN_SIZE,
) -> Box:
    """Return ``box`` with the edges of ``handle`` dragged to ``p``.

    The opposite side stays put; the box never gets smaller than ``min_size``.
    With ``keep_ratio`` a corner scales both sides alike and a side handle
    scales the other dimension about the centre.

    >>> resized_box(Box(0, 0, 100, 50), "se", Vec(120, 80))
    Box(x=0, y=0, w=120, h=80)
    >>> resized_box(Box(0, 0, 100, 50), "se", Vec(300, 60), keep_ratio=True)
    Box(x=0, y=0, w=300.0, h=150.0)
    """
    if handle not in OPPOSITE:
        raise ValueError(f"unknown handle {handle!r}")
    left, top, right, bottom = box.x, box.y, box.right, box.bottom
    min_w = min(min_size, box.w) if box.w > 0 else min_size
    min_h = min(min_size, box.h) if box.h > 0 else min_size
    if "w" in handle:
        left = min(p.x, right - min_w)
    if "e" in handle:
        right = max(p.x, left + min_w)
    if "n" in handle:
        top = min(p.y, bottom - min_h)
    if "s" in handle:
        bottom = max(p.y, top + min_h)
    w, h = right - left, bottom - top
    if keep_ratio and box.w > 0 and box.h > 0:
        horizontal = "e" in handle or "w" in handle
        vertical = "n" in handle or "s" in handle
        if horizontal and vertical:
            k = max(w / box.w, h / box.h)
        elif horizontal:
            k = w / box.w
        else:
            k = h / box.h
        k = max(k, min_w / box.w, min_h / box.h)
        w, h = box.w * k, box.h * k
        c = box.center
        if "w" in handle:
            left = right - w
        elif "e" in handle:
            right = left + w
        else:
            left, right = c.x - w / 2, c.x + w / 2
        if "n" in handle:
            top = bottom - h
        elif "s" in handle:
            bottom = top + h
        else:
            top, bottom = c.y - h / 2, c.y + h / 2
    return Box(left, top, right - left, bottom - top)


def resize_shape(
    doc: Document,
    shape_id: str,
    handle: str,
    point: Vec,
    *,
    keep_ratio: bool = False,
    min_size: float = MIN_SIZE,
) -> Patch:
    """Drag one of a shape's 8 handles to ``point`` (page coordinates).

    A rotated shape resizes in its own frame, and the side opposite the handle
    stays where it is on the page, as the user expects.
    """
    s = shape(doc, shape_id)
    if s is None or is_locked(doc, s):
        return Patch()
    rot = s.rotation_deg
    c = s.box.center
    local = rotate_about(point, c, -rot)
    nb = resized_box(s.box, handle, local, keep_ratio=keep_ratio, min_size=min_size)
    if rot % 360:
        fx, fy = OPPOSITE[handle]
        fixed = rotate_about(s.box.at(fx, fy), c, rot)
        now = rotate_about(nb.at(fx, fy), nb.center, rot)
        nb = nb.translated(fixed - now)
    tx = Transaction(doc)
    tx.put(replace(s, box=nb))
    return tx.patch()


def scale_elements(doc: Document, ids: Iterable[str], frm: Box, to: Box) -> Patch:
    """Map elements from box ``frm`` onto box ``to`` (resizing a multi-selection).

    Each shape's box is mapped corner by corner (its rotation is kept);
    travelling connectors map their free ends and waypoints the same way.
    """
    if frm == to or frm.w <= 0 or frm.h <= 0:
        return Patch()
    kx, ky = to.w / frm.w, to.h / frm.h

    def f(p: Vec) -> Vec:
        return Vec(to.x + (p.x - frm.x) * kx, to.y + (p.y - frm.y) * ky)

    shapes, conns = _movers(doc, ids)
    tx = Transaction(doc)
    for sid in sorted(shapes):
        s = shape(doc, sid)
        if s is not None:
            a = f(Vec(s.box.x, s.box.y))
            b = f(Vec(s.box.right, s.box.bottom))
            tx.put(
                replace(s, box=Box(a.x, a.y, max(b.x - a.x, 1.0), max(b.y - a.y, 1.0)))
            )
    _carry_connectors(tx, doc, dict.fromkeys(shapes, f), dict.fromkeys(conns, f))
    return tx.patch()


def rotate_elements(
    doc: Document, ids: Iterable[str], delta_deg: float, center: Vec | None = None
) -> Patch:
    """Turn elements clockwise by ``delta_deg`` about ``center``.

    Each shape turns about ``center`` (its own centre when None), so a single
    shape spins in place and a selection turns as one piece.
    """
    if delta_deg % 360 == 0:
        return Patch()
    shapes, conns = _movers(doc, ids)
    tx = Transaction(doc)
    for sid in sorted(shapes):
        s = shape(doc, sid)
        if s is None:
            continue
        c = s.box.center
        nc = c if center is None else rotate_about(c, center, delta_deg)
        tx.put(
            replace(
                s,
                box=s.box.translated(nc - c),
                rotation_deg=clean_angle(s.rotation_deg + delta_deg),
            )
        )
    if center is not None:

        def f(p: Vec) -> Vec:
            return rotate_about(p, center, delta_deg)

        _carry_connectors(tx, doc, dict.fromkeys(shapes, f), dict.fromkeys(conns, f))
    return tx.patch()


def set_rotation(doc: Document, ids: Iterable[str], deg: float) -> Patch:
    """Set the rotation of shapes (each about its own centre) to ``deg``."""
    shapes, _ = _movers(doc, ids)
    tx = Transaction(doc)
    for sid in sorted(shapes):
        s = shape(doc, sid)
        if s is not None:
            tx.put(replace(s, rotation_deg=clean_angle(deg)))
    return tx.patch()
