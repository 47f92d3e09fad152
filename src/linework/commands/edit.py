"""Commands that edit elements in place: text, style, routing, ends, waypoints, lock.

Values arrive from the properties panel as JSON, so ``set_style`` checks each
field with the same rules the ``.linework`` reader applies: whatever the editor
can make, a file can hold and reopen.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, Final

from linework.commands._base import (
    CommandError,
    connector,
    descendants,
    element,
    is_flagged,
    is_locked,
    replaced,
    shape,
)
from linework.commands.create import check_end
from linework.geometry import Vec
from linework.model import (
    ARROWHEADS,
    DASHES,
    LABEL_POSITIONS,
    ROUTINGS,
    STYLE_FIELDS,
    TEXT_PADDING_SIDES,
    Connector,
    ConnectorLabel,
    Document,
    End,
    Patch,
    Routing,
    Shape,
    Style,
    Transaction,
)
from linework.model.rich import RichText, rich_for

MAX_TEXT: Final = 100_000
_COLOURS: Final = frozenset({"fill", "stroke", "font_color"})
_BOOLS: Final = frozenset({"shadow", "bold", "italic", "underline", "wrap"})
_NUMBERS: Final[dict[str, tuple[float, float]]] = {
    "stroke_width": (0, 1000),
    "opacity": (0, 1),
    "corner_radius": (0, 100_000),
    "text_padding": (0, 100_000),
    **dict.fromkeys(TEXT_PADDING_SIDES, (0, 100_000)),
    "font_size": (1, 1000),
    "start_arrow_size": (1, 200),
    "end_arrow_size": (1, 200),
}
#: Number fields that null resets (to ``text_padding``; to the automatic size).
_NULLABLE: Final = frozenset(
    {*TEXT_PADDING_SIDES, "start_arrow_size", "end_arrow_size"}
)
_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "dash": DASHES,
    "align": ("left", "center", "right"),
    "valign": ("top", "middle", "bottom"),
    "start_arrow": ARROWHEADS,
    "end_arrow": ARROWHEADS,
    "label_position": LABEL_POSITIONS,
}


def style_value(name: str, value: Any) -> Any:
    """Return ``value`` checked (and normalised) for the style field ``name``.

    Raises:
        CommandError: for an unknown field or a value the field cannot hold.

    >>> style_value("fill", "#FF0000"), style_value("font_size", 12)
    ('#ff0000', 12.0)
    """
    if name not in STYLE_FIELDS:
        raise CommandError(f"unknown style field {name!r}")
    if name in _COLOURS:
        if isinstance(value, str) and (
            value == "none"
            or (
                len(value) in (4, 7, 9)
                and value[0] == "#"
                and all(c in "0123456789abcdefABCDEF" for c in value[1:])
            )
        ):
            return value.lower()
        raise CommandError(f"{name} must be a colour like #1f2933 or none")
    if name in _BOOLS:
        if isinstance(value, bool):
            return value
        raise CommandError(f"{name} must be true or false")
    if name in _NULLABLE and value is None:
        return None  # the side takes ``text_padding``; a head its automatic size
    if name in _NUMBERS:
        lo, hi = _NUMBERS[name]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not lo <= value <= hi
        ):
            unset = " or null" if name in _NULLABLE else ""
            raise CommandError(f"{name} must be a number from {lo:g} to {hi:g}{unset}")
        return float(value)
    if name in _CHOICES:
        if value in _CHOICES[name]:
            return str(value)
        raise CommandError(f"{name} must be one of " + ", ".join(_CHOICES[name]))
    if isinstance(value, str) and 0 < len(value) <= 200:
        return value
    raise CommandError(f"{name} must be a short string")


def styled(style: Style, fields: Mapping[str, Any]) -> Style:
    """Return ``style`` with ``fields`` (checked by :func:`style_value`) set."""
    return replace(style, **{k: style_value(k, v) for k, v in fields.items()})


def editable(doc: Document, ids: Iterable[str]) -> list[Shape | Connector]:
    """Return the unlocked shapes and connectors among ``ids`` and in their groups."""
    out: list[Shape | Connector] = []
    for rid in descendants(doc, ids):
        el = element(doc, rid)
        if isinstance(el, Shape | Connector) and not is_locked(doc, el):
            out.append(el)
    return out


def set_style(doc: Document, ids: Iterable[str], fields: Mapping[str, Any]) -> Patch:
    """Set some style fields on shapes and connectors (group members included).

    Raises:
        CommandError: if a field is unknown or a value is invalid (nothing changes).
    """
    checked = {k: style_value(k, v) for k, v in fields.items()}
    tx = Transaction(doc)
    for el in editable(doc, ids):
        tx.put(replace(el, style=replace(el.style, **checked)))
    return tx.patch()


def paste_style(doc: Document, ids: Iterable[str], style: Style) -> Patch:
    """Give shapes and connectors a whole copied style (the format painter)."""
    return replaced(doc, editable(doc, ids), style=style)


def set_text(
    doc: Document,
    rid: str,
    text: str,
    *,
    label: int = 0,
    position: float | None = None,
    rich: RichText | None = None,
) -> Patch:
    """Set a shape's label, or a connector's label number ``label``.

    ``rich``: the label's runs (its plain text must be ``text``); None makes
    the label plain.

    The text is data: it is stored verbatim and escaped when rendered. For a
    connector, ``label`` may be one past the last label to add a new one at
    ``position`` (0..1 along the path, default the middle); empty text
    removes the label, so a connector never keeps blank labels.

    Raises:
        CommandError: if the text is too long, ``label`` is out of range or
            ``rid`` is neither a shape nor a connector.
    """
    if len(text) > MAX_TEXT:
        raise CommandError(f"text must be a string of at most {MAX_TEXT} characters")
    el = element(doc, rid)
    if el is None or is_locked(doc, el):
        return Patch()
    tx = Transaction(doc)
    if isinstance(el, Shape):
        rich = rich_for(text, rich)
        if el.text == text and rich_for(el.text, el.rich) == rich:
            return Patch()
        tx.put(replace(el, text=text, rich=rich))
    elif isinstance(el, Connector):
        labels = list(el.labels)
        if not 0 <= label <= len(labels):
            raise CommandError(f"connector {rid!r} has no label {label}")
        if label == len(labels):
            if not text:
                return Patch()
            at = 0.5 if position is None else min(1.0, max(0.0, position))
            labels.append(
                ConnectorLabel(text=text, rich=rich_for(text, rich), position=at)
            )
        elif text:
            labels[label] = replace(labels[label], text=text, rich=rich_for(text, rich))
        else:
            del labels[label]
        tx.put(replace(el, labels=tuple(labels)))
    else:
        raise CommandError(f"{rid!r} has no text")
    return tx.patch()


def move_label(doc: Document, rid: str, label: int, position: float) -> Patch:
    """Slide a connector's label to ``position`` (0..1 along its path).

    The label keeps its offset from the path, so it moves as it was placed.

    Raises:
        CommandError: if ``rid`` is not a connector with that label.
    """
    c = connector(doc, rid)
    if c is None or not 0 <= label < len(c.labels):
        raise CommandError(f"{rid!r} has no label {label}")
    if is_locked(doc, c) or not math.isfinite(position):
        return Patch()
    at = min(1.0, max(0.0, position))
    if c.labels[label].position == at:
        return Patch()
    labels = list(c.labels)
    labels[label] = replace(labels[label], position=at)
    tx = Transaction(doc)
    tx.put(replace(c, labels=tuple(labels)))
    return tx.patch()


def set_link(doc: Document, rid: str, link: str) -> Patch:
    """Set a shape's hyperlink (the renderer shows only http(s) and mailto)."""
    s = shape(doc, rid)
    if s is None or is_locked(doc, s):
        return Patch()
    if len(link) > 2048:
        raise CommandError("links are limited to 2048 characters")
    tx = Transaction(doc)
    tx.put(replace(s, link=link))
    return tx.patch()


