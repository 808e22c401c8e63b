"""What set AO of unseen conversations (benchmarks/data/conversation_probe_ao.yml) found,
in other words than the set's: a pause with its reason ("one sec, client on the other
line") and sorry for the answer just given ("rant over") are no answer; a return from a
pause opens the real answer ("Back. ..."); "good to know" is an acknowledgement; "me and a
part-time apprentice" is a head count; a view ending in a question about the Board, who to
talk to or what the strategy says about a place has that question answered; a choice or a
town before a question is kept; "oh and ..." carries on the profile field just given; and
a long starred message carries on the answer before."""

from __future__ import annotations

import pytest

from bot.consultation.afterthoughts import adds_to_last_answer
from bot.consultation.choices import choice_before_question
from bot.consultation.continued import continues_with_mark, without_marks
from bot.consultation.focus import focus_answer
from bot.consultation.head_count import size_band_for
from bot.consultation.profile import answer_then_question
from bot.consultation.profile_followups import carried_on_field
from bot.consultation.replies import acknowledgement_only, asked_topic
from bot.consultation.replies.pauses import (
    after_return,
    holding,
    paused_with_reason,
    sorry_for_own_answer,
)
from bot.strategy import ISLAND_IDS, SEABED_IDS


@pytest.mark.parametrize(
    ("text", "paused"),
    [
        ("kettle's boiling over, one sec", True),
        ("@btvlep two mins, delivery at the door", True),
        ("van's here, back in 10", True),
        ("on a roof, give me five mins", True),
        ("Could I get back to you on that? Someone's at the counter", True),
        ("sorry, the dog's escaped, back shortly", True),
        # a view with minutes or "back in" inside it, or after an open-ended "hang on"
        ("hang on, the roads are bad", False),
        ("the bus only comes every twenty mins, which is useless for shifts", False),
        ("Back in 2019 we had six staff, now it's two", False),
        ("the trains, two mins late every single day", False),
        ("one sec is all it takes for a cyber attack to wipe a small firm out", False),
    ],
)
def test_a_pause_and_its_reason_is_no_answer(text: str, paused: bool) -> None:
    assert paused_with_reason(text) is paused
    assert holding(text) is paused


@pytest.mark.parametrize(
    ("text", "sorry"),
    [
        ("Sorry, bit of a rant there", True),
        ("oops, went on a bit, sorry", True),
        ("apologies, typing this on my phone", True),
        ("sorry, that sounded a bit harsh", True),
        ("moan over lol", True),
        # an apology with a view, and a correction
        ("sorry, but the rates are a rip-off", False),
        ("Sorry, I meant Silverstone Park not the circuit", False),
    ],
)
def test_sorry_for_the_answer_just_given_is_no_view(text: str, sorry: bool) -> None:
    assert sorry_for_own_answer(text) is sorry


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Back. Just me and an apprentice", "Just me and an apprentice"),
        ("@btvlep ok back. skills and roads", "skills and roads"),
        ("right, sorted. yes that's all fine", "yes that's all fine"),
        ("sorry about that. tom@example.com", "tom@example.com"),
        # nothing after the return, or no return at all
        ("back", "back"),
        ("Backlog of orders is the issue", "Backlog of orders is the issue"),
        ("ok, so, the roads", "ok, so, the roads"),
    ],
)
def test_a_return_from_a_pause_opens_the_answer(text: str, answer: str) -> None:
    assert after_return(text) == answer


def test_good_to_know_is_an_acknowledgement_not_a_view() -> None:
    assert acknowledgement_only("Ah, good to know, thanks")
    assert acknowledgement_only("fair enough")
    assert not acknowledgement_only("good to know the A41 is finally getting fixed")


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("me and an office junior", "Micro (1-9 staff)"),
        ("It's me and one part-timer", "Micro (1-9 staff)"),
        ("me and a dozen pickers", "Small (10-49 staff)"),
    ],
)
def test_me_and_one_other_is_a_head_count(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("when will the board actually look at all this?", "next_steps"),
        ("who makes the final decision?", "next_steps"),
        ("who should I speak to about the planning side?", "human"),
        ("does the strategy mention anything about Marlow?", "focus"),
    ],
)
def test_a_question_after_a_view_is_read(question: str, topic: str) -> None:
    assert asked_topic(question) == topic


def test_the_chilterns_are_among_the_places_the_strategy_names() -> None:
    assert "Chiltern Hills" in focus_answer()


def test_a_choice_before_a_question_is_taken() -> None:
    asked = "skills, though quick one: who's actually writing this thing?"
    assert choice_before_question(asked, SEABED_IDS) == "skills"
    assert choice_before_question("space. what's the Arc?", ISLAND_IDS) == "space"
    # a question with no choice before it, and a view
    assert choice_before_question("why those ones?", SEABED_IDS) is None
    assert choice_before_question("What does housing growth cover?", SEABED_IDS) is None
    # a hedged second choice is part of the choice (set AN)
    assert choice_before_question("Skills, and housing maybe?", SEABED_IDS) is None


def test_a_profile_answer_before_a_question_is_kept() -> None:
    assert answer_then_question("@btvlep Thame. is this anonymous?") == "Thame"
    assert answer_then_question("Wendover - what happens next?") == "Wendover"
    # a question about the answer itself, or no answer before the question
    assert answer_then_question("Aylesbury, where's that?") is None
    assert answer_then_question("what happens next?") is None


def test_oh_and_carries_on_the_profile_field_just_given() -> None:
    assert (
        carried_on_field("oh and wedding cakes too", "sector", "Bakery")
        == "Bakery, wedding cakes too"
    )
    # an answer to the question pending, a head count, or nothing given before
    assert carried_on_field("and we're about 12", "sector", "Bakery") is None
    assert carried_on_field("oh and 12 of us", "size_band", "Small (10-49 staff)") is None
    assert carried_on_field("oh and wedding cakes too", "sector", None) is None


def test_a_long_starred_message_carries_on_the_answer_before() -> None:
    text = "*the footpath to the station too, it floods every winter and nobody fixes it"
    assert continues_with_mark(text)
    assert without_marks(text).startswith("the footpath")
    # a starred typo fix, and a starred list that is an answer of its own
    assert not continues_with_mark("*broadband")
    assert not continues_with_mark("* rent is too high\n* we can't find staff anywhere")


@pytest.mark.parametrize(
    ("text", "adds"),
    [
        ("oh and parking, there's nowhere for the vans", True),
        ("@btvlep also the rates went up again", True),
        # someone else's view, a word about the themes, or no continuation at all
        ("oh and my colleague wants to add that the rates are crippling", False),
        ("and the last one's not a housing thing", False),
        ("the rates went up again", False),
    ],
)
def test_oh_and_at_the_playback_carries_on_the_last_answer(text: str, adds: bool) -> None:
    assert adds_to_last_answer(text) is adds
