"""One rule for what every chat channel accepts: text without control characters, and the
client's own message ids.

NUL cannot be stored in a PostgreSQL text column, and NUL or other C0 controls make an
Excel or Word export of the stored answer fail, so every channel (REST, socket.io, X) drops
them before Rasa sees the message; newlines and tabs stay.

A client may name a message (`message_id`, REST and socket.io alike): the same id on a
resend marks it as the same message, so a turn already saved is replayed, not run twice
(bot/channels/resend.py). Both channels check the id with `valid_message_id`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.consultation.letters import without_closing

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A terminal escape sequence pasted from a log or a tester's script ("\x1b[31mURGENT\x1b[0m"):
# dropped whole, not just its ESC, which left "[31mURGENT[0m" in the answer (set V of the
# conversation probe). CSI ("ESC [ ... m"), OSC ("ESC ] ... BEL") and two-character forms.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[@-Z\\-_]"
)
# Characters a reader cannot see, pasted from a web page or a Word document: a zero-width
# space inside "cellar@chalkridge\u200bvineyard.co.uk" made it "not an email address" (set DL);
# dropped (not the zero-width joiner, which holds emoji sequences together, nor the
# non-joiner Persian spelling needs). No-break spaces become plain spaces.
INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
# Half of an emoji's UTF-16 pair: JSON may write one alone ("\\ud83d"), and no UTF-8 encoder
# takes it. Rasa kept it in the transcript (as a JSON escape), and the staff transcript page
# of that business was a 500 from then on (attack probe s44; X drops it too, x/inbound.py).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
NO_BREAK_SPACE = re.compile("[\u00a0\u2007\u202f]")
# Largest `metadata` object a chat message may carry (as JSON): Rasa stores it with every
# user turn, so an unbounded one would bloat the transcript.
MAX_METADATA_CHARS = 4096
# How deep it may nest (the object itself is one level): 950 lists fit in 4096 characters,
# and the stored turn then broke whoever read the transcript back with RecursionError (the
# staff transcript page: attack probe s43). A client's metadata is a few flat fields.
MAX_METADATA_DEPTH = 8
# Rasa reads a message that starts with "/" as an intent (the bot's buttons send
# "/consent_agree"). Its built-in ones act on the conversation itself: typed, "/restart"
# wiped consent, the profile and the stage with no reply, "/back" undid turns and
# "/session_start" began a new session (attack probe s43). No button of ours sends one, so
# typed they are read as words. (rasa.shared.core.constants.DEFAULT_INTENTS; a test keeps
# this in step.)
RASA_COMMANDS = frozenset({"restart", "back", "session_start", "nlu_fallback", "out_of_scope"})
# How Rasa finds the intent: after the "/", up to a confidence ("@") or entities ("{").
_COMMAND_RE = re.compile(r"/(?P<name>[^{@]+)")
# A client's name for one message: short, and safe to keep in the transcript and in logs.
MESSAGE_ID_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
# What a business is told when its message is over `settings().max_message_chars`: the
# widget and X say the same (REST answers 413 with its own wording for clients)
TOO_LONG_TEXT = (
    "Sorry, that message is too long: please keep it to {max} characters or send it in parts."
)
# What a business is told when its message has no words we can read: the widget (a
# payload that is not text) and an X DM of only a photo, GIF or voice note say the same
NOT_TEXT_TEXT = "Sorry, I can only read text messages. Please tell me in words."


# Punctuation spoken into a phone's dictation ("we cant get chefs comma nobody wants split
# shifts full stop", "yes full stop": set AC read its yes as a theme change): the mark it
# names, after a word, at the end or before the next word. What the team reads and what
# the bot reads are the same sentence.
DICTATED = {
    "full stop": ".",
    "comma": ",",
    "question mark": "?",
    "exclamation mark": "!",
    "exclamation point": "!",
}
DICTATED_RE = re.compile(
    r"\b(?P<word>[A-Za-z0-9']+)\s+(?P<mark>" + "|".join(DICTATED) + r")(?=\s|$)", re.IGNORECASE
)
# "the comma in our name", "a full stop": the word named, not dictated
_NAMING = frozenset({"the", "a", "an", "this", "that", "our", "my", "no", "every", "one"})


def spoken_punctuation(text: str) -> str:
    """ "yes full stop" -> "yes."; "chefs comma nobody" -> "chefs, nobody"."""

    def mark(found: re.Match[str]) -> str:
        word = found.group("word")
        if word.lower() in _NAMING:
            return found.group(0)
        return word + DICTATED[found.group("mark").lower()]

    return DICTATED_RE.sub(mark, text)


# A signature on a line of its own at the end, after a dash: "- Priya, Amersham Optics",
# "-- Dave". Set AJ signed every DM so: the profile, the email and the play-back's yes all
# carried it. A name (and a title-case organisation after a comma), so the last point of a
# bulleted answer ("- rents") stays, and never when another line is a bullet too.
_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_ORGANISATION = r"[A-Z0-9][\w&'.-]*(?:[ \t]+(?:[A-Z0-9&][\w&'.-]*|of|and|the)){0,5}"
SIGNATURE = re.compile(
    # "- Priya, Amersham Optics" (a name and the firm), or "-- Dave" (the mail delimiter)
    rf"\n[ \t]*(?:(?:-|—|–)[ \t]*{_NAME},[ \t]*{_ORGANISATION}|--[ \t]*{_NAME}"
    rf"(?:,[ \t]*{_ORGANISATION})?)[ \t]*$"
)
_BULLET = re.compile(r"^[ \t]*(?:[-*•●–—]|\d+[.)])", re.MULTILINE)


def without_signature(text: str) -> str:
    """The message without a dash-led signature line at its end (kept when nothing else is
    said, or when the message is a bulleted list), and without a letter's closing signed
    under it ("Kind regards,\nMargaret Ashdown", ". Regards, P. Lattimer": set EU signed
    every message so, and the name went into every profile answer)."""
    text = without_closing(text)
    found = SIGNATURE.search(text)
    if found is None:
        return text
    before = text[: found.start()]
    if not before.strip() or _BULLET.search(before):
        return text
    return before.rstrip()


def clean_message(text: str) -> str:
    """Drop control characters (keeping newlines and tabs), lone surrogates, invisible
    characters, surrounding space and a signature line; no-break spaces become spaces,
    dictated punctuation its mark, and a typed Rasa command ("/restart") plain words."""
    text = LONE_SURROGATE.sub("", CONTROL_CHARS.sub("", ESCAPE_SEQUENCE.sub("", text)))
    # a message of nothing but invisible characters goes on as it came (the bot says it
    # didn't catch it, set R), rather than becoming an empty one the channel refuses
    visible = NO_BREAK_SPACE.sub(" ", INVISIBLE.sub("", text)).strip()
    text = visible if visible else text.strip()
    return without_rasa_command(spoken_punctuation(without_signature(text)))


def without_rasa_command(text: str) -> str:
    """The text, with the "/" taken off if Rasa would read it as one of its built-in
    commands ("/restart" -> "restart"); anything else (our payloads included) as it came."""
    stripped = text.strip()
    found = _COMMAND_RE.match(stripped)
    if found is None or found.group("name").strip() not in RASA_COMMANDS:
        return text
    return stripped[1:].lstrip()


def metadata_depth(value: object) -> int:
    """How many objects and lists deep `value` nests (0 for a plain value); iterative, so
    no depth can raise RecursionError here."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def metadata_ok(metadata: object) -> bool:
    """Absent, or a JSON object small and shallow enough to keep with every turn (REST and
    socket.io alike)."""
    if metadata is None:
        return True
    if not isinstance(metadata, dict) or metadata_depth(metadata) > MAX_METADATA_DEPTH:
        return False
    try:
        return len(json.dumps(metadata, default=str)) <= MAX_METADATA_CHARS
    except (ValueError, RecursionError):
        return False


def has_control_chars(text: str) -> bool:
    return CONTROL_CHARS.search(text) is not None or ESCAPE_SEQUENCE.search(text) is not None


def valid_message_id(value: object) -> bool:
    """1-64 letters, digits or `_.:-` and nothing else (a UUID, with or without dashes, fits;
    `fullmatch`: a trailing newline is not let through)."""
    return isinstance(value, str) and MESSAGE_ID_RE.fullmatch(value) is not None
