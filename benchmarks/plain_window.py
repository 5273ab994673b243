"""Second reference for the start-up benchmark: the first screen's widgets, without the app.

A QMainWindow with the same kinds of widgets as the Volgen screen (menus with their actions, a
navigation list, toolbar buttons, a search field, a tree, a table with a model, a text browser
in tabs, a status bar), no data, no database, none of the app's modules, painted once. It shows
what PySide6 itself costs for such a window, as opposed to what the app adds to it.
"""

import sys

from first_paint import FirstPaint
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
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
    QVBoxLayout,
    QWidget,
)

app = QApplication(sys.argv[:1])
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
table = QTableView()
table.setModel(QStandardItemModel(50, 5))
tabs = QTabWidget()
tabs.addTab(QTextBrowser(), "Bericht")
tabs.addTab(QWidget(), "Trend")
for pane in (QTreeWidget(), table, tabs):
    panes.addWidget(pane)
page_layout.addWidget(panes, 1)
stack = QStackedWidget()
stack.addWidget(page)
central = QSplitter()
central.addWidget(rail)
central.addWidget(stack)
window.setCentralWidget(central)
window.statusBar().addWidget(QLabel("Klaar"))
window.resize(1100, 720)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
