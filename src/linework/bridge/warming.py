"""``warm``: get the core ready for the first open while the user picks a file.

``{"type": "warm"}`` imports the renderer and codecs (``workbench.warm``).
``{"type": "warm", "open": true}`` also opens a small throwaway diagram once,
through the path a file takes (decode, route, render, encode), in a
workspace of its own (the session's document is untouched), and answers
``{"ok", "warmed", "runs"}``: ``warmed`` turns true once more of them would
no longer make an open faster; ``runs`` is how long each took (ms). The page
sends it again while the answer is false, each time it is idle
(web/editor/app.js), so an edit waits for at most one of these opens (a few
hundred ms at worst, tens once warm); once the session's diagram holds
anything (the user opened or drew something), it stops.

Why: after a memory-snapshot boot no Python has run yet, so the browser's
WebAssembly engine runs the interpreter in its baseline tier and optimizes
only what has run enough. Measured in Chromium: the throwaway open took
400, 310, 200 ... 110, 66, 37 ms over its first eleven runs, then about 40;
a first open of 1,000 shapes spent 300 ms decoding and 700-1,200 rendering
against 80 and 450 for the same work warm. A user picks a file seconds after
the page is ready: that time now warms the engine.
"""

from __future__ import annotations

import json
import time
from typing import Any, Final

from linework import phases
from linework.bridge import workbench
from linework.bridge.filing import document_reply
from linework.bridge.wire import Wire
from linework.editor.open_view import Canvas
from linework.formats.stencils import icon_src
from linework.icons.bundled import first_bundled_icons, spread_bundled_icons
from linework.model import Connector, Group, Shape

Reply = dict[str, Any]

#: The throwaway diagram: a grid of the common kinds, labelled, joined by
#: orthogonal, straight and curved connectors, some with labels.
_COLS: Final = 8
_ROWS: Final = 6
_KINDS: Final = ("rectangle", "ellipse", "diamond", "rounded-rectangle")
_ROUTINGS: Final = ("orthogonal", "orthogonal", "straight", "curved")
#: Library icons in the throwaway diagram (when the wheel carries them).
_ICONS: Final = 8
#: Library icons the page's icon worker warms up on (spread over every library).
_RASTER_WARM_ICONS: Final = 24
#: The canvas the throwaway diagram opens in (px): part of it out of view.
_CANVAS: Final = Canvas(400.0, 300.0)

#: Runs at most; the engine counts as warm once two runs in a row took under
#: this share of the early runs' time (the median of the 2nd to 4th: the
#: first also imports). Measured: a drop to a fifth to a third after 10-16.
_MOST: Final = 16
_WARM_SHARE: Final = 0.4

_runs: list[float] = []
_warmed = False
_data: bytes | None = None


def warm_document() -> dict[str, Any]:
    """Return the throwaway diagram as ``.linework`` JSON data."""
    n = _COLS * _ROWS
    els: list[dict[str, Any]] = [
        {
            "type": "shape",
            "id": f"s{i}",
            "layer": "l",
            "kind": _KINDS[i % len(_KINDS)],
            "box": {
                "x": (i % _COLS) * 160 + 20,
                "y": (i // _COLS) * 110 + 20,
                "w": 100,
                "h": 60,
            },
            "text": f"Step {i}",
        }
        for i in range(n)
    ]
    for i in range(n):
        j = i + 1 if (i + 1) % _COLS else i + _COLS
        els.append(
            {
                "type": "connector",
                "id": f"c{i}",
                "layer": "l",
                "source": {"shape": f"s{i}"},
                "target": {"shape": f"s{j % n}"},
                "routing": _ROUTINGS[i % len(_ROUTINGS)],
                **({"labels": [{"text": "yes"}]} if i % 5 == 0 else {}),
            }
        )
    # A row of library icons named below them, as cloud diagrams have: their
    # labels are laid out for the drawing's bounds and their stored SVG is
    # checked against the known icons, paths the grid above never takes.
    for i, icon in enumerate(first_bundled_icons(_ICONS)):
        els.append(
            {
                "type": "shape",
                "id": f"i{i}",
                "layer": "l",
                "kind": "icon",
                "box": {"x": i * 160 + 38, "y": _ROWS * 110 + 20, "w": 64, "h": 64},
                "text": icon.title,
                "style": {"fill": "none", "stroke": "none", "label_position": "bottom"},
                "props": {
                    "src": icon_src(icon.svg),
                    "library": icon.library,
                    "icon": icon.icon,
                },
            }
        )
    page = {
        "id": "p",
        "name": "Warm",
        "width": _COLS * 160 + 40,
        "height": _ROWS * 110 + 140,
        "layers": [{"id": "l", "name": "Layer"}],
        "elements": els,
    }
    return {"format": "linework", "version": 1, "pages": [page], "meta": {}}


def _open_once() -> float:
    """Open the throwaway diagram in a workspace of its own; return the ms it took."""
    global _data
    from linework.app.workspace import Workspace

    start = time.perf_counter()
    with phases.paused():
        if _data is None:
            _data = json.dumps(warm_document()).encode()
        replaced = Workspace().open_file("warm.linework", _data, _CANVAS)
        Wire().encode(document_reply(replaced))
    return (time.perf_counter() - start) * 1000.0


def _has_elements(session: Any) -> bool:
    """Return whether the session's diagram holds anything but pages and layers."""
    doc = session.document
    return doc is not None and any(
        isinstance(r, Shape | Connector | Group) for r in doc.records.values()
    )


def warm(session: Any, message: dict[str, Any]) -> Reply:
    """Import ahead of the first open; with ``"open": true`` also open once.

    The reply saying ``"warmed": true`` carries ``icons``: the SVG of a few
    library icons of every kind, for the page's icon worker to warm up on
    (web/icon-worker.js): drawing real icons exercises what made-up ones do
    not, and an open's first icons were drawn 2-3 times slower without.
    """
    global _warmed
    reply = workbench.warm(session, message)
    if message.get("open") is not True:
        return reply
    if not _warmed and _has_elements(session):
        # The user is at work on a diagram: throwaway opens would only delay
        # their edits (and clear caches an open shares, such as routes).
        _warmed = True
    if not _warmed:
        _runs.append(_open_once())
        early = sorted(_runs[1:4])
        limit = early[len(early) // 2] * _WARM_SHARE if early else 0.0
        _warmed = len(_runs) >= _MOST or (
            len(_runs) >= 6 and _runs[-1] < limit and _runs[-2] < limit
        )
    runs = [round(ms, 1) for ms in _runs]
    if not _warmed:
        return {**reply, "warmed": False, "runs": runs}
    icons = [icon.svg for icon in spread_bundled_icons(_RASTER_WARM_ICONS)]
    return {**reply, "warmed": True, "runs": runs, "icons": icons}
