"""Memberships for imports whose containers hold their shapes by position only.

Gliffy swimlanes (and draw.io lanes whose shapes were drawn over them rather
than inside them) hold what lies in them on screen, not in the file. After an
import has built its records, :func:`adopt_lying_inside` makes each top-level
shape or group lying wholly inside a container a member of the innermost one,
the rule the editor applies when the user drops a shape (commands.containers).
Boxes are compared unrotated: formats see only the model.
"""

from __future__ import annotations

from collections.abc import Collection, MutableMapping
from dataclasses import replace

from linework.geometry import Box
from linework.model import CONTAINER_KEY, Group, Record, Shape, frozen_map


def _unit_boxes(records: MutableMapping[str, Record]) -> dict[str, Box]:
    """Return the box of each top-level shape or group (union of its shapes)."""
    top: dict[str, str] = {}

    def root(rid: str) -> str:
        seen = [rid]
        rec = records.get(rid)
        while isinstance(rec, Shape | Group) and rec.parent and rec.parent not in seen:
            if rec.parent in top:
                out = top[rec.parent]
                break
            seen.append(rec.parent)
            rec = records.get(rec.parent)
        else:
            out = seen[-1]
        for r in seen:
            top[r] = out
        return out

    boxes: dict[str, Box] = {}
    for r in list(records.values()):
        if isinstance(r, Shape):
            u = root(r.id)
            boxes[u] = boxes[u].union(r.box) if u in boxes else r.box
    return boxes


def adopt_lying_inside(
    records: MutableMapping[str, Record], containers: Collection[str]
) -> None:
    """Give top-level units lying wholly inside a container their membership.

    Units that already belong somewhere keep it; a container never joins itself
    or one it holds (members are only made of units not yet in any container,
    innermost container first, so no cycle can form).
    """
    holders = [c for cid in containers if isinstance(c := records.get(cid), Shape)]
    if not holders:
        return
    boxes = _unit_boxes(records)
    owned: dict[str, list[str]] = {}
    for r in records.values():
        if isinstance(r, Shape | Group):
            for owner in (r.parent, r.extra.get(CONTAINER_KEY)):
                if isinstance(owner, str):
                    owned.setdefault(owner, []).append(r.id)
    for uid, box in boxes.items():
        rec = records.get(uid)
        if not isinstance(rec, Shape | Group) or rec.parent is not None:
            continue
        if CONTAINER_KEY in rec.extra:
            continue
        around = [
            c
            for c in holders
            if c.id != uid and c.page == rec.page and c.box.holds(box)
        ]
        if not around:
            continue
        inside = _carried_by(owned, uid)
        around = [c for c in around if c.id not in inside]
        if around:
            best = min(around, key=lambda c: c.box.w * c.box.h)
            records[uid] = replace(
                rec, extra=frozen_map({**rec.extra, CONTAINER_KEY: best.id})
            )
            owned.setdefault(best.id, []).append(uid)


def _carried_by(owned: dict[str, list[str]], uid: str) -> set[str]:
    """Return what ``uid`` carries: its group's members and its members, deep."""
    out: set[str] = set()
    todo = [uid]
    while todo:
        cur = todo.pop()
        if cur not in out:
            out.add(cur)
            todo.extend(owned.get(cur, ()))
    return out
