"""Replies that skip or say nothing: "pass", "n/a", "no idea", "skip the rest", "none of
these"."""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.text import (
    DASHES,
    mentions,
    normalise,
    said_alone,
    shrug_only,
    whole,
)
from bot.consultation.replies.typos import fix_command_typos
from bot.consultation.replies.yes_no import says_no
from bot.consultation.x_style import without_addressees, without_own_tags
from bot.tagging.complaints import is_complaint


def _bare(text: str) -> str:
    """The reply without the handles an X DM opens with and the campaign's own tags:
    "@btvlep nowt #bucksLIS" is "nowt" (set Z kept it, and "@btvlep nothing to add really",
    as answers)."""
    return without_own_tags(without_addressees(text))


# Typed skips and the Skip button: skip this question, whatever it is.
SKIP_WORDS = frozenset(
    {
        "skip",
        "/skip",
        # "skp" (the i left out of a word too short for the typo reader's dropped letters)
        "skp",
        "pass",
        "next",
        "n/a",
        "na",
        "none",
        "no",
        "nope",
        "rather not say",
        "prefer not to say",
        "rather not",
        "dont know",
        "don't know",
        "not sure",
    }
)


def is_skip(text: str | None) -> bool:
    """A typed skip ("skip", "n/a", "rather not say", "-", a shrug, "skpi") or the Skip
    button."""
    if not text:
        return False
    return _bare_skip(_bare(text))


def _bare_skip(text: str) -> bool:
    """`is_skip` of a reply whose handles and campaign tag are already gone."""
    norm = normalise(text)
    return (
        text.strip() in DASHES
        or norm in SKIP_WORDS
        or fix_command_typos(norm) in SKIP_WORDS
        or shrug_only(text)
    )


# The words a skip is made of, typed or misspelt ("skip", "pass", "next", "n/a", "rather
# not", "none", "dunno"), anywhere in a reply. NLU's "skip" on a name typed with capitals
# ("Skirmett", set BX) is overruled only when the reply has none of them.
SKIP_WORD = re.compile(
    r"\b(skip\w*|skp|skpi|sikp|ksip|skiip|shrug\w*|pass\w*|next|move on|moving on|rather not|"
    r"prefer not|don'?t|dont|do not|no|not|none|nothing|nah|nope|n/?a|na|dunno|idk|idek|unsure|"
    r"later|leave|miss|ignore|blank|private|confidential|mind|business|cba|bothered|-+)\b"
)


def has_a_skip_word(text: str) -> bool:
    """Any word of skipping in the (normalised) reply, whole or not."""
    return SKIP_WORD.search(text) is not None


