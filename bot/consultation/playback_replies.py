"""What a reply to the play-back says in words: a confirmation in the business's own words
("bang on", "aye, no bad", "Nope, nothing to change"), a yes with a remark, a laugh or a
question beside it, an address or a no to emails in the same breath, or an explicit change
of themes. Split from actions/playback.py, which acts on them; no Rasa imports.
"""

from __future__ import annotations

import re

from bot.consultation.consent_reply import yes_then_more
from bot.consultation.email_text import follow_up_after, offered_email
from bot.consultation.questions import named_themes, parse_correction
from bot.consultation.remarks import remarks_on_the_chat
from bot.consultation.replies import lead_in_only, normalise, says_yes
from bot.consultation.replies.text import without_kisses
from bot.consultation.subject import names_a_subject
from bot.consultation.theme_corrections import item_changes, pointed_item
from bot.consultation.x_style import without_addressees, without_own_tags

# An explicit change ("no, add skills", "drop housing"), not just naming a theme
EXPLICIT_CHANGE = re.compile(
    # "take housing off" (set AA: asked "which themes?" and lost it on the "yes" after)
    r"\b(add|drop|remove|take (off|out)|include|untag|delete|get rid of|nothing to do with|"
    r"(you'?ve |you )missed|"
    # "the last one's not a housing thing": an answer pointed at and a theme denied
    r"\b(one|answer|bit|point)('?s| is| was) (not|nothing to do with)\b|"
    # "@btvlep the first one isnt space, we wrap vans" (set BY was asked which themes)
    r"\b(one|answer|bit|point|number \d|no \d)('?s|s)? (isn'?t|is not|wasn'?t|was not|aint) "
    r"(?=[a-z])|"
    # "number 3 isn't about space" (set AF: asked "which themes?")
    r"\b(isn'?t|is not|wasn'?t|was not|aren'?t|not) (about|really about|anything to do with)\b|"
    r"(take|knock|strip|cross|leave)( [\w'&-]+){1,5} (off|out))\b",
    re.I,
)
# "the first one should have skills on too", "number 2 needs housing as well" (set AG asked
# which themes instead): a theme added to an answer pointed at
POINTED_ADDITION = re.compile(
    r"\b(should (also )?(have|get|carry|include|be under)|needs?|wants?)\b[\w' ]{1,40}?"
    r"\b(too|as well|also)\b|\bshould (also )?(have|carry|include)\b",
    re.IGNORECASE,
)


def adds_to_pointed_answer(text: str, count: int) -> bool:
    """A theme added to one answer by its place ("the first one should have skills on too")."""
    return pointed_item(text, count) is not None and POINTED_ADDITION.search(text) is not None


# "it's fine", "leave them", "actually no changes": keep the themes as they are
KEEP_WORDS = re.compile(
    r"\b(leave|keep) (them|it|those|that|as)\b|\bas (they|it) (are|is)\b|\bno changes?\b|"
    r"\b(they'?re|it'?s|that'?s|all|looks?) (fine|ok|okay|good|right)\b",
    re.IGNORECASE,
)

