"""Issue 16 in the core: placement in view, a true status line, sentences for
errors, the diagram in words (announcement, outline), keyboard navigation and
connecting, passphrase advice, share-link copies and whole-word wrapping."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from linework.bridge.api import Api
from linework.editor import Editor, describe, placement
from linework.geometry import Box
from linework.model import Shape
from linework.seal.advice import advice
from linework.text import layout_text

VIEW = {"x": 100.0, "y": 50.0, "w": 700.0, "h": 450.0}


def act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    ui: dict[str, Any] = ed.handle({"type": "action", "name": action, "args": args})[
        "ui"
    ]
    return ui


def add(ed: Editor, kind: str = "rectangle", **args: Any) -> str:
    ui = act(ed, "add-shape", kind=kind, **args)
    assert not ui.get("error"), ui.get("error")
    return str(ui["selection"][0])


def box_of(ed: Editor, rid: str) -> Box:
    return ed.document.typed(rid, Shape).box


def test_twelve_clicks_stay_inside_the_view_and_do_not_overlap() -> None:
    ed = Editor()
    ids = [add(ed, view=VIEW) for _ in range(12)]
    view = Box(VIEW["x"], VIEW["y"], VIEW["w"], VIEW["h"])
    boxes = [box_of(ed, r) for r in ids]
    for b in boxes:
        assert view.x <= b.x and b.right <= view.right, b
        assert view.y <= b.y and b.bottom <= view.bottom, b
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (
                a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
            ), (a, b)


def test_first_shape_goes_to_the_view_centre_and_the_next_beside_it() -> None:
    ed = Editor()
    first = box_of(ed, add(ed, view=VIEW))
    assert abs(first.center.x - 450) <= 10 and abs(first.center.y - 275) <= 10
    second = box_of(ed, add(ed, view=VIEW))
    assert abs(second.x - (first.right + placement.GAP)) <= 10
    assert second.center.y == pytest.approx(first.center.y)


def test_a_full_view_still_gives_a_spot_inside_it() -> None:
    area = Box(0, 0, 200, 100)
    spot = placement.free_spot(area, (120, 60), [Box(0, 0, 200, 100)])
    assert 60 <= spot.x <= 140 and 30 <= spot.y <= 70


def test_a_view_off_the_page_is_used_as_it_is() -> None:
    area = placement.visible_area(Box(0, 0, 800, 600), Box(2000, 2000, 400, 300))
    assert area.x >= 2000 and area.right <= 2400


def test_added_shapes_ask_to_be_revealed() -> None:
    ed = Editor()
    ui = act(ed, "add-shape", kind="rectangle", x=3000, y=3000)
    assert ui["reveal"] == {"x": 2940.0, "y": 2970.0, "w": 120.0, "h": 60.0}
    assert "reveal" not in act(ed, "select-none")


def test_status_names_the_page_counts_and_selection() -> None:
    ed = Editor()
    for _ in range(12):
        ui = act(ed, "add-shape", kind="rectangle", view=VIEW)
    assert ui["status"] == "Page 1 · 12 elements · 1 selected"
    ui = act(ed, "add-page")
    assert ui["status"] == "Page 2 · 0 elements"
    ui = act(ed, "rename-page", name="Overview")
    assert ui["status"].startswith("Overview · ")


def test_refused_command_reads_as_sentences() -> None:
    ed = Editor()
    error = act(ed, "group")["error"]
    assert error["text"] == (
        "That change is not allowed here. Select at least two elements to group."
    )
    assert ".:" not in error["text"]


def labelled(ed: Editor) -> tuple[str, str, str]:
    a = add(ed, "process", x=100, y=100, text="Receive order")
    b = add(ed, "decision", x=400, y=100, text="In stock?")
    c = add(ed, "terminator", x=100, y=300, text="Ship")
    act(ed, "connect", source={"shape": a}, target={"shape": b})
    act(ed, "connect", source={"shape": c}, target={"shape": a})
    return a, b, c


def test_selection_is_announced_with_label_kind_and_connectors() -> None:
    ed = Editor()
    a, b, _c = labelled(ed)
    assert act(ed, "select", ids=[a])["announce"] == (
        "Process 'Receive order' selected, 2 connectors"
    )
    assert act(ed, "select-none")["announce"] == "Nothing selected"
    assert act(ed, "select", ids=[a, b])["announce"] == (
        "2 elements selected: 2 shapes"
    )


def test_outline_lists_shapes_with_connections_and_follows_edits() -> None:
    ed = Editor()
    a, _b, _c = labelled(ed)
    ui = ed.handle({"type": "action", "name": "select-none"})["ui"]
    ed.resend_outline()
    outline = ed.handle({"type": "action", "name": "select-none"})["ui"]["outline"]
    texts = [i["text"] for i in outline["items"]]
    assert texts == [
        "Process 'Receive order', to Decision 'In stock?'; from Terminator 'Ship'",
        "Decision 'In stock?', from Process 'Receive order'",
        "Terminator 'Ship', to Process 'Receive order'",
    ]
    assert outline["connectors"] == 2
    # Unchanged document: no outline in the next response; an edit sends it.
    assert "outline" not in ui or ui["outline"] == outline
    assert "outline" not in act(ed, "select", ids=[a])
    after = act(ed, "set-text", id=a, text="Take order")
    assert after["outline"]["items"][0]["label"] == "Take order"


def test_select_nearest_in_each_direction() -> None:
    ed = Editor()
    a, b, c = labelled(ed)
    act(ed, "select", ids=[a])
    key = {"type": "keydown", "key": "ArrowRight", "ctrl": True}
    assert ed.handle(key)["ui"]["selection"] == [b]
    key["key"] = "ArrowLeft"
    assert ed.handle(key)["ui"]["selection"] == [a]
    key["key"] = "ArrowDown"
    assert ed.handle(key)["ui"]["selection"] == [c]
    key["key"] = "ArrowDown"
    ui = ed.handle(key)["ui"]
    assert ui["selection"] == [c] and ui["say"] == "No shape below"


def test_ctrl_shift_arrow_extends_the_selection_for_a_keyboard_connect() -> None:
    ed = Editor()
    a, b, c = labelled(ed)
    act(ed, "select", ids=[c])
    up = {"type": "keydown", "key": "ArrowUp", "ctrl": True, "shift": True}
    assert ed.handle(up)["ui"]["selection"] == [c, a]
    right = {"type": "keydown", "key": "ArrowRight", "ctrl": True, "shift": True}
    assert ed.handle(right)["ui"]["selection"] == [c, a, b]


def test_alt_shift_c_connects_the_two_selected_shapes() -> None:
    ed = Editor()
    a = add(ed, x=100, y=100)
    b = add(ed, x=400, y=100)
    act(ed, "select", ids=[a, b])
    ui = ed.handle(
        {"type": "keydown", "key": "C", "code": "KeyC", "alt": True, "shift": True}
    )["ui"]
    conns = ed.document.connectors_of(a)
    assert len(conns) == 1 and ui["selection"] == [conns[0].id]
    assert conns[0].source.shape == a and conns[0].target.shape == b  # type: ignore[union-attr]
    act(ed, "select", ids=[a])
    assert "two shapes" in act(ed, "connect-selection")["error"]["text"]


def test_help_lists_the_keyboard_ways() -> None:
    ed = Editor()
    shortcuts = dict(act(ed, "help")["request"]["shortcuts"])
    assert "Alt+Shift+C" in shortcuts
    assert "Mod+Arrow keys / Mod+Shift+Arrow keys" in shortcuts
    assert "Alt+Shift+O" in shortcuts


@pytest.mark.parametrize(
    ("phrase", "says"),
    [
        ("correct horse battery staple", "well-known"),
        ("sunflower", "short"),
        ("qwertyuiop12", "sequence"),
        ("20251231", "digits"),
        ("plum tractor velvet orbit canyon whisk", ""),
    ],
)
def test_passphrase_advice_says_why(phrase: str, says: str) -> None:
    text = advice(phrase)
    assert (says in text) if says else text == ""


def test_bridge_passphrase_reply_carries_advice() -> None:
    reply = Api().dispatch(
        json.dumps({"type": "passphrase", "passphrase": "correct horse battery staple"})
    )
    assert reply["ok"] and "well-known" in reply["advice"]


def test_share_link_copy_opens_untitled_and_unsaved() -> None:
    api = Api()
    api.dispatch(json.dumps({"type": "new"}))
    api.dispatch(
        json.dumps(
            {
                "type": "editor",
                "event": {
                    "type": "action",
                    "name": "add-shape",
                    "args": {"kind": "ellipse"},
                },
            }
        )
    )
    fragment = api.dispatch(json.dumps({"type": "share-link"}))["fragment"]
    data = api.dispatch(json.dumps({"type": "link-data", "fragment": fragment}))["data"]
    fresh = Api()
    reply = fresh.dispatch(
        json.dumps({"type": "file-open", "name": "Shared", "data": data, "copy": True})
    )
    assert reply["ok"], reply
    assert reply["document"]["title"] == "Untitled" and reply["ui"]["dirty"] is True
    assert len(reply["ops"][0]["elements"]) == 1
    decoded = json.loads(base64.b64decode(data))
    assert decoded["format"] == "linework"


def test_words_wrap_whole_unless_wider_than_the_room() -> None:
    common = {
        "size_px": 14.0,
        "bold": False,
        "italic": False,
        "align": "center",
        "valign": "middle",
        "box": (0.0, 0.0, 30.0, 60.0),
    }
    whole = layout_text("rotated escaped", width=30.0, word_width=120.0, **common)  # type: ignore[arg-type]
    assert [ln.text for ln in whole.lines] == ["rotated", "escaped"]
    split = layout_text("rotated", width=20.0, **common)  # type: ignore[arg-type]
    assert len(split.lines) > 1


def test_names_are_short_single_lines() -> None:
    assert describe.label_of("a\n  b") == "a b"
    assert len(describe.label_of("x" * 500)) == 80


def _press_drag(
    ed: Editor, start: tuple[float, float], end: tuple[float, float]
) -> None:
    for kind, (x, y) in (
        ("pointermove", start),
        ("pointerdown", start),
        ("pointermove", ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)),
        ("pointermove", end),
        ("pointerup", end),
    ):
        ed.handle({"type": kind, "x": x, "y": y, "zoom": 1.0})


def test_handles_on_the_outline_and_a_selected_shapes_ports_outside() -> None:
    """Resize handles sit on the box; the ports under them step outside, so a
    selected shape can still be connected from its ports and resized."""
    ed = Editor()
    a = add(ed, x=200, y=200)
    b = add(ed, x=500, y=200)
    act(ed, "select", ids=[a])
    box = box_of(ed, a)
    overlay = ed.handle({"type": "pointermove", "x": box.right, "y": 200, "zoom": 1.0})
    assert 'data-handle="e"' in overlay["overlay"]
    from linework.editor.overlay import PORT_OUTSET_PX, handles

    hs = {h.name: h.at for h in handles(ed.document, [a], 1.0, ed.hits.routes)}
    assert (hs["nw"].x, hs["nw"].y) == (box.x, box.y)
    assert (hs["e"].x, hs["e"].y) == (box.right, box.center.y)
    # Drag from the e port drawn outside: a connector from port e to b.
    _press_drag(ed, (box.right + PORT_OUTSET_PX, box.center.y), (500, 200))
    conns = ed.document.connectors_of(a)
    assert len(conns) == 1 and conns[0].source.port == "e"  # type: ignore[union-attr]
    # The e handle on the outline still resizes.
    act(ed, "select", ids=[a])
    _press_drag(ed, (box.right, box.center.y), (box.right + 40, box.center.y))
    assert box_of(ed, a).w == pytest.approx(box.w + 40, abs=10)
    assert b in ed.document


def test_a_big_pages_outline_waits_for_idle_time() -> None:
    """Over OUTLINE_NOW elements, an edit's response stays lean: the outline
    comes with an idle response, counted in ``pending`` until then."""
    from linework.editor.editor import OUTLINE_NOW

    ed = Editor()
    for i in range(OUTLINE_NOW + 5):
        add(ed, x=(i % 20) * 130 + 60, y=(i // 20) * 80 + 40)
    for _ in range(3):
        ed.handle({"type": "idle"})
    ui = act(ed, "set-text", id="shape:1", text="First")
    assert "outline" not in ui and ui["pending"] >= 1
    for _ in range(10):
        ui = ed.handle({"type": "idle"})["ui"]
        if "outline" in ui:
            break
    assert any(i["label"] == "First" for i in ui["outline"]["items"])
    assert ui["pending"] == 0


def test_a_big_page_just_shown_is_listed_not_left_as_the_last_outline() -> None:
    """A big page opened over another: its outline comes in idle time, and
    meanwhile the response says it is being listed (the panel went on
    showing the last diagram's shapes); edits on it say nothing of the sort."""
    from linework.editor.editor import OUTLINE_NOW

    small = Editor()
    add(small, x=60, y=40)
    big = Editor()
    for i in range(OUTLINE_NOW + 5):
        add(big, x=(i % 20) * 130 + 60, y=(i // 20) * 80 + 40)
    ed = Editor()
    ed.load(small.document)
    assert ed.handle({"type": "idle"})["ui"].get("outline", {}).get("items") != []

    ui = ed.load(big.document)["ui"]

    assert ui["outline"] == {
        "page": "Page 1",
        "items": [],
        "more": 0,
        "connectors": 0,
        "listing": True,
    }
    assert ui["pending"] >= 1
    for _ in range(10):
        ui = ed.handle({"type": "idle"})["ui"]
        if "outline" in ui:
            break
    assert len(ui["outline"]["items"]) > 0 and "listing" not in ui["outline"]
    ui = act(ed, "set-text", id="shape:1", text="Edited")
    assert "outline" not in ui
