"""Sets CB (someone answering for a business they do not own) and CD (positive, mixed and
hedged views) of unseen conversations on their first run, 4 / 12 and 5 / 12: an
introduction before consent ("hi typing this for my dad, he fixes tractors") kept as a view;
the bookkeeper's, the franchisee's and the association's head counts read from someone
else's people; "12, that's the 3 partners, ..." kept as typed; "hang on, asking my business
partner what she thinks the biggest one is" kept as the answer; "Yes please, but it should
go to Gary rather than me" asked "yes or no?"; "I think so, more or less." at the play-back
kept as a view; "yes but only the odd one please" and "I suppose so, if it's not too often"
read as declining; "Not really, no. We're flat out." asked again; "I don't think any of
them, to be honest." at the islands not understood."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallback
from bot.consultation.contact_terms import contact_reply, yes_on_terms
from bot.consultation.head_count import size_band_for
from bot.consultation.none_choice import means_none
from bot.consultation.on_behalf import for_someone_else
from bot.consultation.questions import message
from bot.consultation.replies import holding, says_no_and_why
from bot.nlu.reply_intents import certain_intent
from tests.actions.conftest import make_tracker, run, texts


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep hi typing this for my dad, hes not on twitter. he fixes tractors and farm kit",
        "Hi, I'm the practice manager at an architects' practice. The three partners asked me "
        "to collate their views and put them in here",
        "@btvlep hi, im one of two cofounders, ill check bits with my business partner as we go",
        "Good morning. I'm a bookkeeper and one of my clients has asked me to fill this in for "
        "them as they're snowed under. Is that allowed?",
        "Hello. I'm the local rep for a group of holiday let and B&B owners - can I answer for "
        "our members rather than for one business?",
        "Hi, quick one first: I'm a franchisee, so the brand isn't mine but the business is. "
        "Can I still do this?",
        "Gary (my boss) asked me to do this, he's on site all week",
    ],
)
def test_someone_answering_for_the_business(text: str) -> None:
    assert for_someone_else(text)


@pytest.mark.parametrize(
    "text",
    [
        "my dad says the lane floods every winter and the broadband is dreadful",
        "I do the books for a few local firms and the rates are killing them",
        "ill check with my partner but the broadband is our big issue",
        "we do a lot of work for the council",
    ],
)
def test_a_view_relayed_is_still_a_view(text: str) -> None:
    assert not for_someone_else(text)


def test_the_introduction_before_consent_is_answered_and_not_kept(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "@btvlep hi typing this for my dad, hes not on twitter. he fixes tractors and farm kit"
    tracker = make_tracker("cb-dad", text, "inform", channel="x")
    run(ActionFallback().run(dispatcher, tracker, domain))
    said = texts(dispatcher)
    assert message("on_behalf") in said
    assert "utter_view_before_consent" not in said
    assert said[-1] == "utter_ask_consent"


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            "They've got 16 on the payroll. My practice is just me and one other but that's "
            "not who this is about",
            "Small (10-49 staff)",
        ),
        (
            "Just 2 of us paid, me part-time and an administrator. About 90 member "
            "businesses, but they don't work for us",
            "Micro (1-9 staff)",
        ),
        (
            "5 of us in my franchise. The brand has about 60 franchisees across the country",
            "Micro (1-9 staff)",
        ),
        (
            "12, that's the 3 partners, 7 architects and technologists, and me and the "
            "receptionist",
            "Small (10-49 staff)",
        ),
        ("85 in this store. The chain has about 300 stores", "Medium (50-249 staff)"),
        # one business's own figures are all counted as before
        ("22 FTE, but 30 on the payroll", "Small (10-49 staff)"),
        ("about 30", "Small (10-49 staff)"),
    ],
)
def test_the_business_own_head_count(text: str, band: str) -> None:
    assert size_band_for(text) == band


def test_asking_a_partner_what_she_thinks_is_a_pause() -> None:
    assert holding("hang on, asking my business partner what she thinks the biggest one is")
    assert holding("asking my wife what she reckons")
    # what the partner said is the answer
    assert not holding("asking my partner what she thinks, she says the roads are awful")
    assert not holding("hang on, asking my boss if he agrees that rents are too high")


@pytest.mark.parametrize(
    "text",
    [
        "Yes please, but it should go to Gary rather than me",
        "Go on then, if it's only now and then.",
        "I suppose so, if it's not too often.",
        "@btvlep yes but only the odd one please",
        "Yes, as long as it's not a weekly newsletter.",
    ],
)
def test_a_yes_with_terms_to_the_follow_up(text: str) -> None:
    reply = contact_reply(text)
    assert reply is not None and reply.wants and reply.terms
    assert yes_on_terms(text)


def test_hedged_yes_and_yes_with_terms_whatever_nlu_read() -> None:
    assert certain_intent("@btvlep yes but only the odd one please", "consent_decline") == "affirm"
    assert certain_intent("I suppose so, if it's not too often.", "deny") == "affirm"
    assert certain_intent("I think so, more or less.", "deny") == "affirm"
    assert certain_intent("mostly right i think yeah", "affirm") == "affirm"
    assert certain_intent("please dont contact me but use my views", "deny") != "affirm"
    assert certain_intent("more or less the A41", "inform") is None


def test_a_no_then_why() -> None:
    assert says_no_and_why("Not really, no. We're flat out.")
    assert not says_no_and_why("No. But the roads are awful and we need help.")


def test_none_of_them_hedged() -> None:
    assert means_none("I don't think any of them, to be honest.")
    assert means_none("I don't think any of them apply to us")
    assert not means_none("I don't think any of them except space")


def test_a_yes_to_the_play_back_after_a_dash() -> None:
    from bot.consultation.playback_replies import yes_and_a_remark

    assert yes_and_a_remark("Yes - Priya's read it over my shoulder and we're both happy with it")
    assert not yes_and_a_remark("yes - but the second one is wrong")


def test_the_start_up_one_beside_a_named_driver() -> None:
    from bot.consultation.questions import match_themes

    # set CF chose the environment alone: "start up" with a space describes a driver too
    assert match_themes("@btvlep the start up one and the environment one", "seabed") == [
        "entrepreneurialism",
        "environment_quality_of_life",
    ]
