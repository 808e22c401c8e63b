"""Staff accounts for the review app: create, verify passwords, roles, login throttling.

Passwords are hashed with scrypt (werkzeug). Failed logins are recorded as
`AuditEvent(action="login_failed")` rows, so the rate limit holds across threads
and processes that share the database.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from bot.printable import has_invisible
from bot.storage.audit import audit
from bot.storage.models import AuditEvent, StaffUser, utcnow

ROLE_REVIEWER = "reviewer"
ROLE_ADMIN = "admin"
ROLES = (ROLE_REVIEWER, ROLE_ADMIN)
MIN_PASSWORD_CHARS = 12
# Longest password taken: the sign-in form's limit, so a reset cannot set one nobody can
# type into it (attack probe s44: a reset had no maximum)
MAX_PASSWORD_CHARS = 1024
# Fewest different characters: twelve spaces or "aaaaaaaaaaaa" are no password (s44)
MIN_PASSWORD_DISTINCT = 4
HASH_METHOD = "scrypt"

# Login throttling: this many failures for one (IP, email) within the window locks it out.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
# And this many failures from one IP address across all emails (password spraying).
MAX_FAILURES_PER_IP = 30

# A hash to check against when the email is unknown, so timing does not reveal accounts.
_DUMMY_HASH = generate_password_hash("not-a-real-password-0000", method=HASH_METHOD)


@dataclass(frozen=True)
class StaffInfo:
    """A detached, plain view of a staff user (safe to keep after the session closes)."""

    id: int
    email: str
    role: str
    active: bool
    created_at: datetime | None = None
    last_login_at: datetime | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == ROLE_ADMIN


def _info(user: StaffUser) -> StaffInfo:
    return StaffInfo(
        id=user.id,
        email=user.email,
        role=user.role,
        active=bool(user.active),
        created_at=user.created_at,
        last_login_at=user.last_login_at,
    )


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def email_problem(email: str) -> str | None:
    """Why `email` cannot name a staff account, or None. Printable characters only: an
    invisible one ("jane@example.org" + U+200B), a right-to-left override or a control
    character let an admin add a second "jane@example.org", and every correction, export
    and erasure made with it read as the real Jane's on the accounts page and in the audit
    log (attack probe s46). Unicode letters are fine."""
    if "@" not in email or len(email) > 320:
        return "a valid email address is needed"
    if has_invisible(email) or any(unicodedata.category(ch) == "Zs" for ch in email):
        return (
            "an email address may not contain spaces or invisible characters (such as a "
            "zero-width space or a right-to-left mark): type it again"
        )
    return None


def check_password_strength(password: str) -> None:
    """Raise ValueError when a password is too weak to accept."""
    if len(password or "") < MIN_PASSWORD_CHARS:
        raise ValueError(f"password must be at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise ValueError(f"password must be at most {MAX_PASSWORD_CHARS} characters")
    if not password.strip() or len(set(password)) < MIN_PASSWORD_DISTINCT:
        raise ValueError(
            f"password must not be blank or repeat one or two characters: use at least "
            f"{MIN_PASSWORD_DISTINCT} different characters"
        )


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=HASH_METHOD)


def create_user(
    session: Session, email: str, password: str, role: str = ROLE_REVIEWER, actor: str = "system"
) -> StaffInfo:
    """Create a staff account; ValueError on a bad role, weak password or existing email."""
    email = normalise_email(email)
    problem = email_problem(email)
    if problem:
        raise ValueError(problem)
    if role not in ROLES:
        raise ValueError(f"role must be one of: {', '.join(ROLES)}")
    check_password_strength(password)
    if session.scalars(select(StaffUser).where(StaffUser.email == email)).first():
        raise ValueError(f"a staff user {email} already exists")
    user = StaffUser(email=email, password_hash=hash_password(password), role=role, active=True)
    session.add(user)
    session.flush()
    audit(session, actor=actor, action="staff_created", detail={"email": email, "role": role})
    return _info(user)


def get_user(session: Session, user_id: int) -> StaffInfo | None:
    user = session.get(StaffUser, user_id)
    return _info(user) if user is not None else None


def list_users(session: Session) -> list[StaffInfo]:
    return [_info(u) for u in session.scalars(select(StaffUser).order_by(StaffUser.email))]


def update_user(
    session: Session,
    user_id: int,
    actor: str,
    role: str | None = None,
    active: bool | None = None,
    password: str | None = None,
) -> StaffInfo:
    """Change a user's role, active flag or password (audited, never the password itself)."""
    user = session.get(StaffUser, user_id)
    if user is None:
        raise LookupError(user_id)
    changes: dict[str, object] = {}
    if role is not None and role != user.role:
        if role not in ROLES:
            raise ValueError(f"role must be one of: {', '.join(ROLES)}")
        user.role = role
        changes["role"] = role
    if active is not None and bool(active) != bool(user.active):
        user.active = bool(active)
        changes["active"] = bool(active)
    if password is not None:
        check_password_strength(password)
        user.password_hash = hash_password(password)
        changes["password"] = "changed"
    if changes:
        # every old session ends for good: a changed role or a deactivation only made old
        # ids stop matching, so giving the role back or reactivating revived them, a copied
        # cookie included (attack probe s45)
        user.session_token = new_session_token()
        audit(session, actor=actor, action="staff_updated", detail={"email": user.email, **changes})
    session.flush()
    return _info(user)


