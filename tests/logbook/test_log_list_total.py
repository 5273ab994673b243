"""``log list``'s total line groups thousands as the report and the window do ("1.500 minuten",
"1,500 minutes"); its JSON keeps plain numbers for the programs that read it."""

from __future__ import annotations

import json

from tests.helpers import run_cli


def log(data_dir, *args: str, lang: str = "nl"):
    return run_cli("--lang", lang, "--data-dir", str(data_dir), "log", *args,
                   env={"TZ": "Europe/Amsterdam"})


def test_the_total_groups_thousands_in_the_text_only(tmp_path):
    data = tmp_path / "data"
    for minutes in ("1200", "345", "0"):
        added = log(data, "add", "--platform", "X", "--kind", "reactie",
                    "--at", "2026-03-02T10:00", "--minutes", minutes)
        assert added.returncode == 0, added.stderr
    dutch = log(data, "list")
    assert dutch.returncode == 0, dutch.stderr
    assert dutch.stdout.splitlines()[-1] == "3 regels, 1.545 minuten"
    english = log(data, "list", lang="en")
    assert english.stdout.splitlines()[-1] == "3 entries, 1,545 minutes"
    listed = json.loads(log(data, "list", "--format", "json").stdout)
    assert [entry["minutes"] for entry in listed] == [1200, 345, 0]
    assert "1.545" not in log(data, "list", "--format", "json").stdout
