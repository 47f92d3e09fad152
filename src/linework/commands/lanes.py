"""Lanes: swimlanes side by side that grow, shrink, come and go together.

A *lane row* is the chain of ``swimlane`` shapes that share a container (a
pool, or none), line up across the row (same top and height for columns with
a header on top; same left and width for rows with a header down the left)
and touch one after another. Resizing a lane along the row moves the lanes
after it (with their members) and grows the pool; resizing it across the row
resizes every lane of the row alike. Lanes are added after a lane, removed
(the gap closes) and moved one place earlier or later. Each is one command,
so one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from linework.commands._base import CommandError, ZCounter, is_locked, shape
from linework.commands.containers import container_id
from linework.commands.transform import translate_each
from linework.geometry import Box, Vec
from linework.model import Document, IdSource, Patch, Shape, Transaction

#: Lanes touch when the gap between them is at most this (draw.io rounds).
TOUCH: Final = 1.0


@dataclass(frozen=True, slots=True)
class Row:
    """A lane row: its lanes in order and the axis they follow (``x`` or ``y``)."""

    lanes: tuple[Shape, ...]
    axis: str
    pool: Shape | None


def _axis(lane: Shape) -> str:
    return "y" if lane.props.get("header_side") == "left" else "x"


def _span(b: Box, axis: str) -> tuple[float, float]:
    """Return (start, length) along the axis."""
    return (b.x, b.w) if axis == "x" else (b.y, b.h)


def _cross(b: Box, axis: str) -> tuple[float, float]:
    """Return (start, length) across the axis."""
    return (b.y, b.h) if axis == "x" else (b.x, b.w)


def is_lane(el: object) -> bool:
    """Return whether ``el`` is a swimlane shape."""
    return isinstance(el, Shape) and el.kind == "swimlane"


def row_of(doc: Document, lane_id: str) -> Row | None:
    """Return the lane row holding ``lane_id`` (a row of one for a lone lane)."""
    lane = shape(doc, lane_id)
    if lane is None or not is_lane(lane) or lane.rotation_deg % 360:
        return None
    axis = _axis(lane)
    cid = container_id(lane)
    pool = shape(doc, cid) if cid is not None else None
    cross = _cross(lane.box, axis)
    peers = sorted(
        (
            e
            for e in doc.elements(lane.page)
            if isinstance(e, Shape)
            and is_lane(e)
            and _axis(e) == axis
            and container_id(e) == cid
            and e.layer == lane.layer
            and not e.rotation_deg % 360
            and all(
                abs(a - b) <= TOUCH
                for a, b in zip(_cross(e.box, axis), cross, strict=True)
            )
        ),
        key=lambda e: _span(e.box, axis)[0],
    )
    i = next(k for k, e in enumerate(peers) if e.id == lane_id)
    lo = hi = i
    while lo > 0 and _touch(peers[lo - 1], peers[lo], axis):
        lo -= 1
    while hi + 1 < len(peers) and _touch(peers[hi], peers[hi + 1], axis):
        hi += 1
    return Row(lanes=tuple(peers[lo : hi + 1]), axis=axis, pool=pool)


def _touch(a: Shape, b: Shape, axis: str) -> bool:
    start, length = _span(a.box, axis)
    return abs(start + length - _span(b.box, axis)[0]) <= TOUCH


def _d(axis: str, amount: float) -> Vec:
    return Vec(amount, 0.0) if axis == "x" else Vec(0.0, amount)


def _grow(b: Box, axis: str, amount: float) -> Box:
    if axis == "x":
        return Box(b.x, b.y, max(1.0, b.w + amount), b.h)
    return Box(b.x, b.y, b.w, max(1.0, b.h + amount))


def resize_lane(doc: Document, lane_id: str, new_box: Box) -> Patch | None:
    """Resize a lane of a row; the lanes after it move, the pool follows.

    The lane keeps its place in the row (its start edge); its new length moves
    every later lane (with members) by the difference, and its new span across
    the row is given to every lane of the row. Returns None when ``lane_id``
    is not in a row of two or more, nor in a pool (then it resizes as any
    shape).
    """
    row = row_of(doc, lane_id)
    if row is None or (len(row.lanes) < 2 and row.pool is None):
        return None
    axis = row.axis
    lane = next(e for e in row.lanes if e.id == lane_id)
    grow = _span(new_box, axis)[1] - _span(lane.box, axis)[1]
    cs, cl = _cross(new_box, axis)
    tx = Transaction(doc)
    deltas: dict[str, Vec] = {}
    after = False
    for e in row.lanes:
        b = e.box
        if e.id == lane_id:
            b = _grow(b, axis, grow)
            after = True
        elif after and grow:
            deltas[e.id] = _d(axis, grow)
        b = Box(b.x, cs, b.w, cl) if axis == "x" else Box(cs, b.y, cl, b.h)
        if b != e.box and not is_locked(doc, e):
            tx.put(replace(e, box=b))
    patch = tx.patch()
    patch = patch.then(translate_each(doc.apply(patch), deltas))
    return patch.then(_fit_pool(doc.apply(patch), row.pool, axis, grow))


def add_lane(doc: Document, ids: IdSource, lane_id: str) -> Patch:
    """Add a lane after ``lane_id``, as big as it, empty; later lanes move on.

    A pool (a container holding lanes) adds one after its last lane.

    Raises:
        CommandError: if ``lane_id`` is neither a lane nor a pool with lanes.
    """
    target = shape(doc, lane_id)
    if target is not None and not is_lane(target):
        lanes = [e for e in doc.contents(lane_id) if is_lane(e)]
        if not lanes:
            raise CommandError("select a lane or a pool to add a lane to")
        row = row_of(doc, lanes[0].id)
        assert row is not None
        target = row.lanes[-1]
    row = row_of(doc, target.id) if target is not None else None
    if row is None or target is None:
        raise CommandError("select a lane or a pool to add a lane to")
    axis = row.axis
    length = _span(target.box, axis)[1]
    deltas: dict[str, Vec] = {}
    seen = False
    for e in row.lanes:
        if seen:
            deltas[e.id] = _d(axis, length)
        seen = seen or e.id == target.id
    patch = translate_each(doc, deltas)
    new = replace(
        target,
        id=ids.new("shape"),
        box=target.box.translated(_d(axis, length)),
        text=f"Lane {len(row.lanes) + 1}",
        z=ZCounter(doc, target.page).above(target.layer),
        link="",
    )
    tx = Transaction(doc.apply(patch))
    tx.put(new)
    patch = patch.then(tx.patch())
    return patch.then(_fit_pool(doc.apply(patch), row.pool, axis, length))


def remove_gaps(before: Document, after: Document, removed: list[str]) -> Patch:
    """Close the gaps ``removed`` lanes leave in their rows (``after`` lacks them)."""
    deltas: dict[str, Vec] = {}
    pools: dict[str, tuple[Shape, str, float]] = {}
    for rid in removed:
        row = row_of(before, rid)
        if row is None:
            continue
        lane = next(e for e in row.lanes if e.id == rid)
        length = _span(lane.box, row.axis)[1]
        seen = False
        for e in row.lanes:
            if seen and e.id not in removed and after.get(e.id) is not None:
                d = deltas.get(e.id, Vec(0.0, 0.0))
                deltas[e.id] = d - _d(row.axis, length)
            seen = seen or e.id == rid
        if row.pool is not None:
            shrink = pools.get(row.pool.id, (row.pool, row.axis, 0.0))[2] - length
            pools[row.pool.id] = (row.pool, row.axis, shrink)
    patch = translate_each(after, deltas)
    for pool, axis, grow in pools.values():
        patch = patch.then(_fit_pool(after.apply(patch), pool, axis, grow))
    return patch


def move_lane(doc: Document, lane_id: str, step: int) -> Patch:
    """Swap a lane with its neighbour (``step`` -1: earlier, +1: later).

    Raises:
        CommandError: if there is no lane that way.
    """
    row = row_of(doc, lane_id)
    if row is None:
        raise CommandError("select a lane")
    i = next(k for k, e in enumerate(row.lanes) if e.id == lane_id)
    j = i + step
    if not 0 <= j < len(row.lanes):
        raise CommandError("no lane that way")
    a, b = row.lanes[min(i, j)], row.lanes[max(i, j)]
    axis = row.axis
    a_len, b_len = _span(a.box, axis)[1], _span(b.box, axis)[1]
    return translate_each(doc, {b.id: _d(axis, -a_len), a.id: _d(axis, b_len)})


def _fit_pool(doc: Document, pool: Shape | None, axis: str, grow: float) -> Patch:
    """Return the pool stretched along the axis by ``grow`` (its margin around
    the lanes kept), and across it as far as its lanes reach."""
    if pool is None:
        return Patch()
    current = shape(doc, pool.id)
    lanes = [e for e in doc.contents(pool.id) if isinstance(e, Shape) and is_lane(e)]
    if current is None or not lanes or is_locked(doc, current):
        return Patch()
    pb = current.box
    right = max(e.box.right for e in lanes)
    bottom = max(e.box.bottom for e in lanes)
    if axis == "x":
        nb = Box(pb.x, pb.y, max(1.0, pb.w + grow), max(pb.h, bottom - pb.y))
    else:
        nb = Box(pb.x, pb.y, max(pb.w, right - pb.x), max(1.0, pb.h + grow))
    if nb == pb:
        return Patch()
    tx = Transaction(doc)
    tx.put(replace(current, box=nb))
    return tx.patch()
