"""The native command line: ``linework VERB …``.

Each verb lives in its own module with ``add_parser(subparsers)`` and ``run(args)``;
``VERBS`` lists them explicitly. Bad input never shows a traceback: a
``LineworkError`` becomes one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Final

from linework import __version__
from linework.errors import LineworkError

VERBS: Final[tuple[str, ...]] = (
    "render",
    "validate",
    "convert",
    "seal",
    "unseal",
    "export",
    "report",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every available verb."""
    parser = argparse.ArgumentParser(
        prog="linework", description="Render, check and convert Linework diagrams."
    )
    parser.add_argument(
        "--version", action="version", version=f"linework {__version__}"
    )
    sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    for verb in VERBS:
        try:
            module = importlib.import_module(f"linework.cli.{verb}")
        except ModuleNotFoundError as exc:
            if exc.name != f"linework.cli.{verb}":
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except LineworkError as exc:
        print(f"linework: {exc.describe()}", file=sys.stderr)
        return 2
    except OSError as exc:
        err = LineworkError(
            "LW-E0700", f"{exc.filename or ''}: {exc.strerror}".strip(": ")
        )
        print(f"linework: {err.describe()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code
