"""The action records: every shortcut reaches its action through the generated
key map, the lists made from the records are what they were, and the page gets
them (issue 15)."""

from __future__ import annotations

import pytest

from linework.editor import REGISTRY, Editor
from linework.editor.actions import Spec
from linework.editor.actions.help import ROWS
from linework.editor.actions.keymap import parse
from linework.editor.protocol import Key, Mods
from linework.model import Shape

#: The read-only allow-list as bridge/embedding._VIEW_ACTIONS pinned it before
#: the records (issue 15): the viewer and a read-only embed run these only.
VIEWER_ACTIONS = frozenset(
    {
        "set-page",
        "next-page",
        "previous-page",
        "zoom-fit",
        "zoom-in",
        "zoom-out",
        "escape",
        "select-none",
        "help",
    }
)

#: The `?` panel as editor/keys.SHORTCUTS wrote it by hand before the records.
HELP_ROWS = [
    ["Arrow keys", "Move the selection 1 px (with Shift: one grid step)"],
    [
        "Mod+Arrow keys / Mod+Shift+Arrow keys",
        "Select the nearest shape in that direction / add it to the selection",
    ],
    ["Alt+Shift+C", "Connect the two selected shapes (first selected to second)"],
    ["Alt+Shift+Arrow keys", "Clone the selected shape that way and connect it"],
    ["Alt+Shift+O", "Go to the outline: the diagram as a list (Enter selects)"],
    ["Delete / Backspace", "Delete"],
    ["Escape", "Cancel the drag, leave the tool, or clear the selection"],
    ["Enter / F2", "Edit the selected element's text"],
    ["Type a letter", "Edit the selected element's text, from that letter"],
    [
        "Mod+B / Mod+I / Mod+U",
        "Bold / italic / underline: the selected words while editing a label,"
        " else the whole label of every selected shape",
    ],
    ["Tab / Shift+Tab", "Select the next / previous element"],
    ["Mod+A", "Select all"],
    ["Mod+Z", "Undo"],
    ["Mod+Shift+Z / Mod+Y", "Redo"],
    ["Mod+D", "Duplicate"],
    ["Mod+C / Mod+X / Mod+V", "Copy / cut / paste"],
    ["Mod+G / Mod+Shift+G", "Group / ungroup"],
    ["Mod+] / Mod+[", "Bring forward / send backward"],
    ["Mod+Shift+] / Mod+Shift+[", "Bring to front / send to back"],
    ["Mod+Shift+L", "Lock / unlock"],
    ["Mod+Alt+C / Mod+Alt+V", "Copy style / paste style"],
    ["Mod+'", "Snap to grid on / off"],
    ["Alt+PageDown / Alt+PageUp", "Next / previous page"],
    ["Mod+S / Mod+Shift+S / Mod+O", "Save / save as / open"],
    [
        "Mod+= / Mod+- / Mod+0",
        "Zoom in / zoom out / fit to window (Mod+Shift+H fits too)",
    ],
    [
        "Shift while dragging",
        "Keep proportions, snap rotation to 15°, move along one axis",
    ],
    ["Alt+click", "Select an element inside a group"],
    ["Alt+drag", "Move a copy of the selection (Option+drag on macOS)"],
    [
        "Double-click",
        "Edit a label (on a connector: the label clicked); on empty canvas, add a text",
    ],
    ["Drag a selected connector's label", "Slide the label along the connector"],
    ["Right-click / Shift+F10 / ContextMenu", "Open the context menu"],
    ["?", "Show these shortcuts"],
]

#: The edit bar as web/editor/toolbar.js listed it by hand before the records.
TOOLBAR = [
    ["undo", "redo", "line-tool"],
    ["delete", "duplicate"],
    ["to-front", "to-back"],
    ["group", "ungroup"],
    [
        "align-left",
        "align-center",
        "align-right",
        "align-top",
        "align-middle",
        "align-bottom",
        "distribute-h",
        "distribute-v",
    ],
    ["toggle-lock", "copy-style", "paste-style"],
    ["tidy-tree", "tidy-tree-lr"],  # issue 11: org charts
    ["new-from-template"],  # issue 11: the template gallery
]


def _press(text: str, code: str) -> Key:
    """Return the key press a shortcut's text describes, as a browser sends it."""
    if text.endswith("++"):
        *mods, name = [*text[:-2].split("+"), "+"]
    else:
        *mods, name = text.split("+")
    shift = "Shift" in mods
    key = name.upper() if shift and len(name) == 1 and name.isalpha() else name
    return Key(
        key=key,
        code=code,
        mods=Mods(shift=shift, ctrl="Mod" in mods, alt="Alt" in mods),
    )


