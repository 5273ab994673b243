"""The ``ID`` argument of the commands that name one record: a log entry, a draft, an item.

One parser for all of them, so each refuses a bad number the same way: a whole number from 1
up to SQLite's largest integer, else a one-line usage error (exit 2) instead of an overflow
inside the database.
"""

from __future__ import annotations

import argparse

_MAX_ID = 2 ** 63 - 1


def record_number(text: str, refusal: str) -> int:
    """``text`` as a record number, or ``refusal`` (with ``{value}``) as an argparse error."""
    try:
        number = int(text.strip())
    except ValueError:
        number = 0
    if not 1 <= number <= _MAX_ID:
        raise argparse.ArgumentTypeError(refusal.format(value=text))
    return number
