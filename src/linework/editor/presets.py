"""Palette entries that add more than one shape: the BPMN pool and lane.

A BPMN pool is what the containers of the libraries issue already are: a
``swimlane`` whose header runs down its left side, holding lanes (``swimlane``
shapes with a left header, stacked and touching) that belong to it. The
palette's "Pool" entry adds that pool with two lanes in one undo step, so the
lane commands (add, remove, reorder, resize moves neighbours) work on it at
once; "Lane" adds one lane, which joins the pool it is dropped into.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from linework.commands import snap
from linework.commands._base import ZCounter
from linework.geometry import Box
from linework.model import (
    CONTAINER_KEY,
    DEFAULT_STYLE,
    Document,
    IdSource,
    Patch,
    Shape,
    Transaction,
    frozen_map,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor

#: The depth of a pool's and a lane's title band (draw.io's BPMN palette: 30).
BAND: Final = 30.0
_LANE_STYLE: Final = replace(DEFAULT_STYLE, fill="none", valign="middle")


@dataclass(frozen=True, slots=True)
class Preset:
    """A palette entry that is not a single kind."""

    name: str
    title: str
    library: str
    size: tuple[float, float]
    keywords: tuple[str, ...]
    lanes: int


POOL: Final = Preset(
    name="bpmn-pool",
    title="Pool",
    library="bpmn",
    size=(600.0, 300.0),
    keywords=("bpmn", "pool", "lane", "lanes", "swimlane", "participant"),
    lanes=2,
)
LANE: Final = Preset(
    name="bpmn-lane",
    title="Lane",
    library="bpmn",
    size=(570.0, 150.0),
    keywords=("bpmn", "lane", "swimlane", "role", "pool"),
    lanes=0,
)
#: Presets by the name the palette sends as ``kind``.
PRESETS: Final[Mapping[str, Preset]] = {p.name: p for p in (POOL, LANE)}


def band_props() -> dict[str, object]:
    """Return the props of a pool or lane: a left title band of ``BAND`` depth."""
    return {"header": BAND, "header_side": "left"}


def preset_shapes(
    preset: Preset, box: Box, *, ids: IdSource, page: str, layer: str, z: ZCounter
) -> list[Shape]:
    """Return the shapes of a preset laid out in ``box``, the root first."""
    root = Shape(
        id=ids.new("shape"),
        page=page,
        layer=layer,
        z=z.above(layer),
        kind="swimlane",
        box=box,
        style=_LANE_STYLE,
        text="Pool" if preset.lanes else "Lane",
        props=frozen_map(band_props()),
    )
    out = [root]
    n = preset.lanes
    for i in range(n):
        h = box.h / n
        out.append(
            Shape(
                id=ids.new("shape"),
                page=page,
                layer=layer,
                z=z.above(layer),
                kind="swimlane",
                box=Box(box.x + BAND, box.y + i * h, box.w - BAND, h),
                style=_LANE_STYLE,
                text=f"Lane {i + 1}",
                props=frozen_map(band_props()),
                extra=frozen_map({CONTAINER_KEY: root.id}),
            )
        )
    return out


def preset_patch(
    doc: Document,
    ids: IdSource,
    preset: Preset,
    box: Box,
    *,
    page: str,
    layer: str,
    grid: float | None = None,
) -> tuple[Patch, str]:
    """Return the patch adding a preset's shapes, and the id of its root."""
    box = Box(snap(box.x, grid), snap(box.y, grid), box.w, box.h)
    tx = Transaction(doc)
    shapes = preset_shapes(
        preset, box, ids=ids, page=page, layer=layer, z=ZCounter(doc, page)
    )
    for s in shapes:
        tx.put(s)
    return tx.patch(), shapes[0].id


def add_preset(ed: Editor, preset: Preset, box: Box) -> tuple[Patch, str]:
    """Return the patch adding ``preset`` in ``box`` on the editor's page and layer."""
    return preset_patch(
        ed.document,
        ed.ids,
        preset,
        box,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        grid=ed.grid,
    )
