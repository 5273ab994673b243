"""The result of an AVG erasure stays on screen until the officer closes it, in the words the
``erase-person`` command prints."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def open_messages(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_erasure_result_stays_until_dismissed(qtbot, window, monkeypatch):
    context = window.context
    context.logbook.add(platform="X", kind="reactie", counterpart="Pieter Bakker",
                        summary="Pieter Bakker vroeg naar de ophaaldag")
    context.logbook.add(platform="X", kind="reactie", counterpart="Els")
    monkeypatch.setattr(window.trust_actions, "confirm_erase", lambda name: True)
    with qtbot.waitSignal(window.trust_actions.erased, timeout=20_000) as erased:
        window.trust_actions.erase_person("Pieter Bakker")
    request = erased.args[0]
    qtbot.waitUntil(lambda: bool(open_messages(window)), timeout=5000)
    box = open_messages(window)[0]
    assert box.text().startswith("Klaar: ")
    assert "logboekregels: 1" in box.text()
    assert f"Vastgelegd als verzoek {request.id} (zonder de naam)" in box.text()
    assert "Oudere back-ups" in box.informativeText()
    assert box.accessibleName()
    qtbot.wait(100)
    assert box.isVisible()  # no time-out: it waits for the officer
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not open_messages(window), timeout=5000)


def test_a_name_found_nowhere_is_said_in_a_message_too(qtbot, window, monkeypatch):
    monkeypatch.setattr(window.trust_actions, "confirm_erase", lambda name: True)
    with qtbot.waitSignal(window.trust_actions.erased, timeout=20_000):
        window.trust_actions.erase_person("Niemand Bekend")
    qtbot.waitUntil(lambda: bool(open_messages(window)), timeout=5000)
    box = open_messages(window)[0]
    assert "Niemand Bekend" in box.text() and "niets vastgelegd" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning
