"""Fault probe s46: SIGTERM while an export is written, a read-only PostgreSQL under the
staff app, and X refusing or failing the bot's replies. Each test failed on the code
before its fix (see README, "Production")."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from flask.testing import FlaskClient
from rasa.core.channels.channel import UserMessage
from sqlalchemy import text

from bot.channels.x.client import OutboxClient, XAPIError
from bot.channels.x.memory import DbChoices
from bot.channels.x.output import XOutput
from bot.channels.x.pending import PendingReplies, dm_item, not_taken
from bot.config import settings
from bot.storage.db import engine_for, session_scope
from bot.storage.migrate import upgrade
from tests.channels.conftest import make_harness  # noqa: F401 - a fixture
from tests.channels.x_harness import USER_ID, dm
from tests.review.conftest import login, read_form, send
from tests.review.seed import seed

ROOT = Path(__file__).resolve().parents[2]


# --- SIGTERM while a file is written: no partial file left, the earlier one kept --------

_SLOW_EXPORT = textwrap.dedent(
    """
    import pathlib, sys, time
    import bot.cli.data as data
    from bot.cli import main

    def slow(rows, out):  # half a row written, then the process is told to stop
        out.write("id,text\\r\\n1,We make rocket eng")
        out.flush()
        pathlib.Path(sys.argv[2]).touch()
        time.sleep(60)

    data.write_csv = slow
    main(["export", "--format", "csv", "--output", sys.argv[1]])
    """
)


def test_sigterm_during_an_export_leaves_no_partial_file(database_url: str, tmp_path: Path) -> None:
    """A service manager, `timeout`, or a container stop sends SIGTERM: Python died at once
    without its clean-up, so the half-written `.responses.csv.*.part` (personal data, cut
    off mid-row) was left beside the export for good."""
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "responses.csv"
    out.write_text("the export from yesterday\n", encoding="utf-8")
    started = tmp_path / "started"
    env = {**os.environ, "DATABASE_URL": database_url}
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, str(out), str(started)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the export never started"
            time.sleep(0.05)
        assert any(p.suffix == ".part" for p in folder.iterdir())  # being written
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert out.read_text(encoding="utf-8") == "the export from yesterday\n"
    assert sorted(p.name for p in folder.iterdir()) == ["responses.csv"], err


# --- PostgreSQL read-only (a failover to a standby, or set so for maintenance) ---------


@pytest.fixture()
def pg_staff(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[FlaskClient]:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    monkeypatch.setenv("SECRET_KEY", "pg-test-secret")
    monkeypatch.setattr("bot.storage.staff.HASH_METHOD", "scrypt:4096:8:1")
    settings.cache_clear()
    upgrade("head", postgres_url)
    engine = engine_for(postgres_url)
    with session_scope(engine) as session:
        seed(session)
    from bot.web.app import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": postgres_url})
    app.config["PROPAGATE_EXCEPTIONS"] = False  # an error is a page, as it runs
    client = app.test_client()
    assert login(client).status_code == 302
    yield client
    app.config["DATABASE_URL"] = postgres_url
    with engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE businesses, conversations, responses, response_themes, "
                "effective_themes, audit_log, staff_users RESTART IDENTITY CASCADE"
            )
        )
        conn.execute(text("DROP TABLE IF EXISTS events"))
    settings.cache_clear()


@pytest.mark.postgres
def test_a_save_while_postgres_is_read_only_says_nothing_was_saved(
    pg_staff: FlaskClient, postgres_url: str
) -> None:
    """PostgreSQL refuses writes with SQLSTATE 25006, which psycopg2 raises as an
    InternalError, not an OperationalError: the staff app answered Werkzeug's bare
    "Internal Server Error" (500), with no word of whether the note was kept."""
    from bot.storage.models import Response

    engine = engine_for(postgres_url)
    with session_scope(engine) as session:
        rid = min(r.id for r in session.query(Response).all())
    form = read_form(pg_staff, rid, "review", "note")
    read_only = f"{postgres_url}?options=-c%20default_transaction_read_only%3Don"
    pg_staff.application.config["DATABASE_URL"] = read_only

    listing = pg_staff.get("/staff/responses")  # reading still works
    assert listing.status_code == 200
    refused = send(pg_staff, form, {"note": "quote this"})
    assert refused.status_code == 503, refused.get_data(as_text=True)[:300]
    assert refused.headers.get("Retry-After", "").isdigit()
    page = refused.get_data(as_text=True)
    assert "nothing was saved" in page and "read-only" in page
    assert "Internal Server Error" not in page
    api = pg_staff.post("/staff/api/responses")  # JSON callers get JSON, whatever the route
    assert api.status_code in (400, 403, 405, 415, 503)

    pg_staff.application.config["DATABASE_URL"] = postgres_url
    with session_scope(engine) as session:
        assert session.get(Response, rid).note in (None, "")
    again = send(pg_staff, read_form(pg_staff, rid, "review", "note"), {"note": "quote this"})
    assert again.status_code == 302
    with session_scope(engine) as session:
        assert session.get(Response, rid).note == "quote this"


# --- X refuses or fails the bot's replies: kept, sent again in order, never twice ------


class FlakyX(OutboxClient):
    """The outbox, except that the next requests get the statuses in `trouble` (0 = ok)."""

    trouble: list[int]

    def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        status = self.trouble.pop(0) if self.trouble else 0
        if status:
            raise XAPIError(status, '{"title": "Service Unavailable"}', path)
        return super()._request(method, path, **kwargs)


def _flaky(*trouble: int) -> FlakyX:
    client = FlakyX()
    client.trouble = list(trouble)
    return client


async def _bot_replies(message: UserMessage) -> None:
    """What Rasa does with a DM: two replies, the second a question with buttons."""
    out = message.output_channel
    await out.send_text_message(message.sender_id, f"Thanks: {message.text}")
    await out.send_text_with_buttons(
        message.sender_id, "Which island matters most?", [{"title": "Space", "payload": "/space"}]
    )


def _said(client: OutboxClient) -> list[str]:
    return [
        str((e.json or {}).get("text") or (e.json or {}).get("event", {}).get("message_create"))
        for e in client.entries
    ]


@pytest.fixture()
def due_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.channels.x.pending.FIRST_WAIT", timedelta(0))


def test_dm_replies_x_did_not_take_are_sent_later_in_order_and_once(
    make_harness: Any,  # noqa: F811 - the fixture imported above
    due_at_once: None,
) -> None:
    """A 503 (or 429, or no connection) from X on a reply was logged and the reply dropped:
    the turn was saved and X told 200, so the business never got the bot's next question
    and nothing sent it again."""
    flaky = _flaky(503)  # the turn's first reply; the second waits behind it
    channel = make_harness(client=flaky).channel
    loop = asyncio.new_event_loop()
    try:
        deliver = channel.handle_delivery
        loop.run_until_complete(deliver(dm("We make rocket engines", "9001"), _bot_replies))
        assert flaky.entries == []  # X took nothing

        # X is back; the business's next message: its replies wait behind the kept ones
        loop.run_until_complete(deliver(dm("Westcott", "9002"), _bot_replies))
        assert flaky.entries == []

        restarted = make_harness(client=flaky).channel  # or another replica
        assert restarted.pending.send_due(flaky, restarted.gate) == 4
        said = _said(flaky)
        assert [s.split(":")[0] for s in said[::2]] == ["Thanks", "Thanks"]
        assert "rocket engines" in said[0] and "Westcott" in said[2]
        assert all("Which island" in s for s in said[1::2])

        assert restarted.pending.send_due(flaky, restarted.gate) == 0  # none twice
        loop.run_until_complete(deliver(dm("We make rocket engines", "9001"), _bot_replies))
        assert len(flaky.entries) == 4  # X's retry of the delivery is a duplicate
        loop.run_until_complete(deliver(dm("Aylesbury", "9003"), _bot_replies))
        assert len(flaky.entries) == 6  # nothing waiting: straight to X again
    finally:
        loop.close()


def test_a_reply_x_refuses_for_good_is_not_kept(
    make_harness: Any,  # noqa: F811 - the fixture imported above
    due_at_once: None,
) -> None:
    flaky = _flaky(403, 403, 403)  # they no longer take DMs from the bot
    channel = make_harness(client=flaky).channel
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(channel.handle_delivery(dm("hello", "9101"), _bot_replies))
    finally:
        loop.close()
    assert not channel.pending.waiting(f"x-dm-{USER_ID}")
    assert not not_taken(requests.ReadTimeout())  # X may have sent it: not sent twice
    assert not_taken(requests.ConnectionError()) and not_taken(XAPIError(429, "", "/"))


def test_a_public_thread_cut_short_goes_on_from_the_last_part_x_took(
    database_url: str, due_at_once: None
) -> None:
    flaky = _flaky(0, 503)  # the first post of the thread lands, the second does not
    pending = PendingReplies()
    out = XOutput(flaky, DbChoices(), "100", "5001", pending=pending)
    long_reply = " ".join(["Space at Westcott is one of the five islands."] * 12)
    asyncio.run(out.send_text_message("x-post-200", long_reply))
    assert len(flaky.entries) == 1
    first = flaky.entries[0]
    assert pending.send_due(flaky) == 1
    rest = flaky.entries[1:]
    assert rest and rest[0].json["reply"]["in_reply_to_tweet_id"] == first.id
    posted = " ".join(e.json["text"] for e in flaky.entries)
    assert posted.count("Space at Westcott") == 12  # every part once


def test_forgetting_an_x_user_forgets_replies_kept_for_them(
    database_url: str, due_at_once: None
) -> None:
    from bot.storage.erasure import forget_x_user

    pending = PendingReplies()
    pending.keep("x-dm-200", dm_item("200", "You said: we make rocket engines", []))
    with session_scope() as session:
        forget_x_user(session, "200", actor="staff-cli")
    assert not pending.waiting("x-dm-200")
    assert pending.send_due(OutboxClient()) == 0
