"""Readings that set EP of unseen conversations found wanting (no Rasa): questions about the
strategy in everyday words, after a lead-in ("Quick one first:", "Random one before I
answer:", "Before I start:"), read for what they ask: what a local industrial strategy is,
who has the final say, the Oxford-Cambridge link, a draft to see, how the two lists differ,
the government's own strategy, and what a theme takes in, in plain words; nearby words that
ask nothing of the kind are not read so."""

from __future__ import annotations

import pytest

from bot.consultation.contact_terms import ContactReply, contact_reply
from bot.consultation.playback_replies import yes_then_asks
from bot.consultation.profile import answer_then_question
from bot.consultation.question_help import asks_what_a_theme_covers, asks_what_a_theme_is
from bot.consultation.replies import (
    asked_topic,
    asks_what_it_covers_of,
    lead_in_only,
    looks_like_question,
    opens_with_question,
)
from bot.consultation.replies.topics import STRATEGY_ONLY_TOPICS
from bot.consultation.strategy_asides import asks_what_it_covers


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # what a local industrial strategy is
        (
            "Before I agree to anything, what is a local industrial strategy when it's at home? "
            "Sounds like something for factories.",
            "what_is_lis",
        ),
        ("what even is an LIS", "what_is_lis"),
        ("Sorry, what does LIS stand for?", "what_is_lis"),
        ("What exactly is a local industrial strategy?", "what_is_lis"),
        ("whats an industrial strategy then", "what_is_lis"),
        ("what's the point of this strategy?", "what_is_lis"),
        ("what is the national industrial strategy?", "national_strategy"),
        # who has the final say
        ("Quick one first: who gets the final say on what goes in this strategy?", "next_steps"),
        ("who has the last word on it?", "next_steps"),
        ("Who'll have the final say, the council?", "next_steps"),
        # a draft to see before it is signed off
        ("Will we get to see a draft before it's signed off?", "next_steps"),
        ("can we comment on the final version?", "next_steps"),
        ("do we get to read the draft?", "next_steps"),
        ("will there be a chance to look at it before it's published?", "next_steps"),
        # Oxford and Cambridge
        (
            "Random one before I answer: my co-founder reckons all this is tied to Oxford and "
            "Cambridge somehow. What's the connection?",
            "arc",
        ),
        ("what's oxford and cambridge got to do with us?", "arc"),
        ("how does ox-cam link to bucks?", "arc"),
        ("why does everyone keep going on about Oxford and Cambridge?", "arc"),
        # how the second list differs from the first
        ("How is this list different from the last one? Sorry, long day.", "islands_seabed"),
        ("what's the difference between the two lists?", "islands_seabed"),
        ("how's this different from the last one?", "islands_seabed"),
        ("whats the difference between these and the first lot?", "islands_seabed"),
        ("how are these different to the other ones?", "islands_seabed"),
        # the government's own strategy and its challenges
        (
            "Hello. Is this anything to do with the government's net zero push? That's the "
            "only reason I clicked.",
            "national_strategy",
        ),
        ("is this part of the government's levelling up agenda?", "national_strategy"),
        ("does this tie in with net zero at all?", "national_strategy"),
        ("is this linked to the national strategy?", "national_strategy"),
        # taking part beyond the chat
        ("how do we get a say on what goes in?", "get_involved"),
        (
            "Before I answer: is there any way to be more involved than this, like speaking to "
            "whoever is pulling it together?",
            "get_involved",
        ),
        # what happens next, after "before i say yes"
        (
            "@btvlep before i say yes, what actually happens to all this once youve got it",
            "next_steps",
        ),
        # what the strategy says about a place
        ("does the strategy say anything about the chilterns at all?", "focus"),
    ],
)
def test_the_topic_a_strategy_question_asks(text: str, topic: str) -> None:
    assert asked_topic(text) == topic


@pytest.mark.parametrize(
    "text",
    [
        # not the final say: "say on" is not what the strategy says either
        "not sure what to say on that one",
        # a view about net zero, not a question about the government's strategy
        "what is the council doing about net zero, nothing as usual",
        # Oxford and Cambridge named with no link asked
        "we lose graduates to Oxford and Cambridge every year",
        # a list of the business's own
        "our client list is the same every year",
    ],
)
def test_words_that_ask_no_strategy_topic(text: str) -> None:
    assert asked_topic(text) in (None, "focus")
    assert asked_topic(text) not in STRATEGY_ONLY_TOPICS


