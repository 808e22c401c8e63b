"""Readings that set FY of unseen conversations (owners asking about the strategy itself)
found wanting (no Rasa): a question opened by "Before the barriers one," was no question;
"does this strategy cover businesses like mine, or is it all film studios and rockets?"
was one island's; "how would I get to see the finished strategy?" the Board's date alone;
"who came up with these seabed things" and a PDF at a choice nothing; "does it say
anything about net zero" the focus; "is there an actual person at the lep i can talk to
...?" a view. Checked with phrasings the set did not use, the replies from seeds/, and the
views with the same words that must stay views."""

from __future__ import annotations

import pytest

from bot.consultation.focus import asks_if_it_covers_us
from bot.consultation.involvement import involvement_key, involvement_text
from bot.consultation.participation import asks_for_a_call, asks_for_a_person
from bot.consultation.questions import message
from bot.consultation.replies import asked_topic, question_before_remark
from bot.consultation.strategy_asides import asks_why_these, strategy_aside_reply
from bot.strategy import load_strategy


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Before the barriers one, when does this consultation close? I'd like to send it "
            "round the rest of the team first.",
            "Before the barriers one, when does this consultation close",
        ),
        ("before the next question, who sees this? just wondering", None),
        ("b4 that one, whats the arc? never heard of it", None),
    ],
)
def test_a_question_before_the_question_named(text: str, asked: str | None) -> None:
    question = question_before_remark(text)
    assert question is not None
    assert asked is None or question == asked


def test_a_view_after_the_question_named_is_no_question() -> None:
    assert question_before_remark("Before the barriers one, rents are too high.") is None


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep does this strategy say anything about net zero or is that a separate thing",
        "does it mention net zero?",
        "is there anything in it about clean growth?",
        "what does the strategy say about climate change?",
        "does the LIS cover decarbonisation?",
    ],
)
def test_net_zero_asks_about_the_national_strategy(text: str) -> None:
    assert asked_topic(text) == "national_strategy"
    assert "clean growth" in load_strategy()["national_strategy"]["grand_challenges"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("does the strategy say anything about the chilterns at all?", "focus"),
        ("is the environment one about climate stuff or more the countryside", None),
    ],
)
def test_other_says_anything_about_questions_are_unchanged(text: str, topic: str | None) -> None:
    assert asked_topic(text) == topic


@pytest.mark.parametrize(
    "text",
    [
        "How would I get to see the finished strategy once it's published?",
        "where can we read the final report when its done?",
        "how do we get a copy of the strategy?",
    ],
)
def test_how_to_see_the_finished_strategy_is_the_outcome(text: str) -> None:
    assert involvement_key(text) == "outcome"
    assert "follow-up email" in involvement_text("outcome")


@pytest.mark.parametrize(
    "text",
    ["when will the final strategy be out?", "Will we get to see a draft before it's signed off?"],
)
def test_when_it_is_out_is_still_the_timetable(text: str) -> None:
    assert involvement_key(text) is None


def test_a_pdf_at_a_choice_asks_for_no_sentence_there() -> None:
    text = "@btvlep can i email over our full proposal as well? its a 6 page pdf"
    assert involvement_key(text) == "written_response"
    for asking in ("islands", "seabed"):
        reply = involvement_text("written_response", asking)
        assert "Lisa.McCance@sharedintelligence.net" in reply
        assert "in a sentence" not in reply
    # at an open question the points are still asked for in a sentence or two
    assert "in a sentence" in involvement_text("written_response", "seabed_answer")
    assert involvement_text("written_response") == message(
        "written_response", **load_strategy()["get_involved"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep who came up with these seabed things anyway, was it businesses or just officials",
        "who chose the islands?",
        "so who decided on the seabed drivers",
        "who actually picked these",
    ],
)
def test_who_came_up_with_the_lists_is_the_steering_group(text: str) -> None:
    assert asks_why_these(text)
    reply = strategy_aside_reply(text)
    assert reply is not None and "steering group" in reply


@pytest.mark.parametrize(
    "text",
    ["who decided on the A41 bypass route?", "who came up with the idea of a bypass?"],
)
def test_who_chose_something_else_is_not_the_lists(text: str) -> None:
    assert not asks_why_these(text)


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep is there an actual person at the lep i can talk to about the space supply "
        "chain? bots fine but id rather talk it through",
        "is there a real person I can speak to?",
        "Is there someone at Shared Intelligence we could talk to?",
    ],
)
def test_a_person_to_talk_to(text: str) -> None:
    assert asks_for_a_person(text) and asks_for_a_call(text)


@pytest.mark.parametrize(
    "text",
    [
        "is there anyone at the council we can talk to about planning? it takes months",
        "is there someone at the lep i can talk to? nobody at the council ever answers",
        "is there someone who can help with grants?",
    ],
)
def test_no_person_of_ours_or_a_view_beside_it(text: str) -> None:
    assert not asks_for_a_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hello. Does this strategy actually cover businesses like mine, or is it all film "
        "studios and rockets?",
        "is this for businesses like mine?",
        "@btvlep does the strategy cover the likes of us",
        "is there anything in this for a small firm like ours?",
        "does this apply to people like me?",
    ],
)
def test_businesses_like_mine(text: str) -> None:
    assert asks_if_it_covers_us(text)


@pytest.mark.parametrize(
    "text",
    [
        "is high performance technology just Formula One, or does it cover firms like us?",
        "businesses like mine need cheaper rents",
        "does this cover games too or is it all film and tv?",
    ],
)
def test_a_theme_asked_about_or_a_view_is_not_businesses_like_mine(text: str) -> None:
    assert not asks_if_it_covers_us(text)
