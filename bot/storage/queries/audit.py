"""The audit log page: newest first, by action or response, sign-ins hidden by default."""

from __future__ import annotations

import math

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent
from bot.storage.queries.rows import Page

LOGIN_ACTIONS = ("login", "login_failed", "logout")


def audit_actions(session: Session) -> list[str]:
    return sorted(a for a in session.scalars(select(AuditEvent.action).distinct()) if a)


def audit_log(
    session: Session,
    page: int = 1,
    per_page: int = 50,
    action: str | None = None,
    response_id: int | None = None,
    include_logins: bool = False,
) -> Page:
    conditions = []
    if action:
        conditions.append(AuditEvent.action == action)
    elif not include_logins:
        conditions.append(AuditEvent.action.not_in(LOGIN_ACTIONS))
    if response_id:
        conditions.append(AuditEvent.response_id == response_id)
    where = and_(*conditions) if conditions else None
    count_stmt = select(func.count(AuditEvent.id))
    list_stmt = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if where is not None:
        count_stmt = count_stmt.where(where)
        list_stmt = list_stmt.where(where)
    total = int(session.scalar(count_stmt) or 0)
    pages = max(1, math.ceil(total / per_page))
    page = max(1, min(page, pages))
    items = list(session.scalars(list_stmt.limit(per_page).offset((page - 1) * per_page)))
    return Page(items=items, total=total, page=page, per_page=per_page)
