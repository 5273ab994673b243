"""One translation mechanism for core, CLI and GUI alike: gettext catalogues.

Message ids are English; the Dutch catalogue is ``ambtenaar20/locale/nl/LC_MESSAGES``. Dutch is the
default language. ``_`` looks the active catalogue up at call time, so labels created after
``set_language`` come out in the new language.
"""

from __future__ import annotations

import gettext
import locale
import os

from ambtenaar20 import APP_SLUG

SUPPORTED_LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
#: Catalogues of languages other than the active one, for ``gettext_in``.
_other_catalogues: dict[str, gettext.NullTranslations] = {}


def locale_dir() -> str:
    """Directory holding the compiled catalogues (works from a wheel and a frozen bundle).

    A plain path next to this package rather than importlib.resources, which costs start-up
    time; the catalogues are always real files in both installed forms.
    """
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")


def system_language() -> str:
    """The language the operating system asks for, reduced to one we support.

    English only when the system explicitly asks for English; everything else gets Dutch, the
    language of the users this app is made for.
    """
    settings = [os.environ.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    settings = [value for value in settings if value]
    if not settings:
        # Windows and macOS GUI sessions set no variables; ask the C library instead.
        try:
            settings = [locale.getlocale()[0] or ""]
        except ValueError:
            settings = []
    for value in settings:
        code = value.split(".")[0].split("_")[0].lower()
        if code in ("c", "posix", ""):
            continue  # "no preference": keep looking, else Dutch
        return "en" if code in ("en", "english") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def resolve_language(requested: str | None) -> str:
    """Turn a requested language (``nl``, ``en``, ``auto`` or ``None``) into ``nl`` or ``en``."""
    if requested in SUPPORTED_LANGUAGES:
        return requested
    return system_language()


def set_language(language: str) -> None:
    """Activate the catalogue for ``language`` (``nl`` or ``en``)."""
    global _translations, _language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    if language == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(
            APP_SLUG, localedir=locale_dir(), languages=[language], fallback=False
        )
    _language = language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose form depends on ``count``."""
    return _translations.ngettext(singular, plural, count)


def gettext_in(language: str, message: str) -> str:
    """``message`` in ``language``, whatever the active language is.

    For the rare text that must stay in another language than the interface's: a finding whose
    guideline pack has no wording in the interface language is shown wholly in the pack's.
    """
    if language not in SUPPORTED_LANGUAGES or language == "en":
        return message
    if language not in _other_catalogues:
        _other_catalogues[language] = gettext.translation(
            APP_SLUG, localedir=locale_dir(), languages=[language], fallback=True)
    return _other_catalogues[language].gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (for module-level tables)."""
    return message
