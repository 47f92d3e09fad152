"""The examples in the core's docstrings run, so they stay true.

One test per module that has examples (``linework.bridge`` needs Pyodide's
``js`` module and has none; ``__main__`` modules run when imported). Runs natively and on the Pyodide interpreter.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import linework

#: Fewer examples than this means modules were silently skipped.
MIN_EXAMPLES = 70


def _modules() -> list[str]:
    names = [linework.__name__]
    for info in pkgutil.walk_packages(linework.__path__, prefix="linework."):
        if info.name.startswith("linework.bridge") or info.name.endswith("__main__"):
            continue  # Pyodide's js module; a __main__ runs the CLI when imported
        names.append(info.name)
    return sorted(names)


def _tests(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [t for t in finder.find(module, name) if t.examples]


MODULES = [name for name in _modules() if _tests(name)]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in _tests(name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert 0 == result.failed, f"{result.failed} example(s) failed in {name}"


def test_the_examples_are_all_found() -> None:
    count = sum(len(t.examples) for name in MODULES for t in _tests(name))
    assert count >= MIN_EXAMPLES
