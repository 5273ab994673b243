"""OPML import and export: the subscription lists other feed readers read and write.

Nested outlines are categories (the exports of Feedly, Thunderbird, NetNewsWire, newsboat...).
Only addresses, titles and categories are written: never a user name or password.

A category is the path of folder names joined by ``/``. A ``/`` inside one folder's name is
kept as ``FOLDER_SLASH`` (a division slash, which looks the same), so that "Zorg/Welzijn"
stays one folder and is written back as it was read. A file in the OPML namespace
(``<opml xmlns="...">``) is read as one without. An outline marked as a feed (``type="rss"``)
that has no address cannot be followed; its title is kept, so the import summary can name it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ambtenaar20 import APP_NAME
from ambtenaar20.core.atomic_file import atomic_write_text
from ambtenaar20.core.disk_errors import os_reason
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.xml_errors import xml_problem

#: Stands for a "/" inside a folder's own name in a category (U+2215 DIVISION SLASH).
FOLDER_SLASH = "\u2215"


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str
    category: str


@dataclass(frozen=True)
class OpmlFile:
    feeds: list[OpmlFeed]
    #: Titles of the outlines marked as a feed that have no address (``xmlUrl``).
    without_address: list[str]


def read_opml(path: Path) -> list[OpmlFeed]:
    return read_opml_file(path).feeds


def read_opml_file(path: Path) -> OpmlFile:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(_("The file {path} cannot be read: {reason}").format(
            path=path, reason=os_reason(error))) from error
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise UsageError(_("The file {path} is not a valid OPML file: {reason}").format(
            path=path, reason=xml_problem(error))) from error
    _drop_namespaces(root)
    body = root.find("body")
    if root.tag.lower() != "opml" or body is None:
        raise UsageError(_("The file {path} is not an OPML file (no <opml><body>).").format(
            path=path))
    found: list[OpmlFeed] = []
    without_address: list[str] = []
    _walk(body, [], found, without_address)
    return OpmlFile(found, without_address)


def _drop_namespaces(root: ET.Element) -> None:
    """``{namespace}tag`` as ``tag``, so that a namespaced file reads as a plain one."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.rpartition("}")[2]


#: Outline types that mark a feed (OPML 2.0 says "rss"; some readers write "atom").
_FEED_TYPES = ("rss", "atom")


def _walk(element: ET.Element, path: list[str], found: list[OpmlFeed],
          without_address: list[str]) -> None:
    for outline in element.findall("outline"):
        attributes = {key.lower(): value for key, value in outline.attrib.items()}
        url = (attributes.get("xmlurl") or "").strip()
        label = (attributes.get("title") or attributes.get("text") or "").strip()
        if url:
            found.append(OpmlFeed(url, label, "/".join(path)))
        elif (attributes.get("type") or "").strip().lower() in _FEED_TYPES and \
                outline.find("outline") is None:
            # A feed without its address, not a folder (a folder holds outlines).
            without_address.append(label)
        # Outlines with a feed can still hold children in some exports; walk them all.
        folder = label.replace("/", FOLDER_SLASH)
        _walk(outline, [*path, folder] if not url and label else path, found, without_address)


def write_opml(path: Path, feeds: list[dict]) -> None:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _("{app} subscriptions").format(app=APP_NAME)
    ET.SubElement(head, "dateCreated").text = datetime.now(UTC).strftime(
        "%a, %d %b %Y %H:%M:%S GMT")
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {"": body}
    for feed in feeds:
        parent = _folder(folders, feed.get("category") or "")
        title = feed.get("title") or feed["url"]
        ET.SubElement(parent, "outline", type="rss", text=title, title=title,
                      xmlUrl=feed["url"])
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
    try:
        atomic_write_text(path, text + "\n")
    except OSError as error:
        raise UsageError(_("The file {path} cannot be written: {reason}").format(
            path=path, reason=os_reason(error, writing=True))) from error


def _folder(folders: dict[str, ET.Element], category: str) -> ET.Element:
    if category in folders:
        return folders[category]
    parent_name, _sep, name = category.rpartition("/")
    parent = _folder(folders, parent_name)
    name = name.replace(FOLDER_SLASH, "/")
    element = ET.SubElement(parent, "outline", text=name, title=name)
    folders[category] = element
    return element
