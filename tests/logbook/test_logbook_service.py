"""The log service: periods in local days (DST included), filters, totals, history, undo."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.model import LogFilter

AMS = ZoneInfo("Europe/Amsterdam")


def add(logbook, at: str, **fields):
    fields.setdefault("platform", "X")
    fields.setdefault("kind", "reactie")
    return logbook.add(occurred_at=at, **fields)


def ids(entries):
    return [entry.id for entry in entries]


def test_add_stores_local_time_with_offset_and_utc(logbook):
    entry = add(logbook, "2026-07-01T10:15", minutes=5)
    assert entry.occurred_at.isoformat() == "2026-07-01T10:15:00+02:00"
    row = logbook.db.execute("SELECT occurred_utc FROM interactions").fetchone()
    assert row[0] == "2026-07-01T08:15:00Z"


def test_time_given_in_utc_is_stored_as_local(logbook):
    entry = add(logbook, "2026-01-10T23:30:00Z")
    assert entry.occurred_at.isoformat() == "2026-01-11T00:30:00+01:00"


def test_period_is_inclusive_of_both_days(logbook):
    first = add(logbook, "2026-03-01T00:00")
    last = add(logbook, "2026-03-31T23:59:59")
    add(logbook, "2026-02-28T23:59:59")
    add(logbook, "2026-04-01T00:00")
    found = logbook.list(LogFilter(period=Period(date(2026, 3, 1), date(2026, 3, 31))))
    assert ids(found) == [first.id, last.id]


def test_period_across_spring_dst_change(logbook):
    # 29 March 2026: clocks go from 02:00 to 03:00 in Amsterdam; that day has 23 hours.
    early = add(logbook, "2026-03-29T00:30")        # +01:00 -> 28 March 23:30 UTC
    late = add(logbook, "2026-03-29T23:30")         # +02:00 -> 29 March 21:30 UTC
    add(logbook, "2026-03-30T00:10")                # +02:00 -> 29 March 22:10 UTC, next day
    assert early.occurred_at.utcoffset().total_seconds() == 3600
    assert late.occurred_at.utcoffset().total_seconds() == 7200
    day = logbook.list(LogFilter(period=Period(date(2026, 3, 29), date(2026, 3, 29))))
    assert ids(day) == [early.id, late.id]
    before = logbook.list(LogFilter(period=Period(date(2026, 3, 28), date(2026, 3, 28))))
    assert before == []


def test_period_across_autumn_dst_change(logbook):
    # 25 October 2026: 03:00 back to 02:00; the day has 25 hours.
    first = add(logbook, "2026-10-25T00:05")
    last = add(logbook, "2026-10-25T23:55")
    add(logbook, "2026-10-26T00:00")
    day = logbook.list(LogFilter(period=Period(date(2026, 10, 25), date(2026, 10, 25))))
    assert ids(day) == [first.id, last.id]


def test_entry_logged_in_another_zone_falls_in_the_local_day(logbook):
    # 23:30 in London (BST) on 31 March is 00:30 on 1 April in Amsterdam.
    entry = logbook.add(occurred_at=datetime(2026, 3, 31, 23, 30, tzinfo=ZoneInfo("Europe/London")),
                        platform="X", kind="bericht")
    march = logbook.list(LogFilter(period=Period(date(2026, 3, 1), date(2026, 3, 31))))
    april = logbook.list(LogFilter(period=Period(date(2026, 4, 1), date(2026, 4, 30))))
    assert march == [] and ids(april) == [entry.id]


def test_from_after_to_names_the_field():
    with pytest.raises(UsageError, match="from"):
        Period(date(2026, 3, 2), date(2026, 3, 1))


def test_filters_combine(logbook):
    a = add(logbook, "2026-05-01T09:00", topic="Parkeren", platform="X", kind="reactie",
            summary="Vraag over vergunning")
    b = add(logbook, "2026-05-02T09:00", topic="Parkeren", platform="Facebook", kind="bericht")
    c = add(logbook, "2026-05-03T09:00", topic="Afval", platform="X", kind="vraag beantwoord",
            counterpart="@jan_50%")
    assert ids(logbook.list(LogFilter(topics=("Parkeren",)))) == [a.id, b.id]
    assert ids(logbook.list(LogFilter(platforms=("X",)))) == [a.id, c.id]
    assert ids(logbook.list(LogFilter(kinds=("vraag_beantwoord",)))) == [c.id]
    assert ids(logbook.list(LogFilter(topics=("Parkeren",), platforms=("X",)))) == [a.id]
    assert ids(logbook.list(LogFilter(search="VERGUNNING"))) == [a.id]
    # LIKE wildcards in the search text are taken literally.
    assert ids(logbook.list(LogFilter(search="50%"))) == [c.id]
    assert logbook.list(LogFilter(search="5_%")) == []
    assert logbook.count(LogFilter(platforms=("X",))) == 2
    assert ids(logbook.list(newest_first=True, limit=2)) == [c.id, b.id]
    assert ids(logbook.list(newest_first=True, limit=2, offset=2)) == [a.id]


def test_summary_totals_by_kind_platform_topic_and_week(logbook):
    add(logbook, "2026-03-02T09:00", topic="Afval", platform="X", kind="reactie", minutes=10)
    add(logbook, "2026-03-03T09:00", topic="Afval", platform="LinkedIn", kind="bericht",
        minutes=30)
    add(logbook, "2026-03-16T09:00", topic="Parkeren", platform="X", kind="reactie", minutes=5,
        follow_up="2026-03-20")
    add(logbook, "2026-04-02T09:00", topic="Parkeren", platform="X", kind="reactie", minutes=99)
    summary = logbook.summary(LogFilter(period=Period(date(2026, 3, 1), date(2026, 3, 31))))
    assert summary.entries == 3
    assert summary.minutes == 45 and summary.hours == 0.8
    assert summary.by_kind == {"reactie": 2, "bericht": 1}
    assert summary.by_platform == {"X": 2, "LinkedIn": 1}
    assert summary.by_topic == {"Afval": 2, "Parkeren": 1}
    # Every week of March is listed, empty weeks as zero; 1 March 2026 is a Sunday (week 9).
    assert list(summary.by_week) == [f"2026-W{week:02d}" for week in range(9, 15)]
    assert summary.by_week["2026-W10"] == 2 and summary.by_week["2026-W12"] == 1
    assert summary.by_week["2026-W11"] == 0
    assert summary.minutes_by_week["2026-W10"] == 40
    assert summary.follow_ups_open == 1


def test_edit_keeps_history_with_old_and_new_values(logbook):
    entry = add(logbook, "2026-05-01T09:00", summary="eerst", minutes=5)
    logbook.edit(entry.id, summary="daarna", minutes=5)
    logbook.edit(entry.id, minutes=7)
    lines = logbook.history(entry.id)
    assert [line.action for line in lines] == ["created", "edited", "edited"]
    assert lines[1].old_values == {"summary": "eerst"}
    assert lines[1].new_values == {"summary": "daarna"}
    assert lines[2].old_values == {"minutes": 5} and lines[2].new_values == {"minutes": 7}
    assert all(line.changed_by == "tester" for line in lines)
    assert logbook.get(entry.id).summary == "daarna"


def test_edit_of_time_moves_the_entry_in_periods(logbook):
    entry = add(logbook, "2026-05-01T09:00")
    logbook.edit(entry.id, occurred_at="2026-06-01T09:00")
    may = LogFilter(period=Period(date(2026, 5, 1), date(2026, 5, 31)))
    assert logbook.list(may) == []
    assert logbook.history(entry.id)[-1].new_values == {"occurred_at": "2026-06-01T09:00:00+02:00"}


def test_delete_hides_keeps_and_undo_restores(logbook):
    keep = add(logbook, "2026-05-01T09:00")
    gone = add(logbook, "2026-05-02T09:00")
    logbook.delete(gone.id)
    assert ids(logbook.list()) == [keep.id]
    assert ids(logbook.list(LogFilter(include_deleted=True))) == [keep.id, gone.id]
    assert logbook.can_undo_delete()
    restored = logbook.undo_delete()
    assert restored.id == gone.id and not restored.deleted
    assert ids(logbook.list()) == [keep.id, gone.id]
    assert [line.action for line in logbook.history(gone.id)] == ["created", "deleted",
                                                                  "restored"]
    assert logbook.undo_delete() is None


def test_rows_and_history_cannot_be_removed_or_rewritten(logbook):
    entry = add(logbook, "2026-05-01T09:00")
    with pytest.raises(sqlite3.IntegrityError):
        logbook.db.execute("DELETE FROM interactions WHERE id = ?", [entry.id])
    with pytest.raises(sqlite3.IntegrityError):
        logbook.db.execute("UPDATE interaction_history SET changed_by = 'x'")
    with pytest.raises(sqlite3.IntegrityError):
        logbook.db.execute("DELETE FROM interaction_history")


def test_deleted_entry_cannot_be_edited(logbook):
    entry = add(logbook, "2026-05-01T09:00")
    logbook.delete(entry.id)
    with pytest.raises(UsageError):
        logbook.edit(entry.id, summary="x")


@pytest.mark.parametrize(("fields", "field_name"), [
    ({"kind": "tweet"}, "kind"),
    ({"platform": " "}, "platform"),
    ({"minutes": -1}, "minutes"),
    ({"minutes": "veel"}, "minutes"),
    ({"follow_up": "2026-02-30"}, "follow-up"),
    ({"occurred_at": "2026-13-01T10:00"}, "at"),
    ({"direction": "sideways"}, "direction"),
    ({"url": "javascript:alert(1)"}, "url"),
])
def test_bad_values_are_refused_naming_the_field(logbook, fields, field_name):
    values = {"platform": "X", "kind": "reactie", **fields}
    with pytest.raises(UsageError, match=field_name):
        logbook.add(**values)
    assert logbook.count(LogFilter(include_deleted=True)) == 0


@pytest.mark.parametrize(("typed", "value"), [
    ("vraag beantwoord", "vraag_beantwoord"), ("Vraag-Beantwoord", "vraag_beantwoord"),
    ("privébericht", "privebericht"), ("privebericht", "privebericht"),
    ("private message", "privebericht"), ("Reactie", "reactie"), ("overig", "overig"),
])
def test_kind_accepts_dutch_words_and_slugs(logbook, typed, value):
    assert add(logbook, "2026-05-01T09:00", kind=typed).kind == value


def test_follow_ups_due_and_overdue(logbook):
    overdue = add(logbook, "2026-05-01T09:00", follow_up="2026-05-09")
    due = add(logbook, "2026-05-01T10:00", follow_up="2026-05-10")
    add(logbook, "2026-05-01T11:00", follow_up="2026-05-11")
    gone = add(logbook, "2026-05-01T12:00", follow_up="2026-05-01")
    logbook.delete(gone.id)
    today = date(2026, 5, 10)
    assert ids(logbook.follow_ups(today)) == [overdue.id, due.id]
    assert overdue.follow_up_state(today) == "overdue" and due.follow_up_state(today) == "due"


def test_record_published_links_the_draft_once(logbook):
    entry = logbook.record_published(41, "https://www.voorbeeld.nl/nieuws/1", "Website",
                                     "Afval", ["lange zin"])
    again = logbook.record_published(41, "https://www.voorbeeld.nl/nieuws/1", "Website", "Afval", 1)
    assert entry.id == again.id
    assert (entry.kind, entry.direction, entry.draft_id, entry.source) == \
        ("bericht", "out", 41, "draft")
    assert entry.open_findings == 1


def test_record_item_response_links_the_item_once(logbook):
    entry = logbook.record_item_response(7, "X", topic="Parkeren", counterpart="@buur",
                                         url="https://x.com/buur/status/1", minutes=4)
    assert logbook.record_item_response(7, "X").id == entry.id
    assert (entry.kind, entry.item_id, entry.source, entry.minutes) == ("reactie", 7, "item", 4)


def test_app_context_builds_the_service(context):
    entry = context.logbook.add(platform="X", kind="bericht")
    assert context.logbook.get(entry.id).platform == "X"
    assert context.logbook.history(entry.id)[0].changed_by == "Anna de Vries"


def test_iso_weeks_across_the_new_year(logbook):
    add(logbook, "2026-12-31T10:00")
    add(logbook, "2027-01-03T10:00")
    add(logbook, "2027-01-04T10:00")
    summary = logbook.summary(LogFilter(period=Period(date(2026, 12, 28), date(2027, 1, 10))))
    assert summary.by_week == {"2026-W53": 2, "2027-W01": 1}


@pytest.mark.parametrize(("log_filter", "index"), [
    (LogFilter(), "interactions_live_time"),
    (LogFilter(period=Period(date(2026, 3, 1), date(2026, 3, 31))), "interactions_live_time"),
    (LogFilter(topics=("Afval",)), "interactions_topic_time"),
    (LogFilter(platforms=("X",)), "interactions_platform_time"),
    (LogFilter(kinds=("reactie",)), "interactions_kind_time"),
])
def test_filtered_lists_use_an_index(logbook, log_filter, index):
    # What keeps the Logboek view fast over 100,000 entries: no full table scan, no sort step.
    where, params = logbook._where(log_filter)
    plan = " ".join(row[3] for row in logbook.db.execute(
        f"EXPLAIN QUERY PLAN SELECT id FROM interactions WHERE {where} "
        "ORDER BY occurred_utc DESC, id DESC LIMIT 200", params).fetchall())
    assert index in plan, plan
    assert not re.search(r"SCAN interactions(?! USING)", plan), plan
    assert "TEMP B-TREE" not in plan, plan


def test_weeks_of_a_period_cross_the_year_and_stay_unique_over_centuries():
    from datetime import date

    from ambtenaar20.core.logbook.clock import EARLIEST, LATEST, Period
    from ambtenaar20.core.logbook.summary import _weeks_of

    # 2026 has 53 ISO weeks; 1 January 2027 (a Friday) still belongs to its week 53.
    assert _weeks_of(Period(date(2026, 12, 27), date(2027, 1, 11))) == [
        "2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert _weeks_of(Period(date(2026, 3, 4), date(2026, 3, 4))) == ["2026-W10"]
    everything = _weeks_of(Period(EARLIEST, LATEST))
    assert len(everything) == len(set(everything)) == 53_692
    assert everything == sorted(everything)


def test_a_time_in_the_spring_gap_is_refused_and_the_autumn_repeat_accepted():
    from zoneinfo import ZoneInfo

    import pytest

    from ambtenaar20.core.errors import UsageError
    from ambtenaar20.core.logbook.clock import parse_datetime

    amsterdam = ZoneInfo("Europe/Amsterdam")
    with pytest.raises(UsageError, match=r"^at: "):
        parse_datetime("2026-03-29T02:30", "at", amsterdam)
    assert parse_datetime("2026-03-29T03:30", "at", amsterdam).isoformat() == \
        "2026-03-29T03:30:00+02:00"
    # 02:30 happens twice in October: the first one (summer time) is taken.
    assert parse_datetime("2026-10-25T02:30", "at", amsterdam).isoformat() == \
        "2026-10-25T02:30:00+02:00"
    # With an offset the moment is exact, whatever the zone's rules.
    assert parse_datetime("2026-03-29T02:30+01:00", "at", amsterdam).isoformat() == \
        "2026-03-29T03:30:00+02:00"
