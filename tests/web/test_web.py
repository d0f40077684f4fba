"""The HTTP API, called in-process through WSGI: every status, CORS, headers and the state."""

from __future__ import annotations

import base64
import gzip
import io
import json
import logging
from dataclasses import dataclass
from typing import Any
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest

import bot
from bot.cli import main
from bot.engine.errors import UsageError
from bot.engine.replies import compose
from bot.web.ratelimit import RateLimit, RateLimiter
from bot.web.state import MAX_TOKEN
from bot.web.wsgi import Config, create_app

QUESTION = "what are the risks of gene therapy"


@dataclass
class Result:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def call_wsgi(
    app: Any,
    method: str = "GET",
    path: str = "/",
    json_body: Any = None,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    client: str = "127.0.0.1",
) -> Result:
    """One request through the app (checked by wsgiref's WSGI validator), like a TestClient."""
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)  # Host 127.0.0.1, http, ...
    raw = body if body is not None else b"" if json_body is None else json.dumps(json_body).encode()
    environ.update(
        REQUEST_METHOD=method,
        PATH_INFO=path,
        QUERY_STRING="",
        REMOTE_ADDR=client,
        CONTENT_LENGTH=str(len(raw)),
        **{"wsgi.input": io.BytesIO(raw)},
    )
    if json_body is not None:
        environ["CONTENT_TYPE"] = "application/json"
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
    seen: dict[str, Any] = {}

    def start_response(
        status: str, response_headers: list[tuple[str, str]], exc_info: Any = None
    ) -> Any:
        seen.update(status=int(status.split()[0]), headers=dict(response_headers))
        return lambda data: None

    chunks = validator(app)(environ, start_response)
    try:
        content = b"".join(chunks)
    finally:
        chunks.close()
    return Result(seen["status"], seen["headers"], content)


@pytest.fixture(scope="module")
def app(genebot: bot.Bot) -> Any:
    return create_app(genebot, Config(rate_limit=RateLimit(0, 1)))


def chat(app: Any, message: Any, state: Any = None, **kwargs: Any) -> Result:
    return call_wsgi(app, "POST", "/api/chat", {"message": message, "state": state}, **kwargs)


def assert_error(result: Result, status: int) -> dict[str, Any]:
    assert result.status == status
    assert result.headers["Content-Type"] == "application/json; charset=utf-8"
    error = result.json()["error"]
    assert error["status"] == status and error["detail"]
    assert b"Traceback" not in result.body
    return error


# --- 200: the conversation ----------------------------------------------------------------


def test_chat_returns_the_same_fields_as_ask_json_plus_state(app: Any, capsys: Any) -> None:
    assert main(["ask", "--json", QUESTION]) == 0
    expected = json.loads(capsys.readouterr().out)
    result = chat(app, QUESTION)
    assert result.status == 200
    data = result.json()
    assert isinstance(data.pop("state"), str)
    assert data == expected
    assert data["kind"] == "answer" and data["sources"] and data["disclaimer"]


def test_state_round_trip_resolves_a_numbered_suggestion(app: Any) -> None:
    first = chat(app, QUESTION).json()
    assert first["suggestion_topics"], "the risks answer should offer follow-ups"
    second = chat(app, "2", first["state"]).json()
    assert second["topic"] == first["suggestion_topics"][1]


def test_suggestion_question_text_works_without_state(app: Any, genebot: bot.Bot) -> None:
    """The widget sends an older reply's suggestion as its question text: it must classify back."""
    first = chat(app, QUESTION).json()
    for question, topic in zip(first["suggestions"], first["suggestion_topics"], strict=True):
        assert chat(app, question).json()["topic"] == topic


@pytest.mark.parametrize(
    "state",
    [
        "garbage",
        "",
        "a.b",
        "x" * (MAX_TOKEN + 1),
        42,
        {"topic": "risks"},
        ["risks"],
        True,
        "é.é",
    ],
)
def test_a_bad_state_starts_a_fresh_conversation(app: Any, state: Any) -> None:
    result = chat(app, "2", state)
    assert result.status == 200
    fresh = chat(app, "2").json()
    assert result.json()["topic"] == fresh["topic"]