# "that's right now", "yes that's it", "all good": the play-back confirmed
_CONFIRM_UNIT = (
    r"(yes|yeah|yep|yup|aye|ok|okay|cheers|thanks|thank you|ta|lovely|perfect|great|"
    # "Yes that is right" (set BT)
    r"(that'?s|thats|that is|it'?s|its|it is|all|looks|that looks|it looks)( absolutely| perfectly|"
    r" just| all|"
    r" about| pretty much| more or less)? (right|reet|correct|it|fine|good|spot on|perfect|grand|"
    r"the lot|about it|everything)|"
    # "good now", "all fine now" after a change; "bang on", "all correct, thanks" (sets AE, AF)
    r"(all )?(good|fine|better|right|correct|sorted|perfect|spot on)( now| then)?|"
    r"bang on|spot on|nailed it|"
    # "@btvlep rest is right yes" after putting one answer right (set AT)
    r"(the )?rest (is|are|looks?|of it is)( all)? (right|correct|fine|good|ok|okay)|"
    # "happy with that", "all present and correct", "yep that's us" (set AG)
    r"(i'?m |we'?re )?happy with (that|it|this|those|them|all that)|all present and correct|"
    r"(that'?s|thats) (us|me|about us)|"
    # "yep that's about the size of it", "that sums it up" (set AG)
    r"(that'?s|thats) (about |pretty much |just )?the size of it|"
    r"(that )?(sums|covers) it( all)? up|"
    # "Right, fair enough. All correct then", "That's better", "Nope, nothing to change",
    # "thats it exactly" (set AY asked which themes to change, or played it all back again)
    r"right|fair enough( though| then)?|exactly|(that'?s|thats|it'?s|its|much) better|"
    # "Quite right, thank you.", "That is just as I intended it." (set DY: "add or drop")
    r"quite (right|so)|just so|precisely|(that'?s|thats|that is|it'?s|its|it is) (just |exactly |"
    r"precisely )?(as|what) (i|we) (intended|meant|wanted|said|wrote)( it| to say)?|"
    # "Yes, is exactly like this", "Yes, this is it", "is correct" (set EH, second-language
    # owners: "didn't understand")
    r"(it |this |that )?is (exactly |all |very |so )?(like this|like that|correct|right|good|"
    r"ok|okay|fine|so)|this is it|"
    # "@btvlep aye, no bad" (set BA, Scots: "didn't understand")
    r"(no|not|nae) bad|"
    # "Yes, that is a fair record of what I wrote.", "Thank you, that is a fair summary.",
    # "I have read it through, and it is correct." (set DQ: "forget me", "add or drop")
    r"(that'?s|thats|that is|it'?s|its|it is|this is)( a| an)?( very| most| perfectly)? (fair|"
    r"faithful|accurate|true|good|correct|full|complete|fine|reasonable) (record|summary|account|"
    r"reflection|picture|representation|list|note)( of (it|that|what (i|we) (wrote|said|put|"
    r"told you|typed)))?|"
    r"(that'?s|thats|that is|it'?s|its|it is)( all)?( quite| perfectly| entirely)? (accurate|"
    r"faithful|fair|true)|"
    r"(i'?ve|i have|we'?ve|we have) (read|checked|looked (at|over)) (it|that|them|this|it all)"
    r"( (through|over|carefully|again))?|"
    r"(that'?s|thats) it exactly|"
    r"((no|nope|nah),? )?(nothing|no changes?|none)( (to change|needed|to correct|to add))+|"
    # "All correct, no changes", "All clear, yes", "don't delete anything!", "nothing to take
    # out", "no need to go back over it" (set DI asked which themes to change, or deleted)
    r"no (changes?|amendments?|corrections?|alterations?)( needed| please| required| necessary|"
    r" to make)?|all clear|"
    r"(please )?(don'?t|dont|do not) (change|drop|delete|remove|touch) (anything|a thing)|"
    r"nothing to (take out|change|drop|remove|delete|add)|"
    r"no need to (change anything|go back over (it|that|them)))"
)
CONFIRMS = re.compile(
    rf"((@\w+ )*){_CONFIRM_UNIT}([ ,.!;]+((and )?{_CONFIRM_UNIT}|thank you( ever so much|"
    r" very much| so much)?|thanks|ta|cheers|now|then|though))*"
)


def confirms(text: str) -> bool:
    """The whole reply confirms the play-back ("thats it", "yeah that's about right",
    "good now"), whatever NLU made of it, or does so formally ("Having read it through, I am
    satisfied that it is a fair record.")."""
    said = " ".join(text.lower().split()).rstrip(".!")
    said = without_kisses(said)  # "yes lovely x" (set BA)
    return CONFIRMS.fullmatch(said) is not None or confirms_formally(text)


# A letter's confirmation: "I have checked it against my notes, and it is correct.", "The
# summary is correct in every particular.", "I have read it through and have nothing to add
# or correct." (set DX kept each as one more view): a word of approval, nothing that doubts
# or changes it, no theme named, no question
_APPROVES = re.compile(
    r"\b(correct|accurate|fair|faithful|satisfied|content|in order|agreed|reflects?|"
    # "That appears to be a complete record; thank you.", "I confirm.", "That captures our
    # position well." (set EU was told how to be forgotten)
    r"(complete|true|full|good) (record|summary|account|reflection|picture)|confirm(ed)?|"
    r"captures? (it|that|everything|our|my|the (gist|points?|position))|(happy|pleased) with)\b"
)
_DOUBTS = re.compile(
    r"\b(not|isn'?t|aren'?t|wasn'?t|doesn'?t|don'?t|can'?t|cannot|couldn'?t|incorrect|inaccurate|"
    r"wrong|missing|missed|"
    r"but|except|however|although|though|apart|add|adding|drop|remove|change|amend|should|also|"
    r"too|another|more|only|partly|mostly|largely|broadly|almost|nearly|if|issues?|problems?|"
    r"needs?|costs?|expensive|shortage|lack)\b"
)
_NOTHING_TO = re.compile(
    r"\b(nothing|no need|no wish|no reason) to (add|change|correct|amend|alter)"
    r"( (or|and) (add|change|correct|amend|alter))?( to it)?\b"
)
FORMAL_MAX_WORDS = 30


