"""Profile replies that are not what they look like: a sign-off after the answer ("Thame
Tiles. Cheers, Dave"), turnover given for the head count ("about £2m turnover"), the
name sent twice on a bad signal, and a name with its story after it ("Marlow Boatworks,
though I sold it in 2022"). Found in the eleventh set of unseen conversations; kept apart
from `profile.py` (at its size limit). No Rasa imports.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.replies.text import DASHED_NAME, without_kisses
from bot.consultation.replies.yes_no import EMOJI_MARKS, NO_EMOJI, YES_EMOJI
from bot.consultation.x_style import without_addressees
from bot.tagging.gazetteer import PLACES

# "cheers, Dave", "thanks - Sue", "Regards, Tom", "ta": a sign-off at the end of a message,
# after punctuation (or alone), so "Cheers Wine Bar" and "no thanks" are left alone
_SIGN_OFF_WORDS = (
    r"cheers|ta|thanks|thank you|thankyou|many thanks|thx|regards|kind regards|"
    r"best( wishes| regards)?|rgds|all the best"
)
SIGN_OFF = re.compile(
    rf"(^|[.,!;:\n]|\s[-–—])\s*({_SIGN_OFF_WORDS})\s*(?P<name>[,.\-–—]?\s*[a-z][a-z'-]*)?[\s.!]*$",
    re.IGNORECASE,
)
# a signed-off name is one short word that is not part of a sentence ("thanks, anyway")
_NOT_A_NAME = frozenset(
    "anyway again though all everyone guys mate mates so much very lot a bye for you "
    "again then now".split()
)


# "tree surgery - Kev", "Proprietor - Pauline" (set BT filed the name in every field): a
# first name after a spaced dash ending the message (`DASHED_NAME`), as the message before it
# ended too ("High Wycombe - Cressex" alone is a town and its estate)
def signed_name(text: Any) -> str | None:
    """The name a message is signed with after a dash ("yes - Kev" -> "kev"), or None."""
    found = DASHED_NAME.search(text) if isinstance(text, str) else None
    return found["name"].lower() if found else None


def without_sign_off(text: Any, named: bool = False, signed_before: Any = None) -> Any:
    """The message without a sign-off at its end ("4. cheers, Dave" -> "4", "the nail lounge
    x" -> "the nail lounge", and "tree surgery - Kev" when `signed_before`, the message
    before, was signed "- Kev" too); unchanged when there is none or nothing would be left.
    `named`: only a sign-off with a name ("yes ok. cheers, Dave", not "ok, thanks", which
    is thanks)."""
    if not isinstance(text, str):
        return text
    unkissed = without_kisses(text).rstrip()
    if not named and unkissed and unkissed != text.rstrip():
        text = unkissed
    dashed = DASHED_NAME.search(text)
    same_name = signed_name(signed_before) == signed_name(text)
    if dashed and text[: dashed.start()].strip() and same_name:
        return text[: dashed.start()].rstrip(" \t\n.,;:")
    found = SIGN_OFF.search(text)
    if not found:
        return text
    name = (found.group("name") or "").strip(" ,.-–—").lower()
    if name in _NOT_A_NAME or (named and not name):
        return text
    kept = text[: found.start()].rstrip(" \t\n.,;:-–—")
    return kept or text


# "about £2m turnover", "1.5 million", "turnover's 800k": money, not people. The size
# question asks for people, so no band is taken from an amount.
MONEY = re.compile(
    r"[£$€]\s*\d|\b\d[\d,.]*\s*(k|m|mn|mil|million|billion|bn|grand)\b|"
    r"\b(turnover|revenue|sales|t/o|profit|income)\b",
    re.IGNORECASE,
)
PEOPLE = re.compile(
    r"\b(staff|people|employees?|workers?|heads?|fte|of us|team|just me|myself|"
    r"sole trader|drivers|engineers|volunteers|"
    # "7 full time and an apprentice, turnover about £900k" (set CA was asked again)
    r"full[- ]?time|part[- ]?time(rs|ers)?|apprentices?|lads|teachers)\b",
    re.IGNORECASE,
)


def turnover_not_head_count(text: Any) -> bool:
    """An amount of money for the head count ("about £2m turnover"), with no people in it
    ("£2m turnover, 18 staff" counts the staff)."""
    return isinstance(text, str) and MONEY.search(text) is not None and not PEOPLE.search(text)


_SCALE = r"(k|m|mn|mil|million|billion|bn|grand)"
AMOUNT = re.compile(
    rf"(about |around |roughly |approx\.? )?[£$€]?\s*\d[\d,.]*\s*{_SCALE}?"
    rf"\s*(turnover|revenue|sales|t/o|profit|income)|[£$€]\s*\d[\d,.]*\s*{_SCALE}?"
    rf"|\b\d[\d,.]*\s*{_SCALE}\b",
    re.IGNORECASE,
)


def without_amounts(text: Any) -> Any:
    """A head count without the money beside it ("£2m turnover, 18 staff" -> "18 staff"),
    so the amount is not counted as people."""
    if not isinstance(text, str) or not MONEY.search(text):
        return text
    kept = AMOUNT.sub(" ", text).strip(" ,;.-")
    return kept or text


# A copy sent within this many seconds of the first went before the bot's next question
# could be read: a double send. One sent later was pasted on purpose, to the new question.
DOUBLE_SEND_SECONDS = 15.0


def sent_at_once(gap_seconds: float | None) -> bool:
    """The second copy came too soon after the first to answer the question between them
    (unknown timing counts as at once: the tracker of a test, a channel without times)."""
    return gap_seconds is None or gap_seconds < DOUBLE_SEND_SECONDS


def sent_twice(text: Any, previous: str | None) -> bool:
    """The same words as the message just before (a double send on a bad signal)."""
    return (
        isinstance(text, str)
        and previous is not None
        and bool(normalise(text))
        and normalise(text) == normalise(previous)
    )


# "Marlow Boatworks, though I sold it in 2022", "Penn Bakery - we closed last year": the
# name, then a remark about the business that is no part of its name
NAME_THEN_REMARK = re.compile(
    r"^(?P<name>[^,;()\n]{2,60}?)\s*(,|;|\(|\s[-–—])\s*"
    r"(though|tho|although|but|well|sadly|now|which|that|it was|it'?s now|"
    r"i (sold|retired|left|closed|ran|used to)|we (sold|closed|shut|used to)|sold|closed|"
    r"used to be|formerly|until|"
    # "Hambleden Valley Honey, a small family concern" (set AC): a description after it
    r"an? (small|little|tiny|family|local|new|young|one-man|one-woman|[\w]+-(run|person|owned|"
    r"based)))\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def name_without_remark(text: str) -> str:
    """The organisation's name without a remark after it; the text when there is none."""
    found = NAME_THEN_REMARK.match(text.strip())
    return found.group("name").strip() if found else text


