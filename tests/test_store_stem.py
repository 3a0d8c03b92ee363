"""Indonesian stemming for the index and the query: word forms meet at their root, the fast path
equals plain Sastrawi, and the query parser never lets user text through as FTS5 syntax."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.store.query import QueryError, parse_query
from kliping.store.stem import (
    ROOTS,
    WORD,
    may_have_root,
    sastrawi,
    stem_text,
    stem_tokens,
    stem_word,
    tokens,
)

FORMS = {
    "tolak": ["tolak", "menolak", "penolakan", "ditolak", "tolakan", "ditolaknya"],
    "bangun": ["membangun", "pembangunan", "dibangun", "bangunan"],
    "harga": ["harganya", "seharga"],
}


@pytest.mark.parametrize("root", sorted(FORMS))
def test_word_forms_share_their_root(root: str) -> None:
    for form in FORMS[root]:
        assert stem_word(form) == root, form


def test_tolak_menolak_penolakan() -> None:
    assert stem_tokens("Tolak MENOLAK, penolakan!") == ["tolak", "tolak", "tolak"]


def test_text_is_cut_like_fts5_unicode61() -> None:
    assert stem_text("Jalan-jalan ke Kazakhstan_2024, 5G & café") == "jalan jalan ke kazakhstan 2024 5g café"
    assert stem_tokens("!!! --- ...") == []


REAL_WORDS = [
    "menolak", "penolakan", "pemerintah", "kebijakan", "mengatakan", "disampaikan", "pertemuan",
    "berlangsung", "menyatakan", "diberitakan", "perdagangan", "kemenangan", "ketidakadilan",
    "memperbaiki", "pengumuman", "kesehatan", "berita", "jakarta", "kazakhstan", "presiden",
    "mempertanyakan", "dipertanyakan", "kebersamaan", "bukanlah", "inilah", "rumahku", "bukumu",
    "pelabuhan", "penyeberangan", "terkenal", "tersebut", "membaca", "pembaca", "bacaan", "menyapu",
    "penyanyi", "mengirim", "pengiriman", "memukul", "menggunakan", "penggunaan", "berpenghasilan",
    "selamanya", "perekonomian", "ditindaklanjuti", "mencuci", "petani", "berjualan", "pelajaran",
    "kinerja", "gemetar", "telunjuk", "gerigi", "sinambung", "kesinambungan", "mengecat", "bekerja",
    "delibui", "mempinebakan", "terdemipolah", "pengebom", "kaubawa", "kuambil", "menerjual",
    "penerbangan", "memerangi", "menertawakan", "mengerjakan", "pengerjaan", "mempersoalkan",
]  # fmt: skip


@pytest.mark.parametrize("word", REAL_WORDS)
def test_fast_path_equals_plain_sastrawi_on_real_words(word: str) -> None:
    assert stem_word(word) == sastrawi(word)


@settings(max_examples=500, deadline=None)
@given(
    prefix=st.sampled_from(
        ["", "me", "mem", "men", "meng", "meny", "di", "ber", "ter", "pe", "pen", "per", "ke", "se"]
    ),
    # roots as the tokenizer can give them: letters only (Sastrawi's list also has "ambah-ambah")
    root=st.one_of(
        st.sampled_from(sorted(w for w in ROOTS if w.isalpha())[::50]),
        st.from_regex(r"[a-z]{2,8}", fullmatch=True),
    ),
    infix=st.sampled_from(["", "", "", "el", "em", "er", "in"]),
    suffix=st.sampled_from(["", "kan", "an", "i", "nya", "lah", "kah", "ku", "mu", "annya", "kannya"]),
)
def test_fast_path_equals_plain_sastrawi_on_affixed_words(
    prefix: str, root: str, infix: str, suffix: str
) -> None:
    word = prefix + (root[0] + infix + root[1:]) + suffix
    if len(word) <= 3:
        return
    assert stem_word(word) == sastrawi(word), word


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=80), st.text(max_size=80)))
def test_ascii_text_is_cut_into_the_same_tokens(text: str) -> None:
    """ASCII text is tokenized by translate + split, the rest by :data:`WORD`: the same tokens."""
    assert tokens(text) == WORD.findall(text.lower())


def test_hyphenated_words_never_reach_the_stemmer() -> None:
    """The index cuts "ambah-ambah" into two tokens, as FTS5's tokenizer does."""
    assert stem_text("ambah-ambah") == f"{stem_word('ambah')} {stem_word('ambah')}"


def test_infixed_words_reach_their_root() -> None:
    assert stem_word("kinerja") == "kerja"


def test_the_shortcut_skips_words_without_a_root() -> None:
    assert not may_have_root("jakarta")
    assert not may_have_root("zulkarnain")
    assert not may_have_root("tolak")  # a root already
    assert may_have_root("menolak")


# --- the query ---------------------------------------------------------------------------------
def test_query_terms_are_stemmed_and_quoted() -> None:
    parsed = parse_query('penolakan "membangun jembatan" OR ditolak -harganya')
    assert parsed.groups == [[["tolak"], ["bangun", "jembatan"]], [["tolak"]]]
    assert parsed.excluded == [["harga"]]
    assert parsed.fts() == '(("tolak" AND "bangun jembatan") OR ("tolak")) NOT "harga"'


@pytest.mark.parametrize(
    "text",
    ['"; DROP TABLE articles; --', 'tolak "unbalanced', "AND OR", "tolak*", "NEAR(tolak", "a:b ^c {d}"],
)
def test_hostile_queries_become_quoted_stems(text: str) -> None:
    try:
        expr = parse_query(text).fts()
    except QueryError:
        return
    for part in expr.replace("(", " ").replace(")", " ").split('"')[1::2]:
        assert all(tok.isalnum() for tok in part.split()), expr


@pytest.mark.parametrize("text", ["", "   ", "***", "-tolak", '""', "OR"])
def test_queries_with_nothing_to_search_say_so(text: str) -> None:
    with pytest.raises(QueryError):
        parse_query(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_query_parses_or_raises_query_error(text: str) -> None:
    try:
        expr = parse_query(text).fts()
    except QueryError:
        return
    assert expr.count('"') % 2 == 0
