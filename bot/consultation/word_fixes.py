"""Words in a played-back answer put right in place: "It's the first answer. I wrote Chiltern
Way but I meant the Chilterns Cycleway" (set ED read a theme change from "walking").

Split from playback_fixes.py (past 400 lines with set GA's reasons beside "the second one
isn't right"). The words withdrawn name the answer when exactly one answer holds them; the
new words take their place there (`amendments`, audited as the other rewordings are). No
Rasa imports; the change is stored through `service`.
"""

from __future__ import annotations

import re

from bot.consultation import service
from bot.consultation.amendments import REWORDED, amend_answer
from bot.consultation.questions import message

# "It's the first answer. I wrote Chiltern Way but I meant the Chilterns Cycleway; the Way is
# a walking route." (set ED read a theme change from "walking"): those words put right
WROTE_MEANT = re.compile(
    r"\b(?:i|we) (?:wrote|said|put|typed|mentioned) (?P<old>[\w' &-]{2,40}?),? but (?:i |we )?"
    r"meant (?:to (?:say|write) )?(?P<new>[\w' &-]{2,40}?)\s*(?:[;.,!]|$)",
    re.IGNORECASE,
)


def words_swapped(sender_id: str, text: str) -> str | None:
    """Put the words "I wrote X but I meant Y" names right in the one answer that holds X;
    the reply to send, or None when no single answer holds them."""
    match = WROTE_MEANT.search(text)
    if match is None:
        return None
    old, new = match["old"].strip(), re.sub(r"^the ", "", match["new"].strip(), flags=re.I)
    answers = service.recorded_answers(sender_id)
    found = [i for i, a in enumerate(answers, 1) if old.lower() in a.text.lower()]
    if len(found) != 1:
        return None
    n = found[0]
    at = answers[n - 1].text.lower().index(old.lower())
    wording = answers[n - 1].text[:at] + new + answers[n - 1].text[at + len(old) :]
    amend_answer(sender_id, answers[n - 1].response_id, wording, REWORDED)
    return message("item_replaced", n=n)
