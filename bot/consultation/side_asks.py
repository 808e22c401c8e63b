"""Side questions asked while one of ours is open: about the consultation's process (how
much longer, must I answer them all, can I skip bits, who sees it) or about the strategy's
two lists (the other islands, "is Infrastructure the one with HS2 in it?").

Set FP of unseen conversations (conversation_probe_fp.yml) found six kept as the answer to
the open question, so every later answer landed a question late: "How much longer is this
going to take? I've got a fitter waiting on me", "do i have to do all 3 of these?", "r all
of these compulsory?", "what are the other four islands? We might fit more than one", "is
Infrastructure the one with HS2 and East West Rail in it? Just checking before I answer";
"can I skip bits that don't apply to us?" before agreeing got the consent question again
unanswered, and "Before I give you our name, who gets to see it?" was told which name to
give. Each is answered (how far there is to go, that every question is optional, the list
asked for, what a theme covers, who reads the answers) and the open question asked again;
nothing is stored.

A side question is the question, after any lead-in ("Just to check,", "quick q,"), and at
most a short remark that says why ("got a build going out at 4"). A remark with a view in
it ("... and we can't get staff"), a longer message, or a question on anything else ("why
can't the council fix the A41?", "who's going to pay for the grid upgrade we need?") is no
side question: a view worded as a question is kept. No Rasa imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.consultation.asides import asks_who_reads
from bot.consultation.questions import message, named_themes
from bot.consultation.replies import LEAD_IN_WORDS, normalise
from bot.consultation.replies.questions import REMARK_IS_A_VIEW
from bot.consultation.strategy_asides import describe, the_others
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS, SEABED_IDS, theme

ASKED_MAX_WORDS = 16
REMARK_MAX_WORDS = 16
MAX_THEMES_DESCRIBED = 3

# the openings before a side question: `replies.LEAD_IN_WORDS` ("sorry", "before I start",
# "quick q") and a few more ("Just to check,", "btw")
_LEADS = re.compile(
    rf"^(({LEAD_IN_WORDS}|just to check|just checking|to check|checking|btw|by the way|"
    r"can i ask|may i ask|right|mate|real quick|quickly)\b ?)+"
)
# text-speak spelled out for these patterns ("r all of these compulsory?")
_SPOKEN = {
    "r": "are",
    "u": "you",
    "ur": "your",
    "wat": "what",
    "wot": "what",
    "whats": "what's",
    "long's": "long is",
}


def _plain(norm: str) -> str:
    return " ".join(_SPOKEN.get(w, w) for w in norm.split())


def _asked(text: Any, pattern: re.Pattern[str] | None = None) -> str | None:
    """The question a side question asks (normalised, lead-in dropped, text-speak spelled
    out), when the message is that question and at most a short remark with no view in it
    (or a second side question); None otherwise. Without a "?" the question ends at a
    comma or full stop that leaves it matching `pattern` ("whats the seabed list again
    sorry, scrolled past it")."""
    if not isinstance(text, str):
        return None
    plain = without_addressees(text).strip()
    if "?" in plain or pattern is None:
        question, _, remark = plain.partition("?")
        return _question_and_remark(question, remark)
    for cut in [m.start() for m in _CLAUSE_END.finditer(plain)] + [len(plain)]:
        asked = _question_and_remark(plain[:cut], plain[cut + 1 :])
        if asked is not None and pattern.match(asked):
            return asked
    return None


_CLAUSE_END = re.compile(r"[,.;!:]")


def _question_and_remark(asked: str, remark: str) -> str | None:
    plain = _plain(_LEADS.sub("", normalise(asked)))
    if not plain or len(plain.split()) > ASKED_MAX_WORDS:
        return None
    if "?" in remark:  # "do I have to do them all? how many are left?": both side questions
        return plain if mid_way_question(remark) else None
    said = normalise(remark)
    if len(said.split()) > REMARK_MAX_WORDS or REMARK_IS_A_VIEW.search(said):
        return None  # "is it compulsory? we need the council to fix the A41 first": a view
    return plain


# What follows a question without changing it: "how much longer, roughly?", "... after this one"
_TRAIL = (
    r"( (roughly|then|now|exactly|approx|approximately|about|please|pls|still|again|left|to go|"
    r"mate|sorry|btw|by the way|after this( one)?|in total|altogether|all told|do you think|"
    r"though|just wondering|out of interest))*$"
)
_THIS = (
    r"(this|it|all this|the rest( of (this|it))?|this (chat|survey|thing|bit|part|lot|form)|"
    r"these questions|the questions|the survey|the chat|the form)"
)

# "How much longer is this going to take?", "how many more questions after this?", "are we
# nearly done?", "is there much more?": how far there is to go
HOW_FAR = re.compile(
    r"^(how (much )?longer|how long|how long'?s)( (is|will|does|would))? "
    rf"{_THIS}( (going to|gonna|likely to|meant to|supposed to))? (take|last|go on|be)\b{_TRAIL}|"
    r"^how much longer( (have|'ve) (we|i) got)?" + _TRAIL + "|"
    r"^how long( is| have (we|i) got)? (left|to go|remaining)" + _TRAIL + "|"
    r"^how (many|much) more( (questions|of (these|them|this|those)|to go|left|is there|"
    r"are there|have you got|do you have|(do|will) you (ask|need)|is left|are left))*"
    + _TRAIL
    + "|"
    r"^how many (questions )?((are|is) )?(left|to go|remaining|still to go)" + _TRAIL + "|"
    r"^how far (through|along|in) (am i|are we|is this)" + _TRAIL + "|"
    r"^(are we|am i|is this|is it) (nearly|almost) (done|there|finished|over|at the end|through)"
    + _TRAIL
    + "|"
    r"^is there (much|a lot|lots|many|loads) more( (to go|of this|questions|to do))?" + _TRAIL + "|"
    r"^(is this|is that|was that) the last (one|question|bit)" + _TRAIL
)

_ALL = (
    r"(all|all of (them|these|those|it|this|the questions)|them all|these all|everything|"
    r"all (these|those|them|the questions|questions|\d+|two|three|four|five|six|seven|twelve)"
    r"( of (these|them|those|the questions))?( questions)?|every (one|question|single one|bit)|"
    r"each (one|question)|each of (them|these)|the lot)"
)
_DO = r"(answer|do|fill in|fill out|complete|go through|reply to|respond to|finish)"
_SUBJECT = (
    r"(it|this|that|these|they|them|everything|every question|each (one|question)|the questions|"
    r"all (of )?(these|them|this|those|the questions)|any of (these|them|this|the questions)|"
    r"all (\d+|two|three|four|five|six|seven|twelve)( of (these|them))?|this (bit|part|question|"
    r"one|section)|answering( (them|these|all of them|everything))?)"
)
_SOME = (
    r"(bits|parts|some|any|ones|the ones|questions|sections|things|stuff|the bits|the parts|"
    r"the questions|anything|some questions|some bits|the odd one|a few|one or two|"
    r"(some|any) of (them|these|it|the questions|the bits))"
)
_WHICH = r"( (that|which|if( they)?|where|when) [\w' ]{1,40})?"
# "do i have to do all 3 of these?", "r all of these compulsory?", "can I skip bits that
# don't apply to us?": whether every question must be answered
OPTIONAL = re.compile(
    r"^(do|must|will|should|shall) (i|we) (really |actually |still )?"
    rf"(have to |need to |got to |gotta )?{_DO} {_ALL}{_TRAIL}|"
    rf"^(have|'ve) (i|we) (got|gotta) (to )?{_DO} {_ALL}{_TRAIL}|"
    rf"^(do|does|will) (you|the lep) (need|want) (me|us) to {_DO} {_ALL}{_TRAIL}|"
    rf"^(is|are) {_SUBJECT}( really| all| actually| strictly)? (compulsory|mandatory|required|"
    rf"obligatory|optional|necessary|a must)( to answer)?{_TRAIL}|"
    r"^(can|could|may) (i|we) (just |also )?(skip|miss out|leave out|pass on|not answer|ignore|"
    rf"skip over|leave) {_SOME}{_WHICH}( out| blank)?{_TRAIL}|"
    r"^(is it|is that|would it be|will it be) (ok|okay|alright|all right|fine|possible|allowed)"
    rf"( (if|to))? (i |we )?(skip|miss out|leave out|not answer|pass on) {_SOME}{_WHICH}{_TRAIL}|"
    r"^what if (i|we) (skip|don'?t answer|can'?t answer|miss out|leave out) "
    rf"{_SOME}{_WHICH}{_TRAIL}"
)

_COUNT = r"( (\d+|two|three|four|five|six|seven|eleven|twelve))?"
_LIST = (
    r"(islands?|seabed( drivers?| ones| list| bits?| things)?|sea bed( drivers?)?|drivers?|"
    r"themes|island (ones|list))"
)
_OTHER = r"( (other|remaining|rest of the|rest of your|others of the))?"
# "what are the other four islands?", "what were the 5 islands again?", "whats the seabed
# list again", "can you list the drivers again?": a list the bot showed, asked for again
LISTS = re.compile(
    r"^((what|which) (are|were|was|is|'re)( all)?|what's) (the|your)"
    rf"{_OTHER}{_COUNT} {_LIST}( again| then| you (listed|mentioned|gave|showed)( me| us)?"
    rf"( earlier| before)?)?{_TRAIL}|"
    r"^(can|could) you (list|remind me of|tell me|give me|show me|go through|repeat|say)"
    rf"( again)? (the|what the|your){_OTHER}{_COUNT} {_LIST}( are| were)?( again)?{_TRAIL}|"
    rf"^remind me (of |what )?(the|your){_OTHER}{_COUNT} {_LIST}( are| were)?( again)?{_TRAIL}|"
    rf"^(list|show|repeat|give me) (the|your){_OTHER}{_COUNT} {_LIST}( again)?{_TRAIL}"
)

_ONE = r"(the one|the ones|one|the bit|the part|the driver|the island|the theme|the section)"
_HAS = (
    r"(with|that has|that's got|that covers|that includes|which has|which covers|which "
    r"includes|covering|including|about|for|where)"
)
# "is Infrastructure the one with HS2 and East West Rail in it?": which theme a thing of
# the strategy is under; "which one has Pinewood in it?"
IS_THE_ONE = re.compile(
    rf"^(is|are|isn't) (?P<theme>[\w' ]{{2,40}}?) {_ONE} {_HAS} (?P<thing>[\w' ]{{2,60}}?)"
    r"( in (it|them|there))?( (right|then|yeah|is it|isn't it|or not))*$"
)
WHICH_HAS = re.compile(
    r"^(which|what) (one|island|driver|theme|bit|part|of these|of them|of the (islands|drivers))"
    r" (has|covers|includes|'s got|has got|takes in|deals with) (?P<thing>[\w' ]{2,60}?)"
    r"( in (it|them|there))?( then)?$"
)


def asks_how_far(text: Any) -> bool:
    """ "How much longer is this going to take? I've got a fitter waiting on me", "how many
    more questions after this?": how far there is to go."""
    asked = _asked(text, HOW_FAR)
    return asked is not None and HOW_FAR.match(asked) is not None


def asks_if_optional(text: Any) -> bool:
    """ "do i have to do all 3 of these?", "r all of these compulsory?", "can I skip bits
    that don't apply to us?": whether every question must be answered."""
    asked = _asked(text, OPTIONAL)
    return asked is not None and OPTIONAL.match(asked) is not None


def _named_as_a_theme(words: str) -> list[str]:
    """The themes `words` name as a theme: an island by any of its words ("the film one"),
    a seabed driver by its own name only ("the council" names no driver, "public services"
    does), so "is the council the one with the money?" asks about no theme."""
    found = []
    for theme_id in named_themes(words):
        own = {w for w in normalise(theme(theme_id).name).split() if len(w) > 3}
        if theme_id in ISLAND_IDS or own & set(words.split()):
            found.append(theme_id)
    return found


def themes_asked_about(text: Any) -> list[str]:
    """The themes a question asks what they take in ("is Infrastructure the one with HS2
    in it?": Infrastructure; "which one has Pinewood in it?": Creative and digital
    economy), at most three; empty when it asks no such thing."""
    asked = _asked(text)
    if asked is None:
        return []
    if (one := IS_THE_ONE.match(asked)) is not None:
        named = _named_as_a_theme(one["theme"])
        if not named:
            return []
        more = [t for t in named_themes(one["thing"]) if t not in named]
        return [*named, *more][:MAX_THEMES_DESCRIBED]
    if (which := WHICH_HAS.match(asked)) is not None:
        return named_themes(which["thing"])[:MAX_THEMES_DESCRIBED]
    return []


def _list_asked(text: Any) -> str | None:
    """The words asking for a list again ("what are the other four islands"), or None."""
    asked = _asked(text, LISTS)
    return asked if asked is not None and LISTS.match(asked) is not None else None


def mid_way_question(text: Any) -> bool:
    """A side question this module answers, or one asking who reads the answers, said with
    at most a short remark: answered, the open question asked again, nothing stored."""
    asked = _asked(text)
    return bool(
        asks_how_far(text)
        or asks_if_optional(text)
        or _list_asked(text) is not None
        or themes_asked_about(text)
        or (asked is not None and asks_who_reads(asked))
    )


@dataclass(frozen=True)
class Place:
    """Where the consultation is: the form running and the slot it asks for, the stage, how
    many profile questions are still unanswered (the one asked included), the strategy
    questions queued (the one asked first) and the themes chosen so far."""

    loop: str | None = None
    asking: str | None = None
    stage: str | None = None
    profile_left: int = 0
    pending: tuple[str, ...] = ()
    islands: tuple[str, ...] = ()
    seabed: tuple[str, ...] = ()


def _left(count: int) -> str:
    """ "just this question", "this question and 2 more"."""
    return message("left_this_only") if count <= 1 else message("left_and_more", n=count - 1)


def how_far(place: Place) -> str | None:
    """How far there is to go from `place`; None before the questions start (the FAQ says
    how long the chat takes) and after the play-back."""
    if place.loop == "profile_form":
        return message("how_far_profile", left=_left(place.profile_left))
    if place.loop == "strategy_form" and place.asking in ("islands", "seabed"):
        return message(f"how_far_{place.asking}_choice")
    if place.loop == "strategy_form" and place.pending:
        part = "islands" if place.pending[0].startswith("island:") else "seabed"
        return message(f"how_far_{part}", left=_left(len(place.pending)))
    if place.stage == "playback" and not place.loop:
        return message("how_far_playback")
    return None


def list_reply(asked: str, place: Place) -> str:
    """The list asked for: the islands or seabed drivers not chosen when "the other ..."
    are asked for (`strategy_asides.the_others`), else the whole list, each with its
    summary; both lists for "the themes"."""
    kinds = []
    if re.search(r"\bislands?\b", asked):
        kinds.append((ISLAND_IDS, place.islands, "island"))
    if re.search(r"\b(seabed|sea bed|drivers?)\b", asked) or not kinds:
        kinds.append((SEABED_IDS, place.seabed, "seabed"))
    if re.search(r"\bthemes\b", asked) and len(kinds) == 1:
        kinds.insert(0, (ISLAND_IDS, place.islands, "island"))
    parts = []
    for ids, chosen, kind in kinds:
        others = the_others([t for t in ids if t in chosen]) if " other" in f" {asked}" else None
        if others is None:
            lines = [message(f"the_{kind}_list")]
            lines += [f"- {theme(t).name}: {theme(t).summary.strip()}" for t in ids]
            others = "\n".join(lines)
        parts.append(others)
    return "\n".join(parts)


def side_ask_reply(text: Any, place: Place) -> str | None:
    """The reply to a side question this module answers (`mid_way_question`, who reads the
    answers aside: the privacy notice answers that), or None."""
    if asks_how_far(text):
        return how_far(place)
    if asks_if_optional(text):
        return message("all_optional")
    if (asked := _list_asked(text)) is not None:
        return list_reply(asked, place)
    if themes := themes_asked_about(text):
        return "\n".join(describe(t) for t in themes)
    return None
