"""An answer pasted from an email: the view without the email's furniture.

Found by set T of unseen conversations (conversation_probe_t.yml): a removals firm's
forwarded email was kept and played back with Outlook's "From: / Sent: / To: / Subject:"
lines (a colleague's name and address, the view itself pushed out of the play-back), a
charity shop's quote of its manager with "> " marks and the "On 27 Nov 2026, Jane Morris
wrote:" line. What an officer reads is the view: the header block, the "wrote:" line, the
quote marks, a signature block after a sign-off and a confidentiality notice are dropped;
everything else is kept as typed. No Rasa imports.

Each part is dropped only in the shape an email gives it, so a view that uses the same
words is kept: "To: the council, fix the A41" (one "To:" line is no header), "From: Aylesbury
/ To: London, 2 hours" (no "Sent:" or "Subject:"), "> 50 staff
can't park" (a number after ">"), "regards the roads, ..." (no sign-off on a line of its
own), "this email consultation is confidential?" (no notice wording).
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.letters import CLOSINGS
from bot.consultation.replies import normalise

# Outlook / Gmail header lines; a block of two or more of them, one only email has, is a header
HEADER_LINE = re.compile(r"^\s*\*?(from|sent|to|cc|bcc|date|subject)\*?\s*:", re.IGNORECASE)
# names only an email header has; "From:" and "To:" alone can be a journey
MAIL_ONLY = frozenset({"sent", "subject", "date", "cc", "bcc"})
# "-----Original Message-----", "---------- Forwarded message ---------"
FORWARD_LINE = re.compile(
    r"^\s*-{2,}\s*(original message|forwarded message|begin forwarded message)\s*-*\s*$",
    re.IGNORECASE,
)
# "On 27 Nov 2026, Jane Morris wrote:", "On Tue, 28 Nov 2026 at 09:14, Jane <j@x.org> wrote:"
WROTE_LINE = re.compile(r"^\s*>?\s*on\b.{3,160}\bwrote:\s*$", re.IGNORECASE)
# "> Rents on ...", ">> and ...": quote marks, not "> 50 staff" (more than fifty)
QUOTE_MARK = re.compile(r"^[ \t]*(>[ \t]*)+(?=[^\d\s]|$)", re.MULTILINE)
# A sign-off on a line of its own ("Kind regards", "Thanks,") with a short signature after it
SIGN_OFF = re.compile(rf"^\s*({CLOSINGS}|cheers|ta)\s*[,.!]?\s*$", re.IGNORECASE)
SIGNATURE_MAX_LINES = 8
SIGNATURE_MAX_CHARS = 80
NAME_MAX_WORDS = 4
# "This email and any attachments are confidential ...", "DISCLAIMER: ...", "Please consider
# the environment before printing this email": the notice to the end of the message
NOTICE = re.compile(
    r"(^|\n)\s*(disclaimer\s*:|confidentiality notice|this (e-?mail|message|communication)"
    r"( and any (attachments?|files?)( (to|with) it)?)? (is|are|may be|contains?)\b[^\n]{0,60}"
    r"\b(confidential|privileged|intended (solely|only))|please consider the environment "
    r"before printing)",
    re.IGNORECASE,
)


def _without_headers(lines: list[str]) -> list[str]:
    """Lines without a block of two or more header lines, forward marks and "wrote:" lines."""
    kept: list[str] = []
    i = 0
    while i < len(lines):
        names: set[str] = set()
        j = i
        while j < len(lines) and (header := HEADER_LINE.match(lines[j])):
            names.add(header.group(1).lower())
            j += 1
        if j - i >= 2 and names & MAIL_ONLY:  # "From: Aylesbury / To: London" is a commute
            i = j
            continue
        if not (FORWARD_LINE.match(lines[i]) or WROTE_LINE.match(lines[i])):
            kept.append(lines[i])
        i += 1
    return kept


def _without_signature(lines: list[str]) -> list[str]:
    """Lines up to a sign-off followed by a short signature block at the very end."""
    for i, line in enumerate(lines):
        if i == 0 or not SIGN_OFF.match(line):
            continue
        tail = [t for t in lines[i + 1 :] if t.strip()]
        # a name first, then short lines (role, firm, numbers); "thank you / also the
        # roads are bad and the buses worse" goes on with the view
        if (
            len(tail) <= SIGNATURE_MAX_LINES
            and all(len(t.strip()) <= SIGNATURE_MAX_CHARS for t in tail)
            and (not tail or len(tail[0].split()) <= NAME_MAX_WORDS)
        ):
            return lines[:i]
    return lines


def email_body(text: Any) -> Any:
    """The view inside a pasted email; unchanged when it has no email furniture, or when
    nothing would be left."""
    if not isinstance(text, str) or "\n" not in text and ">" not in text:
        return text
    notice = NOTICE.search(text)
    body = text[: notice.start()] if notice and notice.start() > 0 else text
    lines = _without_headers(body.split("\n"))
    lines = _without_signature(lines)
    body = QUOTE_MARK.sub("", "\n".join(lines))
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return body if normalise(body) and body != text.strip() else text
