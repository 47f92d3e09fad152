"""Viewer mode: what a read-only session still accepts.

A viewer (``?mode=view``, an embed with ``mode=view``, a share link) may look,
switch pages and zoom, but nothing it sends may change the document.
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
#: Editor actions a viewer may run.
VIEW_ACTIONS: Final = frozenset(
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
#: Message types that replace the document with a new, empty one.
NEW_TYPES: Final = frozenset({"file-new"})


def check_read_only(message: Mapping[str, Any]) -> None:
    """Refuse a message that could change the document of a read-only session.

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
        and event.get("name") in VIEW_ACTIONS
    ):
        return
    raise LineworkError("LW-E0502", "The viewer does not edit.")
