"""`genebot serve`: the WSGI app (bot/web.py) under waitress, a production WSGI server.

waitress is imported inside the functions that need it, so `genebot ask` stays quick.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

from .webconfig import Config, parse_origins, parse_rate_limit

__all__ = ["add_arguments", "make_server", "run", "stop_server"]

log = logging.getLogger("genebot.server")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    parser.add_argument(
        "--allowed-origins", metavar="LIST",
        help="comma list of other sites that may embed the widget, e.g. https://clinic.example "
        "(env GENEBOT_ALLOWED_ORIGINS; default: this server's own origin only)",
    )
    parser.add_argument(
        "--rate-limit", metavar="N/SECONDS",
        help="requests per client IP per period, per process, e.g. 60/60; 'off' disables it "
        "(env GENEBOT_RATE_LIMIT; default 60/60)",
    )
    parser.add_argument(
        "--trusted-proxy", metavar="IP",
        help="the reverse proxy's address: take the client IP and scheme from its X-Forwarded-* "
        "headers (needed for a per-client rate limit behind a proxy)",
    )
    parser.add_argument("--access-log", action="store_true", default=None,
                        help="log method, path, status and time of each request (never message text)")


def run(args: argparse.Namespace) -> int:
    from .web import create_app

    _configure_logging()
    config = Config.from_environ(
        os.environ,
        content=args.content,
        allowed_origins=parse_origins(args.allowed_origins) if args.allowed_origins else None,
        rate_limit=parse_rate_limit(args.rate_limit, "--rate-limit") if args.rate_limit else None,
        access_log=args.access_log,
    )
    app = create_app(config=config)
    server = make_server(app, args.host, args.port, threads=args.threads, trusted_proxy=args.trusted_proxy)
    host, port = _address(server)
    log.info("genebot is listening on http://%s:%s/ (demo page /, widget /widget.js, API /api/chat)",
             host, port)
    log.info("CORS allows this origin%s; rate limit %s per client per process; access log %s",
             "" if not config.allowed_origins else " and " + ", ".join(config.allowed_origins),
             config.rate_limit, "on" if config.access_log else "off")
    server.run()  # returns on Ctrl-C
    return 0


def make_server(app: Any, host: str = "127.0.0.1", port: int = 8000, *, threads: int = 8,
                trusted_proxy: str | None = None) -> Any:
    """A waitress server bound to (host, port), not yet running: call ``.run()`` to serve."""
    from waitress import create_server

    options: dict[str, Any] = {
        "host": host, "port": port, "threads": threads, "ident": "genebot",
        # The app answers an oversized body with a JSON 413 before reading it; this only stops
        # waitress from buffering a huge body first.
        "max_request_body_size": 1 << 20,
        "expose_tracebacks": False,
    }
    if trusted_proxy:
        options |= {
            "trusted_proxy": trusted_proxy,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
        }
    return create_server(app, **options)


def stop_server(server: Any) -> None:
    """Stop a server running in another thread: close every socket from inside its own loop."""

    def close_all() -> None:
        server.task_dispatcher.shutdown(timeout=1)
        for channel in list(server._map.values()):
            if channel is not server.trigger:
                channel.close()
        server.trigger.close()

    server.trigger.pull_trigger(close_all)


def _address(server: Any) -> tuple[str, int]:
    return str(server.effective_host), int(server.effective_port)


def _configure_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
