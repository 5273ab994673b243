"""Words for the guideline rules, so the findings list says "Persoonsgegevens: BSN", not "pii.bsn".

Packs give a rule an id (for overrides and dismissals) but no title; the ids are part of the pack
format, so the names live here, translated. A rule of an organisation's own pack gets the name of
its family (the id's first part), and failing that its id: that pack's authors chose it.
"""

from __future__ import annotations

from collections.abc import Callable

from ambtenaar20.core.i18n import N_, _, current_language, gettext_in

RULE_LABELS = {
    "length": N_("Length"),
    "pii.bsn": N_("Personal data: citizen service number (BSN)"),
    "pii.iban": N_("Personal data: bank account (IBAN)"),
    "pii.phone": N_("Personal data: phone number"),
    "pii.email": N_("Personal data: e-mail address"),
    "pii.address": N_("Personal data: address"),
    "confidential": N_("Confidential information"),
    "confidential.word": N_("Possibly confidential"),
    "confidential.internal": N_("Internal or not yet public"),
    "mandate": N_("Speaking on behalf of the organisation"),
    "jargon": N_("Civil-service jargon"),
    "loanword": N_("English word"),
    "abbreviation": N_("Abbreviation"),
    "readability": N_("Readability"),
    "passive": N_("Passive voice"),
    "tone.negative": N_("Negative tone"),
    "tone.subjective": N_("Subjective tone"),
    "hashtag.case": N_("Hashtag capitals"),
    "hashtag.count": N_("Number of hashtags"),
    "emoji": N_("Emoji"),
    "caps": N_("Capital letters"),
    "spelling": N_("Spelling"),
    "link.shortener": N_("Shortened link"),
    "template.placeholder": N_("Template not filled in"),
    "link.source": N_("Source link"),
    "consistency.address-form": N_("Form of address (u or je)"),
    "restraint": N_("Restraint on your own policy area"),
    "mention.watchlist": N_("Mention of an MP or journalist"),
}

#: For rules of other packs: their family, the part of the id before the first dot.
FAMILY_LABELS = {
    "pii": N_("Personal data"),
    "tone": N_("Tone"),
    "hashtag": N_("Hashtags"),
    "link": N_("Links"),
    "consistency": N_("Consistency"),
    "mention": N_("Mentions"),
    "manual": N_("Checklist"),
}


def words_in(language: str) -> Callable[[str], str]:
    """``_`` for the words around a finding written in ``language`` (``Finding.language``).

    That is the interface language, unless the finding's rule has no words in it: then the
    whole finding (name, kind, buttons) is in its pack's language, not half in each.
    """
    if not language or language == current_language():
        return _
    return lambda message: gettext_in(language, message)


def rule_label(rule_id: str, language: str = "") -> str:
    """The rule's name in ``language`` (a finding's), by default the interface language."""
    label = RULE_LABELS.get(rule_id) or FAMILY_LABELS.get(rule_id.partition(".")[0])
    return words_in(language)(label) if label else rule_id
