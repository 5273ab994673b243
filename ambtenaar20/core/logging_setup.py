"""Log to a rotating file in the data directory, so problems can be traced afterwards.

Nothing personal or secret is logged on purpose; the file stays on the laptop. The rotating
handler is made when the first record arrives: most commands log nothing, and
``logging.handlers`` (which loads socket, pickle and queue) cost ~5 ms at every start.

A log file that cannot be written (a read-only data folder, a full disk) loses its records
quietly: logging's own complaint is a traceback per record on stderr, around the one-line
message the officer should read.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
#: Libraries that log every request at INFO: the log would list every feed address fetched
#: (private feeds can carry a token in theirs) and grow by a line per feed per refresh. Their
#: warnings still reach the log; failures are logged by the app in its own words.
QUIET_LIBRARIES = ("httpx", "httpcore")


def configure_file_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Send the root logger to ``log_file`` (rotating); idempotent for the same file."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(log_file):
            return
    # When the folder cannot be made, the handler drops what it cannot write; the command
    # itself says what is wrong with the data folder.
    with contextlib.suppress(OSError):
        log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingLogOnFirstUse(log_file)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


class RotatingLogOnFirstUse(logging.Handler):
    """A ``RotatingFileHandler`` for ``log_file``, made when the first record is logged."""

    def __init__(self, log_file: Path) -> None:
        super().__init__()
        self.baseFilename = str(log_file)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(
                self.baseFilename, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                encoding="utf-8", delay=True)
            self._file.setFormatter(self.formatter)
            # Opening, writing or rotating failed: the record is lost, and the next one tries
            # again (the folder may be writable by then).
            self._file.handleError = _drop_record
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _drop_record(record: logging.LogRecord) -> None:
    """Instead of ``Handler.handleError``, which prints a traceback on stderr."""
