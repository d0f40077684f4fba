"""The help widget on the demo page, driven in headless Chromium as a patient would use it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import bot
from bot.web.ratelimit import RateLimit
from bot.web.wsgi import Config, create_app

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)
expect = sync_api.expect

QUESTION = "what are the risks of gene therapy"
NOTICE = "Not medical advice. In an emergency call 911."
LAUNCHER = "Questions about gene therapy?"
INPUT = "Your question about gene therapy"
XSS = "<img src=x onerror=alert(1)>"


def bot_replies(page: Any) -> Any:
    return page.locator(".msg.bot:not(.typing)")


def open_widget(page: Any, url: str) -> None:
    page.goto(url + "/")
    page.get_by_role("button", name=LAUNCHER).click()
    expect(page.get_by_role("dialog", name="Gene therapy questions")).to_be_visible()
    expect(bot_replies(page)).to_have_count(1)  # the welcome


def ask(page: Any, text: str) -> Any:
    """Type a question, press Enter, and return the new reply once it is shown."""
    expect(page.locator(".typing")).to_have_count(0)  # nothing still on its way
    before = bot_replies(page).count()
    page.get_by_label(INPUT).fill(text)
    page.get_by_label(INPUT).press("Enter")
    expect(bot_replies(page)).to_have_count(before + 1)
    return bot_replies(page).nth(before)  # stays on this reply (``.last`` would move on)


def focused(page: Any) -> dict[str, str]:
    """The element with keyboard focus, looking inside the widget's shadow root."""
    return page.evaluate("""() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        const style = getComputedStyle(el);
        return {tag: el.tagName.toLowerCase(), cls: el.className || "", text: el.textContent || "",
                label: el.getAttribute("aria-label") || "", outline: style.outlineStyle};
    }""")


def expected_reply(genebot: bot.Bot, message: str) -> bot.Reply:
    return genebot.reply(message)[0]


def test_ask_a_question_see_the_answer_its_source_and_the_disclaimer(
    page: Any, server: Any, genebot: bot.Bot
) -> None:
    open_widget(page, server.url)
    welcome = bot_replies(page).first
    expect(welcome).to_contain_text(genebot.content.messages.welcome)  # from the content
    expect(page.get_by_text(NOTICE, exact=True)).to_be_visible()
    expected = expected_reply(genebot, QUESTION)
    reply = ask(page, QUESTION)
    expect(reply).to_have_attribute("data-topic", expected.topic or "")
    expect(reply.locator(".body")).to_have_text(expected.body)
    expect(reply.locator(".disclaimer")).to_have_text(genebot.content.messages.disclaimer)
    for source in expected.sources:
        if source.url:
            link = reply.get_by_role("link", name=source.title, exact=False)
            expect(link).to_have_attribute("href", source.url)
            expect(link).to_have_attribute("rel", "noopener noreferrer")
        else:
            expect(reply.locator(".sources")).to_contain_text(source.title)
    assert expected.sources, "this question should cite a source"
    assert page.context.cookies() == []


def test_click_a_suggestion(page: Any, server: Any, genebot: bot.Bot) -> None:
    open_widget(page, server.url)
    first = ask(page, QUESTION)
    expected = expected_reply(genebot, QUESTION)
    buttons = first.locator("button.suggestion")
    expect(buttons).to_have_count(len(expected.suggestions))
    buttons.nth(1).click()
    expect(bot_replies(page)).to_have_count(3)
    expect(bot_replies(page).last).to_have_attribute("data-topic", expected.suggestion_topics[1])
    expect(page.locator(".msg.user").last).to_contain_text(expected.suggestions[1])
    # An older reply's suggestion still works: it is sent as its question text.
    buttons.nth(0).click()
    expect(bot_replies(page)).to_have_count(4)
    expect(bot_replies(page).last).to_have_attribute("data-topic", expected.suggestion_topics[0])


