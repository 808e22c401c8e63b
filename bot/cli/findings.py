"""`bucks-lis subthemes` and `bucks-lis report`: findings for the board."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.strategy import THEME_IDS


@click.command("subthemes")
@click.option(
    "--theme",
    "theme_id",
    required=True,
    type=click.Choice(THEME_IDS),
    help="the island or seabed driver",
)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True
)
@click.option(
    "--no-run", is_flag=True, help="only print what is stored (do not place new responses first)"
)
def subthemes(theme_id: str, fmt: str, no_run: bool) -> None:
    """Find the distinct points made within a theme, keeping staff's curation, and print them.

    Every response on the theme is in exactly one sub-theme or in "unassigned".
    """
    from bot.findings import subthemes as st
    from bot.storage.db import session_scope

    with session_scope() as session:
        if not no_run:
            result = st.run(session, theme_id, actor="cli")
            click.echo(
                f"{result.responses} responses: {result.kept} kept, {result.joined} joined "
                f"curated sub-themes, {result.proposed} new sub-themes proposed, "
                f"{result.unassigned} unassigned",
                err=True,
            )
        found = st.listing(session, theme_id, with_representatives=fmt == "text")
    if fmt == "json":
        click.echo(json.dumps(found.as_json(), ensure_ascii=False))
        return
    for view in found.subthemes:
        mark = "" if view.curated else " (proposed)"
        click.echo(f"[{view.id}] {view.label}{mark}: {view.count}")
        for _, text in view.representatives:
            click.echo(f"    - {text[:120]}")
    click.echo(f"unassigned: {len(found.unassigned)}")


@click.command("report")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="file to write: .html, .docx or .pdf",
)
def report(out: Path) -> None:
    """Write the board report (every island and seabed driver) as HTML, DOCX or PDF."""
    from bot.findings.report import FORMATS, collect, write
    from bot.storage.db import session_scope

    suffix = out.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise click.BadParameter(
            f"the file must end in one of: .{', .'.join(FORMATS)}", param_hint="--out"
        )
    from bot.storage.files import write_failed

    with session_scope() as session:
        data = collect(session)
    try:
        write(data, out)
    except OSError as error:  # a full disk: said plainly, no file left (fault probe s45)
        raise click.ClickException(write_failed(out, error)) from None
    click.echo(f"wrote {out} ({data.total_responses} responses)", err=True)


COMMANDS = [subthemes, report]
