"""What set AP of unseen conversations (benchmarks/data/conversation_probe_ap.yml) found, in
other words than the set's: a conditional yes to take part after the handles an X DM opens
with; a regional hello; a yes to the follow-up email with terms ("so long as", "provided",
"send it to me"); a family firm's head count in people, and dozens; a name given for a
parent's firm ("It's her shop, ..."); "read me back what you've put down" inside a longer
question; "nay", "not this time" and "nowt else"."""

from __future__ import annotations

import pytest

from bot.consultation.asides import asks_what_was_said, steps_aside
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.contact_terms import contact_reply
from bot.consultation.head_count import size_band_for
from bot.consultation.profile import tidy_profile_answer
from bot.consultation.replies import greeting_only, says_no, says_no_and_why, says_yes
from bot.consultation.replies.skips import none_reply


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("@btvlep yep if it's short, I'm up a ladder", True),
        ("@btvlep @BucksLEP ok as long as it's quick", True),
        ("@btvlep sure, go on", True),
        ("@btvlep ok but not now", False),  # put off
        ("@btvlep yes but who reads it?", False),  # a question back
        ("@btvlep", False),
    ],
)
def test_a_yes_after_the_dms_handles_is_a_yes(text: str, agrees: bool) -> None:
    assert agrees_to_take_part(text) is agrees


@pytest.mark.parametrize("text", ["Ey up", "eyup!", "Ay up", "Now then", "wotcha", "How do"])
def test_regional_hellos_are_greetings(text: str) -> None:
    assert greeting_only(text)


@pytest.mark.parametrize("text", ["Ey up, the A41 is a car park", "now then what's all this"])
def test_a_regional_hello_with_more_is_not_a_greeting_alone(text: str) -> None:
    assert not greeting_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "Yes, so long as it's not every week",
        "ok, as long as it isn't daily",
        "Sure, provided my address isn't shared with anyone",
        "yes if it's not passed on to sales people",
        "go on then, but send them to me not my partner",
        "yeah, no spam though",
    ],
)
def test_a_yes_to_the_email_with_terms_is_a_yes_and_keeps_the_terms(text: str) -> None:
    reply = contact_reply(text)
    assert reply is not None and reply.wants and reply.terms == text.strip(" ,.:;-")


@pytest.mark.parametrize("text", ["yes but the A41 is the real problem", "yes please", "no"])
def test_a_plain_yes_or_a_view_is_read_as_before(text: str) -> None:
    assert contact_reply(text) is None


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("Mum, me and my brother, plus a Saturday girl", "Micro (1-9 staff)"),
        ("just my husband and me really", "Micro (1-9 staff)"),
        ("half a dozen of us most of the year", "Micro (1-9 staff)"),
        ("a couple of dozen on the books", "Small (10-49 staff)"),
        ("three dozen", "Small (10-49 staff)"),
        ("about a dozen", "Small (10-49 staff)"),
        ("we're a family business", None),  # no one counted
    ],
)
def test_a_head_count_in_people_or_dozens_finds_its_band(text: str, band: str | None) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It's her shop, Ivy Lane Frames", "Ivy Lane Frames"),
        ("its my dad's firm - Cole Brothers Roofing", "Cole Brothers Roofing"),
        ("It's their business, it's Marsh Farm Cider", "Marsh Farm Cider"),
        ("It's Tilly's Tea Room", "Tilly's Tea Room"),  # a name after "It's", as before
    ],
)
def test_a_name_given_for_someone_elses_firm_is_the_name(text: str, name: str) -> None:
    assert tidy_profile_answer("organisation", text) == name


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("Sorry before the next one, could you play back what I've told you so far please?", True),
        ("what have you put down for us?", True),
        ("read it back to me", True),
        ("I read back through the strategy and it misses us", False),
        ("we put down a deposit on a unit", False),
    ],
)
def test_asking_for_a_read_back_is_an_aside(text: str, aside: bool) -> None:
    assert (steps_aside(text) and asks_what_was_said(text)) is aside


@pytest.mark.parametrize(
    ("text", "no"),
    [
        ("nay", True),
        ("@btvlep not this time, cheers", True),
        ("Nay, but add skills", False),
        ("nah, not unless there's grant money going, and there won't be", True),
        ("@btvlep no, not unless it pays", True),
        ("no, unless you send it monthly", False),  # a condition that may turn it to a yes
        ("nah, not unless you mean the A41?", False),
    ],
)
def test_nay_and_not_this_time_are_a_no(text: str, no: bool) -> None:
    assert (says_no(text) or says_no_and_why(text)) is no
    assert not says_yes(text)


def test_a_northern_no_reply_is_none_and_a_theme_with_it_is_kept() -> None:
    assert none_reply("Nowt else, ta") == "else ta"
    assert none_reply("nowt") == ""
    assert none_reply("nowt but the roads") == "but the roads"  # the caller reads the roads
