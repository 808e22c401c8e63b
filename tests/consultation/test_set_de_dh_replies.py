"""Replies sets DE to DH of unseen conversations found misread, tested without Rasa: "Please
do" to the follow-up question (asked "a yes or a no?"), "What sort of thing counts as a
barrier here?" (kept as the answer), "is this saving as i go?" (kept as the answer), "I said
none too quickly. Put us down for film and TV" at the seabed choice ("didn't catch"), and
"Motorsport and space, but can we do space first?" (its reason kept as a view)."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import asks_to_finish_later
from bot.consultation.choice_changes import islands_after_all
from bot.consultation.leaving import asks_to_forget
from bot.consultation.navigation import first_in_choice
from bot.consultation.question_help import asks_what_the_question_means
from bot.consultation.replies.yes_no import says_no, says_yes
from bot.strategy import ISLAND_IDS


@pytest.mark.parametrize("text", ["Please do", "please do, thanks", "Go ahead", "by all means"])
def test_a_yes_in_other_words(text: str) -> None:
    assert says_yes(text) and not says_no(text)


@pytest.mark.parametrize("text", ["do", "please don't", "go ahead and delete it all"])
def test_not_a_plain_yes(text: str) -> None:
    assert not says_yes(text)


def test_what_counts_as_a_barrier_is_asked_about_the_question() -> None:
    text = "What sort of thing counts as a barrier here? Do you mean money, or more like red tape?"
    assert asks_what_the_question_means(text)


def test_the_question_with_its_answer_after_it_is_a_view() -> None:
    # the answer after the question names a subject (the keyword tagger hears "rent")
    text = "What sort of thing counts as a barrier? The rent is the big one for us, it doubled"
    assert not asks_what_the_question_means(text)


@pytest.mark.parametrize(
    "text",
    [
        "sorry quick q, is this saving as i go? phone's on 4%",
        "@btvlep is this being saved?",
        "does it save as i go",
    ],
)
def test_is_it_saving_as_i_go(text: str) -> None:
    assert asks_to_finish_later(text)


@pytest.mark.parametrize(
    "text", ["is my data stored securely in the UK?", "our work is being saved by the council"]
)
def test_not_asking_whether_it_saves(text: str) -> None:
    assert not asks_to_finish_later(text)


def test_islands_taken_up_after_none() -> None:
    text = "Hang on, I said none too quickly. Put us down for film and TV."
    assert islands_after_all(text) == ["creative_digital"]


@pytest.mark.parametrize(
    "text", ["skills and infrastructure", "actually film and skills", "actually none"]
)
def test_no_islands_after_all(text: str) -> None:
    assert islands_after_all(text) == []


def test_an_order_asked_with_the_choice() -> None:
    text = "Motorsport and space, but can we do space first? It's most of our work now."
    assert first_in_choice(text, ISLAND_IDS) == (["space"], "Motorsport and space")


@pytest.mark.parametrize("text", ["Can we do space first?", "space and film", "space, first thing"])
def test_no_order_asked(text: str) -> None:
    assert first_in_choice(text, ISLAND_IDS) is None


@pytest.mark.parametrize(
    "text", ["@btvlep none, its a scrap yard", "we run a scrap metal business"]
)
def test_scrap_as_a_trade_is_no_request_to_delete(text: str) -> None:
    assert not asks_to_forget(text)


@pytest.mark.parametrize("text", ["scrap everything", "can you scrap my answers"])
def test_scrap_as_a_request_still_deletes(text: str) -> None:
    assert asks_to_forget(text)
