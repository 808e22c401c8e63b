"""A subject the business sets aside carries no theme.

"The roads are fine for us honestly, it's finding a bookkeeper that's the problem",
"Broadband's sorted now. What I'd want is help with exporting", "our booking software is
fine, what I need is someone to sit down with me": the owner names a subject only to say it
is no problem, then says what is. GUIDE.md counts every clause that carries a view; a
subject said to be fine carries none. The classifier hears "roads" and "broadband" all the
same (infrastructure on both, before).

So a theme whose only word in the message is the subject of such a clause is withheld
(`outright.lift`), unless a rule stated it or the question asked about it. Read narrowly:
- the clause's subject is one of a few everyday subjects (the roads, the trains, broadband,
  parking, premises, the rent; software, the tech; staff, recruitment; funding, the bank),
  with at most a few words around it ("the trains to Marylebone", "broadband at our unit"),
  then "is fine", "'s sorted", "is ok", "isn't an issue", "isn't a problem", or "no
  complaints about ...", up to the clause's end;
- never when the clause qualifies it ("fine in theory", "ok apart from the A41", "fine until
  it rains", "fine most of the time": those are views);
- never when the rest of the message names the same kind of subject again ("the trains
  to Marylebone are fine, it's the lack of parking at the station that hurts").
An island's own sector said to be fine ("our tolerances are good enough for implants") is
no such subject, so the island stays.
"""

from __future__ import annotations

import re

from bot.tagging.programmes import named_plans

# The everyday subjects owners set aside, and the theme each would carry
_SUBJECTS: dict[str, str] = {
    "infrastructure": (
        r"roads?|road network|the road|transport|public transport|trains?|train service|rail|"
        r"buses|bus|bus service|broadband|internet|wi-?fi|fibre|fiber|signal|mobile signal|"
        r"phone signal|connectivity|connection|4g|5g|parking|premises|units?|rent|rents|"
        r"building|power|power supply|electricity|motorway|m40|m25|m1|a\d{2,4}|commute|access|"
        r"hs2|hs2 works|east west rail|ewr|heathrow|roadworks|the works"
    ),
    "digital_science": r"software|tech|technology|the it side|systems?|computers?|the digital side",
    "education_skills": (
        r"staff|staffing|recruitment|recruiting|hiring|skills|training|workforce|"
        # "finding electricians", "getting drivers": finding people of a trade
        r"(?:finding|getting|recruiting|hiring|keeping) (?:good |skilled |qualified )?"
        r"(?:staff|people|workers|labour|[a-z]+(?:ers|ians|ists|ors|ics))"
    ),
    "entrepreneurialism": r"funding|finance|cash ?flow|investment|the bank|business support",
    # only said to leave the firm cold ("the new houses don't bother us either way"): the
    # planned growth named with a view on it carries its theme however it is put
    "housing_growth": (
        r"new hous\w+|new homes|new estates?|new builds?|housebuilding|house ?building|"
        r"(?:the )?houses going up|(?:the )?garden town"
    ),
}
# Words that, anywhere else in the message, make the same kind of subject a view after all
_AGAIN: dict[str, str] = {
    "infrastructure": (
        _SUBJECTS["infrastructure"] + r"|stations?|junctions?|potholes?|traffic|lanes?|routes?|"
        r"megs|mbps|speeds?|sites?|space|office|offices|workshops?|warehouses?|floors?|"
        r"roundabouts?|congestion|gridlock\w*|queues?|journeys?|drive|driving|lorries|hgvs?|"
        r"railway|line|chiltern line|east west rail|ewr|hs2|heathrow|airport|grid|drains?|"
        r"flood\w*|planning|travel\w*|upload\w*|download\w*|send|"
        r"get(?:ting)? (?:to|north|south|east|west|into|in|out|around|about|there|here)"
    ),
    "digital_science": _SUBJECTS["digital_science"] + r"|data|ai|apps?|platforms?|cloud|cyber\w*|"
    r"coding|code|developers?|devs?|digital|automation|online|websites?|sensors?|algorithms?",
    "education_skills": _SUBJECTS["education_skills"] + r"|people|grads?|graduates?|apprentices?|"
    r"apprenticeships?|colleges?|universit\w+|uni|courses?|engineers?|drivers|mechanics|"
    r"technicians?|chefs?|nurses?|carers?|recruit\w*|hire|hiring|vacanc\w+|applicants?|"
    r"candidates?|labour|employ\w*|team|retention|leave|leaving|poach\w*",
    "entrepreneurialism": _SUBJECTS["entrepreneurialism"] + r"|grants?|loans?|investors?|advice|"
    r"support|mentor\w*|start-?ups?|export\w*|growth|scale|scaling|banks?|money|cash|capital",
    "housing_growth": _SUBJECTS["housing_growth"] + r"|housing|homes|houses|estates?|developers?|"
    r"developments?|planning|builders?|flats",
}

