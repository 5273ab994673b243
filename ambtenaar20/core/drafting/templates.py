"""Reply templates: the built-in ones shipped in ``packs/templates.toml``, and the rules for
the officer's own.

The built-in file is read once per process and shared: the templates menu (``DraftStore``) and
the check for placeholders left in a draft (``placeholders``) each read it, the check at every
keystroke pause. The rules for an own template live here once, so the window and
``ambtenaar20 drafts templates add`` refuse the same things with the same words.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

#: The languages a template can be in: those of the built-in templates and the packs.
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    text: str
    language: str
    builtin: bool


def _packaged_text() -> str:
    return (resources.files("ambtenaar20") / "packs" / "templates.toml").read_text(
        encoding="utf-8")


@cache
def builtin_templates() -> tuple[Template, ...]:
    """The templates that come with the app, read once (a tuple: the cache is shared)."""
    raw = tomllib.loads(_packaged_text())
    return tuple(Template(t["id"], t["name"], t["text"], t["language"], True)
                 for t in raw.get("templates", ()))


def is_builtin_id(template_id: str) -> bool:
    return any(template.id == template_id for template in builtin_templates())


def name_key(name: str) -> str:
    """What makes two names the same in the menu: not case, not extra spaces."""
    return " ".join(name.split()).casefold()


def check_new_template(name: str, text: str, language: str,
                       taken: Iterable[Template]) -> None:
    """Refuse an own template the menu could not offer well (bad usage, one line).

    A name already in the menu (built-in or own, either language: the menu shows all own
    templates whatever their language) would give two entries nobody can tell apart.
    """
    if not name.strip() or not text.strip():
        raise UsageError(_("A template needs a name and a text."))
    if language not in LANGUAGES:
        raise UsageError(_("A template is in Dutch (nl) or English (en), not '{language}'.")
                         .format(language=language))
    key = name_key(name)
    if any(name_key(template.name) == key for template in taken):
        raise UsageError(_("There already is a template named “{name}”; choose another "
                           "name.").format(name=name.strip()))
