"""Pure helpers that shape store data for the pages (no web framework here)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from kliping.article import Article


@dataclass(frozen=True, slots=True)
class Line:
    """One input line of an article as the reader shows it: a body paragraph or a removed line."""

    number: int
    text: str
    reason: str | None = None  # set for removed lines

    @property
    def removed(self) -> bool:
        return self.reason is not None


def article_lines(article: Article) -> list[Line]:
    """The body paragraphs with the removed lines put back where they were in the input.

    ``removed[].line`` numbers the input lines from 1; every other input line is the next body
    paragraph, in order.  Removed lines whose number lies past the end come last.
    """
    removed = sorted(article.removed, key=lambda r: r.line)
    by_line: dict[int, list[tuple[str, str]]] = {}
    for r in removed:
        by_line.setdefault(r.line, []).append((r.text, r.reason))
    paragraphs = article.paragraphs
    out: list[Line] = []
    number = 0
    p = 0
    while p < len(paragraphs) or any(n > number for n in by_line):
        number += 1
        if number in by_line:
            out.extend(Line(number, text, reason) for text, reason in by_line.pop(number))
        elif p < len(paragraphs):
            out.append(Line(number, paragraphs[p]))
            p += 1
        elif not by_line:
            break
    return out


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) address (never ``javascript:`` and the like), else ``None``."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def headline(title: str | None, body: str, width: int = 90) -> str:
    """The title, or the opening words of the body when there is none."""
    if title:
        return title
    first = body.split("\n", 1)[0].strip()
    if len(first) <= width:
        return first or "(untitled)"
    cut = first[:width].rsplit(" ", 1)[0]
    return cut + " …"


def query_string(params: list[tuple[str, str]]) -> str:
    return urlencode([(k, v) for k, v in params if v])


def toggle_param(params: list[tuple[str, str]], key: str, value: str) -> str:
    """The search URL's query string with ``key=value`` added, or removed when present
    (and back to the first page)."""
    kept = [(k, v) for k, v in params if k != "page"]
    if (key, value) in kept:
        kept = [(k, v) for k, v in kept if (k, v) != (key, value)]
    else:
        kept.append((key, value))
    return query_string(kept)
