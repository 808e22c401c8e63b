"""Attack probe s46 on the chat entries: REST sender ids that do not read as what they are."""

from __future__ import annotations

import json

import pytest

from bot.channels.rest import check_body
from bot.channels.senders import public_sender_ok

MAX = 2000


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


@pytest.mark.parametrize(
    "sender",
    [
        "x-\u200bdm-3050000001",  # reads as an X participant's id on the Businesses page
        "anonymised\u2060:12",  # reads as an anonymised business
        "lep-\u202e1234-abcd",  # a right-to-left override: the id reads backwards
        "abc\u00addef",  # a soft hyphen, invisible
        "x-\u200ddm-1",  # a zero-width joiner (one in an emoji sequence too: ids need none)
        "web-1\nINFO forged log line",  # a line break: a second, forged line in any log
        "web-1\r",
        "web-1\t",
        "web-1\u2028",
        "\ufeffweb-1",
        " web-1",  # space around the id: typed from the page, `bucks-lis forget` found nothing
        "web-1 ",
        "web-1\u00a0",
    ],
)
def test_a_rest_sender_id_reads_as_what_it_is(sender: str) -> None:
    """The Businesses page shows each business's sender id, and `bucks-lis forget SENDER_ID`
    takes it as typed. A REST client could choose one with invisible characters that read
    as an X participant's or an anonymised business's id, one read backwards (U+202E), or
    one with a line break; ids with space around them could not be typed back. Refused
    (400 `invalid_sender`), as the widget's ids (letters, digits, `_` and `-`) already
    are."""
    assert check_body(body(message="hi", sender=sender), MAX) == (None, "invalid_sender")
    assert not public_sender_ok(sender)


@pytest.mark.parametrize(
    "sender",
    [
        "a",
        "b7e2c1d0a9f84e3b8c6d5e4f3a2b1c0d",  # the widget's
        "lep site visitor 42",  # spaces inside are fine
        "utilisateur-éàü-日本",  # any script
        "emoji-👩🏽",
        "<img src=x onerror=a()>",  # shown escaped
    ],
)
def test_ordinary_rest_sender_ids_are_still_taken(sender: str) -> None:
    clean, code = check_body(body(message="hi", sender=sender), MAX)
    assert code is None and clean is not None and clean["sender"] == sender
