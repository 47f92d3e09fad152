"""Mockup actions: ``set-theme`` (theme: ``"dark"`` or ``"light"``, ids?) and
``toggle-checked`` (ids?).

``set-theme`` switches the selected mockups and person cards between their
dark and light look; ``toggle-checked`` ticks or clears the selected
checkboxes, radio buttons and switches (all to the opposite of the first).
Each is one undo step; the records in ``editor.actions.diagrams`` put them
(and ``toggle-theme``) in the context menu of such a selection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from linework.commands import CommandError
from linework.commands.props import set_props
from linework.model import Shape

if TYPE_CHECKING:
    from linework.editor.editor import Editor

Args = Mapping[str, Any]
#: Kinds with a dark look (``theme``) and kinds that can be checked.
THEMED: Final = frozenset(
    {
        "mockup-browser",
        "mockup-phone",
        "mockup-navbar",
        "mockup-button",
        "mockup-input",
        "mockup-dropdown",
        "mockup-checkbox",
        "mockup-radio",
        "mockup-toggle",
        "mockup-tabs",
        "mockup-table",
        "person-card",
    }
)
CHECKABLE: Final = frozenset({"mockup-checkbox", "mockup-radio", "mockup-toggle"})


def targets(ed: Editor, args: Args, kinds: frozenset[str]) -> list[Shape]:
    raw = args.get("ids")
    ids = raw if isinstance(raw, list) else list(ed.session.selection)
    doc = ed.document
    return [
        s for r in ids if isinstance(s := doc.get(str(r)), Shape) and s.kind in kinds
    ]


def set_theme(ed: Editor, args: Args) -> None:
    """Give the selected mockups the dark or light look."""
    theme = args.get("theme")
    if theme not in ("dark", "light"):
        raise CommandError("argument 'theme' must be 'dark' or 'light'")
    shapes = targets(ed, args, THEMED)
    value = "dark" if theme == "dark" else None  # light is the default look
    ed.apply(set_props(ed.document, [s.id for s in shapes], {"theme": value}), "Theme")


def toggle_checked(ed: Editor, args: Args) -> None:
    """Tick or clear the selected checkboxes, radio buttons and switches."""
    shapes = targets(ed, args, CHECKABLE)
    if not shapes:
        return
    on = shapes[0].props.get("checked") is not True
    ed.apply(set_props(ed.document, [s.id for s in shapes], {"checked": on}), "Check")


ACTIONS: Final[dict[str, Callable[[Editor, Args], None]]] = {
    "set-theme": set_theme,
    "toggle-checked": toggle_checked,
}
