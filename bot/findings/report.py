"""The board report: per island and seabed driver, counts, breakdowns, sub-themes, quotes and
staff's summary; written as HTML (SVG charts), DOCX (python-docx, PNG charts) or PDF.

PDF is WeasyPrint rendering the same HTML with PNG charts: it runs in-process on the server
(no browser to install or drive in production), needs only Debian's pango, and prints
paged CSS properly. Quotes leave only redacted (bot/findings/quotes.py); businesses are
never named except through a quote whose organisation agreed to be named.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.findings import quotes as quote_store
from bot.findings.subthemes import counts_by_theme
from bot.storage.audit import audit
from bot.storage.channel_names import channel_label
from bot.storage.models import (
    Business,
    Conversation,
    EffectiveTheme,
    ReportSummary,
    Response,
    utcnow,
)
from bot.storage.queries.filters import uk_time
from bot.strategy import load_themes

FORMATS = ("html", "docx", "pdf")
NOT_GIVEN = "Not given"
MAX_SUMMARY_CHARS = 5000
BREAKDOWNS = (("sector", "Sector"), ("size", "Size"), ("place", "Place"), ("source", "Source"))
TOP_CATEGORIES = 8  # more than this many categories: the rest are summed as "Other"


@dataclass
class ThemeReport:
    id: str
    name: str
    kind: str
    responses: int = 0
    businesses: int = 0
    breakdowns: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    subthemes: list[tuple[str, int]] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (redacted text, who)
    summary: str = ""


@dataclass
class ReportData:
    generated_at: datetime
    total_responses: int
    total_businesses: int
    themes: list[ThemeReport]

    @property
    def produced(self) -> str:
        """When it was made, in UK time as every staff page shows times ("01 July 2026 13:00
        BST"): it said UTC, an hour off all summer (staff probe s45)."""
        return uk_time(self.generated_at).strftime("%d %B %Y %H:%M %Z")

    @property
    def islands(self) -> list[ThemeReport]:
        return [t for t in self.themes if t.kind == "island"]

    @property
    def seabed(self) -> list[ThemeReport]:
        return [t for t in self.themes if t.kind != "island"]


def _top(counter: Counter, limit: int = TOP_CATEGORIES) -> list[tuple[str, int]]:
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ordered) <= limit:
        return ordered
    head, rest = ordered[: limit - 1], ordered[limit - 1 :]
    return [*head, ("Other", sum(n for _, n in rest))]


def _who(view: quote_store.QuoteView) -> str:
    parts = [p for p in (view.sector, f"{view.size_band} staff" if view.size_band else None) if p]
    if view.named_consent and view.organisation:
        parts.insert(0, view.organisation)
    return ", ".join(parts) or "A Buckinghamshire business"


