"""Enrich in other languages, second pass: the grammar of attributions (an age set off by commas,
a role and a comma before the speaker, a particle before a body's name), bodies named by a
two-word head, list words that are no connectors, and the shared city table of the gazetteer.
Every name and body below is made up; places are real."""

from __future__ import annotations

import pytest

from kliping.enrich.entities import extract_entities
from kliping.enrich.gazetteer import _cities, places
from kliping.enrich.quotes import find_quotes


def names(text: str, language: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in extract_entities(text, language)}


def quotes(text: str, language: str) -> list[tuple[str | None, str]]:
    found = find_quotes(text, extract_entities(text, language), language)
    return [(q.speaker, q.text) for q in found]


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        ("Ana da Silva Prates, de 60 anos, que mora ali, contou tudo.", "pt", "Ana da Silva Prates"),
        ("Depois chegou a técnica Bruna Lopes Viana, 41, que vinha de casa.", "pt", "Bruna Lopes Viana"),
        (
            "Jean-Marc Duvalier, 58 ans, pêcheur depuis toujours, hausse les épaules.",
            "fr",
            "Jean-Marc Duvalier",
        ),
        ("Das bestätigte Jonas Kellermann, 52, am Montag.", "de", "Jonas Kellermann"),
    ],
)
def test_an_age_set_off_by_commas_marks_a_person(text: str, language: str, person: str) -> None:
    assert ("PERSON", person) in names(text, language)


def test_a_date_after_a_comma_is_no_age() -> None:
    assert not any(label == "PERSON" for label, _ in names("Es geschah in Frankfurt Oder, 20. Mai.", "de"))


def test_a_particle_before_a_body_ends_the_name() -> None:
    """'Abc Def van XyzBouw': the person, then "of" and the body (a word with a capital inside, an
    acronym-led word, or a name the text calls a body elsewhere)."""
    found = names("Dat zegt woordvoerder Piet Jansen van NedBouw. Eerder meldde NedBouw niets.", "nl")
    assert ("PERSON", "Piet Jansen") in found and ("ORG", "NedBouw") in found
    found = names("„Dat is zo”, zegt teamleider Kees Bakker van het XYZ-team.", "nl")
    assert ("PERSON", "Kees Bakker") in found
    assert ("PERSON", "Piet van Dam") in names("Dat zegt Piet van Dam.", "nl")  # a particle of the name


def test_an_acronym_led_role_is_a_title() -> None:
    found = names("„Das ist so“, sagte VDX-Landesvorsitzende Maria Kern-Albers.", "de")
    assert ("PERSON", "Maria Kern-Albers") in found
    # English keeps its split: the body's acronym, then the name
    assert ("PERSON", "John Smith") in names("The ABC-Secretary John Smith said so.", "en")


def test_a_title_with_an_elided_article_before_a_portfolio() -> None:
    found = names("Lo ha dichiarato l'assessore all'Urbanistica Marco Bianchini.", "it")
    assert ("PERSON", "Marco Bianchini") in found


@pytest.mark.parametrize(
    ("text", "language", "org"),
    [
        ("Lo informó la Guardia Civil en un comunicado.", "es", "Guardia Civil"),
        ("A Defesa Civil acionou as sirenes.", "pt", "Defesa Civil"),
        ("O Corpo de Bombeiros foi chamado.", "pt", "Corpo de Bombeiros"),
        ("Volgens het Openbaar Ministerie is dat zo.", "nl", "Openbaar Ministerie"),
    ],
)
def test_a_two_word_head_names_a_body_on_its_own(text: str, language: str, org: str) -> None:
    assert ("ORG", org) in names(text, language)


def test_a_one_word_head_alone_is_still_no_name() -> None:
    assert not any(label == "ORG" for label, _ in names("Die Gewerkschaft will mehr Geld.", "de"))


def test_a_list_word_of_the_language_is_no_connector() -> None:
    """Dutch "of" is "or": the two towns are two places, not one name with "of"."""
    found = names("Wie naar Zwolle of Deventer reist, kan via Amsterdam of Arnhem reizen.", "nl")
    assert {("PLACE", "Zwolle"), ("PLACE", "Deventer"), ("PLACE", "Amsterdam"), ("PLACE", "Arnhem")} <= found


