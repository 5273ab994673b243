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
from ambtenaar20.gui.areas import placeholders


@dataclass(frozen=True)
class AreaSpec:
    key: str
    #: Untranslated label; translated when the window is built.
    label: str
    description: str
    icon: QStyle.StandardPixmap
    factory: Callable[[AppContext, QWidget | None], QWidget]


def _ignore_context(build: Callable[[QWidget | None], QWidget]):
    return lambda _context, parent: build(parent)


def _following(context: AppContext, parent: QWidget | None) -> QWidget:
    from ambtenaar20.gui.areas.following.area import FollowingArea

    return FollowingArea(context, parent)


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("follow", N_("Follow"), N_("Topics and feeds"),
             QStyle.StandardPixmap.SP_FileDialogContentsView,
             lambda context, parent: _following(context, parent)),
    AreaSpec("write", N_("Write"), N_("Drafts checked against the guidelines"),
             QStyle.StandardPixmap.SP_FileDialogDetailedView,
             _ignore_context(placeholders.writing_placeholder)),
    AreaSpec("log", N_("Log"), N_("Your interactions"),
             QStyle.StandardPixmap.SP_FileDialogListView,
             _ignore_context(placeholders.log_placeholder)),
    AreaSpec("report", N_("Reports"), N_("Export for your manager"),
             QStyle.StandardPixmap.SP_DialogSaveButton,
             _ignore_context(placeholders.report_placeholder)),
)
