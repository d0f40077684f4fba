"""The widget on other people's sites: hostile CSS, the reader's font size, the page's
language, site-owner settings, the JavaScript API, emergencies a phone can call, and errors
a person can act on. Real Chromium, through the real server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_widget import LAUNCHER, QUESTION, ask, bot_replies, expect  # tests/web/e2e is on sys.path

import bot
from bot.web.ratelimit import RateLimit
from bot.web.wsgi import Config, create_app

HOSTILE_CSS = (
    "html{font-size:62.5%} aside{display:none!important;transform:translateX(-9999px)} "
    "*{letter-spacing:3px!important} button{all:unset}"
)


def site(
    head: str = "", attrs: str = "", lang: str = "en", url_box: dict[str, str] | None = None,
) -> Callable[..., list[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        url = url_box["url"] if url_box else ""
        html = (
            f'<!doctype html><html lang="{lang}"><head><title>Clinic</title>{head}</head><body>'
            f"<main><h1>Clinique</h1><aside>page aside</aside></main>"
            f'<script src="{url}/widget.js" data-endpoint="{url}" {attrs} defer></script></body></html>'
        ).encode()
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(html)))])
        return [html]

    return app


@pytest.fixture(scope="module")
def api(serve: Any, genebot: bot.Bot) -> Any:
    return serve(create_app(genebot, Config(rate_limit=RateLimit(0, 1), allowed_origins=("*",))))


def open_on(page: Any, serve: Any, api: Any, **kwargs: Any) -> None:
    box = {"url": api.url}
    host = serve(site(url_box=box, **kwargs))
    page.goto(host.url + "/")
    page.get_by_role("button", name=LAUNCHER).click()
    expect(bot_replies(page)).to_have_count(1)


def test_hostile_host_css_neither_hides_nor_shrinks_it(page: Any, serve: Any, api: Any, artifacts: Path) -> None:
    open_on(page, serve, api, head=f"<style>{HOSTILE_CSS}</style>")
    reply = ask(page, QUESTION)
    size = reply.locator(".disclaimer").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12, size  # 62.5% on the page's root does not reach in
    spacing = reply.locator(".body").evaluate("e => getComputedStyle(e).letterSpacing")
    assert spacing == "normal", spacing  # nor does `* { letter-spacing: 3px !important }`
    assert page.evaluate("document.getElementById('genebot-widget').tagName") == "GENEBOT-WIDGET"
    page.screenshot(path=str(artifacts / "host-hostile-css.png"))


def test_the_readers_font_setting_scales_it_and_the_pages_root_size_does_not(
    browser: Any, serve: Any, api: Any, tmp_path: Path,
) -> None:
    """Chromium's own default font size (the reader's setting, 16 or 32 px) on a page with
    html { font-size: 62.5% }: the answers follow the reader, not the page."""
    import json as _json

    from conftest import CHROMIUM_ARGS, chromium_path

    sizes = []
    for font in (16, 32):  # a profile of its own per font size, through this module's Playwright
        profile = tmp_path / f"profile-{font}"
        (profile / "Default").mkdir(parents=True)
        (profile / "Default" / "Preferences").write_text(
            _json.dumps({"webkit": {"webprefs": {"default_font_size": font}}}), encoding="utf-8")
        context = browser.browser_type.launch_persistent_context(
            str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            open_on(page, serve, api, head="<style>html{font-size:62.5%}</style>")
            reply = ask(page, QUESTION)
            sizes.append(reply.locator(".body").evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        finally:
            context.close()
    assert sizes[0] >= 15 and sizes[1] >= 1.9 * sizes[0], sizes


def test_it_speaks_english_on_a_french_page_with_the_owners_title(page: Any, serve: Any, api: Any) -> None:
    open_on(page, serve, api, lang="fr", attrs='data-title="Questions sur la thérapie génique" data-lang="en"')
    assert page.evaluate("document.getElementById('genebot-widget').getAttribute('lang')") == "en"
    expect(page.get_by_role("dialog", name="Questions sur la thérapie génique")).to_be_visible()


def test_an_emergency_reply_has_numbers_a_phone_can_call(page: Any, serve: Any, api: Any) -> None:
    open_on(page, serve, api)
    reply = ask(page, "i want to end my life")
    expect(reply).to_have_attribute("data-urgency", "crisis")
    expect(reply.locator('a[href="tel:988"]')).to_have_count(1)
    expect(reply.locator('a[href="sms:988"]')).to_have_count(1)
    expect(reply.locator('a[href="tel:911"]')).to_have_count(1)
    expect(page.locator("[aria-live=assertive]")).to_contain_text("988")
    support = ask(page, "i feel so lonely, nobody understands me")
    expect(support).to_have_attribute("data-urgency", "support")
    expect(support.locator('a[href="sms:988"]')).to_have_count(1)
    medical = ask(page, "my dad collapsed and is not breathing")
    expect(medical).to_have_attribute("data-urgency", "medical")
    expect(medical.locator('a[href="tel:911"]')).to_have_count(1)
    expect(medical.locator(".disclaimer")).to_be_visible()


def test_the_javascript_api_opens_asks_and_reports(page: Any, serve: Any, api: Any) -> None:
    box = {"url": api.url}
    host = serve(site(url_box=box))
    page.goto(host.url + "/")
    page.evaluate("""() => { window.seen = [];
        document.addEventListener('genebot:open', () => window.seen.push('open'));
        document.addEventListener('genebot:reply', e => window.seen.push(e.detail.topic || e.detail.kind)); }""")
    page.wait_for_function("typeof window.genebotWidget === 'object'")
    page.evaluate("q => window.genebotWidget.ask(q)", "what is an irb")
    expect(bot_replies(page)).to_have_count(2)
    expect(bot_replies(page).last).to_have_attribute("data-topic", "irb")
    seen = page.evaluate("window.seen")
    assert seen[0] == "open" and "irb" in seen, seen


def test_a_question_asked_on_load_that_is_answered_before_the_welcome_stays_below_it(
    page: Any, serve: Any, api: Any
) -> None:
    # The welcome is held until the answer has come: on a busy machine that happened by itself
    # (the answer drawn above, the welcome last), and a reload replayed them in that order.
    box = {"url": api.url}
    host = serve(site(url_box=box, attrs='data-persist="session"'))
    held: list[Any] = []
    page.route("**/api/welcome", lambda route: held.append(route))
    page.goto(host.url + "/")
    page.wait_for_function("typeof window.genebotWidget === 'object'")
    page.evaluate("q => window.genebotWidget.ask(q)", "what is an irb")
    expect(bot_replies(page)).to_have_count(1)
    expect(bot_replies(page).first).to_have_attribute("data-topic", "irb")
    assert len(held) == 1
    held[0].continue_()
    expect(bot_replies(page)).to_have_count(2)
    expect(bot_replies(page).first).to_have_attribute("data-topic", "greeting")
    expect(bot_replies(page).last).to_have_attribute("data-topic", "irb")
    page.unroute("**/api/welcome")
    page.reload()
    expect(bot_replies(page)).to_have_count(2)
    expect(bot_replies(page).first).to_have_attribute("data-topic", "greeting")
    expect(bot_replies(page).last).to_have_attribute("data-topic", "irb")


def test_a_site_that_is_not_allowed_is_told_so_and_a_dead_server_offers_retry(
    page: Any, serve: Any, genebot: bot.Bot,
) -> None:
    closed = serve(create_app(genebot, Config(rate_limit=RateLimit(0, 1))))  # allows no other site
    box = {"url": closed.url}
    host = serve(site(url_box=box))
    page.goto(host.url + "/")
    page.get_by_role("button", name=LAUNCHER).click()
    expect(bot_replies(page).first).to_contain_text("not set up to use genebot")
    expect(bot_replies(page).first).to_have_attribute("data-status", "403")


def test_send_waits_visibly_and_a_failed_message_can_be_retried(page: Any, serve: Any, api: Any) -> None:
    open_on(page, serve, api)
    calls = {"n": 0}

    def flaky(route: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            route.abort("connectionrefused")
        else:
            route.continue_()

    page.route("**/api/chat", flaky)
    page.get_by_label("Your question about gene therapy").fill(QUESTION)
    page.get_by_label("Your question about gene therapy").press("Enter")
    error = page.locator(".msg.bot.error")
    expect(error).to_have_count(1)
    error.get_by_role("button", name="Retry").click()
    expect(page.locator('.msg.bot[data-kind="answer"]')).to_have_count(1)


def test_on_a_phone_tab_stays_inside_the_full_screen_panel(browser: Any, serve: Any, api: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    try:
        open_on(page, serve, api)
        for _ in range(12):
            page.keyboard.press("Tab")
            inside = page.evaluate("document.activeElement && document.activeElement.id === 'genebot-widget'")
            assert inside, "focus left the panel for the page behind it"
        page.keyboard.press("Escape")
        expect(page.get_by_role("button", name=LAUNCHER)).to_be_focused()
    finally:
        context.close()


def test_the_conversation_can_follow_across_pages_when_the_site_opts_in(page: Any, serve: Any, api: Any) -> None:
    box = {"url": api.url}
    kept = serve(site(url_box=box, attrs='data-persist="session"'))
    page.goto(kept.url + "/")
    page.get_by_role("button", name=LAUNCHER).click()
    ask(page, QUESTION)
    page.goto(kept.url + "/other-page")
    expect(page.locator(".msg.user")).to_have_count(1)  # the conversation came along
    expect(page.locator('.msg.bot[data-topic="risks"]')).to_have_count(1)
    follow = ask(page, "2")  # and its state: "2" is the second suggestion of the restored reply
    expect(follow).to_have_attribute("data-kind", "answer")


def test_by_default_nothing_is_kept_across_pages(page: Any, serve: Any, api: Any) -> None:
    box = {"url": api.url}
    plain = serve(site(url_box=box))
    page.goto(plain.url + "/")
    page.get_by_role("button", name=LAUNCHER).click()
    ask(page, QUESTION)
    assert page.evaluate("window.sessionStorage.length") == 0
    page.goto(plain.url + "/again")
    expect(page.locator(".msg.user")).to_have_count(0)


def test_a_site_can_give_its_own_interface_strings(page: Any, serve: Any, api: Any) -> None:
    box = {"url": api.url}
    french = serve(site(url_box=box, lang="fr", attrs='data-lang="fr"',
                        head='<script>window.genebotStrings = {launcher: "Questions sur la thérapie génique ?", '
                             'send: "Envoyer"};</script>'))
    page.goto(french.url + "/")
    page.get_by_role("button", name="Questions sur la thérapie génique ?").click()
    expect(page.get_by_role("button", name="Envoyer")).to_be_visible()


def test_at_400_percent_zoom_the_conversation_keeps_most_of_the_panel(browser: Any, serve: Any, api: Any,
                                                                       artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 200})  # 1280×800 at 400%
    page = context.new_page()
    try:
        open_on(page, serve, api)
        share = page.evaluate("""() => {
            const root = document.getElementById('genebot-widget').shadowRoot;
            return root.querySelector('.log').getBoundingClientRect().height /
                   root.querySelector('.panel').getBoundingClientRect().height; }""")
        page.screenshot(path=str(artifacts / "host-400-percent-zoom.png"))
        assert share >= 0.4, share
    finally:
        context.close()


def test_sources_are_announced_and_new_tab_links_say_so(page: Any, serve: Any, api: Any) -> None:
    open_on(page, serve, api)
    reply = ask(page, QUESTION)
    expect(reply.locator(".sources a").first).to_contain_text("(opens in a new tab)")
    expect(page.locator("[aria-live=polite]")).to_contain_text("Source:")


def test_forced_colors_show_the_typing_dots(page: Any, serve: Any, api: Any) -> None:
    page.emulate_media(forced_colors="active")
    open_on(page, serve, api)
    page.route("**/api/chat", lambda route: None)  # a reply that never comes: the dots stay
    page.get_by_label("Your question about gene therapy").fill(QUESTION)
    page.get_by_label("Your question about gene therapy").press("Enter")
    dot = page.locator(".typing .dot").first
    expect(dot).to_be_visible()
    colour = dot.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour


def test_a_host_page_with_a_strict_csp_gets_a_styled_widget(page: Any, serve: Any, api: Any) -> None:
    csp = (f"default-src 'none'; script-src {api.url} 'unsafe-inline'; connect-src {api.url}; "
           "style-src 'self'; img-src 'self'")
    open_on(page, serve, api, head=f'<meta http-equiv="Content-Security-Policy" content="{csp}">')
    background = page.evaluate("""() => getComputedStyle(document.getElementById('genebot-widget')
        .shadowRoot.querySelector('.header')).backgroundColor""")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    expect(ask(page, QUESTION)).to_have_attribute("data-kind", "answer")


def test_no_accessibility_violations_on_a_hostile_host_page(page: Any, serve: Any, api: Any, artifacts: Path) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python missing")
    from test_widget import check_axe

    axe = axe_module.Axe()
    open_on(page, serve, api, lang="fr", attrs='data-lang="en"', head=f"<style>{HOSTILE_CSS}</style>")
    ask(page, QUESTION)
    check_axe(axe, page, "host-answer", artifacts)
    ask(page, "i want to end my life")
    check_axe(axe, page, "host-emergency", artifacts)
    page.route("**/api/chat", lambda route: route.abort("connectionrefused"))
    page.get_by_label("Your question about gene therapy").fill("is it safe")
    page.get_by_label("Your question about gene therapy").press("Enter")
    expect(page.locator(".msg.bot.error")).to_have_count(1)
    check_axe(axe, page, "host-error", artifacts)
    ask_topics = page.get_by_label("Your question about gene therapy")
    ask_topics.fill("")
    page.screenshot(path=str(artifacts / "host-hostile-error.png"))


def test_the_topic_list_is_choices_and_any_of_them_can_be_picked(page: Any, serve: Any, api: Any) -> None:
    open_on(page, serve, api)
    help_reply = ask(page, "what can you help with")
    buttons = help_reply.locator("button.suggestion")
    expect(buttons).to_have_count(30)
    before = bot_replies(page).count()
    buttons.nth(16).click()  # the 17th topic: past the first five, still picked by its number
    expect(bot_replies(page)).to_have_count(before + 1)
    expect(bot_replies(page).last).to_have_attribute("data-topic", "nih-role")
