"""What the fifth set of unseen conversations (benchmarks/data/conversation_probe_e.yml)
found in reading replies, tested without Rasa."""

from __future__ import annotations

import pytest

from bot.consultation.asides import (
    asks_what_the_question_means,
    asks_what_was_said,
    points_elsewhere,
    refers_back,
    steps_aside,
)
from bot.consultation.profile import head_count_given, plain_profile_answer, size_band_for
from bot.consultation.replies import means_nothing, skips_the_rest


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("5 paid staff and about 40 volunteers", "Micro (1-9 staff)"),
        ("12 staff, 30+ volunteers", "Small (10-49 staff)"),
        ("3 of us plus 6 trustees", "Micro (1-9 staff)"),
    ],
)
def test_volunteers_and_trustees_are_not_staff(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("bespoke joinery, there's 14 of us", "Small (10-49 staff)"),
        ("accountancy practice with 60 staff", "Medium (50-249 staff)"),
        ("Chesham, team of 4", "Micro (1-9 staff)"),
    ],
)
def test_a_head_count_given_with_another_answer(text: str, band: str) -> None:
    assert head_count_given(text) == band


@pytest.mark.parametrize("text", ["Unit 14, Cressex", "A41 Services", "bespoke joinery"])
def test_no_head_count_given(text: str) -> None:
    assert head_count_given(text) is None


@pytest.mark.parametrize("text", ["Penn Street Joinery", "Lane End", "Kingsbrook Vets Ltd"])
def test_a_name_or_place_is_a_plain_profile_answer(text: str) -> None:
    assert plain_profile_answer(text)


@pytest.mark.parametrize(
    "text", ["privacy?", "what's the Arc", "who can I talk to", "data protection", "the LEP"]
)
def test_a_question_or_faq_topic_is_not_a_plain_profile_answer(text: str) -> None:
    assert not plain_profile_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "see my website",
        "www.marlowboathire.co.uk",
        "https://example.org/about",
        "it's all on our website",
    ],
)
def test_a_reply_that_points_elsewhere(text: str) -> None:
    assert points_elsewhere(text)


@pytest.mark.parametrize(
    "text",
    [
        "the website is out of date and customers complain",
        "we sell via amazon.co.uk and the fees are killing us",
        "see above",  # the answer before: same_as_before's job
    ],
)
def test_a_view_with_a_link_or_a_website_in_it_is_a_view(text: str) -> None:
    assert not points_elsewhere(text)


@pytest.mark.parametrize(
    "text",
    [
        "can I see what I've said so far?",
        "what have I told you",
        "show me my answers",
        "what did I say about roads?",
        "what do you mean by barriers?",
        "like what?",
        "are you a bot?",
    ],
)
def test_asides_about_the_chat(text: str) -> None:
    assert steps_aside(text)


@pytest.mark.parametrize(
    "text",
    [
        "what I said before about parking still stands",
        "what do you mean by the council should fix the roads",
        "we can't see what the council has planned for the site",
    ],
)
def test_views_that_mention_saying_are_not_asides(text: str) -> None:
    assert not steps_aside(text)


def test_what_was_said_only_as_a_request() -> None:
    assert asks_what_was_said("what have you noted so far")
    assert not asks_what_was_said("we've said for years the bypass is needed")


@pytest.mark.parametrize("text", ["right, that one then", "go with that", "yes that", "that one"])
def test_refers_back(text: str) -> None:
    assert refers_back(text)


@pytest.mark.parametrize("text", ["that is the problem", "the roads", "space"])
def test_does_not_refer_back(text: str) -> None:
    assert not refers_back(text)


def test_what_the_question_means_is_whole_short_questions() -> None:
    assert asks_what_the_question_means("sorry what does that mean")
    assert not asks_what_the_question_means("nobody knows what the council means by growth")


@pytest.mark.parametrize(
    ("text", "rest", "nothing"),
    [
        ("ngl cba with all these", True, False),
        ("can't be arsed with this bit", True, False),
        ("cba tbf", False, True),
        ("we can't be bothered with the council anymore, they never listen", False, False),
    ],
)
def test_slang_for_skipping(text: str, rest: bool, nothing: bool) -> None:
    assert skips_the_rest(text) is rest
    assert means_nothing(text) is nothing
