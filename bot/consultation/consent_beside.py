"""A business detail sent at the consent question that is no yes, though NLU heard one.
Split from `consent_reply` (past 400 lines). No Rasa imports."""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.consent_details import details_before_consent
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

# Words that may make a short reply a yes NLU heard rightly ("ready", "let us begin", "I
# will", "sounds great"): with any of them, a reply that reads like a business detail is
# still taken as agreeing
MAYBE_YES = re.compile(
    r"\b(yes|yeah|yep|ok|okay|sure|go|ready|start|begin|will|great|good|fine|happy|glad|"
    r"absolutely|definitely|course|count|let'?s|lets|us|in|away|do|please|agree|consent)\b"
)


def a_detail_not_a_yes(text: Any) -> bool:
    """A name or a trade sent at the consent question ("takeaway, Chinese and Cantonese
    food": set DM's NLU read it as agreeing, and every profile answer after it went one
    question out of step), with no word that could say yes."""
    return (
        isinstance(text, str)
        and details_before_consent(text)
        and not agrees_to_take_part(text)
        and MAYBE_YES.search(normalise(without_addressees(text))) is None
    )
