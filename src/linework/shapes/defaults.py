"""What a kind's shape starts with when added from the palette: style and props.

Most kinds start from the default style and no props. Diagram notations do
not: a BPMN event carries its label below, a C4 container is blue with white
text, a C4 boundary is a dashed container. The tables live with each family;
this module only joins them, so the editor asks one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from types import MappingProxyType
from typing import Any, Final

from linework.model import DEFAULT_STYLE, Style
from linework.shapes.bpmn import BPMN_STYLES
from linework.shapes.c4 import C4_PROPS, C4_STYLES

_STYLES: Final[Mapping[str, Mapping[str, object]]] = MappingProxyType(
    {**BPMN_STYLES, **C4_STYLES}
)
_PROPS: Final[Mapping[str, Mapping[str, object]]] = MappingProxyType({**C4_PROPS})
_FIELDS: Final = frozenset(f.name for f in fields(Style))


def initial_style(kind: str, base: Style = DEFAULT_STYLE) -> Style:
    """Return ``base`` with the kind's starting style fields over it.

    >>> initial_style("bpmn-start-event").label_position
    'bottom'
    >>> initial_style("rectangle") is DEFAULT_STYLE
    True
    """
    extra = _STYLES.get(kind)
    if not extra:
        return base
    return replace(base, **{k: v for k, v in extra.items() if k in _FIELDS})  # type: ignore[arg-type]


def initial_props(kind: str) -> dict[str, Any]:
    """Return the props a new shape of ``kind`` starts with (a fresh dict).

    >>> initial_props("c4-system-boundary")
    {'container': True}
    """
    return dict(_PROPS.get(kind, {}))
