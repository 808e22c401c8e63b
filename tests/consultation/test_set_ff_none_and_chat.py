"""Set FF (views with no theme beside views with real subjects, fourth round): a "none" at the
islands choice with an island's sector named in passing beside it chose that island, or kept
the passing mention as a view of its own; chat sent alone at a question ("Ooh, good
question", thanks for asking, sorry for the gap and the weather it was spent in, sorry for
the moan) was kept as the answer. An opening none now wins over a sector in passing, and
such chat keeps nothing; a theme still chosen beside a none, and a real view beside it or
after an apology, stay as they were (paraphrases the set does not use)."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import about_the_chat_reply
from bot.consultation.choice_view import view_beside_none
from bot.consultation.none_choice import chooses_after_none, means_none
from bot.consultation.pause_talk import pause_talk_only
from bot.consultation.remarks import remark_reply
from bot.consultation.replies.pauses import holding
from bot.consultation.small_talk import small_talk_only
from bot.strategy import ISLAND_IDS


@pytest.mark.parametrize(
    "text",
    [
        "None of those. Saw the space stuff on the list, my nephew works out at the test site",
        "None really. We once cleaned a film set, but that's as near to TV as we get!",
        "none. fitted a kitchen for a motorsport engineer once, thats my claim to fame",
        "None of them. The only medical thing we do is the first aid kit in the van",
        "nope none of these, i'd say digital but we still take bookings on paper",
        "None of these, I'm afraid. High performance stuff isn't us at all, sadly",
        # "..., we don't make anything. So none." closes on the answer (set DM's ", so none")
        "Creative sounds like us but it isn't really: we print menus for pubs. So none.",
    ],
)
def test_an_opening_none_wins_over_a_sector_in_passing(text: str) -> None:
    assert means_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "none, but space matters",
        "None of those. Space is close for us though, we make their brackets",
        "None of them except film",
        "none really, maybe the film one",
        "None. We're a space supplier really",
        "None of those. we're in the space sector though",
        "none of those. skills and the roads",  # the drivers, named at the islands
        "None of the islands. Skills is our big problem, we can't find welders",
    ],
)
def test_a_theme_still_chosen_beside_a_none_is_a_choice(text: str) -> None:
    assert not means_none(text)


def test_what_follows_the_none_decides_whether_it_still_chooses() -> None:
    assert not chooses_after_none("my son's desperate to work in film")
    assert chooses_after_none("but film matters")
    assert chooses_after_none("skills, and roads")  # a list of names


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep none, unless forklifts count as advanced manufacturing 😅",
        "None. A racing team once asked us to do their signs, but it's mostly estate agents",
        "None of those. We did the catering for a film shoot once, that's as close as it gets",
    ],
)
def test_a_sector_in_passing_beside_none_is_no_view_at_the_islands(text: str) -> None:
    assert view_beside_none(text, ISLAND_IDS) is None


@pytest.mark.parametrize(
    "text",
    [
        "none of these are us, but the real problem is staff can't get home after the last bus",
        "none, the roads round here are shocking and nobody fixes the potholes",
    ],
)
def test_a_real_view_beside_none_at_the_islands_is_still_kept(text: str) -> None:
    assert view_beside_none(text, ISLAND_IDS)


@pytest.mark.parametrize(
    "text",
    [
        "Ooh, good question",
        "@btvlep ha good q",
        "Hmm, that's a tough one",
        "Good question, some days I wonder!",
        "thanks for doing this, nobody ever asks the likes of us",
        "@btvlep cheers for running this btw",
        "ha this is more than the council has ever asked us",
        "@btvlep ta, keep warm",
        "Cheers, stay dry",
        "Thanks again, cheerio",
    ],
)
def test_chat_alone_is_small_talk(text: str) -> None:
    assert small_talk_only(text)
    assert remark_reply(text) == "small_talk"


@pytest.mark.parametrize(
    "text",
    [
        "Good question. We can't find pharmacists at any price",
        "thanks for doing this, the roads round here are a disgrace",
        "ha this is more than anyone has asked us, the council never replies to our emails",
    ],
)
def test_a_view_beside_the_chat_is_no_small_talk(text: str) -> None:
    assert not small_talk_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, this is a lot friendlier than the HMRC website!",
        "this is much nicer than the council's planning portal",
    ],
)
def test_a_remark_on_the_chat_beside_another_website(text: str) -> None:
    assert remark_reply(text) == "glad_its_easy"


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, that was more of a moan than an answer!",
        "sorry, that was a bit of a rant than an answer",
        "@btvlep soz that turned into a whinge",
    ],
)
def test_sorry_for_the_moan_is_no_answer(text: str) -> None:
    assert holding(text)


@pytest.mark.parametrize(
    "text",
    [
        "Do you want full sentences or will notes do?",
        "will bullet points do?",
        "@btvlep do you need full sentences",
    ],
)
def test_sentences_or_notes_is_answered(text: str) -> None:
    assert about_the_chat_reply(text, None) is not None


PAUSES = [
    "@btvlep sorry, drenched. spent the last hour unblocking a drain in the rain, funny old job",
    "Sorry, just had a queue of twelve for ice lollies, it's baking today. Right, where was I.",
    "Sorry, school delivery! It's freezing out there",
    "@btvlep sorry for the wait, had the gutters at the surgery to finish",
    "Apologies for the delay, had a coachload of walkers in. Right, where were we",
]


@pytest.mark.parametrize("text", PAUSES)
def test_sorry_for_a_pause_with_what_kept_you_is_no_answer(text: str) -> None:
    assert pause_talk_only(text)
    assert remark_reply(text) == "take_your_time"


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, the roads round here are awful and the council does nothing",
        "sorry, spent the last hour on hold to the council about our business rates",
        "Sorry for the delay, parking is a nightmare for our customers",
        "Sorry, it's boiling in the workshop every summer and we lose a day a week to the heat",
        "sorry, we just lost our best fitter to a bigger firm",
        "sorry, right",
    ],
)
def test_a_view_after_an_apology_is_no_pause(text: str) -> None:
    assert not pause_talk_only(text)
