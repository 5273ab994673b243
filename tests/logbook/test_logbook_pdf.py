"""The PDF report, read back with pypdf: cover, totals, every entry, page numbers."""

from __future__ import annotations

import re

import pypdf

from ambtenaar20.render.pdf_report import write_pdf
from tests.logbook.export_fixtures import add_many, document, fill


def pdf_text(path) -> list[str]:
    # pypdf puts tabs and line ends between the words; compare with plain spaces.
    return [re.sub(r"\s+", " ", page.extract_text().replace("\u200b", ""))
            for page in pypdf.PdfReader(str(path)).pages]


def test_pdf_has_cover_summary_entries_and_page_numbers(logbook, context, tmp_path):
    entries = fill(logbook)
    target = write_pdf(document(logbook, context), tmp_path / "report.pdf")
    pages = pdf_text(target)
    assert len(pages) >= 3
    cover = pages[0]
    for value in ("Anna de Vries", "Online adviseur", "Gemeente Voorbeeld", "Communicatie",
                  "01-03-2026", "31-03-2026"):
        assert value in cover
    summary = pages[1]
    assert "50" in summary and "0.8" in summary  # minutes and hours
    assert "question answered" in summary and "Parkeren" in summary
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    flat = " ".join(pages[2:])
    for entry in entries:
        assert entry.occurred_at.strftime("%d-%m-%Y %H:%M") in flat
    assert "Petra de Boer" in flat and "@janjansen" in flat
    assert "ophaaldagen" in flat


def test_pdf_table_spans_pages_with_header_on_each(logbook, context, tmp_path):
    for day in range(1, 29):
        for hour in (9, 13, 16):
            logbook.add(occurred_at=f"2026-03-{day:02d}T{hour:02d}:00", platform="X",
                        kind="reactie", summary=f"antwoord {day}-{hour}", minutes=2)
    pages = pdf_text(write_pdf(document(logbook, context), tmp_path / "long.pdf"))
    table_pages = pages[2:]
    assert len(table_pages) >= 2
    assert all("Date and time" in page for page in table_pages)
    assert "antwoord 28-16" in table_pages[-1]
    assert "168" in pages[1]  # 84 entries of 2 minutes


def test_pdf_for_empty_period_is_still_a_report(logbook, context, tmp_path):
    pages = pdf_text(write_pdf(document(logbook, context), tmp_path / "empty.pdf"))
    assert "No entries in this period" in " ".join(pages)



def test_pdf_summary_groups_thousands(logbook, context, tmp_path):
    add_many(logbook, 1000)  # 1000 replies of 5 minutes
    summary = pdf_text(write_pdf(document(logbook, context), tmp_path / "many.pdf"))[1]
    assert "5,000 minutes" in summary and "83.3 hours" in summary, summary
    assert "Entries: 1,000" in summary
    assert "reply 1,000" in summary  # the count by kind
    assert "5000" not in summary
