"""Exports report their progress and can be cancelled: a cancelled export leaves nothing behind.

Every format, cancelled in its first and in its second half (the PDF drawing), the XLSX also
halfway through compressing the file, a pseudonymised export while it learns who the people are:
no file, no temporary file (also none of openpyxl's in the system's temporary folder), an
existing file at the target untouched. Uncancelled, the progress only moves forward and ends at
its total.
"""

from __future__ import annotations

import io
import os
import tempfile

import pytest

from ambtenaar20.core.cancellation import Cancelled, CancelToken
from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.core.export.json_format import write_json_stream
from ambtenaar20.core.export.progress import CHECK_EVERY
from ambtenaar20.core.i18n import _
from ambtenaar20.render.exports import write_export
from tests.logbook.export_fixtures import MARCH, add_many

FORMATS = ("csv", "xlsx", "json", "pdf")
#: Enough entries for several looks at the token in every step.
COUNT = 4 * CHECK_EVERY + 30


@pytest.fixture(autouse=True)
def _widgets_stay_possible(qapp):
    """The PDF needs a Qt application: made here a ``QApplication``, as in the window, or the
    PDF would make a ``QGuiApplication`` and widget tests later in the run could not start."""


@pytest.fixture
def big(logbook, context):
    add_many(logbook, COUNT)
    return build_document(logbook, context.settings.profile, ExportRequest(MARCH))


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    """The system's temporary folder, for this test alone: openpyxl keeps a streamed sheet in
    a scratch file there."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def cancelling(token: CancelToken, half: str):
    """A progress callback that cancels in the first half (at its first report after the
    start) or in the second half of the export; it records every report."""
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, what: str) -> None:
        calls.append((done, total, what))
        if (half == "first" and done > 0) or (half == "second" and done >= total // 2):
            token.cancel()

    return calls, progress


@pytest.mark.parametrize("half", ["first", "second"])
@pytest.mark.parametrize("file_format", FORMATS)
def test_cancelled_export_leaves_no_file_and_no_temporary_file(big, out, system_temp,
                                                               file_format, half):
    token = CancelToken()
    calls, progress = cancelling(token, half)
    target = out / f"maart.{file_format}"
    with pytest.raises(Cancelled):
        write_export(big, file_format, target, cancel=token, progress=progress)
    assert token.cancelled
    done, total, _what = calls[-1]
    assert done < total  # stopped at the next look at the token, not at the end
    assert list(out.iterdir()) == []
    assert list(system_temp.iterdir()) == []


class CancelsWhileSaving(CancelToken):
    """Counts its looks once ``saving`` is set, and cancels itself at look ``at``."""

    def __init__(self, at: int = 0) -> None:
        super().__init__()
        self.saving, self.looks, self.at = False, 0, at

    def raise_if_cancelled(self) -> None:
        if self.saving:
            self.looks += 1
            if self.looks == self.at:
                self.cancel()
        super().raise_if_cancelled()


def saving_xlsx(big, target, token: CancelsWhileSaving) -> list[tuple[int, int, str]]:
    """Export ``big`` as XLSX; ``token`` starts counting when the entries are all in."""
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, what: str) -> None:
        calls.append((done, total, what))
        if done >= COUNT:
            token.saving = True

    write_export(big, "xlsx", target, cancel=token, progress=progress)
    return calls


def test_xlsx_save_looks_at_the_token_while_it_compresses_the_file(big, out):
    token = CancelsWhileSaving()
    calls = saving_xlsx(big, out / "maart.xlsx", token)
    assert calls[-1][0] == calls[-1][1]
    # Between the parts of the file and between chunks of the log sheet, not only once at the
    # end (openpyxl's own save could not be stopped, nor followed).
    assert token.looks >= 10


@pytest.mark.parametrize("existing", [False, True])
def test_xlsx_cancelled_halfway_through_the_save_leaves_nothing(big, out, system_temp,
                                                                existing):
    uncancelled = CancelsWhileSaving()
    saving_xlsx(big, out / "probe.xlsx", uncancelled)
    (out / "probe.xlsx").unlink()
    assert uncancelled.looks >= 10  # so that the cancel below lands inside the save
    target = out / "maart.xlsx"
    if existing:
        target.write_bytes(b"the report of last month")
        os.utime(target, (1_000_000_000, 1_000_000_000))
    token = CancelsWhileSaving(at=uncancelled.looks // 2)
    with pytest.raises(Cancelled):
        saving_xlsx(big, target, token)
    assert token.looks == token.at  # stopped at that look, in the middle of the save
    if existing:
        assert target.read_bytes() == b"the report of last month"
        assert target.stat().st_mtime == 1_000_000_000
        assert list(out.iterdir()) == [target]
    else:
        assert list(out.iterdir()) == []
    assert list(system_temp.iterdir()) == []


@pytest.mark.parametrize("half", ["first", "second"])
@pytest.mark.parametrize("file_format", FORMATS)
def test_cancelled_export_never_touches_an_existing_file(big, out, file_format, half):
    target = out / f"maart.{file_format}"
    target.write_bytes(b"the report of last month")
    os.utime(target, (1_000_000_000, 1_000_000_000))
    token = CancelToken()
    _calls, progress = cancelling(token, half)
    with pytest.raises(Cancelled):
        write_export(big, file_format, target, cancel=token, progress=progress)
    assert target.read_bytes() == b"the report of last month"
    assert target.stat().st_mtime == 1_000_000_000
    assert list(out.iterdir()) == [target]


@pytest.mark.parametrize("file_format", FORMATS)
def test_progress_moves_forward_and_reaches_its_total(big, out, file_format):
    calls: list[tuple[int, int, str]] = []
    target = write_export(big, file_format, out / f"maart.{file_format}",
                          cancel=CancelToken(), progress=lambda *call: calls.append(call))
    assert target.exists() and [path.name for path in out.iterdir()] == [target.name]
    totals = {total for _done, total, _what in calls}
    assert len(totals) == 1 and totals.pop() >= COUNT
    done = [call[0] for call in calls]
    assert done == sorted(done)
    assert done[0] == 0 and calls[-1][0] == calls[-1][1]
    assert all(what for _done, _total, what in calls)
    # Reported every so many rows, not for every row.
    assert len(calls) < COUNT / 10


def test_export_cancelled_before_it_starts_writes_nothing(big, out):
    token = CancelToken()
    token.cancel()
    for file_format in FORMATS:
        with pytest.raises(Cancelled):
            write_export(big, file_format, out / f"maart.{file_format}", cancel=token)
    assert list(out.iterdir()) == []


def test_json_file_has_the_same_bytes_as_the_stream(big, out):
    """The file is written in pieces now, to look at the token; the bytes stay the same."""
    stream = io.BytesIO()
    write_json_stream(big, stream)
    target = write_export(big, "json", out / "maart.json", progress=lambda *call: None)
    assert target.read_bytes() == stream.getvalue()


def test_pseudonymising_reports_progress_and_can_be_cancelled(logbook, context):
    add_many(logbook, COUNT)
    request = ExportRequest(MARCH, pseudonymize=True)
    calls: list[tuple[int, int, str]] = []
    document = build_document(logbook, context.settings.profile, request,
                              progress=lambda *call: calls.append(call))
    assert "@inwoner" not in document.entries[0].summary
    # Two steps, each from 0 to its own total: learning who the people are, then the entries.
    steps = [what for _done, _total, what in calls]
    assert steps[0] == _("Recognising people") and steps[-1] == _("Pseudonymising entries")
    assert steps == sorted(steps, key=steps.index)  # each step once, not interleaved
    for step, total in ((_("Recognising people"), COUNT + 40),
                        (_("Pseudonymising entries"), COUNT)):
        ours = [call for call in calls if call[2] == step]
        assert [call[1] for call in ours] == [total] * len(ours)
        assert [call[0] for call in ours] == sorted(call[0] for call in ours)
        assert ours[0][0] == 0 and ours[-1][0] == total and len(ours) > 2

    token = CancelToken()
    calls, progress = cancelling(token, "first")
    with pytest.raises(Cancelled):
        build_document(logbook, context.settings.profile, request, token, progress)
    assert calls[-1][0] < calls[-1][1]


def test_pseudonymising_can_be_cancelled_while_it_learns_who_the_people_are(logbook,
                                                                            context):
    add_many(logbook, COUNT)
    token = CancelToken()
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, what: str) -> None:
        calls.append((done, total, what))
        if what == _("Recognising people") and done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        build_document(logbook, context.settings.profile,
                       ExportRequest(MARCH, pseudonymize=True), token, progress)
    done, total, what = calls[-1]
    # Stopped at the next look, within the step: no entry was pseudonymised.
    assert what == _("Recognising people") and 0 < done < total
    assert all(what == _("Recognising people") for _done, _total, what in calls)
