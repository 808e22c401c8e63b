"""Set W (benchmarks/data/conversation_probe_w.yml), the businesses steering the chat, read
without Rasa: a numbered profile, several questions answered under the questions' own
words or places, "go back to question 2", "skip the islands, go straight to skills", the
question before last named by its own words, "keep my views but not my name". The set's
messages, paraphrases it does not use, and for every reader views with the same trigger
words that must stay views."""

from __future__ import annotations

import pytest

from bot.consultation.afterthoughts import earlier_question
from bot.consultation.choice_view import view_beside_none
from bot.consultation.labelled import labelled_answers
from bot.consultation.name_removal import asks_to_drop_name
from bot.consultation.navigation import go_back
from bot.consultation.numbered_profile import numbered_profile

ISLAND = ("opportunities", "barriers", "help")
MEDTECH = [f"island:medical_technologies:{q}" for q in ISLAND]
SEABED = ["seabed:education_skills:views", "seabed:infrastructure:views"]


@pytest.mark.parametrize(
    ("text", "slot", "fields"),
    [
        (  # the set's
            "1) Amersham Lighting Ltd 2) lighting design 3) 12 staff 4) Amersham 5) owner",
            "organisation",
            {
                "organisation": "Amersham Lighting Ltd",
                "sector": "lighting design",
                "size_band": "12 staff",
                "location": "Amersham",
                "role": "owner",
            },
        ),
        (
            "1. Chesham Print Works\n2. commercial printing\n3. 8 people\n4. Chesham\n5. director",
            "organisation",
            {
                "organisation": "Chesham Print Works",
                "sector": "commercial printing",
                "size_band": "8 people",
                "location": "Chesham",
                "role": "director",
            },
        ),
        (
            "sure: 1 - Wendover Web, 2 - web design, 3 - just me",
            "organisation",
            {"organisation": "Wendover Web", "sector": "web design", "size_band": "just me"},
        ),
        (
            "1) name: Olney Bakes 2) sector: bakery 3) staff: 4",
            "organisation",
            {"organisation": "Olney Bakes", "sector": "bakery", "size_band": "4"},
        ),
        (  # at the sector question: from the sector on
            "(1) joinery (2) 14 of us (3) Princes Risborough",
            "sector",
            {"sector": "joinery", "size_band": "14 of us", "location": "Princes Risborough"},
        ),
    ],
)
def test_a_numbered_profile_is_read_field_by_field(
    text: str, slot: str, fields: dict[str, str]
) -> None:
    assert numbered_profile(text, slot) == fields


@pytest.mark.parametrize(
    "text",
    [
        "we have 3 sites: 1) Aylesbury 2) Wycombe",  # two items: a name with a list in it
        "Unit 1, 2 Station Road, Amersham",
        "our 3 biggest problems are roads, 1) the A41 2) the A413 3) the A418, all jammed",
        "Studio 3. 2 - 4 High Street",
    ],
)
def test_a_name_or_view_with_numbers_is_no_numbered_profile(text: str) -> None:
    assert numbered_profile(text, "organisation") == {}


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("1. bespoke kitchens 2. joinery 3. restoration work", "sector"),  # three trades
        ("1) Aylesbury 2) Wendover 3) Thame", "location"),  # three sites
        ("1) MD 2) finance 3) HR, I do the lot", "role"),  # three hats
        ("1) plumbing 2) heating 3) gas safety 4) bathrooms", "organisation"),
    ],
)
def test_a_numbered_answer_to_one_question_is_not_split_over_the_profile(
    text: str, slot: str
) -> None:
    assert numbered_profile(text, slot) == {}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (  # the set's
            "barriers: we can't get staff with security clearance. what would help: the LEP "
            "running a clearance scheme with the primes",
            {
                "barriers": "we can't get staff with security clearance.",
                "help": "the LEP running a clearance scheme with the primes",
            },
        ),
        (  # the set's
            "first one: Pinewood's new stages mean more set-building work for us. second one: "
            "we can't find carpenters. third one: Bucks New Uni should run a scenic carpentry "
            "course",
            {
                "opportunities": "Pinewood's new stages mean more set-building work for us.",
                "barriers": "we can't find carpenters.",
                "help": "Bucks New Uni should run a scenic carpentry course",
            },
        ),
        (
            "Q1 - more contracts from Silverstone. Q2 - no fibre. Q3 - a fibre voucher",
            {
                "opportunities": "more contracts from Silverstone.",
                "barriers": "no fibre.",
                "help": "a fibre voucher",
            },
        ),
        (
            "opportunities: the Arc. barriers: planning delays. what would help: a faster council",
            {
                "opportunities": "the Arc.",
                "barriers": "planning delays.",
                "help": "a faster council",
            },
        ),
        (
            "1st one: clean rooms for satellite makers, 2nd one: nobody knows we exist",
            {
                "opportunities": "clean rooms for satellite makers,",
                "barriers": "nobody knows we exist",
            },
        ),
    ],
)
def test_several_questions_in_one_line_are_split(text: str, parts: dict[str, str]) -> None:
    assert labelled_answers(text, ISLAND) == parts


@pytest.mark.parametrize(
    "text",
    [
        # set H's: labels in other words in one line stay one answer
        "opportunity: Westcott is growing fast and they need machining. problem: no fibre",
        "we need help: the barriers to hiring are the cost of housing and the trains",
        "the first one to go was our apprentice, the second one left for London",
        "Pinewood is the first one we think of. the barriers: nobody answers our emails",
    ],
)
def test_a_view_with_label_words_in_it_is_one_answer(text: str) -> None:
    assert labelled_answers(text, ISLAND) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("can we go back to question 2, I forgot something", MEDTECH[1]),  # the set's
        ("sorry can I go back to the second question", MEDTECH[1]),
        ("back to the barriers one please", MEDTECH[1]),
        ("oh wait, let me change my answer to question 1", MEDTECH[0]),
    ],
)
def test_going_back_to_a_question_asks_it_again(text: str, key: str) -> None:
    back = go_back(text, MEDTECH[2], MEDTECH)
    assert back is not None and back.key == key and back.view == ""


