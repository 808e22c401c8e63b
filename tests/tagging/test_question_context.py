"""The question an answer replies to is an input to the tagger, not only a fallback."""

from __future__ import annotations

import pytest

from bot.tagging.question_context import (
    declines,
    dismisses,
    guesses,
    may_decline,
    question_theme,
)


@pytest.mark.parametrize(
    ("key", "theme_id"),
    [
        ("island:space:barriers", "space"),
        ("seabed:education_skills:views", "education_skills"),
        ("island:not_a_theme:help", None),
        ("profile:sector", None),
        ("", None),
        (None, None),
        ("space", None),
    ],
)
def test_question_theme(key: str | None, theme_id: str | None) -> None:
    assert question_theme(key) == theme_id


def test_an_answer_that_names_nothing_takes_its_questions_theme(trained_engine: object) -> None:
    text = "We need a bigger test stand"
    result = trained_engine.tag_many([text], ["island:space:barriers"])[0]
    assert "space" in result.themes
    assert "answer to the Space question" in result.evidence["space"]


def test_an_answer_that_names_other_themes_keeps_them_and_the_questions(
    trained_engine: object,
) -> None:
    """Class 4 of issue 8: staff who can't afford homes and packed trains, said to the housing
    question, is housing growth (the question), quality of life and infrastructure."""
    text = (
        "Our staff can't afford to rent anywhere near the office, and the trains in from "
        "Aylesbury are packed every morning."
    )
    alone = trained_engine.tag_many([text])[0]
    answered = trained_engine.tag_many([text], ["seabed:housing_growth:views"])[0]
    assert "housing_growth" in answered.themes
    assert {"environment_quality_of_life", "infrastructure"} <= set(answered.themes)
    assert set(alone.themes) <= set(answered.themes)


@pytest.mark.parametrize(
    "text",
    [
        "None really, we're a dental practice.",
        "Doesn't affect us much to be honest",
        "pass",
        "n/a",
        "Not relevant for us, we sell insurance",
        "Honestly it doesn't, we're retail.",
        "no idea tbh",
        "We're not techy at all, it's just a farm shop.",
        "Nothing to do with us, next question please",
        "we dont use any of that stuff, we're a butcher. card machine and facebook thats it",
        "We don't really need any of that.",
    ],
)
def test_declining_words(text: str) -> None:
    assert declines(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can't get anyone.",
        "The trains.",
        "Too expensive by half",
        "We need a bigger test stand",
        "Nothing works round here without a car",
        "It doesn't help that the A41 is always shut",
        "we don't use it because the broadband can't cope",
    ],
)
def test_views_are_not_declines(text: str) -> None:
    assert not declines(text)


@pytest.mark.parametrize(
    ("text", "guess", "declined"),
    [
        ("not sure really, maybe supply chain work", True, False),
        ("dunno, perhaps the new estates", True, False),
        ("No idea to be honest. Probably getting staff in from Aylesbury", True, False),
        ("not sure, maybe later", False, True),
        ("no idea, maybe ask someone else", False, True),
        ("dunno maybe not", False, True),
        ("not sure", False, True),
        ("Hard to say. Probably just the usual", False, False),  # the answer head decides
    ],
)
def test_an_unsure_answer_with_a_guess_is_a_view(text: str, guess: bool, declined: bool) -> None:
    assert guesses(text) is guess
    assert declines(text) is declined


@pytest.mark.parametrize(
    ("text", "key", "theme_id"),
    [
        ("None for us really, we're a hairdresser.", "island:space:opportunities", "space"),
        (
            "Doesn't really affect us, we're an accountancy firm.",
            "seabed:housing_growth:views",
            "housing_growth",
        ),
        ("skip", "island:creative_digital:barriers", "creative_digital"),
    ],
)
def test_an_answer_that_turns_its_question_down_does_not_take_its_theme(
    trained_engine: object, text: str, key: str, theme_id: str
) -> None:
    result = trained_engine.tag_many([text], [key])[0]
    assert theme_id not in result.themes


def test_a_guess_keeps_its_questions_theme(trained_engine: object) -> None:
    result = trained_engine.tag_many(
        ["not sure really, maybe supply chain work"], ["island:space:opportunities"]
    )[0]
    assert "space" in result.themes


def test_a_terse_view_keeps_its_questions_theme(trained_engine: object) -> None:
    """Names nothing and says no such thing as "none": still a view on skills."""
    result = trained_engine.tag_many(["Can't get anyone."], ["seabed:education_skills:views"])[0]
    assert "education_skills" in result.themes


def test_no_question_no_prior(trained_engine: object) -> None:
    result = trained_engine.tag_many(["Thanks, that's all from me"], [None])[0]
    assert result.themes == []


