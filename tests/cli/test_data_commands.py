"""`bucks-lis export` and `bucks-lis forget` on a seeded database."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
from datetime import datetime

from click.testing import CliRunner
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.cli import main
from bot.storage.models import Business, Conversation, Response
from bot.storage.themes import set_model_tags, set_override


def _seed(session: Session) -> None:
    business = Business(sender_id="web-1", channel="socketio", consent=True, sector="space")
    session.add(business)
    session.flush()
    conv = Conversation(business_id=business.id, sender_id="web-1", channel="socketio")
    session.add(conv)
    session.flush()
    old = Response(
        conversation_id=conv.id, text='=HYPERLINK("x") old', created_at=datetime(2024, 1, 2)
    )
    new = Response(
        conversation_id=conv.id, text="We need test cells", created_at=datetime(2026, 5, 1)
    )
    session.add_all([old, new])
    session.flush()
    set_model_tags(session, new.id, ["space", "infrastructure"], {}, {}, "v1")
    set_override(session, new.id, "infrastructure", False, "staff", "officer@example.org")
    session.commit()


def test_export_jsonl_since_with_overrides(session: Session) -> None:
    _seed(session)
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--since", "2025-01-01"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 1
    row = lines[0]
    assert row["themes"] == ["space"]
    assert (row["sender_id"], row["channel"], row["text"]) == (
        "web-1",
        "socketio",
        "We need test cells",
    )
    assert {"response_id", "conversation_id", "created_at"} <= set(row)
    # 1 May is in summer time: the UK day and hour beside the stored UTC
    assert (row["created_at"], row["received_uk"]) == (
        "2026-05-01T00:00:00Z",
        "2026-05-01T01:00:00+01:00",
    )


def test_export_csv_neutralises_formulas(session: Session) -> None:
    _seed(session)
    result = CliRunner().invoke(main, ["export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.split("exported")[0])))
    assert [r["text"] for r in rows] == ['\'=HYPERLINK("x") old', "We need test cells"]
    assert rows[1]["themes"] == "space"


def test_forget_cli(session: Session) -> None:
    _seed(session)
    runner = CliRunner()
    result = runner.invoke(main, ["forget", "web-1", "--yes"])
    assert result.exit_code == 0, result.output
    assert "2 response(s)" in result.output
    session.expire_all()
    assert session.scalar(select(func.count(Response.id))) == 0
    again = runner.invoke(main, ["forget", "web-1", "--yes"])
    assert again.exit_code != 0 and "nothing stored" in again.output


def test_purge_declined_removes_only_idle_unconsented_transcripts(engine: Engine) -> None:
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.storage.tracker_store import ConsultationTrackerStore

    store = ConsultationTrackerStore()
    old = time.time() - 3 * 3600

    def save(sender: str, consent: bool) -> None:
        events = [
            ActionExecuted("action_session_start", timestamp=old),
            SessionStarted(timestamp=old),
            ActionExecuted("action_listen", timestamp=old),
            UserUttered("my secret plan", {"name": "inform"}, timestamp=old + 1),
            SlotSet("consent", consent, timestamp=old + 2),
        ]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))

    save("declined", False)
    save("agreed", True)
    result = CliRunner().invoke(main, ["purge-declined", "--idle-minutes", "60"])
    assert result.exit_code == 0, result.output
    with engine.connect() as conn:
        senders = set(conn.execute(text("SELECT DISTINCT sender_id FROM events")).scalars())
    assert senders == {"agreed"}
