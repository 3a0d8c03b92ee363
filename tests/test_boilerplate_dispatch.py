"""The rule layer's shortcuts must never change an answer: the start-anchored shapes tried by a
line's first character, and the gate before the end-anchored shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.boilerplate.firstchar import first_chars
from kliping.boilerplate.rules import rules
from kliping.evaluation import load_labelled, raw_text
from tests.conftest import DEV_SET, REPO

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = REPO / "samples" / "articles.jsonl"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:baca|Read)\s+juga", set("br")),
        (r"[*•>\-]?\s*(?:follow|ikuti)", set("*>-fi") | set(" \t\n\r\f\v")),
        (r"\d+\s+menit", set("0123456789")),
        (r"\bKlik", {"k"}),
        (r"(?=[A-Z])Foto", {"f"}),
        ("\u212aode", {"k"}),  # the Kelvin sign matches "k" when case is ignored
    ],
)
def test_first_chars(pattern: str, expected: set[str]) -> None:
    assert first_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"\w+", r"a?", r".x", r"[^a]b", r"(a)?\1b", r"(?:x|)y?"])
def test_first_chars_unknown_means_any(pattern: str) -> None:
    assert first_chars(pattern) is None


def _corpus_lines() -> list[str]:
    """Every line of the labelled fixtures, the dev set (when ../shared is there) and the samples."""
    texts = [raw_text(r) for path in sorted(FIXTURES.glob("*.jsonl")) for r in load_labelled(path)]
    if DEV_SET.exists():
        texts += [raw_text(r) for r in load_labelled(DEV_SET)]
    texts += [json.loads(row)["text"] for row in SAMPLES.read_text(encoding="utf-8").splitlines()]
    return [ln.strip() for text in texts for ln in text.splitlines() if ln.strip()]


OWN_LINES = [
    "Baca juga: Harga cabai naik lagi",
    "klik di sini untuk berlangganan",
    "Ikuti kami di WhatsApp Channel",
    "© 2024 Harian Contoh. All rights reserved.",
    "3 min read",
    "halaman 2 dari 5",
    "#banjir #jakarta",
    "Warga mengungsi ke balai desa. (Ist)",
    "Petugas memeriksa lokasi kebakaran (Dok. Humas Polres)",
    "Ilustrasi pasar saham (Shutterstock)",
    "Suasana rapat di gedung dewan. ANTARA FOTO/Budi Santoso",
    "Berlangganan sekarang untuk akses penuh (Rp10.000 per bulan)",
    "Subscribe now for full access [limited offer]",
    "Lihat Foto",
    "Kibaran bendera di lapangan. REUTERS/Jane Roe",
    "Ada kabar pic.twitter.com/AbC123",
]


def test_first_character_dispatch_gives_the_same_match_as_every_shape() -> None:
    r = rules()
    assert r.head is not None
    for line in [*OWN_LINES, *_corpus_lines()]:
        whole = r.head.match(line)
        part = r.head_for(line)
        got = part.match(line) if part is not None else None
        assert (whole and (whole.lastgroup, whole.span())) == (got and (got.lastgroup, got.span())), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abkKyu#*-•©([ 0123456789.:/,!?")), min_size=1, max_size=40))
def test_dispatch_on_arbitrary_starts(line: str) -> None:
    r = rules()
    assert r.head is not None
    part = r.head_for(line)
    whole = r.head.match(line)
    got = part.match(line) if part is not None else None
    assert (whole and whole.lastgroup) == (got and got.lastgroup)


def test_every_end_anchored_match_passes_the_gate() -> None:
    """rules.toml promises that each end-anchored shape needs one of the gate's strings or shapes."""
    r = rules()
    assert r.tail is not None
    matched = 0
    for line in [*OWN_LINES, *_corpus_lines()]:
        if r.tail.search(line, max(0, len(line) - 100)):
            matched += 1
            assert r._tail_gate(line), line
    assert matched >= 8
