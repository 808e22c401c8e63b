"""Attack probe s44 on the chat entries: half of an emoji (a lone UTF-16 surrogate) in a web
client's message; a flood from one IPv6 network spread over its addresses; a REST client
naming itself "twitter"."""

from __future__ import annotations

import json

import pytest

from bot.addresses import client_network
from bot.channels.rate_limit import ChatLimits, TokenBuckets
from bot.channels.rest import check_body
from bot.channels.socketio import check_user_message
from bot.channels.text import clean_message
from bot.review.labels import CHANNEL_LABELS

MAX = 2000
SESSION = "abcdef0123456789"


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ('"broadband in Iver is \\ud83d slow"', "broadband in Iver is  slow"),
        ('"rents \\ude29"', "rents"),
        ('"\\ud83d\\ude29 rents"', "\U0001f629 rents"),  # a whole emoji stays
    ],
    ids=["high-half", "low-half", "whole-pair"],
)
def test_half_an_emoji_is_dropped_on_rest_and_the_widget(raw: str, read: str) -> None:
    """JSON may write a lone surrogate ("\\ud83d"), which no UTF-8 encoder takes. REST and the
    widget passed it on: Rasa kept it in the transcript (as JSON escapes), and the staff
    transcript page of that business was a 500 for everyone from then on. Dropped as the X
    channel drops it (X format probe s43)."""
    message = json.loads(raw)
    rest, code = check_body(b'{"sender": "s44-surrogate", "message": ' + raw.encode() + b"}", MAX)
    assert code is None and rest is not None and rest["message"] == read
    widget, rejection = check_user_message({"message": message, "session_id": SESSION}, MAX, True)
    assert rejection is None and widget is not None and widget["message"] == read
    rest["message"].encode("utf-8")  # storable and showable


def test_a_message_of_only_half_an_emoji_is_empty() -> None:
    assert clean_message("\ud83d") == ""
    assert check_body(b'{"sender": "s44-surrogate", "message": "\\ud83d"}', MAX) == (None, "empty")


def test_one_ipv6_network_is_one_address_to_the_flood_limit() -> None:
    """A client on IPv6 holds a whole /64 (2^64 addresses) and may take a new one for each
    message: the per-address limit counted each address apart, so rotating them sent without
    limit. One /64 is one client now; the IPv4 address written as IPv6 ("::ffff:...", as a
    dual-stack server may see it) is that IPv4 client."""
    limits = ChatLimits(TokenBuckets(per_minute=1000), TokenBuckets(per_minute=5))
    waits = [limits.wait_needed(f"s{i}", f"2001:db8:1:2::{i:x}") for i in range(7)]
    assert waits[:5] == [0] * 5 and all(w >= 1 for w in waits[5:])
    assert limits.wait_needed("s-next", "2001:db8:1:3::1") == 0  # the next /64 is another
    waits = [limits.wait_needed(f"v{i}", a) for i, a in enumerate(["198.51.100.7"] * 3)]
    waits += [limits.wait_needed(f"m{i}", "::ffff:198.51.100.7") for i in range(3)]
    assert waits[:5] == [0] * 5 and waits[5] >= 1
    assert [client_network(a) for a in ("203.0.113.9", "::ffff:203.0.113.9")] == ["203.0.113.9"] * 2
    assert client_network("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64"
    assert client_network("not-an-ip") == "not-an-ip" and client_network(None) is None


@pytest.mark.parametrize("claimed", sorted(set(CHANNEL_LABELS) - {"rest"}))
def test_rest_cannot_take_any_channel_staff_have_a_name_for(claimed: str) -> None:
    """A REST client may name its own channel, but not one staff read as another source:
    "twitter" was let through and shown on every staff page and export as "X direct message
    (older)". Every channel with a name in bot/review/labels.py but REST's own is refused."""
    from types import SimpleNamespace

    from bot.channels.rest import LimitedRestInput

    raw = json.dumps({"message": "hi", "sender": "s44-channel", "input_channel": claimed})
    clean, code = check_body(raw.encode(), MAX)
    assert code is None
    request = SimpleNamespace(ctx=SimpleNamespace(bucks_lis_body=clean))
    assert LimitedRestInput()._extract_input_channel(request) == "rest"
