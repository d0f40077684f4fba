"""The HTTP API, the help widget and a demo page, as one plain WSGI application.

Import path for any WSGI server: ``bot.web:app`` (created on first use from GENEBOT_*
variables), or build your own with ``create_app(bot, config)``::

    gunicorn --workers 2 --worker-class gthread --threads 2 -b 127.0.0.1:8000 bot.web:app

The server keeps no sessions: the conversation state travels with the client as a signed
token, so any process or host can answer any message.
"""

from __future__ import annotations

import logging
import math
import time
import traceback
from importlib import resources
from typing import Any

from .http import (
    JSON_MEDIA,
    Asset,
    HTTPError,
    JSONResponse,
    Match,
    Request,
    Response,
    Route,
    StartResponse,
    error_response,
)
from ..curate.misslog import MissLog
from .ratelimit import RateLimiter
from .replycache import ReplyCache
from .signing import StateSigner
from .settings import Config

__all__ = ["App", "Config", "create_app"]

log = logging.getLogger("genebot.web")
access_log = logging.getLogger("genebot.access")

STATIC = {  # path -> (file in bot/web/static, media type, Cache-Control)
    "/": ("demo.html", "text/html; charset=utf-8", "no-cache"),
    "/demo.css": ("demo.css", "text/css; charset=utf-8", "public, max-age=3600"),
    "/widget.js": ("widget.js", "text/javascript; charset=utf-8", "public, max-age=3600"),
    "/widget.css": ("widget.css", "text/css; charset=utf-8", "public, max-age=3600"),
}
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


def create_app(bot: Any = None, config: Config | None = None) -> App:
    """A WSGI app around ``bot`` (loaded from ``config.content`` if None)."""
    config = config or Config.from_environ()
    if bot is None:
        from ..engine.bot import load

        bot = load(config.content)
    return App(bot, config)


