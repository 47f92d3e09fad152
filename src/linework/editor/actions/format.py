"""Format actions: style, geometry, rotation, link and nudging from the panel or keys.

- ``set-style`` (fields, ids?): set style fields on the selection (or ids);
  with nothing selected, arrowheads, stroke and dash become the style of new
  connectors
- ``set-box`` (id?, x?, y?, w?, h?): position and size of one shape
- ``set-rotation`` (deg): rotate selected shapes to an angle
- ``set-link`` (id?, url): a shape's hyperlink
- ``nudge`` (dx, dy, grid?): move the selection; with ``grid`` dx and dy
  count grid steps (10 px when snapping is off): the arrow keys, with Shift
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from linework import commands as cmd
from linework.commands import CommandError
from linework.editor.actions._args import _bool, _do, _ids, _num, _sel, _str
from linework.editor.actions._spec import Args, Shortcut, Spec
from linework.editor.editor import Editor
from linework.geometry import Box, Vec
from linework.model import Shape


def _set_style(ed: Editor, args: Args) -> None:
    fields = args.get("fields")
    if not isinstance(fields, Mapping):
        raise CommandError("argument 'fields' must be an object")
    ids = _ids(args) if "ids" in args else list(_sel(ed))
    _do(ed, cmd.set_style(ed.document, ids, fields), "Style")
    if not ids:
        # With nothing selected the panel sets the style of new connectors.
        conn_fields = {
            k: v
            for k, v in fields.items()
            if k in ("start_arrow", "end_arrow", "stroke", "stroke_width", "dash")
        }
        ed.connector_style = replace(
            ed.connector_style,
            **{k: cmd.style_value(k, v) for k, v in conn_fields.items()},
        )


def _set_box(ed: Editor, args: Args) -> None:
    rid = _str(args, "id", _sel(ed)[0] if len(_sel(ed)) == 1 else "")
    s = ed.document.get(rid)
    if not isinstance(s, Shape):
        raise CommandError("set-box needs one shape")
    b = s.box
    nb = Box(
        _num(args, "x", b.x),
        _num(args, "y", b.y),
        max(_num(args, "w", b.w), 1.0),
        max(_num(args, "h", b.h), 1.0),
    )
    if (nb.w, nb.h) == (b.w, b.h):
        patch = cmd.move_elements(ed.document, [rid], Vec(nb.x - b.x, nb.y - b.y))
    else:
        patch = cmd.scale_elements(ed.document, [rid], b, nb)
    _do(ed, patch, "Geometry")


def _set_rotation(ed: Editor, args: Args) -> None:
    _do(ed, cmd.set_rotation(ed.document, _sel(ed), _num(args, "deg")), "Rotate")


def _set_link(ed: Editor, args: Args) -> None:
    rid = _str(args, "id", _sel(ed)[0] if len(_sel(ed)) == 1 else "")
    _do(ed, cmd.set_link(ed.document, rid, _str(args, "url")), "Link")


def _nudge(ed: Editor, args: Args) -> None:
    d = Vec(_num(args, "dx", 0.0), _num(args, "dy", 0.0))
    if _bool(args, "grid", False):
        d = d * (ed.grid or 10.0)
    _do(ed, cmd.move_elements(ed.document, _sel(ed), d), "Move")


_ARROWS = {"Left": (-1, 0), "Right": (1, 0), "Up": (0, -1), "Down": (0, 1)}
_ALT = frozenset({"alt"})

SPECS = (
    Spec("set-style", _set_style, "Style"),
    Spec("set-box", _set_box, "Geometry"),
    Spec("set-rotation", _set_rotation, "Rotate"),
    Spec("set-link", _set_link, "Link"),
    Spec(
        "nudge",
        _nudge,
        "Move",
        shortcuts=tuple(
            Shortcut(
                f"{shift}Arrow{name}",
                {"dx": dx, "dy": dy, **({"grid": True} if shift else {})},
                loose=_ALT,
                shown=False,
            )
            for shift in ("", "Shift+")
            for name, (dx, dy) in _ARROWS.items()
        ),
    ),
)
