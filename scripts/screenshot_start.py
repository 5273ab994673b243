"""Screenshot of the window on first start, an empty data folder: docs/screenshots/hoofdvenster.png.

    xvfb-run -a -s "-screen 0 1280x800x24" python scripts/screenshot_start.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from ambtenaar20.core.app_context import create_app_context  # noqa: E402
from scripts.screenshot_support import settle  # noqa: E402


def main() -> None:
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # held while the window lives
    from ambtenaar20.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        context = create_app_context(Path(folder) / "data", language="nl")
        window = MainWindow(context)
        window.resize(1100, 720)
        window.populate_areas()
        window.show()
        settle(rounds=40)
        target = ROOT / "docs" / "screenshots" / "hoofdvenster.png"
        window.grab().save(str(target))
        print(target)
        window.close()
        context.close()


if __name__ == "__main__":
    main()
