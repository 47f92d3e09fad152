"""Generate the page's view of the protocol from its Python types (issue 15).

``linework.editor.protocol`` is the one source of the page↔core contract.
This writes two files from it, both checked in and checked by
``tests/unit/test_protocol_generated.py``:

- ``web/types/protocol.d.ts``: TypeScript declarations for web/'s JSDoc
  (``/** @type {import("./types/protocol").EditorReply} */``) and a type check;
- ``docs/protocol.md``: the protocol for people, with the bridge's messages.

Usage: ``python tools/gen_protocol.py`` (writes both) or ``--check`` (exit 1
when either file is out of date).
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, Final

from linework.bridge import api
from linework.editor import protocol

ROOT: Final = Path(__file__).resolve().parents[1]
DTS: Final = ROOT / "web" / "types" / "protocol.d.ts"
DOC: Final = ROOT / "docs" / "protocol.md"

#: What the generated files describe, in order, by section.
SECTIONS: Final = (
    (
        "Editor events",
        (
            "PointerEvent",
            "PointerCancelEvent",
            "DoubleClickEvent",
            "KeyEvent",
            "ActionEvent",
            "DropShapeEvent",
            "RefreshEvent",
            "IdleEvent",
            "EditorEvent",
        ),
    ),
    (
        "Messages",
        (
            "EditorMessage",
            "FileNewMessage",
            "FileOpenMessage",
            "OpenPlainMessage",
            "CanvasSize",
        ),
    ),
    ("Replies", ("EditorReply", "DocumentReply", "ErrorReply")),
    ("Records", ("Response", "UiState", "UiOnce", "DocumentInfo", "OpenView")),
    ("DOM ops", ("Upsert", "Remove", "Reset", "Translate", "Op")),
    (
        "Parts",
        (
            "PageInfo",
            "Grid",
            "PageRef",
            "LayerInfo",
            "Rect",
            "Props",
            "PageRequest",
            "ErrorInfo",
            "JsonObject",
        ),
    ),
)
_JSON_OBJECT: Final = "JsonObject"


def _is_typeddict(obj: object) -> bool:
    return isinstance(obj, type) and typing.is_typeddict(obj)


def _fields(obj: Any) -> list[tuple[str, Any, bool]]:
    """Return ``(name, annotation, optional)`` for a TypedDict or dataclass."""
    hints = typing.get_type_hints(obj, include_extras=True)
    if _is_typeddict(obj):
        # ``__optional_keys__`` misses NotRequired in string annotations (3.11).
        return [
            (name, tp, name in obj.__optional_keys__ or _not_required(tp))
            for name, tp in hints.items()
        ]
    return [(f.name, hints[f.name], False) for f in dataclasses.fields(obj)]


def _not_required(tp: Any) -> bool:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return typing.get_origin(tp) is typing.NotRequired


#: Type aliases spelled by name where they are used.
_ALIASES: Final = {"Op": protocol.Op, "EditorEvent": protocol.EditorEvent}


def _unwrap(tp: Any) -> tuple[Any, list[str]]:
    """Strip NotRequired and Annotated; return the type and its notes."""
    notes: list[str] = []
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.NotRequired or origin is typing.Required:
            tp = typing.get_args(tp)[0]
        elif origin is typing.Annotated:
            args = typing.get_args(tp)
            notes.extend(str(a) for a in args[1:])
            tp = args[0]
        else:
            return tp, notes


def ts(tp: Any, *, alias: bool = True) -> str:
    """Return the TypeScript spelling of a Python annotation."""
    tp, _ = _unwrap(tp)
    for name, value in _ALIASES.items():
        if alias and tp == value:
            return name
    if tp is protocol.JsonObject:
        return _JSON_OBJECT
    if tp is str:
        return "string"
    if tp in (int, float):
        return "number"
    if tp is bool:
        return "boolean"
    if tp is type(None) or tp is None:
        return "null"
    if tp is Any:
        return "unknown"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Literal:
        return " | ".join(
            f'"{a}"' if isinstance(a, str) else str(a).lower() for a in args
        )
    if origin in (typing.Union, types.UnionType):
        return " | ".join(ts(a) for a in args)
    if origin is list:
        inner = ts(args[0])
        return f"({inner})[]" if " " in inner else f"{inner}[]"
    if origin is dict:
        spelled = ts(args[1])
        return _JSON_OBJECT if spelled == "unknown" else f"Record<string, {spelled}>"
    if isinstance(tp, type):
        return tp.__name__
    raise TypeError(f"no TypeScript spelling for {tp!r}")


def _doc(obj: Any) -> str:
    text = inspect.getdoc(obj) or ""
    return " ".join(text.split())


def _md(text: str) -> str:
    """Return RST-ish docstring text as Markdown."""
    text = re.sub(r":(?:class|func|data|meth|mod):`~?([^`]+)`", r"`\1`", text)
    return text.replace("``", "`")


def _comment(text: str, indent: str = "") -> list[str]:
    text = _md(text).replace("*/", "* /")
    return [f"{indent}/** {text} */"] if text else []


def dts() -> str:
    """Return the text of web/types/protocol.d.ts."""
    out = [
        "// Generated by tools/gen_protocol.py from src/linework/editor/protocol.py:",
        "// do not edit (tests/unit/test_protocol_generated.py checks it is current).",
        f"// Protocol version {protocol.VERSION}.",
        "",
        "/** A JSON object whose fields the protocol does not pin down. */",
        "export type JsonObject = Record<string, unknown>;",
    ]
    for _, names in SECTIONS:
        for name in names:
            if name == _JSON_OBJECT:
                continue
            obj = getattr(protocol, name)
            out.append("")
            if isinstance(obj, type):
                out.extend(_comment(_doc(obj)))
                out.append(f"export interface {name} {{")
                for field, tp, optional in _fields(obj):
                    _, notes = _unwrap(tp)
                    out.extend(_comment("; ".join(notes), "  "))
                    mark = "?" if optional else ""
                    out.append(f"  {field}{mark}: {ts(tp)};")
                out.append("}")
            else:
                out.append(f"export type {name} = {ts(obj, alias=False)};")
    return "\n".join(out) + "\n"


def _messages() -> list[str]:
    rows = ["| message `type` | handled by | what it does |", "|---|---|---|"]
    for kind, target in api.HANDLERS.items():
        module, func = target.split(":")
        handler = api._resolve(target)
        first = _md(_doc(handler)).split(". ")[0].rstrip(".")
        first = first.replace("|", "\\|")
        rows.append(f"| `{kind}` | `bridge.{module}.{func}` | {first}. |")
    return rows


def markdown() -> str:
    """Return the text of docs/protocol.md."""
    out = [
        "# The page↔core protocol",
        "",
        "<!-- Generated by tools/gen_protocol.py from src/linework/editor/protocol.py"
        " and src/linework/bridge/api.py: do not edit; "
        "tests/unit/test_protocol_generated.py checks it is current. -->",
        "",
        f"Protocol version {protocol.VERSION}. The same types, for web/'s JSDoc and "
        "type check: [`web/types/protocol.d.ts`](../web/types/protocol.d.ts).",
        "",
    ]
    for para in (inspect.getdoc(protocol) or "").split("\n\n")[1:]:
        out += [_md(" ".join(para.split())), ""]
    out += [
        "## Messages",
        "",
        "Every message is a JSON object with a `type`; the reply is a JSON object",
        'with `"ok": true`, or an [`ErrorReply`](#errorreply). Messages under',
        "`test.*` and `bench.*` serve tests and benchmarks; `open`, `page` and",
        "`render` are kept for users' scripts ([automation](automation.md)); the page",
        "itself sends neither.",
        "",
        *_messages(),
        "",
    ]
    for title, names in SECTIONS:
        out += [f"## {title}", ""]
        for name in names:
            obj = getattr(protocol, name)
            out += [f"### {name}", ""]
            if name == _JSON_OBJECT:
                out += [
                    "A JSON object whose fields the protocol does not pin down.",
                    "",
                ]
                continue
            if not isinstance(obj, type):
                out += [f"One of: {ts(obj, alias=False)}.", ""]
                continue
            out += [_md(_doc(obj)), ""]
            out += ["| field | type | notes |", "|---|---|---|"]
            for field, tp, optional in _fields(obj):
                _, notes = _unwrap(tp)
                spelled = ts(tp).replace("|", "\\|")
                note = _md("; ".join(notes)).replace("|", "\\|")
                if optional:
                    note = f"optional{'; ' + note if note else ''}"
                out.append(f"| `{field}` | `{spelled}` | {note} |")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the generated files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for path, text in ((DTS, dts()), (DOC, markdown())):
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if args.check:
            stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is out of date: run tools/gen_protocol.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
