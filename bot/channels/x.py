"""The X (Twitter) channel: DMs and #bucksLIS / @mention posts into the consultation.

Enabled in credentials.yml as `bot.channels.x.XInput: {}`; Rasa serves it at
`/webhooks/x/webhook` (X's Account Activity API webhook). Secrets come only from the
environment through `bot.config.settings()`: X_CONSUMER_SECRET verifies X's requests,
the four OAuth values send replies (without them replies go to the OutboxClient).

- GET  answers X's challenge-response check: `{"response_token": "sha256=<base64 HMAC>"}`.
- POST checks, in this order and before parsing anything: the channel is configured (else
  503), the body is at most 64 KB (else 413), the `x-twitter-webhooks-signature` header
  is an HMAC-SHA256 of the raw body under the consumer secret, compared in constant time
  (missing or malformed: 401, wrong: 403), the body is a JSON object (else 400).
- Direct messages become sender `x-dm-<user id>`; posts that carry the hashtag
  (X_HASHTAG, any case) or address the bot (mention or reply) become `x-post-<user id>`.
  The bot's own messages, retweets, events for another account and events already seen
  (X retries) are ignored; the hashtag and @mentions are stripped and the text capped at
  `settings().max_message_chars`. Messages reach Rasa with input channel "x".
- Replies: buttons become DM quick-reply options (and a numbered list in public posts,
  where a reply "2" picks the second); long public replies are split into a thread of
  posts of at most 280 characters; a consent question asked in public is replaced by an
  invitation to continue by DM, because posts are public.

The Account Activity API only delivers posts that involve the bot's account, so posts that
carry the hashtag without mentioning the bot are fetched by `bot.channels.x_listener`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import html
import json
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.x_client import (
    XClient,
    client_from_settings,
    numbered_list,
    options_from_buttons,
)
from bot.config import Settings, settings

logger = logging.getLogger(__name__)

CHANNEL_NAME = "x"
SIGNATURE_HEADER = "x-twitter-webhooks-signature"
MAX_BODY_BYTES = 64 * 1024
MAX_CRC_TOKEN_CHARS = 512
CRC_TOKEN_RE = re.compile(r"^[A-Za-z0-9_\-+/=.:~]{1,512}$")  # no JSON: see challenge()
MAX_POST_CHARS = 280
URL_WEIGHT = 23
REMEMBERED = 10_000

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

# --- signatures ---------------------------------------------------------------------------


def _hmac_b64(secret: str, message: bytes) -> str:
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def crc_response_token(crc_token: str, consumer_secret: str) -> str:
    """X's challenge-response: `sha256=` + base64 HMAC-SHA256 of the token."""
    return "sha256=" + _hmac_b64(consumer_secret, crc_token.encode("utf-8"))


def sign_body(body: bytes, consumer_secret: str) -> str:
    """The `x-twitter-webhooks-signature` value X sends for this raw body."""
    return "sha256=" + _hmac_b64(consumer_secret, body)


def signature_problem(body: bytes, header: str | None, consumer_secret: str) -> str | None:
    """None if `header` signs `body`; else `missing_signature`, `malformed_signature` or
    `invalid_signature`. The digests are compared with `hmac.compare_digest`."""
    if not header:
        return "missing_signature"
    scheme, _, encoded = header.strip().partition("=")
    if scheme.lower() != "sha256" or not encoded:
        return "malformed_signature"
    try:
        given = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return "malformed_signature"
    if len(given) != hashlib.sha256().digest_size:
        return "malformed_signature"
    expected = hmac.new(consumer_secret.encode("utf-8"), body, hashlib.sha256).digest()
    return None if hmac.compare_digest(given, expected) else "invalid_signature"


# --- inbound events -----------------------------------------------------------------------


