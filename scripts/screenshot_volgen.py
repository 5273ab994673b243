"""Screenshots of the Volgen area with items served from a loopback feed server.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot_volgen.py docs/screenshots

Two feeds (written for this screenshot, dated over the last weeks) are served on 127.0.0.1,
fetched by a real refresh, analysed, and shown with a topic selected: the reader
(``volgen.png``), the topic's trend (``volgen-trend.png``) and a reply to the item in
Schrijven (``schrijven-reactie.png``).
"""

from __future__ import annotations

import html
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from ambtenaar20.core.app_context import create_app_context  # noqa: E402
from scripts.screenshot_support import settle  # noqa: E402
from tests.feeds.feed_server import FeedServer, rss  # noqa: E402

NEWS = [
    ("Gemeente trekt extra geld uit voor jeugdzorg",
     "De gemeenteraad stemde in met een extra bijdrage voor de jeugdzorg. Wethouder De Vries "
     "noemt het een goede en belangrijke stap voor gezinnen die lang op hulp wachten."),
    ("Wachtlijsten in de zorg blijven een groot probleem",
     "Inwoners klagen over lange wachttijden. Het is slecht nieuws voor mensen die nu hulp "
     "nodig hebben; de gemeente belooft snel met zorgaanbieders te overleggen."),
    ("Omgevingswet: nieuwe spelregels voor bouwplannen",
     "Sinds de invoering van de Omgevingswet werkt de gemeente met een omgevingsplan. "
     "Inwoners kunnen hun plannen digitaal indienen via het Omgevingsloket."),
    ("Bewonersavond over de zorg in de wijk goed bezocht",
     "Ruim honderd bewoners kwamen naar de avond over zorg in de wijk. Veel mensen waren "
     "positief over de nieuwe wijkteams en de snelle hulp."),
    ("Financiële steun voor mantelzorgers verlengd",
     "De regeling voor mantelzorgers wordt met een jaar verlengd. Mantelzorgers zijn blij "
     "met de duidelijkheid en de mooie waardering."),
    ("Kritiek op sluiting van zorgloket",
     "De sluiting van het zorgloket in het centrum leidt tot boze reacties. Ouderen vinden "
     "het vervelend dat ze nu naar het stadhuis moeten."),
    ("Council publishes open data on local healthcare",
     "The council has published open data about waiting times in local healthcare. "
     "Researchers say this is a great and useful step for transparency."),
    ("Nieuwe fietsroute langs het kanaal geopend",
     "De fietsroute langs het kanaal is klaar. Fietsers zijn tevreden over de brede paden."),
]


def build(server: FeedServer) -> list[str]:
    now = datetime.now(UTC)
    urls = []
    for feed_index, name in enumerate(("Nieuws uit de gemeente", "Regionaal Dagblad")):
        entries = []
        for day in range(0, 60, 1):
            for number, (title, text) in enumerate(NEWS):
                if (day + number + feed_index) % 5:
                    continue
                when = now - timedelta(days=day, hours=number * 2 + feed_index)
                entries.append({
                    "title": html.escape(title), "guid": f"{feed_index}-{day}-{number}",
                    "link": f"https://nieuws.example.nl/{feed_index}/{day}/{number}",
                    "description": html.escape(f"<p>{text}</p><p><img src='https://track"
                                               f".example.nl/p.gif' alt='foto: {title}'>"
                                               f"<script>track()</script></p>"),
                    "pubDate": format_datetime(when)})
        urls.append(server.add(f"/feed{feed_index}.xml", rss(name, entries)))
    return urls


def main(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    server = FeedServer().start()
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # held while the window lives
    with tempfile.TemporaryDirectory() as tmp:
        context = create_app_context(tmp, "nl")
        for url in build(server):
            context.feeds.add_feed(url)
        context.topics.add_topic("Zorg", "zorg* OR jeugdzorg OR mantelzorg*")
        context.topics.add_topic("Omgevingswet", "omgevingswet OR omgevingsplan")
        context.feeds.refresh()
        context.items.analyse_pending()
        from ambtenaar20.gui.main_window import MainWindow

        window = MainWindow(context)
        window.populate_areas()
        window.resize(1360, 820)
        window.show()
        area = window.areas["follow"]

        settle(lambda: area.pages.currentIndex() == 1 and area.tree.topLevelItemCount() > 0)
        topic_root = area.tree.topLevelItem(1)
        area.tree.setCurrentItem(topic_root.child(1))  # "Zorg"
        settle(lambda: area.model.rowCount() > 0)
        area.table.setCurrentIndex(area.model.index(1, 0))
        settle(lambda: area.reader.item is not None)
        settle(rounds=15)
        window.grab().save(str(target / "volgen.png"))
        area.tabs.setCurrentIndex(1)
        settle(rounds=40)
        window.grab().save(str(target / "volgen-trend.png"))
        area.tabs.setCurrentIndex(0)
        # A reply to the item in the reader: Schrijven with the item above the editor.
        window.start_reply(area.reader.item["id"], "Zorg")
        writing = window.areas["write"]
        settle(lambda: writing.draft is not None and writing.draft.feed_item_id is not None)
        writing.editor.setPlainText(
            "Beste mevrouw Visser,\n\nDank voor uw vraag. De regeling voor mantelzorgers loopt "
            "tot 1 januari 2028. Meer informatie: https://www.gemeente.nl/mantelzorg\n\n"
            "Met vriendelijke groet,\nTeam Zorg")
        settle(lambda: writing.panel.list.count() > 0 or writing.result is not None, 150)
        settle(lambda: writing.drafts_list.list.count() > 0
               and "Visser" in writing.drafts_list.list.item(0).text(), 150)  # autosaved
        settle(rounds=15)
        window.grab().save(str(target / "schrijven-reactie.png"))
        window.close()
        context.close()
    server.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
