"""The gazetteer's wider everyday vocabulary: every theme has some, and it is matched."""

from __future__ import annotations

import pytest

from bot.strategy import THEME_IDS
from bot.tagging.gazetteer import KEYWORDS, gazetteer
from bot.tagging.vocabulary import wider_keywords


def test_every_theme_has_wider_vocabulary_of_clean_phrases() -> None:
    wider = wider_keywords()
    assert set(wider) == set(THEME_IDS)
    for theme_id, phrases in wider.items():
        assert len(phrases) >= 20, theme_id
        assert all(p == p.strip().lower() and "," not in p for p in phrases)
        assert len(set(phrases)) == len(phrases), theme_id


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Our phone signal drops out in the yard", "infrastructure"),
        ("Small firms like ours need someone to ask", "entrepreneurialism"),
        ("We make gearboxes for hypercars", "high_performance_technology"),
        ("The new builds going up by the bypass", "housing_growth"),
        ("We ran a hot-fire test last week", "space"),
    ],
)
def test_everyday_words_are_matched(text: str, theme: str) -> None:
    assert theme in gazetteer().theme_hits(text)


def test_the_wider_list_adds_to_the_keywords() -> None:
    hits = gazetteer().theme_hits("We build satellites and need small firms to supply us")
    assert "satellite" in KEYWORDS["space"] and "satellites" in hits["space"]
    assert hits["entrepreneurialism"] == ["small firms"]
