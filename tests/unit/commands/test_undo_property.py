"""Property: any sequence of commands, then undo of all of them, gives the original.

Every step also has to leave a document that the ``.linework`` reader accepts,
so no command can produce a file that would not reopen (dangling attachments,
missing parents, a page without layers).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from linework import commands as cmd
from linework.formats import native
from linework.geometry import Box, Vec
from linework.history import History
from linework.model import (
    ARROWHEADS,
    ROUTINGS,
    Attached,
    Connector,
    Document,
    Free,
    Group,
    IdSource,
    Patch,
    Shape,
)
from strategies import documents

COMMANDS = (
    "add_shape",
    "add_text",
    "connect",
    "move",
    "resize",
    "rotate",
    "scale",
    "set_text",
    "set_style",
    "set_end",
    "add_waypoint",
    "move_waypoint",
    "remove_waypoint",
    "set_routing",
    "delete",
    "duplicate",
    "group",
    "ungroup",
    "reorder",
    "align",
    "distribute",
    "lock",
    "add_page",
    "rename_page",
    "move_page",
    "delete_page",
    "add_layer",
    "layer_flags",
    "move_to_layer",
    "delete_layer",
    "paste",
)

small = st.floats(min_value=-300, max_value=300, allow_nan=False).map(
    lambda v: round(v, 2)
)


def _elements(doc: Document) -> list[Any]:
    return [e for p in doc.pages() for e in doc.elements(p.id)]


def _pick(data: st.DataObject, items: list[Any]) -> Any:
    return data.draw(st.sampled_from(items)) if items else None


def _some(data: st.DataObject, items: list[str]) -> list[str]:
    if not items:
        return []
    return data.draw(
        st.lists(st.sampled_from(items), min_size=1, max_size=4, unique=True)
    )


def _step(doc: Document, ids: IdSource, name: str, data: st.DataObject) -> Patch:
    page = _pick(data, list(doc.pages()))
    layers = list(doc.layers(page.id))
    layer = _pick(data, layers)
    els = list(doc.elements(page.id))
    shapes = [e.id for e in els if isinstance(e, Shape)]
    conns = [e.id for e in els if isinstance(e, Connector)]
    groups = [e.id for e in els if isinstance(e, Group)]
    tops = [e.id for e in els if e.parent is None]
    p = Vec(data.draw(small), data.draw(small))
    match name:
        case "add_shape":
            kind = data.draw(
                st.sampled_from(["rectangle", "diamond", "ellipse", "nope"])
            )
            return cmd.add_shape(
                doc,
                ids,
                page=page.id,
                layer=layer.id,
                kind=kind,
                center=p,
                grid=data.draw(st.sampled_from([None, 10.0])),
            )
        case "add_text":
            return cmd.add_text(
                doc, ids, page=page.id, layer=layer.id, center=p, text="t"
            )
        case "connect":

            def end() -> Any:
                sid = _pick(data, shapes)
                if sid and data.draw(st.booleans()):
                    return Attached(
                        shape=sid, port=data.draw(st.sampled_from([None, "n", "e"]))
                    )
                return Free(point=Vec(data.draw(small), data.draw(small)))

            return cmd.connect(
                doc,
                ids,
                page=page.id,
                layer=layer.id,
                source=end(),
                target=end(),
                routing=data.draw(st.sampled_from(ROUTINGS)),
            )
        case "move":
            return cmd.move_elements(doc, _some(data, tops), p)
        case "resize":
            sid = _pick(data, shapes)
            handle = data.draw(st.sampled_from(cmd.HANDLES))
            return (
                cmd.resize_shape(
                    doc, sid, handle, p, keep_ratio=data.draw(st.booleans())
                )
                if sid
                else Patch()
            )
        case "rotate":
            return cmd.rotate_elements(
                doc,
                _some(data, tops),
                data.draw(st.sampled_from([15.0, 90.0, -33.5])),
                p if data.draw(st.booleans()) else None,
            )
        case "scale":
            return cmd.scale_elements(
                doc, _some(data, tops), Box(0, 0, 100, 100), Box(10, 20, 150, 50)
            )
        case "set_text":
            rid = _pick(data, shapes + conns)
            return (
                cmd.set_text(doc, rid, data.draw(st.text(max_size=10)))
                if rid
                else Patch()
            )
        case "set_style":
            return cmd.set_style(
                doc,
                _some(data, tops),
                {"fill": "#abcdef", "end_arrow": _pick(data, list(ARROWHEADS))},
            )
        case "set_end":
            cid = _pick(data, conns)
            sid = _pick(data, shapes)
            if cid is None:
                return Patch()
            new_end = Attached(shape=sid) if sid else Free(point=p)
            return cmd.set_end(
                doc, cid, data.draw(st.sampled_from(["source", "target"])), new_end
            )
        case "add_waypoint":
            cid = _pick(data, conns)
            return (
                cmd.add_waypoint(doc, cid, data.draw(st.integers(-1, 3)), p)
                if cid
                else Patch()
            )
        case "move_waypoint":
            cid = _pick(data, conns)
            return (
                cmd.move_waypoint(doc, cid, data.draw(st.integers(0, 2)), p)
                if cid
                else Patch()
            )
        case "remove_waypoint":
            cid = _pick(data, conns)
            return (
                cmd.remove_waypoint(doc, cid, data.draw(st.integers(0, 2)))
                if cid
                else Patch()
            )
        case "set_routing":
            return cmd.set_routing(
                doc, _some(data, conns), data.draw(st.sampled_from(ROUTINGS))
            )
        case "delete":
            return cmd.delete_elements(doc, _some(data, [e.id for e in els]))
        case "duplicate":
            return cmd.duplicate(doc, _some(data, tops), ids, p)
        case "group":
            return cmd.group_elements(doc, _some(data, tops), ids)
        case "ungroup":
            return cmd.ungroup_elements(doc, _some(data, groups))
        case "reorder":
            return cmd.reorder(
                doc, _some(data, tops), data.draw(st.sampled_from(cmd.ORDERS))
            )
        case "align":
            return cmd.align(
                doc, _some(data, tops), data.draw(st.sampled_from(cmd.ALIGNS))
            )
        case "distribute":
            return cmd.distribute(
                doc, _some(data, tops), data.draw(st.sampled_from(["h", "v"]))
            )
        case "lock":
            return cmd.set_locked(doc, _some(data, tops), data.draw(st.booleans()))
        case "add_page":
            return cmd.add_page(doc, ids, index=data.draw(st.integers(0, 3)))
        case "rename_page":
            return cmd.rename_page(doc, page.id, "Renamed")
        case "move_page":
            return cmd.move_page(doc, page.id, data.draw(st.integers(0, 3)))
        case "delete_page":
            return cmd.delete_page(doc, page.id)
        case "add_layer":
            return cmd.add_layer(doc, ids, page.id, index=data.draw(st.integers(0, 3)))
        case "layer_flags":
            patch = cmd.set_layer_visible(doc, layer.id, data.draw(st.booleans()))
            return patch.then(
                cmd.set_layer_locked(
                    doc.apply(patch), layer.id, data.draw(st.booleans())
                )
            )
        case "move_to_layer":
            return cmd.move_to_layer(doc, _some(data, tops), layer.id)
        case "delete_layer":
            return cmd.delete_layer(doc, layer.id)
        case "paste":
            clip = cmd.copy_payload(doc, _some(data, tops))
            if clip is None:
                return Patch()
            target = _pick(data, list(doc.pages()))
            return cmd.paste(
                doc,
                clip,
                ids,
                page=target.id,
                layer=doc.layers(target.id)[0].id,
                offset=p,
            )
    raise AssertionError(name)


@given(documents(max_shapes=5), st.data())
def test_any_commands_then_undo_all_returns_the_original(
    start: Document, data: st.DataObject
) -> None:
    """Undoing every step restores the original; redoing every step the final one."""
    ids = IdSource(start.records)
    history = History()
    doc = start
    for name in data.draw(st.lists(st.sampled_from(COMMANDS), max_size=12)):
        try:
            patch = _step(doc, ids, name, data)
        except cmd.CommandError:
            continue
        doc = doc.apply(patch)
        history.record(patch, name)
        native.decode(native.encode(doc))  # every step leaves a valid file
    final = doc

    while history.can_undo:
        doc, _ = history.undo(doc)
    assert start == doc
    while history.can_redo:
        doc, _ = history.redo(doc)
    assert final == doc
