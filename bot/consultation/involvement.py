"""Staying involved once the questions are done or nearly done: a working group or a board
to sit on, a written response or a PDF to send, what was decided and when the business
will hear, and a chat begun on X to carry on here.

Found by set Y of unseen conversations (conversation_probe_y.yml): "is there a working
group i could join? or could i sit on the skills board" after the goodbye and "can I send
you that as a PDF instead?" at a question were kept as views; "will you actually tell us
what you decided in the end?" got the privacy notice; "I started this on X yesterday, can
I carry on here?" a first hello. Every reply comes from seeds/ (the strategy names no group,
board or panel to join: who to contact, and the steering group it does name). A message
that also gives a view ("... we can't find CNC machinists") is answered and the view kept
as before (`a_view_too`). No Rasa imports.

Later "I began this on twitter, can I finish it here?" read as a stop (the first message got
no welcome; mid-way the questions would have ended): a message that is nothing but a chat
begun elsewhere (`carries_on_here`) is a question whatever NLU reads, set in
bot/nlu/reply_intents.py.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.questions import message
from bot.consultation.replies import normalise
from bot.consultation.subject import names_a_subject
from bot.strategy import load_strategy

MAX_WORDS = 30

_ME = r"(i|we|me|us|my (business|company|firm|colleague|boss)|our (business|company|firm))"
_MODAL = r"(can|could|may|should|would|will|how (do|can|could|would)|is there|are there|any)"
# "is there a working group I could join?", "could I sit on the skills board?", "how do I
# get more involved?", "can we help shape it?"
_BODY = r"(boards?|panels?|groups?|committees?|forums?|networks?)"
JOIN = re.compile(
    r"\b(working groups?|task ?forces?|steering groups?|advisory (groups?|boards?|panels?)|"
    rf"(sit on|be on|join|be part of|be a part of|take part in|get on(to)?) (the |a |an |your |"
    rf"any )?([\w-]+ ){{0,2}}{_BODY}|{_ME} (get|be|stay|keep) "
    r"(more |further |properly )?involved|get involved (further|more)|"
    r"(help|helping) (shape|write|develop|draft) (it|this|the strategy|the plan)|"
    r"(volunteer|put (myself|ourselves|my name) forward))\b"
)
# "can I send you a written response or a PDF?", "we've written a board paper, can I email
# it over?", "could I submit a document instead?"
DOCUMENT = re.compile(
    r"\b(pdf|word doc\w*|documents?|written (response|submission|reply|answer)|"
    r"(board |position |policy )papers?|submission|report we|our report)\b"
)
# the business sending it to us: "can I send ...", "we'd rather email it over"; not "can
# we share our data with the council?"
SEND = re.compile(
    r"\b(i|we|me|us)\b( \w+){0,3} (send|email|e mail|submit|attach|upload|forward|post)\b"
)
# "will you tell us what you decided?", "when will I hear back?", "will we find out the
# outcome?", "do we get told the results?"
OUTCOME = re.compile(
    rf"\b((will|do|would|can) (you|u|they|the lep) (tell|let|update|inform|email|write to|"
    rf"get back to) {_ME}|{_ME} (hear|get|be) (back|told|informed|updated)|"
    r"hear (back|from you|anything)|(will|do|would|can|how) (we|i) find out|"
    r"find out (what (you|u|they|the lep|the board) decided?|the (outcome|results?))|"
    r"(what|how) (you|u|they|the lep|the board) "
    r"decided?|(the )?(outcome|results?|decisions?|verdict) (be|of|published|shared|announced)|"
    # "How would I get to see the finished strategy once it's published?" (set FY was told
    # the Board's date): how the business will get it, so the follow-up email
    r"(how|where) (would|will|do|can|could|shall|might) (i|we) (get to |be able to )?(see|read|"
    r"get|receive|get hold of|find|view|download) (a copy of )?(the|a|your)( finished| final| "
    r"published| completed| full)? (strategy|report|plan|version|document|lis))\b"
)
# "I started this on X yesterday, can I carry on here?", "I did half of this on twitter",
# "I was halfway through on X", "we've done some of it via twitter"
_CHANNEL = (
    r"(x|twitter|the website|your website|(the|your) (web ?)?site|the (chat )?widget|"
    r"my (phone|mobile|laptop|computer|pc|tablet|ipad)|another (device|phone|laptop|computer))"
)
ELSEWHERE = re.compile(
    r"\b(started|begun|began|(did|done) (half|some|part|most)( of)?|was doing|"
    r"filled (in|out) (half|part|some)( of)?|(half ?way|part ?way|part of the way) through)"
    r" (this|it|the (chat|survey|consultation|questions?))?\s*"
    rf"(on|over on|via|through|in (a |my |the )?dms? on) {_CHANNEL}\b"
)
# How a chat begun elsewhere asks to go on here: "can I finish it here?", "can I carry on
# on the website", "I'd like to pick up where I left off". Not "now": "I started this on X
# but I want to finish now" is ending it.
CARRY_ON_HERE = re.compile(
    r"\b((can|could|may|shall|do) (i|we) |((i|we|i'd|we'd) )?(want|would like|like|wanna|"
    r"need|hope) to |(is it|is that) (ok|okay|possible) to |how (do|can) (i|we) )?"
    r"(finish|complete|carry on|continue|pick up|resume|do the rest|keep going|go on)"
    r"(?!( (it|this|that|off|up|here|there))* now\b)"
    r"( (it|this|that|off|up|with (it|this|that)|the (rest|chat|survey)|where (i|we) left off|"
    r"what (i|we) (started|began|begun)))*( (here|on here|instead|in (here|this chat)|"
    rf"(on|in|via) {_CHANNEL}))*\b"
)
# All a message about a chat begun elsewhere may say besides ("hi, I started this on X
# yesterday, can I carry on here?"): a greeting, who, when, and small words
_AROUND = frozenset(
    "hi hello hey hiya good morning afternoon evening there i we i'm we're i've we've was got "
    "had have just so and but ok okay please pls thanks cheers yesterday earlier today "
    "tonight before last week night this the other day a while ago already".split()
)


def carries_on_here(text: Any) -> bool:
    """The whole message is a chat begun elsewhere to go on with here (and a greeting or a
    when): a question about another chat, never a request to stop, whatever NLU made of
    its "finish" (the model read "I began this on twitter, can I finish it here?" as a
    stop). Anything more ("... but stop messaging me", a view) is left to the rest."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    if not ELSEWHERE.search(norm) or len(norm.split()) > MAX_WORDS:
        return False
    return all(word in _AROUND for word in beside_elsewhere(norm).split())


