"""Reading a text the officer hands a command: a file, or standard input for ``-``.

``check`` and ``drafts add``/``drafts edit`` read the same kinds of files (Notepad's "Unicode",
UTF-8 with or without a byte-order mark) and say the same thing when one cannot be read.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from ambtenaar20.core.disk_errors import os_reason
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

#: Byte-order marks and their encodings: Notepad's "Unicode" is UTF-16 with a mark.
_MARKED = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
           (codecs.BOM_UTF16_BE, "utf-16"))


def read_text(name: str) -> str:
    """The text of file ``name``, or of standard input for ``-``; bad usage when unreadable."""
    shown = _("standard input") if name == "-" else name
    try:
        # Bytes, decoded whatever the console's code page is (Windows).
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise UsageError(_("Cannot read {file}: {error}").format(
            file=shown, error=os_reason(error))) from error
    encoding = next((codec for mark, codec in _MARKED if data.startswith(mark)), "utf-8")
    try:
        return data.decode(encoding)  # a byte-order mark is not part of the text
    except UnicodeDecodeError:
        raise UsageError(_("Cannot read {file}: it is not UTF-8 text. Save it as UTF-8 (in "
                           "Notepad: Save as, Encoding UTF-8) and check it again.").format(
            file=shown)) from None
