"""The Rapportage area's summary text: the totals and the counts by kind, platform and topic.

The same figures and labels as the PDF's summary page (``render.pdf_report``), laid out as
three columns of rich text for a label beside the form.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.kinds import kind_label
from ambtenaar20.core.logbook.model import Summary
from ambtenaar20.core.logbook.platforms import platform_label


def _rows(counts: dict[str, int], label: Callable[[str], str] = str) -> str:
    from ambtenaar20.core.number_text import whole_number_text

    return "".join(f"<tr><td>{escape(label(key) or '–')}</td>"
                   f"<td align='right'>&nbsp;{whole_number_text(count)}</td></tr>"
                   for key, count in counts.items()) or "<tr><td>–</td></tr>"


def summary_html(summary: Summary) -> str:
    from ambtenaar20.render.pdf_report import totals_html

    columns = [(_("By kind"), _rows(summary.by_kind, kind_label)),
               (_("By platform"), _rows(summary.by_platform, platform_label)),
               (_("By topic"), _rows(summary.by_topic,
                                     lambda topic: topic or _("(no topic)")))]
    return (
        "<h3>" + escape(_("Summary")) + "</h3><p>" + " &nbsp; ".join(totals_html(summary))
        + "</p><table><tr>"
        + "<td width='24'></td>".join(f"<td valign='top'><b>{escape(title)}</b>"
                                      f"<table>{body}</table></td>"
                                      for title, body in columns)
        + "</tr></table>"
    )
