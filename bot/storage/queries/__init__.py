"""Read-side queries for the staff review app, one module per area.

All 2.0-style `select()`. Filtering reads `EffectiveTheme` (the derived set after
staff > respondent > model overrides). Written to stay fast at 100,000 responses:
joins are added only when a filter needs them, counts avoid joins they don't need,
and the overview aggregates in as few scans as possible.

- `filters`: what a `ResponseFilter` means in SQL
- `rows`: the row staff read (response + business + winning themes), pages
- `listing`: counts, pages, export iteration, facets, one response, one business
- `overview`: the dashboard's counts
- `audit`: the audit log
- `agreement`: the tagger against staff-reviewed themes (the tagger's own metrics)
- `businesses`: finding a business
- sub-themes (issue 11, part B) get their own module here.

Everything callers used from the old single module is re-exported here.
"""

from __future__ import annotations

from bot.storage.queries.agreement import Agreement, ThemeAgreement, agreement, set_f1
from bot.storage.queries.audit import LOGIN_ACTIONS, audit_actions, audit_log
from bot.storage.queries.businesses import BusinessRow, find_businesses, shown_to_staff
from bot.storage.queries.filters import (
    DRIVE_FROM_THEMES_BELOW,
    MAX_SEARCH_TERMS,
    NONE_LABEL,
    PER_PAGE_DEFAULT,
    PER_PAGE_MAX,
    UK_TIMEZONE,
    ResponseFilter,
    search_terms,
    uk_midnight_utc,
)
from bot.storage.queries.listing import (
    SEARCH_PROBE,
    ResponseDetail,
    business_responses,
    count_responses,
    evidence_for,
    facets,
    iter_responses,
    last_response_id,
    list_responses,
    next_unreviewed,
    response_detail,
)
from bot.storage.queries.overview import Overview, island_and_seabed, overview, weekly_counts
from bot.storage.queries.rows import (
    Page,
    ResponseRow,
    ThemeTag,
    attach_themes,
    winning_sources,
)

__all__ = [
    "DRIVE_FROM_THEMES_BELOW",
    "LOGIN_ACTIONS",
    "MAX_SEARCH_TERMS",
    "NONE_LABEL",
    "PER_PAGE_DEFAULT",
    "PER_PAGE_MAX",
    "SEARCH_PROBE",
    "UK_TIMEZONE",
    "Agreement",
    "BusinessRow",
    "Overview",
    "Page",
    "ResponseDetail",
    "ResponseFilter",
    "ResponseRow",
    "ThemeAgreement",
    "ThemeTag",
    "agreement",
    "attach_themes",
    "audit_actions",
    "audit_log",
    "business_responses",
    "count_responses",
    "evidence_for",
    "facets",
    "find_businesses",
    "shown_to_staff",
    "island_and_seabed",
    "iter_responses",
    "last_response_id",
    "list_responses",
    "next_unreviewed",
    "overview",
    "response_detail",
    "search_terms",
    "set_f1",
    "uk_midnight_utc",
    "weekly_counts",
    "winning_sources",
]
