"""Commands: the rules each one promises, checked on small documents."""

from __future__ import annotations

import math

import pytest

from linework import commands as cmd
from linework.formats import native
from linework.geometry import Box, Vec, rotate_about
from linework.model import (
    Attached,
    Connector,
    Document,
    Free,
    Group,
    IdSource,
    Patch,
    Shape,
)
from linework.shapes import kind_of


class Doc:
    """A one-page document built step by step with commands."""

    def __init__(self) -> None:
        self.ids = IdSource()
        self.doc = Document.new(self.ids)
        self.page = self.doc.pages()[0].id
        self.layer = self.doc.layers(self.page)[0].id

    def do(self, patch: Patch) -> Patch:
        self.doc = self.doc.apply(patch)
        return patch

    def shape(self, x: float, y: float, w: float = 100, h: float = 50) -> str:
        p = self.do(
            cmd.add_shape(
                self.doc,
                self.ids,
                page=self.page,
                layer=self.layer,
                kind="rectangle",
                box=Box(x, y, w, h),
            )
        )
        return next(iter(p.added))

    def conn(self, a: object, b: object) -> str:
        def end(x: object) -> Attached | Free:
            return Attached(shape=x) if isinstance(x, str) else Free(point=x)  # type: ignore[arg-type]

        p = self.do(
            cmd.connect(
                self.doc,
                self.ids,
                page=self.page,
                layer=self.layer,
                source=end(a),
                target=end(b),
                routing="straight",
            )
        )
        return next(iter(p.added))

    def get(self, rid: str) -> object:
        return self.doc.get(rid)


def test_add_shape_uses_the_kind_size_and_snaps() -> None:
    """A shape without a box gets its kind's default size, centred, snapped."""
    d = Doc()
    p = cmd.add_shape(
        d.doc,
        d.ids,
        page=d.page,
        layer=d.layer,
        kind="diamond",
        center=Vec(104, 97),
        grid=10,
    )

    s = next(iter(p.added.values()))
    w, h = kind_of("diamond").default_size
    assert isinstance(s, Shape)
    assert (w, h) == (s.box.w, s.box.h)
    assert (cmd.snap(104 - w / 2, 10), cmd.snap(97 - h / 2, 10)) == (s.box.x, s.box.y)


def test_new_elements_go_on_top_of_their_layer() -> None:
    """Each added element paints above the ones before."""
    d = Doc()
    a, b = d.shape(0, 0), d.shape(10, 10)

    assert [a, b] == [e.id for e in d.doc.elements(d.page)]


def test_move_carries_free_ends_and_waypoints_only_when_the_whole_line_travels() -> (
    None
):
    """Both ends on moved shapes: waypoints move; one end pinned: they stay."""
    d = Doc()
    a, b, c = d.shape(0, 0), d.shape(300, 0), d.shape(600, 0)
    ab = d.conn(a, b)
    bc = d.conn(b, c)
    d.do(cmd.add_waypoint(d.doc, ab, 0, Vec(150, 200)))
    d.do(cmd.add_waypoint(d.doc, bc, 0, Vec(450, 200)))

    d.do(cmd.move_elements(d.doc, [a, b], Vec(10, 5)))

    assert (Vec(160, 205),) == d.doc.typed(ab, Connector).waypoints
    assert (Vec(450, 200),) == d.doc.typed(bc, Connector).waypoints


def test_a_selected_free_connector_moves_whole() -> None:
    """Moving a connector with free ends moves both ends."""
    d = Doc()
    c = d.conn(Vec(0, 0), Vec(100, 0))

    d.do(cmd.move_elements(d.doc, [c], Vec(5, 5)))

    conn = d.doc.typed(c, Connector)
    assert (Free(point=Vec(5, 5)), Free(point=Vec(105, 5))) == (
        conn.source,
        conn.target,
    )


@pytest.mark.parametrize(
    ("handle", "point", "box"),
    [
        ("se", Vec(150, 80), Box(0, 0, 150, 80)),
        ("nw", Vec(-20, -10), Box(-20, -10, 120, 60)),
        ("n", Vec(999, 20), Box(0, 20, 100, 30)),
        ("w", Vec(95, 0), Box(90, 0, 10, 50)),
    ],
)
def test_resized_box_moves_the_handle_sides(handle: str, point: Vec, box: Box) -> None:
    """Only the handle's sides move, never below the minimum size."""
    assert box == cmd.resized_box(Box(0, 0, 100, 50), handle, point)


