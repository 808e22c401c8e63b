"""Set BO of unseen conversations (every answer with two or three subjects) on its first
run: "yes but add that parking is a nightmare too" at the play-back was kept as one more
view and the play-back shown again; "@btvlep sorry, i meant chesham not amersham" at the
role question was filed as the role."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallback
from actions.playback import NO_CHANGE
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.playback_replies import yes_then_addition
from bot.consultation.profile_fixes import corrected_in_passing
from bot.consultation.questions import message
from bot.tagging.needs import stated_needs
from tests.actions.conftest import correction_started, make_tracker, run, stored_business, texts

ROADS = "seabed:infrastructure:views"
# (the roads named: these tests tag with the keyword tagger, which knows no parking)
PARKING = "parking on the roads is a nightmare too, brides can't park near the shop"


@pytest.mark.parametrize(
    ("text", "view"),
    [
        (f"yes but add that {PARKING}", PARKING),
        (f"@btvlep looks right, can you also add {PARKING}", PARKING),
        ("yes that's it", None),  # nothing added
        ("no, add skills to number 2", None),  # a change, not a yes
        ("aye thats it, just add to the last one that the council could help", None),  # pointed
        # a change of themes on every answer, not a view (set AY, after "put" joined the verbs)
        ("Yes, but put environment on all of them, it all comes back to the chalk", None),
    ],
)
def test_a_yes_then_one_more_view(text: str, view: str | None) -> None:
    assert yes_then_addition(text) == view


def _one_answer(sender: str) -> None:
    service.record_consent(sender, "rest", True)
    service.record_answer(sender, "rest", "Rent on the shop went up by a third", ROADS, "q")


def test_the_view_joins_the_only_answer_and_the_yes_stands(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _one_answer("bo-yes")
    text = f"yes but add that {PARKING}"
    tracker = make_tracker("bo-yes", text, "nlu_fallback", slots={"stage": "playback"})
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert texts(dispatcher)[0] == message("added_to_last")
    assert any(e.get("name") == "contact_form" for e in events)  # on to the follow-up
    [answer] = service.recorded_answers("bo-yes")
    assert answer.question_key == ROADS and "brides can't park" in answer.text


def test_read_as_a_no_it_is_still_a_yes_with_the_view(database_url: str) -> None:
    _one_answer("bo-no")
    result, replies = correction_started("bo-no", f"yes but add that {PARKING}")
    assert result == {"theme_correction": NO_CHANGE}  # confirmed: on to the follow-up
    assert replies == [message("added_to_last")]
    assert "parking" in service.recorded_answers("bo-no")[0].text


def test_a_town_put_right_at_the_role_question_is_not_the_role(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "@btvlep sorry, i meant chesham not amersham"
    assert corrected_in_passing(text) == text  # no detail of this answer put right
    service.record_consent("bo-town", "x", True)
    service.save_profile("bo-town", "x", location="amersham")
    tracker = make_tracker("bo-town", text, slots={"location": "amersham"})
    result = ValidateProfileForm().validate_role(text, dispatcher, tracker, domain)
    assert result == {"role": None, "location": "chesham"}
    assert stored_business("bo-town").location == "chesham"


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("and the LEP finding us a unit close to the studios", "infrastructure"),
        ("wed hire locally if there were any actuaries round here", "education_skills"),
    ],
)
def test_a_second_subject_set_bo_lost(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


def test_finding_is_no_premises_need_without_premises() -> None:
    assert "infrastructure" not in stated_needs(["finding our way round the studios"])
