"""The built-in kinds as data: one row of ``kinds.json`` a kind, its look a class.

Palette facts (name, title, size, search words) and what a new shape starts
with are data, read here; how a kind draws stays code, a ``ShapeKind`` class
in its library's module. A row names its class as ``"module.Class"``
(``"uml.DotKind"``) and gives that class's constructor arguments; the file
groups rows by palette library, in palette order. A new kind that draws like
an existing one is one row; a new look is a class plus its rows.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, TypeVar

from linework.shapes.kind import KindBase

K = TypeVar("K", bound=KindBase)

#: Constructor arguments kept as read-only mappings (a new shape copies them).
_MAPPINGS: Final = frozenset({"default_props", "default_style"})


def _tuples(value: Any) -> Any:
    """Return ``value`` with JSON lists turned into (nested) tuples."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


@cache
def rows() -> tuple[tuple[str, dict[str, Any]], ...]:
    """Return ``(class, constructor arguments)`` per row, in palette order."""
    text = resources.files(__package__).joinpath("kinds.json").read_text("utf-8")
    out: list[tuple[str, dict[str, Any]]] = []
    for library, entries in json.loads(text).items():
        for entry in entries:
            args = dict(entry)
            draw = args.pop("draw")
            for key, value in args.items():
                args[key] = (
                    MappingProxyType(value) if key in _MAPPINGS else _tuples(value)
                )
            out.append((draw, {"library": library, **args}))
    return tuple(out)


def _key(cls: type[KindBase]) -> str:
    return f"{cls.__module__.rpartition('.')[2]}.{cls.__name__}"


#: Kinds built so far, by row: each row is built once, whoever asks first.
_BUILT: Final[dict[int, KindBase]] = {}


def table_kinds(*classes: type[K], library: str | None = None) -> tuple[K, ...]:
    """Return the kinds of the rows drawn by ``classes``, in palette order.

    ``library``: only that palette section's rows (a class several share).
    """
    by_key = {_key(c): c for c in classes}
    out: list[K] = []
    for i, (draw, args) in enumerate(rows()):
        cls = by_key.get(draw)
        if cls is None or library not in (None, args["library"]):
            continue
        built = _BUILT.get(i)
        if built is None:
            built = _BUILT[i] = cls(**args)
        out.append(built)  # type: ignore[arg-type]  # built by cls
    return tuple(out)


def table_kind(cls: type[K], name: str) -> K:
    """Return the one kind called ``name`` drawn by ``cls``."""
    for kind in table_kinds(cls):
        if kind.name == name:
            return kind
    raise KeyError(name)


def in_palette_order(*groups: tuple[KindBase, ...]) -> tuple[KindBase, ...]:
    """Return the kinds of ``groups`` in table order, checking every row is there.

    Raises:
        LookupError: a row names a class no group was built from (a typo).
    """
    given = {id(k) for group in groups for k in group}
    missing = [
        rows()[i][0] for i in range(len(rows())) if id(_BUILT.get(i)) not in given
    ]
    if missing:
        raise LookupError(f"kinds.json rows with no class: {sorted(set(missing))}")
    return tuple(_BUILT[i] for i in range(len(rows())))
