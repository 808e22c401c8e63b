"""What the seventh set of unseen conversations (benchmarks/data/conversation_probe_g.yml)
found in reading replies, tested without Rasa."""

from __future__ import annotations

import pytest

from bot.consultation.replies import skips_the_rest


@pytest.mark.parametrize("text", ["skip teh rest", "skip th lot", "pass on teh rest pls"])
def test_skipping_the_rest_typed_on_a_phone(text: str) -> None:
    assert skips_the_rest(text)


@pytest.mark.parametrize("text", ["skip", "teh rest of the county is fine", "pass"])
def test_one_skip_or_a_view_is_not_skipping_the_rest(text: str) -> None:
    assert not skips_the_rest(text)
