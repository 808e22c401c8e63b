"""Relatives counted in words beside the count ("17 with my two sons", set DZ): the band
is the same whether they are in the 17 or beside it, so it is not left unclear."""

from __future__ import annotations

import pytest

from bot.consultation.head_count import size_band_for
from bot.consultation.recount import corrected_size_band, head_count_given


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("17 with my two sons", "Small (10-49 staff)"),
        ("17 and my two sons", "Small (10-49 staff)"),
        ("6 with my two daughters", "Micro (1-9 staff)"),
        ("48 with my three brothers", None),  # 48 or 51: two bands, still unclear
        ("two sites, 40 staff", None),  # a number in words that is no one's count
    ],
)
def test_relatives_in_words_beside_the_count(text: str, band: str | None) -> None:
    assert size_band_for(text) == band


def test_the_correction_readers_moved_with_their_behaviour() -> None:
    assert corrected_size_band("actually we're 60 staff not 6") == "Medium (50-249 staff)"
    assert corrected_size_band("Unit 14, Aylesbury") is None
    assert head_count_given("bespoke joinery, there's 14 of us") == "Small (10-49 staff)"
    assert head_count_given("A41 Services") is None
