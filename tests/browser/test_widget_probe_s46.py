"""Browser probe s46 of the website chat widget: a business owner on the LEP's site, in ways
the earlier widget tests did not cover (a host page's own CSS and language, 400% zoom,
buttons left over from an earlier question, a first message typed before the chat had
connected). Headless Chromium against the fake stack (tests/widget/fake_rasa.py: our real
socket.io channel and web app, a scripted bot)."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from tests.browser.host_site import host_site_served, pages_handler
from tests.browser.test_widget_fake import (  # noqa: F401 - fake_stack is a fixture
    FakeStack,
    fake_stack,
    open_chat,
    quick,
    sender_id,
    wait_bot,
    wait_connected,
    wait_until,
)

pytestmark = pytest.mark.browser


def say(page: Any, words: str) -> None:
    page.get_by_label("Your message").fill(words)
    page.keyboard.press("Enter")


# A host page as an LEP's CMS theme might style it: Arabic and right to left, dark, a large
# base font, capitals and letter spacing everywhere, and element rules for h2, p, button,
# textarea, span and div (the widget's own elements) that say nothing of a chat widget.
HOSTILE_CSS = """
:root { color-scheme: light dark; font-size: 24px; }
*, *::before, *::after { box-sizing: content-box; margin: 0; padding: 0; }
body { background: #111; color: #eee; font: 1.5rem/2 Georgia, serif;
  text-transform: uppercase; letter-spacing: .2em; word-spacing: .5em; text-align: justify; }
button { width: 100%; margin: 10px; height: 60px; letter-spacing: 3px; border-radius: 0;
  text-transform: uppercase; float: left; }
textarea { width: 100%; height: 200px; font-family: monospace; }
h2 { font-size: 3rem; border-bottom: 5px solid red; padding: 20px; line-height: 3;
  font-family: Impact, serif; font-style: italic; }
p { margin: 2em 0; font-size: 2rem; line-height: 2.5; }
span { display: block; padding: 4px; }
div { padding: 3px; min-height: 10px; }
form { margin: 30px; }
"""


def host_page(web_url: str, lang: str, css: str) -> bytes:
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>LEP</title><style>{css}</style></head><body><h1>مرحبا</h1>"
        f'<script src="{web_url}/widget/bucks-lis-chat.js" defer></script></body></html>'
    ).encode()


@pytest.fixture(scope="module")
def host_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An LEP site on its own origin (localhost:PORT, listed in ALLOWED_ORIGINS) with the
    README's snippet: /plain is an unstyled English page, /hostile the page above."""

    def site(web_url: str, rasa_url: str) -> type[BaseHTTPRequestHandler]:
        return pages_handler(
            {
                "/plain": (host_page(web_url, "en", ""), {}),
                "/hostile": (host_page(web_url, "ar", HOSTILE_CSS), {}),
            }
        )

    with host_site_served(tmp_path_factory.mktemp("var"), site) as site_url:
        yield site_url


LAYOUT = """() => {
  const box = (s) => { const r = document.querySelector(s).getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map(Math.round); };
  return {title: box('.blc-title'), sub: box('.blc-sub'), close: box('.blc-close'),
    log: box('.blc-log'), input: box('.blc-input'), send: box('.blc-send'),
    quick: box('.blc-quick-btn'), bubble: box('.blc-bot .blc-bubble')};
}"""

TEXT_STYLE = """() => ['.blc-title', '.blc-bubble', '.blc-quick-btn', '.blc-send', '.blc-sub']
  .map((s) => { const c = getComputedStyle(document.querySelector(s));
    return [s, c.direction, c.textTransform, c.letterSpacing, c.wordSpacing, c.fontStyle,
            c.textAlign === 'justify'].join(' '); })"""


