"""Read HTML responses out of WARC files (plain or gzip, as crawlers write them) with warcio.

:func:`iter_warc` yields one record per HTML ``response`` (status 2xx, an HTML or XHTML content
type, or none with an HTML-looking payload): ``{"id", "url", "html", "fetched"}``.  ``html`` is
text, decoded honouring the HTTP ``Content-Type`` charset, then the page's meta charset
(:func:`kliping.extract.charset.decode_html`); the transfer and content encodings are undone by
warcio.  Other records (request, metadata, warcinfo, revisit, images, redirects) are skipped
and counted in the optional :class:`~kliping.pipeline.Stats` under ``warc.skipped.<why>``.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kliping.extract.charset import content_type_charset, decode_html
from kliping.extract.html import MissingExtra
from kliping.pipeline import Stats

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _looks_like_html(payload: bytes) -> bool:
    head = payload[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def _check_magic(stream: BinaryIO, path: str | Path) -> None:
    """Raise ValueError unless the stream starts a WARC record (plain, or gzip members)."""
    head = stream.read(64)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.GzipFile(fileobj=stream) as member:
                head = member.read(8)
        except (OSError, EOFError) as exc:
            raise ValueError(f"{path}: not a readable gzip file ({exc})") from exc
        finally:
            stream.seek(0)
    if not head.lstrip(b"\r\n").startswith(b"WARC/"):
        raise ValueError(f"{path}: not a WARC file (it does not start with a WARC/1.x record)")


def iter_warc(path: str | Path, stats: Stats | None = None) -> Iterator[dict[str, Any]]:
    """The HTML responses of a WARC file as ``{"id", "url", "html", "fetched"}`` records.

    ``id`` is the WARC-Record-ID (``<urn:uuid:...>`` without the angle brackets), ``url`` the
    WARC-Target-URI, ``fetched`` the WARC-Date.  Raises ``ValueError`` naming the file when it
    is not a readable WARC.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise MissingExtra("WARC input needs the html extra: pip install 'kliping[html]'") from exc

    stats = stats if stats is not None else Stats()
    with open(path, "rb") as stream:
        _check_magic(stream, path)
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    stats.incr(f"warc.skipped.{record.rec_type}")
                    continue
                http = record.http_headers
                if http is None:
                    stats.incr("warc.skipped.no-http")
                    continue
                status = http.get_statuscode() or ""
                if not status.startswith("2"):
                    stats.incr("warc.skipped.status")
                    continue
                content_type = (http.get_header("Content-Type") or "").lower()
                payload = record.content_stream().read()
                if content_type:
                    if content_type.split(";")[0].strip() not in _HTML_TYPES:
                        stats.incr("warc.skipped.not-html")
                        continue
                elif not _looks_like_html(payload):
                    stats.incr("warc.skipped.not-html")
                    continue
                header = record.rec_headers
                stats.incr("warc.html")
                yield {
                    "id": (header.get_header("WARC-Record-ID") or "").strip("<>") or None,
                    "url": header.get_header("WARC-Target-URI"),
                    "html": decode_html(payload, content_type_charset(content_type)),
                    "fetched": header.get_header("WARC-Date"),
                }
        except ArchiveLoadFailed as exc:
            raise ValueError(f"{path}: not a readable WARC file ({exc})") from exc