def test_resize_of_a_rotated_shape_keeps_the_opposite_corner_in_place() -> None:
    """Dragging the se handle of a rotated shape leaves its nw corner where it was."""
    d = Doc()
    s = d.shape(0, 0)
    d.do(cmd.set_rotation(d.doc, [s], 30))
    before = d.doc.typed(s, Shape)
    nw = rotate_about(before.box.at(0, 0), before.box.center, 30)
    far = rotate_about(Vec(200, 120), before.box.center, 30)

    d.do(cmd.resize_shape(d.doc, s, "se", far))

    after = d.doc.typed(s, Shape)
    moved = rotate_about(after.box.at(0, 0), after.box.center, 30)
    assert math.isclose(nw.x, moved.x, abs_tol=1e-9) and math.isclose(
        nw.y, moved.y, abs_tol=1e-9
    )
    assert math.isclose(after.box.w, 200) and math.isclose(after.box.h, 120)


def test_rotate_about_a_centre_turns_positions_and_angles() -> None:
    """Rotating a selection turns each shape about the common centre."""
    d = Doc()
    s = d.shape(100, 0, 20, 20)

    d.do(cmd.rotate_elements(d.doc, [s], 90, Vec(0, 10)))

    after = d.doc.typed(s, Shape)
    assert Vec(0, 120) == after.box.center and 90 == after.rotation_deg


def test_delete_takes_attached_connectors_and_emptied_groups() -> None:
    """Deleting shapes deletes their connectors and a group left empty."""
    d = Doc()
    a, b = d.shape(0, 0), d.shape(200, 0)
    c = d.conn(a, b)
    g = next(iter(d.do(cmd.group_elements(d.doc, [a, b], d.ids)).added))

    d.do(cmd.delete_elements(d.doc, [a, b]))

    assert not ({a, b, c, g} & set(d.doc.records))


def test_delete_spares_locked_elements_and_their_group() -> None:
    """A locked member survives deleting its group, and so does the group."""
    d = Doc()
    a, b = d.shape(0, 0), d.shape(200, 0)
    g = next(iter(d.do(cmd.group_elements(d.doc, [a, b], d.ids)).added))
    d.do(cmd.set_locked(d.doc, [a], True))

    d.do(cmd.delete_elements(d.doc, [g]))

    assert a in d.doc and g in d.doc and b not in d.doc


def test_locked_elements_do_not_move_or_change() -> None:
    """Move, style and text leave a locked shape alone."""
    d = Doc()
    a = d.shape(0, 0)
    d.do(cmd.set_locked(d.doc, [a], True))

    assert cmd.move_elements(d.doc, [a], Vec(5, 5)).is_empty()
    assert cmd.set_style(d.doc, [a], {"fill": "#000000"}).is_empty()
    assert cmd.set_text(d.doc, a, "x").is_empty()
    assert cmd.is_locked(d.doc, d.doc.typed(a, Shape))


def test_ungroup_gives_members_to_the_outer_group() -> None:
    """Ungrouping an inner group moves its members up one level."""
    d = Doc()
    a, b, c = d.shape(0, 0), d.shape(200, 0), d.shape(400, 0)
    inner = next(iter(d.do(cmd.group_elements(d.doc, [a, b], d.ids)).added))
    outer = next(
        r
        for r, x in d.do(cmd.group_elements(d.doc, [inner, c], d.ids)).added.items()
        if isinstance(x, Group)
    )

    d.do(cmd.ungroup_elements(d.doc, [inner]))

    assert outer == d.doc.typed(a, Shape).parent == d.doc.typed(b, Shape).parent


def test_ungrouping_a_group_and_its_inner_group_together_leaves_no_orphans() -> None:
    """Found by Hypothesis: the inner group's members joined the outer group,
    which went away in the same command, and the document no longer loaded."""
    d = Doc()
    a, b, c = d.shape(0, 0), d.shape(200, 0), d.shape(400, 0)
    inner = next(iter(d.do(cmd.group_elements(d.doc, [a, b], d.ids)).added))
    outer = next(
        r
        for r, x in d.do(cmd.group_elements(d.doc, [inner, c], d.ids)).added.items()
        if isinstance(x, Group)
    )

    d.do(cmd.ungroup_elements(d.doc, [inner, outer]))

    assert [None, None, None] == [d.doc.typed(r, Shape).parent for r in (a, b, c)]
    assert inner not in d.doc and outer not in d.doc
    native.decode(native.encode(d.doc))  # loads again


