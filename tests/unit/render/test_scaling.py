"""Rendering a big page costs the same work per element at every size.

Counts of the expensive steps (routing a connector, flattening a shape's
outline), not wall-clock time: ``linework render`` of 90,000 elements must stay
linear, and an export routes each connector once although both its view box
and its fragment need the route.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from linework.geometry import Box
from linework.model import Attached, Connector, Document, IdSource, Record, Shape
from linework.render import Renderer, export_svg
from linework.routing import routers
from linework.shapes import exits, geometry

KINDS = ("rectangle", "ellipse", "diamond", "rounded-rectangle")


def _grid(n: int) -> Document:
    """Return ``n`` shapes in rows of 50, each joined to its right or lower neighbour."""
    ids = IdSource()
    base = Document.new(ids)
    page = base.pages()[0].id
    layer = base.layers(page)[0].id
    records: dict[str, Record] = dict(base.records)
    for i in range(n):
        records[f"s{i}"] = Shape(
            id=f"s{i}",
            page=page,
            layer=layer,
            z=i,
            kind=KINDS[i % len(KINDS)],
            box=Box((i % 50) * 160.0 + 20, (i // 50) * 110.0 + 20, 100, 60),
            text=f"Shape {i}",
        )
    for i in range(n):
        j = i + 1 if (i + 1) % 50 else i + 50
        records[f"c{i}"] = Connector(
            id=f"c{i}",
            page=page,
            layer=layer,
            z=n + i,
            source=Attached(shape=f"s{i}"),
            target=Attached(shape=f"s{j if j < n else (i + 7) % n}"),
        )
    return Document(records=records)


@contextmanager
def _counting() -> Iterator[Counter[str]]:
    """Count uncached routes (by connector), outline flattenings (by shape) and
    the closed-form answers that spare one (shapes.exits: bounds, axis exits)."""
    counts: Counter[str] = Counter()
    real_route = routers._route
    real_kind_of = geometry.kind_of  # type: ignore[attr-defined]
    real_exits_kind_of = exits.kind_of

    def route(doc: Document, c: Connector) -> object:
        counts["route " + c.id] += 1
        return real_route(doc, c)

    def kind_of(name: str, kinds: object) -> object:
        counts["outline"] += 1
        return real_kind_of(name, kinds)  # type: ignore[arg-type]

    def exits_kind_of(name: str, kinds: object) -> object:
        counts["closed form"] += 1
        return real_exits_kind_of(name, kinds)  # type: ignore[arg-type]

    with (
        mock.patch.object(routers, "_route", route),
        mock.patch.object(geometry, "kind_of", kind_of),
        mock.patch.object(exits, "kind_of", exits_kind_of),
    ):
        yield counts


def test_export_routes_each_connector_once() -> None:
    doc = _grid(120)
    page = doc.pages()[0].id
    with _counting() as counts:
        svg = export_svg(doc, page)
    routed = {k: v for k, v in counts.items() if k.startswith("route ")}
    assert len(routed) == 120  # every connector was routed...
    assert set(routed.values()) == {1}  # ...once, for the view box and the fragment
    assert svg.count('data-kind="connector"') == 120


def test_render_work_grows_linearly() -> None:
    """Four times the elements: exactly four times the routes and outlines."""
    work = []
    for n in (100, 400):
        doc = _grid(n)
        page = doc.pages()[0].id
        with _counting() as counts:
            export_svg(doc, page)
            Renderer().page_fragments(doc, page)
        routes = sum(v for k, v in counts.items() if k.startswith("route "))
        work.append((routes, counts["outline"], counts["closed form"]))
    (r1, o1, f1), (r4, o4, f4) = work
    assert (r1, r4) == (100, 400)  # one route per connector, at both sizes
    # Shape geometry (outlines, ports, boundary points) per shape stays flat.
    assert o1 <= 4 * 100
    assert 4 * o1 - 8 <= o4 <= 4 * o1 + 8, work
    # So do the closed-form answers: a shape's bounds, an end's side point.
    assert f1 <= 4 * 100
    assert 4 * f1 - 8 <= f4 <= 4 * f1 + 8, work


def test_a_changed_end_shape_reroutes() -> None:
    """The route memo follows the records: moving an end shape routes again."""
    doc = _grid(4)
    c = doc.typed("c0", Connector)
    first = routers.route(doc, c)
    assert routers.route(doc, c) is first
    s = doc.typed("s1", Shape)
    moved = Shape(
        id=s.id,
        page=s.page,
        layer=s.layer,
        z=s.z,
        kind=s.kind,
        box=Box(500, 400, 100, 60),
    )
    doc2 = Document(records={**doc.records, s.id: moved})
    again = routers.route(doc2, c)
    assert again is not first
    assert again.points[-1] != first.points[-1]
