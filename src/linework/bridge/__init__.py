"""The one place JavaScript talks to the core (docs/architecture.md §8).

Only this package may import ``js`` or ``pyodide`` (ruff bans them elsewhere).
JavaScript holds one object, made by :func:`create_api`, and calls its
``handle(message: str) -> str`` with JSON strings; nothing else crosses.
"""

from linework.bridge.api import Api, create_api

__all__ = ["Api", "create_api"]
