"""The step list of a corpus run, built in one place for every executor.

``[extract (when records hold HTML)] -> clean (with the learned model) -> [enrich]``.  The local
executor builds it once per worker process; a Ray executor builds it once per actor from the same
:class:`StepOptions`.  Optional stages are imported lazily, only when used.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from kliping.article import Article
from kliping.pipeline import Stats, Step


@dataclass(frozen=True)
class StepOptions:
    """What the steps need; picklable, so that it travels to worker processes."""

    model_paths: tuple[str, ...] = ()
    """Learned boilerplate models (``kliping learn``) to combine; empty: no learned layer."""
    enrich: bool | None = None
    """Entities, quotes, dates: ``None`` = on when :mod:`kliping.enrich` is importable."""


class HtmlStep(Step):
    """Extraction for the records that hold HTML: :class:`kliping.extract.html.ExtractStep`,
    imported and built on the first such record (text records pass through untouched)."""

    name = "extract"

    def __init__(self) -> None:
        self._step: Step | None = None

    def process(self, article: Article, stats: Stats) -> Article | None:
        if article.html is None:
            return article
        if self._step is None:
            from kliping.extract.html import ExtractStep

            self._step = ExtractStep()
        return self._step.process(article, stats)


def _enrich_step(wanted: bool | None) -> Step | None:
    if wanted is False:
        return None
    try:
        enrich = importlib.import_module("kliping.enrich")
        factory = enrich.EnrichStep
    except (ImportError, AttributeError) as exc:
        if wanted:
            raise ImportError("--enrich needs kliping.enrich.EnrichStep, which is not available") from exc
        return None
    step: Step = factory()
    return step


def load_models(paths: tuple[str, ...]) -> Any:
    """The learned model of ``paths`` (several are combined: a line is boilerplate if any says so)."""
    if not paths:
        return None
    from kliping.boilerplate.learned import UnionModel, load_model

    models = [load_model(p) for p in paths]
    return models[0] if len(models) == 1 else UnionModel(models)


def build_steps(options: StepOptions) -> list[Step]:
    from kliping.core import CleanStep

    steps: list[Step] = [HtmlStep()]
    steps.append(CleanStep(load_models(options.model_paths)))
    enrich = _enrich_step(options.enrich)
    if enrich is not None:
        steps.append(enrich)
    return steps
