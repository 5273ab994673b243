"""A damaged database is explained in the officer's language; SQLite's English is for the log.

The files are really damaged (pages overwritten, a header garbled) and really checked.
"""

import logging

import pytest

from ambtenaar20.core import i18n
from ambtenaar20.core.errors import CorruptDatabaseError
from ambtenaar20.core.store import database


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "ambtenaar20.sqlite3"
    store, _report = database.open_store(path, tmp_path / "backups")
    store.db["app_meta"].insert_all({"key": f"k{i}", "value": "x" * 500} for i in range(200))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def overwrite(path, start, end):
    data = bytearray(path.read_bytes())
    data[start:end] = b"\xee" * (end - start)
    path.write_bytes(bytes(data))


def refusal(path):
    with pytest.raises(CorruptDatabaseError) as caught:
        database.check_file(path)
    return caught.value


def test_damaged_pages_are_explained_in_dutch_and_logged_in_sqlites_words(db_path, caplog):
    data = bytearray(db_path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 8:offset + 200] = b"\xff" * 192
    db_path.write_bytes(bytes(data))
    with caplog.at_level(logging.ERROR):
        error = refusal(db_path)
    assert "malformed" in error.detail
    assert str(error) == (f"De database {db_path} is beschadigd (de interne opbouw klopt niet). "
                          "Er is niets aan veranderd.")
    assert "malformed" in caplog.text  # the raw reason is kept for IT


@pytest.mark.parametrize("language, expected", [
    ("nl", "de inhoud is geen leesbare database"),
    ("en", "its contents are not a readable database"),
])
def test_a_garbled_header_is_not_a_readable_database(db_path, language, expected):
    overwrite(db_path, 16, 100)  # "SQLite format 3" survives, the rest of the header not
    i18n.set_language(language)
    error = refusal(db_path)
    assert "not a database" in error.detail
    assert expected in str(error)
    assert "not a database" not in str(error)
