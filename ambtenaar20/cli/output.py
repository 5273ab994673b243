"""Printing command results: JSON for scripts (``--format json``), aligned text for people."""

from __future__ import annotations

import argparse
import json
import sys
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
