"""What set FP of unseen conversations (side questions in the middle of a consultation) found
in the actions: "How much longer is this going to take? I've got a fitter waiting on me",
"do i have to do all 3 of these?", "r all of these compulsory?", "what are the other four
islands?" and "is Infrastructure the one with HS2 and East West Rail in it?" at an open
question were kept as its answer (every later answer a question late); "Before I give you
our name, who gets to see it?" was told which name to give; "can I skip bits that don't
apply to us?" before agreeing got the consent question again, unanswered. Now each is
answered and the same question asked again, nothing kept; paraphrases the set did not use,
and views worded as questions are still kept."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionResume
from actions.profile import ValidateProfileForm
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import CONSENT_SHOWN, make_tracker, run, texts, validate_strategy_answer

AT_INFRASTRUCTURE = {
    "pending_questions": [
        "seabed:infrastructure:views",
        "seabed:environment_quality_of_life:views",
    ],
    "islands": [],
    "seabed": ["education_skills", "infrastructure", "environment_quality_of_life"],
}
AT_BARRIERS = {
    "pending_questions": [
        "island:high_performance_technology:barriers",
        "island:high_performance_technology:help",
    ],
    "islands": ["high_performance_technology"],
}


def _at(slot: str, sender: str, text: str, slots: dict[str, Any]) -> tuple[Any, list[str]]:
    service.record_consent(sender, "rest", True)
    return validate_strategy_answer(slot, sender, text, slots)


@pytest.mark.parametrize(
    "text",
    [
        "How much longer is this going to take? I've got a fitter waiting on me",
        "@btvlep how many more after this one? van's waiting",
        "how far through am I? sorry, lunch rush",
        "how long's left, roughly?",
        "Is there much more? Customer just walked in",
    ],
)
def test_how_much_longer_says_how_far_and_asks_again(text: str, database_url: str) -> None:
    result, sent = _at("seabed_answer", "fp1", text, AT_INFRASTRUCTURE)
    assert result == {"seabed_answer": None}  # the infrastructure question again
    assert sent == [message("how_far_seabed", left=message("left_and_more", n=1))]
    assert service.recorded_answers("fp1") == []


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep do i have to do all 3 of these? got a build going out at 4",
        "@btvlep quick q, r all of these compulsory? its pruning season",
        "Do we need to answer every question? Busy day here",
        "is it ok if we skip a few that don't really apply?",
        "are these mandatory?",
    ],
)
def test_must_i_answer_them_all_says_every_question_is_optional(
    text: str, database_url: str
) -> None:
    result, sent = _at("island_answer", "fp2", text, AT_BARRIERS)
    assert result == {"island_answer": None}  # barriers again, not help
    assert sent == [message("all_optional")]
    assert "skip" in sent[0]
    assert service.recorded_answers("fp2") == []


def test_the_other_islands_are_listed_and_the_question_asked_again(database_url: str) -> None:
    text = "Just to check, what are the other four islands? We might fit more than one."
    result, sent = _at("island_answer", "fp3", text, AT_BARRIERS)
    assert result == {"island_answer": None}
    assert len(sent) == 1
    assert sent[0].startswith("The other four islands:")
    assert "Intelligent mobility" in sent[0]
    assert "- High performance technology" not in sent[0]  # the one chosen
    assert service.recorded_answers("fp3") == []


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Sorry, is Infrastructure the one with HS2 and East West Rail in it? "
            "Just checking before I answer.",
            "Heathrow",
        ),
        ("which one has Pinewood in it?", "Creative and digital economy"),
        ("is space the one with Westcott? sorry, losing track", "Westcott"),
    ],
)
def test_is_it_the_one_with_says_what_the_theme_covers(
    text: str, fact: str, database_url: str
) -> None:
    result, sent = _at("seabed_answer", "fp4", text, AT_INFRASTRUCTURE)
    assert result == {"seabed_answer": None}
    assert any(fact in s for s in sent)
    assert service.recorded_answers("fp4") == []


@pytest.mark.parametrize(
    "text",
    [
        "why can't the council fix the A41?",
        "who's going to pay for the grid upgrade we need?",
        "how much longer do we have to wait for fibre? it's been promised for years",
        "do we have to do all the grid paperwork ourselves? it takes months",
        "is the council the one with the money? because they never spend it on roads",
    ],
)
def test_a_view_worded_as_a_question_is_still_kept(text: str, database_url: str) -> None:
    result, _ = _at("seabed_answer", "fp5", text, AT_INFRASTRUCTURE)
    assert result["pending_questions"] == AT_INFRASTRUCTURE["pending_questions"][1:]
    assert [a.text for a in service.recorded_answers("fp5")] == [text]


def _profile(
    slot: str, sender: str, text: str, filled: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    service.record_consent(sender, "rest", True)
    slots = {**filled, slot: text, "requested_slot": slot}
    tracker = make_tracker(sender, text, "inform", slots=slots, active_loop="profile_form")
    sent = CollectingDispatcher()
    result = getattr(ValidateProfileForm(), f"validate_{slot}")(text, sent, tracker, {})
    return result, texts(sent)


def test_who_sees_our_name_at_the_name_question_is_who_reads_it(database_url: str) -> None:
    text = "Before I give you our name, who gets to see it? A lot of our work is under NDA."
    result, sent = _profile("organisation", "fp6", text, {})
    assert result == {"organisation": None}  # the name question again
    assert sent == ["utter_faq/data_privacy"]  # the consultation team, not which name


def test_how_many_more_at_the_role_question_says_how_many(database_url: str) -> None:
    text = "How many more questions after this? I'm between customer sessions"
    filled = {"organisation": "Apex", "sector": "sims", "size_band": "Micro", "location": "Padbury"}
    result, sent = _profile("role", "fp7", text, filled)
    assert result == {"role": None}
    assert sent == [message("how_far_profile", left=message("left_this_only"))]


@pytest.mark.parametrize("name", ["Lane End Photonics Ltd", "Nearly There", "Is It Ok Events"])
def test_a_name_is_still_a_name(name: str, database_url: str) -> None:
    result, sent = _profile("organisation", "fp8", name, {})
    assert result == {"organisation": name}
    assert sent == []


@pytest.mark.parametrize(
    "text",
    [
        "Hi, before I start, can I skip bits that don't apply to us?",
        "before I say yes, do I have to answer all of them?",
    ],
)
def test_can_i_skip_bits_before_agreeing_is_answered_then_consent(
    text: str, database_url: str, domain: dict[str, Any]
) -> None:
    sent = CollectingDispatcher()
    tracker = make_tracker("fp9", text, "skip", events=CONSENT_SHOWN)
    run(ActionResume().run(sent, tracker, domain))
    assert texts(sent) == [message("all_optional"), "utter_ask_consent"]


def test_the_seabed_list_again_at_the_seabed_choice(database_url: str) -> None:
    text = "@btvlep whats the seabed list again sorry, scrolled past it"
    service.record_consent("fp10", "rest", True)
    slots = {"islands": ["creative_digital"], "requested_slot": "seabed"}
    tracker = make_tracker("fp10", text, "inform", slots=slots, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = choose("seabed", "seabed_answer", text, sent, tracker)
    assert result == {"seabed": None}  # nothing chosen, the choice again
    assert len(texts(sent)) == 1
    assert "Housing growth" in texts(sent)[0]
