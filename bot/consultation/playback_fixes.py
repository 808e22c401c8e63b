"""An answer at the play-back put right by its number, subject or words ("no, number 1 should
say the A413", "the second one should say chesham, not amersham", "add to 2 that ..."),
in its place or joined to it (`amendments`).

Split from afterthoughts.py, which reads views that come after their moment; the readers
have no Rasa imports, and the change is stored through `service`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation import service
from bot.consultation.amendments import ADDED, CORRECTED, REWORDED, amend_answer
from bot.consultation.figure_fixes import put_figure_right
from bot.consultation.playback_replies import ADD_VERB, EXPLICIT_CHANGE, ITEMS_MAX, explicit_part
from bot.consultation.questions import message, named_themes, parse_correction, question_kind
from bot.consultation.replies import normalise
from bot.consultation.replies.text import ORDINALS

# re-exported: set ED's tests read WROTE_MEANT here
from bot.consultation.word_fixes import WROTE_MEANT as WROTE_MEANT
from bot.consultation.word_fixes import words_swapped
from bot.consultation.x_style import plain_dm, without_addressees, without_own_tags

# At the play-back, a numbered answer put right ("no, number 1 should say the A413 not the
# A41", "2 should read electricians", "in no. 2 I meant Thame"): set U's was read as a theme
# change ("Which themes should I add or drop?") and lost
# a played-back answer by its number or place: "number 2", "no. 2", "the second one"
_ITEM = (
    r"(the )?(number|no|item|point|answer|line|#)?\s*"
    # "the 1st one i meant the slough test centre" (set BJ): a digit with its ordinal ending
    rf"(?P<n>\d{{1,2}}|{'|'.join(ORDINALS)}|last)(?:(?<=\d)(?:st|nd|rd|th))?"
    r"( one| answer| bit| point)?"
)
ITEM_FIX = re.compile(
    r"^((no|nope|sorry|oops|actually|wait|ah|oh|hmm|almost|nearly|close|not quite|hold on|"
    r"hang on)\s+)*"
    # "Hold on, number 2 isn't quite right. I meant ..." (set BP: read as a theme change)
    rf"((in|on|for|re) )?{_ITEM},?\s+(should (say|read|be|have said)|is wrong|"
    r"isn'?t (quite )?right( i meant)?|"
    r"needs to (say|read|be)|wants to say|i meant|it should (say|read|be)|meant|"
    r"was meant to (say|be))\b\s+(?P<rest>.+)$"
)
# why an answer is wrong, in the owner's words about their own slip: "i was thinking of our
# old branch", "i got them mixed up", "wrong branch"
_SLIP = (
    r"((i|we) (was|were) (thinking|talking|confusing|mixing|muddling|going on|on about)|"
    r"(i|we) (got|had|have) (it|that|this|them|my wires|things) (mixed|muddled|confused|"
    r"crossed|wrong|backwards)|(i|we) (mixed|muddled|confused|misread|misunderstood)|"
    r"(that|it) (was|is|s) (about |from )?(our|the|my) (old|other|previous)|"
    r"wrong (one|question|branch|site|shop|office|place|business)|(my|our) (mistake|bad))\b"
)
# "actually change the second one", "can I redo number 2?", "the second one is wrong": a
# new wording is asked for (set AB's "should be: ..." after it was kept as a new view)
CHANGE_REQUEST = re.compile(
    r"^((no|nope|sorry|oops|actually|wait|ah|oh|hmm|hang on|hold on|um|erm|ok|okay|can you|"
    r"could you|can i|could i|can we|please|pls|i'?d like to|i want to|i need to|let me)\s+)*"
    r"((?P<verb>change|edit|redo|update|fix|amend|rewrite|reword|correct) )?"
    rf"{_ITEM}(?P<bad> (is|was) (wrong|not right|incorrect)| needs (changing|fixing)|"
    # "Number 3 isn't what I meant, can I rewrite it?" (set FI was told "You're doing it
    # now!"): the answer disowned, then the wish to give it again
    r" (isn'?t|is not|wasn'?t|was not) (quite )?(right|what i meant|what i wanted to say)"
    r"(( so)? (can|could|may) (i|we) (rewrite|redo|reword|change|fix|correct) it)?)?"
    # "Hold on, the second one isn't right, I was thinking of our old branch" (set GA joined
    # the reason to the answer as its correction): the owner's slip said, no new wording
    rf"( {_SLIP}(?!.*\b(should|meant|instead|rather than|make it|change it to)\b).*)?"
    r"( please| pls)?$"
)

# "Can I reword the last one? Make it: ..." (set BG was asked which themes to change): an
# answer named with a verb of rewording, its new wording in the same message
REWORD_ITEM = re.compile(rf"\b(reword|rewrite|redo|edit|amend|change|update) {_ITEM}\b")


def _bare(text: str) -> str:
    """Without the handles an X DM opens with and the campaign's own tags."""
    return without_own_tags(without_addressees(text))


