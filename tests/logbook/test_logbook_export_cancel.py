"""Exports report their progress and can be cancelled: a cancelled export leaves nothing behind.

Every format, cancelled in its first and in its second half (the XLSX save, the PDF drawing):
no file, no temporary file, an existing file at the target untouched. Uncancelled, the progress
only moves forward and ends at its total.
"""

from __future__ import annotations

import io
import os

import pytest

from ambtenaar20.core.cancellation import Cancelled, CancelToken
from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.core.export.json_format import write_json_stream
from ambtenaar20.core.export.progress import CHECK_EVERY
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
def test_cancelled_export_leaves_no_file_and_no_temporary_file(big, out, file_format, half):
    token = CancelToken()
    calls, progress = cancelling(token, half)
    target = out / f"maart.{file_format}"
    with pytest.raises(Cancelled):
        write_export(big, file_format, target, cancel=token, progress=progress)
    assert token.cancelled
    done, total, _what = calls[-1]
    assert done < total  # stopped at the next look at the token, not at the end
    assert list(out.iterdir()) == []


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
    assert [call[1] for call in calls] == [COUNT] * len(calls)
    assert [call[0] for call in calls] == sorted(call[0] for call in calls)
    assert calls[0][0] == 0 and calls[-1][0] == COUNT

    token = CancelToken()
    calls, progress = cancelling(token, "first")
    with pytest.raises(Cancelled):
        build_document(logbook, context.settings.profile, request, token, progress)
    assert calls[-1][0] < COUNT