def _connectors(doc: Document, ids: Iterable[str]) -> list[Connector]:
    return [c for c in editable(doc, ids) if isinstance(c, Connector)]


def set_routing(doc: Document, ids: Iterable[str], routing: Routing) -> Patch:
    """Set how connectors are routed (straight, orthogonal, curved).

    Raises:
        CommandError: for an unknown routing.
    """
    if routing not in ROUTINGS:
        raise CommandError("routing must be one of " + ", ".join(ROUTINGS))
    return replaced(doc, _connectors(doc, ids), routing=routing)


def set_arrowheads(
    doc: Document,
    ids: Iterable[str],
    *,
    start: str | None = None,
    end: str | None = None,
) -> Patch:
    """Set the arrowheads of connectors (None leaves that end as it is)."""
    fields: dict[str, str] = {}
    if start is not None:
        fields["start_arrow"] = start
    if end is not None:
        fields["end_arrow"] = end
    checked = {k: style_value(k, v) for k, v in fields.items()}
    tx = Transaction(doc)
    for c in _connectors(doc, ids):
        tx.put(replace(c, style=replace(c.style, **checked)))
    return tx.patch()


def set_end(doc: Document, conn_id: str, which: str, end: End) -> Patch:
    """Reconnect (or detach, with a ``Free`` end) a connector's source or target.

    Raises:
        CommandError: for a bad ``which`` or an end on another page.
    """
    if which not in ("source", "target"):
        raise CommandError("which must be 'source' or 'target'")
    c = connector(doc, conn_id)
    if c is None or is_locked(doc, c):
        return Patch()
    check_end(doc, c.page, end)
    tx = Transaction(doc)
    tx.put(replace(c, source=end) if which == "source" else replace(c, target=end))
    return tx.patch()


