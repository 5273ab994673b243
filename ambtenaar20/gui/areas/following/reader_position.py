"""Where Volgen's reader sits: beside the item list, or under it.

Beside the list, a 1024-pixel screen with a 14 pt font left each title about ten characters
and the reader some 220 pixels: both hard to read. Under the list, as mail programs offer, the
titles get the window's width and the reader a wide, lower pane. The officer chooses in
Beeld → Leesvenster; "Automatisch" puts the reader under the list only where, beside it, the
list would have to turn compact (``pane_shares.first_shares``) or the reader put its buttons'
labels on two lines (1400 x 900 at 14 pt left it 245 pixels, a button a row), and the window
is tall enough for two panes above each other.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ambtenaar20.core.i18n import _

AUTOMATIC, RIGHT, BELOW = "auto", "right", "below"
POSITIONS = (AUTOMATIC, RIGHT, BELOW)

#: The least height of the list's pane for the reader to go under it of its own accord: below
#: this the two panes would each show too little (in rows of the list's font: ``line_height``).
LEAST_ROWS_ABOVE_READER = 12
#: The list's share of the height when the reader is under it: at 1024 x 768 with a 14 pt
#: font the reader then shows a two-line title whole above its buttons and text.
LIST_SHARE_BELOW = 0.5


def chosen_position(value: str) -> str:
    """The stored choice, or automatic for anything else (a settings file edited by hand)."""
    return value if value in POSITIONS else AUTOMATIC


def reader_below(position: str, cramped_beside: bool, height: int, line_height: int) -> bool:
    """Whether the reader goes under the list: chosen so, or automatic while beside it the
    list or the reader would be cramped and ``height`` (the panes' height) leaves the list
    enough rows."""
    position = chosen_position(position)
    if position != AUTOMATIC:
        return position == BELOW
    return cramped_beside and height * LIST_SHARE_BELOW >= LEAST_ROWS_ABOVE_READER * line_height


def below_heights(height: int) -> list[int]:
    """The list's and the reader's heights when the reader is under the list."""
    listing = round(height * LIST_SHARE_BELOW)
    return [listing, height - listing]


def add_reader_position_menu(parent: QWidget, menu: QMenu, current: str,
                             chosen: Callable[[str], None]) -> dict[str, QAction]:
    """Beeld → Leesvenster: three choices, one checked; ``chosen(position)`` on a change."""
    submenu = menu.addMenu(_("&Reading pane"))
    submenu.setToolTipsVisible(True)
    group = QActionGroup(parent)
    actions: dict[str, QAction] = {}
    for position, label, tip in (
        (AUTOMATIC, _("&Automatic"),
         _("Beside the item list; under it when the window is too narrow for both")),
        (RIGHT, _("&Right of the list"), _("The reader always beside the item list")),
        (BELOW, _("&Below the list"), _("The reader under the item list, at full width")),
    ):
        action = submenu.addAction(label)
        action.setCheckable(True)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setChecked(position == chosen_position(current))
        action.triggered.connect(lambda _checked=False, value=position: chosen(value))
        group.addAction(action)
        actions[position] = action
    return actions
