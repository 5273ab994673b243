"""With a large system font (14 pt) on a laptop screen, Schrijven and Logboek reflow: their
rows wrap instead of making the area scroll sideways, and no control is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.gui.areas.writing.findings_panel import FindingsPanel
from ambtenaar20.gui.main_window import MainWindow

SCREENS = [(1280, 720), (1024, 768)]


@pytest.fixture
def large_font(qapp):
    previous = QApplication.font()
    font = QFont(previous)
    font.setPointSize(14)  # a larger system font, as officers with low vision choose
    QApplication.setFont(font)
    yield
    QApplication.setFont(previous)


def window_with_log(qtbot, make_context) -> MainWindow:
    context = make_context("nl")
    for number in range(3):
        context.logbook.add(occurred_at=f"2026-03-0{number + 1}T10:00", platform="LinkedIn",
                            kind="reactie", topic="Afvalinzameling",
                            summary=f"vraag over de afvalkalender {number}")
    window = MainWindow(context)
    window.populate_areas()
    window.remember_state = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.build_all_areas()  # every area built: each one's minimum counts in the stack
    log = window.area("log")
    qtbot.waitUntil(lambda: not log.model.loading and log.model.rowCount() == 3, timeout=5000)
    return window


@pytest.fixture
def large_window(qtbot, make_context, large_font):
    return window_with_log(qtbot, make_context)


def own_controls(area: QWidget) -> list[QWidget]:
    """The area's visible controls, except those inside lists and tables (they scroll)."""
    found = []
    for widget in area.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QComboBox, QLineEdit, QLabel)):
            continue
        if not widget.isVisible() or widget.width() == 0:
            continue
        parent = widget.parentWidget()
        inside_scrolling = False
        while parent is not None and parent is not area:
            if isinstance(parent, QAbstractScrollArea):
                inside_scrolling = True
            parent = parent.parentWidget()
        if not inside_scrolling:
            found.append(widget)
    return found


def assert_fits(qtbot, window: MainWindow, key: str, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() <= size[0], timeout=2000)
    window.show_area(key)
    page = window.stack.currentWidget()
    area = window.area(key)
    # Settled: the area fills the page, or is as wide as its minimum (then it scrolls).
    qtbot.waitUntil(lambda: area.width() == max(page.viewport().width(),
                                                area.minimumSizeHint().width()), timeout=3000)
    assert page.horizontalScrollBar().maximum() == 0, f"{key} scrolls sideways at {size}"
    assert area.minimumSizeHint().width() <= page.viewport().width()
    controls = own_controls(area)
    assert len(controls) > 10
    for widget in controls:
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        left = widget.mapTo(page.viewport(), QPoint(0, 0)).x()
        assert left >= 0, name
        assert left + widget.width() <= page.viewport().width(), name
        assert widget.width() >= widget.minimumSizeHint().width(), name
        if isinstance(widget, QAbstractButton):  # a button's label is never cut
            assert widget.width() >= widget.sizeHint().width(), name


@pytest.mark.parametrize("size", SCREENS)
def test_writing_area_reflows_instead_of_scrolling_sideways(qtbot, large_window, size):
    write = large_window.area("write")
    qtbot.waitUntil(lambda: write.draft is not None, timeout=5000)
    for box in list(write.platform_bar.boxes.values())[:3]:
        box.setChecked(True)  # "Mastodon 240/500": the widest chips
    write.editor.setPlainText("Wij gaan dit middels een nieuwe aanpak faciliteren.")
    qtbot.waitUntil(lambda: write.panel.list.count() > 0, timeout=5000)
    write.panel.list.setCurrentRow(0)
    assert_fits(qtbot, large_window, "write", size)


@pytest.mark.parametrize("size", SCREENS)
def test_log_filter_bar_wraps_instead_of_scrolling_sideways(qtbot, large_window, size):
    log = large_window.area("log")
    assert log.pages.currentIndex() == 0  # the table, not the empty log's page
    bar = log.filter_bar
    bar.period_combo.setCurrentIndex(bar.period_combo.findData("custom"))  # dates shown too
    # The row above the table at its widest: a follow-up count and the undo of a delete.
    log.follow_up_label.setText("2 vervolgacties vandaag of te laat")
    log.undo_label.setText("Regel 3 verwijderd.")
    log.undo_label.show()
    log.undo_button.show()
    assert_fits(qtbot, large_window, "log", size)
    assert bar.height() >= bar.layout().heightForWidth(bar.width())  # rows not squeezed
    assert bar.search_edit.y() > bar.period_combo.y()  # wrapped onto a next row


def at(widget: QWidget, area: QWidget) -> QPoint:
    return widget.mapTo(area, QPoint(0, 0))


