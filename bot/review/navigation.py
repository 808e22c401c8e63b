"""Going back to the list a page was opened from, with its filters and page.

A list's links carry its own address as `list=`; the response and conversation pages
pass it on (links and forms) and point "‹ All responses" (or the list's name) at it, so
a filter never has to be set again. Only staff paths are followed (`safe_next`).
"""

from __future__ import annotations

from flask import request, url_for

from bot.review.auth import safe_next

# (path prefix, what the back link says), first match wins.
LIST_NAMES = (
    ("/staff/responses", "All responses"),
    ("/staff/businesses", "All businesses"),
    ("/staff/findings", "Back to the sub-themes"),
    ("/staff/audit", "Back to the audit log"),
)


def here() -> str:
    """This page's address with its query string (what a list passes as `list=`)."""
    return request.full_path.rstrip("?")


def list_url() -> str:
    """The list this page was opened from (`list=`), else the responses list."""
    return safe_next(
        request.form.get("list") or request.args.get("list"),
        url_for("review.responses.index"),
    )


def list_name(url: str | None = None) -> str:
    url = url or list_url()
    path = url.split("?", 1)[0]
    for prefix, name in LIST_NAMES:
        if path.startswith(prefix):
            return name
    return "Back"