# What a reply says it has nothing on, said before it: "for this one", "on digital", "about
# the environment" (a word or two), never a span of time ("for years", "for a long time")
_ABOUT = (
    r"(for|on|about|regarding) (?!(years|months|weeks|ages|decades|a (long|while|bit))\b)"
    r"(the |this |that )?[a-z']+( [a-z']+)?"
)
# "same as before", "ditto": the last reply again (pointing_back reads it alone)
_AGAIN = (
    r"((it'?s |its )?(the )?same( again| here)?( as (before|b4|above|last time|the last one|"
    r"my last( one| answer)?|previous))?|ditto|as (before|above))"
)
# Whole replies that mean "nothing to say here": more than the skip words.
NOTHING_TO_SAY = re.compile(
    # a no before the rest ("no, nothing changes for us": the thirteenth set kept it)
    # "dunno really, not something ive thought about" (set BQ held it as cut off)
    # "@btvlep ngl no thoughts on that one" (set EW kept it as the answer)
    # "same as before, no idea", "@btvlep same as before, nothing" (set FQ kept both as
    # views): the nothing said again, so nothing, never the earlier view copied
    rf"({_AGAIN} )?"
    r"((no|nah|nope|honestly|tbh|tbf|ngl|sorry|dunno( really)?|idk) )*"
    # what the nothing is about, said first: "sorry for this one i have nothing to say", "For
    # environment I have nothing special to say.", "For digital nothing, sorry" (set EZ kept
    # them as answers); not "for years nothing": how long, not what about
    rf"({_ABOUT} )?"
    r"(no|n|nah|nope|pass|skip|next|dunno|idk|idek|unsure|no comment|no idea|no clue|not a clue|"
    r"(((i|we)( have|'ve|'ve got| have got| got) )?nothing|(i|we) (don'?t|do not|dont) have "
    # "I don't have anything further to add on this one." (set FN kept it as the answer)
    r"anything)( special| particular| in particular| much| more| further| else)? to (say|add)|"
    r"(i )?(have|haven)'?t (got )?(a|any) (clue|idea)|(i )?(don'?t|do not|dont) know|"
    r"(i'?m )?not (really )?sure|can'?t say|couldn'?t (say|tell you)|beats me|"
    # "tbh nothing springs to mind for that one", "not sure i have anything useful on that 1",
    # "no thoughts on that one" (set EW)
    r"nothing( really| much| further| more)?( to add| to say| (really )?(comes|springs|jumps) to "
    r"mind| from (me|us))?|not (really )?applicable|no (real |strong |particular )?thoughts|"
    r"(i'?m )?not sure (i|we) (have|'?ve got|got|can add) (anything|much)( useful| helpful| to "
    r"(add|say)| worth (saying|adding))?|"
    # "nowt", "can't think of anything", "nothing on that one" (set Z kept all three)
    r"nowt|(i )?can'?t think of (any|anything|owt)( else)?|"
    # "Nothing I can think of there." (set CG kept it as the help answer)
    r"(nothing|nowt|not much) (that )?(i|we) can (think of|come up with)|"
    # "zilch", "nada", "got nothing on that one", "nothing there" (set AB kept two as answers)
    r"zilch|nada|zip|sod all|not a thing|((i'?ve |we'?ve |i |we )?got )?nothing( at all)?|"
    # "meh", "not fussed either way", "blank on this one, sorry" (set AD kept them)
    r"meh|(i'?m )?not fussed( either way)?|(i'?m )?(drawing a |a )?blank|no (strong )?feelings|"
    r"nothing (much |really )?(changes|will change|would change|is different)|"
    r"(it )?(does(n'?t| not)|won'?t|will not) (really )?(apply|affect (us|me)|change anything)|"
    r"not (really )?(for|relevant to) (us|me)|not relevant|"
    r"rather not( say| answer| answer that)?|prefer not to( say| answer)?|"
    r"none( of (them|these|those|that))?|n/?a|no answer|no views|no opinion|no strong views|"
    r"none of your business|mind your own( business)?|not telling( you)?( that| this)?|private|"
    r"confidential|cba|can'?t be (arsed|bothered)|not bothered|"
    # "not something ive thought about", "not sure what to say on that one", "not really our
    # thing", "gonna pass on that one" (set BQ)
    r"not (something|sth|a thing|one) (i'?ve|ive|i have|we'?ve|weve|we have|i|we) (really |ever )?"
    r"(thought|think|thought much|considered)( about| of)?( much| really)?|"
    r"(i'?m )?not sure what to (say|put|write)|not (really )?(our|my) (thing|area|bag|field|"
    # "@btvlep not my area that" (set FQ kept it): the spoken "..., that" after it
    r"department|side( of things)?|forte|strong (point|suit)|expertise|remit)( that)?|"
    r"(i'?m |im |gonna |going to |i'?ll |ill |i will |we'?ll )?pass)"
    r"( really| tbh| tbf| ngl| innit| to be honest| thanks| thank you| sorry| mate| please| pls|"
    r"( on| for| about) (that|this)( one| 1| question| bit)?|"
    r" (for|to) (us|me)| here| there| for our business| for my business|"
    # what it is about, said after: "nothing to add on skills really" (set FD kept it); one
    # word, so "nothing on the roads works" stays a view
    r" (on|about|regarding|re) (the |this |that )?[a-z']+)*"
    r"(,? ?(next|skip|pass|move on)( please)?)?"
    # "..., just ticked it" (set EW): the driver was picked with nothing in mind to say
    r"( (i |we )?(just|only) (ticked|picked|clicked|chose|pressed|selected|tapped) "
    r"(it|that( one| 1)?|the box|that box))?"
    rf"( again| {_AGAIN})?"
)


