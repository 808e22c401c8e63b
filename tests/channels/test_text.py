"""The one rule for a client's message id (bot/channels/text.py), shared by REST and socket.io."""

from __future__ import annotations

import uuid

import pytest

from bot.channels.text import valid_message_id


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
