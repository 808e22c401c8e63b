"""Reading a response filter from a query string and writing it back (links, exports).

Lives in the review app, not in storage: the query string is the web's shape, and the
storage layer only needs the parsed `ResponseFilter`.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import url_for
from werkzeug.datastructures import MultiDict

from bot.findings.stance import STANCES
from bot.review.ids import parse_id
from bot.storage.queries import NONE_LABEL, PER_PAGE_DEFAULT, PER_PAGE_MAX, ResponseFilter
from bot.strategy import THEME_IDS

_TRI = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


def filter_from_args(args: Any) -> ResponseFilter:
    """Build from a request's query args (a MultiDict); ignores anything malformed."""

    def one(name: str) -> str | None:
        value = (args.get(name) or "").strip()
        return value or None

    def tri(name: str) -> bool | None:
        return _TRI.get((args.get(name) or "").strip().lower())

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat((args.get(name) or "").strip())
        except ValueError:
            return None

    def number(name: str, default: int, low: int, high: int) -> int:
        try:
            return max(low, min(high, int(args.get(name) or default)))
        except (TypeError, ValueError):
            return default

    themes = [t for t in dict.fromkeys(args.getlist("theme")) if t in THEME_IDS]
    business_raw = one("business")
    stance = one("stance")
    question = one("question")
    return ResponseFilter(
        themes=themes,
        theme_mode="all" if (args.get("mode") or "") == "all" else "any",
        channel=one("channel"),
        sector=one("sector"),
        size_band=one("size_band"),
        date_from=day("from"),
        date_to=day("to"),
        reviewed=tri("reviewed"),
        flagged=tri("flagged"),
        q=(args.get("q") or "").strip()[:200],
        business_id=parse_id(business_raw),
        stance=stance if stance in (*STANCES, NONE_LABEL) else None,
        question=question[:128] if question else None,
        page=number("page", 1, 1, 10**6),
        per_page=number("per_page", PER_PAGE_DEFAULT, 1, PER_PAGE_MAX),
    )


def filter_of_list(url: str) -> ResponseFilter | None:
    """The filter of a responses-list address (a page's `list=`), or None when it is
    another page (businesses, audit log, findings). Staff probe s45: "Next unreviewed
    response" follows the list the response was opened from."""
    path, _, query = url.partition("?")
    if path.rstrip("/") != url_for("review.responses.index").rstrip("/"):
        return None
    return filter_from_args(MultiDict(parse_qsl(query, keep_blank_values=True)))


def filter_problems(args: Any) -> list[str]:
    """What in the query string could not be used, in words for the officer.

    `filter_from_args` drops a malformed date so the page still opens, but a dropped
    "From" silently widened the list and an export to everything (browser probe, 7 Dec).
    The list page shows these above the results; exports and the API refuse with them.
    """
    problems: list[str] = []
    days: dict[str, date] = {}
    for name, label in (("from", "From"), ("to", "To")):
        raw = (args.get(name) or "").strip()
        if not raw:
            continue
        try:
            days[name] = date.fromisoformat(raw)
        except ValueError:
            shown = raw if len(raw) <= 40 else raw[:40] + "…"
            problems.append(
                f"The “{label}” date “{shown}” is not a date, so it was not applied. "
                "Use the date picker or the form YYYY-MM-DD, e.g. 2026-12-07."
            )
    if "from" in days and "to" in days and days["from"] > days["to"]:
        problems.append(
            f"The “From” date ({days['from'].isoformat()}) is after the “To” date "
            f"({days['to'].isoformat()}), so no response can match. Swap them."
        )
    return problems


def filter_to_args(f: ResponseFilter, **changes: Any) -> list[tuple[str, str]]:
    """Query-string pairs reproducing `f` (with `changes` applied)."""
    values = {**f.__dict__, **changes}
    pairs: list[tuple[str, str]] = [("theme", t) for t in values["themes"]]
    if values["themes"] and values["theme_mode"] == "all":
        pairs.append(("mode", "all"))
    for key in ("channel", "sector", "size_band", "stance", "question"):
        if values[key]:
            pairs.append((key, values[key]))
    if values["date_from"]:
        pairs.append(("from", values["date_from"].isoformat()))
    if values["date_to"]:
        pairs.append(("to", values["date_to"].isoformat()))
    for key in ("reviewed", "flagged"):
        if values[key] is not None:
            pairs.append((key, "yes" if values[key] else "no"))
    if values["q"]:
        pairs.append(("q", values["q"]))
    if values["business_id"]:
        pairs.append(("business", str(values["business_id"])))
    if values["page"] and values["page"] != 1:
        pairs.append(("page", str(values["page"])))
    if values["per_page"] != PER_PAGE_DEFAULT:
        pairs.append(("per_page", str(values["per_page"])))
    return pairs


def filter_url(f: ResponseFilter, endpoint: str = "review.responses.index", **changes: Any) -> str:
    """The URL of `endpoint` with `f` (and `changes`) in its query string."""
    query = urlencode(filter_to_args(f, **changes))
    return url_for(endpoint) + (f"?{query}" if query else "")
