"""Conversation state as an opaque, signed token the client carries between messages.

The server keeps no sessions, so the state must come back from the client. It is signed
(HMAC-SHA256) so the server only acts on states it issued itself, and bounded in size so a
client cannot make the server parse something large. Anything that fails a check is
simply ignored: the conversation starts afresh, which is always safe.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Collection
from typing import Any

from ..engine.conversation import State

__all__ = ["MAX_TOKEN", "StateSigner"]

MAX_TOKEN = 1024  # characters; a real state is about 200


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class StateSigner:
    """Turns a State into ``base64url(json).base64url(hmac)`` and back."""

    def __init__(self, secret: bytes | str | None = None) -> None:
        if isinstance(secret, str):
            secret = secret.encode("utf-8")
        self._key = secret or secrets.token_bytes(32)

    def _signature(self, payload: str) -> str:
        return _b64encode(hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).digest())

    def dumps(self, state: State) -> str:
        data = json.dumps(state.to_dict(), separators=(",", ":"), ensure_ascii=True).encode("ascii")
        payload = _b64encode(data)
        return f"{payload}.{self._signature(payload)}"

    def loads(self, token: Any, topics: Collection[str]) -> State:
        """The state a token carries, or a fresh State if it is missing, forged, or too big."""
        data = self.verify(token)
        return State.from_dict(data, topics) if data is not None else State()

    def verify(self, token: Any) -> Any | None:
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN or not token.isascii():
            return None
        payload, dot, signature = token.partition(".")
        if not dot or not hmac.compare_digest(signature, self._signature(payload)):
            return None
        try:
            return json.loads(_b64decode(payload))
        except (binascii.Error, ValueError):
            return None
