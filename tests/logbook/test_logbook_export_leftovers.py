"""A killed export leaves its scratch files where the next export finds and removes them.

They hold the log's text, personal data included. openpyxl kept an XLSX's sheets in the system's
temporary folder, where after a kill -9 they stayed for good; now they are written beside the
target, named as ``core/export/leftovers.py`` recognises them, like the file being written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.core.export.leftovers import (
    MARK,
    STALE_AFTER_SECONDS,
    remove_leftovers,
    scratch_file,
)
from ambtenaar20.core.export.xlsx_format import write_xlsx
from tests.logbook.export_fixtures import MARCH, add_many

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def sheets(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".sheet.tmp"))


def age(path: Path, seconds: float) -> None:
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def test_an_xlsx_export_keeps_its_sheets_beside_the_target(logbook, context, out, system_temp):
    add_many(logbook, 500)
    document = build_document(logbook, context.settings.profile, ExportRequest(MARCH))
    seen: list[tuple[list[str], list[str]]] = []

    def progress(done: int, total: int, what: str) -> None:
        seen.append((sheets(out), sorted(path.name for path in system_temp.iterdir())))

    write_xlsx(document, out / "maart.xlsx", progress=progress)
    beside = {name for names, _temp in seen for name in names}
    assert beside and all(name.startswith(".maart.xlsx" + MARK) for name in beside)
    assert all(temp == [] for _names, temp in seen)  # never in the system's temporary folder
    assert sorted(path.name for path in out.iterdir()) == ["maart.xlsx"]


def test_only_the_apps_own_stale_scratch_files_are_removed(out):
    stale = scratch_file(out / "maart.xlsx", ".sheet.tmp")
    stale_file = scratch_file(out / "april.csv")
    fresh = scratch_file(out / "mei.pdf")  # an export running now
    others = [out / ".maart.xlsx.tmp", out / "notities.tmp", out / "maart.xlsx",
              out / f".x{MARK}abc.tmp.bak"]
    for path in others:
        path.write_text("van een ander programma")
    folder = out / f".map{MARK}abc.tmp"
    folder.mkdir()
    for path in (stale, stale_file, *others, folder):
        age(path, STALE_AFTER_SECONDS + 60)
    assert sorted(remove_leftovers(out)) == sorted([stale, stale_file])
    assert fresh.exists() and folder.is_dir()
    assert all(path.exists() for path in others)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")
def test_what_a_killed_export_left_is_removed_by_the_next_export(logbook, context, out,
                                                                  tmp_path):
    add_many(logbook, 20_000)
    temp = tmp_path / "system-temp"
    temp.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    export = [sys.executable, "-m", "ambtenaar20", "--data-dir", str(context.paths.data_dir),
              "export", "--from", "2026-03-01", "--to", "2026-03-31"]
    process = subprocess.Popen([*export, "--format", "xlsx", "-o", str(out / "maart.xlsx")],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any((out / name).stat().st_size for name in sheets(out)):
        assert process.poll() is None, "the export ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = sheets(out)
    assert left and not (out / "maart.xlsx").exists()
    assert list(temp.iterdir()) == []  # nothing of it in the system's temporary folder

    for name in left:
        age(out / name, STALE_AFTER_SECONDS + 60)
    running = scratch_file(out / "juni.xlsx", ".sheet.tmp")  # another export, busy now
    subprocess.run([*export, "--format", "csv", "-o", str(out / "maart.csv")], env=env,
                   check=True, capture_output=True)
    assert sheets(out) == [running.name]
    assert (out / "maart.csv").stat().st_size > 0