def test_the_whole_flow_with_the_keyboard_only(page: Any, server: Any, genebot: bot.Bot) -> None:
    page.goto(server.url + "/")
    for _ in range(30):  # Tab from the top of the page until the launcher has focus
        page.keyboard.press("Tab")
        if focused(page)["text"].endswith(LAUNCHER):
            break
    else:
        pytest.fail("Tab never reached the launcher")
    assert focused(page)["outline"] != "none", "keyboard focus must be visible"
    page.keyboard.press("Enter")
    expect(bot_replies(page)).to_have_count(1)
    assert focused(page)["cls"] == "input", "opening the chat should put the cursor in the text box"
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(bot_replies(page)).to_have_count(2)
    expected = expected_reply(genebot, QUESTION)
    page.keyboard.press("Shift+Tab")  # from the text box back to the last suggestion
    assert focused(page)["text"] == expected.suggestions[-1]
    assert focused(page)["outline"] != "none"
    page.keyboard.press("Enter")
    expect(bot_replies(page)).to_have_count(3)
    expect(bot_replies(page).last).to_have_attribute("data-topic", expected.suggestion_topics[-1])
    assert focused(page)["cls"] == "input"
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert focused(page)["text"].endswith(LAUNCHER), "closing should return focus to the launcher"
    page.keyboard.press("Enter")  # reopen: the conversation is still there
    expect(bot_replies(page)).to_have_count(3)


def test_html_from_the_user_is_shown_as_text_and_never_run(page: Any, server: Any) -> None:
    open_widget(page, server.url)
    ask(page, XSS)
    expect(page.locator(".msg.user").last.locator(".body")).to_have_text(XSS)
    assert page.locator(".msg img").count() == 0
    assert page.dialogs == []


def test_html_from_the_server_is_shown_as_text_too(page: Any, server: Any) -> None:
    """Even a compromised server cannot inject markup or a javascript: link."""
    hostile = {
        "kind": "answer",
        "topic": "risks",
        "body": "<b>bold</b><script>alert(2)</script>",
        "disclaimer": "<i>not advice</i>",
        "state": "x.y",
        "candidates": [],
        "sources": [
            {
                "id": "s",
                "title": "<img src=x onerror=alert(3)>",
                "publisher": "p",
                "url": "javascript:alert(4)",
            }
        ],
        "suggestions": ["<img src=y onerror=alert(5)>"],
        "suggestion_topics": ["risks"],
    }
    open_widget(page, server.url)
    page.route(
        "**/api/chat",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(hostile)
        ),
    )
    reply = ask(page, "hello")
    expect(reply.locator(".body")).to_have_text(hostile["body"])
    expect(reply.locator("button.suggestion")).to_have_text(hostile["suggestions"][0])
    assert reply.locator("a").count() == 0, "a javascript: URL must not become a link"
    assert page.locator(".msg img, .msg script, .msg b").count() == 0
    assert page.dialogs == []


def test_an_emergency_reply_stands_out_and_is_announced(page: Any, server: Any) -> None:
    open_widget(page, server.url)
    reply = ask(page, "i want to kill myself")
    expect(reply).to_have_class("msg bot emergency")
    expect(reply.locator(".badge")).to_have_text("Urgent")
    expect(page.locator("[aria-live=assertive]")).to_contain_text("911")
    colours = reply.evaluate(
        "el => [getComputedStyle(el).borderTopColor, getComputedStyle(el).backgroundColor]"
    )
    assert colours != bot_replies(page).first.evaluate(
        "el => [getComputedStyle(el).borderTopColor, getComputedStyle(el).backgroundColor]"
    )


