"""Redact personal data from free text before it leaves the system (exports).

Removes email addresses, UK phone numbers and names taken from a business's
profile (its organisation name and the contact email's name parts).
Used by the staff review export; `bucks-lis export` may reuse `redact` and
`profile_names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

EMAIL_TOKEN = "[email]"
PHONE_TOKEN = "[phone]"
NAME_TOKEN = "[name]"

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# UK numbers: +44 / 0044 / 0 then 9-10 digits, allowing spaces, dots, dashes and (0) / brackets.
PHONE_RE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)"
    r"(?:[\s.\-()]*\d){9,10}"
    r"(?!\w)"
)
# Legal suffixes we also strip to catch "Acme" when the profile says "Acme Ltd".
_SUFFIXES = re.compile(
    r"\b(?:ltd|limited|plc|llp|llc|inc|co|company|group|uk|cic|the)\b\.?", re.IGNORECASE
)
_GENERIC_LOCAL_PARTS = {
    "info",
    "hello",
    "admin",
    "contact",
    "office",
    "mail",
    "enquiries",
    "sales",
    "team",
    "support",
    "accounts",
    "reception",
    "hr",
    "jobs",
    "post",
    "general",
}
MIN_NAME_CHARS = 3


@lru_cache(maxsize=4096)
def _profile_names(
    organisation: str | None, email: str | None, extra: tuple[str, ...]
) -> tuple[str, ...]:
    return tuple(_build_profile_names(organisation, email, extra))


def profile_names(
    organisation: str | None = None, email: str | None = None, extra: Iterable[str] = ()
) -> list[str]:
    """Names to redact for one business: organisation (with and without legal suffix),
    the person's name parts from a contact email (jane.smith@ → Jane, Smith), and extras."""
    return list(_profile_names(organisation, email, tuple(extra)))


def _build_profile_names(
    organisation: str | None = None, email: str | None = None, extra: Iterable[str] = ()
) -> list[str]:
    names: list[str] = []
    if organisation and organisation.strip():
        org = " ".join(organisation.split())
        names.append(org)
        stem = " ".join(_SUFFIXES.sub(" ", org).split()).strip(" ,.&-")
        if stem and stem.lower() != org.lower():
            names.append(stem)
    if email and "@" in email:
        local = email.split("@", 1)[0].lower()
        if local not in _GENERIC_LOCAL_PARTS:
            for part in re.split(r"[._\-+]", local):
                if part.isalpha() and part not in _GENERIC_LOCAL_PARTS:
                    names.append(part)
    for name in extra:
        if name and name.strip():
            names.append(" ".join(name.split()))
    out: list[str] = []
    seen: set[str] = set()
    for n in names:
        if len(n) >= MIN_NAME_CHARS and n.lower() not in seen:
            seen.add(n.lower())
            out.append(n)
    return out


@lru_cache(maxsize=4096)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled pattern for a set of names, longest first ("Acme Widgets Ltd" before
    "Acme Widgets"), whole words only, any run of spaces between words."""
    usable = sorted(
        {n for n in names if n and len(n.strip()) >= MIN_NAME_CHARS}, key=len, reverse=True
    )
    if not usable:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(p) for p in n.split()) for n in usable)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def redact(text: str | None, names: Iterable[str] = ()) -> str:
    """Return `text` with emails, UK phone numbers and the given names replaced by tokens."""
    if not text:
        return text or ""
    out = EMAIL_RE.sub(EMAIL_TOKEN, text)
    out = PHONE_RE.sub(PHONE_TOKEN, out)
    # Only build a pattern for names whose first word occurs at all (cheap test first).
    lowered = out.lower()
    present = tuple(n for n in names if n and n.strip() and n.split()[0].lower() in lowered)
    if present:
        pattern = _names_pattern(present)
        if pattern is not None:
            out = pattern.sub(NAME_TOKEN, out)
    return out
