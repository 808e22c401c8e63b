"""Sets BX (the county's named places and assets) and BY (the play-back put right in the
owner's own words) of unseen conversations on their first run, 10 / 12 and 9 / 12: "the first
one isnt space, we wrap vans" at the play-back was asked which themes to change, "can u
scrap number 2" kept as one more view, "What does high performance technology mean?" told
everything the strategy focuses on, and "Take it off number 2" after it kept as a view."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.playback import ValidateCorrectionForm
from bot.consultation import service
from bot.consultation.playback_replies import EXPLICIT_CHANGE
from bot.consultation.replies import asks_what_a_name_means
from bot.consultation.taking_out import taken_out_number
from bot.consultation.theme_corrections import with_theme_named
from tests.actions.conftest import make_tracker, run, two_answers, user_event

ASKED = "What does high performance technology mean? You've put it on number 2 and we make gates."


def test_an_answer_said_not_to_be_a_theme_is_a_change() -> None:
    assert EXPLICIT_CHANGE.search("@btvlep the first one isnt space, we wrap vans")
    assert EXPLICIT_CHANGE.search("number 2 isn't housing")


def test_scrap_number_two_on_x_takes_it_out() -> None:
    assert taken_out_number("@btvlep can u scrap number 2, i was just letting off steam") == 2
    assert taken_out_number("can u add skills to number 2") is None


def test_the_meaning_of_a_theme_asked() -> None:
    assert asks_what_a_name_means(ASKED)
    assert asks_what_a_name_means("what's intelligent public services when it's at home?")
    assert not asks_what_a_name_means("what does the council do about potholes")


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        (
            "Right. Take it off number 2, the race traffic is what we get stuck in.",
            ASKED,
            "Right. Take High performance technology off number 2, the race traffic is what "
            "we get stuck in.",
        ),
        ("Take it off number 2", "housing and skills", None),  # two themes: which is "it"?
        ("Take it off number 2", None, None),
        ("we take it in turns to drive", ASKED, None),  # no change asked
    ],
)
def test_it_is_the_theme_the_message_before_asked_about(
    text: str, previous: str | None, expected: str | None
) -> None:
    assert with_theme_named(text, previous) == expected


def test_take_it_off_number_two_drops_that_theme_from_that_answer(database_url: str) -> None:
    two_answers("by-it", ("seabed:infrastructure:views", "race weekends the A43 is solid"))
    service.correct_themes("by-it", add=["high_performance_technology"], remove=[], item=2)
    text = "Right, nothing to do with us then. Take it off number 2."
    tracker = make_tracker(
        "by-it", text, "inform", slots={"stage": "playback"}, events=[user_event(ASKED)]
    )
    form = ValidateCorrectionForm()
    extracted = run(form.extract_theme_correction(CollectingDispatcher(), tracker, {}))
    assert extracted == {
        "theme_correction": text.replace("it off", "High performance technology off")
    }
    form.validate_theme_correction(
        extracted["theme_correction"], CollectingDispatcher(), tracker, {}
    )
    first, second = service.recorded_answers("by-it")
    assert "high_performance_technology" not in second.themes
    assert "infrastructure" in second.themes
    assert first.text == "we'd like AI to price jobs from drawings"
