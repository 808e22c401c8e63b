"""Profile answers as people type them: "its called Wendover Web ltd" is the name
"Wendover Web ltd", "I'm the owner" is "owner", "we're about 30" the Small band (head
counts: `head_count.py`, re-exported here for callers; towns: `profile_places.py`).

Staff filter and count by size band, so a typed head count is placed in the band the
buttons offer; anything not understood is kept as typed. No Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.bucks_site import known_place
from bot.consultation.head_count import JUST_ME, NUMBER
from bot.consultation.head_count import size_band_for as size_band_for
from bot.consultation.profile_places import only_where_words, place_and_remark, place_in_sentence
from bot.consultation.profile_sentences import name_in_sentence, sector_in_sentence
from bot.consultation.profile_sentences import (
    organisation_in_signature as organisation_in_signature,
)
from bot.consultation.recount import CORRECTION_CUE
from bot.consultation.recount import corrected_size_band as corrected_size_band
from bot.consultation.recount import head_count_given as head_count_given
from bot.consultation.replies import (
    about_the_consultation,
    asked_topic,
    asks_how_long,
    lead_in_only,
    looks_like_question,
)
from bot.consultation.replies.text import sentences
from bot.consultation.x_style import handles_spelled_out, without_addressees

# Short profile answers NLU took for an FAQ question ("Penn Street Joinery"): a question
# only when it asks one or names what the FAQ answers about
FAQ_TOPIC = re.compile(
    r"\b(data|privacy|gdpr|contact|phone|email|human|person|someone|next steps?|involved|"
    r"help|what|why|how|who|which|when|where)\b",
    re.IGNORECASE,
)


# A name in title case, two words or more ("Help at Hand Telecare", "Human Touch Salon"): a
# name even when a word of it is an FAQ topic (set DI's telecare firm was told what the bot
# does, and every later answer landed one question late)
TITLED_NAME = re.compile(
    r"^[A-Z0-9][\w'&.-]*(?:\s+(?:(?:at|and|of|the|in|on|for|by|&)\s+)*[A-Z0-9][\w'&.-]*)+$"
)


def plain_profile_answer(text: str) -> bool:
    """A name or a place, not a question to answer ("Penn Street Joinery", "Lane End"),
    whatever NLU read it as; "privacy?" and "what's the Arc" are questions."""
    if looks_like_question(text) or about_the_consultation(text):
        return False
    return (
        not FAQ_TOPIC.search(text)
        or TITLED_NAME.match(without_addressees(text).strip()) is not None
    )


# "Aylesbury. what actually happens with all this after?" (set AO answered the question and
# asked for the town again): a short answer, then a question about the consultation
ANSWER_THEN_QUESTION = re.compile(r"^\s*([^.,;:!?\n]+)[.,;:!\n-]+\s*([^?]*\?)\s*$")
ANSWER_BEFORE_QUESTION_MAX_WORDS = 5


def answer_then_question(text: str) -> str | None:
    """The profile answer that opens a message ending in a question of its own, or None."""
    match = ANSWER_THEN_QUESTION.match(without_addressees(text))
    if match is None:
        return None
    first = match.group(1).strip()
    words = len(first.split())
    if not 0 < words <= ANSWER_BEFORE_QUESTION_MAX_WORDS or not plain_profile_answer(first):
        return None
    if lead_in_only(first):
        return None  # "Quick one first: who ...?", "Before I answer: ...?" (set EP filed the name)
    asked = match.group(2)
    return (
        first
        if asked_topic(asked) or about_the_consultation(asked) or asks_how_long(asked)
        else None
    )


# "actually put us down as an engineering consultancy", "our sector should be retail",
# "we're more of a consultancy these days" (the eighth set): the sector given earlier,
# corrected while a later profile question is pending. Only these explicit forms: "we're
# a bit further out" at the location question is a place.
SECTOR_CHANGE = re.compile(
    # "sorry, for sector put bus telematics software" (set CQ filed it as the head count)
    r"\b(for (the |our |my )?(sector|trade|line of business|industry),? (put|say|write|use|"
    r"it'?s|its)|"
    r"put (us|me) down as|(list|class|count) (us|me) as|(change|update|switch|alter|amend) "
    r"(the |our |my )?(sector|trade|business type|line of business) to|"
    r"(our |the |my )?(sector|trade|line of business|industry)"
    r" (is|should be|should say|should read)|(we'?re|we are) (really |more |mainly |"
    r"mostly |actually )+(of )?)\s*(an? )?(?P<sector>[a-z][a-z /&'-]*?)\s*([,.;!?]|\bnow\b|"
    r"\bthese days\b|\bnot\b|\brather\b|\bthan\b|\bplease\b|\bpls\b|\bthanks\b|$)",
    re.IGNORECASE,
)


# Asking for the change is cue enough: "co-owner. and can you change the sector to
# roastery and cafe" (set AG kept it all as the role)
ASKED_CHANGE = re.compile(
    r"\b((change|update|switch|alter|amend) (the |our |my )?(sector|trade|business type|"
    r"line of business) to|put (us|me) down as|for (the |our |my )?(sector|trade),? put)\b",
    re.IGNORECASE,
)


def corrected_sector(text: str) -> str | None:
    """The sector a message corrects the earlier one to ("actually put us down as an
    engineering consultancy, we stopped making things" -> "engineering consultancy"), or
    None when it is not a sector correction (a town, a role, a head count)."""
    if not (CORRECTION_CUE.search(text) or ASKED_CHANGE.search(text)):
        return None
    match = SECTOR_CHANGE.search(text)
    if match is None or known_place(match.group("sector")):
        # "Actually, put us down as Aylesbury, that's our main surgery." at the role question
        # (set CQ changed the sector to Aylesbury): a place, for `corrected_location`
        return None
    return match.group("sector").strip()


def asks_sector_change(text: str) -> bool:
    """The message asks for the sector to be changed to a named one ("can you change our
    sector to warehousing and distribution?"), however it opens."""
    return ASKED_CHANGE.search(text) is not None and corrected_sector(text) is not None


ANSWER_BEFORE_MAX_WORDS = 5


def answer_before_change(text: str) -> str | None:
    """The short answer given before an asked-for change in the same message ("co-owner"
    in "co-owner. and can you change the sector to ..."), or None when there is none."""
    match = ASKED_CHANGE.search(text)
    if not match:
        return None
    head = re.sub(r"(?i)\b((can|could|would) (you|u)|please|pls)\s*$", "", text[: match.start()])
    head = re.sub(r"(?i)\b(and|also|oh|but|plus)[\s,]*$", "", head.strip()).strip(" ,.;:!-")
    words = head.split()
    return head if 0 < len(words) <= ANSWER_BEFORE_MAX_WORDS else None


# Lead-ins people type before the answer itself, per profile question.
LEAD_INS = {
    # only with "called" or "the company is": "Its Fine Ltd" and "We Are Digital" are names;
    # "it's" with its apostrophe before a capital ("It's Tilly's Tea Room", the fifteenth set)
    "organisation": re.compile(
        r"^((it'?s|its|it is|we'?re|we are|this is)\s+(called|named)\s+|"
        r"(?-i:(it|It|IT)['’](s|S)\s+(?=[A-Z0-9@#]))|"
        # "We're Hambleden Valley Honey" (set AC): a capital after it is the name; "We Are
        # Digital" without the apostrophe is a name itself
        r"(?-i:(we|We|WE)['’](re|RE)\s+(?=[A-Z0-9@#]))|"
        r"(the|our|my)\s+(company|business|firm|organisation)('?s)?(\s+name)?(\s+is)?\s+"
        r"((called|named)\s+)?|((the|company|business)\s+)?name\s+is\s+|(the\s+)?name's\s+|"
        # "It's his firm, Hollins & Son Memorials" (set AP: answering for a parent)
        r"(it'?s|its|it is)\s+(his|her|their|my|our)\s+(\w+'s\s+)?(company|business|firm|shop|"
        r"practice)\s*[,:;.–—-]+\s*(it'?s\s+|called\s+)?)(?=\S)",
        re.IGNORECASE,
    ),
    # "we are bakery, polish bread and cake": the article left out in a second language
    "sector": re.compile(
        r"^((we'?re|we are|i'?m|i am|it'?s|its)\s+(a|an|in)\s+|"
        r"(we'?re|we are|i'?m|i am)\s+(?!not\b|just\b|only\b|a\b|an\b|in\b)(?=\S))",
        re.IGNORECASE,
    ),
    "location": re.compile(
        r"^((we'?re|we are|i'?m|i am|it'?s|its|our (office|site|unit|base|shop) is)\s+)?"
        r"((based|located|situated)\s+)?(in|at)\s+(?=\S)|"
        # "we've got two sites, Aylesbury and Milton Keynes" (the thirteenth set)
        r"^((we'?ve got|we have|we'?re on|there are|we'?re across|across|we (operate|work|trade)"
        r" (from|across|out of|on)|we run)\s+)?(two|2|three|3|"
        r"a couple of|several) (sites|offices|branches|shops|units|premises|locations|bases)"
        r"\s*([,:;-]+\s*|\s+)((in|at)\s+)?(?=\S)",
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


# "Certainly. We're ...", "Of course - it's ...": a courtesy before any profile answer, set
# off by punctuation ("Sure Start Nursery" is a name)
COURTESY = re.compile(
    r"^(certainly|of course|sure|happily|gladly|absolutely|no problem|yes|yeah|ok|okay)"
    r"\s*[.,!:;–—-]+\s*(?=\S)",
    re.IGNORECASE,
)


# "Marisa Quayle, head of workroom", "Dr Anjali Rao, co-founder and CEO", "Tomasz here,
# studio director" (set BR filed the name in the role): the person's name before the role,
# when the name holds no word of a role and what follows does
PERSON_FIRST = re.compile(
    r"^(?-i:(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})"
    # the name ends at a comma, a colon or a spaced dash ("Co-founder" is no name)
    r"(?:\s+here)?(?:\s*[,:]|\s+[\u2013\u2014-])\s*(?=[a-z])"
)
ROLE_WORD = re.compile(
    r"\b(owner|director|manager|md|ceo|cto|cfo|coo|founder|co-?founder|partner|head|chair|"
    r"chairman|chairwoman|lead|officer|coordinator|administrator|boss|proprietor|principal|"
    r"secretary|clerk|engineer|consultant|president|trustee|supervisor|executive|treasurer)\b",
    re.IGNORECASE,
)


def strip_lead_in(slot: str, text: str) -> str:
    """The answer without a courtesy or "it's called", "we're based in", "I'm the": "its
    called Wendover Web ltd" -> "Wendover Web ltd". A lead-in alone is kept as typed."""
    pattern = LEAD_INS.get(slot)
    if pattern is None:
        return text
    text = COURTESY.sub("", text.strip(), count=1)
    stripped = pattern.sub("", text.strip(), count=1).strip()
    if slot == "role" and (person := PERSON_FIRST.match(stripped)):
        name, role = stripped[: person.end()], stripped[person.end() :]
        if ROLE_WORD.search(role) and not ROLE_WORD.search(name):
            stripped = role.strip()
    return stripped or text.strip()


# the full stop that ends a one-sentence answer, not one inside it ("St. Albans Rd.") or
# after an initial ("J.")
SENTENCE_STOP = re.compile(r"^[^.]*[^.\s]{2}\.$")


def tidy_profile_answer(slot: str, text: str) -> str:
    """A profile answer as staff want to read it: the handles written to dropped and any
    other handle or hashtag spelled out ("it's @WycombeVanHire", "#HighWycombe"), the
    lead-in dropped, a head count placed in its size band, the firm's line of a pasted
    signature, the town without a remark. Empty when nothing is left ("@btvlep" alone):
    the question is asked again."""
    text = handles_spelled_out(strip_lead_in(slot, without_addressees(text)))
    if SENTENCE_STOP.search(text):  # "The business is called Goldleaf & Brush." (set AR)
        text = text[:-1].rstrip()
    if not text:
        return ""
    if slot == "size_band":
        return size_band_for(text) or text
    if slot == "organisation":  # "The hotel is Farthings Court." (set EU)
        return organisation_in_signature(text) or name_in_sentence(text) or text
    if slot == "sector":  # "Our sector is commercial property surveying." (set EU)
        return sector_in_sentence(text) or text
    if slot == "location":
        found = place_and_remark(text)
        if found:
            return found[0]
        said = without_addressees(text)
        if (place := place_in_sentence(said)) and place != said and only_where_words(said, place):
            return place
        return text
    return text


# "Hale Leys Print, we're a commercial printers" asked the name: the name, then the trade
NAME_THEN_TRADE = re.compile(
    r"^(?P<name>[^,;]+?)\s*[,;]\s*(we'?re|we are|we do|we make|we run|we sell|we provide)\s+"
    r"((an?|the)\s+)?(?P<trade>\S.*)$",
    re.IGNORECASE,
)
# "Riverside Pages, independent bookshop" (set EJ asked the trade again): a name, then a
# trade in lower case of a few words; not a town, a company suffix or a remark
NAME_THEN_PLAIN_TRADE = re.compile(
    r"^(?P<name>[A-Z0-9][^,;.!?]{1,60}?)\s*,\s*(?P<trade>(?!(?:ltd|limited|llp|plc|inc|cic|"
    r"though|but|well|although|which|so|and|or|if|when|sorry|thanks|based|in|near|just)\b)"
    r"[a-z][a-z&' -]{2,50}?)(?<!concern)(?<!business)(?<!firm)(?<!company)(?<!outfit)"
    r"(?<!operation)(?<!affair)\s*[.!]?$"
)


# Said without a comma, as voice-to-text writes it ("its marlow mill joinery we do bespoke
# kitchens", the thirteenth set): only "we do / make / run / sell / provide" part them,
# and the "its" before the name goes
SPOKEN_NAME_THEN_TRADE = re.compile(
    r"^((it'?s|its|it is|this is)\s+)?(?!(we|i|i'?m|our|my|us|and)\b)"
    r"(?P<name>\S+(\s+\S+){0,5}?)\s+(we do|we make|we run|we sell|we provide)\s+(?P<trade>\S.*)$",
    re.IGNORECASE,
)
# "I don't have a company name, I'm a freelance photographer": no name, then the trade
NO_NAME_THEN_TRADE = re.compile(
    r"^((i|we) (don'?t|do not|dont) (have|use|trade under) (an?|any) (company |business |"
    r"trading )?name( as such| really)?|(there'?s |there is )?no (company |business )?name"
    r"( as such| really| yet)?)"
    r"\W+((i'?m|i am|im|we'?re|we are|just)\s+)+(an?\s+)?(?P<trade>\S.*)$",
    re.IGNORECASE,
)


def name_and_trade(text: str) -> tuple[str, str | None]:
    """The organisation's name and, when the answer goes on to say what it does, the
    sector: "Hale Leys Print, we're a commercial printers" -> ("Hale Leys Print",
    "commercial printers"); "Its Fine Ltd" -> ("Its Fine Ltd", None); no name said ("I
    don't have a company name, I'm a freelance photographer") -> ("", the trade)."""
    text = text.strip()
    unnamed = NO_NAME_THEN_TRADE.match(text)
    if unnamed:
        return "", unnamed.group("trade").strip().rstrip(".!")
    match = (
        NAME_THEN_TRADE.match(text)
        or SPOKEN_NAME_THEN_TRADE.match(text)
        or NAME_THEN_PLAIN_TRADE.match(without_addressees(text))
    )
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
    only_place = PLACE_AFTER.search(first)
    if only_place and only_place.start() == 0:
        # "Redkite Roastery, we're in Princes Risborough, 23 of us now" (set AR filed "in
        # Princes Risborough" as the sector): a place, no trade
        place, kept = only_place.group("place").strip(), []
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


def trade_alone(answer: str) -> str:
    """The trade in an answer to the sector question that also gives the head count or the
    town after it: "Vending machines, 4 of us" -> "Vending machines" (set BN), "Arable and
    free range eggs. There's 3 of us partners and 2 lads" -> "Arable and free range eggs"
    (set BL); the count and the town are their own questions' answers."""
    parts = (sentence.rstrip(".!") for sentence in sentences(answer))
    return trade_details(", ".join(parts))[0] or answer


# "I'm the practice manager, there's 22 of us" asked the head count: the role too
ROLE_SAID = re.compile(
    r"(^|[,;.]\s*|\band\s+)(i'?m|i am|im)\s+((the|a|an|one of the)\s+"
    # "and I'm head of operations" (set AF): a role with no article before it
    r"|(?=(head|director|owner|founder|co-?founder|md|ceo|coo|cfo|partner|manager|"
    # "High Wycombe. I'm operations lead" (set BL)
    r"[a-z]+ (director|manager|lead|officer|coordinator|administrator))\b))"
    r"(?P<role>[a-z][a-z /&-]*?)"
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
    if not role or JUST_ME.search(role.lower()) or NUMBER.search(role.lower()):
        return None
    return role


def without_role(text: str) -> str:
    """The answer without the role said after it ("Aylesbury, I'm the owner" -> "Aylesbury");
    the answer itself when no role is said, or when the role is all there is."""
    match = ROLE_SAID.search(text)
    if not match or role_given(text) is None:
        return text
    return text[: match.start()].strip(" ,;.&-") or text
