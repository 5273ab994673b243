"""A restore cut off at every possible step is completed at the next start, never half-done."""

import os

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.backup import swap


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no cleanup handler either."""


class KillingOs:
    """``os`` for the swap module, dying before the n-th rename."""

    def __init__(self, renames_allowed):
        self.renames_allowed = renames_allowed

    def __getattr__(self, name):
        return getattr(os, name)

    def replace(self, source, target):
        if self.renames_allowed == 0:
            raise Killed
        self.renames_allowed -= 1
        os.replace(source, target)


def state(data_dir):
    context = create_app_context(data_dir, "nl")  # completes an interrupted restore first
    try:
        marker = context.store.db["app_meta"].get("marker")["value"]
        words = (data_dir / "wordlist.txt").read_text("utf-8")
        packs = sorted(p.name for p in (data_dir / "packs").iterdir())
        return marker, words, packs, context.settings.profile.name, \
            context.store.integrity_check()
    finally:
        context.close()


@pytest.mark.parametrize("renames_allowed", range(0, 9))
def test_restore_killed_after_n_renames_is_completed(tmp_path, monkeypatch, renames_allowed):
    data_dir = tmp_path / "data"
    context = create_app_context(data_dir, "nl")
    context.store.db["app_meta"].insert({"key": "marker", "value": "backup"})
    context.settings.profile.name = "In de back-up"
    context.save_settings()
    (data_dir / "packs" / "oud").mkdir(parents=True)
    (data_dir / "packs" / "oud" / "pack.toml").write_text("oud", "utf-8")
    (data_dir / "wordlist.txt").write_text("backup", "utf-8")
    context.backup.create(tmp_path / "b.zip")

    context.store.db["app_meta"].upsert({"key": "marker", "value": "current"}, pk="key")
    context.settings.profile.name = "Huidig"
    context.save_settings()
    (data_dir / "packs" / "nieuw").mkdir()
    (data_dir / "packs" / "nieuw" / "pack.toml").write_text("nieuw", "utf-8")
    (data_dir / "wordlist.txt").write_text("current", "utf-8")

    monkeypatch.setattr(swap, "os", KillingOs(renames_allowed))
    try:
        context.backup.restore(tmp_path / "b.zip")
        finished = True
    except Killed:
        finished = False
    monkeypatch.undo()
    context.close()
    assert state(data_dir) == ("backup", "backup", ["oud"],
                               "In de back-up", ["ok"])
    assert [p for p in data_dir.iterdir() if p.name.startswith(".")] == []
    if renames_allowed >= 8:
        assert finished
