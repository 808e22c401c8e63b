"""Not an answer yet: "hang on", "hello?", "...", "brb, phone". The question is asked
again. Wanting out ("just finish it") is `wanting_out`."""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.interruptions import (
    AWAY,
    asks_where_we_were,
    back_from_interruption,
    goes_to_check,
    interrupted,
    needs_me_now,
)
from bot.consultation.replies.own_answer import sorry_for_own_answer
from bot.consultation.replies.returns import after_return, returned_only  # noqa: F401
from bot.consultation.replies.text import DASHES, normalise, whole
from bot.consultation.x_style import without_addressees

# "hang on", "one sec", "erm": not an answer yet; the question is asked again
HOLDING = re.compile(
    r"((hang on|hold on|hold up|hang about|hang fire|wait( up)?|whoa|bear with( me)?|"
    r"(just )?(one|two|1|2) "
    r"(sec|secs|second|seconds|mo|moment|min|mins|minute|minutes|tick)|"
    r"(just )?a (sec|second|mo|moment|min|minute|tick)|(give|gimme|give me) (me )?"
    r"(a|one|two) (sec|secs|second|seconds|mo|moment|minute|minutes|tick)|brb|"
    r"back in a (sec|mo|moment|minute|min)|"
    r"let me (think|check|see|look|read)( (that|it|this|about it))?( again| first)?|thinking|"
    # "hmm good question, let me think" (the thirteenth set kept it as the answer)
    r"(that'?s |thats )?an?( (good|tough|hard|tricky|big|interesting))+ (one|question)|"
    r"good question|let me have a (think|ponder)|i'?ll have a think|thinking about it|"
    r"uh+|um+|erm+|er+|hmm+|ok|okay|right|so|actually|"
    # "actually carry on" inside a question: not an answer, so the question is asked again
    r"carry on|keep going|continue|let'?s (carry on|continue|keep going)|resume|"
    # "Morning. Carry on from where we stopped?" the next day (set EL kept it as the answer)
    r"(carry on|continue|pick up|start again) (from )?where (we|i) (stopped|left off|were|got to)|"
    r"morning|afternoon|evening|"
    # "sorry gotta go", "back in 10" (set EL filed them as the name and the trade)
    r"sorry|(gotta|got to|have to|need to|must) (go|dash|run|nip off|pop out|shoot)( now)?|"
    r"back in (\d+|five|ten|fifteen|twenty|thirty|a bit|an hour|half an hour)( (mins?|minutes))?|"
    r"back (shortly|soon|later|in a bit))"
    r"( please| pls| a (sec|second|mo|moment|minute|min|tick)| a bit| about it| on that)*"
    r" ?)+"
)


# "hello?", "hi sorry got distracted", "you still there?": a greeting mid-question is a
# nudge to carry on, never the answer (the question is asked again)
GREETING = re.compile(
    r"((hi|hiya|hello|helo|hallo|hullo|hey|heya|howdy|yo|morning|afternoon|evening|"
    r"good (morning|afternoon|evening|day)|there|again|me again|it'?s me( again)?|"
    # regional hellos ("Ey up" opened set AP's Yorkshire restorer's chat and was not
    # understood, so his "Aye, go on then" was welcomed instead of taken as a yes)
    r"e+y ?up|ay+e? ?up|hey ?up|now then|wotcha|watcha|g'?day|how do|greetings|"
    # greetings in the other languages Buckinghamshire businesses are run in
    r"dzien dobry|czesc|witam|hola|buenos dias|bonjour|buongiorno|guten tag|ola|bom dia|"
    r"buna ziua|salaam|salam|as?salamu? alaikum|namaste|sat sri akal|merhaba|"
    # Welsh, often mixed with English ("shwmae! hi")
    r"shwmae|shwmai|sut mae|bore da|prynhawn da|noswaith dda|helo bawb|"
    # "Evening. Right, I'm back to finish this off" (set BT filed it as the role)
    r"(are )?you (still )?there|anyone there|((right|ok|okay) )?(i'?m|i am) back( to (finish|"
    r"carry on|do|complete)( (this|it|the rest))?( off)?)?|back( now)?|sorry|soz|apologies|"
    r"(i )?(got|was|been|just got) (distracted|sidetracked|called away|pulled away|busy|"
    r"interrupted)"
    # "sorry, got called away by a customer" (the fourteenth set kept it as the answer)
    r"( (by|with|to|for) ((a|an|the|my|our|some) )?(customer|client|call|phone( call)?|"
    r"delivery|colleague|boss|meeting|job|kids?|dog|supplier|visitor|patient|someone))?|"
    r"(i )?(had to|needed to) (take|answer|deal with|see to|serve) (a|an|the|my|some)"
    r" (call|phone|customer|client|delivery|supplier|visitor|patient)|"
    r"(i )?was (away|on the phone|on a call|in a meeting)|"
    # "Sorry, got dragged away for longer than I thought. Where were we?" (set FU)
    rf"{AWAY}|"
    # "hi again, sorry, got dragged onto a site visit. where were we?" (set W)
    r"(i )?(got|was|been|just got) (dragged|pulled|called|roped) (onto|into|in to|to|away( to)?|"
    r"out( to)?) (a|an|the|my|some) [a-z]+( [a-z]+)?|"
    # "back, sorry, school run", "back. sorry had a customer in" (set AM)
    r"(doing |did |on )?(the )?school run|"
    r"(i )?(had|got) (a |an |some )?(customers?|clients?|delivery|deliveries|visitors?|patients?)"
    r"( in| at the door| to deal with| to sort)?|"
    r"about that|for the (wait|delay)|where (was i|were we)|"
    # "hi, got 5 mins between consults" (set EG kept it as a view before consent): the time
    # there is to spare, no view
    r"(i'?ve |i have |we'?ve |we have )?(only )?(got|have) (a |about |just )?(\d+|five|ten|"
    r"fifteen|twenty|a few|a couple of|two) (mins?|minutes)( (spare|free|to spare))?"
    r"( (between|before|after) [a-z]+( [a-z]+)?)?)( |$))+"
)


