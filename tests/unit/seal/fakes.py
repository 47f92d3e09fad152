"""Primitives wrappers for tests: fixed randomness, call recording, fast KDF."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from linework.seal.native import NativePrimitives


@dataclass
class SpyPrimitives:
    """Native primitives that record every call, to prove what ran and when."""

    inner: NativePrimitives = field(default_factory=NativePrimitives)
    calls: list[str] = field(default_factory=list)

    def derive_key(self, passphrase_utf8: bytes, salt: bytes, iterations: int) -> bytes:
        """Record and derive."""
        self.calls.append("derive_key")
        return self.inner.derive_key(passphrase_utf8, salt, iterations)

    def encrypt(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        """Record and encrypt."""
        self.calls.append("encrypt")
        return self.inner.encrypt(key, nonce, plaintext, aad)

    def decrypt(self, key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        """Record and decrypt."""
        self.calls.append("decrypt")
        return self.inner.decrypt(key, nonce, data, aad)

    def random_bytes(self, n: int) -> bytes:
        """Record and draw."""
        self.calls.append("random_bytes")
        return self.inner.random_bytes(n)


@dataclass
class FixedRandom(SpyPrimitives):
    """Native primitives whose randomness replays the given bytes, for vectors."""

    chunks: list[bytes] = field(default_factory=list)

    def random_bytes(self, n: int) -> bytes:
        """Return the next fixed chunk, which must be ``n`` bytes long."""
        self.calls.append("random_bytes")
        chunk = self.chunks.pop(0)
        assert n == len(chunk)
        return chunk


@dataclass
class FastKdf(SpyPrimitives):
    """Native primitives whose KDF runs one PBKDF2 round whatever the header says.

    The public API refuses fewer than 100,000 iterations; this test-only seam keeps
    property tests fast while every byte of envelope logic still runs.
    """

    def derive_key(self, passphrase_utf8: bytes, salt: bytes, iterations: int) -> bytes:
        """Derive with a single round (test speed only)."""
        self.calls.append("derive_key")
        return hashlib.pbkdf2_hmac("sha256", passphrase_utf8, salt, 1, 32)
