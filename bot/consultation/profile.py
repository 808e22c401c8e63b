"""Profile answers as people type them: "we're about 30" is the Small band, "its called
Wendover Web ltd" is the name "Wendover Web ltd", "I'm the owner" is "owner".

Staff filter and count by size band, so a typed head count is placed in the band the
buttons offer; anything not understood is kept as typed. No Rasa imports.
"""

from __future__ import annotations

import difflib
import re

from bot.consultation.questions import size_bands
from bot.consultation.replies import about_the_consultation, looks_like_question

# Upper bounds of the bands in seeds/questions.yml `size_bands`, in order (the last open).
BAND_LIMITS = (9, 49, 249)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "a dozen": 12,
    "a couple": 2,
    "a few": 3,
    "a handful": 5,
}
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = re.compile(rf"\d[\d,]*|\b({_WORDS})\b")
JUST_ME = re.compile(
    r"\b(just (me|myself|us two)|only me|me alone|myself|sole trader|one[- ]man band|"
    r"self[- ]employed|freelance(r)?|on my own)\b"
)
# "me and 3 others", "me plus two": the speaker counts too
ME_AND = re.compile(
    r"\b(me|myself|i) (and|plus|\+) (\S+)( \S+)? (others|more|staff|people|employees)\b"
)
FEWER = re.compile(r"\b(under|less than|fewer than|below|not quite)\s+$")
BAND_WORDS = {"micro": 0, "small": 1, "medium": 2, "large": 3}
BAND_SAID = re.compile(
    r"(?:an? )?(micro|small|medium|large)( sized?| size)?( business| firm| company| one)?"
)


def _numbers(text: str) -> list[int]:
    found = []
    for match in _NUMBER.finditer(text):
        token = match.group(0)
        value = NUMBER_WORDS[token] if token in NUMBER_WORDS else int(token.replace(",", ""))
        if FEWER.search(text[: match.start()]):
            value -= 1
        found.append(value)
    return found


# "60 not 6", "60 rather than 6": the number after the negation is the one withdrawn
_NUMBER_PATTERN = rf"(\d[\d,]*|{_WORDS})"
NEGATED = re.compile(
    rf"\b(not|rather than|instead of|as opposed to)\s+(about |around )?{_NUMBER_PATTERN}\b"
)


def _band_of(count: int) -> int:
    return next((i for i, limit in enumerate(BAND_LIMITS) if count <= limit), len(BAND_LIMITS))


# "5 paid staff and about 40 volunteers": volunteers and trustees are not staff
UNPAID = re.compile(
    rf"\b((about|around|roughly|over|some|nearly|almost)\s+)?{_NUMBER_PATTERN}\+?\s+"
    r"(\w+\s+)?(volunteers?|trustees?|helpers)\b"
)


# "a couple of hundred", "two hundred", "3 hundred": one count, not a "couple" and a
# "hundred" in two bands (the ninth set). "a few hundred" spans two bands: kept as typed.
HUNDREDS = re.compile(
    r"\b(?P<n>a couple( of)?|couple of|\d+|two|three|four|five|six|seven|eight|nine)\s+"
    r"hundreds?\b"
)
HUNDREDS_OF = {"a couple": 2, "a couple of": 2, "couple of": 2}


def _hundreds(match: re.Match[str]) -> str:
    n = match.group("n")
    return str(100 * (HUNDREDS_OF.get(n) or NUMBER_WORDS.get(n) or int(n)))


def size_band_for(text: str) -> str | None:
    """The size band a typed answer names, or None when it is unclear.

    "about 12" -> Small; "me and 3 others" -> Micro; "250+" -> Large; "micro" -> Micro;
    "10-15" -> Small; "40-60" (two bands) -> None; "5 staff and 40 volunteers" -> Micro.
    """
    bands = size_bands()
    norm = " ".join(text.lower().replace("–", "-").split())
    norm = " ".join(UNPAID.sub(" ", NEGATED.sub(" ", HUNDREDS.sub(_hundreds, norm))).split())
    if norm in {b.lower() for b in bands}:
        return next(b for b in bands if b.lower() == norm)
    named = BAND_SAID.fullmatch(norm)
    if named:  # "micro", "small business"; not "small team of 12" (the count decides)
        return bands[BAND_WORDS[named.group(1)]]
    if JUST_ME.search(norm):
        return bands[0]
    me_and = ME_AND.search(norm)
    if me_and:
        others = _numbers(me_and.group(3))
        return bands[_band_of(others[0] + 1)] if others else None
    counts = [n for n in _numbers(norm) if n > 0]
    if not counts:
        return None
    found = {_band_of(n) for n in counts}
    return bands[found.pop()] if len(found) == 1 else None


