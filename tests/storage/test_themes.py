"""Theme precedence: staff > respondent > model, per theme, with audit rows."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent, Business, Conversation, EffectiveTheme, Response
from bot.storage.themes import set_model_tags, set_override, set_themes


def _response(session: Session, text: str = "We test rocket engines at Westcott") -> Response:
    business = Business(sender_id="s1", channel="rest", consent=True)
    session.add(business)
    session.flush()
    conversation = Conversation(business_id=business.id, sender_id="s1", channel="rest")
    session.add(conversation)
    session.flush()
    response = Response(conversation_id=conversation.id, text=text)
    session.add(response)
    session.flush()
    return response


def _effective(session: Session, response_id: int) -> set[str]:
    return set(
        session.scalars(
            select(EffectiveTheme.theme_id).where(EffectiveTheme.response_id == response_id)
        )
    )


def test_model_tags_become_effective(session: Session) -> None:
    r = _response(session)
    themes = set_model_tags(session, r.id, ["space"], {"space": 0.9}, {"space": ["Westcott"]}, "v1")
    assert themes == ["space"]
    assert _effective(session, r.id) == {"space"}


def test_staff_removal_beats_model_and_respondent(session: Session) -> None:
    r = _response(session)
    set_model_tags(session, r.id, ["space", "infrastructure"], {}, {}, "v1")
    set_override(session, r.id, "space", True, "respondent", "respondent")
    after = set_override(session, r.id, "space", False, "staff", "officer@example.org")
    assert after == ["infrastructure"]
    audit = session.scalars(select(AuditEvent).where(AuditEvent.response_id == r.id)).all()
    assert [a.action for a in audit] == ["theme_added", "theme_removed"]
    assert audit[-1].actor == "officer@example.org"
    assert audit[-1].detail["before"] == ["space", "infrastructure"]


def test_retag_keeps_human_overrides(session: Session) -> None:
    r = _response(session)
    set_model_tags(session, r.id, ["space"], {}, {}, "v1")
    set_override(session, r.id, "education_skills", True, "staff", "officer@example.org")
    set_override(session, r.id, "space", False, "respondent", "respondent")
    themes = set_model_tags(session, r.id, ["space", "digital_science"], {}, {}, "v2")
    assert themes == ["digital_science", "education_skills"]


def test_set_themes_records_only_the_difference(session: Session) -> None:
    r = _response(session)
    set_model_tags(session, r.id, ["space", "infrastructure"], {}, {}, "v1")
    assert set_themes(session, r.id, ["space", "creative_digital"], "staff", "a@b.org") == [
        "creative_digital",
        "space",
    ]
    actions = session.scalars(select(AuditEvent.action)).all()
    assert sorted(actions) == ["theme_added", "theme_removed"]


def test_unknown_theme_rejected(session: Session) -> None:
    r = _response(session)
    with pytest.raises(ValueError, match="unknown theme"):
        set_model_tags(session, r.id, ["film"], {}, {}, "v1")
    with pytest.raises(ValueError, match="respondent or staff"):
        set_override(session, r.id, "space", True, "model", "x")
