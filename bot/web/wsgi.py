"""The HTTP API, the help widget and a demo page, as one plain WSGI application.

Import path for any WSGI server: ``bot.web:app`` (created on first use from GENEBOT_*
variables), or build your own with ``create_app(bot, config)``::

    gunicorn --workers 2 --worker-class gthread --threads 2 -b 127.0.0.1:8000 bot.web:app

The server keeps no sessions: the conversation state travels with the client as a signed
token, so any process or host can answer any message.
"""

from __future__ import annotations

import json
import logging
import math
import time
import traceback
from importlib import resources
from typing import Any

from .chat import ChatHandler
from .headers import API_PATHS, DEMO_CSP, add_headers, origin_allowed
from .http import Asset, HTTPError, JSONResponse, Match, Request, Response, Route, StartResponse, error_response
from .ratelimit import RateLimiter
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


def create_app(bot: Any = None, config: Config | None = None) -> App:
    """A WSGI app around ``bot`` (loaded from ``config.content`` if None)."""
    config = config or Config.from_environ()
    if bot is None:
        from ..engine.bot import load

        bot = load(config.content)
    return App(bot, config)


class App:
    """Routes requests to their handlers, applies the rate limit, and never lets an exception out."""

    def __init__(self, bot: Any, config: Config) -> None:
        self.bot = bot
        self.config = config
        self.chat = ChatHandler(bot, config)
        self.limiter = RateLimiter(config.rate_limit)
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
        add_headers(request, route.path if route else "", response, self.config)
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
        if route.path in API_PATHS and origin and not origin_allowed(request, origin, self.config):
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

    # --- handlers -----------------------------------------------------------------------

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


def _etag_matches(if_none_match: str | None, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in (if_none_match or "").split(",")}
    return etag in tags or "*" in tags


def _static(name: str) -> bytes:
    data = (resources.files("bot.web") / "static" / name).read_bytes()
    if name == "widget.js":  # the stylesheet travels inside the script: no second request to fail
        css = json.dumps((resources.files("bot.web") / "static" / "widget.css").read_text(encoding="utf-8"))
        data = data.replace(b'"__GENEBOT_CSS__"', css.encode("utf-8"))
    return data


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

