"""Our tables (SQLAlchemy 1.4, 2.0-style). Rasa's own `events` table sits beside them.

One message's record: a `Business` (one per channel + sender) has `Conversation`s;
each substantive user message is a `Response`; its themes are `ResponseTheme`
rows, one per (theme, source), where source is "model", "respondent" or "staff".
`EffectiveTheme` is the derived, query-friendly set after overrides
(staff > respondent > model), maintained only by `bot.storage.themes`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
)
from sqlalchemy.orm import declarative_base, relationship

# Annotated Any: SQLAlchemy 1.4 ships no types (and we don't use its mypy plugin), so mypy
# would reject a class built at run time as a base class.
Base: Any = declarative_base()

SOURCE_MODEL = "model"
SOURCE_RESPONDENT = "respondent"
SOURCE_STAFF = "staff"
SOURCES = (SOURCE_MODEL, SOURCE_RESPONDENT, SOURCE_STAFF)
# Higher wins when sources disagree about a theme.
SOURCE_PRECEDENCE = {SOURCE_MODEL: 0, SOURCE_RESPONDENT: 1, SOURCE_STAFF: 2}


# The most characters a profile field keeps: its column's width. A sector may be a paragraph
# (set FZ: a farm's three sentences, 290 characters, were cut off mid-sentence at 255);
# 600 at 4 bytes a character stays under PostgreSQL's largest b-tree index entry.
PROFILE_MAX_CHARS = 255
SECTOR_MAX_CHARS = 600


def profile_max_chars(field: str) -> int:
    return SECTOR_MAX_CHARS if field == "sector" else PROFILE_MAX_CHARS


def utcnow() -> datetime:
    """Timezone-naive UTC now (stored naive, read as UTC everywhere)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Business(Base):
    """A respondent: one per (channel, sender_id), with its profile and consent."""

    __tablename__ = "businesses"
    __table_args__ = (UniqueConstraint("channel", "sender_id", name="uq_business_sender"),)

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(64), nullable=False, default="rest")
    organisation = Column(String(255))
    sector = Column(String(SECTOR_MAX_CHARS), index=True)  # set FZ, migration 0010
    size_band = Column(String(64), index=True)
    location = Column(String(255))
    role = Column(String(255))
    consent = Column(Boolean)  # None = not asked yet, True = agreed, False = declined
    consent_at = Column(DateTime)
    email = Column(String(320))
    follow_up = Column(Boolean, nullable=False, default=False)
    # The organisation agreed to be named in published findings (quotes keep its name).
    named_consent = Column(Boolean, nullable=False, default=False, server_default=false())
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    # Set when retention removed the contact details (bot/storage/retention.py).
    anonymised_at = Column(DateTime)

    conversations = relationship(
        "Conversation", back_populates="business", cascade="all, delete-orphan"
    )


class Conversation(Base):
    """One chat session of a business on a channel."""

    __tablename__ = "conversations"

    id = Column(Integer, primary_key=True)
    business_id = Column(
        ForeignKey("businesses.id", ondelete="CASCADE"), nullable=False, index=True
    )
    sender_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(64), nullable=False)
    started_at = Column(DateTime, nullable=False, default=utcnow)
    ended_at = Column(DateTime)

    business = relationship("Business", back_populates="conversations")
    responses = relationship(
        "Response", back_populates="conversation", cascade="all, delete-orphan"
    )


