"""Keyboard shortcuts: a key press → an action name and its arguments.

"Primary" is Ctrl, or Cmd on macOS (either is accepted everywhere). Bracket
keys are matched by ``code`` so they work on every keyboard layout.

| keys | action |
|---|---|
| Arrow keys | nudge 1 px (Shift: one grid step) |
| Primary+arrow keys | select-nearest in that direction (with Shift: extend) |
| Alt+Shift+C | connect-selection (two shapes) |
| Alt+Shift+arrow keys | clone-connect: clone the selected shape that way, connected |
| Alt+Shift+O | focus the outline (handled by the page, web/editor/outline.js) |
| Delete, Backspace | delete |
| Escape | cancel the gesture / leave the place tool / clear the selection |
| Enter, F2 | edit the selected element's text |
| a printable key | edit the selected element's text, starting with that key |
| Tab, Shift+Tab | select next / previous element |
| Primary+A | select-all |
| Primary+Z, Primary+Shift+Z, Primary+Y | undo, redo, redo |
| Primary+D | duplicate |
| Primary+G, Primary+Shift+G | group, ungroup |
| Primary+C, Primary+X | copy, cut (``ui.clipboard`` holds the text) |
| Primary+V | ``request: paste`` (the browser reads the clipboard, sends ``paste``) |
| Primary+] / Primary+[ | bring-forward / send-backward |
| Primary+Shift+] / Primary+Shift+[ | to-front / to-back |
| Primary+Shift+L | toggle-lock |
| Primary+Alt+C, Primary+Alt+V | copy-style, paste-style |
| Primary+' | toggle grid snapping |
| Alt+PageDown, Alt+PageUp | next-page, previous-page |
| Primary+S, Primary+Shift+S, Primary+O | request save, save-as, open |
| Primary+= (or +), Primary+-, Primary+Shift+H | request zoom-in, zoom-out, zoom-fit |
| Primary+0 | fit (handled by the page, web/input.js; the help lists it) |
| Shift+F10, ContextMenu | context-menu (at the selection, else the pointer) |
| ? | request help |
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linework.editor.protocol import Key
from linework.editor.typeedit import typed_edit

if TYPE_CHECKING:
    from linework.editor.editor import Editor

#: (keys, what they do) for the help panel; "Mod" is Ctrl, or Cmd on macOS.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Arrow keys", "Move the selection 1 px (with Shift: one grid step)"),
    (
        "Mod+Arrow keys / Mod+Shift+Arrow keys",
        "Select the nearest shape in that direction / add it to the selection",
    ),
    ("Alt+Shift+C", "Connect the two selected shapes (first selected to second)"),
    ("Alt+Shift+Arrow keys", "Clone the selected shape that way and connect it"),
    ("Alt+Shift+O", "Go to the outline: the diagram as a list (Enter selects)"),
    ("Delete / Backspace", "Delete"),
    ("Escape", "Cancel the drag, leave the tool, or clear the selection"),
    ("Enter / F2", "Edit the selected element's text"),
    ("Type a letter", "Edit the selected element's text, starting with that letter"),
    ("Tab / Shift+Tab", "Select the next / previous element"),
    ("Mod+A", "Select all"),
    ("Mod+Z", "Undo"),
    ("Mod+Shift+Z / Mod+Y", "Redo"),
    ("Mod+D", "Duplicate"),
    ("Mod+C / Mod+X / Mod+V", "Copy / cut / paste"),
    ("Mod+G / Mod+Shift+G", "Group / ungroup"),
    ("Mod+] / Mod+[", "Bring forward / send backward"),
    ("Mod+Shift+] / Mod+Shift+[", "Bring to front / send to back"),
    ("Mod+Shift+L", "Lock / unlock"),
    ("Mod+Alt+C / Mod+Alt+V", "Copy style / paste style"),
    ("Mod+'", "Snap to grid on / off"),
    ("Alt+PageDown / Alt+PageUp", "Next / previous page"),
    ("Mod+S / Mod+Shift+S / Mod+O", "Save / save as / open"),
    (
        "Mod+= / Mod+- / Mod+0",
        "Zoom in / zoom out / fit to window (Mod+Shift+H fits too)",
    ),
    (
        "Shift while dragging",
        "Keep proportions, snap rotation to 15°, move along one axis",
    ),
    ("Alt+click", "Select an element inside a group"),
    ("Alt+drag", "Move a copy of the selection (Option+drag on macOS)"),
    (
        "Double-click",
        "Edit a label (on a connector: the label clicked); on empty canvas, add a text",
    ),
    ("Drag a selected connector's label", "Slide the label along the connector"),
    ("Right-click / Shift+F10 / ContextMenu", "Open the context menu"),
    ("?", "Show these shortcuts"),
)

_ARROWS = {
    "ArrowLeft": (-1.0, 0.0),
    "ArrowRight": (1.0, 0.0),
    "ArrowUp": (0.0, -1.0),
    "ArrowDown": (0.0, 1.0),
}

_DIRECTION = {
    "ArrowLeft": "left",
    "ArrowRight": "right",
    "ArrowUp": "up",
    "ArrowDown": "down",
}

# (lower-case key or code, shift) → action, with Primary held.
_PRIMARY: dict[tuple[str, bool], str] = {
    ("a", False): "select-all",
    ("z", False): "undo",
    ("z", True): "redo",
    ("y", False): "redo",
    ("d", False): "duplicate",
    ("g", False): "group",
    ("g", True): "ungroup",
    ("c", False): "copy",
    ("x", False): "cut",
    ("v", False): "paste-request",
    ("bracketright", False): "bring-forward",
    ("bracketleft", False): "send-backward",
    ("bracketright", True): "to-front",
    ("bracketleft", True): "to-back",
    ("l", True): "toggle-lock",
    ("'", False): "toggle-snap",
    ("quote", False): "toggle-snap",
    ("s", False): "save",
    ("s", True): "save-as",
    ("o", False): "open",
    ("=", False): "zoom-in",
    ("+", False): "zoom-in",
    ("+", True): "zoom-in",
    ("=", True): "zoom-in",
    ("-", False): "zoom-out",
    ("h", True): "zoom-fit",
}


def key_action(key: Key, ed: Editor) -> tuple[str, dict[str, Any]] | None:
    """Return the action a key press stands for, or None for keys we ignore."""
    m = key.mods
    k = key.key
    if k in _ARROWS and m.primary and not m.alt:
        args: dict[str, Any] = {"direction": _DIRECTION[k]}
        if m.shift:
            args["extend"] = True
        return "select-nearest", args
    if m.alt and m.shift and not m.primary and (k.lower() == "c" or key.code == "KeyC"):
        return "connect-selection", {}
    if m.alt and m.shift and not m.primary and k in _ARROWS:
        return "clone-connect", {"direction": _DIRECTION[k]}
    if k in _ARROWS and not m.primary:
        dx, dy = _ARROWS[k]
        step = (ed.grid or 10.0) if m.shift else 1.0
        return "nudge", {"dx": dx * step, "dy": dy * step}
    if m.primary and m.alt:
        low = k.lower()
        if low == "c" or key.code == "KeyC":
            return "copy-style", {}
        if low == "v" or key.code == "KeyV":
            return "paste-style", {}
        return None
    if m.primary:
        code = key.code.lower()
        if code in ("bracketleft", "bracketright"):
            name = _PRIMARY.get((code, m.shift))
        else:
            low = k.lower()
            name = _PRIMARY.get((low, m.shift))
            if name is None and code.startswith("key"):
                name = _PRIMARY.get((code[3:], m.shift))
        if name == "paste-request":
            ed.note("request", {"action": "paste"})
            return None
        return (name, {}) if name is not None else None
    if m.alt and k in ("PageDown", "PageUp"):
        return ("next-page" if k == "PageDown" else "previous-page"), {}
    if k == "ContextMenu" or (k == "F10" and m.shift):
        return "context-menu", {}
    typed = typed_edit(key, ed)
    if typed is not None:
        return typed
    match k:
        case "Delete" | "Backspace":
            return "delete", {}
        case "Escape":
            return "escape", {}
        case "Enter" | "F2":
            return "edit-text", {}
        case "Tab":
            return ("select-previous" if m.shift else "select-next"), {}
        case "?":
            return "help", {}
    return None
