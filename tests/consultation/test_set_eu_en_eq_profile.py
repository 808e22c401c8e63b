"""What sets EU, EN and EQ of unseen conversations found in the profile: a letter's closing
signed under every message ("Kind regards,\\nMargaret Ashdown", ". Regards, P. Lattimer")
kept in every answer; names and places given in whole sentences ("The hotel is Farthings
Court.", "Our laboratory is at Tingewick.") kept whole; head counts with a share of the
count ("of whom nine are ...", "including nine solicitors and four trainees") or the
speaker added to a count ("Twelve drivers plus me and one in the office") in the wrong
band; and corrections the profile missed: a starred typo, "its loudwater not flackwell
heath" beside the role, "it's 12 of us now" at the play-back, "you've got our old name"."""

from __future__ import annotations

import pytest

from bot.channels.text import clean_message
from bot.consultation.head_count import size_band_for
from bot.consultation.letters import without_closing
from bot.consultation.location_fixes import corrected_location
from bot.consultation.profile import tidy_profile_answer
from bot.consultation.profile_fixes import answer_before_correction, profile_fixes
from bot.consultation.profile_followups import starred_fix
from bot.consultation.profile_sentences import name_in_sentence, sector_in_sentence

SMALL = "Small (10-49 staff)"
MICRO = "Micro (1-9 staff)"


@pytest.mark.parametrize(
    ("said", "read"),
    [
        (
            "Our firm is Ashdown Pryor LLP.\n\nKind regards,\nMargaret Ashdown",
            "Our firm is Ashdown Pryor LLP.",
        ),
        ("@btvlep Chalfont St Peter. Regards, P. Lattimer", "@btvlep Chalfont St Peter."),
        (
            "lettable.\n\nKind regards,\n\nMargaret Ashdown FRICS\nSenior Partner\n"
            "Ashdown Pryor LLP | Chartered Surveyors\n01753 884210",
            "lettable.",
        ),
        (
            "the carbon.\n\nWith best wishes,\n\nSarah Okafor\nPractice Manager\nVale View",
            "the carbon.",
        ),
        (
            "r.hadley@hadleybrooke.co.uk\n\nYours faithfully,\nRichard Hadley",
            "r.hadley@hadleybrooke.co.uk",
        ),
        ("Yes please.\nMany thanks\nTom", "Yes please."),
        ("We need a bypass. Kind regards.", "We need a bypass."),
        ("Yes, that is accurate.\nBest wishes", "Yes, that is accurate."),
    ],
)
def test_a_signed_closing_is_no_part_of_the_message(said: str, read: str) -> None:
    assert without_closing(said) == read
    assert clean_message(said) == read  # every channel reads (and keeps) it without


@pytest.mark.parametrize(
    "said",
    [
        "Kind regards,\nMargaret",  # nothing else said
        "No, thanks",  # a no, not a closing
        "We need roads. Thanks, anyway",  # no name
        "With regards to housing: the estates need offices.",
        "the A41 floods.\nThanks\nroads are bad too",  # the view goes on after it
        "yes. cheers, dave",  # lower case: not signed as a name is
        # the address the follow-up may want is in the block: left for the reader
        "Yes please\n\nKind regards,\nMargaret\nm.ashdown@ashdownpryor.co.uk",
    ],
)
def test_what_is_not_a_signed_closing_is_kept(said: str) -> None:
    assert without_closing(said) == said


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("The practice trades as Vale View Veterinary Centre", "Vale View Veterinary Centre"),
        ("The practice is Lindqvist Harper Architects", "Lindqvist Harper Architects"),
        ("The hotel is Farthings Court", "Farthings Court"),
        ("Our consultancy is Meridian Regulatory Services", "Meridian Regulatory Services"),
        ("We are Tolland Metrology Limited", "Tolland Metrology Limited"),
        ("We trade as Bucks Bees.", "Bucks Bees"),
        ("the shop is called pawfect grooming", "pawfect grooming"),
        ("Our family firm is Hollins & Son", "Hollins & Son"),
    ],
)
def test_a_name_in_a_sentence_is_the_name(said: str, name: str) -> None:
    assert name_in_sentence(said) == name
    assert tidy_profile_answer("organisation", f"{said}.") == name


@pytest.mark.parametrize(
    "said",
    [
        "We Are Digital",  # a name itself
        "The business is a bakery",  # what it is, not its name
        "The Old Forge is ours",
        "Our main office is Aylesbury",  # where it is
        "We are in Wing",
    ],
)
def test_what_is_no_name_sentence_is_left(said: str) -> None:
    assert name_in_sentence(said) is None


@pytest.mark.parametrize(
    ("said", "trade"),
    [
        ("Our sector is commercial property surveying.", "commercial property surveying"),
        ("Our line of business is a garden centre", "garden centre"),
        ("The industry is legal services", "legal services"),
    ],
)
def test_a_trade_in_a_sentence_is_the_sector(said: str, trade: str) -> None:
    assert sector_in_sentence(said) == trade
    assert tidy_profile_answer("sector", said) == trade


