"""Conversation state as a small token the client carries between messages.

The server keeps no sessions, so the state comes back from the client. It holds a few
topic ids and small counters and grants nothing: a client that edits it can at most make
"2" mean a topic it could have asked about directly. So it is not signed, which lets any
number of processes and restarts continue each other's conversations with no shared
secret; instead it is validated strictly (ASCII, size, base64url JSON, known topic ids,
bounded numbers), and anything that fails a check starts the conversation afresh, which
is always safe. Tokens of earlier versions ("payload.signature") are read by their payload.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Collection
from typing import Any

from ..engine.conversation import State

__all__ = ["MAX_TOKEN", "StateCodec"]

MAX_TOKEN = 1024  # characters; a real state is about 150


class StateCodec:
    """Turns a State into ``base64url(json)`` and back, validating on the way in."""

    def dumps(self, state: State) -> str:
        data = json.dumps(state.to_dict(), separators=(",", ":"), ensure_ascii=True).encode("ascii")
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

    def loads(self, token: Any, topics: Collection[str]) -> State:
        """The state a token carries, or a fresh State if it is missing, malformed or too big."""
        data = self.decode(token)
        return State.from_dict(data, topics) if data is not None else State()

    def decode(self, token: Any) -> Any | None:
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN or not token.isascii():
            return None
        payload = token.partition(".")[0]
        try:
            return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)), parse_int=_small)
        except (binascii.Error, ValueError):
            return None


def _small(text: str) -> int:
    """A JSON number in a state is a small counter: refuse long digit strings before int()."""
    if len(text) > 7:
        raise ValueError("number too long")
    return int(text)
