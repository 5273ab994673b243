"""XLSX export: a log sheet with typed, filterable cells and a summary sheet with totals.

The sheets are named in the export's language, the active one, as its headers are: "Logboek"
and "Samenvatting" in Dutch, "Log" and "Summary" in English.

Dates are real date cells (local wall time; spreadsheets have no time zones), minutes are
numbers, so the manager can sort, filter and sum without converting anything. Text is always a
string cell, exactly as the officer wrote it: text that starts like a formula (``=``, ``+``,
``-``, ``@``) needs no apostrophe as in CSV, because a string cell is never evaluated. openpyxl is
imported when an export runs, not when the app starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.export.cells import COLUMNS, clean, headers, looks_like_formula, typed_row
from ambtenaar20.core.export.document import ExportDocument, generator_name
from ambtenaar20.core.export.progress import ExportSteps
from ambtenaar20.core.export.target import atomic_output
from ambtenaar20.core.i18n import N_, _
from ambtenaar20.core.logbook.kinds import kind_label
from ambtenaar20.core.logbook.platforms import platform_label

#: Untranslated sheet names; translated when a file is written.
LOG_SHEET = N_("Log")
SUMMARY_SHEET = N_("Summary")
_WIDTHS = {"id": 7, "occurred_at": 17, "platform": 14, "kind": 18, "direction": 11, "topic": 20,
           "counterpart": 20, "url": 36, "summary": 60, "minutes": 9, "outcome": 30,
           "follow_up": 12, "draft_id": 8, "item_id": 10}


def write_xlsx(document: ExportDocument, target: Path, cancel: CancelToken | None = None,
               progress: ProgressCallback | None = None) -> Path:
    """Write ``document`` to ``target``; ``progress`` counts every entry twice: put in the
    sheet, then saved (openpyxl saves all rows at once, in about the same time)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    count = len(document.entries)
    steps = ExportSteps(2 * count, _("Writing entries"), cancel, progress)
    steps.start()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _(LOG_SHEET)
    sheet.append(_text_as_strings(sheet, headers(clean)))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for entry in document.entries:
        sheet.append(_text_as_strings(sheet, typed_row(entry, clean)))
        steps.advance()
    for index, (name, _label) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(name, 14)
        fmt = {"occurred_at": "yyyy-mm-dd hh:mm", "follow_up": "yyyy-mm-dd"}.get(name)
        if fmt:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = fmt
    wrap = Alignment(wrap_text=True, vertical="top")
    summary_column = [name for name, _label in COLUMNS].index("summary") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=summary_column, max_col=summary_column):
        cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, sheet.max_row)}"

    _summary_sheet(workbook.create_sheet(_(SUMMARY_SHEET)), document, bold)
    # Saving is not interrupted: openpyxl would leave its own temporary files behind. A cancel
    # while it saves takes effect right after (``atomic_output`` drops the file).
    steps.start(_("Saving the file"))
    with atomic_output(target, cancel) as temporary:
        workbook.save(temporary)
        steps.finish()
    return Path(target)


def _text_as_strings(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """The row with every text as a string cell, never a formula or an error value.

    openpyxl would store text starting with ``=`` as a formula and ``#N/A`` as an error.
    Control characters XML cannot hold are removed.
    """
    from openpyxl.cell.cell import Cell

    row: list[Any] = []
    for value in values:
        if isinstance(value, str):
            cell = Cell(sheet, value=clean(value))
            cell.data_type = "s"
            # What Excel stores for text typed after an apostrophe: shown without it, and
            # editing the cell in Excel keeps it text instead of turning it into a formula.
            cell.quotePrefix = looks_like_formula(cell.value)
            value = cell
        row.append(value)
    return row


def _summary_sheet(sheet: Any, document: ExportDocument, bold: Any) -> None:
    summary = document.summary
    officer = document.officer
    rows: list[tuple[Any, ...]] = [
        (_("Activity report"),),
        (),
        (_("Name"), officer["name"]),
        (_("Function"), officer["function"]),
        (_("Organisation"), officer["organisation"]),
        (_("Department"), officer["department"]),
        (_("Period from"), document.period.start),
        (_("Period to"), document.period.end),
        (_("Topics"), ", ".join(document.topics) or _("all")),
        (_("Pseudonymised"), _("yes") if document.pseudonymized else _("no")),
        (),
        (_("Entries"), summary.entries),
        (_("Time spent (minutes)"), summary.minutes),
        (_("Time spent (hours)"), summary.hours),
        (_("Open follow-ups"), summary.follow_ups_open),
    ]
    heading_rows = [1]
    for title, counts, label in (
        (_("By kind"), summary.by_kind, kind_label),
        (_("By platform"), summary.by_platform, platform_label),
        (_("By topic"), summary.by_topic, lambda topic: topic or _("(no topic)")),
        (_("By week"), summary.by_week, str),
    ):
        rows.append(())
        rows.append((title, _("Entries")))
        heading_rows.append(len(rows))
        rows.extend((label(key), count) for key, count in counts.items())
    rows += [(), (_("Made with"), generator_name()),
             (_("Made on"), document.generated_at.replace(tzinfo=None))]
    for row in rows:
        sheet.append(_text_as_strings(sheet, row))
    for number in heading_rows:
        for cell in sheet[number]:
            cell.font = bold
    for (cell,) in sheet.iter_rows(min_col=2, max_col=2):
        if isinstance(cell.value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 40