def test_a_crisis_in_another_language_leads_with_a_line_in_it(page: Any, server: Any, genebot: bot.Bot) -> None:
    open_widget(page, server.url)
    reply = ask(page, "me quiero morir, no aguanto mas")
    line = genebot.content.translations["es"].line("crisis")
    first = reply.locator("p").first if reply.locator(".badge").count() == 0 else reply.locator("p").nth(1)
    expect(first).to_have_class("translation")
    expect(first).to_have_attribute("lang", "es")  # a screen reader speaks it in Spanish
    expect(first).to_have_text(line)
    expect(first.locator('a[href="tel:988"]')).to_have_count(1)
    expect(first.locator('a[href="sms:988"]')).to_have_count(0)  # "text 988" is English: not inside the line
    expect(reply.locator(".body")).to_contain_text("Suicide & Crisis Lifeline")  # the English follows
    expect(page.locator("[aria-live=assertive]")).to_contain_text(line[:40])
    arabic = ask(page, "بدي موت")  # right to left: the line is laid out by its own direction
    expect(arabic.locator('.translation[lang="ar"]')).to_have_attribute("dir", "auto")
    assert arabic.locator(".translation").evaluate("el => getComputedStyle(el).direction") == "rtl"
    # ... and so is what the user typed, in the box and in their bubble; an English one stays left to right
    typed = page.locator(".msg.user .body")
    assert typed.last.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert typed.first.evaluate("el => getComputedStyle(el).direction") == "ltr"
    page.get_by_label(INPUT).fill("מה זה ריפוי גנטי?")
    assert page.get_by_label(INPUT).evaluate("el => getComputedStyle(el).direction") == "rtl"
    other = ask(page, "wo ist mein Geldbeutel?")
    expect(other.locator('.translation[lang="de"]')).to_have_text(genebot.content.translations["de"].line("unreadable"))
    expect(other.locator(".body")).to_have_text(genebot.content.messages.unreadable)


def test_new_replies_are_announced_politely(page: Any, server: Any, genebot: bot.Bot) -> None:
    open_widget(page, server.url)
    ask(page, QUESTION)
    expect(page.locator("[aria-live=polite]")).to_contain_text(
        expected_reply(genebot, QUESTION).body
    )


def test_typing_indicator_while_waiting(page: Any, server: Any) -> None:
    open_widget(page, server.url)
    held: list[Any] = []
    page.route("**/api/chat", lambda route: held.append(route))
    page.get_by_label(INPUT).fill(QUESTION)
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".typing")).to_be_visible()
    expect(page.locator(".typing")).to_contain_text("genebot is typing")
    assert len(held) == 1
    held[0].continue_()
    expect(bot_replies(page)).to_have_count(2)
    expect(page.locator(".typing")).to_have_count(0)


def test_an_unreachable_server_keeps_what_was_typed(
    page: Any, server: Any, genebot: bot.Bot
) -> None:
    open_widget(page, server.url)
    page.route("**/api/chat", lambda route: route.abort("connectionrefused"))
    reply = ask(page, QUESTION)
    expect(reply).to_have_attribute("data-kind", "error")
    expect(reply).to_contain_text("can't reach")
    expect(reply.locator(".disclaimer")).to_have_text(genebot.content.messages.disclaimer)
    expect(page.get_by_label(INPUT)).to_have_value(QUESTION)
    expect(page.locator(".msg.user").last).to_contain_text("not sent")
    page.unroute("**/api/chat")
    page.get_by_label(INPUT).press("Enter")  # try again: the text is still there
    expect(bot_replies(page).last).to_have_attribute("data-kind", "answer")
    expect(page.get_by_label(INPUT)).to_have_value("")


def test_unreachable_on_open_shows_the_disclaimer(page: Any, server: Any) -> None:
    page.route("**/api/welcome", lambda route: route.abort("connectionrefused"))
    page.goto(server.url + "/")
    page.get_by_role("button", name=LAUNCHER).click()
    expect(bot_replies(page).first).to_have_attribute("data-kind", "error")
    expect(bot_replies(page).first.locator(".disclaimer")).to_contain_text("911")


