"""Kinds that say what a fresh shape of theirs starts with.

A UML class dropped from the palette should already read as a class: a name,
an attribute and an operation, a bold title. ``add_shape`` and the palette's
preview ask :func:`kind_defaults`, so kinds without such data are unaffected.

Diagram notations whose kinds are shared or plain boxes keep their starting
style and props in tables instead (a BPMN event carries its label below, a C4
container is blue with white text): :func:`initial_style` and
:func:`initial_props` join those tables, so the editor asks one module.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, Final

from linework.geometry import Vec
from linework.model import DEFAULT_STYLE, Shape, Style
from linework.shapes.bpmn import BPMN_STYLES
from linework.shapes.c4 import C4_PROPS, C4_STYLES
from linework.shapes.kind import KindBase, rect_ports

_NONE: Final[Mapping[str, Any]] = MappingProxyType({})


def frozen(d: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """Return a read-only copy of ``d``."""
    return MappingProxyType(dict(d)) if d else _NONE


@dataclass(frozen=True, slots=True, kw_only=True)
class DefaultsKind(KindBase):
    """A kind with the text, props and style overrides a new shape starts with."""

    default_text: str = ""
    default_props: Mapping[str, Any] = field(default_factory=frozen)
    #: Style fields to override on the default style (``label_position`` …).
    default_style: Mapping[str, Any] = field(default_factory=frozen)


class BoxOutline:
    """Mix-in: the silhouette is the box, ports at edge midpoints and corners."""

    __slots__ = ()

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the box corners."""
        return shape.box.corners()

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return edge midpoints and corners."""
        return rect_ports(shape.box)


def kind_defaults(kind: object) -> tuple[str, Mapping[str, Any], Mapping[str, Any]]:
    """Return ``(text, props, style overrides)`` a new shape of ``kind`` starts with."""
    if isinstance(kind, DefaultsKind):
        # Rows are lists: each new shape gets its own copy.
        return (
            kind.default_text,
            frozen(deepcopy(dict(kind.default_props))),
            kind.default_style,
        )
    return "", _NONE, _NONE


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
