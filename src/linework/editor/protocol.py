"""The page↔core contract, protocol v2: typed records and the one encoder.

JavaScript sends one JSON object per message and applies the object that comes
back. This module is the single source of that contract's shapes: the events
the editor takes (:func:`parse_event`), the records it answers with
(:class:`Response` holding :data:`Op` s, the overlay and a :class:`UiState`),
and the :class:`DocumentInfo` block of a "document replaced" reply;
``linework.bridge.wire.Wire`` is the one place that turns replies into the
JSON text the worker posts. ``tools/gen_protocol.py`` generates
``web/types/protocol.d.ts`` and ``docs/protocol.md`` from these types (tests
check both are current).

All coordinates are PAGE coordinates (the browser undoes its pan and zoom
first) and every pointer event carries the current ``zoom`` (screen px per page
unit) so hit tolerances and handle sizes stay constant on screen.

The overlay (:attr:`Response.overlay`) carries these hooks: hover outline
``[data-role=hover]``, ports ``circle[data-port][data-shape]`` (in a
``[data-role=ports]`` group), selection outlines ``[data-role=selection]``
(for up to 100 elements) and the frame of a multi-selection
``[data-role=selection-box]``, resize handles ``[data-handle=nw|n|ne|e|se|s|sw|w]``,
``[data-handle=rotate]``, connector ends ``[data-handle=source|target]``,
waypoints ``[data-handle=waypoint][data-index]``, virtual bends
``[data-handle=add-waypoint][data-index]``, dashed frames round a selected
connector's labels ``[data-role=label][data-index]``, the rubber band
``[data-role=rubber-band]``, smart guides ``[data-role=guide]``, a shape being
placed ``[data-role=placing]``, a connection target ``[data-role=target]``.
Text is escaped; it never carries markup from users.

``ui`` crosses as what changed: ``Wire`` sends only the :class:`UiState`
fields that differ from the last reply it sent, and web/rpc.js merges them
into the state it keeps, so every reply the page's code sees carries the whole
``ui`` again. One-off notes (:class:`UiOnce`: clipboard text, requests, errors)
cross beside it as ``once`` and are never kept.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import (
    Annotated,
    Any,
    Final,
    Literal,
    NotRequired,
    TypeAlias,
    TypedDict,
)

from linework.errors import LineworkError
from linework.geometry import Box, Vec

VERSION: Final = 2
MIN_ZOOM: Final = 0.01
MAX_ZOOM: Final = 100.0

#: A JSON object whose fields this contract does not pin down.
JsonObject: TypeAlias = dict[str, Any]


# --- events in (their wire shapes; parse_event turns them into records) ------
class PointerEvent(TypedDict):
    """A press, move or release. Only ``button`` 0 edits; moves may be
    coalesced to one per animation frame. Modifiers default to false, ``zoom``
    to the last one sent, ``button`` to 0, ``detail`` (the click count) to 1."""

    type: Literal["pointerdown", "pointermove", "pointerup"]
    x: float
    y: float
    button: NotRequired[int]
    shift: NotRequired[bool]
    ctrl: NotRequired[bool]
    alt: NotRequired[bool]
    meta: NotRequired[bool]
    zoom: NotRequired[float]
    detail: NotRequired[int]


class PointerCancelEvent(TypedDict):
    """The pointer was lost (blur, capture lost) or left the canvas: cancels a
    gesture like Escape; with none in progress, the hover (ports, arrows) goes."""

    type: Literal["pointercancel"]


class DoubleClickEvent(TypedDict):
    """Edits the label there in place (inside a group: the innermost element),
    removes a waypoint on its handle, or on empty canvas adds a text."""

    type: Literal["dblclick"]
    x: float
    y: float
    zoom: NotRequired[float]
    shift: NotRequired[bool]
    ctrl: NotRequired[bool]
    alt: NotRequired[bool]
    meta: NotRequired[bool]


class KeyEvent(TypedDict):
    """A shortcut (``ctrl`` or ``meta`` both mean "primary"). Keys typed into
    the in-place text editor or other inputs are not forwarded."""

    type: Literal["keydown"]
    key: str
    code: NotRequired[str]
    shift: NotRequired[bool]
    ctrl: NotRequired[bool]
    alt: NotRequired[bool]
    meta: NotRequired[bool]


class ActionEvent(TypedDict):
    """Every toolbar and menu command (``linework.editor.actions``)."""

    type: Literal["action"]
    name: str
    args: NotRequired[JsonObject]


class DropShapeEvent(TypedDict):
    """A palette entry dropped on the canvas: adds the kind centred there."""

    type: Literal["drop-shape"]
    kind: str
    x: float
    y: float


class RefreshEvent(TypedDict):
    """Ask for a ``reset`` op of the page on screen (after the DOM was rebuilt)."""

    type: Literal["refresh"]


class IdleEvent(TypedDict):
    """The browser has spare time: send while ``ui.pending`` > 0. The reply
    carries real fragments for up to ``max`` (default 50) elements still shown
    by translation, or ten times as many not painted yet: those in ``view``
    (the page area the canvas shows now, page units) first, then the nearest
    to it."""

    type: Literal["idle"]
    max: NotRequired[int]
    view: NotRequired[Rect]


EditorEvent: TypeAlias = (
    PointerEvent
    | PointerCancelEvent
    | DoubleClickEvent
    | KeyEvent
    | ActionEvent
    | DropShapeEvent
    | RefreshEvent
    | IdleEvent
)


# --- DOM ops ------------------------------------------------------------------
class Upsert(TypedDict):
    """Insert or replace the element ``g[data-id=id]`` with the SVG text, placed
    before the sibling ``before`` (null: at the end). The sibling is always in
    place already when the ops are applied in order."""

    op: Literal["upsert"]
    id: str
    svg: str
    before: str | None


class Remove(TypedDict):
    """Remove the element ``g[data-id=id]``."""

    op: Literal["remove"]
    id: str


class Reset(TypedDict):
    """Replace the whole element layer with ``[id, svg]`` pairs (page switch,
    a replaced document, refresh). With ``ui.pending`` > 0 the rest of the page
    follows on ``idle``."""

    op: Literal["reset"]
    elements: list[list[str]]


class Translate(TypedDict):
    """Show each listed node shifted by (dx, dy) from its own geometry: its
    ``transform`` becomes ``translate(dx dy)`` followed by the transform it had
    when inserted; 0, 0 puts it back. Used while dragging many elements and
    after large moves, whose real fragments then arrive through ``idle``; an
    upsert replaces the node and so ends its translation."""

    op: Literal["translate"]
    ids: list[str]
    dx: float
    dy: float


#: One change of ``svg#canvas``'s element layer; a reply's ops apply in order.
Op: TypeAlias = Upsert | Remove | Reset | Translate


# --- the state the chrome shows -----------------------------------------------
class Grid(TypedDict):
    """The page grid."""

    size: float
    visible: bool
    snap: bool


class PageInfo(TypedDict):
    """The page on screen."""

    id: str
    name: str
    width: float
    height: float
    background: str
    grid: Grid


class PageRef(TypedDict):
    """A page tab."""

    id: str
    name: str


class LayerInfo(TypedDict):
    """A layer of the page on screen."""

    id: str
    name: str
    visible: bool
    locked: bool


class Rect(TypedDict):
    """A box in page units."""

    x: float
    y: float
    w: float
    h: float


class Props(TypedDict):
    """The properties panel; ``{}`` with no selection. ``kind``, ``routing``
    and ``text`` are null where the selection's elements differ."""

    count: NotRequired[int]
    shapes: NotRequired[int]
    connectors: NotRequired[int]
    kind: NotRequired[str | None]
    routing: NotRequired[str | None]
    locked: NotRequired[bool]
    text: NotRequired[str | None]
    box: NotRequired[Annotated[Rect, "one shape selected"]]
    rotation: NotRequired[Annotated[float, "one shape selected"]]
    link: NotRequired[Annotated[str, "one shape selected"]]
    bounds: NotRequired[Annotated[Rect, "otherwise: the selection's frame"]]


