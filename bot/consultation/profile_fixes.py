"""Profile details put right after they were given: "sorry wrong postcode, it's HP19" at
the role question, "btw we're not 6 staff, more like 60 since the merger" at an island
question, "just realised I put Tring, we're in Wendover not Tring" after the goodbye.

Found by set U of the unseen conversations (conversation_probe_u.yml): the location had no
correction at all, and past the profile questions a head count put right was kept as the
answer to the strategy question pending (or as a view after the close) and the profile
left wrong. The officer filters by the profile as finally corrected, so every field given
earlier can be put right wherever the business does it; a view in the same message is
still a view (the caller keeps it too). No Rasa imports.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

from bot.consultation.location_fixes import corrected_location, first_fix
from bot.consultation.meant_before import meant_late
from bot.consultation.profile import corrected_sector
from bot.consultation.profile_checks import sector_instead
from bot.consultation.questions import message
from bot.consultation.recount import OWN_COUNT, corrected_size_band, count_now_band, recounted_band
from bot.consultation.replies.text import sentences
from bot.consultation.x_style import without_addressees

# "sorry it's Chiltern Cycles, with an s", "typo, should be Hale Leys Print": the name
# given just before, corrected at the next question (the ninth set kept the typo)
NAME_CORRECTION = re.compile(
    # "sorry autocorrect, its hazlemere aerials" after "hazlemere serials" (set FL filed it
    # as the sector): the phone blamed before the name
    r"^\W*((sorry|oops|whoops|soz|actually|correction|typo|my bad|wait|no|damn|"
    r"auto-?correct(ed)?|predictive text|fat (fingers|thumbs))\W+)+"
    r"((it'?s|its|it is|the name is|name is|that should (be|say|read)|should (be|say|read)|"
    r"should have (been|said)|i meant)\s+)?(?P<name>[^,.;!]+?)\s*"
    r"([,.;!(-].*|\s+(not|with|without|no)\b.*)?$",
    re.IGNORECASE,
)
# "Sorry, just spotted I spelt our name wrong at the start. It should be Tingewick Farm
# Vets" (set BD kept it as a view): the mistake owned, then the name
NAME_WRONG = re.compile(
    r"\b(?:spelt|spelled|typed|got|put|wrote)\s+(?:our|the|my)\s+(?:company\s+|business\s+)?"
    r"name\s+wrong\b[^.!?]*[.!?,;:-]*\s*(?:it\s+)?(?:should\s+(?:be|say|read|have\s+been)|"
    r"it'?s|its|is)\s+(?P<name>[^,.;!?]+?)\s*(?:[,.;!?].*)?$",
    re.IGNORECASE,
)
# "Sorry, I gave you our old name. It's Vale Mobility & Care now." (set BJ kept it as the
# sector): a rebrand, so the new name need not look like the old one
OLD_NAME = re.compile(
    # "you've got our old name. We're Socketworks Prosthetics now" (set EQ kept the old one)
    r"\b(?:gave|told|sent|put|typed|got|have|had|used|using|that'?s|thats|that is|that was)\s+"
    r"(?:you\s+)?(?:our|the|my)\s+old\s+(?:company\s+|business\s+)?name\b"
    # "Sorry, that was the old name. We trade as Lowndes Framing Studio" (set FT filed it as
    # the sector): the name the business goes by now
    r"[^.!?]*[.!?,;:-]*\s*(?:we\s+(?:now\s+)?(?:trade|go)\s+(?:as|by)|(?:we'?re|we\s+are)\s+"
    r"(?:now\s+)?(?:trading\s+as|called|known\s+as)|(?:it'?s|its|it\s+is)\s+(?:now\s+)?called|"
    r"(?:the\s+new\s+one|it)\s*(?:'s|is)|it'?s|its|we'?re|we are|"
    r"(?:it\s+)?should\s+be)\s+(?P<name>[^,.;!?]+?)\s*(?:\s+now)?\s*(?:[,.;!?].*)?$",
    re.IGNORECASE,
)
# "Sorry, we trade as TRE Historic now, put that as the name." at the sector question (set CQ
# filed it as the sector, and every answer after it one question late): the name asked for
# in so many words, so it need not look like the one on record
NAME_ASKED = (
    re.compile(
        r"\bwe(?:'re| are)?\s+(?:now\s+)?trad(?:e|ing)\s+as\s+(?P<name>[^,.;!?]+?)\s*"
        r"(?:\s+now)?\s*[,.;!?-]+\s*(?:so\s+)?(?:please\s+)?(?:put|use|have)\s+(?:that|it|this)"
        r"\s+(?:down\s+)?(?:as|for)\s+(?:the|our)\s+(?:company\s+|business\s+)?name\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:put|use|have)\s+(?P<name>[^,.;!?]+?)\s+(?:down\s+)?as\s+(?:the|our)\s+"
        r"(?:company\s+|business\s+)?name\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:(?:for|as)\s+(?:the|our)\s+(?:company\s+|business\s+)?name,?\s+(?:put|use|say|"
        r"write)|(?:change|update|amend)\s+(?:the|our)\s+(?:company\s+|business\s+)?name\s+to|"
        r"(?:the|our)\s+(?:company\s+|business\s+)?name\s+should\s+(?:be|say|read))\s+"
        r"(?P<name>[^,.;!?]+?)\s*(?:\s+(?:now|please|instead))?\s*(?:[,.;!?].*)?$",
        re.IGNORECASE,
    ),
)
NAME_LIKENESS = 0.75


def alike(said: str, name: str) -> bool:
    """Close enough to the name on record to be taken for it, lower case."""
    return difflib.SequenceMatcher(None, said, name).ratio() >= NAME_LIKENESS


def corrected_name(text: str, name: str | None) -> str | None:
    """The organisation's name as corrected ("sorry it's Chiltern Cycles, with an s" ->
    "Chiltern Cycles" after "Chiltern Cycle"), or None: only a name close to the one given
    counts, so "sorry, we're a bike shop" is the sector."""
    text = without_addressees(text)  # "@btvlep sorry autocorrect, its ..." on X (set FL)
    for pattern in NAME_ASKED:
        asked = pattern.search(text.strip())
        if asked and (not name or asked.group("name").strip().lower() != name.lower()):
            return asked.group("name").strip()
    rebrand = OLD_NAME.search(text.strip())
    if rebrand and name and rebrand.group("name").strip().lower() != name.lower():
        return rebrand.group("name").strip()
    match = NAME_WRONG.search(text.strip()) or NAME_CORRECTION.match(text.strip())
    if not match or not name:
        return None
    fixed = match.group("name").strip()
    if fixed.lower() == name.lower():
        return None
    return fixed if alike(fixed.lower(), name.lower()) else None


# "16. oh and the name's Ouse Valley Finishing, not Coatings, we rebranded" (set AM, at the
# head count): an answer, then the name put right with the part withdrawn named
RENAMED_AFTER = re.compile(
    r"^(?P<head>.*?)[\s,.;:!-]*\b(?:(?:oh|and|also|btw|plus|ps)\W+)*(?:the|our)\s+"
    r"(?:(?:company|business|firm)\s+)?name(?:'s|\s+is)\s+(?:now\s+|actually\s+)?"
    r"(?P<name>[^,.;!]+?)\s*,?\s+not\s+(?P<old>[^,.;!]+?)\s*(?:[,.;!(-].*)?$",
    re.IGNORECASE,
)


def renamed_after_answer(text: str, name: str | None) -> tuple[str, str] | None:
    """(the new name, the answer before it) when a message answers and then puts the name
    on record right, naming what it withdraws ("not Coatings", a part of the name on
    record, or a name like it); None otherwise, so "the name's on the van, not the shop"
    is no rename."""
    match = RENAMED_AFTER.match(text.strip())
    if not match or not name:
        return None
    new, old = match.group("name").strip(), match.group("old").strip().lower()
    on_record = name.lower()
    withdrawn = re.search(rf"\b{re.escape(old)}\b", on_record) is not None or alike(old, on_record)
    if not withdrawn or new.lower() == on_record:
        return None
    return new, match.group("head").strip(" ,.;:!-")


# Words about the business that a late sector correction names ("put us down as", "our
# sector is"): "actually we're mainly exporting now, and ..." at a strategy question is a view
SECTOR_WORDS = re.compile(
    r"\b(sector|trade|line of business|industry|put (us|me) down|(list|class|count) (us|me))\b",
    re.IGNORECASE,
)
# "Chesahm, sorry, Chesham", "Aylesbry sorry Aylesbury", "9 - I mean 11" (set AQ filed the
# whole as the town): a detail put right inside the same short answer. Not an apology for
# something else ("owner, sorry for the delay").
SELF_CORRECTED = re.compile(
    # not an apology opening the message ("@btvlep sorry, i meant chesham not amersham" at the
    # role question puts the town right: set BO filed "chesham not amersham" as the role)
    r"^(?!(?:sorry|soz|oops|whoops|apologies|my bad)\b)"
    r"(?P<old>[^,;:]{1,40}?)[\s,;:-]+(?:sorry|soz|oops|whoops|i mean|i meant|correction)"
    r"[\s,;:.!-]+(?!(?:for|about|to|that|it|i|i'?m|im|again|abt|bout)\b)(?P<new>\S.{0,40}?)"
    r"[\s.!]*$",
    re.IGNORECASE,
)
SELF_CORRECTED_MAX_WORDS = 8


def corrected_in_passing(value: Any) -> Any:
    """The detail as put right inside the answer ("Chesahm, sorry, Chesham" -> "Chesham");
    anything else unchanged."""
    if not isinstance(value, str) or len(value.split()) > SELF_CORRECTED_MAX_WORDS:
        return value
    match = SELF_CORRECTED.match(without_addressees(value).strip())
    return match["new"].strip(" .,!") if match else value


# Past the profile a correction is a sentence or two, not a long answer
LATE_MAX_WORDS = 30


# "Could you also change my role to partner?" (set BD), "I'm co-owner, not owner" at the
# play-back (set AY kept "owner"): the role put right, asked for or with the one on record
# withdrawn
_ROLE = r"[A-Za-z][\w'&/-]*(?:\s+(?!not\b|but\b|and\b)[A-Za-z][\w'&/-]*){0,3}?"
ROLE_FIXES = (
    re.compile(
        r"\b(?:change|put|update|make|set|amend)\s+my\s+(?:role|job title|title|position)\s+"
        rf"(?:to|as)\s+(?:a\s+|an\s+|the\s+)?(?P<new>{_ROLE})\s*(?=[,.;:!?)]|\s*$|\s+please\b)",
        re.IGNORECASE,
    ),
    re.compile(
        # "put me down as partner not owner" (set BP changed the sector to "partner")
        r"\b(?:i'?m|i am|im|my role is|my role's|put me down as|list me as)\s+"
        r"(?:actually\s+|really\s+)?(?:a\s+|an\s+|the\s+)?"
        rf"(?P<new>{_ROLE}),?\s+not\s+(?:a\s+|an\s+|the\s+|just\s+)?(?P<old>{_ROLE})"
        r"\s*(?=[,.;:!?)]|\s*$)",
        re.IGNORECASE,
    ),
)


# "my role says Director but we're a partnership, so it should be Partner" at the play-back
# (set FI kept it as a view): "my role" named, then what it should be; anything between
# must name the role on record ("the council's role should be bigger" is a view)
ROLE_SHOULD_BE = re.compile(
    r"\bmy\s+(?:role|job\s+title|title|position)\b(?P<between>[^.!?]{0,80}?)\b(?:should\s+"
    r"(?:be|say|read|have\s+(?:been|said))|needs\s+to\s+(?:be|say|read))\s+(?:a\s+|an\s+|the\s+)?"
    rf"(?P<new>{_ROLE})\s*(?=[,.;:!?)]|\s*$|\s+(?:please|instead|not|thanks)\b)",
    re.IGNORECASE,
)


def corrected_role(text: str, role: str | None) -> str | None:
    """The role a message puts right, or None: "not <role>" must withdraw the one on
    record, so "I'm the owner, not a manager" corrects nothing unless "manager" was given."""
    fixed = first_fix(ROLE_FIXES, text, role)
    match = None if fixed else ROLE_SHOULD_BE.search(text)
    if match is None or not role:
        return fixed
    between, new = match["between"].strip(" ,"), match["new"].strip()
    named = re.search(rf"\b{re.escape(role)}\b", between, re.IGNORECASE) is not None
    # "... Director but the LEP should be helping more": what should be is the role itself
    of_it = re.search(r"\b(it|that|this|which|mine|but|so)$", between, re.IGNORECASE) is not None
    if between and not (named and of_it):
        return None
    return new if new.lower() != role.lower() else None


def profile_fixes(
    text: Any, profile: Mapping[str, str | None], late: bool = False
) -> dict[str, str]:
    """The profile fields `text` puts right, by name, given the profile on record; empty
    when it corrects none. `late`: past the profile questions, where only a short message
    and only an explicit sector correction count ("put us down as ...", "a bakery not a
    cafe")."""
    if not isinstance(text, str):
        return {}
    if late and len(text.split()) > LATE_MAX_WORDS:
        # "oh & i said 16 staff, its 6, fat thumbs. anyway our lorries ..." (set BD): a
        # correction opening a long answer
        text = sentences(text)[0]
        if len(text.split()) > LATE_MAX_WORDS:
            return {}
    fixes: dict[str, str] = {}
    band = corrected_size_band(text) if not late or OWN_COUNT.search(text) else None
    band = band or recounted_band(text, profile.get("size_band")) or count_now_band(text)
    if band and band != profile.get("size_band"):
        fixes["size_band"] = band
    sector_on_record = profile.get("sector")
    explicit = corrected_sector(text) if not late or SECTOR_WORDS.search(text) else None
    sector = explicit or sector_instead(text, sector_on_record)
    role = corrected_role(text, profile.get("role"))
    if sector and role and sector.lower() == role.lower():
        sector = None  # "put me down as partner not owner": the role withdrawn is named
    if sector and sector_on_record and sector.lower() != sector_on_record.lower():
        fixes["sector"] = sector
    place = corrected_location(text, profile.get("location"))
    if place:
        fixes["location"] = place
    if role:
        fixes["role"] = role
    name = corrected_name(text, profile.get("organisation"))
    if name and not fixes:
        fixes["organisation"] = name
    if late and not fixes:
        # "Sorry, I meant Operations Director, not quality manager", "before that, the staff
        # one, ... its 13" at the islands choice (set FT: "didn't catch")
        fixes = meant_late(text, profile)
    return fixes


def first_sentence_without_fixes(text: str, profile: Mapping[str, str | None]) -> str | None:
    """The first sentence of a message that puts nothing in the profile right ("The council
    and NHS one, and the skills bit." before "Oh, and I put High Wycombe earlier, but ...":
    set BD), so a choice made in the same message is still read; None when every sentence
    corrects something or the correction comes first."""
    said = sentences(text)
    if len(said) < 2 or profile_fixes(said[0], profile, late=True):
        return None
    return said[0]


_NO_ANSWER = re.compile(
    r"^(\W*(sorry|soz|oops|whoops|actually|oh|ah|wait|hang on|hold on|correction|my bad|"
    r"apologies|ok|okay)\b)+\W*$",
    re.IGNORECASE,
)
# "Sorry, autocorrect strikes again. We're in Haddenham, not Hazlemere." (set EQ): the first
# sentence owns up to the mistake, it answers nothing
_OWNS_UP = re.compile(
    r"^\W*(sorry|soz|oops|whoops|apologies|my bad|my mistake|argh|ugh|doh)\b|"
    r"\b(auto-?correct|auto correct|typo|fat (fingers|thumbs)|predictive text|spell ?check|"
    r"mistyped|misspelt|misspelled)\b",
    re.IGNORECASE,
)


def answer_before_correction(
    text: str, on_record: str | None, field: str = "size_band"
) -> str | None:
    """The answer a message gives in its first sentence before putting the head count (or
    `field`) right ("iver heath. oh & its 10 not 8" -> "iver heath"; "director. oh n its
    loudwater not flackwell heath" -> "director"), or None when the first sentence is the
    correction itself or only an apology."""
    first = first_sentence_without_fixes(text, {field: on_record})
    if first is None:
        return None
    answer = without_addressees(first).strip(" .,;:!-")
    if not answer or _NO_ANSWER.match(answer) or _OWNS_UP.search(answer):
        return None
    return answer


def fixes_reply(fixes: Mapping[str, str]) -> str:
    """What the business is told: each field as changed, in the reply vocabulary."""
    said = {
        "size_band": ("size_band_corrected", "band"),
        "sector": ("sector_corrected", "sector"),
        "location": ("location_corrected", "location"),
        "role": ("role_corrected", "role"),
        "organisation": ("organisation_corrected", "name"),
    }
    return " ".join(
        message(said[field][0], **{said[field][1]: value})
        for field, value in fixes.items()
        if field in said
    )


def beside_the_fixes(text: str, fixes: Mapping[str, str], profile: Mapping[str, str | None]) -> str:
    """The message without the values it puts right or names from the record ("Westcott",
    "Haddenham"), so a place that is also an asset (Westcott, Silverstone) is not read as a
    view; what is left may be one ("..., and the space sector needs test stands")."""
    for value in [*fixes.values(), *(v for v in profile.values() if v)]:
        text = re.sub(re.escape(value), " ", text, flags=re.IGNORECASE)
    if "size_band" in fixes:  # "... it's twelve now we've taken on the apprentices" (set CQ)
        text = WHY_THE_COUNT.sub(" ", text)
    return text


# Why the head count changed, said with the new count: no view of its own ("apprentices"
# named the skills theme, and the correction was kept as the answer to the question pending)
WHY_THE_COUNT = re.compile(
    r"\b(now|since|as|because|cos|after|that'?s with|with)\s+((we'?ve|we have|we)\s+)?(just\s+)?"
    r"(taken on|took on|hired|recruited|added|brought in|lost|let go|the new|our new|two new|"
    r"\w+ new)\b[^.,;!?]*",
    re.IGNORECASE,
)
