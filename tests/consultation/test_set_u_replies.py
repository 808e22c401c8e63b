"""What set U of unseen conversations (benchmarks/data/conversation_probe_u.yml) found, kept
so with paraphrases the set does not use: "as above but worse" points back; a bare "maybe"
is no view; "can my colleague ..." needs the modal beside the colleague; the profile put
right late (location, head count, sector by its last words, a sector without its article);
a played-back answer put right by its number. Each rule is also shown not to swallow a
view that carries its trigger words. No Rasa, no database."""

from __future__ import annotations

import pytest

from bot.consultation.location_fixes import corrected_location
from bot.consultation.participation import asks_if_others_can_take_part
from bot.consultation.playback_fixes import corrected_item
from bot.consultation.pointing_back import pointed_answer, same_as_before
from bot.consultation.profile import strip_lead_in
from bot.consultation.profile_checks import sector_instead
from bot.consultation.profile_fixes import fixes_reply, profile_fixes
from bot.consultation.questions import message
from bot.consultation.replies import hedge_only

ON_RECORD = {
    "organisation": "Chalk Hill Ales",
    "sector": "youth charity",
    "size_band": "Micro (1-9 staff)",
    "location": "Tring",
}


@pytest.mark.parametrize(
    "text",
    [
        "as above but worse tbh",  # the set's
        "same again only more so",
        "ditto x10",
        "see above, but much worse now",
        "same as before but even worse",
    ],
)
def test_pointing_back_more_strongly_is_pointing_back(text: str) -> None:
    assert same_as_before(text)


@pytest.mark.parametrize(
    "text",
    [
        "as above but the buses are worse",
        "same as before but worse for the drivers since the A41 closed",
        "said that before, the roads are worse",
    ],
)
def test_pointing_back_with_a_view_of_its_own_is_a_view(text: str) -> None:
    assert not same_as_before(text)


@pytest.mark.parametrize(
    "text", ["maybe", "could be tbh", "it depends", "hard to say", "possibly, I suppose"]
)
def test_a_hedge_alone_is_no_view(text: str) -> None:
    assert hedge_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "maybe, if the A41 ever got fixed",
        "perhaps a bus from Thame that runs after six",
        "possibly the broadband, it drops every afternoon",
        "depends on whether the college keeps the course",
    ],
)
def test_a_hedge_with_a_view_is_a_view(text: str) -> None:
    assert not hedge_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "can my colleague fill this in too?",
        "could one of my colleagues have a go as well",
        "is it ok if our staff answer it too",
        "can the other directors reply separately?",
    ],
)
def test_asking_if_others_can_take_part(text: str) -> None:
    assert asks_if_others_can_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        # the set's: "will" and "my staff ... do" far apart
        "another strategy nobody will read, but fine: the roads are a joke and the last bus "
        "from Amersham goes at 6pm so my staff can't do late shifts",
        "the council will never fix it, my staff can't do overtime because the buses stop",
        "nobody can park, so my team have to take part of the day off to do deliveries",
        "we can't recruit, and my staff do double shifts",
    ],
)
def test_a_view_about_staff_is_no_question_about_taking_part(text: str) -> None:
    assert not asks_if_others_can_take_part(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("sorry wrong postcode, it's HP19", "HP19"),  # the set's
        ("oh sorry, just realised I put Tring, we're in Wendover not Tring", "Wendover"),
        ("oops wrong town, should be Chesham", "Chesham"),
        ("I gave you the wrong postcode, it should be HP22 5AB", "HP22 5AB"),
        ("not Tring, we're in Great Missenden", "Great Missenden"),
        ("Sorry - wrong town! We are in Olney", "Olney"),
    ],
)
def test_a_location_put_right(text: str, place: str) -> None:
    assert corrected_location(text, "Tring") == place


@pytest.mark.parametrize(
    "text",
    [
        "the wrong town got the bypass, it's Aylesbury that needed it",
        "we're in Aylesbury, not London, so the rents should be lower",
        "customers come from Thame not Tring because the parking is free",
        "the roads in Tring are awful",
    ],
)
def test_a_view_naming_places_is_no_location_change(text: str) -> None:
    assert corrected_location(text, "Tring") is None


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("btw we're not 6 staff, it's more like 60 since the merger", "Medium (50-249 staff)"),
        ("actually we're 40 staff now", "Small (10-49 staff)"),
        ("sorry, there are about sixty of us now", "Medium (50-249 staff)"),
        ("oops, our headcount is 120 not 12", "Medium (50-249 staff)"),
    ],
)
def test_a_head_count_put_right_late(text: str, band: str) -> None:
    assert profile_fixes(text, ON_RECORD, late=True) == {"size_band": band}


