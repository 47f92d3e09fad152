"""What the bridge remembers between messages: the app's workspace.

The rules live in :mod:`linework.app.workspace`; the bridge only adapts them
to JSON messages.
"""

from linework.app.workspace import Workspace as Session

__all__ = ["Session"]
