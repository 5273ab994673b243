"""The manager's PDF report: cover, summary with weekly chart, table of entries, page numbers.

Laid out as HTML in a ``QTextDocument`` whose page size is the real A4 page of the ``QPdfWriter``
(otherwise Qt lays tables out at a third of the width) for the cover and the summary; the table of
entries is painted by ``table_painter`` (linear in the number of entries, header on every page,
an entry taller than a page continued on the next pages so the report is always complete).
Every page gets "Pagina n van m" in its footer.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.export.document import (
    ExportDocument,
    generator_name,
    pseudonymized_note,
)
from ambtenaar20.core.export.progress import ExportSteps
from ambtenaar20.core.export.target import atomic_output
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.kinds import direction_label, kind_label
from ambtenaar20.core.logbook.model import Interaction
from ambtenaar20.core.logbook.platforms import platform_label
from ambtenaar20.render.chart import weekly_chart
from ambtenaar20.render.qt_app import ensure_gui_application
from ambtenaar20.render.table_painter import Column, TablePainter

RESOLUTION = 300
CHART_URL = QUrl("chart:weekly")
FONT_POINTS = 9
CHART_RATIO = 0.3
#: Relative widths of the entries table's columns (the summary gets the most room).
COLUMN_PERCENT = (10, 7, 8, 6, 10, 11, 25, 4, 11, 8)


def write_pdf(document: ExportDocument, target: Path, cancel: CancelToken | None = None,
              progress: ProgressCallback | None = None) -> Path:
    """Write the report to ``target``; ``progress`` counts every entry twice: measured for the
    page layout, then drawn (page by page)."""
    ensure_gui_application()
    rows_total = max(len(document.entries), 1)  # an empty period has one row saying so
    steps = ExportSteps(2 * rows_total, _("Laying out pages"), cancel, progress)
    steps.start()
    with atomic_output(target, cancel) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setResolution(RESOLUTION)
        writer.setPageMargins(QMarginsF(14, 12, 14, 10), QPageLayout.Unit.Millimeter)
        writer.setTitle(_("Activity report") + " " + _period_text(document))
        writer.setCreator(generator_name())
        paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
        footer = RESOLUTION * 0.25  # a quarter inch for the page number
        body = QSizeF(paint_rect.width(), paint_rect.height() - footer)
        font = QFont()
        font.setPointSize(FONT_POINTS)

        text = QTextDocument()
        text.documentLayout().setPaintDevice(writer)
        text.setDefaultFont(font)
        text.setPageSize(body)
        chart_width = int(body.width() * 0.95)
        text.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, weekly_chart(
            document.summary.by_week, chart_width, int(chart_width * CHART_RATIO),
            _("Entries per week"), _("No entries in this period")))
        text.setHtml(report_html(document, chart_width))

        heading = QFont(font)
        heading.setPointSize(FONT_POINTS + 7)
        heading.setBold(True)
        heading_height = QFontMetricsF(heading, writer).height() * 1.6
        small = QFont(font)
        small.setPointSize(FONT_POINTS - 1)
        table = TablePainter(writer, table_columns(), body.width(), small)
        rows = [entry_cells(entry) for entry in document.entries] or \
            [[_("No entries in this period")] + [""] * (len(table.columns) - 1)]
        steps.check()
        table_pages = table.paginate(rows, body.height() - heading_height, steps.advance)
        total = text.pageCount() + len(table_pages)

        steps.start(_("Drawing pages"))
        painter = QPainter(writer)
        try:
            page = _paint_document(writer, painter, text, body, footer, total)
            for number, indexes in enumerate(table_pages):
                # A page is a few milliseconds: look at the token before each one.
                steps.check()
                writer.newPage()
                if number == 0:
                    painter.setFont(heading)
                    painter.setPen(QColor("#111111"))
                    painter.drawText(QRectF(0, 0, body.width(), heading_height),
                                     int(Qt.AlignmentFlag.AlignLeft), _("Entries"))
                table.paint(painter, rows, indexes, heading_height if number == 0 else 0,
                            body.height() - (heading_height if number == 0 else 0))
                page += 1
                _page_number(painter, body, footer, page, total, small)
                steps.advance(rows_total + rows_total * (number + 1) // len(table_pages))
        finally:
            painter.end()
        steps.finish()
    return Path(target)


def _paint_document(writer: QPdfWriter, painter: QPainter, text: QTextDocument, body: QSizeF,
                    footer: float, total: int) -> int:
    footer_font = QFont(text.defaultFont())
    footer_font.setPointSize(FONT_POINTS - 1)
    pages = text.pageCount()
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * body.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, index * body.height(), body.width(), body.height())
        painter.setClipRect(context.clip)
        text.documentLayout().draw(painter, context)
        painter.restore()
        _page_number(painter, body, footer, index + 1, total, footer_font)
    return pages


def _page_number(painter: QPainter, body: QSizeF, footer: float, page: int, total: int,
                 font: QFont) -> None:
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    painter.drawText(QRectF(0, body.height(), body.width(), footer),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                     _("Page {page} of {pages}").format(page=page, pages=total))


def table_columns() -> list[Column]:
    titles = [_("Date and time"), _("Platform"), _("Kind"), _("Direction"), _("Topic"),
              _("Counterpart"), _("Summary"), _("Min."), _("Outcome"), _("Follow-up")]
    return [Column(title, percent, right_aligned=(index == 7))
            for index, (title, percent) in enumerate(zip(titles, COLUMN_PERCENT, strict=True))]


def entry_cells(entry: Interaction) -> list[str]:
    # A long link wraps where it reaches the column's edge (``cell_wrap``), kept as written:
    # break chances put into it would be copied and searched with it.
    summary = entry.summary + (("\n" + entry.url) if entry.url else "")
    return [
        entry.occurred_at.strftime("%d-%m-%Y %H:%M"), platform_label(entry.platform),
        kind_label(entry.kind), direction_label(entry.direction), entry.topic,
        entry.counterpart, summary,
        str(entry.minutes), entry.outcome,
        entry.follow_up.strftime("%d-%m-%Y") if entry.follow_up else "",
    ]


def _period_text(document: ExportDocument) -> str:
    return _("{start} to {end}").format(start=document.period.start.strftime("%d-%m-%Y"),
                                        end=document.period.end.strftime("%d-%m-%Y"))


def report_html(document: ExportDocument, chart_width: int) -> str:
    return _cover(document) + _summary(document, chart_width)


def _cover(document: ExportDocument) -> str:
    officer = document.officer
    rows = [(_("Name"), officer["name"]), (_("Function"), officer["function"]),
            (_("Organisation"), officer["organisation"]),
            (_("Department"), officer["department"]),
            (_("Period"), _period_text(document)),
            (_("Topics"), ", ".join(document.topics) or _("all topics")),
            (_("Made on"), document.generated_at.strftime("%d-%m-%Y %H:%M"))]
    table = "".join(f"<tr><td style='padding:6px 24px 6px 0; color:#555'>{escape(label)}</td>"
                    f"<td style='padding:6px 0'><b>{escape(value or '–')}</b></td></tr>"
                    for label, value in rows)
    note = ""
    if document.pseudonymized:
        note = "<p style='color:#555'>" + escape(pseudonymized_note()) + "</p>"
    return (
        "<p style='font-size:30pt'><b>" + escape(_("Activity report")) +
        "</b></p><p style='font-size:15pt; color:#1f5fa8'>" +
        escape(_("Online interactions: log and summary")) + "</p><br/>"
        f"<table cellspacing='0' style='font-size:12pt'>{table}</table><br/>{note}"
        "<p style='color:#777'>" + escape(generator_name()) + "</p>"
    )


def _counts_table(title: str, counts: dict[str, int], label=str) -> str:
    from ambtenaar20.core.number_text import whole_number_text

    rows = "".join(f"<tr><td style='padding:2px 16px 2px 0'>{escape(label(key))}</td>"
                   f"<td align='right'>{whole_number_text(count)}</td></tr>"
                   for key, count in counts.items())
    if not rows:
        rows = "<tr><td>–</td><td></td></tr>"
    return (f"<td valign='top' style='padding-right:40px'><p><b>{escape(title)}</b></p>"
            f"<table cellspacing='0'>{rows}</table></td>")


def totals_html(summary) -> list[str]:
    """The headline numbers with the figures in bold (also used by the Rapportage area), grouped
    as the reader writes them: "61.635 minuten (1.027,2 uur)", not "61635 minuten"."""
    from ambtenaar20.core.number_text import decimal_text, whole_number_text

    def bold(number: int) -> str:
        return f"<b>{whole_number_text(number)}</b>"

    return [
        escape(_("Entries: {count}")).format(count=bold(summary.entries)),
        escape(_("Time spent: {minutes} minutes ({hours} hours)")).format(
            minutes=bold(summary.minutes), hours=f"<b>{decimal_text(summary.hours)}</b>"),
        escape(_("Open follow-ups: {count}")).format(count=bold(summary.follow_ups_open)),
    ]


def _summary(document: ExportDocument, chart_width: int) -> str:
    summary = document.summary
    # Image sizes in the HTML are in 96-dpi pixels, the image itself is at the printer's dpi.
    shown = int(chart_width * 96 / RESOLUTION)
    totals = "<p style='font-size:12pt'>" + "&nbsp;&nbsp;&nbsp; ".join(
        totals_html(summary)) + "</p>"
    counts = (
        "<table cellspacing='0'><tr>"
        + _counts_table(_("By kind"), summary.by_kind, kind_label)
        + _counts_table(_("By platform"), summary.by_platform, platform_label)
        + _counts_table(_("By topic"), summary.by_topic, lambda topic: topic or _("(no topic)"))
        + "</tr></table>"
    )
    return (
        # Qt honours page breaks on paragraphs (not on div), so each section starts with one.
        "<h1 style='page-break-before:always'>" + escape(_("Summary")) + "</h1>" + totals
        + counts + f"<p><img src='{CHART_URL.toString()}' width='{shown}' "
        f"height='{int(shown * CHART_RATIO)}'/></p>"
    )
