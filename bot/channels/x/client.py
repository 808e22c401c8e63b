"""Talking to X: direct messages, threaded public replies, search, stream rules, compliance.

Two clients share one payload builder (`XClient`), so what the tests see through the
`OutboxClient` is exactly what `OAuthXClient` sends:

- `OAuthXClient` calls X's API with OAuth 1.0a user context (requests-oauthlib), using
  X_CONSUMER_KEY/X_CONSUMER_SECRET/X_ACCESS_TOKEN/X_ACCESS_TOKEN_SECRET.
- `OutboxClient` records each request instead of sending it (in memory and, when given a
  path, one JSON line per request). It is what `client_from_settings` returns when any of
  the four values is missing: the default for `make run` and the tests.

Endpoints:
- a DM without options: API v2 `POST /2/dm_conversations/with/:participant_id/messages`
  `{"text": ...}`;
- a DM with quick-reply options: v2 has no quick replies, so `POST
  /1.1/direct_messages/events/new.json` (`message_create` with `quick_reply` of type
  `options`, at most 20, label at most 36 characters). If X refuses that endpoint (4xx, e.g.
  an access tier without v1.1), the DM is resent through v2 with the options as a numbered
  list, which the channel also understands as a reply;
- a public reply: v2 `POST /2/tweets` `{"text": ..., "reply": {"in_reply_to_tweet_id": ...}}`;
- the hashtag source: v2 `GET /2/tweets/search/recent`, or the filtered stream's rules
  (`/2/tweets/search/stream/rules`; the stream itself is read in `stream.py`);
- batch compliance: `/2/compliance/jobs` (`compliance.py`).

Every use X bills is reported to `ledger(kind, units)` (`spend.record` in production),
priced in `spend.py`: what was actually sent and read, never what was refused.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.channels.x.posts import has_link
from bot.config import Settings, settings

logger = logging.getLogger(__name__)

API_BASE = "https://api.x.com"
MAX_QUICK_REPLY_OPTIONS = 20
MAX_OPTION_LABEL = 36
MAX_OPTION_DESCRIPTION = 72
MAX_OPTION_METADATA = 1000
MAX_DM_CHARS = 10000
TIMEOUT_SECONDS = 10.0


class XAPIError(RuntimeError):
    """X answered with an error status."""

    def __init__(self, status: int, body: str, path: str) -> None:
        super().__init__(f"X API {path} answered {status}: {body[:300]}")
        self.status = status
        self.body = body
        self.path = path


@dataclass(frozen=True)
class Option:
    """One quick-reply option: what the user sees (label) and what comes back (metadata)."""

    label: str
    metadata: str
    description: str = ""


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def options_from_buttons(buttons: list[dict[str, Any]]) -> list[Option]:
    """Rasa buttons ({title, payload}) as X quick-reply options (≤ 20, label ≤ 36 chars)."""
    options = []
    for button in buttons[:MAX_QUICK_REPLY_OPTIONS]:
        title = str(button.get("title") or button.get("payload") or "").strip()
        payload = str(button.get("payload") or title)
        if not title:
            continue
        description = _clip(title, MAX_OPTION_DESCRIPTION) if len(title) > MAX_OPTION_LABEL else ""
        options.append(
            Option(
                label=_clip(title, MAX_OPTION_LABEL),
                metadata=payload[:MAX_OPTION_METADATA],
                description=description,
            )
        )
    if len(buttons) > MAX_QUICK_REPLY_OPTIONS:
        logger.warning(
            "X allows %d quick-reply options; dropped %d",
            MAX_QUICK_REPLY_OPTIONS,
            len(buttons) - MAX_QUICK_REPLY_OPTIONS,
        )
    return options


def numbered_list(titles: list[str]) -> str:
    """'1. First\\n2. Second' (the text form of buttons, for posts and v2 DMs)."""
    return "\n".join(f"{i}. {title}" for i, title in enumerate(titles, start=1))


def quick_reply_dm_payload(user_id: str, text: str, options: list[Option]) -> dict[str, Any]:
    """The v1.1 `direct_messages/events/new` body for a DM with quick-reply options."""
    rendered = []
    for option in options:
        item = {"label": option.label, "metadata": option.metadata}
        if option.description:
            item["description"] = option.description
        rendered.append(item)
    return {
        "event": {
            "type": "message_create",
            "message_create": {
                "target": {"recipient_id": str(user_id)},
                "message_data": {
                    "text": text[:MAX_DM_CHARS],
                    "quick_reply": {"type": "options", "options": rendered},
                },
            },
        }
    }


Ledger = Callable[[str, int], None]


class XClient:
    """Builds X API requests; subclasses decide whether they are sent (`_request`)."""

    ledger: Ledger | None = None

    def _bill(self, kind: str, units: int = 1) -> None:
        if self.ledger is not None and units > 0:
            try:
                self.ledger(kind, units)
            except Exception:  # noqa: BLE001 - the estimate must never stop a reply
                logger.exception("X: could not record spend")

    def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        app_only: bool = False,
    ) -> dict[str, Any]:
        """`app_only`: endpoints X serves only with the app's bearer token (stream rules,
        compliance jobs); the rest use the bot account's user context."""
        raise NotImplementedError

    def send_dm(self, user_id: str, text: str, options: list[Option] | None = None) -> str:
        """Sends a DM (with quick-reply options if given); returns X's DM event id."""
        if options:
            try:
                answer = self._request(
                    "POST",
                    "/1.1/direct_messages/events/new.json",
                    json_body=quick_reply_dm_payload(user_id, text, options),
                )
                self._bill("dm")
                return str(answer.get("event", {}).get("id", ""))
            except XAPIError as error:
                if not 400 <= error.status < 500 or error.status == 429:
                    raise
                logger.warning("X refused a quick-reply DM (%s); sending options as text", error)
            text = f"{text}\n\n{numbered_list([o.label for o in options])}"
        answer = self._request(
            "POST",
            f"/2/dm_conversations/with/{user_id}/messages",
            json_body={"text": text[:MAX_DM_CHARS]},
        )
        self._bill("dm")
        return str(answer.get("data", {}).get("dm_event_id", ""))

    def post(self, text: str, in_reply_to: str | None = None, *, summoned: bool = False) -> str:
        """Publishes a post (a reply when `in_reply_to` is given); returns its id.

        `summoned`: a reply to a post that summoned the bot (X's cheaper price)."""
        body: dict[str, Any] = {"text": text}
        if in_reply_to:
            body["reply"] = {"in_reply_to_tweet_id": str(in_reply_to)}
        answer = self._request("POST", "/2/tweets", json_body=body)
        if has_link(text):
            self._bill("post_url")
        else:
            self._bill("summoned_reply" if summoned and in_reply_to else "post")
        return str(answer.get("data", {}).get("id", ""))

    def search_recent(
        self, query: str, since_id: str | None = None, next_token: str | None = None
    ) -> dict[str, Any]:
        """v2 recent search, with authors expanded (for the hashtag listener); `next_token`:
        the next page of the same search (X's `meta.next_token`)."""
        params: dict[str, Any] = {
            "query": query,
            "max_results": 100,
            "tweet.fields": "author_id,created_at,entities,referenced_tweets,conversation_id,"
            "in_reply_to_user_id,note_tweet,display_text_range,withheld,attachments",
            # a poll's options are the author's words too (X format probe s46)
            "expansions": "author_id,attachments.poll_ids",
            "poll.fields": "options",
            # whether a post may be kept as a public view (`visibility.py`, X format probe s44)
            "user.fields": "username,protected,withheld",
        }
        if since_id:
            params["since_id"] = since_id
        if next_token:
            params["next_token"] = next_token
        answer = self._request("GET", "/2/tweets/search/recent", params=params)
        self._bill("read", len(answer.get("data") or []))
        return answer

    def stream_rules(self) -> list[dict[str, Any]]:
        """The filtered stream's current rules (`[{"id", "value", "tag"}]`)."""
        answer = self._request("GET", "/2/tweets/search/stream/rules", app_only=True)
        return [r for r in answer.get("data") or [] if isinstance(r, dict)]

    def change_stream_rules(
        self, add: list[dict[str, str]] | None = None, delete_ids: list[str] | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if add:
            body["add"] = add
        if delete_ids:
            body["delete"] = {"ids": delete_ids}
        return self._request("POST", "/2/tweets/search/stream/rules", json_body=body, app_only=True)

    def create_compliance_job(self, name: str) -> dict[str, Any]:
        answer = self._request(
            "POST", "/2/compliance/jobs", json_body={"type": "tweets", "name": name}, app_only=True
        )
        return answer.get("data") or {}

    def compliance_job(self, job_id: str) -> dict[str, Any]:
        answer = self._request("GET", f"/2/compliance/jobs/{job_id}", app_only=True)
        return answer.get("data") or {}


class OAuthXClient(XClient):
    """Sends for real: user context (OAuth 1.0a, or an OAuth 2.0 session from `oauth2.py`)
    for the bot's own requests, the app's bearer token for app-only endpoints."""

    def __init__(
        self,
        consumer_key: str = "",
        consumer_secret: str = "",
        access_token: str = "",
        access_token_secret: str = "",
        *,
        api_base: str = API_BASE,
        session: Any = None,
        bearer_token: str = "",
        ledger: Ledger | None = None,
    ) -> None:
        if session is None:
            from requests_oauthlib import OAuth1Session

            session = OAuth1Session(
                consumer_key,
                client_secret=consumer_secret,
                resource_owner_key=access_token,
                resource_owner_secret=access_token_secret,
            )
        self.session = session
        self.api_base = api_base.rstrip("/")
        self.bearer_token = bearer_token
        self.ledger = ledger
        self._app_session: Any = None

    def app_session(self) -> Any:
        """A plain `requests` session carrying the app's bearer token."""
        if not self.bearer_token:
            raise XAPIError(
                401, "X_BEARER_TOKEN is not set (needed for app-only endpoints)", "app-only"
            )
        if self._app_session is None:
            import requests

            self._app_session = requests.Session()
            self._app_session.headers["Authorization"] = f"Bearer {self.bearer_token}"
        return self._app_session

    def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        app_only: bool = False,
    ) -> dict[str, Any]:
        session = self.app_session() if app_only else self.session
        response = session.request(
            method, self.api_base + path, json=json_body, params=params, timeout=TIMEOUT_SECONDS
        )
        if response.status_code >= 400:
            raise XAPIError(response.status_code, response.text, path)
        try:
            return response.json() if response.content else {}
        except ValueError:
            return {}


