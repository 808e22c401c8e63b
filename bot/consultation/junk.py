"""Answers with no words of the business's own: markup or a script link alone, keyboard
mashing, a tester's "test test 123".

Found by set V of unseen conversations (conversation_probe_v.yml): "<script>alert(1)</script>"
and "asdfghjkl" were kept as the answer and played back (the real view after them then
read as a theme correction), "test test 123" and "testing" kept as two answers. As the
whole message they are nothing to note or tag: the business is asked for a sentence and
the same question stays open. Any real word beside them makes the message a view, kept as
typed ("<script>alert('hi')</script> we machine parts ...", "we test satellite thrusters
at Westcott"). No Rasa imports.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from bot.consultation.markup import strip_markup
from bot.consultation.pointers import URL
from bot.consultation.x_style import without_addressees

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# a run of this many neighbouring keys is no English word ("asdfg", "hjkl;" has four)
RUN = 5
# a tester's words: "test", "testing 1 2 3", "just testing", "lorem ipsum"
TEST_WORDS = frozenset(
    "test tests testing tester tst teste testy 1 2 3 123 1234 12345 one two three this is a "
    "just only ignore please me again hello world foo bar baz lorem ipsum dolor sit amet "
    "check checking mic message msg".split()
)
TEST_MARKERS = frozenset("test tests testing tst teste testy lorem ipsum foo".split())


def _row_run(word: str, length: int) -> bool:
    """`length` neighbouring keys of one keyboard row, either way ("sdfgh", "lkjhg")."""
    for row in ROWS:
        for line in (row, row[::-1]):
            for i in range(len(line) - length + 1):
                if line[i : i + length] in word:
                    return True
    return False


def _mashed(word: str, raw: str) -> bool:
    """One token of keyboard mashing: a run along a row, a short unit repeated, or five or
    more letters without a vowel ("asdfghjkl", "jkjkjkjk", "sdfghh"); not an acronym
    typed in capitals ("NHSBT")."""
    if len(word) < 4 or not word.isalpha():
        return False
    if raw.isupper() and len(word) <= 6:
        return False
    whole_row = len(word) >= 4 and any(word in r or word in r[::-1] for r in ROWS)
    repeated = len(word) >= 6 and any(
        len(word) % n == 0 and word == word[:n] * (len(word) // n) for n in (1, 2, 3, 4)
    )
    no_vowel = len(word) >= 5 and not set(word) & set("aeiouy")
    return whole_row or repeated or no_vowel or _row_run(word, RUN)


def mashing(text: Any) -> bool:
    """The whole message is keyboard mashing, with punctuation at most."""
    if not isinstance(text, str):
        return False
    raws = re.findall(r"[^\W\d_]+", text)
    return bool(raws) and all(_mashed(raw.lower(), raw) for raw in raws)


def a_test_message(text: Any) -> bool:
    """The whole message is a tester's "test test 123" or "lorem ipsum"."""
    if not isinstance(text, str):
        return False
    words = re.findall(r"[a-z0-9]+", text.lower())
    return bool(words) and set(words) <= TEST_WORDS and bool(set(words) & TEST_MARKERS)


def markup_only(text: Any) -> bool:
    """Tags, a script or a script link and nothing else ("<script>alert(1)</script>",
    "javascript:alert(document.cookie)", "<img src=x onerror=alert(1)>")."""
    if not isinstance(text, str) or not text.strip():
        return False
    left = strip_markup(text)
    if left == " ".join(text.split()):
        return False  # no markup at all
    return not re.search(r"[^\W_]", URL.sub(" ", left))


def punctuation_only(text: Any) -> bool:
    """Nothing but punctuation ("...", "?!", "-"): no words, no pictures."""
    if not isinstance(text, str) or not text.strip() or not set(text.strip()) - set("-–—_"):
        return False  # a dash alone is "nothing to say" (`skipped`), not junk
    return all(ch.isspace() or unicodedata.category(ch).startswith("P") for ch in text)


# An SQL injection probe and nothing else ("' OR '1'='1' --", "'; DROP TABLE users; --": set
# DL kept the first as a digital science view): its words are all SQL's
SQL_WORDS = frozenset(
    "select from where or and drop table tables insert into values delete update set union "
    "all null exec sleep having order by limit users responses businesses admin true false "
    "1".split()
)
SQL_MARKS = re.compile(r"--|';|'\s*=|=\s*'|\bdrop\s+table\b|\bunion\s+select\b|\b1\s*=\s*1\b", re.I)


def sql_only(text: Any) -> bool:
    """The whole message is an SQL probe: SQL's marks, and no word that is not SQL's."""
    if not isinstance(text, str) or not SQL_MARKS.search(text):
        return False
    words = re.findall(r"[a-z0-9]+", text.lower())
    return bool(words) and all(w in SQL_WORDS or w.isdigit() for w in words)


def no_words(text: Any) -> bool:
    """The whole message has no words of the business's own to note (markup alone,
    mashing, a test, an SQL probe); an X DM's @handles are none of its words ("@btvlep
    nnnnnnnn" from a phone in a pocket: set DL moved on to the play-back)."""
    if isinstance(text, str):
        text = without_addressees(text)
    return markup_only(text) or mashing(text) or a_test_message(text) or sql_only(text)


def junk_reply(text: Any) -> str | None:
    """The message key asking for words when the whole message has none of the
    business's own, else None."""
    return "no_words" if no_words(text) else None
