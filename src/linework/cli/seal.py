"""``linework seal IN -o OUT``: encrypt a ``.linework`` file with a passphrase.

The passphrase comes from a prompt (asked twice), an environment variable
(``--passphrase-env NAME``) or a file descriptor (``--passphrase-fd N``), never
from argv: the command line is visible to other users in ``ps`` and is kept in
shell history. ``linework.cli.unseal`` reuses the passphrase helpers here.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any, Final, NoReturn

from linework.cli.io import read_input, write_output
from linework.errors import LineworkError
from linework.formats import native
from linework.seal import DEFAULT_ITERATIONS, is_sealed, seal, strength
from linework.seal.native import NativePrimitives

MAX_PASSPHRASE_BYTES: Final = 64 * 1024


class _RefuseArgvPassphrase(argparse.Action):
    """Reject ``--passphrase VALUE`` with advice, instead of a vague usage error."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> NoReturn:
        parser.error(
            "a passphrase on the command line is visible to other users and kept "
            "in shell history; use the prompt, --passphrase-env NAME or "
            "--passphrase-fd N"
        )


def add_passphrase_options(parser: argparse.ArgumentParser) -> None:
    """Add the ways to pass a passphrase, and refuse the unsafe one."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--passphrase-env",
        metavar="NAME",
        help="read the passphrase from the environment variable NAME",
    )
    source.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=int,
        help="read the passphrase from the first line of file descriptor N",
    )
    source.add_argument(
        "--passphrase",
        "-p",
        nargs="?",
        action=_RefuseArgvPassphrase,
        help=argparse.SUPPRESS,
    )


def read_passphrase(args: argparse.Namespace, *, confirm: bool, code: str) -> str:
    """Return the passphrase from the chosen source.

    Args:
        args: parsed options of ``add_passphrase_options``.
        confirm: ask twice at a prompt (sealing), refusing a mismatch.
        code: the error code for a missing passphrase.

    Raises:
        LineworkError: ``code`` when no passphrase can be read or the two typed
            passphrases differ.
    """
    if args.passphrase_env is not None:
        value = os.environ.get(args.passphrase_env)
        if not value:
            raise LineworkError(
                code, f"The environment variable {args.passphrase_env} is not set."
            )
        return value
    if args.passphrase_fd is not None:
        return _read_fd_line(args.passphrase_fd, code)
    return _prompt(confirm=confirm, code=code)


def _read_fd_line(fd: int, code: str) -> str:
    # Byte by byte, so nothing past the newline is consumed: the descriptor may
    # be stdin with the input file following the passphrase line.
    line = bytearray()
    try:
        while len(line) <= MAX_PASSPHRASE_BYTES:
            ch = os.read(fd, 1)
            if not ch or ch == b"\n":
                break
            line += ch
    except OSError as exc:
        raise LineworkError(code, f"File descriptor {fd}: {exc.strerror}.") from None
    if len(line) > MAX_PASSPHRASE_BYTES:
        raise LineworkError(code, f"The passphrase on descriptor {fd} is too long.")
    try:
        text = bytes(line).decode("utf-8").removesuffix("\r")
    except UnicodeDecodeError:
        raise LineworkError(
            code, f"The passphrase on descriptor {fd} is not UTF-8."
        ) from None
    if not text:
        raise LineworkError(code, f"File descriptor {fd} gave an empty passphrase.")
    return text


def _prompt(*, confirm: bool, code: str) -> str:
    if not _has_terminal():
        raise LineworkError(
            code,
            "There is no terminal to ask for it; use --passphrase-env NAME or "
            "--passphrase-fd N.",
        )
    first = getpass.getpass("Passphrase: ")
    if not first:
        raise LineworkError(code, "The passphrase is empty.")
    if confirm:
        score, label = strength(first)
        print(f"Passphrase strength: {label} ({score}/4)", file=sys.stderr)
        if getpass.getpass("Repeat the passphrase: ") != first:
            raise LineworkError(code, "The two passphrases differ.")
    return first


def _has_terminal() -> bool:
    # getpass falls back to reading stdin when there is no terminal, which would
    # swallow piped input; refuse instead.
    if os.name == "nt":
        return sys.stdin.isatty()
    try:
        with open("/dev/tty", "rb"):
            return True
    except OSError:
        return False


def add_parser(subparsers: Any) -> None:
    """Register ``linework seal``."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "seal",
        help="encrypt a .linework file with a passphrase",
        description="Encrypt a .linework file with a passphrase (AES-256-GCM, "
        "PBKDF2-HMAC-SHA256). The passphrase is asked twice at a prompt, or read "
        "from --passphrase-env NAME or --passphrase-fd N; never from the command "
        "line.",
    )
    p.add_argument("input", metavar="IN", help="the .linework file, or - for stdin")
    p.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the sealed file, or -"
    )
    p.add_argument(
        "--iterations",
        type=int,
        default=DEFAULT_ITERATIONS,
        help=f"PBKDF2 iterations (default {DEFAULT_ITERATIONS:,})",
    )
    add_passphrase_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Seal ``args.input`` into ``args.output``; return the exit code.

    The input is checked and the crypto library loaded before the passphrase is
    asked for, so a bad file never costs the user a prompt.
    """
    data = read_input(args.input)
    if is_sealed(data):
        raise LineworkError("LW-E0303", f"{args.input} is already sealed.")
    native.decode(data)  # only a valid .linework file may be sealed
    primitives = NativePrimitives(missing_code="LW-E0305")
    passphrase = read_passphrase(args, confirm=True, code="LW-E0303")
    write_output(
        args.output, seal(data, passphrase, primitives, iterations=args.iterations)
    )
    return 0
