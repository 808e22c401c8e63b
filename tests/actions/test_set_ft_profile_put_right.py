"""What set FT of unseen conversations found in the profile form and at the islands choice:
a profile answer put right at the next question ("Sorry, that was the old name. We trade as
Lowndes Framing Studio" at the sector question, "I said 8 but forgot our three apprentices,
so it's 11" at the town, "sorry thats vague, i meant ebike battery repairs and rebuilds" at
the head count) was kept as the answer to the question pending, every later field one
question late; at the islands choice ("Sorry, I meant Operations Director, not quality
manager", "before that, the staff one, 9 is just the workshop. with the drivers and office
its 13") it was "didn't catch" and the profile left wrong. Now the earlier field changes,
the business is told, and the pending question is asked again; an answer to the pending
question that opens with "sorry" is still its answer."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, slot_event, stored_business, texts, user_event

MICRO, SMALL = "Micro (1-9 staff)", "Small (10-49 staff)"


def _at(
    slot: str, sender: str, said: str, given: dict[str, str], last: str
) -> tuple[dict[str, Any], list[str]]:
    """`said` at the profile question `slot`, the fields `given` on record and the message
    before having filled `last`; the slots returned and the replies."""
    service.record_consent(sender, "rest", True)
    service.save_profile(sender, "rest", **given)
    events = [user_event(given[last]), slot_event(last, given[last])]
    slots = {**given, "requested_slot": slot}
    tracker = make_tracker(sender, said, slots=slots, events=events, active_loop="profile_form")
    sent = CollectingDispatcher()
    result = getattr(ValidateProfileForm(), f"validate_{slot}")(said, sent, tracker, {})
    return result, texts(sent)


def test_the_old_name_put_right_at_the_sector_question(database_url: str) -> None:
    said = "Sorry, that was the old name. We trade as Lowndes Framing Studio"
    result, replies = _at(
        "sector", "ft-framer", said, {"organisation": "Lowndes Framing"}, "organisation"
    )
    assert result == {"sector": None, "organisation": "Lowndes Framing Studio"}
    assert stored_business("ft-framer").organisation == "Lowndes Framing Studio"
    assert stored_business("ft-framer").sector is None
    assert replies == [message("organisation_corrected", name="Lowndes Framing Studio")]


def test_the_head_count_put_right_at_the_town_question(database_url: str) -> None:
    said = "Sorry, going back a step, I said 8 but forgot our three apprentices, so it's 11"
    given = {"organisation": "Mursley Electrical", "sector": "electrician", "size_band": MICRO}
    result, replies = _at("location", "ft-sparks", said, given, "size_band")
    assert result == {"location": None, "size_band": SMALL}
    assert stored_business("ft-sparks").location is None
    assert replies == [message("size_band_corrected", band=SMALL)]


@pytest.mark.parametrize(
    "said",
    [
        "@btvlep sorry thats vague, i meant ebike battery repairs and rebuilds",
        "Sorry, I should have said ebike battery repairs and rebuilds",
    ],
)
def test_the_sector_put_right_at_the_head_count(database_url: str, said: str) -> None:
    given = {"organisation": "stewkley cycle power", "sector": "bikes"}
    result, replies = _at("size_band", "ft-ebike", said, given, "sector")
    assert result == {"size_band": None, "sector": "ebike battery repairs and rebuilds"}
    assert stored_business("ft-ebike").sector == "ebike battery repairs and rebuilds"
    assert stored_business("ft-ebike").size_band is None
    assert replies == [message("corrected_last")]


def test_a_count_meant_at_the_town_question_is_the_head_count(database_url: str) -> None:
    given = {"organisation": "Mursley Electrical", "sector": "electrician", "size_band": MICRO}
    result, _ = _at("location", "ft-meant", "sorry, I meant 14", given, "size_band")
    assert result == {"location": None, "size_band": SMALL}


@pytest.mark.parametrize(
    ("slot", "said", "kept"),
    [
        # answers to the question pending that open with an apology
        ("size_band", "sorry, about 12 of us", SMALL),
        ("size_band", "sorry, I meant 4", MICRO),
        ("location", "Sorry, we're in Wendover", "Wendover"),
        ("location", "sorry i meant Wendover", None),
    ],
)
def test_an_answer_to_the_pending_question_after_sorry_is_its_answer(
    database_url: str, slot: str, said: str, kept: str | None
) -> None:
    given = {"organisation": "Mursley Electrical", "sector": "electrician"}
    if slot == "location":
        given["size_band"] = MICRO
    last = "sector" if slot == "size_band" else "size_band"
    result, _ = _at(slot, f"ft-neg-{slot}-{len(said)}", said, given, last)
    assert set(result) == {slot}
    if kept is not None:
        assert kept in result[slot]  # as typed ("Sorry, we're in Wendover" keeps its apology)
    assert stored_business(f"ft-neg-{slot}-{len(said)}").sector == "electrician"


def test_a_sector_answer_after_sorry_is_not_taken_for_the_name(database_url: str) -> None:
    said = "Sorry, we're a picture framers"
    result, _ = _at(
        "sector", "ft-neg-name", said, {"organisation": "Lowndes Framing"}, "organisation"
    )
    assert set(result) == {"sector"} and "picture framers" in result["sector"]
    assert stored_business("ft-neg-name").organisation == "Lowndes Framing"


PROFILE = {
    "organisation": "Bierton Surface Finishing",
    "sector": "Anodising and metal finishing",
    "size_band": MICRO,
    "location": "Bierton",
    "role": "Quality manager",
}


@pytest.mark.parametrize(
    ("said", "field", "value"),
    [
        ("Sorry, I meant Operations Director, not quality manager", "role", "Operations Director"),
        ("sorry, I meant operations director", "role", "operations director"),
        (
            "@btvlep before that, the staff one, 9 is just the workshop. with the drivers and "
            "office its 13",
            "size_band",
            SMALL,
        ),
    ],
)
def test_the_profile_put_right_at_the_islands_choice(
    database_url: str, domain: dict[str, Any], said: str, field: str, value: str
) -> None:
    from actions.consultation import ValidateStrategyForm

    sender = f"ft-isl-{field}-{len(said)}"
    service.record_consent(sender, "rest", True)
    service.save_profile(sender, "rest", **PROFILE)
    tracker = make_tracker(sender, said, slots=dict(PROFILE), active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(said, sent, tracker, domain)
    assert result == {"islands": None, field: value}  # the choice asked again
    assert getattr(stored_business(sender), field) == value
    assert not any("didn't catch" in reply for reply in texts(sent))


def test_a_choice_after_sorry_at_the_islands_is_still_a_choice(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("ft-isl-choice", "rest", True)
    service.save_profile("ft-isl-choice", "rest", **PROFILE)
    said = "sorry, I meant space and high performance"
    tracker = make_tracker("ft-isl-choice", said, slots=dict(PROFILE), active_loop="strategy_form")
    result = ValidateStrategyForm().validate_islands(said, CollectingDispatcher(), tracker, domain)
    assert result["islands"] == ["high_performance_technology", "space"]
    assert stored_business("ft-isl-choice").role == "Quality manager"