# "no sorry we're a bakery not a cafe", "not a cafe, we're a bakery" (the twelfth set kept
# it as the head count): the sector just given, put right at a later question. Only when
# the "not" names the sector on record, so "we're a small firm not a big one" is no change.
_NEW_SECTOR = r"(we'?re|we are|it'?s|its|i'?m|i am)( actually| really| more| mainly)?( an?)? "
_TRADE = r"[a-z][a-z /&'-]*"
SECTOR_INSTEAD = (
    re.compile(rf"\b{_NEW_SECTOR}(?P<new>{_TRADE}?) not( an?)? (?P<old>{_TRADE})$"),
    re.compile(rf"\bnot( an?)? (?P<old>{_TRADE}?) {_NEW_SECTOR}(?P<new>{_TRADE})$"),
)


def sector_instead(text: Any, sector: str | None) -> str | None:
    """The new sector when the message says "X not <the sector on record>" (or not its last
    words: "we're not a charity, we're a youth CIC" after "youth charity"), as typed; else
    None."""
    if not isinstance(text, str) or not sector:
        return None
    said, old = normalise(text), normalise(sector)
    for pattern in SECTOR_INSTEAD:
        match = pattern.search(said)
        if match and old and _names_the_sector(match.group("old").strip(), old):
            return _as_typed(match.group("new").strip(), text)
    return None


def _names_the_sector(said: str, old: str) -> bool:
    """`said` is the sector on record, its plural, or its last words ("charity" for "youth
    charity"), never a lone word like "a" or "the"."""
    return said in (old, f"{old}s") or (
        len(said) > 3 and (f" {old}".endswith(f" {said}") or f" {old}s".endswith(f" {said}"))
    )


def _as_typed(norm: str, text: str) -> str:
    """The words `norm` as they were typed in `text` ("youth CIC", not "youth cic")."""
    words = norm.split()
    pattern = r"\W+".join(re.escape(w).replace("'", "['’]") for w in words)
    found = re.search(rf"\b{pattern}\b", text, re.IGNORECASE) if words else None
    return found.group(0) if found else norm


