"""Properties of `clean` over arbitrary text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kliping
from kliping.core import split_lines

# Lines built from news-like pieces find the interesting paths; arbitrary unicode finds crashes.
_PIECES = [
    "TEMPO.CO, Jakarta - ",
    "Jakarta - ",
    "KOMPAS.com - ",
    "Surabaya (ANTARA) - ",
    "Baca juga: ",
    "Baca Juga",
    "Lihat Foto",
    "ADVERTISEMENT",
    "REUTERS | NESA AQILA",
    "Penulis: Budi Santoso",
    "(ant/imk)",
    "Selasa, 12 Maret 2024 10:42 WIB",
    "Harga beras naik.",
    "Pemerintah menolak usulan itu",
    '"Kami menolak," kata Budi.',
    "Klik di sini untuk",
    "Copyright 2024",
    "Oleh Siti Aminah pada 12 Mar 2024",
    "ANTARA",
    " ",
    "-",
    "|",
    "(",
    ")",
    "\u00a0",
    "\u2028",
    "é",
    "Ç",
    "ß",
    "İ",
    "\t",
]
news_line = st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), min_size=0, max_size=5).map("".join)
news_text = st.lists(news_line, min_size=0, max_size=14).map("\n".join)
any_text = st.text(max_size=400)


def _accounted(text: str) -> None:
    article = kliping.clean(text)
    lines = [ln.strip() for ln in split_lines(text)]
    removed = {r.line: r for r in article.removed}
    assert len(removed) == len(article.removed), "a line removed twice"
    kept = [ln for i, ln in enumerate(lines, start=1) if i not in removed]
    body = article.body.split("\n") if article.body else []
    assert len(kept) == len(body), "every line is in the body or removed, once"
    for src, para in zip(kept, body, strict=True):
        # the first paragraph may have lost its dateline prefix, nothing else changes
        assert para == src or (src.endswith(para) and para), (src, para)
    for i, r in removed.items():
        assert r.text == lines[i - 1]
    for r in article.removed:
        assert r.reason in kliping.article.REASONS


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text)
def test_every_line_accounted_for_news_like(text: str) -> None:
    _accounted(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_every_line_accounted_for_any_unicode(text: str) -> None:
    _accounted(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text | any_text)
@example("TEMPO.CO, Jakarta - (")  # a dateline with only punctuation after it (found by CI)
def test_cleaning_is_idempotent(text: str) -> None:
    once = kliping.clean(text)
    twice = kliping.clean(once.body)
    assert twice.body == once.body
