"""The tool states keep the package's rule, one state per module, each placed
in the import-linter contract that keeps states leading one way (the line tool
sat outside the package, editor/linetool.py, with two states and no place in
the contract)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import tomllib
from pathlib import Path

import linework.editor as editor_pkg
import linework.editor.tools as tools_pkg
from linework.editor.tools import DrawingLine, LineTool, State

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"


def _modules() -> dict[str, object]:
    return {
        m.name: importlib.import_module(f"linework.editor.tools.{m.name}")
        for m in pkgutil.iter_modules(tools_pkg.__path__)
    }


def test_each_tool_module_defines_at_most_one_state() -> None:
    for name, module in _modules().items():
        states = [
            obj
            for obj in vars(module).values()
            if inspect.isclass(obj)
            and issubclass(obj, State)
            and obj.__module__ == module.__name__  # type: ignore[attr-defined]
        ]
        limit = 3 if name == "base" else 1  # State, Pointing, Gesture
        assert len(states) <= limit, (name, states)


def test_every_tool_state_module_is_in_the_layers_contract() -> None:
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"][
        "contracts"
    ]
    (tools,) = [
        c for c in contracts if c.get("containers") == ["linework.editor.tools"]
    ]
    placed = {m.strip() for layer in tools["layers"] for m in layer.split(":")}
    assert set(_modules()) == placed


def test_the_line_tool_lives_in_the_tools_package() -> None:
    assert LineTool.__module__ == "linework.editor.tools.line_tool"
    assert DrawingLine.__module__ == "linework.editor.tools.drawing_line"
    names = {m.name for m in pkgutil.iter_modules(editor_pkg.__path__)}
    assert "linetool" not in names
