"""The layered auto-layout: no overlaps, few crossings, orthogonal edges, bounded work."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.formats.pagefit import fit_to_page, renumber_z
from linework.geometry import Box, Vec
from linework.layout import (
    DIRECTIONS,
    Direction,
    EdgeRoute,
    Layout,
    LayoutCluster,
    LayoutEdge,
    LayoutNode,
    graph,
    layered_layout,
    ordering,
)
from linework.model import Connector, Free, Layer, Page, Record, Shape


def nodes(names: str, w: float = 80.0, h: float = 40.0) -> list[LayoutNode]:
    """Return equally sized nodes named by single letters."""
    return [LayoutNode(n, w, h) for n in names]


def edges(pairs: str) -> list[LayoutEdge]:
    """Return edges from a space-separated list like ``"AB BC"``."""
    return [LayoutEdge(p[0], p[1]) for p in pairs.split()]


def overlaps(a: Box, b: Box) -> bool:
    """Return whether two boxes share interior area."""
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def assert_no_overlaps(layout: Layout) -> None:
    """No two node boxes overlap."""
    for (na, a), (nb, b) in itertools.combinations(layout.boxes.items(), 2):
        assert not overlaps(a, b), (na, a, nb, b)


def path_of(layout: Layout, edge: LayoutEdge, route: EdgeRoute) -> list[Vec]:
    """Return the full polyline: source anchor, waypoints, target anchor."""
    s, t = layout.boxes[edge.source], layout.boxes[edge.target]
    start = s.at(route.source_anchor.x, route.source_anchor.y)
    end = t.at(route.target_anchor.x, route.target_anchor.y)
    return [start, *route.waypoints, end]


def test_chain_flows_down_one_layer_per_edge() -> None:
    """A -> B -> C stacks top to bottom, centred over each other."""
    layout = layered_layout(nodes("ABC"), edges("AB BC"))

    a, b, c = (layout.boxes[n] for n in "ABC")
    assert (a.bottom < b.y, b.bottom < c.y) == (True, True)
    assert (a.center.x, b.center.x) == (c.center.x, c.center.x)
    assert 60 <= b.y - a.bottom <= 80


@pytest.mark.parametrize(
    ("direction", "check"),
    [
        ("TB", lambda a, b: a.bottom < b.y),
        ("BT", lambda a, b: b.bottom < a.y),
        ("LR", lambda a, b: a.right < b.x),
        ("RL", lambda a, b: b.right < a.x),
    ],
)
def test_direction_sets_where_edges_go(direction: Direction, check: object) -> None:
    """Each direction puts the target after the source along its axis."""
    layout = layered_layout(nodes("AB"), edges("AB"), direction=direction)

    assert callable(check)
    assert check(layout.boxes["A"], layout.boxes["B"])


@pytest.mark.parametrize(
    ("direction", "ports"),
    [("TB", ("s", "n")), ("BT", ("n", "s")), ("LR", ("e", "w")), ("RL", ("w", "e"))],
)
def test_forward_edges_leave_and_enter_by_the_facing_ports(
    direction: Direction, ports: tuple[str, str]
) -> None:
    """Forward edges use the side ports that face along the flow."""
    layout = layered_layout(nodes("AB"), edges("AB"), direction=direction)
    route = layout.routes[0]

    assert route is not None
    assert ports == (route.source_port, route.target_port)


def test_planar_graph_is_drawn_without_crossings() -> None:
    """Declared in a crossing order, a planar graph still ends with 0 crossings."""
    layout = layered_layout(nodes("RABCDEFG"), edges("RA RB AD BC AE BF CG DG EG FG"))

    assert 0 == layout.crossings
    assert_no_overlaps(layout)


def test_crossing_sweeps_untangle_a_twisted_ladder() -> None:
    """Two chains declared with swapped rungs are reordered to cross nothing."""
    layout = layered_layout(nodes("ABCDEF"), edges("AD BC CF DE"))

    assert 0 == layout.crossings


def test_crossing_count_matches_the_geometry() -> None:
    """K3,3 on two layers crosses 9 times in any order, and the count says so."""
    layout = layered_layout(
        nodes("ABCXYZ"), [LayoutEdge(a, b) for a in "ABC" for b in "XYZ"]
    )
    segs = [
        (layout.boxes[a].center.x, layout.boxes[b].center.x)
        for a in "ABC"
        for b in "XYZ"
    ]
    geometric = sum(
        1 for (a, b), (c, d) in itertools.combinations(segs, 2) if (a - c) * (b - d) < 0
    )

    assert (9, 9) == (geometric, layout.crossings)


def test_cycles_are_broken_and_back_edges_routed() -> None:
    """A loop A -> B -> C -> A lays out in layers; the back edge bends around."""
    layout = layered_layout(nodes("ABC"), edges("AB BC CA"))
    back = layout.routes[2]

    assert back is not None
    assert layout.boxes["A"].bottom < layout.boxes["B"].y < layout.boxes["C"].y
    assert (back.source_anchor.y, back.target_anchor.y) == (0.0, 1.0)


def test_self_loop_goes_out_and_back_into_the_same_box() -> None:
    """A self-loop has waypoints outside its box and no other node in the way."""
    layout = layered_layout(nodes("AB"), edges("AA AB"))
    loop = layout.routes[0]
    box = layout.boxes["A"]

    assert loop is not None
    assert loop.waypoints
    assert all(not box.contains(p) for p in loop.waypoints)
    assert not any(layout.boxes["B"].contains(p) for p in loop.waypoints)


def test_long_edges_get_waypoints_through_their_dummy_positions() -> None:
    """An edge skipping layers is routed around the nodes in between."""
    layout = layered_layout(nodes("ABCD"), edges("AB BC CD AD"))
    route = layout.routes[3]

    assert route is not None
    pts = path_of(layout, LayoutEdge("A", "D"), route)
    for name in "BC":
        box = layout.boxes[name]
        for p, q in itertools.pairwise(pts):
            seg = Box.around([p, q])
            assert not overlaps(seg.inflated(0.5), box.inflated(-1)), name


def test_every_route_is_orthogonal() -> None:
    """Consecutive route points differ in x or in y, never both."""
    rng = random.Random(7)
    names = [f"n{i}" for i in range(30)]
    graph_edges = [LayoutEdge(rng.choice(names), rng.choice(names)) for _ in range(45)]
    layout = layered_layout([LayoutNode(n, 70, 30) for n in names], graph_edges)

    for edge, route in zip(graph_edges, layout.routes, strict=True):
        assert route is not None
        pts = path_of(layout, edge, route)
        for p, q in itertools.pairwise(pts):
            assert abs(p.x - q.x) < 1e-6 or abs(p.y - q.y) < 1e-6, (edge, pts)


def test_minlen_stretches_an_edge_over_more_layers() -> None:
    """An edge with minlen 2 puts its target two layers down."""
    layout = layered_layout(
        nodes("ABC"), [LayoutEdge("A", "B"), LayoutEdge("A", "C", minlen=2)]
    )

    assert layout.boxes["C"].y > layout.boxes["B"].bottom


def test_clusters_hold_their_members_and_keep_others_out() -> None:
    """A cluster box contains its members and overlaps no other node or cluster."""
    members = {"a1": "s1", "a2": "s1", "b1": "s2", "b2": "s2", "i1": "inner"}
    node_list = [LayoutNode(n, 80, 40, members.get(n)) for n in (*members, "x", "y")]
    clusters = [
        LayoutCluster("s1", title_width=60, title_height=18),
        LayoutCluster("s2", title_width=60, title_height=18),
        LayoutCluster("inner", "s1", title_width=40, title_height=18),
    ]
    graph_edges = [
        LayoutEdge(*p)
        for p in [
            ("x", "a1"),
            ("a1", "a2"),
            ("x", "b1"),
            ("b1", "b2"),
            ("a2", "y"),
            ("b2", "y"),
            ("a1", "i1"),
            ("x", "y"),
        ]
    ]
    for direction in DIRECTIONS:
        layout = layered_layout(node_list, graph_edges, clusters, direction=direction)
        assert_no_overlaps(layout)
        for name, box in layout.boxes.items():
            owner = members.get(name)
            for cid, cbox in layout.clusters.items():
                inside = owner == cid or (owner == "inner" and cid == "s1")
                if inside:
                    assert cbox.contains(Vec(box.x, box.y)), (direction, name, cid)
                    assert cbox.contains(Vec(box.right, box.bottom)), (direction, name)
                else:
                    assert not overlaps(cbox, box), (direction, name, cid)
        assert not overlaps(layout.clusters["s1"], layout.clusters["s2"])
        inner, outer = layout.clusters["inner"], layout.clusters["s1"]
        assert outer.contains(Vec(inner.x, inner.y))
        assert outer.contains(Vec(inner.right, inner.bottom))


def test_cluster_title_fits_its_box() -> None:
    """A cluster is at least as wide as its title in a top-to-bottom layout."""
    layout = layered_layout(
        [LayoutNode("a", 40, 30, "c")], (), [LayoutCluster("c", None, 300, 20)]
    )

    assert layout.clusters["c"].w >= 300


def test_empty_cluster_still_gets_a_box() -> None:
    """A cluster with no members is drawn as a small box of its own."""
    layout = layered_layout(nodes("A"), (), [LayoutCluster("empty", None, 50, 20)])

    assert layout.clusters["empty"].w > 0
    assert not overlaps(layout.clusters["empty"], layout.boxes["A"])


def test_cluster_parent_cycles_are_cut() -> None:
    """Clusters naming each other as parents do not hang the layout."""
    layout = layered_layout(
        [LayoutNode("a", 40, 30, "c1")],
        (),
        [LayoutCluster("c1", "c2"), LayoutCluster("c2", "c1")],
    )

    assert set(layout.clusters) == {"c1", "c2"}


def test_unknown_endpoints_give_no_route() -> None:
    """An edge naming a missing node is skipped, not an error."""
    layout = layered_layout(nodes("A"), [LayoutEdge("A", "missing")])

    assert (None,) == layout.routes


def test_layout_is_deterministic() -> None:
    """The same input gives exactly the same output."""
    rng = random.Random(3)
    names = [f"n{i}" for i in range(40)]
    graph_edges = [LayoutEdge(rng.choice(names), rng.choice(names)) for _ in range(60)]
    node_list = [LayoutNode(n, 40 + 3 * i, 30) for i, n in enumerate(names)]

    assert layered_layout(node_list, graph_edges) == layered_layout(
        node_list, graph_edges
    )


def test_500_nodes_lay_out_with_bounded_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 500-node, 750-edge random graph lays out without overlaps, and the
    ordering does a bounded number of passes: one crossing count before the
    sweeps and at most one after each of the 8, each pass sorting a layer at
    most once, and one round of neighbour swaps (counted, not timed; the time
    is a figure of tools/bench_imports.py)."""
    calls = {"crossings": 0, "sort": 0, "transpose": 0}
    originals = {
        "crossings": ordering._crossings,
        "sort": ordering._sort_layer,
        "transpose": ordering._transpose,
    }
    names_of = {
        "crossings": "_crossings",
        "sort": "_sort_layer",
        "transpose": "_transpose",
    }
    for key, fn in originals.items():

        def counted(*args: Any, _key: str = key, _fn: Any = fn, **kwargs: Any) -> Any:
            calls[_key] += 1
            return _fn(*args, **kwargs)

        monkeypatch.setattr(ordering, names_of[key], counted)
    n_layers: list[int] = []
    order = ordering.order_layers

    def ordering_of(st: Any) -> None:
        n_layers.append(st.n_layers)
        order(st)

    monkeypatch.setattr(graph, "order_layers", ordering_of)
    rng = random.Random(11)
    names = [f"n{i}" for i in range(500)]
    node_list = [LayoutNode(n, rng.randint(40, 160), 40) for n in names]
    graph_edges = [LayoutEdge(rng.choice(names), rng.choice(names)) for _ in range(750)]

    layout = layered_layout(node_list, graph_edges)

    assert len(layout.boxes) == 500
    by_row: dict[float, list[Box]] = {}
    for b in layout.boxes.values():
        by_row.setdefault(b.center.y, []).append(b)
    for row in by_row.values():
        row.sort(key=lambda b: b.x)
        assert all(a.right <= b.x for a, b in itertools.pairwise(row))
    (layers,) = n_layers  # one ordering, of every layer (dummy nodes' too)
    assert len(by_row) <= layers
    assert 1 <= calls["crossings"] <= 1 + 8
    assert calls["sort"] <= (1 + 8) * layers
    assert calls["transpose"] <= 1


