"""Access needs and personal circumstances, said as their own message, not answers: "can
you make the text bigger?", "I use a screen reader", "I'm partially sighted, keep it
short", "just so you know I'm 78 and I've got arthritis so I type slowly".

Found by set R of unseen conversations (conversation_probe_r.yml): the bigger-text
request, the age and health condition were kept as the business's view and played back,
"I'm partially sighted ..." kept as the sector, and the screen-reader question before
agreeing got the privacy notice again. None is a view of the business, and a health
condition is not something to keep: each gets a short, practical reply (how to zoom; the
chat is plain text and every question optional; a person to ring instead; no rush) and
the same question again. Whole messages only: "I'm 67 and the A41 is a nightmare" is a
view and kept as typed. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise

# "make the text bigger", "the writing is too small", "I can't read it", "bigger font pls"
_TEXT = r"(text|writing|font|words|print|letters|type|chat|screen|messages?|it|this|everything)"
BIGGER_TEXT = re.compile(
    rf"\b((make|get|have|turn|put) (the |your |this |that )?{_TEXT} (any |a bit |a little )?"
    r"(bigger|larger|big|large|easier to (read|see))|"
    rf"(bigger|larger|big|large) (text|writing|font|print|letters|type)( size)?|"
    rf"(the |your |this |that )?{_TEXT} (is |are |'s )?(too |very |so |really |a bit )+"
    r"(small|tiny|faint|hard to (read|see))|"
    r"(the |your )?(text|writing|font|print|letters) (is |are |'s )?(small|tiny|faint)|"
    rf"(can'?t|cannot|can not|struggling to|struggle to|hard to|difficult to) (read|see) "
    rf"(the |your |this |that )?{_TEXT}( properly| very well| well| at all)?|"
    r"(i )?(can|could) (hardly|barely) (read|see)( (it|this|that|the (text|writing|screen)))?|"
    r"(can|could|how (do|can) i) (you |i )?(zoom|enlarge|magnify)( in| it| this| the text)?|"
    r"font size|text size|zoom in)\b"
)
# "I use a screen reader", "I'm partially sighted", "my eyesight's not good", "I'm blind"
SIGHT = re.compile(
    r"\b((i |we )?(use|using|rely on|have|'ve got|'m on|am on|with) (a |my )?screen ?reader|"
    r"screen ?readers?|jaws|nvda|voiceover|talkback|"
    r"(i'?m|i am|im) (partially sighted|partially blind|visually impaired|sight impaired|"
    r"registered blind|blind|losing my (sight|eyesight)|colou?r ?blind)|"
    r"(my |poor |bad |failing |low )(eye)?sight|low vision|sight loss|macular|"
    r"(i'?ve|i have|ive|i) got (poor |bad |failing |low )?(eye)?sight|"
    r"(i'?m|i am|im) (deaf|hard of hearing|registered disabled|disabled|dyspraxic|autistic))\b"
)
# "keep it short", "shorter messages please", "too much to read"
KEEP_SHORT = re.compile(
    r"\b(keep (it|them|things|your (messages|replies|questions|answers)|the (messages|"
    r"questions|replies)|this) (short|brief|simple|snappy)|"
    r"(short|shorter|brief|briefer|simple|simpler) (messages|questions|replies|sentences)|"
    r"too much (text|to read|writing|reading)|less (text|writing|to read))\b"
)
# "I'm 78", "I've got arthritis in my hands", "I type slowly", "bear with me"
_CONDITION = (
    r"(arthritis|ms|multiple sclerosis|parkinson'?s|a stroke|had a stroke|a tremor|tremors|"
    r"cancer|diabetes|rsi|a disability|disabilities|long covid|dementia|mnd|cerebral palsy|"
    r"dyspraxia|adhd|autism|a bad back|a broken (arm|wrist|hand)|carpal tunnel|"
    r"cataracts?|glaucoma|a heart condition|copd|ptsd|anxiety|depression|fibromyalgia|"
    r"chronic fatigue|me|a brain injury|epilepsy|a learning disability)"
)
CIRCUMSTANCES = re.compile(
    r"\b((i'?m|i am|im) (\d{2}|nearly \d{2}|over \d{2}|(in my|my) (sixties|seventies|eighties|"
    r"nineties|60s|70s|80s|90s)|(a )?pensioner|(an )?oap|elderly|(getting )?old|not (so |as )?"
    r"young( anymore| any more)?|not well|unwell|poorly|recovering from \w+( \w+)?)"
    r"( years old| years of age)?|"
    rf"((i'?ve|i have|ive|i) (got|had)|i have|i suffer (from|with)|i live with|suffering with|"
    rf"diagnosed with|i'?m (being )?treated for) {_CONDITION}( in my \w+)?|"
    r"(i |so i )?(type|typing|write|writing|read|reading) (really |very |quite |a bit )?"
    r"(slowly|slow|with one (hand|finger))|"
    r"(typing|reading|writing) (is|'s|can be|gets) (really |very |quite |a bit )?(slow|hard|"
    r"difficult|a struggle|tricky)|(bear|be patient) with me|not as (quick|fast|sharp|young) as "
    r"i (was|used to be)( (on|with|at) (these|this|computers?|phones?)( things)?)?|"
    r"(my )?(hands|eyes|memory|fingers) (are|is|aren'?t|isn'?t) "
    r"(not )?(great|good|what (they|it) (were|was)|the best|shaky|bad))\b"
)
# Words that go with the remark and add nothing ("just so you know", "please", "so")
FILLER = re.compile(
    r"\b(just|so|you|know|fyi|by the way|btw|and|but|also|please|pls|thanks|thank you|ta|"
    r"sorry|i|i'?m|am|im|a bit|a little|very|really|quite|hi|hello|ok|okay|oh|well|"
    r"to let you know|i should say|i should mention|i must say|i'?m afraid|first|"
    r"before we start|before i start|in my (hands|fingers|eyes|wrists?)|now|these days|"
    r"nowadays|anymore|any more|can|could|you|u|the|it|this|is|are|for|me|my|if|that'?s|"
    r"which|why|will|would|be|going|gonna|to|work|with|ok with|alright|fine|does|do|"
    r"might|take|time|a while|longer|some|here|there|on|of|as|because|cos|cause|hardly|"
    r"read|see|it'?s|its|what|how|get|use|using|one|yes|no|if possible|possible|all|help|"
    r"helps|need|needs|isn'?t|aren'?t|not|great|good|the best|poor|bad|failing|slow|"
    r"slowly|last (year|month|week)|recently|ago|since|x+)\b"
)


def _remark_only(pattern: re.Pattern[str], text: Any) -> bool:
    """The message holds `pattern` and nothing else but the filler words."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    if not norm or not pattern.search(norm):
        return False
    rest = CIRCUMSTANCES.sub(" ", KEEP_SHORT.sub(" ", SIGHT.sub(" ", BIGGER_TEXT.sub(" ", norm))))
    return not FILLER.sub(" ", rest).split()


def wants_bigger_text(text: Any) -> bool:
    """The whole message asks for bigger text or says it is hard to read."""
    return _remark_only(BIGGER_TEXT, text)


def says_access_need(text: Any) -> bool:
    """The whole message says how the writer reads or what suits them (a screen reader,
    partial sight, "keep it short")."""
    return _remark_only(SIGHT, text) or _remark_only(KEEP_SHORT, text)


def mentions_circumstances(text: Any) -> bool:
    """The whole message says the writer's age or a health condition, in passing."""
    return _remark_only(CIRCUMSTANCES, text)


def access_reply(text: Any) -> str | None:
    """The message key that answers the remark, or None when the message is something else
    (a view with any of these in it included)."""
    if wants_bigger_text(text):
        return "bigger_text"
    if says_access_need(text):
        return "access_noted"
    return "take_your_time" if mentions_circumstances(text) else None