# "Hi again, it's Sarah from the bakery": a greeting that says who is back. Only after a
# greeting, and a name is not "the"/"a" ("hi, it's the roads again" is a view).
GREETING_WITH_NAME = re.compile(
    r"(hi|hiya|hello|hey|morning|afternoon|good (morning|afternoon|evening))( again| there)?"
    r" (it'?s|its|it is|this is) (?!the |a |an |our |my |all )[a-z]+( [a-z]+)?"
    r"( (from|at|here)( [a-z0-9'&]+){0,4})?( again| here)?"
)


def greeting_only(text: Any) -> bool:
    """Nothing but a greeting or an apology for a pause ("hello?", "hi sorry, got
    distracted", "hi again, it's Sarah from the bakery"): not an answer to the pending
    question."""
    if isinstance(text, str):
        text = without_addressees(text)  # "@btvlep hi, got 5 mins between consults"
    return whole(GREETING, text) or whole(GREETING_WITH_NAME, text)


def punctuation_only(text: Any) -> bool:
    """ "...", "?", "!!": no words, no emoji, and not a skip dash."""
    if not isinstance(text, str):
        return False
    stripped = text.strip()
    return (
        bool(stripped)
        and stripped not in DASHES
        and all(
            not ch.isalnum() and (ch.isspace() or ch.isascii() or ch in "…“”‘’") for ch in stripped
        )
    )


# "lol", "haha ok", "😂" (the twelfth set stored "haha ok" as a view): a laugh at the
# question, with at most an "ok" or "fair enough"; no yes ("haha yes spot on" agrees)
LAUGHTER = re.compile(
    r"((ha){2,}h?|a?ha(ha)+|he(he)+|lol+|lmf?ao+|rofl|pmsl|😂|🤣|😆|😅|😄)"
    r"( ((ha){2,}|lol+|😂|🤣|😆|😅|😄|ok|okay|right|fair enough|fair|true|ok then|sure))*"
)


def laughing_only(text: Any) -> bool:
    """Nothing but a laugh ("lol", "haha ok", "😂"): no answer yet."""
    if not isinstance(text, str):
        return False
    said = re.sub(r"[.,!?:;~*'\u2019\ufe0f]+|([😂🤣😆😅😄])", r" \1 ", text.lower())
    said = " ".join(said.split())
    return bool(said) and LAUGHTER.fullmatch(said) is not None


# "Hang on, I'm handing you over to Kerry who runs our installs, she'll answer this better
# than me", "handing this to Dev our transport manager, he knows the electric side" (set AN
# kept each as the answer): someone else will answer; what follows says who, not a view
HANDING_OVER = re.compile(
    r"^((hang on|hold on|one sec|one moment|wait|ok|okay|right|actually|sorry)\W+)*"
    r"((i'?m|i am|i'?ll|i will|let me|going to|gonna|can i|i'?m going to)\s+)?"
    r"(hand|handing|pass|passing|put|putting|give|giving|transfer|transferring|forward|"
    r"forwarding)(\s+(you|this|this one|the phone|the laptop|my phone|the chat|the rest)"
    r"(\s+(over|across|on|through))?|\s+(over|across))\s+to\s+"
    r"(?!(the|our|local) (council|lep|government|universit|college|nhs|schools?)\b)"
)
HANDING_OVER_MAX_WORDS = 30


