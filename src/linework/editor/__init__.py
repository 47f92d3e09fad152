"""The editor: session state, tools and ``Editor.handle(event) -> response``.

The browser sends plain JSON-able events and applies the DOM ops, overlay and
UI state that come back; the whole protocol is documented in
:mod:`linework.editor.protocol`, the action names in
:mod:`linework.editor.actions` and the shortcuts in :mod:`linework.editor.keys`.

| event ``type`` | fields | what it does |
|---|---|---|
| ``pointerdown`` | x, y, button, shift, ctrl, alt, meta, zoom, detail | press |
| ``pointermove`` | (same) | hover, or drag: move, resize, rotate, band, connect |
| ``pointerup`` | (same) | release: the gesture becomes one undo step |
| ``pointercancel`` | | cancel the gesture (no undo step) |
| ``dblclick`` | x, y, zoom? | edit a label in place, remove a waypoint, or add a text |
| ``keydown`` | key, code, shift, ctrl, alt, meta | shortcuts (see ``keys``) |
| ``action`` | name, args | any command (see ``actions.ACTIONS``) |
| ``drop-shape`` | kind, x, y | add a palette shape centred there |
| ``refresh`` | | a ``reset`` op of the page on screen |
| ``idle`` | max? | real fragments for nodes still shown translated |

The response is a :class:`~linework.editor.protocol.Response` (``ops``,
``overlay``, ``ui``); documents are replaced through :meth:`Editor.replace`
(the bridge's ``file-new`` and ``file-open``), not by events.
"""

from linework.editor.actions import ACTIONS
from linework.editor.editor import Editor
from linework.editor.protocol import VERSION, ProtocolError, parse_event
from linework.editor.session import Session

__all__ = ["ACTIONS", "VERSION", "Editor", "ProtocolError", "Session", "parse_event"]
