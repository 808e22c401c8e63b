"""X's own style in a DM: handles and hashtags that carry an answer ("it's
@WycombeVanHire", "based in #HighWycombe"), and a view sent as a numbered thread ("1/2
...", "2/2 ...").

Found by the fifteenth set of unseen conversations (conversation_probe_p.yml): the
business's own handle was dropped with the bot's, leaving "it's" as its name; the town was
kept with its hash; the first DM of a "1/2, 2/2" thread was stored as the whole answer and
the second went to the next question. The handles written to (at the start of the DM) and
the campaign's own tags are never the answer; any other handle or hashtag is spelled out.
No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

# The consultation's own accounts and tags: who the DM is written to, never an answer
OWN_HANDLES = frozenset({"btvlep", "buckslep", "buckscouncil", "bucksbusinessfirst"})
OWN_TAGS = frozenset({"buckslis", "lis", "bucks", "buckinghamshire", "localindustrialstrategy"})
HANDLE_OR_TAG = re.compile(r"(?<![\w.@#])(?P<mark>[@#])(?P<word>[A-Za-z0-9_]{1,30})\b")
# "@btvlep @BucksLEP " at the very start: the accounts the DM is addressed to
# Not a handle that is the subject of what follows: "@btvlep @UKSpaceAgency and the LEP
# running a meet the primes day" (set EG read "and the LEP ..." as carrying on)
LEADING_HANDLES = re.compile(r"^\s*@\w{1,15}\b[:,]?\s*(@\w{1,15}\b(?!\s*(&|\+|and|or)\s)[:,]?\s*)*")
CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])")


def spelled_out(word: str) -> str:
    """ "WycombeVanHire" -> "Wycombe Van Hire", "high_wycombe" -> "high wycombe",
    "BNUni" -> "BN Uni"; a word in one case stays as it is."""
    return " ".join(CAMEL.sub(" ", word.replace("_", " ")).split())


def without_addressees(text: str) -> str:
    """The DM without the handles it opens with ("@btvlep @BucksLEP it's ..." -> "it's
    ...")."""
    return LEADING_HANDLES.sub("", text)


def without_own_tags(text: str) -> str:
    """The text without the consultation's own hashtags ("nowt #bucksLIS" -> "nowt "): they
    say nothing. Other handles and tags stay."""

    def kept(match: re.Match[str]) -> str:
        own = match.group("mark") == "#" and match.group("word").lower() in OWN_TAGS
        return "" if own else match.group(0)

    return HANDLE_OR_TAG.sub(kept, text)


def plain_dm(text: str) -> str:
    """The words as typed, for reading a correction: without the handles a DM opens with and
    the consultation's own tags, curly apostrophes straight, runs of space made one."""
    return " ".join(without_own_tags(without_addressees(text)).replace("\u2019", "'").split())


def handles_spelled_out(text: Any) -> Any:
    """A profile answer as words: the consultation's own handles and tags dropped, any
    other handle or hashtag spelled out ("@btvlep it's @WycombeVanHire" -> "it's Wycombe
    Van Hire"; "based in #HighWycombe #bucksLIS" -> "based in High Wycombe"; the handles a
    DM opens with go first: `without_addressees`). Unchanged when it has no handle or tag;
    "" when nothing else is left."""
    if not isinstance(text, str) or not HANDLE_OR_TAG.search(text):
        return text

    def word(match: re.Match[str]) -> str:
        name = match.group("word")
        own = OWN_HANDLES if match.group("mark") == "@" else OWN_TAGS
        return "" if name.lower() in own else spelled_out(name)

    return " ".join(HANDLE_OR_TAG.sub(word, text).split()).strip(" ,:;")


# "1/2", "(1/3)", "1/", "[2/3]", "🧵 1/2" at the start or the end of a DM: one part of a
# numbered thread ("1/" alone: a thread of unknown length)
THREAD_MARK = re.compile(
    r"(^\s*(🧵\s*)?[(\[]?(?P<n>\d{1,2})\s*/\s*(?P<of>\d{1,2})?[)\]]?(?=\s|$)"
    # not "1/2 price", "1/2 an hour": a fraction opening a sentence
    r"(?!\s*(price|off|an?|hour|hours|day|days|mile|miles|way|of|time|pint|cup)\b)[\s:.\-–—]*"
    r"|[\s(\[]+(?P<n2>\d{1,2})\s*/\s*(?P<of2>\d{1,2})?[)\]]?\s*(🧵\s*)?$)"
)


# "... due to open on 3/4", "... down to 1/3" (set FR): a date or a fraction that ends a
# sentence, not a thread's mark, unless in brackets ("... since 2015 (1/2)")
DATE_OR_AMOUNT_BEFORE = re.compile(
    r"\b(on|from|by|until|till|til|since|before|after|to|of|at|the|and|dated|due|about|"
    r"around|over|under|nearly|almost|only|just|is|was|are|were|per|than)\s*$",
    re.IGNORECASE,
)


def thread_part(text: Any) -> tuple[int, int | None] | None:
    """(part, of) for one DM of a numbered thread ("1/2 we make ..." -> (1, 2), "1/ ..."
    -> (1, None)), or None. Not a date or a fraction inside the text ("open 24/7", "1/2
    price", "open on 3/4"): the mark must open or close the message (after the handles it
    is written to: "@btvlep (1/2) ...", set FR), and a part cannot exceed its count."""
    if not isinstance(text, str):
        return None
    text = without_addressees(text)
    match = THREAD_MARK.search(text)
    if not match:
        return None
    n = int(match.group("n") or match.group("n2"))
    of_text = match.group("of") or match.group("of2")
    of = int(of_text) if of_text else None
    rest = THREAD_MARK.sub(" ", text, count=1).split()
    if n < 1 or (of is not None and (n > of or of < 2)) or len(rest) < 2:
        return None
    bracketed = match.group(0).strip().startswith(("(", "["))
    if match.group("n2") and not bracketed and DATE_OR_AMOUNT_BEFORE.search(text[: match.start()]):
        return None
    return n, of


def more_to_come(text: Any) -> bool:
    """A thread's DM that is not its last ("1/2 ...", "2/3 ...", "1/ ...")."""
    part = thread_part(text)
    return part is not None and (part[1] is None or part[0] < part[1])


def without_thread_mark(text: str) -> str:
    """The DM without its "1/2" mark (the handles it opens with kept before the words)."""
    if thread_part(text) is None:
        return text
    words = without_addressees(text)
    handles = text[: len(text) - len(words)]
    return handles + " ".join(THREAD_MARK.sub(" ", words, count=1).split())


def thread_joined(parts: list[str]) -> str:
    """The DMs of a thread as one answer, in the order sent, their marks dropped; the
    handles only as the first DM opens (each DM of an X thread opens with them)."""
    kept = [without_thread_mark(p).strip() for p in parts if p.strip()]
    return " ".join(kept[:1] + [without_addressees(p) for p in kept[1:]])
