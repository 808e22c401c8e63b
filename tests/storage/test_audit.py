"""The one audit helper: every audit row is written through it, in the caller's transaction."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.storage.audit import audit
from bot.storage.models import AuditEvent

BOT = Path(__file__).resolve().parents[2] / "bot"


def test_a_row_carries_who_what_and_detail_and_none_means_sql_null(session: Session) -> None:
    audit(session, actor="a@example.org", action="export", detail={"rows": 3})
    audit(session, actor="system", action="retag_run", response_id=7, business_id=2)
    session.flush()
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(r.actor, r.action, r.response_id, r.business_id) for r in rows] == [
        ("a@example.org", "export", None, None),
        ("system", "retag_run", 7, 2),
    ]
    assert rows[0].detail == {"rows": 3} and rows[0].at is not None
    raw = session.execute(text("SELECT detail IS NULL FROM audit_log ORDER BY id")).scalars()
    assert list(raw) == [0, 1]  # no detail: SQL NULL, not the JSON text 'null'


def test_a_rolled_back_transaction_leaves_no_audit_row(session: Session) -> None:
    audit(session, actor="system", action="erasure")
    session.rollback()
    assert session.scalars(select(AuditEvent)).all() == []


def test_nothing_else_writes_audit_rows_directly() -> None:
    direct = [
        f"{path.relative_to(BOT.parent)}:{n}"
        for path in BOT.rglob("*.py")
        if path.name not in {"audit.py", "models.py"}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"(?<![`\w])AuditEvent\(", line)
    ]
    assert direct == []
