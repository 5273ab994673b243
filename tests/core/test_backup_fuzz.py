"""Fuzzing the backup-file reader: whatever the bytes, only ``BackupError``, in bounded time."""

import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.backup import archive
from ambtenaar20.core.errors import BackupError

FUZZ = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture(scope="module")
def valid_backup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    context = create_app_context(folder / "data", "en")
    (folder / "data" / "wordlist.txt").write_text("derhalve\n", "utf-8")
    context.backup.create(folder / "b.zip")
    context.close()
    return (folder / "b.zip").read_bytes()


@pytest.fixture(scope="module")
def fuzz_context(tmp_path_factory):
    context = create_app_context(tmp_path_factory.mktemp("fuzz-target") / "data", "en")
    yield context
    context.close()


def inspect_bytes(context, tmp_path, data):
    path = tmp_path / "candidate.zip"
    path.write_bytes(data)
    try:
        context.backup.inspect(path)
    except BackupError as error:
        assert "\n" not in str(error)
        return "refused"
    return "accepted"


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(fuzz_context, tmp_path, data):
    assert inspect_bytes(fuzz_context, tmp_path, data) == "refused"


@FUZZ
@given(cuts=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
       truncate=st.one_of(st.none(), st.integers(0, 10**6)))
def test_mutated_valid_backup(fuzz_context, tmp_path, valid_backup, cuts, truncate):
    data = bytearray(valid_backup)
    for position, value in cuts:
        data[position % len(data)] = value
    if truncate is not None:
        data = data[: truncate % (len(data) + 1)]
    # A mutation may hit padding and leave a valid backup; anything else must be refused.
    assert inspect_bytes(fuzz_context, tmp_path, bytes(data)) in ("refused", "accepted")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=20)


@FUZZ
@given(manifest=st.dictionaries(
    st.sampled_from(["format", "format_version", "app_version", "created_at", "migrations",
                     "files", "x"]), json_values, max_size=7),
    names=st.lists(st.text(min_size=1, max_size=30), max_size=4, unique=True))
def test_arbitrary_manifests_and_member_names(fuzz_context, tmp_path, manifest, names):
    manifest.setdefault("format", archive.FORMAT)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name in names:
            if name != "manifest.json":
                zf.writestr(name, b"x")
    assert inspect_bytes(fuzz_context, tmp_path, buffer.getvalue()) == "refused"
    assert not (tmp_path.parent / "evil").exists()


def test_zip_bomb_member_is_bounded(fuzz_context, tmp_path, valid_backup):
    """A member far larger than its manifest entry is stopped at the declared size."""
    with zipfile.ZipFile(io.BytesIO(valid_backup)) as zf:
        items = {n: zf.read(n) for n in zf.namelist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in items.items():
            zf.writestr(name, b"\0" * 200_000_000 if name == "data/wordlist.txt" else data)
    assert len(buffer.getvalue()) < 1_000_000
    assert inspect_bytes(fuzz_context, tmp_path, buffer.getvalue()) == "refused"
