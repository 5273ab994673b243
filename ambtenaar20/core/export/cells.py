"""The columns of the spreadsheet formats and the formula guard for their cells.

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some programs,
a tab or carriage return) as a formula, so text a citizen wrote could run as one when the
manager opens the file ("CSV injection"). In CSV such text gets a leading apostrophe, which
spreadsheets show as plain text. XLSX does not need it: there the text is stored as a string cell
(see ``xlsx_format``), so its rows are built with ``clean`` instead of ``neutralise``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ambtenaar20.core.i18n import N_, _
from ambtenaar20.core.logbook.kinds import direction_label, kind_label
from ambtenaar20.core.logbook.model import Interaction
from ambtenaar20.core.logbook.platforms import platform_label

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: (field, untranslated header)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", N_("No.")),
    ("occurred_at", N_("Date and time")),
    ("platform", N_("Platform")),
    ("kind", N_("Kind")),
    ("direction", N_("Direction")),
    ("topic", N_("Topic")),
    ("counterpart", N_("Counterpart")),
    ("url", N_("URL")),
    ("summary", N_("Summary")),
    ("minutes", N_("Minutes")),
    ("outcome", N_("Outcome")),
    ("follow_up", N_("Follow-up")),
    ("draft_id", N_("Draft")),
    ("item_id", N_("Feed item")),
)


#: Control characters XML (and so XLSX) cannot hold; tab, newline and CR are allowed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """The text without the control characters XML cannot hold."""
    return _CONTROL.sub("", text)


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """Text that a spreadsheet could take for a formula, made inert (control codes removed)."""
    text = clean(text)
    return "'" + text if looks_like_formula(text) else text


def headers(text: Callable[[str], str] = neutralise) -> list[str]:
    return [text(_(label)) for _field, label in COLUMNS]


def typed_row(entry: Interaction, text: Callable[[str], str] = neutralise) -> list[Any]:
    """The entry's cells with their types: naive local datetime, date, int, str or None.

    ``text`` prepares every text cell: ``neutralise`` for CSV, ``clean`` for XLSX.
    """
    values: list[Any] = []
    for name, _label in COLUMNS:
        value = getattr(entry, name)
        if name == "occurred_at":
            value = value.replace(tzinfo=None)  # spreadsheets have no zones: local wall time
        elif name == "kind":
            value = kind_label(value)
        elif name == "platform":
            value = platform_label(value)
        elif name == "direction":
            value = direction_label(value)
        if isinstance(value, str):
            value = text(value)
        values.append(value)
    return values


def text_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
