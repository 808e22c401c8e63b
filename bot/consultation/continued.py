"""An answer run over several messages with a written mark: "... (cont.)" at the end of
one, "(cont.) ...", "contd: ..." or "continued: ..." at the start of the next.

Found by set T of unseen conversations (conversation_probe_t.yml): a nursery's "...
(cont.)" was taken as the whole answer (the play-back at once) and its "(cont.) ..." kept
apart after the close; a holiday let's "contd: ..." sent once the next question was asked
was kept as that question's answer. A message ending with the mark is held until the rest
arrives; one opening with it carries on the answer before. The marks themselves are no
part of the view. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

# Unambiguous anywhere: "cont.", "contd", "cont'd", "ctd", "more to follow"; a bare
# "continued" only in brackets or after a dash or dots ("costs have continued" is a view)
_SHORT = r"cont\.?|cont(d|'d|’d)\.?|ctd\.?"
# "... 3) cont. below", "... more below" (set FR: a numbered list over two DMs)
_PHRASE = (
    r"more to follow|to be continued|continued (below|in (the )?next( message| msg| dm)?)|"
    r"cont(d|inued)? (in )?next( message| msg)?|(cont|contd|cont'd|ctd)\.? below|"
    r"more below"
)
# "... course (cont.)", "... course [contd]", "... course cont...", "... more to follow"
END_MARK = re.compile(
    rf"(\s*[(\[]\s*({_SHORT}|{_PHRASE}|continued|continues)\s*[)\]]"
    rf"|\s*(\.\.\.|…|[\-–—])\s*(continued|continues)"
    rf"|[\s,;:\-–—.…]*\b({_SHORT}|{_PHRASE}))[\s.…>]*$",
    re.IGNORECASE,
)
# "(cont.) and the ones ...", "contd: but ...", "Continued - ...", "...cont'd and ..."
START_MARK = re.compile(
    rf"^[\s.…]*([(\[]\s*({_SHORT}|continued)\s*[)\]]|(cont(d|'d|’d)?|ctd)\b\.?|"
    rf"continued\s*(?=[:.…\-–—]))[\s:.…\-–—]*(?=\S)",
    re.IGNORECASE,
)
# "@btvlep ...so none of the instructors can get home" after "... the bus stops at 6..." (set
# BA kept it as the next question's answer): dots, then a lower-case word, go on from the
# message before; "...+ the 2 lads we trained ..." too (set CP)
# "...3) a small seed fund ..." after "... 2) a short course; 3) cont. below" (set FR): dots,
# then the list's next number, carry it on whatever case follows
DOTS_START = re.compile(r"^\s*(\.{2,}|…)\s*(([+&]\s*)?(?=[a-z])|(?=\d{1,2}[).]\s+[A-Za-z]))")
DOTS_ITEM = re.compile(r"^\s*(\.{2,}|…)\s*(?=\d{1,2}[).]\s+[A-Za-z])")
# "+ banks dont get games at all, nobody lends against IP" once the next question is asked
# (set BM kept it as that question's answer): a plus, then words, adds to the answer before
# (not "+44 7700 ...", not "+1" agreeing)
PLUS_START = re.compile(r"^\s*\+\s+(?=[a-z])", re.IGNORECASE)
DOTS_MIN_WORDS = 3
MIN_WORDS = 2  # words besides the mark: "cont." alone is no answer


def _words(text: str) -> int:
    return len(normalise(text).split())


def to_be_continued(text: Any) -> bool:
    """The message ends with a mark that the answer goes on in the next one."""
    if not isinstance(text, str):
        return False
    match = END_MARK.search(text)
    if match is None or match.start() == 0:
        return False
    return _words(text[: match.start()]) >= MIN_WORDS


# "*towpath and the cycle lane on the A41, which stops dead at the roundabout" sent at the
# next question (set AO kept it as that question's answer): a star opening a sentence
# marks something left out of the message before; a few starred words are a typo put
# right (`replies.corrections`), and a starred list ("* rent\n* staff") is an answer
STARRED_ADDITION = re.compile(r"^\s*\*\s*(?=\w)(?=[^*\n]*$)")
STARRED_ADDITION_MIN_WORDS = 7


def continues_with_mark(text: Any) -> bool:
    """The message opens with a mark that it carries on the answer before."""
    if not isinstance(text, str):
        return False
    text = without_addressees(text)
    starred = STARRED_ADDITION.match(text)
    if starred and _words(text[starred.end() :]) >= STARRED_ADDITION_MIN_WORDS:
        return True
    for start in (DOTS_START, PLUS_START):
        mark = start.match(text)
        if mark and _words(text[mark.end() :]) >= DOTS_MIN_WORDS:
            return True
    match = START_MARK.match(text)
    return match is not None and _words(text[match.end() :]) >= MIN_WORDS


def without_marks(text: str) -> str:
    """The message without its "(cont.)" marks, start and end."""
    if continues_with_mark(text):
        text = without_addressees(text)
        text = STARRED_ADDITION.sub("", START_MARK.sub("", text, count=1), count=1)
        text = PLUS_START.sub("", text, count=1)
        text = DOTS_ITEM.sub("", text, count=1)  # "...3) a small seed fund" -> "3) a ..."
    if to_be_continued(text):
        text = END_MARK.sub("", text, count=1)
    return text.strip()


# "... 3)" at the end of one part and "3) ..." opening the next (set FR): the item's number
# once
_ITEM_NUMBER = re.compile(r"(?:^|\s)(\d{1,2}[).])$")


def continued_joined(parts: list[str]) -> str:
    """The messages of one answer as one, in the order sent, their marks dropped."""
    kept = [without_marks(p) for p in parts if p.strip()]
    for i in range(1, len(kept)):
        number = _ITEM_NUMBER.search(kept[i - 1])
        if number and kept[i].startswith(number.group(1)):
            kept[i - 1] = kept[i - 1][: number.start()].rstrip()
    return " ".join(kept)
