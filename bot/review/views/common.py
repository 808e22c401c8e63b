"""Small helpers every staff area uses: who is acting, where to go back to, names."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_login import current_user
from sqlalchemy import select

from bot.review.auth import safe_next
from bot.storage.models import Conversation
from bot.storage.models import Response as ResponseModel


def actor() -> str:
    return current_user.email


def back(default: str) -> str:
    """The form's or query's `next` (same-site only), else `default`."""
    return safe_next(request.form.get("next") or request.args.get("next"), default)


def business_id_of(session: Any, item: ResponseModel) -> int | None:
    return session.scalar(
        select(Conversation.business_id).where(Conversation.id == item.conversation_id)
    )


def theme_name(theme_id: str) -> str:
    from bot.strategy import theme

    try:
        return theme(theme_id).name
    except KeyError:
        return theme_id