def collect(session: Session) -> ReportData:
    """Everything the report shows, in one pass over the tagged responses."""
    themes = load_themes()
    reports = {t.id: ThemeReport(t.id, t.name, t.kind) for t in themes}
    per: dict[str, dict[str, Counter]] = {
        t.id: {k: Counter() for k, _ in BREAKDOWNS} for t in themes
    }
    theme_businesses: dict[str, set[int]] = {t.id: set() for t in themes}
    rows = session.execute(
        select(
            EffectiveTheme.theme_id,
            Business.id,
            Business.sector,
            Business.size_band,
            Business.location,
            Conversation.channel,
        )
        .join(Response, Response.id == EffectiveTheme.response_id)
        .join(Conversation, Conversation.id == Response.conversation_id)
        .join(Business, Business.id == Conversation.business_id)
    )
    for theme_id, business_id, sector, size, place, channel in rows:
        if theme_id not in reports:
            continue
        reports[theme_id].responses += 1
        theme_businesses[theme_id].add(business_id)
        counters = per[theme_id]
        counters["sector"][sector or NOT_GIVEN] += 1
        counters["size"][size or NOT_GIVEN] += 1
        counters["place"][place or NOT_GIVEN] += 1
        counters["source"][channel_label(channel) or NOT_GIVEN] += 1
    subthemes = counts_by_theme(session)
    summaries = {s.theme_id: s.text for s in session.scalars(select(ReportSummary))}
    quotes: dict[str, list[tuple[str, str]]] = {}
    for view in quote_store.quotes(session):
        quotes.setdefault(view.theme_id, []).append((view.redacted, _who(view)))
    for theme_id, report in reports.items():
        report.businesses = len(theme_businesses[theme_id])
        report.breakdowns = {k: _top(per[theme_id][k]) for k, _ in BREAKDOWNS}
        report.subthemes = subthemes.get(theme_id, [])
        report.quotes = quotes.get(theme_id, [])
        report.summary = summaries.get(theme_id, "")
    total_responses = session.scalar(select(func.count(Response.id))) or 0
    total_businesses = (
        session.scalar(
            select(func.count(func.distinct(Conversation.business_id))).join(
                Response, Response.conversation_id == Conversation.id
            )
        )
        or 0
    )
    return ReportData(utcnow(), total_responses, total_businesses, [reports[t.id] for t in themes])


def save_summary(session: Session, theme_id: str, text: str, actor: str) -> None:
    """Store staff's summary paragraph for a theme (empty removes it); audited by size."""
    from bot.strategy import THEME_IDS

    if theme_id not in THEME_IDS:
        raise ValueError(f"unknown theme {theme_id!r}")
    text = (text or "").strip()
    if len(text) > MAX_SUMMARY_CHARS:
        raise ValueError(f"a summary may have at most {MAX_SUMMARY_CHARS} characters")
    row = session.get(ReportSummary, theme_id)
    if not text:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(ReportSummary(theme_id=theme_id, text=text, updated_by=actor))
    else:
        row.text, row.updated_by = text, actor
    audit(
        session,
        actor=actor,
        action="report_summary",
        detail={"theme": theme_id, "chars": len(text)},
    )


def render_html(data: ReportData, chart_kind: str = "svg") -> str:
    """The report as one self-contained HTML document (charts inline: SVG, or PNG data URIs
    for the PDF renderer)."""
    from bot.findings.report_html import render

    return render(data, chart_kind)


def write(data: ReportData, out: Path) -> Path:
    """Write the report to `out`; the format comes from its suffix."""
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"the report can be written as .{', .'.join(FORMATS)}, not {out.name}")
    from bot.storage.files import replaced_whole

    # whole or not at all: a full disk left an empty or cut-off report (fault probe s45)
    if suffix == "html":
        with replaced_whole(out) as text:
            text.write(render_html(data))
    elif suffix == "docx":
        from bot.findings.report_docx import write_docx

        with replaced_whole(out, binary=True) as docx:
            write_docx(data, cast(BinaryIO, docx))
    else:
        pdf = to_pdf(data)
        with replaced_whole(out, binary=True) as binary:
            binary.write(pdf)
    return out


def pdf_fetcher() -> Any:
    """WeasyPrint's fetcher for the report: the charts are embedded `data:` URLs and nothing
    else is fetched, so text that ever slipped past escaping could not read a local file
    (`file:///...`) or reach the network into the PDF."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def to_pdf(data: ReportData) -> bytes:
    from weasyprint import HTML

    html = render_html(data, chart_kind="png")
    return HTML(string=html, url_fetcher=pdf_fetcher()).write_pdf()


def to_bytes(data: ReportData, fmt: str) -> bytes:
    """The report in `fmt` as bytes (downloads from the staff app)."""
    if fmt == "html":
        return render_html(data).encode("utf-8")
    if fmt == "pdf":
        return to_pdf(data)
    if fmt == "docx":
        import io

        from bot.findings.report_docx import write_docx

        buffer = io.BytesIO()
        write_docx(data, buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown report format {fmt!r}")
