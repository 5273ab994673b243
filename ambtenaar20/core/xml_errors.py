"""Why an XML file (an OPML list of feeds) cannot be read: in the officer's words, with the place.

Python's XML parser explains itself in English ("unclosed token: line 1, column 12") and counts
columns from 0. The officer gets the reason in their own language and the position as an
editor shows it: line and column both counted from 1, as the guideline-pack errors do.
"""

from __future__ import annotations

from xml.etree.ElementTree import ParseError
from xml.parsers.expat import errors

from ambtenaar20.core.i18n import N_, _

#: The parser's error codes an officer meets in practice; the rest get the general reason.
_REASONS = {
    errors.codes[errors.XML_ERROR_SYNTAX]: N_("this is not XML"),
    errors.codes[errors.XML_ERROR_NO_ELEMENTS]: N_("the file is empty or stops too early"),
    errors.codes[errors.XML_ERROR_INVALID_TOKEN]: N_("an invalid character or tag"),
    errors.codes[errors.XML_ERROR_UNCLOSED_TOKEN]: N_("a tag is not closed"),
    errors.codes[errors.XML_ERROR_PARTIAL_CHAR]: N_("an incomplete character"),
    errors.codes[errors.XML_ERROR_TAG_MISMATCH]: N_("a closing tag does not match the tag it "
                                                     "closes"),
    errors.codes[errors.XML_ERROR_DUPLICATE_ATTRIBUTE]: N_("an attribute is given twice"),
    errors.codes[errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT]: N_("there is more after the end of "
                                                               "the document"),
    errors.codes[errors.XML_ERROR_UNDEFINED_ENTITY]: N_("an unknown entity such as &nbsp; "
                                                         "(XML knows only &amp; &lt; &gt; "
                                                         "&quot; &apos;)"),
    errors.codes[errors.XML_ERROR_UNKNOWN_ENCODING]: N_("an unknown character encoding"),
    errors.codes[errors.XML_ERROR_INCORRECT_ENCODING]: N_("the characters do not match the "
                                                           "encoding the file names"),
    errors.codes[errors.XML_ERROR_UNBOUND_PREFIX]: N_("a namespace prefix that is not "
                                                       "declared"),
}


def xml_problem(error: ParseError) -> str:
    """``a tag is not closed (line 1, column 13)``, in the current language."""
    reason = _(_REASONS.get(getattr(error, "code", None), N_("the XML is not well-formed")))
    position = getattr(error, "position", None)
    if not position:
        return reason
    line, column = position
    return _("{reason} (line {line}, column {column})").format(
        reason=reason, line=line, column=column + 1)
