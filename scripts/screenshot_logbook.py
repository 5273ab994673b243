"""Screenshot of the Logboek area with a month of sample entries: docs/screenshots/logboek.png.

    xvfb-run -a -s "-screen 0 1280x800x24" python scripts/screenshot_logbook.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from ambtenaar20.core.app_context import create_app_context  # noqa: E402
from benchmarks.logbook_samples import fill  # noqa: E402
from scripts.screenshot_support import settle  # noqa: E402


def main() -> None:
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # held while the window lives
    from ambtenaar20.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        context = create_app_context(Path(folder) / "data", language="nl")
        fill(context.logbook, 140, date.today() - timedelta(days=30), 31)
        window = MainWindow(context)
        window.resize(1280, 800)
        window.populate_areas()
        window.show()
        window.show_area("log")
        view = window.areas["log"]
        settle(lambda: not view.model.loading and bool(view.follow_up_label.text()), 150)
        view.table.selectRow(2)
        settle(rounds=30)
        target = ROOT / "docs" / "screenshots" / "logboek.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(target))
        print(target)
        window.close()
        context.close()


if __name__ == "__main__":
    main()
