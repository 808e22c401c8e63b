"""What the ninth set of unseen conversations (benchmarks/data/conversation_probe_i.yml)
found in reading replies, tested without Rasa: "k" as a yes, a head count in hundreds, a
first name before the role, a view ending in a question about acting on it, "see
attached", "can my colleague do this too?", "sorry wrong chat" / "scrap that", a name
corrected at the next question, an email spelled out and one labelled message for three
questions."""

from __future__ import annotations

import pytest

from bot.consultation.asides import (
    pointer_reply,
    points_to_attachment,
    steps_aside,
)
from bot.consultation.email_text import find_email
from bot.consultation.labelled import labelled_answers
from bot.consultation.participation import asks_if_others_can_take_part
from bot.consultation.profile import size_band_for, tidy_profile_answer
from bot.consultation.profile_fixes import corrected_name
from bot.consultation.replies import (
    acknowledgement_only,
    corrects_last_answer,
    looks_like_question,
    says_no,
    says_yes,
    takes_back_last_answer,
    view_with_question,
)

MICRO, MEDIUM = "Micro (1-9 staff)", "Medium (50-249 staff)"


@pytest.mark.parametrize("text", ["k", "K.", "kk", "ye", "yeh", "okie", "yass"])
def test_a_one_thumb_yes_is_a_yes_and_no_view(text: str) -> None:
    assert says_yes(text) and not says_no(text)
    assert acknowledgement_only(text)


@pytest.mark.parametrize("text", ["kids", "keep it", "yew hedges", "no", "n"])
def test_words_that_start_like_a_yes_are_not_one(text: str) -> None:
    assert not says_yes(text)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("a couple of hundred across both sites", MEDIUM),
        ("two hundred", MEDIUM),
        ("couple hundred", MEDIUM),
        ("3 hundred", "Large (250+ staff)"),
        ("a few hundred", None),  # 200-400 spans two bands: kept as typed
        ("a couple", MICRO),
        ("3 staff and about 20 volunteers", MICRO),
    ],
)
def test_a_head_count_in_hundreds_is_one_count(text: str, band: str | None) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Dave, I'm the owner", "owner"),
        ("hi, it's Sue, I'm the practice manager", "practice manager"),
        ("Dave here, I'm the MD", "MD"),
        ("I'm the owner", "owner"),
        ("managing director, co-owner", "managing director, co-owner"),
        ("Owner, I'm also the accountant", "Owner, I'm also the accountant"),  # no name
    ],
)
def test_a_first_name_before_the_role_is_not_the_role(text: str, role: str) -> None:
    assert tidy_profile_answer("role", text) == role


@pytest.mark.parametrize(
    "text",
    [
        "the broadband on our estate is awful, will the LEP actually fix it?",
        "the A41 is a nightmare - is anyone going to do anything about it?",
        "parking is a joke. when will the council sort it out???",
    ],
)
def test_a_view_with_a_question_about_acting_on_it_is_a_view(text: str) -> None:
    assert looks_like_question(text)  # what sent it to the FAQ before
    assert view_with_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "we're a garden centre, is this only for tech companies?",
        "what is the arc?",
        "we make brakes, can you help?",  # three words: no view to keep
        "so what happens next, will anyone read this?",
        "the broadband is awful, will the LEP fix it",  # no question mark: a view anyway
    ],
)
def test_a_question_is_not_read_as_a_view(text: str) -> None:
    assert not view_with_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "please see the attached document, it sets out our board's position",
        "I've attached our response",
        "see attached",
        "I have attached a pdf",
    ],
)
def test_a_pointer_to_an_attachment_asks_for_the_main_points(text: str) -> None:
    assert points_to_attachment(text)
    assert pointer_reply(text) == "attachments"


def test_other_pointers_and_views_keep_their_reply() -> None:
    assert pointer_reply("see my website") == "points_elsewhere"
    assert pointer_reply("we attached solar panels to the roof") is None
    long = "see attached, " + "the roads round here are a disgrace and " * 3
    assert not points_to_attachment(long)


@pytest.mark.parametrize(
    "text",
    [
        "can my colleague fill this in as well? she runs the lab side",
        "should my business partner do it too?",
        "is it ok if my wife answers too",
    ],
)
def test_asking_if_someone_else_can_take_part_is_an_aside(text: str) -> None:
    assert asks_if_others_can_take_part(text)
    assert steps_aside(text)