def hands_over(text: Any) -> bool:
    """Someone else will answer: a colleague takes over the chat."""
    if not isinstance(text, str):
        return False
    said = normalise(without_addressees(text))
    return len(said.split()) <= HANDING_OVER_MAX_WORDS and HANDING_OVER.match(said) is not None


# A pause with its reason, the pause at either end of the message: "Sorry, glue pot's about
# to boil over, two secs", "one sec, client on the other line", "gotta run a job, back in
# 20", "up a ladder, give me 10 mins", "Can I come back to you on that? The crane's just
# turned up" (set AO kept each as the answer, a head count or a driver). Only as a piece of
# its own between punctuation: "a bus every ten mins" and "back in 2019 we ..." are views.
_COUNT = r"(a|one|two|three|five|ten|fifteen|twenty|thirty|a few|few|a couple of|couple of|\d+)"
_SPAN = r"(sec|secs|second|seconds|mo|mos|moment|moments|min|mins|minute|minutes|tick|ticks)"
PAUSE_MARK = re.compile(
    r"((ok|okay|right|sorry|soz|sry|apologies|oops) )*("
    rf"(just |only )?((give|gimme) (me|us) |need |back in )?{_COUNT} {_SPAN}|"
    rf"back in ({_COUNT}( {_SPAN})?|a bit|an hour|half an hour)|"
    # "back after the lesson" (set ET)
    r"back (shortly|soon|later|in a bit|after (that|this|lunch|(the|my|this) (lesson|meeting|"
    r"call|appointment|school run|job|delivery|customer|client|patient|break|class|session|"
    r"walk|pick ?up|drop ?off|viewing|fitting|consultation|groom)))|"
    r"(i'?ll |will )?be (right )?back( (shortly|soon|in a bit|later))?|"
    r"brb|bbs|bbl|hang on|hold on|hang fire|bear with( me)?|hold that thought|"
    # "Sorry, the milk tanker's just pulled in, I'll have to leave this for a bit" (set FU
    # kept it as the answer): left for how long, so a pause and not the end
    r"((i'?ll|i will|i'?m going to|im going to|i'?m gonna|gonna|going to|i'?ve got to|"
    r"ive got to|i have to|i need to|need to|have to|got to)( have to)? )?(leave|pause|park|"
    r"step away from) (this|you|the chat|this chat|the questions|it here|it there)"
    r"( (here|there))? (for (a bit|a while|a moment|a minute|a few (mins|minutes)|an hour|"
    r"half an hour|now|the moment|today)|(till|until) (later|tonight|tomorrow|this evening))|"
    r"(can i|could i|let me|i'?ll|i will) (come|get) back to (you|u)( (on|about) (that|this|it))?"
    r"( later| shortly| in a bit)?"
    r")( please| pls| sorry)?"
)
OPEN_ENDED = re.compile(
    r"((ok|okay|right|sorry|soz|sry|apologies|oops) )*(hang on|hold on|hang fire|bear with( me)?|"
    r"hold that thought|excuse me|"
    # "gotta go, clients here" (set FE kept it as the skills answer): as "gotta go" alone
    r"(gotta|got to|have to|need to|must) (go|dash|run|shoot)( now)?)( please| pls| sorry)?"
)
PAUSE_WITH_REASON_MAX_WORDS = 16
APOLOGY = re.compile(r"(sorry|soz|sry|apologies|oops|ok|okay|right)( about this| mate)?")
# someone or something arriving that needs the business now: a reason, never a view
SOMEONE_ARRIVED = re.compile(
    r"\b(someone|somebody|a customer|customers?|a client|clients?|the courier|a courier|courier|"
    r"van|"
    r"delivery|the post(man)?|a member|member|patient|visitor|the phone|phone|the door|a lorry|"
    r"(my |a |the |next )?(pupils?|students?|learners?)|my (next|[a-z]+ o'?clock)|"
    r"the lorry|the van|a van|the kids?|the dog|the boss|my boss)('?s)?\b.*\b(come in|came in|"
    r"here|at the door|arrived|turned up|ringing|rang|in for|wants?|wanting|waiting|pulled up|"
    r"walked in|needs? moving|to move)\b"
)
RUN_ON_PAUSE = re.compile(
    r"^(hang on|hold on|hang fire|one sec|sec|bear with me|bear with|sorry|soz|brb) "
    r"(?P<why>.{3,60})$"
)
_SEPARATORS = ",.;:!?…()\u2013\u2014- "
_PIECES = re.compile(r"[,.;:!?…()\u2013\u2014-]+|\s-\s")


