"""The context menu, made from the records' ``menu`` places, labels and shortcuts.

A selection's menu lists the actions placed in ``menu`` groups (a separator
between groups) that ``menu_when`` lets through now, then the text entries
that depend on where the click was; empty canvas has its own short menu.
"""

from __future__ import annotations

from typing import Any, Final

from linework import commands as cmd
from linework.editor.actions._args import _sel
from linework.editor.actions._spec import Facts
from linework.editor.actions.registry import registry_of
from linework.editor.editor import Editor
from linework.editor.labels import position_near
from linework.geometry import Vec
from linework.model import Connector, Group, Page, Shape
from linework.routing import hit_distance, point_at

_SEPARATOR: Final = {"separator": True}


def _item(
    ed: Editor,
    action: str,
    caption: str | None = None,
    shortcut: str | None = None,
    *,
    on: bool | None = None,
    **args: Any,
) -> dict[str, Any]:
    """Return one menu entry: the record's label and shortcut unless given;
    enabled as the toolbar would be unless ``on`` says."""
    reg = registry_of(ed)
    spec = reg[action]
    return {
        "action": action,
        "label": spec.label if caption is None else caption,
        "shortcut": spec.shortcut if shortcut is None else shortcut,
        "enabled": reg.enabled(ed).get(action, True) if on is None else on,
        "args": args,
    }


def _paste_item(ed: Editor, at: Vec) -> dict[str, Any]:
    """Paste at the click; the browser reads the system clipboard first."""
    on = bool(ed.session.clipboard)
    return _item(ed, "request-paste", on=on, x=at.x, y=at.y)


#: The menu group where the text entries (Edit label, Add label here) go.
TEXT_GROUP: Final = 5


def _placed(ed: Editor, at: Vec, text: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return a selection's entries: the records' menu groups in order, with
    ``text`` as group :data:`TEXT_GROUP`; a separator between groups."""
    reg = registry_of(ed)
    facts = Facts(ed)
    groups: dict[int, list[tuple[int, str]]] = {}
    for s in reg.specs:
        if s.menu is not None and (s.menu_when is None or s.menu_when(facts)):
            groups.setdefault(s.menu[0], []).append((s.menu[1], s.name))
    made: dict[int, list[dict[str, Any]]] = {TEXT_GROUP: text}
    for g, names in groups.items():
        made[g] = [
            _paste_item(ed, at) if name == "request-paste" else _item(ed, name)
            for _, name in sorted(names)
        ]
    out: list[dict[str, Any]] = []
    for g in sorted(made):
        if out:
            out.append(_SEPARATOR)
        out.extend(made[g])
    return out


def _menu_anchor(ed: Editor) -> Vec:
    """Return where a menu opened from the keyboard points: the selection,
    else the pointer, else the middle of the page."""
    doc = ed.document
    frame = ed.selection_frame()
    if frame is not None:
        return frame[0].center
    for r in _sel(ed):
        c = doc.get(r)
        if isinstance(c, Connector):
            return point_at(ed.hits.routes.route(doc, c), 0.5)[0]
    if ed.session.pointer is not None:
        return ed.session.pointer
    page = doc.typed(ed.session.page_id, Page)
    return Vec(page.width / 2, page.height / 2)


def context_menu(ed: Editor, at: Vec | None) -> dict[str, Any]:
    """Return the context menu for a right-click at ``at`` (None: from the keyboard).

    A click on an element not yet selected selects it first (on empty canvas
    it clears the selection), as draw.io does, so every entry acts on what is
    highlighted. Entries are the toolbar's and shortcuts' own actions, with
    their ``args`` and whether they can run now (``ui.enabled``); the browser
    only shows them. Answer: ``{"action": "context-menu", "x", "y" (page
    point), "target": "selection" | "canvas", "items": [{action, label,
    shortcut, enabled, args} | {separator: true}]}``.
    """
    doc = ed.document
    hit = None
    if at is not None:
        hit = ed.label_at(at)
        el = doc.get(hit.conn) if hit is not None else ed.element_at(at)
        if not isinstance(el, Shape | Connector | Group):
            ed.select([])
        else:
            held = {el.id, *(g.id for g in cmd.ancestors(doc, el))}
            if not held & set(_sel(ed)):
                ed.select([cmd.top_of(doc, el).id])
    else:
        at = _menu_anchor(ed)
    sel = _sel(ed)
    if not sel:
        page = ed.session.page_id
        items = [
            _paste_item(ed, at),
            _item(ed, "select-all"),
            _SEPARATOR,
            _item(ed, "add-text", "Add text here", "", x=at.x, y=at.y, edit=True),
        ]
        if any(cmd.LOCK_KEY in e.extra for e in doc.elements(page)):
            items.append(_item(ed, "unlock", "Unlock all"))
        return {
            "action": "context-menu",
            "x": at.x,
            "y": at.y,
            "target": "canvas",
            "items": items,
        }
    one = doc.get(sel[0]) if len(sel) == 1 else None
    editable = isinstance(one, Shape | Connector) and not cmd.is_locked(doc, one)
    text: list[dict[str, Any]] = []
    if isinstance(one, Connector):
        index = hit.index if hit is not None and hit.conn == one.id else 0
        text.append(_item(ed, "edit-text", on=editable, id=one.id, label=index))
        r = ed.hits.routes.route(doc, one)
        if hit is None and hit_distance(r, at) <= ed.tolerance() * 2:
            text.append(
                _item(
                    ed,
                    "edit-text",
                    "Add label here",
                    "",
                    on=editable,
                    id=one.id,
                    label=len(one.labels),
                    position=position_near(r, at),
                )
            )
    else:
        rid = one.id if one is not None else ""
        args = {"id": rid} if rid else {}
        text.append(_item(ed, "edit-text", on=editable, **args))
    return {
        "action": "context-menu",
        "x": at.x,
        "y": at.y,
        "target": "selection",
        "items": _placed(ed, at, text),
    }
