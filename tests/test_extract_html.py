"""HTML input: extraction, page metadata, the seed as a page, broken markup, pages with no article."""

from __future__ import annotations

import html as html_lib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping import clean
from kliping.article import Article
from kliping.core import CleanStep
from kliping.extract import html as extract_module
from kliping.extract.html import (
    ExtractStep,
    MissingExtra,
    combine,
    extract_html,
    page_language,
    paragraph_key,
    restore_copies,
    split_authors,
    word_units,
)
from kliping.pipeline import Pipeline, Rejected, Stats

from .conftest import DEV_SET, SEED

TITLE = "Tiga Taman Baru Dibuka di Bandung Utara"
PARAS = [
    "BANDUNG - Pemerintah Kota Bandung membuka tiga taman baru di kawasan utara kota pada Senin pagi, "
    "disaksikan ratusan warga yang datang sejak subuh.",
    "Wali kota mengatakan taman-taman itu dibangun di atas lahan bekas gudang yang sudah lama "
    "terbengkalai dan kini ditanami lebih dari dua ribu pohon peneduh.",
    "Baca juga: Harga Sewa Kios di Pasar Baru Naik Dua Kali Lipat",
    "Menurut dinas lingkungan hidup, setiap taman dilengkapi jalur pejalan kaki, tempat bermain anak, "
    "dan kolam resapan untuk menampung air hujan saat musim hujan tiba.",
    "Warga berharap taman itu dirawat dengan baik dan tidak berubah menjadi tempat parkir liar seperti "
    "yang terjadi di beberapa taman lain di pusat kota.",
]
NAV = (
    '<nav><ul><li><a href="/">Beranda</a></li><li><a href="/kota">Kota</a></li>'
    '<li><a href="/olahraga">Olahraga</a></li></ul></nav>'
)
FOOTER = (
    "<footer><p>Hak cipta 2024 Kabar Priangan. Seluruh hak dilindungi.</p>"
    '<a href="/tentang">Tentang kami</a></footer>'
)


def news_page(paras: list[str] = PARAS, *, charset: str = "utf-8", metadata: bool = True) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": TITLE,
        "datePublished": "2024-03-11T08:30:00+07:00",
        "author": [{"@type": "Person", "name": "Rina Kusumawati"}],
        "publisher": {"@type": "Organization", "name": "Kabar Priangan"},
    }
    head = f'<meta charset="{charset}">'
    if metadata:
        head += (
            f"<title>{TITLE} - Kabar Priangan</title>"
            '<meta property="og:site_name" content="Kabar Priangan">'
            f'<meta property="og:title" content="{TITLE}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        )
    body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in paras)
    return (
        f'<!DOCTYPE html><html lang="id"><head>{head}</head><body>{NAV}'
        f"<main><article><h1>{TITLE}</h1>{body}</article></main>{FOOTER}</body></html>"
    )


def seed_page(title: str | None = None) -> str:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    head = '<meta charset="utf-8">' + (f"<title>{html_lib.escape(title)}</title>" if title else "")
    body = "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines)
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


# --- the page and its metadata --------------------------------------------------------------
@pytest.mark.parametrize("fast", [False, True])
def test_text_and_hints(fast: bool) -> None:
    text, hints = extract_html(news_page(), fast=fast)
    lines = text.split("\n")
    assert lines[0] == TITLE  # the headline heads the text, as in scraped text
    assert lines[1:] == PARAS
    assert "Beranda" not in text and "Hak cipta" not in text
    assert hints == {
        "title": TITLE,
        "authors": ["Rina Kusumawati"],
        "published": "2024-03-11",
        "site_name": "Kabar Priangan",
        "language": "id",
    }


def test_extractor_leftovers_are_cleaned_and_metadata_merged() -> None:
    text, hints = extract_html(news_page())
    article = clean(text, hints=hints)
    assert "Baca juga" not in article.body
    assert {(r.text, r.reason) for r in article.removed} >= {
        (TITLE, "title"),
        ("Baca juga: Harga Sewa Kios di Pasar Baru Naik Dua Kali Lipat", "related"),
    }
    assert article.title == TITLE
    assert article.authors == ["Rina Kusumawati"]  # the text credits nobody: the page's author
    assert article.published == "2024-03-11"  # the text states no date: the page's
    assert article.outlet == "Kabar Priangan"  # no outlet rule matched: the page's site name
    assert article.dateline == "Bandung"
    assert article.body.split("\n")[0].startswith("Pemerintah Kota Bandung")