class ErrorInfo(TypedDict):
    """A refused command: nothing changed. ``text`` is message and detail as
    sentences for the status line."""

    code: str
    message: str
    detail: str
    text: str


class PageRequest(TypedDict):
    """Something the browser must carry out: ``open``, ``save``, ``save-as``,
    ``save-sealed``, ``export-svg``, ``export-png``, ``export-drawio``,
    ``paste`` (read the system clipboard and send the ``paste`` action with
    ``data``; at ``x``, ``y`` when given), ``zoom-in``, ``zoom-out``,
    ``zoom-fit`` (with the content ``bounds``), ``help`` (with ``shortcuts``,
    rows of keys and description, and ``viewer_shortcuts``, the rows of what
    the viewer can do), ``context-menu`` (at page point ``x``, ``y``;
    ``items`` are ``{action, label, shortcut, enabled, args}`` or
    ``{separator: true}``)."""

    action: str
    x: NotRequired[float]
    y: NotRequired[float]
    bounds: NotRequired[Rect]
    items: NotRequired[list[JsonObject]]
    shortcuts: NotRequired[list[list[str]]]
    viewer_shortcuts: NotRequired[list[list[str]]]


@dataclass(frozen=True, slots=True)
class UiState:
    """What the chrome shows. It crosses as what changed since the last reply
    (``bridge.wire.Wire``); the page keeps the whole state."""

    page: PageInfo
    pages: list[PageRef]
    layers: Annotated[list[LayerInfo], "bottom first"]
    layer: Annotated[str, "the active layer's id"]
    selection: list[str]
    hover: str | None
    can_undo: bool
    can_redo: bool
    dirty: bool
    tool: Annotated[str, '"select" or "place:<kind>"']
    snap: Annotated[bool, "grid snap on"]
    guides: Annotated[bool, "smart guides on"]
    style: Annotated[
        JsonObject | None,
        "the selection's common style: each field's value where all agree, "
        "else null; null with no selection",
    ]
    props: Props
    enabled: Annotated[dict[str, bool], "action name -> enabled"]
    edit_text: Annotated[
        JsonObject | None,
        "while editing in place: {id, label, box, rotation, text, style, "
        "created}; the overlay editor goes over box rotated about its centre "
        "and commits with the set-text action",
    ]
    cursor: Annotated[str, "a CSS cursor name"]
    state: Annotated[str, "the tool state: idle, translating, resizing, …"]
    pending: Annotated[
        int,
        "nodes still showing an older fragment, plus one while a big page's "
        "outline waits for idle time; send idle until 0 before reading the "
        "DOM's SVG text",
    ]
    status: Annotated[str, "the status line: Page 2 · 12 elements · 1 selected"]
    announce: Annotated[str, "the selection in words, for screen readers"]

    def to_json(self) -> JsonObject:
        """Return the state as a JSON object (the whole of it)."""
        return {name: getattr(self, name) for name in UI_FIELDS}


