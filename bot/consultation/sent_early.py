"""A message sent before it was typed: "we" or "i" alone, "the rec gr" then "the rec ground
is the only flat space ...", "ab" then "about 5" at the head count.

Found by set FL of unseen conversations (answers typed on a phone): each was kept as the
answer (or the head count) and the real one went to the question after. Such a fragment
is held like a sentence cut off (`held`): nothing stored, "Go on" said, the same question
pending. When the next message starts it again ("the rec gr" -> "the rec ground ...") or
the fragment was only a word a sentence opens with ("we", "i"), it is dropped from the
answer; otherwise it is kept with the next message, as a cut-off sentence is. Short answers
with a subject ("the A41", "parking", "rent") are answers. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

# Words a sentence opens with that say nothing alone ("we", "i", "the", "theres")
OPENING_WORDS = frozenset(
    "i im i'm ive i've id i'd we we're weve we've our my the a an it its it's they theyre "
    "they're their there theres there's these those and but if when cos because plus "
    "also".split()
)
DETERMINERS = frozenset("the a an our my their this these those some".split())
FRAGMENT_MAX_WORDS = 3
SHORT_WORD = 3
# A word broken off is a letter or two with no vowel ("gr"); not these short forms
_VOWELS = re.compile(r"[aeiouy]")
ABBREVIATIONS = frozenset(
    "gp gps tv hr pr st rd bt pc mp nw sw ne se hq dr mr ms cv hmrc nhs dvla dwp cctv ppl "
    "pls pts pt wd shd tbh n r x".split()
)


def _words(text: str) -> list[str]:
    return normalise(without_addressees(text)).split()


def _broken_off(word: str) -> bool:
    """A word typed only in part: a letter or two and no vowel ("gr"), no short form."""
    return (
        len(word) <= 2
        and word.isalpha()
        and not _VOWELS.search(word)
        and (word not in ABBREVIATIONS)
    )


def sent_early(text: Any) -> bool:
    """The message is a fragment of an answer not typed yet: a word a sentence opens with
    alone ("we"), or a few short words that open with "the", "our", ... and end on a word
    broken off ("the rec gr"), with no subject the tagger sees."""
    if not isinstance(text, str):
        return False
    words = _words(text)
    if not words or any(c.isdigit() for c in "".join(words)):
        return False
    if len(words) == 1:
        return words[0] in OPENING_WORDS
    if len(words) > FRAGMENT_MAX_WORDS or words[0] not in DETERMINERS:
        return False
    if any(len(w) > SHORT_WORD for w in words) or not _broken_off(words[-1]):
        return False
    from bot.consultation.subject import names_a_subject

    return not names_a_subject(text)


def dropped_before(fragment: str, text: str) -> bool:
    """The fragment held before `text` adds nothing to it: only an opening word ("we"
    before "whoevers building on ..."), or started again in `text` ("the rec gr" before
    "the rec ground is ...")."""
    if not sent_early(fragment):
        return False
    said, then = _words(fragment), _words(text)
    if len(said) == 1:
        return True
    *whole_words, part = said
    return (
        len(then) > len(said)
        and then[: len(whole_words)] == whole_words
        and then[len(whole_words)].startswith(part)
    )


# At the head count, a hedge the number was to follow, cut off: "ab" (about), "ar"
# (around), "appr" (approx)
_HEDGES = ("about", "around", "approx", "approximately", "roughly", "nearly", "almost")


def half_typed_count(text: Any) -> bool:
    """The head count's answer is a hedge broken off before its number ("ab" before
    "about 5"): no answer yet, the question asked again."""
    if not isinstance(text, str):
        return False
    words = _words(text)
    if len(words) != 1 or not words[0].isalpha() or len(words[0]) < 2:
        return False
    return any(h.startswith(words[0]) and h != words[0] for h in _HEDGES)