# "we've been trading since 1998", "going 25 years", "established 1987" (the fifteenth
# set took 1998 for a head count, Large): how long the business has run, not its people
YEARS_TRADING = re.compile(
    r"\b(since|established|est|founded|started|set up|opened|began|from|in) (in )?"
    r"(19|20)\d\d\b|\b(19|20)\d\d\b(?! (staff|people|employees|workers))|"
    r"\b\d+\s*(\+\s*)?(years?|yrs?|decades?)\b|"
    r"\b(trading|going|running|established|open|in business)\b.*\b(years?|yrs?|decades?)\b"
)


def years_not_head_count(text: Any) -> bool:
    """How long the business has been going, given for the head count ("we've been
    trading since 1998", "25 years this spring"), with no people in it ("since 1998,
    about 20 staff" counts the staff)."""
    return (
        isinstance(text, str)
        and YEARS_TRADING.search(normalise(text)) is not None
        and not PEOPLE.search(text)
    )


# "we're a limited company", "Ltd", "sole trader", "a partnership" at the sector question
# (the fifteenth set kept "limited company" as the trade): how the business is set up,
# not what it does. A charity is a sector of its own and stays one.
LEGAL_FORM = re.compile(
    r"((we'?re|we are|it'?s|its|it is|i'?m|i am|just|only) )?((just |only )?(an?|the) )?"
    r"((private |public )?(limited|ltd|plc|llp|llc|cic|inc)( company| co| liability partnership|"
    r"by guarantee)?|"
    r"(general |limited )?partnership|sole (trader|trade|proprietor|proprietorship)|"
    r"self employed|community interest company|company|incorporated|registered company)"
    r"( (registered|in england|in the uk|uk))*"
)


def legal_form_only(text: Any) -> bool:
    """The answer to "what does the business do?" says only how it is set up ("we're a
    limited company", "Ltd", "sole trader")."""
    return (
        isinstance(text, str)
        and bool(normalise(text))
        and LEGAL_FORM.fullmatch(normalise(text)) is not None
    )


# "Tilly's Tea Room on the high street in Olney", "Pizza Express in Aylesbury" (the
# fifteenth set kept the street with the name): where the business is, after its name
_STREET = (
    r"(high street|market (square|place)|main road|parade|precinct|high st|"
    r"[a-z]+ (road|street|lane|way|estate|industrial estate|business park|square|green))"
)
_TOWN = r"(?-i:[A-Z][a-z'-]+(\s+(?:[A-Z][a-z'-]+|St|on|upon)){0,3})"
NAME_THEN_PLACE = re.compile(
    rf"^(?P<name>\S+(\s+\S+)+?)\s*,?\s+((we'?re|we are|which is|it'?s|based|located|just)\s+)*"
    rf"((on|in|at|off|near) (the )?{_STREET}(\s*,?\s+(in|at|near) (?P<town>{_TOWN}))?|"
    # "at" only before a street: "The Swan at Great Missenden" is a pub's whole name
    rf"(in|near) (?P<place>{_TOWN}))[\s.!]*$",
    re.IGNORECASE,
)


def name_and_place(text: str) -> tuple[str, str | None]:
    """The organisation's name and the town said after it ("Tilly's Tea Room on the high
    street in Olney" -> ("Tilly's Tea Room", "Olney")); a name of one word, or one that
    ends like a company's ("Made in Marlow Ltd"), is left whole."""
    found = NAME_THEN_PLACE.match(text.strip())
    if not found or COMPANY_END.search(text.strip()):
        return text, None
    place = found.group("town") or found.group("place")
    return found.group("name").strip(" ,"), place


COMPANY_END = re.compile(
    r"\b(ltd|limited|llp|plc|cic|inc|co|company|group|partnership|trust)\.?$", re.IGNORECASE
)


# Emoji that reply rather than answer ("👍", "🙂", "🙏", "👎"): read as a yes, a skip or
# thanks elsewhere. Anything else alone ("🥐🍞🎂" for the sector, set R) is a picture of
# the answer, not the words to keep: the business is asked to put it in words.
REPLY_EMOJI = YES_EMOJI | NO_EMOJI | frozenset("🙂😊☺😀😃😄😁🙏👏✌❤👋🤷😉🙃😅")


def pictures_only(text: Any) -> bool:
    """Nothing but emoji, at least one of them not a reply emoji (REPLY_EMOJI)."""
    if not isinstance(text, str):
        return False
    chars = [c for c in text if not c.isspace() and c not in EMOJI_MARKS]
    if not chars or any(c.isalnum() for c in chars):
        return False
    emoji = [c for c in chars if unicodedata.category(c) in ("So", "Sk")]
    return bool(emoji) and any(c not in REPLY_EMOJI for c in emoji)


