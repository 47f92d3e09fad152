"""The obstacles of a route are the nearest shapes in its span, found ring by ring.

``with_obstacles`` looks at the cells round the span's centre first and stops
once the nearest MAX_OBSTACLES are known, so a connector across a big page
no longer examines every shape of it (k long connectors cost k × a few cells,
not k × all shapes). The pick must be exactly the one of the full search:
the nearest shapes by centre distance, ties by id, changed shapes included.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from linework.geometry import Box
from linework.model import (
    Attached,
    Connector,
    Document,
    IdSource,
    Patch,
    Record,
    Shape,
)
from linework.routing import obstacles
from linework.routing.ends import route_input
from linework.routing.obstacles import (
    MAX_OBSTACLES,
    REACH,
    grid_of,
    with_obstacles,
)


def _reference(doc: Document, c: Connector) -> tuple[Box, ...]:
    """The pick of the full search: every shape of the span, sorted."""
    inp = route_input(doc, c)
    s, t = inp.source, inp.target
    pts = [s.point, t.point, *inp.waypoints]
    left, top = min(p.x for p in pts), min(p.y for p in pts)
    right, bottom = max(p.x for p in pts), max(p.y for p in pts)
    ends = [b for b in (s.bounds, t.bounds) if b is not None]
    for b in ends:
        left, top = min(left, b.x), min(top, b.y)
        right, bottom = max(right, b.x + b.w), max(bottom, b.y + b.h)
    left, top, right, bottom = left - REACH, top - REACH, right + REACH, bottom + REACH
    cx, cy = (left + right) / 2, (top + bottom) / 2
    picked = []
    for rid, e in grid_of(doc).near(c.page, left, top, right, bottom):
        if rid in (s.shape, t.shape):
            continue
        _, el, et, er, eb = e
        if er - el <= 0 or eb - et <= 0:
            continue
        if any(
            el < b.x + b.w and b.x < er and et < b.y + b.h and b.y < eb for b in ends
        ):
            continue
        d = abs((el + er) / 2 - cx) + abs((et + eb) / 2 - cy)
        picked.append((d, rid, Box(el, et, er - el, eb - et)))
    picked.sort(key=lambda x: (x[0], x[1]))
    return tuple(b for _, _, b in picked[:MAX_OBSTACLES])


def _page(
    boxes: list[tuple[float, float, float, float]], pairs: list[tuple[int, int]]
) -> Document:
    ids = IdSource()
    base = Document.new(ids)
    page = base.pages()[0].id
    layer = base.layers(page)[0].id
    records: dict[str, Record] = dict(base.records)
    for i, (x, y, w, h) in enumerate(boxes):
        records[f"s{i}"] = Shape(
            id=f"s{i}", page=page, layer=layer, box=Box(x, y, w, h), z=i
        )
    for k, (a, b) in enumerate(pairs):
        records[f"c{k}"] = Connector(
            id=f"c{k}",
            page=page,
            layer=layer,
            source=Attached(shape=f"s{a}"),
            target=Attached(shape=f"s{b}"),
        )
    return Document(records=records)


def test_a_connector_across_a_big_page_picks_the_nearest_shapes() -> None:
    """A grid of 2,000 shapes and a connector from corner to corner: the same
    16 obstacles as the full search, after looking at a few rings of cells."""
    boxes = [
        ((i % 50) * 160.0 + 20, (i // 50) * 110.0 + 20, 100.0, 60.0)
        for i in range(2000)
    ]
    doc = _page(boxes, [(0, 1999), (25, 1975), (1000, 1049)])
    looked: list[int] = []
    real = obstacles.ShapeGrid.rings

    def counting(self, *args):  # type: ignore[no-untyped-def]
        for reach, found in real(self, *args):
            looked.append(len(found))
            yield reach, found

    obstacles.ShapeGrid.rings = counting  # type: ignore[method-assign]
    try:
        for cid in ("c0", "c1", "c2"):
            c = doc.typed(cid, Connector)
            got = with_obstacles(doc, c, route_input(doc, c)).obstacles
            assert got == _reference(doc, c)
            assert len(got) == MAX_OBSTACLES
    finally:
        obstacles.ShapeGrid.rings = real  # type: ignore[method-assign]
    assert sum(looked) < 600  # not the 2,000 shapes, three times over


def test_nearer_shapes_in_the_next_ring_win_over_far_corners_of_the_first() -> None:
    """The first cell holds more than enough shapes, but in its corners; the
    ring round it holds nearer ones just across the cell's sides. The search
    goes on until nothing unseen can be nearer, so those are picked."""
    # The span runs from s0 to s1, centred at (1152, 1152), the middle of
    # cell (4, 4) (1024..1280).
    boxes = [(1000.0, 1002.0, 10.0, 300.0), (1294.0, 1002.0, 10.0, 300.0)]
    corners = [(1024.0, 1024.0), (1270.0, 1024.0), (1024.0, 1270.0), (1270.0, 1270.0)]
    # 20 small shapes in the first cell's corners...
    boxes += [(cx + k * 0.5, cy, 0.4, 6.0) for cx, cy in corners for k in range(5)]
    # ...and two nearer ones in the next ring, along the axis.
    boxes += [(1152.0 + dx - 2, 1152.0 - 2, 4.0, 4.0) for dx in (-130.0, 130.0)]
    doc = _page(boxes, [(0, 1)])
    c = doc.typed("c0", Connector)
    got = with_obstacles(doc, c, route_input(doc, c)).obstacles
    assert got == _reference(doc, c)
    assert Box(1020.0, 1150.0, 4.0, 4.0) in got and Box(1280.0, 1150.0, 4.0, 4.0) in got


_coord = st.floats(min_value=-700, max_value=700, allow_nan=False).map(round)
_size = st.sampled_from([0.5, 10.0, 40.0, 100.0, 300.0, 700.0])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(_coord, _coord, _size, _size), min_size=2, max_size=120),
    st.data(),
)
def test_the_pick_is_the_full_searchs(
    boxes: list[tuple[float, float, float, float]], data: st.DataObject
) -> None:
    """Random pages (overlaps, big shapes, ties in distance), a moved shape
    (the grid's overlay): the nearest-first pick equals the full one."""
    n = len(boxes)
    pairs = data.draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
            min_size=1,
            max_size=5,
        )
    )
    doc = _page(boxes, pairs)
    grid_of(doc)  # built, then carried into the patched document as an overlay
    moved = doc.typed("s0", Shape)
    dx = data.draw(st.sampled_from([0.0, 150.0, -400.0]))
    after = replace(moved, box=Box(moved.box.x + dx, moved.box.y, 80, 80))
    doc2 = doc.apply(Patch(updated={"s0": (moved, after)}))
    for d in (doc, doc2):
        for k in range(len(pairs)):
            c = d.typed(f"c{k}", Connector)
            inp = route_input(d, c)
            assert with_obstacles(d, c, inp).obstacles == _reference(d, c)
