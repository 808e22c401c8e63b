"""Split a message into the clauses a reader would tag one by one.

Business views touch two or three themes, and the second often sits in a clause of its own:
"we can't recruit machinists, and the A41 is gridlocked". Scored as one text, the stronger
subject drowns the other (the neighbour vote and the embedding both average the message).
Scoring each clause as well, and keeping every theme any clause reaches, is how GUIDE.md's
"every clause counts" is applied.

The split is deliberately plain: sentence ends, semicolons, colons, dashes, bullets, numbered
items ("1) rent 2) staff"), "+" and "&" in posts, and coordinating words that start a new
subject ("and", "but", "also", "plus", "as well as", "while", "whereas", "although", "oh
and", and a posted "n": "an nhs test bed ... n a follow on fund for medtech", set FB).
Pieces too short to carry a subject on their own (fewer than `MIN_WORDS` words) are joined
to their neighbour, so in "skills and roads" the lone "skills" stays with its pair
rather than becoming a clause; a numbered item stays a clause however short.
"""

from __future__ import annotations

import re

MIN_WORDS = 2
MAX_SEGMENTS = 6

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|\s*[;•|]\s*|\s+[-–—]\s+|\s*(?<!\w)[+&](?!\w)\s*")
_CLAUSE = re.compile(
    r",?\s+(?=(?:and|n(?=\s)|but|also|plus|although|though|whereas|while|oh and|as well as|"
    r"not to mention|on top of that|another thing|the other thing)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9#@']+")
# "1) rent 2) finding machinists 3) the roads", "1. rent 2. staff": a numbered list typed on
# one line. Split at its numbers only when a 1 and a 2 both mark items, so "we employ 12.
# The roads..." keeps its sentence.
_NUMBERED = re.compile(r"(?:^|\s)\(?1[.)]\s.*\s\(?2[.)]\s", re.DOTALL)
_ITEM = re.compile(r"(?:^|\s+)\(?\d{1,2}[.)]\s+")


Span = tuple[int, int]

# Words with which a writer says outright that a new subject starts: "PS the only brewing
# course was in Sunderland", "The other thing, ..., is the air on the Desborough Road",
# "Lastly, ... somewhere for freelancers to live". The sentence they open is its own subject,
# however long the first one ran (`new_subject_marks`; set DC of unseen conversations).
# Not "also", "plus" or "oh and": they as often carry the same subject on ("also it costs
# too much"), and on the never-read checks they added 2 right themes and 3 wrong. "Second"
# and "third" only as a list's ("Third, train more sparks"), not "Third time this month".
NEW_SUBJECT = re.compile(
    r"^\W*(?:p\.?\s?s\b\.?|pps\b|"
    r"anyway\b|anyhow\b|(?:and )?lastly\b|(?:and )?finally\b|one (?:more|last|other) thing\b|"
    r"(?:and )?another thing\b|(?:and )?the other (?:thing|issue|problem|point|one)\b|"
    r"(?:oh,? )?(?:and )?(?:i )?(?:almost|nearly) forgot\b|on top of (?:that|all that)\b|"
    r"not to mention\b|separately\b|apart from (?:that|all that)\b|other than that\b|"
    r"on (?:another|a (?:different|separate|side)) note\b|by the way\b|btw\b|"
    r"secondly\b|thirdly\b|(?:second|third)\b(?=\s*[,:])|as well as (?:that|all that)\b|"
    r"while i'?m at it\b|"
    r"while (?:i'?ve|i have) got you\b|"
    # "I should add that the young ones we do train cannot afford a room ..." (set DQ, a
    # letter-like answer, lost it)
    r"i (?:should|must|would|might) (?:also )?add\b|i'?d (?:also )?add\b|"
    r"(?:it is|it'?s) (?:also )?worth (?:adding|mentioning|saying)\b|"
    r"(?:one|a) (?:further|final) (?:point|thing)\b)",
    re.IGNORECASE,
)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _split(text: str, start: int, end: int, pattern: re.Pattern) -> list[Span]:
    """The pieces of text[start:end] between matches of `pattern`, trimmed of " ,."."""
    out, pos = [], start
    for match in pattern.finditer(text, start, end):
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, end))
    trimmed = []
    for a, b in out:
        while a < b and text[a] in " ,.":
            a += 1
        while b > a and text[b - 1] in " ,.":
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


def _merge_short(text: str, spans: list[Span]) -> list[Span]:
    """Join pieces with fewer than MIN_WORDS words onto the previous (or next) piece."""
    out: list[Span] = []
    for a, b in spans:
        if out and (
            _words(text[a:b]) < MIN_WORDS or _words(text[out[-1][0] : out[-1][1]]) < MIN_WORDS
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def segment_spans(text: str) -> list[Span]:
    """(start, end) of each of the message's clauses in `text`, in order; one span covering
    the text when it has a single clause."""
    sentences = _split(text, 0, len(text), _SENTENCE)
    if _NUMBERED.search(text):  # each numbered item is a clause however short ("1) rent")
        items = _split(text, 0, len(text), _ITEM)
        sentences = [c for a, b in items for c in _split(text, a, b, _SENTENCE)]
        spans = [
            c
            for a, b in items
            for c in _merge_short(
                text,
                [k for x, y in _split(text, a, b, _SENTENCE) for k in _split(text, x, y, _CLAUSE)],
            )
        ]
    else:
        spans = _merge_short(text, [c for a, b in sentences for c in _split(text, a, b, _CLAUSE)])
    if len(spans) > MAX_SEGMENTS:  # a long email: keep sentences, not every clause
        spans = _merge_short(text, sentences)
        if len(spans) > MAX_SEGMENTS:
            size = -(-len(spans) // MAX_SEGMENTS)
            spans = [
                (spans[i][0], spans[min(i + size, len(spans)) - 1][1])
                for i in range(0, len(spans), size)
            ]
    return spans or [(0, len(text))]


def new_subject_marks(text: str, spans: list[Span]) -> list[bool]:
    """Per clause: does it sit in a sentence that opens with words announcing a new subject
    ("PS ...", "The other thing, ...", "Lastly, ..."), or open with them itself? Such a
    clause is tagged as if it stood alone (`clauses.combine`)."""
    if len(spans) < 2:
        return [False] * len(spans)
    marked = [
        (a, b) for a, b in _split(text, 0, len(text), _SENTENCE) if NEW_SUBJECT.match(text[a:b])
    ]
    return [
        any(a <= start < b for a, b in marked) or NEW_SUBJECT.match(text[start:end]) is not None
        for start, end in spans
    ]


def segments(text: str) -> list[str]:
    """The message's clauses, in order; a single-clause message gives one piece.

    >>> segments("We can't recruit machinists, and the A41 is gridlocked every morning")
    ["We can't recruit machinists", 'and the A41 is gridlocked every morning']
    """
    return [text[a:b] for a, b in segment_spans(text)]
