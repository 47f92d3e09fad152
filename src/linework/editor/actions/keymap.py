"""The key map, made from the actions' shortcuts: a key press → action and arguments.

"Mod" (Primary) is Ctrl, or Cmd on macOS (either is accepted everywhere). A
letter matches by ``key`` first and then, for other keyboard layouts, by
``code`` (Ctrl+Я on a Russian layout is Ctrl+Z); bracket keys match by
``code`` only, so they work on every layout. The same rules run in the page
(``findKey`` in web/editor/actions.js, which web/keys.js routes by) over
:meth:`KeyMap.page_data`, so both ends agree on which key is whose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from linework.editor.actions._spec import Shortcut, Spec
from linework.editor.protocol import Key

_CODES = {"[": "BracketLeft", "]": "BracketRight"}


@dataclass(frozen=True, slots=True)
class Binding:
    """One shortcut as a matching rule.

    ``shift`` and ``alt`` are None when either state matches; ``key`` is
    compared lower-cased for one character, exactly for a named key.
    """

    action: str
    keys: str
    args: Mapping[str, Any]
    primary: bool
    shift: bool | None
    alt: bool | None
    key: str | None
    code: str | None

    def mods_match(self, key: Key) -> bool:
        """Return whether the modifiers held fit this rule."""
        m = key.mods
        return (
            m.primary == self.primary
            and (self.shift is None or m.shift == self.shift)
            and (self.alt is None or m.alt == self.alt)
        )

    def page_data(self) -> dict[str, Any]:
        """Return the rule as the page's key router reads it."""
        return {
            "action": self.action,
            "keys": self.keys,
            "args": dict(self.args),
            "primary": self.primary,
            "shift": self.shift,
            "alt": self.alt,
            "key": self.key,
            "code": self.code,
        }


def parse(action: str, shortcut: Shortcut) -> Binding:
    """Return the matching rule a shortcut's ``keys`` text stands for.

    Raises:
        ValueError: for a modifier that is not Mod, Alt or Shift.
    """
    text = shortcut.keys
    if text.endswith("++"):
        head, name = text[:-2], "+"
    elif text == "+":
        head, name = "", "+"
    else:
        head, _, name = text.rpartition("+")
    mods = set(head.split("+")) if head else set()
    if not mods <= {"Mod", "Alt", "Shift"}:
        raise ValueError(f"unknown modifier in {text!r}")
    key: str | None = name
    code: str | None = None
    if name in _CODES:
        key, code = None, _CODES[name]
    elif len(name) == 1 and name.isalpha():
        key, code = name.lower(), f"Key{name.upper()}"
    elif len(name) == 1:
        key = name.lower()
    return Binding(
        action=action,
        keys=text,
        args=shortcut.args,
        primary="Mod" in mods,
        shift=None if "shift" in shortcut.loose else "Shift" in mods,
        alt=None if "alt" in shortcut.loose else "Alt" in mods,
        key=key,
        code=code,
    )


class KeyMap:
    """Every action's shortcuts as rules, looked up by key and then by code."""

    def __init__(self, specs: Iterable[Spec]) -> None:
        self.bindings = tuple(parse(s.name, k) for s in specs for k in s.shortcuts)
        seen: dict[tuple[object, ...], str] = {}
        for b in self.bindings:
            sig = (b.key, b.code, b.primary, b.shift, b.alt)
            if sig in seen:
                raise ValueError(f"{b.keys!r} is bound twice ({seen[sig]}, {b.action})")
            seen[sig] = b.action

    def find(self, key: Key) -> Binding | None:
        """Return the rule a key press matches, or None for keys we ignore.

        A key matched by ``code`` only (the brackets) owns its position: with
        the same Mod and Alt, that position means it whatever character it
        types. Otherwise rules match by ``key``, then by ``code``.
        """
        m = key.mods
        owned = [
            b
            for b in self.bindings
            if b.key is None
            and b.code == key.code
            and b.primary == m.primary
            and (b.alt is None or b.alt == m.alt)
        ]
        if owned:
            return next((b for b in owned if b.mods_match(key)), None)
        low = key.key.lower() if len(key.key) == 1 else key.key
        for b in self.bindings:
            if b.key is not None and b.key == low and b.mods_match(key):
                return b
        for b in self.bindings:
            if b.code is not None and b.code == key.code and b.mods_match(key):
                return b
        return None

    def page_data(self) -> list[dict[str, Any]]:
        """Return the rules for the page's key router, in lookup order."""
        return [b.page_data() for b in self.bindings]