def test_a_trade_that_is_no_such_sentence_is_kept_as_typed() -> None:
    assert sector_in_sentence("Veterinary practice (small animal and equine).") is None
    assert tidy_profile_answer("sector", "Our business is mainly export") == (
        "Our business is mainly export"
    )


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("Our offices are in Burnham.", "Burnham"),
        ("Our head office and main centre are at Prestwood.", "Prestwood"),
        ("Our laboratory is at Tingewick.", "Tingewick"),
        ("Our studio is in Farnham Common.", "Farnham Common"),
        ("The practice is based in Wing", "Wing"),
        ("We're located at Westcott Venture Park", "Westcott Venture Park"),
    ],
)
def test_a_place_in_a_sentence_is_the_location(said: str, place: str) -> None:
    assert tidy_profile_answer("location", said) == place


@pytest.mark.parametrize(
    "said",
    [
        "Our customers are in London",  # where others are
        "Our offices are in Burnham and Slough",  # two places: kept as typed
    ],
)
def test_a_sentence_that_is_not_only_where_is_kept_as_typed(said: str) -> None:
    assert tidy_profile_answer("location", said) == said


@pytest.mark.parametrize(
    ("said", "band"),
    [
        ("We have 31 staff, including nine solicitors and four trainees", SMALL),
        ("Twelve people, of whom nine are data scientists", SMALL),
        ("Twenty-two, of whom seven are veterinary surgeons.", SMALL),
        ("40 staff, 30 of whom are drivers", SMALL),
        ("We employ fourteen people across the partnership and support staff.", SMALL),
        ("Twelve drivers plus me and one in the office", SMALL),
        ("12 drivers, me and my wife", SMALL),
        # owners, then their staff (set DY: Micro, and kept as typed)
        ("There are the two of us who own the business, and eight employees.", SMALL),
        (
            "We are a partnership of three veterinary surgeons, with eleven nurses and "
            "receptionists.",
            SMALL,
        ),
        ("2 partners and 8 staff", SMALL),
        ("2 owners with 3 vans", MICRO),  # vans are no people
        # the speaker and family alone are still a handful
        ("me and my son", MICRO),
        ("3 lads plus me and my son", MICRO),
        ("20 years, me and my son", MICRO),  # years, not people
        ("been going 20 years, just me and my son", MICRO),
    ],
)
def test_head_counts_in_sentences(said: str, band: str) -> None:
    assert size_band_for(said) == band


def test_a_starred_typo_puts_the_field_just_given_right() -> None:
    assert starred_fix("@btvlep *pawfect grooming", "pawfect groomin") == "pawfect grooming"
    assert starred_fix("*grooming", "pawfect groomin") == "pawfect grooming"
    assert starred_fix("Chesham*", "Chesahm") == "Chesham"
    assert starred_fix("*dog grooming", "pawfect groomin") is None  # an answer, not a fix
    assert starred_fix("*pawfect groomin", "pawfect groomin") is None  # nothing changes
    assert starred_fix("pawfect grooming", "pawfect groomin") is None  # no star


def test_the_town_put_right_beside_the_role() -> None:
    text = "@btvlep director. oh n its loudwater not flackwell heath, thats home not the yard"
    assert corrected_location(text, "flackwell heath") == "loudwater"
    assert answer_before_correction(text, "flackwell heath", "location") == "director"
    # "not <place>" must withdraw the place on record
    assert corrected_location("its loudwater not flackwell heath", "Aylesbury") is None
    assert corrected_location("its the A41 not the A413", "Aylesbury") is None
    # an apology alone, or owning up to the mistake, before the correction is no answer
    said = "Sorry, autocorrect strikes again. We're in Haddenham, not Hazlemere."
    assert corrected_location(said, "Hazlemere") == "Haddenham"
    assert answer_before_correction(said, "Hazlemere", "location") is None
    assert (
        answer_before_correction("oh sorry. its Marlow not Wycombe", "Wycombe", "location") is None
    )


SALVAGE = {
    "organisation": "Crendon Reclamation",
    "sector": "Architectural salvage",
    "size_band": MICRO,
    "location": "Long Crendon",
    "role": "Owner",
}


@pytest.mark.parametrize(
    "said",
    [
        "One thing in the details: we took on three more in the yard last month, so it's 12 "
        "of us now.",
        "there are now 20 of us",
        "that makes 14 staff now",
    ],
)
def test_the_count_now_puts_the_head_count_right_late(said: str) -> None:
    assert profile_fixes(said, SALVAGE, late=True) == {"size_band": SMALL}


@pytest.mark.parametrize("said", ["its 12 staff", "there are 12 of us and the yard is full of oak"])
def test_a_count_without_now_is_no_late_correction(said: str) -> None:
    assert profile_fixes(said, SALVAGE, late=True) == {}


@pytest.mark.parametrize(
    "said",
    [
        "Before I answer that, you've got our old name. We're Socketworks Prosthetics now; "
        "we dropped 'Clinic' in the spring.",
        "That's our old name, it's Socketworks Prosthetics now",
    ],
)
def test_an_old_name_put_right_later(said: str) -> None:
    profile = {"organisation": "Socketworks Clinic", "sector": "Prosthetics"}
    assert profile_fixes(said, profile, late=True) == {"organisation": "Socketworks Prosthetics"}
