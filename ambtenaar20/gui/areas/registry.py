"""Which areas the window has, in which order, and how each is built.

The main window only knows this list; an area is a key, a label, an icon and the widget class
that gets the application's services. Adding a capability means naming its widget here.
"""

from __future__ import annotations

import importlib
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
    #: Where the area's widget class lives, as "package.module:ClassName"; imported when the
    #: area is first built (or warmed up in the background), never at start-up.
    widget: str
    window_commands: tuple[WindowCommand, ...] = ()

    @property
    def module(self) -> str:
        return self.widget.partition(":")[0]

    def factory(self, context: AppContext, parent: QWidget | None) -> QWidget:
        module, _, class_name = self.widget.partition(":")
        return getattr(importlib.import_module(module), class_name)(context, parent)


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("follow", N_("Follow"), N_("Topics and feeds"),
             QStyle.StandardPixmap.SP_FileDialogContentsView,
             "ambtenaar20.gui.areas.following.area:FollowingArea"),
    AreaSpec("write", N_("Write"), N_("Drafts checked against the guidelines"),
             QStyle.StandardPixmap.SP_FileDialogDetailedView,
             "ambtenaar20.gui.areas.writing.area:WritingArea"),
    AreaSpec("log", N_("Log"), N_("Your interactions"),
             QStyle.StandardPixmap.SP_FileDialogListView,
             "ambtenaar20.gui.logbook.log_view:LogView",
             (WindowCommand(N_("Add to the &log…"), "Ctrl+L", "open_quick_add"),)),
    AreaSpec("report", N_("Reports"), N_("Export for your manager"),
             QStyle.StandardPixmap.SP_DialogSaveButton,
             "ambtenaar20.gui.logbook.report_view:ReportView"),
)
