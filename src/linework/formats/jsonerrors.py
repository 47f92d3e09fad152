"""One sentence for a JSON syntax error, with its line and column.

Python's ``JSONDecodeError.msg`` is a fragment: some messages end in "at" and
expect the position after them ("Unterminated string starting at").
"""

from __future__ import annotations

import json
from typing import Any


def json_problem(exc: json.JSONDecodeError) -> str:
    """Return where and what the syntax error is, as one sentence.

    >>> try:
    ...     json.loads('{"a": "b')
    ... except json.JSONDecodeError as e:
    ...     json_problem(e)
    'Unterminated string starting at line 1, column 7.'
    >>> try:
    ...     json.loads('{"a" 1}')
    ... except json.JSONDecodeError as e:
    ...     json_problem(e)
    "Line 1, column 6: Expecting ':' delimiter."
    """
    where = f"line {exc.lineno}, column {exc.colno}"
    if exc.msg.endswith(" at"):
        return f"{exc.msg} {where}."
    return f"{where[:1].upper()}{where[1:]}: {exc.msg}."


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Refuse an object with a key twice (``object_pairs_hook``): which counts?

    ``json.loads`` keeps the last, so a file whose second ``"elements"`` was
    empty opened silently empty; Excalidraw itself never writes duplicates.
    """
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"The key {key[:40]!r} appears twice in one object.")
            seen.add(key)
    return obj
