"""The JSON protocol between the browser and :meth:`Editor.handle` (version 1).

JavaScript sends one plain object per event and applies the object that comes
back. Both are JSON-able dicts; nothing else crosses. All coordinates are PAGE
coordinates (the browser undoes its pan and zoom first) and every pointer event
carries the current ``zoom`` (screen px per page unit) so hit tolerances and
handle sizes stay constant on screen.

Events in
---------

``{"type": "pointerdown" | "pointermove" | "pointerup", "x", "y", "button",
"shift", "ctrl", "alt", "meta", "zoom", "detail"}``
    ``button``: 0 main, 1 middle, 2 secondary (only 0 edits; others are ignored).
    ``detail``: the click count. Modifiers default to false, ``zoom`` to the
    last one sent, ``button`` to 0, ``detail`` to 1.
    Pointer moves may be coalesced to one per animation frame.
``{"type": "pointercancel"}``
    The pointer was lost (blur, capture lost): cancels a gesture like Escape.
``{"type": "dblclick", "x", "y", "zoom"?, modifiers?}``
    Starts in-place text editing of the shape or connector there (inside a
    group: the innermost element), removes a waypoint when on its handle, or
    on empty canvas adds a text and edits it.
``{"type": "keydown", "key", "code", "shift", "ctrl", "alt", "meta"}``
    Shortcuts (``ctrl`` or ``meta`` both mean "primary"), see ``KEYS`` below.
    Do not forward keys typed into the in-place text editor or other inputs.
``{"type": "action", "name": str, "args": {...}}``
    Every toolbar and menu command; see :data:`linework.editor.actions.ACTIONS`
    for names and arguments.
``{"type": "drop-shape", "kind": str, "x", "y"}``
    A palette entry dropped on the canvas: adds the kind centred there.
``{"type": "load", "data": str}``
    Replace the document with ``.linework`` text (a failed load changes nothing).
``{"type": "new"}``
    Replace the document with an empty one.
``{"type": "refresh"}``
    Ask for a ``reset`` op of the current page (after the DOM was rebuilt).
``{"type": "idle", "max"?: int}``
    The browser has spare time (``requestIdleCallback``): send while
    ``ui.pending`` > 0. The response carries real fragments (upserts) for up to
    ``max`` (default 50, about 10 ms) elements still shown by translation.

Response out
------------

``{"ops": [...], "overlay": str, "ui": {...}}``

``ops`` — DOM changes of ``svg#canvas``'s element layer, to apply in order:
    ``{"op": "upsert", "id", "svg", "before"}``: insert or replace the element
    ``g[data-id=id]`` with the SVG text, placed before the sibling ``before``
    (null: at the end). The sibling is always already in place when the ops are
    applied in order. ``{"op": "remove", "id"}``. ``{"op": "reset",
    "elements": [[id, svg], ...]}``: replace the whole layer (page switch, load,
    new, refresh). ``{"op": "translate", "ids": [...], "dx", "dy"}``: show
    each listed node shifted by (dx, dy) from its own geometry: set its
    ``transform`` to ``translate(dx dy)`` followed by the ``transform`` the node
    had when it was inserted (keep that, e.g. in a data attribute); 0, 0 puts it
    back. Used while dragging many elements and after large moves, whose real
    fragments then arrive through ``idle``; an upsert replaces the node and so
    ends its translation.
``overlay`` — the complete overlay layer as SVG text, ``<g data-overlay="1">…</g>``
    in page coordinates (put it in the same transformed group as the canvas):
    hover outline ``[data-role=hover]``, ports ``circle[data-port][data-shape]``,
    selection outlines ``[data-role=selection]`` (for up to 100 elements) and the
    frame of a multi-selection ``[data-role=selection-box]``, resize handles
    ``[data-handle=nw|n|ne|e|se|s|sw|w]``, ``[data-handle=rotate]``, connector
    ends ``[data-handle=source|target]``, waypoints ``[data-handle=waypoint]
    [data-index]``, virtual bends ``[data-handle=add-waypoint][data-index]``,
    dashed frames round a selected connector's labels ``[data-role=label]
    [data-index]`` (drag one to slide it along the path; a virtual bend that
    would sit under a label moves along its chord), rubber band
    ``[data-role=rubber-band]``, smart guides ``[data-role=guide]``,
    a shape being placed ``[data-role=placing]``, a connection target
    ``[data-role=target]``. Text is escaped; it never carries markup from users.
``ui`` — the state the chrome shows, always complete:
    ``page`` {id, name, width, height, background, grid {size, visible, snap}},
    ``pages`` [{id, name}], ``layers`` [{id, name, visible, locked}] bottom first,
    ``layer`` (active layer id), ``selection`` [ids], ``hover`` (id or null),
    ``can_undo``, ``can_redo``, ``dirty``, ``tool`` ("select" or
    "place:<kind>"), ``snap`` (grid snap on), ``guides`` (smart guides on),
    ``style`` (the selection's common style: each field's value where all agree,
    else null; null with no selection), ``props`` ({} with no selection, else
    ``count``, ``shapes``, ``connectors``, the common ``kind``, ``routing`` and
    ``text`` (null where they differ), ``locked``; for one shape ``box``
    {x, y, w, h}, ``rotation`` and ``link``, otherwise the selection's
    ``bounds``), ``enabled`` {action name: bool}, ``edit_text`` (null, or
    {id, label, box {x, y, w, h}, rotation, text, style {...}, created} while
    in-place editing: an overlay editor goes over ``box`` rotated by
    ``rotation`` degrees about its centre, and commits with the ``set-text``
    action with ``id`` and, for a connector, ``label``: its label index),
    ``cursor`` (a CSS cursor name), ``state`` (the tool state, e.g. ``idle``,
    ``translating``, ``resizing``, ``rubber-band``, ``dragging-label``),
    ``pending`` (how
    many nodes still show a translated older fragment, plus one while a big
    page's ``outline`` waits for idle time; send ``idle`` until 0
    before reading the DOM's SVG text, e.g. to compare it with an export).
    Only when they apply:
    ``clipboard`` (text to put on the system clipboard after copy or cut),
    ``request`` ({"action": name, ...} the browser must carry out: open, save,
    save-as, save-sealed, export-svg, export-png, export-drawio, paste (read
    the system clipboard and send the ``paste`` action with ``data``), zoom-in,
    the system clipboard and send the ``paste`` action with ``data``, centred on
    ``x``, ``y`` when the request has them), zoom-in, zoom-out, zoom-fit (with
    the content ``bounds`` {x, y, w, h}), help, context-menu (show a menu at
    page point ``x``, ``y``: its ``items`` are ``{action, label, shortcut,
    enabled, args}`` or ``{separator: true}``; choosing one sends that action
    with its args; see ``actions.context_menu``)),
    ``error`` ({code, message, detail, text}: the command was refused; nothing
    changed; ``text`` is message and detail as sentences for the status line),
    ``reveal`` ({x, y, w, h}: what was just added, pasted or reached by keyboard;
    scroll it into view if it is off screen), ``say`` (a one-off sentence for
    screen readers, e.g. "No shape below"), ``outline`` (the page's shapes in
    words, :func:`linework.editor.describe.outline`; sent when it changed).
    Always: ``status`` (``Page 2 · 12 elements · 1 selected``) and ``announce``
    (the selection in words, ``Process 'Receive order' selected, 2 connectors``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, TypeAlias

from linework.errors import LineworkError
from linework.geometry import Vec

VERSION: Final = 1
MIN_ZOOM: Final = 0.01
MAX_ZOOM: Final = 100.0
_MAX_STR: Final = 20_000_000


class ProtocolError(LineworkError):
    """An event that does not follow the protocol (a bug in the caller)."""

    def __init__(self, detail: str) -> None:
        super().__init__("LW-E0001", detail)


@dataclass(frozen=True, slots=True)
class Mods:
    """Modifier keys; ``primary`` is Ctrl on Windows/Linux and Cmd on macOS."""

    shift: bool = False
    ctrl: bool = False
    alt: bool = False
    meta: bool = False

    @property
    def primary(self) -> bool:
        """Return whether Ctrl or Cmd is down."""
        return self.ctrl or self.meta


@dataclass(frozen=True, slots=True)
class Pointer:
    """A pointer event in page coordinates."""

    phase: Literal["down", "move", "up"]
    at: Vec
    mods: Mods = Mods()
    button: int = 0
    zoom: float | None = None
    detail: int = 1


@dataclass(frozen=True, slots=True)
class PointerCancel:
    """The pointer was lost; cancel the gesture."""


@dataclass(frozen=True, slots=True)
class DoubleClick:
    """A double click in page coordinates."""

    at: Vec
    mods: Mods = Mods()
    zoom: float | None = None


@dataclass(frozen=True, slots=True)
class Key:
    """A key press: ``key`` as in ``KeyboardEvent.key``, ``code`` its position."""

    key: str
    code: str = ""
    mods: Mods = Mods()


@dataclass(frozen=True, slots=True)
class Action:
    """A named command with JSON arguments."""

    name: str
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DropShape:
    """A palette kind dropped at a page point."""

    kind: str
    at: Vec


@dataclass(frozen=True, slots=True)
class Load:
    """Replace the document with ``.linework`` text."""

    data: str


@dataclass(frozen=True, slots=True)
class New:
    """Replace the document with an empty one."""


@dataclass(frozen=True, slots=True)
class Refresh:
    """Re-send the whole page."""


@dataclass(frozen=True, slots=True)
class Idle:
    """The browser has time: send up to ``limit`` pending real fragments."""

    limit: int = 50


Event: TypeAlias = (
    Pointer
    | PointerCancel
    | DoubleClick
    | Key
    | Action
    | DropShape
    | Load
    | New
    | Refresh
    | Idle
)


def _num(raw: Mapping[str, Any], name: str, default: float | None = None) -> float:
    v = raw.get(name, default)
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ProtocolError(f"event field {name!r} must be a finite number")
    return float(v)


def _str(raw: Mapping[str, Any], name: str, limit: int = 200) -> str:
    v = raw.get(name)
    if not isinstance(v, str) or len(v) > limit:
        raise ProtocolError(f"event field {name!r} must be a string")
    return v


def _mods(raw: Mapping[str, Any]) -> Mods:
    return Mods(
        shift=raw.get("shift") is True,
        ctrl=raw.get("ctrl") is True,
        alt=raw.get("alt") is True,
        meta=raw.get("meta") is True,
    )


def _zoom(raw: Mapping[str, Any]) -> float | None:
    if raw.get("zoom") is None:
        return None
    return min(MAX_ZOOM, max(MIN_ZOOM, _num(raw, "zoom")))


def _at(raw: Mapping[str, Any]) -> Vec:
    return Vec(_num(raw, "x"), _num(raw, "y"))


_PHASES: Final[dict[str, Literal["down", "move", "up"]]] = {
    "pointerdown": "down",
    "pointermove": "move",
    "pointerup": "up",
}


def parse_event(raw: object) -> Event:
    """Return the typed event for a decoded JSON message.

    Raises:
        ProtocolError: for anything that does not follow the protocol.
    """
    if not isinstance(raw, Mapping):
        raise ProtocolError("an event must be an object")
    kind = raw.get("type")
    if kind in _PHASES:
        detail = raw.get("detail", 1)
        button = raw.get("button", 0)
        return Pointer(
            phase=_PHASES[kind],
            at=_at(raw),
            mods=_mods(raw),
            button=button if isinstance(button, int) else 0,
            zoom=_zoom(raw),
            detail=detail if isinstance(detail, int) else 1,
        )
    match kind:
        case "pointercancel":
            return PointerCancel()
        case "dblclick":
            return DoubleClick(at=_at(raw), mods=_mods(raw), zoom=_zoom(raw))
        case "keydown":
            code = raw.get("code", "")
            return Key(
                key=_str(raw, "key", 40),
                code=code if isinstance(code, str) else "",
                mods=_mods(raw),
            )
        case "action":
            args = raw.get("args", {})
            if args is None:
                args = {}
            if not isinstance(args, Mapping):
                raise ProtocolError("action args must be an object")
            return Action(name=_str(raw, "name", 60), args=args)
        case "drop-shape":
            return DropShape(kind=_str(raw, "kind", 100), at=_at(raw))
        case "load":
            return Load(data=_str(raw, "data", _MAX_STR))
        case "new":
            return New()
        case "refresh":
            return Refresh()
        case "idle":
            limit = raw.get("max", 50)
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
                raise ProtocolError("idle max must be a positive integer")
            return Idle(limit=limit)
    raise ProtocolError(f"unknown event type {str(kind)[:40]!r}")
