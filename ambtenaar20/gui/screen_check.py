"""Is there a screen to open the window on? Asked before Qt loads.

On Linux, Qt without a display server ends the process with an abort (exit status 134) and a
page of plugin messages. Started over SSH or from a service, the officer instead gets one line
saying what is missing and what still works, with exit status 2 like any other bad start.
Windows and macOS always have a screen for a logged-in user. This module does not import Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from ambtenaar20.core.i18n import _

#: Platforms whose Qt needs a display server named in the environment.
DISPLAY_SERVER_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd")


def missing_screen(environment: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why the window cannot open here, or None when it can (or Qt was told where to draw)."""
    if not platform.startswith(DISPLAY_SERVER_PLATFORMS):
        return None
    # A chosen Qt platform (offscreen for tests, eglfs on a kiosk) needs no display server.
    if environment.get("QT_QPA_PLATFORM") or environment.get("DISPLAY") \
            or environment.get("WAYLAND_DISPLAY"):
        return None
    return _("there is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
             "is set); start it in a desktop session, or use the commands: ambtenaar20 --help")