def test_text_credit_wins_over_page_author() -> None:
    paras = [*PARAS, "Penulis: Dimas Prasetyo", "Editor: Lestari Wulandari"]
    text, hints = extract_html(news_page(paras))
    article = clean(text, hints=hints)
    assert hints["authors"] == ["Rina Kusumawati"]
    assert article.authors == ["Dimas Prasetyo", "Lestari Wulandari"]


def test_bytes_with_declared_windows_1252() -> None:
    paras = [p.replace("Wali kota", "Wali kota “Café” Andrés") for p in PARAS]
    data = news_page(paras, charset="windows-1252").encode("cp1252")
    text, _ = extract_html(data)
    assert "Wali kota “Café” Andrés mengatakan" in text


def test_bytes_with_declared_iso_8859_1() -> None:
    paras = [p.replace("Menurut", "Menurut José Peña,") for p in PARAS]
    data = news_page(paras, charset="iso-8859-1").encode("latin-1")
    text, _ = extract_html(data)
    assert "Menurut José Peña, dinas" in text
    assert "\ufffd" not in text


def test_bytes_with_declared_iso_8859_2() -> None:
    # not valid UTF-8, and windows-1252 would misread it: only the meta charset gives the text
    paras = [p.replace("Menurut", "Menurut Jiří Dvořák z Plzně,") for p in PARAS]
    data = news_page(paras, charset="iso-8859-2").encode("iso-8859-2")
    text, _ = extract_html(data)
    assert "Menurut Jiří Dvořák z Plzně, dinas" in text


def test_broken_markup() -> None:
    paras = PARAS[:2] + PARAS[3:]
    broken = (
        "<html><head><title>Taman baru</title><body><div class=content><p>"
        + paras[0]
        + "<p>"
        + paras[1]
        + "</span></div></div><p><b>"
        + paras[2]
        + "<script>var x = '<p>not text</p>';</script><p>"
        + paras[3]
        + "<style>p { color: red }</style><table><tr><td>"
    )
    text, _ = extract_html(broken)
    for p in paras:
        assert p in text.split("\n")
    assert "not text" not in text and "color" not in text


def test_language_and_authors_helpers() -> None:
    assert page_language('<html lang="id-ID"><head>') == "id"
    assert page_language('<html><head><meta property="og:locale" content="en_GB">') == "en"
    assert page_language("<html><head>") is None
    assert split_authors("Rina K;  Dimas P ; rina k") == ["Rina K", "Dimas P"]
    assert split_authors(None) == []
    assert word_units("satu dua tiga") == 3
    assert word_units("東京都で新しい公園が開かれた") == 1 + 14 // 2  # one space-free run, 14 characters


# --- the seed as a page ---------------------------------------------------------------------
def test_seed_page_gives_the_same_article() -> None:
    seed = SEED.read_text(encoding="utf-8")
    text, hints = extract_html(seed_page())
    assert text == seed.rstrip("\n")
    assert clean(text, hints=hints).to_dict() == clean(seed).to_dict()


def test_seed_page_through_the_pipeline() -> None:
    seed = SEED.read_text(encoding="utf-8")
    stats = Stats()
    out = Pipeline([ExtractStep(), CleanStep()]).process(Article(html=seed_page()), stats)
    assert out is not None and out.html is None
    assert out.to_dict() == clean(seed).to_dict()
    assert stats.counters["extract.docs"] == 1


def test_seed_page_with_a_title_differs_only_in_title() -> None:
    seed = SEED.read_text(encoding="utf-8")
    title = "Kazakhstan Tolak Permintaan Rusia Usir Duta Besar Ukraina"
    text, hints = extract_html(seed_page(title))
    from_page = clean(text, hints=hints).to_dict()
    from_text = clean(seed).to_dict()
    assert from_page.pop("title") == title and from_text.pop("title") is None
    page_removed = from_page.pop("removed")
    assert page_removed[0] == {"line": 1, "text": title, "reason": "title"}
    assert [{**r, "line": r["line"] - 1} for r in page_removed[1:]] == from_text.pop("removed")
    assert from_page == from_text


