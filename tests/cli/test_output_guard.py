"""No command writes its output over the files the app keeps the officer's data in."""

from __future__ import annotations

import os

import pytest

from ambtenaar20.core.paths import AppPaths
from tests.helpers import run_cli


@pytest.fixture()
def data(tmp_path):
    folder = tmp_path / "data"
    added = run_cli("--data-dir", str(folder), "log", "add", "--platform", "X", "--kind",
                    "reactie", "--summary", "Vraag over parkeren beantwoord")
    assert added.returncode == 0, added.stderr
    return folder


@pytest.mark.parametrize("command", [
    ["export", "--from", "2020-01-01", "--to", "2030-12-31", "--format", "csv", "-o", "{db}"],
    ["backup", "{db}"],
    ["feeds", "export", "{db}"],
    ["diagnose", "--save", "{db}"],
    ["export", "--from", "2020-01-01", "--to", "2030-12-31", "--format", "json", "-o",
     "{settings}"],
])
def test_writing_over_the_database_or_settings_is_refused_and_changes_nothing(data, command):
    paths = AppPaths(data)
    before = {path: path.read_bytes() for path in (paths.database, paths.settings)
              if path.exists()}
    arguments = [part.format(db=paths.database, settings=paths.settings) for part in command]
    result = run_cli("--data-dir", str(data), *arguments)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "een van de bestanden" in lines[0]
    assert {path: path.read_bytes() for path in before} == before
    listed = run_cli("--data-dir", str(data), "log", "list", "--format", "json")
    assert listed.returncode == 0 and "parkeren" in listed.stdout


def test_which_files_hold_the_data(tmp_path):
    paths = AppPaths(tmp_path / "data")
    inside = paths.data_dir
    for held in (paths.database, inside / "ambtenaar20.sqlite3-wal", paths.settings,
                 paths.gui_lock, paths.log_file, paths.packs_dir / "eigen.toml",
                 inside / "wordlist.txt", inside / "drafting.json", inside):
        assert paths.holds_state(held), held
    for free in (paths.backups_dir / "ambtenaar20-backup-20261127.zip", inside / "export.csv",
                 tmp_path / "export.csv", tmp_path / "ambtenaar20.sqlite3"):
        assert not paths.holds_state(free), free


def test_a_link_to_the_database_is_seen_through(tmp_path):
    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    paths.database.write_bytes(b"")
    link = tmp_path / "export.csv"
    os.symlink(paths.database, link)
    assert paths.holds_state(link)
