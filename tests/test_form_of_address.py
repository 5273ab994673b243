"""The Dutch interface and the built-in Dutch pack address the officer one way: as "u".

The app checks that a draft does not mix "u" and "je"; its own texts did (the Schrijven area said
"je", the rest "u").
"""

from __future__ import annotations

import re
import tomllib

from babel.messages.pofile import read_po

from tests.helpers import REPO_ROOT

INFORMAL = re.compile(r"\b(?:je|jij|jou|jouw)\b", re.IGNORECASE)
#: Words in quotes are examples (the consistency rule names both forms), not the app speaking.
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’")
ABOUT_THE_FORMS = {"Form of address (u or je)"}


def test_interface_texts_say_u():
    path = REPO_ROOT / "ambtenaar20" / "locale" / "nl" / "LC_MESSAGES" / "ambtenaar20.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    informal = []
    for message in catalogue:
        if not message.id or message.id in ABOUT_THE_FORMS:
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        informal += [text for text in texts if INFORMAL.search(QUOTED.sub("", text or ""))]
    assert informal == []


def test_the_dutch_pack_says_u():
    pack = tomllib.loads((REPO_ROOT / "ambtenaar20" / "packs" /
                          "rijksoverheid-standaard.toml").read_text(encoding="utf-8"))
    informal = [
        (rule["id"], key) for rule in pack["rules"] if rule.get("kind") != "consistency"
        for key in ("message", "why", "question", "context_message", "sentence_message",
                    "word_message", "no_suggestion_message")
        if INFORMAL.search(QUOTED.sub("", rule.get(key, "")))]
    assert informal == []
