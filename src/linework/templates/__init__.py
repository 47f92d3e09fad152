"""The template gallery: every ``<name>.linework`` file in this folder.

A template is an ordinary diagram shipped in the wheel; its name is the file
name without ``.linework`` (kebab-case, the gallery's ``data-template`` value)
and its title is the document's ``meta.title``. The gallery lists whatever
files are here, so adding a template is adding a file (tools/make_templates.py
writes ours). Thumbnails are drawn by the renderer from the first page, so a
thumbnail is exactly what the template opens as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Final

from linework.errors import LineworkError

if TYPE_CHECKING:
    from linework.model import Document

SUFFIX: Final = ".linework"
#: Template names: lower-case words joined by hyphens (the ``data-template`` value).
NAME: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Template:
    """One gallery entry: its name, title, element count and thumbnail SVG."""

    name: str
    title: str
    elements: int
    svg: str


def _folder() -> Traversable:
    return resources.files(__name__)


def names() -> list[str]:
    """Return the template names, sorted (every well-named ``.linework`` file)."""
    return sorted(_files(str(_folder())))


@cache
def _files(folder: str) -> dict[str, bytes]:
    """Read the folder's templates once (by the folder's path).

    Kept in memory: the browser's start-up snapshot holds no files of the
    wheel, so the snapshot build reads them here (``templates`` warms it).
    """
    out = {}
    for f in _folder().iterdir():
        stem = f.name.removesuffix(SUFFIX)
        if f.name.endswith(SUFFIX) and NAME.fullmatch(stem) and f.is_file():
            out[stem] = f.read_bytes()
    return out


def data(name: str) -> bytes:
    """Return the bytes of template ``name``.

    Raises:
        LineworkError: LW-E0108 when there is no such template.
    """
    found = _files(str(_folder())).get(name) if NAME.fullmatch(name) else None
    if found is None:
        raise LineworkError("LW-E0108", f"there is no template {name[:60]!r}")
    return found


@cache
def _entry(name: str, raw: bytes) -> Template:
    from linework.formats import native

    doc = native.decode(raw)
    page = doc.pages()[0]
    title = doc.meta.get("title")
    if not isinstance(title, str) or not title.strip():
        title = name.replace("-", " ").capitalize()
    svg = _thumbnail(doc, page.id, name)
    return Template(
        name, " ".join(title.split())[:100], len(doc.elements(page.id)), svg
    )


def _id_safe(name: str) -> str:
    """Return a template's name as id characters (letters, digits, - and _)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)[:40]


def _thumbnail(doc: Document, page_id: str, name: str) -> str:
    """Return the page's elements as one SVG fitted to them (no ``<style>``).

    What ``render.export_svg`` draws, less its style element and metadata: the
    page's content security policy refuses inline styles.
    """
    from linework.geometry import fmt
    from linework.render import Renderer, content_bounds

    # Thumbnails share the page with the canvas and with each other: each
    # gets its own ids (the canvas keeps lw-shadow).
    r = Renderer(id_prefix=f"lw-t-{_id_safe(name)}-")
    elements = doc.elements(page_id)
    box = content_bounds(doc, elements)
    if box is None:
        return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
    box = box.inflated(20.0)
    view = f"{fmt(box.x)} {fmt(box.y)} {fmt(box.w)} {fmt(box.h)}"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}">', r.defs()]
    parts += [r.fragment(doc, el) for el in elements]
    parts.append("</svg>")
    return "".join(parts)


def gallery() -> list[Template]:
    """Return every template with its title and thumbnail, by title.

    A file that does not open is left out of the gallery rather than failing
    it (the test opening every template finds it).
    """
    out = []
    for name in names():
        try:
            out.append(_entry(name, data(name)))
        except LineworkError:
            continue
    return sorted(out, key=lambda t: (t.title.lower(), t.name))
