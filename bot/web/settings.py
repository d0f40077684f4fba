"""The web server's settings: one frozen value, read from flags and the environment."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..engine.errors import UsageError
from .ratelimit import RateLimit

__all__ = ["Config", "parse_addresses", "parse_origins", "parse_rate_limit"]


@dataclass(frozen=True)
class Config:
    """How the web app behaves; the defaults are the safe ones."""

    # Other sites that may embed the widget; the server's own origin is always allowed.
    allowed_origins: tuple[str, ...] = ()
    # Per client address, per process.
    rate_limit: RateLimit = RateLimit(60, 60.0)
    # Largest request body, in bytes.
    max_body: int = 4096
    # The content folder; None for the packaged content.
    content: str | None = None
    # Method, route, status and time of each request; never message text.
    access_log: bool = False
    # Finished replies kept per process; 0 turns the cache off.
    reply_cache: int = 4096
    # Proxies whose X-Forwarded-For names the client (for the rate limit).
    trusted_proxies: tuple[str, ...] = ()
    # Opt-in log of questions the bot could not answer (see bot/curate/misslog.py); None: off.
    miss_log: str | None = None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Config:
        """Settings from GENEBOT_* variables, then ``overrides`` (flags) that are not None."""
        env = os.environ if environ is None else environ
        values = {
            name: parse(env[variable], variable)
            for name, (variable, parse) in ENVIRONMENT.items()
            if env.get(variable, "").strip()
        }
        config = cls(**values)
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})

    def allows(self, origin: str) -> bool:
        return "*" in self.allowed_origins or origin.lower().rstrip("/") in self.allowed_origins


def parse_origins(text: str, name: str = "--allowed-origins") -> tuple[str, ...]:
    """A comma list of origins like ``https://clinic.example``, or ``*`` for any site."""
    origins = []
    for item in (part.strip() for part in text.split(",")):
        origin = item.lower().rstrip("/")
        if not origin:
            continue
        host = origin.split("://", 1)[-1]
        if origin != "*" and (not origin.startswith(("http://", "https://")) or "/" in host):
            raise UsageError(
                f"{name} has value {item!r}: not an origin; use scheme://host[:port], "
                "e.g. https://clinic.example, with no path"
            )
        origins.append(origin)
    return tuple(origins)


def parse_addresses(text: str, name: str = "--trusted-proxy") -> tuple[str, ...]:
    """A comma list of IP addresses, e.g. ``127.0.0.1,10.0.0.5``."""
    addresses = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            addresses.append(str(ipaddress.ip_address(item)))
        except ValueError:
            raise UsageError(f"{name} has value {item!r}: not an IP address") from None
    return tuple(addresses)


def parse_rate_limit(text: str, name: str = "--rate-limit") -> RateLimit:
    try:
        return RateLimit.parse(text)
    except ValueError as exc:
        raise UsageError(f"{name} has value {text!r}: {exc}") from None


def _whole_number(minimum: int, unit: str) -> Callable[[str, str], int]:
    def parse(text: str, name: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise UsageError(f"{name} has value {text!r}: not a whole number of {unit}") from None
        if value < minimum:
            raise UsageError(f"{name} has value {text!r}: use at least {minimum} {unit}")
        return value

    return parse


def _flag(text: str, name: str) -> bool:
    return text.strip().lower() in ("1", "true", "yes", "on")


def _text(text: str, name: str) -> str:
    return text


ENVIRONMENT: dict[str, tuple[str, Callable[[str, str], Any]]] = {
    "allowed_origins": ("GENEBOT_ALLOWED_ORIGINS", parse_origins),
    "rate_limit": ("GENEBOT_RATE_LIMIT", parse_rate_limit),
    "max_body": ("GENEBOT_MAX_BODY", _whole_number(256, "bytes")),
    "content": ("GENEBOT_CONTENT", _text),
    "access_log": ("GENEBOT_ACCESS_LOG", _flag),
    "reply_cache": ("GENEBOT_REPLY_CACHE", _whole_number(0, "entries")),
    "trusted_proxies": ("GENEBOT_TRUSTED_PROXIES", parse_addresses),
    "miss_log": ("GENEBOT_MISS_LOG", _text),
}
