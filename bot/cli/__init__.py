"""The `bucks-lis` command. Each sub-module adds the commands for one job."""

from __future__ import annotations

import os

import click

# Quiet the libraries Rasa brings in (SQLAlchemy 2.0 notice, TensorFlow start-up chatter).
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Buckinghamshire LIS consultation bot: run, tag, review, export."""


def _register() -> None:
    from bot.cli import data, database, findings, production, responses, run, staff, tagger, x

    for module in (data, database, production, run, staff, tagger, responses, findings, x):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
