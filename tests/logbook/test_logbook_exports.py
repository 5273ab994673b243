"""CSV, XLSX and JSON exports read back with their real readers and compared with the log."""

from __future__ import annotations

import csv
import json
import os
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.export.csv_format import write_csv
from ambtenaar20.core.export.json_format import write_json
from ambtenaar20.core.export.target import atomic_output, check_output
from ambtenaar20.core.export.xlsx_format import write_xlsx
from tests.logbook.export_fixtures import document, fill

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_has_bom_semicolons_header_and_every_entry(logbook, context, tmp_path):
    entries = fill(logbook)
    target = write_csv(document(logbook, context), tmp_path / "log.csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["No.", "Date and time", "Platform"]
    assert [int(row[0]) for row in body] == [entry.id for entry in entries]
    by_column = [dict(zip(header, row, strict=True)) for row in body]
    assert by_column[0]["Date and time"] == "2026-03-02 09:15"
    assert by_column[0]["Counterpart"] == "'@janjansen"
    assert by_column[1]["Summary"] == entries[1].summary
    assert by_column[1]["Kind"] == "question answered"
    assert [int(row["Minutes"]) for row in by_column] == [5, 12, 30, 3, 0]
    assert by_column[0]["Follow-up"] == "2026-03-09"


def test_csv_comma_separator(logbook, context, tmp_path):
    fill(logbook)
    target = write_csv(document(logbook, context), tmp_path / "log.csv", separator=",")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=","))
    assert len(rows) == 6 and rows[0][1] == "Date and time"


def test_no_spreadsheet_cell_starts_like_a_formula(logbook, context, tmp_path):
    fill(logbook)
    doc = document(logbook, context)
    csv_file = write_csv(doc, tmp_path / "log.csv")
    with csv_file.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    assert "'=HYPERLINK(\"http://evil\",\"klik\")" in cells
    assert "'-Nieuwe ophaaldagen gepubliceerd" in cells
    assert "'@doorgestuurd" in cells
    for text in cells:
        assert not text.startswith(FORMULA_STARTS), text
    # XLSX needs no apostrophe: such text is a string cell (see the next test).
    workbook = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "log.xlsx"))
    xlsx_cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in xlsx_cells)
    assert "=HYPERLINK(\"http://evil\",\"klik\")" in [cell.value for cell in xlsx_cells]


#: Text an officer may type that a spreadsheet would otherwise take for a formula or an error.
FORMULA_LIKE = ("=1+1", "+31 6 12345678", "-", "@handle", '=HYPERLINK("http://evil","klik")',
                "#N/A", "@Anna")


def test_xlsx_keeps_formula_like_text_exactly_as_string_cells(logbook, context, tmp_path):
    context.settings.profile.name = "@Anna"  # on the summary sheet
    logbook.add(occurred_at="2026-03-05T10:00", platform="X", kind="reactie", topic="=1+1",
                counterpart="@handle", summary='=HYPERLINK("http://evil","klik")',
                outcome="+31 6 12345678")
    logbook.add(occurred_at="2026-03-06T10:00", platform="X", kind="reactie", summary="-",
                outcome="#N/A")
    target = write_xlsx(document(logbook, context), tmp_path / "log.xlsx")
    workbook = openpyxl.load_workbook(target)
    texts = {cell.value: cell for sheet in workbook for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)}
    for text in FORMULA_LIKE:
        assert text in texts, text
        assert texts[text].data_type == "s", text
    assert not [text for text in texts if text.startswith("'")]
    # Marked as text the way Excel marks text typed after an apostrophe, so editing the cell
    # in Excel does not turn it into a formula either.
    assert texts["=1+1"].quotePrefix and not texts["X"].quotePrefix
    assert [sheet["A1"].value for sheet in workbook] == ["No.", "Activity report"]
    with zipfile.ZipFile(target) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 2
        for name in sheets:
            root = ElementTree.fromstring(archive.read(name))
            assert not [element for element in root.iter() if element.tag.endswith("}f")], name


def test_xlsx_typed_cells_filter_frozen_header_and_summary(logbook, context, tmp_path):
    entries = fill(logbook)
    workbook = openpyxl.load_workbook(write_xlsx(document(logbook, context),
                                                 tmp_path / "log.xlsx"))
    assert workbook.sheetnames == ["Log", "Summary"]  # in the export's language
    sheet = workbook["Log"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:N6"
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (cell.value for cell in row), strict=True))
            for row in sheet.iter_rows(min_row=2)]
    assert [row["No."] for row in rows] == [entry.id for entry in entries]
    assert rows[0]["Date and time"] == datetime(2026, 3, 2, 9, 15)
    assert rows[4]["Date and time"] == datetime(2026, 3, 31, 23, 30)
    assert rows[0]["Follow-up"] == datetime(2026, 3, 9)
    assert [row["Minutes"] for row in rows] == [5, 12, 30, 3, 0]
    assert rows[2]["Summary"] == "-Nieuwe ophaaldagen gepubliceerd"
    values = [[cell.value for cell in row] for row in workbook["Summary"].iter_rows()]
    assert ["Entries", 5] in [row[:2] for row in values]
    assert ["Time spent (minutes)", 50] in [row[:2] for row in values]
    assert ["Name", "Anna de Vries"] in [row[:2] for row in values]
    assert ["question answered", 1] in [row[:2] for row in values]
    assert ["2026-W10", 1] in [row[:2] for row in values]


