"""The consultation service: consent gates storage, answers are tagged, corrections, forget."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from bot.consultation import service
from bot.consultation.pointing_back import same_as_before
from bot.storage.db import session_scope
from bot.storage.models import AuditEvent, Business, Response, ResponseTheme
from bot.strategy import THEME_IDS
from bot.tagging import TagResult


@pytest.fixture(autouse=True)
def fake_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deterministic stand-in so these tests check the service, not the model."""
    import bot.tagging

    def tag(text: str, question_key: str | None = None) -> TagResult:
        themes = [
            t for t, word in (("space", "rocket"), ("infrastructure", "rail")) if word in text
        ]
        evidence = {t: ["phrase"] for t in themes}
        if question_key == "island:space:barriers" and "space" not in themes:
            themes.insert(0, "space")  # stands in for the tagger's question prior
            evidence["space"] = ["answer to the Space question"]
        scores = {t: (0.9 if t in themes else 0.1) for t in THEME_IDS}
        return TagResult(themes=themes, scores=scores, evidence=evidence, model_version="test-1")

    monkeypatch.setattr(bot.tagging, "tag", tag)


def test_nothing_stored_without_consent(engine: Engine) -> None:
    assert service.record_answer("anon", "rest", "rocket test cells", "q", "Q?") is None
    service.record_consent("anon", "rest", agreed=False)
    assert service.record_answer("anon", "rest", "rocket test cells", "q", "Q?") is None
    service.save_profile("anon", "rest", organisation="Secret Ltd")
    with session_scope(engine) as s:
        assert s.scalar(select(func.count(Response.id))) == 0
        business = s.scalars(select(Business)).one()
        assert business.consent is False and business.organisation is None
    assert service.is_consented("anon") is False


def test_answer_is_tagged_and_stored(engine: Engine) -> None:
    service.record_consent("b1", "socketio", agreed=True)
    service.save_profile("b1", "socketio", organisation="Orbit Ltd", sector="space", role="")
    answer = service.record_answer(
        "b1",
        "socketio",
        "  We need rocket test cells and rail links\x00 ",
        "island:space:help",
        "?",
    )
    assert answer is not None
    assert answer.themes == ["space", "infrastructure"]
    assert answer.text == "We need rocket test cells and rail links"
    with session_scope(engine) as s:
        row = s.scalars(select(ResponseTheme).where(ResponseTheme.theme_id == "space")).one()
        assert (row.source, row.model_version, row.evidence) == ("model", "test-1", ["phrase"])
        business = s.scalars(select(Business)).one()
        assert (business.organisation, business.sector, business.role) == (
            "Orbit Ltd",
            "space",
            None,
        )
        assert business.conversations[0].channel == "socketio"


def test_a_resent_answer_is_stored_once(engine: Engine) -> None:
    service.record_consent("b5", "rest", agreed=True)
    first = service.record_answer("b5", "rest", "rocket test cells", "island:space:help", "?")
    again = service.record_answer("b5", "rest", " rocket test cells ", "island:space:help", "?")
    assert first is not None and again is not None
    assert again.response_id == first.response_id and again.themes == ["space"]
    # the same words to another question, or after another answer, are new answers
    other = service.record_answer("b5", "rest", "rocket test cells", "island:space:barriers", "?")
    back = service.record_answer("b5", "rest", "rocket test cells", "island:space:help", "?")
    assert other is not None and back is not None
    assert len({first.response_id, other.response_id, back.response_id}) == 3
    with session_scope(engine) as s:
        assert s.scalar(select(func.count(Response.id))) == 3


def test_respondent_corrections(engine: Engine) -> None:
    service.record_consent("b2", "rest", agreed=True)
    service.record_answer("b2", "rest", "rocket engines", "island:space:barriers", "?")
    service.record_answer("b2", "rest", "rail is slow", "seabed:infrastructure", "?")
    answers = service.correct_themes(
        "b2", add=["space", "education_skills"], remove=["infrastructure"]
    )
    assert [a.themes for a in answers] == [["space"], ["education_skills"]]
    assert service.recorded_themes("b2") == ["space", "education_skills"]
    with session_scope(engine) as s:
        sources = set(s.scalars(select(ResponseTheme.source)))
        assert sources == {"model", "respondent"}
    with pytest.raises(ValueError):
        service.correct_themes("b2", add=["not_a_theme"], remove=[])


def test_a_correction_pointed_at_one_answer_changes_it_alone(engine: Engine) -> None:
    service.record_consent("b2i", "rest", agreed=True)
    service.record_answer("b2i", "rest", "rocket engines", "island:space:barriers", "?")
    service.record_answer("b2i", "rest", "rail is slow", "seabed:infrastructure:views", "?")
    answers = service.correct_themes("b2i", add=["education_skills"], remove=[], item=1)
    assert ["education_skills" in a.themes for a in answers] == [True, False]
    with pytest.raises(ValueError):
        service.correct_themes("b2i", add=["space"], remove=[], item=3)


