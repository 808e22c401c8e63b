"""The public site's routes: demo page, privacy notice, widget assets and their configuration."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import settings

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "bot" / "widget" / "static"


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Any]:
    monkeypatch.setenv("BUCKS_LIS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "321")
    monkeypatch.setenv("PUBLIC_RASA_URL", "https://bot.example.org")
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://www.buckslep.co.uk")
    monkeypatch.setenv("PUBLIC_WEB_URL", "https://consult.example.org/")
    settings.cache_clear()
    from bot.web.app import create_app

    yield create_app({"TESTING": True}).test_client()
    settings.cache_clear()


def test_demo_page_embeds_the_widget_from_our_own_server(client: Any) -> None:
    resp = client.get("/")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Local Industrial Strategy" in html
    assert '<script src="/widget/bucks-lis-chat.js" defer></script>' in html
    # No CDN: every script and stylesheet is served by us.
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not src.startswith(("http://", "https://", "//")) or src.startswith("mailto:"), src
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "https://bot.example.org" in csp and "wss://bot.example.org" in csp


def test_privacy_notice(client: Any) -> None:
    resp = client.get("/privacy")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Privacy notice" in html and "forget me" in html


def test_widget_js_carries_the_server_limits(client: Any) -> None:
    resp = client.get("/widget/bucks-lis-chat.js")
    assert resp.status_code == 200
    assert resp.mimetype == "text/javascript"
    first = resp.get_data(as_text=True).splitlines()[0]
    prefix = "window.__BUCKS_LIS_CHAT_DEFAULTS__ = "
    assert first.startswith(prefix)
    defaults = json.loads(first[len(prefix) :].rstrip(";"))
    assert defaults["socketUrl"] == "https://bot.example.org"
    assert defaults["maxMessageChars"] == 321
    assert defaults["privacyUrl"] == "https://consult.example.org/privacy"


def _js_defaults(resp: Any) -> dict[str, Any]:
    first = resp.get_data(as_text=True).splitlines()[0]
    return json.loads(first.split(" = ", 1)[1].rstrip(";"))


def test_the_host_header_never_reaches_the_cached_widget_or_its_config(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Host: evil.example` put evil.example's "privacy notice" into widget code served
    `Cache-Control: public` (attack probe, 7 Dec)."""
    evil = {"Host": "evil.example"}
    js = client.get("/widget/bucks-lis-chat.js", headers=evil)
    config = client.get("/widget/config.json", headers=evil)
    assert "evil.example" not in js.get_data(as_text=True)
    assert "evil.example" not in config.get_data(as_text=True)
    assert _js_defaults(js)["privacyUrl"] == "https://consult.example.org/privacy"
    assert config.json["privacyUrl"] == "https://consult.example.org/privacy"

    # Unset: no privacy URL at all; the widget links to the server its script came from.
    monkeypatch.delenv("PUBLIC_WEB_URL")
    settings.cache_clear()
    js = client.get("/widget/bucks-lis-chat.js", headers=evil)
    assert "privacyUrl" not in _js_defaults(js)
    assert "evil.example" not in client.get("/widget/config.json", headers=evil).get_data(
        as_text=True
    )


def test_config_json_cors_only_for_allowed_origins(client: Any) -> None:
    ok = client.get("/widget/config.json", headers={"Origin": "https://www.buckslep.co.uk"})
    assert ok.json["maxMessageChars"] == 321
    assert ok.headers["Access-Control-Allow-Origin"] == "https://www.buckslep.co.uk"
    other = client.get("/widget/config.json", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


@pytest.mark.parametrize("path", ["/widget/bucks-lis-chat.css", "/widget/vendor/socket.io.min.js"])
def test_assets_are_served(client: Any, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 200
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    resp.close()


def test_vendored_socketio_matches_the_locked_version() -> None:
    lock = json.loads((ROOT / "widget" / "package-lock.json").read_text())
    locked = lock["packages"]["node_modules/socket.io-client"]["version"]
    head = (STATIC / "vendor" / "socket.io.min.js").read_text()[:200]
    assert f"Socket.IO v{locked}" in head


def test_widget_never_builds_html_from_strings() -> None:
    js = (STATIC / "bucks-lis-chat.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink
