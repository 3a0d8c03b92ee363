"""One input record (a dict from JSONL, CSV or Parquet) -> an Article, or a Reject."""

from __future__ import annotations

import json
import re
from typing import Any, Final

from kliping.article import Article
from kliping.read.base import ReadOptions, Reject, excerpt

#: Input fields offered to the parser as metadata hints (they become Article fields).
HINT_FIELDS: Final = frozenset({"title", "published", "authors"})
#: A byte that was not UTF-8, kept by the ``surrogateescape`` error handler (CSV input).
_ESCAPED_BYTE: Final = re.compile("[\udc80-\udcff]")
#: Input fields that map onto Article attributes directly.
DIRECT_FIELDS: Final = frozenset({"id", "url", "outlet"})


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _hint(key: str, value: Any) -> Any:
    """A hint in the shape the parser takes: authors a list of names, dates ISO strings."""
    if value is None:
        return None
    if key == "authors":
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):  # a JSON list in a CSV cell
                try:
                    parsed = json.loads(text)
                except ValueError:
                    parsed = None
                if isinstance(parsed, list):
                    return [str(a) for a in parsed if a]
            return [a.strip() for a in text.split(";") if a.strip()]
        if isinstance(value, list | tuple):
            return [str(a) for a in value if a]
        return [str(value)]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value if not isinstance(value, str) else value.strip()


def record_to_article(
    record: dict[str, Any], options: ReadOptions, source: str, position: int
) -> Article | Reject:
    """Map a record onto an Article: the text field to ``raw`` (or ``html``), ``id``/``url``/``outlet``
    to their attributes, ``title``/``published``/``authors`` to ``hints``, the rest to ``extra``."""
    field = options.text_field or "text"
    value = record.get(field)
    is_html = False
    if value in (None, "") and options.text_field is None and record.get("html") not in (None, ""):
        field, value, is_html = "html", record["html"], True
    rid = _as_str(record.get("id"))

    def reject(reason: str, detail: str) -> Reject:
        return Reject(
            source,
            position,
            reason,
            detail,
            rid,
            excerpt(json.dumps(record, ensure_ascii=False, default=str)),
        )

    if value is None:
        wanted = f"'{field}'" if options.text_field else "'text' or 'html'"
        return reject("missing-field", f"no {wanted} field (fields: {', '.join(sorted(map(str, record)))})")
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            return reject("invalid-utf8", f"field '{field}': {exc}")
    if not isinstance(value, str):
        return reject("bad-field", f"field '{field}' is {type(value).__name__}, not a string")
    if not value.strip():
        return reject("empty-text", f"field '{field}' is empty")
    if len(value) * 4 > options.max_bytes and len(value.encode("utf-8", "surrogatepass")) > options.max_bytes:
        return reject("too-large", f"field '{field}' is over {options.max_bytes} bytes")
    if not value.isascii() and _ESCAPED_BYTE.search(value):
        return reject("invalid-utf8", f"field '{field}' holds bytes that are not UTF-8")

    article = Article(id=rid, url=_as_str(record.get("url")), outlet=_as_str(record.get("outlet")))
    if is_html:
        article.html = value
    else:
        article.raw = value
    hints: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, val in record.items():
        if key == field or key in DIRECT_FIELDS:
            continue
        if key in HINT_FIELDS:
            hint = _hint(key, val)
            if hint:
                hints[key] = hint
        else:
            extra[key] = val
    article.hints = hints
    article.extra = extra
    return article