# "The summary is accurate, and I shall report it to the council at our next meeting."
# (set DX was told to contact the council): what the writer will do with the summary
_REPORTS_IT = re.compile(
    r"^(?:and )?(?:i|we) (?:shall|will|'ll|intend to|plan to) (?:report|share|pass|show|"
    r"circulate|send|forward|mention|copy|present|table)\b"
)


def confirms_formally(text: str) -> bool:
    """A formal sentence or two that approves the play-back and changes nothing, perhaps
    with what the writer will do with it ("..., and I shall report it to the council")."""
    plain = normalise(without_addressees(text))
    parts = re.split(r"(?i)[.;,]\s+(?=(?:and )?(?:i|we) )", without_addressees(text), maxsplit=1)
    if len(parts) == 2 and _REPORTS_IT.match(normalise(parts[1])):
        plain = normalise(parts[0])
    kept = _NOTHING_TO.sub(" in order ", plain)
    return (
        0 < len(plain.split()) <= FORMAL_MAX_WORDS
        and "?" not in text
        and _APPROVES.search(kept) is not None
        and _DOUBTS.search(kept) is None
        and not named_themes(plain)
        and not names_a_subject(plain)
    )


def confirms_with_email(text: str) -> str | None:
    """The address offered with a confirmation of the play-back ("all correct, and you can
    send any updates to kev@keystonelocks.co.uk": set AI kept it as one more view), or None."""
    plain = without_own_tags(without_addressees(text))
    email = offered_email(plain)
    # "looks right. email me updates pls, priya@..." (set BM): a full stop parts them too
    head = re.split(r"[,;]|[.!](?=\s)| and ", plain, maxsplit=1)[0]
    return email if email and head != plain and confirms(head) else None


def follow_up_with_confirmation(text: str) -> bool | None:
    """The answer to the follow-up question given with a confirmation of the play-back
    ("yep all good, no emails ta" -> False, "That's better. Yes to emails" -> True: sets AV
    and AY were asked which themes to change); None when the message is not that."""
    found = follow_up_after(without_own_tags(without_addressees(text)))
    if found is None:
        return None
    head, wants = found
    return wants if confirms(head) or says_yes(head) else None


def laugh_then_confirms(text: str) -> bool:
    """A laugh or a remark on the chat, then a confirmation ("ha, quicker than the council
    ever is. yes thats right": set AV's falconer had it added as one more view)."""
    plain = without_own_tags(without_addressees(text)).strip()
    head, mark, tail = plain.rpartition(".")
    if not mark or not tail.strip():
        head, mark, tail = plain.rpartition("!")
    if not mark or not (confirms(tail.strip()) or says_yes(tail.strip())):
        return False
    said = normalise(head)
    return remarks_on_the_chat(head) or (
        LAUGH_LEAD.match(said) is not None
        and len(said.split()) <= LAUGH_REMARK_MAX_WORDS
        and not any(parse_correction(head))
        and not names_a_subject(head)  # "ha, the A41 is still awful. yes" adds a view
    )


# "ha, ...", "lol ...", "Blimey, reads like a right old moan" (set AY): a laugh or an
# exclamation opens a remark, not a view
LAUGH_LEAD = re.compile(
    r"(ha|haha+|hah|heh|lol|lmao|😂|🤣|blimey|crikey|gosh|wow|cor|ooh|oh dear|oh god|"
    r"bloody hell|goodness)\b"
)
LAUGH_REMARK_MAX_WORDS = 10


def yes_then_asks(text: str) -> bool:
    """A yes to the play-back, then a question ("yes. will the council get to see this?": set
    AY answered the question and asked for the yes again)."""
    parts = re.split(r"[.!,;]+\s*", text.strip(), maxsplit=1)
    if len(parts) != 2 or not (says_yes(parts[0]) or confirms(parts[0])):
        return False
    if lead_in_only(parts[0]):
        return False  # "Before I confirm, do we get to see ...?" asks first
    rest = parts[1].rstrip()
    # "Yes, that's all correct. How else can we get involved beyond this chat? We'd happily
    # host a visit." (set BC was answered and asked for the yes again): a remark may follow
    _, asked, after = rest.partition("?")
    return bool(asked) and (
        not after.strip()
        or (len(after.split()) <= ASKS_REMARK_MAX_WORDS and not any(parse_correction(after)))
    )


ASKS_REMARK_MAX_WORDS = 10


