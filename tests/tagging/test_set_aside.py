"""A subject the business sets aside ("the roads are fine for us, it's staff") carries no
theme when nothing else in the message names it (`set_aside.py`)."""

from __future__ import annotations

import pytest

from bot.tagging.set_aside import set_aside_themes
from bot.tagging.training import data as tagdata


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        (
            "The roads are fine for us honestly, it's finding a bookkeeper that's the problem",
            {"infrastructure"},
        ),
        (
            "Transport isn't an issue for us as everyone drives. Staff are the headache",
            {"infrastructure"},
        ),
        (
            "Our booking software is fine, what I need is someone to talk the numbers through",
            {"digital_science"},
        ),
        ("No complaints about the trains. Rates are the killer.", {"infrastructure"}),
        ("Recruitment's sorted now, but the bank won't lend to us", {"education_skills"}),
        # said to leave the firm untouched, or not moaned about
        (
            "HS2 works haven't really touched us, to be fair. Electricians are the worry.",
            {"infrastructure"},
        ),
        (
            "were not moaning about the roads, the a418 is fine for us. the estates are upvc",
            {"infrastructure"},
        ),
        # finding a trade's people said to be no problem
        (
            "Finding electricians isn't the problem for us. It's the grid: a year for a supply.",
            {"education_skills"},
        ),
        # the reason it is fine is part of the set-aside
        (
            "Broadband's sorted now, we got fibre to the unit. What I'd want is export help.",
            {"infrastructure"},
        ),
        # software used as everyone uses it
        (
            "We use a bit of software for the maps like everyone does. The NHS buys slowly.",
            {"digital_science"},
        ),
        # the planned growth: only when it leaves the firm cold
        (
            "The new houses don't bother us either way. Our cleaners can't afford the rent.",
            {"housing_growth"},
        ),
        ("The new estates are fine but the roads haven't changed since the 80s", set()),
        # the same kind of subject again elsewhere: a view after all
        ("The trains to Marylebone are fine, it's the lack of parking at the station", set()),
        ("Broadband at the office is fine; out on location we can't upload the rushes", set()),
        # qualified, so a view
        ("The roads are fine apart from the A41 every morning. Staff too.", set()),
        ("Skills bootcamps are fine in theory but our people need childcare first", set()),
        ("the trains are fine, I'll give them that, when they run. Pay is the issue", set()),
        # "it" is no subject; an island's own work said to be good is no set-aside
        ("Honestly it's all fine, nothing to add.", set()),
        ("Our tolerances are good enough for implants, put us in touch", set()),
        # no view at all on the subject, said the other way
        ("The roads are a nightmare and staff are hard to find", set()),
    ],
)
def test_a_subject_set_aside(text: str, themes: set[str]) -> None:
    assert set_aside_themes(text) == themes


def test_the_training_labels_leave_a_set_aside_subject_out() -> None:
    fired = left_out = 0
    for path in tagdata.TRAIN_PATHS:
        for example in tagdata.load(path):
            for theme in set_aside_themes(example.text):
                fired += 1
                left_out += theme not in example.themes
    assert fired >= 8
    assert left_out / fired >= 0.85


def test_a_set_aside_subject_is_withheld_and_the_real_one_kept(
    trained_engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "The roads are fine for us honestly, it's finding a bookkeeper that's the problem"
    monkeypatch.setitem(trained_engine.config, "set_aside", False)  # type: ignore[attr-defined]
    [before] = trained_engine.tag_many([text])  # type: ignore[attr-defined]
    monkeypatch.setitem(trained_engine.config, "set_aside", True)  # type: ignore[attr-defined]
    [after] = trained_engine.tag_many([text])  # type: ignore[attr-defined]
    assert "education_skills" in after.themes
    assert "infrastructure" not in after.themes
    assert set(before.themes) - set(after.themes) <= {"infrastructure"}


def test_the_question_asked_still_carries_its_theme(
    trained_engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # said to the infrastructure question, the answer is a view on it: the prior stands
    monkeypatch.setitem(trained_engine.config, "set_aside", True)  # type: ignore[attr-defined]
    [answer] = trained_engine.tag_many(  # type: ignore[attr-defined]
        ["The roads are fine for us, it's the broadband that's hopeless"],
        ["seabed:infrastructure:views"],
    )
    assert "infrastructure" in answer.themes


def test_a_need_rule_reading_the_set_aside_is_overruled_and_a_handle_is_no_subject(
    trained_engine: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(trained_engine.config, "set_aside", True)  # type: ignore[attr-defined]
    texts = [
        "Finding electricians isn't the problem for us. It's the grid: the network operator "
        "quotes eighteen months to upgrade the supply for our depot.",
        "@btvlep the roads are fine for us honestly, its finding kennel staff who will do "
        "weekends thats the problem",
    ]
    electricians, kennels = trained_engine.tag_many(texts)  # type: ignore[attr-defined]
    assert "education_skills" not in electricians.themes
    assert "infrastructure" in electricians.themes
    assert kennels.themes == ["education_skills"]
