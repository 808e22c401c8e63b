"""Quotes: starring, redaction of personal data (visible to staff, audited), named consent."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.findings import quotes as q
from bot.storage.models import AuditEvent, Business

TEXT = (
    "At Orbital Widgets we need faster broadband. My name is Priya Shah, call me on "
    "01494 123456 or write to priya.shah@orbital.example. Dr Tom Baker agrees. "
    "Thanks, Jane"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask Mr John Smith about the site.", "Ask Mr [name] about the site."),
        ("my name is Sarah Connor and I run a lab", "my name is [name] and I run a lab"),
        ("Speak to Ahmed in accounts", "Speak to [name] in accounts"),
        ("Great idea.\nKind regards,\nMaria Lopez", "Great idea.\nKind regards,\n[name]"),
        ("Fix the A41 - Dave", "Fix the A41 - [name]"),
        # No person named: left alone (places, roles, organisations in general words).
        ("I am Director of a firm in High Wycombe", "I am Director of a firm in High Wycombe"),
        ("Contact the Council about HS2 roads", "Contact the Council about HS2 roads"),
        ("We need better trains to London.", "We need better trains to London."),
    ],
)
def test_people_names_by_rules(text: str, expected: str) -> None:
    assert q.redact_people(text) == expected


def test_redaction_takes_out_names_contacts_and_unconsented_organisation() -> None:
    business = Business(
        organisation="Orbital Widgets Ltd", email="jane.doe@orbital.example", named_consent=False
    )
    out = q.redact_quote(TEXT, business)
    for secret in ("Priya", "Shah", "01494", "priya.shah@", "Tom Baker", "Jane", "Orbital"):
        assert secret not in out, (secret, out)
    assert "we need faster broadband" in out
    assert out.count("[organisation]") == 1 and "[phone]" in out and "[email]" in out

    business.named_consent = True
    named = q.redact_quote(TEXT, business)
    assert "Orbital Widgets" in named and "Priya" not in named and "01494" not in named


def test_star_edit_unstar_are_audited_without_content(session, add_responses) -> None:  # noqa: ANN001
    (rid,) = add_responses(
        [TEXT], organisation="Orbital Widgets Ltd", email="jane.doe@orbital.example"
    )
    quote = q.star(session, rid, "infrastructure", actor="staff@example.org")
    assert q.star(session, rid, "infrastructure", actor="staff@example.org").id == quote.id
    (view,) = q.quotes(session, "infrastructure")
    assert view.original == TEXT and "Priya" not in view.redacted and not view.edited

    q.edit_redaction(
        session,
        quote.id,
        "We need faster broadband, says [organisation]. Ring 07700 900123",
        actor="staff@example.org",
    )
    (view,) = q.quotes(session, "infrastructure")
    assert view.edited and view.redacted.startswith("We need faster broadband")
    assert "07700" not in view.redacted  # staff edits are re-checked for phones/emails
    q.edit_redaction(session, quote.id, "", actor="staff@example.org")
    (view,) = q.quotes(session)
    assert not view.edited and "Priya" not in view.redacted

    q.set_named_consent(session, view.business_id, True, actor="staff@example.org")
    (view,) = q.quotes(session)
    assert "Orbital Widgets" in view.redacted

    q.unstar(session, quote.id, actor="staff@example.org")
    assert q.quotes(session) == []
    events = session.scalars(select(AuditEvent).where(AuditEvent.action.like("quote%"))).all()
    assert [e.action for e in events] == [
        "quote_starred",
        "quote_redaction_edited",
        "quote_redaction_edited",
        "quote_unstarred",
    ]
    assert events[0].detail["redactions"] >= 5
    for event in events:
        assert "Priya" not in str(event.detail) and "broadband" not in str(event.detail)


def test_only_responses_on_the_theme_can_be_starred(session, add_responses) -> None:  # noqa: ANN001
    (rid,) = add_responses(["film studios need stages"], theme="creative_digital")
    with pytest.raises(q.QuoteError):
        q.star(session, rid, "infrastructure", actor="x")
    with pytest.raises(q.QuoteError):
        q.star(session, rid, "nonsense", actor="x")
    with pytest.raises(q.QuoteError):
        q.edit_redaction(session, 999, "x", actor="x")


def test_forgetting_a_business_removes_its_quotes_vectors_and_placements(
    session: Any,
    fake_encoder: Any,
    add_responses,  # noqa: ANN001
) -> None:
    from bot.findings import subthemes as st
    from bot.storage.erasure import forget_sender
    from bot.storage.models import Quote, ResponseEmbedding, ResponseSubtheme

    ids = add_responses(["fibre broadband is slow"] * 3 + ["late trains on the rail line"] * 3)
    (rid,) = add_responses([TEXT], organisation="Orbital Widgets Ltd")
    st.run(session, "infrastructure")
    q.star(session, rid, "infrastructure", actor="staff@example.org")
    sender = session.scalar(
        select(Business.sender_id).where(Business.organisation == "Orbital Widgets Ltd")
    )
    forget_sender(session, sender, actor="staff@example.org", reason="test")
    session.flush()
    assert session.scalars(select(Quote)).all() == []
    assert session.get(ResponseEmbedding, rid) is None
    assert (
        session.scalars(select(ResponseSubtheme).where(ResponseSubtheme.response_id == rid)).all()
        == []
    )
    assert len(session.scalars(select(ResponseEmbedding)).all()) == len(ids)
