"""Empty states for areas whose capability has not been built into this version yet.

They say honestly what the area is for and that it is not available yet; they never show fake
data. Each area's own module replaces its entry in ``gui/areas/registry.py``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.empty_state import EmptyState


def following_placeholder(parent: QWidget | None = None) -> QWidget:
    return EmptyState(
        _("No feeds yet"),
        _("Here you will follow your policy topics: news, blogs and social media feeds, with "
          "an inbox per topic and the tone of what is said. Following feeds is not available "
          "in this version yet."),
        parent,
    )


def log_placeholder(parent: QWidget | None = None) -> QWidget:
    return EmptyState(
        _("The log is empty"),
        _("Here you will keep track of your replies, answered questions and corrections, so "
          "you can show what you did. The log is not available in this version yet."),
        parent,
    )


def report_placeholder(parent: QWidget | None = None) -> QWidget:
    return EmptyState(
        _("Nothing to report yet"),
        _("Here you will export your log for your manager as CSV, Excel, PDF or JSON, "
          "pseudonymised if you wish. Reports are not available in this version yet."),
        parent,
    )
