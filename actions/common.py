"""Small helpers shared by the action modules (the only Rasa-aware code besides channels)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker

from bot.consultation.questions import SKIPPED, is_skip

DEFAULT_CHANNEL = "rest"


def channel(tracker: Tracker) -> str:
    """The channel the business is writing on (rest, socketio, ...)."""
    return tracker.get_latest_input_channel() or DEFAULT_CHANNEL


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


# Whole replies that mean "nothing to say here", beyond the skip words of
# bot.consultation.questions ("no idea", "dunno", "nah", "not sure tbh", "pass thanks").
NOTHING_TO_SAY = re.compile(
    r"(no|n|nah|nope|pass|skip|next|dunno|idk|unsure|no comment|no idea|no clue|not a clue|"
    r"(i )?(have|haven)'?t (got )?(a|any) (clue|idea)|(i )?(don'?t|do not|dont) know|"
    r"(i'?m )?not (really )?sure|can'?t say|couldn'?t (say|tell you)|beats me|"
    r"nothing( really| to add| to say| comes to mind)?|not (really )?applicable|"
    r"(it )?does(n'?t| not) apply( to us| to me)?|not relevant( to us| to me)?|"
    r"rather not( say| answer| answer that)?|prefer not to( say| answer)?|"
    r"none( of (them|these|those|that))?|n/?a|no answer|no views|no opinion|no strong views|"
    r"none of your business|mind your own( business)?|not telling( you)?|private|"
    r"confidential)"
    r"( really| tbh| to be honest| thanks| thank you| sorry| mate)*"
    r"(,? ?(next|skip|pass|move on)( please)?)?"
)


def _letters_only(text: str, keep: str = "'") -> str:
    """Lower-case words of letters (and `keep`), single-spaced ("Hang on..." -> "hang on")."""
    kept = re.escape(keep)
    return " ".join(re.sub(rf"[^a-z{kept} ]+", " ", text.lower().replace("’", "'")).split())


def _whole_reply(pattern: re.Pattern[str], text: Any, keep: str = "'") -> bool:
    """The reply, letters only, is nothing but `pattern`."""
    if not isinstance(text, str):
        return False
    norm = _letters_only(text, keep)
    return bool(norm) and pattern.fullmatch(norm) is not None


def means_nothing(text: str) -> bool:
    """A short reply with nothing to record ("no idea", "dunno", "nah", "not sure tbh")."""
    return _whole_reply(NOTHING_TO_SAY, text, keep="'/")


# "hang on", "one sec", "erm": not an answer yet; the question is asked again
HOLDING = re.compile(
    r"((hang on|hold on|wait|one (sec|second|moment|min|minute)|"
    r"(just )?a (sec|second|moment|min|minute)|give me a (sec|second|moment|minute)|brb|"
    r"let me (think|check)|thinking|um+|erm+|hmm+|ok|okay|right|so)"
    r"( please| a (sec|second|moment|minute)| a bit| about it| on that)* ?)+"
)


def holding(text: Any) -> bool:
    """The business is not answering yet ("hang on", "one sec", "erm")."""
    return _whole_reply(HOLDING, text)


# "yes", "thanks", "cool": a reply, but no view to record on an open question
ACKNOWLEDGEMENT = re.compile(
    r"((yes|yeah|yep|yup|ya|yea|sure|fine|good|great|cool|nice|lovely|brilliant|perfect|"
    r"excellent|agreed|agree|true|indeed|absolutely|definitely|of course|sounds good|"
    r"thanks|thank you|thankyou|thx|ta|cheers|lol|haha|ha|noted|got it|understood|"
    r"will do|makes sense|interesting)( very much| so much| a lot| mate| then)* ?)+"
)


def acknowledgement_only(text: Any) -> bool:
    """Nothing but "yes", "thanks", "cool"... (emoji and punctuation ignored)."""
    if isinstance(text, str) and not _letters_only(text):
        return bool(text.strip()) and not re.search(r"[0-9A-Za-z]", text)  # only emoji
    return _whole_reply(ACKNOWLEDGEMENT, text)


def nudged_since_last_answer(tracker: Tracker, nudge: str) -> bool:
    """The bot already asked for more since the business's previous message."""
    users_seen = 0  # the current message (events after it: slot extraction) comes first
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                return False
        elif users_seen == 1 and event.get("event") == "bot" and event.get("text") == nudge:
            return True
    return False


def skipped(tracker: Tracker, value: Any) -> bool:
    """The business skipped this question (Skip button, skip intent or a skip word)."""
    return latest_intent(tracker) == "skip" or (
        isinstance(value, str) and (is_skip(value) or means_nothing(value))
    )


QUESTION_WORDS = {
    "what", "whats", "what's", "who", "whos", "who's", "how", "when", "where", "why", "which",
    "is", "are", "can", "could", "do", "does", "will", "tell", "explain",
}