def yes_and_a_remark(text: str) -> bool:
    """A whole yes, then words with no subject in them ("Yes, that is what the business wants
    to say.": set AR kept it as one more view and played everything back again; "Yes that
    is right. Thank you for being so patient ...": set BT)."""
    rest = yes_then_more(text, also_yes=confirms)
    return (
        rest is not None
        and not any(parse_correction(rest))
        and not names_a_subject(rest)
        and not ADDS_TO_AN_ANSWER.search(normalise(rest))
    )


# Asking for words to be added: "add that", "can u also say", "stick on the end that" (sets
# AD and AE at the play-back; `playback_fixes` reads it before an answer's number too)
ADD_VERB = (
    r"(can (you|u) |could (you|u) |please |pls |plz )?(also )?"
    r"(add|put|say|stick|include|mention|note|tack)"
    r"( it| this)?( on the end| at the end| in| down| on)?( that| this)?"
)


# "aye thats it, just add to the last one that the council could put out a leaflet" (set BG
# was shown the play-back again): a yes, then words added to one answer
ADDS_TO_AN_ANSWER = re.compile(
    r"\b(add|put|stick|tack|include|mention|note)\b.{0,20}?\b(to|on|onto|in|under|for)\s+"
    r"(the\s+)?(last|first|second|third|fourth|\d+(st|nd|rd|th)?|number\s+\d+)\b"
)


_CLAUSE = re.compile(r"\s*(?:[,;.!?]+|\s(?:so|but|and then)\s)\s*")


def explicit_part(text: str) -> str:
    """The clauses of a correction that make the change ("Mostly right, but the first one's
    about our software, not HS2, so take infrastructure off that one": "take infrastructure
    off that one"; set BG dropped Digital science too, read off "not" beside "software"),
    or the whole text when no clause does on its own."""
    changing = [c for c in _CLAUSE.split(text) if c and EXPLICIT_CHANGE.search(normalise(c))]
    return ", ".join(changing) if changing else text


# "yes but add that parking is a nightmare too, brides can't park anywhere near" (set BO
# was shown the play-back again): a whole yes, then one more view to add
YES_THEN_ADD = re.compile(
    rf"^(?P<yes>[^,.;!]+?)[ ,.;!-]+(?:but|and|though|just)?\s*{ADD_VERB}[ ,:]+(?P<view>\S.*)$",
    re.IGNORECASE,
)


ITEMS_MAX = 99  # any answer a change points at counts: its number is checked when it is made


# "Yes, spot on. Oh, and parking: our fitters get a ticket on almost every job" (set CE was
# shown the play-back again, and its "Yes please" to the email read as the play-back's yes)
OH_AND = re.compile(
    r"[.!,;:-]+\s*(?:oh[ ,]+)?(?:and|also|plus|ps|p\.s\.|one more thing)\b[ ,:.-]*", re.IGNORECASE
)


THEMES_ONLY_MAX_WORDS = 4  # "infrastructure too", "add skills as well": themes, not a view
TOPIC_FIRST = re.compile(r"^[a-z][a-z' ]{1,30}:\s+\S+(\s+\S+){3,}", re.IGNORECASE)


def yes_then_addition(text: str) -> str | None:
    """The view a confirmation of the play-back adds ("yes but add that parking is a
    nightmare too" -> "parking is a nightmare too", "Yes, spot on. Oh, and parking: ..." ->
    "parking: ..."); None for anything else, an addition pointed at one answer ("thats it,
    just add to the last one that ...") included."""
    plain = without_own_tags(without_addressees(text)).strip()
    if ADDS_TO_AN_ANSWER.search(normalise(plain)):
        return None
    match = YES_THEN_ADD.match(plain)
    if match is None:
        for oh_and in OH_AND.finditer(plain):
            yes, view = plain[: oh_and.start()], plain[oh_and.end() :].strip()
            # a subject the tagger sees, or one named before a colon ("parking: our fitters
            # get a ticket on almost every job" names none it knows)
            said = names_a_subject(view) or TOPIC_FIRST.match(view) is not None
            if (confirms(yes) or says_yes(yes)) and said:
                # "Yes, and infrastructure too" adds a theme, not a view
                changes = item_changes(view, ITEMS_MAX) or (
                    len(view.split()) <= THEMES_ONLY_MAX_WORDS and any(parse_correction(view))
                )
                return None if changes else view
        return None
    if item_changes(match["view"], ITEMS_MAX):
        return None  # "Yes, but put environment on all of them, ..." changes the themes (set AY)
    yes, view = match["yes"], match["view"].strip()
    return view if (confirms(yes) or says_yes(yes)) and names_a_subject(view) else None