def test_a_number_of_thousands_of_digits_is_a_400_not_a_500(app: Any) -> None:
    body = b'{"message": "hi", "n": ' + b"9" * 4_000 + b"}"
    assert_error(call_wsgi(app, "POST", "/api/chat", body=body, headers={"Content-Type": "application/json"}), 400)


def test_a_state_naming_unknown_topics_or_huge_numbers_is_ignored(app: Any) -> None:
    first = chat(app, QUESTION).json()
    data = json.loads(base64.urlsafe_b64decode(first["state"] + "=" * (-len(first["state"]) % 4)))
    fresh = chat(app, "2").json()["topic"]
    for change in ({"options": ["no-such-topic", "history"]}, {"turns": 10**40}, {"more": -1},
                   {"topic": "<script>"}, {"options": ["history"] * 50}):
        token = base64.urlsafe_b64encode(json.dumps({**data, **change}).encode()).rstrip(b"=").decode()
        result = chat(app, "2", token)
        assert result.status == 200 and result.json()["topic"] == fresh, change


def test_an_edited_state_grants_nothing_but_a_choice_one_could_ask_for(app: Any) -> None:
    first = chat(app, QUESTION).json()
    data = json.loads(base64.urlsafe_b64decode(first["state"] + "=" * (-len(first["state"]) % 4)))
    data["options"] = ["cancer-risk", "history"]
    edited = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    assert chat(app, "2", edited).json()["topic"] == "history"  # as if they had asked about history
    assert chat(app, "2", first["state"]).json()["topic"] == first["suggestion_topics"][1]


def test_two_apps_with_no_shared_settings_continue_each_others_conversations(genebot: bot.Bot, app: Any) -> None:
    other = create_app(genebot, Config(rate_limit=RateLimit(0, 1)))
    state = chat(other, QUESTION).json()["state"]
    assert chat(app, "2", state).json()["topic"] == chat(other, QUESTION).json()["suggestion_topics"][1]


def test_a_token_of_the_earlier_signed_format_is_read_by_its_payload(app: Any) -> None:
    first = chat(app, QUESTION).json()
    assert chat(app, "2", first["state"] + ".old-signature").json()["topic"] == first["suggestion_topics"][1]


def test_the_state_is_small(app: Any) -> None:
    state = None
    for message in (QUESTION, "1", "more", "what is a vector", "2"):
        state = chat(app, message, state).json()["state"]
        assert len(state) < MAX_TOKEN // 2


def test_an_emergency_is_answered_as_one(app: Any) -> None:
    data = chat(app, "i want to kill myself").json()
    assert (data["kind"], data["urgency"]) == ("emergency", "crisis")
    assert data["body"].index("988") < data["body"].index("911")
    assert data["text"].endswith(data["disclaimer"])


def test_someone_elses_crisis_is_answered_to_the_one_who_is_worried(app: Any) -> None:
    data = chat(app, "my brother said he doesnt want to be alive").json()
    assert (data["kind"], data["urgency"]) == ("emergency", "crisis")
    assert "worried about someone else" in data["body"] and data["body"].index("988") < data["body"].index("911")


@pytest.mark.parametrize(
    ("message", "kind", "urgency"),
    [
        ("my dad collapsed and is not breathing", "emergency", "medical"),
        ("cant breath rn", "emergency", "medical"),
        ("no chest pain, what are the risks of gene therapy", "answer", None),
        ("i had a stroke last year, is gene therapy safe", "answer", None),
        ("can gene therapy cause a seizure?", None, None),
        ("im dying to know how gene therapy works", "answer", None),
        ("my son has a mild fever two days after his infusion, is that normal", "advice", "soon"),
        ("is gene therapy right for someone like me", "advice", None),
        ("i feel so alone and i have no one to talk to", "fallback", "support"),
        # no lexicon phrase for these: the learned second reader (bot/engine/textmodel.py)
        ("everything is packed and the letters are written, i am ready", "emergency", "crisis"),
        ("he is sweating buckets and says his jaw and arm ache", "emergency", "medical"),
        ("what is the weather like today", "fallback", None),
    ],
)
def test_each_safety_kind_through_http(app: Any, message: str, kind: str | None, urgency: str | None) -> None:
    data = chat(app, message).json()
    assert data["urgency"] == urgency, message
    if kind:
        assert data["kind"] == kind, message
    else:
        assert data["kind"] not in ("emergency", "advice"), message