def paused_with_reason(text: Any) -> bool:
    """A short message that is a pause and why ("one sec, client on the other line"): the
    pause a piece of its own at the start or the end."""
    if not isinstance(text, str):
        return False
    raw = [p for p in _PIECES.split(without_addressees(text)) if normalise(p)]
    pieces = [normalise(p) for p in raw]
    if len(pieces) == 1 and (run_on := RUN_ON_PAUSE.match(pieces[0])):
        # "hang on van needs moving" (set EL: read as stopping, the questions ended)
        return SOMEONE_ARRIVED.search(run_on["why"]) is not None or needs_me_now(run_on["why"])
    if len(pieces) < 2 or sum(len(p.split()) for p in pieces) > PAUSE_WITH_REASON_MAX_WORDS:
        return False
    # the reason is no question: "hang on, is Stoke Mandeville actually in the strategy?"
    # asks one (sets AG and AI)
    text = without_addressees(text)
    while len(pieces) > 2 and APOLOGY.fullmatch(pieces[0]):
        # "Sorry, two minutes, the courier's here for a loom" (set EL: "didn't catch")
        pieces, raw = pieces[1:], raw[1:]
    opens = OPEN_ENDED.fullmatch(pieces[0]) or APOLOGY.fullmatch(pieces[0])
    if opens and all(SOMEONE_ARRIVED.search(p) or needs_me_now(p) for p in pieces[1:]):
        # "hang on, someone's come in for a wreath" (set EL kept it as the answer): open-ended,
        # but why is someone arriving, not a view
        return True
    # first, only a pause that says how long: "hang on, the roads are bad" is a view
    if PAUSE_MARK.fullmatch(pieces[0]) and not OPEN_ENDED.fullmatch(pieces[0]):
        # its own "?" aside: "Can I come back to you on that?"
        return "?" not in text[text.find(raw[0]) + len(raw[0]) :].lstrip(_SEPARATORS)
    return bool(PAUSE_MARK.fullmatch(pieces[-1])) and "?" not in text[: text.rfind(raw[-1])]


# Back from an errand, with what it was and nothing more: "Sorry, just had to let a hen party
# in, all dressed as pirates, going to be a long afternoon" (set BP kept it as the skills
# answer). `GREETING` reads the bare "sorry, got called away"; here the errand may run on,
# but not into a view ("sorry, had to serve someone, the parking out front is awful").
ERRAND = re.compile(
    r"^((sorry|soz|sry|apologies|oops)( about that| for the wait| for the delay)?\W+)+"
    r"((just|i|we|i just) )*(had to|have to|needed to) (let|answer|serve|take|grab|deal with|"
    r"see to|sign for|nip|pop|run|step|dash|open|show)\b"
)
ERRAND_MAX_WORDS = 20
_VIEW_CUE = re.compile(
    r"\b(but|anyway|so yes|as for|back to|to answer|awful|terrible|nightmare|shocking|rubbish|"
    r"problem|issue|need|needs|can'?t|cant|won'?t|wont|no one|nobody|expensive|cost|costs)\b"
)


def back_from_errand(text: Any) -> bool:
    """A short apology for a pause and the errand that caused it, with no view after it."""
    if not isinstance(text, str) or "?" in text:
        return False
    said = normalise(without_addressees(text))
    return (
        len(said.split()) <= ERRAND_MAX_WORDS
        and ERRAND.match(said) is not None
        and _VIEW_CUE.search(said) is None
    )


