"""Retention and the AVG erase request, run through providers as the areas will implement them."""

import datetime
import json

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.errors import PrivacyError, UsageError
from ambtenaar20.core.privacy import ErasureProvider, RetentionProvider

NAME = "Pieter Zwanenburg"


class NotesProvider:
    """Stands in for the log: deletes the counterpart's notes, keeps the others."""

    kind = "log_entries"

    def __init__(self, context):
        self.context = context

    def erase_counterpart(self, name):
        return self.context.store.db.execute(
            "delete from test_notes where counterpart = ?", [name]).rowcount


class DraftsProvider:
    """Stands in for drafts: pseudonymises instead of deleting."""

    kind = "drafts"

    def __init__(self, context, fail=False):
        self.context = context
        self.fail = fail

    def erase_counterpart(self, name):
        count = self.context.store.db.execute(
            "update test_drafts set body = replace(body, ?, '[persoon]') where body like ?",
            [name, f"%{name}%"]).rowcount
        if self.fail:
            raise RuntimeError("disk trouble")
        return count


class ItemsProvider:
    kind = "feed_items"

    def __init__(self, context):
        self.context = context

    def purge_older_than(self, days):
        cutoff = (datetime.date(2026, 11, 27) - datetime.timedelta(days=days)).isoformat()
        return self.context.store.db.execute(
            "delete from test_items where published < ? and starred = 0", [cutoff]).rowcount


@pytest.fixture
def context(data_dir):
    made = create_app_context(data_dir, "en")
    db = made.store.db
    db.execute("create table test_notes (id integer primary key, counterpart text, body text)")
    db.execute("create table test_drafts (id integer primary key, body text)")
    db.execute("create table test_items (id integer primary key, published text, starred int)")
    with db.atomic():
        for index in range(3):
            db.execute("insert into test_notes (counterpart, body) values (?, ?)",
                       [NAME, f"gesprek {index} " + "x" * 3000])
        db.execute("insert into test_notes (counterpart, body) values ('Els', 'blijft')")
        db.execute("insert into test_drafts (body) values (?)", [f"Beste {NAME}, dank."])
        db.execute("insert into test_drafts (body) values ('Beste Els')")
        db.conn.executemany("insert into test_items (published, starred) values (?, ?)",
                       [("2024-01-01", 0), ("2024-01-02", 1), ("2026-11-01", 0)])
    yield made
    made.close()


def test_providers_match_the_protocols(context):
    assert isinstance(NotesProvider(context), ErasureProvider)
    assert isinstance(ItemsProvider(context), RetentionProvider)


def test_erase_counterpart_everywhere_and_record_without_the_name(context):
    context.privacy.register_erasure(NotesProvider(context))
    context.privacy.register_erasure(DraftsProvider(context))
    request = context.privacy.erase_counterpart(f"  {NAME} ")
    db = context.store.db
    # The real areas (log, drafts, feed items) hold nothing about Pieter here; the test
    # providers hold 3 + 1 records.
    assert request.total == 4
    assert {kind: n for kind, n in request.affected.items() if n} == {"log_entries": 3,
                                                                       "drafts": 1}
    assert db.execute("select count(*) from test_notes").fetchone()[0] == 1
    assert db.execute("select body from test_drafts order by id").fetchall() == [
        ("Beste [persoon], dank.",), ("Beste Els",)]
    [recorded] = context.privacy.requests()
    assert recorded == request
    row = db.execute("select * from privacy_requests").fetchone()
    assert NAME not in json.dumps(row) and "Pieter" not in json.dumps(row)
    # Not lingering in free pages or the write-ahead log either.
    context.close()
    for suffix in ("", "-wal"):
        path = context.paths.database.with_name(context.paths.database.name + suffix)
        if path.exists():
            assert NAME.encode() not in path.read_bytes()


def test_failing_provider_changes_nothing_and_records_nothing(context):
    context.privacy.register_erasure(NotesProvider(context))
    context.privacy.register_erasure(DraftsProvider(context, fail=True))
    with pytest.raises(PrivacyError, match="nothing has been changed"):
        context.privacy.erase_counterpart(NAME)
    db = context.store.db
    assert db.execute("select count(*) from test_notes").fetchone()[0] == 4
    assert db.execute("select body from test_drafts where id = 1").fetchone()[0].startswith(
        "Beste Pieter")
    assert context.privacy.requests() == []


def test_empty_name_is_refused(context):
    with pytest.raises(UsageError):
        context.privacy.erase_counterpart("   ")


def test_retention_purges_old_unstarred_items(context):
    context.privacy.register_retention(ItemsProvider(context))
    assert context.privacy.purge_expired(0) == {}  # 0 = keep for ever
    assert context.privacy.purge_expired(365) == {"feed_items": 1}
    left = context.store.db.execute("select published from test_items order by id").fetchall()
    assert left == [("2024-01-02",), ("2026-11-01",)]
    context.settings.retention.feed_item_days = 40
    assert context.privacy.purge_expired() == {"feed_items": 0}
    with pytest.raises(UsageError):
        context.privacy.purge_expired(-1)


def test_a_request_that_matches_nothing_changes_and_records_nothing(context):
    context.privacy.register_erasure(NotesProvider(context))
    request = context.privacy.erase_counterpart("Niemand Bekend")
    assert request.id is None and request.total == 0
    assert context.privacy.requests() == []
    assert context.store.db.execute("select count(*) from test_notes").fetchone()[0] == 4


def test_a_provider_may_report_several_kinds(context):
    class Several:
        kind = "feed_items"

        def erase_counterpart(self, name):
            return {"feed_items": 2, "topics": 1}

    context.privacy.register_erasure(Several())
    request = context.privacy.erase_counterpart(NAME)
    assert request.affected["feed_items"] == 2 and request.affected["topics"] == 1
    assert request.total == 3
    assert context.privacy.requests()[0].affected == request.affected


def test_an_erasure_takes_the_person_off_the_names_to_hide(context):
    from ambtenaar20.core.settings import SettingsStore

    context.privacy.register_erasure(NotesProvider(context))
    context.settings.privacy.hidden_names = ["pieter  ZWANENBURG", "Jan Bakker"]
    context.save_settings()
    request = context.privacy.erase_counterpart(NAME)
    assert request.affected["hidden_names"] == 1
    assert context.settings.privacy.hidden_names == ["Jan Bakker"]
    saved = SettingsStore(context.paths.settings).load().settings
    assert saved.privacy.hidden_names == ["Jan Bakker"]
    assert "Pieter" not in context.paths.settings.read_text(encoding="utf-8")


def test_a_person_only_in_the_names_to_hide_is_erased_there(context):
    context.settings.privacy.hidden_names = ["Sanne Visser"]
    context.save_settings()
    context.privacy.register_erasure(NotesProvider(context))
    request = context.privacy.erase_counterpart("Sanne Visser")
    assert request.id is not None
    assert {kind: n for kind, n in request.affected.items() if n} == {"hidden_names": 1}
    assert context.settings.privacy.hidden_names == []


def test_a_failed_erasure_leaves_the_names_to_hide(context):
    context.settings.privacy.hidden_names = [NAME]
    context.privacy.register_erasure(NotesProvider(context))
    context.privacy.register_erasure(DraftsProvider(context, fail=True))
    with pytest.raises(PrivacyError):
        context.privacy.erase_counterpart(NAME)
    assert context.settings.privacy.hidden_names == [NAME]