@given(
    st.integers(min_value=1, max_value=14).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(
                st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=25
            ),
            st.lists(st.sampled_from([None, "c0", "c1", "c2"]), min_size=n, max_size=n),
            st.sampled_from(DIRECTIONS),
        )
    )
)
def test_random_graphs_never_overlap(
    case: tuple[int, list[tuple[int, int]], list[str | None], Direction],
) -> None:
    """Any graph, with clusters and in any direction, has no overlapping nodes."""
    n, pairs, owners, direction = case
    node_list = [LayoutNode(f"n{i}", 50 + 7 * i, 30 + i, owners[i]) for i in range(n)]
    clusters = [LayoutCluster("c0"), LayoutCluster("c1", "c0"), LayoutCluster("c2")]
    graph_edges = [LayoutEdge(f"n{a}", f"n{b}") for a, b in pairs]

    layout = layered_layout(node_list, graph_edges, clusters, direction=direction)

    assert_no_overlaps(layout)
    for i, nd in enumerate(node_list):
        box = layout.boxes[nd.id]
        for cid, cbox in layout.clusters.items():
            chain = {owners[i], "c0"} if owners[i] == "c1" else {owners[i]}
            if cid not in chain:
                assert not overlaps(cbox, box), (cid, nd.id)
    assert not overlaps(layout.clusters["c0"], layout.clusters["c2"])


