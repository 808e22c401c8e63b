"""Theme names typed wrong at a choice ("creatve and medtec", "motorsprot", "edcuation")
put right before the themes are matched, and nothing else.

A word the encoder's English vocabulary holds is spelled as meant: set BR's "just the first
two" became "just the firms two" and was not understood, and "could", "since", "place" and
"using" were as near to "cloud", "science", "space" and "housing" (95 words used 15 times or
more in our training messages were "corrected" so). The vocabulary is the WordPiece list in
the tokenizer `make setup` fetches; without it only theme words are known, as before.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache

from bot.tagging.assets import TOKENIZER_PATH

TYPO_MIN_LETTERS = 5
CLOSENESS = 0.8


@lru_cache(maxsize=1)
def theme_words() -> tuple[str, ...]:
    """Single words of theme names, named assets and everyday synonyms ("creative",
    "skills") of five letters or more."""
    from bot.consultation.theme_words import SYNONYMS
    from bot.strategy import load_themes

    words: set[str] = set()
    for t in load_themes():
        for phrase in (t.name, *t.assets, *SYNONYMS.get(t.id, ())):
            words.update(
                w for w in re.findall(r"[a-z]+", phrase.lower()) if len(w) >= TYPO_MIN_LETTERS
            )
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole words of the encoder's vocabulary (about 20,000), or none before set-up."""
    try:
        vocab = json.loads(TOKENIZER_PATH.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.islower())


# Theme names as phone dictation writes them: "Hi performance and space full stop",
# "Entrepreneur realism digital and public services" (set DK chose space alone, and
# digital and public services)
DICTATED_NAMES = (
    (re.compile(r"\bhi[- ]performance\b", re.IGNORECASE), "high performance"),
    (
        re.compile(r"\bentrepreneur\s+(?:realism|ialism|reelism|ism)\b", re.IGNORECASE),
        "entrepreneurialism",
    ),
    (re.compile(r"\bmed\s+tech\b", re.IGNORECASE), "medtech"),
)


def dictated_names(text: str) -> str:
    """Theme names as dictation misheard them put right ("Hi performance" -> "high
    performance"), before anything reads "hi" as a greeting."""
    for misheard, name in DICTATED_NAMES:
        text = misheard.sub(name, text)
    return text


def fix_theme_typos(text: str) -> str:
    """ "creatve and medtec" -> "creative and medtech": a word of five letters or more that
    is neither a theme word nor an English word, close to a theme word, becomes it."""
    text = dictated_names(text)
    vocabulary = theme_words()
    known = set(vocabulary)
    english = english_words()

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if len(word) < TYPO_MIN_LETTERS or lower in known or lower in english:
            return word
        close = difflib.get_close_matches(lower, vocabulary, n=1, cutoff=CLOSENESS)
        return close[0] if close else word

    return re.sub(r"[A-Za-z]+", fix, text)
