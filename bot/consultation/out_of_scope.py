"""Requests the consultation cannot meet, made mid-way: a council service ("who do I talk to
about my business rates?", "i want to report a pothole on oxford road", "can you chase my
planning application?", "I'd like to complain about the council's bin collections"), a
person or a number to ring ("whats the leps phone number?", "can u put me in touch with
someone at westcott?", "could you pass my nephew's CV to someone at Pinewood?"), or help
with a grant application.

Found by set CK of unseen conversations (2 / 12 on its first run): such requests were kept
as the answer to the question pending, read as a choice of the driver they name, or given
the contact for the strategy where the council was meant. Each is answered plainly (the
council's services are the council's; a person to contact for the strategy; this is no
funding application) and the question asked again. A view in the same message ("... it's
been stuck 9 months, the planning office is the real barrier") stays a view: only the
request's own sentence is read, and a message that says more is left to the caller. No
Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.subject import names_a_subject
from bot.consultation.x_style import without_addressees

MAX_WORDS = 30
_ASK = (
    # asked of the bot ("could someone at the council fix the potholes?" is a wish: a view)
    r"(can|could|would|will) (you|u)|who (do|should|can) (i|we) "
    r"(talk|speak|go|complain|write|ask|tell|ring|call|contact|report)|"
    # "i want to report a pothole", not "we want to expand but planning permission takes 9
    # months" (a view)
    r"((i|we) (want|would like|need|wanna)|(i'?d|id|we'?d) like) to (report|complain|chase|"
    r"ask|speak|talk|know who)|where (do|can) (i|we) (report|complain|go|ask)"
)
COUNCIL_SERVICE = re.compile(
    rf"\b({_ASK})\b.{{0,40}}?\b(business rates?|(small business )?rate relief|council tax|"
    # (not "how can we get planning permission when it takes 9 months?", a view; not an
    # export licence, which is no council's)
    r"pot-?holes?|bins?|bin collections?|rubbish collections?|fly-?tipping|planning "
    r"(application|permission|appeal)s?|(premises|alcohol|taxi|street trading|music|pub) "
    r"licen[cs]es?|parking permits?|street ?lights?|"
    r"highways|pool hire|the council'?s? (contract|tender|lease))\b"
)
# a person to speak to, or a favour only a person could do, asked of the bot itself ("The
# spinal injuries centre could put us in touch with device makers" is a view: set BY)
_OF_THE_BOT = r"((can|could|would|will) (you|u)( please| pls)?( just)? |^(please |pls )?)"
PERSON_WANTED = re.compile(
    r"\b((what'?s|whats|what is|can i have|can i get|give me) (the |your )?(lep'?s? |leps |"
    r"your |a )?(phone|telephone|contact) (number|no|details)|(phone|telephone) number for|"
    r"are (you|u) hiring|any (jobs|vacancies) going|"
    r"(can|could) (i|we) (speak|talk) to (a|an actual|a real) (person|human))\b|"
    rf"{_OF_THE_BOT}((put|get) (me|us) in touch with|(pass|forward|send|give) (my|his|her|our|"
    r"their) \w*'?s? ?(cv|c\.v\.|resume|details|number) (to|on))\b"
)
# "can u pass this to highways?" (set CK): the council's service named as where to send it
HIGHWAYS = re.compile(
    r"\b(pass|send|forward|report) (this|it|that) (on )?to (the )?(highways|council|planning)\b"
)
GRANT_HELP = re.compile(
    r"\b(help|helping) (me |us )?(fill(ing)? (in|out)|write|writing|with|do|complete) "
    r"(a |an |my |our |the )?(grant|funding) (application|bid|form)s?\b"
)


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
VIEW_MIN_WORDS = 5
VIEW_MAX_ASIDE_WORDS = 8  # beside a request, this many words more are a view, named or not


def _request(text: Any) -> str | None:
    """The message's request, when it says nothing else: None when a sentence beside the
    request is a view of its own ("It's been stuck 9 months and the planning office is the
    real barrier" is kept as the answer)."""
    if not isinstance(text, str):
        return None
    plain = without_addressees(text)
    norm = normalise(plain)
    if not norm or len(norm.split()) > MAX_WORDS:
        return None
    sentences = [s for s in _SENTENCE.split(plain.strip()) if s]
    for i, sentence in enumerate(sentences):
        asked = normalise(sentence)
        if _reply_key(asked) is None:
            continue
        rest = " ".join(sentences[:i] + sentences[i + 1 :])
        return None if _a_view(rest) else asked
    return None


# each kind of request and the message that answers it, in the order they are read
_REPLIES = (
    (GRANT_HELP, "no_grant_help"),
    (COUNCIL_SERVICE, "council_services"),
    (PERSON_WANTED, "person_to_contact"),
)


def _reply_key(asked: str, also_highways: bool = False) -> str | None:
    """The message key for the first kind of request a normalised sentence makes."""
    if also_highways and HIGHWAYS.search(asked) and not GRANT_HELP.search(asked):
        return "council_services"
    return next((key for pattern, key in _REPLIES if pattern.search(asked)), None)


# what the request is for, not a view: "It's for a second electric van."
ABOUT_THE_REQUEST = re.compile(
    r"^(it'?s|its|it is|this is|that'?s|he'?s|she'?s|they'?re) (for|about|to|a|an|just|only|"
    r"my|our|his|her)\b"
)
ABOUT_MAX_WORDS = 10


def _a_view(rest: str) -> bool:
    """Words beside a request that are a view of their own."""
    words = rest.split()
    if ABOUT_THE_REQUEST.match(normalise(rest)) and len(words) <= ABOUT_MAX_WORDS:
        return False
    return len(words) >= VIEW_MAX_ASIDE_WORDS or (
        len(words) >= VIEW_MIN_WORDS and names_a_subject(rest)
    )


def request_beside_view(text: Any) -> str | None:
    """The message key that answers a request made beside a view ("Can you chase my planning
    application? It's been stuck 9 months and the planning office is the real barrier"):
    the view is kept as the answer, and the request answered too. None otherwise."""
    if not isinstance(text, str) or out_of_scope_reply(text) is not None:
        return None
    for sentence in _SENTENCE.split(without_addressees(text).strip()):
        asked = normalise(sentence)
        if len(asked.split()) <= MAX_WORDS and (key := _reply_key(asked, also_highways=True)):
            return key
    return None


def out_of_scope_reply(text: Any) -> str | None:
    """The message key that answers a request the consultation cannot meet, or None."""
    asked = _request(text)
    return None if asked is None else _reply_key(asked)