def test_focus_and_data_words_alone_are_no_strategy_only_topic() -> None:
    assert {"focus", "data_privacy"}.isdisjoint(STRATEGY_ONLY_TOPICS)
    assert {"next_steps", "arc", "what_is_lis", "national_strategy"} <= STRATEGY_ONLY_TOPICS


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep before i say yes, what actually happens to all this once youve got it",
        "Random one before I answer: who actually runs this",
        "Before anything: whose strategy is this",
        "One thing first: who's writing it",
        "Quick one first, who decides",
        "before we start, what happens next",
        "silly question but what's the arc",
        "@btvlep b4 i say yes, is this anything to do with net zero",
    ],
)
def test_a_question_after_a_lead_in_is_a_question(text: str) -> None:
    assert looks_like_question(text)


def test_a_lead_in_before_a_view_makes_no_question() -> None:
    assert not looks_like_question("one more thing, the parking round the station is awful")
    assert not opens_with_question("Before I start: the roads are terrible. Can't get staff in.")


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep whats intelligent mobility when its not in council speak? might be us",
        "what's digital science in plain English?",
        "what is intelligent public services in normal words?",
        "whats entrepreneurialism for normal people",
    ],
)
def test_what_a_theme_is_in_plain_words(text: str) -> None:
    assert asks_what_it_covers_of(text)


def test_a_theme_in_plain_words_is_a_view_when_it_says_something() -> None:
    assert not asks_what_it_covers_of("intelligent mobility in plain english is buses that come")
    assert not asks_what_a_theme_is("intelligent mobility is buses that actually turn up?")


@pytest.mark.parametrize(
    "text",
    [
        "What counts as digital science here? Would machine translation come under it?",
        "Before I start: is high performance technology just Formula One, or does it take in "
        "firms like us that print metal parts?",
        "is space only rockets or satellites too?",
        "what falls under infrastructure?",
        "which firms count as medical technologies?",
    ],
)
def test_what_a_named_theme_takes_in(text: str) -> None:
    assert asks_what_a_theme_covers(text)


@pytest.mark.parametrize(
    "text",
    [
        # a view in the form of a question, or after one
        "What counts as infrastructure when the A41 floods every winter? We need it fixed.",
        # no theme named: what the strategy covers, answered elsewhere
        "what counts here?",
        # a view that merely names the theme
        "Digital science matters to us because our clients want AI tools.",
    ],
)
def test_no_question_about_what_a_theme_takes_in(text: str) -> None:
    assert not asks_what_a_theme_covers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Quick question first: does the strategy actually say anything about space, or is it "
        "just a name on the list?",
        "Before I start: does the plan even mention tourism?",
        "Random one: does it really cover farming?",
    ],
)
def test_what_the_strategy_says_about_something_after_a_lead_in(text: str) -> None:
    assert asks_what_it_covers(text)


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        # after a question answered at the follow-up question: thanks, then the yes or no
        ("Great. And yes to the emails.", True),
        ("yes please to updates", True),
        ("Thanks. And no to the updates, ta", False),
        ("no to the emails", False),
    ],
)
def test_yes_or_no_to_the_emails(text: str, wants: bool) -> None:
    assert contact_reply(text) == ContactReply(wants=wants)


def test_yes_or_no_to_something_else_is_no_reply_to_the_emails() -> None:
    assert contact_reply("yes to the roads being fixed") is None
    assert contact_reply("no to more housing") is None


@pytest.mark.parametrize(
    "text", ["Quick one first", "Random one before I answer", "Before I confirm", "b4 i say yes"]
)
def test_a_lead_in_is_no_answer(text: str) -> None:
    assert lead_in_only(text)


@pytest.mark.parametrize("text", ["Orbital Fields", "First Choice Taxis", "yes"])
def test_an_answer_is_no_lead_in(text: str) -> None:
    assert not lead_in_only(text)


def test_a_lead_in_then_a_question_is_no_profile_answer() -> None:
    assert answer_then_question("Quick one first: who gets the final say?") is None
    assert answer_then_question("Before I answer: whose strategy is this?") is None
    assert answer_then_question("Orbital Fields. Who gets the final say?") == "Orbital Fields"


def test_before_i_confirm_then_a_question_is_no_yes_to_the_play_back() -> None:
    asked = "Before I confirm, do we get to see the final version before it goes to the board?"
    assert not yes_then_asks(asked)
    assert yes_then_asks("Yes, confirmed. When does the board meet?")
