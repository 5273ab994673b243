"""Write files so that a crash leaves either the old or the new content, never half of it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(target: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``target``; on success fsync it and rename it over ``target``.

    On any exception the temporary file is removed and ``target`` is left untouched.
    """
    target = Path(target)
    binary = "b" in mode
    import tempfile  # not at import: every start reads the settings, few write them

    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp_path = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline="" if not binary
                       else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise
    _fsync_directory(target.parent)


def atomic_write_text(target: Path, text: str) -> None:
    with atomic_writer(target) as handle:
        handle.write(text)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_writer(target, "wb") as handle:
        handle.write(data)


def _fsync_directory(directory: Path) -> None:
    # The rename is only durable once the directory entry is on disk (POSIX); Windows has no
    # directory handles to fsync, and there the rename is already durable.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
