"""Log to a rotating file in the data directory, so problems can be traced afterwards.

Nothing personal or secret is logged on purpose; the file stays on the laptop.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5


def configure_file_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Send the root logger to ``log_file`` (rotating); idempotent for the same file."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(log_file):
            return
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
