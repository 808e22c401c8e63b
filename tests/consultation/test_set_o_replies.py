"""What the fifteenth set of unseen conversations (benchmarks/data/conversation_probe_o.yml)
found in the reply vocabulary, without Rasa: commands mistyped ("stpo", "skpi"); questions
about the chat itself (what the LEP is, whether it is worth it, finishing later, an
example); a change to an earlier answer named by its theme; one more view at the
play-back, told apart from a change to the themes. Paraphrases the set does not use."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import (
    about_the_chat_reply,
    asks_for_an_example,
    asks_to_finish_later,
    asks_what_the_lep_is,
    doubts_it_matters,
    example_for,
)
from bot.consultation.afterthoughts import earlier_question, view_at_playback
from bot.consultation.asides import steps_aside
from bot.consultation.questions import message
from bot.consultation.replies import asks_to_finish, is_skip, means_nothing
from bot.consultation.replies.typos import command_typo


@pytest.mark.parametrize("text", ["sotp", "Stopp", "fnish", "finsh it", "ok finsih now"])
def test_a_mistyped_stop_or_finish_finishes(text: str) -> None:
    assert asks_to_finish(text)


@pytest.mark.parametrize("text", ["sikp", "skipp", "nxet", "psas"])
def test_a_mistyped_skip_skips(text: str) -> None:
    assert is_skip(text) and means_nothing(text)


@pytest.mark.parametrize("text", ["ship", "step", "shop", "top", "skin", "stops the vans"])
def test_a_word_a_letter_away_in_place_is_no_command(text: str) -> None:
    assert not asks_to_finish(text) and not is_skip(text)


def test_a_real_command_is_no_typo() -> None:
    assert command_typo("stop") is None and command_typo("skip") is None


@pytest.mark.parametrize(
    "text",
    [
        "what does LEP stand for?",
        "who are BTVLEP",
        "LEP?",
        "sorry what is a local enterprise partnership",
    ],
)
def test_what_the_lep_is(text: str) -> None:
    assert asks_what_the_lep_is(text) and steps_aside(text)
    assert about_the_chat_reply(text, None) == message("what_is_lep")


@pytest.mark.parametrize(
    "text",
    [
        "is there any point? nobody listens",
        "will this actually make any difference",
        "does anyone even read these?",
        "why bother",
    ],
)
def test_doubting_it_matters(text: str) -> None:
    assert doubts_it_matters(text)
    assert about_the_chat_reply(text, None) == message("why_it_matters")


@pytest.mark.parametrize(
    "text",
    [
        "can I come back to this later?",
        "is it ok to do the rest tomorrow?",
        "can i leave it and come back",
        "could we do this another time",
    ],
)
def test_finishing_later(text: str) -> None:
    assert asks_to_finish_later(text) and steps_aside(text)


@pytest.mark.parametrize(
    "text",
    [
        "any examples?",
        "what would a good answer look like?",
        "show me an example answer",
        "can you give me an example of what you're after?",
        "could you give us an example of what you mean by barriers",
    ],
)
def test_asking_for_an_example(text: str) -> None:
    assert asks_for_an_example(text)


@pytest.mark.parametrize(
    "text",
    [
        "the LEP should fund a skills hub in Aylesbury",
        "nothing ever changes on the high street, the council never listens to shops",
        "we can finish the job later if the roads are clear",
        "could we stop the roadworks later in the day",
        "for example the A413 is gridlocked",
    ],
)
def test_views_that_use_the_words_stay_views(text: str) -> None:
    assert about_the_chat_reply(text, None) is None


def test_the_example_fits_the_question() -> None:
    assert example_for("island:space:barriers") == message("example_barriers")
    assert example_for("seabed:housing_growth:views") == message("example_views")
    assert example_for(None) == message("example_views")


SKILLS, ROADS = "seabed:education_skills:views", "seabed:infrastructure:views"


@pytest.mark.parametrize(
    "text",
    [
        "back to the skills question, I'd add that the college is too far away",
        "re the skills bit - I meant engineers not apprentices",
        "oh and on the education one, we train our own now",
    ],
)
def test_a_change_to_an_earlier_answer_names_its_question(text: str) -> None:
    assert earlier_question(text, ROADS, [SKILLS]) == SKILLS


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("going back to the housing one, rents are mad", [SKILLS]),  # not answered yet
        ("about the infrastructure one, trains", [SKILLS, ROADS]),  # the question pending
        ("the skills gap is bad round here", [SKILLS]),  # no question named
    ],
)
def test_not_a_change_to_an_earlier_answer(text: str, answered: list[str | None]) -> None:
    assert earlier_question(text, ROADS, answered) is None


@pytest.mark.parametrize(
    "text",
    [
        "oh and also the trains to London are always late",
        "my colleague wants to add that the business rates are crippling us",
        "can you add: nowhere to park for deliveries in Chesham",
        "the business rates are crippling us as well",
        "oh and one more thing, parking is a nightmare for customers",
    ],
)
def test_one_more_view_at_the_playback(text: str) -> None:
    assert view_at_playback(text)


@pytest.mark.parametrize(
    "text",
    [
        "mostly yes, but add skills",
        "no, drop housing",
        "no that's not what I said at all",
        "can you also add skills and infrastructure to the first one",
        "the themes look wrong to me honestly mate",
        "what happens to my answers now then?",
        "oh and how can I get involved",
        "and what happens next then",
    ],
)
def test_a_theme_change_or_a_question_is_no_view(text: str) -> None:
    assert not view_at_playback(text)


@pytest.mark.parametrize(
    "view",
    [
        "what's the point of HS2 if it doesn't even stop at Aylesbury?",
        "does anyone care about the potholes on the A413?",
        "what is the LEP doing about broadband in Marlow?",
        "we could give you some examples of where the A41 floods",
        "any example of real support for start-ups would help",
        "is there any point in apprenticeships if nobody stays?",
    ],
)
def test_a_view_that_opens_like_a_question_about_the_chat_is_kept(view: str) -> None:
    """The doubt, the LEP and the example rules read the whole message: a view that starts
    with their words is an answer to store, not an aside to answer."""
    assert about_the_chat_reply(view, "island:space:barriers") is None
    assert not steps_aside(view)