def test_dev_set_pages_give_the_same_articles(shared: Path) -> None:
    """Every labelled dev article, served as a page with one <p> a line, cleans as its text does."""
    assert shared.exists()
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 30
    differing = []
    for row in rows:
        text = "\n".join(t for _, t in row["lines"])
        body = "".join(f"<p>{html_lib.escape(t)}</p>" for _, t in row["lines"])
        page = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'
        extracted, hints = extract_html(page.encode("utf-8"), url=row["url"])
        if clean(extracted, url=row["url"], hints=hints).to_dict() != clean(text, url=row["url"]).to_dict():
            differing.append(row["id"])
    assert differing == []


# --- no article ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n ",
        b"",
        f"<html><body>{NAV}{FOOTER}</body></html>",
        "<html><head><title>Masuk</title></head><body><form><input name=u><button>Masuk</button></form></body></html>",
        "<html><body><img src=a.jpg><img src=b.jpg></body></html>",
    ],
)
def test_no_article_is_rejected(page: str | bytes) -> None:
    with pytest.raises(Rejected) as info:
        extract_html(page)
    assert info.value.reason == "no-article"


def test_step_passes_rejection_and_counts() -> None:
    stats = Stats()
    with pytest.raises(Rejected):
        ExtractStep().process(Article(html=f"<html><body>{NAV}</body></html>"), stats)
    assert stats.counters["extract.rejected"] == 1


def test_step_keeps_record_hints_and_skips_text_records() -> None:
    stats = Stats()
    step = ExtractStep(keep_html=True)
    art = step.process(Article(html=news_page(), hints={"title": "Judul dari rekaman"}), stats)
    assert art is not None
    assert art.hints["title"] == "Judul dari rekaman" and art.hints["site_name"] == "Kabar Priangan"
    assert art.html is not None and art.raw is not None
    text_only = Article(raw="Teks biasa.")
    assert step.process(text_only, stats) is text_only and text_only.raw == "Teks biasa."
    assert stats.counters["extract.skipped"] == 1


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        extract_html(123)  # type: ignore[arg-type]


# --- combining the extractors ------------------------------------------------------------
def test_combine_falls_back_when_primary_is_short() -> None:
    full = [f"Paragraf nomor {i} berisi kalimat yang cukup panjang untuk dihitung." for i in range(10)]
    assert combine(full[:2], full) == full
    assert combine(full[:8], full) == full[:8]


def test_restore_copies_puts_back_folded_repeats() -> None:
    promo = "Baca berita dengan sedikit iklan, klik di sini"
    page = ["Menu", promo, "Satu dua tiga.", promo, "Empat lima.", promo, promo, "Enam.", "Footer"]
    primary = [promo, "Satu dua tiga.", "Empat lima.", "Enam."]
    assert restore_copies(primary, page) == page[1:-1]
    assert restore_copies(primary, []) == primary
    assert restore_copies([], page) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["a b", "c d", "e f", "g h", "i j"]), max_size=12),
    st.lists(st.sampled_from(["a b", "c d", "e f", "x y"]), max_size=12),
)
def test_restore_copies_only_adds_copies(primary: list[str], page: list[str]) -> None:
    out = restore_copies(primary, page)
    it = iter(out)
    assert all(any(p == o for o in it) for p in primary)  # primary is a subsequence of out
    keys = {paragraph_key(p) for p in primary}
    assert all(paragraph_key(o) in keys for o in out)
    assert len(out) <= len(primary) + len(page)


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=300))
def test_any_text_extracts_or_is_rejected(page: str) -> None:
    try:
        text, hints = extract_html(page)
    except Rejected as exc:
        assert exc.reason == "no-article"
    else:
        assert text and "\n\n" not in text and isinstance(hints, dict)


# --- the optional extra --------------------------------------------------------------------
def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = extract_module.find_spec
    monkeypatch.setattr(
        extract_module, "find_spec", lambda name: None if name == "trafilatura" else real(name)
    )
    with pytest.raises(MissingExtra, match=r"pip install 'kliping\[html\]'.*trafilatura"):
        extract_html(news_page())
    with pytest.raises(ImportError):
        ExtractStep()


def test_core_import_does_not_load_the_extractors() -> None:
    code = (
        "import sys, kliping, kliping.extract, kliping.extract.html, kliping.extract.warc, kliping.extract.files\n"
        "bad = [m for m in ('trafilatura', 'resiliparse', 'warcio') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(src)})
