"""Readings that set ET of unseen conversations found wanting (no Rasa): a later piece of the
answer just given, said by what it points back to ("What I mean is ...", "Forgot to say
...", "2nd thing, ...", "On top of that, ..."), and a new answer that only opens like one;
a pause with its reason ("Bear with, a spaniel's just arrived for his bath"), a return alone
or in front of words ("@btvlep right lesson done", "Back with you. ..."); sorry for a long
answer, thanks for the chance to say it, and a subject closed ("that's the lot on the
council"), none of them a view."""

from __future__ import annotations

import pytest

from bot.consultation.afterthoughts import adds_to_last_answer, earlier_question, view_at_playback
from bot.consultation.asides import continues_answer
from bot.consultation.later_pieces import carries_on_last, on_the_pending_subject, points_back
from bot.consultation.remarks import closes_a_subject, remark_reply
from bot.consultation.replies import corrects_last_answer
from bot.consultation.replies.pauses import after_return, holding, sorry_for_own_answer

HOUSING = "seabed:housing_growth:views"
SKILLS = "seabed:education_skills:views"
SERVICES = "seabed:intelligent_public_services:views"
ROADS = "seabed:infrastructure:views"
GREEN = "seabed:environment_quality_of_life:views"
MONEY = "seabed:entrepreneurialism:views"
DIGITAL = "seabed:digital_science:views"
OPPORTUNITIES = "island:space:opportunities"
BARRIERS = "island:space:barriers"
HELP = "island:space:help"


@pytest.mark.parametrize(
    ("text", "previous", "pending"),
    [
        # what the last answer meant, after a one-word answer or any other
        ("What I mean is the college has a two-year waiting list for plumbing.", SKILLS, GREEN),
        ("What I meant was the lanes have got too fast to ride out on.", ROADS, GREEN),
        ("By that I mean the lanes are so fast now nobody feels safe.", ROADS, GREEN),
        ("By parking I mean clients have nowhere to stop at all.", ROADS, GREEN),
        ("As in, clients have nowhere to stop while they drop the dog off.", ROADS, GREEN),
        ("@btvlep ie cant find any. qualifying costs about 3 grand", SKILLS, ROADS),
        ("i.e. nobody local teaches the heat pump side", SKILLS, GREEN),
        ("ie level 3 staff", SKILLS, ROADS),
        ("In other words the college has stopped running it altogether.", SKILLS, ROADS),
        ("To be clear, it's the lorries for the rail works that scare the horses.", ROADS, GREEN),
        # something left out
        ("Forgot to say on the money side: there's no proper advice for tiny firms.", MONEY, ROADS),
        ("I forgot to mention the banks won't lend against kit either.", MONEY, ROADS),
        ("Should have said as well on the housing: the houses leak heat.", HOUSING, SKILLS),
        ("Meant to add, the grant forms take a week each.", BARRIERS, HELP),
        ("I should add that the substation is at its limit too.", BARRIERS, HELP),
        # one more point of the same answer
        ("Another gripe while I'm at it: the council's portal goes down.", SERVICES, SKILLS),
        ("@btvlep 2nd thing, cant hire embedded devs, they all go to reading", BARRIERS, HELP),
        ("@btvlep other thing, the web shop falls over every xmas", DIGITAL, GREEN),
        ("One more: the games tax relief takes about six months to come through.", BARRIERS, HELP),
        ("The other barrier is training: there's no audiology degree near us.", BARRIERS, HELP),
        ("Second point, the rents on the estate doubled this year.", BARRIERS, HELP),
        ("The other opportunity is the film studios down the road.", OPPORTUNITIES, BARRIERS),
        # a link back to what was just said
        ("On top of that, the power supply can't take a third printer.", BARRIERS, HELP),
        ("Same goes for the NHS: the health visitors never share anything.", SERVICES, SKILLS),
        ("@btvlep n dont get me started on abbey barn, hundreds of homes", HOUSING, SKILLS),
        (
            "Come to think of it, the bus stops at six so apprentices can't get in.",
            SKILLS,
            ROADS,
        ),
        ("Not to mention the business rates went up again this spring.", MONEY, ROADS),
        ("To add to that, the college has stopped the evening classes.", SKILLS, ROADS),
        ("Before I forget, the college course is full for two years.", SKILLS, ROADS),
        ("Another problem while I'm at it: the college has stopped it.", SKILLS, ROADS),
        ("By which I mean the course is two years long.", SKILLS, ROADS),
        ("Missed a bit: the assessors are all in Reading.", SKILLS, ROADS),
        ("@btvlep thing 2, no1 local can teach it", SKILLS, ROADS),
        ("@btvlep like a mentor or a 1 day course on pricing & tax would help me", MONEY, DIGITAL),
    ],
)
def test_a_piece_that_points_back_carries_on_the_last_answer(
    text: str, previous: str, pending: str
) -> None:
    assert carries_on_last(text, previous, pending)


