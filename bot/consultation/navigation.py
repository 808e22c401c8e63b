"""A business steering the questions itself (set W): "can we go back to question 2, I
forgot something" (that question asked again, or what follows kept against it) and "skip
the islands, go straight to skills" (the words that move on are no view). Set W kept the
first as the answer to the question pending and the second as the skills answer. No Rasa
imports.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.consultation.choice_changes import dropped_themes
from bot.consultation.questions import (
    message,
    named_themes,
    question,
    question_kind,
    theme_names,
)
from bot.consultation.replies import looks_like_question, normalise
from bot.consultation.subject import names_a_subject
from bot.consultation.x_style import without_addressees

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS |= {"fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
_TARGET = (
    r"(the )?((question|q|qu|no\.?|number) ?(?P<num>[1-6]|one|two|three|four|five|six)\b|"
    r"(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th) "
    r"(question|one|answer)\b|"
    r"(?P<kind>opportunit(y|ies)|barriers?|problems?|what would help|help) "
    r"(question|one|bit|answer)\b|"
    # "can we go back to the last one? I've thought of something" after a skip (set FA)
    r"(?P<last>(last|previous) (question|one)|one before( that| this)?)\b|"
    # "going back to the infrastructure one, the lane floods" (set AJ): a theme by its name
    r"(?P<named>[a-z][a-z&' -]{2,40}?) (question|one|bit|answer)\b)"
)
# "go back to question 2", "back to the second question", "can I redo the barriers one",
# "return to q1", "change my answer to question 2"; "the previous question" is set K's
# (asides.asks_to_change_answer: how to put the last answer right, "I meant ...")
GO_BACK = re.compile(
    r"(\b((go|going|get|jump|skip|take (me|us)|come|coming|head|step|flip|pop|move)"
    r"( straight| right)? )?\bback to |\b(return(ing)?|revisit(ing)?) (to )?|"
    r"\b(redo|re-?do|change|revisit|amend|edit|add to) (my answer (to|for|on) )?)" + _TARGET
)
# only these words may open the request ("sorry, can we", "oh wait, let me"): "we always
# go back to the first one we tried, ..." is a view
LEAD = re.compile(
    r"((sorry|oh|oops|wait|hang on|hold on|hmm|um|erm|ok|okay|right|actually|so|please|pls|"
    r"just|quickly|quick|can|could|would|may|we|i|you|let'?s|let|me|us|want to|wanna|like to|"
    r"i'?d|need to|is it ok to|is it possible to|mind if i|if i|if we|do you mind if) )*"
)
# what follows the request and is no view: "I forgot something", "I missed a bit"
NOTHING_MORE = re.compile(
    r"^((please|pls|sorry|thanks|quickly|a sec(ond)?|for a (sec|second|moment|minute)|"
    r"if (that'?s|that is) ok|if i can|if we can|if possible|"
    r"(i|we) (forgot|missed|left out|want(ed)? to add|need to add|'?d like to add|have more|"
    r"got more)( (something|a bit|a thing|one thing|summat|more))?( (to add|to say|there|off|"
    r"out))?|there'?s (something|more|a bit) (i|we) (forgot|missed|want to add)|"
    r"i (made|put) a (mistake|typo)|"
    r"(i'?ve|i have|we'?ve|we have|i|we) (just )?(thought of|remembered) (something|a thing|"
    r"one thing|summat|more)( (to add|to say))?)[ ,.!?]*)*$"
)
# "back to the barriers one: rents are mad": three words that name a subject are a view
VIEW_MIN_WORDS = 2
LONG_VIEW_WORDS = 6


@dataclass(frozen=True)
class GoBack:
    """An earlier question asked for again: its key (None when it names no question asked
    so far) and a view given with the request ("" when none)."""

    key: str | None
    view: str
    # the question named by its theme ("the infrastructure one"): an answer already given
    # to it takes the view as an addition (`afterthoughts`), as before this form was read
    by_name: bool = False
    # the question just before, left without an answer (skipped): nothing said to keep
    skipped: bool = False


def go_back(
    text: str, current_key: str, part: list[str], unanswered: Collection[str] = ()
) -> GoBack | None:
    """The request to go back to an earlier question of this part (`part`: the question
    keys of the islands or the seabed drivers chosen, in order), or None when the message
    is none. "Question 2" counts the current island's questions when it has that many,
    else the part's (a seabed driver has one question). "The last one" is the question just
    before only when it is `unanswered` (skipped): after an answer it asks how to put that
    answer right (set K's reply, `asides.asks_to_change_answer`)."""
    norm = normalise(text)
    match = GO_BACK.search(norm)
    if match is None or not LEAD.fullmatch(norm[: match.start()]):
        return None
    if match.group("named") and not named_themes(match.group("named")):
        return None  # "the previous question", "the other one": not a theme's question
    rest = norm[match.end() :].strip(" ,.;:-–—!")
    if match.group("last"):
        target = part[part.index(current_key) - 1] if current_key in part[1:] else None
        if target is None or target not in unanswered:
            return None
    else:
        target = _target(match, current_key, part)
    by_name, skipped = match.group("named") is not None, match.group("last") is not None
    view = ""
    if not NOTHING_MORE.match(rest):
        # "can I change the barriers one? It's not really copper, it's the 20-week lead time
        # on connectors" (set BP asked the question again and lost the change): a sentence
        # about a question asked is a view on it, though alone it names no theme
        said_enough = (
            len(rest.split()) >= LONG_VIEW_WORDS
            and not looks_like_question(rest)
            and target is not None
        )
        if len(rest.split()) < VIEW_MIN_WORDS or not (said_enough or names_a_subject(rest)):
            if text.rstrip().endswith("?"):
                return None  # "back to question 2? what was that about": asks
            return GoBack(target, "", by_name, skipped)
        view = _view_in(text, rest)
    return GoBack(target, view, by_name, skipped)


def _view_in(text: str, rest: str) -> str:
    """The view as the business wrote it (not normalised): the message from the first
    word of `rest` on."""
    # every word of `rest` to the end of the message ("the" alone would be found at the last
    # "the" of the view: set AJ kept "the lorry cant get in" of a longer sentence)
    pattern = r"[\W_]*".join(re.escape(word) for word in rest.split()) + r"[\W_]*$"
    found = re.search(pattern, text, re.IGNORECASE)
    if found:
        return text[found.start() :].strip()
    first = rest.split()[0]
    at = text.lower().rfind(first)
    return text[at:].strip() if at >= 0 else rest


def _target(match: re.Match[str], current_key: str, part: list[str]) -> str | None:
    if current_key not in part:
        return None
    asked = part[: part.index(current_key)]
    theme_id = question(current_key).theme_id
    own = [k for k in part if question(k).theme_id == theme_id]
    if match.group("named"):
        themes = named_themes(match.group("named"))
        earlier = [k for k in asked if question(k).theme_id in themes]
        return earlier[-1] if len(themes) == 1 and earlier else None
    if match.group("kind"):
        key = f"{current_key.rsplit(':', 1)[0]}:{question_kind(match.group('kind'))}"
        return key if key in asked else None
    word = match.group("num") or match.group("ord")
    n = int(word) if word.isdigit() else _NUMBERS.get(word) or _ORDINALS[word]
    listed = own if len(own) > 1 and len(own) >= n else part  # a driver has one question
    if n > len(listed) or listed[n - 1] not in asked:
        return None
    return listed[n - 1]


# "go straight to skills", "take me to the housing one", "jump to infrastructure": the
# words that move the choice on, with the theme names after them
MOVES_ON = re.compile(
    r"^((and|then|so|just|please|pls|can we|can i|could we|let'?s|i'?d (like|rather)( to)?|"
    r"i want( to)?|we'?ll|i'?ll|we want( to)?|rather)\s+)*"
    r"(go|jump|skip|move|head|get|take (me|us)|carry on|go on|straight|onto|on)"
    r"(\s+(on|straight|right|directly|ahead))*(\s+(to|onto|into|with))?(\s+the)?\s+"
)


def moving_on(part: str) -> str | None:
    """What a part of a message names after words that move the choice on ("go straight to
    skills" -> "skills"); None when it does not open with such words."""
    match = MOVES_ON.match(normalise(part))
    return normalise(part)[match.end() :] if match else None


# "nothing more on the racing side, next island please" (set AW kept it as the barriers
# answer and every answer after it slid one question along): the rest of this island's
# (or driver's) questions are passed over
NEXT_PART = re.compile(
    r"^((ok|okay|right|so|and|then|just|please|pls|can we|can i|could we|let'?s|lets)\s+)*"
    r"((go|move|skip|jump|carry on|crack on|on)( on| ahead)?( to| onto)? )?"
    r"(the )?(next|another|the other) (island|driver|section|topic|theme|sector|part)"
    r"( please| pls| then| thanks| ta)*$"
)
NOTHING_MORE_HERE = re.compile(
    r"^((ok|okay|right|so|and|honestly|really)\s+)*"
    r"(nothing|no|not much|nowt|that'?s (all|it|everything)|thats (all|it))"
    r"( (more|else|further|to add|really))*( (on|about|for|from me on) [\w' -]{1,40})?$"
)


def skips_rest_of_theme(text: str) -> bool:
    """The message asks for the next island or driver, with at most "nothing more on ..."
    before it."""
    pieces = [normalise(p) for p in re.split(r"[,.;:!\n]+|\s[-–—]\s", without_addressees(text))]
    pieces = [p for p in pieces if p]
    if not pieces or NEXT_PART.match(pieces[-1]) is None:
        return False
    return all(NOTHING_MORE_HERE.match(p) for p in pieces[:-1])


# "Can we do the infrastructure one first? That's the one I actually care about." (set AZ
# kept it as the skills answer): that theme's questions moved to the front
_ASKS = r"((can|could) (we|i|you)|let'?s|i'?d (like|rather)( to)?|please|pls|ok|okay|actually)"
_FIRST = (
    r"\s+((do|start with|go with|answer|take|begin with|have)\s+)?(the )?"
    r"(?P<named>[a-z][a-z&' -]{2,40}?)( one| ones| bit| question| questions| part)?\s+first\b"
)
FIRST = re.compile(rf"^{_ASKS}{_FIRST}")
FIRST_MAX_WORDS = 20


def wanted_first(text: str) -> list[str]:
    """The themes a short message asks to answer first ("can we do the infrastructure one
    first?"), or [] when it asks nothing of the kind."""
    norm = normalise(without_addressees(text))
    if len(norm.split()) > FIRST_MAX_WORDS:
        return []
    match = FIRST.match(norm)
    return named_themes(match.group("named")) if match else []


# "Motorsport and space, but can we do space first? It's most of our work now." (set DH kept
# the reason as the motorsport answer, and asked motorsport first): at a choice, the themes
# asked for first, with what comes after (the reason) no part of the choice
FIRST_IN_CHOICE = re.compile(
    rf"[,;.!]?\s*\b(but|and|though|ideally|if possible)?\s*{_ASKS}{_FIRST}"
)


def first_in_choice(text: str, among: tuple[str, ...]) -> tuple[list[str], str] | None:
    """At a choice, the themes asked to go first and the choice without the request (and
    the reason after it), or None when no order is asked for."""
    match = FIRST_IN_CHOICE.search(text.lower())
    if match is None or match.start() == 0:
        return None
    named = named_themes(match.group("named"), among)
    return (named, text[: match.start()].strip()) if named else None


# "Sorry, got carried away with 'all of them'. Really it's just the film and medical ones"
# (set AZ was asked about all fifteen island questions): the choice narrowed to those
NARROWED = re.compile(
    r"(^|\b(really|actually|i mean|i meant|make (that|it)|sorry)\b)[ ,]*((it'?s|its) )?"
    r"(just|only) (the )?(?P<names>[a-z&' ,-]+?)(?P<ones> ones?| bits?| islands?| drivers?)?"
    r"( really| then| please)*$"
)
# what says it is the choice being narrowed, not a view ("it's just the roads" answers the
# infrastructure question)
ABOUT_THE_CHOICE = re.compile(
    r"\b(all of them|chose|picked|ticked|clicked|selected|carried away|too many|got that wrong)\b"
)
# "actually none of these islands are really us. can we just do the general bit" (set AZ
# answered it as the mobility opportunities): no island questions at all
NO_ISLANDS = re.compile(
    r"\b(none of (these|them|those|the) (islands )?(are|is) (really )?(us|for us|relevant|me)|"
    r"(just|only) do the (general|seabed|other|cross[- ]cutting) (bit|part|stuff|ones?)|"
    r"skip the islands)\b"
    # "actually no, scrap that, we did one job for a film crew years back and that's it. none
    # of them really" at the first film question (set BR answered it as the opportunities)
    r"|^((actually|sorry|oh|wait|no) )*(scrap|scratch|forget|ignore) that\b.*\bnone of (them|"
    r"these|those)( really| tbh| then)?$"
)


def narrowed_to(text: str, among: list[str]) -> list[str]:
    """The themes of `among` a closing "really it's just the film and medical ones" keeps;
    [] when the message narrows nothing."""
    sentences = [p for p in re.split(r"[.!?\n]+", without_addressees(text)) if p.strip()]
    last = sentences[-1] if sentences else ""
    # "sorry thats too many, just skills & infrastructure" (set EQ answered all seven): the
    # names in the last clause
    match = NARROWED.search(normalise(last)) or NARROWED.search(normalise(last.split(",")[-1]))
    if match is None or not (match.group("ones") or ABOUT_THE_CHOICE.search(normalise(text))):
        return []
    kept = [t for t in named_themes(match.group("names")) if t in among]
    return kept if kept and len(kept) < len(among) else []


@dataclass(frozen=True)
class Steer:
    """The queue of questions after the business steered it, and what to say."""

    pending: list[str]
    reply: str


def steered(text: str, pending: list[str]) -> Steer | None:
    """The queue after "actually scratch the space ones" (those left out), "can we do the
    infrastructure one first?" (those first) or "next island please" (the rest of this
    one left out); None when the message steers nothing."""
    themes = list(dict.fromkeys(question(k).theme_id for k in pending))
    if pending and question(pending[0]).kind == "island" and NO_ISLANDS.search(normalise(text)):
        left = [k for k in pending if question(k).kind != "island"]
        return Steer(left, message("islands_other_sector"))
    kept = narrowed_to(text, themes)
    gone = dropped_themes(text, themes) or [t for t in themes if kept and t not in kept]
    if gone:
        left = [k for k in pending if question(k).theme_id not in gone]
        return Steer(left, message("questions_dropped", names=theme_names(gone)))
    first = [k for k in pending if question(k).theme_id in wanted_first(text)]
    if first and first[0] != pending[0]:
        named = list(dict.fromkeys(question(k).theme_id for k in first))
        rest = [k for k in pending if k not in first]
        return Steer([*first, *rest], message("doing_first", names=theme_names(named)))
    if pending and skips_rest_of_theme(text):
        theme_id = question(pending[0]).theme_id
        left = [k for k in pending if question(k).theme_id != theme_id]
        return Steer(left, message("next_part"))
    return None
