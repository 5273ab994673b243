"""Exports show every time on the export's clock, whatever offset an entry was stored with.

An entry keeps the offset of the computer it was made on (a laptop set to UTC, the other side
of a DST change). A report for 1 April in Amsterdam must list it at its Amsterdam time, on the
right day, in order, and count it in the right ISO week.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, date

import openpyxl

from ambtenaar20.core.export.csv_format import write_csv
from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.core.export.json_format import write_json
from ambtenaar20.core.export.xlsx_format import write_xlsx
from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.service import LogbookService
from ambtenaar20.render.pdf_report import entry_cells
from tests.logbook.conftest import AMSTERDAM


def service(context, tz) -> LogbookService:
    return LogbookService(lambda: context.store.db, tz=tz, actor=lambda: "tester")


def export(logbook, context, day: date, **request):
    return build_document(logbook, context.settings.profile,
                          ExportRequest(Period(day, day), **request))


def csv_times(path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row[1] for row in list(csv.reader(handle, delimiter=";"))[1:]]


def test_entry_made_on_utc_clock_shows_amsterdam_time(context, tmp_path):
    utc_laptop = service(context, UTC)
    late = utc_laptop.add(occurred_at="2026-03-31T23:30", platform="X", kind="reactie")
    assert late.occurred_at.isoformat() == "2026-03-31T23:30:00+00:00"
    early = service(context, AMSTERDAM).add(occurred_at="2026-04-01T02:00", platform="X",
                                            kind="reactie")
    doc = export(service(context, AMSTERDAM), context, date(2026, 4, 1))
    assert [entry.id for entry in doc.entries] == [late.id, early.id]
    assert csv_times(write_csv(doc, tmp_path / "a.csv")) == ["2026-04-01 01:30",
                                                              "2026-04-01 02:00"]
    sheet = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "a.xlsx"))["Log"]
    assert [str(row[1].value) for row in sheet.iter_rows(min_row=2)] == [
        "2026-04-01 01:30:00", "2026-04-01 02:00:00"]
    assert [entry_cells(entry)[0] for entry in doc.entries] == ["01-04-2026 01:30",
                                                                 "01-04-2026 02:00"]
    data = json.loads(write_json(doc, tmp_path / "a.json").read_text(encoding="utf-8"))
    assert data["interactions"][0]["occurred_at"] == "2026-04-01T01:30:00+02:00"


def test_utc_export_shows_utc_times_of_amsterdam_entries(context, tmp_path):
    amsterdam = service(context, AMSTERDAM)
    for at in ("2026-04-01T00:00", "2026-04-01T01:30", "2026-03-31T23:59"):
        amsterdam.add(occurred_at=at, platform="X", kind="reactie")
    doc = export(service(context, UTC), context, date(2026, 3, 31))
    assert csv_times(write_csv(doc, tmp_path / "u.csv")) == [
        "2026-03-31 21:59", "2026-03-31 22:00", "2026-03-31 23:30"]


def test_week_buckets_use_the_export_zone(context):
    # Sunday 29 March 23:30 UTC is Monday 30 March 01:30 in Amsterdam: week 14, not 13.
    service(context, UTC).add(occurred_at="2026-03-29T23:30", platform="X", kind="reactie")
    amsterdam = service(context, AMSTERDAM)
    doc = build_document(amsterdam, context.settings.profile,
                         ExportRequest(Period(date(2026, 3, 23), date(2026, 4, 5))))
    assert doc.summary.by_week == {"2026-W13": 0, "2026-W14": 1}
    assert amsterdam.summary().by_week == {"2026-W14": 1}
