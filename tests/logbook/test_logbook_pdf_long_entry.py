"""An entry too long for one page is continued on the next pages of the PDF report, whole.

The manager's report must be complete: before, such an entry ended in "…" on one page.
"""

from __future__ import annotations

import re

import pypdf

from ambtenaar20.render.pdf_report import write_pdf
from tests.logbook.export_fixtures import document, fill

#: Numbered words, so a word that went missing or came twice is found by its number.
WORDS = [f"w{number:04d}x" for number in range(1150)]
LONG_SUMMARY = " ".join(WORDS)  # about 8,000 characters: several pages


def pdf_pages(path) -> list[str]:
    # pypdf puts tabs and line ends between the words; compare with plain spaces.
    return [re.sub(r"\s+", " ", page.extract_text().replace("\u200b", ""))
            for page in pypdf.PdfReader(str(path)).pages]


def ordinary_entries(logbook) -> None:
    """Two months' worth of ordinary entries, some with a few lines of text."""
    for day in range(1, 29):
        for hour in (9, 13, 16):
            summary = f"antwoord {day}-{hour}" + (" met uitleg" * (day * 2) if hour == 13 else "")
            logbook.add(occurred_at=f"2026-03-{day:02d}T{hour:02d}:00", platform="X",
                        kind="reactie", summary=summary, outcome="Beantwoord", minutes=2)


def test_entry_longer_than_a_page_is_continued_whole(logbook, context, tmp_path):
    fill(logbook)
    short = pdf_pages(write_pdf(document(logbook, context), tmp_path / "short.pdf"))
    assert len(LONG_SUMMARY) >= 8000
    logbook.add(occurred_at="2026-03-12T10:30", platform="Website", kind="bericht",
                summary=LONG_SUMMARY, outcome="Uitkomst " * 60 + "EINDE")
    pages = pdf_pages(write_pdf(document(logbook, context), tmp_path / "long.pdf"))

    assert len(pages) >= len(short) + 2  # the entry alone fills several pages
    table = pages[2:]
    flat = " ".join(table)
    found = re.findall(r"w\d{4}x", flat)
    assert found == WORDS  # every word once, in order
    assert "EINDE" in flat and flat.count("Uitkomst") == 60
    assert "…" not in flat
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    assert all("Date and time" in page for page in table)
    # Each page the entry continues on says so, beside its date.
    continued = [page for page in table if "(continued)" in page]
    assert len(continued) >= 2
    assert all("12-03-2026 10:30 (continued)" in page for page in continued)
    # The entries around it are all there too.
    for date in ("02-03-2026 09:15", "10-03-2026 14:00", "15-03-2026 11:30"):
        assert date in flat


def test_dutch_report_says_vervolg(logbook, context, tmp_path):
    from ambtenaar20.core import i18n

    logbook.add(occurred_at="2026-03-12T10:30", platform="X", kind="reactie",
                summary=LONG_SUMMARY)
    i18n.set_language("nl")
    pages = pdf_pages(write_pdf(document(logbook, context), tmp_path / "nl.pdf"))
    assert "12-03-2026 10:30 (vervolg)" in " ".join(pages)
    assert re.findall(r"w\d{4}x", " ".join(pages[2:])) == WORDS


#: Rows per table page (how many, first, last) of ``ordinary_entries``, as the report had them
#: before long entries were continued; ordinary entries must stay exactly where they were.
ORDINARY_TABLE_PAGES = [
    (23, "01-03-2026 09:00", "08-03-2026 13:00"), (16, "08-03-2026 16:00", "13-03-2026 16:00"),
    (13, "14-03-2026 09:00", "18-03-2026 09:00"), (9, "18-03-2026 13:00", "21-03-2026 09:00"),
    (9, "21-03-2026 13:00", "24-03-2026 09:00"), (9, "24-03-2026 13:00", "27-03-2026 09:00"),
    (5, "27-03-2026 13:00", "28-03-2026 16:00"),
]


def test_ordinary_report_is_laid_out_as_before(logbook, context, tmp_path):
    ordinary_entries(logbook)
    pages = pdf_pages(write_pdf(document(logbook, context), tmp_path / "ordinary.pdf"))
    assert len(pages) == 2 + len(ORDINARY_TABLE_PAGES)
    for text, (count, first, last) in zip(pages[2:], ORDINARY_TABLE_PAGES, strict=True):
        dates = re.findall(r"\d\d-03-2026 \d\d:\d\d", text)
        assert (len(dates), dates[0], dates[-1]) == (count, first, last)
    flat = " ".join(pages)
    assert flat.count("met uitleg") == sum(day * 2 for day in range(1, 29))
    assert "antwoord 28-16" in flat and "(continued)" not in flat and "…" not in flat
