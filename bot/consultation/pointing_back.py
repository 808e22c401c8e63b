"""Replies that point back to an earlier answer: "same as before", "ditto", "as above but
worse", "see my first answer", "what I said about the race weekends". Kept as said against
the question pending, with the themes of the answer pointed to.

Split from asides.py (which passed 400 lines with set U's pointers to one answer in
particular); still importable from there. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.questions import named_themes
from bot.consultation.replies import is_skip, means_nothing, normalise, nothing_but_a_reason
from bot.consultation.x_style import without_addressees, without_own_tags

# "really", "tbh", "again": filler a pointer may end with
_FILLER = r"( really| tbh| to be honest| thanks| i think| i guess| basically| pretty much| again)*"
# "but worse", "only more so", "x10": the answer pointed to, more strongly; no new subject
_STRONGER = (
    r"( (but|only|just|and|though)( even| much| a lot| far| way| 10 times| ten times)? "
    r"(worse|more so|bigger|harder|more|worse now|getting worse)( now| these days| lately)?|"
    r" (x ?10|times (ten|10|a hundred|100)|squared|and then some|if anything worse))"
)
# "same as before", "see above", "ditto", "as I said": the last answer stands for this
# question too; nothing new to note and nothing to ask more about
SAME_AS_BEFORE = re.compile(
    r"((it'?s |its |my answer'?s |answer'?s )?(the )?same( again| here| thing| answer| story)?"
    r"( as (before|above|last time|the last one|the one before|my last( answer| one)?|"
    r"previous|i said( before| above)?))?|ditto|as (above|before|i said|per above)|"
    r"see (above|before|my (last|previous|earlier|other) (answer|one|message|reply))|"
    r"(i'?ve|i have) already (said|answered|told you)( that| this)?|"
    r"already (said|answered)( that)?|"
    # "same for all of them", "said it above" (untagged by the tagger since its no-theme head)
    r"same( answer| thing)? for (all( of)? (them|these|those)|the (rest|others|lot)|both|"
    r"(this|that) one( too)?)|(i )?(said|answered|covered|mentioned) (it|that|this|them)( all)? "
    r"(above|before|already|earlier))"
    # "as above but worse", "same again only more so", "ditto x10" (set U kept it as a view
    # of its own with the question's theme, not the answer it points to)
    rf"{_STRONGER}?{_FILLER}"
)


# "see my first answer", "same as my second one", "what I said about the race weekends":
# one earlier answer in particular, by its place or by what it was about (set U's passed
# only on the question's own theme)
# a topic of a word or four, never running on into a view ("..., plus parking is awful")
_TOPIC_WORD = r"(?!(and|plus|but|also|because|cos|so|which|though|as well)\b)[a-z0-9']+"
_NTH = {"first": 0, "1st": 0, "opening": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}
PARTICULAR = re.compile(
    r"(((it'?s |its )?(the )?same as|see|as in|as per|like|check|read|look at) )?"
    rf"(my|the) (?P<nth>{'|'.join(_NTH)}) (answer|one|reply|message|point)|"
    r"(((it'?s |its )?(the )?same as|see|as|like|same) )?what i (said|wrote|put|mentioned|told you)"
    rf" (about|re|on|for|regarding) (the |my |our )?(?P<topic>{_TOPIC_WORD}( {_TOPIC_WORD}){{0,3}})"
    r"( earlier| before| above)?|"
    # "my answer on housing covers this too", "same as the barriers one, the planes", "same
    # as the skills one really" (set CI kept each with only its own words' themes)
    rf"(((it'?s |its )?(the )?same as|see|as in|as per|like) )?(my|the) answer (on|about|for|to|"
    rf"re) (the |my |our )?(?P<topic_a>{_TOPIC_WORD}( {_TOPIC_WORD}){{0,2}})|"
    rf"((it'?s |its )?(the )?same as|see|as per) (my|the) "
    rf"(?P<topic_b>{_TOPIC_WORD}( {_TOPIC_WORD}){{0,2}}) (answer|one|bit|question)"
)
# the part of a theme's questions a pointer may name ("the barriers one")
_QUESTION_PARTS = {
    "barriers": "barriers",
    "barrier": "barriers",
    "problems": "barriers",
    "opportunities": "opportunities",
    "opportunity": "opportunities",
    "help": "help",
}
_PARTICULAR_WHOLE = re.compile(rf"({PARTICULAR.pattern}){_STRONGER}?{_FILLER}")
_TOPIC_STOP = frozenset({"the", "a", "an", "and", "of", "my", "our", "bit", "one", "thing"})


# How a pointer is stored: "^^ same [same as: a test engineering apprenticeship ...]"
SAME_AS = " [same as: "
POINTED_MAX_CHARS = 400


def pointer_spelled_out(text: str, earlier: str) -> str:
    """A pointer with the words it points to after it, clipped to `POINTED_MAX_CHARS`."""
    words = " ".join(earlier.split())
    if len(words) > POINTED_MAX_CHARS:
        words = words[: POINTED_MAX_CHARS - 1].rstrip() + "…"
    return f"{text}{SAME_AS}{words}]"


def same_as_before(text: Any) -> bool:
    """The whole reply says an earlier answer applies again ("same as before", "see my first
    answer", "what I said about the roads")."""
    if not isinstance(text, str):
        return False
    norm = normalise(without_own_tags(without_addressees(text)))  # "@btvlep ^^ same" on X
    return bool(norm) and (
        SAME_AS_BEFORE.fullmatch(norm) is not None or _PARTICULAR_WHOLE.fullmatch(norm) is not None
    )


def points_back_to_nothing(text: Any, previous: str | None) -> bool:
    """ "same as before", "ditto" straight after a reply with nothing in it ("no idea, sorry",
    "pass"): nothing to say again, never an older view copied in its place (set FQ's header).
    A pointer to one answer in particular ("see my first answer") is not this."""
    if not isinstance(text, str) or not isinstance(previous, str):
        return False
    norm = normalise(without_own_tags(without_addressees(text)))
    return (
        bool(norm)
        and SAME_AS_BEFORE.fullmatch(norm) is not None
        and (is_skip(previous) or means_nothing(previous) or nothing_but_a_reason(previous))
    )


def nothing_to_keep(text: Any, previous: str | None) -> bool:
    """A reply that says there is nothing to say, with why beside it ("Not really my area, I
    just teach people to drive") or by pointing back at such a reply ("same as before" after
    "no idea"): set FQ. One check for the action, so it keeps no view from either."""
    return nothing_but_a_reason(text) or points_back_to_nothing(text, previous)


# "same problem as before but worse since they put houses on the fields", "same as b4 but
# worse, our only setter left", "see what i said about the power, plus the lane is too
# narrow": a pointer that opens the reply and goes on with something new (set AE kept only
# the new words' themes)
_OPENING_POINTER = re.compile(
    r"^((it'?s |its )?(the )?same( \w+)? as (before|b4|above|last time|the last one|"
    r"the one before|my last( answer| one)?|previous|i said( before| above)?)|"
    r"ditto|as (above|before|i said|per above)|see (above|before))\b"
    rf"|^({PARTICULAR.pattern})"
)
OPENING_MIN_REST_WORDS = 3


def opens_with_pointer(text: Any) -> bool:
    """The reply opens by pointing back to an earlier answer and then says more of its own;
    its themes are the earlier answer's and its own."""
    if not isinstance(text, str) or same_as_before(text):
        return False
    norm = normalise(without_own_tags(without_addressees(text)))
    match = _OPENING_POINTER.match(norm)
    return match is not None and len(norm[match.end() :].split()) >= OPENING_MIN_REST_WORDS


def pointed_answer(
    text: str,
    earlier: list[str],
    themes_asked: list[str | None] | None = None,
    parts_asked: list[str | None] | None = None,
) -> str | None:
    """Which of the `earlier` answers (oldest first, none a pointer itself) a pointer stands
    for: the one at its place ("my first answer"), the latest about its topic ("what I said
    about the race weekends"), given to the question on the theme it names ("what I said
    for skills", with `themes_asked` the theme of each answer's question) or to the part of
    a theme's questions it names ("the barriers one", with `parts_asked` each question's
    part); None when none is; else the latest."""
    if not earlier:
        return None
    norm = normalise(without_own_tags(without_addressees(text)))
    # the whole reply, else its opening ("see what i said about the power, plus ...")
    match = _PARTICULAR_WHOLE.fullmatch(norm) or PARTICULAR.match(norm)
    if match and match.group("nth"):
        nth = _NTH[match.group("nth")]
        return earlier[nth] if nth < len(earlier) else earlier[-1]
    topic = match and (match.group("topic") or match.group("topic_a") or match.group("topic_b"))
    if match and topic:
        words = {w for w in topic.split() if w not in _TOPIC_STOP}
        part = next((_QUESTION_PARTS[w] for w in words if w in _QUESTION_PARTS), None)
        if part and parts_asked:
            # "same as the barriers one": the latest answer to a barriers question
            to_part = (
                said
                for said, asked_part in zip(reversed(earlier), reversed(parts_asked), strict=True)
                if asked_part == part
            )
            if (found_part := next(to_part, None)) is not None:
                return found_part
        # none about it: its own words are tagged ("what I said about broadband")
        about = (said for said in reversed(earlier) if words & set(normalise(said).split()))
        found = next(about, None)
        if found is None and themes_asked:
            # "same as what i said for skills" (set AH): the answer to the skills question
            named = set(named_themes(topic))
            asked = (
                said
                for said, theme_id in zip(reversed(earlier), reversed(themes_asked), strict=True)
                if theme_id in named
            )
            found = next(asked, None)
        return found
    return earlier[-1]
