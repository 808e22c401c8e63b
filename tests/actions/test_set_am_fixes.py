"""What set AM of unseen conversations (benchmarks/data/conversation_probe_am.yml) found,
fixed and kept so (paraphrases the set does not use): "back, sorry, school run" is a
return after a pause; "take space off" and "actually drop high performance, ..." leave a
theme's questions out; "swap digital for infrastructure" and "not housing, I meant skills"
change the choice; "can you say it again" with no question mark asks for the question
again; head counts said in words ("twenty two drivers and three in the office"), and read
as one even when the classifier hears a wish for a person ("forty odd including the
operators"); the town put right without "in" ("sorry I meant Amersham not Chesham"), the
name put right after the head count ("16. oh and the name's ... not Coatings") and only the
last part of an answer taken back ("scratch that last bit, ...")."""

from __future__ import annotations

import pytest

from bot.consultation.choice_changes import dropped_themes, switched_choice
from bot.consultation.head_count import size_band_for
from bot.consultation.location_fixes import corrected_location
from bot.consultation.profile_fixes import renamed_after_answer
from bot.consultation.question_help import asks_what_the_question_means
from bot.consultation.questions import match_themes
from bot.consultation.replies.corrections import drops_last_bit, without_last_bit
from bot.consultation.replies.pauses import holding
from bot.consultation.replies.skips import skip_as_a_trade
from bot.nlu.reply_intents import certain_intent

SEABED = [
    "entrepreneurialism",
    "housing_growth",
    "digital_science",
    "intelligent_public_services",
    "education_skills",
    "infrastructure",
    "environment_quality_of_life",
]


@pytest.mark.parametrize(
    "text, back",
    [
        ("back, sorry, school run", True),
        ("back. sorry had a customer in", True),
        ("sorry, did the school run", True),
        ("got a delivery at the door, back now", True),
        ("had a customer in who wants heat pumps but the grid can't take it", False),
        ("the school run traffic on the A413 is a nightmare", False),
    ],
)
def test_a_return_after_a_pause_is_not_an_answer(text: str, back: bool) -> None:
    assert holding(text) is back


@pytest.mark.parametrize(
    "text, among, dropped",
    [
        ("sorry, take space off, I was thinking of our escape room", ["space"], ["space"]),
        ("can you take the space ones off", ["creative_digital", "space"], ["space"]),
        (
            "@btvlep actually drop high performance, it's really just westcott we do",
            ["high_performance_technology", "space"],
            ["high_performance_technology"],
        ),
        ("scrap housing growth please", SEABED, ["housing_growth"]),
        ("scrap housing targets, they're daft", SEABED, []),
        ("drop the apprenticeship levy, it's useless", ["education_skills"], []),
        ("scrap HS2 and fix the roads", ["infrastructure"], []),
        ("take off the business rates and we'd grow", SEABED, []),
    ],
)
def test_a_theme_dropped_by_its_name(text: str, among: list[str], dropped: list[str]) -> None:
    assert dropped_themes(text, among) == dropped


@pytest.mark.parametrize(
    "text, current, new",
    [
        ("@btvlep actually swap digital for infrastructure", "digital_science", ["infrastructure"]),
        (
            "Actually not housing, I meant skills and environment",
            "housing_growth",
            ["education_skills", "environment_quality_of_life"],
        ),
        ("not the roads I meant the trains", "infrastructure", []),
        ("we'd swap diesel for electric vans if the grid allowed", "infrastructure", []),
    ],
)
def test_a_driver_swapped_for_another(text: str, current: str, new: list[str]) -> None:
    assert switched_choice(text, SEABED, current) == new


@pytest.mark.parametrize(
    "text, again",
    [
        ("Sorry I missed that can you say it again", True),
        ("sorry can you repeat that, I was reversing the van", True),
        ("I didn't catch that sorry", True),
        ("I missed that grant deadline because nobody told us", False),
        ("could you say it again in plain English? the roads are the problem", False),
    ],
)
def test_the_question_asked_for_again_without_a_question_mark(text: str, again: bool) -> None:
    assert asks_what_the_question_means(text) is again


