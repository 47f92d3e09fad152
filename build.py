#!/usr/bin/env python3
"""Build, serve, test and benchmark the Linework web app.

Standard library only, so ``python3 build.py`` runs on a bare Python 3.11+.

    python3 build.py [build]           write dist/: the static site
    python3 build.py serve [--port N]  build if needed, serve dist/ on 127.0.0.1
    python3 build.py test [ARGS...]    venv, dist, Chromium, then the CI steps
    python3 build.py bench             start-up next to a bare Pyodide, site size

This script only reads the command line; the work is done by the ``devtools``
package in tools/devtools/ (site build, assets, snapshot, server, test steps,
bench). ``python3 build.py test`` runs the named steps lint, native, pyodide
and browser in that order and stops at the first that fails;
``--step NAME`` (repeatable) runs only those; any other arguments go to pytest.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _hand_over_to_pypa_build() -> None:
    """Run PyPA's ``build`` when this script was reached as ``python -m build``.

    Python puts the current directory first on sys.path, so ``python -m build``
    run in the repository finds this file before PyPA's package of the same
    name. This script is ``python3 build.py``; ``python -m build`` stays PyPA's.
    """
    import importlib.util
    import runpy

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    if importlib.util.find_spec("build") is None:
        sys.exit(
            "python -m build: PyPA's build is not installed (pip install build).\n"
            "This repository's own script is run as: python3 build.py [command]"
        )
    runpy.run_module("build", run_name="__main__", alter_sys=True)
    sys.exit(0)


if __name__ == "__main__" and getattr(globals().get("__spec__"), "name", "") == "build":
    _hand_over_to_pypa_build()

# The devtools package lives in tools/ (out of the wheel, beside the scripts).
_TOOLS = str(Path(__file__).resolve().parent / "tools")
if _TOOLS not in sys.path:
    sys.path.insert(0, _TOOLS)

from devtools.common import (  # noqa: E402
    DIST,
    PYODIDE_NPM,
    BuildError,
    hashed_name,
    log,
    tool,
)
from devtools.headers import ERROR_ENDPOINT, site_options  # noqa: E402
from devtools.server import SiteServer, serving  # noqa: E402
from devtools.site import build, built_options, dist_is_fresh  # noqa: E402
from devtools.testing import STEP_NAMES, find_chromium  # noqa: E402

# What other scripts reach through this module (tools/bench_*.py, older tests).
__all__ = [
    "DIST",
    "PYODIDE_NPM",
    "BuildError",
    "SiteServer",
    "build",
    "dist_is_fresh",
    "find_chromium",
    "hashed_name",
    "main",
    "serving",
    "tool",
]


def _build_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "error_endpoint": args.error_endpoint,
        "report_errors": not args.no_error_reports,
        "frame_ancestors": args.frame_ancestors,
        "embed_origins": args.embed_origins,
    }


def cmd_build(args: argparse.Namespace) -> int:
    """Build dist/."""
    build(**_build_options(args))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Build if needed (or built with other options), then serve dist/ until stopped."""
    kwargs = _build_options(args)
    options = site_options(**kwargs)
    if args.rebuild or not dist_is_fresh() or built_options() != options:
        build(**kwargs)
    try:
        server = SiteServer(
            DIST,
            args.port,
            frame_ancestors=options["frameAncestors"],
            connect_src=options["connectSrc"],
            quiet=not args.verbose,
        )
    except OSError as exc:
        raise BuildError(
            f"cannot serve on port {args.port} ({exc}); try --port N"
        ) from exc
    print(f"Linework is at {server.url}  (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    """Run the CI steps (all, or the ``--step`` ones), or one pytest with ARGS."""
    from devtools import testing

    if args.steps:
        return testing.run_steps(args.steps, args.pytest_args)
    if args.pytest_args:
        return testing.run_pytest(args.pytest_args)
    return testing.run_steps(STEP_NAMES, ())


def cmd_bench(args: argparse.Namespace) -> int:
    """Print cold/warm start next to a bare Pyodide boot, and the site's size."""
    import importlib.util
    import subprocess

    if importlib.util.find_spec("playwright") is None:
        from devtools.testing import ensure_venv

        python = ensure_venv()
        return subprocess.run(
            [str(python), __file__, "bench", *sys.argv[2:]], check=False
        ).returncode
    from devtools.bench import BenchOptions, run_bench

    return run_bench(
        BenchOptions(
            runs=args.runs,
            rebuild=args.rebuild,
            json=args.json,
            plain_boot=args.plain_boot,
            seal=args.seal,
            editor=args.editor,
            icons=args.icons,
            native=args.native,
        )
    )


def _split_test_args(raw: list[str]) -> tuple[list[str], list[str]]:
    """Split what follows ``test`` into ``--step`` names and pytest's arguments.

    ``--step NAME`` / ``--step=NAME`` may be given first, any number of times;
    everything else (options included) goes to pytest unchanged.
    """
    steps: list[str] = []
    rest = list(raw)
    while rest and (rest[0] == "--step" or rest[0].startswith("--step=")):
        head = rest.pop(0)
        if head == "--step":
            if not rest:
                raise BuildError(f"--step needs one of: {', '.join(STEP_NAMES)}")
            head = rest.pop(0)
        else:
            head = head.split("=", 1)[1]
        for name in head.split(","):
            if name not in STEP_NAMES:
                raise BuildError(
                    f"unknown step {name!r}; the steps are {', '.join(STEP_NAMES)}"
                )
            steps.append(name)
    return steps, rest


def _parser() -> argparse.ArgumentParser:
    """Return the command line's parser (the flags are the automation contract)."""
    parser = argparse.ArgumentParser(
        prog="build.py", description=(__doc__ or "").split("\n\n")[0]
    )
    sub = parser.add_subparsers(dest="command")
    p_build = sub.add_parser("build", help="write dist/ (default)")
    p_serve = sub.add_parser(
        "serve", help="build if needed and serve dist/ on 127.0.0.1"
    )
    for p in (p_build, p_serve):
        p.add_argument(
            "--no-error-reports",
            "--no-error-reporting",
            dest="no_error_reports",
            action="store_true",
            help="build the page with the error beacon off",
        )
        p.add_argument(
            "--error-endpoint",
            default=ERROR_ENDPOINT[1:],
            help="where error codes go: a path here, an http(s) URL, or none"
            f" (default {ERROR_ENDPOINT[1:]})",
        )
        p.add_argument(
            "--frame-ancestors",
            default=None,
            help="CSP frame-ancestors sources (default: 'self' and --embed-origins)",
        )
        p.add_argument(
            "--embed-origins",
            default="",
            help="parent origins allowed in embed URLs, e.g."
            " 'https://a.example https://b.example' (default: any that may frame)",
        )
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.add_argument(
        "--rebuild", action="store_true", help="build even if dist/ looks fresh"
    )
    p_serve.add_argument(
        "--verbose", action="store_true", help="log requests (never client addresses)"
    )
    p_test = sub.add_parser(
        "test",
        help="venv + dist + Chromium, then the CI steps"
        f" ({', '.join(STEP_NAMES)}); --step NAME runs one",
    )
    p_test.add_argument(
        "--step",
        dest="steps",
        action="append",
        default=[],
        metavar="NAME",
        help=f"run only this step: {', '.join(STEP_NAMES)} (repeatable; first)",
    )
    p_test.add_argument("pytest_args", nargs="*", help="passed on to pytest")
    p_bench = sub.add_parser("bench", help="print start-up figures and the site's size")
    p_bench.add_argument("--runs", type=int, default=5)
    p_bench.add_argument("--rebuild", action="store_true")
    p_bench.add_argument("--json", action="store_true", help="also print raw timings")
    p_bench.add_argument(
        "--plain-boot",
        action="store_true",
        help="also time Linework with its snapshot withheld (the fallback boot)",
    )
    for flag, script in (
        ("seal", "the sealed-file section (tools/bench_browser_seal.py)"),
        ("editor", "the editor section (tools/bench_browser_editor.py)"),
        ("icons", "the icons section (tools/bench_browser_icons.py)"),
        (
            "native",
            "the native render of 90,000 elements (tools/bench_native_render.py)",
        ),
    ):
        p_bench.add_argument(
            f"--no-{flag}", dest=flag, action="store_false", help=f"skip {script}"
        )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run a subcommand."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    try:
        if args.command == "test":
            # Everything after `test` goes to pytest, options included, but
            # for leading --step options.
            raw = list(sys.argv[1:] if argv is None else argv)
            args.steps, args.pytest_args = _split_test_args(
                raw[raw.index("test") + 1 :]
            )
        elif unknown:
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        commands: dict[str | None, Callable[[argparse.Namespace], int]] = {
            None: cmd_build,
            "build": cmd_build,
            "serve": cmd_serve,
            "test": cmd_test,
            "bench": cmd_bench,
        }
        if args.command is None:
            args.no_error_reports, args.error_endpoint = False, ERROR_ENDPOINT[1:]
            args.frame_ancestors, args.embed_origins = None, ""
        return commands[args.command](args)
    except BuildError as exc:
        log(f"error: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
