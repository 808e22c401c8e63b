"""The `bucks-lis` command. Each sub-module adds the commands for one job."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Buckinghamshire LIS consultation bot: run, tag, review, export."""


def _register() -> None:
    from bot.cli import data, database, run, staff, tagger

    for module in (data, database, run, staff, tagger):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