@pytest.mark.parametrize(
    ("text", "previous", "pending", "before"),
    [
        # a new answer to the question pending, whatever it opens with
        ("Also the A41 is gridlocked every morning, so deliveries are late.", MONEY, ROADS, None),
        ("Apprentices.", HOUSING, SKILLS, None),
        ("I mean, the roads are the whole problem round here.", MONEY, ROADS, None),
        ("To expand we need a bigger unit and there isn't one.", BARRIERS, HELP, None),
        ("We should add more buses to the business park.", ROADS, GREEN, None),
        ("We should have added a second shift years ago.", ROADS, GREEN, None),
        ("As in, which college?", SKILLS, ROADS, None),  # a question back
        ("Like a lot of firms, we can't find anyone to do the books.", MONEY, DIGITAL, None),
        ("Before I forget, the roads round the estate are gridlocked.", MONEY, ROADS, None),
        # the kind or the subject of the question pending, named after a weak link
        ("Another thing that would help is a short course at the college.", BARRIERS, HELP, None),
        (
            "The other big barrier is getting staff in.",
            OPPORTUNITIES,
            BARRIERS,
            None,
        ),
        ("Another problem is nobody can get a mortgage here.", OPPORTUNITIES, BARRIERS, None),
        ("Another issue is the rents on the estate.", OPPORTUNITIES, BARRIERS, None),
        ("On top of that, the roads round the estate are gridlocked by eight.", MONEY, ROADS, None),
        # "last one" alone may mean the last question; after a numbered piece it carries on
        ("@btvlep last 1, broadband in the villages drops out", BARRIERS, HELP, None),
        ("@btvlep last 1, broadband in the villages drops out", BARRIERS, HELP, "@btvlep chips"),
        # no words after the link: an announcement, not a piece
        ("One more thing:", BARRIERS, HELP, None),
        # no question answered before in this part
        ("What I mean is the college has stopped the course.", None, SKILLS, None),
        # a point of an earlier answer named as this one's (set CI, the foley studio)
        (
            "The second thing I mentioned, really. Someone to put us in front of the studios.",
            BARRIERS,
            HELP,
            None,
        ),
    ],
)
def test_a_new_answer_is_not_taken_for_a_piece(
    text: str, previous: str | None, pending: str, before: str | None
) -> None:
    assert not carries_on_last(text, previous, pending, before)


def test_the_last_point_after_a_numbered_one_carries_on() -> None:
    text = "@btvlep last 1, 4g in the villages drops out so the boxes lose the vans"
    before = "@btvlep 2nd thing, cant hire embedded devs, they all go to reading"
    assert carries_on_last(text, BARRIERS, HELP, before)


def test_a_piece_at_the_play_back_is_joined_to_the_last_answer() -> None:
    text = "By that I mean the lanes are so fast now that nobody feels safe riding out."
    assert points_back(text) and adds_to_last_answer(text)
    assert not points_back("The council could trial our boxes on its own vans.")


def test_n_is_and_on_x() -> None:
    assert continues_answer("@btvlep n the parking on the high st is a joke")
    assert not continues_answer("n/a really, we don't deal with any of that")


def test_should_have_said_as_well_adds_rather_than_corrects() -> None:
    assert not corrects_last_answer("Should have said as well on the housing: they leak heat.")
    assert corrects_last_answer("Should have said Haddenham, not Thame.")


@pytest.mark.parametrize(
    ("text", "pause"),
    [
        ("Bear with, a spaniel's just arrived for his bath", True),
        ("One moment, my eleven o'clock has just walked in", True),
        ("@btvlep sorry pupil just turned up, back after the lesson", True),
        ("Sorry, a build has just come off the printer and I need to check it", True),
        ("Hang on, the vet has just pulled up", True),
        ("@btvlep hang fire, customer on the phone", True),
        ("Hang fire, two minutes", True),
        ("sorry, back after the school run", True),
        # a return alone: the question again
        ("@btvlep right lesson done", True),
        ("Right, he's in.", True),
        ("Back with you", True),
        ("ok off the phone", True),
        ("Right, that's him sorted", True),
        # views that open with a pause word or say something came in
        ("Sorry, the new rules have just come in and nobody can explain them", False),
        ("Sorry, but our biggest customer has just gone bust", False),
        ("Bear with me, the roads are the real problem round here", False),
        ("The lesson is over too quickly because of the traffic", False),
        ("Back after the pandemic, trade never recovered", False),
    ],
)
def test_a_pause_and_a_return(text: str, pause: bool) -> None:
    assert holding(text) is pause


