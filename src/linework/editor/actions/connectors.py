"""Connector actions: connecting, routing, arrowheads and waypoints.

- ``connect`` (source, target, routing?): add a connector; an end is
  {shape, port?} or {x, y}
- ``connect-selection`` (Alt+Shift+C): connect the two selected shapes
  (:mod:`linework.editor.navigate`)
- ``set-routing`` (routing): straight, orthogonal or curved
- ``set-arrowheads`` (start?, end?): arrowhead names
- ``connector-preset`` (name, ids?): a notation's line (BPMN sequence flow,
  message flow, association; C4 relationship; any of
  :mod:`linework.shapes.relations`), see :mod:`linework.editor.connector_presets`
- ``clear-waypoints``: let the router choose again
- ``add-waypoint`` (id, x, y, index?): insert a waypoint (default: last)
- ``remove-waypoint`` (id, index)
- ``clone-connect`` (direction, id?; Alt+Shift+arrow keys): clone the shape
  that way and connect it (:mod:`linework.editor.cloneconnect`)
- ``line-tool``: the next drag draws a connector
  (:mod:`linework.editor.tools.line_tool`)
"""

from __future__ import annotations

from linework import commands as cmd
from linework.commands import CommandError
from linework.editor import cloneconnect, connector_presets, navigate
from linework.editor.actions._args import _do, _end, _num, _sel, _str
from linework.editor.actions._spec import Args, Facts, Shortcut, Spec
from linework.editor.editor import Editor
from linework.editor.tools import LineTool
from linework.geometry import Vec
from linework.model import Connector, Shape


def _line_tool(ed: Editor, args: Args) -> None:
    """The next drag on the canvas draws a connector."""
    if ed.state.busy:
        ed.state.cancel()
    ed.transition(LineTool(ed))


def _connect(ed: Editor, args: Args) -> None:
    routing = _str(args, "routing", "orthogonal")
    if routing not in ("straight", "orthogonal", "curved"):
        raise CommandError(f"unknown routing {routing!r}")
    patch = cmd.connect(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        source=_end(args.get("source")),
        target=_end(args.get("target")),
        routing=routing,  # type: ignore[arg-type]
        style=ed.connector_style,
    )
    _do(ed, patch, "Connect", select_added=True)


def _set_routing(ed: Editor, args: Args) -> None:
    routing = _str(args, "routing")
    if routing not in ("straight", "orthogonal", "curved"):
        raise CommandError(f"unknown routing {routing!r}")
    _do(ed, cmd.set_routing(ed.document, _sel(ed), routing), "Routing")  # type: ignore[arg-type]


def _set_arrowheads(ed: Editor, args: Args) -> None:
    start, end = args.get("start"), args.get("end")
    if not (start is None or isinstance(start, str)) or not (
        end is None or isinstance(end, str)
    ):
        raise CommandError("arrowheads must be names")
    _do(
        ed,
        cmd.set_arrowheads(ed.document, _sel(ed), start=start, end=end),
        "Arrowheads",
    )


def _clear_waypoints(ed: Editor, args: Args) -> None:
    _do(ed, cmd.clear_waypoints(ed.document, _sel(ed)), "Clear waypoints")


def _add_waypoint(ed: Editor, args: Args) -> None:
    rid = _str(args, "id")
    c = ed.document.get(rid)
    if not isinstance(c, Connector):
        raise CommandError("add-waypoint needs a connector id")
    index = int(_num(args, "index", len(c.waypoints)))
    p = Vec(_num(args, "x"), _num(args, "y"))
    _do(ed, cmd.add_waypoint(ed.document, rid, index, p), "Add waypoint")


def _remove_waypoint(ed: Editor, args: Args) -> None:
    patch = cmd.remove_waypoint(ed.document, _str(args, "id"), int(_num(args, "index")))
    _do(ed, patch, "Remove waypoint")


def _two_shapes(f: Facts) -> bool:
    return len(f.sel) == 2 and all(isinstance(f.doc.get(r), Shape) for r in f.sel)


_DIRECTIONS = {"Up": "up", "Right": "right", "Down": "down", "Left": "left"}

SPECS = (
    Spec("connect", _connect, "Connect"),
    Spec(
        "connect-selection",
        navigate.ACTIONS["connect-selection"],
        "Connect the selected shapes",
        _two_shapes,
        (Shortcut("Alt+Shift+C"),),
    ),
    Spec(
        "clone-connect",
        cloneconnect.clone_connect_action,
        "Clone and connect",
        lambda f: len(f.sel) == 1 and isinstance(f.ed.document.get(f.sel[0]), Shape),
        tuple(
            Shortcut(f"Alt+Shift+Arrow{name}", {"direction": way}, shown=False)
            for name, way in _DIRECTIONS.items()
        ),
    ),
    Spec(
        "line-tool",
        _line_tool,
        "Line: drag to draw a connector",
        toolbar=(1, 3),
        icon=("M5 19 19 5", "M11 5h8v8"),
    ),
    Spec("set-routing", _set_routing, "Routing", lambda f: f.connectors),
    Spec("set-arrowheads", _set_arrowheads, "Arrowheads", lambda f: f.connectors),
    Spec("connector-preset", connector_presets.apply_preset, "Connector preset"),
    Spec("clear-waypoints", _clear_waypoints, "Clear waypoints"),
    Spec("add-waypoint", _add_waypoint, "Add waypoint"),
    Spec("remove-waypoint", _remove_waypoint, "Remove waypoint"),
)
