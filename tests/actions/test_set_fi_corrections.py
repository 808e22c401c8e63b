"""What set FI of unseen conversations (owners who correct things at the play-back and later)
found in the actions: a head count, a role or a town put right at the play-back was asked
"which themes should I add or drop?" or kept as one more view; "the barriers one should say
the A4129, not the B4009. Wrong road." was asked which themes to change; "Number 3 isn't
what I meant, can I rewrite it?" was told "You're doing it now!" and its new wording kept
as a fourth answer; "can i change the housing one? what i meant was ..." at the follow-up
question was asked "was that a yes or a no?" and lost; and after the goodbye a head count
put right was kept as a view, and "can you add to the roads one that ..." was told the
consultation had finished."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ActionAskFollowUp, ValidateContactForm
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion, ActionResume
from actions.playback import ADDED, ValidateCorrectionForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, run, stored_business, texts

SKILLS, ROADS = "seabed:education_skills:views", "seabed:infrastructure:views"
HOUSING = "seabed:housing_growth:views"
PROFILE = {
    "organisation": "Step Lively Dance Academy",
    "sector": "dance school",
    "size_band": "Medium (50-249 staff)",
    "location": "Haddenham",
    "role": "Principal",
}


def _business(sender: str, answers: list[tuple[str, str]], **profile: str) -> dict[str, Any]:
    """A consenting business with `answers` (key, text) and a profile; its slots."""
    fields = {**PROFILE, **profile}
    service.record_consent(sender, "rest", True)
    service.save_profile(sender, "rest", **fields)
    for key, text in answers:
        service.record_answer(sender, "rest", text, key, "q")
    return {**fields, "consent": True}


TWO = [
    (SKILLS, "Qualified dance teachers are like gold dust, the young ones we train leave."),
    (ROADS, "We rent the village hall and there's nowhere bigger to move into."),
]


def _at_playback(sender: str, text: str, slots: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The correction form started at the play-back by `text` (NLU read it as a view)."""
    sent = CollectingDispatcher()
    tracker = make_tracker(sender, text, "inform", slots={**slots, "stage": "playback"})
    result = run(ValidateCorrectionForm().extract_theme_correction(sent, tracker, {}))
    return result, texts(sent)


@pytest.mark.parametrize(
    ("text", "profile", "field", "value"),
    [
        (
            "Nearly - the staff number is wrong, I typed 140 by mistake. It's 14, mostly "
            "part-time teachers.",
            {},
            "size_band",
            "Small (10-49 staff)",
        ),
        (
            "One small thing - my role says Director but we're a partnership, so it should be "
            "Partner.",
            {"role": "Director"},
            "role",
            "Partner",
        ),
        (
            "The location needs changing: we're in Little Chalfont now, we moved from Chalfont "
            "St Giles last spring.",
            {"location": "Chalfont St Giles"},
            "location",
            "Little Chalfont",
        ),
        (
            "@btvlep and my town is wingrave not wing, autocorrect",
            {"location": "wing"},
            "location",
            "wingrave",
        ),
    ],
)
def test_a_detail_put_right_at_the_play_back_is_neither_a_view_nor_a_theme_change(
    database_url: str, text: str, profile: dict[str, str], field: str, value: str
) -> None:
    slots = _business("fi1", TWO, **profile)
    result, sent = _at_playback("fi1", text, slots)
    assert result == {"theme_correction": ADDED}  # the play-back is shown again
    assert getattr(stored_business("fi1"), field) == value
    assert len(service.recorded_answers("fi1")) == 2  # no view kept
    assert message("ask_theme_correction") not in sent
    assert message("view_added") not in sent


def test_a_road_put_right_in_the_barriers_answer_joins_that_answer(database_url: str) -> None:
    key = "island:high_performance_technology:"
    slots = _business(
        "fi2",
        [
            (f"{key}opportunities", "Race teams want printed titanium parts in days."),
            (
                f"{key}barriers",
                "Couriers hate coming out: the B4009 through the village is single file.",
            ),
            (
                f"{key}help",
                "A bigger unit nearer the motorway and an additive manufacturing course.",
            ),
        ],
    )
    text = "One thing: the barriers one should say the A4129, not the B4009. Wrong road."
    result, sent = _at_playback("fi2", text, slots)
    assert result == {"theme_correction": ADDED}
    assert sent == [message("item_corrected", n=2)]
    answers = service.recorded_answers("fi2")
    assert len(answers) == 3 and "A4129" in answers[1].text


REWRITE = "Number 3 isn't what I meant, can I rewrite it?"


def test_an_answer_disowned_at_the_play_back_is_not_answered_as_a_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _business(
        "fi3", [*TWO, ("seabed:environment_quality_of_life:views", "Walkers come through.")]
    )
    slots["stage"] = "playback"
    sent = CollectingDispatcher()
    assert (
        run(
            ActionAnswerQuestion().run(
                sent, make_tracker("fi3", REWRITE, "faq", slots=slots), domain
            )
        )
        == []
    )
    assert texts(sent) == []  # not "You're doing it now!"
    events = run(
        ActionResume().run(
            CollectingDispatcher(), make_tracker("fi3", REWRITE, "faq", slots=slots), domain
        )
    )
    assert events == [SlotSet("amend_item", 3), FollowupAction("correction_form")]


