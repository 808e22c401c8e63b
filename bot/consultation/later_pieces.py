"""A later piece of the answer just given, sent once the next question is asked, that says
so by what it points back to: "What I mean is ...", "By that I mean ...", "As in, ...",
"@btvlep ie ..." after a one-word answer; "Forgot to say on the money side: ...", "Should
have said as well ..."; "Another gripe while I'm at it: ...", "One more: ...", "@btvlep 2nd
thing, ...", "@btvlep other thing, ...", "The other barrier is ..."; "On top of that, ...",
"Same goes for the NHS: ...", "And while I think of it, ...".

Found by set ET of unseen conversations (busy owners answering in pieces): each such piece
was kept as the answer to the question then pending, and the owner's real answer to it went
to the question after. The words point back at what was said, so the piece is joined to the
last answer (`actions.answer_changes.add_to_last`) and the pending question asked again. A
plain "and ..." or "also ..." is `asides.continues_answer`; a new answer that only happens to
open with "Also" is not caught here. Where the words name the pending question's kind ("the
other thing that would help" at the help question) or only the pending driver's subject
("On top of that, the roads ..." at the Infrastructure question after another driver), the
piece is that question's answer. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.questions import key_theme, named_themes
from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

_LEAD = (
    r"^((oh|ah|and|n|also|right|ok|okay|so|sorry|oops|whoops|argh|doh|actually|just|plus|btw|"
    r"by the way)\s)*"
)
# what the last answer meant: always about the words just sent
EXPLAINS = re.compile(
    _LEAD + r"((what|wot|wat) ((i|we) (mean|meant)|(i'?m|im|i am|i was|we'?re|we are|we were) "
    r"(getting|driving) at|(i'?m|im|i am|i was) (saying|on about)) (is|was|by (that|it|this) is)|"
    r"by (that|it|this|which|"
    r"[a-z]+) (i|we) (mean|meant)|(i|we) (mean|meant) by (that|it|this)|when (i|we) say "
    r"[a-z' ]{1,30} (i|we) mean|as in|ie|i e|eg|e g|that is to say|"
    r"in other words|to (clarify|be clear|explain|expand on (that|this|it)|elaborate)|"
    r"(i should|let me|i'?ll|i'?d better) (explain|clarify|expand on (that|this|it))|"
    r"put (it )?another way|meaning)\b"
)
# "hit send too soon", "pressed enter 2 early", "sent it before i finished": the message
# before went off unfinished ("2" and "to" for "too" on X)
SENT_TOO_SOON = (
    r"((hit|hitting|pressed|pushed|clicked|tapped|sent|send|posted)( send| enter| it| that| "
    r"this)? (too|to|2) (soon|early|quick|quickly|fast)|sent (it |that |this )?before (i|we) "
    r"(finished|was done|were done|had finished))"
)
# something left out of the last answer
FORGOT = re.compile(
    _LEAD + r"((i|we) )?(also )?((forgot|forgotten|neglected) to (say|mention|add|put|tell "
    r"(you|u))|forgot (one|a bit|something|this|one thing)|"
    # "we missed a point in the tender", "we should have added a shift" are views
    r"(?<!we )missed (a bit|something|one|a point)|"
    r"meant to (say|mention|add|put)( as well| too| also)?|"
    r"should (have|'ve|of|also have) (said|put)( as well| too| also)|"
    r"(?<!we )should (have|'ve|of|also have) (mentioned|added)|"
    r"(?<=i )should (also )?(add|mention)|(one )?(more )?thing (i|we) (forgot|missed|left out)|"
    # "@btvlep sorry hit send 2 soon, ended up training my nephew ..." once the next question
    # was asked (set EW kept it as that question's answer): the DM says it finishes the last
    rf"{SENT_TOO_SOON})\b"
)
# one more point of the same answer: "another gripe", "one more:", "2nd thing", "other thing"
_POINT = (
    r"(thing|one|1|point|issue|problem|gripe|moan|bugbear|headache|worry|niggle|complaint|"
    r"reason|barrier|obstacle|opportunity|example|bit|thought)"
)
ANOTHER_POINT = re.compile(
    _LEAD + r"((and )?(another|one more|the other|other|(the )?(2nd|second|3rd|third))"
    rf"( big| main| major| real| small)? {_POINT}s?|secondly|thirdly|"
    r"(thing|point|issue|problem) (no )?(2|3|two|three))\b"
    # not a point named from an earlier answer as this one's: "The second thing I mentioned,
    # really. Someone to put us in front of ..." answers the help question (set CI)
    r"(?! (i|we|you) (mentioned|said|listed|put|wrote|raised|named|gave)\b)"
)
# "One more: ..." (set ET): the bare "one more" only with a stop after it, seen before the
# message is normalised
ONE_MORE = re.compile(
    r"^\W*((and|oh|also|n)\s+)*(one more|2nd|second|3rd|third)\s*[:;,\-\u2013\u2014]",
    re.IGNORECASE,
)
# "last 1, ...", "final thing: ..." only after a piece numbered before it ("2nd thing, ..."):
# alone, "last one" may as well mean the last question
LAST_POINT = re.compile(_LEAD + rf"((the )?(last|final)( big| main)? {_POINT}|lastly|finally)\b")
# a link back to what was just said
LINKS_BACK = re.compile(
    _LEAD + r"(on top of (that|this|all that|all this|which)|as well as (that|this)|"
    r"besides (that|this|which)|not to mention|(while|whilst) (i'?m|i am|im) (at it|on (it|"
    r"the subject|that|this))|(while|whilst) (i|we) think of it|that reminds me|"
    r"speaking of (which|that)|come to think of it|same (goes|applies|is true) (for|to|of)|"
    r"(and|n) (don'?t|dont|do not) (even )?get me started( on)?|"
    r"to add to (that|this|what i said|it)|adding to (that|this)|further to (that|this)|"
    r"before (i|we) forget|"
    # "@btvlep like a mentor or a 1 day course on pricing & tax would help" after "all the
    # business support is aimed at firms with staff" (set EA): an example of what was said;
    # not "like a lot of firms, ..."
    r"like (a|an|some|more|proper|better|decent|cheaper)(?! (lot|few|bit|number|couple)\b)|"
    r"following on (from )?(that|this)|building on (that|this)|more on (that|this))\b"
)
# "@btvlep oh on the last one, also an apprenticeship for ..." at the seabed choice (set FT
# chose skills from it): the last answer named as the one the words are for, then a word that
# adds to it or puts it right
ON_THE_LAST = re.compile(
    _LEAD + r"(on|about|re|regarding|to) (that|the|my|our) ((last|previous|earlier) )?"
    r"(one|answer|point|bit)( (again|too))? (also|and also|and|plus|add|i meant|we meant|"
    r"(i )?forgot( to (say|mention|add))?|one more thing)\b"
)
MIN_WORDS_AFTER = 3  # "one more thing" alone announces; the piece is what follows
# "ie parking", "As in, the A41" explain in two words; "As in what?" asks
MIN_WORDS_EXPLAINED = 2
ASKS_MAX_WORDS = 6
# the first words after the cue, where the kind or the subject of a new answer shows
_SUBJECT_WORDS = 8
# words of an island question's kind: "the other barrier is ..." at the help question
# carries on the barriers answer; "another thing that would help is ..." answers the help one
_KIND_WORDS = {
    "opportunities": re.compile(r"\b(opportunit\w*|chances?|potential|openings?|could grow)\b"),
    "barriers": re.compile(
        r"\b(barriers?|problems?|obstacles?|issues?|gripes?|moans?|headaches?|bugbears?|"
        r"worry|worries|complaints?|niggles?|holds? (us|me) back)\b"
    ),
    "help": re.compile(r"\b(help|helps|would help|need|needs|wish|want)\b"),
}


def _kind_named(words: str) -> str | None:
    """The island question's kind that `words` name, or None."""
    return next((kind for kind, named in _KIND_WORDS.items() if named.search(words)), None)


