"""What set FZ of unseen conversations (unusual respondents and profiles) found in the profile
form: a sector answer with land in it ("... we grow nordmanns on 60 acres, ... people come and
cut their own") filed as the head count too, so the head count question was skipped and every
later answer went one field astray; a head count NLU read as a question ("14 inc mum and dad
who still come in 3 days a week": "who") answered with the next steps and asked again; and a
sector described at length cut off mid-sentence at 255 characters. Now the sector alone is
kept and the head count asked, a head count that asks nothing is the answer, and a long
sector is kept whole."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.common import answer_read_as_question
from actions.profile import ValidateProfileForm
from bot.consultation import service
from tests.actions.conftest import make_tracker, stored_business, texts

XMAS = (
    "@btvlep christmas trees. we grow nordmanns on 60 acres, sell wholesale to garden centres"
    " and people come and cut their own in december. wreath workshops too"
)
FARM = (
    "Farming first and foremost - about 400 acres of arable and a small suckler herd - but"
    " over the last six years we've added a twelve-pitch campsite, a cut flower field we sell"
    " from at the gate, and a tea room in the old dairy. Between them the sidelines now bring"
    " in more than the farming does."
)


def _at(
    slot: str, sender: str, said: str, intent: str = "inform"
) -> tuple[dict[str, Any], list[str]]:
    """`said` validated at the profile question `slot`: the slots returned and the replies."""
    service.record_consent(sender, "rest", True)
    slots = {"organisation": "Hilltop Trees", "requested_slot": slot}
    tracker = make_tracker(sender, said, intent=intent, slots=slots, active_loop="profile_form")
    sent = CollectingDispatcher()
    result = getattr(ValidateProfileForm(), f"validate_{slot}")(said, sent, tracker, {})
    return result, texts(sent)


def test_land_in_the_sector_is_no_head_count(database_url: str) -> None:
    result, _ = _at("sector", "fz-trees", XMAS)
    assert "size_band" not in result
    assert result["sector"] == XMAS.removeprefix("@btvlep ")
    assert stored_business("fz-trees").size_band is None


def test_a_long_sector_is_kept_whole(database_url: str) -> None:
    result, replies = _at("sector", "fz-farm", FARM)
    assert result == {"sector": FARM}
    assert stored_business("fz-farm").sector == FARM
    assert replies == []


def test_a_sector_longer_than_any_description_is_still_bounded(database_url: str) -> None:
    long_sector = "arable and beef " * 100
    _at("sector", "fz-huge", long_sector)
    kept = stored_business("fz-huge").sector
    assert kept is not None and len(kept) == service.profile_max_chars("sector")
    assert service.profile_max_chars("organisation") == service.PROFILE_MAX_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep 14 inc mum and dad who still come in 3 days a week",
        # the same, in other words
        "about 20, including my uncle who does the books",
        "9 of us plus my dad who helps out on saturdays",
    ],
)
def test_a_head_count_read_as_a_question_is_the_answer(text: str) -> None:
    tracker = make_tracker(
        "fz-print",
        text,
        intent="faq",
        slots={"requested_slot": "size_band"},
        active_loop="profile_form",
    )
    assert answer_read_as_question(tracker, "size_band", faq=False) == {"size_band": text}


@pytest.mark.parametrize(
    "text",
    ["who gets to see this?", "14. who reads all this", "how many do you need, roughly?"],
)
def test_a_question_at_the_head_count_is_still_answered(text: str) -> None:
    tracker = make_tracker(
        "fz-ask",
        text,
        intent="faq",
        slots={"requested_slot": "size_band"},
        active_loop="profile_form",
    )
    assert answer_read_as_question(tracker, "size_band", faq=False) == {}
