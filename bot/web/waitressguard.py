"""What `genebot serve` adds to waitress for serving the public directly: request-smuggling
and Host guards in the parser, and error pages that are JSON with the app's security headers.

waitress has no hooks for these, but its channel names its parser and error-task classes as
attributes, so a server swaps in the subclasses below for its own connections only.
"""

from __future__ import annotations

import json
from typing import Any

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.task import ErrorTask

from .headers import API_CSP, BASE_HEADERS

__all__ = ["guard"]


class GuardedParser(HTTPRequestParser):  # type: ignore[misc]
    def parse_header(self, header_plus: bytes) -> None:
        super().parse_header(header_plus)
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            # Both lengths: a proxy in front may believe the other one (request smuggling).
            raise ParsingError("a request may not have both Content-Length and Transfer-Encoding")
        if self.version == "1.1" and not self.headers.get("HOST"):
            raise ParsingError("an HTTP/1.1 request needs a Host header")


class JSONErrorTask(ErrorTask):  # type: ignore[misc]
    """waitress' own errors (400, 413, 431, ...) in the app's format and with its headers."""

    def execute(self) -> None:
        error = self.request.error
        detail = str(getattr(error, "body", "") or error.reason)
        body = json.dumps({"error": {"status": error.code, "detail": detail}}).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend([
            ("Content-Type", "application/json; charset=utf-8"),
            ("Cache-Control", "no-store"),
            ("Content-Security-Policy", API_CSP),
            *BASE_HEADERS.items(),
        ])
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class GuardedChannel(HTTPChannel):  # type: ignore[misc]
    parser_class = GuardedParser
    error_task_class = JSONErrorTask


def guard(server: Any) -> Any:
    """Make a waitress server's new connections use the guarded parser and JSON errors."""
    server.channel_class = GuardedChannel
    return server
