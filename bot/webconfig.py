"""The web server's settings: one frozen value, read from flags and the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import UsageError
from .ratelimit import RateLimit

__all__ = ["Config", "parse_origins", "parse_rate_limit"]

ENV = {
    "allowed_origins": "GENEBOT_ALLOWED_ORIGINS",
    "secret": "GENEBOT_SECRET",
    "rate_limit": "GENEBOT_RATE_LIMIT",
    "max_body": "GENEBOT_MAX_BODY",
    "content": "GENEBOT_CONTENT",
    "access_log": "GENEBOT_ACCESS_LOG",
}


@dataclass(frozen=True)
class Config:
    """How the web app behaves; the defaults are the safe ones."""

    allowed_origins: tuple[str, ...] = ()   # other sites that may embed the widget; own origin always
    secret: str | None = field(default=None, repr=False)  # signs the state; random per process if None
    rate_limit: RateLimit = RateLimit(60, 60.0)            # per client IP, per process
    max_body: int = 4096                    # bytes in a request body
    content: str | None = None              # content folder; None for the packaged content
    access_log: bool = False                # method, path and status only; never message text

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Config:
        """Settings from GENEBOT_* variables, then ``overrides`` (flags) that are not None."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if env.get(ENV["allowed_origins"]):
            values["allowed_origins"] = parse_origins(env[ENV["allowed_origins"]], ENV["allowed_origins"])
        if env.get(ENV["secret"]):
            values["secret"] = env[ENV["secret"]]
        if env.get(ENV["rate_limit"]):
            values["rate_limit"] = parse_rate_limit(env[ENV["rate_limit"]], ENV["rate_limit"])
        if env.get(ENV["max_body"]):
            values["max_body"] = _max_body(env[ENV["max_body"]], ENV["max_body"])
        if env.get(ENV["content"]):
            values["content"] = env[ENV["content"]]
        if env.get(ENV["access_log"]):
            values["access_log"] = env[ENV["access_log"]].strip().lower() in ("1", "true", "yes", "on")
        config = cls(**values)
        return replace(config, **{k: v for k, v in overrides.items() if v is not None})

    def allows(self, origin: str) -> bool:
        return "*" in self.allowed_origins or origin.lower().rstrip("/") in self.allowed_origins


def parse_origins(text: str, name: str = "--allowed-origins") -> tuple[str, ...]:
    """A comma list of origins like ``https://clinic.example``, or ``*`` for any site."""
    origins = []
    for item in text.split(","):
        origin = item.strip().lower().rstrip("/")
        if not origin:
            continue
        if origin != "*" and (not origin.startswith(("http://", "https://")) or "/" in origin.split("://", 1)[1]):
            raise UsageError(
                f"{name} has value {item.strip()!r}: not an origin; use scheme://host[:port], "
                "e.g. https://clinic.example, with no path"
            )
        origins.append(origin)
    return tuple(origins)


def parse_rate_limit(text: str, name: str) -> RateLimit:
    try:
        return RateLimit.parse(text)
    except ValueError as exc:
        raise UsageError(f"{name} has value {text!r}: {exc}") from None


def _max_body(text: str, name: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"{name} has value {text!r}: not a whole number of bytes") from None
    if value < 256:
        raise UsageError(f"{name} has value {text!r}: use at least 256 bytes")
    return value
