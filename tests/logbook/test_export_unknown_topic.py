"""``export --topic`` with a topic no entry has (a typo) still writes the file and exits 0, as
the contract says, but says so on stderr with the topics the log does know (QA s6-c #13)."""

from __future__ import annotations

import csv

import pytest

from tests.helpers import run_cli

PERIOD = ("--from", "2026-03-01", "--to", "2026-03-31")


@pytest.fixture
def data_dir(tmp_path):
    data = tmp_path / "data"
    for topic in ("Afval", "Zorg"):
        added = run_cli("--data-dir", str(data), "log", "add", "--platform", "X", "--kind",
                        "reactie", "--topic", topic, "--at", "2026-03-02T10:00")
        assert added.returncode == 0, added.stderr
    return data


def export(data_dir, lang: str, *options: str):
    return run_cli("--lang", lang, "--data-dir", str(data_dir), "export", *PERIOD, "--format",
                   "csv", *options)


def test_an_unknown_topic_is_named_with_the_known_ones_and_the_file_still_written(
        data_dir, tmp_path):
    out = tmp_path / "x.csv"
    result = export(data_dir, "nl", "--topic", "Zorgg", "-o", str(out))
    assert result.returncode == 0
    assert "0 regels opgeslagen" in result.stdout
    [warning] = result.stderr.strip().splitlines()
    assert warning == ("ambtenaar20: let op: geen enkele logboekregel heeft het "
                       "onderwerp 'Zorgg'; de onderwerpen in het logboek zijn: Afval, Zorg")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == 1  # the header only

    english = export(data_dir, "en", "--topic", "Zorgg", "--topic", "afval", "--topic",
                     "Parkeren", "-o", str(out))
    assert english.returncode == 0 and "Wrote 1 entry" in english.stdout
    assert english.stderr.strip() == ("ambtenaar20: warning: no log entry has the topics "
                                      "'Zorgg', 'Parkeren'; the log's topics are: Afval, Zorg")


def test_a_period_without_entries_gets_a_note_and_a_full_one_none(data_dir, tmp_path):
    out = tmp_path / "x.csv"
    empty = run_cli("--lang", "en", "--data-dir", str(data_dir), "export", "--from",
                    "2026-04-01", "--to", "2026-04-30", "--format", "csv", "-o", str(out))
    assert empty.returncode == 0 and out.exists()
    assert empty.stderr.strip() == "ambtenaar20: note: no log entries in this period"
    full = export(data_dir, "en", "--topic", "zorg", "-o", str(out))
    assert full.returncode == 0 and full.stderr == ""
