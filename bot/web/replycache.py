"""A small LRU of finished /api/chat responses, keyed by a digest of (message, state).

The engine is a pure function of (message, state) over immutable content, so a reply can be
reused as long as the process lives. Many people ask the same few questions and click the
same suggestions, and a hit costs microseconds instead of a classification (about 1 ms).
Keys are BLAKE2 digests and values are the rendered replies, which never quote the message:
what a patient typed is not kept in memory after the request.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from ..engine.conversation import State

__all__ = ["ReplyCache"]


class ReplyCache:
    """Thread-safe, bounded; ``size == 0`` turns it off."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._items: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def key(message: str, state: State) -> bytes:
        digest = hashlib.blake2b(message.encode("utf-8", "surrogatepass"), digest_size=16)
        digest.update(repr(state).encode("utf-8", "surrogatepass"))
        return digest.digest()

    def get(self, key: bytes) -> bytes | None:
        if not self.size:
            return None
        with self._lock:
            value = self._items.get(key)
            if value is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: bytes, value: bytes) -> None:
        if not self.size:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
