"""Where ``export`` and the other writing commands may write: stdout, and not over a backup."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from ambtenaar20.core.paths import AppPaths
from tests.helpers import cli_environment, run_cli

PERIOD = ["--from", "2020-01-01", "--to", "2030-12-31"]


@pytest.fixture()
def data(tmp_path):
    folder = tmp_path / "data"
    added = run_cli("--data-dir", str(folder), "log", "add", "--platform", "X", "--kind",
                    "reactie", "--at", "2026-03-02T10:00", "--topic", "Afval",
                    "--summary", "Vraag over de container beantwoord")
    assert added.returncode == 0, added.stderr
    return folder


def run_in(folder, *args):
    return subprocess.run([sys.executable, "-m", "ambtenaar20", *args], cwd=folder,
                          capture_output=True, text=True, env=cli_environment(), timeout=60)


@pytest.fixture()
def daily(data):
    made = run_cli("--data-dir", str(data), "backup", "--daily")
    assert made.returncode == 0, made.stderr
    [zip_file] = AppPaths(data).backups_dir.glob("ambtenaar20-*-daily.zip")
    return zip_file


@pytest.mark.parametrize("command", [
    ["export", *PERIOD, "--format", "csv", "-o", "{target}"],
    ["feeds", "export", "{target}"],
    ["diagnose", "--save", "{target}"],
    ["backup", "{target}"],
])
def test_an_automatic_backup_is_not_overwritten(data, daily, command):
    before = daily.read_bytes()
    result = run_cli("--data-dir", str(data), *[part.format(target=daily) for part in command])
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "automatische back-up" in lines[0]
    assert daily.read_bytes() == before


def test_a_copy_made_before_an_update_is_not_overwritten_either(data):
    paths = AppPaths(data)
    copy = paths.backups_dir / "ambtenaar20-20261127-102459-455101-before-migration.sqlite3"
    copy.write_bytes(b"SQLite format 3\x00")
    result = run_cli("--data-dir", str(data), "export", *PERIOD, "--format", "json",
                     "-o", str(copy))
    assert result.returncode == 2 and copy.read_bytes() == b"SQLite format 3\x00"
    # Nor a new file that would be taken for the newest automatic backup.
    fake = paths.backups_dir / "ambtenaar20-20991231-000000-000000-daily.zip"
    result = run_cli("--data-dir", str(data), "export", *PERIOD, "--format", "csv",
                     "-o", str(fake))
    assert result.returncode == 2 and not fake.exists()
    assert len(result.stderr.strip().splitlines()) == 1


def test_which_names_are_automatic_backups(tmp_path):
    paths = AppPaths(tmp_path / "data")
    backups = paths.backups_dir
    for name in ("ambtenaar20-20261127-082143-219726-daily.zip", "unusable-20261127-x.sqlite3",
                 "ambtenaar20-20261127-102459-455101-before-migration.sqlite3",
                 "AMBTENAAR20-20261127-082143-219726-DAILY.ZIP"):
        assert paths.is_automatic_backup(backups / name), name
    for free in (backups / "maart.csv", backups / "mijn-back-up.zip",
                 paths.data_dir / "ambtenaar20-20261127-082143-219726-daily.zip",
                 backups / "sub" / "ambtenaar20-1-daily.zip", tmp_path / "elders.zip"):
        assert not paths.is_automatic_backup(free), free


def test_other_files_in_the_backups_folder_may_still_be_written(data, daily):
    backups = AppPaths(data).backups_dir
    exported = run_cli("--data-dir", str(data), "export", *PERIOD, "--format", "csv",
                       "-o", str(backups / "maart.csv"))
    assert exported.returncode == 0, exported.stderr
    own = run_cli("--data-dir", str(data), "backup", str(backups / "mijn-back-up.zip"))
    assert own.returncode == 0, own.stderr
    again = run_cli("--data-dir", str(data), "backup", str(backups / "mijn-back-up.zip"))
    assert again.returncode == 0, again.stderr
    assert sorted(path.name for path in backups.iterdir()) == sorted(
        [daily.name, "maart.csv", "mijn-back-up.zip"])


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_dash_writes_text_formats_to_standard_output(data, tmp_path, fmt):
    result = run_in(tmp_path, "--data-dir", str(data), "export", *PERIOD, "--format", fmt,
                    "-o", "-")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "-").exists()
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
        assert len(rows) == 2 and "Vraag over de container beantwoord" in rows[1]
    else:
        exported = json.loads(result.stdout)
        assert [entry["summary"] for entry in exported["interactions"]] == [
            "Vraag over de container beantwoord"]
    assert "1 regel" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_dash_is_refused_for_binary_formats(data, tmp_path, fmt):
    result = run_in(tmp_path, "--data-dir", str(data), "export", *PERIOD, "--format", fmt,
                    "-o", "-")
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert fmt.upper() in lines[0]
    assert not (tmp_path / "-").exists()