@dataclass(frozen=True)
class Inbound:
    """One message from X, cleaned, on its way to Rasa."""

    kind: str  # "dm" or "post"
    event_id: str
    user_id: str
    text: str
    screen_name: str = ""
    tweet_id: str = ""  # posts: the post to reply to
    quick_reply: str = ""  # DMs: the metadata (button payload) of a chosen quick reply

    @property
    def sender_id(self) -> str:
        return f"x-{self.kind}-{self.user_id}"

    def metadata(self) -> dict[str, Any]:
        return {
            "x": {
                "kind": self.kind,
                "event_id": self.event_id,
                "user_id": self.user_id,
                "screen_name": self.screen_name,
                "tweet_id": self.tweet_id,
                "public": self.kind == "post",
            }
        }


@dataclass(frozen=True)
class Ignored:
    event_id: str
    reason: str


def _hashtag_re(hashtag: str) -> re.Pattern[str]:
    tag = hashtag.strip().lstrip("#")
    return re.compile(r"(?<![\w#])#" + re.escape(tag) + r"(?!\w)", re.IGNORECASE)


MENTION_RE = re.compile(r"(?<![\w@])@\w{1,15}(?!\w)")


def clean_text(text: str, hashtag: str, max_chars: int) -> str:
    """Drops the hashtag and @mentions, tidies whitespace, caps the length."""
    text = _hashtag_re(hashtag).sub(" ", text)
    text = MENTION_RE.sub(" ", text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(line for line in lines if line).strip().lstrip(":,;-–— ").strip()
    return text[:max_chars]


def has_hashtag(text: str, hashtag: str, entity_tags: list[str] | None = None) -> bool:
    wanted = hashtag.strip().lstrip("#").lower()
    if entity_tags and wanted in {t.lower() for t in entity_tags}:
        return True
    return bool(_hashtag_re(hashtag).search(text))


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _dm_events(
    payload: dict[str, Any], me: str, hashtag: str, max_chars: int
) -> tuple[list[Inbound], list[Ignored]]:
    items: list[Inbound] = []
    ignored: list[Ignored] = []
    users = payload.get("users") if isinstance(payload.get("users"), dict) else {}
    for event in payload.get("direct_message_events") or []:
        if not isinstance(event, dict):
            ignored.append(Ignored("", "malformed_event"))
            continue
        event_id = _str(event.get("id"))
        create = event.get("message_create")
        if event.get("type") != "message_create" or not isinstance(create, dict):
            ignored.append(Ignored(event_id, "not_a_message"))
            continue
        sender = _str(create.get("sender_id"))
        data = create.get("message_data") if isinstance(create.get("message_data"), dict) else {}
        if not event_id or not sender:
            ignored.append(Ignored(event_id, "malformed_event"))
            continue
        if sender == me:
            ignored.append(Ignored(event_id, "own_message"))
            continue
        quick = data.get("quick_reply_response")
        quick_payload = _str(quick.get("metadata")) if isinstance(quick, dict) else ""
        text = clean_text(_str(data.get("text")), hashtag, max_chars)
        user = users.get(sender) if isinstance(users.get(sender), dict) else {}
        items.append(
            Inbound("dm", event_id, sender, text, _str(user.get("screen_name")),
                    quick_reply=quick_payload[:max_chars])
        )
    return items, ignored


def _tweet_text(tweet: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    extended = tweet.get("extended_tweet")
    if isinstance(extended, dict) and extended.get("full_text"):
        entities = extended.get("entities") or tweet.get("entities") or {}
        return _str(extended["full_text"]), entities
    return _str(tweet.get("full_text") or tweet.get("text")), tweet.get("entities") or {}


def _tweet_events(
    payload: dict[str, Any], me: str, hashtag: str, max_chars: int
) -> tuple[list[Inbound], list[Ignored]]:
    items: list[Inbound] = []
    ignored: list[Ignored] = []
    for tweet in payload.get("tweet_create_events") or []:
        if not isinstance(tweet, dict):
            ignored.append(Ignored("", "malformed_event"))
            continue
        tweet_id = _str(tweet.get("id_str") or tweet.get("id"))
        user = tweet.get("user") if isinstance(tweet.get("user"), dict) else {}
        author = _str(user.get("id_str") or user.get("id"))
        if not tweet_id or not author:
            ignored.append(Ignored(tweet_id, "malformed_event"))
            continue
        raw, entities = _tweet_text(tweet)
        if author == me:
            ignored.append(Ignored(tweet_id, "own_message"))
            continue
        if "retweeted_status" in tweet or raw.startswith("RT @"):
            ignored.append(Ignored(tweet_id, "retweet"))
            continue
        tags = [_str(h.get("text")) for h in entities.get("hashtags") or [] if isinstance(h, dict)]
        mentioned = {
            _str(m.get("id_str") or m.get("id"))
            for m in entities.get("user_mentions") or []
            if isinstance(m, dict)
        }
        addressed = bool(me) and (
            me in mentioned or _str(tweet.get("in_reply_to_user_id_str")) == me
        )
        if not (addressed or has_hashtag(raw, hashtag, tags)):
            ignored.append(Ignored(tweet_id, "not_for_the_consultation"))
            continue
        text = clean_text(html.unescape(raw), hashtag, max_chars)
        items.append(
            Inbound("post", tweet_id, author, text, _str(user.get("screen_name")), tweet_id)
        )
    return items, ignored


def parse_deletions(payload: dict[str, Any]) -> list[tuple[str, str]]:
    """(sender id, post id) of each post its author deleted (`tweet_delete_events`)."""
    found = []
    for event in payload.get("tweet_delete_events") or []:
        status = event.get("status") if isinstance(event, dict) else None
        if not isinstance(status, dict):
            continue
        tweet_id, user_id = _str(status.get("id")), _str(status.get("user_id"))
        if tweet_id and user_id:
            found.append((Inbound("post", tweet_id, user_id, "").sender_id, tweet_id))
    return found


def parse_webhook(
    payload: dict[str, Any], bot_user_id: str, hashtag: str, max_chars: int
) -> tuple[list[Inbound], list[Ignored]]:
    """An Account Activity payload as messages for Rasa, and what was ignored and why."""
    for_user = _str(payload.get("for_user_id"))
    if bot_user_id and for_user and for_user != bot_user_id:
        return [], [Ignored(for_user, "other_account")]
    me = bot_user_id or for_user
    if not me:
        # Without knowing the bot's own id its replies would come back as messages: a loop.
        return [], [Ignored("", "unknown_account")]
    dms, ignored_dms = _dm_events(payload, me, hashtag, max_chars)
    posts, ignored_posts = _tweet_events(payload, me, hashtag, max_chars)
    return dms + posts, ignored_dms + ignored_posts


# --- memory: events seen, choices offered ------------------------------------------------


class RecentIds:
    """The last `size` event ids, to drop X's retries of an event already handled."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def seen(self, event_id: str) -> bool:
        """True if `event_id` was seen before; records it either way."""
        if event_id in self._ids:
            self._ids.move_to_end(event_id)
            return True
        self._ids[event_id] = None
        while len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return False


NUMBER_RE = re.compile(r"^\s*#?(\d{1,2})\s*[.)]?\s*$")


class Choices:
    """The buttons last offered to each sender, so '2' or a button's title picks it."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._by_sender: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()

    def offer(self, sender_id: str, buttons: list[dict[str, Any]]) -> None:
        pairs = [
            (_str(b.get("title")), _str(b.get("payload") or b.get("title")))
            for b in buttons if isinstance(b, dict)
        ]
        self._by_sender[sender_id] = pairs
        self._by_sender.move_to_end(sender_id)
        while len(self._by_sender) > self.size:
            self._by_sender.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        self._by_sender.pop(sender_id, None)

    def resolve(self, sender_id: str, text: str) -> str:
        """The payload `text` picks from the last offer, or `text` unchanged."""
        pairs = self._by_sender.get(sender_id)
        if not pairs:
            return text
        number = NUMBER_RE.match(text)
        if number and 1 <= int(number.group(1)) <= len(pairs):
            return pairs[int(number.group(1)) - 1][1]
        folded = text.strip().casefold()
        for title, payload in pairs:
            if title and title.strip().casefold() == folded:
                return payload
        return text


# --- output -------------------------------------------------------------------------------


def _char_weight(char: str) -> int:
    """X counts most Latin/punctuation as 1 and everything else (CJK, emoji) as 2."""
    code = ord(char)
    if code <= 4351 or 8192 <= code <= 8205 or 8208 <= code <= 8223 or 8242 <= code <= 8247:
        return 1
    return 2


URL_RE = re.compile(r"https?://\S+")


def post_length(text: str) -> int:
    """A post's length as X counts it (URLs count 23)."""
    length = 0
    position = 0
    for url in URL_RE.finditer(text):
        length += sum(_char_weight(c) for c in text[position:url.start()]) + URL_WEIGHT
        position = url.end()
    return length + sum(_char_weight(c) for c in text[position:])


def _split_line(line: str, budget: int) -> list[str]:
    """One line too long for a post, as word-wrapped pieces (over-long tokens cut)."""
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        while post_length(word) > budget:  # a very long token: cut it
            cut = budget
            while post_length(word[:cut]) > budget:
                cut -= 1
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}" if current else word
        if post_length(candidate) > budget:
            pieces.append(current)
            current = word
        else:
            current = candidate
    if current:
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]


