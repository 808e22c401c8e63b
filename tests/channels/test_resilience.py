"""Action server down or slow: a polite reply, the message kept, and the conversation resumes.

Runs the trained model in-process (`Agent`) with our tracker store on a temp database and
the real action server (rasa_sdk app over `actions/`) started and stopped in-process.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import sqlalchemy as sa

from bot.config import PROJECT_ROOT
from tests.channels.action_servers import (
    FaultPlan,
    run_scenario,
    start_action_server,
    start_failing_proxy,
    start_slow_server,
    stop_action_server,
    texts,
    user_texts,
)
from tests.conftest import free_port

pytestmark = pytest.mark.slow
MODEL = PROJECT_ROOT / "models" / "rasa" / "consultation.tar.gz"


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One database for the module (the model is loaded once; loading takes a while)."""
    from bot.config import settings
    from bot.storage.db import create_schema, engine_for

    root = tmp_path_factory.mktemp("resilience")
    url = f"sqlite:///{root / 'test.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATABASE_URL", url)
        mp.setenv("BUCKS_LIS_VAR_DIR", str(root / "var"))
        settings.cache_clear()
        create_schema(engine_for(url))
        yield url
        settings.cache_clear()


@pytest.fixture(scope="module")
def agent_and_port(database_url: str) -> Any:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` (make test does)")
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from bot.channels import resilience
    from bot.storage.tracker_store import ConsultationTrackerStore

    resilience.install()
    port = free_port()
    agent = Agent.load(
        str(MODEL),
        tracker_store=ConsultationTrackerStore(),
        action_endpoint=EndpointConfig(url=f"http://127.0.0.1:{port}/webhook"),
    )
    return agent, port


@pytest.fixture()
def agent_factory(agent_and_port: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    agent, port = agent_and_port

    def make(timeout: float = 20) -> Any:
        from bot.config import settings

        monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", str(timeout))
        settings.cache_clear()
        return agent, port

    return make


def test_the_outage_reply_asks_for_a_resend_without_claiming_it_was_kept() -> None:
    """It said "Your message has been received" though nothing was stored, so a business
    had no reason to send it again (fault probe, 7 Dec)."""
    from bot.consultation.questions import message

    sorry = message("service_unavailable")
    assert "received" not in sorry and "hasn't been saved" in sorry
    assert "send it again" in sorry


def test_action_server_down_then_back(agent_factory: Any, database_url: str) -> None:
    from bot.consultation import service
    from bot.consultation.questions import message

    agent, port = agent_factory()
    sorry = message("service_unavailable")

    async def scenario() -> None:
        welcome = await agent.handle_text("hello", sender_id="s1")
        assert "Would you like to take part?" in texts(welcome)

        down = await agent.handle_text("/consent_agree", sender_id="s1")
        assert texts(down) == sorry
        assert service.is_consented("s1") is None
        assert user_texts(database_url, "s1") == ["hello", "/consent_agree"]

        server = await start_action_server(port)
        try:
            back = await agent.handle_text("/consent_agree", sender_id="s1")
            assert "organisation" in texts(back), back
            assert service.is_consented("s1") is True
            org = await agent.handle_text("Orbital Components Ltd", sender_id="s1")
            assert "sector" in texts(org)
        finally:
            await stop_action_server(server)

        again = await agent.handle_text("space engineering", sender_id="s1")
        assert texts(again) == sorry
        server = await start_action_server(port)
        try:
            resumed = await agent.handle_text("space engineering", sender_id="s1")
            assert "how many people" in texts(resumed).lower(), resumed
        finally:
            await stop_action_server(server)

    run_scenario(scenario)


def test_slow_action_server_gets_a_polite_timeout(agent_factory: Any, database_url: str) -> None:
    from bot.consultation.questions import message

    agent, port = agent_factory(timeout=1)

    async def scenario() -> None:
        runner = await start_slow_server(port, delay=5)
        try:
            await agent.handle_text("hello", sender_id="s2")
            loop = asyncio.get_running_loop()
            started = loop.time()
            slow = await agent.handle_text("/consent_agree", sender_id="s2")
            assert loop.time() - started < 4
            assert texts(slow) == message("service_unavailable")
        finally:
            await runner.cleanup()
        assert user_texts(database_url, "s2") == ["hello", "/consent_agree"]

    run_scenario(scenario)


def test_odd_inputs_never_crash_the_conversation(agent_factory: Any) -> None:
    agent, port = agent_factory()
    odd = [
        "🚀🚀🚀",
        "<script>alert('x')</script>",
        "\u202e\u200b\ufeff",
        "x" * 2000,
        "%s %d {0} {{slot}} ${ACTION_SERVER_URL}",
        "/unknown_intent",
        '/faq/nope{"a": 1}',
        "Robert'); DROP TABLE events;--",
        "ÿþ\u0001\u0002binary",
    ]

    async def scenario() -> None:
        server = await start_action_server(port)
        try:
            await agent.handle_text("hello", sender_id="s3")
            for text in odd:
                replies = await agent.handle_text(text, sender_id="s3")
                assert replies, f"no reply to {text!r}"
        finally:
            await stop_action_server(server)

    run_scenario(scenario)


# --- The database fails a turn at its very end (tests/production/test_faults.py, PostgreSQL
# killed under load), deterministically: the tracker store's save raises once, either before
# writing (the turn is lost and must run again) or after committing (the turn is saved, but
# the client got an error and sends the same message again).

SCRIPT_TO_ISLAND_QUESTIONS = [
    "hello",
    "/consent_agree",
    "Resend Test Fabrication",
    "precision engineering",
    "Small (10-49 staff)",
    "High Wycombe",
    "/skip",
    "space and film",
]


async def _to_island_questions(agent: Any, sender: str) -> list[str]:
    """Take `sender` through consent and profile to the islands' questions; their keys."""
    for text in SCRIPT_TO_ISLAND_QUESTIONS:
        await agent.handle_text(text, sender_id=sender)
    tracker = await agent.tracker_store.retrieve(sender)
    return list(tracker.get_slot("pending_questions"))


def _stored(sender: str) -> list[tuple[str, str | None]]:
    from bot.consultation import service

    return [(a.text, a.question_key) for a in service.recorded_answers(sender)]


def _fail_next_save(monkeypatch: pytest.MonkeyPatch, after_commit: bool) -> list[str]:
    """The next tracker save raises as a dropped database connection does; `after_commit`:
    its events were written first (the connection died before the commit was answered)."""
    from bot.storage.tracker_store import ConsultationTrackerStore

    original = ConsultationTrackerStore.save
    failed: list[str] = []

    async def save(self: Any, tracker: Any) -> None:
        if failed:
            return await original(self, tracker)
        failed.append(tracker.sender_id)
        if after_commit:
            await original(self, tracker)
        raise sa.exc.OperationalError("COMMIT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(ConsultationTrackerStore, "save", save)
    return failed


@pytest.fixture()
def keywords_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No themes, no model: the trained tagger is not what is tested here."""
    import bot.tagging
    from bot.strategy import THEME_IDS
    from bot.tagging.result import TagResult

    none = TagResult([], {t: 0.0 for t in THEME_IDS}, {}, "test-none")
    monkeypatch.setattr(bot.tagging, "tag", lambda text, question_key=None: none)


@pytest.mark.parametrize("after_commit", [False, True], ids=["lost", "saved"])
def test_a_turn_failed_at_its_save_and_resent_runs_once(
    agent_factory: Any,
    database_url: str,
    keywords_only: None,
    monkeypatch: pytest.MonkeyPatch,
    after_commit: bool,
) -> None:
    from bot.channels.resilience import install
    from bot.consultation.questions import question
    from bot.production.transcript_guard import TranscriptUnavailable
    from bot.production.transcript_guard import install as fail_closed

    install()
    fail_closed()
    agent, port = agent_factory()
    sender = f"resend-{'saved' if after_commit else 'lost'}"
    answer, second = "Film studios keep asking for set builders", "Grants for CNC machines"

    async def scenario() -> None:
        server = await start_action_server(port)
        try:
            keys = await _to_island_questions(agent, sender)
            assert len(keys) >= 3, keys

            # The answer's action stores it, then the turn fails at its save.
            failed = _fail_next_save(monkeypatch, after_commit)
            with pytest.raises(TranscriptUnavailable):
                await agent.handle_text(answer, sender_id=sender)
            assert failed == [sender]
            assert _stored(sender) == [(answer, keys[0])]

            resent = await agent.handle_text(answer, sender_id=sender)
            assert question(keys[1]).text in texts(resent), resent
            assert _stored(sender) == [(answer, keys[0])]

            # A resent "/skip" whose first try was saved skips one question, not two.
            _fail_next_save(monkeypatch, after_commit)
            with pytest.raises(TranscriptUnavailable):
                await agent.handle_text("/skip", sender_id=sender)
            skipped = await agent.handle_text("/skip", sender_id=sender)
            assert question(keys[2]).text in texts(skipped), skipped

            await agent.handle_text(second, sender_id=sender)
            assert _stored(sender) == [(answer, keys[0]), (second, keys[2])]
        finally:
            server.close()
            await server.wait_closed()
        said = user_texts(database_url, sender)
        assert said.count(answer) == 1, said  # the transcript holds it once either way
        assert said.count(second) == 1

    run_scenario(scenario)


def test_a_named_socketio_message_sent_again_is_replayed(
    agent_factory: Any,
    database_url: str,
    keywords_only: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The widget's message ids through the real socket.io channel, model and tracker store:
    its answer was saved but never reached the browser (the replica died, or the ack was
    lost), and the widget sends it again with the same id, to a replica that remembers no
    failure: the saved replies are sent again and the answer is stored once."""
    from bot.channels import resend
    from bot.channels.resend import FailedTurns
    from bot.channels.socketio import LimitedSocketIOInput
    from bot.consultation.questions import message, question

    monkeypatch.setattr(resend, "_store", FailedTurns())  # no memory of a failure
    agent, port = agent_factory()
    sender = "sio-resend-named"
    answer = "Drone testing needs airspace near Westcott"
    channel = LimitedSocketIOInput.from_credentials(
        {"session_persistence": True, "user_message_evt": "user_uttered"}
    )
    sio = channel.blueprint(agent.handle_message).ctx.sio
    said: list[str] = []

    async def emit(event: str, data: Any = None, **kwargs: Any) -> None:
        said.append(
            f"{kwargs.get('room')}: {data.get('text') if event == 'bot_uttered' else event}"
        )

    monkeypatch.setattr(sio, "emit", emit)
    handle = sio.handlers["/"]["user_uttered"]

    async def scenario() -> None:
        server = await start_action_server(port)
        try:
            keys = await _to_island_questions(agent, sender)
            named = {"message": answer, "session_id": sender, "message_id": "widget-1"}

            cache = agent.tracker_store._tracker_store._cache  # ours, inside Rasa's FailSafe
            misses = cache.misses
            assert await handle("sid1", named) == {"ok": True}
            assert cache.misses == misses  # the resend check left the turn its cached tracker
            first = list(said)
            assert any(question(keys[1]).text in s for s in first), first
            assert _stored(sender) == [(answer, keys[0])]

            said.clear()
            assert await handle("sid2", named) == {"ok": True}  # re-sent after a reconnect
            assert said == first  # the saved replies, to the session's room
            assert _stored(sender) == [(answer, keys[0])]

            # The same words as a new message (a new id) are a new turn, not a replay: it
            # runs, and the consultation keeps a repeat once (repeats_an_answer); sent
            # straight after, it is a double send and the question is asked again.
            said.clear()
            assert await handle("sid2", {**named, "message_id": "widget-2"}) == {"ok": True}
            assert any(message("came_twice") in s for s in said), said
            assert any(question(keys[1]).text in s for s in said), said
            assert _stored(sender) == [(answer, keys[0])]

            # Retry on the first after that: taken in already, so not run, nothing said.
            said.clear()
            assert await handle("sid2", named) == {"ok": True}
            assert said == []
            assert _stored(sender) == [(answer, keys[0])]
        finally:
            server.close()
            await server.wait_closed()

    run_scenario(scenario)
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user'"),
            {"s": sender},
        ).scalars()
        ids = [json.loads(r)["message_id"] for r in rows if json.loads(r)["text"] == answer]
    engine.dispose()
    assert ids == ["widget-1", "widget-2"]  # the turns keep the widget's ids


def test_an_action_server_failure_at_any_action_of_a_consultation_loses_nothing(
    agent_factory: Any, database_url: str, keywords_only: None
) -> None:
    """Every custom action of a whole consultation (the load tests' script) fails in turn,
    before and after the action server ran it; the business sends the message again after
    each apology, as the widget asks. Each time the answers are stored once each and the
    consultation ends as it does without a fault. (A kill under load found one such point:
    "/skip" ended the profile, saving it failed, and the revert rewound to before consent.)"""
    import uuid

    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bot.consultation import service
    from tests.production.chat_load import PROBLEM, SCRIPT

    agent, port = agent_factory()
    plan = FaultPlan()
    script = [(line.format(n=0), is_answer) for line, is_answer in SCRIPT]
    answers = sorted(text for text, is_answer in script if is_answer)

    async def say(sender: str, text: str, message_id: str) -> str:
        out = CollectingOutputChannel()
        await agent.handle_message(UserMessage(text, out, sender, message_id=message_id))
        return texts(out.messages)

    async def consultation(turn: int, call: int, mode: str) -> tuple[str | None, str]:
        """The script with call `call` of turn `turn` failing: that action, the last reply."""
        sender, failed, reply = f"sweep-{uuid.uuid4().hex[:10]}", None, ""
        for at, (text, _) in enumerate(script):
            plan.arm(call if at == turn else None, mode)
            message_id = uuid.uuid4().hex  # the same id on each resend, as the widget
            for _ in range(3):
                reply = await say(sender, text, message_id)
                failed = failed or plan.failed
                plan.arm(None)
                if PROBLEM not in reply:
                    break
            if at == turn and failed is None:
                return None, reply  # the turn ran fewer custom actions: the rest is moot
        stored = sorted(a.text for a in service.recorded_answers(sender))
        if stored != answers:
            return failed, f"stored {stored}"
        return failed, reply

    async def scenario() -> None:
        target = free_port()
        server = await start_action_server(target)
        proxy = await start_failing_proxy(port, target, plan)
        problems, tried = [], 0
        try:
            _, ending = await consultation(-1, 0, "before")
            for turn in range(len(script)):
                for mode in ("before", "after"):
                    for call in range(8):
                        failed, reply = await consultation(turn, call, mode)
                        if failed is None:
                            break  # the turn ran fewer custom actions
                        tried += 1
                        if reply != ending:
                            problems.append(f"{script[turn][0]!r}: {failed} {mode}: {reply}")
        finally:
            await proxy.cleanup()
            await stop_action_server(server)
        assert tried >= 60, tried  # every turn's actions were reached
        assert problems == []

    run_scenario(scenario)