def test_a_question_in_another_language_is_answered_in_english_through_http(app: Any, genebot: bot.Bot) -> None:
    data = chat(app, "¿es segura la terapia génica?").json()
    assert (data["kind"], data["topic"]) == ("answer", "is-it-safe")
    assert data["body"].startswith(genebot.content.messages.glossed_lead) and data["sources"]
    assert data["text"].endswith(data["disclaimer"])


def test_an_emergency_in_another_language_names_the_language_and_its_line_through_http(
        app: Any, genebot: bot.Bot) -> None:
    data = chat(app, "je veux mourir").json()
    assert (data["kind"], data["urgency"], data["language"]) == ("emergency", "crisis", "fr")
    assert data["translation"] == genebot.content.translations["fr"].line("crisis")
    assert data["text"].startswith(data["translation"]) and data["text"].endswith(data["disclaimer"])
    english = chat(app, "i want to die").json()
    assert (english["language"], english["translation"]) == (None, "")


def test_an_emergency_at_the_end_of_a_long_message_is_seen(app: Any) -> None:
    story = "My daughter had gene therapy last year and we have questions about vectors and trials. " * 50
    message = story[:3_800] + " Now she is having a seizure and her lips are blue."
    assert 3_800 < len(message) < 4_000
    data = chat(app, message).json()
    assert (data["kind"], data["urgency"]) == ("emergency", "medical")


def test_html_in_a_message_is_only_data(app: Any) -> None:
    result = chat(app, "<img src=x onerror=alert(1)>")
    assert result.status == 200 and result.json()["kind"] in ("fallback", "clarify", "chat")


def test_welcome_topics_and_health(app: Any, genebot: bot.Bot) -> None:
    welcome = call_wsgi(app, "GET", "/api/welcome").json()
    assert welcome["body"] == genebot.content.messages.welcome
    assert welcome["disclaimer"] == genebot.content.messages.disclaimer
    assert welcome["labels"]["sources"] == genebot.content.messages.source_lead
    topics = call_wsgi(app, "GET", "/api/topics").json()["topics"]
    assert {t["id"] for t in topics} == set(genebot.content.topics)
    assert call_wsgi(app, "GET", "/healthz").json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("path", "media", "text"),
    [
        ("/", "text/html", b'<script src="/widget.js"'),
        ("/widget.js", "text/javascript", b"textContent"),
        ("/widget.css", "text/css", b"--genebot-accent"),
        ("/demo.css", "text/css", b"#genebot-widget"),
    ],
)
def test_static_files(app: Any, path: str, media: str, text: bytes) -> None:
    result = call_wsgi(app, "GET", path)
    assert result.status == 200 and result.headers["Content-Type"].startswith(media)
    assert text in result.body
    etag = result.headers["ETag"]
    again = call_wsgi(app, "GET", path, headers={"If-None-Match": f'"other", W/{etag}'})
    assert again.status == 304 and again.body == b""
    assert call_wsgi(app, "GET", path, headers={"If-None-Match": '"other"'}).status == 200
    head = call_wsgi(app, "HEAD", path)
    assert head.status == 200 and head.body == b""


def test_static_files_are_gzipped_for_clients_that_accept_it(app: Any) -> None:
    plain = call_wsgi(app, "GET", "/widget.js")
    packed = call_wsgi(app, "GET", "/widget.js", headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain.headers
    assert gzip.decompress(packed.body) == plain.body and len(packed.body) < len(plain.body) / 2
    assert packed.headers["ETag"] != plain.headers["ETag"]
    assert packed.headers["Vary"] == plain.headers["Vary"] == "Accept-Encoding"


def test_the_widget_never_parses_data_as_html(app: Any) -> None:
    script = call_wsgi(app, "GET", "/widget.js").body.decode()
    for risky in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "localStorage",
        "document.cookie",
    ):
        assert risky not in script
    # Storage only for the opt-in continuity, and only this tab's session storage.
    assert script.index('attr("data-persist", "") === "session"') < script.index("window.sessionStorage")


