"""The generated views of the protocol match its Python types (issue 15)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    path = ROOT / "tools" / "gen_protocol.py"
    spec = importlib.util.spec_from_file_location("gen_protocol", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_checked_in_typescript_matches_the_python_types() -> None:
    gen = _generator()
    assert (ROOT / "web/types/protocol.d.ts").read_text(encoding="utf-8") == gen.dts()


def test_protocol_doc_is_current() -> None:
    gen = _generator()
    assert (ROOT / "docs/protocol.md").read_text(encoding="utf-8") == gen.markdown()


def test_every_ui_field_and_message_is_in_the_generated_files() -> None:
    from linework.bridge.api import HANDLERS
    from linework.editor.protocol import UI_FIELDS

    dts = (ROOT / "web/types/protocol.d.ts").read_text(encoding="utf-8")
    doc = (ROOT / "docs/protocol.md").read_text(encoding="utf-8")
    ui = dts.split("export interface UiState {")[1].split("\n}")[0]
    assert all(f"  {name}: " in ui for name in UI_FIELDS)
    assert all(f"| `{kind}` |" in doc for kind in HANDLERS)


def test_typescript_spelling_of_python_types() -> None:
    from typing import Literal, NotRequired

    gen = _generator()
    assert "string | null" == gen.ts(str | None)
    assert '"a" | "b"' == gen.ts(Literal["a", "b"])
    assert "true" == gen.ts(Literal[True])
    assert "Record<string, boolean>" == gen.ts(dict[str, bool])
    assert "(string | null)[]" == gen.ts(list[str | None])
    assert "number" == gen.ts(NotRequired[float])
