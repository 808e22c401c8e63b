"""What happens when a business says something: find its records, tag, store, correct, forget."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.consultation.answer_parts import tag_answer
from bot.consultation.markup import strip_markup
from bot.consultation.pointing_back import (
    SAME_AS,
    opens_with_pointer,
    pointed_answer,
    pointer_spelled_out,
    same_as_before,
)
from bot.consultation.questions import key_theme
from bot.consultation.replies import normalise
from bot.consultation.theme_corrections import add_targets, remove_targets
from bot.storage.audit import audit
from bot.storage.db import session_scope
from bot.storage.erasure import ErasureResult, erase_x_post, forget_sender
from bot.storage.models import PROFILE_MAX_CHARS as PROFILE_MAX_CHARS  # callers' name
from bot.storage.models import (
    SOURCE_RESPONDENT,
    Business,
    Conversation,
    Response,
    profile_max_chars,
    utcnow,
)
from bot.storage.themes import effective_themes_for, set_model_tags, set_override
from bot.strategy import THEME_IDS

PROFILE_FIELDS = ("organisation", "sector", "size_band", "location", "role")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
RESPONDENT = "respondent"


@dataclass(frozen=True)
class RecordedAnswer:
    """A stored response as the respondent sees it in play-back."""

    response_id: int
    text: str
    question_key: str | None
    themes: list[str]
    evidence: dict[str, list[str]] = field(default_factory=dict)


def clean_text(text: str, limit: int | None = None) -> str:
    """Strip control characters (keep newlines and tabs) and surrounding space."""
    cleaned = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    cleaned = cleaned.strip()
    return cleaned[:limit] if limit else cleaned


def _business(session: Session, sender_id: str, channel: str) -> Business:
    business = session.scalars(
        select(Business).where(Business.sender_id == sender_id, Business.channel == channel)
    ).first()
    if business is None:
        business = session.scalars(
            select(Business).where(Business.sender_id == sender_id).order_by(Business.id)
        ).first()
    if business is None:
        business = Business(sender_id=sender_id, channel=channel)
        session.add(business)
        session.flush()
    return business


def _open_conversation(session: Session, business: Business, channel: str) -> Conversation:
    conversation = session.scalars(
        select(Conversation)
        .where(Conversation.business_id == business.id, Conversation.ended_at.is_(None))
        .order_by(Conversation.id.desc())
    ).first()
    if conversation is None:
        conversation = Conversation(
            business_id=business.id, sender_id=business.sender_id, channel=channel
        )
        session.add(conversation)
        session.flush()
    return conversation


def find_business(session: Session, sender_id: str) -> Business | None:
    return session.scalars(
        select(Business).where(Business.sender_id == sender_id).order_by(Business.id)
    ).first()


def is_consented(sender_id: str) -> bool | None:
    """True if the sender agreed to take part, False if declined, None if not asked."""
    with session_scope() as session:
        business = find_business(session, sender_id)
        return None if business is None else business.consent


def record_consent(sender_id: str, channel: str, agreed: bool) -> None:
    """Store the sender's choice. A decline stores no profile or answers from then on."""
    with session_scope() as session:
        business = _business(session, sender_id, channel)
        business.consent = agreed
        business.consent_at = utcnow()
        if agreed:
            _open_conversation(session, business, channel)
        audit(
            session,
            actor=RESPONDENT,
            action="consent_given" if agreed else "consent_declined",
            business_id=business.id,
        )