# "can we skip all this", "skip the rest" ("skip teh rest" typed on a phone): every
# remaining question of this part
SKIP_THE_REST = re.compile(
    # "skip rest pls" in text-speak (set AI's nail bar on X)
    r"\b(skip|pass|miss|jump) rest\b|"
    r"\b(skip|pass|miss|leave|jump|don'?t want to (answer|do)|cba|can'?t be (arsed|bothered)|"
    r"not bothered)\b.*"
    r"\b(all( of)?( this| these| that| them| the questions)?|(the|teh|th) (rest|lot)|"
    r"these( questions)?|the questions|everything|this (bit|part|section|stuff)|"
    # "can we skip the form stuff, just the important bits" (set FE kept it as the name)
    r"the (form|forms|admin|paperwork|formalities|boring|background)"
    r"( (stuff|bits?|parts?|questions?|section))?)\b|"
    # "..., just the important bits": what matters, none of the rest
    r"^((can|could) (we|i|you) |let'?s |please |pls |ok |okay )*(just|only) (do |answer |"
    r"get to |go to )?the (important|main|key|relevant|interesting|big) (bits?|stuff|parts?|"
    r"questions?)( please| pls| thanks| ta)?$|"
    # "I'd rather keep the rest of our details to ourselves, can we just get to the
    # questions?" (set CT: read as leaving, and every answer after it kept after the close)
    r"\b(rather|prefer to|sooner) keep (the rest of |the rest |all )?(our|my) (details|info|"
    r"information|business details)\b"
)


def skips_the_rest(text: Any) -> bool:
    """The business skips every remaining question of this part, not just this one."""
    return mentions(SKIP_THE_REST, text)


# "go on but skip the bits about us, just want my say" (set AS was asked the name): none of
# the questions about the business itself
SKIP_THE_PROFILE = re.compile(
    r"\b(skip|pass on|miss out|leave out|without|no)\b.*\b(the )?(bits?|parts?|stuff|details|"
    r"questions?|info)\s+(about|on)\s+(us|me|the (business|company|firm)|my (business|company|"
    r"firm)|our (business|company|firm))\b|\b(skip|pass on|leave out) the profile\b|"
    # "skip the business details, ive only got 5 mins", "@btvlep skip the details, no time",
    # "skip the about-you bit" (set GC filed the first as the name and shifted every answer
    # after it): the details, never "Skip Hire Ltd", "skip the A40 roadworks" nor what the
    # business does ("we skip the details on quotes")
    r"(?<!we )(?<!they )(?<!\bi )\b(skip|pass on|miss out|leave out|jump|bypass)( over)? "
    r"(all )?(the |our |my |your |those |these )?"
    r"((business|company|firm|personal|background|profile|about (you|us|me)) )?"
    r"(details|profile|info)\b|"
    r"\b(skip|pass on|miss out|leave out|jump|bypass)( over)? (all )?the about (you|us|me)"
    r"( (bits?|parts?|stuff|questions?|section))?\b|"
    r"\b(skip|pass on|miss out|leave out) the (bits?|parts?|stuff|questions?) about you\b"
)


def skips_the_profile(text: Any) -> bool:
    """The business wants none of the questions about itself (name, trade, size...)."""
    return mentions(SKIP_THE_PROFILE, text)


# A polite no to this question, however it is wrapped (set AC's beekeeper: "If it's all
# the same to you, I'd rather not say how many of us there are. I do hope that's alright.",
# "I'm not sure I'm really the right person to ask about that one, so perhaps I'll leave
# it, if you don't mind terribly"). Not "I'll leave it to the council to fix".
DECLINE = re.compile(
    # "rather not give the name tbh" on X, with no "I'd" (set AQ filed it as the name)
    r"\b(((i|we)('d| would) |id )?(much )?(rather|prefer( to)?|sooner) not( to)? (say|answer|share|"
    # "I'd rather not put a number on it", "I'd sooner not say" (set CT)
    r"tell|disclose|give|go into|comment|put a (number|figure) on (it|that))|"
    r"(i'?ll|i will|we'?ll|we will|i think i'?ll|perhaps i'?ll|maybe i'?ll|i'?d better|i might)"
    r" (just )?(leave|skip|pass( on)?) (it|that|this)( one| question| bit)?"
    r"(?! (to|with|for|there|up|at|until|till|alone)\b)|"
    r"not (really )?the right person to (ask|answer))\b"
)
DECLINE_MAX_WORDS = 30