def _cue(raw: str, norm: str, previous_text: str | None) -> tuple[str, bool] | None:
    """The pointing-back words the message opens with and whether they point back whatever
    follows (an explanation, something forgotten); None when there are none."""
    if one_more := ONE_MORE.match(raw):
        return normalise(one_more.group(0)), False
    for pattern, strong in (
        (EXPLAINS, True),
        (FORGOT, True),
        (ON_THE_LAST, True),
        (ANOTHER_POINT, False),
    ):
        if match := pattern.match(norm):
            return match.group(0), strong
    if match := LINKS_BACK.match(norm):
        return match.group(0), False
    last = LAST_POINT.match(norm)
    before = normalise(without_addressees(previous_text or ""))
    if last and (ANOTHER_POINT.match(before) or LAST_POINT.match(before)):
        return last.group(0), False  # "2nd thing, ..." then "last 1, ..."
    return None


# at the play-back and the choices, "the second one ..." points at a numbered answer or
# theme, not at a point of the last answer
_NUMBERED = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|secondly|thirdly|last|final|one(?! more)|1)\b"
)


def points_back(text: Any, previous_text: str | None = None) -> bool:
    """The message opens with words that point back at the answer before, other than a
    number, and goes on past them: at the play-back or a choice, where no question waits,
    one more piece of the last answer."""
    if not isinstance(text, str) or not carries_on_last(text, "", None, previous_text):
        return False
    raw = without_addressees(text)
    found = _cue(raw, normalise(raw), previous_text)
    return found is not None and (about_the_last(text) or _NUMBERED.search(found[0]) is None)