# public: later changes (`later_changes`) name answers the same way
ITEM_PATTERN = _ITEM


def _item(match: re.Match[str], count: int) -> int | None:
    word = match.group("n").lower()
    n = count if word == "last" else ORDINALS.index(word) + 1 if word in ORDINALS else int(word)
    return n if 1 <= n <= count else None


def item_number(match: re.Match[str], count: int) -> int | None:
    """The answer number an `ITEM_PATTERN` match names, among `count` answers."""
    return _item(match, count)


def corrected_item(text: Any, count: int) -> int | None:
    """The number (1-based) of the played-back answer a message puts right, among `count`
    answers; None when it names none (a theme change: "no, add skills")."""
    if not isinstance(text, str) or change_asked(text, count):
        return None  # "the second one isn't right, I was thinking of ...": no new wording
    match = ITEM_FIX.match(normalise(_bare(text)))
    return _item(match, count) if match else None


def change_asked(text: Any, count: int) -> int | None:
    """The number of the answer a message asks to change without saying how ("actually
    change the second one"), among `count` answers; None for anything else."""
    if not isinstance(text, str):
        return None
    match = CHANGE_REQUEST.match(normalise(_bare(text)).rstrip("?"))
    if match is None or not (match.group("verb") or match.group("bad")):
        return None  # "the second one" alone names an answer, asks nothing
    return _item(match, count)


