"""Numbers as the reader writes them: "0,3 uur" and "61.635 minuten" in Dutch, "0.3 hours" and
"61,635 minutes" in English.

For what people read (the report, the window); CSV, JSON and Excel cells keep plain numbers,
which the reader's own program shows in its locale.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ambtenaar20.core.i18n import current_language


def _locale() -> QLocale:
    return QLocale("nl_NL" if current_language() == "nl" else "en_GB")


def decimal_text(value: float, digits: int = 1, *, signed: bool = False) -> str:
    """``value`` with ``digits`` decimals in the interface's language (``signed``: "+0,15")."""
    text = _locale().toString(float(value), "f", digits)
    return f"+{text}" if signed and value >= 0 else text


def whole_number_text(value: int) -> str:
    """``value`` with the interface language's thousands separator: "61.635", "61,635"."""
    return _locale().toString(int(value))