@pytest.mark.parametrize("size", SCREENS)
def test_report_area_reflows_instead_of_scrolling_sideways(qtbot, large_window, size):
    report = large_window.area("report")
    large_window.show_area("report")
    qtbot.waitUntil(lambda: report.summary is not None, timeout=5000)
    assert report.pages.currentIndex() == 0  # the choices and summary, not the empty page
    report.result_label.setText("Opgeslagen als /home/ambtenaar/Documenten/logboek-2026-02-01-"
                                "2026-02-28.xlsx")
    assert_fits(qtbot, large_window, "report", size)
    for widget in (report.summary_label, report.chart):
        left = at(widget, report).x()
        assert left >= 0 and left + widget.width() <= report.width()
        assert widget.height() >= widget.heightForWidth(widget.width())  # nothing cut below
    beside = at(report.chart, report).x() > at(report.export_button, report).x()
    assert beside == (size[0] > 1024)  # below the choices only when narrow


def test_normal_font_keeps_the_report_columns_side_by_side(qtbot, make_context):
    window = window_with_log(qtbot, make_context)
    window.show_area("report")
    report = window.area("report")
    qtbot.waitUntil(lambda: report.summary is not None, timeout=5000)
    choices = report.export_button.parentWidget()
    for size in ((1360, 860), (1024, 768)):
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: window.width() <= size[0], timeout=2000)
        qtbot.waitUntil(lambda: at(report.summary_label, report).x()
                        > at(choices, report).x() + choices.width(), timeout=3000)
        assert choices.width() == choices.sizeHint().width()  # as before the reflow
        assert at(report.summary_label, report).y() == at(choices, report).y()
        assert window.stack.currentWidget().horizontalScrollBar().maximum() == 0


def test_normal_font_keeps_the_filter_bar_on_one_row(qtbot, make_context):
    window = window_with_log(qtbot, make_context)
    window.resize(1360, 860)
    window.show_area("log")
    bar = window.area("log").filter_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.width() > 600, timeout=3000)
    widgets = [bar.period_combo, bar.topic_combo, bar.platform_combo, bar.kind_combo,
               bar.search_edit]
    assert len({widget.geometry().center().y() for widget in widgets}) == 1
    assert bar.search_edit.geometry().right() == bar.width() - 1  # search takes the rest


def focus_order(start: QWidget, wanted: list[QWidget]) -> list[QWidget]:
    order, widget = [], start
    for _step in range(500):
        if widget in wanted and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return order


def test_tab_order_follows_the_wrapped_rows(large_window):
    bar = large_window.area("log").filter_bar
    fields = [bar.period_combo, bar.from_edit, bar.to_edit, bar.topic_combo,
              bar.platform_combo, bar.kind_combo, bar.search_edit]
    assert focus_order(bar.period_combo, fields) == fields
    write = large_window.area("write")
    buttons = [write.preferences_button, write.install_pack_button, write.copy_button,
               write.publish_button]
    assert focus_order(write.preferences_button, buttons) == buttons
    boxes = list(write.platform_bar.boxes.values())
    assert focus_order(boxes[0], boxes) == boxes
    panel = write.panel
    actions = [*panel.suggestion_buttons, panel.dismiss_button, panel.add_word_button]
    assert focus_order(actions[0], actions) == actions
    report = large_window.area("report")
    choices = [report.preset_combo, report.from_edit, report.to_edit, report.topic_list,
               report.format_combo, report.separator_combo, report.pseudonymize_check,
               report.export_button]
    assert focus_order(report.preset_combo, choices) == choices


MESSAGES = ("Dit lijkt een burgerservicenummer (BSN). Zet nooit een BSN in een bericht.",
            "Dit lijkt een telefoonnummer. Is het van een burger? Haal het dan weg.",
            "'faciliteren' is ambtelijke taal. Schrijf liever: 'mogelijk maken', 'helpen'.",
            "Deze zin heeft 28 woorden. Houd zinnen kort: hooguit 20 woorden, liefst rond de 15.")


def test_findings_are_tall_enough_for_their_wrapped_text(qtbot, large_font):
    # The list asked an item's height for its full width but painted it narrower (its
    # spacing): at some widths a word moved to an extra line, cut off with "…".
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_findings([Finding(rule="privacy", severity="error", start=0, end=9,
                                text="111222333", message=message) for message in MESSAGES])
    plain = QStyledItemDelegate()
    cut = []
    for width in range(150, 450):
        panel.resize(width, 600)
        panel.list.doItemsLayout()
        for row in range(panel.list.count()):
            index = panel.list.model().index(row, 0)
            painted = panel.list.visualRect(index)
            option = QStyleOptionViewItem()
            panel.list.initViewItemOption(option)
            option.rect = painted.adjusted(0, 0, -1, 0)  # as the list paints it
            if painted.height() < plain.sizeHint(option, index).height():
                cut.append((width, row))
    assert cut == []
