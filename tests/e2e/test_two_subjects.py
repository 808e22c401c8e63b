"""Issue 8's "done when": a whole consultation whose answers each carry two subjects is
stored with both themes on every answer (REST channel, real stack, trained tagger)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, rows

pytestmark = pytest.mark.slow

# (answer, the two subjects it carries): the second sits in its own clause.
ANSWERS = [
    (
        "Satellite makers at Westcott want our sensors, but we can't recruit enough RF engineers",
        {"space", "education_skills"},
    ),
    (
        "Our test stand needs a bigger power supply and the A41 is gridlocked every morning",
        {"space", "infrastructure"},
    ),
    (
        "Grant funding and mentoring for small firms like ours, and apprenticeships with the "
        "local college",
        {"entrepreneurialism", "education_skills"},
    ),
    (
        "The colleges don't teach machining, and our staff can't afford to rent anywhere near "
        "the site",
        {"education_skills", "environment_quality_of_life"},
    ),
]


def test_every_answer_keeps_both_subjects(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("/consent_agree")
    chat.say("Two Subjects Ltd")
    chat.say("space electronics")
    chat.say("Small (10-49 staff)")
    chat.say("Aylesbury")
    assert "islands" in chat.say("/skip")
    assert "Space: what opportunities" in chat.say("space")
    assert "Space: what barriers" in chat.say(ANSWERS[0][0])
    assert "Space: what would help" in chat.say(ANSWERS[1][0])
    assert "seabed" in chat.say(ANSWERS[2][0])
    assert "Education and skills: in a sentence" in chat.say("skills")
    assert "Here's what I noted" in chat.say(ANSWERS[3][0])

    [conversation] = rows(
        live_stack, "SELECT id FROM conversations WHERE sender_id = :s", s=chat.sender
    )
    stored = rows(
        live_stack,
        "SELECT id, text FROM responses WHERE conversation_id = :c ORDER BY id",
        c=conversation["id"],
    )
    assert [r["text"] for r in stored] == [a for a, _ in ANSWERS]
    for response, (_text, subjects) in zip(stored, ANSWERS, strict=True):
        themes = {
            r["theme_id"]
            for r in rows(
                live_stack,
                "SELECT theme_id FROM effective_themes WHERE response_id = :r",
                r=response["id"],
            )
        }
        assert subjects <= themes, (response["text"], themes)