@pytest.mark.parametrize(
    "text, band",
    [
        ("about twenty two drivers and three in the office", "Small (10-49 staff)"),
        ("forty-five", "Small (10-49 staff)"),
        ("seventy odd", "Medium (50-249 staff)"),
        ("thirteen of us", "Small (10-49 staff)"),
        ("8 and 2 in the office", "Small (10-49 staff)"),
        ("6 drivers and 2 in the office", "Micro (1-9 staff)"),
    ],
)
def test_head_counts_in_words(text: str, band: str) -> None:
    assert size_band_for(text) == band


def test_a_head_count_is_not_a_wish_for_a_person() -> None:
    assert certain_intent("@btvlep forty odd including the operators", "faq") == "inform"
    assert certain_intent("operator", "faq") is None
    assert certain_intent("can I talk to one of the 3 people?", "faq") is None


# Second pass at set AM: the town put right without "in", the name put right after the head
# count, and only the last part of an answer taken back.


@pytest.mark.parametrize(
    "text, on_record, new",
    [
        ("sorry I meant Amersham not Chesham, chesham's where I live", "Chesham", "Amersham"),
        ("@btvlep oops, Amersham not Chesham", "chesham", "Amersham"),
        ("meant Great Missenden, not Prestwood", "Prestwood", "Great Missenden"),
        # the place withdrawn must be the one on record
        ("sorry I meant Amersham not Chesham", "Tring", None),
        ("I meant skills not housing", "Chesham", None),
    ],
)
def test_a_town_put_right_without_in(text: str, on_record: str, new: str | None) -> None:
    assert corrected_location(text, on_record) == new


@pytest.mark.parametrize(
    "text, on_record, renamed",
    [
        (
            "16. oh and the name's Ouse Valley Finishing, not Coatings, we rebranded",
            "Ouse Valley Coatings",
            ("Ouse Valley Finishing", "16"),
        ),
        (
            "works manager, and our company name is Hill Farm Dairy not Hill Farm Foods",
            "Hill Farm Foods",
            ("Hill Farm Dairy", "works manager"),
        ),
        ("the name's on the van, not the shop", "Ouse Valley Coatings", None),
        ("12 staff. the name is Acme Ltd, not Acme Ltd", "Acme Ltd", None),
    ],
)
def test_a_name_put_right_after_an_answer(
    text: str, on_record: str, renamed: tuple[str, str] | None
) -> None:
    assert renamed_after_answer(text, on_record) == renamed


@pytest.mark.parametrize(
    "text, drops",
    [
        ("scratch that last bit, the insurance is our problem not yours", True),
        ("@btvlep ignore the last part pls", True),
        ("sorry, scrap that final sentence", True),
        ("scratch that", False),
        ("the last bit of the A413 is the worst", False),
    ],
)
def test_only_the_last_part_taken_back(text: str, drops: bool) -> None:
    assert drops_last_bit(text) is drops


@pytest.mark.parametrize(
    "answer, kept",
    [
        (
            "The vans sit on the M40 at Loudwater every morning, and we can't get "
            "insurance for kit on location",
            "The vans sit on the M40 at Loudwater every morning",
        ),
        ("Rents are silly in Marlow. Also nobody trains riggers.", "Rents are silly in Marlow."),
        ("roads but also rents", None),  # too little left to be a view on its own
        ("just the roads", None),
    ],
)
def test_the_answer_without_its_last_part(answer: str, kept: str | None) -> None:
    assert without_last_bit(answer) == kept


@pytest.mark.parametrize(
    "text, trade",
    [
        ("Taxi and private hire", True),
        ("private tuition for GCSE maths", True),
        ("that's private", False),
        ("rather keep that private", False),
    ],
)
def test_private_as_a_trade_is_no_skip(text: str, trade: bool) -> None:
    assert skip_as_a_trade(text) is trade


@pytest.mark.parametrize(
    "text, chosen",
    [
        ("ok. skills and infra then", ["education_skills", "infrastructure"]),
        ("enviro and housing", ["housing_growth", "environment_quality_of_life"]),
        ("infrared cameras", []),
    ],
)
def test_drivers_by_their_short_names(text: str, chosen: list[str]) -> None:
    assert match_themes(text, "seabed") == chosen
