"""The flow layout: one row when there is room, more rows in the same order when narrow."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QWidget,
)

from ambtenaar20.gui.flow_layout import FlowLayout

LABELS = ("Mijn lijsten…", "Richtlijnenpakket installeren…", "Kopiëren",
          "Markeer als gepubliceerd…")


def bar(qtbot, width: int, *, columns: int | None = None, stretch_after: int | None = None,
        labels=LABELS, kind=QPushButton):
    host = QWidget()
    layout = FlowLayout(host, columns=columns)
    layout.setContentsMargins(0, 0, 0, 0)
    widgets = []
    for index, label in enumerate(labels):
        widget = kind(label)
        layout.addWidget(widget)
        widgets.append(widget)
        if index == stretch_after:
            layout.addStretch(1)
    qtbot.addWidget(host)
    host.resize(width, 200)
    host.show()
    qtbot.waitExposed(host)
    layout.activate()
    return host, layout, widgets


def rows(widgets) -> list[list[QWidget]]:
    by_row: dict[int, list[QWidget]] = {}
    for widget in widgets:
        by_row.setdefault(widget.geometry().center().y() // 10, []).append(widget)
    return [sorted(row, key=lambda w: w.x()) for _y, row in sorted(by_row.items())]


def assert_no_overlap(widgets) -> None:
    for first, second in combinations(widgets, 2):
        assert not first.geometry().intersects(second.geometry()), (first.text(), second.text())


def test_with_room_everything_is_on_one_row_at_its_preferred_width(qtbot):
    _host, _layout, buttons = bar(qtbot, 1400)
    assert len(rows(buttons)) == 1
    assert all(button.width() == button.sizeHint().width() for button in buttons)


def test_when_narrow_the_controls_wrap_in_their_order_and_stay_whole(qtbot):
    widest = max(QPushButton(label).sizeHint().width() for label in LABELS)
    host, layout, buttons = bar(qtbot, widest + 40)
    found = rows(buttons)
    assert len(found) > 1
    assert [button for row in found for button in row] == buttons  # reading order = Tab order
    assert_no_overlap(buttons)
    for button in buttons:
        assert button.width() >= button.sizeHint().width()
        assert button.geometry().right() < host.width()
    assert host.minimumSizeHint().width() == widest
    assert layout.heightForWidth(host.width()) > layout.heightForWidth(1400)


def test_a_stretch_pushes_the_rest_of_its_row_to_the_right(qtbot):
    host, _layout, buttons = bar(qtbot, 1400, stretch_after=1)
    assert len(rows(buttons)) == 1
    assert buttons[-1].geometry().right() == host.width() - 1
    assert buttons[2].x() > buttons[1].geometry().right() + 100


def test_an_expanding_field_takes_what_its_row_has_left(qtbot):
    host = QWidget()
    layout = FlowLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    button, search = QPushButton("Periode"), QLineEdit()
    layout.addWidget(button)
    layout.addWidget(search)
    qtbot.addWidget(host)
    host.resize(900, 100)
    host.show()
    layout.activate()
    assert search.geometry().right() == host.width() - 1
    assert search.width() > search.sizeHint().width()


def test_hidden_controls_take_no_room(qtbot):
    _host, layout, buttons = bar(qtbot, 1400)
    first_x = buttons[1].x()
    buttons[1].hide()
    layout.activate()
    assert buttons[2].x() == first_x


@pytest.mark.parametrize(("columns_that_fit", "expected_rows"), [(4, 2), (2, 4)])
def test_columns_line_up_and_become_fewer_when_narrow(qtbot, columns_that_fit, expected_rows):
    names = ("X", "Mastodon", "Bluesky", "Threads", "LinkedIn", "Facebook", "Instagram")
    cell = max(QCheckBox(name).sizeHint().width() for name in names)
    width = columns_that_fit * (cell + 10)
    _host, _layout, boxes = bar(qtbot, width, columns=4, labels=names, kind=QCheckBox)
    found = rows(boxes)
    assert len(found) == expected_rows
    assert [box.x() for box in found[1]] == [box.x() for box in found[0]][:len(found[1])]
    assert len({box.width() for box in boxes}) == 1
    assert_no_overlap(boxes)


def test_columns_that_do_not_fit_twice_flow_freely(qtbot):
    names = ("X", "Mastodon 240/500", "Bluesky", "Threads")
    widest = max(QCheckBox(name).sizeHint().width() for name in names)
    _host, _layout, boxes = bar(qtbot, widest + 20, columns=4, labels=names, kind=QCheckBox)
    assert len(rows(boxes)) < len(boxes)  # two short ones still share a row
    assert_no_overlap(boxes)


def test_a_splitter_above_makes_room_for_the_extra_rows(qtbot):
    # A splitter and a scroll area do not ask for heights at a width (as the areas are built):
    # the layout's minimum height follows its rows, or they would be squeezed over each other.
    host = QWidget()
    layout = FlowLayout(host)
    for label in LABELS * 3:
        layout.addWidget(QPushButton(label))
    splitter = QSplitter()
    splitter.addWidget(host)
    page = QScrollArea()
    page.setWidgetResizable(True)
    page.setWidget(splitter)
    qtbot.addWidget(page)
    page.resize(1600, 80)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() == 0)
    page.resize(320, 80)
    qtbot.waitUntil(lambda: host.height() >= layout.heightForWidth(host.width()))
    assert page.verticalScrollBar().maximum() > 0  # reached by scrolling down, not squeezed
    assert page.horizontalScrollBar().maximum() == 0