def test_group_needs_two_elements() -> None:
    """Grouping a single element is refused."""
    d = Doc()

    with pytest.raises(cmd.CommandError):
        cmd.group_elements(d.doc, [d.shape(0, 0)], d.ids)


def test_one_step_forward_renumbers_only_the_swapped_pair() -> None:
    """Bring-forward swaps z with the element above, touching two records."""
    d = Doc()
    a, b, c = d.shape(0, 0), d.shape(10, 0), d.shape(20, 0)

    p = cmd.reorder(d.doc, [a], "forward")
    d.do(p)

    assert {a, b} == set(p.touched())
    assert [b, a, c] == [e.id for e in d.doc.elements(d.page)]


def test_to_front_touches_only_the_moved_elements() -> None:
    """To-front gives the chosen elements z above the rest, in their order."""
    d = Doc()
    a, b, c = d.shape(0, 0), d.shape(10, 0), d.shape(20, 0)

    p = d.do(cmd.reorder(d.doc, [b, a], "front"))

    assert {a, b} == set(p.touched())
    assert [c, a, b] == [e.id for e in d.doc.elements(d.page)]


def test_align_and_distribute_on_units() -> None:
    """Align moves units onto the shared edge; distribute evens the gaps."""
    d = Doc()
    a, b, c = d.shape(0, 0, 10, 10), d.shape(50, 40, 30, 10), d.shape(200, 80, 10, 10)

    d.do(cmd.align(d.doc, [a, b, c], "bottom"))
    assert {90.0} == {d.doc.typed(r, Shape).box.bottom for r in (a, b, c)}
    d.do(cmd.distribute(d.doc, [a, b, c], "h"))
    xs = [d.doc.typed(r, Shape).box for r in (a, b, c)]
    assert math.isclose(xs[1].x - xs[0].right, xs[2].x - xs[1].right)


def test_copy_and_paste_remap_ids_and_attachments() -> None:
    """Pasting gives fresh ids and connectors attached to the copies."""
    d = Doc()
    a, b = d.shape(0, 0), d.shape(200, 0)
    c = d.conn(a, b)
    clip = cmd.copy_payload(d.doc, [a, b])
    assert clip is not None and c in clip

    p = d.do(
        cmd.paste(d.doc, clip, d.ids, page=d.page, layer=d.layer, offset=Vec(0, 100))
    )

    new_conn = next(x for x in p.added.values() if isinstance(x, Connector))
    new_shapes = {r for r, x in p.added.items() if isinstance(x, Shape)}
    assert {new_conn.source.shape, new_conn.target.shape} == new_shapes  # type: ignore[union-attr]
    assert not (new_shapes & {a, b})


def test_copying_a_connector_without_its_shapes_frees_its_ends() -> None:
    """A copied connector whose shapes stay behind keeps its ends as points."""
    d = Doc()
    a, b = d.shape(0, 0), d.shape(200, 0)
    c = d.conn(a, b)

    clip = cmd.copy_payload(d.doc, [c])

    assert clip is not None
    conn = clip.typed(c, Connector)
    assert isinstance(conn.source, Free) and isinstance(conn.target, Free)


def test_pages_and_layers_keep_at_least_one() -> None:
    """The last page and a page's last layer cannot be deleted."""
    d = Doc()

    with pytest.raises(cmd.CommandError):
        cmd.delete_page(d.doc, d.page)
    with pytest.raises(cmd.CommandError):
        cmd.delete_layer(d.doc, d.layer)


def test_move_page_renumbers_tab_order() -> None:
    """Pages reorder by z, writing only the pages whose position changed."""
    d = Doc()
    d.do(cmd.add_page(d.doc, d.ids, name="B"))
    d.do(cmd.add_page(d.doc, d.ids, name="C"))

    d.do(cmd.move_page(d.doc, d.page, 2))

    assert ["B", "C", "Page 1"] == [p.name for p in d.doc.pages()]


def test_style_values_are_checked() -> None:
    """Style fields accept what the file format accepts and nothing else."""
    assert "#abcdef" == cmd.style_value("fill", "#ABCDEF")
    for name, value in [
        ("fill", "red"),
        ("opacity", 2),
        ("bold", 1),
        ("dash", "wiggly"),
        ("nope", 1),
    ]:
        with pytest.raises(cmd.CommandError):
            cmd.style_value(name, value)
