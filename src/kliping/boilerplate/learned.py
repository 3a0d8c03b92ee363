"""Learned boilerplate (DESIGN.md layer 3): lines seen in many documents of one outlet.

``kliping learn`` counts, for every registered domain, in how many documents each normalised
line (:func:`kliping.text.line_hash`) occurs, then keeps as boilerplate the keys that are

- in at least ``min_docs`` documents of the domain (default 3), and
- in at least ``min_fraction`` of the domain's documents (default 1%).

Counts are per domain, so a story syndicated to several outlets (one copy each) never makes
its own lines boilerplate.  A *global* list serves articles whose domain the model does not
know: a short line (≤ ``global_max_words`` words) that repeats (≥ 2 documents) inside at least
``global_min_domains`` domains.  Only short-to-medium lines (≤ ``max_words`` words) are counted.

Memory is bounded: when the table exceeds ``max_keys`` keys, the rarest keys are pruned
(lossy counting: every key whose count is at or below a floor goes; the floor is kept as the
count error bound ``error``, reported with the model).  Boilerplate lines are frequent by
definition, so they survive pruning.  Tables from several workers merge exactly (+ the bounds).

Thresholds were chosen on the labelled dev set (6 documents per domain): no content line
repeats across documents of a domain there, every repeated line is boilerplate or credit; the
defaults keep content-line recall at 1.0.  On large corpora the 1% floor keeps background
paragraphs that an outlet repeats in a handful of follow-up stories.
"""

from __future__ import annotations

import base64
import gzip
import json
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

from kliping.resources import data_path
from kliping.text import line_hash

FORMAT: Final = "kliping-boilerplate-model"
VERSION: Final = 1
#: Lines of more words are never counted (content paragraphs, not boilerplate).
MAX_WORDS: Final = 50
MAX_CHARS: Final = 600
#: The model that ships with the package, learned from the project's sample data (at most three
#: articles per outlet there, hence ``--min-docs 2``; every line it holds is labelled boilerplate
#: or credit in samples/labels.jsonl):
#:   kliping learn samples/articles.jsonl --min-docs 2 -o src/kliping/data/boilerplate-model.json.gz
DEFAULT_MODEL: Final = "boilerplate-model.json.gz"


@dataclass(frozen=True)
class LearnParams:
    min_docs: int = 3
    min_fraction: float = 0.01
    global_min_domains: int = 3
    global_max_words: int = 12
    max_words: int = MAX_WORDS
    max_keys: int = 1_000_000


def document_keys(text: str, max_words: int = MAX_WORDS) -> dict[int, int]:
    """Distinct line keys of one document that are worth counting, with their word counts."""
    keys: dict[int, int] = {}
    for line in text.split("\n"):
        line = line.strip()
        if not line or len(line) > MAX_CHARS:
            continue
        words = line.count(" ") + 1
        if words > max_words:
            continue
        keys[line_hash(line)] = words
    return keys


@dataclass
class LineCounts:
    """Document frequencies of line keys per domain (mergeable, bounded)."""

    docs: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[int]] = field(default_factory=dict)
    short: set[int] = field(default_factory=set)
    """Keys of lines short enough for the global list."""
    no_domain: int = 0
    error: int = 0
    """Upper bound of the count a pruned key may have lost."""

    def add(self, domain: str | None, text: str, params: LearnParams) -> None:
        if not domain:
            self.no_domain += 1
            return
        self.docs[domain] += 1
        table = self.lines.get(domain)
        if table is None:
            table = self.lines[domain] = Counter()
        keys = document_keys(text, params.max_words)
        table.update(keys.keys())
        self.short.update(k for k, w in keys.items() if w <= params.global_max_words)

    def merge(self, other: LineCounts) -> None:
        self.docs.update(other.docs)
        for domain, table in other.lines.items():
            mine = self.lines.get(domain)
            if mine is None:
                self.lines[domain] = Counter(table)
            else:
                mine.update(table)
        self.short |= other.short
        self.no_domain += other.no_domain
        self.error += other.error

    @property
    def size(self) -> int:
        return sum(len(t) for t in self.lines.values())

    def prune(self, max_keys: int) -> None:
        """Drop the rarest keys until at most half of ``max_keys`` remain (when over ``max_keys``)."""
        if self.size <= max_keys:
            return
        histogram: Counter[int] = Counter()
        for table in self.lines.values():
            histogram.update(table.values())
        remaining = self.size
        floor = 0
        for count in sorted(histogram):
            if remaining <= max_keys // 2:
                break
            remaining -= histogram[count]
            floor = count
        for domain, table in self.lines.items():
            self.lines[domain] = Counter({k: n for k, n in table.items() if n > floor})
        kept = {k for t in self.lines.values() for k in t}
        self.short &= kept
        self.error += floor

    def model(self, params: LearnParams) -> LearnedModel:
        domains: dict[str, frozenset[int]] = {}
        repeats: Counter[int] = Counter()
        for domain, table in self.lines.items():
            need = max(params.min_docs, params.min_fraction * self.docs[domain])
            domains[domain] = frozenset(k for k, n in table.items() if n >= need)
            repeats.update(k for k, n in table.items() if n >= 2 and k in self.short)
        global_keys = frozenset(k for k, n in repeats.items() if n >= params.global_min_domains)
        info = {
            "docs": sum(self.docs.values()),
            "docs_without_domain": self.no_domain,
            "domains": len(self.docs),
            "counted_keys": self.size,
            "count_error": self.error,
            "params": asdict(params),
        }
        return LearnedModel(domains, global_keys, dict(self.docs), info)


