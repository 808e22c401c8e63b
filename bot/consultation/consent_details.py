"""Details sent with, or instead of, the yes at the consent question: "YES please, we're
Hartwell Precision" (a yes and a name), "yes ok. we're Hartwell Glazing, window and door
fitters, 14 staff, ..." (a yes and a whole profile), or only a name or place ("Hale and
Daughters Florists"). Found by sets AA and AI, which read the first two as views before
consent and asked again. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.consent_words import FILLER, PUT_OFF, YES_WORDS
from bot.consultation.letters import unwrapped
from bot.consultation.profile import plain_profile_answer, role_given, trade_details
from bot.consultation.questions import named_themes
from bot.consultation.replies import acknowledgement_only, normalise, says_no, says_yes


def details_before_consent(text: Any) -> bool:
    """A name or a place sent at the consent question ("Hale and Daughters Florists"),
    not a question about the strategy: the consent question comes first."""
    if not isinstance(text, str) or "?" in text:
        return False
    words = normalise(text).split()
    if not 0 < len(words) <= 6 or says_yes(text) or says_no(text) or acknowledgement_only(text):
        return False
    return plain_profile_answer(text) and not named_themes(text)


# "YES please, we're Hartwell Precision", "sure - this is Marlow Boatworks": agreeing and
# giving the organisation's name in one breath (set AA read it as a view before consent,
# and every reply after was "still not getting it")
YES_AND_NAME = re.compile(
    rf"^(({YES_WORDS}|yes please|happy to help)[ ,.!:-]*)+(({FILLER})[ ,.!:-]*)*"
    # "Yes happy to. We're called Suds & Sage" (set AQ)
    r"(we'?re called|we are called|(the )?(business|firm|company|shop) is called|it'?s called|"
    r"we'?re|we are|this is|i'?m from|i am from|from|here from|writing from|"
    r"on behalf of)\s+(?P<name>[^?]+?)[ .!]*$",
    re.IGNORECASE,
)
NAME_MAX_WORDS = 6


def yes_with_name(text: Any) -> str | None:
    """The organisation's name when the reply agrees and names it ("YES please, we're
    Hartwell Precision" -> "Hartwell Precision"); None for anything else, a view ("yes,
    we're struggling to recruit") included."""
    if not isinstance(text, str):
        return None
    match = YES_AND_NAME.match(" ".join(unwrapped(text).split()))
    if match is None:
        return None
    name = match.group("name").strip(" ,.!-")
    if " from " in f" {name.lower()} ":  # "this is Sarah from Acme Tools": the firm
        name = re.split(r"\bfrom\b", name, flags=re.IGNORECASE)[-1].strip()
    if not _titled_name(name):
        return None  # "yes, we're struggling to recruit", "yes we're in Aylesbury": no name
    if PUT_OFF.search(normalise(name)) or not plain_profile_answer(name):
        return None
    return name


# At least this many comma-separated parts after the yes make it a whole profile
# (name, trade, head count, place, role), not a name with a remark
PROFILE_PARTS = 3


def yes_with_profile(text: Any) -> dict[str, str]:
    """The profile fields a yes gives with it: "yes ok. we're Hartwell Glazing, window and
    door fitters, 14 staff, based in Princes Risborough, I'm the managing director" ->
    organisation, sector, size band, location and role, so none of them is asked (set AI
    was told its views could not be noted yet). Empty for anything else: a yes with only a
    name is `yes_with_name`'s."""
    if not isinstance(text, str):
        return {}
    match = YES_AND_NAME.match(" ".join(unwrapped(text).split()))
    if match is None:
        return {}
    parts = [p.strip(" .!") for p in re.split(r"[,;]", match.group("name")) if p.strip(" .!")]
    if len(parts) < PROFILE_PARTS or not _titled_name(parts[0]):
        return {}
    role = role_given(match.group("name"))
    rest = [p for p in parts[1:] if not (role and role_given(p) == role)]
    sector, band, place = trade_details(", ".join(rest)) if rest else ("", None, None)
    fields = {
        "organisation": parts[0],
        "sector": sector,
        "size_band": band,
        "location": place,
        "role": role,
    }
    return {slot: value for slot, value in fields.items() if value}


def _titled_name(name: str) -> bool:
    """A business name as written: a few words, each capitalised, a digit or a joiner."""
    words = name.split()
    titled = all(w[0].isupper() or w[0].isdigit() or w.lower() in NAME_JOINERS for w in words)
    return 0 < len(words) <= NAME_MAX_WORDS and titled and words[0].lower() not in NAME_JOINERS


# small words inside a name written in title case ("Bucks Food and Drink Ltd")
NAME_JOINERS = {"and", "&", "of", "the", "for", "on", "in", "at", "ltd", "limited", "llp", "plc"}
