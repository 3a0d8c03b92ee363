"""Read saved pages (``.html``, ``.htm``, optionally ``.gz``) as records for ``kliping run``.

:func:`read_html_file` gives ``{"id", "url", "html"}``: the page decoded honouring its meta
charset, ``id`` the file name without its suffixes, ``url`` the page's canonical or og:url link
when it declares one (else None).  Pure I/O and decoding: no optional dependency needed.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

from kliping.extract.charset import decode_html

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")

_CANONICAL = re.compile(
    r"<link\b[^>]*?\brel\s*=\s*[\"']?canonical[\"']?[^>]*?\bhref\s*=\s*[\"']([^\"']+)[\"']", re.I
)
_OG_URL = re.compile(
    r"<meta\b[^>]*?\bproperty\s*=\s*[\"']?og:url[\"']?[^>]*?\bcontent\s*=\s*[\"']([^\"']+)[\"']", re.I
)


def is_html_file(path: str | Path) -> bool:
    """Does the file name say it is a saved HTML page?"""
    return str(path).lower().endswith(HTML_SUFFIXES)


def page_url(html: str) -> str | None:
    """The absolute URL the page declares for itself (canonical link, then og:url)."""
    head = html[:50000]
    for pattern in (_CANONICAL, _OG_URL):
        m = pattern.search(head)
        if m and m.group(1).startswith(("http://", "https://")):
            return m.group(1).strip()
    return None


def read_html_file(path: str | Path) -> dict[str, Any]:
    """A saved page as a record ``{"id", "url", "html"}``; ``ValueError`` for unreadable gzip."""
    p = Path(path)
    data = p.read_bytes()
    name = p.name
    if name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ValueError(f"{p}: not a readable gzip file ({exc})") from exc
        name = name[:-3]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    html = decode_html(data)
    return {"id": stem, "url": page_url(html), "html": html}
