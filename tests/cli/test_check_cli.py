"""The ``check`` and ``pack`` commands, run as a real process: the exact contract of the issue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "resources" / "packs" / "voorbeeldgemeente.toml"


def run(*args: str, stdin: str | None = None, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "AMBTENAAR20_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "ambtenaar20", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def drafts(tmp_path) -> dict[str, Path]:
    bad = tmp_path / "bad.txt"
    bad.write_text("Beste meneer,\nIndien u wilt, stuur uw BSN 111222333 naar ons.",
                   encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text("De gemeente opent maandag een loket in het stadhuis.", encoding="utf-8")
    return {"bad": bad, "fine": fine}


def test_text_format_is_line_col_severity_rule_message(drafts, data_dir):
    result = run("check", str(drafts["bad"]), data_dir=data_dir)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("2:1 warning jargon 'Indien'") for line in lines)
    assert all(len(line.split(" ", 3)) == 4 for line in lines)
    assert any(line.startswith("2:29 error pii.bsn ") for line in lines)


def test_json_format_for_one_input(drafts, data_dir):
    result = run("check", "--format", "json", "--platform", "x", "--lang", "nl",
                 str(drafts["bad"]), data_dir=data_dir)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert set(payload) >= {"platform", "language", "length", "findings", "checklist",
                            "metrics"}
    assert payload["platform"] == "x" and payload["language"] == "nl"
    assert payload["length"] == {"count": 61, "limit": 280}
    bsn = next(f for f in payload["findings"] if f["rule"] == "pii.bsn")
    text = drafts["bad"].read_text(encoding="utf-8")
    assert text[bsn["start"]:bsn["end"]] == bsn["text"] == "111222333"
    assert set(bsn) == {"rule", "severity", "start", "end", "text", "message", "suggestions",
                        "link"}
    jargon = next(f for f in payload["findings"] if f["rule"] == "jargon")
    assert jargon["suggestions"] == ["Als"]
    assert {"id", "question"} == set(payload["checklist"][0])
    assert set(payload["metrics"]) == {"readability", "polarity", "subjectivity"}


def test_json_for_several_files_is_an_array_with_file(drafts, data_dir):
    result = run("check", "--format", "json", str(drafts["bad"]), str(drafts["fine"]),
                 data_dir=data_dir)
    payload = json.loads(result.stdout)
    assert [item["file"] for item in payload] == [str(drafts["bad"]), str(drafts["fine"])]
    assert result.returncode == 1


def test_clean_text_from_stdin_exits_0(data_dir):
    result = run("check", "-", stdin="De gemeente opent maandag een loket.", data_dir=data_dir)
    assert (result.returncode, result.stdout) == (0, "")
    result = run("check", "--format", "json", stdin="Read this now, it is fine.",
                 data_dir=data_dir)
    assert json.loads(result.stdout)["language"] == "en"


def test_warnings_only_exit_0(data_dir):
    result = run("check", "-", stdin="Indien u vragen heeft, bel ons gerust.",
                 data_dir=data_dir)
    assert result.returncode == 0 and " warning jargon " in result.stdout


def test_a_template_placeholder_left_in_exits_1_with_the_same_json_shape(tmp_path, data_dir):
    draft = tmp_path / "reply.txt"
    draft.write_text("Dank voor uw vraag. U kunt vanaf maandag langskomen.\n"
                     "Meer informatie vindt u op [link naar de pagina].", encoding="utf-8")
    result = run("check", str(draft), data_dir=data_dir)
    assert result.returncode == 1
    assert "2:28 error template.placeholder '[link naar de pagina]'" in result.stdout
    result = run("check", "--format", "json", "--platform", "x", str(draft), data_dir=data_dir)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert set(payload) >= {"platform", "language", "length", "findings", "checklist",
                            "metrics"}
    left = [f for f in payload["findings"] if f["rule"] == "template.placeholder"]
    assert [f["text"] for f in left] == ["[link naar de pagina]"]
    assert set(left[0]) == {"rule", "severity", "start", "end", "text", "message",
                            "suggestions", "link"}
    text = draft.read_text(encoding="utf-8")
    assert text[left[0]["start"]:left[0]["end"]] == "[link naar de pagina]"
    assert (left[0]["severity"], left[0]["suggestions"]) == ("error", [])
    # Filled in, the same reply has no error left.
    draft.write_text(text.replace("[link naar de pagina]", "https://www.rijksoverheid.nl"),
                     encoding="utf-8")
    assert run("check", str(draft), data_dir=data_dir).returncode == 0


@pytest.mark.parametrize("args", [
    ("check", "--platform", "myspace", "-"),
    ("check", "/no/such/file.txt"),
    ("check", "--lang", "de", "-"),
    ("check", "--format", "xml", "-"),
])
def test_bad_usage_exits_2(args, data_dir):
    result = run(*args, stdin="tekst", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.strip()


def test_bad_pack_exits_2_and_good_pack_is_used(drafts, tmp_path, data_dir):
    broken = tmp_path / "broken.toml"
    broken.write_text('[pack]\nid = "x"\n', encoding="utf-8")
    assert run("check", "--pack", str(broken), str(drafts["fine"]),
               data_dir=data_dir).returncode == 2
    result = run("check", "--pack", str(EXAMPLE), "-",
                 stdin="Het raadsvoorstel komt morgen.", data_dir=data_dir)
    assert result.returncode == 1 and " error jargon " in result.stdout


def test_pack_validate_reports_every_error_with_position(tmp_path, data_dir):
    broken = tmp_path / "broken.toml"
    broken.write_text('[pack]\nid = "x"\nname = "X"\nversion = "1"\nlanguage = "fr"\n\n'
                      '[[rules]]\nid = "a"\nkind = "caps"\nseverity = "loud"\nmessage = "m"\n',
                      encoding="utf-8")
    result = run("pack", "validate", str(broken), data_dir=data_dir)
    assert result.returncode == 2
    assert f"{broken}:5:1:" in result.stdout and f"{broken}:10:1:" in result.stdout
    good = run("pack", "validate", str(EXAMPLE), data_dir=data_dir)
    assert good.returncode == 0 and "voorbeeldgemeente" in good.stdout


def test_pack_validate_reports_all_errors_sorted_and_rejects_empty_name(tmp_path, data_dir):
    broken = tmp_path / "qa.toml"
    broken.write_text('[pack]\nid = "qa"\nname = ""\nversion = "1"\nlanguage = "nl"\n\n'
                      '[[rules]]\nid = "a.b"\nkind = "words"\nseverity = "fatal"\n'
                      'message = "m"\nwords = ["x"]\n\n[[rules]]\nid = "a.b"\nkind = "words"\n'
                      'severity = "warning"\nmessage = "m"\nwords = ["y"]\n', encoding="utf-8")
    result = run("pack", "validate", str(broken), data_dir=data_dir)
    assert result.returncode == 2
    assert [line.split(": ", 1)[0] for line in result.stdout.splitlines()] == [
        f"{broken}:3:1", f"{broken}:10:1", f"{broken}:15:1"]
    assert run("pack", "install", str(broken), data_dir=data_dir).returncode == 2
    assert not (data_dir / "packs" / "qa.toml").exists()
    assert "qa\t" not in run("pack", "list", data_dir=data_dir).stdout


def test_pack_validate_reports_every_bad_item_of_a_list_and_a_table(tmp_path, data_dir):
    broken = tmp_path / "items.toml"
    broken.write_text('[pack]\nid = "qa"\nname = "QA"\nversion = "1"\nlanguage = "nl"\n\n'
                      '[[rules]]\nid = "qa.w"\nkind = "words"\nseverity = "info"\nmessage = "m"\n'
                      'words = [1, "ok", 2]\n\n[[rules]]\nid = "qa.l"\nkind = "length"\n'
                      'severity = "info"\nmessage = "m"\nlimits = { x = "a", mastodon = -5 }\n',
                      encoding="utf-8")
    result = run("pack", "validate", str(broken), data_dir=data_dir)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{broken}:12:1"] * 2 + [
        f"{broken}:19:1"] * 2
    assert "'words'" in lines[0] and " 1 " in lines[0] and " 3 " in lines[1]
    assert "'x'" in lines[2] and "'mastodon'" in lines[3]
    assert "4" in result.stderr


def test_pack_install_list_show_remove(tmp_path, data_dir):
    assert run("pack", "install", str(EXAMPLE), data_dir=data_dir).returncode == 0
    assert (data_dir / "packs" / "voorbeeldgemeente.toml").is_file()
    listing = run("pack", "list", data_dir=data_dir).stdout
    assert "rijksoverheid-standaard\t" in listing and "voorbeeldgemeente\t2025.1" in listing
    shown = run("pack", "show", "voorbeeldgemeente", data_dir=data_dir)
    assert "gemeente.zaaknummer" in shown.stdout
    # The installed pack is now active for Dutch texts.
    result = run("check", "-", stdin="Het raadsvoorstel komt.", data_dir=data_dir)
    assert " error jargon " in result.stdout
    broken = tmp_path / "voorbeeldgemeente.toml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace('version = "2025.1"',
                                                                  "version = 2025"),
                      encoding="utf-8")
    assert run("pack", "install", str(broken), data_dir=data_dir).returncode == 2
    assert "voorbeeldgemeente\t2025.1" in run("pack", "list", data_dir=data_dir).stdout
    assert run("pack", "remove", "voorbeeldgemeente", data_dir=data_dir).returncode == 0
    assert run("pack", "remove", "voorbeeldgemeente", data_dir=data_dir).returncode == 2
    assert run("pack", "show", "nope", data_dir=data_dir).returncode == 2


def test_byte_order_mark_and_bad_bytes(tmp_path, data_dir):
    marked = tmp_path / "bom.txt"
    marked.write_bytes("\ufeffIndien u wilt.".encode())
    result = run("check", "--format", "json", str(marked), data_dir=data_dir)
    jargon = json.loads(result.stdout)["findings"][0]
    assert (jargon["start"], jargon["text"]) == (0, "Indien")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    refused = run("check", str(latin), data_dir=data_dir)
    assert refused.returncode == 2
    assert "UTF-8" in refused.stderr and "codec" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_notepads_unicode_files_are_read(tmp_path, data_dir, encoding):
    # Notepad's "Unicode" is UTF-16 with a byte-order mark (little-endian; big-endian too).
    saved = tmp_path / "unicode.txt"
    text = "Indien u wilt, bel ons."
    mark = b"\xfe\xff" if encoding == "utf-16-be" else b""
    saved.write_bytes(mark + text.encode(encoding))
    result = run("check", "--format", "json", str(saved), data_dir=data_dir)
    assert result.returncode in (0, 1), result.stderr
    jargon = json.loads(result.stdout)["findings"][0]
    assert (jargon["start"], jargon["text"]) == (0, "Indien")


def test_the_organisations_own_helpdesk_in_a_reply_passes_with_its_pack(data_dir):
    reply = ("Heeft u vragen? Bel ons op 14 070 of 070 123 4567, of mail "
             "info@voorbeeldgemeente.nl. Wegwerkzaamheden: de Kerkstraat 1 t/m 20 is dicht.")
    builtin = run("check", "--format", "json", "--lang", "nl", "-", stdin=reply,
                  data_dir=data_dir)
    assert builtin.returncode == 1
    assert sorted(f["rule"] for f in json.loads(builtin.stdout)["findings"]
                  if f["rule"].startswith("pii.")) == ["pii.email", "pii.phone"]
    own = run("check", "--format", "json", "--lang", "nl", "--pack", str(EXAMPLE), "-",
              stdin=reply, data_dir=data_dir)
    assert own.returncode == 0, own.stdout
    payload = json.loads(own.stdout)
    assert set(payload) == set(json.loads(builtin.stdout))
    assert [f for f in payload["findings"] if f["rule"].startswith("pii.")] == []
    citizen = run("check", "--pack", str(EXAMPLE), "-", stdin="Bel mij op 070 765 4321.",
                  data_dir=data_dir)
    assert citizen.returncode == 1 and " error pii.phone " in citizen.stdout


def test_pack_validate_reports_bad_allow_entries_with_their_position(tmp_path, data_dir):
    broken = tmp_path / "allow.toml"
    broken.write_text('[pack]\nid = "qa"\nname = "QA"\nversion = "1"\n'
                      'extends = "rijksoverheid-standaard"\n\n[overrides."pii.phone"]\n'
                      'allow = ["070 123 456"]\n\n[overrides."pii.email"]\n'
                      'allow = ["gemeente.nl"]\n', encoding="utf-8")
    result = run("pack", "validate", str(broken), data_dir=data_dir)
    assert result.returncode == 2
    assert [line.split(": ", 1)[0] for line in result.stdout.splitlines()] == [
        f"{broken}:8:1", f"{broken}:11:1"]


def test_check_reports_the_officers_own_template_placeholder_without_opening_the_store(
        tmp_path, data_dir):
    from ambtenaar20.core.app_context import create_app_context

    context = create_app_context(data_dir, "nl")
    context.drafting.drafts.add_template("Melding", "Uw melding heeft nummer [zaaknummer].", "nl")
    context.close()
    draft = tmp_path / "reply.txt"
    draft.write_text("Uw melding heeft nummer [zaaknummer]. We bellen u binnen een week.",
                     encoding="utf-8")
    result = run("check", "--format", "json", str(draft), data_dir=data_dir)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [f["text"] for f in findings if f["rule"] == "template.placeholder"] == [
        "[zaaknummer]"]


def test_check_on_a_new_data_folder_creates_no_database(tmp_path):
    data_dir = tmp_path / "new"
    data_dir.mkdir()
    result = run("check", "-", stdin="De gemeente opent maandag een loket.", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert not (data_dir / "ambtenaar20.sqlite3").exists()


def test_a_possible_house_number_range_is_a_warning_and_a_home_an_error(data_dir):
    maybe = run("check", "--format", "json", "-",
                stdin="Het pakket is bezorgd op Kerkstraat 1-3, zegt de bezorger.",
                data_dir=data_dir)
    [finding] = [f for f in json.loads(maybe.stdout)["findings"] if f["rule"] == "pii.address"]
    assert (maybe.returncode, finding["severity"], finding["text"]) == (0, "warning",
                                                                         "Kerkstraat 1-3")
    home = run("check", "-", stdin="Ik woon op Kerkstraat 1-3 en mijn container is vol.",
               data_dir=data_dir)
    assert home.returncode == 1 and " error pii.address " in home.stdout


def test_a_second_platform_is_refused_rather_than_its_length_error_dropped(data_dir):
    # 600 characters: too long for X (280) and for Mastodon (500). Had the last --platform
    # won, the Mastodon error would vanish without a word.
    text = "Hallo " * 100
    result = run("check", "--platform", "mastodon", "--platform", "x", "-", stdin=text,
                 data_dir=data_dir)
    assert result.returncode == 2 and result.stdout == ""
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "--platform" in message
    # The same platform twice, under another name, asks for nothing else.
    same = run("check", "--format", "json", "--platform", "x", "--platform", "X", "-",
               stdin=text, data_dir=data_dir)
    assert same.returncode == 1
    assert json.loads(same.stdout)["length"] == {"count": 599, "limit": 280}