def beside_elsewhere(text: str) -> str:
    """What a message about a chat begun elsewhere says besides it and its ask to go on
    here ("I started on X but I want to stop" -> "i but i want to stop")."""
    return " ".join(ELSEWHERE.sub(" ", CARRY_ON_HERE.sub(" ", normalise(text))).split())


def _asks(text: str) -> bool:
    norm = normalise(text)
    return (
        "?" in text
        or re.match(rf"^((hi|hello|hey|so|ok|and|but|oh) )*{_MODAL}\b", norm) is not None
    )


def involvement_key(text: Any) -> str | None:
    """The reply (a message key) to a question about staying involved, whatever else the
    message says; None when it asks none of these."""
    if not isinstance(text, str):
        return None
    norm = normalise(text)
    if not norm or len(norm.split()) > MAX_WORDS:
        return None
    if ELSEWHERE.search(norm):
        return "other_channel"
    if not _asks(text):
        return None
    if DOCUMENT.search(norm) and SEND.search(norm):
        return "written_response"
    if JOIN.search(norm):
        return "join_in"
    if OUTCOME.search(norm):
        return "outcome"
    return None


def involvement_reply(text: Any) -> str | None:
    """As `involvement_key`, for a message that asks and gives no view beside it."""
    key = involvement_key(text)
    return None if key is None or _view_beside(str(text)) else key


VIEW_WORDS = 3  # "we can't find welders" beside the question is a view


def _view_beside(text: str) -> bool:
    """Beside the sentences that ask, the business's own words name a subject the tagger
    sees (who it is counts: "we're a 40 person engineering firm in High Wycombe and skills
    is our big worry")."""
    parts = [p for p in re.split(r"(?<=[.?!])\s+|\n+", text) if p.strip()]
    rest = " ".join(p for p in parts if involvement_key(p) is None and not p.rstrip().endswith("?"))
    return len(normalise(rest).split()) >= VIEW_WORDS and names_a_subject(rest)


def view_beside_involvement(text: Any) -> bool:
    """The message asks about staying involved and gives a view of its own too."""
    return involvement_key(text) is not None and involvement_reply(text) is None


CHOICES = ("islands", "seabed")


def involvement_text(key: str, asking: str | None = None) -> str:
    """The reply for an `involvement_key`, with the strategy's own next steps and who
    oversees it filled in. `asking`: the slot the strategy form asks for; at a choice a PDF
    is not followed by "type them in a sentence or two", which would be read as the choice
    (set FY: "can i email over our full proposal as well? its a 6 page pdf")."""
    if key == "written_response" and asking in CHOICES:
        key = "written_response_at_choice"
    strategy = load_strategy()
    return message(
        key,
        next_steps=" ".join(str(strategy["next_steps"]["summary"]).split()),
        overseen_by=" ".join(str(strategy["preparation"]["overseen_by"]).split()),
    )
