"""Type to edit: a printable key on one selected shape or connector opens its
label's editor with that character, as draw.io, Gliffy and Lucidchart do.

Kept apart from the key map so the rule (which keys, which selections) is one
small function: the key map asks it before its own plain-key shortcuts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linework.commands import is_locked
from linework.editor.protocol import Key
from linework.model import Connector, Shape

if TYPE_CHECKING:
    from linework.editor.editor import Editor

#: Printable keys that keep their own meaning: ``?`` opens the shortcuts and
#: Space pans the view (web/input.js).
RESERVED = frozenset("? ")


def typed_edit(key: Key, ed: Editor) -> tuple[str, dict[str, Any]] | None:
    """Return the ``edit-text`` action a printable key starts, or None.

    Only a single character without Ctrl, Cmd or Alt (Shift is a capital),
    only with exactly one unlocked shape or connector selected.
    """
    k, m = key.key, key.mods
    if m.primary or m.alt or len(k) != 1 or k in RESERVED or not k.isprintable():
        return None
    sel = ed.session.selection
    if len(sel) != 1 or ed.session.editing is not None:
        return None
    el = ed.document.get(sel[0])
    if not isinstance(el, Shape | Connector) or is_locked(ed.document, el):
        return None
    return "edit-text", {"id": el.id, "typed": k}
