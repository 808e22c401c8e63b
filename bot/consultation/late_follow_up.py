"""A yes to the follow-up email sent after the goodbye, which came straight after a no to it.

Found by set FT of unseen conversations: "None thanks" ended the consultation, then "Yes",
"Yes please" and an address were each told the consultation had finished, and the address
was lost. A bare yes after that goodbye can only answer the last question the business was
asked, the follow-up email, so it is asked again to be sure; a yes to that asks for the
address, which `actions.close.email_changed_after_close` keeps (follow-up true). A worded
yes ("Actually, yes, go on, send me the updates") asks for the address at once
(`contact_terms`). No Rasa imports.
"""

from __future__ import annotations

from typing import Any

from bot.consultation.questions import message
from bot.consultation.replies import says_yes


def yes_after_goodbye(text: Any, bot_texts: list[str]) -> str | None:
    """The message key to answer a bare yes with after the goodbye ("ask_follow_up" straight
    after it, "ask_email" once that was asked again), or None. `bot_texts`: what the bot
    said, oldest first; only a business that was offered the follow-up email is asked."""
    if not says_yes(text) or not bot_texts:
        return None
    last = bot_texts[-1]
    offered = any(message("ask_follow_up") in said for said in bot_texts[:-1])
    closed = any(message("goodbye") in said for said in bot_texts)
    if message("goodbye") in last and offered:
        return "ask_follow_up"
    if message("ask_follow_up") in last and closed:
        return "ask_email"
    return None
