"""The log in English: the telephone is "Phone" wherever it is shown, while the stored value
stays "Telefoon" (so old and new entries count together), and the XLSX sheets are named in the
export's language."""

from __future__ import annotations

import openpyxl
import pytest

from ambtenaar20.core import i18n
from ambtenaar20.core.export.xlsx_format import write_xlsx
from ambtenaar20.core.logbook.model import LogFilter
from tests.logbook.export_fixtures import document, fill


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def test_entry_form_offers_phone_in_english_and_stores_telefoon(qtbot, english):
    from ambtenaar20.gui.logbook.entry_form import EntryForm

    form = EntryForm()
    qtbot.addWidget(form)
    offered = [form.platform_edit.itemText(row) for row in range(form.platform_edit.count())]
    assert "Phone" in offered and "Telefoon" not in offered
    form.platform_edit.setCurrentIndex(offered.index("Phone"))
    assert form.values()["platform"] == "Telefoon"
    form.platform_edit.setCurrentText("phone")  # typed, in either language
    assert form.values()["platform"] == "Telefoon"
    form.platform_edit.setCurrentText("Signal")  # anything else stays as typed
    assert form.values()["platform"] == "Signal"


def test_entry_form_in_dutch_shows_and_stores_telefoon(qtbot):
    from ambtenaar20.gui.logbook.entry_form import EntryForm

    form = EntryForm()
    qtbot.addWidget(form)
    offered = [form.platform_edit.itemText(row) for row in range(form.platform_edit.count())]
    assert "Telefoon" in offered
    form.platform_edit.setCurrentIndex(offered.index("Telefoon"))
    assert form.values()["platform"] == "Telefoon"


def test_a_stored_telefoon_entry_reads_phone_in_english(qtbot, logbook, english):
    from ambtenaar20.gui.logbook.entry_form import EntryForm, changed_fields
    from ambtenaar20.gui.logbook.entry_table_model import COLUMNS, EntryTableModel

    entry = logbook.add(occurred_at="2026-03-02T09:15", platform="Telefoon", kind="reactie")
    form = EntryForm()
    qtbot.addWidget(form)
    form.set_entry(entry)
    assert form.platform_edit.currentText() == "Phone"
    assert "platform" not in changed_fields(entry, form.values())  # shown is not changed
    model = EntryTableModel(logbook)
    model.set_filter(LogFilter())
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.entry(0) is not None, timeout=5000)
    column = [name for name, _label in COLUMNS].index("platform")
    assert model.data(model.index(0, column)) == "Phone"


def test_xlsx_sheets_and_platform_in_the_exports_language(logbook, context, tmp_path):
    fill(logbook)
    logbook.add(occurred_at="2026-03-05T11:00", platform="Telefoon", kind="reactie")
    for language, sheets, phone in (("en", ["Log", "Summary"], "Phone"),
                                    ("nl", ["Logboek", "Samenvatting"], "Telefoon")):
        i18n.set_language(language)
        workbook = openpyxl.load_workbook(write_xlsx(document(logbook, context),
                                                     tmp_path / f"{language}.xlsx"))
        assert workbook.sheetnames == sheets
        platforms = {row[2] for row in workbook[sheets[0]].iter_rows(min_row=2,
                                                                     values_only=True)}
        assert phone in platforms
        summary = [row[:2] for row in workbook[sheets[1]].iter_rows(values_only=True)]
        assert (phone, 1) in summary


@pytest.mark.parametrize("action", ["add", "edit"])
def test_an_unknown_kind_lists_the_kinds_in_the_interface_language(tmp_path, action):
    from ambtenaar20.core.logbook.kinds import parse_kind
    from tests.helpers import run_cli

    data_dir = str(tmp_path / "data")
    added = run_cli("--data-dir", data_dir, "log", "add", "--platform", "X", "--kind", "reply")
    assert added.returncode == 0, added.stderr
    target = ["add", "--platform", "X"] if action == "add" else ["edit", "1"]
    said = {}
    for lang in ("en", "nl"):
        result = run_cli("--lang", lang, "--data-dir", data_dir, "log", *target, "--kind", "blah")
        assert result.returncode == 2
        said[lang] = result.stderr.strip().splitlines()[-1]
    assert "choose one of: reply, post, question answered, correction, referred, private " \
        "message, other" in said["en"]
    assert "reactie" not in said["en"]
    assert "kies uit: reactie, bericht, vraag beantwoord, correctie, doorverwezen, " \
        "privébericht, overig" in said["nl"]
    # Every name listed is accepted.
    for name in said["en"].split("choose one of: ")[1].split(", "):
        parse_kind(name)