_FINE = (
    r"(?:(?:absolutely|actually|all|generally|honestly|largely|perfectly|pretty|quite|"
    r"really|reasonably|totally)\s+)?"
    r"(?:fine|ok|okay|sorted|grand|all good|no problem|no issue|"
    r"the least of (?:our|my) (?:worries|problems))"
)
# ... or not "an issue": "isn't an issue", "is not really a problem"
_NOT_AN_ISSUE = (
    r"(?:really\s+|much of\s+|that much of\s+|a big\s+|ever\s+)?(?:an?\s+|the\s+)?(?:big\s+)?"
    r"(?:issue|problem|concern|worry|bother)"
)
_IS = r"(?:\s+(?:is|are|was|were|has been|have been|seems?|seem to be)|['’]s|['’]re)"
_IS_NOT = (
    r"(?:\s+(?:isn['’]?t|aren['’]?t|wasn['’]?t|hasn['’]?t been|haven['’]?t been|is not|are not|"
    r"has never been|have never been)|['’]s not|['’]re not)"
)
# ... or leaves the firm untouched: "HS2 works haven't really touched us", "don't bother us"
_LEAVES_US = (
    r"\s+(?:haven['’]?t|hasn['’]?t|don['’]?t|doesn['’]?t|didn['’]?t|won['’]?t|have not|has not|"
    r"do not|does not|did not|will not)\s+(?:really\s+|much\s+|actually\s+)?"
    r"(?:touched|affected|affect|bothered|bother|hit|impacted|impact|hurt|mattered|matter to)\s+"
    r"(?:us|me|our business)"
)
_INDIFFERENT = re.compile(r"\beither way\b|\bbother|\btouched\b|\baffect", re.IGNORECASE)
_CLAUSE_START = r"(?:^|(?<=[.!?;:\n])\s*|(?<=,)\s*|\b(?:and|so|also)\s+)"
_LEAD = (
    r"(?:(?:honestly|to be fair|to be honest|tbh|well|oh|look|yes|yeah|ok|okay|right|"
    r"as for|as far as)\s*,?\s+)?"
)
_DETERMINER = r"(?:(?:the|our|my|their|local|your)\s+)?"
# a word or two before the subject ("the local bus service", "our booking software") and a
# short phrase after it ("the trains to Marylebone", "broadband at our unit in Haddenham")
_BEFORE = r"(?:[a-z][\w-]*\s+){0,2}?"
_AFTER = (
    r"(?:\s+(?:to|at|in|into|on|from|round|around|for|near|here|here in)\s+"
    r"(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?"
)
_TAIL = r"[^,.;:!?\n]{0,60}?"
_END = (
    r"(?=\s*(?:[,.;:!?\n]|\s[-–—]\s|$)|\s+(?:but|though|it'?s|it’s|what|the (?:real|big|main))\b)"
)
# why it is fine, in the same sentence: "Broadband's sorted now, we got fibre to the unit"
_BECAUSE = re.compile(
    r"\s*,?\s*(?:we(?:['’]ve)? (?:got|had|have|put)|since|now (?:that|we)|"
    r"they(?:['’]ve)? (?:put|fixed|sorted|installed|upgraded)|as|because|cos|thanks to)\b"
    r"[^.!?\n]*",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(
    r"\b(?:in theory|on paper|apart from|except|other than|until|unless|when|if|mostly|"
    r"most of the time|usually|sometimes|for now|for the moment|ish|bar|compared|relatively|"
    r"i suppose|i guess|just about|barely|but not|not always)\b",
    re.IGNORECASE,
)


def _set_aside(subjects: str) -> re.Pattern[str]:
    subject = rf"{_DETERMINER}{_BEFORE}(?:{subjects}){_AFTER}"
    return re.compile(
        rf"{_CLAUSE_START}{_LEAD}"
        rf"(?:{subject}(?:{_IS}\s+{_FINE}|{_IS_NOT}\s+{_NOT_AN_ISSUE}|{_LEAVES_US})"
        rf"|(?:no (?:real )?(?:complaints|problems|issues|worries|moans)|"
        rf"(?:we['’]?re|were|we are|i['’]?m|i am) not (?:moaning|complaining|worried)) "
        rf"(?:about|with|on) {subject}"
        # "we use a bit of software for the pressure maps like everyone does"
        rf"|(?:we|i) (?:use|have|run) (?:a bit of |some |the usual |basic |an? )?{subject}"
        rf"[^,.;:!?\n]{{0,40}}?(?:like every(?:one|body)(?: else)?(?: does)?|"
        rf",\s*(?:that side|that bit|that part|that)(?:['’]s| is) (?:fine|ok|okay|sorted))"
        rf"|(?:we['’]?re|we are|i['’]?m|i am) (?:fine|ok|okay|sorted|all good) (?:for|on|with) "
        rf"{subject})"
        rf"{_TAIL}{_END}",
        re.IGNORECASE,
    )


_SET_ASIDE = {theme: _set_aside(words) for theme, words in _SUBJECTS.items()}
_MENTIONS = {
    theme: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for theme, words in _AGAIN.items()
}


def _qualified(text: str, match: re.Match[str]) -> bool:
    """Is the "fine" qualified, in its clause or in the rest of its sentence ("the trains are
    fine, I'll give them that, when they run")?"""
    sentence_end = re.search(r"[.!?\n]", text[match.end() :])
    after = text[match.end() : match.end() + sentence_end.start()] if sentence_end else ""
    return bool(_QUALIFIED.search(match.group(0)) or _QUALIFIED.search(after))


def _stands(theme: str, text: str, match: re.Match[str]) -> bool:
    """Does the set-aside hold? Not when qualified; the planned housing growth only when the
    firm says it leaves it cold (any other view on it carries the theme, `named_plans`)."""
    if _qualified(text, match):
        return False
    if theme == "housing_growth" or named_plans([match.group(0)]):
        return bool(_INDIFFERENT.search(match.group(0)))
    return True


def _with_reason(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The set-aside clause's span, through the reason it is fine when one follows."""
    reason = _BECAUSE.match(text, match.end())
    return match.start(), reason.end() if reason else match.end()


# a word every set-aside has: most messages have none, and cost one search instead of five
_CUE = re.compile(
    r"\b(fine|ok|okay|sorted|grand|good|problem|issue|concern|worry|bother\w*|touched|"
    r"affect\w*|impact\w*|hit|hurt|matter\w*|complain\w*|moan\w*|worries|least|everyone|"
    r"everybody)\b",
    re.IGNORECASE,
)


def set_aside_clauses(text: str) -> dict[str, list[str]]:
    """The themes `text` names only as a subject it sets aside, each with the clauses that
    set it aside ("the roads are fine for us, it's staff": infrastructure, ["the roads are
    fine for us"])."""
    found: dict[str, list[str]] = {}
    if not _CUE.search(text):
        return found
    for theme, pattern in _SET_ASIDE.items():
        spans = [_with_reason(text, m) for m in pattern.finditer(text) if _stands(theme, text, m)]
        if not spans:
            continue
        rest, last = [], 0
        for start, end in spans:
            rest.append(text[last:start])
            last = end
        rest.append(text[last:])
        if not _MENTIONS[theme].search(" ".join(rest)):
            found[theme] = [text[start:end].strip(" ,.;:") for start, end in spans]
    return found


def set_aside_themes(text: str) -> set[str]:
    """The themes `text` names only as a subject it sets aside."""
    return set(set_aside_clauses(text))


def stated_only_there(lines: list[str], clauses: list[str]) -> bool:
    """Every rule's evidence line for a theme ("need: Finding electricians", "plan: houses
    going up") quotes a phrase inside the clauses that set it aside: the rule read the
    set-aside itself ("Finding electricians isn't the problem for us")."""
    said = " ".join(clauses).lower()
    return all(": " in line and line.split(": ", 1)[1].lower() in said for line in lines)
