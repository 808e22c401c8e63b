"""A greeting that opens a view: "hi, it's traffic", "hello - broadband mainly".

Mid-question a greeting alone is a nudge to carry on (`replies.holding`), and "hi again,
it's Sarah from the bakery" says who is back; but a greeting followed by a view is an
answer, and the view is what is stored and tagged (the greeting only dilutes the tagger:
"hello - broadband mainly" scored no theme, "broadband mainly" infrastructure).

A known gap left by the fourth set of unseen conversations. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.questions import named_themes
from bot.consultation.replies import (
    GREETING,
    acknowledgement_only,
    after_return,
    holding,
    normalise,
)

# Words of the original text, as `normalise` counts them ("it's" is one, "-" none).
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What is left after the greeting: separators and filler before the view.
LEAD = " \t\n,.;:!-–—~…"
# "it's Sarah", "this is Dave from Chesham Print": who is speaking, not a view
IT_IS = re.compile(r"^(it'?s|its|it is|this is) (.+)$")
NAME_INTRO = re.compile(r"^(?!(the|a|an|our|my|all) )[a-z']+( [a-z']+)? (from|at|here)\b")
# A greeting proper opens the message: "sorry, ..." or "back now, ..." alone is not one
# ("sorry, I meant Silverstone Park" is a correction, kept whole)
SALUTATION = re.compile(
    r"^(hi|hiya|hello|helo|hallo|hullo|hey|heya|howdy|yo|morning|afternoon|evening|good|"
    r"dzien|czesc|witam|hola|buenos|bonjour|buongiorno|guten|ola|bom|buna|salaam|salam|"
    r"as|assalamu|namaste|sat|merhaba|shwmae|shwmai|bore|prynhawn|noswaith|sut)\b"
)
TRAILING = re.compile(r"( (again|here|mainly|tbh|really|mostly|thanks))+$")
SUBJECT_MAX_WORDS = 4


def _greeting_words(words: list[str]) -> int:
    """How many of the leading words are a greeting ("hi", "hello there", "hi sorry")."""
    for k in range(len(words), 0, -1):
        if GREETING.fullmatch(" ".join(words[:k]) + " "):
            return k
    return 0


def _names_a_subject(subject: str) -> bool:
    """ "traffic", "the roads", "broadband mainly" name something a view is about; "Sarah"
    and "Dave" do not. Theme names and synonyms first, then the tagger (no question
    prior, or every short reply would carry the question's theme)."""
    if named_themes(subject):
        return True
    if len(subject.split()) > SUBJECT_MAX_WORDS:
        return True  # past a few words it says something: a view, not a name
    try:
        import bot.tagging

        return bool(bot.tagging.tag(subject).themes)
    except Exception:  # no trained tagger: a name is the safer reading of two words
        return False


def view_after_greeting(text: Any) -> str | None:
    """The view after a greeting ("hi, it's traffic" -> "it's traffic"), or None when the
    message is not a greeting followed by a view (a greeting alone, "hi again, it's Sarah
    from the bakery", "hello, yes", or no greeting at all)."""
    if not isinstance(text, str):
        return None
    words = normalise(text).split()
    greeting = _greeting_words(words)
    if not SALUTATION.match(" ".join(words[:1])) or not greeting or greeting == len(words):
        return None
    tokens = list(WORD.finditer(text))
    if len(tokens) < greeting:
        return None
    rest = text[tokens[greeting - 1].end() :].lstrip(LEAD).strip()
    norm = normalise(rest)
    if not norm or holding(rest) or acknowledgement_only(rest):
        return None
    said = IT_IS.match(norm)
    if said:
        subject = TRAILING.sub("", said.group(2))
        if NAME_INTRO.match(said.group(2)) or not _names_a_subject(subject):
            return None
    return rest


def reading(text: str) -> str:
    """What a reply says for the question asked: the view when a greeting or a return from
    a pause opens it ("hi, it's traffic", "back. a council contract ..."), else the reply
    as it is."""
    return view_after_greeting(text) or after_return(text)


# A first message that greets and says who is writing, as a letter opens: "Good morning. I
# run a small engineering company near Thame which supplies the space industry. I gather you
# are asking local firms for their views." (set DX kept each such opening as a view before
# consent, or was told how to delete it). Nothing in it asks for or complains of anything.
# a greeting in the languages local businesses write in, before or instead of an English one
# ("Cześć, good morning.", "Marhaba. Hello,", "Zdraveite, hello from Long Crendon": set EH
# kept each as a view before consent); matched on the text with its accents dropped
_OWN_GREETING = (
    r"(?:cze[sś][cć]|dzie[nń] dobry|witam|marhaba|merhaba|salaam|salam|zdraveite|zdravei|"
    r"namaste|sat sri akal|kem cho|ciao|buongiorno|bom dia|ola|ol[aá]|buna ziua|kumusta|"
    r"nei hou|hola|bonjour)"
)
OPENS_A_LETTER = re.compile(
    r"^\W*(?:(?:@\w+\s+)*)(?:" + _OWN_GREETING + r"[\s,.!;:-]+)?"
    r"(?:good (?:morning|afternoon|evening|day)|morning|afternoon|evening|hello|hi|hiya|hey|"
    r"dear [\w ]{1,20}?|"
    r"greetings|" + _OWN_GREETING + r")\b[\s,.!;:-]*"
    r"(?:my name is|i am|i'?m|i run|we run|i own|we own|i manage|we manage|i look after|"
    r"i chair|i work|i have (?:run|been|repaired|worked|managed|owned|looked after)|"
    r"i write|i am writing|writing as|this is|we are|we'?re|"
    # "Good afternoon. I grow grapes and make sparkling wine in the Hambleden valley." (set DY)
    r"(?:i|we) (?:grow|make|build|farm|breed|bake|brew|design|repair|restore|sell|supply|teach|"
    r"train|clean|fix|provide|offer|keep|run|own)|"
    # "I see the link on the Facebook group of Risborough businesses.", "I found you from the
    # Chamber newsletter" (set EH): where the business found the chat
    r"(?:i|we) (?:saw|see|found|read|got|heard|noticed|came across|was sent|were sent)\b"
    r"(?=.*\b(?:link|you|your|this|post|page|newsletter|group|email|tweet|advert|facebook|"
    r"linkedin|chamber|website)\b)|"
    # "hi, got your link from the amersham chamber" (set EI kept it as a view)
    r"(?:i |we )?got (?:your|the|this) (?:link|message|post|details)\b|"
    # "Hello, the Chesham traders group sent me here" (set EL kept it as a view)
    r"[\w' ]{1,40}? (?:sent|pointed|directed|referred) (?:me|us) (?:here|to you|this way|over)\b|"
    # "Hello, a customer forwarded me the link" (set EJ kept it as a view)
    r"(?:a|my|our|one of (?:my|our)) [\w' ]{1,30}? (?:forwarded|sent|passed on|shared|gave)"
    r" (?:me|us) (?:the|this|your) (?:link|message|post|page|email)\b|"
    # "Hello, a customer of ours forwarded this on", "Good morning, our trade association
    # asked members to do this" (sets EN and ET kept each as a view): who passed it on
    r"[\w' ]{1,40}? (?:forwarded|passed|shared|sent|emailed|posted|asked|told|suggested|"
    r"recommended|mentioned)\b[\w' ]{0,40}?\b(?:this|it|the link|your link|members|us|me)\b"
    r"(?: on| over| along| round| to (?:me|us|do this|members))?[\s.!]*$|"
    # "Hi, I've got ten minutes before a customer call" (set EQ): the time they have
    r"(?:i'?ve|i have|we'?ve|we have)(?: got)? (?:a |an |about |only |just )?(?:[\w-]+ )?"
    r"(?:minutes?|mins?|half hour|hour|moment)\b|"
    # "Good afternoon, and thank you for making this available online." (set EU)
    r"(?:and )?thank(?:s| you)\b[\w' ]{0,20}?\bfor (?:making|putting|doing|setting|running|"
    r"organising|the chance|the opportunity|asking|reaching)\b|"
    # "hello from Long Crendon": a greeting and a place
    r"from (?:[A-Z][\w'-]+ ?){1,3}[.!]?$|"
    # "Morning! Pouring down here, so a good day for paperwork" (set EK kept it as a view)
    r"(?:it'?s |its )?(?:pouring|raining|chucking it down|tipping down|bucketing|freezing|"
    r"baking|boiling|roasting|glorious|miserable|grim|lovely day|beautiful day)\b)",
    re.IGNORECASE,
)
_VIEW_CUES = re.compile(
    r"\b(?:need|needs|problem|problems|issue|issues|struggl\w*|shortage|lack\w*|expensive|"
    r"costs? (?:us|too)|too (?:high|expensive|slow|few|many)|would help|should|must|hope|wish|"
    r"want|wants|(?:can'?t|cannot|couldn'?t) (?:find|get|afford|hire|recruit|keep)|nightmare|"
    r"awful|terrible|difficult|hard to|impossible|rubbish|worst|gridlock\w*|broadband|rent|rents|"
    r"rates|potholes?)\b",
    re.IGNORECASE,
)
LETTER_OPENING_MAX_WORDS = 60


def introduces_itself(text: Any) -> bool:
    """A greeting and who is writing, a letter's opening, with no view in it and no
    question: greeted as "hi" is, nothing kept."""
    return (
        isinstance(text, str)
        and "?" not in text
        and len(text.split()) <= LETTER_OPENING_MAX_WORDS
        and OPENS_A_LETTER.match(text) is not None
        and _VIEW_CUES.search(text) is None
    )
