"""Text output an officer reads: local times everywhere, header rows, packs without templates.

JSON stays exactly as it was: scripts rely on it.
"""

from __future__ import annotations

import json

import pytest

from ambtenaar20.core.app_context import create_app_context
from tests.helpers import run_cli

AMSTERDAM = {"TZ": "Europe/Amsterdam"}


@pytest.fixture()
def followed(tmp_path):
    data = tmp_path / "data"
    context = create_app_context(data, "nl")
    try:
        feed = context.feeds.add_feed("https://example.org/nieuws.xml", "Nieuws")
        with context.store.db.atomic():
            context.store.db.execute("UPDATE feeds SET last_success = ?, last_checked = ? "
                                     "WHERE id = ?", ["2026-11-27T16:26:49Z",
                                                      "2026-11-27T16:26:49Z", feed["id"]])
    finally:
        context.close()
    return data


def test_feeds_list_shows_the_last_success_in_local_time_like_items_and_log(followed):
    text = run_cli("--data-dir", str(followed), "feeds", "list", env=AMSTERDAM)
    assert text.returncode == 0, text.stderr
    assert "2026-11-27 17:26" in text.stdout  # 16:26 UTC is 17:26 in Amsterdam in November
    assert "16:26:49Z" not in text.stdout
    as_json = run_cli("--data-dir", str(followed), "feeds", "list", "--format", "json",
                      env=AMSTERDAM)
    [feed] = json.loads(as_json.stdout)
    assert feed["last_success"] == feed["last_checked"] == "2026-11-27T16:26:49Z"


def test_log_list_has_a_header_row_in_the_officers_language(tmp_path):
    data = tmp_path / "data"
    added = run_cli("--data-dir", str(data), "log", "add", "--platform", "X", "--kind",
                    "reactie", "--at", "2026-03-02T10:00", "--topic", "Afval", "--minutes", "7",
                    "--summary", "Vraag beantwoord", env=AMSTERDAM)
    assert added.returncode == 0, added.stderr
    dutch = run_cli("--data-dir", str(data), "log", "list", env=AMSTERDAM).stdout.splitlines()
    assert dutch[0].split() == ["Nr.", "Datum", "en", "tijd", "Platform", "Soort", "Richting",
                                "Onderwerp", "Minuten", "Samenvatting"]
    assert dutch[1].split() == ["1", "2026-03-02", "10:00", "X", "reactie", "uitgaand", "Afval",
                                "7", "Vraag", "beantwoord"]
    # The columns line up under their headers.
    assert dutch[0].index("Soort") == dutch[1].index("reactie")
    assert dutch[-1] == "1 regel, 7 minuten"
    english = run_cli("--lang", "en", "--data-dir", str(data), "log", "list",
                      env=AMSTERDAM).stdout.splitlines()
    assert english[0].split()[:4] == ["No.", "Date", "and", "time"]
    entries = json.loads(run_cli("--data-dir", str(data), "log", "list", "--format", "json",
                                 env=AMSTERDAM).stdout)
    assert [entry["summary"] for entry in entries] == ["Vraag beantwoord"]


def test_an_empty_log_list_has_no_lonely_header(tmp_path):
    lines = run_cli("--data-dir", str(tmp_path / "data"), "log", "list").stdout.splitlines()
    assert lines == ["0 regels, 0 minuten"]


def test_pack_show_names_the_places_a_check_fills_in(tmp_path):
    dutch = run_cli("--data-dir", str(tmp_path / "data"), "pack", "show")
    assert dutch.returncode == 0, dutch.stderr
    assert "{" not in dutch.stdout and "}" not in dutch.stdout
    # The built-in pack's length and jargon rules ("{platform}: {count} van de {limit}").
    assert "‹platform›: ‹aantal› van de ‹maximum›" in dutch.stdout
    assert "‹gevonden tekst›" in dutch.stdout and "‹alternatieven›" in dutch.stdout
    assert dutch.stdout.splitlines()[-1] == ("‹…› wordt bij het controleren van een concept "
                                             "ingevuld met wat erin gevonden is.")
    english = run_cli("--lang", "en", "--data-dir", str(tmp_path / "data"), "pack", "show",
                      "rijksoverheid-standard-en")
    assert "{" not in english.stdout
    assert "‹number›" in english.stdout and "‹found text›" in english.stdout
    assert english.stdout.splitlines()[-1] == ("‹…› is filled in when a draft is checked, with "
                                               "what was found in it.")


def test_a_message_with_other_braces_keeps_them(tmp_path):
    from ambtenaar20.cli.pack_messages import readable_message

    assert readable_message("{count} van {max}; {eigen}") == "‹aantal› van ‹maximum›; {eigen}"
