"""The PDF table drops no text: long cells are kept whole, long words wrap, and a row taller
than a page continues on the next pages, cut between lines, instead of being shortened."""

from __future__ import annotations

import re

import pypdf
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPdfWriter

from ambtenaar20.render.pdf_report import FONT_POINTS, RESOLUTION, table_columns, write_pdf
from ambtenaar20.render.qt_app import ensure_gui_application
from ambtenaar20.render.table_painter import TablePainter
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


def test_long_cell_is_kept_whole():
    table = painter()
    text = " ".join(f"woord{number}" for number in range(300))
    table.paginate([row(text)], PAGE_HEIGHT)
    assert table.cells[0][SUMMARY] == text


def test_long_word_wraps_instead_of_being_clipped():
    table = painter()
    word = "Onafhankelijkheidsverklaring" * 6
    table.paginate([row(word), row("kort")], PAGE_HEIGHT)
    # Kept as written (no break chances put in), so the PDF's text is the real text.
    assert table.cells[0][SUMMARY] == word
    # Wrapped over several lines, so the row is taller than a one-line row.
    assert table.heights[0] > 3 * table.heights[1] / 2


def test_row_taller_than_a_page_continues_on_the_next_pages():
    table = painter()
    lines = [f"regel {number}" for number in range(300)]
    pages = table.paginate([row("eerder"), row("\n".join(lines)), row("daarna")], PAGE_HEIGHT)
    pieces = [index for page in pages for index in page][1:-1]
    assert len(pieces) >= 3 and len(pages) == len(pieces)  # each piece on a page of its own
    assert pages[0] == [0, 1]  # the long row starts under the row before it
    room = PAGE_HEIGHT - table.header_height
    assert all(table.heights[index] <= room for index in pieces)
    assert sum(table.heights[index] for index in pages[0]) <= room
    # Cut between lines: every line once, in order, none shortened.
    shown = [table.cells[index][SUMMARY].split("\n") for index in pieces]
    assert [line for piece in shown for line in piece] == lines
    assert not any("…" in cell for index in pieces for cell in table.cells[index])
    # Later pages repeat the date and say the row continues; other finished cells stay empty.
    first, *later = pieces
    assert table.cells[first][0] == "01-03-2026 10:00" and table.cells[first][1] == "X"
    for index in later:
        assert table.cells[index][0] == "01-03-2026 10:00\n(vervolg)"  # tests run in Dutch
        assert table.cells[index][1] == ""
    assert [table.continues[index] for index in pieces] == [True] * (len(pieces) - 1) + [False]
    assert pages[-1][-1] == len(table.cells) - 1 and table.cells[-1][SUMMARY] == "daarna"


def test_row_taller_than_a_page_starts_on_a_new_page_when_little_room_is_left():
    table = painter()
    table.paginate([row("kort")], PAGE_HEIGHT)
    one_line, room = table.heights[0], PAGE_HEIGHT - table.header_height
    # Short rows that leave less room than the least a long row is started in.
    fillers = int((room - table.splitter.least_room) // one_line) + 1
    assert 0 < room - fillers * one_line < table.splitter.least_room
    pages = table.paginate([row(f"rij {number}") for number in range(fillers)]
                           + [row("\n".join(f"regel {n}" for n in range(300)))], PAGE_HEIGHT)
    assert pages[0] == list(range(fillers))
    assert table.cells[pages[1][0]][SUMMARY].startswith("regel 0\n")


def test_every_cell_of_a_long_row_continues():
    table = painter()
    cells = row("\n".join(f"samenvatting {n}" for n in range(200)))
    cells[8] = "\n".join(f"resultaat {n}" for n in range(250))  # the outcome column
    pages = table.paginate([cells], PAGE_HEIGHT)
    pieces = [index for page in pages for index in page]
    for column, prefix, count in ((SUMMARY, "samenvatting", 200), (8, "resultaat", 250)):
        shown = "\n".join(table.cells[index][column] for index in pieces).split()
        assert shown == [word for n in range(count) for word in (prefix, str(n))]
    assert table.cells[pieces[-1]][SUMMARY] == ""  # finished earlier than the outcome


def test_a_row_that_fits_is_one_piece_as_before():
    table = painter()
    text = "\n".join(f"regel {number}" for number in range(20))
    pages = table.paginate([row(text), row("kort")], PAGE_HEIGHT)
    assert pages == [[0, 1]] and table.cells[0][SUMMARY] == text
    assert table.continues == [False, False] and table.striped == [False, True]


def test_pdf_shows_all_text_of_a_row_taller_than_a_page(logbook, context, tmp_path):
    logbook.add(occurred_at="2026-03-04T12:00", platform="X", kind="reactie",
                summary="\n".join(f"regel {number}" for number in range(200)) + "\nLAATSTE")
    pages = pypdf.PdfReader(str(write_pdf(document(logbook, context), tmp_path / "r.pdf"))).pages
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages[2:]))
    assert all(f"regel {number} " in text for number in range(200))
    assert "LAATSTE" in text and "…" not in text


def test_a_handle_too_wide_for_its_column_wraps_inside_it(logbook, context, tmp_path):
    """QA: "@bewonersraad_oost" was cut off in the counterpart column ("@bewonersraad_oos" and
    half a "t") and ran into the summary ("@bewonersraad_oostKlacht" in pdftotext)."""
    handles = ["@bewonersraad_oost", "@wijkplatform_binnenstad_noordoost"]
    for day, handle in enumerate(handles, start=2):
        logbook.add(occurred_at=f"2026-03-0{day}T10:00", platform="X", kind="reactie",
                    counterpart=handle, summary="Klacht van de bewonersraad")
    page = pypdf.PdfReader(str(write_pdf(document(logbook, context), tmp_path / "r.pdf"))).pages[2]
    lines: list[tuple[str, float, float]] = []  # every line drawn: text, x, y
    page.extract_text(visitor_text=lambda text, _cm, tm, _font, _size: lines.append(
        (text, tm[4], tm[5])) if text.strip() else None)
    header = {text: (x, y) for text, x, y in lines}
    (left, top), right = header["Counterpart"], header["Summary"][0]  # the logbook is English
    in_column = sorted((y, text) for text, x, y in lines if x == left and y > top)
    # Every character, in order, and nothing of another column in between.
    assert "".join(text for _y, text in in_column) == "".join(handles)
    assert len(in_column) > len(handles)  # wrapped
    small = QFont()
    small.setPointSize(FONT_POINTS - 1)
    device = QPdfWriter(str(tmp_path / "m.pdf"))
    device.setResolution(RESOLUTION)
    metrics = QFontMetricsF(small, device)
    for _y, text in in_column:
        assert left + metrics.horizontalAdvance(text) < right, text  # ends before the summary
    assert [text for text, x, _y in lines if x == right and _y > top] == \
        ["Klacht\tvan\tde\tbewonersraad"] * 2
