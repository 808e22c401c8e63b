"""Sets CM (chatty, friendly owners) and CN (firms on the county's edge or with more than
one site) of unseen conversations, first runs 1 / 12 each: small talk kept as answers or
read as choices, a Bucks site beside one outside the county filed with the whole answer,
"milton keynes, does that count?" told the strategy's focus."""

from __future__ import annotations

import pytest

from bot.consultation.bucks_site import bucks_site
from bot.consultation.remarks import remark_reply
from bot.consultation.small_talk import small_talk_only, thanks_alone, without_small_talk
from bot.consultation.standing import asks_if_i_count


@pytest.mark.parametrize(
    "text",
    [
        "Ha, you're very polite for a robot.",
        "Thank you, you're a very good listener!",
        "Ha, this feels like a test! Do I pass so far?",
        "Excuse the wait, had to swap a keg!",
        "@btvlep sorry bout that, customer wanted a natter",
        "@btvlep do u ever get a day off? 😄",
        "How are you doing, by the way? Sorry, I should have asked at the start.",
        "Lovely weather for it today, isn't it?",
        "@btvlep nice one, have a gud weekend!",
        "Cheers, and if you're ever in Chesham the first pint's on me!",
        "What a lovely way of putting it, islands and seabed. I like it.",
    ],
)
def test_small_talk(text: str) -> None:
    assert small_talk_only(text)
    assert remark_reply(text) in ("small_talk", "afterword_thanks", "glad_its_easy")


@pytest.mark.parametrize(
    "text",
    [
        "thanks, the roads are awful",
        "nice day for it but the A41 is shut",
        "the weather floods our lane every winter",
        "had to fix the van twice",
    ],
)
def test_a_view_is_no_small_talk(text: str) -> None:
    assert not small_talk_only(text)


@pytest.mark.parametrize("text", ["Thank you!", "@btvlep ty", "cheers mate", "Thanks again."])
def test_thanks_alone_is_welcomed(text: str) -> None:
    # thanks after every answer (set CM): "you're welcome" and the question again, never
    # the nudge for more that passes over the question the second time
    assert thanks_alone(text) and not small_talk_only(text)
    assert remark_reply(text) == "thanks_welcome"


@pytest.mark.parametrize("text", ["thanks, the roads are awful", "yes thanks", "👍", "ok"])
def test_thanks_beside_anything_else_is_not_thanks_alone(text: str) -> None:
    assert not thanks_alone(text)


def test_small_talk_beside_an_answer_is_left_out() -> None:
    text = "No thank you, I get enough emails! Lovely chatting to you though"
    assert without_small_talk(text) == "No thank you, I get enough emails!"
    assert without_small_talk("@btvlep nah ur alright, ta. have a good one 👋") == (
        "nah ur alright, ta."
    )
    assert without_small_talk("the roads are awful") == "the roads are awful"


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Head office is in London; the depot's in Aylesbury", "Aylesbury"),
        ("We've got a unit in High Wycombe and one in Slough", "High Wycombe"),
        (
            "Registered in Reading, because that's our accountant's address, but we work out "
            "of Marlow",
            "Marlow",
        ),
        ("hq is at harwell in oxfordshire but our test cell is at westcott", "westcott"),
        ("Aylesbury", None),
        ("we've got two sites, Aylesbury and Milton Keynes", None),  # set M keeps both
        ("Thame, Oxfordshire", None),
        ("near Princes Risborough", None),
    ],
)
def test_the_bucks_site(text: str, site: str | None) -> None:
    assert bucks_site(text) == site


@pytest.mark.parametrize(
    "text",
    [
        "Hi. We're just over the border in Thame but all our customers are in Bucks. Can we "
        "still take part?",
        "Before I give you that: we're in Leighton Buzzard, so Bedfordshire. Does that rule "
        "us out?",
        "@btvlep milton keynes, does that count?",
        "Silverstone Park. Strictly speaking that's Northamptonshire, does that count?",
    ],
)
def test_on_the_edge_of_the_county_they_count(text: str) -> None:
    assert asks_if_i_count(text)


def test_a_theme_question_is_not_whether_they_count() -> None:
    assert not asks_if_i_count("does that count as infrastructure?")
    assert not asks_if_i_count("the A41 is awful, does that count?")


def test_can_we_still_take_part_asks_about_nobody_else() -> None:
    from bot.consultation.boundaries import asks_for_others_answers

    text = (
        "Hi. We're just over the border in Thame but all our customers are in Bucks. Can we "
        "still take part?"
    )
    assert not asks_for_others_answers(text)  # it was told nothing anyone said is shared
    assert asks_for_others_answers("have other firms in Chesham taken part?")
