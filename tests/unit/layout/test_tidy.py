"""The tidy tree layout: no overlaps, parents centred, levels in order, LR = TB turned."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linework.geometry import Box, Vec
from linework.layout import LayoutCluster, LayoutEdge, LayoutNode
from linework.layout.tidy import TreeNode, find_root, tidy_tree, tree_as_layout


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[TreeNode], dict[str, list[str]]]:
    n = draw(st.integers(1, 40))
    nodes = [
        TreeNode(f"n{i}", draw(st.floats(10, 200)), draw(st.floats(10, 120)))
        for i in range(n)
    ]
    children: dict[str, list[str]] = {}
    for i in range(1, n):
        parent = draw(st.integers(0, i - 1))
        children.setdefault(f"n{parent}", []).append(f"n{i}")
    return nodes, children


@settings(max_examples=120, deadline=None)
@given(trees(), st.sampled_from(["TB", "LR"]))
def test_no_two_boxes_overlap_and_levels_follow_parents(
    tree: tuple[list[TreeNode], dict[str, list[str]]], direction: str
) -> None:
    """Every node is placed once, no two overlap, each child is past its parent."""
    nodes, children = tree
    boxes = tidy_tree(nodes, children, "n0", direction=direction)  # type: ignore[arg-type]

    assert set(boxes) == {n.id for n in nodes}
    placed = list(boxes.values())
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert not _overlap(a, b)
    for parent, kids in children.items():
        for k in kids:
            if direction == "TB":
                assert boxes[k].y >= boxes[parent].bottom
            else:
                assert boxes[k].x >= boxes[parent].right


def test_parent_is_centred_over_its_children_and_order_is_kept() -> None:
    """A root with three equal children sits centred above them, left to right."""
    nodes = [TreeNode(i, 100, 40) for i in ("r", "a", "b", "c")]
    boxes = tidy_tree(nodes, {"r": ["a", "b", "c"]}, "r", origin=Vec(10, 20), gap=20)

    assert boxes["a"].x < boxes["b"].x < boxes["c"].x
    assert boxes["r"].center.x == boxes["b"].center.x
    assert boxes["b"].x - boxes["a"].right == 20
    assert min(b.x for b in boxes.values()) == 10
    assert boxes["r"].y == 20


def test_left_right_is_top_down_with_axes_swapped() -> None:
    """LR puts levels to the right and siblings downwards."""
    nodes = [TreeNode(i, 100, 40) for i in ("r", "a", "b")]
    boxes = tidy_tree(nodes, {"r": ["a", "b"]}, "r", direction="LR")

    assert boxes["a"].x == boxes["b"].x > boxes["r"].right
    assert boxes["a"].bottom < boxes["b"].y


def test_subtrees_pack_by_contour() -> None:
    """A deep narrow subtree beside a wide shallow one packs on shared levels only."""
    nodes = [TreeNode(i, 50, 20) for i in ("r", "a", "a1", "b", "b1", "b2", "b3")]
    children = {"r": ["a", "b"], "a": ["a1"], "b": ["b1", "b2", "b3"]}
    boxes = tidy_tree(nodes, children, "r", gap=10)

    assert boxes["b1"].x - boxes["a1"].right == 10
    assert boxes["b"].center.x == boxes["b2"].center.x


def test_find_root_accepts_only_trees() -> None:
    """One root, one parent each, all reachable; cycles and forests are refused."""
    assert find_root(["a", "b", "c"], [("a", "b"), ("a", "c")]) == "a"
    assert find_root(["a", "b", "c"], [("a", "b")]) is None  # a forest
    assert find_root(["a", "b", "c"], [("a", "b"), ("c", "b")]) is None  # two parents
    assert find_root(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "b")]) is None


def test_tree_as_layout_only_for_plain_trees() -> None:
    """Labels, clusters, BT and non-trees fall back to the layered layout (None)."""
    nodes = [LayoutNode(i, 80, 30) for i in ("a", "b", "c")]
    edges = [LayoutEdge("a", "b"), LayoutEdge("a", "c")]

    placed = tree_as_layout(nodes, edges, [], "TB")
    assert placed is not None
    assert placed.boxes["a"].bottom < placed.boxes["b"].y
    assert all(r is not None and r.source_port == "s" for r in placed.routes)
    assert tree_as_layout(nodes, edges, [], "BT") is None
    assert (
        tree_as_layout(nodes, [LayoutEdge("a", "b", label_width=20)], [], "TB") is None
    )
    assert (
        tree_as_layout(nodes, edges, [LayoutCluster("g", None, 10, 10)], "TB") is None
    )
    assert tree_as_layout(nodes, [*edges, LayoutEdge("b", "c")], [], "TB") is None
