"""Numbers as the reader writes them: "0,3 uur" and "61.635 minuten" in Dutch, "0.3 hours" and
"61,635 minutes" in English.

For what people read (the report, the window, the command line's totals); CSV, JSON and Excel
cells keep plain numbers, which the reader's own program shows in its locale. In core, without
Qt: ``log list`` groups its totals too, and a command never loads Qt for a separator.
"""

from __future__ import annotations

from ambtenaar20.core.i18n import current_language


def _as_written(text: str) -> str:
    """Python's English separators ("1,234.5"), swapped for Dutch ("1.234,5")."""
    if current_language() != "nl":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def decimal_text(value: float, digits: int = 1, *, signed: bool = False) -> str:
    """``value`` with ``digits`` decimals in the interface's language (``signed``: "+0,15")."""
    text = _as_written(f"{float(value):,.{digits}f}")
    return f"+{text}" if signed and value >= 0 else text


def whole_number_text(value: int) -> str:
    """``value`` with the interface language's thousands separator: "61.635", "61,635"."""
    return _as_written(f"{int(value):,}")
