"""Insert actions: shapes, icons, texts and pictures, and the place tool.

- ``add-shape`` (kind, x?, y?, w?, h?, text?, view?): add a shape centred on x, y
  (default: a free spot inside ``view`` {x, y, w, h}, the visible part of the
  page, beside the selection when there is room), with its kind's starting
  text, props and style (``shapes.defaults``); ``bpmn-pool`` and ``bpmn-lane``
  add swimlanes (a pool with two lanes, or one lane: ``editor.presets``)
- ``add-icon`` (library, icon, svg, text?, x?, y?, view?): add a library icon (its
  SVG sanitized by the core and carried by the document) centred on x, y, else
  placed as ``add-shape`` places a shape; a cloud or network icon is labelled
  with its name below it unless ``text`` says otherwise ("" for no label)
- ``insert-picture`` (data, x?, y?): add a picture (base64 file bytes), see
  :mod:`linework.editor.inserting`; ``drop-preview`` shows where a drop lands
- ``add-text`` (x, y, text?, edit?): add a free text; with ``edit`` and no text,
  an empty one opens in the in-place editor (kept only if words are typed)
- ``set-tool`` (tool ("select" or "place"), kind?): the place tool adds a shape
  by click or drag
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from linework import commands as cmd
from linework.commands import CommandError
from linework.editor import placement, presets
from linework.editor.actions._args import _bool, _do, _num, _opt_num, _str
from linework.editor.actions._spec import Args, Spec
from linework.editor.actions.text import start_text_at
from linework.editor.editor import Editor
from linework.editor.icons import new_icon
from linework.editor.inserting import drop_preview, insert_picture
from linework.editor.tools import Idle, Place
from linework.geometry import Box, Vec
from linework.model import DEFAULT_STYLE, Patch
from linework.shapes import kind_of


def _placed_box(
    ed: Editor,
    args: Args,
    size: tuple[float, float],
    place: Callable[[Box | None], Vec] | None = None,
) -> Box:
    """The box of a new shape: centred on x, y, else on a free spot in view
    (``place(view)`` finds it, when a shape needs more room than its box)."""
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    if x is not None and y is not None:
        center = Vec(x, y)
    else:
        view = placement.view_arg(args)
        center = placement.place(ed, size, view) if place is None else place(view)
    return Box(center.x - size[0] / 2, center.y - size[1] / 2, size[0], size[1])


def _add_placed(ed: Editor, patch: Patch, label: str) -> None:
    """Apply an adding patch (joining a container it lies in), select and show it."""
    added = list(patch.added)
    ed.apply(cmd.joined(ed.document, patch, added), label)
    ed.select(added)
    placement.reveal(ed, added)


def _add_shape(ed: Editor, args: Args) -> None:
    kind = _str(args, "kind")
    w, h = _opt_num(args, "w"), _opt_num(args, "h")
    preset = presets.PRESETS.get(kind)
    size = preset.size if preset else kind_of(kind, ed.kinds).default_size
    if w is not None and h is not None:
        size = (max(w, 1.0), max(h, 1.0))
    box = _placed_box(ed, args, size)
    if preset is not None:  # a palette entry made of several shapes (a pool)
        patch, root = presets.add_preset(ed, preset, box)
        ed.apply(cmd.joined(ed.document, patch, [root]), "Add shape")
        ed.select([root])
        placement.reveal(ed, [root])
        return
    patch = placement.new_shape(ed, kind, box, text=_str(args, "text", ""))
    _add_placed(ed, patch, "Add shape")


def _add_icon(ed: Editor, args: Args) -> None:
    new = new_icon(args)
    style = replace(DEFAULT_STYLE, fill="none", stroke="none", label_position="bottom")
    box = _placed_box(  # clear of other shapes, its label included
        ed,
        args,
        new.size,
        lambda view: placement.place_labelled(
            ed, "icon", new.size, new.text, style, view
        ),
    )
    patch = placement.new_shape(
        ed, "icon", box, style=style, props=new.props, text=new.text
    )
    _add_placed(ed, patch, "Add icon")


def _add_text(ed: Editor, args: Args) -> None:
    at = Vec(_num(args, "x"), _num(args, "y"))
    if _bool(args, "edit", False) and not _str(args, "text", ""):
        start_text_at(ed, at)
        return
    patch = placement.new_text(ed, at, _str(args, "text", ""))
    _do(ed, patch, "Add text", select_added=True)


def _set_tool(ed: Editor, args: Args) -> None:
    tool = _str(args, "tool", "select")
    if ed.state.busy:
        ed.state.cancel()
    if tool == "place":
        ed.transition(Place(ed, _str(args, "kind")))
    elif tool == "select":
        ed.transition(Idle(ed))
    else:
        raise CommandError(f"unknown tool {tool!r}")


SPECS = (
    Spec("add-shape", _add_shape, "Add shape"),
    Spec("add-icon", _add_icon, "Add icon"),
    Spec("insert-picture", insert_picture, "Insert picture"),
    Spec("drop-preview", drop_preview),
    Spec("add-text", _add_text, "Add text", lambda f: True),
    Spec("set-tool", _set_tool),
)
