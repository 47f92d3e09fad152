"""The one place replies become the JSON text the worker posts (protocol v2).

A reply is a mapping whose values are JSON or records with ``to_json()``
(``linework.editor.protocol``: ``UiState``, ``DocumentInfo``). ``ui`` crosses
as what changed: :class:`Wire` remembers the ``ui`` it sent last, per session,
and sends only the fields that differ (a pointer move while dragging usually
changes none); web/rpc.js merges them into the state it keeps. One-off notes
(``once``) cross beside it and are left out when empty.

Importing this module imports nothing of the editor, so the worker's start-up
stays light (docs/architecture.md §7).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

JsonObject = dict[str, Any]


def _plain(value: object) -> object:
    to_json = getattr(value, "to_json", None)
    return to_json() if callable(to_json) else value


class Wire:
    """Turns replies into JSON text, with ``ui`` as a diff; one per session.

    A record ``ui`` (``UiState``) is diffed against what was sent; a plain
    ``ui`` object (``embed-status``'s ``{dirty}``) is sent as it is and
    remembered too, so the next diff stays right. Values are compared, never
    mutated: a record's parts must not change after they were sent.
    """

    def __init__(self) -> None:
        self._sent: JsonObject = {}

    def reset(self) -> None:
        """Forget what was sent: the next reply carries the whole ``ui``."""
        self._sent = {}

    def encode(self, reply: Mapping[str, Any]) -> str:
        """Return the JSON text of ``reply`` with ``ui`` as a diff.

        What was sent is remembered only once the text exists: a reply that
        fails to encode never reaches the page, so it must not count as sent.
        """
        out: JsonObject = {}
        for key, value in reply.items():
            if key == "ui":
                out[key] = self._diff(value)
            elif key == "once" and not value:
                continue
            else:
                out[key] = _plain(value)
        text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
        if "ui" in out:
            self._sent.update(out["ui"])
        return text

    def _diff(self, value: object) -> JsonObject:
        if isinstance(value, Mapping):
            return dict(value)
        whole = _plain(value)
        if not isinstance(whole, dict):
            raise TypeError(f"ui must be a record or an object, not {type(value)}")
        sent = self._sent
        return {
            name: v for name, v in whole.items() if name not in sent or sent[name] != v
        }


def plain(reply: Mapping[str, Any]) -> JsonObject:
    """Return ``reply`` as JSON-able values with the whole ``ui`` (notes merged).

    What ``Api.dispatch`` gives native callers and tests: the same content as
    the wire after the page's merge.
    """
    out: JsonObject = {}
    once = reply.get("once") or {}
    for key, value in reply.items():
        if key == "once":
            continue
        if key == "ui":
            ui = _plain(value)
            out[key] = {**(ui if isinstance(ui, Mapping) else {}), **once}
        else:
            out[key] = _plain(value)
    return out
