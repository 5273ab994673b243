"""``items show|mark|tone`` and ``items list --starred``: what the reader does, from the shell.

Run as a user would (a real process) against items fetched from a loopback feed server; the
window's reader calls the same service methods, so what these commands change is what the
window shows.
"""

from __future__ import annotations

import json
import sys

import pytest

from tests.feeds.feed_server import rss
from tests.feeds.test_cli_feeds import ITEMS, cli
from tests.helpers import run_cli

#: A zone without daylight saving and with a half hour, so UTC cannot pass for local time.
KOLKATA = {"TZ": "Asia/Kolkata"}


@pytest.fixture
def fetched(data_dir, feed_server):
    """Two items fetched: {"nl": the positive Dutch one, "en": the negative English one}."""
    url = feed_server.add("/reader.xml", rss("Gemeente", ITEMS))
    assert cli(data_dir, "feeds", "add", url).returncode == 0
    assert cli(data_dir, "refresh").returncode == 0
    listed = listing(data_dir)
    return {item["lang"]: item["id"] for item in listed}


def listing(data_dir, *options):
    result = cli(data_dir, "items", "list", *options, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def by_id(data_dir):
    return {item["id"]: item for item in listing(data_dir)}


def flags(item):
    return item["read"], item["starred"], item["needs_response"]


def test_mark_sets_and_clears_each_flag_as_the_reader_does(data_dir, fetched):
    dutch, english = fetched["nl"], fetched["en"]
    marked = cli(data_dir, "items", "mark", str(dutch), str(english), "--read", "--starred",
                 "--needs-response")
    assert marked.returncode == 0, marked.stderr
    assert marked.stdout == (f"Items {dutch}, {english}: read, starred, "
                             "needs a response.\n")
    items = by_id(data_dir)
    assert flags(items[dutch]) == flags(items[english]) == (True, True, True)

    undone = cli(data_dir, "items", "mark", str(english), "--unread", "--unstarred",
                 "--no-response")
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout == f"Item {english}: unread, not starred, no response needed.\n"
    items = by_id(data_dir)
    assert flags(items[english]) == (False, False, False)
    assert flags(items[dutch]) == (True, True, True)  # only the item named changed

    # One flag alone leaves the others as they are.
    assert cli(data_dir, "items", "mark", str(dutch), "--unstarred").returncode == 0
    assert flags(by_id(data_dir)[dutch]) == (True, False, True)


def test_list_starred_shows_only_starred_items(data_dir, fetched):
    assert listing(data_dir, "--starred") == []
    assert cli(data_dir, "items", "mark", str(fetched["en"]), "--starred").returncode == 0
    assert [item["id"] for item in listing(data_dir, "--starred")] == [fetched["en"]]
    # Combined with the other filters, as the service combines them.
    assert [item["id"] for item in listing(data_dir, "--starred", "--unread")] == [
        fetched["en"]]
    assert cli(data_dir, "items", "mark", str(fetched["en"]), "--read").returncode == 0
    assert listing(data_dir, "--starred", "--unread") == []
    text = cli(data_dir, "items", "list", "--starred")
    assert text.returncode == 0 and "Roads closed" in text.stdout
    assert "Financiële" not in text.stdout


def test_tone_corrects_and_auto_removes_the_correction(data_dir, fetched):
    dutch = fetched["nl"]
    assert by_id(data_dir)[dutch]["sentiment"] == "positive"
    corrected = cli(data_dir, "items", "tone", str(dutch), "negative")
    assert corrected.returncode == 0, corrected.stderr
    assert corrected.stdout == f"Item {dutch}: tone negative (corrected by you).\n"
    assert by_id(data_dir)[dutch]["sentiment"] == "negative"
    shown = json.loads(cli(data_dir, "items", "show", str(dutch), "--format", "json").stdout)
    assert (shown["sentiment"], shown["sentiment_override"], shown["sentiment_computed"]) == (
        "negative", "negative", "positive")

    back = cli(data_dir, "items", "tone", str(dutch), "auto")
    assert back.returncode == 0, back.stderr
    assert back.stdout == (f"Item {dutch}: tone positive, as computed; your correction is "
                           "removed.\n")
    assert by_id(data_dir)[dutch]["sentiment"] == "positive"
    shown = json.loads(cli(data_dir, "items", "show", str(dutch), "--format", "json").stdout)
    assert (shown["sentiment"], shown["sentiment_override"]) == ("positive", None)


def test_show_gives_the_tone_and_the_words_behind_it(data_dir, fetched):
    english = fetched["en"]
    result = cli(data_dir, "items", "show", str(english), "--format", "json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["title"] == "Roads closed" and shown["sentiment"] == "negative"
    assert {"terrible", "awful"} <= set(shown["tone_words"])
    assert shown["published"] == "2021-09-07T08:00:00Z"  # JSON stays UTC, as items list has it
    assert shown["read"] is False  # showing is not reading: nothing changed
    assert by_id(data_dir)[english]["read"] is False

    text = cli(data_dir, "items", "show", str(english), env=KOLKATA)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "Roads closed"
    tone = next(line for line in lines if line.startswith("Tone:"))
    assert "negative" in tone and "‘terrible’" in tone and "‘awful’" in tone
    assert "This is a terrible and awful decision for the city." in lines
    if sys.platform != "win32":  # TZ is how POSIX processes learn their zone
        assert any(line.startswith("Published:") and line.endswith("2021-09-07 13:30")
                   for line in lines), text.stdout

    # A correction is shown as such, with the computed tone and its words beside it.
    assert cli(data_dir, "items", "tone", str(english), "neutral").returncode == 0
    lines = cli(data_dir, "items", "show", str(english)).stdout.splitlines()
    assert any(line.startswith("Tone:") and line.endswith("neutral (corrected by you)")
               for line in lines), lines
    assert any(line.startswith("Computed tone:") and "negative" in line and "‘awful’" in line
               for line in lines), lines

    dutch = run_cli("--data-dir", str(data_dir), "--lang", "nl", "items", "show",
                    str(fetched["nl"]))
    assert dutch.returncode == 0, dutch.stderr
    assert "positief (woorden: ‘" in dutch.stdout and "Toon" in dutch.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="TZ sets a process's zone on POSIX only")
def test_list_text_shows_local_time_under_a_header(data_dir, fetched):
    result = cli(data_dir, "items", "list", env=KOLKATA)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["ID", "Published", "Unread", "Tone", "Flags", "Feed", "Title"]
    english = next(row for row in rows if row.endswith("Roads closed"))
    # 08:00 UTC is 13:30 in Kolkata; the item's number comes first, for show, mark and tone.
    assert english.split()[:4] == [str(fetched["en"]), "2021-09-07", "13:30", "*"]
    assert "08:00" not in result.stdout

    assert cli(data_dir, "items", "mark", str(fetched["en"]), "--starred",
               "--needs-response", "--read").returncode == 0
    row = next(row for row in cli(data_dir, "items", "list", env=KOLKATA).stdout.splitlines()
               if row.endswith("Roads closed"))
    assert row.split()[:6] == [str(fetched["en"]), "2021-09-07", "13:30", "negative",
                               "starred,", "reply"]
    # The same in search, and in Dutch.
    found = cli(data_dir, "items", "search", "roads", env=KOLKATA).stdout
    assert "2021-09-07 13:30" in found and found.startswith("ID")
    dutch = run_cli("--data-dir", str(data_dir), "--lang", "nl", "items", "list", env=KOLKATA)
    assert dutch.stdout.split()[:3] == ["Nr.", "Gepubliceerd", "Ongelezen"]


def test_bad_input_exits_2_with_one_line_and_changes_nothing(data_dir, fetched):
    dutch = str(fetched["nl"])
    before = listing(data_dir)
    for args in (("items", "show", "999"), ("items", "tone", "999", "negative"),
                 ("items", "mark", dutch, "999", "--starred"), ("items", "mark", dutch),
                 ("items", "mark", dutch, "--read", "--unread"),
                 ("items", "mark", dutch, "--starred", "--unstarred"),
                 ("items", "mark", dutch, "--needs-response", "--no-response"),
                 ("items", "mark", "een", "--read"), ("items", "show", "0"),
                 ("items", "tone", dutch, "boos"), ("items", "tone", dutch),
                 ("items", "list", "--starred", "--topic", "nope")):
        result = cli(data_dir, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
        assert result.stdout == "", args
    unknown = cli(data_dir, "items", "mark", dutch, "999", "--starred").stderr
    assert "There is no item with number 999." in unknown
    assert listing(data_dir) == before  # not even the known item was marked


@pytest.mark.parametrize("language", ["nl", "en"])
def test_tone_takes_the_dutch_words_whatever_the_interface_language(data_dir, fetched, language):
    dutch = str(fetched["nl"])

    def tone(word):
        return run_cli("--data-dir", str(data_dir), "--lang", language, "items", "tone", dutch,
                       word)

    for word, stored in (("negatief", "negative"), ("neutraal", "neutral"),
                         ("Positief", "positive"), ("negative", "negative")):
        result = tone(word)
        assert result.returncode == 0, (word, result.stderr)
        assert by_id(data_dir)[int(dutch)]["sentiment"] == stored, word
        assert json.loads(cli(data_dir, "items", "show", dutch, "--format", "json").stdout)[
            "sentiment_override"] == stored
    back = tone("automatisch")
    assert back.returncode == 0, back.stderr
    shown = json.loads(cli(data_dir, "items", "show", dutch, "--format", "json").stdout)
    assert shown["sentiment_override"] is None
    wrong = tone("boos")
    assert wrong.returncode == 2 and wrong.stdout == ""
    [line] = wrong.stderr.strip().splitlines()
    assert "'boos'" in line and "positief" in line and "positive" in line


def test_dutch_help_of_tone_names_both_words():
    result = run_cli("--lang", "nl", "items", "tone", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for word in ("positief", "neutraal", "negatief", "automatisch", "positive", "neutral",
                 "negative", "auto"):
        assert word in text, word
