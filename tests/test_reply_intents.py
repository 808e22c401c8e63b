"""Plain yes / no replies read as affirm / deny after the intent classifier
(bot/nlu/reply_intents.py), so a retrain cannot move them."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.reply_intents import ReplyIntentClassifier, certain_intent, not_a_stop


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


@pytest.mark.parametrize(
    "text",
    [
        "print finishing",
        "metal finishers",
        "a one stop shop for bathrooms",
        "high end kitchens",
        "vehicle wrapping",  # set AU
    ],
)
def test_a_trade_with_a_stop_word_read_as_stop_is_an_answer(text: str) -> None:
    # set G: "print finishing" at the sector question skipped the rest of the profile
    assert certain_intent(text, "stop") == "inform"


@pytest.mark.parametrize(
    "text",
    [
        "finish",
        "finishing up now",
        "that's all, finishing here",
        "stop please",
        "done",
        "wrap it up",
    ],
)
def test_a_real_stop_is_left_as_stop(text: str) -> None:
    assert certain_intent(text, "stop") in (None, "stop")
    assert not_a_stop(text) is False


def test_a_trade_word_is_left_alone_when_not_read_as_stop() -> None:
    assert certain_intent("print finishing", "inform") is None


@pytest.mark.parametrize(
    "text", ["@btvlep", "@BTVLEP ", "@btvlep #bucksLIS", "@btvlep @bucks_council!"]
)
def test_a_message_of_only_mentions_is_a_hello(text: str) -> None:
    # set G: a DM that was only the bot's handle got "I didn't understand"
    assert certain_intent(text, "nlu_fallback") == "greet"


@pytest.mark.parametrize("text", ["@btvlep yes", "#bucksLIS", "@btvlep the A41 again #bucksLIS"])
def test_mentions_with_words_are_not_a_hello(text: str) -> None:
    assert certain_intent(text, "inform") != "greet"


@pytest.mark.parametrize("text", ["diolch yn fawr", "Diolch!", "merci beaucoup, cheers", "grazie"])
def test_thanks_in_another_language_is_thanks(text: str) -> None:
    # set H: "diolch yn fawr" after the goodbye got "I didn't understand"
    assert certain_intent(text, "nlu_fallback") == "thank"


@pytest.mark.parametrize("text", ["thanks", "diolch am y cyfle i ddweud", "gracias amigo"])
def test_english_thanks_or_a_sentence_is_left_to_the_classifier(text: str) -> None:
    assert certain_intent(text, "nlu_fallback") is None


@pytest.mark.parametrize("text", ["k", "kk", "ye", "okie"])
def test_a_one_thumb_yes_is_affirm(text: str) -> None:
    # set I: "k" at the consent question fell back and lost the whole conversation
    assert certain_intent(text, "nlu_fallback") == "affirm"


@pytest.mark.parametrize("text", ["Stop Gap Storage", "End Point Ltd", "Stop & Go Tyres"])
def test_a_name_that_starts_with_a_stop_word_is_an_answer(text: str) -> None:
    # set I: "Stop Gap Storage" at the name question stopped the profile
    assert certain_intent(text, "stop") == "inform"


@pytest.mark.parametrize(
    "text",
    ["Stop Now", "Stop please", "STOP NOW", "Stop", "Finish Here Please", "Finish Up", "stop gap"],
)
def test_a_capitalised_request_to_stop_is_left_as_stop(text: str) -> None:
    assert certain_intent(text, "stop") is None


@pytest.mark.parametrize(
    "text", ["Good morning, I'd be glad to help. Regards, Bob", "hello, we would love to take part"]
)
def test_a_greeting_that_goes_on_to_agree_is_agreeing(text: str) -> None:
    # the fifteenth set's letters: read as a hello, the welcome came again
    assert certain_intent(text, "greet") == "consent_agree"


@pytest.mark.parametrize("text", ["good morning", "hi, the roads are bad", "hello, can I help?"])
def test_a_greeting_alone_or_with_a_view_stays_a_greeting(text: str) -> None:
    assert certain_intent(text, "greet") is None


@pytest.mark.parametrize(
    ("text", "predicted"),
    [
        ("I began this on twitter, can I finish it here?", "stop"),  # the model: stop 0.74
        ("I began this on twitter earlier, can I finish it here?", "stop"),
        ("started this on X, can I finish here", "stop"),
        ("i did some of this via twitter can i finish on the website", "faq"),
        ("I was halfway through on X, can I complete it here?", "nlu_fallback"),
        ("can i complete the survey i began on twitter", "consent_decline"),
        ("I did half of this on my phone earlier, can I finish it here?", "forget_me"),
        ("hello - I began the chat on twitter, can I finish it on the website", "greet"),
        ("hi, I started this on X yesterday, can I carry on here?", "consent_agree"),
    ],
)
def test_a_chat_begun_elsewhere_is_a_question_whatever_nlu_read(text: str, predicted: str) -> None:
    # answered and back to where the business was: never a stop, a decline or a deletion
    assert certain_intent(text, predicted) == "faq"


def test_a_chat_begun_elsewhere_with_a_view_beside_it_is_not_a_stop() -> None:
    text = "I started this on X yesterday. Can I carry on here? We're a bakery and parking is awful"
    assert certain_intent(text, "stop") == "inform"
    assert certain_intent(text, "consent_decline") == "inform"
    assert certain_intent(text, "inform") is None


@pytest.mark.parametrize(
    ("text", "predicted"),
    [
        ("can I finish it here?", "stop"),  # no other chat: finishing, as before
        ("can I finish here?", "stop"),
        ("I want to finish now", "stop"),
        ("I started this on X but I want to stop now", "stop"),
        ("I started this on X but I want to finish now", "stop"),
        ("I started this on X, I don't want to carry on", "consent_decline"),
        ("I started this on X, please delete everything", "forget_me"),
    ],
)
def test_a_real_stop_or_deletion_beside_a_chat_begun_elsewhere_stays(
    text: str, predicted: str
) -> None:
    assert certain_intent(text, predicted) is None


def test_an_intent_set_here_is_not_ambiguous_with_the_one_it_replaces() -> None:
    # "print finishing" at stop 0.96 stayed within FallbackClassifier's ambiguity threshold
    # of the inform set here, and fell back
    classifier = ReplyIntentClassifier({})
    stop = {"name": "stop", "confidence": 0.96}
    message = Message(
        data={TEXT: "print finishing", INTENT: stop, INTENT_RANKING_KEY: [stop]},
    )
    classifier.process([message])
    ranking = message.get(INTENT_RANKING_KEY)
    assert [r["name"] for r in ranking] == ["inform", "stop"]
    assert ranking[0]["confidence"] - ranking[1]["confidence"] == 1.0
