"""Starred quotes: what staff pick to quote for a theme, and the redacted text that leaves.

Before a quote leaves the app (report, quotes export) it is redacted: emails and UK phone
numbers (bot/storage/redact.py), the names in the business's profile (contact email's
name parts; the organisation's name unless it agreed to be named), and people's names by
conservative rules, since no spaCy NER model is installed and none may be downloaded at
run time: a title before capitalised words ("Dr Priya Shah"), an introduction ("my name is
…", "call Jane …"), and a sign-off at the end ("Thanks, Jane"). Over-redacting is the safe
way to be wrong; staff see original and redacted side by side and may edit the redaction,
which is itself re-checked for emails and phones. Every star, edit and removal is audited
(counts only: the audit log outlives erasure, so it never holds what was said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.audit import audit
from bot.storage.models import (
    Business,
    Conversation,
    EffectiveTheme,
    Quote,
    Response,
    utcnow,
)
from bot.storage.redact import NAME_TOKEN, profile_names, redact
from bot.strategy import THEME_IDS

ORG_TOKEN = "[organisation]"
MAX_QUOTE_CHARS = 4000

_NAME = r"[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,2}"
_TITLE_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Cllr|Councillor)\.?\s+"
    rf"({_NAME})"
)
_INTRO_RE = re.compile(
    r"\b(?:[Mm]y name is|[Mm]y name's|I am|I'm|[Tt]his is|[Ss]peak to|[Aa]sk for|[Cc]ontact|"
    r"[Cc]all|[Rr]ing|[Ee]mail|[Cc]olleague|[Mm]anager|[Bb]oss|[Pp]artner|[Ff]ounder)\s+"
    rf"({_NAME})"
)
_SIGNOFF_RE = re.compile(
    r"(?:^|[.!?\n]\s*)(?:[Tt]hanks|[Tt]hank you|[Rr]egards|[Kk]ind regards|[Bb]est wishes|"
    r"[Bb]est|[Cc]heers|[Mm]any thanks|[Yy]ours sincerely|[Yy]ours faithfully)[,.!]?\s+"
    rf"({_NAME})[.!\s]*$"
)
_DASH_SIGN_RE = re.compile(rf"\s[-–—~]\s*({_NAME})\s*$")
# Capitalised words that follow "I am"/"contact"... without being anyone's name.
_NOT_NAMES = {
    "I",
    "The",
    "We",
    "Our",
    "A",
    "An",
    "It",
    "This",
    "That",
    "Buckinghamshire",
    "Bucks",
    "Aylesbury",
    "Wycombe",
    "High",
    "London",
    "Oxford",
    "Cambridge",
    "Westcott",
    "Silverstone",
    "Pinewood",
    "Director",
    "Managing",
    "Chief",
    "Head",
    "Owner",
    "Council",
    "NHS",
    "LEP",
    "HS2",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
}


def _person_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (_TITLE_RE, _INTRO_RE, _SIGNOFF_RE, _DASH_SIGN_RE):
        for match in pattern.finditer(text):
            words = match.group(1).split()
            while words and words[-1] in _NOT_NAMES:
                words.pop()
            if not words or words[0] in _NOT_NAMES:
                continue
            start = match.start(1)
            spans.append((start, start + len(" ".join(words))))
    return spans


def redact_people(text: str) -> str:
    """Replace people's names found by the rules above with [name]."""
    spans = sorted(_person_spans(text))
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(NAME_TOKEN)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def redact_quote(text: str, business: Business | None) -> str:
    """The text of a quote as it may leave the app (see module docstring)."""
    out = text or ""
    if business is not None and business.organisation and not business.named_consent:
        org_names = profile_names(business.organisation)
        out = redact(out, org_names).replace(NAME_TOKEN, ORG_TOKEN)
    people = profile_names(None, business.email) if business is not None else []
    out = redact(out, people)
    return redact_people(out)


def recheck(text: str) -> str:
    """Staff's own redaction still may not carry emails or phone numbers."""
    return redact(text)


@dataclass
class QuoteView:
    id: int
    response_id: int
    theme_id: str
    original: str
    redacted: str  # what leaves the app
    edited: bool  # staff edited the automatic redaction
    organisation: str | None
    business_id: int | None
    named_consent: bool
    sector: str | None
    size_band: str | None
    starred_by: str
    starred_at: object


def released_text(quote: Quote, response_text: str, business: Business | None) -> str:
    if quote.redacted_text is not None:
        return recheck(quote.redacted_text)
    return redact_quote(response_text, business)


class QuoteError(ValueError):
    """A quote request that cannot be done."""


def _business_of(session: Session, response_id: int) -> Business | None:
    return session.scalar(
        select(Business)
        .join(Conversation, Conversation.business_id == Business.id)
        .join(Response, Response.conversation_id == Conversation.id)
        .where(Response.id == response_id)
    )


