"""Which sender ids a public web client (REST, socket.io widget) may use.

Storage keys a participant by sender id alone, so a web client that named itself
`x-dm-<X user id>` was that X participant: it could read on in their conversation or say
"forget me" and erase their answers (attack probe, 7 Dec). The ids the server makes for
other participants are refused on both web channels:

- X: `x-dm-<id>`, `x-post-<id>` (bot/channels/x/inbound.py), and a collected public post's
  author, kept under the bare X user id (1-20 digits, bot/channels/x/collect.py);
- retention: `anonymised:<business id>` (bot/storage/retention.py);
- imports: `email:`, `survey:`, `event:` (bot/findings/importer.py).

The widget's own ids (32 random hex characters) never take one of these forms.

A REST client's id is also printable: no control, invisible or line-breaking character and
no space around it (attack probe s46). The Businesses page shows it and `bucks-lis forget`
takes it as typed: "x-" + U+200B + "dm-<id>" read as an X participant's id, U+202E turned
it backwards, a line break forged a log line, and space around it could not be typed back.
"""

from __future__ import annotations

import re

from bot.channels.x.inbound import DM_SENDER_PREFIX, POST_SENDER_PREFIX
from bot.findings.importer import SENDER_PREFIXES as IMPORT_PREFIXES
from bot.printable import has_invisible
from bot.storage.retention import ANONYMISED_PREFIX

SERVER_PREFIXES = (DM_SENDER_PREFIX, POST_SENDER_PREFIX, ANONYMISED_PREFIX, *IMPORT_PREFIXES)
# A collected public post's author (X user ids are at most 20 digits; a widget id is 32).
X_USER_ID_RE = re.compile(r"[0-9]{1,20}")


def server_made(sender_id: str) -> bool:
    """The id is one the server gives to an X, anonymised or imported participant (any
    case: `X-DM-1` is refused too, so no database collation can make it match)."""
    lowered = sender_id.strip().lower()
    return lowered.startswith(SERVER_PREFIXES) or X_USER_ID_RE.fullmatch(lowered) is not None


def public_sender_ok(sender_id: object) -> bool:
    """A sender id a public web client may choose: a non-empty string not made by us, that
    can be stored (a lone surrogate such as "b\ud800" failed in the database and was
    answered 503 "retry", which a client obeying Retry-After repeats for ever: fault probe)."""
    return (
        isinstance(sender_id, str)
        and bool(sender_id)
        and not server_made(sender_id)
        and _encodable(sender_id)
        and _printable(sender_id)
    )


def _printable(text: str) -> bool:
    """Nothing invisible, and no space at either end (attack probe s46)."""
    return text == text.strip() and not has_invisible(text)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