def about_the_last(text: Any) -> bool:
    """The message says it is about the last answer ("oh on the last one, also ..."), so
    the themes its words name are that answer's, not a choice."""
    return (
        isinstance(text, str) and ON_THE_LAST.match(normalise(without_addressees(text))) is not None
    )


def carries_on_last(
    text: Any, previous_key: str | None, pending_key: str | None, previous_text: str | None = None
) -> bool:
    """The message is one more piece of the answer to `previous_key` (the question answered
    just before `pending_key`; None at a choice or the play-back, where no question waits),
    said by the words it opens with; `previous_text` is the business's message before."""
    if not isinstance(text, str) or previous_key is None:
        return False
    raw = without_addressees(text)
    norm = normalise(raw)
    found = _cue(raw, norm, previous_text)
    if found is None:
        return False
    cue, strong = found
    rest = norm[len(cue) :].split()
    if len(rest) < (MIN_WORDS_EXPLAINED if strong else MIN_WORDS_AFTER):
        return False
    if "?" in raw and len(rest) <= ASKS_MAX_WORDS:
        return False  # "As in, which college?": a question back
    if strong or pending_key is None:
        return True
    pending_kind = pending_key.rsplit(":", 1)[-1]
    previous_kind = previous_key.rsplit(":", 1)[-1]
    if pending_kind != previous_kind:  # island questions: the kind named decides
        if named := _kind_named(cue.split()[-1]):  # "the other barrier is ..."
            return named == previous_kind
        opening = " ".join(rest[:_SUBJECT_WORDS])
        if _kind_named(opening) == pending_kind:
            return False  # "another thing that would help is ..." at the help question
    # "On top of that, the roads ..." at the Infrastructure question: its own answer
    return not on_the_pending_subject(" ".join(rest), previous_key, pending_key)


def on_the_pending_subject(text: str, previous_key: str, pending_key: str) -> bool:
    """The words open on the pending driver's subject, named outright, and not the last one's
    ("also the roads are gridlocked every morning" at the Infrastructure question after the
    entrepreneurialism answer): an answer to the question pending, however it opens; False
    within one theme."""
    pending_theme, previous_theme = key_theme(pending_key), key_theme(previous_key)
    if pending_theme == previous_theme:
        return False
    subjects = named_themes(" ".join(normalise(text).split()[:_SUBJECT_WORDS]))
    return pending_theme in subjects and previous_theme not in subjects
