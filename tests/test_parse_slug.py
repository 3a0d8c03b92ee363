"""The URL's slug names the headline: kliping.parse.slug."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kliping.parse.slug import slug_words, spells_slug


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "https://example.com/2024/03/12/rain-floods-the-old-harbour-road/",
            {"rain", "floods", "the", "old", "harbour", "road"},
        ),
        (
            "https://example.es/madrid/lluvia-inunda-el-puerto-viejo-20250122134512-nt.html",
            {"lluvia", "inunda", "el", "puerto", "viejo", "nt"},
        ),
        (
            "https://example.fr/monde/senegal-la-pluie-noie-le-port-18-06-2024-QX3K7N2B5RDFHJ4Y.php",
            {"senegal", "la", "pluie", "noie", "le", "port"},
        ),
        (
            "https://example.de/panorama/regen_flutet_den_alten_hafen_a1b2c3d4.html",
            {"regen", "flutet", "den", "alten", "hafen"},
        ),
    ],
)
def test_slug_words(url: str, words: set[str]) -> None:
    assert slug_words(url) == words


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.com/",
        "https://example.com/news/world/",
        "https://example.com/read/1982214",
        "https://example.com/a-b-c",
    ],
)
def test_no_slug(url: str | None) -> None:
    assert slug_words(url) is None


def test_the_headline_spells_its_slug_in_any_language() -> None:
    slug = slug_words("https://example.es/madrid/lluvia-inunda-el-puerto-viejo-de-la-ciudad-20250122.html")
    assert slug is not None
    assert spells_slug("Lluvia inunda el puerto viejo de la ciudad", slug)
    assert spells_slug("La lluvia inunda el puerto viejo de la ciudad: 30 familias evacuadas", slug)
    slug = slug_words("https://example.fr/senegal-pres-de-150-pecheurs-secourus-au-large-de-dakar")
    assert slug is not None
    assert spells_slug("Sénégal : près de 150 pêcheurs secourus au large de Dakar", slug)


def test_a_lead_paragraph_does_not_spell_the_slug() -> None:
    slug = slug_words("https://example.com/2024/05/02/warga-tolak-rencana-pasar-baru-dekat-sekolah/")
    assert slug is not None
    lead = (
        "Ratusan warga berkumpul di balai desa untuk menolak rencana pembangunan pasar baru yang "
        "menurut mereka terlalu dekat dengan sekolah dasar dan akan membuat jalan desa macet."
    )
    assert not spells_slug(lead, slug)
    assert not spells_slug("Warga tolak rencana", slug)  # too little of the slug


@given(st.text(max_size=80), st.text(max_size=120))
def test_never_raises(path: str, line: str) -> None:
    slug = slug_words("https://example.com/" + path)
    if slug is not None:
        assert len(slug) >= 4
        spells_slug(line, slug)


_URL = "https://example.com/2024/05/02/rain-floods-the-old-harbour-road-again/"
_LEAD = (
    "Heavy rain flooded the old harbour road on Thursday for the third time this month, cutting off "
    "the fish market and two schools."
)


def test_clean_takes_the_headline_the_url_spells() -> None:
    import kliping

    text = "Rain floods the old harbour road again\n" + _LEAD
    article = kliping.clean(text, url=_URL)
    assert article.title == "Rain floods the old harbour road again"
    assert article.body == _LEAD
    assert kliping.clean(article.body, url=_URL).body == article.body  # a fixed point
    # without the URL nothing says the first line is a headline rather than a short paragraph
    assert kliping.clean("Rain floods the old harbour road again\nShort line.", url=None).title is None


def test_clean_keeps_a_lead_sentence_that_spells_the_slug() -> None:
    import kliping

    lead = "Rain floods the old harbour road again, the city's harbour office said on Thursday evening."
    article = kliping.clean(lead + "\n" + _LEAD, url=_URL)
    assert article.title is None and article.body.startswith(lead)


def test_a_headline_printed_twice_is_left_for_repetition() -> None:
    import kliping

    head = "Rain floods the old harbour road again"
    article = kliping.clean(f"{head}\n{head} (video)\n{_LEAD}", url=_URL)
    assert kliping.clean(article.body, url=_URL).body == article.body
