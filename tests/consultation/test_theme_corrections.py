"""Which played-back answers a theme correction changes (`theme_corrections`), without Rasa
or storage: set AD's "you missed the skills bit in the first one" went to the last answer,
and "the last one's not a housing thing" about an answer never tagged housing was met with
"Which themes should I add or drop?"."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.consultation.questions import parse_correction
from bot.consultation.theme_corrections import correction_reply, plan, pointed_item


@dataclass
class Answer:
    question_key: str | None
    themes: list[str] = field(default_factory=list)


ANSWERS = [
    Answer("island:space:opportunities", ["space"]),
    Answer("island:space:barriers", ["space", "entrepreneurialism"]),
    Answer("seabed:environment_quality_of_life:views", ["environment_quality_of_life"]),
]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("close, but you missed the skills bit in the first one: we need to learn 3D", 1),
        ("and the last one's not a housing thing", 3),
        ("the second one is mainly about money, you've missed that", 2),
        ("number 2 should have skills too", 2),
        ("add space to answer 3", 3),
        ("the 2nd one is about roads", 2),
        ("add skills", None),  # no answer pointed at
        ("the fifth one is wrong", None),  # only three answers
        ("we work on the first floor", None),  # a place, not an answer
    ],
)
def test_the_answer_a_correction_points_at(text: str, n: int | None) -> None:
    assert pointed_item(text, len(ANSWERS)) == n


def test_a_theme_added_to_a_pointed_answer_goes_there_only() -> None:
    change = plan(ANSWERS, ["education_skills"], [], item=1)
    assert (change.add, change.already) == (["education_skills"], [])
    assert correction_reply(change, 1) == "Done: added Education and skills."


def test_a_theme_already_there_or_never_there_changes_nothing_and_says_so() -> None:
    add, remove = parse_correction("the second one is mainly about money, you've missed that")
    assert (add, remove) == (["entrepreneurialism"], [])
    change = plan(ANSWERS, add, remove, item=2)
    assert (change.add, change.already) == ([], ["entrepreneurialism"])
    assert correction_reply(change, 2) == "Answer 2 is already tagged Entrepreneurialism."

    add, remove = parse_correction("and the last one's not a housing thing")
    change = plan(ANSWERS, add, remove, item=3)
    assert (change.remove, change.absent) == ([], ["housing_growth"])
    assert correction_reply(change, 3) == (
        "Answer 3 isn't tagged Housing growth, so there was nothing to drop."
    )


def test_without_a_pointer_a_removal_finds_every_answer_that_carries_it() -> None:
    change = plan(ANSWERS, [], ["space", "infrastructure"], item=None)
    assert (change.remove, change.absent) == (["space"], ["infrastructure"])
    reply = correction_reply(change, None)
    assert reply.startswith("Done: dropped Space.")
    assert "None of your answers is tagged Infrastructure" in reply