def test_fit_to_page_moves_negative_drawings_and_grows_the_page() -> None:
    """Shapes left of or above the page move in by the margin; the page grows."""
    page = Page(id="page:1", name="P", width=100, height=100)
    layer = Layer(id="layer:1", page="page:1", name="L")
    shape = Shape(
        id="shape:1", page="page:1", layer="layer:1", box=Box(-50, 10, 300, 20)
    )
    conn = Connector(
        id="conn:1",
        page="page:1",
        layer="layer:1",
        source=Free(point=Vec(0, 0)),
        target=Free(point=Vec(10, 500)),
    )
    records: dict[str, Record] = {r.id: r for r in (page, layer, shape, conn)}

    fit_to_page(records, "page:1", margin=40)

    moved = records["shape:1"]
    assert isinstance(moved, Shape)
    assert Box(40, 10, 300, 20) == moved.box
    new_page = records["page:1"]
    assert isinstance(new_page, Page)
    assert (380.0, 540.0) == (new_page.width, new_page.height)


def test_renumber_z_numbers_paint_order_per_page() -> None:
    """Elements get z = 0..n-1 by layer order, then z, then id."""
    page = Page(id="page:1", name="P")
    low = Layer(id="layer:1", page="page:1", name="low", z=0)
    high = Layer(id="layer:2", page="page:1", name="high", z=1)
    a = Shape(id="shape:1", page="page:1", layer="layer:2", z=0, box=Box(0, 0, 1, 1))
    b = Shape(id="shape:2", page="page:1", layer="layer:1", z=7, box=Box(0, 0, 1, 1))
    records: dict[str, Record] = {r.id: r for r in (page, low, high, a, b)}

    renumber_z(records)

    za, zb = records["shape:1"], records["shape:2"]
    assert isinstance(za, Shape)
    assert isinstance(zb, Shape)
    assert (1, 0) == (za.z, zb.z)
