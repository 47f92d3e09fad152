"""Per-kind data changes: set or clear ``props`` keys on shapes (one patch).

Used by the mockup actions (dark or light theme, checked or not); locked
shapes are left alone, as every command does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from linework.commands._base import is_locked, shape
from linework.model import Document, Patch, Transaction, frozen_map


def set_props(doc: Document, ids: Iterable[str], updates: Mapping[str, Any]) -> Patch:
    """Return the patch setting ``updates`` in each shape's props (None: delete)."""
    tx = Transaction(doc)
    for rid in ids:
        s = shape(doc, rid)
        if s is None or is_locked(doc, s):
            continue
        props = dict(s.props)
        for k, v in updates.items():
            if v is None:
                props.pop(k, None)
            else:
                props[k] = v
        if props != dict(s.props):
            tx.put(replace(s, props=frozen_map(props)))
    return tx.patch()