# "actually we're 60 staff not 6", "sorry, I meant 25 people": the head count given
# earlier, corrected while a later profile question is pending
CORRECTION_CUE = re.compile(
    r"^\W*(actually|sorry|oops|whoops|correction|wait|no|my mistake|my bad|typo|i meant|"
    r"should have said|should'?ve said)\b|\b(not|rather than|instead of)\s+\d|\bi meant\b",
    re.IGNORECASE,
)
HEADCOUNT_WORDS = re.compile(
    r"\b(staff|people|employees|workers|heads?|headcount|head count|of us|strong|fte|team of|"
    r"employ|work for (us|me))\b",
    re.IGNORECASE,
)


def head_count_given(text: str) -> str | None:
    """The size band of a head count given with another answer ("bespoke joinery,
    there's 14 of us" at the sector question), or None when it gives none ("Unit 14",
    "A41 Services")."""
    return size_band_for(text) if HEADCOUNT_WORDS.search(text) else None


# Short profile answers NLU took for an FAQ question ("Penn Street Joinery"): a question
# only when it asks one or names what the FAQ answers about
FAQ_TOPIC = re.compile(
    r"\b(data|privacy|gdpr|contact|phone|email|human|person|someone|next steps?|involved|"
    r"help|what|why|how|who|which|when|where)\b",
    re.IGNORECASE,
)


def plain_profile_answer(text: str) -> bool:
    """A name or a place, not a question to answer ("Penn Street Joinery", "Lane End"),
    whatever NLU read it as; "privacy?" and "what's the Arc" are questions."""
    return not (looks_like_question(text) or about_the_consultation(text) or FAQ_TOPIC.search(text))


def corrected_size_band(text: str) -> str | None:
    """The size band a message corrects the head count to ("actually we're 60 staff not
    6" -> Medium), or None when it is not a head-count correction (a town, a role)."""
    if not CORRECTION_CUE.search(text) or not HEADCOUNT_WORDS.search(text):
        return None
    return size_band_for(text)


# "actually put us down as an engineering consultancy", "our sector should be retail",
# "we're more of a consultancy these days" (the eighth set): the sector given earlier,
# corrected while a later profile question is pending. Only these explicit forms: "we're
# a bit further out" at the location question is a place.
SECTOR_CHANGE = re.compile(
    r"\b(put (us|me) down as|(list|class|count) (us|me) as|change (the |our |my )?"
    r"(sector|trade|business type) to|(our |the |my )?(sector|trade|line of business|industry)"
    r" (is|should be|should say|should read)|(we'?re|we are) (really |more |mainly |"
    r"mostly |actually )+(of )?)\s*(an? )?(?P<sector>[a-z][a-z /&'-]*?)\s*([,.;!]|\bnow\b|"
    r"\bthese days\b|\bnot\b|\brather\b|\bthan\b|$)",
    re.IGNORECASE,
)


def corrected_sector(text: str) -> str | None:
    """The sector a message corrects the earlier one to ("actually put us down as an
    engineering consultancy, we stopped making things" -> "engineering consultancy"), or
    None when it is not a sector correction (a town, a role, a head count)."""
    if not CORRECTION_CUE.search(text):
        return None
    match = SECTOR_CHANGE.search(text)
    return match.group("sector").strip() if match else None


# "sorry it's Chiltern Cycles, with an s", "typo, should be Hale Leys Print": the name
# given just before, corrected at the next question (the ninth set kept the typo)
NAME_CORRECTION = re.compile(
    r"^\W*((sorry|oops|whoops|soz|actually|correction|typo|my bad|wait|no)\W+)+"
    r"((it'?s|its|it is|the name is|name is|that should (be|say|read)|should (be|say|read)|"
    r"should have (been|said)|i meant)\s+)?(?P<name>[^,.;!]+?)\s*"
    r"([,.;!(-].*|\s+(not|with|without|no)\b.*)?$",
    re.IGNORECASE,
)
NAME_LIKENESS = 0.75


