"""How far to trust the tagger: its themes against staff-reviewed ones."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_login import login_required

from bot.review.db import db_session
from bot.storage import queries
from bot.storage.queries.agreement import model_agreement

bp = Blueprint("agreement", __name__)


@bp.get("/agreement")
@login_required
def index() -> Any:
    from bot.tagging.versions import installed_models

    with db_session() as session:
        data = queries.agreement(session)
        models = model_agreement(session, installed_models())
    return render_template("review/agreement.html", a=data, models=models)
