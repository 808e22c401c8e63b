""" "what is the Oxford-Cambridge Arc?" gets the Arc's answer, not intelligent mobility's
description, though the Arc is listed among that island's assets (browser probe, 7 Dec)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.strategy_asides import describe
from tests.actions.test_set_ep_strategy_questions import answered


@pytest.mark.parametrize(
    "text",
    ["what is the Oxford-Cambridge Arc?", "What's the Oxford Cambridge arc then?"],
)
def test_the_arc_named_in_full_gets_the_arcs_answer(text: str, domain: dict[str, Any]) -> None:
    sent = answered(text, "arc", 0.6, domain=domain)
    assert describe("intelligent_mobility") not in sent
    assert sent == ["utter_faq/arc"]


def test_an_island_asked_about_by_name_is_still_described(domain: dict[str, Any]) -> None:
    sent = answered("what is intelligent mobility?", "islands_seabed", 0.7, domain=domain)
    assert describe("intelligent_mobility") in sent
