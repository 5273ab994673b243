"""``drafts dismiss`` on a draft too long for two platforms, and empty drafts from the shell.

A draft for X and Mastodon that is too long for both has two length findings on overlapping
words: X's from its 280th character to the end, Mastodon's from its 500th. ``--start`` must
reach either of them, and the messages that name them stay on one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_drafts_cli import as_json, drafts, shown

#: 670 characters on several lines, ending in a line break as a saved file does.
LONG = "\n".join(["Wij helpen u graag met uw aanvraag voor de toeslag van dit jaar."] * 10) \
    + "\nBel ons.\n"


def _long_draft(data: Path, text: str = LONG) -> tuple[int, dict[str, int]]:
    created = as_json(drafts(data, "add", "--platform", "x", "--platform", "mastodon",
                             "--format", "json", input_text=text))
    starts = {}
    for finding in shown(data, created["id"])["findings"]:
        if finding["rule"] == "length":
            starts["X" if " X:" in finding["message"] else "Mastodon"] = finding["start"]
    assert set(starts) == {"X", "Mastodon"} and starts["X"] < starts["Mastodon"]
    return created["id"], starts


def _one_line(output: str) -> str:
    assert len(output.strip().splitlines()) == 1, output
    return output.strip()


def test_the_start_of_the_mastodon_finding_chooses_it_over_the_x_one(tmp_path):
    data = tmp_path / "data"
    draft_id, starts = _long_draft(data)
    done = drafts(data, "dismiss", str(draft_id), "length", "--start",
                  str(starts["Mastodon"]), "--reason", "Wordt een draadje")
    assert done.returncode == 0, done.stderr
    assert "⏎" in _one_line(done.stdout)  # the words run over a line break: shown as ⏎
    draft = shown(data, draft_id)
    assert [f["start"] for f in draft["ignored_findings"]] == [starts["Mastodon"]]
    assert [f["start"] for f in draft["findings"] if f["rule"] == "length"] == [starts["X"]]

    text = drafts(data, "show", str(draft_id)).stdout.splitlines()
    ignored = text[text.index("Genegeerde meldingen (1):") + 1]
    assert ignored.startswith("  length “") and "Reden: Wordt een draadje" in ignored
    assert len(ignored) < 120  # the words are cut short, not the tail of the whole post

    # The words as 'drafts show' lists them name the dismissal for 'undismiss'.
    words = ignored.split("“", 1)[1].split("”", 1)[0]
    back = drafts(data, "undismiss", str(draft_id), "length", "--text", words)
    assert back.returncode == 0, back.stderr
    assert shown(data, draft_id)["dismissals"] == []


def test_an_offset_inside_both_findings_lists_them_with_their_platforms(tmp_path):
    data = tmp_path / "data"
    draft_id, starts = _long_draft(data)
    within_both = starts["Mastodon"] + 20
    refused = drafts(data, "dismiss", str(draft_id), "length", "--start", str(within_both),
                     "--reason", "Wordt een draadje")
    assert refused.returncode == 2
    message = _one_line(refused.stderr)
    assert f"{starts['X']} “" in message and f"{starts['Mastodon']} “" in message
    assert "(X)" in message and "(Mastodon)" in message
    # The X finding is reached by its own start as well.
    done = drafts(data, "dismiss", str(draft_id), "length", "--start", str(starts["X"]),
                  "--reason", "Wordt een draadje")
    assert done.returncode == 0, done.stderr
    assert [f["start"] for f in shown(data, draft_id)["ignored_findings"]] == [starts["X"]]


@pytest.mark.parametrize("text", ["", "  \n\t\n"])
def test_an_empty_text_adds_no_draft(tmp_path, text):
    data = tmp_path / "data"
    refused = drafts(data, "add", "-", input_text=text)
    assert refused.returncode == 2
    assert "standaardinvoer" in _one_line(refused.stderr)
    empty = tmp_path / "leeg.txt"
    empty.write_text(text, encoding="utf-8")
    assert drafts(data, "add", str(empty)).returncode == 2
    assert as_json(drafts(data, "list", "--format", "json")) == []


def test_undismiss_takes_a_piece_of_the_words_that_names_one_finding(tmp_path):
    # QA s6/qa-e 6: only the whole shortened line, "…" included, was accepted.
    data = tmp_path / "data"
    numbered = "\n".join(f"Regel {n}: wij helpen u graag met uw aanvraag voor de toeslag."
                          for n in range(1, 11)) + "\nBel ons.\n"
    draft_id, starts = _long_draft(data, numbered)
    for platform in ("X", "Mastodon"):
        done = drafts(data, "dismiss", str(draft_id), "length", "--start",
                      str(starts[platform]), "--reason", "Wordt een draadje")
        assert done.returncode == 0, done.stderr
    # Both findings' words end the same way: a piece of both names neither.
    both = drafts(data, "undismiss", str(draft_id), "length", "--text", "bel ons")
    assert both.returncode == 2 and "--text" in _one_line(both.stderr)
    # X's words start 220 characters earlier: a line from there names its finding alone.
    piece = next(f"regel {n}: wij helpen" for n in range(1, 11)
                 if starts["X"] <= numbered.index(f"Regel {n}:") < starts["Mastodon"] - 20)
    assert piece not in numbered[starts["Mastodon"]:].casefold()
    back = drafts(data, "undismiss", str(draft_id), "length", "--text", piece.upper())
    assert back.returncode == 0, back.stderr
    assert [f["start"] for f in shown(data, draft_id)["ignored_findings"]] == \
        [starts["Mastodon"]]
