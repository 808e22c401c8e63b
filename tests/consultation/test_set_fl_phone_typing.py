"""Readings that set FL of unseen conversations (answers typed on a phone, second round)
found wanting (no Rasa): a long sentence cut off on "so", "cos" or "n"; an answer carried
on with "so theres ..." or "esp ..."; a sentence split between its subject and its verb
("... n the developers" / "want it all done ..."); a fragment sent early ("we", "the rec
gr", "ab" at the head count); a name put right with "sorry autocorrect, its ..."; and a
place starred right ("*stewkley" after "steely"). Each is checked with phrasings the set
did not use, and with the nearby ordinary answers that must read as before."""

from __future__ import annotations

import pytest

import bot.tagging
from bot.consultation.asides import continues_answer
from bot.consultation.cut_off import cut_off
from bot.consultation.held import held_answer, holds
from bot.consultation.profile_fixes import corrected_name
from bot.consultation.profile_followups import starred_fix
from bot.consultation.sent_early import dropped_before, half_typed_count, sent_early
from bot.consultation.sentence_split import finishes_the_answer, finishes_the_sentence
from bot.tagging.result import TagResult


@pytest.fixture(autouse=True)
def subject_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tagger as `names_a_subject` consults it: the NHS and roads are subjects."""

    def tag(text: str, question_key: str | None = None) -> TagResult:
        words = text.lower()
        themes = [
            t
            for w, t in (("nhs", "intelligent_public_services"), ("road", "infrastructure"))
            if w in words
        ]
        return TagResult(themes=themes, scores={}, evidence={}, model_version="test")

    monkeypatch.setattr(bot.tagging, "tag", tag)


@pytest.mark.parametrize(
    "text",
    [
        "its a 4 yr apprenticeship and the only college that does it is miles away in hereford so",
        "@btvlep i spend an hour a night on my phone ordering parts from five different apps cos",
        "grid is the killer, they take months to approve anything so the bigger jobs on farms n",
        "@btvlep no cycle lanes anywhere n the a404 is lethal so",
        "the bank turned us down twice this year even with three years of good accounts and",
        "we lose every trainee we take on to the big firms in reading and london because",
    ],
)
def test_a_long_sentence_stopping_on_a_conjunction_is_cut_off(text: str) -> None:
    assert cut_off(text) and holds(text)


@pytest.mark.parametrize(
    "text",
    [
        "we have been trading from the same unit on the industrial estate for ten years or so",
        "nobody from the council has ever asked us what we need and i dont think so",
        "the roads into aylesbury are the one thing every driver we have complains about so much",
        "the only decent broadband round here is the one line the whole village relies on",
        "the bank turned us down twice this year even with three years of good accounts.",
    ],
)
def test_a_long_finished_sentence_is_not_cut_off(text: str) -> None:
    assert not cut_off(text)


@pytest.mark.parametrize(
    ("text", "carries_on"),
    [
        ("@btvlep so theres more work than crew atm", True),
        ("so there's nowhere for them to train locally", True),
        ("so thats why we moved the workshop out", True),
        ("esp for trainees who can do prosthetics 💄", True),
        ("especially the ones who need a van to get to set", True),
        ("particularly for small firms without an HR person", True),
        ("so thats it", False),  # done, not more of the answer
        ("so thats all from me", False),
        ("esp", False),
        ("the roads are awful", False),
    ],
)
def test_so_theres_and_esp_carry_the_answer_on(text: str, carries_on: bool) -> None:
    assert continues_answer(text) is carries_on


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        (
            "@btvlep most of our work now is the new estates out at wing n the developers",
            "@btvlep want it all done in a fortnight, we need a bigger yard",
        ),
        ("the lanes round burnham beeches", "r too narrow for the tanker n nobody cuts the verges"),
        ("the trains into marylebone, and the buses", "are never on time for early shifts"),
        ("our margins are fine but the landlord", "wants another 20 percent at renewal"),
    ],
)
def test_a_verb_opening_on_the_subject_the_last_message_ended_on(previous: str, text: str) -> None:
    assert finishes_the_sentence(text, previous)


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        # a finished answer, then the next one with "we" left out
        ("the roads into aylesbury", "need more apprentices and a college that trains them"),
        ("we need better roads", "want a proper bus to the station"),
        ("The A41 and the ring road.", "are both awful at rush hour"),
        ("the trains", "need more apprentices in the trade"),  # "trains" is no plural verb's
        ("the lanes round burnham beeches", "are you a bot or a real person?"),
        ("the lanes round burnham beeches", "wd love a grant for a new tanker"),
        (None, "r too narrow for the tanker"),
    ],
)
def test_an_answer_opening_on_a_verb_is_its_own(previous: str | None, text: str) -> None:
    assert not finishes_the_sentence(text, previous)


def test_at_the_playback_the_split_sentence_must_end_the_last_answer() -> None:
    previous, text = "the lanes round burnham beeches", "r too narrow for the tanker"
    assert finishes_the_answer(text, previous, "the lanes round burnham beeches")
    assert not finishes_the_answer(text, previous, "the cctv software costs too much")
    assert not finishes_the_answer(text, previous, None)


@pytest.mark.parametrize(
    ("text", "early"),
    [
        ("we", True),
        ("@btvlep i", True),
        ("our", True),
        ("the rec gr", True),
        ("the car pk", True),
        ("n", False),  # "no" on a phone
        ("the nhs", False),  # a subject
        ("the gp", False),  # a short form, not a word broken off
        ("parking", False),
        ("the a41", False),
        ("tax", False),
        ("right so", False),  # a pause: `holding`
    ],
)
def test_a_fragment_sent_early(text: str, early: bool) -> None:
    assert sent_early(text) is early


def test_a_fragment_sent_early_is_dropped_when_the_answer_starts_it_again() -> None:
    assert dropped_before("we", "whoevers building on the old hospital site brings gangs")
    assert dropped_before("the rec gr", "the rec ground is the only flat space")
    assert not dropped_before("the rec gr", "parish council want £40 an hour")
    assert held_answer(["the rec gr"], "the rec ground is flat") == "the rec ground is flat"
    assert held_answer(["@btvlep i"], "@btvlep id love to sell wholesale") == (
        "@btvlep id love to sell wholesale"
    )
    # a cut-off sentence held before is still joined as it was
    assert held_answer(["we need better"], "roads into Aylesbury") == (
        "we need better roads into Aylesbury"
    )


@pytest.mark.parametrize(
    ("text", "half"),
    [("ab", True), ("@btvlep arou", True), ("appr", True), ("about 5", False), ("me", False)],
)
def test_a_hedge_broken_off_at_the_head_count(text: str, half: bool) -> None:
    assert half_typed_count(text) is half


def test_the_phone_blamed_before_the_name_put_right() -> None:
    said = "@btvlep sorry autocorrect, its hazlemere aerials"
    assert corrected_name(said, "hazlemere serials") == "hazlemere aerials"
    assert corrected_name("predictive text, should be Marlow Mowers", "Marlow Movers") == (
        "Marlow Mowers"
    )
    # a sector after the apology is no name
    assert corrected_name("sorry autocorrect, we do aerials", "hazlemere serials") is None


def test_a_starred_word_puts_right_what_autocorrect_made_of_it() -> None:
    assert starred_fix("@btvlep *stewkley", "steely") == "stewkley"
    assert starred_fix("*wingrave", "wingrove") == "wingrave"
    assert starred_fix("*owner", "oxford") is None  # the next answer, starred
    assert starred_fix("*stone", "steely") is None