def test_question_keys_must_match_texts(trained_engine: object) -> None:
    with pytest.raises(ValueError):
        trained_engine.tag_many(["a", "b"], ["island:space:help"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honestly couldn't tell you", True),
        ("Nah, we're a chip shop", True),
        ("same as before", False),  # points back: a view
        ("see above", False),
        ("and the grid won't be upgraded till 2030", False),  # carries on the last answer
        ("It's why we're here", False),
        ("Can't get anyone.", False),  # the negation is the complaint: a view
        ("can't find a welder for love nor money", False),
        ("Not enough space, full stop", False),
        ("nobody applies", False),
        ("Can't really comment, we groom dogs", True),
        ("can't say it affects us", True),
    ],
)
def test_only_an_answer_with_a_word_of_refusal_may_decline(text: str, expected: bool) -> None:
    assert may_decline(text) is expected


@pytest.mark.parametrize(
    ("gate", "head", "expected"),
    [
        (0.9, 0.05, True),  # a sector named, and the head sure: a refusal all the same
        (0.9, 0.40, False),  # the head unsure: the question's theme stays
        (0.1, 0.40, True),  # nothing the gate counts: the head's usual bar (0.5)
        (0.1, 0.60, False),
    ],
)
def test_once_the_gate_opens_only_a_sure_head_turns_the_question_down(
    monkeypatch: pytest.MonkeyPatch, gate: float, head: float, expected: bool
) -> None:
    """Whether or not the words tag some other theme: "We're wedding photographers so it's
    not our world" to the Space question is creative_digital, and not Space."""
    from types import SimpleNamespace

    import numpy as np

    from bot.tagging import question_context

    monkeypatch.setattr(question_context, "answer_view", lambda tagger, i, parts: head)
    tagger = SimpleNamespace(config={"gate_threshold": 0.5})
    text = "We're wedding photographers so it's not our world"
    parts = {"gate": np.array([gate])}
    assert question_context.turns_down(tagger, 0, text, parts) is expected


def test_an_answer_kept_as_a_view_carries_the_need_it_states(trained_engine: object) -> None:
    """A need read from a question stays behind the any-theme gate (how the gate reads a
    question alone is the model's: `test_stated_views`' gate test holds the rule); as an
    answer to a barriers question it is a view, so the need it states counts whatever the
    gate said (set P: "Same as everyone. Can't get people.")."""
    text = "Same as everyone. Can't get people?"
    [answer] = trained_engine.tag_many(  # type: ignore[attr-defined]
        [text], ["island:high_performance_technology:barriers"]
    )
    assert set(answer.themes) == {"high_performance_technology", "education_skills"}
    assert any(e.startswith("need: ") for e in answer.evidence["education_skills"])


@pytest.mark.parametrize(
    ("text", "waved_away"),
    [
        ("honestly roads are fine for us, it's staff. can't find an electrician", True),
        ("that's as digital as we get. What actually matters is the 4G", True),
        ("Honestly we're a bakery, space isn't our thing.", True),
        ("i'd love to talk about the countryside but really our issue is the bank", True),
        ("Broadband is fine but the trains to Marylebone are getting worse", True),
        # turned down first, then something else (unseen set AE)
        (
            "not really relevant to us to be honest, we're kitchen fitters. what IS relevant is "
            "the A404 into Marlow",
            True,
        ),
        (
            "Ha, I only pressed that one because my grandson's mad on rockets. We make curtains.",
            True,
        ),
        # pointing elsewhere instead of answering (unseen set AG)
        ("ask my partner, she does all that side", True),
        ("the same as last year, and the A41 is worse than before", False),
        ("we ask our staff what training they want", False),
        ("Nothing much.", False),  # a plain refusal: `declines` reads it
        ("Not really sure, maybe the supply chain", True),  # `turns_down` asks `guesses` first
        ("The A41 is fine until you hit Aylesbury", False),
        ("We'd be fine if the road was fixed", False),
        ("Skills are our biggest issue", False),
    ],
)
def test_an_answer_that_waves_its_subject_away(text: str, waved_away: bool) -> None:
    assert dismisses(text) is waved_away


def test_a_subject_waved_away_is_no_prior(trained_engine: object) -> None:
    """The question's theme comes only from the words once the answer waves it away; the
    other subject stays."""
    text = "honestly roads are fine for us, it's staff. can't find a qualified sparky"
    answered = trained_engine.tag_many([text], ["seabed:infrastructure:views"])[0]
    assert "infrastructure" not in answered.themes
    assert "education_skills" in answered.themes


def test_an_answer_that_points_elsewhere_is_no_prior(trained_engine: object) -> None:
    """ "Same as before" and "ask my partner" say nothing of the question's subject; an
    answer that points back and adds a subject keeps that subject."""
    deferred, added = trained_engine.tag_many(
        ["ask my partner, she does all that side", "ask my partner. and the A41 is awful"],
        ["seabed:entrepreneurialism:views", "seabed:entrepreneurialism:views"],
    )
    assert deferred.themes == []
    assert "infrastructure" in added.themes


def test_broadband_alone_to_the_digital_question_is_infrastructure(trained_engine: object) -> None:
    """GUIDE.md: broadband and mobile coverage are infrastructure, not digital science, so
    the question's theme is no prior for a reply that only names them."""
    got = trained_engine.tag_many(
        ["broadband", "cyber security"], ["seabed:digital_science:views"] * 2
    )
    assert got[0].themes == ["infrastructure"]
    assert "digital_science" in got[1].themes
