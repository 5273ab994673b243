"""Third reference for the start-up benchmark: the least a PySide6 program does to show the data.

    python benchmarks/lean_window.py DATA_DIR [LOCALE_DIR]

The same kinds of widgets as ``plain_window.py``, but showing what the app's first screen shows,
read from the app's own database with nothing but ``sqlite3``: topics and feeds with their unread
counts in a tree, the newest 200 of the stored items in a table with a Python model, the newest
item in a text browser, the item count in the status bar. No settings, no translations, no
accessible names, no shortcuts, no error handling: a floor, not an app.

``LEAN_PARTS`` (comma-separated) adds what #2 itself requires of every start, to show what each
costs on top of that floor:
- ``log``: a rotating log file in the data dir;
- ``check``: ``PRAGMA quick_check`` of the database, on a thread from the start as the app does;
- ``lock``: the one-window lock (``QLockFile``);
- ``translate``: the Dutch gettext catalogue (from LOCALE_DIR) and Qt's ``qtbase_nl``;
- ``standard``: Qt's own ``QStandardItemModel`` filled up front instead of a Python model.
"""

import os
import sqlite3
import sys
import threading

PARTS = set(filter(None, os.environ.get("LEAN_PARTS", "").split(",")))
DATA = sys.argv[1]
if "log" in PARTS:
    import logging
    import logging.handlers

    handler = logging.handlers.RotatingFileHandler(
        f"{DATA}/lean.log", maxBytes=1 << 20, backupCount=3, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    logging.getLogger("lean").info("start")
if "check" in PARTS:
    def quick_check() -> None:
        check = sqlite3.connect(f"{DATA}/ambtenaar20.sqlite3")
        check.execute("PRAGMA mmap_size = 1073741824")
        assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]

    checker = threading.Thread(target=quick_check)
    checker.start()
if "translate" in PARTS:
    import gettext

    translation = gettext.translation("ambtenaar20", sys.argv[2], languages=["nl"])

from first_paint import FirstPaint  # noqa: E402  (after the parts that start before Qt)
from PySide6.QtCore import QAbstractTableModel, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

db = sqlite3.connect(f"{DATA}/ambtenaar20.sqlite3")
feeds = db.execute(
    "SELECT f.title, (SELECT count(*) FROM items i WHERE i.feed_id = f.id AND i.read = 0) "
    "FROM feeds f ORDER BY f.title").fetchall()
topics = db.execute("SELECT name FROM topics ORDER BY name").fetchall()
total = db.execute("SELECT count(*) FROM items").fetchone()[0]
rows = db.execute(
    "SELECT i.title, f.title, i.published, i.sentiment, i.starred FROM items i "
    "JOIN feeds f ON f.id = i.feed_id ORDER BY i.published DESC, i.id DESC LIMIT 200").fetchall()
HEADERS = ["Titel", "Bron", "Datum", "Toon", "Ster"]


class Items(QAbstractTableModel):
    def rowCount(self, parent=None):
        return len(rows)

    def columnCount(self, parent=None):
        return len(HEADERS)

    def data(self, index, role=0):
        if role == 0:
            return str(rows[index.row()][index.column()] or "")
        return None

    def headerData(self, section, orientation, role=0):
        if role == 0 and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None


app = QApplication(sys.argv[:1])
if "lock" in PARTS:
    from PySide6.QtCore import QLockFile

    lock = QLockFile(f"{DATA}/lean.lock")
    assert lock.tryLock(0)
if "translate" in PARTS:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_translator = QTranslator()
    assert qt_translator.load(
        "qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    app.installTranslator(qt_translator)
if "check" in PARTS:
    checker.join()

window = QMainWindow()
for title in ("Bestand", "Bewerken", "Beeld", "Help"):
    menu = window.menuBar().addMenu(title)
    for number in range(6):
        menu.addAction(f"{title} {number}")
rail = QListWidget()
rail.addItems(["Volgen", "Schrijven", "Logboek", "Rapportage"])
page = QWidget()
page_layout = QVBoxLayout(page)
toolbar = QHBoxLayout()
for text in ("Vernieuwen", "Feed toevoegen", "Onderwerp toevoegen", "OPML importeren"):
    toolbar.addWidget(QPushButton(text))
toolbar.addWidget(QLineEdit(), 1)
page_layout.addLayout(toolbar)
panes = QSplitter()
tree = QTreeWidget()
tree.setHeaderHidden(True)
topic_branch = QTreeWidgetItem(tree, [f"Onderwerpen ({len(topics)})"])
for (name,) in topics:
    QTreeWidgetItem(topic_branch, [name])
feed_branch = QTreeWidgetItem(tree, ["Feeds"])
for title, unread in feeds:
    QTreeWidgetItem(feed_branch, [f"{title} ({unread})"])
tree.expandAll()
table = QTableView()
if "standard" in PARTS:
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    for row in rows:
        model.appendRow([QStandardItem(str(value or "")) for value in row])
else:
    model = Items()
table.setModel(model)
table.resizeColumnsToContents()
table.setColumnWidth(0, 300)  # all five columns in sight, as in the app
tabs = QTabWidget()
reader = QTextBrowser()
if rows:
    reader.setHtml(f"<h2>{rows[0][0]}</h2><p>{rows[0][1]} · {rows[0][2]}</p>")
tabs.addTab(reader, "Bericht")
tabs.addTab(QWidget(), "Verloop")
for pane in (tree, table, tabs):
    panes.addWidget(pane)
page_layout.addWidget(panes, 1)
stack = QStackedWidget()
stack.addWidget(page)
central = QSplitter()
central.addWidget(rail)
central.addWidget(stack)
window.setCentralWidget(central)
window.statusBar().addWidget(QLabel(f"{total} berichten"))
window.resize(1100, 720)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
