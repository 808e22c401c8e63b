"""What sets CQ and CR of unseen conversations (benchmarks/data/conversation_probe_cq.yml,
_cr.yml) found in the shared readers. CQ: owners correcting themselves ("Sorry, I meant 16,
not 60" was filed as the town, and every profile answer after it one question late). CR:
owners asking about the strategy as they go ("Yes, I'll do it. Who's running this?" was
answered and the yes lost; "b4 i start how long is this gonna take" was filed as the name)."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import asks_what_the_lep_is
from bot.consultation.bucks_site import known_place
from bot.consultation.choice_changes import swapped_pending, switched_choice
from bot.consultation.choices import added_choice, choice_before_question
from bot.consultation.consent_reply import agrees_then_asks
from bot.consultation.location_fixes import corrected_location
from bot.consultation.playback_fixes import addition_to_item, answer_put_right
from bot.consultation.profile import answer_then_question, corrected_sector
from bot.consultation.profile_fixes import beside_the_fixes, corrected_name
from bot.consultation.recount import recounted_band
from bot.consultation.replies import asked_topic, asks_how_long, question_then_view
from bot.consultation.service import RecordedAnswer
from bot.consultation.taking_out import _without_clauses_about, taken_out_topic
from bot.strategy import THEME_IDS

ISLANDS, SEABED = THEME_IDS[:5], THEME_IDS[5:]
MICRO, SMALL, MEDIUM = "Micro (1-9 staff)", "Small (10-49 staff)", "Medium (50-249 staff)"


@pytest.mark.parametrize(
    ("text", "on_record", "band"),
    [
        ("Sorry, I meant 16, not 60. Still on my first coffee.", MEDIUM, SMALL),
        ("@btvlep sorry meant 4 not 40", SMALL, MICRO),
        (
            "Sorry, I said five earlier, but it's twelve now we've taken on the apprentices.",
            MICRO,
            SMALL,
        ),
    ],
)
def test_a_head_count_put_right(text: str, on_record: str, band: str) -> None:
    assert recounted_band(text, on_record) == band


def test_a_count_that_withdraws_another_band_puts_nothing_right() -> None:
    assert recounted_band("Sorry, I meant 16, not 60.", MICRO) is None  # 60 is not on record


def test_a_name_asked_for_in_so_many_words_need_not_look_like_the_old_one() -> None:
    text = "Sorry, we trade as TRE Historic now, put that as the name."
    assert corrected_name(text, "Tingewick Race Engines") == "TRE Historic"
    assert corrected_name("for the name put Kestrel RF please", "Kestrel") == "Kestrel RF"
    assert corrected_name("we trade as sole traders mostly", "Kestrel") is None


def test_the_sector_asked_for_by_its_field() -> None:
    assert corrected_sector("sorry, for sector put bus telematics software") == (
        "bus telematics software"
    )


@pytest.mark.parametrize(
    ("text", "on_record", "place"),
    [
        ("Actually, put us down as Aylesbury, that's our main surgery.", "Wendover", "Aylesbury"),
        ("@btvlep actually put us down as high wycombe", "waddesdon", "high wycombe"),
    ],
)
def test_put_us_down_as_a_town_is_the_location_not_the_sector(
    text: str, on_record: str, place: str
) -> None:
    assert corrected_sector(text) is None
    assert corrected_location(text, on_record) == place
    assert known_place(place)


def test_put_us_down_as_a_trade_is_still_the_sector() -> None:
    text = "actually put us down as an engineering consultancy"
    assert corrected_sector(text) == "engineering consultancy"
    assert corrected_location(text, "Wendover") is None


def test_why_the_count_changed_is_no_view_beside_it() -> None:
    text = "Sorry, I said five earlier, but it's twelve now we've taken on the apprentices."
    assert "apprentices" not in beside_the_fixes(text, {"size_band": SMALL}, {})
    view = "we're 60 staff not 6, and the space sector needs test stands"
    assert "test stands" in beside_the_fixes(view, {"size_band": MEDIUM}, {})


@pytest.mark.parametrize(
    ("text", "among", "current", "new"),
    [
        (
            "Actually, can we do the environment one instead of skills?",
            SEABED, "education_skills", ["environment_quality_of_life"],
        ),
        (
            "Hang on, wrong one. I meant high performance, not space.",
            ISLANDS, "space", ["high_performance_technology"],
        ),
    ],
)  # fmt: skip
def test_a_choice_switched_at_its_question(
    text: str, among: tuple[str, ...], current: str, new: list[str]
) -> None:
    assert switched_choice(text, among, current) == new


@pytest.mark.parametrize(
    "text", ["we use vans instead of lorries", "make it easier to get skills funding"]
)
def test_views_that_say_instead_or_make_it_switch_nothing(text: str) -> None:
    assert switched_choice(text, SEABED, "infrastructure") == []
    assert (
        swapped_pending(text, SEABED, ["infrastructure", "housing_growth"], "infrastructure")
        is None
    )


def test_a_choice_still_to_come_swapped() -> None:
    text = "@btvlep wait no, not public services, make it infrastructure"
    chosen = ["digital_science", "intelligent_public_services"]
    assert switched_choice(text, SEABED, "digital_science") == []
    assert swapped_pending(text, SEABED, chosen, "digital_science") == (
        "intelligent_public_services",
        ["infrastructure"],
    )


def test_a_theme_added_before_answering() -> None:
    text = "Sorry, before I answer, can you add the environment one as well?"
    assert added_choice(text, SEABED, ["education_skills"]) == ["environment_quality_of_life"]


def test_an_answer_put_right_by_a_plural_of_its_word() -> None:
    said = ["Historic racing is booming.", "nobody young has learned on a manual lathe."]
    assert answer_put_right("Sorry, I meant manual mills, not lathes.", said) == 2


def test_an_addition_to_an_answer_named_by_its_subject_verb_first() -> None:
    answers = [
        RecordedAnswer(1, "climbers with chainsaw tickets", "seabed:education_skills:views", []),
        RecordedAnswer(2, "ash dieback", "seabed:environment_quality_of_life:views", []),
    ]
    text = "@btvlep oh & add to the skills one: the nearest lantra assessor is in oxford"
    assert addition_to_item(text, answers) == (1, "the nearest lantra assessor is in oxford")


def test_only_the_part_about_the_topic_is_taken_out() -> None:
    text = (
        "Hold on, scrap what I said about parking, the council gave us trade permits last "
        "month. Keep the bit about the roundabout."
    )
    assert taken_out_topic(text) == "parking"
    answer = "Parking in town costs us £40 a day, and the Cressex roundabout is solid by eight."
    assert (
        _without_clauses_about(answer, ["parking"]) == "The Cressex roundabout is solid by eight."
    )
    assert _without_clauses_about("Parking in town costs £40 a day.", ["parking"]) is None


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep wots the LEP when its at home",
        "Before I do, who are the LEP? I've seen the name on letters but never known what it is.",
    ],
)
def test_what_the_lep_is(text: str) -> None:
    assert asks_what_the_lep_is(text)


def test_a_yes_then_a_question_agrees() -> None:
    assert agrees_then_asks("Yes, I'll do it. Who's actually running this consultation, though?")
    assert not agrees_then_asks("Yes. But what happens to my answers?")
    assert not agrees_then_asks("I run a bakery. Who reads this?")


def test_how_long_it_takes() -> None:
    assert asks_how_long("@btvlep b4 i start how long is this gonna take")
    assert answer_then_question(
        "Three of us. How long is the rest of this going to take, roughly?"
    ) == ("Three of us")
    assert not asks_how_long("how long it takes to get a van serviced is mad")


def test_a_question_then_anyway_and_a_view() -> None:
    text = (
        "What does the Oxford-Cambridge Arc mean for a workshop like mine? Anyway, the "
        "opportunity: historic grids at Silverstone get bigger every season."
    )
    assert question_then_view(text) == (
        "the opportunity: historic grids at Silverstone get bigger every season.",
        "arc",
    )
    assert question_then_view("whats an island exactly? we just machine valves") is None


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Will the council see what I write here, or only the LEP?", "data_privacy"),
        (
            "Does the national Industrial Strategy say anything about transport?",
            "national_strategy",
        ),
    ],
)
def test_the_topic_asked(question: str, topic: str) -> None:
    assert asked_topic(question) == topic


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        (
            "Intelligent mobility. Is that the island the Oxford-Cambridge Arc comes into?",
            "Intelligent mobility",
        ),
        ("@btvlep none of them. whats this ox cam arc everyone goes on about tho", "none of them"),
        ("Infrastructure, and environment maybe?", None),
    ],
)  # fmt: skip
def test_a_choice_then_a_question(text: str, choice: str | None) -> None:
    assert choice_before_question(text, ISLANDS if "Infra" not in text else SEABED) == choice


@pytest.mark.parametrize("naming", ["the skills one", "our skills answer", "my skills question"])
@pytest.mark.parametrize(
    "template",
    [
        "for {naming}, add that the nearest lantra assessor is in oxford",
        "add to {naming} that the nearest lantra assessor is in oxford",
        "that goes with {naming}: the nearest lantra assessor is in oxford",
    ],
)
def test_every_addition_names_an_answer_by_its_subject_the_same_ways(
    template: str, naming: str
) -> None:
    """One spelling of "the <subject> one" for every reader (`playback_fixes.TOPIC_PATTERN`):
    "for our skills answer, add ..." was not read while "add to our skills answer ..." was."""
    answers = [
        RecordedAnswer(1, "climbers with chainsaw tickets", "seabed:education_skills:views", []),
        RecordedAnswer(2, "ash dieback", "seabed:environment_quality_of_life:views", []),
    ]
    found = addition_to_item(template.format(naming=naming), answers)
    assert found == (1, "the nearest lantra assessor is in oxford")
