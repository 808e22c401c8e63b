"""Set BR of unseen conversations (choices and profile answers in people's own words) on its
first run, 4 / 12: "just the first two" became "just the firms two" in the typo fixer, "all
of them exept the data one and the council one" asked all seven, "the last one and the one
before it" and "both of those then" were not understood, a person's name was filed with the
role, "Redbrook Signs, I'm the owner" was filed as the name, and "scrap that ... none of them
really" at the first island question was kept as its answer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.consultation import spelling
from bot.consultation.choice_places import positional_choice
from bot.consultation.choices import refers_back, turned_down
from bot.consultation.navigation import steered
from bot.consultation.profile import tidy_profile_answer
from bot.consultation.profile_passing import answer_and_more
from bot.strategy import SEABED_IDS


@pytest.fixture()
def vocabulary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A tokenizer file whose vocabulary holds a few everyday words."""
    words = ["first", "could", "place", "using", "the", "two", "##s"]
    path = tmp_path / "tokenizer.json"
    path.write_text(json.dumps({"model": {"vocab": {w: i for i, w in enumerate(words)}}}))
    monkeypatch.setattr(spelling, "TOKENIZER_PATH", path)
    spelling.english_words.cache_clear()
    yield
    spelling.english_words.cache_clear()


@pytest.mark.usefixtures("vocabulary")
@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("just the first two", "just the first two"),  # was "just the firms two"
        ("we could use the place", "we could use the place"),  # not "cloud", "space"
        ("creatve and medtec", "creative and medtech"),
        ("motorsprot", "motorsport"),
        ("edcuation and infrastucture", "education and infrastructure"),
    ],
)
def test_only_words_english_lacks_are_put_right(typed: str, read: str) -> None:
    assert spelling.fix_theme_typos(typed) == read


def test_without_the_vocabulary_theme_words_are_still_put_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "TOKENIZER_PATH", tmp_path / "missing.json")
    spelling.english_words.cache_clear()
    try:
        assert spelling.english_words() == frozenset()
        assert spelling.fix_theme_typos("creatve") == "creative"
    finally:
        spelling.english_words.cache_clear()


@pytest.mark.parametrize(
    ("text", "down"),
    [
        (
            "all of them exept the data one and the council one",
            ["digital_science", "intelligent_public_services"],
        ),
        ("all except housing", ["housing_growth"]),
        ("all of them, they all matter", []),
    ],
)
def test_all_but_some(text: str, down: list[str]) -> None:
    assert turned_down(text, SEABED_IDS) == down


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("@btvlep the last one and the one before it", list(SEABED_IDS[-2:])),
        ("the first one and the one after that", list(SEABED_IDS[:2])),
        ("just the first two", list(SEABED_IDS[:2])),
        ("the one before it", None),  # no end of the list to count from
    ],
)
def test_choices_by_their_place(text: str, chosen: list[str] | None) -> None:
    assert positional_choice(text, SEABED_IDS) == chosen


def test_both_of_those_refers_back() -> None:
    assert refers_back("both of those then")
    assert not refers_back("both of those are rubbish for us")


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("Marisa Quayle, head of workroom", "head of workroom"),
        ("Dr Anjali Rao, co-founder and CEO", "co-founder and CEO"),
        ("Tomasz here, studio director", "studio director"),
        ("Sales Director, UK", "Sales Director, UK"),  # a role, then where
        ("Head of Ops, finance", "Head of Ops, finance"),  # the first part is a role
        ("Co-founder and CEO", "Co-founder and CEO"),  # "Co" is no name before a dash
        ("Jo Smith - owner", "owner"),
    ],
)
def test_a_persons_name_before_the_role_is_not_the_role(typed: str, role: str) -> None:
    assert tidy_profile_answer("role", typed) == role


def test_the_role_with_the_name_of_the_business_is_filed() -> None:
    typed = "Redbrook Signs, I'm the owner"
    assert answer_and_more("organisation", typed, typed, lambda _: None) == (
        "Redbrook Signs",
        {"role": "owner"},
    )
    assert answer_and_more("organisation", typed, typed, lambda _: "owner")[0] == typed


CREATIVE = [f"island:creative_digital:{q}" for q in ("opportunities", "barriers", "help")]


def test_none_of_them_after_taking_the_choice_back_leaves_the_islands() -> None:
    text = "actually no, scrap that, we did one job for a film crew years back. none of them really"
    steer = steered(text, [*CREATIVE, "seabed:infrastructure:views"])
    assert steer is not None and steer.pending == ["seabed:infrastructure:views"]
    assert steered("scrap that, none of them at the studios will pay", CREATIVE) is None
