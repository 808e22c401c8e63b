"""What the twelfth set of unseen conversations (benchmarks/data/conversation_probe_l.yml)
found in reading replies, tested without Rasa: a laugh or a shrug is no answer, a grudging
"suppose so" agrees, "we're a bakery not a cafe" puts the sector right, and "creative no,
mobility yes" turns islands down."""

from __future__ import annotations

import pytest

from bot.consultation.asides import same_as_before
from bot.consultation.choices import dismisses_the_list, turned_down
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.profile_checks import sector_instead
from bot.consultation.replies import acknowledgement_only, holding, is_skip, means_nothing
from bot.consultation.replies.pauses import laughing_only
from bot.strategy import ISLAND_IDS


@pytest.mark.parametrize("text", ["lol", "haha ok", "Hahaha!", "😂😂", "lmao fair enough", "hehe"])
def test_a_laugh_alone_is_not_an_answer_yet(text: str) -> None:
    assert laughing_only(text) and holding(text)


@pytest.mark.parametrize(
    "text", ["haha yes spot on", "lol the roads are a joke", "ha", "Hahn Engineering", "yes"]
)
def test_a_laugh_with_words_after_it_is_read_for_them(text: str) -> None:
    assert not laughing_only(text)


@pytest.mark.parametrize("text", ["🤷", "🤷‍♂️", "🤷🏻‍♀️", "🤷 🤷", "¯\\_(ツ)_/¯"])
def test_a_shrug_is_a_skip_not_an_acknowledgement(text: str) -> None:
    assert is_skip(text) and means_nothing(text) and not acknowledgement_only(text)


def test_other_emoji_still_acknowledge() -> None:
    assert acknowledgement_only("👍") and not is_skip("👍")


@pytest.mark.parametrize(
    "text",
    [
        "suppose so",
        "I suppose",
        "i guess so",
        "oh if I must",
        "might as well",
        "ugh fine, suppose so",
    ],
)
def test_a_grudging_yes_agrees_to_take_part(text: str) -> None:
    assert agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text", ["I suppose the roads are the problem", "suppose so but not now", "guess what"]
)
def test_a_sentence_opening_with_suppose_is_not_agreement(text: str) -> None:
    assert not agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "no sorry we're a bakery not a cafe",
        "not a cafe, we're a bakery",
        "We are a bakery, not a cafe!",
        "it's a bakery not a café",
    ],
)
def test_the_sector_on_record_put_right(text: str) -> None:
    assert sector_instead(text, "cafe") == "bakery"


@pytest.mark.parametrize(
    "text, sector",
    [
        ("we're a small firm not a big one", "cafe"),
        ("we're a bakery not a cafe", None),
        ("we're a bakery not a cafe", "(skipped)"),
        ("6", "cafe"),
        ("we're in Thame not Aylesbury", "cafe"),
    ],
)
def test_no_sector_change_without_the_sector_on_record_after_not(
    text: str, sector: str | None
) -> None:
    assert sector_instead(text, sector) is None


def test_islands_turned_down_one_by_one() -> None:
    text = (
        "creative no, mobility yes we run an EV van fleet, medical no, high performance yes "
        "we machine parts for the F1 teams, space no"
    )
    assert turned_down(text, ISLAND_IDS) == ["creative_digital", "medical_technologies", "space"]
    assert turned_down("space and medical, not film", ISLAND_IDS) == ["creative_digital"]
    assert turned_down("not space really - medtech", ISLAND_IDS) == ["space"]


@pytest.mark.parametrize(
    "text", ["space and medical", "the space one, no question", "space, no idea about the rest"]
)
def test_no_island_turned_down_without_a_no_beside_it(text: str) -> None:
    assert turned_down(text, ISLAND_IDS) == []


@pytest.mark.parametrize(
    "text",
    [
        "honestly the islands thing is a daft metaphor, we're a builders merchant",
        "the islands are irrelevant to us",
        "this seabed stuff is consultant speak",
    ],
)
def test_the_list_waved_away_as_a_whole(text: str) -> None:
    assert dismisses_the_list(text, ISLAND_IDS)


@pytest.mark.parametrize(
    "text",
    [
        "space is irrelevant",  # a theme named: read as a choice (or turned down)
        "what are the islands?",
        "none of these islands apply, maybe space",
        "the islands list is fine, space",
    ],
)
def test_a_reply_naming_a_theme_or_asking_is_not_waving_the_list_away(text: str) -> None:
    assert not dismisses_the_list(text, ISLAND_IDS)


@pytest.mark.parametrize(
    "text", ["same for all of them", "said it above", "I said that already", "same for the rest"]
)
def test_more_ways_of_pointing_back(text: str) -> None:
    assert same_as_before(text)


@pytest.mark.parametrize("text", ["same for the roads", "said that before, the roads are worse"])
def test_pointing_back_with_more_to_say_is_an_answer(text: str) -> None:
    assert not same_as_before(text)
