"""Settings: typed round-trip, atomic writes, damaged files set aside, bad values defaulted."""

import json

import pytest

from ambtenaar20.core.errors import SettingsError
from ambtenaar20.core.settings import Settings, SettingsStore


def test_defaults_when_no_file(tmp_path):
    loaded = SettingsStore(tmp_path / "settings.json").load()
    assert loaded.settings == Settings()
    assert loaded.problem_message() is None


def test_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(language="en")
    settings.profile.name = "Anne de Vries"
    settings.profile.organisation = "Ministerie van Infrastructuur en Waterstaat"
    settings.window.area = 2
    store.save(settings)
    assert store.load().settings == settings
    assert json.loads((tmp_path / "settings.json").read_text("utf-8"))["profile"]["name"] == (
        "Anne de Vries")


def test_damaged_file_is_set_aside_and_defaults_used(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"language": "en", "profile": {', "utf-8")
    loaded = SettingsStore(path).load()
    assert loaded.settings == Settings()
    assert loaded.damaged_copy is not None
    assert loaded.damaged_copy.read_text("utf-8") == '{"language": "en", "profile": {'
    assert "apart gezet" in loaded.problem_message()
    assert not path.exists()


def test_wrong_types_fall_back_per_field(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": 7, "profile": {"name": "Piet", "function": ["x"]},
                                "window": "big", "unknown": 1}), "utf-8")
    settings = SettingsStore(path).load().settings
    assert settings.language == "auto"
    assert settings.profile.name == "Piet"
    assert settings.profile.function == ""
    assert settings.window.area == 0


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.save(Settings(language="en"))
    before = path.read_text("utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(SettingsError, match="de schijf is vol"):
        store.save(Settings(language="nl"))
    assert path.read_text("utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left


def test_names_to_hide_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings()
    assert settings.privacy.hidden_names == []
    settings.privacy.hidden_names = ["Jan de Vries", "Zoë Berg"]
    store.save(settings)
    assert store.load().settings.privacy.hidden_names == ["Jan de Vries", "Zoë Berg"]
    saved = json.loads((tmp_path / "settings.json").read_text("utf-8"))
    assert saved["privacy"] == {"hidden_names": ["Jan de Vries", "Zoë Berg"]}


@pytest.mark.parametrize("value", ["Jan de Vries", ["Jan de Vries", 3], {"Jan": 1}, None])
def test_names_to_hide_of_the_wrong_type_are_ignored(tmp_path, value):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "privacy": {"hidden_names": value}}), "utf-8")
    loaded = SettingsStore(path).load()
    assert loaded.settings.privacy.hidden_names == []
    assert loaded.settings.language == "en"  # the rest of the file still counts
    assert loaded.damaged_copy is None


def cut_settings(path, profile):
    text = json.dumps({"schema_version": 1, "language": "auto", "profile": profile,
                       "window": {"geometry": "x" * 200}}, indent=2)
    path.write_text(text[: len(text) * 2 // 3], "utf-8")


def test_a_damaged_file_that_held_a_profile_says_it_must_be_filled_in_again(tmp_path):
    path = tmp_path / "settings.json"
    cut_settings(path, {"name": "Marieke Hoekstra", "function": "Online adviseur",
                        "organisation": "Gemeente Utrecht", "department": ""})
    loaded = SettingsStore(path).load()
    assert loaded.settings.profile.name == ""
    assert loaded.profile_lost
    message = loaded.problem_message()
    assert message.startswith("Het instellingenbestand was beschadigd en is apart gezet als "
                              f"{loaded.damaged_copy.name}")
    assert "Uw profiel (naam, functie, organisatie)" in message
    assert "Bestand > Voorkeuren" in message


def test_a_damaged_file_without_a_profile_does_not_mention_one(tmp_path):
    path = tmp_path / "settings.json"
    cut_settings(path, {"name": "", "function": "", "organisation": "", "department": ""})
    loaded = SettingsStore(path).load()
    assert loaded.damaged_copy is not None
    assert not loaded.profile_lost
    assert "profiel" not in loaded.problem_message()


@pytest.mark.parametrize("profile", [{"name": 5}, {"organisation": ["x"]}, "Marieke"])
def test_a_profile_of_the_wrong_type_is_reported(tmp_path, profile):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "profile": profile}), "utf-8")
    loaded = SettingsStore(path).load()
    assert loaded.damaged_copy is None
    assert loaded.profile_lost
    assert loaded.problem_message().startswith("Uw profiel")


