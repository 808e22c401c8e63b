"""One message that answers several questions of a theme under labels, as people paste
from a form or an email ("Opportunities: ... Barriers: ... Help: ..."): each part is kept
against its own question instead of the whole against the first and the others asked
again (the ninth set of unseen conversations). Set W's in one line: the questions' own
words as labels ("barriers: ... what would help: ...") and their places ("first one: ...
second one: ... third one: ..."). No Rasa imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.consultation.questions import named_themes, only_names, question
from bot.consultation.x_style import without_addressees

# A label at the start of a line, then ":" or a dash. Only on lines of their own: labels
# typed inline in one line ("opportunity: ... problem: ...", the eighth set) answer the
# question asked, and the next question is still asked.
LABEL = re.compile(
    r"(?:^|\n)[ \t]*[-*•]?[ \t]*"
    r"(?P<label>opportunit(?:y|ies)|barriers?|problems?|challenges?|obstacles?|"
    r"(?:what would )?help(?: needed)?|what would help|needs?|asks?|solutions?)"
    r"[ \t]*(?::|[-–—])[ \t]*",
    re.IGNORECASE,
)
QUESTION_OF_LABEL = {
    "opportunit": "opportunities",
    "opps": "opportunities",
    "oppos": "opportunities",
    "probs": "barriers",
    "barrier": "barriers",
    "problem": "barriers",
    "challenge": "barriers",
    "obstacle": "barriers",
    "help": "help",
    "what would help": "help",
    "need": "help",
    "ask": "help",
    "solution": "help",
}
MIN_PARTS = 2
# Inline, a label counts only in the words of the questions themselves ("barriers: ...
# what would help: ..."), at the start or after a full stop: "opportunity: ... problem:
# ..." in one line (set H) stays one answer, and "we need help: ..." is a view
INLINE_LABEL = re.compile(
    r"(?:^|(?<=[.;!?])|(?<=[.;!?][ \t])|(?<=\n))[ \t]*"
    r"(?P<label>opportunities|barriers|what would help|help)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
# X shorthand in one DM: "opps: ... probs: ..." (set AZ kept both against the opportunities
# question); only when the message opens with one, so "no probs: happy to help" is a view
SHORT_LABEL = re.compile(
    r"(?:^|(?<=\s)|(?<=[.;!?,]))(?P<label>opps|oppos|opportunities|probs|problems|barriers|"
    r"help)[ \t]*[:=][ \t]*",
    re.IGNORECASE,
)
# The next question's answer given before it is asked, flagged in words: "Opportunity:
# ... And since you'll ask next, the barrier is there's no wet-lab space" (set AI)
ANTICIPATED = re.compile(
    # "... Before you ask what would help: a shared cleanroom ..." (set CS)
    r"(?:\band[ \t]+)?\b(?:since|as|because|cos|before)[ \t]+you(?:'ll| will|'re going to|"
    r" are going to)?(?: probably)?[ \t]+ask(?: me)?(?: that| this)?(?: next)?[ \t]*[,:-]?[ \t]*"
    r"(?:the[ \t]+)?(?P<label>barriers?|problems?|challenges?|what would help|help)"
    r"(?:[ \t]+(?:is|are|would be))?[ \t]*:?[ \t]*",
    re.IGNORECASE,
)
# The questions by their place: "first one:", "q2 -", "question 3:", "1st one -"; a bare
# "first: we can't hire. second: the A41." lists one answer's points
_PLACES = {
    "first": 0, "1st": 0, "one": 0, "1": 0,
    "second": 1, "2nd": 1, "two": 1, "2": 1,
    "third": 2, "3rd": 2, "three": 2, "3": 2,
}  # fmt: skip
PLACE_LABEL = re.compile(
    r"(?:^|(?<=[.;!?,])|(?<=[.;!?,][ \t])|(?<=\n))[ \t]*(?:and |then |the |for the |on the )?"
    r"(?:(?P<ord>first|second|third|1st|2nd|3rd)(?: one| question| q| answer)|"
    r"(?:question|q|no\.?|number) ?(?P<num>one|two|three|[123]))"
    r"[ \t]*(?::|[-–—](?=[ \t]))[ \t]*",
    re.IGNORECASE,
)


# Two questions answered in one breath, each opened by its own words: "The upside is ...;
# the downside is ..." at the opportunities question, "problem is ... what would help is
# ..." at the barriers one (set AN kept each whole against the question asked). The message
# must open with one and name another question with the other.
SPOKEN_LABEL = re.compile(
    r"(?:^|(?<=[.;,!?])|(?<=[.;,!?][ \t])|(?<=\band )|(?<=\bbut ))[ \t]*(?:the[ \t]+|our[ \t]+)?"
    r"(?P<label>upside|up side|plus side|good news|opportunity|downside|down side|flip side|"
    r"catch|bad news|problem|barrier|what would help|what'?d help|what we need|"
    # "What holds us back is ... What would help most is ..." (set EJ kept both as the
    # barriers answer)
    r"what holds us back|what'?s holding us back|what gets in (?:our|the) way)"
    r"(?:[ \t]+(?:most|us|most of all|the most))?[ \t]+(?:is|are|would be)[ \t]+(?:that[ \t]+)?",
    re.IGNORECASE,
)
SPOKEN_QUESTION = {
    "upside": "opportunities",
    "up side": "opportunities",
    "plus side": "opportunities",
    "good news": "opportunities",
    "opportunity": "opportunities",
    "downside": "barriers",
    "down side": "barriers",
    "flip side": "barriers",
    "catch": "barriers",
    "bad news": "barriers",
    "problem": "barriers",
    "barrier": "barriers",
    "what would help": "help",
    "what'd help": "help",
    "whatd help": "help",
    "what we need": "help",
    "what holds us back": "barriers",
    "what's holding us back": "barriers",
    "whats holding us back": "barriers",
    "what gets in our way": "barriers",
    "what gets in the way": "barriers",
}


def _spoken(match: re.Match[str]) -> str | None:
    return SPOKEN_QUESTION.get(" ".join(match.group("label").lower().replace("’", "'").split()))


def _question(label: str) -> str | None:
    low = label.lower()
    return next((q for stem, q in QUESTION_OF_LABEL.items() if low.startswith(stem)), None)


def labelled_answers(
    text: str, order: tuple[str, ...] = (), current: str | None = None
) -> dict[str, str]:
    """The answers a labelled message gives, by question ("opportunities", "barriers",
    "help"); empty unless it labels at least two different questions and starts with one
    (an answer that mentions "help:" once is an answer). Labels are the questions' words,
    on lines of their own (any of them) or inline (the questions' own words), or their
    places ("first one:", "q2 -"), read against `order`, the questions of the theme.
    An answer that flags the next one ("... and since you'll ask next, the barrier is
    ...") is split there, the words before it kept for `current` unless labelled."""
    text = ANNOUNCED.sub("", text, count=1)  # "quick, both in one go. barriers: ..."
    ahead = list(ANTICIPATED.finditer(text))
    if ahead:
        labels = sorted([*LABEL.finditer(text), *ahead], key=lambda m: m.start())
        found = _parts(text, labels, lambda m: _question(m.group("label")), current)
        if found:
            return found
    for found in (
        _parts(text, list(LABEL.finditer(text)), lambda m: _question(m.group("label"))),
        _parts(text, list(INLINE_LABEL.finditer(text)), lambda m: _question(m.group("label"))),
        _parts(text, list(PLACE_LABEL.finditer(text)), lambda m: _placed(m, order)),
        _parts(text, list(SPOKEN_LABEL.finditer(text)), _spoken),
        _shorthand(text),
    ):
        if found:
            return found
    return {}


# "In a rush so both at once. Skills: ... Infrastructure: ..." (set DU kept the whole as the
# skills answer and asked the infrastructure question): the lead-in only announces the parts
ANNOUNCED = re.compile(
    r"^\W*(?:(?:in a (?:rush|hurry)|quick(?:ly)?|sorry|ok|okay)[, ]*)*(?:so |here'?s |here are )?"
    r"(?:both|all(?: three)?|the (?:two|three|lot)(?: of them)?)(?: answers?)?"
    r"(?: at once| in one go| together| in one(?: message)?)[.:!,-]*\s*",
    re.IGNORECASE,
)
# A theme's name as a label, on a line of its own or after a full stop ("Skills: ...
# Infrastructure: ..."), for the questions of the seabed drivers still to come
THEME_LABEL = re.compile(
    r"(?:^|(?<=[.;!?])|(?<=[.;!?][ \t])|(?<=\n))[ \t]*[-*•]?[ \t]*"
    r"(?P<label>[A-Za-z][A-Za-z &'-]{1,40}?)[ \t]*:[ \t]*"
)

# The same on a line of its own with a spaced dash ("skills - ..."); the label then must be
# nothing but a theme's name, so "no staff - and the roads" is no label
THEME_DASH_LABEL = re.compile(
    r"(?:^|(?<=\n))[ \t]*[-*•]?[ \t]*(?P<label>[A-Za-z][A-Za-z &'-]{1,40}?)[ \t]+[-–—][ \t]+"
)


def theme_labelled_parts(text: str, pending: list[str]) -> dict[str, str]:
    """{question key: its words} when a message answers two or more of the questions
    pending under their themes' names ("Skills: ... Infrastructure: ..."); else empty."""
    plain = ANNOUNCED.sub("", without_addressees(text), count=1)
    by_theme = {question(k).theme_id: k for k in pending}

    def read(match: re.Match[str]) -> str | None:
        named = named_themes(match.group("label"))
        return by_theme.get(named[0]) if len(named) == 1 else None

    labels = [m for m in THEME_LABEL.finditer(plain) if read(m)]
    # "skills - ...\ninfrastructure - ..." (set GC kept both as the skills answer): a dash
    # after a line that opens with a driver's name and nothing else
    dashed = [m for m in THEME_DASH_LABEL.finditer(plain) if only_names(m.group("label"))]
    labels = sorted([*labels, *(m for m in dashed if read(m))], key=lambda m: m.start())
    return _parts(plain, labels, read)


def _shorthand(text: str) -> dict[str, str]:
    """ "@btvlep opps: ... probs: ...": the parts of a DM that opens with a short label."""
    plain = without_addressees(text)
    labels = list(SHORT_LABEL.finditer(plain))
    if not labels or labels[0].start() != 0:
        return {}
    return _parts(plain, labels, lambda m: _question(m.group("label")))


def _placed(match: re.Match[str], order: tuple[str, ...]) -> str | None:
    place = _PLACES[(match.group("ord") or match.group("num")).lower()]
    return order[place] if place < len(order) else None


def _parts(
    text: str,
    labels: list[re.Match[str]],
    read: Callable[[re.Match[str]], str | None],
    current: str | None = None,
) -> dict[str, str]:
    """Each label's words by its question; words before the first label are `current`'s
    (none without it: then the message must open with a label)."""
    before = text[: labels[0].start()].strip() if labels else ""
    if not labels or (before and not current):
        return {}
    parts: dict[str, str] = {current: before} if before and current else {}
    for i, match in enumerate(labels):
        question = read(match)
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        said = text[match.end() : end].strip()
        if question and said:
            parts[question] = f"{parts[question]} {said}" if question in parts else said
    return parts if len(parts) >= MIN_PARTS else {}


# "the new builds ... wont put a flue in. and on the environment one, customers r scared off
# wood burners ..." at the housing question (set CS kept it all as the housing answer and
# asked the environment question): the words after the later theme's name are its answer
LATER_THEME = re.compile(
    r"(?:(?<=[.;!?])|(?<=[.;!?][ \t]))[ \t]*(?:and[ \t]+|also[ \t]+|oh and[ \t]+)?"
    r"(?:on|for|re|as for|about|regarding)[ \t]+(?:the[ \t]+)?(?P<topic>[a-z& ]{2,40}?)"
    r"(?:[ \t]+(?:one|question|bit|part|side))?[ \t]*[,:-][ \t]*(?P<later>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
LATER_MIN_WORDS = 4


def later_theme_part(text: str, pending: list[str]) -> dict[str, str]:
    """{the question asked: the words before, a later question: its words} when an answer
    goes on to a theme still to come by its name; empty otherwise."""
    match = LATER_THEME.search(text)
    if match is None or len(pending) < 2:
        return {}
    now, later = text[: match.start()].strip(), match.group("later").strip()
    named = named_themes(match.group("topic"))
    if len(named) != 1 or min(len(now.split()), len(later.split())) < LATER_MIN_WORDS:
        return {}
    ahead = [k for k in pending[1:] if question(k).theme_id == named[0]]
    if not ahead or question(pending[0]).theme_id == named[0]:
        return {}
    return {pending[0]: now, ahead[0]: later}
