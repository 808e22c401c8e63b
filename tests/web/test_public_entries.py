"""Probes on the web app's public entries (demo page, privacy notice, widget assets,
health and readiness): wrong methods, path tricks, odd headers and oversized bodies get a
clear 4xx, never a 500 or a file from outside the asset folders."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

PUBLIC_GET = [
    "/",
    "/privacy",
    "/healthz",
    "/readyz",
    "/widget/bucks-lis-chat.js",
    "/widget/config.json",
]


@pytest.fixture()
def client(database_url: str) -> FlaskClient:
    from bot.web.app import create_app

    app: Flask = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": database_url})
    return app.test_client()


@pytest.mark.parametrize("path", PUBLIC_GET)
def test_public_pages_answer_get_and_refuse_other_methods(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 200
    for method in ("post", "put", "delete", "patch"):
        resp = getattr(client, method)(path, data=b"\x00" * 64)
        assert resp.status_code == 405, (method, path)


def test_health_and_readiness_are_json(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.is_json


@pytest.mark.parametrize(
    "path",
    [
        "/widget/../config.py",
        "/widget/%2e%2e/%2e%2e/bot/config.py",
        "/widget/..%2f..%2fconfig.py",
        "/widget/%2e%2e%5c%2e%2e%5cconfig.py",
        "/staff/static/../../config.py",
        "/staff/static/%2e%2e/%2e%2e/config.py",
        "/widget/%00",
        "/widget/vendor/%00.js",
        "/static/../../../etc/passwd",
        "/" + "a" * 10_000,
    ],
)
def test_path_tricks_find_no_file(client: FlaskClient, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code in (400, 404), resp.status_code
    body = resp.get_data()
    assert b"SECRET_KEY" not in body and b"root:" not in body


def test_widget_config_is_shared_only_with_allowed_origins(client: FlaskClient) -> None:
    evil = client.get("/widget/config.json", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in evil.headers
    ok = client.get("/widget/config.json", headers={"Origin": "http://localhost:8000"})
    assert ok.headers["Access-Control-Allow-Origin"] == "http://localhost:8000"


def test_public_pages_carry_a_strict_policy(client: FlaskClient) -> None:
    for path in ("/", "/privacy"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/widget/bucks-lis-chat.js").headers["X-Content-Type-Options"] == "nosniff"


def test_an_oversized_body_is_413_not_read(client: FlaskClient) -> None:
    resp = client.post(
        "/staff/login",
        data=b"email=" + b"a" * (3 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )
    assert resp.status_code == 413


def test_query_string_junk_on_public_pages_is_harmless(client: FlaskClient) -> None:
    for query in ("?<script>=1", "?q=%00", "?x=" + "%ff" * 1000, "?" + "&".join(["a=1"] * 5000)):
        resp = client.get("/" + query)
        assert resp.status_code == 200
        assert b"<script>=1" not in resp.get_data()


def test_readiness_names_no_host_or_user_of_the_database(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.web.app import create_app
    from tests.conftest import free_port

    url = f"postgresql://secretuser@127.0.0.1:{free_port()}/internaldb"
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": url})
    answer = app.test_client().get("/readyz")
    assert answer.status_code == 503
    text = answer.get_data(as_text=True)
    assert "OperationalError" in text
    assert "secretuser" not in text and "127.0.0.1" not in text and "internaldb" not in text
    assert "127.0.0.1" in caplog.text  # the detail is in the log for whoever runs it
