"""All configuration, read from environment variables in one place.

Defaults make `make run` work on SQLite with no `.env` file.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("BUCKS_LIS_VAR_DIR", PROJECT_ROOT / "var"))
# Compiled training programs, kept between runs: compiling the encoder's gradient is most of
# a small training's time, and the same shapes come back in every training.
JAX_CACHE_DIR = VAR_DIR / "jax-cache"


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    try:
        return int(raw) if raw else default
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    try:
        return float(raw) if raw else default
    except ValueError:
        raise ValueError(f"{name} must be a number, not {raw!r}") from None


ENVIRONMENTS = ("development", "production")


def _env() -> str:
    """BUCKS_LIS_ENV, refused if misspelt: `prod` quietly meaning development would turn
    off secure cookies and the SECRET_KEY check."""
    value = (os.environ.get("BUCKS_LIS_ENV") or "development").strip().lower()
    if value not in ENVIRONMENTS:
        raise ValueError(f"BUCKS_LIS_ENV must be one of {', '.join(ENVIRONMENTS)}, not {value!r}")
    return value


def _base_url(name: str) -> str:
    """An http(s) address with a host and nothing after the path, without its trailing
    slash; "" when unset. Refused if malformed: it is put into pages other sites embed."""
    raw = (os.environ.get(name) or "").strip().rstrip("/")
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"{name} must be an http(s) address such as https://consult.example.org")
    return raw


def _list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _local_origins(port: int) -> str:
    """The web app's own origins on this machine, the default for ALLOWED_ORIGINS."""
    return f"http://localhost:{port},http://127.0.0.1:{port}"


MIN_PRODUCTION_SECRET_CHARS = 32
PLACEHOLDER_SECRETS = {"changeme", "change-me", "secret", "secret_key", "password", "..."}


def _secret_key() -> str:
    """SECRET_KEY from the environment; in development, a random key kept in var/.

    In production it must be set, and not a placeholder or short enough to guess: it signs
    staff sessions and encrypts the stored X tokens."""
    raw = os.environ.get("SECRET_KEY", "")
    key = raw.strip()  # checked stripped, used as given: a changed key loses sessions and tokens
    production = _env() == "production"
    if production and not key:
        raise RuntimeError("SECRET_KEY must be set in production")
    if production and (
        len(key) < MIN_PRODUCTION_SECRET_CHARS or key.lower() in PLACEHOLDER_SECRETS
    ):
        raise RuntimeError(
            f"SECRET_KEY is too weak for production: use at least "
            f"{MIN_PRODUCTION_SECRET_CHARS} random characters, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_hex(32))'`"
        )
    if raw:
        return raw
    return _development_key(VAR_DIR / "secret_key")


