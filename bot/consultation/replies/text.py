"""The normaliser every reply matcher reads through, the tests over it, and the shrug (an
emoji the normaliser drops, read by both the skips and the acknowledgements)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

# The played-back answers by their place: "the second one", "in the first one"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")

# A dash alone is a typed skip, never punctuation or an emoji reply.
DASHES = frozenset({"-", "--", "–", "—"})


def normalise(text: str) -> str:
    """Lower-case words of letters, digits, apostrophes and "/", single-spaced; accents
    dropped so "Dzień dobry" reads as "dzien dobry", not "dzie dobry".

    "Hang on..." -> "hang on"; "N/A" -> "n/a"; "Don’t know!" -> "don't know".
    """
    text = text.lower().replace("’", "'").replace("‘", "'").replace("&", " and ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9'/ ]+", " ", without_kisses(text)).split())


# "medical tech x", "yes lovely xx" (set BA: the kisses on every message were read as words,
# and the choice was "didn't catch"): a sign-off, not part of the reply ("x" alone stays)
KISSES = re.compile(r"(?<=[^\sx])([\s,.!]+x{1,4}\b)+[\s.!]*$", re.IGNORECASE)


def without_kisses(text: str) -> str:
    """The message without the kisses that sign it off."""
    return KISSES.sub("", text)


# "... Regards, Reg", "... - Pauline", "... x" (set BT signed every message): a name or the
# kisses that end a message, for readers of what it asks
_DASHED = r"\s[-\u2013\u2014]\s*(?P<name>[A-Za-z][a-z'-]{1,14})"
DASHED_NAME = re.compile(rf"{_DASHED}[\s.!]*$")
SIGNATURE = re.compile(
    rf"({_DASHED}|[\s,.]*(kind |best )?regards,?\s+[A-Za-z]+|\s+x{{1,3}})[\s.!]*$",
    re.IGNORECASE,
)


def without_signature(text: str) -> str:
    """The message without a signature at its end."""
    return SIGNATURE.sub("", text)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The text's sentences as typed, split after a full stop, "!" or "?"."""
    return [s for s in _SENTENCE_BREAK.split(text.strip()) if s]


def whole(pattern: re.Pattern[str], text: Any) -> bool:
    """The reply, normalised, is nothing but `pattern`."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return bool(norm) and pattern.fullmatch(norm) is not None


def short(text: Any, max_words: int) -> str | None:
    """The message normalised, when it has at most `max_words` words: a question or request
    is short, and a longer message with the same words is a view."""
    if not isinstance(text, str):
        return None
    norm = normalise(text)
    return norm if norm and len(norm.split()) <= max_words else None


# Sentence ends, commas, semicolons, colons, spaced dashes and new lines
CLAUSE_BREAK = re.compile(r"(?<=[.?!;:,])\s+|\s+[-–—]\s+|\n+")


def clauses(text: str) -> list[str]:
    """The message's sentences and the clauses inside them, stripped ("none of these are us,
    but staff can't get home"; "I'd file this under skills, we can't find a welder")."""
    return [p.strip() for p in CLAUSE_BREAK.split(text) if p.strip()]


def short_match(pattern: re.Pattern[str], text: Any, max_words: int) -> bool:
    """A short message (see `short`) in which `pattern` is found."""
    norm = short(text, max_words)
    return norm is not None and pattern.search(norm) is not None


# A turn to something else: "I'd rather not say, but the A41 is awful" says something
TURN = re.compile(r"\b(but|though|although|however|except)\b")


def said_alone(
    pattern: re.Pattern[str],
    text: Any,
    max_words: int,
    read: Callable[[str], str] = normalise,
) -> bool:
    """A short message, as `read` gives it, in which `pattern` is found and nothing turns
    to another subject after it (a polite no, second thoughts)."""
    if not isinstance(text, str):
        return False
    said = read(text)
    found = pattern.search(said)
    return (
        found is not None
        and len(said.split()) <= max_words
        and TURN.search(said, found.end()) is None
    )


# "Hi.", "I'm from the LEP team.", "I'm a reporter at the Bucks Herald.": who asks
INTRODUCTION = re.compile(
    r"^((hi|hello|hey|morning|afternoon|evening)\b|(i'?m|i am|im|this is|my name is|we'?re|"
    r"we are) (\w+ )?(from|at|with|writing|a|an|the|on)\b)"
)


def says_more(text: str, asking: Callable[[str], bool], min_words: int = 4) -> bool:
    """Beside a sentence that asks (`asking`, given each sentence as written), another of
    `min_words` words or more that is neither a question nor who asks: the message may be
    a view as well as a question ("is there any data on how many businesses struggle with
    broadband? ours is terrible")."""
    parts = [p for p in re.split(r"(?<=[.?!])\s+|\n+", text) if p.strip()]
    asks = [asking(part) for part in parts]
    return any(asks) and any(
        not ask
        and not part.rstrip().endswith("?")
        and len(norm.split()) >= min_words
        and not INTRODUCTION.search(norm)
        for part, ask in zip(parts, asks, strict=True)
        for norm in [normalise(part)]
    )


def mentions(pattern: re.Pattern[str], text: Any) -> bool:
    """The reply, normalised, contains `pattern` (anchor it with ^ to test the start)."""
    return isinstance(text, str) and pattern.search(normalise(text)) is not None


# "🤷", "🤷🏻‍♀️", "¯\_(ツ)_/¯": don't know, so a skip (the twelfth set asked "say a little
# more" of a shrug at an open question); skin tones, gender signs and joiners allowed
SHRUG = re.compile(r"(🤷[\U0001F3FB-\U0001F3FF]?(\u200d?[♀♂]\ufe0f?)?|¯\\_?\(ツ\)_?/¯)+")


def shrug_only(text: Any) -> bool:
    """Nothing but one or more shrugs."""
    if not isinstance(text, str):
        return False
    said = "".join(text.split()).replace("\ufe0f", "")
    return bool(said) and SHRUG.fullmatch(said) is not None
