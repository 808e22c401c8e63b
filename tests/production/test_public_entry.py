"""One public entry (HAProxy) serves the widget page, /staff, REST, socket.io and the X
webhook; a conversation stays on one replica and socket.io sessions are sticky."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests

from bot.channels.x.signatures import crc_response_token

pytestmark = pytest.mark.slow


def test_every_part_answers_at_the_public_entry(production_stack: Any) -> None:
    url = production_stack.url
    assert requests.get(f"{url}/haproxy-health", timeout=10).status_code == 200
    page = requests.get(f"{url}/", timeout=30)
    assert page.status_code == 200 and "<script" in page.text
    staff = requests.get(f"{url}/staff/", timeout=30, allow_redirects=False)
    assert staff.status_code in (302, 303) and "login" in staff.headers["Location"]
    secret = production_stack.env["X_CONSUMER_SECRET"]
    crc = requests.get(f"{url}/webhooks/x/webhook", params={"crc_token": "p"}, timeout=30)
    assert crc.json() == {"response_token": crc_response_token("p", secret)}


def test_a_conversation_stays_on_one_replica_and_senders_spread(production_stack: Any) -> None:
    # Both replicas must be in rotation: the fault tests before this one kill and restart
    # replicas, and a replica still loading its model is out of HAProxy's rotation.
    production_stack.wait_balanced()
    url = f"{production_stack.url}/webhooks/rest/webhook"
    seen: dict[str, set[str]] = {}
    for i in range(12):
        sender = f"spread-{i}-{uuid.uuid4().hex[:6]}"
        for text in ("hello", "what is the local industrial strategy?"):
            resp = requests.post(url, json={"sender": sender, "message": text}, timeout=120)
            assert resp.status_code == 200
            seen.setdefault(sender, set()).add(resp.headers["X-Bucks-Replica"])
    assert all(len(replicas) == 1 for replicas in seen.values()), seen
    assert set().union(*seen.values()) == {"rasa0", "rasa1"}


def test_socketio_long_polling_is_sticky(production_stack: Any) -> None:
    base = f"{production_stack.url}/socket.io/"
    with requests.Session() as browser:  # keeps the balancer's cookie, as a browser does
        hello = browser.get(base, params={"EIO": "4", "transport": "polling"}, timeout=30)
        assert hello.status_code == 200 and "BUCKSLIS_RASA" in browser.cookies
        sid = hello.text[hello.text.index("{") :].split('"sid":"')[1].split('"')[0]
        opened = browser.post(
            base, params={"EIO": "4", "transport": "polling", "sid": sid}, data="40", timeout=30
        )
        assert opened.status_code == 200
        for _ in range(2):  # every request of the session reaches the replica that has it
            poll = browser.get(
                base, params={"EIO": "4", "transport": "polling", "sid": sid}, timeout=60
            )
            assert poll.status_code == 200, poll.text
            assert poll.headers["X-Bucks-Replica"] == hello.headers["X-Bucks-Replica"]
