"""Container actions: the lanes of a swimlane pool (:mod:`linework.editor.lanes`).

- ``add-lane``, ``remove-lane``, ``lane-earlier``, ``lane-later`` (id?): they
  show in the context menu of a selected lane or pool
"""

from __future__ import annotations

from linework.editor import lanes
from linework.editor.actions._spec import Facts, Spec


def _lane(name: str, label: str, at: int) -> Spec:
    return Spec(
        name,
        lanes.ACTIONS[name],
        label,
        lambda f: f.lanes[name],
        menu=(6, at),
        menu_when=_in_menu,
    )


def _in_menu(f: Facts) -> bool:
    return f.lanes["add-lane"] or f.lanes["remove-lane"]


SPECS = (
    _lane("add-lane", "Add lane", 1),
    _lane("remove-lane", "Remove lane", 2),
    _lane("lane-earlier", "Move lane earlier", 3),
    _lane("lane-later", "Move lane later", 4),
)
