"""Browser probe s45 of the website chat widget: what a business owner and the LEP's web
team met in a real browser (headless Chromium) that the earlier widget tests did not cover.
Against the fake stack (tests/widget/fake_rasa.py: our real socket.io channel and web app,
a scripted bot), and one path against the real stack (`slow`)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from tests.browser.host_site import host_site_served, pages_handler
from tests.browser.test_widget_fake import (  # noqa: F401 - fake_stack is a fixture
    MAX_CHARS,
    FakeStack,
    fake_stack,
    open_chat,
    quick,
    sender_id,
    wait_bot,
    wait_connected,
    wait_sent,
    wait_until,
)

pytestmark = pytest.mark.browser

SOCKET = re.compile(r".*/socket\.io/.*")


def say(page: Any, words: str) -> None:
    page.get_by_label("Your message").fill(words)
    page.keyboard.press("Enter")


def bubbles(page: Any, fragment: str) -> int:
    return page.locator(".blc-msg", has_text=fragment).count()


def announced(page: Any) -> str:
    """Everything in the widget's polite status regions (what a screen reader is told)."""
    return page.evaluate(
        "Array.from(document.querySelectorAll('.blc-root [role=status]'))"
        ".map((e) => e.textContent).join(' | ')"
    )


def open_two_tabs(page: Any, fake_stack: FakeStack) -> Any:  # noqa: F811
    """The chat open in `page` and in a second tab of the same browser (one conversation)."""
    open_chat(page, fake_stack)
    second = page.context.new_page()
    second.goto(fake_stack.web_url + "/")
    second.locator(".blc-msg").first.wait_for()
    wait_connected(second)
    return second


def test_two_tabs_show_each_reply_once(page: Any, fake_stack: FakeStack) -> None:  # noqa: F811
    """Both tabs of one conversation are in its socket.io room, so both hear every reply;
    each tab kept its own copy under a random id and merged the other tab's too, so every
    reply showed twice in both tabs (browser probe s45)."""
    second = open_two_tabs(page, fake_stack)
    # a button pressed in the other tab (first: typing retires a question's buttons, browser
    # probe s46)
    quick(second, "Yes, I agree").click()
    for tab in (page, second):
        wait_bot(tab, "Which of these matters most")
    page.wait_for_timeout(1500)  # both tabs have saved and heard the other's save
    for tab in (page, second):
        assert bubbles(tab, "Which of these matters most") == 1
        assert bubbles(tab, "Do you agree to take part?") == 1
    say(page, "said with two tabs open")
    for tab in (page, second):
        wait_bot(tab, "Thanks, I noted: said with two tabs open")
    page.wait_for_timeout(1500)
    for tab in (page, second):
        assert bubbles(tab, "Thanks, I noted: said with two tabs open") == 1
    # the same log in both, statuses included (a pressed button's ack may still be on its way)
    wait_until(
        lambda: (
            page.locator(".blc-msg").all_inner_texts()
            == second.locator(".blc-msg").all_inner_texts()
        )
    )
    second.close()
    page.reload()
    page.locator(".blc-msg").first.wait_for()
    assert bubbles(page, "Thanks, I noted: said with two tabs open") == 1
    assert fake_stack.texts(sender_id(page)).count("said with two tabs open") == 1


