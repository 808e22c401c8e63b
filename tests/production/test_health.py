"""Readiness answers check what they claim: database reachable and migrated, tagger and
Rasa model loaded; liveness stays a plain 'the process serves HTTP'."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from bot.production import health
from bot.production.health import TaggerWarmup, database_problem, report
from bot.production.rasa_ready import agent_problem
from tests.conftest import free_port


def test_a_migrated_database_is_ready(database_url: str) -> None:
    assert database_problem(database_url) is None


def test_an_empty_database_is_reachable_but_not_ready(tmp_path: Path) -> None:
    problem = database_problem(f"sqlite:///{tmp_path / 'empty.db'}")
    assert problem and "not migrated" in problem


def test_an_unreachable_database_is_named_as_such() -> None:
    url = f"postgresql://nobody@127.0.0.1:{free_port()}/nothing"
    problem = database_problem(url)
    assert problem and problem.startswith("database unreachable: OperationalError")


def test_a_hung_database_is_a_problem_after_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "database_problem", lambda _url: time.sleep(2) or None)
    problem = asyncio.run(health.database_problem_within("sqlite://", timeout=0.2))
    assert problem == "database did not answer within 0.2 s"


def test_report_is_503_while_any_check_fails() -> None:
    body, status = report({"database": None, "tagger": "tagger loading (2 s)"})
    assert status == 503
    assert body == {
        "status": "not ready",
        "checks": {"database": "ok", "tagger": "tagger loading (2 s)"},
    }
    assert report({"database": None})[1] == 200


def test_missing_tagger_model_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.tagging
    from bot.config import settings

    monkeypatch.setenv("MODELS_DIR", str(tmp_path))
    settings.cache_clear()
    bot.tagging.reset()
    warm = TaggerWarmup().start()
    warm._done.wait(30)
    warm.stop()  # it tries again every 30 s (fault probe s45); not in the other tests' time
    settings.cache_clear()
    problem = warm.problem()
    assert problem and problem.startswith("tagger not loaded: no trained theme tagger in")


def test_tagger_is_loading_until_the_thread_is_done() -> None:
    assert (TaggerWarmup().problem() or "").startswith("tagger loading")


def test_rasa_without_a_loaded_model_is_not_ready() -> None:
    class Agent:
        def __init__(self, ready: bool) -> None:
            self.ready = ready

        def is_ready(self) -> bool:
            return self.ready

    assert agent_problem(None) == "no model loaded yet"
    assert agent_problem(Agent(False)) == "no model loaded yet"
    assert agent_problem(Agent(True)) is None


def test_web_readyz_checks_the_database(database_url: str, tmp_path: Path) -> None:
    from bot.web.app import create_app

    client = create_app({"TESTING": True}).test_client()
    ok = client.get("/readyz")
    assert ok.status_code == 200 and ok.get_json()["checks"] == {"database": "ok"}
    broken = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    answer = broken.test_client().get("/readyz")
    assert answer.status_code == 503
    assert "not migrated" in answer.get_json()["checks"]["database"]
    assert broken.test_client().get("/healthz").status_code == 200  # alive, just not ready


@pytest.mark.slow
def test_every_part_of_the_running_stack_is_ready(live_stack: Any) -> None:
    rasa = requests.get(f"{live_stack.rasa_url}/webhooks/ready/", timeout=30)
    assert rasa.status_code == 200, rasa.text
    assert rasa.json()["checks"] == {"model": "ok", "database": "ok"}
    actions = requests.get(f"{live_stack.action_url}/ready", timeout=30)
    assert actions.status_code == 200, actions.text
    assert actions.json()["checks"] == {"database": "ok", "tagger": "ok"}
    web = requests.get(f"{live_stack.web_url}/readyz", timeout=30)
    assert web.status_code == 200 and web.json()["status"] == "ready"
