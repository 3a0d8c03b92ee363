"""Pipeline steps: small units that take and yield Articles, with counters per step.

A step never reads files or knows which executor runs it.  Executors (in process, local
multiprocessing, Ray) feed the same list of steps with Articles and merge the stats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from kliping.article import Article


class Rejected(Exception):
    """Raised by a step when a record cannot become an Article; ``reason`` is a short slug."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass
class Stats:
    """Counters collected by the steps of one run (mergeable across workers)."""

    counters: Counter[str] = field(default_factory=Counter)

    def incr(self, key: str, n: int = 1) -> None:
        self.counters[key] += n

    def merge(self, other: Stats) -> None:
        self.counters.update(other.counters)

    def to_dict(self) -> dict[str, int]:
        return dict(sorted(self.counters.items()))

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> Stats:
        return cls(Counter(data))


class Step:
    """Base class: override :meth:`process` (one Article in, one out or ``None`` to drop)."""

    name: str = "step"

    def process(self, article: Article, stats: Stats) -> Article | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def process_batch(self, articles: Sequence[Article], stats: Stats) -> list[Article | None]:
        """:meth:`process` over several Articles, one result each, in order.  A step overrides
        it when a batch is faster; an override that raises must not have counted anything in
        ``stats`` (the batch is then done again one Article at a time)."""
        return [self.process(article, stats) for article in articles]

    def run(self, articles: Iterable[Article], stats: Stats) -> Iterator[Article]:
        for article in articles:
            out = self.process(article, stats)
            if out is not None:
                yield out

    def config(self) -> dict[str, Any]:
        """What identifies this step's behaviour (recorded in run manifests)."""
        return {"name": self.name}


def _step_batch(step: Step, articles: list[Article], stats: Stats) -> list[Article | Exception | None]:
    """``step`` over ``articles``: its own batch method when it has one (a batch that raises is
    done again one Article at a time, so that the failure is pinned on its record)."""
    if type(step).process_batch is not Step.process_batch:
        try:
            results: list[Article | Exception | None] = list(step.process_batch(articles, stats))
        except Exception:
            pass
        else:
            if len(results) != len(articles):
                raise RuntimeError(f"step {step.name!r}: {len(results)} results for {len(articles)} articles")
            return results
    out: list[Article | Exception | None] = []
    for article in articles:
        try:
            out.append(step.process(article, stats))
        except Exception as exc:
            out.append(exc)
    return out


@dataclass
class Pipeline:
    """An ordered list of steps run over a stream of Articles."""

    steps: Sequence[Step]

    def run(self, articles: Iterable[Article], stats: Stats | None = None) -> Iterator[Article]:
        stats = stats if stats is not None else Stats()
        stream: Iterable[Article] = articles
        for step in self.steps:
            stream = step.run(stream, stats)
        yield from stream

    def process_batch(
        self, articles: Sequence[Article], stats: Stats | None = None
    ) -> list[Article | Exception | None]:
        """Run every step over a batch, step after step.  One outcome per Article, in order:
        the Article, ``None`` when a step dropped it, or the exception a step raised for it
        (:class:`Rejected`, or an error) — one record's failure never costs the others."""
        stats = stats if stats is not None else Stats()
        out: list[Article | Exception | None] = list(articles)
        for step in self.steps:
            alive = [(i, a) for i, a in enumerate(out) if isinstance(a, Article)]
            if not alive:
                break
            results = _step_batch(step, [a for _, a in alive], stats)
            for (i, _), result in zip(alive, results, strict=True):
                out[i] = result
        return out

    def process(self, article: Article, stats: Stats | None = None) -> Article | None:
        """Run every step over one Article (``None`` when a step drops it)."""
        stats = stats if stats is not None else Stats()
        current: Article | None = article
        for step in self.steps:
            if current is None:
                return None
            current = step.process(current, stats)
        return current
