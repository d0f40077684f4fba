"""The headers every response gets: security, caching, and CORS for the sites allowed to
embed the widget. Kept apart from routing so the policy can be read in one place."""

from __future__ import annotations

from .http import Request, Response
from .settings import Config

__all__ = ["API_PATHS", "DEMO_CSP", "WIDGET_ASSETS", "add_headers", "origin_allowed"]

WIDGET_ASSETS = frozenset({"/widget.js", "/widget.css"})  # loaded by other sites' pages
API_PATHS = frozenset({"/api/chat", "/api/topics", "/api/welcome"})  # CORS and the rate limit

DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"
BASE_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
CORS_METHODS = "GET, POST, OPTIONS"
CORS_MAX_AGE = "600"


def origin_allowed(request: Request, origin: str, config: Config) -> bool:
    return same_origin(request, origin) or config.allows(origin)


def same_origin(request: Request, origin: str) -> bool:
    """Whether Origin names this server; compared by host, as a TLS proxy may change the scheme."""
    host = (request.header("Host") or "").lower()
    return bool(host) and origin.lower().rstrip("/").split("://", 1)[-1] == host


def add_headers(request: Request, path: str, response: Response, config: Config) -> None:
    """Security and caching headers on every response; CORS on the API for allowed sites."""
    headers = response.headers
    for name, value in BASE_HEADERS.items():
        headers.setdefault(name, value)
    headers.setdefault("Cache-Control", "no-store")
    headers.setdefault("Content-Security-Policy", API_CSP)
    headers.setdefault(
        "Cross-Origin-Resource-Policy",
        "cross-origin" if path in WIDGET_ASSETS else "same-origin",
    )
    if path not in API_PATHS:
        return
    headers["Vary"] = "Origin"
    origin = request.header("Origin")
    # A refused site may read its 403 (and only that), so the widget can tell the person the
    # site is not set up, instead of a network error that looks like a lost connection.
    refused = response.status == 403
    if origin and not same_origin(request, origin) and (config.allows(origin) or refused):
        headers["Access-Control-Allow-Origin"] = origin
        if request.method == "OPTIONS" and not refused:
            headers["Access-Control-Allow-Methods"] = CORS_METHODS
            headers["Access-Control-Allow-Headers"] = "Content-Type"
            headers["Access-Control-Max-Age"] = CORS_MAX_AGE