def test_a_return_in_front_of_words_is_those_words() -> None:
    assert after_return("Back with you. The other barrier is training.") == (
        "The other barrier is training."
    )
    assert after_return("Right, he's in. Forgot to say on the money side: no advice.") == (
        "Forgot to say on the money side: no advice."
    )
    assert after_return("@btvlep ok off the phone. for help, the council could trial") == (
        "for help, the council could trial"
    )


@pytest.mark.parametrize(
    ("text", "sorry"),
    [
        ("Sorry, that turned into a bit of a speech", True),
        ("Sorry, getting on my soapbox there", True),
        ("I'll get off my soapbox now", False),  # "now" after it: left as it was
        ("@btvlep didnt mean to write war n peace there", True),
        ("Didn't mean to go on so much, sorry", True),
        ("Sorry, probably far too much detail!", True),
        ("Sorry, bit of an essay there", True),
        ("Sorry, went off on one there", True),
        ("Apologies for the length of that", True),
        ("Sorry, bit of an issue with the roads here", False),
        ("Apologies, that was more than you asked for", False),
        ("Sorry, the roads are too much for the lorries", False),
        ("sorry, getting on my soapbox about the roads: they are awful", False),
    ],
)
def test_sorry_for_a_long_answer(text: str, sorry: bool) -> None:
    assert sorry_for_own_answer(text) is sorry


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("Right, that's the lot on the council and NHS.", True),
        ("That's everything on the roads and so on", True),
        ("@btvlep thats me done on the tech side", True),
        ("Nothing more on that side.", True),
        ("That's all I've got on skills, thanks", True),
        ("Done on housing.", True),
        ("That's all good", False),
        # a step on, or a view about the subject
        ("nothing more on the racing side, next island please", False),
        ("That's all on the roads, they are awful", False),
        ("I'm done with the council, they never listen", False),
    ],
)
def test_a_subject_closed_on_its_own(text: str, closes: bool) -> None:
    assert closes_a_subject(text) is closes


def test_remarks_about_the_answer_are_acknowledged_not_kept() -> None:
    assert remark_reply("That's everything on the roads and so on") == "enough_said"
    assert remark_reply("Thank you, it's genuinely useful to get this off my chest") == (
        "small_talk"
    )
    assert remark_reply("Nice to be asked for once.") == "small_talk"
    assert remark_reply("Cheers for letting me vent") == "small_talk"
    assert remark_reply("It's useful to get the parking problem off my chest: it's awful") is None
    for text in ("Sorry, that turned into a bit of a speech", "That's everything on the roads"):
        assert not view_at_playback(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Forgot to say on the housing one: the estates all use national firms.", HOUSING),
        ("Forgot to say on the money side: there's no advice for tiny firms.", MONEY),
        ("On the skills side, the college has stopped the evening course.", SKILLS),
        ("On the plus side, the new estates bring us customers.", None),
        ("Should have said as well on the housing: they leak heat.", None),  # the last answer
    ],
)
def test_a_piece_that_names_an_earlier_question_goes_to_it(text: str, key: str | None) -> None:
    assert earlier_question(text, ROADS, [MONEY, HOUSING, SKILLS]) == key


@pytest.mark.parametrize(
    ("text", "previous", "pending", "pending_subject"),
    [
        ("the roads are gridlocked every morning, so deliveries are late", MONEY, ROADS, True),
        ("the roads round the estate are gridlocked by eight", SKILLS, ROADS, True),
        ("the college is miles away and the bus stops at six", SKILLS, ROADS, False),
        ("no bank will lend to a firm under two years old", MONEY, ROADS, False),
        ("the barriers are the roads", BARRIERS, HELP, False),  # one theme: never
    ],
)
def test_words_on_the_pending_subject(
    text: str, previous: str, pending: str, pending_subject: bool
) -> None:
    assert on_the_pending_subject(text, previous, pending) is pending_subject
