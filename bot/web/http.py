"""Just enough HTTP for one small WSGI app, in the spirit of Starlette: Request, responses, routes.

Nothing here knows about the chatbot; bot/web/wsgi.py wires these pieces to it.
"""

from __future__ import annotations

import enum
import gzip
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

__all__ = [
    "JSON_MEDIA",
    "Asset",
    "HTTPError",
    "JSONResponse",
    "Match",
    "Request",
    "Response",
    "Route",
    "StartResponse",
    "WSGIApp",
    "error_response",
]

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

JSON_TYPE = "application/json"
JSON_MEDIA = "application/json; charset=utf-8"


class HTTPError(Exception):
    """An HTTP error the client should see as JSON; the detail defaults to the status phrase."""

    def __init__(
        self, status: int, detail: str | None = None, headers: Mapping[str, str] | None = None
    ):
        self.status = status
        self.detail = detail or HTTPStatus(status).phrase
        self.headers = dict(headers or {})
        super().__init__(f"{status}: {self.detail}")


class Request:
    """A read-only view of a WSGI environ; the body is read once, lazily, up to a limit."""

    def __init__(self, environ: dict[str, Any], max_body: int = 4096) -> None:
        self.environ = environ
        self.max_body = max_body
        self._body: bytes | None = None

    @property
    def method(self) -> str:
        return str(self.environ.get("REQUEST_METHOD", "GET")).upper()

    @property
    def path(self) -> str:
        return str(self.environ.get("PATH_INFO") or "/")

    @property
    def client(self) -> str:
        return str(self.environ.get("REMOTE_ADDR") or "unknown")

    def header(self, name: str) -> str | None:
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        value = self.environ.get(key)
        return None if value is None else str(value)

    def body(self) -> bytes:
        """The raw body; 413 if it is (or claims to be) over the limit, before reading more."""
        if self._body is None:
            declared = self.header("Content-Length") or ""
            try:
                length = int(declared) if declared.strip() else 0
            except ValueError:
                raise HTTPError(400, "Content-Length is not a number") from None
            if length > self.max_body:
                raise HTTPError(413, f"the request body is over {self.max_body} bytes")
            stream = self.environ.get("wsgi.input")
            if stream is None:
                data = b""
            elif declared.strip():
                data = stream.read(length) if length > 0 else b""
            else:  # no Content-Length (chunked, under some servers): read one byte past the limit
                data = stream.read(self.max_body + 1)
                if len(data) > self.max_body:
                    raise HTTPError(413, f"the request body is over {self.max_body} bytes")
            self._body = bytes(data)
        return self._body

    def json(self) -> Any:
        """The body parsed as JSON: 415 for another media type, 400 for anything malformed."""
        media = (self.header("Content-Type") or "").split(";")[0].strip().lower()
        if media != JSON_TYPE:
            raise HTTPError(415, "send the body as application/json")
        try:
            return json.loads(self.body().decode("utf-8"), parse_int=_bounded_int)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise HTTPError(400, "the body is not valid JSON") from None
        except ValueError:  # a number too long to be a number this API takes
            raise HTTPError(400, "the body has a number with too many digits") from None


def _bounded_int(text: str) -> int:
    """No field of this API is a number of more than a few digits: refuse long ones before
    int() spends time on them (Python refuses past 4,300 digits, which would be a 500)."""
    if len(text.lstrip("-")) > 18:
        raise ValueError("number too long")
    return int(text)


@dataclass
class Response:
    """Bytes plus a status and headers; calling it sends it through start_response."""

    content: bytes = b""
    status: int = 200
    media_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def __call__(self, start_response: StartResponse, head_only: bool = False) -> list[bytes]:
        headers = dict(self.headers)
        if self.media_type and "Content-Type" not in headers:
            headers["Content-Type"] = self.media_type
        if self.status not in (204, 304):
            headers["Content-Length"] = str(len(self.content))
        status = f"{self.status} {HTTPStatus(self.status).phrase}"
        start_response(status, list(headers.items()))
        return [] if head_only or self.status in (204, 304) else [self.content]


def render_json(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
        "utf-8"
    )


def JSONResponse(
    content: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:  # noqa: N802
    """A Response whose content is compact UTF-8 JSON (Starlette's rendering)."""
    return Response(render_json(content), status, JSON_MEDIA, dict(headers or {}))


def error_response(error: HTTPError) -> Response:
    body = {"error": {"status": error.status, "detail": error.detail}}
    return JSONResponse(body, error.status, error.headers)


@dataclass(frozen=True)
class Asset:
    """A static file held in memory, plain and gzipped, so serving it is a dictionary lookup."""

    content: bytes
    gzipped: bytes
    media_type: str
    digest: str

    @classmethod
    def of(cls, content: bytes, media_type: str) -> Asset:
        gzipped = gzip.compress(content, compresslevel=9, mtime=0)
        return cls(content, gzipped, media_type, hashlib.sha256(content).hexdigest()[:20])

    def body(self, accept_encoding: str | None) -> tuple[bytes, dict[str, str]]:
        """The bytes to send and their headers; each encoding has its own (strong) ETag."""
        headers = {"Vary": "Accept-Encoding"}
        if "gzip" in (accept_encoding or "").lower() and len(self.gzipped) < len(self.content):
            gz = {"Content-Encoding": "gzip", "ETag": f'"{self.digest}-gz"'}
            return self.gzipped, headers | gz
        return self.content, headers | {"ETag": f'"{self.digest}"'}


class Match(enum.Enum):
    NONE = 0
    PARTIAL = 1  # the path matches but not the method: a 405
    FULL = 2


@dataclass(frozen=True)
class Route:
    """One exact path, the methods it answers, and its handler ``handler(request) -> Response``."""

    path: str
    methods: frozenset[str]
    handler: Callable[[Request], Response]
    name: str = ""

    def __post_init__(self) -> None:
        assert self.path.startswith("/"), "Routed paths must start with '/'"

    def matches(self, request: Request) -> Match:
        if request.path != self.path:
            return Match.NONE
        if request.method in self.methods or (request.method == "HEAD" and "GET" in self.methods):
            return Match.FULL
        return Match.PARTIAL

    def allow(self) -> str:
        methods = set(self.methods) | ({"HEAD"} if "GET" in self.methods else set()) | {"OPTIONS"}
        return ", ".join(sorted(methods))
