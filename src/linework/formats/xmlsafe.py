"""Safe XML parsing for imported files: no DTDs, no entities, bounded depth and size.

Expat expands internal entities even when ElementTree refuses external ones (the
"billion laughs" bomb), and a small file nested thousands deep can exhaust the
stack in Pyodide and kill the runtime (docs/architecture.md §7). So every text is first
scanned in one linear pass that refuses entity declarations and internal DTD
subsets and measures nesting, and only then parsed, by expat with handlers that
refuse the same things again. Callers walk the resulting tree iteratively.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from typing import Final
from xml.parsers import expat

from linework.errors import LineworkError
from linework.formats import limits

#: Deepest element nesting accepted; real draw.io and SVG files stay below 40.
MAX_XML_DEPTH: Final = 256
#: Most elements one parse may build (several per diagram element, plus points).
MAX_XML_NODES: Final = 2_000_000

_REFUSED_DECLS: Final = ("<!ENTITY", "<!ELEMENT", "<!ATTLIST", "<!NOTATION")


def _refuse(detail: str) -> LineworkError:
    return LineworkError("LW-E0204", detail)


def _doctype_end(text: str, start: int, allow_doctype: Collection[str]) -> int:
    """Return the index after a harmless ``<!DOCTYPE name PUBLIC "…" "…">``.

    Only a document type named in ``allow_doctype`` and without an internal subset
    passes: the subset is where entities live, and expat never fetches the
    external DTD a public identifier names.
    """
    end = text.find(">", start)
    decl = text[start : end + 1] if end >= 0 else text[start:]
    words = decl[len("<!DOCTYPE") :].split()
    name = words[0].rstrip(">") if words else ""
    if end < 0 or "[" in decl or name not in allow_doctype:
        raise _refuse("It declares a document type (DTD).")
    return end + 1


def _tag_end(text: str, start: int) -> int:
    """Return the index of the ``>`` closing the tag at ``start``, or -1.

    Quoted attribute values may hold ``>``, so quotes are skipped. Each search
    result is reused until the scan passes it, so no stretch of text is searched
    twice for the same character: the scan stays linear however many attributes.
    """
    find = text.find
    i = start + 1
    gt = find(">", i)
    if gt < 0:
        return -1
    dq = find('"', i, gt)
    sq = find("'", i, gt)
    while True:
        if dq < 0 and sq < 0:
            return gt
        q = sq if dq < 0 or (0 <= sq < dq) else dq
        close = find(text[q], q + 1)
        if close < 0:
            return -1
        i = close + 1
        if close > gt:
            gt = find(">", i)
            if gt < 0:
                return -1
            dq = find('"', i, gt)
            sq = find("'", i, gt)
        else:
            if 0 <= dq < i:
                dq = find('"', i, gt)
            if 0 <= sq < i:
                sq = find("'", i, gt)


def scan(
    text: str,
    *,
    max_depth: int = MAX_XML_DEPTH,
    allow_doctype: Collection[str] = (),
    root_only: bool = False,
) -> int:
    """Return the deepest element nesting of XML text, refusing what is unsafe.

    One linear pass over the markup (comments, CDATA and processing instructions
    skipped; quoted attribute values honoured). It does not check well-formedness:
    where it cannot find the end of a construct it stops, and the parser then
    fails on the same spot.

    Args:
        text: the XML document.
        max_depth: the deepest nesting accepted.
        allow_doctype: root names whose plain ``<!DOCTYPE>`` (no internal subset)
            is tolerated, e.g. ``("svg",)`` for SVG files that name the SVG DTD.
        root_only: stop after the root's start tag (for ``root_attributes``).

    Returns:
        The deepest nesting seen.

    Raises:
        LineworkError: LW-E0204 for entity or DTD declarations, LW-E0106 when the
            nesting exceeds ``max_depth``.

    >>> scan('<a><b x="1>2"/><c><!-- <d> --></c></a>')
    2
    """
    depth = best = 0
    pos = 0
    find = text.find
    startswith = text.startswith
    while True:
        lt = find("<", pos)
        if lt < 0:
            return best
        if startswith("<!--", lt):
            end = find("-->", lt + 4)
            if end < 0:
                return best
            pos = end + 3
        elif startswith("<![CDATA[", lt):
            end = find("]]>", lt + 9)
            if end < 0:
                return best
            pos = end + 3
        elif startswith("<?", lt):
            end = find("?>", lt + 2)
            if end < 0:
                return best
            pos = end + 2
        elif startswith("<!DOCTYPE", lt):
            pos = _doctype_end(text, lt, allow_doctype)
        elif startswith("<!", lt):
            what = next((d for d in _REFUSED_DECLS if startswith(d, lt)), "<!")
            raise _refuse(f"It contains a {what}> declaration.")
        elif startswith("</", lt):
            end = find(">", lt)
            if end < 0:
                return best
            depth -= 1
            pos = end + 1
        else:
            end = _tag_end(text, lt)
            if end < 0:
                return best
            if root_only:
                return 1
            if text[end - 1] != "/":
                depth += 1
                if depth > best:
                    best = depth
                    if best > max_depth:
                        raise LineworkError(
                            "LW-E0106",
                            f"It is nested more than {max_depth} levels deep.",
                        )
            pos = end + 1


class _Stop(Exception):
    """Raised from a handler to end parsing early (not an error)."""


def _parser(
    code: str,
    allow_doctype: Collection[str],
) -> expat.XMLParserType:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.ordered_attributes = False
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(
        name: str, _sysid: str | None, _pubid: str | None, has_internal_subset: int
    ) -> None:
        if has_internal_subset or name not in allow_doctype:
            raise _refuse("It declares a document type (DTD).")

    def entity(*_args: object) -> None:
        raise _refuse("It declares an entity.")

    def external(*_args: object) -> int:
        raise _refuse("It refers to an external entity.")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.NotationDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    return parser


def _parse_error(code: str, exc: expat.ExpatError) -> LineworkError:
    return LineworkError(
        code,
        f"Line {exc.lineno}, column {exc.offset + 1}: {expat.ErrorString(exc.code)}.",
    )


def parse(
    text: str,
    *,
    code: str,
    max_depth: int = MAX_XML_DEPTH,
    max_nodes: int = MAX_XML_NODES,
    allow_doctype: Collection[str] = (),
) -> ET.Element:
    """Parse XML text into an ElementTree element, safely.

    Tags and attribute names are kept as written (``svg``, ``xlink:href``): no
    namespace processing, see ``local_name``.

    Args:
        text: the XML document.
        code: the error code for a syntax error (the importer's "unreadable").
        max_depth: the deepest element nesting accepted.
        max_nodes: the most elements accepted.
        allow_doctype: see ``scan``.

    Raises:
        LineworkError: ``code`` for malformed XML, LW-E0204 for DTDs and entities,
            LW-E0106 for deep nesting, LW-E0105 for too many elements, LW-E0104
            for text longer than ``limits.MAX_FILE_BYTES``.
    """
    if len(text) > limits.MAX_FILE_BYTES:
        raise LineworkError(
            "LW-E0104", f"The XML has {len(text):,} characters after decoding."
        )
    scan(text, max_depth=max_depth, allow_doctype=allow_doctype)
    builder = ET.TreeBuilder()
    parser = _parser(code, allow_doctype)
    depth = 0
    count = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth, count
        depth += 1
        count += 1
        if depth > max_depth:
            raise LineworkError(
                "LW-E0106", f"It is nested more than {max_depth} levels deep."
            )
        if count > max_nodes:
            raise LineworkError("LW-E0105", f"It has more than {max_nodes:,} nodes.")
        builder.start(tag, attrs)

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(tag)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise _parse_error(code, exc) from None
    return builder.close()


def root_attributes(
    text: str,
    *,
    code: str,
    allow_doctype: Collection[str] = (),
) -> tuple[str, dict[str, str]]:
    """Return the root element's tag and attributes, parsing nothing beyond them.

    Used for files whose payload sits on the root, like the ``content`` attribute
    of a ``.drawio.svg``: the drawing below it is never turned into a tree.

    Raises:
        LineworkError: as ``parse`` does.
    """
    scan(text, allow_doctype=allow_doctype, root_only=True)
    parser = _parser(code, allow_doctype)
    found: list[tuple[str, dict[str, str]]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        found.append((tag, attrs))
        raise _Stop

    parser.StartElementHandler = start
    try:
        parser.Parse(text, True)
    except _Stop:
        pass
    except expat.ExpatError as exc:
        raise _parse_error(code, exc) from None
    if not found:
        raise LineworkError(code, "It has no root element.")
    return found[0]


def local_name(tag: str) -> str:
    """Return a tag or attribute name without its namespace prefix.

    >>> local_name("svg:svg"), local_name("{http://www.w3.org/2000/svg}svg")
    ('svg', 'svg')
    """
    return tag.rpartition("}")[2].rpartition(":")[2]


def walk(root: ET.Element) -> Iterator[tuple[ET.Element, int]]:
    """Yield every element under ``root`` (itself first) with its depth, iteratively.

    Document order, depth-first, with an explicit stack: safe for any depth.
    """
    stack: list[tuple[ET.Element, int]] = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        yield el, depth
        stack.extend((child, depth + 1) for child in reversed(el))