@pytest.mark.parametrize(
    ("spec", "index"),
    [(s, i) for s in REGISTRY.specs for i in range(len(s.shortcuts))],
    ids=lambda v: v.name if isinstance(v, Spec) else str(v),
)
def test_every_shortcut_reaches_its_action_through_the_key_map(
    spec: Spec, index: int
) -> None:
    """Pressing a shortcut as written gives its action and arguments, with Ctrl
    and with Cmd; a letter also by its code alone (another layout)."""
    shortcut = spec.shortcuts[index]
    rule = parse(spec.name, shortcut)
    ed = Editor()
    press = _press(shortcut.keys, rule.code or "")
    assert (spec.name, dict(shortcut.args)) == REGISTRY.key(ed, press)
    if rule.primary:
        cmd = Key(
            press.key,
            press.code,
            Mods(shift=press.mods.shift, alt=press.mods.alt, meta=True),
        )
        assert spec.name == (REGISTRY.key(ed, cmd) or ("",))[0]
    if rule.code is not None and rule.key is not None:
        other = Key("ж", rule.code, press.mods)  # a Cyrillic layout's letter
        assert spec.name == (REGISTRY.key(ed, other) or ("",))[0]


def test_a_key_press_runs_the_action_of_its_shortcut() -> None:
    """Mod+Shift+L locks the selection: keydown → key map → toggle-lock."""
    ed = Editor()
    ed.handle({"type": "action", "name": "add-shape", "args": {"kind": "rectangle"}})
    shape = ed.session.selection[0]
    ed.handle(
        {"type": "keydown", "key": "L", "code": "KeyL", "ctrl": True, "shift": True}
    )
    assert ed.document.typed(shape, Shape).locked


def test_allow_lists_are_what_they_were() -> None:
    """The viewer and embed allow-lists, made from the records, equal the pinned list."""
    assert VIEWER_ACTIONS == REGISTRY.viewer_actions
    assert VIEWER_ACTIONS == REGISTRY.embed_actions
    data = REGISTRY.page_data()
    assert sorted(VIEWER_ACTIONS) == data["viewer"] == data["embed"]


def test_help_rows_and_toolbar_are_what_they_were() -> None:
    """The `?` panel and the edit bar, made from the records, equal the old lists."""
    assert HELP_ROWS == REGISTRY.help_rows()
    assert TOOLBAR == REGISTRY.toolbar()


def test_the_viewers_help_rows_name_only_what_the_viewer_may_run() -> None:
    """The viewer's `?` panel: the rows whose actions are all viewer-allowed."""
    every = REGISTRY.help_rows()
    viewer = REGISTRY.help_rows(viewer=True)
    assert viewer == [r for r in every if r in viewer]  # a subset, in order
    for parts, what in ROWS:
        names = [p for p in parts if isinstance(p, str)]
        if any(row[1] == what for row in viewer):
            assert all(REGISTRY[n].viewer for n in names), what
        elif all(isinstance(p, str) for p in parts):
            assert not all(REGISTRY[n].viewer for n in names), what
    shown = {row[1] for row in viewer}
    assert "Show these shortcuts" in shown and "Next / previous page" in shown
    assert "Undo" not in shown and "Delete" not in shown


def test_page_data_names_each_toolbar_action_with_label_icon_and_shortcut() -> None:
    """The page builds the edit bar from the records alone: all it needs is there."""
    data = REGISTRY.page_data()
    for name in (n for group in data["toolbar"] for n in group):
        info = data["actions"][name]
        assert info["label"] and info["icon"], name
    lock = data["actions"]["toggle-lock"]
    assert ("Lock or unlock", "Mod+Shift+L") == (lock["label"], lock["shortcut"])
    assert any(k["action"] == "toggle-lock" for k in data["keys"])


def test_no_key_is_bound_twice_and_every_name_once() -> None:
    """Two actions on one key, or one name twice, is refused when the registry is made."""
    specs = REGISTRY.specs
    assert len({s.name for s in specs}) == len(specs)
    keys = [
        (b.key, b.code, b.primary, b.shift, b.alt) for b in REGISTRY.keymap.bindings
    ]
    assert len(set(keys)) == len(keys)
