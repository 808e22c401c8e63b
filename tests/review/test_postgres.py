"""The review app's queries, pages and exports on a real PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from bot.config import settings
from bot.storage.db import engine_for, session_scope
from bot.storage.migrate import upgrade
from tests.review.conftest import login, post
from tests.review.seed import XSS_SCRIPT, Seeded, seed

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_client(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[FlaskClient, Seeded]]:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    monkeypatch.setenv("SECRET_KEY", "pg-test-secret")
    settings.cache_clear()
    upgrade("head", postgres_url)
    engine = engine_for(postgres_url)
    with session_scope(engine) as session:
        data = seed(session)
    from bot.web.app import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": postgres_url})
    client = app.test_client()
    assert login(client).status_code == 302
    yield client, data
    with engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE businesses, conversations, responses, response_themes, "
                "effective_themes, audit_log, staff_users RESTART IDENTITY CASCADE"
            )
        )
        conn.execute(text("DROP TABLE IF EXISTS events"))
    settings.cache_clear()


def ids(client: FlaskClient, query: str) -> set[int]:
    return {i["id"] for i in client.get(f"/staff/api/responses?{query}").get_json()["items"]}


def test_review_pages_on_postgres(pg_client: tuple[FlaskClient, Seeded]) -> None:
    client, s = pg_client
    assert engine_for(settings().database_url).dialect.name == "postgresql"
    assert ids(client, "theme=space&theme=housing_growth") == {s.space_response, s.plain_response}
    assert ids(client, "theme=space&theme=infrastructure&mode=all") == {s.space_response}
    assert ids(client, "channel=rest&reviewed=no") == {s.plain_response}
    assert ids(client, "q=ROCKET broadband") == {s.space_response}  # ILIKE
    assert ids(client, "sector=Space&from=2026-11-01&to=2026-11-03") == {s.space_response}
    overview = client.get("/staff/api/overview").get_json()
    assert overview["total"] == 4 and overview["by_week"][0][0] == "2026-11-02"
    assert overview["by_channel"] == {"socketio": 1, "rest": 2, "twitter": 1}
    for path in (
        "/staff/",
        "/staff/responses",
        "/staff/agreement",
        "/staff/audit",
        f"/staff/businesses/{s.space_business}",
        f"/staff/responses/{s.space_response}",
        "/staff/businesses?q=orbital",
    ):
        resp = client.get(path)
        assert resp.status_code == 200, path
        assert XSS_SCRIPT not in resp.get_data(as_text=True)
    html = client.get(f"/staff/businesses/{s.space_business}").get_data(as_text=True)
    assert "Hello! Do you agree to take part?" in html and "Yes, I agree" in html
    body = client.get("/staff/responses/export?format=csv&theme=space").get_data(as_text=True)
    (row,) = csv.DictReader(io.StringIO(body.lstrip("\ufeff")))
    assert "[phone]" in row["response"]
    resp = post(
        client,
        f"/staff/responses/{s.plain_response}/themes",
        {"theme": ["education_skills"], "mark_reviewed": "1"},
    )
    assert resp.status_code == 302
    assert ids(client, "theme=education_skills") == {s.mobility_response, s.plain_response}
    # Two reviewed: per-response F1 2/3 and 0 -> mean 0.33.
    assert "0.33" in client.get("/staff/agreement").get_data(as_text=True)
    assert client.get("/staff/api/overview?fresh=1").get_json()["reviewed"] == 2
