"""The Qt binding must not leak or lose references on ordinary calls.

PySide6 6.12.0 on Python 3.11 lost a reference to None on every call that returns nothing,
which aborted the app after a few thousand calls; pyproject.toml keeps it out.
"""

import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_keep_the_reference_count_of_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.setToolTip("x")
    assert sys.getrefcount(None) - before > -100
