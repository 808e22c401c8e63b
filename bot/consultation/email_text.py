"""An email address in what a business typed, as typed ("tom@x.co.uk", "my email is
tom@x.co.uk.") or spelled out against spam bots ("sam dot patel at gmail dot com", "sam
[at] gmail [dot] com": the ninth set of unseen conversations lost one). No Rasa imports.

"bob at gmail" has no domain ending and is not an address: the business is asked again.
"""

from __future__ import annotations

import re

EMAIL_IN_TEXT = re.compile(r"[^\s<>\"',;:()]+@[^\s<>\"',;:()]+")
_AT = r"\s*(?:@|[(\[]\s*at\s*[)\]]|\sat\s)\s*"
_DOT = r"(?:\.|\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+)"
SPELLED = re.compile(
    rf"(?<![\w.])(?P<local>[a-z0-9_%+-]+(?:{_DOT}[a-z0-9_%+-]+)*){_AT}"
    rf"(?P<domain>[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*{_DOT}[a-z]{{2,}})\b",
    re.IGNORECASE,
)


def _joined(part: str) -> str:
    return re.sub(_DOT, ".", part).strip()


def find_email(text: str | None) -> str | None:
    """The address in the text, typed or spelled out; None when there is none."""
    match = EMAIL_IN_TEXT.search(text or "")
    if match:
        return match.group(0).rstrip(".")
    spelled = SPELLED.search(text or "")
    if spelled is None:
        return None
    return f"{_joined(spelled.group('local'))}@{_joined(spelled.group('domain'))}".lower()
