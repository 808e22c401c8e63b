"""An answer given in another language, then the same again in English.

Found by set FC of unseen conversations (conversation_probe_fc.yml): a stonemason answered
in Welsh out of habit, then sent "sorry, force of habit! same in english: ..."; a dry
cleaner answered in French, then "oops sorry, thats french! in english: ...". The English
was kept as the answer to the next question, so that question was never asked and the one
it answered held two copies of one view. The English is the same answer, worded so the
consultation team can read it: it takes the place of the first wording (which stays in the
transcript), and the question pending is still asked. Only when the answer before does not
read as English, so "Courses in English: ..." after an English answer stays a view of its
own. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

# "same in english:", "oops sorry, thats french! in english:", "English version -",
# "translation:": a short lead-in (no colon in it), then the English after the mark
IN_ENGLISH = re.compile(
    r"^\W*(?:[^:\n]{0,60}?[\s,.!;(])?"
    r"(?:(?:(?:the )?same|again|here it is|here'?s|heres|this|that|it)\s+)?(?:(?:is|was)\s+)?"
    r"(?:in english|english( version| translation)?|translat(?:ion|ed))"
    r"(?:\s+(?:this time|now|please|pls|for you|too|as well))?\s*[):\-\u2013\u2014]+\s*"
    r"(?P<english>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# Common English words: a sentence in English carries many of them, one in Welsh or French
# hardly any ("a" and "i" are words there too, so they do not count)
ENGLISH_WORDS = frozenset(
    "the and to of in is it we our for that on are with not no so they but be this have has "
    "can can't cant there their at from by or as was were would will you your my me us get "
    "got just more all about need".split()
)
ENGLISH_SHARE = 0.15
# Fewer words than this cannot be told apart ("rent", "broadband drops out"): taken as English
JUDGED_WORDS = 5


def reads_as_english(text: str) -> bool:
    """Enough of the words are common English ones for the text to be English (or it is
    too short to tell)."""
    words = normalise(without_addressees(text)).split()
    if len(words) < JUDGED_WORDS:
        return True
    return sum(word in ENGLISH_WORDS for word in words) / len(words) >= ENGLISH_SHARE


def marked_english(text: str) -> str | None:
    """The words after an "in english:" mark that opens the message, else None."""
    match = IN_ENGLISH.match(without_addressees(text)) if isinstance(text, str) else None
    english = match.group("english").strip() if match else None
    return english if english and reads_as_english(english) else None


def english_version(text: str, before: str) -> str | None:
    """The English words when the message gives the answer `before` again in English ("sorry,
    same in english: nobody trains stonemasons ..."), else None."""
    return None if reads_as_english(before) else marked_english(text)