# "hang on, asking kev in the workshop", "one sec, let me check with my business partner"
# (set AW kept the first as the barriers answer, and Kev's answer went to the next
# question): someone is being asked, the answer comes next
ASKING_SOMEONE = re.compile(
    r"((hang on|hold on|one sec|one moment|wait|bear with( me)?|ok|okay|right|hmm|good "
    r"question|let me think)\W+)*"
    r"((i'?ll|i will|let me|i need to|need to|gonna|going to|i'?m going to|just|i'?m|im) )*"
    r"(ask|asking|check|checking|double check|double checking|find out|finding out)"
    r"( with| from)? (?!(the )?(council|lep|government|nhs|about|around|for|after|if|whether|"
    r"how|what|why)\b)((my|our|the) )?"
    r"(?!.*\b(is|are|was|were|isn'?t|aren'?t|can'?t|cant|won'?t|wont|need|needs)\b)"
    r"[a-z']+( [a-z']+){0,5}( (quickly|first|a sec))?"
)
ASKING_SOMEONE_MAX_WORDS = 12
# who is asked: a person, never what the answer is about ("asking about rents" is a view)
ASKED_WHO = re.compile(
    r"\b(my|our|the) (partner|business partner|wife|husband|boss|manager|colleague|team|"
    r"accountant|office|foreman|workshop|engineer|director|md|owner|other half|daughter|son|"
    r"dad|mum|staff|lads|guys)\b|"
    r"^((hang on|hold on|one sec|one moment|wait|bear with me|ok|okay|right|hmm)\W+)+"
    r"(asking|checking with|let me ask|i'?ll ask) (?!(around|about|for|after|if|whether)\b)[a-z]+\b"
)

# "hang on, asking my business partner what she thinks the biggest one is" (set CB kept it
# as the barriers answer): what the person is asked says nothing of the answer itself
ASKED_WHAT = re.compile(
    r"\s+(what|which|if|whether|how) (she|he|they|her|him|them) (thinks?|reckons?|says?|"
    r"would say|would put|agrees?|wants?( to say)?|feels?)(?P<rest>( [a-z']+){0,5})$"
)
_ASKED_WHAT_NOT = re.compile(r"\b(that|says|said|reckons)\b")


def _without_what_is_asked(norm: str) -> str:
    """`norm` without what the person is asked, when that says nothing of the answer."""
    match = ASKED_WHAT.search(norm)
    if match is None or _VIEW_CUE.search(match.group("rest")):
        return norm
    return norm if _ASKED_WHAT_NOT.search(match.group("rest")) else norm[: match.start()]


def asks_someone_first(text: Any) -> bool:
    """The whole message says someone else is being asked for the answer."""
    if not isinstance(text, str):
        return False
    norm = _without_what_is_asked(normalise(without_addressees(text)))
    return (
        0 < len(norm.split()) <= ASKING_SOMEONE_MAX_WORDS
        and ASKING_SOMEONE.fullmatch(norm) is not None
        and ASKED_WHO.search(norm) is not None
    )


# "actually they've cancelled, let's carry on" after "can I come back to this later? got a
# client in 5" (set AJ kept it as the answer once a pause there kept the form open): a few
# words on how the pause ended, then the word to carry on, and no view in them
CARRY_ON = re.compile(
    r"(ok |okay |right |so )?(let'?s |lets |we can |can )?(carry on|continue|keep going|crack on|"
    r"get on with it|go on)( then| now| please| pls)?"
)
CARRY_ON_ASIDE_MAX_WORDS = 6


def carries_on_after_aside(text: Any) -> bool:
    """A short remark on how a pause ended, then "let's carry on": no answer yet."""
    if not isinstance(text, str) or "?" in text or re.search(r"\d", text):
        return False
    plain = without_addressees(text).strip().lower().replace("\u2019", "'")
    parts = [p for p in re.split(r"\s*[,.;!-]+\s*", plain) if p]
    if not (
        len(parts) == 2
        and CARRY_ON.fullmatch(parts[1]) is not None
        and len(parts[0].split()) <= CARRY_ON_ASIDE_MAX_WORDS
        and _VIEW_CUE.search(normalise(plain)) is None
    ):
        return False
    from bot.consultation.subject import names_a_subject  # the tagger: loaded late

    return not names_a_subject(parts[0])  # "broadband is slow, carry on" is a view


def holding(text: Any) -> bool:
    """The business is not answering yet ("hang on", "one sec", "erm", "...", a laugh,
    a greeting mid-question: "hello?", a pause and its reason, sorry for the answer just
    given, or handing over to a colleague), so the question is asked again. The @btvlep
    that opens a message on X is no word of it."""
    if isinstance(text, str):
        text = without_addressees(text)
    return (
        whole(HOLDING, text)
        or greeting_only(text)
        or punctuation_only(text)
        or laughing_only(text)
        or paused_with_reason(text)
        or back_from_errand(text)
        or sorry_for_own_answer(text)
        or hands_over(text)
        or asks_someone_first(text)
        or interrupted(text)
        or asks_where_we_were(text)
        or goes_to_check(text)
        or carries_on_after_aside(text)
        or back_from_interruption(text)
        or returned_only(text)
    )


# Swearing alone, or losing patience with the questions ("ffs this is taking ages", "how
# many more?"): not a view. Only about *this* ("the planning process is taking ages" is a
# view), and only as the whole message.
