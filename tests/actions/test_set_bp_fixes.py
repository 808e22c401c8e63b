"""Sets BP (businesses that wander mid-consultation) and BQ (indirect wording, honest no-view
replies) of unseen conversations on their first run: corrections a turn later, side
questions that open with "before the next one" or "quick one first", a pause to let
customers in, a role named with "put me down as", and "not something ive thought about"
read as a sentence cut off."""

from __future__ import annotations

import pytest

from bot.consultation import service
from bot.consultation.asides import asks_what_was_said, asks_who_reads
from bot.consultation.held import holds
from bot.consultation.navigation import go_back
from bot.consultation.playback_fixes import corrected_item
from bot.consultation.profile_fixes import profile_fixes
from bot.consultation.question_help import asks_before_answering
from bot.consultation.questions import message
from bot.consultation.replies.corrections import corrects_last_answer, drops_last_bit
from bot.consultation.replies.pauses import holding
from bot.consultation.replies.skips import means_nothing
from tests.actions.conftest import validate_strategy_answer

HPT = [f"island:high_performance_technology:{q}" for q in ("opportunities", "barriers", "help")]


@pytest.mark.parametrize(
    ("text", "corrects"),
    [
        ("sorry, scratch the uni bit, it was the evening upholstery class at the college", True),
        ("@btvlep wait, make that 9 months for the dno, 6 was being kind", True),
        ("actually make it three vans, not two", True),
        ("make that happen please", False),  # a wish, no pause word before it
        ("the council should make it easier to get a unit", False),
        ("scratch the space ones, we're not really space", False),  # a choice change
    ],
)
def test_a_correction_a_turn_later(text: str, corrects: bool) -> None:
    assert corrects_last_answer(text) is corrects


def test_the_last_bit_is_still_dropped_not_corrected() -> None:
    assert drops_last_bit("forget the last bit, the insurance is ours to sort")
    assert not corrects_last_answer("forget the last bit, the insurance is ours to sort")


def test_hold_on_number_two_is_not_quite_right() -> None:
    text = "Hold on, number 2 isn't quite right. I meant the big national chains undercut us"
    assert corrected_item(text, 4) == 2
    assert corrected_item("Hold on, number 5 isn't quite right. I meant ...", 4) is None


def test_a_change_asked_for_with_its_words_goes_back_with_them() -> None:
    text = (
        "Actually, can I change the barriers one? It's not really copper, it's the 20-week "
        "lead time on mil-spec connectors that hurts"
    )
    back = go_back(text, HPT[2], HPT)
    assert back is not None and back.key == HPT[1]
    assert back.view.startswith("It's not really copper")
    # still no view: a question after the request, or too few words
    assert go_back("back to question 2? what was that about again then", HPT[2], HPT).view == ""
    assert go_back("can we go back to question 2, I forgot something", HPT[2], HPT).view == ""


def test_the_change_joins_the_answer_it_changes(database_url: str) -> None:
    service.record_consent("bp-back", "rest", True)
    service.record_answer(
        "bp-back", "rest", "The copper price has nearly doubled our costs", HPT[1], "q"
    )
    text = "Actually, can I change the barriers one? It's not really copper, it's the lead time"
    slots = {"islands": ["high_performance_technology"], "pending_questions": HPT[2:]}
    result, said = validate_strategy_answer("island_answer", "bp-back", text, slots)
    assert result == {"island_answer": None}  # the help question is asked again
    assert said == [message("earlier_changed", name="High performance technology")]
    [answer] = service.recorded_answers("bp-back")  # one answer to the barriers question
    assert answer.question_key == HPT[1]
    assert "copper price" in answer.text and "the lead time" in answer.text


@pytest.mark.parametrize(
    "text",
    [
        "Before the next one, does anything actually happen with these answers?",
        "Quick one first, who gets to see what I write? Don't want our puzzle ideas getting about",
    ],
)
def test_a_question_before_the_next_answer(text: str) -> None:
    assert asks_before_answering(text)


def test_who_sees_what_i_write_is_about_readers_not_the_answers_so_far() -> None:
    text = "who gets to see what I write?"
    assert asks_who_reads(text)
    assert not asks_what_was_said(text)
    assert asks_what_was_said("can I see what I've written so far?")


@pytest.mark.parametrize(
    ("text", "pause"),
    [
        ("Sorry, just had to let a hen party in, all dressed as pirates, long day ahead", True),
        ("soz, had to sign for a pallet", True),
        ("sorry, had to take a call, but yes the roads are awful", False),  # a view after it
        ("sorry, had to serve someone, the parking out front is awful", False),
        ("sorry, was the roads question about potholes?", False),  # asks
    ],
)
def test_back_from_an_errand(text: str, pause: bool) -> None:
    assert holding(text) is pause


def test_put_me_down_as_a_role_is_the_role() -> None:
    profile = {"sector": "organic veg boxes", "role": "owner", "organisation": "Haddenham Veg"}
    text = "@btvlep sorry, put me down as partner not owner, its my wifes business as much as mine"
    assert profile_fixes(text, profile, late=True) == {"role": "partner"}
    text = "actually put us down as an engineering consultancy, we stopped making things"
    assert profile_fixes(text, profile, late=True) == {"sector": "engineering consultancy"}


@pytest.mark.parametrize(
    "text",
    [
        "dunno really, not something ive thought about",
        "not sure what to say on that one",
        "gonna pass on that one",
        "not really our thing",
    ],
)
def test_an_honest_no_view_is_nothing_to_record(text: str) -> None:
    assert means_nothing(text)
    assert not holds(text)  # not a sentence cut off, waiting for its end


@pytest.mark.parametrize(
    "text", ["passing trade is our biggest issue", "not something we can fix alone, the A41 is"]
)
def test_a_view_that_opens_the_same_way_is_kept(text: str) -> None:
    assert not means_nothing(text)
