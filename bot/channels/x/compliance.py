"""Daily batch compliance check of collected public posts (X's `/2/compliance/jobs`).

Why: X's terms require stored posts to follow what their authors did on X. A deletion that
reaches the webhook is handled at once, but a public post found by search or stream was
never "ours", so its deletion (or its author going protected or suspended) is only learnt
this way: create a `tweets` job, PUT the ids (one a line, text/plain) to its `upload_url`,
poll the job until `complete`, then read `download_url`: JSON lines `{"id", "action",
"reason", ...}`. Every `action: delete` removes the post wherever we hold it, as a
deletion reaching the webhook does (audited, by count): the collected view goes, and its
words are redacted in a summoned-post transcript.

Every post id we hold is checked: collected views (`Response.external_id` "x:<id>") and
the posts summoning the bot that Rasa's transcript keeps (`x-post-*` user turns carry the
post id in their metadata). X tells the webhook only of the bot's own posts' deletions
("Post deletes (by user)"; XAA `post.delete` of the filtered user), so a business deleting
its @mention is learnt only here; the check read views alone, and a deleted question to
the bot stayed in the transcript (X format probe, 7 Dec).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine

from bot.channels.x.client import OAuthXClient, XAPIError
from bot.channels.x.inbound import POST_SENDER_PREFIX
from bot.channels.x.state import COMPLIANCE_LAST_RUN, get_state, set_state
from bot.storage.db import session_scope
from bot.storage.erasure import (
    DELETED_POST,
    erase_public_post,
    erase_x_post,
    event_data,
    event_tweet_id,
)
from bot.storage.models import Response, utcnow
from bot.storage.transcripts import EVENTS

if TYPE_CHECKING:
    from bot.channels.x.webhook import XInput

logger = logging.getLogger(__name__)

MAX_IDS_PER_JOB = 100_000  # X's limit for one upload
TIMEOUT_SECONDS = 60.0
TRANSCRIPT_PAGE = 1_000  # transcript rows read at a time


@dataclass(frozen=True)
class ComplianceResult:
    checked: int
    removed: int  # posts found deleted that we held (a view deleted or its words redacted)
    status: str


def _post_id(value: object) -> str:
    found = str(value or "")
    return found if found.isascii() and found.isdigit() else ""


def held_posts(engine: Engine | None = None, limit: int = MAX_IDS_PER_JOB) -> dict[str, set[str]]:
    """Every X post we hold, up to `limit`: {post id: the conversations (sender ids) whose
    transcript keeps its words}; views first, then the summoned posts in transcripts."""
    posts: dict[str, set[str]] = {}
    with session_scope(engine) as session:
        keys = session.scalars(
            select(Response.external_id)
            .where(Response.external_id.like("x:%"))
            .order_by(Response.id)
            .limit(limit)
        )
        for key in keys:
            if tweet_id := _post_id(key.split(":", 1)[1]):
                posts.setdefault(tweet_id, set())
        if not inspect(session.connection()).has_table("events"):
            return posts
        # Only the user turns of summoned-post conversations that name a post, a page at a
        # time: the database picks them, not a read of the whole transcript
        after = -1
        while len(posts) < limit:
            rows = session.execute(
                select(EVENTS.c.id, EVENTS.c.sender_id, EVENTS.c.data)
                .where(
                    EVENTS.c.id > after,
                    EVENTS.c.sender_id.like(f"{POST_SENDER_PREFIX}%"),
                    EVENTS.c.type_name == "user",
                    EVENTS.c.data.like('%"tweet_id"%'),
                )
                .order_by(EVENTS.c.id)
                .limit(TRANSCRIPT_PAGE)
            ).all()
            for row in rows:
                data = event_data(row.data)
                tweet_id = _post_id(event_tweet_id(data))
                if not tweet_id or data.get("text") == DELETED_POST:  # redacted already
                    continue
                if tweet_id in posts or len(posts) < limit:
                    posts.setdefault(tweet_id, set()).add(row.sender_id)
            if len(rows) < TRANSCRIPT_PAGE:
                break
            after = rows[-1].id
    return posts


def collected_post_ids(engine: Engine | None = None) -> list[str]:
    """The ids of every X post we hold (`held_posts`)."""
    return list(held_posts(engine))


class ComplianceCheck:
    """One batch compliance job over every collected post, start to finish."""

    def __init__(
        self,
        client: OAuthXClient,
        engine: Engine | None = None,
        *,
        poll_seconds: float = 30.0,
        max_wait_seconds: float = 3600.0,
    ) -> None:
        self.client = client
        self.engine = engine
        self.poll_seconds = poll_seconds
        self.max_wait_seconds = max_wait_seconds

    def _http(self) -> Any:
        import requests

        return requests.Session()  # upload/download URLs are pre-signed: no X auth

    def run_once(self) -> ComplianceResult:
        posts = held_posts(self.engine)
        ids = list(posts)
        if not ids:
            return self._done(ComplianceResult(0, 0, "nothing_to_check"))
        job = self.client.create_compliance_job(f"bucks-lis-{utcnow():%Y%m%d%H%M}")
        if not job.get("id") or not job.get("upload_url"):
            raise XAPIError(502, f"compliance job without id/upload_url: {job}", "/2/compliance")
        http = self._http()
        uploaded = http.put(
            job["upload_url"],
            data="\n".join(ids).encode(),
            headers={"Content-Type": "text/plain"},
            timeout=TIMEOUT_SECONDS,
        )
        if uploaded.status_code >= 400:
            raise XAPIError(uploaded.status_code, uploaded.text, "compliance upload")
        deadline = time.monotonic() + self.max_wait_seconds
        status = str(job.get("status") or "")
        while status not in ("complete", "failed", "expired"):
            if time.monotonic() > deadline:
                return self._done(ComplianceResult(len(ids), 0, "timed_out"))
            time.sleep(self.poll_seconds)
            job = {**job, **self.client.compliance_job(str(job["id"]))}
            status = str(job.get("status") or "")
        if status != "complete":
            return self._done(ComplianceResult(len(ids), 0, status))
        downloaded = http.get(job["download_url"], timeout=TIMEOUT_SECONDS)
        if downloaded.status_code >= 400:
            raise XAPIError(downloaded.status_code, downloaded.text, "compliance download")
        removed = 0
        for line in downloaded.text.splitlines():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if not isinstance(event, dict) or event.get("action") != "delete":
                continue
            removed += self._erase(
                str(event.get("id")),
                posts.get(str(event.get("id")), set()),
                str(event.get("reason") or "compliance")[:32],
            )
        return self._done(ComplianceResult(len(ids), removed, "complete"))

    def _erase(self, tweet_id: str, senders: set[str], reason: str) -> int:
        """A post X says is gone, as the webhook's deletion does: the view deleted, its
        words redacted in each transcript holding them. 1 if anything went."""
        with session_scope(self.engine) as session:
            gone = erase_public_post(session, tweet_id, actor="x-compliance", reason=reason)
            for sender_id in sorted(senders):
                said = erase_x_post(
                    session, sender_id, tweet_id, actor="x-compliance", reason=reason
                )
                gone += said.responses + said.events
        return 1 if gone else 0

    def _done(self, result: ComplianceResult) -> ComplianceResult:
        set_state(
            COMPLIANCE_LAST_RUN,
            {"at": utcnow().isoformat(timespec="seconds"), **result.__dict__},
            self.engine,
        )
        logger.info("X compliance check: %s", result)
        return result


class ComplianceSchedule:
    """Runs the check when the last one (any replica's) is older than X_COMPLIANCE_HOURS."""

    def __init__(self, check: ComplianceCheck, every: timedelta) -> None:
        self.check = check
        self.every = every

    @classmethod
    def from_channel(cls, channel: XInput) -> ComplianceSchedule | None:
        cfg = channel.cfg
        if cfg.x_compliance_hours <= 0 or not isinstance(channel.client, OAuthXClient):
            return None
        if not cfg.x_bearer_token:
            logger.warning("X compliance checks off: they need X_BEARER_TOKEN")
            return None
        return cls(
            ComplianceCheck(channel.client, channel.engine), timedelta(hours=cfg.x_compliance_hours)
        )

    def due(self) -> bool:
        last = get_state(COMPLIANCE_LAST_RUN, self.check.engine) or {}
        try:
            at = datetime.fromisoformat(str(last.get("at")))
        except ValueError:
            return True
        return utcnow() - at >= self.every

    async def run(self) -> None:
        while True:
            try:
                if await asyncio.to_thread(self.due):
                    await asyncio.to_thread(self.check.run_once)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - try again next time
                logger.exception("X compliance check failed")
            await asyncio.sleep(15 * 60)
