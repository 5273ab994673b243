"""Making feed HTML safe to store and show, and a plain-text version for search and analysis.

Everything active goes: scripts, event handlers, ``javascript:``/``vbscript:``/``data:`` URLs,
iframes/objects/embeds, forms, style attributes and ``<style>`` (so no CSS expressions), and
HTML comments (they can hide markup from weaker sanitisers). Nothing remote is ever loaded:
images become their alt text, or a link to the picture when they have none. nh3 (ammonia) does
the cleaning from an allow-list, so whatever we did not think of is dropped too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import urljoin

import nh3

_TAGS = {
    "a", "abbr", "acronym", "b", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
    "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "acronym": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
_SCHEMES = {"http", "https", "mailto"}
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TAG = re.compile(r"<[^>]*>")
_BLOCK = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|blockquote|pre|dd|dt|table|ul|ol)\b[^>]*>",
                    re.IGNORECASE)


def _image_replacement(match: re.Match[str]) -> str:
    attributes = {name.lower(): html.unescape(value.strip("\"'"))
                  for name, value in _ATTR.findall(match.group(0))}
    alt = attributes.get("alt", "").strip()
    if alt:
        return html.escape(f"[{alt}]", quote=False)
    source = attributes.get("src", "").strip()
    if source.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(source)}">[image]</a>'
    return ""


_CLEAN_OPTIONS = {
    "tags": _TAGS,
    "attributes": _ATTRIBUTES,
    "url_schemes": _SCHEMES,
    "strip_comments": True,
    "link_rel": "noopener noreferrer nofollow",
    "clean_content_tags": {"script", "style", "iframe", "object", "embed", "noscript",
                           "template", "svg", "math", "textarea", "select"},
}


def _make_cleaner() -> Callable[[str], str]:
    """One configured sanitiser for the whole process.

    ``nh3.clean`` builds its sanitiser from the options on every call, which was two thirds of
    its cost (~20 of ~27 microseconds per item); a reused ``nh3.Cleaner`` (nh3 0.2.18 and
    later) skips that. Same options, same output; older nh3 falls back to ``clean``.
    """
    cleaner_class = getattr(nh3, "Cleaner", None)
    if cleaner_class is not None:
        return cleaner_class(**_CLEAN_OPTIONS).clean
    return lambda fragment: nh3.clean(fragment, **_CLEAN_OPTIONS)


_clean = _make_cleaner()


def sanitize_html(fragment: str, *, controls: bool = True) -> str:
    """Safe HTML: allow-listed tags and attributes, links only http/https/mailto, and no
    control characters. ``controls=False``: the caller knows there are none to remove
    (``may_hold_controls`` said so of the whole feed)."""
    if not fragment:
        return ""
    without_images = _IMG.sub(_image_replacement, fragment)
    cleaned = _clean(without_images)
    # After cleaning: the cleaner turns a reference such as ``&#27;`` into the character.
    return (without_controls(cleaned) if controls else cleaned).strip()


def html_to_text(fragment: str) -> str:
    """Plain text of (already sanitised) HTML, with block boundaries as spaces."""
    if not fragment:
        return ""
    spaced = _BLOCK.sub(" ", fragment)
    return " ".join(html.unescape(_TAG.sub("", spaced)).split())


#: C0 and C1 control characters but tab, line feed and carriage return: escape sequences that
#: a terminal obeys (``ESC [2J`` clears it, ``ESC ]0;`` sets its title) and invisible noise. XML
#: cannot carry most of them, but JSON and numeric references in HTML can. Also the bidi
#: embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which turn the rest of a
#: line around in the list, the reader and some terminals ("Trojan source").
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: The same in UTF-8, looked for in bytes: a fifth of the cost of ``_CONTROL.search`` on a
#: long text (measured), for the HTML of every item of every refresh.
_C0_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])
_C1_OR_BIDI_UTF8 = re.compile(b"\xc2[\x80-\x9f]|\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


def _control_replacement(match: re.Match[str]) -> str:
    # U+0080-U+009F in decoded text are windows-1252 bytes read as Latin-1 (U+0092 was a
    # right single quote): what the writer meant, as browsers read ``&#146;``; else nothing.
    code = ord(match.group(0))
    if code < 0x80 or code > 0x9f:
        return ""
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


def without_controls(value: str) -> str:
    """``value`` without control characters (tab and line ends stay); see ``_CONTROL``."""
    if value.isprintable():  # none of them is: the usual title, at once
        return value
    data = value.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _C0_BYTES)) == len(data) and (
            (b"\xc2" not in data and b"\xe2" not in data)
            or _C1_OR_BIDI_UTF8.search(data) is None):
        return value
    return _CONTROL.sub(_control_replacement, value)


#: What markup in a text field looks like: comments, declarations and processing
#: instructions, and tags (a letter right after ``<`` or ``</``, so ``a < b`` is text).
_MARKUP = re.compile(r"<!--.*?-->|<[!?][^<>]*>|<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>",
                     re.DOTALL)
#: Tags that are markup even alone: formatting, line breaks and elements without content.
_ALWAYS_MARKUP = frozenset({
    "a", "abbr", "acronym", "area", "b", "base", "basefont", "bdi", "bdo", "big", "blink",
    "br", "center", "cite", "code", "col", "dfn", "em", "embed", "font", "hr", "i", "img",
    "input", "ins", "del", "kbd", "keygen", "link", "mark", "meta", "nobr", "param", "q", "s",
    "samp", "small", "source", "span", "strike", "strong", "sub", "sup", "track", "tt", "u",
    "var", "wbr",
})
_BLOCK_NAMES = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                          "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "hr"})


def _without_markup(value: str) -> str:
    """The text of a field that may hold markup, keeping every word.

    A tag goes and what it holds stays: ``<b>Nieuw</b>`` is "Nieuw", ``<script>x</script>``
    is "x" (shown as text, never run). A bare tag with no partner in the text and no
    attributes is text that only looks like a tag, as in "Het <script>-element uitgelegd":
    it stays as written. An HTML cleaner would drop the rest of such a title.
    """
    found = list(_MARKUP.finditer(value))
    if not found:
        return value
    opened = {m.group(2).lower() for m in found if m.group(2) and not m.group(1)}
    closed = {m.group(2).lower() for m in found if m.group(2) and m.group(1)}

    def replace(match: re.Match[str]) -> str:
        name = (match.group(2) or "").lower()
        if not name:
            return ""
        partner = opened if match.group(1) else closed
        bare = match.group(3).strip() in ("", "/")
        if bare and name not in partner and name not in _ALWAYS_MARKUP:
            return match.group(0)
        return " " if name in _BLOCK_NAMES else ""

    return _MARKUP.sub(replace, value)


def plain_text(value: str, *, controls: bool = True) -> str:
    """Text of a field that may hold markup (titles, authors): markup and control characters
    go, entities are read, whitespace is one space; no word is lost (see ``_without_markup``).
    ``controls=False`` as for ``sanitize_html``.

    The result is text, to be shown as text: it may contain ``<`` and ``&``.
    """
    if controls:
        value = without_controls(value)
    if "<" not in value and "&" not in value:
        return " ".join(value.split())
    text = html.unescape(_without_markup(value))
    return " ".join((without_controls(text) if controls else text).split())


#: What in a feed's bytes can become a control character (``_CONTROL``) in its text: the
#: character itself, in UTF-8, or a numeric reference to it, also escaped (``&amp;#27;``).
_C0_SINGLE_BYTES = tuple(bytes([code]) for code in _C0_BYTES)
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_BIDI_UTF8 = re.compile(b"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
#: A numeric reference to a C0 control but tab, line feed and carriage return (HTML also reads
#: one without its ";": "&#27x"), and to DEL, C1 or a bidi control.
C0_REFERENCE = (rb"(?:[xX]0*(?:[0-8bcefBCEF]|1[0-9a-fA-F])(?![0-9a-fA-F])"
                rb"|0*(?:[0-8]|1[124-9]|2[0-9]|3[01])(?![0-9]))")
_OTHER_CONTROL_REFERENCE = (rb"(?:[xX]0*(?:7[fF]|[89][0-9a-fA-F]|202[a-eA-E]|206[6-9])"
                            rb"(?![0-9a-fA-F])|0*(?:12[7-9]|1[3-5][0-9]|823[4-8]|829[4-7])"
                            rb"(?![0-9]))")
_CONTROL_REFERENCE = re.compile(
    rb"&(?:amp;)?#(?:" + C0_REFERENCE + rb"|" + _OTHER_CONTROL_REFERENCE + rb")")


def may_hold_controls(body: bytes) -> bool:
    """Whether the text of a UTF-8 feed can hold a control character; ``False`` only when
    none can, so its items need not be searched one by one (a tenth of the cost).

    A reference in named form (``&ESC;``) does not exist; ``&#128;``-``&#159;`` are read as
    windows-1252 characters by the cleaner and ``html.unescape``, but are caught here anyway.
    """
    # One memchr per control byte: an eighth of the instructions of ``bytes.translate``.
    return (any(control in body for control in _C0_SINGLE_BYTES)
            or (b"\xc2" in body and _C1_UTF8.search(body) is not None)
            or (b"\xe2" in body and _BIDI_UTF8.search(body) is not None)
            or (b"#" in body and _CONTROL_REFERENCE.search(body) is not None))


def safe_link(url: str) -> str:
    """``url`` when it is an http, https or mailto address, else "" (the item has no link).

    An item's link is opened in the browser from the reader; ``javascript:``, ``file:`` or
    ``data:`` links from a feed must never get that far. Control characters are removed.
    """
    url = without_controls(url).strip()
    scheme, colon, _rest = url.partition(":")
    return url if colon and scheme.lower() in _SCHEMES else ""


def absolute_link(url: str, base: str) -> str:
    """``url`` resolved against ``base`` (an http(s) address, or ""), then ``safe_link``."""
    url = url.strip()
    if base and url and not url.startswith(("http://", "https://")) \
            and not _HAS_SCHEME.match(url):
        url = urljoin(base, url)
    return safe_link(url)


_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: A relative ``href`` of a link as the cleaner writes it (double-quoted, ``&`` and ``"``
#: escaped; ``<`` in text is ``&lt;``): not absolute, not empty and not a place in the text
#: itself (``#note``). Starting with ``<a``, the search skips to the links (fast).
_RELATIVE_HREF = re.compile(r'(<a\s[^>]*?href=")(?![A-Za-z][A-Za-z0-9+.-]*:|#|")([^"]*)"')


def absolute_links(fragment: str, base: str) -> str:
    """Sanitised HTML with its relative links resolved against ``base`` (http(s), or "").

    A relative link in an item's text points into the site that published it, which the
    reader (showing it elsewhere) cannot know; a link within the text itself (``#note``)
    stays as it is.
    """
    if not base or "<a " not in fragment:
        return fragment

    def resolve(match: re.Match[str]) -> str:
        joined = safe_link(urljoin(base, html.unescape(match.group(2)).strip()))
        return f'{match.group(1)}{html.escape(joined)}"' if joined else match.group(0)

    return _RELATIVE_HREF.sub(resolve, fragment)