NEW_HOUSING = (
    "@btvlep before that, can i change the housing one? what i meant was the new homes planned "
    "at the edge of the village will take the field we store our trailers on, and theres "
    "nowhere else round here to rent"
)


def _at_follow_up(sender: str) -> Any:
    slots = _business(
        sender,
        [
            (
                HOUSING,
                "@btvlep the new estates are eating the fields people used to hire for weddings",
            ),
            (ROADS, "@btvlep lanes round here are too narrow for our lorry"),
        ],
    )
    slots.update(stage="playback", requested_slot="follow_up")
    return make_tracker(sender, NEW_HOUSING, "inform", slots=slots, active_loop="contact_form")


def test_an_answer_reworded_at_the_follow_up_question_takes_its_place(
    database_url: str, domain: dict[str, Any]
) -> None:
    tracker = _at_follow_up("fi4")
    sent = CollectingDispatcher()
    result = ValidateContactForm().validate_follow_up(NEW_HOUSING, sent, tracker, domain)
    assert result == {"follow_up": None}  # asked again
    assert texts(sent) == [message("item_replaced", n=1)]
    answers = service.recorded_answers("fi4")
    assert len(answers) == 2
    assert answers[0].text.startswith("the new homes planned") and "trailers" in answers[0].text
    asked = CollectingDispatcher()
    run(ActionAskFollowUp().run(asked, tracker, domain))
    assert texts(asked) == [message("ask_follow_up")]  # not "was that a yes or a no?"


def test_an_answer_reworded_at_the_follow_up_question_read_as_a_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    tracker = _at_follow_up("fi5")
    sent = CollectingDispatcher()
    assert run(ActionAnswerQuestion().run(sent, tracker, domain)) == []
    assert texts(sent) == [message("item_replaced", n=1)]
    assert "trailers" in service.recorded_answers("fi5")[0].text


def test_an_answer_named_by_its_subject_reworded_at_the_play_back(database_url: str) -> None:
    tracker = _at_follow_up("fi10")
    slots = {k: tracker.get_slot(k) for k in PROFILE}
    result, sent = _at_playback("fi10", NEW_HOUSING, slots)
    assert result == {"theme_correction": ADDED}
    assert sent == [message("item_replaced", n=1)]
    assert service.recorded_answers("fi10")[0].text.startswith("the new homes planned")


def _closed(sender: str, **profile: str) -> dict[str, Any]:
    slots = _business(sender, TWO, **profile)
    slots["stage"] = "closed"
    return slots


def test_a_head_count_put_right_after_the_goodbye_is_no_view(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _closed("fi6", size_band="Small (10-49 staff)")
    text = (
        "Just looked back and I put 30 for the number of staff. It's 3 of us, sorry, no idea "
        "where the 0 came from."
    )
    sent = CollectingDispatcher()
    run(ActionFallback().run(sent, make_tracker("fi6", text, "inform", slots=slots), domain))
    assert stored_business("fi6").size_band == "Micro (1-9 staff)"
    assert len(service.recorded_answers("fi6")) == 2
    assert message("view_added_after_close") not in texts(sent)


ADD_TO_ROADS = (
    "@btvlep forgot one bit, can you add to the roads one that theres nowhere to lock a bike "
    "at the shops either"
)


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionResume, "carry_on"), (ActionFallback, "inform")],
)
def test_an_addition_to_a_named_answer_after_the_goodbye_joins_it(
    database_url: str, domain: dict[str, Any], action: type, intent: str
) -> None:
    slots = _closed("fi7")
    sent = CollectingDispatcher()
    run(action().run(sent, make_tracker("fi7", ADD_TO_ROADS, intent, slots=slots), domain))
    assert texts(sent) == [message("item_added", n=2)]
    answers = service.recorded_answers("fi7")
    assert len(answers) == 2 and "lock a bike" in answers[1].text


def test_an_addition_after_the_goodbye_read_as_a_question_is_made_once(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _closed("fi8")
    tracker = make_tracker("fi8", ADD_TO_ROADS, "faq", slots=slots)
    asked = CollectingDispatcher()
    assert run(ActionAnswerQuestion().run(asked, tracker, domain)) == []
    assert texts(asked) == []  # the resume, next by the rule, makes the change
    run(ActionResume().run(CollectingDispatcher(), tracker, domain))
    assert service.recorded_answers("fi8")[1].text.count("lock a bike") == 1


def test_a_view_after_the_goodbye_is_still_kept_as_one(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _closed("fi9")
    text = "oh and the bus to Thame stops at six so staff can't get home"
    sent = CollectingDispatcher()
    run(ActionFallback().run(sent, make_tracker("fi9", text, "inform", slots=slots), domain))
    assert len(service.recorded_answers("fi9")) == 3
