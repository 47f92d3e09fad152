"""Inserting pictures (``insert-picture``: data, x?, y?, view?) and the drop highlight
of a palette drag (``drop-preview``: kind?, x?, y?).

The browser hands over the file's bytes (base64) from the picture button, a
file dropped on the canvas or an image pasted from the clipboard; the core
sniffs, measures and (for SVG) sanitizes them, then adds one image shape at its
natural size (scaled down to fit ``pictures.MAX_INSERT_SIDE``), centred on
``x``, ``y`` (page units) or beside the selection. One undo step.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from linework.commands import CommandError
from linework.commands.containers import drop_candidates, drop_target, joined
from linework.editor import placement
from linework.editor.presets import PRESETS
from linework.errors import LineworkError
from linework.formats import pictures
from linework.geometry import Box, Vec
from linework.shapes import kind_of

if TYPE_CHECKING:
    from linework.editor.editor import Editor


def _data(args: Mapping[str, Any]) -> bytes:
    raw = args.get("data")
    if not isinstance(raw, str):
        raise CommandError("argument 'data' must be base64 text")
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise LineworkError("LW-E0208", "The data is not base64.") from None


def drop_preview(ed: Editor, args: Mapping[str, Any]) -> None:
    """Highlight the container a palette shape would join if dropped here.

    ``drop-preview`` (kind, x, y) while a palette entry is dragged over the
    canvas; without ``kind`` (the drag ended or left) the highlight goes.
    Changes nothing in the document.
    """
    kind, x, y = args.get("kind"), args.get("x"), args.get("y")
    target = None
    if (
        isinstance(kind, str)
        and isinstance(x, int | float)
        and isinstance(y, int | float)
    ):
        preset = PRESETS.get(kind)  # a BPMN pool is dragged at its own size
        w, h = preset.size if preset else kind_of(kind, ed.kinds).default_size
        box = Box(float(x) - w / 2, float(y) - h / 2, w, h)
        doc = ed.document
        target = drop_target(doc, drop_candidates(doc, ed.session.page_id, set()), box)
    ed.extras.drop_into = target.id if target is not None else None


def insert_picture(ed: Editor, args: Mapping[str, Any]) -> None:
    """Add the picture in ``args["data"]`` as an image shape and select it.

    Raises:
        LineworkError: LW-E0207 (too large), LW-E0208 (not a picture),
            LW-E0209 (unreadable SVG); the document is then unchanged.
    """
    pic = pictures.picture(_data(args))
    w, h = pictures.fitted_size(pic)
    x, y = args.get("x"), args.get("y")
    if isinstance(x, int | float) and isinstance(y, int | float):
        center = Vec(float(x), float(y))
    else:
        center = placement.place(ed, (w, h), placement.view_arg(args))
    box = Box(center.x - w / 2, center.y - h / 2, w, h)
    patch = placement.new_shape(ed, "image", box, props={"src": pic.src})
    added = list(patch.added)
    ed.apply(joined(ed.document, patch, added), "Insert picture")
    ed.select(added)
    placement.reveal(ed, added)
