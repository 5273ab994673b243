"""Which areas the window has, in which order, and how each is built.

The main window only knows this list; an area is a key, a label, an icon and the widget class
that gets the application's services. Adding a capability means naming its widget here.

This module does not import Qt: the start-up reads it before PySide6 has loaded, to begin the
first screen's queries (``first_screen``) while the window is still being built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambtenaar20.core.i18n import N_

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ambtenaar20.core.app_context import AppContext


ICONS = Path(__file__).resolve().parent.parent.parent / "icons" / "areas"


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
    #: The navigation rail's icon: a file in ``ambtenaar20/icons/areas``.
    icon: str
    #: Where the area's widget class lives, as "package.module:ClassName"; imported when the
    #: area is first built (or warmed up in the background), never at start-up.
    widget: str
    window_commands: tuple[WindowCommand, ...] = ()
    #: "package.module:function" that loads what the area shows first, ``function(context)``,
    #: without Qt; its result is handed to the widget as ``first_screen``. None: the area
    #: loads its own data once built.
    first_screen: str | None = None

    @property
    def module(self) -> str:
        return self.widget.partition(":")[0]

    def first_screen_loader(self) -> Callable[[AppContext], Any] | None:
        return None if self.first_screen is None else _resolve(self.first_screen)

    def factory(self, context: AppContext, parent: QWidget | None,
                first_screen: Any = None) -> QWidget:
        widget_class = _resolve(self.widget)
        if first_screen is None:
            return widget_class(context, parent)
        return widget_class(context, parent, first_screen=first_screen)


def icon_path(spec: AreaSpec, selected: bool = False) -> Path:
    """The rail icon's file; ``selected``: its variant for the selected row (``*-selected``)."""
    path = ICONS / spec.icon
    return path.with_name(f"{path.stem}-selected{path.suffix}") if selected else path


def _resolve(reference: str) -> Any:
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


def area_index(key: str) -> int:
    return [spec.key for spec in AREAS].index(key)


def area_shown_at_start(remembered: int) -> AreaSpec:
    """The area the window opens on: the one the officer left it on, else the first."""
    return AREAS[remembered] if 0 <= remembered < len(AREAS) else AREAS[0]


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("follow", N_("Follow"), N_("Topics and feeds"), "follow.svg",
             "ambtenaar20.gui.areas.following.area:FollowingArea",
             first_screen="ambtenaar20.gui.areas.following.queries:load_first_screen"),
    AreaSpec("write", N_("Write"), N_("Drafts checked against the guidelines"),
             "write.svg", "ambtenaar20.gui.areas.writing.area:WritingArea"),
    AreaSpec("log", N_("Log"), N_("Your interactions"), "log.svg",
             "ambtenaar20.gui.logbook.log_view:LogView",
             (WindowCommand(N_("Add to the &log…"), "Ctrl+L", "open_quick_add"),)),
    AreaSpec("report", N_("Reports"), N_("Export for your manager"), "report.svg",
             "ambtenaar20.gui.logbook.report_view:ReportView"),
)
