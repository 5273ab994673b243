"""Numbers people read: the Dutch way in Dutch ("0,3 uur"), the English way in English."""

from ambtenaar20.core import i18n
from ambtenaar20.core.logbook.summary import Summary
from ambtenaar20.render.numbers import decimal_text
from ambtenaar20.render.pdf_report import totals_html


def test_decimal_comma_in_dutch_and_point_in_english():
    i18n.set_language("nl")
    assert decimal_text(0.3) == "0,3"
    assert decimal_text(2435.0) == "2.435,0"
    assert decimal_text(0.15, 2, signed=True) == "+0,15"
    assert decimal_text(-0.08, 2, signed=True) == "-0,08"
    i18n.set_language("en")
    assert decimal_text(0.3) == "0.3"
    assert decimal_text(2435.0) == "2,435.0"


def test_report_totals_show_hours_with_a_comma_in_dutch():
    i18n.set_language("nl")
    summary = Summary(entries=2, minutes=20, by_kind={}, by_platform={}, by_topic={},
                      by_week={}, minutes_by_week={}, follow_ups_open=0)
    text = " ".join(totals_html(summary))
    assert "<b>0,3</b>" in text and "0.3" not in text