def test_a_wrong_value_outside_the_profile_is_no_profile_problem(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"window": {"area": "two"}, "profile": {"name": "Piet"}}), "utf-8")
    loaded = SettingsStore(path).load()
    assert not loaded.profile_lost
    assert loaded.problem_message() is None


def test_a_damaged_file_names_the_lists_it_held_and_where_to_fill_them_in(tmp_path):
    path = tmp_path / "settings.json"
    text = json.dumps({"schema_version": 1, "profile": {"name": ""},
                       "privacy": {"hidden_names": ["Jan de Vries"]},
                       "tone": {"toneless_words": ["hitte", "laag"]}}, indent=2)
    path.write_text(text[:-3], "utf-8")  # cut off just before the end
    loaded = SettingsStore(path).load()
    assert loaded.settings.tone.toneless_words == []
    assert set(loaded.lost) == {"hidden_names", "toneless_words"}
    assert not loaded.profile_lost
    message = loaded.problem_message()
    assert "\n" not in message  # the CLI prints it as one line
    assert ("Uw woorden zonder toon zijn verloren gegaan: vul ze opnieuw in onder "
            "Bestand > Voorkeuren.") in message
    assert ("Uw namen om te verbergen in gepseudonimiseerde exports zijn verloren gegaan: vul "
            "ze opnieuw in onder Rapportage.") in message
    assert "profiel" not in message and "breekt af" not in message


def test_empty_lists_in_a_damaged_file_are_not_reported_lost(tmp_path):
    path = tmp_path / "settings.json"
    text = json.dumps({"profile": {"name": ""}, "privacy": {"hidden_names": []},
                       "tone": {"toneless_words": []}, "window": {"geometry": "x" * 50}})
    path.write_text(text[:-10], "utf-8")
    loaded = SettingsStore(path).load()
    assert loaded.lost == () and loaded.maybe_lost == ()
    assert loaded.problem_message().endswith("standaardinstellingen worden gebruikt.")


def test_a_file_cut_off_before_the_lists_says_they_may_be_lost(tmp_path):
    """The QA case: the cut falls in the backup section, before privacy and tone."""
    path = tmp_path / "settings.json"
    cut_settings(path, {"name": "Marieke Hoekstra", "function": "", "organisation": "",
                        "department": ""})
    loaded = SettingsStore(path).load()
    assert loaded.lost == ("profile",)
    assert loaded.maybe_lost == ("hidden_names", "toneless_words")
    message = loaded.problem_message()
    assert "\n" not in message
    assert message.endswith(
        "Het beschadigde bestand breekt af vóór uw namen om te verbergen in exports (Rapportage) "
        "en uw woorden zonder toon (Bestand > Voorkeuren): had u die ingevuld, vul ze dan "
        "opnieuw in.")


@pytest.mark.parametrize(("raw", "part"), [
    ({"tone": {"toneless_words": "hitte"}}, "toneless_words"),
    ({"tone": ["hitte"]}, "toneless_words"),
    ({"privacy": {"hidden_names": "Jan de Vries"}}, "hidden_names"),
])
def test_a_list_of_the_wrong_type_is_reported_lost(tmp_path, raw, part):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(raw), "utf-8")
    loaded = SettingsStore(path).load()
    assert loaded.damaged_copy is None
    assert loaded.lost == (part,)
    assert "verloren gegaan" in loaded.problem_message()
