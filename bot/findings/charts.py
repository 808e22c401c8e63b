"""Report charts: hand-written SVG for HTML, matplotlib PNG for DOCX and PDF.

SVG uses presentation attributes only (no inline CSS), so it shows under the staff app's
Content-Security-Policy; every label is escaped.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from markupsafe import Markup, escape

BAR = "#1d70b8"
TEXT = "#0b0c0c"
ROW = 24
LABEL_W = 220
BAR_W = 300


def svg_bars(title: str, rows: Sequence[tuple[str, int]]) -> Markup:
    """A horizontal bar chart of (label, count) rows as an inline <svg>."""
    height = max(len(rows), 1) * ROW + 30
    top = max((n for _, n in rows), default=0)
    parts = [
        f'<svg class="report-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 {height}"'
        f' width="600" height="{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="bold" fill="{TEXT}">'
        f"{escape(title)}</text>",
    ]
    if not rows:
        parts.append(f'<text x="0" y="40" font-size="13" fill="{TEXT}">No responses</text>')
    for i, (label, count) in enumerate(rows):
        y = 26 + i * ROW
        width = (count / top) * BAR_W if top else 0
        short = label if len(label) <= 32 else label[:31] + "…"
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="13" fill="{TEXT}">{escape(short)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{width:.1f}" height="{ROW - 8}" fill="{BAR}">'
            f"<title>{escape(label)}: {count}</title></rect>"
            f'<text x="{LABEL_W + width + 6:.1f}" y="{y + 15}" font-size="13" fill="{TEXT}">'
            f"{count}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def png_panels(title: str, panels: Sequence[tuple[str, Sequence[tuple[str, int]]]]) -> bytes:
    """One PNG with a horizontal bar chart per (heading, rows) panel, two to a row."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    cols = 2
    lines = max((len(rows) for _, rows in panels), default=1) or 1
    rows_n = (len(panels) + cols - 1) // cols
    fig = Figure(figsize=(9, rows_n * (0.3 * lines + 0.9)), dpi=110)
    # parse_math=False on every text: labels are what businesses typed, and matplotlib read
    # "$...$" in them as TeX; "$x^$" raised and the Word and PDF reports failed for everyone
    # (attack probe s43)
    fig.suptitle(title, fontsize=11, x=0.01, ha="left", parse_math=False)
    for i, (heading, rows) in enumerate(panels):
        ax = fig.add_subplot(rows_n, cols, i + 1)
        labels = [lab if len(lab) <= 26 else lab[:25] + "…" for lab, _ in rows][::-1]
        values = [n for _, n in rows][::-1]
        ax.barh(range(len(values)), values, color=BAR)
        ax.set_yticks(range(len(values)))
        ax.set_yticklabels(labels, fontsize=8, parse_math=False)
        ax.set_title(heading, fontsize=9, loc="left", parse_math=False)
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for pos, value in enumerate(values):
            ax.text(value, pos, f" {value}", va="center", fontsize=7, parse_math=False)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if not values:
            ax.text(0.5, 0.5, "No responses", ha="center", va="center", transform=ax.transAxes)
            ax.set_xticks([])
    # Fixed margins: tight_layout measured every label and took half the time.
    fig.subplots_adjust(
        left=0.2,
        right=0.97,
        top=1 - 0.45 / fig.get_figheight(),
        bottom=0.3 / fig.get_figheight(),
        wspace=0.75,
        hspace=0.45,
    )
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
