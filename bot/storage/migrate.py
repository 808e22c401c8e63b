"""Run Alembic migrations programmatically (used by the CLI, `bucks-lis run` and tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from bot.config import PROJECT_ROOT, settings


def alembic_config(database_url: str | None = None) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", database_url or settings().database_url)
    return cfg


def upgrade(revision: str = "head", database_url: str | None = None) -> None:
    """Bring our tables to `revision` (Rasa's `events` table is Rasa's own)."""
    command.upgrade(alembic_config(database_url), revision)
