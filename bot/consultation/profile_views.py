"""A view sent inside a profile answer: "Double glazing. And you can put down that the road
onto our estate floods every winter", "Head brewer. Put it on record that the water company
wants six figures to upgrade our supply", "westcott venture park. the road in is single track
and the tankers cant pass each other", "7, would be 10 if anyone round here had a chainsaw
ticket".

Found by set CE of unseen conversations: the whole message was filed as the sector, the role
or the town (a consultation officer filtering by sector found a sentence about flooding), and
the view itself was never tagged or counted. The field keeps its own words; the rest is kept
as a view against that profile question (`profile:<field>`), tagged like any other.

Read narrowly: the field's words come first and are short (a sentence of their own, or for a
head count, town or role a clause before a comma), and what follows both names a subject the
tagger can see and says something about it (a complaint, a need, "put down that ..."). So
"Hale Leys Print, we're a commercial printers, 12 of us" stays profile details, read by
`profile_passing`. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.replies import normalise
from bot.consultation.subject import names_a_subject
from bot.tagging.complaints import is_complaint

PROFILE_VIEW_KEY = "profile:{slot}"  # the question key a view in a profile answer is kept under
FIELD_MAX_WORDS = 6
VIEW_MIN_WORDS = 5
# Fields whose words may end at a comma ("Aylesbury, on the industrial estate with no bus");
# a name or a trade may hold one ("Smith, Jones & Co", "bakery, cafe and deli")
CLAUSE_FIELDS = frozenset({"size_band", "location", "role"})
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_CLAUSE = re.compile(r"\s*[,;]\s+|\s+[-\u2013\u2014]\s+")
# what a view says about its subject, beside naming it
VIEW_CUE = re.compile(
    r"\b(put (it )?down|on (the )?record|for the record|note that|worth saying|tell them|"
    r"need|needs|want|wants|wish|would help|would be|'d be|if only|if anyone|if we could|"
    r"can'?t|cant|cannot|won'?t|wont|isn'?t|isnt|aren'?t|no|nobody|nothing|never|nowhere|"
    r"problem|issue|nightmare|joke|awful|terrible|dreadful|rubbish|killing|struggle|"
    r"hard to|impossible|too (much|expensive|slow|few)|floods?|trips? out|tried|took|takes|"
    r"waiting)\b"
)
# "7, would be 10 if anyone round here had a chainsaw ticket": the people the business
# would have, and why it has not; about staff whatever words it uses
WOULD_BE_MORE = re.compile(r"^(and |but )?(it'?d|it would|we'?d|we would|would|could) be\b")
# "8 staff, and freelance actors when we need" (set CV kept the second half as a view): who
# else works for the business is more of the head count
MORE_OF_THE_COUNT = re.compile(
    r"\b(freelance\w*|contractors?|casuals?|temps?|agency|seasonal|part[- ]?timers?|subbies|"
    r"when (we|it'?s|its) (need|needed|busy)|as (we|and when) need)\b"
)


def split_profile_view(slot: str, text: str) -> tuple[str, str | None]:
    """(the field's own words, the view after them) for a profile answer that goes on to a
    view; (text, None) for every other answer."""
    for pattern in (_SENTENCE, *((_CLAUSE,) if slot in CLAUSE_FIELDS else ())):
        parts = pattern.split(text.strip(), maxsplit=1)
        if len(parts) != 2:
            continue
        field, view = parts[0].strip(" .!,;-"), parts[1].strip()
        words = normalise(field).split()
        if not 0 < len(words) <= FIELD_MAX_WORDS or len(view.split()) < VIEW_MIN_WORDS:
            continue
        plain = normalise(view)
        if slot == "size_band" and WOULD_BE_MORE.match(plain):
            return field, view
        if slot == "size_band" and MORE_OF_THE_COUNT.search(plain) and not is_complaint(plain):
            continue
        says = is_complaint(plain) or VIEW_CUE.search(plain) is not None
        if says and names_a_subject(view):
            return field, view
    return text, None
