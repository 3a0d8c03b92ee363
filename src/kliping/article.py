"""The Article record: the one object every stage of the pipeline enriches.

The JSON field names produced by :meth:`Article.to_dict` are a contract (see DESIGN.md):
tests, benchmarks, the store and users rely on them.  Attributes whose names start with an
underscore-free ``raw``/``html``/``extra`` prefix are the working state of the pipeline and are
not part of the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args

Reason = Literal[
    "promo",
    "related",
    "share",
    "ad",
    "caption",
    "repeated",
    "learned",
    "dateline",
    "credit",
    "byline",
    "title",
    "empty",
]

#: Why a line was taken out of the body.  A small, fixed vocabulary.
REASONS: Final[tuple[str, ...]] = get_args(Reason)

EntityLabel = Literal["PERSON", "ORG", "PLACE"]
Precision = Literal["day", "month", "year"]

#: Contract field order of the JSON record.
FIELDS: Final = (
    "id",
    "url",
    "domain",
    "outlet",
    "title",
    "dateline",
    "published",
    "authors",
    "agencies",
    "language",
    "language_score",
    "body",
    "removed",
    "entities",
    "quotes",
    "dates",
    "story",
    "duplicate_of",
)


@dataclass(slots=True)
class Removed:
    """A line taken out of the body.  ``line`` is the 1-based line number in the input text."""

    line: int
    text: str
    reason: Reason

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass(slots=True)
class Entity:
    """A named entity in ``body``; ``start``/``end`` are character offsets into ``body``."""

    text: str
    label: EntityLabel
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Quote:
    """A direct quote in ``body``; ``start``/``end`` delimit the quoted words."""

    speaker: str | None
    text: str
    cue: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class DateMention:
    """A date expression in ``body`` resolved to an ISO value (``2022-10-05``, ``2022-08``, ``2022``)."""

    text: str
    value: str
    precision: Precision
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Article:
    """One news article.  Every stage reads and fills some of these fields."""

    id: str | None = None
    url: str | None = None
    domain: str | None = None
    outlet: str | None = None
    title: str | None = None
    dateline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    language: str | None = None
    language_score: float | None = None
    body: str = ""
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    story: str | None = None
    duplicate_of: str | None = None
    # --- working state, not part of the JSON record --------------------------------------
    raw: str | None = None
    """The scraped text as it came in (one paragraph a line)."""
    html: str | None = None
    """The page, when the input is HTML; extraction turns it into ``raw``."""
    hints: dict[str, Any] = field(default_factory=dict)
    """Metadata offered by the input or the page (title, authors, published, site name ...)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Input fields that are not Article fields; writers pass them through unchanged."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON record, with the contract field names in contract order."""
        return {
            "id": self.id,
            "url": self.url,
            "domain": self.domain,
            "outlet": self.outlet,
            "title": self.title,
            "dateline": self.dateline,
            "published": self.published,
            "authors": list(self.authors),
            "agencies": list(self.agencies),
            "language": self.language,
            "language_score": self.language_score,
            "body": self.body,
            "removed": [r.to_dict() for r in self.removed],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "story": self.story,
            "duplicate_of": self.duplicate_of,
        }

    def to_record(self) -> dict[str, Any]:
        """The record a writer emits: passthrough input fields, then the Article fields."""
        record = {k: v for k, v in self.extra.items() if k not in FIELDS}
        record.update(self.to_dict())
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from its JSON record (unknown keys go to ``extra``)."""
        known = set(FIELDS)
        art = cls(
            id=data.get("id"),
            url=data.get("url"),
            domain=data.get("domain"),
            outlet=data.get("outlet"),
            title=data.get("title"),
            dateline=data.get("dateline"),
            published=data.get("published"),
            authors=list(data.get("authors") or []),
            agencies=list(data.get("agencies") or []),
            language=data.get("language"),
            language_score=data.get("language_score"),
            body=data.get("body") or "",
            removed=[Removed(int(r["line"]), r["text"], r["reason"]) for r in data.get("removed") or []],
            entities=[
                Entity(e["text"], e["label"], int(e["start"]), int(e["end"]))
                for e in data.get("entities") or []
            ],
            quotes=[
                Quote(q.get("speaker"), q["text"], q.get("cue"), int(q["start"]), int(q["end"]))
                for q in data.get("quotes") or []
            ],
            dates=[
                DateMention(
                    d["text"], d["value"], d["precision"], int(d.get("start", -1)), int(d.get("end", -1))
                )
                for d in data.get("dates") or []
            ],
            story=data.get("story"),
            duplicate_of=data.get("duplicate_of"),
        )
        art.extra = {k: v for k, v in data.items() if k not in known}
        return art

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n") if self.body else []