def test_malay_respect_pronoun_is_no_name() -> None:
    found = names("Superintendan Rahim Osmanto berkata demikian. Beliau berkata, kes disiasat.", "ms")
    assert ("PERSON", "Beliau") not in found
    assert ("PERSON", "Rahim Osmanto") in found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the speaker set off after the role, the portfolio and a comma
        (
            '"Ci vuole tempo", ha spiegato il comandante del Nucleo di Torino, il maggiore Dario Ferrante Bassi.',
            "it",
            [("Dario Ferrante Bassi", "Ci vuole tempo")],
        ),
        # a bare verb after the quote: the person named before it in the paragraph
        (
            'Ana da Silva Prates, de 60 anos, contou que acordou cedo. "Foi um susto enorme", relatou.',
            "pt",
            [("Ana da Silva Prates", "Foi um susto enorme")],
        ),
        (
            "« On verra bien », prévient Yves Le Gallou, patron du chalutier.",
            "fr",
            [("Yves Le Gallou", "On verra bien")],
        ),
    ],
)
def test_more_attributions(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert quotes(text, language) == expected


def test_the_city_table_is_loaded_once_for_every_language() -> None:
    """The base gazetteer and each language's names read the same table of cities."""
    assert _cities() is _cities()
    assert "lisboa" in places("pt")
    assert "münchen" in places("de")


def test_a_news_agency_before_the_name_is_no_part_of_it() -> None:
    found = names(
        "\"Ci vuole tempo\", ha raccontato all'ANSA Marco Bellini Ruggeri, titolare di un'azienda.", "it"
    )
    assert ("PERSON", "Marco Bellini Ruggeri") in found


def test_a_determiner_ends_a_sentence_case_body() -> None:
    found = names("La Croix-Rouge malienne leur a porté secours.", "fr")
    assert ("ORG", "Croix-Rouge malienne") in found
    found = names("Les données iront à l'Institut français de recherche pour l'étude de la mer.", "fr")
    assert ("ORG", "Institut français de recherche pour l'étude de la mer") in found


def test_a_capital_preposition_opens_a_sentence() -> None:
    assert names("À Lorient, les pêcheurs testent des caisses.", "fr") == {("PLACE", "Lorient")}


def test_a_participle_after_an_auxiliary_attributes_a_quote() -> None:
    text = 'Una vecina, Lucía Pardo Ferrán, ha hablado con la prensa. "No pudimos salir de casa", ha contado.'
    assert quotes(text, "es") == [("Lucía Pardo Ferrán", "No pudimos salir de casa")]


def test_a_speaker_the_rules_missed_becomes_a_person() -> None:
    """'"…", relató Abc Marina Def': the quote names its speaker; the enrich step adds the person."""
    from kliping.article import Article
    from kliping.enrich import enrich

    body = "“Se cayó todo”, relató Rosa Marina Quintero, habitante del sector. La Alcaldía de Bello informó."
    article = enrich(Article(body=body, language="es"))
    assert ("PERSON", "Rosa Marina Quintero") in {(e.label, e.text) for e in article.entities}
    person = next(e for e in article.entities if e.text == "Rosa Marina Quintero")
    assert body[person.start : person.end] == "Rosa Marina Quintero"
    # English keeps its own rules: no speaker is added there
    from kliping.article import Quote
    from kliping.enrich import _add_speakers

    english = Article(body='"It fell," said Rosa Quintero.', language="en")
    english.quotes = [Quote("Rosa Quintero", "It fell", "said", 1, 8)]
    _add_speakers(english, "en")
    assert english.entities == []


def test_a_title_word_the_body_writes_in_lowercase_is_a_noun() -> None:
    """The title's "Grenswacht" is the body's "grenswacht": no place, whatever a gazetteer says."""
    body = "De grenswacht heeft in de haven van Vlissingen drugs gevonden."
    found = {
        (e.label, e.text) for e in extract_entities(body, "nl", title="Grenswacht vindt drugs in Vlissingen")
    }
    assert ("PLACE", "Vlissingen") in found
    assert not any(text == "Grenswacht" for _, text in found)


def test_a_malay_text_taken_for_indonesian_gets_malay_lists() -> None:
    from kliping.enrich import _malay_or

    malay = "Polis sedang menyiasat kes itu kerana saksi melihat sebuah lori selepas kejadian."
    indonesian = "Polisi sedang menyelidiki kasus itu karena saksi melihat sebuah truk setelah kejadian."
    assert _malay_or("id", malay) == "ms"
    assert _malay_or("id", indonesian) == "id"
    assert _malay_or("en", malay) == "en"  # only a text taken for Indonesian
