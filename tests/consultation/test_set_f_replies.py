"""What the sixth set of unseen conversations (benchmarks/data/conversation_probe_f.yml)
found in how replies are read, without Rasa: a yes with a condition or in another language,
"undo" / "back", and profile answers that say two things."""

from __future__ import annotations

import pytest

from bot.consultation.asides import asks_to_change_answer, goes_back
from bot.consultation.consent_reply import agrees_to_take_part, says_go_ahead
from bot.consultation.profile import name_and_trade, role_given


@pytest.mark.parametrize(
    "text",
    [
        "ok but keep it quick, got a customer in 10 mins",
        "Sure, as long as my name isn't used",
        "fine if it's quick",
        "yeah go on but I've only got five minutes",
        "oui d'accord",
        "Sí, claro",
        "ja gerne",
        "tak",
        "d’accord, merci",
    ],
)
def test_a_yes_with_a_condition_or_in_another_language_agrees(text: str) -> None:
    assert agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "yes but later",
        "ok but not now",
        "ok but what happens to it?",
        "sure, but who sees it",
        "fine but I can't do it today",
        "no",
        "the roads are bad but the staff are good",
        "ok but no thanks",
        "",
    ],
)
def test_a_put_off_a_question_or_a_view_is_not_agreement(text: str) -> None:
    assert not agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text", ["undo", "undo that please", "go back", "back to the last question"]
)
def test_undo_and_go_back_ask_how_to_change_an_answer(text: str) -> None:
    assert asks_to_change_answer(text)
    assert goes_back(text, "brb")  # said in full, it asks to go back whatever came before


def test_a_bare_back_goes_back_only_straight_after_an_answer() -> None:
    assert goes_back("back", "Cressex Tyers")
    assert goes_back("oops back", "Cressex Tyers")
    assert not goes_back("back", "brb")  # returning after a pause
    assert not goes_back("back, sorry", "one sec")
    assert not asks_to_change_answer("back")  # mid-question: "I'm back", asked again
    assert not goes_back("the roads are back to normal", "Cressex Tyers")


def test_a_name_then_its_trade_gives_both() -> None:
    assert name_and_trade("Hale Leys Print, we're a commercial printers") == (
        "Hale Leys Print",
        "commercial printers",
    )
    assert name_and_trade("Smith & Co; we make kitchens.") == ("Smith & Co", "kitchens")
    assert name_and_trade("We Are Digital") == ("We Are Digital", None)
    assert name_and_trade("Its Fine Ltd") == ("Its Fine Ltd", None)


def test_a_role_said_in_passing_is_the_role() -> None:
    assert role_given("I'm the practice manager, there's 22 of us") == "practice manager"
    assert role_given("there are 12 and im the md") == "md"
    assert role_given("I'm a sole trader") is None  # a size, not a role
    assert role_given("about 30") is None


@pytest.mark.parametrize(
    ("text", "go_ahead"),
    [
        ("fine. go on then", True),
        ("oh go on then, one more thing to add", True),
        ("ask away", True),
        ("ok", False),
        ("yes", False),
        ("oh go on then the roads are bad", False),
    ],
)
def test_permission_to_start_is_told_from_a_plain_yes(text: str, go_ahead: bool) -> None:
    assert says_go_ahead(text) is go_ahead
