"""The one validator of message fields: a type check with the error code to raise."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any, TypeVar, overload

from linework.errors import LineworkError

T = TypeVar("T")
_NAMES = {str: "a string", bool: "true or false", int: "an integer", dict: "an object"}


@overload
def field(
    message: Mapping[str, Any], name: str, kind: type[T], *, code: str = ...
) -> T: ...
@overload
def field(
    message: Mapping[str, Any],
    name: str,
    kind: type[T],
    *,
    code: str = ...,
    optional: bool,
) -> T | None: ...
def field(
    message: Mapping[str, Any],
    name: str,
    kind: type[T],
    *,
    code: str = "LW-E0001",
    optional: bool = False,
) -> T | None:
    """Return ``message[name]`` if it is a ``kind`` (None when optional and absent).

    ``bool`` is no ``int`` here, as in JSON.

    Raises:
        LineworkError: ``code``, naming the field.
    """
    value = message.get(name)
    if value is None and optional:
        return None
    if isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
        return value
    what = _NAMES.get(kind, kind.__name__)
    raise LineworkError(code, f"message field {name!r} must be {what}")


def data(message: Mapping[str, Any], name: str, code: str = "LW-E0001") -> bytes:
    """Return the bytes of a base64 field (files cross as base64 text), or
    the bytes that came beside the message in its stead (``Api.handle``).

    Raises:
        LineworkError: LW-E0001 when it is not text, ``code`` when not base64.
    """
    given = message.get(name)
    if isinstance(given, bytes):
        return given
    text = field(message, name, str)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise LineworkError(code, f"message field {name!r} is not base64") from None


def b64(raw: bytes) -> str:
    """Return bytes as base64 text for a reply."""
    return base64.b64encode(raw).decode("ascii")
