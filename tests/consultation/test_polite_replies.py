"""A very polite business (set AC's beekeeper): a courtesy around an answer is no part of
it, a gentle "I'd rather not say" is a skip, and "Oh, yes please, that would be lovely" is
a yes. No Rasa."""

from __future__ import annotations

import pytest

from bot.consultation.choice_view import choice_and_view, named_only
from bot.consultation.profile import tidy_profile_answer
from bot.consultation.profile_checks import name_without_remark
from bot.consultation.remarks import remark_reply
from bot.consultation.replies import declines, means_nothing, says_yes, second_thoughts
from bot.strategy import SEABED_IDS


@pytest.mark.parametrize(
    "text",
    [
        "If it's all the same to you, I'd rather not say how many of us there are. I do hope "
        "that's alright.",
        "Oh dear, I'm not sure I'm really the right person to ask about that one, so perhaps "
        "I'll leave it, if you don't mind terribly.",
        "I think I'll skip that one, thank you",
        "we'd prefer not to share that",
    ],
)
def test_a_gentle_decline_is_nothing_to_record(text: str) -> None:
    assert declines(text) and means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll leave it to the council to sort out the roads",
        "I'd rather not say, but the A41 is awful every morning",
        "we'd rather not pay business rates on an empty barn",
        "I'm not the right person to ask, we can't find any staff at all",  # a need
    ],
)
def test_a_view_beside_a_no_is_not_a_decline(text: str) -> None:
    assert not declines(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Certainly. We're Hambleden Valley Honey, a small family concern.",
            "Hambleden Valley Honey",
        ),
        ("Of course - it's called Penn Joinery", "Penn Joinery"),
        ("Smith & Sons, a family-run firm since 1920", "Smith & Sons"),
        ("We Are Digital", "We Are Digital"),  # a name, not a lead-in
        ("Sure Start Nursery", "Sure Start Nursery"),  # no punctuation: the name
    ],
)
def test_a_courtesy_and_a_description_are_no_part_of_the_name(text: str, name: str) -> None:
    assert name_without_remark(tidy_profile_answer("organisation", text)) == name


def test_a_courtesy_between_theme_names_is_no_view() -> None:
    text = "Housing, if I may, and the environment one most certainly."
    assert choice_and_view(text, SEABED_IDS) is None
    assert named_only(text)
    view = choice_and_view(
        "Housing, if I may. The new estates have no units for trades", SEABED_IDS
    )
    assert view is not None and view.view == "The new estates have no units for trades"


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Oh, yes please, that would be lovely.", True),
        ("yes, that sounds great", True),
        ("oh", False),
        ("that would be lovely", False),  # no yes in it: asked again
        ("oh no", False),
    ],
)
def test_a_yes_with_pleasantries_is_a_yes(text: str, yes: bool) -> None:
    assert says_yes(text) is yes


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        (
            "hmm actually I'm having second thoughts about this, not sure I want to end up on "
            "some government list",
            True,
        ),
        ("Not sure I want to carry on tbh", True),
        ("getting cold feet about this", True),
        ("second thoughts on the bypass route, it should go east", False),  # a view
        ("not sure about this, but the roads are awful", False),  # a view after the but
    ],
)
def test_second_thoughts_about_taking_part_are_no_view(text: str, doubt: bool) -> None:
    assert second_thoughts(text) is doubt


@pytest.mark.parametrize(
    ("text", "obvious"),
    [
        ("@btvlep isnt it obvious", True),
        ("you tell me", True),
        ("well surely it's obvious", True),
        ("obviously the roads", False),  # the answer, given
        ("what do you think of the A40", False),
    ],
)
def test_isnt_it_obvious_asks_for_the_answer_again(text: str, obvious: bool) -> None:
    assert (remark_reply(text) == "say_it_anyway") is obvious
    assert not means_nothing(text)  # never a skip: the answer usually comes next


@pytest.mark.parametrize(
    ("text", "tidy"),
    [
        ("can you tidy up my speling before anyone reads it? embarassing", True),
        ("could you fix my typos please", True),
        ("can you fix the roads into Chesham", False),  # a view
    ],
)
def test_a_request_to_tidy_the_spelling_is_answered_not_kept(text: str, tidy: bool) -> None:
    assert (remark_reply(text) == "spelling_kept") is tidy
