"""The question an answer was given to, as an input to the tagger.

"We need a bigger test stand", said in answer to "Space: what barriers hold you back?",
names nothing the tagger can see, yet it is a view on Space; and "staff can't afford to
live here and the trains are packed", said to the housing question, is a view on housing
growth as well as on quality of life and transport. So an answer to a question about one
island or seabed driver carries that theme beside whatever its words touch
(`TrainedTagger.tag_many`), with evidence saying so.

Unless the answer turns the question down: "None really, we're a florist" to the Space
question, "Doesn't affect us" to the housing one, "skip". Such an answer names no theme by
its words (the gate clears it) and says so in words (`declines`); "Can't get anyone", to the
skills question, names nothing either but says no such thing, so it keeps the question's
theme. On the independent sets the prior had tagged all seven declining answers that came
with a question.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging.complaints import is_complaint
from bot.tagging.features import sigmoid

if TYPE_CHECKING:
    from bot.tagging.model import TrainedTagger

QUESTION_KINDS = ("island", "seabed")


def question_theme(question_key: str | None) -> str | None:
    """'island:space:barriers' -> 'space'; None for profile or other questions."""
    parts = (question_key or "").split(":")
    if len(parts) >= 2 and parts[0] in QUESTION_KINDS and parts[1] in THEME_IDS:
        return parts[1]
    return None


# Words that turn a question down. Read only where the gate finds no theme in the words, so
# "none" or "nothing" in a view that names its subject ("nothing but potholes") is not one.
DECLINING = re.compile(
    r"\b(none|nothing (really|much|to (add|say|report))|nada|n/?a|skip|pass|next question"
    r"|not (a lot|much|really|relevant|applicable|for (us|me)|sure|our (thing|area|sector|field))"
    r"|no (idea|views?|opinion|comment|impact|effect|difference)|dunno|don'?t know"
    r"|(does|do|did)(n'?t| not) (really )?(affect|apply|matter|concern|involve|impact|touch)"
    r"|(it|that|this) (does|do)(n'?t| not)( really)?\s*([,.;!]|$)"
    r"|(we'?re|we are|i'?m|i am) not (really |very |at all )?(a |an |in |into |that )?"
    r"(techy|technical|digital|involved|affected|relevant|that kind"
    r"|in (that|this) (sector|space|line))"
    r"|nothing to do with (us|me|what we do)|not (something|an area) we"
    # "we dont use any of that stuff, we're a butcher" to the digital science question
    r"|(we|i) (do ?n'?t|do not|never) (really |even )?(use|need|do|bother with) (any of )?"
    r"(that|this|it|them|those)( stuff| things?| kind of thing)?\s*([,.;!]|$))(?!\w)"
)


# The answer waves its question's subject away and talks of another ("honestly roads are
# fine for us, it's staff" to the infrastructure question, "that's as digital as we get.
# What actually matters is the 4G"): the question's theme is no prior. Its words still
# count ("broadband's fine, but the trains ..." keeps infrastructure by the trains).
DISMISSING = re.compile(
    r"\b(isn'?t|is not|aren'?t|are not) (really |exactly |particularly )?(our|my) "
    r"(thing|issue|problem|concern|area|world|bag|priority|worry)\b"
    r"|\b(are|is)( all| pretty| actually| generally)? (fine|ok|okay|alright|grand)"
    r"( for (us|me))?( tbh| really| to be honest)?\W+(it'?s|the (real |actual |big |bigger )?"
    r"(issue|problem|thing|worry)|what (actually |really )?matters|but|our (real |actual )?"
    r"(issue|problem))\b"
    r"|\bas (digital|techy|green|hi-?tech|innovative) as (we|i) (get|go)\b"
    r"|\b(i'?d|we'?d) (love|like) to (talk|say|comment) (about|on) [^.!?]{1,40}? but\b"
)


# An answer that opens by turning the question down and goes on to something else ("not
# really relevant to us to be honest, we're kitchen fitters. what IS relevant is the A404",
# to the Space question): the gate opens on the something else, so `declines` is not read,
# and the Space prior came with it (unseen set AE). Three words or more must follow.
OPENING_DECLINE = re.compile(
    r"^\W*(?:(?:honestly|tbh|to be honest|ha|haha|lol|sorry|well|erm|um)[,!.]*\s+)?"
    r"(?:not really|not (?:really |very |at all )?(?:relevant|applicable|for us|for me|"
    r"our (?:thing|area|world|bag|sector|field))|nothing (?:really|much)|none really|"
    r"no,? not really|"
    r"(?:it |that )?doesn'?t (?:really )?(?:affect|apply to|concern) us)"
    r"(?:\s+(?:to us|for us|really|to be honest|tbh|i'?m afraid))*\W+\w+(?:\W+\w+){2,}"
)
# The island was chosen for some other reason: "Ha, I only pressed that one because my
# grandson's mad on rockets. We make curtains.", "clicked it by mistake, we're a bakery"
PICKED_BY_MISTAKE = re.compile(
    r"\b(?:pressed|clicked|picked|ticked|chose|selected|hit|tapped)\s+(?:that|this|it|the "
    r"wrong)(?:\s+one|\s+button|\s+box)?\s+(?:by mistake|by accident|accidentally|because|"
    r"cos|'cause)\b"
)


# The answer hands the question to someone else: "ask my partner, she does all that side"
# (set AG tagged the question's theme). Its own words still count. "same as before" points
# back to an answer on the same subject and keeps it (test_answer_head).
DEFERRING = re.compile(
    r"\bask\s+(?:my|our|the)\s+(?:business\s+)?(?:partner|colleague|boss|husband|wife|"
    r"manager|accountant|other half|md|director|office manager|dad|mum)\b"
    r"|\b(?:she|he|they)\s+(?:does|do|handles?|deals? with|looks? after)\s+(?:all\s+)?"
    r"(?:that|this|the)\s+(?:side|stuff|bit|end)\b"
)


def dismisses(text: str) -> bool:
    """The answer waves its question's subject away ("roads are fine for us, it's staff",
    "not really relevant to us, ... what IS relevant is the A404", "I only pressed that one
    because ...") or hands it to someone else ("ask my partner")."""
    lowered = _lowered(text)
    return bool(
        DISMISSING.search(lowered)
        or OPENING_DECLINE.search(lowered)
        or PICKED_BY_MISTAKE.search(lowered)
        or DEFERRING.search(lowered)
    )


