"""Fixtures for the staff review app's HTTP tests."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.review.seed import ADMIN_EMAIL, PASSWORD, REVIEWER_EMAIL, Seeded, seed

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheaper scrypt parameters in tests only (production keeps werkzeug's defaults)."""
    from bot.storage import staff

    monkeypatch.setattr(staff, "HASH_METHOD", "scrypt:4096:8:1")


@pytest.fixture()
def seeded(session) -> Seeded:  # noqa: ANN001
    data = seed(session)
    session.commit()
    return data


@pytest.fixture()
def app(database_url: str, seeded: Seeded) -> Iterator[Flask]:
    from bot.web.app import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": database_url})
    yield app


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def csrf_from(client: FlaskClient, path: str = "/staff/login") -> str:
    html = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client: FlaskClient, email: str = REVIEWER_EMAIL, password: str = PASSWORD):  # noqa: ANN201
    token = csrf_from(client)
    return client.post(
        "/staff/login", data={"email": email, "password": password, "csrf_token": token}
    )


@pytest.fixture()
def reviewer(client: FlaskClient) -> FlaskClient:
    assert login(client).status_code == 302
    return client


@pytest.fixture()
def admin(client: FlaskClient) -> FlaskClient:
    assert login(client, ADMIN_EMAIL).status_code == 302
    return client


def post(client: FlaskClient, path: str, data: dict | None = None, page: str = "/staff/"):  # noqa: ANN201
    """POST with a valid CSRF token taken from `page`."""
    payload = dict(data or {})
    payload["csrf_token"] = csrf_from(client, page)
    return client.post(path, data=payload)