class Response(Base):
    """A substantive thing a business said, with the question it answered and review state."""

    __tablename__ = "responses"
    __table_args__ = (
        Index("ix_responses_created_at", "created_at"),
        Index("ix_responses_external_id", "external_id", unique=True),
        # Review app: filters by channel/sector/review state and counts without reading
        # the wide text rows (covering index).
        Index(
            "ix_responses_conversation_listing",
            "conversation_id",
            "created_at",
            "reviewed_at",
            "flagged",
        ),
        # Stance filter walks this in date order; the overview counts stances from it.
        Index("ix_responses_stance", "stance", "created_at"),
    )

    id = Column(Integer, primary_key=True)
    conversation_id = Column(
        ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    text = Column(Text, nullable=False)
    question_key = Column(String(128))  # e.g. "island:space:barriers"
    question = Column(Text)  # the question as the bot asked it
    created_at = Column(DateTime, nullable=False, default=utcnow)
    # A response that arrived from outside a chat keeps its origin's id, prefixed by kind:
    # "x:<post id>" for a collected public post, "import:<row fingerprint>" for an imported
    # email/survey/event row. Unique, so a redelivered post or a re-imported row adds nothing.
    # Its source is the conversation's channel ("x_post", "email", "survey", "event").
    external_id = Column(String(128))
    # What the response is: "opportunity", "barrier" or "ask" (bot/findings/stance.py),
    # computed when stored or imported; `bucks-lis stance` fills older rows.
    stance = Column(String(16))
    stance_by = Column(String(320))  # None = the classifier; else the staff who corrected it
    # Review workflow (staff).
    reviewed_at = Column(DateTime)
    reviewed_by = Column(String(320))
    flagged = Column(Boolean, nullable=False, default=False, index=True)
    note = Column(Text)

    conversation = relationship("Conversation", back_populates="responses")
    themes = relationship("ResponseTheme", back_populates="response", cascade="all, delete-orphan")
    effective_themes = relationship("EffectiveTheme", cascade="all, delete-orphan", viewonly=False)


@event.listens_for(Response, "before_insert")
def _stance_on_insert(_mapper: object, _connection: object, target: Response) -> None:
    """Every response gets its stance as it is stored, whichever path stores it (chat, X,
    import); `bucks-lis stance` fills rows stored before stance existed."""
    if target.stance is None and target.text:
        from bot.findings.stance import stance_of  # here: bot.findings may import storage

        target.stance = stance_of(target.text, target.question_key)


class ResponseTheme(Base):
    """One source's view of one theme on a response.

    `present=False` on a respondent or staff row records that they removed a theme.
    """

    __tablename__ = "response_themes"
    __table_args__ = (
        UniqueConstraint("response_id", "theme_id", "source", name="uq_response_theme_source"),
    )

    id = Column(Integer, primary_key=True)
    response_id = Column(ForeignKey("responses.id", ondelete="CASCADE"), nullable=False, index=True)
    theme_id = Column(String(64), nullable=False, index=True)
    source = Column(String(16), nullable=False)
    present = Column(Boolean, nullable=False, default=True)
    score = Column(Float)
    model_version = Column(String(64))
    evidence = Column(JSON)  # list of phrases that drove a model tag
    created_by = Column(String(320))  # staff email, "respondent" or "model"
    created_at = Column(DateTime, nullable=False, default=utcnow)

    response = relationship("Response", back_populates="themes")


class ModelPrediction(Base):
    """What one model version said about a response: the AI side of the theme history.

    `response_themes` keeps only the current model's rows (retag replaces them); this keeps
    every version's set, so the agreement page can judge the current model and the previous
    one on the same staff-reviewed responses.
    """

    __tablename__ = "model_predictions"
    __table_args__ = (
        UniqueConstraint("response_id", "model_version", name="uq_model_prediction"),
        Index("ix_model_predictions_version", "model_version", "response_id"),
    )

    id = Column(Integer, primary_key=True)
    response_id = Column(ForeignKey("responses.id", ondelete="CASCADE"), nullable=False)
    model_version = Column(String(64), nullable=False)
    themes = Column(JSON, nullable=False)  # theme ids
    created_at = Column(DateTime, nullable=False, default=utcnow)


class EffectiveTheme(Base):
    """Derived: the themes a response carries after overrides. Used for filtering."""

    __tablename__ = "effective_themes"
    __table_args__ = (Index("ix_effective_themes_theme", "theme_id", "response_id"),)

    response_id = Column(ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True)
    theme_id = Column(String(64), primary_key=True)


class AuditEvent(Base):
    """Who did what and when. Erasure keeps that it happened, never what was said."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False, default=utcnow, index=True)
    actor = Column(String(320), nullable=False)  # staff email, "respondent", "system"
    action = Column(String(64), nullable=False, index=True)
    response_id = Column(Integer, index=True)  # no FK: survives erasure
    business_id = Column(Integer, index=True)
    detail = Column(JSON)


class StaffUser(Base):
    """A consultation team member who can log in to the review app."""

    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True)
    email = Column(String(320), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    role = Column(String(16), nullable=False, default="reviewer")  # reviewer | admin
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    last_login_at = Column(DateTime)
    # Part of every session's id (bot/review/auth.py): a new one on sign-out or a password
    # change ends every session signed in before, so a copied session cookie stops working
    # (attack probe, 7 Dec). NULL until the first sign-in.
    session_token = Column(String(64))


# --- X channel state (bot/channels/x/): shared by every Rasa replica through the database ---


class XSeenEvent(Base):
    """An X event (DM id or post id) already handled: X retries deliveries, and with several
    replicas behind one webhook the first to insert the key handles the event."""

    __tablename__ = "x_seen_events"

    key = Column(String(160), primary_key=True)  # "dm:<id>" / "post:<id>" / "public:<id>"
    seen_at = Column(DateTime, nullable=False, default=utcnow)
    expires_at = Column(DateTime, nullable=False, index=True)


class XChoice(Base):
    """The buttons last offered to an X sender, so a reply "2" picks the second."""

    __tablename__ = "x_choices"

    sender_id = Column(String(255), primary_key=True)
    choices = Column(JSON, nullable=False)  # [[title, payload], ...]
    offered_at = Column(DateTime, nullable=False, default=utcnow)


class XState(Base):
    """Small named values: search/stream position, revoked access, last compliance check."""

    __tablename__ = "x_state"

    key = Column(String(64), primary_key=True)
    value = Column(JSON)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class XSpend(Base):
    """One billable X API use (pay-per-use prices), for the estimated spend and the budget."""

    __tablename__ = "x_spend"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False, default=utcnow, index=True)
    kind = Column(String(32), nullable=False)  # post, post_url, summoned_reply, dm, read
    units = Column(Integer, nullable=False, default=1)
    usd = Column(Float, nullable=False)


class XOAuthToken(Base):
    """OAuth 2.0 user-context tokens for the bot account, encrypted with SECRET_KEY.
    X rotates the refresh token on every refresh, so the newest pair must be shared."""

    __tablename__ = "x_oauth_tokens"

    account = Column(String(64), primary_key=True)  # the bot's user id, or "default"
    access_token = Column(Text, nullable=False)  # Fernet token
    refresh_token = Column(Text)  # Fernet token
    expires_at = Column(DateTime)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


# --- findings: sub-themes, quotes, report summaries (migration 0007b) -------------------------


class ResponseEmbedding(Base):
    """A response's sentence vector, kept so sub-theme runs do not re-encode (float32 bytes)."""

    __tablename__ = "response_embeddings"

    response_id = Column(ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True)
    encoder = Column(String(64), nullable=False)  # which encoder made it (re-encode on change)
    vector = Column(LargeBinary, nullable=False)


class Subtheme(Base):
    """A distinct point made within one theme: proposed by clustering, curated by staff."""

    __tablename__ = "subthemes"

    id = Column(Integer, primary_key=True)
    theme_id = Column(String(64), nullable=False, index=True)
    label = Column(String(255), nullable=False)
    terms = Column(JSON)  # the distinctive words and phrases found for it (c-TF-IDF)
    # True once staff renamed, merged, split or moved into it: runs never relabel it.
    curated = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class ResponseSubtheme(Base):
    """Which sub-theme of a theme a response is in; no row = not placed yet.

    `subtheme_id` NULL = unassigned. `pinned` = staff put it there: runs never move it.
    """

    __tablename__ = "response_subthemes"

    response_id = Column(ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True)
    theme_id = Column(String(64), primary_key=True)
    subtheme_id = Column(ForeignKey("subthemes.id", ondelete="SET NULL"), index=True)
    pinned = Column(Boolean, nullable=False, default=False)
    assigned_at = Column(DateTime, nullable=False, default=utcnow)


class Quote(Base):
    """A response staff starred as a quote for a theme, with the text that may leave the app."""

    __tablename__ = "quotes"
    __table_args__ = (UniqueConstraint("response_id", "theme_id", name="uq_quote_theme"),)

    id = Column(Integer, primary_key=True)
    response_id = Column(ForeignKey("responses.id", ondelete="CASCADE"), nullable=False, index=True)
    theme_id = Column(String(64), nullable=False, index=True)
    # Staff's own redaction, if they edited the automatic one; NULL = automatic.
    redacted_text = Column(Text)
    starred_by = Column(String(320), nullable=False)
    starred_at = Column(DateTime, nullable=False, default=utcnow)


class ReportSummary(Base):
    """The summary paragraph staff write for one theme of the board report."""

    __tablename__ = "report_summaries"

    theme_id = Column(String(64), primary_key=True)
    text = Column(Text, nullable=False)
    updated_by = Column(String(320), nullable=False)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class ConsultationSettings(Base):
    """The consultation's closing date and retention period (one row, id 1; admin page)."""

    __tablename__ = "consultation_settings"

    id = Column(Integer, primary_key=True)
    closes_on = Column(Date)
    retention_days = Column(Integer)
    updated_at = Column(DateTime)
    updated_by = Column(String(320))
    retention_applied_at = Column(DateTime)  # last time retention removed anything
