"""``linework unseal IN -o OUT``: decrypt a sealed file back to ``.linework``."""

from __future__ import annotations

import argparse
from typing import Any

from linework.cli.io import read_input, write_output
from linework.cli.seal import add_passphrase_options, read_passphrase
from linework.seal import parse_sealed, unseal
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

    A malformed or unsupported file is reported before the passphrase is asked.
    """
    data = read_input(args.input)
    parse_sealed(data)
    primitives = NativePrimitives(missing_code="LW-E0305")
    passphrase = read_passphrase(args, confirm=False, code="LW-E0304")
    write_output(args.output, unseal(data, passphrase, primitives))
    return 0
