"""What set S of unseen conversations (benchmarks/data/conversation_probe_s.yml) found in
reading questions about the strategy itself, without Rasa: figures for the county's
economy, the timetable, an event to come to, the short version, why those themes, "and the
others?" after a theme was described, and whether it has anything for a sector. Paraphrases
the set does not use, the views with the same words that must stay views, and replies that
state only what the seeds say."""

from __future__ import annotations

import re

import pytest

from bot.consultation.questions import message
from bot.consultation.strategy_asides import (
    NEXT_STEPS,
    asks_about_an_event,
    asks_about_the_others,
    asks_about_the_strategy,
    asks_for_figures,
    asks_for_the_short_version,
    asks_what_it_covers,
    asks_when_it_is_finished,
    asks_why_these,
    describe,
    described_in,
    short_version,
    strategy_aside_reply,
    the_others,
)
from bot.strategy import ISLAND_IDS, SEABED_IDS, load_strategy, theme


@pytest.mark.parametrize(
    "text",
    [
        "any stats on the county's economy?",
        "how big is the Bucks economy",
        "how many jobs are there in Buckinghamshire?",
        "what's the GVA of the county?",
    ],
)
def test_figures_for_the_county_are_not_invented(text: str) -> None:
    assert asks_for_figures(text)
    reply = strategy_aside_reply(text)
    assert reply == message("no_county_figures")
    phone = load_strategy()["get_involved"]["phone"]
    assert not re.search(r"\d", reply.replace(phone, ""))  # no number but the phone


@pytest.mark.parametrize(
    "text",
    [
        "when will the final strategy be out?",
        "what's happening in january then?",
        "is there a deadline for all this?",
        "when's it going to be done",
    ],
)
def test_the_timetable_is_the_boards_meeting(text: str) -> None:
    assert asks_when_it_is_finished(text)
    assert strategy_aside_reply(text) == NEXT_STEPS


@pytest.mark.parametrize(
    "text",
    [
        "are there any workshops I can go to?",
        "can I come to a meeting instead?",
        "do you run drop-in sessions anywhere?",
        "any events coming up?",
    ],
)
def test_no_event_is_invented(text: str) -> None:
    assert asks_about_an_event(text)
    assert strategy_aside_reply(text) == message("no_event_named")


@pytest.mark.parametrize(
    "text", ["tl;dr?", "can you sum it up for me", "in a nutshell?", "summarise it please"]
)
def test_the_short_version(text: str) -> None:
    assert asks_for_the_short_version(text)
    assert strategy_aside_reply(text) == short_version()


@pytest.mark.parametrize(
    "text",
    [
        "what does intelligent public services mean in plain english?",
        "digital science in a nutshell?",
        "give me the short version of the housing one",
    ],
)
def test_a_theme_in_brief_is_that_themes_question(text: str) -> None:
    assert not asks_for_the_short_version(text)


def test_the_short_version_names_every_theme_and_nothing_else() -> None:
    reply = short_version()
    assert all(theme(t).name in reply for t in (*ISLAND_IDS, *SEABED_IDS))
    assert "Buckinghamshire" in reply and not re.search(r"\d", reply)


@pytest.mark.parametrize(
    "text", ["why these five?", "how were they chosen?", "what makes those so special?"]
)
def test_why_those_themes(text: str) -> None:
    assert asks_why_these(text)
    reply = strategy_aside_reply(text)
    assert "distinctive" in reply and "nationally" in reply
    assert load_strategy()["preparation"]["commissioned"] in reply


@pytest.mark.parametrize(
    "text", ["what about the rest?", "the others?", "tell me about the other ones"]
)
def test_the_others_after_one_island_was_described(text: str) -> None:
    before = describe("space") + "\nWhich of these matter to your business?"
    assert asks_about_the_others(text)
    reply = strategy_aside_reply(text, before)
    assert reply is not None and reply.startswith("The other four islands")
    assert all(theme(t).name in reply for t in ISLAND_IDS if t != "space")
    assert "Space" not in reply


def test_the_others_after_a_seabed_driver_are_the_other_six() -> None:
    assert described_in(describe("infrastructure")) == ["infrastructure"]
    reply = the_others(["infrastructure"])
    assert reply is not None and reply.startswith("The other six seabed drivers")
    assert "Infrastructure:" not in reply


