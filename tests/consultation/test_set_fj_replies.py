"""What set FJ of unseen conversations (the ordinary website consultation, eighth round)
found in the replies: "Do you want my view as the manager or the nursery's?" at a driver's
question was kept as the answer; a question about whose view is wanted is the question not
yet understood (explained and asked again, nothing stored)."""

from __future__ import annotations

import pytest

from bot.consultation.question_help import asks_what_the_question_means


@pytest.mark.parametrize(
    "text",
    [
        "Do you want my view as the manager or the nursery's?",
        "would you like our views as a business or as parents?",
        "@btvlep do u want my own opinion or the company's?",
        "Should I answer as the owner or for the whole trade?",
    ],
)
def test_whose_view_is_wanted_is_asked_about_the_question(text: str) -> None:
    assert asks_what_the_question_means(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council pays our funded hours late or not at all.",
        "We'd like our views listened to for once, or what's the point?",
        "Do you want my view? Funding is late and the rate is too low or never reviewed.",
    ],
)
def test_a_view_with_or_in_it_is_still_a_view(text: str) -> None:
    assert not asks_what_the_question_means(text)
