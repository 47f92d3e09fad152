"""Edit actions: undo and redo, the clipboard, delete, duplicate, the format painter.

- ``undo``, ``redo``: one step back or forward (during a drag, undo takes back
  the drag and nothing more)
- ``delete``: delete the selection (and connectors of deleted shapes)
- ``duplicate`` (dx?, dy?): copy the selection beside itself (default +20, +20)
- ``copy``, ``cut``: ``ui.clipboard`` gets ``.linework`` text of the selection
- ``paste`` (data?, x?, y?): paste clipboard text (default: this editor's last
  copy), centred on x, y if given
- ``request-paste`` (x?, y?): ``request: paste`` (the browser reads the system
  clipboard and pastes, centred on x, y when given)
- ``copy-style``, ``paste-style``: the format painter
"""

from __future__ import annotations

from typing import Any

from linework import commands as cmd
from linework.editor.actions._args import (
    PASTE_OFFSET,
    _do,
    _num,
    _opt_num,
    _sel,
)
from linework.editor.actions._spec import Args, Facts, Shortcut, Spec
from linework.editor.editor import Editor
from linework.formats import native
from linework.geometry import Box, Vec
from linework.model import Connector, Shape


def _step(ed: Editor, back: bool) -> None:
    if ed.state.busy:
        ed.state.cancel()  # undo during a drag takes back the drag, nothing more
        return
    if ed.session.editing is not None:
        ed.end_text_edit()
    if back:
        ed.undo()
    else:
        ed.redo()


def _undo(ed: Editor, args: Args) -> None:
    _step(ed, back=True)


def _redo(ed: Editor, args: Args) -> None:
    _step(ed, back=False)


def _delete(ed: Editor, args: Args) -> None:
    _do(ed, cmd.delete_elements(ed.document, _sel(ed)), "Delete")


def _duplicate(ed: Editor, args: Args) -> None:
    d = Vec(_num(args, "dx", PASTE_OFFSET), _num(args, "dy", PASTE_OFFSET))
    patch = cmd.duplicate(ed.document, list(_sel(ed)), ed.ids, d)
    _do(ed, patch, "Duplicate", select_added=True)


def _copy(ed: Editor, args: Args) -> None:
    clip = cmd.copy_payload(ed.document, list(_sel(ed)))
    if clip is None:
        return
    text = native.encode(clip).decode("utf-8")
    ed.session.clipboard = text
    ed.session.paste_count = 0
    ed.note("clipboard", text)


def _cut(ed: Editor, args: Args) -> None:
    _copy(ed, args)
    _do(ed, cmd.delete_elements(ed.document, _sel(ed)), "Cut")


def _paste(ed: Editor, args: Args) -> None:
    data = args.get("data")
    text = data if isinstance(data, str) else ed.session.clipboard
    if not text:
        return
    clip = native.decode(text.encode("utf-8"))
    elements = [e for p in clip.pages() for e in clip.elements(p.id)]
    if not elements:
        return
    same_page = clip.pages()[0].id == ed.session.page_id
    if same_page:
        ed.session.paste_count += 1
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    if x is not None and y is not None:
        shapes = [e for e in elements if isinstance(e, Shape)]
        box: Box | None = None
        for s in shapes:
            box = s.box if box is None else box.union(s.box)
        c = box.center if box is not None else Vec(x, y)
        offset = Vec(x - c.x, y - c.y)
    else:
        # Pasting where the copy came from steps aside so the copy is visible.
        k = PASTE_OFFSET * ed.session.paste_count if same_page else 0.0
        offset = Vec(k, k)
    patch = cmd.paste(
        ed.document,
        clip,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        offset=offset,
    )
    _do(ed, patch, "Paste", select_added=True)


def _request_paste(ed: Editor, args: Args) -> None:
    req: dict[str, Any] = {"action": "paste"}
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    if x is not None and y is not None:
        req["x"], req["y"] = x, y
    ed.note("request", req)


def _copy_style(ed: Editor, args: Args) -> None:
    doc = ed.document
    for r in cmd.descendants(doc, _sel(ed)):
        e = doc.get(r)
        if isinstance(e, Shape | Connector):
            ed.session.copied_style = e.style
            return


def _paste_style(ed: Editor, args: Args) -> None:
    style = ed.session.copied_style
    if style is not None:
        _do(ed, cmd.paste_style(ed.document, _sel(ed), style), "Paste style")


def _has(f: Facts) -> bool:
    return f.has


SPECS = (
    Spec(
        "undo",
        _undo,
        "Undo",
        lambda f: f.ed.history.can_undo,
        (Shortcut("Mod+Z"),),
        toolbar=(1, 1),
        icon=("M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"),
        keeps_gesture=True,
    ),
    Spec(
        "redo",
        _redo,
        "Redo",
        lambda f: f.ed.history.can_redo,
        (Shortcut("Mod+Shift+Z"), Shortcut("Mod+Y")),
        toolbar=(1, 2),
        icon=("m15 14 5-5-5-5", "M20 9H9.5a5.5 5.5 0 0 0 0 11H13"),
        keeps_gesture=True,
    ),
    Spec(
        "cut",
        _cut,
        "Cut",
        _has,
        (Shortcut("Mod+X"),),
        menu=(1, 1),
    ),
    Spec(
        "copy",
        _copy,
        "Copy",
        _has,
        (Shortcut("Mod+C"),),
        menu=(1, 2),
        keeps_gesture=True,
    ),
    Spec(
        "request-paste",
        _request_paste,
        "Paste",
        # Not in ui.enabled: the menu's entry asks for a clipboard itself.
        None,
        (Shortcut("Mod+V"),),
        menu=(1, 3),
    ),
    Spec("paste", _paste, "Paste", lambda f: bool(f.ed.session.clipboard)),
    Spec(
        "duplicate",
        _duplicate,
        "Duplicate",
        _has,
        (Shortcut("Mod+D"),),
        toolbar=(2, 2),
        menu=(1, 4),
        icon=("M8 8h12v12H8z", "M16 8V4H4v12h4"),
    ),
    Spec(
        "delete",
        _delete,
        "Delete",
        _has,
        (
            Shortcut("Delete", loose=frozenset({"alt", "shift"})),
            Shortcut("Backspace", loose=frozenset({"alt", "shift"})),
        ),
        toolbar=(2, 1),
        menu=(1, 5),
        icon=(
            "M4 7h16",
            "M10 11v6",
            "M14 11v6",
            "M6 7l1 13h10l1-13",
            "M9 7V4h6v3",
        ),
    ),
    Spec(
        "copy-style",
        _copy_style,
        "Copy style",
        _has,
        (Shortcut("Mod+Alt+C", loose=frozenset({"shift"})),),
        toolbar=(6, 2),
        menu=(4, 1),
        icon=("M5 4h11v5H5z", "M16 6h3v5h-7v3", "M11 14h2v6h-2z"),
    ),
    Spec(
        "paste-style",
        _paste_style,
        "Paste style",
        lambda f: f.has and f.ed.session.copied_style is not None,
        (Shortcut("Mod+Alt+V", loose=frozenset({"shift"})),),
        toolbar=(6, 3),
        menu=(4, 2),
        icon=("M5 4h11v5H5z", "M16 6h3v5h-7v3", "F:M11 14h2v6h-2z"),
    ),
)
