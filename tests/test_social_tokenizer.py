"""The NLU tokenizer that reads X-style messages as plain ones (bot/nlu/social_tokenizer.py)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.social_tokenizer import SocialTokenizer


def _words(text: str) -> list[tuple[str, int]]:
    tokenizer = SocialTokenizer(SocialTokenizer.get_default_config())
    return [(t.text, t.start) for t in tokenizer.tokenize(Message(data={TEXT: text}), TEXT)]


def test_mentions_and_the_consultation_hashtag_are_dropped() -> None:
    assert _words("@btvlep yes #bucksLIS") == [("yes", 8)]
    assert _words("@BTVLEP @BucksCouncil skip the rest #BUCKSLIS") == [
        ("skip", 22),
        ("the", 27),
        ("rest", 31),
    ]


def test_other_hashtags_are_words_at_their_place_in_the_text() -> None:
    text = "#space and #skills"
    words = _words(text)
    assert words == [("space", 1), ("and", 7), ("skills", 12)]
    assert all(text[start : start + len(word)] == word for word, start in words)


@pytest.mark.parametrize("text", ["@btvlep", "#bucksLIS", "@a @b"])
def test_a_message_of_nothing_else_keeps_its_tokens(text: str) -> None:
    assert _words(text)


def test_plain_messages_are_tokenised_as_before() -> None:
    assert [w for w, _ in _words("email me at jo@firm.co.uk")] == [
        "email",
        "me",
        "at",
        "jo@firm.co.uk",
    ]
