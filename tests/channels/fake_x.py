"""A fake X API served over HTTP on loopback, enforcing X's 2026 rules for tests.

- `POST /2/tweets` with a reply: 403 unless the post replied to summoned the bot (it
  mentions the bot, replies to it or quotes it) or is the bot's own (a thread); X's
  pay-per-use prices are billed per request that succeeds: post $0.015, post with a URL
  $0.20, summoned reply $0.01, DM $0.015, post read $0.005 (search or stream).
- v1.1 quick-reply DMs answer 403 (not available on self-serve access).
- Recent search (paged by `next_token`) and the filtered stream (rules; keep-alive
  newlines; a connection that drops after `stream_drop_after` posts), batch compliance jobs
  (upload, status, download) and OAuth 2.0 refresh with rotating refresh tokens.

Its prices are written here on purpose, apart from `bot.channels.x.spend`: a test compares
the two, so a wrong estimate shows.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

PRICES = {"post": 0.015, "post_url": 0.20, "summoned_reply": 0.01, "dm": 0.015, "read": 0.005}
LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(com|org|net|uk|gov|io|co)\b", re.I)
REPLY_FORBIDDEN = {
    "title": "Forbidden",
    "status": 403,
    "detail": "Reply to this post is not allowed because you have not been mentioned or "
    "otherwise engaged by the author of the post you are replying to.",
}


@dataclass
class FakePost:
    id: str
    author_id: str
    text: str
    summons: bool = False
    created_at: str = "2026-11-02T09:30:00.000Z"


@dataclass
class FakeX:
    bot_id: str = "100"
    bearer_token: str = "app-bearer"
    posts: dict[str, FakePost] = field(default_factory=dict)
    billed: list[tuple[str, float]] = field(default_factory=list)
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    refused: list[tuple[str, int]] = field(default_factory=list)
    deleted_on_x: set[str] = field(default_factory=set)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    stream_queue: list[FakePost | bytes] = field(default_factory=list)  # bytes: a raw line
    stream_drop_after: int = 0  # close the stream after this many posts (0 = never)
    stream_connections: int = 0
    keepalive_seconds: float = 0.05
    stream_seconds: float = 20.0  # how long one stream connection lasts if nothing drops it
    rules: list[dict[str, str]] = field(default_factory=list)
    refresh_token: str = "refresh-0"
    access_token: str = "access-0"
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Any = field(default_factory=lambda: itertools.count(900_000))

    def __post_init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeX:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add_post(self, post_id: str, author_id: str, text: str, summons: bool = False) -> None:
        self.posts[post_id] = FakePost(post_id, author_id, text, summons)

    def bill(self, kind: str, units: int = 1) -> None:
        with self.lock:
            self.billed.extend([(kind, PRICES[kind])] * units)

    @property
    def total_usd(self) -> float:
        return round(sum(usd for _, usd in self.billed), 6)

    def sent_posts(self) -> list[dict[str, Any]]:
        return [
            body for method, path, body in self.requests if method == "POST" and path == "/2/tweets"
        ]

    def new_id(self) -> str:
        return str(next(self._ids))


def _v2(post: FakePost) -> dict[str, Any]:
    tags = [{"tag": t} for t in re.findall(r"#(\w+)", post.text)]
    return {
        "id": post.id,
        "text": post.text,
        "author_id": post.author_id,
        "created_at": post.created_at,
        "entities": {"hashtags": tags},
    }


def _handler(x: FakeX) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # quiet
            return

        def _body(self) -> bytes:
            length = int(self.headers.get("content-length") or 0)
            return self.rfile.read(length) if length else b""

        def _json(self, status: int, payload: Any) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _text(self, status: int, text: str) -> None:
            body = text.encode()
            self.send_response(status)
            self.send_header("content-type", "text/plain")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _auth(self, app_only: bool) -> bool:
            auth = self.headers.get("authorization", "")
            ok = (
                auth == f"Bearer {x.bearer_token}"
                if app_only
                else (auth.startswith("OAuth ") or auth == f"Bearer {x.access_token}")
            )
            if not ok:
                x.refused.append((self.path, 401))
                self._json(401, {"title": "Unauthorized", "status": 401})
            return ok

        def do_GET(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            query = {k: v[-1] for k, v in parse_qs(url.query).items()}
            x.requests.append(("GET", url.path, query))
            if url.path == "/2/tweets/search/recent":
                if not self._auth(False):
                    return
                return self._search(query)
            if url.path == "/2/tweets/search/stream/rules":
                if self._auth(True):
                    self._json(200, {"data": x.rules, "meta": {}})
                return
            if url.path == "/2/tweets/search/stream":
                if self._auth(True):
                    self._stream()
                return
            if url.path.startswith("/2/compliance/jobs/"):
                if self._auth(True):
                    job = x.jobs.get(url.path.rsplit("/", 1)[1])
                    self._json(200 if job else 404, {"data": job} if job else {})
                return
            if url.path.startswith("/download/"):
                job = x.jobs[url.path.rsplit("/", 1)[1]]
                lines = [
                    json.dumps(
                        {
                            "id": i,
                            "action": "delete",
                            "reason": "deleted",
                            "created_at": "2026-11-01T00:00:00.000Z",
                            "redacted_at": "2026-11-29T00:00:00.000Z",
                        }
                    )
                    for i in job["_ids"]
                    if i in x.deleted_on_x
                ]
                return self._text(200, "\n".join(lines))
            self._json(404, {"title": "Not Found"})

        def do_PUT(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            body = self._body()
            if url.path.startswith("/upload/"):
                job = x.jobs[url.path.rsplit("/", 1)[1]]
                job["_ids"] = body.decode().split()
                job["status"] = "complete"  # instant processing
                return self._text(200, "")
            self._json(404, {"title": "Not Found"})

        def do_POST(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            raw = self._body()
            try:
                body = json.loads(raw) if raw and raw[:1] in b"{[" else raw.decode()
            except ValueError:
                body = raw.decode(errors="replace")
            x.requests.append(("POST", url.path, body))
            if url.path == "/2/oauth2/token":
                return self._token(parse_qs(body if isinstance(body, str) else ""))
            if url.path == "/2/tweets/search/stream/rules":
                if self._auth(True):
                    self._rules(body)
                return
            if url.path == "/2/compliance/jobs":
                if self._auth(True):
                    job_id = x.new_id()
                    x.jobs[job_id] = {
                        "id": job_id,
                        "type": "tweets",
                        "status": "created",
                        "upload_url": f"{x.url}/upload/{job_id}",
                        "download_url": f"{x.url}/download/{job_id}",
                        "_ids": [],
                    }
                    self._json(
                        200,
                        {
                            "data": {
                                k: v for k, v in x.jobs[job_id].items() if not k.startswith("_")
                            }
                        },
                    )
                return
            if not self._auth(False):
                return
            if url.path == "/2/tweets":
                return self._tweet(body)
            if url.path.startswith("/2/dm_conversations/with/"):
                x.bill("dm")
                return self._json(
                    201, {"data": {"dm_event_id": x.new_id(), "dm_conversation_id": "c"}}
                )
            if url.path.startswith("/1.1/"):
                x.refused.append((url.path, 403))
                return self._json(403, {"errors": [{"code": 453, "message": "no v1.1 access"}]})
            self._json(404, {"title": "Not Found"})

        def _tweet(self, body: dict[str, Any]) -> None:
            text = str(body.get("text") or "")
            reply_to = str((body.get("reply") or {}).get("in_reply_to_tweet_id") or "")
            kind = "post"
            if reply_to:
                target = x.posts.get(reply_to)
                if target is None or not (target.summons or target.author_id == x.bot_id):
                    x.refused.append(("/2/tweets", 403))
                    return self._json(403, REPLY_FORBIDDEN)
                if target.author_id != x.bot_id:
                    kind = "summoned_reply"
            if LINK.search(text):
                kind = "post_url"
            new_id = x.new_id()
            x.posts[new_id] = FakePost(new_id, x.bot_id, text)
            x.bill(kind)
            self._json(201, {"data": {"id": new_id, "text": text}})

        def _search(self, query: dict[str, str]) -> None:
            tag = re.search(r"#(\w+)", query.get("query", ""))
            since = int(query.get("since_id") or 0)
            found = sorted(
                (
                    p
                    for p in x.posts.values()
                    if p.author_id != x.bot_id
                    and int(p.id) > since
                    and tag
                    and f"#{tag.group(1)}".lower() in p.text.lower()
                ),
                key=lambda p: int(p.id),
                reverse=True,
            )
            # pages as X gives them: newest first, `next_token` while more are left (X format
            # probe s45; this fake cut the rest off silently, as the poller then did)
            size = int(query.get("max_results") or 10)
            start = int((query.get("next_token") or "p0")[1:])
            found, more = found[start : start + size], len(found) > start + size
            x.bill("read", len(found))
            meta: dict[str, Any] = {"result_count": len(found)}
            if found:
                meta["newest_id"], meta["oldest_id"] = found[0].id, found[-1].id
            if more:
                meta["next_token"] = f"p{start + size}"
            self._json(
                200,
                {
                    "data": [_v2(p) for p in found],
                    "meta": meta,
                    "includes": {"users": [{"id": p.author_id, "username": "u"} for p in found]},
                },
            )

        def _rules(self, body: dict[str, Any]) -> None:
            for rule in body.get("add") or []:
                x.rules.append(
                    {"id": x.new_id(), "value": rule["value"], "tag": rule.get("tag", "")}
                )
            gone = set((body.get("delete") or {}).get("ids") or [])
            x.rules = [r for r in x.rules if r["id"] not in gone]
            self._json(200, {"data": x.rules, "meta": {"summary": {}}})

        def _stream(self) -> None:
            x.stream_connections += 1
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()

            def chunk(data: bytes) -> None:
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()

            sent = 0
            try:
                for _ in range(int(x.stream_seconds / x.keepalive_seconds)):
                    chunk(b"\r\n")  # keep-alive
                    while x.stream_queue:
                        if x.stream_drop_after and sent >= x.stream_drop_after:
                            self.close_connection = True
                            return  # drop mid-stream, without the closing chunk
                        post = x.stream_queue.pop(0)
                        if isinstance(post, bytes):  # a line exactly as X sends it
                            chunk(post.rstrip(b"\r\n") + b"\r\n")
                            sent += 1
                            continue
                        x.posts[post.id] = post
                        x.bill("read")
                        line = {
                            "data": _v2(post),
                            "includes": {"users": [{"id": post.author_id, "username": "u"}]},
                            "matching_rules": [{"id": r["id"], "tag": r["tag"]} for r in x.rules],
                        }
                        chunk(json.dumps(line).encode() + b"\r\n")
                        sent += 1
                    time.sleep(x.keepalive_seconds)
                chunk(b"")
            except (BrokenPipeError, ConnectionResetError):
                return

        def _token(self, form: dict[str, list[str]]) -> None:
            given = (form.get("refresh_token") or [""])[0]
            if (form.get("grant_type") or [""])[0] != "refresh_token" or given != x.refresh_token:
                return self._json(
                    400,
                    {
                        "error": "invalid_request",
                        "error_description": "The refresh token is invalid.",
                    },
                )
            n = int(x.refresh_token.rsplit("-", 1)[1]) + 1
            x.refresh_token, x.access_token = f"refresh-{n}", f"access-{n}"
            self._json(
                200,
                {
                    "token_type": "bearer",
                    "expires_in": 7200,
                    "access_token": x.access_token,
                    "refresh_token": x.refresh_token,
                    "scope": "tweet.read tweet.write dm.write offline.access",
                },
            )

    return Handler
