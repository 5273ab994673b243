"""The log's messages about a wrong field, in the window: named by the field's caption, in the
officer's language, with the focus on that field.

The quick-add dialog and the detail pane showed the service's bare key ("kind: …", "url: …"),
a word of neither the form nor, in Dutch, the officer's language.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ambtenaar20.core.errors import UsageError
from ambtenaar20.gui.logbook.quick_add_dialog import QuickAddDialog
from tests.conftest import close_after_background_work

#: Per language: the captions of the fields the tests get wrong, and a piece of the message.
CAPTIONS = {
    "nl": {"platform": "Platform", "url": "Link", "kind": "Soort", "minutes": "Minuten besteed",
           "occurred_at": "Wanneer", "follow_up": "Opvolgen op", "direction": "Richting",
           "url_reason": "is geen webadres"},
    "en": {"platform": "Platform", "url": "Link", "kind": "Kind", "minutes": "Minutes spent",
           "occurred_at": "When", "follow_up": "Follow up on", "direction": "Direction",
           "url_reason": "is not a web address"},
}


@pytest.fixture(params=["nl", "en"])
def context(request, tmp_path):
    from ambtenaar20.core.app_context import create_app_context

    made = create_app_context(tmp_path / "data", language=request.param)
    made.language_code = request.param
    yield made
    close_after_background_work(made)


@pytest.fixture
def dialog(qtbot, context):
    shown = QuickAddDialog(context.logbook, [])
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def _save_and_wait(qtbot, dialog) -> str:
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5000)
    return dialog.error_label.text()


def test_quick_add_names_a_wrong_link_by_its_caption_and_goes_there(qtbot, context, dialog):
    captions = CAPTIONS[context.language_code]
    form = dialog.form
    form.platform_edit.setCurrentText("Mastodon")
    form.url_edit.setText("voorbeeld.nl")
    form.summary_edit.setFocus()
    text = _save_and_wait(qtbot, dialog)
    assert text.startswith(f"{captions['url']}: 'voorbeeld.nl' {captions['url_reason']}")
    assert "url:" not in text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.url_edit, timeout=3000)
    assert dialog.isVisible() and context.logbook.count() == 0


def test_quick_add_names_a_missing_platform_by_its_caption(qtbot, context, dialog):
    form = dialog.form
    form.platform_edit.setCurrentText("")
    form.minutes_spin.setFocus()
    text = _save_and_wait(qtbot, dialog)
    assert text.startswith(f"{CAPTIONS[context.language_code]['platform']}: ")
    assert not text.startswith("platform:")
    # The platform box is editable: its text field, which it hands the focus to, has it.
    qtbot.waitUntil(lambda: form.platform_edit.hasFocus(), timeout=3000)


@pytest.mark.parametrize(("field", "wrong"), [
    ("kind", {"kind": "tweet"}), ("minutes", {"minutes": -5}),
    ("occurred_at", {"occurred_at": "gisteren"}), ("follow_up", {"follow_up": "morgen"}),
    ("direction", {"direction": "opzij"}),
])
def test_each_key_of_the_service_becomes_the_caption_of_its_field(qtbot, context, dialog,
                                                                  field, wrong):
    with pytest.raises(UsageError) as raised:
        context.logbook.add(**{"platform": "X", "kind": "reactie", **wrong})
    message = str(raised.value)
    key, _, reason = message.partition(": ")
    assert key in ("kind", "minutes", "at", "follow-up", "direction")  # as the CLI knows them
    form = dialog.form
    form.follow_up_check.setChecked(True)  # the date takes the focus only while it is on
    form.summary_edit.setFocus()
    shown = form.point_at_error(message)
    assert shown == f"{CAPTIONS[context.language_code][field]}: {reason}"
    qtbot.waitUntil(lambda: form.field_widgets[field].hasFocus(), timeout=3000)


def test_a_message_about_no_field_stays_as_it_is(qtbot, context, dialog):
    form = dialog.form
    form.summary_edit.setFocus()
    qtbot.waitUntil(lambda: form.summary_edit.hasFocus(), timeout=3000)
    for message in ("There is no log entry 7.", "entry 7 is deleted; restore it first"):
        assert form.point_at_error(message) == message
    assert form.summary_edit.hasFocus()


def test_the_detail_pane_names_a_wrong_link_by_its_caption(qtbot, context):
    from ambtenaar20.gui.main_window import MainWindow

    entry = context.logbook.add(occurred_at="2026-03-02T10:00", platform="X", kind="reactie")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.populate_areas()
    window.show()
    qtbot.waitExposed(window)
    window.show_area("log")
    view = window.areas["log"]
    view.refresh()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1,
                    timeout=5000)
    view.table.selectRow(0)
    detail = view.detail
    qtbot.waitUntil(lambda: detail.entry is not None and detail.entry.id == entry.id,
                    timeout=3000)
    detail.form.url_edit.setText("voorbeeld.nl")
    detail.save_button.click()
    qtbot.waitUntil(lambda: detail.error_label.isVisible(), timeout=5000)
    captions = CAPTIONS[context.language_code]
    assert detail.error_label.text().startswith(
        f"{captions['url']}: 'voorbeeld.nl' {captions['url_reason']}")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.form.url_edit, timeout=3000)
    assert context.logbook.get(entry.id).url == ""
    window.close()
