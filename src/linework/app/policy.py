"""Viewer mode: what a read-only session still accepts.

A viewer (``?mode=view``, an embed with ``mode=view``, a share link) may look,
switch pages and zoom, but nothing it sends may change the document. Which
actions it may run is no list of its own: the action records say (``viewer``
and ``embed`` in :mod:`linework.editor.actions`), read here only once a
read-only session sends an action, so start-up imports no editor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from linework.errors import LineworkError

#: Editor events a viewer sends: nothing that can change the document (no
#: presses, keys or drops). Pointer moves only hover while no press started a gesture.
VIEW_EVENTS: Final = frozenset(
    {"refresh", "idle", "pointermove", "pointerup", "pointercancel"}
)
#: Message types that replace the document with a new, empty one.
NEW_TYPES: Final = frozenset({"file-new"})


def allowed_actions(*, embed: bool = False) -> frozenset[str]:
    """Return the actions a read-only viewer (or read-only embed) may run.

    They come from the action registry: the records' ``viewer`` (or
    ``embed``) fact, the same lists the page is served.
    """
    from linework.editor.actions import REGISTRY

    return REGISTRY.embed_actions if embed else REGISTRY.viewer_actions


def check_read_only(message: Mapping[str, Any], *, embed: bool = False) -> None:
    """Refuse a message that could change the document of a read-only session.

    ``embed``: the session is a read-only embed (the embed allow-list applies).

    Raises:
        LineworkError: LW-E0502.
    """
    kind = message.get("type")
    if kind in NEW_TYPES:
        raise LineworkError("LW-E0502", "The viewer cannot start a new diagram.")
    if kind != "editor":
        return
    event = message.get("event")
    etype = event.get("type") if isinstance(event, Mapping) else None
    if etype in VIEW_EVENTS:
        return
    if (
        etype == "action"
        and isinstance(event, Mapping)
        and event.get("name") in allowed_actions(embed=embed)
    ):
        return
    if (
        etype == "keydown"
        and isinstance(event, Mapping)
        and key_action(event) in allowed_actions(embed=embed)
    ):
        return
    raise LineworkError("LW-E0502", "The viewer does not edit.")


def key_action(event: Mapping[str, Any]) -> str | None:
    """Return the action a ``keydown`` event's key stands for in the key map.

    A viewer's key that is the shortcut of an action it may run (Escape,
    Alt+PageDown …) runs it, as the action itself would; any other key is
    refused, type-to-edit included (no key-map rule: None).
    """
    from linework.editor.actions import REGISTRY
    from linework.editor.protocol import Key, ProtocolError, parse_event

    try:
        key = parse_event(event)
    except ProtocolError:
        return None
    if not isinstance(key, Key):
        return None
    found = REGISTRY.keymap.find(key)
    return None if found is None else found.action
