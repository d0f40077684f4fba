"""The web face: the WSGI app, its HTTP helpers, settings, rate limit, reply cache, the
state a client carries between requests, server start-up, and the widget's static files.

It imports the engine (and the miss log from ``bot.curate``), never the terminal face.
``bot.web:app`` is the WSGI entry point for any server; it is built on first use, so
importing ``bot.web`` (or one of its modules) stays cheap.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """``bot.web.app``: the application object, created from GENEBOT_* settings on first use."""
    if name == "app":
        from .wsgi import create_app

        globals()["app"] = app = create_app()
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
