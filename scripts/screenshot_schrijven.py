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
from scripts.screenshot_support import settle  # noqa: E402

DRAFT = (
    "Beste meneer Jansen, indien je vragen heeft over uw aanvraag, bel dan 06-12345678. De "
    "termijjn voor bezwaar is reeds verlopen. Uw bezwaar wordt door ons niet meer behandeld. "
    "Het kabinet moet aftreden, dit is BELACHELIJK!!! #huurtoeslagaffaire https://bit.ly/3xYz"
)
OLDER = ("Vanaf 1 januari verandert de huurtoeslag. Kijk op onze website wat dit voor u "
         "betekent.")


def main() -> None:
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # held while the window lives
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
        settle(lambda: area.draft is not None and area.panel.list.count() > 0, 150)
        jargon = next(row for row, finding in enumerate(area.panel.findings)
                      if finding.rule == "jargon")
        area.panel.list.setCurrentRow(jargon)  # a word with its replacement
        settle(rounds=30)
        target = ROOT / "docs" / "screenshots" / "schrijven.png"
        window.grab().save(str(target))
        print(target)
        window.close()
        context.close()


if __name__ == "__main__":
    main()
