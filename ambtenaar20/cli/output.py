"""Printing command results: JSON for scripts (``--format json``), aligned text for people.

Text shows moments on this computer's clock, as the window does (``gui.local_time``); JSON keeps
them as stored, the contract scripts rely on.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from ambtenaar20.core.i18n import _


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=_("output format: text (default) or json"))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [max(len(str(row[index])) for row in rows) for index in range(len(rows[0]))]
    for row in rows:
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)]
        print("  ".join(cells).rstrip())


def local_time(moment: str | datetime | None) -> str:
    """A stored moment (UTC or with an offset) as text shows it: local ``YYYY-MM-DD HH:MM``.

    Anything that is no moment is shown as it is; nothing at all as "-".
    """
    if moment is None or moment == "":
        return "-"
    if isinstance(moment, datetime):
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    from ambtenaar20.gui.local_time import local_moment

    found = local_moment(moment)
    return found.strftime("%Y-%m-%d %H:%M") if found else moment
