"""What set AK of unseen conversations (benchmarks/data/conversation_probe_ak.yml) found,
fixed and kept so (paraphrases the set does not use): "actually, go on then, I've got ten
minutes" after declining starts the consultation; a thumbs-up is a yes and a thumbs-down a
no; "Oh yes definitely" to an open question is no view yet; a question about what an
island covers with a line of context after it chooses nothing; the role given before the
name; an address given at a profile question is kept for the follow-up question, which
"use the email I put at the start" then answers; "jsut me n my son" is a head count; staff
who "can't afford rent" is quality of life."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.consent_reply import says_go_ahead
from bot.consultation.email_text import points_to_earlier_email, without_email_part
from bot.consultation.head_count import size_band_for
from bot.consultation.profile_checks import role_then_name, town_in_name
from bot.consultation.replies import acknowledgement_only, asks_if_it_counts, says_no, says_yes
from bot.consultation.strategy_asides import counts_as_reply
from bot.tagging.stated_views import stated_views
from tests.actions.conftest import make_tracker, stored_business


@pytest.mark.parametrize(
    "text, starts",
    [
        ("actually, go on then, I've got ten minutes", True),
        ("on second thoughts, go on", True),
        ("I've changed my mind, I'll take part", True),
        ("go on then, got 5 mins", True),
        ("changed my mind", False),  # to what? not permission to start
        ("actually no", False),
    ],
)
def test_permission_to_start_after_declining(text: str, starts: bool) -> None:
    assert says_go_ahead(text) is starts


@pytest.mark.parametrize(
    "text, yes, no",
    [
        ("👍", True, False),
        ("@btvlep 👍🏽", True, False),
        ("✅!", True, False),
        ("👎", False, True),
        ("@btvlep ❌", False, True),
        ("👍 but the A41 is worse", False, False),  # more than a yes
        ("🙂", False, False),
    ],
)
def test_a_yes_or_no_sent_as_an_emoji(text: str, yes: bool, no: bool) -> None:
    assert says_yes(text) is yes
    assert says_no(text) is no


@pytest.mark.parametrize(
    "text, nothing_more",
    [("Oh yes definitely", True), ("ooh yes", True), ("Oh yes, the trains", False)],
)
def test_a_bare_yes_to_an_open_question_is_no_view(text: str, nothing_more: bool) -> None:
    assert acknowledgement_only(text) is nothing_more


@pytest.mark.parametrize(
    "text, asks",
    [
        ("does the creative one cover music? I teach kids piano", True),
        ("would high performance cover carbon bike frames? it's not motorsport but same kit", True),
        ("is broadband infrastructure? if so, infrastructure and skills", False),  # chooses
        ("does software count as digital? we do apps? and data?", False),
    ],
)
def test_a_question_about_what_a_theme_covers_with_context(text: str, asks: bool) -> None:
    assert asks_if_it_counts(text) is asks


def test_a_question_with_context_at_the_island_choice_chooses_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.consultation import ValidateStrategyForm

    dispatcher = CollectingDispatcher()
    text = "does the creative one cover music? I teach kids piano"
    tracker = make_tracker("ak-q", text)
    assert ValidateStrategyForm().validate_islands(text, dispatcher, tracker, domain) == {
        "islands": None
    }
    assert [m.get("text") for m in dispatcher.messages] == [counts_as_reply(["creative_digital"])]


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "Head cheesemaker and co-owner. The dairy is Hambleden Valley Cheese",
            ("Hambleden Valley Cheese", "Head cheesemaker and co-owner"),
        ),
        ("Owner - the shop is called Bits & Bobs", ("Bits & Bobs", "Owner")),
        ("Amersham Bakery. The owner is Dave", None),  # the name first: kept as typed
        ("Acme Ltd", None),
    ],
)
def test_the_role_before_the_name(text: str, found: tuple[str, str] | None) -> None:
    assert role_then_name(text) == found


def test_the_role_before_the_name_files_both(database_url: str, domain: dict[str, Any]) -> None:
    service.record_consent("ak-role", "rest", True)
    text = "Managing director. The firm is Chalk Hill Joinery"
    tracker = make_tracker("ak-role", text, slots={"requested_slot": "organisation"})
    result = ValidateProfileForm().validate_organisation(
        text, CollectingDispatcher(), tracker, domain
    )
    assert result == {"organisation": "Chalk Hill Joinery", "role": "Managing director"}
    business = stored_business("ak-role")
    assert (business.organisation, business.role) == ("Chalk Hill Joinery", "Managing director")


def test_an_address_at_the_name_question_is_kept_for_the_follow_up(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ak-mail", "rest", True)
    text = "Marsh Lane Kilns - email me on sam@marshlane.co.uk if that's easier"
    tracker = make_tracker("ak-mail", text, slots={"requested_slot": "organisation"})
    result = ValidateProfileForm().validate_organisation(
        text, CollectingDispatcher(), tracker, domain
    )
    assert result["organisation"] == "Marsh Lane Kilns"
    business = stored_business("ak-mail")
    # kept, but no follow-up is agreed until the business says so
    assert (business.email, business.follow_up) == ("sam@marshlane.co.uk", False)

    reply = "yes please, same address as before"
    dispatcher = CollectingDispatcher()
    done = ValidateContactForm().validate_follow_up(
        reply, dispatcher, make_tracker("ak-mail", reply), domain
    )
    assert done == {"follow_up": True, "email": "sam@marshlane.co.uk"}
    assert stored_business("ak-mail").follow_up is True


def test_pointing_to_an_earlier_address_when_there_is_none_asks_for_it(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ak-none", "rest", True)
    reply = "use the email I gave you earlier"
    done = ValidateContactForm().validate_follow_up(
        reply, CollectingDispatcher(), make_tracker("ak-none", reply), domain
    )
    assert done == {"follow_up": True}  # the form asks for the address next


@pytest.mark.parametrize(
    "text, points",
    [
        ("yes please, use the email I put at the start", True),
        ("you already have my email", True),
        ("use the email a@b.co.uk", False),  # an address of its own
        ("yes", False),
    ],
)
def test_pointing_to_an_earlier_address(text: str, points: bool) -> None:
    assert points_to_earlier_email(text) is points


def test_an_answer_without_the_part_that_gives_the_address() -> None:
    email = "jo@acme.co.uk"
    assert without_email_part("Acme Ltd. my email is jo@acme.co.uk if needed", email) == "Acme Ltd"
    assert without_email_part("jo@acme.co.uk", email) == ""


@pytest.mark.parametrize(
    "text, band",
    [
        ("jsut me n my son", "Micro (1-9 staff)"),
        ("me and the wife", "Micro (1-9 staff)"),
        ("me and my wife plus 15 staff", "Small (10-49 staff)"),  # the staff count
    ],
)
def test_a_family_firm_head_count(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    "clause, priced_out",
    [
        ("the ones we train cant afford rent in gerrards cross", True),
        ("our apprentices can't afford a flat anywhere near", True),
        ("we can't afford the rent on our unit any more", False),  # premises
    ],
)
def test_staff_who_cannot_afford_rent(clause: str, priced_out: bool) -> None:
    assert ("environment_quality_of_life" in stated_views([clause])) is priced_out


def test_pointing_to_an_earlier_address_fills_the_follow_up_whatever_nlu_read() -> None:
    text = "yes please, use the email I put at the start"
    slots = {"requested_slot": "follow_up"}
    tracker = make_tracker("ak-extract", text, "faq", slots=slots, active_loop="contact_form")
    form = ValidateContactForm()
    extracted = asyncio.run(form.extract_follow_up(CollectingDispatcher(), tracker, {}))
    assert extracted == {"follow_up": text}
    plain = make_tracker("ak-extract", "what do you do with my email?", "faq", slots=slots)
    assert asyncio.run(form.extract_follow_up(CollectingDispatcher(), plain, {})) == {}


@pytest.mark.parametrize(
    "text, name, town",
    [
        ("same as the name", "Buckingham Driving School", "Buckingham"),
        ("clue's in the name", "Princes Risborough Glass", "Princes Risborough"),
        ("same as the name", "Acme Ltd", None),  # no town in it: kept as typed
        ("same as the name", "Bucks Cleaning", None),  # the county is no town
        ("Olney", "Buckingham Driving School", None),  # an answer of its own
    ],
)
def test_the_town_in_the_name(text: str, name: str, town: str | None) -> None:
    assert town_in_name(text, name) == town


def test_same_as_the_name_files_the_town(database_url: str, domain: dict[str, Any]) -> None:
    service.record_consent("ak-town", "rest", True)
    slots = {"requested_slot": "location", "organisation": "Winslow Farm Shop"}
    tracker = make_tracker("ak-town", "same as the name", slots=slots)
    result = ValidateProfileForm().validate_location(
        "same as the name", CollectingDispatcher(), tracker, domain
    )
    assert result == {"location": "Winslow"}
    assert stored_business("ak-town").location == "Winslow"
