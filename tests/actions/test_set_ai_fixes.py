"""What set AI of unseen conversations (benchmarks/data/conversation_probe_ai.yml) found,
fixed and kept so (paraphrases the set does not use): a question about who reads the
answers with the worry behind it is answered, not kept; a yes with the whole profile files
every field; "I picked X thinking it meant ..., drop that one" drops that theme's questions;
"skip rest pls"; an answer that gives the next one too ("since you'll ask next, the barrier
is ..."); the play-back confirmed with an address for the follow-up; "what happens with all
this once I'm done?" is the next steps."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionRecordConsent
from actions.playback import (
    confirmed_in_other_words,
)
from bot.consultation import service
from bot.consultation.choice_changes import dropped_themes
from bot.consultation.consent_details import yes_with_profile
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.labelled import labelled_answers
from bot.consultation.playback_replies import (
    confirms_with_email,
)
from bot.consultation.replies import asked_topic, question_then_remark, skips_the_rest
from tests.actions.conftest import (
    make_tracker,
    run,
    stored_business,
    texts,
    validate_strategy_answer,
)

ROADS = "seabed:infrastructure:views"
MEDTECH = "island:medical_technologies:"
ORDER = ("opportunities", "barriers", "help")


@pytest.mark.parametrize(
    "text, side",
    [
        (
            "quick q first - who reads this stuff? a few of our customers are on the council"
            " and I'd hate to upset them",
            True,
        ),
        ("who sees the answers? because the A41 is a nightmare and nobody fixes it", False),
    ],
)
def test_who_sees_with_the_worry_behind_it(text: str, side: bool) -> None:
    assert question_then_remark(text) is side


def test_who_sees_with_the_worry_behind_it_is_answered_not_kept(database_url: str) -> None:
    service.record_consent("ai-who", "rest", True)
    slots = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}
    text = (
        "quick q first - who reads this stuff? a few of our customers are on the council"
        " and I'd hate to upset them"
    )
    result, replies = validate_strategy_answer("seabed_answer", "ai-who", text, slots)
    assert result == {"seabed_answer": None}
    assert replies == ["utter_faq/data_privacy"]
    assert service.recorded_answers("ai-who") == []


def test_a_yes_with_the_whole_profile_reads_every_field() -> None:
    text = "ok sure. we're Marsh Lane Bakery, craft bakers, 6 of us, based in Olney, I'm the owner"
    assert agrees_to_take_part(text)
    assert yes_with_profile(text) == {
        "organisation": "Marsh Lane Bakery",
        "sector": "craft bakers",
        "size_band": "Micro (1-9 staff)",
        "location": "Olney",
        "role": "owner",
    }
    assert yes_with_profile("yes please, we're Marsh Lane Bakery") == {}  # the name alone
    assert yes_with_profile("yes, we're struggling, the roads are bad, rents are high") == {}


def test_agreeing_with_the_whole_profile_files_it(
    database_url: str, domain: dict[str, Any]
) -> None:
    notice = domain["responses"]["utter_privacy"][0]["text"]
    events = [{"event": "bot", "text": notice, "metadata": {}}]
    text = "ok sure. we're Marsh Lane Bakery, craft bakers, 6 of us, based in Olney, I'm the owner"
    tracker = make_tracker("ai-profile", text, "affirm", events=events)
    result = run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))
    assert SlotSet("location", "Olney") in result and SlotSet("role", "owner") in result
    stored = stored_business("ai-profile")
    assert (stored.organisation, stored.sector, stored.size_band) == (
        "Marsh Lane Bakery",
        "craft bakers",
        "Micro (1-9 staff)",
    )


@pytest.mark.parametrize(
    "text, gone",
    [
        (
            "sorry I ticked space thinking it was about office space, can we drop that one?",
            ["space"],
        ),
        ("we chose medtech by mistake, skip it please", ["medical_technologies"]),
        ("can we drop this one", []),  # no theme named, no wrong choice: this question only
        ("space is dead round here, drop it", []),  # a view, no choice taken back
    ],
)
def test_a_theme_chosen_by_mistake_is_dropped(text: str, gone: list[str]) -> None:
    assert dropped_themes(text, ["medical_technologies", "space"]) == gone


def test_skip_rest_in_text_speak() -> None:
    assert skips_the_rest("@btvlep pls skip rest")
    assert not skips_the_rest("skip it, we rest on sundays")


def test_an_answer_that_gives_the_next_one_too() -> None:
    text = (
        "The hospital wants faster results. And as you're going to ask next, the problem is"
        " there's no lab to rent near Aylesbury."
    )
    assert labelled_answers(text, ORDER, "opportunities") == {
        "opportunities": "The hospital wants faster results.",
        "barriers": "there's no lab to rent near Aylesbury.",
    }
    # without the flag it is one answer, as before ("opportunity: ... problem: ..." inline)
    assert labelled_answers("opportunity: lots. problem: roads", ORDER, "opportunities") == {}


def test_an_answer_that_gives_the_next_one_too_is_kept_as_two(database_url: str) -> None:
    service.record_consent("ai-two", "rest", True)
    pending = [f"{MEDTECH}{q}" for q in ORDER]
    slots = {"islands": ["medical_technologies"], "pending_questions": pending}
    text = (
        "The hospital wants faster results. And since you'll ask next, the barrier is"
        " there's no lab to rent near Aylesbury."
    )
    result, _ = validate_strategy_answer("island_answer", "ai-two", text, slots)
    assert result["pending_questions"] == [f"{MEDTECH}help"]
    kept = {a.question_key: a.text for a in service.recorded_answers("ai-two")}
    assert kept == {
        f"{MEDTECH}opportunities": "The hospital wants faster results.",
        f"{MEDTECH}barriers": "there's no lab to rent near Aylesbury.",
    }


@pytest.mark.parametrize(
    "text, email",
    [
        ("that's right, and you can send any updates to jo@example.co.uk", "jo@example.co.uk"),
        ("all good thanks, email me at jo@example.co.uk", "jo@example.co.uk"),
        ("the A41 is awful, email me at jo@example.co.uk", None),  # a view, not a yes
        ("all good", None),
    ],
)
def test_the_play_back_confirmed_with_an_address(text: str, email: str | None) -> None:
    assert confirms_with_email(text) == email


def test_the_play_back_confirmed_with_an_address_answers_the_follow_up(
    database_url: str,
) -> None:
    service.record_consent("ai-email", "rest", True)
    text = "that's right, and you can send any updates to jo@example.co.uk"
    tracker = make_tracker("ai-email", text, "faq", slots={"stage": "playback", "consent": True})
    dispatcher = CollectingDispatcher()
    events = confirmed_in_other_words(dispatcher, tracker)
    assert events is not None
    assert SlotSet("follow_up", True) in events and SlotSet("email", "jo@example.co.uk") in events
    assert events[-1] == FollowupAction("contact_form")
    assert texts(dispatcher)[-1] == "utter_next_steps"
    assert stored_business("ai-email").email == "jo@example.co.uk"


def test_what_happens_once_i_am_done_is_the_next_steps() -> None:
    assert asked_topic("what happens with all this when we're finished?") == "next_steps"
    assert asked_topic("what happens with my data?") == "data_privacy"