#: The fields of :class:`UiState`, in order.
UI_FIELDS: Final = tuple(f.name for f in fields(UiState))


class UiOnce(TypedDict):
    """One-off notes of one reply, never kept by the page."""

    clipboard: NotRequired[Annotated[str, "text for the system clipboard"]]
    request: NotRequired[PageRequest]
    error: NotRequired[ErrorInfo]
    reveal: NotRequired[Annotated[Rect, "scroll it into view if off screen"]]
    say: NotRequired[Annotated[str, "a one-off sentence for screen readers"]]
    outline: NotRequired[
        Annotated[
            JsonObject,
            "the page's shapes in words (describe.outline); "
            "with listing: true and no items while a big page just shown "
            "is listed in idle time",
        ]
    ]


@dataclass(frozen=True, slots=True)
class Response:
    """The editor's answer to one event."""

    ops: list[Op]
    overlay: Annotated[
        str,
        'the whole overlay layer as SVG text, <g data-overlay="1">…</g> in page '
        "coordinates: hover, ports, selection, handles, guides, rubber band; "
        "see linework.editor.overlay for its data-role and data-handle hooks",
    ]
    ui: UiState
    once: UiOnce = field(default_factory=lambda: UiOnce())

    def to_json(self) -> JsonObject:
        """Return the response with the whole ``ui`` (its notes merged in)."""
        return {
            "ops": self.ops,
            "overlay": self.overlay,
            "ui": {**self.ui.to_json(), **self.once},
        }


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a "document replaced" reply (``file-new``, ``file-open``,
    ``open-plain``) says about the document beside its ``reset`` op."""

    title: str
    format: Annotated[str, "the format read: linework, linework-sealed, drawio, …"]
    native: Annotated[
        bool, "a .linework file Save may write back to (false for imports)"
    ]
    sealed: Annotated[bool, "opened from an encrypted file"]
    warnings: Annotated[list[str], "what an import could not carry over"]
    count: Annotated[int, "elements on the page (the reset may hold fewer)"]
    defs: Annotated[str, "the shared SVG <defs> (markers, patterns)"]
    view: Annotated[
        OpenView | None,
        "the zoom and pan to show the page in (the message's canvas size"
        " given); the reset paints what it shows first",
    ] = None
    bounds: Annotated[
        Rect | None,
        "the drawing's box the view was computed from (the page box grown to"
        " hold every element; connectors by their ends): zoom to fit counts it"
        " while elements wait to be painted",
    ] = None

    def to_json(self) -> JsonObject:
        """Return the block as a JSON object."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# --- replies ------------------------------------------------------------------
