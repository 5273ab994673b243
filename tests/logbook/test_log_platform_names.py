"""A known platform has one name in the log, however it was typed ("mastodon", "x").

``drafts`` and ``check`` take lower-case keys, so officers type them in ``log add`` too. New
entries are stored under the platform's name; entries stored before in another spelling stay
as they are (the log is a record) and are found and counted with it.
"""

from __future__ import annotations

import json

from ambtenaar20.core.logbook.model import LogFilter
from tests.helpers import run_cli


def _history_rows(logbook) -> list[tuple]:
    return logbook.db.execute("SELECT * FROM interaction_history ORDER BY id").fetchall()


def test_a_known_platform_is_stored_under_its_name_whatever_was_typed(logbook):
    stored = [logbook.add(platform=typed, kind="reactie").platform
              for typed in ("mastodon", "x", "E-MAIL", "email", "linkedin", "bluesky", "Teams")]
    assert stored == ["Mastodon", "X", "E-mail", "E-mail", "LinkedIn", "Bluesky", "Teams"]
    edited = logbook.edit(logbook.add(platform="X", kind="reactie").id, platform="facebook")
    assert edited.platform == "Facebook"


def test_old_spellings_are_found_and_counted_with_the_name_and_stay_as_stored(logbook):
    new = logbook.add(platform="Mastodon", kind="reactie", occurred_at="2026-03-02T10:00")
    old = logbook.add(platform="Mastodon", kind="reactie", occurred_at="2026-03-03T10:00")
    teams = [logbook.add(platform="Teams", kind="overig", occurred_at="2026-03-04T10:00"),
             logbook.add(platform="teams", kind="overig", occurred_at="2026-03-05T10:00")]
    # As an older version stored what was typed.
    logbook.db.execute("UPDATE interactions SET platform = 'mastodon' WHERE id = ?", [old.id])
    history = _history_rows(logbook)

    for typed in ("Mastodon", "mastodon", "MASTODON"):
        found = logbook.list(LogFilter(platforms=(typed,)))
        assert {entry.id for entry in found} == {new.id, old.id}
        assert logbook.count(LogFilter(platforms=(typed,))) == 2
    assert {e.id for e in logbook.list(LogFilter(platforms=("TEAMS",)))} == \
        {entry.id for entry in teams}
    assert logbook.summary().by_platform == {"Mastodon": 2, "Teams": 2}
    assert logbook.distinct_values("platform") == ["Mastodon", "Teams"]
    # Nothing was rewritten: the old entry and the history are as they were.
    assert logbook.get(old.id).platform == "mastodon"
    assert _history_rows(logbook) == history


def test_the_command_line_stores_the_name_and_filters_in_any_case(tmp_path):
    data_dir = tmp_path / "data"

    def log(*args: str) -> str:
        result = run_cli("--lang", "en", "--data-dir", str(data_dir), "log", *args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    log("add", "--platform", "mastodon", "--kind", "reactie", "--at", "2026-03-02T10:00")
    log("add", "--platform", "Mastodon", "--kind", "reactie", "--at", "2026-03-03T10:00")
    log("add", "--platform", "x", "--kind", "bericht", "--at", "2026-03-04T10:00")
    listed = json.loads(log("list", "--platform", "MASTODON", "--format", "json"))
    assert [entry["platform"] for entry in listed] == ["Mastodon", "Mastodon"]
    out = tmp_path / "report.json"
    log_export = run_cli("--lang", "en", "--data-dir", str(data_dir), "export", "--from",
                         "2026-03-01", "--to", "2026-03-31", "--format", "json", "-o", str(out))
    assert log_export.returncode == 0, log_export.stderr
    assert json.loads(out.read_text("utf-8"))["summary"]["by_platform"] == {"Mastodon": 2, "X": 1}


def test_every_platform_a_draft_is_published_on_has_one_name_in_the_log():
    from ambtenaar20.core.drafting.platforms import ALIASES, platforms
    from ambtenaar20.core.logbook.platforms import platform_value

    for key, platform in platforms().items():
        assert platform_value(key) == platform_value(platform.name.upper()) == platform.name
    for alias, key in ALIASES.items():
        assert platform_value(alias) == platforms()[key].name
