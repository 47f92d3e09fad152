"""Every gallery template's lines are clean (testers found the network
template's cables sharing stretches and running through names, and a kink in
the UML class template's dependency): no two connectors share a stretch of
line unless they meet at the same port (a tree joining, as UML draws
inheritance), no connector runs through a shape's name or through a shape
other than its ends (frames around them aside), and no orthogonal route has
a jog of a few pixels between two bends.
"""

from __future__ import annotations

from importlib import resources
from itertools import pairwise

import pytest

from linework.formats import native
from linework.geometry import Box, Vec
from linework.model import Attached, Connector, Document, Shape
from linework.render.shape import label_text_box
from linework.routing import polyline, route

#: Shorter than this between two bends is a kink, not a route.
MIN_JOG = 8.0
#: Frames drawn around the lines they hold (a combined fragment's messages).
FRAMES = frozenset({"uml-fragment"})
TEMPLATES = sorted(
    p.name.removesuffix(".linework")
    for p in resources.files("linework.templates").iterdir()
    if p.name.endswith(".linework")
)
Segment = tuple[Vec, Vec]


def _open(name: str) -> Document:
    data = resources.files("linework.templates").joinpath(f"{name}.linework")
    return native.decode(data.read_bytes())


def _through(seg: Segment, box: Box, inset: float = 1.0) -> bool:
    """Whether a segment passes inside a box (shrunk by ``inset``)."""
    (a, b) = seg
    x0, y0 = box.x + inset, box.y + inset
    x1, y1 = box.x + box.w - inset, box.y + box.h - inset
    steps = max(2, int(abs(b.x - a.x) + abs(b.y - a.y)))
    for i in range(steps + 1):
        t = i / steps
        x, y = a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t
        if x0 < x < x1 and y0 < y < y1:
            return True
    return False


def _shared(s: Segment, t: Segment) -> float:
    """Length two axis-aligned segments run along each other."""
    (a, b), (c, d) = s, t
    if abs(a.y - b.y) < 0.5 and abs(c.y - d.y) < 0.5 and abs(a.y - c.y) < 0.5:
        lo, hi = max(min(a.x, b.x), min(c.x, d.x)), min(max(a.x, b.x), max(c.x, d.x))
        return max(0.0, hi - lo)
    if abs(a.x - b.x) < 0.5 and abs(c.x - d.x) < 0.5 and abs(a.x - c.x) < 0.5:
        lo, hi = max(min(a.y, b.y), min(c.y, d.y)), min(max(a.y, b.y), max(c.y, d.y))
        return max(0.0, hi - lo)
    return 0.0


def _ports(c: Connector) -> set[tuple[str, str]]:
    return {
        (e.shape, e.port)
        for e in (c.source, c.target)
        if isinstance(e, Attached) and e.port
    }


def _contains(outer: Box, inner: Box) -> bool:
    return (
        outer.x <= inner.x
        and outer.y <= inner.y
        and inner.x + inner.w <= outer.x + outer.w
        and inner.y + inner.h <= outer.y + outer.h
    )


def problems(doc: Document) -> list[str]:
    """Return what is unclean about a document's lines, one line each."""
    out: list[str] = []
    for page in doc.pages():
        els = list(doc.elements(page.id))
        shapes = [e for e in els if isinstance(e, Shape)]
        conns = [e for e in els if isinstance(e, Connector)]
        segs: dict[str, list[Segment]] = {}
        for c in conns:
            pts = polyline(route(doc, c))
            segs[c.id] = list(pairwise(pts))
            ends = {e.shape for e in (c.source, c.target) if isinstance(e, Attached)}
            end_boxes = [doc.typed(e, Shape).box for e in ends]
            if c.routing == "orthogonal":
                for a, b in segs[c.id][1:-1]:
                    if abs(a.x - b.x) + abs(a.y - b.y) < MIN_JOG:
                        out.append(f"{c.id}: a kink at {a}")
            for s in shapes:
                name = label_text_box(s)
                if name is not None and any(_through(g, name) for g in segs[c.id]):
                    out.append(f"{c.id}: runs through the name {s.text!r}")
                if s.id in ends or s.kind == "text" or s.kind in FRAMES:
                    continue
                if any(_contains(s.box, e) for e in end_boxes):
                    continue  # a container around an end
                if any(_through(g, s.box) for g in segs[c.id]):
                    out.append(f"{c.id}: runs through {s.kind} {s.text!r}")
        for i, c in enumerate(conns):
            for d in conns[i + 1 :]:
                if _ports(c) & _ports(d):
                    continue  # joining at one port: a tree
                if any(_shared(s, t) > 1.0 for s in segs[c.id] for t in segs[d.id]):
                    out.append(f"{c.id} and {d.id} share a stretch of line")
    return out


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_lines_are_clean(name: str) -> None:
    assert problems(_open(name)) == []


def test_the_check_sees_what_testers_saw() -> None:
    """Lines sharing a stretch, running through a name, and a kink are found."""
    from dataclasses import replace

    from linework.model import Transaction

    doc = _open("network")
    conns = [e for e in doc.elements(doc.pages()[0].id) if isinstance(e, Connector)]
    t = Transaction(doc)
    for c in conns:  # as before: every end floating, no waypoints
        src, dst = c.source, c.target
        assert isinstance(src, Attached) and isinstance(dst, Attached)
        t.put(
            replace(
                c,
                source=Attached(shape=src.shape),
                target=Attached(shape=dst.shape),
                waypoints=(),
            )
        )
    found = problems(doc.apply(t.patch()))
    assert any("share a stretch" in p for p in found), found
    uml = _open("uml-class")
    colour = next(
        e
        for e in uml.elements(uml.pages()[0].id)
        if isinstance(e, Shape) and e.text == "Colour"
    )
    t = Transaction(uml)
    t.put(replace(colour, box=replace(colour.box, y=colour.box.y - 5)))
    assert any("kink" in p for p in problems(uml.apply(t.patch())))
