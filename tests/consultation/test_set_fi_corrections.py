"""What set FI of unseen conversations (owners who correct things at the play-back and later)
found in the readers of corrections: "I typed 140 by mistake. It's 14" and "I put 30 for the
number of staff. It's 3 of us" took back no head count; "my role says Director but ... it
should be Partner", "my town is wingrave not wing" and "we're in Little Chalfont now, we
moved from Chalfont St Giles" put no field right; "Number 3 isn't what I meant, can I
rewrite it?" asked for no new wording; "..., not the B4009. Wrong road." withdrew "b4009
wrong road", which no answer held; and a named answer reworded or added to past the
play-back ("can i change the housing one? what i meant was ...", "forgot one bit, can you
add to the roads one that ...") was not read at all."""

from __future__ import annotations

import pytest

from bot.consultation.location_fixes import corrected_location
from bot.consultation.named_changes import changes_a_named_answer
from bot.consultation.playback_fixes import answer_put_right, change_asked
from bot.consultation.profile_fixes import corrected_role, profile_fixes
from bot.consultation.recount import recounted_band

MEDIUM, SMALL, MICRO = "Medium (50-249 staff)", "Small (10-49 staff)", "Micro (1-9 staff)"

# --- a head count taken back, the real one in the next sentence --------------------------------


@pytest.mark.parametrize(
    ("said", "on_record", "band"),
    [
        (
            "Nearly - the staff number is wrong, I typed 140 by mistake. It's 14, mostly "
            "part-time teachers.",
            MEDIUM,
            SMALL,
        ),
        (
            "Just looked back and I put 30 for the number of staff. It's 3 of us, sorry, no "
            "idea where the 0 came from.",
            SMALL,
            MICRO,
        ),
        ("I entered 12 by accident, it should be 120", SMALL, MEDIUM),
    ],
)
def test_a_count_taken_back_then_given_again_is_the_new_band(
    said: str, on_record: str, band: str
) -> None:
    assert recounted_band(said, on_record) == band
    assert profile_fixes(said, {"size_band": on_record}, late=True) == {"size_band": band}


@pytest.mark.parametrize(
    ("said", "on_record"),
    [
        # the first number is not the count on record
        ("I typed 140 by mistake. It's 14, mostly part-time teachers.", MICRO),
        # the second is no head count
        ("I put 30 hours a week into it. It's 14 miles to the college.", SMALL),
    ],
)
def test_numbers_that_do_not_take_back_the_count_change_nothing(said: str, on_record: str) -> None:
    assert recounted_band(said, on_record) is None


# --- the role: "my role says X ... it should be Y" ---------------------------------------------


def test_my_role_says_then_should_be_puts_the_role_right() -> None:
    said = (
        "One small thing - my role says Director but we're a partnership, so it should be Partner."
    )
    assert corrected_role(said, "Director") == "Partner"
    assert profile_fixes(said, {"role": "Director"}, late=True) == {"role": "Partner"}
    assert (
        corrected_role("my job title should read Practice Manager", "Owner") == "Practice Manager"
    )


@pytest.mark.parametrize(
    "said",
    [
        # what should be is not the role
        "my role says Director but the LEP should be helping more.",
        "the council's role should be bigger",
        "my role in it should be to train apprentices, nothing more.",
        # a role other than the one on record
        "my role says Owner but it should be Partner",
    ],
)
def test_other_talk_of_roles_corrects_nothing(said: str) -> None:
    assert corrected_role(said, "Director") is None


# --- the town: "my town is X not Y", "we're in X now, we moved from Y" --------------------------


@pytest.mark.parametrize(
    ("said", "on_record", "place"),
    [
        ("@btvlep and my town is wingrave not wing, autocorrect", "wing", "wingrave"),
        ("the location should be Marlow not Tring", "Tring", "Marlow"),
        (
            "The location needs changing: we're in Little Chalfont now, we moved from Chalfont "
            "St Giles last spring.",
            "Chalfont St Giles",
            "Little Chalfont",
        ),
        (
            "we moved from Chalfont St Giles to Little Chalfont last spring",
            "Chalfont St Giles",
            "Little Chalfont",
        ),
    ],
)
def test_the_town_put_right_at_the_play_back(said: str, on_record: str, place: str) -> None:
    assert corrected_location(said, on_record) == place


@pytest.mark.parametrize(
    "said",
    [
        # the place withdrawn is not the one on record
        "my town is wingrave not wing",
        "we're in Aylesbury now, we moved from London",
        "we moved from London to Aylesbury ten years ago",
    ],
)
def test_a_place_not_on_record_withdrawn_corrects_nothing(said: str) -> None:
    assert corrected_location(said, "Tring") is None


# --- answers named at the play-back and later ----------------------------------------------------


@pytest.mark.parametrize(
    ("said", "n"),
    [
        ("Number 3 isn't what I meant, can I rewrite it?", 3),
        ("no 2 is not what i meant", 2),
        ("the second one isn't quite right, could I redo it?", 2),
    ],
)
def test_an_answer_disowned_asks_for_its_new_wording(said: str, n: int) -> None:
    assert change_asked(said, 3) == n


def test_a_withdrawn_word_ends_at_its_sentence() -> None:
    answers = [
        "Race teams want printed titanium parts in days, not weeks.",
        "Couriers hate coming out to us: the B4009 through the village is single file.",
    ]
    said = "One thing: the barriers one should say the A4129, not the B4009. Wrong road."
    assert answer_put_right(said, answers) == 2


@pytest.mark.parametrize(
    "said",
    [
        "@btvlep before that, can i change the housing one? what i meant was the new homes "
        "planned at the edge of the village will take the field we store our trailers on",
        "I'd like to redo number 2: what I meant was we need a bigger yard",
        "@btvlep forgot one bit, can you add to the roads one that theres nowhere to lock a bike",
        "one more thing, can you add to number 2 that we need apprentices too",
    ],
)
def test_a_named_answer_reworded_or_added_to(said: str) -> None:
    assert changes_a_named_answer(said)


@pytest.mark.parametrize(
    "said",
    [
        "yes please",
        "no thanks, not the newsletter",
        "can i change the housing one?",  # no wording yet
        "the roads are awful and the bridge has a weight limit",
        "I'd change the whole planning system if I could, what I meant was it is slow",
    ],
)
def test_other_messages_change_no_named_answer(said: str) -> None:
    assert not changes_a_named_answer(said)
