"""The gazetteer's terms live in data (bot/tagging/gazetteer.yml): loaded, checked, matched."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.strategy import THEME_IDS
from bot.tagging.gazetteer import ALONE, ASSETS, KEYWORDS, PLACES, _load_terms, gazetteer


def test_the_terms_file_covers_every_theme_and_places_carry_none() -> None:
    assert set(KEYWORDS) == set(THEME_IDS)
    assert all(themes and set(themes) <= set(THEME_IDS) for themes in ASSETS.values())
    found = {h.text: h for h in gazetteer().hits("A unit near Aylesbury, by Westcott Venture Park")}
    assert found["Aylesbury"].kind == "place" and found["Aylesbury"].themes == ()
    assert found["Westcott Venture Park"].themes == ("space",)
    assert "Aylesbury" in PLACES


def test_an_unknown_theme_id_in_the_terms_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer.yml"
    bad.write_text(
        "assets:\n  Pinewood: [creative_digital]\nplaces: [Marlow]\n"
        "keywords:\n  creative_digitl: [film]\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="creative_digitl"):
        _load_terms(bad)


def test_names_that_count_only_alone_are_no_features(tmp_path: Path) -> None:
    assert ALONE["ewr"] == ("infrastructure",)
    assert gazetteer().hits("EWR can't come soon enough") == []
    bad = tmp_path / "gazetteer.yml"
    bad.write_text(
        "assets: {}\nplaces: []\nkeywords: {}\nalone:\n  EWR: [infrastructur]\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="infrastructur"):
        _load_terms(bad)


@pytest.mark.parametrize(
    "text, phrase, themes",
    [
        # hyphens joining a phrase's words: one match, not "carbon" (environment) and
        # "fibre" (broadband), two wrong themes
        (
            "carbon-fibre offcuts from the wing moulds",
            "carbon-fibre",
            ("high_performance_technology",),
        ),
        ("a proper East-West Rail station", "East-West Rail", ("infrastructure",)),
        # a hyphenated phrase written with spaces
        ("there's no grow on space in Wycombe", "grow on space", ("infrastructure",)),
        # premises, not the space island that bare "space" signals
        ("we need more floor space", "floor space", ("infrastructure",)),
        ("a co-working space in Thame", "co-working space", ("infrastructure",)),
    ],
)
def test_phrases_match_with_or_without_hyphens(text: str, phrase: str, themes: tuple) -> None:
    start = text.index(phrase)
    inside = [h for h in gazetteer().hits(text) if h.start < start + len(phrase) and h.end > start]
    assert [(h.text, h.themes) for h in inside] == [(phrase, themes)]
