"""Score enrich output against labelled expectations (pure functions, no I/O).

The dev set's rules (shared/data/README.md): entities are compared per kind as sets of names,
case ignored; quotes as sets of ``(speaker, text)`` pairs, case ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kliping.article import Article

#: Label kind in the dev set -> the Entity label that answers it.
KINDS: dict[str, str] = {"people": "PERSON", "organizations": "ORG", "places": "PLACE"}


@dataclass
class Tally:
    """True positives, false positives and false negatives of one kind, with the misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    def add(self, doc_id: str, got: set[str], expected: set[str]) -> None:
        self.tp += len(got & expected)
        self.fp += len(got - expected)
        self.fn += len(expected - got)
        self.extra += [(doc_id, x) for x in sorted(got - expected)]
        self.missed += [(doc_id, x) for x in sorted(expected - got)]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def entity_names(article: Article, label: str) -> set[str]:
    """The set of (folded) names of one label in ``article.entities``."""
    return {_fold(e.text) for e in article.entities if e.label == label}


def quote_pairs(quotes: Iterable[Any]) -> set[str]:
    """``speaker\\ttext`` keys (folded) of quotes given as Quote objects or label dicts."""
    out = set()
    for q in quotes:
        speaker = q["speaker"] if isinstance(q, Mapping) else q.speaker
        text = q["text"] if isinstance(q, Mapping) else q.text
        out.add(f"{_fold(speaker or '')}\t{_fold(text)}")
    return out


def score_enrich(pairs: Iterable[tuple[Article, Mapping[str, Any]]]) -> dict[str, Tally]:
    """Tallies for ``people``, ``organizations``, ``places`` and ``quotes``.

    ``pairs`` holds each enriched article with its labelled record (``id`` and ``expected``).
    """
    tallies = {kind: Tally() for kind in [*KINDS, "quotes"]}
    for article, record in pairs:
        expected = record["expected"]
        doc_id = str(record.get("id", ""))
        for kind, label in KINDS.items():
            tallies[kind].add(
                doc_id, entity_names(article, label), {_fold(x) for x in expected.get(kind) or []}
            )
        tallies["quotes"].add(doc_id, quote_pairs(article.quotes), quote_pairs(expected.get("quotes") or []))
    return tallies
