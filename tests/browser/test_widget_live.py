"""The chat widget in headless Chromium against the real stack (`bucks-lis run`: Rasa with
the trained model, the action server and the web app; `make train` first).

One path, twice (mouse, then keyboard only): open the demo page, start the chat, give
consent with a button, answer profile questions with free text and buttons, pick an
island with a button, answer its question in free text, reload and see the history, drop
the connection and answer while offline, and find the answers stored with their themes."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TURN_TIMEOUT_MS = 60_000  # a turn runs NLU, the action server and the tagger
OPPORTUNITY = (
    "Engine testing at Westcott could let us grow our rocket propulsion work, "
    "if we can hire more engineers."
)
BARRIER = "Slow broadband and poor rail links make it hard to recruit engineers."


def stored(database_url: str, sender_id: str) -> list[tuple[str, str | None, set[str]]]:
    """(text, question_key, effective themes) of every response stored for the sender."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT r.id, r.text, r.question_key FROM responses r "
                    "JOIN conversations c ON c.id = r.conversation_id "
                    "WHERE c.sender_id = :s ORDER BY r.id"
                ),
                {"s": sender_id},
            ).fetchall()
            out = []
            for rid, body, key in rows:
                themes = {
                    t
                    for (t,) in conn.execute(
                        text("SELECT theme_id FROM effective_themes WHERE response_id = :r"),
                        {"r": rid},
                    )
                }
                out.append((body, key, themes))
            return out
    finally:
        engine.dispose()


def wait_stored(database_url: str, sender_id: str, body: str, timeout: float = 30) -> tuple:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for row in stored(database_url, sender_id):
            if row[0] == body:
                return row
        time.sleep(0.5)
    raise AssertionError(f"{body!r} not stored; have {stored(database_url, sender_id)}")


def message_ids(database_url: str, sender_id: str, said: str) -> list[str]:
    """The message id of each of the sender's user turns in the transcript that said `said`."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user'"),
                {"s": sender_id},
            ).scalars()
            events = [json.loads(r) for r in rows]
    finally:
        engine.dispose()
    return [e["message_id"] for e in events if e.get("text") == said]


def widget_message_id(page: Any, said: str) -> str:
    """The id the widget keeps in localStorage for its user message `said`."""
    state = page.evaluate(
        "JSON.stringify(Object.entries(localStorage).find(([k]) => k.startsWith('bucksLisChat')))"
    )
    messages = json.loads(json.loads(state)[1])["messages"]
    (message,) = [m for m in messages if m["from"] == "user" and m["text"] == said]
    return message["messageId"]


def wait_bot(page: Any, fragment: str) -> None:
    page.locator(".blc-bot .blc-bubble", has_text=fragment).last.wait_for(timeout=TURN_TIMEOUT_MS)


def sender_id(page: Any) -> str:
    return page.evaluate("window.BucksLISChatWidget.senderId")


def wait_connected(page: Any, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate("window.BucksLISChatWidget.connected"):
        if time.monotonic() > deadline:
            raise AssertionError("the widget did not reconnect")
        time.sleep(0.2)


class Mouse:
    """Answers by clicking buttons and typing into the labelled text box."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def open(self) -> None:
        self.page.get_by_role("button", name="Have your say", exact=True).click()

    def button(self, title: str) -> None:
        self.page.locator(".blc-quick-btn", has_text=title).last.click()

    def say(self, words: str) -> None:
        box = self.page.get_by_label("Your message")
        box.fill(words)
        box.press("Enter")


