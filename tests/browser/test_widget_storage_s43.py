"""Attack probe s43 on the widget: the copy of a conversation it keeps on the device
(localStorage) outlived the server's session, so the next person at a shared computer read
it and went on as that business. Headless Chromium against the fake stack."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests.browser.test_widget_fake import (  # noqa: F401 - fake_stack is a fixture
    FakeStack,
    fake_stack,
    open_chat,
    sender_id,
    wait_bot,
)

pytestmark = pytest.mark.browser

AGE_MESSAGES = """(minutes) => {
  const key = Object.keys(localStorage).find((k) => k.startsWith('bucksLisChat'));
  const state = JSON.parse(localStorage.getItem(key));
  state.messages.forEach((m) => { m.ts = Date.now() - minutes * 60000; });
  localStorage.setItem(key, JSON.stringify(state));
}"""


def test_the_device_keeps_a_conversation_as_long_as_the_servers_session() -> None:
    """The widget's limit is the server's: domain.yml's session length, after which a
    declined conversation's transcript is purged on the server (bot/storage/session_purge)."""
    from bot.config import PROJECT_ROOT
    from bot.storage.session_purge import DEFAULT_IDLE_SECONDS
    from bot.web.app import create_app
    from bot.widget import widget_defaults

    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text("utf-8"))
    minutes = domain["session_config"]["session_expiration_time"]
    assert DEFAULT_IDLE_SECONDS == minutes * 60
    with create_app({"TESTING": True, "SECRET_KEY": "x"}).test_request_context():
        assert widget_defaults()["storageIdleMinutes"] == minutes


def test_a_conversation_idle_past_the_session_is_gone_from_the_device(
    page: Any,
    fake_stack: FakeStack,  # noqa: F811 - the fixture imported above
) -> None:
    open_chat(page, fake_stack)
    page.get_by_label("Your message").fill("our payroll is with Acme Bank")
    page.keyboard.press("Enter")
    wait_bot(page, "Thanks, I noted: our payroll is with Acme Bank")
    first = sender_id(page)

    page.evaluate(AGE_MESSAGES, 30)  # half an hour: still the same visit
    page.reload()
    page.locator(".blc-msg", has_text="Acme Bank").first.wait_for()
    assert sender_id(page) == first

    page.evaluate(AGE_MESSAGES, 61)  # past the hour: the next person at this computer
    page.reload()
    page.get_by_role("button", name="Have your say", exact=True).wait_for()
    assert page.locator(".blc-msg", has_text="Acme Bank").count() == 0
    assert sender_id(page) != first  # not able to go on as that business
    stored = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "Acme Bank" not in stored and first not in stored
    page.get_by_role("button", name="Have your say", exact=True).click()
    wait_bot(page, "Do you agree to take part?")  # a new conversation, greeted afresh
    assert fake_stack.texts(sender_id(page)) == ["/greet"]
    assert (
        json.loads(page.evaluate("JSON.stringify(window.BucksLISChatWidget.config)"))[
            "storageIdleMinutes"
        ]
        == 60
    )
