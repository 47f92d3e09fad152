"""Connector presets: the lines a notation draws between its shapes.

``connector-preset`` (name, ids?) restyles the selected connectors (or the
given ids) as the named preset in one undo step; with nothing selected it sets
the style of the connectors drawn next, as the style panel does. The presets
are the one table of ``linework.shapes.relations``, which ``set-relation``
(``editor.rows``) applies too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from linework import commands as cmd
from linework.commands import CommandError
from linework.model import Connector
from linework.shapes.relations import RELATIONS

if TYPE_CHECKING:
    from linework.editor.editor import Editor


def preset_fields(name: object, what: str = "connector preset") -> Mapping[str, Any]:
    """Return the style fields of the preset called ``name``.

    Raises:
        CommandError: no preset has that name (``what`` names it in the message).
    """
    preset = RELATIONS.get(name) if isinstance(name, str) else None
    if preset is None:
        raise CommandError(f"unknown {what} {str(name)[:40]!r}")
    fields: Mapping[str, Any] = preset["fields"]
    return fields


def restyle(ed: Editor, lines: list[str], fields: Mapping[str, Any], name: str) -> None:
    """Restyle ``lines`` in one undo step; with none, the connectors drawn next."""
    if lines:
        ed.apply(cmd.set_style(ed.document, lines, fields), name)
        return
    ed.connector_style = replace(
        ed.connector_style, **{k: cmd.style_value(k, v) for k, v in fields.items()}
    )


def apply_preset(ed: Editor, args: Mapping[str, Any]) -> None:
    """Restyle connectors as a preset (``connector-preset``: name, ids?)."""
    fields = preset_fields(args.get("name"))
    raw = args.get("ids")
    if raw is not None:
        if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
            raise CommandError("argument 'ids' must be a list of ids")
        ids = list(raw)
    else:
        ids = list(ed.session.selection)
    lines = [i for i in ids if isinstance(ed.document.get(i), Connector)]
    if ids and not lines:
        raise CommandError("select a connector")
    restyle(ed, lines, fields, "Connector preset")
