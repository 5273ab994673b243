"""Screenshot of the Schrijven area with a draft full of findings: docs/screenshots/schrijven.png.

    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshot_schrijven.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from ambtenaar20.core.app_context import create_app_context  # noqa: E402

DRAFT = (
    "Beste meneer Jansen, indien je vragen heeft over uw aanvraag, bel dan 06-12345678. De "
    "termijjn voor bezwaar is reeds verlopen. Uw bezwaar wordt door ons niet meer behandeld. "
    "Het kabinet moet aftreden, dit is BELACHELIJK!!! #huurtoeslagaffaire https://bit.ly/3xYz"
)
OLDER = ("Vanaf 1 januari verandert de huurtoeslag. Kijk op onze website wat dit voor u "
         "betekent.")


def settle(app: QApplication, rounds: int = 30) -> None:
    for _round in range(rounds):
        app.processEvents()
        app.thread().msleep(20)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ambtenaar20.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        context = create_app_context(Path(folder) / "data", language="nl")
        drafts = context.drafting.drafts
        drafts.create(OLDER, "Huurtoeslag", ["mastodon"])
        drafts.create(DRAFT, "Huurtoeslag", ["x", "mastodon"])
        window = MainWindow(context)
        window.resize(1400, 820)
        window.populate_areas()
        window.show()
        window.show_area("write")
        area = window.areas["write"]
        deadline = 150
        while (area.draft is None or not area.panel.list.count()) and deadline:
            settle(app, 1)
            deadline -= 1
        jargon = next(row for row, finding in enumerate(area.panel.findings)
                      if finding.rule == "jargon")
        area.panel.list.setCurrentRow(jargon)  # a word with its replacement
        settle(app)
        target = ROOT / "docs" / "screenshots" / "schrijven.png"
        window.grab().save(str(target))
        print(target)
        window.close()
        context.close()


if __name__ == "__main__":
    main()
