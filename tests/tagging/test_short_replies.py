"""A short reply that is only a named subject ("skills", "roads") is tagged with it."""

from __future__ import annotations

import pytest

from bot.tagging.features import named_in_a_sentence, named_outright
from bot.tagging.gazetteer import Hit, gazetteer


def hit(text: str, *themes: str) -> Hit:
    return Hit(text, "keyword", themes, 0, len(text))


def test_named_outright_needs_every_content_word_covered() -> None:
    assert named_outright("Skills!", [hit("Skills", "education_skills")]) == {"education_skills"}
    assert named_outright("the roads", [hit("roads", "infrastructure")]) == {"infrastructure"}
    assert named_outright(
        "skills and rail", [hit("skills", "education_skills"), hit("rail", "infrastructure")]
    ) == {"education_skills", "infrastructure"}
    assert named_outright("skills are fine actually", [hit("skills", "education_skills")]) == set()
    assert named_outright("hello", []) == set()
    long = "skills skills skills skills"
    assert named_outright(long, [hit("skills", "education_skills")]) == set()


def test_an_abbreviation_counts_only_in_a_reply_that_is_nothing_else() -> None:
    """ "EWR" is no gazetteer match (not a feature), yet alone it names East West Rail."""
    assert named_outright("EWR when?", []) == {"infrastructure"}
    assert named_outright("NSIC", []) == {"medical_technologies"}
    assert named_outright("EWR and skills", [hit("skills", "education_skills")]) == {
        "infrastructure",
        "education_skills",
    }
    assert named_outright("EWR will open up bedford recruitment", []) == set()
    assert named_outright("hello", []) == set()


def test_a_road_number_or_a_run_together_hashtag_names_its_subject_alone() -> None:
    """Set BA: "#skillsgap #A43" as the whole barriers answer, cleaned to words."""
    assert named_outright("skillsgap A43", []) == {"education_skills", "infrastructure"}
    assert named_outright("B4009?", []) == {"infrastructure"}
    assert named_outright("brokenbroadband", []) == {"infrastructure"}
    assert named_outright("the A43 is fine, thanks for asking", []) == set()
    assert named_outright("wonderful", []) == set()  # no subject word at either end


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("skills", "education_skills"),
        ("Roads!", "infrastructure"),
        ("grants", "entrepreneurialism"),
        ("Silverstone", "high_performance_technology"),
        ("@btvlep EWR #bucksLIS", "infrastructure"),  # set Z of unseen conversations
    ],
)
def test_bare_subjects_are_tagged(trained_engine: object, text: str, theme: str) -> None:
    [result] = trained_engine.tag_many([text])  # type: ignore[attr-defined]
    assert theme in result.themes
    assert result.scores[theme] > 0 and result.evidence[theme]


@pytest.mark.parametrize("text", ["thanks", "hello there", "ok", "no"])
def test_bare_pleasantries_stay_untagged(trained_engine: object, text: str) -> None:
    [result] = trained_engine.tag_many([text])  # type: ignore[attr-defined]
    assert result.themes == []


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("Silverstone. That's the answer to half your questions.", {"high_performance_technology"}),
        ("Pinewood. Enough said.", {"creative_digital"}),
        # a sentence that says more about the asset is the classifier's to read
        ("Silverstone is great. We love it.", set()),
        # a keyword or a town as a sentence is not an asset named alone
        ("Roads. That's it.", set()),
        ("Aylesbury. That's where we are.", set()),
        ("Silverstone", set()),  # one sentence: named_outright's case
    ],
)
def test_an_asset_that_is_a_sentence_of_its_own(text: str, themes: set[str]) -> None:
    assert named_in_a_sentence(text, gazetteer().hits(text)) == themes


def test_an_asset_sentence_is_tagged_in_a_longer_post(trained_engine: object) -> None:
    result = trained_engine.tag_many(["@btvlep Westcott. That's all I'm saying #bucksLIS"])[0]
    assert "space" in result.themes
