"""UML and ER actions: rows of classes and tables, lifeline bars, relation presets
(:mod:`linework.editor.rows`).

- ``add-row`` (id?, compartment?, text?), ``remove-row`` (id?, row?): a class's
  or table's rows (one undo step each; the new row opens for typing)
- ``set-relation`` (name): a UML or ER connector preset
- ``add-activation`` (id?, y?), ``remove-activation`` (id?, index): a lifeline's bars

Their context menu entries depend on where the click was (which row, which
bar), so :mod:`.menu` asks :func:`linework.editor.rows.menu_items` for them.
"""

from __future__ import annotations

from linework.editor import rows
from linework.editor.actions._spec import Facts, Spec


def _enabled(f: Facts, name: str) -> bool:
    return rows.enabled(f.ed).get(name, True)


SPECS = (
    Spec(
        "add-row", rows.ACTIONS["add-row"], "Add row", lambda f: _enabled(f, "add-row")
    ),
    Spec(
        "remove-row",
        rows.ACTIONS["remove-row"],
        "Remove row",
        lambda f: _enabled(f, "remove-row"),
    ),
    Spec("set-relation", rows.ACTIONS["set-relation"], "Relation"),
    Spec("add-activation", rows.ACTIONS["add-activation"], "Add activation bar"),
    Spec(
        "remove-activation", rows.ACTIONS["remove-activation"], "Remove activation bar"
    ),
)
