"""What set AH of unseen conversations (benchmarks/data/conversation_probe_ah.yml) found,
fixed and kept so (paraphrases the set does not use): "@btvlep i meant ..." corrects the
last answer on X as it does on the widget; a no with a reason, and yes or no in Italian or
French, at a yes-or-no question; "actually just the first two" after choosing three drops
the third's questions; "same as what I said for skills" stands for the answer to the skills
question, its words kept beside it."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from bot.consultation import service
from bot.consultation.choice_changes import dropped_themes
from bot.consultation.pointing_back import SAME_AS, pointed_answer
from bot.consultation.replies import corrects_last_answer, says_no, says_no_and_why, says_yes
from tests.actions.conftest import make_tracker

SKILLS = "seabed:education_skills:views"
ROADS = "seabed:infrastructure:views"


def test_a_correction_on_x_is_read_without_its_handle() -> None:
    assert corrects_last_answer("@btvlep i meant the apprentices, not the temps")
    assert corrects_last_answer("i meant the apprentices, not the temps")


@pytest.mark.parametrize(
    "text, no",
    [
        ("no thanks, we get plenty of emails already", True),
        ("@btvlep nah, inbox is rammed", True),
        ("no, but email my business partner instead", False),  # takes it back
        ("no, yes actually", False),
    ],
)
def test_a_no_with_a_reason(text: str, no: bool) -> None:
    assert says_no_and_why(text) is no


@pytest.mark.parametrize(
    "text, yes, no",
    [
        ("oui, parfait", True, False),
        ("si grazie", True, False),
        ("non merci", False, True),
        ("no grazie", False, True),
        ("@btvlep nah you're alright", False, True),
        ("@btvlep yes please", True, False),
    ],
)
def test_yes_and_no_in_other_words_and_on_x(text: str, yes: bool, no: bool) -> None:
    assert (says_yes(text), says_no(text)) == (yes, no)


def test_a_no_with_a_reason_to_the_follow_up_is_a_no(database_url: str) -> None:
    from actions.close import ValidateContactForm

    service.record_consent("ah-no", "rest", True)
    text = "no thanks, we get plenty of emails already"
    tracker = make_tracker("ah-no", text, slots={"requested_slot": "follow_up"})
    result = ValidateContactForm().validate_follow_up(text, CollectingDispatcher(), tracker, {})
    assert result["follow_up"] is False


@pytest.mark.parametrize(
    "text, gone",
    [
        ("actually just the first two", ["space"]),
        ("@btvlep only the first one please", ["high_performance_technology", "space"]),
        ("the first two matter most to us", []),  # a view, not a choice narrowed
    ],
)
def test_keeping_only_the_first_choices(text: str, gone: list[str]) -> None:
    among = ["intelligent_mobility", "high_performance_technology", "space"]
    assert dropped_themes(text, among) == gone


def test_a_pointer_to_the_answer_on_a_theme_names_that_answer() -> None:
    earlier = ["cant find coach drivers under 50", "the depot floods"]
    asked: list[str | None] = ["education_skills", "infrastructure"]
    assert pointed_answer("same as what i said for skills", earlier, asked) == earlier[0]
    # words of the answer itself still win, and a topic nothing matches points nowhere
    assert pointed_answer("what I said about the depot", earlier, asked) == earlier[1]
    assert pointed_answer("what I said about parking", earlier, asked) is None


def test_a_pointer_to_the_skills_answer_is_stored_with_its_words(database_url: str) -> None:
    service.record_consent("ah-same", "rest", True)
    service.record_answer("ah-same", "rest", "cant find coach drivers under 50", SKILLS, "q")
    stored = service.record_answer(
        "ah-same", "rest", "@btvlep same as what i said for skills", ROADS, "q", points_back=True
    )
    assert stored is not None
    assert stored.text.endswith(f"{SAME_AS}cant find coach drivers under 50]")