def open_on_host(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Have your say", exact=True).click()
    wait_bot(page, "Do you agree to take part?")


def test_a_host_pages_own_css_and_language_leave_the_widget_alone(
    browser: Any, host_site: str
) -> None:
    """On a right-to-left page in another language with a CMS theme's element rules, the
    widget inherited the page's direction (the close button moved left, "strategy." read
    ".strategy"), capitals, letter spacing and the h2/button/p rules: the title took 250 of
    the panel's 600 pixels, the log 77, and a screen reader read the English as Arabic
    (browser probe s46). It lays out as on a plain page, in English, left to right."""
    # each in a browser of its own: one conversation on the device would open both as tabs
    contexts = [
        browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
        for _ in range(2)
    ]
    try:
        plain, styled = (c.new_page() for c in contexts)
        open_on_host(plain, host_site + "/plain")
        open_on_host(styled, host_site + "/hostile")
        assert styled.evaluate(LAYOUT) == plain.evaluate(LAYOUT)
        assert styled.evaluate(TEXT_STYLE) == plain.evaluate(TEXT_STYLE)
        for s in (".blc-title", ".blc-bubble", ".blc-quick-btn"):
            assert (
                styled.evaluate(f"getComputedStyle(document.querySelector('{s}')).direction")
                == "ltr"
            )
        # read out as English, whatever the page's language
        assert (
            styled.evaluate("document.querySelector('.blc-panel').closest('[lang]').lang") == "en"
        )
        # the page's dark scheme does not give the white panel dark scrollbars and controls
        assert (
            styled.evaluate("getComputedStyle(document.querySelector('.blc-log')).colorScheme")
            == "light"
        )
        # a message in Arabic still reads right to left in its own bubble
        say(styled, "نحن مخبز صغير في ويكومب")
        wait_bot(styled, "Thanks, I noted")
        mine = styled.locator(".blc-user .blc-bubble").last
        assert mine.evaluate("(e) => getComputedStyle(e).direction") == "rtl"
    finally:
        for c in contexts:
            c.close()


def test_at_400_percent_zoom_the_conversation_keeps_room_to_be_read(
    browser: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """A 1280x1024 desktop at 400% zoom is 320x256 CSS pixels (WCAG's reflow size). The
    header took 132 of them and the log 38: less than two lines of the conversation showed
    (browser probe s46). On a short screen the header is one line plus the privacy link."""
    context = browser.new_context(viewport={"width": 320, "height": 256}, device_scale_factor=4)
    try:
        page = context.new_page()
        open_chat(page, fake_stack)
        log = page.locator(".blc-log").bounding_box()
        header = page.locator(".blc-header").bounding_box()
        assert log["height"] >= 90, (log, header)
        assert header["height"] <= 72, header
        # the privacy notice and the close button stay in sight
        for name in (".blc-privacy", ".blc-close"):
            box = page.locator(name).bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= header["height"] + 1, name
        # no message is squeezed under the next one to make room
        assert page.evaluate(
            "Array.from(document.querySelectorAll('.blc-msg'))"
            ".every((m) => m.getBoundingClientRect().height >= m.scrollHeight - 1)"
        )
        # the full title is still the dialog's name
        assert (
            page.get_by_role("dialog", name="Local Industrial Strategy consultation").count() == 1
        )
    finally:
        context.close()


def test_buttons_of_a_question_answered_by_typing_go_away(
    page: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """A question's buttons stayed live when the business typed its answer instead, and
    could be pressed a question or ten later: a stale "Yes, that's right" (/affirm) then
    answered whatever was being asked (browser probe s46). Once the business has said
    anything more, earlier buttons are gone."""
    open_chat(page, fake_stack)
    say(page, "yes ok")
    wait_bot(page, "Thanks, I noted: yes ok")
    assert quick(page, "Yes, I agree").count() == 0
    assert quick(page, "No thanks").count() == 0
    # and after a reload
    page.reload()
    page.locator(".blc-msg").first.wait_for()
    wait_connected(page)
    assert page.locator(".blc-quick-btn").count() == 0
    # a question asked afresh has its buttons
    page.evaluate("window.BucksLISChatWidget.send('/consent_yes')")
    wait_bot(page, "Which of these matters most")
    assert quick(page, "Space").count() == 1


def test_a_first_message_typed_before_the_chat_connected_follows_the_greeting(
    page: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """Opened for the first time with no connection (a train, a slow server), a message typed
    then went to the bot before the greeting: the bot answered it before asking consent, then
    greeted as if nothing had been said (browser probe s46). The greeting goes first."""
    page.goto(fake_stack.web_url + "/")
    page.context.set_offline(True)
    page.get_by_role("button", name="Have your say", exact=True).click()
    say(page, "typed before connecting")
    page.locator('.blc-user[data-status="queued"]').wait_for()
    page.context.set_offline(False)
    wait_bot(page, "Thanks, I noted: typed before connecting")
    wait_bot(page, "Do you agree to take part?")
    assert fake_stack.texts(sender_id(page)) == ["/greet", "typed before connecting"]


def test_the_demo_page_does_not_scroll_sideways_on_a_small_phone(
    browser: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """At 320 pixels the demo page's email address ran 24 px past the screen: a phone then
    zoomed the page out and the launcher sat partly below the visible area (browser probe
    s46)."""
    context = browser.new_context(
        viewport={"width": 320, "height": 568}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(fake_stack.web_url + "/")
        page.locator(".blc-launcher").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        box = page.locator(".blc-launcher").bounding_box()
        assert box["x"] + box["width"] <= 320 and box["y"] + box["height"] <= 568, box
    finally:
        context.close()
