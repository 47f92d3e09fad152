"""The ``.linework`` reader's checks across elements: parents, ends, containers.

Run once every element is read: a parent names a group of the same page,
an attached end a shape of the same page, and neither groups nor containers
form a cycle or nest too deep. An element's place (its path) is built only
for the error, from its record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linework.formats import limits
from linework.model import (
    CONTAINER_KEY,
    EMPTY,
    Attached,
    Connector,
    Element,
    Group,
    Page,
    Shape,
)


class Invalid(Exception):
    """A problem at a place of the file (the reader turns it into LW-E0102)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


def _path_of(pages: Mapping[str, Page], e: Element) -> str:
    """Return where an element was read: its page's and its own index are their z."""
    return f"pages[{pages[e.page].z}].elements[{e.z}]"


def check_references(records: Mapping[str, Any], elements: list[Element]) -> None:
    """Check that parents and attached shapes exist, and that groups are acyclic.

    ``records``: every record read (pages, layers, elements); ``elements``:
    the elements in the order they were read.
    """
    pages = {k: v for k, v in records.items() if type(v) is Page}
    for e in elements:
        if e.parent is not None:
            target = records.get(e.parent)
            if type(target) is not Group:
                raise Invalid(
                    f"{_path_of(pages, e)}.parent", f"names no group: {e.parent!r}"
                )
            if target.page != e.page:
                raise Invalid(
                    f"{_path_of(pages, e)}.parent", "names a group on another page"
                )
        if type(e) is Connector:
            for side, end in (("source", e.source), ("target", e.target)):
                if type(end) is Attached:
                    t = records.get(end.shape)
                    if type(t) is not Shape or t.page != e.page:
                        raise Invalid(
                            f"{_path_of(pages, e)}.{side}.shape",
                            f"names no shape on this page: {end.shape!r}",
                        )
    # Walk each parent chain iteratively with a depth cap: no recursion, no cycles.
    for e in elements:
        cur = e.parent
        if cur is None:
            continue
        seen = {e.id}
        depth = 0
        while cur is not None:
            depth += 1
            if cur in seen:
                raise Invalid(f"{_path_of(pages, e)}.parent", "groups form a cycle")
            if depth > limits.MAX_GROUP_DEPTH:
                raise Invalid(
                    f"{_path_of(pages, e)}.parent",
                    f"groups nest deeper than {limits.MAX_GROUP_DEPTH}",
                )
            seen.add(cur)
            cur = records[cur].parent
    _check_containers(records, elements, pages)


def _check_containers(
    records: Mapping[str, Any], elements: list[Element], pages: Mapping[str, Page]
) -> None:
    """Check memberships (1.1): a shape of the same page, nesting without cycles."""
    for e in elements:
        if e.extra is EMPTY:
            continue
        cid = e.extra.get(CONTAINER_KEY)
        if cid is None:
            continue
        where = f"{_path_of(pages, e)}.{CONTAINER_KEY}"
        target = records.get(cid) if isinstance(cid, str) else None
        if type(target) is not Shape:
            raise Invalid(where, f"names no shape: {cid!r}")
        if target.page != e.page:
            raise Invalid(where, "names a shape on another page")
        seen = {e.id}
        cur: Any = cid
        depth = 0
        while isinstance(cur, str):
            depth += 1
            if cur in seen:
                raise Invalid(where, "containers form a cycle")
            if depth > limits.MAX_GROUP_DEPTH:
                raise Invalid(
                    where, f"containers nest deeper than {limits.MAX_GROUP_DEPTH}"
                )
            seen.add(cur)
            nxt = records.get(cur)
            cur = (
                nxt.extra.get(CONTAINER_KEY)
                if type(nxt) is Shape or type(nxt) is Connector or type(nxt) is Group
                else None
            )