def _waypoints(doc: Document, conn_id: str) -> Connector | None:
    c = connector(doc, conn_id)
    return None if c is None or is_locked(doc, c) else c


def add_waypoint(doc: Document, conn_id: str, index: int, point: Vec) -> Patch:
    """Insert a waypoint before position ``index`` (clamped to the ends)."""
    c = _waypoints(doc, conn_id)
    if c is None:
        return Patch()
    i = max(0, min(index, len(c.waypoints)))
    return replaced(doc, [c], waypoints=(*c.waypoints[:i], point, *c.waypoints[i:]))


def move_waypoint(doc: Document, conn_id: str, index: int, point: Vec) -> Patch:
    """Move the waypoint at ``index`` to ``point`` (a no-op if there is none)."""
    c = _waypoints(doc, conn_id)
    if c is None or not 0 <= index < len(c.waypoints):
        return Patch()
    wps = list(c.waypoints)
    wps[index] = point
    return replaced(doc, [c], waypoints=tuple(wps))


def remove_waypoint(doc: Document, conn_id: str, index: int) -> Patch:
    """Remove the waypoint at ``index`` (a no-op if there is none)."""
    c = _waypoints(doc, conn_id)
    if c is None or not 0 <= index < len(c.waypoints):
        return Patch()
    return replaced(doc, [c], waypoints=c.waypoints[:index] + c.waypoints[index + 1 :])


def clear_waypoints(doc: Document, ids: Iterable[str]) -> Patch:
    """Remove every waypoint of the connectors (let the router choose again)."""
    return replaced(
        doc, [c for c in _connectors(doc, ids) if c.waypoints], waypoints=()
    )


def set_locked(doc: Document, ids: Iterable[str], locked: bool) -> Patch:
    """Lock or unlock elements (their ``locked`` field).

    Only the named elements change: locking a group locks its members through
    the group, and unlocking the group releases them again.
    """
    tx = Transaction(doc)
    for rid in dict.fromkeys(ids):
        el = element(doc, rid)
        if el is None or is_flagged(el) == locked:
            continue
        tx.put(replace(el, locked=locked))
    return tx.patch()