@pytest.mark.parametrize(
    "text", ["we need more staff who can do the job", "can my staff get training"]
)
def test_views_about_staff_are_not_that_aside(text: str) -> None:
    assert not asks_if_others_can_take_part(text)


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("sorry wrong chat!! ignore that", ""),
        ("that was meant for my wife", ""),
        ("oops wrong window", ""),
        ("wrong chat sorry", ""),
        ("ignore that", ""),
        ("scratch that", ""),
        (
            "actually scrap that, the real opportunity is testing drones at Westcott",
            "the real opportunity is testing drones at westcott",
        ),
    ],
)
def test_taking_back_the_last_answer(text: str, replacement: str) -> None:
    assert takes_back_last_answer(text) == replacement


@pytest.mark.parametrize(
    "text",
    [
        "sorry I meant Silverstone Park",  # corrects: both kept
        "scrap the A41 plans and fix the junction",
        "ignore the council, they never listen",
        "ignore it",  # at a question: not clearly the last answer
        "the roads need fixing",
    ],
)
def test_a_correction_or_a_view_is_not_taking_back(text: str) -> None:
    assert takes_back_last_answer(text) is None


def test_a_correction_still_corrects() -> None:
    assert corrects_last_answer("sorry I meant Silverstone Park")


@pytest.mark.parametrize(
    ("text", "name", "fixed"),
    [
        ("sorry it's Chiltern Cycles, with an s", "Chiltern Cycle", "Chiltern Cycles"),
        ("typo, should be Hale Leys Print", "Hale Lees Print", "Hale Leys Print"),
        ("sorry Chiltern Cycles not Cycle", "Chiltern Cycle", "Chiltern Cycles"),
        ("sorry, we are a bike shop", "Chiltern Cycle", None),  # the sector
        ("sorry, Chesham", "Chiltern Cycle", None),
        ("bike shop", "Chiltern Cycle", None),
        ("sorry it's Chiltern Cycles", None, None),  # no name given before
    ],
)
def test_a_name_corrected_at_the_next_question(
    text: str, name: str | None, fixed: str | None
) -> None:
    assert corrected_name(text, name) == fixed


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("sam dot patel at gmail dot com", "sam.patel@gmail.com"),
        ("my email is sam dot patel at gmail dot com thanks", "sam.patel@gmail.com"),
        ("bob (at) smithbuilders (dot) co (dot) uk", "bob@smithbuilders.co.uk"),
        ("sam [at] gmail [dot] com", "sam@gmail.com"),
        ("jo dot bloggs at btinternet dot com.", "jo.bloggs@btinternet.com"),
        ("Tom.Jones@X.co.uk.", "Tom.Jones@X.co.uk"),
        ("bob at gmail", None),  # no domain ending: asked again
        ("see you at 5. thanks", None),
        ("we meet at the park dot", None),
        ("yes send me the results", None),
    ],
)
def test_an_email_typed_or_spelled_out(text: str, email: str | None) -> None:
    assert find_email(text) == email


def test_a_labelled_message_gives_each_question_its_part() -> None:
    text = (
        "Opportunities: Pinewood's expansion means more work.\n"
        "Barriers: we can't find editors.\nHelp: a creative workspace in Beaconsfield."
    )
    assert labelled_answers(text) == {
        "opportunities": "Pinewood's expansion means more work.",
        "barriers": "we can't find editors.",
        "help": "a creative workspace in Beaconsfield.",
    }
    dashes = "- Opportunities - lots\n- Barriers - rent\n- What would help - cheaper rent"
    assert labelled_answers(dashes) == {
        "opportunities": "lots",
        "barriers": "rent",
        "help": "cheaper rent",
    }


@pytest.mark.parametrize(
    "text",
    [
        "we need help: money",  # one label, not at the start
        "Help: grants",  # one question only
        "The problem: rent is high. Help: none",  # words before the first label
        # labels inline in one line (set H): the answer to the question asked
        "opportunity: Westcott is growing fast. problem: no fibre out there at all",
    ],
)
def test_an_answer_that_mentions_a_label_is_one_answer(text: str) -> None:
    assert labelled_answers(text) == {}
