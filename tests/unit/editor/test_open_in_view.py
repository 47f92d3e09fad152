"""Opening a big page paints the opening view first and the rest on idle events.

A small model of the browser's canvas applies the editor's DOM ops (reset,
upsert before a sibling, remove, translate), so the tests check what the user
ends up with: every element, in paint order, with the fragment a full render
gives, and edits that work on elements not painted yet.
"""

from __future__ import annotations

from typing import Any

from linework.editor import Editor
from linework.editor.open_view import Canvas as CanvasSize
from linework.editor.painter import DEFER_AT
from linework.geometry import Box
from linework.model import Attached, Connector, Document, IdSource, Page, Record, Shape
from linework.render import Renderer

COLS, DX, DY = 50, 160.0, 110.0
CANVAS = CanvasSize(1100.0, 400.0)


def _grid(n: int) -> Document:
    """Return the editor benchmark's page: ``n`` shapes in rows of 50, joined."""
    ids = IdSource()
    base = Document.new(ids)
    page = base.pages()[0]
    layer = base.layers(page.id)[0].id
    records: dict[str, Record] = dict(base.records)
    rows = (n + COLS - 1) // COLS
    records[page.id] = Page(
        id=page.id,
        name=page.name,
        z=page.z,
        width=COLS * DX + 40,
        height=rows * DY + 40,
    )
    for i in range(n):
        records[f"s{i}"] = Shape(
            id=f"s{i}",
            page=page.id,
            layer=layer,
            z=i,
            box=Box((i % COLS) * DX + 20, (i // COLS) * DY + 20, 100, 60),
            text=f"Shape {i}",
        )
    for i in range(n):
        j = i + 1 if (i + 1) % COLS else i + COLS
        records[f"c{i}"] = Connector(
            id=f"c{i}",
            page=page.id,
            layer=layer,
            z=n + i,
            source=Attached(shape=f"s{i}"),
            target=Attached(shape=f"s{j if j < n else (i + 7) % n}"),
        )
    return Document(records=records)


class Canvas:
    """The browser's element layer: ids in DOM order, each with its fragment."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.svg: dict[str, str] = {}

    def apply(self, response: dict[str, Any]) -> None:
        for op in response["ops"]:
            if op["op"] == "reset":
                self.order = [rid for rid, _ in op["elements"]]
                self.svg = dict(op["elements"])
            elif op["op"] == "upsert":
                if op["id"] in self.svg:
                    self.order.remove(op["id"])
                before = op["before"]
                at = len(self.order) if before is None else self.order.index(before)
                self.order.insert(at, op["id"])
                self.svg[op["id"]] = op["svg"]
            elif op["op"] == "remove" and op["id"] in self.svg:
                self.order.remove(op["id"])
                del self.svg[op["id"]]


def _open(n: int) -> tuple[Editor, Canvas, dict[str, Any]]:
    ed = Editor()
    canvas = Canvas()
    response = ed.load(_grid(n), canvas=CANVAS)
    canvas.apply(response)
    return ed, canvas, response


def _catch_up(ed: Editor, canvas: Canvas) -> int:
    events = 0
    while True:
        response = ed.handle({"type": "idle"})
        canvas.apply(response)
        events += 1
        if not response["ui"]["pending"]:
            return events


def _outline_waits(ed: Editor) -> int:
    """1 while the page's outline waits for idle time (pages over 200 elements)."""
    return int(ed._outline_due())


def _assert_whole(ed: Editor, canvas: Canvas) -> None:
    """The canvas shows every element in paint order, as a full render draws it."""
    doc, page = ed.document, ed.page_id
    assert canvas.order == list(doc.paint_ids(page))
    assert canvas.svg == dict(Renderer().page_fragments(doc, page))


def test_a_big_page_opens_with_the_view_and_paints_the_rest_on_idle() -> None:
    ed, canvas, response = _open(3000)
    total = 6000
    first = len(canvas.order)
    # Too big to fit at a readable zoom: 50 %, the drawing's top-left at the margin.
    view = ed.open_view
    assert view is not None
    assert view.to_json() == {"scale": 0.5, "x": 24.0, "y": 24.0}
    shows = view.shows(CANVAS.width, CANVAS.height)
    assert DEFER_AT <= total - first and first < total // 10
    # (+1: the outline of a page this big also waits for idle time)
    assert response["ui"]["pending"] == total - first + _outline_waits(ed)
    # What the view shows is there at once, in paint order; the rest is not.
    for rid in ("s0", "c0", "s1", "s55"):
        assert rid in canvas.svg
    for sid in ("s25", "s1525", "s2999"):
        box = ed.document.typed(sid, Shape).box
        assert not shows.inflated(100).intersects(box) and sid not in canvas.svg
    assert canvas.order == [
        r for r in ed.document.paint_ids(ed.page_id) if r in canvas.svg
    ]
    events = _catch_up(ed, canvas)
    assert events <= (total - first) // 200 + 2  # a few hundred fragments per event
    _assert_whole(ed, canvas)


def test_without_the_canvas_size_the_whole_page_is_painted() -> None:
    ed = Editor()
    canvas = Canvas()
    response = ed.load(_grid(3000))
    canvas.apply(response)
    assert response["ui"]["pending"] == _outline_waits(ed)
    _assert_whole(ed, canvas)


def test_a_page_that_fits_is_painted_whole() -> None:
    """1,000 shapes (8,040 × 2,240) fit a big canvas at 100 %: centred, all painted."""
    ed = Editor()
    canvas = Canvas()
    response = ed.load(_grid(1000), canvas=CanvasSize(9000.0, 3000.0))
    canvas.apply(response)
    assert ed.open_view is not None
    assert ed.open_view.to_json() == {"scale": 1.0, "x": 480.0, "y": 380.0}
    assert response["ui"]["pending"] == _outline_waits(ed)
    _assert_whole(ed, canvas)


def _drag(ed: Editor, canvas: Canvas, x: float, y: float, dx: float, dy: float) -> None:
    def ev(kind: str, px: float, py: float) -> dict[str, Any]:
        return {"type": kind, "x": px, "y": py, "button": 0, "zoom": 1.0}

    canvas.apply(ed.handle(ev("pointermove", x, y)))
    canvas.apply(ed.handle(ev("pointerdown", x, y)))
    for i in range(1, 6):
        canvas.apply(ed.handle(ev("pointermove", x + dx * i / 5, y + dy * i / 5)))
    canvas.apply(ed.handle(ev("pointerup", x + dx, y + dy)))


def test_a_shape_not_painted_yet_can_be_dragged_at_once() -> None:
    ed, canvas, _ = _open(3000)
    ed.handle({"type": "action", "name": "set-snap", "args": {"snap": False}})
    assert "s125" not in canvas.svg and "c125" not in canvas.svg
    before = ed.document.typed("s125", Shape).box
    _drag(ed, canvas, before.center.x, before.center.y, 37, 23)
    after = ed.document.typed("s125", Shape).box
    assert (after.x - before.x, after.y - before.y) == (37, 23)
    # The dragged shape and its connector are painted now, where they belong.
    assert "s125" in canvas.svg and "c125" in canvas.svg
    assert canvas.order == [
        r for r in ed.document.paint_ids(ed.page_id) if r in canvas.svg
    ]
    _catch_up(ed, canvas)
    _assert_whole(ed, canvas)
    # One undo step, and the canvas follows it.
    canvas.apply(ed.handle({"type": "keydown", "key": "z", "ctrl": True}))
    assert ed.document.typed("s125", Shape).box == before
    _catch_up(ed, canvas)
    _assert_whole(ed, canvas)


def test_moving_everything_before_the_rest_is_painted() -> None:
    """Select all and drag (a lazy rigid move) while most of the page is unpainted."""
    ed, canvas, _ = _open(3000)
    ed.handle({"type": "action", "name": "set-snap", "args": {"snap": False}})
    canvas.apply(ed.handle({"type": "keydown", "key": "a", "ctrl": True}))
    assert "s1525" not in canvas.svg
    start = ed.document.typed("s1", Shape).box.center
    _drag(ed, canvas, start.x, start.y, 30, 10)
    assert ed.document.typed("s0", Shape).box.x == 20 + 30
    assert ed.document.typed("s1525", Shape).box.x == 25 * DX + 20 + 30
    _catch_up(ed, canvas)
    _assert_whole(ed, canvas)


def _painted_by(response: dict[str, Any]) -> list[str]:
    return [op["id"] for op in response["ops"] if op["op"] == "upsert"]


def test_idle_slices_paint_what_the_canvas_shows_now_first() -> None:
    """The user scrolled to the bottom-right before the rest was painted:
    the next slice paints what the canvas shows there, then the nearest."""
    ed, canvas, _ = _open(3000)
    far = ed.document.typed("s2999", Shape).box
    assert "s2999" not in canvas.svg
    view = {"x": far.x - 600, "y": far.y - 300, "w": 800, "h": 400}
    response = ed.handle({"type": "idle", "view": view})
    canvas.apply(response)
    painted = _painted_by(response)
    assert {"s2999", "c2998", "s2998", "s2949"} <= set(painted)
    # Only what lies there or near: nothing from the top rows.
    tops = [r for r in painted if r.startswith("s") and int(r[1:]) < 2000]
    assert tops == []
    # Every node went in before the right sibling: in paint order.
    assert canvas.order == [
        r for r in ed.document.paint_ids(ed.page_id) if r in canvas.svg
    ]
    _catch_up(ed, canvas)
    _assert_whole(ed, canvas)


def test_without_a_view_the_slices_grow_out_of_the_opening_view() -> None:
    ed, canvas, _ = _open(3000)
    assert "s16" not in canvas.svg
    response = ed.handle({"type": "idle"})
    painted = set(_painted_by(response))
    # The neighbours of the opening view (its right edge is near column 13)
    # come before the far corner.
    assert "s16" in painted and "s2999" not in painted


def test_an_idle_view_must_be_a_box() -> None:
    ed, _, _ = _open(3000)
    for bad in ({"x": 0, "y": 0, "w": 0, "h": 5}, {"x": "a"}, [1, 2]):
        response = ed.handle({"type": "idle", "view": bad})
        assert response["ui"]["error"]["code"] == "LW-E0001"


def test_a_big_pages_outline_comes_with_the_first_idle_event_not_after_the_rest() -> (
    None
):
    """The outline lists the document: it does not wait seconds for the rest
    to be painted (the panel said "No shapes on this page" meanwhile)."""
    ed, canvas, response = _open(3000)
    # The open's own reply stays fast: it only says the outline is coming.
    assert response["ui"]["outline"]["items"] == []
    assert response["ui"]["outline"]["listing"] is True
    first = ed.handle({"type": "idle"})
    canvas.apply(first)
    assert first["ui"]["pending"] > 0  # fragments still to paint...
    rows = first["ui"]["outline"]  # ...yet the outline is there
    assert rows and "Shape 0" in str(rows)
    assert not _outline_waits(ed)
