"""The theme names that open a choice ("skills and housing mainly tbh", "Housing, if I may,
and the environment one"), read token by token up to where a view begins. Split from
`choice_view.py` (past 400 lines), which reads the view after them. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.questions import chosen_by, theme_phrases

# words that may sit among the theme names of a choice ("skills and housing mainly tbh")
FILLER = frozenset(
    {
        "and",
        # "@btvlep digital, public services n infrastructure" (set EX kept "public
        # services n infrastructure" as the public services answer): "and" on X
        "n",
        "&",
        "+",
        "/",
        "plus",
        "also",
        "both",
        "mainly",
        "mostly",
        "definitely",
        "def",
        "deffo",
        "probably",
        "maybe",
        "i",
        "think",
        "guess",
        "reckon",
        "tbh",
        "honestly",
        "really",
        "for",
        "us",
        "me",
        "especially",
        "particularly",
        "then",
        "oh",
        "well",
        "hmm",
        "um",
        "ok",
        "okay",
        "right",
        # "Housing, if I may, and the environment one most certainly" (set AC)
        "the",
        "one",
        "ones",
        "most",
        "certainly",
        "please",
        # "Skills, and the one about the environment" (set AR)
        "about",
        # "New houses, the council one and green stuff" (set BD)
        "stuff",
        "things",
        "side",
    }
)
# a courtesy set off between theme names, no view: ", if I may,", "(if that's ok)"
POLITE_ASIDES = (
    ("if", "i", "may"),
    ("if", "you", "don't", "mind"),
    ("if", "you", "dont", "mind"),
    ("if", "that's", "ok"),
    ("if", "that's", "okay"),
    ("if", "that's", "alright"),
    ("if", "that's", "all", "right"),
    ("i", "suppose"),
    ("i", "think"),
    ("i'd", "say"),
    ("of", "course"),
    ("please",),
)

SEPARATOR = re.compile(r"[,;:.!()\n–—]|\s-\s|\s-$|^-\s")
LIST_COMMA = re.compile(r"\s*,\s*")
LIST_WORDS = frozenset({"and", "n", "&", "+", "/", "plus"})
TOKEN = re.compile(r"[A-Za-z0-9'’]+(?:-[A-Za-z0-9'’]+)*|[&+/]")


def lead(tokens: list[re.Match[str]], text: str) -> tuple[list[str], int, bool]:
    """(theme ids named, in order; index of the first token after the names; whether
    punctuation sets that token off from them)."""
    phrases = [(phrase.split(), ids) for phrase, ids in theme_phrases()]
    words = [t.group(0).lower().replace("’", "'") for t in tokens]
    named: list[str] = []
    i = 0
    after_aside = -1
    while i < len(words):
        match = next(
            ((len(p), ids) for p, ids in phrases if words[i : i + len(p)] == p),
            None,
        )
        gap = text[tokens[i - 1].end() : tokens[i].start()] if i else ""
        if i == after_aside and (match or words[i] in LIST_WORDS):
            gap = ""  # the comma closing a courtesy (", if I may, and ...") lists on
        # a comma between two theme names lists them ("entrepreneurialism, digital, skills
        # & infrastructure"): set Z kept the rest of such a list as a view
        if (
            named
            and SEPARATOR.search(gap)
            and not _listed(match, i, words, tokens, text)
            and not _and_another(i, words, phrases)
        ):
            aside = next((len(a) for a in POLITE_ASIDES if tuple(words[i : i + len(a)]) == a), 0)
            if not aside:
                return named, i, True
            i += aside  # "Housing, if I may, and ...": the names go on after it
            after_aside = i
            continue
        if match:
            size, ids = match
            phrase = " ".join(words[i : i + size])
            named += [t for t in chosen_by(phrase, list(ids)) if t not in named]
            i += size
        elif words[i] in FILLER:
            i += 1
        else:
            return named, i, False
    return named, i, False


def _and_another(
    i: int, words: list[str], phrases: list[tuple[list[str], tuple[str, ...]]]
) -> bool:
    """After a comma, "and" and little words lead to one more theme name: "Skills, and the
    one about the environment" names two (set AR kept "and the one about the environment"
    as the skills answer)."""
    if i >= len(words) or words[i] not in LIST_WORDS:
        return False
    j = i
    while j < len(words) and words[j] in FILLER:
        j += 1
    return any(words[j : j + len(p)] == p for p, _ in phrases)


def _listed(
    match: tuple[int, tuple[str, ...]] | None,
    i: int,
    words: list[str],
    tokens: list[re.Match[str]],
    text: str,
) -> bool:
    """Token i follows a comma and starts a theme name that the list goes on from ("and",
    "&", punctuation or the end): "skills, housing & roads" and "housing, skills: rents are
    mad" list, while "skills, housing costs are mad" starts a view."""
    if match is None or not LIST_COMMA.fullmatch(text[tokens[i - 1].end() : tokens[i].start()]):
        return False
    end = i + match[0]
    if end >= len(words):
        return True
    return words[end] in LIST_WORDS or bool(
        SEPARATOR.search(text[tokens[end - 1].end() : tokens[end].start()])
    )


def named_only(part: str) -> bool:
    """The part is theme names and little words only ("skills and housing mainly")."""
    tokens = list(TOKEN.finditer(part))
    named, at, _ = lead(tokens, part)
    return bool(named) and at >= len(tokens)
