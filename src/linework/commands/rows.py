"""Rows of a class or table: add one, edit one, remove one (each one undo step).

Rows are plain data in the shape's props (``linework.shapes.rows``). Adding a
row grows the box to what its rows need, and connectors attached to a row
further down keep their row: their ``row<i>`` ports shift with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from linework.commands._base import CommandError, is_locked, shape
from linework.commands.edit import MAX_TEXT
from linework.geometry import Box
from linework.model import (
    Attached,
    Document,
    End,
    Patch,
    Shape,
    Transaction,
    frozen_map,
)
from linework.shapes import KINDS, ShapeKind, kind_of
from linework.shapes import rows as R
from linework.shapes.uml import CompartmentKind


def _rowed(
    doc: Document, rid: str, kinds: Mapping[str, ShapeKind]
) -> tuple[Shape, CompartmentKind] | None:
    el = shape(doc, rid)
    if el is None:
        raise CommandError(f"no shape {rid!r}")
    kind = kind_of(el.kind, kinds)
    if not isinstance(kind, CompartmentKind):
        raise CommandError(f"shape {rid!r} ({el.kind}) has no rows")
    if is_locked(doc, el):
        return None
    return el, kind


def _row_text(text: str) -> str:
    """Return ``text`` as a row's one line.

    Raises:
        CommandError: if the text is too long.
    """
    if len(text) > MAX_TEXT:
        raise CommandError(f"text must be at most {MAX_TEXT} characters")
    return " ".join(text.splitlines())


def _shift_end(end: End, rid: str, start: int, by: int) -> End:
    if not isinstance(end, Attached) or end.shape != rid or end.port is None:
        return end
    m = R.ROW_PORT.fullmatch(end.port)
    if m is None or int(m.group(1)) < start:
        return end
    return replace(end, port=f"row{int(m.group(1)) + by}-{m.group(2)}")


def _shift_ports(tx: Transaction, doc: Document, rid: str, start: int, by: int) -> None:
    for c in doc.connectors_of(rid):
        src = _shift_end(c.source, rid, start, by)
        dst = _shift_end(c.target, rid, start, by)
        if src is not c.source or dst is not c.target:
            tx.put(replace(c, source=src, target=dst))


def add_row(
    doc: Document,
    rid: str,
    *,
    compartment: int | None = None,
    text: str = "",
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> Patch:
    """Append a row to a compartment (default: the last) and grow the box to fit.

    Raises:
        CommandError: if ``rid`` has no rows, the compartment does not exist or
            the shape already has the most rows a shape keeps.
    """
    found = _rowed(doc, rid, kinds)
    if found is None:
        return Patch()
    el, kind = found
    text = _row_text(text)
    rows = R.rows_of(el)
    if len(rows) >= R.MAX_ROWS:
        raise CommandError(f"a shape keeps at most {R.MAX_ROWS} rows")
    counts = R.compartments_of(el, kind.compartments)
    c = len(counts) - 1 if compartment is None else compartment
    if not 0 <= c < len(counts):
        raise CommandError(f"shape {rid!r} has no compartment {compartment}")
    at = sum(counts[: c + 1])
    rows.insert(at, text)
    counts[c] += 1
    grown = replace(el, props=frozen_map(R.with_rows(el.props, rows, counts)))
    need = kind.needed_height(grown)
    if need > el.box.h:
        b = el.box
        grown = replace(grown, box=Box(b.x, b.y, b.w, need))
    tx = Transaction(doc)
    tx.put(grown)
    _shift_ports(tx, doc, rid, at, 1)
    return tx.patch()


def set_row(
    doc: Document,
    rid: str,
    index: int,
    text: str,
    *,
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> Patch:
    """Set row ``index``'s text (data, escaped when drawn).

    Raises:
        CommandError: if there is no such row or the text is too long.
    """
    found = _rowed(doc, rid, kinds)
    if found is None:
        return Patch()
    el, kind = found
    text = _row_text(text)
    rows = R.rows_of(el)
    if not 0 <= index < len(rows):
        raise CommandError(f"shape {rid!r} has no row {index}")
    if rows[index] == text:
        return Patch()
    rows[index] = text
    counts = R.compartments_of(el, kind.compartments)
    tx = Transaction(doc)
    tx.put(replace(el, props=frozen_map(R.with_rows(el.props, rows, counts))))
    return tx.patch()


def remove_row(
    doc: Document,
    rid: str,
    index: int,
    *,
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> Patch:
    """Remove row ``index``; the box keeps its size (the user may shrink it).

    Connectors on the removed row float on the shape; those further down keep
    their rows.

    Raises:
        CommandError: if there is no such row.
    """
    found = _rowed(doc, rid, kinds)
    if found is None:
        return Patch()
    el, kind = found
    rows = R.rows_of(el)
    if not 0 <= index < len(rows):
        raise CommandError(f"shape {rid!r} has no row {index}")
    counts = R.compartments_of(el, kind.compartments)
    total = 0
    for i, k in enumerate(counts):
        if index < total + k:
            counts[i] -= 1
            break
        total += k
    del rows[index]
    tx = Transaction(doc)
    tx.put(replace(el, props=frozen_map(R.with_rows(el.props, rows, counts))))
    for c in doc.connectors_of(rid):
        src = _unrow(c.source, rid, index)
        dst = _unrow(c.target, rid, index)
        if src is not c.source or dst is not c.target:
            tx.put(replace(c, source=src, target=dst))
    return tx.patch()


def _unrow(end: End, rid: str, index: int) -> End:
    """Return an end after row ``index`` went: floating if on it, one up if below."""
    if not isinstance(end, Attached) or end.shape != rid or end.port is None:
        return end
    m = R.ROW_PORT.fullmatch(end.port)
    if m is None or int(m.group(1)) < index:
        return end
    if int(m.group(1)) == index:
        return replace(end, port=None)
    return replace(end, port=f"row{int(m.group(1)) - 1}-{m.group(2)}")