class Keyboard:
    """The same, with the keyboard only: Tab, Shift+Tab, Enter and typing."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def focused(self, js: str) -> Any:
        return self.page.evaluate(f"document.activeElement && document.activeElement.{js}")

    def open(self) -> None:
        for _ in range(80):
            self.page.keyboard.press("Tab")
            if self.focused("classList.contains('blc-launcher')"):
                self.page.keyboard.press("Enter")
                assert self.focused("id") == "blc-input"
                return
        raise AssertionError("the launcher is not reachable with Tab")

    def tab_to_input(self) -> None:
        for _ in range(80):
            self.page.keyboard.press("Tab")
            if self.focused("id") == "blc-input":
                return
        raise AssertionError("the message box is not reachable with Tab")

    def button(self, title: str) -> None:
        assert self.focused("id") == "blc-input"
        for _ in range(40):
            self.page.keyboard.press("Shift+Tab")
            if (self.focused("textContent") or "").strip() == title:
                self.page.keyboard.press("Enter")
                assert self.focused("id") == "blc-input"
                return
        raise AssertionError(f"no button {title!r} reachable with Shift+Tab")

    def say(self, words: str) -> None:
        assert self.focused("id") == "blc-input"
        self.page.keyboard.type(words)
        self.page.keyboard.press("Enter")


def consultation_path(
    page: Any, user: Mouse | Keyboard, stack: Any, output_dir: Path, name: str
) -> None:
    page.goto(stack.web_url + "/")
    user.open()
    wait_bot(page, "Would you like to take part?")
    assert page.locator(".blc-privacy").is_visible()

    user.button("Yes, I'll take part")  # consent, as a button
    wait_bot(page, "name of your organisation")
    user.say("Chiltern Propulsion Ltd")  # free text
    wait_bot(page, "What sector")
    user.button("Skip")
    wait_bot(page, "how many people work for you")
    user.button("Small (10-49 staff)")
    wait_bot(page, "Where in Buckinghamshire")
    user.say("Aylesbury")
    wait_bot(page, "your role")
    user.button("Skip")
    wait_bot(page, "Which of these matter to your business?")
    user.button("Space")  # an island, as a button
    wait_bot(page, "what opportunities do you see")
    user.say(OPPORTUNITY)  # the answer, in free text
    wait_bot(page, "what barriers")

    sid = sender_id(page)
    body, key, themes = wait_stored(stack.database_url, sid, OPPORTUNITY)
    assert key == "island:space:opportunities"
    assert "space" in themes
    page.screenshot(path=str(output_dir / f"widget-live-{name}.png"))

    # Reload: the same conversation and its history.
    history = page.locator(".blc-msg").all_inner_texts()
    page.reload()
    page.locator(".blc-msg").first.wait_for()
    assert page.locator(".blc-msg").all_inner_texts() == history
    assert sender_id(page) == sid
    wait_connected(page)

    # Drop the connection, answer while offline, and get it delivered when back.
    page.context.set_offline(True)
    page.locator(".blc-banner").wait_for(state="visible")
    if isinstance(user, Keyboard):
        user.tab_to_input()  # after a reload the panel is open but focus is on the page
    user.say(BARRIER)
    queued = page.locator(".blc-user", has_text=BARRIER)
    assert queued.get_attribute("data-status") == "queued"
    page.context.set_offline(False)
    wait_bot(page, "what would help most")
    page.locator('.blc-user[data-status="sent"]', has_text=BARRIER).wait_for()
    assert page.locator(".blc-banner").is_hidden()
    body, key, themes = wait_stored(stack.database_url, sid, BARRIER)
    assert key == "island:space:barriers"
    assert themes  # tagged (e.g. infrastructure, education_skills)
    # The turn keeps the widget's id for the message, so a resend of it would be replayed.
    assert message_ids(stack.database_url, sid, BARRIER) == [widget_message_id(page, BARRIER)]

    # Conversation stored with the socket.io channel; one greeting only despite the reload.
    engine = create_engine(stack.database_url)
    try:
        with engine.connect() as conn:
            channels = {
                c
                for (c,) in conn.execute(
                    text("SELECT channel FROM conversations WHERE sender_id = :s"), {"s": sid}
                )
            }
    finally:
        engine.dispose()
    assert channels == {"socketio"}
    assert page.locator(".blc-bot", has_text="Would you like to take part?").count() == 1


def test_widget_consultation_with_mouse(browser: Any, live_stack: Any, output_dir: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        consultation_path(page, Mouse(page), live_stack, output_dir, "mouse")
    finally:
        context.close()


def test_widget_consultation_keyboard_only_on_a_phone(
    browser: Any, live_stack: Any, output_dir: Path
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667})
    try:
        page = context.new_page()
        consultation_path(page, Keyboard(page), live_stack, output_dir, "keyboard-phone")
        page.keyboard.press("Escape")
        assert page.locator("#blc-panel").is_hidden()
        assert page.evaluate("document.activeElement.classList.contains('blc-launcher')")
    finally:
        context.close()
