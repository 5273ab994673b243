"""Help → Aan de slag: a short guide in the window, for an officer opening the app the first time.

What each of the four areas is for, the first three steps, the keyboard shortcuts and where the
data lives. It is text in the app's catalogue (Dutch and English), so it needs no browser and
no internet, and it names buttons and menus by the words the window itself uses.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ambtenaar20 import APP_NAME
from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.i18n import N_, _
from ambtenaar20.gui.areas.registry import AREAS

#: Area key -> untranslated sentence on what the area is for.
AREA_PURPOSES = {
    "follow": N_("Keep up with what is said: the feeds of news sites, your organisation's pages "
                 "and social media accounts, and topics that collect the items about a "
                 "subject. From an item you can start a reply."),
    "write": N_("Write posts and replies. While you type, each draft is checked against your "
                "organisation's guidelines: length per platform, readability, tone, jargon and "
                "personal data."),
    "log": N_("Keep a log of your contacts: replies, posts, questions answered, referrals. A "
              "draft you mark as published is added by itself; a phone call or an e-mail you "
              "add yourself."),
    "report": N_("Choose a period and export your log for your manager as Excel, PDF, CSV or "
                 "JSON, with totals per kind, platform, topic and week."),
}


def _words(text: str) -> str:
    """A menu or button text as it reads on screen: without its Alt-key marker."""
    return text.replace("&", "").rstrip("…")


def _area_name(key: str) -> str:
    return next(_(spec.label) for spec in AREAS if spec.key == key)


def guide_html(data_dir: str, help_key: str = "") -> str:
    """The guide as rich text, in the active language; ``help_key`` opens it again."""
    areas = "".join(
        f"<li><b>{escape(_(spec.label))}</b> (Ctrl+{number}): "
        f"{escape(_(AREA_PURPOSES[spec.key]))}</li>"
        for number, spec in enumerate(AREAS, start=1))
    steps = [
        _("In {area}, click “{button}” and enter the address of a news page, a website or an "
          "account you want to follow.").format(area=_area_name("follow"),
                                                button=_words(_("&Add feed"))),
        _("In {area}, click “{button}” (or “{reply}” on an item in {follow}), write your "
          "text and deal with what the check finds. Once it is online, click “{published}”.")
        .format(area=_area_name("write"), button=_words(_("&New draft")),
                reply=_words(_("Re&ply")), follow=_area_name("follow"),
                published=_words(_("&Mark as published…"))),
        _("In {area}, check the entry that was added, and add other contacts with Ctrl+L. At "
          "the end of the month, export your log in {report}.").format(
            area=_area_name("log"), report=_area_name("report")),
    ]
    shortcuts = [
        ("Ctrl+1 … Ctrl+4", _("go to {areas}").format(
            areas=", ".join(_(spec.label) for spec in AREAS))),
        ("Ctrl+L", _("add to the log, from every area")),
        ("Ctrl+F / Ctrl+E", _("search, in {area}").format(area=_area_name("follow"))),
        ("F5", _("fetch new items, in {area}").format(area=_area_name("follow"))),
    ]
    if help_key:
        shortcuts.append((help_key, _("this guide")))
    data = _("Everything you enter stays on this computer, in this folder:")
    backup = _("Only the feeds you follow are fetched from the internet. To keep a copy of your "
               "data elsewhere, use {menu} → {command}.").format(
        menu=_words(_("&File")), command=_words(_("Make &backup…")))
    title = _("Getting started with {app}").format(app=APP_NAME)
    headings = [_("The four areas"), _("Your first three steps"), _("Keyboard shortcuts"),
                _("Where your data lives")]
    areas_title, steps_title, keys_title, data_title = (escape(text) for text in headings)
    return (
        f"<h2>{escape(title)}</h2>"
        f"<h3>{areas_title}</h3><ul>{areas}</ul>"
        f"<h3>{steps_title}</h3><ol>"
        + "".join(f"<li>{escape(step)}</li>" for step in steps) + "</ol>"
        f"<h3>{keys_title}</h3><table cellpadding='2'>"
        + "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
                  for keys, what in shortcuts) + "</table>"
        f"<h3>{data_title}</h3><p>{escape(data)}<br>"
        f"<code>{escape(data_dir)}</code></p><p>{escape(backup)}</p>"
    )


class GettingStartedDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Getting started"))
        self.setAccessibleName(_("Getting started"))
        layout = QVBoxLayout(self)
        self.guide = QTextBrowser()
        self.guide.setAccessibleName(_("Getting started guide"))
        # F1 on Windows and Linux, Ctrl+? on a Mac: the key the Help menu shows.
        help_key = QKeySequence(QKeySequence.StandardKey.HelpContents).toString(
            QKeySequence.SequenceFormat.NativeText)
        self.guide.setHtml(guide_html(str(context.paths.data_dir), help_key))
        layout.addWidget(self.guide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # The text has the focus: arrow keys and Page Down read on, Escape closes.
        self.guide.setFocus()
        self.resize(660, 680)
