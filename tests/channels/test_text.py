"""What every chat channel accepts (bot/channels/text.py): a client's message id, shared by REST and
socket.io, and dictated punctuation read as its mark."""

from __future__ import annotations

import uuid

import pytest

from bot.channels.text import clean_message, valid_message_id


@pytest.mark.parametrize(
    "value",
    ["a", "x" * 64, uuid.uuid4().hex, str(uuid.uuid4()), "widget-42:1", "m_1.2"],
)
def test_valid_message_ids(value: str) -> None:
    assert valid_message_id(value)


@pytest.mark.parametrize(
    "value",
    [None, 7, "", "x" * 65, "a b", "ok\n", "\nok", "é", "<script>", ["a"], {"id": "a"}],
)
def test_malformed_message_ids(value: object) -> None:
    assert not valid_message_id(value)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("@btvlep yes full stop", "@btvlep yes."),
        ("no thank you full stop", "no thank you."),
        (
            "we cant get chefs comma nobody wants split shifts full stop and the bus goes at six",
            "we cant get chefs, nobody wants split shifts. and the bus goes at six",
        ),
        ("is it free question mark", "is it free?"),
        ("the comma in our name", "the comma in our name"),  # the word named, not dictated
        ("Comma Ltd", "Comma Ltd"),
    ],
)
def test_dictated_punctuation_becomes_its_mark(said: str, read: str) -> None:
    assert clean_message(said) == read
