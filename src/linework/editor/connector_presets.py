"""Connector presets: the lines a notation draws between its shapes.

``connector-preset`` (name, ids?) restyles the selected connectors (or the
given ids) as the named preset in one undo step; with nothing selected it sets
the style of the connectors drawn next, as the style panel does. The presets
are plain style fields, so a file keeps no preset name: a sequence flow is a
solid line with a filled arrowhead, wherever it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final

from linework import commands as cmd
from linework.commands import CommandError
from linework.model import Connector

if TYPE_CHECKING:
    from linework.editor.editor import Editor

#: Preset name → style fields (what ``set-style`` takes).
PRESETS: Final[Mapping[str, Mapping[str, Any]]] = {
    # BPMN: the order of activities.
    "bpmn-sequence-flow": {
        "dash": "solid",
        "start_arrow": "none",
        "end_arrow": "block",
    },
    # BPMN: messages between pools, dashed from a small circle to an open head.
    "bpmn-message-flow": {
        "dash": "dashed",
        "start_arrow": "circle-hollow",
        "end_arrow": "block-hollow",
    },
    # BPMN: data and annotations, dotted and without heads.
    "bpmn-association": {
        "dash": "dotted",
        "start_arrow": "none",
        "end_arrow": "none",
    },
    # C4: a relationship, dashed with a filled head.
    "c4-relationship": {
        "dash": "dashed",
        "start_arrow": "none",
        "end_arrow": "classic",
    },
}
_NEW_CONNECTOR_FIELDS: Final = ("start_arrow", "end_arrow", "dash")


def apply_preset(ed: Editor, args: Mapping[str, Any]) -> None:
    """Restyle connectors as a preset (``connector-preset``: name, ids?)."""
    name = args.get("name")
    fields = PRESETS.get(name) if isinstance(name, str) else None
    if fields is None:
        raise CommandError(f"unknown connector preset {name!r}")
    raw = args.get("ids")
    if raw is not None:
        if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
            raise CommandError("argument 'ids' must be a list of ids")
        ids = list(raw)
    else:
        ids = list(ed.session.selection)
    if ids:
        lines = [i for i in ids if isinstance(ed.document.get(i), Connector)]
        if not lines:
            raise CommandError("select a connector")
        ed.apply(cmd.set_style(ed.document, lines, fields), "Connector preset")
        return
    ed.connector_style = replace(
        ed.connector_style,
        **{k: cmd.style_value(k, fields[k]) for k in _NEW_CONNECTOR_FIELDS},
    )