def _audit(session: Session, actor: str, action: str, quote: Quote, **detail: object) -> None:
    business = _business_of(session, quote.response_id)
    audit(
        session,
        actor=actor,
        action=action,
        response_id=quote.response_id,
        business_id=business.id if business else None,
        detail={"theme": quote.theme_id, **detail},
    )


def star(session: Session, response_id: int, theme_id: str, actor: str) -> Quote:
    """Star a response as a quote for a theme it is on (idempotent)."""
    if theme_id not in THEME_IDS:
        raise QuoteError(f"unknown theme {theme_id!r}")
    on_theme = session.scalar(
        select(EffectiveTheme.response_id).where(
            EffectiveTheme.response_id == response_id, EffectiveTheme.theme_id == theme_id
        )
    )
    if on_theme is None:
        raise QuoteError(f"response {response_id} is not on theme {theme_id}")
    quote = session.scalar(
        select(Quote).where(Quote.response_id == response_id, Quote.theme_id == theme_id)
    )
    if quote is not None:
        return quote
    quote = Quote(response_id=response_id, theme_id=theme_id, starred_by=actor, starred_at=utcnow())
    session.add(quote)
    session.flush()
    response = session.get(Response, response_id)
    redacted = redact_quote(response.text, _business_of(session, response_id))
    _audit(session, actor, "quote_starred", quote, redactions=_count_tokens(redacted))
    return quote


def unstar(session: Session, quote_id: int, actor: str) -> None:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise QuoteError(f"no quote {quote_id}")
    _audit(session, actor, "quote_unstarred", quote)
    session.delete(quote)
    session.flush()


def edit_redaction(session: Session, quote_id: int, text: str | None, actor: str) -> Quote:
    """Staff's redacted text for a quote; empty/None goes back to the automatic one."""
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise QuoteError(f"no quote {quote_id}")
    text = (text or "").strip() or None
    if text is not None and len(text) > MAX_QUOTE_CHARS:
        raise QuoteError(f"a quote may have at most {MAX_QUOTE_CHARS} characters")
    quote.redacted_text = recheck(text) if text is not None else None
    _audit(
        session,
        actor,
        "quote_redaction_edited",
        quote,
        automatic=text is None,
        redactions=_count_tokens(quote.redacted_text or ""),
    )
    session.flush()
    return quote


def set_named_consent(session: Session, business_id: int, agreed: bool, actor: str) -> None:
    """Record whether an organisation agreed to be named in quotes (audited)."""
    business = session.get(Business, business_id)
    if business is None:
        raise QuoteError(f"no business {business_id}")
    business.named_consent = bool(agreed)
    audit(
        session,
        actor=actor,
        action="named_consent",
        business_id=business_id,
        detail={"agreed": bool(agreed)},
    )


def _count_tokens(text: str) -> int:
    return len(re.findall(r"\[(?:name|email|phone|organisation)\]", text))


def quotes(session: Session, theme_id: str | None = None) -> list[QuoteView]:
    """Starred quotes (of one theme, or all), oldest first, with original and redacted."""
    query = (
        select(Quote, Response.text, Business)
        .join(Response, Response.id == Quote.response_id)
        .join(Conversation, Conversation.id == Response.conversation_id)
        .join(Business, Business.id == Conversation.business_id)
        .order_by(Quote.theme_id, Quote.starred_at, Quote.id)
    )
    if theme_id is not None:
        query = query.where(Quote.theme_id == theme_id)
    out = []
    for quote, text, business in session.execute(query):
        out.append(
            QuoteView(
                id=quote.id,
                response_id=quote.response_id,
                theme_id=quote.theme_id,
                original=text,
                redacted=released_text(quote, text, business),
                edited=quote.redacted_text is not None,
                organisation=business.organisation,
                business_id=business.id,
                named_consent=bool(business.named_consent),
                sector=business.sector,
                size_band=business.size_band,
                starred_by=quote.starred_by,
                starred_at=quote.starred_at,
            )
        )
    return out


def starred_ids(session: Session, theme_id: str) -> dict[int, int]:
    """response id -> quote id of the theme's starred responses."""
    return {
        rid: qid
        for qid, rid in session.execute(
            select(Quote.id, Quote.response_id).where(Quote.theme_id == theme_id)
        )
    }


def redaction_marks(text: str) -> list[tuple[str, bool]]:
    """Split redacted text into (piece, is_token) so templates can highlight what was taken
    out without marking anything safe."""
    parts = re.split(r"(\[(?:name|email|phone|organisation)\])", text)
    return [
        (p, bool(re.fullmatch(r"\[(?:name|email|phone|organisation)\]", p))) for p in parts if p
    ]
