"""`genebot serve`: the WSGI app (bot/web/wsgi.py) under waitress, a production WSGI server.

waitress is imported inside the functions that need it, so `genebot ask` stays quick.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from typing import Any

from .settings import Config, parse_addresses, parse_origins, parse_rate_limit

__all__ = ["add_arguments", "make_server", "run", "stop_server"]

log = logging.getLogger("genebot.server")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    parser.add_argument("--port", type=int, default=8000,
                        help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    parser.add_argument(
        "--allowed-origins", metavar="LIST",
        help="comma list of other sites that may embed the widget, e.g. https://clinic.example "
        "(env GENEBOT_ALLOWED_ORIGINS; default: this server's own origin only)",
    )
    parser.add_argument(
        "--rate-limit", metavar="N/SECONDS",
        help="requests per client address per period, per process, e.g. 60/60; 'off' disables "
        "it (env GENEBOT_RATE_LIMIT; default 60/60)",
    )
    parser.add_argument(
        "--trusted-proxy", metavar="IPS",
        help="comma list of reverse proxy addresses whose X-Forwarded-For names the client, so "
        "the rate limit is per patient, not per proxy (env GENEBOT_TRUSTED_PROXIES)",
    )
    parser.add_argument(
        "--log-misses", metavar="FILE",
        help="append questions the bot could not answer, redacted, to FILE for curators "
        "(env GENEBOT_MISS_LOG; off by default: these are health questions)",
    )
    parser.add_argument("--access-log", action="store_true", default=None,
                        help="log method, route, status and time of each request "
                        "(never message text; env GENEBOT_ACCESS_LOG=1)")


def run(args: argparse.Namespace) -> int:
    from .wsgi import create_app

    _configure_logging()
    config = Config.from_environ(
        os.environ,
        content=args.content,
        allowed_origins=_given(parse_origins, args.allowed_origins, "--allowed-origins"),
        rate_limit=_given(parse_rate_limit, args.rate_limit, "--rate-limit"),
        trusted_proxies=_given(parse_addresses, args.trusted_proxy, "--trusted-proxy"),
        access_log=args.access_log,
        miss_log=args.log_misses,
    )
    app = create_app(config=config)
    server = make_server(app, args.host, args.port, threads=args.threads, max_body=config.max_body)
    log.info("genebot is listening on http://%s:%s/ (demo page /, widget /widget.js, "
             "API /api/chat)", server.effective_host, server.effective_port)
    log.info("CORS allows this origin%s; rate limit %s per client per process; access log %s",
             "".join(" and " + origin for origin in config.allowed_origins),
             config.rate_limit, "on" if config.access_log else "off")
    _stop_on_sigterm()
    server.run()  # returns on Ctrl-C or SIGTERM, after the requests in progress
    return 0


# Explicit limits, so `genebot serve` holds by itself on one machine: slow clients time out
# and cannot use up the connections, headers and bodies are refused before they are buffered.
LIMITS = {
    "connection_limit": 1000,           # waitress' default of 100 lets ~100 slow clients stop it
    "channel_timeout": 15,              # seconds a connection may sit idle (a slowloris trickles)
    "cleanup_interval": 5,
    "max_request_header_size": 8192,    # a 64 KB header is refused (431) before it is read whole
    "asyncore_use_poll": True,          # select() cannot watch more than 1,024 sockets
}


def make_server(app: Any, host: str = "127.0.0.1", port: int = 8000, *, threads: int = 8,
                max_body: int = 4096) -> Any:
    """A waitress server bound to (host, port), not yet running: call ``.run()`` to serve."""
    from waitress import create_server

    from .waitressguard import guard

    return guard(create_server(
        app, host=host, port=port, threads=threads, ident="genebot", expose_tracebacks=False,
        max_request_body_size=max_body,  # the app's own limit: refused before it is buffered
        **LIMITS,
    ))


def stop_server(server: Any) -> None:
    """Stop a server running in another thread: close every socket from inside its own loop."""

    def close_all() -> None:
        server.task_dispatcher.shutdown(timeout=1)
        for channel in list(server._map.values()):
            if channel is not server.trigger:
                channel.close()
        server.trigger.close()

    server.trigger.pull_trigger(close_all)


def _given(parse: Any, text: str | None, name: str) -> Any:
    """A flag's parsed value, or None when it was not given (the environment then decides)."""
    return parse(text, name) if text else None


def _stop_on_sigterm() -> None:
    """SIGTERM (systemd, docker stop) ends the server as Ctrl-C does: waitress then finishes
    the requests in progress instead of dying mid-reply."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _raise_exit)


def _raise_exit(signum: int, frame: Any) -> None:
    raise SystemExit(0)


def _configure_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Under load waitress warns about its task queue on every request: a flood, not news.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
