"""Normalise a message before tagging: what a post adds around its words carries no theme.

An X post arrives as "Silverstone Park 🏎️ #bucksLIS" or "@BucksLEP #skills + #roads pls".
The campaign hashtag, @handles, links and emoji say nothing about the subject, yet they
count as words: "Pinewood #bucksLIS" is not a bare named subject unless "#bucksLIS" goes,
and the tokens dilute the embedding of a short post. A topical hashtag keeps its word
("#skills" -> "skills"); camel case is split ("#EastWestRail" -> "East West Rail").
A handle goes unless it names an institution, whose name is the subject: "spinouts from
@BucksNewUni" is about the university, "Anyone at @BucksCouncil fancy a pilot?" about the
council ("@BucksNewUni" -> "Bucks New Uni"; "@btvlep", "@WycombeVanHire" go).
"""

from __future__ import annotations

import re

CAMPAIGN_TAGS = frozenset({"buckslis", "bucks_lis", "lis", "buckslep", "btvlep"})
# A handle whose words include one of these names a public body, a university or an asset
INSTITUTION_WORDS = frozenset(
    {
        "uni", "university", "college", "council", "nhs", "hospital", "hospitals", "trust",
        "police", "fire", "rail", "railway", "hs2", "heathrow", "airport",
        "pinewood", "silverstone", "westcott", "nfts", "chilterns", "highways",
    }
)  # fmt: skip

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<!\w)@\w{1,30}")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")
_DIGITS_THEN_LETTERS = re.compile(r"(?<=\d)(?=[a-zA-Z])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Emoji, pictographs, dingbats, variation selectors and joiners.
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f900-\U0001f9ff\U00002b00-\U00002bff"
    "\U0000fe0e\U0000fe0f\U0000200d\U000020e3]+"
)
_SPACES = re.compile(r"\s{2,}")


def _hashtag(match: re.Match) -> str:
    word = match.group(1)
    if word.lower() in CAMPAIGN_TAGS:
        return " "
    return _CAMEL.sub(" ", word).replace("_", " ")


def _handle(match: re.Match) -> str:
    name = match.group(0)[1:]
    if name.lower() in CAMPAIGN_TAGS:
        return " "
    # "BucksNewUni" -> "Bucks New Uni", "HS2ltd" -> "HS2 ltd"
    words = _DIGITS_THEN_LETTERS.sub(" ", _CAMEL.sub(" ", name)).replace("_", " ")
    named = any(word in INSTITUTION_WORDS for word in words.lower().split())
    if not named and (expanded := _run_together(name)):
        return f" {expanded} "
    return f" {words} " if named else " "


# A lower-case handle runs its words together: "@buckscc" (the county council), "@bucksnewuni"
_RUN_TOGETHER_ENDS = {
    "cc": "County Council",
    "council": "Council",
    "uni": "Uni",
    "university": "University",
    "college": "College",
    "nhs": "NHS",
    "hospital": "Hospital",
}


def _run_together(name: str) -> str | None:
    """ "buckscc" -> "bucks County Council", "bucksnewuni" -> "bucksnew Uni"; None for a
    handle that ends in no institution's word."""
    lowered = name.lower()
    for end, words in _RUN_TOGETHER_ENDS.items():
        if lowered.endswith(end) and len(lowered) >= len(end) + 4:
            return f"{name[: -len(end)]} {words}"
    return None


# A leading doubt about the message itself ("not sure if this counts but ...", "dunno if
# this is relevant, ...", "this might not be what you're after but ...") names no subject,
# yet the any-theme gate read it as a reply with nothing to say and cleared the view after
# it: set FQ's "not sure if this counts but the farms we buy from keep getting sold off for
# paddocks n houses" got no theme, against housing and environment without the opener.
_DOUBT_LEAD = (
    r"(?:(?:i'?m|i am|we'?re|we are)\s+)?"
    r"(?:not (?:really |too |entirely |quite )?(?:sure|certain)|(?:i |we )?(?:don'?t|dont|do not)"
    r" (?:really )?know|no idea|dunno|(?:probably|possibly|maybe) not|(?:this|it|that)(?:'s| is)?"
    r" (?:may|might|probably|possibly) (?:not(?: be)?|be))"
)
_DOUBT_ABOUT = (
    r"(?:counts?|relevant|irrelevant|applies|apply|fits?|helps?|matters?|useful|any use|"
    r"what you(?:'re| are) (?:after|looking for)|what you want|the right place|off topic|"
    r"(?:you|u) (?:need|want) (?:this|it|to (?:know|hear)))"
)
_DOUBT = re.compile(
    rf"^\W*{_DOUBT_LEAD}\b[^.!?\n\d]{{0,40}}?\b{_DOUBT_ABOUT}\b"
    r"(?:\s+(?:to (?:me|us|you|my \w+|our \w+)|or not|here|for this|tbh|really))*"
    r"\s*(?:[,;:]+|\s+-+|\s+\u2014)?\s*(?:but|though|anyway)\b\s*",
    re.IGNORECASE,
)


def without_doubt(text: str) -> str:
    """The message without a leading doubt about whether it belongs, when it turns ("but")
    to a statement of three words or more ("not sure if this counts but the A41 ..." -> "the
    A41 ..."); otherwise as it came. A doubt followed by what the firm is ("Not sure this
    applies to us, we're a charity") is often the whole reply: left to the gate (it cost one
    right no-theme reply on the never-read checks when it went too)."""
    found = _DOUBT.match(text)
    rest = text[found.end() :] if found else ""
    return rest if len(rest.split()) >= 3 else text


def clean(text: str) -> str:
    """The message's words without links, handles (but institutions'), the campaign hashtag,
    emoji and a leading doubt about whether it belongs."""
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(_handle, text)
    text = _HASHTAG.sub(_hashtag, text)
    text = _EMOJI.sub(" ", text)
    return without_doubt(_SPACES.sub(" ", text).strip())