def learn(docs: Iterable[tuple[str | None, str]], params: LearnParams | None = None) -> LearnedModel:
    """A model from ``(domain, text)`` pairs (in one process; ``kliping learn`` runs it on all cores)."""
    params = params or LearnParams()
    counts = LineCounts()
    for i, (domain, text) in enumerate(docs):
        counts.add(domain, text, params)
        if i % 10_000 == 9_999:
            counts.prune(params.max_keys)
    counts.prune(params.max_keys)
    return counts.model(params)


def _pack(keys: Iterable[int]) -> str:
    return base64.b64encode(array("Q", sorted(keys)).tobytes()).decode("ascii")


def _unpack(data: str) -> frozenset[int]:
    arr = array("Q")
    arr.frombytes(base64.b64decode(data))
    return frozenset(arr)


@dataclass
class LearnedModel:
    """Boilerplate line keys per domain, and a global list for domains the model has not seen."""

    domains: dict[str, frozenset[int]]
    global_keys: frozenset[int] = frozenset()
    docs: dict[str, int] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def is_boilerplate(self, domain: str | None, key: int) -> bool:
        keys = self.domains.get(domain) if domain else None
        if keys is not None:
            return key in keys
        return key in self.global_keys

    @property
    def size(self) -> int:
        return sum(len(k) for k in self.domains.values()) + len(self.global_keys)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "info": self.info,
            "docs": self.docs,
            "domains": {d: _pack(keys) for d, keys in sorted(self.domains.items()) if keys},
            "global": _pack(self.global_keys),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LearnedModel:
        if data.get("format") != FORMAT:
            raise ValueError("not a kliping boilerplate model (format field missing or wrong)")
        if data.get("version") != VERSION:
            raise ValueError(f"boilerplate model version {data.get('version')}; this kliping reads {VERSION}")
        domains = {d: _unpack(v) for d, v in data["domains"].items()}
        docs = {d: int(n) for d, n in data.get("docs", {}).items()}
        for d in docs:  # a domain learned without boilerplate: known, and nothing global applies
            domains.setdefault(d, frozenset())
        return cls(domains, _unpack(data.get("global", "")), docs, dict(data.get("info", {})))

    def save(self, path: str | Path) -> None:
        """Write the model (gzipped JSON; keys as packed 64-bit integers) atomically."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        data = json.dumps(self.to_dict(), sort_keys=True).encode("utf-8")
        with open(tmp, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
            fh.write(data)  # mtime 0: the same model gives the same bytes
        tmp.replace(path)


class UnionModel:
    """Several models: a line is boilerplate when any of them says so."""

    def __init__(self, models: Sequence[Any]) -> None:
        self.models = list(models)

    def is_boilerplate(self, domain: str | None, key: int) -> bool:
        return any(m.is_boilerplate(domain, key) for m in self.models)


def load_model(path: str | Path | None = None) -> LearnedModel:
    """Read a model written by :meth:`LearnedModel.save`; ``None``: the model shipped with kliping."""
    if path is None:
        with data_path(DEFAULT_MODEL).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            return LearnedModel.from_dict(json.load(fh))
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return LearnedModel.from_dict(json.load(fh))
    except (OSError, EOFError, json.JSONDecodeError, KeyError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the boilerplate model ({exc})") from exc


def default_model_available() -> bool:
    return data_path(DEFAULT_MODEL).is_file()