# "the second one, stick on the end that ...", "for the first one, put that ...", "on the
# walkers one, add that ..." at the play-back (set AD kept them as one more view)
ITEM_ADD = re.compile(
    r"^((oh|and|also|sorry|actually|one more thing)[ ,:-]*)*((for|on|to|in|with) )?"
    rf"{_ITEM}[ ,:-]+{ADD_VERB}[ ,:-]+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# "one more thing for answer 1 - the college stopped its course", "could you tack onto 1
# that we'd take on an apprentice" (set AF kept both as one more view)
ITEM_MORE = re.compile(
    r"^((oh|and|also|sorry|actually)[ ,:-]*)*(one more thing|another thing|something else|"
    rf"also|and)[ ,:-]*(for|on|to|re|about) {_ITEM}[ ,:-]+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# "forgot one bit, can you add to the roads one that ..." after the goodbye (set FI was told
# the consultation had finished): a few words owning up, then the addition
_OWNED_UP = (
    r"((forgot|forgotten|missed|left out|just remembered|one more)[a-z' ]{0,20}[,.;:!-]+\s*)?"
)
ITEM_TACKED = re.compile(
    # "Nearly - can you add to number 2 that ..." (set BK): nearly right, then the addition
    rf"^{_OWNED_UP}((nearly|almost|mostly|not quite|close)\W+)?"
    rf"{ADD_VERB}\s+(on ?to|to|onto|on|under|with)\s+{_ITEM}( that| this)?[ ,:-]+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# an answer named by its subject: "the skills one", "my roads answer", "our housing bit",
# and "my answer on housing growth" (set FN kept "I'd like to change my answer on housing
# growth, please. It should read: ..." as the next question's answer); one spelling for
# every reader here and in `named_changes`, so a business can name an answer the same way
# whatever it goes on to do with it
_TOPIC = (
    r"(?:the|my|that|our)\s+(?P<about>(?:answer|reply|bit|point)\s+(?:on|about|for|to|re)\s+"
    r"(?:the\s+)?)?(?P<topic>[a-z0-9' ]{1,25}?)"
    r"(?(about)(?:\s+(?:one|question|bit|driver))?\b|\s+(?:one|answer|bit|point|question))"
)
TOPIC_PATTERN = _TOPIC
TOPIC_ADD = re.compile(
    r"^((oh|and|also|sorry|actually|one more thing)[ ,:-]*)*(for|on|to|in|with) "
    rf"{_TOPIC}[ ,:-]+{ADD_VERB}[ ,:-]+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# "@btvlep oh & add to the skills one: the nearest lantra assessor is in oxford" (set CQ was
# told about two drivers): the verb first, then the answer by its subject
TOPIC_TACKED = re.compile(
    rf"^{_OWNED_UP}((oh|and|also|&|sorry|actually|one more thing)[ ,:&-]*)*"
    rf"{ADD_VERB}\s+(on ?to|to|onto|under) {_TOPIC}( that| this)?[ ,:-]+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# "Hold on, you missed the part about broadband. It goes with the digital one: half the
# villages ..." (set ED added infrastructure to every answer and kept no words): the words
# after the answer named by its subject are added to it
TOPIC_GOES = re.compile(
    r"^((hold on|hang on|oh|sorry|actually|wait|and)[ ,:-]*)*"
    r"(you (missed|left out|forgot|didn'?t (get|include|put))[^.!?:]{0,60}[.!,;:-]+\s*)?"
    r"(it|that|this|which)( bit| part)? (goes|belongs|should go|fits|is for) (with|in|under|on|"
    rf"into|to) {_TOPIC}[ ,:;.-]+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# "where I said Gerrards Cross, make that Chalfont St Peter"
WHERE_I_SAID = re.compile(
    r"^((oh|sorry|actually|and)[ ,:-]*)*(where|when) (i|we) (said|put|wrote|mentioned|typed) "
    r"(?P<old>[a-z0-9' -]{2,40}?)[ ,:-]+(make|change|swap) (that|it)( to| for)?\b"
)


def addition_to_item(text: str, answers: list[service.RecordedAnswer]) -> tuple[int, str] | None:
    """(answer number, what to add) when a message at the play-back adds to one answer by
    its number or its subject, else None."""
    plain = plain_dm(text)
    match = ITEM_ADD.match(plain) or ITEM_MORE.match(plain) or ITEM_TACKED.match(plain)
    if match:
        n = _item(match, len(answers))
        return (n, match.group("rest")) if n else None
    match = TOPIC_ADD.match(plain) or TOPIC_TACKED.match(plain) or TOPIC_GOES.match(plain)
    if match is None:
        return None
    n = topic_answer(match.group("topic"), answers)
    return (n, match.group("rest")) if n else None


def topic_answer(topic: str, answers: list[service.RecordedAnswer]) -> int | None:
    """The number of the one answer "the <topic> one" names: by a word it holds, else by
    the theme of its question ("the roads one": infrastructure), else by its kind ("the
    barriers answer" of one island: set EQ); None when not just one."""
    topic = normalise(topic)
    found = [i for i, a in enumerate(answers, 1) if f" {topic} " in f" {normalise(a.text)} "]
    if not found:
        themes = named_themes(topic)
        found = [
            i for i, a in enumerate(answers, 1) if any(t in (a.question_key or "") for t in themes)
        ]
    if not found and (kind := question_kind(topic)):
        found = [i for i, a in enumerate(answers, 1) if (a.question_key or "").endswith(f":{kind}")]
    return found[0] if len(found) == 1 else None


# "the microscope one should say £8k not £6k" (set AT: "didn't understand"): an answer named
# by a word of its own, with its new wording; "should be" is left to theme changes ("the bus
# one should be infrastructure")
SUBJECT_SAYS = re.compile(
    r"^(?:(?:no|sorry|oh|oops|actually)[ ,]+)*the (?P<word>[a-z][a-z'-]{2,}) "
    r"(?:one|answer|bit|part) should (?:say|read)\b"
)


def subject_put_right(text: str, answers: list[service.RecordedAnswer]) -> int | None:
    """The number of the one answer "the <word> one should say ..." names by a word it
    holds, or None (the word in no answer or in several, or a theme named)."""
    match = SUBJECT_SAYS.match(normalise(_bare(text)))
    if match is None or named_themes(text):
        return None
    word = f" {match.group('word')} "
    found = [i for i, a in enumerate(answers, 1) if word in f" {normalise(a.text)} "]
    return found[0] if len(found) == 1 else None


def said_put_right(text: str, answers: list[service.RecordedAnswer]) -> int | None:
    """The number of the one answer "where I said X, make that Y" puts right, or None."""
    match = WHERE_I_SAID.match(normalise(_bare(text)))
    if match is None:
        return None
    old = f" {match.group('old').strip()} "
    found = [i for i, a in enumerate(answers, 1) if old in f" {normalise(a.text)} "]
    return found[0] if len(found) == 1 else None


YES_FIRST = re.compile(
    r"^\W*(yes|yeah|yep|aye|ok|okay|right|great|lovely|perfect|good|fine)( (that'?s|thats|it'?s|"
    r"its|all) (it|right|fine|good|grand|spot on))?\s*[,.;:!-]+\s*(just |but |and |only |oh )*",
    re.IGNORECASE,
)


def _after_a_yes(text: str) -> str:
    """The message without a confirmation that opens it, when more follows."""
    bare = _bare(text)
    match = YES_FIRST.match(bare)
    return bare[match.end() :] if match and bare[match.end() :].strip() else text


def correct_played_back(sender_id: str, text: str) -> str | None:
    """Put a played-back answer right with a correction of it ("no, number 1 should say the
    A413", "the second one should say chesham, not amersham"): joined to that answer
    (`amendments`); the reply to send, or None when the message corrects no numbered
    answer."""
    text = _after_a_yes(text)  # "aye thats it, just add to the last one that ..." (set BG)
    norm = normalise(_bare(text))
    plain = plain_dm(text)
    numbered = corrected_item(text, ITEMS_MAX) is not None
    added = (
        ITEM_ADD.match(plain)
        or ITEM_MORE.match(plain)
        or ITEM_TACKED.match(plain)
        or TOPIC_ADD.match(plain)
        or TOPIC_TACKED.match(plain)
        or TOPIC_GOES.match(plain)
    )
    reworded = REWORD_ITEM.search(norm)
    if (figure := put_figure_right(sender_id, plain)) is not None:
        return figure  # "they pay 30% more, not 20%", "40 shud be 50" (set EQ): in place
    if (swapped := words_swapped(sender_id, plain)) is not None:
        return swapped  # "I wrote Chiltern Way but I meant the Chilterns Cycleway" (set ED)
    if not (
        numbered
        or added
        or reworded
        or WHERE_I_SAID.match(norm)
        or REPLACED.search(normalise(text))
        or SUBJECT_SAYS.match(norm)
    ):
        return None  # most messages: no need to read what was recorded
    if not added and EXPLICIT_CHANGE.search(norm) and any(parse_correction(explicit_part(norm))):
        # "the first one's about our software, not HS2, so take infrastructure off that one"
        # (set BG joined it to answer 1 as a correction): a change of themes; words added to
        # an answer ("add to the last one that the council could ...") are still added
        return None
    answers = service.recorded_answers(sender_id)
    if reworded and new_wording(_bare(text)) and (n := _item(reworded, len(answers))):
        return put_answer_right(sender_id, answers[n - 1].response_id, n, text)
    if (n_subject := subject_put_right(text, answers)) is not None:
        return put_answer_right(sender_id, answers[n_subject - 1].response_id, n_subject, text)
    if added and (addition := addition_to_item(text, answers)):
        item, rest = addition
        amend_answer(sender_id, answers[item - 1].response_id, rest, ADDED)
        return message("item_added", n=item)
    if (n_said := said_put_right(text, answers)) is not None:
        amend_answer(sender_id, answers[n_said - 1].response_id, _bare(text).strip(), CORRECTED)
        return message("item_corrected", n=n_said)
    n = (
        corrected_item(text, len(answers))
        if numbered
        else answer_put_right(text, [a.text for a in answers])
    )
    if n is None:
        return None
    return put_answer_right(sender_id, answers[n - 1].response_id, n, text)


def put_answer_right(
    sender_id: str, response_id: int, n: int, text: str, asked: bool = False
) -> str:
    """Answer `n` put right by `text`: in its place when `text` gives the new wording in
    full ("should be: we'd put solar on the roof ..."), or is the reply to "what should it
    say instead?" (`asked`) and withdraws no words of it; else joined to it as a
    correction. The reply to send."""
    text = _bare(text).strip()
    wording = new_wording(text)
    if asked and not wording and not REPLACED.search(normalise(text)):
        wording = text
    if wording:
        amend_answer(sender_id, response_id, wording, REWORDED)
        return message("item_replaced", n=n)
    amend_answer(sender_id, response_id, text, CORRECTED)
    return message("item_corrected", n=n)


# The new wording given in full: "should be: ...", "change it to ...", "replace it with ..."
# (a colon after "should be": "should say chesham, not amersham" only corrects a word)
NEW_WORDING = re.compile(
    r"^(.*?\b)?(((it|that|this|(the )?\w+ one) )?(should|needs to|wants to) (say|read|be)\s*:|"
    r"(change|replace|swap) (it|that|this|(the )?\w+ one)( for| to| with)|make it say|"
    # "Can I reword the last one? Make it: Nobody trains ..." (set BG)
    r"make it read|make it\s*:)\s*:?\s*(?P<wording>.+)$",
    re.IGNORECASE | re.DOTALL,
)
WORDING_MIN_WORDS = 4


def new_wording(text: str) -> str | None:
    """The wording that replaces an answer, when the message gives one in full."""
    match = NEW_WORDING.match(text.strip())
    if match is None:
        return None
    wording = match.group("wording").strip()
    return wording if len(wording.split()) >= WORDING_MIN_WORDS else None


# At the play-back, an answer put right by what it said ("it's the A418 from Thame, not the
# A41", "Chesham rather than Amersham"): set Y's was read as a theme change and lost. The
# words withdrawn name the answer when exactly one answer has them.
REPLACED = re.compile(
    r"\b(not|instead of|rather than|isn'?t|wasn'?t)( the| my| our)? (?P<old>[a-z0-9'-]+"
    r"( [a-z0-9'-]+){0,2}?)(?=$| that| which| but| and| it| its| from| in| on| at| so| i | we )"
)


def answer_put_right(text: Any, answers: list[str]) -> int | None:
    """The number (1-based) of the one answer whose words a correction withdraws ("not the
    A41"), or None when no answer or more than one has them."""
    if not isinstance(text, str):
        return None
    said = [f" {normalise(a).replace(',', ' ')} " for a in answers]
    # each sentence on its own: "..., not the B4009. Wrong road." withdraws "b4009", not
    # "b4009 wrong road" (set FI was asked which themes to change)
    clauses = (normalise(part).replace(",", " ") for part in re.split(r"[.!?;]+\s", f"{text} "))
    for match in (m for clause in clauses for m in REPLACED.finditer(clause)):
        old = match.group("old").strip()
        if old in CORRECTION_STOP:
            continue
        # "I meant manual mills, not lathes" of "... learned on a manual lathe" (set CQ)
        forms = {old, old[:-1]} if old.endswith("s") and len(old) > 3 else {old, f"{old}s"}
        found = [n for n, a in enumerate(said, 1) if any(f" {f} " in a for f in forms)]
        if len(found) == 1:
            return found[0]
    return None


CORRECTION_STOP = {"a", "an", "it", "that", "this", "really", "sure", "just", "so", "too", "much"}
