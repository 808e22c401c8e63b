"""OAuth 2.0 user context for the bot account, beside OAuth 1.0a (X supports both, 2026).

X's access tokens last two hours and every refresh *rotates* the refresh token: the old
one stops working. With several replicas the newest pair must therefore live in one place:
the `x_oauth_tokens` table, encrypted with a Fernet key derived from SECRET_KEY (a copy of
the database alone does not give anyone the bot's account). A replica refreshes only when
the stored access token is about to expire, and writes the new pair only if the stored
refresh token is still the one it used; if another replica rotated first, it reloads.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import update
from sqlalchemy.engine import Engine

from bot.config import Settings
from bot.storage.db import session_scope
from bot.storage.models import XOAuthToken, utcnow

logger = logging.getLogger(__name__)

TOKEN_PATH = "/2/oauth2/token"
REFRESH_MARGIN = timedelta(minutes=2)
ACCOUNT = "bot"


def fernet(secret_key: str) -> Fernet:
    """A Fernet key derived from SECRET_KEY (its own purpose string: not the session key)."""
    digest = hashlib.sha256(b"bucks-lis/x-oauth2-tokens\x00" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: datetime | None


class TokenStore:
    """The bot's OAuth 2.0 tokens in `x_oauth_tokens`, encrypted."""

    def __init__(
        self, secret_key: str, engine: Engine | None = None, account: str = ACCOUNT
    ) -> None:
        self.box = fernet(secret_key)
        self.engine = engine
        self.account = account

    def _seal(self, value: str) -> str:
        return self.box.encrypt(value.encode()).decode()

    def _open(self, value: str | None) -> str:
        if not value:
            return ""
        try:
            return self.box.decrypt(value.encode()).decode()
        except InvalidToken as error:
            raise RuntimeError(
                "stored X tokens do not decrypt: SECRET_KEY changed? Store "
                "them again (bucks-lis x-oauth2-store)"
            ) from error

    def load(self) -> Tokens | None:
        with session_scope(self.engine) as session:
            row = session.get(XOAuthToken, self.account)
            if row is None:
                return None
            return Tokens(
                self._open(row.access_token), self._open(row.refresh_token), row.expires_at
            )

    def save(
        self,
        access_token: str,
        refresh_token: str,
        expires_in: int | None,
        replacing: str | None = None,
    ) -> bool:
        """Stores a new pair. With `replacing` (the refresh token used), only if that is
        still the stored one: False means another replica rotated first."""
        expires_at = utcnow() + timedelta(seconds=int(expires_in)) if expires_in else None
        values = dict(
            access_token=self._seal(access_token),
            refresh_token=self._seal(refresh_token) if refresh_token else None,
            expires_at=expires_at,
            updated_at=utcnow(),
        )
        with session_scope(self.engine) as session:
            row = session.get(XOAuthToken, self.account)
            if row is None:
                session.add(XOAuthToken(account=self.account, **values))
                return True
            if replacing is not None and self._open(row.refresh_token) != replacing:
                return False
            session.execute(
                update(XOAuthToken)
                .where(
                    XOAuthToken.account == self.account,
                    XOAuthToken.refresh_token == row.refresh_token,
                )
                .values(**values)
            )
            return True


class OAuth2Session:
    """A `requests`-like session that sends the bot's OAuth 2.0 bearer token, refreshing
    (and rotating) it through the shared store when it is about to expire or X says 401."""

    def __init__(
        self,
        store: TokenStore,
        client_id: str,
        client_secret: str = "",
        *,
        token_url: str = "https://api.x.com" + TOKEN_PATH,
        http: Any = None,
    ) -> None:
        import requests

        self.store = store
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_url = token_url
        self.http = http or requests.Session()
        self._lock = threading.Lock()

    def _refresh(self, used: Tokens) -> Tokens:
        auth = (self.client_id, self.client_secret) if self.client_secret else None
        answer = self.http.post(
            self.token_url,
            data={
                "grant_type": "refresh_token",
                "refresh_token": used.refresh_token,
                "client_id": self.client_id,
            },
            auth=auth,
            timeout=10,
        )
        if answer.status_code >= 400:
            latest = self.store.load()  # another replica may have rotated it already
            if latest is not None and latest.refresh_token != used.refresh_token:
                return latest
            raise RuntimeError(f"X refused the token refresh ({answer.status_code})")
        body = answer.json()
        if not self.store.save(
            body["access_token"],
            body.get("refresh_token", ""),
            body.get("expires_in"),
            replacing=used.refresh_token,
        ):
            return self.store.load() or used
        logger.info("X OAuth 2.0 token refreshed (refresh token rotated)")
        return self.store.load() or used

    def tokens(self, force: bool = False) -> Tokens:
        with self._lock:
            current = self.store.load()
            if current is None:
                raise RuntimeError("no X OAuth 2.0 tokens stored (bucks-lis x-oauth2-store)")
            due = current.expires_at is not None and current.expires_at - REFRESH_MARGIN < utcnow()
            return self._refresh(current) if (force or due) else current

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        for attempt in (0, 1):
            headers = dict(kwargs.pop("headers", None) or {})
            headers["Authorization"] = f"Bearer {self.tokens(force=attempt == 1).access_token}"
            response = self.http.request(method, url, headers=headers, **kwargs)
            if response.status_code != 401 or attempt:
                return response
            kwargs["headers"] = {k: v for k, v in headers.items() if k != "Authorization"}
        return response


def session_from_store(cfg: Settings, engine: Engine | None = None) -> OAuth2Session | None:
    """The OAuth 2.0 session when tokens are stored, else None (OAuth 1.0a is used)."""
    store = TokenStore(cfg.secret_key, engine)
    if store.load() is None:
        return None
    return OAuth2Session(
        store,
        cfg.x_oauth2_client_id,
        cfg.x_oauth2_client_secret,
        token_url=cfg.x_api_base.rstrip("/") + TOKEN_PATH,
    )