def declines(text: Any) -> bool:
    """A short reply, however politely wrapped, that declines to answer this question and
    says nothing after the no ("I'd rather not say, but the A41 is awful" is a view)."""
    return said_alone(
        DECLINE, text, DECLINE_MAX_WORDS, lambda t: normalise(_bare(t))
    ) and not states_a_complaint(text)


# A reply this long that opens with no skip word is a view, whatever NLU read
LONG_FOR_A_SKIP = 12
SKIP_OPENING = re.compile(
    r"^\W*(?:(?:honestly|sorry|tbh|um|erm|well|oh)\W+)*(?:skip|pass|next|n/?a|none|nothing|"
    r"no comment|no idea|rather not|prefer not|not (?:really )?(?:relevant|applicable|sure|for us)|"
    r"dunno|don'?t know|idk|not (?:something|an area)|we don'?t|i don'?t|doesn'?t|does not)\b"
)


def long_view_not_a_skip(text: str) -> bool:
    """A long reply that opens with no skip word: a view, not a skip (NLU read "... you
    can't strip a roof in sideways rain and nobody can change that" as one)."""
    bare = _bare(text)
    return (
        len(bare.split()) >= LONG_FOR_A_SKIP
        and SKIP_OPENING.match(normalise(bare)) is None
        and not means_nothing(bare)
    )


def means_nothing(text: Any) -> bool:
    """A short reply with nothing to record ("no idea", "dunno", "nah", "not sure tbh",
    a plain no such as "nope not really" or "negative", a polite "I'd rather not say")."""
    if not isinstance(text, str):
        return False
    text = _bare(text)
    return _bare_skip(text) or whole(NOTHING_TO_SAY, text) or says_no(text) or declines(text)


def states_a_complaint(text: Any) -> bool:
    """The reply is a complaint worded as a negation ("can't get anyone", "nobody applies",
    "not enough units"): a view, never a skip."""
    return isinstance(text, str) and is_complaint(normalise(text))


# At a choice of themes: none of them ("none of these", "nothing", "neither"; "Nowt else,
# ta" at set AP's seabed choice).
# "we are not in any of them", "We are not in these": none, whatever the business then says
NOT_IN_ANY = (
    r"(we'?re|we are|i'?m|i am|we) (really )?not (really )?(in|part of|one of|inside) (any of )?"
    r"(them|these|those)"
)
NONE_WORDS = re.compile(
    # "None of the five islands applies to a parish council" (set DX chose public services)
    # "@btvlep not rly any of them, we sell veg n sausages" (set EW: "didn't catch"): "rly"
    # is X's "really"
    r"\b(none( of (them|these|those|the (five|seven|islands|drivers|options|themes)( islands| "
    r"drivers| options| themes)?))?|nothing|nowt|neither|not (really|rly)|skip|no thanks|"
    # "@btvlep nah thats me done" (set BA: "didn't catch")
    r"not relevant|(that'?s|thats) me done|i'?m done|(that'?s|thats) me|"
    # "I don't think any of them, to be honest." (set CD: "didn't catch")
    r"(i )?(don'?t|do not|dont) think any( of (them|these|those|the [a-z]+))?( (apply|fit|"
    r"matter|count|are relevant|really apply))?( to (us|me))?|"
    # "We are a hotel, so I do not believe any of the five applies to us.", "I do not believe
    # that any of them concerns a firm of solicitors." (set DQ: "didn't catch")
    r"(i|we) (don'?t|do not|dont) (think|believe|feel|reckon|consider) (that )?any( of (them|"
    r"these|those|the [a-z]+))?( (apply|applies|fit|fits|matter|matters|count|counts|concerns?|"
    r"affects?|relates?|is relevant|are relevant|really apply|really applies))?( to (us|me))?|"
    # "We are not in any of them, we are transport for the NHS patients", "no one of them,
    # sorry" (set DM, written in a second language: medical technologies, "didn't catch")
    rf"{NOT_IN_ANY}( ones| islands| areas| sectors)?|no ?one of (them|these|those|this)|"
    # "No one of this, we are only small shop", "@btvlep no any of these" (set EZ, in a
    # second language: "didn't catch"): "this" for "these", "no" for "not"
    r"(not|no) (really |rly )?any of (them|these|those|this)|not one of (them|these|those|this)|"
    # "I am afraid we fall outside all five." (set DY chose all five islands)
    r"(fall|falls|are|is|sit|sits|lie|lies) (entirely |wholly |rather )?outside (all|any|each|"
    r"every one) (of )?(them|these|those|the \w+|five|seven)|"
    # "We don't really fit any of those.", "For the avoidance of doubt, we do not operate in
    # any of the five." (sets EN and EU: "didn't catch")
    r"((don'?t|dont|do not|doesn'?t|does not)|(can'?t|cannot|couldn'?t|wouldn'?t) (really )?say "
    r"(that )?(we|i)) (really |quite |actually |currently |as such )?"
    r"(fit|fit in|fit into|belong (in|to)|come (under|into|within)|fall (in|into|under|within)|"
    r"sit (in|under|within)|match|operate in|work in|trade in|deal in|do|apply to|relate to|"
    r"touch|cover)( \w+)? any( one)?( of)? (them|these|those|that|the \w+)|"
    # "I cannot see that a golf club belongs to any of them." (set DY: "didn't catch")
    r"(can'?t|cannot|don'?t|do not|doesn'?t|does not) (see (that|how) )?([\w']+ ){0,5}?"
    r"(belongs?|fits?|applies|apply|relates?|falls?) (in|to|with|under|into) any of (them|these|"
    r"those|the \w+))\b"
)