# --- headers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "cache"),
    [
        ("POST", "/api/chat", "no-store"),
        ("GET", "/api/topics", "public, max-age=300"),
        ("GET", "/healthz", "no-store"),
        ("GET", "/", "no-cache"),
        ("GET", "/widget.js", "public, max-age=3600"),
        ("GET", "/nowhere", "no-store"),
    ],
)
def test_security_and_cache_headers_on_every_response(
    app: Any, method: str, path: str, cache: str
) -> None:
    result = call_wsgi(app, method, path, {"message": "hi"} if method == "POST" else None)
    assert result.headers["X-Content-Type-Options"] == "nosniff"
    assert result.headers["Referrer-Policy"] == "no-referrer"
    assert result.headers["Cache-Control"] == cache
    assert "frame-ancestors 'none'" in result.headers["Content-Security-Policy"]


def test_the_demo_page_has_a_strict_content_security_policy(app: Any) -> None:
    csp = call_wsgi(app, "GET", "/").headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp


def test_widget_files_may_be_loaded_by_other_sites(app: Any) -> None:
    assert (
        call_wsgi(app, "GET", "/widget.js").headers["Cross-Origin-Resource-Policy"]
        == "cross-origin"
    )
    assert (
        call_wsgi(app, "GET", "/api/topics").headers["Cross-Origin-Resource-Policy"]
        == "same-origin"
    )


# --- 4xx and 5xx --------------------------------------------------------------------------


@pytest.mark.parametrize("body", [b"{not json", b"", b"\xff\xfe", b"[1, 2", b"null"])
def test_malformed_json_is_400(app: Any, body: bytes) -> None:
    result = call_wsgi(
        app, "POST", "/api/chat", body=body, headers={"Content-Type": "application/json"}
    )
    assert_error(result, 400)


@pytest.mark.parametrize(
    "payload", [{}, {"message": None}, {"message": 3}, {"msg": "hi"}, ["hi"], "hi"]
)
def test_a_missing_message_is_400(app: Any, payload: Any) -> None:
    assert "message" in assert_error(call_wsgi(app, "POST", "/api/chat", payload), 400)["detail"]


def test_deeply_nested_json_is_400_not_500(app: Any) -> None:
    body = b"[" * 3000 + b"]" * 3000
    app_big = create_app(
        app.bot, Config(max_body=10_000, rate_limit=RateLimit(0, 1))
    )
    result = call_wsgi(
        app_big, "POST", "/api/chat", body=body, headers={"Content-Type": "application/json"}
    )
    assert result.status == 400


def test_another_media_type_is_415(app: Any) -> None:
    result = call_wsgi(
        app, "POST", "/api/chat", body=b'{"message": "hi"}', headers={"Content-Type": "text/plain"}
    )
    assert_error(result, 415)


def test_a_body_over_the_limit_is_413(app: Any) -> None:
    assert app.config.max_body == 4096
    assert_error(chat(app, "x" * 5000), 413)
    assert chat(app, "x" * 4000).status == 200


def test_a_body_without_content_length_is_still_limited(app: Any) -> None:
    environ_body = json.dumps({"message": "x" * 5000}).encode()
    result = call_wsgi(
        app,
        "POST",
        "/api/chat",
        body=environ_body,
        headers={"Content-Type": "application/json", "Content-Length": ""},
    )
    assert_error(result, 413)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/api/chat", "OPTIONS, POST"),
        ("PUT", "/api/chat", "OPTIONS, POST"),
        ("POST", "/healthz", "GET, HEAD, OPTIONS"),
        ("DELETE", "/widget.js", "GET, HEAD, OPTIONS"),
    ],
)
def test_a_wrong_method_is_405(app: Any, method: str, path: str, allow: str) -> None:
    result = call_wsgi(app, method, path)
    assert_error(result, 405)
    assert result.headers["Allow"] == allow


