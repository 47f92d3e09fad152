"""A kind's starting text, props and style have one source, the kind itself:
the palette's ``add-shape`` action and the plain ``add_shape`` command (which
the place tool uses) make the same shape."""

from __future__ import annotations

import pytest

from linework import commands as cmd
from linework.editor import Editor
from linework.geometry import Vec
from linework.model import Shape
from linework.shapes import DEFAULT_KINDS
from linework.shapes.defaults import initial_props, initial_style


def _added(ed: Editor) -> Shape:
    (shape,) = [r for r in ed.document.records.values() if isinstance(r, Shape)]
    return shape


@pytest.mark.parametrize("kind", [k.name for k in DEFAULT_KINDS])
def test_the_action_and_the_command_start_a_kind_alike(kind: str) -> None:
    ed = Editor()
    ed.handle(
        {"type": "action", "name": "add-shape", "args": {"kind": kind, "x": 0, "y": 0}}
    )
    by_action = _added(ed)
    patch = cmd.add_shape(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        kind=kind,
        center=Vec(0, 0),
    )
    (by_command,) = [r for r in patch.added.values() if isinstance(r, Shape)]

    assert by_command.text == by_action.text
    assert by_command.style == by_action.style == initial_style(kind)
    assert dict(by_command.props) == dict(by_action.props) == initial_props(kind)


def test_notation_kinds_start_with_their_look() -> None:
    assert initial_style("bpmn-end-event").label_position == "bottom"
    assert initial_style("c4-container").fill == "#438dd5"
    assert initial_style("mockup-input").align == "left"
    assert initial_style("uml-class").bold
    assert initial_props("c4-container-boundary") == {"container": True}
    rows = initial_props("uml-class")["rows"]
    rows.append("changed")  # a fresh copy: the kind's own rows stay as they are
    assert "changed" not in initial_props("uml-class")["rows"]