def test_contact_validation(engine: Engine) -> None:
    service.record_consent("b3", "rest", agreed=True)
    with pytest.raises(ValueError):
        service.set_contact("b3", "rest", "not-an-email", follow_up=True)
    service.set_contact("b3", "rest", "owner@firm.co.uk", follow_up=True)
    with session_scope(engine) as s:
        business = s.scalars(select(Business)).one()
        assert (business.email, business.follow_up) == ("owner@firm.co.uk", True)


def test_forget_deletes_everything_including_transcript(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)")
        )
        conn.execute(text("INSERT INTO events (sender_id, data) VALUES ('b4', 'rocket secrets')"))
        conn.execute(text("INSERT INTO events (sender_id, data) VALUES ('other', 'keep me')"))
    service.record_consent("b4", "rest", agreed=True)
    service.record_answer("b4", "rest", "rocket secrets", "q", "?")
    result = service.forget("b4")
    assert (result.businesses, result.responses, result.events) == (1, 1, 1)
    with session_scope(engine) as s:
        assert s.scalar(select(func.count(Response.id))) == 0
        assert s.scalar(select(func.count(Business.id))) == 0
        assert s.scalar(select(func.count(ResponseTheme.id))) == 0
        audit = s.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).one()
        assert "rocket" not in str(audit.detail)
        remaining = s.execute(text("SELECT sender_id FROM events")).scalars().all()
        assert remaining == ["other"]


def test_the_question_answered_goes_to_the_tagger(engine: Engine) -> None:
    """The service hands the tagger the question key and stores what comes back, with the
    model version the result carries (the prior itself: tests/tagging)."""
    service.record_consent("b6", "rest", agreed=True)
    plain = service.record_answer(
        "b6",
        "rest",
        "We need a bigger test stand and a rail link",
        "island:space:barriers",
        "Space: what barriers...?",
    )
    assert plain is not None and plain.themes == ["space", "infrastructure"]
    assert plain.evidence["space"] == ["answer to the Space question"]
    other = service.record_answer("b6", "rest", "We need a bigger test stand", "other", "?")
    assert other is not None and other.themes == []
    with session_scope() as session:
        versions = set(session.scalars(select(ResponseTheme.model_version)).all())
    assert versions == {"test-1"}


def test_an_answer_stores_no_vector_and_sub_themes_encode_it_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sub-theme discovery clusters vectors of another graph of the encoder
    (bot/findings/embeddings.py: GRAPH) than the tagger's, so storing the tagger's vector
    with each answer was a wasted write: nothing is stored until the first sub-theme run
    encodes the text, once; later runs read that vector."""
    import numpy as np

    import bot.tagging
    from bot.findings import embeddings
    from bot.storage.models import ResponseEmbedding
    from bot.tagging.embed import encoder_version

    monkeypatch.setattr(
        bot.tagging,
        "tag",
        lambda text, key=None: TagResult(
            ["space"], dict.fromkeys(THEME_IDS, 0.5), {"space": ["x"]}, "test-1"
        ),
    )
    service.record_consent("b9", "rest", agreed=True)
    stored = service.record_answer("b9", "rest", "Rocket tests need a site", None, None)
    assert stored is not None and stored.themes == ["space"]
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(ResponseEmbedding)) == 0

    encoded: list[list[str]] = []
    float_vector = np.full(384, -1 / np.sqrt(384), dtype=np.float32)

    def float_graph(texts: list[str]) -> np.ndarray:
        encoded.append(list(texts))
        return np.tile(float_vector, (len(texts), 1))

    monkeypatch.setattr(embeddings, "encode", float_graph)
    item = [(stored.response_id, "Rocket tests need a site")]
    with session_scope(engine) as session:
        assert np.allclose(embeddings.vectors_for(session, item)[0], float_vector)
    assert encoded == [["Rocket tests need a site"]]
    with session_scope(engine) as session:
        row = session.get(ResponseEmbedding, stored.response_id)
        assert row is not None and row.encoder == encoder_version(embeddings.GRAPH)
        assert np.allclose(np.frombuffer(row.vector, dtype=np.float32), float_vector)
    with session_scope(engine) as session:
        assert np.allclose(embeddings.vectors_for(session, item)[0], float_vector)
    assert encoded == [["Rocket tests need a site"]]  # the second run encoded nothing


def test_a_pointer_is_kept_with_the_words_it_stands_for_and_a_resend_is_not_stored_twice(
    engine: Engine,
) -> None:
    service.record_consent("b-ditto", "rest", agreed=True)
    service.record_answer(
        "b-ditto", "rest", "the A41 is gridlocked", "seabed:infrastructure:views", "?"
    )
    first = service.record_answer(
        "b-ditto", "rest", "^^ same", "island:space:barriers", "?", points_back=True
    )
    again = service.record_answer(
        "b-ditto", "rest", "^^ same", "island:space:barriers", "?", points_back=True
    )
    assert first is not None and again is not None
    assert first.text == "^^ same [same as: the A41 is gridlocked]"
    assert again.response_id == first.response_id
    assert len(service.recorded_answers("b-ditto")) == 2


def test_a_pointer_on_x_is_read_without_its_handle() -> None:
    assert same_as_before("@btvlep ^^ same")
    assert same_as_before("@btvlep same as before #bucksLIS")
