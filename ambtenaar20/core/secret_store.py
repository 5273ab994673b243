"""Passwords live in the operating system's keyring, through ``keyring``, and nowhere else.

The service name is the app's; each secret has its own key (for feeds: ``feed:<url>``).
keyring's own configuration is honoured (``PYTHON_KEYRING_BACKEND``, keyringrc). When there is
no usable backend the officer is told so plainly and nothing is stored.
"""

from __future__ import annotations

import logging

from ambtenaar20 import APP_SLUG
from ambtenaar20.core.errors import Ambtenaar20Error
from ambtenaar20.core.i18n import _

log = logging.getLogger(__name__)


class NoKeyringError(Ambtenaar20Error):
    """No secure password store is available; the password was not saved."""


class SecretStore:
    def __init__(self, service: str = APP_SLUG) -> None:
        self.service = service

    def backend_name(self) -> str:
        import keyring

        backend = keyring.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def set(self, key: str, secret: str) -> None:
        import keyring
        import keyring.errors

        try:
            keyring.set_password(self.service, key, secret)
        except keyring.errors.KeyringError as error:
            log.warning("keyring refused to store a secret: %s", type(error).__name__)
            raise NoKeyringError(
                _("No password store (keyring) is available on this computer, so the password "
                  "was not saved anywhere. Install or unlock a keyring (for example GNOME "
                  "Keyring or KWallet) and try again.")) from error

    def get(self, key: str) -> str | None:
        import keyring
        import keyring.errors

        try:
            return keyring.get_password(self.service, key)
        except keyring.errors.KeyringError as error:
            log.warning("keyring could not be read: %s", type(error).__name__)
            return None

    def delete(self, key: str) -> None:
        import keyring
        import keyring.errors

        try:
            keyring.delete_password(self.service, key)
        except keyring.errors.KeyringError:
            log.debug("no secret to delete for this key")
