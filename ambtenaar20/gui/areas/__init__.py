"""The four work areas of the main window; each issue's area replaces its placeholder here."""