def test_forget_me_in_one_tab_clears_the_other_for_good(
    page: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """ "Forget me" typed in one tab: the other tab went on showing the conversation, and its
    next message saved all of it back on the device (browser probe s45)."""
    second = open_two_tabs(page, fake_stack)
    say(page, "our secret expansion plans")
    wait_bot(second, "Thanks, I noted: our secret expansion plans")
    say(second, "forget me")
    for tab in (page, second):
        wait_bot(tab, "no longer keeps a copy")
    page.wait_for_timeout(1000)
    for tab in (page, second):
        assert bubbles(tab, "secret") == 0
        assert bubbles(tab, "no longer keeps a copy") == 1
    say(page, "a new start")
    wait_bot(page, "Thanks, I noted: a new start")
    page.wait_for_timeout(500)
    stored = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "secret" not in stored and "a new start" in stored
    second.close()


def test_a_phone_sized_panel_keeps_keyboard_focus_inside(
    browser: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """At phone width (and at 400% zoom on a desktop: 320 CSS pixels) the panel covers the
    page, so Tab from Send went on to links hidden behind it (browser probe s45)."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        open_chat(page, fake_stack)
        panel = page.locator("#blc-panel")
        assert panel.get_attribute("aria-modal") == "true"
        inside = "!!document.activeElement.closest('#blc-panel')"
        for _ in range(12):
            page.keyboard.press("Tab")
            assert page.evaluate(inside), page.evaluate("document.activeElement.outerHTML")
        page.locator(".blc-privacy").focus()
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.className") == "blc-send"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "blc-privacy"
        # A wide screen: a side panel beside the page, which stays reachable.
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_timeout(200)  # media query changes are reported with the next frame
        assert panel.get_attribute("aria-modal") == "false"
        page.locator(".blc-send").focus()
        page.keyboard.press("Tab")
        assert not page.evaluate(inside)
    finally:
        context.close()


def test_a_paste_over_the_limit_is_kept_whole_and_refused_with_a_reason(
    page: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """A paste past MAX_MESSAGE_CHARS was cut at the limit: the rest was gone from the box
    and a screen reader heard nothing (browser probe s45). Now the box keeps all of it, says
    how much is over, and Send refuses it with a reason until it fits."""
    open_chat(page, fake_stack)
    sid = sender_id(page)
    box = page.get_by_label("Your message")
    box.focus()
    pasted = "".join(f"point {i} about rail links. " for i in range(20))[: MAX_CHARS + 50]
    page.keyboard.insert_text(pasted)  # what a paste does
    assert box.input_value() == pasted  # nothing lost
    count = page.locator(".blc-count")
    assert "50 characters too many" in page.locator(".blc-over").inner_text()
    assert box.get_attribute("aria-invalid") == "true"
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert box.input_value() == pasted  # still there to shorten
    assert bubbles(page, "point 0 about rail links") == 0
    assert "too many" in announced(page)
    assert pasted not in fake_stack.texts(sid)
    for _ in range(50):
        page.keyboard.press("Backspace")
    assert box.get_attribute("aria-invalid") is None
    page.keyboard.press("Enter")
    wait_sent(page, "point 0 about rail links")
    assert fake_stack.texts(sid)[-1] == pasted[:MAX_CHARS].strip()

    # Counted as the server counts (characters, not UTF-16 units): 200 emoji fit in 300.
    box.fill("\U0001f680" * 200)
    assert count.inner_text().startswith(f"200 / {MAX_CHARS}")
    page.keyboard.press("Enter")
    wait_sent(page, "\U0001f680" * 200)
    assert fake_stack.texts(sid)[-1] == "\U0001f680" * 200


def test_the_latest_message_stays_in_view_when_the_keyboard_opens(
    browser: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """A phone's on-screen keyboard shrinks the page; the conversation kept its scroll
    position, so the question just asked (and its buttons) went out of sight below
    (browser probe s45)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        open_chat(page, fake_stack)
        quick(page, "Yes, I agree").tap()
        wait_bot(page, "Which of these matters most")
        say(page, "we make satellite parts and need more test space near Westcott")
        wait_bot(page, "Thanks, I noted")
        gap_below = (
            "(() => { const l = document.querySelector('.blc-log'); "
            "return l.scrollHeight - l.scrollTop - l.clientHeight; })()"
        )
        assert page.evaluate(gap_below) < 2
        page.get_by_label("Your message").tap()
        page.set_viewport_size({"width": 360, "height": 340})  # the keyboard is up
        page.wait_for_timeout(300)
        assert page.evaluate(gap_below) < 2
        last = page.locator(".blc-msg").last.bounding_box()
        log = page.locator(".blc-log").bounding_box()
        assert last["y"] + last["height"] <= log["y"] + log["height"] + 1
        page.set_viewport_size({"width": 360, "height": 640})  # and down again
        page.wait_for_timeout(300)
        assert page.evaluate(gap_below) < 2
    finally:
        context.close()


def test_a_server_out_of_reach_is_not_called_being_offline(
    page: Any,
    fake_stack: FakeStack,  # noqa: F811
) -> None:
    """The chat server unreachable while the device is online (a server restart, a proxy
    or office firewall): the widget said "You're offline", which sends a business owner to
    check their own wifi (browser probe s45). The message waits and goes once."""
    down = {"on": False}
    sockets: list[Any] = []

    def websocket(ws: Any) -> None:
        if down["on"]:
            ws.close()
            return
        ws.connect_to_server()
        sockets.append(ws)

    def polling(route: Any) -> None:
        if down["on"]:
            route.abort("connectionrefused")
        else:
            route.continue_()

    page.route_web_socket(SOCKET, websocket)
    page.route(SOCKET, polling)
    open_chat(page, fake_stack)
    wait_connected(page)
    sid = sender_id(page)
    down["on"] = True
    for ws in sockets:
        ws.close()
    banner = page.locator(".blc-banner")
    banner.wait_for(state="visible")
    assert page.evaluate("navigator.onLine") is True
    assert "offline" not in banner.inner_text().lower()
    assert "can't reach the chat" in banner.inner_text().lower()
    say(page, "typed while the server was away")
    queued = page.locator(".blc-user", has_text="typed while the server was away")
    assert queued.get_attribute("data-status") == "queued"
    assert "online" not in queued.inner_text().lower()
    down["on"] = False
    wait_bot(page, "Thanks, I noted: typed while the server was away")
    wait_sent(page, "typed while the server was away")
    assert banner.is_hidden()
    wait_until(lambda: "Connected again" in announced(page))
    assert fake_stack.texts(sid).count("typed while the server was away") == 1


def test_a_slow_reply_says_so_and_is_announced(page: Any, fake_stack: FakeStack) -> None:  # noqa: F811
    """The typing dots are hidden from screen readers, so a slow turn (up to the 45 s ack
    wait) was silence for them, and only dots for everyone (browser probe s45)."""
    page.add_init_script("window.BucksLISChat = {slowReplyMs: 300};")  # "slow" takes 1.5 s
    open_chat(page, fake_stack)
    say(page, "slow")
    typing = page.locator(".blc-typing")
    typing.wait_for(state="visible")
    wait_until(lambda: "Still working on a reply" in typing.inner_text(), timeout=5)
    wait_until(lambda: "Still working on a reply" in announced(page), timeout=5)
    wait_bot(page, "Sorry for the wait.")
    assert typing.is_hidden()
    say(page, "quick one")  # a prompt reply: no note
    wait_bot(page, "Thanks, I noted: quick one")
    assert "Still working" not in typing.inner_text()


def site_handler(web_url: str, rasa_url: str) -> type[BaseHTTPRequestHandler]:
    """A page of the LEP's own site with the README's snippet and a strict CSP that lets in
    only the chat's servers; /trusted-types enforces Trusted Types as well, allowing the
    widget's policy as the README says."""
    ws = rasa_url.replace("http://", "ws://")
    csp = (
        f"default-src 'none'; script-src {web_url}; style-src {web_url}; "
        f"connect-src {rasa_url} {ws}; img-src 'self'; base-uri 'none'; object-src 'none'"
    )
    html = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>LEP</title></head>"
        "<body><h1>Have your say</h1>"
        f'<script src="{web_url}/widget/bucks-lis-chat.js" defer></script></body></html>'
    ).encode()

    trusted = "; require-trusted-types-for 'script'; trusted-types bucks-lis-chat"
    return pages_handler(
        {
            "/strict": (html, {"Content-Security-Policy": csp}),
            "/trusted-types": (html, {"Content-Security-Policy": csp + trusted}),
        },
        default=(html, {"Content-Security-Policy": csp}),
    )


@pytest.fixture(scope="module")
def lep_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The LEP's site on its own origin (localhost:PORT; the chat is on 127.0.0.1), listed
    in ALLOWED_ORIGINS, with the fake chat stack behind it."""
    with host_site_served(tmp_path_factory.mktemp("var"), site_handler) as site_url:
        yield site_url


@pytest.mark.parametrize("path", ["/strict", "/trusted-types"])
def test_the_snippet_works_on_a_site_with_a_strict_csp(
    browser: Any, lep_site: str, path: str
) -> None:
    """The README's snippet on another origin whose CSP names only the chat's servers.
    Under Trusted Types the widget could not add socket.io-client's script and the chat
    never connected (browser probe s45)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        problems: list[str] = []

        def console(message: Any) -> None:
            if message.type == "error":  # a CSP or Trusted Types violation is one
                problems.append(message.text)

        page.on("console", console)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(lep_site + path)
        page.get_by_role("button", name="Have your say", exact=True).click()
        wait_bot(page, "Do you agree to take part?")
        quick(page, "Yes, I agree").click()
        wait_bot(page, "Which of these matters most")
        assert not problems, problems
    finally:
        context.close()


@pytest.mark.slow
def test_two_tabs_on_the_real_stack_show_each_reply_once(browser: Any, live_stack: Any) -> None:
    """The same as above through Rasa with the trained model (browser probe s45)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        first = context.new_page()
        first.goto(live_stack.web_url + "/")
        first.get_by_role("button", name="Have your say", exact=True).click()
        first.locator(".blc-bot", has_text="Would you like to take part?").wait_for(timeout=60_000)
        second = context.new_page()
        second.goto(live_stack.web_url + "/")
        second.locator(".blc-msg").first.wait_for()
        deadline = time.monotonic() + 30
        while not second.evaluate("window.BucksLISChatWidget.connected"):
            assert time.monotonic() < deadline, "the second tab did not connect"
            time.sleep(0.2)
        first.locator(".blc-quick-btn", has_text="Yes, I'll take part").click()
        for tab in (first, second):
            tab.locator(".blc-bot", has_text="name of your organisation").first.wait_for(
                timeout=60_000
            )
        first.wait_for_timeout(1500)
        for tab in (first, second):
            assert bubbles(tab, "name of your organisation") == 1
            assert bubbles(tab, "Would you like to take part?") == 1
    finally:
        context.close()
