"""The staff app while its database is locked, unreachable or full: a page that says so.

Fault probe s45: a save while SQLite's write lock was held past its busy timeout (a long
import or retag, a backup), or while PostgreSQL was down or restarting, was Werkzeug's bare
"Internal Server Error": no word of whether the change was kept, no way back to the form.
Now it is a staff page, 503 with `Retry-After`, that says nothing was saved (the session's
rollback keeps nothing half-written) and leads back to the page, where review.js puts back a
note or summary that was typed. The page itself needs no database: when even loading the
signed-in officer failed, it is shown as to someone signed out.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, current_app, g, jsonify, render_template, request
from sqlalchemy.exc import InterfaceError, InternalError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.storage.db import StorageFull, read_only

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# Driver errors that mean "the database cannot be used right now" (locked, down, restarting,
# every pooled connection busy), not a bug in the request.
UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout, StorageFull)


def init_app(app: Flask, prefix: str) -> None:
    for error in UNAVAILABLE:
        app.register_error_handler(error, lambda e: _unavailable(e, prefix))
    app.register_error_handler(InternalError, lambda e: _internal(e, prefix))


def _internal(error: InternalError, prefix: str) -> Any:
    """A read-only PostgreSQL refuses writes as an InternalError (SQLSTATE 25006): it was
    Werkzeug's bare 500 with no word of the change (fault probe s46). Others stay errors."""
    if read_only(error):
        return _unavailable(error, prefix)
    raise error


def _unavailable(error: Exception, prefix: str) -> Any:
    logger.error(
        "%s %s: database unavailable, nothing saved (%s)",
        request.method,
        request.path,
        (str(error).splitlines() or [type(error).__name__])[0],
    )
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    full = isinstance(error, StorageFull)
    frozen = read_only(error)
    if request.path.startswith(f"{prefix}/api/") or not request.path.startswith(prefix):
        kind = "storage_full" if full else "database_read_only" if frozen else None
        body = {"error": kind or "database_unavailable", "saved": False}
        return jsonify(body), 503, headers
    if "_login_user" not in g:  # loading the officer failed too: the page must not retry it
        g._login_user = current_app.login_manager.anonymous_user()  # type: ignore[attr-defined]
    from bot.review.auth import referring_page
    from bot.review.views.common import back

    saving = request.method not in ("GET", "HEAD")
    if full:
        title = "Not saved: the database's disk is full"
        message = (
            "Nothing was saved. Tell whoever runs the consultation's server that its disk is "
            "full; once space is freed, go back to the page and send the form again (a note "
            "or summary you typed is put back)."
        )
    elif frozen and not saving:  # a page that records something (an export is audited)
        title = "The database is read-only"
        message = (
            "This page records a change (an export is noted in the audit log), and the "
            "database is taking no changes at the moment (it is read-only). Tell whoever runs "
            "the consultation's server, and try again once it takes changes."
        )
    elif frozen:
        title = "Not saved: the database is read-only"
        message = (
            "The database is taking no changes at the moment (it is read-only), so nothing "
            "was saved. Tell whoever runs the consultation's server; once it takes changes "
            "again, go back to the page and send the form again (a note or summary you "
            "typed is put back)."
        )
    elif saving:
        title = "Not saved: the database is not answering"
        message = (
            "The database did not answer in time, so nothing was saved. This is usually "
            "brief: go back to the page and send the form again in a minute (a note or "
            "summary you typed is put back)."
        )
    else:
        title = "The database is not answering"
        message = (
            "This page could not be shown because the database did not answer. This is "
            "usually brief: try again in a minute."
        )
    if saving:
        back_url = referring_page() or back(f"{prefix}/")
        label = "Back to the page"
    else:
        back_url, label = request.full_path.rstrip("?"), "Try again"
    page = render_template(
        "review/error.html",
        code=503,
        title=title,
        message=message,
        back_url=back_url,
        back_label=label,
    )
    return page, 503, headers