class EditorReply(TypedDict):
    """The reply to ``{"type": "editor", "event"}``. On the wire ``ui`` holds
    only what changed; web/rpc.js merges it (and ``once``) into the whole state
    before the page's code sees the reply. ``python_ms`` comes with
    ``"time": true``."""

    ok: Literal[True]
    ops: list[Op]
    overlay: str
    ui: UiState
    once: NotRequired[UiOnce]
    python_ms: NotRequired[float]


class DocumentReply(TypedDict):
    """The one "document replaced" reply: ``file-new``, ``file-open`` and
    ``open-plain``. Painted like any editor reply (its ``reset`` op), plus the
    document block."""

    ok: Literal[True]
    ops: list[Op]
    overlay: str
    ui: UiState
    once: NotRequired[UiOnce]
    document: DocumentInfo


class ErrorReply(TypedDict):
    """Any message that failed: nothing changed. ``picture`` (``file-open``):
    the file is a plain picture, which the page offers to insert instead."""

    ok: Literal[False]
    code: str
    message: str
    detail: str
    picture: NotRequired[bool]


class EditorMessage(TypedDict):
    """An editor event; ``time`` asks for ``python_ms``."""

    type: Literal["editor"]
    event: EditorEvent
    time: NotRequired[bool]


class CanvasSize(TypedDict):
    """The canvas in px: the core computes the opening view (the reply's
    ``document.view``) and paints what it shows first. A page opens fitted,
    at most at 100 %, or, when that is below 50 %, at 50 % with the top-left
    of the drawing at the top-left of the canvas; with ``fit`` (the viewer)
    fitted whole, at most at 100 %, down to 2 %."""

    width: float
    height: float
    fit: NotRequired[bool]


class OpenView(TypedDict):
    """Zoom and pan: page point p shows at ``p * scale + (x, y)`` canvas px
    (the shape of ``linework.view()``)."""

    scale: float
    x: float
    y: float


class FileOpenMessage(TypedDict):
    """Open any file Linework reads (``data``: base64). The page leaves
    ``data`` out and posts the file's bytes beside the message instead
    (``bytes``, web/rpc.js), which the worker hands to the core in one copy.
    With ``meta_title`` the document's own title wins over ``name``; with
    ``copy`` it opens as a new, unsaved, untitled document. A sealed file
    answers ``LW-E0304``."""

    type: Literal["file-open"]
    name: str
    data: NotRequired[str]
    canvas: NotRequired[CanvasSize]
    meta_title: NotRequired[bool]
    copy: NotRequired[bool]


class OpenPlainMessage(TypedDict):
    """Open the decrypted ``.linework`` bytes (base64) of a sealed file."""

    type: Literal["open-plain"]
    name: str
    data: str
    canvas: NotRequired[CanvasSize]


class FileNewMessage(TypedDict):
    """Start an empty, clean diagram."""

    type: Literal["file-new"]


# --- event records --------------------------------------------------------------
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
class Refresh:
    """Re-send the whole page."""


@dataclass(frozen=True, slots=True)
class Idle:
    """The browser has time: send up to ``limit`` pending real fragments,
    those ``view`` shows first."""

    limit: int = 50
    view: Box | None = None


Event: TypeAlias = (
    Pointer | PointerCancel | DoubleClick | Key | Action | DropShape | Refresh | Idle
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


def _view(raw: object) -> Box | None:
    """Return an idle event's ``view`` ({x, y, w, h}), or None if absent."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ProtocolError("idle view must be an object")
    x, y, w, h = (_num(raw, k) for k in ("x", "y", "w", "h"))
    if w <= 0 or h <= 0:
        raise ProtocolError("idle view must have a positive size")
    return Box(x, y, w, h)


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
        case "refresh":
            return Refresh()
        case "idle":
            limit = raw.get("max", 50)
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
                raise ProtocolError("idle max must be a positive integer")
            return Idle(limit=limit, view=_view(raw.get("view")))
    raise ProtocolError(f"unknown event type {str(kind)[:40]!r}")
