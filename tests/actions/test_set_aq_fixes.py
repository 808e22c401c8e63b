"""What set AQ of unseen conversations (benchmarks/data/conversation_probe_aq.yml) found:
a yes followed by a view or a name at the consent question was read as a view before
consent, so the business was asked again and every profile answer after it was "still not
getting it"; "rather not give the name tbh" was filed as the name; "did that send ok?" and
"is that enough?" were kept as answers; "@btvlep ok" to the follow-up email was asked
"yes or no?"."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.fallback import ActionFallback
from bot.consultation import service
from bot.consultation.about_chat import about_the_chat_reply
from bot.consultation.asides import steps_aside
from bot.consultation.choice_changes import dropped_themes
from bot.consultation.choice_help import asks_bot_to_choose
from bot.consultation.consent_details import yes_with_name
from bot.consultation.consent_reply import agrees_to_take_part, yes_then_more
from bot.consultation.questions import message
from bot.consultation.replies import means_nothing
from tests.actions.conftest import CONSENT_SHOWN, make_tracker, run

LOCKSMITH = (
    "Yes go on. The one thing I'd say is nobody under 30 wants to learn locksmithing, and my "
    "van spends half the morning stuck on the A416 into Chesham"
)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (LOCKSMITH, LOCKSMITH.split(". ", 1)[1]),
        ("@btvlep yes, though we're not even open yet", "though we're not even open yet"),
        ("yes, we're struggling to recruit", "we're struggling to recruit"),
        ("sure, no problem", "no problem"),
        ("yes, but not now", None),  # put off
        ("ok. what happens to it?", None),  # a question back
        ("Yes. Actually no.", None),  # taken back
        ("yes, later", None),
        ("yes for the love of god no", None),  # no break after the yes
        ("No, the roads are awful", None),
        ("Yes go on.", None),  # nothing after the yes
    ],
)
def test_what_follows_a_yes_at_the_consent_question(text: str, rest: str | None) -> None:
    assert yes_then_more(text) == rest
    if rest is not None:
        assert agrees_to_take_part(text)
    elif text != "Yes go on.":  # a plain yes agrees as it always has, with nothing to keep
        assert not agrees_to_take_part(text)


def test_a_yes_and_we_are_called_gives_the_name() -> None:
    assert yes_with_name("Yes happy to. We're called Suds & Sage") == "Suds & Sage"
    assert yes_with_name("yes, the business is called Turnkey Locksmiths") == "Turnkey Locksmiths"


def test_a_yes_with_a_view_takes_part_and_keeps_the_view(
    database_url: str, domain: dict[str, Any]
) -> None:
    # the actions' tests tag by theme names (conftest), so the view names its subject
    text = "Yes go on. The one thing I'd say is skills: nobody under 30 wants to learn the trade"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("aq1", text, "inform", events=CONSENT_SHOWN)
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert SlotSet("consent", True) in events and SlotSet("stage", "profile") in events
    [kept] = service.recorded_answers("aq1")
    assert kept.text == "The one thing I'd say is skills: nobody under 30 wants to learn the trade"
    assert kept.question_key == service.BEFORE_CONSENT
    assert kept.themes == ["education_skills"]
    assert message("early_view_noted") in [m.get("text") for m in dispatcher.messages]


def test_a_yes_with_a_remark_takes_part_and_keeps_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "@btvlep yes, though we're not even open yet"
    tracker = make_tracker("aq2", text, "inform", events=CONSENT_SHOWN, channel="twitter")
    events = run(ActionFallback().run(CollectingDispatcher(), tracker, domain))
    assert SlotSet("consent", True) in events
    assert service.recorded_answers("aq2") == []


@pytest.mark.parametrize(
    "text",
    ["@btvlep rather not give the name tbh", "prefer not to give our name", "rather not say"],
)
def test_withholding_the_name_says_nothing(text: str) -> None:
    assert means_nothing(text)


def test_rather_not_with_a_view_is_still_a_view() -> None:
    assert not means_nothing("rather not wait for the council to fix the A41, we need it now")


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("did that send ok? typing between dogs", "came_through"),
        ("@btvlep did u get that", "came_through"),
        ("Did it go through?", "came_through"),
        ("Is that enough or do you want more on that one?", "enough_said"),
        ("@btvlep is that enough?", "enough_said"),
        ("was that too long?", "enough_said"),
        ("did that send the council into a panic, the A41 closure", None),  # a view
        ("is it enough to just have broadband", None),
        ("Did the college send anyone? No.", None),
        ("Should I answer as the business or as me personally?", "answer_as_business"),
        ("@btvlep do i answer for the business or for me", "answer_as_business"),
        ("the business or me, it's the same: the A413 floods", None),
    ],
)
def test_questions_about_the_answer_itself_are_asides(text: str, reply: str | None) -> None:
    expected = message(reply) if reply else None
    assert about_the_chat_reply(text, "seabed:infrastructure:views") == expected
    assert steps_aside(text) is (reply is not None)


def test_ok_to_the_follow_up_email_is_a_yes(database_url: str, domain: dict[str, Any]) -> None:
    slots = {"stage": "playback", "requested_slot": "follow_up"}
    tracker = make_tracker("aq3", "@btvlep ok", "affirm", slots=slots, active_loop="contact_form")
    form = ValidateContactForm()
    assert form.validate_follow_up("@btvlep ok", CollectingDispatcher(), tracker, domain) == {
        "follow_up": True
    }
    held = make_tracker("aq3", "hang on", "hold", slots=slots, active_loop="contact_form")
    assert form.validate_follow_up("hang on", CollectingDispatcher(), held, domain) == {
        "follow_up": None
    }


def test_a_town_put_right_in_the_same_answer_is_filed_as_put_right(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.profile import ValidateProfileForm

    service.record_consent("aq4", "rest", True)
    text = "Chesahm, sorry, Chesham"
    tracker = make_tracker("aq4", text, slots={"requested_slot": "location"})
    result = ValidateProfileForm().validate_location(text, CollectingDispatcher(), tracker, domain)
    assert result == {"location": "Chesham"}


@pytest.mark.parametrize(
    ("text", "hands_back"),
    [
        ("dunno, you pick the ones that fit a vineyard", True),
        ("up to you", True),
        ("@btvlep your call mate", True),
        ("skills, up to you for the rest", False),  # a choice made
        ("we decide what to grow", False),
    ],
)
def test_handing_the_choice_back_asks_it_again(
    database_url: str, domain: dict[str, Any], text: str, hands_back: bool
) -> None:
    from actions.consultation import ValidateStrategyForm

    assert asks_bot_to_choose(text) is hands_back
    if hands_back:
        service.record_consent("aq5", "rest", True)
        slots = {"requested_slot": "seabed", "islands": [], "island_answer": "done"}
        tracker = make_tracker("aq5", text, slots=slots, active_loop="strategy_form")
        dispatcher = CollectingDispatcher()
        result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, domain)
        assert result == {"seabed": None}
        assert [m.get("text") for m in dispatcher.messages] == [message("choice_is_yours")]
        assert service.recorded_answers("aq5") == []  # nothing kept as a view


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        (
            "@btvlep actually just infrastructure, housing doesnt really affect us",
            ["housing", "education"],
        ),
        ("actually, just housing and skills", ["infrastructure"]),
        ("actually just skills then", ["housing", "infrastructure"]),
        ("actually just the roads are bad", []),  # a view, not a choice
        ("actually only skills matter to us", []),
    ],
)
def test_actually_just_one_keeps_only_the_themes_named(text: str, dropped: list[str]) -> None:
    among = ["housing_growth", "infrastructure", "education_skills"]
    assert [t.split("_")[0] for t in dropped_themes(text, among)] == dropped


def test_actually_just_one_at_a_question_leaves_the_others_out(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("aq6", "twitter", True)
    pending = ["seabed:housing_growth:views", "seabed:infrastructure:views"]
    slots = {
        "requested_slot": "seabed_answer",
        "seabed": ["housing_growth", "infrastructure"],
        "pending_questions": pending,
    }
    text = "@btvlep actually just infrastructure, housing doesnt really affect us"
    tracker = make_tracker("aq6", text, slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(
        text, CollectingDispatcher(), tracker, domain
    )
    assert result["pending_questions"] == ["seabed:infrastructure:views"]
    assert service.recorded_answers("aq6") == []


def test_a_head_count_put_right_at_the_play_back_is_no_view(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.playback_views import keep_view_at_playback
    from tests.actions.conftest import stored_business

    service.record_consent("aq7", "rest", True)
    service.save_profile("aq7", "rest", size_band="Micro (1-9 staff)")
    service.record_answer("aq7", "rest", "band 6 physios leave", "island:x", None)
    text = "Looks right, but we're 11 now, two new physios started on Monday"
    slots = {"stage": "playback", "consent": True, "size_band": "Micro (1-9 staff)"}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("aq7", text, "affirm", slots=slots)
    assert keep_view_at_playback(dispatcher, tracker)
    assert stored_business("aq7").size_band == "Small (10-49 staff)"
    assert [a.text for a in service.recorded_answers("aq7")] == ["band 6 physios leave"]