def split_for_posts(text: str, limit: int = MAX_POST_CHARS) -> list[str]:
    """Splits text into posts of at most `limit` (X-counted), numbered "(1/3)" if several.

    Whole lines are kept together where they fit (a numbered option is never cut in two);
    only a line longer than a post is word-wrapped."""
    text = text.strip()
    if post_length(text) <= limit:
        return [text] if text else []
    budget = limit - len(" (99/99)")
    pieces: list[str] = []
    for line in text.split("\n"):
        pieces.extend([line] if post_length(line) <= budget else _split_line(line, budget))
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n{piece}" if current else piece
        if post_length(candidate.strip()) > budget:
            chunks.append(current.strip())
            current = piece
        else:
            current = candidate
    chunks.append(current.strip())
    chunks = [chunk for chunk in chunks if chunk]
    total = len(chunks)
    return [f"{chunk} ({i}/{total})" for i, chunk in enumerate(chunks, start=1)]


def is_consent_prompt(buttons: list[dict[str, Any]], utter_action: str = "") -> bool:
    """Whether this message asks for consent (response name or a button payload says so)."""
    if "consent" in utter_action.lower():
        return True
    return any(
        "consent" in _str(b.get("payload")).lower() for b in buttons if isinstance(b, dict)
    )


def public_consent_notice(bot_user_id: str) -> str:
    link = (
        f" https://x.com/messages/compose?recipient_id={bot_user_id}" if bot_user_id else ""
    )
    return (
        "Posts on X are public: anyone can read what you write here. To take part and "
        f"give your consent privately, please send us a Direct Message{link}"
    )


