"""What the fifth set of unseen conversations (benchmarks/data/conversation_probe_e.yml)
found, fixed in the actions and kept so."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.faq import ActionAnswerQuestion
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import PROFILE_SLOTS, SKIPPED, message
from tests.actions.conftest import make_tracker, run, stored_business, texts, user_event


def test_a_business_name_nlu_read_as_a_question_is_the_name(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e1", "rest", True)
    text = "Penn Street Joinery"
    tracker = make_tracker("e1", text, "faq", slots={"requested_slot": "organisation"})
    form = ValidateProfileForm()
    assert run(form.extract_organisation(dispatcher, tracker, domain)) == {"organisation": text}
    question = make_tracker("e1", "privacy?", "faq", slots={"requested_slot": "organisation"})
    assert run(form.extract_organisation(dispatcher, question, domain)) == {}  # answered


def test_a_head_count_with_the_sector_fills_the_size_band(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e2", "rest", True)
    text = "bespoke joinery, there's 14 of us"
    result = ValidateProfileForm().validate_sector(
        text, dispatcher, make_tracker("e2", text), domain
    )
    # the trade alone is the sector: the count is the size band's (set BN)
    assert result == {"sector": "bespoke joinery", "size_band": "Small (10-49 staff)"}
    business = stored_business("e2")
    assert (business.sector, business.size_band) == ("bespoke joinery", "Small (10-49 staff)")


def test_a_head_count_already_given_is_not_replaced(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e3", "rest", True)
    text = "Amersham, about 70 of us on site"
    tracker = make_tracker("e3", text, slots={"size_band": "Small (10-49 staff)"})
    result = ValidateProfileForm().validate_location(text, dispatcher, tracker, domain)
    # the town kept as the location (set EJ: a head count and a town in parts), the head
    # count given before left as it was
    assert result == {"location": "Amersham"}


QUEUE = ["island:creative_digital:opportunities", "island:creative_digital:barriers"]
SLOTS = {"islands": ["creative_digital"], "pending_questions": QUEUE[1:]}


def _answer(sender: str, text: str, intent: str = "inform") -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(sender, text, intent, slots=SLOTS, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def test_see_my_website_asks_for_a_sentence_and_stores_nothing(database_url: str) -> None:
    service.record_consent("e4", "rest", True)
    for text in ("see my website", "www.marlowboathire.co.uk"):
        assert _answer("e4", text) == ({"island_answer": None}, [message("points_elsewhere")])
    assert service.recorded_answers("e4") == []


def test_what_have_i_said_so_far_shows_the_answers_and_asks_again(database_url: str) -> None:
    service.record_consent("e5", "rest", True)
    first = "we supply the lighting rigs at Pinewood"
    service.record_answer("e5", "rest", first, QUEUE[0], None)
    result, said = _answer("e5", "can I see what I've said so far?")
    assert result == {"island_answer": None}
    assert len(said) == 1 and first in said[0] and said[0].startswith(message("playback_intro"))
    assert [a.text for a in service.recorded_answers("e5")] == [first]


@pytest.mark.parametrize("intent", ["inform", "faq"])
def test_what_do_you_mean_explains_the_question(
    intent: str, database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("e6", "rest", True)
    text = "what do you mean by opportunities?"
    if intent == "faq":  # read as a question, the FAQ rule answers while the form waits
        dispatcher = CollectingDispatcher()
        tracker = make_tracker("e6", text, "faq", slots=SLOTS, active_loop="strategy_form")
        run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
        said = texts(dispatcher)
    else:
        result, said = _answer("e6", text)
        assert result == {"island_answer": None}
    assert said == [message("question_means")]
    assert service.recorded_answers("e6") == []


def test_that_one_then_chooses_the_island_just_asked_about(
    dispatcher: CollectingDispatcher,
) -> None:
    text = "right, that one then"
    tracker = make_tracker(
        "e7", text, "affirm", events=[user_event("does that include Silverstone?", "faq")]
    )
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, {})
    assert result["islands"] == ["high_performance_technology"]
    alone = make_tracker("e7", text, "affirm")  # nothing asked about before: unclear
    assert ValidateStrategyForm().validate_islands(text, dispatcher, alone, {}) == {"islands": None}


def test_cba_with_the_profile_skips_the_rest_of_it(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("e8", "rest", True)
    text = "ngl cba with all these"
    result = ValidateProfileForm().validate_organisation(
        text, dispatcher, make_tracker("e8", text), domain
    )
    assert result == {s: SKIPPED for s in PROFILE_SLOTS}
