"""Set AZ's owners steering the middle of the chat, as fixed in the thirty-first session:
"going back to the mobility barriers, forgot ..." at a later question was kept as that
question's answer, and "opps: ... probs: ..." in one DM was kept whole against the
opportunities question."""

from __future__ import annotations

from bot.consultation.afterthoughts import earlier_question
from bot.consultation.labelled import labelled_answers

MOBILITY = [
    "island:intelligent_mobility:opportunities",
    "island:intelligent_mobility:barriers",
    "island:intelligent_mobility:help",
]


def test_going_back_to_an_islands_question_by_theme_and_kind() -> None:
    text = "@btvlep going back to the mobility barriers, forgot the insurers wont cover riders"
    assert earlier_question(text, "seabed:education_skills:views", MOBILITY) == MOBILITY[1]
    # the question pending is no earlier question; a theme not answered names none
    assert earlier_question(text, MOBILITY[1], MOBILITY[:2]) is None
    assert earlier_question("going back to the space barriers, x", MOBILITY[2], MOBILITY) is None


def test_short_labels_in_one_dm() -> None:
    text = "@btvlep opps: ground stations & westcott is 20 mins away probs: no 9m dish allowed"
    assert labelled_answers(text) == {
        "opportunities": "ground stations & westcott is 20 mins away",
        "barriers": "no 9m dish allowed",
    }
    assert labelled_answers("no probs: happy to help, the A41 is awful") == {}
    assert labelled_answers("@btvlep help = a council planning policy for dishes") == {}


def test_an_answer_that_ends_by_asking_for_one_more_theme() -> None:
    from bot.consultation.choices import view_then_added_choice
    from bot.strategy import SEABED_IDS

    text = (
        "Every new estate should have rainwater harvesting built in, but the developers"
        " value-engineer it out. Can you put me down for environment as well? I've a"
        " separate point on that."
    )
    assert view_then_added_choice(text, SEABED_IDS, ["housing_growth"]) == (
        "Every new estate should have rainwater harvesting built in, but the developers"
        " value-engineer it out.",
        ["environment_quality_of_life"],
    )
    # an idiom, not a request; a theme already chosen adds nothing
    assert view_then_added_choice("We need homes. Add to that the roads.", SEABED_IDS, []) is None
    chosen = ["housing_growth", "environment_quality_of_life"]
    assert view_then_added_choice(text, SEABED_IDS, chosen) is None


def test_a_question_before_answering_with_a_line_of_context() -> None:
    from bot.consultation.question_help import asks_before_answering

    assert asks_before_answering(
        "Before I do: is clean growth part of this? The national strategy had it as one of"
        " its big challenges."
    )
    # a complaint after the question is a view, kept
    assert not asks_before_answering(
        "Before I answer, is this anonymous? Our rents have doubled and staff cant afford it"
    )


def test_only_a_request_inside_an_answer_adds_a_theme() -> None:
    from bot.consultation.choices import view_then_added_choice
    from bot.strategy import SEABED_IDS

    said = "Rents are mad. Also, the council forgot housing."
    assert view_then_added_choice(said, SEABED_IDS, ["infrastructure"]) is None
