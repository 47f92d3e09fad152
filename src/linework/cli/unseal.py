"""``linework unseal IN -o OUT``: decrypt a sealed file back to ``.linework``."""

from __future__ import annotations

import argparse
from typing import Any

from linework.cli.io import read_input, write_output
from linework.cli.seal import add_passphrase_options, read_passphrase
from linework.errors import LineworkError
from linework.files import embedded_document
from linework.seal import is_sealed, parse_sealed, unseal
from linework.seal.native import NativePrimitives


def add_parser(subparsers: Any) -> None:
    """Register ``linework unseal``."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "unseal",
        help="decrypt a sealed file",
        description="Decrypt a sealed Linework file. The passphrase is asked at a "
        "prompt, or read from --passphrase-env NAME or --passphrase-fd N; never "
        "from the command line.",
    )
    p.add_argument("input", metavar="IN", help="the sealed file, or - for stdin")
    p.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the .linework file, or -"
    )
    add_passphrase_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Unseal ``args.input`` into ``args.output``; return the exit code.

    A malformed or unsupported file is reported before the passphrase is asked,
    and a file that is not sealed at all says so (LW-E0306). A Linework SVG or
    PNG export of a sealed diagram is unsealed from the file it embeds.
    """
    data = read_input(args.input)
    if not is_sealed(data):
        inner = embedded_document(data)
        if inner is None or not is_sealed(inner):
            raise LineworkError("LW-E0306", f"Nothing to unseal in {args.input}.")
        data = inner
    parse_sealed(data)
    primitives = NativePrimitives(missing_code="LW-E0305")
    passphrase = read_passphrase(args, confirm=False, code="LW-E0304")
    write_output(args.output, unseal(data, passphrase, primitives))
    return 0
