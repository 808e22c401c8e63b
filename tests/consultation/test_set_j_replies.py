"""What the tenth set of unseen conversations (benchmarks/data/conversation_probe_j.yml)
found in reading replies, tested without Rasa: media placeholders ("[Voice message]",
"[GIF]"), anger at the bot, a question about the closing date inside a view, a pasted
email signature as the organisation and a town with a remark after it."""

from __future__ import annotations

import pytest

from bot.consultation.pointers import media_only, pointer_reply
from bot.consultation.profile import organisation_in_signature, tidy_profile_answer
from bot.consultation.profile_places import place_and_remark
from bot.consultation.replies import asks_when_it_closes, fed_up_with_bot, impatient
from bot.nlu.reply_intents import certain_intent


@pytest.mark.parametrize(
    "text",
    [
        "[Voice message]",
        "[GIF]",
        "<Media omitted>",
        "image omitted",
        "🎤 Voice message",
        "(gif)",
        "[Sticker]",
        "sent a photo",
        " [Image] ",
    ],
)
def test_media_placeholders_are_nothing_typed(text: str) -> None:
    assert media_only(text)
    assert pointer_reply(text) == "media"


@pytest.mark.parametrize(
    "text",
    [
        "video",
        "video production",
        "photo studio",
        "voice message is bad on our estate",
        "[image] the roads are awful",
        "gif",
        "we make images for adverts",
    ],
)
def test_words_about_media_are_answers(text: str) -> None:
    assert not media_only(text)
    assert pointer_reply(text) is None


def test_a_media_placeholder_as_a_first_message_is_a_hello() -> None:
    assert certain_intent("[GIF]", "nlu_fallback") == "greet"
    assert certain_intent("[Voice message]", "inform") == "greet"
    assert certain_intent("video production", "inform") is None


@pytest.mark.parametrize(
    "text",
    [
        "you're useless, this is a waste of my time",
        "you are useless",
        "stupid bot",
        "this is pointless",
        "what a waste of time",
        "are you stupid?",
        "this bot is rubbish",
        "honestly you're a joke",
        "you don't understand",
        "ffs you're useless mate",
    ],
)
def test_anger_at_the_bot_is_not_a_view(text: str) -> None:
    assert fed_up_with_bot(text)


@pytest.mark.parametrize(
    "text",
    [
        "the growth hub is useless",
        "it's rubbish",
        "the roads are crap",
        "useless",
        "waste of time",
        "it's a waste of time",
        "the council is useless, we waited a year",
        "you're useless if you can't get a train after 10pm",
    ],
)
def test_anger_at_something_else_is_a_view(text: str) -> None:
    assert not fed_up_with_bot(text)
    assert not impatient(text)


@pytest.mark.parametrize(
    "text",
    [
        "when does the consultation close? also the air on the high street is awful",
        "what's the deadline? parking is hopeless",
        "parking is bad. when will this close?",
        "how long have we got? the roads are a mess",
    ],
)
def test_a_question_about_the_closing_date_inside_an_answer(text: str) -> None:
    assert asks_when_it_closes(text)


@pytest.mark.parametrize(
    "text",
    [
        "the planning deadline is too short",
        "when will the council fix the roads?",
        "the consultation on the bypass closed without us hearing",
        "when does the bus run?",
    ],
)
def test_no_question_about_the_closing_date(text: str) -> None:
    assert not asks_when_it_closes(text)


def test_a_pasted_signature_gives_the_firms_line() -> None:
    signature = "Sarah Jones\nOperations Manager\nAmersham Print Ltd\nT: 01494 555 0123"
    assert organisation_in_signature(signature) == "Amersham Print Ltd"
    assert tidy_profile_answer("organisation", signature) == "Amersham Print Ltd"
    # one line, or no single company line: kept as typed
    assert organisation_in_signature("Amersham Print Ltd") is None
    two = "Chiltern Ltd\nBeacon Group"
    assert tidy_profile_answer("organisation", two) == two
    assert organisation_in_signature("Sarah Jones\nsarah@amershamprint ltd") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Aylesbury, where the parking is a joke", "Aylesbury"),
        ("High Wycombe, but we cover the whole county", "High Wycombe"),
        ("Chalfont St Peter - sadly the high street is dying", "Chalfont St Peter"),
    ],
)
def test_a_town_with_a_remark_keeps_the_town(text: str, place: str) -> None:
    assert place_and_remark(text) is not None
    assert tidy_profile_answer("location", text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Aylesbury, where is that?",
        "Aylesbury, Bucks",
        "Unit 4, Westcott Venture Park",
        "Marlow",
        "Amersham, which one?",
    ],
)
def test_a_place_without_a_remark_is_kept_as_typed(text: str) -> None:
    assert place_and_remark(text) is None
    assert tidy_profile_answer("location", text) == text


@pytest.mark.parametrize("text", ["ok", "so", "right", "honestly", "mate", "ok so lol"])
def test_fillers_alone_are_not_anger(text: str) -> None:
    assert not fed_up_with_bot(text)


@pytest.mark.parametrize(
    ("slot", "typed", "kept"),
    [
        ("organisation", "@btvlep Hale Leys Print", "Hale Leys Print"),
        ("organisation", "@btvlep", ""),
        ("organisation", "@BTVLEP: @bucks_lis", ""),
        ("location", "Wendover @btvlep", "Wendover"),
        ("role", "owner, email me at bob@halelyes.co.uk", "owner, email me at bob@halelyes.co.uk"),
    ],
)
def test_an_x_handle_is_never_kept_as_a_profile_answer(slot: str, typed: str, kept: str) -> None:
    """In a DM the account written to is not the business's name, town or role."""
    assert tidy_profile_answer(slot, typed) == kept
