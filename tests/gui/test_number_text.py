"""Numbers people read: the Dutch way in Dutch ("0,3 uur"), the English way in English."""

from ambtenaar20.core import i18n
from ambtenaar20.core.logbook.summary import Summary
from ambtenaar20.core.number_text import decimal_text
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


def big_summary() -> Summary:
    """The QA reviewer's 4000 entries: 61635 minutes, 1027,2 hours."""
    return Summary(entries=4000, minutes=61635, by_kind={"reactie": 2500, "bericht": 1500},
                   by_platform={}, by_topic={}, by_week={}, minutes_by_week={},
                   follow_ups_open=1200)


def test_report_totals_group_thousands_as_the_reader_writes_them():
    i18n.set_language("nl")
    dutch = " ".join(totals_html(big_summary()))
    assert "<b>61.635</b> minuten (<b>1.027,2</b> uur)" in dutch
    assert "<b>4.000</b>" in dutch and "<b>1.200</b>" in dutch
    assert "61635" not in dutch
    i18n.set_language("en")
    english = " ".join(totals_html(big_summary()))
    assert "<b>61,635</b> minutes (<b>1,027.2</b> hours)" in english
    assert "<b>4,000</b>" in english and "61635" not in english


def test_whole_numbers_keep_small_ones_plain():
    from ambtenaar20.core.number_text import whole_number_text

    i18n.set_language("nl")
    assert [whole_number_text(n) for n in (0, 7, 999, 1000, 1234567)] == [
        "0", "7", "999", "1.000", "1.234.567"]
    i18n.set_language("en")
    assert whole_number_text(1234567) == "1,234,567"


def test_the_window_summary_groups_the_counts_by_kind():
    from ambtenaar20.gui.logbook.report_summary import summary_html

    i18n.set_language("nl")
    html = summary_html(big_summary())
    assert "&nbsp;2.500</td>" in html and "&nbsp;2500<" not in html


def test_numbers_need_no_qt():
    # ``log list`` groups its totals with these: a command must not load Qt for a separator.
    import subprocess
    import sys

    code = ("import sys; from ambtenaar20.core import i18n; i18n.set_language('nl'); "
            "from ambtenaar20.core.number_text import whole_number_text as w; "
            "print(w(61635), 'PySide6' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["61.635", "False"]
