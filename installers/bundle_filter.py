"""Which collected files the PyInstaller bundle keeps (used by ``ambtenaar20.spec``).

PyInstaller's Qt hooks collect plugins that drag whole Qt modules in: the virtual keyboard
(Qml, Quick), the PDF image format (Qt Pdf), the Wayland/EGLFS/VNC platforms and the GTK3 theme
(GTK, ATK, cairo, pango, if the build host has them). Excluding Python modules does not remove
them; filtering the collected files does (measured: 217 MB -> 181 MB for a bare window).
Kept on purpose: QtCharts (trend charts), QtSvg (icons), OpenGL/OpenGLWidgets (QtCharts needs
them), the xcb, offscreen, windows and cocoa platforms, compose/ibus input (dead keys for ë).

Paths are bundle destinations; Windows uses backslashes, so every pattern accepts both.
"""

from __future__ import annotations

import re

_SEP = r"[/\\]"

QT_DROP = re.compile(
    # Python bindings the app never imports; the Qt libraries behind them stay where QtCharts
    # or the platform plugins need them (libQt6OpenGL, libQt6DBus).
    rf"(^|{_SEP})PySide6{_SEP}Qt(OpenGL|OpenGLWidgets|Network|DBus)\.(abi3\.so|pyd)$"
    rf"|platforminputcontexts{_SEP}.*virtualkeyboard"
    rf"|{_SEP}wayland"
    r"|egldeviceintegrations"
    rf"|platforms{_SEP}(lib)?(qeglfs|qminimalegl|qvnc|qvkkhrdisplay|qlinuxfb|qwayland)"
    rf"|imageformats{_SEP}(lib)?qpdf"
    rf"|platformthemes{_SEP}(lib)?qgtk3"
    rf"|(^|{_SEP})(lib)?Qt6?(Qml|Quick|VirtualKeyboard|Pdf|Wayland|WlShell|EglFS)\w*([./\\]|$)"
    rf"|(^|{_SEP})lib(gtk-3|gdk-3|atk-1|atk-bridge|atspi|epoxy|cairo-gobject|gdk_pixbuf"
    # ... and what only those GTK libraries needed (they are collected before this filter).
    r"|cairo|pango\w*|pixman-1|thai|datrie|fribidi|Xcomposite|Xdamage|Xinerama)[.-]",
    re.IGNORECASE,
)

#: Qt's own translations: only the two languages the app speaks.
_QT_TRANSLATION = re.compile(rf"{_SEP}translations{_SEP}(?P<name>[^/\\]+)\.qm$")
_KEPT_LANGUAGE = re.compile(r"_(nl|en)$")

#: python-stdnum ships lookup tables for numbers the app never checks (MAC addresses, ISBN
#: ranges, Chinese regions...); IBAN validation needs only iban.dat.
_STDNUM_UNUSED = re.compile(rf"^stdnum{_SEP}(?!iban\.dat$).*\.dat$")

#: Spelling and hyphenation dictionaries for languages the app does not speak (pyspellchecker
#: and pyphen ship a dozen and 80 of them; used by the drafting checker for nl and en only).
_FOREIGN_DICTIONARY = re.compile(
    rf"^spellchecker{_SEP}resources{_SEP}(?!(nl|en)\.json\.gz$)"
    rf"|^pyphen{_SEP}dictionaries{_SEP}(?!hyph_(nl|en)[_.])"
)


def keep_binary(dest: str) -> bool:
    """Whether a collected library or plugin (bundle path ``dest``) goes into the bundle."""
    return QT_DROP.search(dest) is None


def keep_data(dest: str) -> bool:
    """Whether a collected data file (bundle path ``dest``) goes into the bundle."""
    if QT_DROP.search(dest) or _STDNUM_UNUSED.search(dest) or _FOREIGN_DICTIONARY.search(dest):
        return False
    translation = _QT_TRANSLATION.search(dest)
    return translation is None or _KEPT_LANGUAGE.search(translation.group("name")) is not None
