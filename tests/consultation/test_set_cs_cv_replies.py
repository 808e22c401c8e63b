"""What sets CS to CV of unseen conversations (benchmarks/data/conversation_probe_cs.yml to
_cv.yml) found in the shared readers. CS, owners interrupted mid-way: "Sorry, customer just
walked in" was "didn't catch" at a choice, "Hang on, the delivery lorry's reversing into
the yard" chose Infrastructure, "@btvlep sorry wheres we at" skipped the islands. CT, owners
careful with their details: "I'd rather keep the rest of our details to ourselves" stopped
the questions. CU, frustrated owners: "Nothing will change anyway. It never does." was kept
as a view. CV, plain English: "12 driver and 2 office" was no head count."""

from __future__ import annotations

import pytest

from bot.consultation.asides import continues_answer
from bot.consultation.contact_terms import contact_reply
from bot.consultation.head_count import size_band_for
from bot.consultation.labelled import labelled_answers, later_theme_part
from bot.consultation.name_removal import asks_to_drop_name
from bot.consultation.profile_followups import carried_on_count
from bot.consultation.profile_views import split_profile_view
from bot.consultation.replies import (
    after_return,
    asked_topic,
    declines,
    fed_up_with_bot,
    holding,
    impatient,
    skips_the_rest,
    view_with_question,
)
from bot.consultation.scepticism import doubts_the_consultation

SMALL = "Small (10-49 staff)"


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, customer just walked in",
        "@btvlep hang on phone",
        "@btvlep hang on customer",
        "Hang on, the delivery lorry's reversing into the yard",
        "@btvlep sorry wheres we at",
        "Right, where were we?",
        "Back. Sorry, what was the question?",
    ],
)
def test_an_interruption_or_where_were_we_holds_the_question(text: str) -> None:
    assert holding(text)


@pytest.mark.parametrize(
    "text",
    [
        "the customer is always right",
        "delivery vans cant get down the lane",
        "the lorry's too big for the lane",
        "our driver just quit",
        "phone signal is awful",
    ],
)
def test_views_about_customers_lorries_and_phones_are_no_pause(text: str) -> None:
    assert not holding(text)


def test_more_people_carried_on_after_the_head_count() -> None:
    assert carried_on_count("plus 4 students at weekends", "12 on the payroll") == SMALL
    assert carried_on_count("Aylesbury", "12 on the payroll") is None


def test_which_carries_an_answer_on_but_not_a_question() -> None:
    assert continues_answer("which costs more than we turn over in a year")
    assert not continues_answer("which one do you mean?")


def test_keeping_the_rest_of_the_details_back_skips_the_rest() -> None:
    assert skips_the_rest(
        "I'd rather keep the rest of our details to ourselves, can we just get to the questions?"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Does it matter how many? I'd rather not put a number on it.",
        "Does that matter? I'd sooner not say.",
    ],
)
def test_polite_declines(text: str) -> None:
    assert declines(text)


@pytest.mark.parametrize(
    "text",
    ["No. Please don't add me to anything.", "I'd rather not be on a mailing list, thanks."],
)
def test_a_no_to_the_mailing_list(text: str) -> None:
    reply = contact_reply(text)
    assert reply is not None and reply.wants is False


def test_add_me_still_signs_up() -> None:
    reply = contact_reply("yes add me to the list")
    assert reply is not None and reply.wants is True


def test_the_name_taken_off_at_the_end_of_a_message() -> None:
    text = (
        "Before the last one: Ellery Rowe is my own name. Keep the answers, but please take "
        "the name off."
    )
    assert asks_to_drop_name(text)
    assert not asks_to_drop_name("take the name off the van, customers hate it")


def test_asking_how_to_have_it_deleted_later_is_about_the_data() -> None:
    text = (
        "Sorry, before I carry on: if I regret this later, can I have everything I've said removed?"
    )
    assert asked_topic(text) == "data_privacy"


def test_a_view_then_a_question_that_answers_itself_is_a_view() -> None:
    text = (
        "The litter along the high street is a disgrace and the Chess smells some summers "
        "from the sewage overflows. Who wants to eat chips next to that?"
    )
    assert view_with_question(text)


