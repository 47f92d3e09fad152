"""Page and layer actions.

- ``add-page`` (name?): add a page after the others and show it
- ``rename-page`` (id?, name), ``delete-page`` (id?): never the last page
- ``move-page`` (id?, index)
- ``set-page`` (id): show another page (not an undo step)
- ``next-page``, ``previous-page``
- ``add-layer`` (name?): add a layer on top and make it active
- ``rename-layer``, ``delete-layer``, ``move-layer`` (id?, name / index)
- ``show-layer``, ``hide-layer``, ``lock-layer``, ``unlock-layer`` (id?)
- ``set-active-layer`` (id): new elements go there
- ``move-to-layer`` (id): move the selection to a layer
"""

from __future__ import annotations

from linework import commands as cmd
from linework.editor.actions._args import (
    _do,
    _layer_arg,
    _num,
    _page_arg,
    _sel,
    _str,
)
from linework.editor.actions._spec import ActionFn, Args, Facts, Shortcut, Spec
from linework.editor.editor import Editor
from linework.model import Layer, Page


def _add_page(ed: Editor, args: Args) -> None:
    name = args.get("name")
    patch = cmd.add_page(
        ed.document,
        ed.ids,
        name=name if isinstance(name, str) else None,
        like=ed.session.page_id,
    )
    ed.apply(patch, "Add page")
    ed.switch_page(next(r for r, rec in patch.added.items() if isinstance(rec, Page)))


def _rename_page(ed: Editor, args: Args) -> None:
    name = _str(args, "name")
    _do(ed, cmd.rename_page(ed.document, _page_arg(ed, args), name), "Rename page")


def _delete_page(ed: Editor, args: Args) -> None:
    pid = _page_arg(ed, args)
    pages = [p.id for p in ed.document.pages()]
    patch = cmd.delete_page(ed.document, pid)
    if pid == ed.session.page_id:
        i = pages.index(pid)
        nxt = pages[i + 1] if i + 1 < len(pages) else pages[i - 1]
        ed.switch_page(nxt)
    ed.apply(patch, "Delete page")


def _move_page(ed: Editor, args: Args) -> None:
    patch = cmd.move_page(ed.document, _page_arg(ed, args), int(_num(args, "index")))
    _do(ed, patch, "Move page")


def _set_page(ed: Editor, args: Args) -> None:
    ed.switch_page(_str(args, "id"))


def _page_step(step: int) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        pages = [p.id for p in ed.document.pages()]
        i = pages.index(ed.session.page_id) + step
        if 0 <= i < len(pages):
            ed.switch_page(pages[i])

    return run


def _add_layer(ed: Editor, args: Args) -> None:
    name = args.get("name")
    patch = cmd.add_layer(
        ed.document,
        ed.ids,
        ed.session.page_id,
        name=name if isinstance(name, str) else None,
    )
    ed.apply(patch, "Add layer")
    ed.set_active_layer(
        next(iter(r for r, rec in patch.added.items() if isinstance(rec, Layer)))
    )


def _rename_layer(ed: Editor, args: Args) -> None:
    name = _str(args, "name")
    _do(ed, cmd.rename_layer(ed.document, _layer_arg(ed, args), name), "Rename layer")


def _delete_layer(ed: Editor, args: Args) -> None:
    _do(ed, cmd.delete_layer(ed.document, _layer_arg(ed, args)), "Delete layer")


def _move_layer(ed: Editor, args: Args) -> None:
    patch = cmd.move_layer(ed.document, _layer_arg(ed, args), int(_num(args, "index")))
    _do(ed, patch, "Move layer")


def _layer_flag(visible: bool | None = None, locked: bool | None = None) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        lid = _layer_arg(ed, args)
        if visible is not None:
            _do(ed, cmd.set_layer_visible(ed.document, lid, visible), "Layer")
        if locked is not None:
            _do(ed, cmd.set_layer_locked(ed.document, lid, locked), "Layer")
        if visible is False or locked is True:
            doc = ed.document
            ed.select(
                [
                    r
                    for r in _sel(ed)
                    if (e := doc.get(r)) is not None and getattr(e, "layer", "") != lid
                ]
            )

    return run


def _set_active_layer(ed: Editor, args: Args) -> None:
    ed.set_active_layer(_str(args, "id"))


def _move_to_layer(ed: Editor, args: Args) -> None:
    _do(ed, cmd.move_to_layer(ed.document, _sel(ed), _str(args, "id")), "Move to layer")


_SHIFT = frozenset({"shift"})


def _other_pages(f: Facts) -> bool:
    """A page may go while another is left."""
    return len(f.doc.pages()) > 1


def _other_layers(f: Facts) -> bool:
    """A layer may go while another is left on its page."""
    return len(f.doc.layers(f.ed.session.page_id)) > 1


SPECS = (
    Spec("add-page", _add_page, "Add page"),
    Spec("rename-page", _rename_page, "Rename page"),
    Spec("delete-page", _delete_page, "Delete page", _other_pages),
    Spec("move-page", _move_page, "Move page"),
    Spec("set-page", _set_page, "Show page", viewer=True),
    Spec(
        "next-page",
        _page_step(1),
        "Next page",
        shortcuts=(Shortcut("Alt+PageDown", loose=_SHIFT),),
        viewer=True,
    ),
    Spec(
        "previous-page",
        _page_step(-1),
        "Previous page",
        shortcuts=(Shortcut("Alt+PageUp", loose=_SHIFT),),
        viewer=True,
    ),
    Spec("add-layer", _add_layer, "Add layer"),
    Spec("rename-layer", _rename_layer, "Rename layer"),
    Spec("delete-layer", _delete_layer, "Delete layer", _other_layers),
    Spec("move-layer", _move_layer, "Move layer"),
    Spec("show-layer", _layer_flag(visible=True), "Show layer"),
    Spec("hide-layer", _layer_flag(visible=False), "Hide layer"),
    Spec("lock-layer", _layer_flag(locked=True), "Lock layer"),
    Spec("unlock-layer", _layer_flag(locked=False), "Unlock layer"),
    Spec("set-active-layer", _set_active_layer, "Make layer active"),
    Spec("move-to-layer", _move_to_layer, "Move to layer"),
)
