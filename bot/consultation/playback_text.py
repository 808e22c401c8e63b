"""What the play-back shows: every answer recorded from a sender, quoted short, with its
themes in plain words. Shared by the play-back, the FAQ and fallback ("what have you got
down so far?") so the list reads the same wherever it is shown. No Rasa imports.
"""

from __future__ import annotations

from bot.consultation import service
from bot.consultation.markup import plain_links
from bot.consultation.question_help import leading_quote
from bot.consultation.questions import message, theme_names
from bot.consultation.replies import normalise
from bot.strategy import THEME_IDS

QUOTE_CHARS = 120


def quote(text: str) -> str:
    # a markdown link in the business's words is written out, never drawn as a link in the
    # bot's voice ("[click to verify](https://...)": set V)
    text = " ".join(plain_links(text).split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def summary(sender_id: str) -> str:
    """The play-back text for everything recorded from this sender."""
    answers = service.recorded_answers(sender_id)
    if not answers:
        return message("playback_none")
    lines = [message("playback_intro")]
    for n, answer in enumerate(answers, 1):
        themes = theme_names(answer.themes) if answer.themes else message("untagged")
        lines.append(message("playback_item", n=n, text=quote(answer.text), themes=themes))
    overall = [t for t in THEME_IDS if any(t in a.themes for a in answers)]
    if overall:
        lines.append(message("playback_overall", names=theme_names(overall)))
    return "\n".join(lines)


def without_quoted_answer(sender_id: str, text: str) -> str:
    """The message without a quotation of one of the business's answers that opens it
    ('"banks laugh at a woodsman" - thats it exactly': set AY kept it as one more view)."""
    found = leading_quote(text)
    if found is None:
        return text
    quote, rest = found
    said = [normalise(a.text) for a in service.recorded_answers(sender_id)]
    return rest if any(quote in s for s in said) else text