def _development_key(path: Path) -> str:
    """The per-install key in var/: created once, owner-only from the first byte, and the
    same for processes that start together (`bucks-lis run` starts several)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    for _ in range(50):  # another process may be writing it this instant
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.01)
    raise RuntimeError(f"{path} is empty: delete it and start again")


@dataclass(frozen=True)
class Settings:
    """Runtime settings. Build with `settings()`; override in tests via env."""

    env: str = field(default_factory=_env)
    database_url: str = field(
        default_factory=lambda: os.environ.get(
            "DATABASE_URL", f"sqlite:///{VAR_DIR / 'bucks_lis.db'}"
        )
    )
    web_host: str = field(default_factory=lambda: os.environ.get("WEB_HOST", "127.0.0.1"))
    web_port: int = field(default_factory=lambda: _int("WEB_PORT", 8000))
    rasa_port: int = field(default_factory=lambda: _int("RASA_PORT", 5005))
    action_port: int = field(default_factory=lambda: _int("ACTION_PORT", 5055))
    public_rasa_url: str = field(default_factory=lambda: os.environ.get("PUBLIC_RASA_URL", ""))
    # Where the public site (/privacy, the widget's assets) is reached, for links in what is
    # cached or embedded elsewhere: never built from a request's Host header, which any
    # client sets (attack probe, 7 Dec). Unset: the widget links to the server it came from.
    public_web_url: str = field(default_factory=lambda: _base_url("PUBLIC_WEB_URL"))
    # Unset: the local web app on WEB_PORT, so the demo page `bucks-lis run` prints can chat
    # whatever port it is on (browser probe, 7 Dec: WEB_PORT=8300 left the widget "offline")
    allowed_origins: list[str] = field(
        default_factory=lambda: _list("ALLOWED_ORIGINS", _local_origins(_int("WEB_PORT", 8000)))
    )
    max_message_chars: int = field(default_factory=lambda: _int("MAX_MESSAGE_CHARS", 2000))
    # Chat flood limits (bot/channels/rate_limit.py); 0 turns one off.
    rate_limit_sender_per_min: int = field(
        default_factory=lambda: _int("RATE_LIMIT_SENDER_PER_MIN", 120)
    )
    rate_limit_ip_per_min: int = field(default_factory=lambda: _int("RATE_LIMIT_IP_PER_MIN", 600))
    models_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("MODELS_DIR", PROJECT_ROOT / "models"))
    )
    trusted_proxy: str = field(default_factory=lambda: os.environ.get("TRUSTED_PROXY", ""))
    # X (Twitter) channel, bot/channels/x.py. Secrets only from the environment; without the
    # four OAuth values replies are recorded in var/x-outbox.jsonl instead of sent.
    x_consumer_key: str = field(default_factory=lambda: os.environ.get("X_CONSUMER_KEY", ""))
    x_consumer_secret: str = field(default_factory=lambda: os.environ.get("X_CONSUMER_SECRET", ""))
    x_access_token: str = field(default_factory=lambda: os.environ.get("X_ACCESS_TOKEN", ""))
    x_access_token_secret: str = field(
        default_factory=lambda: os.environ.get("X_ACCESS_TOKEN_SECRET", "")
    )
    x_bot_user_id: str = field(default_factory=lambda: os.environ.get("X_BOT_USER_ID", ""))
    x_hashtag: str = field(default_factory=lambda: os.environ.get("X_HASHTAG", "#bucksLIS"))
    x_poll_seconds: int = field(default_factory=lambda: _int("X_POLL_SECONDS", 60))
    # --- X in 2026 (issue 9, bot/channels/x/): summoned replies only, public views collected,
    # XAA, pay-per-use budget, filtered stream, compliance checks, OAuth 2.0 user context.
    # The bot's @handle, named in public replies instead of a (costly) DM link.
    x_bot_username: str = field(default_factory=lambda: os.environ.get("X_BOT_USERNAME", ""))
    # Public replies stop once this calendar month's estimated X spend reaches it (0 = none).
    x_monthly_budget_usd: float = field(default_factory=lambda: _float("X_MONTHLY_BUDGET_USD", 0.0))
    # App-only bearer token: filtered stream, its rules, batch compliance jobs.
    x_bearer_token: str = field(default_factory=lambda: os.environ.get("X_BEARER_TOKEN", ""))
    # 1 = read #hashtag posts from the filtered stream (needs X_BEARER_TOKEN), else search.
    x_stream: bool = field(default_factory=lambda: os.environ.get("X_STREAM", "") == "1")
    # Hours between batch compliance checks of collected public posts (0 = off).
    x_compliance_hours: int = field(default_factory=lambda: _int("X_COMPLIANCE_HOURS", 24))
    # Where X's API is (tests point it at a fake X on loopback).
    x_api_base: str = field(
        default_factory=lambda: os.environ.get("X_API_BASE", "https://api.x.com")
    )
    # OAuth 2.0 user context (beside OAuth 1.0a): the app's client id/secret; tokens live
    # encrypted in the database (`bucks-lis x-oauth2 store`).
    x_oauth2_client_id: str = field(
        default_factory=lambda: os.environ.get("X_OAUTH2_CLIENT_ID", "")
    )
    x_oauth2_client_secret: str = field(
        default_factory=lambda: os.environ.get("X_OAUTH2_CLIENT_SECRET", "")
    )
    # --- Issue 11 (findings A): importing emailed/survey/event responses. ---
    # Largest file `bucks-lis import` and the staff upload form accept, in bytes.
    import_max_bytes: int = field(default_factory=lambda: _int("IMPORT_MAX_BYTES", 5_000_000))
    # Longest text (characters) one imported row may carry; a longer row is refused.
    import_max_text_chars: int = field(
        default_factory=lambda: _int("IMPORT_MAX_TEXT_CHARS", 20_000)
    )
    # Most rows one import may hold: each is tagged inside the request (about 200 a second),
    # so a 5 MB file of one-word rows would hold a staff page for many minutes.
    import_max_rows: int = field(default_factory=lambda: _int("IMPORT_MAX_ROWS", 2_000))

    # --- Production (issue 10): shared state, supervisor, replicas, balancer -----------------
    # Redis shared by Rasa replicas: the lock store (deploy/endpoints.production.yml reads the
    # same variables) and the flood limits (bot/production/shared_limits.py). Unset = none.
    redis_host: str = field(default_factory=lambda: os.environ.get("REDIS_HOST", ""))
    redis_port: int = field(default_factory=lambda: _int("REDIS_PORT", 6379))
    redis_password: str = field(default_factory=lambda: os.environ.get("REDIS_PASSWORD", ""))
    redis_db: int = field(default_factory=lambda: _int("REDIS_DB", 0))
    # Custom action call time limit before the "technical problem" reply
    # (bot/channels/resilience.py).
    action_timeout_seconds: float = field(
        default_factory=lambda: float(os.environ.get("ACTION_TIMEOUT_SECONDS") or 20)
    )
    # `bucks-lis run-production` (bot/production/topology.py): one public entry (HAProxy) in
    # front of RASA_REPLICAS Rasa processes on RASA_PORT, RASA_PORT+1, … and ACTION_SERVERS
    # action servers on ACTION_PORT, ACTION_PORT+1, … (reached by Rasa through HAProxy on
    # ACTIONS_BALANCER_PORT), PostgreSQL on POSTGRES_PORT and Redis on REDIS_PORT.
    public_host: str = field(default_factory=lambda: os.environ.get("PUBLIC_HOST", "127.0.0.1"))
    public_port: int = field(default_factory=lambda: _int("PUBLIC_PORT", 8080))
    rasa_replicas: int = field(default_factory=lambda: _int("RASA_REPLICAS", 2))
    action_servers: int = field(default_factory=lambda: _int("ACTION_SERVERS", 2))
    actions_balancer_port: int = field(default_factory=lambda: _int("ACTIONS_BALANCER_PORT", 5054))
    postgres_port: int = field(default_factory=lambda: _int("POSTGRES_PORT", 5433))
    # Trackers a Rasa process keeps between turns (bot/storage/tracker_cache.py); 0 = off.
    tracker_cache_size: int = field(default_factory=lambda: _int("TRACKER_CACHE_SIZE", 200))

    # --- Read where they are used, not only at import: tests and tools change them. ---------
    # Where the SQLite file, logs, the development secret and the X outbox live.
    var_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("BUCKS_LIS_VAR_DIR") or VAR_DIR)
    )
    # onnxruntime threads for tagging batches (0 = up to 2 cores).
    tagger_threads: int = field(default_factory=lambda: _int("BUCKS_LIS_TAGGER_THREADS", 0))
    # 1 = the action server loads the tagger as it starts (`bucks-lis run` sets it).
    warm_tagger: bool = field(
        default_factory=lambda: os.environ.get("BUCKS_LIS_WARM_TAGGER") == "1"
    )

    # --- Attack and bad-input hardening (branch attack) --------------------------------------
    # Largest request body the Rasa server reads (REST, socket.io polling, X webhook); a larger
    # one is a JSON 413 (bot/channels/http_errors.py). Sanic's own default is 100 MB. 0 = that.
    rasa_max_body_bytes: int = field(default_factory=lambda: _int("RASA_MAX_BODY_BYTES", 1_000_000))
    # --- Light-load latency (issue 10): Rasa's custom action calls (bot/channels/action_session.py)
    # Seconds an idle pooled connection from Rasa to the action server stays open for the next
    # call; keep it below the action server's 5 s keep-alive. 0 = a new connection per call.
    action_keepalive_seconds: float = field(
        default_factory=lambda: _float("ACTION_KEEPALIVE_SECONDS", 2.0)
    )
    # 1 = Rasa and the action server freeze their start-up objects (the model) for the garbage
    # collector once started, so a full collection no longer stops the process for ~1 s
    # (bot/production/gc_pauses.py); 0 = off (a comparison).
    gc_freeze_after_start: bool = field(
        default_factory=lambda: os.environ.get("GC_FREEZE_AFTER_START", "1") != "0"
    )
    # --- Widget exactly-once under faults (branch wsfault) ------------------------------------
    # Lifetime of a conversation's lock ticket in Redis (bot/production/lock_store.py), renewed
    # every third of it while its turn waits or runs: a replica killed mid-turn frees the
    # conversation within this, not Rasa's fixed 60 s (longer than the widget's 45 s ack wait).
    lock_lease_seconds: float = field(default_factory=lambda: _float("LOCK_LEASE_SECONDS", 10.0))

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def secret_key(self) -> str:
        return _secret_key()

    @property
    def x_can_send(self) -> bool:
        """All four OAuth 1.0a values are set, so replies really go to X."""
        return all(
            (
                self.x_consumer_key,
                self.x_consumer_secret,
                self.x_access_token,
                self.x_access_token_secret,
            )
        )

    @property
    def rasa_url(self) -> str:
        return self.public_rasa_url or f"http://localhost:{self.rasa_port}"


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process-wide settings (cached; call `settings.cache_clear()` in tests)."""
    return Settings()
