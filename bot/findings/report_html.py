"""The board report as one self-contained HTML document (Jinja2, autoescaped)."""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bot.findings import charts
from bot.findings.report import BREAKDOWNS, ReportData, ThemeReport

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def chart_panels(theme: ThemeReport) -> list[tuple[str, list[tuple[str, int]]]]:
    """The four breakdowns of a theme, as (heading, rows)."""
    return [
        (f"Responses by {name.lower()}", theme.breakdowns.get(key, [])) for key, name in BREAKDOWNS
    ]


def theme_png(theme: ThemeReport) -> bytes:
    return charts.png_panels(theme.name, chart_panels(theme))


def _png_img(theme: ThemeReport) -> Markup:
    data = base64.b64encode(theme_png(theme)).decode("ascii")
    return Markup(
        f'<img class="chart-png" alt="Breakdowns of responses on {{}}" '
        f'src="data:image/png;base64,{data}">'
    ).format(theme.name)


def render(data: ReportData, chart_kind: str = "svg") -> str:
    def theme_charts(theme: ThemeReport) -> Markup:
        if not theme.responses:
            return Markup("")
        if chart_kind == "png":
            return _png_img(theme)
        return Markup("").join(charts.svg_bars(title, rows) for title, rows in chart_panels(theme))

    return _env().get_template("report.html").render(data=data, theme_charts=theme_charts)