def save_profile(sender_id: str, channel: str, **fields: str | None) -> None:
    """Save profile fields (unknown names rejected; None or "" leaves a field as it was).
    Markup is dropped: '<img src=x onerror=alert(1)>Chesham Print Works' is kept as the
    name alone (set V), and a field of nothing but markup leaves the field as it was."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"unknown profile field(s): {', '.join(sorted(unknown))}")
    with session_scope() as session:
        business = find_business(session, sender_id)
        if business is None or not business.consent:
            return
        for name, value in fields.items():
            cleaned = clean_text(strip_markup(str(value)), profile_max_chars(name)) if value else ""
            if cleaned:
                setattr(business, name, cleaned)


AFTER_CLOSE = "after_close"  # question_key of a view added after the questions ended
BEFORE_CONSENT = "before_consent"  # question_key of a view given before agreeing, kept once agreed
AT_CHOICE = "at_choice"  # question_key of a view given with "none" at a choice of themes


def _latest_conversation(session: Session, business: Business) -> Conversation | None:
    return session.scalars(
        select(Conversation)
        .where(Conversation.business_id == business.id)
        .order_by(Conversation.id.desc())
    ).first()


def record_answer(
    sender_id: str,
    channel: str,
    text: str,
    question_key: str | None,
    question: str | None,
    points_back: bool = False,
    needs_theme: bool = False,
) -> RecordedAnswer | None:
    """Tag and store one substantive message. Returns None if the sender has not consented.

    A view added after the consultation closed (`question_key` AFTER_CLOSE) joins the
    conversation it follows rather than starting a new one. `points_back` ("ditto", "as
    above", "sorry, I meant Haddenham"): when its words name no theme, the model reads the
    answer it points to or corrects instead. `needs_theme`: kept only if the model finds a
    theme in it (a remark about the consultation itself is no view on the strategy).
    """
    from bot.tagging import tag
    from bot.tagging.result import with_themes_of

    text = clean_text(text)
    if not text:
        return None
    with session_scope() as session:
        business = find_business(session, sender_id)
        if business is None or not business.consent:
            return None
        conversation = (
            _latest_conversation(session, business) if question_key == AFTER_CLOSE else None
        ) or _open_conversation(session, business, channel)
        repeat = _same_as_last_answer(session, conversation.id, text, question_key)
        if repeat is not None:
            return repeat
        # Tag before the first write: SQLite's one write lock is held from the INSERT to
        # the commit, and Rasa's transcript and other answers would wait behind the tagger.
        result = tag_answer(text, question_key)
        earlier = _pointed_to(session, conversation.id, text) if points_back else None
        if earlier and (not result.themes or same_as_before(text)):
            # "ditto", "as above but worse": the themes of the answer pointed to (its own
            # words name none; the question's theme alone is not what it says)
            result = tag(earlier, question_key)
        elif earlier and opens_with_pointer(text):
            # "same problem as before but worse since they put houses up the hill": the
            # earlier answer's themes and its own new subject's
            result = with_themes_of(result, tag(earlier, question_key))
        if needs_theme and not result.themes:
            return None
        if earlier and same_as_before(text):
            # "ditto", "^^ same": the words it stands for kept beside it, so an export or a
            # quote read on its own says what the business meant (set AC)
            text = pointer_spelled_out(text, earlier)
        response = Response(
            conversation_id=conversation.id,
            text=text,
            question_key=question_key,
            question=question,
        )
        session.add(response)
        session.flush()
        themes = set_model_tags(
            session,
            response.id,
            result.themes,
            result.scores,
            result.evidence,
            result.model_version,
        )
        return RecordedAnswer(
            response_id=response.id,
            text=text,
            question_key=question_key,
            themes=themes,
            evidence={t: list(result.evidence.get(t, [])) for t in themes},
        )


def _pointed_to(session: Session, conversation_id: int, text: str) -> str | None:
    """The earlier answer a pointer stands for, never itself a pointer ("see above" after
    "same as before" points to the view before both; "see my first answer" to the first)."""
    rows = session.execute(
        select(Response.text, Response.question_key)
        .where(Response.conversation_id == conversation_id)
        .order_by(Response.id)
    ).all()
    said = [(t, key) for t, key in rows if not same_as_before(t)]
    return pointed_answer(
        text,
        [t for t, _ in said],
        [key_theme(key) for _, key in said],
        [key.split(":")[-1] if key_theme(key) else None for _, key in said],
    )


def _same_as_last_answer(
    session: Session, conversation_id: int, text: str, question_key: str | None
) -> RecordedAnswer | None:
    """The conversation's latest answer if it is this same text to this same question.

    A resend (the action server failed after storing, the widget's Retry, an X redelivery)
    must not store the answer twice; the business sees the earlier record played back.
    """
    last = session.scalars(
        select(Response)
        .where(Response.conversation_id == conversation_id)
        .order_by(Response.id.desc())
        .limit(1)
    ).first()
    stored = last.text if last is not None else ""
    if last is None or not (stored == text or stored.startswith(f"{text}{SAME_AS}")):
        return None
    if last.question_key != question_key:
        return None
    themes = effective_themes_for(session, [last.id])[last.id]
    return RecordedAnswer(
        response_id=last.id, text=last.text, question_key=question_key, themes=themes
    )


# A pasted sentence this long, already given to another question, is the same view again
REPEAT_MIN_WORDS = 6


def repeats_an_answer(sender_id: str, text: str, question_key: str | None) -> bool:
    """The same sentence already given to another question of this consultation (pasted
    to every island question in the seventh set of unseen conversations): kept once, so
    findings do not count one view three times. Short replies ("roads", "grants") may
    fairly answer two questions alike and are not repeats."""
    said = normalise(text)
    if len(said.split()) < REPEAT_MIN_WORDS:
        return False
    with session_scope() as session:  # texts and questions only: no themes on this path
        given = session.execute(
            select(Response.text, Response.question_key)
            .join(Conversation, Response.conversation_id == Conversation.id)
            .where(Conversation.sender_id == sender_id)
        ).all()
    return any(key != question_key and normalise(old) == said for old, key in given)


def _answers(session: Session, sender_id: str) -> list[RecordedAnswer]:
    responses = session.scalars(
        select(Response)
        .join(Conversation, Response.conversation_id == Conversation.id)
        .where(Conversation.sender_id == sender_id)
        .order_by(Response.id)
    ).all()
    if not responses:
        return []
    effective = effective_themes_for(session, [r.id for r in responses])
    return [
        RecordedAnswer(
            response_id=r.id,
            text=r.text,
            question_key=r.question_key,
            themes=effective[r.id],
        )
        for r in responses
    ]


def recorded_answers(sender_id: str) -> list[RecordedAnswer]:
    """Everything stored for the sender, with effective themes, oldest first."""
    with session_scope() as session:
        return _answers(session, sender_id)


def recorded_themes(sender_id: str) -> list[str]:
    """The union of effective themes over the sender's answers, in theme order."""
    found = {t for answer in recorded_answers(sender_id) for t in answer.themes}
    return [t for t in THEME_IDS if t in found]


def correct_themes(
    sender_id: str, add: list[str], remove: list[str], item: int | None = None
) -> list[RecordedAnswer]:
    """Apply the respondent's play-back corrections as respondent tags.

    `item` (1-based) is the answer the correction points at ("in the first one"): the change
    is made there only. Otherwise removing a theme removes it from every answer that carries
    it, and adding a theme adds it to the answers given while that theme was being discussed
    (question_key mentions the theme id), or else to the most recent answer
    (`theme_corrections`).
    """
    bad = [t for t in [*add, *remove] if t not in THEME_IDS]
    if bad:
        raise ValueError(f"unknown theme id(s): {', '.join(bad)}")
    with session_scope() as session:
        answers = _answers(session, sender_id)
        if not answers:
            return []
        if item is not None and not 1 <= item <= len(answers):
            raise ValueError(f"no answer {item} among {len(answers)}")
        for theme_id in remove:
            for i in remove_targets(answers, theme_id, item):
                set_override(
                    session, answers[i].response_id, theme_id, False, SOURCE_RESPONDENT, RESPONDENT
                )
        for theme_id in add:
            for i in add_targets(answers, theme_id, item):
                set_override(
                    session, answers[i].response_id, theme_id, True, SOURCE_RESPONDENT, RESPONDENT
                )
        return _answers(session, sender_id)


def valid_email(email: str) -> bool:
    return len(email) <= 320 and bool(EMAIL_RE.match(email))


def set_contact(sender_id: str, channel: str, email: str | None, follow_up: bool) -> None:
    """Store an optional follow-up email (ValueError if malformed)."""
    email = (email or "").strip() or None
    if email is not None and not valid_email(email):
        raise ValueError("that does not look like an email address")
    with session_scope() as session:
        business = find_business(session, sender_id)
        if business is None or not business.consent:
            return
        business.email = email
        business.follow_up = bool(follow_up and email)


def given_email(sender_id: str) -> str | None:
    """The address the business has given so far (at a profile question, say), or None."""
    with session_scope() as session:
        business = find_business(session, sender_id)
        return business.email if business is not None and business.consent else None


def end_conversation(sender_id: str) -> None:
    """Mark the sender's open conversations as ended."""
    with session_scope() as session:
        for conversation in session.scalars(
            select(Conversation).where(
                Conversation.sender_id == sender_id, Conversation.ended_at.is_(None)
            )
        ):
            conversation.ended_at = utcnow()


def forget(sender_id: str, actor: str = RESPONDENT) -> ErasureResult:
    """Delete everything the sender said, transcript included."""
    with session_scope() as session:
        return forget_sender(session, sender_id, actor=actor)


def forget_x_post(sender_id: str, tweet_id: str) -> ErasureResult:
    """Its author deleted an X post: delete what it said (the rest of the conversation stays)."""
    with session_scope() as session:
        return erase_x_post(session, sender_id, tweet_id)
