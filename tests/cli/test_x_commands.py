"""`bucks-lis forget-x-user` and `bucks-lis x-status`."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.channels.x import spend
from bot.cli import main
from bot.storage.db import session_scope
from bot.storage.models import AuditEvent, Business, Conversation, Response


def _stored(engine: Engine) -> list[tuple[str, str, str]]:
    with session_scope(engine) as s:
        return [
            tuple(r)
            for r in s.execute(
                select(Business.channel, Business.sender_id, Response.text)
                .join(Conversation, Conversation.business_id == Business.id)
                .join(Response, Response.conversation_id == Conversation.id)
                .order_by(Response.id)
            ).all()
        ]


def _add(engine: Engine, channel: str, sender: str, *texts: str, ext: str = "") -> None:
    with session_scope(engine) as s:
        business = Business(sender_id=sender, channel=channel, consent=channel != "x_post")
        s.add(business)
        s.flush()
        conversation = Conversation(business_id=business.id, sender_id=sender, channel=channel)
        s.add(conversation)
        s.flush()
        for i, text in enumerate(texts):
            s.add(
                Response(
                    conversation_id=conversation.id,
                    text=text,
                    external_id=f"{ext}{i}" if ext else None,
                )
            )


def test_forget_x_user_removes_all_of_an_authors_posts_and_conversations(
    engine: Engine,
) -> None:
    _add(engine, "x_post", "200", "Broadband is slow", "Rail is poor", ext="x:50")
    _add(engine, "x", "x-dm-200", "We make rockets")
    _add(engine, "x_post", "300", "Skills are short", ext="x:60")
    _add(engine, "rest", "200", "A web visitor whose id happens to be 200")
    result = CliRunner().invoke(main, ["forget-x-user", "200", "--yes"])
    assert result.exit_code == 0, result.output
    assert "2 record(s), 3 response(s)" in result.output
    assert _stored(engine) == [
        ("x_post", "300", "Skills are short"),
        ("rest", "200", "A web visitor whose id happens to be 200"),
    ]
    with session_scope(engine) as s:
        details = [
            a.detail for a in s.scalars(select(AuditEvent).where(AuditEvent.action == "erasure"))
        ]
    assert all("Broadband" not in json.dumps(d) for d in details)
    again = CliRunner().invoke(main, ["forget-x-user", "200", "--yes"])
    assert again.exit_code != 0 and "nothing stored" in again.output
    assert CliRunner().invoke(main, ["forget-x-user", "@someone", "--yes"]).exit_code != 0


def test_x_status_shows_spend_and_restores_sending(engine: Engine) -> None:
    spend.record("summoned_reply", 2)
    spend.record("read", 4)
    spend.mark_revoked("100")
    result = CliRunner().invoke(main, ["x-status"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["month_usd"] == 0.04
    assert shown["by_kind_this_month"]["read"] == {"units": 4, "usd": 0.02}
    assert "revoked" in shown["public_replies_stopped_because"]
    restored = CliRunner().invoke(main, ["x-status", "--restore"])
    assert restored.output.startswith("sending on X resumed")
    assert json.loads(restored.output.split("\n", 1)[1])["public_replies_stopped_because"] is None
