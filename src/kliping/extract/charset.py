"""Decode an HTML page given as bytes, honouring what it declares about its encoding.

Order (as browsers do, simplified from the WHATWG encoding sniffing algorithm):

1. a byte-order mark (UTF-8, UTF-16 LE/BE);
2. the charset the transport declared (the HTTP ``Content-Type`` of a WARC response);
3. a ``<meta charset=...>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``
   in the first bytes of the page;
4. UTF-8 when the bytes are valid UTF-8, else windows-1252.

Labels are mapped as browsers map them: ``iso-8859-1``, ``latin1`` and ``ascii`` mean
windows-1252 (pages that say latin-1 routinely contain cp1252 quotes); a ``utf-16`` label inside
an ASCII-compatible page means UTF-8.  A declared encoding that cannot decode every byte still
decodes (undecodable bytes become U+FFFD): the declaration is trusted, never silently swapped.
Pure functions, no optional dependency.
"""

from __future__ import annotations

import codecs
import re

#: How far into the page a meta charset declaration is looked for (browsers use 1024; pages
#: with long inline scripts in <head> put it later).
SNIFF_BYTES = 8192

_META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.IGNORECASE)

_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "x-sjis": "shift_jis",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}


def normalise_charset(label: str | None) -> str | None:
    """The Python codec for a charset label as browsers read it, or None if unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _ALIASES.get(key, key)
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # a UTF-16 label read through ASCII bytes cannot be true: the page is ASCII-compatible
        return "utf-8"
    return name


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (meta tag or XML declaration), if any."""
    head = data[:SNIFF_BYTES]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def content_type_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP ``Content-Type`` value."""
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode page bytes to text: BOM > transport charset > meta charset > UTF-8 > windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    for label in (declared, declared_charset(data)):
        codec = normalise_charset(label)
        if codec is not None:
            return data.decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")