def test_anger_or_impatience_then_no_time_for_it_is_no_view() -> None:
    assert fed_up_with_bot(
        "You're useless, you know that? I've got a queue out the door and I'm typing to a computer."
    )
    assert not fed_up_with_bot("You're useless. The A41 is gridlocked every morning.")
    assert impatient(
        "How many more of these are there? I've got a loom to finish and if it's many more "
        "I'm closing this."
    )
    assert not impatient("How many more houses will they build? The roads are full.")


@pytest.mark.parametrize(
    "text",
    [
        "Nothing will change anyway. It never does.",
        "@btvlep ffs nothing ever changes round here so idk why im even bothering",
    ],
)
def test_nothing_will_change_doubts_the_consultation(text: str) -> None:
    assert doubts_the_consultation(text)


def test_nothing_changes_on_a_named_road_is_a_view() -> None:
    assert not doubts_the_consultation("nothing ever changes with the A41, it is always gridlocked")


def test_two_counts_in_plain_english() -> None:
    assert size_band_for("12 driver and 2 office") == SMALL


def test_freelancers_beside_the_head_count_are_no_view() -> None:
    assert split_profile_view("size_band", "8 staff, and freelance actors when we need") == (
        "8 staff, and freelance actors when we need",
        None,
    )


def test_the_help_answer_given_before_it_is_asked() -> None:
    text = (
        "Our cleanroom is a converted office and there's nothing like that to rent nearby. "
        "Before you ask what would help: a shared cleanroom small suppliers can book by the week"
    )
    parts = labelled_answers(text, ("opportunities", "barriers", "help"), "barriers")
    assert parts["help"] == "a shared cleanroom small suppliers can book by the week"
    assert parts["barriers"].startswith("Our cleanroom is a converted office")


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Sorry. Yes, that all looks right", "Yes, that all looks right"),
        (
            "Sorry, a customer came in while I was reading that. Yes, that's all fine",
            "Yes, that's all fine",
        ),
    ],
)
def test_a_return_before_the_yes(text: str, after: str) -> None:
    assert after_return(text) == after


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Hang on, let me check which inbox we use for this", True),
        ("let me ask my partner what she thinks", True),
        ("let me see, the roads are bad", False),
        ("Let me ask the council why the roads are so bad", False),
        ("I'll ask the LEP to fix the roads", False),
    ],
)
def test_off_to_check_something(text: str, held: bool) -> None:
    assert holding(text) is held


HOUSING, ENVIRONMENT = "seabed:housing_growth:views", "seabed:environment_quality_of_life:views"


def test_an_answer_that_goes_on_to_a_theme_still_to_come_is_split() -> None:
    text = (
        "the new builds round aylesbury all want a stove but the builders wont put a flue in. "
        "and on the environment one, customers r scared off wood burners by the air quality "
        "stories"
    )
    parts = later_theme_part(text, [HOUSING, ENVIRONMENT])
    assert parts[HOUSING].endswith("wont put a flue in.")
    assert parts[ENVIRONMENT].startswith("customers r scared off wood burners")


@pytest.mark.parametrize(
    "text",
    [
        "the roads are bad. on the other hand, we love it here and so do the staff",
        "the estates are huge. on the housing one, we build them and cannot find brickies",
    ],
)
def test_no_split_without_a_theme_to_come(text: str) -> None:
    assert later_theme_part(text, [HOUSING, ENVIRONMENT]) == {}


def test_which_opening_a_question_carries_nothing_on() -> None:
    assert not continues_answer("which towns does it cover")


@pytest.mark.parametrize(
    "text",
    [
        "This is pointless. The council is too busy to fix the roads",
        "You're useless. The A41 is gridlocked every morning.",
    ],
)
def test_anger_then_a_view_keeps_the_view(text: str) -> None:
    assert not fed_up_with_bot(text)


def test_a_real_question_after_a_view_is_no_rhetoric() -> None:
    text = "Our firm is growing fast and we are hiring. How can we get involved in shaping this?"
    assert not view_with_question(text)


def test_seeing_something_other_than_the_answers_is_no_privacy_question() -> None:
    assert asked_topic("can anyone see a way to fix the A41?") is None
    assert asked_topic("Will the council see what I write here, or only the LEP?") == "data_privacy"
