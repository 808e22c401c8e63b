"""Files the bot writes for people (exports, the board report): whole or not at all.

Fault probe s45: `bucks-lis export --output` truncated the file before writing, so on a full
disk the good export from before was gone and the file left was cut off mid-row (it looked
like an export); the report left an empty file. Both were tracebacks.
"""

from __future__ import annotations

import errno
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

# Signals whose default is to end the process at once, skipping all clean-up.
_STOPPING = (signal.SIGTERM, signal.SIGHUP)


def _raise_exit(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _stop_cleanly() -> Iterator[None]:
    """While a file is written, a stop signal raises SystemExit so the clean-up below runs.

    Fault probe s46: SIGTERM (a service manager, `timeout`, a container stop) ended Python
    without unwinding, leaving the `.part` file, personal data cut off mid-row, for good. A
    handler someone installed (`bucks-lis run`'s supervisor) is left alone; only the main
    thread may install one."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    mine = [s for s in _STOPPING if signal.getsignal(s) is signal.SIG_DFL]
    for signum in mine:
        signal.signal(signum, _raise_exit)
    try:
        yield
    finally:
        for signum in mine:
            signal.signal(signum, signal.SIG_DFL)


@contextmanager
def replaced_whole(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A file to write that becomes `path` only once all of it is on disk.

    It is written beside `path` and renamed over it (atomic on one file system), so a
    failure (a full disk, Ctrl-C) leaves `path` as it was and no partial file behind. The
    file is owner-only, as a new temporary file is: exports hold personal data. SIGTERM or
    SIGHUP while it is written ends the process only after the partial file is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _stop_cleanly():
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
