"""The page's one keydown router (web/keys.js) and the records it routes by.

An action the page carries out itself (``Spec.page``) has its keys run by the
handler a page module registers under its name; a record marked so without a
handler would send its keys to the core, which only answers ``request``, so
each one needs a handler. Only web/keys.js listens to ``keydown`` on window
(issue 15, item 2).
"""

from __future__ import annotations

import re
from pathlib import Path

from linework.editor import REGISTRY, Editor
from linework.editor.protocol import Key, Mods

ROOT = Path(__file__).resolve().parents[3]
WEB = ROOT / "web"
#: onAction("name", …) as a page module registers a handler.
_ON_ACTION = re.compile(r"""\bonAction\(\s*["']([a-z0-9-]+)["']""")


def _sources() -> dict[str, str]:
    """Return the page's own modules (web/, not node_modules) by relative path."""
    return {
        p.relative_to(WEB).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(WEB.rglob("*.js"))
        if "node_modules" not in p.parts
    }


def _page_actions() -> set[str]:
    return {s.name for s in REGISTRY.specs if s.page}


def test_every_browser_handled_action_has_a_page_handler() -> None:
    """Each ``page`` record's name is registered with onAction by a page module,
    and onAction names nothing else (the router would throw at start)."""
    registered: dict[str, list[str]] = {}
    for path, text in _sources().items():
        for name in _ON_ACTION.findall(text):
            registered.setdefault(name, []).append(path)
    page = _page_actions()
    missing = sorted(n for n in page if n not in registered)
    assert [] == missing, "browser-handled actions without a page handler"
    assert set(registered) <= page, sorted(set(registered) - page)
    # The ones the page runs by key today, each in the module that owns it.
    for name in ("save", "save-as", "save-sealed", "export-svg", "export-png"):
        assert registered[name] == ["files.js"], name
    assert registered["open"] == ["input.js"]
    assert registered["help"] == ["editor/app.js"]
    assert {"zoom-in", "zoom-out", "zoom-fit"} <= set(registered)


def test_the_page_gets_the_browser_handled_names() -> None:
    """first-paint.js's ``actions.page``: the set the router trusts."""
    data = REGISTRY.page_data()
    assert sorted(_page_actions()) == data["page"]
    by_key = {"open", "save", "save-as", "zoom-in", "zoom-out", "zoom-fit", "help"}
    assert by_key <= set(data["page"])
    assert "undo" not in data["page"] and "new" not in data["page"]


def test_mod_0_is_zoom_fit_in_the_records_and_stays_out_of_tooltips() -> None:
    """Ctrl+0 fits (as browsers do); the tooltip keeps Ctrl+Shift+H."""
    press = Key("0", "Digit0", Mods(ctrl=True))
    assert ("zoom-fit", {}) == REGISTRY.key(Editor(), press)
    assert "Mod+Shift+H" == REGISTRY["zoom-fit"].shortcut


def test_one_keydown_listener_on_window() -> None:
    """web/keys.js alone listens to keydown on window: its router, and the
    viewer's read-only lock (lockKeys), which runs no action. No Ctrl+S
    de-duplication timer is left in web/files.js."""
    where = {
        path: len(re.findall(r"""window\.addEventListener\(\s*["']keydown["']""", text))
        for path, text in _sources().items()
    }
    assert {"keys.js": 2} == {p: n for p, n in where.items() if n}
    files = _sources()["files.js"]
    assert "ECHO_MS" not in files and "lastAction" not in files