def test_the_previous_question_is_left_to_set_k_s_reply() -> None:
    # "can I go back to the previous question?": how to put the last answer right (set K)
    assert go_back("can I go back to the previous question?", MEDTECH[2], MEDTECH) is None


def test_going_back_with_a_view_keeps_it_against_that_question() -> None:
    text = "back to q1 - also the spinal unit at Stoke Mandeville wants to trial our cushions"
    back = go_back(text, MEDTECH[2], MEDTECH)
    assert back is not None and back.key == MEDTECH[0]
    assert back.view == "also the spinal unit at Stoke Mandeville wants to trial our cushions"


def test_going_back_on_the_seabed_counts_the_drivers() -> None:
    back = go_back("can I go back to question 1", SEABED[1], SEABED)
    assert back is not None and back.key == SEABED[0]


def test_going_back_to_a_question_not_asked_yet_names_none() -> None:
    back = go_back("can we go back to question 3", MEDTECH[1], MEDTECH)
    assert back is not None and back.key is None


@pytest.mark.parametrize(
    "text",
    [
        "we always go back to the first one we tried, the NHS supply chain is closed to us",
        "NHS trusts go back to the first question of cost every time we pitch",
        "getting back to question 2 of the tender form took us three weeks of paperwork",
        "the trusts never come back to the barriers question of procurement rules",
    ],
)
def test_a_view_with_go_back_in_it_is_no_request(text: str) -> None:
    assert go_back(text, MEDTECH[2], MEDTECH) is None


@pytest.mark.parametrize(
    "text",
    [
        "skip the islands, go straight to skills",  # the set's
        "none of the islands, take me straight to the housing one",
        "not the islands. jump to infrastructure please",
        "skip the islands - straight on to environment",
    ],
)
def test_words_that_move_the_choice_on_are_no_view(text: str) -> None:
    assert view_beside_none(text) is None


@pytest.mark.parametrize(
    ("text", "view"),
    [
        (
            "skip the islands, go straight to skills because we can't find apprentices",
            "go straight to skills because we can't find apprentices",
        ),
        (
            "none of the islands, the A41 is jammed every morning and our vans sit in it",
            "the A41 is jammed every morning and our vans sit in it",
        ),
        (
            "not the islands, we go straight to London for staff because rents are mad here",
            "we go straight to London for staff because rents are mad here",
        ),
    ],
)
def test_a_view_beside_moving_on_is_kept(text: str, view: str) -> None:
    assert view_beside_none(text) == view


SPACE = ["island:space:opportunities", "island:space:barriers"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (  # the set's
            "oh and on the opportunities one, the new satellite testing centre at Westcott "
            "could use our clean rooms",
            SPACE[0],
        ),
        ("going back to the barriers question, the primes never reply to us", SPACE[1]),
        ("re the opportunities bit: Harwell firms need testing space too", SPACE[0]),
        ("about the problems one - business rates at Westcott are rising", SPACE[1]),
    ],
)
def test_an_earlier_question_named_by_its_words_takes_the_late_answer(text: str, key: str) -> None:
    assert earlier_question(text, "island:space:help", SPACE) == key


def test_the_question_pending_named_by_its_words_is_no_late_answer() -> None:
    text = "on the opportunities one, the satellite centre could use our clean rooms"
    assert earlier_question(text, "island:space:opportunities", []) is None


@pytest.mark.parametrize(
    "text",
    [
        "keep my views but don't keep my name or the shop's name please",  # the set's
        "can you leave our company name off it?",
        "use my answers anonymously please",
        "fine to keep what I said, just remove my name",
        "please don't put our business name against the answers",
        "I don't want my name on it, the views are fine",
    ],
)
def test_keep_the_views_drop_the_name(text: str) -> None:
    assert asks_to_drop_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "leave my name off it, but the A41 is a joke every morning for our vans",
        "customers don't want their names kept, GDPR is a headache for small shops",
        "the council should remove the name Aylesbury Vale from the signs, nobody finds us",
        "we don't use our company name on the vans because of theft from the yard",
        "customers don't want our name on their invoices because of the courier fees",
    ],
)
def test_a_view_with_name_words_in_it_is_no_request(text: str) -> None:
    assert not asks_to_drop_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "we get anonymous complaints from customers about parking in Marlow every week",
        "the anonymous tip-off line for fly-tipping on our farm never gets answered",
        "I don't want to keep driving to London for training, the college should run it",
    ],
)
def test_a_view_with_anonymous_in_it_is_no_request(text: str) -> None:
    assert not asks_to_drop_name(text)


def test_i_dont_want_you_to_keep_my_name_is_a_request() -> None:
    assert asks_to_drop_name("I don't want you to keep my name, the answers are fine")


def test_a_short_view_given_with_going_back_is_kept() -> None:
    part = ["island:space:opportunities", "island:space:barriers", "island:space:help"]
    back = go_back("back to the barriers one: rents are mad", "island:space:help", part)
    assert back is not None and back.key == "island:space:barriers"
    assert back.view == "rents are mad"


@pytest.mark.parametrize(
    "text",
    ["first: we can't hire. second: the A41.", "1st: staff. 2nd: rent, 3rd: the roads"],
)
def test_points_of_one_answer_are_not_read_as_the_questions_by_place(text: str) -> None:
    assert labelled_answers(text, ("opportunities", "barriers", "help")) == {}
