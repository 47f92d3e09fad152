"""Tidy tree actions: ``tidy-tree`` (direction?: ``"TB"`` or ``"LR"``) and
``tidy-tree-lr``.

Each lays out the tree under the selection (one shape: it and everything
connected below it; several: exactly those) as ``commands.trees`` describes,
in one undo step, keeping the selection. Their records
(``editor.actions.diagrams``) put them on the edit bar, in the context menu of
a selected shape with connectors, and in ``ui.enabled``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from linework.commands import CommandError
from linework.commands.trees import tidy_tree_layout
from linework.model import Shape

if TYPE_CHECKING:
    from linework.editor.editor import Editor

Args = Mapping[str, Any]


def _run(default: str) -> Callable[[Editor, Args], None]:
    def run(ed: Editor, args: Args) -> None:
        direction = args.get("direction", default)
        if direction not in ("TB", "LR"):
            raise CommandError("argument 'direction' must be 'TB' or 'LR'")
        patch = tidy_tree_layout(ed.document, ed.session.selection, direction)
        ed.apply(patch, "Tidy tree")

    return run


ACTIONS: Final[dict[str, Callable[[Editor, Args], None]]] = {
    "tidy-tree": _run("TB"),
    "tidy-tree-lr": _run("LR"),
}


def enabled(ed: Editor) -> dict[str, bool]:
    """Return whether a tree layout may apply: a selected shape has a connector.

    Cheap on purpose (every reply asks); whether the connectors really form
    a tree is checked when the command runs, which says why if they do not.
    """
    doc = ed.document
    on = any(
        isinstance(doc.get(r), Shape) and bool(doc.connectors_of(r))
        for r in ed.session.selection[:200]
    )
    return {"tidy-tree": on, "tidy-tree-lr": on}