@pytest.mark.parametrize(
    "text",
    [
        "sorry, 30 staff left last year because the buses stopped",
        "actually 20 people applied and none could get here",
        "sorry we lost 15 staff to Milton Keynes because of rents",
        "actually we're mainly exporting now and the paperwork is killing us",
    ],
)
def test_a_view_with_numbers_of_people_changes_no_profile(text: str) -> None:
    assert profile_fixes(text, ON_RECORD, late=True) == {}


def test_a_long_answer_is_never_a_late_correction() -> None:
    text = "not 6 staff, 60 " + "and the roads round here are dreadful " * 5
    assert profile_fixes(text, ON_RECORD, late=True) == {}


def test_what_is_put_right_is_said_back_from_the_vocabulary() -> None:
    said = fixes_reply({"location": "HP19", "size_band": "Small (10-49 staff)"})
    assert message("location_corrected", location="HP19") in said
    assert message("size_band_corrected", band="Small (10-49 staff)") in said


@pytest.mark.parametrize(
    ("text", "sector", "new"),
    [
        ("sorry, we're not a charity, we're a youth CIC", "youth charity", "youth CIC"),
        ("we are not a shop we are a Post Office", "village shop", "Post Office"),
        ("not a cafe, we're a Bakery", "artisan cafe", "Bakery"),
    ],
)
def test_a_sector_put_right_by_its_last_words(text: str, sector: str, new: str) -> None:
    assert sector_instead(text, sector) == new


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("we're a small firm not a big one", "bakery"),
        ("we're a bakery not a supermarket, so the business rates hurt", "bakery"),
        ("not a chance, we're a team of 4", "youth charity"),
    ],
)
def test_no_sector_change_unless_the_one_on_record_is_named(text: str, sector: str) -> None:
    assert sector_instead(text, sector) is None


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("we are bakery, polish bread and cake", "bakery, polish bread and cake"),  # the set's
        ("I am plumber", "plumber"),
        ("we're builders and roofers", "builders and roofers"),
        ("Its recruitment", "Its recruitment"),  # a name-like answer stays whole
        ("we are not sure", "we are not sure"),
    ],
)
def test_a_sector_without_its_article(text: str, sector: str) -> None:
    assert strip_lead_in("sector", text) == sector


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("no, number 1 should say the A413 not the A41", 1),  # the set's
        ("2 should read electricians not apprentices", 2),
        ("in no. 2 I meant Thame", 2),
        ("nearly, item 1 should be the A418", 1),
    ],
)
def test_a_played_back_answer_put_right_by_its_number(text: str, n: int) -> None:
    assert corrected_item(text, 2) == n


@pytest.mark.parametrize(
    "text",
    [
        "no, add skills",
        "number 3 should say the A41",  # only two answers played back
        "the 2 roads should be dualled",
        "no, 1 more thing: parking in Marlow is a nightmare",
    ],
)
def test_no_numbered_correction(text: str) -> None:
    assert corrected_item(text, 2) is None


EARLIER = [
    "the Silverstone teams want composite brackets from us",
    "on race weekends the A43 is shut solid and our vans can't get out",
    "a composites course at the college so we can train our own",
]


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("see my first answer", 0),  # the set's
        ("as per my second answer", 1),
        ("same as the first one tbh", 0),
        ("what i said about the race weekends", 1),  # the set's
        ("like what I said about the vans", 1),
        ("same as what I told you about the college", 2),
        ("as above", 2),  # no place or topic: the latest
    ],
)
def test_a_pointer_to_one_answer_in_particular(text: str, meant: int) -> None:
    assert same_as_before(text)
    assert pointed_answer(text, EARLIER) == EARLIER[meant]


def test_a_topic_no_answer_was_about_points_to_none() -> None:
    # its own words are tagged instead ("broadband")
    assert pointed_answer("what I said about broadband", EARLIER) is None


@pytest.mark.parametrize(
    "text",
    [
        "what I said about the roads, plus parking is awful",
        "what I said about the roads and the parking is worse now",
        "see my first answer, and the rents have doubled since",
        "the first one is the roads",
    ],
)
def test_a_pointer_with_a_view_beside_it_is_a_view(text: str) -> None:
    assert not same_as_before(text)