def test_themed_with_custom_properties(page: Any, server: Any) -> None:
    page.goto(server.url + "/")
    launcher = page.get_by_role("button", name=LAUNCHER)
    expect(launcher).to_have_css("background-color", "rgb(35, 57, 91)")  # set by demo.css
    page.evaluate(
        "document.getElementById('genebot-widget').style.setProperty('--genebot-accent', '#6b2c91')"
    )
    expect(launcher).to_have_css("background-color", "rgb(107, 44, 145)")


def test_no_serious_accessibility_violations(page: Any, server: Any, artifacts: Path) -> None:
    axe_module = pytest.importorskip(
        "axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed"
    )
    axe = axe_module.Axe()
    page.goto(server.url + "/")
    check_axe(axe, page, "closed", artifacts)
    page.get_by_role("button", name=LAUNCHER).click()
    ask(page, QUESTION)
    ask(page, "i want to kill myself")
    check_axe(axe, page, "open", artifacts)
    page.set_viewport_size({"width": 320, "height": 640})
    check_axe(axe, page, "phone", artifacts)
    page.keyboard.press("Escape")  # the round launcher keeps its name for screen readers
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible()
    check_axe(axe, page, "phone-closed", artifacts)


def check_axe(axe: Any, page: Any, name: str, artifacts: Path) -> None:
    results = axe.run(page)
    results.save_to_file(artifacts / f"axe-{name}.json", violations_only=True)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"axe ({name}):\n" + results.generate_report()


@pytest.mark.parametrize(
    ("label", "width", "height"), [("desktop", 1280, 800), ("phone", 320, 640)]
)
def test_screenshots_at_desktop_and_phone_widths(
    browser: Any, server: Any, artifacts: Path, label: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        page.screenshot(path=str(artifacts / f"widget-{label}-closed.png"))
        open_widget(page, server.url)
        ask(page, QUESTION)
        panel = page.get_by_role("dialog").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= width
        assert panel["y"] >= 0 and panel["y"] + panel["height"] <= height
        for control in (
            page.get_by_label(INPUT),
            page.get_by_role("button", name="Send"),
            page.get_by_role("button", name="Close chat"),
        ):
            expect(control).to_be_in_viewport()
        page.screenshot(path=str(artifacts / f"widget-{label}.png"))
        ask(page, "i want to kill myself")
        page.screenshot(path=str(artifacts / f"widget-{label}-emergency.png"))
    finally:
        context.close()


# --- embedding on another site ------------------------------------------------------------


def host_page(widget: dict[str, str]) -> Callable[..., list[bytes]]:
    """A stand-in for a clinic's own site on another origin, with the one-line embed."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        url = widget["url"]
        html = (
            f'<!doctype html><html lang="en"><head><title>Other clinic</title></head><body>'
            f"<main><h1>Another clinic</h1></main>"
            f'<script src="{url}/widget.js" data-endpoint="{url}" defer></script>'
            f"</body></html>"
        ).encode()
        start_response(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(html)))],
        )
        return [html]

    return app


@pytest.mark.parametrize("allowed", [True, False], ids=["allowed-origin", "other-origin"])
def test_embedded_on_another_site(page: Any, serve: Any, genebot: bot.Bot, allowed: bool) -> None:
    widget: dict[str, str] = {}
    site = serve(host_page(widget))
    origins = (site.url,) if allowed else ()
    api = serve(
        create_app(
            genebot, Config(rate_limit=RateLimit(0, 1), allowed_origins=origins)
        )
    )
    widget["url"] = api.url
    page.goto(site.url + "/")
    page.get_by_role("button", name=LAUNCHER).click()
    if allowed:
        expect(bot_replies(page)).to_have_count(1)
        expect(bot_replies(page).first).to_have_attribute("data-kind", "chat")
        expect(ask(page, QUESTION)).to_have_attribute("data-kind", "answer")
    else:  # the browser blocks the reply: the widget says so and keeps the disclaimer
        expect(bot_replies(page).first).to_have_attribute("data-kind", "error")
        expect(bot_replies(page).first).to_contain_text("911")
