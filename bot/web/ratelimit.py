"""A per-client token bucket, in process memory.

Each process counts on its own: under gunicorn with N workers a client can get up to N
times the limit. For a hard limit across processes or hosts, enforce it in the reverse
proxy in front (nginx ``limit_req``, a load balancer's rate rules) and keep this one as a
backstop.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["RateLimit", "RateLimiter", "client_key"]


@dataclass(frozen=True, slots=True)
class RateLimit:
    """``requests`` per ``seconds`` per client; ``requests == 0`` turns limiting off."""

    requests: int
    seconds: float

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """Read "60/60" (60 requests per 60 seconds); "0" or "off" disables the limit."""
        text = text.strip().lower()
        if text in ("0", "off", "none"):
            return cls(0, 1.0)
        count, slash, period = text.partition("/")
        try:
            limit = cls(int(count), float(period) if slash else 60.0)
        except ValueError:
            raise ValueError("not of the form REQUESTS/SECONDS, e.g. 60/60") from None
        if limit.requests < 0 or not limit.seconds > 0 or not math.isfinite(limit.seconds):
            raise ValueError("use a count >= 0 and a period > 0 seconds, e.g. 60/60")
        return limit

    @property
    def enabled(self) -> bool:
        return self.requests > 0

    def __str__(self) -> str:
        return f"{self.requests}/{self.seconds:g}" if self.enabled else "off"


class RateLimiter:
    """Allows a burst of ``requests``, refilled evenly over ``seconds``; thread-safe.

    Memory is bounded: past ``max_clients`` the least recently seen buckets go first (dict
    order is recency, since a bucket is re-inserted on every request).
    """

    def __init__(
        self,
        limit: RateLimit,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.limit = limit
        self._clock = clock
        self._max_clients = max_clients
        self._rate = limit.requests / limit.seconds if limit.enabled else 0.0
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, last update)
        self._lock = threading.Lock()

    def check(self, client: str) -> float:
        """0.0 if the client may go ahead (and count it), else seconds until it may retry."""
        if not self.limit.enabled:
            return 0.0
        client = client_key(client)
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.limit.requests), now))
            tokens = min(float(self.limit.requests), tokens + (now - last) * self._rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)  # re-inserted: dict order is recency
                self._prune(now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self._rate

    def _prune(self, now: float) -> None:
        """Drop the least recently seen buckets, oldest first, a few per call: no scan of the
        table under the lock. A dropped bucket loses nothing a full bucket would not."""
        for _ in range(min(8, len(self._buckets) - self._max_clients)):
            del self._buckets[next(iter(self._buckets))]


def client_key(address: str) -> str:
    """IPv4 by address, IPv6 by its /64: one network cannot take unlimited buckets."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # ::ffff:10.0.0.1 is an IPv4 client
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
