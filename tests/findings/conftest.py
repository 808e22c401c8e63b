"""Fixtures for findings tests: responses on themes, and a fast stand-in sentence encoder."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence

import numpy as np
import pytest
from sqlalchemy.orm import Session

from bot.storage.models import Business, Conversation, Response
from bot.storage.themes import set_model_tags

STOP = {"the", "a", "an", "and", "to", "of", "for", "our", "we", "is", "are", "in", "on", "it"}


def word_vectors(texts: Sequence[str]) -> np.ndarray:
    """Bag of hashed words, unit length: texts sharing words are close, others far apart."""
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in re.findall(r"[a-z]+", text.lower()):
            if word not in STOP:
                out[i, zlib.crc32(word.encode()) % 384] += 1.0
        out[i] /= max(float(np.linalg.norm(out[i])), 1e-9)
    return out


@pytest.fixture()
def fake_encoder(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replace the MiniLM encoder by `word_vectors`; the list records each call's size."""
    from bot.findings import embeddings

    calls: list[int] = []

    def encode(texts: Sequence[str]) -> np.ndarray:
        calls.append(len(texts))
        return word_vectors(texts)

    monkeypatch.setattr(embeddings, "encode", encode)
    return calls


AddResponses = Callable[..., list[int]]


@pytest.fixture()
def add_responses(session: Session) -> AddResponses:
    """add_responses(texts, theme, organisation=None, ...) -> new response ids (model-tagged)."""
    return responses_adder(session)


def responses_adder(session: Session) -> AddResponses:
    """The `add_responses` helper bound to any session (SQLite or PostgreSQL)."""
    counter = {"n": 0}

    def add(
        texts: Sequence[str],
        theme: str | list[str] = "infrastructure",
        organisation: str | None = None,
        channel: str = "socketio",
        sector: str | None = "Manufacturing",
        size_band: str | None = "10-49",
        location: str | None = "Aylesbury",
        named_consent: bool = False,
        email: str | None = None,
    ) -> list[int]:
        counter["n"] += 1
        business = Business(
            sender_id=f"s{counter['n']}-{id(texts)}",
            channel=channel,
            organisation=organisation,
            sector=sector,
            size_band=size_band,
            location=location,
            consent=True,
            named_consent=named_consent,
            email=email,
        )
        session.add(business)
        session.flush()
        conv = Conversation(business_id=business.id, sender_id=business.sender_id, channel=channel)
        session.add(conv)
        session.flush()
        themes = [theme] if isinstance(theme, str) else theme
        ids = []
        for text in texts:
            r = Response(conversation_id=conv.id, text=text, question_key="x")
            session.add(r)
            session.flush()
            set_model_tags(session, r.id, themes, {t: 0.9 for t in themes}, {}, "test")
            ids.append(r.id)
        session.flush()
        return ids

    return add
