"""Sets BV (long answers, the whole profile in one message) and BW (sceptical owners who take
part all the same) of unseen conversations on their first run, 8 / 12 and 0 / 12: doubts
that anyone reads the answers kept as views or told who the strategy is for, sarcasm met
with "I didn't understand", "don't get me started" kept as the answer, "I'm going to stop
there, ..." kept as the answer, "alright, go on then" after a decline not taken as agreeing,
a yes with a warning at the follow-up question asked "yes or no?", the whole profile filed
as the name."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.about_chat import about_the_chat_reply, asks_what_the_lep_is
from bot.consultation.consent_reply import says_go_ahead
from bot.consultation.contact_terms import contact_reply
from bot.consultation.held import holds
from bot.consultation.leaving import stops_here
from bot.consultation.none_choice import means_none
from bot.consultation.profile_checks import asks_why_it_is_asked
from bot.consultation.profile_in_one import whole_profile
from bot.consultation.questions import SKIPPED, message
from bot.consultation.replies import means_nothing
from bot.consultation.scepticism import doubts_the_consultation, sarcastic_only, vents_first
from bot.consultation.standing import asks_about_sales_calls
from tests.actions.conftest import action_event, make_tracker, run, stored_business, texts

QUEUE = ["seabed:environment_quality_of_life:views"]


@pytest.mark.parametrize(
    "text",
    [
        "does anyone actually read these answers or does a computer just count the words?",
        "is this just a box-ticking exercise so someone can say they consulted small firms?",
        "who actually reads this stuff, or does it go straight in a drawer?",
        "honestly, will anything I type here change a single thing?",
        "what would actually happen to what I said, then?",
        "@btvlep be honest, does a human actually read these dms or do they go in a "
        "spreadsheet nobody opens",
        "@btvlep is this one of those consultations where youve already decided everything "
        "and just want to say you asked?",
    ],
)
def test_a_doubt_that_anyone_reads_it_is_answered_with_who_does(text: str) -> None:
    assert doubts_the_consultation(text)
    reply = about_the_chat_reply(text, None)
    assert reply == message("why_it_matters")
    assert "consultation team" in reply


@pytest.mark.parametrize(
    "text",
    [
        "what's the point of consulting when the A41 is still gridlocked?",  # a view
        "we are hoping the council reads this and fixes the drains",
        "does anyone care about the potholes on the A413?",
        "does it do anything for hairdressers?",  # set S: what the strategy covers
        # a privacy question (set H): the privacy answer, anonymised quotes
        "hmm who actually reads all this? does my name end up in some report?",
    ],
)
def test_a_view_or_a_privacy_question_is_no_doubt(text: str) -> None:
    assert not doubts_the_consultation(text)


def test_sarcasm_gets_a_fair_word_and_a_view_does_not() -> None:
    for text in (
        "oh great, another strategy",
        "@btvlep oh look, the LEP wants to hear from small firms. thats a first",
        "here we go again",
    ):
        assert sarcastic_only(text), text
        assert about_the_chat_reply(text, None) == message("fair_scepticism")
    assert not sarcastic_only("oh great, another strategy that ignores the A41")
    assert "consultation team" in message("fair_scepticism")


def test_what_the_lep_is_after_a_grumble_about_it() -> None:
    assert asks_what_the_lep_is("the LEP has never done a thing for us. what even is it?")
    assert not asks_what_the_lep_is("the LEP should fund a skills hub")


def test_dont_get_me_started_is_held_for_the_view_that_follows() -> None:
    for text in ("ha, environment. don't get me started", "where do I even start"):
        assert vents_first(text) and holds(text), text
    assert not vents_first("don't get me started on the A41, it floods every winter")


def test_a_grumble_then_the_view_is_kept_as_one_answer(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("bw-vent", "rest", True)
    slots = {"seabed": ["environment_quality_of_life"], "pending_questions": QUEUE}
    first = "ha, environment. don't get me started"
    form = ValidateStrategyForm()
    tracker = make_tracker("bw-vent", first, slots=slots)
    assert form.validate_seabed_answer(first, dispatcher, tracker, domain) == {
        "seabed_answer": None
    }
    assert texts(dispatcher) == [message("go_on")]
    assert service.recorded_answers("bw-vent") == []


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        (
            "I'm going to stop there, I've got thirty dogs to feed and I doubt any of this "
            "changes anything",
            True,
        ),
        ("@btvlep im stopping there, this is taking longer than a lesson", True),
        ("ok I think I'll leave it there", True),
        ("I'll stop there but the roads really need fixing", False),  # a view after it
        ("I'm going to stop recruiting apprentices because the college is useless", False),
        ("Stop Gap Storage", False),
    ],
)
def test_stopping_there_with_a_reason(text: str, stops: bool) -> None:
    assert stops_here(text) is stops


def test_stopping_there_ends_the_questions_and_keeps_nothing(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("bw-stop", "rest", True)
    text = "I'm going to stop there, I've got thirty dogs to feed"
    slots = {"seabed": ["environment_quality_of_life"], "pending_questions": QUEUE}
    tracker = make_tracker("bw-stop", text, "consent_decline", slots=slots)
    result = ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, domain)
    assert result["seabed_answer"] == "(done)"
    assert service.recorded_answers("bw-stop") == []


def test_go_on_then_after_declining_on_x() -> None:
    assert says_go_ahead("@btvlep alright, go on then")
    assert says_go_ahead("@btvlep go on then")


def test_no_thanks_and_why_at_consent_is_a_decline(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "no thanks, we've filled these in before and never heard a thing back"
    tracker = make_tracker("bw-no", text, "inform", events=[action_event("utter_privacy")])
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert {"event": "slot", "name": "stage", "value": "declined"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    assert "utter_declined" in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "go on then, yes, let's see if anyone writes back",
        "@btvlep yes, but one spam email and im unsubscribing",
    ],
)
def test_a_yes_with_a_remark_or_a_warning_at_the_follow_up_question(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("bw-yes", "rest", True)
    tracker = make_tracker(
        "bw-yes", text, "inform", slots={"requested_slot": "follow_up"}, active_loop="contact_form"
    )
    result = ValidateContactForm().validate_follow_up(text, dispatcher, tracker, domain)
    assert result["follow_up"] is True


def test_a_spam_warning_is_a_yes_and_newsletters_a_question_about_selling() -> None:
    reply = contact_reply("@btvlep yes, but one spam email and im unsubscribing")
    assert reply is not None and reply.wants and reply.terms is None  # nothing for staff
    assert contact_reply("no thanks, I'd only unsubscribe") is None  # a no, read as before
    assert asks_about_sales_calls("so you can fill my inbox with newsletters?")


def test_none_of_them_with_what_the_list_is() -> None:
    assert means_none(
        "none of them, it's all rockets and film studios, nothing for the likes of us"
    )
    assert not means_none("none, but space matters")


def test_not_telling_you_that_is_a_skip() -> None:
    assert means_nothing("@btvlep not telling you that")


def test_why_a_profile_question_is_asked() -> None:
    assert asks_why_it_is_asked(
        "@btvlep what do you want the company name for? the council already knows who we are"
    )
    assert not asks_why_it_is_asked("Whatever Works Ltd")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Hi, I'll give you everything in one go to save time: we're Brightwell Lighting & "
            "Grip, we hire lighting, grip and generators to film and TV productions, there are "
            "16 of us, we're based in Iver and I'm the operations director.",
            {
                "organisation": "Brightwell Lighting & Grip",
                "sector": "hire lighting, grip and generators to film and TV productions",
                "size_band": "Small (10-49 staff)",
                "location": "Iver",
                "role": "operations director",
            },
        ),
        (
            "@btvlep all in one go to save typing: we're windmill hill farm shop, a farm shop "
            "and butchery on our own farm, 9 staff, based in waddesdon, and im one of the "
            "three partners",
            {
                "organisation": "windmill hill farm shop",
                "sector": "farm shop and butchery on our own farm",
                "size_band": "Micro (1-9 staff)",
                "location": "waddesdon",
                "role": "partner",
            },
        ),
        ("Hartwell Print", {}),  # no announcement: a name
        ("we're a printers, 12 of us, all in one go", {}),
    ],
)
def test_the_whole_profile_in_one_message(text: str, fields: dict[str, str]) -> None:
    assert whole_profile(text) == fields


def test_the_whole_profile_at_the_name_question_fills_every_field(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("bv-all", "rest", True)
    text = (
        "Hi, I'll give you everything in one go to save time: we're Brightwell Lighting & "
        "Grip, we hire lighting and generators to film crews, there are 16 of us, we're based "
        "in Iver and I'm the operations director."
    )
    # as in a chat, the slot holds the message while it is validated
    tracker = make_tracker("bv-all", text, slots={"organisation": text}, active_loop="profile_form")
    result = ValidateProfileForm().validate_organisation(text, dispatcher, tracker, domain)
    assert result["organisation"] == "Brightwell Lighting & Grip"
    assert result["size_band"] == "Small (10-49 staff)"
    business = stored_business("bv-all")
    assert (business.organisation, business.location, business.role) == (
        "Brightwell Lighting & Grip",
        "Iver",
        "operations director",
    )
    assert SKIPPED not in result.values()