# "same as the name" to the town question when the name has the town in it ("Buckingham
# Driving School", set AK filed the words as the town): the town in the name. The county
# itself is no town.
SAME_AS_NAME = re.compile(
    r"^((it'?s |its |we'?re )?(the )?same as (in )?(the |our |my )?(business |company )?name|"
    r"(the )?clue'?s in the name|(it'?s |its )?in the name|as (in|per) the name)\b"
)
# longest first, so "Iver Heath" wins over "Iver"; the county itself is no town
_TOWNS = tuple(
    sorted(
        (p for p in PLACES if p.lower() not in {"buckinghamshire", "bucks"}), key=len, reverse=True
    )
)


def town_in_name(text: Any, name: str | None) -> str | None:
    """The town the business's name holds when the answer points to the name, else None."""
    if not isinstance(text, str) or not name or not SAME_AS_NAME.match(normalise(text)):
        return None
    return next((t for t in _TOWNS if re.search(rf"\b{re.escape(t)}\b", name, re.I)), None)


# "Head cheesemaker and co-owner. The dairy is Hambleden Valley Cheese" at the name question
# (set AK filed the whole as the name): the role first, then the name
ROLE_THEN_NAME = re.compile(
    r"^(?P<role>[^.,;:!?]{2,60}?)\s*[.,;:!–—-]+\s*(the|our|my)\s+(?!name\b)[\w'-]+"
    r"(\s+[\w'-]+)?\s+(is called|'?s called|is named|name is|is)\s+(?P<name>\S[^.!?]{0,80})[.!]*$",
    re.IGNORECASE,
)
_ROLE_WORD = re.compile(
    r"\b(owner|co-?owner|founder|co-?founder|director|manager|head|partner|lead|chief|md|ceo|"
    r"proprietor|principal|chair|boss|[a-z]+maker|[a-z]+smith)\b",
    re.IGNORECASE,
)


def role_then_name(text: str) -> tuple[str, str] | None:
    """(name, role) from a name answer that gives the role first ("Head cheesemaker and
    co-owner. The dairy is Hambleden Valley Cheese"), or None."""
    match = ROLE_THEN_NAME.match(text.strip())
    if match is None or _ROLE_WORD.search(match["role"]) is None:
        return None
    return match["name"].strip(), match["role"].strip()


# "The practice name or the group's? We were bought out by one of the big corporates last
# year." at the name question (set AV kept it as the name): which of two names to give
WHICH_NAME = re.compile(
    r"\b(or|which (name|one)|trading name|legal name|registered name|group'?s?|parent "
    r"company|holding company)\b"
)
WHICH_NAME_MAX_WORDS = 12


def asks_which_name(text: Any) -> bool:
    """The reply to the name question opens by asking which name is wanted."""
    if not isinstance(text, str) or "?" not in text:
        return False
    asked = normalise(text.split("?", 1)[0])
    words = asked.split()
    return 0 < len(words) <= WHICH_NAME_MAX_WORDS and (
        "name" in words or WHICH_NAME.search(asked) is not None
    )


ASKING_BACK = {"why", "what", "whats", "what's", "how", "huh", "pardon", "sorry", "eh"}


# "what do you want the company name for? the council already knows who we are" (set BW was
# told about intelligent public services, the council being named): why the bot asks
WHY_ASKED = re.compile(
    r"^((so|but|and|ok|okay|sorry|hang on|wait|erm|um) )*"
    r"((what|wot) (do|would|does|d) (you|u|ya|the lep|they) (want|need|use) [\w' ]{1,30} for|"
    r"why (do|would|does|d) (you|u|ya|the lep|they) (want|need|ask|care|have to know)\b.*|"
    r"why (do you |d'you )?ask( that)?|what'?s (that|it|this) (for|got to do with [\w' ]+))$"
)


def asks_why_it_is_asked(value: Any) -> bool:
    """The message's first sentence asks why a profile question is asked, whatever
    follows it."""
    if not isinstance(value, str):
        return False
    first = re.split(r"[?.!\n]", without_addressees(value).strip(), maxsplit=1)[0]
    return WHY_ASKED.fullmatch(normalise(first)) is not None


def asks_back(value: Any) -> bool:
    """ "why do you need that", "what for?" at a profile question: a question back, not a
    name or a sector ("Tell Tale Media" and "Can Do Cleaning" are names, so only these
    openings count)."""
    if not isinstance(value, str):
        return False
    words = value.strip().lower().split()
    if not words:
        return False
    return value.strip().endswith("?") or (words[0] in ASKING_BACK and len(words) <= 8)
