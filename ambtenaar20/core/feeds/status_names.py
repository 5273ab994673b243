"""The words shown for a feed's last refresh status; the stored values stay machine words.

``feeds list --format json`` and ``refresh --format json`` print the stored values
(``ok``, ``not_modified``, ``error``); people read these instead.
"""

from __future__ import annotations

from ambtenaar20.core.i18n import N_, _

_NAMES = {"ok": N_("ok"), "not_modified": N_("unchanged"), "error": N_("error")}


def status_name(status: str | None) -> str:
    """``status`` in the interface's language; "not fetched yet" when there is none."""
    if not status:
        return _("not fetched yet")
    return _(_NAMES[status]) if status in _NAMES else status
