"""Set FT of unseen conversations: a profile field put right at the next question, read
without Rasa (`meant_before`, the name and head count readers it leans on). Which field is
meant: the one pointed at, the one whose value on record is withdrawn, or what the words
are; never the question pending."""

from __future__ import annotations

import pytest

from bot.consultation.meant_before import meant_earlier, meant_late
from bot.consultation.profile_fixes import corrected_name
from bot.consultation.recount import recounted_band

MICRO, SMALL = "Micro (1-9 staff)", "Small (10-49 staff)"
ON_RECORD = {
    "organisation": "Bierton Surface Finishing",
    "sector": "Anodising",
    "size_band": MICRO,
    "location": "Bierton",
    "role": "Quality manager",
}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Sorry, that was the old name. We trade as Lowndes Framing Studio",
            "Lowndes Framing Studio",
        ),
        ("sorry thats our old name, we're called Frame & Mount now", "Frame & Mount"),
        ("that was the old name, it's now called Lowndes Studio", "Lowndes Studio"),
    ],
)
def test_the_name_the_business_goes_by_now(text: str, name: str) -> None:
    assert corrected_name(text, "Lowndes Framing") == name


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, going back a step, I said 8 but forgot our three apprentices, so it's 11",
        "i said 8 but forgot the two drivers, which makes it 10",
    ],
)
def test_a_count_said_then_made_up_to_the_real_one(text: str) -> None:
    assert recounted_band(text, MICRO) == SMALL


@pytest.mark.parametrize(
    ("text", "pending", "given", "last", "fixes"),
    [
        (
            "@btvlep sorry thats vague, i meant ebike battery repairs and rebuilds",
            "size_band",
            {"sector": "bikes"},
            "sector",
            {"sector": "ebike battery repairs and rebuilds"},
        ),
        (
            "Sorry, we're a bakery, not a cafe",
            "size_band",
            {"sector": "cafe"},
            "sector",
            {"sector": "bakery"},
        ),
        ("sorry, I meant 11", "location", {"size_band": MICRO}, "size_band", {"size_band": SMALL}),
        (
            "going back to the staff question, it's 14",
            "location",
            {"size_band": MICRO},
            "size_band",
            {"size_band": SMALL},
        ),
        (
            "sorry I meant Amersham",
            "role",
            {"location": "Tring"},
            "location",
            {"location": "Amersham"},
        ),
    ],
)
def test_an_earlier_field_put_right(
    text: str, pending: str, given: dict[str, str], last: str, fixes: dict[str, str]
) -> None:
    assert meant_earlier(text, pending, given, last) == fixes


@pytest.mark.parametrize(
    ("text", "pending", "given", "last"),
    [
        # the question pending answered after an apology
        ("sorry, I meant 12", "size_band", {"sector": "bikes"}, "sector"),
        ("sorry, about 12 of us", "size_band", {"sector": "bikes"}, "sector"),
        ("sorry I meant Wendover", "location", {"size_band": MICRO}, "size_band"),
        ("sorry i meant director", "role", {"location": "Tring"}, "location"),
        ("Sorry, I'm the owner", "role", {"location": "Tring"}, "location"),
        # a field not given yet cannot be put right; "I meant" a name must look like it
        ("sorry I meant we make kitchens", "sector", {"organisation": "Lowndes"}, "organisation"),
        ("sorry, we're a framer", "sector", {"organisation": "Lowndes"}, "organisation"),
        # where the firm is, or a count, after "I meant" at the head count: no sector
        ("sorry I meant we're based in Aylesbury", "size_band", {"sector": "bikes"}, "sector"),
        (
            "sorry i meant to say, about 12 of us in Aylesbury",
            "size_band",
            {"sector": "bikes"},
            "sector",
        ),
        # a count where the head count is not on record, a view that says "not"
        ("sorry i meant 3 sites, not one", "location", {"sector": "bikes"}, "sector"),
    ],
)
def test_an_answer_to_the_pending_question_is_no_fix(
    text: str, pending: str, given: dict[str, str], last: str
) -> None:
    assert meant_earlier(text, pending, given, last) == {}


@pytest.mark.parametrize(
    ("text", "fixes"),
    [
        (
            "Sorry, I meant Operations Director, not quality manager",
            {"role": "Operations Director"},
        ),
        ("Sorry, I meant Operations Director", {"role": "Operations Director"}),
        ("oops, Operations Director not quality manager", {"role": "Operations Director"}),
        (
            "@btvlep before that, the staff one, 9 is just the workshop. with the drivers and "
            "office its 13",
            {"size_band": SMALL},
        ),
        ("sorry I meant Amersham", {"location": "Amersham"}),
    ],
)
def test_a_field_put_right_past_the_profile(text: str, fixes: dict[str, str]) -> None:
    assert meant_late(text, ON_RECORD) == fixes


@pytest.mark.parametrize(
    "text",
    [
        "sorry I meant space and film",
        "sorry, I meant the space one",
        "the staff one and the roads one",  # seabed drivers described
        "sorry, the staff one",  # no count
        "Sorry, I meant Silverstone",  # an island's place
        "we need a manager, not quality manager",  # no owning up
        "before that, the staff one, its 9",  # the count on record
    ],
)
def test_a_choice_or_a_view_past_the_profile_is_no_fix(text: str) -> None:
    assert meant_late(text, ON_RECORD) == {}
