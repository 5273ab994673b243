"""A child process: the real window on Schrijven, typing one character when asked.

    python -m tests.gui.schrijven_typist DATA_DIR GO_FILE

Prints "ready" once Schrijven shows its first draft and list, waits until GO_FILE exists, types
one character into the editor, prints "typed" and keeps running until it is killed, so the
parent can kill it with SIGKILL: no close, no flush, only the autosave may have saved it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ambtenaar20.core.app_context import create_app_context


def main(data_dir: str, go_file: Path) -> None:
    app = QApplication(sys.argv[:1])
    from ambtenaar20.gui.main_window import MainWindow

    context = create_app_context(Path(data_dir), "nl")
    context.store  # noqa: B018 - the app opens the database before the window
    window = MainWindow(context)
    window.populate_areas()
    window.show()
    window.show_area("write")
    area = window.area("write")
    state = {"ready": False, "typed": False}

    def poll() -> None:
        # The hint is worded once the first list is on screen, whether empty or not.
        listed = bool(area.drafts_list.empty_hint.text())
        if not state["ready"] and area.draft is not None and listed:
            state["ready"] = True
            print("ready", flush=True)
        elif state["ready"] and not state["typed"] and go_file.exists():
            state["typed"] = True
            area.editor.setFocus()
            QTest.keyClicks(area.editor, "a")
            print("typed", flush=True)

    timer = QTimer(interval=50)
    timer.timeout.connect(poll)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
