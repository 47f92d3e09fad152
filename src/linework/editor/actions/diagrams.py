"""Diagram-type actions: tidy tree (org charts), mockup variants, templates.

- ``tidy-tree`` (direction?: ``TB`` or ``LR``), ``tidy-tree-lr``: lay out the
  tree under the selection (:mod:`linework.editor.trees`); on the edit bar and
  in the context menu of a selected shape with connectors
- ``set-theme`` (theme: ``dark`` or ``light``, ids?), ``toggle-theme`` (ids?),
  ``toggle-checked`` (ids?): mockups' dark variant and checked state
  (:mod:`linework.editor.mockups`); the toggles show in the context menu
- ``new-from-template``: ``request`` for the browser (the template gallery)
"""

from __future__ import annotations

from linework.editor import mockups, trees
from linework.editor.actions._spec import Args, Facts, Spec
from linework.editor.actions.file import ask
from linework.editor.editor import Editor

_TREE_ICON = (
    "M9 3h6v5H9z",
    "M2 16h6v5H2z",
    "M16 16h6v5h-6z",
    "M12 8v4",
    "M5 16v-4h14v4",
)
_TREE_LR_ICON = (
    "M3 9h5v6H3z",
    "M16 2h5v6h-5z",
    "M16 16h5v6h-5z",
    "M8 12h4",
    "M16 5h-4v14h4",
)
_TEMPLATE_ICON = (
    "M3 3h8v8H3z",
    "M13 3h8v8h-8z",
    "M3 13h8v8H3z",
    "M17 13v8",
    "M13 17h8",
)


def _tree_on(f: Facts) -> bool:
    return trees.enabled(f.ed)["tidy-tree"]


def _themed(f: Facts) -> bool:
    return bool(mockups.targets(f.ed, {}, mockups.THEMED))


def _checkable(f: Facts) -> bool:
    return bool(mockups.targets(f.ed, {}, mockups.CHECKABLE))


def _toggle_theme(ed: Editor, args: Args) -> None:
    """Dark if any selected mockup is light, else light."""
    shapes = mockups.targets(ed, args, mockups.THEMED)
    dark = all(s.props.get("theme") == "dark" for s in shapes)
    mockups.set_theme(ed, {**args, "theme": "light" if dark else "dark"})


def _tidy(name: str, label: str, slot: int, icon: tuple[str, ...]) -> Spec:
    """A tree layout: on the toolbar and the menu while a tree is selected."""
    where = (7, slot)
    return Spec(
        name,
        trees.ACTIONS[name],
        label,
        _tree_on,
        toolbar=where,
        menu=where,
        menu_when=_tree_on,
        icon=icon,
    )


SPECS = (
    _tidy("tidy-tree", "Tidy tree, top-down", 1, _TREE_ICON),
    _tidy("tidy-tree-lr", "Tidy tree, left to right", 2, _TREE_LR_ICON),
    Spec("set-theme", mockups.ACTIONS["set-theme"], "Dark or light variant"),
    Spec(
        "toggle-theme",
        _toggle_theme,
        "Dark or light variant",
        menu=(8, 1),
        menu_when=_themed,
    ),
    Spec(
        "toggle-checked",
        mockups.ACTIONS["toggle-checked"],
        "Check or uncheck",
        menu=(8, 2),
        menu_when=_checkable,
    ),
    Spec(
        "new-from-template",
        ask("new-from-template"),
        "New from template…",
        toolbar=(8, 1),
        icon=_TEMPLATE_ICON,
        page=True,
    ),
)
