"""The staff app's bad-input probes on a real PostgreSQL, which refuses NUL in text (the
psycopg2 ValueError these once raised was a 500)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.review.conftest import csrf_from, post
from tests.review.seed import Seeded
from tests.review.test_postgres import pg_client  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres


def test_nul_and_control_characters_on_postgres(pg_client: tuple[FlaskClient, Seeded]) -> None:  # noqa: F811
    client, seeded = pg_client
    assert client.get("/staff/responses?q=rocket%00").status_code == 400
    assert client.get("/staff/api/responses?sector=%00").status_code == 400
    note = post(
        client,
        f"/staff/responses/{seeded.space_response}/review",
        {"action": "note", "note": "a\x00b"},
    )
    assert note.status_code == 400
    # A note with other control characters is stored as typed and exports still open.
    ok = post(
        client,
        f"/staff/responses/{seeded.space_response}/review",
        {"action": "note", "note": "=1+1\x01 ok"},
    )
    assert ok.status_code == 302
    assert client.get("/staff/responses/export?format=xlsx").status_code == 200
    assert client.get("/staff/responses?q=rocket").status_code == 200
    # And signed out, a NUL in the login form is refused before it reaches the audit log.
    post(client, "/staff/logout")
    token = csrf_from(client)
    answer = client.post(
        "/staff/login", data={"email": "x\x00@example.org", "password": "p", "csrf_token": token}
    )
    assert answer.status_code == 400
