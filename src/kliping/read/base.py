"""What every reader shares: options, the Reject record, and the reject reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from kliping.article import Article

#: Default size limit of one record's text (and of one JSONL line), in bytes.
MAX_BYTES: Final = 5_000_000
#: Characters of the offending record kept in a reject line.
EXCERPT_CHARS: Final = 300

#: Why a record did not become an Article.  Steps may add their own (``Rejected.reason``).
REJECT_REASONS: Final = (
    "binary-file",  # NUL bytes in a text file
    "invalid-utf8",  # bytes that are not UTF-8
    "empty-text",  # the text field is empty or white space
    "malformed-json",  # a JSONL line that does not parse
    "not-an-object",  # a JSONL line that parses to something other than an object
    "missing-field",  # no text field (nor html) in the record
    "bad-field",  # the text field is not a string
    "too-large",  # text or line over the size limit
    "truncated-compressed",  # a .gz/.zst stream that ends early (the rest of the file is lost)
    "corrupt-compressed",  # a .gz/.zst stream that does not decompress
    "malformed-csv",  # a CSV row that does not parse or has more cells than the header
    "unreadable-file",  # a file that cannot be opened or parsed at all
    "error",  # a step failed on the record (detail holds the exception)
    "dropped",  # a step dropped the record without saying why
    "duplicate",  # a copy of another record's story, left out by `run --group --drop-duplicates`
    "duplicate-id",  # a second record with an id already in a SQLite store (which keeps one per id)
    "no-article",  # an HTML page with no article text in it
)


class InputError(Exception):
    """An input that cannot be read at all (missing file, missing optional dependency)."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How records become Articles."""

    text_field: str | None = None
    """The field holding the text; ``None``: ``text``, else ``html`` (an HTML page)."""
    max_bytes: int = MAX_BYTES
    """Records whose text (or JSONL line) is larger are rejected as ``too-large``."""


@dataclass(slots=True)
class Reject:
    """One input record that did not become an output Article, and why."""

    source: str
    position: int
    """Where in ``source``: byte offset of the line (JSONL, in the decompressed stream), row number
    (CSV, Parquet, 0-based, header excluded), 0 for a text file."""
    reason: str
    detail: str = ""
    id: str | None = None
    excerpt: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "position": self.position}
        if self.id is not None:
            out["id"] = self.id
        out.update(reason=self.reason, detail=self.detail, record=self.excerpt)
        return out


#: What a reader yields: the record's position in its source and the Article or the Reject.
Item = tuple[int, Article | Reject]


def excerpt(data: bytes | str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a record, as text, for a reject line."""
    if isinstance(data, bytes):
        return data[: limit * 4].decode("utf-8", "replace")[:limit]
    return data[:limit]