def looks_like_question(text: str) -> bool:
    """"what is the arc?" is a question; "What would help? A train to MK" is an answer."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    words = stripped.lower().split()
    return bool(words) and words[0] in QUESTION_WORDS and "?" not in stripped and len(words) <= 10


# "forget me", "delete my data", "I withdraw" - but not "forget about grants, fix the roads"
FORGET_REQUEST = re.compile(
    r"forget\s*(me|everything|all|what|this|my|it)|forgotten|delet|eras|remov|wipe|withdraw|"
    r"gdpr|scrap|don'?t keep|get rid of|/forget_me",
    re.IGNORECASE,
)
# A long answer that happens to say "remove" or "scrap" ("we had to scrap the expansion
# because ...") is not a request to delete: past this many words it must say what to
# delete ("delete my answers", "forget me", "withdraw my consent").
LONG_MESSAGE_WORDS = 12
EXPLICIT_FORGET = re.compile(
    r"forget\s*me|forget (everything|all|what)|right to be forgotten|withdraw|/forget_me|"
    r"(delet|eras|remov|wip|scrap|clear|get rid of|bin)\w*\s+(\w+\s+){0,3}?"
    r"(my|me|everything|all (of )?(my|it|that|this)|what i|this chat|this conversation|"
    r"the transcript|our (chat|conversation|answers|responses|data|details))\b",
    re.IGNORECASE,
)


def asks_to_forget(text: str) -> bool:
    """The business asked for its data to be deleted (not just used a word like "remove")."""
    if len(text.split()) > LONG_MESSAGE_WORDS:
        return EXPLICIT_FORGET.search(text) is not None
    return FORGET_REQUEST.search(text) is not None

# Saying you no longer want to take part names it ("I'd rather not do this", "just
# questions"); "no, just me" or "we don't want to take on more staff" are answers.
WITHDRAW_WORDS = re.compile(
    r"take part|taking part|particip|survey|consultation|question|chang\w* my mind|"
    r"(do|doing|continue|carry on with) (this|it)\b|opt(ed)? out|not interested|"
    r"browsing|just looking|info\b|information|curious|consent|decline|"
    r"\b(record|stor|keep|kept|sav)\w* (me|my|anything|it|this|what)\b",
    re.IGNORECASE,
)


# Finishing or leaving says so; "Lane End" (a village) or "Cheriton Ltd" is an answer.
STOP_WORDS = re.compile(
    r"\b(stop\w*|finish\w*|done|enough|wrap\w*|no more|that'?s (all|it|everything)|"
    r"end (it|here|there|now|this|the)|call it a day|nothing (more|else)|the rest|"
    r"said (all|everything)|out of time|no time)\b|^\W*end\W*$",
    re.IGNORECASE,
)
GOODBYE_WORDS = re.compile(
    r"\b(bye|goodbye|cheerio|ciao|see (ya|you)|ta ?ra|laters?|cya|ttyl|farewell|"
    r"gotta (go|run|dash)|(have|got|need|must) to (go|run|dash)|i'?m off|leaving|"
    r"log(ging)? off|good ?night|night)\b",
    re.IGNORECASE,
)


def answer_read_as_question(tracker: Tracker, slot: str, faq: bool = True) -> dict[str, Any]:
    """Take a form answer NLU mistook for an FAQ question ("the biggest issue is ..."),
    for a request to be forgotten ("we had to scrap the expansion because ...") or for
    a change of mind about taking part ("no, just me").

    Also a place or name NLU reads as finishing or leaving ("Lane End").

    Used as `extract_<slot>`: the slot's from_text mapping skips the faq, forget_me,
    stop, goodbye and consent_decline intents so real questions are answered and real
    requests honoured mid-form; this keeps answers that only sound like one.
    `faq=False` for short answers (a name, a town) where anything NLU reads as a
    question is better answered as one.
    """
    if tracker.get_slot("requested_slot") != slot:
        return {}
    intent, text = latest_intent(tracker), latest_text(tracker)
    if not text or text.startswith("/"):
        return {}
    if intent == "forget_me" and not asks_to_forget(text):
        return {slot: text}
    if intent == "consent_decline" and not WITHDRAW_WORDS.search(text):
        return {slot: text}
    if intent == "stop" and not STOP_WORDS.search(text):
        return {slot: text}
    if intent == "goodbye" and not GOODBYE_WORDS.search(text):
        return {slot: text}
    if faq and intent == "faq" and not looks_like_question(text):
        return {slot: text}
    return {}


@lru_cache(maxsize=1)
def _theme_words() -> tuple[str, ...]:
    """Single words of theme names and their everyday synonyms ("creative", "skills")."""
    from bot.consultation.questions import SYNONYMS
    from bot.strategy import load_themes

    words: set[str] = set()
    for t in load_themes():
        for phrase in (t.name, *t.assets, *SYNONYMS.get(t.id, ())):
            words.update(w for w in re.findall(r"[a-z]+", phrase.lower()) if len(w) >= 5)
    return tuple(sorted(words))


def fix_theme_typos(text: str) -> str:
    """"creatve and medtec" -> "creative and medtech": words of five letters or more
    close to a theme word are corrected before the themes are matched."""
    vocabulary = _theme_words()
    known = set(vocabulary)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 5 or word.lower() in known:
            return word
        close = difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.8)
        return close[0] if close else word

    return re.sub(r"[A-Za-z]+", fix, text)


def buttons(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


__all__ = [
    "SKIPPED", "answer_read_as_question", "as_text", "asks_to_forget", "buttons", "channel",
    "fix_theme_typos",
    "holding", "latest_intent", "latest_text", "looks_like_question", "means_nothing",
    "skipped",
]
