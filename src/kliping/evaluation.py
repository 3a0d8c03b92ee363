"""Scoring a cleaner against labelled articles (the dev set's format).

A labelled record holds ``lines``: ``[[label, text], ...]`` with labels title / content /
boilerplate / credit, and ``expected`` metadata.  The raw text is the lines joined by newlines.

Scoring, as the data README defines it: a content line is kept when it appears in the body (its
dateline prefix may be gone); a non-content line is removed when no body line equals it.
Outlet and dateline city are compared loosely (case, spaces, punctuation and a ".com" suffix
ignored; one may extend the other); other fields exactly, lists as sets, case ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kliping.article import Article

FIELDS = ("outlet", "dateline", "published", "authors", "agencies", "title")
_EXPECTED_KEY = {"dateline": "dateline_city"}


def load_labelled(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def raw_text(record: dict[str, Any]) -> str:
    return "\n".join(text for _label, text in record["lines"])


def _loose(value: Any) -> str:
    text = re.sub(r"\.com\b", "", str(value or "").casefold())
    return re.sub(r"[\W_]+", "", text)


def field_matches(name: str, got: Any, expected: Any) -> bool:
    """Does ``got`` match the expected value of field ``name`` (the README's rules)?"""
    if name == "published" and expected is None:
        return True  # the date is not stated: any answer is accepted
    if name in ("outlet", "dateline"):
        if expected is None or got is None:
            return expected is None and got is None
        a, b = _loose(got), _loose(expected)
        return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))
    if isinstance(expected, list):
        return {str(x).casefold() for x in got or []} == {str(x).casefold() for x in expected}
    if expected is None or got is None:
        return expected is None and got is None
    return str(got).casefold() == str(expected).casefold()


@dataclass
class Score:
    content_lines: int = 0
    content_kept: int = 0
    other_lines: int = 0
    other_removed: int = 0
    field_total: dict[str, int] = field(default_factory=dict)
    field_ok: dict[str, int] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    """(article id, what went wrong, the line or field) for reports."""

    @property
    def content_recall(self) -> float:
        return self.content_kept / self.content_lines if self.content_lines else 1.0

    @property
    def boilerplate_recall(self) -> float:
        return self.other_removed / self.other_lines if self.other_lines else 1.0

    def field_rate(self, name: str) -> float:
        total = self.field_total.get(name, 0)
        return self.field_ok.get(name, 0) / total if total else 1.0

    def summary(self) -> dict[str, float]:
        out = {"content_recall": self.content_recall, "boilerplate_recall": self.boilerplate_recall}
        for name in self.field_total:
            out[name] = self.field_rate(name)
        return out


def score_article(record: dict[str, Any], article: Article, score: Score) -> None:
    """Add one labelled record's outcome to ``score``."""
    body_lines = article.body.split("\n") if article.body else []
    body_set = set(body_lines)
    rid = str(record.get("id"))
    for label, text in record["lines"]:
        stripped = text.strip()
        if label == "content":
            score.content_lines += 1
            kept = stripped in body_set or any(stripped.endswith(b) and b for b in body_lines)
            if kept:
                score.content_kept += 1
            else:
                score.misses.append((rid, "content dropped", stripped))
        else:
            score.other_lines += 1
            if stripped not in body_set:
                score.other_removed += 1
            else:
                score.misses.append((rid, f"{label} kept", stripped))
    expected = record.get("expected", {})
    got = article.to_dict()
    for name in FIELDS:
        key = _EXPECTED_KEY.get(name, name)
        if key not in expected:
            continue
        score.field_total[name] = score.field_total.get(name, 0) + 1
        if field_matches(name, got.get(name), expected[key]):
            score.field_ok[name] = score.field_ok.get(name, 0) + 1
        else:
            score.misses.append((rid, f"{name}: got {got.get(name)!r}", f"expected {expected[key]!r}"))


def evaluate(records: Iterable[dict[str, Any]], clean_fn: Callable[[dict[str, Any]], Article]) -> Score:
    """Run ``clean_fn`` over labelled records and score the results."""
    score = Score()
    for record in records:
        score_article(record, clean_fn(record), score)
    return score


def iter_articles(records: Iterable[dict[str, Any]]) -> Iterator[tuple[str, str | None, str]]:
    """(id, url, raw text) of each labelled record."""
    for record in records:
        yield str(record.get("id")), record.get("url"), raw_text(record)
