"""Whether the window has a screen to open on is decided from the environment, before Qt."""

import pytest

from ambtenaar20.gui.screen_check import missing_screen


@pytest.mark.parametrize("environment", [
    {"DISPLAY": ":0"},
    {"WAYLAND_DISPLAY": "wayland-0"},
    {"QT_QPA_PLATFORM": "offscreen"},
    {"DISPLAY": "", "WAYLAND_DISPLAY": "wayland-1"},
])
def test_a_display_server_or_a_chosen_qt_platform_is_enough(environment):
    assert missing_screen(environment, "linux") is None


@pytest.mark.parametrize("environment", [{}, {"DISPLAY": "", "WAYLAND_DISPLAY": ""}])
def test_linux_without_a_display_server_says_what_is_missing(environment):
    reason = missing_screen(environment, "linux")
    assert reason is not None
    assert "DISPLAY" in reason and "WAYLAND_DISPLAY" in reason
    assert "ambtenaar20 --help" in reason


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_a_screen(platform):
    assert missing_screen({}, platform) is None
