"""Ambtenaar 2.0: the Dutch civil servant's workbench for online communication.

Only constants live here so that importing the package costs nothing.
"""

__version__ = "0.1.0"
APP_NAME = "Ambtenaar 2.0"
APP_ID = "nl.ambtenaar20.Ambtenaar20"
#: Name used for the data directory, the keyring service and the gettext domain.
APP_SLUG = "ambtenaar20"