def test_the_others_with_nothing_described_is_left_to_the_faq() -> None:
    assert strategy_aside_reply("and the other four?", "Would you like to take part?") is None


def test_a_theme_without_named_assets_says_none() -> None:
    assert "Named in the strategy" not in describe("digital_science")
    assert "Named in the strategy: Westcott" in describe("space")


@pytest.mark.parametrize(
    "text",
    [
        "does the strategy cover retail?",
        "does it say anything about farming?",
        "anything in it for accountants?",
        "what does it offer for charities?",
    ],
)
def test_what_it_covers(text: str) -> None:
    assert asks_what_it_covers(text)


@pytest.mark.parametrize(
    "text",
    [
        # figures
        "the figures for the Bucks economy hide how many of us are struggling",
        "GDP means nothing to a corner shop",
        "our numbers are down 20% since the A41 works started",
        # the timetable
        "when the strategy is finished I hope it mentions the A413",
        "the deadline for our planning application is in January",
        "nothing happens in January in retail, it's dead",
        # events
        "more events for small firms would help",
        "there's never an event in Wycombe for start-ups",
        "the LEP should run workshops on exporting",
        "we could host a workshop at our studio",
        # the short version
        "short version: the roads are terrible",
        "the short version is we need more staff",
        "in short, rents are too high",
        "tl;dr broadband is rubbish",
        # why those
        "why those roads never get fixed is beyond me",
        "why these rents keep going up I don't know",
        "those ones are fine but we need skills",
        "how did they choose the route for HS2",
    ],
)
def test_views_with_the_same_words_stay_views(text: str) -> None:
    assert not asks_about_the_strategy(text)
    assert strategy_aside_reply(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "the other firms on our estate feel the same",
        "the rest of the county gets everything",
        "other than that, parking",
    ],
)
def test_views_about_others_are_not_a_follow_up(text: str) -> None:
    assert not asks_about_the_others(text)
    assert strategy_aside_reply(text, describe("space")) is None


@pytest.mark.parametrize(
    "text",
    [
        "there's nothing in this for care homes and that's the problem",
        "the strategy should cover care homes too",
        "anything that helps care homes recruit would be welcome",
        "nothing in here for retail, the high street is dying",
    ],
)
def test_views_about_what_it_covers_stay_views(text: str) -> None:
    assert not asks_what_it_covers(text)


def test_how_many_have_responded_is_not_the_economy() -> None:
    assert not asks_for_figures("how many businesses have responded so far?")


@pytest.mark.parametrize(
    "text", ["how many jobs could the arc create?", "what's the GVA for the ox-cam corridor?"]
)
def test_the_arcs_figures_are_the_faqs(text: str) -> None:
    assert not asks_for_figures(text)


@pytest.mark.parametrize(
    "text",
    [
        # a question that goes on into the business's own view
        "when will they finish the bypass? it's been years and trade is dying",
        "when will it be done? the roadworks on the A41 I mean, they're killing us",
        "is there any data on how many businesses struggle with broadband? ours is terrible",
        "how many jobs are there in Bucks for school leavers? not enough, that's why they leave",
        # the same words about something other than the strategy
        "when will they finish the bypass?",
        "is there any support for firms hit by the launch of HS2 works?",
        "can we get a meeting with the council about the potholes on our estate",
    ],
)
def test_views_that_ask_about_something_else_are_not_strategy_questions(text: str) -> None:
    """Written after merging set S: each was answered as a question about the strategy, and
    at an open question nothing was stored."""
    assert strategy_aside_reply(text) is None
    assert not asks_about_the_strategy(text)


@pytest.mark.parametrize(
    "text",
    [
        "any stats on the county's GDP? just curious",
        "when's it finished? thanks",
        "can I come to a meeting instead?",
        "I'm a reporter at the Bucks Herald. When will the final strategy be published?",
        # the question's own elaboration, or a second question, is no view
        "any figures for the county's economy? GDP, jobs, that kind of thing",
        "when is the strategy finished? is it something in January?",
        "is there a workshop I could come along to? I'd rather talk in person",
    ],
)
def test_a_strategy_question_with_a_word_of_thanks_or_who_asks_is_still_one(text: str) -> None:
    assert strategy_aside_reply(text) is not None
