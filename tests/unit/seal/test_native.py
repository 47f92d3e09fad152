"""Tests of the native primitives and of importing the seal tree without them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from linework.errors import LineworkError
from linework.seal import AuthenticationError
from linework.seal.native import NativePrimitives


def test_decrypt_failure_is_authentication_error() -> None:
    """A bad tag raises the protocol's AuthenticationError, not a library type."""
    p = NativePrimitives()
    key = p.derive_key(b"pw", bytes(16), 100_000)
    ct = p.encrypt(key, bytes(12), b"data", b"aad")

    with pytest.raises(AuthenticationError):
        p.decrypt(key, bytes(12), ct, b"other aad")


def test_missing_cryptography(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``cryptography`` the error names the code given and the install hint."""
    monkeypatch.setitem(sys.modules, "cryptography", None)
    monkeypatch.setitem(sys.modules, "cryptography.exceptions", None)

    with pytest.raises(LineworkError) as info:
        NativePrimitives(missing_code="LW-E0001")

    assert info.value.code == "LW-E0001"
    assert "pip install 'linework[native]'" in info.value.detail


def test_seal_tree_imports_without_cryptography() -> None:
    """linework.seal and .native import, alone, where ``cryptography`` does not exist."""
    code = (
        "import sys; sys.modules['cryptography'] = None\n"
        "import linework.seal, linework.seal.native\n"
        "from linework.seal import begin_seal, finish_seal, parse_sealed\n"
        "plan = begin_seal(bytes(16), bytes(12), 100000)\n"
        "env = parse_sealed(finish_seal(plan, bytes(16)))\n"
        "assert env.aad == plan.aad\n"
        "assert not any(m.startswith('cryptography') and sys.modules[m] "
        "for m in sys.modules)\n"
        # a bottom layer: nothing of Linework but errors and seal itself
        "assert {m for m in sys.modules if m.startswith('linework')} <= "
        "{'linework', 'linework.errors'} | "
        "{m for m in sys.modules if m.startswith('linework.seal')}\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert proc.returncode == 0, proc.stderr
