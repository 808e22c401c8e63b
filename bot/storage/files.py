"""Files the bot writes for people (exports, the board report): whole or not at all.

Fault probe s45: `bucks-lis export --output` truncated the file before writing, so on a full
disk the good export from before was gone and the file left was cut off mid-row (it looked
like an export); the report left an empty file. Both were tracebacks.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any


@contextmanager
def replaced_whole(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A file to write that becomes `path` only once all of it is on disk.

    It is written beside `path` and renamed over it (atomic on one file system), so a
    failure (a full disk, Ctrl-C) leaves `path` as it was and no partial file behind. The
    file is owner-only, as a new temporary file is: exports hold personal data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        out: IO[Any] = (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        )
        with out:
            yield out
            out.flush()
            os.fsync(out.fileno())  # on disk before the rename: a crash leaves old or new
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_failed(path: Path | str, error: OSError, kept: bool = True) -> str:
    """What to tell the operator when writing `path` failed (`kept`: written whole-or-not)."""
    why = (
        "the disk is full"
        if error.errno in (errno.ENOSPC, errno.EDQUOT)
        else (error.strerror or str(error))
    )
    if not kept:
        return f"could not write {path}: {why}; what was written is incomplete"
    return f"could not write {path}: {why}. Nothing was written; any earlier file is unchanged"
