"""The proxy field of *Voorkeuren* takes a SOCKS5 proxy and names what it cannot use."""

from __future__ import annotations


def _dialog(qtbot, make_context, monkeypatch):
    from ambtenaar20.gui.dialogs import preferences_dialog

    context = make_context("en")
    dialog = preferences_dialog.PreferencesDialog(context)
    qtbot.addWidget(dialog)
    warnings: list[str] = []
    monkeypatch.setattr(preferences_dialog.QMessageBox, "warning",
                        lambda *args: warnings.append(args[2]))
    return context, dialog, warnings


def test_a_socks5_proxy_is_saved(qtbot, make_context, monkeypatch):
    context, dialog, warnings = _dialog(qtbot, make_context, monkeypatch)
    from PySide6.QtWidgets import QLabel

    notes = [label.text() for label in dialog.feed_preferences.findChildren(QLabel)]
    assert any("socks5://127.0.0.1:1080" in note for note in notes), notes
    dialog.feed_preferences.proxy.setText("socks5h://127.0.0.1:1080")
    dialog.accept()
    assert warnings == []
    assert context.settings_store.load().settings.feeds.proxy == "socks5h://127.0.0.1:1080"


def test_a_socks4_proxy_is_refused_with_its_reason(qtbot, make_context, monkeypatch):
    context, dialog, warnings = _dialog(qtbot, make_context, monkeypatch)
    dialog.feed_preferences.proxy.setText("socks4://127.0.0.1:1080")
    dialog.accept()
    assert warnings == ["The proxy socks4://127.0.0.1:1080 cannot be used: SOCKS4 proxies are "
                        "not supported; use a SOCKS5 proxy (socks5://) or an http proxy."]
    assert context.settings.feeds.proxy == ""
