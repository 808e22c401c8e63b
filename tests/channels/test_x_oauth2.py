"""OAuth 2.0 user context: tokens encrypted in the database, refreshed and rotated once
for all replicas, against the fake X's token endpoint."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.channels.x.client import OAuthXClient
from bot.channels.x.oauth2 import OAuth2Session, TokenStore
from bot.cli import main
from bot.storage.db import session_scope
from bot.storage.models import XOAuthToken
from tests.channels.fake_x import FakeX


@pytest.fixture()
def fake_x() -> Iterator[FakeX]:
    fake = FakeX(bot_id="100").start()
    yield fake
    fake.stop()


def session_for(fake: FakeX, store: TokenStore) -> OAuth2Session:
    return OAuth2Session(store, "client-id", token_url=f"{fake.url}/2/oauth2/token")


def test_tokens_are_stored_encrypted_and_need_the_secret_key(database_url: str) -> None:
    TokenStore("secret-one").save("access-0", "refresh-0", 7200)
    with session_scope() as s:
        row = s.scalars(select(XOAuthToken)).one()
    assert "access-0" not in row.access_token and "refresh-0" not in row.refresh_token
    assert TokenStore("secret-one").load().refresh_token == "refresh-0"
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        TokenStore("another-secret").load()


def test_an_expired_token_is_refreshed_once_and_every_replica_uses_the_new_pair(
    database_url: str,
    fake_x: FakeX,
) -> None:
    store = TokenStore("k")
    store.save("access-0", "refresh-0", expires_in=1)  # all but expired (2-minute margin)
    one = OAuthXClient(api_base=fake_x.url, session=session_for(fake_x, store))
    assert one.post("Thanks!") != ""
    assert (fake_x.access_token, fake_x.refresh_token) == ("access-1", "refresh-1")
    assert store.load().refresh_token == "refresh-1"
    # a second replica reads the rotated pair from the database: no second refresh
    two = OAuthXClient(api_base=fake_x.url, session=session_for(fake_x, TokenStore("k")))
    assert two.send_dm("200", "hello")
    assert fake_x.refresh_token == "refresh-1"
    assert [p for m, p, _ in fake_x.requests if p == "/2/oauth2/token"] == ["/2/oauth2/token"]


def test_a_replica_with_a_stale_refresh_token_recovers_from_the_store(
    database_url: str,
    fake_x: FakeX,
) -> None:
    store = TokenStore("k")
    store.save("access-0", "refresh-0", expires_in=1)
    late = session_for(fake_x, store)
    stale = store.load()
    session_for(fake_x, store).tokens()  # another replica rotates first
    assert late._refresh(stale).access_token == "access-1"  # X refused the old one: reload
    assert fake_x.refresh_token == "refresh-1"


def test_x_says_401_then_the_token_is_refreshed_and_the_request_retried(
    database_url: str,
    fake_x: FakeX,
) -> None:
    store = TokenStore("k")
    store.save("revoked-early", "refresh-0", expires_in=7200)
    client = OAuthXClient(api_base=fake_x.url, session=session_for(fake_x, store))
    assert client.post("Thanks!")
    assert fake_x.refused == [("/2/tweets", 401)] and fake_x.access_token == "access-1"


def test_the_cli_stores_xs_token_response(database_url: str, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("SECRET_KEY", "cli-secret")
    from bot.config import settings

    settings.cache_clear()
    body = json.dumps({"access_token": "a", "refresh_token": "r", "expires_in": 7200})
    result = CliRunner().invoke(main, ["x-oauth2-store"], input=body)
    assert result.exit_code == 0, result.output
    assert TokenStore("cli-secret").load().refresh_token == "r"
    bad = CliRunner().invoke(main, ["x-oauth2-store"], input='{"access_token": "a"}')
    assert bad.exit_code != 0 and "offline.access" in bad.output
    settings.cache_clear()


def test_the_channel_uses_oauth2_when_tokens_are_stored(
    database_url: str,
    fake_x: FakeX,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.channels.x.webhook import XInput
    from bot.config import Settings

    monkeypatch.setenv("SECRET_KEY", "channel-secret")
    cfg = Settings(x_oauth2_client_id="cid", x_api_base=fake_x.url, x_bot_user_id="100")
    assert not isinstance(XInput(cfg=cfg).client, OAuthXClient)  # nothing stored: outbox
    TokenStore("channel-secret").save("access-0", "refresh-0", 7200)
    channel = XInput(cfg=cfg)
    assert isinstance(channel.client.session, OAuth2Session)
    assert channel.client.send_dm("200", "hello")
    assert fake_x.billed == [("dm", 0.015)]
