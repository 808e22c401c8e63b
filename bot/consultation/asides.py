"""Replies that point back or step aside from the question: "same as before", an answer
carried on in a second message ("and the A41 is a nightmare"), "can I change what I said
about roads?", "are you a bot?", and numbers typed to choose from a list ("2", "1 and 4").

Found by the fourth set of unseen conversations (benchmarks/data/conversation_probe_d.yml).
Kept apart from `replies.py` (what a short reply means) so each stays one job; the same
normaliser. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import (
    acknowledgement_only,
    holding,
    impatient,
    looks_like_question,
    means_nothing,
    normalise,
)

# "same as before", "see above", "ditto", "as I said": the last answer stands for this
# question too; nothing new to note and nothing to ask more about
SAME_AS_BEFORE = re.compile(
    r"((it'?s |its |my answer'?s |answer'?s )?(the )?same( again| here| thing| answer| story)?"
    r"( as (before|above|last time|the last one|the one before|my last( answer| one)?|"
    r"previous|i said( before| above)?))?|ditto|as (above|before|i said|per above)|"
    r"see (above|before|my (last|previous|earlier|other) (answer|one|message|reply))|"
    r"(i'?ve|i have) already (said|answered|told you)( that| this)?|"
    r"already (said|answered)( that)?)"
    r"( really| tbh| to be honest| thanks| i think| i guess| basically| pretty much| again)*"
)


def same_as_before(text: Any) -> bool:
    """The whole reply says the previous answer applies again ("same as before")."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return bool(norm) and SAME_AS_BEFORE.fullmatch(norm) is not None


# "and the A41 is a nightmare", "also, parking", "oh and another thing ...": a second
# message that carries on the answer just given (sent before the next question was read)
CONTINUES = re.compile(r"^(oh and|and also|and|also|plus|ps|p s|oh also|one more thing)\b")
CONTINUATION_MIN_WORDS = 3


def continues_answer(text: Any) -> bool:
    """The message opens as a continuation ("and ...", "also ...") and says something
    more about the answer: not a question to the bot ("and what happens next?")."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return (
        bool(CONTINUES.match(norm))
        and len(norm.split()) >= CONTINUATION_MIN_WORDS
        and not new_turn_after_and(text)
    )


def answered(previous: str | None) -> bool:
    """The business's message before this one was an answer (not a skip, "yes" or "hang
    on"), so an "and ..." now can carry it on."""
    if not previous:
        return False
    return not (
        previous.startswith("/")
        or means_nothing(previous)
        or holding(previous)
        or acknowledgement_only(previous)
    )


# After "and", words that turn a question to the bot, the consultation or what happens to
# the answers ("and can I see the results?"), not to the business's own subject ("and
# why can't anyone fix the A413?" carries the answer on)
TO_THE_BOT = re.compile(
    r"\b(you|your|u|ur|this|these|next|results?|report|findings|happens|happen|hear back|"
    r"(my|our) (answers?|data|details|views|responses?)|(the|this) (survey|consultation|chat))\b"
)


def without_and(text: str) -> str:
    """The message without an opening "and" / "also" ("and how long will this take?" ->
    "how long will this take?"); the message itself when it has none."""
    match = re.match(r"\s*(oh and|and also|and|also|plus|oh also)\b[\s,.]*", text, re.IGNORECASE)
    return text[match.end() :] if match and text[match.end() :].strip() else text


def new_turn_after_and(text: Any) -> bool:
    """ "and what happens next?", "and how long will this take?", "and are you a bot?":
    a new turn, answered (not kept with the answer before it)."""
    if not isinstance(text, str):
        return False
    rest = without_and(text)
    if rest == text:
        return False
    if impatient(rest) or asks_about_the_bot(rest) or asks_to_change_answer(rest):
        return True
    return looks_like_question(text) and TO_THE_BOT.search(normalise(rest)) is not None


# "can I change what I said about roads?", "how do I edit my answer": not a view
CHANGE_ANSWER = re.compile(
    r"\b(can|could|how (do|can|would)|may|i ?(want|need|would like|'?d like) to|let me|"
    r"is it possible to)"
    r" (i |we |you )?(change|edit|amend|correct|update|fix|redo|alter|go back (to|and change))"
    r" (what i (said|wrote|put|typed|told you)|my (\w+ )?(answer|answers|reply|response|comment)|"
    r"an? (\w+ )?(answer|reply|response)|the (\w+ )?(answer|reply|response)|something i said|"
    r"one of my answers|that|it|the bit about)\b"
)
CHANGE_MAX_WORDS = 16


def asks_to_change_answer(text: Any) -> bool:
    """A short message asking how to change something already said."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return len(norm.split()) <= CHANGE_MAX_WORDS and CHANGE_ANSWER.search(norm) is not None


# "are you a bot?", "who are you?", "am I talking to a real person?": the bot says plainly
# that it is automated
ABOUT_THE_BOT = re.compile(
    r"^((so|sorry|wait|hang on|quick question|just wondering|out of interest) )*"
    r"((are|r) (you|u) (a |an |just a |some kind of |some sort of )?(bot|robot|chat ?bot|ai|"
    r"real|human|person|real person|computer|machine|automated|program|actual person)|"
    r"(who|what) (are|r) (you|u)|who'?s this|who is this|what is this thing|"
    r"(am i|are we) (talking|speaking|chatting) (to|with) (a |an )?(bot|robot|real person|human|"
    r"person|machine|computer|ai|someone|anyone)|who am i (talking|speaking|chatting) (to|with)|"
    r"is (this|that) (a |an )?(bot|robot|real person|human|person|automated|ai|machine)|"
    r"is (there )?(anyone|someone|a person|a human) (actually )?(there|reading this|typing))"
    r"( or (a |an |just a )?(bot|robot|chat ?bot|ai|real person|person|human|machine|not))?"
    r"( (actually|really|then|exactly|even|though|mate|please))*$"
)


def asks_about_the_bot(text: Any) -> bool:
    """ "are you a bot?", "who are you?", "am I talking to a real person?"."""
    return isinstance(text, str) and ABOUT_THE_BOT.match(normalise(text)) is not None


# "2", "1 and 4", "numbers 1, 3 & 5": choices by their place in the list shown
CHOICE_FILLER = frozenset(
    {
        "and",
        "or",
        "plus",
        "number",
        "numbers",
        "no",
        "option",
        "options",
        "please",
        "just",
        "both",
        "only",
        "maybe",
        "probably",
        "i",
        "think",
        "guess",
        "'d",
        "say",
        "pick",
        "choose",
    }
)


RANGE = re.compile(r"\b(\d{1,2}) ?(?:-|–|to) ?(\d{1,2})\b")  # "1-3", "2 to 4"


def _expand(low: int, high: int) -> str:
    return " ".join(str(n) for n in range(low, high + 1)) if low <= high <= 99 else f"{low} {high}"


def numbered_choice(text: Any, options: tuple[str, ...] | list[str]) -> list[str] | None:
    """The options picked by number (1 = the first shown), in list order; None when the
    message is not only numbers (with "and", "or", "number", ...) or a number is out of
    range ("12" is not a choice from a list of five)."""
    if not isinstance(text, str):
        return None
    text = RANGE.sub(lambda m: _expand(int(m.group(1)), int(m.group(2))), text)
    words = normalise(text).split()
    numbers = [w for w in words if w.isdigit()]
    if not numbers or any(not w.isdigit() and w not in CHOICE_FILLER for w in words):
        return None
    picked = {int(n) for n in numbers}
    if any(n < 1 or n > len(options) for n in picked):
        return None
    return [option for i, option in enumerate(options, start=1) if i in picked]
