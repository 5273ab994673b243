"""Which areas the window has, in which order, and how each is built.

The main window only knows this list; an area is a key, a label, an icon and a factory that gets
the application's services. Adding a capability means swapping its factory here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QStyle, QWidget

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import N_


@dataclass(frozen=True)
class WindowCommand:
    """An area's command the window offers in every area, e.g. Ctrl+L: add to the log."""

    #: Untranslated menu text.
    label: str
    shortcut: str
    #: Method of the area widget that carries it out.
    method: str


@dataclass(frozen=True)
class AreaSpec:
    key: str
    #: Untranslated label; translated when the window is built.
    label: str
    description: str
    icon: QStyle.StandardPixmap
    factory: Callable[[AppContext, QWidget | None], QWidget]
    window_commands: tuple[WindowCommand, ...] = ()


def _following(context: AppContext, parent: QWidget | None) -> QWidget:
    from ambtenaar20.gui.areas.following.area import FollowingArea

    return FollowingArea(context, parent)


def _log_view(context: AppContext, parent: QWidget | None) -> QWidget:
    from ambtenaar20.gui.logbook.log_view import LogView

    return LogView(context, parent)


def _report_view(context: AppContext, parent: QWidget | None) -> QWidget:
    from ambtenaar20.gui.logbook.report_view import ReportView

    return ReportView(context, parent)


def _writing_area(context: AppContext, parent: QWidget | None) -> QWidget:
    from ambtenaar20.gui.areas.writing.area import WritingArea

    return WritingArea(context, parent)


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("follow", N_("Follow"), N_("Topics and feeds"),
             QStyle.StandardPixmap.SP_FileDialogContentsView,
             _following),
    AreaSpec("write", N_("Write"), N_("Drafts checked against the guidelines"),
             QStyle.StandardPixmap.SP_FileDialogDetailedView,
             _writing_area),
    AreaSpec("log", N_("Log"), N_("Your interactions"),
             QStyle.StandardPixmap.SP_FileDialogListView,
             _log_view,
             (WindowCommand(N_("Add to the &log…"), "Ctrl+L", "open_quick_add"),)),
    AreaSpec("report", N_("Reports"), N_("Export for your manager"),
             QStyle.StandardPixmap.SP_DialogSaveButton,
             _report_view),
)