def test_xlsx_formatting_widths_and_size_as_readers_see_them(logbook, context, tmp_path):
    """The sheets are streamed (written row by row): their look and their recorded size are
    what a workbook built in memory had."""
    fill(logbook)
    target = write_xlsx(document(logbook, context), tmp_path / "log.xlsx")
    sheet = openpyxl.load_workbook(target)["Log"]
    assert all(cell.font.b for cell in sheet[1])
    assert not any(cell.font.b for cell in sheet[2])
    assert {sheet.cell(row, 2).number_format for row in range(2, 7)} == {"yyyy-mm-dd hh:mm"}
    # Also the empty follow-up cells: a date typed there later shows as a date.
    assert {sheet.cell(row, 12).number_format for row in range(2, 7)} == {"yyyy-mm-dd"}
    assert sheet.cell(3, 12).value is None
    assert all(sheet.cell(row, 9).alignment.wrap_text for row in range(2, 7))
    assert sheet.cell(2, 9).alignment.vertical == "top"
    assert sheet.column_dimensions["I"].width == 60 and sheet.column_dimensions["A"].width == 7
    summary = openpyxl.load_workbook(target)["Summary"]
    assert summary["A1"].font.b and summary.column_dimensions["A"].width == 28
    period = next(row for row in summary.iter_rows() if row[0].value == "Period from")
    assert period[1].value == datetime(2026, 3, 1) and period[1].number_format == "yyyy-mm-dd"
    # Readers that trust the size written in the file (openpyxl's read-only mode, pandas).
    streamed = openpyxl.load_workbook(target, read_only=True)
    assert streamed["Log"].calculate_dimension() == "A1:N6"
    assert streamed["Summary"].max_column == 2
    assert streamed["Summary"].max_row == summary.max_row


def test_json_layout_matches_the_log(logbook, context, tmp_path):
    entries = fill(logbook)
    data = json.loads(write_json(document(logbook, context, topics=("Afval",)),
                                 tmp_path / "log.json").read_text(encoding="utf-8"))
    assert set(data) >= {"period", "officer", "interactions", "summary"}
    assert data["period"]["from"] == "2026-03-01" and data["period"]["to"] == "2026-03-31"
    assert data["period"]["start"] == "2026-03-01T00:00:00+01:00"
    assert data["period"]["end_exclusive"] == "2026-04-01T00:00:00+02:00"
    assert data["officer"] == {"name": "Anna de Vries", "function": "Online adviseur",
                               "organisation": "Gemeente Voorbeeld",
                               "department": "Communicatie"}
    afval = [entry for entry in entries if entry.topic == "Afval"]
    assert [item["id"] for item in data["interactions"]] == [entry.id for entry in afval]
    first = data["interactions"][0]
    assert first["occurred_at"] == "2026-03-02T09:15:00+01:00"
    assert (first["kind"], first["direction"], first["minutes"]) == ("reactie", "out", 5)
    assert first["counterpart"] == "@janjansen" and first["follow_up"] == "2026-03-09"
    assert data["summary"]["entries"] == 3 and data["summary"]["minutes"] == 38


def test_empty_period_still_gives_a_valid_file(logbook, context, tmp_path):
    workbook = openpyxl.load_workbook(write_xlsx(document(logbook, context),
                                                 tmp_path / "empty.xlsx"))
    assert workbook["Log"].max_row == 1
    with write_csv(document(logbook, context), tmp_path / "e.csv").open(
            encoding="utf-8-sig") as handle:
        assert len(handle.read().splitlines()) == 1


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.csv"]


def test_output_checks_name_the_field(tmp_path):
    with pytest.raises(UsageError, match="output"):
        check_output(tmp_path / "missing" / "x.csv")
    with pytest.raises(UsageError, match="output"):
        check_output(tmp_path)
    assert check_output(tmp_path / "ok.csv") == tmp_path / "ok.csv"
    assert os.listdir(tmp_path) == []
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(UsageError, match="output"):
            check_output(locked / "x.csv")
    finally:
        locked.chmod(0o755)
    existing = tmp_path / "old.csv"
    existing.write_text("keep")
    existing.chmod(0o444)
    with pytest.raises(UsageError, match="output"):
        check_output(existing)
    with pytest.raises(UsageError, match="output"):
        check_output(Path("/dev/null"))


def test_week_summary_uses_local_dates(logbook, context):
    # Sunday 22 March 23:30 local is still week 12 although it is Sunday 22:30 UTC.
    logbook.add(occurred_at="2026-03-22T23:30", platform="X", kind="reactie")
    doc = document(logbook, context)
    assert doc.summary.by_week["2026-W12"] == 1 and doc.summary.by_week["2026-W13"] == 0
    assert doc.period.start == date(2026, 3, 1)
