"""What set AF of unseen conversations (benchmarks/data/conversation_probe_af.yml) found,
fixed and kept so (paraphrases the set does not use): the town and role said with the head
count are kept and not asked; a town named in a sentence is filed as the town; "can we
speed this up" is impatience, not an answer nor a wish for a person; "bang on" and "cheers,
all good" confirm the play-back; "one more thing for answer 1 - ...", "tack onto 2 that ..."
and "with 2, mention that ..." join that answer, also once the correction question is
asked; "is broadband infrastructure?" at a choice asks; "leave space out" drops those
questions; "wrong one, I meant high performance" switches the island."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionResume
from actions.playback import (
    ADDED,
    ValidateCorrectionForm,
)
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.choice_changes import dropped_themes, switched_choice
from bot.consultation.playback_replies import (
    confirms,
)
from bot.consultation.profile import tidy_profile_answer
from bot.consultation.questions import message
from bot.consultation.replies import asks_if_it_counts, impatient
from bot.consultation.strategy_asides import counts_as_reply, describe
from bot.strategy import ISLAND_IDS
from tests.actions.conftest import (
    make_tracker,
    run,
    stored_business,
    texts,
    two_answers,
)

ROADS = "seabed:infrastructure:views"


@pytest.mark.parametrize(
    "text, place, role",
    [
        (
            "there's 9 of us, I'm the owner, we're in Chalfont St Peter",
            "Chalfont St Peter",
            "owner",
        ),
        (
            "about 30 people just outside Thame, I'm the ops director",
            "Thame",  # sets AF and AG file "just outside X" as X ("near X" keeps its word)
            "ops director",
        ),
        ("roughly 12 of us, based in Amersham, and I'm head of sales", "Amersham", "head of sales"),
    ],
)
def test_the_town_and_role_said_with_the_head_count_are_kept(
    database_url: str, domain: dict[str, Any], text: str, place: str, role: str
) -> None:
    service.record_consent("af-count", "rest", True)
    slots = {"requested_slot": "size_band"}
    tracker = make_tracker("af-count", text, slots=slots, active_loop="profile_form")
    result = ValidateProfileForm().validate_size_band(text, CollectingDispatcher(), tracker, domain)
    assert (result["location"], result["role"]) == (place, role)
    business = stored_business("af-count")
    assert (business.location, business.role) == (place, role)


@pytest.mark.parametrize(
    "text, filed",
    [
        ("we're on the main road in Wendover", "Wendover"),
        ("near Stokenchurch", "near Stokenchurch"),  # as typed (sets G and I)
        (
            "actually we're a bit further out, near Thame",
            "actually we're a bit further out, near Thame",
        ),
        ("Pinewood Studios, Iver Heath", "Pinewood Studios, Iver Heath"),
        ("Aylesbury and Milton Keynes", "Aylesbury and Milton Keynes"),
    ],
)
def test_a_town_named_in_a_sentence_is_filed_as_the_town(text: str, filed: str) -> None:
    assert tidy_profile_answer("location", text) == filed


@pytest.mark.parametrize(
    "text, hurried",
    [
        ("can we speed this up, I've got a delivery at 3", True),
        ("@btvlep speed it up pls, got a van to unload", True),
        ("the council needs to speed up planning decisions", False),
        ("we want to go faster on electric vans", False),
    ],
)
def test_asking_to_speed_up_is_impatience(text: str, hurried: bool) -> None:
    assert impatient(text) is hurried


@pytest.mark.parametrize("text", ["@btvlep bang on", "cheers, all good", "all correct, thanks"])
def test_more_ways_to_confirm_the_playback(text: str) -> None:
    assert confirms(text)


@pytest.mark.parametrize(
    "text, confirmed",
    [("@btvlep bang on", True), ("bang on, cheers", True), ("hang on", False)],
)
def test_a_confirmation_read_as_hang_on_still_confirms(
    domain: dict[str, Any], text: str, confirmed: bool
) -> None:
    """NLU reads "bang on" as "hang on" (intent hold); at the play-back it is a yes."""
    tracker = make_tracker("af-bang", text, intent="hold", slots={"stage": "playback"})
    dispatcher = CollectingDispatcher()
    events = run(ActionResume().run(dispatcher, tracker, domain))
    if confirmed:
        assert texts(dispatcher) == ["utter_next_steps"]
        assert events == [FollowupAction("contact_form")]
    else:
        assert texts(dispatcher) == ["utter_ask_playback_ok"]
        assert events == []


def test_an_addition_after_the_correction_question_joins_that_answer(database_url: str) -> None:
    two_answers("af-late", (ROADS, "the lane to the yard is single track"))
    text = "and with 2, mention that lorries can't turn round"
    tracker = make_tracker(
        "af-late", text, slots={"stage": "playback", "requested_slot": "theme_correction"}
    )
    dispatcher = CollectingDispatcher()
    result = ValidateCorrectionForm().validate_theme_correction(text, dispatcher, tracker, {})
    assert result == {"theme_correction": ADDED}
    assert texts(dispatcher) == [message("item_added", n=2)]
    assert service.recorded_answers("af-late")[1].text.endswith(
        "[added later: lorries can't turn round]"
    )


@pytest.mark.parametrize(
    "text, asks",
    [
        ("is broadband infrastructure?", True),
        ("does a garage count as mobility?", True),
        ("skills and infrastructure", False),
        ("space and skills?", False),
    ],
)
def test_a_question_about_where_something_belongs(text: str, asks: bool) -> None:
    assert asks_if_it_counts(text) is asks


def test_leave_a_theme_out_and_wrong_one_switch() -> None:
    assert dropped_themes("actually leave space out, it's just film for us", list(ISLAND_IDS)) == [
        "space"
    ]
    assert switched_choice("sorry, wrong one, I meant medtech not space", ISLAND_IDS, "space") == [
        "medical_technologies"
    ]


@pytest.mark.parametrize(
    "text, theme_id",
    [
        ("is broadband infrastructure?", "infrastructure"),
        ("@btvlep does software count as digital?", "digital_science"),
    ],
)
def test_asking_whether_something_counts_at_the_choice_chooses_nothing(
    database_url: str, domain: dict[str, Any], text: str, theme_id: str
) -> None:
    from actions.consultation import ValidateStrategyForm

    dispatcher = CollectingDispatcher()
    tracker = make_tracker("af-q", text)
    assert ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, domain) == {
        "seabed": None
    }
    # what the strategy says that theme covers (not the FAQ's general answer), then the
    # choice again
    assert texts(dispatcher) == [counts_as_reply([theme_id])]
    assert describe(theme_id) in texts(dispatcher)[0]


def test_a_second_dm_carrying_the_last_answer_on_at_the_choice_joins_it(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("af-on", "rest", True)
    help_key = "island:intelligent_mobility:help"
    service.record_answer(
        "af-on", "rest", "a couple of fast chargers on the forecourt", help_key, "q"
    )
    text = "@btvlep but the power company wants 40 grand to upgrade our supply first"
    events = [
        {"event": "user", "text": "@btvlep a couple of fast chargers on the forecourt"},
    ]
    tracker = make_tracker("af-on", text, events=events)
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, domain)
    assert result == {"seabed": None}  # the seabed choice asked again
    [answer] = service.recorded_answers("af-on")
    assert answer.text.endswith(
        "[added later: but the power company wants 40 grand to upgrade our supply first]"
    )


@pytest.mark.parametrize("text", ["but none of them really", "and skills too"])
def test_a_choice_that_opens_with_and_or_but_is_still_a_choice(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("af-ch", "rest", True)
    service.record_answer("af-ch", "rest", "fast chargers", "island:intelligent_mobility:help", "q")
    tracker = make_tracker("af-ch", text, events=[{"event": "user", "text": "fast chargers"}])
    result = ValidateStrategyForm().validate_seabed(text, CollectingDispatcher(), tracker, domain)
    assert result["seabed"] is not None
    assert service.recorded_answers("af-ch")[0].text == "fast chargers"


@pytest.mark.parametrize(
    "text, figures",
    [
        ("before I answer the next one, does the strategy have any figures on jobs?", True),
        ("before I reply, any stats on the county's economy?", True),
        ("before I answer, how many businesses have answered so far?", False),  # others' business
    ],
)
def test_a_figures_question_after_before_i_answer(text: str, figures: bool) -> None:
    from bot.consultation.strategy_asides import asks_for_figures

    assert asks_for_figures(text) is figures
