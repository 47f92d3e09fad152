"""Native crypto primitives from the ``cryptography`` package (OpenSSL).

``cryptography`` is imported when ``NativePrimitives`` is built, never at module
import, so ``linework.seal`` still imports in Pyodide, where it does not exist.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, final

from linework.errors import LineworkError
from linework.seal.envelope import KEY_BYTES
from linework.seal.primitives import AuthenticationError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.hashes import SHA256
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

_MISSING: str = (
    "Sealed files need the 'cryptography' package: pip install 'linework[native]'."
)


@final
class NativePrimitives:
    """PBKDF2-HMAC-SHA256, AES-256-GCM and ``os.urandom`` for the CLI and tests.

    Args:
        missing_code: the error code to raise when ``cryptography`` is not
            installed; LW-E0305 ("Encryption needs the cryptography package"),
            whose message already carries the install hint.

    Raises:
        LineworkError: ``missing_code`` when ``cryptography`` cannot be imported.
    """

    def __init__(self, *, missing_code: str = "LW-E0305") -> None:
        try:
            from cryptography.exceptions import InvalidTag
            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.ciphers import aead
            from cryptography.hazmat.primitives.kdf import pbkdf2
        except ImportError:
            detail = "" if missing_code == "LW-E0305" else _MISSING
            raise LineworkError(missing_code, detail) from None
        self._invalid_tag: type[Exception] = InvalidTag
        self._sha256: type[SHA256] = hashes.SHA256
        self._aesgcm: type[AESGCM] = aead.AESGCM
        self._pbkdf2: type[PBKDF2HMAC] = pbkdf2.PBKDF2HMAC

    def derive_key(self, passphrase_utf8: bytes, salt: bytes, iterations: int) -> bytes:
        """Return the 32-byte key PBKDF2-HMAC-SHA256 derives from the passphrase."""
        kdf = self._pbkdf2(
            algorithm=self._sha256(), length=KEY_BYTES, salt=salt, iterations=iterations
        )
        return kdf.derive(passphrase_utf8)

    def encrypt(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        """Return AES-256-GCM ciphertext followed by its 16-byte tag."""
        return self._aesgcm(key).encrypt(nonce, plaintext, aad)

    def decrypt(
        self, key: bytes, nonce: bytes, ciphertext_with_tag: bytes, aad: bytes
    ) -> bytes:
        """Return the plaintext.

        Raises:
            AuthenticationError: the tag does not match.
        """
        try:
            out = self._aesgcm(key).decrypt(nonce, ciphertext_with_tag, aad)
        except self._invalid_tag:
            raise AuthenticationError from None
        return out

    def random_bytes(self, n: int) -> bytes:
        """Return ``n`` bytes from the operating system's secure source."""
        return os.urandom(n)