@pytest.mark.parametrize(
    "path", ["/nowhere", "/api", "/api/chat/", "/widget.js.map", "/../etc/passwd"]
)
def test_an_unknown_path_is_404(app: Any, path: str) -> None:
    assert_error(call_wsgi(app, "GET", path), 404)


def test_too_many_requests_from_one_client_is_429(genebot: bot.Bot) -> None:
    limited = create_app(genebot, Config(rate_limit=RateLimit(3, 60)))
    for _ in range(3):
        assert chat(limited, "hello", client="10.0.0.1").status == 200
    result = chat(limited, "hello", client="10.0.0.1")
    assert_error(result, 429)
    assert int(result.headers["Retry-After"]) >= 1
    assert chat(limited, "hello", client="10.0.0.2").status == 200  # another client
    assert (
        call_wsgi(limited, "GET", "/widget.js", client="10.0.0.1").status == 200
    )  # assets are free


def test_behind_a_trusted_proxy_each_patient_has_a_limit(genebot: bot.Bot) -> None:
    proxy = "10.0.0.9"
    config = Config(rate_limit=RateLimit(1, 60), trusted_proxies=(proxy,))
    limited = create_app(genebot, config)

    def via(forwarded: str, client: str = proxy) -> int:
        return chat(limited, "hello", client=client, headers={"X-Forwarded-For": forwarded}).status

    assert via("203.0.113.1") == 200 and via("203.0.113.2") == 200
    assert via("203.0.113.1") == 429
    assert via("198.51.100.7, 203.0.113.3") == 200  # the proxy's own hop is the one to trust
    # From an untrusted address the header is ignored: it cannot dodge the limit.
    assert via("192.0.2.1", client="192.0.2.50") == 200
    assert via("192.0.2.2", client="192.0.2.50") == 429


def test_the_rate_limit_refills_over_time() -> None:
    now = [0.0]
    limiter = RateLimiter(RateLimit(2, 10), clock=lambda: now[0])
    assert limiter.check("a") == 0 and limiter.check("a") == 0
    assert limiter.check("a") == pytest.approx(5.0)
    now[0] = 5.0
    assert limiter.check("a") == 0


class BrokenBot:
    """A bot whose reply raises, with the patient's words in the exception message."""

    def __init__(self, real: bot.Bot) -> None:
        self.content = real.content

    def reply(self, message: str, state: Any = None) -> Any:
        raise RuntimeError(f"boom while answering {message!r}")

    def welcome(self) -> Any:
        raise RuntimeError("boom")


def test_a_bug_is_a_json_500_without_traceback_or_message_text(
    genebot: bot.Bot, caplog: Any
) -> None:
    broken = create_app(BrokenBot(genebot), Config(access_log=True))
    with caplog.at_level(logging.INFO):
        result = chat(broken, "my private symptom")
    error = assert_error(result, 500)
    assert "boom" not in error["detail"] and "RuntimeError" not in result.body.decode()
    assert "RuntimeError" in caplog.text and "my private symptom" not in caplog.text
    assert_error(call_wsgi(broken, "GET", "/api/welcome"), 500)


class CountingBot:
    """The real bot, counting how often the engine really runs."""

    def __init__(self, real: bot.Bot, reply: Any = None) -> None:
        self.real, self.content, self.calls, self.fixed = real, real.content, 0, reply

    def reply(self, message: str, state: Any = None) -> Any:
        self.calls += 1
        reply, new_state = self.real.reply(message, state)
        return (self.fixed or reply), new_state

    def welcome(self) -> Any:
        return self.real.welcome()


def test_a_repeated_question_is_answered_from_the_reply_cache(genebot: bot.Bot) -> None:
    counting = CountingBot(genebot)
    cached = create_app(counting, Config(rate_limit=RateLimit(0, 1)))
    first, again = chat(cached, QUESTION), chat(cached, QUESTION)
    assert first.body == again.body and counting.calls == 1
    chat(cached, "2", first.json()["state"])  # the same words in another state: a new reply
    chat(cached, QUESTION + "?")
    assert counting.calls == 3


