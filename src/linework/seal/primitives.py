"""The crypto primitives the envelope needs, as a protocol to inject.

Pyodide has no OpenSSL and WebCrypto is async, so ``seal`` never imports a crypto
library: native code passes ``seal.native.NativePrimitives`` (``cryptography``),
and the browser runs the same operations in ``web/seal.js`` through the two-phase
API of ``seal.envelope`` (docs/architecture.md §2, docs/architecture.md §11.4).
"""

from __future__ import annotations

from typing import Protocol


class AuthenticationError(Exception):
    """AES-GCM refused the tag: wrong key (passphrase) or changed data.

    ``Primitives.decrypt`` raises this, and only this, on a tag mismatch, so
    ``unseal`` can turn it into LW-E0300 while real bugs keep their tracebacks.
    """


class Primitives(Protocol):
    """PBKDF2-HMAC-SHA256, AES-256-GCM and a secure random source.

    The key is opaque to the envelope: ``derive_key`` returns it and the cipher
    calls take it back unchanged.
    """

    def derive_key(self, passphrase_utf8: bytes, salt: bytes, iterations: int) -> bytes:
        """Return the 32-byte AES key PBKDF2-HMAC-SHA256 derives from the passphrase."""
        ...

    def encrypt(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        """Return AES-256-GCM ciphertext followed by its 16-byte tag."""
        ...

    def decrypt(
        self, key: bytes, nonce: bytes, ciphertext_with_tag: bytes, aad: bytes
    ) -> bytes:
        """Return the plaintext.

        Raises:
            AuthenticationError: the tag does not match.
        """
        ...

    def random_bytes(self, n: int) -> bytes:
        """Return ``n`` bytes from a cryptographically secure source."""
        ...
