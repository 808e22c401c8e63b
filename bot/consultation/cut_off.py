"""An answer sent before it was finished: "we need better" then "roads into Aylesbury".

Found by the fourteenth set of unseen conversations: the first half was stored as the
answer (and, at the last question, played back), the second half went to the play-back.
A short message that ends on a word a sentence cannot end on is held: nothing stored, the
bot waits, and the next message is kept with it as one answer. Set FL (typed on a phone)
added a message of any length that stops on a conjunction or an article ("... in hereford
so", "... on farms n"). No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.replies.text import sentences
from bot.consultation.x_style import without_addressees

MAX_WORDS = 8
# Words a finished sentence does not end on: articles, possessives, prepositions,
# conjunctions ("the roads into", "parking and", "we need more of the")
DANGLING = re.compile(
    r" (the|a|an|our|my|their|your|its|to|of|for|with|into|onto|from|about|than|and|or|"
    r"but|because|cos|as|like|if|which|who|that'?s|is|are|was|were|by|at|in|on|need to|"
    r"want to|going to)$"
)
# "we need better", "we want more": a comparative whose noun has not come yet
WANTS_MORE = re.compile(
    r"\b(need|needs|needed|want|wants|require|requires|lack|lacking) (better|more|less|proper|"
    r"decent|faster|cheaper|reliable|some|a lot more|much more|much better)$"
)
# "... and their lorries have wrecked the road in" (set FS: "Go on, I'm listening"): "in",
# "out" or "on" after a way in or out ("the road in", "the only way out"), or completing a
# verb ("we moved in", "the rates kicked in", "carry on"; set FX: "we gave in", "the big
# firms chip in", "we had to move on"), ends a sentence
PARTICLE_END = re.compile(
    r" (road|roads|way|lane|drive|track|route|entrance|gate|door|moved|came|come|kicked|"
    r"logged|signed|joined|pitched|settled|dropped|popped|fitted|carry|carried|going|"
    r"give|gave|given|chip|chipped|move|moves|moving) (in|out|on)$"
)
# "... the developers bring their own installers. local firms never get a look in" (set FX:
# "Go on, I'm listening" and every later answer a question late): "a look in" or "a word in"
# after get or give is the idiom ("never get a look-in", "can't get a word in"), finished;
# "have a look in" may go on ("in the shed") and still waits
LOOK_IN_END = re.compile(
    r"\b(get|gets|got|getting|give|gives|gave|given|giving)( \w+){0,2}? "
    r"(a|any|no|much of a) (look|word) in$"
)
# Marks of a message cut short on purpose: "we need better...", "the trains -"
TRAILING_MARK = re.compile(r"(\.\.\.|…|-|–|—)\s*$")
# "its a 4 yr apprenticeship and the only college that does farriery is miles away in
# hereford so", "... i spend an hour a night on my phone ordering bits cos", "... so the
# bigger jobs on farms n" (set FL, typed on a phone: each kept whole and the rest of it
# taken for the next answer): a sentence of any length that stops on a conjunction or an
# article is cut off; a preposition only in a short one ("the roads we rely on")
LONG_DANGLING = re.compile(r" (the|an|our|my|their|your|and|n|or|but|because|cos|coz|cuz|bcos)$")
# "... is lethal so": "so" leads on to what was not typed yet, unless it ends a sentence
# ("i think so", "hope so", "ten years or so", "even so", "if so", Irish "go on so")
SO_END = re.compile(r" so$")
ENDS_ON_SO = frozenset(
    "on grand right ok okay fine then "
    "think thought thinks hope hoped say said says guess believe suppose reckon expect fear "
    "imagine told tell seems seemed appears appeared or and even not if why more less ever "
    "very quite really just only especially particularly doing done do did does is was be "
    "been am are so also probably hopefully definitely maybe apparently".split()
)


def cut_off(text: Any) -> bool:
    """A short message that stops mid-sentence ("we need better", "parking in the"),
    with no full stop, question or exclamation mark at the end."""
    if not isinstance(text, str):
        return False
    # "@btvlep the bank wont give us an overdraft because" (set AU): the handles say nothing
    stripped = TRAILING_MARK.sub("", without_addressees(text).strip()).rstrip()
    if not stripped or stripped[-1] in ".?!)":
        return False
    # "cant find trained groomers ..., nearest course is in reading. and the course is"
    # (set BE): a long message whose last sentence stops mid-way is cut off too
    last = sentences(stripped)[-1]
    norm = normalise(last)
    words = norm.split()
    if len(words) > MAX_WORDS:
        return _stops_on_a_joining_word(norm)
    if len(words) < 2 or PARTICLE_END.search(f" {norm}") or LOOK_IN_END.search(norm):
        return False
    return bool(DANGLING.search(f" {norm}") or WANTS_MORE.search(norm)) or (
        _stops_on_a_joining_word(norm)
    )


def _stops_on_a_joining_word(norm: str) -> bool:
    """A sentence (normalised) that stops on a conjunction or an article, or on "so" that
    ends nothing ("... miles away in hereford so")."""
    words = norm.split()
    if len(words) < 3:
        return False
    if SO_END.search(norm):
        return words[-2] not in ENDS_ON_SO
    return LONG_DANGLING.search(f" {norm}") is not None


def joined(first: str, rest: str) -> str:
    """The two halves as one answer ("we need better roads into Aylesbury, ...")."""
    # the second DM's own "@btvlep" is no part of the sentence it finishes
    return f"{TRAILING_MARK.sub('', first.strip()).rstrip()} {without_addressees(rest).strip()}"
