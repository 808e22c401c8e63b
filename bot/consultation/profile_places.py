"""Where the business is, as people type it: "we're on the high street in Chesham" is
"Chesham", "Aylesbury, where the parking is a joke" is "Aylesbury" and a remark.

Split from profile.py (profile answers as typed); the same normaliser. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.replies import normalise

# "we're on the high street in Chesham", "near Ivinghoe", "just outside Marlow, I'm the GM":
# the town named in a sentence (set AF filed the sentence, or nothing, as the location)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
PLACE_IN_SENTENCE = re.compile(
    # "near X" keeps its word (sets G and I file "near Princes Risborough" as typed); "just
    # outside X" is filed as X (sets AF and AG, two writers apart, both expect the town)
    r"(?:^|\b)(?:(?P<qualifier>near|nr|on the edge of|on the outskirts of)|"
    r"just outside|outside|based in|located in|in|out of|"
    # "Our laboratory is at Tingewick", "based at Westcott" (set EU): "at" after a word of
    # being somewhere, so "at capacity" and "at Tesco's prices" are not places
    r"(?<=based )at|(?<=located )at|(?<=situated )at|(?<=\bis )at|(?<=\bare )at|(?<='re )at)\s+"
    rf"(?!(?:{_MONTHS}|the|a|an|our|my|business|town|work)\b)"
    r"(?P<place>(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:St\.?|[A-Z][a-z'-]+))*)"
    r"\s*(?=$|[,.;!?)]|\s+(?:and|but|so|where|we|i|i'm|im|with)\b)",
    re.IGNORECASE,
)


# Words that only say where the town is ("we're on the high street in"): a location answer
# of nothing else is filed as its town; "actually we're a bit further out, near Thame" is
# kept as typed (set H)
_WHERE_WORDS = frozenset(
    "we're were we are our i'm im on the high street main road based located in out of a an "
    "office shop unit site is town centre center village just outside "
    # "It works out of a unit in Chesham." (set AR's third-person answers)
    "it it's its work works operate operates trade trades from workshop yard "
    # "Our offices are in Burnham", "Our head office and main centre are at Prestwood",
    # "Our laboratory is at Tingewick" (set EU kept each sentence as the location)
    "at are and situated offices head main centre center studio laboratory lab practice "
    "premises headquarters hq base depot warehouse factory surgery clinic salon store "
    "branch hotel registered".split()
)


def only_where_words(said: str, place: str) -> bool:
    """Nothing but `place` and words that say where it is ("we're on the high street in")."""
    rest = normalise(said.replace(place, " "))
    return all(word in _WHERE_WORDS for word in rest.split())


def place_in_sentence(text: str) -> str | None:
    """The one town a sentence names after "in" or "just outside" ("Chesham", "Marlow"), or
    "near" with the town (sets G and I keep "near Princes Risborough" as typed), capitalised
    as typed; None when it names none or more than one."""
    found = {
        " ".join(filter(None, (m.group("qualifier"), m.group("place"))))
        for m in PLACE_IN_SENTENCE.finditer(text)
    }
    return found.pop() if len(found) == 1 else None


# "we're in Chesham by the way" at the name question (set AJ filed it as the name)
_ASIDE_TAIL = re.compile(
    r"[\s,.!-]*\b(by the way|btw|fyi|too|as well|if that helps)?[\s.!]*$", re.I
)


_WHERE_OPENING = re.compile(
    r"(we'?re|we are|i'?m|im|based|located|our (shop|office|unit|site) is)\b", re.I
)


# a clause that says where the firm is: opening "in ...", or with a word of place anywhere
# ("about 30 people just outside Thame", set AF)
WHERE_PHRASE = re.compile(
    r"^in\b|\b(just outside|outside|based in|located in|near|nr|on the (edge|outskirts) of)\s",
    re.I,
)


def where_said(text: str) -> str | None:
    """The town a clause of the answer gives as where the business is ("there's 6 of us,
    we're in Princes Risborough"); not a place something else happened ("50 as of this
    month, we took over a service desk in Thame": set AS filed Thame)."""
    for clause in re.split(r"[,;.!]+", text):
        clause = clause.strip()
        if _WHERE_OPENING.match(clause) or WHERE_PHRASE.search(clause):
            if place := place_in_sentence(clause):
                return place
    return None


def only_where(text: str) -> str | None:
    """The town, when the whole answer only says where the business is ("we're in Chesham by
    the way", "based in Olney"); None for a name or anything more."""
    said = _ASIDE_TAIL.sub("", text.strip())
    place = place_in_sentence(said)
    starts = _WHERE_OPENING.match(said)
    return place if place and starts and only_where_words(said, place) else None


# "Aylesbury, where the parking is a joke" at the location question (the tenth set: NLU
# took "where" for a question and the next answer became the location): the town, then a
# remark about it that is no part of the location
PLACE_THEN_REMARK = re.compile(
    r"^(?P<place>[a-z][a-z'.&-]*( [a-z][a-z'.&-]*){0,3})\s*[,;:–—-]\s*"
    r"(?P<remark>(where|which|but|though|although|sadly|unfortunately|and (the|it|its|it'?s|"
    r"there'?s|parking|traffic)|it'?s|its|there'?s|"
    # "Haddenham, been here since 1962" (set AS filed it whole)
    r"(we'?ve |i'?ve )?been|since)\b[^?]*)$",
    re.IGNORECASE,
)


def place_and_remark(text: str) -> tuple[str, str] | None:
    """(town, remark) for "Aylesbury, where the parking is a joke"; None for a place
    alone or a question ("Aylesbury, where's that?" ends with a question mark)."""
    match = PLACE_THEN_REMARK.match(text.strip())
    if not match or len(match.group("remark").split()) < 3:
        return None
    return match.group("place").strip(), match.group("remark").strip()
