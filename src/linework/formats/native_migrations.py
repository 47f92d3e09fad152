"""Migrations of ``.linework`` files within major version 1, on raw JSON.

They work on the JSON as read, not on the model, so they keep working after
the model changes. Each renames what an older minor version kept as an
unknown key and a newer one gives a meaning, so the old file means what it
meant (docs/file-format.md, "Versions and compatibility").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from linework.model import CONTAINER_KEY

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _map_elements(
    o: dict[str, Any], keys: frozenset[str], fix: Callable[[Any], Any]
) -> dict[str, Any]:
    """Return ``o`` with ``fix`` applied to every element (object) of a page that
    has one of ``keys``; the others are kept as they are (fix would copy them).

    Pages (and files) needing nothing are returned as they came: a C-level
    pass over the pages' elements says so (every file without a ``minor``
    takes these migrations).
    """
    pages = o.get("pages")
    if not isinstance(pages, list):
        return o
    new_pages: list[Any] = []
    for page in pages:
        elements = page.get("elements") if isinstance(page, dict) else None
        if not isinstance(elements, list) or _surely_without(elements, keys):
            new_pages.append(page)
            continue
        fixed = [
            fix(el) if isinstance(el, dict) and not keys.isdisjoint(el) else el
            for el in elements
        ]
        new_pages.append({**page, "elements": fixed})
    return {**o, "pages": new_pages}


def _surely_without(elements: list[Any], keys: frozenset[str]) -> bool:
    """Return True when no element of the list holds any of ``keys`` (False:
    not proven, as for an element that is no object)."""
    try:
        return all(map(keys.isdisjoint, elements))
    except TypeError:  # an element that is no object: rejected later, at its place
        return False


def _v1_0_to_1_1(o: dict[str, Any]) -> dict[str, Any]:
    """1.0 → 1.1: a ``container`` key in a 1.0 file was no membership.

    Version 1.0 kept unknown element keys as they were, so a ``container`` it
    carried came from elsewhere and must not start moving shapes about now: it
    is kept, renamed ``container_1_0``.
    """
    return _map_elements(o, frozenset({CONTAINER_KEY}), _no_container_1_0)


def _no_container_1_0(el: Any) -> Any:
    """Rename an element's ``container`` key ``container_1_0``."""
    if not isinstance(el, dict):
        return el
    return {("container_1_0" if k == CONTAINER_KEY else k): v for k, v in el.items()}


def _v1_1_to_1_2(o: dict[str, Any]) -> dict[str, Any]:
    """1.1 → 1.2: a ``rich`` key in an older file was no rich label.

    As for ``container`` in 1.0 → 1.1: it is kept, renamed ``rich_1_1``, so
    its text stays the plain ``text`` it was (a connector label's, which 1.1
    did not keep, is dropped).
    """
    return _map_elements(o, frozenset({"rich", "labels"}), _no_rich_1_1)


def _no_rich_1_1(el: Any) -> Any:
    """Rename an element's ``rich``; drop its labels' (1.1 dropped unknown keys)."""
    if not isinstance(el, dict):
        return el
    out = {("rich_1_1" if k == "rich" else k): v for k, v in el.items()}
    labels = out.get("labels")
    if isinstance(labels, list):
        out["labels"] = [
            {k: v for k, v in lb.items() if k != "rich"} if isinstance(lb, dict) else lb
            for lb in labels
        ]
    return out


# Key: the version a migration upgrades from (none yet between majors).
MIGRATIONS: Final[dict[int, Migration]] = {}
#: Within major version 1, by the minor version a migration upgrades from.
MINOR_MIGRATIONS: Final[dict[int, Migration]] = {
    0: _v1_0_to_1_1,
    1: _v1_1_to_1_2,
}
