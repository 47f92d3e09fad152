"""What a fresh shape of a kind starts with: text, props and style fields.

A UML class dropped from the palette should already read as a class: a name,
an attribute and an operation, a bold title; a BPMN event carries its label
below, a C4 container is blue with white text, a form control's caption reads
from the left. Each kind says so itself (``KindBase.default_text``,
``default_props``, ``default_style``: rows of ``kinds.json``), so ``add_shape``,
the ``add-shape`` action and the palette's previews all read the one source.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy
from dataclasses import fields, replace
from typing import Any, Final

from linework.model import DEFAULT_STYLE, Style
from linework.shapes.kind import KindBase, frozen
from linework.shapes.registry import KINDS

_NONE: Final[Mapping[str, Any]] = frozen()
_FIELDS: Final = frozenset(f.name for f in fields(Style))


def kind_defaults(kind: object) -> tuple[str, Mapping[str, Any], Mapping[str, Any]]:
    """Return ``(text, props, style overrides)`` a new shape of ``kind`` starts with."""
    if isinstance(kind, KindBase):
        # Rows are lists: each new shape gets its own copy.
        return (
            kind.default_text,
            frozen(deepcopy(dict(kind.default_props))),
            kind.default_style,
        )
    return "", _NONE, _NONE


def initial_style(kind: str, base: Style = DEFAULT_STYLE) -> Style:
    """Return ``base`` with the kind's starting style fields over it.

    >>> initial_style("bpmn-start-event").label_position
    'bottom'
    >>> initial_style("rectangle") is DEFAULT_STYLE
    True
    """
    extra = kind_defaults(KINDS.get(kind))[2]
    if not extra:
        return base
    return replace(base, **{k: v for k, v in extra.items() if k in _FIELDS})


def initial_props(kind: str) -> dict[str, Any]:
    """Return the props a new shape of ``kind`` starts with (a fresh dict).

    >>> initial_props("c4-system-boundary")
    {'container': True}
    """
    return dict(kind_defaults(KINDS.get(kind))[1])
