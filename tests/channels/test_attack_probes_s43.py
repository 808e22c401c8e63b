"""Attack probe s43 on the chat entries: Rasa's own commands typed as a message, and metadata
nested deep enough to break whoever reads the transcript later."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bot.channels import text
from bot.channels.rest import check_body
from bot.channels.socketio import check_user_message
from bot.channels.text import clean_message
from bot.channels.x.inbound import clean_text
from bot.config import PROJECT_ROOT

MAX = 2000
SESSION = "abcdef0123456789"
# What must pass as it came: our buttons' payloads, and a "/" Rasa reads as no command.
UNCHANGED = [
    "/greet",
    "/consent_agree",
    "/consent_decline",
    "/affirm",
    "/deny",
    "/skip",
    "/forget_me",
    '/choose_island{"island": "space"}',
    "/restart please",  # a sentence to Rasa too: no intent of that name
    "//restart",
    "/Restart",
    "restart",
    "a/restart",
]


def body(**fields: Any) -> bytes:
    return json.dumps(fields).encode()


def every_channel(typed: str) -> list[str]:
    """What REST, socket.io and X give Rasa for `typed`."""
    rest, code = check_body(body(message=typed, sender="a"), MAX)
    assert code is None and rest is not None
    widget, rejection = check_user_message({"message": typed, "session_id": SESSION}, MAX, True)
    assert rejection is None and widget is not None
    return [rest["message"], widget["message"], clean_text(typed, "#bucksLIS", MAX)]


def button_payloads() -> set[str]:
    """Every "/intent" payload in domain.yml and the actions' buttons."""
    sources = [PROJECT_ROOT / "domain.yml", *sorted((PROJECT_ROOT / "actions").glob("*.py"))]
    return {
        found
        for path in sources
        for found in re.findall(r"""["'\s](/[a-z_]+)["'\s]""", path.read_text("utf-8"))
    }


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("/restart", "restart"),
        ("/back", "back"),
        ("/session_start", "session_start"),
        ("/nlu_fallback", "nlu_fallback"),
        ("/out_of_scope", "out_of_scope"),
        ("/ restart", "restart"),
        ("/restart@1.0", "restart@1.0"),
        ('/restart{"organisation": "x"}', 'restart{"organisation": "x"}'),
        ("  /back  ", "back"),
    ],
)
def test_rasas_own_commands_typed_are_read_as_words_on_every_channel(typed: str, read: str) -> None:
    """Rasa reads a message that starts with "/" as an intent. Typed, its built-in
    "/restart" wiped the conversation (consent, the profile form, the stage: an empty reply,
    then the consent question again, so a business that had agreed could flip to declined),
    "/back" undid turns and "/session_start" began a new session (probe s43, trained model
    in-process). No button of ours sends one, and they pass as before."""
    from rasa.shared.core.constants import DEFAULT_INTENTS

    assert getattr(text, "RASA_COMMANDS", None) == set(DEFAULT_INTENTS)
    assert clean_message(typed) == read
    assert every_channel(typed) == [read] * 3  # REST, socket.io, an X DM or post
    payloads = button_payloads()
    assert {"/consent_agree", "/affirm", "/skip"} <= payloads
    for same in sorted(payloads | set(UNCHANGED)):
        assert every_channel(same) == [same] * 3, same


def nested(depth: int) -> dict[str, Any]:
    """A metadata object `depth` containers deep (the object itself is the first)."""
    return {"a": json.loads("[" * (depth - 1) + "]" * (depth - 1))} if depth > 1 else {}


def widget_metadata(metadata: Any) -> str | None:
    """The socket.io channel's rejection code for a message carrying `metadata`."""
    _, rejection = check_user_message(
        {"message": "hi", "session_id": SESSION, "metadata": metadata}, MAX, True
    )
    return None if rejection is None else rejection.code


@pytest.mark.parametrize("depth", [9, 40, 950])
def test_metadata_nested_deeper_than_the_limit_is_refused(depth: int) -> None:
    """A 2 kB metadata object 950 lists deep passed both channels (under 4096 characters)
    and was stored with the turn; the staff transcript page then raised RecursionError
    reading it back (a 500 for that business, probe s43). Up to 8 deep still passes."""
    meta = nested(depth)
    assert len(json.dumps(meta)) < text.MAX_METADATA_CHARS
    assert check_body(body(message="hi", sender="a", metadata=meta), MAX) == (
        None,
        "invalid_metadata",
    )
    assert widget_metadata(meta) == widget_metadata(json.dumps(meta)) == "invalid_metadata"

    for fine in (nested(8), {"page": "/", "utm": {"source": "x"}}):
        clean, code = check_body(body(message="hi", sender="a", metadata=fine), MAX)
        assert code is None and clean is not None and clean["metadata"] == fine
        assert widget_metadata(fine) is None and widget_metadata(json.dumps(fine)) is None
    assert widget_metadata("null") == "invalid_metadata"  # sent as text, still no object
