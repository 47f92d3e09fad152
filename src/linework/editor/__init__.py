"""The editor: session state, tools and ``Editor.handle(event) -> response``.

The browser sends plain JSON-able events and applies the DOM ops, overlay and
UI state that come back; the whole protocol is documented in
:mod:`linework.editor.protocol`, the actions (their names,
shortcuts, menus and toolbar) are records in :mod:`linework.editor.actions`.

| event ``type`` | fields | what it does |
|---|---|---|
| ``pointerdown`` | x, y, button, shift, ctrl, alt, meta, zoom, detail | press |
| ``pointermove`` | (same) | hover, or drag: move, resize, rotate, band, connect |
| ``pointerup`` | (same) | release: the gesture becomes one undo step |
| ``pointercancel`` | | cancel the gesture (no undo step); with none, clear the hover |
| ``dblclick`` | x, y, zoom? | edit a label in place, remove a waypoint, or add a text |
| ``keydown`` | key, code, shift, ctrl, alt, meta | shortcuts (see ``actions.keymap``) |
| ``action`` | name, args | any command (see ``actions.ACTIONS``) |
| ``drop-shape`` | kind, x, y | add a palette shape centred there |
| ``refresh`` | | a ``reset`` op of the page on screen |
| ``idle`` | max? | real fragments for nodes still shown translated |

The response is a :class:`~linework.editor.protocol.Response` (``ops``,
``overlay``, ``ui``); documents are replaced through :meth:`Editor.replace`
(the bridge's ``file-new`` and ``file-open``), not by events.
"""

from collections.abc import Mapping

from linework.editor import editor as _editor
from linework.editor.actions import ACTIONS, REGISTRY
from linework.editor.editor import ActionTable
from linework.editor.protocol import VERSION, ProtocolError, parse_event
from linework.editor.session import Session
from linework.model import Document, IdSource
from linework.shapes import KINDS, ShapeKind


class Editor(_editor.Editor):
    """An editor with the built-in actions (:data:`linework.editor.actions.REGISTRY`).

    :class:`linework.editor.editor.Editor` takes its actions as an argument and
    imports none; this is the one the app, the CLI and the tests make.
    """

    def __init__(
        self,
        doc: Document | None = None,
        ids: IdSource | None = None,
        *,
        kinds: Mapping[str, ShapeKind] = KINDS,
        actions: ActionTable = REGISTRY,
    ) -> None:
        super().__init__(doc, ids, kinds=kinds, actions=actions)


__all__ = [
    "ACTIONS",
    "REGISTRY",
    "VERSION",
    "Editor",
    "ProtocolError",
    "Session",
    "parse_event",
]
