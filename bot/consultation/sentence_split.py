"""A sentence split over two messages between its subject and its verb: "most of our work
now is the new estates out at wing n the developers" then "want it all done in a
fortnight, ..."; "the lanes round burnham beeches" then "r too narrow for the tanker ...".

Found by set FL of unseen conversations (answers typed on a phone): the second message was
kept as the next question's answer (or, at the play-back, as a view of its own), and the
first answer lost its point. The first message ends on a noun phrase with no verb of its
own ("n the developers", "the lanes round ..."), the second opens on a verb with no subject
("want ...", "r ..."): together they are one sentence, so the second carries the first on.
Either alone is ordinary ("the roads into Aylesbury" is an answer, "need more apprentices"
is another), so both must hold. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

# Verbs that open a clause whose subject is missing, in forms that agree with a noun phrase
# ("the developers want", "the lanes r", "the council keeps"). Not a modal or "cant",
# which open answers with "I" left out ("wd love a small studio", "cant find sparkies")
_PLURAL_VERBS = (
    r"r|are|were|aint|ain't|have|want|need|expect|keep|take|make|charge|get|bring|use|give|pay|"
    r"go|seem|refuse|don'?t|dont"
)
_SINGULAR_VERBS = (
    r"is|was|has|wants|needs|expects|keeps|takes|makes|charges|gets|brings|uses|gives|pays|"
    r"goes|seems|refuses|doesn'?t|doesnt"
)
_VERBS = f"{_PLURAL_VERBS}|{_SINGULAR_VERBS}"
PLURAL_VERB = re.compile(rf"^({_PLURAL_VERBS})\b")
# after a message that was only a noun phrase ("the trains"), only "r", "is", ...: "need more
# apprentices" then is the next answer with "we" left out
BE = re.compile(r"^(r|are|were|is|was|aint|ain't)\b")
OPENS_ON_A_VERB = re.compile(rf"^({_VERBS})\b")
# the last clause of a message: after its last comma or stop, then its last joining word
_PUNCTUATION = re.compile(r"[,.;:!?\n]")
_JOINING_WORD = re.compile(r" (?:and|n|but|plus|or|then|also|as well as) ")
# a noun phrase opening that clause: "the developers", "our lanes", "all the new estates"
_DETERMINER = re.compile(
    r"^(?:all (?:the|our|my|their) |the|our|my|their|these|those|some|most|local|all)\b"
)
# a verb anywhere in that clause makes it a sentence of its own ("the roads are awful")
_CLAUSE_VERB = re.compile(
    rf"\b({_VERBS}|be|been|being|am|do|does|did|can|got|gone|done|'s|'re|'ve|\w+ed|\w+ing)\b"
)
NOUN_PHRASE_MAX_WORDS = 5
MIN_WORDS = 3  # "r too narrow", "want it done": the verb and what it says


def _subject_at_the_end(text: str) -> str | None:
    """The noun phrase with no verb of its own that the message ends on ("the developers"
    from "... n the developers", "the lanes round burnham beeches"), or None."""
    raw = without_addressees(text).strip()
    if not normalise(raw) or raw[-1:] in {".", "!", "?"}:
        return None  # a finished sentence, whatever it ends on
    clause = _JOINING_WORD.split(f" {normalise(_PUNCTUATION.split(raw)[-1])} ")[-1].strip()
    words = clause.split()
    if (
        1 < len(words) <= NOUN_PHRASE_MAX_WORDS
        and _DETERMINER.match(clause) is not None
        and _CLAUSE_VERB.search(clause) is None
    ):
        return clause
    return None


def finishes_the_sentence(text: Any, previous: str | None) -> bool:
    """`text` opens on a verb whose subject ended the business's message before
    (`previous`): the rest of that sentence, so of that answer."""
    if not isinstance(text, str) or not previous:
        return False
    said = without_addressees(text).strip()
    norm = normalise(said)
    if "?" in said or len(norm.split()) < MIN_WORDS or not OPENS_ON_A_VERB.match(norm):
        return False
    subject = _subject_at_the_end(previous)
    if subject is None:
        return False
    if subject == normalise(without_addressees(previous)) and not BE.match(norm):
        return False
    # "the developers want": a plural verb needs a plural subject ("the A41" then "need
    # more apprentices" is the next answer, with "we" left out)
    last = subject.split()[-1]
    return not PLURAL_VERB.match(norm) or (last.endswith("s") and not last.endswith("ss"))


def finishes_the_answer(text: Any, previous: str | None, answer: str | None) -> bool:
    """At the play-back, `text` finishes the sentence the business's message before ended
    on, and that message was (the end of) the last answer kept (`answer`): "r too narrow
    for the tanker ..." after "the lanes round burnham beeches" (set FL kept it as a view
    of its own)."""
    if not answer or not finishes_the_sentence(text, previous):
        return False
    return normalise(without_addressees(previous or "")) in normalise(answer)