SENDER_RE = re.compile(r"^x-(dm|post)-(\d{1,20})$")


class XOutput(OutputChannel):
    """Sends Rasa's replies to one X user: by DM, or as a thread of public replies."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    def __init__(
        self, client: XClient, choices: Choices, bot_user_id: str = "",
        reply_to: str = "",
    ) -> None:
        self.client = client
        self.choices = choices
        self.bot_user_id = bot_user_id
        self.reply_to = reply_to
        self._started: set[str] = set()

    def _target(self, recipient_id: str) -> tuple[str, str] | None:
        match = SENDER_RE.match(recipient_id)
        if not match:
            logger.error("X output: %r is not an X sender id; reply dropped", recipient_id)
            return None
        return match.group(1), match.group(2)

    def _start_turn(self, recipient_id: str) -> None:
        """Choices offered in an earlier turn stop counting once the bot speaks again."""
        if recipient_id not in self._started:
            self._started.add(recipient_id)
            self.choices.forget(recipient_id)

    async def _dm(self, user_id: str, text: str, buttons: list[dict[str, Any]]) -> None:
        options = options_from_buttons(buttons) if buttons else None
        try:
            await asyncio.to_thread(self.client.send_dm, user_id, text, options)
        except Exception:  # noqa: BLE001 - X being down must not break the conversation
            logger.exception("X: sending a DM to %s failed", user_id)

    async def _thread(self, text: str) -> None:
        if not self.reply_to:
            logger.error("X: a public reply has no post to reply to; dropped")
            return
        for part in split_for_posts(text):
            try:
                new_id = await asyncio.to_thread(self.client.post, part, self.reply_to)
            except Exception:  # noqa: BLE001
                logger.exception("X: posting a reply to %s failed", self.reply_to)
                return
            if new_id:
                self.reply_to = new_id

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        target = self._target(recipient_id)
        if not target or not text:
            return
        self._start_turn(recipient_id)
        kind, user_id = target
        if kind == "dm":
            await self._dm(user_id, text, [])
        else:
            await self._thread(text)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        target = self._target(recipient_id)
        if not target:
            return
        self._start_turn(recipient_id)
        kind, user_id = target
        buttons = [b for b in buttons or [] if isinstance(b, dict)]
        if kind == "dm":
            self.choices.offer(recipient_id, buttons)
            await self._dm(user_id, text or "", buttons)
            return
        # In public, consent is not offered as a choice: the user is asked to DM instead.
        consent = is_consent_prompt(buttons, _str(kwargs.get("utter_action")))
        if consent:
            buttons = [b for b in buttons if not is_consent_prompt([b])]
        parts = [text] if text else []
        if buttons:
            self.choices.offer(recipient_id, buttons)
            titles = [_str(b.get("title") or b.get("payload")) for b in buttons]
            parts.append(f"Reply with a number:\n{numbered_list(titles)}")
        if consent:
            parts.append(public_consent_notice(self.bot_user_id))
        await self._thread("\n\n".join(parts))

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        text = json_message.get("text") if isinstance(json_message, dict) else None
        if isinstance(text, str) and text:
            await self.send_text_message(recipient_id, text)
        else:
            logger.info("X: custom payload without text not sent to %s", recipient_id)


# --- input channel ------------------------------------------------------------------------


def _error(status: int, code: str, message: str) -> HTTPResponse:
    return response.json({"error": code, "message": message}, status=status, dumps=json.dumps)


SIGNATURE_MESSAGES = {
    "missing_signature": (401, f"The {SIGNATURE_HEADER} header is missing."),
    "malformed_signature": (401, f"The {SIGNATURE_HEADER} header is not 'sha256=<base64>'."),
    "invalid_signature": (403, "The signature does not match the request body."),
}


class XInput(InputChannel):
    """Rasa input channel for X's Account Activity webhook (and the hashtag listener)."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if credentials:
            logger.warning(
                "X channel: credentials.yml values %s are ignored; X secrets are read from "
                "the environment (X_CONSUMER_SECRET, ...)", sorted(credentials),
            )
        return cls()

    def __init__(self, cfg: Settings | None = None, client: XClient | None = None) -> None:
        self.cfg = cfg or settings()
        self.client = client or client_from_settings(self.cfg)
        self.seen = RecentIds()
        self.choices = Choices()
        self._listener_task: asyncio.Task | None = None

    def url_prefix(self) -> str:
        return CHANNEL_NAME

    def get_output_channel(self) -> OutputChannel:
        """For DMs started by the bot (e.g. Rasa's trigger_intent with output_channel=x)."""
        return XOutput(self.client, self.choices, self.cfg.x_bot_user_id)

    def output_for(self, item: Inbound) -> XOutput:
        return XOutput(self.client, self.choices, self.cfg.x_bot_user_id, item.tweet_id)

    async def dispatch(
        self, items: list[Inbound], on_new_message: OnNewMessage
    ) -> tuple[int, list[Ignored]]:
        """Hands each new message to Rasa; returns how many were handled and the rest."""
        handled = 0
        ignored: list[Ignored] = []
        for item in items:
            if self.seen.seen(item.event_id):
                ignored.append(Ignored(item.event_id, "duplicate"))
                continue
            text = item.quick_reply or self.choices.resolve(item.sender_id, item.text)
            if not text.strip():
                ignored.append(Ignored(item.event_id, "empty"))
                continue
            message = UserMessage(
                text=text[: self.cfg.max_message_chars],
                output_channel=self.output_for(item),
                sender_id=item.sender_id,
                input_channel=CHANNEL_NAME,
                message_id=item.event_id,
                metadata=item.metadata(),
            )
            try:
                await on_new_message(message)
                handled += 1
            except Exception:  # noqa: BLE001 - one bad message must not lose the others
                logger.exception("X: handling event %s failed", item.event_id)
                ignored.append(Ignored(item.event_id, "error"))
        return handled, ignored

    async def forget_deleted_posts(self, deletions: list[tuple[str, str]]) -> int:
        """Delete what deleted posts said (X's rules: deleted content goes from our store too).
        Returns how many stored messages were redacted."""
        from bot.consultation import service

        loop = asyncio.get_running_loop()
        redacted = 0
        for sender_id, tweet_id in deletions:
            try:
                result = await loop.run_in_executor(
                    None, service.forget_x_post, sender_id, tweet_id
                )
                redacted += result.events
            except Exception:  # noqa: BLE001 - logged; X will not resend a deletion
                logger.exception("X: could not delete post %s", tweet_id)
        return redacted

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        x_webhook = Blueprint("x_webhook", __name__)

        @x_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json(
                {
                    "status": "ok",
                    "webhook": "ready" if self.cfg.x_consumer_secret else "not_configured",
                    "replies": "x" if self.cfg.x_can_send else "outbox",
                }
            )

        @x_webhook.route("/webhook", methods=["GET"])
        async def challenge(request: Request) -> HTTPResponse:
            secret = self.cfg.x_consumer_secret
            if not secret:
                return _error(503, "x_not_configured", "X_CONSUMER_SECRET is not set.")
            token = request.args.get("crc_token")
            if not token:
                return _error(400, "missing_crc_token", "Expected a crc_token parameter.")
            if not CRC_TOKEN_RE.match(token):
                # The CRC and the POST signature are the same HMAC under the same key: a
                # token that could be a JSON body would make this a signing oracle.
                return _error(400, "invalid_crc_token", "The crc_token is not a token.")
            return response.json(
                {"response_token": crc_response_token(token, secret)}, dumps=json.dumps
            )

        @x_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            secret = self.cfg.x_consumer_secret
            if not secret:
                return _error(
                    503, "x_not_configured",
                    "X_CONSUMER_SECRET is not set, so X webhooks cannot be verified and are "
                    "refused.",
                )
            declared = request.headers.get("content-length", "")
            body = request.body or b""
            if (declared.isdigit() and int(declared) > MAX_BODY_BYTES) or len(
                body
            ) > MAX_BODY_BYTES:
                return _error(413, "too_large", f"Bodies over {MAX_BODY_BYTES} bytes are refused.")
            problem = signature_problem(body, request.headers.get(SIGNATURE_HEADER), secret)
            if problem:
                status, message = SIGNATURE_MESSAGES[problem]
                logger.warning("X webhook refused: %s", problem)
                return _error(status, problem, message)
            try:
                payload = json.loads(body)
            except (ValueError, UnicodeDecodeError):
                return _error(400, "invalid_json", "The body is not valid JSON.")
            if not isinstance(payload, dict):
                return _error(400, "invalid_json", "The body is not a JSON object.")
            items, ignored = parse_webhook(
                payload, self.cfg.x_bot_user_id, self.cfg.x_hashtag, self.cfg.max_message_chars
            )
            handled, skipped = await self.dispatch(items, on_new_message)
            deleted = await self.forget_deleted_posts(parse_deletions(payload))
            return response.json(
                {
                    "status": "ok",
                    "handled": handled,
                    "deleted": deleted,
                    "ignored": [i.__dict__ for i in ignored + skipped],
                },
                dumps=json.dumps,
            )

        @x_webhook.listener("after_server_start")
        async def start_listener(app: Any, loop: Any) -> None:
            from bot.channels.x_listener import HashtagListener

            listener = HashtagListener.from_channel(self, on_new_message)
            if listener is not None:
                self._listener_task = loop.create_task(listener.run())

        @x_webhook.listener("before_server_stop")
        async def stop_listener(app: Any, loop: Any) -> None:
            if self._listener_task is not None:
                self._listener_task.cancel()

        return x_webhook
