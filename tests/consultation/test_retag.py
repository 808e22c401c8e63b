"""`retag`: model rows replaced with the current model, respondent and staff rows untouched."""

from __future__ import annotations

from datetime import datetime

from click.testing import CliRunner
from sqlalchemy import select

from bot.storage.db import session_scope
from bot.storage.models import (
    AuditEvent,
    Business,
    Conversation,
    EffectiveTheme,
    Response,
    ResponseTheme,
)
from bot.storage.themes import set_model_tags, set_override


def _conversation(s, sender: str) -> Conversation:  # noqa: ANN001
    """A consenting business's conversation, flushed so its id can be used."""
    business = Business(sender_id=sender, channel="rest", consent=True)
    s.add(business)
    s.flush()
    conv = Conversation(business_id=business.id, sender_id=sender, channel="rest")
    s.add(conv)
    s.flush()
    return conv


def _seed(engine) -> list[int]:  # noqa: ANN001
    with session_scope(engine) as s:
        conv = _conversation(s, "u1")
        old = Response(
            conversation_id=conv.id,
            text="We test rocket engines at Westcott",
            created_at=datetime(2026, 1, 5),
        )
        new = Response(
            conversation_id=conv.id,
            text="The broadband here is awful",
            created_at=datetime(2026, 3, 1),
        )
        s.add_all([old, new])
        s.flush()
        # An old model said something else; the respondent removed one theme, staff added one.
        for r in (old, new):
            set_model_tags(
                s,
                r.id,
                ["creative_digital", "housing_growth"],
                {"creative_digital": 0.9, "housing_growth": 0.8},
                {"creative_digital": ["x"], "housing_growth": ["y"]},
                "old-model",
            )
        set_override(s, new.id, "housing_growth", False, "respondent", "respondent")
        set_override(s, new.id, "education_skills", True, "staff", "staff@example.org")
        return [old.id, new.id]


def _rows(engine, response_id: int) -> list[tuple]:  # noqa: ANN001
    with session_scope(engine) as s:
        rows = s.scalars(select(ResponseTheme).where(ResponseTheme.response_id == response_id))
        return sorted(
            (r.source, r.theme_id, r.present, r.model_version, r.created_by) for r in rows
        )


def _effective(engine, response_id: int) -> list[str]:  # noqa: ANN001
    with session_scope(engine) as s:
        return sorted(
            s.scalars(
                select(EffectiveTheme.theme_id).where(EffectiveTheme.response_id == response_id)
            )
        )


def test_retag_keeps_respondent_and_staff_rows(engine, keyword_engine) -> None:  # noqa: ANN001
    from bot.consultation.retag import retag

    old_id, new_id = _seed(engine)
    human_before = [r for r in _rows(engine, new_id) if r[0] != "model"]
    summary = retag(engine=engine, tagger=keyword_engine)
    assert summary["responses"] == 2
    assert summary["model_version"] == keyword_engine.version

    after = _rows(engine, new_id)
    assert [r for r in after if r[0] != "model"] == human_before
    model_rows = [r for r in after if r[0] == "model"]
    assert model_rows == [("model", "infrastructure", True, keyword_engine.version, "model")]
    # staff-added education_skills stays; model's old themes are gone
    assert _effective(engine, new_id) == ["education_skills", "infrastructure"]
    assert _effective(engine, old_id) == ["space"]

    with session_scope(engine) as s:
        actions = [a.action for a in s.scalars(select(AuditEvent))]
    assert actions.count("model_retagged") == 2
    assert actions.count("retag_run") == 1


def test_retag_since_only_touches_newer(engine, keyword_engine) -> None:  # noqa: ANN001
    from bot.consultation.retag import retag

    old_id, new_id = _seed(engine)
    summary = retag(since=datetime(2026, 2, 1), engine=engine, tagger=keyword_engine)
    assert summary["responses"] == 1
    assert {r[3] for r in _rows(engine, old_id) if r[0] == "model"} == {"old-model"}
    assert {r[3] for r in _rows(engine, new_id) if r[0] == "model"} == {keyword_engine.version}


def test_retag_cli(engine, keyword_engine) -> None:  # noqa: ANN001
    from bot.cli import main

    _seed(engine)
    result = CliRunner().invoke(main, ["retag", "--since", "2026-02-01"])
    assert result.exit_code == 0, result.output
    assert "retagged 1 responses" in result.output


def test_retag_without_model_is_a_clear_error(engine, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    import bot.tagging
    from bot.cli import main
    from bot.config import settings

    monkeypatch.setenv("MODELS_DIR", str(tmp_path / "none"))
    monkeypatch.setattr(bot.tagging, "_engine", None)
    settings.cache_clear()
    result = CliRunner().invoke(main, ["retag"])
    settings.cache_clear()
    assert result.exit_code != 0
    assert "make train" in result.output


class _FirstSubjectOnly:
    """A tagger that reads only a message's first subject, as a long list can be read."""

    version = "first-subject"

    def tag_many(self, texts, question_keys=None):  # noqa: ANN001, ANN201
        from bot.strategy import THEME_IDS
        from bot.tagging.result import TagResult

        def one(text: str) -> TagResult:
            first = text.strip().lstrip("•").strip().lower()
            theme = "education_skills" if first.startswith("no course") else "infrastructure"
            scores = {t: 0.9 if t == theme else 0.0 for t in THEME_IDS}
            return TagResult([theme], scores, {theme: [text[:20]]}, self.version)

        return [one(t) for t in texts]


def test_retag_keeps_the_themes_of_a_list_s_points_and_later_additions(engine) -> None:  # noqa: ANN001
    """The points of a list and what was added later are tagged on their own when stored;
    a re-tag reads them the same way, so it drops none of their themes (set CX)."""
    from bot.consultation.retag import retag

    with session_scope(engine) as s:
        conv = _conversation(s, "u2")
        listed = Response(
            conversation_id=conv.id,
            text="• no course left in Bucks for upholsterers\n• nowhere to park the van",
        )
        added = Response(
            conversation_id=conv.id,
            text="nowhere to park the van [added later: no course in Bucks for apprentices]",
        )
        s.add_all([listed, added])
        s.flush()
        ids = [listed.id, added.id]
    retag(engine=engine, tagger=_FirstSubjectOnly())
    for response_id in ids:
        assert _effective(engine, response_id) == ["education_skills", "infrastructure"]
