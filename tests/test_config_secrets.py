"""Secrets and unsafe settings: production refuses a missing or weak SECRET_KEY, a misspelt
BUCKS_LIS_ENV or a malformed number; the development key is private; the repo holds none."""

from __future__ import annotations

import re
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from bot import config
from tests.conftest import PROJECT_ROOT

STRONG = "6f1c0e8a9b7d4c2e5f3a1b0c9d8e7f6a"


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("BUCKS_LIS_ENV", raising=False)
    config.settings.cache_clear()
    yield
    config.settings.cache_clear()


@pytest.mark.parametrize("key", ["", "changeme", "secret", "short-but-random-9f8e", " " * 40])
def test_production_refuses_a_missing_or_weak_secret_key(
    monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    monkeypatch.setenv("BUCKS_LIS_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", key)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        config.settings().secret_key  # noqa: B018 - the property is the check


def test_production_refuses_to_build_the_web_app_without_a_strong_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.web.app import create_app

    monkeypatch.setenv("BUCKS_LIS_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "changeme")
    with pytest.raises(RuntimeError, match="too weak"):
        create_app()


def test_production_accepts_a_strong_key_and_secures_cookies(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    from bot.web.app import create_app

    monkeypatch.setenv("BUCKS_LIS_ENV", "Production ")  # case and spaces forgiven
    monkeypatch.setenv("SECRET_KEY", STRONG)
    config.settings.cache_clear()
    app = create_app({"DATABASE_URL": database_url})
    assert app.config["SECRET_KEY"] == STRONG
    assert app.config["SESSION_COOKIE_SECURE"] is True


@pytest.mark.parametrize("value", ["prod", "staging", "live"])
def test_a_misspelt_environment_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("BUCKS_LIS_ENV", value)
    with pytest.raises(ValueError, match="BUCKS_LIS_ENV"):
        config.Settings()


@pytest.mark.parametrize(
    ("name", "value"),
    [("MAX_MESSAGE_CHARS", "2k"), ("RASA_MAX_BODY_BYTES", "1MB"), ("X_MONTHLY_BUDGET_USD", "$5")],
)
def test_a_malformed_number_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        config.Settings()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", ""), ("https://consult.example.org/", "https://consult.example.org")],
)
def test_the_public_web_url_is_kept_without_its_slash(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str
) -> None:
    monkeypatch.setenv("PUBLIC_WEB_URL", value)
    assert config.Settings().public_web_url == expected


@pytest.mark.parametrize(
    "value", ["consult.example.org", "javascript:alert(1)", "https://", "https://a.org/?x=1"]
)
def test_a_malformed_public_web_url_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """It goes into widget code other sites embed (attack probe, 7 Dec)."""
    monkeypatch.setenv("PUBLIC_WEB_URL", value)
    with pytest.raises(ValueError, match="PUBLIC_WEB_URL"):
        config.Settings()


def test_the_development_key_is_private_and_shared_by_processes_starting_together(
    tmp_path: Path,
) -> None:
    path = tmp_path / "var" / "secret_key"
    keys: list[str] = []
    start = threading.Barrier(8)

    def make() -> None:
        start.wait()
        keys.append(config._development_key(path))

    threads = [threading.Thread(target=make) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(keys)) == 1 and len(keys[0]) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config._development_key(path) == keys[0]  # kept across restarts


def _tracked_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout.splitlines()


def test_no_secret_files_are_tracked() -> None:
    files = _tracked_files()
    assert files, "not a git checkout"
    bad = [
        f
        for f in files
        if re.search(r"(^|/)(\.env(\.[^/]*)?|secret_key|id_rsa[^/]*)$|\.(pem|key|p12|pfx)$", f)
        and not f.endswith(".example")
    ]
    assert bad == []


SECRET_PATTERNS = [  # the last one (an assignment) is checked outside tests/ only
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
    r"AKIA[0-9A-Z]{16}",
    r"\bAAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{20,}",  # an X app bearer token
    r"\b[0-9]{6,20}-[A-Za-z0-9]{40}\b",  # an X OAuth 1.0a access token
    r"(?m)^\s*(export\s+)?(SECRET_KEY|X_CONSUMER_SECRET|X_ACCESS_TOKEN_SECRET|"
    r"REDIS_PASSWORD|POSTGRES_PASSWORD)\s*[=:]\s*['\"]?[A-Za-z0-9+/_-]{12,}",
]


def test_no_keys_or_tokens_are_committed() -> None:
    patterns = [re.compile(p) for p in SECRET_PATTERNS]
    found = []
    for name in _tracked_files():
        path = PROJECT_ROOT / name
        if name == "tests/test_config_secrets.py" or not path.is_file():
            continue
        if path.stat().st_size > 5_000_000:
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        # Tests and benchmarks set made-up secrets for their own servers: only real-looking
        # keys count there, not assignments.
        fixtures = name.startswith(("tests/", "benchmarks/"))
        checks = patterns[:-1] if fixtures else patterns
        found += [f"{name}: {m.group(0)[:40]}" for p in checks for m in p.finditer(text)]
    assert found == []


def test_the_default_allowed_origins_follow_the_web_port(monkeypatch: pytest.MonkeyPatch) -> None:
    """`bucks-lis run` on another WEB_PORT prints a demo page that must be able to chat
    (browser probe, 7 Dec); ALLOWED_ORIGINS set says exactly which origins, as before."""
    monkeypatch.delenv("ALLOWED_ORIGINS", raising=False)
    monkeypatch.setenv("WEB_PORT", "8300")
    assert config.Settings().allowed_origins == ["http://localhost:8300", "http://127.0.0.1:8300"]
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://www.btvlep.co.uk")
    assert config.Settings().allowed_origins == ["https://www.btvlep.co.uk"]