def none_reply(text: str) -> str | None:
    """If the reply says none of the listed choices matter, what else it says ("" if
    nothing); None if it does not say none. The caller checks the rest names no theme
    ("none, but space matters" is a choice)."""
    if is_skip(text):
        return ""
    norm = normalise(text)
    if not NONE_WORDS.search(norm):
        return None
    return " ".join(NONE_WORDS.sub(" ", norm).split())


# "Vale Skips", "skip hire", "skips. we need a depot": the word as a trade or a name (set AC
# lost a skip-hire firm's name and sector to NLU's skip intent)
# "Taxi and private hire", "private tuition" (set AM lost a taxi firm's sector: NLU hears
# "that's private" in "private") are trades too
SKIP_AS_TRADE = re.compile(
    r"\bskips\b|\bskip[ -](hire|bins?|lorr(y|ies)|wagons?|company|firm|business|yard)\b|"
    r"\bprivate[ -](hire|schools?|clinics?|practices?|health ?care|hospitals?|equity|members|"
    r"dining|security|tuition|tutors?|tutoring|nurser(y|ies)|labels?|investigat\w*|"
    r"chefs?|banking|jets?|aviation|landlords?|rentals?|lettings?|events?|parties)\b",
    re.IGNORECASE,
)


def skip_as_a_trade(text: Any) -> bool:
    """The reply uses "skip" (or "private") as a thing or a name, not to skip: never a
    skip, whatever NLU read."""
    return (
        isinstance(text, str)
        and not _bare_skip(_bare(text))
        and SKIP_AS_TRADE.search(_bare(text)) is not None
    )


# "Pass on that one really, except that no bank will lend against a crop ..." (set AV: read
# as a skip, and the view lost): a skip taken back by what follows it
_EXCEPT = re.compile(
    r"[\s,;:.!-]+(except|apart from|other than|save|but|only)( that| for| to say( that)?| "
    r"maybe| perhaps)?\s+"
)
EXCEPT_VIEW_MIN_WORDS = 6


def skip_then_view(text: Any) -> bool:
    """A skip or "nothing to say" that goes on to a view after "except" or "but" ("pass on
    that one really, except that ..."), the view at least a few words."""
    if not isinstance(text, str):
        return False
    plain = _bare(text)
    match = _EXCEPT.search(plain)
    if match is None:
        return False
    head, rest = plain[: match.start()], plain[match.end() :]
    return (is_skip(head) or means_nothing(head)) and len(rest.split()) >= EXCEPT_VIEW_MIN_WORDS
