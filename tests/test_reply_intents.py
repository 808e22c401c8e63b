"""Plain yes / no replies read as affirm / deny after the intent classifier
(bot/nlu/reply_intents.py), so a retrain cannot move them."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.reply_intents import ReplyIntentClassifier, certain_intent


@pytest.mark.parametrize(
    ("text", "predicted", "intent"),
    [
        ("yh thats it", "nlu_fallback", "affirm"),
        ("spot on, cheers", "faq", "affirm"),
        ("yep", "inform", "affirm"),
        ("nope not really", "inform", "deny"),
        ("negative", "choose_theme", "deny"),
    ],
)
def test_a_plain_yes_or_no_read_as_something_else(text: str, predicted: str, intent: str) -> None:
    assert certain_intent(text, predicted) == intent


@pytest.mark.parametrize(
    ("text", "predicted"),
    [
        ("go on", "carry_on"),  # carrying on after stopping has its own rules
        ("yes", "consent_agree"),
        ("nope", "skip"),
        ("no", "consent_decline"),
        ("yh thats it", "affirm"),  # unsure (0.46): kept, with full confidence
    ],
)
def test_a_yes_or_no_intent_already_read_is_kept(text: str, predicted: str) -> None:
    assert certain_intent(text, predicted) == predicted


@pytest.mark.parametrize(
    "text", ["the roads are a nightmare", "yes the roads are bad", "no idea", "not sure"]
)
def test_other_messages_are_left_to_the_classifier(text: str) -> None:
    assert certain_intent(text, "inform") is None


def test_the_component_sets_the_intent_and_its_ranking() -> None:
    classifier = ReplyIntentClassifier({})
    fallback = {"name": "nlu_fallback", "confidence": 0.5}
    message = Message(data={TEXT: "yh thats it", INTENT: fallback, INTENT_RANKING_KEY: [fallback]})
    untouched = Message(data={TEXT: "parking", INTENT: {"name": "inform", "confidence": 0.9}})
    classifier.process([message, untouched])
    assert message.get(INTENT) == {"name": "affirm", "confidence": 1.0}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["affirm", "nlu_fallback"]
    assert untouched.get(INTENT) == {"name": "inform", "confidence": 0.9}
    unsure = Message(data={TEXT: "yh thats it", INTENT: {"name": "affirm", "confidence": 0.46}})
    classifier.process([unsure])
    assert unsure.get(INTENT) == {"name": "affirm", "confidence": 1.0}
