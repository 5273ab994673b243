"""Pseudonymised exports: no handle, name, personal URL or personal data of a counterpart in
any format (CSV, XLSX, JSON, PDF), and stable "Persoon N" pseudonyms within one export."""

from __future__ import annotations

import csv
import json
import re

import openpyxl
import pypdf
import pytest

from ambtenaar20.core.export.csv_format import write_csv
from ambtenaar20.core.export.json_format import write_json
from ambtenaar20.core.export.pseudonymize import Pseudonymizer
from ambtenaar20.core.export.xlsx_format import write_xlsx
from ambtenaar20.render.pdf_report import write_pdf
from tests.logbook.export_fixtures import document, fill

#: Everything that could point to the citizens in the sample entries.
SECRETS = ("janjansen", "jansen", "petra", "boer", "deboer", "12345678", "example.nl",
           "NL91ABNA0417164300", "0417164300", "x.com/", "facebook.com")


def read_csv(path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return "\n".join(";".join(row) for row in csv.reader(handle, delimiter=";"))


def read_xlsx(path) -> str:
    workbook = openpyxl.load_workbook(path)
    return "\n".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows()
                     for cell in row if cell.value is not None)


def read_json(path) -> str:
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)


def read_pdf(path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text().replace("\u200b", "")
                                        for page in pypdf.PdfReader(str(path)).pages))


WRITERS = {
    "csv": (write_csv, read_csv), "xlsx": (write_xlsx, read_xlsx),
    "json": (write_json, read_json), "pdf": (write_pdf, read_pdf),
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_no_counterpart_data_in_any_format(logbook, context, tmp_path, fmt):
    fill(logbook)
    write, read = WRITERS[fmt]
    target = write(document(logbook, context, pseudonymize=True), tmp_path / f"p.{fmt}")
    text = read(target)
    # Without any white space, so a value wrapped over two lines in the PDF is still found.
    flat = re.sub(r"\s", "", text).casefold()
    for secret in SECRETS:
        assert secret.casefold() not in flat, (fmt, secret)
    assert "Persoon 1" in text and "Persoon 2" in text
    # The organisation's own page is not about a person and stays (the PDF may wrap it).
    assert "gemeente.nl/nieuws/ophaaldagen" in re.sub(r"\s", "", text)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_without_pseudonymisation_the_data_is_there(logbook, context, tmp_path, fmt):
    fill(logbook)
    write, read = WRITERS[fmt]
    text = read(write(document(logbook, context), tmp_path / f"p.{fmt}")).casefold()
    assert "petra de boer" in text and "janjansen" in text


def test_pseudonyms_are_stable_within_an_export(logbook, context):
    fill(logbook)
    entries = document(logbook, context, pseudonymize=True).entries
    names = [entry.counterpart for entry in entries]
    # @janjansen and @JanJansen are the same person; the website post has nobody.
    assert names == ["Persoon 1", "Persoon 2", "", "Persoon 1", ""]
    assert entries[0].summary.startswith("Vraag van Persoon 1 over de ophaaldag")
    assert entries[1].summary.startswith("Persoon 2 vroeg naar de vergunning")
    assert entries[0].url == "" and entries[1].url == ""
    assert entries[2].url == "https://www.gemeente.nl/nieuws/ophaaldagen"


@pytest.mark.parametrize("url", [
    "https://x.com/gemeente/status/1", "https://mastodon.nl/@iemand/1234",
    "https://www.linkedin.com/in/iemand", "mailto:iemand@example.nl",
    "https://forum.example.org/user/klaas", "https://example.org/?mail=a%40b.nl",
])
def test_urls_that_lead_to_people_are_dropped(logbook, url):
    entry = logbook.add(platform="X", kind="reactie", counterpart="Klaas", url=url)
    assert Pseudonymizer.for_entries([entry]).apply(entry).url == ""


def test_free_text_loses_links_to_people_and_name_parts(logbook):
    petra = logbook.add(platform="X", kind="reactie", counterpart="Petra de Boer")
    jan = logbook.add(platform="X", kind="reactie", counterpart="@janjansen",
                      summary="Mevrouw De Boer en Petra; zie www.x.com/janjansen/status/1 en "
                              "https://www.gemeente.nl/afval; mail janjansen@example.nl")
    text = Pseudonymizer.for_entries([petra, jan]).apply(jan).summary
    assert "Boer" not in text and "Petra" not in text and "janjansen" not in text
    assert "x.com" not in text and "example.nl" not in text
    assert "https://www.gemeente.nl/afval" in text and "Persoon 1" in text


def test_own_post_on_social_media_keeps_its_link(logbook):
    entry = logbook.add(platform="X", kind="bericht", url="https://x.com/gemeente/status/1")
    assert Pseudonymizer.for_entries([entry]).apply(entry).url == entry.url


def test_cli_export_pseudonymized(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "AMBTENAAR20_DATA_DIR": str(tmp_path / "d"),
           "TZ": "Europe/Amsterdam"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "ambtenaar20", *args], env=env,
                              capture_output=True, text=True, timeout=60)

    run("log", "add", "--platform", "X", "--kind", "reactie", "--at", "2026-03-02T10:00",
        "--counterpart", "@klaasvaak", "--url", "https://x.com/klaasvaak/status/9",
        "--summary", "Vraag van @klaasvaak, mail klaas@example.nl of bel 0612345678")
    target = tmp_path / "p.json"
    result = run("export", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json",
                 "--pseudonymize", "-o", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    for secret in ("klaasvaak", "klaas@example.nl", "0612345678", "x.com"):
        assert secret not in text
    item = json.loads(text)["interactions"][0]
    assert item["counterpart"] == "Persoon 1" and item["url"] == ""
    assert json.loads(text)["pseudonymized"] is True


def test_a_pseudonymised_report_says_which_names_were_replaced(logbook, context, tmp_path):
    """QA: the PDF cover said every person was replaced, the XLSX only "Gepseudonimiseerd: ja";
    yet only the log's counterparts and the listed names are recognised, others may remain."""
    fill(logbook)
    hidden = document(logbook, context, pseudonymize=True)
    cover = read_pdf(write_pdf(hidden, tmp_path / "p.pdf"))
    assert "the counterparts from the log, and any names listed to be hidden, are shown as " \
        "'Persoon 1'" in cover
    assert "Other names in the texts may remain." in cover
    sheet = openpyxl.load_workbook(write_xlsx(hidden, tmp_path / "p.xlsx"))["Summary"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    below = rows[rows.index(["Pseudonymised", "yes"]) + 1]
    # The same words under "Pseudonymised" as on the cover.
    assert below[0] is None and below[1] in cover
    assert below[1].endswith("Other names in the texts may remain.")
    plain = document(logbook, context)
    assert "Other names" not in read_pdf(write_pdf(plain, tmp_path / "q.pdf"))
    assert "Other names" not in read_xlsx(write_xlsx(plain, tmp_path / "q.xlsx"))
