"""Set BG of unseen conversations (the close in many everyday words) on its first run: a
theme taken off "the first one's about our software, not HS2" was joined to the answer as a
correction; "the 1st ones" pointed at no answer, so the theme came off every answer;
"Can I reword the last one? Make it: ..." was asked which themes to change; "aye thats it,
just add to the last one that ..." was not added; "I'll pass on the emails, thank you." was
kept as a view; "So what happens with all this now?" was told about privacy."""

from __future__ import annotations

from bot.consultation.contact_terms import contact_reply
from bot.consultation.playback_fixes import REWORD_ITEM, _after_a_yes, new_wording
from bot.consultation.playback_replies import explicit_part
from bot.consultation.questions import parse_correction
from bot.consultation.replies import normalise
from bot.consultation.replies.questions import asked_topic
from bot.consultation.theme_corrections import pointed_item


def test_only_the_clause_that_changes_a_theme_is_read_for_the_change() -> None:
    text = (
        "Mostly right, but the first one's about our software, not HS2, so take"
        " infrastructure off that one please."
    )
    assert parse_correction(explicit_part(text)) == ([], ["infrastructure"])
    assert pointed_item(text, 2) == 1
    assert explicit_part("no, add skills") == "add skills"
    assert explicit_part("the roads are fine") == "the roads are fine"


def test_the_first_ones_points_at_answer_one() -> None:
    assert pointed_item("@btvlep the 1st ones about the new houses, take infra off it", 2) == 1


def test_an_answer_reworded_in_the_same_message() -> None:
    text = "Can I reword the last one? Make it: Nobody trains scientific glassblowers any more."
    match = REWORD_ITEM.search(normalise(text))
    assert match is not None and match.group("n") == "last"
    assert new_wording(text) == "Nobody trains scientific glassblowers any more."


def test_a_yes_before_an_addition_is_set_aside() -> None:
    assert _after_a_yes("@btvlep aye thats it, just add to the last one that x") == (
        "add to the last one that x"
    )
    assert _after_a_yes("yes") == "yes"


def test_passing_on_emails_is_a_no() -> None:
    for text in ("I'll pass on the emails, thank you.", "ill pass thanks", "pass on the emails"):
        reply = contact_reply(text)
        assert reply is not None and not reply.wants, text
    assert contact_reply("I will pass on that to my colleague") is None


def test_what_happens_with_all_this_now_is_the_timetable() -> None:
    assert asked_topic("So what happens with all this now?") == "next_steps"


def test_a_yes_then_words_added_to_the_last_answer(database_url: str) -> None:
    """Not read as adding Intelligent public services for "council", nor as a yes."""
    from bot.consultation import service
    from bot.consultation.playback_fixes import correct_played_back
    from bot.consultation.playback_replies import yes_and_a_remark

    service.record_consent("bg1", "twitter", True)
    service.record_answer("bg1", "twitter", "no hetas courses near", "seabed:x:views", "q")
    service.record_answer("bg1", "twitter", "log burners scare folk", "seabed:y:views", "q")
    text = "@btvlep aye thats it, just add to the last one that the council could do a leaflet"
    assert not yes_and_a_remark(text)
    assert correct_played_back("bg1", text) == "Thanks, I've added that to answer 2."
    last = service.recorded_answers("bg1")[-1]
    assert "leaflet" in last.text and "log burners" in last.text
