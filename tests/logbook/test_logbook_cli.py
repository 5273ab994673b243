"""The CLI contract: ``log add``, ``log list``, ``export``; exit codes; nothing written on error."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str, tz: str = "Europe/Amsterdam") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AMBTENAAR20_DATA_DIR": str(data_dir),
           "TZ": tz, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "ambtenaar20", "--lang", "en", *args],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def test_add_then_list_as_json(data_dir):
    added = run(data_dir, "log", "add", "--platform", "X", "--kind", "vraag beantwoord",
                "--at", "2026-03-29T00:30", "--direction", "in", "--topic", "Afval",
                "--counterpart", "@jan", "--url", "https://x.com/jan/status/1",
                "--minutes", "7", "--summary", "Vraag over afval", "--outcome", "Beantwoord",
                "--follow-up", "2026-04-02")
    assert added.returncode == 0, added.stderr
    run(data_dir, "log", "add", "--platform", "LinkedIn", "--kind", "privébericht",
        "--at", "2026-03-29T23:30", "--topic", "Parkeren")
    run(data_dir, "log", "add", "--platform", "X", "--kind", "bericht",
        "--at", "2026-03-30T00:00", "--topic", "Afval")
    listed = run(data_dir, "log", "list", "--from", "2026-03-29", "--to", "2026-03-29",
                 "--format", "json")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)
    assert [entry["kind"] for entry in entries] == ["vraag_beantwoord", "privebericht"]
    first = entries[0]
    assert first["occurred_at"] == "2026-03-29T00:30:00+01:00"
    assert entries[1]["occurred_at"] == "2026-03-29T23:30:00+02:00"
    assert (first["platform"], first["direction"], first["topic"], first["counterpart"],
            first["url"], first["minutes"], first["summary"], first["outcome"],
            first["follow_up"]) == ("X", "in", "Afval", "@jan", "https://x.com/jan/status/1", 7,
                                    "Vraag over afval", "Beantwoord", "2026-04-02")
    by_topic = json.loads(run(data_dir, "log", "list", "--topic", "Afval", "--format",
                              "json").stdout)
    assert [entry["topic"] for entry in by_topic] == ["Afval", "Afval"]
    text = run(data_dir, "log", "list")
    assert text.returncode == 0 and "3 entries" in text.stdout


@pytest.mark.parametrize(("args", "field"), [
    (("log", "add", "--platform", "X", "--kind", "tweet"), "kind"),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--at", "2026-02-30T10:00"), "at"),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--follow-up", "2026-13-01"),
     "follow-up"),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--minutes", "-3"), "minutes"),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--direction", "up"), "direction"),
    (("log", "list", "--from", "2026-03-05", "--to", "2026-03-01"), "from"),
    (("log", "list", "--from", "2026-02-31"), "from"),
    # 02:30 on the night the clocks go forward (Europe/Amsterdam) never happened.
    (("log", "add", "--platform", "X", "--kind", "reactie", "--at", "2026-03-29T02:30"), "at"),
    # Dates Python or the platform's clock cannot convert: a user error, not a crash.
    (("log", "add", "--platform", "X", "--kind", "reactie", "--at", "0001-01-01T00:00"), "at"),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--at", "9999-12-31T23:59"), "at"),
    (("log", "list", "--to", "9999-12-31"), "to"),
    (("log", "list", "--from", "0001-01-01", "--to", "2026-01-01"), "from"),
    (("export", "--from", "2026-01-01", "--to", "9999-12-31", "--format", "csv", "-o",
      "out.csv"), "to"),
    (("export", "--from", "2026-03-05", "--to", "2026-03-01", "--format", "csv", "-o",
      "out.csv"), "from"),
    (("export", "--from", "2026-03-01", "--to", "2026-04-31", "--format", "csv", "-o",
      "out.csv"), "to"),
    (("export", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "doc", "-o",
      "out.csv"), "format"),
    (("export", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv",
      "--separator", "|", "-o", "out.csv"), "separator"),
])
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(data_dir, tmp_path, monkeypatch,
                                                              args, field):
    monkeypatch.chdir(tmp_path)
    result = run(data_dir, *args)
    assert result.returncode == 2
    assert field in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.csv").exists()
    assert not (data_dir / "ambtenaar20.sqlite3").exists()


def test_unwritable_output_exits_2_and_leaves_no_file(data_dir, tmp_path):
    run(data_dir, "log", "add", "--platform", "X", "--kind", "reactie", "--at", "2026-03-02T10:00")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    for target in (tmp_path / "no" / "such" / "dir" / "x.csv", tmp_path, locked / "x.csv"):
        result = run(data_dir, "export", "--from", "2026-03-01", "--to", "2026-03-31",
                     "--format", "csv", "-o", str(target))
        assert result.returncode == 2 and "output" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "locked"]
    assert list(locked.iterdir()) == []
    locked.chmod(0o755)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "pdf"])
def test_export_writes_each_format(data_dir, tmp_path, fmt):
    run(data_dir, "log", "add", "--platform", "X", "--kind", "reactie", "--at",
        "2026-03-31T23:30", "--topic", "Afval", "--summary", "laat op de avond")
    run(data_dir, "log", "add", "--platform", "X", "--kind", "reactie", "--at",
        "2026-04-01T00:00", "--topic", "Afval")
    target = tmp_path / f"maart.{fmt}"
    result = run(data_dir, "export", "--from", "2026-03-01", "--to", "2026-03-31", "--format",
                 fmt, "--separator", ",", "-o", str(target))
    assert result.returncode == 0, result.stderr
    if fmt == "csv":
        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=","))
        assert len(rows) == 2 and "laat op de avond" in rows[1]
    elif fmt == "json":
        data = json.loads(target.read_text(encoding="utf-8"))
        assert [item["summary"] for item in data["interactions"]] == ["laat op de avond"]
    elif fmt == "pdf":
        import pypdf

        text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(target)).pages)
        assert "laat" in text and "avond" in text and "Page 3 of 3" in " ".join(text.split())
    else:
        import openpyxl

        assert openpyxl.load_workbook(target)["Log"].max_row == 2  # sheet named in English
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # usual permissions, not private


def test_help_documents_the_kinds(data_dir):
    result = run(data_dir, "log", "add", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())  # the words may wrap onto the next line
    assert "vraag beantwoord" in text and "privébericht" in text


def test_add_can_print_the_new_entry_as_json(data_dir):
    result = run(data_dir, "log", "add", "--platform", "Website", "--kind", "correctie",
                 "--at", "2026-10-25T02:30+01:00", "--format", "json")
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stdout)
    # After the autumn change 02:30+01:00 is a real Amsterdam time (the second 02:30).
    assert entry["occurred_at"] == "2026-10-25T02:30:00+01:00"
    assert (entry["kind"], entry["direction"], entry["id"]) == ("correctie", "out", 1)


def test_list_shows_local_time_and_dutch_direction(data_dir):
    # Logged in UTC (a laptop set to UTC, say), listed in Amsterdam: 23:30 UTC is 01:30 there.
    added = run(data_dir, "log", "add", "--platform", "X", "--kind", "reactie", "--at",
                "2026-06-30T23:30+00:00", tz="UTC")
    assert added.returncode == 0, added.stderr
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AMBTENAAR20_DATA_DIR": str(data_dir),
           "TZ": "Europe/Amsterdam", "QT_QPA_PLATFORM": "offscreen"}
    listed = subprocess.run([sys.executable, "-m", "ambtenaar20", "--lang", "nl", "log", "list"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert "2026-07-01 01:30" in listed.stdout
    assert "uitgaand" in listed.stdout