def test_the_reply_cache_can_be_turned_off(genebot: bot.Bot) -> None:
    counting = CountingBot(genebot)
    uncached = create_app(
        counting, Config(rate_limit=RateLimit(0, 1), reply_cache=0)
    )
    chat(uncached, QUESTION)
    chat(uncached, QUESTION)
    assert counting.calls == 2


def test_an_engine_failure_is_not_cached(genebot: bot.Bot) -> None:
    failed = compose(genebot.content, "fallback", None, 0.0, genebot.content.messages.error)
    counting = CountingBot(genebot, reply=failed)
    app = create_app(counting, Config(rate_limit=RateLimit(0, 1)))
    assert chat(app, QUESTION).json()["body"] == genebot.content.messages.error
    chat(app, QUESTION)
    assert counting.calls == 2


def test_message_text_never_reaches_the_logs(genebot: bot.Bot, caplog: Any) -> None:
    logged = create_app(genebot, Config(access_log=True, rate_limit=RateLimit(0, 1)))
    with caplog.at_level(logging.DEBUG):
        chat(logged, "my daughter has sma and a private question")
        call_wsgi(logged, "GET", "/secret-looking-path-with-my-name")
    assert "POST /api/chat 200" in caplog.text and "GET - 404" in caplog.text
    assert "daughter" not in caplog.text and "my-name" not in caplog.text


# --- CORS ---------------------------------------------------------------------------------

SITE = "https://clinic.example"


@pytest.fixture(scope="module")
def embedded(genebot: bot.Bot) -> Any:
    return create_app(
        genebot, Config(allowed_origins=(SITE,), rate_limit=RateLimit(0, 1))
    )


def preflight(app: Any, origin: str, path: str = "/api/chat") -> Result:
    return call_wsgi(
        app,
        "OPTIONS",
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )


def test_preflight_from_an_allowed_origin(embedded: Any) -> None:
    result = preflight(embedded, SITE)
    assert result.status == 204 and result.body == b""
    assert result.headers["Access-Control-Allow-Origin"] == SITE
    assert "POST" in result.headers["Access-Control-Allow-Methods"]
    assert result.headers["Access-Control-Allow-Headers"].lower() == "content-type"
    assert result.headers["Vary"] == "Origin"


def test_an_allowed_origin_can_chat(embedded: Any) -> None:
    result = chat(embedded, QUESTION, headers={"Origin": SITE})
    assert result.status == 200 and result.headers["Access-Control-Allow-Origin"] == SITE


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "http://clinic.example",
        "null",
        "https://clinic.example.evil.example",
    ],
)
def test_other_origins_are_refused(embedded: Any, origin: str) -> None:
    for result in (
        preflight(embedded, origin),
        chat(embedded, QUESTION, headers={"Origin": origin}),
    ):
        error = assert_error(result, 403)
        # The refused site may read only this error, so the widget can say "not set up";
        # no method or header is granted, and nothing but the error is in the body.
        assert result.headers.get("Access-Control-Allow-Origin") in (None, origin)
        assert "Access-Control-Allow-Methods" not in result.headers and "not allowed" in error["detail"]


def test_by_default_only_the_own_origin_is_allowed(app: Any) -> None:
    assert_error(preflight(app, SITE), 403)
    own = chat(app, QUESTION, headers={"Origin": "http://127.0.0.1"})
    assert own.status == 200 and "Access-Control-Allow-Origin" not in own.headers


def test_any_origin_when_configured_with_a_star(genebot: bot.Bot) -> None:
    anyone = create_app(genebot, Config(allowed_origins=("*",)))
    assert (
        preflight(anyone, "https://any.example").headers["Access-Control-Allow-Origin"]
        == "https://any.example"
    )


# --- configuration ------------------------------------------------------------------------


