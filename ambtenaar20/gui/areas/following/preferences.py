"""The feeds section of the preferences: proxy and automatic refresh interval.

How long items are kept is set with the other retention settings ("Back-ups en bewaren").
The example proxy address is a note under the fields: in the label it took the width the
field's placeholder needs ("leeg: de proxy va…").
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from ambtenaar20.core.feeds.addresses import ProxyProblem, proxy_address
from ambtenaar20.core.feeds.config import FeedSettings
from ambtenaar20.core.i18n import _
from ambtenaar20.gui.areas.following.wide_line_edit import WideLineEdit

# What the proxy field makes room for (besides its placeholder).
TYPICAL_PROXY = "http://proxy.gemeente-voorbeeld.nl:8080"


class FeedPreferences(QGroupBox):
    def __init__(self, settings: FeedSettings, parent: QWidget | None = None) -> None:
        super().__init__(_("Feeds"), parent)
        form = QFormLayout(self)
        self.proxy = WideLineEdit(TYPICAL_PROXY, settings.proxy)
        self.proxy.setPlaceholderText(_("empty: use the system proxy"))
        self.proxy.setAccessibleName(_("Proxy"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setValue(settings.refresh_minutes)
        self.minutes.setSuffix(_(" min"))
        self.minutes.setSpecialValueText(_("never"))
        self.minutes.setAccessibleName(_("Refresh automatically every"))
        note = QLabel(_("A proxy is written as http://proxy.example.nl:8080, a SOCKS5 proxy (or "
                        "an ssh -D tunnel) as socks5://127.0.0.1:1080. Left empty, the proxy of "
                        "the system is used."))
        note.setWordWrap(True)
        for text, widget in ((_("&Proxy"), self.proxy),
                             (_("Refresh &automatically every"), self.minutes)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            if widget is self.proxy:
                form.addRow(note)

    def problem(self) -> str | None:
        """A plain message when the proxy address cannot be used, else None."""
        proxy = self.proxy.text().strip()
        if not proxy:
            return None
        try:
            proxy_address(proxy)  # "host:port" is taken as http://host:port
        except ProxyProblem as problem:
            return _("The proxy {value} cannot be used: {reason}").format(value=proxy,
                                                                          reason=problem)
        return None

    def apply(self, settings: FeedSettings) -> None:
        settings.proxy = self.proxy.text().strip()
        settings.refresh_minutes = self.minutes.value()
