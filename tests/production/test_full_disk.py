"""A full disk under SQLite: a clear error, nothing half-written, and writes work again once
space is freed. The database lives on a 4 MB tmpfs (needs root to mount)."""

from __future__ import annotations

import errno
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from bot.consultation import service
from bot.storage.db import StorageFull, create_schema, engine_for, session_scope
from bot.storage.models import Response, ResponseTheme
from bot.strategy import THEME_IDS
from bot.tagging import TagResult


@pytest.fixture()
def tiny_disk() -> Iterator[Path]:
    mount = Path(tempfile.mkdtemp(prefix="bucks-lis-full-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)
    mount.rmdir()


@pytest.fixture()
def on_tiny_disk(tiny_disk: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    import bot.tagging
    from bot.config import settings

    def tag(text: str, question_key: str | None = None) -> TagResult:
        scores = {t: 0.9 if t == "education_skills" else 0.1 for t in THEME_IDS}
        return TagResult(
            themes=["education_skills"],
            scores=scores,
            evidence={"education_skills": ["skills"]},
            model_version="test-1",
        )

    monkeypatch.setattr(bot.tagging, "tag", tag)
    url = f"sqlite:///{tiny_disk / 'bot.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings.cache_clear()
    create_schema(engine_for(url))
    yield url
    engine_for(url).dispose()
    engine_for.cache_clear()
    settings.cache_clear()


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_full_disk_is_a_clear_error_and_nothing_is_half_written(
    on_tiny_disk: str, tiny_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    service.record_consent("biz", "rest", agreed=True)
    kept = [
        service.record_answer("biz", "rest", f"We need skills {i}", "q", "Q?") for i in range(3)
    ]
    assert all(kept)
    filler = _fill(tiny_disk)

    long_answer = "Skills matter to us because " + "we train apprentices every year " * 400
    with pytest.raises(StorageFull, match="disk is full: nothing was stored"):
        for i in range(50):  # the first write that does not fit
            service.record_answer("biz", "rest", f"{long_answer} {i}", "q", "Q?")
    assert "database disk full: write rolled back" in caplog.text

    # SQLite cannot even open a connection on a full disk (its -shm file); free the space,
    # then look: only whole answers are there.
    filler.unlink()
    with session_scope(engine_for(on_tiny_disk)) as session:
        stored = session.scalars(select(Response.text).order_by(Response.id)).all()
        untagged = session.scalar(
            select(func.count(Response.id)).where(
                ~Response.id.in_(select(ResponseTheme.response_id))
            )
        )
    assert stored == [a.text for a in kept]  # the failed answer is not there at all
    assert untagged == 0  # every stored answer has its themes: nothing half-written
    engine = create_engine(on_tiny_disk)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    engine.dispose()

    again = service.record_answer("biz", "rest", "We need skills again", "q", "Q?")
    assert again is not None and again.themes == ["education_skills"]
