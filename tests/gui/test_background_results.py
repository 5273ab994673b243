"""A background result that arrives after its widget is gone is dropped, not delivered.

Closing the window while the Rapportage summary was loading raised "Internal C++ object already
deleted" inside Qt's event loop (seen in the test suite): the callback was a lambda into the
deleted view.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import QLabel

from ambtenaar20.core.errors import UsageError
from ambtenaar20.gui.workers import run_in_background


class Receiver(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[object] = []

    def take(self, result: object) -> None:
        self.setText(str(result))  # would raise on a deleted widget
        self.got.append(result)


def _held_task(qtbot, **callbacks):
    """A task whose work waits for the returned gate, so the test decides when it ends."""
    gate = threading.Event()

    def work(_cancel, _progress):
        gate.wait(5)
        return 42

    task = run_in_background(work, **callbacks)
    return task, gate


def test_a_lambda_with_its_owner_deleted_is_not_called(qtbot):
    receiver = Receiver()
    calls: list[object] = []
    task, gate = _held_task(
        qtbot, on_success=lambda result: calls.append(receiver.take(result)), owner=receiver)
    receiver.deleteLater()
    qtbot.waitUntil(lambda: not _alive(receiver))
    gate.set()
    qtbot.waitUntil(lambda: task.done)
    qtbot.wait(50)  # the queued signal is delivered (or dropped) by now
    assert calls == []


def test_a_bound_method_of_a_deleted_widget_is_not_called(qtbot):
    receiver = Receiver()
    task, gate = _held_task(qtbot, on_success=receiver.take)
    receiver.deleteLater()
    qtbot.waitUntil(lambda: not _alive(receiver))
    gate.set()
    qtbot.waitUntil(lambda: task.done)
    qtbot.wait(50)  # pytest-qt fails the test on an exception raised in the event loop


def test_a_living_owner_gets_its_result(qtbot):
    receiver = Receiver()
    _task, gate = _held_task(qtbot, on_success=receiver.take)
    gate.set()
    qtbot.waitUntil(lambda: receiver.got == [42])
    assert receiver.text() == "42"


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def _failing(qtbot, error: Exception, caplog) -> list[object]:
    failures: list[object] = []
    with caplog.at_level(logging.DEBUG, logger="ambtenaar20.gui.workers"):
        task = run_in_background(lambda _cancel, _progress: (_ for _ in ()).throw(error),
                                 on_error=failures.append)
        qtbot.waitUntil(lambda: task.done and bool(failures))
    return failures


def test_a_refusal_reaches_its_callback_without_a_traceback_in_the_log(qtbot, caplog):
    refusal = UsageError("Er is al een sjabloon met de naam “Aankondiging”.")
    assert _failing(qtbot, refusal, caplog) == [refusal]
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert "Traceback" not in caplog.text and "Aankondiging" not in caplog.text


def test_a_bug_in_a_background_task_is_still_logged_with_its_traceback(qtbot, caplog):
    bug = KeyError("oops")
    assert _failing(qtbot, bug, caplog) == [bug]
    assert any(r.levelno == logging.ERROR and "Traceback" in r.getMessage()
               for r in caplog.records)
