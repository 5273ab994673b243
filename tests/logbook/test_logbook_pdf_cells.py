"""The PDF table drops no text silently: long cells end in "…", long words wrap, and a row
taller than a page is shortened to fit it with "…" instead of being clipped at the page end."""

from __future__ import annotations

import re

import pypdf
from PySide6.QtGui import QFont, QImage

from ambtenaar20.render.pdf_report import table_columns, write_pdf
from ambtenaar20.render.qt_app import ensure_gui_application
from ambtenaar20.render.table_painter import MAX_CELL_CHARS, TablePainter
from tests.logbook.export_fixtures import document

PAGE_HEIGHT = 1500.0
SUMMARY = 6  # the summary column of the report's table


def painter() -> TablePainter:
    ensure_gui_application()
    device = QImage(3000, 2000, QImage.Format.Format_RGB32)
    font = QFont()
    font.setPointSize(8)
    return TablePainter(device, table_columns(), 3000, font)


def row(summary: str) -> list[str]:
    cells = ["01-03-2026 10:00", "X", "reactie", "uitgaand", "", "", summary, "1", "", ""]
    assert len(cells) == len(table_columns())
    return cells


def test_cell_cut_at_the_limit_ends_in_an_ellipsis():
    table = painter()
    table.paginate([row("woord " * 300)], PAGE_HEIGHT)
    cell = table.cells[0][SUMMARY]
    assert cell.endswith("…") and len(cell) <= MAX_CELL_CHARS


def test_long_word_wraps_instead_of_being_clipped():
    table = painter()
    word = "Onafhankelijkheidsverklaring" * 6
    table.paginate([row(word), row("kort")], PAGE_HEIGHT)
    assert table.cells[0][SUMMARY].replace("\u200b", "") == word
    # Wrapped over several lines, so the row is taller than a one-line row.
    assert table.heights[0] > 3 * table.heights[1] / 2


def test_row_taller_than_a_page_is_shortened_to_fit_with_an_ellipsis():
    table = painter()
    lines = "\n".join(f"regel {number}" for number in range(300))
    pages = table.paginate([row(lines), row("daarna")], PAGE_HEIGHT)
    assert pages[0][0] == 0 and pages[-1][-1] == 1
    assert table.heights[0] <= PAGE_HEIGHT - table.header_height
    assert table.cells[0][SUMMARY].startswith("regel 0\nregel 1\n")
    assert table.cells[0][SUMMARY].endswith("…")


def test_pdf_shows_where_text_was_cut(logbook, context, tmp_path):
    logbook.add(occurred_at="2026-03-04T12:00", platform="X", kind="reactie",
                summary="\n".join(f"regel {number}" for number in range(200)) + "\nLAATSTE")
    pages = pypdf.PdfReader(str(write_pdf(document(logbook, context), tmp_path / "r.pdf"))).pages
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages[2:]))
    assert "regel 0" in text and "…" in text
