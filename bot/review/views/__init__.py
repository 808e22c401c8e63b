"""The staff review app (/staff): one blueprint per area, nested in the `review` blueprint.

The parent holds the templates, static files and the CSRF check that covers every
area; endpoints read `review.<area>.<view>` (e.g. `review.responses.index`).

| area | pages |
|---|---|
| `auth` | sign in, sign out |
| `overview` | the dashboard and its JSON |
| `responses` | the list (and its JSON), one response, theme corrections, review actions |
| `exports` | CSV / Excel of a filtered list |
| `imports` | upload emailed / survey / event responses (admin) |
| `transcripts` | one business's conversation with its stored responses |
| `businesses` | finding a business, erasing one |
| `audit` | the audit log |
| `agreement` | the tagger against reviewed themes |
| `users` | staff accounts (admin) |
| `retention` | closing date and retention period, applying it (admin) |
"""

from __future__ import annotations

from flask import Blueprint, current_app

from bot.review.views import (
    agreement,
    audit,
    auth,
    businesses,
    exports,
    imports,
    overview,
    responses,
    retention,
    transcripts,
    users,
)

bp = Blueprint(
    "review",
    __name__,
    url_prefix="/staff",
    template_folder="../templates",
    static_folder="../static",
    static_url_path="/static",
)


@bp.before_request
def _csrf_for_staff() -> None:
    """Every state-changing staff request needs a valid CSRF token (400 otherwise).

    An upload's size limit is already set (bot/review/__init__.py `_upload_limit`), so an
    oversized body is refused (413) before anything reads it."""
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        current_app.extensions["csrf"].protect()


_AREAS = (
    auth,
    overview,
    responses,
    exports,
    imports,
    transcripts,
    businesses,
    audit,
    agreement,
    users,
    retention,
)
for _area in _AREAS:
    bp.register_blueprint(_area.bp)