def authenticate(session: Session, email: str, password: str) -> StaffInfo | None:
    """The active user with this email and password, else None (constant-ish time)."""
    email = normalise_email(email)
    user = session.scalars(select(StaffUser).where(StaffUser.email == email)).first()
    if user is None:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    if not check_password_hash(user.password_hash, password or ""):
        return None
    if not user.active:
        return None
    user.last_login_at = utcnow()
    if not user.session_token:
        user.session_token = new_session_token()
    return _info(user)


def new_session_token() -> str:
    return secrets.token_hex(16)


def end_sessions(session: Session, user_id: int) -> None:
    """Sign the user out everywhere: Flask's sessions live in the browser's cookie, so
    dropping them from the cookie at sign-out left a copy of the cookie working (attack
    probe, 7 Dec). A new token changes the id every session of the user carries."""
    user = session.get(StaffUser, user_id)
    if user is not None:
        user.session_token = new_session_token()
        session.flush()


# --- login throttling -------------------------------------------------------------------


def _key(ip: str, email: str) -> str:
    return f"{ip}|{normalise_email(email)}"[:320]


def recent_failures(session: Session, ip: str, email: str, now: datetime | None = None) -> int:
    """Failed logins for (ip, email) in the window, since that pair's last successful login."""
    now = now or utcnow()
    key = _key(ip, email)
    rows = session.execute(
        select(AuditEvent.action, AuditEvent.detail)
        .where(
            AuditEvent.action.in_(("login", "login_failed")),
            AuditEvent.actor == (normalise_email(email)[:320] or "-"),
            AuditEvent.at > now - FAILURE_WINDOW,
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()
    failures = 0
    for action, detail in rows:
        if not isinstance(detail, dict) or detail.get("key") != key:
            continue
        failures = 0 if action == "login" else failures + 1
    return failures


def recent_ip_failures(session: Session, ip: str, now: datetime | None = None) -> int:
    """Failed logins from `ip` for any email within the window."""
    now = now or utcnow()
    rows = session.scalars(
        select(AuditEvent.detail).where(
            AuditEvent.action == "login_failed", AuditEvent.at > now - FAILURE_WINDOW
        )
    ).all()
    return sum(1 for d in rows if isinstance(d, dict) and d.get("ip") == ip)


def is_locked_out(
    session: Session,
    ip: str,
    email: str,
    now: datetime | None = None,
    claimed: bool = False,
) -> bool:
    """True when (ip, email) has MAX_FAILURES recent failures, or ip has MAX_FAILURES_PER_IP.
    `claimed`: this attempt is already recorded (`claim_attempt`), so one more is allowed."""
    extra = 1 if claimed else 0
    return (
        recent_failures(session, ip, email, now) >= MAX_FAILURES + extra
        or recent_ip_failures(session, ip, now) >= MAX_FAILURES_PER_IP + extra
    )


# Guesses sent at the same moment all passed a lockout check made before any of them was
# recorded (10 of 40 got a password check against the running app, where 5 should: attack
# probe s45). So an attempt is first claimed (recorded as failed and committed) and only
# then counted, with every attempt claimed so far: whichever of those sent together counts
# last sees all the others that went on to a password check, so at most MAX_FAILURES do,
# whatever the threads, processes or database.


def claim_attempt(session: Session, ip: str, email: str) -> int:
    """Record a sign-in attempt as failed before its password is checked (commit it before
    counting it: `is_locked_out(claimed=True)`); its id, for `settle_attempt`."""
    event = audit(
        session,
        actor=normalise_email(email)[:320] or "-",
        action="login_failed",
        detail={"key": _key(ip, email), "ip": ip},
    )
    session.flush()
    return int(event.id)


def settle_attempt(session: Session, attempt_id: int, ok: bool) -> None:
    """The password was checked: a right one turns the claimed attempt into a sign-in
    (which resets that address and account's count)."""
    event = session.get(AuditEvent, attempt_id)
    if event is not None and ok:
        event.action = "login"
    session.flush()


def withdraw_attempt(session: Session, attempt_id: int) -> None:
    """An attempt refused as over the limit is not counted, so trying on while locked out
    does not lengthen the lockout (as before attempts were claimed)."""
    event = session.get(AuditEvent, attempt_id)
    if event is not None and event.action == "login_failed":
        session.delete(event)
    session.flush()


def record_login(session: Session, ip: str, email: str, ok: bool) -> None:
    """Record a login attempt (success resets the failure count for that email)."""
    audit(
        session,
        actor=normalise_email(email)[:320] or "-",
        action="login" if ok else "login_failed",
        detail={"key": _key(ip, email), "ip": ip},
    )
    session.flush()
