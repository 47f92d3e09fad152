"""The ``?`` panel's rows, with each action's keys read from its record.

A row names the actions it describes (their shown shortcuts, joined by " / ",
make its keys) or, for what is not one action's key (arrow-key families,
gestures, keys the page handles itself), gives its keys as :class:`Keys`.
The viewer's panel shows only the rows it can use: every action they name is
viewer-allowed and every :class:`Keys` part says ``viewer``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.editor.actions.registry import Registry


@dataclass(frozen=True, slots=True)
class Keys:
    """Keys written out, for a row that is not only actions' shortcuts."""

    text: str
    viewer: bool = False


ROWS: Final[tuple[tuple[tuple[str | Keys, ...], str], ...]] = (
    ((Keys("Arrow keys"),), "Move the selection 1 px (with Shift: one grid step)"),
    (
        (Keys("Mod+Arrow keys / Mod+Shift+Arrow keys"),),
        "Select the nearest shape in that direction / add it to the selection",
    ),
    (
        ("connect-selection",),
        "Connect the two selected shapes (first selected to second)",
    ),
    (
        (Keys("Alt+Shift+Arrow keys"),),
        "Clone the selected shape that way and connect it",
    ),
    # The page's own key (web/editor/outline.js).
    (
        (Keys("Alt+Shift+O"),),
        "Go to the outline: the diagram as a list (Enter selects)",
    ),
    (("delete",), "Delete"),
    (("escape",), "Cancel the drag, leave the tool, or clear the selection"),
    (("edit-text",), "Edit the selected element's text"),
    ((Keys("Type a letter"),), "Edit the selected element's text, from that letter"),
    # While editing, the rich editor's own keys (web/editor/rich-editor.js).
    (
        ("toggle-bold", "toggle-italic", "toggle-underline"),
        "Bold / italic / underline: the selected words while editing a label,"
        " else the whole label of every selected shape",
    ),
    (("select-next", "select-previous"), "Select the next / previous element"),
    (("select-all",), "Select all"),
    (("undo",), "Undo"),
    (("redo",), "Redo"),
    (("duplicate",), "Duplicate"),
    (("copy", "cut", "request-paste"), "Copy / cut / paste"),
    (("group", "ungroup"), "Group / ungroup"),
    (("bring-forward", "send-backward"), "Bring forward / send backward"),
    (("to-front", "to-back"), "Bring to front / send to back"),
    (("toggle-lock",), "Lock / unlock"),
    (("copy-style", "paste-style"), "Copy style / paste style"),
    (("toggle-snap",), "Snap to grid on / off"),
    (("next-page", "previous-page"), "Next / previous page"),
    (("save", "save-as", "open"), "Save / save as / open"),
    (
        # Mod+0 is zoom-fit's unshown alias (the row names it, not Mod+Shift+H).
        ("zoom-in", "zoom-out", Keys("Mod+0", viewer=True)),
        "Zoom in / zoom out / fit to window (Mod+Shift+H fits too)",
    ),
    (
        (Keys("Shift while dragging"),),
        "Keep proportions, snap rotation to 15°, move along one axis",
    ),
    ((Keys("Alt+click"),), "Select an element inside a group"),
    ((Keys("Alt+drag"),), "Move a copy of the selection (Option+drag on macOS)"),
    (
        (Keys("Double-click"),),
        "Edit a label (on a connector: the label clicked); on empty canvas, add a text",
    ),
    (
        (Keys("Drag a selected connector's label"),),
        "Slide the label along the connector",
    ),
    ((Keys("Right-click"), "context-menu"), "Open the context menu"),
    (("help",), "Show these shortcuts"),
)


def help_rows(registry: Registry, viewer: bool = False) -> list[list[str]]:
    """Return the rows as [keys, description]; ``viewer``: the viewer's only."""
    out: list[list[str]] = []
    for parts, what in ROWS:
        keys: list[str] = []
        usable = True  # by the viewer
        for part in parts:
            if isinstance(part, Keys):
                keys.append(part.text)
                usable = usable and part.viewer
            else:
                spec = registry[part]
                keys.extend(s.keys for s in spec.shortcuts if s.shown)
                usable = usable and spec.viewer
        if usable or not viewer:
            out.append([" / ".join(keys), what])
    return out
