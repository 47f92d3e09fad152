"""Reading an action's JSON arguments, and the steps most actions share.

Arguments come from the page (or a user's script through the automation hooks):
each reader checks its type and range and raises :class:`CommandError` with
the argument's name, so a bad call changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from linework import commands as cmd
from linework.commands import CommandError
from linework.editor import placement
from linework.editor.actions._spec import Args
from linework.editor.editor import Editor
from linework.geometry import Vec
from linework.model import Attached, End, Free, Patch

PASTE_OFFSET: Final = 20.0


def _str(args: Args, name: str, default: str | None = None) -> str:
    v = args.get(name, default)
    if not isinstance(v, str):
        raise CommandError(f"argument {name!r} must be a string")
    return v


def _num(args: Args, name: str, default: float | None = None) -> float:
    v = args.get(name, default)
    if isinstance(v, bool) or not isinstance(v, int | float) or v != v:
        raise CommandError(f"argument {name!r} must be a number")
    if abs(v) > 10_000_000:
        raise CommandError(f"argument {name!r} is out of range")
    return float(v)


def _opt_num(args: Args, name: str) -> float | None:
    return _num(args, name) if args.get(name) is not None else None


def _ids(args: Args, name: str = "ids") -> list[str]:
    v = args.get(name)
    if not isinstance(v, list) or not all(isinstance(i, str) for i in v):
        raise CommandError(f"argument {name!r} must be a list of ids")
    return list(v)


def _bool(args: Args, name: str, default: bool) -> bool:
    v = args.get(name, default)
    if not isinstance(v, bool):
        raise CommandError(f"argument {name!r} must be true or false")
    return v


def _end(raw: Any) -> End:
    if not isinstance(raw, Mapping):
        raise CommandError("a connector end must be an object")
    if "shape" in raw:
        port = raw.get("port")
        if not isinstance(raw["shape"], str) or not (
            port is None or isinstance(port, str)
        ):
            raise CommandError("a connector end's shape and port must be strings")
        return Attached(shape=raw["shape"], port=port)
    return Free(point=Vec(_num(raw, "x"), _num(raw, "y")))


def _sel(ed: Editor) -> tuple[str, ...]:
    return ed.session.selection


def _do(ed: Editor, patch: Patch, name: str, *, select_added: bool = False) -> None:
    ed.apply(patch, name)
    if select_added:
        roots = cmd.pasted_roots(patch)
        ed.select(roots)
        placement.reveal(ed, roots)


def _layer_arg(ed: Editor, args: Args) -> str:
    rid = args.get("id")
    if rid is None:
        return ed.active_layer()
    if not isinstance(rid, str):
        raise CommandError("argument 'id' must be a string")
    return rid


def _page_arg(ed: Editor, args: Args) -> str:
    rid = args.get("id", ed.session.page_id)
    if not isinstance(rid, str):
        raise CommandError("argument 'id' must be a string")
    return rid