@dataclass
class OutboxEntry:
    method: str
    path: str
    json: dict[str, Any] | None
    params: dict[str, Any] | None
    id: str


@dataclass
class OutboxClient(XClient):
    """Records requests instead of sending them (no X credentials, or tests).

    `entries` keeps every request in memory; with `path`, each one is also appended to a
    JSON-lines file so a developer running `make run` can see what would have gone to X.
    `fail` maps a path to an HTTP status to simulate X refusing it.
    """

    path: Path | None = None
    entries: list[OutboxEntry] = field(default_factory=list)
    fail: dict[str, int] = field(default_factory=dict)
    _ids: Any = field(default_factory=lambda: itertools.count(1), repr=False)
    _lock: Any = field(default_factory=threading.Lock, repr=False)

    def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        app_only: bool = False,
    ) -> dict[str, Any]:
        if path in self.fail:
            raise XAPIError(self.fail[path], '{"title": "simulated"}', path)
        with self._lock:
            new_id = f"outbox-{next(self._ids)}"
            entry = OutboxEntry(method, path, json_body, params, new_id)
            self.entries.append(entry)
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as out:
                    out.write(json.dumps(entry.__dict__, ensure_ascii=False) + "\n")
        if path.startswith("/1.1/direct_messages"):
            return {"event": {"id": new_id}}
        if path.startswith("/2/dm_conversations"):
            return {"data": {"dm_event_id": new_id, "dm_conversation_id": "outbox"}}
        if path == "/2/tweets/search/recent":
            return {"meta": {"result_count": 0}}
        if path.startswith("/2/tweets/search/stream/rules") or path.startswith("/2/compliance"):
            return {"data": []} if method == "GET" else {"data": {}}
        return {"data": {"id": new_id, "text": (json_body or {}).get("text", "")}}


def outbox_path() -> Path:
    """Where `make run` records what it would have sent to X (var/x-outbox.jsonl)."""
    return settings().var_dir / "x-outbox.jsonl"


def client_from_settings(
    cfg: Settings | None = None, *, ledger: Ledger | None = None, session: Any = None
) -> XClient:
    """The real client when all four OAuth values are set (or `session`, an OAuth 2.0 one,
    is given), else an OutboxClient. `ledger` receives every billable use."""
    cfg = cfg or settings()
    if session is not None or cfg.x_can_send:
        return OAuthXClient(
            cfg.x_consumer_key,
            cfg.x_consumer_secret,
            cfg.x_access_token,
            cfg.x_access_token_secret,
            api_base=cfg.x_api_base,
            session=session,
            bearer_token=cfg.x_bearer_token,
            ledger=ledger,
        )
    logger.info("X credentials not set: X replies are recorded in %s", outbox_path())
    return OutboxClient(path=outbox_path())