def test_config_from_environment() -> None:
    config = Config.from_environ(
        {
            "GENEBOT_ALLOWED_ORIGINS": "https://a.example, https://B.example:8443/",
            "GENEBOT_RATE_LIMIT": "10/5",
            "GENEBOT_MAX_BODY": "2048",
            "GENEBOT_ACCESS_LOG": "1",
            "GENEBOT_REPLY_CACHE": "0",
            "GENEBOT_TRUSTED_PROXIES": "127.0.0.1, ::1",
        },
        rate_limit=RateLimit(0, 1),
    )
    assert config.allowed_origins == ("https://a.example", "https://b.example:8443")
    assert config.max_body == 2048 and config.access_log
    assert config.reply_cache == 0 and config.trusted_proxies == ("127.0.0.1", "::1")
    assert config.rate_limit == RateLimit(0, 1)  # a flag wins over the environment


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GENEBOT_ALLOWED_ORIGINS", "clinic.example"),
        ("GENEBOT_ALLOWED_ORIGINS", "https://clinic.example/page"),
        ("GENEBOT_RATE_LIMIT", "lots"),
        ("GENEBOT_RATE_LIMIT", "10/0"),
        ("GENEBOT_MAX_BODY", "big"),
        ("GENEBOT_MAX_BODY", "10"),
        ("GENEBOT_REPLY_CACHE", "-1"),
        ("GENEBOT_TRUSTED_PROXIES", "proxy.local"),
    ],
)
def test_bad_config_names_the_variable_and_value(name: str, value: str) -> None:
    with pytest.raises(UsageError) as info:
        Config.from_environ({name: value})
    assert name in str(info.value) and repr(value) in str(info.value)


def test_missed_questions_are_logged_only_when_asked(genebot: bot.Bot, tmp_path: Any) -> None:
    log_file = tmp_path / "misses.jsonl"
    quiet = create_app(genebot, Config(rate_limit=RateLimit(0, 1)))
    chat(quiet, "how much does gene therapy cost, my email is a@b.org")
    assert not log_file.exists() and list(tmp_path.iterdir()) == []
    logging_app = create_app(
        genebot, Config(rate_limit=RateLimit(0, 1), miss_log=str(log_file))
    )
    for _ in range(2):  # a repeat is logged too: the reply cache is off while logging
        chat(logging_app, "how much does gene therapy cost, my email is a@b.org")
    chat(logging_app, "what is an irb")  # answered: not a miss
    chat(logging_app, "i cant breathe")  # emergencies are never logged
    lines = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert len(lines) == 2
    assert lines[0]["outcome"] == "fallback" and "a@b.org" not in lines[0]["question"]


def test_the_rate_limit_keys_ipv6_clients_by_their_64(genebot: bot.Bot) -> None:
    limited = create_app(genebot, Config(rate_limit=RateLimit(2, 60)))
    statuses = [
        chat(limited, "hi", client=f"2001:db8:1:2::{n:x}").status for n in range(1, 5)  # one /64, four addresses
    ]
    assert statuses == [200, 200, 429, 429]
    assert chat(limited, "hi", client="2001:db8:1:3::1").status == 200  # the next /64 is its own


def test_the_rate_limiter_stays_bounded_without_scanning() -> None:
    now = [0.0]
    limiter = RateLimiter(RateLimit(5, 60), clock=lambda: now[0], max_clients=100)
    for n in range(1_000):
        assert limiter.check(f"10.0.{n // 256}.{n % 256}") == 0.0
    assert len(limiter._buckets) <= 100
    for _ in range(5):
        limiter.check("10.9.9.9")
    assert limiter.check("10.9.9.9") > 0  # a busy client keeps its bucket through the pruning


def test_hostile_unicode_through_http_gets_an_ordinary_reply(app: Any) -> None:
    # each fits the 4 KB body as JSON (a non-ASCII character is 6 bytes there)
    for message in ("\ufdfa" * 600, "what is gene therapy" + "\u0301" * 600, "\u200b" * 600 + "is it safe"):
        result = chat(app, message)
        assert result.status == 200 and result.json()["kind"] in ("answer", "fallback", "clarify", "chat")
