"""An answer is tagged before its transaction takes SQLite's one write lock, so Rasa's
transcript and other businesses' answers never wait behind the tagger (measured: Rasa's
event loop slept in SQLite's busy handler, 1 + 2 + 5 + 10 + … ms, while it was held)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.engine import Engine

import bot.tagging
from bot.consultation import service
from bot.strategy import THEME_IDS
from bot.tagging import TagResult


def test_the_database_is_writable_while_an_answer_is_tagged(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database_url.split("///", 1)[1]
    seen: list[str] = []

    def tag(text: str, question_key: str | None = None) -> TagResult:
        other = sqlite3.connect(path, timeout=0)  # a held write lock fails at once
        try:
            other.execute("BEGIN IMMEDIATE")  # takes the write lock, as a writer would
            other.execute("ROLLBACK")
            seen.append("writable")
        except sqlite3.OperationalError as error:
            seen.append(str(error))
        finally:
            other.close()
        themes = ["space"] if "rocket" in text.lower() else []
        scores = {t: (0.9 if t in themes else 0.1) for t in THEME_IDS}
        return TagResult(
            themes=themes, scores=scores, evidence={"space": ["rocket"]}, model_version="t-1"
        )

    monkeypatch.setattr(bot.tagging, "tag", tag)
    service.record_consent("b1", "rest", agreed=True)
    service.record_answer("b1", "rest", "We need a rocket test cell", "island:space:help", "?")
    second = service.record_answer("b1", "rest", "Rocket engineers too", "q2", "?")
    assert second is not None and second.themes == ["space"]  # stored and tagged
    assert seen[-1] == "writable"