# GUIDE.md's boundaries between a question's theme and a subject named instead of it:
# "Broadband and mobile coverage are infrastructure, not digital_science". A bare reply
# ("broadband", set AN) to that question names only the other side, so no prior.
ACROSS_THE_BOUNDARY: dict[str, frozenset[str]] = {
    "digital_science": frozenset({"infrastructure"}),
}


def named_across_the_boundary(asked: str, named: set[str]) -> bool:
    """A bare reply names only themes GUIDE.md keeps apart from the question's."""
    return bool(named) and named <= ACROSS_THE_BOUNDARY.get(asked, frozenset())


# Unsure, then a guess: "not sure really, maybe supply chain work", "dunno, perhaps the new
# estates". The guess is the answer (a hedged view), not a refusal; "not sure, maybe later",
# "no idea, maybe ask someone else" or "hard to say, probably just the usual" still decline.
HEDGED_GUESS = re.compile(
    r"\b(not (really )?sure|unsure|no idea|dunno|don'?t (really )?know|hard to say)\b"
    r"[^?!]{0,25}?\b(maybe|perhaps|possibly|probably|i guess|i suppose|might be)\s+"
    r"(?!(not|no|none|nothing|next|later|another|ask|someone|somebody|one day|in a"
    r"|(just )?the (usual|same))\b)"
    r"[a-z][\w'-]*(\s+[\w'-]+)+"
)


def _lowered(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def guesses(text: str) -> bool:
    """The answer is unsure but offers a guess ("not sure, maybe the new estates")."""
    return bool(HEDGED_GUESS.search(_lowered(text)))


def declines(text: str) -> bool:
    """The answer says it has nothing to say on the question ("None really, we're a
    florist", "doesn't affect us", "skip", "Next question please"), and offers no guess."""
    return bool(DECLINING.search(_lowered(text))) and not guesses(text)


# The answer head (`answer_view`) is asked only about an answer with some word
# of refusal in it: a reply that points back ("same as before", "see above") or corrects
# itself ("I meant Haddenham") has none, and the head (fitted on few such replies) read short
# replies as refusals. Nor is an answer that carries on the last one ("and the DNO won't
# give us a date") a refusal, whatever its words.
REFUSAL_WORD = re.compile(
    r"\b(no|not|none|nothing|never|nah|nope|pass|skip|idk|dunno|unsure|sorry|n/?a|meh|"
    r"whatever|irrelevant|nowt)\b|n't\b"
)
CARRIES_ON = re.compile(r"^\W*(and|also|plus|but|because|cos|so|which|oh and|ps)\b")


# Nor is a negation that is the complaint itself ("Can't get anyone.": `complaints.py`).
def may_decline(text: str) -> bool:
    """The answer has a word of refusal in it, is not a complaint that needs its negation,
    and does not carry on the last answer."""
    lowered = _lowered(text)
    return (
        bool(REFUSAL_WORD.search(lowered))
        and not is_complaint(lowered)
        and not CARRIES_ON.search(lowered)
    )


# The answer head's bar once the gate has opened on the answer's words (see `turns_down`)
SURE_REFUSAL = 0.15


def turns_down(tagger: TrainedTagger, i: int, text: str, parts: dict) -> bool:
    """Message i, an answer, turns its question down, so its question's theme is not added:
    its words or the answer head say so. `parts`: `TrainedTagger.scores`' parts.

    When the gate lets the words through, only a sure answer head (< `SURE_REFUSAL`) turns
    it down, whatever the words tag: "We're wedding photographers so it's not our world" to
    the Space question opens the gate on a sector word (head 0.08-0.09), and whether a
    training tags it creative_digital or nothing, it refuses Space. With the declining words
    too, or the head at 0.5, an unseen set lost a right prior."""
    gate, cut = parts["gate"], tagger.config.get("gate_threshold") or 0.0
    if gate is None or guesses(text):
        return False
    if dismisses(text):
        return True
    opened = gate[i] >= (cut or 0.5)
    # the gate saw a subject: the head must be sure the answer refuses
    if opened:
        return may_decline(text) and answer_view(tagger, i, parts) < SURE_REFUSAL
    return declines(text) or (may_decline(text) and answer_view(tagger, i, parts) < 0.5)


def answer_view(tagger: TrainedTagger, i: int, parts: dict) -> float:
    """The answer head's probability that message i, answering a question, is a view on it
    (1.0 for a model without a head: the question's theme is kept)."""
    if tagger.answer_head is None:
        return 1.0
    emb = parts["emb"][i : i + 1] if parts["emb"] is not None else None
    x = tagger.featurizer.transform([parts["prepared"][i]], emb, parts["gaz"][i : i + 1])
    W, b = tagger.answer_head
    return float(sigmoid(np.asarray(x @ W).ravel() + b)[0])
