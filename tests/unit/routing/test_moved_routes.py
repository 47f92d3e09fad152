"""Routes of connectors moved whole with their shapes (#12, the drag budget).

A connector whose two end shapes moved by one offset keeps its route,
translated, as draw.io moves such a connector; the rule holds only where the
router would give the same route: one that went round no shape before and
runs into none where it lands. Everything else is routed anew. Either way the
route is the one a fresh routing of the document gives.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from linework.commands import move_elements
from linework.geometry import Vec, fmt
from linework.model import Connector, Document, Shape
from linework.routing import Route, forget_routes, route, routers

from ._build import Builder, at, enters


@pytest.fixture(autouse=True)
def _fresh_memo() -> Iterable[None]:
    forget_routes()
    yield
    forget_routes()


def fresh(doc: Document, c: Connector) -> Route:
    """Return the route a newly opened document gives (no memo)."""
    saved = dict(routers._ROUTES)
    forget_routes()
    try:
        return route(doc, c)
    finally:
        routers._ROUTES.clear()
        routers._ROUTES.update(saved)


def same(a: Route, b: Route) -> bool:
    """Return whether two routes draw alike: points as the SVG prints them
    (3 decimals), end directions to well below that (a translated route may
    differ from a fresh one in the last bits of a float, as glibc and
    Emscripten do)."""
    return (
        [(fmt(p.x), fmt(p.y)) for p in a.points]
        == [(fmt(p.x), fmt(p.y)) for p in b.points]
        and a.curved == b.curved
        and a.start_dir.distance(b.start_dir) < 1e-9
        and a.end_dir.distance(b.end_dir) < 1e-9
    )


class Counting:
    """Counts the connectors routed anew (``routers._route`` calls)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ids: list[str] = []
        real = routers._route

        def counted(doc: Document, c: Connector) -> object:
            self.ids.append(c.id)
            return real(doc, c)

        monkeypatch.setattr(routers, "_route", counted)


def moved_all(doc: Document, d: Vec) -> Document:
    """Return ``doc`` with every element moved by ``d`` (select all, drag)."""
    ids = [r.id for r in doc.records.values() if isinstance(r, Shape | Connector)]
    return doc.apply(move_elements(doc, ids, d))


@pytest.mark.parametrize("routing", ["orthogonal", "curved", "straight"])
@pytest.mark.parametrize("d", [Vec(40.0, 20.0), Vec(13.37, -7.219)])
def test_moving_everything_translates_every_route(
    monkeypatch: pytest.MonkeyPatch, routing: str, d: Vec
) -> None:
    """Select all and move: no connector is routed anew, and each route is
    exactly what routing the moved document afresh gives."""
    b = Builder()
    left = b.shape(0, 0)
    mid = b.shape(200, 0)  # between left and right: a detour
    right = b.shape(400, 0)
    low = b.shape(100, 200, kind="ellipse")
    conns = [
        b.connector(at(left), at(mid), routing=routing),  # type: ignore[arg-type]
        b.connector(at(left), at(low, "n"), routing=routing),  # type: ignore[arg-type]
        b.connector(at(mid), at(mid), routing=routing),  # type: ignore[arg-type]
    ]
    around = b.connector(at(left), at(right))
    doc = b.doc()
    for c in [*conns, around]:
        route(doc, c)
    counting = Counting(monkeypatch)

    after = moved_all(doc, d)

    routes = {c.id: route(after, c) for c in [*conns, around]}

    # The clear routes were translated, not searched again; the detour round
    # ``mid`` was routed anew (whatever it went round may have stayed behind).
    assert [around.id] == counting.ids
    for c in [*conns, around]:
        assert same(routes[c.id], fresh(after, c)), c.id
        assert routes[c.id].points[0] != route(doc, c).points[0]


def test_a_translated_route_that_lands_on_a_shape_is_routed_anew() -> None:
    """Two shapes moved together so their straight run now crosses a shape
    left behind: the connector goes round it, as a fresh routing does."""
    b = Builder()
    a = b.shape(0, 0)
    z = b.shape(300, 0)
    stay = b.shape(150, 200)  # below the pair
    c = b.connector(at(a), at(z))
    doc = b.doc()
    before = route(doc, c)
    assert not enters(before.points, stay.box)

    after = doc.apply(move_elements(doc, [a.id, z.id], Vec(0.0, 200.0)))
    r = route(after, c)

    assert not enters(r.points, stay.box)
    assert same(r, fresh(after, c))


def test_a_detour_whose_obstacle_stayed_behind_straightens() -> None:
    """The ends moved, the shape they went round did not: no detour is kept."""
    b = Builder()
    a = b.shape(0, 0)
    mid = b.shape(200, 0)
    z = b.shape(400, 0)
    c = b.connector(at(a), at(z))
    doc = b.doc()
    assert enters(route(doc, c).points, mid.box) is False
    assert len(route(doc, c).points) > 2

    after = doc.apply(move_elements(doc, [a.id, z.id], Vec(0.0, 300.0)))
    r = route(after, c)

    assert same(r, fresh(after, c))
    assert 2 == len(r.points)


def test_one_end_moved_is_routed_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only connectors whose ends moved alike are translated."""
    b = Builder()
    a = b.shape(0, 0)
    z = b.shape(300, 100)
    c = b.connector(at(a), at(z))
    doc = b.doc()
    route(doc, c)
    counting = Counting(monkeypatch)

    after = doc.apply(move_elements(doc, [a.id], Vec(10.0, 0.0)))
    r = route(after, c)
    assert [c.id] == counting.ids
    assert same(r, fresh(after, c))


def test_a_resized_end_is_routed_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same offset is not enough: the shapes must only have moved."""
    b = Builder()
    a = b.shape(0, 0)
    z = b.shape(300, 0)
    c = b.connector(at(a), at(z))
    doc = b.doc()
    route(doc, c)
    counting = Counting(monkeypatch)
    moved = doc.apply(move_elements(doc, [a.id, z.id], Vec(5.0, 5.0)))
    grown = moved.typed(z.id, Shape)
    from dataclasses import replace

    from linework.geometry import Box
    from linework.model import Patch

    bigger = replace(grown, box=Box(grown.box.x, grown.box.y, 150.0, 60.0))
    after = moved.apply(Patch(updated={z.id: (grown, bigger)}))

    r = route(after, c)

    assert [c.id] == counting.ids
    assert same(r, fresh(after, c))
