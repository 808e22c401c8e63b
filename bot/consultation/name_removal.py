"""Keep the views but not the name (set W): "keep my views but don't keep my name or the
shop's name please", "can you leave our company name off it?", "use my answers
anonymously". The organisation's name and the role are removed from the profile (what
names the business and the person in it), the views and the rest of the profile kept,
and said so. Set W answered it with the privacy notice and kept the name. The reader has
no Rasa imports; the removal goes through `bot.storage`.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.consultation.replies import clauses, normalise
from bot.consultation.subject import names_a_subject
from bot.storage.db import session_scope
from bot.storage.models import Business

# the fields that name the business or the person speaking
NAME_FIELDS = ("organisation", "role")
_FIRM = r"(shop|company|business|firm|farm|practice|organisation|organization)"
_WHOSE = rf"((my|our)( {_FIRM}'?s?)?|the {_FIRM}'?s?)"
_NAME = rf"{_WHOSE}( ({_FIRM}|personal|own|real))? names?"
NAME_REQUEST = re.compile(
    r"\b((i'?d )?(don'?t|do not|dont|not|never|rather you didn'?t|no need to|without|"
    r"(i )?(don'?t|do not) want( you to)?) "
    r"(keep|store|save|record|use|include|put|show|attach|mention|publish|share|give)( down)?"
    rf"( (it|them|this|that|anything))?( (with|under|against|next to|beside))?( any of)? {_NAME}|"
    r"(remove|delete|drop|take (out|off|away)|leave (out|off)|leave|strip|erase|wipe|"
    rf"forget|lose|scrub|blank|hide|redact) {_NAME}|"
    rf"{_NAME} (off|out)( of)? (it|this|that|them|the (record|answers|views|report))|"
    # "Ellery Rowe is my own name. Keep the answers, but please take the name off." (set CT)
    rf"(take|leave|keep) ({_NAME}|the name) (off|out)(?=$| (please|pls|thanks|of (it|this|"
    r"that|the (record|answers|views|report))|and|but|keep)\b)|"
    r"\b(keep|make|use|treat|put|record|list|have|leave|include|quote|can it be|be)"
    r"( (me|us|it|this|them|that|my (answers|views)|our (answers|views)|what i said|"
    r"the (answers|views)))?( down)? (anonymous(ly)?|anonymi[sz]ed|nameless|unnamed)\b|"
    r"\banonymi[sz]e (me|us|it|this|them|my|our|the (answers|views))\b|"
    rf"(without|minus|but not|not with) {_NAME}|"
    rf"(don'?t|do not|dont) want {_NAME} (on|in|kept|used|stored|attached|anywhere|with|"
    r"against|next to|linked|shown|mentioned|published))"
)
# "keep my views", "the answers can stay": what stays, no view of its own
KEEPS_THE_VIEWS = re.compile(
    r"\b(keep|use|leave|include|store|save)\b.{0,20}\b(views?|answers?|comments?|responses?|"
    r"what i (said|wrote)|the rest)\b|\b(views?|answers?) (can|may|are fine to) (stay|stand)\b"
)
VIEW_MIN_WORDS = 4
# "we don't use our company name on the vans": a statement about the business, no request
SUBJECTS = frozenset(
    {"we", "they", "he", "she", "it", "customers", "clients", "people", "staff", "who", "that"}
)


def asks_to_drop_name(text: str) -> bool:
    """The message asks for the name to go and the views to stay, and says no view of its
    own beside that ("leave my name off it, but the A41 is a joke" is kept as a view by
    the reply's other readers; the name goes only when asked on its own)."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    match = NAME_REQUEST.search(norm)
    if match is None or (norm[: match.start()].split() or [""])[-1] in SUBJECTS:
        return False
    return not any(
        NAME_REQUEST.search(normalise(part)) is None
        and KEEPS_THE_VIEWS.search(normalise(part)) is None
        and len(part.split()) >= VIEW_MIN_WORDS
        and names_a_subject(part)
        for part in clauses(text)
    )


def drop_name(sender_id: str) -> list[str]:
    """Remove the name fields from the business's profile; those that held something."""
    with session_scope() as session:
        business = session.scalars(
            select(Business).where(Business.sender_id == sender_id).order_by(Business.id)
        ).first()
        if business is None:
            return []
        held = [f for f in NAME_FIELDS if getattr(business, f)]
        for field in NAME_FIELDS:
            setattr(business, field, None)
    return held
