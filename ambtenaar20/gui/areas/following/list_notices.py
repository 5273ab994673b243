"""What the item list says about itself: why it is empty, or that its feed is failing.

An empty list said nothing, and a search with a mistake left the previous rows on screen with
the error in the status bar only: an officer took those rows for the answer. A failing feed's
problem was in its tooltip only, which needs a mouse. These texts are shown in the list area
(``ItemTable.set_placeholder`` in the empty list, ``NoticeLine`` above a list with rows).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.following.queries import Selection
from ambtenaar20.gui.local_time import full_moment


def feed_problem(feed: dict[str, Any]) -> str | None:
    """A failing feed's last problem (already in plain words) and when it last worked."""
    if feed.get("last_status") != "error" or not feed.get("last_error"):
        return None
    problem, success = _sentence(feed["last_error"]), feed.get("last_success")
    if not success:
        return _("This feed could not be fetched: {problem} It has never been fetched.").format(
            problem=problem)
    return _("This feed could not be fetched: {problem} Last fetched: {when}.").format(
        problem=problem, when=full_moment(success))


def list_texts(selection: Selection, total: int, problem: str | None) -> tuple[str, str | None]:
    """What the list of ``selection`` (``total`` items) says: in it while it is empty, and
    above its rows. ``problem``: its feed's (``feed_problem``), when it is a failing feed's."""
    if selection.refused:
        return selection.refused, None
    if selection.query and not total:
        return no_hits(selection.query), None
    if problem:
        return ("", problem) if total else (problem, None)
    return "", None


def no_hits(query: str) -> str:
    return "\n".join((
        _("No items found for “{query}”.").format(query=query),
        _("Check the spelling, try fewer words or a word's start with * (regen*), or clear the "
          "search to see all items again.")))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


class NoticeLine(QLabel):
    """One line above the panes for what the officer should know about the list shown; hidden
    when there is nothing to say. A label, so screen readers read it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(_("About this list"))
        self.setStyleSheet("QLabel { padding: 4px; border: 1px solid palette(mid); }")
        self.hide()

    def say(self, text: str | None) -> None:
        self.setText(text or "")
        self.setAccessibleDescription(text or "")
        self.setVisible(bool(text))