class App:
    """Routes requests, adds CORS and security headers, and never lets an exception out."""

    def __init__(self, bot: Any, config: Config) -> None:
        self.bot = bot
        self.config = config
        if config.secret is None:
            log.warning(
                "GENEBOT_SECRET is not set: using a random secret for this process only. "
                "Set the same GENEBOT_SECRET on every process and host that serves the API."
            )
        self.signer = StateSigner(config.secret)
        self.limiter = RateLimiter(config.rate_limit)
        # With the miss log on, every reply goes through the engine so that every miss counts.
        self.misses = MissLog(config.miss_log) if config.miss_log else None
        self.cache = ReplyCache(0 if self.misses else config.reply_cache)
        self.topic_ids = frozenset(bot.content.topics)
        self.assets = {
            path: Asset.of(_static(name), media) for path, (name, media, _) in STATIC.items()
        }
        self.routes = [
            Route("/api/chat", frozenset({"POST"}), self.chat, "chat"),
            Route("/api/welcome", frozenset({"GET"}), self.welcome, "welcome"),
            Route("/api/topics", frozenset({"GET"}), self.topics, "topics"),
            Route("/healthz", frozenset({"GET"}), self.health, "health"),
            *(Route(path, frozenset({"GET"}), self.static, path) for path in STATIC),
        ]

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        started = time.perf_counter()
        request = Request(environ, self.config.max_body)
        route: Route | None = None
        try:
            route, match = self._route(request)
            response = self._dispatch(request, route, match)
        except HTTPError as exc:
            response = error_response(exc)
        except Exception as exc:  # a bug must show the client a JSON 500, never a traceback
            _log_exception(request, route, exc)
            response = error_response(
                HTTPError(500, "something went wrong on the server; please try again")
            )
        self._finish(request, route, response)
        if self.config.access_log:
            access_log.info(
                "%s %s %d %.1fms",
                request.method,
                route.path if route else "-",
                response.status,
                (time.perf_counter() - started) * 1000,
            )
        return response(start_response, head_only=request.method == "HEAD")

    def _route(self, request: Request) -> tuple[Route, Match]:
        partial: Route | None = None
        for route in self.routes:
            match = route.matches(request)
            if match is Match.FULL:
                return route, match
            if match is Match.PARTIAL and partial is None:
                partial = route
        if partial is None:
            raise HTTPError(404, "there is nothing at this address")
        return partial, Match.PARTIAL

    def _dispatch(self, request: Request, route: Route, match: Match) -> Response:
        origin = request.header("Origin")
        if route.path in API_PATHS and origin and not self._origin_ok(request, origin):
            raise HTTPError(
                403, "this site is not allowed to use the API (see GENEBOT_ALLOWED_ORIGINS)"
            )
        if request.method == "OPTIONS":
            return Response(status=204, headers={"Allow": route.allow()})
        if match is Match.PARTIAL:
            raise HTTPError(405, f"use {route.allow()}", {"Allow": route.allow()})
        if route.path in API_PATHS:
            wait = self.limiter.check(self._client(request))
            if wait > 0:
                raise HTTPError(
                    429,
                    f"too many requests; try again in {math.ceil(wait)} s "
                    f"(limit {self.config.rate_limit} requests/seconds)",
                    {"Retry-After": str(math.ceil(wait))},
                )
        return route.handler(request)

    def _client(self, request: Request) -> str:
        """The client's address: behind a trusted proxy, the last hop it did not add itself."""
        address = request.client
        trusted = self.config.trusted_proxies
        if address in trusted:
            hops = [hop.strip() for hop in (request.header("X-Forwarded-For") or "").split(",")]
            for hop in reversed(hops):
                if hop and hop not in trusted:
                    return hop
        return address

    def _origin_ok(self, request: Request, origin: str) -> bool:
        return _same_origin(request, origin) or self.config.allows(origin)

    def _finish(self, request: Request, route: Route | None, response: Response) -> None:
        """Headers every response gets: security, caching, and CORS for allowed sites."""
        headers = response.headers
        for name, value in BASE_HEADERS.items():
            headers.setdefault(name, value)
        headers.setdefault("Cache-Control", "no-store")
        headers.setdefault("Content-Security-Policy", API_CSP)
        path = route.path if route else ""
        headers.setdefault(
            "Cross-Origin-Resource-Policy",
            "cross-origin" if path in WIDGET_ASSETS else "same-origin",
        )
        if path not in API_PATHS:
            return
        headers["Vary"] = "Origin"
        origin = request.header("Origin")
        if origin and not _same_origin(request, origin) and self.config.allows(origin):
            headers["Access-Control-Allow-Origin"] = origin
            if request.method == "OPTIONS":
                headers["Access-Control-Allow-Methods"] = CORS_METHODS
                headers["Access-Control-Allow-Headers"] = "Content-Type"
                headers["Access-Control-Max-Age"] = CORS_MAX_AGE

    # --- handlers -----------------------------------------------------------------------

    def chat(self, request: Request) -> Response:
        data = request.json()
        if not isinstance(data, dict):
            raise HTTPError(400, 'send a JSON object, e.g. {"message": "is gene therapy safe?"}')
        message = data.get("message")
        if not isinstance(message, str):
            raise HTTPError(400, 'the field "message" is required and must be a string')
        state = self.signer.loads(data.get("state"), self.topic_ids)
        key = self.cache.key(message, state)
        cached = self.cache.get(key)
        if cached is not None:
            return Response(cached, 200, JSON_MEDIA)
        reply, new_state = self.bot.reply(message, state)
        if self.misses is not None:
            self.misses.observe(self.bot, message, reply)
        body = reply.to_dict()
        body["state"] = self.signer.dumps(new_state)
        response = JSONResponse(body)
        if reply.body != self.bot.content.messages.error:  # an engine failure is not worth keeping
            self.cache.put(key, response.content)
        return response

    def welcome(self, request: Request) -> Response:
        """The greeting and the words the widget shows around replies, from the content."""
        messages = self.bot.content.messages
        body = self.bot.welcome().to_dict()
        body["state"] = None
        body["labels"] = {"suggestions": messages.suggestions_lead, "sources": messages.source_lead}
        return JSONResponse(body, headers={"Cache-Control": "public, max-age=300"})

    def topics(self, request: Request) -> Response:
        topics = [
            {"id": t.id, "group": t.group, "question": t.question}
            for t in self.bot.content.topics.values()
        ]
        return JSONResponse({"topics": topics}, headers={"Cache-Control": "public, max-age=300"})

    def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    def static(self, request: Request) -> Response:
        asset = self.assets[request.path]
        content, headers = asset.body(request.header("Accept-Encoding"))
        headers["Cache-Control"] = STATIC[request.path][2]
        if request.path == "/":
            headers |= {"Content-Security-Policy": DEMO_CSP, "X-Frame-Options": "DENY"}
        if _etag_matches(request.header("If-None-Match"), headers["ETag"]):
            return Response(status=304, headers=headers)
        return Response(content, 200, asset.media_type, headers)


def _same_origin(request: Request, origin: str) -> bool:
    """Whether Origin names this server; compared by host, as a TLS proxy may change the scheme."""
    host = (request.header("Host") or "").lower()
    return bool(host) and origin.lower().rstrip("/").split("://", 1)[-1] == host


def _etag_matches(if_none_match: str | None, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in (if_none_match or "").split(",")}
    return etag in tags or "*" in tags


def _static(name: str) -> bytes:
    return (resources.files("bot.web") / "static" / name).read_bytes()


def _log_exception(request: Request, route: Route | None, exc: BaseException) -> None:
    """Log where it failed, but not the exception's message: it may quote what a patient typed."""
    where = "".join(traceback.format_tb(exc.__traceback__))
    log.error(
        "unhandled %s in %s %s\n%s",
        type(exc).__name__,
        request.method,
        route.path if route else "-",
        where,
    )