def corrected_name(text: str, name: str | None) -> str | None:
    """The organisation's name as corrected ("sorry it's Chiltern Cycles, with an s" ->
    "Chiltern Cycles" after "Chiltern Cycle"), or None: only a name close to the one given
    counts, so "sorry, we're a bike shop" is the sector."""
    match = NAME_CORRECTION.match(text.strip())
    if not match or not name:
        return None
    fixed = match.group("name").strip()
    if fixed.lower() == name.lower():
        return None
    likeness = difflib.SequenceMatcher(None, fixed.lower(), name.lower()).ratio()
    return fixed if likeness >= NAME_LIKENESS else None


# Lead-ins people type before the answer itself, per profile question.
LEAD_INS = {
    # only with "called" or "the company is": "Its Fine Ltd" and "We Are Digital" are names
    "organisation": re.compile(
        r"^((it'?s|its|it is|we'?re|we are|this is)\s+(called|named)\s+|"
        r"(the|our|my)\s+(company|business|firm|organisation)('?s)?(\s+name)?(\s+is)?\s+"
        r"((called|named)\s+)?|((the|company|business)\s+)?name\s+is\s+|(the\s+)?name's\s+)(?=\S)",
        re.IGNORECASE,
    ),
    "sector": re.compile(r"^((we'?re|we are|i'?m|i am|it'?s|its)\s+(a|an|in)\s+)", re.IGNORECASE),
    "location": re.compile(
        r"^((we'?re|we are|i'?m|i am|it'?s|its|our (office|site|unit|base|shop) is)\s+)?"
        r"((based|located|situated)\s+)?(in|at)\s+(?=\S)",
        re.IGNORECASE,
    ),
    # "Dave, I'm the owner": a first name before it is not part of the role (the ninth set)
    "role": re.compile(
        r"^(((hi|hello)[,.!]?\s+)?((it'?s|its|this is)\s+)?"
        r"(?!(owner|director|manager|md|ceo|founder|partner|boss|head|chair|admin|hr)\b)"
        r"[a-z]+(\s+here)?[,.!-]+\s*)?"
        r"((i'?m|i am|im)\s+((the|a|an|one of the)\s+)?)(?=\S)",
        re.IGNORECASE,
    ),
}


def strip_lead_in(slot: str, text: str) -> str:
    """The answer without "it's called", "we're based in", "I'm the": "its called
    Wendover Web ltd" -> "Wendover Web ltd". A lead-in alone is kept as typed."""
    pattern = LEAD_INS.get(slot)
    if pattern is None:
        return text
    stripped = pattern.sub("", text.strip(), count=1).strip()
    return stripped or text.strip()


# An X handle in a DM ("@btvlep Hale Leys Print"): the account written to, never the answer.
# Not inside an address ("bob@hale.co.uk"): the @ must start a word.
MENTION = re.compile(r"(?<![\w.])@\w{1,15}\b[:,]?")


def tidy_profile_answer(slot: str, text: str) -> str:
    """A profile answer as staff want to read it: @handles and the lead-in dropped, a head
    count placed in its size band, the firm's line of a pasted signature, the town without
    a remark. Empty when nothing is left ("@btvlep" alone): the question is asked again."""
    if MENTION.search(text):
        text = re.sub(r"[ \t]{2,}", " ", MENTION.sub(" ", text)).strip()
        if not text:
            return ""
    text = strip_lead_in(slot, text)
    if slot == "size_band":
        return size_band_for(text) or text
    if slot == "organisation":
        return organisation_in_signature(text) or text
    if slot == "location":
        found = place_and_remark(text)
        return found[0] if found else text
    return text


# "Aylesbury, where the parking is a joke" at the location question (the tenth set: NLU
# took "where" for a question and the next answer became the location): the town, then a
# remark about it that is no part of the location
PLACE_THEN_REMARK = re.compile(
    r"^(?P<place>[a-z][a-z'.&-]*( [a-z][a-z'.&-]*){0,3})\s*[,;:–—-]\s*"
    r"(?P<remark>(where|which|but|though|although|sadly|unfortunately|and (the|it|its|it'?s|"
    r"there'?s|parking|traffic)|it'?s|its|there'?s)\b[^?]*)$",
    re.IGNORECASE,
)


