"""Choices changed after they were made: a switch to another theme ("actually can I do medtech
instead?") and themes left out ("scratch the space ones", "actually just the first two").

Split from choices.py, which reads the choice itself; the same normaliser. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.choices import ADD_CHOICE, LEFT_OUT, added_choice, seabed_named, theme_names
from bot.consultation.questions import match_themes, named_themes, only_names
from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS, theme

# "wrong one", "Oops, pressed the wrong button." (set EQ kept it as the first answer on the
# island pressed): the choice made by mistake
WRONG_PICK = (
    r"wrong (one|button|island|driver|choice|option|theme|box)|"
    r"(pressed|clicked|hit|tapped|picked|chose|ticked|selected) (on )?(the )?wrong"
)
# "actually can I do medtech instead? space isn't really us" at a question on space (the
# thirteenth set kept it as the answer to the next space question): the choice changed.
# Only with a word that changes it ("instead", "rather", "switch to"), in its own clause.
SWITCH = re.compile(
    r"\b(instead(?! of)|rather|prefer|switch( over)? to|change (it |that |my (choice|answer) )?to|"
    # "sorry, wrong one, I meant high performance not space" (set AF)
    rf"swap (it |that )?(for|to)|{WRONG_PICK}|(i )?meant to (pick|choose)|"
    # "actually swap digital for infrastructure", "not housing, I meant skills" (set AM)
    # "wait no, not public services, meant skills" (set ED)
    r"swap( [a-z&]+){1,3} (for|to)|not( [a-z&]+){1,3} (i )?meant|"
    # "... that's the silverstone one isn't it. switch me to that" (set AZ)
    r"(switch|swap|move|put) (me|us) (over )?(to|onto|on) (that|it|this|that one|this one))\b"
)
# "@btvlep wait no, not public services, make it infrastructure" (set CQ): theme names only
# after it ("make it easier to get skills funding" is a view)
MAKE_IT = re.compile(
    r"\bnot (?P<old>[a-z& ]{1,30}) make (it|that|mine|that one) (?P<new>[a-z& ]{1,30})$"
)
# "Actually, can we do the environment one instead of skills?" at the skills question (set
# CQ kept it as the answer): "instead of" the theme being asked about
INSTEAD_OF = re.compile(r"\binstead of (?P<old>[a-z& ]{1,30})$")
# "switch me to that": the themes named elsewhere in the message
POINTS_BACK = re.compile(r"\b(that|it|this|that one|this one)$")
SWITCH_CLAUSE = re.compile(r"[?.!;\n]+|,\s*(?=(?:but|because|cos|as|since|it'?s)\b)")
SWITCH_MAX_WORDS = 10  # a short request; a longer clause is a view that says "rather"
# "@btvlep actually scratch that, mobility fits us better. its batteries ..." at the High
# performance question (set FT kept it as that island's answer): a theme said by its name
# alone, then that it fits better; "electric vans suit us better than diesel" is a view
_FITS_LEAD = (
    r"^(btvlep |(actually|scratch that|scrap that|sorry|no|wait|hmm+|oh|ok|okay|right|"
    r"on second thoughts?|thinking about it|i think|to be honest|tbh) )*"
)
_FITS_TAIL = r"( (really|tbh|to be honest|i think))*$"
FITS_BETTER = re.compile(
    rf"{_FITS_LEAD}(?P<names>[a-z& ]{{1,40}}?) (is|s|would be|sounds) (a )?(better|closer) "
    rf"(fit|match)( for (us|me))?{_FITS_TAIL}|"
    rf"{_FITS_LEAD}(?P<subject>[a-z& ]{{1,40}}?) (fits?|suits?) (us|me|what we do|the business)"
    rf"( (a lot|much|far|way))? better{_FITS_TAIL}"
)
# what may stand beside the names there: "the space side is a better fit"
FITS_FILLER = frozenset({"the", "side", "one", "ones", "stuff", "bit", "island", "really", "more"})


def switched_choice(text: Any, among: tuple[str, ...] | list[str], current: str) -> list[str]:
    """Themes (of `among`, not `current`) the business asks to answer on instead."""
    if not isinstance(text, str):
        return []
    wrong_one = False
    for clause in SWITCH_CLAUSE.split(text):
        norm = normalise(clause)
        if wrong_one and (after := [t for t in named_themes(clause, among) if t != current]):
            # "Ah no, wrong one, not space. It's the film and telly one we're in." (set ED)
            return after
        fits = FITS_BETTER.match(norm) if norm else None
        better = only_names(fits["names"] or fits["subject"], FITS_FILLER) if fits else None
        if better and (named := [t for t in better if t in among and t != current]):
            return named
        if norm and len(norm.split()) <= SWITCH_MAX_WORDS and SWITCH.search(norm):
            named = [t for t in named_themes(clause, among) if t != current]
            if not named and POINTS_BACK.search(norm):
                named = named_themes(text, among)  # "that's the silverstone one. switch me to that"
            if named or not WRONG_ONE.search(norm):
                return [t for t in named if t != current]
            # "Hang on, wrong one. I meant high performance, not space." (set CQ): the
            # themes come in the next clause
            wrong_one = True
        make_it = MAKE_IT.search(norm) if norm else None
        if make_it and current in named_themes(make_it["old"]) and only_names(make_it["new"]):
            return [t for t in named_themes(make_it["new"], among) if t != current]
        instead = (
            INSTEAD_OF.search(norm) if norm and len(norm.split()) <= SWITCH_MAX_WORDS else None
        )
        if instead and current in named_themes(instead["old"]):
            return [t for t in named_themes(clause, among) if t != current]
        meant = MEANT_NOT.search(norm)
        if meant and current in named_themes(meant["old"]):
            # "sorry I meant space not mobility" (set AS answered on mobility); not "I meant
            # engineers not apprentices", which puts an answer right
            return [t for t in named_themes(meant["new"], among) if t != current]
    return []


def swapped_pending(
    text: Any, among: tuple[str, ...] | list[str], chosen: list[str], current: str
) -> tuple[str, list[str]] | None:
    """(the chosen theme still to come, the themes to ask instead) for "wait no, not public
    services, make it infrastructure" at the digital science question (set CQ kept it as the
    digital answer); None for anything else."""
    if not isinstance(text, str):
        return None
    norm = normalise(without_addressees(text))
    match = MAKE_IT.search(norm) or MEANT_NOT.search(norm)
    if match is None or not only_names(match["new"]):
        return None
    old = [t for t in named_themes(match["old"], among) if t in chosen and t != current]
    new = [t for t in named_themes(match["new"], among) if t not in chosen]
    return (old[0], new) if len(old) == 1 and new else None


WRONG_ONE = re.compile(rf"\b({WRONG_PICK})\b")
MEANT_NOT = re.compile(r"\bi meant (?P<new>[a-z& ]{1,30}?),? not (?P<old>[a-z& ]{1,30})$")


# "actually scratch the space ones, we're not really space" at a Space question (set AA
# kept it as the Space answer and asked the rest): that theme's questions left out
DROPPED = re.compile(
    # at the start: "we had to drop the space side of the business" is a view
    r"^((actually|oh|sorry|wait|ok|okay|right|hmm|um|erm|no|can we|could we|can you|could you|"
    r"please|pls|just|let'?s|i'?d like to|i want to)[ ,]*)*"
    r"(scratch|skip|drop|forget|ignore|bin|scrap|cancel|lose|leave out)( all)?( of)?"
    r"( the| those| these| my| our)? (?P<topic>[a-z&' ]{1,30}?) (ones|questions|bits?|part|"
    r"section|stuff|side)\b"
)


# "actually drop high performance, it's really just westcott we do" (set AM kept it as the
# answer): a short message that starts by dropping a theme said by its name
DROP_BY_NAME = re.compile(
    r"^((actually|oh|sorry|wait|ok|okay|right|no|can we|could we|can you|could you|please|"
    r"pls|just|let'?s)[ ,]*)*(drop|scratch|scrap|skip|ditch|remove|lose|forget)( the)? "
    r"(?P<topic>[a-z&' ]+)"
)
DROP_BY_NAME_MAX_WORDS = 14


def _by_name(topic: str, among: list[str]) -> list[str]:
    """The theme of `among` whose name `topic` starts with ("high performance ...")."""
    found = []
    for theme_id in among:
        names = theme_names(theme_id) | {" ".join(theme(theme_id).name.lower().split()[:2])}
        if any(topic == n or topic.startswith(f"{n} ") for n in names):
            found.append(theme_id)
    return found


# "actually just the first two" after choosing three (set AH was asked all three)
FIRST_ONLY = re.compile(
    r"^((actually|oh|sorry|wait|ok|okay|hmm|no|on second thoughts?|thinking about it)[ ,]*)*"
    r"(just|only)( do| keep)? the first (?P<n>one|two|three|four|1|2|3|4)"
    r"( ones?| of them| themes?| islands?| drivers?)?( then| please| pls| thanks)*"
)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4}
# "@btvlep actually just infrastructure, housing doesnt really affect us" at the housing
# question (set AQ kept it as the housing answer): only the themes it names stay
JUST_THESE = re.compile(
    r"^((actually|oh|sorry|wait|ok|okay|hmm|no|on second thoughts?|thinking about it)[ ,]*)+"
    r"(just|only)( do| keep)?( the)? (?P<topic>[a-z&' ]{1,40}?)( ones?| questions?| bits?)?"
    r"(( then| please| pls| thanks| for us| really)*$|,)"
)
# "I picked high performance thinking it meant powerful computers - can we drop that one?"
# (set AI answered it as the question's view): "that one" is the theme the message names
DROP_THAT = re.compile(
    r"\b(drop|skip|scrap|remove|lose|ditch|bin|forget|ignore)( that| this| it)( one| island| theme"
    r"| section)?\b|\b(leave|take) (that|this|it)( one)? out\b"
)
# ... said of a theme chosen by mistake; without it "drop this one" skips the question
WRONG_CHOICE = re.compile(
    r"\b(picked|chose|chosen|ticked|selected|clicked|pressed|meant|by mistake|wrong one|"
    r"nothing to do with)\b"
)


def dropped_themes(text: Any, among: list[str]) -> list[str]:
    """The themes among `among` whose questions a message asks to leave out ("scratch the
    space ones", "actually just the first two": all but the first two, in `among`'s order)."""
    if not isinstance(text, str):
        return []
    norm = normalise(without_addressees(text))
    first = FIRST_ONLY.fullmatch(norm)
    if first:
        n = int(_COUNTS.get(first["n"], first["n"]))
        return among[n:] if n < len(among) else []
    just = JUST_THESE.match(without_addressees(text).lower().strip())
    if just:  # the themes by their names only: "actually just the roads are bad" is a view
        parts = re.split(r"\s*(?:\band\b|&)\s*", just.group("topic").strip())
        kept = [t for part in parts if len(part.split()) <= 2 for t in named_themes(part, among)]
        if kept and len(kept) == len(parts):
            return [t for t in among if t not in kept]
    match = DROPPED.match(norm) or LEFT_OUT.match(norm)
    if match:
        return named_themes(match.group("topic"), among)
    by_name = DROP_BY_NAME.match(norm)
    if by_name and len(norm.split()) <= DROP_BY_NAME_MAX_WORDS:
        named = _by_name(by_name.group("topic"), among)
        if len(named) == 1:
            return named
    wrong = DROP_THAT.search(norm) and WRONG_CHOICE.search(norm)
    named = named_themes(norm, among) if wrong else []
    return named if len(named) == 1 else []


# "Hang on, I said none too quickly. Put us down for film and TV." at the seabed choice,
# after "none" to the islands (set DH: "didn't catch", and the caterer's film answers were
# lost): the islands chosen after all
AFTER_ALL = re.compile(
    r"\b(said none|none too (quickly|soon|fast)|spoke too soon|put (us|me) down for|after all|"
    r"on second thoughts?|changed? my mind|i forgot|forgot (about )?(the )?|go back|actually)\b"
)
AFTER_ALL_MAX_WORDS = 25


def islands_after_all(text: Any) -> list[str]:
    """The islands a message at the seabed choice takes up after "none" was said to them,
    or [] (a driver named too, or no word of a change of mind: then it is the seabed's)."""
    if not isinstance(text, str) or len(text.split()) > AFTER_ALL_MAX_WORDS:
        return []
    norm = normalise(without_addressees(text))
    if not AFTER_ALL.search(norm) or seabed_named(text):
        return []
    return [t for t in match_themes(text, "island") if t in ISLAND_IDS]


# "Infrastructure and housing. No, scratch housing, I meant environment." (set ED chose
# environment alone): the names first given, less those scratched, with those meant instead
_SCRATCHED = re.compile(
    r"(?=\b(?:no|not|scratch|drop|minus|remove|lose|forget|cross off|take off|strike)\s+"
    r"(?:the\s+)?(?P<name>(?:(?!(?:no|not|scratch|drop|i|meant|and|but|put|make)\b)[a-z&]+\s?)"
    r"{1,4}?)(?:\s+(?:i meant|meant|and|but|put|make|instead)\b|\s*[,.;:!?]|\s+-|\s*$))"
)


def swapped_in_choice(text: Any, among: tuple[str, ...] | list[str]) -> list[str] | None:
    """The choice when it names some themes, then scratches one or more of them by name
    and names what was meant instead; None when it does not."""
    if not isinstance(text, str):
        return None
    norm = " ".join(without_addressees(text).lower().split())
    drops = [m for m in _SCRATCHED.finditer(norm) if only_names(m["name"].strip())]
    if not drops:
        return None
    before = named_themes(norm[: drops[0].start()], among)
    dropped = {t for m in drops for t in only_names(m["name"].strip()) or []}
    if not before or not dropped <= set(before):
        return None
    meant = [t for t in named_themes(norm[drops[-1].end("name") :], among) if t not in dropped]
    kept = {t for t in before if t not in dropped} | set(meant)
    return [t for t in among if t in kept] or None


# A choice said again at a question it queued, with a word that changes it: "Actually,
# change that: entrepreneurialism and environment, not infrastructure." (set EQ kept it as
# the infrastructure answer), "Oops, pressed the wrong button. Creative and digital economy
# is us, not that one.", "sorry, skills and housing rather than infrastructure"
RESTATE_LEAD = re.compile(
    r"^\s*(((oh|ah|ok|okay|right|hmm+|um+|erm+)[\s,:;.!-]+)*(?P<change>actually|sorry|soz|oops|"
    r"whoops|wait|no|hang on|hold on|on second thoughts?|thinking about it|on reflection|"
    # "oops, meant skills n infrastructure not those 2" (set FA): "meant" without the "i"
    r"scratch that|my mistake|my bad|apologies|correction|(i )?meant|(i )?"
    rf"({WRONG_PICK})( (one|button|island|driver|option|box))?)[\s,:;.!-]+)*"
    r"(?P<verb>((can|could) (you|u|we|i) |please |pls )?(change|make|switch|swap|alter|amend) "
    r"(that|it|this|them|those|my (choices?|answers?|picks?)|the (choice|drivers|islands))"
    r"( to| for| into)?[\s,:;-]+)?"
)
# what stands between the names of a restated choice ("... is us", "the ... one please")
RESTATE_FILLER = frozenset(
    "and n or plus the one ones please pls then instead both also too is are us me ours our "
    "really just only".split()
)
# a theme (or "that one") said not to be the choice: "not infrastructure", "rather than space"
NOT_THIS = re.compile(r"^(but )?(not|rather than|instead of) (?P<old>.+)$")
THAT_ONE = re.compile(r"(the |that |this )?(one|it|that|this)( one)?")
# "not those 2", "not them", "rather than both of those" (set FA): the whole choice made
THOSE = re.compile(
    r"(the |those |these )?(both|two|2|three|3|them|those|these|ones|lot)"
    r"( of (them|those|these))?( (two|2|three|3|ones|ones i (picked|chose|said)))?"
)
# a part that only apologises or thanks ("... not those 2. sorry!"): no part of the choice
COURTESY = re.compile(
    r"((so )?(sorry|soz|apologies|thanks|thank you|ta|cheers|pls|please|lol)\W*)+"
)
PARTS = re.compile(r"\s*[,;.!:]+\s*|\s+(?=(?:but not|not|rather than|instead of)\b)")


def restated_choice(
    text: Any,
    among: tuple[str, ...] | list[str],
    current: str,
    chosen: tuple[str, ...] | list[str] = (),
) -> tuple[list[str], list[str]] | None:
    """(the themes of `among` named as the choice, those it says are not) for a choice said
    again with a word that changes it; "not that one" is `current`, "not those 2" the whole
    of `chosen`. None for anything else: a view, or names with no word of a change ("skills
    and housing" alone)."""
    if not isinstance(text, str):
        return None
    plain = " ".join(without_addressees(text).lower().replace("&", " and ").split())
    lead = RESTATE_LEAD.match(plain)
    if lead is None or not (lead["change"] or lead["verb"]):
        return None
    new: list[str] = []
    old: list[str] = []
    for part in PARTS.split(plain[lead.end() :]):
        if not part.strip() or (new and COURTESY.fullmatch(part.strip())):
            continue
        denied = NOT_THIS.match(part.strip())
        said = denied["old"] if denied else part
        if denied and THAT_ONE.fullmatch(said.strip()):
            named = [current]
        elif denied and chosen and THOSE.fullmatch(said.strip()):
            named = list(chosen)
        else:
            named = only_names(said, RESTATE_FILLER) or []
        if not named or any(t not in among for t in named):
            return None
        (old if denied else new).extend(named)
    new = [t for t in among if t in new and t not in old]
    return (new, [t for t in among if t in old]) if new else None


# "Can you add space as well before I carry on? I forgot that side" at a High performance
# question, "Actually add environment too, the solar side is half our work" at the skills
# question (set FT kept both as answers): the request in the first clause, a short word of
# why after it
REQUEST_BREAK = re.compile(r"\s*(?:[?.!;,]+|\s[-\u2013\u2014]\s)\s*")
WHY_MAX_WORDS = 12
# the moment the request is made in: "before I carry on", "while I think of it"
FOR_NOW = re.compile(
    r"\b(before (i|we) (carry on|go on|continue|move on|get going|forget)|"
    r"(while|whilst) (i|we) (think of it|remember))\b"
)


def added_with_why(text: Any, among: tuple[str, ...] | list[str], chosen: list[str]) -> list[str]:
    """Themes (of `among`, not yet `chosen`) asked to be added in a message's first clause,
    with a short reason after it; [] for anything else ("we had to add skills training,
    ..." names no theme alone and is a view)."""
    if not isinstance(text, str):
        return []
    plain = without_addressees(text).strip()
    parts = REQUEST_BREAK.split(plain, maxsplit=1)
    request, why = parts[0], parts[1] if len(parts) > 1 else ""
    if len(why.split()) > WHY_MAX_WORDS or not ADD_CHOICE.search(normalise(request)):
        return []
    return added_choice(FOR_NOW.sub(" ", request.lower()), among, chosen)
