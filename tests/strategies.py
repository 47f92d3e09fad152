"""Hypothesis strategies that build valid documents, for property tests."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from linework.geometry import Box, Vec
from linework.model import (
    ARROWHEADS,
    CONTAINER_KEY,
    DEFAULT_STYLE,
    LABEL_POSITIONS,
    ROUTINGS,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    Free,
    Group,
    IdSource,
    Shape,
    Transaction,
    frozen_map,
)

KINDS = ("rectangle", "ellipse", "diamond", "cylinder", "process", "decision", "text")
coords = st.floats(min_value=-5000, max_value=5000, allow_nan=False).map(
    lambda v: round(v, 3)
)
sizes = st.floats(min_value=1, max_value=800, allow_nan=False).map(
    lambda v: round(v, 3)
)
texts = st.text(max_size=40)
colours = st.sampled_from(["#ffffff", "#000000", "#ff8800", "#1f2933", "none"])


@st.composite
def styles(draw: st.DrawFn):  # type: ignore[no-untyped-def]
    """A style with a few fields changed from the default."""
    return replace(
        DEFAULT_STYLE,
        fill=draw(colours),
        stroke=draw(colours),
        stroke_width=draw(st.sampled_from([0.5, 1.0, 1.5, 3.0])),
        bold=draw(st.booleans()),
        italic=draw(st.booleans()),
        align=draw(st.sampled_from(["left", "center", "right"])),
        end_arrow=draw(st.sampled_from(ARROWHEADS)),
        label_position=draw(st.sampled_from(LABEL_POSITIONS)),
        wrap=draw(st.booleans()),
        text_padding_left=draw(st.none() | st.sampled_from([0.0, 12.0, 60.0])),
        text_padding_top=draw(st.none() | st.sampled_from([0.0, 4.5])),
    )


@st.composite
def documents(draw: st.DrawFn, max_shapes: int = 8):  # type: ignore[no-untyped-def]
    """A one-page document with shapes, connectors between them, and maybe a group."""
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    tx = Transaction(doc)
    n = draw(st.integers(min_value=0, max_value=max_shapes))
    shape_ids = []
    group_id = ids.new("group") if n >= 2 and draw(st.booleans()) else None
    if group_id:
        tx.put(Group(id=group_id, page=page.id, layer=layer.id, z=0))
    for i in range(n):
        sid = ids.new("shape")
        shape_ids.append(sid)
        tx.put(
            Shape(
                id=sid,
                page=page.id,
                layer=layer.id,
                z=i + 1,
                kind=draw(st.sampled_from(KINDS)),
                box=Box(draw(coords), draw(coords), draw(sizes), draw(sizes)),
                rotation_deg=draw(st.sampled_from([0.0, 0.0, 90.0, 30.0])),
                style=draw(styles()),
                text=draw(texts),
                parent=group_id if group_id and i < 2 else None,
                # Format 1.1: maybe a member of an earlier shape (never a cycle).
                extra=frozen_map(
                    {CONTAINER_KEY: draw(st.sampled_from(shape_ids[:-1]))}
                    if i > 0 and draw(st.booleans())
                    else None
                ),
            )
        )
    for j in range(draw(st.integers(min_value=0, max_value=n))):
        ends: list[Attached | Free] = []
        for _ in range(2):
            if bool(shape_ids) and draw(st.booleans()):
                ends.append(
                    Attached(
                        shape=draw(st.sampled_from(shape_ids)),
                        port=draw(st.sampled_from([None, "n", "e", "s", "w"])),
                    )
                )
            else:
                ends.append(Free(point=Vec(draw(coords), draw(coords))))
        tx.put(
            Connector(
                id=ids.new("conn"),
                page=page.id,
                layer=layer.id,
                z=n + j + 1,
                source=ends[0],
                target=ends[1],
                routing=draw(st.sampled_from(ROUTINGS)),
                waypoints=tuple(
                    Vec(draw(coords), draw(coords))
                    for _ in range(draw(st.integers(0, 2)))
                ),
                style=draw(styles()),
                labels=tuple(
                    ConnectorLabel(text=t, position=0.5)
                    for t in draw(st.lists(texts.filter(bool), max_size=1))
                ),
            )
        )
    return doc.apply(tx.patch())