def place_and_remark(text: str) -> tuple[str, str] | None:
    """(town, remark) for "Aylesbury, where the parking is a joke"; None for a place
    alone or a question ("Aylesbury, where's that?" ends with a question mark)."""
    match = PLACE_THEN_REMARK.match(text.strip())
    if not match or len(match.group("remark").split()) < 3:
        return None
    return match.group("place").strip(), match.group("remark").strip()


# An email signature pasted as the name (the tenth set: "Sarah Jones / Operations Manager
# / Amersham Print Ltd / T: 01494 ..." on four lines): the one line with a company ending
COMPANY_ENDING = re.compile(
    r"\b(ltd|limited|llp|plc|cic|inc|llc|& co|and co|group|partnership|associates|trust)\.?$",
    re.IGNORECASE,
)
CONTACT_LINE = re.compile(
    r"@|https?://|www\.|^(t|m|tel|mob|mobile|phone|e|email|w|web)\s*[:.]|(\d[\s-]?){6,}",
    re.IGNORECASE,
)


def organisation_in_signature(text: str) -> str | None:
    """The firm's line of a pasted signature of two or more lines, or None when no single
    line ends like a company's name."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    named = [
        line for line in lines if COMPANY_ENDING.search(line) and not CONTACT_LINE.search(line)
    ]
    return named[0] if len(lines) >= 2 and len(named) == 1 else None


# "Hale Leys Print, we're a commercial printers" asked the name: the name, then the trade
NAME_THEN_TRADE = re.compile(
    r"^(?P<name>[^,;]+?)\s*[,;]\s*(we'?re|we are|we do|we make|we run|we sell|we provide)\s+"
    r"((an?|the)\s+)?(?P<trade>\S.*)$",
    re.IGNORECASE,
)


def name_and_trade(text: str) -> tuple[str, str | None]:
    """The organisation's name and, when the answer goes on to say what it does, the
    sector: "Hale Leys Print, we're a commercial printers" -> ("Hale Leys Print",
    "commercial printers"); "Its Fine Ltd" -> ("Its Fine Ltd", None)."""
    match = NAME_THEN_TRADE.match(text.strip())
    if not match:
        return text, None
    return match.group("name").strip(), match.group("trade").strip().rstrip(".!")


# "a craft brewery, 12 of us in Wendover" after the name (the eighth set): the head count
# and the place said after the trade, each kept where it belongs
PLACE_AFTER = re.compile(
    r"(^|\s)((we'?re |we are |i'?m |i am )?(based |located )?(in|at|near|out of))\s+"
    r"(?P<place>[A-Za-z][\w'-]*( [A-Za-z][\w'-]*){0,3})\s*[.!]?$",
    re.IGNORECASE,
)


def trade_details(trade: str) -> tuple[str, str | None, str | None]:
    """The sector, size band and place of a trade that goes on after a comma: "craft
    brewery, 12 of us in Wendover" -> ("craft brewery", Small, "Wendover"); "commercial
    printers" -> ("commercial printers", None, None). The first part is the sector."""
    first, *rest = [p.strip() for p in re.split(r"[,;]", trade) if p.strip()] or [trade]
    band = place = None
    kept = [first]
    for part in rest:
        found_band = head_count_given(part)
        found_place = PLACE_AFTER.search(part)
        # "12 of us in Wendover" or a part that is only the place ("based in Wendover");
        # not "we work in oak"
        if found_place and not (found_band or found_place.start() == 0):
            found_place = None
        place = found_place.group("place").strip() if found_place else place
        band = band or found_band
        if not (found_band or found_place):
            kept.append(part)  # "bakery, cafe and deli": still the trade
    return ", ".join(kept), band, place


# "I'm the practice manager, there's 22 of us" asked the head count: the role too
ROLE_SAID = re.compile(
    r"(^|[,;.]\s*|\band\s+)(i'?m|i am|im)\s+(the|a|an|one of the)\s+(?P<role>[a-z][a-z /&-]*?)"
    r"\s*([,;.]|\band\b|\bthere'?s\b|\bwe\b|$)",
    re.IGNORECASE,
)


def role_given(text: str) -> str | None:
    """The role a profile answer gives in passing ("I'm the practice manager, there's 22
    of us" -> "practice manager"), or None ("I'm a sole trader" is a size, not a role)."""
    match = ROLE_SAID.search(text)
    if not match:
        return None
    role = match.group("role").strip()
    if not role or JUST_ME.search(role.lower()) or _NUMBER.search(role.lower()):
        return None
    return role
